//! The guided lesson: every step's scene opens cleanly, and each claim its text makes holds on real runs.

use saddle::analysis::{analyze, PointKind};
use saddle::data::dataset_preset;
use saddle::lesson::{step_by_slug, Spot, StepId, STEPS};
use saddle::optim::{OptimizerKind, Run, RunStatus};
use saddle::presets::preset;
use saddle::share::{decode, encode, Scene};
use saddle::surface::LossSurface;

fn scene(id: StepId) -> Scene {
    let step = STEPS.iter().find(|s| s.id == id).unwrap();
    decode(step.link).scene
}

fn preset_name(scene: &Scene) -> &str {
    match scene.surface.link_pair() {
        ("preset", name) => name,
        _ => panic!("lesson steps use presets"),
    }
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

#[test]
fn every_step_opens_without_notices_and_is_written_canonically() {
    assert_eq!(STEPS.len(), 7);
    for (i, step) in STEPS.iter().enumerate() {
        for link in std::iter::once(step.link).chain(step.compare) {
            let decoded = decode(link);
            assert!(decoded.notices.is_empty(), "{link}: {:?}", decoded.notices);
            assert_eq!(encode(&decoded.scene), link);
        }
        assert_eq!(step_by_slug(step.id.slug()), Some((i, step)));
    }
    assert_eq!(step_by_slug("nope"), None);
}

#[test]
fn step_1_gradient_descent_has_stalled_with_a_vanishing_gradient() {
    let scene = scene(StepId::Stalled);
    let lecture = preset(preset_name(&scene)).unwrap().formula();
    let run = race(&lecture, &scene, OptimizerKind::Gd, scene.steps);
    let end = analyze(&lecture, run.position());
    let gradient = end.derivatives.gradient_norm();
    assert!(gradient < 1e-5 && gradient > 1e-7, "‖∇L‖ = {gradient}");
    assert!((end.derivatives.value - 1.0).abs() < 1e-6);
    // Where the page shows that ‖∇L‖: the race's table, brought into view.
    assert_eq!(STEPS[0].page.show, Some(Spot::RaceTable));
}

#[test]
fn steps_2_and_4_sit_on_the_lectures_saddle() {
    for id in [StepId::Taylor, StepId::LectureNetwork] {
        let scene = scene(id);
        assert_eq!(preset_name(&scene), "lecture");
        let analysis = analyze(&preset("lecture").unwrap().formula(), scene.point.unwrap());
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
    assert!(STEPS[1].page.taylor_overlay);
    assert_eq!(STEPS[3].page.show, Some(Spot::EscapeButton));
}

#[test]
fn step_3_contrasts_a_saddle_with_a_bowl() {
    let step = &STEPS[2];
    let verdict = |link: &str| {
        let scene = decode(link).scene;
        let formula = preset(preset_name(&scene)).unwrap().formula();
        let analysis = analyze(&formula, scene.point.unwrap());
        (analysis.kind, analysis.eigen.values)
    };
    assert_eq!(verdict(step.link), (PointKind::Saddle, [-2.0, 2.0]));
    assert_eq!(
        verdict(step.compare.unwrap()),
        (PointKind::LocalMinimum, [2.0, 2.0])
    );
}

#[test]
fn step_5_momentum_escapes_where_gradient_descent_lingers() {
    let scene = scene(StepId::Momentum);
    let lecture = preset("lecture").unwrap().formula();
    let saddle_loss = 1.0;
    let descent = race(&lecture, &scene, OptimizerKind::Gd, 60);
    let momentum = race(&lecture, &scene, OptimizerKind::Momentum, 60);
    let (gd_loss, momentum_loss) = (descent.losses()[60], momentum.losses()[60]);
    assert!(gd_loss > saddle_loss, "GD after 60 steps: L = {gd_loss}");
    assert!(
        momentum_loss < 0.1,
        "momentum after 60 steps: L = {momentum_loss}"
    );
    let gd_at = descent.position();
    assert!(
        gd_at[0].hypot(gd_at[1]) < 0.25,
        "GD is still by the saddle at {gd_at:?}"
    );
    assert_eq!(descent.status(), RunStatus::Running);
    assert!(STEPS[4].page.play_race);
}

#[test]
fn step_6_batch_noise_leaves_the_saddle_full_batch_descent_stalls_at() {
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
}

#[test]
fn step_7_opens_the_minimum_ratio_experiment_on_a_surface_with_as_many_saddles_as_minima() {
    let step = &STEPS[6];
    assert!(step.page.curvature_map);
    assert_eq!(step.page.show, Some(Spot::MinRatioPanel));
    assert_eq!(preset_name(&decode(step.link).scene), "himmelblau");
    let opening = STEPS
        .iter()
        .filter(|s| s.page.show == Some(Spot::MinRatioPanel));
    assert_eq!(opening.count(), 1);
}
