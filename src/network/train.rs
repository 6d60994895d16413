//! Training, one step at a time: full-batch gradient descent, mini-batch SGD, momentum and Adam, with a
//! detector that says when the training loss has stopped going down.

use serde::{Deserialize, Serialize};

use super::inspect::norm;
use super::objective::NetworkLoss;
use crate::data::Rng;

/// The update rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TrainingMethod {
    /// θ ← θ − η∇L on the full training set.
    Gd,
    /// θ ← θ − η∇L_B on a fresh random mini-batch B each step.
    Sgd,
    /// m ← βm − η∇L, θ ← θ + m (the lecture's form).
    Momentum,
    /// Adam (Kingma & Ba 2015) with β₁ = 0.9, β₂ = 0.999, ε = 10⁻⁸.
    Adam,
}

impl TrainingMethod {
    /// Every method, in the order the lab lists them.
    pub const ALL: [TrainingMethod; 4] = [
        TrainingMethod::Gd,
        TrainingMethod::Sgd,
        TrainingMethod::Momentum,
        TrainingMethod::Adam,
    ];

    /// The name used in the JSON, the command line and the share links.
    pub fn name(self) -> &'static str {
        match self {
            TrainingMethod::Gd => "gd",
            TrainingMethod::Sgd => "sgd",
            TrainingMethod::Momentum => "momentum",
            TrainingMethod::Adam => "adam",
        }
    }

    /// The method with this [`name`](TrainingMethod::name), or `None` if there is none.
    pub fn from_name(name: &str) -> Option<TrainingMethod> {
        TrainingMethod::ALL
            .into_iter()
            .find(|method| method.name() == name)
    }
}

const ADAM_BETA1: f64 = 0.9;
const ADAM_BETA2: f64 = 0.999;
const ADAM_EPSILON: f64 = 1e-8;
/// A training loss above this many times the first one (or not finite) counts as diverged.
const DIVERGENCE_FACTOR: f64 = 1e6;

/// How to train.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrainingConfig {
    /// The update rule.
    pub method: TrainingMethod,
    /// η.
    pub learning_rate: f64,
    /// β, momentum's coefficient.
    pub beta: f64,
    /// Examples per step for SGD, momentum and Adam (`None`: all of them); GD always uses all.
    pub batch: Option<usize>,
    /// Seeds the mini-batch sampler.
    pub seed: u64,
}

impl TrainingConfig {
    /// The defaults for `method`: η = 0.1 (0.01 for Adam), β = 0.9, batches of 16 for SGD and all
    /// examples otherwise, seed 0.
    pub fn new(method: TrainingMethod) -> TrainingConfig {
        TrainingConfig {
            method,
            learning_rate: match method {
                TrainingMethod::Adam => 0.01,
                _ => 0.1,
            },
            beta: 0.9,
            batch: (method == TrainingMethod::Sgd).then_some(16),
            seed: 0,
        }
    }

    /// Checks that η is finite and positive, β is in [0, 1) and a batch has at least one example.
    pub fn check(&self) -> Result<(), String> {
        if !(self.learning_rate.is_finite() && self.learning_rate > 0.0) {
            return Err(format!(
                "the learning rate must be positive, not {}",
                self.learning_rate
            ));
        }
        if !(0.0..1.0).contains(&self.beta) {
            return Err(format!("β must be in [0, 1), not {}", self.beta));
        }
        if self.batch == Some(0) {
            return Err("a batch needs at least one example".into());
        }
        Ok(())
    }

    /// The examples per step on a training set of `n`.
    pub fn batch_size(&self, n: usize) -> usize {
        match (self.method, self.batch) {
            (TrainingMethod::Gd, _) | (_, None) => n,
            (_, Some(batch)) => batch.clamp(1, n.max(1)),
        }
    }
}

/// When training counts as stalled: over the last `window` steps the lowest training loss improved on
/// the lowest before them by less than `relative_tolerance` of itself. Minima, not the last value, so
/// the noise of mini-batch steps does not hide progress or fake it; relative, so the units of L do not
/// matter.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct StallRule {
    /// Steps in the window (0 acts as 1).
    pub window: usize,
    /// Progress means the window improving by more than this share of its lowest loss (in absolute value).
    pub relative_tolerance: f64,
}

impl Default for StallRule {
    fn default() -> Self {
        StallRule {
            window: 200,
            relative_tolerance: 1e-3,
        }
    }
}

/// Applies a [`StallRule`] to the training losses as they come.
#[derive(Clone, Debug, PartialEq)]
pub struct StallDetector {
    rule: StallRule,
    /// The losses of the current window, oldest first.
    recent: std::collections::VecDeque<f64>,
    /// The lowest loss before the current window.
    best_before: f64,
}

impl StallDetector {
    /// A detector that has seen no losses yet.
    pub fn new(rule: StallRule) -> StallDetector {
        StallDetector {
            rule,
            recent: std::collections::VecDeque::with_capacity(rule.window + 1),
            best_before: f64::INFINITY,
        }
    }

    /// Takes the next training loss; true when training has stalled by the rule.
    pub fn observe(&mut self, loss: f64) -> bool {
        self.recent.push_back(loss);
        if self.recent.len() > self.rule.window.max(1) {
            let oldest = self.recent.pop_front().unwrap_or(f64::INFINITY);
            self.best_before = self.best_before.min(oldest);
        }
        if !self.best_before.is_finite() {
            return false;
        }
        let best_recent = self.recent.iter().copied().fold(f64::INFINITY, f64::min);
        self.best_before - best_recent <= self.rule.relative_tolerance * best_recent.abs()
    }
}

/// Where a training run stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TrainingStatus {
    /// Not ended: neither stalled, nor at the step limit, nor diverged.
    Running,
    /// The stall rule fired.
    Stalled,
    /// The step limit came first.
    StepLimit,
    /// L became non-finite or grew a millionfold: η is too large.
    Diverged,
}

/// One step's numbers.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct TrainingStep {
    /// Steps taken so far, this one included.
    pub step: usize,
    /// The full training loss at the parameters the step started from.
    pub loss: f64,
    /// ‖∇L‖ of the full gradient there (for full-batch steps; mini-batch steps report the batch gradient's).
    pub gradient_norm: f64,
    /// Where the run stands after this step.
    pub status: TrainingStatus,
}

/// A training run's optimizer state: one [`step`](Self::step) at a time.
#[derive(Clone, Debug)]
pub struct Trainer {
    config: TrainingConfig,
    sampler: Rng,
    /// Momentum's m, or Adam's first moment.
    velocity: Vec<f64>,
    /// Adam's second moment.
    second_moment: Vec<f64>,
    /// Adam's β₁ᵗ and β₂ᵗ.
    beta_powers: [f64; 2],
    steps: usize,
    max_steps: usize,
    first_loss: Option<f64>,
    stall: StallDetector,
    status: TrainingStatus,
}

impl Trainer {
    /// A trainer for `parameters` parameters that stops after `max_steps` or when `stall` fires.
    pub fn new(
        config: TrainingConfig,
        stall: StallRule,
        parameters: usize,
        max_steps: usize,
    ) -> Trainer {
        Trainer {
            config,
            sampler: Rng::new(config.seed),
            velocity: vec![0.0; parameters],
            second_moment: vec![0.0; parameters],
            beta_powers: [1.0; 2],
            steps: 0,
            max_steps,
            first_loss: None,
            stall: StallDetector::new(stall),
            status: TrainingStatus::Running,
        }
    }

    /// Where the run stands.
    pub fn status(&self) -> TrainingStatus {
        self.status
    }

    /// Steps taken so far.
    pub fn steps(&self) -> usize {
        self.steps
    }

    /// Changes the update rule's knobs mid-run (the page's sliders), keeping its history.
    pub fn set_config(&mut self, config: TrainingConfig) {
        self.config = config;
    }

    /// Starts the stall watch over (after an escape step, say) and lets a finished run go on.
    pub fn resume(&mut self, extra_steps: usize) {
        self.stall = StallDetector::new(self.stall.rule);
        self.max_steps = self.steps + extra_steps;
        self.status = TrainingStatus::Running;
    }

    /// One update of θ. Does nothing once the run has ended (the status says why).
    pub fn step(&mut self, loss: &NetworkLoss, theta: &mut [f64]) -> TrainingStep {
        if self.status != TrainingStatus::Running {
            return TrainingStep {
                step: self.steps,
                loss: loss.value(theta),
                gradient_norm: f64::NAN,
                status: self.status,
            };
        }
        let n = loss.examples();
        let batch_size = self.config.batch_size(n);
        let (value, gradient) = if batch_size >= n {
            loss.gradient(theta)
        } else {
            let batch = self.sampler.distinct_indices(n, batch_size);
            (loss.value(theta), loss.batch_gradient(theta, &batch).1)
        };
        let first = *self.first_loss.get_or_insert(value);
        self.steps += 1;
        let diverged = !value.is_finite()
            || value.abs() > DIVERGENCE_FACTOR * first.abs().max(f64::MIN_POSITIVE);
        self.status = if diverged {
            TrainingStatus::Diverged
        } else if self.stall.observe(value) {
            TrainingStatus::Stalled
        } else if self.steps >= self.max_steps {
            TrainingStatus::StepLimit
        } else {
            TrainingStatus::Running
        };
        if !diverged {
            self.update(theta, &gradient);
        }
        TrainingStep {
            step: self.steps,
            loss: value,
            gradient_norm: norm(&gradient),
            status: self.status,
        }
    }

    fn update(&mut self, theta: &mut [f64], gradient: &[f64]) {
        let TrainingConfig {
            learning_rate: eta,
            beta,
            ..
        } = self.config;
        match self.config.method {
            TrainingMethod::Gd | TrainingMethod::Sgd => {
                for (t, g) in theta.iter_mut().zip(gradient) {
                    *t -= eta * g;
                }
            }
            TrainingMethod::Momentum => {
                for ((t, m), g) in theta.iter_mut().zip(&mut self.velocity).zip(gradient) {
                    *m = beta * *m - eta * g;
                    *t += *m;
                }
            }
            TrainingMethod::Adam => {
                self.beta_powers = [
                    self.beta_powers[0] * ADAM_BETA1,
                    self.beta_powers[1] * ADAM_BETA2,
                ];
                let corrections = [1.0 - self.beta_powers[0], 1.0 - self.beta_powers[1]];
                let moments = self.velocity.iter_mut().zip(&mut self.second_moment);
                for ((t, g), (m, v)) in theta.iter_mut().zip(gradient).zip(moments) {
                    *m = ADAM_BETA1 * *m + (1.0 - ADAM_BETA1) * g;
                    *v = ADAM_BETA2 * *v + (1.0 - ADAM_BETA2) * g * g;
                    *t -=
                        eta * (*m / corrections[0]) / ((*v / corrections[1]).sqrt() + ADAM_EPSILON);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::objective::tests::sample;
    use crate::network::Task;

    #[test]
    fn one_step_of_each_rule_matches_its_formula() {
        let (loss, theta) = sample(Task::Sine, &[3], 0.0, 4);
        let (_, g) = loss.gradient(&theta);
        let mut plain = theta.clone();
        Trainer::new(
            TrainingConfig::new(TrainingMethod::Gd),
            StallRule::default(),
            theta.len(),
            10,
        )
        .step(&loss, &mut plain);
        for k in 0..theta.len() {
            assert_eq!(plain[k], theta[k] - 0.1 * g[k]);
        }
        // Momentum: two steps, m₁ = −ηg₀, m₂ = βm₁ − ηg₁.
        let mut config = TrainingConfig::new(TrainingMethod::Momentum);
        config.beta = 0.5;
        let mut trainer = Trainer::new(config, StallRule::default(), theta.len(), 10);
        let mut moved = theta.clone();
        trainer.step(&loss, &mut moved);
        let (_, g1) = loss.gradient(&moved);
        let after_one = moved.clone();
        trainer.step(&loss, &mut moved);
        for k in 0..theta.len() {
            let m2 = 0.5 * (-0.1 * g[k]) - 0.1 * g1[k];
            assert!((moved[k] - (after_one[k] + m2)).abs() < 1e-15);
        }
        // Adam's first step moves every coordinate by η against its gradient's sign: m̂ = g, v̂ = g².
        let mut adam = theta.clone();
        Trainer::new(
            TrainingConfig::new(TrainingMethod::Adam),
            StallRule::default(),
            theta.len(),
            10,
        )
        .step(&loss, &mut adam);
        for k in 0..theta.len() {
            let expected = theta[k] - 0.01 * g[k] / (g[k].abs() + ADAM_EPSILON);
            assert!((adam[k] - expected).abs() < 1e-15);
        }
    }

    #[test]
    fn sgd_repeats_with_its_seed_and_differs_from_gd() {
        let (loss, theta) = sample(Task::Circle, &[4], 0.0, 4);
        let run = |seed| {
            let mut config = TrainingConfig::new(TrainingMethod::Sgd);
            config.seed = seed;
            let mut trainer = Trainer::new(config, StallRule::default(), theta.len(), 100);
            let mut t = theta.clone();
            for _ in 0..5 {
                trainer.step(&loss, &mut t);
            }
            t
        };
        assert_eq!(run(1), run(1));
        assert_ne!(run(1), run(2));
    }

    #[test]
    fn the_stall_detector_fires_on_a_plateau_and_not_on_steady_progress() {
        let rule = StallRule {
            window: 10,
            relative_tolerance: 1e-3,
        };
        let mut steady = StallDetector::new(rule);
        assert!((0..100).all(|t| !steady.observe(0.99f64.powi(t))));
        let mut plateau = StallDetector::new(rule);
        let fired: Vec<bool> = (0..30)
            .map(|t| plateau.observe(if t < 5 { 1.0 - 0.1 * t as f64 } else { 0.5 }))
            .collect();
        assert!(!fired[..14].iter().any(|&f| f), "{fired:?}");
        assert!(fired[15], "{fired:?}");
    }

    #[test]
    fn a_huge_learning_rate_diverges_and_stops() {
        let (loss, theta) = sample(Task::Sine, &[3], 0.0, 4);
        let mut config = TrainingConfig::new(TrainingMethod::Gd);
        config.learning_rate = 1e6;
        let mut trainer = Trainer::new(config, StallRule::default(), theta.len(), 1000);
        let mut t = theta.clone();
        let mut last = None;
        for _ in 0..50 {
            last = Some(trainer.step(&loss, &mut t));
        }
        assert_eq!(last.map(|s| s.status), Some(TrainingStatus::Diverged));
        assert!(trainer.steps() < 50);
    }
}
