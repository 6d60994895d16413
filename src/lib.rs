//! Saddle's core: loss surfaces with exact derivatives, the Hessian test, critical points and optimizers.
//!
//! Nothing here knows about the browser; the web layer (`web`, wasm only) and the
//! `saddle` command line both call into it.

pub mod analysis;
pub mod bounds;
pub mod charts;
pub mod data;
pub mod formula;
pub mod i18n;
pub mod jobs;
pub mod lesson;
pub mod network;
pub mod numbers;
pub mod optim;
mod portable_math;
pub mod presets;
pub mod render;
pub mod scene;
pub mod share;
mod sorting;
pub mod surface;

/// The browser app; compiled only for wasm, where `#[wasm_bindgen(start)]` mounts it.
#[cfg(all(target_arch = "wasm32", not(feature = "worker"), not(feature = "lab")))]
mod web;

/// The network lab's panel, in its own wasm (the `saddle-lab` binary), fetched only when the lab opens.
#[cfg(all(target_arch = "wasm32", feature = "lab"))]
pub mod lab_page;

/// The page's Web Worker, in its own wasm (the `saddle-worker` binary).
#[cfg(all(target_arch = "wasm32", feature = "worker"))]
pub mod worker;
