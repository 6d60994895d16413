//! The high-dimensional experiment's charts and the data-defined loss's pictures, rendered to SVG natively:
//! the same drawing code the browser runs on a canvas.

use plotters::coord::Shift;
use plotters::prelude::*;
use saddle::charts::{
    dot_opacity, draw_eigen_histogram, draw_min_ratio_chart, draw_surface3d, register_system_font,
};
use saddle::data::dataset_preset;
use saddle::experiments::{MinRatioConfig, MinRatioExperiment, MinRatioRun};
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

fn run(training_loss: f64, gradient_norm: f64, minimum_ratio: f64) -> MinRatioRun {
    MinRatioRun {
        training_loss,
        gradient_norm,
        minimum_ratio,
        eigenvalues: vec![-1.0, 2.0],
        positive: 1,
        negative: 1,
        zero: 0,
        training_steps: 0,
        solver_iterations: 0,
    }
}

#[test]
fn scatter_places_each_run_by_log_loss_and_ratio_and_rings_the_selected_one() {
    let runs = [
        run(1e-3, 1e-12, 1.0),
        run(1e-1, 1e-3, 0.5),
        run(1e-2, 1e-9, 0.0),
    ];
    let (svg, positions) = render_svg(|area| draw_min_ratio_chart(area, &runs, Some(1), english()));
    assert!(!svg.contains("NaN"));
    let [Some(low), Some(high), Some(middle)] = positions[..] else {
        panic!("every run should be placed: {positions:?}");
    };
    // Equal decades apart on a log axis: 1e-3, 1e-2, 1e-1 sit at equal horizontal steps.
    assert!(low.0 < middle.0 && middle.0 < high.0);
    assert!(((middle.0 - low.0) - (high.0 - middle.0)).abs() <= 1);
    // A ratio of 1 is higher on the canvas (smaller y) than 0.5, which is higher than 0.
    assert!(low.1 < high.1 && high.1 < middle.1);
    for (x, y) in [low, high, middle] {
        assert!((0..WIDTH as i32).contains(&x) && (0..HEIGHT as i32).contains(&y));
    }
    // One filled dot and one outline per run, plus the vermillion ring of the selected run.
    assert_eq!(circles_with(&svg, "fill=\"#0072B2\""), 3);
    assert_eq!(circles_with(&svg, "stroke=\"#D55E00\""), 1);
    // The doubtful run (‖∇L‖ = 1e-3) is fainter than the critical ones.
    assert!(svg.contains(&format!("opacity=\"{}\"", dot_opacity(1e-3))));
    let labels = texts(&svg);
    for expected in [
        "10⁻³",
        "10⁻²",
        "10⁻¹",
        "minimum ratio",
        "training loss L (log scale)",
    ] {
        assert!(
            labels.iter().any(|t| t == expected),
            "{expected} missing from {labels:?}"
        );
    }
}

#[test]
fn scatter_skips_runs_it_cannot_place_and_draws_empty_axes() {
    let runs = [
        run(0.0, 0.0, 1.0),
        run(f64::NAN, 0.0, 0.5),
        run(0.1, 0.0, 1.0),
    ];
    let (svg, positions) = render_svg(|area| draw_min_ratio_chart(area, &runs, Some(0), english()));
    assert_eq!(positions[..2], [None, None]);
    assert!(positions[2].is_some());
    assert_eq!(circles_with(&svg, "stroke=\"#D55E00\""), 0);
    let (svg, positions) = render_svg(|area| draw_min_ratio_chart(area, &[], None, english()));
    assert!(positions.is_empty());
    assert!(texts(&svg).iter().any(|t| t == "minimum ratio"));
    let chinese = &strings(Language::Chinese).chart;
    let (svg, _) = render_svg(|area| draw_min_ratio_chart(area, &[], None, chinese));
    let labels = texts(&svg);
    assert!(labels.iter().any(|t| t == "最小值比例"), "{labels:?}");
    assert!(labels.iter().any(|t| t == "训练损失 L（对数坐标）"));
}

#[test]
fn a_real_experiment_plots_every_run_and_its_spectrum() {
    let mut experiment = MinRatioExperiment::new(MinRatioConfig {
        params: 12,
        runs: 3,
        seed: 4,
        ..MinRatioConfig::default()
    })
    .expect("a valid configuration");
    let runs = experiment.run_to_end().to_vec();
    let (_, positions) = render_svg(|area| draw_min_ratio_chart(area, &runs, None, english()));
    assert_eq!(positions.iter().flatten().count(), 3);

    let spectrum = &runs[0];
    let (svg, ()) = render_svg(|area| {
        draw_eigen_histogram(area, &spectrum.eigenvalues, 1e-6 * 10.0, "run 1", english())
    });
    assert!(!svg.contains("NaN"));
    assert!(texts(&svg).iter().any(|t| t == "run 1"));
    let bars = |colour: &str| {
        svg.split('<')
            .filter(|e| e.starts_with("rect") && e.contains(&format!("fill=\"{colour}\"")))
            .count()
    };
    assert!(
        bars("#0072B2") >= 1,
        "positive eigenvalues should give blue bars"
    );
    if spectrum.negative > 0 {
        assert!(
            bars("#D55E00") >= 1,
            "negative eigenvalues should give vermillion bars"
        );
    }
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
