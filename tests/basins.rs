//! Basins of attraction: every cell's label against a run simulated directly from that cell, the grouping of
//! end points into attractors (a curve of minima counts once per branch), and `saddle basins`' contract.

mod common;

use common::{json, saddle};
use saddle::analysis::{find_attractors, ContinuumShape, PointKind};
use saddle::bounds::Bounds;
use saddle::formula::Formula;
use saddle::optim::{
    Basins, BasinsConfig, Hyperparameters, OptimizerKind, Run, RunStatus, DIVERGED, PENDING,
    STILL_MOVING,
};
use saddle::presets::preset;
use serde_json::Value;

/// Himmelblau's four minima, sorted by x (Newton on the hand-derived gradient and Hessian, to 1e-9).
const HIMMELBLAU_MINIMA: [[f64; 2]; 4] = [
    [-3.779310253, -3.283185991],
    [-2.805118087, 3.131312518],
    [3.0, 2.0],
    [3.584428340, -1.848126527],
];

fn gd(learning_rate: f64) -> Hyperparameters {
    Hyperparameters {
        learning_rate,
        ..Hyperparameters::default()
    }
}

fn config(bounds: Bounds, learning_rate: f64, steps: usize, grid: usize) -> BasinsConfig {
    BasinsConfig {
        optimizer: OptimizerKind::Gd,
        hyper: gd(learning_rate),
        steps,
        grid,
        bounds,
    }
}

fn mapped(formula: &Formula, config: BasinsConfig) -> Basins {
    let mut basins = Basins::new(config).expect("a valid configuration");
    basins.run_to_end(formula);
    basins
}

fn square(half: f64) -> Bounds {
    Bounds::new(-half, half, -half, half).unwrap()
}

/// The start of cell (row, column) as the contract states it, computed here on its own.
fn contract_start(bounds: Bounds, grid: usize, row: usize, column: usize) -> [f64; 2] {
    let g = grid as f64;
    [
        bounds.x_min + (column as f64 + 0.5) * (bounds.x_max - bounds.x_min) / g,
        bounds.y_min + (row as f64 + 0.5) * (bounds.y_max - bounds.y_min) / g,
    ]
}

fn distance(a: [f64; 2], b: [f64; 2]) -> f64 {
    (a[0] - b[0]).hypot(a[1] - b[1])
}

#[test]
fn every_himmelblau_cell_agrees_with_a_run_from_its_start() {
    let himmelblau = preset("himmelblau").unwrap();
    let (formula, bounds) = (himmelblau.formula(), himmelblau.bounds());
    let grid = 16;
    let basins = mapped(&formula, config(bounds, 0.01, 300, grid));
    // The attractors are the four minima, refined to the critical point.
    let attractors = basins.attractors();
    assert_eq!(attractors.len(), 4, "{attractors:?}");
    for (attractor, minimum) in attractors.iter().zip(HIMMELBLAU_MINIMA) {
        assert!(distance(attractor.at, minimum) < 1e-8, "{attractor:?}");
        assert_eq!(attractor.kind, PointKind::LocalMinimum);
        assert_eq!(attractor.continuum, None);
    }
    let mut seen = [0; 4];
    for row in 0..grid {
        for column in 0..grid {
            let start = contract_start(bounds, grid, row, column);
            let mut run = Run::new(OptimizerKind::Gd, gd(0.01), start);
            let expected = match run.run(&formula, 300) {
                RunStatus::Diverged => DIVERGED,
                RunStatus::MaxSteps => STILL_MOVING,
                _ => {
                    let end = run.position();
                    let nearest = (0..4)
                        .min_by(|&a, &b| {
                            distance(end, HIMMELBLAU_MINIMA[a])
                                .total_cmp(&distance(end, HIMMELBLAU_MINIMA[b]))
                        })
                        .unwrap();
                    assert!(distance(end, HIMMELBLAU_MINIMA[nearest]) < 1e-3);
                    nearest as i32
                }
            };
            let label = basins.labels()[row * grid + column];
            assert_eq!(label, expected, "cell ({row}, {column}) from {start:?}");
            if let Ok(index) = usize::try_from(label) {
                seen[index] += 1;
            }
        }
    }
    // Four basins, each a good share of the box (32² cells split 241 / 267 / 261 / 255).
    assert!(seen.iter().all(|&n| n >= 40), "{seen:?}");
    assert_eq!(seen.iter().sum::<usize>(), grid * grid);
}

#[test]
fn a_bowl_has_one_attractor_everywhere() {
    let bowl = Formula::parse("x^2 + y^2").unwrap();
    let basins = mapped(&bowl, config(square(2.0), 0.1, 300, 8));
    let attractors = basins.attractors();
    assert_eq!(attractors.len(), 1);
    assert!(distance(attractors[0].at, [0.0, 0.0]) < 1e-12);
    assert_eq!(attractors[0].kind, PointKind::LocalMinimum);
    assert!(basins.labels().iter().all(|&label| label == 0));
}

#[test]
fn too_large_a_step_diverges_everywhere() {
    // Gradient descent on x² + y² with η = 1.5 maps θ to −2θ: every start doubles until it leaves 1e6.
    let bowl = Formula::parse("x^2 + y^2").unwrap();
    let basins = mapped(&bowl, config(square(2.0), 1.5, 300, 6));
    assert!(basins.attractors().is_empty());
    assert!(basins.labels().iter().all(|&label| label == DIVERGED));
}

#[test]
fn a_tiny_step_budget_leaves_every_run_moving() {
    // Three steps of η = 0.01 shrink θ by 0.98 each: nowhere near rest.
    let bowl = Formula::parse("x^2 + y^2").unwrap();
    let basins = mapped(&bowl, config(square(2.0), 0.01, 3, 6));
    assert!(basins.attractors().is_empty());
    assert!(basins.labels().iter().all(|&label| label == STILL_MOVING));
}

#[test]
fn row_zero_is_the_bottom_and_column_zero_the_left() {
    // Four minima at (±1, ±1), sorted by x then y: (−1, −1), (−1, 1), (1, −1), (1, 1). The box is wider than
    // tall, so swapped axes would put starts elsewhere.
    let four = Formula::parse("(x^2 - 1)^2 + (y^2 - 1)^2").unwrap();
    let bounds = Bounds::new(-2.0, 2.0, -1.5, 1.5).unwrap();
    let grid = 6;
    let basins = mapped(&four, config(bounds, 0.05, 300, grid));
    let at: Vec<[f64; 2]> = basins.attractors().iter().map(|a| a.at).collect();
    let expected = [[-1.0, -1.0], [-1.0, 1.0], [1.0, -1.0], [1.0, 1.0]];
    assert_eq!(at.len(), 4, "{at:?}");
    for (found, minimum) in at.iter().zip(expected) {
        assert!(distance(*found, minimum) < 1e-9, "{at:?}");
    }
    let label = |row: usize, column: usize| basins.labels()[row * grid + column];
    let last = grid - 1;
    assert_eq!(label(0, 0), 0, "bottom left");
    assert_eq!(label(last, 0), 1, "top left");
    assert_eq!(label(0, last), 2, "bottom right");
    assert_eq!(label(last, last), 3, "top right");
    // Every cell goes to the minimum in its own quadrant.
    for row in 0..grid {
        for column in 0..grid {
            let [x, y] = contract_start(bounds, grid, row, column);
            let expected = 2 * i32::from(x > 0.0) + i32::from(y > 0.0);
            assert_eq!(label(row, column), expected, "({x}, {y})");
        }
    }
    assert_eq!(
        basins.config().cell_containing([1.9, -1.4]),
        Some((0, last))
    );
    let centre = basins.config().cell_centre(0, last);
    assert_eq!(centre, contract_start(bounds, grid, 0, last));
    assert!(distance(centre, [5.0 / 3.0, -1.25]) < 1e-15);
}

#[test]
fn the_lectures_valley_is_one_attractor_per_branch() {
    // Gradient descent on (1 − xy)² keeps the sign of x + y (x + y is multiplied by 1 + 2η(1 − xy) > 0 each
    // step), so starts with x + y > 0 end on the branch x, y > 0 of the valley xy = 1, those with x + y < 0
    // on the other; starts on the line x = −y stay on it and come to rest at the saddle (0, 0). At G = 16 the
    // cell centres are binary fractions, so the anti-diagonal cells lie exactly on that line.
    let lecture = preset("lecture").unwrap();
    let (formula, bounds) = (lecture.formula(), lecture.bounds());
    let grid = 16;
    let basins = mapped(&formula, config(bounds, 0.05, 300, grid));
    let attractors = basins.attractors();
    assert_eq!(attractors.len(), 3, "{attractors:?}");
    let (negative, saddle, positive) = (&attractors[0], &attractors[1], &attractors[2]);
    for branch in [negative, positive] {
        assert_eq!(branch.continuum, Some(ContinuumShape::Minima), "{branch:?}");
        let [x, y] = branch.at;
        assert!((x * y - 1.0).abs() < 1e-9, "{branch:?} is not on xy = 1");
    }
    // Each branch is represented by its point nearest the box centre.
    assert!(distance(negative.at, [-1.0, -1.0]) < 1e-6);
    assert!(distance(positive.at, [1.0, 1.0]) < 1e-6);
    assert_eq!(saddle.kind, PointKind::Saddle);
    assert_eq!(saddle.continuum, None);
    assert!(distance(saddle.at, [0.0, 0.0]) < 1e-9);
    let mut ends = Vec::new();
    for row in 0..grid {
        for column in 0..grid {
            let start = contract_start(bounds, grid, row, column);
            let sum = start[0] + start[1];
            let expected = if sum > 0.0 {
                2
            } else if sum < 0.0 {
                0
            } else {
                1
            };
            assert_eq!(basins.labels()[row * grid + column], expected, "{start:?}");
            let mut run = Run::new(OptimizerKind::Gd, gd(0.05), start);
            run.run(&formula, 300);
            if sum > 0.0 {
                ends.push(run.position());
            }
        }
    }
    // The runs of one branch stop at hundreds of different minima: grouping by distance would list them all.
    ends.sort_by(|a, b| a[0].total_cmp(&b[0]));
    ends.dedup_by(|a, b| distance(*a, *b) < 1e-3);
    assert!(ends.len() > 50, "{} distinct ends", ends.len());
}

#[test]
fn a_walk_along_the_valley_joins_end_points_far_apart_on_one_branch() {
    // End points on the branch x, y > 0 of xy = 1 in two groups 0.8 apart, far more than the link distance,
    // and one on the other branch: the walk along the curve joins the first two groups.
    let lecture = Formula::parse("(1 - x*y)^2").unwrap();
    let on_valley = |x: f64| [x, 1.0 / x];
    let mut ends: Vec<[f64; 2]> = (0..10)
        .map(|i| on_valley(0.6 + 0.01 * f64::from(i)))
        .collect();
    ends.extend((0..10).map(|i| on_valley(1.5 + 0.01 * f64::from(i))));
    ends.push(on_valley(-1.0));
    let (attractors, assignment) = find_attractors(&lecture, &square(2.0), &ends, 0.05);
    assert_eq!(attractors.len(), 2, "{attractors:?}");
    assert!(attractors[0].at[0] < 0.0 && attractors[1].at[0] > 0.0);
    assert!(assignment[..20].iter().all(|&a| a == 1), "{assignment:?}");
    assert_eq!(assignment[20], 0);
}

#[test]
fn isolated_points_and_separate_curves_stay_apart() {
    // x⁴ + y⁴: gradient descent stops short of its degenerate minimum at different places, all one attractor
    // (Newton from each lands on the origin). sin(x)²: the lines x = 0 and x = π are two attractors.
    let quartic = Formula::parse("x^4 + y^4").unwrap();
    let ends = [[0.01, 0.0], [0.0, -0.012], [-0.008, 0.009]];
    let (attractors, assignment) = find_attractors(&quartic, &square(2.0), &ends, 0.1);
    assert_eq!(attractors.len(), 1, "{attractors:?}");
    assert!(distance(attractors[0].at, [0.0, 0.0]) < 1e-4);
    assert_eq!(attractors[0].continuum, None);
    assert_eq!(assignment, vec![0, 0, 0]);

    let valleys = Formula::parse("sin(x)^2").unwrap();
    let pi = std::f64::consts::PI;
    let ends = [[0.0, -1.0], [0.0, 1.5], [pi, 0.0], [pi, -1.9]];
    let (attractors, assignment) = find_attractors(&valleys, &square(2.0), &ends, 0.1);
    assert_eq!(attractors.len(), 2, "{attractors:?}");
    assert!(attractors
        .iter()
        .all(|a| a.continuum == Some(ContinuumShape::Minima)));
    assert_eq!(assignment, vec![0, 0, 1, 1]);
}

#[test]
fn parallel_valleys_closer_than_the_link_distance_stay_apart() {
    // sin(10x)² has a line of minima every π/10 ≈ 0.314. Joined by distance alone at a link of 0.7 they
    // would be one attractor; a walk along x = 0 towards (π/10, 0.5) runs past it.
    let valleys = Formula::parse("sin(10*x)^2").unwrap();
    let step = std::f64::consts::PI / 10.0;
    let ends: Vec<[f64; 2]> = [-1.0, 0.0, 1.0]
        .iter()
        .flat_map(|&k| [-0.6, -0.1, 0.5].map(|y| [k * step, y]))
        .collect();
    let (attractors, assignment) = find_attractors(&valleys, &square(1.0), &ends, 0.7);
    assert_eq!(attractors.len(), 3, "{attractors:?}");
    assert_eq!(assignment, vec![0, 0, 0, 1, 1, 1, 2, 2, 2]);
    // The same through a coarse basin map: eight cells per side, seven valleys in the box.
    let basins = mapped(&valleys, config(square(1.0), 0.004, 300, 8));
    assert_eq!(basins.attractors().len(), 7, "{:?}", basins.attractors());
}

#[test]
fn a_flat_region_is_one_attractor() {
    // On a constant no run moves: every start is its own end point, all on one flat region.
    let flat = Formula::parse("3").unwrap();
    let basins = mapped(&flat, config(square(2.0), 0.1, 300, 12));
    let attractors = basins.attractors();
    assert_eq!(attractors.len(), 1, "{attractors:?}");
    assert_eq!(attractors[0].continuum, Some(ContinuumShape::Flat));
    assert!(basins.labels().iter().all(|&label| label == 0));
}

#[test]
fn chunked_work_gives_the_same_map_and_reports_progress() {
    let himmelblau = preset("himmelblau").unwrap();
    let (formula, bounds) = (himmelblau.formula(), himmelblau.bounds());
    let config = config(bounds, 0.01, 300, 8);
    let whole = mapped(&formula, config);
    let mut chunked = Basins::new(config).unwrap();
    assert!(chunked.labels().iter().all(|&label| label == PENDING));
    let mut last = 0.0;
    let mut calls = 0;
    while !chunked.is_finished() {
        let progress = chunked.advance(&formula, 97);
        assert!(
            progress.fraction >= last && progress.fraction <= 1.0,
            "{progress:?}"
        );
        assert_eq!(progress.cells_total, 64);
        last = progress.fraction;
        calls += 1;
    }
    assert!(calls > 10, "{calls} calls: the budget was not respected");
    assert_eq!(last, 1.0);
    assert_eq!(chunked.labels(), whole.labels());
    assert_eq!(chunked.attractors(), whole.attractors());
}

#[test]
fn impossible_maps_are_refused() {
    let good = config(square(2.0), 0.1, 300, 8);
    assert!(Basins::new(good).is_ok());
    let bad = [
        BasinsConfig { grid: 1, ..good },
        BasinsConfig { grid: 513, ..good },
        BasinsConfig { steps: 0, ..good },
        BasinsConfig {
            steps: 10_001,
            ..good
        },
        BasinsConfig {
            hyper: gd(0.0),
            ..good
        },
        BasinsConfig {
            hyper: gd(f64::NAN),
            ..good
        },
        BasinsConfig {
            hyper: Hyperparameters {
                beta: 1.0,
                ..gd(0.1)
            },
            ..good
        },
        BasinsConfig {
            bounds: Bounds {
                x_min: 1.0,
                x_max: -1.0,
                y_min: 0.0,
                y_max: 1.0,
            },
            ..good
        },
    ];
    for config in bad {
        assert!(Basins::new(config).is_err(), "{config:?} was accepted");
    }
}

fn labels(out: &Value) -> Vec<Vec<i64>> {
    out["labels"]
        .as_array()
        .expect("labels")
        .iter()
        .map(|row| {
            row.as_array()
                .expect("a row")
                .iter()
                .map(|l| l.as_i64().expect("an integer label"))
                .collect()
        })
        .collect()
}

#[test]
fn the_command_prints_attractors_and_rows_from_the_bottom() {
    let out = json(&[
        "basins",
        "--expr",
        "(x^2 - 1)^2 + (y^2 - 1)^2",
        "--box=-2,2,-1.5,1.5",
        "--optimizer",
        "gd",
        "--lr",
        "0.05",
        "--steps",
        "300",
        "--grid",
        "4",
    ]);
    let attractors = out["attractors"].as_array().expect("attractors");
    assert_eq!(attractors.len(), 4);
    assert_eq!(attractors[0]["at"][0].as_f64().map(f64::round), Some(-1.0));
    assert_eq!(attractors[0]["at"][1].as_f64().map(f64::round), Some(-1.0));
    assert!(attractors.iter().all(|a| a["kind"] == "local-minimum"));
    assert!(attractors.iter().all(|a| a["continuum"].is_null()));
    // Row 0 is the bottom (y = −1.125): (−1, −1) then (1, −1); the top row goes to (−1, 1) and (1, 1).
    assert_eq!(
        labels(&out),
        vec![
            vec![0, 0, 2, 2],
            vec![0, 0, 2, 2],
            vec![1, 1, 3, 3],
            vec![1, 1, 3, 3]
        ]
    );
}

#[test]
fn a_basin_cell_and_saddle_run_from_its_start_agree() {
    // The lecture's box at G = 4: cell (row 1, column 2) starts at (0.5, −0.5), on the saddle's stable line.
    let out = json(&[
        "basins", "--preset", "lecture", "--lr", "0.1", "--steps", "200", "--grid", "4",
    ]);
    let attractors = out["attractors"].as_array().expect("attractors");
    let rows = labels(&out);
    for (row, column) in [(1, 2), (0, 0), (3, 1), (2, 3)] {
        let x = -2.0 + (column as f64 + 0.5);
        let y = -2.0 + (row as f64 + 0.5);
        let from = format!("--from={x},{y}");
        let run = json(&[
            "run", "--preset", "lecture", &from, "--lr", "0.1", "--steps", "200",
        ]);
        let label = rows[row][column];
        match run["status"].as_str() {
            Some("diverged") => assert_eq!(label, -1),
            Some("max-steps") => assert_eq!(label, -2),
            _ => {
                let end = run["trajectory"].as_array().and_then(|t| t.last()).unwrap();
                let attractor = &attractors[usize::try_from(label).expect("at rest")];
                if attractor["continuum"].is_null() {
                    for axis in 0..2 {
                        let (a, e) = (attractor["at"][axis].as_f64(), end[axis].as_f64());
                        assert!(
                            (a.unwrap() - e.unwrap()).abs() < 1e-6,
                            "{attractor} vs {end}"
                        );
                    }
                } else {
                    // On the valley: the run's end is on the same branch (same sign of x).
                    let same = attractor["at"][0].as_f64().unwrap() * end[0].as_f64().unwrap();
                    assert!(same > 0.0, "{attractor} vs {end}");
                }
            }
        }
    }
    assert_eq!(
        rows[1][2], 1,
        "(0.5, −0.5) rests at the saddle: {attractors:?}"
    );
    assert_eq!(attractors[1]["kind"], "saddle");
}

#[test]
fn a_preset_brings_its_box() {
    let out = json(&[
        "basins",
        "--preset",
        "himmelblau",
        "--steps",
        "300",
        "--grid",
        "6",
    ]);
    assert_eq!(out["attractors"].as_array().map(Vec::len), Some(4));
    assert_eq!(labels(&out).len(), 6);
    assert!(labels(&out).iter().all(|row| row.len() == 6));
}

#[test]
fn bad_options_fail_with_one_line_and_exit_code_2() {
    let surface = ["basins", "--expr", "x^2 + y^2", "--box=-1,1,-1,1"];
    let cases: [&[&str]; 10] = [
        &["--grid", "1"],
        &["--grid", "513"],
        &["--grid", "many"],
        &["--steps", "0"],
        &["--steps", "10001"],
        &["--lr", "-1"],
        &["--beta", "1"],
        &["--optimizer", "sgdd"],
        &["--frm", "1,2"],
        &["--box=1,-1,0,1"],
    ];
    for extra in cases {
        let args = [&surface[..], extra].concat();
        let (code, stdout, stderr) = saddle(&args);
        assert_eq!(code, 2, "{args:?}: {stdout}");
        assert_eq!(stderr.trim().lines().count(), 1, "{args:?}: {stderr}");
        assert!(stdout.is_empty());
    }
    // A formula without a box has no box to map.
    let (code, _, stderr) = saddle(&["basins", "--expr", "x^2"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("--box"), "{stderr}");
}

#[test]
fn help_shows_the_contract_and_an_example() {
    let (code, stdout, _) = saddle(&["basins", "--help"]);
    assert_eq!(code, 0);
    for text in ["saddle basins --preset", "-1 if it diverged", "row 0 at"] {
        assert!(stdout.contains(text), "{text} missing from {stdout}");
    }
}

/// A scene of four minima at (±1, ±1), saddles between them and a maximum at the origin, mapped by Newton's
/// method, which is drawn to every one of the nine critical points.
const NINE_POINTS_LINK: &str =
    "v=1&expr=(x%5E2-1)%5E2%2B(y%5E2-1)%5E2&opt=newton,gd&lr=0.05&steps=30&map=basins";

#[test]
fn a_basins_link_maps_the_first_racer_with_its_knobs_and_a_fixed_step_budget() {
    use saddle::render::MapMode;
    use saddle::scene::{figure_scene, BASIN_GRID as FIGURE_BASIN_GRID, BASIN_STEPS};
    use saddle::share::decode;
    let decoded = decode(NINE_POINTS_LINK);
    assert!(decoded.problems.is_empty(), "{:?}", decoded.problems);
    assert_eq!(decoded.scene.map, MapMode::Basins);
    let figure = figure_scene(&decoded.scene);
    let basins = figure.basins.as_ref().expect("a basin map");
    let expected = BasinsConfig {
        optimizer: OptimizerKind::Newton,
        ..config(square(2.0), 0.05, BASIN_STEPS, FIGURE_BASIN_GRID)
    };
    assert_eq!(basins.config(), &expected);
    let kinds: Vec<PointKind> = basins.attractors().iter().map(|a| a.kind).collect();
    use PointKind::{LocalMaximum as Max, LocalMinimum as Min, Saddle};
    let nine = [Min, Saddle, Min, Saddle, Max, Saddle, Min, Saddle, Min];
    assert_eq!(kinds, nine);
    // A few cells against Newton's own run from their centres.
    let four = Formula::parse("(x^2-1)^2+(y^2-1)^2").unwrap();
    for (row, column) in [(0, 0), (64, 64), (63, 100), (127, 5), (90, 70)] {
        let start = contract_start(square(2.0), FIGURE_BASIN_GRID, row, column);
        let mut run = Run::new(OptimizerKind::Newton, gd(0.05), start);
        assert!(!matches!(
            run.run(&four, BASIN_STEPS),
            RunStatus::Diverged | RunStatus::MaxSteps
        ));
        let label = basins.labels()[row * FIGURE_BASIN_GRID + column];
        let attractor = basins.attractors()[usize::try_from(label).unwrap()];
        assert!(distance(attractor.at, run.position()) < 1e-6, "{start:?}");
    }
    // A loss map computes none.
    let loss = decode(&NINE_POINTS_LINK.replace("&map=basins", "")).scene;
    assert!(figure_scene(&loss).basins.is_none());
}

#[test]
fn a_basins_figure_paints_the_basin_cells_rings_the_attractors_and_names_them() {
    use plotters::prelude::*;
    use saddle::charts::{draw_figure, register_system_font};
    use saddle::render::basins_rgba;
    use saddle::scene::figure_scene;
    use saddle::share::decode;
    register_system_font().expect("a system font (Debian: fonts-dejavu-core)");
    let scene = decode(NINE_POINTS_LINK).scene;
    let figure = figure_scene(&scene);
    let basins = figure.basins.as_ref().expect("a basin map");
    let mut painted = Vec::new();
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (900, 760)).into_drawing_area();
        draw_figure(&root, &figure, &mut |rgba, size, _| {
            painted.push((rgba.to_vec(), size));
            Ok(())
        })
        .expect("drawn");
    }
    let side = basins.config().grid;
    assert_eq!(
        painted,
        vec![(basins_rgba(basins.labels(), side), (side, side))]
    );
    // One ring per attractor: ink over a paper halo, 12 CSS pixels across at the figure's scale.
    let rings = svg
        .lines()
        .filter(|line| line.starts_with("<circle") && line.contains(r##"stroke="#1B1F24""##))
        .count();
    assert!(rings >= 9, "{rings} rings");
    for label in [
        "basin of the local minimum (−1, −1)",
        "basin of the saddle point (0, 1)",
        "basin of the local maximum (0, 0)",
    ] {
        assert!(svg.contains(label), "the legend lacks {label}");
    }
    // No colour bar: its bottom band would be viridis at its darkest.
    let [r, g, b] = saddle::render::viridis(0.5 / 64.0);
    assert!(
        !svg.contains(&format!("#{r:02X}{g:02X}{b:02X}")),
        "a colour bar was drawn"
    );
}
