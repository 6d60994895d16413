//! What the page knows of the lab: the worker's reports gathered into what it shows (the loss curves, the
//! last inspection, solve and slices, the experiment's runs merged from every worker). Pure, so the page
//! only draws it.

use super::report::{
    EscapeOutcome, ExperimentRun, LabReport, LabSetup, RunId, SliceSet, SolveOutcome,
    SolveProgress, TrainingState,
};
use crate::analysis::PointKind;
use crate::charts::{RatioPoint, SweepPoint};
use crate::i18n::ExperimentStatus;
use crate::network::Inspection;

/// Points a curve keeps, most: beyond, it keeps every other one.
pub const CURVE_POINTS: usize = 1000;

/// A loss curve as the page keeps it: every point whose step is a multiple of the stride, the stride
/// doubling (and the points halving) whenever there are more than [`CURVE_POINTS`]; and always the
/// latest point, so the line ends where training is.
#[derive(Debug, Clone, PartialEq)]
pub struct LossCurve {
    kept: Vec<[f64; 2]>,
    latest: Option<[f64; 2]>,
    stride: usize,
}

impl Default for LossCurve {
    fn default() -> LossCurve {
        LossCurve {
            kept: Vec::new(),
            latest: None,
            stride: 1,
        }
    }
}

impl LossCurve {
    /// Adds L at `step`; the same point again (a report's last and the next one's first) adds nothing.
    pub fn push(&mut self, step: usize, loss: f64) {
        let point = [step as f64, loss];
        if self.latest == Some(point) {
            return;
        }
        self.latest = Some(point);
        if !step.is_multiple_of(self.stride) {
            return;
        }
        self.kept.push(point);
        if self.kept.len() > CURVE_POINTS {
            self.stride *= 2;
            let stride = self.stride as f64;
            self.kept.retain(|p| p[0] % stride == 0.0);
        }
    }

    /// The kept points, then the latest one when it was not kept.
    pub fn points(&self) -> Vec<[f64; 2]> {
        let mut points = self.kept.clone();
        if let Some(latest) = self.latest.filter(|l| self.kept.last() != Some(l)) {
            points.push(latest);
        }
        points
    }
}

/// Where θ jumped without a training step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Jump {
    /// To a critical point (a solve, or back to one).
    Critical,
    /// Along u_min.
    Escape,
}

/// The lab as the page shows it.
#[derive(Debug, Clone, Default)]
pub struct LabView {
    /// The data and the predictions' box; `None` until the lab has a network.
    pub setup: Option<LabSetup>,
    /// Where training stands; `None` before the first report.
    pub state: Option<TrainingState>,
    /// Updates so far, and L, the test loss and ‖∇L‖ at θ.
    pub step: usize,
    /// L at θ.
    pub loss: f64,
    /// The test loss, `None` without test data (an escape keeps the last one known).
    pub test_loss: Option<f64>,
    /// ‖∇L‖ at θ; NaN after an escape, which does not measure it.
    pub gradient_norm: f64,
    /// L by step, jumps included.
    pub train_curve: LossCurve,
    /// The test loss by step, where reports gave it.
    pub test_curve: LossCurve,
    /// Where θ jumped, by step.
    pub jumps: Vec<(usize, Jump)>,
    /// ŷ over the setup's box (see [`LabSetup::bounds`]) from the latest report that carried them.
    pub predictions: Option<Vec<f64>>,
    /// The last inspection and the step it was taken at.
    pub inspection: Option<(usize, Inspection)>,
    /// The solve under way, if any.
    pub solving: Option<SolveProgress>,
    /// How the last solve ended.
    pub solved: Option<SolveOutcome>,
    /// The last slices; cleared when a solve or an escape moves θ.
    pub slices: Option<SliceSet>,
    /// The last escape step; cleared by a solve.
    pub escape: Option<EscapeOutcome>,
}

impl LabView {
    /// Takes one of the session's reports (an experiment's runs go to [`ExperimentResults`]).
    pub fn take(&mut self, report: LabReport) {
        match report {
            LabReport::Setup(setup) => {
                *self = LabView::default();
                let state = setup.state.clone();
                self.setup = Some(setup);
                self.take(LabReport::Training(state));
            }
            LabReport::Training(progress) => {
                for (k, &loss) in progress.losses.iter().enumerate() {
                    self.train_curve.push(progress.first_step + k, loss);
                }
                self.train_curve.push(progress.step, progress.loss);
                if let Some(test) = progress.test_loss {
                    self.test_curve.push(progress.step, test);
                }
                self.step = progress.step;
                self.loss = progress.loss;
                self.test_loss = progress.test_loss;
                self.gradient_norm = progress.gradient_norm;
                self.state = Some(progress.state);
                if progress.predictions.is_some() {
                    self.predictions = progress.predictions;
                }
            }
            LabReport::Inspected(inspection) => self.inspection = Some((self.step, inspection)),
            LabReport::Solving(progress) => self.solving = Some(progress),
            LabReport::Solved(outcome) => {
                self.solving = None;
                let at = &outcome.inspection;
                self.jumped(Jump::Critical, at.loss, at.test_loss, at.gradient_norm);
                self.inspection = Some((self.step, outcome.inspection.clone()));
                self.solved = Some(outcome);
                // The slices and the escape were of the point before.
                self.slices = None;
                self.escape = None;
            }
            LabReport::Slices(slices) => self.slices = Some(slices),
            LabReport::Escaped(escape) => {
                self.jumped(Jump::Escape, escape.loss_after, None, f64::NAN);
                self.escape = Some(escape);
                self.inspection = None;
                self.slices = None;
            }
            LabReport::Run(_) => {}
        }
    }

    /// θ moved at this step without training: the curve drops (or rises) there.
    fn jumped(&mut self, jump: Jump, loss: f64, test_loss: Option<f64>, gradient_norm: f64) {
        self.jumps.push((self.step, jump));
        self.train_curve.push(self.step, loss);
        if let Some(test) = test_loss {
            self.test_curve.push(self.step, test);
        }
        self.loss = loss;
        self.test_loss = test_loss.or(self.test_loss);
        self.gradient_norm = gradient_norm;
    }

    /// The inspection shown, if it is of θ as it is now.
    pub fn current_inspection(&self) -> Option<&Inspection> {
        match &self.inspection {
            Some((step, inspection)) if *step == self.step => Some(inspection),
            _ => None,
        }
    }

    /// Whether a solve reached a critical point that an escape along u_min can leave.
    pub fn can_escape(&self) -> bool {
        self.current_inspection().is_some_and(|i| {
            i.eigenvalues
                .first()
                .is_some_and(|&l| l < -i.undetermined_band)
        })
    }
}

/// One size's runs, counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SizeSummary {
    /// P of this size's networks.
    pub parameters: usize,
    /// Runs of this size that have arrived.
    pub runs: usize,
    /// Runs whose solve reached a critical point.
    pub converged: usize,
    /// Critical points the second-order test calls saddles.
    pub saddles: usize,
    /// Critical points the second-order test calls local minima.
    pub minima: usize,
}

/// The experiment's (or sweep's) runs as they arrive from the workers, kept in order of size and run.
#[derive(Debug, Clone, Default)]
pub struct ExperimentResults {
    /// Whether the runs are the sweep's (every size) rather than the experiment's.
    pub sweep: bool,
    /// Runs asked for, over all sizes.
    pub total: usize,
    runs: Vec<ExperimentRun>,
}

impl ExperimentResults {
    /// No runs yet, of `total` asked for.
    pub fn new(sweep: bool, total: usize) -> ExperimentResults {
        ExperimentResults {
            sweep,
            total,
            runs: Vec::new(),
        }
    }

    /// Adds a run from any worker, in its place by size and run.
    pub fn add(&mut self, run: ExperimentRun) {
        let at = self
            .runs
            .partition_point(|r| (r.size, r.run) < (run.size, run.run));
        self.runs.insert(at, run);
    }

    /// The runs so far, in order of size, then run.
    pub fn runs(&self) -> &[ExperimentRun] {
        &self.runs
    }

    /// How many runs have arrived.
    pub fn done(&self) -> usize {
        self.runs.len()
    }

    /// The runs that reached a critical point, as the scatter plots them, each with its [`RunId`].
    pub fn ratio_points(&self) -> Vec<(RunId, RatioPoint)> {
        self.runs
            .iter()
            .filter(|run| run.inspection.converged)
            .map(|run| {
                let at = &run.inspection;
                (
                    run.id(),
                    RatioPoint {
                        loss: at.loss,
                        ratio: at.minimum_ratio,
                        range: at.minimum_ratio_range,
                        kind: at.kind,
                    },
                )
            })
            .collect()
    }

    /// The run `id`, if it has arrived.
    pub fn run(&self, id: RunId) -> Option<&ExperimentRun> {
        self.runs.iter().find(|run| run.id() == id)
    }

    /// The runs that did not: a gradient-flat region, the iteration limit, or diverged.
    pub fn not_converged(&self) -> impl Iterator<Item = &ExperimentRun> {
        self.runs.iter().filter(|run| !run.inspection.converged)
    }

    /// Each size's counts, in size order.
    pub fn sizes(&self) -> Vec<SizeSummary> {
        let mut sizes: Vec<SizeSummary> = Vec::new();
        for run in &self.runs {
            if sizes.len() <= run.size {
                sizes.resize(
                    run.size + 1,
                    SizeSummary {
                        parameters: 0,
                        runs: 0,
                        converged: 0,
                        saddles: 0,
                        minima: 0,
                    },
                );
            }
            let size = &mut sizes[run.size];
            size.parameters = run.parameter_count;
            size.runs += 1;
            if run.inspection.converged {
                size.converged += 1;
                match run.inspection.kind {
                    PointKind::Saddle => size.saddles += 1,
                    PointKind::LocalMinimum => size.minima += 1,
                    _ => {}
                }
            }
        }
        sizes.retain(|s| s.runs > 0);
        sizes
    }

    /// The sweep's points: saddles among critical points, per size.
    pub fn sweep_points(&self) -> Vec<SweepPoint> {
        self.sizes()
            .iter()
            .map(|s| SweepPoint {
                parameters: s.parameters,
                saddles: s.saddles,
                converged: s.converged,
            })
            .collect()
    }

    /// The status line's facts: under way on `workers`, cancelled, or done.
    pub fn status(&self, running: bool, workers: usize) -> ExperimentStatus {
        let total = self.sizes().iter().fold([0; 4], |sum, s| {
            [
                sum[0] + s.runs,
                sum[1] + s.converged,
                sum[2] + s.saddles,
                sum[3] + s.minima,
            ]
        });
        if running {
            ExperimentStatus::Running {
                done: self.done(),
                total: self.total,
                workers,
            }
        } else if self.done() < self.total {
            ExperimentStatus::Cancelled {
                done: self.done(),
                total: self.total,
            }
        } else {
            ExperimentStatus::Done {
                runs: total[0],
                converged: total[1],
                saddles: total[2],
                minima: total[3],
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jobs::report::TrainingProgress;
    use crate::network::SolverStatus;

    #[test]
    fn a_curve_thins_by_halves_and_always_ends_at_the_latest_point() {
        let mut curve = LossCurve::default();
        for step in 0..=2500 {
            curve.push(step, step as f64);
        }
        let points = curve.points();
        // 2501 steps: stride 4 keeps 0, 4, …, 2500 (626 points), the last one kept already.
        assert_eq!(points.len(), 626);
        assert!(points.iter().all(|p| p[0] % 4.0 == 0.0));
        assert_eq!(points.last(), Some(&[2500.0, 2500.0]));
        curve.push(2501, 1.0);
        assert_eq!(curve.points().last(), Some(&[2501.0, 1.0]));
        assert_eq!(curve.points().len(), 627);
        curve.push(2501, 1.0);
        assert_eq!(curve.points().len(), 627, "a repeated point is not added");
    }

    fn inspection(kind: PointKind, converged: bool, eigenvalues: Vec<f64>) -> Inspection {
        Inspection {
            loss: 0.5,
            test_loss: Some(0.6),
            gradient_norm: 1e-15,
            eigenvalues,
            converged,
            kind,
            negative: 1,
            positive: 1,
            undetermined: 0,
            minimum_ratio: 0.5,
            minimum_ratio_range: [0.5, 0.5],
            gradient_tolerance: 1e-12,
            undetermined_band: 1e-9,
        }
    }

    #[test]
    fn a_solve_marks_a_jump_and_an_escape_another() {
        let mut view = LabView::default();
        view.take(LabReport::Training(TrainingProgress {
            first_step: 0,
            losses: vec![0.9, 0.8],
            step: 2,
            loss: 0.7,
            test_loss: Some(0.75),
            gradient_norm: 0.1,
            state: TrainingState::Stalled,
            predictions: None,
        }));
        assert_eq!(
            view.train_curve.points(),
            [[0.0, 0.9], [1.0, 0.8], [2.0, 0.7]]
        );
        assert!(!view.can_escape());
        view.take(LabReport::Solved(SolveOutcome {
            status: SolverStatus::Converged,
            iterations: 3,
            distance: 0.2,
            start_loss: 0.7,
            start_gradient_norm: 0.1,
            gradient_norms: vec![0.1, 1e-15],
            inspection: inspection(PointKind::Saddle, true, vec![-0.5, 1.0]),
        }));
        assert_eq!(view.jumps, [(2, Jump::Critical)]);
        assert_eq!(view.loss, 0.5);
        assert!(view.can_escape());
        view.take(LabReport::Escaped(EscapeOutcome {
            step: 2,
            eigenvalue: -0.5,
            length: 0.25,
            loss_before: 0.5,
            loss_after: 0.45,
        }));
        assert_eq!(view.jumps, [(2, Jump::Critical), (2, Jump::Escape)]);
        assert_eq!(view.train_curve.points().last(), Some(&[2.0, 0.45]));
        assert!(view.current_inspection().is_none() && !view.can_escape());
    }

    fn run(size: usize, run: usize, kind: PointKind, converged: bool) -> ExperimentRun {
        ExperimentRun {
            size,
            parameter_count: [17, 101][size],
            run,
            stalled_steps: 100,
            stalled_loss: 0.5,
            stalled_gradient_norm: 1e-3,
            solver: if converged {
                SolverStatus::Converged
            } else {
                SolverStatus::GradientFlat
            },
            solver_iterations: 4,
            distance: 0.1,
            inspection: inspection(kind, converged, vec![1.0]),
        }
    }

    #[test]
    fn runs_from_every_worker_merge_by_size_and_run() {
        let mut results = ExperimentResults::new(true, 6);
        for (size, index, kind, converged) in [
            (1, 1, PointKind::Saddle, true),
            (0, 2, PointKind::Regular, false),
            (0, 0, PointKind::LocalMinimum, true),
            (1, 0, PointKind::Saddle, true),
            (0, 1, PointKind::Saddle, true),
        ] {
            results.add(run(size, index, kind, converged));
        }
        let order: Vec<(usize, usize)> = results.runs().iter().map(|r| (r.size, r.run)).collect();
        assert_eq!(order, [(0, 0), (0, 1), (0, 2), (1, 0), (1, 1)]);
        assert_eq!(
            results.sizes(),
            [
                SizeSummary {
                    parameters: 17,
                    runs: 3,
                    converged: 2,
                    saddles: 1,
                    minima: 1
                },
                SizeSummary {
                    parameters: 101,
                    runs: 2,
                    converged: 2,
                    saddles: 2,
                    minima: 0
                }
            ]
        );
        assert_eq!(
            results.not_converged().map(|r| r.run).collect::<Vec<_>>(),
            [2]
        );
        let ids: Vec<RunId> = results.ratio_points().iter().map(|(id, _)| *id).collect();
        assert_eq!(ids, [(0, 0), (0, 1), (1, 0), (1, 1)]);
        assert_eq!(results.run((1, 0)).map(|r| r.parameter_count), Some(101));
        assert!(results.run((1, 2)).is_none());
        assert_eq!(
            results.status(false, 1),
            ExperimentStatus::Cancelled { done: 5, total: 6 }
        );
        results.add(run(1, 2, PointKind::LocalMinimum, true));
        assert_eq!(
            results.status(false, 1),
            ExperimentStatus::Done {
                runs: 6,
                converged: 5,
                saddles: 3,
                minima: 2
            }
        );
    }
}
