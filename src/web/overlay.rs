//! The map's overlay, redrawn whenever it changes over the cached base layer, clipped to the plot area.
//!
//! Its lower layer (the gradient cloud, the Taylor model and the arrows at θ′) stays put while a race runs, so it is
//! drawn once over a copy of the base and reused; each race step adds its new path segments to the trails'
//! layers and redraws the runs' heads and θ′.

use wasm_bindgen::JsValue;
use web_sys::CanvasRenderingContext2d;

use super::app::App;
use super::canvas::{context_2d, drawing_area, Area};
use super::dom;
use super::map_view::{with_plot_clip, ModelScene};
use super::palette::css;
use crate::charts::palette::PAPER;
use crate::charts::{
    draw_gradient_cloud, draw_momentum_update, draw_point_arrows, draw_point_marks,
    draw_slice_line, map_model_contours, MapFrame, MapOverlay, TaylorDashes,
};
use crate::optim::momentum_update;
use crate::scene;

pub fn draw(app: &App) -> Result<(), String> {
    let map = &app.map;
    let cloud = app
        .point
        .as_ref()
        .and_then(|point| scene::point_cloud(&app.surface, point, &app.race.hyper));
    let overlay = MapOverlay {
        point: app.point.as_ref(),
        runs: &app.race.runs,
        escaping_at: app.escape.as_ref().map(|escape| escape.position()),
        levels: map.levels(),
        taylor: app.taylor,
        cloud: cloud.as_ref(),
    };
    let frame = map.frame();
    let scene = ModelScene {
        point: app.point.map(|point| point.at),
        taylor: app.taylor,
        escaping: app.escape.is_some(),
        batch: app.race.hyper.batch,
        seed: app.race.hyper.seed,
    };
    map.present_model(scene, |canvas| {
        // Under everything else: the mini-batch gradients at θ′ on a data-defined loss. The map canvas's
        // `data-cloud` says how many were drawn (for tests).
        dom::report(map.canvas.remove_attribute("data-cloud"));
        if let Some(cloud) = overlay.cloud.filter(|_| overlay.escaping_at.is_none()) {
            let drawn = draw_gradient_cloud(&drawing_area(canvas)?, &frame, cloud)?;
            if drawn > 0 {
                dom::report(map.canvas.set_attribute("data-cloud", &drawn.to_string()));
            }
        }
        let contours = map_model_contours(&frame, &overlay);
        stroke_dashed(&context_2d(canvas)?, &contours, TaylorDashes::at(&frame))
            .map_err(|e| dom::describe(&e))?;
        // Under the race's paths, which start at θ′.
        draw_point_arrows(&drawing_area(canvas)?, &frame, &overlay)
    })?;
    with_plot_clip(&context_2d(&map.canvas)?, map.transform.area, || {
        map.trails
            .present(&map.canvas, &frame, app.race.generation, &app.race.runs)?;
        let root = drawing_area(&map.canvas)?;
        if let Some(slice) = app.point_slice().filter(|_| app.escape.is_none()) {
            draw_slice_line(&root, &frame, &slice)?;
        }
        draw_point_marks(&root, &frame, &overlay)?;
        show_momentum_update(app, &root, &frame)
    })
}

/// The Taylor model's contours as one path with the canvas's own dash pattern (plotters would stroke each of
/// its hundreds of dashes on its own).
fn stroke_dashed(
    context: &CanvasRenderingContext2d,
    lines: &[Vec<(i32, i32)>],
    dashes: TaylorDashes,
) -> Result<(), JsValue> {
    if lines.is_empty() {
        return Ok(());
    }
    let pattern = js_sys::Array::of2(&dashes.dash.into(), &dashes.gap.into());
    context.set_line_dash(&pattern)?;
    context.set_line_width(f64::from(dashes.width));
    context.set_stroke_style_str(&css(PAPER));
    context.begin_path();
    for line in lines {
        let mut points = line.iter().map(|&(x, y)| (f64::from(x), f64::from(y)));
        if let Some((x, y)) = points.next() {
            context.move_to(x, y);
            points.for_each(|(x, y)| context.line_to(x, y));
        }
    }
    context.stroke();
    context.set_line_dash(&js_sys::Array::new())
}

/// While the race waits (paused, or stepped by hand), momentum's next update at its current point, as the
/// lecture draws it: the last movement β·m, the gradient step −η·g and their sum; the caption under the map
/// says so and by how much the arrows are magnified.
fn show_momentum_update(app: &App, root: &Area, frame: &MapFrame) -> Result<(), String> {
    let update = app
        .race
        .runs
        .iter()
        .filter(|run| !app.race.playing && run.steps() > 0)
        .find_map(|run| momentum_update(run, &app.surface.loss));
    let magnification = match update {
        Some(update) => draw_momentum_update(root, frame, &update)?,
        None => None,
    };
    let caption = app.ui.momentum_update.clone();
    caption.set_hidden(magnification.is_none());
    if let Some(magnification) = magnification {
        let factor = if magnification > 1.0 {
            format!(" (×{})", app.ui.words.number(magnification.round()))
        } else {
            String::new()
        };
        dom::set_text(&caption, &(app.ui.words.momentum_update)(&factor));
    }
    Ok(())
}
