//! Both charts rendered to SVG natively, the same drawing code the browser runs on a canvas.

use std::cell::RefCell;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::FontTransform;
use plotters_backend::{BackendColor, BackendCoord, BackendTextStyle, DrawingErrorKind};
use saddle::analysis::PointKind;
use saddle::bounds::Bounds;
use saddle::charts::palette::{kind_color, run_color, RUN_COLORS};
use saddle::charts::{draw_loss_chart, draw_surface3d, register_system_font, Trajectory};
use saddle::formula::Formula;
use saddle::i18n::Language;
use saddle::i18n::{strings, ChartWords};
use saddle::optim::OptimizerKind;
use saddle::render::Orientation;

fn english() -> &'static ChartWords {
    &strings(Language::English).chart
}

fn render_svg(draw: impl FnOnce(&DrawingArea<SVGBackend, Shift>) -> Result<(), String>) -> String {
    // Natively, plotters measures text with a real font (the browser brings its own).
    register_system_font().expect("a system font (Debian: fonts-dejavu-core)");
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, (640, 480)).into_drawing_area();
        draw(&area).expect("drawing into a string cannot fail");
    }
    svg
}

fn hex((r, g, b): (u8, u8, u8)) -> String {
    format!("#{r:02X}{g:02X}{b:02X}")
}

/// Every `<tag`'s matching close or self-close: the XML is at least well nested.
fn assert_well_formed(svg: &str) {
    assert!(svg.starts_with("<svg"), "{}", &svg[..svg.len().min(80)]);
    assert!(svg.trim_end().ends_with("</svg>"));
    let opened = svg.matches("<text").count();
    assert_eq!(opened, svg.matches("</text>").count());
    assert!(
        !svg.contains("NaN") && !svg.contains("inf"),
        "non-finite coordinates leaked"
    );
}

/// The texts of all `<text>` elements.
fn texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|rest| {
            let body = rest.split_once('>')?.1;
            Some(body.split_once("</text>")?.0.trim().to_string())
        })
        .collect()
}

/// Lines (`<polyline>` or `<path>`) stroked in `color`.
fn strokes_in(svg: &str, color: (u8, u8, u8)) -> usize {
    let stroke = format!("stroke=\"{}\"", hex(color));
    svg.split('<')
        .filter(|element| element.starts_with("polyline") || element.starts_with("path"))
        .filter(|element| element.contains(&stroke))
        .count()
}

/// Gradient descent with step `rate` on the lecture surface L = (1 − xy)², ∇L = −2(1 − xy)(y, x).
fn descent(start: [f64; 2], rate: f64, steps: usize) -> (Vec<[f64; 2]>, Vec<f64>) {
    let mut at = start;
    let mut points = Vec::new();
    let mut losses = Vec::new();
    for _ in 0..steps {
        let residual = 1.0 - at[0] * at[1];
        points.push(at);
        losses.push(residual * residual);
        at = [
            at[0] + rate * 2.0 * residual * at[1],
            at[1] + rate * 2.0 * residual * at[0],
        ];
    }
    (points, losses)
}

fn lecture() -> (Formula, Bounds) {
    (
        Formula::parse("(1 - x*y)^2").unwrap(),
        Bounds::new(-2.0, 2.0, -2.0, 2.0).unwrap(),
    )
}

#[test]
fn surface_draws_mesh_axes_point_and_every_trajectory_in_its_colour() {
    let (formula, bounds) = lecture();
    let (near_saddle, near_saddle_losses) = descent([0.3, -0.25], 0.05, 60);
    let (far, far_losses) = descent([-1.8, 1.5], 0.01, 60);
    let runs = [
        Trajectory {
            label: "gradient descent",
            color: run_color(0),
            points: &near_saddle,
            losses: &near_saddle_losses,
        },
        Trajectory {
            label: "slow descent",
            color: run_color(1),
            points: &far,
            losses: &far_losses,
        },
    ];
    let svg = render_svg(|area| {
        draw_surface3d(
            area,
            &formula,
            bounds,
            Orientation::default(),
            Some([0.0, 0.0]),
            &runs,
        )
    });
    assert_well_formed(&svg);
    for run in &runs {
        assert!(
            strokes_in(&svg, run.color) >= 1,
            "no line in {}",
            hex(run.color)
        );
    }
    let labels = texts(&svg);
    for name in ["x", "y", "L"] {
        assert!(
            labels.iter().any(|t| t == name),
            "axis name {name} missing from {labels:?}"
        );
    }
    // L runs from 0 (on the hyperbola xy = 1) to 25 (at (2, −2)), but the race starts at L = 1.075² ≈ 1.16,
    // in the lowest quarter: the height is fitted to 0…5 (2 × 1.16 rounded up to 1, 2 or 5), so the runs
    // fill the box instead of a sliver at its bottom. Its ticks: 0, 2, 4.
    for tick in ["0", "2", "4"] {
        assert!(
            labels.iter().any(|t| t == tick),
            "tick {tick} missing from {labels:?}"
        );
    }
    assert!(!labels.iter().any(|t| t == "20"), "{labels:?}");
    // 40 × 40 cells, all defined: one filled polygon each, plus the three back walls of the box.
    assert_eq!(svg.matches("<polygon").count(), 1600 + 3);
    // Without a race the whole surface: ticks 0, 10 and 20.
    let bare = render_svg(|area| {
        draw_surface3d(area, &formula, bounds, Orientation::default(), None, &[])
    });
    let labels = texts(&bare);
    for tick in ["0", "10", "20"] {
        assert!(
            labels.iter().any(|t| t == tick),
            "tick {tick} missing from {labels:?}"
        );
    }
}

#[test]
fn a_surface_undefined_on_half_the_box_still_draws_the_other_half() {
    let formula = Formula::parse("log(x) + y^2").unwrap();
    let bounds = Bounds::new(-2.0, 2.0, -2.0, 2.0).unwrap();
    // A run that walks from the undefined half into the defined one: only its defined part is drawn.
    let points = [[-1.0, 0.0], [-0.5, 0.0], [0.5, 0.0], [1.0, 0.0], [1.5, 0.0]];
    let losses: Vec<f64> = points.iter().map(|p| formula.value(p[0], p[1])).collect();
    let run = Trajectory {
        label: "half",
        color: RUN_COLORS[2],
        points: &points,
        losses: &losses,
    };
    let svg = render_svg(|area| {
        draw_surface3d(
            area,
            &formula,
            bounds,
            Orientation::default(),
            Some([-1.0, 1.0]),
            &[run],
        )
    });
    assert_well_formed(&svg);
    let cells = svg.matches("<polygon").count();
    // Only cells with both edges at x > 0 are whole: columns 21..40 of nodes, so 19 of the 40 cell columns
    // (the column touching x = 0, where log gives −∞, is dropped). Plus the box's three back walls.
    assert_eq!(
        cells,
        19 * 40 + 3,
        "expected only the x > 0 half of the mesh"
    );
    assert!(strokes_in(&svg, RUN_COLORS[2]) >= 1);
}

#[test]
fn surfaces_undefined_everywhere_or_flat_or_spiky_never_fail() {
    let bounds = Bounds::new(-1.0, 1.0, -1.0, 1.0).unwrap();
    for source in ["log(-1 - x^2)", "3", "1/(x^2 + y^2)", "exp(exp(exp(10*x)))"] {
        let formula = Formula::parse(source).unwrap();
        let svg = render_svg(|area| {
            draw_surface3d(
                area,
                &formula,
                bounds,
                Orientation::default(),
                Some([0.0, 0.0]),
                &[],
            )
        });
        assert_well_formed(&svg);
    }
}

#[test]
fn a_pole_does_not_flatten_the_surface() {
    // 1/(x² + y²) sampled on a mesh through the origin: ∞ there, 100 next to it, ≤ 1 over most of the box.
    let formula = Formula::parse("1/(x^2 + y^2)").unwrap();
    let bounds = Bounds::new(-2.0, 2.0, -2.0, 2.0).unwrap();
    let svg = render_svg(|area| {
        draw_surface3d(area, &formula, bounds, Orientation::default(), None, &[])
    });
    let top_tick = texts(&svg)
        .iter()
        .filter_map(|t| t.parse::<f64>().ok())
        .fold(f64::NEG_INFINITY, f64::max);
    // Cut at the 95th percentile (≈ 3.9: the 5% of the box within r² ≈ 0.25) plus twice the 5–95 spread: ≈ 11.5.
    assert!(
        (10.0..20.0).contains(&top_tick),
        "the L axis reaches {top_tick}: the spike was not cut"
    );
}

#[test]
fn dragging_turns_and_pitch_stays_in_range() {
    let start = Orientation::default();
    let turned = start.turned(-30.0, 10.0);
    assert!((turned.yaw - (start.yaw + 0.3)).abs() < 1e-12);
    assert!((turned.pitch - (start.pitch + 0.1)).abs() < 1e-12);
    assert_eq!(start.turned(0.0, 1e6).pitch, 1.5);
    assert_eq!(start.turned(0.0, -1e6).pitch, 0.05);
    // A full turn comes back to the same view; non-finite drags change nothing.
    let full_turn = start.turned(-std::f64::consts::TAU / 0.01, 0.0);
    assert!((full_turn.yaw - start.yaw).abs() < 1e-9);
    assert_eq!(start.turned(f64::NAN, f64::INFINITY), start);
}

#[test]
fn loss_chart_draws_a_line_per_run_with_legend_and_step_axis() {
    let (a, a_losses) = descent([0.3, -0.25], 0.05, 50);
    let (b, b_losses) = descent([-1.8, 1.5], 0.01, 30);
    let runs = [
        Trajectory {
            label: "gradient descent",
            color: run_color(0),
            points: &a,
            losses: &a_losses,
        },
        Trajectory {
            label: "slow descent",
            color: run_color(4),
            points: &b,
            losses: &b_losses,
        },
    ];
    let svg = render_svg(|area| draw_loss_chart(area, &runs, false, english()));
    assert_well_formed(&svg);
    let labels = texts(&svg);
    for text in ["step", "L", "gradient descent", "slow descent"] {
        assert!(
            labels.iter().any(|t| t == text),
            "{text} missing from {labels:?}"
        );
    }
    // The run's line plus its legend sample.
    assert_eq!(strokes_in(&svg, run_color(0)), 2);
    assert_eq!(strokes_in(&svg, run_color(4)), 2);
}

#[test]
fn log_loss_chart_ticks_are_powers_of_ten() {
    let losses = [1.0, 0.1, 1e-3, 1e-6];
    let points = [[0.0, 0.0]; 4];
    let run = Trajectory {
        label: "decay",
        color: run_color(0),
        points: &points,
        losses: &losses,
    };
    let svg = render_svg(|area| draw_loss_chart(area, &[run], true, english()));
    let labels = texts(&svg);
    let powers: Vec<&String> = labels.iter().filter(|t| t.starts_with("10")).collect();
    // 10⁻⁶ … 10⁰, one tick per decade.
    for expected in ["10⁻⁶", "10⁻³", "10⁰"] {
        assert!(
            labels.iter().any(|t| t == expected),
            "{expected} missing from {labels:?}"
        );
    }
    assert!(powers
        .iter()
        .all(|t| t.chars().skip(2).all(|c| "⁻⁰¹²³⁴⁵⁶⁷⁸⁹".contains(c))));
    assert!(labels.iter().any(|t| t == "L (log scale)"));
}

#[test]
fn log_loss_chart_of_non_positive_losses_says_it_is_shifted() {
    let losses = [3.0, 0.0, -1.0, f64::NAN, -1.0];
    let points = [[0.0, 0.0]; 5];
    let run = Trajectory {
        label: "below zero",
        color: run_color(1),
        points: &points,
        losses: &losses,
    };
    let svg = render_svg(|area| draw_loss_chart(area, &[run], true, english()));
    assert_well_formed(&svg);
    assert!(texts(&svg).iter().any(|t| t.starts_with("L − L_min + ε")));
    // The NaN splits the line in two pieces, plus the legend sample.
    assert_eq!(strokes_in(&svg, run_color(1)), 3);
}

#[test]
fn an_empty_race_still_draws_axes() {
    for logarithmic in [false, true] {
        let svg = render_svg(|area| draw_loss_chart(area, &[], logarithmic, english()));
        assert_well_formed(&svg);
        let labels = texts(&svg);
        assert!(labels.iter().any(|t| t == "step"));
        assert!(
            labels.iter().any(|t| t == "0"),
            "no step ticks in {labels:?}"
        );
    }
}

#[test]
fn the_loss_chart_is_titled_in_the_words_it_is_given() {
    let chinese = &strings(Language::Chinese).chart;
    let svg = render_svg(|area| draw_loss_chart(area, &[], true, chinese));
    let labels = texts(&svg);
    for expected in ["步数", "L（对数坐标）"] {
        assert!(
            labels.iter().any(|t| t == expected),
            "{expected} missing from {labels:?}"
        );
    }
    assert!(!labels.iter().any(|t| t == "step"));
}

#[test]
fn palette_colours_are_distinct_and_cycle() {
    for (i, a) in RUN_COLORS.iter().enumerate() {
        assert!(RUN_COLORS[i + 1..].iter().all(|b| b != a), "{a:?} repeats");
    }
    assert_eq!(run_color(0), (230, 159, 0));
    assert_eq!(run_color(RUN_COLORS.len()), run_color(0));
    // Each optimizer keeps a colour of its own (the page colours them by their place in this list).
    assert!(OptimizerKind::ALL.len() <= RUN_COLORS.len());
    let kinds = [
        PointKind::LocalMinimum,
        PointKind::LocalMaximum,
        PointKind::Saddle,
        PointKind::Degenerate,
    ]
    .map(kind_color);
    assert!(kinds
        .iter()
        .enumerate()
        .all(|(i, a)| kinds[i + 1..].iter().all(|b| b != a)));
}

#[test]
fn the_loss_chart_legend_sits_above_every_line() {
    // A slow run along the top of the plot, a fast one that drops to the bottom within five steps and stays:
    // no corner of the plot is free, so the legend has a strip of its own above it.
    let slow: Vec<f64> = (0..100).map(|step| 10.0 - 0.01 * step as f64).collect();
    let fast: Vec<f64> = (0..100)
        .map(|step| (10.0 - 2.0 * step as f64).max(0.0))
        .collect();
    let points = [[0.0, 0.0]; 100];
    let runs = [
        Trajectory {
            label: "slow",
            color: run_color(0),
            points: &points,
            losses: &slow,
        },
        Trajectory {
            label: "fast",
            color: run_color(1),
            points: &points,
            losses: &fast,
        },
    ];
    let svg = render_svg(|area| draw_loss_chart(area, &runs, false, english()));
    let attribute = |tag: &str, name: &str| -> f64 {
        let start = tag.find(&format!(" {name}=\"")).expect(name) + name.len() + 3;
        let end = start + tag[start..].find('"').expect("closing quote");
        tag[start..end].parse().expect("a number")
    };
    let label_bottom = |label: &str| {
        let tag = svg
            .split("<text")
            .skip(1)
            .find(|rest| {
                rest.split_once('>')
                    .and_then(|(_, body)| body.split_once("</text>"))
                    .is_some_and(|(text, _)| text.trim() == label)
            })
            .unwrap_or_else(|| panic!("no {label} label"));
        attribute(tag.split_once('>').expect("a tag").0, "y") + 8.0
    };
    // The highest point any run's line reaches (SVG y grows down).
    let highest_line = svg
        .lines()
        .filter(|line| line.starts_with("<polyline") && line.contains(r#"stroke-width="3""#))
        .flat_map(|line| {
            let start = line.find(" points=\"").expect("points") + 9;
            let end = start + line[start..].find('"').expect("closing quote");
            line[start..end]
                .split_whitespace()
                .map(|pair| {
                    pair.split(',')
                        .nth(1)
                        .expect("x,y")
                        .parse::<f64>()
                        .expect("y")
                })
                .collect::<Vec<_>>()
        })
        .fold(f64::INFINITY, f64::min);
    assert!(highest_line.is_finite(), "the runs' lines are drawn");
    for label in ["slow", "fast"] {
        assert!(
            label_bottom(label) < highest_line,
            "{label} over a line at y = {highest_line}"
        );
    }
}

/// A backend that draws nothing and keeps each text's box, for checking where labels land: as wide as the
/// registered system font measures it, as tall as the em box a canvas anchors (the outline box measured
/// natively is shorter: "(w₂)" above a "2" fitted there, and overlapped in the browser).
struct TextBoxes<'a> {
    size: (u32, u32),
    boxes: &'a RefCell<Vec<TextBox>>,
}

/// A label and its box: left, top, right, bottom.
type TextBox = (String, [f64; 4]);

/// Every label `draw` puts on a canvas of `size`, with its box.
fn text_boxes(size: (u32, u32), draw: impl FnOnce(&DrawingArea<TextBoxes, Shift>)) -> Vec<TextBox> {
    let boxes = RefCell::new(Vec::new());
    draw(
        &TextBoxes {
            size,
            boxes: &boxes,
        }
        .into_drawing_area(),
    );
    boxes.into_inner()
}

/// Whether a box lies wholly on a canvas of `size`.
fn on_canvas([left, top, right, bottom]: [f64; 4], (width, height): (u32, u32)) -> bool {
    left >= 0.0 && top >= 0.0 && right <= f64::from(width) && bottom <= f64::from(height)
}

impl DrawingBackend for TextBoxes<'_> {
    type ErrorType = std::convert::Infallible;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        Ok(())
    }

    fn draw_pixel(
        &mut self,
        _: BackendCoord,
        _: BackendColor,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        (x, y): BackendCoord,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let width = f64::from(self.estimate_text_size(text, style)?.0);
        let height = style.size();
        let Pos { h_pos, v_pos } = style.anchor();
        let left = match h_pos {
            HPos::Left => 0.0,
            HPos::Center => -width / 2.0,
            HPos::Right => -width,
        };
        let top = match v_pos {
            VPos::Top => 0.0,
            VPos::Center => -height / 2.0,
            VPos::Bottom => -height,
        };
        // The box in the text's own frame, turned as the canvas backend turns it about the anchor.
        let turn = match style.transform() {
            FontTransform::None => 0.0_f64,
            FontTransform::Rotate90 => 90.0,
            FontTransform::Rotate180 => 180.0,
            FontTransform::Rotate270 => 270.0,
        }
        .to_radians();
        let (sin, cos) = turn.sin_cos();
        let corners = [
            (left, top),
            (left + width, top),
            (left, top + height),
            (left + width, top + height),
        ]
        .map(|(u, v)| {
            (
                f64::from(x) + u * cos - v * sin,
                f64::from(y) + u * sin + v * cos,
            )
        });
        // Rounded: a quarter turn's sine and cosine leave 1e-15 crumbs that would "leave" the canvas.
        let round = |v: f64| (v * 1e6).round() / 1e6;
        let lowest = |values: [f64; 4]| round(values.into_iter().fold(f64::INFINITY, f64::min));
        let highest =
            |values: [f64; 4]| round(values.into_iter().fold(f64::NEG_INFINITY, f64::max));
        let (xs, ys) = (corners.map(|c| c.0), corners.map(|c| c.1));
        self.boxes.borrow_mut().push((
            text.to_string(),
            [lowest(xs), lowest(ys), highest(xs), highest(ys)],
        ));
        Ok(())
    }
}

#[test]
fn map_labels_never_overlap_each_other_or_leave_the_canvas() {
    use saddle::charts::{draw_map_frame, MapFrame};
    use saddle::render::{ColorScale, Grid};
    register_system_font().expect("a system font (Debian: fonts-dejavu-core)");
    // The lecture's box puts a tick at the plot's top edge, beside the y axis' name; a phone-sized map, a wide
    // one and a box of tiny numbers too.
    let cases = [
        ((-2.0, 2.0, -2.0, 2.0), (640, 480)),
        ((-2.0, 2.0, -2.0, 2.0), (360, 300)),
        ((-5.0, 5.0, -5.0, 5.0), (1000, 700)),
        ((-0.001, 0.001, 0.0, 0.004), (640, 480)),
    ];
    for language in [Language::English, Language::Chinese] {
        for ((x_min, x_max, y_min, y_max), (width, height)) in cases {
            let bounds = Bounds::new(x_min, x_max, y_min, y_max).unwrap();
            let grid = Grid::from_fn(bounds, 16, 16, |[x, y]| x * x * 1e3 + y);
            let colours = ColorScale::for_grid(&grid);
            let frame = MapFrame::new(bounds, f64::from(width), f64::from(height), 1.0);
            let boxes = text_boxes((width, height), |area| {
                draw_map_frame(area, &frame, Some(&colours), &strings(language).chart).unwrap()
            });
            assert!(boxes.len() > 8, "{boxes:?}");
            for (i, (text, [left, top, right, bottom])) in boxes.iter().enumerate() {
                let inside = on_canvas([*left, *top, *right, *bottom], (width, height));
                assert!(inside, "{text:?} leaves the {width}×{height} canvas");
                for (other, [l, t, r, b]) in &boxes[i + 1..] {
                    let apart = right <= l || r <= left || bottom <= t || b <= top;
                    assert!(
                        apart,
                        "{text:?} and {other:?} overlap on the {width}×{height} map of {bounds:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn three_d_labels_stay_on_the_canvas_from_every_side() {
    use saddle::charts::SurfaceView;
    register_system_font().expect("a system font (Debian: fonts-dejavu-core)");
    let (formula, bounds) = lecture();
    let mut failures = Vec::new();
    for side in [300u32, 400, 600] {
        for step in 0..12 {
            for pitch in [0.05, 0.45, 0.9, 1.5] {
                let orientation = Orientation {
                    yaw: f64::from(step) * std::f64::consts::TAU / 12.0,
                    pitch,
                };
                let view = SurfaceView::new(&formula, bounds, orientation);
                let boxes = text_boxes((side, side), |area| view.draw_backdrop(area).unwrap());
                for (text, at) in boxes {
                    if !on_canvas(at, (side, side)) {
                        failures.push(format!(
                            "{text:?} at {at:?} on {side}² seen from {orientation:?}"
                        ));
                    }
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} labels off the canvas: {failures:#?}",
        failures.len()
    );
}

#[test]
fn a_long_spectrum_title_fits_its_chart() {
    use saddle::charts::draw_spectrum_chart;
    register_system_font().expect("a system font (Debian: fonts-dejavu-core)");
    let eigenvalues = vec![-0.4, -0.1, -0.02, 0.0, 0.01, 0.05, 0.2, 0.3, 3.1, 6.4];
    for language in [Language::English, Language::Chinese] {
        let words = strings(language);
        let title = (saddle::i18n::lab_words(language).spectrum_title)(10, "−0.4", "6.4");
        // From a phone's half row to a wide screen's.
        for width in [260u32, 420, 540, 800] {
            let boxes = text_boxes((width, 300), |area| {
                draw_spectrum_chart(area, &eigenvalues, 1e-5, &title, &words.chart).unwrap()
            });
            let shown: String = boxes.iter().map(|(text, _)| text.as_str()).collect();
            for word in ["10", "−0.4", "6.4"] {
                assert!(shown.contains(word), "{word:?} missing from {boxes:?}");
            }
            for (text, at) in &boxes {
                let inside = on_canvas(*at, (width, 300));
                assert!(inside, "{text:?} at {at:?} leaves the {width}-wide chart");
            }
        }
    }
}

#[test]
fn the_slice_chart_draws_the_slice_its_dashed_model_and_a_titled_direction() {
    use saddle::analysis::slice;
    use saddle::charts::{draw_slice_chart, model_colour, slice_title};
    let (formula, _) = lecture();
    // At the lecture's saddle along (1, 1)/√2: L = (1 − t²/2)², the model 1 − t² curves down.
    let down = slice(&formula, [0.0, 0.0], [1.0, 1.0], 1.5, 121).unwrap();
    let svg = render_svg(|area| draw_slice_chart(area, &down, english()));
    assert_well_formed(&svg);
    let labels = texts(&svg);
    let title = "Along d = (0.7071, 0.7071): dᵀHd = −2, curves down";
    assert_eq!(slice_title(&down, english()), title);
    for text in [
        title,
        "t  (θ = θ′ + t·d)",
        "L",
        "L(θ′ + t·d)",
        "second-order model q(t)",
    ] {
        assert!(
            labels.iter().any(|t| t == text),
            "{text} missing from {labels:?}"
        );
    }
    // The slice is one ink line (plus its legend sample); the model is vermillion, the colour of a negative
    // eigenvalue's eigenvector on the map, in many dashes.
    let ink = (0x1B, 0x1F, 0x24);
    assert_eq!(strokes_in(&svg, ink), 2, "the slice and its legend sample");
    let vermillion = (0xB3, 0x4A, 0x00);
    assert_eq!(model_colour(down.bend()), RGBColor(0xB3, 0x4A, 0x00));
    assert!(strokes_in(&svg, vermillion) > 10, "dashes of the model");
    assert_eq!(strokes_in(&svg, (0x00, 0x72, 0xB2)), 0);

    // Along (1, −1)/√2 the model curves up, in the positive eigenvalue's blue; in Chinese the title says so.
    let up = slice(&formula, [0.0, 0.0], [1.0, -1.0], 1.5, 121).unwrap();
    let chinese = &strings(Language::Chinese).chart;
    let svg = render_svg(|area| draw_slice_chart(area, &up, chinese));
    let labels = texts(&svg);
    let title = "沿 d = (0.7071, −0.7071)：dᵀHd = 2，向上弯曲";
    assert!(labels.iter().any(|t| t == title), "{labels:?}");
    assert!(labels.iter().any(|t| t == "二阶模型 q(t)"), "{labels:?}");
    assert!(strokes_in(&svg, (0x00, 0x72, 0xB2)) > 10);
    assert_eq!(strokes_in(&svg, vermillion), 0);
}

#[test]
fn slice_chart_labels_stay_on_the_canvas() {
    use saddle::analysis::slice;
    use saddle::charts::draw_slice_chart;
    register_system_font().expect("a system font (Debian: fonts-dejavu-core)");
    let (formula, _) = lecture();
    let log = Formula::parse("log(x) + y^2").unwrap();
    let slices = [
        slice(&formula, [0.0, 0.0], [1.0, 1.0], 1.5, 101).unwrap(),
        slice(&formula, [0.0, 0.0], [1.0, 0.0], 2.0, 101).unwrap(),
        // Steep model against a gentle slice, undefined on the left: both cut to the plot.
        slice(&log, [0.2, 0.0], [1.0, 0.3], 1.0, 101).unwrap(),
    ];
    for language in [Language::English, Language::Chinese] {
        for size in [(320, 260), (480, 320), (800, 500)] {
            for s in &slices {
                let boxes = text_boxes(size, |area| {
                    draw_slice_chart(area, s, &strings(language).chart).unwrap()
                });
                assert!(boxes.len() > 6, "{boxes:?}");
                for (text, at) in boxes {
                    assert!(on_canvas(at, size), "{text:?} at {at:?} leaves {size:?}");
                }
            }
        }
    }
}

#[test]
fn momentums_three_arrows_add_up_on_screen_and_are_magnified_together() {
    use saddle::charts::{momentum_arrows, MapFrame, MOMENTUM_ARROW_MIN};
    use saddle::optim::MomentumUpdate;
    let bounds = Bounds::new(-2.0, 2.0, -2.0, 2.0).unwrap();
    // 640 × 480 less the margins (58 + 86, 30 + 46): 496 × 404 pixels for 4 × 4 units, y pointing down.
    let frame = MapFrame::new(bounds, 640.0, 480.0, 1.0);
    let update = MomentumUpdate {
        at: [0.0, 0.0],
        carried: [0.1, 0.0],
        gradient_step: [0.0, -0.05],
        velocity: [0.1, -0.05],
    };
    let arrows = momentum_arrows(&frame, &update).expect("something to draw");
    assert_eq!(arrows.start, [58.0 + 248.0, 30.0 + 202.0]);
    let true_length = 12.4_f64.hypot(5.05);
    assert!((arrows.magnification - MOMENTUM_ARROW_MIN / true_length).abs() < 1e-12);
    let m = arrows.magnification;
    let close = |a: [f64; 2], b: [f64; 2]| (a[0] - b[0]).abs() < 1e-9 && (a[1] - b[1]).abs() < 1e-9;
    assert!(close(arrows.carried, [12.4 * m, 0.0]), "{arrows:?}");
    assert!(close(arrows.gradient_step, [0.0, 5.05 * m]), "{arrows:?}");
    assert!(close(
        arrows.velocity,
        [
            arrows.carried[0] + arrows.gradient_step[0],
            arrows.carried[1] + arrows.gradient_step[1]
        ]
    ));
    // An update already long on screen is drawn to scale; a zero or non-finite one is not drawn.
    let long = MomentumUpdate {
        carried: [1.0, 0.0],
        gradient_step: [0.0, 0.0],
        velocity: [1.0, 0.0],
        ..update
    };
    assert_eq!(momentum_arrows(&frame, &long).unwrap().magnification, 1.0);
    let nothing = MomentumUpdate {
        carried: [0.0; 2],
        gradient_step: [0.0; 2],
        velocity: [0.0; 2],
        ..update
    };
    assert_eq!(momentum_arrows(&frame, &nothing), None);
    let broken = MomentumUpdate {
        velocity: [f64::NAN, 0.0],
        ..update
    };
    assert_eq!(momentum_arrows(&frame, &broken), None);
}

#[test]
fn momentums_update_draws_three_labelled_arrows_in_their_colours() {
    use saddle::charts::{
        draw_momentum_update, MapFrame, CARRIED_LABEL, GRADIENT_STEP_LABEL, VELOCITY_LABEL,
    };
    use saddle::optim::{momentum_update, Hyperparameters, Run};
    let (formula, bounds) = lecture();
    let mut run = Run::new(
        OptimizerKind::Momentum,
        Hyperparameters {
            learning_rate: 0.02,
            ..Hyperparameters::default()
        },
        [0.6, -0.58],
    );
    run.run(&formula, 30);
    let update = momentum_update(&run, &formula).expect("a momentum run");
    let frame = MapFrame::new(bounds, 640.0, 480.0, 1.0);
    let mut drawn = None;
    let svg = render_svg(|area| {
        drawn = draw_momentum_update(area, &frame, &update)?;
        Ok(())
    });
    assert_well_formed(&svg);
    assert!(drawn.is_some_and(|m| m >= 1.0), "{drawn:?}");
    let colour_of = |kind: OptimizerKind| {
        let index = OptimizerKind::ALL.iter().position(|k| *k == kind).unwrap();
        run_color(index)
    };
    // Each arrow is a haloed shaft in its colour: grey for β·m, GD's orange for −η·g, momentum's for the sum.
    for colour in [
        (153, 153, 153),
        colour_of(OptimizerKind::Gd),
        colour_of(OptimizerKind::Momentum),
    ] {
        assert_eq!(strokes_in(&svg, colour), 1, "{colour:?}");
    }
    let labels = texts(&svg);
    for label in [CARRIED_LABEL, GRADIENT_STEP_LABEL, VELOCITY_LABEL] {
        assert!(
            labels.iter().any(|t| t == label),
            "{label} missing from {labels:?}"
        );
    }
    // Nothing to draw for gradient descent, which carries no velocity.
    let plain = Run::new(OptimizerKind::Gd, Hyperparameters::default(), [0.6, -0.58]);
    assert_eq!(momentum_update(&plain, &formula), None);
}
