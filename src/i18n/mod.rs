//! Every word the page shows, per language: one file per language, one [`Strings`] value in it.
//!
//! Fixed labels are fields of [`Labels`], so a language file that forgets one does not compile. Families
//! that follow a core enum (point kinds, run statuses, optimizers, curvature classes, lesson steps) and
//! messages with data in them (formula errors, link notices) are functions with an exhaustive `match`,
//! so a new variant is a compile error in every language until it is translated.
//!
//! Adding a language (say 繁體中文): a `Language` variant with its code, a file here defining its
//! `STRINGS`, and one arm in [`strings`].

mod en;
mod zh;

use crate::analysis::PointKind;
use crate::formula::FormulaError;
use crate::lesson::StepId;
use crate::optim::{OptimizerKind, RunStatus};
use crate::render::CurvatureClass;
use crate::share::{Language, LinkNotice};

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
    /// The whole message, column included ("column 5: …").
    pub formula_error: fn(&FormulaError) -> String,
    pub link_notice: fn(&LinkNotice) -> String,
}

/// A lesson step's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LessonText {
    pub title: &'static str,
    /// Two to four sentences.
    pub body: &'static str,
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

            /// The label whose field is called `key`.
            pub fn get(&self, key: &str) -> Option<&'static str> {
                match key {
                    $(stringify!($name) => Some(self.$name),)*
                    _ => None,
                }
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
    /// The continuum hint's lead-in: "Not marked:".
    not_marked,
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
    keys_hint,
    column_optimizer,
    column_status,
    column_step,
    column_loss,
    point_title,
    point_empty,
    hessian_caption,
    eigen_caption,
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
    lesson_title,
    lesson_open,
    lesson_close,
    lesson_previous,
    lesson_next,
    lesson_open_link,
    lesson_open_compare,
    min_ratio_title,
    min_ratio_hint,
    min_ratio_params,
    min_ratio_runs,
    min_ratio_seed,
    min_ratio_run,
    min_ratio_cancel,
    min_ratio_done,
    axis_training_loss,
    axis_minimum_ratio,
    final_gradient_norm,
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

/// A link notice in `language`.
pub fn link_notice(language: Language, notice: &LinkNotice) -> String {
    (strings(language).link_notice)(notice)
}

impl Strings {
    pub fn point_kind(&self, kind: PointKind) -> &'static str {
        (self.point_kind)(kind)
    }

    pub fn run_status(&self, status: RunStatus) -> &'static str {
        (self.run_status)(status)
    }

    pub fn optimizer(&self, kind: OptimizerKind) -> &'static str {
        (self.optimizer)(kind)
    }

    pub fn curvature(&self, class: CurvatureClass) -> &'static str {
        (self.curvature)(class)
    }
}
