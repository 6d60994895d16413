//! What the second-order test can honestly say at a point of the network's loss.
//!
//! Two rules, both free of L's units (every threshold scales with L):
//! - **Critical to floating-point precision** (`converged`): ‖∇L‖ ≤ [`GRADIENT_NOISE_FACTOR`]·ε·(S + ‖H‖·‖θ‖),
//!   where S = (1/N) Σᵢ ‖∇ℓᵢ‖ + weight_decay·‖θ‖ is the size of the terms ∇L sums (their rounding leaves
//!   the computed ∇L uncertain by a few ε·S) and ‖H‖·‖θ‖·ε is how much ∇L changes when θ moves by one
//!   rounding of its own entries. Below this bound ∇L is zero as far as f64 can tell.
//! - **Undetermined eigenvalues**: |λ| ≤ [`GRADIENT_BAND_FACTOR`]·‖∇L‖ + [`NUMERICAL_BAND`]·max|λ|. Away from
//!   a critical point, along a direction whose curvature is that small the slope dominates the quadratic
//!   term over steps of the parameters' own size (|t·gᵤ| ≥ ½|λ|t² for |t| ≤ 1 when |λ| ≤ 2|gᵤ|; the factor
//!   allows for the gradient's share along u), so its sign says nothing about the critical point that training is
//!   near; at a critical point the band shrinks to the eigen-solver's rounding (about P·ε·max|λ|, with
//!   a wide margin) and only eigenvalues that are zero to working precision stay undetermined.
//!
//! The minimum ratio is the lecture's: positive eigenvalues ÷ all P, with the undetermined ones as its
//! uncertainty ([positive, positive + undetermined] ÷ P). The kind is decided only at a converged point:
//! all positive → local minimum, all negative → local maximum, a clearly positive and a clearly negative
//! one → saddle (its index is the number of negative ones), anything else → degenerate. A point that is
//! not converged is `regular` (not a critical point), however small its gradient.

use nalgebra::DMatrix;
use serde::Serialize;

use super::objective::NetworkLoss;
use super::spectrum::eigenvalues;
use crate::analysis::PointKind;

/// ‖∇L‖ counts as zero below this many ε of its terms' size (see the module's first rule).
pub const GRADIENT_NOISE_FACTOR: f64 = 1000.0;
/// |λ| ≤ this·‖∇L‖ (plus the numerical band) is undetermined.
pub const GRADIENT_BAND_FACTOR: f64 = 10.0;
/// |λ| ≤ this·max|λ| is undetermined even at a critical point: zero to working precision.
pub const NUMERICAL_BAND: f64 = 1e-9;

/// The second-order test at one point.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Inspection {
    /// L(θ), training set, weight decay included.
    pub loss: f64,
    /// The mean loss on the test set (no weight decay), if there is one.
    pub test_loss: Option<f64>,
    /// ‖∇L(θ)‖, the Euclidean norm.
    pub gradient_norm: f64,
    /// All P eigenvalues of the Hessian, ascending (empty when the Hessian is not finite).
    pub eigenvalues: Vec<f64>,
    /// Whether ∇L = 0 to floating-point precision (the module's first rule).
    pub converged: bool,
    /// The verdict: `Undefined` when L, ∇L or H is not finite, else `Regular` unless converged.
    pub kind: PointKind,
    /// Eigenvalues below −`undetermined_band`.
    pub negative: usize,
    /// Eigenvalues above `undetermined_band`.
    pub positive: usize,
    /// Eigenvalues with |λ| ≤ `undetermined_band`: their sign is not known.
    pub undetermined: usize,
    /// positive ÷ P.
    pub minimum_ratio: f64,
    /// [positive, positive + undetermined] ÷ P.
    pub minimum_ratio_range: [f64; 2],
    /// ‖∇L‖ at or below this counts as zero.
    pub gradient_tolerance: f64,
    /// |λ| at or below this is undetermined.
    pub undetermined_band: f64,
}

impl Inspection {
    /// The index of a saddle: how many eigenvalues are clearly negative.
    pub fn index(&self) -> usize {
        self.negative
    }

    /// Whether the loss exceeds the test's reach: L or ∇L or H is not finite (training diverged).
    pub fn is_undefined(&self) -> bool {
        self.kind == PointKind::Undefined
    }
}

/// Inspects θ: the Hessian, its spectrum and the verdicts.
pub fn inspect(loss: &NetworkLoss, theta: &[f64]) -> Inspection {
    inspect_with_hessian(loss, theta, &loss.hessian(theta))
}

/// [`inspect`] with the Hessian at θ already known.
pub fn inspect_with_hessian(
    loss: &NetworkLoss,
    theta: &[f64],
    hessian: &DMatrix<f64>,
) -> Inspection {
    let (value, gradient) = loss.gradient(theta);
    let gradient_norm = norm(&gradient);
    let spectrum = eigenvalues(hessian).filter(|_| value.is_finite() && gradient_norm.is_finite());
    let Some(eigenvalues) = spectrum else {
        return Inspection {
            loss: value,
            test_loss: loss.test_value(theta),
            gradient_norm,
            eigenvalues: Vec::new(),
            converged: false,
            kind: PointKind::Undefined,
            negative: 0,
            positive: 0,
            undetermined: 0,
            minimum_ratio: 0.0,
            minimum_ratio_range: [0.0, 0.0],
            gradient_tolerance: 0.0,
            undetermined_band: 0.0,
        };
    };
    let largest = eigenvalues.iter().fold(0.0f64, |m, l| m.max(l.abs()));
    let gradient_tolerance = GRADIENT_NOISE_FACTOR
        * f64::EPSILON
        * (loss.gradient_term_scale(theta) + largest * norm(theta));
    let converged = gradient_norm <= gradient_tolerance;
    let band = GRADIENT_BAND_FACTOR * gradient_norm + NUMERICAL_BAND * largest;
    let positive = eigenvalues.iter().filter(|&&l| l > band).count();
    let negative = eigenvalues.iter().filter(|&&l| l < -band).count();
    let p = eigenvalues.len();
    let undetermined = p - positive - negative;
    let kind = if !converged {
        PointKind::Regular
    } else if positive == p {
        PointKind::LocalMinimum
    } else if negative == p {
        PointKind::LocalMaximum
    } else if positive > 0 && negative > 0 {
        PointKind::Saddle
    } else {
        PointKind::Degenerate
    };
    let share = |count: usize| count as f64 / p.max(1) as f64;
    Inspection {
        loss: value,
        test_loss: loss.test_value(theta),
        gradient_norm,
        eigenvalues,
        converged,
        kind,
        negative,
        positive,
        undetermined,
        minimum_ratio: share(positive),
        minimum_ratio_range: [share(positive), share(positive + undetermined)],
        gradient_tolerance,
        undetermined_band: band,
    }
}

pub(super) fn norm(vector: &[f64]) -> f64 {
    vector.iter().map(|v| v * v).sum::<f64>().sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::objective::tests::sample;
    use crate::network::Task;

    #[test]
    fn a_random_start_is_regular_and_its_small_eigenvalues_are_undetermined() {
        let (loss, theta) = sample(Task::Sine, &[6], 0.0, 1);
        let report = inspect(&loss, &theta);
        assert!(!report.converged);
        assert_eq!(report.kind, PointKind::Regular);
        assert_eq!(report.eigenvalues.len(), 19);
        assert_eq!(report.positive + report.negative + report.undetermined, 19);
        assert!(
            (report.undetermined_band - 10.0 * report.gradient_norm).abs()
                < 1e-6 * report.undetermined_band
        );
        for &l in &report.eigenvalues {
            let counted_positive = l > report.undetermined_band;
            let counted_negative = l < -report.undetermined_band;
            assert!(counted_positive || counted_negative || l.abs() <= report.undetermined_band);
        }
        assert_eq!(report.minimum_ratio, report.positive as f64 / 19.0);
        assert_eq!(
            report.minimum_ratio_range[1],
            (report.positive + report.undetermined) as f64 / 19.0
        );
    }

    #[test]
    fn the_origin_of_an_mse_network_with_the_mean_as_output_bias_is_a_critical_point() {
        // Every weight 0 and the output bias = mean(y): tanh(0) = 0 makes every hidden unit silent and
        // every weight's derivative a product with a zero, and the bias's derivative is 2·mean(c − y) = 0.
        let (loss, theta) = sample(Task::Sine, &[3], 0.0, 1);
        let mut origin = vec![0.0; theta.len()];
        let targets = loss.data().train.targets();
        *origin.last_mut().expect("P > 0") = targets.iter().sum::<f64>() / targets.len() as f64;
        let report = inspect(&loss, &origin);
        assert!(
            report.converged,
            "‖∇L‖ = {} vs {}",
            report.gradient_norm, report.gradient_tolerance
        );
        assert!(report.gradient_norm < 1e-15);
        assert_ne!(report.kind, PointKind::Regular);
        assert_ne!(report.kind, PointKind::LocalMinimum);
    }

    #[test]
    fn a_diverged_point_is_undefined() {
        let (loss, theta) = sample(Task::Xor, &[3], 0.0, 1);
        let mut broken = theta.clone();
        broken[0] = f64::NAN;
        let report = inspect(&loss, &broken);
        assert!(report.is_undefined());
        assert!(report.eigenvalues.is_empty() && !report.converged);
    }
}
