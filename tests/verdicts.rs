//! Verdicts: L and c·L (with η/c for a run) get the same kinds, the same critical points, the same
//! trajectories and the same statuses for c from 1e-6 to 1e6; and kinds and statuses say no more than the
//! second-order test supports.

use saddle::analysis::{analyze, find_critical_points, PointKind};
use saddle::bounds::Bounds;
use saddle::formula::Formula;
use saddle::optim::{Hyperparameters, OptimizerKind, Run, RunStatus};
use saddle::surface::{LossSurface, Point};

/// Every scale the verdicts must not notice, 1 (the reference) included.
const SCALES: [f64; 7] = [1e-6, 1e-4, 1e-2, 1.0, 1e2, 1e4, 1e6];

/// L = −(x² + y²): a strict local maximum at the origin.
const MAXIMUM: &str = "-(x^2 + y^2)";
/// L = x² − y⁴: a degenerate saddle, H = diag(2, 0) at the origin.
const DEGENERATE_SADDLE: &str = "x^2 - y^4";
/// The lecture's loss, a saddle at the origin and the valley w₁w₂ = 1 of minima.
const VALLEY: &str = "(1 - x*y)^2";
/// A strict minimum, H = diag(2, 20).
const MINIMUM: &str = "x^2 + 10*y^2";
const SADDLE: &str = "x^2 - y^2";
/// Degenerate at the origin, where L still falls for y < 0.
const CUBIC: &str = "x^2 + y^3";
/// Degenerate at the origin, but λ = −2 along y: not a minimum.
const NOT_A_MINIMUM: &str = "-y^2 + x^4";

/// The optimizers whose runs are exactly the same for L and c·L with η/c (up to rounding): each step is
/// η times a gradient (with a velocity built from such steps), or divides the gradient by curvatures, so c
/// cancels; their thresholds are relative (Newton's ≈ 0 curvature) or lengths in θ (the escape's jump).
const INVARIANT: [OptimizerKind; 6] = [
    OptimizerKind::Gd,
    OptimizerKind::Momentum,
    OptimizerKind::Nesterov,
    OptimizerKind::Newton,
    OptimizerKind::SaddleFreeNewton,
    OptimizerKind::EigenEscape,
];

fn scaled(text: &str, c: f64) -> Formula {
    let text = format!("{c:e}*({text})");
    Formula::parse(&text).unwrap_or_else(|e| panic!("{text}: {e}"))
}

fn run(
    kind: OptimizerKind,
    surface: &Formula,
    from: Point,
    learning_rate: f64,
    steps: usize,
) -> Run {
    let hyper = Hyperparameters {
        learning_rate,
        ..Hyperparameters::default()
    };
    let mut run = Run::new(kind, hyper, from);
    run.run(surface, steps);
    run
}

#[test]
fn kinds_are_the_same_for_every_scale_of_l() {
    let cases: [(&str, Point, PointKind, Option<bool>); 17] = [
        (MAXIMUM, [0.0, 0.0], PointKind::LocalMaximum, Some(true)),
        // The model's critical point is 1e-7 away: within δ = 1e-6.
        (MAXIMUM, [1e-7, 0.0], PointKind::LocalMaximum, Some(true)),
        (MAXIMUM, [1e-3, 0.0], PointKind::Regular, None),
        (
            DEGENERATE_SADDLE,
            [0.0, 0.0],
            PointKind::Degenerate,
            Some(false),
        ),
        // g_y = −4e-15 over the floored curvature ε·Λ = 2e-6: 2e-9 from the model's critical point.
        (
            DEGENERATE_SADDLE,
            [0.0, 1e-5],
            PointKind::Degenerate,
            Some(false),
        ),
        // g_y = −4e-12, λ_y = −1.2e-7 ≈ 0 next to 2: 2e-6 away, so not critical.
        (DEGENERATE_SADDLE, [0.0, 1e-4], PointKind::Regular, None),
        (VALLEY, [0.0, 0.0], PointKind::Saddle, Some(true)),
        (VALLEY, [1.0, 1.0], PointKind::Degenerate, Some(false)),
        (VALLEY, [0.5, 2.0], PointKind::Degenerate, Some(false)),
        (
            VALLEY,
            [1.0 + 1e-7, 1.0],
            PointKind::Degenerate,
            Some(false),
        ),
        (MINIMUM, [0.0, 0.0], PointKind::LocalMinimum, Some(false)),
        (MINIMUM, [3e-7, -2e-8], PointKind::LocalMinimum, Some(false)),
        (SADDLE, [0.0, 0.0], PointKind::Saddle, Some(true)),
        (CUBIC, [0.0, 0.0], PointKind::Degenerate, Some(false)),
        // Where gradient descent creeps (the (0, 5.8e-4)): g_y/λ_y = 2.9e-4 ≫ δ, not critical.
        (CUBIC, [0.0, 5.8e-4], PointKind::Regular, None),
        (NOT_A_MINIMUM, [0.0, 0.0], PointKind::Degenerate, Some(true)),
        (NOT_A_MINIMUM, [1e-3, 0.0], PointKind::Regular, None),
    ];
    for (text, at, kind, not_a_minimum) in cases {
        for c in SCALES {
            let point = analyze(&scaled(text, c), at);
            assert_eq!(point.kind, kind, "{c:e}·({text}) at {at:?}: {point:?}");
            assert_eq!(
                point.not_a_minimum(),
                not_a_minimum,
                "{c:e}·({text}) at {at:?}"
            );
        }
    }
}

#[test]
fn a_degenerate_point_with_a_negative_eigenvalue_is_not_a_minimum_and_the_escape_works() {
    // L = −y² + x⁴ at the origin: H = diag(0, −2). λ = 0 leaves the test undecided between a saddle and a
    // maximum, but λ = −2 rules out a minimum: L(0, ±α) = −α² < 0 = L(0, 0).
    for c in SCALES {
        let surface = scaled(NOT_A_MINIMUM, c);
        let origin = analyze(&surface, [0.0, 0.0]);
        assert_eq!(origin.kind, PointKind::Degenerate);
        let (u, lambda) = origin
            .escape_direction()
            .expect("a clearly negative eigenvalue");
        assert_eq!((u, lambda), ([0.0, 1.0], -2.0 * c));
        for alpha in [0.1, -0.1] {
            let after = LossSurface::value(&surface, [alpha * u[0], alpha * u[1]]);
            assert!((after - (-0.01 * c)).abs() <= 1e-15 * c, "{c:e}: {after}");
        }
        // The eigen-escape leaves it along u (the tie between ±u goes to +), then descends −y².
        let escape = run(
            OptimizerKind::EigenEscape,
            &surface,
            [0.0, 0.0],
            0.01 / c,
            2,
        );
        assert_eq!(escape.trajectory()[1], [0.0, 0.1]);
        assert!(escape.trajectory()[2][1] > 0.1);
    }
}

/// Runs `kind` on c·L with η/c for every scale; every scale must repeat the reference (c = 1) step for step.
fn assert_same_run_at_every_scale(
    kind: OptimizerKind,
    text: &str,
    from: Point,
    learning_rate: f64,
    steps: usize,
) -> RunStatus {
    let reference = run(kind, &scaled(text, 1.0), from, learning_rate, steps);
    for c in SCALES {
        let scaled_run = run(kind, &scaled(text, c), from, learning_rate / c, steps);
        let label = format!("{kind:?} on {c:e}·({text}) from {from:?}");
        assert_eq!(scaled_run.status(), reference.status(), "{label}");
        assert_eq!(scaled_run.steps(), reference.steps(), "{label}");
        for (a, b) in scaled_run.trajectory().iter().zip(reference.trajectory()) {
            for i in 0..2 {
                let tolerance = 1e-9 * (1.0 + b[i].abs());
                assert!((a[i] - b[i]).abs() <= tolerance, "{label}: {a:?} vs {b:?}");
            }
        }
    }
    reference.status()
}

#[test]
fn runs_are_the_same_for_l_and_c_l_with_eta_over_c() {
    use RunStatus::*;
    // (surface, start, η at c = 1, steps, gradient descent's status, momentum's status)
    let cases = [
        (
            MAXIMUM,
            [0.0, 0.0],
            0.1,
            100,
            StalledAtMaximum,
            StalledAtMaximum,
        ),
        (MAXIMUM, [0.5, 0.3], 0.1, 500, Diverged, Diverged),
        (
            DEGENERATE_SADDLE,
            [0.5, 0.0],
            0.1,
            2000,
            StalledFlat,
            StalledFlat,
        ),
        (VALLEY, [0.3, 0.2], 0.1, 2000, StalledFlat, StalledFlat),
        (MINIMUM, [1.0, 1.0], 0.01, 5000, Converged, Converged),
        (
            SADDLE,
            [1.0, 0.0],
            0.1,
            2000,
            StalledAtSaddle,
            StalledAtSaddle,
        ),
        // Descent creeps towards the degenerate origin; momentum coasts past it into y < 0, where L → −∞.
        (CUBIC, [0.3, 0.5], 0.05, 2000, MaxSteps, Diverged),
    ];
    for (text, from, learning_rate, steps, descent, momentum) in cases {
        for kind in INVARIANT {
            let status = assert_same_run_at_every_scale(kind, text, from, learning_rate, steps);
            let expected = match kind {
                OptimizerKind::Gd => Some(descent),
                OptimizerKind::Momentum => Some(momentum),
                _ => None,
            };
            if let Some(expected) = expected {
                assert_eq!(status, expected, "{kind:?} on {text} from {from:?}");
            }
        }
    }
}

#[test]
fn gradient_descent_beside_a_degenerate_point_is_never_converged() {
    // The run: on x² + y³ from (0.3, 0.5) with η = 0.5, y creeps down as y ← y − 1.5y², still
    // 3.3e-4 from the degenerate origin after 2000 steps (where the model's critical point is y/2 away).
    let status = assert_same_run_at_every_scale(OptimizerKind::Gd, CUBIC, [0.3, 0.5], 0.5, 2000);
    assert_eq!(status, RunStatus::MaxSteps);
    // Given the steps it comes to rest once the model's critical point, y/2 away, is within δ: at
    // y ≤ 2e-6, after 1/(1.5y) − 1/(1.5y₀) steps (y ← y − 1.5y² ≈ 1/(1.5n + 1/y₀)), 30 300 from
    // y₀ = 2.2e-6. There λ_y = 6y ≈ 1.2e-5 > 0, but over κ·δ = 4e-6 it changes by 6·4e-6 = 2.4e-5, as much
    // as it is: undecided, as it should be (L falls for y < 0).
    for c in [1e-4, 1.0, 1e4] {
        let rest = run(
            OptimizerKind::Gd,
            &scaled(CUBIC, c),
            [0.3, 2.2e-6],
            0.5 / c,
            100_000,
        );
        assert_eq!(rest.status(), RunStatus::StalledFlat, "c = {c:e}");
        assert!((30_000..30_600).contains(&rest.steps()), "{}", rest.steps());
        let [x, y] = rest.position();
        assert!(x == 0.0 && (1.99e-6..=2e-6).contains(&y), "{x} {y}");
        // Newton halves y each step (y − 3y²/6y) and is at rest as soon as y/2 ≤ δ: 0.5/2¹⁸ = 1.9e-6.
        let newton = run(
            OptimizerKind::Newton,
            &scaled(CUBIC, c),
            [0.3, 0.5],
            0.5 / c,
            100,
        );
        assert_eq!(newton.status(), RunStatus::StalledFlat, "c = {c:e}");
        assert_eq!(newton.steps(), 18);
        assert_eq!(newton.position(), [0.0, 0.5 / 2f64.powi(18)]);
    }
}

#[test]
fn beside_a_degenerate_minimum_the_hessians_signs_are_not_trusted() {
    // L = x⁴ + y⁴ − 1.9x²y² = (x² − y²)² + 0.1x²y² has a strict minimum at the origin, where H = 0. Along
    // y = 0, Newton's steps x ← 2x/3 come to rest at x ≈ 2.3e-6, where H = diag(12x², −3.8x²) looks like a
    // saddle's. But λ_y = −3.8x² changes by κ·δ·7.6x = 3e-5·x over κδ, more than it is (x < 8e-6): the
    // test cannot sign it, nor λ_x, so the run is stalled-flat, not at a saddle.
    for c in [1e-4, 1.0, 1e4] {
        let surface = scaled("x^4 + y^4 - 1.9*x^2*y^2", c);
        let newton = run(OptimizerKind::Newton, &surface, [1.0, 0.0], 0.01 / c, 100);
        assert_eq!(newton.status(), RunStatus::StalledFlat, "c = {c:e}");
        let [x, y] = newton.position();
        assert!(y == 0.0 && x < 3e-6, "{x}");
        let rest = analyze(&surface, newton.position());
        assert!(rest.eigen.values[0] < 0.0 && rest.eigen.values[1] > 0.0);
        assert_eq!(rest.kind, PointKind::Degenerate);
        assert_eq!(rest.not_a_minimum(), Some(false));
    }
}

#[test]
fn the_critical_points_of_c_l_are_those_of_l() {
    let cases = [
        (VALLEY, Bounds::new(-3.0, 3.0, -2.0, 2.5)),
        (
            "(x^2 + y - 11)^2 + (x + y^2 - 7)^2",
            Bounds::new(-5.0, 5.0, -5.0, 5.0),
        ),
        (DEGENERATE_SADDLE, Bounds::new(-1.0, 1.0, -1.0, 1.0)),
        (NOT_A_MINIMUM, Bounds::new(-1.0, 1.0, -1.0, 1.0)),
        (CUBIC, Bounds::new(-1.0, 1.0, -1.0, 1.0)),
        (MAXIMUM, Bounds::new(-1.0, 1.0, -1.0, 1.0)),
    ];
    for (text, bounds) in cases {
        let bounds = bounds.expect("a valid box");
        let reference = find_critical_points(&scaled(text, 1.0), &bounds);
        assert!(
            !reference.points.is_empty() || reference.continuum.is_some(),
            "{text}"
        );
        for c in SCALES {
            let found = find_critical_points(&scaled(text, c), &bounds);
            assert_eq!(found.points.len(), reference.points.len(), "{c:e}·({text})");
            for (a, b) in found.points.iter().zip(&reference.points) {
                assert_eq!(a.kind, b.kind, "{c:e}·({text}): {a:?} vs {b:?}");
                assert_eq!(a.not_a_minimum, b.not_a_minimum, "{c:e}·({text})");
                assert!(
                    (a.at[0] - b.at[0]).hypot(a.at[1] - b.at[1]) <= 1e-6,
                    "{c:e}·({text}): {a:?} vs {b:?}"
                );
            }
            assert_eq!(
                found.continuum.as_ref().map(|continuum| continuum.shape),
                reference
                    .continuum
                    .as_ref()
                    .map(|continuum| continuum.shape),
                "{c:e}·({text})"
            );
        }
    }
    // The kinds themselves, at c = 1: the valley's saddle, the degenerate point that is not a minimum.
    let valley = find_critical_points(
        &scaled(VALLEY, 1.0),
        &Bounds::new(-3.0, 3.0, -2.0, 2.5).unwrap(),
    );
    assert_eq!(valley.points.len(), 1);
    assert_eq!(valley.points[0].kind, PointKind::Saddle);
    let box_ = Bounds::new(-1.0, 1.0, -1.0, 1.0).unwrap();
    let not_minimum = find_critical_points(&scaled(NOT_A_MINIMUM, 1.0), &box_);
    assert_eq!(not_minimum.points.len(), 1);
    assert_eq!(not_minimum.points[0].kind, PointKind::Degenerate);
    assert!(not_minimum.points[0].not_a_minimum);
}
