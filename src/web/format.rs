//! Numbers as a class reads them: a few significant digits and a real minus sign.

/// `v` with about four significant digits; "undefined" for NaN and ±∞.
pub fn number(v: f64) -> String {
    if !v.is_finite() {
        return "undefined".into();
    }
    let text = if v == 0.0 {
        "0".to_string()
    } else if v.abs() >= 1e5 || v.abs() < 1e-3 {
        format!("{v:.3e}")
    } else {
        let decimals = (3 - v.abs().log10().floor() as i32).clamp(0, 6) as usize;
        trim_zeros(format!("{v:.decimals$}"))
    };
    text.replace('-', "−")
}

pub fn pair(v: [f64; 2]) -> String {
    format!("({}, {})", number(v[0]), number(v[1]))
}

fn trim_zeros(text: String) -> String {
    if text.contains('.') {
        let trimmed = text.trim_end_matches('0').trim_end_matches('.');
        if trimmed == "-0" {
            "0".into()
        } else {
            trimmed.into()
        }
    } else {
        text
    }
}
