//! The lab's training and test loss against the step, on a log scale, with the steps where θ jumped (to
//! the critical point, along u_min) marked, so the drop after an escape shows where it happened.

use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::loss_chart::{draw_line_legend, LegendLine, Scale};
use super::{plot_error, rgb, unbroken_runs, FONT};
use crate::i18n::ChartWords;

/// One loss curve: (step, L) points in step order.
pub struct CurveLine<'a> {
    /// Its legend entry.
    pub label: &'a str,
    /// Its colour, as RGB.
    pub colour: (u8, u8, u8),
    /// (step, L), steps ascending.
    pub points: &'a [[f64; 2]],
}

/// A step where something happened to θ, drawn as a dashed vertical line with its label.
pub struct StepMark<'a> {
    /// Where θ jumped.
    pub step: f64,
    /// What happened there.
    pub label: &'a str,
}

const MARK: RGBColor = RGBColor(90, 90, 90);

/// Draws each curve against the step (log-scale loss; see the race's loss chart for losses ≤ 0), the marks,
/// and a legend of the curves; axes titled in `words`. With no points, empty axes are drawn.
pub fn draw_training_chart<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    lines: &[CurveLine],
    marks: &[StepMark],
    words: &ChartWords,
) -> Result<(), String> {
    let (scale, bottom, top) = Scale::fitted(true, || {
        lines
            .iter()
            .flat_map(|line| line.points.iter().map(|p| p[1]))
    });
    let last_step = lines
        .iter()
        .filter_map(|line| line.points.last().map(|p| p[0]))
        .chain(marks.iter().map(|m| m.step))
        .fold(1.0f64, f64::max);

    area.fill(&WHITE).map_err(plot_error)?;
    let mut chart = ChartBuilder::on(area)
        .margin(14)
        .x_label_area_size(44)
        .y_label_area_size(64)
        .build_cartesian_2d(0.0..last_step, bottom..top)
        .map_err(plot_error)?;
    chart
        .configure_mesh()
        .x_desc(words.step)
        .y_desc(scale.axis_title(words))
        .axis_desc_style((FONT, 16))
        .label_style((FONT, 13))
        .x_labels(8)
        .x_label_formatter(&|step| {
            if step.fract() == 0.0 {
                format!("{step}")
            } else {
                String::new()
            }
        })
        .y_labels(((top - bottom) as usize + 1).min(10))
        .y_label_formatter(&|height| scale.tick(*height))
        .bold_line_style(BLACK.mix(0.1))
        .light_line_style(TRANSPARENT)
        .draw()
        .map_err(plot_error)?;

    let font = TextStyle::from((FONT, 13).into_font()).color(&MARK);
    let (plot_left, _) = chart.backend_coord(&(0.0, top));
    let (plot_right, _) = chart.backend_coord(&(last_step, top));
    // Labels go right of their line, or left of it in the plot's right half, one under the other where
    // they would meet (a solve and an escape at the same step).
    let mut placed: Vec<(i32, i32, i32)> = Vec::new();
    for mark in marks {
        let (x, y_top) = chart.backend_coord(&(mark.step, top));
        let (_, y_bottom) = chart.backend_coord(&(mark.step, bottom));
        area.draw(&DashedPathElement::new(
            vec![(x, y_top), (x, y_bottom)],
            4,
            4,
            MARK.stroke_width(1),
        ))
        .map_err(plot_error)?;
        let (width, height) = area
            .estimate_text_size(mark.label, &font)
            .map_err(plot_error)?;
        let (width, height) = (width as i32, height as i32);
        let right_half = x - plot_left > (plot_right - plot_left) / 2;
        let (from, at, anchor) = if right_half {
            (x - 4 - width, x - 4, HPos::Right)
        } else {
            (x + 4, x + 4, HPos::Left)
        };
        let mut y = y_top + 4;
        while placed
            .iter()
            .any(|&(left, right, row)| row == y && from < right && left < from + width)
        {
            y += height;
        }
        placed.push((from, from + width, y));
        let style = font.clone().pos(Pos::new(anchor, VPos::Top));
        area.draw(&Text::new(mark.label, (at, y), style))
            .map_err(plot_error)?;
    }

    let base = chart.plotting_area().get_base_pixel();
    let mut drawn = Vec::new();
    for line in lines {
        let colour = rgb(line.colour);
        let pieces = unbroken_runs(
            line.points
                .iter()
                .map(|p| scale.plotted(p[1]).map(|height| (p[0], height))),
        );
        drawn.extend(pieces.iter().map(|piece| {
            piece
                .iter()
                .map(|at| {
                    let (x, y) = chart.backend_coord(at);
                    (x - base.0, y - base.1)
                })
                .collect::<Vec<_>>()
        }));
        chart
            .draw_series(
                pieces
                    .iter()
                    .map(|piece| PathElement::new(piece.clone(), colour.stroke_width(2))),
            )
            .map_err(plot_error)?;
        let end = pieces.last().and_then(|piece| piece.last());
        chart
            .draw_series(end.map(|&at| Circle::new(at, 4, colour.filled())))
            .map_err(plot_error)?;
    }
    let legend: Vec<LegendLine> = lines
        .iter()
        .map(|line| LegendLine {
            label: line.label,
            colour: rgb(line.colour),
            dashed: false,
        })
        .collect();
    if !legend.is_empty() {
        draw_line_legend(&chart.plotting_area().strip_coord_spec(), &legend, &drawn)?;
    }
    area.present().map_err(plot_error)
}
