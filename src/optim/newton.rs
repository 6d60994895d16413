//! Second-order steps: Newton, which jumps to the nearest critical point of the quadratic model (saddles
//! included), and saddle-free Newton (Dauphin et al. 2014), which flips negative curvature so it runs away
//! from saddles instead.
//!
//! Both work in the Hessian's eigenbasis, H = Σ λᵢ·uᵢuᵢᵀ, scaling the gradient's component along each uᵢ.
//! Along an eigenvalue too small next to the largest to be signed (|λᵢ| ≤ ε·Λ, see
//! [`RELATIVE_EIGENVALUE_TOLERANCE`](crate::analysis::RELATIVE_EIGENVALUE_TOLERANCE)) the model has no
//! curvature to trust, and inverting it would send θ arbitrarily far: that component is a plain gradient
//! step, η·gᵢ, the only use either makes of η. The floor is relative to Λ = max|λᵢ|, so L and c·L with η/c
//! take the same steps; at H = 0 the whole step is a gradient step.

use super::Optimizer;
use crate::analysis::{curvature_signs, EigenSign, PointAnalysis};
use crate::surface::Point;

/// θ ← θ − H⁻¹g where H is invertible enough; a gradient step along ≈ 0 curvature.
///
/// At a singular Hessian it thus stays finite and still moves if the gradient has a flat component.
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
        eigen_scaled_step(here, self.learning_rate, |lambda| 1.0 / lambda)
    }
}

/// θ ← θ − |H|⁻¹g with |H| = Σ |λᵢ|·uᵢuᵢᵀ; a gradient step along ≈ 0 curvature.
///
/// Along negative curvature the step points downhill, away from the saddle.
#[derive(Clone, Debug)]
pub(super) struct SaddleFreeNewton {
    learning_rate: f64,
}

impl SaddleFreeNewton {
    pub(super) fn new(learning_rate: f64) -> Self {
        SaddleFreeNewton { learning_rate }
    }
}

impl Optimizer for SaddleFreeNewton {
    fn step(&mut self, here: &PointAnalysis, _loss: &dyn Fn(Point) -> f64) -> Point {
        eigen_scaled_step(here, self.learning_rate, |lambda| 1.0 / lambda.abs())
    }
}

/// θ − Σᵢ uᵢ·(uᵢ·g)·wᵢ, with wᵢ = inverse(λᵢ) where λᵢ has a clear sign and η where it is ≈ 0.
fn eigen_scaled_step(
    here: &PointAnalysis,
    learning_rate: f64,
    inverse: impl Fn(f64) -> f64,
) -> Point {
    let g = here.derivatives.gradient;
    let signs = curvature_signs(&here.eigen);
    let mut next = here.at;
    let eigenpairs = here.eigen.values.into_iter().zip(here.eigen.vectors);
    for ((lambda, u), sign) in eigenpairs.zip(signs) {
        let weight = if sign == EigenSign::NearZero {
            learning_rate
        } else {
            inverse(lambda)
        };
        let along = (u[0] * g[0] + u[1] * g[1]) * weight;
        next = [next[0] - along * u[0], next[1] - along * u[1]];
    }
    next
}
