//! Long work the page hands to its Web Workers, so a frame never waits for it: a job as text, the task that
//! does it a unit at a time, and its reports as arrays of numbers (which cross to the page without copying
//! each value through JavaScript objects).
//!
//! A basin map's job is the scene's own share link: the worker reads it with the link codec and the scene
//! resolver, exactly as the page and `saddle render` do, so all three map the same thing. The network lab's
//! jobs carry the lab's part of the link likewise; its network stays in the worker between jobs
//! ([`LabSession`]), and the page only ever sees numbers ([`LabReport`]).
//!
//! [`WorkerCore`] is the whole worker apart from its clock and its messages: the wasm worker
//! (`saddle::worker`) feeds it the page's messages, calls [`WorkerCore::work`] until a chunk of time is
//! spent, and posts what [`WorkerCore::report`] returns.

mod basins;
mod bench;
mod escape;
mod experiment;
mod lab;
mod lab_view;
mod pack;
mod report;

pub use basins::BasinsMap;
pub use bench::{BenchKind, BenchTask};
pub use escape::{EscapeTable, EscapeTimesTask};
pub use experiment::{ExperimentShare, SWEEP_PARAMETERS, SWEEP_RUNS};
pub use lab::{LabActivity, LabSession, PROFILE_SAMPLES, SLICE_RESOLUTION};
pub use lab_view::{ExperimentResults, Jump, LabView, LossCurve, SizeSummary, CURVE_POINTS};
pub use report::{
    EscapeOutcome, ExperimentRun, LabReport, LabSetup, PlaneSlice, RunId, SliceSet, SolveOutcome,
    SolveProgress, TrainingProgress, TrainingState, PREDICTION_GRID,
};

use crate::optim::Basins;
use crate::scene::{basins_config, SceneSurface};
use crate::share::{decode, encode, LabSettings, Scene};

/// What the lab asks of its network, at the parameters θ the previous job left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabCommand {
    /// Train `Some(n)` steps, or until training stops by itself (`None`).
    Train(Option<usize>),
    /// The Hessian's spectrum and the second-order test at θ.
    Inspect,
    /// Newton-MR to the critical point nearby.
    Solve,
    /// The loss on the eigen and random planes through θ, and its profile along u_min.
    Slices,
    /// The lecture's step along u_min.
    Escape,
    /// Back to the last critical point a solve reached.
    Restore,
}

impl LabCommand {
    const NAMES: [(&'static str, LabCommand); 5] = [
        ("inspect", LabCommand::Inspect),
        ("solve", LabCommand::Solve),
        ("slices", LabCommand::Slices),
        ("escape", LabCommand::Escape),
        ("restore", LabCommand::Restore),
    ];
}

/// A piece of work for a worker.
#[derive(Debug, Clone, PartialEq)]
pub enum Job {
    /// The basin map of a scene (`map=basins`), given as its share-link fragment.
    Basins {
        /// The scene's share-link fragment, as [`Job::basins_of`] writes it.
        link: String,
    },
    /// How long full-batch descent and SGD take to leave the lecture's saddle from a scene's θ′ (a lecture
    /// data preset), given as its share-link fragment.
    EscapeTimes {
        /// The scene's share-link fragment, as [`Job::escape_times_of`] writes it.
        link: String,
    },
    /// A new network for the lab, as its settings' link pairs say.
    LabSetup {
        /// The lab's settings as link pairs ([`Job::lab_link`]).
        link: String,
    },
    /// New training knobs (method, η, β, batch) from the next step on; whatever runs goes on.
    LabConfigure {
        /// The lab's settings as link pairs ([`Job::lab_link`]); only the training knobs are taken.
        link: String,
    },
    /// A command to the lab's network; an error until a [`Job::LabSetup`] has made one.
    Lab(LabCommand),
    /// The runs `runs` of the lab's experiment, or of its sweep over sizes.
    Experiment {
        /// The lab's settings as link pairs ([`Job::lab_link`]).
        link: String,
        /// Indices of the runs this worker does (the page deals them over its workers).
        runs: Vec<usize>,
        /// Whether these are runs of the sweep over sizes rather than of the experiment at the lab's size.
        sweep: bool,
    },
    /// Stop whatever runs.
    Cancel,
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
        let measured = Scene {
            surface: scene.surface.clone(),
            point: scene.point,
            learning_rate: scene.learning_rate,
            ..Scene::default()
        };
        Job::EscapeTimes {
            link: encode(&measured),
        }
    }

    /// The lab's settings as a job's link: their own pairs of the share link.
    pub fn lab_link(settings: &LabSettings) -> String {
        settings.link_pairs().join("&")
    }

    /// The job as the text posted to the worker: its kind on the first line, then its input.
    pub fn to_text(&self) -> String {
        match self {
            Job::Basins { link } => format!("basins\n{link}"),
            Job::EscapeTimes { link } => format!("escape-times\n{link}"),
            Job::LabSetup { link } => format!("lab-setup\n{link}"),
            Job::LabConfigure { link } => format!("lab-configure\n{link}"),
            Job::Lab(LabCommand::Train(steps)) => match steps {
                Some(n) => format!("lab-train\n{n}"),
                None => "lab-train\nplay".into(),
            },
            Job::Lab(command) => {
                let name = LabCommand::NAMES
                    .iter()
                    .find(|(_, c)| c == command)
                    .map_or("", |(name, _)| name);
                format!("lab-{name}\n")
            }
            Job::Experiment { link, runs, sweep } => {
                let runs: Vec<String> = runs.iter().map(usize::to_string).collect();
                let kind = if *sweep { "sweep" } else { "experiment" };
                format!("{kind}\n{link}\n{}", runs.join(","))
            }
            Job::Cancel => "cancel\n".into(),
        }
    }

    /// Reads [`Job::to_text`]'s text; `None` for anything else.
    pub fn from_text(text: &str) -> Option<Job> {
        let (kind, input) = text.split_once('\n')?;
        let link = || input.to_string();
        match kind {
            "basins" => Some(Job::Basins { link: link() }),
            "escape-times" => Some(Job::EscapeTimes { link: link() }),
            "lab-setup" => Some(Job::LabSetup { link: link() }),
            "lab-configure" => Some(Job::LabConfigure { link: link() }),
            "lab-train" => match input {
                "play" => Some(Job::Lab(LabCommand::Train(None))),
                n => n.parse().ok().map(|n| Job::Lab(LabCommand::Train(Some(n)))),
            },
            "experiment" | "sweep" => {
                let (link, runs) = input.split_once('\n')?;
                let runs = if runs.is_empty() {
                    Vec::new()
                } else {
                    runs.split(',')
                        .map(|r| r.parse().ok())
                        .collect::<Option<_>>()?
                };
                Some(Job::Experiment {
                    link: link.to_string(),
                    runs,
                    sweep: kind == "sweep",
                })
            }
            "cancel" => Some(Job::Cancel),
            _ => {
                let name = kind.strip_prefix("lab-")?;
                let (_, command) = LabCommand::NAMES.iter().find(|(n, _)| *n == name)?;
                Some(Job::Lab(*command))
            }
        }
    }
}

/// The lab's settings in a job's link, or why there are none.
fn lab_settings(link: &str) -> Result<LabSettings, String> {
    decode(link)
        .scene
        .lab
        .ok_or_else(|| "the job names no lab settings".to_string())
}

/// A job under way, a unit at a time.
pub enum Task {
    /// A basin map under way.
    Basins {
        /// The scene's surface, whose loss the map's runs descend.
        surface: Box<SceneSurface>,
        /// The map's runs and attractor search, resumable.
        basins: Box<Basins>,
    },
    /// Escape times, measured all at once on the first unit.
    EscapeTimes(EscapeTimesTask),
    /// A long job of the lab's network (training, a solve, slices).
    Lab(LabActivity),
    /// This worker's share of an experiment or sweep.
    Experiment(ExperimentShare),
}

/// Work units of a basin map per [`WorkerCore::work`] call (a unit is about one exact 2×2 Hessian).
const BASINS_UNITS: usize = 2000;

/// What a worker posts to the page about job `job`.
#[derive(Debug, Clone, PartialEq)]
pub enum Outgoing {
    /// The fraction of the job done.
    Progress {
        /// The job's number, as the page gave it to [`WorkerCore::receive`].
        job: u32,
        /// From 0 to 1; training, which has no known end, stays at 0.
        fraction: f64,
    },
    /// Part of the result, the job going on (training's losses, an experiment's finished run).
    Partial {
        /// The job's number, as the page gave it to [`WorkerCore::receive`].
        job: u32,
        /// A packed [`LabReport`].
        packed: Vec<f64>,
    },
    /// The job is done: its result.
    Result {
        /// The job's number, as the page gave it to [`WorkerCore::receive`].
        job: u32,
        /// A packed [`BasinsMap`], [`EscapeTable`] or [`LabReport`]; empty when an experiment share ends.
        packed: Vec<f64>,
    },
    /// The job could not be done.
    Error {
        /// The job's number, as the page gave it to [`WorkerCore::receive`].
        job: u32,
        /// What went wrong, for the page to show.
        message: String,
    },
}

/// A worker's state: the job under way and, once set up, the lab's network.
#[derive(Default)]
pub struct WorkerCore {
    current: Option<(u32, Task)>,
    session: Option<LabSession>,
}

impl WorkerCore {
    /// Takes the page's message `text` for job number `job`. A job that works a while replaces the one
    /// under way (training that is stopped so sends its last report); what is done at once answers here.
    pub fn receive(&mut self, job: u32, text: &str) -> Vec<Outgoing> {
        let Some(parsed) = Job::from_text(text) else {
            return vec![error(job, "the page sent a job this worker does not know")];
        };
        if let Job::LabConfigure { link } = &parsed {
            let configured = match (&mut self.session, lab_settings(link)) {
                (Some(session), Ok(settings)) => session.configure(&settings),
                (None, _) => Err(NO_LAB.into()),
                (_, Err(message)) => Err(message),
            };
            return configured
                .err()
                .map(|m| error(job, &m))
                .into_iter()
                .collect();
        }
        let mut out = self.stop();
        match self.start(job, parsed) {
            Ok(Some(report)) => out.push(Outgoing::Result {
                job,
                packed: report.pack(),
            }),
            Ok(None) => {}
            Err(message) => out.push(error(job, &message)),
        }
        out
    }

    /// Sets `parsed` going, or does it at once and returns its report.
    fn start(&mut self, job: u32, parsed: Job) -> Result<Option<LabReport>, String> {
        let task = match parsed {
            Job::Basins { link } => {
                let scene = decode(&link).scene;
                let surface = SceneSurface::of(scene.surface.clone());
                let bounds = scene.bounds.unwrap_or(surface.home);
                let basins = Basins::new(basins_config(&scene, bounds))?;
                Task::Basins {
                    surface: Box::new(surface),
                    basins: Box::new(basins),
                }
            }
            Job::EscapeTimes { link } => {
                Task::EscapeTimes(EscapeTimesTask::new(&decode(&link).scene)?)
            }
            Job::LabSetup { link } => {
                let session = LabSession::new(lab_settings(&link)?)?;
                let setup = LabReport::Setup(session.setup());
                self.session = Some(session);
                return Ok(Some(setup));
            }
            Job::Experiment { link, runs, sweep } => {
                let settings = lab_settings(&link)?;
                Task::Experiment(if sweep {
                    ExperimentShare::sweep(&settings, &runs)?
                } else {
                    ExperimentShare::experiment(&settings, &runs)?
                })
            }
            Job::Lab(command) => {
                let session = self.session.as_mut().ok_or(NO_LAB)?;
                Task::Lab(match command {
                    LabCommand::Train(steps) => session.train(steps),
                    LabCommand::Solve => session.solve(),
                    LabCommand::Slices => session.slices()?,
                    LabCommand::Inspect => return Ok(Some(session.inspect())),
                    LabCommand::Escape => return session.escape().map(Some),
                    LabCommand::Restore => return session.restore().map(Some),
                })
            }
            Job::Cancel | Job::LabConfigure { .. } => return Ok(None),
        };
        self.current = Some((job, task));
        Ok(None)
    }

    /// Ends the job under way; training sends its last report (as paused).
    fn stop(&mut self) -> Vec<Outgoing> {
        match (self.current.take(), &self.session) {
            (Some((job, Task::Lab(mut activity))), Some(session)) => activity
                .outcome(session)
                .filter(|_| matches!(activity, LabActivity::Train(_)))
                .map(|report| Outgoing::Result {
                    job,
                    packed: report.pack(),
                })
                .into_iter()
                .collect(),
            _ => Vec::new(),
        }
    }

    /// Whether a job is under way (it may be done and wait for [`WorkerCore::report`] to send its result).
    pub fn is_busy(&self) -> bool {
        self.current.is_some()
    }

    /// Whether the job under way has work left: a chunk works while this holds, then reports.
    pub fn has_work(&self) -> bool {
        match &self.current {
            None => false,
            Some((_, Task::Basins { basins, .. })) => !basins.is_finished(),
            Some((_, Task::EscapeTimes(task))) => !task.is_finished(),
            Some((_, Task::Lab(activity))) => !activity.is_finished(),
            Some((_, Task::Experiment(share))) => !share.is_finished(),
        }
    }

    /// One small unit of the job under way (nothing when it is done).
    pub fn work(&mut self) {
        let Some((_, task)) = self.current.as_mut() else {
            return;
        };
        match task {
            Task::Basins { surface, basins } => {
                basins.advance(&surface.loss, BASINS_UNITS);
            }
            Task::EscapeTimes(task) => task.work(),
            Task::Lab(activity) => {
                if let Some(session) = self.session.as_mut() {
                    activity.work(session);
                }
            }
            Task::Experiment(share) => share.work(),
        }
    }

    /// What to post after a chunk of work: the job's progress and partial results, or its result once it
    /// is done (the job then ends).
    pub fn report(&mut self) -> Vec<Outgoing> {
        let Some((job, task)) = self.current.as_mut() else {
            return Vec::new();
        };
        let job = *job;
        let (finished, fraction, mut partials, result) = match task {
            Task::Basins { basins, .. } => {
                let finished = basins.is_finished();
                let fraction = basins.progress().fraction;
                let result = finished.then(|| BasinsMap::of(basins).pack());
                (finished, fraction, Vec::new(), result)
            }
            Task::EscapeTimes(task) => {
                let finished = task.is_finished();
                let fraction = if finished { 1.0 } else { 0.0 };
                (
                    finished,
                    fraction,
                    Vec::new(),
                    finished.then(|| task.result()),
                )
            }
            Task::Lab(activity) => {
                let Some(session) = self.session.as_ref() else {
                    self.current = None;
                    return vec![error(job, NO_LAB)];
                };
                let finished = activity.is_finished();
                let fraction = activity.fraction();
                if finished {
                    let result = activity.outcome(session).map(|r| r.pack());
                    (true, fraction, Vec::new(), result)
                } else {
                    let partial = activity.interim(session).map(|r| r.pack());
                    (false, fraction, partial.into_iter().collect(), None)
                }
            }
            Task::Experiment(share) => {
                let partials = share.new_runs().iter().map(LabReport::pack).collect();
                let finished = share.is_finished();
                (
                    finished,
                    share.fraction(),
                    partials,
                    finished.then(Vec::new),
                )
            }
        };
        let mut out: Vec<Outgoing> = partials
            .drain(..)
            .map(|packed| Outgoing::Partial { job, packed })
            .collect();
        if finished {
            self.current = None;
            out.push(Outgoing::Result {
                job,
                packed: result.unwrap_or_default(),
            });
        } else {
            out.push(Outgoing::Progress { job, fraction });
        }
        out
    }
}

const NO_LAB: &str = "the lab has no network yet";

fn error(job: u32, message: &str) -> Outgoing {
    Outgoing::Error {
        job,
        message: message.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Attractor, ContinuumShape, PointKind};

    /// Four minima at (±1, ±1), four saddles and a maximum, mapped by Newton's method in a few steps a cell.
    const NINE_POINTS: &str =
        "v=1&expr=(x%5E2-1)%5E2%2B(y%5E2-1)%5E2&opt=newton&lr=0.05&steps=30&map=basins";

    #[test]
    fn a_basin_job_names_only_what_the_map_depends_on() {
        let scene = decode(NINE_POINTS).scene;
        let elsewhere = decode(&format!(
            "{NINE_POINTS}&pt=0.3,0.4&lang=zh&view=map&steps=12&lab=network"
        ))
        .scene;
        assert_eq!(Job::basins_of(&elsewhere), Job::basins_of(&scene));
        let other_racer = decode(&NINE_POINTS.replace("opt=newton", "opt=gd")).scene;
        assert_ne!(Job::basins_of(&other_racer), Job::basins_of(&scene));
        let second_racer = decode(&NINE_POINTS.replace("opt=newton", "opt=newton,adam")).scene;
        assert_eq!(Job::basins_of(&second_racer), Job::basins_of(&scene));
    }

    #[test]
    fn every_job_survives_its_text() {
        let link = Job::lab_link(&LabSettings::default());
        assert_eq!(link, "lab=network");
        let jobs = [
            Job::Basins {
                link: NINE_POINTS.to_string(),
            },
            Job::EscapeTimes {
                link: NINE_POINTS.to_string(),
            },
            Job::LabSetup { link: link.clone() },
            Job::LabConfigure { link: link.clone() },
            Job::Lab(LabCommand::Train(None)),
            Job::Lab(LabCommand::Train(Some(7))),
            Job::Lab(LabCommand::Inspect),
            Job::Lab(LabCommand::Solve),
            Job::Lab(LabCommand::Slices),
            Job::Lab(LabCommand::Escape),
            Job::Lab(LabCommand::Restore),
            Job::Experiment {
                link: link.clone(),
                runs: vec![0, 3, 6],
                sweep: false,
            },
            Job::Experiment {
                link,
                runs: Vec::new(),
                sweep: true,
            },
            Job::Cancel,
        ];
        for job in jobs {
            assert_eq!(Job::from_text(&job.to_text()), Some(job));
        }
        for text in [
            "network\nanything",
            "basins",
            "lab-train\nfast",
            "lab-fly\n",
            "sweep\nlab=network\n1,x",
        ] {
            assert_eq!(Job::from_text(text), None, "{text}");
        }
    }

    /// Works until the job under way ends; every report in order.
    fn finish(worker: &mut WorkerCore) -> Vec<Outgoing> {
        let mut out = Vec::new();
        while worker.is_busy() {
            worker.work();
            out.extend(worker.report());
        }
        out
    }

    #[test]
    fn the_worker_maps_what_the_figure_maps() {
        let scene = decode(NINE_POINTS).scene;
        let mut worker = WorkerCore::default();
        assert!(worker
            .receive(4, &Job::basins_of(&scene).to_text())
            .is_empty());
        let out = finish(&mut worker);
        let mut fraction = 0.0;
        for message in &out[..out.len() - 1] {
            let Outgoing::Progress {
                job: 4,
                fraction: now,
            } = message
            else {
                panic!("{message:?}");
            };
            assert!(*now >= fraction, "progress only grows");
            fraction = *now;
        }
        let Some(Outgoing::Result { job: 4, packed }) = out.last() else {
            panic!("a result last");
        };
        let map = BasinsMap::unpack(packed).expect("a packed map");
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
    fn escape_times_from_a_hair_off_the_line_favour_small_batches_with_the_extra_input() {
        // The lecture data, a hair off the line w₁ = −w₂ (the README's measurements: full batch 158 steps,
        // SGD's medians 66, 76 and 98 at B = 1, 4 and 16).
        let link = "v=1&preset=lecture-data&pt=0.6,-0.599&opt=gd,sgd&lr=0.1";
        let mut worker = WorkerCore::default();
        let job = Job::escape_times_of(&decode(link).scene);
        assert!(worker.receive(2, &job.to_text()).is_empty());
        let out = finish(&mut worker);
        let [Outgoing::Result { job: 2, packed }] = out.as_slice() else {
            panic!("one result at once: {out:?}");
        };
        let table = EscapeTable::unpack(packed).expect("a table");
        assert_eq!(table.pack(), *packed, "packing is exact");
        assert_eq!(table.full_batch, Some(158));
        let batches: Vec<usize> = table.sgd.iter().map(|(b, _)| *b).collect();
        assert_eq!(batches, [1, 4, 16, 64]);
        let medians: Vec<usize> = table.sgd.iter().filter_map(|(_, m)| *m).collect();
        assert_eq!(medians[..3], [66, 76, 98]);
        // The full batch of 64 is gradient descent.
        assert_eq!(medians[3], 158);
        // Not on a formula, nor on the sharp and flat minima.
        let formula = decode("v=1&preset=lecture&pt=0.6,-0.599").scene;
        let out = worker.receive(3, &Job::escape_times_of(&formula).to_text());
        assert!(
            matches!(out.as_slice(), [Outgoing::Error { job: 3, .. }]),
            "{out:?}"
        );
        assert_eq!(EscapeTable::unpack(&[1.0, 4.0]), None);
    }

    fn report(packed: &[f64]) -> LabReport {
        let report = LabReport::unpack(packed).expect("a lab report");
        assert_eq!(report.pack(), packed, "packing is exact");
        report
    }

    #[test]
    fn the_lab_answers_the_page_job_by_job() {
        let mut worker = WorkerCore::default();
        let lab = "lab=network&task=sine&hidden=3";
        assert!(matches!(
            worker.receive(1, "lab-inspect\n").as_slice(),
            [Outgoing::Error { job: 1, .. }]
        ));
        let out = worker.receive(2, &format!("lab-setup\n{lab}"));
        let [Outgoing::Result { job: 2, packed }] = out.as_slice() else {
            panic!("{out:?}");
        };
        let LabReport::Setup(setup) = report(packed) else {
            panic!("a setup");
        };
        assert_eq!((setup.parameter_count, setup.inputs), (10, 1));

        // A finished job waits for its report, however long the chunk goes on.
        assert!(worker.receive(9, "lab-train\n5").is_empty());
        while worker.has_work() {
            worker.work();
        }
        worker.work();
        worker.work();
        let out = worker.report();
        let [Outgoing::Result { job: 9, packed }] = out.as_slice() else {
            panic!("{out:?}");
        };
        let LabReport::Training(five) = report(packed) else {
            panic!("training");
        };
        assert_eq!((five.losses.len(), five.step), (5, 5));

        // Training streams its losses; a newer job stops it, and it sends its last report first.
        assert!(worker.receive(3, "lab-train\nplay").is_empty());
        for _ in 0..30 {
            worker.work();
        }
        let out = worker.receive(
            4,
            "lab-configure\nlab=network&task=sine&hidden=3&lab-lr=0.01",
        );
        assert!(
            out.is_empty() && worker.is_busy(),
            "new knobs do not stop training"
        );
        let streamed = worker.report();
        let [Outgoing::Partial { job: 3, packed }, Outgoing::Progress { job: 3, .. }] =
            streamed.as_slice()
        else {
            panic!("{streamed:?}");
        };
        let LabReport::Training(progress) = report(packed) else {
            panic!("training");
        };
        assert_eq!((progress.first_step, progress.losses.len()), (5, 30));
        worker.work();
        let out = worker.receive(5, "lab-inspect\n");
        let [Outgoing::Result {
            job: 3,
            packed: last,
        }, Outgoing::Result {
            job: 5,
            packed: inspected,
        }] = out.as_slice()
        else {
            panic!("{out:?}");
        };
        let LabReport::Training(last) = report(last) else {
            panic!("training");
        };
        assert_eq!((last.first_step, last.step), (35, 36));
        assert_eq!(last.state, TrainingState::Paused);
        let LabReport::Inspected(inspection) = report(inspected) else {
            panic!("an inspection");
        };
        assert_eq!(inspection.eigenvalues.len(), 10);
        assert!((inspection.loss - last.loss).abs() < 1e-15);
        assert!(!worker.is_busy());

        // A solve reports its iterations, then where it ended.
        worker.receive(6, "lab-solve\n");
        let out = finish(&mut worker);
        let Some(Outgoing::Result { job: 6, packed }) = out.last() else {
            panic!("{out:?}");
        };
        let LabReport::Solved(solved) = report(packed) else {
            panic!("a solve");
        };
        assert!(out[..out.len() - 1].iter().all(|m| matches!(
            m,
            Outgoing::Partial { job: 6, .. } | Outgoing::Progress { job: 6, .. }
        )));
        assert!(!solved.gradient_norms.is_empty());
        assert_eq!(solved.start_loss, inspection.loss);

        // Cancel stops an experiment share between units.
        worker.receive(
            7,
            &Job::Experiment {
                link: lab.to_string(),
                runs: vec![0, 1],
                sweep: false,
            }
            .to_text(),
        );
        worker.work();
        assert!(worker.receive(8, "cancel\n").is_empty());
        assert!(!worker.is_busy() && worker.report().is_empty());
    }

    #[test]
    fn an_experiment_share_sends_each_run_then_ends() {
        let mut worker = WorkerCore::default();
        let job = Job::Experiment {
            link: "lab=network&task=sine&hidden=2&lab-runs=3".into(),
            runs: vec![2, 0],
            sweep: false,
        };
        assert!(worker.receive(9, &job.to_text()).is_empty());
        let out = finish(&mut worker);
        let runs: Vec<usize> = out
            .iter()
            .filter_map(|m| match m {
                Outgoing::Partial { job: 9, packed } => match report(packed) {
                    LabReport::Run(run) => Some(run.run),
                    other => panic!("{other:?}"),
                },
                _ => None,
            })
            .collect();
        assert_eq!(runs, [2, 0]);
        assert_eq!(
            out.last(),
            Some(&Outgoing::Result {
                job: 9,
                packed: Vec::new()
            })
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
