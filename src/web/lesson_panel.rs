//! The guided lesson beside the map: Previous / Next through `lesson::STEPS`, the step's words in the
//! page's language, and buttons that open the step's scene (its share link plus `lesson=<step>`).

use wasm_bindgen::JsValue;
use web_sys::{Element, HtmlButtonElement, HtmlElement};

use super::app::{App, SharedApp};
use super::dom;
use crate::lesson::{LessonStep, PageSetup, StepId, STEPS};
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
    open: HtmlButtonElement,
    compare: HtmlButtonElement,
}

/// Which step the panel shows, and which step's scene the link names (`lesson=`), if any.
pub struct Lesson {
    pub panel: LessonPanel,
    /// Index into [`STEPS`].
    pub shown: usize,
    /// Written to the link as `lesson=`: set when a step's scene was opened, from the panel or a link.
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
                open: dom::by_id("lesson-open")?,
                compare: dom::by_id("lesson-compare")?,
            },
            shown: 0,
            opened: None,
        })
    }

    fn step(&self) -> Option<&'static LessonStep> {
        STEPS.get(self.shown)
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
/// it; any other link clears what a step had set up (the escape button's highlight).
pub fn scene_loaded(app: &mut App, opened: Option<StepId>) {
    app.lesson.opened = opened;
    let found = opened.and_then(|id| STEPS.iter().enumerate().find(|(_, step)| step.id == id));
    let Some((index, step)) = found else {
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

/// What a link cannot say: the Taylor model, map mode, the escape button's highlight, the race running.
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
            .toggle_with_force("lesson-highlight", page.escape_button),
    );
    if page.play_race && !app.race.playing {
        app.toggle_play();
    }
}

/// Opens `link` (a step's scene) with `lesson=<step>` and the language on screen, as a new history entry.
fn open(app: &mut App, link: &str) -> Result<(), JsValue> {
    let Some(step) = app.lesson.step() else {
        return Ok(());
    };
    let mut fragment = format!("{link}&lesson={}", step.id.slug());
    if let Some(language) = app.language {
        fragment.push_str(&format!("&lang={}", language.code()));
    }
    let window = dom::window()?;
    window
        .history()?
        .push_state_with_url(&JsValue::NULL, "", Some(&format!("#{fragment}")))?;
    app.load_scene(decode(&fragment))
}

/// What a lesson button does to the app.
type Action = fn(&mut App) -> Result<(), JsValue>;

pub fn wire(app: &SharedApp) -> Result<(), JsValue> {
    let buttons: [(HtmlElement, Action); 4] = {
        let panel = &app.borrow().lesson.panel;
        [
            (panel.previous.clone().into(), |a| move_by(a, -1)),
            (panel.next.clone().into(), |a| move_by(a, 1)),
            (panel.open.clone().into(), |a| match a.lesson.step() {
                Some(step) => open(a, step.link),
                None => Ok(()),
            }),
            (panel.compare.clone().into(), |a| {
                match a.lesson.step().and_then(|s| s.compare) {
                    Some(link) => open(a, link),
                    None => Ok(()),
                }
            }),
        ]
    };
    for (button, action) in buttons {
        let app = app.clone();
        dom::listen(&button, "click", move |_: web_sys::Event| {
            if let Err(error) = action(&mut app.borrow_mut()) {
                super::crash::show(&dom::describe(&error));
            }
        })?;
    }
    Ok(())
}

fn move_by(app: &mut App, delta: isize) -> Result<(), JsValue> {
    let last = STEPS.len().saturating_sub(1);
    app.lesson.shown = app.lesson.shown.saturating_add_signed(delta).min(last);
    show(app);
    Ok(())
}
