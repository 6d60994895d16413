//! Named training sets for the mini-batch experiments, listed beside the formula presets.

use serde::Serialize;

use super::dataset::DatasetLoss;
use super::sharp_flat::SharpFlatLoss;
use super::training_loss::TrainingLoss;
use crate::bounds::Bounds;
use crate::surface::Point;

/// What a dataset preset's examples are and which loss they define.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(tag = "model", rename_all = "kebab-case")]
pub enum TrainingData {
    /// The lecture's network ŷ = w1·w2·x on examples y = x + noise·N(0, 1), x ~ U(−1, 1); with
    /// `distractor`, plus the signal-free input z that [`DatasetLoss`] describes.
    Network {
        /// The targets' noise, a standard deviation in the units of y.
        noise: f64,
        /// Whether the signal-free input z is there.
        distractor: bool,
    },
    /// Shifted copies of one loss with a sharp and a flat well, [`SharpFlatLoss`]: shifts of standard
    /// deviation `spread` per coordinate, and a test set's moved by `test_offset`.
    SharpFlat {
        /// σ, the standard deviation of each example's shift per coordinate.
        spread: f64,
        /// δ, how far the test set is moved: L_test(θ) ≈ L_train(θ − δ).
        test_offset: Point,
    },
}

/// A seeded synthetic training set and how to look at its loss.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct DatasetPreset {
    /// Stable kebab-case identifier, as share links and the command line name it.
    pub name: &'static str,
    /// The English title a list shows.
    pub title: &'static str,
    /// What the preset shows and at which settings: its numbers are the ones the tests check.
    pub description: &'static str,
    /// N, the number of training examples.
    pub points: usize,
    /// Seeds the examples, so the preset is the same training set everywhere.
    pub seed: u64,
    /// The model and how its examples are drawn.
    pub data: TrainingData,
    /// The box the map frames the minima and the saddle in.
    pub bounds: Bounds,
    /// Where a race should start to show the point of the preset.
    pub start: Point,
    /// The η at which the description's races are run (and checked by the tests).
    pub learning_rate: f64,
}

impl DatasetPreset {
    /// The loss over this preset's training set.
    pub fn surface(&self) -> TrainingLoss {
        match self.data {
            TrainingData::Network { noise, distractor } => {
                let loss = DatasetLoss::generate_valid(self.points, noise, self.seed);
                TrainingLoss::Network(if distractor {
                    loss
                } else {
                    loss.without_distractor()
                })
            }
            TrainingData::SharpFlat {
                spread,
                test_offset,
            } => TrainingLoss::SharpFlat(SharpFlatLoss::generate(
                self.points,
                spread,
                test_offset,
                self.seed,
            )),
        }
    }
}

const LECTURE_BOX: Bounds = Bounds {
    x_min: -2.0,
    x_max: 2.0,
    y_min: -2.0,
    y_max: 2.0,
};

/// Every dataset preset, in display order. The two networks share their examples x and y (same points,
/// noise and seed) and differ only in the distractor, so the page can offer it as a switch.
pub const DATASET_PRESETS: [DatasetPreset; 3] = [
    DatasetPreset {
        name: "lecture-data",
        title: "The lecture's network on data",
        description: "ŷ = w1·w2·x + κ·(w1 + w2)·z fitted to 64 points y = x + noise, where the extra input z \
            carries no signal: the full-batch loss has a saddle at the origin, whose escape direction is \
            u = (1, 1), and two minima near w1 = w2 = ±0.9. \
            Started exactly on the line w1 = −w2, full-batch gradient descent slides into the saddle and \
            stalls, while SGD leaves it: z gives every example's gradient a component along u, which the \
            full batch averages away and a small batch does not. \
            A hair off that line full-batch descent leaves too, only later.",
        points: 64,
        seed: 2024,
        data: TrainingData::Network {
            noise: 0.1,
            distractor: true,
        },
        bounds: LECTURE_BOX,
        start: [0.6, -0.6],
        learning_rate: 0.1,
    },
    DatasetPreset {
        name: "lecture-data-plain",
        title: "The lecture's network on data, without the extra input",
        description: "ŷ = w1·w2·x alone fitted to the same 64 points: a saddle at the origin and a valley of \
            minima along w1·w2 ≈ 0.95. \
            Every example's gradient vanishes at the origin and points along the line w1 = −w2 anywhere \
            on it, so started on that line SGD stalls at the saddle just like full-batch descent: its noise \
            has no component along the escape direction u = (1, 1). \
            A hair off the line both leave, equally slowly.",
        points: 64,
        seed: 2024,
        data: TrainingData::Network {
            noise: 0.1,
            distractor: false,
        },
        bounds: LECTURE_BOX,
        start: [0.6, -0.6],
        learning_rate: 0.1,
    },
    DatasetPreset {
        name: "sharp-and-flat",
        title: "A sharp and a flat minimum",
        description: "Each of 128 examples has the same loss, a narrow deep well near (−1, 0) and a wide \
            shallow one near (1, 0), moved by its own small random shift; the test examples are moved a \
            little further, by δ = (0.2, 0), so the test loss is roughly the training loss shifted by δ. \
            The sharp minimum (curvatures 29 and 36) has the lower training loss, 0.007 against 0.108 at \
            the flat one (curvatures 2.5 and 2.6), yet the higher test loss, 0.53 against 0.16. \
            From (−0.9, −0.1) at η = 0.045, full-batch gradient descent and SGD with 16 or more examples \
            per batch stay in the sharp minimum, while batches of 1 or 2 are thrown out of it into the \
            flat one within a few hundred steps: a batch's gradient noise grows with the curvature.",
        points: 128,
        seed: 2024,
        data: TrainingData::SharpFlat {
            spread: 0.15,
            test_offset: [0.2, 0.0],
        },
        bounds: Bounds {
            x_min: -2.0,
            x_max: 2.0,
            y_min: -1.5,
            y_max: 1.5,
        },
        start: [-0.9, -0.1],
        learning_rate: 0.045,
    },
];

/// The dataset preset called exactly `name`.
pub fn dataset_preset(name: &str) -> Option<&'static DatasetPreset> {
    DATASET_PRESETS.iter().find(|preset| preset.name == name)
}
