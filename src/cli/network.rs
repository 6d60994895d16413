//! `saddle network VERB …`: the network lab on the command line. Each verb reads its options, calls the
//! core (`saddle::network`) and shapes the JSON; every point it prints carries what is needed to recompute it.

use std::io::Read;

use serde_json::{json, Value};

use super::args::Args;
use super::help;
use saddle::data::Rng;
use saddle::network::{
    escape_step, inspect, inspect_with_hessian, run_in_parallel, CriticalPointSolver, DataConfig,
    Dataset, Experiment, ExperimentConfig, Network, NetworkLoss, Plane, PlaneKind, PointInput,
    PointRecord, Profile, StallRule, Summary, Sweep, Task, Trainer, TrainingConfig, TrainingMethod,
    TrainingStatus, DEFAULT_WEIGHT_DECAY,
};

/// Most points a printed loss curve keeps (it is thinned by halves as training goes on).
const CURVE_POINTS: usize = 500;
/// Most Newton iterations a solve may be given.
const MAX_SOLVER_ITERATIONS: usize = 10_000;

/// Runs `saddle network ARGS`: `Ok` is the text for stdout.
pub fn run(argv: &[String]) -> Result<String, String> {
    let Some((verb, rest)) = argv.split_first() else {
        return Ok(help::NETWORK.to_string());
    };
    if matches!(verb.as_str(), "help" | "--help" | "-h") {
        return Ok(help::NETWORK.to_string());
    }
    let Some(usage) = help::network_usage(verb) else {
        return Err(format!(
            "unknown network command '{verb}'; try: train, inspect, solve, slice, escape, experiment, sweep (or --help)"
        ));
    };
    let args = Args::parse(rest)?;
    if args.wants_help() {
        return Ok(usage);
    }
    let json = match verb.as_str() {
        "train" => train(&args),
        "inspect" => inspect_point(&args),
        "solve" => solve(&args),
        "slice" => slice(&args),
        "escape" => escape(&args),
        "experiment" => experiment(&args),
        _ => sweep(&args),
    }?;
    serde_json::to_string_pretty(&json).map_err(|e| e.to_string())
}

/// The options that describe the network and its data.
const PROBLEM: [&str; 7] = [
    "task",
    "hidden",
    "weight-decay",
    "train",
    "test",
    "noise",
    "data-seed",
];
/// The options of training and its stall rule.
const TRAINING: [&str; 8] = [
    "optimizer",
    "lr",
    "beta",
    "batch",
    "seed",
    "steps",
    "stall-window",
    "stall-tolerance",
];

/// The option names of `groups` together with `more`.
fn options(groups: &[&[&'static str]], more: &[&'static str]) -> Vec<&'static str> {
    groups
        .iter()
        .flat_map(|g| g.iter().copied())
        .chain(more.iter().copied())
        .collect()
}

/// The data the problem options describe.
fn data_config(args: &Args) -> Result<DataConfig, String> {
    let name = args
        .text("task")
        .ok_or("give a task with --task sine|circle|xor|gauss|spiral")?;
    let task = Task::from_name(name)
        .ok_or_else(|| format!("unknown task '{name}'; known: sine, circle, xor, gauss, spiral"))?;
    let defaults = DataConfig::new(task);
    Ok(DataConfig {
        task,
        train: args.count("train")?.unwrap_or(defaults.train),
        test: args.count("test")?.unwrap_or(defaults.test),
        noise: args.number("noise")?.unwrap_or(defaults.noise),
        seed: args.unsigned("data-seed")?.unwrap_or(defaults.seed),
    })
}

/// `--hidden H` or `--hidden H1,H2`.
fn hidden(args: &Args) -> Result<Vec<usize>, String> {
    let text = args
        .text("hidden")
        .ok_or("give the hidden widths with --hidden H or --hidden H1,H2")?;
    text.split(',')
        .map(|part| part.trim().parse::<usize>().ok().filter(|&h| h > 0))
        .collect::<Option<Vec<usize>>>()
        .ok_or_else(|| {
            format!("--hidden must be one or two whole numbers ≥ 1 like 8 or 8,4, not '{text}'")
        })
}

/// The network and data from the problem options.
fn problem(args: &Args) -> Result<NetworkLoss, String> {
    let config = data_config(args)?;
    let data = Dataset::generate(&config)?;
    let decay = args.number("weight-decay")?.unwrap_or(DEFAULT_WEIGHT_DECAY);
    let network = Network::new(
        config.task.inputs(),
        &hidden(args)?,
        config.task.loss(),
        decay,
    )?;
    NetworkLoss::new(network, data)
}

/// The point in `--point FILE` (`-` for standard input).
fn read_point(args: &Args) -> Result<(NetworkLoss, Vec<f64>), String> {
    let path = args
        .text("point")
        .ok_or("give a point with --point FILE (a point's JSON, or - for standard input)")?;
    let text = if path == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| format!("standard input: {e}"))?;
        text
    } else {
        std::fs::read_to_string(path).map_err(|e| format!("--point {path}: {e}"))?
    };
    let input: PointInput =
        serde_json::from_str(&text).map_err(|e| format!("--point {path}: {e}"))?;
    input
        .into_loss()
        .map_err(|e| format!("--point {path}: {e}"))
}

fn point_json(
    loss: &NetworkLoss,
    theta: &[f64],
    inspection: &saddle::network::Inspection,
) -> Result<Value, String> {
    serde_json::to_value(PointRecord {
        network: loss.network(),
        data: loss.data(),
        params: theta,
        inspection,
    })
    .map_err(|e| e.to_string())
}

/// Adds `extra`'s fields to the object `point`.
fn with(mut point: Value, extra: Value) -> Value {
    if let (Some(target), Value::Object(fields)) = (point.as_object_mut(), extra) {
        target.extend(fields);
    }
    point
}

fn training_config(args: &Args) -> Result<TrainingConfig, String> {
    let name = args.text("optimizer").unwrap_or("adam");
    let method = TrainingMethod::from_name(name)
        .ok_or_else(|| format!("unknown optimizer '{name}'; known: gd, sgd, momentum, adam"))?;
    let defaults = TrainingConfig::new(method);
    let batch = args.count("batch")?;
    if method == TrainingMethod::Gd && batch.is_some() {
        return Err("gd uses the full batch; for mini-batches use --optimizer sgd".into());
    }
    let config = TrainingConfig {
        method,
        learning_rate: args.number("lr")?.unwrap_or(defaults.learning_rate),
        beta: args.number("beta")?.unwrap_or(defaults.beta),
        batch: batch.or(defaults.batch),
        seed: 0,
    };
    config.check()?;
    Ok(config)
}

fn stall_rule(args: &Args) -> Result<StallRule, String> {
    let defaults = StallRule::default();
    let rule = StallRule {
        window: args.count("stall-window")?.unwrap_or(defaults.window),
        relative_tolerance: args
            .number("stall-tolerance")?
            .unwrap_or(defaults.relative_tolerance),
    };
    if rule.window == 0 || rule.relative_tolerance < 0.0 {
        return Err("--stall-window must be at least 1 and --stall-tolerance ≥ 0".into());
    }
    Ok(rule)
}

fn max_steps(args: &Args) -> Result<usize, String> {
    let steps = args.count("steps")?.unwrap_or(20_000);
    if !(1..=saddle::network::MAX_TRAINING_STEPS).contains(&steps) {
        return Err(format!(
            "--steps must be 1 to {}",
            saddle::network::MAX_TRAINING_STEPS
        ));
    }
    Ok(steps)
}

/// A loss curve that keeps at most [`CURVE_POINTS`] points, thinning itself by halves.
struct Curve {
    every: usize,
    steps: Vec<usize>,
    train: Vec<f64>,
    test: Vec<Option<f64>>,
}

impl Curve {
    fn record(&mut self, step: usize, loss: &NetworkLoss, theta: &[f64], train: f64) {
        if !step.is_multiple_of(self.every) {
            return;
        }
        self.steps.push(step);
        self.train.push(train);
        self.test.push(loss.test_value(theta));
        if self.steps.len() > CURVE_POINTS {
            self.every *= 2;
            let keep = |i: &usize| self.steps[*i].is_multiple_of(self.every);
            let kept: Vec<usize> = (0..self.steps.len()).filter(keep).collect();
            self.steps = kept.iter().map(|&i| self.steps[i]).collect();
            self.train = kept.iter().map(|&i| self.train[i]).collect();
            self.test = kept.iter().map(|&i| self.test[i]).collect();
        }
    }
}

fn train(args: &Args) -> Result<Value, String> {
    args.only(&options(&[&PROBLEM, &TRAINING], &["point"]))?;
    let seed = args.seed()?.unwrap_or(0);
    let mut rng = Rng::new(seed);
    let (loss, mut theta) = if args.has("point") {
        if PROBLEM.iter().any(|name| args.has(name)) {
            return Err("--point brings its own network and data; drop --task, --hidden and the data options".into());
        }
        read_point(args)?
    } else {
        let loss = problem(args)?;
        let theta = loss.network().initial_parameters(&mut rng);
        (loss, theta)
    };
    let config = TrainingConfig {
        seed: rng.next_u64(),
        ..training_config(args)?
    };
    let mut trainer = Trainer::new(config, stall_rule(args)?, theta.len(), max_steps(args)?);
    let mut curve = Curve {
        every: 1,
        steps: Vec::new(),
        train: Vec::new(),
        test: Vec::new(),
    };
    while trainer.status() == TrainingStatus::Running {
        let before = trainer.steps();
        let step = trainer.step(&loss, &mut theta);
        curve.record(before, &loss, &theta, step.loss);
    }
    let inspection = inspect(&loss, &theta);
    let point = point_json(&loss, &theta, &inspection)?;
    Ok(with(
        point,
        json!({ "training": {
            "optimizer": config.method.name(),
            "learning_rate": config.learning_rate,
            "beta": config.beta,
            "batch": config.batch_size(loss.examples()),
            "seed": seed,
            "steps": trainer.steps(),
            "status": trainer.status(),
            "curve": { "step": curve.steps, "train": curve.train, "test": curve.test },
        }}),
    ))
}

fn inspect_point(args: &Args) -> Result<Value, String> {
    args.only(&["point"])?;
    let (loss, theta) = read_point(args)?;
    point_json(&loss, &theta, &inspect(&loss, &theta))
}

fn solver_iterations(args: &Args, name: &str) -> Result<usize, String> {
    let iterations = args
        .count(name)?
        .unwrap_or(saddle::network::SOLVER_ITERATIONS);
    if iterations > MAX_SOLVER_ITERATIONS {
        return Err(format!("--{name} must be at most {MAX_SOLVER_ITERATIONS}"));
    }
    Ok(iterations)
}

fn solve(args: &Args) -> Result<Value, String> {
    args.only(&["point", "max-iterations"])?;
    let (loss, theta) = read_point(args)?;
    let (start_loss, start_gradient) = loss.gradient(&theta);
    let solved =
        CriticalPointSolver::new(theta, solver_iterations(args, "max-iterations")?).solve(&loss);
    let point = point_json(&loss, &solved.theta, &solved.inspection)?;
    Ok(with(
        point,
        json!({
            "start": {
                "loss": start_loss,
                "gradient_norm": start_gradient.iter().map(|g| g * g).sum::<f64>().sqrt(),
            },
            "solver": solved.report,
        }),
    ))
}

fn slice(args: &Args) -> Result<Value, String> {
    args.only(&["point", "plane", "resolution", "seed"])?;
    let (loss, theta) = read_point(args)?;
    let resolution = args.count("resolution")?.unwrap_or(41);
    let hessian = loss.hessian(&theta);
    let inspection = inspect_with_hessian(&loss, &theta, &hessian);
    let plane = match args.text("plane").unwrap_or("eigen") {
        "eigen" => Plane::eigen(&loss, &theta, &hessian, &inspection.eigenvalues, resolution)
            .ok_or("the Hessian here is not finite, so it has no eigen-directions")?,
        "random" => {
            let seed = args.seed()?.unwrap_or(0);
            Plane::random(&loss, &theta, &hessian, seed, resolution)
                .ok_or("the parameters do not fit the network")?
        }
        other => return Err(format!("--plane must be eigen or random, not '{other}'")),
    };
    let profile = (plane.kind == PlaneKind::Eigen).then(|| {
        let half_width = plane.a.last().copied().unwrap_or(1.0);
        Profile::along(
            &loss,
            &theta,
            &plane.first,
            &hessian,
            half_width,
            plane.a.len(),
        )
    });
    let mut json = serde_json::to_value(&plane).map_err(|e| e.to_string())?;
    json = with(
        json,
        json!({
            "origin": { "loss": inspection.loss, "gradient_norm": inspection.gradient_norm, "kind": inspection.kind },
            "loss": plane.values(&loss),
            "profile": profile,
        }),
    );
    Ok(json)
}

fn escape(args: &Args) -> Result<Value, String> {
    args.only(&["point", "max-length"])?;
    let (loss, theta) = read_point(args)?;
    let hessian = loss.hessian(&theta);
    let eigenvalues =
        saddle::network::eigenvalues(&hessian).ok_or("the Hessian here is not finite")?;
    let step = escape_step(
        &loss,
        &theta,
        &hessian,
        &eigenvalues,
        args.number("max-length")?.unwrap_or(1.0),
    )?;
    let point = point_json(&loss, &step.theta, &inspect(&loss, &step.theta))?;
    Ok(with(point, json!({ "escape": step })))
}

fn experiment_config(args: &Args, hidden: Vec<usize>) -> Result<ExperimentConfig, String> {
    let runs = args.count("runs")?.unwrap_or(20);
    let mut config =
        ExperimentConfig::new(data_config(args)?, hidden, runs, args.seed()?.unwrap_or(1));
    if let Some(decay) = args.number("weight-decay")? {
        config.weight_decay = decay;
    }
    if args.has("optimizer") || args.has("lr") || args.has("beta") || args.has("batch") {
        let mut training = training_config(args)?;
        if !args.has("optimizer") && !args.has("lr") {
            training.learning_rate = config.training.learning_rate;
        }
        config.training = training;
    }
    config.stall = stall_rule(args)?;
    config.max_training_steps = max_steps(args)?;
    config.solver_iterations = solver_iterations(args, "solver-iterations")?;
    Ok(config)
}

fn threads(args: &Args, runs: usize) -> Result<usize, String> {
    let available = std::thread::available_parallelism().map_or(1, |n| n.get());
    let threads = args.count("threads")?.unwrap_or(available);
    if threads == 0 {
        return Err("--threads must be at least 1".into());
    }
    Ok(threads.min(runs).max(1))
}

fn settings(config: &ExperimentConfig) -> Value {
    json!({
        "seed": config.seed,
        "runs": config.runs,
        "optimizer": config.training.method.name(),
        "learning_rate": config.training.learning_rate,
        "beta": config.training.beta,
        "batch": config.training.batch,
        "stall": config.stall,
        "max_training_steps": config.max_training_steps,
        "solver_iterations": config.solver_iterations,
    })
}

fn experiment(args: &Args) -> Result<Value, String> {
    args.only(&options(
        &[&PROBLEM, &TRAINING],
        &["runs", "solver-iterations", "threads"],
    ))?;
    let config = experiment_config(args, hidden(args)?)?;
    // Checks the configuration (and builds the network) before any thread starts.
    let probe = Experiment::for_runs(config.clone(), &[])?;
    let runs = run_in_parallel(&config, threads(args, config.runs)?)?;
    let summary = Summary::of(&runs);
    Ok(json!({
        "network": probe.loss().network(),
        "data": probe.loss().data(),
        "runs": runs,
        "summary": summary,
        "settings": settings(&config),
    }))
}

/// `--params 10,30,100` as target parameter counts.
fn parameter_counts(args: &Args) -> Result<Vec<usize>, String> {
    let text = args.text("params").unwrap_or("10,30,100,300");
    text.split(',')
        .map(|part| part.trim().parse::<usize>().ok().filter(|&p| p >= 4))
        .collect::<Option<Vec<usize>>>()
        .ok_or_else(|| format!("--params must be whole numbers ≥ 4 like 10,30,100, not '{text}'"))
}

fn sweep(args: &Args) -> Result<Value, String> {
    let mut allowed = options(
        &[&PROBLEM, &TRAINING],
        &["runs", "solver-iterations", "threads", "params"],
    );
    allowed.retain(|name| *name != "hidden");
    args.only(&allowed)?;
    let base = experiment_config(args, Vec::new())?;
    let counts = parameter_counts(args)?;
    let sweep = Sweep::new(base, &counts)?;
    let threads = threads(
        args,
        sweep.experiments().first().map_or(1, |e| e.config().runs),
    )?;
    let mut sizes = Vec::new();
    for experiment in sweep.experiments() {
        let runs = run_in_parallel(experiment.config(), threads)?;
        sizes.push(json!({
            "network": experiment.loss().network(),
            "parameter_count": experiment.loss().parameter_count(),
            "summary": Summary::of(&runs),
            "runs": runs,
        }));
    }
    let data = sweep.experiments().first().map(|e| e.loss().data());
    Ok(json!({
        "data": data,
        "sizes": sizes,
        "settings": sweep.experiments().first().map(|e| settings(e.config())),
    }))
}
