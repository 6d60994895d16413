//! 1-D slices through θ′: L along a line and its second-order model, against the exact formulas of the
//! lecture's saddle.

use saddle::analysis::{slice, Bend, MAX_SLICE_SAMPLES};
use saddle::formula::Formula;

fn lecture() -> Formula {
    Formula::parse("(1 - x*y)^2").unwrap()
}

fn close(a: f64, b: f64, tolerance: f64) -> bool {
    (a - b).abs() <= tolerance
}

#[test]
fn at_the_lectures_saddle_the_diagonal_curves_down_the_antidiagonal_up_and_x_not_at_all() {
    let l = lecture();
    // Along (1, 1)/√2: θ = (t/√2, t/√2), xy = t²/2, L = (1 − t²/2)² = 1 − t² + t⁴/4, q(t) = 1 − t².
    let down = slice(&l, [0.0, 0.0], [1.0, 1.0], 1.5, 31).unwrap();
    let h = std::f64::consts::FRAC_1_SQRT_2;
    assert!(close(down.direction[0], h, 1e-15) && close(down.direction[1], h, 1e-15));
    assert!(close(down.curvature, -2.0, 1e-12), "{}", down.curvature);
    assert_eq!(down.bend(), Bend::Down);
    assert!(close(down.slope, 0.0, 1e-15) && close(down.value, 1.0, 1e-15));
    assert_eq!(down.samples.len(), 31);
    for &[t, value] in &down.samples {
        let exact = (1.0 - t * t / 2.0).powi(2);
        assert!(close(value, exact, 1e-12), "L({t}) = {value}, not {exact}");
        assert!(close(down.model(t), 1.0 - t * t, 1e-12));
    }
    assert_eq!(down.samples[0][0], -1.5);
    assert_eq!(down.samples[30][0], 1.5);
    assert!(close(down.samples[15][0], 0.0, 1e-15));

    // Along (1, −1)/√2: xy = −t²/2, L = (1 + t²/2)², q(t) = 1 + t²: a minimum along this line.
    let up = slice(&l, [0.0, 0.0], [2.0, -2.0], 1.0, 11).unwrap();
    assert!(close(up.curvature, 2.0, 1e-12));
    assert_eq!(up.bend(), Bend::Up);
    for &[t, value] in &up.samples {
        assert!(close(value, (1.0 + t * t / 2.0).powi(2), 1e-12));
        assert!(close(up.model(t), 1.0 + t * t, 1e-12));
    }

    // Along x: y = 0, L = 1 for every t; the model is the constant 1 and dᵀHd = 0 exactly.
    let flat = slice(&l, [0.0, 0.0], [3.0, 0.0], 2.0, 9).unwrap();
    assert_eq!(flat.curvature, 0.0);
    assert_eq!(flat.bend(), Bend::Flat);
    assert!(flat.samples.iter().all(|&[_, value]| value == 1.0));
    // In every direction dᵀHd lies between the eigenvalues −2 and 2.
    assert!(close(flat.eigenvalues[0], -2.0, 1e-12) && close(flat.eigenvalues[1], 2.0, 1e-12));
}

#[test]
fn away_from_a_critical_point_the_model_has_the_slope_of_the_gradient() {
    // At θ′ = (0.5, 1) on the lecture's surface: g = −2(1 − xy)(y, x) = (−1, −0.5),
    // H = [[2y², 4xy − 2], [4xy − 2, 2x²]] = [[2, 0], [0, 0.5]]. Along d = (0.6, 0.8):
    // gᵀd = −0.6 − 0.4 = −1, dᵀHd = 2·0.36 + 0.5·0.64 = 1.04.
    let s = slice(&lecture(), [0.5, 1.0], [0.6, 0.8], 0.1, 5).unwrap();
    assert!(close(s.value, 0.25, 1e-15));
    assert!(close(s.slope, -1.0, 1e-12), "{}", s.slope);
    assert!(close(s.curvature, 1.04, 1e-12), "{}", s.curvature);
    // L along the line is (1 − (0.5 + 0.6t)(1 + 0.8t))²; it leaves the model only at third order:
    // L − q = t³·L‴(0)/6 + O(t⁴), with L‴(0)/6 = 0.96 (0.937 to 0.983 over |t| ≤ 0.1).
    for &[t, value] in &s.samples {
        let exact = (1.0 - (0.5 + 0.6 * t) * (1.0 + 0.8 * t)).powi(2);
        assert!(close(value, exact, 1e-14), "L({t}) = {value}, not {exact}");
        let cubic = (value - s.model(t)) / t.powi(3);
        assert!(t == 0.0 || (0.93..0.99).contains(&cubic), "{t}: {cubic}");
        assert!(close(s.point_at(t)[0], 0.5 + 0.6 * t, 1e-15));
        assert!(close(s.point_at(t)[1], 1.0 + 0.8 * t, 1e-15));
    }
}

#[test]
fn the_curvature_does_not_depend_on_the_units_of_l() {
    // 1e-8 · (x² − y²) along (1, 1)/√2 has dᵀHd = 0 exactly, along x 2e-8: tiny but clearly curving up.
    let tiny = Formula::parse("1e-8 * (x^2 - y^2)").unwrap();
    assert_eq!(
        slice(&tiny, [0.0, 0.0], [1.0, 0.0], 1.0, 3).unwrap().bend(),
        Bend::Up
    );
    assert_eq!(
        slice(&tiny, [0.0, 0.0], [0.0, 1.0], 1.0, 3).unwrap().bend(),
        Bend::Down
    );
    assert_eq!(
        slice(&tiny, [0.0, 0.0], [1.0, 1.0], 1.0, 3).unwrap().bend(),
        Bend::Flat
    );
}

#[test]
fn undefined_values_and_bad_requests_never_panic() {
    // log(x) through (1, 0) along x: undefined for t ≤ −1, where the samples are NaN.
    let log = Formula::parse("log(x) + y^2").unwrap();
    let s = slice(&log, [1.0, 0.0], [1.0, 0.0], 2.0, 5).unwrap();
    assert!(s.samples[0][1].is_nan() && s.samples[1][1].is_nan());
    assert!(close(s.samples[4][1], 3f64.ln(), 1e-15));
    assert!(close(s.curvature, -1.0, 1e-15));
    // Undefined at θ′ itself: no model to draw.
    assert!(slice(&log, [-1.0, 0.0], [1.0, 0.0], 1.0, 5).is_err());
    let l = lecture();
    assert!(slice(&l, [0.0, 0.0], [0.0, 0.0], 1.0, 5).is_err());
    assert!(slice(&l, [0.0, 0.0], [f64::NAN, 1.0], 1.0, 5).is_err());
    assert!(slice(&l, [f64::INFINITY, 0.0], [1.0, 0.0], 1.0, 5).is_err());
    assert!(slice(&l, [0.0, 0.0], [1.0, 0.0], 0.0, 5).is_err());
    assert!(slice(&l, [0.0, 0.0], [1.0, 0.0], f64::NAN, 5).is_err());
    // Sample counts are clamped, not refused.
    assert_eq!(
        slice(&l, [0.0, 0.0], [1.0, 0.0], 1.0, 0)
            .unwrap()
            .samples
            .len(),
        2
    );
    let most = slice(&l, [0.0, 0.0], [1.0, 0.0], 1.0, usize::MAX).unwrap();
    assert_eq!(most.samples.len(), MAX_SLICE_SAMPLES);
}
