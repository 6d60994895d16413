//! L along one line through θ′, and the second-order model along it: "a minimum in one direction can be a
//! saddle in two".
//!
//! Along a unit direction d the Taylor model of L around θ′ becomes the parabola
//! q(t) = L(θ′) + t·gᵀd + ½t²·dᵀHd, whose curvature dᵀHd lies between the Hessian's eigenvalues. At the
//! lecture's saddle it is +2 along (1, −1)/√2 (a minimum along that line), −2 along (1, 1)/√2, and 0 along x.

use super::point::RELATIVE_EIGENVALUE_TOLERANCE;
use super::{symmetric_eigen, PointAnalysis};
use crate::surface::{LossSurface, Point};

/// Samples a slice takes at least, whatever is asked: two, its ends.
pub const MIN_SLICE_SAMPLES: usize = 2;
/// Samples a slice takes at most, whatever is asked: more than any chart has pixels across.
pub const MAX_SLICE_SAMPLES: usize = 4096;

/// L through θ′ along a unit direction d, with its second-order model.
#[derive(Debug, Clone, PartialEq)]
pub struct Slice {
    /// θ′.
    pub through: Point,
    /// d, of unit length.
    pub direction: [f64; 2],
    /// L(θ′).
    pub value: f64,
    /// gᵀd: the slope of the slice at t = 0.
    pub slope: f64,
    /// dᵀHd: the curvature of the slice at t = 0.
    pub curvature: f64,
    /// The Hessian's eigenvalues at θ′, ascending: dᵀHd lies between them.
    pub eigenvalues: [f64; 2],
    /// (t, L(θ′ + t·d)) at evenly spaced t from −half_width to half_width; L is NaN where undefined.
    pub samples: Vec<[f64; 2]>,
    /// (t, L_test(θ′ + t·d)) at the same t, where the loss has a test set ([`Slice::with_test_loss`]).
    pub test_samples: Option<Vec<[f64; 2]>>,
}

/// Which way the slice bends at θ′, by the sign of dᵀHd.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bend {
    /// dᵀHd > 0: the model along d is a parabola open upwards.
    Up,
    /// dᵀHd < 0: the model along d is a parabola open downwards (at a critical point, a way down).
    Down,
    /// dᵀHd ≈ 0 next to the Hessian's largest |λ| (or H = 0): the second-order model is a straight line.
    Flat,
}

impl Slice {
    /// The second-order model q(t) = L(θ′) + t·gᵀd + ½t²·dᵀHd.
    pub fn model(&self, t: f64) -> f64 {
        self.value + t * self.slope + 0.5 * t * t * self.curvature
    }

    /// The slice with a test loss sampled beside it at the same t: the lecture's picture of a test loss
    /// that is the training loss shifted a little.
    pub fn with_test_loss<S: LossSurface + ?Sized>(mut self, test: &S) -> Slice {
        let sampled = self
            .samples
            .iter()
            .map(|&[t, _]| {
                let value = test.value(self.point_at(t));
                [t, if value.is_finite() { value } else { f64::NAN }]
            })
            .collect();
        self.test_samples = Some(sampled);
        self
    }

    /// θ′ + t·d.
    pub fn point_at(&self, t: f64) -> Point {
        [
            self.through[0] + t * self.direction[0],
            self.through[1] + t * self.direction[1],
        ]
    }

    /// The sign of dᵀHd, with "≈ 0" judged against the Hessian's own scale, so it does not depend on L's units.
    pub fn bend(&self) -> Bend {
        let scale = self.eigenvalues[0].abs().max(self.eigenvalues[1].abs());
        if self.curvature.abs() <= RELATIVE_EIGENVALUE_TOLERANCE * scale {
            Bend::Flat
        } else if self.curvature > 0.0 {
            Bend::Up
        } else {
            Bend::Down
        }
    }
}

/// The slice of `surface` through `through` along `direction` (any non-zero vector; it is normalized), over
/// t ∈ [−half_width, half_width] at `samples` evenly spaced t (clamped to
/// [`MIN_SLICE_SAMPLES`]`..=`[`MAX_SLICE_SAMPLES`]).
///
/// Fails for a zero or non-finite direction, a non-finite point, a width that is not a positive number, and
/// where L or its derivatives are undefined at θ′ (there is no model to draw).
pub fn slice<S: LossSurface + ?Sized>(
    surface: &S,
    through: Point,
    direction: [f64; 2],
    half_width: f64,
    samples: usize,
) -> Result<Slice, String> {
    let length = direction[0].hypot(direction[1]);
    if !(length.is_finite() && length > 0.0) {
        return Err("the direction must be a non-zero vector".into());
    }
    if !through.iter().all(|c| c.is_finite()) {
        return Err("the point must have finite coordinates".into());
    }
    if !(half_width.is_finite() && half_width > 0.0) {
        return Err("the slice's half-width must be a positive number".into());
    }
    let direction = direction.map(|c| c / length);
    let derivatives = surface.derivatives(through);
    if !derivatives.is_finite() {
        return Err("L is undefined at this point".into());
    }
    let [gx, gy] = derivatives.gradient;
    let [[hxx, hxy], [_, hyy]] = derivatives.hessian;
    let [dx, dy] = direction;
    let count = samples.clamp(MIN_SLICE_SAMPLES, MAX_SLICE_SAMPLES);
    let mut slice = Slice {
        through,
        direction,
        value: derivatives.value,
        slope: gx * dx + gy * dy,
        curvature: dx * (hxx * dx + hxy * dy) + dy * (hxy * dx + hyy * dy),
        eigenvalues: symmetric_eigen(derivatives.hessian).values,
        samples: Vec::with_capacity(count),
        test_samples: None,
    };
    for i in 0..count {
        let t = -half_width + 2.0 * half_width * i as f64 / (count - 1) as f64;
        let value = surface.value(slice.point_at(t));
        slice
            .samples
            .push([t, if value.is_finite() { value } else { f64::NAN }]);
    }
    Ok(slice)
}

/// Which direction the page's slice through θ′ follows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum SliceDirection {
    /// The eigenvector of the i-th eigenvalue (0: the lowest), followed as θ′ moves.
    Eigenvector(usize),
    /// A fixed direction at this angle from the x axis, in degrees, counter-clockwise.
    Degrees(f64),
}

impl SliceDirection {
    /// The unit vector at θ′ (where the Hessian is undefined, an eigenvector falls back to the x axis).
    pub fn vector(self, point: &PointAnalysis) -> [f64; 2] {
        match self {
            SliceDirection::Eigenvector(i) => point
                .eigen
                .vectors
                .get(i)
                .copied()
                .filter(|u| u.iter().all(|c| c.is_finite()))
                .unwrap_or([1.0, 0.0]),
            SliceDirection::Degrees(angle) => {
                let radians = angle.to_radians();
                [radians.cos(), radians.sin()]
            }
        }
    }

    /// The direction's angle in degrees within [0, 180) (a slice along d is the slice along −d, mirrored).
    pub fn degrees(self, point: &PointAnalysis) -> f64 {
        let [x, y] = self.vector(point);
        let angle = y.atan2(x).to_degrees().rem_euclid(180.0);
        // 179.99999 from rounding is 180, which is 0.
        if angle >= 180.0 - 1e-9 {
            0.0
        } else {
            angle
        }
    }
}

#[cfg(test)]
mod direction_tests {
    use super::*;
    use crate::analysis::analyze;
    use crate::formula::Formula;

    #[test]
    fn eigenvector_directions_follow_the_point_and_angles_stay_put() {
        let lecture = Formula::parse("(1 - x*y)^2").unwrap();
        let saddle = analyze(&lecture, [0.0, 0.0]);
        let s = std::f64::consts::FRAC_1_SQRT_2;
        // λ₁ = −2 along (1, 1)/√2, λ₂ = 2 along (1, −1)/√2.
        let u1 = SliceDirection::Eigenvector(0).vector(&saddle);
        assert!(
            (u1[0] - s).abs() < 1e-12 && (u1[1] - s).abs() < 1e-12,
            "{u1:?}"
        );
        assert!((SliceDirection::Eigenvector(0).degrees(&saddle) - 45.0).abs() < 1e-9);
        assert!((SliceDirection::Eigenvector(1).degrees(&saddle) - 135.0).abs() < 1e-9);
        let x = SliceDirection::Degrees(0.0).vector(&saddle);
        assert_eq!(x, [1.0, 0.0]);
        assert!((SliceDirection::Degrees(270.0).degrees(&saddle) - 90.0).abs() < 1e-9);
        // Along x at the saddle the slice is flat; along u₁ it curves down, along u₂ up.
        for (direction, bend) in [
            (SliceDirection::Degrees(0.0), Bend::Flat),
            (SliceDirection::Eigenvector(0), Bend::Down),
            (SliceDirection::Eigenvector(1), Bend::Up),
        ] {
            let cut = slice(&lecture, saddle.at, direction.vector(&saddle), 1.0, 11).unwrap();
            assert_eq!(cut.bend(), bend, "{direction:?}");
        }
    }
}
