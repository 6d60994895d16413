//! One worker's share of the lab's experiment or sweep: the runs whose indices it was given, for each size.
//! Run i depends only on the seed and i ([`Experiment::for_runs`]), so the page can deal the indices over
//! as many workers as the browser offers and merge what they send back by run.

use super::report::{ExperimentRun, LabReport};
use crate::network::{Experiment, Network, RunResult};
use crate::share::LabSettings;

/// The sweep's target parameter counts, each reached with the one-hidden-layer width nearest it.
pub const SWEEP_PARAMETERS: [usize; 4] = [10, 30, 100, 300];
/// Runs per size in the sweep.
pub const SWEEP_RUNS: usize = 10;
/// Work units per [`ExperimentShare::work`] call (a unit is one full-batch gradient).
const UNITS: usize = 8;

/// The runs `indices` of the lab's experiment (one size) or of its sweep (every size of
/// [`SWEEP_PARAMETERS`]).
pub struct ExperimentShare {
    experiments: Vec<Experiment>,
    /// How many of each experiment's results were reported.
    reported: Vec<usize>,
}

impl ExperimentShare {
    /// The experiment on the lab's task and network.
    pub fn experiment(
        settings: &LabSettings,
        indices: &[usize],
    ) -> Result<ExperimentShare, String> {
        ExperimentShare::of(vec![Experiment::for_runs(settings.experiment(), indices)?])
    }

    /// The sweep: [`SWEEP_RUNS`] runs at each size of [`SWEEP_PARAMETERS`], one hidden layer.
    pub fn sweep(settings: &LabSettings, indices: &[usize]) -> Result<ExperimentShare, String> {
        let experiments = SWEEP_PARAMETERS
            .iter()
            .map(|&p| {
                let mut config = settings.experiment();
                config.runs = SWEEP_RUNS;
                config.hidden = vec![Network::width_for(settings.task.inputs(), p)];
                Experiment::for_runs(config, indices)
            })
            .collect::<Result<Vec<_>, String>>()?;
        ExperimentShare::of(experiments)
    }

    fn of(experiments: Vec<Experiment>) -> Result<ExperimentShare, String> {
        Ok(ExperimentShare {
            reported: vec![0; experiments.len()],
            experiments,
        })
    }

    /// A little work on the first size not yet done.
    pub fn work(&mut self) {
        if let Some(experiment) = self.experiments.iter_mut().find(|e| !e.is_finished()) {
            experiment.advance(UNITS);
        }
    }

    /// Whether every run of every size is done.
    pub fn is_finished(&self) -> bool {
        self.experiments.iter().all(Experiment::is_finished)
    }

    /// The share of this worker's runs done, counting runs in progress by their own estimate.
    pub fn fraction(&self) -> f64 {
        let parts: Vec<_> = self.experiments.iter().map(Experiment::progress).collect();
        let total: usize = parts.iter().map(|p| p.runs_total).sum();
        parts
            .iter()
            .map(|p| p.fraction * p.runs_total as f64)
            .sum::<f64>()
            / total.max(1) as f64
    }

    /// The runs finished since the last call.
    pub fn new_runs(&mut self) -> Vec<LabReport> {
        let mut reports = Vec::new();
        for (size, experiment) in self.experiments.iter().enumerate() {
            let parameter_count = experiment.loss().parameter_count();
            for result in &experiment.results()[self.reported[size]..] {
                reports.push(LabReport::Run(run_report(size, parameter_count, result)));
            }
            self.reported[size] = experiment.results().len();
        }
        reports
    }
}

fn run_report(size: usize, parameter_count: usize, result: &RunResult) -> ExperimentRun {
    ExperimentRun {
        size,
        parameter_count,
        run: result.run,
        stalled_steps: result.stalled.steps,
        stalled_loss: result.stalled.loss,
        stalled_gradient_norm: result.stalled.gradient_norm,
        solver: result.solver.status,
        solver_iterations: result.solver.iterations,
        distance: result.solver.distance,
        inspection: result.inspection.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::Task;

    #[test]
    fn shares_merged_by_run_are_the_whole_experiment() {
        let settings = LabSettings {
            task: Task::Sine,
            hidden: vec![3],
            runs: 5,
            ..LabSettings::default()
        };
        let mut runs: Vec<ExperimentRun> = Vec::new();
        for indices in [vec![0, 2, 4], vec![1, 3]] {
            let mut share = ExperimentShare::experiment(&settings, &indices).expect("valid");
            let mut fraction = 0.0;
            while !share.is_finished() {
                share.work();
                assert!(share.fraction() >= fraction);
                fraction = share.fraction();
                runs.extend(share.new_runs().into_iter().map(|report| match report {
                    LabReport::Run(run) => run,
                    other => panic!("{other:?}"),
                }));
            }
            assert_eq!(share.fraction(), 1.0);
            assert!(share.new_runs().is_empty(), "each run is reported once");
        }
        runs.sort_by_key(|run| run.run);
        let mut experiment = Experiment::new(settings.experiment()).expect("valid");
        let whole = experiment.run_to_end();
        assert_eq!(runs.len(), whole.len());
        for (share, whole) in runs.iter().zip(whole) {
            assert_eq!(*share, run_report(0, 10, whole));
        }
    }

    #[test]
    fn the_sweep_has_one_experiment_per_size() {
        let settings = LabSettings::default();
        let share = ExperimentShare::sweep(&settings, &[0]).expect("valid");
        let counts: Vec<usize> = share
            .experiments
            .iter()
            .map(|e| e.loss().parameter_count())
            .collect();
        // Two inputs: P = 4h + 1.
        assert_eq!(counts, [9, 29, 101, 301]);
        assert!(ExperimentShare::sweep(&settings, &[SWEEP_RUNS]).is_ok_and(|s| s.is_finished()));
    }
}
