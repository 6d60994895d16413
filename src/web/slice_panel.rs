//! The inspector's 1-D slice through θ′: the direction slider and its shortcuts (u₁, u₂, x, y). The slice
//! itself is the core's (`analysis::slice`), drawn by `charts::draw_slice_chart` with the other charts, and
//! its line across the map by the overlay.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Event, HtmlElement, HtmlInputElement};

use super::app::{App, SharedApp};
use super::dom;
use crate::analysis::SliceDirection;

/// Shows the panel while there is a θ′, with its slice's direction on the slider and beside it, in degrees
/// from the x axis.
pub fn show(app: &App) {
    if let Ok(panel) = dom::by_id::<HtmlElement>("slice-panel") {
        panel.set_hidden(app.point.is_none());
    }
    let Some(point) = &app.point else {
        return;
    };
    let degrees = app.slice.degrees(point);
    dom::report((|| -> Result<(), JsValue> {
        let slider: HtmlInputElement = dom::by_id("slice-angle")?;
        slider.set_value(&degrees.round().to_string());
        let shown: Element = dom::by_id("slice-angle-value")?;
        dom::set_text(&shown, &format!("{}°", degrees.round()));
        Ok(())
    })());
}

pub fn wire(app: &SharedApp) -> Result<(), JsValue> {
    let slider: HtmlInputElement = dom::by_id("slice-angle")?;
    let read = slider.clone();
    let on_slide = app.clone();
    dom::listen(&slider, "input", move |_: Event| {
        if let Ok(degrees) = read.value().parse::<f64>() {
            on_slide
                .borrow_mut()
                .set_slice(SliceDirection::Degrees(degrees));
        }
    })?;
    let buttons = dom::document()?.query_selector_all("button[data-slice]")?;
    for i in 0..buttons.length() {
        let Some(button) = buttons.item(i) else {
            continue;
        };
        let app = app.clone();
        dom::listen(&button, "click", move |event: Event| {
            let direction = event
                .current_target()
                .and_then(|t| t.dyn_into::<HtmlElement>().ok())
                .and_then(|b| b.get_attribute("data-slice"));
            let direction = match direction.as_deref() {
                Some("u1") => SliceDirection::Eigenvector(0),
                Some("u2") => SliceDirection::Eigenvector(1),
                Some("y") => SliceDirection::Degrees(90.0),
                _ => SliceDirection::Degrees(0.0),
            };
            app.borrow_mut().set_slice(direction);
        })?;
    }
    Ok(())
}
