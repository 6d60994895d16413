//! index.html names its translatable texts by `Labels` field (`data-i18n="copy_link"`): every name must exist,
//! or that element would silently stay in English.

use saddle::i18n::Labels;

#[test]
fn every_data_i18n_key_in_the_page_is_a_label() {
    let page = include_str!("../index.html");
    let mut keys = Vec::new();
    for attribute in ["data-i18n=\"", "data-i18n-label=\""] {
        for (start, _) in page.match_indices(attribute) {
            let rest = &page[start + attribute.len()..];
            keys.push(&rest[..rest.find('"').unwrap()]);
        }
    }
    assert!(keys.len() > 30, "found only {keys:?}");
    for key in ["copy_link", "lesson_title", "curvature_toggle", "map_label"] {
        assert!(keys.contains(&key), "{key} is not marked in index.html");
    }
    let unknown: Vec<&&str> = keys.iter().filter(|k| !Labels::KEYS.contains(k)).collect();
    assert!(unknown.is_empty(), "not in i18n::Labels: {unknown:?}");
    assert!(
        !page.contains("data-i18n>"),
        "a data-i18n attribute without a key"
    );
}

/// Every word of English in the page's body sits in an element marked `data-i18n` (an aria-label: marked
/// `data-i18n-label`), so it is replaced when
/// the language switches; what is left unmarked is symbols (η, B, L(θ′), H =), the product's name and the
/// `<noscript>` note, which no script can translate.
#[test]
fn no_fixed_english_is_left_in_the_page() {
    let page = include_str!("../index.html");
    let body = &page[page.find("<body>").unwrap()..page.find("<noscript>").unwrap()];
    let is_word = |w: &str| w.chars().filter(char::is_ascii_alphabetic).count() >= 2;
    let mut untranslated = Vec::new();
    for (start, _) in body.match_indices('<') {
        let rest = &body[start..];
        let tag = &rest[..rest.find('>').unwrap() + 1];
        let text = &rest[tag.len()..];
        let text = &text[..text.find('<').unwrap_or(text.len())];
        let has_words = text.split_whitespace().any(is_word);
        if has_words && !tag.contains("data-i18n=") && text.trim() != "Saddle" {
            untranslated.push(format!("{tag}{}", text.trim()));
        }
        if tag.contains("aria-label=") && !tag.contains("data-i18n-label=") {
            untranslated.push(tag.to_string());
        }
    }
    assert!(
        untranslated.is_empty(),
        "not marked data-i18n: {untranslated:#?}"
    );
    for key in [
        "lab_title",
        "lab_intro",
        "lab_rule",
        "lab_slices_hint",
        "lab_experiment_hint",
        "batch_hint",
        "seed_label",
    ] {
        assert!(
            page.contains(&format!("data-i18n=\"{key}\"")),
            "{key} is not marked in index.html"
        );
    }
}
