use crate::bounds::Bounds;
use crate::lesson::StepId;
use crate::optim::{Hyperparameters, OptimizerKind};
use crate::surface::Point;

/// Which loss surface the scene shows.
#[derive(Debug, Clone, PartialEq)]
pub enum SurfaceChoice {
    /// A name from `presets::PRESETS` or `data::DATASET_PRESETS`.
    Preset(String),
    /// A formula a person typed (already checked to parse).
    Expr(String),
}

/// Which plots are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViewMode {
    Map,
    ThreeD,
    Both,
}

impl ViewMode {
    pub const ALL: [ViewMode; 3] = [ViewMode::Map, ViewMode::ThreeD, ViewMode::Both];

    pub fn name(self) -> &'static str {
        match self {
            ViewMode::Map => "map",
            ViewMode::ThreeD => "3d",
            ViewMode::Both => "both",
        }
    }
}

/// What the map's colours show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MapMode {
    /// The loss L as a heat map.
    Loss,
    /// The curvature class of the Hessian at each cell (bowl, cap, saddle…).
    Curvature,
    /// Each start coloured by where the race's first optimizer ends from it: its basin of attraction
    /// ([`crate::optim::Basins`]).
    Basins,
}

impl MapMode {
    pub const ALL: [MapMode; 3] = [MapMode::Loss, MapMode::Curvature, MapMode::Basins];

    /// The name used in links (`map=curvature`).
    pub fn name(self) -> &'static str {
        match self {
            MapMode::Loss => "loss",
            MapMode::Curvature => "curvature",
            MapMode::Basins => "basins",
        }
    }
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

/// Everything needed to reopen exactly what someone shared.
#[derive(Debug, Clone, PartialEq)]
pub struct Scene {
    pub surface: SurfaceChoice,
    /// `None`: the preset's own box (or the default box for a formula).
    pub bounds: Option<Bounds>,
    /// The dropped point, if any.
    pub point: Option<Point>,
    pub optimizers: Vec<OptimizerKind>,
    pub learning_rate: f64,
    pub beta: f64,
    /// SGD's mini-batch size B (used on dataset presets).
    pub batch: usize,
    /// SGD's batch-sampler seed, so a shared race replays exactly.
    pub seed: u64,
    /// Race steps to replay on load.
    pub steps: usize,
    pub view: ViewMode,
    /// How the 3-D view is turned, as [`crate::charts::Orientation::link_degrees`] writes it; `None`: the
    /// default view.
    pub turn: Option<[f64; 2]>,
    pub map: MapMode,
    /// The guided-lesson step the page shows beside the scene, if any.
    pub lesson: Option<StepId>,
    /// `None`: follow the browser's language.
    pub language: Option<Language>,
    /// Only the map and race controls, for an `<iframe>` in lecture notes.
    pub embed: bool,
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
            surface: SurfaceChoice::Preset("lecture".into()),
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
        }
    }
}
