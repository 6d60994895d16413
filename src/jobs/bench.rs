//! What `scripts/bench` times inside the worker: the lab's costly steps, on the shapes the native
//! `cargo bench --bench network` uses, so the two can be compared. The worker's clock times
//! [`BenchTask::run_once`]; nothing here reads a clock.

use std::hint::black_box;

use crate::data::Rng;
use crate::network::{
    eigenvalues, DataConfig, Dataset, Network, NetworkLoss, StallRule, Task, Trainer,
    TrainingConfig, TrainingMethod, DEFAULT_WEIGHT_DECAY,
};

/// Which step to time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BenchKind {
    /// The exact Hessian and all its eigenvalues at a random start (300 training points).
    Hessian,
    /// One full-batch gradient-descent step on 500 training points.
    TrainingStep,
}

/// A network of about `params` parameters on the spiral task, ready to time.
pub struct BenchTask {
    kind: BenchKind,
    loss: NetworkLoss,
    theta: Vec<f64>,
    trainer: Trainer,
}

impl BenchTask {
    /// Reads `bench\n<hessian|step>\n<P>`; `None` for any other text.
    pub fn from_text(text: &str) -> Option<Result<BenchTask, String>> {
        let mut lines = text.split('\n');
        if lines.next()? != "bench" {
            return None;
        }
        let kind = match lines.next() {
            Some("hessian") => BenchKind::Hessian,
            Some("step") => BenchKind::TrainingStep,
            _ => return Some(Err("unknown bench".into())),
        };
        let params = lines.next().and_then(|p| p.parse::<usize>().ok());
        Some(
            params
                .ok_or_else(|| "no parameter count".to_string())
                .and_then(|p| BenchTask::new(kind, p)),
        )
    }

    /// The text [`BenchTask::from_text`] reads.
    pub fn text(kind: BenchKind, params: usize) -> String {
        let name = match kind {
            BenchKind::Hessian => "hessian",
            BenchKind::TrainingStep => "step",
        };
        format!("bench\n{name}\n{params}")
    }

    /// Spiral data (300 training points for the Hessian, 500 for a step) and a network of about `params` parameters.
    pub fn new(kind: BenchKind, params: usize) -> Result<BenchTask, String> {
        let task = Task::Spiral;
        let train = match kind {
            BenchKind::Hessian => 300,
            BenchKind::TrainingStep => 500,
        };
        let data = Dataset::generate(&DataConfig {
            train,
            ..DataConfig::new(task)
        })?;
        let hidden = [Network::width_for(task.inputs(), params)];
        let network = Network::new(task.inputs(), &hidden, task.loss(), DEFAULT_WEIGHT_DECAY)?;
        let theta = network.initial_parameters(&mut Rng::new(1));
        let trainer = Trainer::new(
            TrainingConfig::new(TrainingMethod::Gd),
            StallRule::default(),
            theta.len(),
            usize::MAX,
        );
        Ok(BenchTask {
            kind,
            loss: NetworkLoss::new(network, data)?,
            theta,
            trainer,
        })
    }

    /// P of the network timed.
    pub fn parameter_count(&self) -> usize {
        self.theta.len()
    }

    /// One repetition of the timed step.
    pub fn run_once(&mut self) {
        match self.kind {
            BenchKind::Hessian => {
                black_box(eigenvalues(&self.loss.hessian(black_box(&self.theta))));
            }
            BenchKind::TrainingStep => {
                black_box(self.trainer.step(&self.loss, black_box(&mut self.theta)));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bench_reads_back_from_its_text() {
        let task = BenchTask::from_text(&BenchTask::text(BenchKind::Hessian, 200))
            .expect("a bench")
            .expect("valid");
        assert_eq!(task.parameter_count(), 201);
        assert!(BenchTask::from_text("basins\nv=1").is_none());
        assert!(BenchTask::from_text("bench\nfly\n3").is_some_and(|r| r.is_err()));
        let mut step = BenchTask::new(BenchKind::TrainingStep, 500).expect("valid");
        assert_eq!(step.parameter_count(), 501);
        let before = step.theta.clone();
        step.run_once();
        assert_ne!(step.theta, before);
    }
}
