//! The network lab's charts and the data-defined loss's pictures, rendered to SVG natively: the same
//! drawing code the browser runs on a canvas.

use plotters::coord::Shift;
use plotters::prelude::*;
use saddle::analysis::PointKind;
use saddle::charts::{
    decision_rgba, draw_decision_map, draw_plane_slice, draw_ratio_scatter, draw_regression_fit,
    draw_spectrum_chart, draw_surface3d, draw_sweep_chart, draw_training_chart,
    register_system_font, CurveLine, LabData, MapBase, MapFrame, PlaneValues, RatioPoint, StepMark,
    SweepPoint,
};
use saddle::data::dataset_preset;
use saddle::i18n::Language;
use saddle::i18n::{strings, ChartWords};
use saddle::render::{Grid, Orientation};
use saddle::surface::LossSurface;

fn english() -> &'static ChartWords {
    &strings(Language::English).chart
}
const WIDTH: u32 = 640;
const HEIGHT: u32 = 480;

fn render_svg<T>(
    draw: impl FnOnce(&DrawingArea<SVGBackend, Shift>) -> Result<T, String>,
) -> (String, T) {
    register_system_font().expect("a system font (Debian: fonts-dejavu-core)");
    let mut svg = String::new();
    let result = {
        let area = SVGBackend::with_string(&mut svg, (WIDTH, HEIGHT)).into_drawing_area();
        draw(&area).expect("drawing into a string cannot fail")
    };
    (svg, result)
}

fn texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|rest| {
            Some(
                rest.split_once('>')?
                    .1
                    .split_once("</text>")?
                    .0
                    .trim()
                    .to_string(),
            )
        })
        .collect()
}

/// `<circle>` elements whose attributes contain `attribute`.
fn circles_with(svg: &str, attribute: &str) -> usize {
    svg.split('<')
        .filter(|e| e.starts_with("circle") && e.contains(attribute))
        .count()
}

/// Every `<circle>` element's fill (or stroke, for an outline) colour, as the SVG writes it.
fn circle_colours(svg: &str) -> Vec<String> {
    svg.split("<circle")
        .skip(1)
        .filter_map(|rest| {
            let tag = rest.split_once('>')?.0;
            let colour = tag.split("fill=\"").nth(1)?.split('"').next()?;
            Some(colour.to_string())
        })
        .collect()
}

#[test]
fn the_spectrum_colours_each_eigenvalue_by_its_verdict_and_labels_signed_decades() {
    // Two clearly negative, one within the band, three clearly positive.
    let eigenvalues = [-2.0, -1e-3, 1e-7, 0.02, 1.0, 30.0];
    let (svg, ()) = render_svg(|area| {
        draw_spectrum_chart(area, &eigenvalues, 1e-5, "All 6 eigenvalues", english())
    });
    let fills = circle_colours(&svg);
    let count = |colour: &str| fills.iter().filter(|f| f.as_str() == colour).count();
    assert_eq!(
        (count("#D55E00"), count("#787878"), count("#0072B2")),
        (2, 1, 3),
        "{fills:?}"
    );
    let labels = texts(&svg);
    for label in [
        "All 6 eigenvalues",
        "0",
        "10¹",
        "−10⁻¹",
        "negative",
        "undetermined",
        "positive",
        "λ (signed log scale)",
    ] {
        assert!(labels.iter().any(|l| l == label), "{label} in {labels:?}");
    }
}

#[test]
fn the_scatter_places_converged_runs_by_log_loss_and_ratio() {
    let points = [
        RatioPoint {
            loss: 0.1,
            ratio: 0.75,
            range: [0.75, 0.75],
            kind: PointKind::Saddle,
        },
        RatioPoint {
            loss: 0.01,
            ratio: 1.0,
            range: [1.0, 1.0],
            kind: PointKind::LocalMinimum,
        },
        RatioPoint {
            loss: -1.0,
            ratio: 0.5,
            range: [0.4, 0.6],
            kind: PointKind::Degenerate,
        },
    ];
    let (svg, positions) = render_svg(|area| draw_ratio_scatter(area, &points, Some(1), english()));
    let [Some(saddle), Some(minimum), None] = positions[..] else {
        panic!("{positions:?}");
    };
    // A decade lower and a quarter higher: left of and above the saddle's dot.
    assert!(minimum.0 < saddle.0 && minimum.1 < saddle.1);
    // Kinds in the map's colours (saddle: reddish purple; minimum: bluish green), the picked run ringed.
    let fills = circle_colours(&svg);
    assert!(fills.iter().any(|f| f == "#CC79A7") && fills.iter().any(|f| f == "#009E73"));
    assert_eq!(circles_with(&svg, "stroke=\"#D55E00\""), 1);
    let labels = texts(&svg);
    assert!(labels.iter().any(|l| l == "minimum ratio"));
    assert!(labels.iter().any(|l| l == "10⁻²"), "{labels:?}");
    let (_, none) = render_svg(|area| draw_ratio_scatter(area, &[], None, english()));
    assert!(none.is_empty());
}

#[test]
fn the_sweep_labels_each_size_with_its_saddles_among_critical_points() {
    let points = [
        SweepPoint {
            parameters: 9,
            saddles: 0,
            converged: 10,
        },
        SweepPoint {
            parameters: 101,
            saddles: 9,
            converged: 10,
        },
        SweepPoint {
            parameters: 301,
            saddles: 0,
            converged: 0,
        },
    ];
    let (svg, ()) = render_svg(|area| draw_sweep_chart(area, &points, english()));
    let labels = texts(&svg);
    assert!(labels.iter().any(|l| l == "0/10") && labels.iter().any(|l| l == "9/10"));
    assert!(
        !labels.iter().any(|l| l == "0/0"),
        "no critical point: no dot"
    );
    assert!(labels.iter().any(|l| l == "saddles ÷ critical points"));
}

#[test]
fn the_training_chart_draws_both_losses_and_marks_the_jumps() {
    let train = [[0.0, 0.7], [100.0, 0.69], [200.0, 0.5]];
    let test = [[0.0, 0.72], [200.0, 0.55]];
    let lines = [
        CurveLine {
            label: "training loss",
            colour: (0, 114, 178),
            points: &train,
        },
        CurveLine {
            label: "test loss",
            colour: (204, 121, 167),
            points: &test,
        },
    ];
    let marks = [StepMark {
        step: 100.0,
        label: "escape",
    }];
    let (svg, ()) = render_svg(|area| draw_training_chart(area, &lines, &marks, english()));
    let labels = texts(&svg);
    for label in [
        "training loss",
        "test loss",
        "escape",
        "step",
        "L (log scale)",
    ] {
        assert!(labels.iter().any(|l| l == label), "{label} in {labels:?}");
    }
    // Each curve a polyline in its colour, and its legend's sample another; the mark's dashes, short lines
    // in its grey.
    let lines_in = |colour: &str| {
        svg.split('<')
            .filter(|e| e.starts_with("polyline") && e.contains(colour))
            .count()
    };
    assert_eq!((lines_in("#0072B2"), lines_in("#CC79A7")), (2, 2));
    assert!(lines_in("#5A5A5A") >= 5, "the mark's dashes");
}

#[test]
fn the_decision_map_colours_by_the_output_and_draws_its_boundary() {
    // ŷ = x₁ on a 5×5 grid over [−1, 1]²: the boundary is the line x₁ = 0.
    let side = 5;
    let predictions: Vec<f64> = (0..side * side)
        .map(|i| -1.0 + 2.0 * (i % side) as f64 / (side - 1) as f64)
        .collect();
    let data = LabData {
        inputs: 2,
        train_x: &[0.5, 0.5, -0.5, 0.2],
        train_y: &[1.0, -1.0],
        test_x: &[0.1, -0.9],
        test_y: &[1.0],
        bounds: [-1.0, 1.0, -1.0, 1.0],
        predictions: Some(&predictions),
    };
    let bounds = data.map_bounds();
    assert_eq!((bounds.x_min, bounds.x_max), (-1.25, 1.25));
    let mut painted = None;
    let (svg, ()) = render_svg(|area| {
        let frame = MapFrame::new(bounds, f64::from(WIDTH), f64::from(HEIGHT), 1.0);
        draw_decision_map(
            area,
            &frame,
            &data,
            &mut |rgba, size, _| {
                painted = Some((rgba.to_vec(), size));
                Ok(())
            },
            &ChartWords {
                map_x: "x₁",
                map_y: "x₂",
                ..*english()
            },
        )
    });
    let (rgba, size) = painted.expect("the heatmap was painted");
    assert_eq!(size, (5, 5));
    assert_eq!(rgba, decision_rgba(&predictions));
    // Middle column (ŷ = 0) white, right column blue-ish, left orange-ish.
    assert_eq!(&rgba[8..12], &[255, 255, 255, 255]);
    assert!(rgba[16] < rgba[18] && rgba[0] > rgba[2]);
    // Two training dots (filled) and a test ring (white fill), each in its class's colour.
    let fills = circle_colours(&svg);
    assert_eq!(fills.iter().filter(|f| f.as_str() == "#0072B2").count(), 1);
    assert_eq!(fills.iter().filter(|f| f.as_str() == "#E69F00").count(), 1);
    assert!(texts(&svg).iter().any(|l| l == "x₁"));
}

#[test]
fn the_regression_draws_its_examples_and_the_fitted_curve() {
    let predictions: Vec<f64> = (0..64)
        .map(|i| (i as f64 / 63.0 * 2.0 - 1.0).sin())
        .collect();
    let data = LabData {
        inputs: 1,
        train_x: &[-0.5, 0.0, 0.5],
        train_y: &[-0.4, 0.1, 0.5],
        test_x: &[0.9],
        test_y: &[0.7],
        bounds: [-1.0, 1.0, -0.4, 0.7],
        predictions: Some(&predictions),
    };
    let (svg, ()) = render_svg(|area| draw_regression_fit(area, &data, english()));
    assert_eq!(svg.matches("<circle").count(), 4);
    assert!(!svg.contains("NaN"));
    let labels = texts(&svg);
    assert!(labels.iter().any(|l| l == "x") && labels.iter().any(|l| l == "y"));
}

#[test]
fn a_plane_slice_is_drawn_by_the_maps_own_code_with_its_point_marked() {
    // L = a² − b² on a 5×5 grid: a saddle at the centre.
    let axis = [-2.0, -1.0, 0.0, 1.0, 2.0];
    let loss: Vec<f64> = axis
        .iter()
        .flat_map(|b| axis.iter().map(move |a| a * a - b * b))
        .collect();
    let grid = PlaneValues {
        a: &axis,
        b: &axis,
        loss: &loss,
    }
    .grid()
    .expect("a grid");
    assert_eq!((grid.bounds.x_min, grid.bounds.y_max), (-2.5, 2.5));
    let base = MapBase::of_grid(grid);
    let words = ChartWords {
        map_x: "a (along u_min)",
        map_y: "b (along u_max)",
        ..*english()
    };
    let (svg, ()) = render_svg(|area| {
        let frame = MapFrame::new(base.grid.bounds, f64::from(WIDTH), f64::from(HEIGHT), 1.0);
        draw_plane_slice(
            area,
            &frame,
            &base,
            PointKind::Saddle,
            &mut |_, _, _| Ok(()),
            &words,
        )
    });
    let labels = texts(&svg);
    for label in ["a (along u_min)", "b (along u_max)", "L"] {
        assert!(labels.iter().any(|l| l == label), "{label} in {labels:?}");
    }
    // The saddle's marker: a reddish-purple cross (two arms), as the map draws one.
    assert!(svg.matches("#CC79A7").count() >= 2, "the saddle's cross");
    assert!(!base.contours.is_empty());
}

#[test]
fn the_data_defined_loss_samples_and_draws_like_a_formula() {
    let preset = dataset_preset("lecture-data").expect("the lecture's data");
    let loss = preset.surface();
    let grid = Grid::sample(&loss, preset.bounds, 9, 7);
    assert_eq!(grid.values.len(), 63);
    for (i, value) in grid.values.iter().enumerate() {
        let at = grid.cell_center(i % 9, i / 9);
        assert_eq!(*value, loss.value(at));
    }
    let (svg, ()) = render_svg(|area| {
        draw_surface3d(
            area,
            &loss,
            preset.bounds,
            Orientation::default(),
            Some([0.0, 0.0]),
            &[],
        )
    });
    assert!(!svg.contains("NaN"));
    assert!(
        svg.matches("<polygon").count() > 100,
        "the mesh should be drawn"
    );
}
