//! MINRES-QLP (Choi, Paige & Saunders, "MINRES-QLP: a Krylov subspace method for indefinite or singular
//! symmetric systems", SIAM J. Sci. Comput. 33(4), 2011): for a symmetric A, possibly indefinite and
//! singular, and any b, the minimum-length solution of min ‖Ax − b‖.
//!
//! Lanczos tridiagonalizes A on the Krylov space of b (AVₖ = Vₖ₊₁Tₖ); a QR factorization of Tₖ by
//! left reflections gives MINRES's least-squares subproblem, and an LQ factorization of its triangle by
//! right reflections (the "QLP" step) makes the iterate the minimum-length one, which plain MINRES is not
//! when the system is singular and inconsistent. Only the last three of every sequence are kept.
//! Without preconditioning or shift. Newton-MR needs exactly this: with the Hessian singular (networks
//! have flat directions by symmetry), −H†g is the step.

/// How the iteration ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MinresStatus {
    /// ‖Ax − b‖ ≤ tolerance·‖b‖.
    Solved,
    /// b is not in A's range: x is the minimum-length least-squares solution (‖A(Ax − b)‖ ≈ 0).
    LeastSquares,
    /// The Krylov space is exhausted (βₖ₊₁ ≈ 0): x is the best solution in it.
    Exhausted,
    IterationLimit,
}

/// The result.
#[derive(Clone, Debug, PartialEq)]
pub struct MinresSolution {
    pub x: Vec<f64>,
    pub iterations: usize,
    /// ‖Ax − b‖, computed from x at the end.
    pub residual_norm: f64,
    pub status: MinresStatus,
}

/// Choi's SymOrtho: the reflection [c s; s −c] with c·a + s·b = r ≥ 0 and s·a − c·b = 0, computed
/// without overflow.
fn reflection(a: f64, b: f64) -> (f64, f64, f64) {
    if b == 0.0 {
        (if a == 0.0 { 1.0 } else { a.signum() }, 0.0, a.abs())
    } else if a == 0.0 {
        (0.0, b.signum(), b.abs())
    } else if b.abs() > a.abs() {
        let t = a / b;
        let s = b.signum() / (1.0 + t * t).sqrt();
        (s * t, s, b / s)
    } else {
        let t = b / a;
        let c = a.signum() / (1.0 + t * t).sqrt();
        (c, c * t, a / c)
    }
}

fn axpy(alpha: f64, x: &[f64], y: &mut [f64]) {
    for (y, &x) in y.iter_mut().zip(x) {
        *y += alpha * x;
    }
}

fn norm(v: &[f64]) -> f64 {
    v.iter().map(|x| x * x).sum::<f64>().sqrt()
}

/// Solves min ‖Ax − b‖ with minimum ‖x‖, where `apply(v, out)` sets out = A·v for the symmetric A.
/// Stops when ‖Ax − b‖ ≤ `tolerance`·‖b‖, when ‖A r‖ ≤ max(`tolerance`, √ε)·‖A‖·‖r‖ (a least-squares
/// solution: without reorthogonalization the Lanczos vectors lose orthogonality once the Krylov space is
/// nearly exhausted, so ‖Ar‖ is only known to about √ε relative), when the Krylov space is exhausted,
/// or after `max_iterations`.
pub fn minres_qlp(
    apply: impl Fn(&[f64], &mut [f64]),
    b: &[f64],
    tolerance: f64,
    max_iterations: usize,
) -> MinresSolution {
    let n = b.len();
    let mut x = vec![0.0; n];
    let beta_1 = norm(b);
    if beta_1 == 0.0 || !beta_1.is_finite() {
        return MinresSolution {
            x,
            iterations: 0,
            residual_norm: beta_1,
            status: MinresStatus::Solved,
        };
    }
    // Below this βₖ₊₁ the Lanczos vectors have lost their meaning (the paper's and Krylov.jl's ε^(3/4)).
    let breakdown = f64::EPSILON.powf(0.75);
    let mut v_previous = vec![0.0; n];
    let mut v: Vec<f64> = b.iter().map(|bi| bi / beta_1).collect();
    let mut p = vec![0.0; n];
    // w_{k−1}, w_k: the last columns of Wₖ = VₖPₖᵀ (the solution's directions).
    let mut w_previous = vec![0.0; n];
    let mut w = vec![0.0; n];
    let mut beta = beta_1;
    let mut zeta_bar = beta_1;
    let (mut c_2, mut s_2, mut c_1, mut s_1) = (1.0, 0.0, 1.0, 0.0);
    let (mut tau_2, mut tau_1, mut tau) = (0.0, 0.0, 0.0);
    let mut xi_1 = 0.0;
    let (mut psi_bar_2, mut mu_bis_2, mut mu_bar_1) = (0.0, 0.0, 0.0);
    let mut gamma_bar_1 = 0.0;
    let mut norm_a_squared = 0.0;
    let mut status = MinresStatus::IterationLimit;
    let mut iterations = 0;
    // Whether the last direction's coefficient τₖ divides by a vanishing μ̄ₖ: it then belongs to A's
    // near-null space and the minimum-length solution leaves it out.
    let mut last_direction_singular = false;
    while iterations < max_iterations {
        iterations += 1;
        let k = iterations;
        // Lanczos: βₖ₊₁vₖ₊₁ = Avₖ − αₖvₖ − βₖvₖ₋₁.
        apply(&v, &mut p);
        if k >= 2 {
            axpy(-beta, &v_previous, &mut p);
        }
        let alpha: f64 = v.iter().zip(&p).map(|(a, b)| a * b).sum();
        axpy(-alpha, &v, &mut p);
        let beta_next = norm(&p);
        if beta_next > breakdown {
            p.iter_mut().for_each(|x| *x /= beta_next);
        }
        norm_a_squared += alpha * alpha + beta * beta + beta_next * beta_next;
        // The previous two left reflections applied to column k of Tₖ.
        let mut epsilon_2 = 0.0;
        if k >= 3 {
            epsilon_2 = s_2 * beta;
            gamma_bar_1 = -c_2 * beta;
        }
        let (gamma_1, lambda_bar) = if k >= 2 {
            if k == 2 {
                gamma_bar_1 = beta;
            }
            (
                c_1 * gamma_bar_1 + s_1 * alpha,
                s_1 * gamma_bar_1 - c_1 * alpha,
            )
        } else {
            (0.0, alpha)
        };
        // The new left reflection annihilates βₖ₊₁.
        let (c, s, lambda) = reflection(lambda_bar, beta_next);
        let zeta = c * zeta_bar;
        let zeta_bar_next = s * zeta_bar;
        // Right reflections: the LQ factorization of the triangle.
        let (mut mu_2, mut psi_2, mut rho_2, mut mu_bis_1, mut psi_bar_1) =
            (0.0, 0.0, 0.0, 0.0, 0.0);
        let (mut cp, mut sp, mut cd, mut sd) = (1.0, 0.0, 1.0, 0.0);
        let mu_bar = if k == 1 {
            lambda
        } else if k == 2 {
            (cp, sp, mu_bis_1) = reflection(mu_bar_1, gamma_1);
            psi_bar_1 = sp * lambda;
            -cp * lambda
        } else {
            (cp, sp, mu_2) = reflection(mu_bis_2, epsilon_2);
            psi_2 = cp * psi_bar_2 + sp * gamma_1;
            let theta = sp * psi_bar_2 - cp * gamma_1;
            rho_2 = sp * lambda;
            let eta = -cp * lambda;
            (cd, sd, mu_bis_1) = reflection(mu_bar_1, theta);
            psi_bar_1 = sd * eta;
            -cd * eta
        };
        // Forward substitution Lₖtₖ = zₖ for the last three τ.
        let xi;
        if k == 1 {
            xi = zeta;
            tau = zeta / mu_bar;
        } else if k == 2 {
            tau_1 = tau * mu_bar_1 / mu_bis_1;
            xi = zeta;
            tau = (xi - psi_bar_1 * tau_1) / mu_bar;
        } else {
            tau_2 = tau_1 * mu_bis_2 / mu_2;
            tau_1 = (xi_1 - psi_2 * tau_2) / mu_bis_1;
            xi = zeta - rho_2 * tau_2;
            tau = (xi - psi_bar_1 * tau_1) / mu_bar;
        }
        // The directions: x gains τₖ₋₂·wₖ₋₂, which is final from here on.
        if k == 1 {
            w.copy_from_slice(&v);
        } else if k == 2 {
            // [w̄₁ v₂]·[cp sp; sp −cp] = [ẘ₁ w̄₂]
            for ((wp, wk), &vk) in w_previous.iter_mut().zip(w.iter_mut()).zip(&v) {
                let bar = *wk;
                *wk = sp * bar - cp * vk;
                *wp = cp * bar + sp * vk;
            }
        } else {
            // With ẘₖ₋₂ = w_previous and w̄ₖ₋₁ = w: wₖ₋₂ = cp·ẘₖ₋₂ + sp·vₖ is final and goes into x with
            // τₖ₋₂; then [w̄ₖ₋₁ (sp·ẘₖ₋₂ − cp·vₖ)]·[cd sd; sd −cd] = [ẘₖ₋₁ w̄ₖ].
            for i in 0..n {
                let ring = w_previous[i];
                x[i] += tau_2 * (cp * ring + sp * v[i]);
                let aux = sp * ring - cp * v[i];
                let bar = w[i];
                w_previous[i] = cd * bar + sd * aux;
                w[i] = sd * bar - cd * aux;
            }
        }
        std::mem::swap(&mut v_previous, &mut v);
        std::mem::swap(&mut v, &mut p);
        let residual_norm = zeta_bar_next.abs();
        let norm_a = norm_a_squared.sqrt();
        let a_residual =
            zeta_bar.abs() * (lambda_bar * lambda_bar + (c_1 * beta_next).powi(2)).sqrt();
        let solved = residual_norm <= tolerance * beta_1;
        let least_squares =
            a_residual <= tolerance.max(f64::EPSILON.sqrt()) * norm_a * residual_norm;
        let exhausted = beta_next <= breakdown;
        if k >= 2 {
            c_2 = c_1;
            s_2 = s_1;
            xi_1 = xi;
            mu_bis_2 = mu_bis_1;
            psi_bar_2 = psi_bar_1;
        } else {
            xi_1 = xi;
        }
        c_1 = c;
        s_1 = s;
        mu_bar_1 = mu_bar;
        zeta_bar = zeta_bar_next;
        beta = beta_next;
        last_direction_singular = mu_bar.abs() <= f64::EPSILON.sqrt() * norm_a;
        if solved || least_squares || exhausted {
            status = if solved {
                MinresStatus::Solved
            } else if least_squares {
                MinresStatus::LeastSquares
            } else {
                MinresStatus::Exhausted
            };
            break;
        }
    }
    if iterations >= 2 {
        axpy(tau_1, &w_previous, &mut x);
    }
    if !(status == MinresStatus::LeastSquares && last_direction_singular) {
        axpy(tau, &w, &mut x);
    }
    apply(&x, &mut p);
    let residual_norm = p
        .iter()
        .zip(b)
        .map(|(ax, bi)| (ax - bi).powi(2))
        .sum::<f64>()
        .sqrt();
    MinresSolution {
        x,
        iterations,
        residual_norm,
        status,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Rng;
    use nalgebra::{DMatrix, DVector};

    fn solve(a: &DMatrix<f64>, b: &[f64]) -> MinresSolution {
        let apply = |v: &[f64], out: &mut [f64]| {
            let product = a * DVector::from_column_slice(v);
            out.copy_from_slice(product.as_slice());
        };
        minres_qlp(apply, b, 1e-12, 10 * b.len())
    }

    fn close(x: &[f64], expected: &[f64], tolerance: f64) -> bool {
        x.iter()
            .zip(expected)
            .all(|(a, b)| (a - b).abs() <= tolerance)
    }

    #[test]
    fn singular_inconsistent_systems_get_the_minimum_length_least_squares_solution() {
        // A = diag(2, −1, 0), b = (2, 3, 5): the least-squares solutions are (1, −3, t); the shortest has t = 0.
        let a = DMatrix::from_diagonal(&DVector::from_vec(vec![2.0, -1.0, 0.0]));
        let result = solve(&a, &[2.0, 3.0, 5.0]);
        assert!(close(&result.x, &[1.0, -3.0, 0.0], 1e-12), "{result:?}");
        assert!((result.residual_norm - 5.0).abs() < 1e-10);
        assert_ne!(result.status, MinresStatus::Solved);
    }

    #[test]
    fn indefinite_and_singular_random_systems_match_the_pseudo_inverse() {
        let mut rng = Rng::new(8);
        for (size, rank) in [(12, 12), (20, 14), (40, 25)] {
            // A = Q·diag(λ)·Qᵀ with `rank` non-zero eigenvalues of both signs.
            let q = DMatrix::from_fn(size, size, |_, _| rng.normal()).qr().q();
            let lambdas: Vec<f64> = (0..size)
                .map(|i| {
                    if i < rank {
                        (i as f64 + 1.0) * if i % 3 == 0 { -1.0 } else { 0.5 }
                    } else {
                        0.0
                    }
                })
                .collect();
            let a =
                &q * DMatrix::from_diagonal(&DVector::from_vec(lambdas.clone())) * q.transpose();
            let b: Vec<f64> = (0..size).map(|_| rng.normal()).collect();
            // A⁺b = Q·diag(1/λ on the range)·Qᵀb.
            let projected = q.transpose() * DVector::from_vec(b.clone());
            let scaled = DVector::from_fn(size, |i, _| {
                if lambdas[i] == 0.0 {
                    0.0
                } else {
                    projected[i] / lambdas[i]
                }
            });
            let expected = &q * scaled;
            let result = solve(&a, &b);
            assert!(
                close(&result.x, expected.as_slice(), 1e-8),
                "size {size}, rank {rank}: {:?}",
                result.status
            );
        }
    }

    #[test]
    fn a_zero_right_hand_side_gives_zero() {
        let a = DMatrix::<f64>::identity(3, 3);
        let result = solve(&a, &[0.0; 3]);
        assert_eq!(result.x, vec![0.0; 3]);
        assert_eq!(result.iterations, 0);
    }
}
