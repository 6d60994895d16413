//! A fuzzed formula, start, learning rate, β and optimizer → `Run::run(…, 50)`: the trajectory stays finite.
//!
//! Input: 7 bytes (optimizer, log10 of η in sixteenths, β in 256ths, x and y as i16 in 1024ths), then the formula.
#![no_main]

use libfuzzer_sys::fuzz_target;
use saddle::formula::Formula;
use saddle::optim::{Hyperparameters, OptimizerKind, Run, DIVERGENCE_LIMIT};

const MAX_STEPS: usize = 50;

fuzz_target!(|data: &[u8]| {
    let [kind, rate, beta, x0, x1, y0, y1, text @ ..] = data else {
        return;
    };
    let Ok(formula) = Formula::parse(&String::from_utf8_lossy(text)) else {
        return;
    };
    let kind = OptimizerKind::ALL[usize::from(*kind) % OptimizerKind::ALL.len()];
    let hyper = Hyperparameters {
        learning_rate: 10f64.powf(f64::from(*rate as i8) / 16.0),
        beta: f64::from(*beta) / 256.0,
        ..Hyperparameters::default()
    };
    let start = [
        f64::from(i16::from_le_bytes([*x0, *x1])) / 1024.0,
        f64::from(i16::from_le_bytes([*y0, *y1])) / 1024.0,
    ];
    let mut run = Run::new(kind, hyper, start);
    let status = run.run(&formula, MAX_STEPS);
    assert!(status.is_finished());
    assert!(run.steps() <= MAX_STEPS);
    assert_eq!(run.trajectory().len(), run.losses().len());
    for p in run.trajectory() {
        assert!(
            p.iter()
                .all(|c| c.is_finite() && c.abs() <= DIVERGENCE_LIMIT),
            "{p:?}"
        );
    }
    assert!(
        run.losses().iter().all(|l| l.is_finite()),
        "{:?}",
        run.losses()
    );
});
