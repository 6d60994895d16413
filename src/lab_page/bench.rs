//! Timing hooks of the network lab for `scripts/bench`, in the lab's own wasm: `www/boot.js` puts them on
//! `window.saddleLabBench` when the page's URL has `?bench=1`. The costly steps are timed inside a worker,
//! by the worker's own clock; the experiment by the page's, from its start until its last run arrives.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;

use super::dom;
use super::pool::ExperimentPool;
use super::worker_bridge::WorkerBridge;
use crate::jobs::{BenchKind, BenchTask, Outgoing};
use crate::network::Task;
use crate::share::LabSettings;

thread_local! {
    static LAB: RefCell<LabBench> = RefCell::default();
}

/// A worker of the hooks' own, and the experiment's workers with the time they started.
#[derive(Default)]
struct LabBench {
    worker: WorkerBridge,
    /// The job under way and its answer once it came.
    job: Option<u32>,
    answer: Option<f64>,
    pool: ExperimentPool,
    started_ms: Option<f64>,
}

/// Asks a Web Worker of the lab's to time one of its costly steps on a network of about `params`
/// parameters: `"hessian"`, the exact Hessian and all its eigenvalues (300 training points), or `"step"`,
/// one gradient-descent step on 500 points. The worker times it itself (the median of its repetitions
/// after a warm-up, `jobs::BenchTask`); [`bench_lab_answer`] returns the milliseconds once it has.
#[wasm_bindgen]
pub fn bench_lab_worker(kind: &str, params: usize) -> Result<(), JsValue> {
    let kind = match kind {
        "hessian" => BenchKind::Hessian,
        "step" => BenchKind::TrainingStep,
        _ => return Err(JsValue::from_str("unknown lab bench")),
    };
    LAB.with(|lab| {
        let mut lab = lab.borrow_mut();
        lab.answer = None;
        lab.job = Some(lab.worker.post_text(BenchTask::text(kind, params))?);
        Ok(())
    })
}

/// The milliseconds [`bench_lab_worker`] measured, once the worker answered.
#[wasm_bindgen]
pub fn bench_lab_answer() -> Result<Option<f64>, JsValue> {
    LAB.with(|lab| {
        let mut lab = lab.borrow_mut();
        for report in lab.worker.take_reports()? {
            match report {
                Outgoing::Result { job, packed } if Some(job) == lab.job => {
                    lab.answer = packed.first().copied();
                }
                Outgoing::Error { message, .. } => return Err(JsValue::from_str(&message)),
                _ => {}
            }
        }
        Ok(lab.answer)
    })
}

/// Starts the lab's experiment as the page runs it — `runs` runs of the sine task with `hidden` tanh units
/// (16: P = 49), dealt over the page's experiment workers — and notes the time.
#[wasm_bindgen]
pub fn bench_lab_experiment(runs: usize, hidden: usize) -> Result<(), JsValue> {
    let settings = LabSettings {
        task: Task::Sine,
        hidden: vec![hidden],
        runs,
        seed: 1,
        ..LabSettings::default()
    };
    LAB.with(|lab| {
        let mut lab = lab.borrow_mut();
        lab.started_ms = Some(dom::now_ms()?);
        lab.pool.start(&settings, false)
    })
}

/// Milliseconds from [`bench_lab_experiment`] until the last run arrived, once it has.
#[wasm_bindgen]
pub fn bench_lab_experiment_time() -> Result<Option<f64>, JsValue> {
    LAB.with(|lab| {
        let mut lab = lab.borrow_mut();
        lab.pool.follow()?;
        let done = lab
            .pool
            .results
            .as_ref()
            .is_some_and(|r| r.done() >= r.total);
        match (done, lab.started_ms) {
            (true, Some(started)) => Ok(Some(dom::now_ms()? - started)),
            _ => Ok(None),
        }
    })
}
