//! A code for an agency a list names but the catalogue does not know yet, so a first import can
//! add it in one step: the initials of its name the way provinces write them ("Sở Tư pháp" →
//! STP, "Sở Nông nghiệp và Môi trường" → SNNMT, an acronym kept whole: "UBND phường Cao Lãnh" →
//! UBND-PCL), unaccented, and made unique against the codes already taken (STP-2, STP-3…). A
//! supervisor may rename the agency afterwards; its code stays.

use std::collections::{HashMap, HashSet};

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use super::row::AgencyDirectory;
use super::text::{clean, fold};

/// An agency a list names that the catalogue does not know, with the code it would get.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAgency {
    pub code: String,
    /// As the list first writes it (cleaned: trimmed, spaces collapsed, NFC).
    pub name: String,
    /// Rows that name it (spelt with or without accents, in any case).
    pub rows: usize,
}

/// The agencies the cells name that `known` does not, in the order the list first names them,
/// each with a code unique among `taken` and the others. Empty cells are left out (a row
/// without an agency is rejected for that).
pub fn unknown_agencies<'a>(
    cells: impl IntoIterator<Item = &'a str>,
    known: &AgencyDirectory,
    taken: &HashSet<String>,
) -> Vec<NewAgency> {
    let mut found: Vec<(String, usize)> = Vec::new();
    let mut at: HashMap<String, usize> = HashMap::new();
    for cell in cells {
        let key = fold(cell);
        if key.is_empty() || known.resolve(cell).is_some() {
            continue;
        }
        match at.get(&key) {
            Some(&i) => found[i].1 += 1,
            None => {
                at.insert(key, found.len());
                found.push((clean(cell), 1));
            }
        }
    }
    let mut taken = taken.clone();
    found
        .into_iter()
        .filter_map(|(name, rows)| {
            let code = suggest_code(&name, &taken)?;
            taken.insert(code.clone());
            Some(NewAgency { code, name, rows })
        })
        .collect()
}

/// Words left out of the initials.
const LINKING_WORDS: [&str; 2] = ["va", "cua"];
/// The longest code made (the catalogue takes up to 40 characters).
const MAX_LEN: usize = 20;

/// A word unaccented, `đ` as `d`, letters and digits only, case kept.
fn plain(word: &str) -> String {
    word.nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| match c {
            'đ' => 'd',
            'Đ' => 'D',
            c => c,
        })
        .filter(char::is_ascii_alphanumeric)
        .collect()
}

/// The code suggested for an agency named `name`, unique among `taken` (compared without
/// regard to case); `None` when the name holds no letter or digit to make one from.
pub fn suggest_code(name: &str, taken: &HashSet<String>) -> Option<String> {
    let mut acronyms = Vec::new();
    let mut initials = String::new();
    for word in name.split_whitespace().map(plain).filter(|w| !w.is_empty()) {
        let is_acronym = word.len() > 1 && word.chars().all(|c| c.is_ascii_uppercase());
        if is_acronym && initials.is_empty() {
            acronyms.push(word);
        } else if word.chars().all(|c| c.is_ascii_digit()) {
            initials.push_str(&word);
        } else if !LINKING_WORDS.contains(&word.to_ascii_lowercase().as_str())
            || initials.is_empty()
        {
            initials.extend(word.chars().next().map(|c| c.to_ascii_uppercase()));
        }
    }
    let mut base = acronyms;
    if !initials.is_empty() {
        base.push(initials);
    }
    let mut base = base.join("-");
    base.truncate(MAX_LEN);
    if base.is_empty() {
        return None;
    }
    let free = |code: &str| !taken.iter().any(|t| t.eq_ignore_ascii_case(code));
    if free(&base) {
        return Some(base);
    }
    (2..).map(|n| format!("{base}-{n}")).find(|code| free(code))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn suggest(name: &str, taken: &[&str]) -> Option<String> {
        suggest_code(name, &taken.iter().map(|t| (*t).to_owned()).collect())
    }

    #[test]
    fn initials_as_provinces_write_them() {
        assert_eq!(suggest("Sở Tư pháp", &[]).as_deref(), Some("STP"));
        assert_eq!(suggest("Sở Tài chính", &[]).as_deref(), Some("STC"));
        assert_eq!(
            suggest("Sở Nông nghiệp và Môi trường", &[]).as_deref(),
            Some("SNNMT")
        );
        assert_eq!(
            suggest("UBND phường Cao Lãnh", &[]).as_deref(),
            Some("UBND-PCL")
        );
        assert_eq!(suggest("Sở Xây dựng", &[]).as_deref(), Some("SXD"));
        assert_eq!(suggest("Đài Phát thanh", &[]).as_deref(), Some("DPT"));
        assert_eq!(suggest("Công an tỉnh", &[]).as_deref(), Some("CAT"));
        assert_eq!(suggest("UBND xã 3", &[]).as_deref(), Some("UBND-X3"));
    }

    #[test]
    fn a_code_already_taken_gets_a_number() {
        assert_eq!(suggest("Sở Tư pháp", &["stp"]).as_deref(), Some("STP-2"));
        assert_eq!(
            suggest("Sở Tư pháp", &["STP", "STP-2"]).as_deref(),
            Some("STP-3")
        );
    }

    #[test]
    fn the_agencies_a_list_names_that_the_catalogue_does_not_know() {
        let known = AgencyDirectory::new([("STP".to_owned(), "Sở Tư pháp".to_owned())]);
        let taken: HashSet<String> = ["STP".to_owned(), "SXD".to_owned()].into();
        let cells = [
            "Sở Tư pháp",
            "Sở Xây dựng",
            "stp",
            "SO XAY DUNG",
            "",
            "Sở  Y   tế",
            "Sở Xây dựng",
        ];
        let new = unknown_agencies(cells, &known, &taken);
        let shown: Vec<(&str, &str, usize)> = new
            .iter()
            .map(|a| (a.code.as_str(), a.name.as_str(), a.rows))
            .collect();
        assert_eq!(shown, [("SXD-2", "Sở Xây dựng", 3), ("SYT", "Sở Y tế", 1)]);
    }

    #[test]
    fn nothing_to_make_a_code_from() {
        assert_eq!(suggest("  — … ", &[]), None);
    }

    #[test]
    fn a_long_name_makes_a_short_code() {
        let name = "Ban quản lý các khu công nghiệp khu kinh tế cửa khẩu và khu công nghệ cao tỉnh Đồng Tháp ";
        let code = suggest(&name.repeat(3), &[]).expect("a code");
        assert!(code.len() <= MAX_LEN, "{code}");
        assert!(
            code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'),
            "{code}"
        );
    }
}
