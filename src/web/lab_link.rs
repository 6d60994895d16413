//! The network lab's part of the page's link. The lab's panel is a wasm of its own, loaded when `#lab`
//! first opens (`www/boot.js`); the page meets it only in `#lab`: the page opens or closes it and writes a
//! link's lab settings into `data-link`, the panel writes its own settings there.

use wasm_bindgen::JsValue;
use web_sys::Element;

use super::dom;
use crate::jobs::Job;
use crate::share::{decode, LabSettings};

fn panel() -> Option<Element> {
    dom::document().ok()?.get_element_by_id("lab")
}

/// The lab's settings for the link: `None` while the lab is closed.
pub fn settings() -> Option<LabSettings> {
    let panel = panel().filter(|p| p.has_attribute("open"))?;
    let link = panel.get_attribute("data-link").unwrap_or_default();
    Some(decode(&link).scene.lab.unwrap_or_default())
}

/// A link opened: its lab, open with its settings, or closed.
pub fn load(settings: Option<&LabSettings>) -> Result<(), JsValue> {
    let Some(panel) = panel() else {
        return Ok(());
    };
    match settings {
        Some(settings) => {
            panel.set_attribute("data-link", &Job::lab_link(settings))?;
            panel.set_attribute("open", "")
        }
        None => panel.remove_attribute("open"),
    }
}

/// Notices when the lab opened, closed or changed its settings, for the link to follow.
#[derive(Default)]
pub struct LabLink {
    seen: Option<(bool, Option<String>)>,
}

impl LabLink {
    /// True once after each change.
    pub fn changed(&mut self) -> bool {
        let now = panel().map(|p| (p.has_attribute("open"), p.get_attribute("data-link")));
        let changed = self.seen.is_some() && now != self.seen;
        self.seen = now;
        changed
    }
}

#[cfg(test)]
mod tests {
    use wasm_bindgen_test::*;

    use super::super::tests::mount;
    use super::*;
    use crate::network::Task;
    use crate::share::{decode, encode};

    #[wasm_bindgen_test]
    fn a_link_opens_the_lab_with_its_settings_and_the_page_link_follows_the_panel() {
        let app = mount();
        let mut app = app.borrow_mut();
        let lab = panel().expect("the page has #lab");
        assert!(!lab.has_attribute("open"));
        assert_eq!(app.scene().lab, None);
        app.load_scene(decode(
            "v=1&preset=lecture&lab=network&task=circle&hidden=6",
        ))
        .unwrap();
        assert!(lab.has_attribute("open"));
        assert_eq!(
            lab.get_attribute("data-link").as_deref(),
            Some("lab=network&task=circle&hidden=6")
        );
        let settings = app.scene().lab.expect("the lab is open");
        assert_eq!((settings.task, settings.hidden), (Task::Circle, vec![6]));
        assert!(encode(&app.scene()).ends_with("&lab=network&task=circle&hidden=6"));
        // The panel (its own wasm) writes new settings: the page's link notices them.
        app.lab.changed();
        lab.set_attribute("data-link", "lab=network&task=spiral")
            .unwrap();
        assert!(app.lab.changed() && !app.lab.changed());
        assert_eq!(app.scene().lab.map(|l| l.task), Some(Task::Spiral));
        app.load_scene(decode("v=1&preset=lecture")).unwrap();
        assert!(!lab.has_attribute("open"));
        assert_eq!(app.scene().lab, None);
    }
}
