//! Pictures of a P-dimensional loss: L on a plane through θ, L(θ + a·d₁ + b·d₂) on a grid, and along a line.
//!
//! Two planes, to be drawn side by side: one spanned by the Hessian's extreme eigenvectors u_min and
//! u_max, where a saddle looks like a saddle, and one spanned by two random directions normalized filter
//! by filter to the weights they perturb (Li, Xu, Taylor, Studer & Goldstein, "Visualizing the loss
//! landscape of neural nets", NeurIPS 2018: every row of a weight matrix of d is rescaled to the norm of
//! that row of θ, bias entries are 0). At a saddle the random plane usually shows a bowl: random
//! directions mostly see the positive curvature (dᵀHd = Σ λᵢ(d·uᵢ)²), which is the point of Böttcher &
//! Wheeler, "Visualizing high-dimensional loss landscapes with Hessian directions" (2022), and of the
//! lecture's "a minimum in a picture of two directions can be a saddle in the others".
//!
//! Each axis's half-width is chosen so the quadratic model changes L by the same amount along both
//! (½|dᵀHd|·s² = [`SLICE_DEPTH`]·L(θ)), so the two curvatures are equally visible whatever their ratio.

use nalgebra::{DMatrix, DVector};
use serde::Serialize;

use super::architecture::Network;
use super::objective::NetworkLoss;
use super::spectrum::{extreme_eigenvector, End};
use crate::data::Rng;

/// The quadratic model's change of L at the edge of each axis, as a share of L(θ).
pub const SLICE_DEPTH: f64 = 0.5;
/// Half-widths stay within these (in units of the direction's length).
const MIN_HALF_WIDTH: f64 = 1e-6;
const MAX_HALF_WIDTH: f64 = 10.0;
/// Grid points per side, most.
pub const MAX_RESOLUTION: usize = 201;

/// Which pair of directions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PlaneKind {
    /// u_min (a) and u_max (b), unit eigenvectors of the Hessian's extreme eigenvalues.
    Eigen,
    /// Two filter-normalized random directions.
    Random,
}

/// A plane through θ: L at θ + a·first + b·second for a, b on a grid.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Plane {
    /// Which pair of directions spans it.
    pub kind: PlaneKind,
    #[serde(skip)]
    origin: Vec<f64>,
    /// The direction the `a` coordinate runs along (u_min for the eigen plane), P entries.
    pub first: Vec<f64>,
    /// The direction the `b` coordinate runs along (u_max for the eigen plane), P entries.
    pub second: Vec<f64>,
    /// dᵀHd along each direction (for the eigen plane, λ_min and λ_max).
    pub curvatures: [f64; 2],
    /// The grid's coordinates along each direction, ascending, through 0 (odd resolution).
    pub a: Vec<f64>,
    /// The grid's coordinates along `second`, like `a`; one row of the grid each.
    pub b: Vec<f64>,
}

impl Plane {
    /// The plane of u_min and u_max of `hessian` (the Hessian at θ), with `resolution` points a side;
    /// `None` when the Hessian is not finite or θ does not fit the network.
    pub fn eigen(
        loss: &NetworkLoss,
        theta: &[f64],
        hessian: &DMatrix<f64>,
        eigenvalues: &[f64],
        resolution: usize,
    ) -> Option<Plane> {
        if !loss.fits(theta) {
            return None;
        }
        let (&lowest, &highest) = (eigenvalues.first()?, eigenvalues.last()?);
        let first = extreme_eigenvector(hessian, lowest, End::Lowest)?;
        let second = extreme_eigenvector(hessian, highest, End::Highest)?;
        Some(Plane::through(
            loss,
            theta,
            hessian,
            PlaneKind::Eigen,
            [first, second],
            resolution,
        ))
    }

    /// The plane of two filter-normalized random directions drawn from `seed`; `None` when θ does not
    /// fit the network.
    pub fn random(
        loss: &NetworkLoss,
        theta: &[f64],
        hessian: &DMatrix<f64>,
        seed: u64,
        resolution: usize,
    ) -> Option<Plane> {
        if !loss.fits(theta) {
            return None;
        }
        let mut rng = Rng::new(seed);
        let directions =
            [0, 1].map(|_| filter_normalized_direction(loss.network(), theta, &mut rng));
        let kind = PlaneKind::Random;
        Some(Plane::through(
            loss, theta, hessian, kind, directions, resolution,
        ))
    }

    fn through(
        loss: &NetworkLoss,
        theta: &[f64],
        hessian: &DMatrix<f64>,
        kind: PlaneKind,
        [first, second]: [Vec<f64>; 2],
        resolution: usize,
    ) -> Plane {
        let value = loss.value(theta);
        let curvatures = [&first, &second].map(|d| curvature(hessian, d));
        let lengths = [&first, &second].map(|d| d.iter().map(|x| x * x).sum::<f64>());
        let [a, b] = [0, 1].map(|i| axis(half_width(value, curvatures[i], lengths[i]), resolution));
        Plane {
            kind,
            origin: theta.to_vec(),
            first,
            second,
            curvatures,
            a,
            b,
        }
    }

    /// L along row `row` of the grid: b = `b[row]`, a running over `a`. Rows can be computed one at a time
    /// (a worker reports progress between them).
    pub fn row(&self, loss: &NetworkLoss, row: usize) -> Vec<f64> {
        let b = self.b.get(row).copied().unwrap_or(0.0);
        let mut point = vec![0.0; self.origin.len()];
        self.a
            .iter()
            .map(|&a| {
                for (k, p) in point.iter_mut().enumerate() {
                    *p = self.origin[k] + a * self.first[k] + b * self.second[k];
                }
                loss.value(&point)
            })
            .collect()
    }

    /// Every row: `values[row][column]` = L(θ + `a[column]`·first + `b[row]`·second).
    pub fn values(&self, loss: &NetworkLoss) -> Vec<Vec<f64>> {
        (0..self.b.len()).map(|row| self.row(loss, row)).collect()
    }
}

/// dᵀHd.
fn curvature(hessian: &DMatrix<f64>, direction: &[f64]) -> f64 {
    let d = DVector::from_column_slice(direction);
    d.dot(&(hessian * &d))
}

/// The half-width s where the quadratic model's change ½|κ|s² is `SLICE_DEPTH`·L, for a direction of
/// squared length `length_squared` (s then counts directions, so ½|κ|s² is in L's units).
fn half_width(value: f64, curvature: f64, length_squared: f64) -> f64 {
    let depth = SLICE_DEPTH * value.abs();
    let width = if curvature.abs() > 0.0 && depth > 0.0 {
        (2.0 * depth / curvature.abs()).sqrt()
    } else {
        1.0 / length_squared.sqrt().max(f64::MIN_POSITIVE)
    };
    if width.is_finite() {
        width.clamp(MIN_HALF_WIDTH, MAX_HALF_WIDTH)
    } else {
        1.0
    }
}

/// `resolution` (made odd, so 0 is on the grid, and at most `MAX_RESOLUTION`) equally spaced numbers
/// from −half_width to half_width.
fn axis(half_width: f64, resolution: usize) -> Vec<f64> {
    let points = (resolution.clamp(3, MAX_RESOLUTION) / 2) * 2 + 1;
    let middle = (points / 2) as f64;
    (0..points)
        .map(|i| half_width * (i as f64 - middle) / middle)
        .collect()
}

/// A Gaussian direction with each weight row rescaled to that row's norm in θ and biases 0 (Li et al.).
pub fn filter_normalized_direction(network: &Network, theta: &[f64], rng: &mut Rng) -> Vec<f64> {
    let mut direction: Vec<f64> = (0..theta.len()).map(|_| rng.normal()).collect();
    let mut in_a_filter = vec![false; theta.len()];
    for filter in network.filters() {
        let norm = |v: &[f64]| v.iter().map(|x| x * x).sum::<f64>().sqrt();
        let target = norm(&theta[filter.clone()]);
        let current = norm(&direction[filter.clone()]).max(f64::MIN_POSITIVE);
        for k in filter {
            direction[k] *= target / current;
            in_a_filter[k] = true;
        }
    }
    for (d, filtered) in direction.iter_mut().zip(in_a_filter) {
        if !filtered {
            *d = 0.0;
        }
    }
    direction
}

/// L along θ + t·direction for `samples` values of t from −half_width to half_width, with the quadratic
/// model L + t·gᵀd + ½t²·dᵀHd beside it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Profile {
    /// The step lengths along the direction, ascending, through 0.
    pub t: Vec<f64>,
    /// L(θ + t·direction) at each t.
    pub loss: Vec<f64>,
    /// L + t·gᵀd + ½t²·dᵀHd at each t, with L, g and H at θ.
    pub quadratic_model: Vec<f64>,
}

impl Profile {
    /// The profile along `direction` through θ, `hessian` being H at θ; `samples` is made odd and kept
    /// within 3 to [`MAX_RESOLUTION`].
    pub fn along(
        loss: &NetworkLoss,
        theta: &[f64],
        direction: &[f64],
        hessian: &DMatrix<f64>,
        half_width: f64,
        samples: usize,
    ) -> Profile {
        let (value, gradient) = loss.gradient(theta);
        let slope: f64 = gradient.iter().zip(direction).map(|(g, d)| g * d).sum();
        let bend = curvature(hessian, direction);
        let t = axis(half_width, samples);
        let at = |t: f64| -> Vec<f64> {
            theta
                .iter()
                .zip(direction)
                .map(|(p, d)| p + t * d)
                .collect()
        };
        Profile {
            loss: t.iter().map(|&t| loss.value(&at(t))).collect(),
            quadratic_model: t
                .iter()
                .map(|&t| value + t * slope + 0.5 * t * t * bend)
                .collect(),
            t,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::objective::tests::sample;
    use crate::network::Task;

    #[test]
    fn filter_normalized_rows_have_the_weights_norms_and_biases_are_left_alone() {
        let (loss, theta) = sample(Task::Xor, &[3, 2], 0.0, 6);
        let direction = filter_normalized_direction(loss.network(), &theta, &mut Rng::new(1));
        for filter in loss.network().filters() {
            let norm = |v: &[f64]| v.iter().map(|x| x * x).sum::<f64>().sqrt();
            assert!((norm(&direction[filter.clone()]) - norm(&theta[filter])).abs() < 1e-12);
        }
        // Layer 1's biases sit after its 3×2 weights.
        assert_eq!(&direction[6..9], &[0.0; 3]);
        assert_eq!(*direction.last().expect("P > 0"), 0.0);
    }

    #[test]
    fn axes_are_odd_symmetric_and_pass_through_zero() {
        let a = axis(2.0, 4);
        assert_eq!(a, vec![-2.0, -1.0, 0.0, 1.0, 2.0]);
        assert_eq!(axis(1.0, 1_000_000).len(), MAX_RESOLUTION);
        assert_eq!(half_width(1.0, 4.0, 1.0), 0.5); // ½·4·s² = 0.5
        assert_eq!(half_width(0.0, 0.0, 4.0), 0.5);
    }
}
