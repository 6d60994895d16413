//! The page's side of its Web Worker (`saddle::worker`): started on the first job, fed jobs as text, and read
//! by the frame loop, which takes whatever the worker has posted since the last frame. The worker's code and
//! wasm are fetched only then, so a page that never asks for heavy work never loads them.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, Float64Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker};

use super::dom;
use crate::jobs::{Job, Outgoing};

/// The worker's loader, written by Trunk beside the page (`index.html`, `data-loader-shim`).
const WORKER_SCRIPT: &str = "./saddle-worker_loader.js";

/// Messages that arrived since the frame loop last looked, and whether the worker has started listening.
#[derive(Default)]
struct Inbox {
    ready: bool,
    reports: Vec<Outgoing>,
}

#[derive(Default)]
pub struct WorkerBridge {
    worker: Option<Worker>,
    inbox: Rc<RefCell<Inbox>>,
    /// Jobs waiting for the worker to start listening (messages posted before it does are lost).
    queued: Vec<(u32, String)>,
    last_job: u32,
}

impl WorkerBridge {
    /// Posts `job` (starting the worker if needed) and returns its number; the worker drops the job it was
    /// doing, whose reports the page then ignores by number.
    pub fn post(&mut self, job: &Job) -> Result<u32, JsValue> {
        self.post_text(job.to_text())
    }

    /// Posts a job's text (a bench's, which `Job` does not describe).
    pub fn post_text(&mut self, text: String) -> Result<u32, JsValue> {
        self.last_job += 1;
        let message = (self.last_job, text);
        if self.worker.is_none() {
            self.worker = Some(self.spawn()?);
        }
        if self.inbox.borrow().ready {
            self.send(&message)?;
        } else {
            self.queued.push(message);
        }
        Ok(self.last_job)
    }

    /// What the worker reported since the last call (sending a queued job once the worker is listening).
    pub fn take_reports(&mut self) -> Result<Vec<Outgoing>, JsValue> {
        if self.inbox.borrow().ready {
            for message in std::mem::take(&mut self.queued) {
                self.send(&message)?;
            }
        }
        Ok(std::mem::take(&mut self.inbox.borrow_mut().reports))
    }

    fn send(&self, (job, text): &(u32, String)) -> Result<(), JsValue> {
        let Some(worker) = &self.worker else {
            return Ok(());
        };
        let message: Array = [JsValue::from(*job), JsValue::from_str(text)]
            .iter()
            .collect();
        worker.post_message(&message)
    }

    fn spawn(&self) -> Result<Worker, JsValue> {
        let worker = Worker::new(WORKER_SCRIPT)?;
        let inbox = self.inbox.clone();
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let message = Array::from(&event.data());
            let job = message.get(1).as_f64().unwrap_or_default() as u32;
            let mut inbox = inbox.borrow_mut();
            match message.get(0).as_string().as_deref() {
                Some("ready") => inbox.ready = true,
                Some("progress") => inbox.reports.push(Outgoing::Progress {
                    job,
                    fraction: message.get(2).as_f64().unwrap_or_default(),
                }),
                Some("partial") => inbox.reports.push(Outgoing::Partial {
                    job,
                    packed: numbers(message.get(2)),
                }),
                Some("result") => inbox.reports.push(Outgoing::Result {
                    job,
                    packed: numbers(message.get(2)),
                }),
                Some("error") => inbox.reports.push(Outgoing::Error {
                    job,
                    message: message.get(2).as_string().unwrap_or_default(),
                }),
                _ => web_sys::console::warn_1(&event.data()),
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        // The worker lives as long as the page, and so does its handler.
        on_message.forget();
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(|event: web_sys::Event| {
            dom::report::<(), _>(Err(event));
        });
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        on_error.forget();
        Ok(worker)
    }
}

/// A posted `Float64Array` as numbers (none if it is something else).
fn numbers(value: JsValue) -> Vec<f64> {
    value
        .dyn_into::<Float64Array>()
        .map(|array| array.to_vec())
        .unwrap_or_default()
}
