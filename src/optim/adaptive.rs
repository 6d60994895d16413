//! Optimizers that rescale each coordinate by its gradient history, with PyTorch's defaults.
//!
//! Dividing by √(mean g²) makes steep and shallow directions move at similar speeds, which also
//! speeds up the slow drift away from a saddle.

use super::{descend, Optimizer};
use crate::analysis::PointAnalysis;
use crate::surface::Point;

const RMSPROP_ALPHA: f64 = 0.99;
const RMSPROP_EPSILON: f64 = 1e-8;
const ADAGRAD_EPSILON: f64 = 1e-10;
const ADAM_BETA1: f64 = 0.9;
const ADAM_BETA2: f64 = 0.999;
const ADAM_EPSILON: f64 = 1e-8;

/// RMSProp and AdaGrad: s ← keep·s + add·g²; θ ← θ − η·g/(√s + ε).
///
/// RMSProp forgets (keep = α, add = 1 − α); AdaGrad sums forever (keep = add = 1).
#[derive(Clone, Debug)]
pub(super) struct SquaredGradientScaling {
    learning_rate: f64,
    keep: f64,
    add: f64,
    epsilon: f64,
    squares: [f64; 2],
}

impl SquaredGradientScaling {
    pub(super) fn rmsprop(learning_rate: f64) -> Self {
        Self::new(
            learning_rate,
            RMSPROP_ALPHA,
            1.0 - RMSPROP_ALPHA,
            RMSPROP_EPSILON,
        )
    }

    pub(super) fn adagrad(learning_rate: f64) -> Self {
        Self::new(learning_rate, 1.0, 1.0, ADAGRAD_EPSILON)
    }

    fn new(learning_rate: f64, keep: f64, add: f64, epsilon: f64) -> Self {
        SquaredGradientScaling {
            learning_rate,
            keep,
            add,
            epsilon,
            squares: [0.0; 2],
        }
    }
}

impl Optimizer for SquaredGradientScaling {
    fn step(&mut self, here: &PointAnalysis, _loss: &dyn Fn(Point) -> f64) -> Point {
        let g = here.derivatives.gradient;
        let s = self.squares;
        self.squares = [0, 1].map(|i| self.keep * s[i] + self.add * g[i] * g[i]);
        let scaled = [0, 1].map(|i| g[i] / (self.squares[i].sqrt() + self.epsilon));
        descend(here.at, self.learning_rate, scaled)
    }
}

/// Adam with bias correction: m̂ = m/(1 − β1ᵗ), v̂ = v/(1 − β2ᵗ); θ ← θ − η·m̂/(√v̂ + ε).
#[derive(Clone, Debug)]
pub(super) struct Adam {
    learning_rate: f64,
    mean: [f64; 2],
    square_mean: [f64; 2],
    /// β1ᵗ and β2ᵗ for the step about to be taken, kept as running products so t never overflows.
    beta_powers: [f64; 2],
}

impl Adam {
    pub(super) fn new(learning_rate: f64) -> Self {
        Adam {
            learning_rate,
            mean: [0.0; 2],
            square_mean: [0.0; 2],
            beta_powers: [1.0; 2],
        }
    }
}

impl Optimizer for Adam {
    fn step(&mut self, here: &PointAnalysis, _loss: &dyn Fn(Point) -> f64) -> Point {
        let g = here.derivatives.gradient;
        let (m, v) = (self.mean, self.square_mean);
        self.mean = [0, 1].map(|i| ADAM_BETA1 * m[i] + (1.0 - ADAM_BETA1) * g[i]);
        self.square_mean = [0, 1].map(|i| ADAM_BETA2 * v[i] + (1.0 - ADAM_BETA2) * g[i] * g[i]);
        self.beta_powers = [
            self.beta_powers[0] * ADAM_BETA1,
            self.beta_powers[1] * ADAM_BETA2,
        ];
        let mean_correction = 1.0 - self.beta_powers[0];
        let square_correction = 1.0 - self.beta_powers[1];
        let direction = [0, 1].map(|i| {
            (self.mean[i] / mean_correction)
                / ((self.square_mean[i] / square_correction).sqrt() + ADAM_EPSILON)
        });
        descend(here.at, self.learning_rate, direction)
    }
}
