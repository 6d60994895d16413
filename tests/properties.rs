//! Property tests of the core: the parser never panics, AD agrees with central differences,
//! the Hessian is symmetric and its eigen-decomposition rebuilds it.

use proptest::prelude::*;
use saddle::analysis::symmetric_eigen;
use saddle::formula::Formula;
use saddle::surface::LossSurface;

/// Random smooth formulas in x and y, built from a small grammar so they always parse.
fn smooth_formula() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        Just("x".to_string()),
        Just("y".to_string()),
        (-3.0..3.0f64).prop_map(|c| format!("({c:.3})")),
    ];
    leaf.prop_recursive(4, 24, 2, |inner| {
        prop_oneof![
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("({a} + {b})")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("({a} - {b})")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("({a} * {b})")),
            inner.clone().prop_map(|a| format!("({a})^2")),
            inner.clone().prop_map(|a| format!("sin({a})")),
            inner.clone().prop_map(|a| format!("tanh({a})")),
            inner.clone().prop_map(|a| format!("exp(0.3*{a})")),
            inner.prop_map(|a| format!("sqrt(1 + ({a})^2)")),
        ]
    })
}

fn close(a: f64, b: f64, tolerance: f64) -> bool {
    (a - b).abs() <= tolerance * (1.0 + a.abs().max(b.abs()))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn parser_returns_a_value_or_an_error_inside_the_text(text in "\\PC{0,60}") {
        if let Err(error) = Formula::parse(&text) {
            let length = text.chars().count();
            prop_assert!(error.column >= 1 && error.column <= length + 1, "{error} for {text:?}");
            prop_assert!(!error.message().is_empty() && !error.message().contains('\n'));
        }
    }

    #[test]
    fn parser_survives_formula_like_noise(text in "[xy0-9.e+*/^() -]{0,80}") {
        let _ = Formula::parse(&text).map(|f| f.value(0.5, -0.5));
    }

    /// `value` runs a separately compiled tape (operands fused into operations, the stack's top in a
    /// register); it must give the very bits the generic evaluator gives, NaN where that is NaN.
    #[test]
    fn plain_values_equal_the_generic_evaluation_bit_for_bit(
        text in prop_oneof![smooth_formula(), "[xy0-9.+*/^() -]{1,60}"],
        x in -3.0..3.0f64,
        y in -3.0..3.0f64,
    ) {
        let Ok(formula) = Formula::parse(&text) else { return Ok(()) };
        let generic = formula.eval(x, y, &mut Vec::new());
        let plain = formula.value(x, y);
        prop_assert!(
            plain.to_bits() == generic.to_bits() || (plain.is_nan() && generic.is_nan()),
            "{text}: {plain} vs {generic}"
        );
    }

    /// A lattice computes the parts that read one variable once per column or row; every value must be
    /// the very bits of evaluating that point alone.
    #[test]
    fn lattice_values_equal_pointwise_values_bit_for_bit(
        text in prop_oneof![smooth_formula(), "[xy0-9.+*/^() -]{1,60}"],
        xs in proptest::collection::vec(-3.0..3.0f64, 1..5),
        ys in proptest::collection::vec(-3.0..3.0f64, 1..5),
    ) {
        let Ok(formula) = Formula::parse(&text) else { return Ok(()) };
        let lattice = formula.lattice_values(&xs, &ys);
        prop_assert_eq!(lattice.len(), xs.len() * ys.len());
        let pointwise = ys.iter().flat_map(|&y| xs.iter().map(move |&x| (x, y)));
        for (value, (x, y)) in lattice.iter().zip(pointwise) {
            let alone = formula.value(x, y);
            prop_assert!(
                value.to_bits() == alone.to_bits() || (value.is_nan() && alone.is_nan()),
                "{}: {} vs {} at ({}, {})", text, value, alone, x, y
            );
        }
    }

    #[test]
    fn ad_matches_central_differences(text in smooth_formula(), x in -1.5..1.5f64, y in -1.5..1.5f64) {
        let formula = Formula::parse(&text).expect("the grammar only builds valid formulas");
        let d = formula.derivatives([x, y]);
        prop_assume!(d.is_finite() && d.value.abs() < 1e6);
        let step = 1e-5;
        let central = |f: &dyn Fn(f64, f64) -> f64| {
            [
                (f(x + step, y) - f(x - step, y)) / (2.0 * step),
                (f(x, y + step) - f(x, y - step)) / (2.0 * step),
            ]
        };
        let gradient = central(&|a, b| formula.value(a, b));
        for (exact, estimate) in d.gradient.iter().zip(gradient) {
            prop_assert!(close(*exact, estimate, 1e-5), "{exact} vs {estimate}");
        }
        // Each Hessian column is the central difference of the exact gradient.
        let gx = central(&|a, b| formula.derivatives([a, b]).gradient[0]);
        let gy = central(&|a, b| formula.derivatives([a, b]).gradient[1]);
        prop_assert!(close(d.hessian[0][0], gx[0], 1e-5) && close(d.hessian[0][1], gx[1], 1e-5));
        prop_assert!(close(d.hessian[1][0], gy[0], 1e-5) && close(d.hessian[1][1], gy[1], 1e-5));
    }

    #[test]
    fn curvature_gradient_matches_central_differences_of_the_hessian(
        text in smooth_formula(), x in -1.5..1.5f64, y in -1.5..1.5f64, angle in 0.0..std::f64::consts::PI,
    ) {
        let formula = Formula::parse(&text).expect("valid");
        let d = formula.derivatives([x, y]);
        prop_assume!(d.is_finite() && d.value.abs() < 1e6);
        let u = [angle.cos(), angle.sin()];
        let curvature = |a: f64, b: f64| {
            let h = formula.derivatives([a, b]).hessian;
            u[0] * u[0] * h[0][0] + 2.0 * u[0] * u[1] * h[0][1] + u[1] * u[1] * h[1][1]
        };
        let step = 1e-5;
        let estimate = [
            (curvature(x + step, y) - curvature(x - step, y)) / (2.0 * step),
            (curvature(x, y + step) - curvature(x, y - step)) / (2.0 * step),
        ];
        let exact = formula.curvature_gradient([x, y], u);
        prop_assume!(exact.iter().all(|t| t.is_finite() && t.abs() < 1e6));
        for (exact, estimate) in exact.iter().zip(estimate) {
            prop_assert!(close(*exact, estimate, 1e-4), "{exact} vs {estimate}");
        }
    }

    #[test]
    fn hessian_is_symmetric_and_eigenvectors_rebuild_it(text in smooth_formula(), x in -1.5..1.5f64, y in -1.5..1.5f64) {
        let formula = Formula::parse(&text).expect("valid");
        let d = formula.derivatives([x, y]);
        prop_assume!(d.is_finite());
        prop_assert_eq!(d.hessian[0][1], d.hessian[1][0]);
        let eigen = symmetric_eigen(d.hessian);
        prop_assert!(eigen.values[0] <= eigen.values[1]);
        let scale = 1.0 + d.hessian.iter().flatten().fold(0.0f64, |m, v| m.max(v.abs()));
        for i in 0..2 {
            for j in 0..2 {
                let rebuilt: f64 = (0..2).map(|k| eigen.values[k] * eigen.vectors[k][i] * eigen.vectors[k][j]).sum();
                prop_assert!((rebuilt - d.hessian[i][j]).abs() <= 1e-10 * scale, "H[{i}][{j}]");
            }
        }
        for v in eigen.vectors {
            prop_assert!((v[0].hypot(v[1]) - 1.0).abs() < 1e-12);
        }
    }
}
