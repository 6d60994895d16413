use super::lab::{LabSettings, LAB_NAME};
use super::notice::{IgnoredBecause, LinkNotice};
use super::percent::{decode_component, encode_component};
use super::{Scene, SurfaceChoice, ViewMode, FORMAT_VERSION, MAX_FRAGMENT_BYTES, MAX_STEPS};
use crate::bounds::Bounds;
use crate::data::MAX_POINTS;
use crate::formula::Formula;
use crate::i18n::Language;
use crate::lesson::step_by_slug;
use crate::optim::OptimizerKind;
use crate::render::{MapMode, Orientation};

/// A scene read from a link, and what in the link could not be used.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    /// The scene, with a default wherever the link said nothing usable.
    pub scene: Scene,
    /// One English sentence per problem, safe to show as text: what the command line prints.
    pub notices: Vec<String>,
    /// The same problems as data, in the same order, for the page to word in its reader's language.
    pub problems: Vec<LinkNotice>,
}

/// Coordinates beyond this are refused: a link is not the place for 1e300.
const MAX_COORDINATE: f64 = 1e12;
/// Angles beyond this many degrees are refused rather than wrapped (a turn is written within [0, 360)).
const MAX_TURN_DEGREES: f64 = 1e6;
/// Box widths outside this range are refused (the map cannot show them meaningfully).
const BOX_WIDTH_RANGE: std::ops::RangeInclusive<f64> = 1e-12..=1e12;
/// Most bytes a formula may take in a link as `encode` writes it, leaving ample room for every other key
/// (all of them together need under 400 bytes). Checked on the re-encoded text: a formula pasted raw
/// with spaces or `−` fits the 64 kB limit here but would triple when shared again, and the link this
/// page writes must open on this page.
const MAX_ENCODED_EXPR_BYTES: usize = MAX_FRAGMENT_BYTES - 1024;
/// Values that are cut short in a notice, so a hostile link cannot flood the page.
const SHOWN_VALUE_CHARS: usize = 40;

/// Reads a fragment (with or without `#`); never fails.
pub fn decode(fragment: &str) -> Decoded {
    let mut decoded = Decoded {
        scene: Scene::default(),
        notices: Vec::new(),
        problems: Vec::new(),
    };
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if fragment.len() > MAX_FRAGMENT_BYTES {
        decoded.notice(LinkNotice::TooLong {
            bytes: fragment.len(),
        });
        return decoded;
    }
    let mut expr_seen = false;
    let mut lab = LabSettings::default();
    let mut lab_open = false;
    let mut hidden_text = None;
    for pair in fragment.split('&').filter(|p| !p.is_empty()) {
        let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
        let (Some(key), Some(value)) = (decode_component(raw_key), decode_component(raw_value))
        else {
            decoded.notice(LinkNotice::NotText {
                part: shorten(pair),
            });
            continue;
        };
        match key.as_str() {
            "expr" => expr_seen |= decoded.read_expr(&value),
            "preset" if !expr_seen => decoded.read_preset(&value),
            "lab" if value == LAB_NAME => lab_open = true,
            "lab" => decoded.refuse("lab", &value, IgnoredBecause::Lab),
            _ => match lab.read(&key, &value) {
                Some(Ok(())) if key == "hidden" => hidden_text = Some(value),
                Some(Ok(())) => {}
                Some(Err(reason)) => decoded.refuse(&key, &value, reason),
                None => decoded.read_setting(&key, &value),
            },
        }
    }
    // Checked once every key is read: the parameter count depends on the task too.
    if !lab.fits() {
        let asked = hidden_text.unwrap_or_default();
        decoded.refuse("hidden", &asked, IgnoredBecause::Hidden);
        lab.hidden = LabSettings::default().hidden;
    }
    decoded.scene.lab = lab_open.then_some(lab);
    decoded
}

impl Decoded {
    fn notice(&mut self, problem: LinkNotice) {
        self.notices.push(problem.to_string());
        self.problems.push(problem);
    }

    fn refuse(&mut self, key: &str, value: &str, reason: IgnoredBecause) {
        self.notice(LinkNotice::Ignored {
            key: key.to_string(),
            value: shorten(value),
            reason,
        });
    }

    /// Returns whether the formula was taken (it then wins over any `preset`).
    fn read_expr(&mut self, value: &str) -> bool {
        if encode_component(value).len() > MAX_ENCODED_EXPR_BYTES {
            self.refuse("expr", value, IgnoredBecause::FormulaTooLongForLink);
            return false;
        }
        match Formula::parse(value) {
            Ok(formula) => {
                self.scene.surface = SurfaceChoice::Expr(formula);
                true
            }
            Err(error) => {
                self.refuse("expr", value, IgnoredBecause::Formula(error));
                false
            }
        }
    }

    /// Formula presets and dataset presets share the `preset` key: their names never clash.
    fn read_preset(&mut self, value: &str) {
        match SurfaceChoice::named(value) {
            Some(choice) => self.scene.surface = choice,
            None => self.refuse("preset", value, IgnoredBecause::UnknownPreset),
        }
    }

    fn read_setting(&mut self, key: &str, value: &str) {
        let scene = &mut self.scene;
        let outcome: Result<(), IgnoredBecause> = match key {
            "v" => match value.parse::<u32>() {
                Ok(FORMAT_VERSION) => Ok(()),
                _ => Err(IgnoredBecause::Version),
            },
            "box" => finite_list::<4>(value, MAX_COORDINATE)
                .and_then(|[a, b, c, d]| Bounds::new(a, b, c, d).ok())
                .filter(|b| {
                    BOX_WIDTH_RANGE.contains(&b.width()) && BOX_WIDTH_RANGE.contains(&b.height())
                })
                .map(|b| scene.bounds = Some(b))
                .ok_or(IgnoredBecause::Box),
            "pt" => finite_list::<2>(value, MAX_COORDINATE)
                .map(|p| scene.point = Some(p))
                .ok_or(IgnoredBecause::Point),
            "opt" => read_optimizers(value)
                .map(|kinds| scene.optimizers = kinds)
                .ok_or(IgnoredBecause::Optimizers),
            "lr" => finite(value)
                .filter(|lr| *lr > 0.0 && *lr <= 100.0)
                .map(|lr| scene.learning_rate = lr)
                .ok_or(IgnoredBecause::LearningRate),
            "beta" => finite(value)
                .filter(|b| (0.0..1.0).contains(b))
                .map(|b| scene.beta = b)
                .ok_or(IgnoredBecause::Beta),
            "steps" => value
                .parse::<usize>()
                .ok()
                .filter(|s| *s <= MAX_STEPS)
                .map(|s| scene.steps = s)
                .ok_or(IgnoredBecause::Steps),
            "view" => ViewMode::ALL
                .into_iter()
                .find(|v| v.name() == value)
                .map(|v| scene.view = v)
                .ok_or(IgnoredBecause::View),
            "turn" => finite_list::<2>(value, MAX_TURN_DEGREES)
                .map(|degrees| {
                    scene.turn = Some(Orientation::from_link_degrees(degrees).link_degrees())
                })
                .ok_or(IgnoredBecause::Turn),
            "map" => MapMode::ALL
                .into_iter()
                .find(|m| m.name() == value)
                .map(|m| scene.map = m)
                .ok_or(IgnoredBecause::MapMode),
            "lesson" => step_by_slug(value)
                .map(|(_, step)| scene.lesson = Some(step.id))
                .ok_or(IgnoredBecause::Lesson),
            "lang" => Language::ALL
                .into_iter()
                .find(|l| l.code() == value)
                .map(|l| scene.language = Some(l))
                .ok_or(IgnoredBecause::Language),
            "embed" => switch(value)
                .map(|on| scene.embed = on)
                .ok_or(IgnoredBecause::Embed),
            "present" => switch(value)
                .map(|on| scene.present = on)
                .ok_or(IgnoredBecause::Present),
            "batch" => value
                .parse::<usize>()
                .ok()
                .filter(|b| (1..=MAX_POINTS).contains(b))
                .map(|b| scene.batch = b)
                .ok_or(IgnoredBecause::Batch),
            "seed" => value
                .parse::<u64>()
                .map(|s| scene.seed = s)
                .map_err(|_| IgnoredBecause::Seed),
            // `preset` after an `expr`, and keys from later versions, are ignored on purpose.
            _ => Ok(()),
        };
        if let Err(reason) = outcome {
            self.refuse(key, value, reason);
        }
    }
}

/// An on/off key: `1` or `true`, `0` or `false`.
fn switch(value: &str) -> Option<bool> {
    match value {
        "1" | "true" => Some(true),
        "0" | "false" => Some(false),
        _ => None,
    }
}

fn finite(text: &str) -> Option<f64> {
    text.trim().parse::<f64>().ok().filter(|v| v.is_finite())
}

fn finite_list<const N: usize>(text: &str, limit: f64) -> Option<[f64; N]> {
    let values: Vec<f64> = text
        .split(',')
        .map(|part| finite(part).filter(|v| v.abs() <= limit))
        .collect::<Option<_>>()?;
    values.try_into().ok()
}

/// Known optimizer names, in order, without repeats; `None` if any name is unknown or none is given.
fn read_optimizers(text: &str) -> Option<Vec<OptimizerKind>> {
    let mut kinds = Vec::new();
    for name in text.split(',') {
        let kind = OptimizerKind::from_name(name.trim())?;
        if !kinds.contains(&kind) {
            kinds.push(kind);
        }
    }
    (!kinds.is_empty()).then_some(kinds)
}

/// A value as it may appear in a notice: at most a few dozen characters, no control characters.
fn shorten(value: &str) -> String {
    let mut shown: String = value
        .chars()
        .filter(|c| !c.is_control())
        .take(SHOWN_VALUE_CHARS)
        .collect();
    if value.chars().count() > SHOWN_VALUE_CHARS {
        shown.push('…');
    }
    shown
}
