//! The requestAnimationFrame loop, driven from Rust.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::app::SharedApp;
use super::{crash, dom};

type FrameCallback = Closure<dyn FnMut(f64)>;

/// Longest frame gap the clocks honour: a tab coming back from the background must not fast-forward the race.
const MAX_FRAME_SECONDS: f64 = 0.25;

pub fn start(app: SharedApp) -> Result<(), JsValue> {
    // Ownership: each frame must schedule the next with a reference to its own closure. The closure lives in
    // `slot`; the closure itself holds `next`, a second handle to `slot`. That cycle keeps the closure alive for
    // the page's lifetime on purpose; it is broken only when a frame fails, by taking the closure out of the slot.
    let slot: Rc<RefCell<Option<FrameCallback>>> = Rc::new(RefCell::new(None));
    let next = Rc::clone(&slot);
    // The first frame is drawn now rather than at the next vsync, so the page's first paint after the app
    // mounts already shows the map (waiting for the first animation frame cost up to a few dozen ms at load).
    app.borrow_mut().draw_now()?;
    let mut previous_ms = Some(dom::now_ms()?);
    *slot.borrow_mut() = Some(Closure::new(move |now_ms: f64| {
        let elapsed = previous_ms.map_or(0.0, |p| {
            ((now_ms - p) / 1000.0).clamp(0.0, MAX_FRAME_SECONDS)
        });
        previous_ms = Some(now_ms);
        let outcome = app.borrow_mut().frame(now_ms, elapsed);
        let scheduled = outcome.and_then(|()| match next.borrow().as_ref() {
            Some(callback) => request_frame(callback),
            None => Ok(()),
        });
        if let Err(error) = scheduled {
            crash::show(&dom::describe(&error));
            // Drops this closure once the frame returns, ending the loop and freeing the cycle.
            let _ = next.borrow_mut().take();
        }
    }));
    let first = slot.borrow();
    match first.as_ref() {
        Some(callback) => request_frame(callback),
        None => Ok(()),
    }
}

fn request_frame(callback: &FrameCallback) -> Result<(), JsValue> {
    dom::window()?.request_animation_frame(callback.as_ref().unchecked_ref())?;
    Ok(())
}
