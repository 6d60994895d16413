//! Writing a figure to an SVG or PNG file, chosen by the file's extension.

use std::path::Path;

use plotters::coord::Shift;
use plotters::prelude::*;

use super::figure::{draw_figure, FigureScene};
use super::fonts::register_system_font;
use super::heatmap_image::blit_heatmap;
use super::plot_error;

/// The file formats a figure is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FigureFormat {
    /// Text stays text; the heatmap is embedded as one PNG image.
    Svg,
    /// A bitmap, text set in the registered system font.
    Png,
}

impl FigureFormat {
    /// The format a path's extension (any case) names; `None` for any other.
    pub fn of_path(path: &Path) -> Option<FigureFormat> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "svg" => Some(FigureFormat::Svg),
            "png" => Some(FigureFormat::Png),
            _ => None,
        }
    }
}

/// Draws `figure` at `width` × `height` pixels into `path`, as SVG or PNG by its extension.
pub fn write_figure(
    figure: &FigureScene,
    path: &Path,
    (width, height): (u32, u32),
) -> Result<(), String> {
    let format = FigureFormat::of_path(path).ok_or_else(|| {
        format!(
            "cannot tell the format of {}: name the file .svg or .png",
            path.display()
        )
    })?;
    register_system_font()?;
    match format {
        FigureFormat::Svg => {
            let mut svg = String::new();
            draw_and_present(SVGBackend::with_string(&mut svg, (width, height)), figure)?;
            // plotters-svg 0.3 labels its embedded PNG `data:png`, which is not a media type: browsers want
            // `data:image/png`.
            let svg = svg.replace("href=\"data:png;base64,", "href=\"data:image/png;base64,");
            std::fs::write(path, svg).map_err(|error| error.to_string())
        }
        FigureFormat::Png => draw_and_present(BitMapBackend::new(path, (width, height)), figure),
    }
    .map_err(|error| format!("{}: {error}", path.display()))
}

fn draw_and_present<DB: DrawingBackend>(backend: DB, figure: &FigureScene) -> Result<(), String> {
    let root: DrawingArea<DB, Shift> = backend.into_drawing_area();
    draw_figure(&root, figure, &mut |rgba, size, area| {
        blit_heatmap(&root, rgba, size, area)
    })?;
    root.present().map_err(plot_error)
}
