//! Axis and colour-bar ticks at round numbers (their labels: [`crate::numbers::tick`]).

/// Most ticks `nice_ticks` is asked for; bounds its work for any input.
pub const MAX_TICKS: usize = 1000;

/// Round values (1, 2 or 5 × 10^k apart) covering `[min, max]`, about `target_count` of them.
///
/// The step is the 1-2-5 value nearest to `(max − min) / target_count`, so the count stays
/// within roughly 0.7× to 1.5× the target. Ticks are exact decimals (`0.6`, not `0.6000000000000001`)
/// for steps down to 1e-22. Empty for reversed or non-finite input, a zero target, or a span
/// beyond what f64 can step through; `[min]` when `min == max`.
pub fn nice_ticks(min: f64, max: f64, target_count: usize) -> Vec<f64> {
    let target_count = target_count.min(MAX_TICKS);
    if target_count == 0 || !min.is_finite() || !max.is_finite() || min > max {
        return Vec::new();
    }
    if min == max {
        return vec![min];
    }
    let Some((mantissa, exponent)) = nice_step((max - min) / target_count as f64) else {
        return Vec::new();
    };
    let step = mantissa * power_of_ten(exponent);
    // Tolerate rounding so that an end which is a multiple of the step gets its tick.
    let slack = 1e-9;
    let first = (min / step - slack).ceil();
    let last = (max / step + slack).floor();
    if !(first.is_finite() && last.is_finite() && first <= last) {
        return Vec::new();
    }
    let count = ((last - first) as usize)
        .saturating_add(1)
        .min(2 * target_count + 2);
    let tolerance = slack * step;
    let mut ticks: Vec<f64> = Vec::with_capacity(count);
    for index in 0..count {
        let multiple = (first + index as f64) * mantissa;
        // Adding 0.0 turns a -0.0 (from `ceil` of a small negative) into 0.0.
        let tick = scale_by_power_of_ten(multiple, exponent) + 0.0;
        let in_range = tick >= min - tolerance && tick <= max + tolerance;
        if in_range && ticks.last() != Some(&tick) {
            ticks.push(tick);
        }
    }
    ticks
}

/// The 1-2-5 step nearest `raw`, as (mantissa, decimal exponent); `None` when `raw` is not a usable step.
fn nice_step(raw: f64) -> Option<(f64, i32)> {
    if !(raw.is_finite() && raw > 0.0) {
        return None;
    }
    let exponent = raw.log10().floor() as i32;
    let magnitude = power_of_ten(exponent);
    if !(magnitude.is_finite() && magnitude > 0.0) {
        return None;
    }
    let residual = raw / magnitude;
    let step = if residual < 1.5 {
        (1.0, exponent)
    } else if residual < 3.0 {
        (2.0, exponent)
    } else if residual < 7.0 {
        (5.0, exponent)
    } else {
        (1.0, exponent + 1)
    };
    let size = step.0 * power_of_ten(step.1);
    (size.is_finite() && size > 0.0).then_some(step)
}

/// 10^exponent, exact for |exponent| ≤ 22 (a negative power is one division, not an inexact product).
pub(crate) fn power_of_ten(exponent: i32) -> f64 {
    scale_by_power_of_ten(1.0, exponent)
}

/// `value × 10^exponent` rounded once, so whole multiples of a decimal step land on the decimal.
fn scale_by_power_of_ten(value: f64, exponent: i32) -> f64 {
    if exponent >= 0 {
        value * 10f64.powi(exponent)
    } else {
        value / 10f64.powi(exponent.saturating_neg())
    }
}
