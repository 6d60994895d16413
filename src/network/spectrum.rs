//! The Hessian's spectrum: all eigenvalues without eigenvectors (what the counts and the histogram need),
//! and the eigenvectors of only the two extreme eigenvalues (what the slices and the escape step need).

use nalgebra::{Cholesky, DMatrix, DVector};

use super::symmetric_eigenvalues::symmetric_eigenvalues;
use crate::data::Rng;

/// Inverse-iteration steps; each gains a factor δ/gap, with δ ≪ gap after the first.
const INVERSE_ITERATIONS: usize = 4;
/// The shift's distance beyond the extreme eigenvalue, relative to the spectrum's scale: far enough that
/// the shifted matrix is safely definite despite the eigenvalue's own rounding error.
const RELATIVE_SHIFT: f64 = 1e-7;

/// The eigenvalues of a symmetric matrix, ascending; `None` when an entry is not finite.
pub fn eigenvalues(hessian: &DMatrix<f64>) -> Option<Vec<f64>> {
    if !hessian.iter().all(|h| h.is_finite()) {
        return None;
    }
    let mut values = symmetric_eigenvalues(hessian);
    crate::sorting::sort_numbers(&mut values);
    Some(values)
}

/// Which end of the spectrum.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum End {
    /// The smallest (most negative) eigenvalue.
    Lowest,
    /// The largest eigenvalue.
    Highest,
}

/// A unit eigenvector of the symmetric `hessian` for its extreme eigenvalue `eigenvalue` (from
/// [`eigenvalues`]), signed so its first component of at least half the largest magnitude is positive. By
/// inverse iteration on H − σI shifted just past that end, where the matrix is definite and Cholesky applies:
/// O(P³/3) once, then O(P²) a step.
/// Within a cluster of (nearly) equal eigenvalues it returns some unit vector of their span.
pub fn extreme_eigenvector(hessian: &DMatrix<f64>, eigenvalue: f64, end: End) -> Option<Vec<f64>> {
    let p = hessian.nrows();
    if p == 0 || !eigenvalue.is_finite() || !hessian.iter().all(|h| h.is_finite()) {
        return None;
    }
    let scale = hessian
        .iter()
        .fold(0.0f64, |m, h| m.max(h.abs()))
        .max(f64::MIN_POSITIVE);
    let mut shift = RELATIVE_SHIFT * scale;
    // ±(H − σI) with σ just past the end is positive definite; widen the gap until Cholesky agrees.
    let factor = loop {
        let sigma = match end {
            End::Lowest => eigenvalue - shift,
            End::Highest => eigenvalue + shift,
        };
        let mut shifted = hessian.clone();
        for k in 0..p {
            shifted[(k, k)] -= sigma;
        }
        if end == End::Highest {
            shifted.neg_mut();
        }
        if let Some(factor) = Cholesky::new(shifted) {
            break factor;
        }
        shift *= 10.0;
        if shift > scale * 10.0 {
            return None;
        }
    };
    let mut rng = Rng::new(0x5eed);
    let mut vector = DVector::from_fn(p, |_, _| rng.normal());
    for _ in 0..INVERSE_ITERATIONS {
        factor.solve_mut(&mut vector);
        let norm = vector.norm();
        if !(norm.is_finite() && norm > 0.0) {
            return None;
        }
        vector /= norm;
    }
    // The first clearly non-zero component (at least half the largest) positive: a tie between equal
    // components, broken by rounding, cannot flip the sign.
    let largest = vector.amax();
    if vector
        .iter()
        .find(|v| v.abs() >= 0.5 * largest)
        .is_some_and(|&v| v < 0.0)
    {
        vector.neg_mut();
    }
    Some(vector.iter().copied().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lecture_saddle_has_eigenvalues_minus_two_and_two_and_escape_direction_one_one() {
        // L(w₁, w₂) = (1 − w₁w₂)² at the origin: H = [[0, −2], [−2, 0]].
        let hessian = DMatrix::from_row_slice(2, 2, &[0.0, -2.0, -2.0, 0.0]);
        let values = eigenvalues(&hessian).expect("finite");
        assert!((values[0] + 2.0).abs() < 1e-14 && (values[1] - 2.0).abs() < 1e-14);
        let u = extreme_eigenvector(&hessian, values[0], End::Lowest).expect("a vector");
        let half = std::f64::consts::FRAC_1_SQRT_2;
        assert!(
            (u[0] - half).abs() < 1e-12 && (u[1] - half).abs() < 1e-12,
            "{u:?}"
        );
        let v = extreme_eigenvector(&hessian, values[1], End::Highest).expect("a vector");
        assert!(
            (v[0] - half).abs() < 1e-12 && (v[1] + half).abs() < 1e-12,
            "{v:?}"
        );
    }

    #[test]
    fn extreme_vectors_satisfy_the_eigen_equation() {
        let mut rng = Rng::new(4);
        let a = DMatrix::from_fn(30, 30, |_, _| rng.normal());
        let hessian = &a + a.transpose();
        let values = eigenvalues(&hessian).expect("finite");
        assert!(values.windows(2).all(|w| w[0] <= w[1]));
        for (end, value) in [(End::Lowest, values[0]), (End::Highest, values[29])] {
            let u = DVector::from(extreme_eigenvector(&hessian, value, end).expect("a vector"));
            assert!((u.norm() - 1.0).abs() < 1e-12);
            let residual = (&hessian * &u - &u * value).norm();
            assert!(residual < 1e-9, "{end:?}: ‖Hu − λu‖ = {residual}");
        }
    }

    #[test]
    fn non_finite_matrices_have_no_spectrum() {
        let hessian = DMatrix::from_row_slice(2, 2, &[f64::NAN, 0.0, 0.0, 1.0]);
        assert_eq!(eigenvalues(&hessian), None);
        assert_eq!(extreme_eigenvector(&hessian, 1.0, End::Lowest), None);
    }
}
