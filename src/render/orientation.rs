//! Which way the 3-D view looks at the surface: turned by a drag or the arrow keys, kept in share links.

use std::f64::consts::TAU;

/// How far one dragged pixel turns the view.
const RADIANS_PER_PIXEL: f64 = 0.01;
/// Just above the horizon: lower, and the surface hides behind its own front edge.
const MIN_PITCH: f64 = 0.05;
/// Just short of straight down: beyond it the view flips over and dragging feels inverted.
const MAX_PITCH: f64 = 1.5;
/// Which way the 3-D view looks at the surface, in radians.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Orientation {
    /// Turn about the vertical (L) axis.
    pub yaw: f64,
    /// Tilt towards looking down on the surface; 0 is edge-on.
    pub pitch: f64,
}

impl Default for Orientation {
    /// Looking down at a corner of the box, x increasing to the right: for the lecture surface (1 − xy)² this
    /// looks along its valley, with the saddle in front of it.
    fn default() -> Self {
        Orientation {
            yaw: 5.5,
            pitch: 0.45,
        }
    }
}

impl Orientation {
    /// The view after dragging by (dx, dy) pixels: sideways turns, up and down tilts (within sane limits).
    pub fn turned(self, drag_dx_px: f64, drag_dy_px: f64) -> Orientation {
        let finite_or_zero = |v: f64| if v.is_finite() { v } else { 0.0 };
        Orientation {
            // Dragging right turns the near side of the surface to the right, as if held by the mouse.
            yaw: self.yaw - finite_or_zero(drag_dx_px) * RADIANS_PER_PIXEL,
            pitch: self.pitch + finite_or_zero(drag_dy_px) * RADIANS_PER_PIXEL,
        }
        .sanitized()
    }

    /// The view as a share link writes it: yaw and pitch in degrees, to a tenth (yaw in [0, 360)). Reading
    /// it back with [`Orientation::from_link_degrees`] gives the same tenths again.
    pub fn link_degrees(self) -> [f64; 2] {
        let tenths = |radians: f64| (radians.to_degrees() * 10.0).round() / 10.0;
        let view = self.sanitized();
        let yaw = tenths(view.yaw);
        [if yaw >= 360.0 { 0.0 } else { yaw }, tenths(view.pitch)]
    }

    /// This view at a link's resolution: what a link to it reopens, to the pixel.
    pub fn as_linked(self) -> Orientation {
        Orientation::from_link_degrees(self.link_degrees())
    }

    /// The view a link's `turn=yaw,pitch` (degrees) asks for, turned into range like a dragged one.
    pub fn from_link_degrees([yaw, pitch]: [f64; 2]) -> Orientation {
        Orientation {
            yaw: yaw.to_radians(),
            pitch: pitch.to_radians(),
        }
        .sanitized()
    }

    /// Yaw wrapped into [0, 2π), pitch clamped; anything non-finite falls back to the default view.
    pub fn sanitized(self) -> Orientation {
        let default = Orientation::default();
        Orientation {
            yaw: if self.yaw.is_finite() {
                self.yaw.rem_euclid(TAU)
            } else {
                default.yaw
            },
            pitch: if self.pitch.is_finite() {
                self.pitch.clamp(MIN_PITCH, MAX_PITCH)
            } else {
                default.pitch
            },
        }
    }
}
