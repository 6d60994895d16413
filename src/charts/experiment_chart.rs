//! The lab's experiment in two charts: the lecture's "training loss against minimum ratio", one dot per run
//! whose solve reached a critical point, and the sweep's share of saddles among critical points against P.

use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;

use super::loss_chart::power_of_ten;
use super::palette::kind_color;
use super::{plot_error, rgb, FONT};
use crate::analysis::PointKind;
use crate::i18n::ChartWords;

/// Okabe–Ito vermillion: the ring around the run picked.
const SELECTED: RGBColor = RGBColor(213, 94, 0);
const DOT_RADIUS: i32 = 5;
/// The sweep's line and dots: Okabe–Ito blue.
const SWEEP: RGBColor = RGBColor(0, 114, 178);

/// One run that reached a critical point.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RatioPoint {
    /// L at the critical point.
    pub loss: f64,
    /// Positive eigenvalues ÷ P.
    pub ratio: f64,
    /// [positive, positive + undetermined] ÷ P: drawn as a bar when it is not a single value.
    pub range: [f64; 2],
    /// The second-order test's verdict there: the dot's colour.
    pub kind: PointKind,
}

/// Draws each run at (log₁₀ of its loss, its minimum ratio), coloured by its kind as the map marks
/// critical points, with its range as a bar and `selected` ringed; returns each dot's centre in the
/// backend's pixels (`None` for a loss that cannot be placed: ≤ 0 or not finite), for picking by click.
pub fn draw_ratio_scatter<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    points: &[RatioPoint],
    selected: Option<usize>,
    words: &ChartWords,
) -> Result<Vec<Option<(i32, i32)>>, String> {
    let placed = |point: &RatioPoint| {
        let x = point.loss.log10();
        (x.is_finite() && point.ratio.is_finite()).then_some((x, point.ratio))
    };
    let xs = || points.iter().filter_map(placed).map(|(x, _)| x);
    let (left, right) = decades(xs().reduce(f64::min), xs().reduce(f64::max), (-3.0, 0.0));

    area.fill(&WHITE).map_err(plot_error)?;
    let mut chart = ChartBuilder::on(area)
        .margin(14)
        .x_label_area_size(44)
        .y_label_area_size(56)
        // A little room on both sides, so the extreme dots are not cut by the axes.
        .build_cartesian_2d(left - 0.1..right + 0.1, -0.04..1.04)
        .map_err(plot_error)?;
    draw_decade_mesh(
        &mut chart,
        (left, right),
        words.training_loss_log,
        words.minimum_ratio,
    )?;

    let positions: Vec<Option<(f64, f64)>> = points.iter().map(placed).collect();
    for (point, at) in points.iter().zip(&positions) {
        let Some((x, y)) = *at else {
            continue;
        };
        let colour = rgb(kind_color(point.kind));
        if point.range[1] > point.range[0] {
            chart
                .draw_series(std::iter::once(PathElement::new(
                    vec![(x, point.range[0]), (x, point.range[1])],
                    colour.stroke_width(2),
                )))
                .map_err(plot_error)?;
        }
        chart
            .draw_series([
                Circle::new((x, y), DOT_RADIUS, colour.filled()),
                Circle::new((x, y), DOT_RADIUS, BLACK.stroke_width(1)),
            ])
            .map_err(plot_error)?;
    }
    if let Some(&Some(at)) = selected.and_then(|i| positions.get(i)) {
        chart
            .draw_series(std::iter::once(Circle::new(
                at,
                DOT_RADIUS + 4,
                SELECTED.stroke_width(3),
            )))
            .map_err(plot_error)?;
    }
    let to_pixels = chart.as_coord_spec().clone();
    area.present().map_err(plot_error)?;
    Ok(positions
        .iter()
        .map(|at| at.map(|at| to_pixels.translate(&at)))
        .collect())
}

/// One size of the sweep.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SweepPoint {
    /// P.
    pub parameters: usize,
    /// Runs whose critical point is a saddle.
    pub saddles: usize,
    /// Runs whose solve reached a critical point.
    pub converged: usize,
}

/// Axes with a tick at each power of ten from `left` to `right` (log₁₀ values) and a share from 0 to 1 up the
/// side, titled `x_title` and `y_title`.
fn draw_decade_mesh<DB: DrawingBackend>(
    chart: &mut ChartContext<DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>,
    (left, right): (f64, f64),
    x_title: &str,
    y_title: &str,
) -> Result<(), String> {
    chart
        .configure_mesh()
        .x_desc(x_title)
        .y_desc(y_title)
        .axis_desc_style((FONT, 14))
        .label_style((FONT, 13))
        .x_labels(((right - left) as usize + 1).min(10))
        .y_labels(6)
        .x_label_formatter(&decade_label)
        .y_label_formatter(&|y| crate::numbers::readable(*y))
        .bold_line_style(BLACK.mix(0.1))
        .light_line_style(TRANSPARENT)
        .draw()
        .map_err(plot_error)
}

/// Draws the share of saddles among the critical points (saddles ÷ converged) against P on a log axis,
/// each size labelled "saddles/converged"; sizes without a converged run are left out.
pub fn draw_sweep_chart<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    points: &[SweepPoint],
    words: &ChartWords,
) -> Result<(), String> {
    let placed: Vec<(f64, f64, &SweepPoint)> = points
        .iter()
        .filter(|p| p.converged > 0 && p.parameters > 0)
        .map(|p| {
            let share = p.saddles as f64 / p.converged as f64;
            ((p.parameters as f64).log10(), share, p)
        })
        .collect();
    let xs = || placed.iter().map(|(x, _, _)| *x);
    let (left, right) = decades(xs().reduce(f64::min), xs().reduce(f64::max), (1.0, 3.0));

    area.fill(&WHITE).map_err(plot_error)?;
    let mut chart = ChartBuilder::on(area)
        .margin(14)
        .margin_top(24)
        .x_label_area_size(44)
        .y_label_area_size(56)
        .build_cartesian_2d(left - 0.1..right + 0.1, -0.04..1.1)
        .map_err(plot_error)?;
    draw_decade_mesh(
        &mut chart,
        (left, right),
        words.parameter_count_log,
        words.saddle_share,
    )?;
    chart
        .draw_series(std::iter::once(PathElement::new(
            placed.iter().map(|(x, y, _)| (*x, *y)).collect::<Vec<_>>(),
            SWEEP.stroke_width(2),
        )))
        .map_err(plot_error)?;
    let label_style = TextStyle::from((FONT, 13).into_font()).color(&BLACK);
    for (x, y, point) in &placed {
        chart
            .draw_series([
                Circle::new((*x, *y), DOT_RADIUS, SWEEP.filled()),
                Circle::new((*x, *y), DOT_RADIUS, BLACK.stroke_width(1)),
            ])
            .map_err(plot_error)?;
        let (px, py) = chart.backend_coord(&(*x, *y));
        area.draw(&Text::new(
            format!("{}/{}", point.saddles, point.converged),
            (px + 8, py - 18),
            label_style.clone(),
        ))
        .map_err(plot_error)?;
    }
    area.present().map_err(plot_error)
}

/// Whole decades around `low`..`high` (log₁₀), never empty; `fallback` without values.
fn decades(low: Option<f64>, high: Option<f64>, fallback: (f64, f64)) -> (f64, f64) {
    match (low, high) {
        (Some(low), Some(high)) => {
            let (low, high) = (low.floor(), high.ceil());
            (low, if high > low { high } else { low + 1.0 })
        }
        _ => fallback,
    }
}

/// "10³" at whole decades, nothing between.
fn decade_label(x: &f64) -> String {
    if x.fract() == 0.0 {
        power_of_ten(*x as i32)
    } else {
        String::new()
    }
}
