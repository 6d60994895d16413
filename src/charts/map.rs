//! The map's base: heatmap, contours, critical points, axes and colour bar, drawn on any plotters backend.
//!
//! The page draws it on a canvas (and caches it), `saddle render` on SVG or a bitmap. Lengths are given in
//! CSS pixels and multiplied by the frame's `scale` (the page's devicePixelRatio, a figure's own factor), so
//! both keep the same proportions at any size.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::palette::{critical_marker, Marker, INK, PAPER};
use super::{plot_error, FONT};
use crate::analysis::{Attractor, CriticalPoint};
use crate::bounds::Bounds;
use crate::i18n::ChartWords;
use crate::render::{
    contour_levels, contour_lines, heatmap_rgba, nice_ticks, viridis, ColorScale, Grid,
    MapTransform, PlotArea, MAP_GRID_SIDE,
};
use crate::surface::{LossSurface, Point};

/// Margins around the plot area, in CSS pixels: room for tick labels, axis names and the colour bar.
const MARGIN_LEFT: f64 = 58.0;
const MARGIN_RIGHT: f64 = 86.0;
const MARGIN_TOP: f64 = 30.0;
const MARGIN_BOTTOM: f64 = 46.0;
const COLOUR_BAR_GAP: f64 = 14.0;
const COLOUR_BAR_WIDTH: f64 = 14.0;
const COLOUR_BAR_BANDS: usize = 64;
const CONTOUR_LEVELS: usize = 10;
/// How far above the plot the axis titles' baselines sit, in CSS pixels: past the upper half of a 14 px tick
/// label centred on the plot's top edge, which a title just above the corner ran into ("y (w₂)" over "2").
const TITLE_RISE: f64 = 10.0;
/// Critical-point symbols' radius in CSS pixels.
pub const MARKER_RADIUS: f64 = 7.0;
/// The ring around a basin's attractor, in CSS pixels: clear of the critical-point symbol inside it.
const ATTRACTOR_RING_RADIUS: f64 = 12.0;

/// Where the map goes on its backend and how big a CSS pixel is there.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MapFrame {
    /// Data ↔ backend pixels: the box and the plot area inside the margins.
    pub transform: MapTransform,
    /// Backend pixels per CSS pixel.
    pub scale: f64,
}

impl MapFrame {
    /// The map of `bounds` filling a `width` × `height` backend-pixel rectangle, margins included.
    pub fn new(bounds: Bounds, width: f64, height: f64, scale: f64) -> MapFrame {
        let area = PlotArea {
            left: MARGIN_LEFT * scale,
            top: MARGIN_TOP * scale,
            width: (width - (MARGIN_LEFT + MARGIN_RIGHT) * scale).max(1.0),
            height: (height - (MARGIN_TOP + MARGIN_BOTTOM) * scale).max(1.0),
        };
        MapFrame {
            transform: MapTransform { bounds, area },
            scale,
        }
    }

    /// CSS pixels to backend pixels.
    pub fn px(&self, css: f64) -> f64 {
        css * self.scale
    }

    /// Data coordinates to backend pixels, as plotters wants them.
    pub fn pixel(&self, at: Point) -> (i32, i32) {
        let [x, y] = self.transform.to_pixel(at);
        // Far-off points (a diverging run) must not overflow the backend's coordinate range.
        (
            x.clamp(-1e6, 1e6).round() as i32,
            y.clamp(-1e6, 1e6).round() as i32,
        )
    }

    /// A polyline in backend pixels, without the repeats where points round to the same pixel as the one
    /// before: a contour over a fine grid has several points per pixel at a figure's small scale.
    pub fn pixels(&self, line: &[Point]) -> Vec<(i32, i32)> {
        let mut pixels: Vec<(i32, i32)> = line.iter().map(|p| self.pixel(*p)).collect();
        pixels.dedup();
        pixels
    }

    /// The heatmap grid's columns and rows: about one cell per CSS pixel, capped.
    pub fn grid_size(&self) -> (usize, usize) {
        let area = self.transform.area;
        let side = |pixels: f64| (pixels / self.scale).clamp(8.0, MAP_GRID_SIDE as f64) as usize;
        (side(area.width), side(area.height))
    }

    /// The map's label font at `css_size`.
    pub fn font(&self, css_size: f64) -> TextStyle<'static> {
        (FONT, self.px(css_size)).into_font().color(&INK)
    }

    /// A stroke of `css_width`, never thinner than one backend pixel.
    fn stroke(&self, colour: impl Color, css_width: f64) -> ShapeStyle {
        colour.stroke_width(self.px(css_width).max(1.0) as u32)
    }
}

/// What the base layer shows: the sampled surface, its colour scale, its contour levels, and the pixels
/// and lines derived from them, computed once so a redraw of the same box only draws.
pub struct MapBase {
    /// L sampled over the box, about one cell per CSS pixel.
    pub grid: Grid,
    /// How `grid`'s values map onto viridis, which the colour bar shows.
    pub colours: ColorScale,
    /// Reused for the Taylor model's dashed contours, so both are read against the same levels.
    pub levels: Vec<f64>,
    /// The heatmap's RGBA bytes at grid resolution, row by row from the top.
    pub rgba: Vec<u8>,
    /// Every level's contour lines, in data coordinates.
    pub contours: Vec<Vec<Point>>,
}

impl MapBase {
    /// Samples `surface` over the frame's box at the frame's grid size.
    pub fn sample<S: LossSurface + ?Sized>(surface: &S, frame: &MapFrame) -> MapBase {
        let (columns, rows) = frame.grid_size();
        let grid = Grid::from_fn(frame.transform.bounds, columns, rows, |at| {
            surface.value(at)
        });
        MapBase::of_grid(grid)
    }

    /// The base for an already sampled grid (the page samples formulas with its fast tape).
    pub fn of_grid(grid: Grid) -> MapBase {
        let colours = ColorScale::for_grid(&grid);
        let levels = contour_levels(&colours, CONTOUR_LEVELS);
        let rgba = heatmap_rgba(&grid, &colours);
        let contours = contour_lines(&grid, &levels);
        MapBase {
            grid,
            colours,
            levels,
            rgba,
            contours,
        }
    }
}

/// Paints the heatmap's RGBA (grid columns × rows) stretched over the plot area; each backend has its own way.
pub type HeatmapPainter<'a> =
    &'a mut dyn FnMut(&[u8], (usize, usize), PlotArea) -> Result<(), String>;

/// Draws the whole base layer: paper, heatmap (through `paint_heatmap`), contours, critical points, then the
/// axes around them, titled in `words`, and the colour bar of L when the heatmap shows L (`colour_bar`; the
/// curvature and basin maps' colours are classes, explained by a legend instead).
pub fn draw_map_base<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    frame: &MapFrame,
    base: &MapBase,
    critical: &[CriticalPoint],
    paint_heatmap: HeatmapPainter,
    words: &ChartWords,
    colour_bar: bool,
) -> Result<(), String> {
    root.fill(&PAPER).map_err(plot_error)?;
    let grid = &base.grid;
    paint_heatmap(&base.rgba, (grid.width, grid.height), frame.transform.area)?;
    let contour_style = frame.stroke(RGBAColor(255, 255, 255, 0.55), 1.0);
    for line in &base.contours {
        let path = PathElement::new(frame.pixels(line), contour_style);
        root.draw(&path).map_err(plot_error)?;
    }
    for point in critical {
        if frame.transform.bounds.contains(point.at) {
            if let Some((marker, colour)) = critical_marker(point.kind) {
                draw_marker(
                    root,
                    marker,
                    colour,
                    frame.pixel(point.at),
                    frame.px(MARKER_RADIUS),
                )?;
            }
        }
    }
    draw_map_frame(root, frame, colour_bar.then_some(&base.colours), words)
}

/// The axes, ticks, axis names and (given the colour scale) the colour bar: everything outside the plot area.
pub fn draw_map_frame<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    frame: &MapFrame,
    colours: Option<&ColorScale>,
    words: &ChartWords,
) -> Result<(), String> {
    draw_axes(root, frame, words)?;
    match colours {
        Some(colours) => draw_colour_bar(root, frame, colours, words),
        None => Ok(()),
    }
}

fn draw_axes<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    frame: &MapFrame,
    words: &ChartWords,
) -> Result<(), String> {
    let area = frame.transform.area;
    let b = frame.transform.bounds;
    let (left, top) = (area.left as i32, area.top as i32);
    let (right, bottom) = (
        (area.left + area.width) as i32,
        (area.top + area.height) as i32,
    );
    let ink = frame.stroke(INK, 1.0);
    root.draw(&Rectangle::new([(left, top), (right, bottom)], ink))
        .map_err(plot_error)?;
    let tick = frame.px(5.0) as i32;
    let font = frame.font(14.0);
    // About one label per 80 CSS pixels across and 50 down (at most 6): a phone's map keeps its labels apart.
    let across = (area.width / frame.px(80.0)).clamp(2.0, 6.0) as usize;
    let down = (area.height / frame.px(50.0)).clamp(2.0, 6.0) as usize;
    for (value, label) in ticks(b.x_min, b.x_max, across) {
        let (x, _) = frame.pixel([value, b.y_min]);
        root.draw(&PathElement::new(
            vec![(x, bottom), (x, bottom + tick)],
            ink,
        ))
        .map_err(plot_error)?;
        let style = font.clone().pos(Pos::new(HPos::Center, VPos::Top));
        root.draw(&Text::new(label, (x, bottom + tick + 2), style))
            .map_err(plot_error)?;
    }
    for (value, label) in ticks(b.y_min, b.y_max, down) {
        let (_, y) = frame.pixel([b.x_min, value]);
        root.draw(&PathElement::new(vec![(left - tick, y), (left, y)], ink))
            .map_err(plot_error)?;
        let style = font.clone().pos(Pos::new(HPos::Right, VPos::Center));
        root.draw(&Text::new(label, (left - tick - 3, y), style))
            .map_err(plot_error)?;
    }
    let title = frame.font(14.0);
    root.draw(&Text::new(
        words.map_x,
        ((left + right) / 2, bottom + frame.px(24.0) as i32),
        title.clone().pos(Pos::new(HPos::Center, VPos::Top)),
    ))
    .map_err(plot_error)?;
    // Above the plot's top left corner, clear of a tick label centred on the top edge.
    root.draw(&Text::new(
        words.map_y,
        (frame.px(4.0) as i32, top - frame.px(TITLE_RISE) as i32),
        title.pos(Pos::new(HPos::Left, VPos::Bottom)),
    ))
    .map_err(plot_error)
}

fn draw_colour_bar<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    frame: &MapFrame,
    colours: &ColorScale,
    words: &ChartWords,
) -> Result<(), String> {
    let area = frame.transform.area;
    let left = (area.left + area.width + frame.px(COLOUR_BAR_GAP)) as i32;
    let right = left + frame.px(COLOUR_BAR_WIDTH) as i32;
    let (top, height) = (area.top, area.height);
    let bands = COLOUR_BAR_BANDS as f64;
    for band in 0..COLOUR_BAR_BANDS {
        let [r, g, b] = viridis((band as f64 + 0.5) / bands);
        let y0 = top + height * (1.0 - (band + 1) as f64 / bands);
        let y1 = top + height * (1.0 - band as f64 / bands);
        root.draw(&Rectangle::new(
            [(left, y0.floor() as i32), (right, y1.ceil() as i32)],
            RGBColor(r, g, b).filled(),
        ))
        .map_err(plot_error)?;
    }
    let ink = frame.stroke(INK, 1.0);
    root.draw(&Rectangle::new(
        [(left, top as i32), (right, (top + height) as i32)],
        ink,
    ))
    .map_err(plot_error)?;
    let font = frame.font(14.0).pos(Pos::new(HPos::Left, VPos::Center));
    for value in colours.ticks(5) {
        let y = (top + height * (1.0 - colours.position(value))) as i32;
        root.draw(&PathElement::new(
            vec![(right, y), (right + frame.px(4.0) as i32, y)],
            ink,
        ))
        .map_err(plot_error)?;
        root.draw(&Text::new(
            crate::numbers::readable(value),
            (right + frame.px(6.0) as i32, y),
            font.clone(),
        ))
        .map_err(plot_error)?;
    }
    root.draw(&Text::new(
        words.colour_bar,
        (left, top as i32 - frame.px(TITLE_RISE) as i32),
        frame.font(14.0).pos(Pos::new(HPos::Left, VPos::Bottom)),
    ))
    .map_err(plot_error)
}

/// Tick positions and labels from the core's tick rules.
fn ticks(min: f64, max: f64, count: usize) -> Vec<(f64, String)> {
    let values = nice_ticks(min, max, count);
    let step = match values.as_slice() {
        [first, second, ..] => second - first,
        _ => (max - min).abs(),
    };
    values
        .into_iter()
        .map(|v| (v, crate::numbers::tick(v, step)))
        .collect()
}

/// Rings each attractor of a basin map that lies in the box: where that basin's runs come to rest (for a
/// curve of critical points, its point nearest the box centre). Ink on a paper halo, to read on any basin's
/// colour; the critical-point symbol, if any, shows inside.
pub fn draw_attractor_marks<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    frame: &MapFrame,
    attractors: &[Attractor],
) -> Result<(), String> {
    let radius = frame.px(ATTRACTOR_RING_RADIUS).round() as i32;
    let halo = PAPER.stroke_width(frame.px(4.5).max(3.0) as u32);
    let ring = INK.stroke_width(frame.px(2.0).max(1.0) as u32);
    for attractor in attractors {
        if frame.transform.bounds.contains(attractor.at) {
            let at = frame.pixel(attractor.at);
            root.draw(&Circle::new(at, radius, halo))
                .and_then(|_| root.draw(&Circle::new(at, radius, ring)))
                .map_err(plot_error)?;
        }
    }
    Ok(())
}

/// A critical-point symbol with a white halo, so it reads on every colour of the heatmap.
pub fn draw_marker<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    marker: Marker,
    colour: RGBColor,
    at: (i32, i32),
    radius: f64,
) -> Result<(), String> {
    let r = radius.round() as i32;
    let (x, y) = at;
    let halo = PAPER.stroke_width((radius / 2.5).max(2.0) as u32 + 2);
    let stroke = colour.stroke_width((radius / 2.5).max(2.0) as u32);
    let outline = INK.stroke_width(1);
    let outlined_polygon = |corners: Vec<(i32, i32)>| {
        root.draw(&Polygon::new(corners.clone(), colour.filled()))
            .and_then(|_| {
                let mut closed = corners.clone();
                closed.extend(corners.first().copied());
                root.draw(&PathElement::new(closed, outline))
            })
    };
    match marker {
        Marker::Disc => root
            .draw(&Circle::new(at, r + 1, PAPER.filled()))
            .and_then(|_| root.draw(&Circle::new(at, r, colour.filled())))
            .and_then(|_| root.draw(&Circle::new(at, r, outline))),
        Marker::Triangle => {
            outlined_polygon(vec![(x, y - r - 1), (x - r, y + r - 1), (x + r, y + r - 1)])
        }
        Marker::Cross => {
            let arms = [
                [(x - r, y - r), (x + r, y + r)],
                [(x - r, y + r), (x + r, y - r)],
            ];
            arms.iter()
                .try_for_each(|arm| root.draw(&PathElement::new(arm.to_vec(), halo)))
                .and_then(|_| {
                    arms.iter()
                        .try_for_each(|arm| root.draw(&PathElement::new(arm.to_vec(), stroke)))
                })
        }
        Marker::Diamond => {
            outlined_polygon(vec![(x, y - r - 1), (x + r, y), (x, y + r + 1), (x - r, y)])
        }
    }
    .map_err(plot_error)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame() -> MapFrame {
        let bounds = Bounds::new(-2.0, 2.0, -1.0, 1.0).expect("a valid box");
        MapFrame::new(bounds, 800.0, 600.0, 2.0)
    }

    #[test]
    fn margins_scale_with_the_frame() {
        let area = frame().transform.area;
        assert_eq!(
            (area.left, area.top, area.width, area.height),
            (116.0, 60.0, 800.0 - 288.0, 600.0 - 152.0)
        );
    }

    #[test]
    fn the_grid_has_about_one_cell_per_css_pixel() {
        // 512 × 448 backend pixels at scale 2 are 256 × 224 CSS pixels.
        assert_eq!(frame().grid_size(), (256, 224));
        let big = MapFrame::new(frame().transform.bounds, 4000.0, 3000.0, 1.0);
        assert_eq!(big.grid_size(), (260, 260));
    }

    #[test]
    fn far_points_are_clamped_to_drawable_pixels() {
        assert_eq!(frame().pixel([1e300, -1e300]), (1_000_000, 1_000_000));
        assert_eq!(frame().pixel([-2.0, 1.0]), (116, 60));
    }
}
