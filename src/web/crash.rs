//! A panic shows a banner in the page (with a link back to the default scene) instead of a frozen canvas.

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use super::dom;

/// The fragment pair that makes the first animation frame panic on purpose: a test hook for the banner.
///
/// Compiled into every build, release included, because the end-to-end tests can only check the banner in the
/// release `dist/` that people get (a debug-only or feature-gated hook would test a different binary, and the
/// wasm-bindgen units cannot show that the release build's panic hook runs before wasm traps). It is harmless
/// in the wild: it only stops the page it is in and shows the same banner and reset link as a real bug, and
/// links never produce it (the share codec ignores the unknown key and drops it from the links it writes).
const CRASH_TEST_PAIR: &str = "crash-test=1";

pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        web_sys::console::error_1(&message.as_str().into());
        show(&message);
    }));
}

/// Whether the fragment (with or without `#`) asks for [`panic_for_test`].
pub fn test_requested(fragment: &str) -> bool {
    fragment
        .trim_start_matches('#')
        .split('&')
        .any(|pair| pair == CRASH_TEST_PAIR)
}

/// Panics inside a wasm callback (the frame loop calls it), exactly as an internal error would.
pub fn panic_for_test() -> ! {
    panic!("internal error forced by the #{CRASH_TEST_PAIR} test hook");
}

/// Reveals the crash banner; uses no Rust state, so it works even while the app's state is borrowed.
///
/// The first message stays: after a panic the app's state is left borrowed, so later events panic again
/// ("already borrowed"), and those echoes must not hide the cause.
pub fn show(message: &str) {
    let Ok(document) = dom::document() else {
        return;
    };
    let Some(banner) = document
        .get_element_by_id("crash")
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    else {
        return;
    };
    if !banner.hidden() {
        return;
    }
    if let Some(text) = document.get_element_by_id("crash-message") {
        dom::set_text(&text, message);
    }
    banner.set_hidden(false);
}
