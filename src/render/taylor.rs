//! The second-order Taylor model laid on a grid, so the map can draw its contours next to the surface's.

use super::grid::Grid;
use crate::analysis::taylor_value;
use crate::bounds::Bounds;
use crate::surface::{Derivatives, Point};

/// [`taylor_value`] around `at` sampled on the same layout as [`Grid::sample`].
pub fn taylor_grid(
    d: &Derivatives,
    at: Point,
    bounds: Bounds,
    width: usize,
    height: usize,
) -> Grid {
    Grid::from_fn(bounds, width, height, |p| taylor_value(d, at, p))
}
