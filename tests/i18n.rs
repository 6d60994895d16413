//! The page's words: every label in every language, the browser's language, and translated errors.

use saddle::analysis::{analyze, find_critical_points, PointKind};
use saddle::data::DATASET_PRESETS;
use saddle::formula::Formula;
use saddle::i18n::Language;
use saddle::i18n::{
    browser_language, continuum, formula_error, lab_words, strings, ExperimentStatus, Labels,
};
use saddle::jobs::TrainingState;
use saddle::lesson::{StepId, STEPS};
use saddle::network::Task;
use saddle::optim::{OptimizerKind, RunStatus};
use saddle::presets::{preset, PRESETS};
use saddle::render::CurvatureClass;
use saddle::share::decode;

#[test]
fn every_label_exists_and_is_filled_in_every_language() {
    assert!(Labels::KEYS.len() > 60);
    for language in Language::ALL {
        let labels = &strings(language).labels;
        for key in Labels::KEYS {
            let text = labels.get(key).unwrap_or_else(|| panic!("{key}"));
            assert!(!text.trim().is_empty(), "{key} in {}", language.code());
        }
        assert_eq!(labels.get("no_such_label"), None);
    }
    let (en, zh) = (
        &strings(Language::English).labels,
        &strings(Language::Chinese).labels,
    );
    assert_eq!(en.get("copy_link"), Some("Copy link"));
    assert_eq!(zh.get("copy_link"), Some("复制链接"));
    let untranslated: Vec<&&str> = Labels::KEYS
        .iter()
        .filter(|key| en.get(key) == zh.get(key))
        .collect();
    // Symbols only: the same in every language.
    assert_eq!(
        untranslated,
        [&"formula_label", &"column_loss", &"column_gradient_norm"]
    );
}

#[test]
fn the_verdict_read_out_and_the_stale_map_note_in_both_languages() {
    let saddle = analyze(&Formula::parse("(1 - x*y)^2").unwrap(), [0.0, 0.0]);
    let say = |language: Language| {
        let words = strings(language);
        let [first, second] = saddle.eigen.values.map(|lambda| words.number(lambda));
        (words.announce_point)(
            &words.point(saddle.at),
            words.point_verdict(&saddle),
            &first,
            &second,
        )
    };
    assert_eq!(
        say(Language::English),
        "θ′ = (0, 0): saddle point. Eigenvalues λ₁ = −2, λ₂ = 2."
    );
    assert_eq!(
        say(Language::Chinese),
        "θ′ = (0, 0)：鞍点。特征值 λ₁ = −2，λ₂ = 2。"
    );
    let shown = "L = x^3 - 3*x*y";
    assert_eq!(
        (strings(Language::English).stale_map)(shown),
        "The map still shows the last valid surface, L = x^3 - 3*x*y, until the error is fixed."
    );
    assert_eq!(
        (strings(Language::Chinese).stale_map)(shown),
        "在错误修正之前，平面图仍显示上一个有效的曲面：L = x^3 - 3*x*y。"
    );
}

#[test]
fn the_lectures_terms_in_chinese() {
    let zh = strings(Language::Chinese);
    assert_eq!(zh.point_kind(PointKind::Saddle), "鞍点");
    // The standard terms: 局部极小值 / 局部极大值, 退化临界点.
    assert_eq!(zh.point_kind(PointKind::LocalMinimum), "局部极小值");
    assert_eq!(zh.point_kind(PointKind::LocalMaximum), "局部极大值");
    assert!(zh
        .point_kind(PointKind::Degenerate)
        .starts_with("退化临界点"));
    assert_eq!(zh.run_status(RunStatus::StalledAtSaddle), "停滞在鞍点");
    assert_eq!(
        zh.run_status(RunStatus::StalledAtMaximum),
        "停滞在局部极大值"
    );
    assert!(zh.run_status(RunStatus::Converged).contains("局部极小值"));
    assert_eq!((zh.marked_kind)(PointKind::Degenerate), Some("退化临界点"));
    assert_eq!(zh.optimizer(OptimizerKind::Gd), "梯度下降");
    assert_eq!(zh.optimizer(OptimizerKind::Momentum), "动量法");
    assert_eq!((zh.marked_kind)(PointKind::Regular), None);
    assert_eq!(zh.labels.learning_rate_label, "学习率 η");
    let en = strings(Language::English);
    assert_eq!(en.point_kind(PointKind::Saddle), "saddle point");
    assert_eq!(en.optimizer(OptimizerKind::Sgd), OptimizerKind::Sgd.label());
    // The lecture's valley (λ = 0 and 4) is coloured bowl-like: one eigenvalue may be 0.
    assert_eq!(
        en.curvature(CurvatureClass::Bowl),
        "bowl-like: both λ ≥ 0, not both 0"
    );
    assert_eq!(
        zh.curvature(CurvatureClass::Cap),
        "帽形：两个 λ 都 ≤ 0，且不全为 0"
    );
    assert_eq!((en.step_of)(3, 7), "Step 3 of 7");
    assert_eq!(zh.labels.batch_label, "批次大小 B");
    assert_eq!(zh.labels.view_map, "等高线图");
    assert_eq!(zh.labels.inspector_label, "点信息");
    assert_eq!((zh.step_of)(3, 7), "第 3 步，共 7 步");
}

#[test]
fn a_degenerate_point_is_not_a_minimum_when_an_eigenvalue_is_clearly_negative() {
    let point = |text: &str| analyze(&Formula::parse(text).unwrap(), [0.0, 0.0]);
    // −y² + x⁴: H = diag(0, −2). λ = 0 leaves saddle or maximum open; λ = −2 rules out a minimum.
    let not_minimum = point("-y^2 + x^4");
    // x² − y⁴: H = diag(2, 0). Nothing clearly negative: the test cannot decide.
    let undecided = point("x^2 - y^4");
    assert_eq!(
        (not_minimum.kind, undecided.kind),
        (PointKind::Degenerate, PointKind::Degenerate)
    );
    let (en, zh) = (strings(Language::English), strings(Language::Chinese));
    assert_eq!(
        en.point_verdict(&not_minimum),
        "degenerate critical point, but not a minimum: λ₁ < 0 (a saddle or a maximum; L falls along u)"
    );
    assert_eq!(
        zh.point_verdict(&not_minimum),
        "退化临界点，但不是极小值：λ₁ < 0（是鞍点或极大值；沿 u 方向 L 下降）"
    );
    assert_eq!(
        en.point_verdict(&undecided),
        en.point_kind(PointKind::Degenerate)
    );
    assert!(en.point_verdict(&undecided).contains("cannot decide"));
    assert!(zh.point_verdict(&undecided).contains("无法判定"));
    // Other kinds read as their kind.
    assert_eq!(en.point_verdict(&point("x^2 - y^2")), "saddle point");
    assert_eq!(zh.point_verdict(&point("-(x^2 + y^2)")), "局部极大值");
}

#[test]
fn every_family_is_named_and_distinct_in_every_language() {
    for language in Language::ALL {
        let s = strings(language);
        let kinds = [
            PointKind::Regular,
            PointKind::LocalMinimum,
            PointKind::LocalMaximum,
            PointKind::Saddle,
            PointKind::Degenerate,
            PointKind::Undefined,
        ]
        .map(|k| s.point_kind(k));
        let statuses = [
            RunStatus::Running,
            RunStatus::Converged,
            RunStatus::StalledFlat,
            RunStatus::StalledAtSaddle,
            RunStatus::StalledAtMaximum,
            RunStatus::Diverged,
            RunStatus::MaxSteps,
        ]
        .map(|r| s.run_status(r));
        let optimizers = OptimizerKind::ALL.map(|k| s.optimizer(k));
        let classes = CurvatureClass::ALL.map(|c| s.curvature(c));
        for family in [&kinds[..], &statuses, &optimizers, &classes] {
            for (i, a) in family.iter().enumerate() {
                assert!(!a.is_empty());
                assert!(!family[i + 1..].contains(a), "{a} twice");
            }
        }
    }
}

#[test]
fn the_browser_language_picks_the_first_one_spoken_here() {
    for tags in [
        &["zh"][..],
        &["zh-CN"],
        &["zh-Hans-CN", "en"],
        &["ZH_tw"],
        &["fr-FR", "zh"],
    ] {
        assert_eq!(browser_language(tags), Language::Chinese, "{tags:?}");
    }
    for tags in [
        &[][..],
        &["en-GB", "zh-CN"],
        &["fr", "de"],
        &[""],
        &["zhx"],
        &["-"],
    ] {
        assert_eq!(browser_language(tags), Language::English, "{tags:?}");
    }
}

fn error_of(formula: &str) -> saddle::formula::FormulaError {
    Formula::parse(formula).unwrap_err()
}

#[test]
fn formula_errors_keep_their_english_and_read_in_chinese() {
    let cases = [
        ("1 +", "column 4: expected an operand after '+'", "第 4 列：'+' 后面缺少操作数"),
        ("2x", "column 2: expected an operator before 'x' (write 2*x, not 2x)", "第 2 列：'x' 前面缺少运算符（应写 2*x，而不是 2x）"),
        ("(x + 1", "column 7: expected ')' to close the '(' at column 1, but the formula ended", "第 7 列：缺少 ')' 来闭合第 1 列的 '('，但公式已结束"),
        ("x )", "column 3: unmatched ')': there is no '(' for it to close", "第 3 列：多余的 ')'：前面没有与之配对的 '('"),
        ("sin x", "column 5: expected '(' after the function sin, as in sin(x)", "第 5 列：函数 sin 后面应有 '('，例如 sin(x)"),
        ("(2 3)", "column 4: expected ')' to close the '(' at column 1, but found the number 3", "第 4 列：缺少 ')' 来闭合第 1 列的 '('，却遇到了 数字 3"),
        ("x $ y", "column 3: unexpected character '$': use numbers, x, y, + - * / ^, parentheses and function names", "第 3 列：意外的字符 '$'：请使用数字、x、y、+ - * / ^、括号和函数名"),
        ("", "column 1: the formula is empty: type a loss in x and y, like (1 - x*y)^2", "第 1 列：公式为空：请输入关于 x 和 y 的损失函数，例如 (1 - x*y)^2"),
        ("sin(", "column 5: expected an operand after 'sin('", "第 5 列：'sin(' 后面缺少操作数"),
    ];
    for (formula, english, chinese) in cases {
        let error = error_of(formula);
        assert_eq!(error.to_string(), english, "{formula}");
        assert_eq!(formula_error(Language::English, &error), english);
        assert_eq!(
            formula_error(Language::Chinese, &error),
            chinese,
            "{formula}"
        );
    }
    let unknown = formula_error(Language::Chinese, &error_of("foo(x)"));
    assert!(
        unknown.starts_with("第 1 列：未知的名称 'foo'") && unknown.contains("sin"),
        "{unknown}"
    );
}

#[test]
fn link_notices_read_in_both_languages() {
    let decoded = decode("pt=NaN,1&expr=x+&preset=nowhere");
    let english: Vec<String> = decoded
        .problems
        .iter()
        .map(|p| p.worded(strings(Language::English)))
        .collect();
    assert_eq!(english, decoded.notices);
    let chinese: Vec<String> = decoded
        .problems
        .iter()
        .map(|p| p.worded(strings(Language::Chinese)))
        .collect();
    assert_eq!(
        chinese,
        [
            "已忽略链接中的 pt=NaN,1：应为两个有限的数 x,y。",
            "已忽略链接中的 expr=x+：公式有错误，第 3 列：'+' 后面缺少操作数。",
            "已忽略链接中的 preset=nowhere：没有这个名称的预设。",
        ]
    );
}

#[test]
fn lesson_texts_exist_in_both_languages() {
    for step in &STEPS {
        for language in Language::ALL {
            let text = (strings(language).lesson)(step.id);
            assert!(
                !text.title.is_empty() && text.body.len() > 80,
                "{}",
                step.id.slug()
            );
        }
        assert_ne!(
            (strings(Language::English).lesson)(step.id),
            (strings(Language::Chinese).lesson)(step.id)
        );
    }
    let network = (strings(Language::Chinese).lesson)(STEPS[3].id);
    assert!(network.body.contains("鞍点") && network.body.contains("u = (1, 1)"));
}

#[test]
fn every_preset_has_a_title_and_description_in_every_language() {
    let names = PRESETS
        .iter()
        .map(|p| p.name)
        .chain(DATASET_PRESETS.iter().map(|d| d.name));
    for name in names {
        let english = (strings(Language::English).preset)(name).expect(name);
        for language in Language::ALL {
            // The language's own table, not the English fallback the page would show.
            let text = (strings(language).preset)(name)
                .unwrap_or_else(|| panic!("preset {name} has no words in {}", language.code()));
            assert!(
                !text.title.is_empty() && text.description.len() > 40,
                "{name}"
            );
            if language != Language::English {
                assert_ne!(text.title, english.title, "{name} in {}", language.code());
                assert_ne!(text.description, english.description, "{name}");
            }
        }
    }
    let lecture = strings(Language::English).preset("lecture").unwrap();
    assert_eq!(lecture.title, preset("lecture").unwrap().title);
    let lecture = strings(Language::Chinese).preset("lecture").unwrap();
    assert!(lecture.description.contains("鞍点"));
    assert_eq!(strings(Language::Chinese).preset("custom"), None);
}

#[test]
fn continua_are_described_in_both_languages_and_the_cli_keeps_its_english() {
    let lecture = preset("lecture").unwrap();
    let valley = find_critical_points(&lecture.formula(), &lecture.bounds())
        .continuum
        .expect("the valley w1·w2 = 1");
    assert_eq!(
        continuum(Language::English, &valley),
        "a curve of minima where the gradient vanishes (e.g. through (1, 1))"
    );
    assert_eq!(
        continuum(Language::Chinese, &valley),
        "一条梯度为零的极小值曲线（例如经过 (1, 1)）"
    );
    assert_eq!(
        strings(Language::English).continuum_hint(&valley),
        "Not marked: a curve of minima where the gradient vanishes (e.g. through (1, 1))."
    );
    assert_eq!(
        strings(Language::Chinese).continuum_hint(&valley),
        "未逐一标出：一条梯度为零的极小值曲线（例如经过 (1, 1)）。"
    );
}

#[test]
fn the_network_lab_speaks_both_languages() {
    let (en, zh) = (lab_words(Language::English), lab_words(Language::Chinese));
    let cancelled = ExperimentStatus::Cancelled { done: 3, total: 20 };
    let done = ExperimentStatus::Done {
        runs: 20,
        converged: 18,
        saddles: 15,
        minima: 2,
    };
    let running = ExperimentStatus::Running {
        done: 4,
        total: 20,
        workers: 1,
    };
    assert_eq!((en.experiment)(&cancelled), "Cancelled after 3 of 20 runs.");
    assert_eq!(
        (en.experiment)(&done),
        "Done: 20 runs; 18 reached a critical point: 15 saddles, 2 local minima, 1 other."
    );
    assert_eq!(
        (en.experiment)(&running),
        "Running: 4 of 20 runs done, on 1 worker…"
    );
    assert_eq!((zh.experiment)(&cancelled), "已取消，20 次中完成了 3 次。");
    assert!((zh.experiment)(&done).contains("15 个鞍点，2 个局部极小值"));
    assert_eq!(
        (en.verdict)(PointKind::Saddle, 3),
        "saddle point of index 3 (3 negative eigenvalues)"
    );
    assert_eq!(
        (en.verdict)(PointKind::Saddle, 1),
        "saddle point of index 1 (1 negative eigenvalue)"
    );
    assert_eq!(
        (zh.verdict)(PointKind::Saddle, 3),
        "指标为 3 的鞍点（3 个负特征值）"
    );
    assert!((zh.verdict)(PointKind::LocalMinimum, 0).starts_with("局部极小值"));
    // A degenerate point with a clearly negative eigenvalue is still not a minimum; without one, undecided.
    assert!((en.verdict)(PointKind::Degenerate, 2).starts_with(
        "degenerate critical point, but not a minimum: 2 clearly negative eigenvalues"
    ));
    assert!((zh.verdict)(PointKind::Degenerate, 1).starts_with("退化临界点，但不是极小值：有 1 个"));
    assert!((en.verdict)(PointKind::Degenerate, 0).contains("the test cannot decide"));
    assert!(!(zh.verdict)(PointKind::Degenerate, 0).contains("不是极小值"));
    assert_eq!(
        (en.ratio)("0.9", "0.9", "0.9"),
        "minimum ratio 0.9",
        "no range when nothing is undetermined"
    );
    assert!((en.ratio)("0.8", "0.8", "0.9").contains("between 0.8 and 0.9"));
    assert_eq!(
        (en.counts)(3, 14, 0),
        "3 negative, 14 positive, 0 undetermined"
    );
    assert_eq!((zh.counts)(3, 14, 0), "3 个负，14 个正，0 个无法判定");
    for state in TrainingState::ALL {
        assert_ne!((en.training)(state, 7), (zh.training)(state, 7));
        assert!((en.training)(state, 7).contains('7'));
    }
    for task in Task::ALL {
        assert_ne!((en.task)(task), (zh.task)(task));
    }
    // The Chinese page uses the course's terms.
    let zh_labels = &strings(Language::Chinese).labels;
    for (text, term) in [
        (zh_labels.lab_inspect_heading, "海森矩阵"),
        (zh_labels.lab_spectrum_label, "特征值"),
        (zh_labels.lab_slices_hint, "鞍点"),
        (zh.train_loss, "训练损失"),
        (zh.test_loss, "测试损失"),
    ] {
        assert!(text.contains(term), "{text} lacks {term}");
    }
    let (en, zh) = (strings(Language::English), strings(Language::Chinese));
    assert_eq!((en.batch_of)(2, 64), "2 of 64");
    assert_eq!((zh.batch_of)(2, 64), "2 / 64");
}

#[test]
fn chart_axis_titles_differ_by_language_except_the_loss_symbol() {
    let (en, zh) = (
        strings(Language::English).chart,
        strings(Language::Chinese).chart,
    );
    assert_eq!((en.step, zh.step), ("step", "步数"));
    assert_eq!(en.loss, zh.loss);
    assert_eq!(en.colour_bar, zh.colour_bar);
    for (english, chinese) in [
        (en.loss_log, zh.loss_log),
        (en.loss_shifted_log, zh.loss_shifted_log),
        (en.training_loss_log, zh.training_loss_log),
        (en.minimum_ratio, zh.minimum_ratio),
        (en.parameter_count_log, zh.parameter_count_log),
        (en.saddle_share, zh.saddle_share),
        (en.eigenvalue_rank, zh.eigenvalue_rank),
        (en.eigenvalue_signed_log, zh.eigenvalue_signed_log),
        (en.negative, zh.negative),
        (en.positive, zh.positive),
        (en.undetermined, zh.undetermined),
        (en.eigen_plane_x, zh.eigen_plane_x),
        (en.random_plane_y, zh.random_plane_y),
        (en.profile_t, zh.profile_t),
        (en.map_x, zh.map_x),
        (en.map_y, zh.map_y),
        (en.slice_t, zh.slice_t),
        (en.slice_model, zh.slice_model),
        (en.slice_title, zh.slice_title),
        (en.bends_up, zh.bends_up),
        (en.bends_down, zh.bends_down),
        (en.bends_flat, zh.bends_flat),
        (en.basin_diverged, zh.basin_diverged),
        (en.basin_still_moving, zh.basin_still_moving),
        (en.basin_curve, zh.basin_curve),
    ] {
        assert_ne!(english, chinese);
    }
    // The slice's curve is a formula in both; its title fills in the direction, dᵀHd and the bend in both.
    assert_eq!(en.slice_curve, zh.slice_curve);
    for title in [en.slice_title, zh.slice_title] {
        for slot in ["{d}", "{c}", "{bend}", "dᵀHd"] {
            assert!(title.contains(slot), "{title} lacks {slot}");
        }
    }
}

#[test]
fn numbers_read_as_a_class_writes_them() {
    let (en, zh) = (strings(Language::English), strings(Language::Chinese));
    assert_eq!(en.number(-2.0), "−2");
    assert_eq!(en.number(std::f64::consts::FRAC_1_SQRT_2), "0.7071");
    assert_eq!(en.number(1.0139e-4), "1.014e−4");
    assert_eq!(en.number(f64::NAN), "undefined");
    assert_eq!(zh.number(f64::INFINITY), "无定义");
    assert_eq!(en.point([0.0, -0.5]), "(0, −0.5)");
}

#[test]
fn the_race_table_says_ready_paused_or_running() {
    use saddle::optim::{Hyperparameters, Run};
    let words = strings(Language::English);
    let lecture = preset("lecture").unwrap().formula();
    let mut run = Run::new(OptimizerKind::Gd, Hyperparameters::default(), [0.6, -0.58]);
    assert_eq!(words.race_status(&run, false), words.labels.run_ready);
    run.step(&lecture);
    assert_eq!(words.race_status(&run, false), words.labels.run_paused);
    assert_eq!(
        words.race_status(&run, true),
        words.run_status(RunStatus::Running)
    );
    // A finished run says how it finished, playing or not.
    let mut at_saddle = Run::new(OptimizerKind::Gd, Hyperparameters::default(), [0.0, 0.0]);
    at_saddle.step(&lecture);
    assert_eq!(
        words.race_status(&at_saddle, false),
        words.run_status(at_saddle.status())
    );
    assert_ne!(at_saddle.status(), RunStatus::Running);
}

/// Every sentence a language shows: labels, kinds, statuses, curvature classes, lesson steps and presets.
fn every_text(language: Language) -> Vec<String> {
    let words = strings(language);
    let labels = Labels::KEYS
        .iter()
        .map(|key| words.labels.get(key).unwrap().to_string());
    let lesson = STEPS.iter().flat_map(|step| {
        let text = (words.lesson)(step.id);
        [text.title.to_string(), text.body.to_string()]
    });
    let presets = PRESETS
        .iter()
        .map(|p| p.name)
        .chain(DATASET_PRESETS.iter().map(|d| d.name))
        .flat_map(|name| {
            let text = (words.preset)(name).unwrap();
            [text.title.to_string(), text.description.to_string()]
        });
    let kinds = [
        PointKind::Regular,
        PointKind::LocalMinimum,
        PointKind::LocalMaximum,
        PointKind::Saddle,
        PointKind::Degenerate,
    ]
    .map(|k| words.point_kind(k).to_string());
    let classes = CurvatureClass::ALL.map(|c| words.curvature(c).to_string());
    labels
        .chain(lesson)
        .chain(presets)
        .chain(kinds)
        .chain(classes)
        .collect()
}

fn lesson_body(language: Language, id: StepId) -> &'static str {
    (strings(language).lesson)(id).body
}

#[test]
fn no_sentence_says_what_the_mathematics_does_not() {
    // Each phrase was once on the page and is false or misleading: a critical point is not proved by a small
    // gradient, an eigenvalue does not point (its eigenvector does), L is a network's loss, not a network,
    // training never forms H but this page does, "stable line" was never defined.
    let english = [
        "Nobody",
        "vanishing gradient only says",
        "stopped moving",
        "is a network",
        "negative eigenvalue points",
        "minimum only if every",
        "stable line",
        "½ Σ λᵢvᵢ²",
        "shake the ball loose",
    ];
    for text in every_text(Language::English) {
        for phrase in english {
            assert!(!text.contains(phrase), "{phrase}: {text}");
        }
    }
    // 梯度消失 names the vanishing-gradient problem of deep networks; 平面图 reads as a floor plan; the
    // lecture writes 批次大小; 极小值 / 极大值 are the kinds' words (最小值 only for the global minimum and the
    // minimum ratio's name).
    let chinese = [
        "梯度消失",
        "平面图",
        "点的检查器",
        "批大小",
        "没有人",
        "稳定方向",
        "不再移动",
        "是每层只有一个权重的网络",
        "负特征值沿",
        "½ Σ λᵢvᵢ²",
        "小批量让小球松动",
        "最大值",
    ];
    for text in every_text(Language::Chinese) {
        for phrase in chinese {
            assert!(!text.contains(phrase), "{phrase}: {text}");
        }
        let rest = text.replace("全局最小值", "").replace("最小值比例", "");
        assert!(
            !rest.contains("最小值"),
            "最小值 where 极小值 is meant: {text}"
        );
    }
}

#[test]
fn the_lessons_corrected_sentences_say_the_true_thing_in_both_languages() {
    let cases: [(StepId, &[&str], &[&str]); 7] = [
        (
            StepId::Stalled,
            &["small is not zero", "plateau"],
            &["梯度接近零", "很小不等于零", "平台"],
        ),
        (
            StepId::Taylor,
            &["unless an eigenvalue of H is 0"],
            &["若 H 有特征值为 0"],
        ),
        (
            StepId::EigenvalueTest,
            &["v = Σ cᵢuᵢ", "½vᵀHv = ½ Σ λᵢcᵢ²", "clearly negative"],
            &["v = Σ cᵢuᵢ", "½vᵀHv = ½ Σ λᵢcᵢ²", "明显为负"],
        ),
        (
            StepId::LectureNetwork,
            &[
                "is the loss of the network ŷ = w₁w₂x",
                "(x, y) = (1, 1)",
                "½λα²‖u‖²",
                "unit vector",
            ],
            &["网络 ŷ = w₁w₂x", "(x, y) = (1, 1)", "½λα²‖u‖²", "单位向量"],
        ),
        (
            StepId::Momentum,
            &["Training never forms the Hessian", "this page forms it"],
            &["训练真实网络时从不构造海森矩阵", "本页面能构造它"],
        ),
        (
            StepId::SmallBatches,
            &["component along u = (1, 1)", "negative curvature"],
            &["沿 u = (1, 1) 的分量", "负曲率方向"],
        ),
        (
            StepId::HighDimension,
            &["can be one only if none is negative"],
            &["至少不能有负特征值"],
        ),
    ];
    for (id, english, chinese) in cases {
        for (language, facts) in [(Language::English, english), (Language::Chinese, chinese)] {
            let body = lesson_body(language, id);
            for fact in facts {
                assert!(
                    body.contains(fact),
                    "{} in {}: {fact}",
                    id.slug(),
                    language.code()
                );
            }
        }
    }
    let zh = strings(Language::Chinese);
    assert_eq!(
        (zh.lesson)(StepId::SmallBatches).title,
        "小批量噪声把小球晃出鞍点"
    );
    // The presets say it too.
    let saddle = zh.preset("saddle").unwrap().description;
    assert!(saddle.contains("负特征值的特征向量"), "{saddle}");
    let en = strings(Language::English);
    assert!(en
        .preset("saddle")
        .unwrap()
        .description
        .contains("the eigenvector of the negative eigenvalue"));
    for language in Language::ALL {
        let lecture = strings(language).preset("lecture").unwrap().description;
        assert!(lecture.contains("ŷ = w1·w2·x") && lecture.contains("(x, y) = (1, 1)"));
    }
}
