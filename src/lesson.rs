//! The guided lesson: the lecture's argument in nine scenes, each a share link plus what a link cannot say.
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
    /// Training never forms H; momentum, raced fairly, where a steep valley caps gradient descent's step.
    Momentum,
    /// Momentum as a sum of past gradients rolls over a small bump where the gradient vanishes.
    PastGradients,
    /// Adam's per-coordinate step: an indirect escape from a plateau or a saddle where gradients are tiny.
    Adam,
    /// Mini-batch noise with a component along the escape direction leaves a saddle.
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
    /// The network lab, open (the step's link opens it).
    LabPanel,
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
    /// Which step: its slug and, through `i18n`, its words.
    pub id: StepId,
    /// A share-link fragment (no `#`), in the codec's canonical form: `share::encode` writes it back unchanged.
    pub link: &'static str,
    /// A second scene the text contrasts with, if any.
    pub compare: Option<&'static str>,
    /// What the page switches on beyond the link's scene.
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
            StepId::PastGradients => "past-gradients",
            StepId::Adam => "adam",
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
pub const STEPS: [LessonStep; 9] = [
    LessonStep {
        id: StepId::Stalled,
        // Started on the line w₁ = −w₂, gradient descent slides straight into the saddle: after 60 steps it is
        // 10⁻⁶ from the origin, ‖∇L‖ ≈ 2·10⁻⁶, L = 1.000 (the race table shows step, L and ‖∇L‖). The
        // comparison: a plateau point with a smaller gradient and no critical point within 5.5.
        link: "v=1&preset=lecture&pt=0.6,-0.6&opt=gd&lr=0.1&beta=0.9&steps=60",
        compare: Some("v=1&preset=plateau&pt=3.9,3.9&opt=gd&lr=0.1&beta=0.9"),
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
        // η = 0.09, just under gradient descent's cap 2/20: gradient descent 460 steps to L < 10⁻³, momentum
        // 92, gradient descent at momentum's step 0.9 diverges.
        link: "v=1&preset=narrow-valley&pt=-9,1.5&opt=gd,momentum,gd-matched&lr=0.09&beta=0.9",
        compare: None,
        page: PageSetup {
            play_race: true,
            show: Some(Spot::RaceTable),
            ..PageSetup::PLAIN
        },
    },
    LessonStep {
        id: StepId::PastGradients,
        // Gradient descent at η and at η/(1−β) stops in the shallow minimum; momentum rolls over the bump.
        link: "v=1&preset=small-bump&pt=3,0.5&opt=gd,momentum,gd-matched&lr=0.03&beta=0.9",
        compare: None,
        page: PageSetup {
            play_race: true,
            show: Some(Spot::RaceTable),
            ..PageSetup::PLAIN
        },
    },
    LessonStep {
        id: StepId::Adam,
        // On the plateau gradient descent needs 1617 steps to L < 0.1, Adam 26; 0.001 from the lecture's
        // saddle, 43 and 10.
        link: "v=1&preset=plateau&pt=3,2.5&opt=gd,adam&lr=0.1&beta=0.9",
        compare: Some("v=1&preset=lecture&pt=0.001,0&opt=gd,adam&lr=0.1&beta=0.9"),
        page: PageSetup {
            play_race: true,
            ..PageSetup::PLAIN
        },
    },
    LessonStep {
        id: StepId::SmallBatches,
        // The dataset's own start on the line w₁ = −w₂: full-batch descent stalls at the saddle, SGD with
        // batches of 4 leaves it; without the extra input (the comparison) SGD stalls too.
        link: "v=1&preset=lecture-data&pt=0.6,-0.6&opt=gd,sgd&lr=0.1&beta=0.9&batch=4&seed=2",
        compare: Some(
            "v=1&preset=lecture-data-plain&pt=0.6,-0.6&opt=gd,sgd&lr=0.1&beta=0.9&batch=4&seed=2",
        ),
        page: PageSetup {
            play_race: true,
            ..PageSetup::PLAIN
        },
    },
    LessonStep {
        id: StepId::HighDimension,
        // Himmelblau's four minima and four saddles on the curvature map, and the network lab beside it.
        link: "v=1&preset=himmelblau&opt=gd,momentum&lr=0.01&beta=0.9&lab=network",
        compare: None,
        page: PageSetup {
            curvature_map: true,
            show: Some(Spot::LabPanel),
            ..PageSetup::PLAIN
        },
    },
];
