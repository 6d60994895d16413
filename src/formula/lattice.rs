//! A formula sampled on a lattice (every x of a row of columns with every y of a column of rows): the parts
//! of the formula that read only x are computed once per column, the parts that read only y once per row.
//!
//! A heatmap is such a lattice, and most loss surfaces people study are sums and products of terms in one
//! variable: Rastrigin's `cos(2·pi·x)` is evaluated 512 times for a 512² map instead of 262,144 times.
//! The cell's tape reads the precomputed parts as operands; every operation is the one the plain tape
//! would run, in the same order, so the values are bit-identical to [`Formula::value`].

use crate::sorting::sort_by_number;

use super::plain::{Operand, PlainTape, Row, Step};
use super::tape::Op;
use super::Formula;

/// Most parts hoisted out of the cell's tape per variable: bounds the column table (parts × columns) for
/// pasted formulas with thousands of terms; the longest parts are hoisted, the rest stay in the cell's tape.
const MAX_PARTS: usize = 256;

/// Most columns evaluated together: the row evaluator keeps a register of this many values per stack level
/// (a deeply nested formula has hundreds of levels), so a wide grid is done in pieces.
const ROW_CHUNK: usize = 256;

/// Which variables a sub-formula reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reads {
    Neither,
    X,
    Y,
    Both,
}

impl Reads {
    fn and(self, other: Reads) -> Reads {
        match (self, other) {
            (Reads::Neither, other) | (other, Reads::Neither) => other,
            (a, b) if a == b => a,
            _ => Reads::Both,
        }
    }
}

/// A sub-formula worth computing apart: its span of the postfix tape and the variable it reads.
#[derive(Debug, Clone, Copy)]
struct Part {
    start: usize,
    end: usize,
    reads: Reads,
}

/// A formula split for lattice sampling: per-column parts, per-row parts, and the cell's remaining tape.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct LatticeTape {
    column_parts: Vec<PlainTape>,
    row_parts: Vec<PlainTape>,
    cell: PlainTape,
}

impl LatticeTape {
    // Kept out of `values`' function, like the row loops (`plain.rs`): a browser optimizes the sampling
    // function once it is hot, and the larger it is, the longer that takes on a cold start.
    #[inline(never)]
    pub(super) fn compile(tape: &[Op]) -> LatticeTape {
        let parts = one_variable_parts(tape);
        let mut column_parts = Vec::new();
        let mut row_parts = Vec::new();
        let mut cell = Vec::with_capacity(tape.len());
        let mut index = 0;
        let mut parts = parts.iter().peekable();
        while let Some(&op) = tape.get(index) {
            match parts.next_if(|part| part.start == index) {
                Some(part) => {
                    let compiled = PlainTape::compile(&tape[part.start..part.end]);
                    let operand = if part.reads == Reads::X {
                        column_parts.push(compiled);
                        Operand::ColumnPart(column_parts.len() as u32 - 1)
                    } else {
                        row_parts.push(compiled);
                        Operand::RowPart(row_parts.len() as u32 - 1)
                    };
                    cell.push(Step::Read(operand));
                    index = part.end;
                }
                None => {
                    cell.push(Step::from(op));
                    index += 1;
                }
            }
        }
        LatticeTape {
            column_parts,
            row_parts,
            cell: PlainTape::compile_steps(&cell),
        }
    }

    /// Values at every (x, y) of `xs` × `ys`, one row per y in order.
    pub(super) fn values(&self, xs: &[f64], ys: &[f64]) -> Vec<f64> {
        let mut stack = Vec::new();
        let column_table: Vec<f64> = self
            .column_parts
            .iter()
            .flat_map(|part| xs.iter().map(move |&x| (part, x)))
            .map(|(part, x)| part.eval(x, f64::NAN, &mut stack))
            .collect();
        let mut row_parts = Vec::with_capacity(self.row_parts.len());
        let mut registers = Vec::new();
        // Every cell is written below; zeros are the cheapest start (fresh memory already is zero, and
        // elsewhere one bulk fill, where NaN took a store per cell in wasm).
        let mut values = vec![0.0; xs.len() * ys.len()];
        for (&y, out) in ys.iter().zip(values.chunks_mut(xs.len().max(1))) {
            row_parts.clear();
            row_parts.extend(
                self.row_parts
                    .iter()
                    .map(|part| part.eval(f64::NAN, y, &mut stack)),
            );
            for (chunk, out) in out.chunks_mut(ROW_CHUNK).enumerate() {
                let first = chunk * ROW_CHUNK;
                let row = Row {
                    xs: &xs[first..first + out.len()],
                    y,
                    column_table: &column_table,
                    width: xs.len(),
                    first,
                    row_parts: &row_parts,
                };
                self.cell.eval_row(&row, &mut registers, out);
            }
        }
        values
    }
}

impl Formula {
    /// L at every (x, y) of `xs` × `ys`, one row per y in order; NaN where undefined. Equal to calling
    /// [`Formula::value`] at each point, and much faster when terms read one variable only.
    pub fn lattice_values(&self, xs: &[f64], ys: &[f64]) -> Vec<f64> {
        LatticeTape::compile(self.ops()).values(xs, ys)
    }
}

/// The largest sub-formulas that read exactly one variable and are more than a bare `x` or `y`, in tape
/// order, at most [`MAX_PARTS`] per variable (the longest).
fn one_variable_parts(tape: &[Op]) -> Vec<Part> {
    let mut found = Vec::new();
    // The postfix evaluation stack, holding each operand's span start and what it reads.
    let mut stack: Vec<(usize, Reads)> = Vec::new();
    let keep = |found: &mut Vec<Part>, start: usize, end: usize, reads: Reads| {
        if matches!(reads, Reads::X | Reads::Y) && end - start > 1 {
            found.push(Part { start, end, reads });
        }
    };
    for (index, &op) in tape.iter().enumerate() {
        let operand = match op {
            Op::Const(_) => (index, Reads::Neither),
            Op::X => (index, Reads::X),
            Op::Y => (index, Reads::Y),
            Op::Neg | Op::PowInt(_) | Op::PowConst(_) | Op::Call(_) => {
                stack.pop().unwrap_or((index, Reads::Neither))
            }
            Op::Add | Op::Sub | Op::Mul | Op::Div | Op::Pow => {
                let (right_start, right) = stack.pop().unwrap_or((index, Reads::Neither));
                let (left_start, left) = stack.pop().unwrap_or((right_start, Reads::Neither));
                let reads = left.and(right);
                if reads == Reads::Both {
                    keep(&mut found, left_start, right_start, left);
                    keep(&mut found, right_start, index, right);
                }
                (left_start, reads)
            }
        };
        stack.push(operand);
    }
    if let [(start, reads)] = stack[..] {
        keep(&mut found, start, tape.len(), reads);
    }
    for reads in [Reads::X, Reads::Y] {
        let mut of_variable: Vec<usize> = (0..found.len())
            .filter(|&i| found[i].reads == reads)
            .collect();
        // Longest first.
        sort_by_number(&mut of_variable, |&i| {
            -((found[i].end - found[i].start) as f64)
        });
        for &dropped in of_variable.iter().skip(MAX_PARTS) {
            found[dropped].reads = Reads::Neither;
        }
    }
    found.retain(|part| part.reads != Reads::Neither);
    sort_by_number(&mut found, |part| part.start as f64);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lattice(source: &str) -> LatticeTape {
        LatticeTape::compile(Formula::parse(source).expect("valid").ops())
    }

    #[test]
    fn rastrigin_leaves_only_sums_to_each_cell() {
        let tape = lattice("20 + x^2 - 10*cos(2*pi*x) + y^2 - 10*cos(2*pi*y)");
        // (20 + x² − 10·cos 2πx) is one column part; y² and 10·cos 2πy are row parts. The cell loads the
        // column part plus y² in one instruction and subtracts the other row part.
        assert_eq!(tape.column_parts.len(), 1);
        assert_eq!(tape.row_parts.len(), 2);
        assert_eq!(tape.cell.len(), 2);
    }

    #[test]
    fn formulas_in_both_variables_at_once_hoist_nothing() {
        let tape = lattice("(1 - x*y)^2");
        assert!(tape.column_parts.is_empty() && tape.row_parts.is_empty());
    }

    #[test]
    fn a_formula_of_one_variable_is_one_part() {
        let tape = lattice("sin(x)^2");
        assert_eq!((tape.column_parts.len(), tape.row_parts.len()), (1, 0));
        assert_eq!(tape.cell.len(), 1);
    }

    #[test]
    fn at_most_max_parts_are_hoisted_per_variable() {
        let source = (1..=MAX_PARTS + 10)
            .map(|k| format!("sin({k}*x)*y"))
            .collect::<Vec<_>>()
            .join(" + ");
        let tape = lattice(&source);
        assert_eq!(tape.column_parts.len(), MAX_PARTS);
        let formula = Formula::parse(&source).expect("valid");
        let (xs, ys) = ([0.3, -1.7], [2.5]);
        let expected: Vec<f64> = xs.iter().map(|&x| formula.value(x, ys[0])).collect();
        assert_eq!(formula.lattice_values(&xs, &ys), expected);
    }

    #[test]
    fn values_equal_pointwise_evaluation_bit_for_bit() {
        let sources = [
            "(1 - x*y)^2",
            "20 + x^2 - 10*cos(2*pi*x) + y^2 - 10*cos(2*pi*y)",
            "(x^2 + y - 11)^2 + (x + y^2 - 7)^2",
            "log(x) + sqrt(y) * 2^x - y^x / (x - 1)",
            "3",
            "-y",
            "x^2.5 * exp(-y^2) + tanh(x*y) + relu(x) - abs(y)",
            // Three column parts, read from the table at three offsets in every chunk.
            "sin(3*x + y) * exp(-y^2/4) + cos(x/2) * y + x^3 * sin(y)",
        ];
        // Wider than a chunk of columns, so rows are evaluated in pieces that must join seamlessly.
        let columns = 2 * ROW_CHUNK + 37;
        let xs: Vec<f64> = (0..columns)
            .map(|i| -2.0 + 4.4 * i as f64 / columns as f64)
            .collect();
        let ys: Vec<f64> = (0..7).map(|j| 1.9 - 0.61 * j as f64).collect();
        for source in sources {
            let formula = Formula::parse(source).expect("valid");
            let expected: Vec<u64> = ys
                .iter()
                .flat_map(|&y| xs.iter().map(move |&x| (x, y)))
                .map(|(x, y)| formula.value(x, y).to_bits())
                .collect();
            let got: Vec<u64> = formula
                .lattice_values(&xs, &ys)
                .iter()
                .map(|v| v.to_bits())
                .collect();
            assert_eq!(got, expected, "{source}");
        }
    }
}
