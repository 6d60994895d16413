//! Basins of attraction: every start of a grid over a box, labelled by where one optimizer's [`Run`] from it
//! ends — which attractor, diverged, or still moving after the step limit.
//!
//! Each cell runs exactly the [`Run`] the race runs from that cell's centre, so a basin cell and a race
//! started there agree. The work is resumable ([`Basins::advance`]) so the page can spread a 128 × 128 map
//! over frames or a worker.

use serde::Serialize;

use super::{Hyperparameters, OptimizerKind, Run, RunStatus};
use crate::analysis::{Attractor, AttractorSearch};
use crate::bounds::Bounds;
use crate::surface::{LossSurface, Point};

/// The label of a start whose run diverged (or whose start is outside L's domain, which a run also reports
/// as diverged).
pub const DIVERGED: i32 = -1;
/// The label of a start whose run was not at rest after the step limit.
pub const STILL_MOVING: i32 = -2;
/// The label of a start not decided yet: its run is still to come, or its end point is still being grouped.
pub const PENDING: i32 = -3;

/// Grid side allowed at least: a 2 × 2 map.
pub const MIN_BASIN_GRID: usize = 2;
/// Grid side allowed at most: 512 × 512 is already 262,144 runs.
pub const MAX_BASIN_GRID: usize = 512;
/// Steps per run at most, so a typo cannot ask for days of work.
pub const MAX_BASIN_STEPS: usize = 10_000;

/// Share of the progress bar the runs take; grouping their end points the rest.
const RUNS_SHARE: f64 = 0.9;

/// What to map: one optimizer with its knobs, started from the centre of every cell of a `grid` × `grid`
/// split of `bounds`, for at most `steps` steps.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BasinsConfig {
    /// The optimizer every cell runs.
    pub optimizer: OptimizerKind,
    /// Its η, β, batch size and seed; η > 0, β in [0, 1), batch ≥ 1.
    pub hyper: Hyperparameters,
    /// Steps per run at most, 1 to [`MAX_BASIN_STEPS`]; a run still moving then is [`STILL_MOVING`].
    pub steps: usize,
    /// Cells per side, [`MIN_BASIN_GRID`] to [`MAX_BASIN_GRID`].
    pub grid: usize,
    /// The box split into cells; a valid [`Bounds`].
    pub bounds: Bounds,
}

impl BasinsConfig {
    /// Why this configuration cannot be mapped, if it cannot.
    pub fn check(&self) -> Result<(), String> {
        let grid = self.grid;
        if !(MIN_BASIN_GRID..=MAX_BASIN_GRID).contains(&grid) {
            return Err(format!(
                "the grid must be {MIN_BASIN_GRID} to {MAX_BASIN_GRID} cells per side, not {grid}"
            ));
        }
        if !(1..=MAX_BASIN_STEPS).contains(&self.steps) {
            return Err(format!(
                "the steps must be 1 to {MAX_BASIN_STEPS}, not {}",
                self.steps
            ));
        }
        let Hyperparameters {
            learning_rate,
            beta,
            batch,
            ..
        } = self.hyper;
        if !(learning_rate.is_finite() && learning_rate > 0.0) {
            return Err("the learning rate must be a positive number".into());
        }
        if !(0.0..1.0).contains(&beta) {
            return Err("β must be in [0, 1)".into());
        }
        if batch == 0 {
            return Err("the batch size must be at least 1".into());
        }
        let b = self.bounds;
        Bounds::new(b.x_min, b.x_max, b.y_min, b.y_max).map(|_| ())
    }

    /// The centre of the cell in `row` (0 at the bottom, y_min) and `column` (0 at x_min):
    /// (x_min + (column + ½)·(x_max − x_min)/G, y_min + (row + ½)·(y_max − y_min)/G).
    pub fn cell_centre(&self, row: usize, column: usize) -> Point {
        let b = &self.bounds;
        let side = self.grid as f64;
        [
            b.x_min + (column as f64 + 0.5) * b.width() / side,
            b.y_min + (row as f64 + 0.5) * b.height() / side,
        ]
    }

    /// The (row, column) of the cell holding `at`, if it lies in the box; a click there starts the race
    /// from [`cell_centre`](Self::cell_centre), where the cell's own run started.
    pub fn cell_containing(&self, at: Point) -> Option<(usize, usize)> {
        let b = &self.bounds;
        if !b.contains(at) {
            return None;
        }
        let side = self.grid as f64;
        let index = |v: f64, min: f64, size: f64| {
            (((v - min) / size * side).floor() as usize).min(self.grid - 1)
        };
        Some((
            index(at[1], b.y_min, b.height()),
            index(at[0], b.x_min, b.width()),
        ))
    }

    /// Two end points on a continuum closer than this count as connected: two cells' diagonal, as the grid
    /// of starts spreads its end points about that densely along a curve of minima, and starts in a flat
    /// region (which do not move) lie one cell apart.
    fn link_distance(&self) -> f64 {
        let b = &self.bounds;
        let side = self.grid as f64;
        2.0 * (b.width() / side).hypot(b.height() / side)
    }
}

/// How far the map has come.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct BasinsProgress {
    /// Cells whose run has ended (all of them while the end points are grouped).
    pub cells_done: usize,
    /// grid², the cells in the map.
    pub cells_total: usize,
    /// Rough share of the work done, in [0, 1], for a progress bar.
    pub fraction: f64,
    /// Every cell has its final label and [`Basins::attractors`] is complete.
    pub finished: bool,
}

/// The basin map, resumable: [`advance`](Self::advance) does a bounded amount of work per call.
///
/// It does not keep the surface: every call takes it, and must be given the same one throughout.
#[derive(Debug, Clone)]
pub struct Basins {
    config: BasinsConfig,
    /// Row-major, row 0 at the bottom (y_min), column 0 at x_min.
    labels: Vec<i32>,
    /// Cells whose run came to rest, with where it did.
    at_rest: Vec<(usize, Point)>,
    attractors: Vec<Attractor>,
    stage: Stage,
}

#[derive(Debug, Clone)]
enum Stage {
    Running {
        next_cell: usize,
        current: Option<Box<CellRun>>,
    },
    Grouping(Box<AttractorSearch>),
    Done,
}

#[derive(Debug, Clone)]
struct CellRun {
    cell: usize,
    run: Run,
    steps: usize,
}

/// Where a cell's run ended.
enum Outcome {
    AtRest(Point),
    Label(i32),
}

impl Basins {
    /// A map with every cell [`PENDING`] and no work done yet, or why `config` cannot be mapped.
    pub fn new(config: BasinsConfig) -> Result<Basins, String> {
        config.check()?;
        Ok(Basins {
            config,
            labels: vec![PENDING; config.grid * config.grid],
            at_rest: Vec::new(),
            attractors: Vec::new(),
            stage: Stage::Running {
                next_cell: 0,
                current: None,
            },
        })
    }

    /// What this map maps.
    pub fn config(&self) -> &BasinsConfig {
        &self.config
    }

    /// Does about `work_budget` units of work, at least one, then returns. A unit is one optimizer step
    /// (about one exact Hessian); grouping the end points is charged in the same units.
    pub fn advance<S: LossSurface + ?Sized>(
        &mut self,
        surface: &S,
        work_budget: usize,
    ) -> BasinsProgress {
        let mut spent = 0;
        while !self.is_finished() && (spent == 0 || spent < work_budget) {
            spent += self.work(surface, work_budget.saturating_sub(spent).max(1));
        }
        self.progress()
    }

    /// Maps every cell.
    pub fn run_to_end<S: LossSurface + ?Sized>(&mut self, surface: &S) {
        while !self.is_finished() {
            self.work(surface, usize::MAX);
        }
    }

    /// Whether every cell has its final label.
    pub fn is_finished(&self) -> bool {
        matches!(self.stage, Stage::Done)
    }

    /// How far the map has come, without doing any work.
    pub fn progress(&self) -> BasinsProgress {
        let cells_total = self.labels.len();
        let (cells_done, fraction) = match &self.stage {
            Stage::Running { next_cell, current } => {
                let done = next_cell - usize::from(current.is_some());
                let within = current
                    .as_ref()
                    .map_or(0.0, |cell| cell.steps as f64 / self.config.steps as f64);
                let share = (done as f64 + within) / cells_total as f64;
                (done, RUNS_SHARE * share)
            }
            Stage::Grouping(search) => (
                cells_total,
                RUNS_SHARE + (1.0 - RUNS_SHARE) * search.fraction(),
            ),
            Stage::Done => (cells_total, 1.0),
        };
        BasinsProgress {
            cells_done,
            cells_total,
            fraction: fraction.min(1.0),
            finished: self.is_finished(),
        }
    }

    /// One label per cell, row-major with row 0 at the bottom (y_min) and column 0 at x_min: an index into
    /// [`attractors`](Self::attractors), [`DIVERGED`], [`STILL_MOVING`], or [`PENDING`] until decided
    /// (runs at rest get their attractor only once every run is done).
    pub fn labels(&self) -> &[i32] {
        &self.labels
    }

    /// Where the runs came to rest, sorted by x then y; empty until finished.
    pub fn attractors(&self) -> &[Attractor] {
        &self.attractors
    }

    /// One piece of work: a run's step (or up to `budget` of them), or a piece of the grouping.
    fn work<S: LossSurface + ?Sized>(&mut self, surface: &S, budget: usize) -> usize {
        let stage = std::mem::replace(&mut self.stage, Stage::Done);
        let (stage, spent) = match stage {
            Stage::Running { next_cell, current } => {
                self.run_cells(surface, next_cell, current, budget)
            }
            Stage::Grouping(mut search) => {
                let spent = search.advance(surface, budget);
                if let Some((attractors, assignment)) = search.result() {
                    for (&(cell, _), &attractor) in self.at_rest.iter().zip(assignment) {
                        if let Some(label) = self.labels.get_mut(cell) {
                            *label = i32::try_from(attractor).unwrap_or(PENDING);
                        }
                    }
                    self.attractors = attractors.to_vec();
                    (Stage::Done, spent)
                } else {
                    (Stage::Grouping(search), spent)
                }
            }
            Stage::Done => (Stage::Done, 0),
        };
        self.stage = stage;
        spent.max(1)
    }

    /// Steps the current cell's run (starting the next cell's when none is under way) by up to `budget`
    /// steps; once every cell is done, starts grouping the end points.
    fn run_cells<S: LossSurface + ?Sized>(
        &mut self,
        surface: &S,
        mut next_cell: usize,
        current: Option<Box<CellRun>>,
        budget: usize,
    ) -> (Stage, usize) {
        let mut cell_run = match current {
            Some(cell_run) => cell_run,
            None if next_cell < self.labels.len() => {
                let grid = self.config.grid;
                let start = self.config.cell_centre(next_cell / grid, next_cell % grid);
                next_cell += 1;
                Box::new(CellRun {
                    cell: next_cell - 1,
                    run: Run::new(self.config.optimizer, self.config.hyper, start),
                    steps: 0,
                })
            }
            None => {
                let ends: Vec<Point> = self.at_rest.iter().map(|&(_, end)| end).collect();
                let search = AttractorSearch::new(
                    surface,
                    &self.config.bounds,
                    &ends,
                    self.config.link_distance(),
                );
                return (Stage::Grouping(Box::new(search)), 1);
            }
        };
        let mut spent = 0;
        // As `Run::run` does: at most `steps` steps, stopping as soon as the run finishes.
        while spent < budget && cell_run.steps < self.config.steps {
            cell_run.steps += 1;
            spent += 1;
            if cell_run.run.step(surface).is_finished() {
                break;
            }
        }
        let finished = cell_run.run.status().is_finished() || cell_run.steps >= self.config.steps;
        if !finished {
            let current = Some(cell_run);
            return (Stage::Running { next_cell, current }, spent);
        }
        match outcome(&cell_run.run) {
            Outcome::AtRest(end) => self.at_rest.push((cell_run.cell, end)),
            Outcome::Label(label) => {
                if let Some(slot) = self.labels.get_mut(cell_run.cell) {
                    *slot = label;
                }
            }
        }
        let current = None;
        (Stage::Running { next_cell, current }, spent)
    }
}

/// A finished run's outcome: diverged, still moving (it used up its steps), or at rest — every other status
/// (converged, stalled at a saddle, and any other way of coming to rest) — where it stopped.
fn outcome(run: &Run) -> Outcome {
    match run.status() {
        RunStatus::Diverged => Outcome::Label(DIVERGED),
        RunStatus::Running | RunStatus::MaxSteps => Outcome::Label(STILL_MOVING),
        _ => Outcome::AtRest(run.position()),
    }
}
