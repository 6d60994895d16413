//! The map's base layer: heatmap, contours, axes, colour bar and critical points, cached in an offscreen canvas.
//!
//! Everything is drawn in device pixels (CSS pixels × devicePixelRatio) so lines and text stay crisp on
//! high-DPI screens; the core's `MapTransform` maps between data and those pixels for drawing and for clicks.

use std::cell::RefCell;

use wasm_bindgen::JsValue;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use super::canvas::{context_2d, drawing_area, put_heatmap, stretch_heatmap};
use super::trails::Trails;
use super::{dom, map_mode};
use crate::analysis::CriticalPoints;
use crate::bounds::Bounds;
use crate::charts::{draw_attractor_marks, draw_map_base, MapBase, MapFrame};
use crate::i18n::ChartWords;
use crate::jobs::BasinsMap;
use crate::render::MapMode;
use crate::render::{affordable_grid, basins_rgba, preview_grid, Grid, MapTransform, PlotArea};
use crate::scene::Loss;
use crate::surface::Point;

/// How finely [`MapView::draw_base`] samples the surface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    /// Half the grid's side, a quarter of its samples, for a map drawn before the page's first paint: on a
    /// cold start that frame runs before the browser has optimized the app's code, and sampling, colouring
    /// and contouring were its largest share. The first settled frame draws the map in full
    /// ([`MapView::shows_preview`]).
    Preview,
    Full,
}

pub struct MapView {
    /// The visible canvas: base layer copied in, overlay drawn on top each time it changes.
    pub canvas: HtmlCanvasElement,
    base: HtmlCanvasElement,
    /// The base with the overlay's lower layer drawn over it (`draw_map_model`), copied into the visible
    /// canvas under each race step while what it shows stays the same (`model_shows`).
    model: HtmlCanvasElement,
    model_shows: RefCell<Option<(u64, ModelScene)>>,
    /// The race's paths, stroked a step at a time and laid over the model layer.
    pub trails: Trails,
    /// Counts the base layer's redraws, so a model drawn over an older base is known to be stale.
    base_generation: u64,
    /// Holds the heatmap's one ImageData at grid resolution; drawImage scales it into the plot area.
    heat: HtmlCanvasElement,
    pub transform: MapTransform,
    /// Device pixels per CSS pixel: pointer positions (CSS) become canvas pixels through it.
    pub dpr: f64,
    /// How much larger than usual text, lines and marks are drawn (presentation mode): the drawing's
    /// scale is `dpr × text_zoom` backend pixels per CSS pixel of its layout.
    pub text_zoom: f64,
    /// Colours by L, or by curvature class (with its legend beside the map).
    pub mode: MapMode,
    sampled: Option<Sampled>,
    resize: dom::SizeWatch,
}

/// What the heatmap's cells show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Colours {
    Loss,
    Curvature,
    /// The basin map of this worker job.
    Basins(u32),
}

/// The sampled surface behind the base layer and what it was sampled for: a redraw of the same box (the
/// critical points found, a language switch) only draws, with the heatmap's pixels already in `heat`.
struct Sampled {
    bounds: Bounds,
    grid: (usize, usize),
    colours: Colours,
    /// Coarser than the full grid for this box and size ([`Detail::Preview`]).
    preview: bool,
    base: MapBase,
}

impl MapView {
    pub fn new(canvas: HtmlCanvasElement) -> Result<MapView, JsValue> {
        let placeholder = Bounds {
            x_min: 0.0,
            x_max: 1.0,
            y_min: 0.0,
            y_max: 1.0,
        };
        Ok(MapView {
            resize: dom::SizeWatch::new(&canvas)?,
            canvas,
            base: dom::create("canvas")?,
            model: dom::create("canvas")?,
            model_shows: RefCell::new(None),
            trails: Trails::new()?,
            base_generation: 0,
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
            text_zoom: 1.0,
            mode: MapMode::Loss,
            sampled: None,
        })
    }

    /// [`MapView::fit_to_element`] when the canvas may have changed size or the pixel ratio did (a frame's
    /// check, which reads no layout when nothing moved).
    pub fn fit_if_resized(&mut self) -> Result<bool, JsValue> {
        let dpr = dom::window()?.device_pixel_ratio().max(1.0);
        if self.resize.take_resized() || dpr != self.dpr {
            self.fit_to_element()
        } else {
            Ok(false)
        }
    }

    /// Sizes the backing stores to the element's CSS size × devicePixelRatio; true when that changed.
    pub fn fit_to_element(&mut self) -> Result<bool, JsValue> {
        self.resize.take_resized();
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
        // Resizing clears a canvas, so the kept lower overlay layer must be drawn again.
        self.model_shows.replace(None);
        for canvas in [&self.canvas, &self.base, &self.model] {
            canvas.set_width(width);
            canvas.set_height(height);
        }
        Ok(true)
    }

    /// CSS pixels to device pixels.
    pub fn px(&self, css: f64) -> f64 {
        css * self.dpr
    }

    /// Where the map's drawing code puts things on the canvas, at this canvas's size and pixel ratio.
    pub fn frame(&self) -> MapFrame {
        MapFrame {
            transform: self.transform,
            scale: self.drawing_scale(),
        }
    }

    fn drawing_scale(&self) -> f64 {
        self.dpr * self.text_zoom
    }

    /// Redraws the cached base layer for this surface and box, sampled afresh unless the kept samples are
    /// of this box at the `detail` asked (or finer). In basins mode the cells are `basins` (numbered by its
    /// job) once the worker has mapped them, L's colours until then.
    pub fn draw_base(
        &mut self,
        surface: &Loss,
        bounds: Bounds,
        critical: &CriticalPoints,
        basins: Option<(u32, &BasinsMap)>,
        words: &ChartWords,
        detail: Detail,
    ) -> Result<(), String> {
        let size = [self.canvas.width(), self.canvas.height()].map(f64::from);
        let frame = MapFrame::new(bounds, size[0], size[1], self.drawing_scale());
        self.transform = frame.transform;
        self.publish_transform();
        let (columns, rows) = frame.grid_size();
        let full = match surface.formula() {
            Some(formula) => affordable_grid(formula, columns, rows),
            None => (columns, rows),
        };
        let colours = match (self.mode, basins) {
            (MapMode::Loss, _) | (MapMode::Basins, None) => Colours::Loss,
            (MapMode::Curvature, _) => Colours::Curvature,
            (MapMode::Basins, Some((job, _))) => Colours::Basins(job),
        };
        // The curvature map's cells have their own size: a preview would only compute them twice.
        let grid = match (detail, colours) {
            (Detail::Preview, Colours::Loss | Colours::Basins(_)) => preview_grid(full),
            _ => full,
        };
        let current = self.sampled.as_ref().is_some_and(|sampled| {
            sampled.bounds == bounds
                && (sampled.grid == grid || sampled.grid == full)
                && sampled.colours == colours
        });
        if !current {
            // For tests and the bench: whether the map shows its full detail yet.
            let shown = if grid == full { "full" } else { "preview" };
            dom::report(self.canvas.set_attribute("data-detail", shown));
            let base = MapBase::of_grid(Grid::sample(surface, bounds, grid.0, grid.1));
            match (colours, basins) {
                (Colours::Curvature, _) => {
                    let (rgba, size) = map_mode::cells(surface, bounds, &frame);
                    put_heatmap(&self.heat, &rgba, size)?
                }
                (Colours::Basins(_), Some((_, map))) => {
                    let rgba = basins_rgba(&map.labels, map.grid);
                    put_heatmap(&self.heat, &rgba, (map.grid, map.grid))?
                }
                _ => put_heatmap(&self.heat, &base.rgba, grid)?,
            }
            self.sampled = Some(Sampled {
                bounds,
                grid,
                colours,
                preview: grid != full,
                base,
            });
        }
        let Some(sampled) = &self.sampled else {
            return Ok(());
        };
        self.base_generation += 1;
        let root = drawing_area(&self.base)?;
        let (heat, target) = (&self.heat, &self.base);
        let colour_bar = sampled.colours == Colours::Loss;
        draw_map_base(
            &root,
            &frame,
            &sampled.base,
            &critical.points,
            &mut |_, _, area| stretch_heatmap(heat, target, area),
            words,
            colour_bar,
        )?;
        match basins {
            Some((_, map)) if !colour_bar => draw_attractor_marks(&root, &frame, &map.attractors),
            _ => Ok(()),
        }
    }

    /// The base shows a [`Detail::Preview`], to be drawn again in full.
    pub fn shows_preview(&self) -> bool {
        self.sampled.as_ref().is_some_and(|sampled| sampled.preview)
    }

    /// The surface is another one: the next base is sampled afresh.
    pub fn surface_changed(&mut self) {
        self.sampled = None;
    }

    /// The base layer's contour levels, for the Taylor model's dashed contours.
    pub fn levels(&self) -> &[f64] {
        self.sampled
            .as_ref()
            .map_or(&[], |sampled| sampled.base.levels.as_slice())
    }

    /// Copies the base layer with the overlay's lower layer into the visible canvas, under a fresh upper
    /// layer. The lower layer is drawn by `draw_model` (clipped to the plot area) over a copy of the base
    /// only when `scene` differs from what it was last drawn for. Without θ′ it is empty, and the base is
    /// copied straight in (one full-canvas copy instead of two).
    pub fn present_model(
        &self,
        scene: ModelScene,
        draw_model: impl FnOnce(&HtmlCanvasElement) -> Result<(), String>,
    ) -> Result<(), String> {
        let visible = context_2d(&self.canvas)?;
        if scene.point.is_none() {
            return copy_canvas(&visible, &self.base);
        }
        let shows = (self.base_generation, scene);
        if self.model_shows.borrow().as_ref() != Some(&shows) {
            self.model_shows.replace(None);
            let context = context_2d(&self.model)?;
            copy_canvas(&context, &self.base)?;
            with_plot_clip(&context, self.transform.area, || draw_model(&self.model))?;
            self.model_shows.replace(Some(shows));
        }
        copy_canvas(&visible, &self.model)
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
        dom::report(self.canvas.set_attribute(
            "data-plot-area",
            &format!("{},{},{},{}", css[0], css[1], css[2], css[3]),
        ));
        dom::report(self.canvas.set_attribute(
            "data-box",
            &format!("{},{},{},{}", b.x_min, b.x_max, b.y_min, b.y_max),
        ));
    }
}

/// What the overlay's lower layer shows: it is redrawn when any of this changes.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelScene {
    pub point: Option<Point>,
    pub taylor: bool,
    pub escaping: bool,
    /// The gradient cloud's mini-batches.
    pub batch: usize,
    pub seed: u64,
}

fn copy_canvas(context: &CanvasRenderingContext2d, from: &HtmlCanvasElement) -> Result<(), String> {
    context
        .draw_image_with_html_canvas_element(from, 0.0, 0.0)
        .map_err(|e| dom::describe(&e))
}

/// Runs `draw` with `context` clipped to the plot area: what is drawn over the map stays inside it.
pub fn with_plot_clip<T>(
    context: &CanvasRenderingContext2d,
    area: PlotArea,
    draw: impl FnOnce() -> Result<T, String>,
) -> Result<T, String> {
    context.save();
    context.begin_path();
    context.rect(area.left, area.top, area.width, area.height);
    context.clip();
    let drawn = draw();
    context.restore();
    drawn
}
