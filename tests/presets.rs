//! The presets: well-formed, stable names, and each surface has the critical points and behaviour its description promises.

use saddle::analysis::{
    find_critical_points, ContinuumShape, CriticalPoint, CriticalPoints, PointKind,
};
use saddle::bounds::Bounds;
use saddle::presets::{preset, Preset, PRESETS};
use saddle::surface::{LossSurface, Point};

fn named(name: &str) -> &'static Preset {
    preset(name).unwrap_or_else(|| panic!("no preset {name}"))
}

fn critical_points(name: &str) -> CriticalPoints {
    let preset = named(name);
    find_critical_points(&preset.formula(), &preset.bounds())
}

fn count(found: &CriticalPoints, kind: PointKind) -> usize {
    found.points.iter().filter(|p| p.kind == kind).count()
}

fn only_point(name: &str) -> CriticalPoint {
    let found = critical_points(name);
    assert_eq!(found.continuum, None, "{name}");
    assert_eq!(found.points.len(), 1, "{name}: {:?}", found.points);
    found.points[0]
}

fn assert_near(actual: Point, expected: Point, tolerance: f64) {
    assert!(
        (actual[0] - expected[0]).hypot(actual[1] - expected[1]) <= tolerance,
        "{actual:?} is not within {tolerance} of {expected:?}"
    );
}

/// Heavy-ball momentum m ← β·m − η·∇L, θ ← θ + m (β = 0 is plain gradient descent); every iterate.
fn descend(preset: &Preset, learning_rate: f64, beta: f64, steps: usize) -> Vec<Point> {
    let surface = preset.formula();
    let (mut at, mut velocity) = (preset.start, [0.0, 0.0]);
    (0..steps)
        .map(|_| {
            let gradient = surface.derivatives(at).gradient;
            for i in 0..2 {
                velocity[i] = beta * velocity[i] - learning_rate * gradient[i];
                at[i] += velocity[i];
            }
            at
        })
        .collect()
}

fn loss(preset: &Preset, at: Point) -> f64 {
    LossSurface::value(&preset.formula(), at)
}

#[test]
fn every_formula_parses_and_every_start_is_inside_its_box_and_defined() {
    for preset in PRESETS {
        let surface = preset.formula();
        let [x_min, x_max, y_min, y_max] = preset.bounds;
        assert_eq!(
            Bounds::new(x_min, x_max, y_min, y_max),
            Ok(preset.bounds()),
            "{}",
            preset.name
        );
        assert!(preset.bounds().contains(preset.start), "{}", preset.name);
        let derivatives = surface.derivatives(preset.start);
        assert!(derivatives.is_finite(), "{}", preset.name);
        assert!(
            derivatives.gradient_norm() > 1e-3,
            "{} starts on a critical point",
            preset.name
        );
    }
}

#[test]
fn names_are_unique_kebab_case_and_the_lecture_comes_first() {
    assert_eq!(PRESETS[0].name, "lecture");
    assert_eq!(preset("lecture"), Some(&PRESETS[0]));
    assert_eq!(named("lecture").formula, "(1 - x*y)^2");
    assert_eq!(preset("no-such-surface"), None);
    for (i, preset) in PRESETS.iter().enumerate() {
        let name = preset.name;
        assert!(
            !name.is_empty()
                && !name.starts_with('-')
                && !name.ends_with('-')
                && !name.contains("--")
                && name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "{name} is not kebab-case"
        );
        assert!(
            PRESETS[..i].iter().all(|other| other.name != name),
            "{name} twice"
        );
        assert!(!preset.title.is_empty());
        let description = preset.description;
        assert!(
            description.ends_with('.') && !description.trim_end_matches('.').contains(". "),
            "{name}: the description should be one sentence: {description}"
        );
    }
    let names: Vec<&str> = PRESETS.iter().map(|p| p.name).collect();
    for promised in [
        "saddle",
        "monkey-saddle",
        "rosenbrock",
        "himmelblau",
        "beale",
        "six-hump-camel",
        "double-well",
        "rastrigin",
        "plateau",
        "narrow-valley",
    ] {
        assert!(names.contains(&promised), "{promised} is missing");
    }
}

#[test]
fn presets_serialize_with_their_field_names() {
    let json = serde_json::to_value(named("double-well")).expect("serializable");
    assert_eq!(json["name"], "double-well");
    assert_eq!(json["formula"], "(x^2 - 1)^2 + y^2");
    assert_eq!(json["bounds"], serde_json::json!([-2.0, 2.0, -2.0, 2.0]));
    assert_eq!(json["start"], serde_json::json!([0.05, 1.5]));
}

#[test]
fn lecture_has_its_saddle_and_valley() {
    let found = critical_points("lecture");
    assert_eq!(found.points.len(), 1, "{:?}", found.points);
    assert_eq!(found.points[0].at, [0.0, 0.0]);
    assert_eq!(found.points[0].kind, PointKind::Saddle);
    let valley = found.continuum.expect("the curve w1·w2 = 1");
    assert_eq!(valley.shape, ContinuumShape::Minima);
}

#[test]
fn single_point_lessons_have_the_kind_they_teach() {
    for (name, kind) in [
        ("bowl", PointKind::LocalMinimum),
        ("hilltop", PointKind::LocalMaximum),
        ("saddle", PointKind::Saddle),
        ("monkey-saddle", PointKind::Degenerate),
        ("flat-bottom", PointKind::Degenerate),
        ("narrow-valley", PointKind::LocalMinimum),
        ("plateau", PointKind::LocalMinimum),
    ] {
        let point = only_point(name);
        assert_eq!(point.kind, kind, "{name}");
        assert_near(point.at, [0.0, 0.0], 1e-6);
    }
    // x²/20 + 10y²: H = diag(1/10, 20), the curvatures the description quotes.
    let valley = only_point("narrow-valley");
    assert!((valley.eigenvalues[0] - 0.1).abs() < 1e-12);
    assert!((valley.eigenvalues[1] - 20.0).abs() < 1e-12);
}

#[test]
fn double_well_has_two_minima_and_a_saddle_between() {
    let found = critical_points("double-well");
    let summary: Vec<(Point, PointKind)> = found.points.iter().map(|p| (p.at, p.kind)).collect();
    assert_eq!(
        summary,
        vec![
            ([-1.0, 0.0], PointKind::LocalMinimum),
            ([0.0, 0.0], PointKind::Saddle),
            ([1.0, 0.0], PointKind::LocalMinimum),
        ]
    );
}

#[test]
fn rosenbrock_minimum_is_at_one_one() {
    let point = only_point("rosenbrock");
    assert_eq!(point.kind, PointKind::LocalMinimum);
    assert_near(point.at, [1.0, 1.0], 1e-9);
}

#[test]
fn himmelblau_has_nine_critical_points() {
    let found = critical_points("himmelblau");
    assert_eq!(found.points.len(), 9);
    assert_eq!(count(&found, PointKind::LocalMinimum), 4);
    assert_eq!(count(&found, PointKind::LocalMaximum), 1);
    assert_eq!(count(&found, PointKind::Saddle), 4);
}

#[test]
fn beale_minimum_is_at_three_one_half() {
    let found = critical_points("beale");
    let minima: Vec<&CriticalPoint> = found
        .points
        .iter()
        .filter(|p| p.kind == PointKind::LocalMinimum)
        .collect();
    assert_eq!(minima.len(), 1, "{:?}", found.points);
    assert_near(minima[0].at, [3.0, 0.5], 1e-9);
    assert!(minima[0].value.abs() < 1e-20);
    // On x = 0 every term is constant; ∂L/∂x = 2·1.5·(y−1) + 2·2.25·(y²−1) + 2·2.625·(y³−1) vanishes at y = 1.
    assert!(found.points.iter().any(|p| p.kind == PointKind::Saddle
        && (p.at[0].abs() < 1e-9)
        && (p.at[1] - 1.0).abs() < 1e-9));
}

#[test]
fn six_hump_camel_has_fifteen_critical_points() {
    let found = critical_points("six-hump-camel");
    assert_eq!(count(&found, PointKind::LocalMinimum), 6);
    assert_eq!(count(&found, PointKind::LocalMaximum), 2);
    assert_eq!(count(&found, PointKind::Saddle), 7);
}

#[test]
fn rastrigin_egg_crate_is_found_completely() {
    // Separable: per axis, 7 minima near the integers −3…3 and 6 maxima near the half-integers.
    let found = critical_points("rastrigin");
    assert_eq!(count(&found, PointKind::LocalMinimum), 7 * 7);
    assert_eq!(count(&found, PointKind::LocalMaximum), 6 * 6);
    assert_eq!(count(&found, PointKind::Saddle), 2 * 7 * 6);
    let global = found
        .points
        .iter()
        .min_by(|a, b| a.value.total_cmp(&b.value))
        .expect("points");
    assert_eq!(global.at, [0.0, 0.0]);
    assert_eq!(global.value, 0.0);
}

#[test]
fn lecture_start_lingers_near_the_saddle_under_gradient_descent_but_not_momentum() {
    let lecture = named("lecture");
    let steps_until_solved = |path: &[Point]| path.iter().position(|&at| loss(lecture, at) < 0.01);
    let plain = descend(lecture, 0.05, 0.0, 200);
    let momentum = descend(lecture, 0.05, 0.9, 200);
    let near_saddle = plain.iter().filter(|at| at[0].hypot(at[1]) < 0.3).count();
    assert!(
        near_saddle >= 15,
        "only {near_saddle} steps near the saddle"
    );
    let (plain, momentum) = (steps_until_solved(&plain), steps_until_solved(&momentum));
    match (plain, momentum) {
        (Some(plain), Some(momentum)) => assert!(2 * momentum < plain, "{momentum} vs {plain}"),
        other => panic!("both should escape: {other:?}"),
    }
}

#[test]
fn narrow_valley_momentum_beats_gradient_descent() {
    let valley = named("narrow-valley");
    // Stable for plain gradient descent: η = 0.01 < 2/20.
    let plain = descend(valley, 0.01, 0.0, 100);
    let momentum = descend(valley, 0.01, 0.9, 100);
    let last = |path: &[Point]| loss(valley, *path.last().expect("100 steps"));
    // Per step GD keeps 1 − η·0.1 = 0.999 of x: after 100 steps L ≈ 0.905² · 81/20 ≈ 3.3.
    assert!((last(&plain) - 3.3155).abs() < 1e-3, "{}", last(&plain));
    assert!(last(&momentum) < 0.6, "{}", last(&momentum));
}

#[test]
fn plateau_stalls_gradient_descent_but_not_momentum() {
    let plateau = named("plateau");
    let last = |path: &[Point]| loss(plateau, *path.last().expect("200 steps"));
    let plain = descend(plateau, 0.1, 0.0, 200);
    let momentum = descend(plateau, 0.1, 0.9, 200);
    assert!(last(&plain) > 0.99, "{}", last(&plain));
    assert!(last(&momentum) < 0.6, "{}", last(&momentum));
}
