//! The map's check-boxes: "Taylor model" (dashed contours around θ′), "Curvature map" and "Basins of attraction".

use wasm_bindgen::JsValue;
use web_sys::HtmlInputElement;

use super::app::{App, SharedApp};
use super::dom;
use crate::render::MapMode;

pub fn wire(app: &SharedApp) -> Result<(), JsValue> {
    on_toggle(app, "taylor-toggle", App::set_taylor)?;
    // The colourings exclude each other: ticking one unticks the other, unticking returns to L's colours.
    on_toggle(app, "curvature-toggle", |app, on| {
        app.set_map_mode(if on {
            MapMode::Curvature
        } else {
            MapMode::Loss
        })
    })?;
    on_toggle(app, "basins-toggle", |app, on| {
        app.set_map_mode(if on { MapMode::Basins } else { MapMode::Loss })
    })
}

/// Runs `apply` with the box's new state whenever the check-box `id` changes.
fn on_toggle(app: &SharedApp, id: &str, apply: fn(&mut App, bool)) -> Result<(), JsValue> {
    let toggle: HtmlInputElement = dom::by_id(id)?;
    let checked = toggle.clone();
    let app = app.clone();
    dom::listen(&toggle, "change", move |_: web_sys::Event| {
        apply(&mut app.borrow_mut(), checked.checked())
    })
}
