//! Colours and symbols: the Okabe–Ito palette, safe for the common colour-vision deficiencies.

use plotters::style::RGBColor;

use crate::analysis::PointKind;
use crate::optim::OptimizerKind;

const ORANGE: RGBColor = RGBColor(0xE6, 0x9F, 0x00);
const SKY_BLUE: RGBColor = RGBColor(0x56, 0xB4, 0xE9);
const BLUISH_GREEN: RGBColor = RGBColor(0x00, 0x9E, 0x73);
const YELLOW: RGBColor = RGBColor(0xF0, 0xE4, 0x42);
const BLUE: RGBColor = RGBColor(0x00, 0x72, 0xB2);
const VERMILLION: RGBColor = RGBColor(0xD5, 0x5E, 0x00);
const REDDISH_PURPLE: RGBColor = RGBColor(0xCC, 0x79, 0xA7);
const GREY: RGBColor = RGBColor(0x99, 0x99, 0x99);
pub const INK: RGBColor = RGBColor(0x1B, 0x1F, 0x24);
pub const PAPER: RGBColor = RGBColor(0xFF, 0xFF, 0xFF);

/// Eigen-directions are coloured by the sign of λ: downhill-curving (λ < 0) warm, uphill-curving cool.
pub fn eigen_colour(lambda: f64) -> RGBColor {
    if lambda < 0.0 {
        VERMILLION
    } else {
        BLUE
    }
}

/// How the map marks a critical point: a distinct symbol and colour per kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    Disc,
    Triangle,
    Cross,
    Diamond,
}

pub fn critical_marker(kind: PointKind) -> Option<(Marker, RGBColor, &'static str)> {
    match kind {
        PointKind::LocalMinimum => Some((Marker::Disc, SKY_BLUE, "local minimum")),
        PointKind::LocalMaximum => Some((Marker::Triangle, VERMILLION, "local maximum")),
        PointKind::Saddle => Some((Marker::Cross, ORANGE, "saddle")),
        PointKind::Degenerate => Some((Marker::Diamond, REDDISH_PURPLE, "degenerate")),
        PointKind::Regular | PointKind::Undefined => None,
    }
}

pub const MARKED_KINDS: [PointKind; 4] = [
    PointKind::LocalMinimum,
    PointKind::LocalMaximum,
    PointKind::Saddle,
    PointKind::Degenerate,
];

const TRAJECTORY_COLOURS: [RGBColor; 9] = [
    ORANGE,
    SKY_BLUE,
    BLUISH_GREEN,
    YELLOW,
    BLUE,
    VERMILLION,
    REDDISH_PURPLE,
    PAPER,
    GREY,
];

/// Each optimizer keeps its colour whichever others are racing.
pub fn optimizer_colour(kind: OptimizerKind) -> RGBColor {
    let index = OptimizerKind::ALL
        .iter()
        .position(|k| *k == kind)
        .unwrap_or(0);
    TRAJECTORY_COLOURS[index % TRAJECTORY_COLOURS.len()]
}

/// The CSS form of a colour, for legends and swatches.
pub fn css(colour: RGBColor) -> String {
    format!("#{:02x}{:02x}{:02x}", colour.0, colour.1, colour.2)
}
