//! Vietnamese telephone numbers: parsed once from whatever a dossier list holds, stored as
//! E.164 (`+84…`), shown in the national form (`0…`) to the operator holding the case and masked
//! everywhere else. Rules: the 2018 move of 11-digit mobile numbers to 10 digits and the 2017
//! landline area codes (02xx). What cannot be a Vietnamese number is refused, never guessed.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A valid Vietnamese number. The field is private: the only way in is [`PhoneNumber::parse`].
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PhoneNumber {
    /// National significant number: the digits after `+84` (9 for mobiles, 10 for landlines).
    nsn: String,
}

/// Why a text is not a Vietnamese phone number. Messages never repeat the number itself.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PhoneError {
    #[error("số điện thoại trống")]
    Empty,
    #[error("số điện thoại chứa ký tự không phải chữ số")]
    NotDigits,
    #[error("số điện thoại có {0} chữ số, không đúng độ dài số Việt Nam")]
    WrongLength(usize),
    #[error("đầu số {0} không phải đầu số di động đang dùng")]
    UnknownMobilePrefix(String),
    #[error("mã vùng {0} không phải mã vùng điện thoại cố định")]
    UnknownAreaCode(String),
    #[error("số điện thoại không mang mã quốc gia Việt Nam (+84)")]
    ForeignCountryCode,
}

/// Mobile prefixes in service (two digits after the trunk `0`), by network.
const MOBILE_PREFIXES: &[&str] = &[
    // Viettel
    "32", "33", "34", "35", "36", "37", "38", "39", "86", "96", "97", "98", //
    // MobiFone
    "70", "76", "77", "78", "79", "89", "90", "93", //
    // VinaPhone
    "81", "82", "83", "84", "85", "88", "91", "94", //
    // Vietnamobile, Gmobile, Itelecom, Reddi
    "52", "56", "58", "92", "59", "99", "87", "55",
];

/// The 2018 plan: old 3-digit mobile prefixes (after the `0`) and their 2-digit successors.
const LEGACY_MOBILE_PREFIXES: &[(&str, &str)] = &[
    // Viettel 0162–0169 → 032–039
    ("162", "32"),
    ("163", "33"),
    ("164", "34"),
    ("165", "35"),
    ("166", "36"),
    ("167", "37"),
    ("168", "38"),
    ("169", "39"),
    // MobiFone
    ("120", "70"),
    ("121", "79"),
    ("122", "77"),
    ("126", "76"),
    ("128", "78"),
    // VinaPhone
    ("123", "83"),
    ("124", "84"),
    ("125", "85"),
    ("127", "81"),
    ("129", "82"),
    // Vietnamobile
    ("186", "56"),
    ("188", "58"),
    // Gmobile
    ("199", "59"),
];

/// Landline area codes since 2017, without the trunk `0`: Hà Nội and Thành phố Hồ Chí Minh
/// have two digits (8-digit subscriber numbers), every other province three (7 digits).
const AREA_CODES_2: &[&str] = &["24", "28"];
const AREA_CODES_3: &[&str] = &[
    "203", "204", "205", "206", "207", "208", "209", "210", "211", "212", "213", "214", "215",
    "216", "218", "219", "220", "221", "222", "225", "226", "227", "228", "229", "232", "233",
    "234", "235", "236", "237", "238", "239", "251", "252", "254", "255", "256", "257", "258",
    "259", "260", "261", "262", "263", "269", "270", "271", "272", "273", "274", "275", "276",
    "277", "290", "291", "292", "293", "294", "296", "297", "299",
];

impl PhoneNumber {
    /// Reads a number as people write it: spaces, dots, dashes and brackets are ignored; the
    /// country code may be written `+84`, `0084` or `84`, or replaced by the trunk `0`.
    pub fn parse(text: &str) -> Result<Self, PhoneError> {
        let compact: String = text
            .chars()
            .filter(|c| !matches!(c, ' ' | '.' | '-' | '(' | ')' | '\u{a0}' | '\t'))
            .collect();
        if compact.is_empty() {
            return Err(PhoneError::Empty);
        }
        let (plus, digits) = match compact.strip_prefix('+') {
            Some(rest) => (true, rest),
            None => (false, compact.as_str()),
        };
        if !digits.chars().all(|c| c.is_ascii_digit()) {
            return Err(PhoneError::NotDigits);
        }
        let national = if plus {
            digits
                .strip_prefix("84")
                .ok_or(PhoneError::ForeignCountryCode)?
        } else if let Some(rest) = digits.strip_prefix("0084") {
            rest
        } else if let Some(rest) = digits.strip_prefix('0') {
            rest
        } else if digits.starts_with("84") && (11..=12).contains(&digits.len()) {
            &digits[2..]
        } else {
            digits
        };
        Self::from_national(national)
    }

    fn from_national(nsn: &str) -> Result<Self, PhoneError> {
        match nsn.len() {
            9 => {
                let prefix = &nsn[..2];
                if MOBILE_PREFIXES.contains(&prefix) {
                    Ok(Self {
                        nsn: nsn.to_owned(),
                    })
                } else {
                    Err(PhoneError::UnknownMobilePrefix(format!("0{prefix}")))
                }
            }
            10 if nsn.starts_with('2') => {
                let known = AREA_CODES_2.contains(&&nsn[..2]) || AREA_CODES_3.contains(&&nsn[..3]);
                if known {
                    Ok(Self {
                        nsn: nsn.to_owned(),
                    })
                } else {
                    Err(PhoneError::UnknownAreaCode(format!("0{}", &nsn[..3])))
                }
            }
            10 => {
                let old = &nsn[..3];
                match LEGACY_MOBILE_PREFIXES.iter().find(|(from, _)| *from == old) {
                    Some((_, to)) => Ok(Self {
                        nsn: format!("{to}{}", &nsn[3..]),
                    }),
                    None => Err(PhoneError::UnknownMobilePrefix(format!("0{old}"))),
                }
            }
            n => Err(PhoneError::WrongLength(n + 1)),
        }
    }

    /// The stored form, `+84` and the national significant number.
    pub fn e164(&self) -> String {
        format!("+84{}", self.nsn)
    }

    /// The form people dial and read: `0` and the national significant number.
    pub fn national(&self) -> String {
        format!("0{}", self.nsn)
    }

    /// What everybody but the operator holding the case sees: `090****567`.
    pub fn masked(&self) -> String {
        let national = self.national();
        let tail = &national[national.len() - 3..];
        format!("{}****{tail}", &national[..3])
    }

    /// Whether this is a mobile (not a landline) number.
    pub fn is_mobile(&self) -> bool {
        self.nsn.len() == 9
    }
}

impl TryFrom<String> for PhoneNumber {
    type Error = PhoneError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<PhoneNumber> for String {
    fn from(value: PhoneNumber) -> Self {
        value.e164()
    }
}

/// Debug output is masked, so a number that reaches a log or a panic message is not disclosed.
impl fmt::Debug for PhoneNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PhoneNumber({})", self.masked())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepted_forms_normalise_to_e164() {
        let cases = [
            ("0912345678", "+84912345678"),
            ("091 234 5678", "+84912345678"),
            ("091.234.5678", "+84912345678"),
            ("(091) 234-5678", "+84912345678"),
            ("+84912345678", "+84912345678"),
            ("+84 91 234 5678", "+84912345678"),
            ("84912345678", "+84912345678"),
            ("0084912345678", "+84912345678"),
            ("912345678", "+84912345678"),
            ("0325551234", "+84325551234"),
            ("0865551234", "+84865551234"),
            ("0595551234", "+84595551234"),
            // landlines, 2017 area codes
            ("024 3825 1234", "+842438251234"),
            ("028 3829 5555", "+842838295555"),
            ("0277 385 1234", "+842773851234"),
            ("+84 236 382 1234", "+842363821234"),
        ];
        for (input, expected) in cases {
            let phone = PhoneNumber::parse(input).unwrap_or_else(|e| panic!("{input}: {e}"));
            assert_eq!(phone.e164(), expected, "{input}");
        }
    }

    #[test]
    fn every_2018_legacy_mobile_prefix_moves_to_its_successor() {
        let moves = [
            ("0162", "032"),
            ("0163", "033"),
            ("0164", "034"),
            ("0165", "035"),
            ("0166", "036"),
            ("0167", "037"),
            ("0168", "038"),
            ("0169", "039"),
            ("0120", "070"),
            ("0121", "079"),
            ("0122", "077"),
            ("0126", "076"),
            ("0128", "078"),
            ("0123", "083"),
            ("0124", "084"),
            ("0125", "085"),
            ("0127", "081"),
            ("0129", "082"),
            ("0186", "056"),
            ("0188", "058"),
            ("0199", "059"),
        ];
        for (old, new) in moves {
            let phone = PhoneNumber::parse(&format!("{old}7654321")).expect(old);
            assert_eq!(phone.national(), format!("{new}7654321"), "{old}");
            let international = PhoneNumber::parse(&format!("+84{}7654321", &old[1..])).expect(old);
            assert_eq!(international, phone, "{old} written with +84");
        }
    }

    #[test]
    fn what_cannot_be_a_vietnamese_number_is_refused_with_its_reason() {
        let cases = [
            ("", PhoneError::Empty),
            ("   ", PhoneError::Empty),
            ("09123abc78", PhoneError::NotDigits),
            ("091234567", PhoneError::WrongLength(9)),
            (
                "09123456789",
                PhoneError::UnknownMobilePrefix("0912".into()),
            ),
            ("0112345678", PhoneError::UnknownMobilePrefix("011".into())),
            ("0612345678", PhoneError::UnknownMobilePrefix("061".into())),
            (
                "0130 1234567",
                PhoneError::UnknownMobilePrefix("0130".into()),
            ),
            ("0201 234 5678", PhoneError::UnknownAreaCode("0201".into())),
            ("+1 212 555 0100", PhoneError::ForeignCountryCode),
            ("0912345678912", PhoneError::WrongLength(13)),
        ];
        for (input, expected) in cases {
            assert_eq!(PhoneNumber::parse(input), Err(expected), "{input:?}");
        }
    }

    #[test]
    fn masked_form_hides_the_middle_digits_and_debug_uses_it() {
        let phone = PhoneNumber::parse("0901234567").expect("valid");
        assert_eq!(phone.masked(), "090****567");
        assert_eq!(format!("{phone:?}"), "PhoneNumber(090****567)");
        assert!(phone.is_mobile());
        assert!(!PhoneNumber::parse("02438251234")
            .expect("valid")
            .is_mobile());
    }

    #[test]
    fn error_messages_never_repeat_the_number() {
        for input in ["0912345678912", "0612345678", "abc0912"] {
            let message = PhoneNumber::parse(input).expect_err(input).to_string();
            assert!(!message.contains(input), "{message}");
        }
    }
}
