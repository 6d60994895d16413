//! The lecture's escape: descend the gradient, and where it vanishes at a saddle, step along the
//! eigenvector of negative curvature, uᵀHu = λ < 0, on which L must fall.

use super::{descend, Optimizer};
use crate::analysis::{PointAnalysis, GRADIENT_TOLERANCE};
use crate::surface::Point;

/// Shortest escape step. The quadratic model promises a fall of ½|λ|·α², so α must not shrink with a
/// cautious η, or the escape would lower L by next to nothing.
pub const MIN_ESCAPE_LENGTH: f64 = 0.1;

/// Gradient descent, θ ← θ − η·g, until ‖g‖ ≤ `GRADIENT_TOLERANCE` at a point with a clearly negative
/// eigenvalue λ (unit eigenvector u); there θ ← θ ± α·u with α = max(η, [`MIN_ESCAPE_LENGTH`]),
/// taking the sign whose L is lower (+ on a tie, as at the lecture's symmetric saddle).
#[derive(Clone, Debug)]
pub(super) struct EigenEscape {
    learning_rate: f64,
}

impl EigenEscape {
    pub(super) fn new(learning_rate: f64) -> Self {
        EigenEscape { learning_rate }
    }
}

impl Optimizer for EigenEscape {
    fn step(&mut self, here: &PointAnalysis, loss: &dyn Fn(Point) -> f64) -> Point {
        let gradient = here.derivatives.gradient;
        match here.escape_direction() {
            Some((u, _)) if here.derivatives.gradient_norm() <= GRADIENT_TOLERANCE => {
                let length = self.learning_rate.max(MIN_ESCAPE_LENGTH);
                let shifted = |sign: f64| [0, 1].map(|i| here.at[i] + sign * length * u[i]);
                let (forward, backward) = (shifted(1.0), shifted(-1.0));
                // An undefined side (NaN) never wins.
                let score = |at: Point| {
                    let value = loss(at);
                    if value.is_nan() {
                        f64::INFINITY
                    } else {
                        value
                    }
                };
                if score(backward) < score(forward) {
                    backward
                } else {
                    forward
                }
            }
            _ => descend(here.at, self.learning_rate, gradient),
        }
    }
}
