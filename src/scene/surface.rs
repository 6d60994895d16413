//! A scene's surface with what comes with it: the box "Reset view" returns to and where a race starts when
//! no point is dropped.

use super::Loss;
use crate::bounds::Bounds;
use crate::i18n::Strings;
use crate::render::is_long;
use crate::share::SurfaceChoice;
use crate::surface::Point;

/// The surface a scene shows.
#[derive(Debug, Clone)]
pub struct SceneSurface {
    /// What was chosen (a preset, a dataset or a typed formula): the link writes it back, and what only a
    /// dataset has asks it.
    pub choice: SurfaceChoice,
    /// L itself, ready to evaluate.
    pub loss: Loss,
    /// The box "Reset view" returns to.
    pub home: Bounds,
    /// Where the race starts when no point is dropped.
    pub start: Point,
}

impl SceneSurface {
    /// The surface `choice` names, with its preset's box and start; a typed formula gets the lecture's.
    pub fn of(choice: SurfaceChoice) -> SceneSurface {
        let (loss, home, start) = match &choice {
            SurfaceChoice::Preset(preset) => (
                Loss::Formula(preset.formula()),
                preset.bounds(),
                preset.start,
            ),
            SurfaceChoice::Dataset(preset) => {
                (Loss::Data(preset.surface()), preset.bounds, preset.start)
            }
            SurfaceChoice::Expr(formula) => {
                let lecture = SceneSurface::of(SurfaceChoice::lecture());
                (Loss::Formula(formula.clone()), lecture.home, lecture.start)
            }
        };
        SceneSurface {
            choice,
            loss,
            home,
            start,
        }
    }

    /// The preset or dataset preset called `name`.
    pub fn named(name: &str) -> Option<SceneSurface> {
        SurfaceChoice::named(name).map(SceneSurface::of)
    }

    /// How a legend or heading names the surface: the preset's title in `words`' language, or the formula.
    pub fn caption(&self, words: &Strings) -> String {
        let (key, value) = self.choice.link_pair();
        match (key, words.preset(value)) {
            ("preset", Some(text)) => text.title.to_string(),
            _ => format!("L = {value}"),
        }
    }

    /// A formula too long to sample in full, search for critical points or mesh in 3-D within a frame's
    /// budget ([`is_long`]).
    pub fn is_long(&self) -> bool {
        self.loss.formula().is_some_and(is_long)
    }
}
