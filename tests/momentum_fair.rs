//! Momentum against gradient descent, fairly: gradient descent at momentum's effective step η/(1−β), the
//! narrow valley whose steep walls cap gradient descent's η, the small bump momentum rolls over, and the
//! three arrows of momentum's update. Reference numbers come from an independent NumPy/SymPy script.

use saddle::analysis::{find_critical_points, PointKind};
use saddle::formula::Formula;
use saddle::optim::{
    effective_step, momentum_update, Hyperparameters, OptimizerKind, Run, RunStatus,
};
use saddle::presets::{preset, Preset};
use saddle::surface::{LossSurface, Point};

fn hyper(learning_rate: f64, beta: f64) -> Hyperparameters {
    Hyperparameters {
        learning_rate,
        beta,
        ..Hyperparameters::default()
    }
}

fn named(name: &str) -> &'static Preset {
    preset(name).unwrap_or_else(|| panic!("no preset {name}"))
}

fn race(surface: &Formula, kind: OptimizerKind, learning_rate: f64, start: Point) -> Run {
    let mut run = Run::new(kind, hyper(learning_rate, 0.9), start);
    run.run(surface, 5000);
    run
}

/// The first step whose L is below `level` (the start is step 0).
fn steps_below(run: &Run, level: f64) -> Option<usize> {
    run.losses().iter().position(|&l| l < level)
}

fn distance(a: Point, b: Point) -> f64 {
    (a[0] - b[0]).hypot(a[1] - b[1])
}

#[test]
fn gd_matched_is_gradient_descent_at_momentums_effective_step() {
    assert_eq!(effective_step(0.03, 0.9), 0.03 / (1.0 - 0.9));
    assert!((effective_step(0.03, 0.9) - 0.3).abs() < 1e-15);
    assert_eq!(effective_step(0.1, 0.0), 0.1);
    assert_eq!(
        OptimizerKind::from_name("gd-matched"),
        Some(OptimizerKind::GdMatched)
    );
    assert!(OptimizerKind::GdMatched.uses_beta());
    let surface = Formula::parse("(1 - x*y)^2").unwrap();
    let mut matched = Run::new(OptimizerKind::GdMatched, hyper(0.01, 0.8), [0.6, -0.4]);
    let mut plain = Run::new(
        OptimizerKind::Gd,
        hyper(effective_step(0.01, 0.8), 0.0),
        [0.6, -0.4],
    );
    matched.run(&surface, 40);
    plain.run(&surface, 40);
    assert_eq!(matched.trajectory(), plain.trajectory());
    // By hand: g = −2(1 − xy)(y, x) = −2.48·(−0.4, 0.6) at (0.6, −0.4); the step is 0.05·g.
    let first = matched.trajectory()[1];
    assert!(distance(first, [0.6 - 0.05 * 0.992, -0.4 + 0.05 * 1.488]) < 1e-12);
}

#[test]
fn on_a_steady_slope_momentum_moves_as_far_per_step_as_gd_matched() {
    // L = 2x + y: g = (2, 1) everywhere, momentum's velocity −η·g·(1 − βᵗ)/(1 − β) tends to −η·g/(1 − β).
    let slope = Formula::parse("2*x + y").unwrap();
    let mut momentum = Run::new(OptimizerKind::Momentum, hyper(0.01, 0.9), [0.0, 0.0]);
    let mut matched = Run::new(OptimizerKind::GdMatched, hyper(0.01, 0.9), [0.0, 0.0]);
    momentum.run(&slope, 400);
    matched.run(&slope, 400);
    let last_step = |run: &Run| {
        let path = run.trajectory();
        let [a, b] = [path[path.len() - 2], path[path.len() - 1]];
        [b[0] - a[0], b[1] - a[1]]
    };
    for step in [last_step(&momentum), last_step(&matched)] {
        assert!(distance(step, [-0.2, -0.1]) < 1e-9, "{step:?}");
    }
    // Gradient descent at the same η moves a tenth as far.
    let mut plain = Run::new(OptimizerKind::Gd, hyper(0.01, 0.9), [0.0, 0.0]);
    plain.run(&slope, 3);
    assert!(distance(last_step(&plain), [-0.02, -0.01]) < 1e-15);
}

#[test]
fn narrow_valley_caps_gradient_descents_step_but_not_momentums() {
    let valley = named("narrow-valley");
    let surface = valley.formula();
    let start = valley.start;
    // Curvatures 0.1 (along x) and 20 (across): gradient descent is stable for η < 2/20 = 0.1, momentum
    // for η < 2(1 + β)/20 = 0.19.
    assert_eq!(
        race(&surface, OptimizerKind::Gd, 0.099, start).status(),
        RunStatus::Converged
    );
    assert_eq!(
        race(&surface, OptimizerKind::Gd, 0.101, start).status(),
        RunStatus::Diverged
    );
    assert_eq!(
        race(&surface, OptimizerKind::Momentum, 0.185, start).status(),
        RunStatus::Converged
    );
    assert_eq!(
        race(&surface, OptimizerKind::Momentum, 0.195, start).status(),
        RunStatus::Diverged
    );

    // At η = 0.09, just under the cap: gradient descent crawls along the floor (x shrinks by 0.991 a
    // step), momentum gets there five times sooner (NumPy: 460 and 92 steps to L < 10⁻³), and gradient
    // descent at momentum's step 0.9 flies off across the walls (y grows 17-fold a step).
    let plain = race(&surface, OptimizerKind::Gd, 0.09, start);
    let momentum = race(&surface, OptimizerKind::Momentum, 0.09, start);
    let matched = race(&surface, OptimizerKind::GdMatched, 0.09, start);
    assert_eq!(steps_below(&plain, 1e-3), Some(460));
    assert_eq!(steps_below(&momentum, 1e-3), Some(92));
    assert_eq!(plain.status(), RunStatus::Converged);
    assert_eq!(momentum.status(), RunStatus::Converged);
    assert_eq!(matched.status(), RunStatus::Diverged);
    assert!(matched.steps() <= 5, "{} steps", matched.steps());
    // After 20 steps gradient descent has covered about a fifth of momentum's way along the floor (1.49 vs 7.38).
    let along = |run: &Run| run.trajectory()[20][0] - start[0];
    assert!(
        4.5 * along(&plain) < along(&momentum),
        "{} vs {}",
        along(&plain),
        along(&momentum)
    );
    // Across the valley momentum's swing decays (by √β ≈ 0.95 a step): the gradients that alternate in
    // sign cancel in its running sum.
    let swing = |from: usize| {
        momentum.trajectory()[from..from + 10]
            .iter()
            .map(|p| p[1].abs())
            .fold(0.0, f64::max)
    };
    assert!(
        swing(40) < 0.2 * 1.5 && swing(80) < 0.03 * 1.5,
        "{} {}",
        swing(40),
        swing(80)
    );
}

#[test]
fn small_bump_has_a_shallow_and_a_deeper_minimum_either_side_of_a_saddle() {
    let bump = named("small-bump");
    let found = find_critical_points(&bump.formula(), &bump.bounds());
    // SymPy (nsolve on ∂L/∂x at y = 0): x, L and ∂²L/∂x² at each; ∂²L/∂y² = 2 everywhere.
    let expected = [
        (
            -0.006_118_919_821_566_29,
            0.000_159_530_894_657_659,
            0.436_968_027_869,
            PointKind::LocalMinimum,
        ),
        (
            1.053_937_752_167_35,
            0.710_654_210_782_858,
            -7.052_135_046_14,
            PointKind::Saddle,
        ),
        (
            1.484_200_316_648_13,
            0.517_201_639_430_420,
            3.773_257_309_97,
            PointKind::LocalMinimum,
        ),
    ];
    assert_eq!(found.points.len(), 3, "{:?}", found.points);
    for (x, value, curvature, kind) in expected {
        let point = found
            .points
            .iter()
            .find(|p| (p.at[0] - x).abs() < 1e-8 && p.at[1].abs() < 1e-8)
            .unwrap_or_else(|| panic!("no critical point at x = {x}: {:?}", found.points));
        assert_eq!(point.kind, kind);
        assert!((point.value - value).abs() < 1e-12);
        let mut eigenvalues = [curvature, 2.0];
        eigenvalues.sort_by(f64::total_cmp);
        for (got, want) in point.eigenvalues.iter().zip(eigenvalues) {
            assert!((got - want).abs() < 1e-9, "{got} vs {want}");
        }
    }
}

#[test]
fn momentum_rolls_over_the_small_bump_where_gradient_descent_stops_at_any_step() {
    let bump = named("small-bump");
    let surface = bump.formula();
    let (shallow, deep) = (
        [1.484_200_316_648_13, 0.0],
        [-0.006_118_919_821_566_29, 0.0],
    );
    let ends_at = |run: &Run, minimum: Point| {
        run.status() == RunStatus::Converged && distance(run.position(), minimum) < 1e-4
    };
    // The preset's start, and every start of a grid around it (NumPy agrees), at η = 0.03 and 0.04.
    for learning_rate in [0.03, 0.04] {
        for x in [2.5, 2.75, 3.0, 3.25, 3.5] {
            for y in [-1.0, 0.0, 0.5, 1.0] {
                let start = [x, y];
                for kind in [OptimizerKind::Gd, OptimizerKind::GdMatched] {
                    let run = race(&surface, kind, learning_rate, start);
                    assert!(
                        ends_at(&run, shallow),
                        "{kind:?} η = {learning_rate} from {start:?}"
                    );
                }
                let momentum = race(&surface, OptimizerKind::Momentum, learning_rate, start);
                assert!(
                    ends_at(&momentum, deep),
                    "momentum η = {learning_rate} from {start:?}"
                );
            }
        }
    }
    // It is the velocity gathered on the long slope that carries it: started close to the shallow
    // minimum, momentum stops there too.
    let short_run_up = race(&surface, OptimizerKind::Momentum, 0.03, [2.0, 0.5]);
    assert!(
        ends_at(&short_run_up, shallow),
        "{:?}",
        short_run_up.position()
    );
}

#[test]
fn momentums_update_is_the_sum_of_its_carried_movement_and_its_gradient_step() {
    let surface = named("small-bump").formula();
    let (learning_rate, beta) = (0.03, 0.9);
    let mut run = Run::new(
        OptimizerKind::Momentum,
        hyper(learning_rate, beta),
        [3.0, 0.5],
    );
    // Before the first step nothing is carried: the update is the gradient step alone.
    let first = momentum_update(&run, &surface).expect("a momentum run");
    assert_eq!(first.at, [3.0, 0.5]);
    assert_eq!(first.carried, [0.0, 0.0]);
    let g = surface.derivatives([3.0, 0.5]).gradient;
    assert_eq!(
        first.gradient_step,
        [-learning_rate * g[0], -learning_rate * g[1]]
    );
    assert_eq!(first.velocity, first.gradient_step);
    for _ in 0..25 {
        run.step(&surface);
    }
    let update = momentum_update(&run, &surface).expect("a momentum run");
    let path = run.trajectory().to_vec();
    let [before, now] = [path[path.len() - 2], path[path.len() - 1]];
    assert_eq!(update.at, now);
    // β·m is β times the last movement; the sum is exactly the step the run takes next.
    for i in 0..2 {
        assert!((update.carried[i] - beta * (now[i] - before[i])).abs() < 1e-15);
        assert_eq!(
            update.velocity[i],
            update.carried[i] + update.gradient_step[i]
        );
    }
    let g = surface.derivatives(now).gradient;
    assert_eq!(
        update.gradient_step,
        [-learning_rate * g[0], -learning_rate * g[1]]
    );
    run.step(&surface);
    let next = *run.trajectory().last().unwrap();
    assert_eq!(
        next,
        [now[0] + update.velocity[0], now[1] + update.velocity[1]]
    );
    // Other optimizers carry no velocity, and a run that flew off has none left to draw.
    assert!(momentum_update(
        &Run::new(OptimizerKind::Gd, hyper(0.1, 0.9), [0.0, 0.0]),
        &surface
    )
    .is_none());
    let valley = named("narrow-valley");
    let diverged = race(
        &valley.formula(),
        OptimizerKind::Momentum,
        0.195,
        valley.start,
    );
    assert_eq!(diverged.status(), RunStatus::Diverged);
    assert!(diverged.momentum().is_some());
    assert!(momentum_update(&diverged, &valley.formula()).is_none());
}
