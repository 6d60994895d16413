//! Optimizers racing over a loss surface, from plain gradient descent to saddle-aware Newton variants.
//!
//! Each optimizer is a small state machine behind the private `Optimizer` trait; a [`Run`] drives one from a
//! start point, records its trajectory and decides when it has converged, stalled or diverged; [`Basins`]
//! runs one from every cell of a grid.

mod adaptive;
mod basins;
mod descent;
mod eigen_escape;
mod escape;
mod escape_time;
mod kind;
mod momentum_update;
mod newton;
mod race;
mod run;

pub use basins::{
    Basins, BasinsConfig, BasinsProgress, DIVERGED, MAX_BASIN_GRID, MAX_BASIN_STEPS,
    MIN_BASIN_GRID, PENDING, STILL_MOVING,
};
pub use eigen_escape::ESCAPE_LENGTH;
pub use escape::EscapeAnimation;
pub use escape_time::{escape_times, steps_below, BatchEscape, EscapeTimes};
pub use kind::OptimizerKind;
pub use momentum_update::{effective_step, momentum_update, MomentumState, MomentumUpdate};
pub use race::{Race, DEFAULT_STEPS_PER_SECOND};
pub use run::{Run, RunStatus, DIVERGENCE_LIMIT};

use std::fmt::Debug;

/// A race (on the page, or replayed for a figure) ends here even if an optimizer is still moving
/// (slowly crawling along a valley, say).
pub const MAX_RACE_STEPS: usize = 2000;

use crate::analysis::PointAnalysis;
use crate::surface::Point;

/// The knobs a person turns; each optimizer reads the ones it needs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Hyperparameters {
    /// η. Newton and saddle-free Newton use it only along directions of ≈ 0 curvature; the
    /// eigen-escape's jump is [`ESCAPE_LENGTH`] long whatever η is.
    pub learning_rate: f64,
    /// β, the momentum coefficient of momentum and Nesterov.
    pub beta: f64,
    /// B, the examples per mini-batch of SGD on a surface with training data (at least 1, at most N).
    pub batch: usize,
    /// Seeds SGD's batch sampler, so a run can be repeated exactly.
    pub seed: u64,
}

impl Default for Hyperparameters {
    fn default() -> Self {
        Hyperparameters {
            learning_rate: 0.01,
            beta: 0.9,
            batch: 8,
            seed: 0,
        }
    }
}

/// η at a position of the page's η slider, which is logarithmic: its position is log₁₀ η.
pub fn learning_rate_from_slider(position: f64) -> f64 {
    10f64.powf(position)
}

/// The η slider's position for η.
pub fn learning_rate_slider(learning_rate: f64) -> f64 {
    learning_rate.log10()
}

/// One optimizer's update rule and whatever state it carries between steps.
trait Optimizer: Debug + CloneOptimizer {
    /// The next θ from the current one.
    ///
    /// `here` is the full analysis of the current θ (always finite) because the Newton variants and the
    /// eigen-escape need its eigen-decomposition; `loss` lets the eigen-escape compare L on either side.
    fn step(&mut self, here: &PointAnalysis, loss: &dyn Fn(Point) -> f64) -> Point;

    /// Momentum's velocity and knobs, for drawing its update; `None` for every other optimizer.
    fn momentum(&self) -> Option<MomentumState> {
        None
    }
}

/// Lets a run try the next step on a copy, history included, without committing to it.
trait CloneOptimizer {
    fn clone_box(&self) -> Box<dyn Optimizer>;
}

impl<T: Optimizer + Clone + 'static> CloneOptimizer for T {
    fn clone_box(&self) -> Box<dyn Optimizer> {
        Box::new(self.clone())
    }
}

impl Clone for Box<dyn Optimizer> {
    fn clone(&self) -> Self {
        self.clone_box()
    }
}

/// θ − η·d, coordinate by coordinate.
fn descend(theta: Point, learning_rate: f64, direction: [f64; 2]) -> Point {
    [0, 1].map(|i| theta[i] - learning_rate * direction[i])
}
