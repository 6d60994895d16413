//! The minimum ratio of critical points of a small network.
//!
//! Everything long-running here advances in bounded chunks, so the page can run it between animation frames.

mod critical_solver;
mod min_ratio;
mod network;
mod vector_adam;

pub use min_ratio::{
    MinRatioConfig, MinRatioExperiment, MinRatioRun, Progress, GRADIENT_TARGET, MAX_PARAMS,
    MAX_RUNS, MIN_PARAMS, ZERO_EIGENVALUE_TOLERANCE,
};
pub use network::{Network, TRAINING_NOISE, TRAINING_POINTS};
