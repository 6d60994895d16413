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
/// Heights of L on the mesh's (MESH_CELLS + 1)² nodes and the vertical range to show them in.
pub(super) struct HeightField {
    /// Row-major, one row per y; NaN where L is undefined or beyond plotting.
    heights: Vec<f64>,
    pub(super) low: f64,
    pub(super) high: f64,
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
        HeightField { heights, low, high }
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
