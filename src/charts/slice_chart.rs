//! L along one line through θ′ and its dashed second-order model: what "a minimum along x" looks like next to
//! the saddle the other directions reveal.

use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;

use super::loss_chart::{draw_line_legend, LegendLine, Pixel};
use super::map::MapFrame;
use super::palette::{eigen_colour, INK, PAPER};
use super::{draw_fitted_title, plot_error, unbroken_runs, FONT};
use crate::analysis::{Bend, Slice};
use crate::i18n::ChartWords;

const MARGIN: i32 = 12;
/// The model's dashes, in pixels.
const DASH: u32 = 7;
const GAP: u32 = 5;
/// Points the model's parabola is drawn through.
const MODEL_POINTS: usize = 200;
/// The model may reach this many times the slice's own range of L beyond it before it is cut off: a steep
/// parabola must not flatten the slice it is compared with.
const MODEL_OVERSHOOT: f64 = 1.0;
/// A flat model (dᵀHd ≈ 0) is drawn in a neutral grey: it curves neither way.
const FLAT_COLOUR: RGBColor = RGBColor(120, 120, 120);
/// The test loss beside the training loss: Okabe–Ito's reddish purple, apart from the model's colours.
const TEST_COLOUR: RGBColor = RGBColor(0xCC, 0x79, 0xA7);

/// The model's colour: the map's colour for an eigenvector of that sign (down: warm, the way out of a
/// saddle; up: cool), grey when it does not curve.
pub fn model_colour(bend: Bend) -> RGBColor {
    match bend {
        Bend::Down => eigen_colour(-1.0),
        Bend::Up => eigen_colour(1.0),
        Bend::Flat => FLAT_COLOUR,
    }
}

/// The chart's title: the direction, dᵀHd and which way the slice bends, in `words`' language.
pub fn slice_title(slice: &Slice, words: &ChartWords) -> String {
    let [dx, dy] = slice.direction;
    let direction = format!(
        "({}, {})",
        crate::numbers::readable(dx),
        crate::numbers::readable(dy)
    );
    let bend = words.bend(slice.bend());
    words
        .slice_title
        .replace("{d}", &direction)
        .replace("{c}", &crate::numbers::readable(slice.curvature))
        .replace("{bend}", bend)
}

/// Draws the slice t ↦ L(θ′ + t·d) as a solid line (gaps where L is undefined), its model
/// q(t) = L(θ′) + t·gᵀd + ½t²·dᵀHd dashed in [`model_colour`], θ′ as a dot at t = 0, a legend, and a title
/// from [`slice_title`]; axes titled in `words`.
pub fn draw_slice_chart<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    slice: &Slice,
    words: &ChartWords,
) -> Result<(), String> {
    draw_titled_slice(
        area,
        slice,
        &slice_title(slice, words),
        words.slice_t,
        words,
    )
}

/// [`draw_slice_chart`] with its own title and horizontal axis title: the network lab's profile along
/// u_min, whose direction is a vector of P numbers rather than two.
pub fn draw_titled_slice<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    slice: &Slice,
    title: &str,
    t_title: &str,
    words: &ChartWords,
) -> Result<(), String> {
    let (left, right) = match (slice.samples.first(), slice.samples.last()) {
        (Some(first), Some(last)) if first[0] < last[0] => (first[0], last[0]),
        _ => (-1.0, 1.0),
    };
    let (bottom, top) = value_range(slice, left, right);
    let colour = model_colour(slice.bend());

    area.fill(&WHITE).map_err(plot_error)?;
    let title_bottom = draw_fitted_title(area, title, MARGIN)?;
    let (_, body) = area.split_vertically(title_bottom);
    let mut chart = ChartBuilder::on(&body)
        .margin(MARGIN)
        .margin_top(4)
        .x_label_area_size(44)
        .y_label_area_size(64)
        .build_cartesian_2d(left..right, bottom..top)
        .map_err(plot_error)?;
    chart
        .configure_mesh()
        .x_desc(t_title)
        .y_desc(words.loss)
        .axis_desc_style((FONT, 15))
        .label_style((FONT, 13))
        .x_labels(7)
        .y_labels(6)
        .x_label_formatter(&|t| crate::numbers::readable(*t))
        .y_label_formatter(&|v| crate::numbers::readable(*v))
        .bold_line_style(BLACK.mix(0.1))
        .light_line_style(TRANSPARENT)
        .draw()
        .map_err(plot_error)?;

    let inside = |value: f64| (bottom..=top).contains(&value).then_some(value);
    let slice_pieces = unbroken_runs(
        slice
            .samples
            .iter()
            .map(|&[t, value]| inside(value).map(|value| (t, value))),
    );
    let model_pieces = unbroken_runs((0..MODEL_POINTS).map(|i| {
        let t = left + (right - left) * i as f64 / (MODEL_POINTS - 1) as f64;
        inside(slice.model(t)).map(|value| (t, value))
    }));
    chart
        .draw_series(
            slice_pieces
                .iter()
                .map(|piece| PathElement::new(piece.clone(), INK.stroke_width(2))),
        )
        .map_err(plot_error)?;
    chart
        .draw_series(
            model_pieces.iter().map(|piece| {
                DashedPathElement::new(piece.clone(), DASH, GAP, colour.stroke_width(2))
            }),
        )
        .map_err(plot_error)?;
    let test_pieces = slice
        .test_samples
        .as_ref()
        .map_or_else(Vec::new, |samples| {
            unbroken_runs(
                samples
                    .iter()
                    .map(|&[t, value]| inside(value).map(|value| (t, value))),
            )
        });
    chart
        .draw_series(
            test_pieces
                .iter()
                .map(|piece| PathElement::new(piece.clone(), TEST_COLOUR.stroke_width(2))),
        )
        .map_err(plot_error)?;
    chart
        .draw_series(inside(slice.value).map(|value| Circle::new((0.0, value), 4, INK.filled())))
        .map_err(plot_error)?;

    let base = chart.plotting_area().get_base_pixel();
    let paths: Vec<Vec<Pixel>> = slice_pieces
        .iter()
        .chain(&model_pieces)
        .chain(&test_pieces)
        .map(|piece| {
            piece
                .iter()
                .map(|at| {
                    let (x, y) = chart.backend_coord(at);
                    (x - base.0, y - base.1)
                })
                .collect()
        })
        .collect();
    let mut lines = vec![
        LegendLine {
            label: words.slice_curve,
            colour: INK,
            dashed: false,
        },
        LegendLine {
            label: words.slice_model,
            colour,
            dashed: true,
        },
    ];
    if slice.test_samples.is_some() {
        lines.push(LegendLine {
            label: words.slice_test,
            colour: TEST_COLOUR,
            dashed: false,
        });
    }
    draw_line_legend(&chart.plotting_area().strip_coord_spec(), &lines, &paths)?;
    area.present().map_err(plot_error)
}

/// The vertical range: the slice's values (and L(θ′)) padded by 5%, widened for the model by at most
/// [`MODEL_OVERSHOOT`] times the slice's own range each way. Never empty.
fn value_range(slice: &Slice, left: f64, right: f64) -> (f64, f64) {
    let finite = slice
        .samples
        .iter()
        .chain(slice.test_samples.iter().flatten())
        .map(|sample| sample[1])
        .chain([slice.value])
        .filter(|v| v.is_finite());
    let (low, high) = finite.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    if !(low.is_finite() && high.is_finite()) {
        return (-1.0, 1.0);
    }
    let spread = high - low;
    let reach = MODEL_OVERSHOOT * spread;
    let model = (0..MODEL_POINTS)
        .map(|i| slice.model(left + (right - left) * i as f64 / (MODEL_POINTS - 1) as f64))
        .filter(|v| v.is_finite());
    let (low, high) = model.fold((low, high), |(lo, hi), v| {
        (lo.min(v.max(low - reach)), hi.max(v.min(high + reach)))
    });
    let pad = if high > low {
        0.05 * (high - low)
    } else {
        0.5 * low.abs().max(1.0)
    };
    (low - pad, high + pad)
}

/// The slice's line across the map: θ′ + t·d over the slice's range of t, dashed in the colour of its bend
/// (the model's colour in the chart), over a paper halo so it reads on any colour of the heatmap.
pub fn draw_slice_line<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    frame: &MapFrame,
    slice: &Slice,
) -> Result<(), String> {
    let (Some(first), Some(last)) = (slice.samples.first(), slice.samples.last()) else {
        return Ok(());
    };
    let ends = vec![
        frame.pixel(slice.point_at(first[0])),
        frame.pixel(slice.point_at(last[0])),
    ];
    let width = |css: f64| frame.px(css).max(1.0) as u32;
    let (dash, gap) = (frame.px(8.0) as u32, frame.px(5.0) as u32);
    root.draw(&PathElement::new(
        ends.clone(),
        PAPER.mix(0.7).stroke_width(width(4.0)),
    ))
    .and_then(|_| {
        root.draw(&DashedPathElement::new(
            ends,
            dash,
            gap,
            model_colour(slice.bend()).stroke_width(width(2.0)),
        ))
    })
    .map_err(plot_error)
}
