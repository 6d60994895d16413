//! `saddle min-ratio` and SGD on the dataset preset, end to end through the binary.

mod common;

use common::{json, saddle};
use serde_json::Value;

fn fails_with(args: &[&str], message: &str) {
    let (code, stdout, stderr) = saddle(args);
    assert_eq!(code, 2, "{args:?} should fail: {stdout}");
    assert!(stderr.contains(message), "{args:?}: {stderr}");
}

const MIN_RATIO: [&str; 7] = ["min-ratio", "--params", "16", "--runs", "5", "--seed", "7"];

#[test]
fn min_ratio_prints_each_runs_spectrum() {
    let report = json(&MIN_RATIO);
    assert_eq!(report["params"], 16);
    assert_eq!(report["hidden"], 5);
    assert_eq!(report["seed"], 7);
    assert_eq!(report["zero_tolerance"], 1e-6);
    let runs = report["runs"].as_array().expect("runs");
    assert_eq!(runs.len(), 5);
    let counts: Vec<[u64; 3]> = runs
        .iter()
        .map(|r| ["positive", "negative", "zero"].map(|k| r[k].as_u64().expect("a count")))
        .collect();
    assert_eq!(
        counts,
        [[11, 5, 0], [14, 2, 0], [12, 4, 0], [11, 4, 1], [12, 3, 1]]
    );
    let first = &runs[0];
    assert!((first["training_loss"].as_f64().expect("loss") - 0.017931612624495486).abs() < 1e-9);
    assert_eq!(first["minimum_ratio"], 11.0 / 16.0);
    for run in runs {
        let eigenvalues = run["eigenvalues"].as_array().expect("eigenvalues");
        assert_eq!(eigenvalues.len(), 16);
        assert!(run["gradient_norm"].as_f64().expect("a norm") >= 0.0);
        let ratio = run["minimum_ratio"].as_f64().expect("a ratio");
        assert!((0.0..=1.0).contains(&ratio));
    }
}

#[test]
fn min_ratio_repeats_itself_and_checks_its_options() {
    assert_eq!(saddle(&MIN_RATIO), saddle(&MIN_RATIO));
    let (code, help, _) = saddle(&["min-ratio", "--help"]);
    assert_eq!(code, 0);
    assert!(help.contains("Example:") && help.contains("saddle min-ratio --params"));
    fails_with(
        &["min-ratio", "--params", "2"],
        "parameter count must be 4 to 400",
    );
    fails_with(&["min-ratio", "--runs", "0"], "runs must be 1 to");
    fails_with(
        &["min-ratio", "--seed", "-3"],
        "--seed must be a whole number",
    );
    fails_with(&["min-ratio", "--batch", "3"], "unknown option --batch");
}

fn run_on_lecture_data(extra: &[&str]) -> Value {
    let mut args = vec![
        "run",
        "--preset",
        "lecture-data",
        "--from=0.6,-0.6",
        "--lr",
        "0.1",
    ];
    args.extend_from_slice(extra);
    json(&args)
}

fn final_loss(run: &Value) -> f64 {
    let losses = run["losses"].as_array().expect("losses");
    losses.last().and_then(Value::as_f64).expect("a final loss")
}

#[test]
fn sgd_leaves_the_saddle_gradient_descent_stalls_at() {
    let descent = run_on_lecture_data(&["--optimizer", "gd", "--steps", "2000"]);
    assert_eq!(descent["status"], "stalled-at-saddle");
    let saddle_loss = final_loss(&descent);
    assert!((saddle_loss - 0.27355100110362324).abs() < 1e-9);
    let stochastic = run_on_lecture_data(&[
        "--optimizer",
        "sgd",
        "--batch",
        "2",
        "--seed",
        "1",
        "--steps",
        "300",
    ]);
    assert_eq!(stochastic["optimizer"], "sgd");
    assert!(final_loss(&stochastic) < 0.5 * saddle_loss);
    let again = run_on_lecture_data(&[
        "--optimizer",
        "sgd",
        "--batch",
        "2",
        "--seed",
        "1",
        "--steps",
        "300",
    ]);
    assert_eq!(again, stochastic);
}

#[test]
fn sgd_with_the_whole_dataset_prints_gradient_descent() {
    let descent = run_on_lecture_data(&["--optimizer", "gd", "--steps", "150"]);
    let full_batch =
        run_on_lecture_data(&["--optimizer", "sgd", "--batch", "64", "--steps", "150"]);
    assert_eq!(full_batch["trajectory"], descent["trajectory"]);
    assert_eq!(full_batch["losses"], descent["losses"]);
    fails_with(
        &[
            "run",
            "--preset",
            "lecture-data",
            "--from=0,0",
            "--optimizer",
            "sgd",
            "--batch",
            "0",
        ],
        "--batch must be at least 1",
    );
}

#[test]
fn the_dataset_preset_is_a_surface_like_any_other() {
    let origin = json(&["analyze", "--preset", "lecture-data", "--at=0,0"]);
    assert_eq!(origin["kind"], "saddle");
    let direction: Vec<f64> = origin["escape"]["direction"]
        .as_array()
        .expect("an escape direction")
        .iter()
        .filter_map(Value::as_f64)
        .collect();
    assert_eq!(direction.len(), 2);
    for component in direction {
        assert!((component - std::f64::consts::FRAC_1_SQRT_2).abs() < 1e-12);
    }
}
