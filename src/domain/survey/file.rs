//! Reading a questionnaire file into a checked [`Script`], with every problem listed by its
//! place (file, line, column, “câu hỏi thứ N (mã …)”) and reason.
//!
//! Why TOML: the file is written and reviewed by a supervisor, by hand, in any editor. TOML
//! keeps comments beside the wording they explain, holds a long reading in a multi-line
//! string, puts one field on one line so a diff between two versions shows exactly what
//! changed, has no indentation rules or implicit types to trip over (YAML reads `no` as
//! false), and is the format the outcome catalogue already uses, so there is one thing to
//! learn. JSON has no comments; a spreadsheet form diffs badly. The layout:
//!
//! ```toml
//! id = "sipas"                 # the file's name for itself; the identity is the content hash
//! version = "2026.1"
//! title = "Phiếu khảo sát …"
//! [completion]
//! core_until = "hai_long_chung"   # stopping after this question: partial (1.2), before: break-off
//! [closing]                        # optional words to close with, by how the interview ended
//! complete = "Xin cảm ơn Ông/Bà {ten} …"
//! refusal = "…"
//! not_eligible = "…"
//!
//! [[section]]
//! id = "sang_loc"
//! title = "Xác nhận đối tượng"
//!
//! [[section.question]]
//! id = "du_18_tuoi"
//! type = "single"              # single, scale, multiple, integer, text, date
//! text = "Ông/Bà đã đủ 18 tuổi trở lên chưa ạ?"
//! instruction = "…"            # for the operator only
//! required = true              # the default
//! ask_if = "dong_y = 1"        # see `condition`; absent: always asked
//! options = [
//!   { code = 1, text = "Đã đủ 18 tuổi" },
//!   { code = 2, text = "Chưa đủ 18 tuổi", ends = "not_eligible" },   # or "refusal"
//! ]
//! ```
//!
//! By type: `single` needs `options` (two or more, codes 0–999, each once; an option may
//! `ends` the interview); `multiple` needs `options` and may set `max_choices`; `integer` may
//! set `min` and `max`; `text` may set `max_length` (default 1000 characters); `scale` and
//! `date` take nothing more. Text may hold the placeholders of `placeholder`.

use std::collections::HashMap;

use serde::Deserialize;
use toml::Spanned;
use unicode_normalization::UnicodeNormalization;

use super::check::{self, Finding, Item};
use super::condition::Condition;
use super::hash::{self, ContentHash};
use super::id::{OptionCode, QuestionId, SectionId};
use super::placeholder;
use super::script::{Choice, Closing, Ending, Kind, Question, Script, Section};

/// The longest free text a question may allow, and what it allows by default.
pub const MAX_TEXT_LENGTH: usize = 10_000;
pub const DEFAULT_TEXT_LENGTH: usize = 1_000;

/// One problem of a questionnaire file: where, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub place: String,
    pub reason: String,
}

/// A questionnaire file that cannot be used, with every problem found.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", .0.iter().map(|p| format!("{}: {}", p.place, p.reason)).collect::<Vec<_>>().join("\n"))]
pub struct ScriptError(pub Vec<Problem>);

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileScript {
    id: String,
    version: String,
    title: String,
    title_en: Option<String>,
    completion: Option<FileCompletion>,
    closing: Option<FileClosing>,
    #[serde(default)]
    section: Vec<FileSection>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileCompletion {
    core_until: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileClosing {
    complete: Option<String>,
    refusal: Option<String>,
    not_eligible: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSection {
    id: Spanned<String>,
    title: String,
    title_en: Option<String>,
    #[serde(default)]
    component: bool,
    #[serde(default)]
    question: Vec<FileQuestion>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileQuestion {
    id: Spanned<String>,
    #[serde(rename = "type")]
    kind: String,
    text: String,
    text_en: Option<String>,
    instruction: Option<String>,
    #[serde(default = "yes")]
    required: bool,
    ask_if: Option<Spanned<String>>,
    options: Option<Vec<FileOption>>,
    max_choices: Option<i64>,
    min: Option<i64>,
    max: Option<i64>,
    max_length: Option<i64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileOption {
    code: Spanned<i64>,
    text: String,
    text_en: Option<String>,
    ends: Option<String>,
}

fn yes() -> bool {
    true
}

/// Line and column (from 1) of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// The byte offset in the file of a character (from 1) of a string value, when the string is
/// written on one line without escapes (otherwise the string's own start).
fn offset_in_string(text: &str, span: std::ops::Range<usize>, char_at: usize) -> usize {
    let raw = text.get(span.clone()).unwrap_or_default();
    let simple = (raw.starts_with('"') && !raw.starts_with("\"\"\"") && !raw.contains('\\'))
        || (raw.starts_with('\'') && !raw.starts_with("'''"));
    if !simple {
        return span.start;
    }
    let inner = raw.get(1..raw.len().saturating_sub(1)).unwrap_or_default();
    let within = inner
        .char_indices()
        .nth(char_at.saturating_sub(1))
        .map_or(inner.len(), |(b, _)| b);
    span.start + 1 + within
}

fn nfc(text: &str) -> String {
    text.nfc().collect()
}

fn nfc_opt(text: &Option<String>) -> Option<String> {
    text.as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(nfc)
}

/// Everything read about one question, good or not, for the checks that need all of them.
struct Draft {
    place: String,
    id: Option<QuestionId>,
    kind: Option<Kind>,
    condition: Option<Condition>,
    ask_if: Option<Spanned<String>>,
    n: usize,
    id_text: String,
}

struct Reader<'a> {
    text: &'a str,
    source: &'a str,
    problems: Vec<Problem>,
}

impl Reader<'_> {
    fn at(&self, offset: usize) -> String {
        let (line, col) = line_col(self.text, offset);
        format!("{}, dòng {line}, cột {col}", self.source)
    }

    fn line(&self, offset: usize) -> String {
        let (line, _) = line_col(self.text, offset);
        format!("{}, dòng {line}", self.source)
    }

    fn problem(&mut self, place: impl Into<String>, reason: impl Into<String>) {
        self.problems.push(Problem {
            place: place.into(),
            reason: reason.into(),
        });
    }

    fn placeholders(&mut self, place: &str, field: &str, text: Option<&str>) {
        for p in placeholder::check(text.unwrap_or_default()) {
            self.problem(place, format!("{field}: {p}"));
        }
    }

    fn question(&mut self, raw: &FileQuestion, n: usize) -> Draft {
        let id_text = raw.id.get_ref().clone();
        let place = format!(
            "{}, câu hỏi thứ {n} (mã “{id_text}”)",
            self.line(raw.id.span().start)
        );
        let id = match QuestionId::parse(&id_text) {
            Ok(id) => Some(id),
            Err(e) => {
                self.problem(&place, e.to_string());
                None
            }
        };
        if raw.text.trim().is_empty() {
            self.problem(&place, "thiếu lời câu hỏi (text)");
        }
        self.placeholders(&place, "text", Some(&raw.text));
        self.placeholders(&place, "text_en", raw.text_en.as_deref());
        self.placeholders(&place, "instruction", raw.instruction.as_deref());
        let kind = self.kind(raw, &place);
        let condition =
            raw.ask_if
                .as_ref()
                .and_then(|ask_if| match Condition::parse(ask_if.get_ref()) {
                    Ok(c) => Some(c),
                    Err(e) => {
                        let offset = offset_in_string(self.text, ask_if.span(), e.at);
                        self.problem(
                            format!("{}, câu hỏi thứ {n} (mã “{id_text}”)", self.at(offset)),
                            format!("điều kiện “{}”: {e}", ask_if.get_ref()),
                        );
                        None
                    }
                });
        Draft {
            place,
            id,
            kind,
            condition,
            ask_if: raw.ask_if.clone(),
            n,
            id_text,
        }
    }

    fn kind(&mut self, raw: &FileQuestion, place: &str) -> Option<Kind> {
        let key = raw.kind.trim();
        let allowed: &[(&str, bool, &[&str])] = &[
            ("options", raw.options.is_some(), &["single", "multiple"]),
            ("max_choices", raw.max_choices.is_some(), &["multiple"]),
            ("min", raw.min.is_some(), &["integer"]),
            ("max", raw.max.is_some(), &["integer"]),
            ("max_length", raw.max_length.is_some(), &["text"]),
        ];
        let known = ["single", "scale", "multiple", "integer", "text", "date"];
        if !known.contains(&key) {
            self.problem(
                place,
                format!("loại câu hỏi “{key}” không có; dùng single, scale, multiple, integer, text hoặc date"),
            );
            return None;
        }
        for (field, present, kinds) in allowed {
            if *present && !kinds.contains(&key) {
                self.problem(
                    place,
                    format!("“{field}” không dùng cho câu hỏi loại “{key}”"),
                );
            }
        }
        match key {
            "single" | "multiple" => {
                let options = self.options(raw, place, key);
                if key == "single" {
                    return options.map(|options| Kind::Single { options });
                }
                let options = options?;
                let max_choices = match raw.max_choices {
                    None => None,
                    Some(m) if m >= 1 && usize::try_from(m).is_ok_and(|m| m <= options.len()) => {
                        usize::try_from(m).ok()
                    }
                    Some(m) => {
                        self.problem(
                            place,
                            format!(
                                "max_choices {m} không hợp lệ: phải từ 1 đến số phương án ({})",
                                options.len()
                            ),
                        );
                        return None;
                    }
                };
                Some(Kind::Multiple {
                    options,
                    max_choices,
                })
            }
            "integer" => match (raw.min, raw.max) {
                (Some(min), Some(max)) if min > max => {
                    self.problem(place, format!("min ({min}) lớn hơn max ({max})"));
                    None
                }
                (min, max) => Some(Kind::Integer { min, max }),
            },
            "text" => match raw.max_length {
                None => Some(Kind::Text {
                    max_length: DEFAULT_TEXT_LENGTH,
                }),
                Some(n) => match usize::try_from(n) {
                    Ok(n) if (1..=MAX_TEXT_LENGTH).contains(&n) => {
                        Some(Kind::Text { max_length: n })
                    }
                    _ => {
                        self.problem(
                            place,
                            format!("max_length {n} không hợp lệ: phải từ 1 đến {MAX_TEXT_LENGTH}"),
                        );
                        None
                    }
                },
            },
            "scale" => Some(Kind::Scale),
            _ => Some(Kind::Date),
        }
    }

    fn options(&mut self, raw: &FileQuestion, place: &str, key: &str) -> Option<Vec<Choice>> {
        let list = raw.options.as_deref().unwrap_or_default();
        if list.len() < 2 {
            self.problem(
                place,
                format!(
                    "câu hỏi loại “{key}” cần ít nhất hai phương án (options), có {}",
                    list.len()
                ),
            );
        }
        let mut ok = list.len() >= 2;
        let mut seen: HashMap<i64, usize> = HashMap::new();
        let mut options = Vec::new();
        for (k, o) in list.iter().enumerate() {
            let at = format!("{place}, phương án thứ {}", k + 1);
            let value = *o.code.get_ref();
            if let Some(first) = seen.insert(value, k + 1) {
                self.problem(
                    &at,
                    format!("mã phương án {value} đã dùng ở phương án thứ {first}"),
                );
                ok = false;
            }
            let code = match OptionCode::new(value) {
                Ok(code) => Some(code),
                Err(e) => {
                    self.problem(&at, e.to_string());
                    ok = false;
                    None
                }
            };
            if o.text.trim().is_empty() {
                self.problem(&at, "thiếu lời phương án (text)");
            }
            self.placeholders(&at, "text", Some(&o.text));
            self.placeholders(&at, "text_en", o.text_en.as_deref());
            let ends = match o.ends.as_deref() {
                None => None,
                Some(word) => match Ending::from_key(word) {
                    Some(_) if key != "single" => {
                        self.problem(
                            &at,
                            "chỉ câu hỏi chọn một (single) mới có phương án kết thúc phỏng vấn (ends)",
                        );
                        None
                    }
                    Some(e) => Some(e),
                    None => {
                        self.problem(
                            &at,
                            format!("ends “{word}” không có; dùng “refusal” (từ chối) hoặc “not_eligible” (không thuộc đối tượng)"),
                        );
                        None
                    }
                },
            };
            if let Some(code) = code {
                options.push(Choice {
                    code,
                    text: nfc(o.text.trim()),
                    text_en: nfc_opt(&o.text_en),
                    ends,
                });
            }
        }
        ok.then_some(options)
    }
}

impl Script {
    /// Reads a questionnaire file (`source` names it in the problems).
    pub fn parse(text: &str, source: &str) -> Result<Self, ScriptError> {
        let file: FileScript = toml::from_str(text).map_err(|e| {
            let place = match e.span() {
                Some(span) => {
                    let (line, col) = line_col(text, span.start);
                    format!("{source}, dòng {line}, cột {col}")
                }
                None => source.to_owned(),
            };
            ScriptError(vec![Problem {
                place,
                reason: e.message().trim().to_owned(),
            }])
        })?;
        let mut r = Reader {
            text,
            source,
            problems: Vec::new(),
        };
        for (field, value) in [
            ("id", &file.id),
            ("version", &file.version),
            ("title", &file.title),
        ] {
            if value.trim().is_empty() {
                r.problem(source, format!("thiếu “{field}” của phiếu"));
            }
        }

        let mut sections = Vec::new();
        let mut section_seen: HashMap<String, usize> = HashMap::new();
        let mut drafts: Vec<(Draft, Option<SectionId>, &FileQuestion)> = Vec::new();
        for (k, s) in file.section.iter().enumerate() {
            let id_text = s.id.get_ref();
            let place = format!(
                "{}, mục thứ {} (mã “{id_text}”)",
                r.line(s.id.span().start),
                k + 1
            );
            let id = match SectionId::parse(id_text) {
                Ok(id) => Some(id),
                Err(e) => {
                    r.problem(&place, e.to_string());
                    None
                }
            };
            if let Some(first) = section_seen.insert(id_text.clone(), k + 1) {
                r.problem(&place, format!("mã mục này đã có ở mục thứ {first}"));
            }
            if s.title.trim().is_empty() {
                r.problem(&place, "thiếu tên mục (title)");
            }
            if s.question.is_empty() {
                r.problem(&place, "mục không có câu hỏi nào");
            }
            if s.component && !s.question.iter().any(|q| q.kind == "scale") {
                r.problem(
                    &place,
                    "mục là thành phần của chỉ số (component = true) nhưng không có câu thang điểm (scale) nào làm tiêu chí",
                );
            }
            if let Some(id) = &id {
                sections.push(Section {
                    id: id.clone(),
                    title: nfc(s.title.trim()),
                    title_en: nfc_opt(&s.title_en),
                    component: s.component,
                });
            }
            for q in &s.question {
                let n = drafts.len() + 1;
                let draft = r.question(q, n);
                drafts.push((draft, id.clone(), q));
            }
        }
        if drafts.is_empty() {
            r.problem(source, "phiếu không có câu hỏi nào");
        }

        let mut question_seen: HashMap<&str, usize> = HashMap::new();
        for (d, _, _) in &drafts {
            if let Some(first) = question_seen.insert(&d.id_text, d.n) {
                let reason = format!("mã câu hỏi này đã có ở câu hỏi thứ {first}");
                r.problem(&d.place, reason);
            }
        }

        let items: Vec<Item<'_>> = drafts
            .iter()
            .map(|(d, _, raw)| Item {
                id: d.id.as_ref(),
                kind: d.kind.as_ref(),
                required: raw.required,
                conditional: raw.ask_if.is_some(),
                condition: d.condition.as_ref(),
            })
            .collect();
        for (i, finding) in check::check_all(&items) {
            let (d, _, _) = &drafts[i];
            let condition = d.ask_if.as_ref().map_or("", |a| a.get_ref().as_str());
            match finding {
                Finding::At { char, reason } => {
                    let offset = d
                        .ask_if
                        .as_ref()
                        .map_or(0, |a| offset_in_string(text, a.span(), char));
                    let place =
                        format!("{}, câu hỏi thứ {} (mã “{}”)", r.at(offset), d.n, d.id_text);
                    r.problem(place, format!("điều kiện “{condition}”: {reason}"));
                }
                Finding::Whole(reason) => {
                    let place = d.place.clone();
                    r.problem(place, reason);
                }
            }
        }

        let core_until = file.completion.as_ref().and_then(|c| {
            let name = c.core_until.get_ref();
            let found = drafts
                .iter()
                .find(|(d, _, _)| d.id_text == *name)
                .and_then(|(d, _, _)| d.id.clone());
            if found.is_none() {
                let place = format!("{}, [completion]", r.at(c.core_until.span().start));
                r.problem(
                    place,
                    format!("core_until “{name}” không phải câu hỏi trong phiếu"),
                );
            }
            found
        });
        let closing = match &file.closing {
            None => Closing::default(),
            Some(c) => {
                for (field, value) in [
                    ("complete", &c.complete),
                    ("refusal", &c.refusal),
                    ("not_eligible", &c.not_eligible),
                ] {
                    let place = format!("{source}, [closing]");
                    r.placeholders(&place, field, value.as_deref());
                }
                Closing {
                    complete: nfc_opt(&c.complete),
                    refusal: nfc_opt(&c.refusal),
                    not_eligible: nfc_opt(&c.not_eligible),
                }
            }
        };
        for (field, value) in [
            ("title", Some(&file.title)),
            ("title_en", file.title_en.as_ref()),
        ] {
            r.placeholders(source, field, value.map(String::as_str));
        }

        let mut questions = Vec::new();
        for (d, section, raw) in drafts {
            if let (Some(id), Some(section), Some(kind)) = (d.id, section, d.kind) {
                questions.push(Question {
                    id,
                    section,
                    text: nfc(raw.text.trim()),
                    text_en: nfc_opt(&raw.text_en),
                    instruction: nfc_opt(&raw.instruction),
                    kind,
                    required: raw.required,
                    ask_if: d.condition,
                });
            }
        }
        if !r.problems.is_empty() {
            return Err(ScriptError(r.problems));
        }
        let mut script = Script {
            id: nfc(file.id.trim()),
            version: nfc(file.version.trim()),
            title: nfc(file.title.trim()),
            title_en: nfc_opt(&file.title_en),
            sections,
            questions,
            core_until,
            closing,
            canonical: String::new(),
            hash: ContentHash::default(),
        };
        match hash::canonical(&script) {
            Ok(canonical) => {
                script.hash = ContentHash::of(&canonical);
                script.canonical = canonical;
                Ok(script)
            }
            Err(e) => Err(ScriptError(vec![Problem {
                place: source.to_owned(),
                reason: format!("không ghi được nội dung chuẩn của phiếu: {e}"),
            }])),
        }
    }
}
