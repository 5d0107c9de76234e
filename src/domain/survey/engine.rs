//! The interview engine: from a questionnaire and the answers given so far, which question
//! comes next, what is still missing, whether the interview is complete or ended early, and
//! what it counts as if the call stops now. It is one forward walk: conditions only look back,
//! so each question's fate is decided by the answers before it. Going back and changing an
//! answer is just a new walk over the new answers; answers to questions the walk no longer
//! reaches are *set aside* — reported, never dropped, and left out of the results.

use std::collections::BTreeMap;

use serde::Serialize;
use ts_rs::TS;

use super::answer::Answer;
use super::id::QuestionId;
use super::script::{Ending, Question, Script};

/// The answers of one interview, by question.
pub type Answers = BTreeMap<QuestionId, Answer>;

/// Where the interview stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum State {
    /// Questions remain.
    Open,
    /// Every question the answers lead to is answered.
    Complete,
    /// An answer ended it early (consent refused, screener failed).
    Ended { ending: Ending, at: QuestionId },
}

/// What an interview counts as if the call stops now; the desk maps it to an outcome code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "InterviewStop")]
pub enum Stop {
    /// Every question answered: AAPOR 1.1.
    Complete,
    /// Stopped after the core (`[completion] core_until`): 1.2.
    Partial,
    /// Stopped inside the core: 2.12.
    BreakOff,
    /// Consent refused: 2.11x.
    Refusal,
    /// The screener ruled the person out: 4.x.
    NotEligible,
    /// Nothing answered yet.
    NotStarted,
}

impl Stop {
    /// The outcome (AAPOR code) an interview stopped here is recorded as; none before it starts.
    pub fn outcome(self) -> Option<&'static str> {
        match self {
            Self::Complete => Some("1.1"),
            Self::Partial => Some("1.2"),
            Self::BreakOff => Some("2.12"),
            Self::Refusal => Some("2.112"),
            Self::NotEligible => Some("4.7"),
            Self::NotStarted => None,
        }
    }
}

/// The engine's verdict on a set of answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    /// The question to ask now (the first reachable one without an answer).
    pub next: Option<QuestionId>,
    /// The questions the answers lead to, in order: asked, being asked, or ahead as things
    /// stand. A later answer may add or remove some ahead.
    pub path: Vec<QuestionId>,
    /// The answers that count, in questionnaire order (blanks of optional questions included).
    pub counted: Vec<QuestionId>,
    /// Required questions on the path still without an answer.
    pub missing: Vec<QuestionId>,
    /// Answers that no longer count: their question is not reached by the answers before it,
    /// comes after an answer that ended the interview, does not accept the answer, or is not
    /// in this questionnaire. The caller keeps them in the history.
    pub set_aside: Vec<QuestionId>,
    pub state: State,
    /// The core questions are behind (see [`Script::core_until`]).
    pub core_done: bool,
}

impl Progress {
    pub fn is_complete(&self) -> bool {
        self.state == State::Complete
    }

    /// What the interview counts as if the call stops now.
    pub fn stop(&self) -> Stop {
        match &self.state {
            State::Complete => Stop::Complete,
            State::Ended {
                ending: Ending::Refusal,
                ..
            } => Stop::Refusal,
            State::Ended {
                ending: Ending::NotEligible,
                ..
            } => Stop::NotEligible,
            State::Open if self.core_done => Stop::Partial,
            State::Open if !self.counted.is_empty() => Stop::BreakOff,
            State::Open => Stop::NotStarted,
        }
    }
}

impl Script {
    /// Walks the questionnaire over the answers given so far.
    pub fn progress(&self, answers: &Answers) -> Progress {
        let mut counted: BTreeMap<&QuestionId, &Answer> = BTreeMap::new();
        let mut progress = Progress {
            next: None,
            path: Vec::new(),
            counted: Vec::new(),
            missing: Vec::new(),
            set_aside: Vec::new(),
            state: State::Open,
            core_done: false,
        };
        let mut ended: Option<(Ending, QuestionId)> = None;
        for q in &self.questions {
            let given = answers.get(&q.id);
            let reached = ended.is_none()
                && q.ask_if
                    .as_ref()
                    .is_none_or(|c| c.holds(&|id| counted.get(id).copied()));
            if !reached {
                if given.is_some() {
                    progress.set_aside.push(q.id.clone());
                }
                continue;
            }
            progress.path.push(q.id.clone());
            match given {
                Some(answer) if q.accepts(answer) => {
                    counted.insert(&q.id, answer);
                    progress.counted.push(q.id.clone());
                    if let Some(ending) = q.ending(answer) {
                        ended = Some((ending, q.id.clone()));
                    }
                }
                other => {
                    if other.is_some() {
                        progress.set_aside.push(q.id.clone());
                    }
                    if progress.next.is_none() {
                        progress.next = Some(q.id.clone());
                    }
                    if q.required {
                        progress.missing.push(q.id.clone());
                    }
                }
            }
        }
        for id in answers.keys() {
            if self.position(id).is_none() {
                progress.set_aside.push(id.clone());
            }
        }
        progress.state = match ended {
            Some((ending, at)) => {
                progress.next = None;
                progress.missing.clear();
                State::Ended { ending, at }
            }
            None if progress.next.is_none() => State::Complete,
            None => State::Open,
        };
        progress.core_done = match (&progress.state, &self.core_until, &progress.next) {
            (State::Complete, _, _) => true,
            (State::Open, Some(core), Some(next)) => self.position(next) > self.position(core),
            _ => false,
        };
        progress
    }

    /// The counted answers with their questions, in questionnaire order: what results and
    /// the supervisor's review show.
    pub fn results<'a>(&'a self, answers: &'a Answers) -> Vec<(&'a Question, &'a Answer)> {
        let progress = self.progress(answers);
        progress
            .counted
            .iter()
            .filter_map(|id| Some((self.question(id)?, answers.get(id)?)))
            .collect()
    }

    /// The question to go back to from `from` (`None`: from the end of the interview): the
    /// last question on the path before it.
    pub fn previous(&self, answers: &Answers, from: Option<&QuestionId>) -> Option<QuestionId> {
        let limit = match from {
            Some(id) => self.position(id)?,
            None => self.questions.len(),
        };
        self.progress(answers)
            .path
            .into_iter()
            .rfind(|id| self.position(id).is_some_and(|p| p < limit))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = r#"
id = "thu"
version = "1"
title = "Phiếu thử"
[completion]
core_until = "hai_long"

[[section]]
id = "mo_dau"
title = "Mở đầu"

[[section.question]]
id = "dong_y"
type = "single"
text = "Ông/Bà có đồng ý không?"
options = [
  { code = 1, text = "Có" },
  { code = 2, text = "Không", ends = "refusal" },
]

[[section.question]]
id = "tuoi"
type = "integer"
min = 0
max = 120
text = "Ông/Bà bao nhiêu tuổi?"

[[section.question]]
id = "du_tuoi"
type = "single"
ask_if = "tuoi < 18"
text = "Có người lớn nào trả lời thay được không?"
options = [
  { code = 1, text = "Có" },
  { code = 2, text = "Không", ends = "not_eligible" },
]

[[section]]
id = "danh_gia"
title = "Đánh giá"

[[section.question]]
id = "gop_y"
type = "single"
text = "Ông/Bà có góp ý không?"
options = [{ code = 1, text = "Có" }, { code = 2, text = "Không" }]

[[section.question]]
id = "xu_ly"
type = "scale"
ask_if = "gop_y = 1"
text = "Góp ý được xử lý thế nào?"

[[section.question]]
id = "hai_long"
type = "scale"
text = "Nhìn chung?"

[[section.question]]
id = "y_kien"
type = "text"
required = false
text = "Ý kiến khác?"
"#;

    fn script() -> Script {
        Script::parse(FILE, "thu.toml").unwrap_or_else(|e| panic!("{e}"))
    }

    fn id(text: &str) -> QuestionId {
        QuestionId::parse(text).expect("id")
    }

    fn answer(s: &Script, answers: &mut Answers, q: &str, input: &str) {
        let question = s.question(&id(q)).expect("question");
        let a = question
            .parse_answer(input)
            .unwrap_or_else(|e| panic!("{e}"));
        answers.insert(id(q), a);
    }

    fn ids(list: &[QuestionId]) -> Vec<&str> {
        list.iter().map(QuestionId::as_str).collect()
    }

    #[test]
    fn the_next_question_follows_the_answers_and_skips_what_does_not_apply() {
        let s = script();
        let mut a = Answers::new();
        let p = s.progress(&a);
        assert_eq!(p.next, Some(id("dong_y")));
        assert_eq!(p.stop(), Stop::NotStarted);
        assert_eq!(
            ids(&p.missing),
            ["dong_y", "tuoi", "gop_y", "hai_long"],
            "questions whose condition needs an answer not given yet are not missing yet"
        );
        answer(&s, &mut a, "dong_y", "1");
        answer(&s, &mut a, "tuoi", "40");
        let p = s.progress(&a);
        assert_eq!(p.next, Some(id("gop_y")), "du_tuoi skipped: 40 is not < 18");
        answer(&s, &mut a, "gop_y", "2");
        let p = s.progress(&a);
        assert_eq!(
            p.next,
            Some(id("hai_long")),
            "xu_ly skipped: no feedback given"
        );
        assert_eq!(p.stop(), Stop::BreakOff);
        answer(&s, &mut a, "hai_long", "0");
        let p = s.progress(&a);
        assert_eq!(p.next, Some(id("y_kien")));
        assert_eq!(p.stop(), Stop::Partial, "past the core: partial");
        assert!(p.missing.is_empty(), "the comment is optional");
        answer(&s, &mut a, "y_kien", "");
        let p = s.progress(&a);
        assert_eq!(p.state, State::Complete);
        assert!(p.is_complete());
        assert_eq!(p.stop(), Stop::Complete);
        assert_eq!(
            ids(&p.path),
            ["dong_y", "tuoi", "gop_y", "hai_long", "y_kien"]
        );
        assert_eq!(s.results(&a).len(), 5);
    }

    #[test]
    fn refusing_consent_ends_the_interview_as_a_refusal() {
        let s = script();
        let mut a = Answers::new();
        answer(&s, &mut a, "dong_y", "2");
        let p = s.progress(&a);
        assert_eq!(
            p.state,
            State::Ended {
                ending: Ending::Refusal,
                at: id("dong_y")
            }
        );
        assert_eq!((&p.next, p.missing.len()), (&None, 0));
        assert_eq!(p.stop(), Stop::Refusal);
    }

    #[test]
    fn a_screener_answer_ends_the_interview_as_not_eligible() {
        let s = script();
        let mut a = Answers::new();
        answer(&s, &mut a, "dong_y", "1");
        answer(&s, &mut a, "tuoi", "16");
        assert_eq!(s.progress(&a).next, Some(id("du_tuoi")));
        answer(&s, &mut a, "du_tuoi", "2");
        let p = s.progress(&a);
        assert_eq!(p.stop(), Stop::NotEligible);
        assert!(!p.is_complete());
    }

    #[test]
    fn going_back_and_changing_an_answer_sets_aside_what_no_longer_applies() {
        let s = script();
        let mut a = Answers::new();
        for (q, v) in [
            ("dong_y", "1"),
            ("tuoi", "40"),
            ("gop_y", "1"),
            ("xu_ly", "4"),
        ] {
            answer(&s, &mut a, q, v);
        }
        assert_eq!(s.previous(&a, Some(&id("hai_long"))), Some(id("xu_ly")));
        answer(&s, &mut a, "gop_y", "2");
        let p = s.progress(&a);
        assert_eq!(ids(&p.set_aside), ["xu_ly"]);
        assert!(!p.counted.contains(&id("xu_ly")));
        assert!(s.results(&a).iter().all(|(q, _)| q.id != id("xu_ly")));
        assert_eq!(p.next, Some(id("hai_long")));
        assert_eq!(
            s.previous(&a, Some(&id("hai_long"))),
            Some(id("gop_y")),
            "back skips the question set aside"
        );
        answer(&s, &mut a, "gop_y", "1");
        let p = s.progress(&a);
        assert!(
            p.set_aside.is_empty(),
            "changing back brings the answer back"
        );
        assert!(p.counted.contains(&id("xu_ly")));
    }

    #[test]
    fn changing_consent_to_no_sets_aside_everything_after_it() {
        let s = script();
        let mut a = Answers::new();
        for (q, v) in [("dong_y", "1"), ("tuoi", "40"), ("gop_y", "2")] {
            answer(&s, &mut a, q, v);
        }
        answer(&s, &mut a, "dong_y", "2");
        let p = s.progress(&a);
        assert_eq!(ids(&p.set_aside), ["tuoi", "gop_y"]);
        assert_eq!(p.stop(), Stop::Refusal);
    }

    #[test]
    fn a_gap_opened_by_a_changed_answer_is_asked_next() {
        let s = script();
        let mut a = Answers::new();
        for (q, v) in [
            ("dong_y", "1"),
            ("tuoi", "40"),
            ("gop_y", "2"),
            ("hai_long", "5"),
        ] {
            answer(&s, &mut a, q, v);
        }
        answer(&s, &mut a, "gop_y", "1");
        let p = s.progress(&a);
        assert_eq!(p.next, Some(id("xu_ly")));
        assert_eq!(ids(&p.missing), ["xu_ly"]);
        assert!(!p.core_done, "the core has a hole again");
        assert_eq!(p.stop(), Stop::BreakOff);
    }

    #[test]
    fn answers_that_do_not_fit_or_belong_elsewhere_are_set_aside() {
        let s = script();
        let mut a = Answers::new();
        answer(&s, &mut a, "dong_y", "1");
        a.insert(id("tuoi"), Answer::Integer(400));
        a.insert(id("khong_co"), Answer::Integer(1));
        let p = s.progress(&a);
        assert_eq!(ids(&p.set_aside), ["tuoi", "khong_co"]);
        assert_eq!(p.next, Some(id("tuoi")));
    }

    #[test]
    fn back_from_the_end_returns_to_the_last_question_asked() {
        let s = script();
        let mut a = Answers::new();
        for (q, v) in [
            ("dong_y", "1"),
            ("tuoi", "40"),
            ("gop_y", "2"),
            ("hai_long", "5"),
            ("y_kien", ""),
        ] {
            answer(&s, &mut a, q, v);
        }
        assert_eq!(s.previous(&a, None), Some(id("y_kien")));
        assert_eq!(s.previous(&a, Some(&id("dong_y"))), None);
    }
}
