//! A link's scene as `saddle render` draws it: the page's scene, with a race shared before its first step
//! run on so the figure shows where each optimizer is heading.

use super::{basins_config, critical_points, point_cloud, resolve};
use crate::charts::FigureScene;
use crate::i18n::{strings, Language};
use crate::optim::Basins;
use crate::render::MapMode;
use crate::share::Scene;

/// Race steps a figure replays when its link asks for none (`steps=0`, a scene shared before pressing play):
/// every run stops here or earlier, when it finishes.
pub const DEFAULT_FIGURE_STEPS: usize = 300;

/// What `saddle render` draws for `scene`: what [`resolve`] gives the page, the critical points the page
/// marks, the gradient cloud it draws, the basin map it shows for `map=basins`, and the legend's English
/// caption.
pub fn figure_scene(scene: &Scene) -> FigureScene {
    let mut resolved = resolve(scene);
    if scene.steps == 0 {
        resolved
            .race
            .replay(&resolved.surface.loss, DEFAULT_FIGURE_STEPS);
    }
    let critical = critical_points(&resolved.surface, &resolved.bounds);
    let cloud = resolved
        .point
        .as_ref()
        .and_then(|point| point_cloud(&resolved.surface, point, &scene.hyperparameters()));
    // The configuration is made of a decoded link's values, which `Basins` accepts.
    let basins = (scene.map == MapMode::Basins)
        .then(|| Basins::new(basins_config(scene, resolved.bounds)).ok())
        .flatten()
        .map(|mut basins| {
            basins.run_to_end(&resolved.surface.loss);
            basins
        });
    FigureScene {
        caption: resolved.surface.caption(strings(Language::English)),
        surface: Box::new(resolved.surface.loss),
        bounds: resolved.bounds,
        critical,
        point: resolved.point,
        runs: resolved.race.runs,
        map: scene.map,
        cloud,
        basins,
    }
}
