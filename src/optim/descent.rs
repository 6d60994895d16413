//! Gradient descent and its heavy-ball relatives, which carry velocity through flat regions and saddles.

use super::momentum_update::MomentumState;
use super::{descend, Optimizer};
use crate::analysis::PointAnalysis;
use crate::surface::Point;

/// θ ← θ − η·g.
#[derive(Clone, Debug)]
pub(super) struct GradientDescent {
    learning_rate: f64,
}

impl GradientDescent {
    pub(super) fn new(learning_rate: f64) -> Self {
        GradientDescent { learning_rate }
    }
}

impl Optimizer for GradientDescent {
    fn step(&mut self, here: &PointAnalysis, _loss: &dyn Fn(Point) -> f64) -> Point {
        descend(here.at, self.learning_rate, here.derivatives.gradient)
    }
}

/// The lecture's form: m ← β·m − η·g; θ ← θ + m, with m = 0 at the start.
#[derive(Clone, Debug)]
pub(super) struct Momentum {
    learning_rate: f64,
    beta: f64,
    velocity: [f64; 2],
}

impl Momentum {
    pub(super) fn new(learning_rate: f64, beta: f64) -> Self {
        Momentum {
            learning_rate,
            beta,
            velocity: [0.0; 2],
        }
    }
}

impl Optimizer for Momentum {
    fn step(&mut self, here: &PointAnalysis, _loss: &dyn Fn(Point) -> f64) -> Point {
        let g = here.derivatives.gradient;
        let m = self.velocity;
        self.velocity = [0, 1].map(|i| self.beta * m[i] - self.learning_rate * g[i]);
        [0, 1].map(|i| here.at[i] + self.velocity[i])
    }

    fn momentum(&self) -> Option<MomentumState> {
        Some(MomentumState {
            velocity: self.velocity,
            beta: self.beta,
            learning_rate: self.learning_rate,
        })
    }
}

/// PyTorch's `SGD(nesterov=True)`: b ← β·b + g; θ ← θ − η·(g + β·b), with b = 0 at the start.
#[derive(Clone, Debug)]
pub(super) struct Nesterov {
    learning_rate: f64,
    beta: f64,
    buffer: [f64; 2],
}

impl Nesterov {
    pub(super) fn new(learning_rate: f64, beta: f64) -> Self {
        Nesterov {
            learning_rate,
            beta,
            buffer: [0.0; 2],
        }
    }
}

impl Optimizer for Nesterov {
    fn step(&mut self, here: &PointAnalysis, _loss: &dyn Fn(Point) -> f64) -> Point {
        let g = here.derivatives.gradient;
        let b = self.buffer;
        self.buffer = [0, 1].map(|i| self.beta * b[i] + g[i]);
        let look_ahead = [0, 1].map(|i| g[i] + self.beta * self.buffer[i]);
        descend(here.at, self.learning_rate, look_ahead)
    }
}
