//! Each subcommand: read its options, call the core, shape the JSON.

use serde_json::{json, Value};

use super::args::Args;
use saddle::analysis::{analyze as analyze_point, find_critical_points, CriticalPoint};
use saddle::bounds::Bounds;
use saddle::data::DATASET_PRESETS;
use saddle::experiments::{
    MinRatioConfig, MinRatioExperiment, GRADIENT_TARGET, ZERO_EIGENVALUE_TOLERANCE,
};
use saddle::i18n;
use saddle::optim::{Hyperparameters, OptimizerKind, Run};
use saddle::presets::PRESETS;
use saddle::share::Language;

/// Most steps `run` takes, so a typo like --steps 1e12 cannot hang a script.
const MAX_RUN_STEPS: usize = 1_000_000;

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
        "escape": escape,
    }))
}

pub fn critical_points(args: &Args) -> Result<Value, String> {
    args.only(&["expr", "preset", "box", "detail"])?;
    let (surface, preset_box) = args.surface()?;
    let bounds = match args.numbers::<4>("box", "four numbers XMIN,XMAX,YMIN,YMAX")? {
        Some([x_min, x_max, y_min, y_max]) => {
            Bounds::new(x_min, x_max, y_min, y_max).map_err(|e| format!("--box: {e}"))?
        }
        None => preset_box.ok_or("give the search box with --box=XMIN,XMAX,YMIN,YMAX")?,
    };
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

fn critical_point_json(p: &CriticalPoint) -> Value {
    json!({
        "at": p.at,
        "value": p.value,
        "eigenvalues": p.eigenvalues,
        "eigenvectors": p.eigenvectors,
        "kind": p.kind.name(),
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

pub fn min_ratio(args: &Args) -> Result<Value, String> {
    args.only(&[
        "params",
        "runs",
        "seed",
        "training-steps",
        "solver-iterations",
    ])?;
    let defaults = MinRatioConfig::default();
    let config = MinRatioConfig {
        params: args.count("params")?.unwrap_or(defaults.params),
        runs: args.count("runs")?.unwrap_or(defaults.runs),
        seed: args.seed()?.unwrap_or(defaults.seed),
        max_training_steps: args
            .count("training-steps")?
            .unwrap_or(defaults.max_training_steps),
        max_solver_iterations: args
            .count("solver-iterations")?
            .unwrap_or(defaults.max_solver_iterations),
    };
    let mut experiment = MinRatioExperiment::new(config)?;
    experiment.run_to_end();
    let runs = serde_json::to_value(experiment.results()).map_err(|e| e.to_string())?;
    Ok(json!({
        "params": experiment.params(),
        "hidden": experiment.hidden(),
        "seed": config.seed,
        "zero_tolerance": ZERO_EIGENVALUE_TOLERANCE,
        "gradient_target": GRADIENT_TARGET,
        "runs": runs,
    }))
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
