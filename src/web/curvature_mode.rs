//! The map's "Curvature map" mode: each cell coloured by the signs of the Hessian's eigenvalues there,
//! with a legend of the classes; contours, axes and markers stay as in the loss mode.

use wasm_bindgen::JsValue;
use web_sys::{Element, HtmlElement, HtmlInputElement};

use super::app::App;
use super::dom;
use super::palette::css;
use crate::bounds::Bounds;
use crate::charts::MapFrame;
use crate::render::MapMode;
use crate::render::{curvature_grid, curvature_rgba, CurvatureClass};
use crate::surface::LossSurface;

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

/// The toggle's state and, in curvature mode, the legend: one swatch per class, named in the page's language.
pub fn show_legend(app: &App) {
    dom::report((|| -> Result<(), JsValue> {
        let curvature = app.map.mode == MapMode::Curvature;
        let toggle: HtmlInputElement = dom::by_id("curvature-toggle")?;
        toggle.set_checked(curvature);
        let legend: HtmlElement = dom::by_id("curvature-legend")?;
        legend.set_hidden(!curvature);
        let classes: Element = dom::by_id("curvature-classes")?;
        dom::set_text(&classes, "");
        for class in CurvatureClass::ALL {
            let entry: Element = dom::create("span")?;
            entry.set_class_name("legend-entry");
            entry.set_attribute("data-class", class.name())?;
            let swatch: HtmlElement = dom::create("span")?;
            swatch.set_class_name("swatch");
            let [r, g, b] = class.rgb();
            swatch
                .style()
                .set_property("background", &css(plotters::style::RGBColor(r, g, b)))?;
            let name: Element = dom::create("span")?;
            dom::set_text(&name, app.ui.words.curvature(class));
            entry.append_child(&swatch)?;
            entry.append_child(&name)?;
            classes.append_child(&entry)?;
        }
        Ok(())
    })());
}
