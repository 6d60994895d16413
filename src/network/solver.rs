//! From where training stalled to the critical point nearby: Newton-MR on ∇L = 0.
//!
//! The step is Newton-MR's (Roosta, Liu, Xu & Mahoney, "Newton-MR: Inexact Newton method with minimum
//! residual sub-problem solver", EURO J. Comput. Optim. 10, 2022): p = −H†g, the minimum-length solution of
//! min ‖Hp + g‖, computed by MINRES-QLP on the exact Hessian. It heads for ∇L = 0 whatever the Hessian's
//! signs, so it lands on saddles as readily as on minima (a method that lowers L would flee them), and the
//! pseudo-inverse keeps it defined where H is singular, as network Hessians are along their symmetries.
//!
//! The step length is controlled on the residual ‖∇L‖, as in Deuflhard's residual-based damped Newton
//! (Newton Methods for Nonlinear Problems, 2004, §3.2): θ + αp is accepted when ‖∇L‖ falls by at least
//! half of what the linear model ‖g + αHp‖ predicts; α is halved until it does, and the next iteration
//! starts from twice the last accepted α. Measured on stalled tanh networks, the quadratic model of ∇L is
//! often valid only a few thousandths of a unit away (tiny curvatures, third derivatives of order one), so
//! the solve follows the Newton flow dθ/dt = −H⁻¹g along a curved path in many short steps, then
//! converges quadratically; Armijo's test on ½‖∇L‖² with α restarting at 1 accepted steps far too short to
//! make headway there.
//!
//! It stops when ‖∇L‖ is zero to floating-point precision (see `inspect`), when no step along p lowers
//! ‖∇L‖ (a local minimum of ½‖∇L‖² with ∇L ≠ 0, where H·∇L ≈ 0: a gradient-flat region in the sense of
//! Frye, Simon, Wadia, Ligeralde, DeWeese & Bouchard 2021, not a critical point), or after its iteration
//! limit. Each iteration costs one Hessian.

use serde::Serialize;

use super::inspect::{inspect_with_hessian, norm, Inspection, GRADIENT_NOISE_FACTOR};
use super::linear;
use super::minres_qlp::minres_qlp;
use super::objective::NetworkLoss;

/// Newton iterations before giving up: following a curved path from a stall takes tens to hundreds.
pub const SOLVER_ITERATIONS: usize = 500;
/// The damping factor α goes no lower than this: below it no step along p lowers ‖∇L‖.
const MIN_DAMPING: f64 = 1e-9;
/// MINRES-QLP stops at ‖Hp + g‖ ≤ this·‖g‖.
const INNER_TOLERANCE: f64 = 1e-10;

/// How a solve ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SolverStatus {
    /// ∇L = 0 to floating-point precision: a critical point.
    Converged,
    /// No step lowers ‖∇L‖ although it is not zero: a gradient-flat region, not a critical point.
    GradientFlat,
    /// Still improving when the iterations ran out.
    IterationLimit,
    /// L or its derivatives stopped being finite.
    Diverged,
}

impl SolverStatus {
    /// The name used in the JSON and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            SolverStatus::Converged => "converged",
            SolverStatus::GradientFlat => "gradient-flat",
            SolverStatus::IterationLimit => "iteration-limit",
            SolverStatus::Diverged => "diverged",
        }
    }
}

/// What the solve did.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SolverReport {
    /// How the solve ended.
    pub status: SolverStatus,
    /// Newton iterations done.
    pub iterations: usize,
    /// ‖θ_end − θ_start‖: how far the critical point is from where the solve started.
    pub distance: f64,
    /// ‖∇L‖ at the start and after each accepted step.
    pub gradient_norms: Vec<f64>,
}

/// The end of a solve: the parameters, the second-order test there, and how the solve went.
#[derive(Clone, Debug, PartialEq)]
pub struct SolvedPoint {
    /// θ where the solve ended.
    pub theta: Vec<f64>,
    /// The second-order test at `theta`.
    pub inspection: Inspection,
    /// How the solve went.
    pub report: SolverReport,
}

/// A Newton-MR solve in progress, one iteration per [`iterate`](Self::iterate) call so a worker can
/// report progress between them.
#[derive(Clone, Debug)]
pub struct CriticalPointSolver {
    start: Vec<f64>,
    theta: Vec<f64>,
    iterations: usize,
    max_iterations: usize,
    gradient_norms: Vec<f64>,
    /// The last accepted damping factor α.
    damping: f64,
    finished: Option<SolvedPoint>,
}

impl CriticalPointSolver {
    /// A solve starting at θ that stops after at most `max_iterations` Newton iterations.
    pub fn new(theta: Vec<f64>, max_iterations: usize) -> CriticalPointSolver {
        CriticalPointSolver {
            start: theta.clone(),
            theta,
            iterations: 0,
            max_iterations,
            gradient_norms: Vec::new(),
            damping: 1.0,
            finished: None,
        }
    }

    /// Newton iterations done.
    pub fn iterations(&self) -> usize {
        self.iterations
    }

    /// The iteration limit.
    pub fn max_iterations(&self) -> usize {
        self.max_iterations
    }

    /// ‖∇L‖ after the last accepted step (at the start before the first), for a progress report.
    pub fn gradient_norm(&self) -> Option<f64> {
        self.gradient_norms.last().copied()
    }

    /// The result, once the solve has ended.
    pub fn result(&self) -> Option<&SolvedPoint> {
        self.finished.as_ref()
    }

    /// The result by value, once the solve has ended; `None` before.
    pub fn into_result(self) -> Option<SolvedPoint> {
        self.finished
    }

    /// Runs to the end.
    pub fn solve(mut self, loss: &NetworkLoss) -> SolvedPoint {
        loop {
            self.iterate(loss);
            if let Some(done) = self.finished {
                return done;
            }
        }
    }

    /// One Newton-MR iteration (one Hessian, one MINRES-QLP solve, the damping); true once finished.
    pub fn iterate(&mut self, loss: &NetworkLoss) -> bool {
        if self.finished.is_some() {
            return true;
        }
        let (_, gradient) = loss.gradient(&self.theta);
        let gradient_norm = norm(&gradient);
        if self.gradient_norms.is_empty() {
            self.gradient_norms.push(gradient_norm);
        }
        let hessian = loss.hessian(&self.theta);
        if !gradient_norm.is_finite() || !hessian.iter().all(|h| h.is_finite()) {
            self.finish(loss, &hessian, SolverStatus::Diverged);
            return true;
        }
        // ‖H‖_F/√P ≤ ‖H‖₂: a lower bound of the tolerance `inspect` applies, so a stop here is converged there.
        let p = self.theta.len().max(1) as f64;
        let norm_lower_bound = hessian.norm() / p.sqrt();
        let tolerance = GRADIENT_NOISE_FACTOR
            * f64::EPSILON
            * (loss.gradient_term_scale(&self.theta) + norm_lower_bound * norm(&self.theta));
        if gradient_norm <= tolerance {
            self.finish(loss, &hessian, SolverStatus::Converged);
            return true;
        }
        if self.iterations >= self.max_iterations {
            self.finish(loss, &hessian, SolverStatus::IterationLimit);
            return true;
        }
        self.iterations += 1;
        let apply = |v: &[f64], out: &mut [f64]| {
            // H is symmetric, so a column (contiguous) serves as the row.
            for (o, column) in out.iter_mut().zip(hessian.as_slice().chunks_exact(v.len())) {
                *o = linear::dot(column, v);
            }
        };
        let minus_gradient: Vec<f64> = gradient.iter().map(|g| -g).collect();
        let inner = minres_qlp(apply, &minus_gradient, INNER_TOLERANCE, 4 * gradient.len());
        let mut step = inner.x;
        let mut moved = vec![0.0; gradient.len()];
        apply(&step, &mut moved);
        // The linear model predicts ‖∇L(θ + αp)‖ ≈ ‖g + αHp‖. If p does not lower it (MINRES-QLP's answer
        // to an inconsistent system can be useless), fall back to the Cauchy step of ½‖g + Hp‖²: p = −c·Hg
        // with c minimizing the model along −Hg.
        if predicted_norm(&gradient, &moved, 1.0) >= gradient_norm {
            let mut descent = vec![0.0; gradient.len()];
            apply(&gradient, &mut descent);
            let mut curved = vec![0.0; gradient.len()];
            apply(&descent, &mut curved);
            let scale = dot(&descent, &descent) / dot(&curved, &curved).max(f64::MIN_POSITIVE);
            step = descent.iter().map(|d| -scale * d).collect();
            moved = curved.iter().map(|c| -scale * c).collect();
        }
        // Residual-based damping: take α (the last accepted one, doubled, at most 1) while ‖∇L‖ falls by
        // at least half of what the linear model predicts; else halve it.
        let mut alpha = (2.0 * self.damping).min(1.0);
        while alpha >= MIN_DAMPING {
            let candidate: Vec<f64> = self
                .theta
                .iter()
                .zip(&step)
                .map(|(t, s)| t + alpha * s)
                .collect();
            let candidate_norm = norm(&loss.gradient(&candidate).1);
            let predicted = gradient_norm - predicted_norm(&gradient, &moved, alpha);
            if candidate_norm < gradient_norm && gradient_norm - candidate_norm >= 0.5 * predicted {
                self.theta = candidate;
                self.damping = alpha;
                self.gradient_norms.push(candidate_norm);
                return false;
            }
            alpha *= 0.5;
        }
        self.finish(loss, &hessian, SolverStatus::GradientFlat);
        true
    }

    /// Inspects the final θ (whose Hessian is at hand) and records the outcome; `inspect`'s verdict on
    /// convergence overrides a stop for another reason.
    fn finish(
        &mut self,
        loss: &NetworkLoss,
        hessian: &nalgebra::DMatrix<f64>,
        status: SolverStatus,
    ) {
        let inspection = inspect_with_hessian(loss, &self.theta, hessian);
        let status = if inspection.converged {
            SolverStatus::Converged
        } else if status == SolverStatus::Converged {
            SolverStatus::GradientFlat
        } else {
            status
        };
        let distance = norm(
            &self
                .theta
                .iter()
                .zip(&self.start)
                .map(|(a, b)| a - b)
                .collect::<Vec<f64>>(),
        );
        self.finished = Some(SolvedPoint {
            theta: self.theta.clone(),
            inspection,
            report: SolverReport {
                status,
                iterations: self.iterations,
                distance,
                gradient_norms: self.gradient_norms.clone(),
            },
        });
    }
}

/// ‖g + α·Hp‖, the linear model's ‖∇L‖ after a step αp (`moved` = Hp).
fn predicted_norm(gradient: &[f64], moved: &[f64], alpha: f64) -> f64 {
    gradient
        .iter()
        .zip(moved)
        .map(|(g, m)| (g + alpha * m).powi(2))
        .sum::<f64>()
        .sqrt()
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::PointKind;
    use crate::network::objective::tests::sample;
    use crate::network::Task;

    #[test]
    fn a_start_near_the_symmetric_critical_point_reaches_it_to_floating_point_precision() {
        // Weights 0, output bias = mean(y) is critical for mse (see inspect's test); start a little off it.
        let (loss, theta) = sample(Task::Sine, &[3], 0.0, 1);
        let targets = loss.data().train.targets();
        let mean = targets.iter().sum::<f64>() / targets.len() as f64;
        let mut critical = vec![0.0; theta.len()];
        *critical.last_mut().expect("P > 0") = mean;
        let start: Vec<f64> = critical
            .iter()
            .zip(&theta)
            .map(|(c, t)| c + 1e-3 * t)
            .collect();
        let solved = CriticalPointSolver::new(start, SOLVER_ITERATIONS).solve(&loss);
        assert_eq!(
            solved.report.status,
            SolverStatus::Converged,
            "{:?}",
            solved.report
        );
        assert!(
            solved.inspection.gradient_norm < 1e-14,
            "{}",
            solved.inspection.gradient_norm
        );
        assert_eq!(solved.inspection.kind, PointKind::Saddle);
    }

    #[test]
    fn the_lecture_network_at_a_trained_point_converges_quadratically() {
        let (loss, theta) = sample(Task::Sine, &[4], 0.0, 2);
        let solved = CriticalPointSolver::new(theta, SOLVER_ITERATIONS).solve(&loss);
        let norms = &solved.report.gradient_norms;
        assert!(solved.report.distance > 0.0);
        assert!(norms.windows(2).all(|w| w[1] < w[0]), "{norms:?}");
        if solved.report.status == SolverStatus::Converged {
            assert!(solved.inspection.converged);
            assert_ne!(solved.inspection.kind, PointKind::Regular);
        } else {
            assert_eq!(solved.inspection.kind, PointKind::Regular);
        }
    }
}
