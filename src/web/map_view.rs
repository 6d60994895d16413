//! The map's base layer: heatmap, contours, axes, colour bar and critical points, cached in an offscreen canvas.
//!
//! Everything is drawn in device pixels (CSS pixels × devicePixelRatio) so lines and text stay crisp on
//! high-DPI screens; the core's `MapTransform` maps between data and those pixels for drawing and for clicks.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::{Clamped, JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, ImageData};

use super::dom;
use super::palette::{self, INK, PAPER};
use crate::analysis::CriticalPoints;
use crate::bounds::Bounds;
use crate::render::{
    contour_levels, contour_segments, format_tick, heatmap_rgba, nice_ticks, viridis, ColorScale,
    Grid, MapTransform, PlotArea,
};
use crate::surface::LossSurface;

/// Margins around the plot area, in CSS pixels: room for tick labels, axis names and the colour bar.
const MARGIN_LEFT: f64 = 58.0;
const MARGIN_RIGHT: f64 = 86.0;
const MARGIN_TOP: f64 = 14.0;
const MARGIN_BOTTOM: f64 = 46.0;
const COLOUR_BAR_GAP: f64 = 14.0;
const COLOUR_BAR_WIDTH: f64 = 14.0;
/// Heatmap cells per CSS pixel are capped here: finer grids cost time and add no visible detail.
const MAX_GRID_SIDE: f64 = 260.0;
const CONTOUR_LEVELS: usize = 10;

pub struct MapView {
    /// The visible canvas: base layer copied in, overlay drawn on top each time it changes.
    pub canvas: HtmlCanvasElement,
    base: HtmlCanvasElement,
    /// Holds the heatmap's one ImageData at grid resolution; drawImage scales it into the plot area.
    heat: HtmlCanvasElement,
    pub transform: MapTransform,
    pub dpr: f64,
    /// The contour levels of the base layer, reused for the Taylor model's dashed contours.
    pub levels: Vec<f64>,
}

pub type Area = DrawingArea<CanvasBackend, Shift>;

impl MapView {
    pub fn new(canvas: HtmlCanvasElement) -> Result<MapView, JsValue> {
        let placeholder = Bounds {
            x_min: 0.0,
            x_max: 1.0,
            y_min: 0.0,
            y_max: 1.0,
        };
        Ok(MapView {
            canvas,
            base: dom::create("canvas")?,
            heat: dom::create("canvas")?,
            transform: MapTransform {
                bounds: placeholder,
                area: PlotArea {
                    left: 0.0,
                    top: 0.0,
                    width: 1.0,
                    height: 1.0,
                },
            },
            dpr: 1.0,
            levels: Vec::new(),
        })
    }

    /// Sizes the backing stores to the element's CSS size × devicePixelRatio; true when that changed.
    pub fn fit_to_element(&mut self) -> Result<bool, JsValue> {
        let dpr = dom::window()?.device_pixel_ratio().max(1.0);
        let width = (f64::from(self.canvas.client_width()) * dpr)
            .round()
            .max(1.0) as u32;
        let height = (f64::from(self.canvas.client_height()) * dpr)
            .round()
            .max(1.0) as u32;
        if width == self.canvas.width() && height == self.canvas.height() && dpr == self.dpr {
            return Ok(false);
        }
        self.dpr = dpr;
        for canvas in [&self.canvas, &self.base] {
            canvas.set_width(width);
            canvas.set_height(height);
        }
        Ok(true)
    }

    /// CSS pixels to device pixels.
    pub fn px(&self, css: f64) -> f64 {
        css * self.dpr
    }

    fn plot_area(&self) -> PlotArea {
        let width = f64::from(self.canvas.width());
        let height = f64::from(self.canvas.height());
        PlotArea {
            left: self.px(MARGIN_LEFT),
            top: self.px(MARGIN_TOP),
            width: (width - self.px(MARGIN_LEFT + MARGIN_RIGHT)).max(1.0),
            height: (height - self.px(MARGIN_TOP + MARGIN_BOTTOM)).max(1.0),
        }
    }

    /// Redraws the cached base layer for this surface and box.
    pub fn draw_base(
        &mut self,
        surface: &dyn LossSurface,
        bounds: Bounds,
        critical: &CriticalPoints,
    ) -> Result<(), String> {
        self.transform = MapTransform {
            bounds,
            area: self.plot_area(),
        };
        self.publish_transform();
        let area = self.transform.area;
        let columns = (area.width / self.dpr).clamp(8.0, MAX_GRID_SIDE) as usize;
        let rows = (area.height / self.dpr).clamp(8.0, MAX_GRID_SIDE) as usize;
        let grid = Grid::sample(surface, bounds, columns, rows);
        let scale = ColorScale::for_grid(&grid);

        let root = drawing_area(&self.base)?;
        root.fill(&PAPER).map_err(|e| e.to_string())?;
        self.paint_heatmap(&grid, &scale)?;
        self.levels = contour_levels(&scale, CONTOUR_LEVELS);
        let contour_style = RGBAColor(255, 255, 255, 0.55).stroke_width(self.px(1.0) as u32);
        for level in &self.levels {
            for [a, b] in contour_segments(&grid, *level) {
                let path = PathElement::new(vec![self.pixel(a), self.pixel(b)], contour_style);
                root.draw(&path).map_err(|e| e.to_string())?;
            }
        }
        self.draw_axes(&root)?;
        self.draw_colour_bar(&root, &scale)?;
        for point in &critical.points {
            if bounds.contains(point.at) {
                if let Some((marker, colour)) = palette::critical_marker(point.kind) {
                    draw_marker(&root, marker, colour, self.pixel(point.at), self.px(7.0))?;
                }
            }
        }
        Ok(())
    }

    /// Copies the base layer into the visible canvas, under a fresh overlay.
    pub fn present_base(&self) -> Result<(), String> {
        let context = context_2d(&self.canvas)?;
        context
            .draw_image_with_html_canvas_element(&self.base, 0.0, 0.0)
            .map_err(|e| dom::describe(&e))
    }

    /// Data coordinates to device pixels, as plotters wants them.
    pub fn pixel(&self, at: [f64; 2]) -> (i32, i32) {
        let [x, y] = self.transform.to_pixel(at);
        // Far-off points (a diverging run) must not overflow the canvas's coordinate range.
        (
            x.clamp(-1e6, 1e6).round() as i32,
            y.clamp(-1e6, 1e6).round() as i32,
        )
    }

    /// Data coordinates of a pointer position given in CSS pixels relative to the canvas.
    pub fn data_at(&self, css: [f64; 2]) -> [f64; 2] {
        self.transform.to_data([self.px(css[0]), self.px(css[1])])
    }

    /// Screen distance in CSS pixels between a data point and a pointer position.
    pub fn css_distance(&self, at: [f64; 2], css: [f64; 2]) -> f64 {
        let [x, y] = self.transform.to_pixel(at);
        (x / self.dpr - css[0]).hypot(y / self.dpr - css[1])
    }

    /// Tests and tools read the transform here (CSS pixels), instead of guessing the layout.
    fn publish_transform(&self) {
        let area = self.transform.area;
        let b = self.transform.bounds;
        let css = [area.left, area.top, area.width, area.height].map(|v| v / self.dpr);
        let _ = self.canvas.set_attribute(
            "data-plot-area",
            &format!("{},{},{},{}", css[0], css[1], css[2], css[3]),
        );
        let _ = self.canvas.set_attribute(
            "data-box",
            &format!("{},{},{},{}", b.x_min, b.x_max, b.y_min, b.y_max),
        );
    }

    fn paint_heatmap(&self, grid: &Grid, scale: &ColorScale) -> Result<(), String> {
        let rgba = heatmap_rgba(grid, scale);
        let (columns, rows) = (grid.width as u32, grid.height as u32);
        self.heat.set_width(columns);
        self.heat.set_height(rows);
        let image = ImageData::new_with_u8_clamped_array_and_sh(Clamped(&rgba), columns, rows)
            .map_err(|e| dom::describe(&e))?;
        context_2d(&self.heat)?
            .put_image_data(&image, 0.0, 0.0)
            .map_err(|e| dom::describe(&e))?;
        let area = self.transform.area;
        let context = context_2d(&self.base)?;
        context.set_image_smoothing_enabled(true);
        context
            .draw_image_with_html_canvas_element_and_dw_and_dh(
                &self.heat,
                area.left,
                area.top,
                area.width,
                area.height,
            )
            .map_err(|e| dom::describe(&e))
    }

    fn draw_axes(&self, root: &Area) -> Result<(), String> {
        let area = self.transform.area;
        let b = self.transform.bounds;
        let (left, top) = (area.left as i32, area.top as i32);
        let (right, bottom) = (
            (area.left + area.width) as i32,
            (area.top + area.height) as i32,
        );
        let ink = INK.stroke_width(self.px(1.0).max(1.0) as u32);
        root.draw(&Rectangle::new([(left, top), (right, bottom)], ink))
            .map_err(|e| e.to_string())?;
        let tick = self.px(5.0) as i32;
        let font = self.font(13.0);
        for (value, label) in ticks(b.x_min, b.x_max, 6) {
            let (x, _) = self.pixel([value, b.y_min]);
            root.draw(&PathElement::new(
                vec![(x, bottom), (x, bottom + tick)],
                ink,
            ))
            .map_err(|e| e.to_string())?;
            let style = font.clone().pos(Pos::new(HPos::Center, VPos::Top));
            root.draw(&Text::new(label, (x, bottom + tick + 2), style))
                .map_err(|e| e.to_string())?;
        }
        for (value, label) in ticks(b.y_min, b.y_max, 6) {
            let (_, y) = self.pixel([b.x_min, value]);
            root.draw(&PathElement::new(vec![(left - tick, y), (left, y)], ink))
                .map_err(|e| e.to_string())?;
            let style = font.clone().pos(Pos::new(HPos::Right, VPos::Center));
            root.draw(&Text::new(label, (left - tick - 3, y), style))
                .map_err(|e| e.to_string())?;
        }
        let title = self.font(14.0);
        root.draw(&Text::new(
            "x  (w₁)",
            ((left + right) / 2, bottom + self.px(24.0) as i32),
            title.clone().pos(Pos::new(HPos::Center, VPos::Top)),
        ))
        .map_err(|e| e.to_string())?;
        root.draw(&Text::new(
            "y  (w₂)",
            (self.px(4.0) as i32, top - 2 + self.px(2.0) as i32),
            title.pos(Pos::new(HPos::Left, VPos::Top)),
        ))
        .map_err(|e| e.to_string())
    }

    fn draw_colour_bar(&self, root: &Area, scale: &ColorScale) -> Result<(), String> {
        let area = self.transform.area;
        let left = (area.left + area.width + self.px(COLOUR_BAR_GAP)) as i32;
        let right = left + self.px(COLOUR_BAR_WIDTH) as i32;
        let (top, height) = (area.top, area.height);
        const BANDS: usize = 64;
        for band in 0..BANDS {
            let [r, g, b] = viridis((band as f64 + 0.5) / BANDS as f64);
            let y0 = top + height * (1.0 - (band + 1) as f64 / BANDS as f64);
            let y1 = top + height * (1.0 - band as f64 / BANDS as f64);
            root.draw(&Rectangle::new(
                [(left, y0.floor() as i32), (right, y1.ceil() as i32)],
                RGBColor(r, g, b).filled(),
            ))
            .map_err(|e| e.to_string())?;
        }
        let ink = INK.stroke_width(self.px(1.0).max(1.0) as u32);
        root.draw(&Rectangle::new(
            [(left, top as i32), (right, (top + height) as i32)],
            ink,
        ))
        .map_err(|e| e.to_string())?;
        let font = self.font(12.0).pos(Pos::new(HPos::Left, VPos::Center));
        for value in scale.ticks(5) {
            let label = super::format::number(value);
            let y = (top + height * (1.0 - scale.position(value))) as i32;
            root.draw(&PathElement::new(
                vec![(right, y), (right + self.px(4.0) as i32, y)],
                ink,
            ))
            .map_err(|e| e.to_string())?;
            root.draw(&Text::new(
                label,
                (right + self.px(6.0) as i32, y),
                font.clone(),
            ))
            .map_err(|e| e.to_string())?;
        }
        root.draw(&Text::new(
            "L",
            (left, top as i32 - self.px(2.0) as i32),
            self.font(13.0).pos(Pos::new(HPos::Left, VPos::Bottom)),
        ))
        .map_err(|e| e.to_string())
    }

    pub fn font(&self, css_size: f64) -> TextStyle<'static> {
        ("system-ui, sans-serif", self.px(css_size))
            .into_font()
            .color(&INK)
    }
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
        .map(|v| (v, format_tick(v, step)))
        .collect()
}

pub fn drawing_area(canvas: &HtmlCanvasElement) -> Result<Area, String> {
    CanvasBackend::with_canvas_object(canvas.clone())
        .map(IntoDrawingArea::into_drawing_area)
        .ok_or_else(|| "this browser gives no 2-D canvas".to_string())
}

pub fn context_2d(canvas: &HtmlCanvasElement) -> Result<CanvasRenderingContext2d, String> {
    canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
        .ok_or_else(|| "this browser gives no 2-D canvas".to_string())
}

/// A critical-point symbol with a white halo, so it reads on every colour of the heatmap.
pub fn draw_marker(
    root: &Area,
    marker: palette::Marker,
    colour: RGBColor,
    at: (i32, i32),
    radius: f64,
) -> Result<(), String> {
    let r = radius.round() as i32;
    let (x, y) = at;
    let halo = PAPER.stroke_width((radius / 2.5).max(2.0) as u32 + 2);
    let stroke = colour.stroke_width((radius / 2.5).max(2.0) as u32);
    let outline = INK.stroke_width(1);
    let result = match marker {
        palette::Marker::Disc => root
            .draw(&Circle::new(at, r + 1, PAPER.filled()))
            .and_then(|_| root.draw(&Circle::new(at, r, colour.filled())))
            .and_then(|_| root.draw(&Circle::new(at, r, outline))),
        palette::Marker::Triangle => {
            let corners = vec![(x, y - r - 1), (x - r, y + r - 1), (x + r, y + r - 1)];
            root.draw(&Polygon::new(corners.clone(), colour.filled()))
                .and_then(|_| {
                    let mut closed = corners;
                    closed.push((x, y - r - 1));
                    root.draw(&PathElement::new(closed, outline))
                })
        }
        palette::Marker::Cross => {
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
        palette::Marker::Diamond => {
            let corners = vec![(x, y - r - 1), (x + r, y), (x, y + r + 1), (x - r, y)];
            root.draw(&Polygon::new(corners.clone(), colour.filled()))
                .and_then(|_| {
                    let mut closed = corners;
                    closed.push((x, y - r - 1));
                    root.draw(&PathElement::new(closed, outline))
                })
        }
    };
    result.map_err(|e| e.to_string())
}
