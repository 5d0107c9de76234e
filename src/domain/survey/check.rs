//! The checks a questionnaire's conditions must pass beyond their syntax: every question they
//! name exists and comes earlier (so an interview can always be walked forward), every
//! comparison makes sense for the kind of question compared, and every question can be reached
//! by some run of answers. Reachability is decided by trying representative answers for the
//! questions a condition names — each option, each score, the numbers around each bound and
//! literal, the subsets of the options named — leaving out answers that would already have
//! ended the interview, and no answer at all where a question may go unanswered. That finds
//! contradictions such as `x = 1 and x = 2`, conditions on a question that is itself never
//! asked, and conditions that only hold after the interview has ended.

use std::collections::{BTreeSet, HashMap};

use chrono::{Days, NaiveDate};

use super::answer::{bounds, Answer, Rating};
use super::condition::{Condition, Literal, Op, QuestionRef};
use super::id::{OptionCode, QuestionId};
use super::script::Kind;
use crate::domain::intake::date::parse_date_text;

/// One question as the checks see it; `None` where the question itself had a problem.
pub(super) struct Item<'a> {
    pub id: Option<&'a QuestionId>,
    pub kind: Option<&'a Kind>,
    pub required: bool,
    /// Whether the question has a condition at all (even one that did not parse).
    pub conditional: bool,
    pub condition: Option<&'a Condition>,
}

/// A problem with the condition of one question: at a character of the condition, or about
/// the question as a whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Finding {
    At { char: usize, reason: String },
    Whole(String),
}

/// Above this many combinations of representative answers, a condition is taken as reachable.
const MAX_TRIES: usize = 20_000;

/// Every finding, by the index of the question it belongs to, in order.
pub(super) fn check_all(items: &[Item<'_>]) -> Vec<(usize, Finding)> {
    let mut index: HashMap<&QuestionId, usize> = HashMap::new();
    for (i, item) in items.iter().enumerate() {
        if let Some(id) = item.id {
            index.entry(id).or_insert(i);
        }
    }
    let mut findings = Vec::new();
    // Questions that no run of answers reaches.
    let mut dead = vec![false; items.len()];
    let mut dead_end = false;
    for (i, item) in items.iter().enumerate() {
        if dead_end {
            dead[i] = true;
            continue;
        }
        if let Some(condition) = item.condition {
            let mine = condition_findings(condition, i, items, &index);
            let sound = mine.is_empty();
            findings.extend(mine.into_iter().map(|f| (i, f)));
            if sound {
                if let Some(finding) = reachability(condition, item, items, &index, &dead) {
                    dead[i] = true;
                    findings.push((i, finding));
                }
            }
        }
        if !dead[i] && !item.conditional && item.required {
            if let Some(Kind::Single { options }) = item.kind {
                if options.iter().all(|o| o.ends.is_some()) && i + 1 < items.len() {
                    findings.push((
                        i,
                        Finding::Whole(
                            "mọi phương án đều kết thúc phỏng vấn: các câu hỏi sau không bao giờ được hỏi"
                                .to_owned(),
                        ),
                    ));
                    dead_end = true;
                }
            }
        }
    }
    findings
}

fn condition_findings(
    condition: &Condition,
    me: usize,
    items: &[Item<'_>],
    index: &HashMap<&QuestionId, usize>,
) -> Vec<Finding> {
    let mut out = Vec::new();
    for q in condition.questions() {
        let reason = match index.get(&q.id) {
            None => format!("câu hỏi “{}” không có trong phiếu", q.id),
            Some(&j) if j == me => "điều kiện không được dựa vào chính câu hỏi này".to_owned(),
            Some(&j) if j > me => format!(
                "câu “{}” (câu hỏi thứ {}) đứng sau câu này; điều kiện chỉ được dựa vào câu hỏi đứng trước",
                q.id,
                j + 1
            ),
            Some(_) => continue,
        };
        out.push(Finding::At { char: q.at, reason });
    }
    if out.is_empty() {
        comparisons(condition, items, index, &mut out);
    }
    out
}

/// Type-checks every comparison of a condition whose questions all exist and come earlier.
fn comparisons(
    condition: &Condition,
    items: &[Item<'_>],
    index: &HashMap<&QuestionId, usize>,
    out: &mut Vec<Finding>,
) {
    let kind_of = |q: &QuestionRef| index.get(&q.id).and_then(|&j| items[j].kind);
    match condition {
        Condition::Or(list) | Condition::And(list) => {
            list.iter().for_each(|c| comparisons(c, items, index, out));
        }
        Condition::Not(inner) => comparisons(inner, items, index, out),
        Condition::Answered(_) => {}
        Condition::Compare {
            question,
            op,
            value,
        } => {
            if let Some(kind) = kind_of(question) {
                if let Some(reason) = literal_problem(kind, &question.id, *op, value) {
                    out.push(Finding::At {
                        char: question.at,
                        reason,
                    });
                }
            }
        }
        Condition::In { question, values } => {
            if let Some(kind) = kind_of(question) {
                for value in values {
                    if let Some(reason) = literal_problem(kind, &question.id, Op::Eq, value) {
                        out.push(Finding::At {
                            char: question.at,
                            reason,
                        });
                    }
                }
            }
        }
    }
}

/// Why comparing question `q` of this kind with `value` by `op` makes no sense, if it does not.
fn literal_problem(kind: &Kind, q: &QuestionId, op: Op, value: &Literal) -> Option<String> {
    let mismatch = || {
        Some(format!(
            "không so sánh được câu “{q}” ({}) với {}",
            kind.label_vi(),
            match value {
                Literal::Int(n) => format!("số {n}"),
                Literal::Text(t) => format!("chuỗi “{t}”"),
            }
        ))
    };
    let codes = |options: &[super::script::Choice]| {
        options
            .iter()
            .map(|o| o.code.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    match (kind, value) {
        (Kind::Text { .. }, _) => Some(format!(
            "câu “{q}” là câu trả lời tự do: điều kiện chỉ dùng được answered({q})"
        )),
        (Kind::Date, Literal::Text(t)) => parse_date_text(t)
            .is_err()
            .then(|| format!("“{t}” không phải ngày; viết \"2026-10-01\" hoặc \"01/10/2026\"")),
        (Kind::Date, Literal::Int(_)) => mismatch(),
        (_, Literal::Text(_)) => mismatch(),
        (Kind::Single { options } | Kind::Multiple { options, .. }, Literal::Int(n)) => {
            if matches!(kind, Kind::Multiple { .. }) && op.is_ordering() {
                return Some(format!(
                    "câu “{q}” chọn nhiều: chỉ so sánh được bằng =, != hoặc in, không dùng {}",
                    op.symbol()
                ));
            }
            let known = options.iter().any(|o| i64::from(o.code.value()) == *n);
            (!op.is_ordering() && !known).then(|| {
                format!(
                    "phương án {n} không có ở câu “{q}” (có: {})",
                    codes(options)
                )
            })
        }
        (Kind::Scale, Literal::Int(n)) => {
            if op.is_ordering() && *n == 0 {
                Some(format!(
                    "“không ý kiến” (0) ở câu “{q}” không so sánh lớn nhỏ được; dùng {q} = 0"
                ))
            } else if !(0..=5).contains(n) {
                Some(format!(
                    "thang điểm của câu “{q}” chỉ có 1–5 và 0 (không ý kiến), không có {n}"
                ))
            } else {
                None
            }
        }
        (Kind::Integer { min, max }, Literal::Int(n)) => {
            let outside = min.is_some_and(|m| *n < m) || max.is_some_and(|m| *n > m);
            (!op.is_ordering() && outside).then(|| {
                format!(
                    "giá trị {n} nằm ngoài khoảng {} của câu “{q}”",
                    bounds(*min, *max)
                )
            })
        }
    }
}

/// The literals a condition compares one question with.
fn literals<'a>(condition: &'a Condition, q: &QuestionId, out: &mut Vec<&'a Literal>) {
    match condition {
        Condition::Or(list) | Condition::And(list) => {
            list.iter().for_each(|c| literals(c, q, out));
        }
        Condition::Not(inner) => literals(inner, q, out),
        Condition::Answered(_) => {}
        Condition::Compare {
            question, value, ..
        } => {
            if &question.id == q {
                out.push(value);
            }
        }
        Condition::In { question, values } => {
            if &question.id == q {
                out.extend(values);
            }
        }
    }
}

/// Representative answers of an earlier question (`None`: no answer), for deciding whether a
/// condition can hold. Answers that end the interview are left out unless `with_endings`.
fn candidates(
    item: &Item<'_>,
    kind: &Kind,
    dead: bool,
    mentioned: &[&Literal],
    with_endings: bool,
) -> Vec<Option<Answer>> {
    if dead {
        return vec![None];
    }
    let ints = || {
        mentioned.iter().filter_map(|l| match l {
            Literal::Int(n) => Some(*n),
            Literal::Text(_) => None,
        })
    };
    let mut out: Vec<Option<Answer>> = match kind {
        Kind::Single { options } => options
            .iter()
            .filter(|o| with_endings || o.ends.is_none())
            .map(|o| Some(Answer::Choice(o.code)))
            .collect(),
        Kind::Scale => (1..=5)
            .map(|n| Some(Answer::Scale(Rating::Score(n))))
            .chain([Some(Answer::Scale(Rating::DontKnow))])
            .collect(),
        Kind::Multiple {
            options,
            max_choices,
        } => {
            let named: Vec<OptionCode> = options
                .iter()
                .map(|o| o.code)
                .filter(|c| ints().any(|n| n == i64::from(c.value())))
                .take(8)
                .collect();
            let other = options.iter().map(|o| o.code).find(|c| !named.contains(c));
            let max = max_choices.unwrap_or(options.len());
            let mut sets = Vec::new();
            for mask in 0u32..(1 << named.len()) {
                let set: BTreeSet<OptionCode> = named
                    .iter()
                    .enumerate()
                    .filter(|(b, _)| mask & (1 << b) != 0)
                    .map(|(_, c)| *c)
                    .collect();
                let mut with_other = set.clone();
                if let Some(o) = other {
                    with_other.insert(o);
                }
                for s in [set, with_other] {
                    if !s.is_empty() && s.len() <= max && !sets.contains(&s) {
                        sets.push(s);
                    }
                }
            }
            sets.into_iter().map(|s| Some(Answer::Choices(s))).collect()
        }
        Kind::Integer { min, max } => {
            let mut points: BTreeSet<i64> = min.iter().chain(max.iter()).copied().collect();
            for n in ints() {
                points.extend([n.saturating_sub(1), n, n.saturating_add(1)]);
            }
            points.insert(min.or(*max).unwrap_or(0));
            points
                .into_iter()
                .filter(|n| min.is_none_or(|m| *n >= m) && max.is_none_or(|m| *n <= m))
                .map(|n| Some(Answer::Integer(n)))
                .collect()
        }
        Kind::Text { .. } => vec![Some(Answer::Text("…".to_owned()))],
        Kind::Date => {
            let mut days: BTreeSet<NaiveDate> = mentioned
                .iter()
                .filter_map(|l| match l {
                    Literal::Text(t) => parse_date_text(t).ok(),
                    Literal::Int(_) => None,
                })
                .flat_map(|d| {
                    [
                        d.checked_sub_days(Days::new(1)),
                        Some(d),
                        d.checked_add_days(Days::new(1)),
                    ]
                })
                .flatten()
                .collect();
            days.extend(NaiveDate::from_ymd_opt(2000, 1, 1));
            days.into_iter().map(|d| Some(Answer::Date(d))).collect()
        }
    };
    if !item.required || item.conditional {
        out.push(None);
    }
    out
}

/// Whether some run of answers makes the condition hold; the finding when none does.
fn reachability(
    condition: &Condition,
    item: &Item<'_>,
    items: &[Item<'_>],
    index: &HashMap<&QuestionId, usize>,
    dead: &[bool],
) -> Option<Finding> {
    let mut names: Vec<&QuestionId> = Vec::new();
    for q in condition.questions() {
        if !names.contains(&&q.id) {
            names.push(&q.id);
        }
    }
    let holds_somehow = |with_endings: bool| -> Option<bool> {
        let mut domains = Vec::new();
        let mut tries = 1usize;
        for id in &names {
            let j = *index.get(id)?;
            let kind = items[j].kind?;
            let mut mentioned = Vec::new();
            literals(condition, id, &mut mentioned);
            let domain = candidates(&items[j], kind, dead[j], &mentioned, with_endings);
            tries = tries.saturating_mul(domain.len().max(1));
            domains.push(domain);
        }
        if domains.iter().any(Vec::is_empty) {
            // Every answer to some question named ends the interview first.
            return Some(false);
        }
        if tries > MAX_TRIES {
            return None;
        }
        let mut choice = vec![0usize; domains.len()];
        loop {
            let answer_of = |q: &QuestionId| {
                let k = names.iter().position(|n| *n == q)?;
                domains[k].get(choice[k])?.as_ref()
            };
            if condition.holds(&answer_of) {
                return Some(true);
            }
            // The next combination, like an odometer.
            let mut k = 0;
            loop {
                if k == domains.len() {
                    return Some(false);
                }
                choice[k] += 1;
                if choice[k] < domains[k].len() {
                    break;
                }
                choice[k] = 0;
                k += 1;
            }
        }
    };
    if holds_somehow(false)? {
        return None;
    }
    let what = if item.required {
        "câu hỏi bắt buộc này không bao giờ được hỏi"
    } else {
        "câu hỏi này không bao giờ được hỏi"
    };
    let why = if holds_somehow(true) == Some(true) {
        "điều kiện chỉ đúng với câu trả lời đã kết thúc phỏng vấn"
    } else if names
        .iter()
        .any(|id| index.get(id).is_some_and(|&j| dead[j]))
    {
        "điều kiện dựa vào câu hỏi không bao giờ được hỏi"
    } else {
        "điều kiện không bao giờ đúng"
    };
    Some(Finding::Whole(format!("{what}: {why}")))
}
