use serde::Serialize;

use super::{symmetric_eigen, Eigen};
use crate::surface::{Derivatives, LossSurface, Point};

/// A point is critical when ‖∇L‖ ≤ this (absolute, Euclidean norm).
///
/// Critical points found by the search are refined far below it (~1e-12); a point
/// dropped by hand almost never meets it, and is then `regular`.
pub const GRADIENT_TOLERANCE: f64 = 1e-6;

/// An eigenvalue counts as zero when |λ| ≤ this · max(1, |λ_min|, |λ_max|).
pub const EIGENVALUE_TOLERANCE: f64 = 1e-6;

/// What the second-order test says about a point.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PointKind {
    /// The gradient is not ~0: not a critical point.
    Regular,
    LocalMinimum,
    LocalMaximum,
    Saddle,
    /// A critical point with a ~0 eigenvalue: the second-order test cannot decide.
    Degenerate,
    /// L or its derivatives are not finite here (outside the formula's domain).
    Undefined,
}

impl PointKind {
    /// The name used in the JSON and the share links.
    pub fn name(self) -> &'static str {
        match self {
            PointKind::Regular => "regular",
            PointKind::LocalMinimum => "local-minimum",
            PointKind::LocalMaximum => "local-maximum",
            PointKind::Saddle => "saddle",
            PointKind::Degenerate => "degenerate",
            PointKind::Undefined => "undefined",
        }
    }
}

/// Everything the inspector shows about one point.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PointAnalysis {
    pub at: Point,
    pub derivatives: Derivatives,
    pub eigen: Eigen,
    pub kind: PointKind,
}

impl PointAnalysis {
    /// The unit eigenvector of the most negative eigenvalue, if any eigenvalue is clearly negative:
    /// the lecture's escape direction u, with uᵀHu = λ < 0.
    pub fn escape_direction(&self) -> Option<([f64; 2], f64)> {
        let [lowest, highest] = self.eigen.values;
        let scale = lowest.abs().max(highest.abs()).max(1.0);
        (lowest < -EIGENVALUE_TOLERANCE * scale).then_some((self.eigen.vectors[0], lowest))
    }
}

/// Analyzes a point of a surface: derivatives, eigen-decomposition and kind.
pub fn analyze<S: LossSurface + ?Sized>(surface: &S, at: Point) -> PointAnalysis {
    let derivatives = surface.derivatives(at);
    let eigen = if derivatives.is_finite() {
        symmetric_eigen(derivatives.hessian)
    } else {
        Eigen {
            values: [f64::NAN; 2],
            vectors: [[f64::NAN; 2]; 2],
        }
    };
    PointAnalysis {
        at,
        derivatives,
        eigen,
        kind: classify(&derivatives, &eigen),
    }
}

/// The second-order test: the gradient decides whether the point is critical, the Hessian's eigenvalues what kind.
pub fn classify(derivatives: &Derivatives, eigen: &Eigen) -> PointKind {
    if !derivatives.is_finite() {
        return PointKind::Undefined;
    }
    if derivatives.gradient_norm() > GRADIENT_TOLERANCE {
        return PointKind::Regular;
    }
    let [lowest, highest] = eigen.values;
    let zero = EIGENVALUE_TOLERANCE * lowest.abs().max(highest.abs()).max(1.0);
    if lowest.abs() <= zero || highest.abs() <= zero {
        PointKind::Degenerate
    } else if lowest > 0.0 {
        PointKind::LocalMinimum
    } else if highest < 0.0 {
        PointKind::LocalMaximum
    } else {
        PointKind::Saddle
    }
}
