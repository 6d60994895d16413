//! What the lab's network computes, over its data: for a 2-D task the decision map (the output's sign and
//! confidence as colour, the boundary ŷ = 0 as a line, training examples as dots and test examples as
//! rings), for the 1-D regression the fitted curve through the examples.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::map::{draw_map_frame, HeatmapPainter, MapFrame};
use super::palette::{INK, PAPER};
use super::{plot_error, FONT};
use crate::bounds::Bounds;
use crate::i18n::ChartWords;
use crate::render::{contour_lines, Grid};

/// Class +1 and −1 (Okabe–Ito blue and orange, as in TensorFlow Playground's own pair).
const POSITIVE: (u8, u8, u8) = (0, 114, 178);
const NEGATIVE: (u8, u8, u8) = (230, 159, 0);
/// How far the most confident output goes from white towards its class's colour.
const STRONGEST: f64 = 0.7;
const UNDEFINED: [u8; 3] = [200, 200, 200];
const DOT_RADIUS: f64 = 3.5;

/// The examples and, once computed, the network's predictions over the box.
#[derive(Debug, Clone, Copy)]
pub struct LabData<'a> {
    /// 1 or 2.
    pub inputs: usize,
    /// The training examples' inputs, `inputs` numbers each.
    pub train_x: &'a [f64],
    /// Their targets (±1 for a classification).
    pub train_y: &'a [f64],
    /// The test examples' inputs, likewise.
    pub test_x: &'a [f64],
    /// Their targets.
    pub test_y: &'a [f64],
    /// [x_min, x_max, y_min, y_max]: where the predictions were sampled, endpoints included.
    pub bounds: [f64; 4],
    /// A square grid over the box (row 0 at the top) for 2 inputs; points along x for 1.
    pub predictions: Option<&'a [f64]>,
}

impl LabData<'_> {
    /// Predictions per side (2 inputs) or in all (1 input).
    fn side(&self) -> usize {
        match (self.inputs, self.predictions) {
            (2, Some(values)) => (values.len() as f64).sqrt().round() as usize,
            (_, Some(values)) => values.len(),
            _ => 0,
        }
    }

    /// The decision map's box: the sampled box widened by half a cell on each side, so each prediction
    /// sits at its cell's centre as a [`Grid`]'s values do.
    pub fn map_bounds(&self) -> Bounds {
        let [x_min, x_max, y_min, y_max] = self.bounds;
        let cells = self.side().max(2) as f64 - 1.0;
        let (dx, dy) = ((x_max - x_min) / cells, (y_max - y_min) / cells);
        Bounds {
            x_min: x_min - dx / 2.0,
            x_max: x_max + dx / 2.0,
            y_min: y_min - dy / 2.0,
            y_max: y_max + dy / 2.0,
        }
    }

    /// The predictions as a grid over [`LabData::map_bounds`], for 2 inputs.
    fn grid(&self) -> Option<Grid> {
        let values = self.predictions?;
        let side = self.side();
        (self.inputs == 2 && side >= 2 && side * side == values.len()).then(|| Grid {
            bounds: self.map_bounds(),
            width: side,
            height: side,
            values: values.to_vec(),
        })
    }
}

/// RGBA bytes of the decision map: each output ŷ (a logit) as its class's colour mixed into white by
/// |tanh(ŷ/2)| = |2σ(ŷ) − 1|, how sure the network is; grey where ŷ is not finite.
pub fn decision_rgba(predictions: &[f64]) -> Vec<u8> {
    let mut rgba = Vec::with_capacity(predictions.len() * 4);
    for &output in predictions {
        let [r, g, b] = if output.is_finite() {
            let sure = (0.5 * output).tanh();
            let (cr, cg, cb) = if sure >= 0.0 { POSITIVE } else { NEGATIVE };
            let t = STRONGEST * sure.abs();
            let mix = |c: u8| (255.0 + t * (f64::from(c) - 255.0)).round() as u8;
            [mix(cr), mix(cg), mix(cb)]
        } else {
            UNDEFINED
        };
        rgba.extend([r, g, b, 255]);
    }
    rgba
}

/// Draws the decision map over `frame` (made for [`LabData::map_bounds`]): the colours through
/// `paint_heatmap`, the boundary ŷ = 0, the examples, and the axes titled `words.map_x`, `words.map_y`.
pub fn draw_decision_map<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    frame: &MapFrame,
    data: &LabData,
    paint_heatmap: HeatmapPainter,
    words: &ChartWords,
) -> Result<(), String> {
    root.fill(&PAPER).map_err(plot_error)?;
    if let Some(grid) = data.grid() {
        paint_heatmap(
            &decision_rgba(&grid.values),
            (grid.width, grid.height),
            frame.transform.area,
        )?;
        let boundary = INK.stroke_width(frame.px(2.0).max(1.0) as u32);
        for line in contour_lines(&grid, &[0.0]) {
            root.draw(&PathElement::new(frame.pixels(&line), boundary))
                .map_err(plot_error)?;
        }
    }
    let radius = frame.px(DOT_RADIUS).round() as i32;
    let ring = frame.px(1.5).max(1.0) as u32;
    for (x, y, test) in examples(data) {
        if !frame.transform.bounds.contains([x[0], x[1]]) {
            continue;
        }
        let at = frame.pixel([x[0], x[1]]);
        let (r, g, b) = if y > 0.0 { POSITIVE } else { NEGATIVE };
        let colour = RGBColor(r, g, b);
        if test {
            root.draw(&Circle::new(at, radius, PAPER.filled()))
                .and_then(|_| root.draw(&Circle::new(at, radius, colour.stroke_width(ring + 1))))
        } else {
            root.draw(&Circle::new(at, radius, colour.filled()))
                .and_then(|_| root.draw(&Circle::new(at, radius, PAPER.stroke_width(ring))))
        }
        .map_err(plot_error)?;
    }
    draw_map_frame(root, frame, None, words)
}

/// Every example with its target and whether it is a test example, training examples first.
fn examples<'a>(data: &'a LabData) -> impl Iterator<Item = (&'a [f64], f64, bool)> + 'a {
    let inputs = data.inputs.max(1);
    let set = move |x: &'a [f64], y: &'a [f64], test: bool| {
        x.chunks_exact(inputs)
            .zip(y.iter().copied())
            .map(move |(x, y)| (x, y, test))
    };
    set(data.train_x, data.train_y, false).chain(set(data.test_x, data.test_y, true))
}

/// Draws the regression: the examples (training as dots, test as rings) and the network's curve ŷ(x),
/// axes titled `words.input_x` and `words.target`.
pub fn draw_regression_fit<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &LabData,
    words: &ChartWords,
) -> Result<(), String> {
    let [x_min, x_max, y_min, y_max] = data.bounds;
    let predictions = data.predictions.unwrap_or_default();
    let low = predictions
        .iter()
        .copied()
        .filter(|v| v.is_finite())
        .fold(y_min, f64::min);
    let high = predictions
        .iter()
        .copied()
        .filter(|v| v.is_finite())
        .fold(y_max, f64::max);
    let pad = 0.05 * (high - low).max(1e-9);
    area.fill(&WHITE).map_err(plot_error)?;
    let mut chart = ChartBuilder::on(area)
        .margin(14)
        .x_label_area_size(40)
        .y_label_area_size(52)
        .build_cartesian_2d(x_min..x_max, low - pad..high + pad)
        .map_err(plot_error)?;
    chart
        .configure_mesh()
        .x_desc(words.input_x)
        .y_desc(words.target)
        .axis_desc_style((FONT, 14))
        .label_style((FONT, 13))
        .x_labels(6)
        .y_labels(6)
        .x_label_formatter(&|x| crate::numbers::readable(*x))
        .y_label_formatter(&|y| crate::numbers::readable(*y))
        .bold_line_style(BLACK.mix(0.1))
        .light_line_style(TRANSPARENT)
        .draw()
        .map_err(plot_error)?;
    let (r, g, b) = POSITIVE;
    let dots = RGBColor(r, g, b);
    chart
        .draw_series(examples(data).map(|(x, y, test)| {
            let style = if test {
                NEGATIVE_RING.stroke_width(2)
            } else {
                dots.mix(0.6).filled()
            };
            Circle::new((x[0], y), 3, style)
        }))
        .map_err(plot_error)?;
    let curve: Vec<(f64, f64)> = predictions
        .iter()
        .enumerate()
        .filter(|(_, v)| v.is_finite())
        .map(|(i, &v)| {
            let t = i as f64 / (predictions.len().max(2) - 1) as f64;
            (x_min + t * (x_max - x_min), v)
        })
        .collect();
    chart
        .draw_series(std::iter::once(PathElement::new(
            curve,
            INK.stroke_width(3),
        )))
        .map_err(plot_error)?;
    area.present().map_err(plot_error)
}

/// Test examples of the regression: rings in Okabe–Ito's orange.
const NEGATIVE_RING: RGBColor = RGBColor(NEGATIVE.0, NEGATIVE.1, NEGATIVE.2);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn confident_outputs_take_their_class_colour_and_zero_is_white() {
        let rgba = decision_rgba(&[0.0, 40.0, -40.0, f64::NAN]);
        assert_eq!(&rgba[0..4], &[255, 255, 255, 255]);
        // 255 + 0.7·(c − 255): blue (0, 114, 178) → (77, 156, 201).
        assert_eq!(&rgba[4..8], &[77, 156, 201, 255]);
        assert_eq!(&rgba[8..12], &[238, 188, 77, 255]);
        assert_eq!(&rgba[12..16], &[200, 200, 200, 255]);
    }

    #[test]
    fn each_prediction_sits_at_its_cells_centre() {
        let predictions = vec![0.0; 9];
        let data = LabData {
            inputs: 2,
            train_x: &[],
            train_y: &[],
            test_x: &[],
            test_y: &[],
            bounds: [-1.0, 1.0, -1.0, 1.0],
            predictions: Some(&predictions),
        };
        let grid = data.grid().expect("a 3×3 grid");
        assert_eq!(grid.cell_center(0, 0), [-1.0, 1.0]);
        assert_eq!(grid.cell_center(2, 2), [1.0, -1.0]);
        assert_eq!(grid.cell_center(1, 1), [0.0, 0.0]);
    }
}
