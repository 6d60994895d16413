//! Mini-batch noise on a data-defined loss: the SGD check-box, batch size B and seed, the race's defaults
//! there, and the cloud of mini-batch gradients drawn around the full gradient at the dropped point.

use plotters::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Event, HtmlElement, HtmlInputElement};

use super::app::{App, SharedApp};
use super::canvas::Area;
use super::{dom, race_panel};
use crate::analysis::PointAnalysis;
use crate::charts::palette::{INK, PAPER};
use crate::optim::{Hyperparameters, OptimizerKind};
use crate::share::Scene;

/// Mini-batch gradients sampled for the cloud: enough to show its spread, few enough to redraw every frame.
const CLOUD_SAMPLES: usize = 40;
/// The longest arrow of the cloud (or the full gradient, if longer), in CSS pixels.
const CLOUD_RADIUS: f64 = 70.0;
/// η when a data-defined loss is chosen from the menu: at the page's default 0.01 gradient descent needs
/// about a thousand steps to settle at the saddle; at 0.1 the race makes the lecture's point in a hundred.
const DATA_LEARNING_RATE: f64 = 0.1;

/// Shows SGD and its knobs only on a loss with training data; there B runs from 1 to N.
pub fn show_controls(app: &App) {
    let data = app.surface.loss.data();
    let _ = (|| -> Result<(), JsValue> {
        let controls: HtmlElement = dom::by_id("batch-controls")?;
        controls.set_hidden(data.is_none());
        let needs_data = app
            .ui
            .race
            .optimizer_list
            .query_selector_all("[data-needs-data]")?;
        for i in 0..needs_data.length() {
            if let Some(label) = needs_data
                .item(i)
                .and_then(|n| n.dyn_into::<HtmlElement>().ok())
            {
                label.set_hidden(data.is_none());
            }
        }
        if let Some(data) = data {
            let slider: HtmlInputElement = dom::by_id("batch-size")?;
            slider.set_max(&data.len().to_string());
        }
        show_values(app)
    })();
}

/// The slider and seed box as the race's hyperparameters set them (B shown at most N).
fn show_values(app: &App) -> Result<(), JsValue> {
    let hyper = app.race.hyper;
    let points = app.surface.loss.data().map_or(hyper.batch, |d| d.len());
    let batch = hyper.batch.clamp(1, points.max(1));
    let slider: HtmlInputElement = dom::by_id("batch-size")?;
    slider.set_value(&batch.to_string());
    let shown: Element = dom::by_id("batch-size-value")?;
    dom::set_text(&shown, &(app.ui.words.batch_of)(batch, points));
    let seed: HtmlInputElement = dom::by_id("batch-seed")?;
    if seed.value() != hyper.seed.to_string() {
        seed.set_value(&hyper.seed.to_string());
    }
    Ok(())
}

/// After a surface is chosen from the menu: a data-defined loss races GD against SGD at an η that shows
/// the stall within seconds; back on a formula, SGD (plain GD there) leaves the race.
pub fn adopt_race_defaults(app: &mut App) {
    let kinds = if app.surface.loss.data().is_some() {
        app.set_hyperparameters(Hyperparameters {
            learning_rate: DATA_LEARNING_RATE,
            ..app.race.hyper
        });
        race_panel::show_sliders(app);
        vec![OptimizerKind::Gd, OptimizerKind::Sgd]
    } else {
        let kept: Vec<OptimizerKind> = app
            .race
            .kinds
            .iter()
            .copied()
            .filter(|k| !k.samples_batches())
            .collect();
        if kept.is_empty() {
            Scene::default().optimizers
        } else {
            kept
        }
    };
    app.set_optimizers(kinds);
    race_panel::show_checks(app);
}

pub fn wire(app: &SharedApp) -> Result<(), JsValue> {
    for id in ["batch-size", "batch-seed"] {
        let input: HtmlInputElement = dom::by_id(id)?;
        let app = app.clone();
        dom::listen(&input, "input", move |_: Event| {
            let mut a = app.borrow_mut();
            let read = |id: &str| {
                dom::by_id::<HtmlInputElement>(id)
                    .ok()
                    .map(|input| input.value())
            };
            let batch = read("batch-size").and_then(|v| v.trim().parse::<usize>().ok());
            let seed = read("batch-seed").and_then(|v| v.trim().parse::<u64>().ok());
            // A half-typed seed keeps the last good one until it parses.
            let hyper = Hyperparameters {
                batch: batch.map_or(a.race.hyper.batch, |b| b.max(1)),
                seed: seed.unwrap_or(a.race.hyper.seed),
                ..a.race.hyper
            };
            a.set_hyperparameters(hyper);
            let _ = show_values(&a);
        })?;
    }
    Ok(())
}

/// At the dropped point on a data-defined loss: [`CLOUD_SAMPLES`] mini-batch gradients of B examples as
/// faint arrows, and a ring at the full gradient they scatter around, on one common scale (so their
/// spread against the full gradient is true; the bold gradient arrow drawn over it shows only direction).
/// The map canvas's `data-cloud` says how many were drawn.
pub fn draw_gradient_cloud(app: &App, root: &Area, point: &PointAnalysis) -> Result<(), String> {
    let map = &app.map;
    let _ = map.canvas.remove_attribute("data-cloud");
    let Some(data) = app.surface.loss.data() else {
        return Ok(());
    };
    if app.escape.is_some() || !point.derivatives.is_finite() {
        return Ok(());
    }
    let hyper = app.race.hyper;
    let cloud = data.gradient_cloud(point.at, hyper.batch, CLOUD_SAMPLES, hyper.seed);
    let origin = map.transform.to_pixel(point.at);
    // The transform is affine, so a gradient maps to the screen as the difference of two points.
    let on_screen = |g: [f64; 2]| {
        let tip = map
            .transform
            .to_pixel([point.at[0] + g[0], point.at[1] + g[1]]);
        [tip[0] - origin[0], tip[1] - origin[1]]
    };
    let full = on_screen(point.derivatives.gradient);
    let samples: Vec<[f64; 2]> = cloud.into_iter().map(on_screen).collect();
    let longest = samples
        .iter()
        .chain([&full])
        .map(|d| d[0].hypot(d[1]))
        .filter(|l| l.is_finite())
        .fold(0.0, f64::max);
    if longest <= 0.0 {
        return Ok(());
    }
    let scale = map.px(CLOUD_RADIUS) / longest;
    let at_scale = |d: [f64; 2]| {
        (
            (origin[0] + d[0] * scale).round() as i32,
            (origin[1] + d[1] * scale).round() as i32,
        )
    };
    let start = (origin[0].round() as i32, origin[1].round() as i32);
    // White with a dark rim: legible on the dark floor of the heat map and on its bright walls alike.
    let line = PAPER.mix(0.55).stroke_width(map.px(1.0).max(1.0) as u32);
    let rim = INK.mix(0.6).stroke_width(1);
    let dot = map.px(2.5) as i32;
    let mut drawn = 0;
    for sample in samples
        .iter()
        .filter(|d| d[0].is_finite() && d[1].is_finite())
    {
        let tip = at_scale(*sample);
        root.draw(&PathElement::new(vec![start, tip], line))
            .and_then(|_| root.draw(&Circle::new(tip, dot, PAPER.filled())))
            .and_then(|_| root.draw(&Circle::new(tip, dot, rim)))
            .map_err(|e| e.to_string())?;
        drawn += 1;
    }
    let ring = map.px(4.5) as i32;
    let full_tip = at_scale(full);
    root.draw(&Circle::new(full_tip, ring, PAPER.filled()))
        .and_then(|_| {
            root.draw(&Circle::new(
                full_tip,
                ring,
                INK.stroke_width(map.px(1.5) as u32),
            ))
        })
        .map_err(|e| e.to_string())?;
    let _ = map.canvas.set_attribute("data-cloud", &drawn.to_string());
    Ok(())
}
