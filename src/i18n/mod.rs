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
use crate::experiments::MinRatioRun;
use crate::formula::FormulaError;
use crate::lesson::StepId;
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
    /// The minimum-ratio panel's status line.
    pub min_ratio_status: fn(&MinRatioStatus) -> String,
    /// The title over a run's eigenvalue histogram; the run is numbered from 0.
    pub run_spectrum: fn(usize, &MinRatioRun) -> String,
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
    /// The minimum-ratio scatter's horizontal axis.
    pub training_loss_log: &'static str,
    /// The minimum-ratio scatter's vertical axis.
    pub minimum_ratio: &'static str,
    /// The eigenvalue histogram's horizontal axis.
    pub eigenvalue: &'static str,
    /// The eigenvalue histogram's vertical axis.
    pub count: &'static str,
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

/// Where the minimum-ratio experiment stands, as its status line tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MinRatioStatus {
    /// The experiment is under way.
    Running {
        /// P, the network's parameter count.
        params: usize,
        /// The hidden layer's width.
        hidden: usize,
        /// Runs asked for.
        runs: usize,
    },
    /// Stopped by the reader.
    Cancelled {
        /// Runs finished before the stop.
        runs_done: usize,
    },
    /// Every run finished.
    Done {
        /// Runs made.
        runs: usize,
        /// P, the network's parameter count.
        params: usize,
        /// The hidden layer's width.
        hidden: usize,
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
    /// The minimum-ratio panel's heading.
    min_ratio_title,
    /// What the minimum-ratio experiment does and what its ratio means.
    min_ratio_hint,
    /// Beside the network's parameter count P.
    min_ratio_params,
    /// Beside the number of runs.
    min_ratio_runs,
    /// Beside the experiment's seed.
    min_ratio_seed,
    /// The button that starts the experiment.
    min_ratio_run,
    /// The button that stops it.
    min_ratio_cancel,
    /// The progress bar's name, for screen readers.
    min_ratio_progress,
    /// The minimum-ratio scatter's name, for screen readers.
    min_ratio_chart_label,
    /// The eigenvalue histogram's name, for screen readers.
    eigen_histogram_label,
    /// Under the charts: how to pick a run, and why faint dots are doubtful.
    min_ratio_caveat,
    /// The minimum-ratio table's column of run numbers.
    column_run,
    /// The minimum-ratio table's column of ratios.
    column_min_ratio,
    /// The counts of positive, negative and ~0 eigenvalues.
    column_signs,
    /// The minimum-ratio table's column of ‖∇L‖ where each run ended.
    final_gradient_norm,
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
