//! One test per kind of problem a questionnaire file can have, each asserting the place
//! (file, line, column, “câu hỏi thứ N (mã …)”) and the reason, and one that a file with many
//! problems lists them all.

use super::*;

const HEAD: &str =
    "id = \"thu\"\nversion = \"1\"\ntitle = \"Thử\"\n\n[[section]]\nid = \"a\"\ntitle = \"A\"\n";

const YES_NO: &str = "options = [{ code = 1, text = \"Có\" }, { code = 2, text = \"Không\" }]";

/// A question in TOML: its id, type and any further lines.
fn q(id: &str, kind: &str, extra: &[&str]) -> String {
    let mut out =
        format!("\n[[section.question]]\nid = \"{id}\"\ntype = \"{kind}\"\ntext = \"Câu {id}?\"\n");
    for line in extra {
        out.push_str(line);
        out.push('\n');
    }
    out
}

fn single(id: &str, extra: &[&str]) -> String {
    let mut lines = vec![YES_NO];
    lines.extend_from_slice(extra);
    q(id, "single", &lines)
}

fn file(questions: &[String]) -> String {
    format!("{HEAD}{}", questions.concat())
}

fn problems(text: &str) -> Vec<String> {
    match Script::parse(text, "t.toml") {
        Ok(_) => panic!("expected problems in:\n{text}"),
        Err(ScriptError(list)) => list
            .iter()
            .map(|p| format!("{}: {}", p.place, p.reason))
            .collect(),
    }
}

/// The line (from 1) holding `needle`, and the column (from 1) of `sub` on it.
fn place_of(text: &str, needle: &str, sub: &str) -> (usize, usize) {
    let (n, line) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle} not in text"));
    let col = line.find(sub).map_or(0, |b| line[..b].chars().count()) + 1;
    (n + 1, col)
}

/// `t.toml, dòng L, câu hỏi thứ N (mã “id”)`.
fn at_question(text: &str, n: usize, id: &str) -> String {
    let (line, _) = place_of(text, &format!("id = \"{id}\""), "");
    format!("t.toml, dòng {line}, câu hỏi thứ {n} (mã “{id}”)")
}

/// `t.toml, dòng L, cột C, câu hỏi thứ N (mã “id”)` at `sub` in the question's condition.
fn at_condition(text: &str, condition: &str, sub: &str, n: usize, id: &str) -> String {
    let (line, col) = place_of(text, &format!("ask_if = \"{condition}\""), sub);
    let col = col.max(1);
    format!("t.toml, dòng {line}, cột {col}, câu hỏi thứ {n} (mã “{id}”)")
}

fn assert_one(text: &str, expected: &str) {
    let lines = problems(text);
    assert_eq!(lines, [expected.to_owned()], "{text}");
}

#[test]
fn a_minimal_file_reads() {
    let text = file(&[
        single("q1", &[]),
        q("q2", "scale", &["ask_if = \"q1 = 1\""]),
    ]);
    let script = Script::parse(&text, "t.toml").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(script.questions().len(), 2);
    assert!(script.questions()[0].required, "required by default");
    assert_eq!(script.sections()[0].title, "A");
}

#[test]
fn a_toml_syntax_error_names_line_and_column() {
    let text = format!("{HEAD}\n[[section.question]]\nid = \"q1\"\ntext = \n");
    let lines = problems(&text);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0].starts_with("t.toml, dòng 11, cột 8: "),
        "{lines:?}"
    );
}

#[test]
fn an_unknown_field_is_named() {
    let text = file(&[single("q1", &["colour = \"đỏ\""])]);
    let lines = problems(&text);
    assert!(lines[0].contains("colour"), "{lines:?}");
    let (line, _) = place_of(&text, "colour", "");
    assert!(
        lines[0].starts_with(&format!("t.toml, dòng {line}, cột 1")),
        "{lines:?}"
    );
}

#[test]
fn a_duplicate_question_id_is_named_with_the_first() {
    let text = file(&[single("q1", &[]), single("q2", &[]), single("q1", &[])]);
    let lines = problems(&text);
    let line = text
        .lines()
        .enumerate()
        .filter(|(_, l)| *l == "id = \"q1\"")
        .nth(1)
        .map(|(n, _)| n + 1)
        .expect("second q1");
    assert_eq!(
        lines,
        [format!(
            "t.toml, dòng {line}, câu hỏi thứ 3 (mã “q1”): mã câu hỏi này đã có ở câu hỏi thứ 1"
        )]
    );
}

#[test]
fn a_duplicate_section_id_is_named_with_the_first() {
    let text = format!(
        "{}\n[[section]]\nid = \"a\"\ntitle = \"B\"\n{}",
        file(&[single("q1", &[])]),
        single("q2", &[])
    );
    let line = text
        .lines()
        .position(|l| l == "title = \"B\"")
        .expect("line");
    assert_one(
        &text,
        &format!("t.toml, dòng {line}, mục thứ 2 (mã “a”): mã mục này đã có ở mục thứ 1"),
    );
}

#[test]
fn a_component_of_the_index_needs_a_scale_question() {
    let text = format!(
        "{}\n[[section]]\nid = \"b\"\ntitle = \"B\"\ncomponent = true\n{}",
        file(&[single("q1", &[])]),
        single("q2", &[])
    );
    let line = text
        .lines()
        .position(|l| l == "title = \"B\"")
        .expect("line");
    assert_one(
        &text,
        &format!(
            "t.toml, dòng {line}, mục thứ 2 (mã “b”): mục là thành phần của chỉ số (component = true) nhưng không có câu thang điểm (scale) nào làm tiêu chí"
        ),
    );
    let scaled = format!(
        "{}\n[[section]]\nid = \"b\"\ntitle = \"B\"\ncomponent = true\n{}",
        file(&[single("q1", &[])]),
        q("b.1", "scale", &[])
    );
    let script = Script::parse(&scaled, "t.toml").expect("a component with a criterion reads");
    assert_eq!(
        script
            .sections()
            .iter()
            .map(|s| s.component)
            .collect::<Vec<_>>(),
        [false, true]
    );
}

#[test]
fn an_option_code_used_twice_is_named() {
    let text = file(&[q(
        "q1",
        "single",
        &["options = [{ code = 1, text = \"Có\" }, { code = 1, text = \"Không\" }]"],
    )]);
    assert_one(
        &text,
        &format!(
            "{}, phương án thứ 2: mã phương án 1 đã dùng ở phương án thứ 1",
            at_question(&text, 1, "q1")
        ),
    );
}

#[test]
fn a_choice_question_needs_two_options() {
    for (options, count) in [
        ("options = []", 0),
        ("options = [{ code = 1, text = \"Có\" }]", 1),
    ] {
        let text = file(&[q("q1", "multiple", &[options])]);
        assert_one(
            &text,
            &format!(
                "{}: câu hỏi loại “multiple” cần ít nhất hai phương án (options), có {count}",
                at_question(&text, 1, "q1")
            ),
        );
    }
    let text = file(&[q("q1", "single", &[])]);
    assert!(problems(&text)[0].ends_with("cần ít nhất hai phương án (options), có 0"));
}

#[test]
fn a_condition_naming_an_unknown_question_points_at_it() {
    let text = file(&[
        single("q1", &[]),
        q("q2", "scale", &["ask_if = \"q1 = 1 and q9 = 2\""]),
    ]);
    assert_one(
        &text,
        &format!(
            "{}: điều kiện “q1 = 1 and q9 = 2”: câu hỏi “q9” không có trong phiếu",
            at_condition(&text, "q1 = 1 and q9 = 2", "q9", 2, "q2")
        ),
    );
}

#[test]
fn a_condition_on_the_question_itself_is_refused() {
    let text = file(&[
        single("q1", &[]),
        single("q2", &["ask_if = \"not answered(q2)\""]),
    ]);
    assert_one(
        &text,
        &format!(
            "{}: điều kiện “not answered(q2)”: điều kiện không được dựa vào chính câu hỏi này",
            at_condition(&text, "not answered(q2)", "q2)", 2, "q2")
        ),
    );
}

#[test]
fn a_condition_on_a_later_question_is_refused() {
    let text = file(&[single("q1", &["ask_if = \"q2 = 1\""]), single("q2", &[])]);
    assert_one(
        &text,
        &format!(
            "{}: điều kiện “q2 = 1”: câu “q2” (câu hỏi thứ 2) đứng sau câu này; điều kiện chỉ được dựa vào câu hỏi đứng trước",
            at_condition(&text, "q2 = 1", "q2", 1, "q1")
        ),
    );
}

#[test]
fn a_syntax_error_in_a_condition_points_at_the_character() {
    let text = file(&[
        single("q1", &[]),
        single("q2", &["ask_if = \"q1 = 1 and (q1 = 2\""]),
    ]);
    assert_one(
        &text,
        &format!(
            "{}: điều kiện “q1 = 1 and (q1 = 2”: lỗi cú pháp ở ký tự 19: cần “)”, gặp hết điều kiện",
            {
                let (line, col) = place_of(&text, "ask_if", "\"q1");
                format!("t.toml, dòng {line}, cột {}, câu hỏi thứ 2 (mã “q2”)", col + 19)
            }
        ),
    );
}

#[test]
fn comparisons_must_suit_the_question_compared() {
    let table: Vec<(String, &str, String)> = vec![
        (
            q("t", "text", &[]),
            "t = 1",
            "câu “t” là câu trả lời tự do: điều kiện chỉ dùng được answered(t)".to_owned(),
        ),
        (
            single("t", &[]),
            "t = 3",
            "phương án 3 không có ở câu “t” (có: 1, 2)".to_owned(),
        ),
        (
            single("t", &[]),
            "t in [1, 4]",
            "phương án 4 không có ở câu “t” (có: 1, 2)".to_owned(),
        ),
        (
            single("t", &[]),
            "t = 'có'",
            "không so sánh được câu “t” (chọn một) với chuỗi “có”".to_owned(),
        ),
        (
            q("t", "scale", &[]),
            "t = 7",
            "thang điểm của câu “t” chỉ có 1–5 và 0 (không ý kiến), không có 7".to_owned(),
        ),
        (
            q("t", "scale", &[]),
            "t < 0",
            "“không ý kiến” (0) ở câu “t” không so sánh lớn nhỏ được; dùng t = 0".to_owned(),
        ),
        (
            q("t", "multiple", &[YES_NO]),
            "t > 1",
            "câu “t” chọn nhiều: chỉ so sánh được bằng =, != hoặc in, không dùng >".to_owned(),
        ),
        (
            q("t", "integer", &["min = 0", "max = 120"]),
            "t = 200",
            "giá trị 200 nằm ngoài khoảng 0–120 của câu “t”".to_owned(),
        ),
        (
            q("t", "date", &[]),
            "t >= 'hôm qua'",
            "“hôm qua” không phải ngày; viết \"2026-10-01\" hoặc \"01/10/2026\"".to_owned(),
        ),
        (
            q("t", "date", &[]),
            "t >= 2026",
            "không so sánh được câu “t” (ngày) với số 2026".to_owned(),
        ),
    ];
    for (first, condition, reason) in table {
        let ask_if = format!("ask_if = \"{}\"", condition.replace('"', "\\\""));
        let text = file(&[first, q("q2", "scale", &[&ask_if])]);
        let (line, col) = place_of(&text, "ask_if", "\"t");
        assert_one(
            &text,
            &format!("t.toml, dòng {line}, cột {}, câu hỏi thứ 2 (mã “q2”): điều kiện “{condition}”: {reason}", col + 1),
        );
    }
}

#[test]
fn an_unknown_placeholder_is_named_with_its_field() {
    let text = file(&[q("q1", "scale", &["instruction = \"Hỏi {ho_ten}\""])]);
    let lines = problems(&text);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0].starts_with(&format!(
            "{}: instruction: chỗ điền “{{ho_ten}}” không có; chỉ dùng được {{ten}}, {{co_quan}}",
            at_question(&text, 1, "q1")
        )),
        "{lines:?}"
    );
}

#[test]
fn bounds_the_wrong_way_round_are_refused() {
    let text = file(&[q("q1", "integer", &["min = 10", "max = 5"])]);
    assert_one(
        &text,
        &format!("{}: min (10) lớn hơn max (5)", at_question(&text, 1, "q1")),
    );
}

#[test]
fn a_contradiction_makes_a_required_question_unreachable() {
    let text = file(&[
        single("x", &[]),
        q("q2", "scale", &["ask_if = \"x = 1 and x = 2\""]),
    ]);
    assert_one(
        &text,
        &format!(
            "{}: câu hỏi bắt buộc này không bao giờ được hỏi: điều kiện không bao giờ đúng",
            at_question(&text, 2, "q2")
        ),
    );
    let numbers = file(&[
        q("tuoi", "integer", &["min = 0", "max = 120"]),
        q("q2", "scale", &["ask_if = \"tuoi >= 18 and tuoi < 18\""]),
    ]);
    assert!(problems(&numbers)[0].ends_with("điều kiện không bao giờ đúng"));
    let optional = file(&[
        single("x", &[]),
        q("q2", "scale", &["required = false", "ask_if = \"x > 2\""]),
    ]);
    assert!(problems(&optional)[0].contains("câu hỏi này không bao giờ được hỏi"));
}

#[test]
fn a_condition_on_an_answer_that_ends_the_interview_is_unreachable() {
    let text = file(&[
        q(
            "dong_y",
            "single",
            &["options = [{ code = 1, text = \"Có\" }, { code = 2, text = \"Không\", ends = \"refusal\" }]"],
        ),
        q("q2", "scale", &["ask_if = \"dong_y = 2\""]),
    ]);
    assert_one(
        &text,
        &format!(
            "{}: câu hỏi bắt buộc này không bao giờ được hỏi: điều kiện chỉ đúng với câu trả lời đã kết thúc phỏng vấn",
            at_question(&text, 2, "q2")
        ),
    );
}

#[test]
fn a_condition_on_a_question_never_asked_is_unreachable_too() {
    let text = file(&[
        single("x", &[]),
        single("y", &["ask_if = \"x = 1 and x = 2\""]),
        q("q3", "scale", &["ask_if = \"y = 1\""]),
    ]);
    let lines = problems(&text);
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert_eq!(
        lines[1],
        format!(
            "{}: câu hỏi bắt buộc này không bao giờ được hỏi: điều kiện dựa vào câu hỏi không bao giờ được hỏi",
            at_question(&text, 3, "q3")
        )
    );
}

#[test]
fn a_question_whose_every_option_ends_leaves_the_rest_unreachable() {
    let text = file(&[
        q(
            "q1",
            "single",
            &["options = [{ code = 1, text = \"A\", ends = \"refusal\" }, { code = 2, text = \"B\", ends = \"not_eligible\" }]"],
        ),
        q("q2", "scale", &[]),
    ]);
    assert_one(
        &text,
        &format!(
            "{}: mọi phương án đều kết thúc phỏng vấn: các câu hỏi sau không bao giờ được hỏi",
            at_question(&text, 1, "q1")
        ),
    );
}

#[test]
fn reachable_conditions_pass() {
    let text = file(&[
        single("consent", &[]),
        q("age", "integer", &["min = 0", "max = 120"]),
        q("many", "multiple", &["options = [{ code = 1, text = \"A\" }, { code = 2, text = \"B\" }, { code = 3, text = \"C\" }]", "max_choices = 2"]),
        q("q4", "scale", &["ask_if = \"consent = 1 and (age >= 18)\""]),
        single("feedback_given", &["required = false"]),
        q("q6", "scale", &["ask_if = \"not answered(feedback_given) or feedback_given = 1\""]),
        q("q7", "scale", &["ask_if = \"many = 1 and many = 2\""]),
        q("q8", "date", &[]),
        q("q9", "scale", &["ask_if = \"q8 >= '2026-01-01' and q8 < '2026-01-02'\""]),
    ]);
    Script::parse(&text, "t.toml").unwrap_or_else(|e| panic!("{e}"));
    let three = text.replace("max_choices = 2", "max_choices = 1");
    assert!(
        problems(&three)[0]
            .contains("câu hỏi thứ 7 (mã “q7”): câu hỏi bắt buộc này không bao giờ được hỏi"),
        "two options cannot both be chosen when only one may be"
    );
}

#[test]
fn fields_and_words_must_suit_the_type() {
    let table: Vec<(String, String)> = vec![
        (q("q1", "choice", &[]), "loại câu hỏi “choice” không có; dùng single, scale, multiple, integer, text hoặc date".to_owned()),
        (q("q1", "scale", &["max_length = 10"]), "“max_length” không dùng cho câu hỏi loại “scale”".to_owned()),
        (q("q1", "text", &["max_length = 0"]), format!("max_length 0 không hợp lệ: phải từ 1 đến {MAX_TEXT_LENGTH}")),
        (q("q1", "multiple", &[YES_NO, "max_choices = 3"]), "max_choices 3 không hợp lệ: phải từ 1 đến số phương án (2)".to_owned()),
        (q("1q", "scale", &[]), "mã “1q” không hợp lệ: bắt đầu bằng chữ cái (không dấu), sau đó chỉ gồm chữ, số, “_” hoặc “.”, tối đa 64 ký tự".to_owned()),
        (q("not", "scale", &[]), "mã “not” trùng với một từ khóa của điều kiện (and, or, not, in, answered)".to_owned()),
    ];
    for (question, reason) in table {
        let text = file(&[question]);
        let lines = problems(&text);
        assert!(
            lines
                .iter()
                .any(|l| l.ends_with(&reason) && l.contains("câu hỏi thứ 1")),
            "{reason}\n{lines:#?}"
        );
    }
}

#[test]
fn option_problems_name_the_option() {
    let text = file(&[
        q("q1", "single", &["options = [{ code = 1, text = \"A\", ends = \"stop\" }, { code = 1000, text = \"\" }]"]),
        q("q2", "multiple", &["options = [{ code = 1, text = \"A\", ends = \"refusal\" }, { code = 2, text = \"B\" }]"]),
    ]);
    let lines = problems(&text);
    let q1 = at_question(&text, 1, "q1");
    let q2 = at_question(&text, 2, "q2");
    for expected in [
        format!("{q1}, phương án thứ 1: ends “stop” không có; dùng “refusal” (từ chối) hoặc “not_eligible” (không thuộc đối tượng)"),
        format!("{q1}, phương án thứ 2: mã phương án 1000 không hợp lệ: phải là số nguyên từ 0 đến 999"),
        format!("{q1}, phương án thứ 2: thiếu lời phương án (text)"),
        format!("{q2}, phương án thứ 1: chỉ câu hỏi chọn một (single) mới có phương án kết thúc phỏng vấn (ends)"),
    ] {
        assert!(lines.contains(&expected), "{expected}\n{lines:#?}");
    }
}

#[test]
fn the_completion_rule_must_name_a_question() {
    let text = format!(
        "{}\n[completion]\ncore_until = \"q9\"\n",
        file(&[single("q1", &[])])
    );
    let (line, col) = place_of(&text, "core_until", "\"q9");
    assert_one(
        &text,
        &format!("t.toml, dòng {line}, cột {col}, [completion]: core_until “q9” không phải câu hỏi trong phiếu"),
    );
}

#[test]
fn an_empty_section_or_questionnaire_is_refused() {
    let lines = problems(HEAD);
    assert!(
        lines.contains(&"t.toml, dòng 6, mục thứ 1 (mã “a”): mục không có câu hỏi nào".to_owned()),
        "{lines:#?}"
    );
    assert!(
        lines.contains(&"t.toml: phiếu không có câu hỏi nào".to_owned()),
        "{lines:#?}"
    );
    let blank = file(&[single("q1", &[])]).replace("title = \"Thử\"", "title = \" \"");
    assert_eq!(problems(&blank), ["t.toml: thiếu “title” của phiếu"]);
}

#[test]
fn a_broken_file_lists_every_problem() {
    let text = file(&[
        single("q1", &[]),
        single("q1", &["ask_if = \"q7 = 1\""]),
        q(
            "q3",
            "integer",
            &["min = 3", "max = 1", "text_en = \"{name}\""],
        ),
        q("q4", "scale", &["ask_if = \"q1 = 1 and q1 = 2\""]),
    ]);
    let lines = problems(&text);
    assert_eq!(lines.len(), 5, "{lines:#?}");
    assert!(
        lines.iter().all(|l| l.starts_with("t.toml, dòng ")),
        "{lines:#?}"
    );
}
