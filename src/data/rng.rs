//! A tiny seeded generator whose draws are bit-identical on every target (native, wasm), so a seed in a
//! share link or a test names the same experiment everywhere.
//!
//! SplitMix64 (Steele, Lea & Flood 2014): a 64-bit counter advanced by the golden-ratio increment and
//! scrambled by two xor-shift-multiply rounds. It passes BigCrush, needs no setup, and every seed
//! (0 included) gives a full-period stream. Only integer arithmetic and exactly rounded float operations
//! (+, −, ×, ÷, √) are used: in particular the normal draws avoid the platform's `ln`/`cos`, whose last
//! bit may differ between native libm and wasm.

use crate::portable_math::ln;

/// The SplitMix64 stream of one seed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rng {
    state: u64,
}

const GOLDEN_GAMMA: u64 = 0x9E37_79B9_7F4A_7C15;
/// 2⁻⁵³: turns the top 53 bits of a draw into a float in [0, 1) exactly.
const UNIT_SCALE: f64 = 1.0 / (1u64 << 53) as f64;

impl Rng {
    /// The stream of `seed`; any seed, 0 included, is a good one.
    pub fn new(seed: u64) -> Rng {
        Rng { state: seed }
    }

    /// The next 64 uniformly random bits: the draw every other one is made from.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(GOLDEN_GAMMA);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform on [0, 1), a multiple of 2⁻⁵³.
    pub fn uniform(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * UNIT_SCALE
    }

    /// Uniform on [low, high).
    pub fn uniform_in(&mut self, low: f64, high: f64) -> f64 {
        low + (high - low) * self.uniform()
    }

    /// Uniform on {0, …, bound − 1}, without modulo bias (Lemire's multiply-and-reject); 0 when `bound` is 0.
    pub fn below(&mut self, bound: usize) -> usize {
        let bound = bound as u64;
        if bound == 0 {
            return 0;
        }
        let threshold = bound.wrapping_neg() % bound;
        loop {
            let product = u128::from(self.next_u64()) * u128::from(bound);
            if (product as u64) >= threshold {
                return (product >> 64) as usize;
            }
        }
    }

    /// Standard normal, by Box–Muller in Marsaglia's polar form: a point uniform in the unit disc,
    /// (u, v) with s = u² + v², gives u·√(−2 ln s / s). One of the pair is used, so the stream
    /// position never depends on a cached spare.
    pub fn normal(&mut self) -> f64 {
        loop {
            let u = self.uniform_in(-1.0, 1.0);
            let v = self.uniform_in(-1.0, 1.0);
            let s = u * u + v * v;
            if s > 0.0 && s < 1.0 {
                return u * (-2.0 * ln(s) / s).sqrt();
            }
        }
    }

    /// A mini-batch of `batch_size` distinct example indices (at least one, at most `population`), in
    /// dataset order: what SGD and the gradient cloud both draw.
    pub fn minibatch(&mut self, population: usize, batch_size: usize) -> Vec<usize> {
        self.distinct_indices(population, batch_size.max(1))
    }

    /// `count` distinct indices of `0..population`, drawn without replacement and returned sorted.
    ///
    /// Sorted so a batch sums its examples in dataset order: the batch of all N examples then adds
    /// exactly the same numbers in the same order as the full-batch loss. `count` is capped at `population`.
    pub fn distinct_indices(&mut self, population: usize, count: usize) -> Vec<usize> {
        let count = count.min(population);
        let mut pool: Vec<usize> = (0..population).collect();
        for i in 0..count {
            let j = i + self.below(population - i);
            pool.swap(i, j);
        }
        pool.truncate(count);
        pool.sort_unstable();
        pool
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix64_matches_the_reference_stream() {
        // First outputs of the reference C implementation for seed 1234567.
        let mut rng = Rng::new(1234567);
        let first: Vec<u64> = (0..3).map(|_| rng.next_u64()).collect();
        assert_eq!(
            first,
            [
                6457827717110365317,
                3203168211198807973,
                9817491932198370423
            ]
        );
    }

    #[test]
    fn the_same_seed_repeats_and_another_differs() {
        let draws = |seed| {
            let mut rng = Rng::new(seed);
            (0..5).map(|_| rng.normal()).collect::<Vec<_>>()
        };
        assert_eq!(draws(7), draws(7));
        assert_ne!(draws(7), draws(8));
    }

    #[test]
    fn uniform_and_normal_have_the_right_moments() {
        let mut rng = Rng::new(42);
        let n = 200_000;
        let uniforms: Vec<f64> = (0..n).map(|_| rng.uniform()).collect();
        let normals: Vec<f64> = (0..n).map(|_| rng.normal()).collect();
        let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len() as f64;
        let variance = |v: &[f64]| {
            let m = mean(v);
            v.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / v.len() as f64
        };
        assert!(uniforms.iter().all(|u| (0.0..1.0).contains(u)));
        assert!((mean(&uniforms) - 0.5).abs() < 0.005);
        assert!((variance(&uniforms) - 1.0 / 12.0).abs() < 0.002);
        assert!(mean(&normals).abs() < 0.01);
        assert!((variance(&normals) - 1.0).abs() < 0.02);
    }

    #[test]
    fn distinct_indices_are_distinct_sorted_and_capped() {
        let mut rng = Rng::new(3);
        for count in [0, 1, 4, 10, 12] {
            let batch = rng.distinct_indices(10, count);
            assert_eq!(batch.len(), count.min(10));
            assert!(batch.windows(2).all(|w| w[0] < w[1]), "{batch:?}");
            assert!(batch.iter().all(|&i| i < 10));
        }
        assert_eq!(rng.distinct_indices(10, 10), (0..10).collect::<Vec<_>>());
        assert!(rng.distinct_indices(0, 3).is_empty());
    }

    #[test]
    fn below_stays_below_and_covers_its_range() {
        let mut rng = Rng::new(11);
        let mut seen = [0usize; 6];
        for _ in 0..6000 {
            seen[rng.below(6)] += 1;
        }
        assert!(
            seen.iter().all(|&count| (800..1200).contains(&count)),
            "{seen:?}"
        );
        assert_eq!(rng.below(0), 0);
    }
}
