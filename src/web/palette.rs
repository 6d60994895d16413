//! Colours and symbols on the map. Run and critical-point colours come from the core's shared palette,
//! so a run looks the same on the map, in 3-D, in the loss chart and in the legends.

use plotters::style::RGBColor;

use crate::analysis::PointKind;
use crate::charts::palette::{kind_color, run_color};
use crate::optim::OptimizerKind;

pub const INK: RGBColor = RGBColor(0x1B, 0x1F, 0x24);
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
    /// The same symbol as text, for the HTML legend.
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

/// The CSS form of a colour, for legends and swatches.
pub fn css(colour: RGBColor) -> String {
    format!("#{:02x}{:02x}{:02x}", colour.0, colour.1, colour.2)
}
