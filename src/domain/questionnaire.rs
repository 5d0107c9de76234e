//! The questionnaire an operator reads from the screen: question ids, wording and the 1–5
//! satisfaction scale with “không ý kiến”. This is the walking skeleton's fixed starter
//! questionnaire; answers are typed ([`Answer`]) so a value outside the scale never reaches the
//! database.

use std::collections::HashSet;
use std::fmt;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A question's identifier: a letter, then letters, digits, `_` or `.`; it keys stored answers.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(try_from = "String", into = "String")]
#[ts(type = "string")]
pub struct QuestionId(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("mã câu hỏi “{0}” không hợp lệ")]
pub struct BadQuestionId(String);

impl QuestionId {
    /// The questionnaire engine's rule ([`crate::domain::survey::QuestionId`]).
    pub fn parse(text: &str) -> Result<Self, BadQuestionId> {
        crate::domain::survey::QuestionId::parse(text)
            .map(|id| Self(id.into()))
            .map_err(|_| BadQuestionId(text.chars().take(64).collect()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for QuestionId {
    type Error = BadQuestionId;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<QuestionId> for String {
    fn from(value: QuestionId) -> Self {
        value.0
    }
}

impl fmt::Display for QuestionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An answer on the satisfaction scale: 1 (rất không hài lòng) to 5 (rất hài lòng), or
/// “không ý kiến”, which is recorded but is not a valid rating for the index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(try_from = "String", into = "String")]
#[ts(type = "string")]
pub enum Answer {
    Score(u8),
    DontKnow,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("câu trả lời “{0}” không hợp lệ: chỉ nhận 1–5 hoặc 0 (không ý kiến)")]
pub struct BadAnswer(String);

impl Answer {
    /// Reads a stored or typed answer code: `1`–`5`, or `0` for “không ý kiến”.
    pub fn parse(code: &str) -> Result<Self, BadAnswer> {
        match code.trim() {
            "0" => Ok(Answer::DontKnow),
            c @ ("1" | "2" | "3" | "4" | "5") => Ok(Answer::Score(c.as_bytes()[0] - b'0')),
            other => Err(BadAnswer(other.chars().take(16).collect())),
        }
    }

    pub fn code(self) -> String {
        match self {
            Answer::Score(n) => n.to_string(),
            Answer::DontKnow => "0".to_owned(),
        }
    }
}

impl TryFrom<String> for Answer {
    type Error = BadAnswer;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<Answer> for String {
    fn from(value: Answer) -> Self {
        value.code()
    }
}

/// One choice of the scale as the desk shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ScaleChoice {
    pub code: String,
    pub label_vi: String,
    pub label_en: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Question {
    pub id: QuestionId,
    pub text_vi: String,
    pub text_en: String,
}

/// A questionnaire: what the operator reads, in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Questionnaire {
    pub id: String,
    pub title_vi: String,
    pub title_en: String,
    pub questions: Vec<Question>,
    pub scale: Vec<ScaleChoice>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("phiếu “{questionnaire}” không có câu hỏi “{question}”")]
pub struct UnknownQuestion {
    pub questionnaire: String,
    pub question: QuestionId,
}

impl Questionnaire {
    /// The starter questionnaire: the five SIPAS components and overall satisfaction.
    pub fn starter() -> Self {
        let q = |id: &str, vi: &str, en: &str| Question {
            id: QuestionId::parse(id).expect("built-in ids are valid"),
            text_vi: vi.to_owned(),
            text_en: en.to_owned(),
        };
        let scale = [
            ("1", "Rất không hài lòng", "Very dissatisfied"),
            ("2", "Không hài lòng", "Dissatisfied"),
            ("3", "Bình thường", "Neutral"),
            ("4", "Hài lòng", "Satisfied"),
            ("5", "Rất hài lòng", "Very satisfied"),
            ("0", "Không ý kiến", "Don't know"),
        ];
        Self {
            id: "sipas-starter-v1".to_owned(),
            title_vi: "Phiếu khảo sát sự hài lòng (rút gọn)".to_owned(),
            title_en: "Satisfaction questionnaire (short)".to_owned(),
            questions: vec![
                q(
                    "TC",
                    "Ông/Bà hài lòng thế nào về việc tiếp cận dịch vụ: thông tin về thủ tục dễ tìm, dễ hiểu; nơi làm thủ tục dễ tìm, có chỗ ngồi chờ sạch sẽ?",
                    "How satisfied are you with access to the service: information easy to find and understand, the office easy to find, a clean place to wait?",
                ),
                q(
                    "TT",
                    "Ông/Bà hài lòng thế nào về thủ tục hành chính: thủ tục được niêm yết công khai, giấy tờ và phí, lệ phí đúng quy định?",
                    "How satisfied are you with the procedure: publicly posted, documents and fees as the rules require?",
                ),
                q(
                    "CC",
                    "Ông/Bà hài lòng thế nào về công chức trực tiếp giải quyết công việc: lịch sự, hướng dẫn rõ ràng, đúng quy định?",
                    "How satisfied are you with the civil servant who handled your case: polite, clear guidance, following the rules?",
                ),
                q(
                    "KQ",
                    "Ông/Bà hài lòng thế nào về kết quả giải quyết: trả đúng hẹn, thông tin đầy đủ, chính xác?",
                    "How satisfied are you with the result: returned on time, complete and correct?",
                ),
                q(
                    "GY",
                    "Ông/Bà hài lòng thế nào về việc tiếp nhận và xử lý góp ý, phản ánh, kiến nghị?",
                    "How satisfied are you with how feedback and complaints are received and handled?",
                ),
                q(
                    "HL",
                    "Nhìn chung, Ông/Bà hài lòng thế nào về sự phục vụ của cơ quan?",
                    "Overall, how satisfied are you with the agency's service?",
                ),
            ],
            scale: scale
                .iter()
                .map(|(code, vi, en)| ScaleChoice {
                    code: (*code).to_owned(),
                    label_vi: (*vi).to_owned(),
                    label_en: (*en).to_owned(),
                })
                .collect(),
        }
    }

    /// Checks that a question belongs to this questionnaire.
    pub fn question(&self, id: &QuestionId) -> Result<&Question, UnknownQuestion> {
        self.questions
            .iter()
            .find(|q| &q.id == id)
            .ok_or_else(|| UnknownQuestion {
                questionnaire: self.id.clone(),
                question: id.clone(),
            })
    }

    /// The questions not answered yet, in order.
    pub fn unanswered<'a>(
        &'a self,
        answered: impl IntoIterator<Item = &'a QuestionId>,
    ) -> Vec<&'a QuestionId> {
        let answered: HashSet<&QuestionId> = answered.into_iter().collect();
        self.questions
            .iter()
            .map(|q| &q.id)
            .filter(|id| !answered.contains(id))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answer_codes_accept_the_scale_and_dont_know_only() {
        assert_eq!(Answer::parse("1"), Ok(Answer::Score(1)));
        assert_eq!(Answer::parse(" 5 "), Ok(Answer::Score(5)));
        assert_eq!(Answer::parse("0"), Ok(Answer::DontKnow));
        for bad in ["6", "", "-1", "4.5", "năm"] {
            assert!(Answer::parse(bad).is_err(), "{bad:?}");
        }
        assert_eq!(Answer::Score(4).code(), "4");
        assert_eq!(Answer::DontKnow.code(), "0");
    }

    #[test]
    fn question_ids_are_short_identifiers() {
        assert!(QuestionId::parse("TC").is_ok());
        assert!(QuestionId::parse("c2.1_a").is_ok());
        for bad in ["", "1A", "a b", "ý"] {
            assert!(QuestionId::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn starter_questionnaire_tracks_what_is_left_to_ask() {
        let form = Questionnaire::starter();
        assert_eq!(form.questions.len(), 6);
        let first = form.questions[0].id.clone();
        let left = form.unanswered([&first]);
        assert_eq!(left.len(), 5);
        assert!(!left.contains(&&first));
        let stranger = QuestionId::parse("ZZ").expect("valid id");
        assert!(form.question(&stranger).is_err());
        assert!(form.scale.iter().all(|c| Answer::parse(&c.code).is_ok()));
    }
}
