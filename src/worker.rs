//! The page's Web Worker (wasm only, built as the `saddle-worker` binary): hands the page's jobs to
//! [`WorkerCore`], works on the one under way in chunks of [`CHUNK_MS`], and posts what the core reports
//! after each chunk. Between chunks it yields to the worker's event loop, so a newer job (a pan of the
//! map, a pause of the lab's training) takes over at once.
//!
//! Messages, as JavaScript arrays: in, `[id, job text]`; out, `["ready"]` once, `["progress", id, fraction]`,
//! `["partial", id, Float64Array]` (part of a result, the job going on), `["result", id, Float64Array]` and
//! `["error", id, message]`. A bench job (`BenchTask`) answers `["result", id, [median ms]]`.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, Float64Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use crate::jobs::{BenchTask, Outgoing, WorkerCore};

/// Milliseconds of work per chunk: about a frame, so training's losses stream at the page's frame rate
/// and a newer job waits no longer than that (or than one unit, such as a large network's Hessian).
const CHUNK_MS: f64 = 15.0;
/// Untimed milliseconds of a bench's warm-up, and its timed repetitions.
const BENCH_WARM_UP_MS: f64 = 300.0;
const BENCH_REPEATS: usize = 7;

type Shared = Rc<RefCell<WorkerState>>;

struct WorkerState {
    core: WorkerCore,
    /// A chunk is scheduled.
    scheduled: bool,
}

/// Starts listening for jobs and tells the page it is ready.
pub fn run() -> Result<(), JsValue> {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().dyn_into()?;
    let state: Shared = Rc::new(RefCell::new(WorkerState {
        core: WorkerCore::default(),
        scheduled: false,
    }));
    let on_message = {
        let scope = scope.clone();
        let state = state.clone();
        Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let message = Array::from(&event.data());
            let id = message.get(0).as_f64().unwrap_or_default() as u32;
            let text = message.get(1).as_string().unwrap_or_default();
            if let Some(bench) = BenchTask::from_text(&text) {
                let outcome = bench.and_then(|mut task| time(&scope, &mut task));
                let reply = match outcome {
                    Ok(ms) => Outgoing::Result {
                        job: id,
                        packed: vec![ms],
                    },
                    Err(message) => Outgoing::Error { job: id, message },
                };
                post(&scope, &reply);
                return;
            }
            let replies = state.borrow_mut().core.receive(id, &text);
            for reply in &replies {
                post(&scope, reply);
            }
            schedule(&scope, &state);
        })
    };
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker lives as long as the page: the handler must too.
    on_message.forget();
    post_parts(&scope, &["ready".into()]);
    Ok(())
}

/// Runs the next chunk once the worker's event loop has had its turn (a new job may be waiting).
fn schedule(scope: &DedicatedWorkerGlobalScope, state: &Shared) {
    {
        let mut state = state.borrow_mut();
        if state.scheduled || !state.core.is_busy() {
            return;
        }
        state.scheduled = true;
    }
    let next = {
        let scope = scope.clone();
        let state = state.clone();
        Closure::once_into_js(move || chunk(&scope, &state))
    };
    if let Err(error) =
        scope.set_timeout_with_callback_and_timeout_and_arguments_0(next.unchecked_ref(), 0)
    {
        web_sys::console::error_1(&error);
    }
}

/// Works for about [`CHUNK_MS`], then posts what the core reports.
fn chunk(scope: &DedicatedWorkerGlobalScope, state: &Shared) {
    let replies = {
        let mut state = state.borrow_mut();
        state.scheduled = false;
        let started = now(scope);
        while state.core.has_work() && now(scope) - started < CHUNK_MS {
            state.core.work();
        }
        state.core.report()
    };
    for reply in &replies {
        post(scope, reply);
    }
    schedule(scope, state);
}

/// The median milliseconds of [`BENCH_REPEATS`] runs of the task, after a warm-up of
/// [`BENCH_WARM_UP_MS`] (so the browser's optimizing compiler has replaced the baseline code).
fn time(scope: &DedicatedWorkerGlobalScope, task: &mut BenchTask) -> Result<f64, String> {
    let started = now(scope);
    while now(scope) - started < BENCH_WARM_UP_MS {
        task.run_once();
    }
    let mut times: Vec<f64> = (0..BENCH_REPEATS)
        .map(|_| {
            let start = now(scope);
            task.run_once();
            now(scope) - start
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times
        .get(times.len() / 2)
        .copied()
        .ok_or_else(|| "no repetition".to_string())
}

/// The worker's clock (`performance.now()`), 0 without one.
fn now(scope: &DedicatedWorkerGlobalScope) -> f64 {
    scope.performance().map_or(0.0, |clock| clock.now())
}

fn post(scope: &DedicatedWorkerGlobalScope, reply: &Outgoing) {
    let numbers = |packed: &[f64]| JsValue::from(Float64Array::from(packed));
    let parts: [JsValue; 3] = match reply {
        Outgoing::Progress { job, fraction } => {
            ["progress".into(), (*job).into(), (*fraction).into()]
        }
        Outgoing::Partial { job, packed } => ["partial".into(), (*job).into(), numbers(packed)],
        Outgoing::Result { job, packed } => ["result".into(), (*job).into(), numbers(packed)],
        Outgoing::Error { job, message } => {
            ["error".into(), (*job).into(), message.as_str().into()]
        }
    };
    post_parts(scope, &parts);
}

fn post_parts(scope: &DedicatedWorkerGlobalScope, parts: &[JsValue]) {
    let message: Array = parts.iter().collect();
    if let Err(error) = scope.post_message(&message) {
        web_sys::console::error_1(&error);
    }
}
