//! The `saddle` command line end to end: spawn the binary, parse its JSON.

mod common;

use common::{json, saddle};
use serde_json::Value;

fn numbers(value: &Value) -> Vec<f64> {
    value
        .as_array()
        .expect("an array")
        .iter()
        .flat_map(|v| match v {
            Value::Array(inner) => inner.iter().filter_map(Value::as_f64).collect::<Vec<_>>(),
            other => other.as_f64().into_iter().collect::<Vec<_>>(),
        })
        .collect()
}

fn assert_close(actual: &[f64], expected: &[f64]) {
    assert_eq!(actual.len(), expected.len(), "{actual:?} vs {expected:?}");
    for (a, e) in actual.iter().zip(expected) {
        assert!((a - e).abs() < 1e-9, "{actual:?} vs {expected:?}");
    }
}

#[test]
fn analyze_prints_the_lecture_example() {
    let out = json(&["analyze", "--expr", "(1 - x*y)^2", "--at=0,0"]);
    assert_eq!(out["value"], 1.0);
    assert_close(&numbers(&out["gradient"]), &[0.0, 0.0]);
    assert_close(&numbers(&out["hessian"]), &[0.0, -2.0, -2.0, 0.0]);
    assert_close(&numbers(&out["eigenvalues"]), &[-2.0, 2.0]);
    let h = std::f64::consts::FRAC_1_SQRT_2;
    assert_close(&numbers(&out["eigenvectors"]), &[h, h, h, -h]);
    assert_eq!(out["kind"], "saddle");
    assert_eq!(out["not_a_minimum"], true);
    assert_close(&numbers(&out["escape"]["direction"]), &[h, h]);
}

#[test]
fn the_issues_runs_get_the_statuses_the_mathematics_supports() {
    let status = |args: &[&str]| {
        let mut all = vec!["run"];
        all.extend_from_slice(args);
        json(&all)["status"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    };
    // At rest on a maximum, not at a saddle.
    assert_eq!(
        status(&["--expr", "-(x^2+y^2)", "--from=0,0", "--optimizer", "gd"]),
        "stalled-at-maximum"
    );
    // Creeping beside the degenerate origin, where L still falls for y < 0: never converged. It is still
    // 3.3e-4 away after 2000 steps; Newton gets within δ, where the test cannot decide.
    let cubic = [
        "--expr",
        "x^2+y^3",
        "--from=0.3,0.5",
        "--lr",
        "0.5",
        "--steps",
        "2000",
    ];
    assert_eq!(
        status(&[&cubic[..], &["--optimizer", "gd"]].concat()),
        "max-steps"
    );
    assert_eq!(
        status(&[&cubic[..], &["--optimizer", "newton"]].concat()),
        "stalled-flat"
    );
    // A degenerate saddle: at rest where λ = 0 along y.
    assert_eq!(
        status(&[
            "--expr",
            "x^2-y^4",
            "--from=0.5,0",
            "--lr",
            "0.1",
            "--steps",
            "500"
        ]),
        "stalled-flat"
    );
    // The lecture's valley of minima: flat along it, so not a strict minimum.
    assert_eq!(
        status(&[
            "--preset",
            "lecture",
            "--from=0.3,0.2",
            "--lr",
            "0.1",
            "--steps",
            "500"
        ]),
        "stalled-flat"
    );
}

#[test]
fn a_degenerate_point_with_a_negative_eigenvalue_is_said_not_to_be_a_minimum() {
    let out = json(&["analyze", "--expr", "-y^2 + x^4", "--at=0,0"]);
    assert_eq!(out["kind"], "degenerate");
    assert_eq!(out["not_a_minimum"], true);
    assert_close(&numbers(&out["escape"]["direction"]), &[0.0, 1.0]);
    assert_eq!(out["escape"]["eigenvalue"], -2.0);
    let undecided = json(&["analyze", "--expr", "x^2 - y^4", "--at=0,0"]);
    assert_eq!(undecided["kind"], "degenerate");
    assert_eq!(undecided["not_a_minimum"], false);
    let regular = json(&["analyze", "--expr", "x^2 + y^2", "--at=1,0"]);
    assert_eq!(regular["not_a_minimum"], Value::Null);
}

/// `saddle analyze`, `critical-points` and `run` on c·L give what they give on L (with η/c for a run).
#[test]
fn verdicts_do_not_change_with_the_units_of_l() {
    for c in [1e-4, 1e4] {
        let expr = |text: &str| format!("{c:e}*({text})");
        let lr = |eta: f64| format!("{}", eta / c);
        // A regular point beside a minimum: ‖∇L‖ = 2e-3·c, which the old absolute 1e-6 called ~0 at c = 1e-4.
        let beside = json(&["analyze", "--expr", &expr("x^2 + 10*y^2"), "--at=1e-3,0"]);
        assert_eq!(beside["kind"], "regular", "c = {c:e}");
        let minimum = json(&["analyze", "--expr", &expr("x^2 + 10*y^2"), "--at=0,0"]);
        assert_eq!(minimum["kind"], "local-minimum", "c = {c:e}");
        let saddle = json(&["analyze", "--expr", &expr("(1 - x*y)^2"), "--at=0,0"]);
        assert_eq!(saddle["kind"], "saddle", "c = {c:e}");
        assert_close(&numbers(&saddle["eigenvalues"]), &[-2.0 * c, 2.0 * c]);
        let not_minimum = json(&["analyze", "--expr", &expr("-y^2 + x^4"), "--at=0,0"]);
        assert_eq!(not_minimum["kind"], "degenerate", "c = {c:e}");
        assert_eq!(not_minimum["not_a_minimum"], true, "c = {c:e}");

        let found = json(&[
            "critical-points",
            "--expr",
            &expr("(1 - x*y)^2"),
            "--box=-3,3,-2,2.5",
            "--detail",
        ]);
        let points = found["points"].as_array().expect("points");
        assert_eq!(points.len(), 1, "c = {c:e}: {points:?}");
        assert_eq!(points[0]["kind"], "saddle");
        assert_close(&numbers(&points[0]["at"]), &[0.0, 0.0]);
        assert_eq!(
            found["continuum"]["description"],
            "a curve of minima where the gradient vanishes (e.g. through (1, 1))"
        );

        // (expression, start, η at c = 1, status, steps): the same as at c = 1.
        for (text, from, eta, status, steps) in [
            ("-(x^2+y^2)", "--from=0,0", 0.01, "stalled-at-maximum", 1),
            ("x^2 + 10*y^2", "--from=1,1", 0.01, "converged", 684),
            ("(1 - x*y)^2", "--from=0.3,0.2", 0.1, "stalled-flat", 34),
            ("x^2 - y^2", "--from=1,0", 0.1, "stalled-at-saddle", 62),
            ("x^2 - y^4", "--from=0.5,0", 0.1, "stalled-flat", 59),
        ] {
            for optimizer in ["gd", "momentum"] {
                let at_c = json(&[
                    "run",
                    "--expr",
                    &expr(text),
                    from,
                    "--optimizer",
                    optimizer,
                    "--lr",
                    &lr(eta),
                    "--steps",
                    "5000",
                ]);
                let at_1 = json(&[
                    "run",
                    "--expr",
                    text,
                    from,
                    "--optimizer",
                    optimizer,
                    "--lr",
                    &eta.to_string(),
                    "--steps",
                    "5000",
                ]);
                let label = format!("{optimizer} on {text}, c = {c:e}");
                assert_eq!(at_c["status"], at_1["status"], "{label}");
                assert_eq!(at_c["steps"], at_1["steps"], "{label}");
                if optimizer == "gd" {
                    assert_eq!(at_c["status"], status, "{label}");
                    assert_eq!(at_c["steps"], steps, "{label}");
                }
            }
        }
    }
}

#[test]
fn presets_work_wherever_expr_does() {
    let out = json(&["analyze", "--preset", "lecture", "--at", "0,0"]);
    assert_eq!(out["kind"], "saddle");
    let list = json(&["presets"]);
    let names: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["name"].as_str())
        .collect();
    assert_eq!(names[0], "lecture");
    for name in [
        "saddle",
        "monkey-saddle",
        "rosenbrock",
        "himmelblau",
        "beale",
        "six-hump-camel",
    ] {
        assert!(names.contains(&name), "{name} missing from {names:?}");
    }
    assert_eq!(list[0]["formula"], "(1 - x*y)^2");
}

#[test]
fn critical_points_of_himmelblau_are_nine() {
    let out = json(&[
        "critical-points",
        "--expr",
        "(x^2+y-11)^2 + (x+y^2-7)^2",
        "--box=-5,5,-5,5",
    ]);
    let points = out.as_array().unwrap();
    assert_eq!(points.len(), 9);
    let count = |kind: &str| points.iter().filter(|p| p["kind"] == kind).count();
    assert_eq!(
        (
            count("local-minimum"),
            count("local-maximum"),
            count("saddle")
        ),
        (4, 1, 4)
    );
    let at_three_two = points
        .iter()
        .find(|p| (p["at"][0].as_f64().unwrap() - 3.0).abs() < 1e-6)
        .expect("the minimum at (3, 2)");
    assert_close(&numbers(&at_three_two["at"]), &[3.0, 2.0]);
}

#[test]
fn critical_points_detail_reports_the_lecture_valley_as_a_continuum() {
    let out = json(&["critical-points", "--preset", "lecture", "--detail"]);
    let points = out["points"].as_array().unwrap();
    assert_eq!(points.len(), 1, "{points:?}");
    assert_eq!(points[0]["kind"], "saddle");
    assert_eq!(
        out["continuum"]["description"],
        "a curve of minima where the gradient vanishes (e.g. through (1, 1))"
    );
}

#[test]
fn run_momentum_matches_the_hand_computed_first_steps() {
    // L = x^2 + y^2, g = (2x, 2y). From (1, 1) with η = 0.1, β = 0.9:
    // m1 = -0.1·(2, 2) = (-0.2, -0.2), θ1 = (0.8, 0.8);
    // m2 = 0.9·(-0.2) - 0.1·1.6 = -0.34, θ2 = 0.46.
    let out = json(&[
        "run",
        "--expr",
        "x^2 + y^2",
        "--from=1,1",
        "--optimizer",
        "momentum",
        "--lr",
        "0.1",
        "--beta",
        "0.9",
        "--steps",
        "2",
    ]);
    assert_close(
        &numbers(&out["trajectory"]),
        &[1.0, 1.0, 0.8, 0.8, 0.46, 0.46],
    );
    assert_eq!(out["status"], "max-steps");
}

#[test]
fn run_from_the_lecture_saddle_stalls_and_a_huge_rate_diverges() {
    let stalled = json(&[
        "run",
        "--preset",
        "lecture",
        "--from=0,0",
        "--optimizer",
        "gd",
    ]);
    assert_eq!(stalled["status"], "stalled-at-saddle");
    let escaped = json(&[
        "run",
        "--preset",
        "lecture",
        "--from=0,0",
        "--optimizer",
        "eigen-escape",
        "--lr",
        "0.1",
        "--steps",
        "2000",
    ]);
    // It escapes into the valley w₁w₂ = 1, a curve of minima: the test cannot call any of them strict.
    assert_eq!(escaped["status"], "stalled-flat");
    let diverged = json(&[
        "run",
        "--expr",
        "x^2+y^2",
        "--from=1,1",
        "--lr",
        "10",
        "--steps",
        "500",
    ]);
    assert_eq!(diverged["status"], "diverged");
    assert!(numbers(&diverged["trajectory"])
        .iter()
        .all(|v| v.is_finite()));
}

#[test]
fn errors_are_one_line_on_stderr_with_exit_code_two() {
    for (args, expected) in [
        (
            vec!["analyze", "--expr", "x + ", "--at=0,0"],
            "column 5: expected an operand after '+'",
        ),
        (
            vec!["analyze", "--expr", "x", "--at=1"],
            "--at must be two numbers",
        ),
        (
            vec!["analyze", "--preset", "nope", "--at=0,0"],
            "unknown preset 'nope'",
        ),
        (
            vec!["run", "--expr", "x", "--from=0,0", "--optimizer", "sgdd"],
            "unknown optimizer 'sgdd'",
        ),
        (
            vec!["critical-points", "--expr", "x", "--box=1,0,0,1"],
            "xmin < xmax",
        ),
        (
            vec!["analyze", "--expr", "x", "--at=0,0", "--bogus=1"],
            "unknown option --bogus",
        ),
        (vec!["frobnicate"], "unknown command 'frobnicate'"),
        (
            vec!["analyze", "--at=nan,0", "--expr", "x"],
            "--at must be two numbers",
        ),
    ] {
        let (code, stdout, stderr) = saddle(&args);
        assert_eq!(code, 2, "{args:?}");
        assert!(stdout.is_empty(), "{args:?} printed {stdout}");
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"));
    }
}

#[test]
fn undefined_points_print_null_not_nan() {
    let (code, stdout, _) = saddle(&["analyze", "--expr", "log(x)", "--at=-1,0"]);
    assert_eq!(code, 0);
    let out: Value = serde_json::from_str(&stdout).expect("valid JSON");
    assert_eq!(out["kind"], "undefined");
    assert!(out["value"].is_null());
}

#[test]
fn every_subcommand_has_help_with_an_example() {
    for command in ["analyze", "critical-points", "run", "presets"] {
        let (code, stdout, _) = saddle(&[command, "--help"]);
        assert_eq!(code, 0);
        assert!(stdout.contains("Example:") && stdout.contains(&format!("saddle {command}")));
    }
    let (code, stdout, _) = saddle(&["--help"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("critical-points"));
}
