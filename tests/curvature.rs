//! The curvature map: classes from eigenvalue signs, their colours, and whole maps of known surfaces.

use saddle::bounds::Bounds;
use saddle::formula::Formula;
use saddle::render::{
    curvature_class, curvature_rgb, curvature_rgba, curvature_rows, hessian_eigenvalues,
    shape_ratio, CurvatureClass,
};
use saddle::surface::LossSurface;

fn square(half: f64) -> Bounds {
    Bounds::new(-half, half, -half, half).unwrap()
}

/// The class of every pixel, read back from its colour (each class colour at full strength is distinct
/// and paling keeps the hue, so the nearest legend colour after undoing the paling is the class).
fn classes(formula: &str, bounds: Bounds, side: usize) -> Vec<CurvatureClass> {
    let surface = Formula::parse(formula).unwrap();
    let pixels = curvature_rgba(&surface, bounds, side, side);
    assert_eq!(pixels.len(), side * side * 4);
    pixels
        .chunks_exact(4)
        .map(|p| {
            assert_eq!(p[3], 255);
            class_of_colour([p[0], p[1], p[2]])
        })
        .collect()
}

fn class_of_colour(rgb: [u8; 3]) -> CurvatureClass {
    let distance = |class: CurvatureClass| {
        if matches!(class, CurvatureClass::Flat | CurvatureClass::Undefined) {
            return if class.rgb() == rgb {
                0.0
            } else {
                f64::INFINITY
            };
        }
        // Undo the paling: the pixel lies on the segment from white to the class colour.
        let full = class.rgb().map(|c| 255.0 - f64::from(c));
        let seen = rgb.map(|c| 255.0 - f64::from(c));
        let t = (0..3).map(|i| full[i] * seen[i]).sum::<f64>()
            / (0..3).map(|i| full[i] * full[i]).sum::<f64>();
        (0..3).map(|i| (seen[i] - t * full[i]).abs()).sum::<f64>()
    };
    CurvatureClass::ALL
        .into_iter()
        .min_by(|a, b| distance(*a).total_cmp(&distance(*b)))
        .unwrap()
}

#[test]
fn eigenvalues_in_closed_form_match_the_lecture() {
    assert_eq!(
        hessian_eigenvalues([[0.0, -2.0], [-2.0, 0.0]]),
        Some([-2.0, 2.0])
    );
    assert_eq!(
        hessian_eigenvalues([[3.0, 0.0], [0.0, 1.0]]),
        Some([1.0, 3.0])
    );
    let [low, high] = hessian_eigenvalues([[2.0, 1.0], [1.0, 2.0]]).unwrap();
    assert!((low - 1.0).abs() < 1e-15 && (high - 3.0).abs() < 1e-15);
    assert_eq!(hessian_eigenvalues([[f64::NAN, 0.0], [0.0, 1.0]]), None);
}

#[test]
fn classes_follow_the_signs_of_the_eigenvalues() {
    assert_eq!(curvature_class([1.0, 2.0]), CurvatureClass::Bowl);
    assert_eq!(curvature_class([-1.0, -2.0]), CurvatureClass::Cap);
    assert_eq!(curvature_class([-2.0, 2.0]), CurvatureClass::SaddleLike);
    assert_eq!(curvature_class([0.0, 0.0]), CurvatureClass::Flat);
    assert_eq!(curvature_class([f64::NAN, 1.0]), CurvatureClass::Undefined);
    // A parabolic cylinder bends one way only; rounding noise on the zero eigenvalue does not make it a saddle.
    assert_eq!(curvature_class([0.0, 2.0]), CurvatureClass::Bowl);
    assert_eq!(curvature_class([-1e-16, 2.0]), CurvatureClass::Bowl);
    assert_eq!(curvature_class([-2.0, 1e-16]), CurvatureClass::Cap);
    // Scale-free: a tiny saddle is still a saddle.
    assert_eq!(curvature_class([-1e-12, 1e-12]), CurvatureClass::SaddleLike);
}

#[test]
fn shading_fades_with_the_shape_ratio() {
    assert_eq!(shape_ratio([-2.0, 2.0]), 1.0);
    assert_eq!(shape_ratio([1.0, 4.0]), 0.25);
    assert_eq!(shape_ratio([0.0, 0.0]), 0.0);
    assert_eq!(curvature_rgb([1.0, 1.0]), CurvatureClass::Bowl.rgb());
    // Ratio 1/4: strength 0.35 + 0.65·0.5 = 0.675 of the way from white to (0, 114, 178).
    assert_eq!(curvature_rgb([1.0, 4.0]), [83, 160, 203]);
    // Flat in one direction: the palest bowl, 35 % colour.
    assert_eq!(curvature_rgb([0.0, 4.0]), [166, 206, 228]);
}

#[test]
fn legend_colours_are_distinct() {
    for (i, a) in CurvatureClass::ALL.iter().enumerate() {
        for b in &CurvatureClass::ALL[i + 1..] {
            assert_ne!(a.rgb(), b.rgb(), "{} and {}", a.name(), b.name());
        }
    }
}

#[test]
fn pure_quadratics_are_one_class_everywhere() {
    for (formula, class) in [
        ("x^2 + y^2", CurvatureClass::Bowl),
        ("-x^2 - y^2", CurvatureClass::Cap),
        ("x^2 - y^2", CurvatureClass::SaddleLike),
        ("3*x - y + 1", CurvatureClass::Flat),
    ] {
        let seen = classes(formula, square(2.0), 16);
        assert!(seen.iter().all(|c| *c == class), "{formula}: {seen:?}");
    }
    let bowl = Formula::parse("x^2 + y^2").unwrap();
    let pixels = curvature_rgba(&bowl, square(2.0), 3, 3);
    assert!(pixels
        .chunks_exact(4)
        .all(|p| p[..3] == CurvatureClass::Bowl.rgb()));
}

#[test]
fn the_lecture_network_is_saddle_like_at_the_origin_and_bowl_like_near_its_valley() {
    // H = [[2y², 4xy − 2], [4xy − 2, 2x²]], det H = (2 − 2xy)(6xy − 2), trace 2(x² + y²) ≥ 0:
    // bowl-like for 1/3 < xy < 1, saddle-like elsewhere, never cap-like.
    let lecture = Formula::parse("(1 - x*y)^2").unwrap();
    let class_at = |x: f64, y: f64| {
        curvature_class(hessian_eigenvalues(lecture.derivatives([x, y]).hessian).unwrap())
    };
    assert_eq!(class_at(0.0, 0.0), CurvatureClass::SaddleLike);
    assert_eq!(class_at(1.0, 0.5), CurvatureClass::Bowl);
    assert_eq!(class_at(-0.8, -0.8), CurvatureClass::Bowl);
    assert_eq!(class_at(1.5, 1.5), CurvatureClass::SaddleLike);
    assert_eq!(class_at(1.0, -1.0), CurvatureClass::SaddleLike);
    assert_eq!(
        class_at(0.5, 0.5),
        CurvatureClass::SaddleLike,
        "xy = 1/4 < 1/3"
    );

    // 5 × 5 cells over [−2, 2]²: centres at −1.6, −0.8, 0, 0.8, 1.6; row 0 is y = 1.6.
    let seen = classes("(1 - x*y)^2", square(2.0), 5);
    let at = |column: usize, row: usize| seen[row * 5 + column];
    assert_eq!(at(2, 2), CurvatureClass::SaddleLike, "the origin");
    assert_eq!(at(3, 1), CurvatureClass::Bowl, "(0.8, 0.8): xy = 0.64");
    assert_eq!(at(1, 3), CurvatureClass::Bowl, "(−0.8, −0.8)");
    assert_eq!(
        at(4, 0),
        CurvatureClass::SaddleLike,
        "(1.6, 1.6): xy = 2.56"
    );
    assert!(!seen.contains(&CurvatureClass::Cap));
}

#[test]
fn a_landscape_of_hills_and_dips_has_all_three_shapes() {
    // H = diag(−cos x, −cos y): a cap at (0, 0), a bowl at (π, π), a saddle at (0, π).
    let seen = classes(
        "cos(x) + cos(y)",
        Bounds::new(-0.5, 3.5, -0.5, 3.5).unwrap(),
        4,
    );
    let at = |column: usize, row: usize| seen[row * 4 + column];
    assert_eq!(at(0, 3), CurvatureClass::Cap, "(0, 0)");
    assert_eq!(at(3, 0), CurvatureClass::Bowl, "(3, 3)");
    assert_eq!(at(0, 0), CurvatureClass::SaddleLike, "(0, 3)");
}

#[test]
fn undefined_cells_are_grey() {
    // log(x): H = [[−1/x², 0], [0, 0]] for x > 0 (a pale cap), nothing for x ≤ 0.
    let seen = classes("log(x)", square(2.0), 4);
    for row in 0..4 {
        assert_eq!(seen[row * 4], CurvatureClass::Undefined);
        assert_eq!(seen[row * 4 + 1], CurvatureClass::Undefined);
        assert_eq!(seen[row * 4 + 3], CurvatureClass::Cap);
    }
}

#[test]
fn absurd_sizes_are_clamped_like_the_heat_map() {
    let bowl = Formula::parse("x^2 + y^2").unwrap();
    assert_eq!(curvature_rgba(&bowl, square(1.0), 0, 1).len(), 2 * 2 * 4);
}

#[test]
fn bands_of_rows_put_together_are_the_whole_map() {
    let lecture = Formula::parse("(1 - x*y)^2").unwrap();
    let bounds = square(2.0);
    let whole = curvature_rgba(&lecture, bounds, 7, 5);
    let mut bands = curvature_rows(&lecture, bounds, 7, 5, 0..2);
    bands.extend(curvature_rows(&lecture, bounds, 7, 5, 2..9));
    assert_eq!(bands, whole);
    assert!(curvature_rows(&lecture, bounds, 7, 5, 6..9).is_empty());
}
