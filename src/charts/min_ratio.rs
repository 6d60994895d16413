//! The lecture's "minimum ratio vs training loss" scatter: one dot per run of the high-dimensional
//! experiment, so a class sees that points with g ≈ 0 high up the loss are saddles (ratio < 1) and only
//! low ones come near minima (ratio → 1).

use plotters::coord::Shift;
use plotters::prelude::*;

use super::loss_chart::power_of_ten;
use super::{plot_error, FONT};
use crate::experiments::MinRatioRun;
use crate::i18n::ChartWords;

/// Okabe–Ito blue: the dots.
const DOT: RGBColor = RGBColor(0, 114, 178);
/// Okabe–Ito vermillion: the ring around the run whose spectrum is shown.
const SELECTED: RGBColor = RGBColor(213, 94, 0);
const DOT_RADIUS: i32 = 5;

/// Gradient norms at or below this count as a critical point: the dot is drawn fully opaque.
pub const CRITICAL_GRADIENT_NORM: f64 = 1e-8;
/// Gradient norms at or above this are drawn faintest: the run may well sit in a flat region.
const DOUBTFUL_GRADIENT_NORM: f64 = 1e-2;
const FAINTEST: f64 = 0.25;

/// How opaque a run's dot is: 1 where ‖∇L‖ says "critical point", fading (on a log scale of ‖∇L‖) to
/// [`FAINTEST`] where it does not, so the caveat is visible on the chart itself.
pub fn dot_opacity(gradient_norm: f64) -> f64 {
    if gradient_norm.is_nan() {
        return FAINTEST;
    }
    if gradient_norm <= CRITICAL_GRADIENT_NORM {
        return 1.0;
    }
    let span = (DOUBTFUL_GRADIENT_NORM / CRITICAL_GRADIENT_NORM).log10();
    let doubt = ((gradient_norm / CRITICAL_GRADIENT_NORM).log10() / span).min(1.0);
    1.0 - doubt * (1.0 - FAINTEST)
}

/// Draws each run at (training loss, minimum ratio) on a log-x axis, `selected` ringed, and returns every
/// run's dot centre in the backend's pixels (`None` for a run whose loss cannot be placed: ≤ 0 or not
/// finite), so a page can find the dot under a click. The axes are titled in `words`.
pub fn draw_min_ratio_chart<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    runs: &[MinRatioRun],
    selected: Option<usize>,
    words: &ChartWords,
) -> Result<Vec<Option<(i32, i32)>>, String> {
    let placed = |run: &MinRatioRun| {
        let x = run.training_loss.log10();
        (x.is_finite() && run.minimum_ratio.is_finite()).then_some((x, run.minimum_ratio))
    };
    let xs = || runs.iter().filter_map(placed).map(|(x, _)| x);
    let (left, right) = match (xs().reduce(f64::min), xs().reduce(f64::max)) {
        (Some(low), Some(high)) => {
            let (low, high) = (low.floor(), high.ceil());
            (low, if high > low { high } else { low + 1.0 })
        }
        _ => (-4.0, 0.0),
    };

    area.fill(&WHITE).map_err(plot_error)?;
    let mut chart = ChartBuilder::on(area)
        .margin(14)
        .x_label_area_size(44)
        .y_label_area_size(56)
        // A little room on both sides, so the extreme dots are not cut by the axes.
        .build_cartesian_2d(left - 0.1..right + 0.1, -0.04..1.04)
        .map_err(plot_error)?;
    let decades = (right - left) as usize + 1;
    chart
        .configure_mesh()
        .x_desc(words.training_loss_log)
        .y_desc(words.minimum_ratio)
        .axis_desc_style((FONT, 14))
        .label_style((FONT, 13))
        .x_labels(decades.min(10))
        .y_labels(6)
        .x_label_formatter(&|x| {
            if x.fract() == 0.0 {
                power_of_ten(*x as i32)
            } else {
                String::new()
            }
        })
        .y_label_formatter(&|y| crate::numbers::readable(*y))
        .bold_line_style(BLACK.mix(0.1))
        .light_line_style(TRANSPARENT)
        .draw()
        .map_err(plot_error)?;

    let positions: Vec<Option<(f64, f64)>> = runs.iter().map(placed).collect();
    chart
        .draw_series(runs.iter().zip(&positions).filter_map(|(run, at)| {
            at.map(|at| {
                Circle::new(
                    at,
                    DOT_RADIUS,
                    DOT.mix(dot_opacity(run.gradient_norm)).filled(),
                )
            })
        }))
        .map_err(plot_error)?;
    chart
        .draw_series(
            positions
                .iter()
                .flatten()
                .map(|&at| Circle::new(at, DOT_RADIUS, DOT.stroke_width(1))),
        )
        .map_err(plot_error)?;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opacity_fades_from_critical_to_doubtful_gradients() {
        assert_eq!(dot_opacity(0.0), 1.0);
        assert_eq!(dot_opacity(1e-12), 1.0);
        // Halfway between 1e-8 and 1e-2 on a log scale: halfway between 1 and 0.25.
        assert!((dot_opacity(1e-5) - 0.625).abs() < 1e-12);
        assert_eq!(dot_opacity(1e-2), FAINTEST);
        assert_eq!(dot_opacity(5.0), FAINTEST);
        assert_eq!(dot_opacity(f64::NAN), FAINTEST);
    }
}
