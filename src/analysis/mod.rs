//! What the Hessian says about a point: eigen-decomposition, the second-order test, and the critical points of a box.

mod eigen;
mod point;

pub use eigen::{symmetric_eigen, Eigen};
pub use point::{analyze, classify, PointAnalysis, PointKind, GRADIENT_TOLERANCE};
