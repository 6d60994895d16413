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

// The page's own helpers for the DOM, canvases and workers, shared as source.
#[path = "../web/canvas.rs"]
mod canvas;
#[path = "../web/dom.rs"]
mod dom;
#[path = "../web/worker_bridge.rs"]
mod worker_bridge;

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsValue;

use panel::{LabPanel, SharedPanel};

/// Finds the panel, wires it and starts its frame loop (a failed frame is reported and the next one comes).
pub fn start() -> Result<(), JsValue> {
    let panel: SharedPanel = Rc::new(RefCell::new(LabPanel::find()?));
    panel::wire(&panel)?;
    dom::animate(
        move |now_ms| {
            dom::report(panel.borrow_mut().frame(now_ms));
            Ok(())
        },
        |error| dom::report(Err::<(), _>(error)),
    )
}
