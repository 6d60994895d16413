//! Native speed of the network lab (issue 19's budget): `cargo bench --bench network`.
//!
//! The Hessian and its full spectrum at P ≈ 200 and 500 (budget 15 ms and 150 ms in the worker), one
//! training step at P ≈ 500 on 500 points (1 ms), and the experiment of 50 runs at P ≈ 50 (5 s on two
//! cores). These print numbers and assert nothing.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode};
use saddle::data::Rng;
use saddle::network::{
    eigenvalues, run_in_parallel, DataConfig, Dataset, ExperimentConfig, Network, NetworkLoss,
    StallRule, Task, Trainer, TrainingConfig, TrainingMethod,
};

/// A network on the task's default data (300 training points) or on `train` of them, at a random start.
fn problem(task: Task, hidden: &[usize], train: usize) -> (NetworkLoss, Vec<f64>) {
    let data = Dataset::generate(&DataConfig {
        train,
        ..DataConfig::new(task)
    })
    .expect("valid data");
    let network = Network::new(task.inputs(), hidden, task.loss(), 0.001).expect("valid network");
    let theta = network.initial_parameters(&mut Rng::new(1));
    (NetworkLoss::new(network, data).expect("fits"), theta)
}

/// Shapes at the budget's sizes: one hidden layer on the 1-D and the 2-D tasks, and two hidden layers.
const SHAPES: [(&str, Task, &[usize]); 6] = [
    ("sine [66] P=199", Task::Sine, &[66]),
    ("spiral [50] P=201", Task::Spiral, &[50]),
    ("xor [10,14] P=201", Task::Xor, &[10, 14]),
    ("sine [166] P=499", Task::Sine, &[166]),
    ("spiral [125] P=501", Task::Spiral, &[125]),
    ("xor [20,20] P=501", Task::Xor, &[20, 20]),
];

fn hessian_and_spectrum(c: &mut Criterion) {
    let mut group = c.benchmark_group("network: Hessian + all eigenvalues (N = 300)");
    group.sampling_mode(SamplingMode::Flat);
    for (name, task, hidden) in SHAPES {
        let (loss, theta) = problem(task, hidden, 300);
        group.bench_with_input(BenchmarkId::from_parameter(name), &theta, |b, theta| {
            b.iter(|| eigenvalues(&loss.hessian(black_box(theta))))
        });
    }
    group.finish();
    let mut group = c.benchmark_group("network: Hessian alone (N = 300)");
    group.sampling_mode(SamplingMode::Flat);
    for (name, task, hidden) in SHAPES {
        let (loss, theta) = problem(task, hidden, 300);
        group.bench_with_input(BenchmarkId::from_parameter(name), &theta, |b, theta| {
            b.iter(|| loss.hessian(black_box(theta)))
        });
    }
    group.finish();
}

fn training_step(c: &mut Criterion) {
    let mut group = c.benchmark_group("network: one training step (N = 500)");
    for (name, task, hidden) in SHAPES.into_iter().skip(3) {
        let (loss, theta) = problem(task, hidden, 500);
        for method in [TrainingMethod::Gd, TrainingMethod::Adam] {
            let id = format!("{} {name}", method.name());
            let mut trainer = Trainer::new(
                TrainingConfig::new(method),
                StallRule::default(),
                theta.len(),
                usize::MAX,
            );
            let mut current = theta.clone();
            group.bench_function(id, |b| {
                b.iter(|| trainer.step(&loss, black_box(&mut current)))
            });
        }
    }
    group.finish();
}

fn experiment(c: &mut Criterion) {
    let mut group = c.benchmark_group("network: experiment, 50 runs");
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(10);
    for (name, task, hidden) in [
        ("sine [16] P=49", Task::Sine, [16]),
        ("xor [12] P=49", Task::Xor, [12]),
    ] {
        let config = ExperimentConfig::new(DataConfig::new(task), hidden.to_vec(), 50, 1);
        for threads in [1, 2] {
            group.bench_function(format!("{name}, {threads} thread(s)"), |b| {
                b.iter(|| run_in_parallel(black_box(&config), threads).expect("runs"))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, hessian_and_spectrum, training_step, experiment);
criterion_main!(benches);
