//! The fully connected network: its shape, the flat parameter layout, and random starting points.
//!
//! Layout of θ (the JSON contract): layer by layer from the input, that layer's weight matrix row-major as
//! (outputs × inputs), then its biases. Hidden layers apply tanh; the single output is linear.

use serde::{Deserialize, Serialize};

use super::dataset::LossKind;
use crate::data::Rng;

/// Most hidden layers.
pub const MAX_HIDDEN_LAYERS: usize = 2;
/// Most parameters: the P×P Hessian and its spectrum stay within a second or so.
pub const MAX_PARAMS: usize = 1000;
/// The activation of every hidden unit (the only one: it is odd, so θ = 0 is a critical point of the
/// mean squared error whatever the data, and tanh′ = 1 − tanh² keeps the derivatives cheap).
pub const ACTIVATION: &str = "tanh";

/// A network's shape and its loss.
#[derive(Clone, Debug, PartialEq)]
pub struct Network {
    /// Layer widths from the input to the output: [inputs, h₁, (h₂,) 1].
    widths: Vec<usize>,
    /// Where each layer's block starts in θ, and P at the end.
    offsets: Vec<usize>,
    loss: LossKind,
    weight_decay: f64,
}

impl Network {
    /// A network with `inputs` inputs, the `hidden` widths (1 or 2 layers, each ≥ 1) and one linear output.
    pub fn new(
        inputs: usize,
        hidden: &[usize],
        loss: LossKind,
        weight_decay: f64,
    ) -> Result<Network, String> {
        if inputs == 0 {
            return Err("a network needs at least one input".into());
        }
        if hidden.is_empty() || hidden.len() > MAX_HIDDEN_LAYERS || hidden.contains(&0) {
            return Err(format!(
                "give 1 to {MAX_HIDDEN_LAYERS} hidden layers of at least one unit each, not {hidden:?}"
            ));
        }
        if !(weight_decay.is_finite() && weight_decay >= 0.0) {
            return Err(format!(
                "the weight decay must be a finite number ≥ 0, not {weight_decay}"
            ));
        }
        let widths: Vec<usize> = std::iter::once(inputs)
            .chain(hidden.iter().copied())
            .chain(std::iter::once(1))
            .collect();
        let mut offsets = vec![0usize];
        for pair in widths.windows(2) {
            let block = pair[1].saturating_mul(pair[0].saturating_add(1));
            let end = offsets.last().copied().unwrap_or(0).saturating_add(block);
            if end > MAX_PARAMS {
                return Err(format!(
                    "this network has more than {MAX_PARAMS} parameters; make it narrower"
                ));
            }
            offsets.push(end);
        }
        Ok(Network {
            widths,
            offsets,
            loss,
            weight_decay,
        })
    }

    /// The one-hidden-layer width whose parameter count (h·(inputs + 2) + 1) is nearest `params` (h ≥ 1).
    pub fn width_for(inputs: usize, params: usize) -> usize {
        let per_unit = (inputs + 2) as f64;
        ((params.saturating_sub(1) as f64 / per_unit).round() as usize).max(1)
    }

    /// P.
    pub fn parameter_count(&self) -> usize {
        self.offsets.last().copied().unwrap_or(0)
    }

    /// Input features per example.
    pub fn inputs(&self) -> usize {
        self.widths[0]
    }

    /// The hidden layers' widths, from the input side.
    pub fn hidden(&self) -> &[usize] {
        &self.widths[1..self.widths.len() - 1]
    }

    /// The loss the network is fitted with.
    pub fn loss(&self) -> LossKind {
        self.loss
    }

    /// The weight decay λ ≥ 0: the loss adds (λ/2)·‖θ‖².
    pub fn weight_decay(&self) -> f64 {
        self.weight_decay
    }

    /// Widths from input to output.
    pub(super) fn widths(&self) -> &[usize] {
        &self.widths
    }

    /// Weight layers (hidden layers + 1).
    pub(super) fn layers(&self) -> usize {
        self.widths.len() - 1
    }

    /// Where layer `l`'s block (weights, then biases) starts in θ.
    pub(super) fn offset(&self, layer: usize) -> usize {
        self.offsets[layer]
    }

    /// Random starting parameters: weights N(0, 1/fan-in) (LeCun), so pre-activations start O(1) whatever
    /// the width; biases N(0, 0.1²), so units do not all start with the same kink.
    pub fn initial_parameters(&self, rng: &mut Rng) -> Vec<f64> {
        let mut theta = Vec::with_capacity(self.parameter_count());
        for pair in self.widths.windows(2) {
            let (fan_in, outputs) = (pair[0], pair[1]);
            let scale = 1.0 / (fan_in as f64).sqrt();
            theta.extend((0..outputs * fan_in).map(|_| scale * rng.normal()));
            theta.extend((0..outputs).map(|_| 0.1 * rng.normal()));
        }
        theta
    }

    /// Checks that θ fits this network.
    pub fn check_parameters(&self, theta: &[f64]) -> Result<(), String> {
        if theta.len() != self.parameter_count() {
            return Err(format!(
                "this network has {} parameters, not {}",
                self.parameter_count(),
                theta.len()
            ));
        }
        if !theta.iter().all(|t| t.is_finite()) {
            return Err("the parameters must be finite numbers".into());
        }
        Ok(())
    }

    /// Li et al.'s filters: the rows of every weight matrix (one unit's incoming weights), as ranges of θ.
    pub(super) fn filters(&self) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
        (0..self.layers()).flat_map(move |l| {
            let (fan_in, outputs) = (self.widths[l], self.widths[l + 1]);
            let start = self.offsets[l];
            (0..outputs).map(move |j| start + j * fan_in..start + (j + 1) * fan_in)
        })
    }
}

/// The JSON shape: `{inputs, hidden: [...], outputs: 1, activation: "tanh", loss, weight_decay}`.
#[derive(Serialize, Deserialize)]
struct NetworkJson {
    inputs: usize,
    hidden: Vec<usize>,
    #[serde(default = "one")]
    outputs: usize,
    #[serde(default = "tanh")]
    activation: String,
    loss: LossKind,
    #[serde(default)]
    weight_decay: f64,
}

fn one() -> usize {
    1
}

fn tanh() -> String {
    ACTIVATION.to_string()
}

impl Serialize for Network {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        NetworkJson {
            inputs: self.inputs(),
            hidden: self.hidden().to_vec(),
            outputs: 1,
            activation: ACTIVATION.to_string(),
            loss: self.loss,
            weight_decay: self.weight_decay,
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Network {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let json = NetworkJson::deserialize(deserializer)?;
        if json.outputs != 1 {
            return Err(serde::de::Error::custom(
                "the network has exactly one output",
            ));
        }
        if json.activation != ACTIVATION {
            return Err(serde::de::Error::custom(format!(
                "the activation must be \"{ACTIVATION}\", not \"{}\"",
                json.activation
            )));
        }
        Network::new(json.inputs, &json.hidden, json.loss, json.weight_decay)
            .map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameter_counts_follow_the_layout() {
        let sine = Network::new(1, &[4], LossKind::Mse, 0.0).expect("valid");
        assert_eq!(sine.parameter_count(), 4 + 4 + 4 + 1); // W₁ 4×1, b₁ 4, W₂ 1×4, b₂ 1
        let deep = Network::new(2, &[3, 5], LossKind::Logistic, 0.0).expect("valid");
        assert_eq!(deep.parameter_count(), (3 * 2 + 3) + (5 * 3 + 5) + (5 + 1));
        assert_eq!([deep.offset(0), deep.offset(1), deep.offset(2)], [0, 9, 29]);
        let filters: Vec<_> = deep.filters().collect();
        assert_eq!(filters.len(), 3 + 5 + 1);
        assert_eq!(filters[0], 0..2);
        assert_eq!(filters[3], 9..12);
        assert_eq!(filters[8], 29..34);
    }

    #[test]
    fn widths_give_the_nearest_parameter_count() {
        assert_eq!(Network::width_for(1, 10), 3); // 3·3 + 1 = 10
        assert_eq!(Network::width_for(2, 100), 25); // 25·4 + 1 = 101
        assert_eq!(Network::width_for(1, 0), 1);
    }

    #[test]
    fn bad_shapes_are_refused() {
        assert!(Network::new(0, &[3], LossKind::Mse, 0.0).is_err());
        assert!(Network::new(1, &[], LossKind::Mse, 0.0).is_err());
        assert!(Network::new(1, &[2, 0], LossKind::Mse, 0.0).is_err());
        assert!(Network::new(1, &[2, 2, 2], LossKind::Mse, 0.0).is_err());
        assert!(Network::new(1, &[2], LossKind::Mse, -1.0).is_err());
        assert!(Network::new(2, &[usize::MAX, 2], LossKind::Mse, 0.0).is_err());
        assert!(Network::new(2, &[400], LossKind::Mse, 0.0).is_err());
    }

    #[test]
    fn the_json_names_the_contracts_fields() {
        let network = Network::new(2, &[3, 4], LossKind::Logistic, 0.01).expect("valid");
        let value = serde_json::to_value(&network).expect("serializes");
        assert_eq!(
            value,
            serde_json::json!({"inputs": 2, "hidden": [3, 4], "outputs": 1, "activation": "tanh",
                               "loss": "logistic", "weight_decay": 0.01})
        );
        let back: Network = serde_json::from_value(value).expect("parses");
        assert_eq!(back, network);
        let relu =
            serde_json::json!({"inputs": 1, "hidden": [2], "activation": "relu", "loss": "mse"});
        assert!(serde_json::from_value::<Network>(relu).is_err());
    }
}
