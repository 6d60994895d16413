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
