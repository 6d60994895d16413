//! English: the core's own words (Display texts and labels) plus the page's.

use super::{
    ChartWords, Labels, LessonText, MinRatioStatus, NoticeWords, PresetText, ReasonWords, Strings,
};
use crate::analysis::{Continuum, ContinuumShape, PointKind};
use crate::data::dataset_preset;
use crate::experiments::MinRatioRun;
use crate::lesson::StepId;
use crate::numbers::readable;
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
        min_ratio_title: "Saddles in high dimension",
        min_ratio_hint: "Train a small network (one hidden tanh layer, P parameters) from random starts, drive ∇L \
                         towards 0, and count the signs of the Hessian's eigenvalues there. Minimum ratio = the share \
                         of positive eigenvalues among the non-zero ones (|λ| > 10⁻⁶·max|λ|): 1 at a local minimum, \
                         below 1 at a saddle.",
        min_ratio_params: "parameters P",
        min_ratio_runs: "runs",
        min_ratio_seed: "seed",
        min_ratio_run: "Run",
        min_ratio_cancel: "Cancel",
        min_ratio_progress: "Progress",
        min_ratio_chart_label: "Minimum ratio against training loss, one dot per run",
        eigen_histogram_label: "Eigenvalues of the Hessian of the chosen run",
        min_ratio_caveat: "Click a dot or a row to see that run's eigenvalues. Fainter dots ended with a larger \
                           ‖∇L‖ (last column): a point with small but non-zero gradient may sit in a flat region \
                           rather than at a true critical point.",
        column_run: "run",
        column_min_ratio: "min. ratio",
        column_signs: "+ / − / ≈0",
        final_gradient_norm: "final ‖∇L‖",
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
        training_loss_log: "training loss L (log scale)",
        minimum_ratio: "minimum ratio",
        eigenvalue: "eigenvalue λ of the Hessian",
        count: "count",
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
    min_ratio_status,
    run_spectrum,
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
        },
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

fn min_ratio_status(status: &MinRatioStatus) -> String {
    match *status {
        MinRatioStatus::Running {
            params,
            hidden,
            runs,
        } => {
            format!("Running: P = {params} parameters (a 1–{hidden}–1 tanh network), {runs} runs…")
        }
        MinRatioStatus::Cancelled { runs_done } => format!("Cancelled after {runs_done} runs."),
        MinRatioStatus::Done {
            runs,
            params,
            hidden,
        } => format!("Done: {runs} runs at P = {params} (hidden width {hidden})."),
    }
}

fn run_spectrum(index: usize, run: &MinRatioRun) -> String {
    format!(
        "Run {}: {} positive, {} negative, {} ≈ 0; minimum ratio {}",
        index + 1,
        run.positive,
        run.negative,
        run.zero,
        readable(run.minimum_ratio)
    )
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
             The minimum-ratio experiment trains small networks, drives ∇L towards 0 where they slow down and counts the signs of the Hessian's eigenvalues there: \
             the minimum ratio, positive ÷ non-zero eigenvalues, stays below 1 (an eigenvalue is negative: not a minimum) \
             at nearly every such point, even where the training loss is low.",
        ),
    };
    LessonText { title, body }
}
