//! The network lab: a small fully connected tanh network trained on a toy task, its exact Hessian, and
//! the lecture's question asked honestly where training stalls: minimum or saddle?

mod architecture;
mod dataset;
mod hessian;
mod objective;

pub use architecture::{Network, ACTIVATION, MAX_HIDDEN_LAYERS, MAX_PARAMS};
pub use dataset::{
    DataConfig, Dataset, Examples, LossKind, Task, MAX_EXAMPLES, MAX_NOISE, PLAYGROUND_SCALE,
};
pub use objective::NetworkLoss;
