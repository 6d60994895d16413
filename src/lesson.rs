//! The guided lesson: the lecture's argument in seven scenes, each a share link plus what a link cannot say.
//!
//! Steps are data; their words live in `i18n` (`Strings::lesson`, one function per language), so a new
//! language translates them in its own file and a missing step there is a compile error.

/// The steps, in the lecture's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StepId {
    /// Training stalls with ∇L ≈ 0: local minimum or saddle?
    Stalled,
    /// At a critical point the Taylor expansion keeps only the Hessian term.
    Taylor,
    /// The eigenvalue test: minimum, maximum, saddle.
    EigenvalueTest,
    /// (1 − w₁w₂)²: a saddle at the origin with λ = ±2, escape along u = (1, 1).
    LectureNetwork,
    /// Nobody computes H in practice: momentum rolls through.
    Momentum,
    /// Noisy mini-batch gradients do not stay at critical points.
    SmallBatches,
    /// In high dimension saddles outnumber minima.
    HighDimension,
}

/// What the page should switch on for a step, beyond the scene its link describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PageSetup {
    /// Draw the second-order Taylor model around θ′.
    pub taylor_overlay: bool,
    /// Colour the map by curvature class instead of by L.
    pub curvature_map: bool,
    /// Start the race as soon as the step opens.
    pub play_race: bool,
    /// What the step's text points at, brought into view (and marked) when the step opens.
    pub show: Option<Spot>,
}

/// A part of the page a step's text talks about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spot {
    /// The race's table: each run's step, L and ‖∇L‖.
    RaceTable,
    /// "Escape along u" under the point's verdict.
    EscapeButton,
    /// The minimum-ratio experiment, opened.
    MinRatioPanel,
}

impl PageSetup {
    /// Nothing switched on: each step names only what it turns on.
    pub const PLAIN: PageSetup = PageSetup {
        taylor_overlay: false,
        curvature_map: false,
        play_race: false,
        show: None,
    };
}

/// One scene of the lesson.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LessonStep {
    pub id: StepId,
    /// A share-link fragment (no `#`), in the codec's canonical form: `share::encode` writes it back unchanged.
    pub link: &'static str,
    /// A second scene the text contrasts with, if any.
    pub compare: Option<&'static str>,
    pub page: PageSetup,
}

impl StepId {
    /// Stable kebab-case name, e.g. for `#lesson=taylor` or a CSS class.
    pub fn slug(self) -> &'static str {
        match self {
            StepId::Stalled => "stalled",
            StepId::Taylor => "taylor",
            StepId::EigenvalueTest => "eigenvalue-test",
            StepId::LectureNetwork => "lecture-network",
            StepId::Momentum => "momentum",
            StepId::SmallBatches => "small-batches",
            StepId::HighDimension => "high-dimension",
        }
    }
}

/// The step whose slug is `slug`, with its 0-based position.
pub fn step_by_slug(slug: &str) -> Option<(usize, &'static LessonStep)> {
    STEPS
        .iter()
        .enumerate()
        .find(|(_, step)| step.id.slug() == slug)
}

/// The lesson. Starts, rates and step counts are checked by tests/lesson.rs against real runs.
pub const STEPS: [LessonStep; 7] = [
    LessonStep {
        id: StepId::Stalled,
        // Started on the saddle's stable line w₁ = −w₂, gradient descent slides straight into the origin:
        // after 60 steps ‖∇L‖ ≈ 10⁻⁶ and L ≈ 1. Nothing in the loss curve says why.
        // The race table shows where it stands: step 60, L and ‖∇L‖.
        link: "v=1&preset=lecture&pt=0.6,-0.6&opt=gd&lr=0.1&beta=0.9&steps=60",
        compare: None,
        page: PageSetup {
            show: Some(Spot::RaceTable),
            ..PageSetup::PLAIN
        },
    },
    LessonStep {
        id: StepId::Taylor,
        link: "v=1&preset=lecture&pt=0,0&opt=gd&lr=0.1&beta=0.9",
        compare: None,
        page: PageSetup {
            taylor_overlay: true,
            ..PageSetup::PLAIN
        },
    },
    LessonStep {
        id: StepId::EigenvalueTest,
        link: "v=1&preset=saddle&pt=0,0&opt=gd&lr=0.1&beta=0.9",
        compare: Some("v=1&preset=bowl&pt=0,0&opt=gd&lr=0.1&beta=0.9"),
        page: PageSetup {
            taylor_overlay: true,
            curvature_map: true,
            ..PageSetup::PLAIN
        },
    },
    LessonStep {
        id: StepId::LectureNetwork,
        link: "v=1&preset=lecture&pt=0,0&opt=gd,eigen-escape&lr=0.1&beta=0.9",
        compare: None,
        page: PageSetup {
            taylor_overlay: true,
            curvature_map: true,
            show: Some(Spot::EscapeButton),
            ..PageSetup::PLAIN
        },
    },
    LessonStep {
        id: StepId::Momentum,
        // Just off the stable line: after 60 steps gradient descent still hovers by the saddle (L ≈ 1.04)
        // while momentum has coasted past it into the valley (L ≈ 0.05).
        link: "v=1&preset=lecture&pt=0.6,-0.58&opt=gd,momentum&lr=0.01&beta=0.9",
        compare: None,
        page: PageSetup {
            play_race: true,
            show: Some(Spot::RaceTable),
            ..PageSetup::PLAIN
        },
    },
    LessonStep {
        id: StepId::SmallBatches,
        // The dataset's own start on the stable line: full-batch descent stalls at the saddle, SGD with
        // batches of 4 leaves it within a few hundred steps.
        link: "v=1&preset=lecture-data&pt=0.6,-0.6&opt=gd,sgd&lr=0.1&beta=0.9&batch=4&seed=2",
        compare: None,
        page: PageSetup {
            play_race: true,
            show: Some(Spot::RaceTable),
            ..PageSetup::PLAIN
        },
    },
    LessonStep {
        id: StepId::HighDimension,
        // Himmelblau's four minima and four saddles on the curvature map, then the experiment in many dimensions.
        link: "v=1&preset=himmelblau&opt=gd,momentum&lr=0.01&beta=0.9",
        compare: None,
        page: PageSetup {
            curvature_map: true,
            show: Some(Spot::MinRatioPanel),
            ..PageSetup::PLAIN
        },
    },
];
