//! The page's language: from the link, else the browser's preference; switchable at any time without
//! losing the scene. Every fixed word comes from the core's `i18n` tables through `data-i18n="key"`.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement};

use super::app::SharedApp;
use super::dom;
use crate::i18n::Language;
use crate::i18n::{browser_language, strings};

/// The language a scene opens in: the link's `lang`, else the first of `navigator.languages` the page speaks.
pub fn initial(link: Option<Language>) -> Language {
    link.unwrap_or_else(|| {
        let tags: Vec<String> = web_sys::window()
            .map(|w| w.navigator().languages())
            .map(|list| list.iter().filter_map(|tag| tag.as_string()).collect())
            .unwrap_or_default();
        let tags: Vec<&str> = tags.iter().map(String::as_str).collect();
        browser_language(&tags)
    })
}

/// Fills every `data-i18n` element's text and `data-i18n-label` element's aria-label, the document's
/// `lang` and title, and marks the current language in the switch.
pub fn apply_static_text(language: Language) -> Result<(), JsValue> {
    let words = strings(language);
    let document = dom::document()?;
    if let Some(root) = document.document_element() {
        root.set_attribute("lang", words.labels.html_lang)?;
    }
    document.set_title(words.labels.page_title);
    for (selector, attribute) in [
        ("[data-i18n]", "data-i18n"),
        ("[data-i18n-label]", "data-i18n-label"),
    ] {
        let marked = document.query_selector_all(selector)?;
        for i in 0..marked.length() {
            let Some(element) = marked.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
                continue;
            };
            let key = element.get_attribute(attribute).unwrap_or_default();
            let Some(text) = words.labels.get(&key) else {
                continue;
            };
            if attribute == "data-i18n" {
                dom::set_text(&element, text);
            } else {
                element.set_attribute("aria-label", text)?;
            }
        }
    }
    mark_in_switch(language)
}

/// Marks `language`'s button in the switch as the one pressed.
fn mark_in_switch(language: Language) -> Result<(), JsValue> {
    let buttons = dom::document()?.query_selector_all("#language-switch button")?;
    for i in 0..buttons.length() {
        if let Some(button) = buttons.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
            let pressed = button.get_attribute("data-lang").as_deref() == Some(language.code());
            button.set_attribute("aria-pressed", if pressed { "true" } else { "false" })?;
        }
    }
    Ok(())
}

/// One button per language, each named in its own language ("English", "中文").
pub fn wire_switch(app: &SharedApp) -> Result<(), JsValue> {
    let switch: HtmlElement = dom::by_id("language-switch")?;
    for language in Language::ALL {
        let button: HtmlElement = dom::create("button")?;
        button.set_attribute("type", "button")?;
        button.set_attribute("data-lang", language.code())?;
        button.set_attribute("lang", strings(language).labels.html_lang)?;
        dom::set_text(&button, strings(language).labels.language_name);
        switch.append_child(&button)?;
        let app = app.clone();
        dom::listen(&button, "click", move |_: web_sys::Event| {
            dom::report(app.borrow_mut().switch_language(language));
        })?;
    }
    // The page's text is already in its language (`App::mount` loaded the scene): only the switch is new.
    mark_in_switch(app.borrow().ui.language)
}
