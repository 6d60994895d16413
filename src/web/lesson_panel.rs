//! The guided lesson beside the map: each step sets its own scene. Opening the panel, Previous and Next show
//! the step's words in the page's language *and* its scene (its share link plus `lesson=<step>`), with
//! what the link cannot say (`lesson::PageSetup`) and what the text talks about brought into view.
//!
//! The student's own scene stays one Back away: the first step opened adds a history entry, the steps
//! after it replace that entry, and Back (a scene without `lesson=`) closes the panel again.

use wasm_bindgen::JsValue;
use web_sys::{
    Element, HtmlButtonElement, HtmlElement, ScrollIntoViewOptions, ScrollLogicalPosition,
};

use super::app::{App, SharedApp};
use super::dom;
use crate::lesson::{LessonStep, PageSetup, Spot, StepId, STEPS};
use crate::render::MapMode;
use crate::share::decode;

pub struct LessonPanel {
    /// A `<details>`: open while the lesson is shown.
    root: HtmlElement,
    progress: Element,
    title: Element,
    body: Element,
    previous: HtmlButtonElement,
    next: HtmlButtonElement,
    restart: HtmlButtonElement,
    compare: HtmlButtonElement,
}

/// Which step the panel shows, and which step's scene the link names (`lesson=`), if any.
pub struct Lesson {
    pub panel: LessonPanel,
    /// Index into [`STEPS`].
    pub shown: usize,
    /// Written to the link as `lesson=`: the scene on screen is this step's (set by the panel or a link).
    pub opened: Option<StepId>,
}

impl Lesson {
    pub fn find() -> Result<Lesson, JsValue> {
        Ok(Lesson {
            panel: LessonPanel {
                root: dom::by_id("lesson")?,
                progress: dom::by_id("lesson-progress")?,
                title: dom::by_id("lesson-step-title")?,
                body: dom::by_id("lesson-step-body")?,
                previous: dom::by_id("lesson-previous")?,
                next: dom::by_id("lesson-next")?,
                restart: dom::by_id("lesson-restart")?,
                compare: dom::by_id("lesson-compare")?,
            },
            shown: 0,
            opened: None,
        })
    }

    fn step(&self) -> Option<&'static LessonStep> {
        STEPS.get(self.shown)
    }

    fn is_open(&self) -> bool {
        self.panel.root.has_attribute("open")
    }
}

/// The shown step's words and the buttons' states.
pub fn show(app: &App) {
    let lesson = &app.lesson;
    let panel = &lesson.panel;
    let Some(step) = lesson.step() else {
        return;
    };
    let text = (app.ui.words.lesson)(step.id);
    dom::set_text(
        &panel.progress,
        &(app.ui.words.step_of)(lesson.shown + 1, STEPS.len()),
    );
    dom::set_text(&panel.title, text.title);
    dom::set_text(&panel.body, text.body);
    dom::report(panel.root.set_attribute("data-step", step.id.slug()));
    panel.previous.set_disabled(lesson.shown == 0);
    panel.next.set_disabled(lesson.shown + 1 >= STEPS.len());
    panel.compare.set_hidden(step.compare.is_none());
}

/// After a scene is loaded: a link naming a lesson step opens the panel at it and sets the page up for
/// it; any other link (Back to the student's own scene) closes the panel and clears what a step set up.
pub fn scene_loaded(app: &mut App, opened: Option<StepId>) {
    app.lesson.opened = opened;
    let found = opened.and_then(|id| STEPS.iter().enumerate().find(|(_, step)| step.id == id));
    let Some((index, step)) = found else {
        dom::report(app.lesson.panel.root.remove_attribute("open"));
        set_up_page(
            app,
            PageSetup {
                taylor_overlay: true,
                ..PageSetup::default()
            },
        );
        return;
    };
    app.lesson.shown = index;
    dom::report(app.lesson.panel.root.set_attribute("open", ""));
    show(app);
    set_up_page(app, step.page);
}

/// What a link cannot say: the Taylor model, map mode, the race running, and what the text points at.
fn set_up_page(app: &mut App, page: PageSetup) {
    app.set_taylor(page.taylor_overlay);
    if page.curvature_map {
        app.set_map_mode(MapMode::Curvature);
    }
    dom::report(
        app.ui
            .inspector
            .escape
            .class_list()
            .toggle_with_force("lesson-highlight", page.show == Some(Spot::EscapeButton)),
    );
    if page.play_race && !app.race.playing {
        app.toggle_play();
    }
    if let Some(spot) = page.show {
        bring_into_view(app, spot);
    }
}

/// Scrolls the part of the page a step talks about into view, as little as needed; the network lab is
/// opened first and brought to the top, its first charts under its heading.
fn bring_into_view(app: &App, spot: Spot) {
    let (id, block) = match spot {
        Spot::RaceTable => ("race-status", ScrollLogicalPosition::Nearest),
        Spot::EscapeButton => ("escape", ScrollLogicalPosition::Nearest),
        Spot::LabPanel => ("lab", ScrollLogicalPosition::Start),
    };
    // Embedded in lecture notes, the frame never scrolls the notes around it.
    if app.embed {
        return;
    }
    let Ok(target) = dom::by_id::<Element>(id) else {
        return;
    };
    if spot == Spot::LabPanel {
        dom::report(target.set_attribute("open", ""));
    }
    let options = ScrollIntoViewOptions::new();
    options.set_block(block);
    target.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Shows step `index` with its scene. The first step opened from the student's own scene is a new
/// history entry; from a step's scene the entry is replaced, so Back returns to the student's scene.
fn go_to(app: &mut App, index: usize) -> Result<(), JsValue> {
    app.lesson.shown = index.min(STEPS.len().saturating_sub(1));
    match app.lesson.step() {
        Some(step) => open(app, step.link),
        None => Ok(()),
    }
}

/// Opens `link` (the shown step's scene or its comparison) with `lesson=<step>` and the language on screen.
fn open(app: &mut App, link: &str) -> Result<(), JsValue> {
    let Some(step) = app.lesson.step() else {
        return Ok(());
    };
    let mut fragment = format!("{link}&lesson={}", step.id.slug());
    if let Some(language) = app.language {
        fragment.push_str(&format!("&lang={}", language.code()));
    }
    if app.present {
        fragment.push_str("&present=1");
    }
    let url = format!("#{fragment}");
    let history = dom::window()?.history()?;
    if app.lesson.opened.is_some() {
        history.replace_state_with_url(&JsValue::NULL, "", Some(&url))?;
    } else {
        history.push_state_with_url(&JsValue::NULL, "", Some(&url))?;
    }
    app.load_scene(decode(&fragment))
}

/// What a lesson button does to the app.
type Action = fn(&mut App) -> Result<(), JsValue>;

pub fn wire(app: &SharedApp) -> Result<(), JsValue> {
    let (buttons, root): ([(HtmlElement, Action); 4], HtmlElement) = {
        let panel = &app.borrow().lesson.panel;
        (
            [
                (panel.previous.clone().into(), |a| {
                    go_to(a, a.lesson.shown.saturating_sub(1))
                }),
                (panel.next.clone().into(), |a| go_to(a, a.lesson.shown + 1)),
                (panel.restart.clone().into(), |a| go_to(a, a.lesson.shown)),
                (panel.compare.clone().into(), |a| {
                    match a.lesson.step().and_then(|s| s.compare) {
                        Some(link) => open(a, link),
                        None => Ok(()),
                    }
                }),
            ],
            panel.root.clone(),
        )
    };
    for (button, action) in buttons {
        let app = app.clone();
        dom::listen(&button, "click", move |_: web_sys::Event| {
            if let Err(error) = action(&mut app.borrow_mut()) {
                super::crash::show(&dom::describe(&error));
            }
        })?;
    }
    // Opening the panel sets up the shown step's scene; closing it leaves the lesson (the scene stays,
    // its link without `lesson=`).
    let toggled = app.clone();
    dom::listen(&root, "toggle", move |_: web_sys::Event| {
        let mut app = toggled.borrow_mut();
        let (index, shown) = (app.lesson.shown, app.lesson.step().map(|step| step.id));
        let outcome = match (app.lesson.is_open(), app.lesson.opened) {
            (true, opened) if opened != shown => go_to(&mut app, index),
            (false, Some(_)) => {
                app.lesson.opened = None;
                app.dirty.url = true;
                Ok(())
            }
            _ => Ok(()),
        };
        if let Err(error) = outcome {
            super::crash::show(&dom::describe(&error));
        }
    })
}
