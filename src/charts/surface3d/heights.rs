//! L sampled on the 3-D mesh's nodes, and the vertical range that shows the bulk of it.

use crate::bounds::Bounds;
use crate::surface::LossSurface;

/// Cells along each side of the mesh: fine enough to show a saddle's curvature, coarse enough to redraw on
/// every drag event in the browser.
pub const MESH_CELLS: usize = 40;

/// Heights beyond this are treated as undefined: the projection's pixel arithmetic would overflow.
const PLOTTABLE_MAGNITUDE: f64 = 1e100;
/// How far past the bulk of the heights (the 5th–95th percentile spread, in multiples of it) the vertical
/// axis still reaches before a spike is cut flat: a pole of 1/x or Rosenbrock's walls must not squash the
/// interesting part into a sheet.
const SPIKE_ALLOWANCE: f64 = 2.0;
/// A race that starts below this fraction of the vertical range fits the range to itself
/// ([`HeightField::fit_to`]): on the lecture's surface, walls rising to L ≈ 25 at the corners left the runs,
/// which start near L ≈ 1, a tangle along the bottom.
const FIT_BELOW: f64 = 0.25;
/// The fitted range reaches this many times the start's height above the floor.
const FIT_HEADROOM: f64 = 2.0;

/// Heights of L on the mesh's (MESH_CELLS + 1)² nodes and the vertical range to show them in.
pub(super) struct HeightField {
    /// Row-major, one row per y; NaN where L is undefined or beyond plotting.
    heights: Vec<f64>,
    pub(super) low: f64,
    pub(super) high: f64,
    /// The top of the whole surface's robust range, which [`HeightField::fit_to`] may lower `high` from.
    surface_high: f64,
}

impl HeightField {
    pub(super) fn sample<S: LossSurface + ?Sized>(surface: &S, bounds: Bounds) -> HeightField {
        let nodes = 0..MESH_CELLS + 1;
        let xs: Vec<f64> = nodes
            .clone()
            .map(|column| mesh_coordinate(bounds.x_min, bounds.x_max, column))
            .collect();
        let ys: Vec<f64> = nodes
            .map(|row| mesh_coordinate(bounds.y_min, bounds.y_max, row))
            .collect();
        let mut heights = surface.lattice_values(&xs, &ys);
        for height in heights
            .iter_mut()
            .filter(|h| h.is_nan() || h.abs() >= PLOTTABLE_MAGNITUDE)
        {
            *height = f64::NAN;
        }
        let (low, high) = robust_range(&heights);
        HeightField {
            heights,
            low,
            high,
            surface_high: high,
        }
    }

    /// Fits the vertical range to a race starting at height `start` (L at θ′): when that lies in the lowest
    /// [`FIT_BELOW`] of the surface's range, the top comes down to [`FIT_HEADROOM`] times its height above
    /// the floor (rounded up to 1, 2 or 5 times a power of ten, so dragging θ′ rarely changes it) and
    /// higher ground is drawn flat at the top, as a spike is. Otherwise, or without a start, the whole
    /// range. Returns whether the range changed.
    pub(super) fn fit_to(&mut self, start: Option<f64>) -> bool {
        let span = self.surface_high - self.low;
        let high = match start.map(|height| height - self.low) {
            Some(rise) if rise.is_finite() && rise > 0.0 && rise < FIT_BELOW * span => {
                (self.low + round_up_125(FIT_HEADROOM * rise)).min(self.surface_high)
            }
            _ => self.surface_high,
        };
        let changed = high != self.high;
        self.high = high;
        changed
    }

    pub(super) fn at(&self, column: usize, row: usize) -> f64 {
        self.heights
            .get(row * (MESH_CELLS + 1) + column)
            .copied()
            .unwrap_or(f64::NAN)
    }

    pub(super) fn clamp(&self, height: f64) -> f64 {
        height.clamp(self.low, self.high)
    }
}

/// The smallest of 1, 2, 5 times a power of ten that is at least `value` (> 0).
fn round_up_125(value: f64) -> f64 {
    let decade = 10f64.powf(value.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|step| step * decade)
        .find(|rounded| *rounded >= value)
        .unwrap_or(10.0 * decade)
}

/// The `index`-th of MESH_CELLS + 1 evenly spaced values from `min` to `max`, hitting `max` exactly.
pub(super) fn mesh_coordinate(min: f64, max: f64, index: usize) -> f64 {
    min + (max - min) * index as f64 / MESH_CELLS as f64
}

/// The vertical range: from the lowest to the highest finite height, unless a spike sticks out far beyond
/// the bulk, in which case it is cut (see [`SPIKE_ALLOWANCE`]). Never empty, even for a flat or undefined L.
fn robust_range(heights: &[f64]) -> (f64, f64) {
    let mut finite: Vec<f64> = heights.iter().copied().filter(|h| h.is_finite()).collect();
    crate::sorting::sort_numbers(&mut finite);
    let percentile = |q: f64| {
        let last = finite.len().saturating_sub(1);
        let index = ((last as f64 * q).round() as usize).min(last);
        finite.get(index).copied()
    };
    let (Some(lowest), Some(p5), Some(p95), Some(highest)) = (
        percentile(0.0),
        percentile(0.05),
        percentile(0.95),
        percentile(1.0),
    ) else {
        return (0.0, 1.0);
    };
    let spread = p95 - p5;
    let low = lowest.max(p5 - SPIKE_ALLOWANCE * spread);
    let high = highest.min(p95 + SPIKE_ALLOWANCE * spread);
    if high - low > 1e-12 * low.abs().max(high.abs()).max(1e-300) {
        (low, high)
    } else {
        let pad = 0.5 * low.abs().max(1.0);
        (low - pad, high + pad)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formula::Formula;

    fn lecture_field() -> HeightField {
        let surface = Formula::parse("(1 - x*y)^2").expect("a formula");
        HeightField::sample(&surface, Bounds::new(-2.0, 2.0, -2.0, 2.0).expect("a box"))
    }

    #[test]
    fn a_race_low_on_a_tall_surface_gets_the_range_fitted_to_it() {
        let mut field = lecture_field();
        // L = (1 − xy)² on [−2, 2]²: 0 on the valley, 25 at the corners (x = y = ±2).
        assert_eq!((field.low, field.high), (0.0, 25.0));
        // Started at (0.6, −0.6), L = 1.36² = 1.8496: the top comes down to 2 × 1.85 → 5.
        assert!(field.fit_to(Some(1.8496)));
        assert_eq!(field.high, 5.0);
        assert_eq!(field.clamp(25.0), 5.0, "the walls are cut flat at the top");
        // A nearby start keeps the same range.
        assert!(!field.fit_to(Some(1.7)));
        // A start high up the walls (L = 9 > 25 %) sees the whole surface.
        assert!(field.fit_to(Some(9.0)));
        assert_eq!(field.high, 25.0);
        assert!(!field.fit_to(None));
    }

    #[test]
    fn tops_round_up_to_one_two_or_five() {
        assert_eq!(round_up_125(3.7), 5.0);
        assert_eq!(round_up_125(0.011), 0.02);
        assert_eq!(round_up_125(2.0), 2.0);
        assert_eq!(round_up_125(6.0), 10.0);
    }
}
