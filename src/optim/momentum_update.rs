//! Momentum's update as the lecture draws it, m_new = β·m − η·g, and the step that makes a race against
//! gradient descent fair.
//!
//! On a steady slope (g constant) the velocity tends to m = −η·g/(1−β): momentum then moves 1/(1−β) times
//! as far per step as gradient descent at the same η (ten times at β = 0.9). A race at equal η mostly
//! shows that longer step; [`OptimizerKind::GdMatched`](super::OptimizerKind::GdMatched) gives gradient
//! descent the same long step, so what is left is momentum's own doing: it keeps moving where the gradient
//! vanishes or turns, and the gradients that alternate across a steep valley cancel in its sum instead of
//! adding up.

use super::run::{Run, RunStatus};
use crate::surface::{LossSurface, Point};

/// η/(1−β): the step gradient descent must take to move as far per step as momentum does on a steady
/// slope. Infinite at β = 1 (where momentum never slows); links and the command line keep β < 1.
pub fn effective_step(learning_rate: f64, beta: f64) -> f64 {
    learning_rate / (1.0 - beta)
}

/// What momentum carries between steps: the last movement m = θ_t − θ_{t−1} (zero before the first step)
/// and the knobs it is combined with.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MomentumState {
    /// m, the last movement θ_t − θ_{t−1}.
    pub velocity: [f64; 2],
    /// β, the share of m carried into the next step.
    pub beta: f64,
    /// η, the gradient step's scale.
    pub learning_rate: f64,
}

/// The three arrows of one momentum update at θ_t, in data coordinates (displacements from θ_t).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MomentumUpdate {
    /// Where θ_t is.
    pub at: Point,
    /// β·m: the last movement, shortened by β.
    pub carried: [f64; 2],
    /// −η·g: the gradient step at θ_t.
    pub gradient_step: [f64; 2],
    /// m_new = β·m − η·g, their sum: the step to θ_{t+1}.
    pub velocity: [f64; 2],
}

impl MomentumState {
    /// The update at `at`, where the gradient is `gradient`.
    pub fn update(&self, at: Point, gradient: [f64; 2]) -> MomentumUpdate {
        let carried = self.velocity.map(|m| self.beta * m);
        let gradient_step = gradient.map(|g| -self.learning_rate * g);
        MomentumUpdate {
            at,
            carried,
            gradient_step,
            velocity: [0, 1].map(|i| carried[i] + gradient_step[i]),
        }
    }
}

/// The update a momentum run takes next, at its current point on `surface`; `None` for other optimizers,
/// for a run that diverged (its last attempted step left the trajectory, so its velocity no longer is the
/// last movement), and where the gradient is not finite.
pub fn momentum_update<S: LossSurface + ?Sized>(run: &Run, surface: &S) -> Option<MomentumUpdate> {
    if run.status() == RunStatus::Diverged {
        return None;
    }
    let state = run.momentum()?;
    let at = run.position();
    let gradient = surface.derivatives(at).gradient;
    gradient
        .iter()
        .all(|g| g.is_finite())
        .then(|| state.update(at, gradient))
}
