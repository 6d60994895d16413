//! Share links for the fair demonstrations (momentum against gradient descent at its own and at momentum's
//! step; small batches with and without the distractor; sharp against flat minima), each opened as the page
//! opens it and its claim checked on the races it replays.

use saddle::data::{dataset_preset, TrainingLoss};
use saddle::optim::{steps_below, OptimizerKind, Run, RunStatus};
use saddle::presets::preset;
use saddle::share::{decode, encode, Scene};
use saddle::surface::{LossSurface, Point};

/// The narrow valley at η = 0.09, just under gradient descent's cap 2/20.
const VALLEY: &str =
    "v=1&preset=narrow-valley&pt=-9,1.5&opt=gd,momentum,gd-matched&lr=0.09&beta=0.9";
/// The small bump at η = 0.03: momentum's sum of past gradients rolls over it.
const BUMP: &str = "v=1&preset=small-bump&pt=3,0.5&opt=gd,momentum,gd-matched&lr=0.03&beta=0.9";
/// The lecture's surface from its preset's start at η = 0.01, with gradient descent at momentum's step added.
const LECTURE_MOMENTUM: &str =
    "v=1&preset=lecture&pt=0.6,-0.58&opt=gd,momentum,gd-matched&lr=0.01&beta=0.9";
/// A hair off the knife-edge w₁ = −w₂, with and without the distractor input.
const DATA_HAIR_OFF: &str =
    "v=1&preset=lecture-data&pt=0.6,-0.599&opt=gd,sgd&lr=0.1&beta=0.9&batch=4&seed=3";
const PLAIN_DATA_HAIR_OFF: &str =
    "v=1&preset=lecture-data-plain&pt=0.6,-0.599&opt=gd,sgd&lr=0.1&beta=0.9&batch=4&seed=3";
/// On the knife-edge without the distractor: neither leaves.
const PLAIN_DATA_ON_THE_LINE: &str =
    "v=1&preset=lecture-data-plain&pt=0.6,-0.6&opt=gd,sgd&lr=0.1&beta=0.9&batch=4&seed=3";
/// Sharp against flat: batches of 2, and of 16.
const SHARP_FLAT_SMALL: &str =
    "v=1&preset=sharp-and-flat&pt=-0.9,-0.1&opt=gd,sgd&lr=0.045&beta=0.9&batch=2&seed=3";
const SHARP_FLAT_LARGE: &str =
    "v=1&preset=sharp-and-flat&pt=-0.9,-0.1&opt=gd,sgd&lr=0.045&beta=0.9&batch=16&seed=3";

const LINKS: [&str; 8] = [
    VALLEY,
    BUMP,
    LECTURE_MOMENTUM,
    DATA_HAIR_OFF,
    PLAIN_DATA_HAIR_OFF,
    PLAIN_DATA_ON_THE_LINE,
    SHARP_FLAT_SMALL,
    SHARP_FLAT_LARGE,
];

fn scene(link: &str) -> Scene {
    let decoded = decode(link);
    assert!(decoded.notices.is_empty(), "{link}: {:?}", decoded.notices);
    decoded.scene
}

fn name(scene: &Scene) -> &str {
    match scene.surface.link_pair() {
        ("preset", name) => name,
        _ => panic!("these links name presets"),
    }
}

/// Every optimizer of the link, run `steps` steps (or until it finishes) from the link's point.
fn races<S: LossSurface + ?Sized>(surface: &S, scene: &Scene, steps: usize) -> Vec<Run> {
    scene
        .optimizers
        .iter()
        .map(|&kind| {
            let mut run = Run::new(kind, scene.hyperparameters(), scene.point.unwrap());
            run.run(surface, steps);
            run
        })
        .collect()
}

fn formula_races(link: &str, steps: usize) -> (saddle::formula::Formula, Vec<Run>) {
    let scene = scene(link);
    let surface = preset(name(&scene)).unwrap().formula();
    let runs = races(&surface, &scene, steps);
    (surface, runs)
}

fn data(link: &str) -> (Scene, TrainingLoss) {
    let scene = scene(link);
    let loss = dataset_preset(name(&scene)).unwrap().surface();
    (scene, loss)
}

fn distance(a: Point, b: Point) -> f64 {
    (a[0] - b[0]).hypot(a[1] - b[1])
}

#[test]
fn every_link_opens_cleanly_and_is_written_canonically() {
    for link in LINKS {
        assert_eq!(encode(&scene(link)), link);
    }
}

#[test]
fn in_the_narrow_valley_momentum_wins_for_its_own_reason() {
    let (_, runs) = formula_races(VALLEY, 3000);
    let [plain, momentum, matched] = [&runs[0], &runs[1], &runs[2]];
    let below = |run: &Run| run.losses().iter().position(|&l| l < 1e-3);
    assert_eq!(below(plain), Some(460));
    assert_eq!(below(momentum), Some(92));
    assert_eq!(matched.status(), RunStatus::Diverged);
    assert!(matched.steps() <= 5);
}

#[test]
fn over_the_small_bump_only_momentum_reaches_the_deeper_minimum() {
    let (surface, runs) = formula_races(BUMP, 3000);
    let ends: Vec<Point> = runs.iter().map(Run::position).collect();
    assert!(runs.iter().all(|run| run.status() == RunStatus::Converged));
    assert!(distance(ends[0], [1.4842, 0.0]) < 1e-3, "{:?}", ends[0]);
    assert!(distance(ends[2], [1.4842, 0.0]) < 1e-3, "{:?}", ends[2]);
    assert!(distance(ends[1], [-0.0061, 0.0]) < 1e-3, "{:?}", ends[1]);
    let loss = |at: Point| LossSurface::value(&surface, at);
    assert!(loss(ends[1]) < 0.001 && loss(ends[0]) > 0.5);
}

#[test]
fn on_the_lectures_surface_the_default_race_mostly_shows_the_longer_step() {
    // At η = 0.01 gradient descent needs 244 steps to L < 0.1, momentum 47 — and gradient descent at
    // momentum's step 0.1 only 26: here momentum's lead is its longer step.
    let (_, runs) = formula_races(LECTURE_MOMENTUM, 2000);
    let below = |run: &Run| run.losses().iter().position(|&l| l < 0.1);
    let [plain, momentum, matched] = [&runs[0], &runs[1], &runs[2]].map(below);
    assert_eq!((plain, momentum, matched), (Some(244), Some(47), Some(26)));
}

#[test]
fn a_hair_off_the_line_both_leave_and_the_distractor_decides_whether_noise_helps() {
    for (link, descent, sgd) in [(DATA_HAIR_OFF, 158, 66), (PLAIN_DATA_HAIR_OFF, 130, 130)] {
        let (scene, loss) = data(link);
        let level = 0.5 * loss.value([0.0, 0.0]);
        let start = scene.point.unwrap();
        let steps = |kind| steps_below(&loss, kind, scene.hyperparameters(), start, level, 3000);
        assert_eq!(steps(OptimizerKind::Gd), Some(descent), "{link}");
        assert_eq!(steps(OptimizerKind::Sgd), Some(sgd), "{link}");
    }
    let (scene, loss) = data(PLAIN_DATA_ON_THE_LINE);
    for run in races(&loss, &scene, 3000) {
        assert_eq!(run.status(), RunStatus::StalledAtSaddle, "{:?}", run.kind());
        assert!(distance(run.position(), [0.0, 0.0]) < 1e-5);
    }
}

#[test]
fn small_batches_settle_in_the_flat_minimum_and_large_ones_in_the_sharp_one() {
    let (sharp, flat) = ([-1.0085, -0.0161], [0.9598, 0.0007]);
    let (scene, loss) = data(SHARP_FLAT_SMALL);
    let runs = races(&loss, &scene, 300);
    assert_eq!(runs[0].status(), RunStatus::Converged);
    assert!(distance(runs[0].position(), sharp) < 1e-3);
    let arrived = runs[1]
        .trajectory()
        .iter()
        .position(|p| distance(*p, flat) < 0.3);
    assert_eq!(arrived, Some(70));
    let (scene, loss) = data(SHARP_FLAT_LARGE);
    let large = &races(&loss, &scene, 300)[1];
    assert!(large.trajectory().iter().all(|p| distance(*p, flat) > 1.0));
    assert!(distance(large.position(), sharp) < 0.5);
}

#[test]
fn the_presets_words_carry_the_checked_numbers_in_both_languages() {
    use saddle::i18n::strings;
    use saddle::i18n::Language;
    let facts: [(&str, &[&str]); 5] = [
        ("narrow-valley", &["2/20 = 0.1", "2(1 + β)/20", "η/(1−β)"]),
        (
            "small-bump",
            &["1.48", "0.52", "1.05", "η = 0.03", "β = 0.9", "η/(1−β)"],
        ),
        (
            "lecture-data",
            &["κ·(w1 + w2)·z", "u = (1, 1)", "±0.9", "w1 = −w2"],
        ),
        (
            "lecture-data-plain",
            &["ŷ = w1·w2·x", "w1·w2 ≈ 0.95", "w1 = −w2", "u = (1, 1)"],
        ),
        (
            "sharp-and-flat",
            &[
                "128",
                "δ = (0.2, 0)",
                "29",
                "36",
                "0.007",
                "0.108",
                "2.5",
                "2.6",
                "0.53",
                "0.16",
                "η = 0.045",
                "16",
            ],
        ),
    ];
    for language in Language::ALL {
        let words = strings(language);
        for (name, numbers) in facts {
            let text = words.preset(name).expect("every preset has words");
            for number in numbers {
                assert!(
                    text.description.contains(number),
                    "{name} ({language:?}) does not say {number}: {}",
                    text.description
                );
            }
        }
        // The data's saddle is not the lecture's own (its eigenvalues are −0.47 and 0.56, not ±2).
        let data = words.preset("lecture-data").unwrap().description;
        assert!(!data.contains("lecture's saddle") && !data.contains("讲义中的鞍点"));
    }
}
