//! A Hessian's whole spectrum: all P eigenvalues in ascending order, on a signed logarithmic scale, so the
//! few large ones, the bulk near zero and the small negative ones at a saddle are all visible at once.
//! Each dot is coloured by the second-order test's verdict on its sign: negative, positive, or undetermined
//! (|λ| within the band where its sign says nothing), and the band is shaded.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::loss_chart::{draw_line_legend, power_of_ten, LegendLine};
use super::{draw_fitted_title, plot_error, FONT};
use crate::i18n::ChartWords;

/// Okabe–Ito vermillion and blue, as for descending and ascending curvature elsewhere on the page.
const NEGATIVE: RGBColor = RGBColor(213, 94, 0);
const POSITIVE: RGBColor = RGBColor(0, 114, 178);
const UNDETERMINED: RGBColor = RGBColor(120, 120, 120);
const BAND: RGBColor = RGBColor(235, 235, 235);
const MARGIN: i32 = 12;
/// Labelled decades on each side of zero, at most.
const LABELLED_DECADES: usize = 4;

/// y = sign(λ)·log₁₀(1 + |λ|/τ): linear within ±τ, logarithmic beyond, so both signs share one axis.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SignedLog {
    /// τ, the width of the linear part: the undetermined band, so everything inside it sits near 0.
    pub threshold: f64,
}

impl SignedLog {
    /// τ = `band` when it is positive, else a billionth of the largest |λ| (1 without either).
    pub fn new(band: f64, largest: f64) -> SignedLog {
        let threshold = if band > 0.0 && band.is_finite() {
            band
        } else if largest > 0.0 && largest.is_finite() {
            1e-9 * largest
        } else {
            1.0
        };
        SignedLog { threshold }
    }

    /// The height of λ on the axis.
    pub fn height(self, lambda: f64) -> f64 {
        lambda.signum() * (lambda.abs() / self.threshold).ln_1p() / std::f64::consts::LN_10
    }

    /// Labelled ticks up to `top` (a height): 0, then ±10ᵏ for whole k above τ, thinned to at most
    /// `LABELLED_DECADES` a side.
    pub fn ticks(self, top: f64) -> Vec<(f64, String)> {
        let first = self.threshold.log10().ceil() as i32;
        let decades: Vec<i32> = (first..first + 40)
            .take_while(|&k| self.height(10f64.powi(k)) <= top)
            .collect();
        let stride = decades.len().div_ceil(LABELLED_DECADES).max(1);
        let mut ticks = vec![(0.0, "0".to_string())];
        for &k in decades.iter().rev().step_by(stride) {
            let height = self.height(10f64.powi(k));
            ticks.push((height, power_of_ten(k)));
            ticks.push((-height, format!("−{}", power_of_ten(k))));
        }
        ticks
    }
}

/// Draws `eigenvalues` (ascending) by rank against their signed-log height, those within ±`band`
/// undetermined, with `title` above and a legend; axes titled in `words`.
pub fn draw_spectrum_chart<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    eigenvalues: &[f64],
    band: f64,
    title: &str,
    words: &ChartWords,
) -> Result<(), String> {
    let finite: Vec<f64> = eigenvalues
        .iter()
        .copied()
        .filter(|l| l.is_finite())
        .collect();
    let largest = finite.iter().fold(0.0f64, |m, l| m.max(l.abs()));
    let scale = SignedLog::new(band, largest);
    let top = (scale.height(largest) * 1.08).max(1.0);
    let count = finite.len().max(1) as f64;

    area.fill(&WHITE).map_err(plot_error)?;
    let title_bottom = draw_fitted_title(area, title, MARGIN)?;
    let (_, body) = area.split_vertically(title_bottom);
    let mut chart = ChartBuilder::on(&body)
        .margin(MARGIN)
        .margin_top(4)
        .x_label_area_size(44)
        .y_label_area_size(64)
        .build_cartesian_2d(0.0..count + 1.0, -top..top)
        .map_err(plot_error)?;
    let ticks = scale.ticks(top);
    chart
        .configure_mesh()
        .x_desc(words.eigenvalue_rank)
        .y_desc(words.eigenvalue_signed_log)
        .axis_desc_style((FONT, 14))
        .label_style((FONT, 13))
        .x_labels(6)
        .x_label_formatter(&|x| {
            if x.fract() == 0.0 && *x >= 1.0 {
                format!("{x}")
            } else {
                String::new()
            }
        })
        .disable_y_mesh()
        .y_labels(0)
        .bold_line_style(BLACK.mix(0.1))
        .light_line_style(TRANSPARENT)
        .draw()
        .map_err(plot_error)?;
    // The signed-log ticks, drawn by hand: plotters spaces its own evenly in the height.
    let plot = chart.plotting_area();
    let (left, _) = chart.backend_coord(&(0.0, 0.0));
    let label = TextStyle::from((FONT, 13).into_font()).color(&BLACK).pos(
        plotters::style::text_anchor::Pos::new(
            plotters::style::text_anchor::HPos::Right,
            plotters::style::text_anchor::VPos::Center,
        ),
    );
    for (height, text) in &ticks {
        let (_, y) = chart.backend_coord(&(0.0, *height));
        body.draw(&PathElement::new(
            vec![(left - 5, y), (left, y)],
            BLACK.stroke_width(1),
        ))
        .map_err(plot_error)?;
        body.draw(&Text::new(text.clone(), (left - 7, y), label.clone()))
            .map_err(plot_error)?;
        plot.draw(&PathElement::new(
            vec![(0.0, *height), (count + 1.0, *height)],
            BLACK.mix(0.1).stroke_width(1),
        ))
        .map_err(plot_error)?;
    }
    let band_height = scale.height(scale.threshold);
    plot.draw(&Rectangle::new(
        [(0.0, -band_height), (count + 1.0, band_height)],
        BAND.filled(),
    ))
    .map_err(plot_error)?;
    let class = |lambda: f64| {
        if lambda > band {
            POSITIVE
        } else if lambda < -band {
            NEGATIVE
        } else {
            UNDETERMINED
        }
    };
    let radius = if finite.len() > 300 { 2 } else { 3 };
    for (i, &lambda) in finite.iter().enumerate() {
        let at = ((i + 1) as f64, scale.height(lambda));
        plot.draw(&Circle::new(at, radius, class(lambda).filled()))
            .map_err(plot_error)?;
    }
    let lines = [
        (words.negative, NEGATIVE),
        (words.undetermined, UNDETERMINED),
        (words.positive, POSITIVE),
    ]
    .map(|(label, colour)| LegendLine {
        label,
        colour,
        dashed: false,
    });
    // The dots sit along a rising curve from bottom left to top right: the legend goes where it hides least.
    let base = plot.get_base_pixel();
    let path: Vec<(i32, i32)> = finite
        .iter()
        .enumerate()
        .map(|(i, &lambda)| {
            let (x, y) = chart.backend_coord(&((i + 1) as f64, scale.height(lambda)));
            (x - base.0, y - base.1)
        })
        .collect();
    draw_line_legend(&plot.strip_coord_spec(), &lines, &[path])?;
    area.present().map_err(plot_error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_signed_log_is_linear_inside_the_band_and_odd() {
        let scale = SignedLog::new(1e-3, 5.0);
        assert_eq!(scale.height(0.0), 0.0);
        assert!((scale.height(1e-3) - 2f64.log10()).abs() < 1e-15);
        assert_eq!(scale.height(-0.5), -scale.height(0.5));
        // Far outside the band, a decade of λ is one unit of height.
        assert!((scale.height(1e3) - scale.height(1e2) - 1.0).abs() < 1e-5);
        assert_eq!(SignedLog::new(0.0, 2.0).threshold, 2e-9);
        assert_eq!(SignedLog::new(f64::NAN, 0.0).threshold, 1.0);
    }

    #[test]
    fn ticks_are_symmetric_decades_above_the_band() {
        let scale = SignedLog::new(1e-2, 50.0);
        let ticks = scale.ticks(scale.height(50.0));
        let labels: Vec<&str> = ticks.iter().map(|(_, label)| label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "0",
                "10¹",
                "−10¹",
                "10⁰",
                "−10⁰",
                "10⁻¹",
                "−10⁻¹",
                "10⁻²",
                "−10⁻²"
            ]
        );
        let many = SignedLog::new(1e-12, 1e3).ticks(SignedLog::new(1e-12, 1e3).height(1e3));
        assert!(many.len() <= 1 + 2 * LABELLED_DECADES);
    }
}
