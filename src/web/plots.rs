//! The 3-D surface, the loss-vs-step chart and the slice through θ′: the core's plotters figures, drawn onto
//! their canvases.

use wasm_bindgen::JsValue;
use web_sys::HtmlCanvasElement;

use super::canvas::{context_2d, scaled_drawing_area, visible_area};
use super::dom;
use super::palette::optimizer_colour;
use crate::analysis::{PointAnalysis, Slice};
use crate::bounds::Bounds;
use crate::charts::palette::PAPER;
use crate::charts::{draw_loss_chart, draw_slice_chart, SurfaceView, Trajectory};
use crate::i18n::Strings;
use crate::optim::Run;
use crate::render::Orientation;
use crate::surface::LossSurface;

/// Fewest milliseconds between two redraws of the charts while a race runs (the 3-D mesh is the slowest
/// thing on the page; the map's overlay keeps the per-frame motion).
pub const REDRAW_INTERVAL_MS: f64 = 120.0;

pub struct Plots {
    pub surface3d: HtmlCanvasElement,
    pub loss_chart: HtmlCanvasElement,
    /// The inspector's slice through θ′.
    pub slice_chart: HtmlCanvasElement,
    pub orientation: Orientation,
    /// Where the drag that turns the 3-D view was last seen (CSS pixels).
    pub turning_from: Option<[f64; 2]>,
    /// Whether the arrow keys turn the 3-D view: focused from the keyboard, until a pointer presses on it.
    pub keys_turn: bool,
    /// How much larger than usual the charts' text and lines are drawn (presentation mode).
    pub text_zoom: f64,
    /// The 3-D view's axes and mesh, drawn offscreen once per surface, box, orientation and size, and
    /// copied under the walkers at each redraw: a click or a race step then costs a copy, not a mesh.
    backdrop: HtmlCanvasElement,
    backdrop_drawn: Option<Backdrop>,
}

/// What the cached backdrop was drawn for. The surface itself is not compared: [`Plots::surface_changed`]
/// forgets the backdrop instead.
struct Backdrop {
    view: SurfaceView,
    bounds: Bounds,
    orientation: Orientation,
    size: (u32, u32),
    /// The CSS pixels it was laid out in (fewer than on screen when the text is zoomed).
    css: (u32, u32),
}

/// What both charts show.
pub struct Scenery<'a> {
    /// `None` for a formula too long to mesh at every redraw: the 3-D view is left blank (a notice says why).
    pub surface: Option<&'a dyn LossSurface>,
    pub bounds: Bounds,
    pub point: Option<&'a PointAnalysis>,
    /// L through θ′ along the inspector's direction.
    pub slice: Option<&'a Slice>,
    pub runs: &'a [Run],
    /// The page's words, for the optimizers' names in the chart's legend and its axis titles.
    pub words: &'static Strings,
}

impl Plots {
    pub fn new(
        surface3d: HtmlCanvasElement,
        loss_chart: HtmlCanvasElement,
        slice_chart: HtmlCanvasElement,
    ) -> Result<Plots, JsValue> {
        Ok(Plots {
            surface3d,
            loss_chart,
            slice_chart,
            orientation: Orientation::default(),
            turning_from: None,
            keys_turn: false,
            text_zoom: 1.0,
            backdrop: dom::create("canvas")?,
            backdrop_drawn: None,
        })
    }

    /// The 3-D backdrop shows another surface from now on.
    pub fn surface_changed(&mut self) {
        self.backdrop_drawn = None;
    }

    pub fn draw(&mut self, scenery: &Scenery) -> Result<(), JsValue> {
        let labels: Vec<String> = scenery
            .runs
            .iter()
            .map(|r| scenery.words.optimizer(r.kind()).to_string())
            .collect();
        let trajectories: Vec<Trajectory> = scenery
            .runs
            .iter()
            .zip(&labels)
            .map(|(run, label)| {
                let colour = optimizer_colour(run.kind());
                Trajectory {
                    label,
                    color: (colour.0, colour.1, colour.2),
                    points: run.trajectory(),
                    losses: run.losses(),
                }
            })
            .collect();
        if let Some(area) = visible_area(&self.surface3d, self.text_zoom)? {
            match scenery.surface {
                Some(surface) => {
                    // In the area's units: the context is scaled to the canvas's pixels.
                    let (width, height) = area.dim_in_pixel();
                    // The race's start height, which the vertical range may fit itself to.
                    let start = scenery
                        .runs
                        .first()
                        .and_then(|run| run.losses().first().copied());
                    self.refresh_backdrop(surface, scenery.bounds, start, (width, height))?;
                    context_2d(&self.surface3d)?
                        .draw_image_with_html_canvas_element_and_dw_and_dh(
                            &self.backdrop,
                            0.0,
                            0.0,
                            f64::from(width),
                            f64::from(height),
                        )?;
                    let point = scenery.point.map(|p| (p.at, p.derivatives.value));
                    match &self.backdrop_drawn {
                        Some(drawn) => drawn.view.draw_walkers(&area, point, &trajectories),
                        None => Ok(()),
                    }
                }
                None => area.fill(&PAPER).map_err(|e| e.to_string()),
            }
            .map_err(|e| JsValue::from_str(&e))?;
        }
        if let Some(area) = visible_area(&self.loss_chart, self.text_zoom)? {
            draw_loss_chart(&area, &trajectories, true, &scenery.words.chart)
                .map_err(|e| JsValue::from_str(&e))?;
        }
        if let (Some(area), Some(slice)) = (
            visible_area(&self.slice_chart, self.text_zoom)?,
            scenery.slice,
        ) {
            draw_slice_chart(&area, slice, &scenery.words.chart)
                .map_err(|e| JsValue::from_str(&e))?;
            // For tests and tools: what the chart shows, in numbers.
            let [dx, dy] = slice.direction;
            self.slice_chart
                .set_attribute("data-direction", &format!("{dx},{dy}"))?;
            self.slice_chart
                .set_attribute("data-curvature", &slice.curvature.to_string())?;
        }
        Ok(())
    }

    /// Redraws the 3-D backdrop offscreen when something it shows changed since it was last drawn (its
    /// vertical range follows the race's `start` height), laid out in `css` units like the visible canvas.
    fn refresh_backdrop(
        &mut self,
        surface: &dyn LossSurface,
        bounds: Bounds,
        start: Option<f64>,
        css: (u32, u32),
    ) -> Result<(), JsValue> {
        let size = (self.surface3d.width(), self.surface3d.height());
        let orientation = self.orientation;
        let kept = self.backdrop_drawn.take().filter(|drawn| {
            drawn.bounds == bounds
                && drawn.orientation == orientation
                && drawn.size == size
                && drawn.css == css
        });
        let (mut view, sampled) = match kept {
            Some(drawn) => (drawn.view, false),
            None => (SurfaceView::new(surface, bounds, orientation), true),
        };
        let refitted = view.fit_to(start);
        if sampled || refitted {
            self.backdrop.set_width(size.0);
            self.backdrop.set_height(size.1);
            view.draw_backdrop(&scaled_drawing_area(&self.backdrop, css)?)
                .map_err(|e| JsValue::from_str(&e))?;
        }
        self.backdrop_drawn = Some(Backdrop {
            view,
            bounds,
            orientation,
            size,
            css,
        });
        Ok(())
    }
}
