//! "Saddles in high dimension": the core's minimum-ratio experiment run in slices between animation
//! frames (the page never freezes), its runs as dots of minimum ratio against training loss, and the
//! Hessian spectrum of the run a person picks.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    Element, Event, HtmlButtonElement, HtmlCanvasElement, HtmlElement, HtmlInputElement,
    PointerEvent,
};

use super::app::SharedApp;
use super::dom::{self, by_id, SizeWatch};
use super::plots::{visible_area, ChartSize};
use crate::charts::{draw_eigen_histogram, draw_min_ratio_chart};
use crate::experiments::{
    MinRatioConfig, MinRatioExperiment, MinRatioRun, MAX_PARAMS, ZERO_EIGENVALUE_TOLERANCE,
};
use crate::i18n::{MinRatioStatus, Strings};

/// Milliseconds of experiment work per animation frame: the rest of a 16 ms frame stays for drawing.
const FRAME_BUDGET_MS: f64 = 8.0;
/// Work units per call of `advance` (one unit is one gradient-sized pass): small, so the clock is read
/// often enough to keep within the budget.
const WORK_CHUNK: usize = 8;
/// The panel's own bounds on P (the core allows fewer, but below 10 the picture says little).
const FEWEST_PARAMS: usize = 10;
const MOST_RUNS: usize = 200;
/// How near (CSS pixels) a click must land to a dot to pick its run.
const PICK_RADIUS: f64 = 10.0;

pub struct ExperimentsPanel {
    params: HtmlInputElement,
    runs: HtmlInputElement,
    seed: HtmlInputElement,
    run: HtmlButtonElement,
    cancel: HtmlButtonElement,
    progress: HtmlElement,
    progress_bar: HtmlElement,
    status: Element,
    chart: HtmlCanvasElement,
    /// A resized window (or the histogram appearing beside it) changes the chart's size on screen.
    chart_resize: SizeWatch,
    histogram: HtmlCanvasElement,
    table: Element,
    /// The words on screen: the status line, the progress's reading and the charts' titles.
    words: &'static Strings,
    /// What the status line says, kept so a language switch can re-word it; `Err` holds the core's
    /// refusal of a configuration, which the panel's clamped inputs never send.
    said: Option<Result<MinRatioStatus, String>>,
    experiment: Option<MinRatioExperiment>,
    running: bool,
    selected: Option<usize>,
    /// Where each run's dot was drawn (canvas pixels = CSS pixels here), for picking by click.
    dots: Vec<Option<(i32, i32)>>,
    /// Results already listed in the table and the chart.
    shown: usize,
    dirty: bool,
}

impl ExperimentsPanel {
    pub fn find(words: &'static Strings) -> Result<ExperimentsPanel, JsValue> {
        let chart: HtmlCanvasElement = by_id("min-ratio-chart")?;
        Ok(ExperimentsPanel {
            chart_resize: SizeWatch::new(&chart)?,
            chart,
            params: by_id("mr-params")?,
            runs: by_id("mr-runs")?,
            seed: by_id("mr-seed")?,
            run: by_id("mr-run")?,
            cancel: by_id("mr-cancel")?,
            progress: by_id("mr-progress")?,
            progress_bar: by_id("mr-progress-bar")?,
            status: by_id("mr-status")?,
            histogram: by_id("eigen-histogram")?,
            table: by_id("mr-table")?,
            words,
            said: None,
            experiment: None,
            running: false,
            selected: None,
            dots: Vec::new(),
            shown: 0,
            dirty: true,
        })
    }

    /// Reads P, R and the seed (clamped into the panel's ranges) and starts afresh.
    fn start(&mut self) {
        let read = |input: &HtmlInputElement, fallback: u64| {
            input.value().trim().parse::<u64>().unwrap_or(fallback)
        };
        let defaults = MinRatioConfig::default();
        let config = MinRatioConfig {
            params: (read(&self.params, 50) as usize).clamp(FEWEST_PARAMS, MAX_PARAMS),
            runs: (read(&self.runs, 20) as usize).clamp(1, MOST_RUNS),
            seed: read(&self.seed, defaults.seed),
            ..defaults
        };
        self.params.set_value(&config.params.to_string());
        self.runs.set_value(&config.runs.to_string());
        self.seed.set_value(&config.seed.to_string());
        match MinRatioExperiment::new(config) {
            Ok(experiment) => {
                self.set_status(Ok(MinRatioStatus::Running {
                    params: experiment.params(),
                    hidden: experiment.hidden(),
                    runs: config.runs,
                }));
                self.experiment = Some(experiment);
                self.running = true;
            }
            Err(error) => {
                self.set_status(Err(error));
                self.experiment = None;
                self.running = false;
            }
        }
        self.selected = None;
        self.shown = 0;
        dom::set_text(&self.table, "");
        self.dirty = true;
    }

    fn cancel(&mut self) {
        if !self.running {
            return;
        }
        self.running = false;
        let runs_done = self.experiment.as_ref().map_or(0, |e| e.results().len());
        self.set_status(Ok(MinRatioStatus::Cancelled { runs_done }));
        self.dirty = true;
    }

    fn set_status(&mut self, status: Result<MinRatioStatus, String>) {
        let text = match &status {
            Ok(status) => (self.words.min_ratio_status)(status),
            Err(error) => error.clone(),
        };
        dom::set_text(&self.status, &text);
        self.said = Some(status);
    }

    /// Re-words the status line, the table and the charts (their titles) in `words`' language.
    pub fn relabel(&mut self, words: &'static Strings) {
        self.words = words;
        if let Some(status) = self.said.take() {
            self.set_status(status);
        }
        dom::set_text(&self.table, "");
        self.shown = 0;
        self.dirty = true;
    }

    fn select(&mut self, index: usize) {
        if self
            .experiment
            .as_ref()
            .is_some_and(|e| index < e.results().len())
        {
            self.selected = Some(index);
            self.dirty = true;
        }
    }

    /// One animation frame: a slice of work within [`FRAME_BUDGET_MS`], then a redraw if anything changed,
    /// unless the frame is already `busy` (drawing the map, or about to paint it).
    pub fn frame(&mut self, busy: bool) -> Result<(), JsValue> {
        if self.running {
            if let Some(experiment) = self.experiment.as_mut() {
                let started = js_sys::Date::now();
                let mut progress = experiment.progress();
                while !progress.finished && js_sys::Date::now() - started < FRAME_BUDGET_MS {
                    progress = experiment.advance(WORK_CHUNK);
                }
                if progress.finished {
                    let done = MinRatioStatus::Done {
                        runs: progress.runs_done,
                        params: experiment.params(),
                        hidden: experiment.hidden(),
                    };
                    self.running = false;
                    self.set_status(Ok(done));
                }
                self.dirty = true;
            }
        }
        // Asked only in a frame with time to spare: the answer may cost a layout of the page.
        if !busy && self.chart_resize.take_resized() {
            let size = ChartSize::of(&self.chart, 1.0)?;
            if size.is_some_and(|size| size.backing != (self.chart.width(), self.chart.height())) {
                self.dirty = true;
            }
        }
        if self.dirty && !busy {
            self.dirty = false;
            self.show()?;
        }
        Ok(())
    }

    fn show(&mut self) -> Result<(), JsValue> {
        self.run.set_disabled(self.running);
        self.cancel.set_disabled(!self.running);
        let (results, progress) = match &self.experiment {
            Some(experiment) => (experiment.results(), Some(experiment.progress())),
            None => (&[][..], None),
        };
        let percent = (100.0 * progress.map_or(0.0, |p| p.fraction)).round();
        self.progress
            .set_attribute("aria-valuenow", &percent.to_string())?;
        if let Some(progress) = progress {
            let reading = (self.words.runs_done)(progress.runs_done, progress.runs_total);
            self.progress.set_attribute("aria-valuetext", &reading)?;
        }
        self.progress_bar
            .style()
            .set_property("width", &format!("{percent}%"))?;
        for (index, run) in results.iter().enumerate().skip(self.shown) {
            let row = table_row(self.words, index, run)?;
            self.table.append_child(&row)?;
        }
        self.shown = results.len();
        let rows = self.table.query_selector_all("tr")?;
        for i in 0..rows.length() {
            if let Some(row) = rows.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                let picked = self.selected == Some(i as usize);
                row.set_attribute("aria-selected", if picked { "true" } else { "false" })?;
            }
        }
        let picked = self
            .selected
            .and_then(|i| results.get(i).map(|run| (i, run)));
        // Shown before the scatter is drawn: it takes half the row, and the scatter is sized to what is left.
        self.histogram.set_hidden(picked.is_none());
        if let Some(area) = visible_area(&self.chart, 1.0)? {
            self.dots = draw_min_ratio_chart(&area, results, self.selected, &self.words.chart)
                .map_err(|e| JsValue::from_str(&e))?;
        }
        self.chart
            .set_attribute("data-runs", &results.len().to_string())?;
        let picked = self
            .selected
            .and_then(|i| results.get(i).map(|run| (i, run)));
        self.histogram.set_hidden(picked.is_none());
        if let Some((index, run)) = picked {
            if let Some(area) = visible_area(&self.histogram, 1.0)? {
                let largest = run.eigenvalues.iter().fold(0.0_f64, |m, l| m.max(l.abs()));
                draw_eigen_histogram(
                    &area,
                    &run.eigenvalues,
                    ZERO_EIGENVALUE_TOLERANCE * largest,
                    &(self.words.run_spectrum)(index, run),
                    &self.words.chart,
                )
                .map_err(|e| JsValue::from_str(&e))?;
            }
        }
        Ok(())
    }
}

/// One run as a table row: its number, loss, ratio, eigenvalue signs and final ‖∇L‖ (the caveat).
fn table_row(words: &Strings, index: usize, run: &MinRatioRun) -> Result<Element, JsValue> {
    let row: Element = dom::create("tr")?;
    row.set_attribute("data-run", &index.to_string())?;
    row.set_attribute("tabindex", "0")?;
    for text in [
        (index + 1).to_string(),
        words.number(run.training_loss),
        words.number(run.minimum_ratio),
        format!("{} / {} / {}", run.positive, run.negative, run.zero),
        format!("{:.1e}", run.gradient_norm),
    ] {
        let cell: Element = dom::create("td")?;
        dom::set_text(&cell, &text);
        row.append_child(&cell)?;
    }
    Ok(row)
}

/// The run whose dot is nearest `at` (CSS pixels), if one is within [`PICK_RADIUS`].
pub fn nearest_dot(dots: &[Option<(i32, i32)>], at: [f64; 2]) -> Option<usize> {
    dots.iter()
        .enumerate()
        .filter_map(|(i, dot)| {
            dot.map(|(x, y)| (i, (f64::from(x) - at[0]).hypot(f64::from(y) - at[1])))
        })
        .filter(|(_, distance)| *distance <= PICK_RADIUS)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i)
}

pub fn wire(app: &SharedApp) -> Result<(), JsValue> {
    let (run, cancel, chart, table) = {
        let a = app.borrow();
        let panel = &a.experiments;
        (
            panel.run.clone(),
            panel.cancel.clone(),
            panel.chart.clone(),
            panel.table.clone(),
        )
    };
    on(app, &run, "click", |panel, _| panel.start())?;
    on(app, &cancel, "click", |panel, _| panel.cancel())?;
    on(app, &chart, "pointerdown", |panel, e| {
        if let Some(pointer) = e.dyn_ref::<PointerEvent>() {
            let at = [f64::from(pointer.offset_x()), f64::from(pointer.offset_y())];
            if let Some(index) = nearest_dot(&panel.dots, at) {
                panel.select(index);
            }
        }
    })?;
    on(app, &table, "click", |panel, e| {
        let index = e
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|cell| cell.closest("tr[data-run]").ok().flatten())
            .and_then(|row| row.get_attribute("data-run"))
            .and_then(|i| i.parse::<usize>().ok());
        if let Some(index) = index {
            panel.select(index);
        }
    })
}

/// Listens for `event` and runs `change` on the borrowed panel.
fn on(
    app: &SharedApp,
    target: &web_sys::EventTarget,
    event: &str,
    mut change: impl FnMut(&mut ExperimentsPanel, Event) + 'static,
) -> Result<(), JsValue> {
    let app = app.clone();
    dom::listen(target, event, move |e: Event| {
        change(&mut app.borrow_mut().experiments, e)
    })
}
