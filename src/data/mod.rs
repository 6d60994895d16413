//! Losses defined by training data, and the seeded random numbers every sampled thing in Saddle draws from.
//!
//! A data-defined loss is a surface like a formula, but a mini-batch of its examples gives a noisy gradient:
//! the ground for the lecture's claim that small batches leave critical points.

mod cloud;
mod dataset;
mod dataset_preset;
mod rng;
mod sharp_flat;
mod training_loss;

pub use cloud::gradient_cloud;
pub use dataset::{DatasetLoss, Example, DISTRACTOR_WEIGHT, MAX_POINTS};
pub use dataset_preset::{dataset_preset, DatasetPreset, TrainingData, DATASET_PRESETS};
pub use rng::Rng;
pub use sharp_flat::{
    SharpFlatLoss, ShiftedLoss, BOWL, FLAT_CENTRE, FLAT_DEPTH, FLAT_WIDTH, SHARP_CENTRE,
    SHARP_DEPTH, SHARP_WIDTH,
};
pub use training_loss::TrainingLoss;
