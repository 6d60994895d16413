//! The map's overlay, redrawn whenever it changes over the cached base layer, clipped to the plot area.

use super::app::App;
use super::map_view::{context_2d, drawing_area};
use crate::charts::{draw_map_overlay, MapOverlay};

pub fn draw(app: &App) -> Result<(), String> {
    let map = &app.map;
    map.present_base()?;
    let root = drawing_area(&map.canvas)?;
    let context = context_2d(&map.canvas)?;
    let area = map.transform.area;
    context.save();
    context.begin_path();
    context.rect(area.left, area.top, area.width, area.height);
    context.clip();
    // Under everything else: the mini-batch gradients at θ′ on a data-defined loss.
    if let Some(point) = &app.point {
        super::batch::draw_gradient_cloud(app, &root, point)?;
    }
    let overlay = MapOverlay {
        point: app.point.as_ref(),
        runs: &app.race.runs,
        escaping_at: app.escape.as_ref().map(|escape| escape.position()),
        levels: map.levels(),
        taylor: app.taylor,
    };
    let drawn = draw_map_overlay(&root, &map.frame(), &overlay);
    context.restore();
    drawn
}
