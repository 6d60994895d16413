//! The font natively drawn text is set in. plotters' bitmap backend rasterizes glyphs itself (with ab_glyph),
//! and every native layout measures text with the same face; the browser has its own fonts and needs none.

use std::sync::OnceLock;

use plotters::style::{register_font, FontStyle};

use super::FONT;

/// Names a TrueType or OpenType file to use instead of the usual places.
pub const FONT_VARIABLE: &str = "SADDLE_FONT";

/// Where common systems keep a plain sans-serif face; Debian's is the `fonts-dejavu-core` package.
const SYSTEM_FONTS: [&str; 6] = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    "/System/Library/Fonts/Supplemental/Arial.ttf",
    "C:\\Windows\\Fonts\\arial.ttf",
];

/// Reads the font once ($SADDLE_FONT, else the first of a few common system fonts present) and registers it under
/// every family name the charts use. Call before drawing natively; later calls return the first outcome.
pub fn register_system_font() -> Result<(), String> {
    static OUTCOME: OnceLock<Result<(), String>> = OnceLock::new();
    OUTCOME.get_or_init(load_and_register).clone()
}

fn load_and_register() -> Result<(), String> {
    let chosen = std::env::var(FONT_VARIABLE).ok().filter(|p| !p.is_empty());
    let candidates: Vec<String> = match chosen {
        Some(path) => vec![path],
        None => SYSTEM_FONTS.iter().map(|p| p.to_string()).collect(),
    };
    let (path, bytes) = candidates
        .iter()
        .find_map(|path| std::fs::read(path).ok().map(|bytes| (path, bytes)))
        .ok_or_else(|| {
            format!(
                "no font to draw text with: install one (Debian: apt-get install fonts-dejavu-core) \
                 or set {FONT_VARIABLE}=/path/to/font.ttf; looked for {}",
                candidates.join(", ")
            )
        })?;
    // plotters keeps registered fonts for the life of the program; this one is read once, so leaking it is
    // exactly that lifetime.
    let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
    register_font(FONT, FontStyle::Normal, bytes)
        .map_err(|_| format!("{path} is not a TrueType or OpenType font"))?;
    Ok(())
}
