use std::fmt;

use super::{MAX_LAB_LEARNING_RATE, MAX_LAB_RUNS, MAX_STEPS, MAX_WIDTH};
use crate::data::MAX_POINTS;
use crate::formula::FormulaError;
use crate::i18n::{strings, Language, Strings};
use crate::network::MAX_PARAMS;

/// One problem found in a link, as data: [`LinkNotice::worded`] says it in the reader's language, `Display`
/// in English. Every piece of the link it quotes is already shortened and free of control characters.
#[derive(Debug, Clone, PartialEq)]
pub enum LinkNotice {
    /// The fragment is longer than [`MAX_FRAGMENT_BYTES`](super::MAX_FRAGMENT_BYTES); nothing was read.
    TooLong {
        /// The fragment's length in bytes.
        bytes: usize,
    },
    /// A `key=value` pair whose percent-escapes do not decode to text.
    NotText {
        /// The pair as it stands in the link, shortened.
        part: String,
    },
    /// A value that could not be used; its key keeps the default.
    Ignored {
        /// The key, such as `lr`.
        key: String,
        /// Its value as decoded, shortened.
        value: String,
        /// What is wrong with it.
        reason: IgnoredBecause,
    },
}

/// Why a value in a link was not used.
#[derive(Debug, Clone, PartialEq)]
pub enum IgnoredBecause {
    /// `expr` does not parse; the error says where and why.
    Formula(FormulaError),
    /// The formula would not fit in a link this page writes.
    FormulaTooLongForLink,
    /// `preset` names neither a formula preset nor a dataset preset.
    UnknownPreset,
    /// `v` is not the [`FORMAT_VERSION`](super::FORMAT_VERSION) this build reads.
    Version,
    /// `box` is not four finite numbers making a box of usable size.
    Box,
    /// `pt` is not two finite numbers of usable size.
    Point,
    /// `opt` is not a list of known optimizer names.
    Optimizers,
    /// `lr` is not a number in (0, 100].
    LearningRate,
    /// `beta` is not a number in [0, 1).
    Beta,
    /// `steps` is not a whole number up to [`MAX_STEPS`].
    Steps,
    /// `view` is not `map`, `3d` or `both`.
    View,
    /// `turn` is not two finite angles in degrees.
    Turn,
    /// `map` is not `loss`, `curvature` or `basins`.
    MapMode,
    /// `lesson` names no lesson step.
    Lesson,
    /// `lang` is not a language the page speaks.
    Language,
    /// `embed` is not `1` or `0` (nor `true` or `false`).
    Embed,
    /// `present` is not `1` or `0` (nor `true` or `false`).
    Present,
    /// `batch` is not a whole number from 1 to [`MAX_POINTS`].
    Batch,
    /// `seed` is not a whole number that fits in 64 bits.
    Seed,
    /// `lab=` names a lab this page does not have.
    Lab,
    /// `task` names no task.
    Task,
    /// `noise` is not a number in [0, 1].
    Noise,
    /// Not one or two widths, or a network over the parameter limit.
    Hidden,
    /// `lab-opt` names no update rule the lab has.
    LabOptimizer,
    /// `lab-lr` is not a number above 0 and at most [`MAX_LAB_LEARNING_RATE`].
    LabLearningRate,
    /// `lab-batch` is not a whole number from 1 to the training examples.
    LabBatch,
    /// `lab-runs` is not a whole number from 1 to [`MAX_LAB_RUNS`].
    LabRuns,
}

impl LinkNotice {
    /// The sentence for this problem in `words`' language.
    pub fn worded(&self, words: &Strings) -> String {
        let notices = &words.link_notices;
        match self {
            LinkNotice::TooLong { bytes } => (notices.too_long)(*bytes),
            LinkNotice::NotText { part } => (notices.not_text)(part),
            LinkNotice::Ignored { key, value, reason } => {
                (notices.ignored)(key, value, &reason.worded(words))
            }
        }
    }
}

impl IgnoredBecause {
    /// Why the value was not used, in `words`' language.
    pub fn worded(&self, words: &Strings) -> String {
        use IgnoredBecause::*;
        let reasons = &words.link_notices.reasons;
        let text = match self {
            Formula(error) => return (reasons.formula)(&(words.formula_error)(error)),
            Steps => return (reasons.steps)(MAX_STEPS),
            Batch => return (reasons.batch)(MAX_POINTS),
            Hidden => return (reasons.hidden)(MAX_WIDTH, MAX_PARAMS),
            LabLearningRate => return (reasons.lab_learning_rate)(MAX_LAB_LEARNING_RATE),
            LabBatch => return (reasons.lab_batch)(super::lab::largest_batch()),
            LabRuns => return (reasons.lab_runs)(MAX_LAB_RUNS),
            FormulaTooLongForLink => reasons.formula_too_long_for_link,
            UnknownPreset => reasons.unknown_preset,
            Version => reasons.version,
            Box => reasons.bounds,
            Point => reasons.point,
            Optimizers => reasons.optimizers,
            LearningRate => reasons.learning_rate,
            Beta => reasons.beta,
            View => reasons.view,
            Turn => reasons.turn,
            MapMode => reasons.map_mode,
            Lesson => reasons.lesson,
            Language => reasons.language,
            Embed => reasons.embed,
            Present => reasons.present,
            Seed => reasons.seed,
            Lab => reasons.lab,
            Task => reasons.task,
            Noise => reasons.noise,
            LabOptimizer => reasons.lab_optimizer,
        };
        text.to_string()
    }
}

/// The English sentence: what the command line prints.
impl fmt::Display for LinkNotice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.worded(strings(Language::English)))
    }
}
