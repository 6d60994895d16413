//! The formula language a person types a loss surface in.
//!
//! `parse` turns text such as `(1 - x*y)^2` into a [`Formula`]: a flat postfix
//! tape, evaluated with an explicit stack so that neither parsing, evaluating
//! nor dropping a formula recurses deeper than [`MAX_NESTING`] levels, whatever
//! the input. The tape is generic over `num-dual` numbers, so one evaluator
//! gives plain values (`f64`) for heatmaps and exact derivatives (second-order
//! dual numbers) for gradients and Hessians.
//!
//! Grammar (lowest binding first):
//! ```text
//! sum     := product (('+' | '-') product)*
//! product := unary (('*' | '/') unary)*
//! unary   := ('-' | '+') unary | power
//! power   := atom (('^' | '**') unary)?        right-associative, binds tighter than unary minus
//! atom    := number | name | function '(' sum ')' | '(' sum ')'
//! ```
//! So `-x^2` is `-(x^2)` and `2^x^2` is `2^(x^2)`; `2^-x` is allowed.
//! Names: `x`, `y` (also `w1`, `w2`, the lecture's weights), `pi`, `e`.

mod error;
mod function;
mod lattice;
mod lexer;
mod parser;
mod plain;
mod tape;

pub use error::{
    caret_lines, function_names, shown_character, FormulaError, FormulaErrorKind, TokenText,
};
pub use function::Function;
pub use tape::Formula;

/// Deepest nesting of parentheses, unary signs, powers and calls that a formula may use.
///
/// Bounds the parser's recursion: 100,000 nested parentheses get an error, not a stack overflow.
pub const MAX_NESTING: usize = 200;

/// Longest formula accepted, in characters; bounds time and memory for anything pasted in.
pub const MAX_LENGTH: usize = 200_000;
