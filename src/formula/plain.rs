//! The tape recompiled for plain `f64` values, the heatmap's hot loop (a 512² grid is 262,144 evaluations).
//!
//! Two changes make it about twice as fast as the generic dual-number evaluator run with `f64`: the top of
//! the stack lives in a local (so most instructions touch no memory), and a binary operation whose right
//! operand is a constant or a variable reads it directly instead of pushing and popping it. Every operation
//! calls the same arithmetic as the generic evaluator, so both give bit-identical values.

use super::tape::{constant_power, variable_power, Op};
use super::Function;

/// A value an instruction can read without the stack.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Operand {
    Const(f64),
    X,
    Y,
    /// A part of the formula that reads only x, computed once per column of a lattice ([`super::lattice`]).
    ColumnPart(u32),
    /// A part that reads only y, computed once per row.
    RowPart(u32),
}

impl Operand {
    /// The operand at a point; a lattice's precomputed parts exist only along its rows ([`Row`]), so a tape
    /// compiled from a whole formula never reads them.
    #[inline(always)]
    fn at(self, x: f64, y: f64) -> f64 {
        match self {
            Operand::Const(c) => c,
            Operand::X => x,
            Operand::Y => y,
            Operand::ColumnPart(_) | Operand::RowPart(_) => f64::NAN,
        }
    }
}

/// One row of a lattice (or a run of its columns): those columns' x, the row's y, the column parts' table
/// and the row's own parts.
#[derive(Debug, Clone, Copy)]
pub(super) struct Row<'a> {
    pub xs: &'a [f64],
    pub y: f64,
    /// Part after part, each with a value for every column of the lattice (`width` of them), so a part's
    /// values along a row are one contiguous run (read as a slice, not a stride through the table).
    pub column_table: &'a [f64],
    pub width: usize,
    /// The lattice column of `xs[0]`.
    pub first: usize,
    pub row_parts: &'a [f64],
}

impl Row<'_> {
    /// The operand along the row, in the form its loops read fastest.
    fn values(&self, operand: Operand) -> RowValues<'_> {
        match operand {
            Operand::Const(c) => RowValues::Same(c),
            Operand::X => RowValues::Each(self.xs),
            Operand::Y => RowValues::Same(self.y),
            Operand::RowPart(k) => {
                RowValues::Same(self.row_parts.get(k as usize).copied().unwrap_or(f64::NAN))
            }
            Operand::ColumnPart(k) => {
                let start = k as usize * self.width + self.first;
                self.column_table
                    .get(start..start + self.xs.len())
                    .map_or(RowValues::Same(f64::NAN), RowValues::Each)
            }
        }
    }
}

/// An operand's values along a row: one for every column, or one per column.
#[derive(Clone, Copy)]
enum RowValues<'a> {
    Same(f64),
    /// At least as many as the row has columns.
    Each(&'a [f64]),
}

impl RowValues<'_> {
    /// `values[i] ←` this operand at column `i`.
    fn fill(self, values: &mut [f64]) {
        match self {
            RowValues::Same(value) => values.fill(value),
            RowValues::Each(each) => {
                for (value, &from) in values.iter_mut().zip(each) {
                    *value = from;
                }
            }
        }
    }
}

/// One instruction of a tape on its way to a [`PlainTape`]: reads an operand, or applies an operation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Step {
    Read(Operand),
    Apply(Op),
}

impl From<Op> for Step {
    fn from(op: Op) -> Step {
        match op {
            Op::Const(c) => Step::Read(Operand::Const(c)),
            Op::X => Step::Read(Operand::X),
            Op::Y => Step::Read(Operand::Y),
            _ => Step::Apply(op),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Binary {
    Add,
    Sub,
    Mul,
    Div,
    Pow,
}

/// Runs `$body` with `$f` bound to `$binary`'s arithmetic as a closure of that operation's own type, so a row
/// loop `$body` calls gets one copy per operation, each with its arithmetic inlined (the same arithmetic as
/// [`Binary::apply`], chosen once for the row).
macro_rules! per_operation {
    ($binary:expr, $f:ident => $body:expr) => {
        per_operation!(@arms $binary, $f, $body, Add, Sub, Mul, Div, Pow)
    };
    (@arms $binary:expr, $f:ident, $body:expr, $($name:ident),*) => {
        match $binary {
            $(Binary::$name => {
                let $f = |left: f64, right: f64| Binary::$name.apply(left, right);
                $body
            })*
        }
    };
}

impl Binary {
    /// `values[i] ← values[i] ∘ right at column i`.
    fn combine_row(self, values: &mut [f64], right: RowValues) {
        per_operation!(self, f => combine_row(values, right, f))
    }

    /// `values[i] ← left at column i ∘ right at column i`.
    fn combine_pair_row(self, values: &mut [f64], left: RowValues, right: RowValues) {
        match (left, right) {
            (RowValues::Each(lefts), RowValues::Same(r)) => {
                per_operation!(self, f => map_from(values, lefts, |l| f(l, r)))
            }
            (RowValues::Same(l), RowValues::Each(rights)) => {
                per_operation!(self, f => map_from(values, rights, |r| f(l, r)))
            }
            // Both read only x, or only y: a lattice computes such a pair as one part of the formula, so a
            // cell meets it only past its most parts, or as constants (`2*3`). A copy, then the operation.
            (left, right) => {
                left.fill(values);
                self.combine_row(values, right);
            }
        }
    }

    #[inline(always)]
    fn apply(self, left: f64, right: f64) -> f64 {
        match self {
            Binary::Add => left + right,
            Binary::Sub => left - right,
            Binary::Mul => left * right,
            Binary::Div => left / right,
            Binary::Pow => variable_power(left, right),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum PlainOp {
    /// Spills the top to the stack and loads an operand.
    Load(Operand),
    /// Spills the top to the stack and loads `left ∘ right`: a load and the operation after it in one pass
    /// over a row, where the row evaluator would otherwise copy `left` into a register first.
    LoadCombined(Operand, Binary, Operand),
    /// top ← top ∘ operand.
    WithOperand(Binary, Operand),
    /// top ← popped ∘ top.
    WithStack(Binary),
    Neg,
    Square,
    PowInt(i32),
    PowConst(f64),
    Call(Function),
}

// Each operation's loop over a row is a function of its own, one copy per operation (`f`'s type): a browser
// optimizes wasm a function at a time, once it is hot, so a formula's few operations get optimized alone. With
// every loop inlined into one evaluator, optimizing it took ~190 ms of a background thread during a cold
// start, on a two-core machine where the page's first paint needed that core.

/// `values[i] ← f(values[i])`.
#[inline(never)]
fn map_row(values: &mut [f64], f: impl Fn(f64) -> f64) {
    for value in values {
        *value = f(*value);
    }
}

/// `values[i] ← function(values[i])`. The function is chosen once for the row: each arm's loop calls it
/// directly, where one loop for every function went through `Function::apply`'s dispatch for every value.
fn call_row(function: Function, values: &mut [f64]) {
    macro_rules! rows_of {
        ($($name:ident),*) => {
            match function {
                $(Function::$name => map_row(values, |v| Function::$name.apply(v)),)*
            }
        };
    }
    rows_of!(Sin, Cos, Tan, Exp, Log, Sqrt, Tanh, Abs, Sinh, Cosh, Atan, Sigmoid, Softplus, Relu)
}

/// `values[i] ← f(values[i], right at column i)`.
#[inline(never)]
fn combine_row(values: &mut [f64], right: RowValues, f: impl Fn(f64, f64) -> f64) {
    match right {
        RowValues::Same(r) => values.iter_mut().for_each(|value| *value = f(*value, r)),
        RowValues::Each(each) => {
            for (value, &r) in values.iter_mut().zip(each) {
                *value = f(*value, r);
            }
        }
    }
}

/// `values[i] ← f(from[i])`.
#[inline(never)]
fn map_from(values: &mut [f64], from: &[f64], f: impl Fn(f64) -> f64) {
    for (value, &from) in values.iter_mut().zip(from) {
        *value = f(from);
    }
}

/// A formula's instructions for plain values.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct PlainTape {
    ops: Vec<PlainOp>,
    /// Most values the stack holds at once, so evaluation never reallocates.
    depth: usize,
    /// Some instruction reads the empty stack's top (NaN), which only a malformed tape does: the row
    /// evaluator fills a register with NaN for it only then.
    reads_empty_top: bool,
}

impl PlainTape {
    pub(crate) fn compile(tape: &[Op]) -> PlainTape {
        PlainTape::compile_steps(&tape.iter().map(|&op| Step::from(op)).collect::<Vec<_>>())
    }

    pub(super) fn compile_steps(tape: &[Step]) -> PlainTape {
        let mut ops: Vec<PlainOp> = Vec::with_capacity(tape.len());
        let (mut depth, mut deepest) = (0usize, 0usize);
        let mut reads_empty_top = false;
        let mut index = 0;
        while let Some(&step) = tape.get(index) {
            index += 1;
            let (operand, op) = match step {
                Step::Read(operand) => (Some(operand), None),
                Step::Apply(op) => (None, Some(op)),
            };
            let next_binary = match tape.get(index) {
                Some(&Step::Apply(next)) => binary(next),
                _ => None,
            };
            let compiled = match (operand, next_binary) {
                (Some(operand), Some(fused)) if depth > 0 => {
                    index += 1;
                    match ops.last() {
                        Some(&PlainOp::Load(left)) => {
                            ops.pop();
                            PlainOp::LoadCombined(left, fused, operand)
                        }
                        _ => PlainOp::WithOperand(fused, operand),
                    }
                }
                (Some(operand), _) => {
                    depth += 1;
                    PlainOp::Load(operand)
                }
                (None, _) => match op {
                    Some(Op::Neg) => PlainOp::Neg,
                    Some(Op::PowInt(2)) => PlainOp::Square,
                    Some(Op::PowInt(n)) => PlainOp::PowInt(n),
                    Some(Op::PowConst(c)) => PlainOp::PowConst(c),
                    Some(Op::Call(function)) => PlainOp::Call(function),
                    _ => {
                        depth = depth.saturating_sub(1);
                        PlainOp::WithStack(op.and_then(binary).unwrap_or(Binary::Add))
                    }
                },
            };
            // Left at depth 0, the instruction read the empty stack's top: a unary one ran there, or a binary one
            // popped it.
            reads_empty_top |= depth == 0;
            deepest = deepest.max(depth);
            ops.push(compiled);
        }
        // An empty tape's value is the empty stack's top.
        let reads_empty_top = reads_empty_top || ops.is_empty();
        PlainTape {
            ops,
            depth: deepest + 1,
            reads_empty_top,
        }
    }

    #[cfg(test)]
    pub(super) fn len(&self) -> usize {
        self.ops.len()
    }

    /// A stack of the right size for [`PlainTape::eval`].
    pub(crate) fn stack(&self) -> Vec<f64> {
        Vec::with_capacity(self.depth)
    }

    /// The value at (x, y); `stack` is scratch space, reused across calls.
    #[inline]
    pub(crate) fn eval(&self, x: f64, y: f64, stack: &mut Vec<f64>) -> f64 {
        stack.clear();
        let mut top = f64::NAN;
        for &op in &self.ops {
            top = match op {
                PlainOp::Load(operand) => {
                    stack.push(top);
                    operand.at(x, y)
                }
                PlainOp::LoadCombined(left, binary, right) => {
                    stack.push(top);
                    binary.apply(left.at(x, y), right.at(x, y))
                }
                PlainOp::WithOperand(binary, operand) => binary.apply(top, operand.at(x, y)),
                PlainOp::WithStack(binary) => binary.apply(stack.pop().unwrap_or(f64::NAN), top),
                PlainOp::Neg => -top,
                PlainOp::Square => top * top,
                PlainOp::PowInt(n) => top.powi(n),
                PlainOp::PowConst(c) => constant_power(top, c),
                PlainOp::Call(function) => function.apply(top),
            };
        }
        top
    }

    /// The values along one row of a lattice (at `y`, every x of `xs`) into `out`, one instruction at a time
    /// for the whole row: the instruction is chosen once per row instead of once per cell, and each one is a
    /// plain loop over the row. Every value is the one [`PlainTape::eval`] gives, bit for bit: each cell
    /// goes through the same operations in the same order.
    pub(super) fn eval_row(&self, row: &Row, registers: &mut Vec<Vec<f64>>, out: &mut [f64]) {
        let width = row.xs.len().min(out.len());
        // Register 0 stands for the empty stack's top (NaN, as in `eval`); 1..=depth hold the stack.
        if registers.len() <= self.depth {
            registers.resize_with(self.depth + 1, Vec::new);
        }
        for register in registers.iter_mut() {
            register.resize(width, f64::NAN);
        }
        if self.reads_empty_top {
            registers[0].fill(f64::NAN);
        }
        let mut top = 0;
        for &op in &self.ops {
            match op {
                PlainOp::Load(operand) => {
                    top = (top + 1).min(registers.len() - 1);
                    row.values(operand).fill(&mut registers[top]);
                }
                PlainOp::LoadCombined(left, binary, right) => {
                    top = (top + 1).min(registers.len() - 1);
                    binary.combine_pair_row(
                        &mut registers[top],
                        row.values(left),
                        row.values(right),
                    );
                }
                PlainOp::WithOperand(binary, operand) => {
                    binary.combine_row(&mut registers[top], row.values(operand))
                }
                PlainOp::WithStack(binary) => {
                    if top == 0 {
                        // A malformed tape: the popped value is NaN, as `eval` has it.
                        map_row(&mut registers[0], |v| binary.apply(f64::NAN, v));
                        continue;
                    }
                    // Every register holds the row's `width` values.
                    let (below, above) = registers.split_at_mut(top);
                    binary.combine_row(&mut below[top - 1], RowValues::Each(&above[0]));
                    top -= 1;
                }
                PlainOp::Neg => map_row(&mut registers[top], |v| -v),
                PlainOp::Square => map_row(&mut registers[top], |v| v * v),
                PlainOp::PowInt(n) => map_row(&mut registers[top], |v| v.powi(n)),
                PlainOp::PowConst(c) => map_row(&mut registers[top], |v| constant_power(v, c)),
                PlainOp::Call(function) => call_row(function, &mut registers[top]),
            }
        }
        out[..width].copy_from_slice(&registers[top][..width]);
    }
}

fn binary(op: Op) -> Option<Binary> {
    match op {
        Op::Add => Some(Binary::Add),
        Op::Sub => Some(Binary::Sub),
        Op::Mul => Some(Binary::Mul),
        Op::Div => Some(Binary::Div),
        Op::Pow => Some(Binary::Pow),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formula::Formula;

    #[test]
    fn operands_fuse_into_the_operations_that_read_them() {
        // (1 - x*y)^2: Const 1, X, Y, Mul, Sub, PowInt 2.
        let formula = Formula::parse("(1 - x*y)^2").expect("valid");
        assert_eq!(
            formula.plain.ops,
            [
                PlainOp::Load(Operand::Const(1.0)),
                PlainOp::LoadCombined(Operand::X, Binary::Mul, Operand::Y),
                PlainOp::WithStack(Binary::Sub),
                PlainOp::Square,
            ]
        );
        assert_eq!(formula.plain.depth, 3);
        assert!(!formula.plain.reads_empty_top);
        assert_eq!(formula.value(0.5, 4.0), 1.0);
        assert_eq!(formula.value(2.0, 2.0), 9.0);
    }

    #[test]
    fn deep_right_nesting_keeps_its_stack() {
        let formula = Formula::parse("x - (y - (x - (y - 2)))").expect("valid");
        // x − (y − (x − y + 2)) = x − y + x − y + 2
        assert_eq!(formula.value(3.0, 1.0), 6.0);
    }

    /// Tapes no parser makes, which read the empty stack's top (NaN): row by row, with the registers of one
    /// row reused for the next, they must give what `eval` gives at each point.
    #[test]
    fn malformed_tapes_read_nan_for_the_empty_top_in_every_row() {
        let tapes: [&[Op]; 5] = [
            &[],
            &[Op::Neg],
            // (empty top)^y: NaN^0 is 1 in the first row, so register 0 holds 1 when the second row starts;
            // read again there instead of NaN, it would give 1^2 = 1, not NaN^2 = NaN.
            &[Op::Y, Op::Pow],
            &[Op::X, Op::Y, Op::Mul, Op::Const(0.0), Op::Pow, Op::Pow],
            &[Op::X, Op::Add, Op::Const(0.0), Op::Pow],
        ];
        let xs = [0.5, -2.0, 3.0];
        for ops in tapes {
            let tape = PlainTape::compile(ops);
            assert!(tape.reads_empty_top, "{ops:?}");
            let mut registers = Vec::new();
            for y in [0.0, 2.0] {
                let row = Row {
                    xs: &xs,
                    y,
                    column_table: &[],
                    width: xs.len(),
                    first: 0,
                    row_parts: &[],
                };
                let mut out = [0.0; 3];
                tape.eval_row(&row, &mut registers, &mut out);
                for (&x, value) in xs.iter().zip(out) {
                    let alone = tape.eval(x, y, &mut tape.stack());
                    assert_eq!(value.to_bits(), alone.to_bits(), "{ops:?} at ({x}, {y})");
                }
            }
        }
    }
}
