//! The condition language that decides whether a question is asked, and its hand-written
//! parser. It is small on purpose, so a supervisor can read and write it and a syntax error can
//! point at a character:
//!
//! ```text
//! condition  := or
//! or         := and ("or" and)*
//! and        := unary ("and" unary)*
//! unary      := "not" unary | "(" or ")" | "answered" "(" QUESTION ")"
//!             | QUESTION ("=" | "!=" | "<" | "<=" | ">" | ">=") VALUE
//!             | QUESTION "in" "[" VALUE ("," VALUE)* "]"
//! VALUE      := whole number (-12, 0, 5) | "text" | 'text'   (text only for dates: "2026-10-01")
//! ```
//!
//! `not` binds tighter than `and`, which binds tighter than `or`; `==` is read as `=`.
//! What a comparison means depends on the question compared (checked on load, see `check`):
//! a single choice compares its option code; a 1–5 scale its score, with `0` standing for
//! “không ý kiến” (equal to 0, never smaller or larger than anything); a multiple choice reads
//! `q = 3` as “option 3 was chosen”, `q != 3` as “not chosen” and `q in [..]` as “any of them
//! chosen”; a date compares with a date; a free text only answers `answered(q)`. A comparison
//! with a question that has no answer (not asked, skipped, left blank) is false, whatever the
//! operator — `not (q = 1)` is how to say “unless q is 1”.

use std::cmp::Ordering;
use std::fmt;

use super::answer::{Answer, Rating};
use super::id::QuestionId;
use crate::domain::intake::date::parse_date_text;

/// Nesting deeper than this is refused rather than risking the stack.
const MAX_DEPTH: usize = 64;

/// A parsed condition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Condition {
    /// At least two alternatives.
    Or(Vec<Condition>),
    /// At least two conjuncts.
    And(Vec<Condition>),
    Not(Box<Condition>),
    Answered(QuestionRef),
    Compare {
        question: QuestionRef,
        op: Op,
        value: Literal,
    },
    In {
        question: QuestionRef,
        values: Vec<Literal>,
    },
}

/// A question named in a condition, with where it was written (character from 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionRef {
    pub id: QuestionId,
    pub at: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl Op {
    pub fn symbol(self) -> &'static str {
        match self {
            Op::Eq => "=",
            Op::Ne => "!=",
            Op::Lt => "<",
            Op::Le => "<=",
            Op::Gt => ">",
            Op::Ge => ">=",
        }
    }

    /// `<`, `<=`, `>`, `>=`: the comparisons that need an order.
    pub fn is_ordering(self) -> bool {
        !matches!(self, Op::Eq | Op::Ne)
    }

    fn test(self, ordering: Ordering) -> bool {
        match self {
            Op::Eq => ordering.is_eq(),
            Op::Ne => ordering.is_ne(),
            Op::Lt => ordering.is_lt(),
            Op::Le => ordering.is_le(),
            Op::Gt => ordering.is_gt(),
            Op::Ge => ordering.is_ge(),
        }
    }
}

/// A value written in a condition.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Literal {
    Int(i64),
    Text(String),
}

impl fmt::Display for Literal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Literal::Int(n) => write!(f, "{n}"),
            Literal::Text(t) if t.contains('"') => write!(f, "'{t}'"),
            Literal::Text(t) => write!(f, "\"{t}\""),
        }
    }
}

/// A condition that cannot be read: where (character from 1) and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("lỗi cú pháp ở ký tự {at}: {reason}")]
pub struct SyntaxError {
    /// Character position from 1 within the condition's text.
    pub at: usize,
    /// Byte offset of the same place, to point into the file.
    pub byte: usize,
    pub reason: String,
}

impl Condition {
    /// Reads a condition.
    pub fn parse(text: &str) -> Result<Self, SyntaxError> {
        let tokens = lex(text)?;
        let mut parser = Parser {
            text,
            tokens,
            pos: 0,
            depth: 0,
        };
        let condition = parser.or()?;
        match parser.peek() {
            Tok::End => Ok(condition),
            other => Err(parser.error_here(format!("thừa {} sau điều kiện", other.describe()))),
        }
    }

    /// Whether the condition holds, given how to find an earlier question's answer (`None`:
    /// not answered, or not to be counted).
    pub fn holds<'a>(&self, answer_of: &dyn Fn(&QuestionId) -> Option<&'a Answer>) -> bool {
        match self {
            Condition::Or(items) => items.iter().any(|c| c.holds(answer_of)),
            Condition::And(items) => items.iter().all(|c| c.holds(answer_of)),
            Condition::Not(inner) => !inner.holds(answer_of),
            Condition::Answered(q) => answer_of(&q.id).is_some_and(|a| !a.is_blank()),
            Condition::Compare {
                question,
                op,
                value,
            } => answer_of(&question.id).is_some_and(|a| compare(a, *op, value)),
            Condition::In { question, values } => answer_of(&question.id)
                .is_some_and(|a| values.iter().any(|v| compare(a, Op::Eq, v))),
        }
    }

    /// Every question the condition names, in writing order.
    pub fn questions(&self) -> Vec<&QuestionRef> {
        let mut out = Vec::new();
        self.collect(&mut out);
        out
    }

    fn collect<'a>(&'a self, out: &mut Vec<&'a QuestionRef>) {
        match self {
            Condition::Or(items) | Condition::And(items) => {
                items.iter().for_each(|c| c.collect(out));
            }
            Condition::Not(inner) => inner.collect(out),
            Condition::Answered(q)
            | Condition::Compare { question: q, .. }
            | Condition::In { question: q, .. } => out.push(q),
        }
    }
}

/// What a comparison means for each kind of answer (see the module's doc).
fn compare(answer: &Answer, op: Op, value: &Literal) -> bool {
    match (answer, value) {
        (Answer::Choice(code), Literal::Int(n)) => op.test(i64::from(code.value()).cmp(n)),
        (Answer::Scale(Rating::Score(s)), Literal::Int(n)) => op.test(i64::from(*s).cmp(n)),
        (Answer::Scale(Rating::DontKnow), Literal::Int(n)) => match op {
            Op::Eq => *n == 0,
            Op::Ne => *n != 0,
            _ => false,
        },
        (Answer::Choices(codes), Literal::Int(n)) => {
            let chosen = codes.iter().any(|c| i64::from(c.value()) == *n);
            match op {
                Op::Eq => chosen,
                Op::Ne => !chosen,
                _ => false,
            }
        }
        (Answer::Integer(v), Literal::Int(n)) => op.test(v.cmp(n)),
        (Answer::Date(d), Literal::Text(t)) => {
            parse_date_text(t).is_ok_and(|other| op.test(d.cmp(&other)))
        }
        _ => false,
    }
}

/// Precedence levels, for printing with the fewest parentheses.
fn level(c: &Condition) -> u8 {
    match c {
        Condition::Or(_) => 0,
        Condition::And(_) => 1,
        _ => 2,
    }
}

/// The canonical text: single spaces, lower-case words, parentheses only where needed (and
/// around a comparison under `not`, for the reader). Reading it back gives the same condition.
impl fmt::Display for Condition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let child = |f: &mut fmt::Formatter<'_>, c: &Condition, min: u8| {
            if level(c) < min {
                write!(f, "({c})")
            } else {
                write!(f, "{c}")
            }
        };
        match self {
            Condition::Or(items) | Condition::And(items) => {
                let (word, min) = match self {
                    Condition::Or(_) => (" or ", 1),
                    _ => (" and ", 2),
                };
                for (i, c) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(word)?;
                    }
                    child(f, c, min)?;
                }
                Ok(())
            }
            Condition::Not(inner) => match **inner {
                Condition::Answered(_) | Condition::Not(_) => write!(f, "not {inner}"),
                _ => write!(f, "not ({inner})"),
            },
            Condition::Answered(q) => write!(f, "answered({})", q.id),
            Condition::Compare {
                question,
                op,
                value,
            } => write!(f, "{} {} {value}", question.id, op.symbol()),
            Condition::In { question, values } => {
                write!(f, "{} in [", question.id)?;
                for (i, v) in values.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{v}")?;
                }
                f.write_str("]")
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Tok {
    Ident(String),
    Int(i64),
    Str(String),
    LParen,
    RParen,
    LBracket,
    RBracket,
    Comma,
    Op(Op),
    And,
    Or,
    Not,
    In,
    Answered,
    End,
}

impl Tok {
    fn describe(&self) -> String {
        match self {
            Tok::Ident(name) => format!("“{name}”"),
            Tok::Int(n) => format!("số {n}"),
            Tok::Str(s) => format!("chuỗi “{s}”"),
            Tok::LParen => "“(”".to_owned(),
            Tok::RParen => "“)”".to_owned(),
            Tok::LBracket => "“[”".to_owned(),
            Tok::RBracket => "“]”".to_owned(),
            Tok::Comma => "“,”".to_owned(),
            Tok::Op(op) => format!("“{}”", op.symbol()),
            Tok::And => "“and”".to_owned(),
            Tok::Or => "“or”".to_owned(),
            Tok::Not => "“not”".to_owned(),
            Tok::In => "“in”".to_owned(),
            Tok::Answered => "“answered”".to_owned(),
            Tok::End => "hết điều kiện".to_owned(),
        }
    }
}

struct Token {
    tok: Tok,
    /// Byte offset in the text.
    at: usize,
}

fn char_at(text: &str, byte: usize) -> usize {
    text.get(..byte).map_or(0, |s| s.chars().count()) + 1
}

fn syntax(text: &str, byte: usize, reason: impl Into<String>) -> SyntaxError {
    SyntaxError {
        at: char_at(text, byte),
        byte,
        reason: reason.into(),
    }
}

fn lex(text: &str) -> Result<Vec<Token>, SyntaxError> {
    let mut tokens = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some(&(at, c)) = chars.peek() {
        let tok = match c {
            c if c.is_whitespace() => {
                chars.next();
                continue;
            }
            '(' | ')' | '[' | ']' | ',' => {
                chars.next();
                match c {
                    '(' => Tok::LParen,
                    ')' => Tok::RParen,
                    '[' => Tok::LBracket,
                    ']' => Tok::RBracket,
                    _ => Tok::Comma,
                }
            }
            '=' | '!' | '<' | '>' => {
                chars.next();
                let eq_next = chars.next_if(|&(_, n)| n == '=').is_some();
                Tok::Op(match (c, eq_next) {
                    ('=', _) => Op::Eq,
                    ('!', true) => Op::Ne,
                    ('<', false) => Op::Lt,
                    ('<', true) => Op::Le,
                    ('>', false) => Op::Gt,
                    ('>', true) => Op::Ge,
                    _ => return Err(syntax(text, at, "“!” phải đi với “=” (khác: !=)")),
                })
            }
            '"' | '\'' => {
                chars.next();
                let mut value = String::new();
                loop {
                    match chars.next() {
                        Some((_, q)) if q == c => break,
                        Some((_, other)) => value.push(other),
                        None => return Err(syntax(text, at, "chuỗi chưa đóng dấu nháy")),
                    }
                }
                Tok::Str(value)
            }
            c if c.is_ascii_digit() || c == '-' => {
                chars.next();
                let mut digits = String::from(c);
                while let Some((_, d)) = chars.next_if(|&(_, d)| d.is_ascii_digit()) {
                    digits.push(d);
                }
                match digits.parse::<i64>() {
                    Ok(n) => Tok::Int(n),
                    Err(_) if digits == "-" => {
                        return Err(syntax(text, at, "sau dấu “-” cần một số"))
                    }
                    Err(_) => return Err(syntax(text, at, format!("số {digits} quá lớn"))),
                }
            }
            c if c.is_alphabetic() || c == '_' => {
                let mut word = String::new();
                while let Some((_, w)) =
                    chars.next_if(|&(_, w)| w.is_alphanumeric() || w == '_' || w == '.')
                {
                    word.push(w);
                }
                match word.as_str() {
                    "and" => Tok::And,
                    "or" => Tok::Or,
                    "not" => Tok::Not,
                    "in" => Tok::In,
                    "answered" => Tok::Answered,
                    _ => match QuestionId::parse(&word) {
                        Ok(_) => Tok::Ident(word),
                        Err(e) => return Err(syntax(text, at, e.to_string())),
                    },
                }
            }
            other => {
                return Err(syntax(
                    text,
                    at,
                    format!("ký tự “{other}” không dùng được trong điều kiện"),
                ))
            }
        };
        tokens.push(Token { tok, at });
    }
    tokens.push(Token {
        tok: Tok::End,
        at: text.len(),
    });
    Ok(tokens)
}

struct Parser<'a> {
    text: &'a str,
    tokens: Vec<Token>,
    pos: usize,
    depth: usize,
}

impl Parser<'_> {
    fn peek(&self) -> &Tok {
        self.tokens.get(self.pos).map_or(&Tok::End, |t| &t.tok)
    }

    fn here(&self) -> usize {
        self.tokens.get(self.pos).map_or(self.text.len(), |t| t.at)
    }

    fn advance(&mut self) -> Tok {
        let tok = self.peek().clone();
        if self.pos < self.tokens.len() {
            self.pos += 1;
        }
        tok
    }

    fn error_here(&self, reason: impl Into<String>) -> SyntaxError {
        syntax(self.text, self.here(), reason)
    }

    fn expect(&mut self, want: &Tok, name: &str) -> Result<(), SyntaxError> {
        if self.peek() == want {
            self.advance();
            Ok(())
        } else {
            let found = self.peek().describe();
            Err(self.error_here(format!("cần {name}, gặp {found}")))
        }
    }

    fn or(&mut self) -> Result<Condition, SyntaxError> {
        let mut items = vec![self.and()?];
        while *self.peek() == Tok::Or {
            self.advance();
            items.push(self.and()?);
        }
        Ok(if items.len() == 1 {
            items.swap_remove(0)
        } else {
            Condition::Or(items)
        })
    }

    fn and(&mut self) -> Result<Condition, SyntaxError> {
        let mut items = vec![self.unary()?];
        while *self.peek() == Tok::And {
            self.advance();
            items.push(self.unary()?);
        }
        Ok(if items.len() == 1 {
            items.swap_remove(0)
        } else {
            Condition::And(items)
        })
    }

    fn unary(&mut self) -> Result<Condition, SyntaxError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error_here("điều kiện lồng nhau quá sâu"));
        }
        let result = self.unary_inner();
        self.depth -= 1;
        result
    }

    fn unary_inner(&mut self) -> Result<Condition, SyntaxError> {
        let at = self.here();
        match self.advance() {
            Tok::Not => Ok(Condition::Not(Box::new(self.unary()?))),
            Tok::LParen => {
                let inner = self.or()?;
                self.expect(&Tok::RParen, "“)”")?;
                Ok(inner)
            }
            Tok::Answered => {
                self.expect(&Tok::LParen, "“(” sau answered")?;
                let question = self.question()?;
                self.expect(&Tok::RParen, "“)”")?;
                Ok(Condition::Answered(question))
            }
            Tok::Ident(name) => {
                let question = self.reference(name, at)?;
                match self.advance() {
                    Tok::Op(op) => Ok(Condition::Compare {
                        question,
                        op,
                        value: self.value()?,
                    }),
                    Tok::In => {
                        self.expect(&Tok::LBracket, "“[” sau in")?;
                        let mut values = vec![self.value()?];
                        while *self.peek() == Tok::Comma {
                            self.advance();
                            values.push(self.value()?);
                        }
                        self.expect(&Tok::RBracket, "“]” hoặc “,”")?;
                        Ok(Condition::In { question, values })
                    }
                    other => {
                        self.pos -= 1;
                        Err(self.error_here(format!(
                            "sau “{}” cần phép so sánh (=, !=, <, <=, >, >=) hoặc “in”, gặp {}",
                            question.id,
                            other.describe()
                        )))
                    }
                }
            }
            Tok::End => Err(syntax(
                self.text,
                at,
                if self.tokens.len() == 1 {
                    "điều kiện trống"
                } else {
                    "điều kiện bị cắt ngang"
                },
            )),
            other => Err(syntax(
                self.text,
                at,
                format!(
                    "cần tên câu hỏi, “not”, “answered(…)” hoặc “(”, gặp {}",
                    other.describe()
                ),
            )),
        }
    }

    fn question(&mut self) -> Result<QuestionRef, SyntaxError> {
        let at = self.here();
        match self.advance() {
            Tok::Ident(name) => self.reference(name, at),
            other => Err(syntax(
                self.text,
                at,
                format!("cần tên câu hỏi, gặp {}", other.describe()),
            )),
        }
    }

    fn reference(&self, name: String, byte: usize) -> Result<QuestionRef, SyntaxError> {
        let id = QuestionId::parse(&name).map_err(|e| syntax(self.text, byte, e.to_string()))?;
        Ok(QuestionRef {
            id,
            at: char_at(self.text, byte),
        })
    }

    fn value(&mut self) -> Result<Literal, SyntaxError> {
        let at = self.here();
        match self.advance() {
            Tok::Int(n) => Ok(Literal::Int(n)),
            Tok::Str(s) => Ok(Literal::Text(s)),
            other => Err(syntax(
                self.text,
                at,
                format!(
                    "cần một số hoặc một chuỗi trong dấu nháy, gặp {}",
                    other.describe()
                ),
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use chrono::NaiveDate;

    use super::*;
    use crate::domain::survey::id::OptionCode;

    fn parse(text: &str) -> Condition {
        Condition::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"))
    }

    fn id(text: &str) -> QuestionId {
        QuestionId::parse(text).expect("valid id")
    }

    fn code(n: i64) -> OptionCode {
        OptionCode::new(n).expect("valid code")
    }

    fn holds(text: &str, answers: &[(&str, Answer)]) -> bool {
        let map: BTreeMap<QuestionId, Answer> =
            answers.iter().map(|(q, a)| (id(q), a.clone())).collect();
        parse(text).holds(&|q| map.get(q))
    }

    #[test]
    fn precedence_is_not_then_and_then_or() {
        let table = [
            ("a = 1 or b = 2 and c = 3", "a = 1 or b = 2 and c = 3"),
            ("(a = 1 or b = 2) and c = 3", "(a = 1 or b = 2) and c = 3"),
            ("not a = 1 and b = 2", "not (a = 1) and b = 2"),
            ("not (a = 1 and b = 2)", "not (a = 1 and b = 2)"),
            ("not answered(x) or x == 1", "not answered(x) or x = 1"),
            ("((a>=18))", "a >= 18"),
            ("a in [1,2 ,3]", "a in [1, 2, 3]"),
            ("d >= '2026-01-01'", "d >= \"2026-01-01\""),
            ("a != -2", "a != -2"),
            ("not not answered(a)", "not not answered(a)"),
        ];
        for (text, canonical) in table {
            let printed = parse(text).to_string();
            assert_eq!(printed, canonical, "{text}");
            assert_eq!(parse(&printed), parse(canonical), "{text} reads back");
        }
    }

    #[test]
    fn syntax_errors_name_the_character() {
        let table = [
            ("", 1, "điều kiện trống"),
            ("a = ", 5, "cần một số hoặc một chuỗi"),
            ("   ", 4, "điều kiện trống"),
            ("a = 1 and", 10, "điều kiện bị cắt ngang"),
            ("(a = 1", 7, "cần “)”"),
            ("a 1", 3, "sau “a” cần phép so sánh"),
            ("a = b", 5, "cần một số hoặc một chuỗi"),
            ("a = 1 b = 2", 7, "thừa “b” sau điều kiện"),
            ("a in [1, 2", 11, "cần “]” hoặc “,”"),
            ("a = 'x", 5, "chuỗi chưa đóng dấu nháy"),
            ("a ! 1", 3, "“!” phải đi với “=”"),
            ("tuổi >= 18", 1, "mã “tuổi” không hợp lệ"),
            ("a = 1 & b = 2", 7, "ký tự “&”"),
            ("answered a", 10, "cần “(” sau answered"),
            ("a = 1 and or", 11, "cần tên câu hỏi"),
            ("a = 99999999999999999999", 5, "quá lớn"),
        ];
        for (text, at, reason) in table {
            let e = Condition::parse(text).expect_err(text);
            assert_eq!(e.at, at, "{text}: {e}");
            assert!(e.reason.contains(reason), "{text}: {e}");
        }
        let deep = format!("{}a = 1{}", "(".repeat(100), ")".repeat(100));
        assert!(Condition::parse(&deep)
            .expect_err("too deep")
            .reason
            .contains("quá sâu"));
    }

    #[test]
    fn positions_count_characters_not_bytes() {
        let e = Condition::parse("\"ý\" = 1").expect_err("a string cannot start");
        assert_eq!(e.at, 1);
        let e = Condition::parse("a = \"ýý\" ?").expect_err("stray");
        assert_eq!((e.at, e.byte), (10, 11));
    }

    #[test]
    fn comparisons_by_kind_of_answer() {
        let single = Answer::Choice(code(2));
        let dk = Answer::Scale(Rating::DontKnow);
        let four = Answer::Scale(Rating::Score(4));
        let many = Answer::Choices([code(1), code(3)].into());
        let age = Answer::Integer(30);
        let day = Answer::Date(NaiveDate::from_ymd_opt(2026, 10, 15).expect("date"));
        let table: Vec<(&str, Answer, bool)> = vec![
            ("q = 2", single.clone(), true),
            ("q != 2", single.clone(), false),
            ("q in [1, 2]", single.clone(), true),
            ("q > 1", single.clone(), true),
            ("q >= 4", four.clone(), true),
            ("q < 4", four.clone(), false),
            ("q = 0", dk.clone(), true),
            ("q != 0", dk.clone(), false),
            ("q != 4", dk.clone(), true),
            ("q < 3", dk.clone(), false),
            ("q >= 1", dk.clone(), false),
            ("q = 3", many.clone(), true),
            ("q = 2", many.clone(), false),
            ("q != 2", many.clone(), true),
            ("q in [2, 3]", many.clone(), true),
            ("q in [2, 4]", many.clone(), false),
            ("q >= 18", age.clone(), true),
            ("q < 18", age.clone(), false),
            ("q >= \"2026-10-01\"", day.clone(), true),
            ("q < '01/10/2026'", day.clone(), false),
            ("q = 1", Answer::Text("1".to_owned()), false),
            ("answered(q)", Answer::Text("x".to_owned()), true),
            ("answered(q)", Answer::Blank, false),
            ("answered(q)", dk.clone(), true),
            ("q != 1", Answer::Blank, false),
        ];
        for (text, answer, expected) in table {
            assert_eq!(
                holds(text, &[("q", answer.clone())]),
                expected,
                "{text} with {answer:?}"
            );
        }
    }

    #[test]
    fn an_unanswered_question_makes_every_comparison_false() {
        for text in ["q = 1", "q != 1", "q < 1", "q in [1]", "answered(q)"] {
            assert!(!holds(text, &[]), "{text}");
        }
        assert!(holds("not (q = 1)", &[]));
        assert!(holds("not answered(q) or q = 1", &[]));
        assert!(holds(
            "not answered(q) or q = 1",
            &[("q", Answer::Choice(code(1)))]
        ));
        assert!(!holds(
            "not answered(q) or q = 1",
            &[("q", Answer::Choice(code(2)))]
        ));
    }

    #[test]
    fn and_or_not_combine_as_in_logic() {
        let consent = ("consent", Answer::Choice(code(1)));
        let adult = ("age", Answer::Integer(20));
        let minor = ("age", Answer::Integer(17));
        let text = "consent = 1 and (age >= 18)";
        assert!(holds(text, &[consent.clone(), adult.clone()]));
        assert!(!holds(text, &[consent.clone(), minor.clone()]));
        assert!(!holds(text, std::slice::from_ref(&adult)));
        assert!(holds("consent = 2 or age >= 18", &[consent.clone(), adult]));
        assert!(holds("not (consent = 2 or age >= 18)", &[consent, minor]));
    }

    /// A random condition over questions `a`, `b`, `c` (single choices 1–3), at most `depth`
    /// deep.
    fn random(rng: &mut rand_chacha::ChaCha8Rng, depth: u32) -> Condition {
        use rand::Rng;
        let q = |rng: &mut rand_chacha::ChaCha8Rng| QuestionRef {
            id: id(["a", "b", "c"][rng.random_range(0..3)]),
            at: 0,
        };
        let pick = if depth == 0 {
            rng.random_range(3..6)
        } else {
            rng.random_range(0..6)
        };
        match pick {
            0 | 1 => {
                let items = (0..rng.random_range(2..4))
                    .map(|_| random(rng, depth - 1))
                    .collect();
                if pick == 0 {
                    Condition::Or(items)
                } else {
                    Condition::And(items)
                }
            }
            2 => Condition::Not(Box::new(random(rng, depth - 1))),
            3 => Condition::Answered(q(rng)),
            4 => Condition::Compare {
                question: q(rng),
                op: [Op::Eq, Op::Ne, Op::Lt, Op::Le, Op::Gt, Op::Ge][rng.random_range(0..6)],
                value: Literal::Int(rng.random_range(0..4)),
            },
            _ => Condition::In {
                question: q(rng),
                values: (0..rng.random_range(1..3))
                    .map(|_| Literal::Int(rng.random_range(1..4)))
                    .collect(),
            },
        }
    }

    #[test]
    fn printing_and_reading_back_keeps_the_meaning_of_any_condition() {
        use rand::{Rng, SeedableRng};
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(6);
        for _ in 0..500 {
            let original = random(&mut rng, 4);
            let printed = original.to_string();
            let read = Condition::parse(&printed).unwrap_or_else(|e| panic!("{printed}: {e}"));
            assert_eq!(read.to_string(), printed, "printing is a fixed point");
            for _ in 0..8 {
                let answers: BTreeMap<QuestionId, Answer> = ["a", "b", "c"]
                    .iter()
                    .filter_map(|q| {
                        let n = rng.random_range(0..4);
                        (n > 0).then(|| (id(q), Answer::Choice(code(n))))
                    })
                    .collect();
                let lookup = |q: &QuestionId| answers.get(q);
                assert_eq!(
                    original.holds(&lookup),
                    read.holds(&lookup),
                    "{printed} with {answers:?}"
                );
            }
        }
    }

    #[test]
    fn questions_are_listed_in_writing_order_with_positions() {
        let c = parse("b = 1 or not answered(a) and c in [1]");
        let named: Vec<(&str, usize)> = c
            .questions()
            .iter()
            .map(|q| (q.id.as_str(), q.at))
            .collect();
        assert_eq!(named, [("b", 1), ("a", 23), ("c", 30)]);
    }
}
