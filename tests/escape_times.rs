//! Small batches, fairly: the distractor input as a switch, a start a hair off the knife-edge w1 = −w2, and
//! escape times of full-batch descent and SGD side by side. Step counts of gradient descent are checked
//! against an independent NumPy loop over the same examples.

use saddle::analysis::analyze;
use saddle::data::{dataset_preset, DatasetLoss, TrainingData, TrainingLoss, DISTRACTOR_WEIGHT};
use saddle::optim::{
    escape_times, steps_below, BatchEscape, EscapeTimes, Hyperparameters, OptimizerKind, Run,
    RunStatus,
};
use saddle::surface::{LossSurface, Point};

const ON_THE_LINE: Point = [0.6, -0.6];
/// 0.001 off the line w1 = −w2, towards the escape direction u = (1, 1).
const A_HAIR_OFF: Point = [0.6, -0.599];
const SEEDS: [u64; 9] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
/// Batch sizes from one example to all 64 (the last is full-batch descent).
const BATCHES: [usize; 4] = [1, 4, 16, 64];

fn data(name: &str) -> DatasetLoss {
    match dataset_preset(name).expect("the preset exists").surface() {
        TrainingLoss::Network(loss) => loss,
        other => panic!("{name} is not the lecture's network: {other:?}"),
    }
}

/// Half the saddle's loss: a run below it has left the saddle for a minimum.
fn escaped_level(loss: &DatasetLoss) -> f64 {
    0.5 * loss.value([0.0, 0.0])
}

fn escapes(loss: &DatasetLoss, start: Point, seeds: &[u64]) -> EscapeTimes {
    escape_times(loss, start, 0.1, &BATCHES, seeds, escaped_level(loss), 3000)
}

#[test]
fn the_two_presets_share_their_examples_and_differ_only_in_the_distractor() {
    let (with, plain) = (data("lecture-data"), data("lecture-data-plain"));
    assert_eq!(with.len(), 64);
    for (a, b) in with.examples().iter().zip(plain.examples()) {
        assert_eq!((a.x, a.y), (b.x, b.y));
        assert_eq!(b.z, 0.0);
    }
    assert!(with.examples().iter().any(|e| e.z.abs() > 0.1));
    let switch = |name| match dataset_preset(name).unwrap().data {
        TrainingData::Network { distractor, .. } => distractor,
        TrainingData::SharpFlat { .. } => panic!("{name} is not the lecture's network"),
    };
    assert!(switch("lecture-data") && !switch("lecture-data-plain"));
    // The races below run at the presets' own η.
    for name in ["lecture-data", "lecture-data-plain"] {
        assert_eq!(dataset_preset(name).unwrap().learning_rate, 0.1);
    }
}

#[test]
fn without_the_distractor_no_single_example_can_push_off_the_line() {
    let plain = data("lecture-data-plain");
    let with = data("lecture-data");
    let kappa = DISTRACTOR_WEIGHT;
    for i in 0..plain.len() {
        // At the origin every example's gradient is exactly zero; with z it is −2κ·y·z·(1, 1).
        assert_eq!(plain.batch_gradient([0.0, 0.0], &[i]), [0.0, 0.0]);
        let e = with.examples()[i];
        let g = with.batch_gradient([0.0, 0.0], &[i]);
        for component in g {
            assert!((component + 2.0 * kappa * e.y * e.z).abs() < 1e-15);
        }
        // On the line every example's gradient lies along it, (1, −1): no component along u = (1, 1).
        let [gx, gy] = plain.batch_gradient(ON_THE_LINE, &[i]);
        assert!((gx + gy).abs() <= 1e-15 * gx.abs().max(1.0), "{gx} {gy}");
    }
    // The plain loss has the lecture's symmetric saddle, λ = ±2c with c = mean x·y, and a valley of minima
    // along w1·w2 = c/a, a = mean x² (NumPy: c/a = 0.9471).
    let mean = |f: &dyn Fn(&saddle::data::Example) -> f64| {
        plain.examples().iter().map(f).sum::<f64>() / plain.len() as f64
    };
    let (c, a) = (mean(&|e| e.x * e.y), mean(&|e| e.x * e.x));
    assert!((c / a - 0.947_126_632_283_796_6).abs() < 1e-12);
    let origin = analyze(&plain, [0.0, 0.0]);
    assert!((origin.eigen.values[0] + 2.0 * c).abs() < 1e-14);
    assert!((origin.eigen.values[1] - 2.0 * c).abs() < 1e-14);
    for w1 in [0.5, 1.0, 2.0] {
        let on_valley = analyze(&plain, [w1, c / a / w1]);
        assert!(on_valley.derivatives.gradient_norm() < 1e-14);
    }
}

#[test]
fn on_the_knife_edge_only_sgd_with_the_distractor_leaves() {
    let with = data("lecture-data");
    let times = escapes(&with, ON_THE_LINE, &SEEDS[..4]);
    assert_eq!(times.full_batch, None);
    for escape in &times.sgd[..2] {
        assert!(
            escape.steps.iter().all(|s| s.is_some_and(|n| n <= 200)),
            "B = {}: {:?}",
            escape.batch,
            escape.steps
        );
    }
    // B = N is full-batch descent, and stalls with it.
    let whole = times.sgd.last().unwrap();
    assert_eq!(whole.batch, 64);
    assert!(whole.steps.iter().all(Option::is_none));
    let mut descent = Run::new(
        OptimizerKind::Gd,
        Hyperparameters {
            learning_rate: 0.1,
            ..Hyperparameters::default()
        },
        ON_THE_LINE,
    );
    assert_eq!(descent.run(&with, 3000), RunStatus::StalledAtSaddle);

    // Without the distractor no batch leaves: every example's gradient keeps to the line.
    let plain = data("lecture-data-plain");
    let times = escapes(&plain, ON_THE_LINE, &SEEDS[..4]);
    assert_eq!(times.full_batch, None);
    assert!(times
        .sgd
        .iter()
        .all(|escape| escape.steps.iter().all(Option::is_none)));
}

#[test]
fn a_hair_off_the_line_full_batch_descent_leaves_too_and_noise_helps_only_with_the_distractor() {
    // NumPy over the same examples: 158 steps (with z) and 130 (without) to L < ½·L(saddle) at η = 0.1;
    // 108 and 87 from 0.01 off the line.
    let (with, plain) = (data("lecture-data"), data("lecture-data-plain"));
    let descent = |loss: &DatasetLoss, start: Point| {
        steps_below(
            loss,
            OptimizerKind::Gd,
            Hyperparameters {
                learning_rate: 0.1,
                ..Hyperparameters::default()
            },
            start,
            escaped_level(loss),
            3000,
        )
    };
    assert_eq!(descent(&with, A_HAIR_OFF), Some(158));
    assert_eq!(descent(&plain, A_HAIR_OFF), Some(130));
    assert_eq!(descent(&with, [0.6, -0.59]), Some(108));
    assert_eq!(descent(&plain, [0.6, -0.59]), Some(87));

    // With the distractor, small batches leave in about half gradient descent's time, larger ones later
    // (medians over these nine seeds: 66, 76 and 98 steps at B = 1, 4, 16; B = 64 is descent's 158).
    let times = escapes(&with, A_HAIR_OFF, &SEEDS);
    assert_eq!(times.full_batch, Some(158));
    let medians: Vec<Option<usize>> = times.sgd.iter().map(BatchEscape::median).collect();
    assert_eq!(medians, [Some(66), Some(76), Some(98), Some(158)]);

    // Without it the noise has (almost) no component along u: every batch size's median is descent's
    // 130 steps give or take a few, single seeds within a quarter of it.
    let times = escapes(&plain, A_HAIR_OFF, &SEEDS);
    assert_eq!(times.full_batch, Some(130));
    for escape in &times.sgd {
        let median = escape.median().expect("every run leaves");
        assert!(
            (125..=135).contains(&median),
            "B = {}: median {median}",
            escape.batch
        );
        for steps in &escape.steps {
            let steps = steps.expect("every run leaves");
            assert!(
                (100..=165).contains(&steps),
                "B = {}: {steps}",
                escape.batch
            );
        }
    }
}

#[test]
fn the_median_counts_runs_that_never_left_as_slowest() {
    let escape = |steps: Vec<Option<usize>>| BatchEscape { batch: 1, steps };
    assert_eq!(escape(vec![Some(5), None, Some(3)]).median(), Some(5));
    assert_eq!(escape(vec![Some(5), None, None]).median(), None);
    assert_eq!(
        escape(vec![Some(9), Some(1), Some(4), Some(2)]).median(),
        Some(2)
    );
    assert_eq!(escape(vec![]).median(), None);
}

#[test]
fn steps_below_counts_from_the_start_and_gives_up_at_rest_or_the_limit() {
    let bowl = saddle::formula::Formula::parse("x^2 + y^2").unwrap();
    let hyper = Hyperparameters {
        learning_rate: 0.25,
        ..Hyperparameters::default()
    };
    // L = 2·(1/2)^(2t) from (1, 1): 2, 0.5, 0.125, 0.03125 …
    assert_eq!(
        steps_below(&bowl, OptimizerKind::Gd, hyper, [1.0, 1.0], 0.1, 100),
        Some(3)
    );
    assert_eq!(
        steps_below(&bowl, OptimizerKind::Gd, hyper, [1.0, 1.0], 0.1, 2),
        None
    );
    assert_eq!(
        steps_below(&bowl, OptimizerKind::Gd, hyper, [1.0, 1.0], -1.0, 10_000),
        None
    );
}
