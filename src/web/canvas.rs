//! plotters' canvas backend, with text measured by the canvas: plotters' own web fonts measure a label by
//! putting a `<span>` in the page and reading its size, which lays out the whole page once per label
//! (~0.4 ms each; the loss chart's legend redrawn during a race took ~4 ms of every redraw).

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::{Clamped, JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, ImageData};

use super::dom;
use crate::render::PlotArea;

pub type Area = DrawingArea<Canvas, Shift>;

/// Highest screen-pixel ratio the charts' backing stores follow: the 3-D mesh's cost grows with the pixels.
const MAX_PIXEL_RATIO: f64 = 2.0;

/// A [`CanvasBackend`] that answers [`DrawingBackend::estimate_text_size`] with `measureText`, and
/// may lay out in fewer pixels than the canvas has (see [`scaled_drawing_area`]).
pub struct Canvas {
    drawing: CanvasBackend,
    context: CanvasRenderingContext2d,
    size: (u32, u32),
}

/// A plotters drawing area over the whole of `canvas`, one unit per canvas pixel.
pub fn drawing_area(canvas: &HtmlCanvasElement) -> Result<Area, String> {
    scaled_drawing_area(canvas, (canvas.width(), canvas.height()))
}

/// A plotters drawing area over the whole of `canvas` laid out in `size` units (CSS pixels), the
/// context scaled to the canvas's own pixels: charts whose fonts and margins are given in CSS pixels stay
/// sharp on a high-density screen.
pub fn scaled_drawing_area(canvas: &HtmlCanvasElement, size: (u32, u32)) -> Result<Area, String> {
    let no_canvas = || "this browser gives no 2-D canvas".to_string();
    let drawing = CanvasBackend::with_canvas_object(canvas.clone()).ok_or_else(no_canvas)?;
    let context = context_2d(canvas)?;
    let scale = |pixels: u32, units: u32| f64::from(pixels) / f64::from(units.max(1));
    context
        .set_transform(
            scale(canvas.width(), size.0),
            0.0,
            0.0,
            scale(canvas.height(), size.1),
            0.0,
            0.0,
        )
        .map_err(|e| dom::describe(&e))?;
    Ok(Canvas {
        drawing,
        context,
        size,
    }
    .into_drawing_area())
}

pub fn context_2d(canvas: &HtmlCanvasElement) -> Result<CanvasRenderingContext2d, String> {
    canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
        .ok_or_else(|| "this browser gives no 2-D canvas".to_string())
}

/// What went wrong on the canvas (plotters-canvas does not export its own error type).
#[derive(Debug)]
pub struct CanvasError(String);

impl std::fmt::Display for CanvasError {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CanvasError {}

/// The wrapped backend's outcome, its error in ours.
fn relay<T, E: std::error::Error + Send + Sync>(
    outcome: Result<T, DrawingErrorKind<E>>,
) -> Result<T, DrawingErrorKind<CanvasError>> {
    outcome.map_err(|error| match error {
        DrawingErrorKind::DrawingError(e) => {
            DrawingErrorKind::DrawingError(CanvasError(e.to_string()))
        }
        DrawingErrorKind::FontError(e) => DrawingErrorKind::FontError(e),
    })
}

type Drawn = Result<(), DrawingErrorKind<CanvasError>>;

impl DrawingBackend for Canvas {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Drawn {
        relay(self.drawing.ensure_prepared())
    }

    fn present(&mut self) -> Drawn {
        relay(self.drawing.present())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Drawn {
        relay(self.drawing.draw_pixel(point, color))
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Drawn {
        relay(self.drawing.draw_line(from, to, style))
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Drawn {
        relay(
            self.drawing
                .draw_rect(upper_left, bottom_right, style, fill),
        )
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Drawn {
        relay(self.drawing.draw_path(path, style))
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Drawn {
        relay(self.drawing.draw_circle(center, radius, style, fill))
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vertices: I,
        style: &S,
    ) -> Drawn {
        relay(self.drawing.fill_polygon(vertices, style))
    }

    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, style: &S, at: BackendCoord) -> Drawn {
        relay(self.drawing.draw_text(text, style, at))
    }

    /// The width `measureText` gives in the font `draw_text` sets, and the font's ascent plus descent —
    /// the height a line of it takes, as the span plotters measured had. Unrotated, as plotters' own.
    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<CanvasError>> {
        self.context.set_font(&format!(
            "{} {}px {}",
            style.style().as_str(),
            style.size(),
            style.family().as_str(),
        ));
        let metrics = self
            .context
            .measure_text(text)
            .map_err(|e| DrawingErrorKind::DrawingError(CanvasError(dom::describe(&e))))?;
        let height = metrics.font_bounding_box_ascent() + metrics.font_bounding_box_descent();
        Ok((metrics.width().ceil() as u32, height.ceil() as u32))
    }
}

/// A drawing area laid out in the CSS pixels of the canvas on screen divided by `text_zoom`, or `None`
/// while the canvas is hidden. The charts give fonts and margins in those pixels (so a zoom of 1.5 draws
/// them half as large again); the canvas gets the screen's own pixels ([`ChartSize::backing`]), so they
/// are sharp on a high-density screen.
pub fn visible_area(canvas: &HtmlCanvasElement, text_zoom: f64) -> Result<Option<Area>, JsValue> {
    let Some(size) = ChartSize::of(canvas, text_zoom)? else {
        return Ok(None);
    };
    if (canvas.width(), canvas.height()) != size.backing {
        canvas.set_width(size.backing.0);
        canvas.set_height(size.backing.1);
    }
    Ok(Some(scaled_drawing_area(canvas, size.css)?))
}

/// A chart canvas's size on screen in CSS pixels and the backing store that fills it with screen pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChartSize {
    pub css: (u32, u32),
    pub backing: (u32, u32),
}

impl ChartSize {
    /// `None` while the canvas is hidden (no size on screen); `css` is the size on screen divided by
    /// `text_zoom`.
    pub fn of(canvas: &HtmlCanvasElement, text_zoom: f64) -> Result<Option<ChartSize>, JsValue> {
        let (width, height) = (canvas.client_width(), canvas.client_height());
        if width <= 0 || height <= 0 {
            return Ok(None);
        }
        let ratio = dom::window()?
            .device_pixel_ratio()
            .clamp(1.0, MAX_PIXEL_RATIO);
        let backing = |css: i32| (f64::from(css) * ratio).round() as u32;
        let zoomed = |css: i32| (f64::from(css) / text_zoom.max(1.0)).round().max(1.0) as u32;
        Ok(Some(ChartSize {
            css: (zoomed(width), zoomed(height)),
            backing: (backing(width), backing(height)),
        }))
    }
}

/// The heatmap as ONE ImageData at grid resolution, kept in `heat` for [`stretch_heatmap`]: a plotters
/// call per pixel would be far too slow for a canvas.
pub fn put_heatmap(
    heat: &HtmlCanvasElement,
    rgba: &[u8],
    (columns, rows): (usize, usize),
) -> Result<(), String> {
    let (columns, rows) = (columns as u32, rows as u32);
    heat.set_width(columns);
    heat.set_height(rows);
    let image = ImageData::new_with_u8_clamped_array_and_sh(Clamped(rgba), columns, rows)
        .map_err(|e| dom::describe(&e))?;
    context_2d(heat)?
        .put_image_data(&image, 0.0, 0.0)
        .map_err(|e| dom::describe(&e))
}

/// The heatmap's cells stretched over the plot area by one drawImage.
pub fn stretch_heatmap(
    heat: &HtmlCanvasElement,
    target: &HtmlCanvasElement,
    area: PlotArea,
) -> Result<(), String> {
    let context = context_2d(target)?;
    context.set_image_smoothing_enabled(true);
    context
        .draw_image_with_html_canvas_element_and_dw_and_dh(
            heat,
            area.left,
            area.top,
            area.width,
            area.height,
        )
        .map_err(|e| dom::describe(&e))
}
