//! Saddle's core: loss surfaces with exact derivatives, the Hessian test, critical points and optimizers.
//!
//! Nothing here knows about the browser; the web layer (`web`, wasm only) and the
//! `saddle` command line both call into it.

pub mod analysis;
pub mod bounds;
pub mod charts;
pub mod data;
// Documented with the network lab's merge.
#[allow(missing_docs)]
pub mod experiments;
pub mod formula;
pub mod i18n;
// Documented with the network lab's merge.
#[allow(missing_docs)]
pub mod jobs;
pub mod lesson;
// Documented with the network lab's merge.
#[allow(missing_docs)]
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
#[cfg(all(target_arch = "wasm32", not(feature = "worker")))]
mod web;

/// The page's Web Worker, in its own wasm (the `saddle-worker` binary).
#[cfg(all(target_arch = "wasm32", feature = "worker"))]
pub mod worker;
