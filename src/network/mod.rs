//! The network lab: a small fully connected tanh network trained on a toy task, its exact Hessian, and
//! the lecture's question asked honestly where training stalls: minimum or saddle?
//!
//! The pipeline, one concept a file: seeded toy data (`dataset`), the network and its parameter layout
//! (`architecture`), L and ∇L (`objective`), the exact Hessian (`hessian`), its spectrum (`spectrum`), the
//! second-order test's verdicts (`inspect`), training (`train`), the solve to ∇L = 0 (`minres_qlp`,
//! `solver`), pictures of the loss (`slice`), the escape step (`escape`), and the experiment over many
//! runs and sizes (`experiment`). Nothing here knows about the browser; long work advances in bounded
//! steps so a Web Worker or the command line can drive it.

mod architecture;
mod dataset;
mod escape;
mod experiment;
mod hessian;
mod inspect;
mod linear;
mod minres_qlp;
mod objective;
mod point;
mod slice;
mod solver;
mod spectrum;
mod symmetric_eigenvalues;
mod train;

pub use architecture::{Network, ACTIVATION, MAX_HIDDEN_LAYERS, MAX_PARAMS};
pub use dataset::{
    DataConfig, Dataset, Examples, LossKind, Task, MAX_EXAMPLES, MAX_NOISE, PLAYGROUND_SCALE,
};
pub use escape::{escape_step, EscapeStep};
#[cfg(not(target_arch = "wasm32"))]
pub use experiment::run_in_parallel;
pub use experiment::{
    Experiment, ExperimentConfig, Progress, RunResult, StallPoint, Summary, Sweep, SweepEntry,
    DEFAULT_WEIGHT_DECAY, MAX_RUNS, MAX_TRAINING_STEPS,
};
pub use inspect::{
    inspect, inspect_with_hessian, Inspection, GRADIENT_BAND_FACTOR, GRADIENT_NOISE_FACTOR,
    NUMERICAL_BAND,
};
pub use objective::NetworkLoss;
pub use point::{PointInput, PointRecord};
pub use slice::{
    filter_normalized_direction, Plane, PlaneKind, Profile, MAX_RESOLUTION, SLICE_DEPTH,
};
pub use solver::{CriticalPointSolver, SolvedPoint, SolverReport, SolverStatus, SOLVER_ITERATIONS};
pub use spectrum::{eigenvalues, extreme_eigenvector, End};
pub use train::{
    StallDetector, StallRule, Trainer, TrainingConfig, TrainingMethod, TrainingStatus, TrainingStep,
};
