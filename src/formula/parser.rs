//! Recursive descent that emits the postfix tape directly, folding constants as it goes.

use super::error::excerpt;
use super::lexer::{tokenize, Spanned, Token};
use super::tape::Op;
use super::{FormulaError, FormulaErrorKind, Function, TokenText, MAX_LENGTH, MAX_NESTING};

pub(crate) fn parse(source: &str) -> Result<Vec<Op>, FormulaError> {
    let length = source.chars().count();
    if length > MAX_LENGTH {
        return Err(FormulaError::new(MAX_LENGTH + 1, FormulaErrorKind::TooLong));
    }
    if source.trim().is_empty() {
        return Err(FormulaError::new(1, FormulaErrorKind::Empty));
    }
    let tokens = tokenize(source)?;
    let mut parser = Parser {
        tokens: &tokens,
        position: 0,
        end_column: length + 1,
        depth: 0,
        ops: Vec::new(),
    };
    parser.sum()?;
    if let Some(extra) = parser.peek() {
        let kind = match extra.token {
            Token::Close => FormulaErrorKind::UnmatchedClose,
            Token::Number(_) | Token::Name(_) | Token::Open => {
                FormulaErrorKind::MissingOperatorBefore(extra.token.text())
            }
            _ => FormulaErrorKind::ExpectedOperatorOrEnd(extra.token.text()),
        };
        return Err(FormulaError::new(extra.column, kind));
    }
    Ok(parser.ops)
}

struct Parser<'a> {
    tokens: &'a [Spanned],
    position: usize,
    /// Column reported when the formula ends too early.
    end_column: usize,
    depth: usize,
    ops: Vec<Op>,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Spanned> {
        self.tokens.get(self.position)
    }

    fn next_if(&mut self, wanted: &Token) -> bool {
        if self.peek().map(|t| &t.token) == Some(wanted) {
            self.position += 1;
            true
        } else {
            false
        }
    }

    /// Enters one level of nesting, refusing to go deeper than `MAX_NESTING`.
    fn descend(&mut self, column: usize) -> Result<(), FormulaError> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return Err(FormulaError::new(column, FormulaErrorKind::NestedTooDeeply));
        }
        Ok(())
    }

    fn sum(&mut self) -> Result<(), FormulaError> {
        self.left_associative(Self::product, |token| match token {
            Token::Plus => Some(Op::Add),
            Token::Minus => Some(Op::Sub),
            _ => None,
        })
    }

    fn product(&mut self) -> Result<(), FormulaError> {
        self.left_associative(Self::unary, |token| match token {
            Token::Star => Some(Op::Mul),
            Token::Slash => Some(Op::Div),
            _ => None,
        })
    }

    /// `operand (operator operand)*`, folded to the left; a loop, so long chains never recurse.
    fn left_associative(
        &mut self,
        operand: fn(&mut Self) -> Result<(), FormulaError>,
        operator: fn(&Token) -> Option<Op>,
    ) -> Result<(), FormulaError> {
        operand(self)?;
        while let Some((op, text)) = self
            .peek()
            .and_then(|t| operator(&t.token).map(|op| (op, t.token.text())))
        {
            self.position += 1;
            self.operand_after(text, operand)?;
            self.emit(op);
        }
        Ok(())
    }

    fn unary(&mut self) -> Result<(), FormulaError> {
        let Some(token) = self.peek() else {
            return self.power();
        };
        let column = token.column;
        let negate = match token.token {
            Token::Minus => true,
            Token::Plus => false,
            _ => return self.power(),
        };
        let operator = token.token.text();
        self.position += 1;
        self.descend(column)?;
        self.operand_after(operator, Self::unary)?;
        self.depth -= 1;
        if negate {
            self.emit(Op::Neg);
        }
        Ok(())
    }

    fn power(&mut self) -> Result<(), FormulaError> {
        self.atom()?;
        if let Some(caret) = self.peek().filter(|t| t.token == Token::Caret) {
            let column = caret.column;
            self.position += 1;
            self.descend(column)?;
            self.operand_after(TokenText::Symbol('^'), Self::unary)?;
            self.depth -= 1;
            self.emit(Op::Pow);
        }
        Ok(())
    }

    fn atom(&mut self) -> Result<(), FormulaError> {
        let Some(Spanned { token, column }) = self.peek().cloned() else {
            return Err(FormulaError::new(
                self.end_column,
                FormulaErrorKind::ExpectedOperand { found: None },
            ));
        };
        self.position += 1;
        match token {
            Token::Number(value) => self.emit(Op::Const(value)),
            Token::Open => {
                self.descend(column)?;
                self.operand_after(TokenText::Symbol('('), Self::sum)?;
                self.depth -= 1;
                self.expect_close(column)?;
            }
            Token::Name(name) => self.name(&name, column)?,
            other => {
                return Err(FormulaError::new(
                    column,
                    FormulaErrorKind::ExpectedOperand {
                        found: Some(other.text()),
                    },
                ))
            }
        }
        Ok(())
    }

    fn name(&mut self, name: &str, column: usize) -> Result<(), FormulaError> {
        let op = match name {
            "x" | "w1" => Op::X,
            "y" | "w2" => Op::Y,
            "pi" => Op::Const(std::f64::consts::PI),
            "e" => Op::Const(std::f64::consts::E),
            _ => {
                let Some(function) = Function::from_name(name) else {
                    return Err(FormulaError::new(
                        column,
                        FormulaErrorKind::UnknownName(excerpt(name)),
                    ));
                };
                let Some(open) = self.peek().filter(|t| t.token == Token::Open) else {
                    return Err(FormulaError::new(
                        self.peek().map_or(self.end_column, |t| t.column),
                        FormulaErrorKind::MissingCallParenthesis {
                            function: name.to_string(),
                        },
                    ));
                };
                let open_column = open.column;
                self.position += 1;
                self.descend(column)?;
                self.operand_after(TokenText::Call(name.to_string()), Self::sum)?;
                self.depth -= 1;
                self.expect_close(open_column)?;
                Op::Call(function)
            }
        };
        self.emit(op);
        Ok(())
    }

    fn expect_close(&mut self, open_column: usize) -> Result<(), FormulaError> {
        if self.next_if(&Token::Close) {
            return Ok(());
        }
        let (column, found) = match self.peek() {
            Some(t) => (t.column, Some(t.token.text())),
            None => (self.end_column, None),
        };
        Err(FormulaError::new(
            column,
            FormulaErrorKind::UnclosedParenthesis { open_column, found },
        ))
    }

    /// Parses the operand that must follow `operator`, with a message that names the operator when it is missing.
    fn operand_after(
        &mut self,
        operator: TokenText,
        operand: fn(&mut Self) -> Result<(), FormulaError>,
    ) -> Result<(), FormulaError> {
        let missing = match self.peek() {
            None => Some(self.end_column),
            Some(t)
                if matches!(
                    t.token,
                    Token::Close | Token::Star | Token::Slash | Token::Caret
                ) =>
            {
                Some(t.column)
            }
            _ => None,
        };
        if let Some(column) = missing {
            return Err(FormulaError::new(
                column,
                FormulaErrorKind::MissingOperand { after: operator },
            ));
        }
        operand(self)
    }

    /// Appends an instruction, folding it into the tape's tail when its operands are constants.
    fn emit(&mut self, op: Op) {
        let folded = match (op, self.ops.as_slice()) {
            (Op::Neg, [.., Op::Const(a)]) => Some((1, Op::Const(-a))),
            (Op::Call(function), [.., Op::Const(a)]) => Some((1, Op::Const(function.apply(*a)))),
            (Op::Pow, [.., Op::Const(a), Op::Const(b)]) => Some((2, Op::Const(a.powf(*b)))),
            (Op::Pow, [.., Op::Const(b)]) => Some((1, power_by_constant(*b))),
            (Op::Add | Op::Sub | Op::Mul | Op::Div, [.., Op::Const(a), Op::Const(b)]) => {
                let value = match op {
                    Op::Add => a + b,
                    Op::Sub => a - b,
                    Op::Mul => a * b,
                    _ => a / b,
                };
                Some((2, Op::Const(value)))
            }
            _ => None,
        };
        match folded {
            Some((consumed, replacement)) => {
                self.ops.truncate(self.ops.len() - consumed);
                self.ops.push(replacement);
            }
            None => self.ops.push(op),
        }
    }
}

/// `a^b` for a constant `b`: whole exponents stay defined (and differentiable) for negative and zero bases.
fn power_by_constant(exponent: f64) -> Op {
    if exponent.fract() == 0.0 && exponent.abs() <= 1024.0 {
        Op::PowInt(exponent as i32)
    } else {
        Op::PowConst(exponent)
    }
}
