//! Named surfaces for the lecture and the gallery: a formula, a box that frames it, and a start that shows its lesson.
//!
//! Names are stable kebab-case: they appear in share links and lecture notes.

use serde::Serialize;

use crate::bounds::Bounds;
use crate::formula::Formula;

/// One ready-made scene.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Preset {
    /// Stable kebab-case identifier, e.g. `six-hump-camel`.
    pub name: &'static str,
    /// The English title a list shows; other languages' titles are in `i18n`.
    pub title: &'static str,
    /// L in the formula language, in x and y.
    pub formula: &'static str,
    /// `[x_min, x_max, y_min, y_max]`.
    pub bounds: [f64; 4],
    /// Where to drop a ball or start a race so the lesson shows.
    pub start: [f64; 2],
    /// One sentence: what this surface teaches.
    pub description: &'static str,
}

impl Preset {
    /// The parsed formula; every preset's formula parses (tests/presets.rs checks each one).
    pub fn formula(&self) -> Formula {
        Formula::parse(self.formula)
            .unwrap_or_else(|error| panic!("preset {} does not parse: {error}", self.name))
    }

    /// The `bounds` field as a [`Bounds`]; every preset's box is valid (tests/presets.rs checks each one).
    pub fn bounds(&self) -> Bounds {
        let [x_min, x_max, y_min, y_max] = self.bounds;
        Bounds {
            x_min,
            x_max,
            y_min,
            y_max,
        }
    }
}

/// The preset called `name`, if there is one.
pub fn preset(name: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|preset| preset.name == name)
}

/// Every preset; the lecture's network first, then single lessons, then the classic test functions.
pub const PRESETS: &[Preset] = &[
    Preset {
        name: "lecture",
        title: "The lecture's one-neuron network",
        formula: "(1 - x*y)^2",
        bounds: [-2.0, 2.0, -2.0, 2.0],
        // Just off the line w₁ = −w₂, along which the gradient points straight at the saddle: gradient
        // descent first slides towards the origin and lingers there before escaping along u = (1, 1).
        start: [0.6, -0.58],
        description: "L(w1, w2) = (1 − w1·w2)², the loss of the network ŷ = w1·w2·x on the one example (x, y) = (1, 1), has a saddle at the origin, where gradient descent lingers before escaping along u = (1, 1), and a whole curve of minima where w1·w2 = 1.",
    },
    Preset {
        name: "bowl",
        title: "Bowl",
        formula: "x^2 + y^2",
        bounds: [-2.0, 2.0, -2.0, 2.0],
        start: [1.5, 1.0],
        description: "The plainest minimum: both Hessian eigenvalues are positive, so the surface curves up in every direction.",
    },
    Preset {
        name: "hilltop",
        title: "Hilltop",
        formula: "-(x^2 + y^2)",
        bounds: [-2.0, 2.0, -2.0, 2.0],
        start: [0.1, 0.05],
        description: "A maximum: the gradient vanishes at the top too, but both eigenvalues are negative, so any nudge rolls away.",
    },
    Preset {
        name: "saddle",
        title: "Saddle",
        formula: "x^2 - y^2",
        bounds: [-2.0, 2.0, -2.0, 2.0],
        start: [1.5, 0.01],
        description: "The textbook saddle: the gradient vanishes at the origin, yet the loss falls along y, the eigenvector of the negative eigenvalue.",
    },
    Preset {
        name: "monkey-saddle",
        title: "Monkey saddle",
        formula: "x^3 - 3*x*y^2",
        bounds: [-2.0, 2.0, -2.0, 2.0],
        start: [1.0, 0.05],
        description: "Three ways down instead of two: the Hessian at the origin is zero, so the second-order test cannot decide, although it is no minimum.",
    },
    Preset {
        name: "flat-bottom",
        title: "Flat-bottomed bowl",
        formula: "x^4 + y^4",
        bounds: [-2.0, 2.0, -2.0, 2.0],
        start: [1.5, -1.0],
        description: "A true minimum whose Hessian is zero: the second-order test says degenerate, and gradient descent slows to a crawl as the floor flattens.",
    },
    Preset {
        name: "double-well",
        title: "Double well",
        formula: "(x^2 - 1)^2 + y^2",
        bounds: [-2.0, 2.0, -2.0, 2.0],
        start: [0.05, 1.5],
        description: "Two equally deep minima with a saddle between them: which one you reach depends on which side of the saddle you start.",
    },
    Preset {
        name: "narrow-valley",
        title: "Narrow valley",
        formula: "x^2/20 + 10*y^2",
        bounds: [-10.0, 10.0, -2.0, 2.0],
        start: [-9.0, 1.5],
        description: "A long, narrow valley with curvatures 0.1 and 20: its steep walls keep gradient descent stable only for η < 2/20 = 0.1, so it crawls along the floor, while momentum at the same η builds up speed along the floor and stays stable across for η < 2(1 + β)/20; gradient descent at momentum's longer step η/(1−β) flies off across the walls once that step passes 0.1.",
    },
    Preset {
        name: "small-bump",
        title: "A small bump before a deeper minimum",
        formula: "x^2/5 + exp(-8*(x - 1)^2)/2 + y^2",
        bounds: [-1.5, 3.5, -1.5, 1.5],
        // From here at η = 0.03 the race tells the lesson: gradient descent, at η and at η/(1−β), stops in
        // the shallow minimum; momentum's velocity carries it over the bump.
        start: [3.0, 0.5],
        description: "A shallow minimum near x = 1.48 (L ≈ 0.52) sits behind a small bump at x ≈ 1.05, before the deeper minimum near the origin: from the start at η = 0.03 and β = 0.9, gradient descent stops where the gradient vanishes, in the shallow one, and so does gradient descent at momentum's longer step η/(1−β), while momentum's velocity, a sum of past gradients, carries it over the bump.",
    },
    Preset {
        name: "plateau",
        title: "Plateau",
        formula: "1 - exp(-(x^2 + y^2)/2)",
        bounds: [-4.0, 4.0, -4.0, 4.0],
        start: [3.0, 2.5],
        description: "Far from the minimum the surface is almost flat, so gradient descent crawls on a tiny gradient although the only critical point, the minimum at the origin, is far away: a small gradient is not a zero one.",
    },
    Preset {
        name: "rosenbrock",
        title: "Rosenbrock's banana",
        formula: "(1 - x)^2 + 100*(y - x^2)^2",
        bounds: [-2.0, 2.0, -1.0, 3.0],
        start: [-1.2, 1.0],
        description: "A curved, steep-walled valley: the only minimum at (1, 1) is easy to see but slow to reach along the bent floor.",
    },
    Preset {
        name: "himmelblau",
        title: "Himmelblau's function",
        formula: "(x^2 + y - 11)^2 + (x + y^2 - 7)^2",
        bounds: [-5.0, 5.0, -5.0, 5.0],
        start: [0.0, 0.0],
        description: "Four equally deep minima, one maximum and four saddles between them: the start decides which minimum you find.",
    },
    Preset {
        name: "beale",
        title: "Beale's function",
        formula: "(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2",
        bounds: [-4.5, 4.5, -4.5, 4.5],
        start: [1.0, 1.0],
        description: "Steep walls and flat stretches around one minimum at (3, 0.5): a step size that is safe in one place overshoots in another.",
    },
    Preset {
        name: "six-hump-camel",
        title: "Six-hump camel",
        formula: "(4 - 2.1*x^2 + x^4/3)*x^2 + x*y + (-4 + 4*y^2)*y^2",
        bounds: [-2.2, 2.2, -1.2, 1.2],
        start: [-1.5, -0.5],
        description: "Six local minima, two of them global, with saddles in between: a shallow minimum holds gradient descent as firmly as a deep one.",
    },
    Preset {
        name: "rastrigin",
        title: "Rastrigin's egg crate",
        formula: "20 + x^2 - 10*cos(2*pi*x) + y^2 - 10*cos(2*pi*y)",
        bounds: [-3.0, 3.0, -3.0, 3.0],
        start: [2.3, -1.7],
        description: "An egg crate of local minima around the global one at the origin: gradient descent stops in the nearest dip.",
    },
];
