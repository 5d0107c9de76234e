//! Placeholders in the wording: the respondent's name, the agency, the procedure, the day the
//! result was received and the operator's name, filled in when the question is shown so the
//! operator reads one natural sentence. The keys are Vietnamese, like the words a supervisor
//! writes around them: `{ten}`, `{co_quan}`, `{thu_tuc}`, `{ngay_nhan}`, `{dtv}`. `{{` and
//! `}}` write a brace itself.

use chrono::NaiveDate;

/// Every placeholder a questionnaire may use, with what it stands for.
pub const PLACEHOLDERS: [(&str, &str); 5] = [
    ("ten", "họ tên người được khảo sát"),
    ("co_quan", "cơ quan giải quyết thủ tục"),
    ("thu_tuc", "tên thủ tục hành chính"),
    ("ngay_nhan", "ngày nhận kết quả (dd/mm/yyyy)"),
    ("dtv", "tên điện thoại viên"),
];

/// What is shown where a value is not known, so the operator sees the gap and says it in
/// their own words rather than reading a blank.
pub const UNKNOWN: &str = "…";

/// The values for one call.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Placeholders {
    pub ten: String,
    pub co_quan: String,
    pub thu_tuc: String,
    pub ngay_nhan: Option<NaiveDate>,
    pub dtv: String,
}

enum Piece<'a> {
    Text(&'a str),
    Slot(&'a str),
}

/// Splits a text into literal runs and placeholders; the problems are a stray brace or an
/// unknown name.
fn pieces(text: &str) -> (Vec<Piece<'_>>, Vec<String>) {
    let mut out = Vec::new();
    let mut problems = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(['{', '}']) {
        out.push(Piece::Text(&rest[..at]));
        let tail = &rest[at..];
        if tail.starts_with("{{") || tail.starts_with("}}") {
            out.push(Piece::Text(&tail[..1]));
            rest = &tail[2..];
        } else if let Some(after) = tail.strip_prefix('}') {
            out.push(Piece::Text("}"));
            rest = after;
        } else {
            match tail.find('}') {
                Some(end) => {
                    let name = &tail[1..end];
                    if !PLACEHOLDERS.iter().any(|(key, _)| *key == name) {
                        problems.push(format!(
                            "chỗ điền “{{{name}}}” không có; chỉ dùng được {}",
                            PLACEHOLDERS
                                .iter()
                                .map(|(key, _)| format!("{{{key}}}"))
                                .collect::<Vec<_>>()
                                .join(", ")
                        ));
                    }
                    out.push(Piece::Slot(name));
                    rest = &tail[end + 1..];
                }
                None => {
                    problems.push(
                        "dấu “{” chưa đóng (viết “{{” nếu muốn in chính dấu ngoặc)".to_owned(),
                    );
                    out.push(Piece::Text(tail));
                    rest = "";
                }
            }
        }
    }
    out.push(Piece::Text(rest));
    (out, problems)
}

/// The problems of a text's placeholders (empty when all is well).
pub(crate) fn check(text: &str) -> Vec<String> {
    pieces(text).1
}

impl Placeholders {
    fn value(&self, name: &str) -> Option<String> {
        let text = match name {
            "ten" => self.ten.clone(),
            "co_quan" => self.co_quan.clone(),
            "thu_tuc" => self.thu_tuc.clone(),
            "ngay_nhan" => self
                .ngay_nhan
                .map(|d| d.format("%d/%m/%Y").to_string())
                .unwrap_or_default(),
            "dtv" => self.dtv.clone(),
            _ => return None,
        };
        let text = text.trim();
        Some(if text.is_empty() {
            UNKNOWN.to_owned()
        } else {
            text.to_owned()
        })
    }

    /// The text with every placeholder filled in; an unknown one (impossible in a checked
    /// questionnaire) is left as written.
    pub fn fill(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        for piece in pieces(text).0 {
            match piece {
                Piece::Text(t) => out.push_str(t),
                Piece::Slot(name) => match self.value(name) {
                    Some(v) => out.push_str(&v),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                },
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values() -> Placeholders {
        Placeholders {
            ten: "Nguyễn Thị Lan".to_owned(),
            co_quan: "Sở Tư pháp".to_owned(),
            thu_tuc: "cấp phiếu lý lịch tư pháp".to_owned(),
            ngay_nhan: NaiveDate::from_ymd_opt(2026, 10, 5),
            dtv: "Minh".to_owned(),
        }
    }

    #[test]
    fn placeholders_fill_with_the_calls_details() {
        let text = "Chào Ông/Bà {ten}, tôi là {dtv}. Ông/Bà làm thủ tục {thu_tuc} tại {co_quan}, nhận kết quả ngày {ngay_nhan}.";
        assert_eq!(
            values().fill(text),
            "Chào Ông/Bà Nguyễn Thị Lan, tôi là Minh. Ông/Bà làm thủ tục cấp phiếu lý lịch tư pháp tại Sở Tư pháp, nhận kết quả ngày 05/10/2026."
        );
    }

    #[test]
    fn an_unknown_value_shows_a_gap_and_braces_escape() {
        let empty = Placeholders::default();
        assert_eq!(empty.fill("Ngày {ngay_nhan}, {{ten}}"), "Ngày …, {ten}");
        assert_eq!(values().fill("a } b"), "a } b");
    }

    #[test]
    fn unknown_or_unclosed_placeholders_are_problems() {
        assert!(check("Chào {ten}, {{không}} {dtv}").is_empty());
        let problems = check("Chào {ho_ten} ở {co_quan");
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(
            problems[0].contains("chỗ điền “{ho_ten}” không có; chỉ dùng được {ten}, {co_quan}")
        );
        assert!(problems[1].contains("dấu “{” chưa đóng"));
    }
}
