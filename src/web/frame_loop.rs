//! The requestAnimationFrame loop, driven from Rust.

use wasm_bindgen::JsValue;

use super::app::SharedApp;
use super::{crash, dom};

/// Longest frame gap the clocks honour: a tab coming back from the background must not fast-forward the race.
const MAX_FRAME_SECONDS: f64 = 0.25;

pub fn start(app: SharedApp) -> Result<(), JsValue> {
    // The first frame is drawn now rather than at the next vsync, so the page's first paint after the app
    // mounts already shows the map (waiting for the first animation frame cost up to a few dozen ms at load).
    app.borrow_mut().draw_now()?;
    let mut previous_ms = Some(dom::now_ms()?);
    dom::animate(
        move |now_ms| {
            let elapsed = previous_ms.map_or(0.0, |p| {
                ((now_ms - p) / 1000.0).clamp(0.0, MAX_FRAME_SECONDS)
            });
            previous_ms = Some(now_ms);
            app.borrow_mut().frame(now_ms, elapsed)
        },
        |error| crash::show(&dom::describe(&error)),
    )
}
