//! Colours shared by every view, so a run or a critical point looks the same on the map, in 3-D and in the legend.

use crate::analysis::PointKind;

/// Colours for optimizer runs, in Okabe–Ito order (safe for the common colour-vision deficiencies).
///
/// Black, Okabe–Ito's first colour, comes last here: the dropped point and the axes already use it, and it
/// vanishes on the dark low ground of the surface. Grey and Paul Tol's wine complete ten, one per optimizer.
pub const RUN_COLORS: [(u8, u8, u8); 10] = [
    (230, 159, 0),   // orange
    (86, 180, 233),  // sky blue
    (0, 158, 115),   // bluish green
    (240, 228, 66),  // yellow
    (0, 114, 178),   // blue
    (213, 94, 0),    // vermillion
    (204, 121, 167), // reddish purple
    (0, 0, 0),       // black
    (153, 153, 153), // grey
    (136, 34, 85),   // wine
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
