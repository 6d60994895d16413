//! Where the turned box goes on the canvas: a scale and shift that keep the box, its axis names and its tick
//! labels on the canvas from every side.

use std::f64::consts::TAU;

use plotters::coord::cartesian::Cartesian3d;
use plotters::coord::types::RangedCoordf64;
use plotters::coord::CoordTranslate;
use plotters::prelude::*;

use super::heights::HeightField;
use super::{Chart3d, SurfaceView};
use crate::bounds::Bounds;
use crate::render::Orientation;

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

/// Where the projected box goes on the canvas: plotters' scale, and how far the box's centre moves from the
/// canvas's.
#[derive(Debug, Clone, Copy)]
pub(super) struct Placement {
    scale: f64,
    shift: (i32, i32),
}

impl Placement {
    const UNFITTED: Placement = Placement {
        scale: 1.0,
        shift: (0, 0),
    };
}

impl SurfaceView {
    /// The scale and shift that keep the box, its axis names and its tick labels on the canvas, the box's
    /// middle in its middle: turned and tilted, the box reaches further on one side than on the other, and a
    /// fixed scale let labels fall off an edge. The scale is the smallest over a whole turn at this tilt, so
    /// the box keeps its size while dragged around.
    pub(super) fn fitting_placement<DB: DrawingBackend>(
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
}

/// The box's pixel size on a `width` × `height` canvas before scaling (plotters' own default).
pub(super) fn box_side((width, height): (u32, u32)) -> i32 {
    (width.min(height) as i32 * 4 / 5).max(1)
}

/// Projects `chart` (its box [`box_side`] pixels on `canvas`) seen from `orientation`, scaled about the
/// box's centre, which `placement`'s shift moves from the canvas's.
pub(super) fn project<DB: DrawingBackend>(
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

/// Each axis' name and where it goes (in plotters' axis order): x and y past the middle of their tick edge,
/// away from the box and further out than the tick labels; L above the top of its edge.
pub(super) fn axis_names(
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
