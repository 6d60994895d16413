//! Loading a scene from a link into the running page: at start, when the fragment changes, and when
//! the lesson opens a step. Everything the link sets is replaced; the page's widgets are kept.

use wasm_bindgen::JsValue;

use super::app::{App, SharedApp};
use super::{dom, inspector, language, lesson_panel, race_panel};
use crate::render::Orientation;
use crate::scene;
use crate::share::{decode, Decoded};

impl App {
    /// Shows the scene `scene::resolve` makes of a link, with the link's settings for the page around it.
    pub fn load_scene(&mut self, decoded: Decoded) -> Result<(), JsValue> {
        let Decoded {
            scene, problems, ..
        } = decoded;
        let resolved = scene::resolve(&scene);
        self.language = scene.language;
        self.embed = scene.embed;
        self.view = scene.view;
        self.plots.orientation = scene
            .turn
            .map_or_else(Orientation::default, Orientation::from_link_degrees);
        self.map.mode = scene.map;
        self.show_surface(resolved.surface);
        self.bounds = resolved.bounds;
        self.point = resolved.point;
        inspector::clear_escape_result(&self.ui.inspector);
        // The page's speed slider is not part of a link.
        let speed = self.race.steps_per_second;
        self.race = resolved.race;
        self.race.steps_per_second = speed;
        self.race_changed();
        race_panel::show_checks(self);
        race_panel::show_sliders(self);
        self.notices = problems;
        self.show_in(language::initial(scene.language))?;
        self.apply_view_mode();
        lesson_panel::scene_loaded(self, scene.lesson);
        self.redraw_everything();
        Ok(())
    }
}

/// A fragment typed or pasted into the address bar opens its scene without reloading the page.
pub fn wire_hashchange(app: &SharedApp) -> Result<(), JsValue> {
    let app = app.clone();
    dom::listen(
        dom::window()?.as_ref(),
        "hashchange",
        move |_: web_sys::Event| {
            let hash = dom::window()
                .and_then(|w| w.location().hash())
                .unwrap_or_default();
            if let Err(error) = app.borrow_mut().load_scene(decode(&hash)) {
                super::crash::show(&dom::describe(&error));
            }
        },
    )
}
