//! What the pointers on the map are doing: dragging the point, panning, or pinching.

use crate::render::MapTransform;

/// A press that moves less than this (CSS pixels) is a click: it drops the point.
pub const CLICK_SLOP: f64 = 5.0;
/// How close (CSS pixels) a press must be to θ′ to grab it.
pub const GRAB_RADIUS: f64 = 16.0;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pointer {
    pub id: i32,
    /// Position in CSS pixels relative to the canvas.
    pub at: [f64; 2],
}

#[derive(Debug, Default, Clone, PartialEq)]
pub enum Gesture {
    #[default]
    Idle,
    DragPoint {
        pointer: i32,
    },
    Pan {
        pointer: Pointer,
        /// The view when the press began: panning is relative to it, so rounding never accumulates.
        start: MapTransform,
        moved: bool,
    },
    Pinch {
        pointers: [Pointer; 2],
        start: MapTransform,
    },
}

impl Gesture {
    pub fn is_active(&self) -> bool {
        !matches!(self, Gesture::Idle)
    }
}

pub fn distance(a: [f64; 2], b: [f64; 2]) -> f64 {
    (a[0] - b[0]).hypot(a[1] - b[1])
}

pub fn midpoint(a: [f64; 2], b: [f64; 2]) -> [f64; 2] {
    [0.5 * (a[0] + b[0]), 0.5 * (a[1] + b[1])]
}
