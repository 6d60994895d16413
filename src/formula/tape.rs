//! A parsed formula as a flat postfix tape, evaluated with an explicit stack.

use num_dual::DualNum;

use super::plain::PlainTape;
use super::{parser, FormulaError, Function};

/// One instruction of the postfix tape.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Op {
    Const(f64),
    X,
    Y,
    Add,
    Sub,
    Mul,
    Div,
    /// `a^b` with a variable exponent: `exp(b·ln a)`, so only defined for a > 0.
    Pow,
    /// `a^n` with a constant whole exponent: defined for every a (and exact derivatives at a = 0).
    PowInt(i32),
    /// `a^c` with a constant fractional exponent.
    PowConst(f64),
    Neg,
    Call(Function),
}

/// A loss surface L(x, y) typed by a person, ready to evaluate. Two formulas are equal when their text is:
/// the tape is made from it (and a constant folded to NaN would make a tape unequal to itself).
#[derive(Debug, Clone)]
pub struct Formula {
    source: String,
    ops: Vec<Op>,
    /// The same tape compiled for plain values, for the heatmap's hot loop.
    pub(super) plain: PlainTape,
}

impl PartialEq for Formula {
    fn eq(&self, other: &Formula) -> bool {
        self.source == other.source
    }
}

impl Formula {
    /// Parses formula text; the error names the column where it went wrong.
    pub fn parse(source: &str) -> Result<Formula, FormulaError> {
        let ops = parser::parse(source)?;
        Ok(Formula {
            source: source.to_string(),
            plain: PlainTape::compile(&ops),
            ops,
        })
    }

    /// The text the formula was parsed from.
    pub fn source(&self) -> &str {
        &self.source
    }

    pub(super) fn ops(&self) -> &[Op] {
        &self.ops
    }

    /// Number of tape instructions: a measure of how long one evaluation takes.
    pub fn len(&self) -> usize {
        self.ops.len()
    }

    /// Whether the tape has no instructions; never true of a parsed formula, which has at least one operand.
    pub fn is_empty(&self) -> bool {
        self.ops.is_empty()
    }

    /// Plain value at (x, y); NaN where the formula is undefined.
    pub fn value(&self, x: f64, y: f64) -> f64 {
        self.plain.eval(x, y, &mut self.plain.stack())
    }

    /// Evaluates over any `num-dual` number, reusing `stack` so hot loops allocate nothing.
    pub fn eval<D: DualNum<Primitive = f64>>(&self, x: D, y: D, stack: &mut Vec<D>) -> D {
        stack.clear();
        for op in &self.ops {
            let result = match *op {
                Op::Const(c) => D::from(c),
                Op::X => x.clone(),
                Op::Y => y.clone(),
                Op::Neg => -pop(stack),
                Op::PowInt(n) => pop(stack).powi(n),
                Op::PowConst(c) => rarely(|| constant_power(pop(stack), c)),
                Op::Call(function) => rarely(|| function.apply(pop(stack))),
                Op::Add | Op::Sub | Op::Mul | Op::Div | Op::Pow => {
                    let right = pop(stack);
                    let left = pop(stack);
                    match op {
                        Op::Add => left + right,
                        Op::Sub => left - right,
                        Op::Mul => left * right,
                        Op::Div => left / right,
                        _ => rarely(|| variable_power(left, right)),
                    }
                }
            };
            stack.push(result);
        }
        pop(stack)
    }
}

/// Runs `operation` out of line: the calls and powers of dual numbers are long code that most formulas never
/// reach, and inlined into [`Formula::eval`] they made it a function the browser takes ~100 ms to optimize.
#[inline(never)]
fn rarely<T>(operation: impl FnOnce() -> T) -> T {
    operation()
}

/// `a^b` as `exp(b·ln a)` in plain and dual arithmetic alike, so the heatmap is undefined exactly where
/// the derivatives are: f64's `powf` alone would give (−2)^y = −8 at y = 3 where the analysis says undefined.
pub(super) fn variable_power<D: DualNum<Primitive = f64>>(base: D, exponent: D) -> D {
    if base.re() < 0.0 {
        D::from(f64::NAN)
    } else {
        base.powd(exponent)
    }
}

/// `a^c` for a constant `c` that is not a small whole number, working around three gaps of num-dual's
/// `powf`, which computes a^(c−3)·a³: at a = 0 with c > 2 that is ∞·0 = NaN although value, slope and
/// curvature all vanish; for |c| ≥ 2^53 (always an even whole number) c − 3 rounds to c, flipping the
/// sign for negative a, so (−1)^c came out −1; and for a tiny fractional c, c − 3 rounds to −3, giving
/// (−1)^(2^−55) = 1 where f64 (rightly) says undefined.
pub(super) fn constant_power<D: DualNum<Primitive = f64>>(base: D, exponent: f64) -> D {
    let re = base.re();
    if re < 0.0 && exponent.fract() != 0.0 {
        D::from(f64::NAN)
    } else if re == 0.0 && exponent > 2.0 {
        base * 0.0
    } else if (0.5 * exponent).fract() == 0.0 {
        (base.clone() * base).powf(0.5 * exponent)
    } else {
        base.powf(exponent)
    }
}

/// The parser only builds well-formed tapes, so the stack never runs dry; NaN keeps that promise panic-free.
fn pop<D: DualNum<Primitive = f64>>(stack: &mut Vec<D>) -> D {
    stack.pop().unwrap_or_else(|| D::from(f64::NAN))
}
