//! Long work the page hands to its Web Worker, so a frame never waits for it: a job as text, the task that does
//! it a chunk at a time, and its result as one array of numbers (which crosses to the page without copying
//! each value through JavaScript objects).
//!
//! A basin map's job is the scene's own share link: the worker reads it with the link codec and the scene
//! resolver, exactly as the page and `saddle render` do, so all three map the same thing.

use crate::analysis::{Attractor, ContinuumShape, PointKind};
use crate::optim::{escape_times, Basins, EscapeTimes};
use crate::scene::{basins_config, escape_plan, EscapePlan, SceneSurface};
use crate::share::{decode, encode, Scene};

/// A piece of work for the worker.
#[derive(Debug, Clone, PartialEq)]
pub enum Job {
    /// The basin map of a scene (`map=basins`), given as its share-link fragment.
    Basins { link: String },
    /// How long full-batch descent and SGD take to leave the lecture's saddle from a scene's θ′ (a lecture
    /// data preset), given as its share-link fragment.
    EscapeTimes { link: String },
}

impl Job {
    /// The basin map of `scene` as the page shows it. Only what the map depends on goes into the job (the
    /// surface, the box, the first racer and its knobs), so dropping a point or switching the language does
    /// not ask for the same map again.
    pub fn basins_of(scene: &Scene) -> Job {
        let defaults = Scene::default();
        let mapped = Scene {
            surface: scene.surface.clone(),
            bounds: scene.bounds,
            optimizers: scene.optimizers.iter().take(1).copied().collect(),
            learning_rate: scene.learning_rate,
            beta: scene.beta,
            batch: scene.batch,
            seed: scene.seed,
            map: scene.map,
            ..defaults
        };
        Job::Basins {
            link: encode(&mapped),
        }
    }

    /// The escape times from `scene`'s θ′ (its surface, point and η are all they depend on).
    pub fn escape_times_of(scene: &Scene) -> Job {
        let mapped = Scene {
            surface: scene.surface.clone(),
            point: scene.point,
            learning_rate: scene.learning_rate,
            ..Scene::default()
        };
        Job::EscapeTimes {
            link: encode(&mapped),
        }
    }

    /// The job as the text posted to the worker: its kind on the first line, then its input.
    pub fn to_text(&self) -> String {
        match self {
            Job::Basins { link } => format!("basins\n{link}"),
            Job::EscapeTimes { link } => format!("escape-times\n{link}"),
        }
    }

    /// Reads [`Job::to_text`]'s text; `None` for anything else.
    pub fn from_text(text: &str) -> Option<Job> {
        let (kind, input) = text.split_once('\n')?;
        match kind {
            "basins" => Some(Job::Basins {
                link: input.to_string(),
            }),
            "escape-times" => Some(Job::EscapeTimes {
                link: input.to_string(),
            }),
            _ => None,
        }
    }
}

/// A job under way: advanced a chunk at a time, so the worker can take a newer job between chunks.
pub enum Task {
    Basins {
        surface: Box<SceneSurface>,
        basins: Box<Basins>,
    },
    /// Measured all at once on the first chunk (a second or so): the runs are short.
    EscapeTimes {
        surface: Box<SceneSurface>,
        plan: EscapePlan,
        measured: Option<EscapeTimes>,
    },
}

impl Task {
    /// Sets the job up; an error says why it cannot be done.
    pub fn start(job: &Job) -> Result<Task, String> {
        match job {
            Job::Basins { link } => {
                let scene = decode(link).scene;
                let surface = SceneSurface::of(scene.surface.clone());
                let bounds = scene.bounds.unwrap_or(surface.home);
                let basins = Basins::new(basins_config(&scene, bounds))?;
                Ok(Task::Basins {
                    surface: Box::new(surface),
                    basins: Box::new(basins),
                })
            }
            Job::EscapeTimes { link } => {
                let scene = decode(link).scene;
                let surface = SceneSurface::of(scene.surface.clone());
                let plan = escape_plan(&surface, &scene)
                    .ok_or("escape times are measured on the lecture's network on data")?;
                Ok(Task::EscapeTimes {
                    surface: Box::new(surface),
                    plan,
                    measured: None,
                })
            }
        }
    }

    /// Does about `work_budget` units of work (a unit is about one exact Hessian); returns the fraction done.
    pub fn advance(&mut self, work_budget: usize) -> f64 {
        match self {
            Task::Basins { surface, basins } => basins.advance(&surface.loss, work_budget).fraction,
            Task::EscapeTimes {
                surface,
                plan,
                measured,
            } => {
                let p = &*plan;
                measured.get_or_insert_with(|| {
                    escape_times(
                        &surface.loss,
                        p.start,
                        p.learning_rate,
                        &p.batches,
                        &p.seeds,
                        p.level,
                        p.max_steps,
                    )
                });
                1.0
            }
        }
    }

    pub fn is_finished(&self) -> bool {
        match self {
            Task::Basins { basins, .. } => basins.is_finished(),
            Task::EscapeTimes { measured, .. } => measured.is_some(),
        }
    }

    /// The finished result, packed ([`BasinsMap::pack`], [`pack_escape_times`]).
    pub fn result(&self) -> Vec<f64> {
        match self {
            Task::Basins { basins, .. } => BasinsMap::of(basins).pack(),
            Task::EscapeTimes { measured, .. } => {
                measured.as_ref().map_or_else(Vec::new, pack_escape_times)
            }
        }
    }
}

/// Escape times as the page shows them: `[full batch, then B and the median over seeds for each batch size]`,
/// −1 where no run (or not half of them) got below the level in time.
pub fn pack_escape_times(times: &EscapeTimes) -> Vec<f64> {
    let steps = |s: Option<usize>| s.map_or(-1.0, |n| n as f64);
    let mut packed = vec![steps(times.full_batch)];
    for batch in &times.sgd {
        packed.extend([batch.batch as f64, steps(batch.median())]);
    }
    packed
}

/// Reads [`pack_escape_times`]'s numbers: full-batch steps, then (B, median steps) per batch size.
pub fn unpack_escape_times(packed: &[f64]) -> Option<EscapeTable> {
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

/// Escape times as the page shows them: full-batch descent's steps, and each batch size's median.
#[derive(Debug, Clone, PartialEq)]
pub struct EscapeTable {
    pub full_batch: Option<usize>,
    pub sgd: Vec<(usize, Option<usize>)>,
}

/// A finished basin map as the page draws it.
#[derive(Debug, Clone, PartialEq)]
pub struct BasinsMap {
    /// Cells per side.
    pub grid: usize,
    /// As [`Basins::labels`]: row 0 at the bottom.
    pub labels: Vec<i32>,
    pub attractors: Vec<Attractor>,
}

impl BasinsMap {
    pub fn of(basins: &Basins) -> BasinsMap {
        BasinsMap {
            grid: basins.config().grid,
            labels: basins.labels().to_vec(),
            attractors: basins.attractors().to_vec(),
        }
    }

    /// `[grid, attractor count, then x, y, kind, continuum for each attractor, then every label]`: kinds and
    /// continuum shapes by their position in `PointKind::ALL` and `ContinuumShape::ALL` (−1: none). Every
    /// value is a small whole number or a coordinate, exact in an f64.
    pub fn pack(&self) -> Vec<f64> {
        let mut packed = Vec::with_capacity(2 + 4 * self.attractors.len() + self.labels.len());
        packed.extend([self.grid as f64, self.attractors.len() as f64]);
        for attractor in &self.attractors {
            let kind = PointKind::ALL.iter().position(|&k| k == attractor.kind);
            let continuum = attractor
                .continuum
                .and_then(|shape| ContinuumShape::ALL.iter().position(|&s| s == shape));
            packed.extend([
                attractor.at[0],
                attractor.at[1],
                kind.map_or(-1.0, |k| k as f64),
                continuum.map_or(-1.0, |c| c as f64),
            ]);
        }
        packed.extend(self.labels.iter().map(|&label| f64::from(label)));
        packed
    }

    /// Reads [`BasinsMap::pack`]'s numbers; `None` if they are not such a map.
    pub fn unpack(packed: &[f64]) -> Option<BasinsMap> {
        let whole = |v: f64| (v.fract() == 0.0 && v.abs() < 1e9).then_some(v as i64);
        let grid = usize::try_from(whole(*packed.first()?)?).ok()?;
        let count = usize::try_from(whole(*packed.get(1)?)?).ok()?;
        let labels_from = count.checked_mul(4)?.checked_add(2)?;
        if packed.len() != labels_from.checked_add(grid.checked_mul(grid)?)? {
            return None;
        }
        let attractors = packed[2..labels_from]
            .chunks_exact(4)
            .map(|a| {
                let kind = *PointKind::ALL.get(usize::try_from(whole(a[2])?).ok()?)?;
                let continuum = match whole(a[3])? {
                    -1 => None,
                    shape => Some(*ContinuumShape::ALL.get(usize::try_from(shape).ok()?)?),
                };
                Some(Attractor {
                    at: [a[0], a[1]],
                    kind,
                    continuum,
                })
            })
            .collect::<Option<Vec<_>>>()?;
        let labels = packed[labels_from..]
            .iter()
            .map(|&v| i32::try_from(whole(v)?).ok())
            .collect::<Option<Vec<_>>>()?;
        Some(BasinsMap {
            grid,
            labels,
            attractors,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Four minima at (±1, ±1), four saddles and a maximum, mapped by Newton's method in a few steps a cell.
    const NINE_POINTS: &str =
        "v=1&expr=(x%5E2-1)%5E2%2B(y%5E2-1)%5E2&opt=newton&lr=0.05&steps=30&map=basins";

    #[test]
    fn a_basin_job_names_only_what_the_map_depends_on() {
        let scene = decode(NINE_POINTS).scene;
        let elsewhere = decode(&format!(
            "{NINE_POINTS}&pt=0.3,0.4&lang=zh&view=map&steps=12"
        ))
        .scene;
        assert_eq!(Job::basins_of(&elsewhere), Job::basins_of(&scene));
        let other_racer = decode(&NINE_POINTS.replace("opt=newton", "opt=gd")).scene;
        assert_ne!(Job::basins_of(&other_racer), Job::basins_of(&scene));
        let second_racer = decode(&NINE_POINTS.replace("opt=newton", "opt=newton,adam")).scene;
        assert_eq!(Job::basins_of(&second_racer), Job::basins_of(&scene));
    }

    #[test]
    fn escape_times_from_a_hair_off_the_line_favour_small_batches_with_the_extra_input() {
        // The lecture data, a hair off the line w₁ = −w₂ (the README's measurements: full batch 158 steps,
        // SGD's medians 66, 76 and 98 at B = 1, 4 and 16).
        let link = "v=1&preset=lecture-data&pt=0.6,-0.599&opt=gd,sgd&lr=0.1";
        let mut task = Task::start(&Job::escape_times_of(&decode(link).scene)).expect("a job");
        assert_eq!(task.advance(1), 1.0);
        assert!(task.is_finished());
        let table = unpack_escape_times(&task.result()).expect("a table");
        assert_eq!(table.full_batch, Some(158));
        let batches: Vec<usize> = table.sgd.iter().map(|(b, _)| *b).collect();
        assert_eq!(batches, [1, 4, 16, 64]);
        let medians: Vec<usize> = table.sgd.iter().filter_map(|(_, m)| *m).collect();
        assert_eq!(medians[..3], [66, 76, 98]);
        // The full batch of 64 is gradient descent.
        assert_eq!(medians[3], 158);
        // Not on a formula, nor on the sharp and flat minima.
        let formula = decode("v=1&preset=lecture&pt=0.6,-0.599").scene;
        assert!(Task::start(&Job::escape_times_of(&formula)).is_err());
    }

    #[test]
    fn a_job_survives_its_text() {
        let job = Job::Basins {
            link: NINE_POINTS.to_string(),
        };
        assert_eq!(Job::from_text(&job.to_text()), Some(job));
        let escape = Job::EscapeTimes {
            link: NINE_POINTS.to_string(),
        };
        assert_eq!(Job::from_text(&escape.to_text()), Some(escape));
        assert_eq!(Job::from_text("network\nanything"), None);
        assert_eq!(Job::from_text("basins"), None);
    }

    #[test]
    fn the_worker_maps_what_the_figure_maps() {
        let scene = decode(NINE_POINTS).scene;
        let mut task = Task::start(&Job::basins_of(&scene)).expect("a valid job");
        let mut fraction = 0.0;
        while !task.is_finished() {
            let now = task.advance(50_000);
            assert!(now >= fraction, "progress only grows");
            fraction = now;
        }
        assert_eq!(fraction, 1.0);
        let map = BasinsMap::unpack(&task.result()).expect("a packed map");
        let figure = crate::scene::figure_scene(&scene);
        let basins = figure.basins.expect("the figure maps basins too");
        assert_eq!(map, BasinsMap::of(&basins));
        let kinds: Vec<PointKind> = map.attractors.iter().map(|a| a.kind).collect();
        use PointKind::{LocalMaximum as Max, LocalMinimum as Min, Saddle};
        assert_eq!(
            kinds,
            [Min, Saddle, Min, Saddle, Max, Saddle, Min, Saddle, Min]
        );
    }

    #[test]
    fn packing_is_exact_and_unpacking_refuses_what_is_not_a_map() {
        let map = BasinsMap {
            grid: 2,
            labels: vec![0, -1, -2, 1],
            attractors: vec![
                Attractor {
                    at: [0.1, -1e-300],
                    kind: PointKind::Saddle,
                    continuum: None,
                },
                Attractor {
                    at: [1.0, 1.0],
                    kind: PointKind::Degenerate,
                    continuum: Some(ContinuumShape::Minima),
                },
            ],
        };
        let packed = map.pack();
        assert_eq!(BasinsMap::unpack(&packed), Some(map));
        assert_eq!(BasinsMap::unpack(&packed[..packed.len() - 1]), None);
        assert_eq!(BasinsMap::unpack(&[]), None);
        assert_eq!(BasinsMap::unpack(&[2.0, 0.0, 0.0, 0.0, 0.5, 0.0]), None);
        assert_eq!(
            BasinsMap::unpack(&[1.0, 1.0, 0.0, 0.0, 9.0, -1.0, 0.0]),
            None
        );
    }
}
