//! English: the core's own words (Display texts and labels) plus the page's.

use super::{Labels, LessonText, Strings};
use crate::analysis::PointKind;
use crate::lesson::StepId;
use crate::optim::{OptimizerKind, RunStatus};
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
        reset_view: "Reset view",
        not_marked: "Not marked:",
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
        keys_hint: "Keys: space = play/pause, → = one step, r = reset.",
        column_optimizer: "optimizer",
        column_status: "status",
        column_step: "step",
        column_loss: "L",
        point_title: "The point θ′",
        point_empty: "Click the map to drop a point.",
        hessian_caption: "Hessian H",
        eigen_caption: "Eigenvalues λ and eigenvectors u of H",
        taylor_toggle: "Taylor model",
        taylor_hint: "Dotted: the second-order Taylor model around θ′.",
        escape_button: "Escape along u",
        escaped: "Escaped: L",
        rotate_hint: "Drag to rotate.",
        map_label: "Heat map of the loss with contour lines",
        surface3d_label: "The loss surface in 3-D",
        loss_chart_label: "Loss against step for each optimizer",
        curvature_toggle: "Curvature map",
        curvature_legend_title: "How the surface bends (signs of the Hessian's eigenvalues)",
        curvature_shading_hint: "Paler: nearly flat in one direction (small min|λ| / max|λ|).",
        lesson_title: "Guided lesson",
        lesson_open: "Start the lesson",
        lesson_close: "Close the lesson",
        lesson_previous: "Previous",
        lesson_next: "Next",
        lesson_open_link: "Open this step's link",
        lesson_open_compare: "Open the comparison",
        min_ratio_title: "Minimum ratio: are critical points of a network minima?",
        min_ratio_hint: "Each run trains a small network, then solves ∇L = 0 and counts the Hessian's positive eigenvalues. Minimum ratio = positive / (positive + negative): 1 is a true minimum, below 1 a saddle.",
        min_ratio_params: "parameters",
        min_ratio_runs: "runs",
        min_ratio_seed: "seed",
        min_ratio_run: "Run",
        min_ratio_cancel: "Cancel",
        min_ratio_done: "Done.",
        axis_training_loss: "training loss",
        axis_minimum_ratio: "minimum ratio",
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
    formula_error: |error| error.to_string(),
    link_notice: |notice| notice.to_string(),
};

fn point_kind(kind: PointKind) -> &'static str {
    match kind {
        PointKind::Regular => "regular point (∇L ≠ 0)",
        PointKind::LocalMinimum => "local minimum",
        PointKind::LocalMaximum => "local maximum",
        PointKind::Saddle => "saddle point",
        PointKind::Degenerate => "degenerate (test inconclusive: an eigenvalue ≈ 0)",
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
        RunStatus::Converged => "converged",
        RunStatus::StalledAtSaddle => "stalled at a saddle",
        RunStatus::Diverged => "diverged",
        RunStatus::MaxSteps => "max steps",
    }
}

fn curvature(class: CurvatureClass) -> &'static str {
    match class {
        CurvatureClass::Bowl => "bowl-like: both λ > 0",
        CurvatureClass::Cap => "cap-like: both λ < 0",
        CurvatureClass::SaddleLike => "saddle-like: λ of both signs",
        CurvatureClass::Flat => "flat: both λ = 0",
        CurvatureClass::Undefined => "undefined",
    }
}

fn lesson(step: StepId) -> LessonText {
    let (title, body) = match step {
        StepId::Stalled => (
            "Training has stalled",
            "Gradient descent has run 60 steps and stopped moving: L is stuck near 1 and ‖∇L‖ is about 10⁻⁶. \
             A vanishing gradient only says we are at a critical point. \
             Is it a local minimum, where we may as well stop, or a saddle point, where the loss could still fall?",
        ),
        StepId::Taylor => (
            "Look closer: the Taylor expansion",
            "Near θ′ the loss is L(θ) ≈ L(θ′) + (θ − θ′)ᵀg + ½(θ − θ′)ᵀH(θ − θ′), with g the gradient and H the Hessian. \
             At a critical point g = 0, so only the Hessian term is left: H alone decides the shape around θ′. \
             The dotted contours are this quadratic model; near θ′ they hug the real ones.",
        ),
        StepId::EigenvalueTest => (
            "The eigenvalue test",
            "Write θ − θ′ in the eigenvectors of H: the Hessian term becomes ½ Σ λᵢvᵢ². \
             All eigenvalues positive: L rises every way, a local minimum. All negative: a local maximum. \
             Mixed signs: a saddle point. An eigenvalue of 0 leaves the test inconclusive (degenerate). \
             Here L = x² − y² has λ = −2 and 2; open the comparison for the bowl x² + y², where both are 2.",
        ),
        StepId::LectureNetwork => (
            "The lecture's one-neuron network",
            "L(w₁, w₂) = (1 − w₁w₂)² is a network with one weight per layer. \
             At the origin ∇L = 0 and H = [[0, −2], [−2, 0]], with eigenvalues −2 and 2: a saddle point, not a minimum. \
             Moving along the eigenvector u = (1, 1) of λ = −2 lowers the loss, since L(θ′ + αu) ≈ L(θ′) + ½λα². \
             Press “Escape along u”, or race the eigen-escape optimizer, which does exactly this.",
        ),
        StepId::Momentum => (
            "In practice: momentum rolls through",
            "Nobody computes the Hessian of a real network: it has as many rows as there are weights. \
             Momentum, m ← βm − η∇L and θ ← θ + m, keeps the velocity it built up on the way down. \
             Both racers start just off the saddle's stable line; gradient descent creeps past the saddle while momentum coasts through it into the valley of minima.",
        ),
        StepId::SmallBatches => (
            "Small batches shake the ball loose",
            "Real training uses the gradient of a small random batch of examples, not of the whole dataset. \
             On this data-defined loss, full-batch gradient descent slides into the saddle and stalls there. \
             SGD's batch gradients are noisy, and the noise pushes it off the saddle's stable line and down into a minimum.",
        ),
        StepId::HighDimension => (
            "In high dimension, saddles outnumber minima",
            "Even in two dimensions Himmelblau's function has as many saddles as minima. \
             A critical point is a minimum only if every one of its eigenvalues is positive, which gets rarer as the number of parameters grows. \
             The minimum-ratio experiment trains small networks, finds the critical points they stall near and counts their positive eigenvalues: \
             where training loss is high, most critical points are saddles.",
        ),
    };
    LessonText { title, body }
}
