use std::fmt;

/// Why a formula could not be parsed, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormulaError {
    /// 1-based character column of the offending spot; one past the end for "ran out of formula".
    pub column: usize,
    /// What was expected, in words a student can act on.
    pub message: String,
}

impl FormulaError {
    pub(crate) fn new(column: usize, message: impl Into<String>) -> Self {
        FormulaError {
            column,
            message: message.into(),
        }
    }
}

impl fmt::Display for FormulaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "column {}: {}", self.column, self.message)
    }
}

impl std::error::Error for FormulaError {}
