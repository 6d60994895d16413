//! The share link: a whole scene in the URL fragment, readable and versioned.
//!
//! `#v=1&preset=lecture&pt=0.3,0.2&opt=gd,momentum&lr=0.01&beta=0.9`
//!
//! The keys are a contract that links in lecture notes rely on: `v`, `preset` or
//! `expr`, `box`, `pt`, `opt`, `lr`, `beta`, `steps`, `view`, `turn`, `map`, `lesson`, `lang`, `embed`,
//! `present`, `batch`, `seed`; the network lab's `lab=network` with `task`, `noise`, `hidden`, `lab-opt`,
//! `lab-lr`, `lab-beta`, `lab-batch`, `lab-seed`, `lab-runs`.
//! Decoding never fails: a bad value falls back to its default with a notice,
//! one key at a time; unknown keys are ignored.

mod decode;
mod encode;
mod lab;
mod notice;
mod percent;
mod scene;

pub use decode::{decode, Decoded};
pub use encode::encode;
pub use lab::{LabSettings, LAB_NAME, MAX_LAB_LEARNING_RATE, MAX_LAB_RUNS, MAX_WIDTH};
pub use notice::{IgnoredBecause, LinkNotice};
pub use scene::{Scene, SurfaceChoice, ViewMode};

/// The format version this build writes and reads.
pub const FORMAT_VERSION: u32 = 1;

/// Fragments longer than this are not read at all (a hostile 1 MB link costs nothing).
pub const MAX_FRAGMENT_BYTES: usize = 64 * 1024;

/// Most race steps a link may ask to replay on load, so opening a link stays quick.
pub const MAX_STEPS: usize = 100_000;
