//! The campaign's calling calendar: when operators may call citizens (weekdays, windows of local
//! time tagged morning / afternoon / evening, Vietnam's public holidays and the campaign's own
//! days off), so the scheduler never hands out a case outside calling hours and spreads attempts
//! over the slots of the day. Lunar holidays are computed with the Vietnamese (UTC+7) lunar
//! calendar, not tabulated. Pure functions: every instant, `now` included, is an argument.

use std::collections::{BTreeSet, HashMap};
use std::f64::consts::PI;
use std::fmt;
use std::ops::RangeInclusive;
use std::sync::{LazyLock, PoisonError, RwLock};

use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveTime, TimeDelta, TimeZone, Utc, Weekday};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::time::DEFAULT_TIME_ZONE;

mod slots;
mod spec;

pub use slots::SlotSet;
pub use spec::{weekday_label, SpecError};

/// How far ahead [`CallingHours::next_open`] looks before it gives up.
const SEARCH_DAYS: u64 = 400;

/// A part of the day; attempts on a case are spread over them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum TimeSlot {
    Morning,
    Afternoon,
    Evening,
}

impl TimeSlot {
    /// Every slot, in the order of the day.
    pub const ALL: [TimeSlot; 3] = [TimeSlot::Morning, TimeSlot::Afternoon, TimeSlot::Evening];

    pub fn label_vi(self) -> &'static str {
        match self {
            TimeSlot::Morning => "Buổi sáng",
            TimeSlot::Afternoon => "Buổi chiều",
            TimeSlot::Evening => "Buổi tối",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            TimeSlot::Morning => "Morning",
            TimeSlot::Afternoon => "Afternoon",
            TimeSlot::Evening => "Evening",
        }
    }
}

/// Why a calling calendar cannot be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CalendarError {
    #[error("khung giờ {0} không hợp lệ: giờ bắt đầu phải sớm hơn giờ kết thúc")]
    EmptyWindow(CallingWindow),
    #[error("khung giờ {0} chồng lấn với khung giờ {1}")]
    OverlappingWindows(CallingWindow, CallingWindow),
    #[error("cần chọn ít nhất một ngày trong tuần được gọi điện")]
    NoWeekdays,
    #[error("cần ít nhất một khung giờ gọi điện")]
    NoWindows,
}

/// A span of local time within one day, start inclusive and end exclusive, tagged with a slot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CallingWindow {
    start: NaiveTime,
    end: NaiveTime,
    slot: TimeSlot,
}

impl CallingWindow {
    /// A window from `start` up to (not including) `end`; refused unless `start < end`, so a
    /// window never crosses midnight.
    pub fn new(start: NaiveTime, end: NaiveTime, slot: TimeSlot) -> Result<Self, CalendarError> {
        let window = Self { start, end, slot };
        if start < end {
            Ok(window)
        } else {
            Err(CalendarError::EmptyWindow(window))
        }
    }

    pub fn start(&self) -> NaiveTime {
        self.start
    }

    pub fn end(&self) -> NaiveTime {
        self.end
    }

    pub fn slot(&self) -> TimeSlot {
        self.slot
    }

    /// Whether a local time of day falls inside the window.
    pub fn contains(&self, time: NaiveTime) -> bool {
        self.start <= time && time < self.end
    }
}

/// `07:30–11:30`.
impl fmt::Display for CallingWindow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}–{}",
            self.start.format("%H:%M"),
            self.end.format("%H:%M")
        )
    }
}

/// When a campaign may call: a time zone, the weekdays, the windows of local time, the
/// campaign's own non-calling dates and whether Vietnam's public holidays apply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallingHours {
    zone: Tz,
    /// Indexed by days from Monday.
    weekdays: [bool; 7],
    /// Sorted by start, none overlapping.
    windows: Vec<CallingWindow>,
    closed_dates: BTreeSet<NaiveDate>,
    public_holidays: bool,
}

const fn hm(hour: u32, minute: u32) -> NaiveTime {
    match NaiveTime::from_hms_opt(hour, minute, 0) {
        Some(time) => time,
        None => NaiveTime::MIN,
    }
}

/// DESIGN's "Monday–Saturday 07:30–11:30 and 13:30–20:00", the afternoon split at 17:00 so
/// that evening calls, when people are home from work, are a slot of their own.
impl Default for CallingHours {
    fn default() -> Self {
        let window = |start, end, slot| CallingWindow { start, end, slot };
        Self {
            zone: DEFAULT_TIME_ZONE,
            weekdays: [true, true, true, true, true, true, false],
            windows: vec![
                window(hm(7, 30), hm(11, 30), TimeSlot::Morning),
                window(hm(13, 30), hm(17, 0), TimeSlot::Afternoon),
                window(hm(17, 0), hm(20, 0), TimeSlot::Evening),
            ],
            closed_dates: BTreeSet::new(),
            public_holidays: true,
        }
    }
}

impl CallingHours {
    /// Calling hours in `zone` on `weekdays` within `windows`; Vietnam's public holidays apply
    /// and no extra dates are closed until [`Self::with_closed_dates`] and
    /// [`Self::with_public_holidays`] say otherwise.
    pub fn new(
        zone: Tz,
        weekdays: &[Weekday],
        windows: &[CallingWindow],
    ) -> Result<Self, CalendarError> {
        let mut days = [false; 7];
        for day in weekdays {
            if let Some(flag) = days.get_mut(day.num_days_from_monday() as usize) {
                *flag = true;
            }
        }
        if !days.contains(&true) {
            return Err(CalendarError::NoWeekdays);
        }
        let mut sorted = windows.to_vec();
        sorted.sort_by_key(|window| (window.start, window.end));
        if let Some(bad) = sorted.iter().find(|window| window.start >= window.end) {
            return Err(CalendarError::EmptyWindow(*bad));
        }
        // Sorted by start, any overlap shows between neighbours.
        let overlap = sorted.windows(2).find_map(|pair| match pair {
            [earlier, later] if later.start < earlier.end => Some((*earlier, *later)),
            _ => None,
        });
        if let Some((earlier, later)) = overlap {
            return Err(CalendarError::OverlappingWindows(earlier, later));
        }
        if sorted.is_empty() {
            return Err(CalendarError::NoWindows);
        }
        Ok(Self {
            zone,
            weekdays: days,
            windows: sorted,
            closed_dates: BTreeSet::new(),
            public_holidays: true,
        })
    }

    /// Adds dates on which the campaign does not call: days off the government adds around Tết
    /// or to bridge a holiday, local events, …
    pub fn with_closed_dates(mut self, dates: impl IntoIterator<Item = NaiveDate>) -> Self {
        self.closed_dates.extend(dates);
        self
    }

    /// The same hours with exactly these extra non-calling days (a supervisor's change).
    pub fn replacing_closed_dates(mut self, dates: impl IntoIterator<Item = NaiveDate>) -> Self {
        self.closed_dates = dates.into_iter().collect();
        self
    }

    /// Whether Vietnam's public holidays ([`public_holidays`]) are non-calling days.
    pub fn with_public_holidays(mut self, apply: bool) -> Self {
        self.public_holidays = apply;
        self
    }

    pub fn zone(&self) -> Tz {
        self.zone
    }

    /// The weekdays calls are made, Monday first.
    pub fn weekdays(&self) -> Vec<Weekday> {
        let mut day = Weekday::Mon;
        let mut days = Vec::new();
        for allowed in self.weekdays {
            if allowed {
                days.push(day);
            }
            day = day.succ();
        }
        days
    }

    /// The windows, earliest first.
    pub fn windows(&self) -> &[CallingWindow] {
        &self.windows
    }

    pub fn closed_dates(&self) -> &BTreeSet<NaiveDate> {
        &self.closed_dates
    }

    pub fn public_holidays_apply(&self) -> bool {
        self.public_holidays
    }

    /// Whether calls may be made on this local date at all.
    pub fn is_calling_day(&self, date: NaiveDate) -> bool {
        let weekday_allowed = self
            .weekdays
            .get(date.weekday().num_days_from_monday() as usize)
            .copied()
            .unwrap_or(false);
        weekday_allowed
            && !self.closed_dates.contains(&date)
            && !(self.public_holidays
                && (is_public_holiday(date) || is_day_in_lieu(date, self.weekdays)))
    }

    /// The slot calls may be made in at `at`, or `None` when calling is not allowed then.
    pub fn slot_at(&self, at: DateTime<Utc>) -> Option<TimeSlot> {
        let local = at.with_timezone(&self.zone);
        let window = self
            .windows
            .iter()
            .find(|window| window.contains(local.time()))?;
        self.is_calling_day(local.date_naive())
            .then_some(window.slot)
    }

    /// The calling days after `date`, in order (at most about 400 days ahead).
    pub fn calling_days_after(&self, date: NaiveDate) -> impl Iterator<Item = NaiveDate> + '_ {
        (1..=SEARCH_DAYS)
            .filter_map(move |offset| date.checked_add_days(Days::new(offset)))
            .filter(move |day| self.is_calling_day(*day))
    }

    /// The instant a wall-clock time on a date names in the campaign's zone, if calling is
    /// allowed then.
    pub fn open_at(&self, date: NaiveDate, time: NaiveTime) -> Option<DateTime<Utc>> {
        self.instant(date, time)
            .filter(|at| self.slot_at(*at).is_some())
    }

    /// The first instant at or after `from` when calling is allowed; `from` itself when it is.
    /// `None` when nothing opens within about 400 days.
    pub fn next_open(&self, from: DateTime<Utc>) -> Option<DateTime<Utc>> {
        self.next_open_in(from, &[])
    }

    /// The first instant at or after `from` when calling is allowed in one of `slots` — to try a
    /// case again in a part of the day it has not been tried in. Empty `slots` means any slot.
    pub fn next_open_in(&self, from: DateTime<Utc>, slots: &[TimeSlot]) -> Option<DateTime<Utc>> {
        let first_day = from.with_timezone(&self.zone).date_naive();
        for offset in 0..=SEARCH_DAYS {
            let date = first_day.checked_add_days(Days::new(offset))?;
            if !self.is_calling_day(date) {
                continue;
            }
            let wanted = self
                .windows
                .iter()
                .filter(|window| slots.is_empty() || slots.contains(&window.slot));
            for window in wanted {
                let (Some(start), Some(end)) = (
                    self.instant(date, window.start),
                    self.instant(date, window.end),
                ) else {
                    continue;
                };
                if end <= from {
                    continue;
                }
                let candidate = start.max(from);
                // Re-read the candidate as wall-clock time, so a daylight-saving jump in some
                // other zone can never make this return a closed instant.
                if self.slot_at(candidate) == Some(window.slot) {
                    return Some(candidate);
                }
            }
        }
        None
    }

    /// The instant a local wall-clock time names; a time skipped by a daylight-saving jump moves
    /// to the first minute that exists.
    fn instant(&self, date: NaiveDate, time: NaiveTime) -> Option<DateTime<Utc>> {
        let wall = date.and_time(time);
        (0..=180).find_map(|minutes| {
            let shifted = wall.checked_add_signed(TimeDelta::minutes(minutes))?;
            self.zone
                .from_local_datetime(&shifted)
                .earliest()
                .map(|instant| instant.with_timezone(&Utc))
        })
    }
}

/// Whether `date` is one of Vietnam's public holidays. Each year's dates are computed once per
/// process: every claim and every recorded call asks, and the lunar ones take real arithmetic.
fn is_public_holiday(date: NaiveDate) -> bool {
    static YEARS: LazyLock<RwLock<HashMap<i32, Vec<NaiveDate>>>> = LazyLock::new(RwLock::default);
    let year = date.year();
    if let Some(dates) = YEARS
        .read()
        .unwrap_or_else(PoisonError::into_inner)
        .get(&year)
    {
        return dates.contains(&date);
    }
    let dates: Vec<NaiveDate> = public_holidays(year)
        .into_iter()
        .map(|(day, _)| day)
        .collect();
    let found = dates.contains(&date);
    YEARS
        .write()
        .unwrap_or_else(PoisonError::into_inner)
        .insert(year, dates);
    found
}

/// Whether `date` is a day off in lieu of a holiday that fell on a weekly rest day, for a
/// campaign that calls on `weekdays` (Monday first). Each year's days are computed once per
/// process and set of weekdays.
fn is_day_in_lieu(date: NaiveDate, weekdays: [bool; 7]) -> bool {
    type Key = (i32, [bool; 7]);
    static YEARS: LazyLock<RwLock<HashMap<Key, Vec<NaiveDate>>>> = LazyLock::new(RwLock::default);
    let key = (date.year(), weekdays);
    if let Some(days) = YEARS
        .read()
        .unwrap_or_else(PoisonError::into_inner)
        .get(&key)
    {
        return days.contains(&date);
    }
    let works = |day: NaiveDate| weekdays[day.weekday().num_days_from_monday() as usize];
    let days: Vec<NaiveDate> = days_in_lieu(date.year(), works)
        .into_iter()
        .map(|(day, _)| day)
        .collect();
    let found = days.contains(&date);
    YEARS
        .write()
        .unwrap_or_else(PoisonError::into_inner)
        .insert(key, days);
    found
}

/// The days off in lieu (nghỉ bù) of a solar year's public holidays, by the Labour Code 2019,
/// article 111(3): a holiday that falls on a weekly rest day — a day `works` says is not a
/// working day — gives the next working day off, after any holidays that follow it. With calls
/// Monday to Saturday, Giỗ Tổ Hùng Vương on Sunday 26/04/2026 gives Monday 27/04/2026 off.
pub fn days_in_lieu(
    year: i32,
    works: impl Fn(NaiveDate) -> bool,
) -> Vec<(NaiveDate, &'static str)> {
    let holidays = public_holidays(year);
    let is_holiday = |day: NaiveDate| holidays.iter().any(|(d, _)| *d == day);
    let mut in_lieu: Vec<(NaiveDate, &'static str)> = Vec::new();
    for &(holiday, name) in &holidays {
        if works(holiday) {
            continue;
        }
        let mut day = holiday.succ_opt();
        while let Some(candidate) = day {
            let taken = in_lieu.iter().any(|(d, _)| *d == candidate);
            if works(candidate) && !is_holiday(candidate) && !taken {
                in_lieu.push((candidate, name));
                break;
            }
            day = candidate.succ_opt();
        }
    }
    in_lieu
}

/// Vietnam's public holidays in a solar year, by the Labour Code 2019, article 112, with their
/// Vietnamese names, earliest first:
/// Tết Dương lịch 1/1; Tết Nguyên đán — the last day of the lunar year and the first four days
/// of the next; Giỗ Tổ Hùng Vương 10/3 lunar; Ngày Chiến thắng 30/4; Ngày Quốc tế Lao động 1/5;
/// Quốc khánh 2/9 and one adjacent day. The law lets the government pick the day before or
/// after 2/9 each year, and it has picked either; this always uses 1/9. In a year the
/// government picks 3/9, the campaign adds 3/9 with [`CallingHours::with_closed_dates`].
/// Days in lieu of a holiday on a weekly rest day are [`days_in_lieu`]; days the government adds
/// (a longer Tết, a bridge day) are not here: a campaign adds them with
/// [`CallingHours::with_closed_dates`].
/// Lunar holidays are left out for years outside [`LUNAR_YEARS`].
pub fn public_holidays(year: i32) -> Vec<(NaiveDate, &'static str)> {
    let solar = [
        (1, 1, "Tết Dương lịch"),
        (4, 30, "Ngày Chiến thắng"),
        (5, 1, "Ngày Quốc tế Lao động"),
        (9, 1, "Quốc khánh (ngày liền kề)"),
        (9, 2, "Quốc khánh"),
    ];
    let mut days: Vec<(NaiveDate, &'static str)> = solar
        .iter()
        .filter_map(|&(month, day, name)| Some((NaiveDate::from_ymd_opt(year, month, day)?, name)))
        .collect();
    if let Some(tet) = lunar_to_solar(year, 1, 1, false) {
        if let Some(eve) = tet.pred_opt() {
            days.push((eve, "Tết Nguyên đán (ngày cuối năm âm lịch)"));
        }
        let names = [
            "Tết Nguyên đán (mùng 1)",
            "Tết Nguyên đán (mùng 2)",
            "Tết Nguyên đán (mùng 3)",
            "Tết Nguyên đán (mùng 4)",
        ];
        for (offset, name) in (0..).zip(names) {
            if let Some(day) = tet.checked_add_days(Days::new(offset)) {
                days.push((day, name));
            }
        }
    }
    if let Some(day) = lunar_to_solar(year, 3, 10, false) {
        days.push((day, "Giỗ Tổ Hùng Vương"));
    }
    days.sort();
    days
}

/// The name of the public holiday on `date`, if it is one.
pub fn public_holiday(date: NaiveDate) -> Option<&'static str> {
    public_holidays(date.year())
        .into_iter()
        .find_map(|(day, name)| (day == date).then_some(name))
}

// ---------------------------------------------------------------------------------------------
// The Vietnamese lunar calendar, after Hồ Ngọc Đức's public algorithm ("Thuật toán tính âm
// lịch"): a month starts on the local day of a new moon, month 11 holds the winter solstice,
// and in a year of 13 months the first month without a major solar term is the leap month.
// Everything is reckoned at UTC+7, which is why Chinese (UTC+8) tables differ in some years.
// ---------------------------------------------------------------------------------------------

/// The solar years the lunar conversion is trusted for: the range the algorithm is published
/// and checked against.
pub const LUNAR_YEARS: RangeInclusive<i32> = 1900..=2100;

/// A date of the Vietnamese lunar calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LunarDate {
    pub year: i32,
    /// 1–12.
    pub month: u32,
    /// 1–30.
    pub day: u32,
    /// Whether the month is the year's leap month (tháng nhuận).
    pub leap: bool,
}

/// Vietnam's offset from UTC, in hours.
const VIETNAM_OFFSET_HOURS: f64 = 7.0;
/// The Julian day of the new moon of 1 January 1900 (k = 0).
const NEW_MOON_EPOCH: f64 = 2_415_021.076_998_695;
const SYNODIC_MONTH: f64 = 29.530_588_853;
/// Julian day number minus chrono's days from the common era.
const JDN_OFFSET: i64 = 1_721_425;

fn julian_day(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce()) + JDN_OFFSET
}

fn from_julian_day(day: i64) -> Option<NaiveDate> {
    let days = i32::try_from(day.checked_sub(JDN_OFFSET)?).ok()?;
    NaiveDate::from_num_days_from_ce_opt(days)
}

/// The Julian date (UT) of the k-th new moon after 1 January 1900.
fn new_moon(k: i64) -> f64 {
    let k = k as f64;
    let t = k / 1236.85;
    let t2 = t * t;
    let t3 = t2 * t;
    let dr = PI / 180.0;
    let mut jd = 2_415_020.759_33 + 29.530_588_68 * k + 0.000_117_8 * t2 - 0.000_000_155 * t3;
    jd += 0.000_33 * ((166.56 + 132.87 * t - 0.009_173 * t2) * dr).sin();
    let m = 359.2242 + 29.105_356_08 * k - 0.000_033_3 * t2 - 0.000_003_47 * t3;
    let mpr = 306.0253 + 385.816_918_06 * k + 0.010_730_6 * t2 + 0.000_012_36 * t3;
    let f = 21.2964 + 390.670_506_46 * k - 0.001_652_8 * t2 - 0.000_002_39 * t3;
    let c1 = (0.1734 - 0.000_393 * t) * (m * dr).sin() + 0.0021 * (2.0 * dr * m).sin()
        - 0.4068 * (mpr * dr).sin()
        + 0.0161 * (dr * 2.0 * mpr).sin()
        - 0.0004 * (dr * 3.0 * mpr).sin()
        + 0.0104 * (dr * 2.0 * f).sin()
        - 0.0051 * (dr * (m + mpr)).sin()
        - 0.0074 * (dr * (m - mpr)).sin()
        + 0.0004 * (dr * (2.0 * f + m)).sin()
        - 0.0004 * (dr * (2.0 * f - m)).sin()
        - 0.0006 * (dr * (2.0 * f + mpr)).sin()
        + 0.0010 * (dr * (2.0 * f - mpr)).sin()
        + 0.0005 * (dr * (2.0 * mpr + m)).sin();
    let delta_t = if t < -11.0 {
        0.001 + 0.000_839 * t + 0.000_226_1 * t2 - 0.000_008_45 * t3 - 0.000_000_081 * t * t3
    } else {
        -0.000_278 + 0.000_265 * t + 0.000_262 * t2
    };
    jd + c1 - delta_t
}

/// The Julian day number of the local (UTC+7) day of the k-th new moon.
fn new_moon_day(k: i64) -> i64 {
    (new_moon(k) + 0.5 + VIETNAM_OFFSET_HOURS / 24.0).floor() as i64
}

/// The sun's ecliptic longitude at a Julian date, in radians, 0 to 2π.
fn sun_longitude(jd: f64) -> f64 {
    let t = (jd - 2_451_545.0) / 36_525.0;
    let t2 = t * t;
    let dr = PI / 180.0;
    let m = 357.529_10 + 35_999.050_30 * t - 0.000_155_9 * t2 - 0.000_000_48 * t * t2;
    let l0 = 280.466_45 + 36_000.769_83 * t + 0.000_303_2 * t2;
    let dl = (1.914_600 - 0.004_817 * t - 0.000_014 * t2) * (dr * m).sin()
        + (0.019_993 - 0.000_101 * t) * (dr * 2.0 * m).sin()
        + 0.000_290 * (dr * 3.0 * m).sin();
    let l = (l0 + dl) * dr;
    l - 2.0 * PI * (l / (2.0 * PI)).floor()
}

/// Which of the twelve 30° sectors the sun is in at the start of a local day (0 = from the
/// vernal equinox); a month with no change of sector has no major solar term.
fn sun_sector(day: i64) -> i64 {
    (sun_longitude(day as f64 - 0.5 - VIETNAM_OFFSET_HOURS / 24.0) / PI * 6.0).floor() as i64
}

/// The Julian day number on which lunar month 11 (the month of the winter solstice) of a solar
/// year begins.
fn month_11_start(year: i32) -> Option<i64> {
    let off = julian_day(NaiveDate::from_ymd_opt(year, 12, 31)?) - 2_415_021;
    let k = (off as f64 / SYNODIC_MONTH).floor() as i64;
    let new_moon = new_moon_day(k);
    Some(if sun_sector(new_moon) >= 9 {
        new_moon_day(k - 1)
    } else {
        new_moon
    })
}

/// In a 13-month lunar year starting at month 11 on `month_11`, how many months after it the
/// leap month comes.
fn leap_month_offset(month_11: i64) -> i64 {
    let k = ((month_11 as f64 - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5).floor() as i64;
    let mut i = 1;
    let mut sector = sun_sector(new_moon_day(k + i));
    loop {
        let last = sector;
        i += 1;
        sector = sun_sector(new_moon_day(k + i));
        if sector == last || i >= 14 {
            return i - 1;
        }
    }
}

/// The lunar date of a solar date, or `None` outside [`LUNAR_YEARS`].
pub fn solar_to_lunar(date: NaiveDate) -> Option<LunarDate> {
    let year = date.year();
    if !LUNAR_YEARS.contains(&year) {
        return None;
    }
    let day = julian_day(date);
    let k = ((day as f64 - NEW_MOON_EPOCH) / SYNODIC_MONTH).floor() as i64;
    let mut month_start = new_moon_day(k + 1);
    if month_start > day {
        month_start = new_moon_day(k);
    }
    let mut a11 = month_11_start(year)?;
    let mut b11 = a11;
    let mut lunar_year = year;
    if a11 >= month_start {
        a11 = month_11_start(year - 1)?;
    } else {
        lunar_year = year + 1;
        b11 = month_11_start(year + 1)?;
    }
    let diff = (month_start - a11) / 29;
    let mut month = diff + 11;
    let mut leap = false;
    if b11 - a11 > 365 {
        let leap_offset = leap_month_offset(a11);
        if diff >= leap_offset {
            month = diff + 10;
            leap = diff == leap_offset;
        }
    }
    if month > 12 {
        month -= 12;
    }
    if month >= 11 && diff < 4 {
        lunar_year -= 1;
    }
    Some(LunarDate {
        year: lunar_year,
        month: u32::try_from(month).ok()?,
        day: u32::try_from(day - month_start + 1).ok()?,
        leap,
    })
}

/// The solar date of a lunar date; `None` when there is no such day (a 30th in a 29-day month,
/// a leap month the year does not have, a month or day out of range) or the year is outside
/// [`LUNAR_YEARS`].
pub fn lunar_to_solar(year: i32, month: u32, day: u32, leap: bool) -> Option<NaiveDate> {
    if !LUNAR_YEARS.contains(&year) || !(1..=12).contains(&month) || !(1..=30).contains(&day) {
        return None;
    }
    let (a11, b11) = if month < 11 {
        (month_11_start(year - 1)?, month_11_start(year)?)
    } else {
        (month_11_start(year)?, month_11_start(year + 1)?)
    };
    let k = (0.5 + (a11 as f64 - NEW_MOON_EPOCH) / SYNODIC_MONTH).floor() as i64;
    let mut offset = (i64::from(month) - 11).rem_euclid(12);
    if b11 - a11 > 365 {
        let leap_offset = leap_month_offset(a11);
        let leap_month = (leap_offset - 2 - 1).rem_euclid(12) + 1;
        if leap && i64::from(month) != leap_month {
            return None;
        }
        if leap || offset >= leap_offset {
            offset += 1;
        }
    } else if leap {
        return None;
    }
    let date = from_julian_day(new_moon_day(k + offset) + i64::from(day) - 1)?;
    let wanted = LunarDate {
        year,
        month,
        day,
        leap,
    };
    (solar_to_lunar(date) == Some(wanted)).then_some(date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{hanoi, test_now};

    #[test]
    fn a_holiday_on_a_weekly_rest_day_gives_the_next_working_day_off() {
        let monday_to_saturday = CallingHours::default();
        // Giỗ Tổ Hùng Vương 2026 is Sunday 26/04: Monday 27/04 is the day off in lieu.
        assert_eq!(public_holiday(date(2026, 4, 26)), Some("Giỗ Tổ Hùng Vương"));
        assert!(!monday_to_saturday.is_calling_day(date(2026, 4, 27)));
        assert!(monday_to_saturday.is_calling_day(date(2026, 4, 28)));
        let works = |day: NaiveDate| day.weekday() != Weekday::Sun;
        assert_eq!(
            days_in_lieu(2026, works)
                .into_iter()
                .filter(|(d, _)| d.month() == 4)
                .collect::<Vec<_>>(),
            [(date(2026, 4, 27), "Giỗ Tổ Hùng Vương")]
        );
        // Calling Monday to Friday, Saturday is a rest day too: 2/9/2028 is a Saturday, and
        // 1/9 (Friday) is a holiday as well, so Monday 4/9 is off in lieu.
        let weekdays = [
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
            Weekday::Thu,
            Weekday::Fri,
        ];
        let office = CallingHours::new(DEFAULT_TIME_ZONE, &weekdays, monday_to_saturday.windows())
            .expect("calling hours");
        assert!(!office.is_calling_day(date(2028, 9, 4)));
        assert!(monday_to_saturday.is_calling_day(date(2028, 9, 4)));
        // A campaign that calls on holidays calls on days in lieu too.
        assert!(monday_to_saturday
            .clone()
            .with_public_holidays(false)
            .is_calling_day(date(2026, 4, 27)));
    }

    fn date(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).expect("valid date")
    }

    fn window(start: (u32, u32), end: (u32, u32), slot: TimeSlot) -> CallingWindow {
        CallingWindow {
            start: hm(start.0, start.1),
            end: hm(end.0, end.1),
            slot,
        }
    }

    #[test]
    fn tet_falls_on_the_dates_vietnam_celebrates() {
        let cases = [
            (2024, date(2024, 2, 10)),
            (2025, date(2025, 1, 29)),
            (2026, date(2026, 2, 17)),
            (2027, date(2027, 2, 6)),
            (2028, date(2028, 1, 26)),
            // The new moon is at 23:07 in Hà Nội on 2 February, 00:07 on the 3rd in Beijing:
            // Vietnam's Tết is a day before China's, and tables copied from China say the 3rd.
            (2030, date(2030, 2, 2)),
        ];
        for (year, tet) in cases {
            assert_eq!(lunar_to_solar(year, 1, 1, false), Some(tet), "Tết {year}");
            let lunar = solar_to_lunar(tet).expect("in range");
            assert_eq!(
                (lunar.year, lunar.month, lunar.day, lunar.leap),
                (year, 1, 1, false)
            );
        }
    }

    #[test]
    fn tet_is_reckoned_at_utc_plus_7_not_by_the_chinese_calendar() {
        // China (UTC+8) celebrates on 1985-02-20, 2007-02-18 and 2030-02-03.
        assert_eq!(lunar_to_solar(1985, 1, 1, false), Some(date(1985, 1, 21)));
        assert_eq!(lunar_to_solar(2007, 1, 1, false), Some(date(2007, 2, 17)));
        assert_eq!(lunar_to_solar(2030, 1, 1, false), Some(date(2030, 2, 2)));
    }

    #[test]
    fn hung_kings_day_is_the_tenth_of_the_third_lunar_month() {
        let cases = [
            (2024, date(2024, 4, 18)),
            (2025, date(2025, 4, 7)),
            (2026, date(2026, 4, 26)),
        ];
        for (year, day) in cases {
            assert_eq!(lunar_to_solar(year, 3, 10, false), Some(day), "{year}");
            assert_eq!(public_holiday(day), Some("Giỗ Tổ Hùng Vương"));
        }
    }

    #[test]
    fn leap_months_exist_only_where_the_year_has_them() {
        // 2023 had a leap second month, 2025 a leap sixth month.
        assert_eq!(lunar_to_solar(2023, 2, 1, true), Some(date(2023, 3, 22)));
        assert_eq!(lunar_to_solar(2025, 6, 1, true), Some(date(2025, 7, 25)));
        assert_eq!(lunar_to_solar(2025, 5, 1, true), None);
        assert_eq!(lunar_to_solar(2024, 6, 1, true), None);
        let leap = solar_to_lunar(date(2025, 7, 25)).expect("in range");
        assert_eq!((leap.month, leap.day, leap.leap), (6, 1, true));
    }

    #[test]
    fn every_solar_day_round_trips_through_the_lunar_calendar() {
        let mut day = date(2019, 1, 1);
        while day <= date(2031, 12, 31) {
            let lunar = solar_to_lunar(day).expect("in range");
            assert!((1..=30).contains(&lunar.day) && (1..=12).contains(&lunar.month));
            assert_eq!(
                lunar_to_solar(lunar.year, lunar.month, lunar.day, lunar.leap),
                Some(day),
                "{day} → {lunar:?}"
            );
            day = day.succ_opt().expect("valid date");
        }
    }

    #[test]
    fn impossible_lunar_dates_and_years_out_of_range_give_none() {
        let cases = [
            (2026, 0, 1, false),
            (2026, 13, 1, false),
            (2026, 1, 0, false),
            (2026, 1, 31, false),
            (1899, 1, 1, false),
            (2101, 1, 1, false),
            (i32::MIN, 1, 1, false),
            (i32::MAX, 12, 30, true),
        ];
        for (year, month, day, leap) in cases {
            assert_eq!(
                lunar_to_solar(year, month, day, leap),
                None,
                "{year}/{month}/{day}"
            );
        }
        // A month has 29 or 30 days: the 30th exists in exactly the 30-day months.
        let thirtieths = (1..=12)
            .filter(|&month| lunar_to_solar(2026, month, 30, false).is_some())
            .count();
        assert!((1..12).contains(&thirtieths));
        assert_eq!(solar_to_lunar(NaiveDate::MAX), None);
        assert_eq!(solar_to_lunar(NaiveDate::MIN), None);
    }

    #[test]
    fn the_year_2026_has_the_eleven_days_of_the_labour_code() {
        let holidays = public_holidays(2026);
        let days: Vec<NaiveDate> = holidays.iter().map(|(day, _)| *day).collect();
        assert_eq!(
            days,
            vec![
                date(2026, 1, 1),
                date(2026, 2, 16),
                date(2026, 2, 17),
                date(2026, 2, 18),
                date(2026, 2, 19),
                date(2026, 2, 20),
                date(2026, 4, 26),
                date(2026, 4, 30),
                date(2026, 5, 1),
                date(2026, 9, 1),
                date(2026, 9, 2),
            ]
        );
        assert_eq!(
            public_holiday(date(2026, 2, 17)),
            Some("Tết Nguyên đán (mùng 1)")
        );
        assert_eq!(public_holiday(date(2026, 9, 2)), Some("Quốc khánh"));
        assert_eq!(public_holiday(date(2026, 9, 3)), None);
        // Outside the lunar range only the solar holidays are known.
        assert_eq!(public_holidays(3000).len(), 5);
    }

    #[test]
    fn default_hours_open_by_slot_and_close_between() {
        let hours = CallingHours::default();
        let monday = test_now().with_timezone(&DEFAULT_TIME_ZONE).date_naive();
        assert_eq!(monday.weekday(), Weekday::Mon);
        let cases = [
            ((7, 29), None),
            ((7, 30), Some(TimeSlot::Morning)),
            ((11, 29), Some(TimeSlot::Morning)),
            ((11, 30), None),
            ((12, 0), None),
            ((13, 30), Some(TimeSlot::Afternoon)),
            ((16, 59), Some(TimeSlot::Afternoon)),
            ((17, 0), Some(TimeSlot::Evening)),
            ((19, 59), Some(TimeSlot::Evening)),
            ((20, 0), None),
        ];
        for ((hour, minute), slot) in cases {
            assert_eq!(
                hours.slot_at(hanoi(2026, 11, 23, hour, minute)),
                slot,
                "{hour:02}:{minute:02}"
            );
        }
    }

    #[test]
    fn sundays_and_public_holidays_are_closed() {
        let hours = CallingHours::default();
        assert_eq!(hours.slot_at(hanoi(2026, 11, 29, 9, 0)), None, "Sunday");
        assert_eq!(hours.slot_at(hanoi(2026, 9, 1, 9, 0)), None, "Quốc khánh");
        assert_eq!(hours.slot_at(hanoi(2026, 2, 16, 9, 0)), None, "Tết eve");
        assert!(!hours.is_calling_day(date(2026, 4, 30)));
        assert!(hours.is_calling_day(date(2026, 11, 28)), "Saturday");
    }

    #[test]
    fn next_open_finds_the_next_window() {
        let hours = CallingHours::default();
        let cases = [
            (
                "open now",
                hanoi(2026, 11, 23, 10, 0),
                hanoi(2026, 11, 23, 10, 0),
            ),
            (
                "lunch",
                hanoi(2026, 11, 23, 11, 45),
                hanoi(2026, 11, 23, 13, 30),
            ),
            (
                "night",
                hanoi(2026, 11, 23, 20, 0),
                hanoi(2026, 11, 24, 7, 30),
            ),
            (
                "early",
                hanoi(2026, 11, 24, 5, 0),
                hanoi(2026, 11, 24, 7, 30),
            ),
            (
                "Saturday evening",
                hanoi(2026, 11, 28, 20, 30),
                hanoi(2026, 11, 30, 7, 30),
            ),
            (
                "Sunday",
                hanoi(2026, 11, 29, 10, 0),
                hanoi(2026, 11, 30, 7, 30),
            ),
            // Tết 2026: 16–20 February, Monday to Friday; Saturday the 21st is open.
            (
                "Tết eve",
                hanoi(2026, 2, 16, 9, 0),
                hanoi(2026, 2, 21, 7, 30),
            ),
        ];
        for (name, from, expected) in cases {
            assert_eq!(hours.next_open(from), Some(expected), "{name}");
        }
    }

    #[test]
    fn next_open_in_waits_for_a_slot_not_yet_tried() {
        let hours = CallingHours::default();
        let monday_8 = hanoi(2026, 11, 23, 8, 0);
        assert_eq!(
            hours.next_open_in(monday_8, &[TimeSlot::Evening]),
            Some(hanoi(2026, 11, 23, 17, 0))
        );
        assert_eq!(
            hours.next_open_in(hanoi(2026, 11, 23, 18, 0), &[TimeSlot::Morning]),
            Some(hanoi(2026, 11, 24, 7, 30))
        );
        assert_eq!(
            hours.next_open_in(monday_8, &[TimeSlot::Afternoon, TimeSlot::Evening]),
            Some(hanoi(2026, 11, 23, 13, 30))
        );
        assert_eq!(hours.next_open_in(monday_8, &[]), hours.next_open(monday_8));
    }

    #[test]
    fn campaign_dates_close_and_holidays_can_be_lifted() {
        let extended_tet = (9..=15).map(|day| date(2026, 2, day));
        let hours = CallingHours::default().with_closed_dates(extended_tet);
        assert_eq!(
            hours.next_open(hanoi(2026, 2, 9, 8, 0)),
            Some(hanoi(2026, 2, 21, 7, 30))
        );
        let no_holidays = CallingHours::default().with_public_holidays(false);
        assert_eq!(
            no_holidays.slot_at(hanoi(2026, 2, 17, 9, 0)),
            Some(TimeSlot::Morning)
        );
    }

    #[test]
    fn next_open_gives_up_when_nothing_opens() {
        let sundays =
            (0..60).filter_map(|week| date(2026, 11, 29).checked_add_days(Days::new(week * 7)));
        let hours = CallingHours::new(
            DEFAULT_TIME_ZONE,
            &[Weekday::Sun],
            &[window((8, 0), (9, 0), TimeSlot::Morning)],
        )
        .expect("valid hours")
        .with_closed_dates(sundays);
        assert_eq!(hours.next_open(test_now()), None);
    }

    #[test]
    fn bad_configurations_are_refused_naming_the_window() {
        let morning = window((7, 30), (11, 30), TimeSlot::Morning);
        let error = CallingWindow::new(hm(12, 0), hm(11, 0), TimeSlot::Morning)
            .expect_err("end before start");
        assert!(error.to_string().contains("12:00–11:00"), "{error}");

        let error = CallingHours::new(
            DEFAULT_TIME_ZONE,
            &[Weekday::Mon],
            &[
                window((13, 30), (17, 0), TimeSlot::Afternoon),
                window((9, 0), (9, 0), TimeSlot::Morning),
            ],
        )
        .expect_err("empty window");
        assert_eq!(
            error.to_string(),
            "khung giờ 09:00–09:00 không hợp lệ: giờ bắt đầu phải sớm hơn giờ kết thúc"
        );

        let error = CallingHours::new(
            DEFAULT_TIME_ZONE,
            &[Weekday::Mon],
            &[window((11, 0), (14, 0), TimeSlot::Afternoon), morning],
        )
        .expect_err("overlap");
        assert_eq!(
            error.to_string(),
            "khung giờ 07:30–11:30 chồng lấn với khung giờ 11:00–14:00"
        );

        assert_eq!(
            CallingHours::new(DEFAULT_TIME_ZONE, &[], &[morning]),
            Err(CalendarError::NoWeekdays)
        );
        assert_eq!(
            CallingHours::new(DEFAULT_TIME_ZONE, &[Weekday::Mon], &[]),
            Err(CalendarError::NoWindows)
        );
    }

    #[test]
    fn built_hours_keep_windows_in_day_order_and_adjacent_windows_are_allowed() {
        let default = CallingHours::default();
        let mut shuffled = default.windows().to_vec();
        shuffled.reverse();
        let weekdays = default.weekdays();
        assert_eq!(weekdays.len(), 6);
        assert!(!weekdays.contains(&Weekday::Sun));
        let built = CallingHours::new(DEFAULT_TIME_ZONE, &weekdays, &shuffled).expect("valid");
        assert_eq!(built, default);
        assert_eq!(default.windows()[0].to_string(), "07:30–11:30");
    }

    #[test]
    fn slots_serialize_in_camel_case_with_vietnamese_labels() {
        let json = serde_json::to_string(&TimeSlot::ALL).expect("serializes");
        assert_eq!(json, r#"["morning","afternoon","evening"]"#);
        let labels: Vec<&str> = TimeSlot::ALL.iter().map(|slot| slot.label_vi()).collect();
        assert_eq!(labels, ["Buổi sáng", "Buổi chiều", "Buổi tối"]);
        assert_eq!(TimeSlot::Evening.label_en(), "Evening");
    }
}
