//! The data-defined loss and SGD: exact derivatives, reproducible batches, B = N as gradient descent, and
//! the lecture's claim that batch noise leaves a saddle full-batch descent stalls at.

use saddle::analysis::{analyze, PointKind};
use saddle::data::{dataset_preset, gradient_cloud, DatasetLoss, TrainingLoss, DISTRACTOR_WEIGHT};
use saddle::formula::Formula;
use saddle::optim::{Hyperparameters, OptimizerKind, Run, RunStatus};
use saddle::surface::{LossSurface, Point};

/// The preset's loss as the page holds it.
fn lecture_training_loss() -> TrainingLoss {
    dataset_preset("lecture-data")
        .expect("the preset exists")
        .surface()
}

fn lecture_data() -> DatasetLoss {
    match lecture_training_loss() {
        TrainingLoss::Network(loss) => loss,
        other => panic!("not the lecture's network: {other:?}"),
    }
}

fn sgd(learning_rate: f64, batch: usize, seed: u64) -> Hyperparameters {
    Hyperparameters {
        learning_rate,
        batch,
        seed,
        ..Hyperparameters::default()
    }
}

fn mean(values: impl Iterator<Item = f64>) -> f64 {
    let (sum, count) = values.fold((0.0, 0), |(s, n), v| (s + v, n + 1));
    sum / count as f64
}

#[test]
fn exact_derivatives_match_central_differences() {
    let loss = lecture_data();
    let h = 1e-5;
    for at in [[0.3, -0.7], [1.2, 0.4], [-0.5, -1.5], [0.0, 0.0]] {
        let d = loss.derivatives(at);
        let shifted = |i: usize, by: f64| {
            let mut p = at;
            p[i] += by;
            p
        };
        for i in 0..2 {
            let numeric = (loss.value(shifted(i, h)) - loss.value(shifted(i, -h))) / (2.0 * h);
            assert!((d.gradient[i] - numeric).abs() < 1e-8, "∂{i} at {at:?}");
            let gradient_at = |p: Point| loss.derivatives(p).gradient;
            for j in 0..2 {
                let numeric =
                    (gradient_at(shifted(j, h))[i] - gradient_at(shifted(j, -h))[i]) / (2.0 * h);
                assert!(
                    (d.hessian[i][j] - numeric).abs() < 1e-7,
                    "∂{i}∂{j} at {at:?}"
                );
            }
        }
        assert_eq!(d.value, loss.value(at));
    }
}

#[test]
fn the_saddle_sits_at_the_origin_with_the_closed_form_hessian() {
    let loss = lecture_data();
    let examples = loss.examples();
    let c = mean(examples.iter().map(|e| e.x * e.y));
    let s = mean(examples.iter().map(|e| e.z * e.z));
    assert!((s - 1.0 / 3.0).abs() < 1e-12);
    assert!(mean(examples.iter().map(|e| e.x * e.z)).abs() < 1e-15);
    assert!(mean(examples.iter().map(|e| e.y * e.z)).abs() < 1e-15);

    let origin = analyze(&loss, [0.0, 0.0]);
    assert!(origin.derivatives.gradient_norm() < 1e-15);
    let k2s = DISTRACTOR_WEIGHT * DISTRACTOR_WEIGHT * s;
    let expected = [
        [2.0 * k2s, 2.0 * k2s - 2.0 * c],
        [2.0 * k2s - 2.0 * c, 2.0 * k2s],
    ];
    let actual = origin.derivatives.hessian.iter().flatten();
    for (h, e) in actual.zip(expected.iter().flatten()) {
        assert!((h - e).abs() < 1e-14, "{h} vs {e}");
    }
    assert_eq!(origin.kind, PointKind::Saddle);
    let (escape, lambda) = origin.escape_direction().expect("a negative eigenvalue");
    assert!((lambda - (4.0 * k2s - 2.0 * c)).abs() < 1e-14);
    let half = std::f64::consts::FRAC_1_SQRT_2;
    assert!((escape[0] - half).abs() < 1e-12 && (escape[1] - half).abs() < 1e-12);

    // The minima on the diagonal, w1 = w2 = ±√((c − 2κ²s)/a).
    let a = mean(examples.iter().map(|e| e.x * e.x));
    let w = ((c - 2.0 * k2s) / a).sqrt();
    assert!((w - 0.8973).abs() < 1e-4, "w = {w}");
    for sign in [1.0, -1.0] {
        let minimum = analyze(&loss, [sign * w, sign * w]);
        assert!(minimum.derivatives.gradient_norm() < 1e-14);
        assert_eq!(minimum.kind, PointKind::LocalMinimum);
    }
}

#[test]
fn the_batch_of_every_example_is_the_full_gradient_exactly() {
    let loss = lecture_data();
    let all: Vec<usize> = (0..loss.len()).collect();
    for at in [[0.6, -0.6], [1.3, 0.2], [0.0, 0.0]] {
        assert_eq!(loss.batch_gradient(at, &all), loss.derivatives(at).gradient);
    }
}

#[test]
fn sgd_with_the_whole_dataset_as_its_batch_is_gradient_descent() {
    let loss = lecture_data();
    let start = [0.7, -0.2];
    let mut descent = Run::new(OptimizerKind::Gd, sgd(0.1, 1, 0), start);
    let mut stochastic = Run::new(OptimizerKind::Sgd, sgd(0.1, loss.len(), 99), start);
    descent.run(&loss, 200);
    stochastic.run(&loss, 200);
    assert_eq!(stochastic.trajectory(), descent.trajectory());
    assert_eq!(stochastic.losses(), descent.losses());
    assert_eq!(stochastic.status(), descent.status());
    // Batches larger than the dataset are the dataset.
    let mut oversized = Run::new(OptimizerKind::Sgd, sgd(0.1, 10 * loss.len(), 5), start);
    oversized.run(&loss, 200);
    assert_eq!(oversized.trajectory(), descent.trajectory());
}

#[test]
fn sgd_on_a_formula_is_gradient_descent() {
    let formula = Formula::parse("(1 - x*y)^2").expect("parses");
    let mut descent = Run::new(OptimizerKind::Gd, sgd(0.05, 1, 0), [0.3, 0.1]);
    let mut stochastic = Run::new(OptimizerKind::Sgd, sgd(0.05, 4, 7), [0.3, 0.1]);
    descent.run(&formula, 50);
    stochastic.run(&formula, 50);
    assert_eq!(stochastic.trajectory(), descent.trajectory());
}

#[test]
fn a_seed_repeats_its_batches_and_its_trajectory() {
    let loss = lecture_training_loss();
    let at = [0.6, -0.6];
    assert_eq!(
        gradient_cloud(&loss, at, 4, 50, 3),
        gradient_cloud(&loss, at, 4, 50, 3)
    );
    assert_ne!(
        gradient_cloud(&loss, at, 4, 50, 3),
        gradient_cloud(&loss, at, 4, 50, 4)
    );
    let trajectory = |seed| {
        let mut run = Run::new(OptimizerKind::Sgd, sgd(0.1, 2, seed), at);
        run.run(&loss, 100);
        run.trajectory().to_vec()
    };
    assert_eq!(trajectory(11), trajectory(11));
    assert_ne!(trajectory(11), trajectory(12));
}

#[test]
fn gradient_descent_stalls_at_the_saddle_where_sgd_escapes() {
    let loss = lecture_data();
    let saddle_loss = loss.value([0.0, 0.0]);
    for start in [[1e-3, -1e-3], [0.0, 0.0], [0.6, -0.6]] {
        let mut descent = Run::new(OptimizerKind::Gd, sgd(0.1, 1, 0), start);
        assert_eq!(descent.run(&loss, 2000), RunStatus::StalledAtSaddle);
        let end = descent.position();
        assert!(
            end[0].hypot(end[1]) < 1e-5,
            "GD from {start:?} ended at {end:?}"
        );
        for batch in 1..=4 {
            let mut stochastic = Run::new(OptimizerKind::Sgd, sgd(0.1, batch, 1), start);
            stochastic.run(&loss, 300);
            let final_loss = loss.value(stochastic.position());
            assert!(
                final_loss < 0.5 * saddle_loss,
                "SGD B = {batch} from {start:?}: L = {final_loss} vs {saddle_loss} at the saddle"
            );
        }
    }
}

#[test]
fn the_gradient_cloud_has_its_size_and_averages_to_the_full_gradient() {
    let loss = lecture_training_loss();
    for at in [[0.6, -0.6], [0.0, 0.0], [1.0, 0.3]] {
        let full = loss.derivatives(at).gradient;
        let error = |samples: usize| {
            let cloud = gradient_cloud(&loss, at, 2, samples, 8);
            assert_eq!(cloud.len(), samples);
            let average = [0, 1].map(|i| mean(cloud.iter().map(|g| g[i])));
            (average[0] - full[0]).hypot(average[1] - full[1])
        };
        let spread = {
            let cloud = gradient_cloud(&loss, at, 2, 1000, 9);
            mean(cloud.iter().map(|g| (g[0] - full[0]).hypot(g[1] - full[1])))
        };
        assert!(spread > 0.01, "batch gradients at {at:?} should scatter");
        assert!(error(20_000) < 0.03 * spread, "at {at:?}");
        assert!(error(20_000) < error(10));
    }
    assert!(gradient_cloud(&loss, [0.0, 0.0], 3, 0, 1).is_empty());
}

#[test]
fn empty_and_out_of_range_batches_do_not_panic() {
    let loss = lecture_data();
    assert_eq!(loss.batch_gradient([0.5, 0.5], &[]), [0.0, 0.0]);
    assert_eq!(loss.batch_gradient([0.5, 0.5], &[usize::MAX]), [0.0, 0.0]);
    assert_eq!(
        loss.batch_gradient([0.5, 0.5], &[3, 1_000_000]),
        loss.batch_gradient([0.5, 0.5], &[3])
    );
}

#[test]
fn generation_is_seeded_and_validated() {
    assert_eq!(
        DatasetLoss::generate(16, 0.1, 5),
        DatasetLoss::generate(16, 0.1, 5)
    );
    assert_ne!(
        DatasetLoss::generate(16, 0.1, 5),
        DatasetLoss::generate(16, 0.1, 6)
    );
    assert!(DatasetLoss::generate(0, 0.1, 5).is_err());
    assert!(DatasetLoss::generate(16, f64::NAN, 5).is_err());
    assert!(DatasetLoss::generate(16, -1.0, 5).is_err());
    // Too few examples to hide a distractor in: it is all zeros, and the loss stays finite.
    let tiny = DatasetLoss::generate(2, 0.1, 5).expect("valid");
    assert!(tiny.examples().iter().all(|e| e.z == 0.0));
    assert!(tiny.value([0.5, 0.5]).is_finite());
    let preset = dataset_preset("lecture-data").expect("exists");
    assert_eq!(preset.surface().len(), preset.points);
    assert!(preset.bounds.contains(preset.start));
}
