//! Browser units of the web layer (`cargo test --target wasm32-unknown-unknown --lib`, headless Chromium).

use wasm_bindgen_test::*;

use super::app::App;
use super::{crash, dom, format, surface_panel};
use crate::analysis::PointKind;
use crate::presets::PRESETS;

wasm_bindgen_test_configure!(run_in_browser);

/// Puts the real page's markup (our own static file, not user text) into the test page and mounts the app.
pub(super) fn mount() -> super::app::SharedApp {
    let page = include_str!("../../index.html");
    let body = page
        .split_once("<body>")
        .and_then(|(_, rest)| rest.split_once("</body>"))
        .map(|(body, _)| body)
        .unwrap_or_default();
    // A container of its own: the test runner reports through elements of the page's body.
    let document = dom::document().unwrap();
    if let Some(previous) = document.get_element_by_id("app-under-test") {
        previous.remove();
    }
    let container = document.create_element("div").unwrap();
    container.set_id("app-under-test");
    container.set_inner_html(body);
    document.body().unwrap().append_child(&container).unwrap();
    let map: web_sys::HtmlElement = dom::by_id("map").unwrap();
    map.style().set_property("width", "600px").unwrap();
    let app = App::mount().unwrap();
    app.borrow_mut().frame(0.0, 0.0).unwrap();
    app
}

#[wasm_bindgen_test]
fn the_app_mounts_and_draws_the_lecture() {
    let app = mount();
    let app = app.borrow();
    assert_eq!(
        app.ui.preset.length() as usize,
        PRESETS.len() + crate::experiments::DATASET_PRESETS.len() + 1
    );
    assert_eq!(app.ui.preset.value(), "lecture");
    assert_eq!(app.ui.formula.value(), "(1 - x*y)^2");
    assert!(app.map.canvas.get_attribute("data-plot-area").is_some());
    assert!(!app.ui.inspector.empty.hidden());
    assert_eq!(app.race.runs.len(), 2);
}

#[wasm_bindgen_test]
fn a_click_lands_on_the_data_point_under_it() {
    let app = mount();
    let mut app = app.borrow_mut();
    let target = [1.25, -0.75];
    let [x, y] = app.map.transform.to_pixel(target);
    let css = [x / app.map.dpr, y / app.map.dpr];
    app.drop_point(css);
    let at = app.point.map(|p| p.at).unwrap();
    let per_pixel = app.bounds.width() / (app.map.transform.area.width / app.map.dpr);
    assert!((at[0] - target[0]).abs() < per_pixel && (at[1] - target[1]).abs() < per_pixel);
    assert_eq!(app.race_start(), at);
}

#[wasm_bindgen_test]
fn a_click_near_the_saddle_snaps_onto_it() {
    let app = mount();
    let mut app = app.borrow_mut();
    let [x, y] = app.map.transform.to_pixel([0.0, 0.0]);
    let dpr = app.map.dpr;
    app.drop_point([x / dpr + 3.0, y / dpr - 2.0]);
    let point = app.point.unwrap();
    assert_eq!(point.at, [0.0, 0.0]);
    assert_eq!(point.kind, PointKind::Saddle);
    assert_eq!(point.eigen.values, [-2.0, 2.0]);
}

#[wasm_bindgen_test]
fn the_caret_sits_under_the_error_column() {
    assert_eq!(surface_panel::caret_lines("x + * y", 5), "x + * y\n    ^");
    let long = format!("{}+*", "x+".repeat(100));
    let lines = surface_panel::caret_lines(&long, 202);
    let (formula, caret) = lines.split_once('\n').unwrap();
    assert!(formula.starts_with('…'));
    assert_eq!(formula.chars().nth(caret.chars().count() - 1), Some('*'));
}

#[wasm_bindgen_test]
fn numbers_read_as_a_class_writes_them() {
    assert_eq!(format::number(-2.0), "−2");
    assert_eq!(format::number(std::f64::consts::FRAC_1_SQRT_2), "0.7071");
    assert_eq!(format::number(1.0139e-4), "1.014e−4");
    assert_eq!(format::number(f64::NAN), "undefined");
    assert_eq!(format::pair([0.0, -0.5]), "(0, −0.5)");
}

#[wasm_bindgen_test]
fn a_crash_shows_the_banner_with_its_message() {
    let app = mount();
    drop(app);
    crash::show("the surface fell over");
    let banner: web_sys::HtmlElement = dom::by_id("crash").unwrap();
    assert!(!banner.hidden());
    let message: web_sys::Element = dom::by_id("crash-message").unwrap();
    assert_eq!(
        message.text_content().as_deref(),
        Some("the surface fell over")
    );
}
