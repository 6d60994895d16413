//! Mini-batch noise on a data-defined loss: the SGD check-box, batch size B and seed, the race's defaults
//! there, and on the lecture's network on data its extra input's switch and the escape times from θ′. (The cloud of mini-batch gradients at θ′ is the core's: `scene::point_cloud`, drawn by
//! `charts::draw_gradient_cloud` in the overlay.)

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Event, HtmlElement, HtmlInputElement};

use super::app::{App, SharedApp};
use super::{dom, race_panel};
use crate::data::{DatasetPreset, TrainingData, DATASET_PRESETS};
use crate::optim::{Hyperparameters, OptimizerKind};
use crate::scene::SceneSurface;
use crate::share::{Scene, SurfaceChoice};

/// Shows SGD and its knobs only on a loss with training data; there B runs from 1 to N.
pub fn show_controls(app: &App) {
    let data = app.surface.loss.data();
    dom::report((|| -> Result<(), JsValue> {
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
        // The extra input's switch and the escape times: on the lecture's network on data only.
        let lecture_data = extra_input(app);
        dom::by_id::<HtmlElement>("escape-controls")?.set_hidden(lecture_data.is_none());
        if let Some(with_z) = lecture_data {
            dom::by_id::<HtmlInputElement>("extra-input")?.set_checked(with_z);
        }
        show_escape_times(app);
        show_values(app)
    })());
}

/// On the lecture's network on data, whether its training set has the signal-free input z.
fn extra_input(app: &App) -> Option<bool> {
    match app.surface.choice {
        SurfaceChoice::Dataset(DatasetPreset {
            data: TrainingData::Network { distractor, .. },
            ..
        }) => Some(*distractor),
        _ => None,
    }
}

/// The same training set with the extra input switched `on` or off (`lecture-data` and `lecture-data-plain`).
fn with_extra_input(app: &App, on: bool) -> Option<SceneSurface> {
    let SurfaceChoice::Dataset(preset) = app.surface.choice else {
        return None;
    };
    let TrainingData::Network { noise, .. } = preset.data else {
        return None;
    };
    DATASET_PRESETS
        .iter()
        .find(|other| {
            other.points == preset.points
                && other.seed == preset.seed
                && other.data
                    == TrainingData::Network {
                        noise,
                        distractor: on,
                    }
        })
        .map(|other| SceneSurface::of(SurfaceChoice::Dataset(other)))
}

/// The escape times' table once the worker has measured them (hidden until then, and on another scene).
pub fn show_escape_times(app: &App) {
    dom::report((|| -> Result<(), JsValue> {
        let table: HtmlElement = dom::by_id("escape-table")?;
        let Some(measured) = &app.escape_times.table else {
            table.set_hidden(true);
            return Ok(());
        };
        let words = app.ui.words;
        let steps = |s: Option<usize>| {
            s.map_or_else(|| words.labels.not_escaped.to_string(), |n| n.to_string())
        };
        let rows: Element = dom::by_id("escape-rows")?;
        dom::set_text(&rows, "");
        let batch_rows = measured
            .sgd
            .iter()
            .map(|&(batch, median)| (format!("B = {batch}"), steps(median)));
        for (batch, count) in [(
            words.labels.full_batch.to_string(),
            steps(measured.full_batch),
        )]
        .into_iter()
        .chain(batch_rows)
        {
            let row: Element = dom::create("tr")?;
            for text in [batch, count] {
                let cell: Element = dom::create("td")?;
                dom::set_text(&cell, &text);
                row.append_child(&cell)?;
            }
            rows.append_child(&row)?;
        }
        table.set_hidden(false);
        Ok(())
    })());
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
    let kinds = if let SurfaceChoice::Dataset(preset) = app.surface.choice {
        // The preset's own η: the one its description's races use (at the page's default 0.01 gradient descent
        // takes about a thousand steps to reach the lecture's saddle; on sharp-and-flat 0.1 is unstable).
        app.set_hyperparameters(Hyperparameters {
            learning_rate: preset.learning_rate,
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
    let toggle: HtmlInputElement = dom::by_id("extra-input")?;
    let read = toggle.clone();
    let on_toggle = app.clone();
    dom::listen(&toggle, "change", move |_: Event| {
        let mut a = on_toggle.borrow_mut();
        if let Some(surface) = with_extra_input(&a, read.checked()) {
            a.swap_data(surface);
        }
    })?;
    let measure: HtmlElement = dom::by_id("escape-times")?;
    let on_measure = app.clone();
    dom::listen(&measure, "click", move |_: Event| {
        dom::report(on_measure.borrow_mut().measure_escape_times());
    })?;
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
            dom::report(show_values(&a));
        })?;
    }
    Ok(())
}
