//! The map's overlay, redrawn whenever it changes over the cached base layer, clipped to the plot area.
//!
//! Its lower layer (the gradient cloud and the Taylor model around θ′) stays put while a race runs, so it is
//! drawn once over a copy of the base and reused; each race step adds its new path segments to the trails'
//! layers and redraws the runs' heads and θ′.

use super::app::App;
use super::canvas::{context_2d, drawing_area};
use super::map_view::{with_plot_clip, ModelScene};
use crate::charts::{draw_map_model, draw_point_marks, MapOverlay};

pub fn draw(app: &App) -> Result<(), String> {
    let map = &app.map;
    let overlay = MapOverlay {
        point: app.point.as_ref(),
        runs: &app.race.runs,
        escaping_at: app.escape.as_ref().map(|escape| escape.position()),
        levels: map.levels(),
        taylor: app.taylor,
    };
    let frame = map.frame();
    let scene = ModelScene {
        point: app.point.map(|point| point.at),
        taylor: app.taylor,
        escaping: app.escape.is_some(),
        batch: app.race.hyper.batch,
        seed: app.race.hyper.seed,
    };
    map.present_model(scene, |root| {
        // Under everything else: the mini-batch gradients at θ′ on a data-defined loss.
        if let Some(point) = &app.point {
            super::batch::draw_gradient_cloud(app, root, point)?;
        }
        draw_map_model(root, &frame, &overlay)
    })?;
    with_plot_clip(&context_2d(&map.canvas)?, map.transform.area, || {
        map.trails
            .present(&map.canvas, &frame, app.race.generation, &app.race.runs)?;
        draw_point_marks(&drawing_area(&map.canvas)?, &frame, &overlay)
    })
}
