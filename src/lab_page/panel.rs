//! The network lab's panel: its controls, what its worker reports, and its charts.
//!
//! The network itself lives only in Web Workers (`saddle::jobs`): the lab's own worker keeps it between
//! jobs (train, inspect, solve, slices, escape) and the experiment's workers run its many runs. The
//! panel posts jobs as text and draws the numbers that come back.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Event, HtmlButtonElement, HtmlCanvasElement, HtmlElement, PointerEvent};

use super::controls::Controls;
use super::dom::{self, by_id, SizeWatch};
use super::draw;
use super::pool::{Change, ExperimentPool};
use super::worker_bridge::WorkerBridge;
use crate::i18n::{lab_words, strings, LabWords, Language, Strings};
use crate::jobs::{
    ExperimentRun, Job, LabCommand, LabReport, LabView, Outgoing, RunId, TrainingState,
};
use crate::network::{SolverStatus, MAX_PARAMS};
use crate::share::{decode, LabSettings};

pub type SharedPanel = Rc<RefCell<LabPanel>>;

/// Fewest milliseconds between two redraws of the lab's charts while it trains or experiments.
const REDRAW_INTERVAL_MS: f64 = 100.0;
/// How near (CSS pixels) a click must land to a dot of the scatter to pick its run.
const PICK_RADIUS: f64 = 10.0;

struct Buttons {
    new_start: HtmlButtonElement,
    play: HtmlButtonElement,
    step: HtmlButtonElement,
    inspect: HtmlButtonElement,
    solve: HtmlButtonElement,
    slices: HtmlButtonElement,
    escape: HtmlButtonElement,
    restore: HtmlButtonElement,
    experiment: HtmlButtonElement,
    sweep: HtmlButtonElement,
    cancel: HtmlButtonElement,
}

struct Texts {
    size: Element,
    status: HtmlElement,
    data_hint: Element,
    verdict: HtmlElement,
    numbers: HtmlElement,
    loss: Element,
    gradient_norm: Element,
    lambda_min: Element,
    lambda_max: Element,
    counts: Element,
    band: Element,
    ratio: Element,
    solve_status: HtmlElement,
    solve_summary: Element,
    slices_status: Element,
    escape_result: Element,
    experiment_status: Element,
    picked: Element,
    progress: HtmlElement,
    progress_bar: HtmlElement,
    not_converged: Element,
}

struct Canvases {
    loss: HtmlCanvasElement,
    data: HtmlCanvasElement,
    spectrum: HtmlCanvasElement,
    eigen: HtmlCanvasElement,
    random: HtmlCanvasElement,
    profile: HtmlCanvasElement,
    scatter: HtmlCanvasElement,
    sweep: HtmlCanvasElement,
    /// Offscreen: each heatmap's one ImageData, stretched over its plot.
    heat: HtmlCanvasElement,
}

/// The lab's jobs still to be answered by its worker, by their numbers.
#[derive(Default)]
struct Pending {
    /// Reports of jobs before this one are of an earlier network.
    setup: u32,
    train: Option<u32>,
    solve: Option<u32>,
    slices: Option<u32>,
    escape: Option<u32>,
    restore: Option<u32>,
}

/// A sentence the lab says about a refused job, kept so a language switch can re-word it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Refusal {
    NoEscape,
    NoCriticalPoint,
}

#[derive(Default)]
struct Stale {
    text: bool,
    loss: bool,
    data: bool,
    spectrum: bool,
    slices: bool,
    experiment: bool,
    /// Only the experiment's progress moved: its bar and status line, not its charts.
    progress: bool,
}

impl Stale {
    fn everything() -> Stale {
        Stale {
            text: true,
            loss: true,
            data: true,
            spectrum: true,
            slices: true,
            experiment: true,
            progress: true,
        }
    }
}

pub struct LabPanel {
    root: HtmlElement,
    controls: Controls,
    buttons: Buttons,
    texts: Texts,
    canvases: Canvases,
    /// A resized window changes the charts' sizes on screen.
    resize: SizeWatch,
    words: &'static Strings,
    /// The lab's own sentences, in the same language.
    lab: &'static LabWords,
    settings: LabSettings,
    worker: WorkerBridge,
    pool: ExperimentPool,
    view: LabView,
    pending: Pending,
    refusal: Option<Refusal>,
    selected: Option<RunId>,
    dots: Vec<draw::Dot>,
    stale: Stale,
    last_drawn_ms: f64,
    /// The page's language, as `<html lang>` says.
    language: Language,
    /// `#lab[data-link]` as this panel last wrote or read it: the page writes another when a link loads.
    link: Option<String>,
    /// Whether `#lab` was open at the last frame.
    was_open: bool,
}

impl LabPanel {
    pub fn find() -> Result<LabPanel, JsValue> {
        let language = page_language();
        let words = strings(language);
        let root: HtmlElement = by_id("lab")?;
        let panel = LabPanel {
            resize: SizeWatch::new(&root)?,
            root,
            controls: Controls::find()?,
            buttons: Buttons {
                new_start: by_id("lab-new-start")?,
                play: by_id("lab-play")?,
                step: by_id("lab-step")?,
                inspect: by_id("lab-inspect")?,
                solve: by_id("lab-solve")?,
                slices: by_id("lab-slices")?,
                escape: by_id("lab-escape")?,
                restore: by_id("lab-restore")?,
                experiment: by_id("lab-run-experiment")?,
                sweep: by_id("lab-run-sweep")?,
                cancel: by_id("lab-cancel")?,
            },
            texts: Texts {
                size: by_id("lab-size")?,
                status: by_id("lab-status")?,
                data_hint: by_id("lab-data-hint")?,
                verdict: by_id("lab-verdict")?,
                numbers: by_id("lab-numbers")?,
                loss: by_id("lab-loss")?,
                gradient_norm: by_id("lab-gradient-norm")?,
                lambda_min: by_id("lab-lambda-min")?,
                lambda_max: by_id("lab-lambda-max")?,
                counts: by_id("lab-counts")?,
                band: by_id("lab-band")?,
                ratio: by_id("lab-ratio")?,
                solve_status: by_id("lab-solve-status")?,
                solve_summary: by_id("lab-solve-summary")?,
                slices_status: by_id("lab-slices-status")?,
                escape_result: by_id("lab-escape-result")?,
                experiment_status: by_id("lab-experiment-status")?,
                picked: by_id("lab-picked")?,
                progress: by_id("lab-progress")?,
                progress_bar: by_id("lab-progress-bar")?,
                not_converged: by_id("lab-not-converged")?,
            },
            canvases: Canvases {
                loss: by_id("lab-loss-chart")?,
                data: by_id("lab-data-chart")?,
                spectrum: by_id("lab-spectrum")?,
                eigen: by_id("lab-eigen-slice")?,
                random: by_id("lab-random-slice")?,
                profile: by_id("lab-profile")?,
                scatter: by_id("lab-scatter")?,
                sweep: by_id("lab-sweep")?,
                heat: dom::create("canvas")?,
            },
            words,
            lab: lab_words(language),
            settings: LabSettings::default(),
            worker: WorkerBridge::default(),
            pool: ExperimentPool::default(),
            view: LabView::default(),
            pending: Pending::default(),
            refusal: None,
            selected: None,
            dots: Vec::new(),
            stale: Stale::everything(),
            last_drawn_ms: f64::NEG_INFINITY,
            language,
            link: None,
            was_open: false,
        };
        panel.controls.name_options(panel.lab)?;
        panel.controls.show(&panel.settings, words);
        Ok(panel)
    }

    fn is_open(&self) -> bool {
        self.root.has_attribute("open")
    }

    /// Follows the page: its language, a link it loaded (`#lab[data-link]`), the panel opened or closed.
    fn follow_page(&mut self) -> Result<(), JsValue> {
        let language = page_language();
        if language != self.language {
            self.language = language;
            self.relabel(language)?;
        }
        let link = self.root.get_attribute("data-link");
        let open = self.is_open();
        if link.is_some() && link != self.link {
            self.link = link.clone();
            if let Some(settings) = link.and_then(|l| decode(&l).scene.lab) {
                self.settings = settings;
                self.controls.show(&self.settings, self.words);
                self.set_up()?;
            }
        } else if open && self.link.is_none() {
            // Opened by hand for the first time: the settings the panel shows.
            self.set_up()?;
            self.publish()?;
        }
        if self.was_open && !open {
            self.pause()?;
        }
        self.was_open = open;
        Ok(())
    }

    /// Writes the settings into `#lab[data-link]`, where the page's link reads them.
    fn publish(&mut self) -> Result<(), JsValue> {
        let link = Job::lab_link(&self.settings);
        self.root.set_attribute("data-link", &link)?;
        self.link = Some(link);
        Ok(())
    }

    /// A new network from the settings: new data, a new start.
    fn set_up(&mut self) -> Result<(), JsValue> {
        self.pool.cancel()?;
        self.pool.results = None;
        self.refusal = None;
        self.selected = None;
        self.stale = Stale::everything();
        if !self.settings.fits() {
            // The worker drops the old network's work; its late reports are older than this job.
            self.view = LabView::default();
            self.pending = Pending {
                setup: self.worker.post(&Job::Cancel)?,
                ..Pending::default()
            };
            return Ok(());
        }
        let link = Job::lab_link(&self.settings);
        self.pending = Pending {
            setup: self.worker.post(&Job::LabSetup { link })?,
            ..Pending::default()
        };
        Ok(())
    }

    /// Posts `command`, or with `None` stops whatever the worker does (training sends its last report).
    fn post(&mut self, command: Option<LabCommand>) -> Result<u32, JsValue> {
        self.refusal = None;
        self.stale.text = true;
        // The worker drops the job under way for this one, and only training reports its end: a solve or
        // slices replaced so never answer.
        self.pending.solve = None;
        self.pending.slices = None;
        self.worker.post(&command.map_or(Job::Cancel, Job::Lab))
    }

    fn is_playing(&self) -> bool {
        self.pending.train.is_some() && self.view.state == Some(TrainingState::Running)
    }

    fn pause(&mut self) -> Result<(), JsValue> {
        if self.pending.train.is_some() {
            self.post(None)?;
        }
        Ok(())
    }

    fn play(&mut self) -> Result<(), JsValue> {
        if self.is_playing() {
            self.pause()
        } else {
            self.train()
        }
    }

    /// Training until it stalls (or is paused).
    fn train(&mut self) -> Result<(), JsValue> {
        self.pending.train = Some(self.post(Some(LabCommand::Train(None)))?);
        self.view.state = Some(TrainingState::Running);
        Ok(())
    }

    fn step(&mut self) -> Result<(), JsValue> {
        self.pending.train = Some(self.post(Some(LabCommand::Train(Some(1))))?);
        Ok(())
    }

    fn inspect(&mut self) -> Result<(), JsValue> {
        self.post(Some(LabCommand::Inspect))?;
        Ok(())
    }

    fn solve(&mut self) -> Result<(), JsValue> {
        self.pending.solve = Some(self.post(Some(LabCommand::Solve))?);
        Ok(())
    }

    fn slices(&mut self) -> Result<(), JsValue> {
        self.pending.slices = Some(self.post(Some(LabCommand::Slices))?);
        self.stale.slices = true;
        Ok(())
    }

    /// The lecture's step along u_min, then training from there.
    fn escape(&mut self) -> Result<(), JsValue> {
        self.pending.escape = Some(self.post(Some(LabCommand::Escape))?);
        self.train()
    }

    fn restore(&mut self) -> Result<(), JsValue> {
        self.pending.restore = Some(self.post(Some(LabCommand::Restore))?);
        Ok(())
    }

    /// Settings that need a new network (task, noise, widths, seed) or only new training knobs.
    fn settings_changed(&mut self, new_network: bool) -> Result<(), JsValue> {
        let read = self.controls.read(&self.settings);
        let knobs_only = LabSettings {
            runs: read.runs,
            ..self.settings.with_training_of(&read)
        } == read;
        self.settings = read;
        self.controls.show_readings(&self.settings, self.words);
        self.publish()?;
        self.stale.text = true;
        if new_network || !knobs_only {
            return self.set_up();
        }
        // A network set up takes the new knobs from its next step (training goes on).
        if self.pending.setup > 0 {
            let link = Job::lab_link(&self.settings);
            self.worker.post(&Job::LabConfigure { link })?;
        }
        Ok(())
    }

    fn run_experiment(&mut self, sweep: bool) -> Result<(), JsValue> {
        self.settings = self.controls.read(&self.settings);
        self.selected = None;
        self.pool.start(&self.settings, sweep)?;
        self.stale.experiment = true;
        Ok(())
    }

    fn cancel(&mut self) -> Result<(), JsValue> {
        self.pool.cancel()?;
        self.stale.experiment = true;
        Ok(())
    }

    /// The words on screen changed language.
    fn relabel(&mut self, language: Language) -> Result<(), JsValue> {
        self.words = strings(language);
        self.lab = lab_words(language);
        self.controls.name_options(self.lab)?;
        self.controls.show_readings(&self.settings, self.words);
        self.stale = Stale::everything();
        Ok(())
    }

    /// One animation frame: follow the page, take what the workers reported, then redraw what changed
    /// (the charts at most every [`REDRAW_INTERVAL_MS`]).
    pub fn frame(&mut self, now_ms: f64) -> Result<(), JsValue> {
        self.follow_page()?;
        for report in self.worker.take_reports()? {
            self.take(report);
        }
        match self.pool.follow()? {
            Change::Runs => self.stale.experiment = true,
            Change::Progress => self.stale.progress = true,
            Change::Nothing => {}
        }
        if !self.is_open() {
            return Ok(());
        }
        if self.resize.take_resized() {
            self.stale = Stale::everything();
        }
        if self.stale.text {
            self.stale.text = false;
            self.show_text()?;
        }
        let charts_due = now_ms - self.last_drawn_ms >= REDRAW_INTERVAL_MS;
        if charts_due {
            self.draw()?;
            self.last_drawn_ms = now_ms;
        }
        Ok(())
    }

    /// One report of the lab's worker.
    fn take(&mut self, report: Outgoing) {
        let (job, packed, finished) = match report {
            Outgoing::Progress { .. } => return,
            Outgoing::Partial { job, packed } => (job, packed, false),
            Outgoing::Result { job, packed } => (job, packed, true),
            Outgoing::Error { job, message } => {
                let pending = &mut self.pending;
                for slot in [&mut pending.train, &mut pending.solve, &mut pending.slices] {
                    if *slot == Some(job) {
                        *slot = None;
                    }
                }
                if pending.escape == Some(job) {
                    pending.escape = None;
                    self.refusal = Some(Refusal::NoEscape);
                } else if pending.restore == Some(job) {
                    pending.restore = None;
                    self.refusal = Some(Refusal::NoCriticalPoint);
                } else {
                    web_sys::console::error_1(&JsValue::from_str(&message));
                }
                self.stale.text = true;
                return;
            }
        };
        if job < self.pending.setup {
            return;
        }
        let Some(report) = LabReport::unpack(&packed) else {
            return;
        };
        let pending = &mut self.pending;
        for slot in [
            &mut pending.train,
            &mut pending.solve,
            &mut pending.slices,
            &mut pending.escape,
            &mut pending.restore,
        ] {
            if finished && *slot == Some(job) {
                *slot = None;
            }
        }
        match &report {
            LabReport::Training(_) | LabReport::Setup(_) => {
                self.stale.loss = true;
                self.stale.data = true;
            }
            LabReport::Inspected(_) => self.stale.spectrum = true,
            LabReport::Solving(_) => {}
            LabReport::Solved(_) | LabReport::Escaped(_) => {
                self.stale.loss = true;
                self.stale.spectrum = true;
                self.stale.slices = true;
            }
            LabReport::Slices(_) => self.stale.slices = true,
            LabReport::Run(_) => return,
        }
        self.view.take(report);
        self.stale.text = true;
    }

    /// Every sentence and number the lab shows.
    fn show_text(&mut self) -> Result<(), JsValue> {
        let words = self.words;
        let lab = self.lab;
        let view = &self.view;
        let p = self.settings.parameter_count();
        let examples = view
            .setup
            .as_ref()
            .map_or(self.settings.data().train, |s| s.examples());
        let size = if self.settings.fits() {
            let mut size = (lab.size)(p, examples);
            if p > examples {
                size.push_str(lab.more_parameters);
            }
            size
        } else {
            (lab.too_many)(p, MAX_PARAMS)
        };
        dom::set_text(&self.texts.size, &size);
        let playing = self.is_playing();
        let state = if playing {
            TrainingState::Running
        } else {
            match view.state {
                Some(TrainingState::Running) | None => TrainingState::Paused,
                Some(state) => state,
            }
        };
        let status = if view.setup.is_some() {
            let mut status = (lab.training)(state, view.step);
            status.push_str(&format!(
                " L = {}",
                (words.train_and_test)(
                    &words.number(view.loss),
                    &view.test_loss.map_or_else(String::new, |t| words.number(t))
                )
            ));
            status
        } else {
            String::new()
        };
        dom::set_text(&self.texts.status, &status);
        self.texts
            .status
            .set_attribute("data-state", state.name())?;
        self.texts
            .status
            .set_attribute("data-step", &view.step.to_string())?;
        let inputs = view
            .setup
            .as_ref()
            .map_or(self.settings.task.inputs(), |s| s.inputs);
        let hint = if inputs == 1 {
            words.labels.lab_fit_hint
        } else {
            words.labels.lab_data_hint
        };
        dom::set_text(&self.texts.data_hint, hint);
        dom::set_text(
            &self.buttons.play,
            if playing {
                words.labels.pause
            } else {
                words.labels.play
            },
        );
        self.show_inspection()?;
        self.show_solve()?;
        self.show_escape()?;
        self.show_experiment()?;
        let ready = view.setup.is_some();
        let busy = self.pending.solve.is_some() || self.pending.slices.is_some();
        for button in [
            &self.buttons.play,
            &self.buttons.step,
            &self.buttons.inspect,
        ] {
            button.set_disabled(!ready);
        }
        self.buttons.solve.set_disabled(!ready || busy);
        self.buttons.slices.set_disabled(!ready || busy);
        self.buttons
            .escape
            .set_disabled(!ready || !view.can_escape());
        let reached = view
            .solved
            .as_ref()
            .is_some_and(|s| s.status == SolverStatus::Converged);
        self.buttons.restore.set_disabled(!ready || !reached);
        self.buttons.new_start.set_disabled(!self.settings.fits());
        Ok(())
    }

    fn show_inspection(&self) -> Result<(), JsValue> {
        let words = self.words;
        let texts = &self.texts;
        let Some(inspection) = self.view.current_inspection() else {
            texts.numbers.set_hidden(true);
            dom::set_text(&texts.verdict, "");
            dom::set_text(&texts.ratio, "");
            texts.verdict.remove_attribute("data-kind")?;
            return Ok(());
        };
        texts.numbers.set_hidden(false);
        let number = |v: f64| words.number(v);
        dom::set_text(&texts.loss, &number(inspection.loss));
        dom::set_text(&texts.gradient_norm, &number(inspection.gradient_norm));
        let lowest = inspection.eigenvalues.first().copied().unwrap_or(f64::NAN);
        let highest = inspection.eigenvalues.last().copied().unwrap_or(f64::NAN);
        dom::set_text(&texts.lambda_min, &number(lowest));
        dom::set_text(&texts.lambda_max, &number(highest));
        dom::set_text(
            &texts.counts,
            &(self.lab.counts)(
                inspection.negative,
                inspection.positive,
                inspection.undetermined,
            ),
        );
        dom::set_text(&texts.band, &number(inspection.undetermined_band));
        let verdict = if inspection.converged {
            (self.lab.verdict)(inspection.kind, inspection.negative)
        } else {
            (self.lab.not_critical)(
                &number(inspection.gradient_norm),
                &number(inspection.gradient_tolerance),
            )
        };
        dom::set_text(&texts.verdict, &verdict);
        texts
            .verdict
            .set_attribute("data-kind", inspection.kind.name())?;
        texts
            .verdict
            .set_attribute("data-index", &inspection.negative.to_string())?;
        let [low, high] = inspection.minimum_ratio_range;
        dom::set_text(
            &texts.ratio,
            &(self.lab.ratio)(
                &number(inspection.minimum_ratio),
                &number(low),
                &number(high),
            ),
        );
        Ok(())
    }

    fn show_solve(&self) -> Result<(), JsValue> {
        let (words, texts, view) = (self.words, &self.texts, &self.view);
        let number = |v: f64| words.number(v);
        let (status, summary) = match (&view.solving, &view.solved, self.pending.solve) {
            (Some(progress), _, Some(_)) => (
                (self.lab.solving)(progress.iterations, &number(progress.gradient_norm)),
                String::new(),
            ),
            (_, Some(solved), None) => {
                texts
                    .solve_status
                    .set_attribute("data-status", solved.status.name())?;
                (
                    (self.lab.solver)(solved.status).to_string(),
                    (self.lab.solve_summary)(solved.iterations, &number(solved.distance)),
                )
            }
            _ => (String::new(), String::new()),
        };
        dom::set_text(&texts.solve_status, &status);
        dom::set_text(&texts.solve_summary, &summary);
        let slicing = if self.pending.slices.is_some() {
            self.lab.slicing
        } else {
            ""
        };
        dom::set_text(&texts.slices_status, slicing);
        Ok(())
    }

    fn show_escape(&self) -> Result<(), JsValue> {
        let (words, view) = (self.words, &self.view);
        let text = match (self.refusal, &view.escape) {
            (Some(Refusal::NoEscape), _) => self.lab.no_escape.to_string(),
            (Some(Refusal::NoCriticalPoint), _) => self.lab.no_critical_point.to_string(),
            (None, Some(escape)) => (self.lab.escaped)(
                &words.number(escape.eigenvalue),
                &words.number(escape.loss_before),
                &words.number(escape.loss_after),
            ),
            (None, None) => String::new(),
        };
        dom::set_text(&self.texts.escape_result, &text);
        Ok(())
    }

    fn show_experiment(&self) -> Result<(), JsValue> {
        let (words, texts) = (self.words, &self.texts);
        let running = self.pool.is_running();
        self.buttons
            .experiment
            .set_disabled(running || !self.settings.fits());
        self.buttons.sweep.set_disabled(running);
        self.buttons.cancel.set_disabled(!running);
        let Some(results) = &self.pool.results else {
            dom::set_text(&texts.experiment_status, "");
            return Ok(());
        };
        let status = results.status(running, self.pool.busy_workers().max(1));
        dom::set_text(&texts.experiment_status, &(self.lab.experiment)(&status));
        texts
            .experiment_status
            .set_attribute("data-done", &results.done().to_string())?;
        // Under way, the workers' estimates; otherwise the runs that arrived.
        let fraction = if running {
            self.pool.fraction().min(0.99)
        } else {
            results.done() as f64 / results.total.max(1) as f64
        };
        let percent = (100.0 * fraction).round();
        texts
            .progress
            .set_attribute("aria-valuenow", &percent.to_string())?;
        texts.progress.set_attribute(
            "aria-valuetext",
            &(words.runs_done)(results.done(), results.total),
        )?;
        texts
            .progress_bar
            .style()
            .set_property("width", &format!("{percent}%"))?;
        Ok(())
    }

    /// The charts that changed.
    fn draw(&mut self) -> Result<(), JsValue> {
        let (words, canvases, view) = (self.words, &self.canvases, &self.view);
        let stale = std::mem::take(&mut self.stale);
        self.stale.text = stale.text;
        if stale.loss {
            draw::loss_chart(&canvases.loss, view, words, self.lab)?;
        }
        if stale.data {
            draw::data_chart(&canvases.data, &canvases.heat, view, words)?;
        }
        if stale.spectrum {
            let inspection = view.current_inspection();
            canvases.spectrum.set_hidden(inspection.is_none());
            if let Some(inspection) = inspection {
                draw::spectrum(&canvases.spectrum, inspection, words, self.lab)?;
            }
        }
        if stale.slices {
            let kind = view
                .slices
                .as_ref()
                .map_or(crate::analysis::PointKind::Regular, |s| s.kind);
            for canvas in [&canvases.eigen, &canvases.random, &canvases.profile] {
                canvas.set_hidden(view.slices.is_none());
            }
            if let Some(slices) = &view.slices {
                let chart = &words.chart;
                let eigen_axes = (chart.eigen_plane_x, chart.eigen_plane_y);
                let random_axes = (chart.random_plane_x, chart.random_plane_y);
                draw::plane(
                    &canvases.eigen,
                    &canvases.heat,
                    &slices.eigen,
                    kind,
                    eigen_axes,
                    words,
                )?;
                draw::plane(
                    &canvases.random,
                    &canvases.heat,
                    &slices.random,
                    kind,
                    random_axes,
                    words,
                )?;
                draw::profile(&canvases.profile, slices, words, self.lab)?;
            }
        }
        if stale.experiment {
            let results = self.pool.results.as_ref();
            self.dots = draw::scatter(&canvases.scatter, results, self.selected, words)?;
            draw::sweep(&canvases.sweep, results, words)?;
            self.list_not_converged()?;
            self.show_experiment()?;
            self.show_picked();
        } else if stale.progress {
            self.show_experiment()?;
        }
        Ok(())
    }

    /// The run picked on the scatter, in words.
    fn show_picked(&self) {
        let (words, lab) = (self.words, self.lab);
        let picked = self
            .selected
            .and_then(|id| self.pool.results.as_ref()?.run(id))
            .map(|run| {
                let at = &run.inspection;
                let mut text = (lab.picked)(
                    run.run + 1,
                    run.parameter_count,
                    &words.number(at.loss),
                    &words.number(at.minimum_ratio),
                );
                text.push_str(&(lab.verdict)(at.kind, at.negative));
                text
            });
        dom::set_text(&self.texts.picked, picked.as_deref().unwrap_or_default());
    }

    /// One row per run that reached no critical point.
    fn list_not_converged(&self) -> Result<(), JsValue> {
        let table = &self.texts.not_converged;
        dom::set_text(table, "");
        let Some(results) = &self.pool.results else {
            return Ok(());
        };
        for run in results.not_converged() {
            table.append_child(row(self.words, self.lab, run)?.as_ref())?;
        }
        Ok(())
    }

    fn pick(&mut self, at: [f64; 2]) {
        let nearest = self
            .dots
            .iter()
            .map(|&(i, (x, y))| (i, (f64::from(x) - at[0]).hypot(f64::from(y) - at[1])))
            .filter(|(_, distance)| *distance <= PICK_RADIUS)
            .min_by(|a, b| a.1.total_cmp(&b.1));
        if let Some((id, _)) = nearest {
            self.selected = Some(id);
            self.stale.experiment = true;
        }
    }
}

fn row(words: &Strings, lab: &LabWords, run: &ExperimentRun) -> Result<Element, JsValue> {
    let row: Element = dom::create("tr")?;
    row.set_attribute("data-run", &run.run.to_string())?;
    for text in [
        (run.run + 1).to_string(),
        run.parameter_count.to_string(),
        words.number(run.inspection.loss),
        words.number(run.inspection.gradient_norm),
        (lab.solver)(run.solver).to_string(),
    ] {
        let cell: Element = dom::create("td")?;
        dom::set_text(&cell, &text);
        row.append_child(&cell)?;
    }
    Ok(row)
}

/// The page's language, from `<html lang>` (which the page sets).
fn page_language() -> Language {
    let lang = dom::document()
        .ok()
        .and_then(|d| d.document_element())
        .and_then(|root| root.get_attribute("lang"))
        .unwrap_or_default();
    crate::i18n::browser_language(&[lang.as_str()])
}

/// What a lab control does to the panel.
type Action = fn(&mut LabPanel) -> Result<(), JsValue>;

pub fn wire(panel: &SharedPanel) -> Result<(), JsValue> {
    let (buttons, inputs, scatter) = {
        let lab = panel.borrow();
        let b = &lab.buttons;
        let c = &lab.controls;
        let buttons: Vec<(HtmlElement, Action)> = vec![
            (b.new_start.clone().into(), |l| l.settings_changed(true)),
            (b.play.clone().into(), LabPanel::play),
            (b.step.clone().into(), LabPanel::step),
            (b.inspect.clone().into(), LabPanel::inspect),
            (b.solve.clone().into(), LabPanel::solve),
            (b.slices.clone().into(), LabPanel::slices),
            (b.escape.clone().into(), LabPanel::escape),
            (b.restore.clone().into(), LabPanel::restore),
            (b.experiment.clone().into(), |l| l.run_experiment(false)),
            (b.sweep.clone().into(), |l| l.run_experiment(true)),
            (b.cancel.clone().into(), LabPanel::cancel),
        ];
        let inputs: Vec<(HtmlElement, &'static str)> = vec![
            (c.task.clone().into(), "change"),
            (c.noise.clone().into(), "change"),
            (c.width1.clone().into(), "change"),
            (c.width2.clone().into(), "change"),
            (c.seed.clone().into(), "change"),
            (c.optimizer.clone().into(), "change"),
            (c.learning_rate.clone().into(), "input"),
            (c.beta.clone().into(), "input"),
            (c.batch.clone().into(), "input"),
            (c.runs.clone().into(), "change"),
        ];
        (buttons, inputs, lab.canvases.scatter.clone())
    };
    for (button, action) in buttons {
        on(panel, &button, "click", move |lab, _| action(lab))?;
    }
    for (input, event) in inputs {
        on(panel, &input, event, |lab, _| lab.settings_changed(false))?;
    }
    on(panel, &scatter, "pointerdown", |lab, event| {
        if let Some(pointer) = event.dyn_ref::<PointerEvent>() {
            lab.pick([f64::from(pointer.offset_x()), f64::from(pointer.offset_y())]);
        }
        Ok(())
    })
}

/// Listens for `event` and runs `change` on the borrowed panel; an error goes to the console.
fn on(
    panel: &SharedPanel,
    target: &web_sys::EventTarget,
    event: &str,
    change: impl Fn(&mut LabPanel, Event) -> Result<(), JsValue> + 'static,
) -> Result<(), JsValue> {
    let panel = panel.clone();
    dom::listen(target, event, move |e: Event| {
        dom::report(change(&mut panel.borrow_mut(), e));
    })
}
