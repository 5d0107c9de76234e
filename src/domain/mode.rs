//! How an interview was gathered: by phone at the desk, or outside the phone — on paper, at the
//! one-stop shop's kiosk, online — and imported. The index counts every mode by default and can
//! be split by mode; operator figures and response rates are the phone's alone.

use std::fmt;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Mode {
    Phone,
    Paper,
    Kiosk,
    Web,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cách thu thập “{0}” không có: dùng phone, paper, kiosk hoặc web")]
pub struct BadMode(String);

impl Mode {
    pub const ALL: [Mode; 4] = [Mode::Phone, Mode::Paper, Mode::Kiosk, Mode::Web];

    /// The word stored and typed on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Phone => "phone",
            Mode::Paper => "paper",
            Mode::Kiosk => "kiosk",
            Mode::Web => "web",
        }
    }

    pub fn parse(text: &str) -> Result<Self, BadMode> {
        Self::ALL
            .into_iter()
            .find(|m| m.as_str() == text.trim())
            .ok_or_else(|| BadMode(text.chars().take(20).collect()))
    }

    /// How a report names it.
    pub fn label_vi(self) -> &'static str {
        match self {
            Mode::Phone => "Điện thoại",
            Mode::Paper => "Phiếu giấy",
            Mode::Kiosk => "Ki-ốt tại Bộ phận Một cửa",
            Mode::Web => "Trực tuyến",
        }
    }
}

impl fmt::Display for Mode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_mode_reads_back_from_its_word() {
        for mode in Mode::ALL {
            assert_eq!(Mode::parse(mode.as_str()), Ok(mode));
        }
        assert_eq!(Mode::parse(" web "), Ok(Mode::Web));
    }

    #[test]
    fn an_unknown_mode_is_refused_with_the_choices() {
        let e = Mode::parse("fax").expect_err("fax");
        assert_eq!(
            e.to_string(),
            "cách thu thập “fax” không có: dùng phone, paper, kiosk hoặc web"
        );
    }
}
