//! "Escape along u": θ′ → θ′ + α·u along the eigenvector of the negative eigenvalue, and the short animation
//! that shows the step on the map.

use crate::analysis::PointAnalysis;
use crate::bounds::Bounds;
use crate::surface::{LossSurface, Point};

/// The escape step as a fraction of the box's shorter side: big enough to see, small enough to stay local.
const STEP_FRACTION: f64 = 0.12;
/// How long the step takes on screen: long enough to follow, short enough not to wait for.
const DURATION_SECONDS: f64 = 0.7;

/// The escape step from one point, and how far along the animation of it has come.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EscapeAnimation {
    /// θ′, the point escaped from.
    pub from: Point,
    /// θ′ ± α·u, the side with the lower loss.
    pub to: Point,
    /// L at `from`.
    pub before: f64,
    /// L at `to`: below `before` when the step shows the escape.
    pub after: f64,
    elapsed: f64,
}

impl EscapeAnimation {
    /// The escape from this point, if it has a negative eigenvalue; of ±u, the sign with the lower loss.
    pub fn plan<S: LossSurface + ?Sized>(
        surface: &S,
        point: &PointAnalysis,
        bounds: &Bounds,
    ) -> Option<EscapeAnimation> {
        let (u, _lambda) = point.escape_direction()?;
        let alpha = STEP_FRACTION * bounds.width().min(bounds.height());
        let [forward, backward] = [1.0, -1.0].map(|sign| {
            let to = [
                point.at[0] + sign * alpha * u[0],
                point.at[1] + sign * alpha * u[1],
            ];
            (to, surface.value(to))
        });
        // The side with the lower loss; an undefined side (NaN) never wins over a defined one.
        let (to, after) = if backward.1 < forward.1 || forward.1.is_nan() {
            backward
        } else {
            forward
        };
        Some(EscapeAnimation {
            from: point.at,
            to,
            before: point.derivatives.value,
            after,
            elapsed: 0.0,
        })
    }

    /// Moves the clock on; true once the animation has arrived.
    pub fn advance(&mut self, seconds: f64) -> bool {
        self.elapsed += seconds;
        self.elapsed >= DURATION_SECONDS
    }

    /// Where the point is drawn now (eased, so the move reads as a deliberate step).
    pub fn position(&self) -> Point {
        let t = (self.elapsed / DURATION_SECONDS).clamp(0.0, 1.0);
        let eased = t * t * (3.0 - 2.0 * t);
        [
            self.from[0] + eased * (self.to[0] - self.from[0]),
            self.from[1] + eased * (self.to[1] - self.from[1]),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;
    use crate::formula::Formula;

    #[test]
    fn the_escape_goes_down_and_never_into_undefined_ground() {
        let bounds = Bounds::new(-2.0, 2.0, -2.0, 2.0).unwrap();
        // The lecture's saddle: along ±(1, 1)/√2 both sides go down alike; the step is 0.12 × 4 long.
        let lecture = Formula::parse("(1 - x*y)^2").unwrap();
        let step =
            EscapeAnimation::plan(&lecture, &analyze(&lecture, [0.0, 0.0]), &bounds).unwrap();
        assert!(step.after < step.before);
        assert!((step.to[0].hypot(step.to[1]) - 0.48).abs() < 1e-12);
        // −y² + x⁴ + log(0.1 − y) at (0, 0.05): λ = −402 along u = (0, 1), but L is undefined above y = 0.1,
        // where u points: the escape must take −u.
        let cliff = Formula::parse("-y^2 + x^4 + log(0.1 - y)").unwrap();
        let here = analyze(&cliff, [0.0, 0.05]);
        assert_eq!(here.escape_direction().map(|(u, _)| u), Some([0.0, 1.0]));
        let step = EscapeAnimation::plan(&cliff, &here, &bounds).expect("a negative eigenvalue");
        assert!(step.after.is_finite(), "{step:?}");
        assert!(step.to[1] < 0.0, "{step:?}");
    }
}
