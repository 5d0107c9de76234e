//! An outcome code as AAPOR writes them (`1.1`, `2.111`, `3.13`, `4.32`): the first digit is the
//! disposition group (1 interview, 2 eligible non-interview, 3 unknown eligibility, 4 not
//! eligible), then one or more sub-codes. Parsed once, so a stored or typed code is known good.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A well-formed outcome code; whether a catalogue knows it is the catalogue's business.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(try_from = "String", into = "String")]
#[ts(type = "string")]
pub struct OutcomeCode(String);

/// Why a text is not an outcome code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("“{0}” không phải mã kết quả cuộc gọi (dạng 1.1, 2.111, 3.13, 4.32)")]
pub struct BadOutcomeCode(pub String);

impl OutcomeCode {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The disposition group: 1 interview, 2 eligible, 3 unknown eligibility, 4 not eligible.
    pub fn group(&self) -> u8 {
        self.0.as_bytes().first().map_or(0, |b| b - b'0')
    }
}

impl FromStr for OutcomeCode {
    type Err = BadOutcomeCode;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let code = text.trim();
        let mut parts = code.split('.');
        let group_ok = matches!(parts.next(), Some("1" | "2" | "3" | "4"));
        let rest: Vec<&str> = parts.collect();
        let rest_ok = !rest.is_empty()
            && rest
                .iter()
                .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()));
        if group_ok && rest_ok {
            Ok(Self(code.to_owned()))
        } else {
            Err(BadOutcomeCode(text.to_owned()))
        }
    }
}

impl TryFrom<String> for OutcomeCode {
    type Error = BadOutcomeCode;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        text.parse()
    }
}

impl From<OutcomeCode> for String {
    fn from(code: OutcomeCode) -> Self {
        code.0
    }
}

impl fmt::Display for OutcomeCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aapor_codes_parse_and_anything_else_is_refused() {
        for good in ["1.1", "1.2", "2.111", "2.30", "3.13", "4.32", " 3.90 "] {
            let code: OutcomeCode = good.parse().expect(good);
            assert_eq!(code.as_str(), good.trim());
        }
        for bad in [
            "", "1", "5.1", "0.1", "1.", ".1", "1..1", "1.a", "2.11111", "1,1", "một",
        ] {
            assert_eq!(
                bad.parse::<OutcomeCode>(),
                Err(BadOutcomeCode(bad.to_owned())),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn the_group_is_the_first_digit() {
        let code: OutcomeCode = "4.32".parse().expect("code");
        assert_eq!(code.group(), 4);
    }
}
