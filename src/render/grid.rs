//! A surface sampled on a pixel grid: the raw material of heatmaps and contours.

use crate::bounds::Bounds;
use crate::formula::Formula;
use crate::surface::{LossSurface, Point};

/// Largest number of columns or rows a grid gets, whatever is asked: bounds memory and time for any input.
pub const MAX_GRID_SIDE: usize = 4096;

/// Seconds budgeted per tape instruction when a browser samples a grid with plain `f64`s. Sampling a row at a
/// time takes ~2.4 ns natively in a release build (tests/edge_cases.rs prints it for a 100 kB formula, one
/// `sin` in every five instructions) and about as much in wasm; the budget keeps the 8 ns of cell-at-a-time
/// sampling because the same estimate decides when the page skips the critical-point search, whose
/// dual-number evaluations did not get faster. An estimate, not a promise.
pub const SECONDS_PER_INSTRUCTION: f64 = 8e-9;

/// Roughly how long [`Grid::sample`] will take for `formula` at this size: the page compares it with a
/// frame budget to show a notice (or sample coarser) before freezing on a pasted monster formula.
pub fn estimated_grid_seconds(formula: &Formula, width: usize, height: usize) -> f64 {
    let cells = width.clamp(2, MAX_GRID_SIDE) * height.clamp(2, MAX_GRID_SIDE);
    cells as f64 * formula.len() as f64 * SECONDS_PER_INSTRUCTION
}

/// The map's heatmap has at most this many cells along a side (about one per CSS pixel below it): finer
/// grids cost time and add no visible detail.
pub const MAP_GRID_SIDE: usize = 260;

/// Seconds the map's sampling may take by [`estimated_grid_seconds`]: a long pasted formula is sampled on a
/// coarser grid instead of freezing the tab (a 100 kB formula would take ~25 s at full detail).
pub const GRID_BUDGET_SECONDS: f64 = 0.15;

/// Whether a full-detail map of `formula` would exceed [`GRID_BUDGET_SECONDS`]: the map is then sampled
/// coarser ([`affordable_grid`]), and the critical-point search (hundreds of Newton runs with second
/// derivatives) and the 3-D mesh (redrawn while a race runs) are left out, with a notice.
pub fn is_long(formula: &Formula) -> bool {
    estimated_grid_seconds(formula, MAP_GRID_SIDE, MAP_GRID_SIDE) > GRID_BUDGET_SECONDS
}

/// `columns × rows`, shrunk with its aspect kept until sampling `formula` fits in [`GRID_BUDGET_SECONDS`].
pub fn affordable_grid(formula: &Formula, columns: usize, rows: usize) -> (usize, usize) {
    let estimate = estimated_grid_seconds(formula, columns, rows);
    if estimate <= GRID_BUDGET_SECONDS {
        return (columns, rows);
    }
    let shrink = (GRID_BUDGET_SECONDS / estimate).sqrt();
    let side = |cells: usize| ((cells as f64 * shrink) as usize).max(2);
    (side(columns), side(rows))
}

/// A quick first map's grid: half the side of the full `(columns, rows)`, a quarter of the samples. On a cold
/// start the page's first frame runs before the browser has optimized its code, and sampling, colouring and
/// contouring were its largest share; the full map follows once the page has settled.
pub fn preview_grid((columns, rows): (usize, usize)) -> (usize, usize) {
    (columns.div_ceil(2), rows.div_ceil(2))
}

/// Values at the centres of `width × height` equal cells covering `bounds`.
///
/// Row-major with row 0 at the TOP (`y_max`) and column 0 at `x_min`, the order of canvas pixels,
/// so a heatmap is one pass over `values`. Undefined or overflowing values are stored as NaN.
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    /// The box the cells cover.
    pub bounds: Bounds,
    /// Cells per row, 2 to [`MAX_GRID_SIDE`].
    pub width: usize,
    /// Rows, 2 to [`MAX_GRID_SIDE`].
    pub height: usize,
    /// `width × height` values, row 0 at the top; NaN where L is undefined.
    pub values: Vec<f64>,
}

impl Grid {
    /// Samples a surface's values only (the heatmap never needs derivatives), through its
    /// [`lattice_values`](LossSurface::lattice_values): a formula computes its one-variable terms once per
    /// column or row.
    ///
    /// `width` and `height` are clamped to `2..=MAX_GRID_SIDE` (contours need at least one cell).
    pub fn sample<S: LossSurface + ?Sized>(
        surface: &S,
        bounds: Bounds,
        width: usize,
        height: usize,
    ) -> Grid {
        let (xs, ys) = cell_centers(&bounds, width, height);
        Grid::of_values(bounds, &xs, &ys, surface.lattice_values(&xs, &ys))
    }

    /// Samples any function of the plane on the same layout as [`Grid::sample`].
    pub fn from_fn(
        bounds: Bounds,
        width: usize,
        height: usize,
        mut value_at: impl FnMut(Point) -> f64,
    ) -> Grid {
        let (xs, ys) = cell_centers(&bounds, width, height);
        let values = ys
            .iter()
            .flat_map(|&y| xs.iter().map(move |&x| [x, y]))
            .map(&mut value_at)
            .collect();
        Grid::of_values(bounds, &xs, &ys, values)
    }

    /// The grid of values sampled at `xs` × `ys`, with undefined or overflowing values stored as NaN.
    fn of_values(bounds: Bounds, xs: &[f64], ys: &[f64], mut values: Vec<f64>) -> Grid {
        for value in values.iter_mut().filter(|v| !v.is_finite()) {
            *value = f64::NAN;
        }
        Grid {
            bounds,
            width: xs.len(),
            height: ys.len(),
            values,
        }
    }

    /// The data point a cell's value was sampled at.
    pub fn cell_center(&self, column: usize, row: usize) -> Point {
        [
            column_x(&self.bounds, self.width, column),
            row_y(&self.bounds, self.height, row),
        ]
    }

    /// Smallest and largest finite value, or `None` when the surface is undefined everywhere.
    pub fn value_range(&self) -> Option<(f64, f64)> {
        self.values
            .iter()
            .filter(|v| v.is_finite())
            .fold(None, |range, &v| match range {
                None => Some((v, v)),
                // Plain comparisons (the values are finite): `f64::min` is a libm call in wasm.
                Some((low, high)) => Some((
                    if v < low { v } else { low },
                    if v > high { v } else { high },
                )),
            })
    }

    /// The grid's values row by row, top first; empty when the fields disagree with each other.
    ///
    /// The fields are public, so consumers go through this instead of trusting `width × height`.
    pub(crate) fn rows(&self) -> std::slice::ChunksExact<'_, f64> {
        let consistent =
            self.width >= 1 && Some(self.values.len()) == self.width.checked_mul(self.height);
        let values = if consistent { &self.values[..] } else { &[] };
        values.chunks_exact(self.width.max(1))
    }
}

/// The x of every column and the y of every row of a grid of (clamped) `width × height` cells over `bounds`.
fn cell_centers(bounds: &Bounds, width: usize, height: usize) -> (Vec<f64>, Vec<f64>) {
    let (width, height) = (clamp_side(width), clamp_side(height));
    let xs = (0..width).map(|column| column_x(bounds, width, column));
    let ys = (0..height).map(|row| row_y(bounds, height, row));
    (xs.collect(), ys.collect())
}

/// A requested grid side as every sampler uses it: at least 2 cells, at most [`MAX_GRID_SIDE`].
pub(super) fn clamp_side(side: usize) -> usize {
    side.clamp(2, MAX_GRID_SIDE)
}

pub(super) fn column_x(bounds: &Bounds, columns: usize, column: usize) -> f64 {
    bounds.x_min + (column as f64 + 0.5) * (bounds.width() / columns as f64)
}

pub(super) fn row_y(bounds: &Bounds, rows: usize, row: usize) -> f64 {
    bounds.y_max - (row as f64 + 0.5) * (bounds.height() / rows as f64)
}
