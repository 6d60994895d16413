//! The cloud of mini-batch gradients around the full gradient at one point: what SGD sees instead of ∇L.

use super::Rng;
use crate::surface::{LossSurface, Point};

/// `samples` mini-batch gradients of `surface` at `at`, each from a fresh batch of `batch_size` distinct
/// examples drawn from `seed` (as SGD draws them); empty for a surface without training data.
pub fn gradient_cloud<S: LossSurface + ?Sized>(
    surface: &S,
    at: Point,
    batch_size: usize,
    samples: usize,
    seed: u64,
) -> Vec<[f64; 2]> {
    let examples = surface.training_examples();
    if examples == 0 {
        return Vec::new();
    }
    let mut rng = Rng::new(seed);
    (0..samples)
        .map(|_| surface.batch_gradient(at, &rng.minibatch(examples, batch_size)))
        .collect()
}
