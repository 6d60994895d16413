//! Named training sets for the mini-batch experiments, listed beside the formula presets.

use serde::Serialize;

use super::dataset::DatasetLoss;
use crate::bounds::Bounds;
use crate::surface::Point;

/// A seeded synthetic training set and how to look at its loss.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct DatasetPreset {
    pub name: &'static str,
    pub title: &'static str,
    pub description: &'static str,
    /// N, the number of training examples.
    pub points: usize,
    /// The standard deviation of the label noise, y = x + noise·N(0, 1).
    pub noise: f64,
    pub seed: u64,
    pub bounds: Bounds,
    /// Where a race should start to show the point of the preset.
    pub start: Point,
}

impl DatasetPreset {
    /// The loss over this preset's training set.
    pub fn surface(&self) -> DatasetLoss {
        DatasetLoss::generate_valid(self.points, self.noise, self.seed)
    }
}

/// Every dataset preset, in display order.
pub const DATASET_PRESETS: [DatasetPreset; 1] = [DatasetPreset {
    name: "lecture-data",
    title: "The lecture's network on data",
    description: "ŷ = w1·w2·x (plus a signal-free distractor input) fitted to 64 points y = x + noise. \
        The full-batch loss has the lecture's saddle at the origin and minima near w1 = w2 = ±0.9. \
        Started on the line w1 = −w2, full-batch gradient descent slides into the saddle and stalls; \
        SGD's batch noise pushes it off along (1, 1) and down into a minimum.",
    points: 64,
    noise: 0.1,
    seed: 2024,
    bounds: Bounds {
        x_min: -2.0,
        x_max: 2.0,
        y_min: -2.0,
        y_max: 2.0,
    },
    start: [0.6, -0.6],
}];

/// The dataset preset called exactly `name`.
pub fn dataset_preset(name: &str) -> Option<&'static DatasetPreset> {
    DATASET_PRESETS.iter().find(|preset| preset.name == name)
}
