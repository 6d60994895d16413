//! Eigenvalues of a symmetric matrix without eigenvectors: Householder reduction to tridiagonal form,
//! then the implicit QL iteration with Wilkinson shifts (Golub & Van Loan, Matrix Computations, 4th ed.,
//! §8.3; the QL form is EISPACK's tql1).
//!
//! nalgebra's `symmetric_eigenvalues` does the same reduction with a matrix–vector product and three
//! rank-1 updates per column, four passes over the trailing matrix. Here each column costs one pass over
//! its lower triangle (the rank-2 update of one step fused with the next step's product), every loop
//! running down contiguous columns so it vectorizes. The reduction is the O(P³) part of the spectrum.

use nalgebra::DMatrix;

use super::linear::dot;

/// The eigenvalues of the symmetric `matrix` (only its lower triangle is read), in no particular order.
/// The entries must be finite.
pub(super) fn symmetric_eigenvalues(matrix: &DMatrix<f64>) -> Vec<f64> {
    let n = matrix.nrows();
    if n == 0 {
        return Vec::new();
    }
    // Scaled to entries of at most 1 so no square below over- or underflows in a way that matters.
    let scale = matrix.iter().fold(0.0f64, |m, x| m.max(x.abs()));
    if scale == 0.0 {
        return vec![0.0; n];
    }
    let mut a: Vec<f64> = matrix.iter().map(|x| x / scale).collect();
    let (mut diagonal, mut off_diagonal) = tridiagonalize(&mut a, n);
    tridiagonal_eigenvalues(&mut diagonal, &mut off_diagonal);
    diagonal.iter().map(|d| d * scale).collect()
}

/// Reduces the column-major n×n symmetric `a` (lower triangle) to tridiagonal form by Householder
/// reflections from the left and right; returns the diagonal and the off-diagonal (n − 1 long).
///
/// Step k reflects column k below the diagonal onto ‖x‖·e₁ with P = I − β·v·vᵀ and updates the trailing
/// block A₂₂ ← P·A₂₂·P = A₂₂ − v·wᵀ − w·vᵀ, w = β·A₂₂v − (β²/2)(vᵀA₂₂v)·v. The product A₂₂v of step k + 1
/// is accumulated in the same pass as step k's update, column by column, once that column is updated:
/// one pass over the trailing triangle per step instead of two.
fn tridiagonalize(a: &mut [f64], n: usize) -> (Vec<f64>, Vec<f64>) {
    let mut off_diagonal = vec![0.0; n.saturating_sub(1)];
    let mut v = vec![0.0; n];
    let mut product = vec![0.0; n];
    let mut next_v = vec![0.0; n];
    let mut next_product = vec![0.0; n];
    let mut beta = if n > 2 {
        reflect(&a[1..n], &mut v, &mut off_diagonal[0])
    } else {
        None
    };
    if beta.is_some() {
        symmetric_product(a, n, 1, &v[..n - 1], &mut product);
    }
    for k in 0..n.saturating_sub(2) {
        let m = n - k - 1;
        let start = (k + 1) * n + k + 1;
        let has_next = k + 3 < n;
        let Some(b) = beta else {
            // No reflection at step k: the trailing block is as it was.
            beta = if has_next {
                let next = reflect(
                    &a[start + 1..start + m],
                    &mut next_v,
                    &mut off_diagonal[k + 1],
                );
                if next.is_some() {
                    symmetric_product(a, n, k + 2, &next_v[..m - 1], &mut next_product);
                }
                next
            } else {
                None
            };
            std::mem::swap(&mut v, &mut next_v);
            std::mem::swap(&mut product, &mut next_product);
            continue;
        };
        let (v_k, w) = (&v[..m], &mut product[..m]);
        let half = 0.5 * b * b * dot(w, v_k);
        for (wi, &vi) in w.iter_mut().zip(v_k) {
            *wi = b * *wi - half * vi;
        }
        let w = &product[..m];
        // Column 0 of the block first: step k + 1's reflection is read from it.
        for ((c, &vi), &wi) in a[start..start + m].iter_mut().zip(v_k).zip(w) {
            *c -= vi * w[0] + wi * v_k[0];
        }
        beta = if has_next {
            reflect(
                &a[start + 1..start + m],
                &mut next_v,
                &mut off_diagonal[k + 1],
            )
        } else {
            None
        };
        let upcoming_v = &next_v[..m - 1];
        let upcoming_product = &mut next_product[..m - 1];
        upcoming_product.fill(0.0);
        for j in 1..m {
            let column = &mut a[start + j * n + j..start + j * n + m];
            let (vj, wj) = (v_k[j], w[j]);
            for ((c, &vi), &wi) in column.iter_mut().zip(&v_k[j..]).zip(&w[j..]) {
                *c -= vi * wj + wi * vj;
            }
            if beta.is_some() {
                // This column is column j − 1 of step k + 1's block.
                let jj = j - 1;
                let vj = upcoming_v[jj];
                for (pi, &c) in upcoming_product[jj + 1..].iter_mut().zip(&column[1..]) {
                    *pi += c * vj;
                }
                upcoming_product[jj] += column[0] * vj + dot(&column[1..], &upcoming_v[jj + 1..]);
            }
        }
        std::mem::swap(&mut v, &mut next_v);
        std::mem::swap(&mut product, &mut next_product);
    }
    if n >= 2 {
        off_diagonal[n - 2] = a[(n - 2) * n + n - 1];
    }
    let diagonal = (0..n).map(|i| a[i * n + i]).collect();
    (diagonal, off_diagonal)
}

/// The Householder reflection P = I − β·v·vᵀ (v₀ = 1) with P·x = ‖x‖·e₁: writes v (as long as x) and
/// the new off-diagonal entry ‖x‖, and returns β; `None` when x is already a multiple of e₁ (the entry is
/// then x₀ and no reflection is needed).
fn reflect(x: &[f64], v: &mut [f64], off_diagonal: &mut f64) -> Option<f64> {
    let tail: f64 = x[1..].iter().map(|t| t * t).sum();
    if tail == 0.0 {
        *off_diagonal = x[0];
        return None;
    }
    let head = x[0];
    let norm = (head * head + tail).sqrt();
    // v₀ = x₀ − ‖x‖ without cancellation (Golub & Van Loan, Algorithm 5.1.1).
    let v0 = if head <= 0.0 {
        head - norm
    } else {
        -tail / (head + norm)
    };
    v[0] = 1.0;
    for (vi, &xi) in v[1..x.len()].iter_mut().zip(&x[1..]) {
        *vi = xi / v0;
    }
    *off_diagonal = norm;
    Some(2.0 * v0 * v0 / (tail + v0 * v0))
}

/// `product` = A₂₂·v for the trailing block of `a` (n×n, column-major) from row and column `first` on,
/// read from its lower triangle: column j adds its dot with v to entry j and its entries times v_j below.
fn symmetric_product(a: &[f64], n: usize, first: usize, v: &[f64], product: &mut [f64]) {
    let m = v.len();
    let product = &mut product[..m];
    product.fill(0.0);
    let start = first * n + first;
    for j in 0..m {
        let column = &a[start + j * n + j..start + j * n + m];
        let vj = v[j];
        for (pi, &c) in product[j + 1..].iter_mut().zip(&column[1..]) {
            *pi += c * vj;
        }
        product[j] += column[0] * vj + dot(&column[1..], &v[j + 1..]);
    }
}

/// √(x² + y²) without overflow, cheaper than the library's `hypot` (which also guards the last ulp).
fn hypot(x: f64, y: f64) -> f64 {
    let (x, y) = (x.abs(), y.abs());
    let (large, small) = if x >= y { (x, y) } else { (y, x) };
    if large == 0.0 {
        return 0.0;
    }
    let ratio = small / large;
    large * (1.0 + ratio * ratio).sqrt()
}

/// Most QL sweeps for one eigenvalue before the iteration is declared stuck (it converges cubically;
/// EISPACK allows 30).
const MAX_SWEEPS: usize = 60;

/// The eigenvalues of the symmetric tridiagonal matrix (`diagonal`, `off_diagonal`), left in `diagonal`.
fn tridiagonal_eigenvalues(diagonal: &mut [f64], off_diagonal: &mut [f64]) {
    let n = diagonal.len();
    // e[i] couples i and i + 1; e[n − 1] = 0 closes the chain.
    let mut e: Vec<f64> = off_diagonal
        .iter()
        .copied()
        .chain(std::iter::once(0.0))
        .collect();
    let d = diagonal;
    for l in 0..n {
        for _ in 0..MAX_SWEEPS {
            // The first negligible coupling at or after l splits off the block l..=m.
            let m = (l..n - 1)
                .find(|&m| e[m].abs() <= f64::EPSILON * (d[m].abs() + d[m + 1].abs()))
                .unwrap_or(n - 1);
            if m == l {
                break;
            }
            // Wilkinson's shift from the leading 2×2, then one implicit QL sweep from m up to l.
            let mut g = (d[l + 1] - d[l]) / (2.0 * e[l]);
            let mut r = hypot(g, 1.0);
            g = d[m] - d[l] + e[l] / (g + r.copysign(g));
            let (mut s, mut c, mut p) = (1.0, 1.0, 0.0);
            let mut deflated = false;
            for i in (l..m).rev() {
                let f = s * e[i];
                let b = c * e[i];
                r = hypot(f, g);
                e[i + 1] = r;
                if r == 0.0 {
                    d[i + 1] -= p;
                    e[m] = 0.0;
                    deflated = true;
                    break;
                }
                s = f / r;
                c = g / r;
                g = d[i + 1] - p;
                r = (d[i] - g) * s + 2.0 * c * b;
                p = s * r;
                d[i + 1] = g + p;
                g = c * r - b;
            }
            if !deflated {
                d[l] -= p;
                e[l] = g;
                e[m] = 0.0;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Rng;

    fn sorted(mut values: Vec<f64>) -> Vec<f64> {
        values.sort_by(f64::total_cmp);
        values
    }

    #[test]
    fn agrees_with_nalgebra_on_random_symmetric_matrices() {
        let mut rng = Rng::new(12);
        for n in [1, 2, 3, 7, 40, 120] {
            let a = DMatrix::from_fn(n, n, |_, _| rng.normal());
            let matrix = (&a + a.transpose()) * 1e-3;
            let ours = sorted(symmetric_eigenvalues(&matrix));
            let reference = sorted(matrix.symmetric_eigenvalues().iter().copied().collect());
            let scale = reference.iter().fold(0.0f64, |m, l| m.max(l.abs()));
            for (a, b) in ours.iter().zip(&reference) {
                assert!((a - b).abs() <= 1e-13 * scale, "n = {n}: {a} vs {b}");
            }
        }
    }

    #[test]
    fn diagonal_zero_and_clustered_matrices() {
        let diagonal =
            DMatrix::from_diagonal(&nalgebra::DVector::from_vec(vec![3.0, -1.0, 0.0, 3.0]));
        assert_eq!(
            sorted(symmetric_eigenvalues(&diagonal)),
            [-1.0, 0.0, 3.0, 3.0]
        );
        assert_eq!(symmetric_eigenvalues(&DMatrix::zeros(3, 3)), vec![0.0; 3]);
        // The lecture's saddle: [[0, −2], [−2, 0]] has ±2.
        let lecture = DMatrix::from_row_slice(2, 2, &[0.0, -2.0, -2.0, 0.0]);
        let values = sorted(symmetric_eigenvalues(&lecture));
        assert!(
            (values[0] + 2.0).abs() < 1e-15 && (values[1] - 2.0).abs() < 1e-15,
            "{values:?}"
        );
        // A rank-one matrix 𝟙𝟙ᵀ (n = 5): eigenvalues 5 and four zeros.
        let ones = DMatrix::from_element(5, 5, 1.0);
        let values = sorted(symmetric_eigenvalues(&ones));
        assert!(
            (values[4] - 5.0).abs() < 1e-14 && values[..4].iter().all(|v| v.abs() < 1e-14),
            "{values:?}"
        );
    }
}
