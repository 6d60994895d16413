//! Figures drawn with `plotters`, generic over the drawing backend: the browser hands in a canvas, the command
//! line an SVG or bitmap, and both get the very same picture. Natively, call [`register_system_font`] before
//! drawing: plotters measures (and on bitmaps draws) text with a font it is given.

mod eigen_histogram;
mod figure;
#[cfg(not(target_arch = "wasm32"))]
mod figure_file;
#[cfg(not(target_arch = "wasm32"))]
mod fonts;
#[cfg(not(target_arch = "wasm32"))]
mod heatmap_image;
mod legend;
mod loss_chart;
mod map;
mod map_overlay;
mod min_ratio;
pub mod palette;
mod surface3d;

pub use eigen_histogram::{draw_eigen_histogram, eigenvalue_bins, Bin, HISTOGRAM_BINS};
pub use figure::{draw_figure, FigureScene, DEFAULT_FIGURE_STEPS};
#[cfg(not(target_arch = "wasm32"))]
pub use figure_file::{write_figure, FigureFormat};
#[cfg(not(target_arch = "wasm32"))]
pub use fonts::{register_system_font, FONT_VARIABLE};
#[cfg(not(target_arch = "wasm32"))]
pub use heatmap_image::blit_heatmap;
pub use legend::{figure_legend, LegendEntry, LegendSymbol};
pub use loss_chart::draw_loss_chart;
pub use map::MAX_GRID_SIDE as MAX_MAP_GRID_SIDE;
pub use map::{
    draw_map_base, draw_map_frame, draw_marker, readable_number, HeatmapPainter, MapBase, MapFrame,
    MARKER_RADIUS,
};
pub use map_overlay::{
    draw_arrow, draw_map_marks, draw_map_model, draw_map_overlay, draw_point, draw_point_marks,
    draw_trajectory_casing, draw_trajectory_line, map_model_contours, MapOverlay, TaylorDashes,
    TRAJECTORY_CASING_OPACITY,
};
pub use min_ratio::{dot_opacity, draw_min_ratio_chart, CRITICAL_GRADIENT_NORM};
pub use surface3d::{draw_surface3d, Orientation, SurfaceView, Trajectory, MESH_CELLS};

use plotters::drawing::DrawingAreaErrorKind;
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

/// A short tick label: `0.5`, `12`, `1.2e4`; plotters' default prints every float digit.
fn tick_label(value: f64) -> String {
    let magnitude = value.abs();
    if magnitude != 0.0 && !(1e-2..1e4).contains(&magnitude) {
        return format!("{value:.1e}");
    }
    let text = format!("{value:.2}");
    let trimmed = text.trim_end_matches('0').trim_end_matches('.');
    match trimmed {
        "-0" => "0".to_string(),
        _ => trimmed.to_string(),
    }
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
    fn tick_labels_are_short() {
        assert_eq!(tick_label(0.5), "0.5");
        assert_eq!(tick_label(-2.0), "-2");
        assert_eq!(tick_label(12.25), "12.25");
        assert_eq!(tick_label(0.0), "0");
        assert_eq!(tick_label(-0.001), "-1.0e-3");
        assert_eq!(tick_label(36000.0), "3.6e4");
    }

    #[test]
    fn gaps_split_a_polyline() {
        let runs = unbroken_runs([None, Some(1), Some(2), None, None, Some(3)].into_iter());
        assert_eq!(runs, vec![vec![1, 2], vec![3]]);
        assert!(unbroken_runs(std::iter::empty::<Option<i32>>()).is_empty());
    }
}
