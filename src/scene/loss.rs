//! The surface a scene shows: a typed formula, or a loss defined by training data (where SGD has batches).

use crate::data::TrainingLoss;
use crate::formula::Formula;
use crate::surface::{LossSurface, OneOf};

/// A formula or a data-defined loss, as one [`LossSurface`].
#[derive(Debug, Clone)]
pub enum Loss {
    /// A formula, a preset's or a typed one: no data, so SGD is gradient descent.
    Formula(Formula),
    /// A dataset preset's training loss.
    Data(TrainingLoss),
}

impl Loss {
    /// The training set, when the loss has one: SGD, its batch size and the noise cloud then apply.
    pub fn data(&self) -> Option<&TrainingLoss> {
        match self {
            Loss::Formula(_) => None,
            Loss::Data(data) => Some(data),
        }
    }

    /// The formula, when the loss is one: its length decides how finely a map can afford to sample it.
    pub fn formula(&self) -> Option<&Formula> {
        match self {
            Loss::Formula(formula) => Some(formula),
            Loss::Data(_) => None,
        }
    }
}

impl OneOf for Loss {
    fn inner(&self) -> &dyn LossSurface {
        match self {
            Loss::Formula(formula) => formula,
            Loss::Data(data) => data,
        }
    }
}
