//! Figures drawn with `plotters`, generic over the drawing backend: the browser hands in a canvas, the command
//! line an SVG or bitmap, and both get the very same picture. Natively, call `register_system_font` before
//! drawing: plotters measures (and on bitmaps draws) text with a font it is given.

mod experiment_chart;
mod figure;
#[cfg(not(target_arch = "wasm32"))]
mod figure_file;
#[cfg(not(target_arch = "wasm32"))]
mod fonts;
mod gradient_cloud;
#[cfg(not(target_arch = "wasm32"))]
mod heatmap_image;
mod lab_data_chart;
mod legend;
mod loss_chart;
mod map;
mod map_overlay;
mod momentum_arrows;
pub mod palette;
mod plane_slice;
mod slice_chart;
mod spectrum_chart;
mod surface3d;
mod training_chart;

pub use experiment_chart::{draw_ratio_scatter, draw_sweep_chart, RatioPoint, SweepPoint};
pub use figure::{draw_figure, FigureScene};
#[cfg(not(target_arch = "wasm32"))]
pub use figure_file::{write_figure, FigureFormat};
#[cfg(not(target_arch = "wasm32"))]
pub use fonts::{register_system_font, FONT_VARIABLE};
pub use gradient_cloud::{cloud_arrows, draw_gradient_cloud, GradientCloud, CLOUD_RADIUS};
#[cfg(not(target_arch = "wasm32"))]
pub use heatmap_image::blit_heatmap;
pub use lab_data_chart::{decision_rgba, draw_decision_map, draw_regression_fit, LabData};
pub use legend::{figure_legend, LegendEntry, LegendSymbol};
pub use loss_chart::draw_loss_chart;
pub use map::{
    draw_attractor_marks, draw_map_base, draw_map_frame, draw_marker, HeatmapPainter, MapBase,
    MapFrame, MARKER_RADIUS,
};
pub use map_overlay::{
    draw_arrow, draw_map_marks, draw_map_model, draw_map_overlay, draw_point, draw_point_arrows,
    draw_point_marks, draw_trajectory_casing, draw_trajectory_line, map_model_contours, MapOverlay,
    TaylorDashes, TRAJECTORY_CASING_OPACITY, TRAJECTORY_CASING_WIDTH,
};
pub use momentum_arrows::{
    draw_momentum_update, momentum_arrows, MomentumArrows, CARRIED_LABEL, GRADIENT_STEP_LABEL,
    MOMENTUM_ARROW_MIN, VELOCITY_LABEL,
};
pub use plane_slice::{draw_plane_slice, PlaneValues};
pub use slice_chart::{
    draw_slice_chart, draw_slice_line, draw_titled_slice, model_colour, slice_title,
};
pub use spectrum_chart::{draw_spectrum_chart, SignedLog};
pub use surface3d::{draw_surface3d, SurfaceView, Trajectory, MESH_CELLS};
pub use training_chart::{draw_training_chart, CurveLine, StepMark};

use plotters::coord::Shift;
use plotters::drawing::DrawingAreaErrorKind;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::RGBColor;

/// The family every label is set in: browsers pick their interface face (the one the page's own text is set
/// in, so the canvases need no other font looked up), SVG viewers their sans-serif, a figure rendered here
/// the font registered under this name.
const FONT: &str = "system-ui, sans-serif";

fn rgb((r, g, b): (u8, u8, u8)) -> RGBColor {
    RGBColor(r, g, b)
}

/// The one place a backend's error becomes the `String` the rest of Saddle reports.
fn plot_error<E: std::error::Error + Send + Sync>(error: DrawingAreaErrorKind<E>) -> String {
    format!("drawing failed: {error}")
}

/// Title sizes tried, largest first, before a title is split in two lines (and then again).
const TITLE_SIZES: [f64; 5] = [16.0, 15.0, 14.0, 13.0, 12.0];

/// Draws `title` centred at the top of `area`, `margin` in from its edges: at the largest of [`TITLE_SIZES`]
/// at which it fits on one line, else split in two at the separator that balances the lines best. Returns the
/// pixel row below it. (plotters' caption is one line at one size, and a long one ran off both sides of a
/// narrow chart.)
fn draw_fitted_title<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    title: &str,
    margin: i32,
) -> Result<i32, String> {
    let room = f64::from(area.dim_in_pixel().0) - 2.0 * f64::from(margin);
    let width = |text: &str, size: f64| {
        area.estimate_text_size(text, &TextStyle::from((FONT, size).into_font()))
            .map(|(w, _)| f64::from(w))
            .map_err(plot_error)
    };
    let widest = |lines: &[&str], size: f64| {
        lines.iter().try_fold(0.0_f64, |widest, line| {
            Ok::<_, String>(widest.max(width(line, size)?))
        })
    };
    let smallest = TITLE_SIZES[TITLE_SIZES.len() - 1];
    let lines = if widest(&[title], smallest)? <= room {
        vec![title]
    } else {
        split_in_two(title, |text| width(text, TITLE_SIZES[0]))?
    };
    let mut size = smallest;
    for candidate in TITLE_SIZES {
        if widest(&lines, candidate)? <= room {
            size = candidate;
            break;
        }
    }
    let style = (FONT, size)
        .into_font()
        .color(&BLACK)
        .pos(Pos::new(HPos::Center, VPos::Top));
    let line_height = (1.25 * size).ceil() as i32;
    let centre = area.dim_in_pixel().0 as i32 / 2;
    let mut top = margin;
    for line in &lines {
        area.draw_text(line, &style, (centre, top))
            .map_err(plot_error)?;
        top += line_height;
    }
    Ok(top)
}

/// `text` in two lines, split after the separator (by preference `;`, then `,`, then a space) that makes
/// the wider line narrowest; one line when it has none.
fn split_in_two(
    text: &str,
    width: impl Fn(&str) -> Result<f64, String>,
) -> Result<Vec<&str>, String> {
    let mut best: Option<(f64, [&str; 2])> = None;
    for separator in [';', '；', ',', '，', ' '] {
        for (at, _) in text.char_indices().filter(|&(_, c)| c == separator) {
            let cut = at + separator.len_utf8();
            let lines = [text[..cut].trim_end(), text[cut..].trim_start()];
            if lines.iter().any(|line| line.is_empty()) {
                continue;
            }
            let wider = width(lines[0])?.max(width(lines[1])?);
            if best.is_none_or(|(narrowest, _)| wider < narrowest) {
                best = Some((wider, lines));
            }
        }
        if best.is_some() {
            break;
        }
    }
    Ok(best.map_or_else(|| vec![text], |(_, lines)| lines.to_vec()))
}

/// Splits a polyline into the runs of consecutive usable points, so a gap (an undefined loss, a step outside
/// the box) breaks the line instead of joining its two sides with a straight segment that was never walked.
fn unbroken_runs<T>(points: impl Iterator<Item = Option<T>>) -> Vec<Vec<T>> {
    let mut runs = Vec::new();
    let mut current = Vec::new();
    for point in points {
        match point {
            Some(point) => current.push(point),
            None if !current.is_empty() => runs.push(std::mem::take(&mut current)),
            None => {}
        }
    }
    if !current.is_empty() {
        runs.push(current);
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gaps_split_a_polyline() {
        let runs = unbroken_runs([None, Some(1), Some(2), None, None, Some(3)].into_iter());
        assert_eq!(runs, vec![vec![1, 2], vec![3]]);
        assert!(unbroken_runs(std::iter::empty::<Option<i32>>()).is_empty());
    }
}
