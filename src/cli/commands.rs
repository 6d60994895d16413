//! Each subcommand: read its options, call the core, shape the JSON.

use serde_json::{json, Value};

use super::args::Args;
use saddle::analysis::{analyze as analyze_point, find_critical_points, CriticalPoint};
use saddle::bounds::Bounds;
use saddle::data::DATASET_PRESETS;
use saddle::i18n;
use saddle::i18n::Language;
use saddle::optim::{
    Basins, BasinsConfig, Hyperparameters, OptimizerKind, Run, MAX_BASIN_GRID, MAX_BASIN_STEPS,
    MIN_BASIN_GRID,
};
use saddle::presets::PRESETS;

/// Most steps `run` takes, so a typo like --steps 1e12 cannot hang a script.
const MAX_RUN_STEPS: usize = 1_000_000;

/// `basins` without --steps or --grid: the page's default race length, and a 64 × 64 map.
const DEFAULT_BASIN_STEPS: usize = 300;
const DEFAULT_BASIN_GRID: usize = 64;

pub fn analyze(args: &Args) -> Result<Value, String> {
    args.only(&["expr", "preset", "at"])?;
    let (surface, _) = args.surface()?;
    let a = analyze_point(surface.as_ref(), args.point("at")?);
    let d = a.derivatives;
    let escape = a
        .escape_direction()
        .map(|(u, lambda)| json!({ "direction": u, "eigenvalue": lambda }));
    Ok(json!({
        "at": a.at,
        "value": d.value,
        "gradient": d.gradient,
        "hessian": d.hessian,
        "eigenvalues": a.eigen.values,
        "eigenvectors": a.eigen.vectors,
        "kind": a.kind.name(),
        "not_a_minimum": a.not_a_minimum(),
        "escape": escape,
    }))
}

pub fn critical_points(args: &Args) -> Result<Value, String> {
    args.only(&["expr", "preset", "box", "detail"])?;
    let (surface, preset_box) = args.surface()?;
    let bounds = search_box(args, preset_box)?;
    let found = find_critical_points(surface.as_ref(), &bounds);
    let points: Vec<Value> = found.points.iter().map(critical_point_json).collect();
    if !args.has("detail") {
        return Ok(Value::Array(points));
    }
    let continuum = found.continuum.as_ref().map(
        |c| json!({ "description": i18n::continuum(Language::English, c), "sample": c.sample }),
    );
    Ok(json!({ "box": bounds, "points": points, "continuum": continuum }))
}

/// The box from --box, else the preset's own.
fn search_box(args: &Args, preset_box: Option<Bounds>) -> Result<Bounds, String> {
    match args.numbers::<4>("box", "four numbers XMIN,XMAX,YMIN,YMAX")? {
        Some([x_min, x_max, y_min, y_max]) => {
            Bounds::new(x_min, x_max, y_min, y_max).map_err(|e| format!("--box: {e}"))
        }
        None => preset_box.ok_or_else(|| "give the box with --box=XMIN,XMAX,YMIN,YMAX".into()),
    }
}

fn critical_point_json(p: &CriticalPoint) -> Value {
    json!({
        "at": p.at,
        "value": p.value,
        "eigenvalues": p.eigenvalues,
        "eigenvectors": p.eigenvectors,
        "kind": p.kind.name(),
        "not_a_minimum": p.not_a_minimum,
    })
}

pub fn run(args: &Args) -> Result<Value, String> {
    args.only(&[
        "expr",
        "preset",
        "from",
        "optimizer",
        "lr",
        "beta",
        "steps",
        "batch",
        "seed",
    ])?;
    let (surface, _) = args.surface()?;
    let start = args.point("from")?;
    let (kind, hyper) = optimizer(args)?;
    let steps = args.count("steps")?.unwrap_or(100);
    if steps > MAX_RUN_STEPS {
        return Err(format!("--steps must be at most {MAX_RUN_STEPS}"));
    }
    let mut race = Run::new(kind, hyper, start);
    let status = race.run(surface.as_ref(), steps);
    Ok(json!({
        "optimizer": kind.name(),
        "trajectory": race.trajectory(),
        "losses": race.losses(),
        "steps": race.steps(),
        "status": status.name(),
    }))
}

/// The optimizer and its knobs from --optimizer, --lr, --beta, --batch and --seed, checked.
fn optimizer(args: &Args) -> Result<(OptimizerKind, Hyperparameters), String> {
    let name = args.text("optimizer").unwrap_or("gd");
    let kind = OptimizerKind::from_name(name).ok_or_else(|| {
        let known: Vec<&str> = OptimizerKind::ALL.iter().map(|k| k.name()).collect();
        format!("unknown optimizer '{name}'; known: {}", known.join(", "))
    })?;
    let defaults = Hyperparameters::default();
    let hyper = Hyperparameters {
        learning_rate: args.number("lr")?.unwrap_or(defaults.learning_rate),
        beta: args.number("beta")?.unwrap_or(defaults.beta),
        batch: args.count("batch")?.unwrap_or(defaults.batch),
        seed: args.seed()?.unwrap_or(defaults.seed),
    };
    if hyper.learning_rate <= 0.0 {
        return Err("--lr must be positive".into());
    }
    if !(0.0..1.0).contains(&hyper.beta) {
        return Err("--beta must be in [0, 1)".into());
    }
    if hyper.batch == 0 {
        return Err("--batch must be at least 1".into());
    }
    Ok((kind, hyper))
}

pub fn basins(args: &Args) -> Result<Value, String> {
    args.only(&[
        "expr",
        "preset",
        "box",
        "optimizer",
        "lr",
        "beta",
        "steps",
        "grid",
        "batch",
        "seed",
    ])?;
    let (surface, preset_box) = args.surface()?;
    let bounds = search_box(args, preset_box)?;
    let (kind, hyper) = optimizer(args)?;
    let grid = args.count("grid")?.unwrap_or(DEFAULT_BASIN_GRID);
    if !(MIN_BASIN_GRID..=MAX_BASIN_GRID).contains(&grid) {
        return Err(format!(
            "--grid must be {MIN_BASIN_GRID} to {MAX_BASIN_GRID}"
        ));
    }
    let steps = args.count("steps")?.unwrap_or(DEFAULT_BASIN_STEPS);
    if !(1..=MAX_BASIN_STEPS).contains(&steps) {
        return Err(format!("--steps must be 1 to {MAX_BASIN_STEPS}"));
    }
    let config = BasinsConfig {
        optimizer: kind,
        hyper,
        steps,
        grid,
        bounds,
    };
    let mut basins = Basins::new(config)?;
    basins.run_to_end(surface.as_ref());
    let attractors: Vec<Value> = basins
        .attractors()
        .iter()
        .map(|a| {
            json!({
                "at": a.at,
                "kind": a.kind.name(),
                "continuum": a.continuum.map(|shape| shape.name()),
            })
        })
        .collect();
    let rows: Vec<&[i32]> = basins.labels().chunks(config.grid).collect();
    Ok(json!({ "attractors": attractors, "labels": rows }))
}

pub fn presets(args: &Args) -> Result<Value, String> {
    args.only(&[])?;
    let formulas = PRESETS.iter().map(|p| {
        json!({
            "name": p.name,
            "title": p.title,
            "formula": p.formula,
            "box": p.bounds,
            "start": p.start,
            "description": p.description,
        })
    });
    // Data-defined losses have no formula; their training set is described instead.
    let datasets = DATASET_PRESETS.iter().map(|d| {
        // {"model", the model's own parameters, "points", "seed"}.
        let mut dataset = serde_json::to_value(d.data).unwrap_or_default();
        if let Value::Object(fields) = &mut dataset {
            fields.insert("points".into(), json!(d.points));
            fields.insert("seed".into(), json!(d.seed));
        }
        json!({
            "name": d.name,
            "title": d.title,
            "dataset": dataset,
            "box": [d.bounds.x_min, d.bounds.x_max, d.bounds.y_min, d.bounds.y_max],
            "start": d.start,
            "learning_rate": d.learning_rate,
            "description": d.description,
        })
    });
    Ok(Value::Array(formulas.chain(datasets).collect()))
}
