//! The guided lesson: every step's scene opens cleanly, each claim its text makes holds on real runs, and the
//! numbers the text quotes are the ones measured here, in both languages.

use saddle::analysis::{analyze, find_critical_points, PointKind};
use saddle::data::dataset_preset;
use saddle::formula::Formula;
use saddle::i18n::{strings, Language};
use saddle::lesson::{step_by_slug, LessonStep, Spot, StepId, STEPS};
use saddle::optim::{steps_below, Hyperparameters, OptimizerKind, Run, RunStatus};
use saddle::presets::preset;
use saddle::share::{decode, encode, LabSettings, Scene};
use saddle::surface::{LossSurface, Point};

fn step(id: StepId) -> &'static LessonStep {
    STEPS.iter().find(|s| s.id == id).unwrap()
}

fn scene(id: StepId) -> Scene {
    decode(step(id).link).scene
}

fn compare_scene(id: StepId) -> Scene {
    decode(step(id).compare.expect("the step has a comparison")).scene
}

fn preset_name(scene: &Scene) -> &str {
    match scene.surface.link_pair() {
        ("preset", name) => name,
        _ => panic!("lesson steps use presets"),
    }
}

fn formula(scene: &Scene) -> Formula {
    preset(preset_name(scene)).unwrap().formula()
}

/// Runs `kind` from the scene's point with the scene's knobs for `steps` steps.
fn race<S: LossSurface + ?Sized>(
    surface: &S,
    scene: &Scene,
    kind: OptimizerKind,
    steps: usize,
) -> Run {
    assert!(scene.optimizers.contains(&kind));
    let mut run = Run::new(kind, scene.hyperparameters(), scene.point.unwrap());
    for _ in 0..steps {
        run.step(surface);
    }
    run
}

/// Steps until L < `level` for `kind` from `start` at learning rate `learning_rate` (β = 0.9).
fn steps_to(
    surface: &Formula,
    kind: OptimizerKind,
    learning_rate: f64,
    start: Point,
    level: f64,
) -> Option<usize> {
    let hyper = Hyperparameters {
        learning_rate,
        ..Hyperparameters::default()
    };
    steps_below(surface, kind, hyper, start, level, 5000)
}

fn distance(a: Point, b: Point) -> f64 {
    (a[0] - b[0]).hypot(a[1] - b[1])
}

/// The step's text says each of `facts` in both languages (numbers and formulas are written alike).
fn says(id: StepId, facts: &[&str]) {
    for language in Language::ALL {
        let body = (strings(language).lesson)(id).body;
        for fact in facts {
            assert!(
                body.contains(fact),
                "{} in {} lacks {fact}: {body}",
                id.slug(),
                language.code()
            );
        }
    }
}

#[test]
fn every_step_opens_without_notices_and_is_written_canonically() {
    assert_eq!(STEPS.len(), 9);
    for (i, step) in STEPS.iter().enumerate() {
        for link in std::iter::once(step.link).chain(step.compare) {
            let decoded = decode(link);
            assert!(decoded.notices.is_empty(), "{link}: {:?}", decoded.notices);
            assert_eq!(encode(&decoded.scene), link);
        }
        assert_eq!(step_by_slug(step.id.slug()), Some((i, step)));
    }
    assert_eq!(step_by_slug("nope"), None);
    let slugs: Vec<&str> = STEPS.iter().map(|s| s.id.slug()).collect();
    assert_eq!(
        slugs,
        [
            "stalled",
            "taylor",
            "eigenvalue-test",
            "lecture-network",
            "momentum",
            "past-gradients",
            "adam",
            "small-batches",
            "high-dimension"
        ]
    );
}

#[test]
fn the_readme_lists_every_step_slug() {
    let readme = include_str!("../README.md");
    let line = readme
        .lines()
        .find(|l| l.starts_with("| `lesson` |"))
        .expect("the lesson key's row");
    let listed: Vec<&str> = line.split('`').skip(3).step_by(2).collect();
    let slugs: Vec<&str> = STEPS.iter().map(|s| s.id.slug()).collect();
    assert_eq!(listed[..slugs.len()], slugs[..], "{line}");
}

#[test]
fn step_1_gradient_descent_still_creeps_with_a_gradient_of_two_millionths() {
    let scene = scene(StepId::Stalled);
    let lecture = formula(&scene);
    let run = race(&lecture, &scene, OptimizerKind::Gd, scene.steps);
    let losses = run.losses();
    assert_eq!(format!("{:.2}", losses[0]), "1.85");
    // L reads 1.000 from step 20 on, and barely moves after it.
    assert!((1.0..1.0005).contains(&losses[20]), "L₂₀ = {}", losses[20]);
    assert!(losses[20] - losses[60] < 1e-4);
    let end = analyze(&lecture, run.position());
    let gradient = end.derivatives.gradient_norm();
    assert!((1.5e-6..2.5e-6).contains(&gradient), "‖∇L‖ = {gradient}");
    // It has not stopped: each step still moves θ by η‖∇L‖ ≈ 2·10⁻⁷, and the run is not at rest yet.
    assert_eq!(run.status(), RunStatus::Running);
    let mut next = run.clone();
    next.step(&lecture);
    let moved = distance(run.position(), next.position());
    assert!((1.5e-7..2.5e-7).contains(&moved), "moved {moved}");
    says(
        StepId::Stalled,
        &["60", "1.85", "1.000", "20", "2·10⁻⁶", "2·10⁻⁷"],
    );
    // Where the page shows that ‖∇L‖: the race's table, brought into view.
    assert_eq!(step(StepId::Stalled).page.show, Some(Spot::RaceTable));
}

#[test]
fn step_1_compares_a_plateau_point_with_a_smaller_gradient_and_no_critical_point_near() {
    let stalled_gradient = {
        let scene = scene(StepId::Stalled);
        let lecture = formula(&scene);
        let run = race(&lecture, &scene, OptimizerKind::Gd, scene.steps);
        analyze(&lecture, run.position())
            .derivatives
            .gradient_norm()
    };
    let compare = compare_scene(StepId::Stalled);
    assert_eq!(preset_name(&compare), "plateau");
    let plateau = formula(&compare);
    let at = compare.point.unwrap();
    let here = analyze(&plateau, at);
    let gradient = here.derivatives.gradient_norm();
    assert!(gradient < stalled_gradient);
    assert_eq!(format!("{gradient:.1e}"), "1.4e-6");
    // Small, but not critical: the verdict does not depend on the size of the gradient.
    assert_eq!(here.kind, PointKind::Regular);
    let found = find_critical_points(&plateau, &preset("plateau").unwrap().bounds());
    assert_eq!(found.points.len(), 1);
    assert!(found.continuum.is_none());
    let nearest = distance(found.points[0].at, at);
    assert_eq!(format!("{nearest:.1}"), "5.5");
    says(StepId::Stalled, &["1.4·10⁻⁶", "5.5"]);
}

#[test]
fn steps_2_and_4_sit_on_the_lectures_saddle() {
    for id in [StepId::Taylor, StepId::LectureNetwork] {
        let scene = scene(id);
        assert_eq!(preset_name(&scene), "lecture");
        let analysis = analyze(&formula(&scene), scene.point.unwrap());
        assert_eq!(analysis.kind, PointKind::Saddle);
        assert_eq!(analysis.eigen.values, [-2.0, 2.0]);
        let (u, lambda) = analysis.escape_direction().unwrap();
        assert_eq!(lambda, -2.0);
        let half = std::f64::consts::FRAC_1_SQRT_2;
        assert!(
            (u[0] - half).abs() < 1e-12 && (u[1] - half).abs() < 1e-12,
            "{u:?}"
        );
    }
    assert!(step(StepId::Taylor).page.taylor_overlay);
    assert_eq!(
        step(StepId::LectureNetwork).page.show,
        Some(Spot::EscapeButton)
    );
}

#[test]
fn step_4_the_escape_along_u_equals_one_minus_two_alpha_squared_to_second_order() {
    let lecture = formula(&scene(StepId::LectureNetwork));
    let hessian = analyze(&lecture, [0.0, 0.0]).derivatives.hessian;
    // u = (1, 1), not a unit vector: uᵀHu = λ‖u‖² = −2·2.
    let u = [1.0, 1.0];
    let quadratic: f64 = (0..2)
        .map(|i| (0..2).map(|j| u[i] * hessian[i][j] * u[j]).sum::<f64>())
        .sum();
    assert_eq!(quadratic, -4.0);
    // L(αu) = (1 − α²)² = 1 − 2α² + α⁴: the model 1 − 2α² misses only α⁴.
    for alpha in [0.01, 0.1, 0.3] {
        let exact = LossSurface::value(&lecture, [alpha, alpha]);
        let model = 1.0 - 2.0 * alpha * alpha;
        assert!((exact - model - alpha.powi(4)).abs() < 1e-14, "α = {alpha}");
    }
    // On the line w₁ = −w₂ the gradient points along the line, away from the saddle: descent slides into it.
    for a in [-1.5, -0.3, 0.2, 0.6, 1.0] {
        let g = analyze(&lecture, [a, -a]).derivatives.gradient;
        assert!((g[0] + g[1]).abs() < 1e-12, "{g:?} at ({a}, {})", -a);
        assert!(g[0] * a > 0.0);
    }
    says(
        StepId::LectureNetwork,
        &[
            "ŷ = w₁w₂x",
            "(x, y) = (1, 1)",
            "u = (1, 1)",
            "uᵀHu = λ‖u‖² = −4",
            "½λα²‖u‖² = 1 − 2α²",
            "u/‖u‖ = (0.7071, 0.7071)",
            "w₁ = −w₂",
            "(1, −1)",
        ],
    );
}

#[test]
fn step_3_contrasts_a_saddle_with_a_bowl() {
    let step = step(StepId::EigenvalueTest);
    let verdict = |link: &str| {
        let scene = decode(link).scene;
        let analysis = analyze(&formula(&scene), scene.point.unwrap());
        (analysis.kind, analysis.eigen.values)
    };
    assert_eq!(verdict(step.link), (PointKind::Saddle, [-2.0, 2.0]));
    assert_eq!(
        verdict(step.compare.unwrap()),
        (PointKind::LocalMinimum, [2.0, 2.0])
    );
    says(StepId::EigenvalueTest, &["v = Σ cᵢuᵢ", "½vᵀHv = ½ Σ λᵢcᵢ²"]);
}

#[test]
fn step_5_in_the_narrow_valley_the_walls_cap_gradient_descent_and_momentum_damps_them() {
    let scene = scene(StepId::Momentum);
    assert_eq!(preset_name(&scene), "narrow-valley");
    assert_eq!(
        scene.optimizers,
        [
            OptimizerKind::Gd,
            OptimizerKind::Momentum,
            OptimizerKind::GdMatched
        ]
    );
    let valley = formula(&scene);
    let start = scene.point.unwrap();
    let below = |run: &Run| run.losses().iter().position(|&l| l < 1e-3);
    let gd = race(&valley, &scene, OptimizerKind::Gd, 3000);
    let momentum = race(&valley, &scene, OptimizerKind::Momentum, 3000);
    let matched = race(&valley, &scene, OptimizerKind::GdMatched, 3000);
    assert_eq!((below(&gd), below(&momentum)), (Some(460), Some(92)));
    assert_eq!(matched.status(), RunStatus::Diverged);
    // The caps: gradient descent η < 2/20 = 0.1, momentum η < 2(1 + β)/20 = 0.19.
    let ends = |kind, learning_rate| {
        let mut run = Run::new(
            kind,
            Hyperparameters {
                learning_rate,
                ..scene.hyperparameters()
            },
            start,
        );
        run.run(&valley, 5000)
    };
    assert_eq!(ends(OptimizerKind::Gd, 0.099), RunStatus::Converged);
    assert_eq!(ends(OptimizerKind::Gd, 0.101), RunStatus::Diverged);
    assert_eq!(ends(OptimizerKind::Momentum, 0.189), RunStatus::Converged);
    assert_eq!(ends(OptimizerKind::Momentum, 0.191), RunStatus::Diverged);
    assert!(step(StepId::Momentum).page.play_race);
    says(
        StepId::Momentum,
        &[
            "m ← βm − η∇L",
            "η/(1 − β)",
            "2/20 = 0.1",
            "η = 0.09",
            "460",
            "L < 10⁻³",
            "0.9",
            "2(1 + β)/20 = 0.19",
            "92",
        ],
    );
}

#[test]
fn step_6_momentum_is_the_sum_of_past_gradients_and_rolls_over_the_bump() {
    let scene = scene(StepId::PastGradients);
    assert_eq!(preset_name(&scene), "small-bump");
    let bump = formula(&scene);
    let (shallow, deep) = ([1.4842, 0.0], [-0.0061, 0.0]);
    let ends: Vec<Run> = scene
        .optimizers
        .iter()
        .map(|&kind| race(&bump, &scene, kind, 3000))
        .collect();
    for run in &ends {
        assert_eq!(run.status(), RunStatus::Converged, "{:?}", run.kind());
        let target = if run.kind() == OptimizerKind::Momentum {
            deep
        } else {
            shallow
        };
        assert!(distance(run.position(), target) < 1e-3, "{:?}", run.kind());
    }
    let loss = |at: Point| LossSurface::value(&bump, at);
    assert_eq!(format!("{:.2}", loss(shallow)), "0.52");
    assert_eq!(format!("{:.4}", loss(deep)), "0.0002");
    // Without the run-up from x = 3, momentum stops in the shallow minimum too.
    let mut short = Run::new(OptimizerKind::Momentum, scene.hyperparameters(), [2.0, 0.5]);
    assert_eq!(short.run(&bump, 3000), RunStatus::Converged);
    assert!(distance(short.position(), shallow) < 1e-3);
    // The unrolled sum: m_t = −η(g_t + βg_{t−1} + … + βᵗg₀), gᵢ at the trajectory's points.
    let mut momentum = Run::new(OptimizerKind::Momentum, scene.hyperparameters(), [3.0, 0.5]);
    momentum.run(&bump, 6);
    let (eta, beta): (f64, f64) = (0.03, 0.9);
    let gradients: Vec<[f64; 2]> = momentum.trajectory()[..6]
        .iter()
        .map(|&at| analyze(&bump, at).derivatives.gradient)
        .collect();
    let sum = gradients
        .iter()
        .rev()
        .enumerate()
        .fold([0.0; 2], |acc, (k, g)| {
            let weight = eta * beta.powi(k as i32);
            [acc[0] - weight * g[0], acc[1] - weight * g[1]]
        });
    let velocity = momentum.momentum().unwrap().velocity;
    assert!(distance(velocity, sum) < 1e-15, "{velocity:?} vs {sum:?}");
    says(
        StepId::PastGradients,
        &[
            "m_t = −η(g_t + βg_{t−1} + β²g_{t−2} + … + βᵗg₀)",
            "1.48",
            "0.52",
            "0.0002",
            "η = 0.03",
            "η/(1 − β) = 0.3",
            "(2, 0.5)",
        ],
    );
}

#[test]
fn step_7_adams_per_coordinate_steps_leave_the_plateau_gradient_descent_crawls_on() {
    let scene = scene(StepId::Adam);
    assert_eq!(preset_name(&scene), "plateau");
    assert_eq!(scene.optimizers, [OptimizerKind::Gd, OptimizerKind::Adam]);
    let plateau = formula(&scene);
    let start = scene.point.unwrap();
    let eta = scene.hyperparameters().learning_rate;
    assert_eq!(eta, 0.1);
    let gradient = analyze(&plateau, start).derivatives.gradient_norm();
    assert_eq!(format!("{gradient:.3}"), "0.002");
    assert_eq!(format!("{gradient:.4}"), "0.0019"); // README
                                                    // The first steps: gradient descent moves η‖∇L‖; Adam moves η in each coordinate, whatever |g| is.
    let gd = race(&plateau, &scene, OptimizerKind::Gd, 1);
    let moved = distance(start, gd.position());
    assert!((moved - eta * gradient).abs() < 1e-9);
    assert_eq!(format!("{moved:.4}"), "0.0002");
    assert_eq!(format!("{moved:.5}"), "0.00019"); // README
    let adam = race(&plateau, &scene, OptimizerKind::Adam, 1);
    for (moved, expected) in [adam.position()[0] - start[0], adam.position()[1] - start[1]]
        .into_iter()
        .zip([-eta, -eta])
    {
        assert!((moved - expected).abs() < 1e-6, "{moved}");
    }
    let below = |kind, learning_rate| steps_to(&plateau, kind, learning_rate, start, 0.1);
    assert_eq!(below(OptimizerKind::Gd, eta), Some(1617));
    assert_eq!(below(OptimizerKind::Adam, eta), Some(26));
    // Gradient descent's η is capped by the minimum's curvature 1: η < 2. Even near the cap it is slow.
    assert_eq!(analyze(&plateau, [0.0, 0.0]).eigen.values, [1.0, 1.0]);
    assert_eq!(below(OptimizerKind::Gd, 1.9), Some(88));
    let mut beyond = Run::new(
        OptimizerKind::Gd,
        Hyperparameters {
            learning_rate: 2.1,
            ..Hyperparameters::default()
        },
        [0.01, 0.01],
    );
    beyond.run(&plateau, 200);
    assert!(
        distance(beyond.position(), [0.0, 0.0]) > 0.01,
        "η = 2.1 does not settle"
    );
    says(
        StepId::Adam,
        &[
            "‖∇L‖ ≈ 0.002",
            "η = 0.1",
            "0.0002",
            "1617",
            "26",
            "η < 2",
            "η = 1.9",
            "88",
        ],
    );
}

#[test]
fn step_7_compares_adam_and_gradient_descent_by_the_lectures_saddle() {
    let compare = compare_scene(StepId::Adam);
    assert_eq!(preset_name(&compare), "lecture");
    let lecture = formula(&compare);
    let start = compare.point.unwrap();
    assert_eq!(distance(start, [0.0, 0.0]), 0.001);
    let eta = compare.hyperparameters().learning_rate;
    let below = |kind| steps_to(&lecture, kind, eta, start, 0.1);
    assert_eq!(
        (below(OptimizerKind::Adam), below(OptimizerKind::Gd)),
        (Some(10), Some(43))
    );
    // No guarantee: on the line w₁ = −w₂ Adam's steps stay on it, and it stalls at the saddle.
    let mut on_the_line = Run::new(OptimizerKind::Adam, compare.hyperparameters(), [0.6, -0.6]);
    assert_eq!(on_the_line.run(&lecture, 3000), RunStatus::StalledAtSaddle);
    // And after a steep stretch its memory of large gradients keeps its steps short (README).
    let from_the_lectures_start = |kind| steps_to(&lecture, kind, 0.01, [0.6, -0.58], 0.1);
    assert_eq!(
        (
            from_the_lectures_start(OptimizerKind::Adam),
            from_the_lectures_start(OptimizerKind::Gd)
        ),
        (Some(229), Some(244))
    );
    says(StepId::Adam, &["0.001", "10", "43", "w₁ = −w₂"]);
}

#[test]
fn step_8_batch_noise_along_u_leaves_the_saddle_full_batch_descent_stalls_at() {
    let scene = scene(StepId::SmallBatches);
    let data = dataset_preset(preset_name(&scene)).unwrap();
    let loss = data.surface();
    let saddle_loss = loss.value([0.0, 0.0]);
    let mut descent = race(&loss, &scene, OptimizerKind::Gd, 0);
    assert_eq!(descent.run(&loss, 1000), RunStatus::StalledAtSaddle);
    let stochastic = race(&loss, &scene, OptimizerKind::Sgd, 300);
    let sgd_loss = *stochastic.losses().last().unwrap();
    assert!(
        sgd_loss < 0.4 * saddle_loss,
        "SGD: L = {sgd_loss}, saddle L = {saddle_loss}"
    );
    let end = analyze(&loss, stochastic.position());
    assert_eq!(
        end.eigen.values.map(|v| v > 0.0),
        [true, true],
        "SGD ended in a bowl"
    );
    // u = (1, 1) is the eigenvector of the saddle's negative eigenvalue.
    let saddle = analyze(&loss, [0.0, 0.0]);
    assert!(saddle.eigen.values[0] < 0.0);
    let (u, _) = saddle.escape_direction().unwrap();
    assert!((u[0] - u[1]).abs() < 1e-12);
    // On the line, each example's gradient has a component along u; the full batch's has none.
    let start = scene.point.unwrap();
    let along_u = |g: [f64; 2]| (g[0] + g[1]) / 2f64.sqrt();
    assert!(along_u(loss.derivatives(start).gradient).abs() < 1e-12);
    let largest = (0..loss.training_examples())
        .map(|i| along_u(loss.batch_gradient(start, &[i])).abs())
        .fold(0.0, f64::max);
    assert!(largest > 0.01, "largest per-example component {largest}");
    says(StepId::SmallBatches, &["64", "w₁ = −w₂", "4", "u = (1, 1)"]);
}

#[test]
fn step_8_compares_the_same_race_without_the_extra_input_where_sgd_stalls_too() {
    let (main, compare) = (
        scene(StepId::SmallBatches),
        compare_scene(StepId::SmallBatches),
    );
    assert_eq!(preset_name(&compare), "lecture-data-plain");
    // Only the preset differs.
    assert_eq!(
        (
            compare.point,
            &compare.optimizers,
            compare.hyperparameters()
        ),
        (main.point, &main.optimizers, main.hyperparameters())
    );
    let loss = dataset_preset("lecture-data-plain").unwrap().surface();
    for kind in [OptimizerKind::Gd, OptimizerKind::Sgd] {
        let mut run = race(&loss, &compare, kind, 0);
        assert_eq!(run.run(&loss, 1000), RunStatus::StalledAtSaddle, "{kind:?}");
        assert!(distance(run.position(), [0.0, 0.0]) < 1e-5);
    }
    // Without z every example's gradient on the line lies along it.
    let start = compare.point.unwrap();
    for i in 0..loss.training_examples() {
        let g = loss.batch_gradient(start, &[i]);
        assert!((g[0] + g[1]).abs() < 1e-12, "example {i}: {g:?}");
    }
}

#[test]
fn step_9_shows_himmelblau_with_as_many_saddles_as_minima_and_opens_the_network_lab() {
    let step = step(StepId::HighDimension);
    assert!(step.page.curvature_map);
    assert_eq!(step.page.show, Some(Spot::LabPanel));
    let scene = decode(step.link).scene;
    assert_eq!(preset_name(&scene), "himmelblau");
    assert_eq!(scene.lab, Some(LabSettings::default()));
    let with_lab = |s: &&LessonStep| decode(s.link).scene.lab.is_some();
    assert_eq!(STEPS.iter().filter(with_lab).count(), 1);
    let opening = STEPS.iter().filter(|s| s.page.show == Some(Spot::LabPanel));
    assert_eq!(opening.count(), 1);
    let himmelblau = preset("himmelblau").unwrap();
    let found = find_critical_points(&himmelblau.formula(), &himmelblau.bounds());
    let count = |kind| found.points.iter().filter(|p| p.kind == kind).count();
    assert_eq!(
        [
            count(PointKind::LocalMinimum),
            count(PointKind::Saddle),
            count(PointKind::LocalMaximum)
        ],
        [4, 4, 1]
    );
    // The text talks about the surface the scene shows, and about no other.
    says(StepId::HighDimension, &["Himmelblau"]);
    for language in Language::ALL {
        for other in STEPS.iter().filter(|s| s.id != StepId::HighDimension) {
            let body = (strings(language).lesson)(other.id).body;
            assert!(!body.contains("Himmelblau"), "{}", other.id.slug());
        }
    }
}

#[test]
fn every_step_that_names_a_comparison_has_one_and_every_comparison_is_named() {
    for step in &STEPS {
        for language in Language::ALL {
            let body = (strings(language).lesson)(step.id).body;
            let names = match language {
                Language::English => {
                    body.contains("show the comparison") || body.contains("Show the comparison")
                }
                Language::Chinese => body.contains("显示对照场景"),
            };
            assert_eq!(
                names,
                step.compare.is_some(),
                "{} in {}",
                step.id.slug(),
                language.code()
            );
        }
    }
}
