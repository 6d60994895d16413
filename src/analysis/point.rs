//! The second-order test at one point, with tolerances that do not depend on the units of L.
//!
//! Multiplying L by c > 0 multiplies the gradient g, the Hessian H (so every eigenvalue λᵢ) and the third
//! derivatives by c. Every rule here compares a gradient with a curvature, a curvature with the largest
//! curvature Λ = max|λᵢ|, or a curvature with its rate of change, so the factor cancels: L and c·L get the
//! same kind at every point. The one absolute tolerance, [`LENGTH_TOLERANCE`], is a length in θ's own
//! units, which c does not change.

use serde::Serialize;

use super::{symmetric_eigen, Eigen};
use crate::surface::{Derivatives, LossSurface, Point};

/// δ, a length in θ's units: a point is critical when the critical point of its quadratic model lies at
/// most this far away ([`model_distance`]); a run is at rest there when its next step is no longer.
pub const LENGTH_TOLERANCE: f64 = 1e-6;

/// ε: an eigenvalue is ≈ 0 when |λ| ≤ ε·Λ, Λ = max|λᵢ| (so both are where H = 0).
pub const RELATIVE_EIGENVALUE_TOLERANCE: f64 = 1e-6;

/// κ: at a critical point an eigenvalue's sign counts only if it would survive a change of κ·δ·‖∇λ‖, what
/// it changes by over κ times the tolerance of "critical".
///
/// A point judged critical may lie a few δ from the true critical point: gradient descent comes to rest
/// on x² + y³ at y ≈ 2δ, where λ_y = 6y is positive although it is 0 at the origin, and beside the
/// lecture's valley w₁w₂ = 1, where the eigenvalue along the valley is not quite 0. Along yᵖ the true
/// critical point is (p − 1)/(p − 2) times farther than the model's, at most 2 (p = 3); κ = 4 leaves a
/// factor 2 to spare, and still trusts a sign unless |λ| changes by more than 100 % over 4δ.
pub const SIGN_MARGIN: f64 = 4.0;

/// What the second-order test reads from one eigenvalue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum EigenSign {
    /// Clearly above 0: L curves up along its eigenvector.
    Positive,
    /// Clearly below 0: L curves down along its eigenvector, a way out of a critical point.
    Negative,
    /// Too small to be given a sign: |λ| ≤ ε·Λ, or, at a critical point, within κ·δ·‖∇λ‖ of 0.
    NearZero,
}

/// What the second-order test says about a point.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PointKind {
    /// Not a critical point: the quadratic model's critical point is farther than δ.
    Regular,
    /// Critical, every eigenvalue clearly positive: a strict local minimum.
    LocalMinimum,
    /// Critical, every eigenvalue clearly negative: a strict local maximum.
    LocalMaximum,
    /// Critical, one eigenvalue clearly positive and one clearly negative.
    Saddle,
    /// Critical with an eigenvalue ≈ 0: the second-order test cannot decide, unless another eigenvalue is
    /// clearly negative, which already proves it is not a minimum ([`PointAnalysis::not_a_minimum`]).
    Degenerate,
    /// L or its derivatives are not finite here (outside the formula's domain).
    Undefined,
}

impl PointKind {
    /// Every kind, in a fixed order (a kind's position is how the page's worker sends it).
    pub const ALL: [PointKind; 6] = [
        PointKind::Regular,
        PointKind::LocalMinimum,
        PointKind::LocalMaximum,
        PointKind::Saddle,
        PointKind::Degenerate,
        PointKind::Undefined,
    ];

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

    /// Whether the point is critical (any kind but regular and undefined).
    pub fn is_critical(self) -> bool {
        !matches!(self, PointKind::Regular | PointKind::Undefined)
    }
}

/// Everything the inspector shows about one point.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PointAnalysis {
    /// θ, the point analysed.
    pub at: Point,
    /// L, ∇L and H at θ.
    pub derivatives: Derivatives,
    /// H's eigenvalues λ₁ ≤ λ₂ and unit eigenvectors (NaN where L is undefined).
    pub eigen: Eigen,
    /// The signs of λ₁ ≤ λ₂ as the test reads them (with the margin κ only at a critical point).
    pub signs: [EigenSign; 2],
    /// The verdict the signs and the distance to the model's critical point give.
    pub kind: PointKind,
}

impl PointAnalysis {
    /// The unit eigenvector of the lowest eigenvalue λ₁ when λ₁ is clearly negative: the lecture's escape
    /// direction u, with uᵀHu = λ₁ < 0. At a regular point, a property of H there.
    pub fn escape_direction(&self) -> Option<([f64; 2], f64)> {
        (self.signs[0] == EigenSign::Negative)
            .then_some((self.eigen.vectors[0], self.eigen.values[0]))
    }

    /// At a critical point, whether the second-order test proves it is not a local minimum: some
    /// eigenvalue is clearly negative (a saddle, a maximum, or a degenerate point such as −y² + x⁴).
    /// `None` where the question does not arise (a regular or undefined point).
    pub fn not_a_minimum(&self) -> Option<bool> {
        self.kind
            .is_critical()
            .then(|| self.escape_direction().is_some())
    }
}

/// Analyzes a point of a surface: derivatives, eigen-decomposition, eigenvalue signs and kind.
///
/// The point is critical when [`model_distance`] ≤ δ. Each eigenvalue is ≈ 0 when |λᵢ| ≤ ε·Λ, and at a
/// critical point also when |λᵢ| ≤ κ·δ·‖∇λᵢ‖ ([`SIGN_MARGIN`]), with ∇λᵢ = ∇(uᵢᵀHuᵢ) the exact third
/// derivatives along its eigenvector. The kind follows from the signs: all positive, a local minimum; all
/// negative, a local maximum; one of each, a saddle; any ≈ 0, degenerate.
pub fn analyze<S: LossSurface + ?Sized>(surface: &S, at: Point) -> PointAnalysis {
    let derivatives = surface.derivatives(at);
    if !derivatives.is_finite() {
        return PointAnalysis {
            at,
            derivatives,
            eigen: Eigen {
                values: [f64::NAN; 2],
                vectors: [[f64::NAN; 2]; 2],
            },
            signs: [EigenSign::NearZero; 2],
            kind: PointKind::Undefined,
        };
    }
    let eigen = symmetric_eigen(derivatives.hessian);
    let mut signs = curvature_signs(&eigen);
    let critical = model_distance(&derivatives, &eigen) <= LENGTH_TOLERANCE;
    if critical {
        for (i, sign) in signs.iter_mut().enumerate() {
            let [along_x, along_y] = surface.curvature_gradient(at, eigen.vectors[i]);
            let change = SIGN_MARGIN * LENGTH_TOLERANCE * along_x.hypot(along_y);
            // A NaN change (a third derivative overflowing) leaves the sign unknown too.
            if change.is_nan() || eigen.values[i].abs() <= change {
                *sign = EigenSign::NearZero;
            }
        }
    }
    use EigenSign::{Negative, Positive};
    let kind = match signs {
        _ if !critical => PointKind::Regular,
        [Positive, Positive] => PointKind::LocalMinimum,
        [Negative, Negative] => PointKind::LocalMaximum,
        [Positive, Negative] | [Negative, Positive] => PointKind::Saddle,
        _ => PointKind::Degenerate,
    };
    PointAnalysis {
        at,
        derivatives,
        eigen,
        signs,
        kind,
    }
}

/// The signs of λ₁ ≤ λ₂ as the Hessian alone reads them: each is ≈ 0 when |λᵢ| ≤ ε·Λ.
pub fn curvature_signs(eigen: &Eigen) -> [EigenSign; 2] {
    let zero = RELATIVE_EIGENVALUE_TOLERANCE * largest_curvature(eigen);
    eigen.values.map(|lambda| {
        if lambda > zero {
            EigenSign::Positive
        } else if lambda < -zero {
            EigenSign::Negative
        } else {
            EigenSign::NearZero
        }
    })
}

/// How far the critical point of the quadratic model is: ‖Σᵢ uᵢ·gᵢ / max(|λᵢ|, ε·Λ)‖, with gᵢ = uᵢ·∇L.
///
/// This is the length of a saddle-free Newton step whose curvatures are |λᵢ| raised to at least ε·Λ, so a
/// direction with ≈ 0 curvature needs an all but vanishing gradient component. Where H = 0 there is no
/// curvature to compare with: the distance is 0 if ∇L = 0, else infinite.
pub fn model_distance(derivatives: &Derivatives, eigen: &Eigen) -> f64 {
    let floor = RELATIVE_EIGENVALUE_TOLERANCE * largest_curvature(eigen);
    let g = derivatives.gradient;
    let [first, second] = [0, 1].map(|i| {
        let u = eigen.vectors[i];
        let along = u[0] * g[0] + u[1] * g[1];
        if along == 0.0 {
            0.0
        } else {
            along / eigen.values[i].abs().max(floor)
        }
    });
    first.hypot(second)
}

/// Λ = max|λᵢ|, the scale every curvature is compared with.
fn largest_curvature(eigen: &Eigen) -> f64 {
    eigen.values[0].abs().max(eigen.values[1].abs())
}
