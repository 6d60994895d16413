//! The optimizer race: which optimizers run from one start, their hyperparameters, and the clock that
//! steps them at a chosen rate. The page's frame loop, a replayed link and a figure all drive this one race.

use super::{Hyperparameters, OptimizerKind, Run, RunStatus, MAX_RACE_STEPS};
use crate::surface::{LossSurface, Point};

/// Steps per second of a race played on the page, until the speed slider says otherwise.
pub const DEFAULT_STEPS_PER_SECOND: f64 = 20.0;

/// Every selected optimizer racing from one start.
#[derive(Clone, Debug)]
pub struct Race {
    /// The optimizers selected, in the order their runs are kept.
    pub kinds: Vec<OptimizerKind>,
    /// The knobs every run starts with; a change takes effect at the next [`restart`](Self::restart).
    pub hyper: Hyperparameters,
    /// The clock's rate while playing.
    pub steps_per_second: f64,
    /// One run per entry of `kinds`, in the same order.
    pub runs: Vec<Run>,
    /// Whether [`tick`](Self::tick) steps the runs; it turns false once none is running.
    pub playing: bool,
    /// Counts the restarts: paths drawn for one generation of runs are stale in the next.
    pub generation: u64,
    /// Fractional steps owed by the clock; the frame loop spends at most one step per frame.
    owed_steps: f64,
}

impl Race {
    /// A paused race of `kinds` from `start`, at [`DEFAULT_STEPS_PER_SECOND`].
    pub fn new(kinds: Vec<OptimizerKind>, hyper: Hyperparameters, start: Point) -> Race {
        let mut race = Race {
            kinds,
            hyper,
            steps_per_second: DEFAULT_STEPS_PER_SECOND,
            runs: Vec::new(),
            playing: false,
            generation: 0,
            owed_steps: 0.0,
        };
        race.restart(start);
        race
    }

    /// Fresh runs of every selected optimizer from `start` (keeps playing if it was).
    pub fn restart(&mut self, start: Point) {
        self.runs = self
            .kinds
            .iter()
            .map(|&kind| Run::new(kind, self.hyper, start))
            .collect();
        self.generation += 1;
        self.owed_steps = 0.0;
    }

    /// One core `step` for every run still running; false when none was.
    pub fn step_all<S: LossSurface + ?Sized>(&mut self, surface: &S) -> bool {
        let mut stepped = false;
        for run in &mut self.runs {
            if run.status() == RunStatus::Running {
                if run.steps() + 1 >= MAX_RACE_STEPS {
                    // The core's budgeted `run` takes this last step and then calls it `MaxSteps`.
                    run.run(surface, 1);
                } else {
                    run.step(surface);
                }
                stepped = true;
            }
        }
        if !self.any_running() {
            self.playing = false;
        }
        stepped
    }

    /// Advances the clock by `seconds`; steps once when a step is owed. True when it stepped.
    pub fn tick<S: LossSurface + ?Sized>(&mut self, seconds: f64, surface: &S) -> bool {
        if !self.playing {
            return false;
        }
        self.owed_steps += seconds * self.steps_per_second;
        if self.owed_steps < 1.0 {
            return false;
        }
        // A slow frame must not queue a burst: carry at most one step over.
        self.owed_steps = (self.owed_steps - 1.0).min(1.0);
        self.step_all(surface)
    }

    /// Play ⇄ pause; a race with no run still running stays paused.
    pub fn toggle_play(&mut self) {
        self.playing = !self.playing && self.any_running();
        self.owed_steps = 0.0;
    }

    /// Whether some run has not finished yet.
    pub fn any_running(&self) -> bool {
        self.runs.iter().any(|r| r.status() == RunStatus::Running)
    }

    /// Steps every run up to `steps` times in all (fewer once none is running): a link's replay.
    pub fn replay<S: LossSurface + ?Sized>(&mut self, surface: &S, steps: usize) {
        for _ in 0..steps {
            if !self.step_all(surface) {
                break;
            }
        }
    }

    /// The scene's step count: how far the furthest run got.
    pub fn steps(&self) -> usize {
        self.runs.iter().map(Run::steps).max().unwrap_or(0)
    }
}
