//! L on a plane through the network's parameters θ, drawn as the 2-D map is drawn (heatmap, contours,
//! colour bar), with θ at the centre marked as the map marks a critical point of its kind.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::map::{draw_map_base, draw_marker, HeatmapPainter, MapBase, MapFrame, MARKER_RADIUS};
use super::palette::{critical_marker, INK, PAPER};
use super::plot_error;
use crate::analysis::PointKind;
use crate::bounds::Bounds;
use crate::i18n::ChartWords;
use crate::render::Grid;

/// L(θ + a·d₁ + b·d₂) on a grid: `a` and `b` ascending, equally spaced, `loss` row by row of b.
#[derive(Debug, Clone, Copy)]
pub struct PlaneValues<'a> {
    /// The steps along d₁.
    pub a: &'a [f64],
    /// The steps along d₂.
    pub b: &'a [f64],
    /// `b.len()` rows of `a.len()` values.
    pub loss: &'a [f64],
}

impl PlaneValues<'_> {
    /// The values as a [`Grid`] (row 0 at the top, the largest b), each at its cell's centre: the box
    /// reaches half a step beyond the first and last a and b. `None` when the sizes disagree or an axis has
    /// fewer than two distinct values.
    pub fn grid(&self) -> Option<Grid> {
        let (columns, rows) = (self.a.len(), self.b.len());
        if columns < 2 || rows < 2 || self.loss.len() != columns * rows {
            return None;
        }
        let half_step =
            |axis: &[f64]| (axis[axis.len() - 1] - axis[0]) / (2.0 * (axis.len() - 1) as f64);
        let (da, db) = (half_step(self.a), half_step(self.b));
        let bounds = Bounds::new(
            self.a[0] - da,
            self.a[columns - 1] + da,
            self.b[0] - db,
            self.b[rows - 1] + db,
        )
        .ok()?;
        let values = self
            .loss
            .chunks_exact(columns)
            .rev()
            .flatten()
            .map(|&v| if v.is_finite() { v } else { f64::NAN })
            .collect();
        Some(Grid {
            bounds,
            width: columns,
            height: rows,
            values,
        })
    }
}

/// Draws the plane's map over `frame` (made for the grid's box) with the map's own code, and θ at the
/// origin marked as a point of `kind` (a plain dot when it is not a critical point).
pub fn draw_plane_slice<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    frame: &MapFrame,
    base: &MapBase,
    kind: PointKind,
    paint_heatmap: HeatmapPainter,
    words: &ChartWords,
) -> Result<(), String> {
    draw_map_base(root, frame, base, &[], paint_heatmap, words, true)?;
    let at = frame.pixel([0.0, 0.0]);
    match critical_marker(kind) {
        Some((marker, colour)) => draw_marker(root, marker, colour, at, frame.px(MARKER_RADIUS)),
        None => {
            let radius = frame.px(4.0).round() as i32;
            root.draw(&Circle::new(at, radius + 1, PAPER.filled()))
                .and_then(|_| root.draw(&Circle::new(at, radius, INK.filled())))
                .map_err(plot_error)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_grid_puts_the_largest_b_on_top_and_each_value_at_its_cell_centre() {
        let a = [-1.0, 0.0, 1.0];
        let b = [-2.0, 2.0];
        // Row b = −2, then row b = 2.
        let loss = [1.0, 2.0, 3.0, 4.0, 5.0, f64::INFINITY];
        let grid = PlaneValues {
            a: &a,
            b: &b,
            loss: &loss,
        }
        .grid()
        .expect("a grid");
        assert_eq!((grid.width, grid.height), (3, 2));
        assert_eq!(grid.values[..2], [4.0, 5.0]);
        assert!(grid.values[2].is_nan());
        assert_eq!(grid.values[3..], [1.0, 2.0, 3.0]);
        assert_eq!(grid.cell_center(0, 0), [-1.0, 2.0]);
        assert_eq!(grid.cell_center(2, 1), [1.0, -2.0]);
        let wrong = PlaneValues {
            a: &a,
            b: &b,
            loss: &loss[..5],
        };
        assert!(wrong.grid().is_none());
    }
}
