//! The small network of the minimum-ratio experiment: ŷ = Σⱼ vⱼ·tanh(wⱼ·x + bⱼ) + c, one hidden layer of
//! width h (P = 3h + 1 parameters), fitted by mean squared error to a seeded toy set y = sin(3x) + noise.
//!
//! Exact second derivatives at P ≈ 400 must be cheap enough for a browser, so the Hessian is built
//! forward-over-reverse: the backpropagated gradient is written once, generically over dual numbers, and
//! evaluated with `Dual64` seeded along eᵢ, whose derivative part is H·eᵢ. That is P passes of O(P·N)
//! work, against O(P²) per operation for dual numbers carrying a P-dimensional derivative vector.

use nalgebra::DMatrix;
use num_dual::{Dual64, DualNum};

use crate::data::Rng;

/// N, the training examples: few, so a pass stays cheap at P = 400.
pub const TRAINING_POINTS: usize = 24;
/// The label noise's standard deviation.
pub const TRAINING_NOISE: f64 = 0.1;

/// A one-hidden-layer tanh network and its training set.
///
/// Parameters θ are laid out as [w₀…w_{h−1}, b₀…b_{h−1}, v₀…v_{h−1}, c].
#[derive(Clone, Debug, PartialEq)]
pub struct Network {
    hidden: usize,
    inputs: Vec<f64>,
    targets: Vec<f64>,
}

impl Network {
    /// A network of width `hidden` (at least 1) on [`TRAINING_POINTS`] examples x ~ U(−1, 1),
    /// y = sin(3x) + [`TRAINING_NOISE`]·N(0, 1) drawn from `rng`.
    pub fn toy(hidden: usize, rng: &mut Rng) -> Network {
        let inputs: Vec<f64> = (0..TRAINING_POINTS)
            .map(|_| rng.uniform_in(-1.0, 1.0))
            .collect();
        let targets = inputs
            .iter()
            .map(|x| (3.0 * x).sin() + TRAINING_NOISE * rng.normal())
            .collect();
        Network {
            hidden: hidden.max(1),
            inputs,
            targets,
        }
    }

    /// The hidden width whose P = 3h + 1 is nearest to `params` (h ≥ 1).
    pub fn hidden_for(params: usize) -> usize {
        ((params.saturating_sub(1) as f64 / 3.0).round() as usize).max(1)
    }

    pub fn hidden(&self) -> usize {
        self.hidden
    }

    /// P = 3h + 1.
    pub fn parameter_count(&self) -> usize {
        3 * self.hidden + 1
    }

    /// Random starting weights: w ~ N(0, 2²) so the units' kinks spread over the inputs, b ~ N(0, 1),
    /// v ~ N(0, 1/h) so the output starts at the targets' scale, c = 0.
    pub fn initial_parameters(&self, rng: &mut Rng) -> Vec<f64> {
        let h = self.hidden;
        let output_scale = 1.0 / (h as f64).sqrt();
        let mut theta = Vec::with_capacity(self.parameter_count());
        theta.extend((0..h).map(|_| 2.0 * rng.normal()));
        theta.extend((0..h).map(|_| rng.normal()));
        theta.extend((0..h).map(|_| output_scale * rng.normal()));
        theta.push(0.0);
        theta
    }

    /// L(θ) and ∇L(θ); `theta` must hold P numbers.
    pub fn gradient(&self, theta: &[f64]) -> (f64, Vec<f64>) {
        let mut gradient = vec![0.0; theta.len()];
        let loss = self.backpropagate(theta, &self.activations(theta), &mut gradient);
        (loss, gradient)
    }

    /// Column `i` of the Hessian, H·eᵢ: the derivative of ∇L along eᵢ, one forward-over-reverse pass.
    pub fn hessian_column(&self, theta: &[f64], i: usize) -> Vec<f64> {
        self.hessian_column_with(theta, &self.activations(theta), i)
    }

    /// [`Network::hessian_column`] with the hidden units' values at θ already known: they are the same for
    /// every column, so the whole Hessian computes them once.
    fn hessian_column_with(&self, theta: &[f64], activations: &[f64], i: usize) -> Vec<f64> {
        let seeded: Vec<Dual64> = theta
            .iter()
            .enumerate()
            .map(|(k, &value)| Dual64::new(value, if k == i { 1.0 } else { 0.0 }))
            .collect();
        let mut gradient = vec![Dual64::from(0.0); theta.len()];
        self.backpropagate(&seeded, activations, &mut gradient);
        gradient.iter().map(|g| g.eps).collect()
    }

    /// The whole P×P Hessian, symmetrized (its halves agree to rounding).
    pub fn hessian(&self, theta: &[f64]) -> DMatrix<f64> {
        let activations = self.activations(theta);
        let columns: Vec<Vec<f64>> = (0..theta.len())
            .map(|i| self.hessian_column_with(theta, &activations, i))
            .collect();
        symmetric_from_columns(&columns)
    }

    /// tanh(wⱼ·x + bⱼ) for every example (rows) and hidden unit (columns) at θ.
    ///
    /// Every column of the Hessian runs the same forward pass in its real parts, so the Hessian computes
    /// these once and its P passes need no transcendental function: P·N·h dual tanh (each a sinh, a cosh
    /// and a division) made the P = 200 Hessian several times slower, in the browser most of all, where
    /// `tanh` is a software routine.
    fn activations(&self, theta: &[f64]) -> Vec<f64> {
        let h = self.hidden;
        let parameter = |k: usize| theta.get(k).copied().unwrap_or(0.0);
        self.inputs
            .iter()
            .flat_map(|&x| (0..h).map(move |j| (parameter(j) * x + parameter(h + j)).tanh()))
            .collect()
    }

    /// The mean squared error, with its gradient accumulated into `gradient` (zeroed by the caller),
    /// by one forward and one backward pass over every example, given the hidden units' values at the
    /// real parts of θ ([`Network::activations`]). Generic so that the same code gives ∇L with `f64` and
    /// H·v with `Dual64`. Missing parameters count as 0.
    fn backpropagate<D: Number>(&self, theta: &[D], known: &[f64], gradient: &mut [D]) -> D {
        let h = self.hidden;
        let zero = D::from(0.0);
        let parameter = |k: usize| theta.get(k).copied().unwrap_or(zero);
        let scale = 2.0 / self.inputs.len() as f64;
        let mut activations = vec![zero; h];
        let mut loss = zero;
        let rows = known.chunks_exact(h).chain(std::iter::repeat(&[][..]));
        for ((&x, &y), known) in self.inputs.iter().zip(&self.targets).zip(rows) {
            let mut prediction = parameter(3 * h);
            for (j, activation) in activations.iter_mut().enumerate() {
                let value = known.get(j).copied().unwrap_or(f64::NAN);
                *activation = (parameter(j) * x + parameter(h + j)).tanh_given(value);
                prediction += parameter(2 * h + j) * *activation;
            }
            let residual = prediction - y;
            loss += residual * residual;
            let upstream = residual * scale;
            let mut accumulate = |k: usize, value: D| {
                if let Some(slot) = gradient.get_mut(k) {
                    *slot += value;
                }
            };
            for (j, &activation) in activations.iter().enumerate() {
                accumulate(2 * h + j, upstream * activation);
                let pre_activation =
                    upstream * parameter(2 * h + j) * (D::from(1.0) - activation * activation);
                accumulate(j, pre_activation * x);
                accumulate(h + j, pre_activation);
            }
            accumulate(3 * h, upstream);
        }
        loss / self.inputs.len() as f64
    }
}

/// The numbers the network is evaluated in: plain values for ∇L, first-order dual numbers for H·v.
trait Number: DualNum<Primitive = f64> + Copy {
    /// tanh of this number, given `value`, the tanh of its real part.
    fn tanh_given(self, value: f64) -> Self;
}

impl Number for f64 {
    fn tanh_given(self, value: f64) -> f64 {
        value
    }
}

impl Number for Dual64 {
    /// tanh′ = 1 − tanh².
    fn tanh_given(self, value: f64) -> Dual64 {
        Dual64::new(value, (1.0 - value * value) * self.eps)
    }
}

/// The square matrix with these columns (missing entries 0), replaced by (M + Mᵀ)/2 so eigen-solvers and
/// readers can rely on exact symmetry.
pub(super) fn symmetric_from_columns(columns: &[Vec<f64>]) -> DMatrix<f64> {
    let n = columns.len();
    let entry = |i: usize, j: usize| {
        columns
            .get(j)
            .and_then(|c| c.get(i))
            .copied()
            .unwrap_or(0.0)
    };
    DMatrix::from_fn(n, n, |i, j| 0.5 * (entry(i, j) + entry(j, i)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(hidden: usize) -> (Network, Vec<f64>) {
        let mut rng = Rng::new(17);
        let network = Network::toy(hidden, &mut rng);
        let theta = network.initial_parameters(&mut rng);
        (network, theta)
    }

    #[test]
    fn widths_give_the_nearest_parameter_count() {
        assert_eq!(Network::hidden_for(4), 1);
        assert_eq!(Network::hidden_for(16), 5);
        assert_eq!(Network::hidden_for(17), 5);
        assert_eq!(Network::hidden_for(18), 6);
        assert_eq!(Network::hidden_for(400), 133);
        assert_eq!(Network::hidden_for(0), 1);
    }

    #[test]
    fn the_gradient_matches_central_differences_of_the_loss() {
        let (network, theta) = sample(4);
        let (_, gradient) = network.gradient(&theta);
        let h = 1e-6;
        for k in 0..theta.len() {
            let shifted = |by: f64| {
                let mut t = theta.clone();
                t[k] += by;
                network.gradient(&t).0
            };
            let numeric = (shifted(h) - shifted(-h)) / (2.0 * h);
            assert!(
                (gradient[k] - numeric).abs() < 1e-7,
                "∂{k}: {} vs {numeric}",
                gradient[k]
            );
        }
    }

    #[test]
    fn the_hessian_is_symmetric_and_matches_differences_of_the_gradient() {
        let (network, theta) = sample(4);
        let p = theta.len();
        let columns: Vec<Vec<f64>> = (0..p).map(|i| network.hessian_column(&theta, i)).collect();
        let h = 1e-5;
        for (i, column) in columns.iter().enumerate() {
            let shifted = |by: f64| {
                let mut t = theta.clone();
                t[i] += by;
                network.gradient(&t).1
            };
            let (plus, minus) = (shifted(h), shifted(-h));
            for k in 0..p {
                let numeric = (plus[k] - minus[k]) / (2.0 * h);
                assert!((column[k] - numeric).abs() < 1e-6, "H[{k},{i}]");
                // Unsymmetrized AD columns already agree with their transposes to rounding.
                assert!(
                    (column[k] - columns[k][i]).abs() < 1e-12,
                    "H[{k},{i}] vs H[{i},{k}]"
                );
            }
        }
        let hessian = network.hessian(&theta);
        assert_eq!(hessian, hessian.transpose());
        assert!((hessian[(1, 6)] - columns[6][1]).abs() < 1e-12);
    }
}
