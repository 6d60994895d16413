//! What the Hessian says about a point: eigen-decomposition, the second-order test, the quadratic
//! (Taylor) model and its 1-D slices, the critical points of a box, and the attractors where runs come to rest.

mod attractors;
mod continuum;
mod critical;
mod eigen;
mod gradient_root;
mod point;
mod slice;
mod taylor;

pub use attractors::{find_attractors, Attractor, AttractorSearch};
pub use continuum::{Continuum, ContinuumShape};
pub use critical::{critical_point_near, find_critical_points, CriticalPoint, CriticalPoints};
pub use eigen::{symmetric_eigen, Eigen};
pub use point::{
    analyze, curvature_signs, model_distance, EigenSign, PointAnalysis, PointKind,
    LENGTH_TOLERANCE, RELATIVE_EIGENVALUE_TOLERANCE, SIGN_MARGIN,
};
pub use slice::{slice, Bend, Slice, SliceDirection, MAX_SLICE_SAMPLES, MIN_SLICE_SAMPLES};
pub use taylor::taylor_value;
