//! The one way from a decoded share link to what is drawn: the surface, the box, θ′ analyzed, the race
//! replayed, the critical points and the gradient cloud. The page, `saddle render` and the tests all call
//! these functions, so a figure and the page opened at the same link show the same things.
//!
//! A link arrives already validated (`share::decode` turns every value it cannot use into a notice and keeps
//! the default), so nothing here can fail or needs a fallback.

mod figure;
mod loss;
mod summary;
mod surface;

pub use figure::{figure_scene, DEFAULT_FIGURE_STEPS};
pub use loss::Loss;
pub use summary::Summary;
pub use surface::SceneSurface;

use crate::analysis::{
    analyze, find_critical_points, slice, CriticalPoints, PointAnalysis, Slice, SliceDirection,
};
use crate::bounds::Bounds;
use crate::charts::GradientCloud;
use crate::data::{gradient_cloud, TrainingData, TrainingLoss};
use crate::optim::{BasinsConfig, Hyperparameters, OptimizerKind, Race};
use crate::share::{Scene, SurfaceChoice};
use crate::surface::{LossSurface, Point};

/// Cells per side of a basin map: fine enough for a slide, quick enough to fill in a worker.
pub const BASIN_GRID: usize = 128;
/// Steps each start of a basin map runs at most before it counts as still moving.
pub const BASIN_STEPS: usize = 300;

/// Mini-batch gradients drawn in the cloud at θ′: enough to show its spread, few enough to redraw every frame.
pub const CLOUD_SAMPLES: usize = 40;

/// What a link's scene shows, made ready to draw.
#[derive(Debug, Clone)]
pub struct Resolved {
    /// The link's surface with its home box and start.
    pub surface: SceneSurface,
    /// The box on the map: the link's, else the surface's home box.
    pub bounds: Bounds,
    /// θ′, analyzed.
    pub point: Option<PointAnalysis>,
    /// The link's optimizers from θ′ (else the surface's start), replayed to the link's step.
    pub race: Race,
}

/// Resolves a decoded scene: its surface, box and point, and its race replayed `scene.steps` steps.
pub fn resolve(scene: &Scene) -> Resolved {
    let surface = SceneSurface::of(scene.surface.clone());
    let bounds = scene.bounds.unwrap_or(surface.home);
    let point = scene.point.map(|at| analyze(&surface.loss, at));
    let start = scene.point.unwrap_or(surface.start);
    let mut race = Race::new(scene.optimizers.clone(), scene.hyperparameters(), start);
    race.replay(&surface.loss, scene.steps);
    Resolved {
        surface,
        bounds,
        point,
        race,
    }
}

/// The basin map of a scene's `map=basins`: its first optimizer (gradient descent if none) with its
/// hyperparameters, over `bounds`, on a [`BASIN_GRID`]² grid, each start run at most [`BASIN_STEPS`] steps.
/// (Not the race's own step count: the map must not change while the race plays.)
pub fn basins_config(scene: &Scene, bounds: Bounds) -> BasinsConfig {
    BasinsConfig {
        optimizer: scene
            .optimizers
            .first()
            .copied()
            .unwrap_or(OptimizerKind::Gd),
        hyper: scene.hyperparameters(),
        steps: BASIN_STEPS,
        grid: BASIN_GRID,
        bounds,
    }
}

/// SGD's batch sizes the escape times compare (the full batch is added).
pub const ESCAPE_BATCHES: [usize; 3] = [1, 4, 16];
/// Seeds each batch size's escape is measured with: its median over them is shown.
pub const ESCAPE_SEEDS: u64 = 9;
/// Steps a run has to get below the level before it counts as not having escaped.
pub const ESCAPE_STEPS: usize = 2000;

/// How the escape times from a scene's θ′ are measured: steps until L falls below half its value at the
/// lecture's saddle (the origin), for full-batch descent and SGD at [`ESCAPE_BATCHES`] and the full batch.
#[derive(Debug, Clone, PartialEq)]
pub struct EscapePlan {
    /// Where every run starts: θ′, else the preset's start.
    pub start: Point,
    /// η, the scene's.
    pub learning_rate: f64,
    /// SGD's batch sizes: [`ESCAPE_BATCHES`], then N.
    pub batches: Vec<usize>,
    /// The sampler seeds each batch size runs with, 0 to [`ESCAPE_SEEDS`] − 1.
    pub seeds: Vec<u64>,
    /// The loss a run must fall below to have escaped: half of L at the origin.
    pub level: f64,
    /// Steps a run has at most, [`ESCAPE_STEPS`].
    pub max_steps: usize,
}

/// The escape-time measurement for `scene` on the lecture's network on data (where the saddle is the
/// origin); `None` on any other surface.
pub fn escape_plan(surface: &SceneSurface, scene: &Scene) -> Option<EscapePlan> {
    let SurfaceChoice::Dataset(preset) = &surface.choice else {
        return None;
    };
    let TrainingData::Network { .. } = preset.data else {
        return None;
    };
    let examples = surface.loss.training_examples();
    Some(EscapePlan {
        start: scene.point.unwrap_or(surface.start),
        learning_rate: scene.learning_rate,
        batches: ESCAPE_BATCHES.into_iter().chain([examples]).collect(),
        seeds: (0..ESCAPE_SEEDS).collect(),
        level: 0.5 * surface.loss.value([0.0, 0.0]),
        max_steps: ESCAPE_STEPS,
    })
}

/// Samples along the inspector's slice through θ′.
pub const SLICE_SAMPLES: usize = 161;
/// The slice's half-length, as a fraction of the box's shorter side: local enough for the second-order model
/// to be worth comparing, long enough to see it part from L.
pub const SLICE_REACH: f64 = 0.35;

/// The slice of L through θ′ along `direction`, over ±[`SLICE_REACH`] of the box's shorter side, with the
/// test loss beside it where the loss has a test set; `None` where L is undefined at θ′.
pub fn point_slice(
    surface: &SceneSurface,
    bounds: &Bounds,
    point: &PointAnalysis,
    direction: SliceDirection,
) -> Option<Slice> {
    let reach = SLICE_REACH * bounds.width().min(bounds.height());
    let cut = slice(
        &surface.loss,
        point.at,
        direction.vector(point),
        reach,
        SLICE_SAMPLES,
    )
    .ok()?;
    Some(
        match surface.loss.data().and_then(TrainingLoss::test_loss) {
            Some(test) => cut.with_test_loss(test),
            None => cut,
        },
    )
}

/// The critical points the map marks: none for a formula too long to search within a frame's budget
/// ([`crate::render::is_long`]; the page says so).
pub fn critical_points(surface: &SceneSurface, bounds: &Bounds) -> CriticalPoints {
    if surface.is_long() {
        CriticalPoints {
            points: Vec::new(),
            continuum: None,
        }
    } else {
        find_critical_points(&surface.loss, bounds)
    }
}

/// The mini-batch gradients at θ′ SGD would see with these hyperparameters, on a data-defined loss where
/// θ′ is defined; `None` elsewhere.
pub fn point_cloud(
    surface: &SceneSurface,
    point: &PointAnalysis,
    hyper: &Hyperparameters,
) -> Option<GradientCloud> {
    if surface.loss.data().is_none() || !point.derivatives.is_finite() {
        return None;
    }
    Some(GradientCloud {
        at: point.at,
        samples: gradient_cloud(
            &surface.loss,
            point.at,
            hyper.batch,
            CLOUD_SAMPLES,
            hyper.seed,
        ),
        full: point.derivatives.gradient,
    })
}
