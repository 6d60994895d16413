//! The basin map's colours: one per attractor, and neutral greys for runs that diverged or were still moving.
//!
//! Attractors take the Okabe–Ito colours (black left out: the map's ink and markers use it), which stay
//! apart under the common colour-vision deficiencies. Beyond seven attractors the palette repeats darker,
//! then paler; the map's attractor marks tell apart what colour alone no longer does.

use crate::optim::{DIVERGED, STILL_MOVING};

/// Okabe–Ito without black, in their order: orange, sky blue, bluish green, yellow, blue, vermillion,
/// reddish purple.
pub const BASIN_RGB: [[u8; 3]; 7] = [
    [230, 159, 0],
    [86, 180, 233],
    [0, 158, 115],
    [240, 228, 66],
    [0, 114, 178],
    [213, 94, 0],
    [204, 121, 167],
];

/// Runs that diverged: a dark grey, unlike any attractor and the still-moving grey.
pub const DIVERGED_RGB: [u8; 3] = [77, 77, 77];
/// Runs still moving after the step limit: a light grey.
pub const STILL_MOVING_RGB: [u8; 3] = [190, 190, 190];

/// The colour of a basin label: the attractor's for an index, the greys for [`DIVERGED`] and
/// [`STILL_MOVING`], `None` for a cell not decided yet (or any other label).
pub fn basin_rgb(label: i32) -> Option<[u8; 3]> {
    match label {
        DIVERGED => Some(DIVERGED_RGB),
        STILL_MOVING => Some(STILL_MOVING_RGB),
        _ => usize::try_from(label).ok().map(attractor_rgb),
    }
}

/// The colour of attractor `index`: the palette, then darker (to 60%), then paler (halfway to white), round
/// again after 21.
pub fn attractor_rgb(index: usize) -> [u8; 3] {
    let base = BASIN_RGB[index % BASIN_RGB.len()];
    match (index / BASIN_RGB.len()) % 3 {
        0 => base,
        1 => base.map(|channel| (f64::from(channel) * 0.6).round() as u8),
        _ => base.map(|channel| ((f64::from(channel) + 255.0) / 2.0).round() as u8),
    }
}

/// RGBA pixels of a `side` × `side` basin map for the heatmap painter: labels come row-major with row 0 at
/// the bottom (as [`crate::optim::Basins::labels`] gives them), pixels with row 0 at the top (as an image
/// is drawn). Undecided cells are transparent, so what is under the map shows through while it fills.
/// Missing labels (a short slice) count as undecided.
pub fn basins_rgba(labels: &[i32], side: usize) -> Vec<u8> {
    let mut pixels = Vec::with_capacity(side * side * 4);
    for row in (0..side).rev() {
        for column in 0..side {
            let label = labels.get(row * side + column).copied();
            match label.and_then(basin_rgb) {
                Some([r, g, b]) => pixels.extend_from_slice(&[r, g, b, 255]),
                None => pixels.extend_from_slice(&[0, 0, 0, 0]),
            }
        }
    }
    pixels
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::optim::PENDING;

    #[test]
    fn the_bottom_row_of_labels_is_the_last_row_of_pixels() {
        // 2 × 2: bottom row (0, −1), top row (−2, pending).
        let pixels = basins_rgba(&[0, DIVERGED, STILL_MOVING, PENDING], 2);
        assert_eq!(
            pixels,
            vec![
                190, 190, 190, 255, 0, 0, 0, 0, // top: still moving, undecided
                230, 159, 0, 255, 77, 77, 77, 255, // bottom: attractor 0, diverged
            ]
        );
        // Too few labels: the missing cells are transparent, nothing panics.
        assert_eq!(basins_rgba(&[1], 2)[..4], [0, 0, 0, 0]);
        assert_eq!(basins_rgba(&[1], 2)[8..12], [86, 180, 233, 255]);
    }

    #[test]
    fn twenty_one_attractors_get_distinct_colours_none_of_them_grey() {
        let colours: Vec<[u8; 3]> = (0..21).map(attractor_rgb).collect();
        for (i, a) in colours.iter().enumerate() {
            assert!(colours[i + 1..].iter().all(|b| b != a), "{a:?} repeats");
            assert!(![DIVERGED_RGB, STILL_MOVING_RGB].contains(a));
            assert!(a[0] != a[1] || a[1] != a[2], "{a:?} is a grey");
        }
        assert_eq!(attractor_rgb(7), [138, 95, 0]);
        assert_eq!(attractor_rgb(14), [243, 207, 128]);
        assert_eq!(attractor_rgb(21), attractor_rgb(0));
        assert_eq!(basin_rgb(PENDING), None);
        assert_eq!(basin_rgb(-7), None);
    }
}
