//! The network lab in the worker: one network, its data and its parameters θ, kept between the page's
//! jobs (train, inspect, solve, slice, escape), each of which works on the θ the last one left.
//!
//! Long jobs are [`LabActivity`]s advanced one small unit at a time (a training step, a Newton iteration,
//! a row of a slice), so the worker reports between units and a newer job can stop them.

use super::report::{
    EscapeOutcome, LabReport, LabSetup, PlaneSlice, SliceSet, SolveOutcome, SolveProgress,
    TrainingProgress, TrainingState, PREDICTION_GRID,
};
use crate::data::Rng;
use crate::network::{
    eigenvalues, escape_step, inspect, inspect_with_hessian, CriticalPointSolver, Dataset,
    NetworkLoss, Plane, Profile, StallRule, Trainer, TrainingStatus, MAX_TRAINING_STEPS,
    SOLVER_ITERATIONS,
};
use crate::share::LabSettings;

/// Grid points per side of each slice (odd, so θ itself is on the grid).
pub const SLICE_RESOLUTION: usize = 41;
/// Points of the 1-D profile along u_min.
pub const PROFILE_SAMPLES: usize = 101;
/// The escape step's longest trial length (then halved), as `saddle network escape`'s default.
const ESCAPE_LENGTH: f64 = 1.0;
/// Training reports carry the predictions once in this many (they cost a forward pass per grid point).
const REPORTS_PER_MAP: usize = 6;
/// The decision map's box reaches at least this far from the origin in each input (the 2-D tasks'
/// points lie within about ±1.2: Playground's ±6 scaled by 1/5).
const SMALLEST_HALF_WIDTH: f64 = 1.0;

/// The lab's network and where it is.
pub struct LabSession {
    settings: LabSettings,
    loss: NetworkLoss,
    theta: Vec<f64>,
    trainer: Trainer,
    /// Updates made before the current trainer: a jump of θ (solve, escape) starts a fresh optimizer.
    step_offset: usize,
    /// The last critical point a solve reached, to go back to.
    critical: Option<Vec<f64>>,
    bounds: [f64; 4],
}

impl LabSession {
    /// Generates the data and draws θ₀ from the settings' seed.
    pub fn new(settings: LabSettings) -> Result<LabSession, String> {
        let network = settings.network()?;
        let data = Dataset::generate(&settings.data())?;
        let theta = network.initial_parameters(&mut Rng::new(settings.seed));
        let loss = NetworkLoss::new(network, data)?;
        settings.training().check()?;
        let bounds = prediction_bounds(&loss);
        let trainer = fresh_trainer(&settings, theta.len());
        Ok(LabSession {
            settings,
            loss,
            theta,
            trainer,
            step_offset: 0,
            critical: None,
            bounds,
        })
    }

    /// The network and its data, as a loss over θ.
    pub fn loss(&self) -> &NetworkLoss {
        &self.loss
    }

    /// θ as the last job left it.
    pub fn theta(&self) -> &[f64] {
        &self.theta
    }

    /// Updates taken since the start.
    pub fn step(&self) -> usize {
        self.step_offset + self.trainer.steps()
    }

    /// The data, the box of the predictions and the state at θ.
    pub fn setup(&self) -> LabSetup {
        let examples = |set: &crate::network::Examples| {
            let x: Vec<f64> = (0..set.len()).flat_map(|i| set.x(i).to_vec()).collect();
            (x, set.targets().to_vec())
        };
        let (train_x, train_y) = examples(&self.loss.data().train);
        let (test_x, test_y) = examples(&self.loss.data().test);
        LabSetup {
            parameter_count: self.loss.parameter_count(),
            inputs: self.loss.network().inputs(),
            train_x,
            train_y,
            test_x,
            test_y,
            bounds: self.bounds,
            state: self.progress(self.step(), Vec::new(), TrainingState::Paused, true),
        }
    }

    /// Takes the training knobs of `settings` (method, η, β, batch) from the next step on; the network,
    /// data and θ stay. A new method starts its own state (momentum, Adam's moments) afresh.
    pub fn configure(&mut self, settings: &LabSettings) -> Result<(), String> {
        let training = settings.training();
        training.check()?;
        let method_changed = settings.method != self.settings.method;
        self.settings = self.settings.with_training_of(settings);
        if method_changed {
            self.restart_trainer();
        } else {
            self.trainer.set_config(training);
        }
        Ok(())
    }

    /// L, the test loss, ‖∇L‖ and (when asked) the predictions at θ, with the losses of the steps since
    /// `first_step`.
    fn progress(
        &self,
        first_step: usize,
        losses: Vec<f64>,
        state: TrainingState,
        with_predictions: bool,
    ) -> TrainingProgress {
        let (loss, gradient) = self.loss.gradient(&self.theta);
        TrainingProgress {
            first_step,
            losses,
            step: self.step(),
            loss,
            test_loss: self.loss.test_value(&self.theta),
            gradient_norm: gradient.iter().map(|g| g * g).sum::<f64>().sqrt(),
            state,
            predictions: with_predictions.then(|| self.predictions()),
        }
    }

    /// ŷ over the box: a grid of [`PREDICTION_GRID`]² for two inputs (row 0 at the top), or
    /// [`PREDICTION_GRID`] points from x_min to x_max for one.
    pub fn predictions(&self) -> Vec<f64> {
        let [x_min, x_max, y_min, y_max] = self.bounds;
        let along = |low: f64, high: f64, i: usize| {
            low + (high - low) * i as f64 / (PREDICTION_GRID - 1) as f64
        };
        let inputs: Vec<f64> = if self.loss.network().inputs() == 1 {
            (0..PREDICTION_GRID)
                .map(|i| along(x_min, x_max, i))
                .collect()
        } else {
            (0..PREDICTION_GRID)
                .flat_map(|row| {
                    let y = along(y_max, y_min, row);
                    (0..PREDICTION_GRID).flat_map(move |column| [along(x_min, x_max, column), y])
                })
                .collect()
        };
        self.loss.predictions(&self.theta, &inputs)
    }

    /// θ moved by something other than a training step: the optimizer starts afresh from there.
    fn jump(&mut self, theta: Vec<f64>) {
        self.theta = theta;
        self.restart_trainer();
    }

    fn restart_trainer(&mut self) {
        self.step_offset = self.step();
        self.trainer = fresh_trainer(&self.settings, self.theta.len());
    }

    /// The Hessian's spectrum and the verdicts at θ.
    pub fn inspect(&self) -> LabReport {
        LabReport::Inspected(inspect(&self.loss, &self.theta))
    }

    /// The lecture's step along u_min; `Err` when there is no negative eigenvalue or no trial lowers L.
    pub fn escape(&mut self) -> Result<LabReport, String> {
        let hessian = self.loss.hessian(&self.theta);
        let spectrum = eigenvalues(&hessian).ok_or("the Hessian is not finite here")?;
        let step = escape_step(&self.loss, &self.theta, &hessian, &spectrum, ESCAPE_LENGTH)?;
        let outcome = EscapeOutcome {
            step: self.step(),
            eigenvalue: step.eigenvalue,
            length: step.length,
            loss_before: step.loss_before,
            loss_after: step.loss_after,
        };
        self.jump(step.theta);
        Ok(LabReport::Escaped(outcome))
    }

    /// Back to the last critical point a solve reached.
    pub fn restore(&mut self) -> Result<LabReport, String> {
        let critical = self
            .critical
            .clone()
            .ok_or("no solve has reached a critical point yet")?;
        self.jump(critical);
        Ok(LabReport::Training(self.progress(
            self.step(),
            Vec::new(),
            TrainingState::Paused,
            true,
        )))
    }

    /// Training from θ: `steps` updates, or until it stalls, hits the step limit or diverges (`None`).
    pub fn train(&mut self, steps: Option<usize>) -> LabActivity {
        if self.trainer.status() != TrainingStatus::Running {
            self.trainer.resume(MAX_TRAINING_STEPS);
        }
        LabActivity::Train(TrainRun {
            first_step: self.step(),
            losses: Vec::new(),
            left: steps,
            state: TrainingState::Running,
            reports: 0,
        })
    }

    /// Newton-MR from θ to the critical point nearby.
    pub fn solve(&self) -> LabActivity {
        let (loss, gradient) = self.loss.gradient(&self.theta);
        LabActivity::Solve(Box::new(SolveRun {
            solver: CriticalPointSolver::new(self.theta.clone(), SOLVER_ITERATIONS),
            start_loss: loss,
            start_gradient_norm: gradient.iter().map(|g| g * g).sum::<f64>().sqrt(),
        }))
    }

    /// The eigen plane, the random plane and the profile along u_min at θ; `Err` when the Hessian is not
    /// finite here.
    pub fn slices(&self) -> Result<LabActivity, String> {
        let hessian = self.loss.hessian(&self.theta);
        let inspection = inspect_with_hessian(&self.loss, &self.theta, &hessian);
        let not_finite = || "the Hessian is not finite here".to_string();
        let eigen = Plane::eigen(
            &self.loss,
            &self.theta,
            &hessian,
            &inspection.eigenvalues,
            SLICE_RESOLUTION,
        )
        .ok_or_else(not_finite)?;
        let random = Plane::random(
            &self.loss,
            &self.theta,
            &hessian,
            self.settings.seed,
            SLICE_RESOLUTION,
        )
        .ok_or_else(not_finite)?;
        let half_width = eigen.a.last().copied().unwrap_or(1.0);
        let profile = Profile::along(
            &self.loss,
            &self.theta,
            &eigen.first,
            &hessian,
            half_width,
            PROFILE_SAMPLES,
        );
        let (_, gradient) = self.loss.gradient(&self.theta);
        let slope = gradient.iter().zip(&eigen.first).map(|(g, u)| g * u).sum();
        Ok(LabActivity::Slices(Box::new(SliceRun {
            planes: [eigen, random],
            rows: [Vec::new(), Vec::new()],
            profile,
            loss: inspection.loss,
            slope,
            kind: inspection.kind,
        })))
    }
}

fn fresh_trainer(settings: &LabSettings, parameters: usize) -> Trainer {
    Trainer::new(
        settings.training(),
        StallRule::default(),
        parameters,
        MAX_TRAINING_STEPS,
    )
}

/// The predictions' box: for two inputs a square around the origin holding every example; for one,
/// the examples' range of x (and of y, for the chart's vertical axis).
fn prediction_bounds(loss: &NetworkLoss) -> [f64; 4] {
    let data = loss.data();
    let sets = [&data.train, &data.test];
    let all = || {
        sets.iter()
            .flat_map(|set| (0..set.len()).map(|i| (set.x(i), set.y(i))))
    };
    if loss.network().inputs() == 1 {
        let span = |values: Vec<f64>| {
            let low = values.iter().copied().fold(f64::INFINITY, f64::min);
            let high = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            if low < high {
                (low, high)
            } else {
                (-1.0, 1.0)
            }
        };
        let (x_min, x_max) = span(all().map(|(x, _)| x[0]).collect());
        let (y_min, y_max) = span(all().map(|(_, y)| y).collect());
        [x_min, x_max, y_min, y_max]
    } else {
        let reach = all()
            .flat_map(|(x, _)| x.iter().map(|v| v.abs()).collect::<Vec<_>>())
            .fold(0.0f64, f64::max);
        let half = (1.05 * reach).max(SMALLEST_HALF_WIDTH);
        [-half, half, -half, half]
    }
}

/// A long job of the lab, one unit at a time.
pub enum LabActivity {
    /// Training steps, one a unit.
    Train(TrainRun),
    /// A Newton-MR solve, one iteration a unit.
    Solve(Box<SolveRun>),
    /// The slices' planes, one row a unit.
    Slices(Box<SliceRun>),
}

pub struct TrainRun {
    first_step: usize,
    /// L(θₖ) for k from `first_step`, not yet reported.
    losses: Vec<f64>,
    /// Updates still to take (`None`: until training stops by itself).
    left: Option<usize>,
    state: TrainingState,
    reports: usize,
}

pub struct SolveRun {
    solver: CriticalPointSolver,
    start_loss: f64,
    start_gradient_norm: f64,
}

pub struct SliceRun {
    planes: [Plane; 2],
    /// The rows computed so far, plane by plane.
    rows: [Vec<Vec<f64>>; 2],
    profile: Profile,
    loss: f64,
    slope: f64,
    kind: crate::analysis::PointKind,
}

impl LabActivity {
    /// One unit: a training step, a Newton iteration or a row of a slice; nothing once finished.
    pub fn work(&mut self, session: &mut LabSession) {
        if self.is_finished() {
            return;
        }
        match self {
            LabActivity::Train(run) => {
                let step = session.trainer.step(&session.loss, &mut session.theta);
                run.losses.push(step.loss);
                run.left = run.left.map(|left| left.saturating_sub(1));
                run.state = match step.status {
                    TrainingStatus::Running if run.left == Some(0) => TrainingState::Paused,
                    TrainingStatus::Running => TrainingState::Running,
                    TrainingStatus::Stalled => TrainingState::Stalled,
                    TrainingStatus::StepLimit => TrainingState::StepLimit,
                    TrainingStatus::Diverged => TrainingState::Diverged,
                };
            }
            LabActivity::Solve(run) => {
                if run.solver.iterate(&session.loss) {
                    if let Some(solved) = run.solver.result() {
                        let converged = solved.inspection.converged;
                        let theta = solved.theta.clone();
                        if converged {
                            session.critical = Some(theta.clone());
                        }
                        session.jump(theta);
                    }
                }
            }
            LabActivity::Slices(run) => {
                if let Some(plane) = (0..2).find(|&p| run.rows[p].len() < run.planes[p].b.len()) {
                    let row = run.rows[plane].len();
                    let values = run.planes[plane].row(&session.loss, row);
                    run.rows[plane].push(values);
                }
            }
        }
    }

    /// Whether the work is done (training: once it no longer runs).
    pub fn is_finished(&self) -> bool {
        match self {
            LabActivity::Train(run) => run.state != TrainingState::Running,
            LabActivity::Solve(run) => run.solver.result().is_some(),
            LabActivity::Slices(run) => (0..2).all(|p| run.rows[p].len() >= run.planes[p].b.len()),
        }
    }

    /// The share of the work done, for a progress bar (training has no known end: 0).
    pub fn fraction(&self) -> f64 {
        match self {
            LabActivity::Train(_) => 0.0,
            LabActivity::Solve(run) => {
                run.solver.iterations() as f64 / run.solver.max_iterations().max(1) as f64
            }
            LabActivity::Slices(run) => {
                let total: usize = run.planes.iter().map(|p| p.b.len()).sum();
                let done: usize = run.rows.iter().map(Vec::len).sum();
                done as f64 / total.max(1) as f64
            }
        }
    }

    /// What to tell the page between units: the training since the last report, or a solve's progress.
    pub fn interim(&mut self, session: &LabSession) -> Option<LabReport> {
        match self {
            LabActivity::Train(run) => Some(LabReport::Training(run.report(session, false))),
            LabActivity::Solve(run) => Some(LabReport::Solving(SolveProgress {
                iterations: run.solver.iterations(),
                max_iterations: run.solver.max_iterations(),
                gradient_norm: run.solver.gradient_norm().unwrap_or(f64::NAN),
            })),
            LabActivity::Slices(_) => None,
        }
    }

    /// The final report, once finished or stopped by a newer job (training then counts as paused).
    pub fn outcome(&mut self, session: &LabSession) -> Option<LabReport> {
        match self {
            LabActivity::Train(run) => {
                if run.state == TrainingState::Running {
                    run.state = TrainingState::Paused;
                }
                Some(LabReport::Training(run.report(session, true)))
            }
            LabActivity::Solve(run) => {
                let solved = run.solver.result()?;
                Some(LabReport::Solved(SolveOutcome {
                    status: solved.report.status,
                    iterations: solved.report.iterations,
                    distance: solved.report.distance,
                    start_loss: run.start_loss,
                    start_gradient_norm: run.start_gradient_norm,
                    gradient_norms: solved.report.gradient_norms.clone(),
                    inspection: solved.inspection.clone(),
                }))
            }
            LabActivity::Slices(run) => {
                let [eigen, random] = [0, 1].map(|p| PlaneSlice {
                    a: run.planes[p].a.clone(),
                    b: run.planes[p].b.clone(),
                    loss: run.rows[p].concat(),
                    curvatures: run.planes[p].curvatures,
                });
                Some(LabReport::Slices(SliceSet {
                    eigen,
                    random,
                    profile_t: run.profile.t.clone(),
                    profile_loss: run.profile.loss.clone(),
                    profile_model: run.profile.quadratic_model.clone(),
                    loss: run.loss,
                    slope: run.slope,
                    kind: run.kind,
                }))
            }
        }
    }
}

impl TrainRun {
    /// The losses since the last report and the state at θ; the predictions once in
    /// [`REPORTS_PER_MAP`] reports, and always in the last.
    fn report(&mut self, session: &LabSession, last: bool) -> TrainingProgress {
        let losses = std::mem::take(&mut self.losses);
        let first_step = self.first_step;
        self.first_step += losses.len();
        self.reports += 1;
        let with_predictions = last || self.reports.is_multiple_of(REPORTS_PER_MAP);
        session.progress(first_step, losses, self.state, with_predictions)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::PointKind;
    use crate::network::{SolverStatus, Task};

    fn settings() -> LabSettings {
        LabSettings {
            task: Task::Sine,
            hidden: vec![4],
            ..LabSettings::default()
        }
    }

    fn run_to_end(activity: &mut LabActivity, session: &mut LabSession) -> LabReport {
        while !activity.is_finished() {
            activity.work(session);
        }
        activity.outcome(session).expect("an outcome")
    }

    #[test]
    fn training_reports_every_step_once_and_ends_where_it_stalls() {
        let mut session = LabSession::new(settings()).expect("valid settings");
        let setup = session.setup();
        assert_eq!(setup.parameter_count, 13);
        assert_eq!((setup.examples(), setup.test_y.len()), (300, 100));
        assert_eq!(setup.state.predictions.as_ref().map(Vec::len), Some(64));
        let mut activity = session.train(Some(25));
        let mut reported = Vec::new();
        for _ in 0..10 {
            activity.work(&mut session);
        }
        let Some(LabReport::Training(first)) = activity.interim(&session) else {
            panic!("training reports its progress");
        };
        assert_eq!(
            (first.first_step, first.step, first.losses.len()),
            (0, 10, 10)
        );
        assert_eq!(first.state, TrainingState::Running);
        reported.extend(first.losses);
        let Some(LabReport::Training(last)) = Some(run_to_end(&mut activity, &mut session)) else {
            panic!("training ends with its progress");
        };
        assert_eq!(
            (last.first_step, last.step, last.state),
            (10, 25, TrainingState::Paused)
        );
        assert!(last.predictions.is_some());
        reported.extend(last.losses);
        // The same steps, replayed by hand: L(θₖ) for k = 0 … 24.
        let mut replay = LabSession::new(settings()).expect("valid settings");
        let expected: Vec<f64> = (0..25)
            .map(|_| replay.trainer.step(&replay.loss, &mut replay.theta).loss)
            .collect();
        assert_eq!(reported, expected);
        assert_eq!(session.theta, replay.theta);

        let mut until_stall = session.train(None);
        let LabReport::Training(end) = run_to_end(&mut until_stall, &mut session) else {
            panic!("a training report");
        };
        assert_eq!(end.state, TrainingState::Stalled);
        assert!(
            end.step > 225,
            "the stall window is 200 steps: {}",
            end.step
        );
    }

    #[test]
    fn the_lab_solves_slices_and_escapes_from_where_training_stalled() {
        let mut session = LabSession::new(LabSettings {
            task: Task::Sine,
            hidden: vec![10],
            ..LabSettings::default()
        })
        .expect("valid settings");
        let mut training = session.train(None);
        run_to_end(&mut training, &mut session);
        let stalled_at = session.theta.clone();
        let mut solve = session.solve();
        let LabReport::Solved(outcome) = run_to_end(&mut solve, &mut session) else {
            panic!("a solve report");
        };
        assert_eq!(outcome.status, SolverStatus::Converged);
        assert!(outcome.inspection.converged && outcome.inspection.gradient_norm < 1e-10);
        let moved: f64 = stalled_at
            .iter()
            .zip(&session.theta)
            .map(|(a, b)| (a - b) * (a - b))
            .sum::<f64>()
            .sqrt();
        assert!((moved - outcome.distance).abs() < 1e-12 * moved.max(1.0));
        assert_eq!(session.critical.as_deref(), Some(session.theta.as_slice()));

        let mut slicing = session.slices().expect("a finite Hessian");
        let LabReport::Slices(slices) = run_to_end(&mut slicing, &mut session) else {
            panic!("a slice report");
        };
        assert_eq!(slices.kind, outcome.inspection.kind);
        let lowest = outcome.inspection.eigenvalues[0];
        let highest = *outcome.inspection.eigenvalues.last().expect("P > 0");
        assert!((slices.eigen.curvatures[0] - lowest).abs() < 1e-6 * highest);
        assert!((slices.eigen.curvatures[1] - highest).abs() < 1e-6 * highest);
        assert_eq!(slices.eigen.loss.len(), SLICE_RESOLUTION * SLICE_RESOLUTION);
        // θ is the grid's centre, and L there is L(θ).
        let centre = slices.eigen.loss[SLICE_RESOLUTION * SLICE_RESOLUTION / 2];
        assert!((centre - slices.loss).abs() < 1e-12 * slices.loss);
        assert_eq!(slices.profile_t.len(), PROFILE_SAMPLES);

        let report = session.escape();
        if outcome.inspection.kind == PointKind::Saddle {
            let LabReport::Escaped(escape) = report.expect("an escape from a saddle") else {
                panic!("an escape report");
            };
            assert!(escape.eigenvalue < 0.0 && escape.loss_after < escape.loss_before);
            assert!((session.loss.value(&session.theta) - escape.loss_after).abs() < 1e-15);
            // Back to the saddle, θ is the critical point again.
            session.restore().expect("a critical point to return to");
            assert_eq!(session.critical.as_deref(), Some(session.theta.as_slice()));
        } else {
            assert!(report.is_err());
        }
    }
}
