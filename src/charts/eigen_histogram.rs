//! The Hessian spectrum of one run of the high-dimensional experiment, as a histogram: negative
//! eigenvalues (directions to escape along) in one colour, positive in another, ~0 ones apart.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{draw_fitted_title, plot_error, FONT};
use crate::i18n::ChartWords;

/// Okabe–Ito vermillion and blue, as for descending and ascending curvature elsewhere on the page.
const NEGATIVE: RGBColor = RGBColor(213, 94, 0);
const POSITIVE: RGBColor = RGBColor(0, 114, 178);
const ZERO: RGBColor = RGBColor(153, 153, 153);
/// Room around the chart, in pixels.
const MARGIN: i32 = 12;
/// Bars across the spread of the curved eigenvalues.
pub const HISTOGRAM_BINS: usize = 24;

/// One bar: eigenvalues in `low..high` (the last positive bar includes its top edge).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bin {
    pub low: f64,
    pub high: f64,
    pub count: usize,
}

/// Bins of equal width over the non-zero eigenvalues with 0 always an edge, so no bar mixes signs;
/// eigenvalues with |λ| ≤ `zero_tolerance` and non-finite ones are left out (the chart counts them apart).
pub fn eigenvalue_bins(eigenvalues: &[f64], zero_tolerance: f64, bins: usize) -> Vec<Bin> {
    let curved: Vec<f64> = eigenvalues
        .iter()
        .copied()
        .filter(|l| l.is_finite() && l.abs() > zero_tolerance)
        .collect();
    let low = curved.iter().copied().fold(0.0, f64::min);
    let high = curved.iter().copied().fold(0.0, f64::max);
    if curved.is_empty() || bins == 0 || high <= low {
        return Vec::new();
    }
    let width = (high - low) / bins as f64;
    let below = (-low / width).ceil() as usize;
    let above = (high / width).ceil() as usize;
    let mut result: Vec<Bin> = (0..below)
        .rev()
        .map(|i| (-(i as f64 + 1.0) * width, -(i as f64) * width))
        .chain((0..above).map(|i| (i as f64 * width, (i as f64 + 1.0) * width)))
        .map(|(low, high)| Bin {
            low,
            high,
            count: 0,
        })
        .collect();
    for l in curved {
        let index = if l < 0.0 {
            below.saturating_sub(((-l) / width).ceil() as usize)
        } else {
            below + ((l / width) as usize).min(above.saturating_sub(1))
        };
        if let Some(bin) = result.get_mut(index) {
            bin.count += 1;
        }
    }
    result
}

/// Draws the histogram of `eigenvalues` with the ~0 ones (|λ| ≤ `zero_tolerance`) as a grey bar at 0, and
/// `title` above it and axes titled in `words`.
pub fn draw_eigen_histogram<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    eigenvalues: &[f64],
    zero_tolerance: f64,
    title: &str,
    words: &ChartWords,
) -> Result<(), String> {
    let bins = eigenvalue_bins(eigenvalues, zero_tolerance, HISTOGRAM_BINS);
    let zeros = eigenvalues
        .iter()
        .filter(|l| l.abs() <= zero_tolerance)
        .count();
    let (left, right) = match (bins.first(), bins.last()) {
        (Some(first), Some(last)) => (first.low, last.high),
        _ => (-1.0, 1.0),
    };
    let pad = 0.03 * (right - left);
    let tallest = bins
        .iter()
        .map(|b| b.count)
        .chain([zeros])
        .max()
        .unwrap_or(0);

    area.fill(&WHITE).map_err(plot_error)?;
    let title_bottom = draw_fitted_title(area, title, MARGIN)?;
    let (_, body) = area.split_vertically(title_bottom);
    let mut chart = ChartBuilder::on(&body)
        .margin(MARGIN)
        .margin_top(4)
        .x_label_area_size(40)
        .y_label_area_size(44)
        .build_cartesian_2d(left - pad..right + pad, 0.0..(tallest.max(1) as f64 * 1.08))
        .map_err(plot_error)?;
    chart
        .configure_mesh()
        .x_desc(words.eigenvalue)
        .y_desc(words.count)
        .axis_desc_style((FONT, 14))
        .label_style((FONT, 13))
        .x_labels(7)
        .y_labels(5)
        .x_label_formatter(&|x| crate::numbers::readable(*x))
        .y_label_formatter(&|y| format!("{y:.0}"))
        .bold_line_style(BLACK.mix(0.1))
        .light_line_style(TRANSPARENT)
        .draw()
        .map_err(plot_error)?;
    chart
        .draw_series(bins.iter().filter(|b| b.count > 0).map(|b| {
            let colour = if b.high <= 0.0 { NEGATIVE } else { POSITIVE };
            Rectangle::new([(b.low, 0.0), (b.high, b.count as f64)], colour.filled())
        }))
        .map_err(plot_error)?;
    if zeros > 0 {
        let half = 0.006 * (right - left);
        chart
            .draw_series(std::iter::once(Rectangle::new(
                [(-half, 0.0), (half, zeros as f64)],
                ZERO.filled(),
            )))
            .map_err(plot_error)?;
    }
    area.present().map_err(plot_error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_is_a_bin_edge_and_every_curved_eigenvalue_is_counted_once() {
        let eigenvalues = [-1.0, -0.25, 0.0, 1e-12, 0.5, 2.0, 3.0];
        let bins = eigenvalue_bins(&eigenvalues, 1e-9, 4);
        // Width (3 − (−1)) / 4 = 1: one bar below zero, three above.
        let edges: Vec<(f64, f64)> = bins.iter().map(|b| (b.low, b.high)).collect();
        assert_eq!(edges, [(-1.0, 0.0), (0.0, 1.0), (1.0, 2.0), (2.0, 3.0)]);
        let counts: Vec<usize> = bins.iter().map(|b| b.count).collect();
        assert_eq!(counts, [2, 1, 0, 2]);
    }

    #[test]
    fn spectra_without_curvature_give_no_bars() {
        assert!(eigenvalue_bins(&[], 1e-9, 10).is_empty());
        assert!(eigenvalue_bins(&[0.0, 1e-12, f64::NAN], 1e-9, 10).is_empty());
        let positive = eigenvalue_bins(&[1.0, 2.0], 0.0, 2);
        assert_eq!(positive.iter().map(|b| b.count).sum::<usize>(), 2);
        assert!(positive.iter().all(|b| b.low >= 0.0));
    }
}
