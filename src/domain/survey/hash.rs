//! A questionnaire's identity: the SHA-256 of its canonical content. The canonical content is
//! the questionnaire written back as TOML by one fixed routine — comments and layout dropped,
//! text in NFC, conditions in their canonical spelling, defaults written out — so re-indenting
//! or re-commenting a file keeps its identity, and any change a respondent could hear or a
//! result could feel (a word, an option, a condition, a bound) makes a new one. Interviews
//! keep the hash they were taken on; a changed file is a new version, never an edit.
//!
//! The canonical text is itself a valid questionnaire file with the same hash, so a store may
//! keep it as the questionnaire's body.

use std::fmt;

use serde::Serialize;
use sha2::{Digest, Sha256};

use super::script::{Choice, Kind, Script};

/// The hex SHA-256 of a questionnaire's canonical content.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct ContentHash(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("“{0}” không phải mã băm của phiếu (64 chữ số thập lục phân)")]
pub struct BadHash(String);

impl ContentHash {
    /// Reads a stored hash back.
    pub fn parse(text: &str) -> Result<Self, BadHash> {
        let text = text.trim();
        if text.len() == 64 && text.bytes().all(|b| b.is_ascii_hexdigit()) {
            Ok(Self(text.to_ascii_lowercase()))
        } else {
            Err(BadHash(text.chars().take(70).collect()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The first 12 digits, enough for a person to tell versions apart.
    pub fn short(&self) -> &str {
        self.0.get(..12).unwrap_or(&self.0)
    }

    pub(super) fn of(text: &str) -> Self {
        let digest = Sha256::digest(text.as_bytes());
        Self(digest.iter().map(|b| format!("{b:02x}")).collect())
    }
}

impl fmt::Display for ContentHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[derive(Serialize)]
struct OutScript<'a> {
    id: &'a str,
    version: &'a str,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    title_en: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    completion: Option<OutCompletion<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    closing: Option<OutClosing<'a>>,
    section: Vec<OutSection<'a>>,
}

#[derive(Serialize)]
struct OutCompletion<'a> {
    core_until: &'a str,
}

#[derive(Serialize)]
struct OutClosing<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    complete: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    refusal: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    not_eligible: Option<&'a str>,
}

#[derive(Serialize)]
struct OutSection<'a> {
    id: &'a str,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    title_en: Option<&'a str>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    component: bool,
    question: Vec<OutQuestion<'a>>,
}

#[derive(Serialize)]
struct OutQuestion<'a> {
    id: &'a str,
    #[serde(rename = "type")]
    kind: &'a str,
    required: bool,
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    text_en: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    instruction: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ask_if: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    max_choices: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    min: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    max: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    max_length: Option<usize>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    options: Vec<OutOption<'a>>,
}

#[derive(Serialize)]
struct OutOption<'a> {
    code: i64,
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    text_en: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ends: Option<&'a str>,
}

fn option(o: &Choice) -> OutOption<'_> {
    OutOption {
        code: i64::from(o.code.value()),
        text: &o.text,
        text_en: o.text_en.as_deref(),
        ends: o.ends.map(|e| e.key()),
    }
}

/// The canonical content of a checked questionnaire (see the module's doc).
pub(super) fn canonical(script: &Script) -> Result<String, toml::ser::Error> {
    let sections = script
        .sections
        .iter()
        .map(|s| OutSection {
            id: s.id.as_str(),
            title: &s.title,
            title_en: s.title_en.as_deref(),
            component: s.component,
            question: script
                .questions_in(&s.id)
                .map(|q| {
                    let (max_choices, min, max, max_length) = match &q.kind {
                        Kind::Multiple { max_choices, .. } => (*max_choices, None, None, None),
                        Kind::Integer { min, max } => (None, *min, *max, None),
                        Kind::Text { max_length } => (None, None, None, Some(*max_length)),
                        _ => (None, None, None, None),
                    };
                    OutQuestion {
                        id: q.id.as_str(),
                        kind: q.kind.key(),
                        required: q.required,
                        text: &q.text,
                        text_en: q.text_en.as_deref(),
                        instruction: q.instruction.as_deref(),
                        ask_if: q.ask_if.as_ref().map(ToString::to_string),
                        max_choices,
                        min,
                        max,
                        max_length,
                        options: q.kind.options().iter().map(option).collect(),
                    }
                })
                .collect(),
        })
        .collect();
    let closing = &script.closing;
    let out = OutScript {
        id: &script.id,
        version: &script.version,
        title: &script.title,
        title_en: script.title_en.as_deref(),
        completion: script.core_until.as_ref().map(|q| OutCompletion {
            core_until: q.as_str(),
        }),
        closing: (closing.complete.is_some()
            || closing.refusal.is_some()
            || closing.not_eligible.is_some())
        .then_some(OutClosing {
            complete: closing.complete.as_deref(),
            refusal: closing.refusal.as_deref(),
            not_eligible: closing.not_eligible.as_deref(),
        }),
        section: sections,
    };
    toml::to_string(&out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = r#"
id = "nho"
version = "1"
title = "Phiếu nhỏ"

[[section]]
id = "a"
title = "A"

[[section.question]]
id = "q1"
type = "single"
text = "Có không?"
options = [{ code = 1, text = "Có" }, { code = 2, text = "Không", ends = "refusal" }]

[[section.question]]
id = "q2"
type = "scale"
ask_if = "q1=1"
text = "Hài lòng không?"
"#;

    #[test]
    fn the_canonical_form_and_its_hash_do_not_drift() {
        // Stored questionnaires are found again by this hash: if this test fails after a
        // dependency update or a change to the canonical writer, the same file would get a new
        // identity. Change the writer only on purpose, and say so.
        let script = Script::parse(SMALL, "nho.toml").unwrap_or_else(|e| panic!("{e}"));
        assert!(script.canonical_text().contains("ask_if = \"q1 = 1\""));
        assert!(script.canonical_text().contains("required = true"));
        assert_eq!(
            script.hash().as_str(),
            "203c7455305f5637045dc1198e89b27d534677f4d0770bca50bc9f0b4d3c2821"
        );
    }

    #[test]
    fn hashes_read_back_and_shorten() {
        let h = ContentHash::of("x");
        assert_eq!(
            ContentHash::parse(&h.as_str().to_ascii_uppercase()),
            Ok(h.clone())
        );
        assert_eq!(h.short().len(), 12);
        assert!(ContentHash::parse("abc").is_err());
    }
}
