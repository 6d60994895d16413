//! The lecture's experiments beyond a formula: mini-batch noise on a data-defined loss, and the
//! minimum ratio of critical points of a small network.
//!
//! Everything long-running here advances in bounded chunks, so the page can run it between animation frames.

mod critical_solver;
mod dataset;
mod dataset_preset;
mod min_ratio;
mod network;
mod rng;
mod vector_adam;

pub use dataset::{DatasetLoss, Example, DISTRACTOR_WEIGHT, MAX_POINTS};
pub use dataset_preset::{dataset_preset, DatasetPreset, DATASET_PRESETS};
pub use min_ratio::{
    MinRatioConfig, MinRatioExperiment, MinRatioRun, Progress, GRADIENT_TARGET, MAX_PARAMS,
    MAX_RUNS, MIN_PARAMS, ZERO_EIGENVALUE_TOLERANCE,
};
pub use network::{Network, TRAINING_NOISE, TRAINING_POINTS};
pub use rng::Rng;
