//! Colours and symbols on the map come from the core's palette, so the page and `saddle render` figures agree.

use plotters::style::RGBColor;

pub use crate::charts::palette::{critical_marker, eigen_colour, optimizer_colour, MARKED_KINDS};

/// The CSS form of a colour, for legends and swatches.
pub fn css(colour: RGBColor) -> String {
    format!("#{:02x}{:02x}{:02x}", colour.0, colour.1, colour.2)
}
