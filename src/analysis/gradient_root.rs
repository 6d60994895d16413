//! Damped Newton on ∇L = 0: walks from one seed to a nearby critical point, whatever its kind.
//!
//! Minimizers only find minima; Newton on the gradient finds saddles and maxima too,
//! which is the whole point of the critical-point map.

use super::symmetric_eigen;
use crate::bounds::Bounds;
use crate::surface::{Derivatives, LossSurface, Point};

/// Derivative evaluations one seed may spend: bounds the work even where Newton wanders.
const MAX_EVALUATIONS: usize = 60;

/// Eigenvalues below this fraction of the largest are damped (Levenberg–Marquardt):
/// along a valley of critical points the Hessian is singular and a bare Newton step would shoot off along it.
const SINGULAR_RATIO: f64 = 1e-10;

/// Halvings of a step before the seed gives up: the direction is always downhill for ‖∇L‖², so
/// failing this often means a non-zero local minimum of ‖∇L‖, not a critical point.
const MAX_HALVINGS: usize = 12;

/// Armijo constant: a step must shrink ‖∇L‖ by at least this fraction of its length.
const SUFFICIENT_DECREASE: f64 = 1e-4;

/// A step only has to beat the largest ‖∇L‖ of this many recent iterates (non-monotone line search):
/// Newton following a curved valley (Rosenbrock) briefly raises ‖∇L‖, and a strict decrease would crawl.
const NONMONOTONE_MEMORY: usize = 5;

/// Newton steps taken after ‖∇L‖ is already small enough, to pin down the point: on a plateau where
/// the gradient merely underflows, Newton would otherwise keep walking outwards until the budget ends.
const POLISHING_STEPS: usize = 8;

/// Steps shrinking by a steady ratio in this range mean Newton creeps linearly into a degenerate
/// critical point (x⁴ + y⁴, the monkey saddle); jumping the whole geometric series lands on it at once.
const LINEAR_CONVERGENCE: std::ops::RangeInclusive<f64> = 0.2..=0.95;

/// Consecutive steps this parallel (cosine) count as one straight creep.
const PARALLEL_COSINE: f64 = 0.99;

/// How a seed's walk decides that it has arrived, and where it gives up.
#[derive(Debug, Clone, Copy)]
pub(super) struct RootSearch {
    /// A point is a critical point when ‖∇L‖ ≤ this.
    pub accept: f64,
    /// Once accepted, the walk stops when the next Newton step is shorter than this.
    pub step_tolerance: f64,
    /// Longest single step: Newton near a singular Hessian proposes absurd leaps.
    pub max_step: f64,
    /// Leaving this region abandons the seed: whatever it would converge to is too far out to matter.
    pub reach: Bounds,
}

/// A point where the gradient vanishes to within the search's tolerance.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Root {
    pub at: Point,
    pub gradient_norm: f64,
}

impl RootSearch {
    /// Newton from `start`, or `None` when it does not reach a finite critical point within the budget.
    pub fn converge_from<S: LossSurface + ?Sized>(
        &self,
        surface: &S,
        start: Point,
    ) -> Option<Root> {
        self.converge_from_evaluated(surface, start, surface.derivatives(start))
    }

    /// [`RootSearch::converge_from`] for a start whose derivatives are already known (`here` = derivatives at `start`).
    pub fn converge_from_evaluated<S: LossSurface + ?Sized>(
        &self,
        surface: &S,
        start: Point,
        here: Derivatives,
    ) -> Option<Root> {
        let mut walk = Walk {
            surface,
            at: start,
            here,
            evaluations: 1,
            recent: [here.gradient_norm(); NONMONOTONE_MEMORY],
        };
        let mut previous_step: Option<[f64; 2]> = None;
        let mut polishing_steps = 0;
        while walk.evaluations < MAX_EVALUATIONS && polishing_steps <= POLISHING_STEPS {
            if !walk.here.is_finite() || !self.reach.contains(walk.at) {
                return None;
            }
            let residual = walk.here.gradient_norm();
            if residual == 0.0 {
                break;
            }
            let Some(step) = damped_newton_step(&walk.here) else {
                break;
            };
            let step = limit_length(step, self.max_step);
            if residual <= self.accept {
                if length(step) <= self.step_tolerance {
                    break;
                }
                polishing_steps += 1;
            }
            let jumped = previous_step
                .and_then(|previous| series_jump(previous, step))
                .is_some_and(|jump| walk.try_scaled_step(jump, 1.0));
            if jumped {
                previous_step = None;
                continue;
            }
            match walk.line_search(step) {
                Some(full) => previous_step = full.then_some(step),
                None => break,
            }
        }
        let residual = walk.here.gradient_norm();
        (walk.here.is_finite() && residual <= self.accept && self.reach.contains(walk.at))
            .then_some(Root {
                at: walk.at,
                gradient_norm: residual,
            })
    }
}

/// The current iterate of one seed's walk.
struct Walk<'a, S: ?Sized> {
    surface: &'a S,
    at: Point,
    here: Derivatives,
    evaluations: usize,
    /// ‖∇L‖ at the last few iterates, the newest last.
    recent: [f64; NONMONOTONE_MEMORY],
}

impl<S: LossSurface + ?Sized> Walk<'_, S> {
    /// Moves by `fraction` of `step` if that lowers ‖∇L‖ enough below the recent iterates'.
    fn try_scaled_step(&mut self, step: [f64; 2], fraction: f64) -> bool {
        let candidate = [
            self.at[0] + fraction * step[0],
            self.at[1] + fraction * step[1],
        ];
        let there = self.surface.derivatives(candidate);
        self.evaluations += 1;
        let reference = self.recent.iter().copied().fold(0.0, f64::max);
        let enough = (1.0 - SUFFICIENT_DECREASE * fraction) * reference;
        let accepted = there.is_finite() && there.gradient_norm() <= enough;
        if accepted {
            self.at = candidate;
            self.here = there;
            self.recent.rotate_left(1);
            if let Some(newest) = self.recent.last_mut() {
                *newest = there.gradient_norm();
            }
        }
        accepted
    }

    /// Backtracking along `step`: `Some(true)` if the full step was taken, `Some(false)` for a shortened one,
    /// `None` if no fraction helped (or the budget ran out).
    fn line_search(&mut self, step: [f64; 2]) -> Option<bool> {
        let mut fraction = 1.0;
        for _ in 0..=MAX_HALVINGS {
            if self.evaluations >= MAX_EVALUATIONS {
                return None;
            }
            if self.try_scaled_step(step, fraction) {
                return Some(fraction == 1.0);
            }
            fraction *= 0.5;
        }
        None
    }
}

/// The Newton step −H⁻¹g in the Hessian's eigenbasis, with Levenberg–Marquardt damping
/// λ/(λ² + μ) instead of 1/λ so (near-)zero eigenvalues contribute nothing instead of infinity.
///
/// Always a descent direction for ‖∇L‖²; `None` when the Hessian vanishes (no curvature to follow).
fn damped_newton_step(here: &Derivatives) -> Option<[f64; 2]> {
    let eigen = symmetric_eigen(here.hessian);
    let largest = eigen.values[0].abs().max(eigen.values[1].abs());
    if !(largest.is_finite() && largest > 0.0) {
        return None;
    }
    let damping = (SINGULAR_RATIO * largest).powi(2);
    let gradient = here.gradient;
    let mut step = [0.0; 2];
    for (lambda, direction) in eigen.values.into_iter().zip(eigen.vectors) {
        let denominator = lambda * lambda + damping;
        if denominator > 0.0 {
            let along = direction[0] * gradient[0] + direction[1] * gradient[1];
            let amount = -lambda * along / denominator;
            step[0] += amount * direction[0];
            step[1] += amount * direction[1];
        }
    }
    (step.iter().all(|s| s.is_finite()) && step != [0.0, 0.0]).then_some(step)
}

/// If `step` continues `previous` in a straight line, shrunk by a steady ratio ρ, the remaining
/// distance is the geometric series step/(1 − ρ): returns that jump.
fn series_jump(previous: [f64; 2], step: [f64; 2]) -> Option<[f64; 2]> {
    let (previous_length, step_length) = (length(previous), length(step));
    if previous_length == 0.0 || step_length == 0.0 {
        return None;
    }
    let cosine = (previous[0] * step[0] + previous[1] * step[1]) / (previous_length * step_length);
    let ratio = step_length / previous_length;
    (cosine >= PARALLEL_COSINE && LINEAR_CONVERGENCE.contains(&ratio)).then(|| {
        let stretch = 1.0 / (1.0 - ratio);
        [step[0] * stretch, step[1] * stretch]
    })
}

fn length(v: [f64; 2]) -> f64 {
    v[0].hypot(v[1])
}

fn limit_length(step: [f64; 2], max: f64) -> [f64; 2] {
    let current = length(step);
    if current > max {
        let scale = max / current;
        [step[0] * scale, step[1] * scale]
    } else {
        step
    }
}
