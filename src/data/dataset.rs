//! A loss defined by training data, so a mini-batch of examples gives a noisy gradient: the surface behind
//! the lecture's claim that stochastic gradient descent escapes saddles plain gradient descent stalls at.
//!
//! The network is the lecture's ŷ = w1·w2·x plus a distractor input z with a fixed small weight:
//!
//! ŷ = w1·w2·x + κ·(w1 + w2)·z,  L(w1, w2) = mean over examples of (ŷ − y)²,  y = x + noise.
//!
//! Why the distractor: with ŷ = w1·w2·x alone, every example's gradient vanishes at the origin
//! (∂ŷ/∂w = 0 there), and every mini-batch loss keeps the line w1 = −w2 invariant, so SGD from a point
//! where GD stalls stalls too — no amount of batch noise helps. The distractor z is drawn at random and
//! then made exactly orthogonal to x and y over the training set: it carries no signal, does not move the
//! full-batch saddle from the origin (still H = [[2κ²s, 2κ²s − 2c], [2κ²s − 2c, 2κ²s]] with s = mean z²,
//! c = mean x·y, escape direction (1, 1), λ = 4κ²s − 2c < 0), yet each example's gradient at the origin,
//! −2κ·y·z·(1, 1), points along the escape direction. The valley w1·w2 ≈ 1 becomes two minima on the
//! diagonal, w1 = w2 = ±√((c − 2κ²s)/a) with a = mean x² (≈ ±0.9 on the preset).
//!
//! The distractor is a choice with an effect, so it is a switch: [`DatasetLoss::without_distractor`] (the
//! preset `lecture-data-plain`) is the lecture's network alone, where SGD from the line w1 = −w2 stalls
//! with full-batch descent. This is the lecture's condition in miniature: batch noise helps leave a saddle
//! only through its component along the negative-curvature direction u.

use num_dual::DualNum;

use super::rng::Rng;
use crate::surface::{
    curvature_gradient_by_ad, derivatives_by_ad, Derivatives, LossSurface, Point,
};

/// κ, the distractor's fixed weight: small enough to keep the lecture's picture, large enough that batch
/// noise pushes off the saddle within a few dozen steps.
pub const DISTRACTOR_WEIGHT: f64 = 0.25;

/// mean z² after scaling: the same spread as x ~ U(−1, 1), whose E[x²] = 1/3.
const DISTRACTOR_MEAN_SQUARE: f64 = 1.0 / 3.0;

/// Most training examples a dataset may have, so a typo cannot allocate gigabytes.
pub const MAX_POINTS: usize = 100_000;

/// One training example.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Example {
    /// The lecture's input x, drawn from U(−1, 1).
    pub x: f64,
    /// The distractor input, orthogonal to x and y over the training set.
    pub z: f64,
    /// The target, x plus noise.
    pub y: f64,
}

/// The mean squared error of the two-weight network over a seeded synthetic training set.
#[derive(Clone, Debug, PartialEq)]
pub struct DatasetLoss {
    examples: Vec<Example>,
}

impl DatasetLoss {
    /// `points` examples x ~ U(−1, 1), y = x + noise·N(0, 1), z as described above, all from `seed`.
    pub fn generate(points: usize, noise: f64, seed: u64) -> Result<DatasetLoss, String> {
        if points == 0 || points > MAX_POINTS {
            return Err(format!(
                "a dataset needs 1 to {MAX_POINTS} points, not {points}"
            ));
        }
        if !(noise.is_finite() && noise >= 0.0) {
            return Err(format!(
                "the noise must be a finite number ≥ 0, not {noise}"
            ));
        }
        Ok(Self::generate_valid(points, noise, seed))
    }

    /// [`generate`](Self::generate) for arguments already known to be valid.
    pub(super) fn generate_valid(points: usize, noise: f64, seed: u64) -> DatasetLoss {
        let mut rng = Rng::new(seed);
        let inputs: Vec<f64> = (0..points).map(|_| rng.uniform_in(-1.0, 1.0)).collect();
        let targets: Vec<f64> = inputs.iter().map(|x| x + noise * rng.normal()).collect();
        let raw: Vec<f64> = (0..points).map(|_| rng.normal()).collect();
        let distractors = orthogonal_distractor(raw, &[&inputs, &targets]);
        let examples = (0..points)
            .map(|i| Example {
                x: inputs[i],
                z: distractors[i],
                y: targets[i],
            })
            .collect();
        DatasetLoss { examples }
    }

    /// The same examples with the distractor input set to zero: the lecture's network ŷ = w1·w2·x alone.
    ///
    /// Then every example's gradient, 2(w1·w2·x − y)·x·(w2, w1), vanishes at the origin and points along
    /// the line w1 = −w2 anywhere on it: no batch noise leaves the saddle, or that line, from a start on it.
    pub fn without_distractor(mut self) -> DatasetLoss {
        for example in &mut self.examples {
            example.z = 0.0;
        }
        self
    }

    /// The training set, in the order every full-batch sum adds it.
    pub fn examples(&self) -> &[Example] {
        &self.examples
    }

    /// N, the number of training examples.
    pub fn len(&self) -> usize {
        self.examples.len()
    }

    /// Whether there are no examples; never true of a generated dataset.
    pub fn is_empty(&self) -> bool {
        self.examples.is_empty()
    }
}

impl LossSurface for DatasetLoss {
    fn value(&self, at: Point) -> f64 {
        mean_loss(&self.examples, at[0], at[1])
    }

    fn derivatives(&self, at: Point) -> Derivatives {
        batch_derivatives(&self.examples, at)
    }

    fn training_examples(&self) -> usize {
        self.len()
    }

    /// ∇ of the mean loss over the examples in `batch` (indices beyond the dataset are ignored; an
    /// empty batch carries no information and gives a zero gradient).
    ///
    /// The batch of all indices in order gives exactly [`derivatives`](LossSurface::derivatives)' gradient.
    fn batch_gradient(&self, at: Point, batch: &[usize]) -> [f64; 2] {
        let examples: Vec<Example> = batch
            .iter()
            .filter_map(|&i| self.examples.get(i).copied())
            .collect();
        if examples.is_empty() {
            return [0.0; 2];
        }
        batch_derivatives(&examples, at).gradient
    }

    fn curvature_gradient(&self, at: Point, u: [f64; 2]) -> [f64; 2] {
        curvature_gradient_by_ad(|w1, w2| mean_loss(&self.examples, w1, w2), at, u)
    }
}

/// Mean of (ŷ − y)² over `examples`, for any number type, so values and exact derivatives share one formula.
fn mean_loss<D: DualNum<Primitive = f64> + Copy>(examples: &[Example], w1: D, w2: D) -> D {
    let product = w1 * w2;
    let distractor_weight = (w1 + w2) * DISTRACTOR_WEIGHT;
    let total = examples.iter().fold(D::from(0.0), |sum, e| {
        let residual = product * e.x + distractor_weight * e.z - e.y;
        sum + residual * residual
    });
    total / examples.len() as f64
}

/// Value, gradient and symmetric Hessian of the mean loss over `examples`, by second-order dual numbers.
fn batch_derivatives(examples: &[Example], at: Point) -> Derivatives {
    derivatives_by_ad(|w1, w2| mean_loss(examples, w1, w2), at)
}

/// `raw` with its components along each of `signals` removed (Gram–Schmidt over the examples), scaled to
/// mean square [`DISTRACTOR_MEAN_SQUARE`]; all zeros if nothing is left (fewer examples than signals).
fn orthogonal_distractor(mut raw: Vec<f64>, signals: &[&[f64]]) -> Vec<f64> {
    let dot = |a: &[f64], b: &[f64]| a.iter().zip(b).map(|(p, q)| p * q).sum::<f64>();
    let mut basis: Vec<Vec<f64>> = Vec::new();
    for signal in signals {
        let mut direction = signal.to_vec();
        remove_components(&mut direction, &basis, dot);
        let norm = dot(&direction, &direction).sqrt();
        if norm > 1e-12 * (1.0 + dot(signal, signal).sqrt()) {
            basis.push(direction.iter().map(|v| v / norm).collect());
        }
    }
    // Twice: one pass leaves rounding-sized components that a second pass removes.
    remove_components(&mut raw, &basis, dot);
    remove_components(&mut raw, &basis, dot);
    let mean_square = dot(&raw, &raw) / raw.len().max(1) as f64;
    if mean_square <= 1e-24 {
        return vec![0.0; raw.len()];
    }
    let scale = (DISTRACTOR_MEAN_SQUARE / mean_square).sqrt();
    raw.iter().map(|v| v * scale).collect()
}

fn remove_components(vector: &mut [f64], basis: &[Vec<f64>], dot: impl Fn(&[f64], &[f64]) -> f64) {
    for unit in basis {
        let along = dot(vector, unit);
        for (v, u) in vector.iter_mut().zip(unit) {
            *v -= along * u;
        }
    }
}
