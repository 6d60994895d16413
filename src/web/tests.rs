//! Browser units of the web layer (`cargo test --target wasm32-unknown-unknown --lib`, headless Chromium).

use wasm_bindgen_test::*;

use super::app::App;
use super::{crash, dom};
use crate::analysis::PointKind;
use crate::i18n::strings;
use crate::i18n::Language;
use crate::lesson::step_by_slug;
use crate::presets::PRESETS;
use crate::render::MapMode;
use crate::share::{decode, Scene};

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
    // Every test starts from the default scene: an earlier test leaves its scene in the URL fragment.
    let window = dom::window().unwrap();
    let location = window.location();
    let bare = location.pathname().unwrap() + &location.search().unwrap();
    let history = window.history().unwrap();
    history
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&bare))
        .unwrap();
    let map: web_sys::HtmlElement = dom::by_id("map").unwrap();
    map.style().set_property("width", "600px").unwrap();
    let app = App::mount().unwrap();
    // The first frame draws the map, the second finds and marks the critical points.
    app.borrow_mut().frame(0.0, 0.0).unwrap();
    app.borrow_mut().frame(0.0, 0.0).unwrap();
    app
}

#[wasm_bindgen_test]
fn the_app_mounts_and_draws_the_lecture() {
    let app = mount();
    let app = app.borrow();
    assert_eq!(
        app.ui.preset.length() as usize,
        PRESETS.len() + crate::data::DATASET_PRESETS.len() + 1
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

#[wasm_bindgen_test]
fn switching_language_rewords_the_page_and_keeps_the_scene() {
    let app = mount();
    let mut app = app.borrow_mut();
    app.place_point([0.0, 0.0]);
    app.frame(1.0, 0.0).unwrap();
    let before = app.scene();
    app.switch_language(Language::Chinese).unwrap();
    let copy: web_sys::Element = dom::by_id("copy-link").unwrap();
    assert_eq!(copy.text_content().as_deref(), Some("复制链接"));
    app.frame(2.0, 0.0).unwrap();
    assert_eq!(
        app.ui.inspector.kind.text_content().as_deref(),
        Some("鞍点")
    );
    assert_eq!(
        app.scene(),
        Scene {
            language: Some(Language::Chinese),
            ..before
        }
    );
    let chinese = strings(Language::Chinese);
    let preset = chinese.preset(&app.ui.preset.value()).unwrap();
    let description = app.ui.preset_description.text_content();
    assert_eq!(description.as_deref(), Some(preset.description));
    let title = dom::by_id::<web_sys::Element>("lab")
        .unwrap()
        .query_selector("h2")
        .unwrap()
        .unwrap();
    assert_eq!(
        title.text_content().as_deref(),
        Some("网络实验室：高维空间中的鞍点")
    );
    let group = app.ui.preset.query_selector("optgroup").unwrap().unwrap();
    assert_eq!(
        group.get_attribute("label").as_deref(),
        Some(chinese.labels.data_presets_group)
    );
    app.switch_language(Language::English).unwrap();
    assert_eq!(copy.text_content().as_deref(), Some("Copy link"));
    let english = strings(Language::English).preset(&app.ui.preset.value());
    assert_eq!(
        app.ui.preset_description.text_content().as_deref(),
        english.map(|text| text.description)
    );
    assert_eq!(
        title.text_content().as_deref(),
        Some("The network lab: saddles in high dimension")
    );
}

#[wasm_bindgen_test]
fn a_lesson_link_opens_the_panel_at_its_step_and_sets_the_page_up() {
    let app = mount();
    let mut app = app.borrow_mut();
    let (index, step) = step_by_slug("lecture-network").unwrap();
    app.load_scene(decode(&format!("{}&lesson=lecture-network", step.link)))
        .unwrap();
    app.frame(1.0, 0.0).unwrap();
    assert_eq!(app.lesson.shown, index);
    assert_eq!(app.map.mode, MapMode::Curvature);
    assert_eq!(app.point.map(|p| p.eigen.values), Some([-2.0, 2.0]));
    assert!(app
        .ui
        .inspector
        .escape
        .class_list()
        .contains("lesson-highlight"));
    assert_eq!(app.scene().lesson, Some(step.id));
    let (_, momentum) = step_by_slug("momentum").unwrap();
    app.load_scene(decode(&format!("{}&lesson=momentum", momentum.link)))
        .unwrap();
    assert!(!app.taylor && app.race.playing);
    app.load_scene(decode("preset=bowl")).unwrap();
    assert!(
        app.taylor,
        "a link outside the lesson shows the Taylor model again"
    );
    assert_eq!((app.scene().lesson, app.map.mode), (None, MapMode::Loss));
    assert!(!app
        .ui
        .inspector
        .escape
        .class_list()
        .contains("lesson-highlight"));
}

/// The map canvas's pixels, after three more frames (a scene that changed needs two to settle).
fn map_pixels(app: &mut App) -> Vec<u8> {
    for _ in 0..3 {
        app.frame(0.0, 0.0).unwrap();
    }
    let canvas = &app.map.canvas;
    let (width, height) = (f64::from(canvas.width()), f64::from(canvas.height()));
    super::canvas::context_2d(canvas)
        .unwrap()
        .get_image_data(0.0, 0.0, width, height)
        .unwrap()
        .data()
        .to_vec()
}

#[wasm_bindgen_test]
fn moving_the_point_leaves_no_trace_of_the_overlay_it_had() {
    // The Taylor model and the gradient cloud under the runs are kept between frames; after θ′ moves the map
    // must look as it does when a link opens with θ′ there and every layer is drawn afresh.
    let (there, elsewhere) = ([0.6, -0.4], [-1.0, 0.8]);
    let from_link = {
        let app = mount();
        let mut app = app.borrow_mut();
        app.load_scene(decode("v=1&preset=lecture&pt=0.6,-0.4"))
            .unwrap();
        map_pixels(&mut app)
    };
    let moved = {
        let app = mount();
        let mut app = app.borrow_mut();
        app.place_point(elsewhere);
        app.frame(0.0, 0.0).unwrap();
        app.place_point(there);
        map_pixels(&mut app)
    };
    assert!(moved == from_link);
    let left_elsewhere = {
        let app = mount();
        let mut app = app.borrow_mut();
        app.place_point(elsewhere);
        map_pixels(&mut app)
    };
    assert!(left_elsewhere != from_link);
}

#[wasm_bindgen_test]
fn a_race_played_step_by_step_looks_like_the_race_opened_from_a_link() {
    // Playing strokes each step's new segments onto kept layers; a link draws every path whole at once.
    // The two may differ only in the anti-aliased pixels where the pieces meet.
    const RACE: &str = "v=1&preset=lecture&pt=1.6,-1.2&opt=gd,momentum,adam&lr=0.05";
    const STEPS: usize = 40;
    let played = {
        let app = mount();
        let mut app = app.borrow_mut();
        app.load_scene(decode(RACE)).unwrap();
        app.race.steps_per_second = 60.0;
        app.race.playing = true;
        for frame in 0..STEPS {
            app.frame(frame as f64 * 1000.0 / 60.0, 1.0 / 60.0).unwrap();
        }
        assert_eq!(app.race.steps(), STEPS);
        map_pixels(&mut app)
    };
    let from_link = {
        let app = mount();
        let mut app = app.borrow_mut();
        app.load_scene(decode(&format!("{RACE}&steps={STEPS}")))
            .unwrap();
        map_pixels(&mut app)
    };
    let unlike = |a: &[u8], b: &[u8]| {
        a.chunks(4)
            .zip(b.chunks(4))
            .filter(|(p, q)| p.iter().zip(*q).any(|(x, y)| x.abs_diff(*y) > 40))
            .count()
    };
    assert_eq!(played.len(), from_link.len());
    let differing = unlike(&played, &from_link);
    assert!(differing <= 40, "{differing} pixels differ");
    // The comparison sees the paths: half as many steps leaves hundreds of pixels unlike.
    let halfway = {
        let app = mount();
        let mut app = app.borrow_mut();
        app.load_scene(decode(&format!("{RACE}&steps={}", STEPS / 2)))
            .unwrap();
        map_pixels(&mut app)
    };
    let shorter = unlike(&halfway, &from_link);
    assert!(shorter > 200, "only {shorter} pixels differ");
}

#[wasm_bindgen_test]
fn the_frame_after_a_drawing_made_outside_the_frames_leaves_the_search_to_the_next() {
    // At start (and after a click) the map is drawn outside the animation frames; the next animation frame
    // runs before that drawing is painted, so the critical-point search and the URL wait one more frame.
    let app = mount();
    let mut app = app.borrow_mut();
    // The lecture's points, found by the mounted app's second frame.
    let lecture = app.critical.points.len();
    assert_ne!(lecture, 9);
    app.load_scene(decode("v=1&preset=himmelblau")).unwrap();
    let now = dom::now_ms().unwrap();
    let in_url = || {
        dom::window()
            .unwrap()
            .location()
            .hash()
            .unwrap()
            .contains("himmelblau")
    };
    app.draw_now().unwrap();
    assert!(!in_url());
    app.frame(now + 1000.0, 0.0).unwrap();
    assert_eq!(app.critical.points.len(), lecture);
    assert!(!in_url());
    app.frame(now + 2000.0, 0.0).unwrap();
    assert_eq!(app.critical.points.len(), 9);
    assert!(in_url());
}
