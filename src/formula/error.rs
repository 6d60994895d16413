use std::fmt;

use super::{Function, MAX_LENGTH, MAX_NESTING};

/// Why a formula could not be parsed, and where.
///
/// The reason is data, not text, so the page can word it in the reader's language
/// (`i18n::formula_error`); `Display` gives the English.
#[derive(Debug, Clone, PartialEq)]
pub struct FormulaError {
    /// 1-based character column of the offending spot; one past the end for "ran out of formula".
    pub column: usize,
    /// What went wrong there.
    pub kind: FormulaErrorKind,
}

/// What went wrong, with the pieces of the formula a message needs to name.
#[derive(Debug, Clone, PartialEq)]
pub enum FormulaErrorKind {
    /// Longer than [`MAX_LENGTH`] characters.
    TooLong,
    /// Nothing but whitespace.
    Empty,
    /// A character the language has no use for.
    UnexpectedCharacter(char),
    /// A lone `.` where a number started.
    MissingDigits,
    /// `2e` or `1e-` with no exponent digits.
    MissingExponentDigits,
    /// Digits that overflow f64; the digits as typed, cut to a short excerpt.
    NumberTooLarge(String),
    /// More than [`MAX_NESTING`] levels of parentheses, signs, powers or calls.
    NestedTooDeeply,
    /// A `)` with no `(` before it.
    UnmatchedClose,
    /// Two operands side by side, as in `2x`; the second one.
    MissingOperatorBefore(TokenText),
    /// An operator where the formula should have ended or continued with one, e.g. a stray sign.
    ExpectedOperatorOrEnd(TokenText),
    /// An operator, `(` or call with nothing usable after it.
    MissingOperand {
        /// The operator, `(` or call left dangling.
        after: TokenText,
    },
    /// A number, name or `(` was due; `None` when the formula ended instead.
    ExpectedOperand {
        /// What stood where the operand was due.
        found: Option<TokenText>,
    },
    /// A name that is neither a variable, a constant nor a [`Function`] (cut to a short excerpt).
    UnknownName(String),
    /// A function name not followed by `(`.
    MissingCallParenthesis {
        /// The function's name as typed.
        function: String,
    },
    /// The `(` at `open_column` was never closed; `None` when the formula ended instead.
    UnclosedParenthesis {
        /// 1-based column of the `(` left open.
        open_column: usize,
        /// What stood where its `)` was due.
        found: Option<TokenText>,
    },
}

/// A token as an error message names it.
#[derive(Debug, Clone, PartialEq)]
pub enum TokenText {
    /// A number literal, by its value.
    Number(f64),
    /// A variable, constant or function name, cut to a short excerpt.
    Name(String),
    /// An operator or parenthesis.
    Symbol(char),
    /// A function name with its opening parenthesis, as in "after 'sin('".
    Call(String),
}

impl FormulaError {
    pub(crate) fn new(column: usize, kind: FormulaErrorKind) -> Self {
        FormulaError { column, kind }
    }

    /// What was expected, in English words a student can act on (the text after "column N: ").
    pub fn message(&self) -> String {
        self.kind.to_string()
    }
}

impl fmt::Display for FormulaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "column {}: {}", self.column, self.kind)
    }
}

impl std::error::Error for FormulaError {}

impl fmt::Display for FormulaErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use FormulaErrorKind::*;
        match self {
            TooLong => write!(f, "the formula is too long: at most {MAX_LENGTH} characters"),
            Empty => write!(f, "the formula is empty: type a loss in x and y, like (1 - x*y)^2"),
            UnexpectedCharacter(c) => write!(
                f,
                "unexpected character {}: use numbers, x, y, + - * / ^, parentheses and function names",
                shown_character(*c)
            ),
            MissingDigits => write!(f, "expected digits in the number (like 0.5 or .5)"),
            MissingExponentDigits => write!(
                f,
                "expected digits after the exponent 'e' of the number (like 1e-3); write 2*e for 2 times the constant e"
            ),
            NumberTooLarge(text) => write!(f, "the number {text} is too large"),
            NestedTooDeeply => write!(
                f,
                "the formula is nested too deeply (more than {MAX_NESTING} levels)"
            ),
            UnmatchedClose => write!(f, "unmatched ')': there is no '(' for it to close"),
            MissingOperatorBefore(token) => write!(
                f,
                "expected an operator before {token} (write 2*x, not 2x)"
            ),
            ExpectedOperatorOrEnd(token) => {
                write!(f, "expected an operator or the end, found {token}")
            }
            MissingOperand { after } => write!(f, "expected an operand after {after}"),
            ExpectedOperand { found: Some(token) } => write!(
                f,
                "expected a number, x, y, a function or '(' but found {token}"
            ),
            ExpectedOperand { found: None } => write!(
                f,
                "expected a number, x, y, a function or '(' but the formula ended"
            ),
            UnknownName(name) => write!(
                f,
                "unknown name '{name}'; known names: x, y (or w1, w2), pi, e, and the functions {}",
                function_names()
            ),
            MissingCallParenthesis { function } => write!(
                f,
                "expected '(' after the function {function}, as in {function}(x)"
            ),
            UnclosedParenthesis { open_column, found } => {
                write!(f, "expected ')' to close the '(' at column {open_column}, but ")?;
                match found {
                    Some(token) => write!(f, "found {token}"),
                    None => write!(f, "the formula ended"),
                }
            }
        }
    }
}

impl TokenText {
    /// The token as it was typed, quoted; numbers bare (in exponent form when long).
    pub fn quoted(&self) -> String {
        match self {
            TokenText::Number(n) => short_number(*n),
            TokenText::Name(name) => format!("'{name}'"),
            TokenText::Symbol(c) => format!("'{c}'"),
            TokenText::Call(name) => format!("'{name}('"),
        }
    }
}

impl fmt::Display for TokenText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TokenText::Number(n) => write!(f, "the number {}", short_number(*n)),
            other => f.write_str(&other.quoted()),
        }
    }
}

/// A character as it can be shown safely in a one-line message.
pub fn shown_character(c: char) -> String {
    if c.is_control() {
        format!("U+{:04X}", c as u32)
    } else {
        format!("'{c}'")
    }
}

/// The function names a formula may call, comma-separated, for "unknown name" messages.
pub fn function_names() -> String {
    let names: Vec<&str> = Function::ALL.iter().map(|(name, _)| *name).collect();
    names.join(", ")
}

/// Most characters of a name or number quoted in a message: a pasted 10,000-digit number must not
/// become a 10,000-character error (the share link shows these messages in its notice bar).
const QUOTED_CHARS: usize = 24;

/// `text` cut to [`QUOTED_CHARS`] characters, with an ellipsis when cut.
pub(crate) fn excerpt(text: &str) -> String {
    let mut shown: String = text.chars().take(QUOTED_CHARS).collect();
    if text.chars().nth(QUOTED_CHARS).is_some() {
        shown.push('…');
    }
    shown
}

/// A number as it reads in a message: plain digits while short, exponent form beyond (`1e300`, not 301 digits).
fn short_number(n: f64) -> String {
    let plain = n.to_string();
    if plain.chars().count() <= QUOTED_CHARS {
        plain
    } else {
        format!("{n:e}")
    }
}

/// Characters of formula shown on each side of an error's column: long pastes stay readable.
const CARET_CONTEXT: usize = 40;

/// Two lines: the formula around `column` (1-based characters) and a caret under that column.
pub fn caret_lines(text: &str, column: usize) -> String {
    let characters: Vec<char> = text.chars().collect();
    let index = column.saturating_sub(1);
    let start = index.saturating_sub(CARET_CONTEXT);
    let end = (index + CARET_CONTEXT).min(characters.len());
    let prefix = if start > 0 { "…" } else { "" };
    let suffix = if end < characters.len() { "…" } else { "" };
    let excerpt: String = characters
        .get(start..end)
        .unwrap_or_default()
        .iter()
        .collect();
    let pad = prefix.chars().count() + (index - start);
    format!("{prefix}{excerpt}{suffix}\n{}^", " ".repeat(pad))
}

#[cfg(test)]
mod caret_tests {
    use super::caret_lines;

    #[test]
    fn the_caret_sits_under_the_error_column() {
        assert_eq!(caret_lines("x + * y", 5), "x + * y\n    ^");
        let long = format!("{}+*", "x+".repeat(100));
        let lines = caret_lines(&long, 202);
        let (formula, caret) = lines.split_once('\n').unwrap();
        assert!(formula.starts_with('…'));
        assert_eq!(formula.chars().nth(caret.chars().count() - 1), Some('*'));
    }
}
