//! Painting the 3-D view: the mesh far cells first, the axis names, and the walkers over it.

use plotters::element::IntoDynElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::heights::{mesh_coordinate, HeightField, MESH_CELLS};
use super::placement::axis_names;
use super::{scene, Chart3d, Trajectory};
use crate::bounds::Bounds;
use crate::charts::{plot_error, rgb, unbroken_runs, FONT};
use crate::render::viridis;
use crate::sorting::sort_by_number;

/// One mesh cell as drawn: its defined corners (three or four), clamped into the vertical range.
struct Cell {
    corners: [(f64, f64, f64); 4],
    defined: usize,
    /// Distance from the viewer in projected pixels; painting far cells first hides what is behind.
    depth: i32,
}

impl Cell {
    fn corners(&self) -> &[(f64, f64, f64)] {
        self.corners.get(..self.defined).unwrap_or(&[])
    }

    fn mean_height(&self) -> f64 {
        self.corners().iter().map(|corner| corner.1).sum::<f64>() / self.defined as f64
    }
}

/// Fills every cell with at least three defined corners, far cells first so near ones paint over them.
pub(super) fn draw_mesh<DB: DrawingBackend>(
    chart: &mut Chart3d<DB>,
    bounds: Bounds,
    field: &HeightField,
) -> Result<(), String> {
    let coordinates = chart.as_coord_spec();
    let mut cells = Vec::with_capacity(MESH_CELLS * MESH_CELLS);
    for row in 0..MESH_CELLS {
        for column in 0..MESH_CELLS {
            let mut cell = Cell {
                corners: [(0.0, 0.0, 0.0); 4],
                defined: 0,
                depth: 0,
            };
            for (c, r) in [
                (column, row),
                (column + 1, row),
                (column + 1, row + 1),
                (column, row + 1),
            ] {
                let height = field.at(c, r);
                if let (true, Some(corner)) =
                    (height.is_finite(), cell.corners.get_mut(cell.defined))
                {
                    *corner = scene(
                        mesh_coordinate(bounds.x_min, bounds.x_max, c),
                        mesh_coordinate(bounds.y_min, bounds.y_max, r),
                        field.clamp(height),
                    );
                    cell.defined += 1;
                }
            }
            if cell.defined >= 3 {
                let count = cell.defined as f64;
                let center_x = cell.corners().iter().map(|corner| corner.0).sum::<f64>() / count;
                let center_y = cell.corners().iter().map(|corner| corner.2).sum::<f64>() / count;
                cell.depth = coordinates.projected_depth(&center_x, &cell.mean_height(), &center_y);
                cells.push(cell);
            }
        }
    }
    // Farthest first.
    sort_by_number(&mut cells, |cell| -f64::from(cell.depth));

    let edge = BLACK.mix(0.18).stroke_width(1);
    chart
        .draw_series(cells.iter().flat_map(|cell| {
            // The map's own colour ramp, so the 3-D view and the heatmap agree on what a height looks like.
            let span = (field.high - field.low).max(f64::MIN_POSITIVE);
            let [r, g, b] = viridis((cell.mean_height() - field.low) / span);
            let fill = RGBColor(r, g, b);
            let outline = cell.corners().to_vec();
            let closed: Vec<_> = cell
                .corners()
                .iter()
                .chain(cell.corners().first())
                .copied()
                .collect();
            [
                Polygon::new(outline, fill.filled()).into_dyn(),
                PathElement::new(closed, edge).into_dyn(),
            ]
        }))
        .map_err(plot_error)?;
    Ok(())
}

/// Names the three axes beside the edges plotters put their tick labels on (see [`axis_names`]).
pub(super) fn draw_axis_names<DB: DrawingBackend>(
    chart: &mut Chart3d<DB>,
    bounds: Bounds,
    field: &HeightField,
) -> Result<(), String> {
    let names = axis_names(chart.as_coord_spec(), bounds, field);
    let style = TextStyle::from((FONT, 16).into_font().style(FontStyle::Italic))
        .pos(Pos::new(HPos::Center, VPos::Center));
    chart
        .draw_series(
            names
                .into_iter()
                .map(|(name, at)| Text::new(name, at, style.clone())),
        )
        .map_err(plot_error)?;
    Ok(())
}

/// A run as a coloured line on a dark casing (readable on any part of the colour ramp), a ring where it
/// started and a dot where it ended. Steps outside the box or with an undefined loss break the line.
pub(super) fn draw_trajectory<DB: DrawingBackend>(
    chart: &mut Chart3d<DB>,
    bounds: Bounds,
    field: &HeightField,
    trajectory: &Trajectory,
) -> Result<(), String> {
    let on_surface = trajectory
        .points
        .iter()
        .zip(trajectory.losses)
        .map(|(&at, &loss)| {
            (bounds.contains(at) && loss.is_finite())
                .then(|| scene(at[0], at[1], field.clamp(loss)))
        });
    let pieces = unbroken_runs(on_surface);
    let color = rgb(trajectory.color);
    // Thick, on a dark casing as on the map, so a run's light colour reads against the mesh it runs over.
    let halo = RGBAColor(0x1B, 0x1F, 0x24, 0.75).stroke_width(9);
    let line = color.stroke_width(5);
    chart
        .draw_series(
            pieces
                .iter()
                .map(|piece| PathElement::new(piece.clone(), halo)),
        )
        .map_err(plot_error)?;
    chart
        .draw_series(
            pieces
                .iter()
                .map(|piece| PathElement::new(piece.clone(), line)),
        )
        .map_err(plot_error)?;
    let start = pieces.first().and_then(|piece| piece.first());
    let end = pieces.last().and_then(|piece| piece.last());
    chart
        .draw_series(start.map(|&at| Circle::new(at, 5, color.stroke_width(2))))
        .map_err(plot_error)?;
    chart
        .draw_series(end.into_iter().flat_map(|&at| {
            [
                Circle::new(at, 9, BLACK.filled()),
                Circle::new(at, 7, color.filled()),
            ]
        }))
        .map_err(plot_error)?;
    Ok(())
}

/// The dropped point: a ring on the floor of the box under it and, where L is defined, a stem up to a ball at
/// its height, so its (x, y) and its L both read off the picture.
pub(super) fn draw_dropped_point<DB: DrawingBackend>(
    chart: &mut Chart3d<DB>,
    field: &HeightField,
    at: [f64; 2],
    loss: f64,
) -> Result<(), String> {
    let floor = scene(at[0], at[1], field.low);
    chart
        .draw_series(std::iter::once(Circle::new(
            floor,
            4,
            BLACK.stroke_width(2),
        )))
        .map_err(plot_error)?;
    if loss.is_finite() {
        let top = scene(at[0], at[1], field.clamp(loss));
        chart
            .draw_series(std::iter::once(PathElement::new(
                vec![floor, top],
                BLACK.stroke_width(2),
            )))
            .map_err(plot_error)?;
        chart
            .draw_series([
                Circle::new(top, 7, BLACK.filled()),
                Circle::new(top, 5, WHITE.filled()),
            ])
            .map_err(plot_error)?;
    }
    Ok(())
}
