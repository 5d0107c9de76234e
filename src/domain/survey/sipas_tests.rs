//! The built-in SIPAS questionnaire: it passes its own checks, has the criteria the index
//! report keys on, and walks as issue 6 describes (refusal, not eligible, the feedback skip,
//! partial after the core, complete).

use chrono::NaiveDate;
use unicode_normalization::{is_nfc, UnicodeNormalization};

use super::*;

fn sipas() -> &'static Script {
    Script::sipas()
}

fn id(text: &str) -> QuestionId {
    QuestionId::parse(text).expect("id")
}

fn give(answers: &mut Answers, q: &str, input: &str) {
    let question = sipas()
        .question(&id(q))
        .unwrap_or_else(|| panic!("{q} missing"));
    let answer = question
        .parse_answer(input)
        .unwrap_or_else(|e| panic!("{e}"));
    answers.insert(id(q), answer);
}

fn through_screener() -> Answers {
    let mut a = Answers::new();
    give(&mut a, "dong_y", "1");
    give(&mut a, "du_18_tuoi", "1");
    give(&mut a, "da_nhan_ket_qua", "1");
    a
}

#[test]
fn the_sipas_questionnaire_passes_its_own_checks() {
    let parsed = Script::parse(SIPAS_TOML, "sipas.toml").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(&parsed, sipas());
    assert_eq!(parsed.core_until(), Some(&id("hai_long_chung")));
}

#[test]
fn the_sipas_consent_question_is_the_one_whose_refusal_ends_the_interview() {
    let consent = sipas().consent_question().expect("a consent question");
    assert_eq!(consent.id.as_str(), "dong_y");
    assert!(consent.text.contains("có đồng ý"));
}

#[test]
fn the_sipas_text_is_nfc_vietnamese() {
    assert!(is_nfc(SIPAS_TOML), "the file is stored in NFC");
    let s = sipas();
    assert!(s.title().contains("hài lòng"));
    for q in s.questions() {
        assert!(is_nfc(&q.text), "{}", q.id);
        assert_eq!(q.text, q.text.nfc().collect::<String>());
    }
}

#[test]
fn the_sipas_criteria_are_the_five_components_scale_questions() {
    let s = sipas();
    for (component, criteria) in SIPAS_CRITERIA {
        let section = SectionId::parse(component).expect("id");
        assert!(s.section(&section).is_some(), "{component}");
        let scales: Vec<&str> = s
            .questions_in(&section)
            .filter(|q| q.kind == Kind::Scale)
            .map(|q| q.id.as_str())
            .collect();
        assert_eq!(scales, criteria, "{component}");
        for c in criteria {
            assert!(c.starts_with(&format!("{component}.")), "{c}");
        }
    }
    let count: usize = SIPAS_CRITERIA.iter().map(|(_, c)| c.len()).sum();
    assert_eq!(count, 19);
}

#[test]
fn refusing_at_the_introduction_ends_as_a_refusal() {
    let mut a = Answers::new();
    give(&mut a, "dong_y", "2");
    assert_eq!(sipas().progress(&a).stop(), Stop::Refusal);
    assert!(sipas().closing().refusal.is_some());
}

#[test]
fn the_screener_rules_out_minors_and_people_without_the_result() {
    let mut minor = Answers::new();
    give(&mut minor, "dong_y", "1");
    give(&mut minor, "du_18_tuoi", "2");
    assert_eq!(sipas().progress(&minor).stop(), Stop::NotEligible);
    for code in ["2", "3"] {
        let mut a = Answers::new();
        give(&mut a, "dong_y", "1");
        give(&mut a, "du_18_tuoi", "1");
        give(&mut a, "da_nhan_ket_qua", code);
        assert_eq!(sipas().progress(&a).stop(), Stop::NotEligible, "{code}");
    }
}

#[test]
fn no_feedback_skips_the_feedback_component() {
    let mut a = through_screener();
    for (_, criteria) in &SIPAS_CRITERIA[..4] {
        for c in *criteria {
            give(&mut a, c, "4");
        }
    }
    assert_eq!(sipas().progress(&a).next, Some(id("da_gop_y")));
    give(&mut a, "da_gop_y", "2");
    assert_eq!(sipas().progress(&a).next, Some(id("hai_long_chung")));
    give(&mut a, "da_gop_y", "1");
    assert_eq!(sipas().progress(&a).next, Some(id("gop_y.kenh")));
}

#[test]
fn stopping_after_overall_satisfaction_is_partial_and_the_rest_completes() {
    let mut a = through_screener();
    for (_, criteria) in SIPAS_CRITERIA {
        for c in criteria {
            give(&mut a, c, "5");
        }
    }
    give(&mut a, "da_gop_y", "1");
    assert_eq!(sipas().progress(&a).stop(), Stop::BreakOff);
    give(&mut a, "hai_long_chung", "4");
    let p = sipas().progress(&a);
    assert_eq!(p.next, Some(id("mong_doi")));
    assert_eq!(p.stop(), Stop::Partial);
    give(&mut a, "mong_doi", "3,5,10");
    assert!(sipas()
        .question(&id("mong_doi"))
        .is_some_and(|q| q.parse_answer("1,2,3,4").is_err()));
    give(&mut a, "gioi_tinh", "2");
    give(&mut a, "nhom_tuoi", "3");
    give(&mut a, "hoc_van", "");
    give(&mut a, "nghe_nghiep", "4");
    give(&mut a, "y_kien", "Nên có thêm chỗ gửi xe.");
    let p = sipas().progress(&a);
    assert_eq!(p.stop(), Stop::Complete, "{p:?}");
    assert!(p.set_aside.is_empty());
}

#[test]
fn the_introduction_reads_with_the_calls_details() {
    let values = Placeholders {
        ten: "Trần Văn Bình".to_owned(),
        co_quan: "UBND huyện Cao Lãnh".to_owned(),
        thu_tuc: "đăng ký khai sinh".to_owned(),
        ngay_nhan: NaiveDate::from_ymd_opt(2026, 10, 20),
        dtv: "Lan".to_owned(),
    };
    let intro = &sipas().questions()[0];
    let text = values.fill(&intro.text);
    for part in [
        "Xin chào Ông/Bà Trần Văn Bình. Tôi là Lan, điện thoại viên của Tổng đài 1022.",
        "Theo danh sách của UBND huyện Cao Lãnh, Ông/Bà đã làm thủ tục đăng ký khai sinh và nhận kết quả ngày 20/10/2026.",
        "khoảng 5 phút",
        "giữ bí mật",
    ] {
        assert!(text.contains(part), "{part:?} in {text}");
    }
    assert!(!text.contains('{') && !text.contains('\n'), "{text}");
}

#[test]
fn the_canonical_text_reads_back_to_the_same_questionnaire_and_hash() {
    let s = sipas();
    let again =
        Script::parse(s.canonical_text(), "canonical.toml").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(&again, s);
    assert_eq!(again.hash(), s.hash());
    assert_eq!(s.hash().as_str().len(), 64);
    assert_eq!(ContentHash::parse(s.hash().as_str()).as_ref(), Ok(s.hash()));
}

#[test]
fn comments_and_layout_keep_the_hash_and_a_changed_word_makes_a_new_one() {
    let recommented = format!(
        "# bản sao có chú thích\n\n{}",
        SIPAS_TOML.replace("\n# ---", "\n#")
    );
    let same = Script::parse(&recommented, "x.toml").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(same.hash(), sipas().hash());
    let reworded = SIPAS_TOML.replace("Nơi chờ có đủ chỗ ngồi", "Nơi chờ có đủ ghế ngồi");
    let other = Script::parse(&reworded, "y.toml").unwrap_or_else(|e| panic!("{e}"));
    assert_ne!(other.hash(), sipas().hash());
}

/// A random answer a question accepts (a blank sometimes, where allowed).
fn random_answer(q: &Question, rng: &mut rand_chacha::ChaCha8Rng) -> Answer {
    use rand::Rng;
    if !q.required && rng.random_range(0..5) == 0 {
        return Answer::Blank;
    }
    let input = match &q.kind {
        Kind::Scale => rng.random_range(0..6).to_string(),
        Kind::Text { .. } => "Ý kiến".to_owned(),
        Kind::Multiple { options, .. } => {
            options[rng.random_range(0..options.len())].code.to_string()
        }
        other => {
            let options = other.options();
            options[rng.random_range(0..options.len())].code.to_string()
        }
    };
    q.parse_answer(&input).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn any_walk_through_sipas_ends_and_never_loses_an_answer() {
    use rand::{Rng, SeedableRng};
    let s = sipas();
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(1022);
    for _ in 0..200 {
        let mut answers = Answers::new();
        let mut steps = 0;
        loop {
            let p = s.progress(&answers);
            // Every answer given is either counted or set aside, never both, never neither.
            assert_eq!(p.counted.len() + p.set_aside.len(), answers.len(), "{p:?}");
            assert!(p.counted.iter().all(|q| !p.set_aside.contains(q)));
            assert!(p.missing.iter().all(|q| p.path.contains(q)));
            let Some(next) = p.next.clone() else {
                assert!(matches!(
                    p.stop(),
                    Stop::Complete | Stop::Refusal | Stop::NotEligible
                ));
                break;
            };
            assert!(!p.counted.contains(&next));
            steps += 1;
            assert!(steps <= s.questions().len() * 2, "the walk ends");
            let question = s.question(&next).expect("next exists");
            answers.insert(next.clone(), random_answer(question, &mut rng));
            // Now and then the operator goes back and changes an earlier answer.
            if rng.random_range(0..6) == 0 {
                if let Some(back) = s.previous(&answers, Some(&next)) {
                    let q = s.question(&back).expect("exists");
                    answers.insert(back, random_answer(q, &mut rng));
                }
            }
        }
    }
}
