//! Colours and symbols on the map come from the core's palette, so the page and `saddle render` figures agree.

use plotters::style::RGBColor;
use wasm_bindgen::JsValue;
use web_sys::{Element, HtmlElement};

use super::dom;

pub use crate::charts::palette::{critical_marker, eigen_colour, optimizer_colour, MARKED_KINDS};

/// The CSS form of a colour, for legends and swatches.
pub fn css(colour: RGBColor) -> String {
    format!("#{:02x}{:02x}{:02x}", colour.0, colour.1, colour.2)
}

/// A small square of `colour`, for the optimizer list, the race table and the legends.
pub fn swatch(colour: RGBColor) -> Result<HtmlElement, JsValue> {
    let swatch: HtmlElement = dom::create("span")?;
    swatch.set_class_name("swatch");
    swatch.style().set_property("background", &css(colour))?;
    Ok(swatch)
}

/// Appends a legend entry to `legend`: `mark` (a swatch, or a symbol in its colour), then `name`.
pub fn legend_entry(legend: &Element, mark: &HtmlElement, name: &str) -> Result<Element, JsValue> {
    let entry: Element = dom::create("span")?;
    entry.set_class_name("legend-entry");
    let label: Element = dom::create("span")?;
    dom::set_text(&label, name);
    entry.append_child(mark)?;
    entry.append_child(&label)?;
    legend.append_child(&entry)?;
    Ok(entry)
}
