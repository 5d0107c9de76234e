//! A checked questionnaire (`Script`): sections, questions with their kind, options,
//! conditions and instructions, the completion rule and the closing words. It can only be
//! made by reading a file (`Script::parse`), so a `Script` in hand has passed every check and
//! carries the hash of its content, which is its identity in storage.

use std::sync::LazyLock;

use super::condition::Condition;
use super::hash::ContentHash;
use super::id::{OptionCode, QuestionId, SectionId};

/// A part of the questionnaire, for the operator's progress indicator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub id: SectionId,
    pub title: String,
    pub title_en: Option<String>,
    /// A component of the satisfaction index: its 1–5 scale questions are the criteria.
    pub component: bool,
}

/// How an answer can end the interview before its end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Ending {
    /// The person will not take part (consent refused): AAPOR 2.11x.
    Refusal,
    /// The screener shows the person is outside the survey's population: AAPOR 4.x.
    NotEligible,
}

impl Ending {
    /// The word a file uses: `refusal`, `not_eligible`.
    pub fn key(self) -> &'static str {
        match self {
            Ending::Refusal => "refusal",
            Ending::NotEligible => "not_eligible",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        match key {
            "refusal" => Some(Ending::Refusal),
            "not_eligible" => Some(Ending::NotEligible),
            _ => None,
        }
    }

    pub fn label_vi(self) -> &'static str {
        match self {
            Ending::Refusal => "từ chối tham gia",
            Ending::NotEligible => "không thuộc đối tượng khảo sát",
        }
    }
}

/// One option of a choice question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub code: OptionCode,
    pub text: String,
    pub text_en: Option<String>,
    /// Choosing it ends the interview (single choice only).
    pub ends: Option<Ending>,
}

/// What kind of answer a question takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    Single {
        options: Vec<Choice>,
    },
    /// 1 (rất không hài lòng) to 5 (rất hài lòng), or 0 “không ý kiến” (not a valid rating).
    Scale,
    Multiple {
        options: Vec<Choice>,
        max_choices: Option<usize>,
    },
    Integer {
        min: Option<i64>,
        max: Option<i64>,
    },
    Text {
        max_length: usize,
    },
    Date,
}

impl Kind {
    /// The word a file uses.
    pub fn key(&self) -> &'static str {
        match self {
            Kind::Single { .. } => "single",
            Kind::Scale => "scale",
            Kind::Multiple { .. } => "multiple",
            Kind::Integer { .. } => "integer",
            Kind::Text { .. } => "text",
            Kind::Date => "date",
        }
    }

    /// How a person calls it.
    pub fn label_vi(&self) -> &'static str {
        match self {
            Kind::Single { .. } => "chọn một",
            Kind::Scale => "thang điểm 1–5",
            Kind::Multiple { .. } => "chọn nhiều",
            Kind::Integer { .. } => "số nguyên",
            Kind::Text { .. } => "trả lời tự do",
            Kind::Date => "ngày",
        }
    }

    /// The options of a choice question (empty otherwise).
    pub fn options(&self) -> &[Choice] {
        match self {
            Kind::Single { options } | Kind::Multiple { options, .. } => options,
            _ => &[],
        }
    }
}

/// One question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    pub id: QuestionId,
    pub section: SectionId,
    /// What the operator reads, with placeholders (`Placeholders::fill`).
    pub text: String,
    pub text_en: Option<String>,
    /// For the operator only, shown apart and never read out.
    pub instruction: Option<String>,
    pub kind: Kind,
    pub required: bool,
    /// Asked only when this holds on the earlier answers; always asked when absent.
    pub ask_if: Option<Condition>,
}

impl Question {
    /// The ending an answer brings, if it is an option that ends the interview.
    pub fn ending(&self, answer: &super::answer::Answer) -> Option<Ending> {
        match (&self.kind, answer) {
            (Kind::Single { options }, super::answer::Answer::Choice(code)) => options
                .iter()
                .find(|o| o.code == *code)
                .and_then(|o| o.ends),
            _ => None,
        }
    }
}

/// What the operator says when the interview ends, by how it ended.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Closing {
    pub complete: Option<String>,
    pub refusal: Option<String>,
    pub not_eligible: Option<String>,
}

/// A checked questionnaire.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Script {
    pub(super) id: String,
    pub(super) version: String,
    pub(super) title: String,
    pub(super) title_en: Option<String>,
    pub(super) sections: Vec<Section>,
    pub(super) questions: Vec<Question>,
    pub(super) core_until: Option<QuestionId>,
    pub(super) closing: Closing,
    pub(super) canonical: String,
    pub(super) hash: ContentHash,
}

/// The built-in SIPAS questionnaire's file.
pub const SIPAS_TOML: &str = include_str!("sipas.toml");

/// The criteria of the built-in SIPAS questionnaire, by component: stable question ids that
/// key the satisfaction index. Each is a 1–5 scale question; the component is the part before
/// the dot, which is also the id of its section.
pub const SIPAS_CRITERIA: [(&str, &[&str]); 5] = [
    (
        "tiep_can",
        &[
            "tiep_can.thong_tin",
            "tiep_can.tru_so",
            "tiep_can.noi_cho",
            "tiep_can.trang_thiet_bi",
        ],
    ),
    (
        "thu_tuc",
        &[
            "thu_tuc.niem_yet",
            "thu_tuc.ho_so",
            "thu_tuc.phi",
            "thu_tuc.thoi_han",
        ],
    ),
    (
        "cong_chuc",
        &[
            "cong_chuc.lich_su",
            "cong_chuc.tra_loi",
            "cong_chuc.huong_dan",
            "cong_chuc.dung_quy_dinh",
            "cong_chuc.tan_tinh",
        ],
    ),
    (
        "ket_qua",
        &["ket_qua.dung_hen", "ket_qua.chinh_xac", "ket_qua.cong_bang"],
    ),
    ("gop_y", &["gop_y.kenh", "gop_y.xu_ly", "gop_y.thong_bao"]),
];

static SIPAS: LazyLock<Script> = LazyLock::new(|| {
    Script::parse(SIPAS_TOML, "sipas.toml")
        .unwrap_or_else(|e| unreachable!("the built-in questionnaire is checked by its tests: {e}"))
});

impl Script {
    /// The built-in SIPAS public-administrative-service questionnaire.
    pub fn sipas() -> &'static Script {
        &SIPAS
    }

    /// The file's own name for the questionnaire (not unique: see [`Script::hash`]).
    pub fn id(&self) -> &str {
        &self.id
    }

    pub fn version(&self) -> &str {
        &self.version
    }

    pub fn title(&self) -> &str {
        &self.title
    }

    pub fn title_en(&self) -> Option<&str> {
        self.title_en.as_deref()
    }

    pub fn sections(&self) -> &[Section] {
        &self.sections
    }

    /// Every question, in the order they are asked.
    pub fn questions(&self) -> &[Question] {
        &self.questions
    }

    pub fn question(&self, id: &QuestionId) -> Option<&Question> {
        self.questions.iter().find(|q| &q.id == id)
    }

    /// The consent question: the first one an answer to which ends the interview as a refusal
    /// (SIPAS's `dong_y`). Its answer is the record of the person's consent.
    pub fn consent_question(&self) -> Option<&Question> {
        self.questions.iter().find(|q| {
            q.kind
                .options()
                .iter()
                .any(|o| o.ends == Some(Ending::Refusal))
        })
    }

    /// Where a question stands in the order (from 0).
    pub fn position(&self, id: &QuestionId) -> Option<usize> {
        self.questions.iter().position(|q| &q.id == id)
    }

    pub fn section(&self, id: &SectionId) -> Option<&Section> {
        self.sections.iter().find(|s| &s.id == id)
    }

    /// The questions of one section, in order.
    pub fn questions_in<'a>(
        &'a self,
        section: &'a SectionId,
    ) -> impl Iterator<Item = &'a Question> {
        self.questions.iter().filter(move |q| &q.section == section)
    }

    /// The last question of the core: an interview that stops after it counts as partial
    /// (1.2), one that stops before it as a break-off. `None`: every question is core.
    pub fn core_until(&self) -> Option<&QuestionId> {
        self.core_until.as_ref()
    }

    pub fn closing(&self) -> &Closing {
        &self.closing
    }

    /// The SHA-256 of the canonical content: a stored questionnaire's identity.
    pub fn hash(&self) -> &ContentHash {
        &self.hash
    }

    /// The canonical content: the questionnaire as a TOML file without comments, which
    /// reads back to the same questionnaire and hash (see `hash`). What a store keeps.
    pub fn canonical_text(&self) -> &str {
        &self.canonical
    }
}
