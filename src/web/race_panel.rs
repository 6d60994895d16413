//! The race controls (optimizer check-boxes, η/β/speed sliders), the status table and the map legend.

use wasm_bindgen::JsValue;
use web_sys::{Element, HtmlElement, HtmlInputElement};

use super::app::App;
use super::dom;
use super::palette::{
    critical_marker, css, eigen_colour, legend_entry, optimizer_colour, MARKED_KINDS,
};
use crate::charts::palette::{text_on, INK};
use crate::data::TrainingLoss;
use crate::optim::{learning_rate_slider, OptimizerKind};
use crate::surface::LossSurface;

/// One check-box per optimizer; sliders set to the scene's values.
pub fn build(app: &mut App) -> Result<(), JsValue> {
    let panel = &app.ui.race;
    for kind in OptimizerKind::ALL {
        let label: Element = dom::create("label")?;
        label.set_class_name("optimizer");
        // Mini-batch SGD needs training data; `batch::show_controls` hides it on a formula, where it
        // would only repeat gradient descent.
        if kind.samples_batches() {
            label.set_attribute("data-needs-data", "")?;
        }
        let check: HtmlInputElement = dom::create("input")?;
        check.set_type("checkbox");
        check.set_value(kind.name());
        check.set_checked(app.race.kinds.contains(&kind));
        let swatch = badge(kind)?;
        let name: Element = dom::create("span")?;
        name.set_class_name("optimizer-name");
        dom::set_text(&name, app.ui.words.optimizer(kind));
        label.append_child(&check)?;
        label.append_child(&swatch)?;
        label.append_child(&name)?;
        panel.optimizer_list.append_child(&label)?;
    }
    show_sliders(app);
    update_legend(app);
    Ok(())
}

pub fn show_sliders(app: &App) {
    let panel = &app.ui.race;
    let hyper = app.race.hyper;
    panel
        .learning_rate
        .set_value(&learning_rate_slider(hyper.learning_rate).to_string());
    let words = app.ui.words;
    dom::set_text(
        &panel.learning_rate_value,
        &words.number(hyper.learning_rate),
    );
    panel.beta.set_value(&hyper.beta.to_string());
    dom::set_text(&panel.beta_value, &words.number(hyper.beta));
    dom::set_text(&panel.speed_value, &words.number(app.race.steps_per_second));
}

/// Ticks exactly the boxes of `app.race.kinds` (after a new scene is loaded).
pub fn show_checks(app: &App) {
    for_each_check(app, |check, kind| {
        check.set_checked(app.race.kinds.contains(&kind))
    });
}

/// Names the optimizers in the language on screen.
pub fn relabel_optimizers(app: &App) {
    for_each_check(app, |check, kind| {
        if let Some(name) = check
            .parent_element()
            .and_then(|label| label.query_selector(".optimizer-name").ok().flatten())
        {
            dom::set_text(&name, app.ui.words.optimizer(kind));
        }
    });
}

fn for_each_check(app: &App, mut visit: impl FnMut(&HtmlInputElement, OptimizerKind)) {
    let Ok(boxes) = app
        .ui
        .race
        .optimizer_list
        .query_selector_all("input[type=checkbox]")
    else {
        return;
    };
    for i in 0..boxes.length() {
        let check = boxes
            .item(i)
            .and_then(|n| wasm_bindgen::JsCast::dyn_into::<HtmlInputElement>(n).ok());
        if let Some((check, kind)) =
            check.and_then(|c| OptimizerKind::from_name(&c.value()).map(|k| (c, k)))
        {
            visit(&check, kind);
        }
    }
}

/// The optimizers whose boxes are ticked, in the core's order.
pub fn checked_optimizers(app: &App) -> Vec<OptimizerKind> {
    let mut kinds = Vec::new();
    for_each_check(app, |check, kind| {
        if check.checked() {
            kinds.push(kind);
        }
    });
    kinds
}

/// The optimizer's colour with its letters, as its run is marked on the map (`OptimizerKind::badge`).
fn badge(kind: OptimizerKind) -> Result<HtmlElement, JsValue> {
    let badge: HtmlElement = dom::create("span")?;
    badge.set_class_name("swatch badge");
    let colour = optimizer_colour(kind);
    badge.style().set_property("background", &css(colour))?;
    badge.style().set_property("color", &css(text_on(colour)))?;
    dom::report(badge.set_attribute("aria-hidden", "true"));
    dom::set_text(&badge, kind.badge());
    Ok(badge)
}

/// The play button's word and one status row per run. Rows are rewritten in place while the same
/// optimizers race (every frame of a race), and rebuilt only when the set of runs changes: creating rows
/// each frame would make the browser lay the panel out afresh every frame.
pub fn update_status(app: &App) -> Result<(), JsValue> {
    let panel = &app.ui.race;
    let words = app.ui.words;
    dom::set_text(
        &panel.play,
        if app.race.playing {
            words.labels.pause
        } else {
            words.labels.play
        },
    );
    // On a loss with a test set, each run's L_test where it stands (the lecture's point about sharp minima).
    let test = app.surface.loss.data().and_then(TrainingLoss::test_loss);
    let rows = panel.status.children();
    let same_runs = rows.length() as usize == app.race.runs.len()
        && app.race.runs.iter().enumerate().all(|(index, run)| {
            rows.item(index as u32)
                .and_then(|row| row.get_attribute("data-optimizer"))
                .as_deref()
                == Some(run.kind().name())
        });
    if !same_runs {
        dom::set_text(&panel.status, "");
        for run in &app.race.runs {
            panel
                .status
                .append_child(status_row(run.kind())?.as_ref())?;
        }
    }
    for (index, run) in app.race.runs.iter().enumerate() {
        let Some(row) = rows.item(index as u32) else {
            continue;
        };
        row.set_attribute("data-status", run.status().name())?;
        row.set_attribute("data-steps", &run.steps().to_string())?;
        let loss = run.losses().last().copied();
        match loss {
            Some(loss) => row.set_attribute("data-loss", &loss.to_string())?,
            None => row.remove_attribute("data-loss")?,
        }
        // How close the run is to a critical point: training stalls where this is almost 0.
        let gradient_norm = app.surface.loss.derivatives(run.position()).gradient_norm();
        row.set_attribute("data-gradient-norm", &gradient_norm.to_string())?;
        let cells = row.children();
        // The name cell: the swatch, then the run's words (its name, then its status), as `status_row` made it.
        let lines = cells
            .item(0)
            .and_then(|cell| cell.first_element_child())
            .and_then(|run| run.last_element_child())
            .map(|words| words.children());
        let texts = [
            (
                lines.as_ref().and_then(|lines| lines.item(0)),
                words.optimizer(run.kind()).to_string(),
            ),
            (
                lines.as_ref().and_then(|lines| lines.item(1)),
                words.race_status(run, app.race.playing).to_string(),
            ),
            (cells.item(1), run.steps().to_string()),
            (
                cells.item(2),
                match (loss, test) {
                    (None, _) => "—".to_string(),
                    (Some(loss), None) => words.number(loss),
                    (Some(loss), Some(test)) => (words.train_and_test)(
                        &words.number(loss),
                        &words.number(test.value(run.position())),
                    ),
                },
            ),
            (cells.item(3), words.number(gradient_norm)),
        ];
        for (target, text) in texts {
            if let Some(target) = target {
                dom::set_text(&target, &text);
            }
        }
    }
    Ok(())
}

/// An empty status row for one optimizer: its badge beside its name with the run's status under it, then
/// the step, loss and ‖∇L‖ cells.
fn status_row(kind: OptimizerKind) -> Result<Element, JsValue> {
    let row: Element = dom::create("tr")?;
    row.set_attribute("data-optimizer", kind.name())?;
    let swatch = badge(kind)?;
    let words: Element = dom::create("span")?;
    for class in ["run-name", "run-status"] {
        let line: Element = dom::create("span")?;
        line.set_class_name(class);
        words.append_child(&line)?;
    }
    let run: Element = dom::create("div")?;
    run.set_class_name("run");
    run.append_child(&swatch)?;
    run.append_child(&words)?;
    let name_cell: Element = dom::create("td")?;
    name_cell.append_child(&run)?;
    row.append_child(&name_cell)?;
    for _ in 0..3 {
        row.append_child(dom::create::<Element>("td")?.as_ref())?;
    }
    Ok(row)
}

/// The map's legend for what the map shows: the symbols of the kinds of critical point marked in view, the
/// arrows at θ′ when there is one (∇L uphill; eigenvectors by the sign of λ), then the racing optimizers'
/// badges, as their runs are marked. Short, so it fits under the map in the focused layouts.
pub fn update_legend(app: &App) {
    let legend = &app.ui.map_legend;
    let words = app.ui.words;
    dom::set_text(legend, "");
    let arrows = app.point.is_some();
    dom::report(legend.set_attribute("data-arrows", if arrows { "true" } else { "false" }));
    dom::report((|| -> Result<(), JsValue> {
        let marked = MARKED_KINDS
            .into_iter()
            .filter(|kind| app.critical.points.iter().any(|p| p.kind == *kind));
        for kind in marked {
            if let (Some((marker, colour)), Some(label)) =
                (critical_marker(kind), (words.marked_kind)(kind))
            {
                let mark = symbol(marker.glyph(), &css(colour))?;
                legend_entry(legend, &mark, label)?.set_attribute("data-group", "kind")?;
            }
        }
        let labels = &words.labels;
        let keys = [
            (INK, labels.key_gradient),
            (eigen_colour(-1.0), labels.key_eigen_negative),
            (eigen_colour(1.0), labels.key_eigen_positive),
        ];
        for (colour, label) in keys.into_iter().filter(|_| arrows) {
            legend_entry(legend, &symbol("➜", &css(colour))?, label)?
                .set_attribute("data-group", "arrow")?;
        }
        for kind in &app.race.kinds {
            legend_entry(legend, &badge(*kind)?, words.optimizer(*kind))?
                .set_attribute("data-group", "run")?;
        }
        Ok(())
    })());
}

/// The legend again when θ′ appeared or went (its arrows' key comes and goes with it).
pub fn update_legend_for_point(app: &App) {
    let shows_arrows = app.ui.map_legend.get_attribute("data-arrows").as_deref() == Some("true");
    if shows_arrows != app.point.is_some() {
        update_legend(app);
    }
}

/// A legend's symbol: `glyph` in `colour`.
fn symbol(glyph: &str, colour: &str) -> Result<HtmlElement, JsValue> {
    let mark: HtmlElement = dom::create("span")?;
    mark.set_class_name("legend-symbol");
    mark.style().set_property("color", colour)?;
    dom::set_text(&mark, glyph);
    Ok(mark)
}
