//! The surface controls: preset list, formula box, the formula error with a caret, and the notice bar.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

use super::dom;
use super::ui::Ui;
use crate::analysis::Continuum;
use crate::data::DATASET_PRESETS;
use crate::formula::{caret_lines, FormulaError};
use crate::presets::PRESETS;
use crate::share::{LinkNotice, SurfaceChoice};

/// The select's value for a typed formula.
const CUSTOM: &str = "custom";

/// The menu's entries by name (their words come from [`relabel_presets`]): presets, the training sets,
/// then "your own formula".
pub fn fill_presets(ui: &Ui) -> Result<(), JsValue> {
    for preset in PRESETS {
        option(&ui.preset, preset.name)?;
    }
    // Losses defined by training data get a group of their own: only there does SGD see real batches.
    let data_group: Element = dom::create("optgroup")?;
    for preset in DATASET_PRESETS {
        option(&data_group, preset.name)?;
    }
    ui.preset.append_child(&data_group)?;
    option(&ui.preset, CUSTOM)?;
    relabel_presets(ui)
}

/// Appends an entry for `value` to the menu or group `parent`.
fn option(parent: &Element, value: &str) -> Result<(), JsValue> {
    let option: Element = dom::create("option")?;
    option.set_attribute("value", value)?;
    parent.append_child(&option)?;
    Ok(())
}

/// Every menu entry, the training sets' group and the chosen surface's description in the language on screen.
pub fn relabel_presets(ui: &Ui) -> Result<(), JsValue> {
    let options = ui.preset.query_selector_all("option")?;
    for i in 0..options.length() {
        let Some(option) = options.item(i).and_then(|o| o.dyn_into::<Element>().ok()) else {
            continue;
        };
        let name = option.get_attribute("value").unwrap_or_default();
        let title = match ui.words.preset(&name) {
            Some(text) => text.title,
            None => ui.words.labels.own_formula,
        };
        dom::set_text(&option, title);
    }
    if let Some(group) = ui.preset.query_selector("optgroup")? {
        group.set_attribute("label", ui.words.labels.data_presets_group)?;
    }
    show_description(ui);
    Ok(())
}

/// The chosen preset's description under the menu; none for a typed formula.
fn show_description(ui: &Ui) {
    let description = ui
        .words
        .preset(&ui.preset.value())
        .map_or("", |text| text.description);
    dom::set_text(&ui.preset_description, description);
}

/// The menu and formula box showing `choice`. A data-defined loss has no formula: the formula box is
/// emptied (typing one switches back to formulas).
pub fn show_surface(ui: &Ui, choice: &SurfaceChoice) {
    let (name, formula) = match choice {
        SurfaceChoice::Preset(preset) => (preset.name, preset.formula),
        SurfaceChoice::Dataset(preset) => (preset.name, ""),
        SurfaceChoice::Expr(formula) => return show_custom(ui, formula.source()),
    };
    ui.preset.set_value(name);
    show_description(ui);
    ui.formula.set_value(formula);
    show_formula_error(ui, formula, None);
}

pub fn show_custom(ui: &Ui, text: &str) {
    ui.preset.set_value(CUSTOM);
    show_description(ui);
    if ui.formula.value() != text {
        ui.formula.set_value(text);
    }
}

/// Shows the core's message and a monospace copy of the formula with `^` under the column (or hides both).
pub fn show_formula_error(ui: &Ui, text: &str, error: Option<&FormulaError>) {
    let Some(error) = error else {
        ui.formula_error.set_hidden(true);
        dom::report(ui.formula.remove_attribute("aria-invalid"));
        return;
    };
    dom::set_text(&ui.formula_caret, &caret_lines(text, error.column));
    dom::set_text(&ui.formula_message, &(ui.words.formula_error)(error));
    dom::report(
        ui.formula_error
            .set_attribute("data-column", &error.column.to_string()),
    );
    dom::report(ui.formula.set_attribute("aria-invalid", "true"));
    ui.formula_error.set_hidden(false);
}

/// The note over the map while the typed formula has an error: the map and the link keep `shown`, the last
/// valid surface, until it is fixed (`None` hides the note).
pub fn show_stale_map(ui: &Ui, shown: Option<&SurfaceChoice>) {
    let Ok(note) = dom::by_id::<web_sys::HtmlElement>("stale-map") else {
        return;
    };
    note.set_hidden(shown.is_none());
    let described = match shown {
        Some(SurfaceChoice::Expr(formula)) => format!("L = {}", formula.source()),
        Some(SurfaceChoice::Preset(preset)) => format!("L = {}", preset.formula),
        Some(SurfaceChoice::Dataset(preset)) => ui
            .words
            .preset(preset.name)
            .map_or_else(|| preset.name.to_string(), |text| text.title.to_string()),
        None => return,
    };
    dom::set_text(&note, &(ui.words.stale_map)(&described));
}

/// Notices from a malformed link, as plain text in the notice bar, in the language on screen.
pub fn show_notices(ui: &Ui, notices: &[LinkNotice]) -> Result<(), JsValue> {
    ui.notices.set_hidden(notices.is_empty());
    dom::set_text(&ui.notices, "");
    let list: web_sys::Element = dom::create("ul")?;
    for notice in notices {
        let item: web_sys::Element = dom::create("li")?;
        dom::set_text(&item, &notice.worded(ui.words));
        list.append_child(&item)?;
    }
    ui.notices.append_child(&list)?;
    Ok(())
}

/// Critical points that form a curve or region are not marked one by one; the map says so in words.
pub fn show_continuum(ui: &Ui, continuum: Option<&Continuum>) {
    ui.continuum.set_hidden(continuum.is_none());
    if let Some(continuum) = continuum {
        dom::set_text(&ui.continuum, &ui.words.continuum_hint(continuum));
    }
}

/// Shows (or hides) the notice that a long formula is drawn with less detail; see `render::is_long`.
/// Its words are the page's `long_formula` label (`data-i18n`), translated with the rest of the page.
pub fn show_long_formula(long: bool) {
    if let Ok(notice) = dom::by_id::<web_sys::HtmlElement>("long-formula") {
        notice.set_hidden(!long);
    }
}
