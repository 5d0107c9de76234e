//! Answers as typed values, one shape per kind of question: what the operator types is parsed
//! against its question once (option codes, the scale, bounds, length, a real date), so what
//! reaches the engine and the database is valid by construction. `Answer::code` is the text a
//! store keeps; parsing it back gives the same answer.

use std::collections::BTreeSet;
use std::fmt;

use chrono::NaiveDate;
use unicode_normalization::UnicodeNormalization;

use super::id::{OptionCode, QuestionId};
use super::script::{Choice, Kind, Question};
use crate::domain::intake::date::parse_date_text;

/// A rating on the satisfaction scale: 1 (rất không hài lòng) to 5 (rất hài lòng), or “không
/// ý kiến”, which is recorded but is not a valid rating for the index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rating {
    Score(u8),
    DontKnow,
}

impl Rating {
    /// The score, when the rating counts toward the index.
    pub fn score(self) -> Option<u8> {
        match self {
            Rating::Score(n) => Some(n),
            Rating::DontKnow => None,
        }
    }
}

/// The labels of the scale, by the code the operator types (`0`: không ý kiến).
pub const SCALE: [(u8, &str, &str); 6] = [
    (1, "Rất không hài lòng", "Very dissatisfied"),
    (2, "Không hài lòng", "Dissatisfied"),
    (3, "Bình thường", "Neutral"),
    (4, "Hài lòng", "Satisfied"),
    (5, "Rất hài lòng", "Very satisfied"),
    (0, "Không ý kiến", "Don't know"),
];

/// One question's answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// A single choice: one of the question's option codes.
    Choice(OptionCode),
    /// The 1–5 scale.
    Scale(Rating),
    /// A multiple choice: at least one code, at most the question's `max_choices`.
    Choices(BTreeSet<OptionCode>),
    /// A whole number within the question's bounds.
    Integer(i64),
    /// A free text: NFC, trimmed, not empty, within the question's length.
    Text(String),
    Date(NaiveDate),
    /// An optional question the operator passed over (the person had nothing to say, or
    /// would not say). It counts as asked, not as answered.
    Blank,
}

/// Why what was typed is not an answer to the question.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("câu “{question}”: {reason}")]
pub struct AnswerError {
    pub question: QuestionId,
    pub reason: String,
}

impl Answer {
    pub fn is_blank(&self) -> bool {
        matches!(self, Answer::Blank)
    }

    /// The text a store keeps: `2`; `4` or `0` (không ý kiến); `1,3`; `42`; the text itself;
    /// `2026-10-15`; empty for a blank.
    pub fn code(&self) -> String {
        match self {
            Answer::Choice(code) => code.to_string(),
            Answer::Scale(Rating::Score(n)) => n.to_string(),
            Answer::Scale(Rating::DontKnow) => "0".to_owned(),
            Answer::Choices(codes) => codes
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(","),
            Answer::Integer(n) => n.to_string(),
            Answer::Text(text) => text.clone(),
            Answer::Date(date) => date.format("%Y-%m-%d").to_string(),
            Answer::Blank => String::new(),
        }
    }
}

impl fmt::Display for Answer {
    /// As a person reads it: dates day first.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Answer::Date(date) => write!(f, "{}", date.format("%d/%m/%Y")),
            Answer::Blank => f.write_str("(bỏ qua)"),
            other => f.write_str(&other.code()),
        }
    }
}

fn list(options: &[Choice]) -> String {
    options
        .iter()
        .map(|o| o.code.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

impl Question {
    /// Reads what the operator typed (or a stored code) as this question's answer. Empty is a
    /// blank for an optional question and an error for a required one.
    pub fn parse_answer(&self, input: &str) -> Result<Answer, AnswerError> {
        self.read(input).map_err(|reason| AnswerError {
            question: self.id.clone(),
            reason,
        })
    }

    fn read(&self, input: &str) -> Result<Answer, String> {
        let input = input.trim();
        if input.is_empty() {
            return if self.required {
                Err("câu hỏi bắt buộc, chưa có câu trả lời".to_owned())
            } else {
                Ok(Answer::Blank)
            };
        }
        let choice = |options: &[Choice], text: &str| -> Result<OptionCode, String> {
            let not_an_option = || {
                format!(
                    "“{text}” không phải phương án của câu này (có: {})",
                    list(options)
                )
            };
            let n: i64 = text.parse().map_err(|_| not_an_option())?;
            options
                .iter()
                .map(|o| o.code)
                .find(|c| i64::from(c.value()) == n)
                .ok_or_else(not_an_option)
        };
        match &self.kind {
            Kind::Single { options } => choice(options, input).map(Answer::Choice),
            Kind::Scale => match input {
                "0" => Ok(Answer::Scale(Rating::DontKnow)),
                "1" | "2" | "3" | "4" | "5" => {
                    Ok(Answer::Scale(Rating::Score(input.as_bytes()[0] - b'0')))
                }
                _ => Err(format!(
                    "“{}” không có trên thang điểm: chỉ nhận 1–5 hoặc 0 (không ý kiến)",
                    input.chars().take(16).collect::<String>()
                )),
            },
            Kind::Multiple {
                options,
                max_choices,
            } => {
                let codes = input
                    .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
                    .filter(|part| !part.is_empty())
                    .map(|part| choice(options, part))
                    .collect::<Result<BTreeSet<_>, _>>()?;
                match max_choices {
                    _ if codes.is_empty() => Err("chưa chọn phương án nào".to_owned()),
                    Some(max) if codes.len() > *max => {
                        Err(format!("chọn {} phương án, tối đa {max}", codes.len()))
                    }
                    _ => Ok(Answer::Choices(codes)),
                }
            }
            Kind::Integer { min, max } => {
                let n: i64 = input.parse().map_err(|_| {
                    format!(
                        "“{}” không phải số nguyên",
                        input.chars().take(16).collect::<String>()
                    )
                })?;
                if min.is_some_and(|m| n < m) || max.is_some_and(|m| n > m) {
                    return Err(format!("{n} nằm ngoài khoảng {}", bounds(*min, *max)));
                }
                Ok(Answer::Integer(n))
            }
            Kind::Text { max_length } => {
                let text: String = input.nfc().collect();
                let length = text.chars().count();
                if length > *max_length {
                    return Err(format!("dài {length} ký tự, tối đa {max_length}"));
                }
                Ok(Answer::Text(text))
            }
            Kind::Date => parse_date_text(input)
                .map(Answer::Date)
                .map_err(|e| e.to_string()),
        }
    }

    /// The answer in words, as the operator and the supervisor read it back: an option's
    /// wording, the scale's label after its score, a date as dd/mm/yyyy.
    pub fn show_answer(&self, answer: &Answer) -> String {
        let option = |code: &OptionCode| {
            self.kind
                .options()
                .iter()
                .find(|o| o.code == *code)
                .map_or_else(|| code.to_string(), |o| o.text.clone())
        };
        match answer {
            Answer::Choice(code) => option(code),
            Answer::Choices(codes) => codes.iter().map(option).collect::<Vec<_>>().join("; "),
            Answer::Scale(rating) => {
                let code = rating.score().unwrap_or(0);
                let label = SCALE
                    .iter()
                    .find(|(c, _, _)| *c == code)
                    .map_or("", |(_, vi, _)| *vi);
                match rating {
                    Rating::Score(n) => format!("{n} — {label}"),
                    Rating::DontKnow => label.to_owned(),
                }
            }
            other => other.to_string(),
        }
    }

    /// Whether an answer (from a store, or built by hand) fits this question: the right shape,
    /// codes among the options, within bounds and length, blank only when optional.
    pub fn accepts(&self, answer: &Answer) -> bool {
        let has = |options: &[Choice], code: &OptionCode| options.iter().any(|o| o.code == *code);
        match (&self.kind, answer) {
            (_, Answer::Blank) => !self.required,
            (Kind::Single { options }, Answer::Choice(code)) => has(options, code),
            (Kind::Scale, Answer::Scale(Rating::Score(n))) => (1..=5).contains(n),
            (Kind::Scale, Answer::Scale(Rating::DontKnow)) => true,
            (
                Kind::Multiple {
                    options,
                    max_choices,
                },
                Answer::Choices(codes),
            ) => {
                !codes.is_empty()
                    && max_choices.is_none_or(|max| codes.len() <= max)
                    && codes.iter().all(|c| has(options, c))
            }
            (Kind::Integer { min, max }, Answer::Integer(n)) => {
                min.is_none_or(|m| *n >= m) && max.is_none_or(|m| *n <= m)
            }
            (Kind::Text { max_length }, Answer::Text(text)) => {
                !text.trim().is_empty() && text.chars().count() <= *max_length
            }
            (Kind::Date, Answer::Date(_)) => true,
            _ => false,
        }
    }
}

/// `18–120`, `≥ 18`, `≤ 120` for messages.
pub(crate) fn bounds(min: Option<i64>, max: Option<i64>) -> String {
    match (min, max) {
        (Some(a), Some(b)) => format!("{a}–{b}"),
        (Some(a), None) => format!("≥ {a}"),
        (None, Some(b)) => format!("≤ {b}"),
        (None, None) => "mọi số nguyên".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::survey::id::SectionId;

    fn question(kind: Kind, required: bool) -> Question {
        Question {
            id: QuestionId::parse("q").expect("id"),
            section: SectionId::parse("s").expect("id"),
            text: "?".to_owned(),
            text_en: None,
            instruction: None,
            kind,
            required,
            ask_if: None,
        }
    }

    fn options(codes: &[i64]) -> Vec<Choice> {
        codes
            .iter()
            .map(|&c| Choice {
                code: OptionCode::new(c).expect("code"),
                text: format!("phương án {c}"),
                text_en: None,
                ends: None,
            })
            .collect()
    }

    fn code(n: i64) -> OptionCode {
        OptionCode::new(n).expect("code")
    }

    fn reason(q: &Question, input: &str) -> String {
        let e = q.parse_answer(input).expect_err(input);
        assert_eq!(e.question.as_str(), "q");
        e.reason
    }

    #[test]
    fn a_single_choice_takes_one_of_its_codes() {
        let q = question(
            Kind::Single {
                options: options(&[1, 2, 9]),
            },
            true,
        );
        assert_eq!(q.parse_answer(" 9 "), Ok(Answer::Choice(code(9))));
        assert!(reason(&q, "3").contains("“3” không phải phương án của câu này (có: 1, 2, 9)"));
        assert!(reason(&q, "có").contains("không phải phương án"));
        assert!(reason(&q, "").contains("bắt buộc"));
    }

    #[test]
    fn the_scale_takes_1_to_5_and_0_for_dont_know() {
        let q = question(Kind::Scale, true);
        assert_eq!(q.parse_answer("5"), Ok(Answer::Scale(Rating::Score(5))));
        assert_eq!(q.parse_answer("0"), Ok(Answer::Scale(Rating::DontKnow)));
        assert_eq!(
            Rating::DontKnow.score(),
            None,
            "không ý kiến is not a valid rating"
        );
        for bad in ["6", "-1", "4.5", "năm"] {
            assert!(reason(&q, bad).contains("chỉ nhận 1–5 hoặc 0"), "{bad}");
        }
    }

    #[test]
    fn a_multiple_choice_takes_a_set_within_its_maximum() {
        let q = question(
            Kind::Multiple {
                options: options(&[1, 2, 3, 4]),
                max_choices: Some(3),
            },
            true,
        );
        assert_eq!(
            q.parse_answer("3, 1;1 2"),
            Ok(Answer::Choices([code(1), code(2), code(3)].into()))
        );
        assert!(reason(&q, "1,2,3,4").contains("chọn 4 phương án, tối đa 3"));
        assert!(reason(&q, "1,7").contains("“7” không phải phương án"));
        assert_eq!(reason(&q, " , ;"), "chưa chọn phương án nào");
    }

    #[test]
    fn an_integer_stays_within_its_bounds() {
        let q = question(
            Kind::Integer {
                min: Some(18),
                max: Some(120),
            },
            true,
        );
        assert_eq!(q.parse_answer("18"), Ok(Answer::Integer(18)));
        assert!(reason(&q, "17").contains("17 nằm ngoài khoảng 18–120"));
        assert!(reason(&q, "mười tám").contains("không phải số nguyên"));
    }

    #[test]
    fn a_text_is_nfc_trimmed_and_not_too_long() {
        let q = question(Kind::Text { max_length: 5 }, false);
        let decomposed = "  Hu\u{65}\u{302}\u{301}  ";
        assert_eq!(
            q.parse_answer(decomposed),
            Ok(Answer::Text("Huế".to_owned()))
        );
        assert!(reason(&q, "dài quá").contains("dài 7 ký tự, tối đa 5"));
        assert_eq!(q.parse_answer("   "), Ok(Answer::Blank), "optional: blank");
    }

    #[test]
    fn a_date_reads_day_first_or_iso() {
        let q = question(Kind::Date, true);
        let day = NaiveDate::from_ymd_opt(2026, 10, 3).expect("date");
        assert_eq!(q.parse_answer("03/10/2026"), Ok(Answer::Date(day)));
        assert_eq!(q.parse_answer("2026-10-03"), Ok(Answer::Date(day)));
        assert!(reason(&q, "31/02/2026").contains("không có trên lịch"));
        assert_eq!(Answer::Date(day).to_string(), "03/10/2026");
    }

    #[test]
    fn stored_codes_read_back_to_the_same_answer() {
        let cases = [
            (
                question(
                    Kind::Single {
                        options: options(&[1, 2]),
                    },
                    true,
                ),
                "2",
            ),
            (question(Kind::Scale, true), "0"),
            (
                question(
                    Kind::Multiple {
                        options: options(&[1, 2, 3]),
                        max_choices: None,
                    },
                    true,
                ),
                "1,3",
            ),
            (
                question(
                    Kind::Integer {
                        min: None,
                        max: None,
                    },
                    true,
                ),
                "-4",
            ),
            (
                question(Kind::Text { max_length: 100 }, true),
                "Ý kiến, có dấu phẩy",
            ),
            (question(Kind::Date, true), "2026-10-03"),
            (question(Kind::Scale, false), ""),
        ];
        for (q, stored) in cases {
            let answer = q.parse_answer(stored).expect(stored);
            assert_eq!(answer.code(), stored);
            assert!(q.accepts(&answer), "{stored}");
        }
    }

    #[test]
    fn answers_that_do_not_fit_are_recognised() {
        let single = question(
            Kind::Single {
                options: options(&[1, 2]),
            },
            true,
        );
        assert!(!single.accepts(&Answer::Choice(code(3))));
        assert!(!single.accepts(&Answer::Scale(Rating::Score(1))));
        assert!(!single.accepts(&Answer::Blank), "required");
        let scale = question(Kind::Scale, true);
        assert!(!scale.accepts(&Answer::Scale(Rating::Score(7))));
        let many = question(
            Kind::Multiple {
                options: options(&[1, 2, 3]),
                max_choices: Some(1),
            },
            true,
        );
        assert!(!many.accepts(&Answer::Choices([code(1), code(2)].into())));
        assert!(!many.accepts(&Answer::Choices(BTreeSet::new())));
    }
}
