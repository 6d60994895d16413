//! The inspector panel: L, ∇L, the Hessian, its eigen-decomposition and the verdict for the point θ′.

use super::dom;
use super::palette::{css, eigen_colour};
use super::ui::{Inspector, Ui};
use crate::analysis::PointAnalysis;
use crate::i18n::Strings;
use crate::numbers::readable;

/// Shows `point` (and L_test there, on a loss with a test set), or the hint to drop one.
pub fn show(panel: &Inspector, words: &Strings, point: Option<&PointAnalysis>, test: Option<f64>) {
    panel.empty.set_hidden(point.is_some());
    panel.body.set_hidden(point.is_none());
    let Some(point) = point else {
        return;
    };
    let d = &point.derivatives;
    dom::set_text(&panel.kind, words.point_verdict(point));
    dom::report(panel.kind.set_attribute("data-kind", point.kind.name()));
    let not_a_minimum = point.not_a_minimum() == Some(true);
    dom::report(panel.kind.set_attribute(
        "data-not-a-minimum",
        if not_a_minimum { "true" } else { "false" },
    ));
    dom::set_text(&panel.at, &words.point(point.at));
    for (field, value) in [(&panel.point_x, point.at[0]), (&panel.point_y, point.at[1])] {
        show_coordinate(field, value);
    }
    dom::set_text(&panel.value, &words.number(d.value));
    for element in &panel.test_value {
        element.set_hidden(test.is_none());
    }
    if let Some(test) = test {
        show_number(words, &panel.test_value[1], test);
    }
    dom::set_text(&panel.gradient, &words.point(d.gradient));
    dom::set_text(&panel.gradient_norm, &words.number(d.gradient_norm()));
    let entries = [
        d.hessian[0][0],
        d.hessian[0][1],
        d.hessian[1][0],
        d.hessian[1][1],
    ];
    for (cell, value) in panel.hessian.iter().zip(entries) {
        show_number(words, cell, value);
    }
    for i in 0..2 {
        let lambda = point.eigen.values[i];
        show_number(words, &panel.eigenvalues[i], lambda);
        dom::report(
            panel.eigenvalues[i]
                .style()
                .set_property("color", &css(eigen_colour(lambda))),
        );
        dom::set_text(&panel.eigenvectors[i], &words.point(point.eigen.vectors[i]));
    }
    panel.escape.set_hidden(point.escape_direction().is_none());
}

/// A coordinate of θ′ in its field, unless the field is being typed into; four significant digits in the
/// number syntax a field reads (an ASCII minus), and the exact value in `data-value`.
fn show_coordinate(field: &web_sys::HtmlInputElement, value: f64) {
    let focused = dom::document()
        .ok()
        .and_then(|d| d.active_element())
        .is_some_and(|active| active == ***field);
    if !focused {
        field.set_value(&readable(value).replace('−', "-"));
    }
    dom::report(field.set_attribute("data-value", &value.to_string()));
}

/// θ′'s verdict and eigenvalues, in words a screen reader reads out (the page's live region).
pub fn announce(ui: &Ui, point: &PointAnalysis) {
    let words = ui.words;
    let [first, second] = point.eigen.values.map(|lambda| words.number(lambda));
    let text = (words.announce_point)(
        &words.point(point.at),
        words.point_verdict(point),
        &first,
        &second,
    );
    dom::set_text(&ui.announcer, &text);
}

/// A number as text, with the exact value kept in `data-value` for tests and tools.
fn show_number(words: &Strings, cell: &web_sys::HtmlElement, value: f64) {
    dom::set_text(cell, &words.number(value));
    dom::report(cell.set_attribute("data-value", &value.to_string()));
}

pub fn show_escape_result(panel: &Inspector, report: &str) {
    dom::set_text(&panel.escape_result, report);
}

pub fn clear_escape_result(panel: &Inspector) {
    dom::set_text(&panel.escape_result, "");
}
