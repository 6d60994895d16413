//! Driving ∇L to 0 from wherever training stopped: Levenberg–Marquardt on the residual g(θ) = ∇L(θ),
//! whose Jacobian is the Hessian H.
//!
//! Why this method: the experiment must land on critical points of every kind, saddles included, so it
//! cannot minimize L (which flees saddles); it solves g = 0 instead. Plain Newton, θ ← θ − H⁻¹g, does
//! that but blows up along ~0 eigenvalues, which over-parameterized networks have in bulk. The
//! Levenberg–Marquardt step δ = −(H² + μI)⁻¹·H·g is Newton where |λ| ≫ √μ and a short gradient step
//! on ½‖g‖² elsewhere; μ shrinks after each step that lowers ‖g‖ and grows after each that does not, so
//! the iteration converges quadratically at a non-degenerate critical point and never lets ‖g‖ rise.
//! In the eigenbasis H = QΛQᵀ the step is δ = −Q·diag(λ/(λ² + μ))·Qᵀg, so retrying with another μ costs
//! one gradient pass, not another factorization; the same eigenvalues then serve the minimum ratio.

use nalgebra::{DVector, SymmetricEigen};

use super::network::Network;

/// Smallest μ relative to max λ²: below it the step is Newton's to rounding.
const MIN_RELATIVE_DAMPING: f64 = 1e-14;
/// First μ relative to max λ²: cautious until a step has been accepted.
pub(super) const INITIAL_RELATIVE_DAMPING: f64 = 1e-3;
/// μ grows by this after a rejected trial and shrinks by it (its square root) after an accepted one.
const DAMPING_GROWTH: f64 = 8.0;
const DAMPING_SHRINK: f64 = 4.0;
/// Rejected trials before giving up at this point: μ has then grown 8¹² ≈ 7·10¹⁰-fold.
const MAX_TRIALS: usize = 12;

/// The outcome of one damped step.
pub(super) struct SolverStep {
    /// The new θ, with ‖∇L‖ strictly below the old; `None` when no trial lowered it.
    pub(super) theta: Option<Vec<f64>>,
    /// Gradient passes spent on trials.
    pub(super) trials: usize,
}

/// One Levenberg–Marquardt step from θ with gradient `gradient` and Hessian eigen-decomposition `eigen`;
/// `damping` (μ) is updated for the next step.
pub(super) fn damped_newton_step(
    network: &Network,
    theta: &[f64],
    gradient: &[f64],
    eigen: &SymmetricEigen<f64, nalgebra::Dyn>,
    damping: &mut f64,
) -> SolverStep {
    let norm = |v: &[f64]| v.iter().map(|g| g * g).sum::<f64>().sqrt();
    let current = norm(gradient);
    let largest_square = eigen.eigenvalues.iter().map(|l| l * l).fold(0.0, f64::max);
    let floor = MIN_RELATIVE_DAMPING * largest_square;
    let in_eigenbasis = eigen.eigenvectors.tr_mul(&DVector::from(gradient.to_vec()));
    for trial in 1..=MAX_TRIALS {
        let mu = damping.max(floor);
        let scaled = DVector::from_iterator(
            in_eigenbasis.len(),
            eigen
                .eigenvalues
                .iter()
                .zip(in_eigenbasis.iter())
                .map(|(&l, &g)| if l == 0.0 { 0.0 } else { -l * g / (l * l + mu) }),
        );
        let step = &eigen.eigenvectors * scaled;
        let candidate: Vec<f64> = theta.iter().zip(step.iter()).map(|(t, d)| t + d).collect();
        let (_, candidate_gradient) = network.gradient(&candidate);
        if norm(&candidate_gradient) < current {
            *damping = (mu / DAMPING_SHRINK).max(floor);
            return SolverStep {
                theta: Some(candidate),
                trials: trial,
            };
        }
        *damping = mu * DAMPING_GROWTH;
    }
    SolverStep {
        theta: None,
        trials: MAX_TRIALS,
    }
}
