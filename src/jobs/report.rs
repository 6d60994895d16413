//! What the worker tells the page about the network lab, and how each report is packed into numbers
//! ([`LabReport::pack`]) and read back ([`LabReport::unpack`]). Only numbers cross: the page draws them and
//! never needs the network itself.

use super::pack::{Packer, Unpacker};
use crate::analysis::{PointKind, Slice};
use crate::network::{Inspection, SolverStatus};

/// Where training stands, as the lab shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrainingState {
    /// Playing (or stepping).
    Running,
    /// Stopped by the page, or not started.
    Paused,
    /// The stall rule fired: the loss stopped going down.
    Stalled,
    /// The step limit came first.
    StepLimit,
    /// L became non-finite or grew a millionfold.
    Diverged,
}

impl TrainingState {
    /// Every state, in the order packed reports number them.
    pub const ALL: [TrainingState; 5] = [
        TrainingState::Running,
        TrainingState::Paused,
        TrainingState::Stalled,
        TrainingState::StepLimit,
        TrainingState::Diverged,
    ];

    /// The name tests and the page's `data-` attributes use.
    pub fn name(self) -> &'static str {
        match self {
            TrainingState::Running => "running",
            TrainingState::Paused => "paused",
            TrainingState::Stalled => "stalled",
            TrainingState::StepLimit => "step-limit",
            TrainingState::Diverged => "diverged",
        }
    }
}

/// The data the lab was set up with and where training starts.
#[derive(Debug, Clone, PartialEq)]
pub struct LabSetup {
    /// P.
    pub parameter_count: usize,
    /// 1 (the regression) or 2.
    pub inputs: usize,
    /// The training set: x row by row (`inputs` numbers each), y one number each.
    pub train_x: Vec<f64>,
    /// The training set's targets, one per example.
    pub train_y: Vec<f64>,
    /// The test set's inputs, laid out as `train_x`.
    pub test_x: Vec<f64>,
    /// The test set's targets, one per example.
    pub test_y: Vec<f64>,
    /// The box the predictions are sampled over: [x_min, x_max, y_min, y_max] for 2 inputs, where
    /// [`TrainingProgress::predictions`] holds a grid of [`PREDICTION_GRID`]² values, row 0 at the top;
    /// for 1 input only x_min and x_max count, over which it holds [`PREDICTION_GRID`] values.
    pub bounds: [f64; 4],
    /// The state at θ₀, predictions included.
    pub state: TrainingProgress,
}

/// Predictions per side of the decision map (and along x for the regression).
pub const PREDICTION_GRID: usize = 64;

impl LabSetup {
    /// N.
    pub fn examples(&self) -> usize {
        self.train_y.len()
    }
}

/// Training since the last report.
#[derive(Debug, Clone, PartialEq)]
pub struct TrainingProgress {
    /// The training loss L(θₖ) for k = `first_step`, `first_step` + 1, … (θₖ: after k updates).
    pub first_step: usize,
    /// L(θₖ) for each update since the last report, from k = `first_step` on.
    pub losses: Vec<f64>,
    /// Updates taken so far; θ is θ_step.
    pub step: usize,
    /// L, the test loss and ‖∇L‖ at θ_step.
    pub loss: f64,
    /// The test loss at θ_step, `None` without test data.
    pub test_loss: Option<f64>,
    /// ‖∇L‖ at θ_step.
    pub gradient_norm: f64,
    /// Where training stands after these steps.
    pub state: TrainingState,
    /// ŷ over the setup's box (see [`LabSetup::bounds`]), when sent.
    pub predictions: Option<Vec<f64>>,
}

/// A solve under way.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SolveProgress {
    /// Newton-MR iterations done.
    pub iterations: usize,
    /// The iteration limit.
    pub max_iterations: usize,
    /// ‖∇L‖ after the last accepted step (at the start before the first); NaN if unknown.
    pub gradient_norm: f64,
}

/// Where a solve ended and how it got there.
#[derive(Debug, Clone, PartialEq)]
pub struct SolveOutcome {
    /// Why the solve stopped.
    pub status: SolverStatus,
    /// Newton-MR iterations taken.
    pub iterations: usize,
    /// ‖θ_end − θ_start‖.
    pub distance: f64,
    /// L and ‖∇L‖ where the solve started.
    pub start_loss: f64,
    /// ‖∇L‖ where the solve started.
    pub start_gradient_norm: f64,
    /// ‖∇L‖ at the start and after each accepted step.
    pub gradient_norms: Vec<f64>,
    /// The second-order test where it ended.
    pub inspection: Inspection,
}

/// L on a plane through θ: `loss[row][column]` = L(θ + `a[column]`·d₁ + `b[row]`·d₂).
#[derive(Debug, Clone, PartialEq)]
pub struct PlaneSlice {
    /// Offsets along d₁, ascending through 0: the columns.
    pub a: Vec<f64>,
    /// Offsets along d₂, ascending through 0: the rows.
    pub b: Vec<f64>,
    /// Row by row, `a.len()` values each.
    pub loss: Vec<f64>,
    /// dᵀHd along each direction.
    pub curvatures: [f64; 2],
}

/// The pictures of the loss through θ.
#[derive(Debug, Clone, PartialEq)]
pub struct SliceSet {
    /// Along u_min and u_max.
    pub eigen: PlaneSlice,
    /// Along two filter-normalized random directions.
    pub random: PlaneSlice,
    /// L along u_min, with its quadratic model.
    pub profile_t: Vec<f64>,
    /// L at each t of `profile_t`.
    pub profile_loss: Vec<f64>,
    /// The quadratic model at each t: L + t·gᵀu + ½t²·uᵀHu.
    pub profile_model: Vec<f64>,
    /// L(θ), ∇L's slope along u_min and the second-order test's verdict at θ.
    pub loss: f64,
    /// ∇L's slope along u_min at θ.
    pub slope: f64,
    /// The second-order test's verdict at θ.
    pub kind: PointKind,
}

impl SliceSet {
    /// The profile along u_min as the slice chart draws a line through a point: t from θ, its curvature
    /// uᵀHu = λ_min, and the eigen plane's two curvatures as the range the chart judges "flat" against.
    pub fn profile(&self) -> Slice {
        let [lowest, highest] = self.eigen.curvatures;
        Slice {
            through: [0.0, 0.0],
            direction: [1.0, 0.0],
            value: self.loss,
            slope: self.slope,
            curvature: lowest,
            eigenvalues: [lowest.min(highest), lowest.max(highest)],
            samples: self
                .profile_t
                .iter()
                .zip(&self.profile_loss)
                .map(|(&t, &l)| [t, l])
                .collect(),
            test_samples: None,
        }
    }
}

/// The escape step along u_min.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EscapeOutcome {
    /// The step it was taken at.
    pub step: usize,
    /// λ_min.
    pub eigenvalue: f64,
    /// How far along ±u_min the step went.
    pub length: f64,
    /// L before the step.
    pub loss_before: f64,
    /// L after the step.
    pub loss_after: f64,
}

/// One finished run of the experiment or sweep.
#[derive(Debug, Clone, PartialEq)]
pub struct ExperimentRun {
    /// Which size of the sweep (0 for the experiment).
    pub size: usize,
    /// P at this size.
    pub parameter_count: usize,
    /// The run's index within its size; with the lab's seed it fixes the run.
    pub run: usize,
    /// Where training stalled: its steps, L and ‖∇L‖.
    pub stalled_steps: usize,
    /// L where training stalled.
    pub stalled_loss: f64,
    /// ‖∇L‖ where training stalled.
    pub stalled_gradient_norm: f64,
    /// How the solve from there ended.
    pub solver: SolverStatus,
    /// Newton-MR iterations the solve took.
    pub solver_iterations: usize,
    /// ‖θ_end − θ_stalled‖: how far the solve moved.
    pub distance: f64,
    /// The second-order test where the solve ended.
    pub inspection: Inspection,
}

/// A run's identity in an experiment or a sweep: (size, run). Its place in a list is not one, since runs
/// arrive from several workers in any order and each is filed where it sorts.
pub type RunId = (usize, usize);

impl ExperimentRun {
    /// Which run this is, whatever arrived before it.
    pub fn id(&self) -> RunId {
        (self.size, self.run)
    }
}

/// Every report the lab's jobs send.
#[derive(Debug, Clone, PartialEq)]
pub enum LabReport {
    /// A new network: its data and the state at θ₀.
    Setup(LabSetup),
    /// Training since the last report, or the state after a restore.
    Training(TrainingProgress),
    /// The second-order test at θ.
    Inspected(Inspection),
    /// A solve's progress between iterations.
    Solving(SolveProgress),
    /// Where a solve ended.
    Solved(SolveOutcome),
    /// The slices through θ.
    Slices(SliceSet),
    /// The escape step taken along u_min.
    Escaped(EscapeOutcome),
    /// One finished run of an experiment or sweep.
    Run(ExperimentRun),
}

const SOLVER_STATUSES: [SolverStatus; 4] = [
    SolverStatus::Converged,
    SolverStatus::GradientFlat,
    SolverStatus::IterationLimit,
    SolverStatus::Diverged,
];

impl LabReport {
    /// The report as numbers: its tag, then its fields in order.
    pub fn pack(&self) -> Vec<f64> {
        let mut p = Packer::tagged(self.tag());
        match self {
            LabReport::Setup(setup) => {
                p.count(setup.parameter_count)
                    .count(setup.inputs)
                    .numbers(&setup.train_x)
                    .numbers(&setup.train_y)
                    .numbers(&setup.test_x)
                    .numbers(&setup.test_y);
                for bound in setup.bounds {
                    p.number(bound);
                }
                pack_training(&mut p, &setup.state);
            }
            LabReport::Training(progress) => pack_training(&mut p, progress),
            LabReport::Inspected(inspection) => pack_inspection(&mut p, inspection),
            LabReport::Solving(progress) => {
                p.count(progress.iterations)
                    .count(progress.max_iterations)
                    .number(progress.gradient_norm);
            }
            LabReport::Solved(outcome) => {
                p.index_in(&outcome.status, &SOLVER_STATUSES)
                    .count(outcome.iterations)
                    .number(outcome.distance)
                    .number(outcome.start_loss)
                    .number(outcome.start_gradient_norm)
                    .numbers(&outcome.gradient_norms);
                pack_inspection(&mut p, &outcome.inspection);
            }
            LabReport::Slices(slices) => {
                pack_plane(&mut p, &slices.eigen);
                pack_plane(&mut p, &slices.random);
                p.numbers(&slices.profile_t)
                    .numbers(&slices.profile_loss)
                    .numbers(&slices.profile_model)
                    .number(slices.loss)
                    .number(slices.slope)
                    .index_in(&slices.kind, &PointKind::ALL);
            }
            LabReport::Escaped(escape) => {
                p.count(escape.step)
                    .number(escape.eigenvalue)
                    .number(escape.length)
                    .number(escape.loss_before)
                    .number(escape.loss_after);
            }
            LabReport::Run(run) => {
                p.count(run.size)
                    .count(run.parameter_count)
                    .count(run.run)
                    .count(run.stalled_steps)
                    .number(run.stalled_loss)
                    .number(run.stalled_gradient_norm)
                    .index_in(&run.solver, &SOLVER_STATUSES)
                    .count(run.solver_iterations)
                    .number(run.distance);
                pack_inspection(&mut p, &run.inspection);
            }
        }
        p.finish()
    }

    /// Reads [`LabReport::pack`]'s numbers; `None` for anything else.
    pub fn unpack(packed: &[f64]) -> Option<LabReport> {
        let mut u = Unpacker::new(packed);
        let report = match u.count()? {
            0 => LabReport::Setup(LabSetup {
                parameter_count: u.count()?,
                inputs: u.count()?,
                train_x: u.numbers()?,
                train_y: u.numbers()?,
                test_x: u.numbers()?,
                test_y: u.numbers()?,
                bounds: [u.number()?, u.number()?, u.number()?, u.number()?],
                state: unpack_training(&mut u)?,
            }),
            1 => LabReport::Training(unpack_training(&mut u)?),
            2 => LabReport::Inspected(unpack_inspection(&mut u)?),
            3 => LabReport::Solving(SolveProgress {
                iterations: u.count()?,
                max_iterations: u.count()?,
                gradient_norm: u.number()?,
            }),
            4 => LabReport::Solved(SolveOutcome {
                status: u.index_in(&SOLVER_STATUSES)?,
                iterations: u.count()?,
                distance: u.number()?,
                start_loss: u.number()?,
                start_gradient_norm: u.number()?,
                gradient_norms: u.numbers()?,
                inspection: unpack_inspection(&mut u)?,
            }),
            5 => LabReport::Slices(SliceSet {
                eigen: unpack_plane(&mut u)?,
                random: unpack_plane(&mut u)?,
                profile_t: u.numbers()?,
                profile_loss: u.numbers()?,
                profile_model: u.numbers()?,
                loss: u.number()?,
                slope: u.number()?,
                kind: u.index_in(&PointKind::ALL)?,
            }),
            6 => LabReport::Escaped(EscapeOutcome {
                step: u.count()?,
                eigenvalue: u.number()?,
                length: u.number()?,
                loss_before: u.number()?,
                loss_after: u.number()?,
            }),
            7 => LabReport::Run(ExperimentRun {
                size: u.count()?,
                parameter_count: u.count()?,
                run: u.count()?,
                stalled_steps: u.count()?,
                stalled_loss: u.number()?,
                stalled_gradient_norm: u.number()?,
                solver: u.index_in(&SOLVER_STATUSES)?,
                solver_iterations: u.count()?,
                distance: u.number()?,
                inspection: unpack_inspection(&mut u)?,
            }),
            _ => return None,
        };
        u.end()?;
        Some(report)
    }

    fn tag(&self) -> usize {
        match self {
            LabReport::Setup(_) => 0,
            LabReport::Training(_) => 1,
            LabReport::Inspected(_) => 2,
            LabReport::Solving(_) => 3,
            LabReport::Solved(_) => 4,
            LabReport::Slices(_) => 5,
            LabReport::Escaped(_) => 6,
            LabReport::Run(_) => 7,
        }
    }
}

fn pack_training(p: &mut Packer, progress: &TrainingProgress) {
    p.count(progress.first_step)
        .numbers(&progress.losses)
        .count(progress.step)
        .number(progress.loss)
        .optional(progress.test_loss.filter(|v| !v.is_nan()))
        .number(progress.gradient_norm)
        .index_in(&progress.state, &TrainingState::ALL)
        .flag(progress.predictions.is_some())
        .numbers(progress.predictions.as_deref().unwrap_or_default());
}

fn unpack_training(u: &mut Unpacker) -> Option<TrainingProgress> {
    let first_step = u.count()?;
    let losses = u.numbers()?;
    let step = u.count()?;
    let loss = u.number()?;
    let test_loss = u.optional()?;
    let gradient_norm = u.number()?;
    let state = u.index_in(&TrainingState::ALL)?;
    let sent = u.flag()?;
    let predictions = u.numbers()?;
    Some(TrainingProgress {
        first_step,
        losses,
        step,
        loss,
        test_loss,
        gradient_norm,
        state,
        predictions: sent.then_some(predictions),
    })
}

fn pack_inspection(p: &mut Packer, inspection: &Inspection) {
    p.number(inspection.loss)
        .optional(inspection.test_loss.filter(|v| !v.is_nan()))
        .number(inspection.gradient_norm)
        .numbers(&inspection.eigenvalues)
        .flag(inspection.converged)
        .index_in(&inspection.kind, &PointKind::ALL)
        .count(inspection.negative)
        .count(inspection.positive)
        .count(inspection.undetermined)
        .number(inspection.minimum_ratio)
        .number(inspection.minimum_ratio_range[0])
        .number(inspection.minimum_ratio_range[1])
        .number(inspection.gradient_tolerance)
        .number(inspection.undetermined_band);
}

fn unpack_inspection(u: &mut Unpacker) -> Option<Inspection> {
    Some(Inspection {
        loss: u.number()?,
        test_loss: u.optional()?,
        gradient_norm: u.number()?,
        eigenvalues: u.numbers()?,
        converged: u.flag()?,
        kind: u.index_in(&PointKind::ALL)?,
        negative: u.count()?,
        positive: u.count()?,
        undetermined: u.count()?,
        minimum_ratio: u.number()?,
        minimum_ratio_range: [u.number()?, u.number()?],
        gradient_tolerance: u.number()?,
        undetermined_band: u.number()?,
    })
}

fn pack_plane(p: &mut Packer, plane: &PlaneSlice) {
    p.numbers(&plane.a)
        .numbers(&plane.b)
        .numbers(&plane.loss)
        .number(plane.curvatures[0])
        .number(plane.curvatures[1]);
}

fn unpack_plane(u: &mut Unpacker) -> Option<PlaneSlice> {
    let plane = PlaneSlice {
        a: u.numbers()?,
        b: u.numbers()?,
        loss: u.numbers()?,
        curvatures: [u.number()?, u.number()?],
    };
    (plane.loss.len() == plane.a.len() * plane.b.len()).then_some(plane)
}
