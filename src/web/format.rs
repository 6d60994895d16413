//! Numbers as a class reads them: a few significant digits, a real minus sign, and a word where there is no number.

use crate::charts::readable_number;
use crate::i18n::Strings;

/// `v` with about four significant digits; the language's word for "undefined" for NaN and ±∞.
pub fn number(words: &Strings, v: f64) -> String {
    if v.is_finite() {
        readable_number(v)
    } else {
        words.labels.undefined_value.to_string()
    }
}

pub fn pair(words: &Strings, v: [f64; 2]) -> String {
    format!("({}, {})", number(words, v[0]), number(words, v[1]))
}
