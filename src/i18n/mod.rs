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

use crate::analysis::{Attractor, Continuum, PointAnalysis, PointKind};
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
    pub labels: Labels,
    pub point_kind: fn(PointKind) -> &'static str,
    /// The map legend's short name for a marked critical point (`None`: the map does not mark it).
    pub marked_kind: fn(PointKind) -> Option<&'static str>,
    pub run_status: fn(RunStatus) -> &'static str,
    pub optimizer: fn(OptimizerKind) -> &'static str,
    pub curvature: fn(CurvatureClass) -> &'static str,
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
    pub reasons: ReasonWords,
}

/// Why one value of a link was not used: one entry per `share::IgnoredBecause`.
#[derive(Debug, Clone, Copy)]
pub struct ReasonWords {
    /// Around the formula error's own words (column included).
    pub formula: fn(&str) -> String,
    pub formula_too_long_for_link: &'static str,
    pub unknown_preset: &'static str,
    pub version: &'static str,
    pub bounds: &'static str,
    pub point: &'static str,
    pub optimizers: &'static str,
    pub learning_rate: &'static str,
    pub beta: &'static str,
    /// Steps must be a whole number up to this many.
    pub steps: fn(usize) -> String,
    pub view: &'static str,
    pub turn: &'static str,
    pub map_mode: &'static str,
    pub lesson: &'static str,
    pub language: &'static str,
    pub embed: &'static str,
    /// The batch must be a whole number from 1 to this many.
    pub batch: fn(usize) -> String,
    pub seed: &'static str,
    /// The network lab's keys.
    pub lab: &'static str,
    pub task: &'static str,
    pub noise: &'static str,
    /// One or two widths from 1 to the first number, at most the second number of parameters.
    pub hidden: fn(usize, usize) -> String,
    pub lab_optimizer: &'static str,
    pub lab_learning_rate: fn(f64) -> String,
    pub lab_batch: fn(usize) -> String,
    pub lab_runs: fn(usize) -> String,
}

/// A lesson step's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LessonText {
    pub title: &'static str,
    /// Two to four sentences.
    pub body: &'static str,
}

/// A preset's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PresetText {
    pub title: &'static str,
    /// One sentence (the data-defined preset: a few): what the surface teaches.
    pub description: &'static str,
}

/// Axis titles the core's charts draw, passed in so a chart speaks the reader's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChartWords {
    /// The loss chart's horizontal axis.
    pub step: &'static str,
    /// The loss chart's vertical axis: linear, log and log of L − L_min + ε (when some L ≤ 0).
    pub loss: &'static str,
    pub loss_log: &'static str,
    pub loss_shifted_log: &'static str,
    /// The experiment's scatter: training loss against minimum ratio.
    pub training_loss_log: &'static str,
    pub minimum_ratio: &'static str,
    /// The sweep's axes: P, and saddles ÷ critical points.
    pub parameter_count_log: &'static str,
    pub saddle_share: &'static str,
    /// The spectrum's axes: eigenvalues by rank, on a signed log scale; its legend: the test's verdicts.
    pub eigenvalue_rank: &'static str,
    pub eigenvalue_signed_log: &'static str,
    pub negative: &'static str,
    pub positive: &'static str,
    pub undetermined: &'static str,
    /// The regression's axes.
    pub input_x: &'static str,
    pub target: &'static str,
    /// The slices' axes: along u_min and u_max, and along two random directions; the profile's t.
    pub eigen_plane_x: &'static str,
    pub eigen_plane_y: &'static str,
    pub random_plane_x: &'static str,
    pub random_plane_y: &'static str,
    pub profile_t: &'static str,
    /// The map's axes and its colour bar.
    pub map_x: &'static str,
    pub map_y: &'static str,
    pub colour_bar: &'static str,
    /// The slice chart's horizontal axis: t in θ′ + t·d.
    pub slice_t: &'static str,
    /// The slice chart's legend: L along the line, and its dashed second-order model.
    pub slice_curve: &'static str,
    pub slice_model: &'static str,
    /// The slice's test loss, on a loss with a test set.
    pub slice_test: &'static str,
    /// The slice chart's title, with `{d}` for the direction, `{c}` for dᵀHd and `{bend}` for one of the
    /// three words after it.
    pub slice_title: &'static str,
    pub bends_up: &'static str,
    pub bends_down: &'static str,
    pub bends_flat: &'static str,
    /// The basin map's legend: runs that diverged, runs still moving after the step limit, and an
    /// attractor that is a whole curve of critical points rather than one point.
    pub basin_diverged: &'static str,
    pub basin_still_moving: &'static str,
    pub basin_curve: &'static str,
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
    /// The loss chart's curves, and its marks where θ jumped.
    pub train_loss: &'static str,
    pub test_loss: &'static str,
    pub mark_critical: &'static str,
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
    Running {
        done: usize,
        total: usize,
        workers: usize,
    },
    Cancelled {
        done: usize,
        total: usize,
    },
    Done {
        runs: usize,
        /// Runs whose solve reached a critical point, and what they reached.
        converged: usize,
        saddles: usize,
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
    view_label,
    view_map,
    view_3d,
    view_both,
    copy_link,
    save_png,
    share_link_label,
    link_copied,
    copy_by_hand,
    notices_label,
    crash_title,
    crash_reset,
    surface_label,
    own_formula,
    formula_label,
    map_hint,
    reset_view,
    /// The notice for a formula too long to draw at full detail (the page cuts the map's grid, the
    /// critical-point search and the 3-D view).
    long_formula,
    race_title,
    learning_rate_label,
    beta_label,
    speed_label,
    /// The batch-size slider (SGD on a dataset).
    batch_label,
    seed_label,
    play,
    pause,
    step,
    reset,
    /// A run's status in the race table before its first step, and when the race is paused.
    run_ready,
    run_paused,
    keys_hint,
    column_optimizer,
    column_step,
    column_loss,
    point_title,
    point_empty,
    hessian_caption,
    eigen_caption,
    /// The inspector's verdict on a degenerate point with a clearly negative eigenvalue: not a minimum.
    degenerate_not_minimum,
    taylor_toggle,
    taylor_hint,
    escape_button,
    /// Before "L before → L after".
    escaped,
    rotate_hint,
    map_label,
    surface3d_label,
    loss_chart_label,
    curvature_toggle,
    curvature_legend_title,
    curvature_shading_hint,
    /// The map's third colouring: where the first racer ends from each start.
    basins_toggle,
    basins_legend_title,
    /// Under the basin map: how it is made and what a click does.
    basins_hint,
    /// The progress bar's name while the worker maps the basins.
    basins_mapping,
    /// The inspector's 1-D slice through θ′.
    slice_heading,
    slice_chart_label,
    slice_direction,
    slice_presets,
    slice_hint,
    lesson_title,
    lesson_open,
    lesson_close,
    lesson_previous,
    lesson_next,
    lesson_open_link,
    lesson_open_compare,
    /// A number that is not one (NaN, ±∞), e.g. the loss where the formula is undefined.
    undefined_value,
    /// The preset menu's group of losses defined by a training set.
    data_presets_group,
    /// Under the batch-size and seed controls: what B means.
    batch_hint,
    race_label,
    plots_label,
    inspector_label,
    column_run,
    /// The network lab.
    lab_title,
    lab_intro,
    lab_task,
    lab_noise,
    lab_width1,
    /// The second hidden layer's width; 0 removes the layer.
    lab_width2,
    lab_optimizer,
    lab_seed,
    lab_new_start,
    lab_train_heading,
    lab_loss_chart_label,
    lab_data_chart_label,
    /// Under the decision map, and under the regression's fit.
    lab_data_hint,
    lab_fit_hint,
    lab_inspect_heading,
    lab_inspect,
    lab_spectrum_label,
    /// The rule for undetermined eigenvalues, and the minimum ratio's definition.
    lab_rule,
    lab_ratio_hint,
    lab_solve_heading,
    lab_solve,
    lab_solve_hint,
    lab_slices_heading,
    lab_slices,
    lab_eigen_slice_label,
    lab_random_slice_label,
    lab_profile_label,
    /// What the two slices should show (Böttcher & Wheeler).
    lab_slices_hint,
    lab_escape_heading,
    lab_escape,
    lab_restore,
    lab_escape_hint,
    lab_experiment_heading,
    lab_experiment_hint,
    lab_runs,
    lab_run_experiment,
    lab_run_sweep,
    lab_cancel,
    lab_progress,
    lab_scatter_label,
    lab_sweep_label,
    lab_sweep_hint,
    /// The list of runs that reached no critical point.
    lab_not_converged,
    lab_column_ended,
}

/// The page's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    English,
    Chinese,
}

impl Language {
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

    pub fn optimizer(&self, kind: OptimizerKind) -> &'static str {
        (self.optimizer)(kind)
    }

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
