//! English: the core's own words (Display texts and labels) plus the page's.

use super::{
    ChartWords, ExperimentStatus, LabWords, Labels, LessonText, NoticeWords, PresetText,
    ReasonWords, Strings,
};
use crate::analysis::{Continuum, ContinuumShape, PointKind};
use crate::data::dataset_preset;
use crate::jobs::TrainingState;
use crate::lesson::StepId;
use crate::network::{SolverStatus, Task, TrainingMethod};
use crate::optim::{OptimizerKind, RunStatus};
use crate::presets::preset;
use crate::render::CurvatureClass;

pub static STRINGS: Strings = Strings {
    labels: Labels {
        html_lang: "en",
        language_name: "English",
        language_label: "Language",
        page_title: "Saddle — local minimum or saddle point?",
        subtitle: "— local minimum or saddle point?",
        view_label: "View",
        view_map: "Map",
        view_3d: "3-D",
        view_both: "Both",
        present_button: "Present",
        copy_link: "Copy link",
        save_png: "Save PNG",
        share_link_label: "Link to this scene",
        link_copied: "Copied to the clipboard.",
        copy_by_hand: "Press Ctrl+C (⌘C) to copy the selected link.",
        notices_label: "About this link",
        crash_title: "Saddle stopped:",
        crash_reset: "Reset to the default scene",
        surface_label: "Surface",
        own_formula: "Your own formula",
        formula_label: "L(x, y) =",
        map_hint: "Click the map to drop a point; drag it to move it. Drag the background to pan, scroll or pinch to zoom.",
        map_hint_touch: "Tap the map to drop a point; drag it to move it. One finger scrolls the page; two fingers pan and zoom.",
        map_keys_hint: "On the map: the arrow keys move θ′ (with Shift, finely); Enter drops it there and reads out its verdict.",
        reset_view: "Reset view",
        long_formula: "This formula is long: the map is sampled on a coarser grid, and the critical points \
                       and the 3-D view are left out, so the page stays responsive.",
        race_title: "The race",
        learning_rate_label: "learning rate η",
        beta_label: "momentum β",
        speed_label: "steps/s",
        batch_label: "batch size B",
        seed_label: "seed",
        play: "Play",
        pause: "Pause",
        step: "Step",
        reset: "Reset",
        run_ready: "ready",
        run_paused: "paused",
        keys_hint: "Keys: space = play/pause, → = one step, r = reset, p = presentation mode. \
                    A focused check-box or button takes space for itself.",
        column_optimizer: "optimizer",
        column_step: "step",
        column_loss: "L",
        column_gradient_norm: "‖∇L‖",
        point_title: "The point θ′",
        point_empty: "Click the map to drop a point.",
        point_empty_touch: "Tap the map to drop a point.",
        point_x_label: "x of θ′",
        point_y_label: "y of θ′",
        degenerate_not_minimum: "degenerate critical point, but not a minimum: λ₁ < 0 \
                                 (a saddle or a maximum; L falls along u)",
        taylor_toggle: "Taylor model",
        taylor_hint: "Dashed: the second-order Taylor model around θ′.",
        escape_button: "Escape along u",
        escaped: "Escaped: L",
        rotate_hint: "Drag to rotate; double-click to turn it back.",
        map_label: "Heat map of the loss with contour lines",
        surface3d_label: "The loss surface in 3-D; arrow keys turn it",
        loss_chart_label: "Loss against step for each optimizer",
        curvature_toggle: "Curvature map",
        curvature_legend_title: "How the surface bends (signs of the Hessian's eigenvalues)",
        curvature_shading_hint: "Paler: nearly flat in one direction (small min|λ| / max|λ|).",
        basins_toggle: "Basins of attraction",
        basins_legend_title: "Where the first racer ends from each start",
        basins_hint: "Each cell is a start, run up to 300 steps with the race's η and β; a ring marks where runs come to rest. Click a cell to race from it.",
        basins_mapping: "Mapping the basins",
        slice_heading: "Through θ′ along one direction",
        slice_chart_label: "L along the chosen direction through θ′, with its second-order model",
        slice_direction: "direction",
        slice_presets: "Directions",
        slice_hint: "The dashed line on the map shows the direction. A point can look like a minimum along one line and be a saddle in the plane.",
        lesson_title: "Guided lesson",
        lesson_previous: "Previous",
        lesson_next: "Next",
        lesson_restart: "Start this step again",
        lesson_open_compare: "Show the comparison",
        key_gradient: "∇L (uphill)",
        key_eigen_negative: "eigenvector, λ < 0",
        key_eigen_positive: "eigenvector, λ > 0",
        undefined_value: "undefined",
        data_presets_group: "Data-defined losses",
        extra_input_toggle: "signal-free extra input z",
        escape_times_button: "Escape times from θ′",
        escape_times_caption: "Steps until L is below half its value at the saddle (0, 0); SGD: the median of 9 seeds.",
        column_batch: "batch",
        column_escape_steps: "steps",
        full_batch: "full batch (gradient descent)",
        not_escaped: "not within 2000",
        batch_hint: "SGD steps on the gradient of B random examples; B = N is gradient descent. \
                     At θ′ the faint arrows are mini-batch gradients, the ring the full gradient they scatter around. \
                     Batch noise helps leave a saddle only through its part along the negative-curvature direction u.",
        race_label: "Optimizer race",
        plots_label: "Plots",
        inspector_label: "Point inspector",
        column_run: "run",
        lab_title: "The network lab: saddles in high dimension",
        lab_intro: "A real small network: a fully connected tanh network with one linear output, trained on \
                    300 examples and tested on 100 more. Train it until it stalls, look at the exact P×P Hessian \
                    there, go to the critical point nearby, and see whether it is a minimum or a saddle.",
        lab_task: "task",
        lab_noise: "noise",
        lab_width1: "hidden layer 1",
        lab_width2: "hidden layer 2 (0: none)",
        lab_optimizer: "optimizer",
        lab_seed: "seed",
        lab_new_start: "New start",
        lab_train_heading: "1. Train",
        lab_loss_chart_label: "Training and test loss against step",
        lab_data_chart_label: "What the network predicts over its data",
        lab_data_hint: "Colour: the network's output ŷ (blue where it says +1, orange where it says −1, paler \
                        where it is unsure); black line: ŷ = 0, the decision boundary; dots: training examples; \
                        rings: test examples.",
        lab_fit_hint: "Black line: the network's ŷ(x); dots: training examples; rings: test examples.",
        lab_inspect_heading: "2. The Hessian at θ",
        lab_inspect: "Inspect the Hessian",
        lab_spectrum_label: "All eigenvalues of the Hessian in ascending order",
        lab_rule: "An eigenvalue counts as undetermined when |λ| ≤ 10·‖∇L‖ + 10⁻⁹·max|λ|: away from a critical \
                   point the slope outweighs so small a curvature, so its sign says nothing about the critical \
                   point nearby. At a critical point only eigenvalues that are 0 to working precision stay \
                   undetermined.",
        lab_ratio_hint: "Minimum ratio = positive eigenvalues ÷ all P eigenvalues: 1 at a local minimum, below 1 \
                         at a saddle. The undetermined eigenvalues make its range.",
        lab_solve_heading: "3. The critical point nearby",
        lab_solve: "Go to the critical point nearby",
        lab_solve_hint: "Newton-MR (Roosta et al. 2022) solves ∇L = 0 with the exact Hessian, whatever its signs, \
                         so it finds saddles as readily as minima. It has converged when ‖∇L‖ is zero to \
                         floating-point precision; if no step lowers ‖∇L‖ before that, it stopped in a \
                         gradient-flat region, which is not a critical point.",
        lab_slices_heading: "4. Pictures through θ",
        lab_slices: "Draw the slices",
        lab_eigen_slice_label: "L on the plane of the Hessian's extreme eigenvectors u_min and u_max through θ",
        lab_random_slice_label: "L on the plane of two random filter-normalized directions through θ",
        lab_profile_label: "L along u_min through θ, with its second-order model",
        lab_slices_hint: "Left: L on the plane of u_min and u_max, the eigenvectors of the Hessian's smallest and \
                          largest eigenvalues; at a saddle it looks like a saddle. Right: the same point on the \
                          plane of two random directions, each weight row scaled to the size of that row of θ \
                          (Li et al. 2018). Random directions mostly see positive curvature, so there a saddle \
                          usually looks like a bowl (Böttcher & Wheeler 2022): a minimum in a picture of two \
                          directions can be a saddle in high dimension.",
        lab_escape_heading: "5. Escape",
        lab_escape: "Escape along u_min",
        lab_restore: "Back to the critical point",
        lab_escape_hint: "The lecture's step: along u_min, where uᵀHu = λ_min < 0, with the sign that lowers L; \
                          then training resumes and the loss curve shows what follows. To compare, go back to the \
                          critical point and train from it with momentum or with small batches (SGD) instead.",
        lab_experiment_heading: "6. The experiment: many runs",
        lab_experiment_hint: "R runs from random starts, each trained with full-batch Adam (η = 0.03) until the loss \
                              stalls, then solved with Newton-MR. Each dot is a run that reached a critical point: \
                              its training loss there against its minimum ratio, coloured by its kind. Runs that \
                              did not reach one are listed below and not counted as critical points.",
        lab_runs: "runs R",
        lab_run_experiment: "Run the experiment",
        lab_run_sweep: "Sweep over P",
        lab_cancel: "Cancel",
        lab_progress: "Progress",
        lab_scatter_label: "Training loss against minimum ratio, one dot per critical point reached",
        lab_sweep_label: "Share of saddles among the critical points against the number of parameters",
        lab_sweep_hint: "The sweep: 10 runs at each of P ≈ 10, 30, 100 and 300 (one hidden layer, the same data): \
                         how the share of saddles among the critical points found changes with P.",
        lab_not_converged: "Runs that reached no critical point",
        lab_column_ended: "ended",
    },
    point_kind,
    marked_kind,
    run_status,
    optimizer: OptimizerKind::label,
    curvature,
    lesson,
    step_of: |step, total| format!("Step {step} of {total}"),
    runs_done: |done, total| format!("{done} of {total} runs"),
    batch_of: |batch, points| format!("{batch} of {points}"),
    preset: preset_text,
    continuum,
    continuum_hint: |continuum| format!("Not marked: {continuum}."),
    train_and_test: |train, test| format!("{train} (test {test})"),
    momentum_update: |magnified| {
        format!(
            "Momentum's next step at its current point{magnified}: β·m, its last movement, plus −η·g, the \
             gradient step, gives the new movement β·m − η·g."
        )
    },
    basin: |kind, curve, at| {
        if curve {
            format!("basin of a curve of critical points through {at}")
        } else {
            format!("basin of the {kind} {at}")
        }
    },
    chart: ChartWords {
        step: "step",
        loss: "L",
        loss_log: "L (log scale)",
        loss_shifted_log: "L − L_min + ε (log scale: some L ≤ 0)",
        training_loss_log: "training loss L at the critical point (log scale)",
        minimum_ratio: "minimum ratio",
        parameter_count_log: "parameters P (log scale)",
        saddle_share: "saddles ÷ critical points",
        eigenvalue_rank: "k (in ascending order)",
        eigenvalue_signed_log: "λ (signed log scale)",
        negative: "negative",
        positive: "positive",
        undetermined: "undetermined",
        input_x: "x",
        target: "y",
        eigen_plane_x: "a (along u_min)",
        eigen_plane_y: "b (along u_max)",
        random_plane_x: "a (along d₁)",
        random_plane_y: "b (along d₂)",
        profile_t: "t  (θ + t·u_min)",
        map_x: "x  (w₁)",
        map_y: "y  (w₂)",
        colour_bar: "L",
        slice_t: "t  (θ = θ′ + t·d)",
        slice_curve: "L(θ′ + t·d)",
        slice_model: "second-order model q(t)",
        slice_test: "test loss L_test(θ′ + t·d)",
        slice_title: "Along d = {d}: dᵀHd = {c}, {bend}",
        bends_up: "curves up",
        bends_down: "curves down",
        bends_flat: "no curvature",
        basin_diverged: "diverged",
        basin_still_moving: "still moving after the last step",
        basin_curve: "a curve of critical points",
    },
    formula_error: |error| error.to_string(),
    stale_map: |shown| {
        format!("The map still shows the last valid surface, {shown}, until the error is fixed.")
    },
    announce_point: |at, verdict, first, second| {
        format!("θ′ = {at}: {verdict}. Eigenvalues λ₁ = {first}, λ₂ = {second}.")
    },
    link_notices: NoticeWords {
        too_long: |bytes| format!("The link is too long ({bytes} bytes); showing the default scene."),
        not_text: |part| format!("Part of the link is not valid text ({part}); it was ignored."),
        ignored: |key, value, reason| format!("Ignored {key}={value} in the link: {reason}."),
        reasons: ReasonWords {
            formula: |error| format!("the formula has an error at {error}"),
            formula_too_long_for_link: "the formula is too long for a link",
            unknown_preset: "there is no preset of that name",
            version: "this page reads version 1 links; the rest is read as version 1",
            bounds: "expected xmin,xmax,ymin,ymax with xmin < xmax and ymin < ymax",
            point: "expected two finite numbers x,y",
            optimizers: "expected optimizer names such as gd,momentum",
            learning_rate: "the learning rate must be a number in (0, 100]",
            beta: "beta must be a number in [0, 1)",
            steps: |most| format!("steps must be a whole number up to {most}"),
            view: "view must be map, 3d or both",
            turn: "turn must be two angles in degrees, yaw,pitch",
            map_mode: "map must be loss, curvature or basins",
            lesson: "there is no lesson step of that name",
            language: "lang must be en or zh",
            embed: "embed must be 1 or 0",
            present: "present must be 1 or 0",
            batch: |most| format!("batch must be a whole number from 1 to {most}"),
            seed: "seed must be a whole number from 0 to 18446744073709551615",
            lab: "lab must be network",
            task: "task must be sine, circle, xor, gauss or spiral",
            noise: "noise must be a number in [0, 1]",
            hidden: |widest, most| {
                format!(
                    "hidden must be one or two widths from 1 to {widest}, with at most {most} parameters in all"
                )
            },
            lab_optimizer: "lab-opt must be gd, sgd, momentum or adam",
            lab_learning_rate: |most| format!("lab-lr must be a number in (0, {most}]"),
            lab_batch: |most| format!("lab-batch must be a whole number from 1 to {most}"),
            lab_runs: |most| format!("lab-runs must be a whole number from 1 to {most}"),
        },
    },
};

/// The network lab's sentences (only its panel's wasm uses them).
pub static LAB: LabWords = LabWords {
    task: |task| match task {
        Task::Sine => "sine: y = sin(3x) + noise (regression)",
        Task::Circle => "circle (classification)",
        Task::Xor => "xor (classification)",
        Task::Gauss => "two gaussians (classification)",
        Task::Spiral => "spiral (classification)",
    },
    method: |method| match method {
        TrainingMethod::Gd => "gradient descent (full batch)",
        TrainingMethod::Sgd => "SGD (mini-batches)",
        TrainingMethod::Momentum => "momentum",
        TrainingMethod::Adam => "Adam",
    },
    size: |p, n| format!("P = {p} parameters, N = {n} training examples."),
    more_parameters:
        " More parameters than training examples (P > N): many directions change the fit \
                      little, so much of the spectrum lies near 0 by construction.",
    too_many: |p, most| format!("This network has {p} parameters; the lab takes at most {most}."),
    training: |state, step| {
        match state {
        TrainingState::Running => format!("Training: step {step}."),
        TrainingState::Paused => format!("Paused at step {step}."),
        TrainingState::Stalled => format!(
            "Stalled at step {step}: over the last 200 steps the lowest training loss improved by less \
             than 0.1%."
        ),
        TrainingState::StepLimit => format!("Stopped at the step limit, step {step}."),
        TrainingState::Diverged => {
            format!("Diverged at step {step}: the learning rate is too large. Lower η and start anew.")
        }
    }
    },
    train_loss: "training loss",
    test_loss: "test loss",
    mark_critical: "critical point",
    mark_escape: "escape",
    counts: |negative, positive, undetermined| {
        format!("{negative} negative, {positive} positive, {undetermined} undetermined")
    },
    verdict: |kind, index| {
        match kind {
        PointKind::Saddle => format!(
            "saddle point of index {index} ({index} negative {})",
            if index == 1 { "eigenvalue" } else { "eigenvalues" }
        ),
        PointKind::LocalMinimum => "local minimum (every eigenvalue positive)".into(),
        PointKind::LocalMaximum => "local maximum (every eigenvalue negative)".into(),
        PointKind::Degenerate if index > 0 => format!(
            "degenerate critical point, but not a minimum: {index} clearly negative {} (L falls along \
             u_min), and an eigenvalue is 0 to working precision",
            if index == 1 { "eigenvalue" } else { "eigenvalues" }
        ),
        PointKind::Degenerate => {
            "degenerate critical point (an eigenvalue is 0 to working precision: the test cannot decide)"
                .into()
        }
        PointKind::Regular => "not a critical point".into(),
        PointKind::Undefined => "undefined: L or its derivatives are not finite here".into(),
    }
    },
    not_critical: |norm, tolerance| {
        format!(
            "Not a critical point: ‖∇L‖ = {norm} is above {tolerance}, where it would be zero to \
             floating-point precision."
        )
    },
    ratio: |ratio, low, high| {
        if low == high {
            format!("minimum ratio {ratio}")
        } else {
            format!(
                "minimum ratio {ratio}, between {low} and {high} by the undetermined eigenvalues"
            )
        }
    },
    solver: |status| {
        match status {
        SolverStatus::Converged => "Converged: ∇L = 0 to floating-point precision.",
        SolverStatus::GradientFlat => {
            "A gradient-flat region: no step lowers ‖∇L‖ although it is not 0. Not a critical point."
        }
        SolverStatus::IterationLimit => {
            "Still improving after 500 iterations: not counted as a critical point."
        }
        SolverStatus::Diverged => "Diverged: L or its derivatives stopped being finite.",
    }
    },
    solve_summary: |iterations, distance| {
        format!("{iterations} Newton-MR iterations; θ moved {distance} from where it was.")
    },
    solving: |iterations, norm| format!("Solving: iteration {iterations}, ‖∇L‖ = {norm}…"),
    slicing: "Computing the slices…",
    escaped: |lambda, before, after| {
        format!("Stepped along u_min (λ_min = {lambda}): L {before} → {after}; training resumes.")
    },
    no_escape: "No eigenvalue is negative here: there is no direction to escape along.",
    no_critical_point: "No solve has reached a critical point yet.",
    spectrum_title: |p, lowest, highest| {
        format!("All {p} eigenvalues of H: λ_min = {lowest}, λ_max = {highest}")
    },
    profile_title: |curvature, bend| format!("Along u_min: uᵀHu = {curvature}, {bend}"),
    experiment,
    picked: |run, p, loss, ratio| {
        format!("Run {run} (P = {p}): L = {loss}, minimum ratio {ratio}; ")
    },
};

/// English is the presets' own text, kept beside their formulas for the command line.
fn preset_text(name: &str) -> Option<PresetText> {
    preset(name)
        .map(|p| (p.title, p.description))
        .or_else(|| dataset_preset(name).map(|d| (d.title, d.description)))
        .map(|(title, description)| PresetText { title, description })
}

fn continuum(continuum: &Continuum) -> String {
    let at = STRINGS.point(continuum.example);
    match continuum.shape {
        ContinuumShape::Flat => {
            format!("a flat region where the gradient vanishes everywhere (e.g. around {at})")
        }
        ContinuumShape::Minima => {
            format!("a curve of minima where the gradient vanishes (e.g. through {at})")
        }
        ContinuumShape::Maxima => {
            format!("a curve of maxima where the gradient vanishes (e.g. through {at})")
        }
        ContinuumShape::Mixed => format!(
            "curves of degenerate critical points where the gradient vanishes (e.g. through {at})"
        ),
    }
}

fn experiment(status: &ExperimentStatus) -> String {
    match *status {
        ExperimentStatus::Running {
            done,
            total,
            workers,
        } => format!(
            "Running: {done} of {total} runs done, on {workers} {}…",
            if workers == 1 { "worker" } else { "workers" }
        ),
        ExperimentStatus::Cancelled { done, total } => {
            format!("Cancelled after {done} of {total} runs.")
        }
        ExperimentStatus::Done {
            runs,
            converged,
            saddles,
            minima,
        } => format!(
            "Done: {runs} runs; {converged} reached a critical point: {saddles} saddles, {minima} local minima, \
             {} other.",
            converged.saturating_sub(saddles + minima)
        ),
    }
}

fn point_kind(kind: PointKind) -> &'static str {
    match kind {
        PointKind::Regular => "regular point (∇L ≠ 0)",
        PointKind::LocalMinimum => "local minimum",
        PointKind::LocalMaximum => "local maximum",
        PointKind::Saddle => "saddle point",
        PointKind::Degenerate => {
            "degenerate critical point (an eigenvalue ≈ 0: the second-order test cannot decide)"
        }
        PointKind::Undefined => "undefined here",
    }
}

fn marked_kind(kind: PointKind) -> Option<&'static str> {
    match kind {
        PointKind::LocalMinimum => Some("local minimum"),
        PointKind::LocalMaximum => Some("local maximum"),
        PointKind::Saddle => Some("saddle point"),
        PointKind::Degenerate => Some("degenerate"),
        PointKind::Regular | PointKind::Undefined => None,
    }
}

fn run_status(status: RunStatus) -> &'static str {
    match status {
        RunStatus::Running => "running",
        RunStatus::Converged => "converged (local minimum)",
        RunStatus::StalledFlat => "stalled where λ ≈ 0 (test undecided)",
        RunStatus::StalledAtSaddle => "stalled at a saddle",
        RunStatus::StalledAtMaximum => "stalled at a maximum",
        RunStatus::Diverged => "diverged",
        RunStatus::MaxSteps => "max steps",
    }
}

fn curvature(class: CurvatureClass) -> &'static str {
    match class {
        CurvatureClass::Bowl => "bowl-like: both λ ≥ 0, not both 0",
        CurvatureClass::Cap => "cap-like: both λ ≤ 0, not both 0",
        CurvatureClass::SaddleLike => "saddle-like: λ of both signs",
        CurvatureClass::Flat => "flat: both λ = 0",
        CurvatureClass::Undefined => "undefined",
    }
}

fn lesson(step: StepId) -> LessonText {
    let (title, body) = match step {
        StepId::Stalled => (
            "Training has stalled",
            "Gradient descent has run 60 steps. L fell from 1.85 to 1.000 within the first 20 and has hardly changed since: \
             where the run is now, ‖∇L‖ is about 2·10⁻⁶, and each step moves θ by about 2·10⁻⁷. \
             A gradient this close to zero does not yet tell us where we are, because small is not zero: \
             show the comparison, a point on a plateau where ‖∇L‖ is even smaller (about 1.4·10⁻⁶) and the nearest critical point is 5.5 away. \
             And if we are at a critical point: is it a local minimum, where we may as well stop, or a saddle point, where the loss could still fall?",
        ),
        StepId::Taylor => (
            "Look closer: the Taylor expansion",
            "Near θ′ the loss is L(θ) ≈ L(θ′) + (θ − θ′)ᵀg + ½(θ − θ′)ᵀH(θ − θ′), with g the gradient and H the Hessian at θ′. \
             At a critical point g = 0, so only the Hessian term is left: near θ′ the shape of L is decided by H, \
             unless an eigenvalue of H is 0, in which case the terms the model leaves out decide. \
             The dotted contours are this quadratic model; near θ′ they hug the real ones.",
        ),
        StepId::EigenvalueTest => (
            "The eigenvalue test",
            "Write v = θ − θ′ in the unit eigenvectors u₁, u₂ of H, v = Σ cᵢuᵢ: the Hessian term becomes ½vᵀHv = ½ Σ λᵢcᵢ². \
             All eigenvalues positive: near θ′, L rises in every direction, a local minimum. All negative: a local maximum. \
             Both signs: a saddle point. An eigenvalue ≈ 0 leaves the test undecided (degenerate), \
             though a clearly negative eigenvalue still proves the point is not a minimum. \
             Here L = x² − y² has λ = −2 and 2; show the comparison for the bowl x² + y², where both are 2.",
        ),
        StepId::LectureNetwork => (
            "The lecture's one-neuron network",
            "L(w₁, w₂) = (1 − w₁w₂)² is the loss of the network ŷ = w₁w₂x (one weight per layer) on the single example (x, y) = (1, 1). \
             At the origin ∇L = 0 and H = [[0, −2], [−2, 0]], with eigenvalues −2 and 2: a saddle point, not a minimum. \
             Along u = (1, 1), an eigenvector of λ = −2, uᵀHu = λ‖u‖² = −4, so L(θ′ + αu) ≈ L(θ′) + ½λα²‖u‖² = 1 − 2α²: the loss falls. \
             (The panel “The point θ′” shows the same direction as the unit vector u/‖u‖ = (0.7071, 0.7071).) \
             On the line w₁ = −w₂ through the saddle, along the other eigenvector (1, −1) with λ = 2, the gradient points along the line, \
             so gradient descent started there slides straight into the saddle: that is what step 1 showed. \
             Press “Escape along u”, or race the eigen-escape optimizer, which does exactly this.",
        ),
        StepId::Momentum => (
            "Momentum in a narrow valley",
            "Training never forms the Hessian of a real network: it has as many rows as the network has weights \
             (this page forms it because there are two). Momentum uses gradients only: m ← βm − η∇L, θ ← θ + m. \
             On a steady slope m grows to −η∇L/(1 − β), ten times gradient descent's step at β = 0.9, \
             so a fair race adds gradient descent at that step, η/(1 − β). \
             In this valley (curvatures 0.1 and 20) the steep walls cap gradient descent's step: it is stable only for η < 2/20 = 0.1. \
             At η = 0.09 it crawls along the floor, 460 steps to L < 10⁻³; at η/(1 − β) = 0.9 it bounces off the walls and diverges. \
             Momentum, stable for η < 2(1 + β)/20 = 0.19, gets there in 92 steps: \
             across the valley the alternating gradients cancel in m, along the floor they add up.",
        ),
        StepId::PastGradients => (
            "Momentum: a sum of past gradients",
            "Unrolled from m = 0, momentum's movement is a weighted sum of all past gradients gᵢ = ∇L(θᵢ): \
             m_t = −η(g_t + βg_{t−1} + β²g_{t−2} + … + βᵗg₀). Where the gradient vanishes, the sum need not. \
             Here a shallow minimum at x ≈ 1.48 (L ≈ 0.52) sits behind a small bump, before a deeper minimum near the origin (L ≈ 0.0002). \
             At η = 0.03 gradient descent stops in the shallow minimum, and so does gradient descent at momentum's step η/(1 − β) = 0.3: \
             at a point where ∇L = 0, no step size moves it. Momentum arrives with speed and rolls over the bump into the deeper minimum. \
             It needs the run-up: started at (2, 0.5), momentum stops in the shallow minimum too.",
        ),
        StepId::Adam => (
            "Adam: an indirect escape",
            "Adam, a usual choice in practice, does not form the Hessian either. It keeps a momentum of the gradient and divides \
             each coordinate's step by the running root mean square of that coordinate's own gradients, \
             so where its gradients have been tiny all along, its steps are still about η long in each coordinate. \
             On this plateau ‖∇L‖ ≈ 0.002: at η = 0.1 gradient descent moves 0.0002 a step and needs 1617 steps to reach L < 0.1, Adam 26. \
             A larger η does not rescue gradient descent: the minimum's curvature is 1, so it is stable only for η < 2, \
             and even at η = 1.9 it needs 88 steps. \
             Show the comparison: started 0.001 from the lecture's saddle, Adam gets below L = 0.1 in 10 steps, gradient descent in 43. \
             No guarantee, though: started exactly on the line w₁ = −w₂, Adam slides into the saddle and stalls too.",
        ),
        StepId::SmallBatches => (
            "Small batches: noise shakes the ball out of the saddle",
            "Real training steps on the gradient of a small random batch of examples, not of the whole dataset. \
             This loss is the lecture's network fitted to 64 points, with an extra input z that carries no signal. \
             Started exactly on the line w₁ = −w₂, full-batch gradient descent slides into the saddle and stalls there; \
             SGD with batches of 4 leaves it and ends near a minimum. \
             It leaves because of z: z gives each example's gradient a component along u = (1, 1), the eigenvector of the saddle's negative eigenvalue; \
             over the full batch these components cancel, over a small batch they do not. \
             That is the lecture's condition: noise helps only through its component along a direction of negative curvature. \
             Show the comparison: without z every example's gradient on that line lies along the line, and SGD stalls just like full-batch descent.",
        ),
        StepId::HighDimension => (
            "In high dimension, saddles outnumber minima",
            "The map shows Himmelblau's function: even in two dimensions it has as many saddles as minima (four each, and one maximum). \
             A critical point is a local minimum when every eigenvalue is positive, and can be one only if none is negative; \
             with many parameters, it is rare that none is negative where training stalls. \
             This step's link opens the network lab: it trains a real network with P parameters until it stalls, goes to the critical point nearby \
             and counts the signs of the exact Hessian's eigenvalues there. \
             The minimum ratio, positive ÷ all P eigenvalues, is 1 at a minimum and below 1 at a saddle; \
             the lab's experiment measures it over many runs, and its sweep shows how the share of saddles changes with P.",
        ),
    };
    LessonText { title, body }
}
