//! What the Hessian says about a point: eigen-decomposition, the second-order test, the quadratic
//! (Taylor) model, and the critical points of a box.

mod continuum;
mod critical;
mod eigen;
mod gradient_root;
mod point;
mod taylor;

pub use continuum::{Continuum, ContinuumShape};
pub use critical::{find_critical_points, CriticalPoint, CriticalPoints};
pub use eigen::{symmetric_eigen, Eigen};
pub use point::{
    analyze, curvature_signs, model_distance, EigenSign, PointAnalysis, PointKind,
    LENGTH_TOLERANCE, RELATIVE_EIGENVALUE_TOLERANCE, SIGN_MARGIN,
};
pub use taylor::taylor_value;
