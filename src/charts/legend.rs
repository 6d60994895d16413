//! A figure's legend: the surface's name, the critical-point symbols, θ′ and its arrows, and each race with
//! how it ended. (The page shows the same entries as HTML under its canvas.)

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::figure::FigureScene;
use super::map::{draw_marker, MapFrame, MARKER_RADIUS};
use super::map_overlay::{draw_arrow_between, draw_point};
use super::palette::{critical_marker, eigen_colour, optimizer_colour, Marker, INK, MARKED_KINDS};
use super::{plot_error, FONT};
use crate::bounds::Bounds;
use crate::i18n::strings;
use crate::i18n::Language;
use crate::optim::{Basins, RunStatus, DIVERGED, STILL_MOVING};
use crate::render::MapMode;
use crate::render::{
    attractor_rgb, CurvatureClass, MapTransform, PlotArea, DIVERGED_RGB, STILL_MOVING_RGB,
};

/// The legend's sizes, in CSS pixels like the map's.
const FONT_SIZE: f64 = 14.0;
const CAPTION_SIZE: f64 = 15.0;
const ROW_HEIGHT: f64 = 24.0;
const SYMBOL_WIDTH: f64 = 30.0;
const ENTRY_GAP: f64 = 20.0;
const PADDING: f64 = 12.0;

/// What stands before an entry's words.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum LegendSymbol {
    /// A kind of critical point: its marker in its colour.
    CriticalPoint(Marker, RGBColor),
    /// A colour of the curvature map or the basin map.
    Swatch(RGBColor),
    /// A run's path, in its optimizer's colour.
    Trajectory(RGBColor),
    /// θ′, drawn as on the map.
    DroppedPoint,
    /// One of θ′'s arrows: the gradient in ink, an eigenvector in its eigenvalue's sign colour.
    Arrow(RGBColor),
}

/// One line of a figure's legend.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendEntry {
    /// What is drawn before the words.
    pub symbol: LegendSymbol,
    /// The words, in English (figures are rendered for the lecture's slides).
    pub label: String,
}

/// The entries for a figure: all four marked kinds (as on the page), θ′ and its arrows when a point is
/// dropped, the map's colours when they are curvature classes or basins, then every race with its outcome.
pub fn figure_legend(figure: &FigureScene) -> Vec<LegendEntry> {
    let words = strings(Language::English);
    let mut entries: Vec<LegendEntry> = MARKED_KINDS
        .iter()
        .filter_map(|&kind| {
            let (marker, colour) = critical_marker(kind)?;
            Some(LegendEntry {
                symbol: LegendSymbol::CriticalPoint(marker, colour),
                label: (words.marked_kind)(kind)?.to_string(),
            })
        })
        .collect();
    if let Some(point) = &figure.point {
        entries.push(LegendEntry {
            symbol: LegendSymbol::DroppedPoint,
            label: "θ′ (dropped point)".into(),
        });
        if point.derivatives.is_finite() {
            if !point.kind.is_critical() {
                entries.push(LegendEntry {
                    symbol: LegendSymbol::Arrow(INK),
                    label: "∇L (uphill)".into(),
                });
            }
            for (sign, lambda) in [("λ < 0: escape", -1.0), ("λ > 0", 1.0)] {
                if point
                    .eigen
                    .values
                    .iter()
                    .any(|v| (*v < 0.0) == (lambda < 0.0))
                {
                    entries.push(LegendEntry {
                        symbol: LegendSymbol::Arrow(eigen_colour(lambda)),
                        label: format!("eigenvector, {sign}"),
                    });
                }
            }
        }
    }
    if figure.map == MapMode::Curvature {
        entries.extend(CurvatureClass::ALL.iter().map(|&class| {
            let [r, g, b] = class.rgb();
            LegendEntry {
                symbol: LegendSymbol::Swatch(RGBColor(r, g, b)),
                label: words.curvature(class).to_string(),
            }
        }));
    }
    if let (MapMode::Basins, Some(basins)) = (figure.map, &figure.basins) {
        entries.extend(basin_entries(basins));
    }
    entries.extend(figure.runs.iter().map(|run| {
        // A run the link stopped mid-race has not finished: it is still moving when the figure is drawn.
        let status = match run.status() {
            RunStatus::Running => "still moving",
            finished => words.run_status(finished),
        };
        LegendEntry {
            symbol: LegendSymbol::Trajectory(optimizer_colour(run.kind())),
            label: format!("{} ({status}, {} steps)", run.kind().label(), run.steps()),
        }
    }));
    entries
}

/// One swatch per attractor ("basin of the local minimum (3, 2)"), then the greys of the runs that diverged
/// or were still moving, when the map has any.
fn basin_entries(basins: &Basins) -> Vec<LegendEntry> {
    let english = strings(Language::English);
    let words = &english.chart;
    let swatch = |[r, g, b]: [u8; 3], label: String| LegendEntry {
        symbol: LegendSymbol::Swatch(RGBColor(r, g, b)),
        label,
    };
    let bounds = basins.config().bounds;
    let mut entries: Vec<LegendEntry> = basins
        .attractors()
        .iter()
        .enumerate()
        .map(|(index, attractor)| {
            swatch(
                attractor_rgb(index),
                english.basin_label(attractor, &bounds),
            )
        })
        .collect();
    for (label, rgb, words) in [
        (DIVERGED, DIVERGED_RGB, words.basin_diverged),
        (STILL_MOVING, STILL_MOVING_RGB, words.basin_still_moving),
    ] {
        if basins.labels().contains(&label) {
            entries.push(swatch(rgb, words.to_string()));
        }
    }
    entries
}

/// Backend pixels the legend needs at this width: the caption row and the entries wrapped into rows.
pub fn legend_height<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    entries: &[LegendEntry],
    scale: f64,
) -> Result<f64, String> {
    let rows = layout(root, entries, scale)?
        .last()
        .map_or(0, |placed| placed.row + 1);
    Ok(scale * (2.0 * PADDING + ROW_HEIGHT * (rows + 1) as f64))
}

/// Draws the caption and entries from the top left of `area`.
pub fn draw_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    entries: &[LegendEntry],
    caption: &str,
    scale: f64,
) -> Result<(), String> {
    let px = |css: f64| css * scale;
    let style = text_style(scale, FONT_SIZE);
    let caption_style = text_style(scale, CAPTION_SIZE);
    let centre_of_row = |row: usize| px(PADDING + ROW_HEIGHT * (row as f64 + 0.5));
    area.draw(&Text::new(
        caption.to_string(),
        (px(PADDING) as i32, centre_of_row(0) as i32),
        caption_style.pos(Pos::new(HPos::Left, VPos::Center)),
    ))
    .map_err(plot_error)?;
    // Symbols are drawn by the map's own functions, through a frame whose data coordinates are the legend's
    // pixels (y up): the same sizes and strokes as on the map.
    let (width, height) = area.dim_in_pixel();
    let (width, height) = (f64::from(width.max(1)), f64::from(height.max(1)));
    let frame = MapFrame {
        transform: MapTransform {
            bounds: Bounds::new(0.0, width, 0.0, height)?,
            area: PlotArea {
                left: 0.0,
                top: 0.0,
                width,
                height,
            },
        },
        scale,
    };
    for placed in layout(area, entries, scale)? {
        let y = centre_of_row(placed.row + 1);
        let symbol_left = placed.left;
        let centre = ((symbol_left + px(SYMBOL_WIDTH / 2.0)) as i32, y as i32);
        match placed.entry.symbol {
            LegendSymbol::CriticalPoint(marker, colour) => {
                draw_marker(area, marker, colour, centre, px(MARKER_RADIUS))?
            }
            LegendSymbol::Trajectory(colour) => {
                let line = vec![
                    (symbol_left as i32, y as i32),
                    ((symbol_left + px(SYMBOL_WIDTH - 6.0)) as i32, y as i32),
                ];
                area.draw(&PathElement::new(
                    line.clone(),
                    INK.mix(0.55).stroke_width(px(4.0) as u32),
                ))
                .and_then(|_| {
                    area.draw(&PathElement::new(line, colour.stroke_width(px(2.0) as u32)))
                })
                .map_err(plot_error)?
            }
            LegendSymbol::Swatch(colour) => {
                let side = px(MARKER_RADIUS);
                let corners = [
                    ((symbol_left + px(2.0)) as i32, (y - side) as i32),
                    (
                        (symbol_left + px(2.0) + 2.0 * side) as i32,
                        (y + side) as i32,
                    ),
                ];
                area.draw(&Rectangle::new(corners, colour.filled()))
                    .and_then(|_| area.draw(&Rectangle::new(corners, INK.stroke_width(1))))
                    .map_err(plot_error)?
            }
            LegendSymbol::DroppedPoint => draw_point(
                area,
                &frame,
                [f64::from(centre.0), height - f64::from(centre.1)],
            )?,
            LegendSymbol::Arrow(colour) => draw_arrow_between(
                area,
                &frame,
                [symbol_left, y],
                [1.0, 0.0],
                px(SYMBOL_WIDTH - 6.0),
                colour,
            )?,
        }
        area.draw(&Text::new(
            placed.entry.label.clone(),
            ((symbol_left + px(SYMBOL_WIDTH)) as i32, y as i32),
            style.clone().pos(Pos::new(HPos::Left, VPos::Center)),
        ))
        .map_err(plot_error)?;
    }
    Ok(())
}

fn text_style(scale: f64, css_size: f64) -> TextStyle<'static> {
    (FONT, css_size * scale).into_font().color(&INK)
}

struct Placed<'a> {
    entry: &'a LegendEntry,
    /// Row below the caption, from 0.
    row: usize,
    /// Backend pixels from the legend's left edge to the entry's symbol.
    left: f64,
}

/// Flows the entries left to right, wrapping to a new row when one would cross the right padding.
fn layout<'a, DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    entries: &'a [LegendEntry],
    scale: f64,
) -> Result<Vec<Placed<'a>>, String> {
    let px = |css: f64| css * scale;
    let style = text_style(scale, FONT_SIZE);
    let right = f64::from(area.dim_in_pixel().0) - px(PADDING);
    let (mut row, mut left) = (0, px(PADDING));
    let mut placed = Vec::with_capacity(entries.len());
    for entry in entries {
        let (text_width, _) = area
            .estimate_text_size(&entry.label, &style)
            .map_err(plot_error)?;
        let width = px(SYMBOL_WIDTH) + f64::from(text_width);
        if left > px(PADDING) && left + width > right {
            row += 1;
            left = px(PADDING);
        }
        placed.push(Placed { entry, row, left });
        left += width + px(ENTRY_GAP);
    }
    Ok(placed)
}
