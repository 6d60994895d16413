//! The drawing math: grids, colours, contours, ticks, the map transform and the Taylor model, with hand-computed values.

use std::f64::consts::PI;

use saddle::analysis::taylor_value;
use saddle::bounds::Bounds;
use saddle::formula::Formula;
use saddle::render::{
    contour_levels, contour_lines, heatmap_rgba, nice_ticks, taylor_grid, viridis, ColorScale,
    Grid, MapTransform, PlotArea, MAX_GRID_SIDE, MAX_SPAN, UNDEFINED_RGB,
};
use saddle::surface::{LossSurface, Point};

fn formula(text: &str) -> Formula {
    Formula::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"))
}

fn bounds(x_min: f64, x_max: f64, y_min: f64, y_max: f64) -> Bounds {
    Bounds::new(x_min, x_max, y_min, y_max).expect("valid test box")
}

fn close(a: f64, b: f64, tolerance: f64) -> bool {
    (a - b).abs() <= tolerance * b.abs().max(1.0)
}

fn assert_points_close(actual: Point, expected: Point) {
    assert!(
        close(actual[0], expected[0], 1e-12) && close(actual[1], expected[1], 1e-12),
        "{actual:?} != {expected:?}"
    );
}

// ---------- grid ----------

#[test]
fn grid_row_zero_is_the_top_and_values_sit_at_cell_centres() {
    // dx = dy = 1: the top-left cell centre is (x_min + 0.5, y_max - 0.5) = (0.5, 1.5).
    let grid = Grid::sample(&formula("x + 10*y"), bounds(0.0, 4.0, 0.0, 2.0), 4, 2);
    assert_eq!((grid.width, grid.height), (4, 2));
    assert_eq!(
        grid.values,
        vec![15.5, 16.5, 17.5, 18.5, 5.5, 6.5, 7.5, 8.5]
    );
    assert_eq!(grid.cell_center(0, 0), [0.5, 1.5]);
    assert_eq!(grid.cell_center(3, 1), [3.5, 0.5]);
    assert_eq!(grid.value_range(), Some((5.5, 18.5)));
}

#[test]
fn grid_top_left_value_is_the_surface_at_the_top_left_cell_centre() {
    let surface = formula("(1 - x*y)^2 + sin(3*x)");
    let area = bounds(-2.0, 1.0, -0.5, 3.0);
    let grid = Grid::sample(&surface, area, 30, 7);
    let (dx, dy) = (3.0 / 30.0, 3.5 / 7.0);
    let expected = LossSurface::value(&surface, [-2.0 + dx / 2.0, 3.0 - dy / 2.0]);
    assert_eq!(grid.values[0], expected);
    let bottom_right = LossSurface::value(&surface, [1.0 - dx / 2.0, -0.5 + dy / 2.0]);
    assert!(close(grid.values[30 * 7 - 1], bottom_right, 1e-12));
}

#[test]
fn grid_sides_are_clamped_and_undefined_values_are_nan() {
    let tiny = Grid::sample(&formula("x"), bounds(0.0, 1.0, 0.0, 1.0), 0, 1);
    assert_eq!((tiny.width, tiny.height, tiny.values.len()), (2, 2, 4));
    let huge = Grid::from_fn(bounds(0.0, 1.0, 0.0, 1.0), usize::MAX, 2, |_| 0.0);
    assert_eq!(huge.width, MAX_GRID_SIDE);

    // Columns at x = -0.75, -0.25 are outside log's domain; 1/x overflows nowhere here.
    let grid = Grid::sample(&formula("log(x)"), bounds(-1.0, 1.0, 0.0, 1.0), 4, 2);
    let row: Vec<bool> = grid.values[..4].iter().map(|v| v.is_nan()).collect();
    assert_eq!(row, [true, true, false, false]);
    assert_eq!(grid.values[2], 0.25f64.ln());

    // 1/0 is infinite, which counts as undefined too.
    let pole = Grid::from_fn(bounds(-1.0, 1.0, -1.0, 1.0), 2, 2, |[x, _]| 1.0 / (x + 0.5));
    assert!(pole.values[0].is_nan() && pole.values[1] == 1.0 / 1.0);

    let nowhere = Grid::sample(&formula("log(-1 - x^2)"), bounds(0.0, 1.0, 0.0, 1.0), 3, 3);
    assert_eq!(nowhere.value_range(), None);
}

// ---------- colour map ----------

#[test]
fn viridis_matches_matplotlib_at_ends_and_middle() {
    assert_eq!(viridis(0.0), [68, 1, 84]);
    assert_eq!(viridis(1.0), [253, 231, 37]);
    let [r, g, b] = viridis(0.5);
    // matplotlib's viridis(0.5) is #21918c = (33, 145, 140).
    assert!(
        r.abs_diff(33) <= 2 && g.abs_diff(145) <= 2 && b.abs_diff(140) <= 2,
        "{r} {g} {b}"
    );
    assert_eq!(viridis(-3.0), viridis(0.0));
    assert_eq!(viridis(7.0), viridis(1.0));
    assert_eq!(viridis(f64::NAN), viridis(0.0));
    assert_eq!(viridis(f64::INFINITY), viridis(1.0));
}

#[test]
fn viridis_gets_lighter_monotonically_and_never_reaches_the_undefined_grey() {
    let luma =
        |[r, g, b]: [u8; 3]| 0.2126 * f64::from(r) + 0.7152 * f64::from(g) + 0.0722 * f64::from(b);
    let samples: Vec<[u8; 3]> = (0..=1000).map(|i| viridis(f64::from(i) / 1000.0)).collect();
    for pair in samples.windows(2) {
        assert!(luma(pair[1]) >= luma(pair[0]) - 0.5, "{pair:?}");
    }
    assert!(luma(samples[1000]) - luma(samples[0]) > 150.0);
    let distance = |a: [u8; 3], b: [u8; 3]| {
        a.iter()
            .zip(b)
            .map(|(&x, y)| (f64::from(x) - f64::from(y)).powi(2))
            .sum::<f64>()
            .sqrt()
    };
    let nearest = samples
        .iter()
        .map(|&c| distance(c, UNDEFINED_RGB))
        .fold(f64::INFINITY, f64::min);
    assert!(nearest > 60.0, "undefined grey is {nearest} from viridis");
}

#[test]
fn heatmap_has_four_bytes_per_cell_and_greys_out_undefined_cells() {
    let grid = Grid::sample(&formula("log(x)"), bounds(-1.0, 1.0, 0.0, 1.0), 4, 2);
    let scale = ColorScale::for_grid(&grid);
    let rgba = heatmap_rgba(&grid, &scale);
    assert_eq!(rgba.len(), 4 * 2 * 4);
    let pixels: Vec<&[u8]> = rgba.chunks(4).collect();
    let grey = [UNDEFINED_RGB[0], UNDEFINED_RGB[1], UNDEFINED_RGB[2], 255];
    for row in pixels.chunks(4) {
        assert_eq!(row[0], grey);
        assert_eq!(row[1], grey);
        // ln 0.25 < ln 0.75: the lowest and highest finite values take the map's ends.
        assert_eq!(row[2], [68, 1, 84, 255]);
        assert_eq!(row[3], [253, 231, 37, 255]);
    }
}

#[test]
fn constant_surface_gets_a_proper_scale_and_the_middle_colour() {
    let grid = Grid::sample(&formula("3"), bounds(-1.0, 1.0, -1.0, 1.0), 8, 8);
    let scale = ColorScale::for_grid(&grid);
    assert_eq!(
        scale,
        ColorScale {
            low: 1.5,
            high: 4.5,
            logarithmic: false
        }
    );
    assert_eq!(scale.position(3.0), 0.5);
    let rgba = heatmap_rgba(&grid, &scale);
    // The palette is quantized to 256 colours: position 0.5 takes entry 128 (t = 128/255).
    let [r, g, b] = viridis(128.0 / 255.0);
    assert!(rgba.chunks(4).all(|p| p == [r, g, b, 255]));

    let zero = ColorScale::for_grid(&Grid::from_fn(bounds(0.0, 1.0, 0.0, 1.0), 4, 4, |_| 0.0));
    assert!(zero.low < zero.high && zero.position(0.0) == 0.5);

    let undefined = ColorScale::for_grid(&Grid::from_fn(bounds(0.0, 1.0, 0.0, 1.0), 4, 4, |_| {
        f64::NAN
    }));
    assert_eq!((undefined.low, undefined.high), (0.0, 1.0));
}

#[test]
fn a_single_spike_does_not_stretch_the_scale() {
    // Values 1..=99 and one 1e12: ranks round(99·0.02) = 2 and round(99·0.98) = 97 of the sorted values.
    let mut values: Vec<f64> = (1..=99).map(f64::from).collect();
    values.push(1e12);
    let grid = Grid {
        bounds: bounds(0.0, 1.0, 0.0, 1.0),
        width: 10,
        height: 10,
        values,
    };
    let scale = ColorScale::for_grid(&grid);
    assert_eq!(
        scale,
        ColorScale {
            low: 3.0,
            high: 98.0,
            logarithmic: false
        }
    );
    assert_eq!(scale.position(1e12), 1.0);
    assert_eq!(scale.position(1.0), 0.0);
    assert_eq!(scale.position(50.5), 0.5);
}

#[test]
fn rosenbrock_goes_logarithmic_and_a_paraboloid_stays_linear() {
    let rosenbrock = Grid::sample(
        &formula("(1 - x)^2 + 100*(y - x^2)^2"),
        bounds(-2.0, 2.0, -1.0, 3.0),
        128,
        128,
    );
    let scale = ColorScale::for_grid(&rosenbrock);
    assert!(scale.logarithmic, "{scale:?}");
    assert!(
        scale.low > 0.0 && scale.high >= 1e3 * scale.low,
        "{scale:?}"
    );

    let bowl = Grid::sample(
        &formula("x^2 + y^2"),
        bounds(-2.0, 2.0, -2.0, 2.0),
        128,
        128,
    );
    assert!(!ColorScale::for_grid(&bowl).logarithmic);

    // A surface that dips below zero never gets a log scale, whatever its spread.
    let signed = Grid::sample(&formula("x^9 - 1"), bounds(0.0, 10.0, 0.0, 1.0), 64, 8);
    assert!(!ColorScale::for_grid(&signed).logarithmic);
}

#[test]
fn positions_clamp_and_follow_the_scale_kind() {
    let linear = ColorScale {
        low: 0.0,
        high: 10.0,
        logarithmic: false,
    };
    assert_eq!(linear.position(2.5), 0.25);
    assert_eq!(linear.position(20.0), 1.0);
    assert_eq!(linear.position(-20.0), 0.0);
    assert_eq!(linear.position(f64::NAN), 0.0);
    assert_eq!(linear.value_at(0.25), 2.5);

    let log = ColorScale {
        low: 1.0,
        high: 1000.0,
        logarithmic: true,
    };
    assert!(close(log.position(10.0), 1.0 / 3.0, 1e-12));
    assert_eq!(log.position(0.0), 0.0);
    assert_eq!(log.position(-5.0), 0.0);
    assert!(close(log.value_at(2.0 / 3.0), 100.0, 1e-12));

    let broken = ColorScale {
        low: 2.0,
        high: 2.0,
        logarithmic: true,
    };
    for v in [1.0, 2.0, 3.0, f64::NAN] {
        let t = broken.position(v);
        assert!((0.0..=1.0).contains(&t), "{v} -> {t}");
    }
}

#[test]
fn colour_bar_ticks_are_decades_on_a_log_scale() {
    let log = ColorScale {
        low: 0.5,
        high: 2500.0,
        logarithmic: true,
    };
    assert_eq!(log.ticks(5), vec![1.0, 10.0, 100.0, 1000.0]);
    assert_eq!(log.ticks(2), vec![1.0, 100.0]);
    assert_eq!(log.ticks(0), Vec::<f64>::new());
    let tiny = ColorScale {
        low: 1e-12,
        high: 1e-9,
        logarithmic: true,
    };
    assert_eq!(tiny.ticks(5), vec![1e-12, 1e-11, 1e-10, 1e-9]);
    // Fewer than two powers of ten inside: plain round values.
    let narrow = ColorScale {
        low: 2.0,
        high: 9.0,
        logarithmic: true,
    };
    assert_eq!(narrow.ticks(4), vec![2.0, 4.0, 6.0, 8.0]);
    let linear = ColorScale {
        low: 0.0,
        high: 1.0,
        logarithmic: false,
    };
    assert_eq!(linear.ticks(5), nice_ticks(0.0, 1.0, 5));
}

// ---------- contours ----------

#[test]
fn contour_levels_split_the_scale_evenly_or_geometrically() {
    let linear = ColorScale {
        low: 0.0,
        high: 10.0,
        logarithmic: false,
    };
    assert_eq!(contour_levels(&linear, 4), vec![2.0, 4.0, 6.0, 8.0]);
    assert!(contour_levels(&linear, 0).is_empty());
    assert_eq!(contour_levels(&linear, usize::MAX).len(), 1000);

    let log = ColorScale {
        low: 1.0,
        high: 1e4,
        logarithmic: true,
    };
    let levels = contour_levels(&log, 3);
    assert_eq!(levels.len(), 3);
    for (level, expected) in levels.iter().zip([10.0, 100.0, 1000.0]) {
        assert!(close(*level, expected, 1e-12), "{levels:?}");
    }
}

/// The lines' pieces, each a pair of consecutive points: what marching squares found cell by cell.
fn contour_segments(grid: &Grid, level: f64) -> Vec<[Point; 2]> {
    contour_lines(grid, &[level])
        .iter()
        .flat_map(|line| line.windows(2).map(|pair| [pair[0], pair[1]]))
        .collect()
}

#[test]
fn the_unit_circle_is_one_closed_line() {
    let n = 101;
    let grid = Grid::sample(&formula("x^2 + y^2"), bounds(-2.0, 2.0, -2.0, 2.0), n, n);
    let lines = contour_lines(&grid, &[1.0]);
    assert_eq!(lines.len(), 1, "{} lines", lines.len());
    let circle = &lines[0];
    assert!(circle.len() > 100, "{} points", circle.len());
    assert_eq!(
        circle.first(),
        circle.last(),
        "a closed curve ends where it starts"
    );
    // Consecutive points are neighbours (within a cell's diagonal), never a jump across the circle.
    let spacing = 4.0 / n as f64;
    for pair in circle.windows(2) {
        let step = (pair[0][0] - pair[1][0]).hypot(pair[0][1] - pair[1][1]);
        assert!(step <= spacing * 2f64.sqrt() + 1e-12, "{pair:?}");
    }
}

#[test]
fn open_curves_run_from_border_to_border() {
    // x·y = 0.5 over the square: the hyperbola's two branches, each one open line from one side to another.
    let grid = Grid::sample(&formula("x*y"), bounds(-2.0, 2.0, -2.0, 2.0), 80, 80);
    let mut lines = contour_lines(&grid, &[0.5]);
    assert_eq!(lines.len(), 2);
    lines.sort_by(|a, b| a[0][0].total_cmp(&b[0][0]));
    for (line, sign) in lines.iter().zip([-1.0, 1.0]) {
        assert_ne!(line.first(), line.last());
        for point in line {
            assert_eq!(point[0].signum(), sign, "{point:?} on the wrong branch");
            assert!((point[0] * point[1] - 0.5).abs() < 0.05, "{point:?}");
        }
        let ends = [line[0], line[line.len() - 1]];
        for end in ends {
            let to_border = 2.0 - end[0].abs().max(end[1].abs());
            assert!(to_border < 4.0 / 80.0, "{end:?} is not at the border");
        }
    }
    // The straight level line x = 0.3 of the plane L = x: one line through every row of cells.
    let plane = Grid::sample(&formula("x"), bounds(-1.0, 1.0, -1.0, 1.0), 20, 30);
    let lines = contour_lines(&plane, &[0.3]);
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0].len(), 30);
    assert!(lines[0].iter().all(|p| (p[0] - 0.3).abs() < 1e-12));
}

#[test]
fn unit_circle_contour_of_the_paraboloid() {
    let n = 201;
    let grid = Grid::sample(&formula("x^2 + y^2"), bounds(-2.0, 2.0, -2.0, 2.0), n, n);
    let spacing = 4.0 / n as f64;
    let segments = contour_segments(&grid, 1.0);
    assert!(segments.len() > 200, "{} segments", segments.len());
    for point in segments.iter().flatten() {
        let radius = point[0].hypot(point[1]);
        assert!(
            (radius - 1.0).abs() < spacing,
            "{point:?} at radius {radius}"
        );
    }
    let length: f64 = segments
        .iter()
        .map(|[a, b]| (a[0] - b[0]).hypot(a[1] - b[1]))
        .sum();
    assert!(
        (length - 2.0 * PI).abs() < 0.01 * 2.0 * PI,
        "length {length}"
    );
}

/// A single cell: corners (0.25, 0.75) TL, (0.75, 0.75) TR, (0.25, 0.25) BL, (0.75, 0.25) BR.
fn one_cell(top_left: f64, top_right: f64, bottom_left: f64, bottom_right: f64) -> Grid {
    Grid {
        bounds: bounds(0.0, 1.0, 0.0, 1.0),
        width: 2,
        height: 2,
        values: vec![top_left, top_right, bottom_left, bottom_right],
    }
}

fn sorted(mut segments: Vec<[Point; 2]>) -> Vec<[Point; 2]> {
    for segment in &mut segments {
        segment.sort_by(|a, b| a.partial_cmp(b).expect("finite"));
    }
    segments.sort_by(|a, b| a.partial_cmp(b).expect("finite"));
    segments
}

#[test]
fn a_plain_cell_crossing_is_linearly_interpolated() {
    // Only BL (value 3) is above 1. Left side: TL 0 → BL 3 reaches 1 a third of the way down from TL;
    // bottom side: BR 0 → BL 3 reaches 1 a third of the way from BR.
    let segments = contour_segments(&one_cell(0.0, 0.0, 3.0, 0.0), 1.0);
    let third = 0.5 / 3.0;
    assert_eq!(segments.len(), 1);
    let [a, b] = segments[0];
    assert_points_close(a, [0.25, 0.75 - third]);
    assert_points_close(b, [0.75 - third, 0.25]);
}

#[test]
fn saddle_cells_follow_the_centre_average() {
    // TL and BR above 0, centre average 0 (not above): the curve cuts off the above corners TL and BR.
    let below = sorted(contour_segments(&one_cell(1.0, -1.0, -1.0, 1.0), 0.0));
    assert_eq!(
        below,
        vec![[[0.25, 0.5], [0.5, 0.75]], [[0.5, 0.25], [0.75, 0.5]]]
    );
    // Raise TL and BR to 2: the centre (0.5) is above, joining TL to BR; the curve cuts off TR and BL.
    // Top side 2 → -1 crosses 0 two thirds of the way from TL: x = 0.25 + 0.5·2/3; right side
    // -1 → 2 a third of the way down from TR.
    let above = sorted(contour_segments(&one_cell(2.0, -1.0, -1.0, 2.0), 0.0));
    let near = 0.5 / 3.0;
    let far = 1.0 / 3.0;
    let expected = [
        [[0.25, 0.75 - far], [0.25 + near, 0.25]],
        [[0.25 + far, 0.75], [0.75, 0.75 - near]],
    ];
    assert_eq!(above.len(), 2);
    for (actual, wanted) in above.iter().zip(expected) {
        assert_points_close(actual[0], wanted[0]);
        assert_points_close(actual[1], wanted[1]);
    }
    // The mirror saddle (TR and BL above) with its centre above cuts off TL and BR.
    // Each side goes ±1 → ∓1 and meets -0.5 a quarter of the way from the -1 corner.
    let mirror = sorted(contour_segments(&one_cell(-1.0, 1.0, 1.0, -1.0), -0.5));
    assert_eq!(
        mirror,
        vec![
            [[0.25, 0.625], [0.375, 0.75]],
            [[0.625, 0.25], [0.75, 0.375]]
        ]
    );
}

#[test]
fn cells_with_an_undefined_corner_and_broken_grids_give_no_segments() {
    assert!(contour_segments(&one_cell(f64::NAN, 0.0, 3.0, 0.0), 1.0).is_empty());
    assert_eq!(
        contour_segments(&one_cell(5.0, 0.0, 3.0, 0.0), 1.0).len(),
        1
    );
    assert!(contour_segments(&one_cell(5.0, 0.0, 3.0, 0.0), f64::NAN).is_empty());
    let mut broken = one_cell(5.0, 0.0, 3.0, 0.0);
    broken.width = usize::MAX;
    assert!(contour_segments(&broken, 1.0).is_empty());
    let nowhere = Grid::sample(
        &formula("sqrt(-1 - x^2)"),
        bounds(-1.0, 1.0, -1.0, 1.0),
        16,
        16,
    );
    assert!(contour_segments(&nowhere, 0.0).is_empty());
}

// ---------- ticks ----------

#[test]
fn nice_ticks_use_one_two_five_steps() {
    assert_eq!(nice_ticks(0.0, 1.0, 5), vec![0.0, 0.2, 0.4, 0.6, 0.8, 1.0]);
    assert_eq!(
        nice_ticks(-3.0, -1.0, 4),
        vec![-3.0, -2.5, -2.0, -1.5, -1.0]
    );
    assert_eq!(nice_ticks(-2.0, 2.0, 4), vec![-2.0, -1.0, 0.0, 1.0, 2.0]);
    assert_eq!(nice_ticks(0.13, 0.97, 4), vec![0.2, 0.4, 0.6, 0.8]);
    assert_eq!(
        nice_ticks(0.0, 1e-9, 5),
        vec![0.0, 2e-10, 4e-10, 6e-10, 8e-10, 1e-9]
    );
    assert_eq!(
        nice_ticks(-1e9, 0.0, 5),
        vec![-1e9, -8e8, -6e8, -4e8, -2e8, 0.0]
    );
    assert_eq!(nice_ticks(3.0, 3.0, 5), vec![3.0]);
    // No -0 from rounding a small negative end up.
    let ticks = nice_ticks(-0.1, 1.0, 5);
    assert_eq!(ticks, vec![0.0, 0.2, 0.4, 0.6, 0.8, 1.0]);
    assert!(ticks[0].is_sign_positive());
}

#[test]
fn nice_ticks_stay_near_the_target_count() {
    for (min, max) in [
        (0.0, 1.0),
        (-7.3, 13.1),
        (1e-9, 3e-9),
        (2.0, 2.0 + 1e-6),
        (-5e8, 7e8),
    ] {
        for target in 1..=20 {
            let ticks = nice_ticks(min, max, target);
            assert!(!ticks.is_empty(), "{min} {max} {target}");
            assert!(
                ticks.len() <= 2 * target + 1,
                "{min} {max} {target}: {ticks:?}"
            );
            assert!(ticks.windows(2).all(|w| w[0] < w[1]));
            assert!(ticks
                .iter()
                .all(|t| *t >= min - 1e-9 * (max - min) && *t <= max + 1e-9 * (max - min)));
        }
    }
}

#[test]
fn nice_ticks_refuse_weird_input_quickly() {
    let empty = Vec::<f64>::new();
    assert_eq!(nice_ticks(1.0, 0.0, 5), empty);
    assert_eq!(nice_ticks(f64::NAN, 1.0, 5), empty);
    assert_eq!(nice_ticks(0.0, f64::INFINITY, 5), empty);
    assert_eq!(nice_ticks(0.0, 1.0, 0), empty);
    assert_eq!(nice_ticks(f64::MIN, f64::MAX, 5), empty);
    assert!(nice_ticks(0.0, f64::MAX, 5).len() <= 11);
    assert!(nice_ticks(0.0, 5e-324, 3).len() <= 7);
    assert!(nice_ticks(0.0, 1.0, usize::MAX).len() <= 2001);
    assert!(nice_ticks(1e15, 1e15 + 1.0, 3).len() <= 7);
}

// ---------- view ----------

fn transform() -> MapTransform {
    MapTransform {
        bounds: bounds(-2.0, 2.0, -1.0, 3.0),
        area: PlotArea {
            left: 40.0,
            top: 10.0,
            width: 400.0,
            height: 300.0,
        },
    }
}

#[test]
fn the_box_corners_land_on_the_plot_area_corners() {
    let t = transform();
    assert_eq!(t.to_pixel([-2.0, 3.0]), [40.0, 10.0]);
    assert_eq!(t.to_pixel([2.0, -1.0]), [440.0, 310.0]);
    assert_eq!(t.to_pixel([0.0, 1.0]), [240.0, 160.0]);
    assert_eq!(t.to_data([240.0, 160.0]), [0.0, 1.0]);
    for p in [[0.3, -0.7], [-1.9, 2.99], [5.0, -4.0], [1e-7, 1.0 / 3.0]] {
        assert_points_close(t.to_data(t.to_pixel(p)), p);
    }
}

#[test]
fn zoom_keeps_the_point_under_the_pointer() {
    let t = transform();
    let pixel = [100.0, 50.0];
    let anchor = t.to_data(pixel);
    let zoomed = MapTransform {
        bounds: t.zoomed(pixel, 2.0),
        ..t
    };
    assert!(close(zoomed.bounds.width(), 2.0, 1e-12) && close(zoomed.bounds.height(), 2.0, 1e-12));
    assert_points_close(zoomed.to_data(pixel), anchor);
    let out = t.zoomed(pixel, 0.5);
    assert!(close(out.width(), 8.0, 1e-12));

    // Invalid factors leave the box alone; extreme ones clamp the span.
    assert_eq!(t.zoomed(pixel, 0.0), t.bounds);
    assert_eq!(t.zoomed(pixel, f64::NAN), t.bounds);
    assert_eq!(t.zoomed(pixel, -2.0), t.bounds);
    assert_eq!(t.zoomed(pixel, 1e-30).width(), MAX_SPAN);
    let deep = t.zoomed(pixel, 1e30);
    assert!(close(deep.width(), 1e-9, 1e-6), "{deep:?}");
    let far = MapTransform {
        bounds: bounds(1e12, 1e12 + 1.0, 0.0, 1.0),
        ..t
    };
    // f64 cannot resolve a 1e-9 box at x = 1e12: the box stays as it was.
    assert_eq!(far.zoomed(pixel, 1e30).x_min, 1e12);
}

#[test]
fn pan_moves_the_content_with_the_pointer() {
    let t = transform();
    let delta = [40.0, -30.0];
    let panned = t.panned(delta);
    // 40 px of 400 is 0.4 of the 4-wide box; -30 px of 300 is 0.4 of the 4-high box, upwards.
    assert!(close(panned.x_min, -2.4, 1e-12) && close(panned.x_max, 1.6, 1e-12));
    assert!(close(panned.y_min, -1.4, 1e-12) && close(panned.y_max, 2.6, 1e-12));
    let moved = MapTransform {
        bounds: panned,
        ..t
    };
    let grabbed = [123.0, 45.0];
    let after = moved.to_pixel(t.to_data(grabbed));
    assert_points_close(after, [grabbed[0] + delta[0], grabbed[1] + delta[1]]);

    let flat = MapTransform {
        area: PlotArea {
            width: 0.0,
            ..t.area
        },
        ..t
    };
    assert_eq!(flat.panned(delta), t.bounds);
    assert_eq!(flat.to_data([0.0, 160.0]), [0.0, 1.0]);
}

// ---------- Taylor model ----------

#[test]
fn taylor_model_is_exact_for_a_quadratic() {
    let quadratic = formula("3*x^2 - 2*x*y + y^2 + x - 4*y + 7");
    let at = [0.5, -1.0];
    let d = quadratic.derivatives(at);
    for p in [[0.5, -1.0], [2.0, 3.0], [-4.0, 0.25], [10.0, -10.0]] {
        let model = taylor_value(&d, at, p);
        assert!(
            close(model, LossSurface::value(&quadratic, p), 1e-12),
            "{p:?}: {model}"
        );
    }
    let area = bounds(-3.0, 3.0, -2.0, 2.0);
    let model = taylor_grid(&d, at, area, 16, 9);
    let surface = Grid::sample(&quadratic, area, 16, 9);
    assert_eq!((model.width, model.height), (16, 9));
    for (m, s) in model.values.iter().zip(&surface.values) {
        assert!(close(*m, *s, 1e-12), "{m} vs {s}");
    }
}

#[test]
fn taylor_model_of_the_lecture_network_at_the_saddle() {
    // L = (1 - xy)^2 at the origin: L = 1, g = 0, H = [[0, -2], [-2, 0]].
    // At (1, 1): 1 + ½·(2·(-2)·1·1) = -1, while L(1, 1) = 0: the model is only local.
    let lecture = formula("(1 - x*y)^2");
    let d = lecture.derivatives([0.0, 0.0]);
    assert_eq!(taylor_value(&d, [0.0, 0.0], [1.0, 1.0]), -1.0);
    assert_eq!(taylor_value(&d, [0.0, 0.0], [1.0, -1.0]), 3.0);
    let near = taylor_value(&d, [0.0, 0.0], [0.01, 0.01]);
    assert!(close(
        near,
        LossSurface::value(&lecture, [0.01, 0.01]),
        1e-7
    ));
}

#[test]
fn many_levels_at_once_give_each_level_s_own_curves_in_turn() {
    // Himmelblau (saddle cells, closed and open curves) with a hole where log(x + 3) is undefined.
    let grid = Grid::sample(
        &formula("(x^2 + y - 11)^2 + (x + y^2 - 7)^2 + log(x + 3)"),
        bounds(-5.0, 5.0, -5.0, 5.0),
        97,
        83,
    );
    let levels = contour_levels(&ColorScale::for_grid(&grid), 12);
    // Unsorted, repeated and non-finite levels too.
    let asked: Vec<f64> = [
        levels[7],
        levels[2],
        f64::NAN,
        levels[2],
        levels[11],
        f64::INFINITY,
    ]
    .into_iter()
    .chain(levels.iter().copied())
    .collect();
    let one_by_one: Vec<Vec<Point>> = asked
        .iter()
        .flat_map(|&level| contour_lines(&grid, &[level]))
        .collect();
    assert!(one_by_one.len() > 20, "{} lines", one_by_one.len());
    assert_eq!(contour_lines(&grid, &asked), one_by_one);
    assert!(contour_lines(&grid, &[f64::NAN]).is_empty());
}
