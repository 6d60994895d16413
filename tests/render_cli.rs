//! `saddle render` end to end: a share link drawn to SVG and PNG files by the page's drawing code.

mod common;

use saddle::analysis::PointKind;
use saddle::charts::palette::{kind_color, run_color};
use saddle::optim::OptimizerKind;
use serde_json::Value;

const LECTURE_LINK: &str =
    "https://example.org/saddle/#v=1&preset=lecture&pt=0.3,0.2&opt=gd,momentum&lr=0.05&steps=40";

/// `saddle render` with these arguments: exit code, stdout, stderr.
fn render(args: &[&str]) -> (i32, String, String) {
    common::saddle(&[&["render"], args].concat())
}

fn hex((r, g, b): (u8, u8, u8)) -> String {
    format!("#{r:02X}{g:02X}{b:02X}")
}

fn optimizer_hex(kind: OptimizerKind) -> String {
    let index = OptimizerKind::ALL
        .iter()
        .position(|k| *k == kind)
        .expect("listed");
    hex(run_color(index))
}

/// The value of `name="..."` in the first tag of `svg`.
fn root_attribute<'a>(svg: &'a str, name: &str) -> &'a str {
    let tag = &svg[..svg.find('>').expect("a closed root tag")];
    let start = tag.find(&format!(" {name}=\"")).expect("the attribute") + name.len() + 3;
    &tag[start..start + tag[start..].find('"').expect("a closing quote")]
}

#[test]
fn the_lecture_scene_renders_to_svg() {
    let scratch = common::Scratch::new();
    let out = scratch.path("lecture.svg");
    let out_text = out.to_str().expect("a UTF-8 path");
    let (code, stdout, stderr) = render(&[
        "--link",
        LECTURE_LINK,
        "--out",
        out_text,
        "--width",
        "1000",
        "--height",
        "760",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let report: Value = serde_json::from_str(&stdout).expect("JSON on stdout");
    assert_eq!(report["out"], out_text);
    assert_eq!(
        (report["width"].as_u64(), report["height"].as_u64()),
        (Some(1000), Some(760))
    );
    assert_eq!(report["notices"], Value::Array(Vec::new()));
    // What the figure shows, in numbers: the saddle at the origin, the valley named once, both races at
    // step 40 of the link and still moving.
    let critical = report["critical_points"]
        .as_array()
        .expect("critical points");
    assert_eq!(critical.len(), 1, "{critical:?}");
    assert_eq!(critical[0]["kind"], "saddle");
    assert_eq!(critical[0]["at"], serde_json::json!([0.0, 0.0]));
    assert_eq!(report["continuum"], "minima");
    let runs = report["runs"].as_array().expect("runs");
    assert_eq!(runs.len(), 2);
    for (run, optimizer) in runs.iter().zip(["gd", "momentum"]) {
        assert_eq!(run["optimizer"], optimizer);
        assert_eq!(run["steps"], 40);
        assert_eq!(run["status"], "running");
    }

    let svg = std::fs::read_to_string(&out).expect("the SVG was written");
    assert!(svg.starts_with("<svg"), "{}", &svg[..80.min(svg.len())]);
    assert!(svg.trim_end().ends_with("</svg>"));
    assert_eq!(root_attribute(&svg, "width"), "1000");
    assert_eq!(root_attribute(&svg, "height"), "760");
    assert_eq!(svg.matches("<text").count(), svg.matches("</text>").count());
    // The heatmap is one embedded PNG with a media type browsers accept.
    assert_eq!(svg.matches("href=\"data:image/png;base64,").count(), 1);
    // Both trajectories in their palette colours, the saddle's marker in its kind's colour.
    for kind in [OptimizerKind::Gd, OptimizerKind::Momentum] {
        assert!(svg.contains(&optimizer_hex(kind)), "no {kind:?} colour");
    }
    assert!(svg.contains(&hex(kind_color(PointKind::Saddle))));
    for words in [
        "saddle point",
        "Gradient descent",
        "Momentum",
        "one-neuron network",
    ] {
        assert!(svg.contains(words), "the legend lacks {words}");
    }
    // 40 steps at η = 0.05 from (0.3, 0.2): neither run has finished, and the legend says so.
    assert!(
        svg.contains("Gradient descent (still moving, 40 steps)"),
        "{svg:.0}"
    );
}

#[test]
fn the_lecture_scene_renders_to_png() {
    let scratch = common::Scratch::new();
    let out = scratch.path("lecture.png");
    let (code, stdout, stderr) = render(&[
        "--link",
        LECTURE_LINK,
        "--out",
        out.to_str().expect("UTF-8"),
        "--width",
        "640",
        "--height",
        "480",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("\"width\": 640"), "{stdout}");
    let png = std::fs::read(&out).expect("the PNG was written");
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    assert_eq!(&png[12..16], b"IHDR");
    let width = u32::from_be_bytes(png[16..20].try_into().expect("4 bytes"));
    let height = u32::from_be_bytes(png[20..24].try_into().expect("4 bytes"));
    assert_eq!((width, height), (640, 480));
}

#[test]
fn a_hostile_link_still_renders_the_default_scene_with_warnings() {
    let scratch = common::Scratch::new();
    let out = scratch.path("hostile.svg");
    let link = "#v=9&preset=%3Cscript%3E&pt=1e999,0&opt=nope&lr=-3&steps=999999999&box=5,1,0,1";
    let (code, stdout, stderr) = render(&["--link", link, "--out", out.to_str().expect("UTF-8")]);
    assert_eq!(code, 0, "{stderr}");
    let report: Value = serde_json::from_str(&stdout).expect("JSON on stdout");
    let notices = report["notices"].as_array().expect("a list");
    assert!(notices.len() >= 6, "{notices:?}");
    // Every notice is also a warning on stderr.
    assert_eq!(
        stderr.matches("saddle: warning: ").count(),
        notices.len(),
        "{stderr}"
    );
    let svg = std::fs::read_to_string(&out).expect("the SVG was written");
    assert_eq!(root_attribute(&svg, "width"), "1200");
    assert_eq!(root_attribute(&svg, "height"), "900");
    // The default scene: the lecture's surface raced by gradient descent and momentum.
    assert!(svg.contains("one-neuron network"));
    assert!(svg.contains(&optimizer_hex(OptimizerKind::Momentum)));
    assert!(!svg.contains("<script"));
}

#[test]
fn an_unknown_extension_or_size_fails_with_exit_code_2() {
    for args in [
        vec!["--link", LECTURE_LINK, "--out", "figure.jpg"],
        vec!["--link", LECTURE_LINK, "--out", "figure"],
        vec![
            "--link",
            LECTURE_LINK,
            "--out",
            "figure.svg",
            "--width",
            "10",
        ],
        vec!["--out", "figure.svg"],
    ] {
        let (code, stdout, stderr) = render(&args);
        assert_eq!(code, 2, "{args:?}: {stdout}");
        assert!(stderr.starts_with("saddle: "), "{stderr}");
    }
    assert!(!std::path::Path::new("figure.jpg").exists());
}

#[test]
fn help_shows_an_example() {
    let (code, stdout, _) = render(&["--help"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("saddle render --link"), "{stdout}");
}

#[test]
fn a_curvature_map_link_renders_classes_instead_of_the_colour_bar() {
    let scratch = common::Scratch::new();
    let svg_of = |name: &str, link: &str| {
        let out = scratch.path(name);
        let (code, _, stderr) = render(&["--link", link, "--out", out.to_str().expect("UTF-8")]);
        assert_eq!(code, 0, "{stderr}");
        std::fs::read_to_string(&out).expect("the SVG was written")
    };
    let loss = svg_of("loss.svg", LECTURE_LINK);
    let curvature = svg_of("curvature.svg", &format!("{LECTURE_LINK}&map=curvature"));
    // The colour bar's bottom band is viridis at its darkest; only the map of L has one.
    let [r, g, b] = saddle::render::viridis(0.5 / 64.0);
    let darkest_band = hex((r, g, b));
    assert!(loss.contains(&darkest_band));
    assert!(!curvature.contains(&darkest_band));
    // (SVG escapes the "<" and ">" of the other two labels.)
    for words in ["bowl-like", "cap-like", "saddle-like: λ of both signs"] {
        assert!(curvature.contains(words), "the legend lacks {words}");
        assert!(!loss.contains(words));
    }
    // Still one embedded heatmap image, and the points and runs of the scene on top.
    assert_eq!(
        curvature.matches("href=\"data:image/png;base64,").count(),
        1
    );
    assert!(curvature.contains(&optimizer_hex(OptimizerKind::Momentum)));
}
