//! Loading a scene from a link into the running page: at start, when the fragment changes, and when
//! the lesson opens a step. Everything the link sets is replaced; the page's widgets are kept.

use wasm_bindgen::JsValue;

use super::app::{App, SharedApp};
use super::{dom, inspector, language, lesson_panel, race_panel};
use crate::analysis::analyze;
use crate::data::dataset_preset;
use crate::presets::preset;
use crate::render::Orientation;
use crate::share::{decode, Decoded, IgnoredBecause, LinkNotice, SurfaceChoice};

impl App {
    pub fn load_scene(&mut self, decoded: Decoded) -> Result<(), JsValue> {
        let Decoded {
            scene,
            mut problems,
            ..
        } = decoded;
        self.language = scene.language;
        self.embed = scene.embed;
        self.view = scene.view;
        self.plots.orientation = scene
            .turn
            .map_or_else(Orientation::default, Orientation::from_link_degrees);
        self.map.mode = scene.map;
        self.race.playing = false;
        self.race.kinds = scene.optimizers.clone();
        self.race.hyper = scene.hyperparameters();
        match &scene.surface {
            SurfaceChoice::Preset(name) => {
                if preset(name).is_none() && dataset_preset(name).is_none() {
                    problems.push(LinkNotice::Ignored {
                        key: "preset".into(),
                        value: name.clone(),
                        reason: IgnoredBecause::UnknownPreset,
                    });
                }
                self.choose_preset(name);
            }
            SurfaceChoice::Expr(text) => self.type_formula(text),
        }
        if let Some(bounds) = scene.bounds {
            self.bounds = bounds;
        }
        self.point = scene.point.map(|at| analyze(&self.surface.loss, at));
        self.escape = None;
        inspector::clear_escape_result(&self.ui.inspector);
        self.restart_race();
        for _ in 0..scene.steps {
            if !self.race.step_all(&self.surface.loss) {
                break;
            }
        }
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
