//! Inputs the fuzzers (fuzz/, run by scripts/fuzz) found breaking the core, kept as plain tests once fixed.

use saddle::analysis::{analyze, PointKind};
use saddle::formula::Formula;
use saddle::share::{decode, encode};
use saddle::surface::LossSurface;

fn formula(text: &str) -> Formula {
    Formula::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"))
}

/// Plain and dual evaluation agree on L, and the analysis is defined.
fn assert_same_value(text: &str, at: [f64; 2], expected: f64) {
    let surface = formula(text);
    assert_eq!(surface.value(at[0], at[1]), expected, "{text} plain");
    let derivatives = surface.derivatives(at);
    assert_eq!(derivatives.value, expected, "{text} dual");
}

/// fuzz/formula: y^(2^256) at y = −1 was −1 in the analysis (num-dual's powf computes a^(c−3)·a³,
/// and c − 3 rounds to c) but 1 on the heatmap.
#[test]
fn a_huge_even_exponent_of_minus_one_is_one_in_both_evaluations() {
    assert_same_value("x^ 2^ 4+ y^+2^ 04^ 04+ y^04", [1.0, -1.0], 3.0);
    assert_same_value("x^(2^60)", [-1.0, 0.0], 1.0);
    let d = formula("x^(2^60) + y^2").derivatives([-1.0, 0.5]);
    assert_eq!(d.value, 1.25);
    assert_eq!(d.gradient[1], 1.0);
}

/// fuzz/formula: y^(2^−55) at y = −1 was undefined on the heatmap but 1 in the analysis (num-dual rounds c − 3 to −3).
#[test]
fn a_tiny_fractional_exponent_of_a_negative_base_is_undefined_in_both_evaluations() {
    let text = "20 + x^.2 - 0*cos(20*x) + y^220 + x^2 - 0*cos(20*x) + y^2^ - 55*cos(2*pi*y) - 10*cos(2*pi*y)";
    let surface = formula(text);
    assert!(surface.value(1.0, -1.0).is_nan());
    assert_eq!(analyze(&surface, [1.0, -1.0]).kind, PointKind::Undefined);
    assert!(formula("x^(2^-55)").value(-1.0, 0.0).is_nan());
    assert_eq!(formula("x^(2^-55)").derivatives([1.0, 0.0]).value, 1.0);
}

/// Found while fixing the huge exponent: x^2.5 at 0 came out NaN from num-dual (∞·0) although L, ∇L and ∇²L are all 0.
#[test]
fn a_fractional_power_above_two_is_smooth_at_zero() {
    let d = formula("x^2.5 + y^2").derivatives([0.0, 0.0]);
    assert_eq!(d.value, 0.0);
    assert_eq!(d.gradient, [0.0, 0.0]);
    assert_eq!(d.hessian, [[0.0, 0.0], [0.0, 2.0]]);
    assert_eq!(
        analyze(&formula("x^2.5 + y^2"), [0.0, 0.0]).kind,
        PointKind::Degenerate
    );
    // Below 2 the curvature at 0 is infinite: undefined, as before.
    assert_eq!(
        analyze(&formula("x^1.5"), [0.0, 0.0]).kind,
        PointKind::Undefined
    );
}

/// Found by the same invariant: (−2)^y was −8 at y = 3 on the heatmap but undefined in the analysis.
#[test]
fn a_variable_exponent_is_undefined_for_a_negative_base_in_both_evaluations() {
    let power = formula("x^y");
    assert!(power.value(-2.0, 3.0).is_nan());
    assert_eq!(analyze(&power, [-2.0, 3.0]).kind, PointKind::Undefined);
    assert_eq!(power.value(2.0, 3.0), 8.0);
    let d = power.derivatives([2.0, 3.0]);
    assert!((d.gradient[0] - 12.0).abs() < 1e-12);
    assert!((d.gradient[1] - 8.0 * 2f64.ln()).abs() < 1e-12);
}

/// fuzz/share_link: a 400-digit number made a 450-character notice; notices must stay one short sentence.
#[test]
fn long_numbers_and_names_are_cut_short_in_messages() {
    let digits = format!("1{}", "0".repeat(400));
    let name = "a".repeat(120);
    for text in [digits.clone(), format!("{name}(x)"), format!("x {digits}")] {
        let decoded = decode(&format!("#expr={text}"));
        assert_eq!(decoded.notices.len(), 1);
        let notice = &decoded.notices[0];
        assert!(notice.chars().count() < 300, "{notice}");
    }
    let error = Formula::parse(&digits).expect_err("too large");
    assert_eq!(
        error.message(),
        "the number 100000000000000000000000… is too large"
    );
    let error = Formula::parse("x 1e300").expect_err("missing operator");
    assert_eq!(
        error.message(),
        "expected an operator before the number 1e300 (write 2*x, not 2x)"
    );
}

/// Found by reading the codec for the share_link invariant: a formula written raw with spaces fits the
/// 64 kB limit but its link, with every space as %20, did not, so sharing it again opened the default scene.
#[test]
fn a_formula_too_long_to_share_again_is_refused() {
    let spaced = format!("#expr={}x", " ".repeat(30_000));
    let first = decode(&spaced);
    assert_eq!(first.scene, decode("").scene);
    assert_eq!(first.notices.len(), 1);
    assert!(first.notices[0].contains("too long for a link"));
    let second = decode(&encode(&first.scene));
    assert_eq!(second.scene, first.scene);
    // Just under the limit it is taken, and survives the round trip.
    let fitting = format!("#expr={}x", " ".repeat(20_000));
    let first = decode(&fitting);
    assert!(first.notices.is_empty());
    assert_eq!(decode(&encode(&first.scene)).scene, first.scene);
}
