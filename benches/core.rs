//! Native speed of the core's hot paths (issue: speed and size). `cargo bench --bench core`.
//!
//! These print numbers and assert nothing; `scripts/bench` collects them with the in-browser figures.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, SamplingMode, Throughput};
use saddle::analysis::{analyze, find_critical_points, symmetric_eigen};
use saddle::formula::Formula;
use saddle::optim::{Basins, BasinsConfig, Hyperparameters, OptimizerKind};
use saddle::presets::preset;
use saddle::render::{contour_levels, contour_lines, ColorScale, Grid};
use saddle::surface::LossSurface;

/// A long formula a person could paste: 40 terms, each with a transcendental call.
fn long_formula() -> String {
    (1..=40)
        .map(|k| format!("sin({k}*x/40 + y)*exp(-{k}*y^2/400)"))
        .collect::<Vec<_>>()
        .join(" + ")
}

fn grid_evaluation(c: &mut Criterion) {
    let mut group = c.benchmark_group("grid 512x512");
    group.throughput(Throughput::Elements(512 * 512));
    // Milliseconds to a second per grid: equal-sized samples keep the long formula's share of the run short.
    group.sampling_mode(SamplingMode::Flat);
    let long = long_formula();
    let surfaces = [
        ("lecture", preset("lecture").map(|p| p.formula())),
        ("himmelblau", preset("himmelblau").map(|p| p.formula())),
        ("rastrigin", preset("rastrigin").map(|p| p.formula())),
        ("long custom formula", Formula::parse(&long).ok()),
    ];
    for (name, formula) in surfaces {
        let Some(formula) = formula else { continue };
        let bounds = preset("lecture")
            .map(|p| p.bounds())
            .expect("lecture preset");
        group.bench_function(name, |b| {
            b.iter(|| Grid::sample(black_box(&formula), bounds, 512, 512))
        });
    }
    group.finish();
}

/// The map's contours: ten levels over the 260 × 260 grid the page samples at most.
fn contours(c: &mut Criterion) {
    let Some(himmelblau) = preset("himmelblau") else {
        return;
    };
    let grid = Grid::sample(&himmelblau.formula(), himmelblau.bounds(), 260, 260);
    let levels = contour_levels(&ColorScale::for_grid(&grid), 10);
    c.bench_function("contours: 10 levels on a 260x260 grid (himmelblau)", |b| {
        b.iter(|| contour_lines(black_box(&grid), &levels).len())
    });
}

fn point_analysis(c: &mut Criterion) {
    let formula = Formula::parse("(1 - x*y)^2").expect("valid");
    c.bench_function("value+gradient+Hessian by AD (lecture)", |b| {
        b.iter(|| formula.derivatives(black_box([0.3, 0.2])))
    });
    c.bench_function("analyze: AD + 2x2 eigen + kind (lecture)", |b| {
        b.iter(|| analyze(&formula, black_box([0.3, 0.2])))
    });
    c.bench_function("2x2 symmetric eigen", |b| {
        b.iter(|| symmetric_eigen(black_box([[0.5, -2.0], [-2.0, 1.5]])))
    });
}

fn critical_search(c: &mut Criterion) {
    for name in ["lecture", "himmelblau", "six-hump-camel"] {
        let Some(p) = preset(name) else { continue };
        let (formula, bounds) = (p.formula(), p.bounds());
        c.bench_function(&format!("critical points in the box ({name})"), |b| {
            b.iter(|| find_critical_points(black_box(&formula), &bounds))
        });
    }
}

/// A whole basin map as the page would ask for it: gradient descent with η = 0.01 and at most 300 steps from
/// each of 128 × 128 starts, then the grouping of where they came to rest. Himmelblau's runs mostly settle
/// early; on the lecture's surface most are still crawling along the valley after 300 steps.
fn basin_map(c: &mut Criterion) {
    let mut group = c.benchmark_group("basins 128x128, gd, 300 steps");
    group.sampling_mode(SamplingMode::Flat);
    for name in ["himmelblau", "lecture"] {
        let Some(p) = preset(name) else { continue };
        let (formula, bounds) = (p.formula(), p.bounds());
        let config = BasinsConfig {
            optimizer: OptimizerKind::Gd,
            hyper: Hyperparameters {
                learning_rate: 0.01,
                ..Hyperparameters::default()
            },
            steps: 300,
            grid: 128,
            bounds,
        };
        group.bench_function(name, |b| {
            b.iter(|| {
                let mut basins = Basins::new(config).expect("a valid map");
                basins.run_to_end(black_box(&formula));
                basins.attractors().len()
            })
        });
    }
    group.finish();
}

criterion_group!(
    benches,
    grid_evaluation,
    contours,
    point_analysis,
    critical_search,
    basin_map
);
criterion_main!(benches);
