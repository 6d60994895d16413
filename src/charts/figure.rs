//! A shared scene as one picture for a slide: the page's map with its overlay, and a legend under it.
//!
//! `saddle render` draws it on SVG or a bitmap with the very functions the page draws its canvas with.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::gradient_cloud::GradientCloud;
use super::legend::{draw_legend, figure_legend, legend_height};
use super::map::{
    draw_attractor_marks, draw_map_base, draw_map_frame, HeatmapPainter, MapBase, MapFrame,
};
use super::map_overlay::{draw_map_overlay, MapOverlay};
use super::palette::PAPER;
use super::plot_error;
use crate::analysis::{CriticalPoints, PointAnalysis};
use crate::bounds::Bounds;
use crate::i18n::{strings, Language};
use crate::optim::{Basins, Run};
use crate::render::MapMode;
use crate::render::{basins_rgba, curvature_grid, curvature_rgba};
use crate::surface::LossSurface;

/// The page's map at 1× is about this many CSS pixels; a figure scales its lines and text by its size over
/// this, so a large figure for a slide keeps the page's proportions instead of hairlines and tiny labels.
const REFERENCE_SIZE: (f64, f64) = (760.0, 620.0);

/// A scene made ready to draw (`scene::figure_scene` makes it from a link): the surface, its critical points,
/// θ′ analyzed and the races replayed.
pub struct FigureScene {
    /// L, a formula or a training set's loss.
    pub surface: Box<dyn LossSurface>,
    /// What the legend names the surface by: the preset's title or the typed formula.
    pub caption: String,
    /// The box the map shows.
    pub bounds: Bounds,
    /// The critical points of `bounds`, marked as on the page.
    pub critical: CriticalPoints,
    /// θ′ with its analysis, when the link drops one: its arrows and Taylor model are drawn.
    pub point: Option<PointAnalysis>,
    /// The race's runs, replayed as far as the link says.
    pub runs: Vec<Run>,
    /// Colours by L, by curvature class as the page's curvature map does, or by basin.
    pub map: MapMode,
    /// The mini-batch gradients at θ′ on a data-defined loss, as the page draws them.
    pub cloud: Option<GradientCloud>,
    /// The basin map of the race's first optimizer, with the race's steps, when `map` is
    /// [`MapMode::Basins`].
    pub basins: Option<Basins>,
}

/// Draws the figure over the whole of `root`: the map on top, the legend in a band below it.
pub fn draw_figure<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    figure: &FigureScene,
    paint_heatmap: HeatmapPainter,
) -> Result<(), String> {
    let (width, height) = root.dim_in_pixel();
    let (width, height) = (f64::from(width), f64::from(height));
    let scale = (width / REFERENCE_SIZE.0)
        .min(height / REFERENCE_SIZE.1)
        .max(0.25);
    root.fill(&PAPER).map_err(plot_error)?;
    let entries = figure_legend(figure);
    let legend = legend_height(root, &entries, scale)?;
    let map_height = (height - legend).max(1.0);
    let (upper, lower) = root.split_vertically(map_height.round() as u32);
    let frame = MapFrame::new(figure.bounds, width, map_height, scale);
    let base = MapBase::sample(figure.surface.as_ref(), &frame);
    let words = &strings(Language::English).chart;
    // Cells in place of L's colours: the curvature map's (sized as the page sizes them, each its own exact
    // Hessian) or the basin map's.
    let cells = match (figure.map, &figure.basins) {
        (MapMode::Curvature, _) => {
            let (columns, rows) = curvature_grid((base.grid.width, base.grid.height));
            let rgba = curvature_rgba(figure.surface.as_ref(), figure.bounds, columns, rows);
            Some((rgba, (columns, rows)))
        }
        (MapMode::Basins, Some(basins)) => {
            let side = basins.config().grid;
            Some((basins_rgba(basins.labels(), side), (side, side)))
        }
        _ => None,
    };
    draw_map_base(
        &upper,
        &frame,
        &base,
        &figure.critical.points,
        &mut |rgba, size, area| match &cells {
            Some((cells, size)) => paint_heatmap(cells, *size, area),
            None => paint_heatmap(rgba, size, area),
        },
        words,
        cells.is_none(),
    )?;
    if let Some(basins) = &figure.basins {
        draw_attractor_marks(&upper, &frame, basins.attractors())?;
    }
    let overlay = MapOverlay {
        point: figure.point.as_ref(),
        runs: &figure.runs,
        escaping_at: None,
        levels: &base.levels,
        taylor: true,
        cloud: figure.cloud.as_ref(),
    };
    draw_map_overlay(&upper, &frame, &overlay)?;
    // The page clips the overlay to the plot area; here the margins are painted over and framed again.
    cover_margins(&upper, &frame, (width, map_height))?;
    draw_map_frame(
        &upper,
        &frame,
        cells.is_none().then_some(&base.colours),
        words,
    )?;
    draw_legend(&lower, &entries, &figure.caption, scale)
}

/// Paper over everything outside the plot area, where a trajectory or arrow may have strayed.
fn cover_margins<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    frame: &MapFrame,
    (width, height): (f64, f64),
) -> Result<(), String> {
    let plot = frame.transform.area;
    let (left, top) = (plot.left as i32, plot.top as i32);
    let (right, bottom) = (
        (plot.left + plot.width) as i32,
        (plot.top + plot.height) as i32,
    );
    let (width, height) = (width.ceil() as i32, height.ceil() as i32);
    [
        [(0, 0), (width, top)],
        [(0, bottom), (width, height)],
        [(0, top), (left, bottom)],
        [(right, top), (width, bottom)],
    ]
    .into_iter()
    .try_for_each(|corners| area.draw(&Rectangle::new(corners, PAPER.filled())))
    .map_err(plot_error)
}
