//! L(θ), the training loss of a network on a dataset, and its gradient by backpropagation.
//!
//! L(θ) = (1/N) Σᵢ ℓ(ŷᵢ(θ), yᵢ) + (weight_decay/2)·‖θ‖², with ℓ = (ŷ − y)² (mse) or log(1 + exp(−yŷ))
//! (logistic, through a stable softplus). Every pass goes example by example with its own loops (no BLAS):
//! the same additions in the same order on every target, so a seeded training run repeats bit for bit in
//! the page and on the command line.

use super::architecture::Network;
use super::dataset::{Dataset, Examples, LossKind};
use super::linear::{add_outer, affine, dot};
use crate::portable_math::{sigmoid, softplus, tanh};

/// A network's loss on a dataset's training examples (and, for comparison, its test examples).
#[derive(Clone, Debug, PartialEq)]
pub struct NetworkLoss {
    network: Network,
    data: Dataset,
}

/// ℓ, ∂ℓ/∂ŷ and ∂²ℓ/∂ŷ² for one example.
#[derive(Clone, Copy, Debug)]
pub(super) struct ExampleLoss {
    pub value: f64,
    pub slope: f64,
    pub curvature: f64,
}

impl LossKind {
    pub(super) fn of(self, prediction: f64, target: f64) -> ExampleLoss {
        match self {
            LossKind::Mse => {
                let residual = prediction - target;
                ExampleLoss {
                    value: residual * residual,
                    slope: 2.0 * residual,
                    curvature: 2.0,
                }
            }
            LossKind::Logistic => {
                // ℓ = softplus(−m), m = yŷ; ℓ′ = −y·σ(−m); ℓ″ = y²·σ(m)·σ(−m).
                let margin = target * prediction;
                let wrong = sigmoid(-margin);
                ExampleLoss {
                    value: softplus(-margin),
                    slope: -target * wrong,
                    curvature: target * target * wrong * sigmoid(margin),
                }
            }
        }
    }
}

/// One example's way through the network: the input of every layer (x, then each hidden layer's tanh).
pub(super) struct Trace {
    values: Vec<f64>,
    starts: Vec<usize>,
}

impl Trace {
    pub(super) fn new(network: &Network) -> Trace {
        let widths = network.widths();
        let mut starts = vec![0];
        for &width in &widths[..widths.len() - 1] {
            starts.push(starts.last().copied().unwrap_or(0) + width);
        }
        Trace {
            values: vec![0.0; starts.last().copied().unwrap_or(0)],
            starts,
        }
    }

    /// a⁽ˡ⁾, the input of weight layer `layer`.
    pub(super) fn input(&self, layer: usize) -> &[f64] {
        &self.values[self.starts[layer]..self.starts[layer + 1]]
    }

    /// Runs x through the network with parameters θ and returns ŷ.
    pub(super) fn forward(&mut self, network: &Network, theta: &[f64], x: &[f64]) -> f64 {
        let widths = network.widths();
        self.values[..x.len()].copy_from_slice(x);
        let last = network.layers() - 1;
        for layer in 0..last {
            let (before, after) = self.values.split_at_mut(self.starts[layer + 1]);
            let input = &before[self.starts[layer]..];
            let (weights, biases) = layer_parameters(network, theta, layer);
            let outputs = &mut after[..widths[layer + 1]];
            affine(weights, biases, input, outputs);
            // Apart from the sums, so this loop vectorizes.
            for out in outputs.iter_mut() {
                *out = tanh(*out);
            }
        }
        let (weights, biases) = layer_parameters(network, theta, last);
        biases[0] + dot(weights, self.input(last))
    }
}

/// Layer `layer`'s weight matrix (row-major, outputs × inputs) and biases within θ.
pub(super) fn layer_parameters<'t>(
    network: &Network,
    theta: &'t [f64],
    layer: usize,
) -> (&'t [f64], &'t [f64]) {
    let widths = network.widths();
    let block = &theta[network.offset(layer)..network.offset(layer + 1)];
    block.split_at(widths[layer + 1] * widths[layer])
}

impl NetworkLoss {
    /// The network must take as many inputs as the data has features.
    pub fn new(network: Network, data: Dataset) -> Result<NetworkLoss, String> {
        if network.inputs() != data.inputs() {
            return Err(format!(
                "the network takes {} inputs but the data has {}",
                network.inputs(),
                data.inputs()
            ));
        }
        Ok(NetworkLoss { network, data })
    }

    /// The network θ parameterizes.
    pub fn network(&self) -> &Network {
        &self.network
    }

    /// The data: L is over its training set, the test loss over its test set.
    pub fn data(&self) -> &Dataset {
        &self.data
    }

    /// P.
    pub fn parameter_count(&self) -> usize {
        self.network.parameter_count()
    }

    /// N, the training examples.
    pub fn examples(&self) -> usize {
        self.data.train.len()
    }

    /// Whether there are more parameters than training examples: then the Hessian's data part has rank
    /// at most N·(something small), and much of the spectrum sits at 0 by construction.
    pub fn overparameterized(&self) -> bool {
        self.parameter_count() > self.examples()
    }

    /// L(θ) on the training set, weight decay included.
    pub fn value(&self, theta: &[f64]) -> f64 {
        self.mean_loss(&self.data.train, theta) + self.decay_value(theta)
    }

    /// The mean loss on the test set (no weight decay: it measures the fit), or `None` without test data.
    pub fn test_value(&self, theta: &[f64]) -> Option<f64> {
        (!self.data.test.is_empty()).then(|| self.mean_loss(&self.data.test, theta))
    }

    /// ŷ for each input, `inputs` holding them one after another (as many numbers each as the network has
    /// inputs): the regression curve, or the decision map, whose sign is the predicted class.
    pub fn predictions(&self, theta: &[f64], inputs: &[f64]) -> Vec<f64> {
        if !self.fits(theta) {
            return vec![f64::NAN; inputs.len() / self.network.inputs()];
        }
        let mut trace = Trace::new(&self.network);
        inputs
            .chunks_exact(self.network.inputs())
            .map(|x| trace.forward(&self.network, theta, x))
            .collect()
    }

    /// L(θ) and ∇L(θ) on the whole training set.
    pub fn gradient(&self, theta: &[f64]) -> (f64, Vec<f64>) {
        let all: Vec<usize> = (0..self.examples()).collect();
        self.batch_gradient(theta, &all)
    }

    /// The loss and gradient of the mean over the examples in `batch` (indices into the training set;
    /// out-of-range ones are skipped), weight decay included. An empty batch gives the decay term alone.
    pub fn batch_gradient(&self, theta: &[f64], batch: &[usize]) -> (f64, Vec<f64>) {
        if !self.fits(theta) {
            return (f64::NAN, vec![f64::NAN; theta.len()]);
        }
        let train = &self.data.train;
        let batch: Vec<usize> = batch.iter().copied().filter(|&i| i < train.len()).collect();
        let mut gradient = vec![0.0; theta.len()];
        let mut backward = Backward::new(&self.network);
        let mut trace = Trace::new(&self.network);
        let scale = 1.0 / batch.len().max(1) as f64;
        let mut total = 0.0;
        for &i in &batch {
            let prediction = trace.forward(&self.network, theta, train.x(i));
            let loss = self.network.loss().of(prediction, train.y(i));
            total += loss.value;
            backward.accumulate(
                &self.network,
                theta,
                &trace,
                loss.slope * scale,
                &mut gradient,
            );
        }
        let decay = self.network.weight_decay();
        for (g, t) in gradient.iter_mut().zip(theta) {
            *g += decay * t;
        }
        (total * scale + self.decay_value(theta), gradient)
    }

    /// (1/N) Σᵢ ‖∇ℓᵢ‖ + weight_decay·‖θ‖: the size of the terms ∇L sums. Rounding makes the computed ∇L
    /// uncertain by a few ε times this, so a ‖∇L‖ near ε times it is zero to floating-point precision.
    ///
    /// Each example's gradient is an outer product per layer (δ ⊗ (a, 1)), so its norm comes from
    /// the factors' norms without forming it.
    pub fn gradient_term_scale(&self, theta: &[f64]) -> f64 {
        if !self.fits(theta) {
            return f64::NAN;
        }
        let train = &self.data.train;
        let mut trace = Trace::new(&self.network);
        let mut backward = Backward::new(&self.network);
        let mut sum = 0.0;
        for i in 0..train.len() {
            let prediction = trace.forward(&self.network, theta, train.x(i));
            let slope = self.network.loss().of(prediction, train.y(i)).slope;
            sum += slope.abs() * backward.output_gradient_norm(&self.network, theta, &trace);
        }
        let norm = theta.iter().map(|t| t * t).sum::<f64>().sqrt();
        sum / train.len().max(1) as f64 + self.network.weight_decay() * norm
    }

    /// Whether θ has this network's P entries. Every pass checks it and answers NaN otherwise, so a θ of
    /// the wrong length from a caller makes a non-finite result (reported as such), not a panic.
    pub(super) fn fits(&self, theta: &[f64]) -> bool {
        theta.len() == self.parameter_count()
    }

    fn mean_loss(&self, examples: &Examples, theta: &[f64]) -> f64 {
        if !self.fits(theta) {
            return f64::NAN;
        }
        let mut trace = Trace::new(&self.network);
        let total: f64 = (0..examples.len())
            .map(|i| {
                let prediction = trace.forward(&self.network, theta, examples.x(i));
                self.network.loss().of(prediction, examples.y(i)).value
            })
            .sum();
        total / examples.len().max(1) as f64
    }

    fn decay_value(&self, theta: &[f64]) -> f64 {
        0.5 * self.network.weight_decay() * theta.iter().map(|t| t * t).sum::<f64>()
    }
}

/// Buffers for backpropagating one example: δ (∂/∂z of the layer being visited) and the previous layer's.
pub(super) struct Backward {
    delta: Vec<f64>,
    previous: Vec<f64>,
}

impl Backward {
    pub(super) fn new(network: &Network) -> Backward {
        let widest = network.widths().iter().copied().max().unwrap_or(1);
        Backward {
            delta: vec![0.0; widest],
            previous: vec![0.0; widest],
        }
    }

    /// Adds `upstream`·∇θ ŷ to `gradient`, for the example whose forward pass is `trace`.
    pub(super) fn accumulate(
        &mut self,
        network: &Network,
        theta: &[f64],
        trace: &Trace,
        upstream: f64,
        gradient: &mut [f64],
    ) {
        self.visit(network, theta, trace, upstream, |layer, delta, input| {
            let block = &mut gradient[network.offset(layer)..network.offset(layer + 1)];
            let (weights, biases) = block.split_at_mut(delta.len() * input.len());
            add_outer(weights, delta, input);
            for (b, &d) in biases.iter_mut().zip(delta) {
                *b += d;
            }
        });
    }

    /// ‖∇θ ŷ‖ for the example whose forward pass is `trace`: per layer ‖δ‖²·(‖a‖² + 1).
    fn output_gradient_norm(&mut self, network: &Network, theta: &[f64], trace: &Trace) -> f64 {
        let mut squared = 0.0;
        self.visit(network, theta, trace, 1.0, |_, delta, input| {
            let delta_squared: f64 = delta.iter().map(|d| d * d).sum();
            squared += delta_squared * (1.0 + input.iter().map(|a| a * a).sum::<f64>());
        });
        squared.sqrt()
    }

    /// Backpropagates `upstream` = ∂ℓ/∂ŷ from the output to the first layer, handing each layer's
    /// δ = ∂ℓ/∂z and input a to `visit` (the layer's gradient is δ ⊗ (a, 1)).
    fn visit(
        &mut self,
        network: &Network,
        theta: &[f64],
        trace: &Trace,
        upstream: f64,
        mut visit: impl FnMut(usize, &[f64], &[f64]),
    ) {
        let widths = network.widths();
        self.delta[0] = upstream;
        for layer in (0..network.layers()).rev() {
            let (outputs, fan_in) = (widths[layer + 1], widths[layer]);
            let input = trace.input(layer);
            visit(layer, &self.delta[..outputs], input);
            if layer == 0 {
                break;
            }
            // η = Wᵀδ, then δ ← η ⊙ tanh′ = η ⊙ (1 − a²).
            let (weights, _) = layer_parameters(network, theta, layer);
            let eta = &mut self.previous[..fan_in];
            eta.fill(0.0);
            for (j, &d) in self.delta[..outputs].iter().enumerate() {
                for (e, &w) in eta.iter_mut().zip(&weights[j * fan_in..(j + 1) * fan_in]) {
                    *e += w * d;
                }
            }
            for (e, &a) in eta.iter_mut().zip(input) {
                *e *= 1.0 - a * a;
            }
            std::mem::swap(&mut self.delta, &mut self.previous);
        }
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::data::Rng;
    use crate::network::dataset::{DataConfig, Task};

    pub(crate) fn sample(
        task: Task,
        hidden: &[usize],
        decay: f64,
        seed: u64,
    ) -> (NetworkLoss, Vec<f64>) {
        let data = Dataset::generate(&DataConfig {
            train: 40,
            test: 10,
            ..DataConfig::new(task)
        })
        .expect("valid");
        let network = Network::new(task.inputs(), hidden, task.loss(), decay).expect("valid");
        let theta = network.initial_parameters(&mut Rng::new(seed));
        (NetworkLoss::new(network, data).expect("fits"), theta)
    }

    #[test]
    fn the_gradient_matches_central_differences_of_the_loss() {
        for (task, hidden, decay) in [
            (Task::Sine, vec![5], 0.0),
            (Task::Xor, vec![3, 4], 0.01),
            (Task::Spiral, vec![4], 0.1),
        ] {
            let (loss, theta) = sample(task, &hidden, decay, 3);
            let (value, gradient) = loss.gradient(&theta);
            assert_eq!(value, loss.value(&theta));
            let h = 1e-6;
            for k in 0..theta.len() {
                let at = |by: f64| {
                    let mut t = theta.clone();
                    t[k] += by;
                    loss.value(&t)
                };
                let numeric = (at(h) - at(-h)) / (2.0 * h);
                assert!(
                    (gradient[k] - numeric).abs() < 1e-8,
                    "{task:?} ∂{k}: {} vs {numeric}",
                    gradient[k]
                );
            }
        }
    }

    #[test]
    fn the_loss_is_the_contracts_formula() {
        // One hidden unit, one example, by hand: ŷ = v·tanh(w·x + b) + c.
        let data = Dataset {
            train: Examples::new(1, &[vec![0.5]], vec![1.0]).expect("valid"),
            test: Examples::new(1, &[], vec![]).expect("valid"),
            origin: None,
        };
        let theta = [0.8, -0.3, 1.5, 0.2]; // w, b, v, c
        let prediction = 1.5 * (0.8f64 * 0.5 - 0.3).tanh() + 0.2;
        let mse = NetworkLoss::new(
            Network::new(1, &[1], LossKind::Mse, 0.5).expect("valid"),
            data.clone(),
        )
        .expect("fits");
        let norm_squared: f64 = theta.iter().map(|t| t * t).sum();
        let expected = (prediction - 1.0).powi(2) + 0.25 * norm_squared;
        assert!((mse.value(&theta) - expected).abs() < 1e-15);
        assert_eq!(mse.test_value(&theta), None);
        let logistic = NetworkLoss::new(
            Network::new(1, &[1], LossKind::Logistic, 0.0).expect("valid"),
            data,
        )
        .expect("fits");
        assert!((logistic.value(&theta) - (1.0 + (-prediction).exp()).ln()).abs() < 1e-15);
        let predicted = logistic.predictions(&theta, &[0.5, -0.5]);
        assert!((predicted[0] - prediction).abs() < 1e-15);
        assert!((predicted[1] - (1.5 * (-0.8f64 * 0.5 - 0.3).tanh() + 0.2)).abs() < 1e-15);
    }

    #[test]
    fn the_full_batch_is_the_whole_gradient_and_a_batch_is_its_own_mean() {
        let (loss, theta) = sample(Task::Circle, &[3], 0.0, 5);
        let all: Vec<usize> = (0..loss.examples()).collect();
        assert_eq!(loss.batch_gradient(&theta, &all), loss.gradient(&theta));
        let (_, one) = loss.batch_gradient(&theta, &[7, 1000]);
        let (_, alone) = loss.batch_gradient(&theta, &[7]);
        assert_eq!(one, alone);
    }

    #[test]
    fn a_theta_of_the_wrong_length_gives_nan_not_a_panic() {
        let (loss, theta) = sample(Task::Xor, &[3, 2], 0.0, 1);
        let short = &theta[..theta.len() - 1];
        assert!(loss.value(short).is_nan());
        assert!(loss.gradient(short).0.is_nan());
        assert!(loss.hessian(short).iter().all(|h| h.is_nan()));
        assert!(loss
            .predictions(short, &[0.1, 0.2])
            .iter()
            .all(|y| y.is_nan()));
        let inspection = crate::network::inspect(&loss, short);
        assert!(inspection.is_undefined());
    }

    #[test]
    fn the_term_scale_bounds_the_gradient() {
        let (loss, theta) = sample(Task::Sine, &[6], 0.0, 2);
        let (_, gradient) = loss.gradient(&theta);
        let norm = gradient.iter().map(|g| g * g).sum::<f64>().sqrt();
        let scale = loss.gradient_term_scale(&theta);
        assert!(
            norm <= scale * (1.0 + 1e-12) && scale > 0.0,
            "{norm} vs {scale}"
        );
    }
}
