//! Timing hooks for `scripts/bench`: each runs one of the page's own paths a number of times inside the
//! browser and returns the median milliseconds per repetition (the grid hook: per run of its fastest
//! sample), measured with `performance.now()`.
//!
//! They are compiled into the shipped wasm on purpose, so the bench measures the very binary people load;
//! `www/boot.js` puts the module's exports on `window.saddleBench` only when the page's URL has `?bench=1`.
//! Each hook ends by reading one pixel back from the canvas it drew, which makes the browser finish the
//! drawing instead of leaving it queued, so the time covers the rasterizing too.

use std::cell::{Cell, RefCell};
use std::hint::black_box;

use wasm_bindgen::prelude::*;

use super::app::{App, SharedApp};
use super::canvas::context_2d;
use super::map_view::Detail;
use super::{dom, overlay};
use crate::formula::Formula;
use crate::optim::OptimizerKind;
use crate::presets::preset;
use crate::render::Grid;

/// One frame at 60 Hz: the simulated clock advances by this per tick, so throttled work (the side plots
/// redraw every 120 ms) happens as often as it would in a real animation.
const FRAME_MS: f64 = 1000.0 / 60.0;

thread_local! {
    static APP: RefCell<Option<SharedApp>> = const { RefCell::new(None) };
}

/// Keeps a handle to the mounted app for the hooks below.
pub fn remember(app: &SharedApp) {
    APP.with(|slot| *slot.borrow_mut() = Some(SharedApp::clone(app)));
}

fn with_app<T>(body: impl FnOnce(&mut App) -> Result<T, JsValue>) -> Result<T, JsValue> {
    let app = APP
        .with(|slot| slot.borrow().clone())
        .ok_or_else(|| JsValue::from_str("the app is not mounted"))?;
    let mut app = app.try_borrow_mut().map_err(|_| "the app is busy")?;
    body(&mut app)
}

/// Milliseconds of untimed warm-up runs before a measurement.
const WARM_UP_MS: f64 = 300.0;

/// Runs `body` untimed for [`WARM_UP_MS`] (at least once): the browser runs new code from its baseline
/// compiler first and swaps in optimized code once that code is hot and its optimizing compile — on a
/// background thread, slow on a busy two-core machine — has finished. Warming up by a count of runs instead
/// (as often as timed) gave a quick hook only a few milliseconds of it. The cold-load row measures the start.
/// Returns the warm-up's milliseconds per run.
fn warm_up(body: &mut Body) -> Result<f64, JsValue> {
    let start = dom::now_ms()?;
    let mut runs = 0.0;
    loop {
        run(body)?;
        runs += 1.0;
        let elapsed = dom::now_ms()? - start;
        if elapsed > WARM_UP_MS {
            return Ok(elapsed / runs);
        }
    }
}

/// What a hook measures: one run of the path it times.
type Body<'a> = dyn FnMut() -> Result<(), JsValue> + 'a;

/// One run of a measured body, entered as a function call of its own (the optimizer cannot see which, so it
/// cannot inline it into the hook): V8 swaps a wasm function for its optimized code only when it is next
/// called — there is no on-stack replacement — so code inlined into a hook's own frame ran in the baseline
/// tier for the whole measurement, warm-up or not (the first grid measured in a page took 1.3–1.7 ms, the
/// same grid measured again in the same page 1.0–1.2). Warm-up and timing call the same body, so the
/// function warmed up is the one timed.
fn run(body: &mut Body) -> Result<(), JsValue> {
    black_box(body)()
}

/// Median milliseconds of `repeats` (at least 1) runs of `body`, after a [`warm_up`].
fn median_ms(repeats: u32, mut body: impl FnMut() -> Result<(), JsValue>) -> Result<f64, JsValue> {
    warm_up(&mut body)?;
    timed_median_ms(repeats, &mut body)
}

/// Median milliseconds of `repeats` (at least 1) runs of `body`, timed from the first.
fn timed_median_ms(repeats: u32, body: &mut Body) -> Result<f64, JsValue> {
    let times = sorted_times_ms(repeats, body)?;
    Ok(times[times.len() / 2])
}

/// Milliseconds of `repeats` (at least 1) runs of `body`, timed from the first, fastest first.
fn sorted_times_ms(repeats: u32, body: &mut Body) -> Result<Vec<f64>, JsValue> {
    let mut times = Vec::new();
    for _ in 0..repeats.max(1) {
        let start = dom::now_ms()?;
        run(body)?;
        times.push(dom::now_ms()? - start);
    }
    crate::sorting::sort_numbers(&mut times);
    Ok(times)
}

/// Waits for the map canvas's queued drawing to be rasterized.
fn finish_drawing(app: &App) -> Result<(), JsValue> {
    context_2d(&app.map.canvas)?.get_image_data(0.0, 0.0, 1.0, 1.0)?;
    Ok(())
}

/// A full redraw of the map — heatmap, contours, axes, colour bar, critical-point markers, then the
/// overlay — with the map's backing store `width_px × height_px` device pixels. With `resample`, the
/// surface is sampled afresh each time, as after a zoom or pan; without, the sampled grid is reused, as
/// when the box stays (critical points found, a language switch, the overlay's base). The canvas gets its
/// CSS size and backing store back afterwards.
#[wasm_bindgen]
pub fn bench_redraw_map(
    width_px: u32,
    height_px: u32,
    repeats: u32,
    resample: bool,
) -> Result<f64, JsValue> {
    with_app(|app| {
        let style = app.map.canvas.style();
        let dpr = dom::window()?.device_pixel_ratio().max(1.0);
        style.set_property("width", &format!("{}px", f64::from(width_px) / dpr))?;
        style.set_property("height", &format!("{}px", f64::from(height_px) / dpr))?;
        app.map.fit_to_element()?;
        let critical = app.critical.clone();
        let time = median_ms(repeats, || {
            if resample {
                app.map.surface_changed();
            }
            app.map.draw_base(
                &app.surface.loss,
                app.bounds,
                &critical,
                None,
                &app.ui.words.chart,
                Detail::Full,
            )?;
            overlay::draw(app)?;
            finish_drawing(app)
        });
        style.remove_property("width")?;
        style.remove_property("height")?;
        // The size watch saw no change (the element is back to its size within this task), so the backing
        // store is fitted here; left at the benched size, every later measure would draw a larger canvas.
        app.map.fit_to_element()?;
        app.dirty.base = true;
        time
    })
}

/// One animation frame of a playing race of the first `optimizers` optimizers (one step each, the
/// trajectories and table redrawn, the side plots at their own pace); restarts the race when it ends.
#[wasm_bindgen]
pub fn bench_tick(optimizers: usize, repeats: u32) -> Result<f64, JsValue> {
    with_app(|app| {
        let mut clock = dom::now_ms()?;
        // Warm-up and timing each start from a fresh race (a frame's cost grows with the trajectories'
        // length), through one body, so the code warmed up is the code timed.
        let fresh_race = Cell::new(true);
        let mut tick = || {
            if fresh_race.replace(false) || !app.race.any_running() {
                race_with(app, optimizers);
            }
            clock += FRAME_MS;
            app.frame(clock, FRAME_MS / 1000.0)?;
            finish_drawing(app)
        };
        warm_up(&mut tick)?;
        fresh_race.set(true);
        let time = timed_median_ms(repeats, &mut tick);
        // Paused, so the page does not go on racing under the measurements that follow.
        app.race.playing = false;
        time
    })
}

/// Makes sure a race of the first `optimizers` optimizers is playing at one step per frame, restarting
/// it if it has ended; true when it (re)started. For measuring frame rates over seconds.
#[wasm_bindgen]
pub fn bench_race(optimizers: usize) -> Result<bool, JsValue> {
    with_app(|app| {
        let stale =
            !app.race.playing || app.race.kinds.len() != optimizers.min(OptimizerKind::ALL.len());
        if stale {
            race_with(app, optimizers);
        }
        Ok(stale)
    })
}

fn race_with(app: &mut App, optimizers: usize) {
    let count = optimizers.min(OptimizerKind::ALL.len());
    app.race.steps_per_second = 60.0;
    app.set_optimizers(OptimizerKind::ALL[..count].to_vec());
    app.race.playing = true;
}

/// Dragging θ′: one move along a small circle around the view's centre — analysis, race restart, the
/// inspector, the Taylor overlay and the arrows redrawn in the next frame.
#[wasm_bindgen]
pub fn bench_drag(repeats: u32) -> Result<f64, JsValue> {
    with_app(|app| {
        let [cx, cy] = app.bounds.center();
        let radius = 0.1 * app.bounds.width().min(app.bounds.height());
        let mut clock = dom::now_ms()?;
        let mut index = 0.0_f64;
        median_ms(repeats, || {
            index += 1.0;
            let angle = 0.1 * index;
            app.place_point([cx + radius * angle.cos(), cy + radius * angle.sin()]);
            clock += FRAME_MS;
            app.frame(clock, 0.0)?;
            finish_drawing(app)
        })
    })
}

/// Shortest span timed at once by [`bench_grid`]: `performance.now()` ticks every 0.1 ms in a page that is
/// not cross-origin isolated, a tenth of a small grid's time, so quick grids are timed in batches.
const GRID_SAMPLE_MS: f64 = 20.0;

/// Sampling `surface` (a preset's name, else a formula) on a `width × height` grid over the lecture's box,
/// as the native `cargo bench` does, so the two can be compared: milliseconds per grid in the fastest of
/// `repeats` samples, each a batch of runs spanning at least [`GRID_SAMPLE_MS`] — as criterion's samples
/// are batches, and `scripts/bench` takes criterion's fastest sample likewise. The fastest, not the median:
/// the ratio compares the two engines, and a shared machine's noise only ever adds time.
#[wasm_bindgen]
pub fn bench_grid(
    surface: &str,
    width: usize,
    height: usize,
    repeats: u32,
) -> Result<f64, JsValue> {
    let formula = match preset(surface) {
        Some(chosen) => chosen.formula(),
        None => Formula::parse(surface).map_err(|e| e.to_string())?,
    };
    let bounds = preset("lecture").ok_or("no lecture preset")?.bounds();
    let mut sample = || {
        black_box(Grid::sample(&formula, bounds, width, height));
        Ok(())
    };
    let runs_per_sample = (GRID_SAMPLE_MS / warm_up(&mut sample)?)
        .ceil()
        .clamp(1.0, 1e4) as u32;
    let fastest = sorted_times_ms(repeats, &mut || {
        (0..runs_per_sample).try_for_each(|_| run(&mut sample))
    })?[0];
    Ok(fastest / f64::from(runs_per_sample))
}
