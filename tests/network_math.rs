//! The network lab's mathematics against independent computations: num-dual's second-order dual numbers
//! for L, ∇L and ∇²L; a Jacobi eigenvalue iteration for the spectrum; the known critical point of the
//! mean squared error for the solver; curvature signs of the slices at that saddle.

use nalgebra::{DMatrix, DVector};
use num_dual::{hessian, DualNum};
use saddle::analysis::PointKind;
use saddle::data::Rng;
use saddle::network::{
    eigenvalues, escape_step, inspect, CriticalPointSolver, DataConfig, Dataset, Experiment,
    ExperimentConfig, LossKind, Network, NetworkLoss, Plane, PlaneKind, Profile, SolverStatus,
    Task, SOLVER_ITERATIONS,
};

fn loss_on(task: Task, hidden: &[usize], decay: f64, train: usize) -> NetworkLoss {
    let data = Dataset::generate(&DataConfig {
        train,
        test: 10,
        ..DataConfig::new(task)
    })
    .expect("valid data");
    let network = Network::new(task.inputs(), hidden, task.loss(), decay).expect("valid network");
    NetworkLoss::new(network, data).expect("fits")
}

/// L written again from the contract, generic over the number type, with num-dual's own tanh, exp and ln:
/// layer by layer from the input, each layer's weights row-major (outputs × inputs), then its biases.
fn contract_loss<D: DualNum<Primitive = f64>>(loss: &NetworkLoss, theta: &[D]) -> D {
    let network = loss.network();
    let train = &loss.data().train;
    let mut widths = vec![network.inputs()];
    widths.extend(network.hidden());
    widths.push(1);
    let mut total = D::zero();
    for i in 0..train.len() {
        let mut activation: Vec<D> = train.x(i).iter().map(|&x| D::from(x)).collect();
        let mut offset = 0;
        for (layer, pair) in widths.windows(2).enumerate() {
            let (inputs, outputs) = (pair[0], pair[1]);
            let biases = offset + outputs * inputs;
            let next: Vec<D> = (0..outputs)
                .map(|j| {
                    let z = (0..inputs).fold(theta[biases + j].clone(), |sum, m| {
                        sum + theta[offset + j * inputs + m].clone() * activation[m].clone()
                    });
                    if layer + 2 < widths.len() {
                        z.tanh()
                    } else {
                        z
                    }
                })
                .collect();
            offset = biases + outputs;
            activation = next;
        }
        let (prediction, target) = (activation[0].clone(), train.y(i));
        total += match network.loss() {
            LossKind::Mse => (prediction - target).powi(2),
            LossKind::Logistic => (D::one() + (-(prediction * target)).exp()).ln(),
        };
    }
    let decay = theta
        .iter()
        .fold(D::zero(), |sum, t| sum + t.clone() * t.clone());
    total / train.len() as f64 + decay * (0.5 * network.weight_decay())
}

#[test]
fn value_gradient_and_hessian_match_num_duals_second_order_derivatives() {
    for (task, hidden, decay) in [
        (Task::Sine, vec![4], 0.0),
        (Task::Xor, vec![3, 2], 0.01),
        (Task::Spiral, vec![2, 3], 0.0),
        (Task::Sine, vec![3, 3], 0.001),
    ] {
        let loss = loss_on(task, &hidden, decay, 25);
        let theta = loss.network().initial_parameters(&mut Rng::new(11));
        let (value, gradient, exact) = hessian(
            |v| contract_loss(&loss, v.as_slice()),
            &DVector::from(theta.clone()),
        );
        let (ours, our_gradient) = loss.gradient(&theta);
        assert!(
            (ours - value).abs() <= 1e-14 * value.abs().max(1.0),
            "{task:?}: L"
        );
        for (a, b) in our_gradient.iter().zip(gradient.iter()) {
            assert!((a - b).abs() <= 1e-13, "{task:?}: ∇L {a} vs {b}");
        }
        let ours = loss.hessian(&theta);
        let scale = exact.amax().max(1.0);
        let worst = (&ours - &exact).amax();
        assert!(
            worst <= 1e-12 * scale,
            "{task:?} {hidden:?}: max |ΔH| = {worst}"
        );
    }
}

/// Eigenvalues by cyclic Jacobi rotations (Golub & Van Loan §8.5): slow, simple, and sharing nothing
/// with nalgebra's QR iteration.
fn jacobi_eigenvalues(matrix: &DMatrix<f64>) -> Vec<f64> {
    let mut a = matrix.clone();
    let n = a.nrows();
    for _sweep in 0..100 {
        let off: f64 = (0..n)
            .flat_map(|i| (0..n).filter(move |&j| j != i).map(move |j| (i, j)))
            .map(|(i, j)| a[(i, j)] * a[(i, j)])
            .sum();
        if off < 1e-30 * a.norm_squared() {
            break;
        }
        for p in 0..n {
            for q in p + 1..n {
                if a[(p, q)] == 0.0 {
                    continue;
                }
                let theta = (a[(q, q)] - a[(p, p)]) / (2.0 * a[(p, q)]);
                let t = theta.signum() / (theta.abs() + (theta * theta + 1.0).sqrt());
                let t = if theta == 0.0 { 1.0 } else { t };
                let c = 1.0 / (t * t + 1.0).sqrt();
                let s = t * c;
                for k in 0..n {
                    let (akp, akq) = (a[(k, p)], a[(k, q)]);
                    a[(k, p)] = c * akp - s * akq;
                    a[(k, q)] = s * akp + c * akq;
                }
                for k in 0..n {
                    let (apk, aqk) = (a[(p, k)], a[(q, k)]);
                    a[(p, k)] = c * apk - s * aqk;
                    a[(q, k)] = s * apk + c * aqk;
                }
            }
        }
    }
    let mut values: Vec<f64> = (0..n).map(|i| a[(i, i)]).collect();
    values.sort_by(f64::total_cmp);
    values
}

#[test]
fn the_spectrum_matches_jacobis() {
    let loss = loss_on(Task::Gauss, &[4, 3], 0.0, 30);
    let theta = loss.network().initial_parameters(&mut Rng::new(5));
    let hessian = loss.hessian(&theta);
    let ours = eigenvalues(&hessian).expect("finite");
    let reference = jacobi_eigenvalues(&hessian);
    let scale = reference.iter().fold(0.0f64, |m, l| m.max(l.abs()));
    assert_eq!(ours.len(), loss.parameter_count());
    for (a, b) in ours.iter().zip(&reference) {
        assert!((a - b).abs() <= 1e-12 * scale, "{a} vs {b}");
    }
    // Both signs occur at a random start, so the comparison covers negative eigenvalues too.
    assert!(reference[0] < 0.0 && reference[reference.len() - 1] > 0.0);
}

/// The mean squared error's symmetric critical point: every weight 0 (tanh(0) = 0 silences each unit
/// and zeroes every weight's derivative) and the output bias at the targets' mean.
fn symmetric_critical_point(loss: &NetworkLoss) -> Vec<f64> {
    let targets = loss.data().train.targets();
    let mut theta = vec![0.0; loss.parameter_count()];
    *theta.last_mut().expect("P > 0") = targets.iter().sum::<f64>() / targets.len() as f64;
    theta
}

#[test]
fn the_solver_reaches_the_symmetric_critical_point_to_floating_point_precision() {
    let loss = loss_on(Task::Sine, &[3, 2], 0.0, 40);
    let critical = symmetric_critical_point(&loss);
    let mut rng = Rng::new(2);
    let start: Vec<f64> = critical.iter().map(|c| c + 1e-4 * rng.normal()).collect();
    let solved = CriticalPointSolver::new(start.clone(), SOLVER_ITERATIONS).solve(&loss);
    assert_eq!(solved.report.status, SolverStatus::Converged);
    assert!(
        solved.inspection.gradient_norm < 1e-14,
        "{}",
        solved.inspection.gradient_norm
    );
    let distance_to_critical = solved
        .theta
        .iter()
        .zip(&critical)
        .map(|(a, b)| (a - b).powi(2))
        .sum::<f64>()
        .sqrt();
    // It lands on the symmetric point's set of critical points (weights of a silent layer may move
    // along directions that keep ∇L = 0), within the start's distance of it.
    assert!(distance_to_critical < 1e-3, "{distance_to_critical}");
    assert!(solved.report.distance > 0.0);
    let norms = &solved.report.gradient_norms;
    assert!(norms.windows(2).all(|w| w[1] < w[0]), "{norms:?}");
}

#[test]
fn at_the_symmetric_saddle_the_eigen_slice_curves_down_along_u_min_and_up_along_u_max() {
    let loss = loss_on(Task::Sine, &[3], 0.0, 50);
    let theta = symmetric_critical_point(&loss);
    let report = inspect(&loss, &theta);
    assert!(report.converged);
    assert_eq!(report.kind, PointKind::Saddle);
    // Each unit's (w, b, v) block is [[0, 0, m], [0, 0, 0], [m, 0, 0]] with m = (2/N)Σ(c − yᵢ)xᵢ: ±|m|
    // once per unit, and the output bias has 2.
    let m = {
        let train = &loss.data().train;
        let c = theta[theta.len() - 1];
        (0..train.len())
            .map(|i| 2.0 * (c - train.y(i)) * train.x(i)[0])
            .sum::<f64>()
            / train.len() as f64
    };
    assert_eq!(report.negative, 3);
    assert!(
        (report.eigenvalues[0] + m.abs()).abs() < 1e-12,
        "{:?} vs {m}",
        report.eigenvalues
    );
    assert!((report.eigenvalues[9] - 2.0).abs() < 1e-12);

    let hessian = loss.hessian(&theta);
    let plane = Plane::eigen(&loss, &theta, &hessian, &report.eigenvalues, 21).expect("finite");
    assert_eq!(plane.kind, PlaneKind::Eigen);
    assert!((plane.curvatures[0] - report.eigenvalues[0]).abs() < 1e-10);
    assert!((plane.curvatures[1] - report.eigenvalues[9]).abs() < 1e-10);
    let values = plane.values(&loss);
    let (middle, step) = (10, 1);
    let centre = values[middle][middle];
    assert!((centre - report.loss).abs() < 1e-15);
    // Second differences through the centre: negative along a (u_min), positive along b (u_max).
    let along_a = values[middle][middle + step] + values[middle][middle - step] - 2.0 * centre;
    let along_b = values[middle + step][middle] + values[middle - step][middle] - 2.0 * centre;
    assert!(along_a < 0.0 && along_b > 0.0, "{along_a} {along_b}");
    // L falls on both sides along u_min, as the lecture's escape needs.
    assert!(values[middle][0] < centre && values[middle][20] < centre);

    let profile = Profile::along(&loss, &theta, &plane.first, &hessian, plane.a[20], 21);
    for (k, &t) in profile.t.iter().enumerate() {
        let expected = report.loss + 0.5 * report.eigenvalues[0] * t * t;
        assert!((profile.quadratic_model[k] - expected).abs() < 1e-12);
        if t != 0.0 {
            assert!(profile.loss[k] < report.loss);
        }
    }

    let escape = escape_step(&loss, &theta, &hessian, &report.eigenvalues, 1.0).expect("a saddle");
    assert!(escape.loss_after < escape.loss_before);
    assert_eq!(escape.eigenvalue, report.eigenvalues[0]);
    let moved: f64 = escape
        .theta
        .iter()
        .zip(&theta)
        .map(|(a, b)| (a - b).powi(2))
        .sum::<f64>()
        .sqrt();
    assert!((moved - escape.length).abs() < 1e-12);
}

#[test]
fn at_a_trained_saddle_the_random_plane_shows_a_bowl_and_the_eigen_plane_the_saddle() {
    // Böttcher & Wheeler's point: random directions mostly see the positive curvature.
    let loss = loss_on(Task::Sine, &[3], 0.001, 60);
    let start = loss.network().initial_parameters(&mut Rng::new(3));
    let solved = CriticalPointSolver::new(start, SOLVER_ITERATIONS).solve(&loss);
    assert_eq!(solved.report.status, SolverStatus::Converged);
    assert_eq!(solved.inspection.kind, PointKind::Saddle);
    let theta = &solved.theta;
    let hessian = loss.hessian(theta);
    let random = Plane::random(&loss, theta, &hessian, 7, 11).expect("θ fits");
    assert_eq!(random.kind, PlaneKind::Random);
    assert!(
        random.curvatures.iter().all(|&c| c > 0.0),
        "{:?}",
        random.curvatures
    );
    let values = random.values(&loss);
    let centre = values[5][5];
    assert!(
        values[5][4] + values[5][6] > 2.0 * centre && values[4][5] + values[6][5] > 2.0 * centre
    );
    // Bias entries of a filter-normalized direction are zero: layer 1's biases follow its 3×1 weights.
    assert_eq!(&random.first[3..6], &[0.0; 3]);
    let eigen =
        Plane::eigen(&loss, theta, &hessian, &solved.inspection.eigenvalues, 11).expect("finite");
    assert!(eigen.curvatures[0] < 0.0 && eigen.curvatures[1] > 0.0);
}

#[test]
fn an_experiment_repeats_itself_whatever_the_chunks_or_the_split_of_its_runs() {
    let config = ExperimentConfig {
        max_training_steps: 400,
        solver_iterations: 20,
        ..ExperimentConfig::new(
            DataConfig {
                train: 40,
                test: 10,
                ..DataConfig::new(Task::Sine)
            },
            vec![2],
            3,
            9,
        )
    };
    let mut whole = Experiment::new(config.clone()).expect("valid");
    let all = whole.run_to_end().to_vec();
    assert_eq!(all.len(), 3);
    assert_eq!(all.iter().map(|r| r.run).collect::<Vec<_>>(), [0, 1, 2]);

    let mut chunked = Experiment::new(config.clone()).expect("valid");
    let mut calls = 0;
    while !chunked.advance(7).finished {
        calls += 1;
    }
    assert!(calls > 10);
    assert_eq!(chunked.results(), all.as_slice());

    let mut odd = Experiment::for_runs(config.clone(), &[1]).expect("valid");
    let mut even = Experiment::for_runs(config, &[0, 2]).expect("valid");
    assert_eq!(odd.run_to_end(), &all[1..2]);
    assert_eq!(even.run_to_end(), &[all[0].clone(), all[2].clone()]);
}
