//! The map's colourings besides L: the curvature map (each cell coloured by the signs of the Hessian's
//! eigenvalues there) and the basin map (each start coloured by where the first racer ends, mapped by the
//! worker), with their legends; contours, axes and markers stay as in the loss mode.

use wasm_bindgen::JsValue;
use web_sys::{Element, HtmlElement, HtmlInputElement};

use super::app::App;
use super::dom;
use super::palette::{legend_entry, swatch};
use crate::bounds::Bounds;
use crate::charts::MapFrame;
use crate::optim::{DIVERGED, STILL_MOVING};
use crate::render::MapMode;
use crate::render::{
    attractor_rgb, curvature_grid, curvature_rgba, CurvatureClass, DIVERGED_RGB, STILL_MOVING_RGB,
};
use crate::surface::LossSurface;
use plotters::style::RGBColor;

/// The curvature map's RGBA cells for the frame's plot area, with their (columns, rows): sized as
/// `saddle render` sizes them ([`curvature_grid`]).
pub fn cells(
    surface: &dyn LossSurface,
    bounds: Bounds,
    frame: &MapFrame,
) -> (Vec<u8>, (usize, usize)) {
    let (columns, rows) = curvature_grid(frame.grid_size());
    (
        curvature_rgba(surface, bounds, columns, rows),
        (columns, rows),
    )
}

/// The two toggles' states and the legend of the mode on screen: one swatch per curvature class, or one per
/// basin once the worker has mapped them, named in the page's language.
pub fn show_legend(app: &App) {
    dom::report((|| -> Result<(), JsValue> {
        let mode = app.map.mode;
        for (id, shown) in [
            ("curvature-toggle", MapMode::Curvature),
            ("basins-toggle", MapMode::Basins),
        ] {
            dom::by_id::<HtmlInputElement>(id)?.set_checked(mode == shown);
        }
        for (id, shown) in [
            ("curvature-legend", MapMode::Curvature),
            ("basins-legend", MapMode::Basins),
        ] {
            dom::by_id::<HtmlElement>(id)?.set_hidden(mode != shown);
        }
        let words = app.ui.words;
        let classes = CurvatureClass::ALL.map(|class| Swatch {
            rgb: class.rgb(),
            name: words.curvature(class).to_string(),
            class: Some(class.name()),
        });
        fill_swatches("curvature-classes", &classes)?;
        let basins: Vec<Swatch> = app.basins.map.as_ref().map_or_else(Vec::new, |map| {
            let attractors = map
                .attractors
                .iter()
                .enumerate()
                .map(|(index, attractor)| Swatch {
                    rgb: attractor_rgb(index),
                    name: words.basin_label(attractor, &app.bounds),
                    class: None,
                });
            let others = [
                (DIVERGED, DIVERGED_RGB, words.chart.basin_diverged),
                (
                    STILL_MOVING,
                    STILL_MOVING_RGB,
                    words.chart.basin_still_moving,
                ),
            ]
            .into_iter()
            .filter(|(label, _, _)| map.labels.contains(label))
            .map(|(_, rgb, name)| Swatch {
                rgb,
                name: name.to_string(),
                class: None,
            });
            attractors.chain(others).collect()
        });
        fill_swatches("basins-classes", &basins)
    })());
}

/// The worker's progress on the basin map; the bar hides once the map is drawn.
pub fn show_basins_progress(app: &App) {
    dom::report((|| -> Result<(), JsValue> {
        let bar: web_sys::HtmlProgressElement = dom::by_id("basins-progress")?;
        bar.set_value(app.basins.progress);
        bar.set_hidden(app.basins.map.is_some());
        Ok(())
    })());
}

/// One legend entry: a colour, its name, and the class it stands for (`data-class`, for tests and tools).
struct Swatch {
    rgb: [u8; 3],
    name: String,
    class: Option<&'static str>,
}

/// Replaces the entries of the legend `id` with one coloured swatch and name each.
fn fill_swatches(id: &str, entries: &[Swatch]) -> Result<(), JsValue> {
    let list: Element = dom::by_id(id)?;
    dom::set_text(&list, "");
    for Swatch { rgb, name, class } in entries {
        let entry = legend_entry(&list, &swatch(RGBColor(rgb[0], rgb[1], rgb[2]))?, name)?;
        if let Some(class) = class {
            entry.set_attribute("data-class", class)?;
        }
    }
    Ok(())
}
