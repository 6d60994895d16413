//! Presentation mode (the header's button, the p key, `present=1` in a link): the map large beside the
//! verdict and the race, the page's type and the charts' labels half as large again, no page scrolling
//! (the layout is the stylesheet's, under `html.present`), and fullscreen where the browser allows it.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::app::{App, SharedApp};
use super::dom;

/// How much larger the charts' text and lines are drawn while presenting: the page's 24 px type over its
/// usual 16 px.
const PRESENT_TEXT_ZOOM: f64 = 1.5;

/// The page as `app.present` says: the root element's class, the button's state, the charts' text size.
pub fn apply(app: &mut App) {
    let present = app.present;
    if let Some(root) = dom::document().ok().and_then(|d| d.document_element()) {
        dom::report(root.class_list().toggle_with_force("present", present));
    }
    dom::report(
        app.ui
            .present
            .set_attribute("aria-pressed", if present { "true" } else { "false" }),
    );
    let zoom = if present { PRESENT_TEXT_ZOOM } else { 1.0 };
    app.map.text_zoom = zoom;
    app.plots.text_zoom = zoom;
}

/// A person asked for presentation mode on or off (the button or the key): fullscreen follows, where the
/// browser grants it.
pub fn toggle(app: &mut App, on: bool) {
    if on == app.present {
        return;
    }
    app.set_presentation(on);
    let Ok(document) = dom::document() else {
        return;
    };
    if on {
        if let Some(root) = document.document_element() {
            app.fullscreen_for_presentation =
                call_ignoring_refusal(root.as_ref(), "requestFullscreen");
        }
    } else if std::mem::take(&mut app.fullscreen_for_presentation)
        && document.fullscreen_element().is_some()
    {
        app.leaving_fullscreen = call_ignoring_refusal(document.as_ref(), "exitFullscreen");
    }
}

/// The button, and leaving fullscreen (Esc, the browser's own control) ends the presentation it began.
pub fn wire(app: &SharedApp) -> Result<(), JsValue> {
    let button = app.borrow().ui.present.clone();
    let pressed = app.clone();
    dom::listen(&button, "click", move |_: web_sys::Event| {
        let mut app = pressed.borrow_mut();
        let on = !app.present;
        toggle(&mut app, on);
    })?;
    let left = app.clone();
    dom::listen(
        dom::document()?.as_ref(),
        "fullscreenchange",
        move |_: web_sys::Event| {
            let mut app = left.borrow_mut();
            let still = dom::document().is_ok_and(|d| d.fullscreen_element().is_some());
            if still || std::mem::take(&mut app.leaving_fullscreen) {
                return;
            }
            if std::mem::take(&mut app.fullscreen_for_presentation) && app.present {
                app.set_presentation(false);
            }
        },
    )
}

/// Calls `target.method()`, a fullscreen call that returns a promise, and drops its refusal (a browser
/// without the permission, or without fullscreen at all, is not an error of the page). Returns whether the
/// browser has the method.
fn call_ignoring_refusal(target: &JsValue, method: &str) -> bool {
    let function = js_sys::Reflect::get(target, &JsValue::from_str(method))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let Some(function) = function else {
        return false;
    };
    if let Ok(promise) = function
        .call0(target)
        .and_then(|result| result.dyn_into::<js_sys::Promise>())
    {
        let refused = Closure::once(|_: JsValue| {});
        let _ = promise.catch(&refused);
        refused.forget();
    }
    true
}
