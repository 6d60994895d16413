//! The loss surface as a 3-D mesh one can turn by dragging, with the dropped point and the optimizer runs
//! walking on it.
//!
//! Plotters' 3-D frame is (x, up, depth) and left-handed once drawn; Saddle's (x, y, L) maps to it as
//! (x, L, −y) (see [`scene`]), so L points up and the picture is not the mirror image of the 2-D map.

use std::f64::consts::TAU;

use plotters::coord::cartesian::Cartesian3d;
use plotters::coord::types::RangedCoordf64;
use plotters::coord::{CoordTranslate, Shift};
use plotters::element::IntoDynElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{plot_error, rgb, tick_label, unbroken_runs, FONT};
use crate::bounds::Bounds;
use crate::render::viridis;
use crate::sorting::sort_by_number;
use crate::surface::LossSurface;

/// Cells along each side of the mesh: fine enough to show a saddle's curvature, coarse enough to redraw on
/// every drag event in the browser.
pub const MESH_CELLS: usize = 40;

/// How far one dragged pixel turns the view.
const RADIANS_PER_PIXEL: f64 = 0.01;
/// Just above the horizon: lower, and the surface hides behind its own front edge.
const MIN_PITCH: f64 = 0.05;
/// Just short of straight down: beyond it the view flips over and dragging feels inverted.
const MAX_PITCH: f64 = 1.5;
/// Heights beyond this are treated as undefined: the projection's pixel arithmetic would overflow.
const PLOTTABLE_MAGNITUDE: f64 = 1e100;
/// How far past the bulk of the heights (the 5th–95th percentile spread, in multiples of it) the vertical
/// axis still reaches before a spike is cut flat: a pole of 1/x or Rosenbrock's walls must not squash the
/// interesting part into a sheet.
const SPIKE_ALLOWANCE: f64 = 2.0;
/// Largest projection scale: a big canvas still keeps some paper around the box.
const MAX_VIEW_SCALE: f64 = 1.2;
/// Smallest: on a canvas too small for the labels, the box stays visible.
const MIN_VIEW_SCALE: f64 = 0.1;
/// Turns the fit checks the box's reach at (every 22.5°, and the view's own).
const TURN_SAMPLES: u32 = 16;
/// Room kept between the box's corners and the canvas edge for the tick labels plotters hangs off them, in
/// backend pixels: a 13 px label ("-1.5" is ~26 px wide) set ~10 px out from its edge.
const LABEL_ROOM: (f64, f64) = (32.0, 26.0);
/// How far past the box the axis names sit, in spans of their axis (see [`axis_names`]).
const NAME_REACH: f64 = 0.22;
/// How far above the box's top the L axis' name sits, in spans of L.
const L_NAME_RISE: f64 = 0.08;

/// Which way the 3-D view looks at the surface, in radians.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Orientation {
    /// Turn about the vertical (L) axis.
    pub yaw: f64,
    /// Tilt towards looking down on the surface; 0 is edge-on.
    pub pitch: f64,
}

impl Default for Orientation {
    /// Looking down at a corner of the box, x increasing to the right: for the lecture surface (1 − xy)² this
    /// looks along its valley, with the saddle in front of it.
    fn default() -> Self {
        Orientation {
            yaw: 5.5,
            pitch: 0.45,
        }
    }
}

impl Orientation {
    /// The view after dragging by (dx, dy) pixels: sideways turns, up and down tilts (within sane limits).
    pub fn turned(self, drag_dx_px: f64, drag_dy_px: f64) -> Orientation {
        let finite_or_zero = |v: f64| if v.is_finite() { v } else { 0.0 };
        Orientation {
            // Dragging right turns the near side of the surface to the right, as if held by the mouse.
            yaw: self.yaw - finite_or_zero(drag_dx_px) * RADIANS_PER_PIXEL,
            pitch: self.pitch + finite_or_zero(drag_dy_px) * RADIANS_PER_PIXEL,
        }
        .sanitized()
    }

    /// The view as a share link writes it: yaw and pitch in degrees, to a tenth (yaw in [0, 360)). Reading
    /// it back with [`Orientation::from_link_degrees`] gives the same tenths again.
    pub fn link_degrees(self) -> [f64; 2] {
        let tenths = |radians: f64| (radians.to_degrees() * 10.0).round() / 10.0;
        let view = self.sanitized();
        let yaw = tenths(view.yaw);
        [if yaw >= 360.0 { 0.0 } else { yaw }, tenths(view.pitch)]
    }

    /// This view at a link's resolution: what a link to it reopens, to the pixel.
    pub fn as_linked(self) -> Orientation {
        Orientation::from_link_degrees(self.link_degrees())
    }

    /// The view a link's `turn=yaw,pitch` (degrees) asks for, turned into range like a dragged one.
    pub fn from_link_degrees([yaw, pitch]: [f64; 2]) -> Orientation {
        Orientation {
            yaw: yaw.to_radians(),
            pitch: pitch.to_radians(),
        }
        .sanitized()
    }

    /// Yaw wrapped into [0, 2π), pitch clamped; anything non-finite falls back to the default view.
    fn sanitized(self) -> Orientation {
        let default = Orientation::default();
        Orientation {
            yaw: if self.yaw.is_finite() {
                self.yaw.rem_euclid(TAU)
            } else {
                default.yaw
            },
            pitch: if self.pitch.is_finite() {
                self.pitch.clamp(MIN_PITCH, MAX_PITCH)
            } else {
                default.pitch
            },
        }
    }
}

/// One optimizer run: the points it visited and the loss at each, drawn in `color`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Trajectory<'a> {
    pub label: &'a str,
    pub color: (u8, u8, u8),
    pub points: &'a [[f64; 2]],
    /// `losses[i]` is L at `points[i]`; extra entries of the longer slice are ignored.
    pub losses: &'a [f64],
}

/// Where the projected box goes on the canvas: plotters' scale, and how far the box's centre moves from the
/// canvas's.
#[derive(Debug, Clone, Copy)]
struct Placement {
    scale: f64,
    shift: (i32, i32),
}

impl Placement {
    const UNFITTED: Placement = Placement {
        scale: 1.0,
        shift: (0, 0),
    };
}

/// Heights of L on the mesh's (MESH_CELLS + 1)² nodes and the vertical range to show them in.
struct HeightField {
    /// Row-major, one row per y; NaN where L is undefined or beyond plotting.
    heights: Vec<f64>,
    low: f64,
    high: f64,
}

impl HeightField {
    fn sample<S: LossSurface + ?Sized>(surface: &S, bounds: Bounds) -> HeightField {
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

    fn at(&self, column: usize, row: usize) -> f64 {
        self.heights
            .get(row * (MESH_CELLS + 1) + column)
            .copied()
            .unwrap_or(f64::NAN)
    }

    fn clamp(&self, height: f64) -> f64 {
        height.clamp(self.low, self.high)
    }
}

/// The `index`-th of MESH_CELLS + 1 evenly spaced values from `min` to `max`, hitting `max` exactly.
fn mesh_coordinate(min: f64, max: f64, index: usize) -> f64 {
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
    let view = SurfaceView::new(surface, bounds, orientation);
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

    /// The scale and shift that keep the box, its axis names and its tick labels on the canvas, the box's
    /// middle in its middle: turned and tilted, the box reaches further on one side than on the other, and a
    /// fixed scale let labels fall off an edge. The scale is the smallest over a whole turn at this tilt, so
    /// the box keeps its size while dragged around.
    fn fitting_placement<DB: DrawingBackend>(
        &self,
        chart: &mut Chart3d<DB>,
        canvas: (u32, u32),
    ) -> Placement {
        let pitch = self.orientation.pitch;
        let extent_at = |chart: &mut Chart3d<DB>, yaw: f64| {
            project(
                chart,
                Orientation { yaw, pitch },
                Placement::UNFITTED,
                canvas,
            );
            self.extent(chart)
        };
        let size = [f64::from(canvas.0), f64::from(canvas.1)];
        let rooms = [LABEL_ROOM.0, LABEL_ROOM.1];
        let mut scale = MAX_VIEW_SCALE;
        let turns = (0..TURN_SAMPLES).map(|turn| f64::from(turn) * TAU / f64::from(TURN_SAMPLES));
        for yaw in turns.chain([self.orientation.yaw]) {
            let (low, high) = extent_at(chart, yaw);
            for axis in 0..2 {
                let reach = 0.5 * (high[axis] - low[axis]);
                if reach > 0.0 {
                    scale = scale.min((0.5 * size[axis] - rooms[axis]) / reach);
                }
            }
        }
        let scale = scale.max(MIN_VIEW_SCALE);
        let (low, high) = extent_at(chart, self.orientation.yaw);
        // Unfitted, the box's centre is the canvas's; the shift puts the middle of what is drawn there.
        let shift = |axis: usize| {
            let off_centre = 0.5 * (low[axis] + high[axis]) - 0.5 * size[axis];
            (-scale * off_centre).round() as i32
        };
        Placement {
            scale,
            shift: (shift(0), shift(1)),
        }
    }

    /// The pixel rectangle (lowest and highest x and y) of the box's corners and its axis names as `chart`
    /// projects them.
    fn extent<DB: DrawingBackend>(&self, chart: &Chart3d<DB>) -> ([f64; 2], [f64; 2]) {
        let coordinates = chart.as_coord_spec();
        let (b, field) = (self.bounds, &self.field);
        let corners = [b.x_min, b.x_max].into_iter().flat_map(|x| {
            [field.low, field.high]
                .into_iter()
                .flat_map(move |l| [-b.y_max, -b.y_min].map(|y| (x, l, y)))
        });
        let names = axis_names(coordinates, b, field).map(|(_, at)| at);
        let (mut low, mut high) = ([f64::INFINITY; 2], [f64::NEG_INFINITY; 2]);
        for at in corners.chain(names) {
            let (px, py) = coordinates.translate(&at);
            for (axis, p) in [f64::from(px), f64::from(py)].into_iter().enumerate() {
                low[axis] = low[axis].min(p);
                high[axis] = high[axis].max(p);
            }
        }
        (low, high)
    }

    /// White paper, the axes with their ticks and names, and the mesh.
    pub fn draw_backdrop<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
    ) -> Result<(), String> {
        area.fill(&WHITE).map_err(plot_error)?;
        let mut chart = self.chart(area)?;
        let format = |value: &f64| tick_label(*value);
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
            .z_formatter(&|depth: &f64| tick_label(-depth))
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
fn draw_mesh<DB: DrawingBackend>(
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

/// The box's pixel size on a `width` × `height` canvas before scaling (plotters' own default).
fn box_side((width, height): (u32, u32)) -> i32 {
    (width.min(height) as i32 * 4 / 5).max(1)
}

/// Projects `chart` (its box [`box_side`] pixels on `canvas`) seen from `orientation`, scaled about the
/// box's centre, which `placement`'s shift moves from the canvas's.
fn project<DB: DrawingBackend>(
    chart: &mut Chart3d<DB>,
    orientation: Orientation,
    placement: Placement,
    canvas: (u32, u32),
) {
    let half = box_side(canvas) / 2;
    let centre = (
        canvas.0 as i32 / 2 + placement.shift.0,
        canvas.1 as i32 / 2 + placement.shift.1,
    );
    chart.with_projection(|mut projection| {
        projection.yaw = orientation.yaw;
        projection.pitch = orientation.pitch;
        projection.scale = placement.scale;
        projection.set_pivot((half, half, half), centre);
        projection.into_matrix()
    });
}

/// Names the three axes beside the edges plotters put their tick labels on (see [`axis_names`]).
fn draw_axis_names<DB: DrawingBackend>(
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

/// Each axis' name and where it goes (in plotters' axis order): x and y past the middle of their tick edge,
/// away from the box and further out than the tick labels; L above the top of its edge.
fn axis_names(
    coordinates: &Cartesian3d<RangedCoordf64, RangedCoordf64, RangedCoordf64>,
    bounds: Bounds,
    field: &HeightField,
) -> [(&'static str, (f64, f64, f64)); 3] {
    // Plotters' axis order: 0 = x, 1 = L (up), 2 = −y.
    let ranges = [
        (bounds.x_min, bounds.x_max),
        (field.low, field.high),
        (-bounds.y_max, -bounds.y_min),
    ];
    let name_position = |axis: usize| {
        let [start, _] = tick_edge(coordinates, ranges, axis);
        let mut at = [0.0; 3];
        for (other, (low, high)) in ranges.iter().enumerate() {
            let span = high - low;
            at[other] = if other == axis && axis == 1 {
                high + L_NAME_RISE * span
            } else if other == axis {
                0.5 * (low + high)
            } else if other == 1 || axis == 1 {
                start[other]
            } else if start[other] <= *low {
                low - NAME_REACH * span
            } else {
                high + NAME_REACH * span
            };
        }
        (at[0], at[1], at[2])
    };
    [("x", 0), ("L", 1), ("y", 2)].map(|(name, axis)| (name, name_position(axis)))
}

/// The box edge along `axis` that plotters draws that axis's ticks on (mirroring its choice in
/// `ChartContext::draw_axis`): on one of the two back walls, the edge nearest the viewer, then the higher one
/// on screen.
fn tick_edge(
    coordinates: &Cartesian3d<RangedCoordf64, RangedCoordf64, RangedCoordf64>,
    ranges: [(f64, f64); 3],
    axis: usize,
) -> [[f64; 3]; 2] {
    let depth = |p: [f64; 3]| coordinates.projected_depth(&p[0], &p[1], &p[2]);
    let screen_y = |p: [f64; 3]| coordinates.translate(&(p[0], p[1], p[2])).1;
    let mins = [ranges[0].0, ranges[1].0, ranges[2].0];
    let back_end = |other: usize| {
        let (low, high) = ranges[other];
        let mut at_high = mins;
        at_high[other] = high;
        if depth(mins) >= depth(at_high) {
            low
        } else {
            high
        }
    };
    let (first, second) = ((axis + 1) % 3, (axis + 2) % 3);
    let edge = |first_value: f64, second_value: f64| {
        let mut start = mins;
        start[first] = first_value;
        start[second] = second_value;
        let mut end = start;
        start[axis] = ranges[axis].0;
        end[axis] = ranges[axis].1;
        [start, end]
    };
    let (first_back, second_back) = (back_end(first), back_end(second));
    [
        edge(first_back, ranges[second].0),
        edge(first_back, ranges[second].1),
        edge(ranges[first].0, second_back),
        edge(ranges[first].1, second_back),
    ]
    .into_iter()
    .min_by_key(|&[start, end]| (depth(start) + depth(end), screen_y(start) + screen_y(end)))
    .unwrap_or_else(|| edge(first_back, second_back))
}

/// A run as a coloured line with a white halo (readable on any part of the colour ramp), a ring where it
/// started and a dot where it ended. Steps outside the box or with an undefined loss break the line.
fn draw_trajectory<DB: DrawingBackend>(
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
    let halo = WHITE.stroke_width(5);
    let line = color.stroke_width(3);
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
                Circle::new(at, 6, WHITE.filled()),
                Circle::new(at, 4, color.filled()),
            ]
        }))
        .map_err(plot_error)?;
    Ok(())
}

/// The dropped point: a ring on the floor of the box under it and, where L is defined, a stem up to a ball at
/// its height, so its (x, y) and its L both read off the picture.
fn draw_dropped_point<DB: DrawingBackend>(
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
