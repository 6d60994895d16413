//! The page's words: every label in every language, the browser's language, and translated errors.

use saddle::analysis::PointKind;
use saddle::formula::Formula;
use saddle::i18n::{browser_language, formula_error, link_notice, strings, Labels};
use saddle::lesson::STEPS;
use saddle::optim::{OptimizerKind, RunStatus};
use saddle::render::CurvatureClass;
use saddle::share::{decode, Language};

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
    assert_eq!(untranslated, [&"formula_label", &"column_loss"]);
}

#[test]
fn the_lectures_terms_in_chinese() {
    let zh = strings(Language::Chinese);
    assert_eq!(zh.point_kind(PointKind::Saddle), "鞍点");
    assert_eq!(zh.point_kind(PointKind::LocalMinimum), "局部最小值");
    assert_eq!(zh.point_kind(PointKind::LocalMaximum), "局部最大值");
    assert!(zh.point_kind(PointKind::Degenerate).starts_with("退化"));
    assert_eq!(zh.run_status(RunStatus::StalledAtSaddle), "停滞在鞍点");
    assert_eq!(zh.optimizer(OptimizerKind::Gd), "梯度下降");
    assert_eq!(zh.optimizer(OptimizerKind::Momentum), "动量法");
    assert_eq!((zh.marked_kind)(PointKind::Regular), None);
    assert_eq!(zh.labels.learning_rate_label, "学习率 η");
    assert!(zh.labels.hessian_caption.contains("海森矩阵"));
    assert!(
        zh.labels.eigen_caption.contains("特征值") && zh.labels.eigen_caption.contains("特征向量")
    );
    let en = strings(Language::English);
    assert_eq!(en.point_kind(PointKind::Saddle), "saddle point");
    assert_eq!(en.optimizer(OptimizerKind::Sgd), OptimizerKind::Sgd.label());
    assert_eq!(en.curvature(CurvatureClass::Bowl), "bowl-like: both λ > 0");
    assert_eq!((en.step_of)(3, 7), "Step 3 of 7");
    assert_eq!((zh.step_of)(3, 7), "第 3 步，共 7 步");
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
            RunStatus::StalledAtSaddle,
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
        .map(|p| link_notice(Language::English, p))
        .collect();
    assert_eq!(english, decoded.notices);
    let chinese: Vec<String> = decoded
        .problems
        .iter()
        .map(|p| link_notice(Language::Chinese, p))
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
            let text = step.text(language);
            assert!(
                !text.title.is_empty() && text.body.len() > 80,
                "{}",
                step.id.slug()
            );
        }
        assert_ne!(step.text(Language::English), step.text(Language::Chinese));
    }
    let network = STEPS[3].text(Language::Chinese);
    assert!(network.body.contains("鞍点") && network.body.contains("u = (1, 1)"));
}
