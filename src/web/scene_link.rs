//! The scene in the URL fragment: kept current with replaceState, copied with "Copy link", and opened
//! again when the fragment changes.

use clipboard::copy_text;
use wasm_bindgen::prelude::*;

use super::app::SharedApp;
use super::dom;
use crate::share::{decode, encode, Scene};

/// Rewrites the fragment without adding history entries (a drag would otherwise flood the back button).
pub fn replace_url(scene: &Scene) -> Result<(), JsValue> {
    let fragment = format!("#{}", encode(scene));
    let window = dom::window()?;
    if window.location().hash().ok().as_deref() == Some(fragment.as_str()) {
        return Ok(());
    }
    window
        .history()?
        .replace_state_with_url(&JsValue::NULL, "", Some(&fragment))
}

/// The page's URL for this scene.
pub fn link(scene: &Scene) -> Result<String, JsValue> {
    let location = dom::window()?.location();
    let href = location.href()?;
    let base = href.split('#').next().unwrap_or(&href).to_string();
    Ok(format!("{base}#{}", encode(scene)))
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

mod clipboard {
    //! Copying without an async runtime: the clipboard promise settles in plain callbacks.
    use wasm_bindgen::prelude::*;

    /// Tries navigator.clipboard; calls `done(true)` on success and `done(false)` when the browser refuses.
    pub fn copy_text(text: &str, done: impl FnOnce(bool) + 'static) {
        let Some(clipboard) = web_sys::window().map(|w| w.navigator().clipboard()) else {
            done(false);
            return;
        };
        let done = std::rc::Rc::new(std::cell::RefCell::new(Some(done)));
        let on_success = {
            let done = done.clone();
            Closure::once(move |_: JsValue| {
                if let Some(done) = done.borrow_mut().take() {
                    done(true);
                }
            })
        };
        let on_failure = Closure::once(move |_: JsValue| {
            if let Some(done) = done.borrow_mut().take() {
                done(false);
            }
        });
        let _ = clipboard.write_text(text).then2(&on_success, &on_failure);
        // The promise owns the callbacks until it settles.
        on_success.forget();
        on_failure.forget();
    }
}

/// Puts the link in the read-only field, selects it, and copies it when the browser allows.
pub fn copy_link(ui: &super::ui::Ui, scene: &Scene) -> Result<(), JsValue> {
    let url = link(scene)?;
    ui.share_row.set_hidden(false);
    ui.share_link.set_value(&url);
    ui.share_link.select();
    let status = ui.share_status.clone();
    let words = ui.words;
    copy_text(&url, move |copied| {
        let message = if copied {
            words.labels.link_copied
        } else {
            words.labels.copy_by_hand
        };
        dom::set_text(&status, message);
    });
    Ok(())
}
