//! The optimizers, step by step against hand arithmetic, and the verdicts their runs end with.

use proptest::prelude::*;
use saddle::formula::Formula;
use saddle::optim::{
    Hyperparameters, OptimizerKind, Run, RunStatus, DIVERGENCE_LIMIT, ESCAPE_LENGTH,
};
use saddle::surface::{LossSurface, Point};

const LECTURE: &str = "(1 - x*y)^2";
/// L = x² + 10y²: ∇L = (2x, 20y), H = diag(2, 20).
const BOWL: &str = "x^2 + 10*y^2";

fn formula(text: &str) -> Formula {
    Formula::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"))
}

fn hyper(learning_rate: f64, beta: f64) -> Hyperparameters {
    Hyperparameters {
        learning_rate,
        beta,
        ..Hyperparameters::default()
    }
}

/// The trajectory after `steps` steps of `kind` with η = 0.01, β = 0.9.
fn first_steps(kind: OptimizerKind, surface: &str, start: Point, steps: usize) -> Vec<Point> {
    let surface = formula(surface);
    let mut run = Run::new(kind, Hyperparameters::default(), start);
    for _ in 0..steps {
        run.step(&surface);
    }
    run.trajectory().to_vec()
}

fn assert_points(actual: &[Point], expected: &[Point]) {
    assert_eq!(actual.len(), expected.len(), "{actual:?}");
    for (a, e) in actual.iter().zip(expected) {
        assert!(
            (a[0] - e[0]).abs() <= 1e-12 && (a[1] - e[1]).abs() <= 1e-12,
            "got {actual:?}, expected {expected:?}"
        );
    }
}

#[test]
fn names_round_trip_and_defaults_match_the_lecture() {
    for kind in OptimizerKind::ALL {
        assert_eq!(OptimizerKind::from_name(kind.name()), Some(kind));
    }
    assert_eq!(OptimizerKind::from_name("Adam"), None);
    assert_eq!(OptimizerKind::SaddleFreeNewton.name(), "saddle-free-newton");
    assert_eq!(OptimizerKind::RmsProp.label(), "RMSProp");
    let with_beta: Vec<_> = OptimizerKind::ALL
        .into_iter()
        .filter(|k| k.uses_beta())
        .collect();
    assert_eq!(
        with_beta,
        [
            OptimizerKind::Momentum,
            OptimizerKind::GdMatched,
            OptimizerKind::Nesterov
        ]
    );
    assert_eq!(Hyperparameters::default(), hyper(0.01, 0.9));
    assert_eq!(RunStatus::StalledAtSaddle.name(), "stalled-at-saddle");
    assert_eq!(
        serde_json::to_string(&RunStatus::MaxSteps).unwrap(),
        "\"max-steps\""
    );
    assert!(!RunStatus::Running.is_finished() && RunStatus::MaxSteps.is_finished());
}

#[test]
fn gradient_descent_first_steps() {
    // g = (2, 20) → θ1 = (1 − 0.02, 1 − 0.2) = (0.98, 0.8);
    // g = (1.96, 16) → θ2 = (0.98 − 0.0196, 0.8 − 0.16) = (0.9604, 0.64).
    assert_points(
        &first_steps(OptimizerKind::Gd, BOWL, [1.0, 1.0], 2),
        &[[1.0, 1.0], [0.98, 0.8], [0.9604, 0.64]],
    );
}

#[test]
fn momentum_first_steps() {
    // m1 = −0.01·(2, 20) = (−0.02, −0.2)                          → θ1 = (0.98, 0.8)
    // m2 = 0.9·m1 − 0.01·(1.96, 16) = (−0.0376, −0.34)              → θ2 = (0.9424, 0.46)
    // m3 = 0.9·m2 − 0.01·(1.8848, 9.2) = (−0.052688, −0.398)        → θ3 = (0.889712, 0.062)
    assert_points(
        &first_steps(OptimizerKind::Momentum, BOWL, [1.0, 1.0], 3),
        &[[1.0, 1.0], [0.98, 0.8], [0.9424, 0.46], [0.889712, 0.062]],
    );
}

#[test]
fn nesterov_first_steps() {
    // b1 = g0 = (2, 20); θ1 = θ0 − 0.01·(g0 + 0.9·b1) = (1 − 0.038, 1 − 0.38) = (0.962, 0.62)
    // g1 = (1.924, 12.4); b2 = 0.9·b1 + g1 = (3.724, 30.4);
    // θ2 = θ1 − 0.01·(g1 + 0.9·b2) = (0.962 − 0.052756, 0.62 − 0.3976) = (0.909244, 0.2224)
    assert_points(
        &first_steps(OptimizerKind::Nesterov, BOWL, [1.0, 1.0], 2),
        &[[1.0, 1.0], [0.962, 0.62], [0.909244, 0.2224]],
    );
}

#[test]
fn rmsprop_first_steps() {
    let eps: f64 = 1e-8;
    // s1 = 0.01·g0² = (0.04, 4), √s1 = (0.2, 2): the first step is ≈ 10η per coordinate.
    // θ1 ≈ (0.9, 0.9).
    let x1 = 1.0 - 0.01 * 2.0 / (0.2 + eps);
    let y1 = 1.0 - 0.01 * 20.0 / (2.0 + eps);
    // g1 ≈ (1.8, 18); s2 = 0.99·s1 + 0.01·g1² ≈ (0.0396 + 0.0324, 3.96 + 3.24) = (0.072, 7.2).
    let (gx, gy) = (2.0 * x1, 20.0 * y1);
    let (sx, sy) = (0.99 * 0.04 + 0.01 * gx * gx, 0.99 * 4.0 + 0.01 * gy * gy);
    // θ2 ≈ 0.9 − 0.018/√0.072 = 0.9 − 0.067082 ≈ 0.832918 in both coordinates.
    let x2 = x1 - 0.01 * gx / (sx.sqrt() + eps);
    let y2 = y1 - 0.01 * gy / (sy.sqrt() + eps);
    assert!((x2 - 0.832918).abs() < 1e-6 && (y2 - 0.832918).abs() < 1e-6);
    assert_points(
        &first_steps(OptimizerKind::RmsProp, BOWL, [1.0, 1.0], 2),
        &[[1.0, 1.0], [x1, y1], [x2, y2]],
    );
}

#[test]
fn adam_first_steps() {
    let eps: f64 = 1e-8;
    // t = 1: m̂ = g0, v̂ = g0², so the step is η·g/(|g| + ε) ≈ η per coordinate.
    // θ1 ≈ (0.99, 0.99).
    let x1 = 1.0 - 0.01 * 2.0 / (2.0 + eps);
    let y1 = 1.0 - 0.01 * 20.0 / (20.0 + eps);
    // t = 2: g1 ≈ (1.98, 19.8); m2 = 0.9·0.1·g0 + 0.1·g1, v2 = 0.999·0.001·g0² + 0.001·g1²;
    // m̂ = m2/(1 − 0.9²) = m2/0.19, v̂ = v2/(1 − 0.999²) = v2/0.001999.
    let (gx, gy) = (2.0 * x1, 20.0 * y1);
    let step = |g0: f64, g1: f64| {
        let m_hat = (0.09 * g0 + 0.1 * g1) / 0.19;
        let v_hat = (0.999 * 0.001 * g0 * g0 + 0.001 * g1 * g1) / 0.001999;
        0.01 * m_hat / (v_hat.sqrt() + eps)
    };
    // x: m̂ ≈ 1.989474, v̂ ≈ 3.960180 → θ2 ≈ 0.99 − 0.0099972 ≈ 0.9800027.
    let (x2, y2) = (x1 - step(2.0, gx), y1 - step(20.0, gy));
    assert!((x2 - 0.9800027).abs() < 1e-7 && (y2 - 0.9800027).abs() < 1e-7);
    assert_points(
        &first_steps(OptimizerKind::Adam, BOWL, [1.0, 1.0], 2),
        &[[1.0, 1.0], [x1, y1], [x2, y2]],
    );
}

#[test]
fn adagrad_first_steps() {
    let eps: f64 = 1e-10;
    // s1 = g0² = (4, 400) → θ1 = θ0 − η·g0/(|g0| + ε) ≈ (0.99, 0.99).
    let x1 = 1.0 - 0.01 * 2.0 / (2.0 + eps);
    let y1 = 1.0 - 0.01 * 20.0 / (20.0 + eps);
    // g1 ≈ (1.98, 19.8); s2 = s1 + g1² ≈ (7.9204, 792.04); θ2 ≈ 0.99 − 0.0198/2.814316 ≈ 0.982965.
    let (gx, gy) = (2.0 * x1, 20.0 * y1);
    let x2 = x1 - 0.01 * gx / ((4.0 + gx * gx).sqrt() + eps);
    let y2 = y1 - 0.01 * gy / ((400.0 + gy * gy).sqrt() + eps);
    assert!((x2 - 0.982965).abs() < 1e-6 && (y2 - 0.982965).abs() < 1e-6);
    assert_points(
        &first_steps(OptimizerKind::AdaGrad, BOWL, [1.0, 1.0], 2),
        &[[1.0, 1.0], [x1, y1], [x2, y2]],
    );
}

#[test]
fn newton_solves_a_quadratic_bowl_in_one_step() {
    // θ − H⁻¹g = (3, −2) − (6/2, −40/20) = (0, 0).
    let bowl = formula(BOWL);
    let mut run = Run::new(
        OptimizerKind::Newton,
        Hyperparameters::default(),
        [3.0, -2.0],
    );
    assert_eq!(run.step(&bowl), RunStatus::Converged);
    assert_points(run.trajectory(), &[[3.0, -2.0], [0.0, 0.0]]);
    assert_eq!(run.losses()[0], 49.0);
    assert!(run.losses()[1].abs() < 1e-24);
}

#[test]
fn newton_at_a_singular_hessian_takes_a_gradient_step_along_the_flat_direction() {
    // L = x² + y: g = (2, 1), H = [[2, 0], [0, 0]]. Newton along x: 1 − 2/2 = 0; along the flat y:
    // a gradient step, 0 − 0.01·1 = −0.01. Then again x stays 0 and y falls by 0.01 per step.
    assert_points(
        &first_steps(OptimizerKind::Newton, "x^2 + y", [1.0, 0.0], 2),
        &[[1.0, 0.0], [0.0, -0.01], [0.0, -0.02]],
    );
    // L = x² from (1, 0.5): H singular and the gradient has no flat component: done in one step, on the
    // line x = 0 of minima, where λ = 0 along y leaves the test undecided.
    let surface = formula("x^2");
    let mut run = Run::new(
        OptimizerKind::Newton,
        Hyperparameters::default(),
        [1.0, 0.5],
    );
    assert_eq!(run.run(&surface, 10), RunStatus::StalledFlat);
    assert_points(run.trajectory(), &[[1.0, 0.5], [0.0, 0.5]]);
}

#[test]
fn newton_is_drawn_to_a_saddle_and_saddle_free_newton_is_pushed_away() {
    // L = x² − y²: g = (2x, −2y), H = diag(2, −2).
    // Newton: θ − H⁻¹g = (1 − 1, 1 − 1) = (0, 0), the saddle, in one step.
    let surface = formula("x^2 - y^2");
    let mut newton = Run::new(
        OptimizerKind::Newton,
        Hyperparameters::default(),
        [1.0, 1.0],
    );
    assert_eq!(newton.step(&surface), RunStatus::StalledAtSaddle);
    assert_points(newton.trajectory(), &[[1.0, 1.0], [0.0, 0.0]]);
    // Saddle-free: |H| = diag(2, 2), θ − |H|⁻¹g = (x − x, y + y): x lands on 0, y doubles.
    assert_points(
        &first_steps(OptimizerKind::SaddleFreeNewton, "x^2 - y^2", [1.0, 1.0], 3),
        &[[1.0, 1.0], [0.0, 2.0], [0.0, 4.0], [0.0, 8.0]],
    );
}

#[test]
fn saddle_free_newton_takes_a_gradient_step_along_zero_curvature() {
    // L = y + x²: g = (2x, 1), H = diag(2, 0). Along x: 1 − 2/|2| = 0; along the flat y, where inverting
    // λ = 0 would send θ to infinity, a gradient step 0 − 0.01·1 = −0.01, then −0.02.
    assert_points(
        &first_steps(OptimizerKind::SaddleFreeNewton, "y + x^2", [1.0, 0.0], 2),
        &[[1.0, 0.0], [0.0, -0.01], [0.0, -0.02]],
    );
}

#[test]
fn gradient_descent_stalls_exactly_at_the_lecture_saddle() {
    let lecture = formula(LECTURE);
    for kind in [
        OptimizerKind::Gd,
        OptimizerKind::Momentum,
        OptimizerKind::Adam,
        OptimizerKind::Newton,
        OptimizerKind::SaddleFreeNewton,
    ] {
        let mut run = Run::new(kind, Hyperparameters::default(), [0.0, 0.0]);
        assert!(run.trajectory().is_empty());
        assert_eq!(run.step(&lecture), RunStatus::StalledAtSaddle, "{kind:?}");
        assert_eq!(run.trajectory(), &[[0.0, 0.0], [0.0, 0.0]]);
        assert_eq!(run.losses(), &[1.0, 1.0]);
        assert_eq!(run.steps(), 1);
        // Finished: further steps change nothing.
        assert_eq!(run.step(&lecture), RunStatus::StalledAtSaddle);
        assert_eq!(run.steps(), 1);
    }
}

#[test]
fn momentum_coasting_over_a_saddle_is_not_stalled_there() {
    // L = x² − y² from (1, 0) with η = 0.5: the first step is −0.5·(2, 0) = (−1, 0) for both optimizers,
    // landing exactly on the saddle, where g = 0.
    let surface = formula("x^2 - y^2");
    let mut gd = Run::new(OptimizerKind::Gd, hyper(0.5, 0.9), [1.0, 0.0]);
    assert_eq!(gd.step(&surface), RunStatus::StalledAtSaddle);
    // Momentum still carries m = (−1, 0): m2 = 0.9·m1 − 0.5·0 = (−0.9, 0), so it coasts on to (−0.9, 0).
    let mut momentum = Run::new(OptimizerKind::Momentum, hyper(0.5, 0.9), [1.0, 0.0]);
    assert_eq!(momentum.step(&surface), RunStatus::Running);
    assert_eq!(momentum.step(&surface), RunStatus::Running);
    assert_points(
        momentum.trajectory(),
        &[[1.0, 0.0], [0.0, 0.0], [-0.9, 0.0]],
    );
}

#[test]
fn eigen_escape_leaves_the_lecture_saddle_for_the_valley() {
    let lecture = formula(LECTURE);
    // Step 1: g = 0 at the saddle, u = (1, 1)/√2 with λ = −2; α = ESCAPE_LENGTH = 0.1 and L ties on both
    // sides, so θ1 = 0.1·u = (a, a) with a = 0.0707107.
    // Step 2: gradient descent, g = 2(a² − 1)(a, a), so θ2 = a·(1 + 0.02·(1 − a²)) = a·1.0199 ≈ 0.0721178.
    let a = ESCAPE_LENGTH / 2f64.sqrt();
    let a2 = a * (1.0 + 0.02 * (1.0 - a * a));
    assert!((a2 - 0.0721178).abs() < 1e-7);
    assert_points(
        &first_steps(OptimizerKind::EigenEscape, LECTURE, [0.0, 0.0], 2),
        &[[0.0, 0.0], [a, a], [a2, a2]],
    );

    let mut run = Run::new(
        OptimizerKind::EigenEscape,
        Hyperparameters::default(),
        [0.0, 0.0],
    );
    // At rest in the valley w₁w₂ = 1, a curve of minima: λ = 0 along it, so not a strict minimum.
    // At rest means within δ = 1e-6 of the valley, where |xy − 1| ≈ ‖(y, x)‖·δ = √2·1e-6 at (1, 1).
    assert_eq!(run.run(&lecture, 5000), RunStatus::StalledFlat);
    let [x, y] = run.position();
    assert!((x - 1.0).abs() < 1e-3 && (x - y).abs() < 1e-12, "{x} {y}");
    assert!((x * y - 1.0).abs() <= 2f64.sqrt() * 1e-6, "{x} {y}");
    assert!(run.losses().last().is_some_and(|&loss| loss < 1e-6));
}

#[test]
fn eigen_escape_takes_the_side_where_the_loss_is_lower() {
    // L = x² − y² + y³ at the origin: u = (0, 1), λ = −2. L(0, 0.1) = −0.009 > L(0, −0.1) = −0.011.
    assert_points(
        &first_steps(OptimizerKind::EigenEscape, "x^2 - y^2 + y^3", [0.0, 0.0], 1),
        &[[0.0, 0.0], [0.0, -0.1]],
    );
}

#[test]
fn momentum_rolls_away_from_the_saddle_faster_than_gradient_descent() {
    // Near the lecture's saddle the gradient is ~2·‖θ‖: plain descent creeps away, momentum accelerates.
    let lecture = formula(LECTURE);
    let loss_after = |kind| {
        let mut run = Run::new(kind, Hyperparameters::default(), [0.01, 0.0]);
        run.run(&lecture, 150);
        assert_eq!(run.steps(), 150);
        run.losses().last().copied().unwrap_or(f64::NAN)
    };
    let gd = loss_after(OptimizerKind::Gd);
    let momentum = loss_after(OptimizerKind::Momentum);
    // Plain descent grows the escape component by 1 + 2η = 1.02 a step: ×19.5 in 150 steps, still near L = 1.
    assert!(gd > 0.95, "plain descent should still sit near L = 1: {gd}");
    assert!(
        momentum < 1e-4,
        "momentum should have reached the valley: {momentum}"
    );
}

#[test]
fn gradient_descent_converges_to_the_bowls_minimum() {
    let bowl = formula(BOWL);
    let mut run = Run::new(OptimizerKind::Gd, Hyperparameters::default(), [1.0, 1.0]);
    assert_eq!(run.run(&bowl, 5000), RunStatus::Converged);
    let [x, y] = run.position();
    assert!(x.hypot(y) < 1e-6, "{x} {y}");
    assert_eq!(run.losses().len(), run.trajectory().len());
}

#[test]
fn run_stops_at_its_step_budget() {
    let bowl = formula(BOWL);
    let mut run = Run::new(OptimizerKind::Gd, Hyperparameters::default(), [1.0, 1.0]);
    assert_eq!(run.run(&bowl, 2), RunStatus::MaxSteps);
    assert_eq!(run.steps(), 2);
    assert_eq!(run.step(&bowl), RunStatus::MaxSteps);
    assert_eq!(run.position(), run.trajectory()[2]);
}

#[test]
fn a_huge_learning_rate_diverges_without_recording_the_blow_up() {
    // L = x² + y², η = 10: θ ← θ − 20θ = −19θ. |19⁴| = 130321 is recorded, |19⁵| = 2476099 > 1e6 is not.
    let surface = formula("x^2 + y^2");
    let mut run = Run::new(OptimizerKind::Gd, hyper(10.0, 0.9), [1.0, 1.0]);
    assert_eq!(run.run(&surface, 100), RunStatus::Diverged);
    assert_eq!(run.steps(), 4);
    assert_eq!(run.position(), [130321.0, 130321.0]);
    assert!(run.trajectory().iter().flatten().all(|c| c.is_finite()));
}

#[test]
fn an_undefined_start_diverges_before_any_step() {
    for (text, start) in [
        ("log(x) + y^2", [-1.0, 0.0]),
        (BOWL, [f64::NAN, 0.0]),
        (BOWL, [f64::INFINITY, 0.0]),
    ] {
        let mut run = Run::new(OptimizerKind::Adam, Hyperparameters::default(), start);
        assert_eq!(run.step(&formula(text)), RunStatus::Diverged, "{text}");
        assert_eq!(run.steps(), 0);
        assert!(run.trajectory().is_empty() && run.losses().is_empty());
    }
}

#[test]
fn stepping_out_of_the_domain_diverges() {
    // L = log(x): g = 1/x, so from x = 0.5 with η = 1 the step lands at 0.5 − 2 = −1.5, where log is undefined.
    let mut run = Run::new(OptimizerKind::Gd, hyper(1.0, 0.9), [0.5, 0.0]);
    assert_eq!(run.run(&formula("log(x)"), 10), RunStatus::Diverged);
    assert_eq!(run.trajectory(), &[[0.5, 0.0]]);
    assert!(run.losses().iter().all(|l| l.is_finite()));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn every_run_ends_finished_with_a_finite_trajectory(
        formula_index in 0usize..6,
        kind_index in 0usize..OptimizerKind::ALL.len(),
        start in (-3.0f64..3.0, -3.0f64..3.0),
        log_learning_rate in -4.0f64..1.0,
        beta in 0.0f64..0.99,
    ) {
        let texts = [
            LECTURE,
            "x^2 - y^2",
            "sin(3*x)*cos(2*y) + 0.1*(x^2 + y^2)",
            "(1 - x)^2 + 100*(y - x^2)^2",
            "sqrt(x^2 + y^2) + log(1 + x)",
            "x^4 - 2*x^2 + y^2",
        ];
        let surface = formula(texts[formula_index]);
        let kind = OptimizerKind::ALL[kind_index];
        let mut run = Run::new(kind, hyper(10f64.powf(log_learning_rate), beta), [start.0, start.1]);
        let status = run.run(&surface, 200);
        prop_assert!(status.is_finished());
        prop_assert_eq!(status, run.status());
        prop_assert!(run.steps() <= 200);
        prop_assert_eq!(run.trajectory().len(), run.losses().len());
        for (point, loss) in run.trajectory().iter().zip(run.losses()) {
            prop_assert!(point.iter().all(|c| c.is_finite() && c.abs() <= DIVERGENCE_LIMIT));
            prop_assert!(loss.is_finite());
            let value = LossSurface::value(&surface, *point);
            prop_assert!((loss - value).abs() <= 1e-12 * value.abs().max(1.0), "{} vs {}", loss, value);
        }
    }
}
