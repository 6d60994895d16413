//! Elementary functions built from exactly rounded operations only (+, −, ×, ÷, rounding to an integer,
//! reading and writing a float's bits), so they return the same bits on every target.
//!
//! The platform's `exp`, `tanh`, `sin` and `ln` come from different libraries natively and in wasm and may
//! differ in the last bit; a seed that names a dataset or a training run must give the same numbers in
//! the page and on the command line. Each function is accurate to a few ulp (tests compare with the
//! platform's), and none is on a path where a last-bit difference from the platform would matter.

use std::f64::consts::{FRAC_PI_2, LN_2, LOG2_E};

/// ln 2 split so that k·LN_2_HIGH is exact for |k| < 2²⁰ (fdlibm's split): the reduction x − k·ln 2
/// then loses nothing to rounding.
const LN_2_HIGH: f64 = f64::from_bits(0x3FE6_2E42_FEE0_0000);
const LN_2_LOW: f64 = f64::from_bits(0x3DEA_39EF_3579_3C76);
/// π/2 split the same way (fdlibm's pio2_1 and pio2_1t): k·PI_2_HIGH is exact for |k| < 2²⁰.
const PI_2_HIGH: f64 = f64::from_bits(0x3FF9_21FB_5440_0000);
const PI_2_LOW: f64 = f64::from_bits(0x3DD0_B461_1A62_6331);

/// 1/k! for k = 2…13: with |r| ≤ ln 2 / 2, the first omitted term r¹⁴/14! is below 10⁻¹⁷.
const INVERSE_FACTORIALS: [f64; 12] = [
    1.0 / 2.0,
    1.0 / 6.0,
    1.0 / 24.0,
    1.0 / 120.0,
    1.0 / 720.0,
    1.0 / 5040.0,
    1.0 / 40320.0,
    1.0 / 362880.0,
    1.0 / 3628800.0,
    1.0 / 39916800.0,
    1.0 / 479001600.0,
    1.0 / 6227020800.0,
];

/// Above this eˣ overflows; below the negative bound it is under 2⁻¹⁰²² and returned as 0.
const EXP_OVERFLOW: f64 = 709.78;
const EXP_UNDERFLOW: f64 = -708.39;

/// eˣ.
pub(crate) fn exp(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    if x > EXP_OVERFLOW {
        return f64::INFINITY;
    }
    if x < EXP_UNDERFLOW {
        return 0.0;
    }
    let (power, reduced) = reduce_by_ln_2(x);
    power * (1.0 + small_exp_m1(reduced))
}

/// 1.5·2⁵²: adding and subtracting it rounds a float of magnitude below 2⁵¹ to the nearest integer (ties
/// to even) in two exactly specified operations, where `f64::round` is a library call on baseline x86-64.
const ROUNDING_SHIFT: f64 = 6_755_399_441_055_744.0;

/// The integer nearest x (|x| < 2⁵¹).
fn nearest_integer(x: f64) -> f64 {
    (x + ROUNDING_SHIFT) - ROUNDING_SHIFT
}

/// (2ᵏ, r) with x = k·ln 2 + r, |r| ≤ ln 2 / 2 (a hair more at ties); x must lie within the exponent range.
fn reduce_by_ln_2(x: f64) -> (f64, f64) {
    let k = nearest_integer(x * LOG2_E);
    let reduced = (x - k * LN_2_HIGH) - k * LN_2_LOW;
    let power = f64::from_bits(((1023 + k as i64) as u64) << 52);
    (power, reduced)
}

/// eʳ − 1 for |r| ≤ ln 2 / 2: the Taylor series r + r²·Σ rⁱ/(i + 2)!, the sum evaluated by Estrin's
/// scheme (pairs, then pairs of pairs): a third of Horner's dependency chain. A `const fn`, so that the
/// table of [`tanh`]'s nodes is computed with it at compile time.
const fn small_exp_m1(r: f64) -> f64 {
    let c = &INVERSE_FACTORIALS;
    let r2 = r * r;
    let r4 = r2 * r2;
    let r8 = r4 * r4;
    let quads = [
        (c[0] + c[1] * r) + (c[2] + c[3] * r) * r2,
        (c[4] + c[5] * r) + (c[6] + c[7] * r) * r2,
        (c[8] + c[9] * r) + (c[10] + c[11] * r) * r2,
    ];
    let tail = (quads[0] + quads[1] * r4) + quads[2] * r8;
    r + r2 * tail
}

/// Beyond this |x|, tanh x is ±1 to rounding (1 − tanh 20 ≈ 8·10⁻¹⁸).
const TANH_SATURATION: f64 = 20.0;
/// [`tanh`]'s nodes are the multiples of 1/16 from 0 to [`TANH_SATURATION`].
const TANH_NODES_PER_UNIT: f64 = 16.0;
const TANH_NODE_COUNT: usize = 321;

/// tanh at the nodes j/16, computed at compile time by [`tanh_by_exp`]: the compiler's floating point is
/// IEEE arithmetic too, so the table has the same bits on every target.
static TANH_NODES: [f64; TANH_NODE_COUNT] = tanh_nodes();

const fn tanh_nodes() -> [f64; TANH_NODE_COUNT] {
    let mut nodes = [0.0; TANH_NODE_COUNT];
    let mut j = 0;
    while j < TANH_NODE_COUNT {
        nodes[j] = tanh_by_exp(j as f64 / TANH_NODES_PER_UNIT);
        j += 1;
    }
    nodes
}

/// tanh y for 0 ≤ y ≤ 20 as e/(e + 2) with e = e^{2y} − 1: no cancellation anywhere.
const fn tanh_by_exp(y: f64) -> f64 {
    let doubled = 2.0 * y;
    // doubled ∈ [0, 40], so k = round(doubled / ln 2) ∈ [0, 58] sits in the low bits of the shifted sum.
    let shifted = doubled * LOG2_E + ROUNDING_SHIFT;
    let k = shifted - ROUNDING_SHIFT;
    let reduced = (doubled - k * LN_2_HIGH) - k * LN_2_LOW;
    let power = f64::from_bits(((shifted.to_bits() & 0xFF) + 1023) << 52);
    let e = power * small_exp_m1(reduced) + (power - 1.0);
    e / (e + 2.0)
}

/// tanh x by the addition formula tanh(a + b) = (tanh a + tanh b)/(1 + tanh a·tanh b), with a the node
/// nearest |x| (its tanh from the table) and |b| ≤ 1/32 (its tanh by the odd series to b⁹; the next term
/// is below 10⁻¹⁷·b). Within 3 ulp, in half the exponential route's operations: the network's
/// forward pass runs one per hidden unit and example. Branch-free (NaN flows through the arithmetic), so
/// loops over it vectorize.
pub(crate) fn tanh(x: f64) -> f64 {
    let magnitude = x.abs();
    // A comparison, not `min`, so that NaN stays NaN.
    let clamped = if magnitude > TANH_SATURATION {
        TANH_SATURATION
    } else {
        magnitude
    };
    // j = round(16·|x|) ≤ 320 sits in the low bits of the shifted sum; |x| − j/16 is exact (Sterbenz).
    let shifted = clamped * TANH_NODES_PER_UNIT + ROUNDING_SHIFT;
    let node = shifted - ROUNDING_SHIFT;
    let b = clamped - node / TANH_NODES_PER_UNIT;
    let index = ((shifted.to_bits() & 0x1FF) as usize).min(TANH_NODE_COUNT - 1);
    let tanh_a = TANH_NODES[index];
    // tanh b = b − b³/3 + 2b⁵/15 − 17b⁷/315 + 62b⁹/2835.
    let b2 = b * b;
    let series =
        (-1.0 / 3.0 + b2 * (2.0 / 15.0)) + (b2 * b2) * (-17.0 / 315.0 + b2 * (62.0 / 2835.0));
    let tanh_b = b + b * b2 * series;
    ((tanh_a + tanh_b) / (1.0 + tanh_a * tanh_b)).copysign(x)
}

/// ln(1 + u) for u ≥ 0 (u = 0 included), accurate also for small u: 2·atanh(u / (2 + u)).
pub(crate) fn ln_1p(u: f64) -> f64 {
    if u > 1.0 {
        return ln(1.0 + u);
    }
    atanh_series(u / (2.0 + u))
}

/// ln s: s = m·2ᵉ with m in [1, 2) read from the bits, ln m = 2·atanh((m − 1)/(m + 1)).
pub(crate) fn ln(s: f64) -> f64 {
    if s.is_nan() || s < 0.0 {
        return f64::NAN;
    }
    if s == 0.0 || s.is_infinite() {
        return if s == 0.0 { f64::NEG_INFINITY } else { s };
    }
    if s < f64::MIN_POSITIVE {
        return ln(s * 2f64.powi(54)) - 54.0 * LN_2; // subnormal: scale into the normal range first
    }
    let bits = s.to_bits();
    let exponent = ((bits >> 52) & 0x7FF) as i64 - 1023;
    let mantissa = f64::from_bits((bits & 0x000F_FFFF_FFFF_FFFF) | 0x3FF0_0000_0000_0000);
    exponent as f64 * LN_2 + atanh_series((mantissa - 1.0) / (mantissa + 1.0))
}

/// 2·atanh(t) = 2·(t + t³/3 + t⁵/5 + …) for 0 ≤ t ≤ 1/3, summed until the terms vanish.
fn atanh_series(t: f64) -> f64 {
    let t_squared = t * t;
    let mut power = t;
    let mut series = 0.0;
    let mut odd = 1.0;
    while power > 1e-18 * t {
        series += power / odd;
        power *= t_squared;
        odd += 2.0;
    }
    2.0 * series
}

/// ln(1 + eᵗ) without overflow: max(t, 0) + ln(1 + e^{−|t|}).
pub(crate) fn softplus(t: f64) -> f64 {
    t.max(0.0) + ln_1p(exp(-t.abs()))
}

/// 1/(1 + e^{−t}), from e^{−|t|} so nothing overflows.
pub(crate) fn sigmoid(t: f64) -> f64 {
    let e = exp(-t.abs());
    if t >= 0.0 {
        1.0 / (1.0 + e)
    } else {
        e / (1.0 + e)
    }
}

/// sin x and cos x for |x| up to about 10⁵ (the reduction by π/2 is exact there).
pub(crate) fn sin_cos(x: f64) -> (f64, f64) {
    let k = nearest_integer(x / FRAC_PI_2);
    let r = (x - k * PI_2_HIGH) - k * PI_2_LOW;
    let (s, c) = (small_sin(r), small_cos(r));
    match (k as i64).rem_euclid(4) {
        0 => (s, c),
        1 => (c, -s),
        2 => (-s, -c),
        _ => (-c, s),
    }
}

/// sin r for |r| ≤ π/4: Taylor series to r¹⁷ (the next term is below 10⁻¹⁸).
fn small_sin(r: f64) -> f64 {
    let r2 = r * r;
    let mut term = r;
    let mut sum = r;
    for k in 1..9 {
        term *= -r2 / ((2 * k) as f64 * (2 * k + 1) as f64);
        sum += term;
    }
    sum
}

/// cos r for |r| ≤ π/4: Taylor series to r¹⁸.
fn small_cos(r: f64) -> f64 {
    let r2 = r * r;
    let mut term = 1.0;
    let mut sum = 1.0;
    for k in 1..10 {
        term *= -r2 / ((2 * k - 1) as f64 * (2 * k) as f64);
        sum += term;
    }
    sum
}

#[cfg(test)]
mod tests {
    use super::*;

    /// |a − b| in units of b's last place (at least the smallest normal's, so 0 compares sanely).
    fn ulps(a: f64, b: f64) -> f64 {
        (a - b).abs() / (b.abs().max(f64::MIN_POSITIVE) * f64::EPSILON)
    }

    fn samples() -> impl Iterator<Item = f64> {
        (-2000..=2000).map(|i| i as f64 * 0.0137).chain([
            0.0, 1e-300, -1e-300, 1e-20, -1e-12, 1e-8, 0.3466, -0.3466, 0.5, 19.9, 20.5, -35.0,
        ])
    }

    #[test]
    fn exp_agrees_with_the_platform() {
        for x in samples().chain([-700.0, 700.0, -300.5, 88.7]) {
            assert!(ulps(exp(x), x.exp()) <= 4.0, "exp({x})");
        }
        assert_eq!(exp(800.0), f64::INFINITY);
        assert_eq!(exp(-800.0), 0.0);
        assert_eq!(exp(0.0), 1.0);
        assert!(exp(f64::NAN).is_nan());
    }

    #[test]
    fn tanh_agrees_with_the_platform_and_saturates() {
        // Every node, the points halfway between (the addition formula's widest step) and a fine sweep.
        let nodes = (0..=2 * 320).map(|i| i as f64 / 32.0);
        let sweep = (-400_000..=400_000).map(|i| i as f64 * 5.3e-5);
        for x in samples().chain(nodes).chain(sweep) {
            assert!(ulps(tanh(x), x.tanh()) <= 3.0, "tanh({x})");
            assert_eq!(tanh(-x), -tanh(x), "tanh is odd at {x}");
        }
        for (j, &node) in TANH_NODES.iter().enumerate() {
            assert_eq!(tanh(j as f64 / 16.0), node, "the table's node {j}");
        }
        assert_eq!(tanh(0.0), 0.0);
        assert_eq!(tanh(1e3), 1.0);
        assert_eq!(tanh(-1e300), -1.0);
        assert!(tanh(f64::NAN).is_nan());
    }

    #[test]
    fn logarithms_agree_with_the_platform() {
        for u in [
            0.0, 1e-300, 1e-17, 1e-9, 0.001, 0.25, 0.5, 0.999, 1.0, 1.5, 1e10,
        ] {
            assert!(ulps(ln_1p(u), u.ln_1p()) <= 4.0, "ln_1p({u})");
        }
        for s in [
            1.0,
            0.5,
            0.75,
            1e-3,
            0.3333,
            0.999_999,
            1e-300,
            2f64.powi(-104),
            7.0,
            1e200,
            1e-310,
        ] {
            let expected: f64 = s.ln();
            assert!(
                (ln(s) - expected).abs() <= 4.0 * f64::EPSILON * expected.abs().max(1.0),
                "ln({s})"
            );
        }
        assert_eq!(ln(0.0), f64::NEG_INFINITY);
        assert!(ln(-1.0).is_nan());
    }

    #[test]
    fn softplus_and_sigmoid_are_stable_at_both_ends() {
        // Hand values: softplus(0) = ln 2, σ(0) = 1/2; far out softplus(t) = t and σ saturates.
        assert!(ulps(softplus(0.0), LN_2) <= 2.0);
        assert_eq!(softplus(1000.0), 1000.0);
        assert!(ulps(softplus(-30.0), (-30.0f64).exp().ln_1p()) <= 4.0);
        assert_eq!(softplus(-1000.0), 0.0);
        assert_eq!(sigmoid(0.0), 0.5);
        assert_eq!(sigmoid(800.0), 1.0);
        assert_eq!(sigmoid(-800.0), 0.0);
        for t in [-5.0f64, -0.3, 0.7, 12.0] {
            let expected = 1.0 / (1.0 + (-t).exp());
            assert!(ulps(sigmoid(t), expected) <= 4.0, "σ({t})");
        }
    }

    #[test]
    fn sine_and_cosine_agree_with_the_platform() {
        for x in samples().chain([std::f64::consts::PI, 100.0, -1234.5]) {
            let (s, c) = sin_cos(x);
            // Absolute error relative to 1: near a zero of sin the relative error is not the measure.
            assert!((s - x.sin()).abs() <= 4.0 * f64::EPSILON, "sin({x})");
            assert!((c - x.cos()).abs() <= 4.0 * f64::EPSILON, "cos({x})");
        }
    }
}
