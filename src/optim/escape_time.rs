//! How long optimizers take to leave a saddle, side by side: full-batch gradient descent against SGD at
//! several batch sizes, from one start.
//!
//! Batch noise helps only through its component along the saddle's negative-curvature direction u
//! (uᵀHu = λ < 0): a push along u grows by a factor of about 1 + η|λ| a step, a push along a direction of
//! positive curvature is pulled back. Noise with no such component — every example's gradient zero at the
//! saddle, or all of them along its stable directions — leaves a run that starts on a stable direction
//! exactly as stuck as full-batch descent.

use super::{Hyperparameters, OptimizerKind, Run};
use crate::surface::{LossSurface, Point};

/// The step at which a run from `start` first has L < `level` (the start is step 0), or `None` if it does
/// not within `max_steps` steps (or finishes first: at rest, or diverged).
pub fn steps_below<S: LossSurface + ?Sized>(
    surface: &S,
    kind: OptimizerKind,
    hyper: Hyperparameters,
    start: Point,
    level: f64,
    max_steps: usize,
) -> Option<usize> {
    let mut run = Run::new(kind, hyper, start);
    for _ in 0..max_steps {
        let finished = run.step(surface).is_finished();
        if run.losses().last().is_some_and(|&l| l < level) {
            return Some(run.steps());
        }
        if finished {
            return None;
        }
    }
    None
}

/// SGD's escape at one batch size, over several seeds.
#[derive(Debug, Clone, PartialEq)]
pub struct BatchEscape {
    /// B, the examples per batch.
    pub batch: usize,
    /// One entry per seed, in the order given: steps to L < level, `None` if not within the limit.
    pub steps: Vec<Option<usize>>,
}

impl BatchEscape {
    /// The median over seeds, counting a run that did not get below the level as slower than any that did:
    /// `None` when half or more did not.
    pub fn median(&self) -> Option<usize> {
        let mut sorted = self.steps.clone();
        // `None` sorts first; put it last.
        sorted.sort_by_key(|s| s.map_or((1, 0), |n| (0, n)));
        sorted
            .get(sorted.len().saturating_sub(1) / 2)
            .copied()
            .flatten()
    }
}

/// Escape times side by side from one start at one η.
#[derive(Debug, Clone, PartialEq)]
pub struct EscapeTimes {
    /// Full-batch gradient descent (deterministic: one run).
    pub full_batch: Option<usize>,
    /// SGD at each batch size asked for, in that order.
    pub sgd: Vec<BatchEscape>,
}

/// Steps until L < `level` for gradient descent and for SGD at each of `batches` with each of `seeds`, all
/// from `start` at `learning_rate`, each run capped at `max_steps`.
pub fn escape_times<S: LossSurface + ?Sized>(
    surface: &S,
    start: Point,
    learning_rate: f64,
    batches: &[usize],
    seeds: &[u64],
    level: f64,
    max_steps: usize,
) -> EscapeTimes {
    let hyper = |batch: usize, seed: u64| Hyperparameters {
        learning_rate,
        batch,
        seed,
        ..Hyperparameters::default()
    };
    let full_batch = steps_below(
        surface,
        OptimizerKind::Gd,
        hyper(1, 0),
        start,
        level,
        max_steps,
    );
    let sgd = batches
        .iter()
        .map(|&batch| BatchEscape {
            batch,
            steps: seeds
                .iter()
                .map(|&seed| {
                    steps_below(
                        surface,
                        OptimizerKind::Sgd,
                        hyper(batch, seed),
                        start,
                        level,
                        max_steps,
                    )
                })
                .collect(),
        })
        .collect();
    EscapeTimes { full_batch, sgd }
}
