//! A data-defined loss with a sharp and a flat minimum, and a test loss that is the training loss shifted a
//! little: the lecture's picture of why flat minima generalize better.
//!
//! Every example i has the same loss shape f, moved by its own shift sᵢ: ℓᵢ(θ) = f(θ − sᵢ), where
//!
//! f(θ) = 1 + q·‖θ‖² − a_s·exp(−‖θ − c_s‖²/(2w_s²)) − a_f·exp(−‖θ − c_f‖²/(2w_f²)),
//!
//! a narrow deep well at c_s (the sharp minimum), a wide shallow one at c_f (the flat minimum) and a gentle
//! bowl that brings back whatever leaves both. The training shifts are drawn N(0, σ²) per coordinate and
//! centred; the test set's are fresh draws, centred and moved by a small δ, so L_test(θ) ≈ L_train(θ − δ).
//! Averaging over the shifts widens each well to about √(w² + σ²) and makes its depth a·w²/(w² + σ²); a_s
//! makes the narrow well come out a little deeper, so the training loss alone prefers the sharp minimum.
//!
//! Moved by δ, the narrow well's loss rises far more than the wide one's: the sharp minimum generalizes
//! worse. And the shifts make mini-batch gradients noisy exactly where the loss is sharp: at a minimum
//! θ*, example i's gradient is about −H·sᵢ, so the noise grows with the curvature. With η a little under
//! gradient descent's limit 2/λ_max at the sharp minimum, full-batch descent still settles there, while
//! the noise of small batches, amplified by the step, throws SGD out of the narrow well into the wide one,
//! where the same noise is small.

use nalgebra::SVector;
use num_dual::{gradient, DualNum, DualSVec64};

use super::rng::Rng;
use crate::surface::{
    curvature_gradient_by_ad, derivatives_by_ad, Derivatives, LossSurface, OneOf, Point,
};

/// c_s, the sharp well's centre.
pub const SHARP_CENTRE: Point = [-1.0, 0.0];
/// w_s, the sharp well's width: narrow, so its curvature is high.
pub const SHARP_WIDTH: f64 = 0.1;
/// a_s, the sharp well's depth: enough for it to come out deeper than the flat one after averaging.
pub const SHARP_DEPTH: f64 = 3.5;
/// c_f, the flat well's centre.
pub const FLAT_CENTRE: Point = [1.0, 0.0];
/// w_f, the flat well's width: wide, so its curvature is low.
pub const FLAT_WIDTH: f64 = 0.6;
/// a_f, the flat well's depth.
pub const FLAT_DEPTH: f64 = 1.0;
/// q, the bowl's curvature ÷ 2.
pub const BOWL: f64 = 0.05;

/// The mean of f(θ − sᵢ) over one set of shifts: a training set or a test set.
#[derive(Clone, Debug, PartialEq)]
pub struct ShiftedLoss {
    shifts: Vec<Point>,
}

/// The training loss with its test loss beside it.
#[derive(Clone, Debug, PartialEq)]
pub struct SharpFlatLoss {
    training: ShiftedLoss,
    testing: ShiftedLoss,
}

impl SharpFlatLoss {
    /// `points` training shifts with standard deviation `spread` per coordinate, and as many test shifts
    /// moved by `test_offset`, all from `seed`. Callers pass 1 to `MAX_POINTS` points and a finite spread.
    pub(super) fn generate(points: usize, spread: f64, test_offset: Point, seed: u64) -> Self {
        let mut rng = Rng::new(seed);
        let training = centred_shifts(&mut rng, points, spread);
        let testing = centred_shifts(&mut rng, points, spread)
            .into_iter()
            .map(|s| [s[0] + test_offset[0], s[1] + test_offset[1]])
            .collect();
        SharpFlatLoss {
            training: ShiftedLoss { shifts: training },
            testing: ShiftedLoss { shifts: testing },
        }
    }

    /// The loss over the test set, to draw beside the training loss.
    pub fn test_loss(&self) -> &ShiftedLoss {
        &self.testing
    }

    /// The training loss itself.
    pub fn training_loss(&self) -> &ShiftedLoss {
        &self.training
    }

    /// N, the number of training examples.
    pub fn len(&self) -> usize {
        self.training.shifts.len()
    }

    /// Whether there are no training examples; never true of a preset's set.
    pub fn is_empty(&self) -> bool {
        self.training.shifts.is_empty()
    }
}

impl ShiftedLoss {
    /// Each example's shift sᵢ.
    pub fn shifts(&self) -> &[Point] {
        &self.shifts
    }
}

impl LossSurface for ShiftedLoss {
    fn value(&self, at: Point) -> f64 {
        mean_loss(&self.shifts, at[0], at[1])
    }

    fn derivatives(&self, at: Point) -> Derivatives {
        derivatives_by_ad(|x, y| mean_loss(&self.shifts, x, y), at)
    }

    fn training_examples(&self) -> usize {
        self.shifts.len()
    }

    /// ∇ of the mean loss over the examples in `batch` (indices beyond the set are ignored; an empty batch
    /// gives a zero gradient).
    fn batch_gradient(&self, at: Point, batch: &[usize]) -> [f64; 2] {
        let shifts: Vec<Point> = batch
            .iter()
            .filter_map(|&i| self.shifts.get(i).copied())
            .collect();
        if shifts.is_empty() {
            return [0.0; 2];
        }
        let (_, g) = gradient(
            |w: SVector<DualSVec64<2>, 2>| mean_loss(&shifts, w[0], w[1]),
            &SVector::from(at),
        );
        [g[0], g[1]]
    }

    fn curvature_gradient(&self, at: Point, u: [f64; 2]) -> [f64; 2] {
        curvature_gradient_by_ad(|x, y| mean_loss(&self.shifts, x, y), at, u)
    }
}

/// The preset's loss is its training loss.
impl OneOf for SharpFlatLoss {
    fn inner(&self) -> &dyn LossSurface {
        &self.training
    }
}

/// `count` draws of spread·N(0, 1) per coordinate, less their mean, so the set's own centre is exact.
fn centred_shifts(rng: &mut Rng, count: usize, spread: f64) -> Vec<Point> {
    let mut shifts: Vec<Point> = (0..count)
        .map(|_| [spread * rng.normal(), spread * rng.normal()])
        .collect();
    let n = shifts.len().max(1) as f64;
    let mean = [0, 1].map(|i| shifts.iter().map(|s| s[i]).sum::<f64>() / n);
    for s in &mut shifts {
        *s = [s[0] - mean[0], s[1] - mean[1]];
    }
    shifts
}

/// Mean of f(θ − sᵢ) over `shifts`, for any number type, so values and exact derivatives share one formula.
fn mean_loss<D: DualNum<Primitive = f64> + Copy>(shifts: &[Point], x: D, y: D) -> D {
    let well = |dx: D, dy: D, depth: f64, width: f64| {
        (-(dx * dx + dy * dy) / (2.0 * width * width)).exp() * depth
    };
    let total = shifts.iter().fold(D::from(0.0), |sum, s| {
        let (u, v) = (x - s[0], y - s[1]);
        let bowl = (u * u + v * v) * BOWL;
        let sharp = well(
            u - SHARP_CENTRE[0],
            v - SHARP_CENTRE[1],
            SHARP_DEPTH,
            SHARP_WIDTH,
        );
        let flat = well(
            u - FLAT_CENTRE[0],
            v - FLAT_CENTRE[1],
            FLAT_DEPTH,
            FLAT_WIDTH,
        );
        sum + bowl - sharp - flat + 1.0
    });
    total / shifts.len().max(1) as f64
}
