//! Named training sets for the mini-batch experiments, listed beside the formula presets.

use serde::Serialize;

use super::dataset::DatasetLoss;
use crate::bounds::Bounds;
use crate::surface::Point;

/// What a dataset preset's examples are and which loss they define.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(tag = "model", rename_all = "kebab-case")]
pub enum TrainingData {
    /// The lecture's network ŷ = w1·w2·x on examples y = x + noise·N(0, 1), x ~ U(−1, 1); with
    /// `distractor`, plus the signal-free input z that [`DatasetLoss`] describes.
    Network { noise: f64, distractor: bool },
}

/// A seeded synthetic training set and how to look at its loss.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct DatasetPreset {
    pub name: &'static str,
    pub title: &'static str,
    pub description: &'static str,
    /// N, the number of training examples.
    pub points: usize,
    pub seed: u64,
    pub data: TrainingData,
    pub bounds: Bounds,
    /// Where a race should start to show the point of the preset.
    pub start: Point,
}

impl DatasetPreset {
    /// The loss over this preset's training set.
    pub fn surface(&self) -> DatasetLoss {
        match self.data {
            TrainingData::Network { noise, distractor } => {
                let loss = DatasetLoss::generate_valid(self.points, noise, self.seed);
                if distractor {
                    loss
                } else {
                    loss.without_distractor()
                }
            }
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
pub const DATASET_PRESETS: [DatasetPreset; 2] = [
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
    },
];

/// The dataset preset called exactly `name`.
pub fn dataset_preset(name: &str) -> Option<&'static DatasetPreset> {
    DATASET_PRESETS.iter().find(|preset| preset.name == name)
}
