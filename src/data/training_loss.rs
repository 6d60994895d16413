//! The loss a dataset preset defines, whichever model its examples feed: what the page and the command line
//! hold when a training set is chosen.

use super::dataset::DatasetLoss;
use super::sharp_flat::{SharpFlatLoss, ShiftedLoss};
use crate::surface::{Derivatives, LossSurface, Point};

#[derive(Clone, Debug, PartialEq)]
pub enum TrainingLoss {
    /// The lecture's network on data.
    Network(DatasetLoss),
    /// Shifted copies of a sharp and a flat well, with a shifted test set.
    SharpFlat(SharpFlatLoss),
}

impl TrainingLoss {
    fn surface(&self) -> &dyn LossSurface {
        match self {
            TrainingLoss::Network(loss) => loss,
            TrainingLoss::SharpFlat(loss) => loss,
        }
    }

    /// N, the number of training examples.
    pub fn len(&self) -> usize {
        match self {
            TrainingLoss::Network(loss) => loss.len(),
            TrainingLoss::SharpFlat(loss) => loss.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The loss over a held-out test set, where the preset has one: the page draws it beside the training
    /// loss.
    pub fn test_loss(&self) -> Option<&ShiftedLoss> {
        match self {
            TrainingLoss::Network(_) => None,
            TrainingLoss::SharpFlat(loss) => Some(loss.test_loss()),
        }
    }
}

impl LossSurface for TrainingLoss {
    fn value(&self, at: Point) -> f64 {
        self.surface().value(at)
    }

    fn derivatives(&self, at: Point) -> Derivatives {
        self.surface().derivatives(at)
    }

    fn training_examples(&self) -> usize {
        self.surface().training_examples()
    }

    fn batch_gradient(&self, at: Point, batch: &[usize]) -> [f64; 2] {
        self.surface().batch_gradient(at, batch)
    }

    fn curvature_gradient(&self, at: Point, u: [f64; 2]) -> [f64; 2] {
        self.surface().curvature_gradient(at, u)
    }
}
