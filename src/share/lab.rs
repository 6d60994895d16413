//! The network lab's settings as a link carries them: `lab=network` opens the lab, and its own keys say
//! which task, network and training it shows. The page, its Web Worker and the tests all read them here.

use super::encode::number;
use super::notice::IgnoredBecause;
use crate::network::{
    DataConfig, ExperimentConfig, Network, Task, TrainingConfig, TrainingMethod, MAX_NOISE,
    MAX_PARAMS,
};

/// The only lab there is, as `lab=` names it.
pub const LAB_NAME: &str = "network";
/// Widest hidden layer a link may ask for (P ≤ [`MAX_PARAMS`] limits the network further).
pub const MAX_WIDTH: usize = 250;
/// Most runs the page's experiment may be asked for.
pub const MAX_LAB_RUNS: usize = 200;
/// Largest learning rate a link may set.
pub const MAX_LAB_LEARNING_RATE: f64 = 10.0;

/// What the lab trains and how.
#[derive(Debug, Clone, PartialEq)]
pub struct LabSettings {
    /// The data set the network learns.
    pub task: Task,
    /// The task's noise level in [0, 1] (see [`Task`]).
    pub noise: f64,
    /// One or two hidden layers' widths.
    pub hidden: Vec<usize>,
    /// Training's update rule.
    pub method: TrainingMethod,
    /// Its step size η.
    pub learning_rate: f64,
    /// Momentum's β.
    pub beta: f64,
    /// SGD's mini-batch size (the other methods step on the whole training set).
    pub batch: usize,
    /// Draws the starting point and the mini-batches.
    pub seed: u64,
    /// R, the experiment's runs.
    pub runs: usize,
}

impl Default for LabSettings {
    /// XOR with 4 tanh units (P = 17) and full-batch gradient descent at η = 0.3 from seed 3: it stalls
    /// after 539 steps on the plateau at L ≈ 0.69 (log 2: the network barely separates the classes), next
    /// to a saddle of index 3 that an escape step along u_min leaves, after which the loss falls to
    /// about 0.5 (tests/lab.rs).
    fn default() -> LabSettings {
        LabSettings {
            task: Task::Xor,
            noise: 0.1,
            hidden: vec![4],
            method: TrainingMethod::Gd,
            learning_rate: 0.3,
            beta: 0.9,
            batch: 16,
            seed: 3,
            runs: 20,
        }
    }
}

impl LabSettings {
    /// These settings with `other`'s training knobs (method, η, β, batch): the ones a network takes from its
    /// next step on, without starting anew.
    pub fn with_training_of(&self, other: &LabSettings) -> LabSettings {
        LabSettings {
            method: other.method,
            learning_rate: other.learning_rate,
            beta: other.beta,
            batch: other.batch,
            ..self.clone()
        }
    }

    /// The training set and test set (the lab's sizes are [`DataConfig::new`]'s).
    pub fn data(&self) -> DataConfig {
        DataConfig {
            noise: self.noise,
            ..DataConfig::new(self.task)
        }
    }

    /// P for this task's inputs, as [`Network`] lays θ out (one linear output).
    pub fn parameter_count(&self) -> usize {
        let widths: Vec<usize> = std::iter::once(self.task.inputs())
            .chain(self.hidden.iter().copied())
            .chain(std::iter::once(1))
            .collect();
        widths
            .windows(2)
            .map(|pair| pair[1].saturating_mul(pair[0] + 1))
            .fold(0, usize::saturating_add)
    }

    /// The network, or why there is none (a width of 0, too many layers or parameters).
    pub fn network(&self) -> Result<Network, String> {
        Network::new(
            self.task.inputs(),
            &self.hidden,
            self.task.loss(),
            crate::network::DEFAULT_WEIGHT_DECAY,
        )
    }

    /// The update rule: the batch applies to SGD only.
    pub fn training(&self) -> TrainingConfig {
        TrainingConfig {
            method: self.method,
            learning_rate: self.learning_rate,
            beta: self.beta,
            batch: (self.method == TrainingMethod::Sgd).then_some(self.batch),
            seed: self.seed,
        }
    }

    /// The experiment on this task and network: R runs from the lab's seed, trained as
    /// [`ExperimentConfig::new`] trains them (full-batch Adam until the loss stalls).
    pub fn experiment(&self) -> ExperimentConfig {
        ExperimentConfig::new(self.data(), self.hidden.clone(), self.runs, self.seed)
    }

    /// The link's `key=value` pairs for every setting that differs from the default, in a fixed order,
    /// after `lab=network`.
    pub fn link_pairs(&self) -> Vec<String> {
        let defaults = LabSettings::default();
        let mut pairs = vec![format!("lab={LAB_NAME}")];
        if self.task != defaults.task {
            pairs.push(format!("task={}", self.task.name()));
        }
        if self.noise != defaults.noise {
            pairs.push(format!("noise={}", number(self.noise)));
        }
        if self.hidden != defaults.hidden {
            let widths: Vec<String> = self.hidden.iter().map(usize::to_string).collect();
            pairs.push(format!("hidden={}", widths.join(",")));
        }
        if self.method != defaults.method {
            pairs.push(format!("lab-opt={}", self.method.name()));
        }
        if self.learning_rate != defaults.learning_rate {
            pairs.push(format!("lab-lr={}", number(self.learning_rate)));
        }
        if self.beta != defaults.beta {
            pairs.push(format!("lab-beta={}", number(self.beta)));
        }
        if self.batch != defaults.batch {
            pairs.push(format!("lab-batch={}", self.batch));
        }
        if self.seed != defaults.seed {
            pairs.push(format!("lab-seed={}", self.seed));
        }
        if self.runs != defaults.runs {
            pairs.push(format!("lab-runs={}", self.runs));
        }
        pairs
    }

    /// Reads one of the lab's keys into these settings: `None` if `key` is not one of them, else whether
    /// the value was taken (`Err` says why not; the setting keeps its value).
    pub fn read(&mut self, key: &str, value: &str) -> Option<Result<(), IgnoredBecause>> {
        let finite = || value.trim().parse::<f64>().ok().filter(|v| v.is_finite());
        let outcome = match key {
            "task" => Task::from_name(value)
                .map(|task| self.task = task)
                .ok_or(IgnoredBecause::Task),
            "noise" => finite()
                .filter(|n| (0.0..=MAX_NOISE).contains(n))
                .map(|n| self.noise = n)
                .ok_or(IgnoredBecause::Noise),
            "hidden" => read_widths(value)
                .map(|widths| self.hidden = widths)
                .ok_or(IgnoredBecause::Hidden),
            "lab-opt" => TrainingMethod::from_name(value)
                .map(|method| self.method = method)
                .ok_or(IgnoredBecause::LabOptimizer),
            "lab-lr" => finite()
                .filter(|lr| *lr > 0.0 && *lr <= MAX_LAB_LEARNING_RATE)
                .map(|lr| self.learning_rate = lr)
                .ok_or(IgnoredBecause::LabLearningRate),
            "lab-beta" => finite()
                .filter(|b| (0.0..1.0).contains(b))
                .map(|b| self.beta = b)
                .ok_or(IgnoredBecause::Beta),
            "lab-batch" => value
                .parse::<usize>()
                .ok()
                .filter(|b| (1..=largest_batch()).contains(b))
                .map(|b| self.batch = b)
                .ok_or(IgnoredBecause::LabBatch),
            "lab-seed" => value
                .parse::<u64>()
                .map(|s| self.seed = s)
                .map_err(|_| IgnoredBecause::Seed),
            "lab-runs" => value
                .parse::<usize>()
                .ok()
                .filter(|r| (1..=MAX_LAB_RUNS).contains(r))
                .map(|r| self.runs = r)
                .ok_or(IgnoredBecause::LabRuns),
            _ => return None,
        };
        Some(outcome)
    }

    /// Whether the network fits within [`MAX_PARAMS`]; the link's `hidden` is dropped if it does not.
    pub fn fits(&self) -> bool {
        self.parameter_count() <= MAX_PARAMS
    }
}

/// A mini-batch holds at most the whole training set (the same size for every task).
pub(super) fn largest_batch() -> usize {
    DataConfig::new(Task::Sine).train
}

/// One or two widths from 1 to [`MAX_WIDTH`], comma-separated.
fn read_widths(text: &str) -> Option<Vec<usize>> {
    let widths: Vec<usize> = text
        .split(',')
        .map(|part| {
            part.trim()
                .parse::<usize>()
                .ok()
                .filter(|w| (1..=MAX_WIDTH).contains(w))
        })
        .collect::<Option<_>>()?;
    (1..=crate::network::MAX_HIDDEN_LAYERS)
        .contains(&widths.len())
        .then_some(widths)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_parameter_count_is_the_networks() {
        for hidden in [vec![1], vec![8], vec![125], vec![10, 14], vec![20, 20]] {
            for task in Task::ALL {
                let settings = LabSettings {
                    task,
                    hidden: hidden.clone(),
                    ..LabSettings::default()
                };
                let network = settings.network().expect("fits");
                assert_eq!(settings.parameter_count(), network.parameter_count());
            }
        }
        // 2-D inputs, widths 20 and 20: 20·3 + 20·21 + 21 = 501.
        let settings = LabSettings {
            hidden: vec![20, 20],
            ..LabSettings::default()
        };
        assert_eq!(settings.parameter_count(), 501);
        let too_big = LabSettings {
            hidden: vec![250, 250],
            ..LabSettings::default()
        };
        assert!(!too_big.fits() && too_big.network().is_err());
    }

    #[test]
    fn training_knobs_are_taken_and_the_network_kept() {
        let network = LabSettings::default();
        let other = LabSettings {
            task: Task::Spiral,
            hidden: vec![9],
            seed: 11,
            method: TrainingMethod::Adam,
            learning_rate: 0.02,
            beta: 0.5,
            batch: 7,
            runs: 3,
            ..LabSettings::default()
        };
        let taken = network.with_training_of(&other);
        assert_eq!(
            (taken.method, taken.learning_rate, taken.beta, taken.batch),
            (TrainingMethod::Adam, 0.02, 0.5, 7)
        );
        assert_eq!(
            (taken.task, taken.hidden, taken.seed, taken.runs),
            (
                network.task,
                network.hidden.clone(),
                network.seed,
                network.runs
            )
        );
    }
}
