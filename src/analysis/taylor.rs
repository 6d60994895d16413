//! The lecture's second-order model of L around a point θ′.

use crate::surface::{Derivatives, Point};

/// L(θ′) + gᵀδ + ½ δᵀHδ with δ = θ − θ′: what the gradient and Hessian at `at` predict for L at `p`.
///
/// Exact for quadratic surfaces; elsewhere its error grows like ‖δ‖³. NaN when `d` is not finite.
pub fn taylor_value(d: &Derivatives, at: Point, p: Point) -> f64 {
    let delta = [p[0] - at[0], p[1] - at[1]];
    let [[h_xx, h_xy], [_, h_yy]] = d.hessian;
    let linear = d.gradient[0] * delta[0] + d.gradient[1] * delta[1];
    let quadratic =
        h_xx * delta[0] * delta[0] + 2.0 * h_xy * delta[0] * delta[1] + h_yy * delta[1] * delta[1];
    d.value + linear + 0.5 * quadratic
}
