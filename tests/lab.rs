//! The network lab's story, natively, through the very protocol the page speaks with its worker: the
//! default link trains until the loss stalls on XOR's plateau, the Hessian there decides nothing yet, the
//! solve reaches a saddle of index 3, the slices show it as a saddle along u_min and u_max and as a bowl
//! along random directions, and the escape step along u_min lets training fall to a far lower loss.
//! Reference values from `saddle network train/solve/escape` with the same settings.

use saddle::analysis::{Bend, PointKind};
use saddle::jobs::{
    Job, LabCommand, LabReport, Outgoing, PlaneSlice, TrainingProgress, TrainingState, WorkerCore,
    SLICE_RESOLUTION,
};
use saddle::network::SolverStatus;
use saddle::share::{decode, LabSettings};

/// Posts `job` and works until it ends; every report it sent, in order.
fn run(worker: &mut WorkerCore, id: u32, job: Job) -> Vec<LabReport> {
    let mut out = worker.receive(id, &job.to_text());
    while worker.is_busy() {
        worker.work();
        out.extend(worker.report());
    }
    out.into_iter()
        .filter_map(|message| match message {
            Outgoing::Partial { job, packed } | Outgoing::Result { job, packed } => {
                assert_eq!(job, id);
                Some(LabReport::unpack(&packed).expect("a lab report"))
            }
            Outgoing::Progress { job, fraction } => {
                assert!(job == id && (0.0..=1.0).contains(&fraction));
                None
            }
            Outgoing::Error { message, .. } => panic!("{message}"),
        })
        .collect()
}

fn training(reports: &[LabReport]) -> Vec<&TrainingProgress> {
    reports
        .iter()
        .map(|report| match report {
            LabReport::Training(progress) => progress,
            other => panic!("{other:?}"),
        })
        .collect()
}

/// L along the grid's middle row (b = 0, a varying) and middle column (a = 0, b varying).
fn axes(plane: &PlaneSlice) -> (Vec<f64>, Vec<f64>) {
    let n = SLICE_RESOLUTION;
    let row = plane.loss[(n / 2) * n..(n / 2 + 1) * n].to_vec();
    let column = (0..n).map(|i| plane.loss[i * n + n / 2]).collect();
    (row, column)
}

/// Whether L along a line through the centre lies above (`up`) or below the centre's value on both sides,
/// `reach` grid steps out.
fn bends(line: &[f64], up: bool, reach: usize) -> bool {
    let middle = line.len() / 2;
    (1..=reach).all(|k| {
        [line[middle - k], line[middle + k]]
            .iter()
            .all(|&v| (v > line[middle]) == up)
    })
}

#[test]
fn the_default_lab_stalls_next_to_a_saddle_and_escapes_it() {
    let link = Job::lab_link(&LabSettings::default());
    assert_eq!(decode(&link).scene.lab, Some(LabSettings::default()));
    let mut worker = WorkerCore::default();
    let setup = run(&mut worker, 1, Job::LabSetup { link });
    let [LabReport::Setup(setup)] = setup.as_slice() else {
        panic!("{setup:?}");
    };
    assert_eq!(
        (setup.parameter_count, setup.examples(), setup.inputs),
        (17, 300, 2)
    );

    // Full-batch gradient descent at η = 0.3 stalls on the plateau at L ≈ log 2.
    let reports = run(&mut worker, 2, Job::Lab(LabCommand::Train(None)));
    let progress = training(&reports);
    let last = progress.last().expect("a last report");
    assert_eq!((last.state, last.step), (TrainingState::Stalled, 539));
    assert!((last.loss - 0.6910).abs() < 5e-4, "{}", last.loss);
    let streamed: usize = progress.iter().map(|p| p.losses.len()).sum();
    assert_eq!(streamed, 539, "every step's loss arrives once");
    assert_eq!(
        progress[0].losses[0], setup.state.loss,
        "the first is L(θ₀)"
    );
    assert!(progress
        .iter()
        .all(|p| p.state == TrainingState::Running || p.step == 539));

    // There the gradient is small but not zero: no verdict yet.
    let reports = run(&mut worker, 3, Job::Lab(LabCommand::Inspect));
    let [LabReport::Inspected(stalled)] = reports.as_slice() else {
        panic!("an inspection");
    };
    assert!(!stalled.converged);
    assert_eq!(stalled.kind, PointKind::Regular);
    assert_eq!(
        stalled.positive + stalled.negative + stalled.undetermined,
        17
    );
    assert!(stalled.undetermined_band >= 10.0 * stalled.gradient_norm);

    // Newton-MR reaches a saddle of index 3, 0.23 away.
    let reports = run(&mut worker, 4, Job::Lab(LabCommand::Solve));
    let Some(LabReport::Solved(solved)) = reports.last() else {
        panic!("{reports:?}");
    };
    assert!(reports[..reports.len() - 1]
        .iter()
        .all(|r| matches!(r, LabReport::Solving(_))));
    assert_eq!(solved.status, SolverStatus::Converged);
    let at = &solved.inspection;
    assert!(at.converged && at.gradient_norm <= at.gradient_tolerance);
    assert_eq!(
        (at.kind, at.negative, at.undetermined),
        (PointKind::Saddle, 3, 0)
    );
    assert_eq!(at.minimum_ratio, 14.0 / 17.0);
    assert!(
        (solved.distance - 0.230).abs() < 1e-3,
        "{}",
        solved.distance
    );
    assert!(
        (at.eigenvalues[0] + 0.0158).abs() < 1e-4,
        "{}",
        at.eigenvalues[0]
    );

    // The eigen plane shows the saddle: down along u_min, up along u_max. The random plane, a bowl.
    let reports = run(&mut worker, 5, Job::Lab(LabCommand::Slices));
    let [LabReport::Slices(slices)] = reports.as_slice() else {
        panic!("{reports:?}");
    };
    assert_eq!(slices.kind, PointKind::Saddle);
    assert!(slices.eigen.curvatures[0] < 0.0 && slices.eigen.curvatures[1] > 0.0);
    // Each axis reaches where the quadratic model changes L by half of L: along u_min (λ = −0.0158) that
    // is far, and the third-order terms turn L up on one side beyond the first grid step; on the other it
    // falls well below the saddle, the way out.
    let (along_min, along_max) = axes(&slices.eigen);
    let middle = SLICE_RESOLUTION / 2;
    assert!(bends(&along_min, false, 1), "{along_min:?}");
    assert!(along_min[..middle]
        .iter()
        .any(|&l| l < along_min[middle] - 0.05));
    assert!(bends(&along_max, true, middle), "{along_max:?}");
    let (first, second) = axes(&slices.random);
    assert!(slices.random.curvatures.iter().all(|&c| c > 0.0));
    assert!(bends(&first, true, middle) && bends(&second, true, middle));
    // The profile along u_min: its quadratic model is a downward parabola (∇L = 0 there), and L itself
    // falls below the saddle on one side.
    let ends = [
        slices.profile_model[0],
        *slices.profile_model.last().expect("samples"),
    ];
    assert!(ends.iter().all(|&q| q < 0.6 * slices.loss), "{ends:?}");
    assert!(slices.profile_loss.iter().any(|&l| l < slices.loss - 0.05));
    // As the chart draws it: uᵀHu = λ_min, read as bending down, through θ at t = 0.
    let profile = slices.profile();
    assert!((profile.curvature - at.eigenvalues[0]).abs() < 1e-12);
    assert_eq!(profile.bend(), Bend::Down);
    assert_eq!(profile.samples.len(), slices.profile_t.len());
    assert_eq!(
        profile.samples[slices.profile_t.len() / 2],
        [0.0, slices.loss]
    );

    // One step along u_min, then training falls far below the plateau.
    let reports = run(&mut worker, 6, Job::Lab(LabCommand::Escape));
    let [LabReport::Escaped(escape)] = reports.as_slice() else {
        panic!("an escape");
    };
    assert_eq!(escape.step, 539);
    assert!((escape.eigenvalue - at.eigenvalues[0]).abs() < 1e-12);
    assert!((escape.loss_before - 0.6909).abs() < 5e-4);
    assert!(escape.loss_after < escape.loss_before - 0.01);
    let reports = run(&mut worker, 7, Job::Lab(LabCommand::Train(None)));
    let resumed = training(&reports);
    assert_eq!(resumed[0].first_step, 539);
    assert!((resumed[0].losses[0] - escape.loss_after).abs() < 1e-15);
    let end = resumed.last().expect("a last report");
    assert_eq!(end.state, TrainingState::Stalled);
    assert!(end.loss < 0.52, "{}", end.loss);

    // And back to the saddle, to compare with momentum or small batches from the same point.
    let reports = run(&mut worker, 8, Job::Lab(LabCommand::Restore));
    let [LabReport::Training(back)] = reports.as_slice() else {
        panic!("back at the saddle");
    };
    assert!((back.loss - at.loss).abs() < 1e-15);
    assert_eq!(back.state, TrainingState::Paused);
}
