//! Sharp against flat minima: the data-defined loss with both, its shifted test loss, and small batches that
//! leave the sharp minimum for the flat one where full-batch descent stays. Reference values come from
//! SymPy/mpmath (40 digits) over the same 128 training and test shifts.

use saddle::analysis::{analyze, PointKind};
use saddle::data::{
    dataset_preset, gradient_cloud, DatasetPreset, TrainingData, TrainingLoss, BOWL, FLAT_DEPTH,
    FLAT_WIDTH, SHARP_DEPTH, SHARP_WIDTH,
};
use saddle::optim::{Hyperparameters, OptimizerKind, Run, RunStatus};
use saddle::surface::{LossSurface, Point};

/// SymPy: the critical points of the training loss, its value and the test loss there, and the Hessian's
/// eigenvalues (ascending).
const SHARP: Point = [-1.00853887830634, -0.016121001559145677];
const SHARP_TRAIN: f64 = 0.006697809020123465;
const SHARP_TEST: f64 = 0.5251669085309917;
const SHARP_EIGENVALUES: [f64; 2] = [28.91764074147009, 35.51183789148837];
const FLAT: Point = [0.9597601355090298, 0.0007317062017441925];
const FLAT_TRAIN: f64 = 0.10799568584508319;
const FLAT_TEST: f64 = 0.15785041301583647;
const FLAT_EIGENVALUES: [f64; 2] = [2.531824426471665, 2.5794306590072944];
const SADDLE: Point = [-0.4320971347430108, 0.06052066642291061];
const SADDLE_EIGENVALUES: [f64; 2] = [-4.185335142690034, 1.3937458143958747];

fn preset() -> &'static DatasetPreset {
    dataset_preset("sharp-and-flat").expect("the preset exists")
}

/// The η the preset's description uses: ηλ_max = 1.6 at the sharp minimum, under gradient descent's 2.
const LEARNING_RATE: f64 = 0.045;

fn loss() -> TrainingLoss {
    preset().surface()
}

fn spread_and_offset() -> (f64, Point) {
    match preset().data {
        TrainingData::SharpFlat {
            spread,
            test_offset,
        } => (spread, test_offset),
        TrainingData::Network { .. } => panic!("not the sharp and flat loss"),
    }
}

/// Newton's method on ∇L = 0 from `from`: a few steps reach a well's bottom to rounding.
fn newton(loss: &TrainingLoss, from: Point) -> Point {
    let mut at = from;
    for _ in 0..30 {
        let d = loss.derivatives(at);
        let [[a, b], [_, c]] = d.hessian;
        let det = a * c - b * b;
        let [g0, g1] = d.gradient;
        at = [
            at[0] - (c * g0 - b * g1) / det,
            at[1] - (a * g1 - b * g0) / det,
        ];
    }
    at
}

fn distance(a: Point, b: Point) -> f64 {
    (a[0] - b[0]).hypot(a[1] - b[1])
}

#[test]
fn the_curvature_at_both_minima_matches_sympy_and_the_smoothed_wells() {
    let loss = loss();
    assert_eq!(loss.len(), 128);
    for (from, at, kind, eigenvalues, train) in [
        (
            [-1.0, 0.0],
            SHARP,
            PointKind::LocalMinimum,
            SHARP_EIGENVALUES,
            SHARP_TRAIN,
        ),
        (
            [1.0, 0.0],
            FLAT,
            PointKind::LocalMinimum,
            FLAT_EIGENVALUES,
            FLAT_TRAIN,
        ),
        (
            [-0.43, 0.06],
            SADDLE,
            PointKind::Saddle,
            SADDLE_EIGENVALUES,
            0.9301420738795458,
        ),
    ] {
        let found = newton(&loss, from);
        assert!(distance(found, at) < 1e-12, "{found:?} vs {at:?}");
        let point = analyze(&loss, found);
        assert_eq!(point.kind, kind);
        assert!((point.derivatives.value - train).abs() < 1e-13);
        for (got, want) in point.eigen.values.iter().zip(eigenvalues) {
            assert!((got - want).abs() < 1e-9 * want.abs(), "{got} vs {want}");
        }
    }
    // By hand, for infinitely many shifts: averaging a well of depth a and width w over N(0, σ²) shifts
    // gives a well of depth a·w²/(w² + σ²) and width² w² + σ², so curvature a·w²/(w² + σ²)² plus the bowl's
    // 2q. The 128 draws are not quite Gaussian, so the sharp well comes out a little lopsided.
    let (spread, _) = spread_and_offset();
    let smoothed = |depth: f64, width: f64| {
        let widened = width * width + spread * spread;
        depth * width * width / (widened * widened) + 2.0 * BOWL
    };
    let mean = |[a, b]: [f64; 2]| 0.5 * (a + b);
    let sharp = smoothed(SHARP_DEPTH, SHARP_WIDTH);
    let flat = smoothed(FLAT_DEPTH, FLAT_WIDTH);
    assert!((sharp - 33.2361).abs() < 1e-4 && (flat - 2.5606).abs() < 1e-4);
    assert!((mean(SHARP_EIGENVALUES) / sharp - 1.0).abs() < 0.05);
    assert!((mean(FLAT_EIGENVALUES) / flat - 1.0).abs() < 0.02);
    // More than ten times sharper, and gradient descent at the preset's η is stable at both.
    let [sharp, flat] = [SHARP, FLAT].map(|at| analyze(&loss, at).eigen.values);
    assert!(sharp[0] > 10.0 * flat[1]);
    assert!(LEARNING_RATE * sharp[1] < 1.65);
}

#[test]
fn the_test_loss_is_the_training_loss_shifted_and_far_higher_at_the_sharp_minimum() {
    let loss = loss();
    let test = loss.test_loss().expect("the preset has a test set");
    let (_, offset) = spread_and_offset();
    assert_eq!(offset, [0.2, 0.0]);
    assert_eq!(preset().learning_rate, LEARNING_RATE);
    assert!((test.value(SHARP) - SHARP_TEST).abs() < 1e-13);
    assert!((test.value(FLAT) - FLAT_TEST).abs() < 1e-13);
    // The lecture's picture: the sharp minimum is the better one on the training data and the far worse
    // one on the test data; its loss rises ten times as much.
    let [(sharp_train, sharp_test), (flat_train, flat_test)] =
        [SHARP, FLAT].map(|at| (loss.value(at), test.value(at)));
    assert!(sharp_train < flat_train && sharp_test > 3.0 * flat_test);
    assert!(sharp_test - sharp_train > 10.0 * (flat_test - flat_train));
    // The test examples are fresh draws, so L_test(θ) is L_train(θ − δ) only roughly: within 0.15 over
    // the box (worst on the sharp well's steep walls), against a range of L of about 1.3.
    let bounds = preset().bounds;
    let mut worst: f64 = 0.0;
    for i in 0..=40 {
        for j in 0..=30 {
            let at = [
                bounds.x_min + bounds.width() * f64::from(i) / 40.0,
                bounds.y_min + bounds.height() * f64::from(j) / 30.0,
            ];
            let shifted = loss.value([at[0] - offset[0], at[1] - offset[1]]);
            worst = worst.max((test.value(at) - shifted).abs());
        }
    }
    assert!(worst < 0.15, "{worst}");
    assert!((test.value(FLAT) - loss.value([FLAT[0] - 0.2, FLAT[1]])).abs() < 0.01);
    // A loss without a test set says so.
    assert!(dataset_preset("lecture-data")
        .unwrap()
        .surface()
        .test_loss()
        .is_none());
}

#[test]
fn batch_noise_is_larger_where_the_loss_is_sharper() {
    // At a minimum example i's gradient is about −H·sᵢ: the noise scales with the curvature.
    let loss = loss();
    let rms = |at: Point| {
        let cloud = gradient_cloud(&loss, at, 1, 400, 3);
        (cloud.iter().map(|g| g[0] * g[0] + g[1] * g[1]).sum::<f64>() / cloud.len() as f64).sqrt()
    };
    let (sharp, flat) = (rms(SHARP), rms(FLAT));
    assert!(sharp > 15.0 * flat, "{sharp} vs {flat}");
    assert!(loss.derivatives(SHARP).gradient_norm() < 1e-12);
}

#[test]
fn small_batches_leave_the_sharp_minimum_for_the_flat_one_and_large_ones_stay() {
    let loss = loss();
    let start = preset().start;
    let hyper = |batch: usize, seed: u64| Hyperparameters {
        learning_rate: LEARNING_RATE,
        batch,
        seed,
        ..Hyperparameters::default()
    };
    let mut descent = Run::new(OptimizerKind::Gd, hyper(1, 0), start);
    assert_eq!(descent.run(&loss, 2000), RunStatus::Converged);
    assert!(distance(descent.position(), SHARP) < 1e-6);
    for seed in 0..4 {
        // Batches of one or two are thrown out of the narrow well within 500 steps, and 100 steps later
        // are still in the wide one.
        for batch in [1, 2] {
            let mut run = Run::new(OptimizerKind::Sgd, hyper(batch, seed), start);
            let arrived = (1..=500).find(|_| {
                run.step(&loss);
                distance(run.position(), FLAT) < 0.3
            });
            let arrived = arrived.unwrap_or_else(|| {
                panic!("B = {batch}, seed {seed}: not at the flat minimum after 500 steps")
            });
            run.run(&loss, 100);
            assert!(
                run.trajectory()[arrived..]
                    .iter()
                    .all(|p| distance(*p, FLAT) < 0.3),
                "B = {batch}, seed {seed} left the flat minimum"
            );
        }
        // Batches of sixteen or more jitter about the sharp minimum, as far as 0.46 in 2000 steps (the
        // saddle to the flat side is 0.58 away), and never leave it, like full-batch descent. (Eight
        // reach 0.58; four mostly leave, later than one or two.)
        for batch in [16, 32] {
            let mut run = Run::new(OptimizerKind::Sgd, hyper(batch, seed), start);
            run.run(&loss, 300);
            assert!(
                run.trajectory()[20..]
                    .iter()
                    .all(|p| distance(*p, SHARP) < 0.5),
                "B = {batch}, seed {seed} left the sharp minimum"
            );
        }
    }
}

#[test]
fn exact_derivatives_match_central_differences_on_both_losses() {
    let loss = loss();
    let test = loss.test_loss().unwrap().clone();
    let h = 1e-5;
    let surfaces: [&dyn LossSurface; 2] = [&loss, &test];
    for surface in surfaces {
        for at in [[-0.9, -0.1], [0.3, 0.7], [-1.5, 1.2], SHARP] {
            let d = surface.derivatives(at);
            let shifted = |i: usize, by: f64| {
                let mut p = at;
                p[i] += by;
                p
            };
            for i in 0..2 {
                let numeric =
                    (surface.value(shifted(i, h)) - surface.value(shifted(i, -h))) / (2.0 * h);
                assert!((d.gradient[i] - numeric).abs() < 1e-6, "∂{i} at {at:?}");
                for j in 0..2 {
                    let gradient_at = |p: Point| surface.derivatives(p).gradient[i];
                    let numeric =
                        (gradient_at(shifted(j, h)) - gradient_at(shifted(j, -h))) / (2.0 * h);
                    assert!(
                        (d.hessian[i][j] - numeric).abs() < 1e-5 * (1.0 + numeric.abs()),
                        "∂{i}∂{j} at {at:?}"
                    );
                }
            }
            assert_eq!(d.value, surface.value(at));
        }
    }
}

#[test]
fn the_batch_of_every_example_is_full_batch_descent() {
    let TrainingLoss::SharpFlat(loss) = loss() else {
        panic!("not the sharp and flat loss")
    };
    let training = loss.training_loss();
    let all: Vec<usize> = (0..loss.len()).collect();
    for at in [[-0.9, -0.1], [0.5, 0.5], SHARP] {
        assert_eq!(
            training.batch_gradient(at, &all),
            loss.derivatives(at).gradient
        );
    }
    assert_eq!(training.batch_gradient([0.5, 0.5], &[]), [0.0, 0.0]);
    assert_eq!(
        training.batch_gradient([0.5, 0.5], &[3, usize::MAX]),
        training.batch_gradient([0.5, 0.5], &[3])
    );
    // The shifts are centred: the training set's mean shift is zero, the test set's is δ.
    let mean = |shifts: &[Point], i: usize| shifts.iter().map(|s| s[i]).sum::<f64>() / 128.0;
    let test = loss.test_loss().shifts();
    assert!(mean(training.shifts(), 0).abs() < 1e-16 && mean(training.shifts(), 1).abs() < 1e-16);
    assert!((mean(test, 0) - 0.2).abs() < 1e-15 && mean(test, 1).abs() < 1e-16);
    let start = preset().start;
    let hyper = Hyperparameters {
        learning_rate: LEARNING_RATE,
        batch: 128,
        seed: 5,
        ..Hyperparameters::default()
    };
    let mut stochastic = Run::new(OptimizerKind::Sgd, hyper, start);
    let mut descent = Run::new(OptimizerKind::Gd, hyper, start);
    stochastic.run(&loss, 40);
    descent.run(&loss, 40);
    assert_eq!(stochastic.trajectory(), descent.trajectory());
}
