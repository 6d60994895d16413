use super::LabSettings;
use crate::bounds::Bounds;
use crate::data::{dataset_preset, DatasetPreset};
use crate::formula::Formula;
use crate::i18n::Language;
use crate::lesson::StepId;
use crate::optim::{Hyperparameters, OptimizerKind};
use crate::presets::{preset, Preset, PRESETS};
use crate::render::MapMode;
use crate::surface::Point;

/// Which loss surface the scene shows; a link decodes to one that exists and parses.
#[derive(Debug, Clone, PartialEq)]
pub enum SurfaceChoice {
    /// A formula preset.
    Preset(&'static Preset),
    /// A loss defined by a training set.
    Dataset(&'static DatasetPreset),
    /// A formula a person typed.
    Expr(Formula),
}

impl SurfaceChoice {
    /// The lecture's one-neuron network: the default scene's surface.
    pub fn lecture() -> SurfaceChoice {
        SurfaceChoice::Preset(&PRESETS[0])
    }

    /// The formula preset or dataset preset with this name (their names never clash).
    pub fn named(name: &str) -> Option<SurfaceChoice> {
        preset(name)
            .map(SurfaceChoice::Preset)
            .or_else(|| dataset_preset(name).map(SurfaceChoice::Dataset))
    }

    /// What a link writes for it: `("preset", name)` or `("expr", formula)`.
    pub fn link_pair(&self) -> (&'static str, &str) {
        match self {
            SurfaceChoice::Preset(preset) => ("preset", preset.name),
            SurfaceChoice::Dataset(preset) => ("preset", preset.name),
            SurfaceChoice::Expr(formula) => ("expr", formula.source()),
        }
    }
}

/// Which plots are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViewMode {
    /// The 2-D map alone.
    Map,
    /// The 3-D surface alone.
    ThreeD,
    /// The map and the 3-D surface side by side.
    Both,
}

impl ViewMode {
    /// Every view: a link's `view=` is looked up among their [`name`](Self::name)s.
    pub const ALL: [ViewMode; 3] = [ViewMode::Map, ViewMode::ThreeD, ViewMode::Both];

    /// The name a link writes: `map`, `3d` or `both`.
    pub fn name(self) -> &'static str {
        match self {
            ViewMode::Map => "map",
            ViewMode::ThreeD => "3d",
            ViewMode::Both => "both",
        }
    }
}

/// Everything needed to reopen exactly what someone shared.
#[derive(Debug, Clone, PartialEq)]
pub struct Scene {
    /// The loss surface; the lecture's by default.
    pub surface: SurfaceChoice,
    /// `None`: the preset's own box (or the default box for a formula).
    pub bounds: Option<Bounds>,
    /// The dropped point, if any.
    pub point: Option<Point>,
    /// The optimizers raced, each once, in the link's order; gradient descent and momentum by default.
    pub optimizers: Vec<OptimizerKind>,
    /// η, in (0, 100] when read from a link.
    pub learning_rate: f64,
    /// β, in [0, 1) when read from a link.
    pub beta: f64,
    /// SGD's mini-batch size B (used on dataset presets).
    pub batch: usize,
    /// SGD's batch-sampler seed, so a shared race replays exactly.
    pub seed: u64,
    /// Race steps to replay on load.
    pub steps: usize,
    /// Which plots are shown.
    pub view: ViewMode,
    /// How the 3-D view is turned, as [`crate::render::Orientation::link_degrees`] writes it; `None`: the
    /// default view.
    pub turn: Option<[f64; 2]>,
    /// What the map's colours show.
    pub map: MapMode,
    /// The guided-lesson step the page shows beside the scene, if any.
    pub lesson: Option<StepId>,
    /// `None`: follow the browser's language.
    pub language: Option<Language>,
    /// Only the map and race controls, for an `<iframe>` in lecture notes.
    pub embed: bool,
    /// Presentation mode: the map large beside the verdict and the race, in type a class reads from the back.
    pub present: bool,
    /// The network lab, open with these settings (`lab=network`), or closed.
    pub lab: Option<LabSettings>,
}

impl Scene {
    /// The optimizers' knobs as the link sets them.
    pub fn hyperparameters(&self) -> Hyperparameters {
        Hyperparameters {
            learning_rate: self.learning_rate,
            beta: self.beta,
            batch: self.batch,
            seed: self.seed,
        }
    }
}

impl Default for Scene {
    fn default() -> Scene {
        let hyper = Hyperparameters::default();
        Scene {
            surface: SurfaceChoice::lecture(),
            bounds: None,
            point: None,
            optimizers: vec![OptimizerKind::Gd, OptimizerKind::Momentum],
            learning_rate: hyper.learning_rate,
            beta: hyper.beta,
            batch: hyper.batch,
            seed: hyper.seed,
            steps: 0,
            view: ViewMode::Both,
            turn: None,
            map: MapMode::Loss,
            lesson: None,
            language: None,
            embed: false,
            present: false,
            lab: None,
        }
    }
}
