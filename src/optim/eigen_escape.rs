//! The lecture's escape: descend the gradient, and where it vanishes at a saddle, step along the
//! eigenvector of negative curvature, uᵀHu = λ < 0, on which L must fall.

use super::{descend, Optimizer};
use crate::analysis::PointAnalysis;
use crate::surface::Point;

/// The escape step's length, in θ's units. The quadratic model promises a fall of ½|λ|·α², so α must
/// not shrink with a cautious η; and η (units θ²/L) is no length, so α does not depend on it at all,
/// which keeps the run the same for L and c·L with η/c.
pub const ESCAPE_LENGTH: f64 = 0.1;

/// Gradient descent, θ ← θ − η·g, until a critical point with a clearly negative eigenvalue λ (unit
/// eigenvector u); there θ ← θ ± α·u with α = [`ESCAPE_LENGTH`], taking the sign whose L is lower
/// (+ on a tie, as at the lecture's symmetric saddle).
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
        match here.escape_direction() {
            Some((u, _)) if here.kind.is_critical() => {
                let shifted = |sign: f64| [0, 1].map(|i| here.at[i] + sign * ESCAPE_LENGTH * u[i]);
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
            _ => descend(here.at, self.learning_rate, here.derivatives.gradient),
        }
    }
}
