//! The page's Web Worker (wasm only, built as the `saddle-worker` binary): takes a [`Job`] as text, does it a
//! chunk at a time, and posts its progress and result back. Between chunks it yields to the worker's event
//! loop, so a newer job (a pan of the map, a new surface) replaces the one under way at once.
//!
//! Messages, as JavaScript arrays: in, `[id, job text]`; out, `["ready"]` once, `["progress", id, fraction]`,
//! `["result", id, Float64Array]` and `["error", id, message]`.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, Float64Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use crate::jobs::{Job, Task};

/// Units of work per chunk (about one exact Hessian each): ~20–50 ms in the browser, so a newer job waits
/// no longer than that.
const CHUNK: usize = 20_000;

/// The job under way, by the id the page gave it.
type Current = Rc<RefCell<Option<(f64, Task)>>>;

/// Starts listening for jobs and tells the page it is ready.
pub fn run() -> Result<(), JsValue> {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().dyn_into()?;
    let current: Current = Rc::default();
    let on_message = {
        let scope = scope.clone();
        let current = current.clone();
        Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let message = Array::from(&event.data());
            let id = message.get(0).as_f64().unwrap_or(f64::NAN);
            let text = message.get(1).as_string().unwrap_or_default();
            let started = Job::from_text(&text)
                .ok_or_else(|| "the page sent a job this worker does not know".to_string())
                .and_then(|job| Task::start(&job));
            let idle = current.borrow().is_none();
            match started {
                Ok(task) => {
                    *current.borrow_mut() = Some((id, task));
                    if idle {
                        schedule(&scope, &current);
                    }
                }
                Err(error) => post(&scope, &["error".into(), id.into(), error.into()]),
            }
        })
    };
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker lives as long as the page: the handler must too.
    on_message.forget();
    post(&scope, &["ready".into()]);
    Ok(())
}

/// Runs the next chunk once the worker's event loop has had its turn (a new job may be waiting).
fn schedule(scope: &DedicatedWorkerGlobalScope, current: &Current) {
    let next = {
        let scope = scope.clone();
        let current = current.clone();
        Closure::once_into_js(move || chunk(&scope, &current))
    };
    if let Err(error) =
        scope.set_timeout_with_callback_and_timeout_and_arguments_0(next.unchecked_ref(), 0)
    {
        web_sys::console::error_1(&error);
    }
}

/// One chunk of the job under way, then its progress, or its result when it is done.
fn chunk(scope: &DedicatedWorkerGlobalScope, current: &Current) {
    let mut slot = current.borrow_mut();
    let Some((id, task)) = slot.as_mut() else {
        return;
    };
    let id = *id;
    let fraction = task.advance(CHUNK);
    if task.is_finished() {
        let result = Float64Array::from(task.result().as_slice());
        *slot = None;
        drop(slot);
        post(scope, &["result".into(), id.into(), result.into()]);
    } else {
        drop(slot);
        post(scope, &["progress".into(), id.into(), fraction.into()]);
        schedule(scope, current);
    }
}

fn post(scope: &DedicatedWorkerGlobalScope, parts: &[JsValue]) {
    let message: Array = parts.iter().collect();
    if let Err(error) = scope.post_message(&message) {
        web_sys::console::error_1(&error);
    }
}
