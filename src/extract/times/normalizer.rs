//! Tying recognized expressions to the calendar through an anchor date and the sentence's tense.

use super::lexicon::{Holiday, Unit};
use super::recognizer::{Core, Parsed, Part, YearRef};
use super::value::{
    CalendarPoint, Granularity, Reference, Season, TimeValue, TimexMod, TimexType, YearPart,
};
use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

/// The direction a sentence looks in: decides "Friday" and "March 5" without a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Tense {
    /// A report of what happened: the Friday before the anchor.
    Past,
    /// What will happen: the Friday after.
    Future,
    /// No clear sign: the nearest.
    Unknown,
}

/// What earlier expressions of the article established.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Discourse {
    /// The last quarter mentioned (year, quarter).
    last_quarter: Option<(i32, u8)>,
    /// Where the last quarter was mentioned (byte offset).
    last_quarter_at: usize,
    /// Where the expression being resolved starts (byte offset).
    at: usize,
    /// The last year written out.
    last_year: Option<i32>,
    /// The last month named (year, month) and where.
    last_month: Option<(i32, u32, usize)>,
    /// The last day named (a weekday, a date, `yesterday`) and where.
    last_day: Option<(NaiveDate, usize)>,
    /// Where the last stretch of months other than a quarter (`the nine months`, `the first
    /// half`) was named: after the quarter, it is the period under discussion.
    stretch_at: Option<usize>,
}

/// How far back (in bytes) the day a time of day without a day of its own (`at 10 p.m.`) falls
/// on may have been named.
const TIME_OF_DAY_REACH: usize = 300;

/// How far back (in bytes) the day or month an explicit anaphor (`the previous Friday`, `the
/// following month`) counts from may have been named.
const ANAPHOR_REACH: usize = 1000;

/// A resolved expression.
pub(crate) struct Resolved {
    pub ty: TimexType,
    pub value: TimeValue,
    pub md: Option<TimexMod>,
}

fn quarter_of(d: NaiveDate) -> u8 {
    ((d.month() - 1) / 3 + 1) as u8
}

/// The calendar quarter (1-4) that most of a three-month period ending in month `m` (1-12) on
/// day `day` lies in: the quarter of its middle month, one month further back when it ends in
/// the first days of a month (`ended Oct. 1` closes July to September).
fn quarter_ended(m: u8, day: u8) -> u8 {
    let back = if day <= 7 { 2 } else { 1 };
    let middle = (u32::from(m.clamp(1, 12)) + 12 - back - 1) % 12; // 0-based
    (middle / 3 + 1) as u8
}

/// Season index (spring 0 .. winter 3) and its year for a date; January and February belong
/// to the winter of the year before.
fn season_of(d: NaiveDate) -> (i32, u8) {
    match d.month() {
        3..=5 => (d.year(), 0),
        6..=8 => (d.year(), 1),
        9..=11 => (d.year(), 2),
        12 => (d.year(), 3),
        _ => (d.year() - 1, 3),
    }
}

fn season_index(s: Season) -> u8 {
    match s {
        Season::Spring => 0,
        Season::Summer => 1,
        Season::Fall => 2,
        Season::Winter => 3,
    }
}

fn shift_months(d: NaiveDate, months: i64) -> Option<NaiveDate> {
    let m = u32::try_from(months.unsigned_abs()).ok()?;
    if months >= 0 {
        d.checked_add_months(Months::new(m))
    } else {
        d.checked_sub_months(Months::new(m))
    }
}

fn shift_days(d: NaiveDate, days: i64) -> Option<NaiveDate> {
    let n = days.unsigned_abs();
    if days >= 0 {
        d.checked_add_days(Days::new(n))
    } else {
        d.checked_sub_days(Days::new(n))
    }
}

fn weekday_num(w: Weekday) -> u8 {
    w.number_from_monday() as u8
}

/// The date of weekday `wd` relative to `a`: `dir` -1 strictly before, +1 strictly after;
/// `inclusive` lets the anchor day itself count.
fn weekday_near(a: NaiveDate, wd: u8, dir: i32, inclusive: bool) -> Option<NaiveDate> {
    let cur = i64::from(weekday_num(a.weekday()));
    let wd = i64::from(wd);
    if dir < 0 {
        let mut back = (cur - wd).rem_euclid(7);
        if back == 0 && !inclusive {
            back = 7;
        }
        shift_days(a, -back)
    } else {
        let mut fwd = (wd - cur).rem_euclid(7);
        if fwd == 0 && !inclusive {
            fwd = 7;
        }
        shift_days(a, fwd)
    }
}

fn easter(year: i32) -> Option<NaiveDate> {
    // Anonymous Gregorian algorithm.
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

fn nth_weekday(year: i32, month: u32, wd: Weekday, n: u8) -> Option<NaiveDate> {
    NaiveDate::from_weekday_of_month_opt(year, month, wd, n)
}

fn last_weekday(year: i32, month: u32, wd: Weekday) -> Option<NaiveDate> {
    let first_next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)?
    };
    let last = first_next.pred_opt()?;
    weekday_near(last, weekday_num(wd), -1, true)
}

fn holiday_date(h: Holiday, year: i32) -> Option<NaiveDate> {
    match h {
        Holiday::Christmas => NaiveDate::from_ymd_opt(year, 12, 25),
        Holiday::NewYear => NaiveDate::from_ymd_opt(year, 1, 1),
        Holiday::Thanksgiving => nth_weekday(year, 11, Weekday::Thu, 4),
        Holiday::Easter => easter(year),
        Holiday::Halloween => NaiveDate::from_ymd_opt(year, 10, 31),
        Holiday::Independence => NaiveDate::from_ymd_opt(year, 7, 4),
        Holiday::Labor => nth_weekday(year, 9, Weekday::Mon, 1),
        Holiday::Memorial => last_weekday(year, 5, Weekday::Mon),
        Holiday::Valentine => NaiveDate::from_ymd_opt(year, 2, 14),
        Holiday::Election => {
            let first_monday = nth_weekday(year, 11, Weekday::Mon, 1)?;
            first_monday.succ_opt()
        }
    }
}

/// Whether an expression names a stretch of months that reports are made for other than a
/// quarter: six, nine or twelve months, or a half year.
fn is_stretch(core: &Core) -> bool {
    use super::value::DurationUnit;
    match core {
        Core::Duration(d) => {
            d.unit == DurationUnit::Month
                && matches!(d.amount, Some(6 | 9 | 12))
                && d.extra.is_none()
        }
        Core::Part {
            part: Part::Half(_),
            ..
        } => true,
        _ => false,
    }
}

/// Picks the year among the anchor's and its neighbours that places an event (given as a
/// function from year to its start date) according to the tense.
fn pick_year(
    anchor: NaiveDate,
    tense: Tense,
    start_of: impl Fn(i32) -> Option<NaiveDate>,
) -> Option<i32> {
    let y = anchor.year();
    let cands: Vec<(i32, NaiveDate)> = [y - 1, y, y + 1]
        .into_iter()
        .filter_map(|c| start_of(c).map(|d| (c, d)))
        .collect();
    let nearest = cands
        .iter()
        .min_by_key(|(_, d)| (anchor - *d).num_days().abs())
        .map(|c| c.0);
    let preferred = match tense {
        Tense::Past => cands.iter().rev().find(|(_, d)| *d <= anchor),
        Tense::Future => cands.iter().find(|(_, d)| *d >= anchor),
        Tense::Unknown => None,
    };
    match preferred {
        Some((y, d)) if (anchor - *d).num_days().abs() <= 300 => Some(*y),
        _ => nearest,
    }
}

impl Discourse {
    /// Resolves `p` against `anchor` in a sentence of the given tense, and remembers what later
    /// expressions may refer back to.
    pub(crate) fn resolve(
        &mut self,
        p: &Parsed,
        anchor: Option<NaiveDate>,
        tense: Tense,
        at: usize,
    ) -> Option<Resolved> {
        self.at = at;
        let r = self.resolve_core(p, anchor, tense)?;
        let remembers = !matches!(
            p.core,
            Core::YearAgo | Core::YearAgoQuarter | Core::CurrentPeriod | Core::Rel { .. }
        );
        if let (false, TimeValue::Point(pt)) = (p.anaphoric, r.value) {
            if matches!(
                p.core,
                Core::Weekday { .. }
                    | Core::Calendar { day: Some(_), .. }
                    | Core::FullDate { .. }
                    | Core::Day(_)
            ) && let Some(d) = pt.to_date()
            {
                self.last_day = Some((d, at));
            }
            if let (Some(y), YearPart::Month(Some(m)), Granularity::Month | Granularity::Day) =
                (pt.year, pt.part, pt.granularity)
            {
                self.last_month = Some((y, u32::from(m), at));
            }
        }
        if is_stretch(&p.core) {
            self.stretch_at = Some(at);
        }
        if let (true, TimeValue::Point(pt)) = (remembers, r.value) {
            if matches!(
                p.core,
                Core::Year(_)
                    | Core::Calendar {
                        year: YearRef::Explicit(_),
                        ..
                    }
                    | Core::FullDate { .. }
            ) {
                self.last_year = pt.year;
            }
            if let (Granularity::Quarter, Some(y), YearPart::Quarter(Some(q))) =
                (pt.granularity, pt.year, pt.part)
            {
                // Only a quarter already under way can be the one reported on.
                let begun = anchor.is_none_or(|a| {
                    (u32::from(q) * 3)
                        .checked_sub(2)
                        .and_then(|m| NaiveDate::from_ymd_opt(y, m, 1))
                        .is_some_and(|s| s <= a)
                });
                // Near the quarter under discussion, an earlier quarter (`after a flat second
                // quarter`) or one not yet over (`a fourth-quarter charge`) is a passing
                // mention, not the one reported on.
                // One over is reported on before one under way, wherever they are named.
                let ended = |(y, q): (i32, u8)| {
                    anchor.is_none_or(|a| {
                        NaiveDate::from_ymd_opt(y, u32::from(q) * 3, 28).is_some_and(|e| e < a)
                    })
                };
                let near = self.at.saturating_sub(self.last_quarter_at) < 800;
                let passing = self
                    .last_quarter
                    .is_some_and(|l| match (ended(l), ended((y, q))) {
                        (true, false) => true,
                        (false, true) => false,
                        _ => (y, q) < l && near,
                    });
                if passing {
                    self.last_quarter_at = self.at;
                } else if begun {
                    self.last_quarter = Some((y, q));
                    self.last_quarter_at = self.at;
                }
            }
        }
        Some(r)
    }

    /// The quarter under discussion: the last one named, if named shortly before and not
    /// followed by a longer stretch of months (`for the nine months`), which then is the
    /// period under discussion.
    fn quarter_reported(&self) -> Option<(i32, u8)> {
        self.last_quarter
            .filter(|_| self.at.saturating_sub(self.last_quarter_at) < 800)
            .filter(|_| self.stretch_at.is_none_or(|s| s < self.last_quarter_at))
    }

    /// The day the story is at: the day named at most `reach` bytes before, else the anchor.
    fn story_day(&self, anchor: Option<NaiveDate>, reach: usize) -> Option<NaiveDate> {
        match self.last_day {
            Some((d, at)) if self.at.saturating_sub(at) <= reach => Some(d),
            _ => anchor,
        }
    }

    fn resolve_core(
        &mut self,
        p: &Parsed,
        anchor: Option<NaiveDate>,
        tense: Tense,
    ) -> Option<Resolved> {
        // "the previous Friday", "the following month": counted from the story's own time.
        let anchor = match p.core {
            _ if !p.anaphoric || anchor.is_none() => anchor,
            Core::Rel {
                unit: Unit::Month, ..
            } => match self.last_month {
                Some((y, m, at)) if self.at.saturating_sub(at) <= ANAPHOR_REACH => {
                    NaiveDate::from_ymd_opt(y, m, 1).or(anchor)
                }
                _ => anchor,
            },
            Core::Weekday { .. } | Core::Rel { .. } => self.story_day(anchor, ANAPHOR_REACH),
            Core::Day(off) if off != 0 => self.story_day(anchor, ANAPHOR_REACH),
            _ => anchor,
        };
        let point = |pt: CalendarPoint| TimeValue::Point(pt);
        let mut ty = TimexType::Date;
        let value = match p.core {
            Core::Calendar { year, month, day } => {
                let m = u32::from(month);
                let y = match year {
                    YearRef::Explicit(y) => Some(y),
                    YearRef::Rel(o) => anchor.map(|a| a.year() + o),
                    YearRef::Implicit => anchor.and_then(|a| match day {
                        Some(d) => pick_year(a, tense, |c| {
                            NaiveDate::from_ymd_opt(c, m, u32::from(d))
                                .or_else(|| NaiveDate::from_ymd_opt(c, m, 28))
                        }),
                        None => pick_year(a, tense, |c| {
                            let mid = NaiveDate::from_ymd_opt(c, m, 15)?;
                            match tense {
                                Tense::Past => NaiveDate::from_ymd_opt(c, m, 1),
                                Tense::Future => NaiveDate::from_ymd_opt(c, m, 28),
                                Tense::Unknown => Some(mid),
                            }
                        }),
                    }),
                };
                match day {
                    Some(d) => point(CalendarPoint::day(y, Some(m), Some(u32::from(d)))),
                    None => point(CalendarPoint::month(y, Some(m))),
                }
            }
            Core::FullDate { year, month, day } => point(CalendarPoint::day(
                Some(year),
                Some(u32::from(month)),
                Some(u32::from(day)),
            )),
            Core::Weekday { weekday, rel } => match anchor {
                Some(a) => {
                    let d = match (rel, tense) {
                        (Some(-1), _) => weekday_near(a, weekday, -1, false),
                        (Some(1), _) => weekday_near(a, weekday, 1, false),
                        (_, Tense::Future) => weekday_near(a, weekday, 1, true),
                        _ => weekday_near(a, weekday, -1, true),
                    };
                    point(CalendarPoint::date(d?))
                }
                None => point(CalendarPoint::weekday(u32::from(weekday))),
            },
            // "the 1988 period": that year's quarter under discussion, if one is.
            Core::Year(y) if p.anaphoric => match self.quarter_reported() {
                Some((_, q)) => point(CalendarPoint::quarter(Some(y), Some(u32::from(q)))),
                None => point(CalendarPoint::year(y)),
            },
            Core::Year(y) => point(CalendarPoint::year(y)),
            Core::Decade {
                first,
                century_known,
            } => {
                let mut first = first;
                if !century_known && let Some(a) = anchor {
                    let d = first.rem_euclid(100);
                    first = a.year().div_euclid(100) * 100 + d;
                    if first > a.year() {
                        first -= 100;
                    }
                }
                point(CalendarPoint::year(first).with_granularity(Granularity::Decade))
            }
            Core::Century(first) => {
                point(CalendarPoint::year(first).with_granularity(Granularity::Century))
            }
            Core::Part { part, year } => {
                let first_month = match part {
                    Part::Quarter(q) => u32::from(q.unwrap_or(1)).saturating_sub(1) * 3 + 1,
                    Part::Half(h) => {
                        if h == 2 {
                            7
                        } else {
                            1
                        }
                    }
                    Part::Season(s) => s.first_month(),
                };
                let y = match year {
                    YearRef::Explicit(y) => Some(y),
                    YearRef::Rel(o) => anchor.map(|a| a.year() + o),
                    YearRef::Implicit => anchor.map(|a| match part {
                        Part::Quarter(_) | Part::Half(_) => {
                            match NaiveDate::from_ymd_opt(a.year(), first_month, 1) {
                                Some(d) if d > a && tense == Tense::Past => a.year() - 1,
                                _ => a.year(),
                            }
                        }
                        Part::Season(s) => {
                            let (sy, si) = season_of(a);
                            let want = season_index(s);
                            match tense {
                                Tense::Past if want > si => sy - 1,
                                Tense::Future if want < si => sy + 1,
                                _ => sy,
                            }
                        }
                    }),
                };
                let q_known = match (part, self.last_quarter) {
                    (Part::Quarter(None), Some((_, q))) => Some(q),
                    (Part::Quarter(q), _) => q,
                    _ => None,
                };
                point(match part {
                    Part::Quarter(_) => CalendarPoint::quarter(y, q_known.map(u32::from)),
                    Part::Half(h) => CalendarPoint {
                        part: YearPart::Half(h),
                        ..CalendarPoint::year_opt(y).with_granularity(Granularity::Half)
                    },
                    Part::Season(s) => CalendarPoint::season(y, s),
                })
            }
            Core::Rel { unit, offset } => {
                let Some(a) = anchor else {
                    return Some(self.unanchored(p, unit));
                };
                let off = i64::from(offset);
                let pt = match unit {
                    Unit::Year => CalendarPoint::year(a.year() + offset),
                    Unit::Month => {
                        let d = shift_months(a, off)?;
                        CalendarPoint::month(Some(d.year()), Some(d.month()))
                    }
                    Unit::Week => CalendarPoint::week_of(shift_days(a, off * 7)?),
                    Unit::Weekend => {
                        let back = if offset == 0 && a.weekday().number_from_monday() <= 4 {
                            -7
                        } else {
                            0
                        };
                        CalendarPoint::week_of(shift_days(a, off * 7 + back)?)
                            .with_granularity(Granularity::Weekend)
                    }
                    Unit::Day | Unit::Night => CalendarPoint::date(shift_days(a, off)?),
                    Unit::Quarter => {
                        let d = shift_months(a, off * 3)?;
                        CalendarPoint::quarter(Some(d.year()), Some(u32::from(quarter_of(d))))
                    }
                    Unit::Season => {
                        let d = shift_months(a, off * 3)?;
                        let (sy, si) = season_of(d);
                        let s = [Season::Spring, Season::Summer, Season::Fall, Season::Winter]
                            [usize::from(si)];
                        CalendarPoint::season(Some(sy), s)
                    }
                    Unit::Decade => CalendarPoint::year(a.year().div_euclid(10) * 10 + offset * 10)
                        .with_granularity(Granularity::Decade),
                    Unit::Century => {
                        CalendarPoint::year(a.year().div_euclid(100) * 100 + offset * 100)
                            .with_granularity(Granularity::Century)
                    }
                    Unit::Millennium | Unit::Hour | Unit::Minute | Unit::Second => {
                        return Some(Resolved {
                            ty: TimexType::Date,
                            value: TimeValue::Reference(Reference::Present),
                            md: p.md,
                        });
                    }
                };
                point(pt)
            }
            Core::RelMonth {
                month,
                offset,
                latest,
            } => {
                let m = u32::from(month);
                let y = anchor.map(|a| {
                    let am = a.month();
                    match offset {
                        // The month just ended is "last month": "last February" said in March
                        // is the February of the year before (TimeBank).
                        o if o < 0 => {
                            let skip = if latest { 0 } else { 1 };
                            if m + skip < am {
                                a.year()
                            } else {
                                a.year() - 1
                            }
                        }
                        o if o > 0 => {
                            if m > am {
                                a.year()
                            } else {
                                a.year() + 1
                            }
                        }
                        _ => a.year(),
                    }
                });
                point(CalendarPoint::month(y, Some(m)))
            }
            Core::RelSeason {
                season,
                offset,
                latest,
            } => {
                let y = anchor.map(|a| {
                    let (sy, si) = season_of(a);
                    let want = season_index(season);
                    match offset {
                        // "last spring", "last fall": that season of the year before
                        // (TimeBank), the winter counted by the year it starts in.
                        o if o < 0 && latest => {
                            if want < si {
                                sy
                            } else {
                                sy - 1
                            }
                        }
                        o if o < 0 => {
                            if season == Season::Winter && a.month() <= 2 {
                                a.year() - 2
                            } else {
                                a.year() - 1
                            }
                        }
                        o if o > 0 => {
                            if want > si {
                                sy
                            } else {
                                sy + 1
                            }
                        }
                        _ if season == Season::Winter && a.month() <= 2 => a.year() - 1,
                        _ => a.year(),
                    }
                });
                point(CalendarPoint::season(y, season))
            }
            Core::Shift { amount, unit, sign } => {
                let (Some(a), Some(n)) = (anchor, amount) else {
                    let r = if sign < 0 {
                        Reference::Past
                    } else {
                        Reference::Future
                    };
                    return Some(Resolved {
                        ty: TimexType::Date,
                        value: TimeValue::Reference(r),
                        md: p.md,
                    });
                };
                let n = i64::from(n) * i64::from(sign);
                let pt = match unit {
                    Unit::Year => {
                        CalendarPoint::year(a.year().checked_add(i32::try_from(n).ok()?)?)
                    }
                    Unit::Decade => {
                        CalendarPoint::year(a.year().checked_add(i32::try_from(n * 10).ok()?)?)
                    }
                    Unit::Century => {
                        CalendarPoint::year(a.year().checked_add(i32::try_from(n * 100).ok()?)?)
                    }
                    Unit::Month => {
                        let d = shift_months(a, n)?;
                        CalendarPoint::month(Some(d.year()), Some(d.month()))
                    }
                    Unit::Quarter => {
                        let d = shift_months(a, n.checked_mul(3)?)?;
                        CalendarPoint::quarter(Some(d.year()), Some(u32::from(quarter_of(d))))
                    }
                    Unit::Season => {
                        let d = shift_months(a, n.checked_mul(6)?)?;
                        CalendarPoint::month(Some(d.year()), Some(d.month()))
                    }
                    Unit::Week | Unit::Weekend => {
                        CalendarPoint::week_of(shift_days(a, n.checked_mul(7)?)?)
                    }
                    Unit::Day | Unit::Night => CalendarPoint::date(shift_days(a, n)?),
                    Unit::Hour | Unit::Minute | Unit::Second | Unit::Millennium => {
                        CalendarPoint::date(a)
                    }
                };
                point(pt)
            }
            Core::ThatYear(off) => match (self.last_year, anchor) {
                (Some(y), _) => point(CalendarPoint::year(y + off)),
                (None, Some(a)) => point(CalendarPoint::year(a.year() + off)),
                (None, None) => point(CalendarPoint::year_opt(None)),
            },
            Core::YearAgo => match (self.quarter_reported(), anchor) {
                (Some((y, q)), _) => point(CalendarPoint::quarter(Some(y - 1), Some(u32::from(q)))),
                (None, Some(a)) => point(CalendarPoint::year(a.year() - 1)),
                (None, None) => point(CalendarPoint::year_opt(None)),
            },
            // Named as a quarter: the one under discussion, else the last one reported.
            Core::YearAgoQuarter => match (
                self.last_quarter
                    .filter(|_| self.at.saturating_sub(self.last_quarter_at) < 800),
                anchor,
            ) {
                (Some((y, q)), _) => point(CalendarPoint::quarter(Some(y - 1), Some(u32::from(q)))),
                (None, Some(a)) => {
                    let d = shift_months(a, -15)?;
                    point(CalendarPoint::quarter(
                        Some(d.year()),
                        Some(u32::from(quarter_of(d))),
                    ))
                }
                (None, None) => point(CalendarPoint::quarter(None, None)),
            },
            Core::CurrentPeriod => match (self.last_quarter, anchor) {
                // The period under discussion, if it has been reported on (ended by the anchor).
                (Some((y, q)), a)
                    if a.is_none_or(|a| {
                        NaiveDate::from_ymd_opt(y, u32::from(q) * 3, 28).is_some_and(|e| e < a)
                    }) =>
                {
                    point(CalendarPoint::quarter(Some(y), Some(u32::from(q))))
                }
                (_, None) => point(CalendarPoint::quarter(None, None)),
                (_, Some(a)) => {
                    let d = shift_months(a, -3)?;
                    point(CalendarPoint::quarter(
                        Some(d.year()),
                        Some(u32::from(quarter_of(d))),
                    ))
                }
            },
            Core::QuarterEnded { month, day } => match (
                self.last_quarter
                    .filter(|_| self.at.saturating_sub(self.last_quarter_at) < 800),
                anchor,
            ) {
                // A quarter named by number just before (`its fiscal first quarter`) is the one.
                (Some((y, q)), _) => point(CalendarPoint::quarter(Some(y), Some(u32::from(q)))),
                (None, a) => {
                    let q = quarter_ended(month, day);
                    // The latest such quarter to have ended by the anchor.
                    let y = a.map(|a| {
                        let end = NaiveDate::from_ymd_opt(a.year(), u32::from(month), 1);
                        if end.is_some_and(|e| e > a) {
                            a.year() - 1
                        } else {
                            a.year()
                        }
                    });
                    let y = match (y, q, month) {
                        // A quarter ended in January lies mostly in the year before.
                        (Some(y), 4, 1..=2) => Some(y - 1),
                        _ => y,
                    };
                    point(CalendarPoint::quarter(y, Some(u32::from(q))))
                }
            },
            // A time of day with no day of its own: the day named just before, if any.
            Core::Day(0) if p.anaphoric && anchor.is_some() => point(CalendarPoint::date(
                self.story_day(anchor, TIME_OF_DAY_REACH)?,
            )),
            Core::Day(off) => match anchor {
                Some(a) => point(CalendarPoint::date(shift_days(a, i64::from(off))?)),
                None => point(CalendarPoint::day(None, None, None)),
            },
            Core::Ref(r) => TimeValue::Reference(r),
            Core::Duration(d) => {
                ty = TimexType::Duration;
                TimeValue::Duration(d)
            }
            Core::Every(d) => {
                ty = TimexType::Set;
                TimeValue::Every(d)
            }
            Core::EachWeekday(wd) => {
                ty = TimexType::Set;
                let mut pt = CalendarPoint::weekday(u32::from(wd));
                if let Some(pd) = p.part_of_day {
                    pt.part_of_day = Some(pd);
                    pt.granularity = Granularity::PartOfDay;
                }
                TimeValue::Each(pt)
            }
            Core::EachSeason(s) => {
                ty = TimexType::Set;
                TimeValue::Each(CalendarPoint::season(None, s))
            }
            Core::EachMonth(m) => {
                ty = TimexType::Set;
                TimeValue::Each(CalendarPoint::month(None, Some(u32::from(m))))
            }
            Core::Holiday {
                holiday,
                year,
                week,
            } => {
                let y = match year {
                    YearRef::Explicit(y) => Some(y),
                    YearRef::Rel(o) => anchor.and_then(|a| {
                        let this = holiday_date(holiday, a.year())?;
                        Some(match o {
                            o if o < 0 && this >= a => a.year() - 1,
                            o if o > 0 && this <= a => a.year() + 1,
                            _ => a.year(),
                        })
                    }),
                    YearRef::Implicit => {
                        anchor.and_then(|a| pick_year(a, tense, |c| holiday_date(holiday, c)))
                    }
                };
                match y.and_then(|y| holiday_date(holiday, y)) {
                    Some(d) if week => point(CalendarPoint::week_of(d)),
                    Some(d) => point(CalendarPoint::date(d)),
                    None => match holiday_date(holiday, 2001) {
                        Some(d) if !matches!(holiday, Holiday::Easter) && !week => {
                            point(CalendarPoint::day(None, Some(d.month()), Some(d.day())))
                        }
                        _ => point(CalendarPoint::year_opt(None)),
                    },
                }
            }
        };
        let value = match value {
            // "the week of March 6": the ISO week of that day.
            TimeValue::Point(pt) if p.week_of && pt.granularity == Granularity::Day => {
                match pt.to_date() {
                    Some(date) => TimeValue::Point(CalendarPoint::week_of(date)),
                    None => TimeValue::Point(CalendarPoint::week(pt.year, None)),
                }
            }
            TimeValue::Point(mut pt) => {
                // "the day before last Tuesday": the day named, moved.
                if p.day_shift != 0
                    && pt.granularity == Granularity::Day
                    && let Some(d) = pt
                        .to_date()
                        .and_then(|d| shift_days(d, i64::from(p.day_shift)))
                {
                    pt = CalendarPoint::date(d);
                }
                if let Some((h, m)) = p.time {
                    if pt.granularity >= Granularity::Day {
                        pt.granularity = Granularity::Minute;
                        pt.hour = Some(h);
                        pt.minute = Some(m);
                        ty = TimexType::Time;
                    }
                } else if let Some(pd) = p.part_of_day {
                    // "Friday night" is annotated as the date (TimeBank); "this morning",
                    // "tonight" and "last night" keep the part of the day.
                    if matches!(p.core, Core::Weekday { .. }) {
                        ty = TimexType::Date;
                    } else if pt.granularity >= Granularity::Day {
                        pt.granularity = Granularity::PartOfDay;
                        pt.part_of_day = Some(pd);
                        ty = TimexType::Time;
                    }
                }
                TimeValue::Point(pt)
            }
            v => v,
        };
        if let Some(t) = p.ty
            && (t != TimexType::Time || matches!(value, TimeValue::Point(_)))
        {
            ty = t;
        }
        Some(Resolved {
            ty,
            value,
            md: p.md,
        })
    }

    /// Relative units without an anchor: unknown parts.
    fn unanchored(&self, p: &Parsed, unit: Unit) -> Resolved {
        let pt = match unit {
            Unit::Year => CalendarPoint::year_opt(None),
            Unit::Month => CalendarPoint::month(None, None),
            Unit::Week | Unit::Weekend => CalendarPoint::week(None, None),
            Unit::Quarter => CalendarPoint::quarter(None, None),
            _ => CalendarPoint::day(None, None, None),
        };
        let pt = if let Some(pd) = p.part_of_day {
            CalendarPoint {
                part_of_day: Some(pd),
                granularity: Granularity::PartOfDay,
                ..pt
            }
        } else {
            pt
        };
        Resolved {
            ty: TimexType::Date,
            value: TimeValue::Point(pt),
            md: p.md,
        }
    }
}

/// Every word [`tense_markers`] looks at by name (markers, and the words before them it checks).
const MARKER_WORDS: &[&str] = &[
    "will",
    "shall",
    "won't",
    "upcoming",
    "scheduled",
    "tomorrow",
    "plans",
    "planned",
    "planning",
    "plan",
    "expected",
    "expects",
    "expect",
    "intends",
    "aims",
    "might",
    "until",
    "would",
    "effective",
    "may",
    "to",
    "was",
    "were",
    "had",
    "did",
    "ago",
    "yesterday",
    "earlier",
    "wasn't",
    "weren't",
    "didn't",
    "hadn't",
    "since",
    "met",
    "said",
    "told",
    "went",
    "came",
    "took",
    "made",
    "gave",
    "held",
    "began",
    "left",
    "saw",
    "found",
    "fell",
    "rose",
    "won",
    "lost",
    "sent",
    "led",
    "paid",
    "sold",
    "bought",
    "ran",
    "became",
    "kept",
    "brought",
    "struck",
    "spoke",
    "wrote",
    "chose",
    "got",
    "hit",
    "cut",
    "put",
    "set",
    "quit",
    "shot",
    "knew",
    "thought",
    "felt",
    "meant",
    "spent",
    "broke",
    "drove",
    "flew",
    "grew",
    "stood",
    "sat",
    "woke",
    "ended",
    "closed",
    "reported",
    "announced",
    "agreed",
    "going",
    "is",
    "are",
    "due",
    "be",
    "been",
    "a",
    "an",
    "the",
    "its",
    "their",
    "his",
    "her",
    "our",
    "still",
    "soon",
    "meet",
    "meets",
    "begin",
    "begins",
    "opens",
];

/// Bit `len` of entry `letter - 'a'` set when a word of [`MARKER_WORDS`] has that first letter
/// and length.
const MARKER_LENGTHS: [u32; 26] = {
    let mut t = [0u32; 26];
    let mut k = 0;
    while k < MARKER_WORDS.len() {
        let w = MARKER_WORDS[k].as_bytes();
        t[(w[0] - b'a') as usize] |= 1 << w.len();
        k += 1;
    }
    t
};

/// Bit `len` of entry `(first & 31) << 5 | (second & 31)` set when a word of [`MARKER_WORDS`]
/// has those first two letters (in either case) and that length: a sharper filter than
/// [`MARKER_LENGTHS`] for words of two letters or more.
const MARKER_PAIRS: [u32; 1024] = {
    let mut t = [0u32; 1024];
    let mut k = 0;
    while k < MARKER_WORDS.len() {
        let w = MARKER_WORDS[k].as_bytes();
        if w.len() >= 2 {
            t[((w[0] & 31) as usize) << 5 | (w[1] & 31) as usize] |= 1 << w.len();
        }
        k += 1;
    }
    t
};

/// A rough tense of a sentence as seen from a position in it: the nearest tense marker wins.
#[cfg(test)]
pub(crate) fn tense_at(sentence: &str, pos: usize) -> Tense {
    let mut markers = Markers::default();
    markers.read(sentence);
    markers.tense(pos)
}

/// A word (or phrase) of a sentence that marks its tense.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Marker {
    /// Where it starts in the sentence.
    start: usize,
    /// Where it ends.
    end: usize,
    /// The direction it looks in.
    tense: Tense,
    /// The direction it gives an expression before it: `tense` but for a past verb of a plan,
    /// whose plan lies ahead of it and whose day named before it is gone by (`On Friday, the
    /// government planned to pay` against `the team planned to leave on Thursday`).
    fronted: Tense,
    /// Whether it decides for what follows it closely, nearer markers notwithstanding: `as
    /// soon as trading opened Monday` looks ahead.
    binding: bool,
}

impl Marker {
    fn new(start: usize, end: usize, tense: Tense) -> Self {
        Marker {
            start,
            end,
            tense,
            fronted: tense,
            binding: false,
        }
    }
}

/// How far (in bytes) after a binding marker an expression it decides for may start.
const BINDING_REACH: usize = 32;

/// How many bytes a marker after the expression counts as further away than one before it at
/// the same distance: a sentence's tense is read from what comes before an expression first.
const AFTER_PENALTY: usize = 24;

/// The tense as seen from `pos` in a sentence with these markers (from [`tense_markers`]): the
/// nearest marker wins, those before `pos` weighing a little more.
pub(crate) fn tense_from(markers: &[Marker], pos: usize) -> Tense {
    let mut best: Option<(usize, Tense)> = None;
    // The last binding marker shortly before `pos`, which decides.
    let mut bound = None;
    for (k, m) in markers.iter().enumerate() {
        let (s, e, t) = (m.start, m.end, m.tense);
        if m.binding {
            if e <= pos && pos - e <= BINDING_REACH {
                bound = Some(t);
            }
            continue;
        }
        if !deciding(markers, k) {
            continue;
        }
        let (dist, t) = if s >= pos {
            ((s - pos).saturating_add(AFTER_PENALTY), m.fronted)
        } else {
            (pos.saturating_sub(e), t)
        };
        if best.is_none_or(|(d, _)| dist < d) {
            best = Some((dist, t));
        }
    }
    bound.unwrap_or(best.map_or(Tense::Unknown, |b| b.1))
}

/// A sentence's tense markers (from [`tense_markers`]), indexed in a long sentence so that
/// [`Markers::tense`] reads the few markers near a point rather than all of them: the nearest
/// marker before a point is the last one ending before it, the nearest after it the first one
/// starting after it, as markers come in text order.
#[derive(Debug, Default)]
pub(crate) struct Markers {
    list: Vec<Marker>,
    /// For each `k` in `0..=len`: the first marker at `k` or after that may decide (neither
    /// binding nor the auxiliary of a plan), `len` if none.
    next_deciding: Vec<usize>,
    /// For each `k` in `0..=len`: one more than the last marker before `k` that may decide, 0
    /// if none.
    prev_deciding: Vec<usize>,
}

impl Markers {
    /// How many markers a sentence has before they are indexed: fewer are read in turn.
    const INDEX_FROM: usize = 16;

    /// Reads the markers of `sentence`, replacing those held.
    pub(crate) fn read(&mut self, sentence: &str) {
        self.list.clear();
        self.next_deciding.clear();
        self.prev_deciding.clear();
        tense_markers(sentence, &mut self.list);
        if self.list.len() >= Self::INDEX_FROM {
            self.index();
        }
    }

    /// Indexes the markers if both their starts and their ends ascend (as [`tense_markers`]
    /// gives them); leaves them unindexed otherwise.
    fn index(&mut self) {
        let list = &self.list;
        let ascending = list
            .windows(2)
            .all(|w| w[0].start < w[1].start && w[0].end < w[1].end);
        if !ascending {
            return;
        }
        let n = list.len();
        self.next_deciding.resize(n + 1, n);
        self.prev_deciding.resize(n + 1, 0);
        for k in (0..n).rev() {
            self.next_deciding[k] = if deciding(list, k) {
                k
            } else {
                self.next_deciding[k + 1]
            };
        }
        for k in 0..n {
            self.prev_deciding[k + 1] = if deciding(list, k) {
                k + 1
            } else {
                self.prev_deciding[k]
            };
        }
    }

    /// The tense as seen from `pos`: what [`tense_from`] gives for these markers.
    pub(crate) fn tense(&self, pos: usize) -> Tense {
        let list = &self.list;
        if self.next_deciding.len() != list.len() + 1 {
            return tense_from(list, pos);
        }
        // The last binding marker shortly before `pos` decides: those ending at `pos` or
        // before, nearest first, while within reach.
        let ended = list.partition_point(|m| m.end <= pos);
        for m in list[..ended].iter().rev() {
            if pos - m.end > BINDING_REACH {
                break;
            }
            if m.binding {
                return m.tense;
            }
        }
        // Else the nearest marker that may decide: before `pos`, the one ending last (the
        // first of those ending at `pos` or after, all at distance 0); after it, the first.
        let before_pos = list.partition_point(|m| m.start < pos);
        let before = self.prev_deciding[before_pos].checked_sub(1).map(|last| {
            let end = list[last].end.min(pos);
            let k = self.next_deciding[list.partition_point(|m| m.end < end)];
            (pos.saturating_sub(list[k].end), list[k].tense)
        });
        let after = list
            .get(self.next_deciding[before_pos])
            .map(|m| ((m.start - pos).saturating_add(AFTER_PENALTY), m.fronted));
        match (before, after) {
            (Some(b), Some(a)) if a.0 < b.0 => a.1,
            (Some(b), _) => b.1,
            (None, Some(a)) => a.1,
            (None, None) => Tense::Unknown,
        }
    }
}

/// Whether marker `k` may be the nearest that decides: not binding, and no past auxiliary of a
/// plan (`were planning`, `was expected to`), which is no report of the past.
#[inline]
fn deciding(markers: &[Marker], k: usize) -> bool {
    let Some(m) = markers.get(k) else {
        return false;
    };
    let auxiliary = m.tense == Tense::Past
        && markers.get(k + 1).is_some_and(|n| {
            n.tense == Tense::Future && !n.binding && n.start.saturating_sub(m.end) <= 1
        });
    !m.binding && !auxiliary
}

/// The `len` (at most 16) letters and apostrophes at `bytes[s..]` in lower case, zero-padded:
/// setting 0x20 lower-cases a letter and keeps `'`. Sixteen bytes are read at once where the
/// text goes on that far.
#[inline]
fn lower_word(bytes: &[u8], s: usize, len: usize) -> [u8; 16] {
    let len = len.min(16);
    let chunk = s
        .checked_add(16)
        .and_then(|e| bytes.get(s..e))
        .and_then(|c| <[u8; 16]>::try_from(c).ok());
    match chunk {
        Some(chunk) => {
            let mask = u128::MAX.checked_shr(8 * (16 - len) as u32).unwrap_or(0);
            ((u128::from_le_bytes(chunk) | 0x2020_2020_2020_2020_2020_2020_2020_2020) & mask)
                .to_le_bytes()
        }
        None => {
            let mut buf = [0u8; 16];
            for (d, c) in buf
                .iter_mut()
                .zip(bytes.get(s..).unwrap_or_default())
                .take(len)
            {
                *d = c | 0x20;
            }
            buf
        }
    }
}

#[cfg(test)]
mod lower_word_tests {
    #[test]
    fn lower_word_reads_in_place_or_at_the_end_alike() {
        let text = b"They WON'T meet; Expected AGREED x";
        for (s, len) in [(0, 4), (5, 5), (17, 8), (26, 6), (33, 1), (0, 16)] {
            let want: Vec<u8> = text[s..s + len].iter().map(|c| c | 0x20).collect();
            let got = super::lower_word(text, s, len);
            assert_eq!(&got[..len], &want[..], "{s}+{len}");
            assert!(got[len..].iter().all(|&b| b == 0), "{s}+{len}");
        }
        assert_eq!(&super::lower_word(b"Won't", 0, 5)[..5], b"won't");
    }

    #[test]
    fn every_marker_word_passes_the_pair_filter_in_either_case() {
        for w in super::MARKER_WORDS {
            for v in [w.to_string(), w.to_ascii_uppercase()] {
                let b = v.as_bytes();
                if let [x, y, ..] = *b {
                    let bits = super::MARKER_PAIRS[usize::from(x & 31) << 5 | usize::from(y & 31)];
                    assert_ne!(bits & (1 << b.len()), 0, "{v}");
                }
            }
        }
        // Words that are no marker but share a first letter and length with one are filtered.
        let bits = super::MARKER_PAIRS[usize::from(b'w' & 31) << 5 | usize::from(b'a' & 31)];
        assert_ne!(bits & (1 << 3), 0, "was");
        assert_eq!(
            bits & (1 << 4),
            0,
            "no marker of four letters starts with wa: wait, walk"
        );
    }
}

/// Whether the word before a present of a schedule verb (`meet`, `resumes`) leaves it a finite
/// verb: not after `to`, a modal, a negation or a determiner (`to meet`, `did not meet`, `a
/// visit`).
fn schedule_subject(before: &[u8]) -> bool {
    let end = before.trim_ascii_end().len();
    let start = before[..end]
        .iter()
        .rposition(|b| !b.is_ascii_alphabetic() && *b != b'\'')
        .map_or(0, |p| p + 1);
    let mut w = [0u8; 8];
    let prev = &before[start..end];
    if prev.is_empty() || prev.len() > w.len() {
        return !prev.is_empty();
    }
    for (d, c) in w.iter_mut().zip(prev) {
        *d = c.to_ascii_lowercase();
    }
    !matches!(
        &w[..prev.len()],
        b"to"
            | b"did"
            | b"didn't"
            | b"not"
            | b"never"
            | b"would"
            | b"could"
            | b"should"
            | b"can"
            | b"can't"
            | b"must"
            | b"might"
            | b"may"
            | b"will"
            | b"the"
            | b"a"
            | b"an"
            | b"its"
            | b"their"
            | b"his"
            | b"her"
            | b"our"
            | b"this"
            | b"that"
            | b"whose"
            | b"and"
            | b"or"
            | b"does"
            | b"do"
            | b"don't"
            | b"doesn't"
    )
}

/// Whether a word read as looking ahead names a plan for a time (`scheduled to`, `planned for`,
/// `expected to`, the `to` of `due to` and `set to`), which a past perfect puts in the past.
/// `rest` is the text after the word.
fn plan_word(lw: &[u8], prev_word: &str, rest: &[u8]) -> bool {
    match lw {
        b"scheduled" | b"planned" | b"planning" | b"expected" => {
            rest.starts_with(b" to ") || rest.starts_with(b" for ")
        }
        b"to" => matches!(prev_word, "due" | "set"),
        _ => false,
    }
}

/// Whether the bytes between a `had` and a plan word leave them one verb phrase: at most two
/// words in between (`had been due to`, `had originally been scheduled`) and no punctuation.
fn past_perfect_frame(between: &[u8]) -> bool {
    between.len() <= 24
        && between
            .iter()
            .all(|&b| b.is_ascii_alphabetic() || b == b' ')
        && between.iter().filter(|&&b| b == b' ').count() <= 3
}

/// The tense markers of a sentence, in order, appended to `out`.
#[inline(never)]
pub(crate) fn tense_markers(sentence: &str, out: &mut Vec<Marker>) {
    let bytes = sentence.as_bytes();
    let mut prev_word: &str = "";
    // Where the last `had` ended: a plan made in a past perfect (`had been due to`, `had been
    // scheduled to`) was for a time now past.
    let mut had_end: Option<usize> = None;
    // Where the first letter is, found once (and words are read from there): whether a word
    // opens the sentence is asked of every `until` and `as soon as`.
    let first_letter = bytes
        .iter()
        .position(u8::is_ascii_alphabetic)
        .unwrap_or(bytes.len());
    let mut i = first_letter;
    while i < bytes.len() {
        if !bytes[i].is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        let s = i;
        // Letters, eight at a time, and apostrophes (`won't`, `they'll`).
        let mut apostrophe = false;
        loop {
            i = super::scan::letter_run(bytes, i, bytes.len());
            if bytes.get(i) == Some(&b'\'') {
                i += 1;
                apostrophe = true;
            } else {
                break;
            }
        }
        // Most words are no marker: a (first letter, length) filter skips them cheaply.
        let wlen = i - s;
        let word = &bytes[s..i];
        let lengths = match *word {
            [a, b, ..] => MARKER_PAIRS[usize::from(a & 31) << 5 | usize::from(b & 31)],
            _ => MARKER_LENGTHS
                .get(usize::from((bytes[s] | 0x20).wrapping_sub(b'a')))
                .copied()
                .unwrap_or(0),
        };
        let candidate = wlen <= 12
            && (lengths & (1 << wlen) != 0
                || wlen > 4 && word[wlen - 2..].eq_ignore_ascii_case(b"ed")
                || apostrophe);
        if !candidate || wlen > 12 {
            prev_word = "";
            continue;
        }
        let buf = lower_word(bytes, s, wlen);
        let len = wlen;
        let lw: &[u8] = &buf[..len];
        // The direction a marker gives expressions before it, where it differs.
        let mut fronted = None;
        let t = match lw {
            // A sentence opening on `Until ...,` takes the tense of its main clause: `Until
            // Thursday, they had not called him a suspect`.
            b"until" if first_letter >= s => None,
            // `as soon as Tuesday`, `as soon as trading opens Monday`: a time looked forward
            // to. A sentence opening on `As soon as ...,` is a narrative's as often: its verbs
            // decide.
            b"soon"
                if s >= 3
                    && bytes[s - 3..s].eq_ignore_ascii_case(b"as ")
                    && bytes[i..].starts_with(b" as ")
                    && first_letter < s - 3 =>
            {
                out.push(Marker {
                    start: s - 3,
                    end: i + 3,
                    tense: Tense::Future,
                    fronted: Tense::Future,
                    binding: true,
                });
                None
            }
            // `planned to` as the verb of its subject (not `was planned to`, `the planned`).
            b"planned" => {
                if bytes[i..].starts_with(b" to ")
                    && !matches!(prev_word, "det" | "is" | "are" | "be" | "been")
                {
                    fronted = Some(Tense::Past);
                }
                Some(Tense::Future)
            }
            b"had" | b"hadn't" => {
                had_end = Some(i);
                Some(Tense::Past)
            }
            b"will" | b"shall" | b"won't" | b"upcoming" | b"scheduled" | b"tomorrow" | b"plans"
            | b"planning" | b"expected" | b"expects" | b"expect" | b"intends" | b"aims"
            | b"might" | b"until" | b"would" | b"effective" => Some(Tense::Future),
            // The verb, not the noun ("the plan"): "did not plan to remove".
            b"plan" if prev_word != "det" && bytes[i..].starts_with(b" to ") => Some(Tense::Future),
            // "may" the modal, not the month.
            b"may" if bytes[s].is_ascii_lowercase() => Some(Tense::Future),
            b"to" if matches!(prev_word, "going" | "is" | "are" | "due" | "set") => {
                Some(Tense::Future)
            }
            // A present of a schedule: `they meet separately Monday`, `the convention begins
            // Monday`, `the show, which opens Thursday`. Lower case only (not `Meet the
            // Press`), and no form that is as often a noun or an adjective (`a rocky start`,
            // `stay open`). Few words, as each one more lets more words through the filter.
            b"meet" | b"meets" | b"begin" | b"begins" | b"opens"
                if bytes[s].is_ascii_lowercase()
                    && prev_word != "det"
                    && schedule_subject(&bytes[..s]) =>
            {
                Some(Tense::Future)
            }
            b"was" | b"were" | b"did" | b"ago" | b"yesterday" | b"earlier" | b"wasn't"
            | b"weren't" | b"didn't" | b"since" | b"met" | b"said" | b"told" | b"went"
            | b"came" | b"took" | b"made" | b"gave" | b"held" | b"began" | b"left" | b"saw"
            | b"found" | b"fell" | b"rose" | b"won" | b"lost" | b"sent" | b"led" | b"paid"
            | b"sold" | b"bought" | b"ran" | b"became" | b"kept" | b"brought" | b"struck"
            | b"spoke" | b"wrote" | b"chose" | b"got" | b"hit" | b"cut" | b"put" | b"set"
            | b"quit" | b"shot" | b"knew" | b"thought" | b"felt" | b"meant" | b"spent"
            | b"broke" | b"drove" | b"flew" | b"grew" | b"stood" | b"sat" | b"woke" | b"ended"
            | b"closed" | b"reported" | b"announced" | b"agreed" => Some(Tense::Past),
            _ if lw.ends_with(b"'ll") => Some(Tense::Future),
            _ if lw.len() > 4
                && lw.ends_with(b"ed")
                && !matches!(
                    lw,
                    b"need"
                        | b"indeed"
                        | b"expected"
                        | b"scheduled"
                        | b"planned"
                        | b"proposed"
                        | b"based"
                        | b"related"
                        | b"limited"
                        | b"united"
                        | b"concerned"
                        | b"interested"
                        | b"required"
                        | b"supposed"
                        | b"listed"
                )
                && prev_word != "det"
                && prev_word != "be"
                && prev_word != "been"
                && prev_word != "is"
                && prev_word != "are"
                && prev_word != "will" =>
            {
                Some(Tense::Past)
            }
            _ => None,
        };
        // A participle after "be" or "will" is passive or future, not past: "would be paid".
        let passive = matches!(prev_word, "be" | "been" | "is" | "are" | "will");
        let t = t.filter(|&t| !(t == Tense::Past && passive));
        let t = match (t, had_end) {
            (Some(Tense::Future), Some(e))
                if plan_word(lw, prev_word, &bytes[i..]) && past_perfect_frame(&bytes[e..s]) =>
            {
                Some(Tense::Past)
            }
            _ => t,
        };
        if let Some(t) = t {
            let mut m = Marker::new(s, i, t);
            if let Some(f) = fronted {
                m.fronted = f;
            }
            out.push(m);
        }
        prev_word = match lw {
            b"going" => "going",
            b"is" => "is",
            b"are" => "are",
            b"due" => "due",
            b"set" => "set",
            b"be" => "be",
            b"been" => "been",
            b"will" => "will",
            // After a determiner an "-ed" word is an adjective: "a still unspecified date".
            b"a" | b"an" | b"the" | b"its" | b"their" | b"his" | b"her" | b"our" | b"still" => {
                "det"
            }
            _ => "",
        };
    }
}

#[cfg(test)]
mod marker_index_tests {
    use super::*;
    use proptest::prelude::*;

    fn tense(k: u8) -> Tense {
        [Tense::Past, Tense::Future, Tense::Unknown][usize::from(k % 3)]
    }

    /// Markers whose starts and ends both ascend, as [`tense_markers`] gives them, some of them
    /// overlapping (`as soon as soon as`).
    fn ascending() -> impl Strategy<Value = Vec<Marker>> {
        proptest::collection::vec(
            (0usize..40, 1usize..10, 0u8..3, 0u8..3, any::<bool>()),
            0..60,
        )
        .prop_map(|raw| {
            let (mut start, mut end) = (0, 0);
            raw.into_iter()
                .map(|(gap, len, t, f, binding)| {
                    start += 1 + gap;
                    end = (start + len).max(end + 1);
                    Marker {
                        start,
                        end,
                        tense: tense(t),
                        fronted: tense(f),
                        binding,
                    }
                })
                .collect()
        })
    }

    /// Words that make markers of every kind, and others.
    const WORDS: &[&str] = &[
        "until",
        "as",
        "soon",
        "Until",
        "said",
        "will",
        "planned",
        "to",
        "were",
        "planning",
        "had",
        "been",
        "scheduled",
        "expected",
        "due",
        "set",
        "the",
        "meet",
        "they",
        "opened",
        "ago",
        "Friday",
        "1",
        ",",
        "won't",
        "was",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn indexed_markers_give_the_tense_every_marker_gives(markers in ascending(), at in 0usize..10_000) {
            let pos = at % (markers.last().map_or(0, |m| m.end) + 40);
            let mut indexed = Markers { list: markers.clone(), ..Markers::default() };
            indexed.index();
            prop_assert_eq!(indexed.next_deciding.len(), markers.len() + 1);
            prop_assert_eq!(indexed.tense(pos), tense_from(&markers, pos));
        }

        #[test]
        fn a_sentence_read_gives_the_tense_its_markers_give(
            words in proptest::collection::vec(proptest::sample::select(WORDS), 0..120),
            at in 0usize..1000,
        ) {
            let sentence = words.join(" ");
            let mut list = Vec::new();
            super::tense_markers(&sentence, &mut list);
            let mut markers = Markers::default();
            markers.read(&sentence);
            let pos = at % (sentence.len() + 1);
            prop_assert_eq!(markers.tense(pos), tense_from(&list, pos));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn easter_dates() {
        assert_eq!(easter(1998), NaiveDate::from_ymd_opt(1998, 4, 12));
        assert_eq!(easter(2000), NaiveDate::from_ymd_opt(2000, 4, 23));
        assert_eq!(easter(2024), NaiveDate::from_ymd_opt(2024, 3, 31));
    }

    #[test]
    fn tense_markers() {
        assert_eq!(tense_at("He will meet them Friday.", 17), Tense::Future);
        assert_eq!(tense_at("He met them Friday.", 12), Tense::Past);
        assert_eq!(tense_at("They sit there Friday.", 15), Tense::Unknown);
        assert_eq!(tense_at("They talked Friday.", 12), Tense::Past);
        // "would" and "effective" look ahead.
        assert_eq!(tense_at("It would be paid in January.", 20), Tense::Future);
        assert_eq!(tense_at("A new pact effective June 1.", 21), Tense::Future);
        // One reading of a sentence's markers serves every position in it.
        let sentence = "They met on Friday and will meet again on Monday.";
        let mut markers = Vec::new();
        super::tense_markers(sentence, &mut markers);
        assert_eq!(tense_from(&markers, 12), Tense::Past);
        assert_eq!(tense_from(&markers, 42), Tense::Future);
        assert_eq!(tense_from(&[], 3), Tense::Unknown);
        // `as soon as` decides for what follows it closely, and only that.
        let sentence = "Buyers said they would buy as soon as trading opened Monday.";
        assert_eq!(tense_at(sentence, 52), Tense::Future);
        assert_eq!(
            tense_at("As soon as the rally ended, the police left on Monday.", 47),
            Tense::Past
        );
        assert_eq!(tense_at("They came as soon as Monday.", 21), Tense::Future);
        let sentence = "As soon as the votes were counted Monday, the fight began.";
        assert_eq!(tense_at(sentence, 34), Tense::Past);
        // "plan to" looks ahead; the noun does not.
        assert_eq!(
            tense_at("They did not plan to leave on Friday.", 31),
            Tense::Future
        );
        assert_eq!(
            tense_at("They met on the proposed plan on Friday.", 33),
            Tense::Past
        );
        // A past auxiliary of a plan looks ahead with it.
        assert_eq!(
            tense_at("They were planning to march on Saturday.", 32),
            Tense::Future
        );
        assert_eq!(
            tense_at("The vote was expected on Friday.", 25),
            Tense::Future
        );
        // "since" looks back.
        assert_eq!(tense_at("Prices are up since March 3.", 20), Tense::Past);
        // An "-ed" adjective after a determiner is not a past tense.
        assert_eq!(
            tense_at("It would go out on a still unnamed date in June.", 43),
            Tense::Future
        );
        // A marker before the expression outweighs a nearer participle after it.
        assert_eq!(
            tense_at(
                "Flights will almost double by August in markets untouched.",
                30
            ),
            Tense::Future
        );
    }
}
