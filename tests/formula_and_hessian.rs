//! The formula language and the Hessian test, checked against the lecture's numbers and hand derivatives.

use saddle::analysis::{analyze, PointKind};
use saddle::formula::Formula;
use saddle::surface::LossSurface;

fn formula(text: &str) -> Formula {
    Formula::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"))
}

fn error(text: &str) -> String {
    match Formula::parse(text) {
        Ok(_) => panic!("{text:?} should not parse"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn lecture_network_origin_is_a_saddle_with_eigenvalues_plus_minus_two() {
    let analysis = analyze(&formula("(1 - x*y)^2"), [0.0, 0.0]);
    assert_eq!(analysis.derivatives.value, 1.0);
    assert_eq!(analysis.derivatives.gradient, [0.0, 0.0]);
    assert_eq!(analysis.derivatives.hessian, [[0.0, -2.0], [-2.0, 0.0]]);
    let [low, high] = analysis.eigen.values;
    assert!(
        (low + 2.0).abs() < 1e-12 && (high - 2.0).abs() < 1e-12,
        "{low} {high}"
    );
    let u = analysis.eigen.vectors[0];
    let half = std::f64::consts::FRAC_1_SQRT_2;
    assert!(
        (u[0] - half).abs() < 1e-12 && (u[1] - half).abs() < 1e-12,
        "{u:?}"
    );
    assert_eq!(analysis.kind, PointKind::Saddle);
    let (direction, lambda) = analysis.escape_direction().expect("a negative eigenvalue");
    assert_eq!(direction, u);
    assert!((lambda + 2.0).abs() < 1e-12);
}

#[test]
fn stepping_along_the_negative_eigenvector_lowers_the_loss() {
    let lecture = formula("(1 - x*y)^2");
    // L(θ′ + u) = (1 - 1·1)^2 = 0 < L(θ′) = 1 for the lecture's u = (1, 1).
    assert_eq!(lecture.value(1.0, 1.0), 0.0);
    assert!(lecture.value(0.1, 0.1) < lecture.value(0.0, 0.0));
}

#[test]
fn second_order_test_names_every_kind() {
    let kind = |text: &str, at: [f64; 2]| analyze(&formula(text), at).kind;
    assert_eq!(kind("x^2 + y^2", [0.0, 0.0]), PointKind::LocalMinimum);
    assert_eq!(kind("-x^2 - 3*y^2", [0.0, 0.0]), PointKind::LocalMaximum);
    assert_eq!(kind("x^2 - y^2", [0.0, 0.0]), PointKind::Saddle);
    assert_eq!(kind("x^3 - 3*x*y^2", [0.0, 0.0]), PointKind::Degenerate);
    assert_eq!(kind("x^4 + y^2", [0.0, 0.0]), PointKind::Degenerate);
    assert_eq!(kind("x^2 + y^2", [1.0, 0.0]), PointKind::Regular);
    assert_eq!(kind("log(x)", [-1.0, 0.0]), PointKind::Undefined);
}

#[test]
fn curvature_gradient_is_the_third_derivative_along_the_direction() {
    // L = x³ + x·y²: L_xxx = 6, L_xxy = 0, L_xyy = 2, L_yyy = 0 everywhere, so ∇(uᵀHu) = Σ uᵢuⱼ ∇H_ij:
    // u = (1, 0): (L_xxx, L_xxy) = (6, 0); u = (0, 1): (L_xyy, L_yyy) = (2, 0);
    // u = (1, 1)/√2: ½(L_xxk + 2L_xyk + L_yyk) = (½(6 + 2), ½·2·2) = (4, 2).
    let surface = formula("x^3 + x*y^2");
    let h = std::f64::consts::FRAC_1_SQRT_2;
    for (u, expected) in [
        ([1.0, 0.0], [6.0, 0.0]),
        ([0.0, 1.0], [2.0, 0.0]),
        ([h, h], [4.0, 2.0]),
    ] {
        let [tx, ty] = surface.curvature_gradient([0.7, -1.3], u);
        assert!(
            (tx - expected[0]).abs() < 1e-12 && (ty - expected[1]).abs() < 1e-12,
            "{u:?}: {tx} {ty}"
        );
    }
}

#[test]
fn derivatives_match_symbolic_differentiation() {
    // L = sin(x)·exp(y) + x^3·y - log(1 + x^2): derivatives by hand.
    let surface = formula("sin(x)*exp(y) + x^3*y - log(1 + x^2)");
    for &(x, y) in &[(0.3, -0.7), (1.9, 0.4), (-2.5, 1.1)] {
        let d = surface.derivatives([x, y]);
        let q: f64 = 1.0 + x * x;
        let expected_value = x.sin() * y.exp() + x.powi(3) * y - q.ln();
        let gx = x.cos() * y.exp() + 3.0 * x * x * y - 2.0 * x / q;
        let gy = x.sin() * y.exp() + x.powi(3);
        let hxx = -x.sin() * y.exp() + 6.0 * x * y - (2.0 * q - 4.0 * x * x) / (q * q);
        let hxy = x.cos() * y.exp() + 3.0 * x * x;
        let hyy = x.sin() * y.exp();
        let close = |a: f64, b: f64| (a - b).abs() <= 1e-9 * b.abs().max(1.0);
        assert!(close(d.value, expected_value));
        assert!(
            close(d.gradient[0], gx) && close(d.gradient[1], gy),
            "{d:?}"
        );
        assert!(close(d.hessian[0][0], hxx), "{} vs {hxx}", d.hessian[0][0]);
        assert!(close(d.hessian[0][1], hxy) && close(d.hessian[1][0], hxy));
        assert!(close(d.hessian[1][1], hyy));
    }
}

#[test]
fn numbers_constants_and_precedence() {
    let v = |text: &str| formula(text).value(2.0, 3.0);
    assert_eq!(v("2"), 2.0);
    assert_eq!(v("0.5 + .5"), 1.0);
    assert_eq!(v("1e-3"), 0.001);
    assert_eq!(v("2.5E+2"), 250.0);
    assert_eq!(v("-x^2"), -4.0);
    assert_eq!(v("2^x^2"), 16.0);
    assert_eq!(v("2^3^2"), 512.0);
    assert_eq!(v("2^-1"), 0.5);
    assert_eq!(v("x - y - 1"), -2.0);
    assert_eq!(v("12 / x / y"), 2.0);
    assert_eq!(v("1 + x * y"), 7.0);
    assert_eq!(v("(1 + x) * y"), 9.0);
    assert_eq!(v("--x"), 2.0);
    assert_eq!(v("x**2"), 4.0);
    assert_eq!(v("w1 * w2"), 6.0);
    assert_eq!(v("pi"), std::f64::consts::PI);
    assert_eq!(v("e"), std::f64::consts::E);
    assert_eq!(v("abs(-x) + sqrt(4)"), 4.0);
    assert!(v("log(-x)").is_nan());
}

#[test]
fn errors_name_the_column_and_what_was_expected() {
    assert_eq!(error("x + "), "column 5: expected an operand after '+'");
    assert_eq!(error("x +* y"), "column 4: expected an operand after '+'");
    assert_eq!(
        error("2x"),
        "column 2: expected an operator before 'x' (write 2*x, not 2x)"
    );
    assert!(error("(x + y").starts_with("column 7: expected ')' to close the '(' at column 1"));
    assert!(error("x + y)").starts_with("column 6: unmatched ')'"));
    assert!(error("").starts_with("column 1: the formula is empty"));
    assert!(error("   ").starts_with("column 1: the formula is empty"));
    let unknown = error("x + foo(y)");
    assert!(
        unknown.starts_with("column 5: unknown name 'foo'"),
        "{unknown}"
    );
    assert!(unknown.contains("sin") && unknown.contains("tanh"));
    assert!(error("sin x").starts_with("column 5: expected '(' after the function sin"));
    assert!(error("x # y").starts_with("column 3: unexpected character '#'"));
    assert!(error("x + \u{7}").starts_with("column 5: unexpected character U+0007"));
    assert!(error("θ + 1").starts_with("column 1: unexpected character 'θ'"));
    assert!(error("1e + x").starts_with("column 2: expected digits after the exponent"));
    assert!(error("1e999").starts_with("column 1: the number 1e999 is too large"));
    assert!(error("x ^ ").starts_with("column 5: expected an operand after '^'"));
}

#[test]
fn hostile_sizes_are_refused_or_evaluated_without_overflowing_the_stack() {
    let deep = format!("{}x{}", "(".repeat(50_000), ")".repeat(50_000));
    assert!(error(&deep).contains("nested too deeply"));
    let minus = format!("{}x", "-".repeat(100_000));
    assert!(error(&minus).contains("nested too deeply"));
    let towers = format!("x{}", "^x".repeat(50_000));
    assert!(error(&towers).contains("nested too deeply"));
    // A long flat chain is fine: the tape is evaluated iteratively.
    let long_sum = format!("x{}", " + x".repeat(40_000));
    assert_eq!(formula(&long_sum).value(1.0, 0.0), 40_001.0);
    assert!(error(&"x".repeat(300_000)).contains("too long"));
}
