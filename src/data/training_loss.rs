//! The loss a dataset preset defines, whichever model its examples feed: what the page and the command line
//! hold when a training set is chosen.

use super::dataset::DatasetLoss;
use super::sharp_flat::{SharpFlatLoss, ShiftedLoss};
use crate::surface::{LossSurface, OneOf};

/// The training loss of a dataset preset, as one [`LossSurface`] whatever its model.
#[derive(Clone, Debug, PartialEq)]
pub enum TrainingLoss {
    /// The lecture's network on data.
    Network(DatasetLoss),
    /// Shifted copies of a sharp and a flat well, with a shifted test set.
    SharpFlat(SharpFlatLoss),
}

impl TrainingLoss {
    /// N, the number of training examples.
    pub fn len(&self) -> usize {
        self.training_examples()
    }

    /// Whether there are no training examples; never true of a preset's loss.
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

impl OneOf for TrainingLoss {
    fn inner(&self) -> &dyn LossSurface {
        match self {
            TrainingLoss::Network(loss) => loss,
            TrainingLoss::SharpFlat(loss) => loss,
        }
    }
}
