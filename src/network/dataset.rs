//! The lab's toy tasks: a 1-D regression and four 2-D classification sets in the spirit of TensorFlow
//! Playground (circle, xor, two gaussians, spiral), seeded, with a noise level and a train/test split.
//!
//! The 2-D sets follow Playground's generators (tensorflow/playground, src/dataset.ts) in its coordinates
//! (about ±6), divided by [`PLAYGROUND_SCALE`] so inputs are O(1), where tanh units are neither linear nor
//! saturated. Classes are y ∈ {−1, 1}, the labels the logistic loss expects. All draws come from
//! [`Rng`] and sines from `portable_math`, so a seed gives the same points on every target.

use serde::{Deserialize, Serialize};

use crate::data::Rng;
use crate::portable_math::sin_cos;

/// Playground coordinates are divided by this.
pub const PLAYGROUND_SCALE: f64 = 5.0;
/// Most examples (train + test) a dataset may have, so a typo cannot allocate gigabytes.
pub const MAX_EXAMPLES: usize = 100_000;
/// The noise level is a number in [0, MAX_NOISE]; see [`Task`] for what it means per task.
pub const MAX_NOISE: f64 = 1.0;

/// The loss a task is fitted with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LossKind {
    /// L = (1/N) Σ (ŷᵢ − yᵢ)².
    Mse,
    /// L = (1/N) Σ log(1 + exp(−yᵢŷᵢ)), yᵢ ∈ {−1, 1}.
    Logistic,
}

impl LossKind {
    /// The name used in the JSON and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            LossKind::Mse => "mse",
            LossKind::Logistic => "logistic",
        }
    }

    /// The loss with this [`name`](LossKind::name), or `None` if there is none.
    pub fn from_name(name: &str) -> Option<LossKind> {
        [LossKind::Mse, LossKind::Logistic]
            .into_iter()
            .find(|kind| kind.name() == name)
    }
}

/// A toy task. The noise level ν ∈ [0, 1] means, per task:
/// - `Sine`: x ~ U(−1, 1), y = sin(3x) + ν·N(0, 1);
/// - `Circle`, `Xor`: as in Playground, a point is labelled by where it lands after a uniform jitter of
///   ±ν·(5 Playground units) per coordinate, so labels near the boundary flip;
/// - `Gauss`: two blobs at ±(2, 2) with variance 0.5 + 7ν (Playground maps its 0…0.5 to 0.5…4);
/// - `Spiral`: two interleaved arms, each point jittered by ±ν Playground units per coordinate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Task {
    /// 1-D regression: y = sin(3x) plus noise.
    Sine,
    /// A disc of class 1 inside a ring of class −1.
    Circle,
    /// Class 1 in the two quadrants where x₁·x₂ > 0, −1 in the other two.
    Xor,
    /// Two gaussian blobs: class 1 around (2, 2), class −1 around (−2, −2) (Playground units).
    Gauss,
    /// Two interleaved spiral arms, one per class.
    Spiral,
}

impl Task {
    /// Every task, in the order the lab lists them.
    pub const ALL: [Task; 5] = [
        Task::Sine,
        Task::Circle,
        Task::Xor,
        Task::Gauss,
        Task::Spiral,
    ];

    /// The name used in the JSON, the command line and the share links.
    pub fn name(self) -> &'static str {
        match self {
            Task::Sine => "sine",
            Task::Circle => "circle",
            Task::Xor => "xor",
            Task::Gauss => "gauss",
            Task::Spiral => "spiral",
        }
    }

    /// The task with this [`name`](Task::name), or `None` if there is none.
    pub fn from_name(name: &str) -> Option<Task> {
        Task::ALL.into_iter().find(|task| task.name() == name)
    }

    /// Input dimension: 1 for the regression, 2 for the classification sets.
    pub fn inputs(self) -> usize {
        match self {
            Task::Sine => 1,
            _ => 2,
        }
    }

    /// Regression is fitted by mean squared error, classification by the logistic loss.
    pub fn loss(self) -> LossKind {
        match self {
            Task::Sine => LossKind::Mse,
            _ => LossKind::Logistic,
        }
    }

    /// Example `index` of `total` (the first half of a classification set is the positive class).
    fn example(self, index: usize, total: usize, noise: f64, rng: &mut Rng) -> (Vec<f64>, f64) {
        let positive = index < total / 2;
        let sign = if positive { 1.0 } else { -1.0 };
        let scaled = |point: [f64; 2]| point.map(|c| c / PLAYGROUND_SCALE).to_vec();
        match self {
            Task::Sine => {
                let x = rng.uniform_in(-1.0, 1.0);
                let y = sin_cos(3.0 * x).0 + noise * rng.normal();
                (vec![x], y)
            }
            Task::Circle => {
                const RADIUS: f64 = 5.0;
                let r = if positive {
                    rng.uniform_in(0.0, 0.5 * RADIUS)
                } else {
                    rng.uniform_in(0.7 * RADIUS, RADIUS)
                };
                let (s, c) = sin_cos(rng.uniform_in(0.0, std::f64::consts::TAU));
                let point = [r * s, r * c];
                let jitter = [0, 1].map(|_| noise * rng.uniform_in(-RADIUS, RADIUS));
                let landed = (point[0] + jitter[0]).hypot(point[1] + jitter[1]);
                let label = if landed < 0.5 * RADIUS { 1.0 } else { -1.0 };
                (scaled(point), label)
            }
            Task::Xor => {
                const PADDING: f64 = 0.3;
                let point = [0, 1].map(|_| {
                    let c = rng.uniform_in(-5.0, 5.0);
                    c + PADDING.copysign(c)
                });
                let jitter = [0, 1].map(|_| noise * rng.uniform_in(-5.0, 5.0));
                let product = (point[0] + jitter[0]) * (point[1] + jitter[1]);
                (scaled(point), if product >= 0.0 { 1.0 } else { -1.0 })
            }
            Task::Gauss => {
                let deviation = (0.5 + 7.0 * noise).sqrt();
                let point = [0, 1].map(|_| 2.0 * sign + deviation * rng.normal());
                (scaled(point), sign)
            }
            Task::Spiral => {
                let half = (total / 2).max(1);
                let position = if positive { index } else { index - total / 2 };
                let along = position as f64 / half as f64;
                let r = 5.0 * along;
                let turn = if positive { 0.0 } else { std::f64::consts::PI };
                let (s, c) = sin_cos(1.75 * along * std::f64::consts::TAU + turn);
                let point = [
                    r * s + noise * rng.uniform_in(-1.0, 1.0),
                    r * c + noise * rng.uniform_in(-1.0, 1.0),
                ];
                (scaled(point), sign)
            }
        }
    }
}

/// What to generate.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct DataConfig {
    /// Which task to draw from.
    pub task: Task,
    /// N, the training examples: the loss, its gradient and its Hessian are over these.
    pub train: usize,
    /// Held-out examples for the test loss.
    pub test: usize,
    /// The noise level ν ∈ [0, [`MAX_NOISE`]]; see [`Task`] for what it does per task.
    pub noise: f64,
    /// Seeds the draws and the shuffle: the same config gives the same examples.
    pub seed: u64,
}

impl DataConfig {
    /// A few hundred training points, so P up to a few hundred does not dwarf N by construction.
    pub fn new(task: Task) -> DataConfig {
        DataConfig {
            task,
            train: 300,
            test: 100,
            noise: 0.1,
            seed: 1,
        }
    }
}

/// Examples with `inputs` features each: x row by row, y one number per example.
#[derive(Clone, Debug, PartialEq)]
pub struct Examples {
    inputs: usize,
    x: Vec<f64>,
    y: Vec<f64>,
}

impl Examples {
    /// From rows of features and their targets; every row must have `inputs` finite numbers.
    pub fn new(inputs: usize, rows: &[Vec<f64>], y: Vec<f64>) -> Result<Examples, String> {
        if rows.len() != y.len() {
            return Err(format!("{} inputs but {} targets", rows.len(), y.len()));
        }
        if let Some(row) = rows.iter().find(|row| row.len() != inputs) {
            return Err(format!("an example has {} inputs, not {inputs}", row.len()));
        }
        let x: Vec<f64> = rows.iter().flatten().copied().collect();
        if !x.iter().chain(&y).all(|v| v.is_finite()) {
            return Err("the data must be finite numbers".into());
        }
        Ok(Examples { inputs, x, y })
    }

    /// How many examples there are.
    pub fn len(&self) -> usize {
        self.y.len()
    }

    /// Whether there are no examples.
    pub fn is_empty(&self) -> bool {
        self.y.is_empty()
    }

    /// Features per example.
    pub fn inputs(&self) -> usize {
        self.inputs
    }

    /// Example i's features.
    pub fn x(&self, i: usize) -> &[f64] {
        &self.x[i * self.inputs..(i + 1) * self.inputs]
    }

    /// Example i's target (−1 or 1 for a classification task).
    pub fn y(&self, i: usize) -> f64 {
        self.y[i]
    }

    /// Every example's target, in order.
    pub fn targets(&self) -> &[f64] {
        &self.y
    }

    fn rows(&self) -> Vec<Vec<f64>> {
        self.x
            .chunks(self.inputs.max(1))
            .map(<[f64]>::to_vec)
            .collect()
    }
}

/// A training set and a test set drawn from the same task.
#[derive(Clone, Debug, PartialEq)]
pub struct Dataset {
    /// The examples the loss, gradient and Hessian are over.
    pub train: Examples,
    /// Held-out examples, only for the test loss (may be empty).
    pub test: Examples,
    /// How the data was generated, when it was (a dataset read from JSON may not say).
    pub origin: Option<DataConfig>,
}

impl Dataset {
    /// `train + test` examples of the task, shuffled, then split.
    pub fn generate(config: &DataConfig) -> Result<Dataset, String> {
        let total = config.train.saturating_add(config.test);
        if config.train == 0 || total > MAX_EXAMPLES {
            return Err(format!(
                "a dataset needs at least 1 training example and at most {MAX_EXAMPLES} in all"
            ));
        }
        if !(0.0..=MAX_NOISE).contains(&config.noise) {
            return Err(format!(
                "the noise must be in [0, {MAX_NOISE}], not {}",
                config.noise
            ));
        }
        let mut rng = Rng::new(config.seed);
        let mut examples: Vec<(Vec<f64>, f64)> = (0..total)
            .map(|i| config.task.example(i, total, config.noise, &mut rng))
            .collect();
        // Fisher–Yates, so both splits mix the classes.
        for i in (1..total).rev() {
            examples.swap(i, rng.below(i + 1));
        }
        let test = examples.split_off(config.train);
        let inputs = config.task.inputs();
        let split = |part: Vec<(Vec<f64>, f64)>| {
            let (rows, y): (Vec<Vec<f64>>, Vec<f64>) = part.into_iter().unzip();
            Examples::new(inputs, &rows, y)
        };
        Ok(Dataset {
            train: split(examples)?,
            test: split(test)?,
            origin: Some(*config),
        })
    }

    /// Features per example (the test set has as many).
    pub fn inputs(&self) -> usize {
        self.train.inputs
    }
}

/// The JSON shape of a dataset: `{task, noise, seed, x: [[…], …], y: […], test: {x, y}}` (the first three
/// only when known).
#[derive(Serialize, Deserialize)]
struct DatasetJson {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    task: Option<Task>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    noise: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    seed: Option<u64>,
    x: Vec<Vec<f64>>,
    y: Vec<f64>,
    #[serde(default)]
    test: ExamplesJson,
}

#[derive(Serialize, Deserialize, Default)]
struct ExamplesJson {
    x: Vec<Vec<f64>>,
    y: Vec<f64>,
}

impl Serialize for Dataset {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        DatasetJson {
            task: self.origin.map(|o| o.task),
            noise: self.origin.map(|o| o.noise),
            seed: self.origin.map(|o| o.seed),
            x: self.train.rows(),
            y: self.train.y.clone(),
            test: ExamplesJson {
                x: self.test.rows(),
                y: self.test.y.clone(),
            },
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Dataset {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let json = DatasetJson::deserialize(deserializer)?;
        let inputs = json.x.first().map_or(0, Vec::len);
        let train = Examples::new(inputs, &json.x, json.y).map_err(serde::de::Error::custom)?;
        let test = Examples::new(inputs, &json.test.x, json.test.y)
            .map_err(|e| serde::de::Error::custom(format!("test: {e}")))?;
        if train.is_empty() || inputs == 0 {
            return Err(serde::de::Error::custom(
                "the data needs at least one example with inputs",
            ));
        }
        let origin = match (json.task, json.noise, json.seed) {
            (Some(task), Some(noise), Some(seed)) => Some(DataConfig {
                task,
                train: train.len(),
                test: test.len(),
                noise,
                seed,
            }),
            _ => None,
        };
        Ok(Dataset {
            train,
            test,
            origin,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_seed_repeats_its_data_and_another_seed_differs() {
        for task in Task::ALL {
            let config = DataConfig::new(task);
            let first = Dataset::generate(&config).expect("valid");
            assert_eq!(first, Dataset::generate(&config).expect("valid"));
            let other = Dataset::generate(&DataConfig { seed: 2, ..config }).expect("valid");
            assert_ne!(first.train, other.train, "{task:?}");
            assert_eq!(first.train.len(), 300);
            assert_eq!(first.test.len(), 100);
            assert_eq!(first.inputs(), task.inputs());
        }
    }

    #[test]
    fn classes_are_balanced_signs_and_inputs_are_order_one() {
        for task in [Task::Circle, Task::Xor, Task::Gauss, Task::Spiral] {
            let data = Dataset::generate(&DataConfig::new(task)).expect("valid");
            let all: Vec<f64> = data
                .train
                .targets()
                .iter()
                .chain(data.test.targets())
                .copied()
                .collect();
            assert!(all.iter().all(|&y| y == 1.0 || y == -1.0));
            let positives = all.iter().filter(|&&y| y > 0.0).count();
            // Circle and xor label by position (with noise), the others by construction: half each.
            assert!(
                (150..=250).contains(&positives),
                "{task:?}: {positives} of 400"
            );
            let largest = data.train.x.iter().fold(0.0f64, |m, v| m.max(v.abs()));
            assert!(largest < 2.0, "{task:?}: |x| up to {largest}");
        }
    }

    #[test]
    fn noiseless_labels_follow_the_rule() {
        let no_noise = |task| {
            Dataset::generate(&DataConfig {
                noise: 0.0,
                ..DataConfig::new(task)
            })
            .expect("valid")
        };
        let circle = no_noise(Task::Circle);
        for i in 0..circle.train.len() {
            let [a, b] = [circle.train.x(i)[0], circle.train.x(i)[1]];
            let inside = a.hypot(b) < 0.5;
            assert_eq!(circle.train.y(i) > 0.0, inside);
        }
        let xor = no_noise(Task::Xor);
        for i in 0..xor.train.len() {
            let x = xor.train.x(i);
            assert_eq!(xor.train.y(i) > 0.0, x[0] * x[1] >= 0.0);
        }
        let sine = no_noise(Task::Sine);
        for i in 0..sine.train.len() {
            assert!((sine.train.y(i) - (3.0 * sine.train.x(i)[0]).sin()).abs() < 1e-15);
        }
    }

    #[test]
    fn bad_configurations_are_refused() {
        let config = DataConfig::new(Task::Sine);
        assert!(Dataset::generate(&DataConfig { train: 0, ..config }).is_err());
        assert!(Dataset::generate(&DataConfig {
            noise: -0.1,
            ..config
        })
        .is_err());
        assert!(Dataset::generate(&DataConfig {
            noise: f64::NAN,
            ..config
        })
        .is_err());
        assert!(Dataset::generate(&DataConfig {
            train: MAX_EXAMPLES,
            test: 1,
            ..config
        })
        .is_err());
    }

    #[test]
    fn the_json_round_trip_keeps_every_number() {
        let data = Dataset::generate(&DataConfig::new(Task::Spiral)).expect("valid");
        let text = serde_json::to_string(&data).expect("serializes");
        let back: Dataset = serde_json::from_str(&text).expect("parses");
        assert_eq!(back, data);
        let value: serde_json::Value = serde_json::from_str(&text).expect("json");
        assert_eq!(value["task"], "spiral");
        assert_eq!(value["x"][0].as_array().map(Vec::len), Some(2));
        assert_eq!(value["test"]["y"].as_array().map(Vec::len), Some(100));
        assert!(serde_json::from_str::<Dataset>(r#"{"x": [[1, 2], [3]], "y": [1, 2]}"#).is_err());
        assert!(serde_json::from_str::<Dataset>(r#"{"x": [], "y": []}"#).is_err());
    }
}
