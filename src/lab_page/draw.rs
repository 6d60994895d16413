//! The lab's canvases, each drawn by the core's chart for it: the loss curves, what the network predicts,
//! the spectrum, the two slices (with the map's own heatmap code) and the profile, and the experiment.

use wasm_bindgen::JsValue;
use web_sys::HtmlCanvasElement;

use super::canvas::{drawing_area, put_heatmap, stretch_heatmap, visible_area, ChartSize};
use crate::analysis::PointKind;
use crate::charts::{
    draw_decision_map, draw_plane_slice, draw_ratio_scatter, draw_regression_fit,
    draw_spectrum_chart, draw_sweep_chart, draw_titled_slice, draw_training_chart, CurveLine,
    LabData, MapBase, MapFrame, PlaneValues, StepMark,
};
use crate::i18n::{ChartWords, LabWords, Strings};
use crate::jobs::{ExperimentResults, Jump, LabView, PlaneSlice, RunId, SliceSet};
use crate::network::Inspection;

/// The training loss in Okabe–Ito blue, the test loss in its reddish purple (as the 2-D page's slice).
const TRAIN_COLOUR: (u8, u8, u8) = (0, 114, 178);
const TEST_COLOUR: (u8, u8, u8) = (204, 121, 167);

fn failed(error: String) -> JsValue {
    JsValue::from_str(&error)
}

pub fn loss_chart(
    canvas: &HtmlCanvasElement,
    view: &LabView,
    words: &Strings,
    lab: &LabWords,
) -> Result<(), JsValue> {
    let Some(area) = visible_area(canvas, 1.0)? else {
        return Ok(());
    };
    let (train, test) = (view.train_curve.points(), view.test_curve.points());
    let lines = [
        CurveLine {
            label: lab.train_loss,
            colour: TRAIN_COLOUR,
            points: &train,
        },
        CurveLine {
            label: lab.test_loss,
            colour: TEST_COLOUR,
            points: &test,
        },
    ];
    let marks: Vec<StepMark> = view
        .jumps
        .iter()
        .map(|&(step, jump)| StepMark {
            step: step as f64,
            label: match jump {
                Jump::Critical => lab.mark_critical,
                Jump::Escape => lab.mark_escape,
            },
        })
        .collect();
    let shown = if view.setup.is_some() {
        &lines[..]
    } else {
        &[]
    };
    draw_training_chart(&area, shown, &marks, &words.chart).map_err(failed)?;
    // For tests and tools: where the curve ends.
    canvas.set_attribute("data-step", &view.step.to_string())?;
    canvas.set_attribute("data-loss", &view.loss.to_string())
}

/// The decision map (2 inputs) or the regression's fit (1 input).
pub fn data_chart(
    canvas: &HtmlCanvasElement,
    heat: &HtmlCanvasElement,
    view: &LabView,
    words: &Strings,
) -> Result<(), JsValue> {
    let Some(setup) = &view.setup else {
        return Ok(());
    };
    let data = LabData {
        inputs: setup.inputs,
        train_x: &setup.train_x,
        train_y: &setup.train_y,
        test_x: &setup.test_x,
        test_y: &setup.test_y,
        bounds: setup.bounds,
        predictions: view.predictions.as_deref(),
    };
    if setup.inputs == 1 {
        let Some(area) = visible_area(canvas, 1.0)? else {
            return Ok(());
        };
        return draw_regression_fit(&area, &data, &words.chart).map_err(failed);
    }
    let Some(frame) = map_frame(canvas, data.map_bounds())? else {
        return Ok(());
    };
    let axes = ChartWords {
        map_x: "x₁",
        map_y: "x₂",
        ..words.chart
    };
    let root = drawing_area(canvas).map_err(failed)?;
    draw_decision_map(
        &root,
        &frame,
        &data,
        &mut |rgba, size, area| {
            put_heatmap(heat, rgba, size)?;
            stretch_heatmap(heat, canvas, area)
        },
        &axes,
    )
    .map_err(failed)
}

/// A frame over the whole canvas for `bounds`, its backing store sized to the screen's pixels; `None`
/// while the canvas is hidden.
fn map_frame(
    canvas: &HtmlCanvasElement,
    bounds: crate::bounds::Bounds,
) -> Result<Option<MapFrame>, JsValue> {
    let Some(size) = ChartSize::of(canvas, 1.0)? else {
        return Ok(None);
    };
    if (canvas.width(), canvas.height()) != size.backing {
        canvas.set_width(size.backing.0);
        canvas.set_height(size.backing.1);
    }
    let scale = f64::from(size.backing.0) / f64::from(size.css.0.max(1));
    Ok(Some(MapFrame::new(
        bounds,
        f64::from(size.backing.0),
        f64::from(size.backing.1),
        scale,
    )))
}

pub fn spectrum(
    canvas: &HtmlCanvasElement,
    inspection: &Inspection,
    words: &Strings,
    lab: &LabWords,
) -> Result<(), JsValue> {
    let Some(area) = visible_area(canvas, 1.0)? else {
        return Ok(());
    };
    let eigenvalues = &inspection.eigenvalues;
    let title = match (eigenvalues.first(), eigenvalues.last()) {
        (Some(&lowest), Some(&highest)) => (lab.spectrum_title)(
            eigenvalues.len(),
            &words.number(lowest),
            &words.number(highest),
        ),
        _ => String::new(),
    };
    let band = inspection.undetermined_band;
    draw_spectrum_chart(&area, eigenvalues, band, &title, &words.chart).map_err(failed)?;
    canvas.set_attribute("data-eigenvalues", &eigenvalues.len().to_string())
}

/// One slice's plane with the map's own base layer.
pub fn plane(
    canvas: &HtmlCanvasElement,
    heat: &HtmlCanvasElement,
    plane: &PlaneSlice,
    kind: PointKind,
    axes: (&'static str, &'static str),
    words: &Strings,
) -> Result<(), JsValue> {
    let values = PlaneValues {
        a: &plane.a,
        b: &plane.b,
        loss: &plane.loss,
    };
    let Some(grid) = values.grid() else {
        return Ok(());
    };
    let Some(frame) = map_frame(canvas, grid.bounds)? else {
        return Ok(());
    };
    let base = MapBase::of_grid(grid);
    let axes = ChartWords {
        map_x: axes.0,
        map_y: axes.1,
        ..words.chart
    };
    let root = drawing_area(canvas).map_err(failed)?;
    draw_plane_slice(
        &root,
        &frame,
        &base,
        kind,
        &mut |_, size, area| {
            put_heatmap(heat, &base.rgba, size)?;
            stretch_heatmap(heat, canvas, area)
        },
        &axes,
    )
    .map_err(failed)?;
    canvas.set_attribute(
        "data-curvatures",
        &format!("{},{}", plane.curvatures[0], plane.curvatures[1]),
    )
}

/// L along u_min through θ, drawn as the page's 1-D slice is, with its own title.
pub fn profile(
    canvas: &HtmlCanvasElement,
    slices: &SliceSet,
    words: &Strings,
    lab: &LabWords,
) -> Result<(), JsValue> {
    let Some(area) = visible_area(canvas, 1.0)? else {
        return Ok(());
    };
    let slice = slices.profile();
    let title = (lab.profile_title)(
        &words.number(slice.curvature),
        words.chart.bend(slice.bend()),
    );
    draw_titled_slice(&area, &slice, &title, words.chart.profile_t, &words.chart).map_err(failed)
}

/// A dot of the scatter: its run's place in the results, and its centre in CSS pixels.
pub type Dot = (RunId, (i32, i32));

/// The scatter of the runs that reached a critical point; returns its dots.
pub fn scatter(
    canvas: &HtmlCanvasElement,
    results: Option<&ExperimentResults>,
    selected: Option<RunId>,
    words: &Strings,
) -> Result<Vec<Dot>, JsValue> {
    let Some(area) = visible_area(canvas, 1.0)? else {
        return Ok(Vec::new());
    };
    let placed = results
        .map(ExperimentResults::ratio_points)
        .unwrap_or_default();
    let points: Vec<_> = placed.iter().map(|(_, p)| *p).collect();
    let picked = selected.and_then(|s| placed.iter().position(|(id, _)| *id == s));
    let dots = draw_ratio_scatter(&area, &points, picked, &words.chart).map_err(failed)?;
    canvas.set_attribute("data-runs", &points.len().to_string())?;
    // For tests and tools: where each dot is, in CSS pixels.
    let centres: Vec<String> = dots
        .iter()
        .flatten()
        .map(|(x, y)| format!("{x},{y}"))
        .collect();
    canvas.set_attribute("data-dots", &centres.join(" "))?;
    Ok(placed
        .iter()
        .zip(dots)
        .filter_map(|((id, _), dot)| dot.map(|d| (*id, d)))
        .collect())
}

pub fn sweep(
    canvas: &HtmlCanvasElement,
    results: Option<&ExperimentResults>,
    words: &Strings,
) -> Result<(), JsValue> {
    let Some(area) = visible_area(canvas, 1.0)? else {
        return Ok(());
    };
    let points = results
        .filter(|r| r.sweep)
        .map(ExperimentResults::sweep_points)
        .unwrap_or_default();
    draw_sweep_chart(&area, &points, &words.chart).map_err(failed)?;
    let shares: Vec<String> = points
        .iter()
        .map(|p| format!("{}:{}/{}", p.parameters, p.saddles, p.converged))
        .collect();
    canvas.set_attribute("data-sizes", &shares.join(" "))
}
