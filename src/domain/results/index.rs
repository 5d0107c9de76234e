//! The SIPAS satisfaction index (DESIGN.md, "Review and reports"): per criterion the share of
//! valid answers that are 4 or 5, per component the mean of its criteria, per agency the mean
//! of its components, with mean scores beside them. The components are the questionnaire's
//! sections marked `component = true`; their 1–5 scale questions are the criteria, keyed by
//! their stable ids. Works on tallies (how many gave each score), so the database sums and this
//! module only divides: the same function serves the CLI, the app and every backend.

use std::collections::BTreeMap;

use serde::Serialize;
use ts_rs::TS;

use crate::domain::survey::{Answer, Answers, Kind, Script};

/// The formula, as every report states it.
pub const FORMULA: &str = "Tiêu chí: chỉ số = 100 × (số câu trả lời 4 hoặc 5) / (số câu trả lời hợp lệ 1–5); \
“không ý kiến” và câu bỏ trống không tính; điểm trung bình = tổng điểm / số câu hợp lệ. \
Thành phần: trung bình cộng chỉ số (và điểm trung bình) của các tiêu chí có câu trả lời hợp lệ. \
Cơ quan: trung bình cộng của các thành phần có chỉ số. \
Toàn đợt: (a) trung bình cộng chỉ số các cơ quan có chỉ số; (b) gộp mọi người trả lời, tính như một cơ quan. \
/ Criterion: index = 100 × (answers of 4 or 5) / (valid answers 1–5), “don't know” and blanks excluded; \
mean = sum of scores / valid answers. Component: mean of its criteria that have valid answers. \
Agency: mean of its components that have an index. Campaign: (a) mean over agencies with an index; \
(b) pooled over all respondents, computed as one agency.";

/// A component of the index: a section of the questionnaire and its criteria, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Component {
    pub id: String,
    pub title: String,
    pub criteria: Vec<String>,
}

/// The components of a questionnaire's index: its `component` sections, each with its scale
/// questions as criteria.
pub fn components(script: &Script) -> Vec<Component> {
    script
        .sections()
        .iter()
        .filter(|s| s.component)
        .map(|s| Component {
            id: s.id.as_str().to_owned(),
            title: s.title.clone(),
            criteria: script
                .questions_in(&s.id)
                .filter(|q| matches!(q.kind, Kind::Scale))
                .map(|q| q.id.as_str().to_owned())
                .collect(),
        })
        .collect()
}

/// The ids of a questionnaire's 1–5 scale questions, in order: the positions of a [`ScoreLine`].
pub fn scale_questions(script: &Script) -> Vec<String> {
    script
        .questions()
        .iter()
        .filter(|q| matches!(q.kind, Kind::Scale))
        .map(|q| q.id.as_str().to_owned())
        .collect()
}

/// A finished interview's scores, one per scale question of its questionnaire in order (see
/// [`scale_questions`]): 1–5, 0 for "không ý kiến", `None` for a question not asked or not
/// answered. What the index sums; stored as text, one character each (`'-'` for `None`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ScoreLine(Vec<Option<u8>>);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("dòng điểm “{0}” không hợp lệ: chỉ gồm 0–5 và -")]
pub struct BadScoreLine(String);

impl ScoreLine {
    /// The scores of the answers that count ([`Script::results`]).
    pub fn of(script: &Script, answers: &Answers) -> Self {
        let counted: BTreeMap<&str, &Answer> = script
            .results(answers)
            .into_iter()
            .map(|(q, answer)| (q.id.as_str(), answer))
            .collect();
        Self(
            scale_questions(script)
                .iter()
                .map(|id| match counted.get(id.as_str()) {
                    Some(Answer::Scale(rating)) => Some(rating.score().unwrap_or(0)),
                    _ => None,
                })
                .collect(),
        )
    }

    pub fn parse(text: &str) -> Result<Self, BadScoreLine> {
        text.chars()
            .map(|c| match c {
                '-' => Ok(None),
                '0'..='5' => Ok(Some(c as u8 - b'0')),
                _ => Err(BadScoreLine(text.chars().take(40).collect())),
            })
            .collect::<Result<_, _>>()
            .map(Self)
    }

    pub fn to_text(&self) -> String {
        self.0
            .iter()
            .map(|s| s.map_or('-', |n| char::from(b'0' + n)))
            .collect()
    }
}

/// How many valid answers gave each score: `scores[0]` counts the 1s, `scores[4]` the 5s.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub scores: [u64; 5],
}

impl Tally {
    /// Adds `count` answers of `score`; anything outside 1–5 ("không ý kiến") is not valid.
    pub fn add(&mut self, score: i64, count: u64) {
        if let Some(slot) = usize::try_from(score - 1)
            .ok()
            .and_then(|i| self.scores.get_mut(i))
        {
            *slot += count;
        }
    }

    fn merge(&mut self, other: &Tally) {
        for (a, b) in self.scores.iter_mut().zip(other.scores) {
            *a += b;
        }
    }

    fn valid(&self) -> u64 {
        self.scores.iter().sum()
    }

    fn satisfied(&self) -> u64 {
        self.scores[3] + self.scores[4]
    }

    fn total(&self) -> u64 {
        self.scores
            .iter()
            .zip(1u64..)
            .map(|(count, score)| count * score)
            .sum()
    }
}

/// An agency's interviews and tallies by criterion id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AgencyTallies {
    pub agency: String,
    pub name: String,
    pub interviews: u64,
    pub tallies: BTreeMap<String, Tally>,
}

impl AgencyTallies {
    /// Counts one interview and its scores; `scale` names the line's positions.
    pub fn add_line(&mut self, scale: &[String], line: &ScoreLine) {
        self.interviews += 1;
        for (id, score) in scale.iter().zip(&line.0) {
            if let Some(score) = score {
                self.tallies
                    .entry(id.clone())
                    .or_default()
                    .add(i64::from(*score), 1);
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CriterionIndex {
    pub criterion: String,
    /// Valid answers (1–5).
    #[ts(type = "number")]
    pub n: u64,
    /// Answers of 4 or 5.
    #[ts(type = "number")]
    pub satisfied: u64,
    /// 100·satisfied/n; `None` without a valid answer.
    pub index: Option<f64>,
    pub mean: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ComponentIndex {
    pub component: String,
    pub title: String,
    pub index: Option<f64>,
    pub mean: Option<f64>,
    pub criteria: Vec<CriterionIndex>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AgencyIndex {
    pub agency: String,
    pub name: String,
    /// Interviews counted.
    #[ts(type = "number")]
    pub n: u64,
    pub index: Option<f64>,
    pub mean: Option<f64>,
    pub components: Vec<ComponentIndex>,
}

/// The campaign as a whole, two ways.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OverallIndex {
    /// (a) The mean of the agencies' indices (and of their mean scores), over agencies that
    /// have one.
    pub agency_mean: Option<f64>,
    pub agency_mean_score: Option<f64>,
    /// How many agencies have an index.
    #[ts(type = "number")]
    pub agencies: u64,
    /// (b) Every respondent pooled, computed as one agency.
    pub pooled: AgencyIndex,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IndexFigures {
    pub overall: OverallIndex,
    pub agencies: Vec<AgencyIndex>,
}

fn mean(values: impl Iterator<Item = Option<f64>>) -> Option<f64> {
    let (sum, n) = values
        .flatten()
        .fold((0.0, 0u32), |(sum, n), v| (sum + v, n + 1));
    (n > 0).then(|| sum / f64::from(n))
}

fn criterion(id: &str, tally: Tally) -> CriterionIndex {
    let n = tally.valid();
    let share = |x: u64| (n > 0).then(|| x as f64 / n as f64);
    CriterionIndex {
        criterion: id.to_owned(),
        n,
        satisfied: tally.satisfied(),
        index: share(tally.satisfied()).map(|s| 100.0 * s),
        mean: share(tally.total()),
    }
}

fn agency(components: &[Component], tallies: &AgencyTallies) -> AgencyIndex {
    let components: Vec<ComponentIndex> = components
        .iter()
        .map(|c| {
            let criteria: Vec<CriterionIndex> = c
                .criteria
                .iter()
                .map(|id| criterion(id, tallies.tallies.get(id).copied().unwrap_or_default()))
                .collect();
            ComponentIndex {
                component: c.id.clone(),
                title: c.title.clone(),
                index: mean(criteria.iter().map(|x| x.index)),
                mean: mean(criteria.iter().map(|x| x.mean)),
                criteria,
            }
        })
        .collect();
    AgencyIndex {
        agency: tallies.agency.clone(),
        name: tallies.name.clone(),
        n: tallies.interviews,
        index: mean(components.iter().map(|c| c.index)),
        mean: mean(components.iter().map(|c| c.mean)),
        components,
    }
}

/// The index per agency (in the order given) and for the campaign.
pub fn index(components: &[Component], agencies: &[AgencyTallies]) -> IndexFigures {
    let mut pooled = AgencyTallies {
        agency: String::new(),
        name: "Toàn đợt (gộp mọi người trả lời)".to_owned(),
        ..AgencyTallies::default()
    };
    for a in agencies {
        pooled.interviews += a.interviews;
        for (id, tally) in &a.tallies {
            pooled.tallies.entry(id.clone()).or_default().merge(tally);
        }
    }
    let agencies: Vec<AgencyIndex> = agencies.iter().map(|a| agency(components, a)).collect();
    let overall = OverallIndex {
        agency_mean: mean(agencies.iter().map(|a| a.index)),
        agency_mean_score: mean(agencies.iter().map(|a| a.mean)),
        agencies: agencies.iter().filter(|a| a.index.is_some()).count() as u64,
        pooled: agency(components, &pooled),
    };
    IndexFigures { overall, agencies }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(actual: Option<f64>, expected: f64, what: &str) {
        let actual = actual.unwrap_or_else(|| panic!("{what} is undefined"));
        assert!(
            (actual - expected).abs() < 1e-9,
            "{what}: {actual} is not {expected}"
        );
    }

    fn tally(scores: [u64; 5]) -> Tally {
        Tally { scores }
    }

    fn two_components() -> Vec<Component> {
        vec![
            Component {
                id: "a".into(),
                title: "A".into(),
                criteria: vec!["a.1".into(), "a.2".into()],
            },
            Component {
                id: "b".into(),
                title: "B".into(),
                criteria: vec!["b.1".into()],
            },
        ]
    }

    #[test]
    fn criterion_component_agency_and_campaign_by_hand() {
        // X: a.1 = 5,4,2,0(dk) → n 3, k 2, index 66.67, mean 11/3; a.2 = 3,3 → n 2, k 0, 0, mean 3;
        //    b.1 = 4,4,5,1 → n 4, k 3, 75, mean 14/4.
        // Y: a.1 = 5 → 100, mean 5; a.2 nobody → undefined; b.1 = 2 → 0, mean 2.
        let x = AgencyTallies {
            agency: "X".into(),
            name: "Sở X".into(),
            interviews: 4,
            tallies: BTreeMap::from([
                ("a.1".into(), tally([0, 1, 0, 1, 1])),
                ("a.2".into(), tally([0, 0, 2, 0, 0])),
                ("b.1".into(), tally([1, 0, 0, 2, 1])),
            ]),
        };
        let y = AgencyTallies {
            agency: "Y".into(),
            name: "Sở Y".into(),
            interviews: 1,
            tallies: BTreeMap::from([
                ("a.1".into(), tally([0, 0, 0, 0, 1])),
                ("b.1".into(), tally([0, 1, 0, 0, 0])),
            ]),
        };
        let r = index(&two_components(), &[x, y]);
        let ax = &r.agencies[0];
        let a1 = &ax.components[0].criteria[0];
        assert_eq!((a1.n, a1.satisfied), (3, 2));
        close(a1.index, 200.0 / 3.0, "X a.1 index");
        close(a1.mean, 11.0 / 3.0, "X a.1 mean");
        close(
            ax.components[0].index,
            (200.0 / 3.0 + 0.0) / 2.0,
            "X component a",
        );
        close(
            ax.components[0].mean,
            (11.0 / 3.0 + 3.0) / 2.0,
            "X component a mean",
        );
        close(ax.components[1].index, 75.0, "X component b");
        close(ax.index, (100.0 / 3.0 + 75.0) / 2.0, "X index");
        close(ax.mean, ((11.0 / 3.0 + 3.0) / 2.0 + 3.5) / 2.0, "X mean");
        assert_eq!(ax.n, 4);

        // Y: a.2 skipped by everyone is left out of its component, not counted as 0.
        let ay = &r.agencies[1];
        assert_eq!(
            (
                ay.components[0].criteria[1].n,
                ay.components[0].criteria[1].index
            ),
            (0, None)
        );
        close(ay.components[0].index, 100.0, "Y component a");
        close(ay.index, 50.0, "Y index");

        close(
            r.overall.agency_mean,
            ((100.0 / 3.0 + 75.0) / 2.0 + 50.0) / 2.0,
            "mean over agencies",
        );
        assert_eq!(r.overall.agencies, 2);
        // Pooled: a.1 = 5,4,2,5 → 75; a.2 = 3,3 → 0; b.1 = 4,4,5,1,2 → 60.
        let p = &r.overall.pooled;
        assert_eq!(p.n, 5);
        close(p.components[0].criteria[0].index, 75.0, "pooled a.1");
        close(p.components[0].index, 37.5, "pooled a");
        close(p.components[1].index, 60.0, "pooled b");
        close(p.index, 48.75, "pooled index");
    }

    #[test]
    fn an_agency_without_a_valid_answer_has_no_index_and_is_left_out_of_the_mean() {
        let silent = AgencyTallies {
            agency: "Z".into(),
            name: "UBND xã Z".into(),
            interviews: 2,
            // Two "không ý kiến" only.
            tallies: BTreeMap::from([("a.1".into(), Tally::default())]),
        };
        let happy = AgencyTallies {
            agency: "X".into(),
            name: "Sở X".into(),
            interviews: 1,
            tallies: BTreeMap::from([("a.1".into(), tally([0, 0, 0, 0, 1]))]),
        };
        let r = index(&two_components(), &[silent, happy]);
        assert_eq!(
            (r.agencies[0].n, r.agencies[0].index, r.agencies[0].mean),
            (2, None, None)
        );
        close(r.agencies[1].index, 100.0, "X");
        close(r.overall.agency_mean, 100.0, "mean over agencies");
        assert_eq!(r.overall.agencies, 1);
    }

    #[test]
    fn scores_outside_one_to_five_are_not_valid() {
        let mut t = Tally::default();
        for score in [0, 1, 5, 6, -1] {
            t.add(score, 2);
        }
        assert_eq!(t.scores, [2, 0, 0, 0, 2]);
        let c = criterion("q", t);
        assert_eq!((c.n, c.satisfied), (4, 2));
        close(c.mean, 3.0, "mean");
    }

    #[test]
    fn a_score_line_reads_back_from_its_text_and_tallies_by_position() {
        let line = ScoreLine::parse("45-0").expect("a line");
        assert_eq!(line.to_text(), "45-0");
        assert!(ScoreLine::parse("46").is_err());
        assert!(ScoreLine::parse("4 5").is_err());
        let scale: Vec<String> = ["a", "b", "c", "d"].map(String::from).to_vec();
        let mut agency = AgencyTallies::default();
        agency.add_line(&scale, &line);
        agency.add_line(&scale, &ScoreLine::parse("1").expect("a short line"));
        assert_eq!(agency.interviews, 2);
        assert_eq!(agency.tallies["a"].scores, [1, 0, 0, 1, 0]);
        assert_eq!(agency.tallies["b"].scores, [0, 0, 0, 0, 1]);
        assert!(!agency.tallies.contains_key("c"), "not asked");
        assert_eq!(
            agency.tallies["d"].scores, [0; 5],
            "không ý kiến is no valid score"
        );
    }

    #[test]
    fn a_score_line_holds_the_counted_scale_answers_of_the_walk() {
        let script = Script::sipas();
        let scale = scale_questions(script);
        assert_eq!(scale.len(), 20, "19 criteria and the overall question");
        let mut answers = Answers::new();
        for (id, input) in [
            ("dong_y", "1"),
            ("du_18_tuoi", "1"),
            ("da_nhan_ket_qua", "1"),
            ("tiep_can.thong_tin", "5"),
            ("tiep_can.tru_so", "0"),
        ] {
            let id = crate::domain::survey::QuestionId::parse(id).expect("id");
            let answer = script
                .question(&id)
                .expect("question")
                .parse_answer(input)
                .expect("answer");
            answers.insert(id, answer);
        }
        // An answer the walk sets aside (feedback never said given) is left out.
        let kenh = crate::domain::survey::QuestionId::parse("gop_y.kenh").expect("id");
        answers.insert(
            kenh.clone(),
            script
                .question(&kenh)
                .expect("q")
                .parse_answer("5")
                .expect("answer"),
        );
        let line = ScoreLine::of(script, &answers);
        let text = line.to_text();
        assert!(text.starts_with("50--"), "{text}");
        assert_eq!(text.matches(|c| c != '-').count(), 2, "{text}");
    }

    #[test]
    fn sipas_components_are_its_five_marked_sections_with_their_scale_questions() {
        let found = components(Script::sipas());
        let ids: Vec<&str> = found.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(
            ids,
            ["tiep_can", "thu_tuc", "cong_chuc", "ket_qua", "gop_y"]
        );
        let sizes: Vec<usize> = found.iter().map(|c| c.criteria.len()).collect();
        assert_eq!(sizes, [4, 4, 5, 3, 3]);
        // The feedback question itself is a yes/no, not a criterion.
        assert!(!found[4].criteria.iter().any(|c| c == "da_gop_y"));
    }
}
