use std::fmt;

use super::MAX_STEPS;
use crate::data::MAX_POINTS;
use crate::formula::FormulaError;

/// One problem found in a link, as data: `Display` gives the English sentence, `i18n::link_notice` the
/// reader's language. Every piece of the link it quotes is already shortened and free of control characters.
#[derive(Debug, Clone, PartialEq)]
pub enum LinkNotice {
    /// The fragment is longer than [`MAX_FRAGMENT_BYTES`](super::MAX_FRAGMENT_BYTES); nothing was read.
    TooLong { bytes: usize },
    /// A `key=value` pair whose percent-escapes do not decode to text.
    NotText { part: String },
    /// A value that could not be used; its key keeps the default.
    Ignored {
        key: String,
        value: String,
        reason: IgnoredBecause,
    },
}

/// Why a value in a link was not used.
#[derive(Debug, Clone, PartialEq)]
pub enum IgnoredBecause {
    Formula(FormulaError),
    /// The formula would not fit in a link this page writes.
    FormulaTooLongForLink,
    UnknownPreset,
    Version,
    Box,
    Point,
    Optimizers,
    LearningRate,
    Beta,
    Steps,
    View,
    Turn,
    MapMode,
    Lesson,
    Language,
    Embed,
    Batch,
    Seed,
}

impl fmt::Display for LinkNotice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkNotice::TooLong { bytes } => write!(
                f,
                "The link is too long ({bytes} bytes); showing the default scene."
            ),
            LinkNotice::NotText { part } => write!(
                f,
                "Part of the link is not valid text ({part}); it was ignored."
            ),
            LinkNotice::Ignored { key, value, reason } => {
                write!(f, "Ignored {key}={value} in the link: {reason}.")
            }
        }
    }
}

impl fmt::Display for IgnoredBecause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use IgnoredBecause::*;
        let text = match self {
            Formula(error) => return write!(f, "the formula has an error at {error}"),
            Steps => return write!(f, "steps must be a whole number up to {MAX_STEPS}"),
            Batch => return write!(f, "batch must be a whole number from 1 to {MAX_POINTS}"),
            FormulaTooLongForLink => "the formula is too long for a link",
            UnknownPreset => "there is no preset of that name",
            Version => "this page reads version 1 links; the rest is read as version 1",
            Box => "expected xmin,xmax,ymin,ymax with xmin < xmax and ymin < ymax",
            Point => "expected two finite numbers x,y",
            Optimizers => "expected optimizer names such as gd,momentum",
            LearningRate => "the learning rate must be a number in (0, 100]",
            Beta => "beta must be a number in [0, 1)",
            View => "view must be map, 3d or both",
            Turn => "turn must be two angles in degrees, yaw,pitch",
            MapMode => "map must be loss, curvature or basins",
            Lesson => "there is no lesson step of that name",
            Language => "lang must be en or zh",
            Embed => "embed must be 1 or 0",
            Seed => "seed must be a whole number from 0 to 18446744073709551615",
        };
        f.write_str(text)
    }
}
