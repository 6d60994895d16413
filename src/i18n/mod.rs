//! Every word the page shows, per language: one file per language, one [`Strings`] value in it.
//!
//! Fixed labels are fields of [`Labels`], so a language file that forgets one does not compile. Families
//! that follow a core enum (point kinds, run statuses, optimizers, curvature classes, lesson steps) and
//! messages with data in them (formula errors, link notices) are functions with an exhaustive `match`,
//! so a new variant is a compile error in every language until it is translated.
//!
//! Preset titles and descriptions are looked up by the preset's stable name (English keeps them in
//! `presets.rs` and `experiments`, where the command line reads them too); `tests/i18n.rs` fails for a
//! preset some language has no words for.
//!
//! Adding a language (say 繁體中文): a `Language` variant with its code, a file here defining its
//! `STRINGS`, and one arm in [`strings`].

mod en;
mod zh;

use crate::analysis::{Attractor, Bend, Continuum, PointAnalysis, PointKind};
use crate::bounds::Bounds;
use crate::formula::FormulaError;
use crate::jobs::TrainingState;
use crate::lesson::StepId;
use crate::network::{SolverStatus, Task, TrainingMethod};
use crate::numbers;
use crate::optim::{OptimizerKind, Run, RunStatus};
use crate::render::CurvatureClass;
use crate::surface::Point;

/// The words for one language.
pub struct Strings {
    /// The page's fixed words, one per `data-i18n` key.
    pub labels: Labels,
    /// The second-order test's verdict in words ("saddle point"), as the inspector states it.
    pub point_kind: fn(PointKind) -> &'static str,
    /// The map legend's short name for a marked critical point (`None`: the map does not mark it).
    pub marked_kind: fn(PointKind) -> Option<&'static str>,
    /// Where a run stands, in the race table's words ("stalled at a saddle").
    pub run_status: fn(RunStatus) -> &'static str,
    /// An optimizer's name as people read it.
    pub optimizer: fn(OptimizerKind) -> &'static str,
    /// A curvature class as the curvature map's legend explains it, with the eigenvalues' signs.
    pub curvature: fn(CurvatureClass) -> &'static str,
    /// A lesson step's title and body.
    pub lesson: fn(StepId) -> LessonText,
    /// "Step 3 of 7".
    pub step_of: fn(usize, usize) -> String,
    /// "120 of 200 runs".
    pub runs_done: fn(usize, usize) -> String,
    /// The batch slider's reading: "8 of 64" (examples per batch of the training set's N).
    pub batch_of: fn(usize, usize) -> String,
    /// A preset's title and description by its stable name; `None` for a name this language has no words
    /// for (a test keeps that from happening for real presets).
    pub preset: fn(&str) -> Option<PresetText>,
    /// What a continuum of critical points is, with its example point: "a curve of minima where …".
    pub continuum: fn(&Continuum) -> String,
    /// The map's note about a continuum it does not mark point by point, around [`Strings::continuum`].
    pub continuum_hint: fn(&str) -> String,
    /// The race table's loss cell on a loss with a test set: training L, then test L.
    pub train_and_test: fn(&str, &str) -> String,
    /// Under the map while a momentum race is paused: its next update drawn as the lecture draws it, magnified
    /// by the given factor ("×12"; "" when drawn to scale).
    pub momentum_update: fn(&str) -> String,
    /// A basin's name in the basin map's legend: the attractor's kind in words ("local minimum"), whether it
    /// is a branch of a curve of critical points, and where ("(3, 2)").
    pub basin: fn(&str, bool, &str) -> String,
    /// The words the charts draw (axis titles).
    pub chart: ChartWords,
    /// The whole message, column included ("column 5: …").
    pub formula_error: fn(&FormulaError) -> String,
    /// Over the map while the typed formula has an error: the map shows this last valid one (its text, or a
    /// data-defined loss's title).
    pub stale_map: fn(&str) -> String,
    /// What a screen reader hears when θ′ is dropped: the point, the verdict, λ₁ and λ₂ (as text).
    pub announce_point: fn(&str, &str, &str, &str) -> String,
    /// How a share link's problems are worded (`share::LinkNotice::worded` picks from them).
    pub link_notices: NoticeWords,
}

/// The sentences for a share link's problems. The link codec chooses the sentence; each language only says
/// it, so this module need not know the codec's types.
#[derive(Debug, Clone, Copy)]
pub struct NoticeWords {
    /// The link is this many bytes long, beyond what is read; the default scene is shown.
    pub too_long: fn(usize) -> String,
    /// This part of the link is not valid text and was skipped.
    pub not_text: fn(&str) -> String,
    /// `key=value` was ignored, for the reason given (one of [`ReasonWords`]).
    pub ignored: fn(&str, &str, &str) -> String,
    /// The reasons `ignored` gives.
    pub reasons: ReasonWords,
}

/// Why one value of a link was not used: one entry per `share::IgnoredBecause`.
#[derive(Debug, Clone, Copy)]
pub struct ReasonWords {
    /// Around the formula error's own words (column included).
    pub formula: fn(&str) -> String,
    /// The formula is too long for a link the page writes.
    pub formula_too_long_for_link: &'static str,
    /// `preset` names no preset.
    pub unknown_preset: &'static str,
    /// `v` is not the version this page reads.
    pub version: &'static str,
    /// `box` is not a valid box.
    pub bounds: &'static str,
    /// `pt` is not a point.
    pub point: &'static str,
    /// `opt` is not a list of optimizer names.
    pub optimizers: &'static str,
    /// `lr` is out of range.
    pub learning_rate: &'static str,
    /// `beta` is out of range.
    pub beta: &'static str,
    /// Steps must be a whole number up to this many.
    pub steps: fn(usize) -> String,
    /// `view` is not a view.
    pub view: &'static str,
    /// `turn` is not two angles.
    pub turn: &'static str,
    /// `map` is not a map mode.
    pub map_mode: &'static str,
    /// `lesson` names no step.
    pub lesson: &'static str,
    /// `lang` is not a language the page speaks.
    pub language: &'static str,
    /// `embed` is not a switch.
    pub embed: &'static str,
    /// `present` is not a switch.
    pub present: &'static str,
    /// The batch must be a whole number from 1 to this many.
    pub batch: fn(usize) -> String,
    /// `seed` is not a whole number that fits in 64 bits.
    pub seed: &'static str,
    /// `lab` names a lab this page does not have.
    pub lab: &'static str,
    /// `task` names no task.
    pub task: &'static str,
    /// `noise` is not a number in [0, 1].
    pub noise: &'static str,
    /// One or two widths from 1 to the first number, at most the second number of parameters.
    pub hidden: fn(usize, usize) -> String,
    /// `lab-opt` names no update rule the lab has.
    pub lab_optimizer: &'static str,
    /// `lab-lr` is not a number in (0, the number].
    pub lab_learning_rate: fn(f64) -> String,
    /// `lab-batch` is not a whole number from 1 to the number.
    pub lab_batch: fn(usize) -> String,
    /// `lab-runs` is not a whole number from 1 to the number.
    pub lab_runs: fn(usize) -> String,
}

/// A lesson step's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LessonText {
    /// A few words: the step's heading.
    pub title: &'static str,
    /// Two to four sentences.
    pub body: &'static str,
}

/// A preset's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PresetText {
    /// The name the surface menu lists.
    pub title: &'static str,
    /// One sentence (the data-defined preset: a few): what the surface teaches.
    pub description: &'static str,
}

/// Axis titles the core's charts draw, passed in so a chart speaks the reader's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChartWords {
    /// The loss chart's horizontal axis.
    pub step: &'static str,
    /// The loss chart's vertical axis, linear.
    pub loss: &'static str,
    /// The loss chart's vertical axis, logarithmic.
    pub loss_log: &'static str,
    /// The loss chart's vertical axis as log of L − L_min + ε, when some L ≤ 0 has no logarithm.
    pub loss_shifted_log: &'static str,
    /// The experiment's scatter's horizontal axis: training loss at the critical point, log scale.
    pub training_loss_log: &'static str,
    /// The experiment's scatter's vertical axis.
    pub minimum_ratio: &'static str,
    /// The sweep's horizontal axis: P, log scale.
    pub parameter_count_log: &'static str,
    /// The sweep's vertical axis: saddles ÷ critical points.
    pub saddle_share: &'static str,
    /// The spectrum's horizontal axis: eigenvalues by rank.
    pub eigenvalue_rank: &'static str,
    /// The spectrum's vertical axis: λ on a signed log scale.
    pub eigenvalue_signed_log: &'static str,
    /// The spectrum's legend: clearly negative eigenvalues.
    pub negative: &'static str,
    /// The spectrum's legend: clearly positive eigenvalues.
    pub positive: &'static str,
    /// The spectrum's legend: eigenvalues the test leaves undetermined.
    pub undetermined: &'static str,
    /// The regression's horizontal axis: the input x.
    pub input_x: &'static str,
    /// The regression's vertical axis: the target y and the fit ŷ.
    pub target: &'static str,
    /// The eigen-slice's horizontal axis: along u_min.
    pub eigen_plane_x: &'static str,
    /// The eigen-slice's vertical axis: along u_max.
    pub eigen_plane_y: &'static str,
    /// The random slice's horizontal axis: along the first random direction.
    pub random_plane_x: &'static str,
    /// The random slice's vertical axis: along the second.
    pub random_plane_y: &'static str,
    /// The profile's horizontal axis: t along u_min.
    pub profile_t: &'static str,
    /// The map's horizontal axis, x (w₁).
    pub map_x: &'static str,
    /// The map's vertical axis, y (w₂).
    pub map_y: &'static str,
    /// The colour bar's title: L.
    pub colour_bar: &'static str,
    /// The slice chart's horizontal axis: t in θ′ + t·d.
    pub slice_t: &'static str,
    /// The slice chart's legend for L along the line.
    pub slice_curve: &'static str,
    /// The slice chart's legend for the dashed second-order model q(t).
    pub slice_model: &'static str,
    /// The slice's test loss, on a loss with a test set.
    pub slice_test: &'static str,
    /// The slice chart's title, with `{d}` for the direction, `{c}` for dᵀHd and `{bend}` for one of the
    /// three words after it.
    pub slice_title: &'static str,
    /// `{bend}` when dᵀHd > 0.
    pub bends_up: &'static str,
    /// `{bend}` when dᵀHd < 0.
    pub bends_down: &'static str,
    /// `{bend}` when dᵀHd ≈ 0.
    pub bends_flat: &'static str,
    /// The basin map's legend for runs that diverged.
    pub basin_diverged: &'static str,
    /// The basin map's legend for runs still moving after the step limit.
    pub basin_still_moving: &'static str,
    /// The basin map's legend for an attractor that is a whole curve of critical points, not one point.
    pub basin_curve: &'static str,
}

impl ChartWords {
    /// The word for how a slice bends (`{bend}` in [`ChartWords::slice_title`] and the lab's profile title).
    pub fn bend(&self, bend: Bend) -> &'static str {
        match bend {
            Bend::Up => self.bends_up,
            Bend::Down => self.bends_down,
            Bend::Flat => self.bends_flat,
        }
    }
}

/// The network lab's words that follow what it shows.
pub struct LabWords {
    /// A task's name in the task menu.
    pub task: fn(Task) -> &'static str,
    /// An update rule's name in the optimizer menu.
    pub method: fn(TrainingMethod) -> &'static str,
    /// "P = 17 parameters, N = 300 training examples".
    pub size: fn(usize, usize) -> String,
    /// Added when P > N.
    pub more_parameters: &'static str,
    /// The network has P parameters, over the most the lab takes.
    pub too_many: fn(usize, usize) -> String,
    /// The training status line at a step.
    pub training: fn(TrainingState, usize) -> String,
    /// The loss chart's curve of the training loss.
    pub train_loss: &'static str,
    /// Its curve of the test loss.
    pub test_loss: &'static str,
    /// Its mark where θ jumped to the critical point a solve reached.
    pub mark_critical: &'static str,
    /// Its mark where θ stepped along u_min.
    pub mark_escape: &'static str,
    /// "3 negative, 14 positive, 0 undetermined".
    pub counts: fn(usize, usize, usize) -> String,
    /// The verdict at a point the solver says is critical: its kind, with a saddle's index.
    pub verdict: fn(PointKind, usize) -> String,
    /// The verdict at a point that is not critical: ‖∇L‖ and the tolerance it is above.
    pub not_critical: fn(&str, &str) -> String,
    /// The minimum ratio with its range (value, lowest, highest).
    pub ratio: fn(&str, &str, &str) -> String,
    /// How a solve ended.
    pub solver: fn(SolverStatus) -> &'static str,
    /// "after 5 iterations, 0.23 from where it started".
    pub solve_summary: fn(usize, &str) -> String,
    /// A solve under way: iterations so far and ‖∇L‖.
    pub solving: fn(usize, &str) -> String,
    /// Computing the slices.
    pub slicing: &'static str,
    /// The escape step: λ_min, L before, L after.
    pub escaped: fn(&str, &str, &str) -> String,
    /// Refused escape: no negative eigenvalue.
    pub no_escape: &'static str,
    /// Refused return: no critical point found yet.
    pub no_critical_point: &'static str,
    /// The spectrum chart's title: P, λ_min, λ_max.
    pub spectrum_title: fn(usize, &str, &str) -> String,
    /// The profile's title: uᵀHu and one of the chart's bend words.
    pub profile_title: fn(&str, &str) -> String,
    /// The experiment's status line.
    pub experiment: fn(&ExperimentStatus) -> String,
    /// A run picked on the scatter: its number (from 1), P, L and minimum ratio, before its verdict.
    pub picked: fn(usize, usize, &str, &str) -> String,
}

/// Where the lab's experiment (or sweep) stands, as its status line tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExperimentStatus {
    /// Under way in `workers` workers: `done` of `total` runs finished.
    Running {
        /// Runs finished.
        done: usize,
        /// Runs asked for.
        total: usize,
        /// Workers sharing the runs.
        workers: usize,
    },
    /// Stopped by the reader.
    Cancelled {
        /// Runs finished before the stop.
        done: usize,
        /// Runs asked for.
        total: usize,
    },
    /// Every run finished.
    Done {
        /// Runs made.
        runs: usize,
        /// Runs whose solve reached a critical point.
        converged: usize,
        /// Of those, saddles.
        saddles: usize,
        /// Of those, local minima.
        minima: usize,
    },
}

/// Declares [`Labels`] and its lookup by field name, so `index.html` can carry `data-i18n="copy_link"`
/// and the page fill every marked element without a second list of keys.
macro_rules! labels {
    ($($(#[doc = $doc:literal])* $name:ident,)*) => {
        /// The page's fixed labels, buttons and hints.
        pub struct Labels {
            $($(#[doc = $doc])* pub $name: &'static str,)*
        }

        impl Labels {
            /// Every field name, for `data-i18n` attributes.
            pub const KEYS: &'static [&'static str] = &[$(stringify!($name)),*];

            /// The label whose field is called `key`. (A search of [`Labels::KEYS`]: a `match` on every key
            /// compiled to 5 kB of wasm.)
            pub fn get(&self, key: &str) -> Option<&'static str> {
                let fields = [$(self.$name),*];
                Self::KEYS.iter().position(|k| *k == key).map(|index| fields[index])
            }
        }
    };
}

labels! {
    /// The `lang` attribute of `<html>`.
    html_lang,
    /// The language's own name, for the language switch ("English", "中文").
    language_name,
    /// The language switch's label.
    language_label,
    /// The document title.
    page_title,
    /// "— local minimum or saddle point?"
    subtitle,
    /// The name of the view switch (map, 3-D or both), for screen readers.
    view_label,
    /// The view switch's button for the map alone.
    view_map,
    /// The view switch's button for the 3-D surface alone.
    view_3d,
    /// The view switch's button for the map and the 3-D surface side by side.
    view_both,
    /// The header's button for presentation mode (pressed while presenting).
    present_button,
    /// The header's button that copies the scene's share link.
    copy_link,
    /// The header's button that saves the map as a PNG image.
    save_png,
    /// The label of the field showing the share link.
    share_link_label,
    /// The note once the link is on the clipboard.
    link_copied,
    /// The note when the browser refuses the clipboard: the link is selected for the reader to copy.
    copy_by_hand,
    /// The name of the bar listing what a link asked for that could not be used.
    notices_label,
    /// Before the message when the page hits an error it cannot recover from.
    crash_title,
    /// The crash notice's link back to the default scene.
    crash_reset,
    /// The surface menu's label (presets, datasets, your own formula).
    surface_label,
    /// The surface menu's entry for a formula typed by hand.
    own_formula,
    /// Before the formula field: "L(x, y) =".
    formula_label,
    /// The map's hint for a mouse: click, drag, pan and zoom.
    map_hint,
    /// The map's hint on a touch screen: tap, one finger scrolls, two pan and zoom.
    map_hint_touch,
    /// What the keys do on the focused map.
    map_keys_hint,
    /// The button that returns the map to the surface's home box.
    reset_view,
    /// The notice for a formula too long to draw at full detail (the page cuts the map's grid, the
    /// critical-point search and the 3-D view).
    long_formula,
    /// The race panel's heading.
    race_title,
    /// The η slider's name, for screen readers.
    learning_rate_label,
    /// The β slider's name, for screen readers.
    beta_label,
    /// Beside the race's speed slider: steps per second.
    speed_label,
    /// The batch-size slider (SGD on a dataset).
    batch_label,
    /// Beside SGD's batch-sampler seed.
    seed_label,
    /// The race's Play button.
    play,
    /// The Play button while the race plays.
    pause,
    /// The button that steps every running optimizer once.
    step,
    /// The button that restarts the race from its start.
    reset,
    /// A run's status in the race table before its first step, and when the race is paused.
    run_ready,
    /// A run's status in the race table once it has stepped and the race is paused.
    run_paused,
    /// What the race's keys do (space, →, r, p).
    keys_hint,
    /// The race table's column of optimizer names.
    column_optimizer,
    /// The race table's column of steps taken.
    column_step,
    /// The column of L (the race table's and the minimum-ratio table's).
    column_loss,
    /// The race table's column of ‖∇L‖ where each run is now.
    column_gradient_norm,
    /// The inspector's heading: the point θ′.
    point_title,
    /// The inspector before a point is dropped, for a mouse.
    point_empty,
    /// The inspector before a point is dropped, on a touch screen.
    point_empty_touch,
    /// The fields that type θ′'s coordinates.
    point_x_label,
    /// The field that types θ′'s y, for screen readers.
    point_y_label,
    /// The inspector's verdict on a degenerate point with a clearly negative eigenvalue: not a minimum.
    degenerate_not_minimum,
    /// The check-box that shows the Taylor model on the map.
    taylor_toggle,
    /// What the model's dashed contours on the map are.
    taylor_hint,
    /// The button that steps from θ′ along u, the eigenvector of λ < 0.
    escape_button,
    /// Before "L before → L after".
    escaped,
    /// Under the 3-D view: how to turn it.
    rotate_hint,
    /// The map canvas's name, for screen readers.
    map_label,
    /// The 3-D canvas's name, for screen readers.
    surface3d_label,
    /// The loss chart's name, for screen readers.
    loss_chart_label,
    /// The check-box that colours the map by curvature class.
    curvature_toggle,
    /// The curvature legend's title: the classes are the signs of H's eigenvalues.
    curvature_legend_title,
    /// What the curvature map's paler shades mean (small min|λ| / max|λ|).
    curvature_shading_hint,
    /// The map's third colouring: where the first racer ends from each start.
    basins_toggle,
    /// The basin legend's title.
    basins_legend_title,
    /// Under the basin map: how it is made and what a click does.
    basins_hint,
    /// The progress bar's name while the worker maps the basins.
    basins_mapping,
    /// The inspector's 1-D slice through θ′.
    slice_heading,
    /// The slice chart's name, for screen readers.
    slice_chart_label,
    /// Beside the slice's angle control.
    slice_direction,
    /// The name of the slice's direction buttons (the eigenvectors, the axes), for screen readers.
    slice_presets,
    /// Under the slice: where its line is on the map, and why one line does not decide the kind.
    slice_hint,
    /// The guided lesson's heading.
    lesson_title,
    /// The lesson's button back to the previous step.
    lesson_previous,
    /// The lesson's button on to the next step.
    lesson_next,
    /// Sets the shown step's scene up again after the student changed it.
    lesson_restart,
    /// The lesson's button that opens the comparison a step refers to.
    lesson_open_compare,
    /// The map legend's key for the arrows at θ′ and the runs' badges.
    key_gradient,
    /// The legend's key for the eigenvector with λ < 0, the way out.
    key_eigen_negative,
    /// The legend's key for the eigenvector with λ > 0.
    key_eigen_positive,
    /// A number that is not one (NaN, ±∞), e.g. the loss where the formula is undefined.
    undefined_value,
    /// The preset menu's group of losses defined by a training set.
    data_presets_group,
    /// Under the batch-size and seed controls: what B means.
    batch_hint,
    /// On the lecture's network on data: with or without the signal-free input z (two presets).
    extra_input_toggle,
    /// The button that measures the escape times from θ′.
    escape_times_button,
    /// The escape-time table's caption: what is counted and over how many seeds.
    escape_times_caption,
    /// The escape-time table's column of batch sizes.
    column_batch,
    /// The escape-time table's column of steps until L fell below the level.
    column_escape_steps,
    /// The escape-time row of full-batch gradient descent.
    full_batch,
    /// An escape time when the runs did not get below the level in the steps allowed.
    not_escaped,
    /// The race panel's name, for screen readers.
    race_label,
    /// The plots' section name, for screen readers.
    plots_label,
    /// The inspector panel's name, for screen readers.
    inspector_label,
    /// The lab's table's column of run numbers.
    column_run,
    /// The network lab's heading.
    lab_title,
    /// What the lab is: the network, its data, and what to do with it.
    lab_intro,
    /// Beside the task (the data set).
    lab_task,
    /// Beside the data's noise.
    lab_noise,
    /// Beside the first hidden layer's width.
    lab_width1,
    /// The second hidden layer's width; 0 removes the layer.
    lab_width2,
    /// Beside the training's update rule.
    lab_optimizer,
    /// Beside the seed of the data and the starting weights.
    lab_seed,
    /// The button that draws new starting weights.
    lab_new_start,
    /// Step 1's heading: train.
    lab_train_heading,
    /// The training chart's name, for screen readers.
    lab_loss_chart_label,
    /// The data chart's name, for screen readers.
    lab_data_chart_label,
    /// Under the decision map: what the colours and marks are.
    lab_data_hint,
    /// Under the regression's fit: what the line and marks are.
    lab_fit_hint,
    /// Step 2's heading: the Hessian at θ.
    lab_inspect_heading,
    /// The button that computes the Hessian and its spectrum.
    lab_inspect,
    /// The spectrum chart's name, for screen readers.
    lab_spectrum_label,
    /// The rule for undetermined eigenvalues.
    lab_rule,
    /// The minimum ratio's definition.
    lab_ratio_hint,
    /// Step 3's heading: the critical point nearby.
    lab_solve_heading,
    /// The button that runs Newton-MR to the critical point nearby.
    lab_solve,
    /// What Newton-MR does and when it stops.
    lab_solve_hint,
    /// Step 4's heading: pictures through θ.
    lab_slices_heading,
    /// The button that draws the slices.
    lab_slices,
    /// The slice on the plane of u_min and u_max, for screen readers.
    lab_eigen_slice_label,
    /// The slice on the plane of two random directions, for screen readers.
    lab_random_slice_label,
    /// The profile along u_min, for screen readers.
    lab_profile_label,
    /// What the two slices should show (Böttcher & Wheeler).
    lab_slices_hint,
    /// Step 5's heading: escape.
    lab_escape_heading,
    /// The button that steps along u_min.
    lab_escape,
    /// The button that goes back to the critical point.
    lab_restore,
    /// The lecture's step, and what to compare it with.
    lab_escape_hint,
    /// Step 6's heading: the experiment.
    lab_experiment_heading,
    /// What the experiment does and what each dot is.
    lab_experiment_hint,
    /// Beside the number of runs.
    lab_runs,
    /// The button that starts the experiment.
    lab_run_experiment,
    /// The button that starts the sweep over P.
    lab_run_sweep,
    /// The button that stops the experiment or the sweep.
    lab_cancel,
    /// The progress bar's name, for screen readers.
    lab_progress,
    /// The scatter's name, for screen readers.
    lab_scatter_label,
    /// The sweep chart's name, for screen readers.
    lab_sweep_label,
    /// What the sweep runs.
    lab_sweep_hint,
    /// The heading of the runs that reached no critical point.
    lab_not_converged,
    /// That list's column of how each run ended.
    lab_column_ended,
}

/// The page's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    /// English, `en`: the source every other language translates.
    English,
    /// Simplified Chinese, `zh`.
    Chinese,
}

impl Language {
    /// Every language the page speaks, in the language switch's order.
    pub const ALL: [Language; 2] = [Language::English, Language::Chinese];

    /// The code used in links (`lang=zh`).
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::Chinese => "zh",
        }
    }
}

/// The words for `language`.
pub fn strings(language: Language) -> &'static Strings {
    match language {
        Language::English => &en::STRINGS,
        Language::Chinese => &zh::STRINGS,
    }
}

/// The network lab's sentences for `language`: apart from [`Strings`], so the page, which never shows
/// them (the lab's panel is a wasm of its own), does not carry them.
pub fn lab_words(language: Language) -> &'static LabWords {
    match language {
        Language::English => &en::LAB,
        Language::Chinese => &zh::LAB,
    }
}

/// The language for a first visit, from `navigator.languages` in order of preference: the first tag
/// this page speaks wins (`zh`, `zh-CN`, `zh-Hans-CN`, `zh_TW` → Chinese; `en-GB` → English);
/// English if none is spoken.
pub fn browser_language(navigator_languages: &[&str]) -> Language {
    navigator_languages
        .iter()
        .find_map(|tag| {
            let primary = tag.split(['-', '_']).next().unwrap_or_default();
            Language::ALL
                .into_iter()
                .find(|language| primary.eq_ignore_ascii_case(language.code()))
        })
        .unwrap_or(Language::English)
}

/// A formula error in `language`, column included.
pub fn formula_error(language: Language, error: &FormulaError) -> String {
    (strings(language).formula_error)(error)
}

/// A continuum of critical points described in `language` (the command line's JSON uses English).
pub fn continuum(language: Language, continuum: &Continuum) -> String {
    (strings(language).continuum)(continuum)
}

impl Strings {
    /// `v` as [`numbers::readable`] writes it, with this language's word where there is no number (NaN, ±∞:
    /// the loss where a formula is undefined).
    pub fn number(&self, v: f64) -> String {
        if v.is_finite() {
            numbers::readable(v)
        } else {
            self.labels.undefined_value.to_string()
        }
    }

    /// The basin of `attractor` in the basin map's legend ([`Strings::basin`]); coordinates a rounding crumb
    /// away from 0 (Newton leaves 3e-24 where a coordinate is 0) are shown as 0.
    pub fn basin_label(&self, attractor: &Attractor, bounds: &Bounds) -> String {
        let crumb = 1e-9 * bounds.width().hypot(bounds.height());
        let at = attractor.at.map(|v| if v.abs() <= crumb { 0.0 } else { v });
        (self.basin)(
            self.point_kind(attractor.kind),
            attractor.continuum.is_some(),
            &self.point(at),
        )
    }

    /// What an escape step did to the loss: "Escaped: L 1 → 0.8165".
    pub fn escape_report(&self, before: f64, after: f64) -> String {
        format!(
            "{} {} → {}",
            self.labels.escaped,
            self.number(before),
            self.number(after)
        )
    }

    /// A point as "(x, y)", each coordinate as [`Strings::number`] writes it.
    pub fn point(&self, [x, y]: Point) -> String {
        format!("({}, {})", self.number(x), self.number(y))
    }

    /// The second-order test's verdict in this language.
    pub fn point_kind(&self, kind: PointKind) -> &'static str {
        (self.point_kind)(kind)
    }

    /// The inspector's verdict: the kind's words, except that a degenerate point with a clearly negative
    /// eigenvalue is said not to be a minimum (the second-order test does decide that much).
    pub fn point_verdict(&self, point: &PointAnalysis) -> &'static str {
        if point.kind == PointKind::Degenerate && point.not_a_minimum() == Some(true) {
            self.labels.degenerate_not_minimum
        } else {
            self.point_kind(point.kind)
        }
    }

    /// Where a run stands, in this language.
    pub fn run_status(&self, status: RunStatus) -> &'static str {
        (self.run_status)(status)
    }

    /// A run's status as the race table shows it: a run that could go on but waits for Play or Step is
    /// "ready" (no step yet) or "paused", not "running".
    pub fn race_status(&self, run: &Run, playing: bool) -> &'static str {
        match run.status() {
            RunStatus::Running if !playing && run.steps() == 0 => self.labels.run_ready,
            RunStatus::Running if !playing => self.labels.run_paused,
            status => self.run_status(status),
        }
    }

    /// An optimizer's name in this language.
    pub fn optimizer(&self, kind: OptimizerKind) -> &'static str {
        (self.optimizer)(kind)
    }

    /// A curvature class in this language.
    pub fn curvature(&self, class: CurvatureClass) -> &'static str {
        (self.curvature)(class)
    }

    /// The preset's words in this language, else in English (which every preset has: it is their source).
    pub fn preset(&self, name: &str) -> Option<PresetText> {
        (self.preset)(name).or_else(|| (en::STRINGS.preset)(name))
    }

    /// The map's whole note about a continuum: "Not marked: a curve of minima … (1, 1))."
    pub fn continuum_hint(&self, continuum: &Continuum) -> String {
        (self.continuum_hint)(&(self.continuum)(continuum))
    }
}
