//! The one app-state struct: what is on screen, and the changes a person can make to it.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlInputElement};

use super::lab_link::{self, LabLink};
use super::language::apply_static_text;
use super::lesson_panel::Lesson;
use super::map_mode::{self, show_legend};
use super::map_view::{Detail, MapView};
use super::plots::{Plots, Scenery, REDRAW_INTERVAL_MS};
use super::ui::Ui;
use super::worker_bridge::WorkerBridge;
use super::{
    batch, crash, dom, inspector, language, lesson_panel, race_panel, scene_link, slice_panel,
    surface_panel,
};
use crate::analysis::{
    analyze, critical_point_near, CriticalPoints, PointAnalysis, Slice, SliceDirection,
};
use crate::bounds::Bounds;
use crate::data::TrainingLoss;
use crate::formula::Formula;
use crate::i18n::{strings, Language};
use crate::jobs::{BasinsMap, EscapeTable, Job, Outgoing};
use crate::optim::{EscapeAnimation, Hyperparameters, OptimizerKind, Race};
use crate::render::MapMode;
use crate::render::{Gesture, Orientation};
use crate::scene::{self, Loss, SceneSurface, Summary};
use crate::share::{Decoded, LinkNotice, Scene, SurfaceChoice, ViewMode};
use crate::surface::LossSurface;
use crate::surface::Point;

pub type SharedApp = Rc<RefCell<App>>;

/// Which parts of the page are stale; the frame loop redraws only those.
#[derive(Default)]
pub struct Dirty {
    pub base: bool,
    pub critical: bool,
    pub overlay: bool,
    pub inspector: bool,
    pub race_table: bool,
    pub url: bool,
    pub plots: bool,
}

impl Dirty {
    fn everything() -> Dirty {
        Dirty {
            base: true,
            critical: true,
            overlay: true,
            inspector: true,
            race_table: true,
            url: true,
            plots: true,
        }
    }
}

pub struct App {
    pub ui: Ui,
    /// The surface being explored; stays the last good one while a typed formula has an error.
    pub surface: SceneSurface,
    pub bounds: Bounds,
    pub point: Option<PointAnalysis>,
    pub critical: CriticalPoints,
    pub race: Race,
    pub map: MapView,
    pub plots: Plots,
    /// The network lab (`lab=network`), whose panel is a wasm of its own: its part of the link.
    pub lab: LabLink,
    pub view: ViewMode,
    /// The link's `lang` (`None`: the browser's language is shown and the link says nothing).
    pub language: Option<Language>,
    pub embed: bool,
    /// Presentation mode: the map large beside the verdict and the race, everything in larger type.
    pub present: bool,
    /// Presentation mode asked the browser for fullscreen, so leaving fullscreen leaves it too.
    pub fullscreen_for_presentation: bool,
    /// The page asked to leave fullscreen and its `fullscreenchange` has not come yet: that event must not end
    /// a presentation begun again in the meantime (Esc, then p, faster than the browser answers).
    pub leaving_fullscreen: bool,
    /// What the link that opened this scene got wrong, re-worded when the language changes.
    pub notices: Vec<LinkNotice>,
    pub lesson: Lesson,
    /// The Taylor model's contours around θ′ are drawn (the "Taylor model" box; lesson steps set it).
    pub taylor: bool,
    pub escape: Option<EscapeAnimation>,
    pub gesture: Gesture,
    /// The direction of the inspector's slice through θ′.
    pub slice: SliceDirection,
    /// The page's Web Worker, started by the first heavy job.
    pub worker: WorkerBridge,
    /// The basin map the worker computes in the map's basins mode.
    pub basins: BasinsView,
    /// The escape times from θ′ the worker measures on the lecture's data.
    pub escape_times: EscapeTimesView,
    pub dirty: Dirty,
    /// Too long to sample at full detail within a frame: see [`SceneSurface::is_long`].
    long_formula: bool,
    /// The fragment asked for [`crash::panic_for_test`].
    crash_test: bool,
    last_url_sync_ms: f64,
    last_plots_ms: f64,
    /// A frame is being or was drawn outside the animation frames ([`App::draw_now`]: at start, by a
    /// click's handler). That frame and the next animation frame, which runs before the drawing is
    /// painted, leave the charts, the critical-point search and the URL to the one after, and the drawing
    /// reaches the screen without waiting for them (writing the URL alone took ~7 ms of a cold start).
    unpainted: bool,
    /// The box changed since the last frame: the critical-point search waits until zooming pauses.
    view_changed: bool,
    last_view_change_ms: f64,
}

/// The basin map asked of the worker for the scene on screen, and what it has answered.
#[derive(Default)]
pub struct BasinsView {
    /// The job (its text) and the number the worker knows it by.
    job: Option<(String, u32)>,
    /// That job's finished map.
    pub map: Option<BasinsMap>,
    /// Fraction of the job done.
    pub progress: f64,
}

impl BasinsView {
    /// The finished map with its job's number, for the map's base layer.
    pub fn shown(&self) -> Option<(u32, &BasinsMap)> {
        Some((self.job.as_ref()?.1, self.map.as_ref()?))
    }
}

/// The escape times asked of the worker (by job number) and its answer.
#[derive(Default)]
pub struct EscapeTimesView {
    job: Option<u32>,
    pub table: Option<EscapeTable>,
}

/// Never fewer than these milliseconds between two `history.replaceState` calls (browsers throttle them).
const URL_SYNC_INTERVAL_MS: f64 = 300.0;

/// Milliseconds without zooming or panning before the critical points are searched again and the link updated.
const SETTLE_MS: f64 = 250.0;

/// How near (CSS pixels) a click must land to a marked critical point to drop θ′ exactly on it.
const SNAP_RADIUS: f64 = 9.0;

impl App {
    /// Builds the app from the page and the scene in the URL fragment.
    pub fn mount() -> Result<SharedApp, JsValue> {
        let ui = Ui::find()?;
        let lecture = SceneSurface::of(SurfaceChoice::lecture());
        let mut map = MapView::new(ui.map.clone())?;
        // Measured before mounting writes to the page: the browser's layout of the loaded page is still
        // current, so reading the map's size is free here, where after those writes it would force a whole
        // relayout before the first frame could draw (the frame measures again and redraws if it changed).
        map.fit_to_element()?;
        let defaults = Scene::default();
        let mut app = App {
            race: Race::new(
                defaults.optimizers.clone(),
                defaults.hyperparameters(),
                lecture.start,
            ),
            bounds: lecture.home,
            surface: lecture,
            point: None,
            critical: no_critical_points(),
            map,
            view: defaults.view,
            language: defaults.language,
            embed: defaults.embed,
            present: defaults.present,
            fullscreen_for_presentation: false,
            leaving_fullscreen: false,
            notices: Vec::new(),
            lesson: Lesson::find()?,
            taylor: true,
            escape: None,
            gesture: Gesture::default(),
            slice: SliceDirection::Eigenvector(0),
            worker: WorkerBridge::default(),
            basins: BasinsView::default(),
            escape_times: EscapeTimesView::default(),
            dirty: Dirty::everything(),
            long_formula: false,
            crash_test: false,
            last_url_sync_ms: f64::NEG_INFINITY,
            last_plots_ms: f64::NEG_INFINITY,
            unpainted: false,
            view_changed: false,
            last_view_change_ms: f64::NEG_INFINITY,
            plots: Plots::new(
                ui.surface3d.clone(),
                ui.loss_chart.clone(),
                dom::by_id("slice-chart")?,
            )?,
            lab: LabLink::default(),
            ui,
        };
        surface_panel::fill_presets(&app.ui)?;
        super::race_panel::build(&mut app)?;
        let hash = dom::window()?.location().hash().unwrap_or_default();
        app.crash_test = crash::test_requested(&hash);
        app.load_scene(crate::share::decode(&hash))?;
        Ok(Rc::new(RefCell::new(app)))
    }

    /// Marks every part of the page stale, for the next frame to redraw.
    pub fn redraw_everything(&mut self) {
        self.dirty = Dirty::everything();
    }

    /// Switches to the preset or training set called `name` (an unknown name changes nothing), resetting the
    /// box, θ′ and the race.
    pub fn choose_preset(&mut self, name: &str) {
        if let Some(surface) = SceneSurface::named(name) {
            self.show_surface(surface);
        }
    }

    /// Shows `surface` at its home box, without θ′, its race restarted.
    pub fn show_surface(&mut self, surface: SceneSurface) {
        surface_panel::show_surface(&self.ui, &surface.choice);
        surface_panel::show_stale_map(&self.ui, None);
        self.bounds = surface.home;
        self.surface = surface;
        self.point = None;
        self.surface_changed();
    }

    /// A typed formula: takes effect when it parses; otherwise the error is shown and the last good surface stays.
    pub fn type_formula(&mut self, text: &str) {
        surface_panel::show_custom(&self.ui, text);
        match Formula::parse(text) {
            Ok(formula) => {
                surface_panel::show_formula_error(&self.ui, text, None);
                surface_panel::show_stale_map(&self.ui, None);
                self.surface.choice = SurfaceChoice::Expr(formula.clone());
                self.surface.loss = Loss::Formula(formula);
                self.point = self.point.map(|p| analyze(&self.surface.loss, p.at));
                self.surface_changed();
            }
            Err(error) => {
                surface_panel::show_formula_error(&self.ui, text, Some(&error));
                surface_panel::show_stale_map(&self.ui, Some(&self.surface.choice));
            }
        }
    }

    fn surface_changed(&mut self) {
        self.escape_times = EscapeTimesView::default();
        self.plots.surface_changed();
        self.map.surface_changed();
        self.long_formula = self.surface.is_long();
        super::batch::show_controls(self);
        surface_panel::show_long_formula(self.long_formula);
        self.escape = None;
        self.restart_race();
        self.dirty = Dirty::everything();
    }

    pub fn set_bounds(&mut self, bounds: Bounds) {
        self.bounds = bounds;
        self.view_changed = true;
        self.dirty.base = true;
        self.dirty.critical = true;
        self.dirty.overlay = true;
        self.dirty.url = true;
    }

    pub fn reset_view(&mut self) {
        self.set_bounds(self.surface.home);
    }

    /// Drops (or drags) the point θ′: re-analyzes it and restarts the race from it.
    pub fn place_point(&mut self, at: Point) {
        self.point = Some(analyze(&self.surface.loss, at));
        self.escape = None;
        inspector::clear_escape_result(&self.ui.inspector);
        self.restart_race();
        self.dirty.overlay = true;
        self.dirty.inspector = true;
        self.dirty.url = true;
        // Escape times measured from another θ′ would not be these.
        let stale = std::mem::take(&mut self.escape_times);
        if stale.table.is_some() || stale.job.is_some() {
            batch::show_escape_times(self);
        }
    }

    /// A click drops θ′ there (to the digits a pixel resolves), or exactly on a critical point within
    /// [`SNAP_RADIUS`] pixels of it: a hand cannot hit (0, 0) to the last digit, and a class wants to see
    /// the saddle itself. The verdict is announced to screen readers.
    ///
    /// On the basin map a click lands on its cell's centre, where that cell's run started, so the race from θ′
    /// is the run the cell's colour shows.
    pub fn drop_point(&mut self, css: [f64; 2]) {
        let mut clicked = self.map.transform.resolved(self.map.data_at(css));
        if self.basins.map.is_some() {
            let config = scene::basins_config(&self.scene(), self.bounds);
            if let Some((row, column)) = config.cell_containing(clicked) {
                clicked = config.cell_centre(row, column);
            }
        }
        self.drop_point_at(clicked, css);
    }

    /// Drops θ′ at `at` (drawn at `css`), snapped as [`App::drop_point`] snaps a click, and announces it.
    /// Beside a whole curve of critical points (not marked point by point) the drop lands on the curve.
    fn drop_point_at(&mut self, at: Point, css: [f64; 2]) {
        let snapped = self
            .critical
            .points
            .iter()
            .map(|p| (p.at, self.map.css_distance(p.at, css)))
            .filter(|(_, distance)| *distance <= SNAP_RADIUS)
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(at, _)| at);
        let on_curve = || {
            self.critical.continuum.as_ref()?;
            let shown = self.map.transform;
            let reach =
                SNAP_RADIUS * self.map.dpr * shown.bounds.width() / shown.area.width.max(1.0);
            critical_point_near(&self.surface.loss, &self.bounds, at, reach).map(|p| p.at)
        };
        let landed = snapped.or_else(on_curve).unwrap_or(at);
        self.place_point(landed);
        self.announce_point();
    }

    /// The arrow keys on the map: θ′ moves by `css` pixels (it appears in the middle of the view when there
    /// is none yet).
    pub fn nudge_point(&mut self, css: [f64; 2]) {
        let transform = self.map.transform;
        let at = match self.point {
            Some(point) => transform.nudged(point.at, css.map(|v| v * self.map.dpr)),
            None => transform.resolved(self.bounds.center()),
        };
        self.place_point(at);
    }

    /// Enter on the map: drops θ′ where the keys put it, snapped as a click there would be.
    pub fn drop_point_from_keys(&mut self) {
        let at = self.point.map_or_else(
            || self.map.transform.resolved(self.bounds.center()),
            |p| p.at,
        );
        let [x, y] = self.map.transform.to_pixel(at);
        let css = [x / self.map.dpr, y / self.map.dpr];
        self.drop_point_at(at, css);
    }

    /// θ′ typed into the inspector's fields: placed exactly there, and announced.
    pub fn type_point(&mut self, at: Point) {
        self.place_point(at);
        self.announce_point();
    }

    /// Says θ′'s verdict and eigenvalues in the live region that screen readers read out.
    pub fn announce_point(&self) {
        if let Some(point) = &self.point {
            inspector::announce(&self.ui, point);
        }
    }

    /// Into or out of presentation mode: the page's layout and type, and the charts' text, grow.
    pub fn set_presentation(&mut self, on: bool) {
        self.present = on;
        super::presentation::apply(self);
        self.dirty.base = true;
        self.dirty.plots = true;
        self.dirty.url = true;
    }

    pub fn race_start(&self) -> Point {
        self.point.map_or(self.surface.start, |p| p.at)
    }

    pub fn restart_race(&mut self) {
        let start = self.race_start();
        self.race.restart(start);
        self.race_changed();
    }

    pub fn race_changed(&mut self) {
        self.dirty.overlay = true;
        self.dirty.race_table = true;
        self.dirty.url = true;
    }

    pub fn set_optimizers(&mut self, kinds: Vec<OptimizerKind>) {
        self.race.kinds = kinds;
        self.restart_race();
        super::race_panel::update_legend(self);
    }

    pub fn set_hyperparameters(&mut self, hyper: Hyperparameters) {
        self.race.hyper = hyper;
        self.restart_race();
    }

    pub fn step_race(&mut self) {
        self.race.playing = false;
        self.race.step_all(&self.surface.loss);
        self.race_changed();
    }

    pub fn toggle_play(&mut self) {
        if !self.race.any_running() {
            self.restart_race();
        }
        self.race.toggle_play();
        self.race_changed();
    }

    pub fn set_view_mode(&mut self, view: ViewMode) {
        self.view = view;
        self.apply_view_mode();
        self.dirty.url = true;
    }

    pub fn apply_view_mode(&mut self) {
        dom::report(self.ui.views.set_attribute("data-view", self.view.name()));
        if let Ok(buttons) = self.ui.body.query_selector_all("button[data-view]") {
            for i in 0..buttons.length() {
                if let Some(button) = buttons.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                    let pressed =
                        button.get_attribute("data-view").as_deref() == Some(self.view.name());
                    dom::report(
                        button
                            .set_attribute("aria-pressed", if pressed { "true" } else { "false" }),
                    );
                }
            }
        }
        dom::report(
            self.ui
                .body
                .class_list()
                .toggle_with_force("embed", self.embed),
        );
        self.dirty.base = true;
    }

    /// The scene as a link encodes it.
    pub fn scene(&self) -> Scene {
        Scene {
            surface: self.surface.choice.clone(),
            bounds: (self.bounds != self.surface.home).then_some(self.bounds),
            point: self.point.map(|p| p.at),
            optimizers: self.race.kinds.clone(),
            learning_rate: self.race.hyper.learning_rate,
            beta: self.race.hyper.beta,
            batch: self.race.hyper.batch,
            seed: self.race.hyper.seed,
            steps: self.race.steps(),
            view: self.view,
            turn: (self.plots.orientation != Orientation::default())
                .then(|| self.plots.orientation.link_degrees()),
            map: self.map.mode,
            lesson: self.lesson.opened,
            language: self.language,
            embed: self.embed,
            present: self.present,
            lab: lab_link::settings(),
        }
    }

    /// Turns the inspector's slice through θ′ to `direction`.
    pub fn set_slice(&mut self, direction: SliceDirection) {
        self.slice = direction;
        slice_panel::show(self);
        self.dirty.overlay = true;
        self.dirty.plots = true;
    }

    /// The slice of L through θ′ the inspector draws and the map shows as a line.
    pub fn point_slice(&self) -> Option<Slice> {
        let point = self.point.as_ref()?;
        scene::point_slice(&self.surface, &self.bounds, point, self.slice)
    }

    /// Asks the worker how long full-batch descent and SGD take to leave the saddle from θ′.
    pub fn measure_escape_times(&mut self) -> Result<(), JsValue> {
        let job = self.worker.post(&Job::escape_times_of(&self.scene()))?;
        self.escape_times = EscapeTimesView {
            job: Some(job),
            table: None,
        };
        batch::show_escape_times(self);
        Ok(())
    }

    /// Another training set for the same scene (the lecture's data with or without its extra input): θ′,
    /// the box and the race's knobs stay.
    pub fn swap_data(&mut self, surface: SceneSurface) {
        let at = self.point.map(|point| point.at);
        surface_panel::show_surface(&self.ui, &surface.choice);
        self.surface = surface;
        self.point = at.map(|at| analyze(&self.surface.loss, at));
        self.surface_changed();
    }

    /// In basins mode, asks the worker for the map of the scene on screen once the view has settled (a new
    /// job replaces the one under way), and takes in what it reports; outside it, forgets the map.
    /// Also takes in the escape times the worker measured.
    fn follow_worker(&mut self, settled: bool) -> Result<(), JsValue> {
        if self.map.mode != MapMode::Basins {
            self.basins = BasinsView::default();
        } else if settled {
            let job = Job::basins_of(&Scene {
                bounds: Some(self.bounds),
                ..self.scene()
            });
            let text = job.to_text();
            if self.basins.job.as_ref().map(|(asked, _)| asked) != Some(&text) {
                let number = self.worker.post(&job)?;
                self.basins = BasinsView {
                    job: Some((text, number)),
                    ..BasinsView::default()
                };
                self.dirty.base = true;
                map_mode::show_basins_progress(self);
            }
        }
        let basins_job = self.basins.job.as_ref().map(|(_, number)| *number);
        for report in self.worker.take_reports()? {
            match report {
                Outgoing::Progress { job, fraction } if Some(job) == basins_job => {
                    self.basins.progress = fraction;
                    map_mode::show_basins_progress(self);
                }
                Outgoing::Result { job, packed } if Some(job) == basins_job => {
                    self.basins.map = BasinsMap::unpack(&packed);
                    self.basins.progress = 1.0;
                    map_mode::show_basins_progress(self);
                    map_mode::show_legend(self);
                    self.dirty.base = true;
                }
                Outgoing::Result { job, packed } if Some(job) == self.escape_times.job => {
                    self.escape_times.table = EscapeTable::unpack(&packed);
                    batch::show_escape_times(self);
                }
                Outgoing::Error { message, .. } => {
                    web_sys::console::error_1(&JsValue::from_str(&message));
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// Draws now, outside the animation frames, as a frame in which no time passes: the page's first frame
    /// at start, and what a click changed from inside its handler. The next animation frame then only has
    /// to paint it, so the map shows sooner.
    pub fn draw_now(&mut self) -> Result<(), JsValue> {
        // This frame and the animation frame after it are both `unpainted` ones.
        self.unpainted = true;
        self.frame(dom::now_ms()?, 0.0)?;
        self.unpainted = true;
        Ok(())
    }

    /// One animation frame: advance the clocks, then redraw only what changed.
    pub fn frame(&mut self, now_ms: f64, elapsed_seconds: f64) -> Result<(), JsValue> {
        if self.crash_test {
            crash::panic_for_test();
        }
        // Charts made stale by this frame's own work (a click's new point, a race step) are drawn in the next
        // one, so what the hand did shows on the map first; a drag on the 3-D view marks them before the frame.
        let unpainted = std::mem::take(&mut self.unpainted);
        let plots_waiting = self.dirty.plots && !unpainted;
        if self.map.fit_if_resized()? {
            self.dirty.base = true;
        }
        if let Some(animation) = self.escape.as_mut() {
            self.dirty.overlay = true;
            if animation.advance(elapsed_seconds) {
                let landed = animation.to;
                let report = self
                    .ui
                    .words
                    .escape_report(animation.before, animation.after);
                self.place_point(landed);
                inspector::show_escape_result(&self.ui.inspector, &report);
            }
        }
        if self.race.tick(elapsed_seconds, &self.surface.loss) {
            self.race_changed();
        }
        if std::mem::take(&mut self.view_changed) {
            self.last_view_change_ms = now_ms;
        }
        let settled = !unpainted
            && !self.gesture.is_active()
            && now_ms - self.last_view_change_ms >= SETTLE_MS;
        self.follow_worker(settled)?;
        // The search waits for a frame whose map is already drawn: the map shows first (at load, on a new
        // surface, after zooming) and the markers follow a frame later over the kept samples.
        if self.dirty.critical && settled && !self.dirty.base {
            self.critical = scene::critical_points(&self.surface, &self.bounds);
            surface_panel::show_continuum(&self.ui, self.critical.continuum.as_ref());
            // For tests: the search has run for this box (how many points it marks).
            dom::report(
                self.map
                    .canvas
                    .set_attribute("data-critical", &self.critical.points.len().to_string()),
            );
            self.dirty.critical = false;
            self.dirty.base = true;
            self.dirty.race_table = true;
            // The legend names the kinds of point now marked.
            race_panel::update_legend(self);
        }
        // The preview drawn before the page's first paint gets its full detail once the frames settle.
        if settled && self.map.shows_preview() {
            self.dirty.base = true;
        }
        // A frame that redraws the map's base is already a full one: the charts beside the map wait for the
        // next, so the map shows sooner (at load, on a new surface, while zooming).
        let map_redrawn = self.dirty.base;
        if self.dirty.base {
            self.map
                .draw_base(
                    &self.surface.loss,
                    self.bounds,
                    &self.critical,
                    self.basins.shown(),
                    &self.ui.words.chart,
                    // Drawn before its first paint (at start), the map is a preview.
                    if unpainted {
                        Detail::Preview
                    } else {
                        Detail::Full
                    },
                )
                .map_err(|e| JsValue::from_str(&e))?;
            self.dirty.base = false;
            self.dirty.overlay = true;
        }
        if self.dirty.overlay {
            super::overlay::draw(self).map_err(|e| JsValue::from_str(&e))?;
            self.dirty.overlay = false;
            self.dirty.plots = true;
        }
        if plots_waiting && !map_redrawn && now_ms - self.last_plots_ms >= REDRAW_INTERVAL_MS {
            self.plots.draw(&Scenery {
                surface: (!self.long_formula).then_some(&self.surface.loss),
                bounds: self.bounds,
                point: self.point.as_ref(),
                slice: self.point_slice().as_ref(),
                runs: &self.race.runs,
                words: self.ui.words,
            })?;
            self.last_plots_ms = now_ms;
            self.dirty.plots = false;
        }
        if self.lab.changed() {
            self.dirty.url = true;
        }
        if self.dirty.inspector {
            let test = self
                .surface
                .loss
                .data()
                .and_then(TrainingLoss::test_loss)
                .zip(self.point.as_ref())
                .map(|(test, point)| test.value(point.at));
            inspector::show(&self.ui.inspector, self.ui.words, self.point.as_ref(), test);
            slice_panel::show(self);
            race_panel::update_legend_for_point(self);
            self.dirty.inspector = false;
        }
        if self.dirty.race_table {
            super::race_panel::update_status(self)?;
            // The scene in numbers, as `saddle render` prints it (tests compare the two).
            let summary = Summary::of(&self.critical, &self.race.runs);
            self.map
                .canvas
                .set_attribute("data-summary", &summary.lines())?;
            self.dirty.race_table = false;
        }
        if self.dirty.url && settled && now_ms - self.last_url_sync_ms >= URL_SYNC_INTERVAL_MS {
            scene_link::replace_url(&self.scene())?;
            self.last_url_sync_ms = now_ms;
            self.dirty.url = false;
        }
        Ok(())
    }

    /// Shows the scene `scene::resolve` makes of a link, with the link's settings for the page around it.
    pub fn load_scene(&mut self, decoded: Decoded) -> Result<(), JsValue> {
        let Decoded {
            scene, problems, ..
        } = decoded;
        let resolved = scene::resolve(&scene);
        lab_link::load(scene.lab.as_ref())?;
        self.language = scene.language;
        self.embed = scene.embed;
        self.present = scene.present;
        self.view = scene.view;
        self.plots.orientation = scene
            .turn
            .map_or_else(Orientation::default, Orientation::from_link_degrees);
        self.map.mode = scene.map;
        self.show_surface(resolved.surface);
        self.bounds = resolved.bounds;
        self.point = resolved.point;
        inspector::clear_escape_result(&self.ui.inspector);
        // The page's speed slider is not part of a link.
        let speed = self.race.steps_per_second;
        self.race = resolved.race;
        self.race.steps_per_second = speed;
        self.race_changed();
        race_panel::show_checks(self);
        race_panel::show_sliders(self);
        self.notices = problems;
        self.show_in(language::initial(scene.language))?;
        self.apply_view_mode();
        super::presentation::apply(self);
        lesson_panel::scene_loaded(self, scene.lesson);
        self.redraw_everything();
        Ok(())
    }

    /// Re-words the whole page in `language`, keeps the scene, and writes `lang=` into the link.
    pub fn switch_language(&mut self, language: Language) -> Result<(), JsValue> {
        self.language = Some(language);
        self.show_in(language)?;
        self.dirty.url = true;
        Ok(())
    }

    /// Every text on the page in `language`: fixed labels, then the words that follow the scene.
    pub fn show_in(&mut self, language: Language) -> Result<(), JsValue> {
        self.ui.language = language;
        self.ui.words = strings(language);
        apply_static_text(language)?;
        surface_panel::relabel_presets(&self.ui)?;
        surface_panel::show_notices(&self.ui, &self.notices)?;
        let text = self.ui.formula.value();
        // A data-defined loss leaves the formula box empty: nothing typed, nothing wrong.
        let untyped = text.is_empty() && self.surface.loss.data().is_some();
        let parsed = crate::formula::Formula::parse(&text);
        if let (Err(error), false) = (parsed, untyped) {
            surface_panel::show_formula_error(&self.ui, &text, Some(&error));
            surface_panel::show_stale_map(&self.ui, Some(&self.surface.choice));
        }
        surface_panel::show_continuum(&self.ui, self.critical.continuum.as_ref());
        race_panel::relabel_optimizers(self);
        race_panel::update_legend(self);
        show_legend(self);
        super::lesson_panel::show(self);
        super::batch::show_controls(self);
        // The map's, loss chart's and 3-D view's axis titles are drawn into their canvases.
        self.dirty.base = true;
        self.dirty.inspector = true;
        self.dirty.race_table = true;
        Ok(())
    }

    pub fn set_map_mode(&mut self, mode: MapMode) {
        self.map.mode = mode;
        show_legend(self);
        self.dirty.base = true;
        self.dirty.url = true;
    }

    pub fn set_taylor(&mut self, shown: bool) {
        self.taylor = shown;
        if let Ok(toggle) = dom::by_id::<HtmlInputElement>("taylor-toggle") {
            toggle.set_checked(shown);
        }
        self.dirty.overlay = true;
    }
}

/// Before the first search, and for a formula too long to search (the notice says so).
fn no_critical_points() -> CriticalPoints {
    CriticalPoints {
        points: Vec::new(),
        continuum: None,
    }
}
