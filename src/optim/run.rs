//! One optimizer racing from one start point: its trajectory, and the verdict on where it ended up.

use serde::Serialize;

use super::{Hyperparameters, Optimizer, OptimizerKind};
use crate::analysis::{analyze, PointAnalysis, PointKind, LENGTH_TOLERANCE};
use crate::data::Rng;
use crate::surface::{Derivatives, LossSurface, Point};

/// A coordinate beyond ±this means the run has flown off; the plot could not show it anyway.
pub const DIVERGENCE_LIMIT: f64 = 1e6;

/// Where a run stands.
///
/// A run is at rest when its point is critical (the quadratic model's critical point within
/// [`LENGTH_TOLERANCE`]) and its next step would be no longer than [`LENGTH_TOLERANCE`]: without the
/// second condition momentum coasting over a saddle at speed, or the eigen-escape about to leave one,
/// would be called stalled there. At rest, the eigenvalues' signs ([`crate::analysis::analyze`]) name the
/// status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RunStatus {
    /// Still on its way: not stepped yet, or its point is not at rest.
    Running,
    /// At rest where every eigenvalue is clearly positive: a strict local minimum.
    Converged,
    /// At rest where no eigenvalue is clearly negative but one is ≈ 0: the second-order test cannot
    /// decide (a valley of minima such as the lecture's w₁w₂ = 1, a degenerate saddle such as x² − y⁴).
    StalledFlat,
    /// At rest where some eigenvalue is clearly negative and not all are: not a minimum, and L falls along
    /// the escape direction. A saddle, or, when the other eigenvalue is ≈ 0, a degenerate point the
    /// second-order test cannot tell from a maximum (−y² − x⁴).
    StalledAtSaddle,
    /// At rest where every eigenvalue is clearly negative: a strict local maximum.
    StalledAtMaximum,
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
            RunStatus::StalledFlat => "stalled-flat",
            RunStatus::StalledAtSaddle => "stalled-at-saddle",
            RunStatus::StalledAtMaximum => "stalled-at-maximum",
            RunStatus::Diverged => "diverged",
            RunStatus::MaxSteps => "max-steps",
        }
    }

    /// Whether the run is over: any status but `Running`; [`Run::step`] then does nothing.
    pub fn is_finished(self) -> bool {
        self != RunStatus::Running
    }

    /// The status of a run at rest at `point` (a critical point), from its kind and eigenvalue signs.
    fn at_rest(point: &PointAnalysis) -> RunStatus {
        match point.kind {
            PointKind::LocalMinimum => RunStatus::Converged,
            PointKind::LocalMaximum => RunStatus::StalledAtMaximum,
            PointKind::Saddle => RunStatus::StalledAtSaddle,
            _ if point.not_a_minimum() == Some(true) => RunStatus::StalledAtSaddle,
            _ => RunStatus::StalledFlat,
        }
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
    /// A run of `kind` that has not met the surface yet: its first step checks `start`.
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

    /// Which optimizer this run steps.
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

    /// Where the run stands after its last step.
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
        let examples = surface.training_examples();
        if examples == 0 {
            return here;
        }
        let batch = rng.minibatch(examples, *batch_size);
        PointAnalysis {
            derivatives: Derivatives {
                gradient: surface.batch_gradient(here.at, &batch),
                ..here.derivatives
            },
            ..here
        }
    }

    /// Where the run stands at `there`. Being at rest is judged by trying the next step on a copy of
    /// the optimizer, so momentum's velocity and the eigen-escape's jump count without either
    /// optimizer having to describe them.
    fn verdict(&self, there: &PointAnalysis, loss: &dyn Fn(Point) -> f64) -> RunStatus {
        if !there.kind.is_critical() {
            return RunStatus::Running;
        }
        let next = self.optimizer.clone().step(there, loss);
        let next_move = (next[0] - there.at[0]).hypot(next[1] - there.at[1]);
        if next_move.is_nan() || next_move > LENGTH_TOLERANCE {
            return RunStatus::Running;
        }
        RunStatus::at_rest(there)
    }

    fn finish(&mut self, status: RunStatus) -> RunStatus {
        self.status = status;
        status
    }
}
