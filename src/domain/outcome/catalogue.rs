//! The outcome catalogue as data: which outcomes an operator records and what each does to a
//! case (final or not, retry delay, whether it counts toward the attempt limit, note or
//! appointment required, the person reached, interview needed, a different operator next time,
//! hotkey), and what the attempt limit closes a case with (`at_limit`). The built-in one is
//! `default.toml`; a campaign may bring its own file of the same form, checked on load with
//! every problem listed by place.

use std::collections::HashSet;
use std::sync::LazyLock;

use chrono::Duration;
use serde::Deserialize;
use unicode_normalization::UnicodeNormalization;

use super::at_limit::{LimitLine, LimitPrecedence};
use super::code::OutcomeCode;
use super::{AaporCategory, InterviewNeed};

/// What recording one outcome means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutcomeRule {
    pub code: OutcomeCode,
    pub label_vi: String,
    pub label_en: String,
    pub category: AaporCategory,
    /// The case is closed and never called again.
    pub is_final: bool,
    /// How long before the case may be called again.
    pub retry_after: Option<Duration>,
    /// Whether the call counts toward the campaign's attempt limit.
    pub counts_toward_limit: bool,
    pub note_required: bool,
    pub appointment_required: bool,
    /// The person was reached on this call.
    pub contact: bool,
    pub interview: InterviewNeed,
    /// The next call goes to a different operator (a refusal worth a second try).
    pub other_operator: bool,
    /// The next call is made in a part of the day (morning, afternoon, evening) the case has
    /// not gone unanswered in yet.
    pub new_slot: bool,
    pub hotkey: Option<char>,
    /// Set by the attempt limit, never picked by an operator.
    pub by_rules: bool,
}

impl OutcomeRule {
    pub fn is_recordable(&self) -> bool {
        !self.by_rules
    }
}

/// An ordered catalogue: the desk shows the recordable outcomes in file order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutcomeCatalogue {
    rules: Vec<OutcomeRule>,
    at_limit: LimitPrecedence,
}

/// One problem of a catalogue file: where, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogueProblem {
    pub place: String,
    pub reason: String,
}

/// A catalogue file that cannot be used, with every problem found.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", .0.iter().map(|p| format!("{}: {}", p.place, p.reason)).collect::<Vec<_>>().join("\n"))]
pub struct CatalogueError(pub Vec<CatalogueProblem>);

/// The code is well formed but this catalogue has no such outcome.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("mã kết quả cuộc gọi “{0}” không có trong danh mục của đợt khảo sát")]
pub struct UnknownOutcome(pub String);

/// The codes the attempt limit closes a case with when no line of the precedence matches its
/// calls (DESIGN.md, "Calling").
pub const LIMIT_CONTACTED: &str = "2.30";
pub const LIMIT_NEVER_CONTACTED: &str = "3.90";

/// The built-in catalogue's text.
pub const DEFAULT_TOML: &str = include_str!("default.toml");

static BUILTIN: LazyLock<OutcomeCatalogue> = LazyLock::new(|| {
    OutcomeCatalogue::parse(DEFAULT_TOML, "default.toml")
        .unwrap_or_else(|e| unreachable!("the built-in catalogue is checked by its tests: {e}"))
});

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileOutcomes {
    #[serde(default)]
    outcome: Vec<FileOutcome>,
    /// `None`: the built-in precedence (a file written before the precedence was data).
    at_limit: Option<Vec<FileLimitLine>>,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct FileLimitLine {
    r#match: String,
    mixed: Option<String>,
}

/// The built-in catalogue's precedence lines, for a file that has none of its own.
fn builtin_limit_lines() -> Vec<FileLimitLine> {
    toml::from_str::<FileOutcomes>(DEFAULT_TOML)
        .ok()
        .and_then(|file| file.at_limit)
        .unwrap_or_default()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileOutcome {
    code: String,
    vi: String,
    en: String,
    category: AaporCategory,
    #[serde(default)]
    r#final: bool,
    retry_after: Option<String>,
    #[serde(default = "yes")]
    counts: bool,
    #[serde(default)]
    note: bool,
    #[serde(default)]
    appointment: bool,
    #[serde(default)]
    contact: bool,
    interview: Option<FileInterview>,
    #[serde(default)]
    other_operator: bool,
    #[serde(default)]
    new_slot: bool,
    hotkey: Option<String>,
    by: Option<FileBy>,
}

#[derive(Deserialize, Clone, Copy)]
#[serde(rename_all = "lowercase")]
enum FileInterview {
    Finished,
    Started,
}

#[derive(Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
enum FileBy {
    Operator,
    Rules,
}

fn yes() -> bool {
    true
}

/// `30m`, `3h`, `7d`, or a sum such as `1d12h`.
pub fn parse_delay(text: &str) -> Option<Duration> {
    let mut total = Duration::zero();
    let mut digits = String::new();
    let mut any = false;
    for c in text.trim().chars() {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        let n: i64 = digits.parse().ok()?;
        digits.clear();
        let part = match c {
            'm' => Duration::try_minutes(n)?,
            'h' => Duration::try_hours(n)?,
            'd' => Duration::try_days(n)?,
            _ => return None,
        };
        total = total.checked_add(&part)?;
        any = true;
    }
    (any && digits.is_empty() && total > Duration::zero()).then_some(total)
}

/// Which AAPOR categories belong to a code's group.
fn group_categories(group: u8) -> &'static [AaporCategory] {
    use AaporCategory::*;
    match group {
        1 => &[I, P],
        2 => &[R, NC, O],
        3 => &[UH, UO],
        4 => &[NE],
        _ => &[],
    }
}

/// Line and column (from 1) of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// Checks the `[[at_limit]]` lines against the catalogue's outcomes. `own`: the file wrote
/// them, so a line must match one of its outcomes (the built-in lines, used for a file without
/// any, need not).
fn limit_lines(
    lines: &[FileLimitLine],
    own: bool,
    rules: &[OutcomeRule],
    source: &str,
    problems: &mut Vec<CatalogueProblem>,
) -> LimitPrecedence {
    let mut checked: Vec<LimitLine> = Vec::new();
    for (i, raw) in lines.iter().enumerate() {
        let place = format!("{source}, at_limit thứ {} (“{}”)", i + 1, raw.r#match);
        let mut problem = |reason: String| {
            problems.push(CatalogueProblem {
                place: place.clone(),
                reason,
            })
        };
        let prefix = match raw.r#match.parse::<OutcomeCode>() {
            Ok(prefix) => prefix,
            Err(e) => {
                problem(e.to_string());
                continue;
            }
        };
        if prefix.group() == 4 {
            problem(
                "kết quả không đủ điều kiện (4.x) đóng ca ngay khi ghi, không xếp thứ tự khi hết lượt gọi"
                    .to_owned(),
            );
        }
        if checked.iter().any(|line| line.prefix == prefix) {
            problem("dòng này đã có ở trên".to_owned());
        }
        let line = LimitLine {
            prefix,
            mixed: None,
        };
        if own
            && !rules
                .iter()
                .any(|r| r.is_recordable() && line.prefix_matches(&r.code))
        {
            problem("không khớp kết quả nào điện thoại viên ghi được".to_owned());
        }
        let mixed = match raw.mixed.as_deref() {
            None => None,
            Some(code) => match rules.iter().find(|r| r.code.as_str() == code.trim()) {
                Some(rule) if rule.by_rules => Some(rule.code.clone()),
                _ => {
                    problem(format!(
                        "mixed “{code}” phải là một kết quả của danh mục do quy tắc đặt (by = \"rules\")"
                    ));
                    None
                }
            },
        };
        checked.push(LimitLine { mixed, ..line });
    }
    LimitPrecedence::new(checked)
}

impl OutcomeCatalogue {
    /// The catalogue campaigns use unless they bring their own.
    pub fn builtin() -> &'static OutcomeCatalogue {
        &BUILTIN
    }

    /// Reads a catalogue file (`source` names it in the problems).
    pub fn parse(text: &str, source: &str) -> Result<Self, CatalogueError> {
        let file: FileOutcomes = toml::from_str(text).map_err(|e| {
            let place = match e.span() {
                Some(span) => {
                    let (line, col) = line_col(text, span.start);
                    format!("{source}, dòng {line}, cột {col}")
                }
                None => source.to_owned(),
            };
            CatalogueError(vec![CatalogueProblem {
                place,
                reason: e.message().trim().to_owned(),
            }])
        })?;
        let mut problems = Vec::new();
        let mut rules = Vec::new();
        let mut codes = HashSet::new();
        let mut hotkeys = HashSet::new();
        for (i, raw) in file.outcome.into_iter().enumerate() {
            let place = format!("{source}, kết quả thứ {} (mã “{}”)", i + 1, raw.code);
            let mut problem = |reason: String| {
                problems.push(CatalogueProblem {
                    place: place.clone(),
                    reason,
                })
            };
            let code = match raw.code.parse::<OutcomeCode>() {
                Ok(code) => code,
                Err(e) => {
                    problem(e.to_string());
                    continue;
                }
            };
            if !codes.insert(code.clone()) {
                problem("mã này đã có ở một kết quả trước".to_owned());
            }
            if !group_categories(code.group()).contains(&raw.category) {
                problem(format!(
                    "nhóm AAPOR {:?} không hợp với mã nhóm {}",
                    raw.category,
                    code.group()
                ));
            }
            for (field, label) in [("vi", &raw.vi), ("en", &raw.en)] {
                if label.trim().is_empty() {
                    problem(format!("thiếu nhãn “{field}”"));
                }
            }
            let retry_after = match raw.retry_after.as_deref() {
                None => None,
                Some(text) => match parse_delay(text) {
                    Some(delay) => Some(delay),
                    None => {
                        problem(format!(
                            "retry_after “{text}” không đọc được (dạng 30m, 3h, 7d)"
                        ));
                        None
                    }
                },
            };
            let by_rules = raw.by == Some(FileBy::Rules);
            if raw.r#final && raw.retry_after.is_some() {
                problem("kết quả cuối cùng không có thời gian gọi lại".to_owned());
            }
            if raw.r#final && raw.appointment {
                problem("kết quả cuối cùng không thể kèm lịch hẹn".to_owned());
            }
            if raw.r#final && (raw.other_operator || raw.new_slot) {
                problem("kết quả cuối cùng không có lần gọi sau".to_owned());
            }
            if raw.new_slot && raw.contact {
                problem(
                    "new_slot chỉ dành cho cuộc gọi không ai nghe (contact = false)".to_owned(),
                );
            }
            let interview = match raw.interview {
                Some(FileInterview::Finished) => InterviewNeed::Finished,
                Some(FileInterview::Started) => InterviewNeed::Started,
                None => InterviewNeed::None,
            };
            if interview == InterviewNeed::Finished && !raw.r#final {
                problem("phỏng vấn hoàn thành phải là kết quả cuối cùng".to_owned());
            }
            if interview != InterviewNeed::None && !raw.contact {
                problem("có phỏng vấn thì phải là đã liên hệ được (contact = true)".to_owned());
            }
            let hotkey = match raw.hotkey.as_deref() {
                None => None,
                Some(key) => {
                    let mut chars = key.chars();
                    match (chars.next(), chars.next()) {
                        (Some(c), None) if !c.is_whitespace() => {
                            let c = c.to_ascii_lowercase();
                            if !hotkeys.insert(c) {
                                problem(format!("phím tắt “{c}” đã dùng cho một kết quả trước"));
                            }
                            Some(c)
                        }
                        _ => {
                            problem(format!("phím tắt “{key}” phải là đúng một ký tự"));
                            None
                        }
                    }
                }
            };
            if by_rules && (hotkey.is_some() || !raw.r#final) {
                problem(
                    "kết quả do quy tắc đặt (by = \"rules\") phải là kết quả cuối cùng và không có phím tắt"
                        .to_owned(),
                );
            }
            rules.push(OutcomeRule {
                code,
                label_vi: raw.vi.nfc().collect(),
                label_en: raw.en,
                category: raw.category,
                is_final: raw.r#final,
                retry_after,
                counts_toward_limit: raw.counts,
                note_required: raw.note,
                appointment_required: raw.appointment,
                contact: raw.contact,
                interview,
                other_operator: raw.other_operator,
                new_slot: raw.new_slot,
                hotkey,
                by_rules,
            });
        }
        let own_lines = file.at_limit.is_some();
        let lines = file.at_limit.unwrap_or_else(builtin_limit_lines);
        let at_limit = limit_lines(&lines, own_lines, &rules, source, &mut problems);
        for code in [LIMIT_CONTACTED, LIMIT_NEVER_CONTACTED] {
            if !rules
                .iter()
                .any(|r| r.code.as_str() == code && r.by_rules && r.is_final)
            {
                problems.push(CatalogueProblem {
                    place: source.to_owned(),
                    reason: format!(
                        "thiếu kết quả {code} (by = \"rules\", final = true) mà giới hạn số lần gọi dùng để đóng ca"
                    ),
                });
            }
        }
        if !rules
            .iter()
            .any(|r| r.interview == InterviewNeed::Finished && r.is_recordable())
        {
            problems.push(CatalogueProblem {
                place: source.to_owned(),
                reason: "thiếu kết quả phỏng vấn hoàn thành (interview = \"finished\")".to_owned(),
            });
        }
        if problems.is_empty() {
            Ok(Self { rules, at_limit })
        } else {
            Err(CatalogueError(problems))
        }
    }

    /// Every outcome, in file order.
    pub fn rules(&self) -> &[OutcomeRule] {
        &self.rules
    }

    pub fn get(&self, code: &str) -> Option<&OutcomeRule> {
        self.rules.iter().find(|r| r.code.as_str() == code.trim())
    }

    /// The rule of a code the operator (or a caller) gives.
    pub fn rule(&self, code: &str) -> Result<&OutcomeRule, UnknownOutcome> {
        self.get(code)
            .ok_or_else(|| UnknownOutcome(code.to_owned()))
    }

    /// The precedence the attempt limit closes a case by.
    pub fn at_limit(&self) -> &LimitPrecedence {
        &self.at_limit
    }

    /// What the attempt limit closes a case with: the most informative outcome of its calls
    /// (`informative`, folded by [`LimitPrecedence::fold`]), else 2.30 if the person was ever
    /// reached, otherwise 3.90 (both required by [`OutcomeCatalogue::parse`]).
    pub fn limit_closing(
        &self,
        informative: Option<&OutcomeCode>,
        ever_contacted: bool,
    ) -> Option<&OutcomeRule> {
        informative
            .and_then(|code| self.get(code.as_str()))
            .or_else(|| {
                self.get(if ever_contacted {
                    LIMIT_CONTACTED
                } else {
                    LIMIT_NEVER_CONTACTED
                })
            })
    }

    /// The outcome that finishing the questionnaire records (1.1 in the built-in catalogue).
    pub fn complete(&self) -> Option<&OutcomeRule> {
        self.rules
            .iter()
            .find(|r| r.interview == InterviewNeed::Finished && r.is_recordable())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn builtin() -> &'static OutcomeCatalogue {
        OutcomeCatalogue::builtin()
    }

    /// Each problem as "place: reason".
    fn placed(problems: &[CatalogueProblem]) -> Vec<String> {
        problems
            .iter()
            .map(|p| format!("{}: {}", p.place, p.reason))
            .collect()
    }

    #[test]
    fn the_builtin_catalogue_loads_with_the_rules_the_design_asks_for() {
        let c = builtin();
        let rule = |code: &str| c.get(code).unwrap_or_else(|| panic!("{code} missing"));
        assert!(
            rule("3.12").retry_after < rule("3.13").retry_after,
            "busy sooner than no answer"
        );
        assert_eq!(rule("2.111").retry_after, Some(Duration::days(7)));
        assert!(
            rule("2.111").other_operator && !rule("2.111").is_final,
            "soft refusal: another operator, later"
        );
        assert!(rule("2.112").is_final, "hard refusal is final");
        assert!(rule("4.32").is_final && rule("4.32").category == AaporCategory::NE);
        assert!(rule("2.21").appointment_required && !rule("2.21").counts_toward_limit);
        assert_eq!(
            c.at_limit().lines().len(),
            6,
            "partial, refusal, callback, machine, other, never reached"
        );
        assert_eq!(c.complete().map(|r| r.code.as_str()), Some("1.1"));
        assert!(!rule("3.90").is_recordable() && rule("3.90").hotkey.is_none());
        let keys: Vec<char> = c.rules().iter().filter_map(|r| r.hotkey).collect();
        assert_eq!(
            keys.len(),
            c.rules().iter().filter(|r| r.is_recordable()).count(),
            "every recordable outcome has a key"
        );
    }

    #[test]
    fn delays_read_as_people_write_them() {
        let cases = [
            ("30m", Some(Duration::minutes(30))),
            ("3h", Some(Duration::hours(3))),
            ("7d", Some(Duration::days(7))),
            ("1d12h", Some(Duration::hours(36))),
            ("", None),
            ("3", None),
            ("h", None),
            ("0m", None),
            ("3 giờ", None),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_delay(text), expected, "{text:?}");
        }
    }

    #[test]
    fn a_broken_file_lists_every_problem_with_its_place() {
        let text = r#"
[[outcome]]
code = "1.1"
vi = "Hoàn thành"
en = "Complete"
category = "NE"
final = true
contact = true
interview = "finished"
hotkey = "1"

[[outcome]]
code = "3.13"
vi = "Không nghe máy"
en = "No answer"
category = "UH"
retry_after = "ba giờ"
hotkey = "1"

[[outcome]]
code = "9.9"
vi = "?"
en = "?"
category = "O"

[[outcome]]
code = "2.112"
vi = "Từ chối"
en = "Refusal"
category = "R"
final = true
retry_after = "7d"
"#;
        let problems = OutcomeCatalogue::parse(text, "ketqua.toml")
            .expect_err("broken")
            .0;
        let lines = placed(&problems);
        let has = |needle: &str| lines.iter().any(|l| l.contains(needle));
        assert!(
            has("kết quả thứ 1 (mã “1.1”): nhóm AAPOR NE không hợp với mã nhóm 1"),
            "{lines:#?}"
        );
        assert!(
            has("kết quả thứ 2 (mã “3.13”): retry_after “ba giờ”"),
            "{lines:#?}"
        );
        assert!(
            has("kết quả thứ 2 (mã “3.13”): phím tắt “1” đã dùng"),
            "{lines:#?}"
        );
        assert!(
            has("kết quả thứ 3 (mã “9.9”): “9.9” không phải mã"),
            "{lines:#?}"
        );
        assert!(
            has("kết quả thứ 4 (mã “2.112”): kết quả cuối cùng không có thời gian gọi lại"),
            "{lines:#?}"
        );
        assert!(has("thiếu kết quả 2.30"), "{lines:#?}");
        assert!(has("thiếu kết quả 3.90"), "{lines:#?}");
        assert!(
            lines.iter().all(|l| l.starts_with("ketqua.toml")),
            "{lines:#?}"
        );
    }

    #[test]
    fn a_file_that_is_not_toml_names_the_line() {
        let problems = OutcomeCatalogue::parse("[[outcome]]\ncode = \"1.1\"\nvi = \n", "x.toml")
            .expect_err("not TOML")
            .0;
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].place.starts_with("x.toml, dòng 3"),
            "{problems:?}"
        );
        let unknown =
            OutcomeCatalogue::parse("[[outcome]]\ncode = \"1.1\"\ncolour = 1\n", "y.toml")
                .expect_err("unknown field")
                .0;
        assert!(unknown[0].reason.contains("colour"), "{unknown:?}");
    }

    #[test]
    fn the_attempt_limit_lines_are_checked_with_their_place() {
        let own = format!(
            "{}\n[[at_limit]]\nmatch = \"2.1\"\n\n[[at_limit]]\nmatch = \"2.1\"\n\n\
             [[at_limit]]\nmatch = \"4.3\"\n\n[[at_limit]]\nmatch = \"2.4\"\n\n\
             [[at_limit]]\nmatch = \"3.1\"\nmixed = \"3.13\"\n\n[[at_limit]]\nmatch = \"hai\"\n",
            DEFAULT_TOML
                .split("\n[[at_limit]]")
                .next()
                .expect("the outcomes")
        );
        let problems = OutcomeCatalogue::parse(&own, "ketqua.toml")
            .expect_err("broken lines")
            .0;
        let lines = placed(&problems);
        let has = |needle: &str| lines.iter().any(|l| l.contains(needle));
        assert!(
            has("at_limit thứ 2 (“2.1”): dòng này đã có ở trên"),
            "{lines:#?}"
        );
        assert!(
            has("at_limit thứ 3 (“4.3”): kết quả không đủ điều kiện (4.x)"),
            "{lines:#?}"
        );
        assert!(
            has("at_limit thứ 4 (“2.4”): không khớp kết quả nào"),
            "{lines:#?}"
        );
        assert!(
            has("at_limit thứ 5 (“3.1”): mixed “3.13” phải là"),
            "{lines:#?}"
        );
        assert!(
            has("at_limit thứ 6 (“hai”): “hai” không phải mã"),
            "{lines:#?}"
        );
        assert_eq!(lines.len(), 5, "{lines:#?}");
    }

    #[test]
    fn a_file_without_attempt_limit_lines_takes_the_builtin_precedence() {
        let before = DEFAULT_TOML
            .split("\n[[at_limit]]")
            .next()
            .expect("the outcomes");
        let older = OutcomeCatalogue::parse(before, "cu.toml").expect("a file of the old form");
        assert_eq!(older.at_limit(), builtin().at_limit());
        let none = OutcomeCatalogue::parse(&format!("at_limit = []\n{before}"), "khong.toml")
            .expect("no precedence at all");
        assert!(none.at_limit().lines().is_empty());
    }

    #[test]
    fn a_duplicate_code_is_named() {
        let twice = format!("{DEFAULT_TOML}\n[[outcome]]\ncode = \"3.12\"\nvi = \"Bận\"\nen = \"Busy\"\ncategory = \"UH\"\n");
        let problems = OutcomeCatalogue::parse(&twice, "z.toml")
            .expect_err("duplicate")
            .0;
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].reason.contains("đã có"), "{problems:?}");
    }
}
