//! The lecture's "in high dimension almost every point with g ≈ 0 is a saddle": train a small network
//! from random starts until ∇L ≈ 0, and at each such point count the Hessian's positive eigenvalues.
//!
//! Each run trains with Adam for a random number of steps (so runs stop at different heights of the
//! loss), then drives ∇L to 0 by damped Newton (see `critical_solver`), and reports the spectrum of H at
//! the point it reached. The minimum ratio is the share of positive eigenvalues among those that are
//! not ~0: 1 at a local minimum, below 1 at a saddle. The experiment advances in bounded chunks of work
//! ([`MinRatioExperiment::advance`]) so a page can run it between animation frames and cancel it.
//!
//! Caveat, reported rather than hidden: a run ends after a bounded number of solver iterations, so its
//! gradient norm may be small but not ~0, and such a point may sit in a flat region rather than at a
//! true critical point. Every run reports the gradient norm it actually reached.

use nalgebra::{DMatrix, DVector, SymmetricEigen};
use serde::Serialize;

use super::critical_solver::{damped_newton_step, INITIAL_RELATIVE_DAMPING};
use super::network::{symmetric_from_columns, Network};
use super::vector_adam::VectorAdam;
use crate::data::Rng;

/// An eigenvalue counts as ~0 when |λ| ≤ this · max|λ|; such eigenvalues are counted in `zero` and left
/// out of the minimum ratio. Relative, since the loss's scale (and so H's) is arbitrary.
pub const ZERO_EIGENVALUE_TOLERANCE: f64 = 1e-6;
/// The solver stops once ‖∇L‖ is at or below this.
pub const GRADIENT_TARGET: f64 = 1e-10;
/// Fewest and most parameters; P = 400 keeps one exact Hessian within a frame budget of a few hundred ms.
pub const MIN_PARAMS: usize = 4;
pub const MAX_PARAMS: usize = 400;
pub const MAX_RUNS: usize = 1000;
const MAX_TRAINING_STEPS: usize = 1_000_000;
const MAX_SOLVER_ITERATIONS: usize = 10_000;
/// Adam's η for the training phase.
const TRAINING_LEARNING_RATE: f64 = 0.01;

/// What to run.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct MinRatioConfig {
    /// Target parameter count P; the network takes the hidden width h whose 3h + 1 is nearest.
    pub params: usize,
    pub runs: usize,
    pub seed: u64,
    /// Each run trains for a uniformly random number of Adam steps in 0..=this before solving ∇L = 0.
    pub max_training_steps: usize,
    /// Most damped-Newton iterations per run (each costs one exact Hessian).
    pub max_solver_iterations: usize,
}

impl Default for MinRatioConfig {
    fn default() -> Self {
        MinRatioConfig {
            params: 16,
            runs: 10,
            seed: 1,
            max_training_steps: 3000,
            max_solver_iterations: 50,
        }
    }
}

/// Where one run ended.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MinRatioRun {
    pub training_loss: f64,
    /// ‖∇L‖ where the run ended: ~0 at a critical point, larger if the solver ran out of iterations.
    pub gradient_norm: f64,
    /// positive / (positive + negative); 0 if every eigenvalue is ~0.
    pub minimum_ratio: f64,
    /// The Hessian's eigenvalues, ascending.
    pub eigenvalues: Vec<f64>,
    pub positive: usize,
    pub negative: usize,
    /// Eigenvalues with |λ| ≤ [`ZERO_EIGENVALUE_TOLERANCE`]·max|λ|.
    pub zero: usize,
    pub training_steps: usize,
    pub solver_iterations: usize,
}

/// How far the experiment has come.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Progress {
    pub runs_done: usize,
    pub runs_total: usize,
    /// Rough share of the work done, in [0, 1], for a progress bar.
    pub fraction: f64,
    pub finished: bool,
}

/// The experiment, resumable: [`advance`](Self::advance) does a bounded amount of work per call.
#[derive(Clone, Debug)]
pub struct MinRatioExperiment {
    config: MinRatioConfig,
    network: Network,
    /// Draws each run's own seed, so runs are independent of how the work was chunked.
    run_seeds: Rng,
    current: Option<RunInProgress>,
    results: Vec<MinRatioRun>,
}

#[derive(Clone, Debug)]
struct RunInProgress {
    theta: Vec<f64>,
    training_steps: usize,
    solver_iterations: usize,
    /// Levenberg–Marquardt's μ; set from the first Hessian's scale.
    damping: Option<f64>,
    stage: Stage,
}

#[derive(Clone, Debug)]
enum Stage {
    Training {
        done: usize,
        adam: VectorAdam,
    },
    /// Assembling the Hessian at θ one column (one forward-over-reverse pass) at a time.
    Curvature {
        columns: Vec<Vec<f64>>,
    },
}

impl MinRatioExperiment {
    pub fn new(config: MinRatioConfig) -> Result<MinRatioExperiment, String> {
        if !(MIN_PARAMS..=MAX_PARAMS).contains(&config.params) {
            return Err(format!(
                "the parameter count must be {MIN_PARAMS} to {MAX_PARAMS}, not {}",
                config.params
            ));
        }
        if !(1..=MAX_RUNS).contains(&config.runs) {
            return Err(format!("runs must be 1 to {MAX_RUNS}, not {}", config.runs));
        }
        if config.max_training_steps > MAX_TRAINING_STEPS {
            return Err(format!("at most {MAX_TRAINING_STEPS} training steps"));
        }
        if !(1..=MAX_SOLVER_ITERATIONS).contains(&config.max_solver_iterations) {
            return Err(format!(
                "solver iterations must be 1 to {MAX_SOLVER_ITERATIONS}"
            ));
        }
        let mut rng = Rng::new(config.seed);
        let network = Network::toy(Network::hidden_for(config.params), &mut rng);
        Ok(MinRatioExperiment {
            config,
            network,
            run_seeds: rng,
            current: None,
            results: Vec::new(),
        })
    }

    /// The hidden width chosen for the requested parameter count.
    pub fn hidden(&self) -> usize {
        self.network.hidden()
    }

    /// The actual parameter count, 3h + 1.
    pub fn params(&self) -> usize {
        self.network.parameter_count()
    }

    pub fn config(&self) -> MinRatioConfig {
        self.config
    }

    pub fn network(&self) -> &Network {
        &self.network
    }

    /// Does about `work_budget` units of work, a unit being one gradient-sized pass over the data (one
    /// Adam step, one Hessian column; an eigen-decomposition counts as P), then returns.
    pub fn advance(&mut self, work_budget: usize) -> Progress {
        let mut spent = 0;
        while spent < work_budget && !self.is_finished() {
            spent += self.work();
        }
        self.progress()
    }

    /// Advances until every run is done.
    pub fn run_to_end(&mut self) -> &[MinRatioRun] {
        while !self.is_finished() {
            self.work();
        }
        &self.results
    }

    /// The finished runs, in order.
    pub fn results(&self) -> &[MinRatioRun] {
        &self.results
    }

    pub fn is_finished(&self) -> bool {
        self.results.len() >= self.config.runs
    }

    pub fn progress(&self) -> Progress {
        let runs_total = self.config.runs;
        let runs_done = self.results.len();
        let within = self
            .current
            .as_ref()
            .map_or(0.0, |run| run.fraction(&self.config));
        Progress {
            runs_done,
            runs_total,
            fraction: ((runs_done as f64 + within) / runs_total as f64).min(1.0),
            finished: self.is_finished(),
        }
    }

    /// One indivisible piece of work; returns its cost in units (at least 1).
    fn work(&mut self) -> usize {
        let Some(mut run) = self.current.take() else {
            self.current = Some(self.start_run());
            return 1;
        };
        let (cost, finished) = match &mut run.stage {
            Stage::Training { done, adam } if *done < run.training_steps => {
                let (_, gradient) = self.network.gradient(&run.theta);
                adam.step(&mut run.theta, &gradient);
                *done += 1;
                (1, None)
            }
            Stage::Training { .. } => {
                run.stage = Stage::Curvature {
                    columns: Vec::new(),
                };
                (1, None)
            }
            Stage::Curvature { columns } if columns.len() < run.theta.len() => {
                columns.push(self.network.hessian_column(&run.theta, columns.len()));
                (1, None)
            }
            Stage::Curvature { columns } => {
                let columns = std::mem::take(columns);
                self.solve_or_finish(&mut run, columns)
            }
        };
        match finished {
            Some(result) => self.results.push(result),
            None => self.current = Some(run),
        }
        cost
    }

    fn start_run(&mut self) -> RunInProgress {
        let mut rng = Rng::new(self.run_seeds.next_u64());
        let theta = self.network.initial_parameters(&mut rng);
        let training_steps = rng.below(self.config.max_training_steps + 1);
        RunInProgress {
            stage: Stage::Training {
                done: 0,
                adam: VectorAdam::new(TRAINING_LEARNING_RATE, theta.len()),
            },
            theta,
            training_steps,
            solver_iterations: 0,
            damping: None,
        }
    }

    /// With the Hessian at θ complete: finish the run if ∇L ≈ 0 (or the solver is spent or stuck),
    /// otherwise take one damped-Newton step and start the next Hessian. Returns the cost and the result
    /// if the run finished.
    fn solve_or_finish(
        &self,
        run: &mut RunInProgress,
        columns: Vec<Vec<f64>>,
    ) -> (usize, Option<MinRatioRun>) {
        let p = run.theta.len();
        let hessian = symmetric_from_columns(&columns);
        let finite = hessian.iter().all(|h| h.is_finite());
        let (loss, gradient) = self.network.gradient(&run.theta);
        let gradient_norm = DVector::from(gradient.clone()).norm();
        let eigen = SymmetricEigen::new(if finite {
            hessian
        } else {
            DMatrix::zeros(p, p)
        });
        let cost = p + 1;
        let done = !finite
            || gradient_norm <= GRADIENT_TARGET
            || run.solver_iterations >= self.config.max_solver_iterations;
        if !done {
            let largest = eigen.eigenvalues.amax();
            let damping = run
                .damping
                .get_or_insert(INITIAL_RELATIVE_DAMPING * largest * largest);
            let step = damped_newton_step(&self.network, &run.theta, &gradient, &eigen, damping);
            if let Some(theta) = step.theta {
                run.theta = theta;
                run.solver_iterations += 1;
                run.stage = Stage::Curvature {
                    columns: Vec::with_capacity(p),
                };
                return (cost + step.trials, None);
            }
        }
        let result = spectrum_result(
            loss,
            gradient_norm,
            eigen.eigenvalues.as_slice(),
            run.training_steps,
            run.solver_iterations,
        );
        (cost, Some(result))
    }
}

impl RunInProgress {
    /// Rough share of this run done: training is the first half, solving the second.
    fn fraction(&self, config: &MinRatioConfig) -> f64 {
        match &self.stage {
            Stage::Training { done, .. } => {
                0.5 * (*done as f64 + 1.0) / (self.training_steps as f64 + 1.0)
            }
            Stage::Curvature { columns } => {
                let iteration = self.solver_iterations as f64
                    + columns.len() as f64 / self.theta.len().max(1) as f64;
                0.5 + 0.5 * (iteration / (config.max_solver_iterations as f64 + 1.0)).min(1.0)
            }
        }
    }
}

/// Sorts the spectrum and counts its signs.
fn spectrum_result(
    training_loss: f64,
    gradient_norm: f64,
    eigenvalues: &[f64],
    training_steps: usize,
    solver_iterations: usize,
) -> MinRatioRun {
    let mut eigenvalues = eigenvalues.to_vec();
    crate::sorting::sort_numbers(&mut eigenvalues);
    let largest = eigenvalues.iter().fold(0.0_f64, |m, l| m.max(l.abs()));
    let tolerance = ZERO_EIGENVALUE_TOLERANCE * largest;
    let positive = eigenvalues.iter().filter(|&&l| l > tolerance).count();
    let negative = eigenvalues.iter().filter(|&&l| l < -tolerance).count();
    let curved = positive + negative;
    MinRatioRun {
        training_loss,
        gradient_norm,
        minimum_ratio: if curved == 0 {
            0.0
        } else {
            positive as f64 / curved as f64
        },
        zero: eigenvalues.len() - curved,
        eigenvalues,
        positive,
        negative,
        training_steps,
        solver_iterations,
    }
}
