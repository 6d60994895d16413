//! The surface controls: preset list, formula box, the formula error with a caret, and the notice bar.

use wasm_bindgen::JsValue;
use web_sys::HtmlOptionElement;

use super::dom;
use super::ui::Ui;
use crate::analysis::Continuum;
use crate::experiments::{DatasetPreset, DATASET_PRESETS};
use crate::formula::FormulaError;
use crate::presets::{Preset, PRESETS};
use crate::share::LinkNotice;

/// The select's value for a typed formula.
const CUSTOM: &str = "custom";
/// Characters of formula shown on each side of an error's column: long pastes stay readable.
const CARET_CONTEXT: usize = 40;
const DATA_GROUP_LABEL: &str = "Data-defined losses";

pub fn fill_presets(ui: &Ui) -> Result<(), JsValue> {
    for preset in PRESETS {
        let option: HtmlOptionElement = dom::create("option")?;
        option.set_value(preset.name);
        dom::set_text(&option, preset.title);
        ui.preset.append_child(&option)?;
    }
    // Losses defined by training data get a group of their own: only there does SGD see real batches.
    let data_group: web_sys::Element = dom::create("optgroup")?;
    data_group.set_attribute("label", DATA_GROUP_LABEL)?;
    for preset in DATASET_PRESETS {
        let option: HtmlOptionElement = dom::create("option")?;
        option.set_value(preset.name);
        dom::set_text(&option, preset.title);
        data_group.append_child(&option)?;
    }
    ui.preset.append_child(&data_group)?;
    let custom: HtmlOptionElement = dom::create("option")?;
    custom.set_value(CUSTOM);
    dom::set_text(&custom, ui.words.labels.own_formula);
    ui.preset.append_child(&custom)?;
    Ok(())
}

/// The "your own formula" entry in the language on screen.
pub fn relabel_custom(ui: &Ui) {
    if let Some(option) = ui.preset.named_item(CUSTOM) {
        dom::set_text(&option, ui.words.labels.own_formula);
    }
}

pub fn show_preset(ui: &Ui, preset: &Preset) {
    ui.preset.set_value(preset.name);
    dom::set_text(&ui.preset_description, preset.description);
    ui.formula.set_value(preset.formula);
    show_formula_error(ui, preset.formula, None);
}

/// A data-defined loss has no formula: the formula box is emptied (typing one switches back to formulas).
pub fn show_dataset_preset(ui: &Ui, preset: &DatasetPreset) {
    ui.preset.set_value(preset.name);
    dom::set_text(&ui.preset_description, preset.description);
    ui.formula.set_value("");
    show_formula_error(ui, "", None);
}

pub fn show_custom(ui: &Ui, text: &str) {
    ui.preset.set_value(CUSTOM);
    dom::set_text(&ui.preset_description, "");
    if ui.formula.value() != text {
        ui.formula.set_value(text);
    }
}

/// Shows the core's message and a monospace copy of the formula with `^` under the column (or hides both).
pub fn show_formula_error(ui: &Ui, text: &str, error: Option<&FormulaError>) {
    let Some(error) = error else {
        ui.formula_error.set_hidden(true);
        let _ = ui.formula.remove_attribute("aria-invalid");
        return;
    };
    dom::set_text(&ui.formula_caret, &caret_lines(text, error.column));
    dom::set_text(&ui.formula_message, &(ui.words.formula_error)(error));
    let _ = ui
        .formula_error
        .set_attribute("data-column", &error.column.to_string());
    let _ = ui.formula.set_attribute("aria-invalid", "true");
    ui.formula_error.set_hidden(false);
}

/// Two lines: the formula around `column` (1-based characters) and a caret under that column.
pub fn caret_lines(text: &str, column: usize) -> String {
    let characters: Vec<char> = text.chars().collect();
    let index = column.saturating_sub(1);
    let start = index.saturating_sub(CARET_CONTEXT);
    let end = (index + CARET_CONTEXT).min(characters.len());
    let prefix = if start > 0 { "…" } else { "" };
    let suffix = if end < characters.len() { "…" } else { "" };
    let excerpt: String = characters
        .get(start..end)
        .unwrap_or_default()
        .iter()
        .collect();
    let pad = prefix.chars().count() + (index - start);
    format!("{prefix}{excerpt}{suffix}\n{}^", " ".repeat(pad))
}

/// Notices from a malformed link, as plain text in the notice bar, in the language on screen.
pub fn show_notices(ui: &Ui, notices: &[LinkNotice]) -> Result<(), JsValue> {
    ui.notices.set_hidden(notices.is_empty());
    dom::set_text(&ui.notices, "");
    let list: web_sys::Element = dom::create("ul")?;
    for notice in notices {
        let item: web_sys::Element = dom::create("li")?;
        dom::set_text(&item, &(ui.words.link_notice)(notice));
        list.append_child(&item)?;
    }
    ui.notices.append_child(&list)?;
    Ok(())
}

/// Critical points that form a curve or region are not marked one by one; the map says so in words.
pub fn show_continuum(ui: &Ui, continuum: Option<&Continuum>) {
    ui.continuum.set_hidden(continuum.is_none());
    if let Some(continuum) = continuum {
        dom::set_text(
            &ui.continuum,
            &format!("{} {}.", ui.words.labels.not_marked, continuum.description),
        );
    }
}

/// Shows (or hides) the notice that a long formula is drawn with less detail; see `map_view::is_long`.
/// Its words are the page's `long_formula` label (`data-i18n`), translated with the rest of the page.
pub fn show_long_formula(long: bool) {
    if let Ok(notice) = dom::by_id::<web_sys::HtmlElement>("long-formula") {
        notice.set_hidden(!long);
    }
}
