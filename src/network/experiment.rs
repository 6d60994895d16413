//! The lecture's claim measured: R runs from random starts, each trained until it stalls, then solved to
//! the critical point nearby, where the Hessian's spectrum is taken; and the same over several sizes P.
//!
//! Long work advances in bounded chunks ([`Experiment::advance`]), so a Web Worker or the command line
//! can drive it, report progress and cancel between chunks. Run i draws from its own seed (the i-th draw
//! of the experiment's seed), so its result depends neither on how the work was chunked nor on which
//! worker or thread ran it: [`Experiment::for_runs`] takes any subset of the run indices, and the
//! subsets' results, merged by index, are the whole experiment's.

use serde::Serialize;

use super::architecture::Network;
use super::dataset::{DataConfig, Dataset};
use super::inspect::{norm, Inspection};
use super::objective::NetworkLoss;
use super::solver::{CriticalPointSolver, SolverReport, SOLVER_ITERATIONS};
use super::train::{StallRule, Trainer, TrainingConfig, TrainingMethod, TrainingStatus};
use crate::analysis::PointKind;
use crate::data::Rng;

/// Most runs per experiment.
pub const MAX_RUNS: usize = 1000;
/// The default weight decay. It makes L grow without bound with ‖θ‖, so critical points exist, and it
/// gives the directions along which the data term is flat (redundant or silent units) a curvature of its
/// own. Measured on the sine task (N = 300): with 10⁻³ most solves from a stall at P ≥ 30 end in
/// gradient-flat valleys or at the iteration limit (the valleys curve on a scale of thousandths); with
/// 10⁻² all converged at P = 10 to 300. The price is a shrunk fit (sine's test loss 0.027 against the
/// noise floor 0.01, and 0.012 with 10⁻³).
pub const DEFAULT_WEIGHT_DECAY: f64 = 0.01;
/// Most training steps per run.
pub const MAX_TRAINING_STEPS: usize = 1_000_000;

/// What to run.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ExperimentConfig {
    /// The data to generate; its task also sets the loss.
    pub data: DataConfig,
    /// The hidden layers' widths (1 or 2 layers).
    pub hidden: Vec<usize>,
    /// The network's weight decay λ ≥ 0.
    pub weight_decay: f64,
    /// R, the number of runs: 1 to [`MAX_RUNS`].
    pub runs: usize,
    /// Seeds the runs' starting points and mini-batches (the data has its own seed).
    pub seed: u64,
    /// How each run trains; its seed is replaced by one drawn from the run's own seed.
    pub training: TrainingConfig,
    /// When a run's training counts as stalled.
    pub stall: StallRule,
    /// A run that has not stalled after this many steps is solved from where it is.
    pub max_training_steps: usize,
    /// The Newton-MR iteration limit for each run's solve.
    pub solver_iterations: usize,
}

impl ExperimentConfig {
    /// Full-batch Adam (η = 0.03) until the loss stalls (at most 20 000 steps), then Newton-MR; weight
    /// decay [`DEFAULT_WEIGHT_DECAY`].
    pub fn new(data: DataConfig, hidden: Vec<usize>, runs: usize, seed: u64) -> ExperimentConfig {
        ExperimentConfig {
            data,
            hidden,
            weight_decay: DEFAULT_WEIGHT_DECAY,
            runs,
            seed,
            training: TrainingConfig {
                learning_rate: 0.03,
                ..TrainingConfig::new(TrainingMethod::Adam)
            },
            stall: StallRule::default(),
            max_training_steps: 20_000,
            solver_iterations: SOLVER_ITERATIONS,
        }
    }
}

/// Where a run's training stopped: L and ‖∇L‖ at the parameters it left.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct StallPoint {
    /// Training steps taken.
    pub steps: usize,
    /// L there, on the training set, weight decay included.
    pub loss: f64,
    /// ‖∇L‖ there, of the full-batch gradient.
    pub gradient_norm: f64,
    /// Why training stopped: stalled, step limit or diverged.
    pub status: TrainingStatus,
}

/// One finished run: the point the solve ended at and how it got there.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RunResult {
    /// The run's index, 0 to runs − 1.
    pub run: usize,
    /// θ where the solve ended (the critical point, when it converged).
    pub params: Vec<f64>,
    /// The second-order test at `params`, written as top-level fields.
    #[serde(flatten)]
    pub inspection: Inspection,
    /// Where training stalled, before the solve.
    pub stalled: StallPoint,
    /// How the solve went.
    pub solver: SolverReport,
}

/// How far an experiment has come.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Progress {
    /// Runs finished.
    pub runs_done: usize,
    /// Runs to do in all (for [`Experiment::for_runs`], only its share).
    pub runs_total: usize,
    /// A rough share of the work done, in [0, 1], for a progress bar.
    pub fraction: f64,
    /// Whether every run is done.
    pub finished: bool,
}

/// Counts over the runs of one experiment.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Summary {
    /// Runs counted.
    pub runs: usize,
    /// Runs whose solve reached ∇L = 0 to floating-point precision.
    pub converged: usize,
    /// Converged runs with every eigenvalue clearly positive.
    pub local_minima: usize,
    /// Converged runs with an eigenvalue clearly positive and one clearly negative.
    pub saddles: usize,
    /// Converged runs with every eigenvalue clearly negative.
    pub local_maxima: usize,
    /// Converged runs the test cannot decide: an eigenvalue is undetermined and the others do not show
    /// both signs.
    pub degenerate: usize,
    /// Runs that ended in a gradient-flat region, at the iteration limit or diverged: not critical points.
    pub not_converged: usize,
    /// saddles ÷ converged (none without a converged run).
    pub saddle_share: Option<f64>,
}

impl Summary {
    /// Counts the verdicts of these runs.
    pub fn of(runs: &[RunResult]) -> Summary {
        let count = |kind: PointKind| runs.iter().filter(|r| r.inspection.kind == kind).count();
        let converged = runs.iter().filter(|r| r.inspection.converged).count();
        let saddles = count(PointKind::Saddle);
        Summary {
            runs: runs.len(),
            converged,
            local_minima: count(PointKind::LocalMinimum),
            saddles,
            local_maxima: count(PointKind::LocalMaximum),
            degenerate: count(PointKind::Degenerate),
            not_converged: runs.len() - converged,
            saddle_share: (converged > 0).then(|| saddles as f64 / converged as f64),
        }
    }
}

#[derive(Clone, Debug)]
enum Stage {
    Training {
        trainer: Trainer,
    },
    Solving {
        stalled: StallPoint,
        solver: CriticalPointSolver,
    },
}

#[derive(Clone, Debug)]
struct RunInProgress {
    index: usize,
    theta: Vec<f64>,
    stage: Stage,
}

/// The experiment, resumable.
#[derive(Clone, Debug)]
pub struct Experiment {
    config: ExperimentConfig,
    loss: NetworkLoss,
    /// The indices of the runs this experiment does, in order, and each run's seed.
    runs: Vec<(usize, u64)>,
    current: Option<RunInProgress>,
    results: Vec<RunResult>,
}

impl Experiment {
    /// Generates the data and checks the configuration.
    pub fn new(config: ExperimentConfig) -> Result<Experiment, String> {
        let data = Dataset::generate(&config.data)?;
        Experiment::on(config, data)
    }

    /// Only the runs with these indices (each below `config.runs`), e.g. one worker's share.
    pub fn for_runs(config: ExperimentConfig, indices: &[usize]) -> Result<Experiment, String> {
        let data = Dataset::generate(&config.data)?;
        let mut experiment = Experiment::on(config, data)?;
        let seeds = experiment.runs.clone();
        experiment.runs = indices
            .iter()
            .filter_map(|&i| seeds.get(i).copied())
            .collect();
        Ok(experiment)
    }

    /// The experiment on data already at hand (a sweep shares one dataset across sizes).
    pub fn on(config: ExperimentConfig, data: Dataset) -> Result<Experiment, String> {
        if !(1..=MAX_RUNS).contains(&config.runs) {
            return Err(format!("runs must be 1 to {MAX_RUNS}, not {}", config.runs));
        }
        if !(1..=MAX_TRAINING_STEPS).contains(&config.max_training_steps) {
            return Err(format!("training steps must be 1 to {MAX_TRAINING_STEPS}"));
        }
        config.training.check()?;
        let network = Network::new(
            data.inputs(),
            &config.hidden,
            config.data.task.loss(),
            config.weight_decay,
        )?;
        let loss = NetworkLoss::new(network, data)?;
        let mut seeds = Rng::new(config.seed);
        let runs = (0..config.runs).map(|i| (i, seeds.next_u64())).collect();
        Ok(Experiment {
            runs,
            config,
            loss,
            current: None,
            results: Vec::new(),
        })
    }

    /// What it runs.
    pub fn config(&self) -> &ExperimentConfig {
        &self.config
    }

    /// The network and data every run trains on.
    pub fn loss(&self) -> &NetworkLoss {
        &self.loss
    }

    /// The finished runs, in order.
    pub fn results(&self) -> &[RunResult] {
        &self.results
    }

    /// Counts over the finished runs.
    pub fn summary(&self) -> Summary {
        Summary::of(&self.results)
    }

    /// Whether every run it does has finished.
    pub fn is_finished(&self) -> bool {
        self.results.len() >= self.runs.len()
    }

    /// Does about `work_budget` units of work, then returns. A unit is one full-batch gradient; a Newton
    /// iteration (one exact Hessian and its solve) counts as 1 + P/8, roughly its cost in gradients.
    pub fn advance(&mut self, work_budget: usize) -> Progress {
        let mut spent = 0;
        while spent < work_budget && !self.is_finished() {
            spent += self.work();
        }
        self.progress()
    }

    /// Advances until every run is done.
    pub fn run_to_end(&mut self) -> &[RunResult] {
        while !self.is_finished() {
            self.work();
        }
        &self.results
    }

    /// How far it has come, without doing any work.
    pub fn progress(&self) -> Progress {
        let runs_total = self.runs.len();
        let runs_done = self.results.len();
        let within = self.current.as_ref().map_or(0.0, |run| match &run.stage {
            // Training has no known length: its share approaches one half.
            Stage::Training { trainer, .. } => {
                0.5 * trainer.steps() as f64 / (trainer.steps() as f64 + 1000.0)
            }
            Stage::Solving { solver, .. } => {
                0.5 + 0.5 * solver.iterations() as f64 / (solver.max_iterations() as f64 + 1.0)
            }
        });
        Progress {
            runs_done,
            runs_total,
            fraction: ((runs_done as f64 + within) / runs_total.max(1) as f64).min(1.0),
            finished: self.is_finished(),
        }
    }

    /// One indivisible piece of work; returns its cost in units (at least 1).
    fn work(&mut self) -> usize {
        let Some(mut run) = self.current.take() else {
            self.current = Some(self.start_run());
            return 1;
        };
        let p = self.loss.parameter_count();
        let mut cost = 1;
        match &mut run.stage {
            Stage::Training { trainer } => {
                let status = trainer.step(&self.loss, &mut run.theta).status;
                if status != TrainingStatus::Running {
                    let (loss, gradient) = self.loss.gradient(&run.theta);
                    let stalled = StallPoint {
                        steps: trainer.steps(),
                        loss,
                        gradient_norm: norm(&gradient),
                        status,
                    };
                    run.stage = Stage::Solving {
                        stalled,
                        solver: CriticalPointSolver::new(
                            run.theta.clone(),
                            self.config.solver_iterations,
                        ),
                    };
                }
            }
            Stage::Solving { stalled, solver } => {
                cost += p / 8;
                if solver.iterate(&self.loss) {
                    let stalled = *stalled;
                    if let Some(solved) = solver.result() {
                        self.results.push(RunResult {
                            run: run.index,
                            params: solved.theta.clone(),
                            inspection: solved.inspection.clone(),
                            stalled,
                            solver: solved.report.clone(),
                        });
                    }
                    return cost;
                }
            }
        }
        self.current = Some(run);
        cost
    }

    fn start_run(&mut self) -> RunInProgress {
        let (index, seed) = self.runs[self.results.len()];
        let mut rng = Rng::new(seed);
        let theta = self.loss.network().initial_parameters(&mut rng);
        let training = TrainingConfig {
            seed: rng.next_u64(),
            ..self.config.training
        };
        RunInProgress {
            index,
            stage: Stage::Training {
                trainer: Trainer::new(
                    training,
                    self.config.stall,
                    theta.len(),
                    self.config.max_training_steps,
                ),
            },
            theta,
        }
    }
}

/// Runs every run of `config`, its indices dealt round-robin over `threads` native threads; the results,
/// in run order, are the same whatever the number of threads. (In the browser the threads are Web
/// Workers, each running [`Experiment::for_runs`] on its share.)
#[cfg(not(target_arch = "wasm32"))]
pub fn run_in_parallel(
    config: &ExperimentConfig,
    threads: usize,
) -> Result<Vec<RunResult>, String> {
    let shares: Vec<Vec<usize>> = (0..threads)
        .map(|t| (t..config.runs).step_by(threads).collect())
        .collect();
    let mut results: Vec<RunResult> = std::thread::scope(|scope| {
        let handles: Vec<_> = shares
            .iter()
            .map(|share| {
                scope.spawn(move || -> Result<Vec<RunResult>, String> {
                    let mut experiment = Experiment::for_runs(config.clone(), share)?;
                    Ok(experiment.run_to_end().to_vec())
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().map_err(|_| "a worker thread failed".to_string())?)
            .collect::<Result<Vec<_>, String>>()
    })?
    .into_iter()
    .flatten()
    .collect();
    results.sort_by_key(|r| r.run);
    Ok(results)
}

/// One size of a sweep: its network and its runs.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SweepEntry {
    /// This size's network.
    pub network: Network,
    /// Its P.
    pub parameter_count: usize,
    /// Counts over its finished runs.
    pub summary: Summary,
    /// Its finished runs, in order.
    pub runs: Vec<RunResult>,
}

/// The experiment repeated for several one-hidden-layer widths on one dataset.
#[derive(Clone, Debug)]
pub struct Sweep {
    experiments: Vec<Experiment>,
}

impl Sweep {
    /// One experiment per target parameter count, each with the one-hidden-layer width whose P is nearest.
    pub fn new(base: ExperimentConfig, parameter_counts: &[usize]) -> Result<Sweep, String> {
        if parameter_counts.is_empty() {
            return Err("give at least one parameter count".into());
        }
        let data = Dataset::generate(&base.data)?;
        let experiments = parameter_counts
            .iter()
            .map(|&p| {
                let config = ExperimentConfig {
                    hidden: vec![Network::width_for(data.inputs(), p)],
                    ..base.clone()
                };
                Experiment::on(config, data.clone())
            })
            .collect::<Result<Vec<_>, String>>()?;
        Ok(Sweep { experiments })
    }

    /// One experiment per size, in the order the parameter counts were given.
    pub fn experiments(&self) -> &[Experiment] {
        &self.experiments
    }

    /// Whether every size's runs have finished.
    pub fn is_finished(&self) -> bool {
        self.experiments.iter().all(Experiment::is_finished)
    }

    /// Advances the first unfinished experiment by about `work_budget` units (see [`Experiment::advance`]).
    pub fn advance(&mut self, work_budget: usize) -> Progress {
        if let Some(experiment) = self.experiments.iter_mut().find(|e| !e.is_finished()) {
            experiment.advance(work_budget);
        }
        self.progress()
    }

    /// Advances every size until all its runs are done.
    pub fn run_to_end(&mut self) {
        for experiment in &mut self.experiments {
            experiment.run_to_end();
        }
    }

    /// Progress over all sizes, runs counted together.
    pub fn progress(&self) -> Progress {
        let parts: Vec<Progress> = self.experiments.iter().map(Experiment::progress).collect();
        let runs_total: usize = parts.iter().map(|p| p.runs_total).sum();
        Progress {
            runs_done: parts.iter().map(|p| p.runs_done).sum(),
            runs_total,
            fraction: parts
                .iter()
                .map(|p| p.fraction * p.runs_total as f64)
                .sum::<f64>()
                / runs_total.max(1) as f64,
            finished: self.is_finished(),
        }
    }

    /// Each size's network, summary and runs.
    pub fn entries(&self) -> Vec<SweepEntry> {
        self.experiments
            .iter()
            .map(|e| SweepEntry {
                network: e.loss().network().clone(),
                parameter_count: e.loss().parameter_count(),
                summary: e.summary(),
                runs: e.results().to_vec(),
            })
            .collect()
    }
}
