//! The surface on screen: a typed formula, or a loss defined by training data (where SGD has batches).

use crate::data::{Rng, TrainingLoss};
use crate::formula::Formula;
use crate::surface::{Derivatives, LossSurface, Point};

pub enum Loss {
    Formula(Formula),
    Data(TrainingLoss),
}

impl Loss {
    /// The training set, when the loss has one: the page then offers SGD, its batch size and the noise cloud.
    pub fn data(&self) -> Option<&TrainingLoss> {
        match self {
            Loss::Formula(_) => None,
            Loss::Data(data) => Some(data),
        }
    }

    /// The formula, when the loss is one: its length decides how finely the page can afford to sample it.
    pub fn formula(&self) -> Option<&Formula> {
        match self {
            Loss::Formula(formula) => Some(formula),
            Loss::Data(_) => None,
        }
    }

    fn surface(&self) -> &dyn LossSurface {
        match self {
            Loss::Formula(formula) => formula,
            Loss::Data(data) => data,
        }
    }
}

impl LossSurface for Loss {
    fn value(&self, at: Point) -> f64 {
        self.surface().value(at)
    }

    fn derivatives(&self, at: Point) -> Derivatives {
        self.surface().derivatives(at)
    }

    fn minibatch_gradient(&self, at: Point, batch_size: usize, rng: &mut Rng) -> Option<[f64; 2]> {
        self.surface().minibatch_gradient(at, batch_size, rng)
    }

    fn lattice_values(&self, xs: &[f64], ys: &[f64]) -> Vec<f64> {
        self.surface().lattice_values(xs, ys)
    }
}
