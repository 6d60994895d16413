//! Wires the page's controls, the map's pointer gestures and the keyboard to the app.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Event, HtmlElement, KeyboardEvent, PointerEvent, TouchEvent, WheelEvent};

use super::app::{App, SharedApp};
use super::{crash, dom, presentation, race_panel, scene_link};
use crate::optim::{learning_rate_from_slider, EscapeAnimation, Hyperparameters};
use crate::render::{
    key_command, Focus, Gesture, GestureEffect, KeyCommand, Modifiers, Orientation, Pointer,
    PointerKind, GRAB_RADIUS,
};
use crate::share::ViewMode;

/// Zoom per wheel "line"; a trackpad's small deltas zoom proportionally less.
const WHEEL_ZOOM_PER_100PX: f64 = 1.2;

pub fn wire(app: &SharedApp) -> Result<(), JsValue> {
    wire_surface(app)?;
    wire_map(app)?;
    wire_surface3d(app)?;
    wire_race(app)?;
    wire_toolbar(app)?;
    super::batch::wire(app)?;
    wire_keyboard(app)
}

/// Listens for `event` and runs `change` on the borrowed app, so each handler below is one short closure.
fn on<E: JsCast + 'static>(
    app: &SharedApp,
    target: &web_sys::EventTarget,
    event: &str,
    mut change: impl FnMut(&mut App, E) + 'static,
) -> Result<(), JsValue> {
    let app = app.clone();
    dom::listen(target, event, move |e: E| change(&mut app.borrow_mut(), e))
}

/// Listens with `passive: false`, for a handler that calls `preventDefault` on the wheel and touch events
/// browsers make passive by default.
fn listen_active<E: JsCast + 'static>(
    target: &web_sys::EventTarget,
    event: &str,
    handler: impl FnMut(E) + 'static,
) -> Result<(), JsValue> {
    let options = web_sys::AddEventListenerOptions::new();
    options.set_passive(false);
    dom::listen_with(target, event, Some(&options), handler)
}

fn wire_surface(app: &SharedApp) -> Result<(), JsValue> {
    let (preset, formula, reset_view, escape) = {
        let a = app.borrow();
        (
            a.ui.preset.clone(),
            a.ui.formula.clone(),
            a.ui.reset_view.clone(),
            a.ui.inspector.escape.clone(),
        )
    };
    on(app, &preset, "change", |a, _: Event| {
        let name = a.ui.preset.value();
        if name == "custom" {
            dom::report(a.ui.formula.focus());
        } else {
            a.choose_preset(&name);
            super::batch::adopt_race_defaults(a);
        }
    })?;
    on(app, &formula, "input", |a, _: Event| {
        let text = a.ui.formula.value();
        a.type_formula(&text);
    })?;
    on(app, &reset_view, "click", |a, _: Event| a.reset_view())?;
    on(app, &escape, "click", |a, _: Event| {
        if let Some(point) = &a.point {
            a.escape = EscapeAnimation::plan(&a.surface.loss, point, &a.bounds);
        }
    })?;
    // θ′ typed into the inspector: taken when both fields hold numbers (Enter, or leaving a field).
    let fields = {
        let a = app.borrow();
        [
            a.ui.inspector.point_x.clone(),
            a.ui.inspector.point_y.clone(),
        ]
    };
    for field in &fields {
        on(app, field, "change", |a, _: Event| {
            let read = |field: &web_sys::HtmlInputElement| {
                Some(field.value_as_number()).filter(|v| v.is_finite())
            };
            let panel = &a.ui.inspector;
            if let (Some(x), Some(y)) = (read(&panel.point_x), read(&panel.point_y)) {
                a.type_point([x, y]);
            }
        })?;
    }
    Ok(())
}

fn css_position(event: &PointerEvent) -> [f64; 2] {
    [f64::from(event.offset_x()), f64::from(event.offset_y())]
}

fn wire_map(app: &SharedApp) -> Result<(), JsValue> {
    let canvas = app.borrow().ui.map.clone();
    on(app, &canvas, "pointerdown", |a, e: PointerEvent| {
        dom::report(a.map.canvas.set_pointer_capture(e.pointer_id()));
        let kind = if e.pointer_type() == "touch" {
            PointerKind::Touch
        } else {
            PointerKind::Mouse
        };
        press(
            a,
            Pointer {
                id: e.pointer_id(),
                at: css_position(&e),
            },
            kind,
        );
    })?;
    // One finger scrolls the page (the map's `touch-action` lets the browser pan); the map keeps a touch
    // from the browser only while it uses it: dragging θ′, or two fingers panning and zooming.
    let touch_app = app.clone();
    listen_active(&canvas, "touchmove", move |e: TouchEvent| {
        if touch_app.borrow().gesture.holds_touch() && e.cancelable() {
            e.prevent_default();
        }
    })?;
    on(app, &canvas, "pointermove", |a, e: PointerEvent| {
        drag(
            a,
            Pointer {
                id: e.pointer_id(),
                at: css_position(&e),
            },
        );
    })?;
    for event in ["pointerup", "pointercancel"] {
        on(app, &canvas, event, move |a, e: PointerEvent| {
            release(
                a,
                Pointer {
                    id: e.pointer_id(),
                    at: css_position(&e),
                },
                event == "pointerup",
            );
            // A click's θ′ is drawn at once; the frame after it only paints.
            if let Err(error) = a.draw_now() {
                crash::show(&dom::describe(&error));
            }
        })?;
    }
    let wheel_app = app.clone();
    listen_active(&canvas, "wheel", move |e: WheelEvent| {
        e.prevent_default();
        let mut a = wheel_app.borrow_mut();
        // Scrolling down (positive delta) zooms out: the core's factor magnifies when > 1.
        let factor = WHEEL_ZOOM_PER_100PX.powf(-e.delta_y() / 100.0);
        let pixel = [
            a.map.px(f64::from(e.offset_x())),
            a.map.px(f64::from(e.offset_y())),
        ];
        let bounds = a.map.transform.zoomed(pixel, factor);
        let bounds = a.map.transform.resolved_bounds(bounds);
        a.set_bounds(bounds);
    })
}

/// An arrow key turns the 3-D view as a drag of this many pixels would (~8.6°).
const KEY_TURN_PX: f64 = 15.0;

/// Dragging on the 3-D view turns it, as do the arrow keys when it was reached with the keyboard; a double
/// click turns it back.
fn wire_surface3d(app: &SharedApp) -> Result<(), JsValue> {
    let canvas = app.borrow().ui.surface3d.clone();
    on(app, &canvas, "pointerdown", |a, e: PointerEvent| {
        dom::report(a.plots.surface3d.set_pointer_capture(e.pointer_id()));
        a.plots.turning_from = Some(css_position(&e));
        a.plots.keys_turn = false;
    })?;
    // Reached with the keyboard, the arrow keys turn it as a drag would. Focused by a click or a drag, the
    // keys stay the race's (→ = one step).
    on(app, &canvas, "focus", |a, _: Event| {
        a.plots.keys_turn = a.plots.surface3d.matches(":focus-visible").unwrap_or(false);
    })?;
    on(app, &canvas, "pointermove", |a, e: PointerEvent| {
        let Some(from) = a.plots.turning_from else {
            return;
        };
        let to = css_position(&e);
        turn_3d(a, to[0] - from[0], to[1] - from[1]);
        a.plots.turning_from = Some(to);
    })?;
    for event in ["pointerup", "pointercancel"] {
        on(app, &canvas, event, |a, _: PointerEvent| {
            a.plots.turning_from = None
        })?;
    }
    // A double click turns the view back to where it started (and drops `turn` from the link).
    on(app, &canvas, "dblclick", |a, _: Event| {
        show_3d_from(a, Orientation::default())
    })?;
    on(app, &canvas, "keydown", |a, e: KeyboardEvent| {
        let (dx, dy) = match e.key().as_str() {
            "ArrowLeft" => (-KEY_TURN_PX, 0.0),
            "ArrowRight" => (KEY_TURN_PX, 0.0),
            "ArrowUp" => (0.0, -KEY_TURN_PX),
            "ArrowDown" => (0.0, KEY_TURN_PX),
            _ => return,
        };
        if !a.plots.keys_turn || e.ctrl_key() || e.meta_key() || e.alt_key() {
            return;
        }
        turn_3d(a, dx, dy);
        e.prevent_default();
        e.stop_propagation();
    })?;
    Ok(())
}

/// Turns the 3-D view as a drag by (dx, dy) CSS pixels would, kept at the share link's resolution so a link
/// reopens exactly the view on the screen.
fn turn_3d(a: &mut App, dx: f64, dy: f64) {
    show_3d_from(a, a.plots.orientation.turned(dx, dy).as_linked());
}

/// Redraws the 3-D view seen from `orientation`, and puts it in the link.
fn show_3d_from(a: &mut App, orientation: Orientation) {
    a.plots.orientation = orientation;
    a.dirty.plots = true;
    a.dirty.url = true;
}

fn press(a: &mut App, pointer: Pointer, kind: PointerKind) {
    let on_point = a
        .point
        .is_some_and(|p| a.map.css_distance(p.at, pointer.at) <= GRAB_RADIUS);
    a.gesture.press(pointer, kind, on_point, a.map.transform);
}

fn drag(a: &mut App, pointer: Pointer) {
    let effect = a.gesture.drag(pointer, &a.map.transform, a.map.dpr);
    apply(a, effect);
}

fn release(a: &mut App, pointer: Pointer, lifted: bool) {
    let dragged = matches!(a.gesture, Gesture::DragPoint { pointer: id } if id == pointer.id);
    let effect = a.gesture.release(pointer, lifted, a.map.transform);
    apply(a, effect);
    if dragged {
        a.announce_point();
    }
    // No `dirty.critical` here: `set_bounds` marks it whenever a gesture moved the view, and a click that
    // only drops θ′ must not redraw the whole map.
    a.dirty.url = true;
}

/// Does what a pointer event asked of the map.
fn apply(a: &mut App, effect: GestureEffect) {
    match effect {
        GestureEffect::Nothing => {}
        GestureEffect::MovePoint(at) => a.place_point(at),
        GestureEffect::ShowBounds(bounds) => a.set_bounds(bounds),
        GestureEffect::DropPoint(css) => a.drop_point(css),
    }
}

fn wire_race(app: &SharedApp) -> Result<(), JsValue> {
    let a = app.borrow();
    let panel = &a.ui.race;
    let (list, lr, beta, speed, play, step, reset) = (
        panel.optimizer_list.clone(),
        panel.learning_rate.clone(),
        panel.beta.clone(),
        panel.speed.clone(),
        panel.play.clone(),
        panel.step.clone(),
        panel.reset.clone(),
    );
    drop(a);
    on(app, &list, "change", |a, _: Event| {
        let kinds = race_panel::checked_optimizers(a);
        a.set_optimizers(kinds);
    })?;
    for slider in [&lr, &beta] {
        on(app, slider, "input", |a, _: Event| {
            let read = |input: &web_sys::HtmlInputElement| input.value().parse::<f64>().ok();
            let panel = &a.ui.race;
            let (Some(position), Some(beta)) = (read(&panel.learning_rate), read(&panel.beta))
            else {
                return;
            };
            a.set_hyperparameters(Hyperparameters {
                learning_rate: learning_rate_from_slider(position),
                beta,
                ..a.race.hyper
            });
            race_panel::show_sliders(a);
        })?;
    }
    on(app, &speed, "input", |a, _: Event| {
        if let Ok(speed) = a.ui.race.speed.value().parse::<f64>() {
            a.race.steps_per_second = speed;
            race_panel::show_sliders(a);
        }
    })?;
    on(app, &play, "click", |a, _: Event| a.toggle_play())?;
    on(app, &step, "click", |a, _: Event| a.step_race())?;
    on(app, &reset, "click", |a, _: Event| a.restart_race())
}

fn wire_toolbar(app: &SharedApp) -> Result<(), JsValue> {
    let (copy, save) = {
        let a = app.borrow();
        (a.ui.copy_link.clone(), a.ui.save_png.clone())
    };
    on(app, &copy, "click", |a, _: Event| {
        dom::report(scene_link::copy_link(&a.ui, &a.scene()));
    })?;
    on(app, &save, "click", |a, _: Event| {
        dom::report(save_png(a));
    })?;
    let buttons = dom::document()?.query_selector_all("button[data-view]")?;
    for i in 0..buttons.length() {
        let Some(button) = buttons.item(i) else {
            continue;
        };
        on(app, &button, "click", |a, e: Event| {
            let view = e
                .current_target()
                .and_then(|t| t.dyn_into::<HtmlElement>().ok())
                .and_then(|b| b.get_attribute("data-view"));
            a.set_view_mode(match view.as_deref() {
                Some("map") => ViewMode::Map,
                Some("3d") => ViewMode::ThreeD,
                _ => ViewMode::Both,
            });
        })?;
    }
    Ok(())
}

/// Downloads the map, trajectories included, as a PNG.
fn save_png(a: &App) -> Result<(), JsValue> {
    let url = a.map.canvas.to_data_url_with_type("image/png")?;
    let link: web_sys::HtmlAnchorElement = dom::create("a")?;
    link.set_href(&url);
    link.set_download("saddle-map.png");
    link.click();
    Ok(())
}

fn wire_keyboard(app: &SharedApp) -> Result<(), JsValue> {
    let window = dom::window()?;
    on(app, &window, "keydown", |a, e: KeyboardEvent| {
        let modifiers = Modifiers {
            shift: e.shift_key(),
            shortcut: e.ctrl_key() || e.meta_key() || e.alt_key(),
        };
        let Some(command) = key_command(&e.key(), modifiers, focus_of(a, &e)) else {
            return;
        };
        match command {
            KeyCommand::PlayPause => a.toggle_play(),
            KeyCommand::Step => a.step_race(),
            KeyCommand::ResetRace => a.restart_race(),
            KeyCommand::TogglePresentation => {
                let on = !a.present;
                presentation::toggle(a, on);
            }
            KeyCommand::LeavePresentation if a.present => presentation::toggle(a, false),
            KeyCommand::LeavePresentation => return,
            KeyCommand::MovePoint(delta) => a.nudge_point(delta),
            KeyCommand::DropPoint => a.drop_point_from_keys(),
        }
        e.prevent_default();
    })
}

/// What kind of control the key event's target is, for [`key_command`].
fn focus_of(a: &App, event: &KeyboardEvent) -> Focus {
    let Some(element) = event
        .target()
        .and_then(|t| t.dyn_into::<HtmlElement>().ok())
    else {
        return Focus::Page;
    };
    if element.is_content_editable() {
        return Focus::TextField;
    }
    let kind = element.get_attribute("type").unwrap_or_default();
    match element.tag_name().as_str() {
        "INPUT" if kind == "checkbox" || kind == "radio" => Focus::CheckBox,
        "INPUT" if kind == "range" => Focus::Slider,
        "INPUT" if kind == "button" || kind == "submit" => Focus::Button,
        "INPUT" | "TEXTAREA" => Focus::TextField,
        "SELECT" => Focus::Menu,
        "BUTTON" | "SUMMARY" | "A" => Focus::Button,
        "CANVAS" if element.id() == "map" => Focus::Map,
        "CANVAS" if element.id() == "surface3d" && a.plots.keys_turn => Focus::Turntable,
        _ => Focus::Page,
    }
}
