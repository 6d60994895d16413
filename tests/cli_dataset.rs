//! SGD on the dataset preset, end to end through the binary.

mod common;

use common::{json, saddle};
use serde_json::Value;

fn fails_with(args: &[&str], message: &str) {
    let (code, stdout, stderr) = saddle(args);
    assert_eq!(code, 2, "{args:?} should fail: {stdout}");
    assert!(stderr.contains(message), "{args:?}: {stderr}");
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
