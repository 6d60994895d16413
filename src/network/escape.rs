//! The lecture's way out of a saddle: a step along u_min, the eigenvector of the most negative eigenvalue,
//! where uᵀHu = λ_min < 0, with the sign that lowers L.

use nalgebra::DMatrix;
use serde::Serialize;

use super::objective::NetworkLoss;
use super::spectrum::{extreme_eigenvector, End};

/// Step lengths tried: the longest, then halved this many times.
const HALVINGS: usize = 16;

/// The step taken.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EscapeStep {
    /// λ_min.
    pub eigenvalue: f64,
    /// ±u_min, the sign chosen, as a unit vector.
    pub direction: Vec<f64>,
    /// How far along it the step went.
    pub length: f64,
    /// L(θ) at the starting point.
    pub loss_before: f64,
    /// L after the step (below `loss_before`).
    pub loss_after: f64,
    /// θ + length·direction.
    #[serde(skip)]
    pub theta: Vec<f64>,
}

/// Tries θ ± t·u_min for t = `max_length`, `max_length`/2, … and takes the one with the lowest L.
/// `Err` when the Hessian has no negative eigenvalue (nothing to escape along) or no trial lowers L.
pub fn escape_step(
    loss: &NetworkLoss,
    theta: &[f64],
    hessian: &DMatrix<f64>,
    eigenvalues: &[f64],
    max_length: f64,
) -> Result<EscapeStep, String> {
    let lowest = eigenvalues.first().copied().unwrap_or(0.0);
    if lowest >= 0.0 || lowest.is_nan() {
        return Err("the Hessian has no negative eigenvalue here: there is no descent direction to escape along".into());
    }
    if !(max_length.is_finite() && max_length > 0.0) {
        return Err(format!(
            "the step length must be positive, not {max_length}"
        ));
    }
    let u = extreme_eigenvector(hessian, lowest, End::Lowest)
        .ok_or("the eigenvector of λ_min could not be computed")?;
    let before = loss.value(theta);
    let mut best: Option<(f64, f64, f64)> = None; // (L, sign, length)
    for halving in 0..=HALVINGS {
        let length = max_length / f64::from(1u32 << halving);
        for sign in [1.0, -1.0] {
            let candidate: Vec<f64> = theta
                .iter()
                .zip(&u)
                .map(|(t, d)| t + sign * length * d)
                .collect();
            let value = loss.value(&candidate);
            if value < before && best.is_none_or(|(lowest, _, _)| value < lowest) {
                best = Some((value, sign, length));
            }
        }
    }
    let (after, sign, length) = best.ok_or("no step along u_min lowers the loss")?;
    let direction: Vec<f64> = u.iter().map(|d| sign * d).collect();
    Ok(EscapeStep {
        eigenvalue: lowest,
        theta: theta
            .iter()
            .zip(&direction)
            .map(|(t, d)| t + length * d)
            .collect(),
        direction,
        length,
        loss_before: before,
        loss_after: after,
    })
}
