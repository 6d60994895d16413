//! The loss surface as a 3-D mesh one can turn by dragging, with the dropped point and the optimizer runs
//! walking on it.
//!
//! Plotters' 3-D frame is (x, up, depth) and left-handed once drawn; Saddle's (x, y, L) maps to it as
//! (x, L, −y) (see [`scene`]), so L points up and the picture is not the mirror image of the 2-D map.
//!
//! `heights` samples L on the mesh, `placement` fits the turned box and its labels on the canvas, `draw`
//! paints the mesh, the axis names and the walkers.

mod draw;
mod heights;
mod placement;

use plotters::coord::cartesian::Cartesian3d;
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;

use self::draw::{draw_axis_names, draw_dropped_point, draw_mesh, draw_trajectory};
use self::heights::HeightField;
pub use self::heights::MESH_CELLS;
use self::placement::{box_side, project};
use super::{plot_error, FONT};
use crate::bounds::Bounds;
use crate::render::Orientation;
use crate::surface::LossSurface;

/// One optimizer run: the points it visited and the loss at each, drawn in `color`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Trajectory<'a> {
    /// The run's name, for the loss chart's legend (the 3-D view draws no words for it).
    pub label: &'a str,
    /// Its optimizer's colour, the same on every view.
    pub color: (u8, u8, u8),
    /// θ at each step, start first.
    pub points: &'a [[f64; 2]],
    /// `losses[i]` is L at `points[i]`; extra entries of the longer slice are ignored.
    pub losses: &'a [f64],
}

/// Draws L over `bounds` as a height-coloured mesh seen from `orientation`, the dropped `point` as a ball on
/// a stem, and each trajectory as a line on the surface (z = its losses), started by a ring and ended by a dot.
///
/// Cells where L is undefined are left out; heights beyond the robust range are drawn flat at its edge.
/// Lines and markers are drawn over the mesh, so a run behind a hill stays visible.
pub fn draw_surface3d<DB: DrawingBackend, S: LossSurface + ?Sized>(
    area: &DrawingArea<DB, Shift>,
    surface: &S,
    bounds: Bounds,
    orientation: Orientation,
    point: Option<[f64; 2]>,
    trajectories: &[Trajectory],
) -> Result<(), String> {
    let mut view = SurfaceView::new(surface, bounds, orientation);
    view.fit_to(
        trajectories
            .first()
            .and_then(|run| run.losses.first().copied()),
    );
    view.draw_backdrop(area)?;
    let point = point.map(|at| (at, surface.value(at)));
    view.draw_walkers(area, point, trajectories)?;
    area.present().map_err(plot_error)
}

/// The 3-D view of one surface, box and orientation, drawn in two layers: the backdrop (axes and mesh,
/// costly: ~1600 filled cells) changes only when the surface, box or view turns, while the walkers (the
/// dropped point and the runs) change every step of a race. The page caches the backdrop as an image and
/// draws the walkers over a copy of it.
pub struct SurfaceView {
    field: HeightField,
    bounds: Bounds,
    orientation: Orientation,
}

impl SurfaceView {
    /// Samples `surface` over `bounds` for the mesh; nothing is drawn yet.
    pub fn new<S: LossSurface + ?Sized>(
        surface: &S,
        bounds: Bounds,
        orientation: Orientation,
    ) -> SurfaceView {
        SurfaceView {
            field: HeightField::sample(surface, bounds),
            bounds,
            orientation: orientation.sanitized(),
        }
    }

    /// Fits the vertical range to a race that starts at height `start` (see `HeightField::fit_to`); true when
    /// the range changed and the backdrop must be drawn again.
    pub fn fit_to(&mut self, start: Option<f64>) -> bool {
        self.field.fit_to(start)
    }

    /// The chart's frame on `area`: the same area always gives the same projection, so both layers line up.
    fn chart<'a, DB: DrawingBackend>(
        &self,
        area: &'a DrawingArea<DB, Shift>,
    ) -> Result<Chart3d<'a, DB>, String> {
        let (bounds, field) = (self.bounds, &self.field);
        let mut chart = ChartBuilder::on(area)
            .build_cartesian_3d(
                bounds.x_min..bounds.x_max,
                field.low..field.high,
                -bounds.y_max..-bounds.y_min,
            )
            .map_err(plot_error)?;
        let canvas = area.dim_in_pixel();
        // The box's pixel size set here, so its centre (the turning pivot) is known; the fit scales it.
        let side = box_side(canvas);
        chart.set_3d_pixel_range((side, side, side));
        let placement = self.fitting_placement(&mut chart, canvas);
        project(&mut chart, self.orientation, placement, canvas);
        Ok(chart)
    }

    /// White paper, the axes with their ticks and names, and the mesh.
    pub fn draw_backdrop<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
    ) -> Result<(), String> {
        area.fill(&WHITE).map_err(plot_error)?;
        let mut chart = self.chart(area)?;
        let format = |value: &f64| crate::numbers::readable(*value);
        chart
            .configure_axes()
            .label_style((FONT, 13))
            .light_grid_style(BLACK.mix(0.08))
            .bold_grid_style(BLACK.mix(0.2))
            .max_light_lines(2)
            .x_labels(5)
            .y_labels(5)
            .z_labels(5)
            .x_formatter(&format)
            .y_formatter(&format)
            .z_formatter(&|depth: &f64| crate::numbers::readable(-depth))
            .draw()
            .map_err(plot_error)?;
        draw_mesh(&mut chart, self.bounds, &self.field)?;
        draw_axis_names(&mut chart, self.bounds, &self.field)
    }

    /// The runs and the dropped point (with its loss) over the backdrop.
    pub fn draw_walkers<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        point: Option<([f64; 2], f64)>,
        trajectories: &[Trajectory],
    ) -> Result<(), String> {
        let mut chart = self.chart(area)?;
        for trajectory in trajectories {
            draw_trajectory(&mut chart, self.bounds, &self.field, trajectory)?;
        }
        if let Some((at, loss)) = point.filter(|(at, _)| self.bounds.contains(*at)) {
            draw_dropped_point(&mut chart, &self.field, at, loss)?;
        }
        Ok(())
    }
}

/// Where Saddle's (x, y, L) sits in plotters' frame: L up, and y negated so that, seen from above, y lies
/// 90° counter-clockwise from x as on the map.
fn scene(x: f64, y: f64, height: f64) -> (f64, f64, f64) {
    (x, height, -y)
}

type Chart3d<'a, DB> =
    ChartContext<'a, DB, Cartesian3d<RangedCoordf64, RangedCoordf64, RangedCoordf64>>;
