//! Small typed helpers over web-sys, so the rest of the web layer reads as what it does.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{AddEventListenerOptions, Document, Element, EventTarget, Window};

pub fn window() -> Result<Window, JsValue> {
    web_sys::window().ok_or_else(|| JsValue::from_str("no window"))
}

/// Milliseconds on the page's clock (`performance.now()`, 0 in a browser without one).
pub fn now_ms() -> Result<f64, JsValue> {
    Ok(window()?.performance().map_or(0.0, |clock| clock.now()))
}

pub fn document() -> Result<Document, JsValue> {
    window()?
        .document()
        .ok_or_else(|| JsValue::from_str("no document"))
}

/// The element with this id, as the type `index.html` declares it.
pub fn by_id<T: JsCast>(id: &str) -> Result<T, JsValue> {
    document()?
        .get_element_by_id(id)
        .ok_or_else(|| JsValue::from_str(&format!("the page has no #{id}")))?
        .dyn_into::<T>()
        .map_err(|_| JsValue::from_str(&format!("#{id} is not the expected kind of element")))
}

pub fn create<T: JsCast>(tag: &str) -> Result<T, JsValue> {
    document()?
        .create_element(tag)?
        .dyn_into::<T>()
        .map_err(|_| JsValue::from_str(&format!("<{tag}> has an unexpected type")))
}

/// Text from people and links reaches the page only through here (textContent, never HTML).
pub fn set_text(element: &Element, text: &str) {
    // Rewriting the same words still makes the browser lay the element out again: panels refreshed every
    // frame of a race must cost nothing when nothing changed.
    // An element with child elements is always rewritten: clearing a table with "" must drop its rows.
    let unchanged =
        element.child_element_count() == 0 && element.text_content().as_deref() == Some(text);
    if !unchanged {
        element.set_text_content(Some(text));
    }
}

/// Adds a listener for the lifetime of the page: the closure is handed to JS and deliberately leaked.
pub fn listen<E: JsCast + 'static>(
    target: &EventTarget,
    event: &str,
    handler: impl FnMut(E) + 'static,
) -> Result<(), JsValue> {
    listen_with(target, event, None, handler)
}

/// Like [`listen`], with the browser's listener options: `passive: false` for a handler that calls
/// `preventDefault` on the events browsers make passive by default (wheel, touch).
pub fn listen_with<E: JsCast + 'static>(
    target: &EventTarget,
    event: &str,
    options: Option<&AddEventListenerOptions>,
    mut handler: impl FnMut(E) + 'static,
) -> Result<(), JsValue> {
    let closure = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
        if let Ok(event) = event.dyn_into::<E>() {
            handler(event);
        }
    });
    match options {
        Some(options) => target.add_event_listener_with_callback_and_add_event_listener_options(
            event,
            closure.as_ref().unchecked_ref(),
            options,
        )?,
        None => target.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref())?,
    }
    closure.forget();
    Ok(())
}

/// Tells when an element's size on screen may have changed, without asking the browser for it.
///
/// Reading a size (`clientWidth`) forces a layout of the whole page when anything on it changed since the
/// last one; a frame that did so every time paid that layout on each frame, and at load a whole relayout
/// before the map could draw. A `ResizeObserver` reports changes after the browser's own layout instead.
pub struct SizeWatch {
    resized: Rc<Cell<bool>>,
    /// Kept so the observer lives as long as what it reports to.
    _observer: web_sys::ResizeObserver,
    _callback: Closure<dyn FnMut()>,
}

impl SizeWatch {
    pub fn new(element: &Element) -> Result<SizeWatch, JsValue> {
        let resized = Rc::new(Cell::new(true));
        let flag = Rc::clone(&resized);
        let callback = Closure::<dyn FnMut()>::new(move || flag.set(true));
        let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref())?;
        observer.observe(element);
        Ok(SizeWatch {
            resized,
            _observer: observer,
            _callback: callback,
        })
    }

    /// True once after each change of size (and at first): the element's size is worth reading again.
    pub fn take_resized(&self) -> bool {
        self.resized.replace(false)
    }
}

/// A JS error value as one line of text for the crash banner or the console.
pub fn describe(error: &JsValue) -> String {
    error
        .as_string()
        .or_else(|| {
            error
                .dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| format!("{error:?}"))
}

/// Sends an error that the page can live with (an attribute not set, a focus refused) to the console
/// instead of dropping it, so it is seen when something looks wrong.
pub fn report<T, E: Into<JsValue>>(result: Result<T, E>) {
    if let Err(error) = result {
        web_sys::console::error_1(&error.into());
    }
}

type FrameCallback = Closure<dyn FnMut(f64)>;

/// Calls `frame` with each animation frame's time in milliseconds, the first at the next vsync. An error from
/// `frame`, or from asking for the next frame, goes to `failed` and ends the loop.
pub fn animate(
    mut frame: impl FnMut(f64) -> Result<(), JsValue> + 'static,
    failed: impl Fn(JsValue) + 'static,
) -> Result<(), JsValue> {
    // Each frame asks for the next with a reference to its own closure, which lives in `slot`; the closure
    // holds `next`, a second handle to `slot`. That cycle keeps the closure alive on purpose while the loop
    // runs; an error breaks it by taking the closure out of the slot.
    let slot: Rc<RefCell<Option<FrameCallback>>> = Rc::new(RefCell::new(None));
    let next = Rc::clone(&slot);
    *slot.borrow_mut() = Some(Closure::new(move |now_ms: f64| {
        let scheduled = frame(now_ms).and_then(|()| match next.borrow().as_ref() {
            Some(callback) => request_frame(callback),
            None => Ok(()),
        });
        if let Err(error) = scheduled {
            failed(error);
            // Drops this closure once the frame returns, ending the loop and freeing the cycle.
            drop(next.borrow_mut().take());
        }
    }));
    let first = slot.borrow();
    match first.as_ref() {
        Some(callback) => request_frame(callback),
        None => Ok(()),
    }
}

fn request_frame(callback: &FrameCallback) -> Result<(), JsValue> {
    window()?.request_animation_frame(callback.as_ref().unchecked_ref())?;
    Ok(())
}
