//! The experiment's Web Workers: one fewer than the cores the browser reports (the page and the lab's own
//! worker keep one), each given every k-th run. Run i depends only on the seed and i, so the runs merged
//! by index are the experiment whichever worker ran which.

use wasm_bindgen::JsValue;

use super::worker_bridge::WorkerBridge;
use crate::jobs::{ExperimentResults, Job, LabReport, Outgoing, SWEEP_PARAMETERS, SWEEP_RUNS};
use crate::share::LabSettings;

/// Most experiment workers, whatever the browser reports.
const MOST_WORKERS: usize = 8;

/// What the workers' reports changed since the frame loop last looked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Change {
    Nothing,
    /// A share's estimate of its progress.
    Progress,
    /// Runs arrived, or a share ended: the charts and the buttons follow.
    Runs,
}

#[derive(Default)]
pub struct ExperimentPool {
    workers: Vec<WorkerBridge>,
    /// Each worker's share under way.
    shares: Vec<Option<Share>>,
    /// Runs of the shares that have finished.
    finished_runs: usize,
    pub results: Option<ExperimentResults>,
}

/// One worker's runs: its job's number, how many runs, and the fraction of them it reports done.
#[derive(Clone, Copy)]
struct Share {
    job: u32,
    runs: usize,
    fraction: f64,
}

impl ExperimentPool {
    /// A worker per core (`navigator.hardwareConcurrency`, at least 1): the page's own work between frames is
    /// light, so it keeps its frame rate beside them (`scripts/bench` counts its frames during an experiment).
    pub fn size() -> usize {
        let cores = web_sys::window()
            .map(|w| w.navigator().hardware_concurrency())
            .unwrap_or(1.0);
        (cores as usize).clamp(1, MOST_WORKERS)
    }

    /// Deals the runs of the experiment (or of the sweep, at each of its sizes) over the workers.
    pub fn start(&mut self, settings: &LabSettings, sweep: bool) -> Result<(), JsValue> {
        self.cancel()?;
        let runs = if sweep { SWEEP_RUNS } else { settings.runs };
        let count = Self::size().min(runs);
        while self.workers.len() < count {
            self.workers.push(WorkerBridge::default());
        }
        let sizes = if sweep { SWEEP_PARAMETERS.len() } else { 1 };
        self.results = Some(ExperimentResults::new(sweep, runs * sizes));
        let link = Job::lab_link(settings);
        self.shares = vec![None; self.workers.len()];
        self.finished_runs = 0;
        for (index, worker) in self.workers.iter_mut().take(count).enumerate() {
            let indices: Vec<usize> = (index..runs).step_by(count).collect();
            let runs = indices.len() * sizes;
            let job = worker.post(&Job::Experiment {
                link: link.clone(),
                runs: indices,
                sweep,
            })?;
            self.shares[index] = Some(Share {
                job,
                runs,
                fraction: 0.0,
            });
        }
        Ok(())
    }

    /// Stops every worker's share (the runs already in stay).
    pub fn cancel(&mut self) -> Result<(), JsValue> {
        for (worker, share) in self.workers.iter_mut().zip(&mut self.shares) {
            if share.take().is_some() {
                worker.post(&Job::Cancel)?;
            }
        }
        Ok(())
    }

    pub fn is_running(&self) -> bool {
        self.shares.iter().any(Option::is_some)
    }

    /// Workers with a share under way.
    pub fn busy_workers(&self) -> usize {
        self.shares.iter().flatten().count()
    }

    /// The share of all runs done, counting the shares under way by their workers' estimates.
    pub fn fraction(&self) -> f64 {
        let total = self.results.as_ref().map_or(0, |r| r.total);
        let under_way: f64 = self
            .shares
            .iter()
            .flatten()
            .map(|share| share.fraction * share.runs as f64)
            .sum();
        ((self.finished_runs as f64 + under_way) / total.max(1) as f64).min(1.0)
    }

    /// Takes what every worker reported, and says what it changed.
    pub fn follow(&mut self) -> Result<Change, JsValue> {
        let mut changed = Change::Nothing;
        for (worker, share) in self.workers.iter_mut().zip(&mut self.shares) {
            for report in worker.take_reports()? {
                let Some(current) = share.as_mut() else {
                    continue;
                };
                match report {
                    Outgoing::Progress { job, fraction } if job == current.job => {
                        current.fraction = fraction;
                        changed = changed.max(Change::Progress);
                        continue;
                    }
                    Outgoing::Partial { job, packed } if job == current.job => {
                        if let (Some(LabReport::Run(run)), Some(results)) =
                            (LabReport::unpack(&packed), self.results.as_mut())
                        {
                            results.add(run);
                        }
                    }
                    Outgoing::Result { job, .. } if job == current.job => {
                        self.finished_runs += current.runs;
                        *share = None;
                    }
                    Outgoing::Error { job, message } if job == current.job => {
                        web_sys::console::error_1(&JsValue::from_str(&message));
                        *share = None;
                    }
                    _ => continue,
                }
                changed = Change::Runs;
            }
        }
        Ok(changed)
    }
}
