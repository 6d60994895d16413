use nalgebra::{Matrix2, SymmetricEigen};

/// Eigenvalues of a symmetric 2×2 matrix in ascending order, each with its unit eigenvector.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Eigen {
    /// λ₁ ≤ λ₂.
    pub values: [f64; 2],
    /// `vectors[i]` is the unit eigenvector of `values[i]`, signed so its first non-zero component is positive.
    pub vectors: [[f64; 2]; 2],
}

/// Eigen-decomposition of a symmetric 2×2 matrix with nalgebra.
///
/// Signs are fixed (first non-zero component positive) so the same matrix always
/// gives the same arrows on screen and the same numbers in the JSON.
pub fn symmetric_eigen(matrix: [[f64; 2]; 2]) -> Eigen {
    let decomposition = SymmetricEigen::new(Matrix2::new(
        matrix[0][0],
        matrix[0][1],
        matrix[1][0],
        matrix[1][1],
    ));
    let mut pairs: [(f64, [f64; 2]); 2] = [0, 1].map(|i| {
        let column = decomposition.eigenvectors.column(i);
        (
            decomposition.eigenvalues[i],
            canonical_sign([column[0], column[1]]),
        )
    });
    if pairs[1].0.total_cmp(&pairs[0].0).is_lt() {
        pairs.swap(0, 1);
    }
    Eigen {
        values: [pairs[0].0, pairs[1].0],
        vectors: [pairs[0].1, pairs[1].1],
    }
}

fn canonical_sign(v: [f64; 2]) -> [f64; 2] {
    let leading = if v[0].abs() > 1e-12 { v[0] } else { v[1] };
    if leading < 0.0 {
        [-v[0], -v[1]]
    } else {
        v
    }
}
