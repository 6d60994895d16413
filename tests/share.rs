//! The share-link codec: the documented example, round trips, and hostile fragments.

use proptest::prelude::*;
use saddle::bounds::Bounds;
use saddle::formula::Formula;
use saddle::i18n::Language;
use saddle::lesson::{StepId, STEPS};
use saddle::network::{Task, TrainingMethod};
use saddle::optim::OptimizerKind;
use saddle::render::MapMode;
use saddle::render::Orientation;
use saddle::share::{
    decode, encode, IgnoredBecause, LabSettings, LinkNotice, Scene, SurfaceChoice, ViewMode,
    MAX_LAB_RUNS, MAX_WIDTH,
};

#[test]
fn the_documented_example_reads_as_written() {
    let decoded = decode("#v=1&preset=lecture&pt=0.3,0.2&opt=gd,momentum&lr=0.01&beta=0.9");
    assert!(decoded.notices.is_empty(), "{:?}", decoded.notices);
    let scene = decoded.scene;
    assert_eq!(scene.surface, SurfaceChoice::named("lecture").unwrap());
    assert_eq!(scene.point, Some([0.3, 0.2]));
    assert_eq!(
        scene.optimizers,
        vec![OptimizerKind::Gd, OptimizerKind::Momentum]
    );
    assert_eq!((scene.learning_rate, scene.beta), (0.01, 0.9));
    assert_eq!(
        encode(&scene),
        "v=1&preset=lecture&pt=0.3,0.2&opt=gd,momentum&lr=0.01&beta=0.9"
    );
}

#[test]
fn every_key_is_read() {
    let scene = decode(
        "v=1&expr=(1-x*y)%5E2%20%2B%200.1&box=-3,3,-2,2.5&pt=1e-7,-2&opt=adam,eigen-escape\
         &lr=0.5&beta=0&steps=40&view=3d&lang=zh&embed=1",
    )
    .scene;
    assert_eq!(scene.surface, SurfaceChoice::Expr(expr("(1-x*y)^2 + 0.1")));
    assert_eq!(
        scene.bounds,
        Some(Bounds::new(-3.0, 3.0, -2.0, 2.5).unwrap())
    );
    assert_eq!(scene.point, Some([1e-7, -2.0]));
    assert_eq!(
        scene.optimizers,
        vec![OptimizerKind::Adam, OptimizerKind::EigenEscape]
    );
    assert_eq!(
        (scene.learning_rate, scene.beta, scene.steps),
        (0.5, 0.0, 40)
    );
    assert_eq!(scene.view, ViewMode::ThreeD);
    assert_eq!(scene.language, Some(Language::Chinese));
    assert!(scene.embed);
}

#[test]
fn presentation_mode_round_trips_and_is_written_only_when_on() {
    let decoded = decode("v=1&preset=lecture&pt=0,0&present=1");
    assert!(decoded.notices.is_empty(), "{:?}", decoded.notices);
    assert!(decoded.scene.present);
    assert!(!decoded.scene.embed);
    assert_eq!(
        encode(&decoded.scene),
        "v=1&preset=lecture&pt=0,0&opt=gd,momentum&lr=0.01&beta=0.9&present=1"
    );
    assert!(decode("present=true").scene.present);
    let off = decode("v=1&preset=lecture&present=0");
    assert!(!off.scene.present && off.notices.is_empty());
    assert!(!encode(&off.scene).contains("present"));
    let bad = decode("v=1&present=yes&embed=1");
    assert!(!bad.scene.present, "a bad value keeps the default");
    assert!(bad.scene.embed, "the other keys are still read");
    assert_eq!(
        bad.problems,
        vec![LinkNotice::Ignored {
            key: "present".into(),
            value: "yes".into(),
            reason: IgnoredBecause::Present,
        }]
    );
    assert_eq!(
        bad.notices,
        vec!["Ignored present=yes in the link: present must be 1 or 0."]
    );
}

#[test]
fn formulas_stay_readable_in_the_link() {
    let scene = Scene {
        surface: SurfaceChoice::Expr(expr("(1 - x*y)^2 + sin(x)/2")),
        ..Scene::default()
    };
    let link = encode(&scene);
    assert!(
        link.contains("expr=(1%20-%20x*y)^2%20%2B%20sin(x)/2"),
        "{link}"
    );
    assert_eq!(decode(&link).scene, scene);
}

#[test]
fn bad_values_fall_back_one_key_at_a_time() {
    let decoded =
        decode("v=1&preset=lecture&pt=NaN,1&lr=1e999&beta=0.5&opt=gd,lion&steps=-3&view=4d");
    let scene = &decoded.scene;
    let default = Scene::default();
    assert_eq!(scene.point, None);
    assert_eq!(scene.learning_rate, default.learning_rate);
    assert_eq!(scene.beta, 0.5, "a good key next to bad ones is kept");
    assert_eq!(scene.optimizers, default.optimizers);
    assert_eq!(scene.steps, 0);
    assert_eq!(scene.view, default.view);
    assert_eq!(decoded.notices.len(), 5, "{:?}", decoded.notices);
    assert!(decoded.notices[0].starts_with("Ignored pt=NaN,1 in the link"));
}

#[test]
fn unknown_keys_are_ignored_silently() {
    let decoded = decode("v=1&preset=saddle&colour=blue&future=1");
    assert!(decoded.notices.is_empty());
    assert_eq!(
        decoded.scene.surface,
        SurfaceChoice::named("saddle").unwrap()
    );
}

#[test]
fn hostile_fragments_give_the_default_scene_and_a_short_notice() {
    let script = decode("#expr=<img src=x onerror=alert(1)>");
    assert_eq!(script.scene, Scene::default());
    assert_eq!(script.notices.len(), 1);
    assert!(
        script.notices[0].contains("column 1"),
        "{:?}",
        script.notices
    );

    let huge = format!("expr={}", "x+".repeat(600_000));
    let decoded = decode(&huge);
    assert_eq!(decoded.scene, Scene::default());
    assert!(decoded.notices[0].contains("too long"));

    let bad_utf8 = decode("expr=%FF%FE&pt=%zz,1&preset=javascript:alert(1)");
    assert_eq!(bad_utf8.scene, Scene::default());
    assert_eq!(bad_utf8.notices.len(), 3, "{:?}", bad_utf8.notices);

    let flood = decode(&format!("preset={}", "A".repeat(10_000)));
    assert!(
        flood.notices[0].chars().count() < 120,
        "{}",
        flood.notices[0]
    );

    for fragment in [
        "",
        "#",
        "&&&",
        "=",
        "v",
        "v=2",
        "box=1,1,1,1",
        "box=0,1e300,0,1",
        "pt=1e13,0",
    ] {
        let decoded = decode(fragment);
        assert_eq!(decoded.scene, Scene::default(), "{fragment}");
    }
}

#[test]
fn dataset_presets_and_sgd_settings_travel_in_the_link() {
    let decoded = decode("v=1&preset=lecture-data&opt=gd,sgd&lr=0.05&batch=4&seed=7");
    assert!(decoded.notices.is_empty(), "{:?}", decoded.notices);
    let scene = decoded.scene;
    assert_eq!(scene.surface, SurfaceChoice::named("lecture-data").unwrap());
    assert_eq!((scene.batch, scene.seed), (4, 7));
    let hyper = scene.hyperparameters();
    assert_eq!((hyper.learning_rate, hyper.batch, hyper.seed), (0.05, 4, 7));
    assert_eq!(
        encode(&scene),
        "v=1&preset=lecture-data&opt=gd,sgd&lr=0.05&beta=0.9&batch=4&seed=7"
    );
}

#[test]
fn default_sgd_settings_are_left_out_of_the_link() {
    let link = encode(&Scene::default());
    assert!(!link.contains("batch") && !link.contains("seed"), "{link}");
}

#[test]
fn bad_sgd_settings_fall_back_one_key_at_a_time() {
    let decoded = decode("batch=0&seed=-1&lr=0.2");
    let default = Scene::default();
    assert_eq!(decoded.scene.batch, default.batch);
    assert_eq!(decoded.scene.seed, default.seed);
    assert_eq!(decoded.scene.learning_rate, 0.2);
    assert_eq!(
        decoded.notices,
        [
            "Ignored batch=0 in the link: batch must be a whole number from 1 to 100000.",
            "Ignored seed=-1 in the link: seed must be a whole number from 0 to 18446744073709551615."
        ]
    );
    assert_eq!(decode("batch=100001").scene.batch, default.batch);
    assert_eq!(decode("seed=18446744073709551615").scene.seed, u64::MAX);
}

#[test]
fn every_notice_comes_with_its_problem_as_data() {
    let decoded = decode("expr=x+&pt=1&preset=nowhere&%ZZ=1");
    assert_eq!(decoded.problems.len(), decoded.notices.len());
    for (problem, notice) in decoded.problems.iter().zip(&decoded.notices) {
        assert_eq!(&problem.to_string(), notice);
    }
    assert_eq!(
        decoded.problems[0],
        LinkNotice::Ignored {
            key: "expr".into(),
            value: "x+".into(),
            reason: IgnoredBecause::Formula(saddle::formula::Formula::parse("x+").unwrap_err()),
        }
    );
    assert_eq!(
        decoded.notices[0],
        "Ignored expr=x+ in the link: the formula has an error at column 3: expected an operand after '+'."
    );
    assert!(matches!(decoded.problems[3], LinkNotice::NotText { .. }));
}

#[test]
fn map_mode_and_lesson_step_round_trip_and_are_written_only_when_set() {
    let plain = encode(&Scene::default());
    assert!(
        !plain.contains("map=") && !plain.contains("lesson="),
        "{plain}"
    );
    let scene = Scene {
        map: MapMode::Curvature,
        lesson: Some(StepId::LectureNetwork),
        ..Scene::default()
    };
    let link = encode(&scene);
    assert!(
        link.ends_with("&map=curvature&lesson=lecture-network"),
        "{link}"
    );
    let decoded = decode(&link);
    assert!(decoded.problems.is_empty(), "{:?}", decoded.problems);
    assert_eq!(decoded.scene, scene);
}

#[test]
fn the_basin_map_mode_round_trips() {
    let scene = Scene {
        map: MapMode::Basins,
        ..Scene::default()
    };
    let link = encode(&scene);
    assert!(link.ends_with("&map=basins"), "{link}");
    assert_eq!(decode(&link).scene, scene);
    assert_eq!(MapMode::Basins.name(), "basins");
}

#[test]
fn unknown_map_mode_or_lesson_step_falls_back_with_a_notice() {
    let decoded = decode("preset=saddle&map=hessian&lesson=chapter-9&lr=0.5");
    assert_eq!(decoded.scene.map, MapMode::Loss);
    assert_eq!(decoded.scene.lesson, None);
    assert_eq!(decoded.scene.learning_rate, 0.5);
    let reasons: Vec<&IgnoredBecause> = decoded
        .problems
        .iter()
        .filter_map(|p| match p {
            LinkNotice::Ignored { reason, .. } => Some(reason),
            _ => None,
        })
        .collect();
    assert_eq!(
        reasons,
        vec![&IgnoredBecause::MapMode, &IgnoredBecause::Lesson]
    );
    assert_eq!(
        decoded.notices[1],
        "Ignored lesson=chapter-9 in the link: there is no lesson step of that name."
    );
}

#[test]
fn the_3d_view_turn_travels_in_degrees_and_only_when_turned() {
    assert!(!encode(&Scene::default()).contains("turn="));
    let decoded = decode("v=1&preset=lecture&turn=30,45");
    assert!(decoded.notices.is_empty(), "{:?}", decoded.notices);
    assert_eq!(decoded.scene.turn, Some([30.0, 45.0]));
    assert!(encode(&decoded.scene).contains("&turn=30,45"));
    let turned = Orientation::from_link_degrees([30.0, 45.0]);
    assert!((turned.yaw - std::f64::consts::PI / 6.0).abs() < 1e-12);
    assert!((turned.pitch - std::f64::consts::FRAC_PI_4).abs() < 1e-12);
    // Read as a drag would leave it: yaw wrapped into [0, 360), pitch within the view's tilt (0.05–1.5 rad),
    // both to a tenth of a degree.
    assert_eq!(decode("turn=-90.04,120").scene.turn, Some([270.0, 85.9]));
    assert_eq!(decode("turn=359.97,-5").scene.turn, Some([0.0, 2.9]));
    // A dragged view is kept at the link's resolution, so its link reopens it exactly.
    let dragged = Orientation::default().turned(13.0, -7.0).as_linked();
    assert_eq!(
        Orientation::from_link_degrees(dragged.link_degrees()),
        dragged
    );
    // The default view written out reads back as the default view.
    let default = Orientation::default().link_degrees();
    assert_eq!(default, [315.1, 25.8]);
    let reread = Orientation::from_link_degrees(default);
    assert!((reread.yaw - Orientation::default().yaw).abs() < 1e-3);
}

#[test]
fn a_bad_turn_falls_back_to_the_default_view_with_a_notice() {
    for bad in ["abc", "30", "1,2,3", "1e7,10", "nan,10"] {
        let decoded = decode(&format!("v=1&turn={bad}&pt=1,2"));
        assert_eq!(decoded.scene.turn, None, "{bad}");
        assert_eq!(decoded.scene.point, Some([1.0, 2.0]));
        assert_eq!(
            decoded.notices,
            vec![format!(
                "Ignored turn={bad} in the link: turn must be two angles in degrees, yaw,pitch."
            )]
        );
    }
}

/// A formula known to parse.
fn expr(text: &str) -> Formula {
    Formula::parse(text).unwrap()
}

fn any_scene() -> impl Strategy<Value = Scene> {
    let surface = prop_oneof![
        prop::sample::select(vec!["lecture", "saddle", "himmelblau", "lecture-data"])
            .prop_map(|n| SurfaceChoice::named(n).unwrap()),
        prop::sample::select(vec![
            "x^2 - y^2",
            "(1 - x*y)^2 + 0.5*sin(3*x)",
            "exp(-x^2-y^2) + 1"
        ])
        .prop_map(|t| SurfaceChoice::Expr(expr(t))),
    ];
    let bounds = prop::option::of(
        (-1e3..1e3f64, 1e-6..1e3f64, -1e3..1e3f64, 1e-6..1e3f64)
            .prop_map(|(x, w, y, h)| Bounds::new(x, x + w, y, y + h).unwrap()),
    );
    let point = prop::option::of(prop::array::uniform2(-1e6..1e6f64));
    let optimizers = prop::sample::subsequence(OptimizerKind::ALL.to_vec(), 1..=9);
    (
        surface,
        bounds,
        point,
        optimizers,
        (1e-9..100.0f64, 0.0..0.999f64, 0usize..100_000),
        (1usize..=100_000, any::<u64>()),
        (
            prop::sample::select(ViewMode::ALL.to_vec()),
            prop::option::of(prop::sample::select(Language::ALL.to_vec())),
            any::<bool>(),
            any::<bool>(),
            prop::option::of(
                (-720.0..720.0f64, -10.0..100.0f64).prop_map(|(yaw, pitch)| {
                    Orientation::from_link_degrees([yaw, pitch]).link_degrees()
                }),
            ),
        ),
        (
            prop::sample::select(MapMode::ALL.to_vec()),
            prop::option::of(prop::sample::select(STEPS.map(|s| s.id).to_vec())),
            prop::option::of(any_lab()),
        ),
    )
        .prop_map(
            |(
                surface,
                bounds,
                point,
                optimizers,
                (learning_rate, beta, steps),
                (batch, seed),
                (view, language, embed, present, turn),
                (map, lesson, lab),
            )| Scene {
                surface,
                bounds,
                point,
                optimizers,
                learning_rate,
                beta,
                batch,
                seed,
                steps,
                view,
                turn,
                map,
                lesson,
                language,
                embed,
                present,
                lab,
            },
        )
}

/// Any settings a link may carry for the network lab.
fn any_lab() -> impl Strategy<Value = LabSettings> {
    (
        prop::sample::select(Task::ALL.to_vec()),
        0.0..=1.0f64,
        prop::collection::vec(1..=MAX_WIDTH, 1..=2),
        prop::sample::select(TrainingMethod::ALL.to_vec()),
        (1e-6..=10.0f64, 0.0..0.999f64, 1usize..=300),
        (any::<u64>(), 1..=MAX_LAB_RUNS),
    )
        .prop_map(
            |(task, noise, hidden, method, (learning_rate, beta, batch), (seed, runs))| {
                LabSettings {
                    task,
                    noise,
                    hidden,
                    method,
                    learning_rate,
                    beta,
                    batch,
                    seed,
                    runs,
                }
            },
        )
        .prop_filter(
            "at most the parameters a network may have",
            LabSettings::fits,
        )
}

#[test]
fn the_network_lab_has_keys_of_its_own() {
    let link = "v=1&preset=lecture&opt=gd,momentum&lr=0.01&beta=0.9&lab=network&task=spiral&noise=0.25\
                &hidden=12,6&lab-opt=sgd&lab-lr=0.05&lab-beta=0.5&lab-batch=8&lab-seed=7&lab-runs=30";
    let decoded = decode(link);
    assert!(decoded.notices.is_empty(), "{:?}", decoded.notices);
    let lab = decoded.scene.lab.clone().expect("the lab is open");
    assert_eq!(
        lab,
        LabSettings {
            task: Task::Spiral,
            noise: 0.25,
            hidden: vec![12, 6],
            method: TrainingMethod::Sgd,
            learning_rate: 0.05,
            beta: 0.5,
            batch: 8,
            seed: 7,
            runs: 30,
        }
    );
    // The race's own keys are untouched by the lab's.
    assert_eq!(
        (decoded.scene.learning_rate, decoded.scene.beta),
        (0.01, 0.9)
    );
    assert_eq!(encode(&decoded.scene), link);
    // Defaults are not written; a closed lab writes nothing.
    let default_lab = Scene {
        lab: Some(LabSettings::default()),
        ..Scene::default()
    };
    assert!(encode(&default_lab).ends_with("&lab=network"));
    assert!(!encode(&Scene::default()).contains("lab"));
    // Without lab=network its settings do not open it.
    assert_eq!(decode("v=1&task=circle&hidden=3").scene.lab, None);
}

#[test]
fn bad_lab_values_fall_back_one_key_at_a_time_with_a_reason_in_both_languages() {
    let decoded = decode(
        "lab=network&task=moons&noise=2&hidden=0&lab-opt=lbfgs&lab-lr=50&lab-beta=1&lab-batch=0\
         &lab-seed=-1&lab-runs=1000&lab=chemistry",
    );
    let lab = decoded.scene.lab.expect("lab=network was read");
    assert_eq!(
        lab,
        LabSettings::default(),
        "every bad value keeps its default"
    );
    let reasons: Vec<IgnoredBecause> = decoded
        .problems
        .iter()
        .map(|problem| match problem {
            LinkNotice::Ignored { reason, .. } => reason.clone(),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        reasons,
        [
            IgnoredBecause::Task,
            IgnoredBecause::Noise,
            IgnoredBecause::Hidden,
            IgnoredBecause::LabOptimizer,
            IgnoredBecause::LabLearningRate,
            IgnoredBecause::Beta,
            IgnoredBecause::LabBatch,
            IgnoredBecause::Seed,
            IgnoredBecause::LabRuns,
            IgnoredBecause::Lab,
        ]
    );
    for problem in &decoded.problems {
        let english = problem.worded(saddle::i18n::strings(Language::English));
        let chinese = problem.worded(saddle::i18n::strings(Language::Chinese));
        assert!(english.starts_with("Ignored ") && chinese.starts_with("已忽略"));
        assert_ne!(english, chinese);
    }
    assert_eq!(
        decoded.notices[2],
        "Ignored hidden=0 in the link: hidden must be one or two widths from 1 to 250, with at most \
         1000 parameters in all."
    );
    // Widths that fit one by one but not together: refused once every key is read.
    let too_big = decode("lab=network&hidden=250,250&task=sine");
    assert_eq!(too_big.scene.lab.map(|l| l.hidden), Some(vec![4]));
    assert_eq!(
        too_big.notices,
        ["Ignored hidden=250,250 in the link: hidden must be one or two widths from 1 to 250, with \
          at most 1000 parameters in all."]
    );
}

proptest! {
    #[test]
    fn every_scene_survives_a_round_trip(scene in any_scene()) {
        let decoded = decode(&encode(&scene));
        prop_assert!(decoded.notices.is_empty(), "{:?}", decoded.notices);
        prop_assert_eq!(decoded.scene, scene);
    }

    #[test]
    fn any_text_decodes_to_a_scene_that_round_trips(fragment in "\\PC{0,200}") {
        let scene = decode(&fragment).scene;
        prop_assert_eq!(decode(&encode(&scene)).scene, scene);
    }
}

#[test]
fn a_formula_whose_constants_fold_to_nan_survives_the_round_trip() {
    // Found by the share-link fuzzer: 0/0 folds to a NaN constant, and NaN ≠ NaN made the scene unequal to
    // itself. Formulas are equal when their text is.
    let scene = decode("v=1&expr=1-0/0*x").scene;
    assert_eq!(decode(&encode(&scene)).scene, scene);
}
