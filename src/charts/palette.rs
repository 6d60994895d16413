//! Colours shared by every view, so a run or a critical point looks the same on the map, in 3-D and in the legend.

use plotters::style::RGBColor;

use crate::analysis::PointKind;
use crate::optim::OptimizerKind;

/// Colours for optimizer runs, one per optimizer in `OptimizerKind::ALL` order.
///
/// Chosen so that the optimizers raced together (gradient descent against momentum, Nesterov, Adam,
/// RMSProp, SGD, Newton and the eigen-escape) stay apart for viewers with any of the common colour-vision
/// deficiencies (simulated deuteranopia, protanopia and tritanopia: ≥ 19 apart in CAM02-UCS), that none is
/// one of the critical-point markers' colours, and that all are light enough to read over the heatmap's dark
/// low ground on their dark casing. Eleven colours cannot all be told apart that way: each run's current
/// point also carries its optimizer's letters (`OptimizerKind::badge`).
pub const RUN_COLORS: [(u8, u8, u8); 11] = [
    (230, 159, 0),   // gradient descent: orange (Okabe–Ito)
    (255, 255, 255), // momentum: white
    (255, 85, 153),  // gradient descent at momentum's step: hot pink
    (86, 180, 233),  // Nesterov: sky blue (Okabe–Ito)
    (170, 119, 255), // RMSProp: lilac
    (170, 68, 153),  // Adam: purple (Paul Tol)
    (221, 170, 119), // AdaGrad: sand
    (204, 204, 255), // Newton: pale periwinkle
    (160, 112, 255), // saddle-free Newton: violet
    (102, 204, 238), // eigen-escape: cyan (Paul Tol)
    (68, 187, 153),  // SGD: mint (Paul Tol)
];

/// The colour of the `index`-th run; runs beyond the eleventh reuse the palette from the start.
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
/// A darker vermillion than the maximum's marker (Okabe–Ito's #D55E00 has 3.9:1 on white): the negative
/// eigenvalue is also text, which needs 4.5:1 (this has 5.4:1).
const VERMILLION: RGBColor = RGBColor(0xB3, 0x4A, 0x00);
/// Okabe–Ito's blue, 5.2:1 on white.
const BLUE: RGBColor = RGBColor(0x00, 0x72, 0xB2);

/// Eigen-directions are coloured by the sign of λ: curving down (λ < 0, the way out of a saddle) warm,
/// curving up cool. The same colours write the eigenvalues in the inspector, on white.
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
    /// A local minimum.
    Disc,
    /// A local maximum.
    Triangle,
    /// A saddle.
    Cross,
    /// A degenerate point.
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

/// The kinds of point the map marks (every critical kind), in the legend's order.
pub const MARKED_KINDS: [PointKind; 4] = [
    PointKind::LocalMinimum,
    PointKind::LocalMaximum,
    PointKind::Saddle,
    PointKind::Degenerate,
];

/// WCAG's relative luminance of an sRGB colour, 0 for black to 1 for white.
pub fn relative_luminance(colour: RGBColor) -> f64 {
    let linear = |channel: u8| {
        let c = f64::from(channel) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * linear(colour.0) + 0.7152 * linear(colour.1) + 0.0722 * linear(colour.2)
}

/// WCAG's contrast ratio of two colours, from 1 (the same) to 21 (black on white); text needs 4.5.
pub fn contrast_ratio(a: RGBColor, b: RGBColor) -> f64 {
    let (a, b) = (relative_luminance(a), relative_luminance(b));
    (a.max(b) + 0.05) / (a.min(b) + 0.05)
}

/// The text colour for letters on `background`: ink or paper, whichever contrasts more (a run's badge).
pub fn text_on(background: RGBColor) -> RGBColor {
    if contrast_ratio(INK, background) >= contrast_ratio(PAPER, background) {
        INK
    } else {
        PAPER
    }
}

/// Each optimizer keeps its colour whichever others are racing: its place in `OptimizerKind::ALL`.
pub fn optimizer_colour(kind: OptimizerKind) -> RGBColor {
    let index = OptimizerKind::ALL
        .iter()
        .position(|k| *k == kind)
        .unwrap_or(0);
    let (r, g, b) = run_color(index);
    RGBColor(r, g, b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_ratios_are_wcags() {
        // The extremes, and the ratio the issue measured for Okabe–Ito's vermillion on white.
        assert!((contrast_ratio(RGBColor(0, 0, 0), PAPER) - 21.0).abs() < 1e-9);
        assert_eq!(contrast_ratio(PAPER, PAPER), 1.0);
        let okabe_ito_vermillion = RGBColor(0xD5, 0x5E, 0x00);
        assert!((contrast_ratio(okabe_ito_vermillion, PAPER) - 3.87).abs() < 0.01);
    }

    #[test]
    fn eigenvalues_are_written_in_colours_text_can_be_read_in() {
        for lambda in [-2.0, 2.0] {
            let ratio = contrast_ratio(eigen_colour(lambda), PAPER);
            assert!(ratio >= 4.5, "λ = {lambda}: {ratio:.2}:1 on white");
        }
    }

    #[test]
    fn every_badge_has_readable_letters_and_its_own_colour() {
        for (index, &(r, g, b)) in RUN_COLORS.iter().enumerate() {
            let colour = RGBColor(r, g, b);
            let ratio = contrast_ratio(text_on(colour), colour);
            assert!(ratio >= 4.5, "run {index}: {ratio:.2}:1");
            // No run is coloured like a critical point's marker.
            for kind in MARKED_KINDS {
                assert_ne!(
                    kind_color(kind),
                    (r, g, b),
                    "run {index} looks like {kind:?}"
                );
            }
        }
        assert_eq!(
            text_on(RGBColor(170, 68, 153)),
            PAPER,
            "Adam's purple takes white letters"
        );
        assert_eq!(text_on(RGBColor(230, 159, 0)), INK);
    }
}
