//! Text as it comes out of a spreadsheet: folded into a key for matching headers, agencies and
//! channels, or cleaned for storing (trimmed, inner whitespace collapsed, NFC).

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// The matching key of a text: lowercase letters and digits only, diacritics dropped and
/// `đ` read as `d`, so "Số điện thoại", "so dien thoai" and "SỐ ĐIỆN THOẠI (*)" are one key.
pub fn fold(text: &str) -> String {
    let mut key = String::with_capacity(text.len());
    for c in text.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        let c = match c {
            'đ' | 'Đ' => 'd',
            c => c,
        };
        if c.is_alphanumeric() {
            key.extend(c.to_lowercase());
        }
    }
    key
}

/// The stored form of a text cell: trimmed, every run of whitespace (non-breaking spaces and
/// line breaks included) made one space, and composed (NFC) so that a name typed with
/// combining accents equals the same name typed precomposed.
pub fn clean(text: &str) -> String {
    let mut collapsed = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !collapsed.is_empty() {
            collapsed.push(' ');
        }
        collapsed.push_str(word);
    }
    if collapsed.is_ascii() || is_nfc_quick(collapsed.chars()) == IsNormalized::Yes {
        collapsed
    } else {
        collapsed.nfc().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_drops_case_spaces_punctuation_and_diacritics() {
        let cases = [
            ("Số điện thoại", "sodienthoai"),
            ("SỐ ĐIỆN THOẠI (*)", "sodienthoai"),
            ("  so_dien-thoai ", "sodienthoai"),
            ("SĐT", "sdt"),
            ("Họ và tên", "hovaten"),
            ("Lĩnh vực", "linhvuc"),
            ("Ngày trả kết quả", "ngaytraketqua"),
            // decomposed input (combining marks typed separately)
            ("Ho\u{323} te\u{302}n", "hoten"),
            ("Phone Number", "phonenumber"),
            ("", ""),
        ];
        for (input, expected) in cases {
            assert_eq!(fold(input), expected, "{input:?}");
        }
    }

    #[test]
    fn cleaning_trims_collapses_and_composes() {
        let cases = [
            ("  Nguyễn   Văn\u{a0}An ", "Nguyễn Văn An"),
            ("Trần\nThị\tBình", "Trần Thị Bình"),
            ("Nguye\u{302}\u{303}n", "Nguyễn"),
            ("", ""),
            ("   ", ""),
        ];
        for (input, expected) in cases {
            assert_eq!(clean(input), expected, "{input:?}");
        }
    }
}
