//! One optimizer racing from one start point: its trajectory, and the verdict on where it ended up.

use serde::Serialize;

use super::{Hyperparameters, Optimizer, OptimizerKind};
use crate::analysis::{analyze, PointAnalysis, GRADIENT_TOLERANCE};
use crate::data::Rng;
use crate::surface::{Derivatives, LossSurface, Point};

/// A coordinate beyond ±this means the run has flown off; the plot could not show it anyway.
pub const DIVERGENCE_LIMIT: f64 = 1e6;

/// A run has come to rest when, besides its gradient being ~0, its next step would be no longer than this.
///
/// Without it, momentum coasting over a saddle at speed, or the eigen-escape about to leave one,
/// would be called stalled there.
pub const REST_TOLERANCE: f64 = 1e-6;

/// Where a run stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RunStatus {
    Running,
    /// At rest where no eigenvalue is clearly negative: a local minimum, or a degenerate point
    /// the second-order test cannot call.
    Converged,
    /// At rest where the Hessian has a clearly negative eigenvalue (a saddle, rarely a maximum):
    /// the gradient is ~0 but L could still fall.
    StalledAtSaddle,
    /// The next point was undefined, non-finite or beyond [`DIVERGENCE_LIMIT`]; it is not recorded.
    Diverged,
    /// [`Run::run`] used up its step budget first.
    MaxSteps,
}

impl RunStatus {
    /// The name used in the JSON.
    pub fn name(self) -> &'static str {
        match self {
            RunStatus::Running => "running",
            RunStatus::Converged => "converged",
            RunStatus::StalledAtSaddle => "stalled-at-saddle",
            RunStatus::Diverged => "diverged",
            RunStatus::MaxSteps => "max-steps",
        }
    }

    pub fn is_finished(self) -> bool {
        self != RunStatus::Running
    }
}

/// One optimizer racing from one start point.
///
/// The run only meets the surface when stepped, so the start point is checked and recorded by the first
/// [`step`](Run::step): until then the trajectory is empty. The verdict is taken after each step, on the
/// new point: a run started exactly at a critical point takes one zero-length step and then reports it
/// (gradient descent at the lecture's saddle: `StalledAtSaddle` after step 1).
///
/// A stochastic run (SGD) steps on mini-batch gradients but is judged on the full gradient, like every
/// other run: one small batch gradient does not put it at rest, and batch noise around a minimum whose
/// full gradient is ~0 does not keep it running.
#[derive(Clone, Debug)]
pub struct Run {
    kind: OptimizerKind,
    optimizer: Box<dyn Optimizer>,
    start: Point,
    trajectory: Vec<Point>,
    losses: Vec<f64>,
    /// The analysis of the last trajectory point, which the next step starts from.
    here: Option<PointAnalysis>,
    status: RunStatus,
    /// Mini-batch size and sampler, for kinds that [sample batches](OptimizerKind::samples_batches).
    batches: Option<(usize, Rng)>,
}

impl Run {
    pub fn new(kind: OptimizerKind, hyper: Hyperparameters, start: Point) -> Run {
        Run {
            kind,
            optimizer: kind.optimizer(hyper),
            start,
            trajectory: Vec::new(),
            losses: Vec::new(),
            here: None,
            status: RunStatus::Running,
            batches: kind
                .samples_batches()
                .then(|| (hyper.batch, Rng::new(hyper.seed))),
        }
    }

    pub fn kind(&self) -> OptimizerKind {
        self.kind
    }

    /// A momentum run's velocity (its last movement) and knobs, read-only; `None` for other optimizers.
    pub fn momentum(&self) -> Option<super::MomentumState> {
        self.optimizer.momentum()
    }

    /// Takes exactly one optimizer step and returns the new status; does nothing once finished.
    pub fn step<S: LossSurface + ?Sized>(&mut self, surface: &S) -> RunStatus {
        if self.status.is_finished() {
            return self.status;
        }
        let here = match self.here {
            Some(here) => here,
            None => match self.record(surface, self.start) {
                Some(start) => start,
                None => return self.finish(RunStatus::Diverged),
            },
        };
        let loss = |at: Point| surface.value(at);
        let seen = self.with_batch_gradient(surface, here);
        let next = self.optimizer.step(&seen, &loss);
        let Some(there) = self.record(surface, next) else {
            return self.finish(RunStatus::Diverged);
        };
        self.status = self.verdict(&there, &loss);
        self.status
    }

    /// Steps until the run finishes or `max_steps` more steps are taken, which finishes it as `MaxSteps`.
    pub fn run<S: LossSurface + ?Sized>(&mut self, surface: &S, max_steps: usize) -> RunStatus {
        for _ in 0..max_steps {
            if self.step(surface).is_finished() {
                return self.status;
            }
        }
        if !self.status.is_finished() {
            self.status = RunStatus::MaxSteps;
        }
        self.status
    }

    /// Every point the run has visited, start first; all finite, all within [`DIVERGENCE_LIMIT`].
    pub fn trajectory(&self) -> &[Point] {
        &self.trajectory
    }

    /// L at each trajectory point; all finite.
    pub fn losses(&self) -> &[f64] {
        &self.losses
    }

    pub fn status(&self) -> RunStatus {
        self.status
    }

    /// Steps whose point joined the trajectory (a diverging step does not).
    pub fn steps(&self) -> usize {
        self.trajectory.len().saturating_sub(1)
    }

    /// The last trajectory point, or the start before the first step.
    pub fn position(&self) -> Point {
        self.trajectory.last().copied().unwrap_or(self.start)
    }

    /// Analyzes `at` and appends it to the trajectory, unless it is unusable: then `None`.
    fn record<S: LossSurface + ?Sized>(&mut self, surface: &S, at: Point) -> Option<PointAnalysis> {
        if !at.iter().all(|c| c.abs() <= DIVERGENCE_LIMIT) {
            return None;
        }
        let analysis = analyze(surface, at);
        if !analysis.derivatives.is_finite() {
            return None;
        }
        self.trajectory.push(at);
        self.losses.push(analysis.derivatives.value);
        self.here = Some(analysis);
        Some(analysis)
    }

    /// `here` as the optimizer should see it: with a mini-batch gradient in place of the full one when the
    /// run samples batches and the surface has data; unchanged otherwise.
    fn with_batch_gradient<S: LossSurface + ?Sized>(
        &mut self,
        surface: &S,
        here: PointAnalysis,
    ) -> PointAnalysis {
        let Some((batch_size, rng)) = self.batches.as_mut() else {
            return here;
        };
        match surface.minibatch_gradient(here.at, *batch_size, rng) {
            Some(gradient) => PointAnalysis {
                derivatives: Derivatives {
                    gradient,
                    ..here.derivatives
                },
                ..here
            },
            None => here,
        }
    }

    /// Where the run stands at `there`. Being at rest is judged by trying the next step on a copy of
    /// the optimizer, so momentum's velocity and the eigen-escape's jump count without either
    /// optimizer having to describe them.
    fn verdict(&self, there: &PointAnalysis, loss: &dyn Fn(Point) -> f64) -> RunStatus {
        if there.derivatives.gradient_norm() > GRADIENT_TOLERANCE {
            return RunStatus::Running;
        }
        let next = self.optimizer.clone().step(there, loss);
        let next_move = (next[0] - there.at[0]).hypot(next[1] - there.at[1]);
        if next_move.is_nan() || next_move > REST_TOLERANCE {
            return RunStatus::Running;
        }
        match there.escape_direction() {
            Some(_) => RunStatus::StalledAtSaddle,
            None => RunStatus::Converged,
        }
    }

    fn finish(&mut self, status: RunStatus) -> RunStatus {
        self.status = status;
        status
    }
}
