//! Numbers as people read them: one formatter for every number the page, its charts and the figures show.
//! (Numbers written into links have their own, exact formatter: `share::encode`.)
//!
//! A number keeps the digits that carry information and no more: four significant ones for a reading
//! ([`readable`]), and for an axis label ([`tick`]) enough to tell it from its neighbours one step away.
//! Trailing zeros are dropped, the minus is a real minus sign (−), never "−0", and very large or small
//! magnitudes are written as `1.5e−7`.

/// Magnitudes from here up are written with an exponent.
const EXPONENT_ABOVE: f64 = 1e5;
/// Magnitudes below this (other than 0) are written with an exponent.
const EXPONENT_BELOW: f64 = 1e-3;

/// `value` with four significant digits: `−0.5`, `1235`, `0.7071`, `1.014e−4`; "undefined" for NaN and ±∞
/// (the page puts its own language's word there).
pub fn readable(value: f64) -> String {
    if !value.is_finite() || value == 0.0 {
        return shown(value, 0);
    }
    shown(value, leading_digit(value) - 3)
}

/// An axis label for a tick `step` apart from its neighbours: `0`, `0.6`, `−1.25`, `2.00002`, `1e−9`, `2e9`.
/// (A step that is not a positive number is read as the value's own size.)
pub fn tick(value: f64, step: f64) -> String {
    let step = if step.is_finite() && step > 0.0 {
        step
    } else if value.is_finite() && value != 0.0 {
        value.abs()
    } else {
        1.0
    };
    if value.abs() <= step * 1e-9 {
        return "0".to_string();
    }
    // Two digits below the step's own: a 0.25 step still gets its second decimal.
    shown(value, leading_digit(step) - 2)
}

/// The power of ten of `value`'s leading digit (0 for 1–9.99, −1 for 0.1–0.999).
fn leading_digit(value: f64) -> i32 {
    value.abs().log10().floor() as i32
}

/// `value` rounded to the decimal position `last_digit` (10^last_digit is the last digit kept).
fn shown(value: f64, last_digit: i32) -> String {
    if !value.is_finite() {
        return "undefined".to_string();
    }
    let magnitude = value.abs();
    let text = if magnitude != 0.0 && !(EXPONENT_BELOW..EXPONENT_ABOVE).contains(&magnitude) {
        let decimals = (leading_digit(value) - last_digit).clamp(0, 17) as usize;
        let text = format!("{value:.decimals$e}");
        match text.split_once('e') {
            Some((mantissa, power)) => format!("{}e{power}", trim_zeros(mantissa)),
            None => text,
        }
    } else {
        let decimals = last_digit.saturating_neg().clamp(0, 20) as usize;
        trim_zeros(&format!("{value:.decimals$}")).to_string()
    };
    if text == "-0" {
        return "0".to_string();
    }
    text.replace('-', "−")
}

/// "1.500" → "1.5", "2.0" → "2"; whole numbers stay.
fn trim_zeros(number: &str) -> &str {
    if number.contains('.') {
        number.trim_end_matches('0').trim_end_matches('.')
    } else {
        number
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readings_keep_four_significant_digits() {
        assert_eq!(readable(-0.5), "−0.5");
        assert_eq!(readable(1234.5678), "1235");
        assert_eq!(readable(std::f64::consts::FRAC_1_SQRT_2), "0.7071");
        assert_eq!(readable(1.0139e-4), "1.014e−4");
        assert_eq!(readable(2e-5), "2e−5");
        assert_eq!(readable(123456.0), "1.235e5");
        assert_eq!(readable(0.0), "0");
        assert_eq!(readable(-0.0), "0");
        assert_eq!(readable(f64::NAN), "undefined");
        assert_eq!(readable(f64::NEG_INFINITY), "undefined");
    }

    #[test]
    fn ticks_tell_neighbours_apart() {
        assert_eq!(tick(0.0, 0.2), "0");
        assert_eq!(tick(0.6000000000000001, 0.2), "0.6");
        assert_eq!(tick(1.0, 0.2), "1");
        assert_eq!(tick(-1.25, 0.25), "−1.25");
        assert_eq!(tick(-1e-17, 0.2), "0");
        assert_eq!(tick(1e-9, 2e-10), "1e−9");
        assert_eq!(tick(2e9, 1e9), "2e9");
        assert_eq!(tick(-1.5e9, 5e8), "−1.5e9");
        assert_eq!(tick(250.0, 50.0), "250");
        assert_eq!(tick(2.00002, 1e-5), "2.00002");
        assert_eq!(tick(1000.1, 0.1), "1000.1");
        assert_eq!(tick(3.0, f64::NAN), "3");
    }
}
