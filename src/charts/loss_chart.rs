//! Loss against step for every racing optimizer run.

use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{plot_error, rgb, unbroken_runs, Trajectory, FONT};
use crate::i18n::ChartWords;

/// How the vertical axis shows the losses.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Scale {
    Linear,
    /// log₁₀ L; only chosen when every loss shown is positive.
    Logarithmic,
    /// log₁₀(L − L_min + ε): a log view asked for while some loss is ≤ 0, where log L would be a lie or
    /// undefined. Shifting keeps every run's shape and its distance to the best loss seen, which is what a
    /// log plot of a race is read for; the axis title says so.
    ShiftedLogarithmic {
        lowest: f64,
        epsilon: f64,
    },
}

impl Scale {
    /// The scale for `losses` (every value they yield; non-finite ones are left out) and the plotted range
    /// that shows them all.
    pub(super) fn fitted<I: Iterator<Item = f64>>(
        logarithmic: bool,
        losses: impl Fn() -> I,
    ) -> (Scale, f64, f64) {
        let finite = || losses().filter(|loss| loss.is_finite());
        let lowest = finite().fold(f64::INFINITY, f64::min);
        let highest = finite().fold(f64::NEG_INFINITY, f64::max);
        let scale = Scale::choose(logarithmic, lowest, highest);
        let heights = || finite().filter_map(|loss| scale.plotted(loss));
        let (bottom, top) = match (heights().reduce(f64::min), heights().reduce(f64::max)) {
            (Some(low), Some(high)) => scale.axis_range(low, high),
            _ => scale.axis_range(0.0, 1.0),
        };
        (scale, bottom, top)
    }

    fn choose(logarithmic: bool, lowest: f64, highest: f64) -> Scale {
        if !logarithmic {
            Scale::Linear
        } else if lowest > 0.0 {
            Scale::Logarithmic
        } else {
            let spread = highest - lowest;
            Scale::ShiftedLogarithmic {
                lowest,
                // Far below the spread, so the shifted curves keep their shape; 1 when all losses are equal.
                epsilon: if spread > 0.0 { 1e-6 * spread } else { 1.0 },
            }
        }
    }

    /// Height of a loss on the plotted axis, or `None` for a loss that cannot be shown.
    pub(super) fn plotted(self, loss: f64) -> Option<f64> {
        let height = match self {
            Scale::Linear => loss,
            Scale::Logarithmic => loss.log10(),
            Scale::ShiftedLogarithmic { lowest, epsilon } => (loss - lowest + epsilon).log10(),
        };
        height.is_finite().then_some(height)
    }

    pub(super) fn axis_title(self, words: &ChartWords) -> &'static str {
        match self {
            Scale::Linear => words.loss,
            Scale::Logarithmic => words.loss_log,
            Scale::ShiftedLogarithmic { .. } => words.loss_shifted_log,
        }
    }

    /// The plotted range: padded for a linear axis, whole decades for a log axis so every tick is a power of
    /// ten. Never empty.
    pub(super) fn axis_range(self, lowest: f64, highest: f64) -> (f64, f64) {
        match self {
            Scale::Linear => {
                let pad = if highest > lowest {
                    0.05 * (highest - lowest)
                } else {
                    0.5 * lowest.abs().max(1.0)
                };
                (lowest - pad, highest + pad)
            }
            Scale::Logarithmic | Scale::ShiftedLogarithmic { .. } => {
                let (bottom, top) = (lowest.floor(), highest.ceil());
                (bottom, if top > bottom { top } else { bottom + 1.0 })
            }
        }
    }

    pub(super) fn tick(self, height: f64) -> String {
        match self {
            Scale::Linear => crate::numbers::readable(height),
            // Only whole exponents are labelled: anything else would not be a power of ten.
            _ if height.fract() == 0.0 => power_of_ten(height as i32),
            _ => String::new(),
        }
    }
}

/// "10⁻³": the power of ten with the exponent in superscript digits.
pub(super) fn power_of_ten(exponent: i32) -> String {
    const SUPERSCRIPTS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    let mut text = String::from("10");
    if exponent < 0 {
        text.push('⁻');
    }
    for digit in exponent.unsigned_abs().to_string().bytes() {
        text.push(SUPERSCRIPTS[usize::from(digit - b'0') % 10]);
    }
    text
}

/// Draws every run's loss against its step as one coloured line, ended by a dot, under a legend of the runs'
/// labels in a strip of its own (inside the plot it hid some curve whenever the race filled every corner).
/// `logarithmic` asks for a log-scale loss axis (of L − L_min + ε when some loss is ≤ 0, where log L is
/// undefined). Non-finite losses leave a gap; with no runs, empty axes are drawn. The axes are titled in
/// `words`.
pub fn draw_loss_chart<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    runs: &[Trajectory],
    logarithmic: bool,
    words: &ChartWords,
) -> Result<(), String> {
    let (scale, bottom, top) = Scale::fitted(logarithmic, || {
        runs.iter().flat_map(|run| run.losses.iter().copied())
    });
    let last_step = runs
        .iter()
        .map(|run| run.losses.len().saturating_sub(1))
        .max()
        .unwrap_or(0)
        .max(1);

    area.fill(&WHITE).map_err(plot_error)?;
    let lines: Vec<LegendLine> = runs
        .iter()
        .map(|run| LegendLine {
            label: run.label,
            colour: rgb(run.color),
            dashed: false,
        })
        .collect();
    let plot_area = draw_legend_strip(area, &lines)?;
    let mut chart = ChartBuilder::on(&plot_area)
        .margin(14)
        .x_label_area_size(44)
        .y_label_area_size(64)
        .build_cartesian_2d(0..last_step, bottom..top)
        .map_err(plot_error)?;
    let decades = (top - bottom) as usize + 1;
    let y_ticks = match scale {
        Scale::Linear => 8,
        _ => decades.min(10),
    };
    chart
        .configure_mesh()
        .x_desc(words.step)
        .y_desc(scale.axis_title(words))
        .axis_desc_style((FONT, 16))
        .label_style((FONT, 13))
        .x_labels(8)
        .y_labels(y_ticks)
        .y_label_formatter(&|height| scale.tick(*height))
        .bold_line_style(BLACK.mix(0.1))
        .light_line_style(TRANSPARENT)
        .draw()
        .map_err(plot_error)?;

    for run in runs {
        let color = rgb(run.color);
        let points = run
            .losses
            .iter()
            .enumerate()
            .map(|(step, &loss)| scale.plotted(loss).map(|height| (step, height)));
        let pieces = unbroken_runs(points);
        // On a dark casing, as on the map: the runs' light colours (white for momentum) read on white.
        chart
            .draw_series(
                pieces
                    .iter()
                    .map(|piece| PathElement::new(piece.clone(), CASING.stroke_width(6))),
            )
            .map_err(plot_error)?;
        chart
            .draw_series(
                pieces
                    .iter()
                    .map(|piece| PathElement::new(piece.clone(), color.stroke_width(3))),
            )
            .map_err(plot_error)?;
        let end = pieces.last().and_then(|piece| piece.last());
        chart
            .draw_series(end.into_iter().flat_map(|&at| {
                [
                    Circle::new(at, 6, CASING.filled()),
                    Circle::new(at, 4, color.filled()),
                ]
            }))
            .map_err(plot_error)?;
    }
    area.present().map_err(plot_error)
}

/// The dark casing under each run's line and its legend sample.
const CASING: RGBAColor = RGBAColor(0x1B, 0x1F, 0x24, 0.7);

/// The lines' samples and labels in rows across the top of `area`, as many per row as fit; returns the
/// area left under them (all of `area` without lines).
fn draw_legend_strip<'a, DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    lines: &[LegendLine<'a>],
) -> Result<DrawingArea<DB, Shift>, String> {
    if lines.is_empty() {
        return Ok(area.clone());
    }
    let style = (FONT, 14).into_font().color(&BLACK);
    let (width, _) = area.dim_in_pixel();
    let mut placed = Vec::with_capacity(lines.len());
    let (mut x, mut row, mut tallest) = (LEGEND_INSET, 0, 14);
    for line in lines {
        let (text_width, text_height) = area
            .estimate_text_size(line.label, &style)
            .map_err(plot_error)?;
        tallest = tallest.max(text_height as i32);
        let entry = LEGEND_SAMPLE + LEGEND_GAP + text_width as i32;
        if x > LEGEND_INSET && x + entry > width as i32 - LEGEND_INSET {
            x = LEGEND_INSET;
            row += 1;
        }
        placed.push((x, row));
        x += entry + 3 * LEGEND_GAP;
    }
    let row_height = tallest + LEGEND_PADDING;
    let strip = LEGEND_PADDING + row_height * (row + 1);
    let label_style = style.pos(Pos::new(HPos::Left, VPos::Center));
    for (line, (left, row)) in lines.iter().zip(placed) {
        let y = LEGEND_PADDING + row * row_height + row_height / 2;
        let sample = vec![(left, y), (left + LEGEND_SAMPLE, y)];
        area.draw(&PathElement::new(sample.clone(), CASING.stroke_width(7)))
            .and_then(|_| area.draw(&PathElement::new(sample, line.colour.stroke_width(4))))
            .and_then(|_| {
                area.draw(&Text::new(
                    line.label,
                    (left + LEGEND_SAMPLE + LEGEND_GAP, y),
                    label_style.clone(),
                ))
            })
            .map_err(plot_error)?;
    }
    Ok(area.split_vertically(strip).1)
}

/// The legend's sizes in pixels: padding, the line sample's length, the gap before a label.
const LEGEND_PADDING: i32 = 6;
const LEGEND_SAMPLE: i32 = 20;
const LEGEND_GAP: i32 = 6;
/// Dash and gap of a dashed line's sample: two dashes in the sample's length.
const LEGEND_DASH: u32 = 5;
/// A point in the plot area's pixels, from its top left.
pub(super) type Pixel = (i32, i32);

/// How far the legend stands in from the plot's edges.
const LEGEND_INSET: i32 = 10;
/// Lines are followed in steps of at most this many pixels when counting what a legend box would hide.
const LINE_SAMPLE_PX: i32 = 4;

/// One line of a chart's legend: a sample of the line, solid or dashed, and its label.
pub(super) struct LegendLine<'a> {
    pub label: &'a str,
    pub colour: RGBColor,
    pub dashed: bool,
}

/// The lines' labels in a box at the edge of `plot` where it hides least of the drawn `paths` (plot pixels;
/// see [`quietest_place`]), each after a sample of its line. Drawn here, not by plotters' series labels,
/// because those measure text with the font directly while this measures through the backend (the page's
/// canvas measures a label itself instead of laying out the page).
pub(super) fn draw_line_legend<DB: DrawingBackend>(
    plot: &DrawingArea<DB, Shift>,
    lines: &[LegendLine],
    paths: &[Vec<Pixel>],
) -> Result<(), String> {
    let style = (FONT, 14).into_font().color(&BLACK);
    let mut widest = 0;
    let mut tallest = 0;
    for line in lines {
        let (width, height) = plot
            .estimate_text_size(line.label, &style)
            .map_err(plot_error)?;
        widest = widest.max(width as i32);
        tallest = tallest.max(height as i32);
    }
    let row = tallest.max(14) + 2;
    let width = 2 * LEGEND_PADDING + LEGEND_SAMPLE + LEGEND_GAP + widest;
    let height = 2 * LEGEND_PADDING + row * lines.len() as i32;
    let (plot_width, plot_height) = plot.dim_in_pixel();
    let (left, top) = quietest_place(
        (plot_width as i32, plot_height as i32),
        (width, height),
        paths,
    );
    let corners = [(left, top), (left + width, top + height)];
    plot.draw(&Rectangle::new(corners, WHITE.mix(0.85).filled()))
        .and_then(|_| plot.draw(&Rectangle::new(corners, BLACK.mix(0.3))))
        .map_err(plot_error)?;
    let label_style = style.pos(Pos::new(HPos::Left, VPos::Center));
    for (index, line) in lines.iter().enumerate() {
        let y = top + LEGEND_PADDING + row * index as i32 + row / 2;
        let sample_left = left + LEGEND_PADDING;
        let sample_right = sample_left + LEGEND_SAMPLE;
        let sample = vec![(sample_left, y), (sample_right, y)];
        let stroke = line.colour.stroke_width(3);
        if line.dashed {
            plot.draw(&DashedPathElement::new(
                sample,
                LEGEND_DASH,
                LEGEND_DASH,
                stroke,
            ))
        } else {
            plot.draw(&PathElement::new(sample, stroke))
        }
        .and_then(|_| {
            plot.draw(&Text::new(
                line.label,
                (sample_right + LEGEND_GAP, y),
                label_style.clone(),
            ))
        })
        .map_err(plot_error)?;
    }
    Ok(())
}

/// Where a `legend`-sized box goes in a `plot`-sized area (its top left corner): where it would hide the least
/// of `paths`. A race's curves can fill any corner (a slow run stays along the top, a fast one drops to the
/// bottom), and a legend over a curve hides what a student is reading. Tried in this order, the first of
/// equals kept: the four corners (top right first), then the middles of the top, bottom, right and left edges.
fn quietest_place(plot: (i32, i32), legend: (i32, i32), paths: &[Vec<Pixel>]) -> Pixel {
    let right = plot.0 - LEGEND_INSET - legend.0;
    let bottom = plot.1 - LEGEND_INSET - legend.1;
    let (center, middle) = ((plot.0 - legend.0) / 2, (plot.1 - legend.1) / 2);
    let places = [
        (right, LEGEND_INSET),
        (LEGEND_INSET, bottom),
        (LEGEND_INSET, LEGEND_INSET),
        (right, bottom),
        (center, LEGEND_INSET),
        (center, bottom),
        (right, middle),
        (LEGEND_INSET, middle),
    ];
    let hidden = |(left, top): Pixel| {
        let covers = |(x, y): Pixel| {
            (left..=left + legend.0).contains(&x) && (top..=top + legend.1).contains(&y)
        };
        paths
            .iter()
            .flat_map(|path| points_along(path))
            .filter(|&point| covers(point))
            .count()
    };
    // `min_by_key` keeps the first of equals.
    places
        .into_iter()
        .min_by_key(|&place| hidden(place))
        .unwrap_or(places[0])
}

/// Points along a polyline, at most [`LINE_SAMPLE_PX`] apart, so a long segment between two far steps counts
/// where it passes too.
fn points_along(path: &[Pixel]) -> impl Iterator<Item = Pixel> + '_ {
    path.windows(2)
        .flat_map(|pair| {
            let ((x0, y0), (x1, y1)) = (pair[0], pair[1]);
            let steps = ((x1 - x0).abs().max((y1 - y0).abs()) / LINE_SAMPLE_PX).max(1);
            (0..steps).map(move |i| (x0 + (x1 - x0) * i / steps, y0 + (y1 - y0) * i / steps))
        })
        .chain(path.last().copied())
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLOT: (i32, i32) = (500, 300);
    const LEGEND: (i32, i32) = (150, 60);

    #[test]
    fn the_legend_stays_top_right_when_nothing_is_there() {
        assert_eq!(quietest_place(PLOT, LEGEND, &[]), (340, 10));
        // A run that drops from the top left to the bottom right leaves the top right free.
        let falling = vec![(0, 0), (500, 300)];
        assert_eq!(quietest_place(PLOT, LEGEND, &[falling]), (340, 10));
    }

    #[test]
    fn the_legend_moves_off_a_curve_along_the_top() {
        // A slow run along the top: the bottom left is free.
        let slow = vec![(0, 20), (500, 40)];
        assert_eq!(
            quietest_place(PLOT, LEGEND, std::slice::from_ref(&slow)),
            (10, 230)
        );
        // Both left corners taken as well (a run falling down the left edge): the bottom right.
        let left_edge = vec![(20, 0), (20, 300)];
        assert_eq!(quietest_place(PLOT, LEGEND, &[slow, left_edge]), (340, 230));
    }

    #[test]
    fn with_every_corner_taken_the_legend_sits_mid_edge() {
        // One run along the top, one along the bottom: the middle of the right edge is free.
        let top = vec![(0, 20), (500, 40)];
        let bottom = vec![(0, 270), (500, 270)];
        assert_eq!(quietest_place(PLOT, LEGEND, &[top, bottom]), (340, 120));
    }

    #[test]
    fn a_long_segment_counts_where_it_passes() {
        // Two far steps whose line crosses the top right box with no point inside it.
        let across = vec![(250, 35), (499, 35)];
        assert!(points_along(&across).any(|(x, y)| x > 340 && y == 35));
        assert_eq!(quietest_place(PLOT, LEGEND, &[across]), (10, 230));
    }

    #[test]
    fn powers_of_ten_are_written_with_superscripts() {
        assert_eq!(power_of_ten(0), "10⁰");
        assert_eq!(power_of_ten(-3), "10⁻³");
        assert_eq!(power_of_ten(12), "10¹²");
    }

    #[test]
    fn a_log_view_of_non_positive_losses_is_shifted_to_the_best_loss() {
        let scale = Scale::choose(true, -2.0, 8.0);
        let Scale::ShiftedLogarithmic { lowest, epsilon } = scale else {
            panic!("expected a shifted log scale, got {scale:?}");
        };
        assert_eq!(lowest, -2.0);
        assert!((epsilon - 1e-5).abs() < 1e-18);
        // The best loss sits at log10(ε) = −5, the worst at log10(10 + ε) ≈ 1.
        assert!(scale.plotted(-2.0).is_some_and(|h| (h + 5.0).abs() < 1e-9));
        assert!(scale.plotted(8.0).is_some_and(|h| (h - 1.0).abs() < 1e-6));
        assert_eq!(scale.plotted(f64::NAN), None);
        assert_eq!(Scale::choose(true, 0.5, 8.0).plotted(100.0), Some(2.0));
        assert_eq!(Scale::choose(false, -2.0, 8.0).plotted(-2.0), Some(-2.0));
    }

    #[test]
    fn log_axes_span_whole_decades() {
        assert_eq!(Scale::Logarithmic.axis_range(-3.4, 1.2), (-4.0, 2.0));
        assert_eq!(Scale::Logarithmic.axis_range(2.0, 2.0), (2.0, 3.0));
        assert_eq!(Scale::Logarithmic.tick(-4.0), "10⁻⁴");
        assert_eq!(Scale::Logarithmic.tick(-3.5), "");
    }
}
