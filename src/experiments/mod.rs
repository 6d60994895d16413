//! The lecture's experiments beyond a formula: mini-batch noise on a data-defined loss, and the
//! minimum ratio of critical points of a small network.
//!
//! Everything long-running here advances in bounded chunks, so the page can run it between animation frames.

mod dataset;
mod dataset_preset;
mod rng;

pub use dataset::{DatasetLoss, Example, DISTRACTOR_WEIGHT, MAX_POINTS};
pub use dataset_preset::{dataset_preset, DatasetPreset, DATASET_PRESETS};
pub use rng::Rng;
