//! The names a questionnaire file gives things: question ids (they key stored answers and the
//! index report, so they are checked once, here), section ids and option codes.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Words of the condition language, which therefore cannot name a question.
pub const KEYWORDS: [&str; 5] = ["and", "or", "not", "in", "answered"];

/// A question's identifier: an ASCII letter, then letters, digits, `_` or `.`, at most 64
/// characters, and not a word of the condition language. The walking skeleton's answers were
/// stored under ids by the same rule, so they stay valid.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct QuestionId(String);

/// A section's identifier, by the same rule as a question's.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct SectionId(String);

/// Why a text cannot be an id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BadId {
    #[error("mã “{0}” không hợp lệ: bắt đầu bằng chữ cái (không dấu), sau đó chỉ gồm chữ, số, “_” hoặc “.”, tối đa 64 ký tự")]
    Form(String),
    #[error("mã “{0}” trùng với một từ khóa của điều kiện (and, or, not, in, answered)")]
    Keyword(String),
}

fn check_id(text: &str) -> Result<(), BadId> {
    let mut chars = text.chars();
    let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
        && text.len() <= 64;
    if !valid {
        return Err(BadId::Form(text.chars().take(64).collect()));
    }
    if KEYWORDS.contains(&text) {
        return Err(BadId::Keyword(text.to_owned()));
    }
    Ok(())
}

macro_rules! id_type {
    ($name:ident) => {
        impl $name {
            pub fn parse(text: &str) -> Result<Self, BadId> {
                check_id(text)?;
                Ok(Self(text.to_owned()))
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = BadId;
            fn try_from(value: String) -> Result<Self, Self::Error> {
                Self::parse(&value)
            }
        }

        impl From<$name> for String {
            fn from(value: $name) -> Self {
                value.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

id_type!(QuestionId);
id_type!(SectionId);

/// The code of one option of a choice question: a whole number from 0 to 999, which is what
/// the operator types and what conditions compare with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "i64", into = "i64")]
pub struct OptionCode(u16);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("mã phương án {0} không hợp lệ: phải là số nguyên từ 0 đến {max}", max = OptionCode::MAX)]
pub struct BadOptionCode(pub i64);

impl OptionCode {
    pub const MAX: u16 = 999;

    pub fn new(value: i64) -> Result<Self, BadOptionCode> {
        u16::try_from(value)
            .ok()
            .filter(|v| *v <= Self::MAX)
            .map(Self)
            .ok_or(BadOptionCode(value))
    }

    pub fn value(self) -> u16 {
        self.0
    }
}

impl TryFrom<i64> for OptionCode {
    type Error = BadOptionCode;
    fn try_from(value: i64) -> Result<Self, Self::Error> {
        Self::new(value)
    }
}

impl From<OptionCode> for i64 {
    fn from(value: OptionCode) -> Self {
        i64::from(value.0)
    }
}

impl fmt::Display for OptionCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_short_identifiers_and_not_keywords() {
        for good in ["dong_y", "tiep_can.thong_tin", "Q1", "c2.1_a"] {
            assert!(QuestionId::parse(good).is_ok(), "{good}");
        }
        for bad in ["", "1a", "a b", "tuổi", "_x", &"a".repeat(65)] {
            assert!(
                matches!(QuestionId::parse(bad), Err(BadId::Form(_))),
                "{bad}"
            );
        }
        assert!(matches!(QuestionId::parse("and"), Err(BadId::Keyword(_))));
        assert!(SectionId::parse("answered").is_err());
    }

    #[test]
    fn option_codes_run_from_0_to_999() {
        assert_eq!(OptionCode::new(0).map(OptionCode::value), Ok(0));
        assert_eq!(OptionCode::new(999).map(OptionCode::value), Ok(999));
        assert!(OptionCode::new(1000).is_err());
        assert!(OptionCode::new(-1).is_err());
    }
}
