//! The network lab's panel (`lab=network`), in a wasm of its own that `www/boot.js` loads when `#lab`
//! first opens: the page itself carries none of the lab's code.
//!
//! It meets the page only in `#lab`: the page opens or closes it and writes a link's lab settings into its
//! `data-link`; the panel writes its own settings there for the page's link, and follows `<html lang>`.
//! The network lives in Web Workers (`saddle::jobs`), started by the panel.

mod bench;
mod controls;
mod draw;
mod panel;
mod pool;

// The page's own helpers for the DOM, canvases and workers, shared as source: this wasm uses only part of
// them.
#[allow(dead_code)]
#[path = "../web/canvas.rs"]
mod canvas;
#[allow(dead_code)]
#[path = "../web/dom.rs"]
mod dom;
#[allow(dead_code)]
#[path = "../web/worker_bridge.rs"]
mod worker_bridge;

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use panel::{LabPanel, SharedPanel};

type FrameCallback = Closure<dyn FnMut(f64)>;

/// Finds the panel, wires it and starts its frame loop.
pub fn start() -> Result<(), JsValue> {
    let panel: SharedPanel = Rc::new(RefCell::new(LabPanel::find()?));
    panel::wire(&panel)?;
    // Each frame schedules the next with its own closure, kept alive by the cycle through `slot`.
    let slot: Rc<RefCell<Option<FrameCallback>>> = Rc::new(RefCell::new(None));
    let next = Rc::clone(&slot);
    *slot.borrow_mut() = Some(Closure::new(move |now_ms: f64| {
        dom::report(panel.borrow_mut().frame(now_ms));
        if let Some(callback) = next.borrow().as_ref() {
            dom::report(request_frame(callback));
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
