//! Calling hours as a supervisor writes them: days `T2-T7` (Vietnamese weekday names, `CN` for
//! Sunday) and hours `07:30-11:30,13:30-20:00`. Each window is split into morning, afternoon
//! and evening at 12:00 and 17:00, so the slots follow from the hours. The same text is how a
//! campaign's hours are stored.

use chrono::{NaiveTime, Weekday};
use chrono_tz::Tz;

use super::{hm, CalendarError, CallingHours, CallingWindow, TimeSlot};

/// Why a days or hours text cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SpecError {
    #[error("ngày gọi “{0}” không đọc được: dùng T2…T7, CN, ví dụ “T2-T7” hoặc “T2,T4,T6”")]
    Days(String),
    #[error("giờ gọi “{0}” không đọc được: dùng dạng “07:30-11:30,13:30-20:00”")]
    Hours(String),
    #[error("{0}")]
    Calendar(#[from] CalendarError),
}

const DAYS: [(&str, Weekday); 7] = [
    ("T2", Weekday::Mon),
    ("T3", Weekday::Tue),
    ("T4", Weekday::Wed),
    ("T5", Weekday::Thu),
    ("T6", Weekday::Fri),
    ("T7", Weekday::Sat),
    ("CN", Weekday::Sun),
];

/// Where one slot ends and the next begins.
const SLOT_STARTS: [(NaiveTime, TimeSlot); 3] = [
    (NaiveTime::MIN, TimeSlot::Morning),
    (hm(12, 0), TimeSlot::Afternoon),
    (hm(17, 0), TimeSlot::Evening),
];

/// A weekday as Vietnamese write it in short: `T2` … `T7`, `CN`.
pub fn weekday_label(day: Weekday) -> &'static str {
    DAYS.iter()
        .find(|(_, d)| *d == day)
        .map_or("", |(label, _)| label)
}

fn day_index(name: &str) -> Option<usize> {
    let name = name.trim().to_uppercase();
    DAYS.iter().position(|(label, _)| *label == name)
}

fn parse_days(text: &str) -> Result<Vec<Weekday>, SpecError> {
    let bad = || SpecError::Days(text.chars().take(40).collect());
    let mut days = Vec::new();
    for part in text.split(',').filter(|p| !p.trim().is_empty()) {
        let (first, last) = match part.split_once('-') {
            Some((a, b)) => (day_index(a).ok_or_else(bad)?, day_index(b).ok_or_else(bad)?),
            None => {
                let day = day_index(part).ok_or_else(bad)?;
                (day, day)
            }
        };
        if first > last {
            return Err(bad());
        }
        days.extend(DAYS[first..=last].iter().map(|(_, day)| *day));
    }
    Ok(days)
}

fn parse_time(text: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(text.trim(), "%H:%M").ok()
}

fn parse_windows(text: &str) -> Result<Vec<CallingWindow>, SpecError> {
    let bad = || SpecError::Hours(text.chars().take(60).collect());
    let mut windows = Vec::new();
    for part in text.split(',').filter(|p| !p.trim().is_empty()) {
        let (start, end) = part.split_once('-').ok_or_else(bad)?;
        let (start, end) = (
            parse_time(start).ok_or_else(bad)?,
            parse_time(end).ok_or_else(bad)?,
        );
        if start >= end {
            return Err(CalendarError::EmptyWindow(CallingWindow {
                start,
                end,
                slot: TimeSlot::Morning,
            })
            .into());
        }
        // Cut the window where a slot begins.
        let mut from = start;
        for (i, (_, slot)) in SLOT_STARTS.iter().enumerate() {
            let slot_end = SLOT_STARTS.get(i + 1).map(|(at, _)| *at);
            let until = slot_end.map_or(end, |at| at.min(end));
            if from < until {
                windows.push(CallingWindow::new(from, until, *slot)?);
                from = until;
            }
        }
    }
    Ok(windows)
}

impl CallingHours {
    /// Calling hours in `zone` from the days and hours texts.
    pub fn from_spec(zone: Tz, days: &str, hours: &str) -> Result<Self, SpecError> {
        Ok(Self::new(zone, &parse_days(days)?, &parse_windows(hours)?)?)
    }

    /// The days as a supervisor writes them: `T2-T7`.
    pub fn days_spec(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        let mut i = 0;
        while i < DAYS.len() {
            if !self.weekdays[i] {
                i += 1;
                continue;
            }
            let first = i;
            while i + 1 < DAYS.len() && self.weekdays[i + 1] {
                i += 1;
            }
            parts.push(if i == first {
                DAYS[first].0.to_owned()
            } else {
                format!("{}-{}", DAYS[first].0, DAYS[i].0)
            });
            i += 1;
        }
        parts.join(",")
    }

    /// The hours as a supervisor writes them, windows that touch joined: `07:30-11:30,13:30-20:00`.
    pub fn hours_spec(&self) -> String {
        let mut spans: Vec<(NaiveTime, NaiveTime)> = Vec::new();
        for window in &self.windows {
            match spans.last_mut() {
                Some(last) if last.1 == window.start => last.1 = window.end,
                _ => spans.push((window.start, window.end)),
            }
        }
        spans
            .iter()
            .map(|(start, end)| format!("{}-{}", start.format("%H:%M"), end.format("%H:%M")))
            .collect::<Vec<_>>()
            .join(",")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::time::DEFAULT_TIME_ZONE;

    #[test]
    fn the_default_hours_read_and_write_as_the_design_says() {
        let default = CallingHours::default();
        assert_eq!(default.days_spec(), "T2-T7");
        assert_eq!(default.hours_spec(), "07:30-11:30,13:30-20:00");
        let read = CallingHours::from_spec(DEFAULT_TIME_ZONE, "T2-T7", "07:30-11:30,13:30-20:00")
            .expect("valid");
        assert_eq!(
            read, default,
            "13:30-20:00 splits into afternoon and evening at 17:00"
        );
    }

    #[test]
    fn days_can_be_listed_or_ranged_and_sunday_is_cn() {
        let hours = CallingHours::from_spec(DEFAULT_TIME_ZONE, "t2,T4, T6-CN", "08:00-11:00")
            .expect("valid");
        assert_eq!(
            hours.weekdays(),
            [
                Weekday::Mon,
                Weekday::Wed,
                Weekday::Fri,
                Weekday::Sat,
                Weekday::Sun
            ]
        );
        assert_eq!(hours.days_spec(), "T2,T4,T6-CN");
        assert_eq!(hours.windows().len(), 1);
        assert_eq!(hours.windows()[0].slot(), TimeSlot::Morning);
    }

    #[test]
    fn a_window_across_noon_is_two_slots() {
        let hours = CallingHours::from_spec(DEFAULT_TIME_ZONE, "T2", "10:00-18:00").expect("valid");
        let slots: Vec<TimeSlot> = hours.windows().iter().map(|w| w.slot()).collect();
        assert_eq!(
            slots,
            [TimeSlot::Morning, TimeSlot::Afternoon, TimeSlot::Evening]
        );
        assert_eq!(hours.hours_spec(), "10:00-18:00");
    }

    #[test]
    fn unreadable_or_empty_texts_say_what_is_wrong() {
        let err = |days, hours| {
            CallingHours::from_spec(DEFAULT_TIME_ZONE, days, hours)
                .expect_err("refused")
                .to_string()
        };
        assert!(err("T8", "07:30-11:30").contains("ngày gọi “T8”"));
        assert!(err("T7-T2", "07:30-11:30").contains("ngày gọi"));
        assert!(err("T2", "7h30-11h").contains("giờ gọi “7h30-11h”"));
        assert!(err("T2", "11:30-07:30").contains("giờ bắt đầu phải sớm hơn"));
        assert!(err("T2", "07:30-11:30,11:00-12:00").contains("chồng lấn"));
        assert!(err("", "07:30-11:30").contains("ít nhất một ngày"));
    }
}
