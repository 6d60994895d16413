//! Second-order steps: Newton, which jumps to the nearest critical point of the quadratic model (saddles
//! included), and saddle-free Newton (Dauphin et al. 2014), which flips negative curvature so it runs away
//! from saddles instead.
//!
//! Both work in the Hessian's eigenbasis, H = Σ λᵢ·uᵢuᵢᵀ, scaling the gradient's component along each uᵢ.
//! Neither uses η except Newton along flat directions.

use super::Optimizer;
use crate::analysis::PointAnalysis;
use crate::surface::Point;

/// Curvature with |λ| at or below this counts as flat: inverting it would send θ arbitrarily far.
///
/// Absolute, not relative to the largest |λ|, so a flat direction stays flat however steep the other one is.
pub const CURVATURE_FLOOR: f64 = 1e-2;

/// θ ← θ − H⁻¹g, where H is invertible enough.
///
/// Guard: along an eigenvector with |λ| ≤ [`CURVATURE_FLOOR`] the model has no curvature to trust, so that
/// component of the step is a plain gradient step, η·(uᵢ·g). At a singular Hessian it thus stays finite
/// and still moves if the gradient has a flat component.
#[derive(Clone, Debug)]
pub(super) struct Newton {
    learning_rate: f64,
}

impl Newton {
    pub(super) fn new(learning_rate: f64) -> Self {
        Newton { learning_rate }
    }
}

impl Optimizer for Newton {
    fn step(&mut self, here: &PointAnalysis, _loss: &dyn Fn(Point) -> f64) -> Point {
        eigen_scaled_step(here, |lambda| {
            if lambda.abs() > CURVATURE_FLOOR {
                1.0 / lambda
            } else {
                self.learning_rate
            }
        })
    }
}

/// θ ← θ − |H|⁻¹g with |H| = Σ max(|λᵢ|, [`CURVATURE_FLOOR`])·uᵢuᵢᵀ.
///
/// Along negative curvature the step points downhill, away from the saddle; the floor bounds the step
/// along flat directions by ‖g‖/`CURVATURE_FLOOR`.
#[derive(Clone, Debug)]
pub(super) struct SaddleFreeNewton;

impl Optimizer for SaddleFreeNewton {
    fn step(&mut self, here: &PointAnalysis, _loss: &dyn Fn(Point) -> f64) -> Point {
        eigen_scaled_step(here, |lambda| 1.0 / lambda.abs().max(CURVATURE_FLOOR))
    }
}

/// θ − Σᵢ uᵢ·(uᵢ·g)·weight(λᵢ).
fn eigen_scaled_step(here: &PointAnalysis, weight: impl Fn(f64) -> f64) -> Point {
    let g = here.derivatives.gradient;
    let mut next = here.at;
    for (lambda, u) in here.eigen.values.into_iter().zip(here.eigen.vectors) {
        let along = (u[0] * g[0] + u[1] * g[1]) * weight(lambda);
        next = [next[0] - along * u[0], next[1] - along * u[1]];
    }
    next
}
