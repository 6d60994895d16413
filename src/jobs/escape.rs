//! How long full-batch descent and SGD take to leave the lecture's saddle, as the worker measures and sends it.

use crate::optim::{escape_times, EscapeTimes};
use crate::scene::{escape_plan, EscapePlan, SceneSurface};
use crate::share::Scene;

/// The measurement, done all at once on the first unit of work (a second or so): the runs are short.
pub struct EscapeTimesTask {
    surface: Box<SceneSurface>,
    plan: EscapePlan,
    measured: Option<EscapeTimes>,
}

impl EscapeTimesTask {
    /// The measurement from `scene`'s θ′; refused unless the scene is the lecture's network on data.
    pub fn new(scene: &Scene) -> Result<EscapeTimesTask, String> {
        let surface = SceneSurface::of(scene.surface.clone());
        let plan = escape_plan(&surface, scene)
            .ok_or("escape times are measured on the lecture's network on data")?;
        Ok(EscapeTimesTask {
            surface: Box::new(surface),
            plan,
            measured: None,
        })
    }

    /// Does the whole measurement; later calls do nothing.
    pub fn work(&mut self) {
        let (surface, plan) = (&self.surface, &self.plan);
        self.measured.get_or_insert_with(|| {
            escape_times(
                &surface.loss,
                plan.start,
                plan.learning_rate,
                &plan.batches,
                &plan.seeds,
                plan.level,
                plan.max_steps,
            )
        });
    }

    /// Whether the measurement is done.
    pub fn is_finished(&self) -> bool {
        self.measured.is_some()
    }

    /// The finished result, packed ([`EscapeTable::pack`]); empty before then.
    pub fn result(&self) -> Vec<f64> {
        self.measured
            .as_ref()
            .map_or_else(Vec::new, |times| EscapeTable::of(times).pack())
    }
}

/// Escape times as the page shows them: full-batch descent's steps, and each batch size's median.
#[derive(Debug, Clone, PartialEq)]
pub struct EscapeTable {
    /// `None`: the run did not get below the level in time.
    pub full_batch: Option<usize>,
    /// (B, median steps over the seeds; `None` unless at least half of them got below the level).
    pub sgd: Vec<(usize, Option<usize>)>,
}

impl EscapeTable {
    /// The table of a finished measurement: each batch size with its median.
    pub fn of(times: &EscapeTimes) -> EscapeTable {
        EscapeTable {
            full_batch: times.full_batch,
            sgd: times.sgd.iter().map(|b| (b.batch, b.median())).collect(),
        }
    }

    /// `[full batch, then B and the median for each batch size]`, −1 for `None`.
    pub fn pack(&self) -> Vec<f64> {
        let steps = |s: Option<usize>| s.map_or(-1.0, |n| n as f64);
        let mut packed = vec![steps(self.full_batch)];
        for &(batch, median) in &self.sgd {
            packed.extend([batch as f64, steps(median)]);
        }
        packed
    }

    /// Reads [`EscapeTable::pack`]'s numbers; `None` if they are not such a table.
    pub fn unpack(packed: &[f64]) -> Option<EscapeTable> {
        let steps = |v: f64| (v >= 0.0 && v.fract() == 0.0).then_some(v as usize);
        let (&full, rest) = packed.split_first()?;
        if rest.len() % 2 != 0 {
            return None;
        }
        let sgd = rest
            .chunks_exact(2)
            .map(|pair| Some((steps(pair[0])?, steps(pair[1]))))
            .collect::<Option<Vec<_>>>()?;
        Some(EscapeTable {
            full_batch: steps(full),
            sgd,
        })
    }
}
