use super::adaptive::{Adam, SquaredGradientScaling};
use super::descent::{GradientDescent, Momentum, Nesterov};
use super::eigen_escape::EigenEscape;
use super::momentum_update::effective_step;
use super::newton::{Newton, SaddleFreeNewton};
use super::{Hyperparameters, Optimizer};

/// The optimizers Saddle can race.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OptimizerKind {
    /// Gradient descent, θ ← θ − η·∇L: stalls wherever ∇L ≈ 0, saddles included.
    Gd,
    /// The lecture's momentum, m ← β·m − η·∇L, θ ← θ + m: its velocity carries it across flat stretches.
    Momentum,
    /// Gradient descent at momentum's effective step η/(1−β): the fair racer for momentum, which at equal η
    /// takes a step 1/(1−β) times longer on a steady slope.
    GdMatched,
    /// Nesterov momentum as PyTorch's `SGD(nesterov=True)` computes it: the gradient step looks ahead.
    Nesterov,
    /// Divides each coordinate's step by √ of a decaying mean of its g² (PyTorch's defaults).
    RmsProp,
    /// Steps by m̂/√v̂, running means of the gradient and of g², both bias-corrected (PyTorch's defaults).
    Adam,
    /// Divides each coordinate's step by √ of the sum of all its past g²: the divisor only grows, so it slows down.
    AdaGrad,
    /// θ ← θ − H⁻¹∇L: jumps to the quadratic model's critical point, so a saddle attracts it (a gradient
    /// step along ≈ 0 curvature).
    Newton,
    /// θ ← θ − |H|⁻¹∇L: Newton with each |λ| in place of λ, which turns a saddle's pull into a push.
    SaddleFreeNewton,
    /// Gradient descent until a critical point with λ < 0, then a step of length [`ESCAPE_LENGTH`] along u.
    ///
    /// [`ESCAPE_LENGTH`]: super::ESCAPE_LENGTH
    EigenEscape,
    /// Gradient descent on a random mini-batch's gradient each step.
    Sgd,
}

impl OptimizerKind {
    /// Every kind, in a fixed order: the race panel lists them so, and a kind's place picks its colour.
    pub const ALL: [OptimizerKind; 11] = [
        OptimizerKind::Gd,
        OptimizerKind::Momentum,
        OptimizerKind::GdMatched,
        OptimizerKind::Nesterov,
        OptimizerKind::RmsProp,
        OptimizerKind::Adam,
        OptimizerKind::AdaGrad,
        OptimizerKind::Newton,
        OptimizerKind::SaddleFreeNewton,
        OptimizerKind::EigenEscape,
        OptimizerKind::Sgd,
    ];

    /// The name used in the JSON, the command line and the share links.
    pub fn name(self) -> &'static str {
        match self {
            OptimizerKind::Gd => "gd",
            OptimizerKind::Momentum => "momentum",
            OptimizerKind::GdMatched => "gd-matched",
            OptimizerKind::Nesterov => "nesterov",
            OptimizerKind::RmsProp => "rmsprop",
            OptimizerKind::Adam => "adam",
            OptimizerKind::AdaGrad => "adagrad",
            OptimizerKind::Newton => "newton",
            OptimizerKind::SaddleFreeNewton => "saddle-free-newton",
            OptimizerKind::EigenEscape => "eigen-escape",
            OptimizerKind::Sgd => "sgd",
        }
    }

    /// The kind whose [`name`](Self::name) is exactly `name`.
    pub fn from_name(name: &str) -> Option<OptimizerKind> {
        OptimizerKind::ALL
            .into_iter()
            .find(|kind| kind.name() == name)
    }

    /// One or two letters marking where a run is on the map, the same in every language, so runs are told
    /// apart without their colours.
    pub fn badge(self) -> &'static str {
        match self {
            OptimizerKind::Gd => "GD",
            OptimizerKind::Momentum => "M",
            OptimizerKind::GdMatched => "G′",
            OptimizerKind::Nesterov => "N",
            OptimizerKind::RmsProp => "R",
            OptimizerKind::Adam => "A",
            OptimizerKind::AdaGrad => "AG",
            OptimizerKind::Newton => "NT",
            OptimizerKind::SaddleFreeNewton => "SF",
            OptimizerKind::EigenEscape => "E",
            OptimizerKind::Sgd => "S",
        }
    }

    /// The name shown to people.
    pub fn label(self) -> &'static str {
        match self {
            OptimizerKind::Gd => "Gradient descent",
            OptimizerKind::Momentum => "Momentum",
            OptimizerKind::GdMatched => "GD at η/(1−β)",
            OptimizerKind::Nesterov => "Nesterov",
            OptimizerKind::RmsProp => "RMSProp",
            OptimizerKind::Adam => "Adam",
            OptimizerKind::AdaGrad => "AdaGrad",
            OptimizerKind::Newton => "Newton",
            OptimizerKind::SaddleFreeNewton => "Saddle-free Newton",
            OptimizerKind::EigenEscape => "Eigen-escape",
            OptimizerKind::Sgd => "SGD (mini-batch)",
        }
    }

    /// Whether β means anything to this optimizer, so the UI shows its slider only then.
    pub fn uses_beta(self) -> bool {
        matches!(
            self,
            OptimizerKind::Momentum | OptimizerKind::GdMatched | OptimizerKind::Nesterov
        )
    }

    /// Whether the run feeds this optimizer mini-batch gradients (on surfaces with training data), so the
    /// UI shows the batch-size and seed controls only then.
    pub fn samples_batches(self) -> bool {
        self == OptimizerKind::Sgd
    }

    /// A fresh optimizer of this kind, with no history.
    pub(super) fn optimizer(self, hyper: Hyperparameters) -> Box<dyn Optimizer> {
        let Hyperparameters {
            learning_rate,
            beta,
            ..
        } = hyper;
        match self {
            // SGD's update is gradient descent's; the run hands it a batch gradient instead of the full one.
            OptimizerKind::Gd | OptimizerKind::Sgd => Box::new(GradientDescent::new(learning_rate)),
            OptimizerKind::Momentum => Box::new(Momentum::new(learning_rate, beta)),
            OptimizerKind::GdMatched => {
                Box::new(GradientDescent::new(effective_step(learning_rate, beta)))
            }
            OptimizerKind::Nesterov => Box::new(Nesterov::new(learning_rate, beta)),
            OptimizerKind::RmsProp => Box::new(SquaredGradientScaling::rmsprop(learning_rate)),
            OptimizerKind::Adam => Box::new(Adam::new(learning_rate)),
            OptimizerKind::AdaGrad => Box::new(SquaredGradientScaling::adagrad(learning_rate)),
            OptimizerKind::Newton => Box::new(Newton::new(learning_rate)),
            OptimizerKind::SaddleFreeNewton => Box::new(SaddleFreeNewton::new(learning_rate)),
            OptimizerKind::EigenEscape => Box::new(EigenEscape::new(learning_rate)),
        }
    }
}
