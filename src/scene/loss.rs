//! The surface a scene shows: a typed formula, or a loss defined by training data (where SGD has batches).

use crate::data::TrainingLoss;
use crate::formula::Formula;
use crate::surface::{Derivatives, LossSurface, Point};

/// A formula or a data-defined loss, as one [`LossSurface`].
#[derive(Debug, Clone)]
pub enum Loss {
    Formula(Formula),
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

    fn training_examples(&self) -> usize {
        self.surface().training_examples()
    }

    fn batch_gradient(&self, at: Point, batch: &[usize]) -> [f64; 2] {
        self.surface().batch_gradient(at, batch)
    }

    fn curvature_gradient(&self, at: Point, u: [f64; 2]) -> [f64; 2] {
        self.surface().curvature_gradient(at, u)
    }

    fn lattice_values(&self, xs: &[f64], ys: &[f64]) -> Vec<f64> {
        self.surface().lattice_values(xs, ys)
    }
}
