//! `saddle network …` end to end through the binary: the JSON contract's names, a point recomputed from
//! its exported fields by a forward pass written here, chaining through files, reproducibility.

mod common;

use common::{json, saddle, Scratch};
use serde_json::Value;

fn fails_with(args: &[&str], message: &str) {
    let (code, stdout, stderr) = saddle(args);
    assert_eq!(code, 2, "{args:?} should fail: {stdout}");
    assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
    assert!(stderr.contains(message), "{args:?}: {stderr}");
}

fn numbers(value: &Value) -> Vec<f64> {
    value
        .as_array()
        .expect("an array")
        .iter()
        .map(|v| v.as_f64().expect("a number"))
        .collect()
}

/// L from a point's JSON alone, by the contract: layer by layer from the input, each layer's weights
/// row-major (outputs × inputs) then its biases, tanh on hidden layers, a linear output, and
/// mse (1/N)Σ(ŷ − y)² or logistic (1/N)Σ log(1 + exp(−yŷ)), plus (weight_decay/2)·‖θ‖².
fn contract_loss(point: &Value, params: &[f64]) -> f64 {
    let network = &point["network"];
    let mut widths = vec![network["inputs"].as_u64().expect("inputs") as usize];
    widths.extend(numbers(&network["hidden"]).iter().map(|&h| h as usize));
    widths.push(network["outputs"].as_u64().expect("outputs") as usize);
    let xs: Vec<Vec<f64>> = point["data"]["x"]
        .as_array()
        .expect("x")
        .iter()
        .map(numbers)
        .collect();
    let ys = numbers(&point["data"]["y"]);
    let logistic = network["loss"] == "logistic";
    let mut total = 0.0;
    for (x, &y) in xs.iter().zip(&ys) {
        let mut activation = x.clone();
        let mut offset = 0;
        for (layer, pair) in widths.windows(2).enumerate() {
            let (inputs, outputs) = (pair[0], pair[1]);
            let weights = &params[offset..offset + outputs * inputs];
            let biases = &params[offset + outputs * inputs..offset + outputs * (inputs + 1)];
            activation = (0..outputs)
                .map(|j| {
                    let z: f64 = biases[j]
                        + (0..inputs)
                            .map(|m| weights[j * inputs + m] * activation[m])
                            .sum::<f64>();
                    if layer + 2 < widths.len() {
                        z.tanh()
                    } else {
                        z
                    }
                })
                .collect();
            offset += outputs * (inputs + 1);
        }
        assert_eq!(offset, params.len(), "the layout covers θ exactly");
        let prediction = activation[0];
        total += if logistic {
            (1.0 + (-y * prediction).exp()).ln()
        } else {
            (prediction - y).powi(2)
        };
    }
    let decay = network["weight_decay"].as_f64().expect("weight_decay");
    total / ys.len() as f64 + 0.5 * decay * params.iter().map(|p| p * p).sum::<f64>()
}

/// ‖∇L‖ by central differences of [`contract_loss`].
fn contract_gradient_norm(point: &Value) -> f64 {
    let params = numbers(&point["params"]);
    let h = 1e-6;
    (0..params.len())
        .map(|k| {
            let shifted = |by: f64| {
                let mut p = params.clone();
                p[k] += by;
                contract_loss(point, &p)
            };
            ((shifted(h) - shifted(-h)) / (2.0 * h)).powi(2)
        })
        .sum::<f64>()
        .sqrt()
}

const POINT_FIELDS: [&str; 16] = [
    "network",
    "data",
    "params",
    "loss",
    "test_loss",
    "gradient_norm",
    "eigenvalues",
    "converged",
    "kind",
    "negative",
    "positive",
    "undetermined",
    "minimum_ratio",
    "minimum_ratio_range",
    "gradient_tolerance",
    "undetermined_band",
];

fn assert_point_fields(point: &Value, with_network_and_data: bool) {
    for field in POINT_FIELDS
        .iter()
        .skip(if with_network_and_data { 0 } else { 2 })
    {
        assert!(point.get(field).is_some(), "missing {field}: {point}");
    }
    let p = point["params"].as_array().expect("params").len();
    let eigenvalues = numbers(&point["eigenvalues"]);
    assert_eq!(eigenvalues.len(), p);
    assert!(eigenvalues.windows(2).all(|w| w[0] <= w[1]), "ascending");
    let count = |name: &str| point[name].as_u64().expect("a count") as usize;
    assert_eq!(
        count("negative") + count("positive") + count("undetermined"),
        p
    );
    assert_eq!(
        point["minimum_ratio"].as_f64(),
        Some(count("positive") as f64 / p as f64)
    );
    let kinds = [
        "local-minimum",
        "saddle",
        "local-maximum",
        "degenerate",
        "regular",
    ];
    assert!(kinds.contains(&point["kind"].as_str().expect("kind")));
    assert!(point["converged"].is_boolean());
}

#[test]
fn a_trained_point_is_recomputed_from_its_exported_fields() {
    for args in [
        [
            "network", "train", "--task", "sine", "--hidden", "3", "--train", "40", "--seed", "2",
            "--steps", "300",
        ],
        [
            "network", "train", "--task", "xor", "--hidden", "2,3", "--train", "40", "--seed", "5",
            "--steps", "200",
        ],
    ] {
        let point = json(&args);
        assert_point_fields(&point, true);
        assert_eq!(point["network"]["activation"], "tanh");
        assert_eq!(point["network"]["outputs"], 1);
        assert_eq!(point["network"]["weight_decay"], 0.01);
        assert_eq!(point["data"]["x"].as_array().map(Vec::len), Some(40));
        assert_eq!(
            point["data"]["test"]["y"].as_array().map(Vec::len),
            Some(100)
        );
        let params = numbers(&point["params"]);
        let loss = point["loss"].as_f64().expect("loss");
        assert!(
            (contract_loss(&point, &params) - loss).abs() <= 1e-13 * loss,
            "{args:?}"
        );
        let gradient_norm = point["gradient_norm"].as_f64().expect("norm");
        let recomputed = contract_gradient_norm(&point);
        assert!(
            (recomputed - gradient_norm).abs() <= 1e-6 * gradient_norm.max(1e-3),
            "{recomputed} vs {gradient_norm}"
        );
        assert_eq!(
            point["training"]["steps"].as_u64().map(|s| s <= 300),
            Some(true)
        );
    }
}

#[test]
fn train_solve_inspect_slice_and_escape_chain_through_files() {
    let scratch = Scratch::new();
    let stall = scratch.path("stall.json");
    let critical = scratch.path("critical.json");
    let (code, text, stderr) = saddle(&[
        "network", "train", "--task", "sine", "--hidden", "3", "--train", "60", "--seed", "3",
    ]);
    assert_eq!(code, 0, "{stderr}");
    std::fs::write(&stall, text).expect("writes");
    let stall_path = stall.to_str().expect("utf-8");
    let (code, text, stderr) = saddle(&["network", "solve", "--point", stall_path]);
    assert_eq!(code, 0, "{stderr}");
    std::fs::write(&critical, &text).expect("writes");
    let solved: Value = serde_json::from_str(&text).expect("json");
    assert_point_fields(&solved, true);
    assert_eq!(solved["solver"]["status"], "converged");
    assert_eq!(solved["converged"], true);
    assert!(
        solved["gradient_norm"].as_f64().expect("norm")
            <= solved["gradient_tolerance"].as_f64().expect("tol")
    );
    assert!(solved["solver"]["distance"].as_f64().expect("distance") > 0.0);
    assert_eq!(
        solved["start"]["gradient_norm"],
        json(&["network", "inspect", "--point", stall_path])["gradient_norm"]
    );
    // Reading the solved point back recomputes the same numbers.
    let critical_path = critical.to_str().expect("utf-8");
    let again = json(&["network", "inspect", "--point", critical_path]);
    for field in [
        "loss",
        "gradient_norm",
        "eigenvalues",
        "kind",
        "negative",
        "positive",
        "undetermined",
    ] {
        assert_eq!(again[field], solved[field], "{field}");
    }
    let slice = json(&[
        "network",
        "slice",
        "--point",
        critical_path,
        "--resolution",
        "5",
    ]);
    assert_eq!(slice["kind"], "eigen");
    assert_eq!(slice["a"].as_array().map(Vec::len), Some(5));
    assert_eq!(slice["loss"].as_array().map(Vec::len), Some(5));
    assert_eq!(slice["loss"][2][2], solved["loss"]);
    assert_eq!(slice["profile"]["t"].as_array().map(Vec::len), Some(5));
    let random = json(&[
        "network",
        "slice",
        "--point",
        critical_path,
        "--plane",
        "random",
        "--resolution",
        "3",
    ]);
    assert_eq!(random["kind"], "random");
    assert_eq!(random["profile"], Value::Null);
    if solved["kind"] == "saddle" {
        let escaped = json(&["network", "escape", "--point", critical_path]);
        assert!(escaped["loss"].as_f64() < solved["loss"].as_f64());
        assert_eq!(escaped["escape"]["loss_after"], escaped["loss"]);
    } else {
        fails_with(
            &["network", "escape", "--point", critical_path],
            "no negative eigenvalue",
        );
    }
}

#[test]
fn the_experiment_prints_the_contracts_fields_and_repeats_with_its_seed_on_any_number_of_threads() {
    let args = |threads: &'static str, seed: &'static str| {
        [
            "network",
            "experiment",
            "--task",
            "sine",
            "--hidden",
            "2",
            "--runs",
            "3",
            "--seed",
            seed,
            "--train",
            "40",
            "--steps",
            "300",
            "--solver-iterations",
            "30",
            "--threads",
            threads,
        ]
    };
    let (code, one_thread, stderr) = saddle(&args("1", "4"));
    assert_eq!(code, 0, "{stderr}");
    let (_, two_threads, _) = saddle(&args("2", "4"));
    assert_eq!(one_thread, two_threads);
    let (_, other_seed, _) = saddle(&args("2", "5"));
    assert_ne!(one_thread, other_seed);
    let report: Value = serde_json::from_str(&one_thread).expect("json");
    for field in ["network", "data", "runs"] {
        assert!(report.get(field).is_some(), "missing {field}");
    }
    let network = &report["network"];
    for field in [
        "inputs",
        "hidden",
        "outputs",
        "activation",
        "loss",
        "weight_decay",
    ] {
        assert!(network.get(field).is_some(), "network lacks {field}");
    }
    assert_eq!(network["hidden"], serde_json::json!([2]));
    assert_eq!(network["loss"], "mse");
    for field in ["x", "y", "test"] {
        assert!(report["data"].get(field).is_some(), "data lacks {field}");
    }
    let runs = report["runs"].as_array().expect("runs");
    assert_eq!(runs.len(), 3);
    for (i, run) in runs.iter().enumerate() {
        assert_eq!(run["run"], i);
        assert_point_fields(run, false);
        assert!(run["stalled"]["steps"].as_u64().expect("steps") <= 300);
        let status = run["solver"]["status"].as_str().expect("status");
        assert_eq!(status == "converged", run["converged"] == true);
        if run["converged"] == false {
            assert_eq!(run["kind"], "regular");
        }
    }
    let summary = &report["summary"];
    assert_eq!(summary["runs"], 3);
}

#[test]
fn the_sweep_runs_each_size_on_the_same_data() {
    let report = json(&[
        "network",
        "sweep",
        "--task",
        "gauss",
        "--params",
        "9,17",
        "--runs",
        "1",
        "--train",
        "30",
        "--steps",
        "100",
        "--solver-iterations",
        "5",
    ]);
    let sizes = report["sizes"].as_array().expect("sizes");
    // Two inputs: P = 4h + 1, so 9 → h = 2 and 17 → h = 4.
    let counts: Vec<u64> = sizes
        .iter()
        .map(|s| s["parameter_count"].as_u64().expect("P"))
        .collect();
    assert_eq!(counts, [9, 17]);
    assert_eq!(sizes[1]["network"]["hidden"], serde_json::json!([4]));
    assert_eq!(sizes[0]["runs"].as_array().map(Vec::len), Some(1));
    assert_eq!(report["data"]["x"].as_array().map(Vec::len), Some(30));
}

#[test]
fn help_and_errors() {
    let (code, help, _) = saddle(&["network", "--help"]);
    assert_eq!(code, 0);
    assert!(help.contains("saddle network train") && help.contains("params are laid out"));
    for verb in [
        "train",
        "inspect",
        "solve",
        "slice",
        "escape",
        "experiment",
        "sweep",
    ] {
        let (code, text, _) = saddle(&["network", verb, "--help"]);
        assert_eq!(code, 0);
        assert!(
            text.contains("Example:") && text.contains(&format!("saddle network {verb}")),
            "{verb}"
        );
    }
    fails_with(&["network", "fly"], "unknown network command 'fly'");
    fails_with(
        &["network", "train", "--task", "moons", "--hidden", "3"],
        "unknown task 'moons'",
    );
    fails_with(
        &["network", "train", "--task", "sine", "--hidden", "0"],
        "--hidden must be",
    );
    fails_with(
        &["network", "train", "--task", "sine", "--hidden", "400"],
        "more than 1000 parameters",
    );
    fails_with(
        &[
            "network",
            "train",
            "--task",
            "sine",
            "--hidden",
            "3",
            "--optimizer",
            "gd",
            "--batch",
            "4",
        ],
        "full batch",
    );
    fails_with(
        &[
            "network", "train", "--task", "sine", "--hidden", "3", "--lr", "-1",
        ],
        "learning rate must be positive",
    );
    fails_with(
        &[
            "network", "train", "--task", "sine", "--hidden", "3", "--noise", "2",
        ],
        "noise must be in [0, 1]",
    );
    fails_with(
        &[
            "network",
            "experiment",
            "--task",
            "sine",
            "--hidden",
            "3",
            "--runs",
            "0",
        ],
        "runs must be 1 to",
    );
    fails_with(
        &[
            "network",
            "experiment",
            "--task",
            "sine",
            "--hidden",
            "3",
            "--point",
            "x",
        ],
        "unknown option --point",
    );
    fails_with(
        &["network", "inspect", "--point", "/nonexistent/point.json"],
        "--point /nonexistent/point.json",
    );
    let scratch = Scratch::new();
    let broken = scratch.path("broken.json");
    std::fs::write(&broken, r#"{"network": {"inputs": 1, "hidden": [2], "loss": "mse"}, "data": {"x": [[0.5]], "y": [1]}, "params": [1, 2]}"#)
        .expect("writes");
    fails_with(
        &[
            "network",
            "inspect",
            "--point",
            broken.to_str().expect("utf-8"),
        ],
        "has 7 parameters, not 2",
    );
}
