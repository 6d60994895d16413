//! What the Hessian says about a point: eigen-decomposition, the second-order test, the quadratic
//! (Taylor) model, and the critical points of a box.

mod eigen;
mod point;
mod taylor;

pub use eigen::{symmetric_eigen, Eigen};
pub use point::{analyze, classify, PointAnalysis, PointKind, GRADIENT_TOLERANCE};
pub use taylor::taylor_value;
