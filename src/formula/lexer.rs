//! Splits formula text into tokens, each with the 1-based character column it starts at.

use super::error::excerpt;
use super::{FormulaError, FormulaErrorKind, TokenText};

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Token {
    Number(f64),
    Name(String),
    Plus,
    Minus,
    Star,
    Slash,
    Caret,
    Open,
    Close,
}

impl Token {
    /// How the token reads in an error message.
    pub(crate) fn text(&self) -> TokenText {
        match self {
            Token::Number(n) => TokenText::Number(*n),
            Token::Name(name) => TokenText::Name(excerpt(name)),
            Token::Plus => TokenText::Symbol('+'),
            Token::Minus => TokenText::Symbol('-'),
            Token::Star => TokenText::Symbol('*'),
            Token::Slash => TokenText::Symbol('/'),
            Token::Caret => TokenText::Symbol('^'),
            Token::Open => TokenText::Symbol('('),
            Token::Close => TokenText::Symbol(')'),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Spanned {
    pub token: Token,
    pub column: usize,
}

pub(crate) fn tokenize(source: &str) -> Result<Vec<Spanned>, FormulaError> {
    let chars: Vec<char> = source.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let column = i + 1;
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let single = match c {
            '+' => Some(Token::Plus),
            '-' | '\u{2212}' => Some(Token::Minus),
            '/' => Some(Token::Slash),
            '^' => Some(Token::Caret),
            '(' => Some(Token::Open),
            ')' => Some(Token::Close),
            _ => None,
        };
        if let Some(token) = single {
            tokens.push(Spanned { token, column });
            i += 1;
        } else if c == '*' {
            // `**` is Python's power; accept it as `^`.
            let token = if chars.get(i + 1) == Some(&'*') {
                i += 1;
                Token::Caret
            } else {
                Token::Star
            };
            tokens.push(Spanned { token, column });
            i += 1;
        } else if c.is_ascii_digit() || c == '.' {
            let (number, end) = read_number(&chars, i)?;
            tokens.push(Spanned {
                token: Token::Number(number),
                column,
            });
            i = end;
        } else if c.is_ascii_alphabetic() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            let name: String = chars[start..i].iter().collect();
            tokens.push(Spanned {
                token: Token::Name(name.to_ascii_lowercase()),
                column,
            });
        } else {
            return Err(FormulaError::new(
                column,
                FormulaErrorKind::UnexpectedCharacter(c),
            ));
        }
    }
    Ok(tokens)
}

/// Reads `digits[.digits][(e|E)[+|-]digits]` (or `.digits...`) starting at `start`.
fn read_number(chars: &[char], start: usize) -> Result<(f64, usize), FormulaError> {
    let digits_from = |mut i: usize| {
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        i
    };
    let mut i = digits_from(start);
    let mut mantissa_digits = i - start;
    if chars.get(i) == Some(&'.') {
        let after_point = digits_from(i + 1);
        mantissa_digits += after_point - (i + 1);
        i = after_point;
    }
    if mantissa_digits == 0 {
        return Err(FormulaError::new(
            start + 1,
            FormulaErrorKind::MissingDigits,
        ));
    }
    if matches!(chars.get(i), Some('e') | Some('E')) {
        // `2e` followed by a name is ambiguous with the constant e; we insist on digits.
        let mut j = i + 1;
        if matches!(chars.get(j), Some('+') | Some('-')) {
            j += 1;
        }
        let exponent_end = digits_from(j);
        if exponent_end == j {
            return Err(FormulaError::new(
                i + 1,
                FormulaErrorKind::MissingExponentDigits,
            ));
        }
        i = exponent_end;
    }
    let text: String = chars[start..i].iter().collect();
    match text.parse::<f64>() {
        Ok(value) if value.is_finite() => Ok((value, i)),
        _ => Err(FormulaError::new(
            start + 1,
            FormulaErrorKind::NumberTooLarge(excerpt(&text)),
        )),
    }
}
