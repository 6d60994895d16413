//! Numbers as a class reads them: a few significant digits and a real minus sign.

/// `v` with about four significant digits; "undefined" for NaN and ±∞ (the map's colour bar uses it too).
pub use crate::charts::readable_number as number;

pub fn pair(v: [f64; 2]) -> String {
    format!("({}, {})", number(v[0]), number(v[1]))
}
