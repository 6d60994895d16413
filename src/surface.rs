//! What every analysis and optimizer needs from a loss surface: values and exact derivatives.

use nalgebra::SVector;
use num_dual::{hessian, third_partial_derivative, Dual2SVec64, HyperHyperDual64};

use crate::formula::Formula;

/// A point θ = (x, y) in the plane of the two parameters.
pub type Point = [f64; 2];

/// Value, gradient and Hessian of L at one point, exact to rounding.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Derivatives {
    /// L(θ).
    pub value: f64,
    /// ∇L(θ) = (∂L/∂x, ∂L/∂y).
    pub gradient: [f64; 2],
    /// H, ∇²L(θ); symmetric: `hessian[0][1] == hessian[1][0]`.
    pub hessian: [[f64; 2]; 2],
}

impl Derivatives {
    /// False where the surface is undefined or overflows (log of a negative, 1/0, values beyond f64).
    pub fn is_finite(&self) -> bool {
        self.value.is_finite()
            && self.gradient.iter().all(|g| g.is_finite())
            && self.hessian.iter().flatten().all(|h| h.is_finite())
    }

    /// ‖∇L‖, the number "the gradient is almost zero" is about.
    pub fn gradient_norm(&self) -> f64 {
        self.gradient[0].hypot(self.gradient[1])
    }
}

/// A loss L(θ) over two parameters.
pub trait LossSurface {
    /// L(θ), NaN where undefined. The fast path for heatmaps.
    fn value(&self, at: Point) -> f64;

    /// L, ∇L and ∇²L at θ by automatic differentiation.
    fn derivatives(&self, at: Point) -> Derivatives;

    /// N, the number of training examples behind L; 0 for a surface without data (a formula), on which
    /// SGD is plain gradient descent.
    fn training_examples(&self) -> usize {
        0
    }

    /// ∇ of the mean loss over the training examples numbered in `batch` (each below
    /// [`training_examples`](LossSurface::training_examples)): a mini-batch gradient. The caller draws the
    /// batch, so a surface needs no random numbers of its own.
    fn batch_gradient(&self, at: Point, _batch: &[usize]) -> [f64; 2] {
        self.derivatives(at).gradient
    }

    /// How fast the curvature along a unit vector u changes: the gradient of uᵀ∇²L·u, that is the third
    /// derivatives (∂³L[u, u, e_x], ∂³L[u, u, e_y]), exact by automatic differentiation. The second-order
    /// test asks it whether an eigenvalue could change sign within the tolerance of a critical point.
    fn curvature_gradient(&self, at: Point, u: [f64; 2]) -> [f64; 2];

    /// L at every (x, y) of `xs` × `ys`, one row per y in order: the heatmap's and the 3-D mesh's samples.
    /// A formula overrides it to compute what reads x alone once per column and y alone once per row.
    fn lattice_values(&self, xs: &[f64], ys: &[f64]) -> Vec<f64> {
        ys.iter()
            .flat_map(|&y| xs.iter().map(move |&x| self.value([x, y])))
            .collect()
    }
}

/// A surface that is one of several kinds (a formula or a training set, one model or another): it answers as
/// the surface it holds, for every [`LossSurface`] method at once.
pub trait OneOf {
    /// The surface this one is now.
    fn inner(&self) -> &dyn LossSurface;
}

impl<T: OneOf> LossSurface for T {
    fn value(&self, at: Point) -> f64 {
        self.inner().value(at)
    }

    fn derivatives(&self, at: Point) -> Derivatives {
        self.inner().derivatives(at)
    }

    fn curvature_gradient(&self, at: Point, u: [f64; 2]) -> [f64; 2] {
        self.inner().curvature_gradient(at, u)
    }

    fn training_examples(&self) -> usize {
        self.inner().training_examples()
    }

    fn batch_gradient(&self, at: Point, batch: &[usize]) -> [f64; 2] {
        self.inner().batch_gradient(at, batch)
    }

    fn lattice_values(&self, xs: &[f64], ys: &[f64]) -> Vec<f64> {
        self.inner().lattice_values(xs, ys)
    }
}

impl LossSurface for Formula {
    fn value(&self, at: Point) -> f64 {
        Formula::value(self, at[0], at[1])
    }

    fn curvature_gradient(&self, at: Point, u: [f64; 2]) -> [f64; 2] {
        curvature_gradient_by_ad(|x, y| self.eval(x, y, &mut Vec::new()), at, u)
    }

    fn lattice_values(&self, xs: &[f64], ys: &[f64]) -> Vec<f64> {
        Formula::lattice_values(self, xs, ys)
    }

    fn derivatives(&self, at: Point) -> Derivatives {
        derivatives_by_ad(|x, y| self.eval(x, y, &mut Vec::new()), at)
    }
}

/// [`LossSurface::derivatives`] of a loss written for any dual number: L, ∇L and ∇²L at `at` by second-order
/// dual numbers.
pub(crate) fn derivatives_by_ad(
    loss: impl Fn(Dual2SVec64<2>, Dual2SVec64<2>) -> Dual2SVec64<2>,
    at: Point,
) -> Derivatives {
    let (value, gradient, hessian_matrix) = hessian(
        |v: SVector<Dual2SVec64<2>, 2>| loss(v[0], v[1]),
        &SVector::from(at),
    );
    // The AD Hessian is symmetric up to rounding; average so downstream code may rely on exact symmetry.
    let off_diagonal = 0.5 * (hessian_matrix[(0, 1)] + hessian_matrix[(1, 0)]);
    // Adding 0.0 turns the -0.0 that products like -2·x·y give at the origin into 0, as a reader expects.
    Derivatives {
        value: value + 0.0,
        gradient: [gradient[0] + 0.0, gradient[1] + 0.0],
        hessian: [
            [hessian_matrix[(0, 0)] + 0.0, off_diagonal + 0.0],
            [off_diagonal + 0.0, hessian_matrix[(1, 1)] + 0.0],
        ],
    }
}

/// [`LossSurface::curvature_gradient`] of a loss written for any dual number: ∂³/∂s∂t∂r of
/// L(θ + (s + t)·u + r·eₖ) at 0, with third-order hyper-dual numbers, for k = x and y.
pub(crate) fn curvature_gradient_by_ad(
    loss: impl Fn(HyperHyperDual64, HyperHyperDual64) -> HyperHyperDual64,
    at: Point,
    u: [f64; 2],
) -> [f64; 2] {
    [[1.0, 0.0], [0.0, 1.0]].map(|e: [f64; 2]| {
        let along = |(s, t, r): (HyperHyperDual64, HyperHyperDual64, HyperHyperDual64)| {
            let coordinate = |i: usize| (s + t) * u[i] + r * e[i] + at[i];
            loss(coordinate(0), coordinate(1))
        };
        let (.., third) = third_partial_derivative(along, (0.0, 0.0, 0.0));
        third + 0.0
    })
}
