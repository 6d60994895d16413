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
        let (to, after) = if backward.1 < forward.1 {
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
