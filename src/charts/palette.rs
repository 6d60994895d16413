//! Colours shared by every view, so a run or a critical point looks the same on the map, in 3-D and in the legend.

use plotters::style::RGBColor;

use crate::analysis::PointKind;
use crate::optim::OptimizerKind;

/// Colours for optimizer runs, in Okabe–Ito order (safe for the common colour-vision deficiencies).
///
/// Black, Okabe–Ito's first colour, comes late here: the dropped point and the axes already use it, and it
/// vanishes on the dark low ground of the surface. Paul Tol's magenta (for gradient descent at momentum's
/// step, beside momentum's sky blue), grey and Tol's light pink (bright on the dark floor where SGD wanders)
/// complete eleven, one per optimizer.
pub const RUN_COLORS: [(u8, u8, u8); 11] = [
    (230, 159, 0),   // orange
    (86, 180, 233),  // sky blue
    (238, 51, 119),  // magenta
    (0, 158, 115),   // bluish green
    (240, 228, 66),  // yellow
    (0, 114, 178),   // blue
    (213, 94, 0),    // vermillion
    (204, 121, 167), // reddish purple
    (0, 0, 0),       // black
    (153, 153, 153), // grey
    (255, 170, 187), // pink
];

/// The colour of the `index`-th run; runs beyond ten reuse the palette from the start.
pub fn run_color(index: usize) -> (u8, u8, u8) {
    RUN_COLORS[index % RUN_COLORS.len()]
}

/// The colour a critical point of this kind is marked with, from the same Okabe–Ito family.
pub fn kind_color(kind: PointKind) -> (u8, u8, u8) {
    match kind {
        PointKind::LocalMinimum => (0, 158, 115), // bluish green: where training wants to go
        PointKind::LocalMaximum => (213, 94, 0),  // vermillion
        PointKind::Saddle => (204, 121, 167),     // reddish purple
        PointKind::Degenerate => (240, 228, 66),  // yellow: the test cannot decide
        PointKind::Regular => (255, 255, 255),    // white: not critical
        PointKind::Undefined => (153, 153, 153),  // grey: outside the domain
    }
}

/// Text, axes and outlines.
pub const INK: RGBColor = RGBColor(0x1B, 0x1F, 0x24);
/// The background, and the halo that keeps marks readable on every heatmap colour.
pub const PAPER: RGBColor = RGBColor(0xFF, 0xFF, 0xFF);
const VERMILLION: RGBColor = RGBColor(0xD5, 0x5E, 0x00);
const BLUE: RGBColor = RGBColor(0x00, 0x72, 0xB2);

/// Eigen-directions are coloured by the sign of λ: curving down (λ < 0, the way out of a saddle) warm,
/// curving up cool.
pub fn eigen_colour(lambda: f64) -> RGBColor {
    if lambda < 0.0 {
        VERMILLION
    } else {
        BLUE
    }
}

/// How the map marks a critical point: a distinct symbol per kind, on top of a distinct colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    Disc,
    Triangle,
    Cross,
    Diamond,
}

impl Marker {
    /// The same symbol as text, for the page's HTML legend.
    pub fn glyph(self) -> &'static str {
        match self {
            Marker::Disc => "●",
            Marker::Triangle => "▲",
            Marker::Cross => "✕",
            Marker::Diamond => "◆",
        }
    }
}

/// Symbol and colour of a critical point's kind; `None` for kinds that are not critical points.
pub fn critical_marker(kind: PointKind) -> Option<(Marker, RGBColor)> {
    let marker = match kind {
        PointKind::LocalMinimum => Marker::Disc,
        PointKind::LocalMaximum => Marker::Triangle,
        PointKind::Saddle => Marker::Cross,
        PointKind::Degenerate => Marker::Diamond,
        PointKind::Regular | PointKind::Undefined => return None,
    };
    let (r, g, b) = kind_color(kind);
    Some((marker, RGBColor(r, g, b)))
}

pub const MARKED_KINDS: [PointKind; 4] = [
    PointKind::LocalMinimum,
    PointKind::LocalMaximum,
    PointKind::Saddle,
    PointKind::Degenerate,
];

/// Each optimizer keeps its colour whichever others are racing: its place in `OptimizerKind::ALL`.
pub fn optimizer_colour(kind: OptimizerKind) -> RGBColor {
    let index = OptimizerKind::ALL
        .iter()
        .position(|k| *k == kind)
        .unwrap_or(0);
    let (r, g, b) = run_color(index);
    RGBColor(r, g, b)
}
