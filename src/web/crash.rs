//! A panic shows a banner in the page (with a link back to the default scene) instead of a frozen canvas.

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use super::dom;

pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        web_sys::console::error_1(&message.as_str().into());
        show(&message);
    }));
}

/// Reveals the crash banner; uses no Rust state, so it works even while the app's state is borrowed.
pub fn show(message: &str) {
    let Ok(document) = dom::document() else {
        return;
    };
    if let Some(text) = document.get_element_by_id("crash-message") {
        dom::set_text(&text, message);
    }
    if let Some(banner) = document
        .get_element_by_id("crash")
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    {
        banner.set_hidden(false);
    }
}
