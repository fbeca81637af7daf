//! Typed TIMEX3 values: calendar points with a granularity, durations, sets and references.

use chrono::{Datelike, NaiveDate};
use serde::{Serialize, Serializer};
use std::cmp::Ordering;
use std::fmt;

/// The TIMEX3 `type` of a temporal expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    /// A calendar date or a coarser period: `Friday`, `last year`, `the third quarter`, `now`.
    Date,
    /// A time of day, or a part of a day: `10:35 a.m.`, `this morning`.
    Time,
    /// An amount of time: `three days`, `the past two months`.
    Duration,
    /// A recurring time: `daily`, `each Thursday`.
    Set,
}

impl TimexType {
    /// The TIMEX3 spelling: `DATE`, `TIME`, `DURATION` or `SET`.
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

impl fmt::Display for TimexType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The TIMEX3 `mod` attribute: a qualifier of the value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TimexMod {
    /// `before`
    Before,
    /// `after`
    After,
    /// `on or before`, `by`
    OnOrBefore,
    /// `on or after`, `since`
    OnOrAfter,
    /// `less than`, `almost`
    LessThan,
    /// `more than`, `over`
    MoreThan,
    /// `no more than`, `up to`, `nearly`
    EqualOrLess,
    /// `at least`
    EqualOrMore,
    /// `early`, `the beginning of`
    Start,
    /// `mid`, `the middle of`
    Mid,
    /// `late`, `the end of`
    End,
    /// `about`, `around`
    Approx,
}

impl TimexMod {
    /// The TIMEX3 spelling, e.g. `START`, `EQUAL_OR_LESS`.
    pub fn as_str(self) -> &'static str {
        match self {
            TimexMod::Before => "BEFORE",
            TimexMod::After => "AFTER",
            TimexMod::OnOrBefore => "ON_OR_BEFORE",
            TimexMod::OnOrAfter => "ON_OR_AFTER",
            TimexMod::LessThan => "LESS_THAN",
            TimexMod::MoreThan => "MORE_THAN",
            TimexMod::EqualOrLess => "EQUAL_OR_LESS",
            TimexMod::EqualOrMore => "EQUAL_OR_MORE",
            TimexMod::Start => "START",
            TimexMod::Mid => "MID",
            TimexMod::End => "END",
            TimexMod::Approx => "APPROX",
        }
    }
}

impl fmt::Display for TimexMod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How fine a [`CalendarPoint`] is: the size of the calendar interval it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Granularity {
    /// A century: `19` (the 1900s).
    Century,
    /// A decade: `199` (the 1990s).
    Decade,
    /// A year: `1998`.
    Year,
    /// A half year: `1998-H2`.
    Half,
    /// A season: `1998-SU`.
    Season,
    /// A quarter: `1998-Q3`.
    Quarter,
    /// A month: `1998-03`.
    Month,
    /// An ISO week: `1998-W11`.
    Week,
    /// A weekend: `1998-W11-WE`.
    Weekend,
    /// A day: `1998-03-12`.
    Day,
    /// A part of a day: `1998-03-12TMO`.
    PartOfDay,
    /// An hour: `1998-03-12T17`.
    Hour,
    /// A minute: `1998-03-12T17:30`.
    Minute,
}

/// A season of the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Season {
    /// `SP`
    Spring,
    /// `SU`
    Summer,
    /// `FA`
    Fall,
    /// `WI`
    Winter,
}

impl Season {
    /// The TIMEX3 code: `SP`, `SU`, `FA`, `WI`.
    pub fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }

    /// The first month of the season (northern hemisphere, meteorological).
    pub fn first_month(self) -> u32 {
        match self {
            Season::Spring => 3,
            Season::Summer => 6,
            Season::Fall => 9,
            Season::Winter => 12,
        }
    }
}

/// A part of a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PartOfDay {
    /// `MO`
    Morning,
    /// `MI` (midday)
    Midday,
    /// `AF`
    Afternoon,
    /// `EV`
    Evening,
    /// `NI`
    Night,
    /// `DT` (daytime)
    Daytime,
}

impl PartOfDay {
    /// The TIMEX3 code: `MO`, `MI`, `AF`, `EV`, `NI`, `DT`.
    pub fn code(self) -> &'static str {
        match self {
            PartOfDay::Morning => "MO",
            PartOfDay::Midday => "MI",
            PartOfDay::Afternoon => "AF",
            PartOfDay::Evening => "EV",
            PartOfDay::Night => "NI",
            PartOfDay::Daytime => "DT",
        }
    }

    /// The hour it starts (for sorting).
    fn start_hour(self) -> u32 {
        match self {
            PartOfDay::Morning => 6,
            PartOfDay::Midday => 11,
            PartOfDay::Afternoon => 12,
            PartOfDay::Evening => 18,
            PartOfDay::Night => 21,
            PartOfDay::Daytime => 8,
        }
    }
}

/// The part of a year a [`CalendarPoint`] names below the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "n")]
pub enum YearPart {
    /// The whole year (or a coarser granularity).
    None,
    /// A month, 1-12, or unknown.
    Month(Option<u8>),
    /// A quarter, 1-4, or unknown.
    Quarter(Option<u8>),
    /// A half, 1-2.
    Half(u8),
    /// A season.
    Season(Season),
    /// An ISO week, 1-53, or unknown.
    Week(Option<u8>),
}

/// A calendar date or period, possibly with unknown parts: the value of a DATE or TIME.
///
/// Fields below the [`granularity`](CalendarPoint::granularity) are ignored. `None` in a field at
/// or above the granularity means *unknown* and prints as `X`s (`XXXX-02-01`).
///
/// ```
/// use newswire::extract::times::{CalendarPoint, Granularity};
///
/// let day = CalendarPoint::day(Some(2021), Some(2), Some(1));
/// assert_eq!(day.to_timex3(), "2021-02-01");
/// assert_eq!(CalendarPoint::day(None, Some(2), Some(1)).to_timex3(), "XXXX-02-01");
/// assert_eq!(CalendarPoint::year(2021).with_granularity(Granularity::Decade).to_timex3(), "202");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct CalendarPoint {
    /// How fine the point is.
    pub granularity: Granularity,
    /// The year (for a decade its first year, for a century its first year), or unknown.
    pub year: Option<i32>,
    /// The part of the year for granularities between year and day.
    pub part: YearPart,
    /// Day of the month, 1-31, or unknown (granularity day and finer).
    pub day: Option<u8>,
    /// ISO weekday 1 (Monday) - 7 (Sunday) when the point is a weekday of an unknown week.
    pub weekday: Option<u8>,
    /// Part of the day, for [`Granularity::PartOfDay`].
    pub part_of_day: Option<PartOfDay>,
    /// Hour 0-24, for hour and minute granularity.
    pub hour: Option<u8>,
    /// Minute 0-59.
    pub minute: Option<u8>,
}

impl CalendarPoint {
    /// A point of `granularity` in `year`, with no fields below the year.
    pub(super) fn bare(granularity: Granularity, year: Option<i32>) -> Self {
        CalendarPoint {
            granularity,
            year,
            part: YearPart::None,
            day: None,
            weekday: None,
            part_of_day: None,
            hour: None,
            minute: None,
        }
    }

    /// A whole year.
    pub fn year(year: i32) -> Self {
        Self::bare(Granularity::Year, Some(year))
    }

    /// A year that may be unknown.
    pub fn year_opt(year: Option<i32>) -> Self {
        Self::bare(Granularity::Year, year)
    }

    /// A month of a year; either may be unknown.
    pub fn month(year: Option<i32>, month: Option<u32>) -> Self {
        CalendarPoint {
            part: YearPart::Month(month.and_then(|m| u8::try_from(m).ok())),
            ..Self::bare(Granularity::Month, year)
        }
    }

    /// A day; any part may be unknown.
    pub fn day(year: Option<i32>, month: Option<u32>, day: Option<u32>) -> Self {
        CalendarPoint {
            part: YearPart::Month(month.and_then(|m| u8::try_from(m).ok())),
            day: day.and_then(|d| u8::try_from(d).ok()),
            ..Self::bare(Granularity::Day, year)
        }
    }

    /// A known date.
    pub fn date(date: NaiveDate) -> Self {
        Self::day(Some(date.year()), Some(date.month()), Some(date.day()))
    }

    /// A quarter (1-4, or unknown) of a year.
    pub fn quarter(year: Option<i32>, quarter: Option<u32>) -> Self {
        CalendarPoint {
            part: YearPart::Quarter(quarter.and_then(|q| u8::try_from(q).ok())),
            ..Self::bare(Granularity::Quarter, year)
        }
    }

    /// A season of a year.
    pub fn season(year: Option<i32>, season: Season) -> Self {
        CalendarPoint {
            part: YearPart::Season(season),
            ..Self::bare(Granularity::Season, year)
        }
    }

    /// An ISO week of a year.
    pub fn week(year: Option<i32>, week: Option<u32>) -> Self {
        CalendarPoint {
            part: YearPart::Week(week.and_then(|w| u8::try_from(w).ok())),
            ..Self::bare(Granularity::Week, year)
        }
    }

    /// The ISO week containing `date`.
    pub fn week_of(date: NaiveDate) -> Self {
        let w = date.iso_week();
        Self::week(Some(w.year()), Some(w.week()))
    }

    /// A weekday (1 = Monday) of an unknown week: `XXXX-WXX-2`.
    pub fn weekday(weekday: u32) -> Self {
        CalendarPoint {
            part: YearPart::Week(None),
            weekday: u8::try_from(weekday).ok(),
            ..Self::bare(Granularity::Day, None)
        }
    }

    /// The same point with another granularity.
    pub fn with_granularity(mut self, granularity: Granularity) -> Self {
        self.granularity = granularity;
        self
    }

    /// The known date of a day-or-finer point.
    pub fn to_date(&self) -> Option<NaiveDate> {
        let YearPart::Month(Some(m)) = self.part else {
            return None;
        };
        NaiveDate::from_ymd_opt(self.year?, u32::from(m), u32::from(self.day?))
    }

    /// The first day of the interval this point names, where its year is known: the key to
    /// sort a timeline by. Unknown parts below the year count as their first value.
    pub fn start_date(&self) -> Option<NaiveDate> {
        let year = self.year?;
        let first = |m: u32| NaiveDate::from_ymd_opt(year, m, 1);
        match self.granularity {
            Granularity::Century | Granularity::Decade | Granularity::Year => first(1),
            _ => match self.part {
                YearPart::None => first(1),
                YearPart::Month(m) => {
                    let m = u32::from(m.unwrap_or(1));
                    let d = if self.granularity >= Granularity::Day {
                        u32::from(self.day.unwrap_or(1))
                    } else {
                        1
                    };
                    NaiveDate::from_ymd_opt(year, m, d)
                }
                YearPart::Quarter(q) => first(u32::from(q.unwrap_or(1)).saturating_sub(1) * 3 + 1),
                YearPart::Half(h) => first(if h == 2 { 7 } else { 1 }),
                YearPart::Season(s) => first(s.first_month()),
                YearPart::Week(w) => {
                    let wd = if self.granularity == Granularity::Weekend {
                        chrono::Weekday::Sat
                    } else {
                        chrono::Weekday::Mon
                    };
                    NaiveDate::from_isoywd_opt(year, u32::from(w.unwrap_or(1)), wd)
                }
            },
        }
    }

    /// A key that orders points on a timeline: start date, then start time, then coarser first.
    /// Points with an unknown year sort first.
    pub fn sort_key(&self) -> (Option<NaiveDate>, u32, Granularity) {
        let minutes = match (self.hour, self.part_of_day) {
            (Some(h), _) => u32::from(h) * 60 + u32::from(self.minute.unwrap_or(0)),
            (None, Some(p)) => p.start_hour() * 60,
            _ => 0,
        };
        (self.start_date(), minutes, self.granularity)
    }

    /// The TIMEX3 value string.
    pub fn to_timex3(&self) -> String {
        self.to_string()
    }
}

impl PartialOrd for CalendarPoint {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for CalendarPoint {
    fn cmp(&self, other: &Self) -> Ordering {
        self.sort_key()
            .cmp(&other.sort_key())
            .then_with(|| self.to_string().cmp(&other.to_string()))
    }
}

fn write_year(f: &mut fmt::Formatter<'_>, year: Option<i32>) -> fmt::Result {
    match year {
        Some(y) if (0..=9999).contains(&y) => {
            // Plain digits: the formatting machinery costs more than the value's other parts.
            let y = y as u32;
            let digits = [
                b'0' + (y / 1000) as u8,
                b'0' + (y / 100 % 10) as u8,
                b'0' + (y / 10 % 10) as u8,
                b'0' + (y % 10) as u8,
            ];
            f.write_str(std::str::from_utf8(&digits).unwrap_or("XXXX"))
        }
        Some(y) => write!(f, "{y}"),
        None => f.write_str("XXXX"),
    }
}

fn write_2(f: &mut fmt::Formatter<'_>, v: Option<u8>) -> fmt::Result {
    match v {
        Some(v) if v < 100 => {
            let digits = [b'0' + v / 10, b'0' + v % 10];
            f.write_str(std::str::from_utf8(&digits).unwrap_or("XX"))
        }
        Some(v) => write!(f, "{v:02}"),
        None => f.write_str("XX"),
    }
}

impl fmt::Display for CalendarPoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.granularity {
            Granularity::Century => {
                return match self.year {
                    Some(y) => write!(f, "{:02}", y.div_euclid(100)),
                    None => f.write_str("XX"),
                };
            }
            Granularity::Decade => {
                return match self.year {
                    Some(y) => write!(f, "{:03}", y.div_euclid(10)),
                    None => f.write_str("XXX"),
                };
            }
            Granularity::Year => return write_year(f, self.year),
            _ => {}
        }
        write_year(f, self.year)?;
        match self.part {
            YearPart::None => {}
            YearPart::Month(m) => {
                f.write_str("-")?;
                write_2(f, m)?;
            }
            YearPart::Quarter(q) => match q {
                Some(q) => write!(f, "-Q{q}")?,
                None => f.write_str("-QX")?,
            },
            YearPart::Half(h) => write!(f, "-H{h}")?,
            YearPart::Season(s) => write!(f, "-{}", s.code())?,
            YearPart::Week(w) => {
                f.write_str("-W")?;
                write_2(f, w)?;
            }
        }
        if self.granularity == Granularity::Weekend {
            return f.write_str("-WE");
        }
        if self.granularity < Granularity::Day {
            return Ok(());
        }
        match self.part {
            YearPart::Week(_) => match self.weekday {
                Some(d) => write!(f, "-{d}")?,
                None => f.write_str("-X")?,
            },
            _ => {
                f.write_str("-")?;
                write_2(f, self.day)?;
            }
        }
        match self.granularity {
            Granularity::PartOfDay => {
                if let Some(p) = self.part_of_day {
                    write!(f, "T{}", p.code())?;
                }
            }
            Granularity::Hour => {
                f.write_str("T")?;
                write_2(f, self.hour)?;
            }
            Granularity::Minute => {
                f.write_str("T")?;
                write_2(f, self.hour)?;
                f.write_str(":")?;
                write_2(f, self.minute)?;
            }
            _ => {}
        }
        Ok(())
    }
}

/// A unit of a [`Duration`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DurationUnit {
    /// Millennia (`L`).
    Millennium,
    /// Centuries (`C`).
    Century,
    /// Decades (`E`).
    Decade,
    /// Years (`Y`).
    Year,
    /// Quarters (`Q`).
    Quarter,
    /// Months (`M`).
    Month,
    /// Weeks (`W`).
    Week,
    /// Weekends (`WE`).
    Weekend,
    /// Days (`D`).
    Day,
    /// Hours (`TH`).
    Hour,
    /// Minutes (`TM`).
    Minute,
    /// Seconds (`TS`).
    Second,
    /// An unknown unit (`X`).
    Unknown,
}

impl DurationUnit {
    /// The TIMEX3 letter(s) of the unit.
    pub fn code(self) -> &'static str {
        match self {
            DurationUnit::Millennium => "L",
            DurationUnit::Century => "C",
            DurationUnit::Decade => "E",
            DurationUnit::Year => "Y",
            DurationUnit::Quarter => "Q",
            DurationUnit::Month | DurationUnit::Minute => "M",
            DurationUnit::Week => "W",
            DurationUnit::Weekend => "WE",
            DurationUnit::Day => "D",
            DurationUnit::Hour => "H",
            DurationUnit::Second => "S",
            DurationUnit::Unknown => "X",
        }
    }

    /// Whether the unit is written after `T` (hours, minutes, seconds).
    pub fn is_time(self) -> bool {
        matches!(
            self,
            DurationUnit::Hour | DurationUnit::Minute | DurationUnit::Second
        )
    }
}

/// An amount of time: `P3D`, `PT2H`, `P2Y6M`, `PXY` (some years).
///
/// ```
/// use newswire::extract::times::{Duration, DurationUnit};
///
/// assert_eq!(Duration::new(Some(3), DurationUnit::Day).to_timex3(), "P3D");
/// assert_eq!(Duration::new(Some(2), DurationUnit::Hour).to_timex3(), "PT2H");
/// assert_eq!(Duration::new(None, DurationUnit::Year).to_timex3(), "PXY");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Duration {
    /// The amount, or `None` when unspecified ("several years").
    pub amount: Option<u32>,
    /// The unit.
    pub unit: DurationUnit,
    /// A second, finer component ("two and a half years" = 2 years and 6 months).
    pub extra: Option<(u32, DurationUnit)>,
}

impl Duration {
    /// A duration of `amount` units.
    pub fn new(amount: Option<u32>, unit: DurationUnit) -> Self {
        Duration {
            amount,
            unit,
            extra: None,
        }
    }

    /// The TIMEX3 value string.
    pub fn to_timex3(&self) -> String {
        self.to_string()
    }
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("P")?;
        let mut in_time = false;
        let mut part = |f: &mut fmt::Formatter<'_>, n: Option<u32>, u: DurationUnit| {
            if u.is_time() && !in_time {
                in_time = true;
                f.write_str("T")?;
            }
            match n {
                Some(n) => write!(f, "{n}{}", u.code()),
                None => write!(f, "X{}", u.code()),
            }
        };
        part(f, self.amount, self.unit)?;
        if let Some((n, u)) = self.extra {
            part(f, Some(n), u)?;
        }
        Ok(())
    }
}

/// A reference to the present, past or future without a calendar value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reference {
    /// `PRESENT_REF`: "now", "currently".
    Present,
    /// `PAST_REF`: "recently", "the past".
    Past,
    /// `FUTURE_REF`: "the future", "soon".
    Future,
}

impl Reference {
    /// The TIMEX3 spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Reference::Present => "PRESENT_REF",
            Reference::Past => "PAST_REF",
            Reference::Future => "FUTURE_REF",
        }
    }
}

/// The value of a temporal expression.
///
/// ```
/// use newswire::extract::times::{CalendarPoint, TimeValue, Reference};
///
/// let v = TimeValue::Point(CalendarPoint::year(2021));
/// assert_eq!(v.to_timex3(), "2021");
/// assert_eq!(TimeValue::Reference(Reference::Past).to_string(), "PAST_REF");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum TimeValue {
    /// A calendar date, period or time (DATE and TIME).
    Point(CalendarPoint),
    /// An amount of time (DURATION).
    Duration(Duration),
    /// Present, past or future (DATE).
    Reference(Reference),
    /// Recurs every period (SET): `P1D` for "daily".
    Every(Duration),
    /// Recurs on each instance of a partly known point (SET): `XXXX-WXX-4` for "each Thursday".
    Each(CalendarPoint),
}

impl TimeValue {
    /// The TIMEX3 value string.
    pub fn to_timex3(&self) -> String {
        self.to_string()
    }

    /// The calendar point, for DATE and TIME values.
    pub fn point(&self) -> Option<&CalendarPoint> {
        match self {
            TimeValue::Point(p) => Some(p),
            _ => None,
        }
    }
}

impl fmt::Display for TimeValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TimeValue::Point(p) | TimeValue::Each(p) => p.fmt(f),
            TimeValue::Duration(d) | TimeValue::Every(d) => d.fmt(f),
            TimeValue::Reference(r) => f.write_str(r.as_str()),
        }
    }
}

/// Serializes a value as its TIMEX3 string.
pub(crate) struct Timex3<'a>(pub(crate) &'a TimeValue);

impl Serialize for Timex3<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // Written into a buffer on the stack (TIMEX3 values are short), so that the serializer
        // copies it once instead of growing a string piece by piece.
        let mut buf = StackStr {
            bytes: [0; 48],
            len: 0,
        };
        if fmt::write(&mut buf, format_args!("{}", self.0)).is_ok()
            && let Some(text) = buf.bytes.get(..buf.len)
            && let Ok(text) = std::str::from_utf8(text)
        {
            return s.serialize_str(text);
        }
        s.collect_str(self.0)
    }
}

/// A fixed-size text buffer; writing past its end is an error.
struct StackStr {
    bytes: [u8; 48],
    len: usize,
}

impl fmt::Write for StackStr {
    fn write_str(&mut self, piece: &str) -> fmt::Result {
        let end = self.len.checked_add(piece.len()).ok_or(fmt::Error)?;
        self.bytes
            .get_mut(self.len..end)
            .ok_or(fmt::Error)?
            .copy_from_slice(piece.as_bytes());
        self.len = end;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_are_written_as_the_formatter_would() {
        for y in [0, 7, 42, 999, 1000, 1989, 2021, 9999, 10_000, -5] {
            assert_eq!(
                CalendarPoint::year(y).to_timex3(),
                if (0..=9999).contains(&y) {
                    format!("{y:04}")
                } else {
                    format!("{y}")
                },
                "{y}"
            );
        }
        for m in 1..=12 {
            assert_eq!(
                CalendarPoint::month(Some(2021), Some(m)).to_timex3(),
                format!("2021-{m:02}")
            );
        }
        for d in 1..=31 {
            assert_eq!(
                CalendarPoint::day(Some(1998), Some(1), Some(d)).to_timex3(),
                format!("1998-01-{d:02}")
            );
        }
        assert_eq!(
            CalendarPoint::day(None, Some(2), None).to_timex3(),
            "XXXX-02-XX"
        );
    }

    #[test]
    fn serialized_values_are_their_timex3_strings() {
        let values = [
            TimeValue::Point(CalendarPoint::day(Some(1998), Some(2), Some(13))),
            TimeValue::Point(CalendarPoint::year(-123_456_789)),
            TimeValue::Duration(Duration::new(Some(u32::MAX), DurationUnit::Year)),
            TimeValue::Reference(Reference::Past),
        ];
        for v in &values {
            assert_eq!(
                serde_json::to_value(Timex3(v)).ok(),
                Some(serde_json::Value::String(v.to_timex3()))
            );
        }
    }
}
