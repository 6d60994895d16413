//! The race's paths on the map, kept stroked in two offscreen layers that only grow: each race step strokes
//! just its new segments, so a step late in a race costs what an early one does. (Stroking every path
//! whole at every step grew with the paths: 16 strokes of a 60-step zig-zag took ~3 ms to rasterize.)
//!
//! The casings are stroked opaque on their own layer and laid down translucent in one go, so the pieces'
//! overlapping ends leave no darker joints; the coloured lines go on a second layer above them.

use std::cell::RefCell;

use web_sys::HtmlCanvasElement;

use super::canvas::{context_2d, drawing_area};
use super::dom;
use crate::charts::{
    draw_trajectory_casing, draw_trajectory_line, MapFrame, TRAJECTORY_CASING_OPACITY,
    TRAJECTORY_CASING_WIDTH,
};
use crate::optim::Run;

pub struct Trails {
    casings: HtmlCanvasElement,
    lines: HtmlCanvasElement,
    stroked: RefCell<Stroked>,
}

/// What the layers hold: which race's runs, on which map, how many points of each run, and the box (in
/// canvas pixels) that holds all the ink, which is all that needs laying onto the map.
#[derive(Default)]
struct Stroked {
    drawn_for: Option<(u64, MapFrame)>,
    points: Vec<usize>,
    inked: Option<PixelBox>,
    /// The layers are sized and cleared for `drawn_for`: done at its first stroke, so a map whose runs have
    /// not moved (the page's first frame) pays for no layer at all.
    layers_ready: bool,
}

/// Left, top, right, bottom.
type PixelBox = [f64; 4];

impl Trails {
    pub fn new() -> Result<Trails, wasm_bindgen::JsValue> {
        Ok(Trails {
            casings: dom::create("canvas")?,
            lines: dom::create("canvas")?,
            stroked: RefCell::default(),
        })
    }

    /// Brings the layers up to `runs` (of race `generation`, on `frame` over `canvas`) and draws the part of
    /// them that holds ink onto `canvas`: only the points added since the last call are stroked, unless the
    /// race, the view or the canvas's size changed, which starts the layers afresh.
    pub fn present(
        &self,
        canvas: &HtmlCanvasElement,
        frame: &MapFrame,
        generation: u64,
        runs: &[Run],
    ) -> Result<(), String> {
        let mut stroked = self.stroked.borrow_mut();
        let (width, height) = (canvas.width(), canvas.height());
        let resized = self.casings.width() != width || self.casings.height() != height;
        if resized || stroked.drawn_for != Some((generation, *frame)) {
            *stroked = Stroked {
                drawn_for: Some((generation, *frame)),
                points: vec![0; runs.len()],
                inked: None,
                layers_ready: false,
            };
        }
        // The casing's half width, and a pixel for its anti-aliased edge.
        let reach = frame.px(0.5 * TRAJECTORY_CASING_WIDTH) + 1.0;
        // Made only in a frame with something new to stroke: a drag or a click only lays the layers.
        let mut areas = None;
        let Stroked {
            points,
            inked,
            layers_ready,
            ..
        } = &mut *stroked;
        for (run, drawn) in runs.iter().zip(points.iter_mut()) {
            let path = run.trajectory();
            // The new piece starts at the last point already stroked, so it joins on.
            let piece = &path[(*drawn).saturating_sub(1).min(path.len())..];
            if piece.len() >= 2 {
                if !*layers_ready {
                    self.start_layers(width, height)?;
                    *layers_ready = true;
                }
                let (casings, lines) = match &areas {
                    Some(made) => made,
                    None => {
                        areas.insert((drawing_area(&self.casings)?, drawing_area(&self.lines)?))
                    }
                };
                draw_trajectory_casing(casings, frame, piece, 1.0)?;
                draw_trajectory_line(lines, frame, run, piece)?;
                for (x, y) in piece.iter().map(|&at| frame.pixel(at)) {
                    let [x, y] = [f64::from(x), f64::from(y)];
                    let [left, top, right, bottom] = inked.get_or_insert([x, y, x, y]);
                    *left = left.min(x - reach);
                    *top = top.min(y - reach);
                    *right = right.max(x + reach);
                    *bottom = bottom.max(y + reach);
                }
            }
            *drawn = path.len();
        }
        match stroked.inked {
            Some(inked) => self.lay(canvas, inked),
            None => Ok(()),
        }
    }

    /// Empties both layers, at the map canvas's size.
    fn start_layers(&self, width: u32, height: u32) -> Result<(), String> {
        for layer in [&self.casings, &self.lines] {
            if layer.width() != width || layer.height() != height {
                layer.set_width(width);
                layer.set_height(height);
            }
            let context = context_2d(layer)?;
            context.clear_rect(0.0, 0.0, f64::from(width), f64::from(height));
            // Round ends and joins make the pieces meet as one smooth path (a resize resets them).
            context.set_line_cap("round");
            context.set_line_join("round");
        }
        Ok(())
    }

    /// Draws the layers' `inked` box onto `canvas`, the casings translucent, then the lines.
    fn lay(&self, canvas: &HtmlCanvasElement, inked: PixelBox) -> Result<(), String> {
        let [left, top] = [inked[0].max(0.0), inked[1].max(0.0)];
        let right = inked[2].min(f64::from(canvas.width()));
        let bottom = inked[3].min(f64::from(canvas.height()));
        if right <= left || bottom <= top {
            return Ok(());
        }
        let (width, height) = (right - left, bottom - top);
        let context = context_2d(canvas)?;
        let copy = |layer: &HtmlCanvasElement| {
            context.draw_image_with_html_canvas_element_and_sw_and_sh_and_dx_and_dy_and_dw_and_dh(
                layer, left, top, width, height, left, top, width, height,
            )
        };
        context.set_global_alpha(TRAJECTORY_CASING_OPACITY);
        let laid = copy(&self.casings).and_then(|()| {
            context.set_global_alpha(1.0);
            copy(&self.lines)
        });
        context.set_global_alpha(1.0);
        laid.map_err(|e| dom::describe(&e))
    }
}
