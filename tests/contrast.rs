//! Text on the page meets WCAG AA (4.5:1): the stylesheet's colours, read from `www/style.css`, and the
//! palette's colours that the page writes text in, checked pair by pair.

use plotters::style::RGBColor;
use saddle::charts::palette::{contrast_ratio, eigen_colour, PAPER};

const STYLE: &str = include_str!("../www/style.css");

/// `#rrggbb` as a colour.
fn hex(text: &str) -> RGBColor {
    let digits = text.trim().trim_start_matches('#');
    assert_eq!(digits.len(), 6, "{text} is not #rrggbb");
    let channel = |i: usize| u8::from_str_radix(&digits[i..i + 2], 16).expect("hex digits");
    RGBColor(channel(0), channel(2), channel(4))
}

/// The value of the custom property `--name` declared in the stylesheet's `:root`.
fn variable(name: &str) -> RGBColor {
    let declaration = format!("--{name}:");
    let start = STYLE
        .find(&declaration)
        .unwrap_or_else(|| panic!("style.css declares no --{name}"))
        + declaration.len();
    let end = start + STYLE[start..].find(';').expect("a ';'");
    hex(&STYLE[start..end])
}

/// A colour as the stylesheet names it: `var-name` for `var(--name)`, or a literal `#rrggbb` that the
/// stylesheet must still contain (so a change there is checked here).
fn colour(name: &str) -> RGBColor {
    match name.strip_prefix("var-") {
        Some(variable_name) => variable(variable_name),
        None => {
            assert!(STYLE.contains(name), "style.css no longer uses {name}");
            hex(name)
        }
    }
}

#[test]
fn every_text_colour_on_its_background_has_at_least_4_5_to_1() {
    // (what, text, background)
    let pairs = [
        ("body text", "var-ink", "var-paper"),
        ("body text on the page", "var-ink", "var-page"),
        ("hints", "var-muted", "var-paper"),
        ("hints on the page", "var-muted", "var-page"),
        ("primary buttons", "#fff", "var-accent"),
        ("pressed buttons", "#fff", "var-ink"),
        ("the escape button", "#fff", "var-warn-strong"),
        ("a run stalled at a saddle", "var-warn-strong", "var-paper"),
        ("the escape's result", "var-accent", "var-paper"),
        (
            "formula errors and the stale-map note",
            "#8a3a00",
            "#fdf1ea",
        ),
        ("the crash banner's link", "var-warn-strong", "#fde7dc"),
        ("a saddle's verdict", "var-ink", "#fbe6c2"),
        ("a minimum's verdict", "var-ink", "#dcedf8"),
        ("a maximum's verdict", "var-ink", "#f8dccb"),
        ("a degenerate verdict", "var-ink", "#f3dfeb"),
    ];
    for (what, text, background) in pairs {
        let text_colour = if text == "#fff" { PAPER } else { colour(text) };
        let ratio = contrast_ratio(text_colour, colour(background));
        assert!(
            ratio >= 4.5,
            "{what}: {text} on {background} is {ratio:.2}:1"
        );
    }
}

#[test]
fn the_issue_s_vermillion_fails_and_the_page_no_longer_writes_text_in_it() {
    // #d55e00 stays for borders and the maximum's marker (3:1 suffices there), not for text.
    let vermillion = variable("warn");
    assert!(contrast_ratio(vermillion, PAPER) < 4.5);
    assert!(contrast_ratio(PAPER, vermillion) < 4.5);
    // The negative eigenvalue is written in the palette's darker vermillion.
    assert_eq!(eigen_colour(-1.0), variable("warn-strong"));
    for property in ["color", "background"] {
        let written = STYLE
            .match_indices(&format!("{property}: var(--warn);"))
            .filter(|(at, _)| !STYLE[..*at].ends_with('-'))
            .count();
        assert_eq!(
            written, 0,
            "{property}: var(--warn) (not border-{property})"
        );
    }
}
