//! Numerical edge cases: constant and partly undefined surfaces, extreme boxes and values, runaway learning
//! rates, repeated and zero eigenvalues, and a formula of 100 kB.

use std::time::Instant;

use saddle::analysis::{analyze, find_critical_points, symmetric_eigen, ContinuumShape, PointKind};
use saddle::bounds::Bounds;
use saddle::formula::Formula;
use saddle::optim::{Hyperparameters, OptimizerKind, Run, RunStatus, DIVERGENCE_LIMIT};
use saddle::render::{
    contour_levels, estimated_grid_seconds, heatmap_rgba, nice_ticks, viridis, ColorScale, Grid,
    UNDEFINED_RGB,
};
use saddle::surface::LossSurface;

fn formula(text: &str) -> Formula {
    Formula::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"))
}

fn bounds(x_min: f64, x_max: f64, y_min: f64, y_max: f64) -> Bounds {
    Bounds::new(x_min, x_max, y_min, y_max).expect("a valid box")
}

fn square() -> Bounds {
    bounds(-1.0, 1.0, -1.0, 1.0)
}

/// Pixel `index` of an RGBA buffer, without alpha.
fn pixel(rgba: &[u8], index: usize) -> [u8; 3] {
    [rgba[4 * index], rgba[4 * index + 1], rgba[4 * index + 2]]
}

#[test]
fn a_constant_surface_gets_a_padded_scale_one_colour_and_one_flat_region() {
    let grid = Grid::sample(&formula("3"), square(), 16, 16);
    assert!(grid.values.iter().all(|&v| v == 3.0));
    let scale = ColorScale::for_grid(&grid);
    // value ± max(|value|, 1)/2.
    assert_eq!(
        (scale.low, scale.high, scale.logarithmic),
        (1.5, 4.5, false)
    );
    assert_eq!(scale.position(3.0), 0.5);
    let rgba = heatmap_rgba(&grid, &scale);
    assert_eq!(rgba.len(), 16 * 16 * 4);
    let middle = viridis(128.0 / 255.0);
    assert!((0..256).all(|i| pixel(&rgba, i) == middle));
    let levels = contour_levels(&scale, 5);
    assert_eq!(levels, vec![2.0, 2.5, 3.0, 3.5, 4.0]);

    let found = find_critical_points(&formula("3"), &square());
    assert!(found.points.is_empty(), "{:?}", found.points);
    let continuum = found.continuum.expect("a flat region");
    assert!((1..=32).contains(&continuum.sample.len()));
    assert_eq!(continuum.shape, ContinuumShape::Flat);
}

#[test]
fn log_x_is_undefined_on_the_left_half_of_the_box() {
    let grid = Grid::sample(&formula("log(x)"), square(), 4, 2);
    let scale = ColorScale::for_grid(&grid);
    let rgba = heatmap_rgba(&grid, &scale);
    for row in 0..2 {
        for column in 0..4 {
            let index = row * 4 + column;
            // Cell centres at x = −0.75, −0.25, 0.25, 0.75.
            if column < 2 {
                assert!(grid.values[index].is_nan());
                assert_eq!(pixel(&rgba, index), UNDEFINED_RGB);
            } else {
                assert_eq!(grid.values[index], grid.cell_center(column, row)[0].ln());
                assert_ne!(pixel(&rgba, index), UNDEFINED_RGB);
            }
        }
    }
    assert!(scale.low.is_finite() && scale.high.is_finite() && scale.low < scale.high);
    assert_eq!(
        analyze(&formula("log(x)"), [-0.5, 0.0]).kind,
        PointKind::Undefined
    );
    assert_eq!(
        analyze(&formula("log(x)"), [0.5, 0.0]).kind,
        PointKind::Regular
    );
}

#[test]
fn sqrt_xy_and_one_over_x_are_undefined_where_the_formula_is() {
    let root = formula("sqrt(x*y)");
    let grid = Grid::sample(&root, square(), 2, 2);
    // Rows top (y = 0.5) first: (−0.5, 0.5) and (0.5, −0.5) are undefined, the other two are 0.5.
    assert!(grid.values[0].is_nan() && grid.values[3].is_nan());
    assert_eq!((grid.values[1], grid.values[2]), (0.5, 0.5));
    assert_eq!(analyze(&root, [1.0, -1.0]).kind, PointKind::Undefined);
    assert_eq!(analyze(&root, [1.0, 1.0]).kind, PointKind::Regular);

    let reciprocal = formula("1/x");
    assert_eq!(analyze(&reciprocal, [0.0, 0.3]).kind, PointKind::Undefined);
    let analysis = analyze(&reciprocal, [0.5, 0.3]);
    assert_eq!(analysis.derivatives.gradient, [-4.0, 0.0]);
    let found = find_critical_points(&reciprocal, &square());
    assert!(found.points.is_empty() && found.continuum.is_none());
}

/// The box-dependent machinery on a box `width` wide around (0.5, 0.5), for x² + y².
fn check_box_of_width(width: f64) {
    let b = bounds(
        0.5 - width / 2.0,
        0.5 + width / 2.0,
        -width / 2.0,
        width / 2.0,
    );
    let bowl = formula("(x - 0.5)^2 + y^2");
    let grid = Grid::sample(&bowl, b, 8, 8);
    assert!(grid.values.iter().all(|v| v.is_finite()));
    let scale = ColorScale::for_grid(&grid);
    assert!(scale.low < scale.high, "{scale:?}");
    let levels = contour_levels(&scale, 6);
    assert_eq!(levels.len(), 6);
    assert!(
        levels.windows(2).all(|pair| pair[0] < pair[1]),
        "{levels:?}"
    );
    for (min, max) in [(b.x_min, b.x_max), (b.y_min, b.y_max)] {
        let ticks = nice_ticks(min, max, 5);
        assert!((3..=12).contains(&ticks.len()), "{min}..{max}: {ticks:?}");
        assert!(ticks.windows(2).all(|pair| pair[0] < pair[1]), "{ticks:?}");
        assert!(ticks.iter().all(|t| (min..=max).contains(t)), "{ticks:?}");
    }
    let found = find_critical_points(&bowl, &b);
    assert_eq!(found.points.len(), 1, "{found:?}");
    let minimum = found.points[0];
    assert_eq!(minimum.kind, PointKind::LocalMinimum);
    assert!((minimum.at[0] - 0.5).abs() <= 1e-6 * width && minimum.at[1].abs() <= 1e-6 * width);
}

#[test]
fn a_box_one_nanometre_wide_still_finds_its_minimum() {
    check_box_of_width(1e-9);
}

#[test]
fn a_box_a_billion_wide_still_finds_its_minimum() {
    check_box_of_width(1e9);
}

#[test]
fn values_beyond_f64_are_undefined_not_infinite() {
    for (text, at) in [
        ("exp(x)^10", [100.0, 0.0]),
        ("x^200", [100.0, 0.0]),
        ("1e300*x*y", [1e10, 1e10]),
    ] {
        let surface = formula(text);
        assert_eq!(analyze(&surface, at).kind, PointKind::Undefined, "{text}");
        let grid = Grid::from_fn(square(), 2, 2, |_| LossSurface::value(&surface, at));
        assert!(grid.values.iter().all(|v| v.is_nan()), "{text}");
        assert_eq!(grid.value_range(), None);
        let scale = ColorScale::for_grid(&grid);
        assert_eq!((scale.low, scale.high), (0.0, 1.0));
        assert!((0..4).all(|i| pixel(&heatmap_rgba(&grid, &scale), i) == UNDEFINED_RGB));
    }
    // Half of [0, 200]: exp(x)^10 overflows beyond x = ln(f64::MAX)/10 ≈ 71.
    let grid = Grid::sample(&formula("exp(x)^10"), bounds(0.0, 200.0, 0.0, 1.0), 4, 2);
    let defined: Vec<bool> = grid.values.iter().map(|v| v.is_finite()).collect();
    assert_eq!(
        defined,
        [true, false, false, false, true, false, false, false]
    );
    let scale = ColorScale::for_grid(&grid);
    assert!(scale.low.is_finite() && scale.high.is_finite());
}

#[test]
fn a_runaway_learning_rate_diverges_with_a_finite_trajectory() {
    // θ ← θ − 10·2θ = −19θ: the sixth point, −19⁵ ≈ −2.5e6, is beyond the divergence limit.
    let hyper = Hyperparameters {
        learning_rate: 10.0,
        beta: 0.9,
        ..Hyperparameters::default()
    };
    let mut run = Run::new(OptimizerKind::Gd, hyper, [1.0, 1.0]);
    assert_eq!(run.run(&formula("x^2 + y^2"), 100), RunStatus::Diverged);
    let expected: Vec<[f64; 2]> = [1.0, -19.0, 361.0, -6859.0, 130321.0]
        .into_iter()
        .map(|c| [c, c])
        .collect();
    assert_eq!(run.trajectory(), expected.as_slice());
    assert_eq!(run.losses().last(), Some(&(2.0 * 130321.0f64.powi(2))));
    for kind in OptimizerKind::ALL {
        let hyper = Hyperparameters {
            learning_rate: 100.0,
            beta: 0.99,
            ..Hyperparameters::default()
        };
        let mut run = Run::new(kind, hyper, [0.5, -0.3]);
        run.run(&formula("exp(x^2) + x*y^3"), 200);
        assert!(run.status().is_finished());
        for p in run.trajectory() {
            assert!(
                p.iter().all(|c| c.abs() <= DIVERGENCE_LIMIT),
                "{kind:?}: {p:?}"
            );
        }
        assert!(run.losses().iter().all(|l| l.is_finite()), "{kind:?}");
    }
}

#[test]
fn a_repeated_eigenvalue_gets_orthonormal_canonically_signed_eigenvectors() {
    let analysis = analyze(&formula("x^2 + y^2"), [0.3, 0.2]);
    assert_eq!(analysis.eigen.values, [2.0, 2.0]);
    let [u, v] = analysis.eigen.vectors;
    for w in [u, v] {
        assert!((w[0].hypot(w[1]) - 1.0).abs() < 1e-12, "{w:?}");
        let leading = if w[0].abs() > 1e-12 { w[0] } else { w[1] };
        assert!(leading > 0.0, "{w:?}");
    }
    assert!((u[0] * v[0] + u[1] * v[1]).abs() < 1e-12);
    assert_eq!(symmetric_eigen([[0.0, 0.0], [0.0, 0.0]]).values, [0.0, 0.0]);
}

#[test]
fn a_zero_eigenvalue_is_degenerate_and_a_line_of_minima_is_a_continuum() {
    let valley = formula("x^2");
    let analysis = analyze(&valley, [0.0, 0.5]);
    assert_eq!(analysis.kind, PointKind::Degenerate);
    assert_eq!(analysis.eigen.values, [0.0, 2.0]);
    assert_eq!(analysis.eigen.vectors, [[0.0, 1.0], [1.0, 0.0]]);
    let found = find_critical_points(&valley, &square());
    assert!(found.points.is_empty(), "{:?}", found.points);
    let continuum = found.continuum.expect("the line x = 0");
    assert_eq!(continuum.shape, ContinuumShape::Minima);
    assert!(continuum.sample.iter().all(|p| p[0].abs() < 1e-9));
    let ys: Vec<f64> = continuum.sample.iter().map(|p| p[1]).collect();
    let spread =
        ys.iter().cloned().fold(f64::MIN, f64::max) - ys.iter().cloned().fold(f64::MAX, f64::min);
    assert!(spread > 1.5, "the sample covers the line: {ys:?}");
}

#[test]
fn a_100_kb_formula_parses_evaluates_and_differentiates() {
    const REPEATS: usize = 9_090;
    let text = format!("x{}", " + sin(x*y)".repeat(REPEATS));
    assert!((99_000..=100_000).contains(&text.len()));
    let surface = formula(&text);
    let (x, y): (f64, f64) = (0.5, 2.0);
    let expected = x + REPEATS as f64 * (x * y).sin();
    assert!((surface.value(x, y) - expected).abs() < 1e-9 * expected);
    let d = surface.derivatives([x, y]);
    // ∂/∂x = 1 + n·y·cos(xy), ∂/∂y = n·x·cos(xy).
    let n = REPEATS as f64;
    let gradient = [1.0 + n * y * (x * y).cos(), n * x * (x * y).cos()];
    assert!((d.gradient[0] - gradient[0]).abs() < 1e-9 * n);
    assert!((d.gradient[1] - gradient[1]).abs() < 1e-9 * n);

    let started = Instant::now();
    let grid = Grid::sample(&surface, square(), 64, 64);
    let seconds = started.elapsed().as_secs_f64();
    assert!(grid.values.iter().all(|v| v.is_finite()));
    let instructions = (64 * 64 * surface.len()) as f64;
    eprintln!(
        "64×64 grid of a {}-instruction formula: {seconds:.3} s, {:.2} ns per instruction \
         (estimated_grid_seconds, for wasm, says {:.3} s; debug builds are ~6× slower than release)",
        surface.len(),
        1e9 * seconds / instructions,
        estimated_grid_seconds(&surface, 64, 64),
    );
}

#[test]
fn the_grid_cost_estimate_grows_with_the_tape_and_the_grid() {
    let short = formula("x + y");
    let long = formula(&format!("x{}", " + sin(x*y)".repeat(100)));
    assert_eq!(short.len(), 3);
    assert_eq!(long.len(), 1 + 5 * 100);
    let per_cell = estimated_grid_seconds(&short, 1, 1) / 4.0;
    assert!(per_cell > 0.0);
    // Sides clamp to 2..=MAX_GRID_SIDE as in Grid::sample.
    assert_eq!(estimated_grid_seconds(&short, 10, 10), 100.0 * per_cell);
    let ratio = estimated_grid_seconds(&long, 10, 10) / estimated_grid_seconds(&short, 10, 10);
    assert!((ratio - 501.0 / 3.0).abs() < 1e-9);
}
