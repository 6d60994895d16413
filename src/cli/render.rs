//! `saddle render`: a share link's scene drawn to an SVG or PNG file, with the page's own drawing code.

use std::path::Path;

use serde_json::{json, Value};

use super::args::Args;
use saddle::charts::{write_figure, FigureFormat};
use saddle::scene::{figure_scene, Summary};
use saddle::share::decode;

/// A figure's default size in pixels: a 4:3 slide at a sharp resolution.
const DEFAULT_SIZE: (u32, u32) = (1200, 900);
/// Figures smaller than this cannot fit the map's margins and legend; larger ones only cost memory.
const SIDE_RANGE: std::ops::RangeInclusive<u32> = 200..=8000;

pub fn render(args: &Args) -> Result<Value, String> {
    args.only(&["link", "out", "width", "height"])?;
    let link = args
        .text("link")
        .ok_or("give the scene with --link 'URL or #fragment' (copy it from the page)")?;
    let out = args
        .text("out")
        .ok_or("give the file to write with --out fig.svg or fig.png")?;
    let path = Path::new(out);
    if FigureFormat::of_path(path).is_none() {
        return Err(format!("--out {out}: name the file .svg or .png"));
    }
    let width = side(args, "width", DEFAULT_SIZE.0)?;
    let height = side(args, "height", DEFAULT_SIZE.1)?;
    // A full address carries the scene after '#'; a bare fragment is the scene itself.
    let fragment = link.split_once('#').map_or(link, |(_, fragment)| fragment);
    let decoded = decode(fragment);
    for notice in &decoded.notices {
        eprintln!("saddle: warning: {notice}");
    }
    let figure = figure_scene(&decoded.scene);
    write_figure(&figure, path, (width, height))?;
    let summary = Summary::of(&figure.critical, &figure.runs);
    Ok(json!({
        "out": out,
        "width": width,
        "height": height,
        "notices": decoded.notices,
        "critical_points": summary.critical_points,
        "continuum": summary.continuum,
        "runs": summary.runs,
    }))
}

fn side(args: &Args, name: &str, default: u32) -> Result<u32, String> {
    let Some(asked) = args.count(name)? else {
        return Ok(default);
    };
    u32::try_from(asked)
        .ok()
        .filter(|side| SIDE_RANGE.contains(side))
        .ok_or_else(|| {
            format!(
                "--{name} must be from {} to {} pixels, not {asked}",
                SIDE_RANGE.start(),
                SIDE_RANGE.end()
            )
        })
}
