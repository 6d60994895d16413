//! A point as JSON: everything needed to recompute it independently (the network, the data, θ) and the
//! second-order test's verdicts there. The command line prints it; the page can export and import it.

use serde::{Deserialize, Serialize};

use super::architecture::Network;
use super::dataset::Dataset;
use super::inspect::Inspection;
use super::objective::NetworkLoss;

/// `{network, data, params, loss, test_loss, gradient_norm, eigenvalues, converged, kind, negative,
/// positive, undetermined, minimum_ratio, minimum_ratio_range, gradient_tolerance, undetermined_band}`.
#[derive(Serialize)]
pub struct PointRecord<'a> {
    /// The network's shape and loss.
    pub network: &'a Network,
    /// The data the loss is over.
    pub data: &'a Dataset,
    /// θ, in the network's parameter layout.
    pub params: &'a [f64],
    /// The second-order test's verdicts at θ, written as top-level fields.
    #[serde(flatten)]
    pub inspection: &'a Inspection,
}

/// The part of a point's JSON needed to rebuild it; other fields are ignored (they are recomputed).
#[derive(Deserialize)]
pub struct PointInput {
    /// The network's shape and loss.
    pub network: Network,
    /// The data the loss is over.
    pub data: Dataset,
    /// θ, in the network's parameter layout.
    pub params: Vec<f64>,
}

impl PointInput {
    /// The loss and θ, checked against each other.
    pub fn into_loss(self) -> Result<(NetworkLoss, Vec<f64>), String> {
        self.network.check_parameters(&self.params)?;
        let loss = NetworkLoss::new(self.network, self.data)?;
        Ok((loss, self.params))
    }
}
