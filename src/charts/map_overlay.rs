//! What is drawn over the map's base: the Taylor model, θ′'s gradient and eigenvector arrows, the optimizers'
//! trajectories, and θ′ itself. The page redraws it every time it changes; a figure draws it once.
//!
//! The arrows lie under the paths: every run starts at θ′, and arrows drawn over them hid where each began.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::gradient_cloud::{draw_gradient_cloud, GradientCloud};
use super::map::MapFrame;
use super::palette::{eigen_colour, optimizer_colour, text_on, INK, PAPER};
use super::{plot_error, FONT};
use crate::analysis::PointAnalysis;
use crate::bounds::Bounds;
use crate::optim::Run;
use crate::render::{contour_lines, taylor_grid};
use crate::surface::Point;

/// Arrow lengths in CSS pixels: directions are what the lecture shows, magnitudes are in the inspector.
pub const GRADIENT_ARROW: f64 = 56.0;
pub const EIGEN_ARROW: f64 = 60.0;
/// The Taylor model is drawn over this fraction of the view around θ′, where it is meant to be trusted.
const TAYLOR_EXTENT: f64 = 0.6;
const TAYLOR_GRID: usize = 40;

/// Everything the overlay shows.
pub struct MapOverlay<'a> {
    /// θ′ with its analysis, if one is dropped: its arrows, its Taylor model and its mark.
    pub point: Option<&'a PointAnalysis>,
    /// The race's runs, each drawn as its path and a head where it is now.
    pub runs: &'a [Run],
    /// Where an escape animation has carried θ′: drawn as a bare point, without the analysis of where it left.
    pub escaping_at: Option<Point>,
    /// The base layer's contour levels, for the Taylor model's contours.
    pub levels: &'a [f64],
    /// Draw the second-order Taylor model around θ′ (a lesson step may hide it to keep the map plain).
    pub taylor: bool,
    /// The mini-batch gradients at θ′ (a data-defined loss), under everything else.
    pub cloud: Option<&'a GradientCloud>,
}

/// Draws the overlay; the caller clips it to the plot area (or covers the margins afterwards).
pub fn draw_map_overlay<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    frame: &MapFrame,
    overlay: &MapOverlay,
) -> Result<(), String> {
    draw_map_model(root, frame, overlay)?;
    draw_map_marks(root, frame, overlay)
}

/// The overlay's lower layer, which stays put while a race runs: the gradient cloud, the Taylor model and
/// the arrows at θ′. The page keeps it drawn over a copy of the base until θ′ moves, and strokes the same
/// [`map_model_contours`] with the canvas's own dashes (plotters strokes every dash on its own).
pub fn draw_map_model<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    frame: &MapFrame,
    overlay: &MapOverlay,
) -> Result<(), String> {
    if let Some(cloud) = overlay.cloud.filter(|_| overlay.escaping_at.is_none()) {
        draw_gradient_cloud(root, frame, cloud)?;
    }
    let dashes = TaylorDashes::at(frame);
    for line in map_model_contours(frame, overlay) {
        root.draw(&plotters::element::DashedPathElement::new(
            line,
            dashes.dash,
            dashes.gap,
            PAPER.stroke_width(dashes.width),
        ))
        .map_err(plot_error)?;
    }
    draw_point_arrows(root, frame, overlay)
}

/// θ′'s eigenvectors, coloured by the sign of their eigenvalue, and at a point that is not critical its
/// gradient (uphill, in ink); nothing while an escape carries θ′ away.
pub fn draw_point_arrows<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    frame: &MapFrame,
    overlay: &MapOverlay,
) -> Result<(), String> {
    let point = overlay.point.filter(|p| p.derivatives.is_finite());
    let (Some(point), None) = (point, overlay.escaping_at) else {
        return Ok(());
    };
    for (lambda, vector) in point.eigen.values.iter().zip(&point.eigen.vectors) {
        draw_arrow(
            root,
            frame,
            point.at,
            *vector,
            EIGEN_ARROW,
            eigen_colour(*lambda),
        )?;
    }
    if !point.kind.is_critical() {
        draw_arrow(
            root,
            frame,
            point.at,
            point.derivatives.gradient,
            GRADIENT_ARROW,
            INK,
        )?;
    }
    Ok(())
}

/// The Taylor model's dashes in backend pixels: whole curves carry one dash pattern, so the model reads as
/// "the model" beside the solid contours of L.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TaylorDashes {
    /// Length of a dash.
    pub dash: u32,
    /// Length of the gap after it.
    pub gap: u32,
    /// Stroke width, at least 1.
    pub width: u32,
}

impl TaylorDashes {
    /// The dashes at `frame`'s scale: 5 CSS pixels on, 4 off, 1.5 wide.
    pub fn at(frame: &MapFrame) -> TaylorDashes {
        TaylorDashes {
            dash: frame.px(5.0) as u32,
            gap: frame.px(4.0) as u32,
            width: frame.px(1.5).max(1.0) as u32,
        }
    }
}

/// The contours, in backend pixels, of the second-order Taylor model around θ′ at the map's own levels, for
/// a side-by-side comparison; none when the overlay does not show the model.
pub fn map_model_contours(frame: &MapFrame, overlay: &MapOverlay) -> Vec<Vec<(i32, i32)>> {
    let point = overlay.point.filter(|p| p.derivatives.is_finite());
    match (point, overlay.escaping_at, overlay.taylor) {
        (Some(point), None, true) => taylor_contours(frame, point, overlay.levels),
        _ => Vec::new(),
    }
}

/// The overlay's upper layer, redrawn at every race step: the trajectories, then where each run is and θ′.
pub fn draw_map_marks<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    frame: &MapFrame,
    overlay: &MapOverlay,
) -> Result<(), String> {
    // In the page's order (see `web::trails`): every casing, then every line, then the heads.
    for run in overlay.runs {
        draw_trajectory_casing(root, frame, run.trajectory(), TRAJECTORY_CASING_OPACITY)?;
    }
    for run in overlay.runs {
        draw_trajectory_line(root, frame, run, run.trajectory())?;
    }
    draw_point_marks(root, frame, overlay)
}

/// The marks over the trajectories' paths: θ′ (where the runs start), then where each run is now, on top
/// so that a run at rest on θ′ or on a marked critical point still shows.
pub fn draw_point_marks<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    frame: &MapFrame,
    overlay: &MapOverlay,
) -> Result<(), String> {
    if let Some(at) = overlay.escaping_at.or(overlay.point.map(|p| p.at)) {
        draw_point(root, frame, at)?;
    }
    // Runs that have not moved yet all sit on θ′, which marks them (without θ′ they start at the
    // surface's own start, marked by their heads).
    let unmoved_shown = overlay.point.is_none() && overlay.escaping_at.is_none();
    for run in overlay
        .runs
        .iter()
        .filter(|run| run.steps() > 0 || unmoved_shown)
    {
        draw_trajectory_head(root, frame, run)?;
    }
    Ok(())
}

/// How opaque the dark casing under each path is: the heatmap shows through it.
pub const TRAJECTORY_CASING_OPACITY: f64 = 0.55;
/// A path's width, in CSS pixels: thick enough to follow from the back of a room.
pub const TRAJECTORY_WIDTH: f64 = 3.5;
/// The casing's width, in CSS pixels: 1.5 px of it shows on either side of the path.
pub const TRAJECTORY_CASING_WIDTH: f64 = 6.5;

/// The dark casing under a path through `points` (a whole trajectory or a piece of one), `opacity` opaque:
/// the page strokes it opaque on a layer it lays down translucent, so pieces drawn one after another leave
/// no darker joints.
pub fn draw_trajectory_casing<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    frame: &MapFrame,
    points: &[Point],
    opacity: f64,
) -> Result<(), String> {
    root.draw(&PathElement::new(
        frame.pixels(points),
        INK.mix(opacity)
            .stroke_width(frame.px(TRAJECTORY_CASING_WIDTH).round() as u32),
    ))
    .map_err(plot_error)
}

/// A path through `points` (a whole trajectory or a piece of one) in `run`'s optimizer's colour.
pub fn draw_trajectory_line<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    frame: &MapFrame,
    run: &Run,
    points: &[Point],
) -> Result<(), String> {
    root.draw(&PathElement::new(
        frame.pixels(points),
        optimizer_colour(run.kind()).stroke_width(frame.px(TRAJECTORY_WIDTH).round() as u32),
    ))
    .map_err(plot_error)
}

/// Where the run is now: a badge in its colour with its optimizer's letters (`OptimizerKind::badge`), so
/// runs stay apart where colours alone would not (colour-blind viewers, ten optimizers).
fn draw_trajectory_head<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    frame: &MapFrame,
    run: &Run,
) -> Result<(), String> {
    let (x, y) = frame.pixel(run.position());
    let letters = run.kind().badge();
    let colour = optimizer_colour(run.kind());
    let style = (FONT, frame.px(11.0))
        .into_font()
        .style(FontStyle::Bold)
        .color(&text_on(colour));
    let (text_width, _) = root
        .estimate_text_size(letters, &style)
        .map_err(plot_error)?;
    let half_height = frame.px(8.0).round() as i32;
    let half_width = (text_width as i32 / 2 + frame.px(4.0).round() as i32).max(half_height);
    let corners = [
        (x - half_width, y - half_height),
        (x + half_width, y + half_height),
    ];
    let halo = frame.px(1.5).round() as i32;
    let outer = [
        (corners[0].0 - halo, corners[0].1 - halo),
        (corners[1].0 + halo, corners[1].1 + halo),
    ];
    root.draw(&Rectangle::new(outer, PAPER.filled()))
        .and_then(|_| root.draw(&Rectangle::new(corners, colour.filled())))
        .and_then(|_| {
            root.draw(&Rectangle::new(
                corners,
                INK.stroke_width(frame.px(1.5).round() as u32),
            ))
        })
        .and_then(|_| {
            root.draw(&Text::new(
                letters,
                (x, y),
                style.pos(Pos::new(HPos::Center, VPos::Center)),
            ))
        })
        .map_err(plot_error)
}

/// θ′: a white disc ringed in ink with an ink centre.
pub fn draw_point<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    frame: &MapFrame,
    at: Point,
) -> Result<(), String> {
    let centre = frame.pixel(at);
    let radius = frame.px(7.0) as i32;
    root.draw(&Circle::new(centre, radius, PAPER.filled()))
        .and_then(|_| {
            root.draw(&Circle::new(
                centre,
                radius,
                INK.stroke_width(frame.px(2.0) as u32),
            ))
        })
        .and_then(|_| root.draw(&Circle::new(centre, frame.px(2.5) as i32, INK.filled())))
        .map_err(plot_error)
}

/// The second-order Taylor model's contours at `levels` over [`TAYLOR_EXTENT`] of the view around θ′.
fn taylor_contours(
    frame: &MapFrame,
    point: &PointAnalysis,
    levels: &[f64],
) -> Vec<Vec<(i32, i32)>> {
    let view = frame.transform.bounds;
    let half = [
        0.5 * TAYLOR_EXTENT * view.width(),
        0.5 * TAYLOR_EXTENT * view.height(),
    ];
    let Ok(local) = Bounds::new(
        point.at[0] - half[0],
        point.at[0] + half[0],
        point.at[1] - half[1],
        point.at[1] + half[1],
    ) else {
        return Vec::new();
    };
    let model = taylor_grid(
        &point.derivatives,
        point.at,
        local,
        TAYLOR_GRID,
        TAYLOR_GRID,
    );
    contour_lines(&model, levels)
        .iter()
        .map(|line| frame.pixels(line))
        .collect()
}

/// An arrow of fixed screen length (`css_length`) from `at` along the data-space `direction`, haloed in white.
pub fn draw_arrow<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    frame: &MapFrame,
    at: Point,
    direction: [f64; 2],
    css_length: f64,
    colour: RGBColor,
) -> Result<(), String> {
    let transform = frame.transform;
    let start = transform.to_pixel(at);
    // Map the direction through the transform, so arrows stay true when the axes have different scales.
    let epsilon = 1e-3 * transform.bounds.width().min(transform.bounds.height());
    let norm = direction[0].hypot(direction[1]);
    if !norm.is_finite() || norm <= 0.0 {
        return Ok(());
    }
    let ahead = transform.to_pixel([
        at[0] + epsilon * direction[0] / norm,
        at[1] + epsilon * direction[1] / norm,
    ]);
    let (dx, dy) = (ahead[0] - start[0], ahead[1] - start[1]);
    let pixels = dx.hypot(dy);
    if pixels.is_nan() || pixels <= 0.0 {
        return Ok(());
    }
    draw_arrow_between(
        root,
        frame,
        start,
        [dx / pixels, dy / pixels],
        frame.px(css_length),
        colour,
    )
}

/// The arrow itself: from `start` along the unit screen vector `unit` for `length` backend pixels. Its head
/// takes at most half the length, so a short arrow keeps a shaft.
pub fn draw_arrow_between<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    frame: &MapFrame,
    start: [f64; 2],
    unit: [f64; 2],
    length: f64,
    colour: RGBColor,
) -> Result<(), String> {
    let [ux, uy] = unit;
    let tip = [start[0] + ux * length, start[1] + uy * length];
    let head = frame.px(9.0).min(0.5 * length);
    let base = [tip[0] - ux * head, tip[1] - uy * head];
    let wing = [-uy * head * 0.5, ux * head * 0.5];
    let to_i = |p: [f64; 2]| (p[0].round() as i32, p[1].round() as i32);
    let shaft = vec![to_i(start), to_i(base)];
    let barb = vec![
        to_i(tip),
        to_i([base[0] + wing[0], base[1] + wing[1]]),
        to_i([base[0] - wing[0], base[1] - wing[1]]),
    ];
    // A halo that stands out from the arrow itself: paper around dark arrows, ink around light ones (momentum's
    // white), so every arrow reads on any colour of the map.
    let halo = text_on(colour);
    root.draw(&PathElement::new(
        shaft.clone(),
        halo.stroke_width(frame.px(5.0) as u32),
    ))
    .and_then(|_| {
        root.draw(&Polygon::new(
            barb.clone(),
            halo.stroke_width(frame.px(3.0) as u32),
        ))
    })
    .and_then(|_| {
        root.draw(&PathElement::new(
            shaft,
            colour.stroke_width(frame.px(2.5) as u32),
        ))
    })
    .and_then(|_| root.draw(&Polygon::new(barb, colour.filled())))
    .map_err(plot_error)
}
