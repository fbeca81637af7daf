//! The grammar: token patterns into unresolved temporal expressions.

use super::lexicon::{Deictic, Frequency, Holiday, Lex, Unit, Word};
use super::scan::{Kind, Tok};
use super::value::{Duration, DurationUnit, PartOfDay, Reference, Season, TimexMod, TimexType};

/// Words before a season that make it a point in the calendar: `in spring`, `last fall`.
const SEASON_LEAD: &[Word] = &[
    Word::In,
    Word::This,
    Word::Last,
    Word::Next,
    Word::Early,
    Word::Late,
    Word::The,
    Word::Mid,
    Word::Past,
    Word::Coming,
];

/// Nouns after `today's` that make it the present in general (`today's youth`), not a day.
const GENERIC_NOW: &[&str] = &[
    "world",
    "youth",
    "society",
    "generation",
    "generations",
    "young",
    "kids",
    "children",
    "teenagers",
    "families",
    "parents",
    "students",
    "consumers",
    "culture",
    "standards",
    "technology",
];

/// A year as the text gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum YearRef {
    /// Written out: `1998`.
    Explicit(i32),
    /// Relative to the anchor year: `last year` = -1.
    Rel(i32),
    /// Not given: decided by the anchor and the tense.
    Implicit,
}

/// The part of a year an expression names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    Quarter(Option<u8>),
    Half(u8),
    Season(Season),
}

/// What an expression says, before it is tied to the calendar.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Core {
    /// A month, a month-day, a weekday-month-day: `March`, `Oct. 23, 1999`.
    Calendar {
        year: YearRef,
        month: u8,
        day: Option<u8>,
    },
    /// A day by its weekday: `Friday` (rel None: by tense), `last Friday` (-1), `next Friday` (+1).
    Weekday { weekday: u8, rel: Option<i32> },
    /// A year: `1998`, `fiscal 1989`.
    Year(i32),
    /// A decade by its first year: `the 1990s` = 1990. `century_known` false for `the '80s`.
    Decade { first: i32, century_known: bool },
    /// A century by its first year: `the 20th century` = 1900.
    Century(i32),
    /// A quarter, half or season of a year.
    Part { part: Part, year: YearRef },
    /// The unit containing the anchor moved by `offset`: `this week`, `last year`.
    Rel { unit: Unit, offset: i32 },
    /// A month by `last`/`next`/`this`: `last April`. `latest` for `this past April`: the most
    /// recent one, even the month just ended.
    RelMonth {
        month: u8,
        offset: i32,
        latest: bool,
    },
    /// A season by `last`/`next`/`this`; `latest` as for months.
    RelSeason {
        season: Season,
        offset: i32,
        latest: bool,
    },
    /// The anchor moved by an amount: `two weeks ago` (sign -1), `three days from now` (+1).
    Shift {
        amount: Option<u32>,
        unit: Unit,
        sign: i32,
    },
    /// One year before the period under discussion: `a year earlier`, `year-ago`.
    YearAgo,
    /// The quarter a year before the one under discussion, named as a quarter or period:
    /// `the year-ago quarter`, `the quarter a year ago`.
    YearAgoQuarter,
    /// The year last written out, moved by an offset: `that year`, `the following year`.
    ThatYear(i32),
    /// The reporting period under discussion: `the quarter`, `the latest quarter`.
    CurrentPeriod,
    /// A quarter named by the day it ended: `the quarter ended Sept. 30`. The quarter under
    /// discussion if one was named by its number (a fiscal quarter), else the calendar quarter
    /// most of it lies in.
    QuarterEnded { month: u8, day: u8 },
    /// `today`, `yesterday`, `tomorrow`, `tonight`.
    Day(i32),
    /// A present/past/future reference.
    Ref(Reference),
    /// An amount of time.
    Duration(Duration),
    /// Recurring every period.
    Every(Duration),
    /// Recurring each weekday (`each Thursday`).
    EachWeekday(u8),
    /// Recurring each month (`each July`).
    EachMonth(u8),
    /// Recurring each season (`every summer`, `the past three summers`).
    EachSeason(Season),
    /// A holiday in a year, or the week it falls in (`Easter week`).
    Holiday {
        holiday: Holiday,
        year: YearRef,
        week: bool,
    },
    /// A date written in full: `1998-03-15`, `3/15/98`.
    FullDate { year: i32, month: u8, day: u8 },
}

/// A recognized expression: its token range and what it says.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Parsed {
    pub core: Core,
    /// `morning`, `night`... after a day.
    pub part_of_day: Option<PartOfDay>,
    /// Hour (0-24) and minute of a clock time; `5 p.m.` has minute 0.
    pub time: Option<(u8, u8)>,
    pub md: Option<TimexMod>,
    pub ty: Option<TimexType>,
    /// `the week of March 6`: the week the day falls in.
    pub week_of: bool,
    /// Days to move the day named: `the day before last Tuesday` = -1.
    pub day_shift: i8,
    /// Told from the story's own time rather than the anchor: a time of day without a day of
    /// its own (`at 10 p.m.`, `in the morning`) falls on the day last named, `the previous
    /// Friday` counts back from it, `the following month` on from the month last named; `the
    /// 1988 period` is that year's quarter under discussion.
    pub anaphoric: bool,
}

impl Parsed {
    fn new(core: Core) -> Self {
        Parsed {
            core,
            part_of_day: None,
            time: None,
            md: None,
            ty: None,
            week_of: false,
            day_shift: 0,
            anaphoric: false,
        }
    }
    fn with_mod(mut self, md: Option<TimexMod>) -> Self {
        if md.is_some() {
            self.md = md;
        }
        self
    }
}

/// A match: tokens `start..end` of the window.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Match {
    pub start: usize,
    pub end: usize,
    pub parsed: Parsed,
}

/// An amount in words or digits.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Amount {
    value: Option<u32>,
    half: bool,
    approx: bool,
}

pub(crate) struct Grammar<'t> {
    t: &'t [Tok],
    src: &'t str,
}

impl<'t> Grammar<'t> {
    pub(crate) fn new(t: &'t [Tok], src: &'t str) -> Self {
        Grammar { t, src }
    }

    /// All matches, left to right, longest first at each position, not overlapping.
    pub(crate) fn matches(&self, out: &mut Vec<Match>) {
        self.matches_by(out, |i| self.parse_at(i));
    }

    /// [`matches`](Self::matches) trying every rule at every token, without
    /// [`may_start`](Self::may_start): the reference the property test holds it to.
    #[cfg(test)]
    fn matches_reference(&self, out: &mut Vec<Match>) {
        self.matches_by(out, |i| {
            let mut best: Option<(usize, Parsed)> = None;
            for c in [self.modified(i), self.with_the(i), self.core_with_time(i)]
                .into_iter()
                .flatten()
            {
                if best.is_none_or(|(be, _)| c.0 > be) {
                    best = Some(c);
                }
            }
            best
        });
    }

    /// The matches that `parse` (the longest match at a token, and where it ends) finds, left
    /// to right, not overlapping.
    #[inline(always)]
    fn matches_by(&self, out: &mut Vec<Match>, parse: impl Fn(usize) -> Option<(usize, Parsed)>) {
        let mut i = 0;
        while i < self.t.len() {
            if let Some((end, parsed)) = parse(i) {
                out.push(Match {
                    start: i,
                    end,
                    parsed,
                });
                i = end.max(i + 1);
                // "April 24 and 25", "March 1 to 5": the second day of the same month.
                if matches!(parsed.core, Core::Calendar { day: Some(_), .. })
                    && let Some(m) = self.second_day(end, &parsed)
                {
                    i = m.end;
                    out.push(m);
                }
            } else {
                i += 1;
            }
        }
    }

    /// The bare day number after a month-day that ended at `end` (`April 24 and 25`, `March 1
    /// to 5`), as a date of the same month: a later day, joined by `and`, `or`, `to`, `through`
    /// or a dash, and not itself the amount of something (`and 25 people`).
    #[cold]
    #[inline(never)]
    fn second_day(&self, end: usize, first: &Parsed) -> Option<Match> {
        let Core::Calendar {
            year,
            month,
            day: Some(d1),
        } = first.core
        else {
            return None;
        };
        if first.time.is_some() || first.part_of_day.is_some() {
            return None;
        }
        let joined = matches!(
            self.lex(end),
            Some(Lex::Word(Word::And | Word::Or | Word::To | Word::Through))
        ) || self.p(end, b'-');
        let k = end + 1;
        let (n, len) = self.num(k)?;
        let d2 = u8::try_from(n)
            .ok()
            .filter(|d| len <= 2 && *d > d1 && *d <= 31)?;
        let after_ok = match self.t.get(k + 1) {
            None => true,
            Some(t) if t.kind == Kind::Word => matches!(
                self.lex(k + 1),
                Some(Lex::Word(
                    Word::And | Word::Or | Word::In | Word::At | Word::On | Word::By | Word::During
                ))
            ),
            Some(_) => {
                // Not a percentage, a decimal, a clock time, a range of amounts, a fraction, nor
                // the day of a date with its own year (`25, 1999` is taken whole elsewhere).
                let glued_num = self.glued(k + 2) && self.num(k + 2).is_some();
                !self.p(k + 1, b'%')
                    && !((self.p(k + 1, b'.')
                        || self.p(k + 1, b':')
                        || self.p(k + 1, b'-')
                        || self.p(k + 1, b'/'))
                        && glued_num)
                    && !(self.p(k + 1, b',') && self.num(k + 2).is_some())
            }
        };
        (joined && after_ok).then(|| Match {
            start: k,
            end: k + 1,
            parsed: Parsed::new(Core::Calendar {
                year,
                month,
                day: Some(d2),
            }),
        })
    }

    // ---- token helpers ----

    fn lex(&self, i: usize) -> Option<Lex> {
        self.t.get(i)?.lex
    }
    fn w(&self, i: usize, w: Word) -> bool {
        self.lex(i) == Some(Lex::Word(w))
    }
    /// Whether the token before `i` is one of `words`.
    fn after_word(&self, i: usize, words: &[Word]) -> bool {
        i.checked_sub(1)
            .and_then(|j| self.lex(j))
            .is_some_and(|l| matches!(l, Lex::Word(w) if words.contains(&w)))
    }
    fn p(&self, i: usize, c: u8) -> bool {
        self.t.get(i).is_some_and(|t| t.kind == Kind::Punct(c))
    }
    fn text(&self, i: usize) -> &str {
        self.t.get(i).map_or("", |t| &self.src[t.start..t.end])
    }
    fn glued(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.glued)
    }
    fn cap(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.cap)
    }
    fn num(&self, i: usize) -> Option<(u64, usize)> {
        let t = self.t.get(i)?;
        (t.kind == Kind::Num).then_some((t.num, t.len()))
    }
    fn is_word(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.kind == Kind::Word)
    }
    /// `i + 1` past a hyphen glued on both sides at `i`, else `i`.
    fn hyph(&self, i: usize) -> usize {
        if self.p(i, b'-') && self.glued(i) && self.glued(i + 1) {
            i + 1
        } else {
            i
        }
    }
    /// Whether a hyphen glued on both sides is at `i`.
    fn is_hyph(&self, i: usize) -> bool {
        self.hyph(i) != i
    }
    /// A glued suffix word at `i` equal (case-insensitively) to one of `sfx`.
    fn suffix(&self, i: usize, sfx: &[&str]) -> bool {
        self.glued(i) && self.is_word(i) && sfx.iter().any(|s| self.text(i).eq_ignore_ascii_case(s))
    }
    fn unit(&self, i: usize) -> Option<(Unit, bool)> {
        match self.lex(i)? {
            Lex::Unit(u) => Some((u, false)),
            Lex::Units(u) => Some((u, true)),
            Lex::PartOfDay(PartOfDay::Night) if self.text(i).eq_ignore_ascii_case("nights") => {
                Some((Unit::Night, true))
            }
            _ => None,
        }
    }
    /// Optional `.` after an abbreviation.
    fn dot(&self, i: usize) -> usize {
        if self.p(i, b'.') && self.glued(i) {
            i + 1
        } else {
            i
        }
    }
    /// `'s` glued at `i`.
    fn possessive(&self, i: usize) -> Option<usize> {
        ((self.p(i, b'\'') || self.text(i) == "\u{2019}")
            && self.glued(i)
            && self.suffix(i + 1, &["s"]))
        .then_some(i + 2)
    }

    // ---- numbers ----

    /// A small cardinal in digits or words (`12`, `twenty-four`, `a`, `several`).
    fn amount(&self, i: usize) -> Option<(usize, Amount)> {
        let plain = |v: u32, j: usize| {
            Some((
                j,
                Amount {
                    value: Some(v),
                    half: false,
                    approx: false,
                },
            ))
        };
        if let Some((v, len)) = self.num(i) {
            if len > 6 || v > 100_000 || len == 4 && (1800..2100).contains(&v) {
                return None;
            }
            // Thousands groups, decimals and ratios are not amounts of time units.
            if (self.p(i + 1, b',') || self.p(i + 1, b'.') || self.p(i + 1, b':'))
                && self.glued(i + 1)
                && self.num(i + 2).is_some()
                && self.glued(i + 2)
            {
                return None;
            }
            if self.glued(i)
                && self
                    .t
                    .get(i.wrapping_sub(1))
                    .is_some_and(|t| t.kind != Kind::Punct(b'-'))
                && i > 0
            {
                return None;
            }
            let v = v as u32;
            // 2 1/2
            if self.num(i + 1) == Some((1, 1))
                && self.p(i + 2, b'/')
                && self.num(i + 3) == Some((2, 1))
            {
                return Some((
                    i + 4,
                    Amount {
                        value: Some(v),
                        half: true,
                        approx: false,
                    },
                ));
            }
            return plain(v, i + 1);
        }
        match self.lex(i)? {
            Lex::Number(n) => {
                let n = u32::from(n);
                if self.lex(i + 1) == Some(Lex::Hundred) {
                    return plain(n * 100, i + 2);
                }
                plain(n, i + 1)
            }
            Lex::Tens(t) => {
                let j = self.hyph(i + 1);
                if let Some(Lex::Number(u)) = self.lex(j)
                    && u < 10
                {
                    return plain(u32::from(t + u), j + 1);
                }
                plain(u32::from(t), i + 1)
            }
            Lex::Word(Word::A) => {
                if self.lex(i + 1) == Some(Lex::Hundred) {
                    return plain(100, i + 2);
                }
                if self.w(i + 1, Word::Few) {
                    return Some((
                        i + 2,
                        Amount {
                            value: None,
                            half: false,
                            approx: false,
                        },
                    ));
                }
                if self.w(i + 1, Word::Couple) {
                    let j = if self.w(i + 2, Word::Of) {
                        i + 3
                    } else {
                        i + 2
                    };
                    return Some((
                        j,
                        Amount {
                            value: Some(2),
                            half: false,
                            approx: true,
                        },
                    ));
                }
                if self.text(i + 1).eq_ignore_ascii_case("dozen") {
                    return plain(12, i + 2);
                }
                plain(1, i + 1)
            }
            // "the next couple of years"
            Lex::Word(Word::Couple) if self.w(i + 1, Word::Of) => Some((
                i + 2,
                Amount {
                    value: Some(2),
                    half: false,
                    approx: true,
                },
            )),
            Lex::Word(Word::Several | Word::Few | Word::Many | Word::Some) => Some((
                i + 1,
                Amount {
                    value: None,
                    half: false,
                    approx: false,
                },
            )),
            Lex::Hundred => plain(100, i + 1),
            _ => None,
        }
    }

    /// A four-digit year (1000-2099) at `i`, not part of a larger number.
    fn year_num(&self, i: usize) -> Option<i32> {
        let (v, len) = self.num(i)?;
        if len != 4 || !(1000..=2099).contains(&v) {
            return None;
        }
        // A thousands group, decimal or ratio (`1998,000`, `1998.5`) is glued on both sides;
        // a list of years (`in 1994, 1995 and 1997`) is not.
        if (self.p(i + 1, b',')
            || self.p(i + 1, b'.')
            || self.p(i + 1, b'/')
            || self.p(i + 1, b':'))
            && self.glued(i + 1)
            && self.num(i + 2).is_some()
            && self.glued(i + 2)
        {
            return None;
        }
        if i > 0
            && self.glued(i)
            && (self.p(i - 1, b'$')
                || self.p(i - 1, b'.')
                || self.p(i - 1, b',')
                || self.p(i - 1, b'/'))
        {
            return None;
        }
        if self.p(i + 1, b'%') {
            return None;
        }
        i32::try_from(v).ok()
    }

    /// A day of the month: `5`, `5th`, `fifth`. Returns (end, day).
    fn day_num(&self, i: usize) -> Option<(usize, u8)> {
        if let Some((v, len)) = self.num(i) {
            if len <= 2 && (1..=31).contains(&v) {
                if self.num(i + 1).is_some()
                    || (self.p(i + 1, b'.') || self.p(i + 1, b':') || self.p(i + 1, b'/'))
                        && self.glued(i + 1)
                        && self.num(i + 2).is_some()
                {
                    return None;
                }
                let j = if self.suffix(i + 1, &["st", "nd", "rd", "th"]) {
                    i + 2
                } else {
                    i + 1
                };
                return Some((j, v as u8));
            }
            return None;
        }
        match self.lex(i)? {
            Lex::Ordinal(n) if (1..=31).contains(&n) => Some((i + 1, n)),
            _ => None,
        }
    }

    /// A year after a month or day: `, 1998`, `1998`, `'98`.
    fn year_after(&self, i: usize) -> Option<(usize, i32)> {
        let j = if self.p(i, b',') { i + 1 } else { i };
        if let Some(y) = self.year_num(j) {
            return Some((j + 1, y));
        }
        None
    }

    /// Part of a day word at `i`.
    fn pod(&self, i: usize) -> Option<PartOfDay> {
        match self.lex(i)? {
            Lex::PartOfDay(p) => Some(p),
            _ => None,
        }
    }

    /// `a.m.`/`p.m.`/`am`/`pm` at `i`: (end, is_pm).
    fn ampm(&self, i: usize) -> Option<(usize, bool)> {
        let t = self.text(i);
        let pm = if t.eq_ignore_ascii_case("a") {
            false
        } else if t.eq_ignore_ascii_case("p") {
            true
        } else if t.eq_ignore_ascii_case("am") || t.eq_ignore_ascii_case("pm") {
            return Some((i + 1, t.eq_ignore_ascii_case("pm")));
        } else {
            return None;
        };
        if self.p(i + 1, b'.')
            && self.glued(i + 1)
            && self.glued(i + 2)
            && self.text(i + 2).eq_ignore_ascii_case("m")
        {
            let mut j = i + 3;
            if self.p(j, b'.') && self.glued(j) {
                // Keep the final period unless it ends the sentence.
                let next_cap = self.t.get(j + 1).is_none_or(|t| t.cap || t.newline);
                let next_day = matches!(
                    self.lex(j + 1),
                    Some(Lex::Weekday(_) | Lex::Month(_) | Lex::MonthAbbr(_) | Lex::Zone)
                );
                if !next_cap || next_day {
                    j += 1;
                }
            }
            return Some((j, pm));
        }
        None
    }

    /// A month name at `i` that is really a month here: (end, month).
    fn month(&self, i: usize) -> Option<(usize, u8)> {
        match self.lex(i)? {
            Lex::Month(m) => {
                if !self.cap(i) {
                    return None;
                }
                let txt = self.text(i);
                let allcaps = txt.len() > 1 && txt.bytes().all(|b| b.is_ascii_uppercase());
                if allcaps && m == 5 {
                    return None;
                }
                if m == 5 || m == 3 {
                    // "May" and "March" are also a verb: need a date-like neighbour.
                    let next_ok = self.num(i + 1).is_some()
                        || self.w(i + 1, Word::Last)
                        || self.w(i + 1, Word::This)
                        || self.w(i + 1, Word::Next)
                        || self.w(i + 1, Word::Of) && self.year_num(i + 2).is_some()
                        || self.p(i + 1, b',')
                        || self.p(i + 1, b'.')
                        || self.p(i + 1, b';')
                        || self.t.get(i + 1).is_none();
                    let prev_ok = i > 0
                        && matches!(
                            self.lex(i - 1),
                            Some(Lex::Word(
                                Word::In
                                    | Word::Early
                                    | Word::Late
                                    | Word::Mid
                                    | Word::Last
                                    | Word::Next
                                    | Word::This
                                    | Word::Of
                                    | Word::Since
                                    | Word::Until
                                    | Word::Before
                                    | Word::After
                                    | Word::Through
                                    | Word::From
                                    | Word::To
                                    | Word::By
                                    | Word::End
                                    | Word::Beginning
                                    | Word::Each
                                    | Word::Every
                                    | Word::During
                            ))
                        );
                    // "the March accession": a month before the noun it dates, not a march.
                    let dates_noun = i > 0
                        && self.w(i - 1, Word::The)
                        && self
                            .t
                            .get(i + 1)
                            .is_some_and(|t| t.kind == Kind::Word && !t.cap && t.lex.is_none());
                    // "Sunday, March eighth": a month-day after a weekday.
                    let after_weekday = i >= 2
                        && self.p(i - 1, b',')
                        && matches!(self.lex(i - 2), Some(Lex::Weekday(_)))
                        && self.day_num(i + 1).is_some();
                    if !(prev_ok
                        || dates_noun
                        || after_weekday
                        || next_ok && self.num(i + 1).is_some())
                    {
                        return None;
                    }
                }
                Some((i + 1, m))
            }
            Lex::MonthAbbr(m) => {
                if !self.cap(i) {
                    return None;
                }
                let j = self.dot(i + 1);
                if j == i + 1 && self.num(i + 1).is_none() {
                    return None;
                }
                Some((j, m))
            }
            _ => None,
        }
    }

    /// A weekday at `i`: (end, weekday).
    fn weekday(&self, i: usize) -> Option<(usize, u8)> {
        match self.lex(i)? {
            Lex::Weekday(d) => Some((i + 1, d)),
            _ => None,
        }
    }

    // ---- the rules ----

    /// The longest expression starting at token `i`.
    fn parse_at(&self, i: usize) -> Option<(usize, Parsed)> {
        let t = self.t.get(i)?;
        if !self.may_start(i, t) {
            return None;
        }
        let mut best: Option<(usize, Parsed)> = None;
        let mut consider = |c: Option<(usize, Parsed)>| {
            if let Some((e, p)) = c
                && best.is_none_or(|(be, _)| e > be)
            {
                best = Some((e, p));
            }
        };
        consider(self.modified(i));
        consider(self.with_the(i));
        consider(self.core_with_time(i));
        best
    }

    /// Whether a rule may match from token `t` at `i`: false only where every rule is known to
    /// fail, from the first tokens the rules read.
    ///
    /// - a word whose meaning starts no rule ([`can_start`]), and a punctuation mark other than
    ///   `'` (`'80s`);
    /// - `the` before a token no rule after `the` accepts: [`with_the`](Self::with_the) and
    ///   [`modified`](Self::modified) read the next token's meaning, a number, `'`, or the
    ///   words `short` and `distant`; `the` alone starts nothing;
    /// - `that` not before `day`, `week`, `month`, `quarter` or `year`, the only units
    ///   [`relative`](Self::relative) takes after it;
    /// - a number that begins a decimal or a thousands group (`4.5`, `1,200`): no amount, year
    ///   or date, and a clock time only with two digits after a period (`10.30 p.m.`).
    ///
    /// A property test holds the matcher with this test to the matcher without it.
    #[inline]
    fn may_start(&self, i: usize, t: &Tok) -> bool {
        match t.kind {
            Kind::Word => match t.lex {
                Some(Lex::Word(Word::The)) => self.t.get(i + 1).is_some_and(|n| match n.kind {
                    Kind::Word => {
                        n.lex.is_some()
                            || self.text(i + 1).eq_ignore_ascii_case("short")
                            || self.text(i + 1).eq_ignore_ascii_case("distant")
                    }
                    Kind::Num | Kind::Punct(b'\'') => true,
                    _ => false,
                }),
                Some(Lex::Word(Word::That)) => matches!(
                    self.lex(i + 1),
                    Some(Lex::Unit(
                        Unit::Day | Unit::Week | Unit::Month | Unit::Quarter | Unit::Year
                    ))
                ),
                Some(lex) => can_start(lex),
                None => false,
            },
            Kind::Num => {
                let decimal_or_group = self.glued(i + 1)
                    && self.glued(i + 2)
                    && match (self.t.get(i + 1).map(|n| n.kind), self.num(i + 2)) {
                        (Some(Kind::Punct(b',')), Some(_)) => true,
                        (Some(Kind::Punct(b'.')), Some((_, len))) => len != 2,
                        _ => false,
                    };
                !decimal_or_group
            }
            Kind::Punct(b'\'') => true,
            _ => false,
        }
    }

    /// `about two weeks`, `more than four decades ago`, `early next year`, `the end of 1990`.
    fn modified(&self, i: usize) -> Option<(usize, Parsed)> {
        use TimexMod as M;
        let lex = self.lex(i)?;
        let (j, md, point_mod) = match lex {
            Lex::Word(Word::About | Word::Around | Word::Approximately | Word::Roughly) => {
                (i + 1, M::Approx, false)
            }
            Lex::Word(Word::Nearly) => (i + 1, M::EqualOrLess, false),
            Lex::Word(Word::Almost) => (i + 1, M::LessThan, false),
            Lex::Word(Word::More) if self.w(i + 1, Word::Than) => (i + 2, M::MoreThan, false),
            Lex::Word(Word::Less) if self.w(i + 1, Word::Than) => (i + 2, M::LessThan, false),
            Lex::Word(Word::Over) => (i + 1, M::MoreThan, false),
            Lex::Word(Word::Up) if self.w(i + 1, Word::To) => (i + 2, M::EqualOrLess, false),
            Lex::Word(Word::No) if self.w(i + 1, Word::More) && self.w(i + 2, Word::Than) => {
                (i + 3, M::EqualOrLess, false)
            }
            Lex::Word(Word::At) if self.w(i + 1, Word::Least) => (i + 2, M::EqualOrMore, false),
            Lex::Word(Word::At) if self.w(i + 1, Word::Most) => (i + 2, M::EqualOrLess, false),
            Lex::Word(Word::Early) => (self.hyph(i + 1), M::Start, true),
            Lex::Word(Word::Earlier) => (i + 1, M::Start, true),
            Lex::Word(Word::Mid) => (self.hyph(i + 1), M::Mid, true),
            Lex::Word(Word::Late) => (self.hyph(i + 1), M::End, true),
            Lex::Word(Word::Later) => (i + 1, M::End, true),
            Lex::Word(Word::The) => {
                let m = match self.lex(i + 1) {
                    Some(Lex::Word(Word::End)) => M::End,
                    Some(Lex::Word(Word::Beginning | Word::Start)) => M::Start,
                    Some(Lex::Word(Word::Middle)) => M::Mid,
                    _ => return None,
                };
                if !self.w(i + 2, Word::Of) {
                    return None;
                }
                (i + 3, m, true)
            }
            _ => return None,
        };
        if j == i + 1 && !point_mod && self.is_hyph(j) {
            return None;
        }
        let (e, p) = if point_mod {
            let (e, p) = match (self.with_the(j), self.core_with_time(j)) {
                (Some(a), Some(b)) => {
                    if a.0 > b.0 {
                        a
                    } else {
                        b
                    }
                }
                (a, b) => a.or(b)?,
            };
            let ok = matches!(
                p.core,
                Core::Calendar { day: None, .. }
                    | Core::Year(_)
                    | Core::Decade { .. }
                    | Core::Century(_)
                    | Core::Part { .. }
                    | Core::Rel { .. }
                    | Core::RelMonth { .. }
                    | Core::RelSeason { .. }
                    | Core::Day(_)
                    | Core::ThatYear(_)
                    | Core::Weekday { .. }
            );
            // "earlier"/"later" only before the year or month the story is in ("earlier this
            // month", "later that year"), "that day" and a part of today ("later this
            // afternoon").
            let takes_earlier = match p.core {
                Core::Rel {
                    unit: Unit::Year | Unit::Month,
                    ..
                }
                | Core::ThatYear(_) => true,
                Core::Rel {
                    unit: Unit::Day, ..
                } => p.anaphoric,
                Core::Day(0) => p.part_of_day.is_some(),
                _ => false,
            };
            if matches!(lex, Lex::Word(Word::Earlier | Word::Later)) && !takes_earlier {
                return None;
            }
            if !ok {
                return None;
            }
            (e, p)
        } else {
            let (e, p) = self.core_with_time(j)?;
            let single = j == i + 1 && md != M::EqualOrLess;
            let ok = matches!(p.core, Core::Duration(_)) && !single
                || matches!(
                    p.core,
                    Core::Shift { .. } | Core::YearAgo | Core::YearAgoQuarter
                )
                || p.time.is_some()
                || matches!(md, M::Approx) && matches!(p.core, Core::Calendar { day: Some(_), .. });
            if !ok {
                return None;
            }
            (e, p)
        };
        Some((e, p.with_mod(Some(md))))
    }

    /// `the` + an expression that takes it into its extent.
    fn with_the(&self, i: usize) -> Option<(usize, Parsed)> {
        if !self.w(i, Word::The) {
            return None;
        }
        let j = i + 1;
        // the first/next/last/past N units
        if let Some(r) = self.span_duration(j) {
            return Some(r);
        }
        // the year two thousand
        if let Some((_, false)) = self.unit(j)
            && self.unit(j) == Some((Unit::Year, false))
            && let Some((e, y)) = self.spelled_year(j + 1)
        {
            return Some((e, Parsed::new(Core::Year(y))));
        }
        // the fiscal year, the full year, the latest fiscal year
        let mut jj = j;
        while matches!(
            self.lex(jj),
            Some(Lex::Word(Word::Fiscal | Word::Full | Word::Latest))
        ) && jj < j + 2
        {
            jj += 1;
        }
        let ended = |k: usize| {
            ["ended", "ending", "ends", "ended."]
                .iter()
                .any(|w| self.text(k).eq_ignore_ascii_case(w))
        };
        // "the year ended Sept. 30": a fiscal year as a stretch of time.
        if self.unit(jj) == Some((Unit::Year, false)) && ended(jj + 1) {
            return Some((
                jj + 1,
                Parsed::new(Core::Duration(Duration::new(Some(1), DurationUnit::Year))),
            ));
        }
        if jj > j && self.unit(jj) == Some((Unit::Year, false)) && !self.is_hyph(jj + 1) {
            let core = if self.w(j, Word::Latest) {
                Core::Rel {
                    unit: Unit::Year,
                    offset: -1,
                }
            } else {
                Core::Rel {
                    unit: Unit::Year,
                    offset: 0,
                }
            };
            return Some((jj + 1, Parsed::new(core)));
        }
        // the near future, the near term
        if matches!(self.lex(j), Some(Lex::Word(Word::Near)))
            || self.text(j).eq_ignore_ascii_case("short")
            || self.text(j).eq_ignore_ascii_case("distant")
        {
            let t = self.text(j + 1);
            if t.eq_ignore_ascii_case("future") || t.eq_ignore_ascii_case("term") {
                return Some((j + 2, Parsed::new(Core::Ref(Reference::Future))));
            }
        }
        match self.unit(j) {
            // the weeks ahead; over the years
            Some((u, true)) => {
                let ahead = self.text(j + 1).eq_ignore_ascii_case("ahead");
                let over_the_years = u == Unit::Year && i > 0 && self.w(i - 1, Word::Over);
                if (ahead || over_the_years) && !self.is_hyph(j + 1) {
                    let end = if ahead { j + 2 } else { j + 1 };
                    return Some((end, Parsed::new(Core::Duration(some_units(u)))));
                }
            }
            // the week of March 6
            Some((Unit::Week, false)) if self.w(j + 1, Word::Of) => {
                if let Some((e, mut p)) = self.core(j + 2)
                    && matches!(
                        p.core,
                        Core::Calendar { day: Some(_), .. } | Core::FullDate { .. }
                    )
                    && p.time.is_none()
                {
                    p.week_of = true;
                    return Some((e, p));
                }
            }
            _ => {}
        }
        // the year/week/quarter/weekend/month
        if let Some((u, false)) = self.unit(j) {
            if u == Unit::Year
                && !self.is_hyph(j + 1)
                && self.possessive(j + 1).is_none()
                && !self.w(j + 1, Word::Before)
                && !self.w(j + 1, Word::After)
            {
                return Some((j + 1, Parsed::new(Core::Rel { unit: u, offset: 0 })));
            }
            let follows_noun = self.is_hyph(j + 1);
            if !follows_noun {
                let core = match u {
                    Unit::Year | Unit::Week | Unit::Month | Unit::Weekend | Unit::Day => {
                        Some(Core::Rel { unit: u, offset: 0 })
                    }
                    Unit::Quarter => Some(Core::CurrentPeriod),
                    _ => None,
                };
                // "the quarter ended Sept. 30": the calendar quarter most of it lies in.
                if u == Unit::Quarter
                    && ended(j + 1)
                    && let Some((e, m)) = self.month(j + 2)
                {
                    let day = self
                        .num(e)
                        .and_then(|(d, _)| u8::try_from(d).ok())
                        .filter(|d| (1..=31).contains(d))
                        .unwrap_or(31);
                    return Some((j + 1, Parsed::new(Core::QuarterEnded { month: m, day })));
                }
                // "the quarter a year ago": the same quarter of the year before.
                if u == Unit::Quarter
                    && self.w(j + 1, Word::A)
                    && self.unit(j + 2) == Some((Unit::Year, false))
                    && matches!(self.lex(j + 3), Some(Lex::Word(Word::Ago | Word::Earlier)))
                {
                    return Some((j + 4, Parsed::new(Core::YearAgoQuarter)));
                }
                if u == Unit::Day
                    && let Some(r) = self.day_beside(i)
                {
                    return Some(r);
                }
                if let Some(core) = core {
                    if u == Unit::Day && !self.w(j + 1, Word::Before) {
                        return None;
                    }
                    return Some((j + 1, Parsed::new(core)));
                }
            }
        }
        if self.w(j, Word::The) {
            return None;
        }
        let (e, p) = match (self.modified(j), self.core_with_time(j)) {
            (Some(a), Some(b)) => {
                if a.0 > b.0 {
                    a
                } else {
                    b
                }
            }
            (a, b) => a.or(b)?,
        };
        let takes_the = match p.core {
            Core::Part {
                year: YearRef::Rel(-1),
                ..
            } => true,
            Core::Part {
                part: Part::Quarter(_) | Part::Half(_),
                ..
            }
            | Core::CurrentPeriod
            | Core::QuarterEnded { .. }
            | Core::Century(_)
            | Core::Decade { .. }
            | Core::ThatYear(_) => true,
            Core::Ref(_) => matches!(
                self.lex(j),
                Some(Lex::Word(Word::Past | Word::Near) | Lex::Deictic(Deictic::Future))
            ),
            Core::Calendar { .. } => {
                p.md.is_some()
                    || self.w(j + 1, Word::Of)
                    || self.w(j + 2, Word::Of) && self.suffix(j + 1, &["st", "nd", "rd", "th"])
            }
            Core::Year(_) => p.md.is_some() || self.w(e - 1, Word::Period),
            Core::Part {
                part: Part::Season(_),
                year,
            } => p.md.is_some() || matches!(year, YearRef::Explicit(_)),
            Core::Weekday { rel: Some(_), .. } => matches!(
                self.lex(j),
                Some(Lex::Word(Word::Previous | Word::Following))
            ),
            Core::YearAgo => self.unit(e - 1).is_some() || self.w(e - 1, Word::Period),
            Core::YearAgoQuarter => true,
            Core::Rel { .. } => {
                !matches!(self.lex(j), Some(Lex::Word(Word::This))) || p.md.is_some()
            }
            Core::Duration(_) => !self.is_hyph(j + 1) && !self.is_hyph(e - 1),
            Core::Day(_) => matches!(self.lex(j), Some(Lex::Word(_) | Lex::PartOfDay(_))),
            _ => false,
        };
        // "the third-quarter loss": a hyphenated modifier before a noun keeps "the" out.
        if !takes_the
            || (self.is_hyph(e.saturating_sub(2))
                && matches!(p.core, Core::Part { .. })
                && !self
                    .unit(e - 1)
                    .is_some_and(|(u, _)| u == Unit::Quarter && !self.is_word(e)))
        {
            return None;
        }
        Some((e, p))
    }

    /// `the day before|after` at `i` (on `the`): with a day after it (`the day before last
    /// Tuesday`), that day moved by one; in apposition to a day just named (`Oct. 12, the day
    /// before the crash`), that day itself.
    fn day_beside(&self, i: usize) -> Option<(usize, Parsed)> {
        let j = i + 1;
        let shift = if self.w(j + 1, Word::Before) {
            -1
        } else if self.w(j + 1, Word::After) {
            1
        } else {
            return None;
        };
        if let Some((e, mut p)) = self.core(j + 2) {
            let a_day = matches!(
                p.core,
                Core::Weekday { .. }
                    | Core::Calendar { day: Some(_), .. }
                    | Core::FullDate { .. }
                    | Core::Day(_)
                    | Core::Holiday { week: false, .. }
            );
            if a_day && p.time.is_none() && p.part_of_day.is_none() {
                p.day_shift = p.day_shift.saturating_add(shift);
                return Some((e, p));
            }
        }
        // "Oct. 12, the day before ...": the day after the comma is the one just named.
        let month_before = |k: usize| {
            matches!(self.lex(k), Some(Lex::Month(_) | Lex::MonthAbbr(_)))
                || self.p(k, b'.') && matches!(self.lex(k.wrapping_sub(1)), Some(Lex::MonthAbbr(_)))
        };
        let named_day = i >= 3
            && self.p(i - 1, b',')
            && (self.day_num(i - 2).is_some_and(|(e, _)| e == i - 1) && month_before(i - 3)
                || matches!(
                    self.lex(i - 2),
                    Some(Lex::Weekday(_) | Lex::Deictic(Deictic::Yesterday | Deictic::Today))
                ));
        if named_day {
            let mut p = Parsed::new(Core::Rel {
                unit: Unit::Day,
                offset: 0,
            });
            p.anaphoric = true;
            return Some((j + 1, p));
        }
        None
    }

    /// `the past three months`, `the first nine months`, `the next few days`, `the nine months`.
    fn span_duration(&self, j: usize) -> Option<(usize, Parsed)> {
        // The direction word does not change the value: the span is as long either way.
        let k = match self.lex(j) {
            Some(Lex::Word(
                Word::Past
                | Word::Last
                | Word::Previous
                | Word::Next
                | Word::Coming
                | Word::Following
                | Word::Latest,
            ))
            | Some(Lex::Ordinal(1)) => j + 1,
            _ => j,
        };
        let (e, amt) = self.amount(k)?;
        if self.w(k, Word::A) && amt.value == Some(1) {
            return None;
        }
        // "the past three summers": each of those summers, a set of that season.
        if let Some(Lex::Seasons(s)) = self.lex(e)
            && k == j + 1
            && !self.cap(e)
        {
            let mut p = Parsed::new(Core::EachSeason(s));
            p.ty = Some(TimexType::Set);
            return Some((e + 1, p));
        }
        // ranges: 12 to 18 months
        let (e, amt) = if (self.w(e, Word::To) || self.w(e, Word::Or) || self.p(e, b'-'))
            && self.amount(e + 1).is_some()
        {
            let (e2, _) = self.amount(e + 1)?;
            (
                e2,
                Amount {
                    value: None,
                    half: false,
                    approx: false,
                },
            )
        } else {
            (e, amt)
        };
        let (u, pl) = self.unit(e)?;
        if !pl && amt.value != Some(1) {
            return None;
        }
        if self.is_hyph(e + 1) {
            return None;
        }
        // "the first two quarters (of 1990)": the first half of that year.
        if self.lex(j) == Some(Lex::Ordinal(1)) && u == Unit::Quarter && amt.value == Some(2) {
            let (end, year) = self.year_of(e + 1);
            return Some((
                end,
                Parsed::new(Core::Part {
                    part: Part::Half(1),
                    year,
                }),
            ));
        }
        let mut end = e + 1;
        let mut p = Parsed::new(Core::Duration(duration(amt, u)));
        if self.w(end, Word::Or) && self.text(end + 1).eq_ignore_ascii_case("so") {
            end += 2;
            p.md = Some(TimexMod::Approx);
        } else if amt.approx {
            p.md = Some(TimexMod::Approx);
        }
        Some((end, p))
    }

    /// A core expression optionally with a clock time before or after it.
    fn core_with_time(&self, i: usize) -> Option<(usize, Parsed)> {
        if let Some(r) = self.clock(i) {
            return Some(r);
        }
        self.core(i)
    }

    /// `10:35 a.m.`, `5 p.m. EST Nov. 9`, `noon Thursday`, `4 in the morning`.
    fn clock(&self, i: usize) -> Option<(usize, Parsed)> {
        let (mut j, hour, minute) = if let Some((h, hl)) = self.num(i) {
            if hl > 2 || h > 24 {
                return None;
            }
            if self.p(i + 1, b':') && self.glued(i + 1) && self.glued(i + 2) {
                let (m, ml) = self.num(i + 2)?;
                if ml != 2 || m > 59 {
                    return None;
                }
                (i + 3, h as u8, m as u8)
            } else if self.p(i + 1, b'.')
                && self.glued(i + 1)
                && self.glued(i + 2)
                && self.num(i + 2).is_some_and(|(m, l)| l == 2 && m < 60)
            {
                (i + 3, h as u8, self.num(i + 2).map_or(0, |(m, _)| m as u8))
            } else {
                (i + 1, h as u8, 0)
            }
        } else {
            match self.lex(i)? {
                // "high noon" is an idiom (or a film), not a time of day.
                Lex::Noon if i > 0 && self.text(i - 1).eq_ignore_ascii_case("high") => {
                    return None;
                }
                Lex::Noon => (i + 1, 12, 0),
                Lex::Midnight => (i + 1, 24, 0),
                _ => return None,
            }
        };
        let is_word_time = self.num(i).is_none();
        let mut hour = hour;
        let mut ok = is_word_time;
        if !is_word_time {
            if let Some((e, pm)) = self.ampm(j) {
                if hour > 12 || hour == 0 {
                    return None;
                }
                if pm && hour < 12 {
                    hour += 12;
                } else if !pm && hour == 12 {
                    hour = 0;
                }
                j = e;
                ok = true;
            } else if self.w(j, Word::Oclock) {
                j += 1;
                ok = true;
            } else if self.w(j, Word::In)
                && self.w(j + 1, Word::The)
                && let Some(pd) = self.pod(j + 2)
            {
                if matches!(
                    pd,
                    PartOfDay::Afternoon | PartOfDay::Evening | PartOfDay::Night
                ) && hour < 12
                {
                    hour += 12;
                }
                j += 3;
                ok = true;
            }
            if j == i + 3 && !ok && self.lex(j) == Some(Lex::Zone) {
                ok = true;
            }
        }
        if !ok {
            return None;
        }
        if self.lex(j) == Some(Lex::Zone) {
            j += 1;
        }
        // A day after the time.
        let k = if self.p(j, b',') { j + 1 } else { j };
        let (end, core) = match self.core(k) {
            Some((e, p))
                if matches!(
                    p.core,
                    Core::Weekday { .. }
                        | Core::Day(_)
                        | Core::Calendar { day: Some(_), .. }
                        | Core::FullDate { .. }
                ) =>
            {
                (e, p.core)
            }
            _ => match self.day_after_aside(j).or_else(|| self.day_after_on(j)) {
                // "10:35 a.m. (0735 GMT) Friday", "5 p.m. on March 20": the day after the aside
                // or after `on`, which is matched on its own.
                Some(core) => {
                    let mut p = Parsed::new(core);
                    p.time = Some((hour, minute));
                    p.ty = Some(TimexType::Time);
                    return Some((j, p));
                }
                None => (j, Core::Day(0)),
            },
        };
        let anaphoric = end == j;
        let mut p = Parsed::new(core);
        p.anaphoric = anaphoric;
        p.time = Some((hour, minute));
        p.ty = Some(TimexType::Time);
        Some((end, p))
    }

    /// Whether the word at `i` (`Daily`, `Today`) is part of a name: capitalized after a
    /// capitalized word of the same sentence (`the New York Daily News`, `China Daily`, `USA
    /// Today`, `The Daily Beast`).
    fn in_a_name(&self, i: usize) -> bool {
        self.cap(i)
            && i > 0
            && self.t.get(i).is_some_and(|t| !t.newline)
            && (self.is_word(i - 1) && self.cap(i - 1)
                || self.possessive(i.saturating_sub(2)) == Some(i))
    }

    /// The day after a parenthesized clock time at `j` (`(0735 GMT) Friday`), if any.
    fn day_after_aside(&self, j: usize) -> Option<Core> {
        if !self.p(j, b'(') {
            return None;
        }
        // Digits, a zone, `a.m.`: at most six tokens up to the closing parenthesis.
        let close = (j + 1..j + 8).find(|&k| self.p(k, b')'))?;
        let inside_clock = (j + 1..close).all(|k| {
            self.num(k).is_some()
                || self.lex(k) == Some(Lex::Zone)
                || self.p(k, b':')
                || self.p(k, b'.')
                || self.ampm(k).is_some()
                || self.text(k).eq_ignore_ascii_case("m")
        }) && (j + 1..close).any(|k| self.num(k).is_some());
        if !inside_clock {
            return None;
        }
        let (_, p) = self.core(close + 1)?;
        matches!(
            p.core,
            Core::Weekday { .. } | Core::Day(_) | Core::Calendar { day: Some(_), .. }
        )
        .then_some(p.core)
    }

    /// The day named after `on` at `j` (`5 p.m. on March 20`), if any.
    fn day_after_on(&self, j: usize) -> Option<Core> {
        if !self.w(j, Word::On) {
            return None;
        }
        let (_, p) = self.core(j + 1)?;
        matches!(
            p.core,
            Core::Weekday { .. }
                | Core::Day(_)
                | Core::Calendar { day: Some(_), .. }
                | Core::FullDate { .. }
        )
        .then_some(p.core)
    }

    /// Spelled-out years: `nineteen ninety-six`, `two thousand`.
    fn spelled_year(&self, i: usize) -> Option<(usize, i32)> {
        match self.lex(i)? {
            Lex::Number(19) | Lex::Number(18) | Lex::Number(20) => {
                let Some(Lex::Number(c)) = self.lex(i) else {
                    return None;
                };
                let (e, a) = self.amount(i + 1)?;
                let v = a.value?;
                if !(10..=99).contains(&v) || self.num(i + 1).is_some() {
                    return None;
                }
                Some((e, (u32::from(c) * 100 + v) as i32))
            }
            Lex::Number(2) if self.lex(i + 1) == Some(Lex::Thousand) => {
                let mut e = i + 2;
                let mut y = 2000;
                if self.w(e, Word::And)
                    && let Some((e2, a)) = self.amount(e + 1)
                    && let Some(v) = a.value.filter(|v| *v < 100 && self.num(e + 1).is_none())
                {
                    y += v as i32;
                    e = e2;
                }
                Some((e, y))
            }
            _ => None,
        }
    }

    fn core(&self, i: usize) -> Option<(usize, Parsed)> {
        let t = self.t.get(i)?;
        if t.kind == Kind::Num {
            return self.core_num(i);
        }
        if t.kind == Kind::Punct(b'\'') {
            // '80s
            let (v, len) = self.num(i + 1)?;
            if len == 2 && self.glued(i + 1) && self.suffix(i + 2, &["s"]) && v % 10 == 0 {
                return Some((
                    i + 3,
                    Parsed::new(Core::Decade {
                        first: 1900 + v as i32,
                        century_known: false,
                    }),
                ));
            }
            return None;
        }
        let lex = t.lex?;
        match lex {
            Lex::Month(_) | Lex::MonthAbbr(_) => self.month_expr(i),
            Lex::Weekday(_) => self.weekday_expr(i),
            Lex::Weekdays(d) => {
                let mut p = Parsed::new(Core::EachWeekday(d));
                p.ty = Some(TimexType::Set);
                Some((i + 1, p))
            }
            Lex::Deictic(d) => self.deictic(i, d),
            Lex::Season(s) => {
                // A season in lower case needs a word that makes it a time (`in spring`, `of
                // that summer`); `fall`, also a verb, needs one of the calendar words.
                let calendar_lead = self.after_word(i, SEASON_LEAD);
                if !self.cap(i)
                    && i > 0
                    && !calendar_lead
                    && !self.after_word(i, &[Word::Of, Word::That])
                {
                    return None;
                }
                if s == Season::Fall && !calendar_lead {
                    return None;
                }
                // "the Spring of Life demonstrations": a name, not a season.
                if self.cap(i)
                    && self.w(i + 1, Word::Of)
                    && self.cap(i + 2)
                    && self.is_word(i + 2)
                    && self.lex(i + 2).is_none()
                {
                    return None;
                }
                let (e, year) = self.year_of(i + 1);
                Some((
                    e,
                    Parsed::new(Core::Part {
                        part: Part::Season(s),
                        year,
                    }),
                ))
            }
            Lex::Holiday(h) => self.holiday(i, h, YearRef::Implicit),
            Lex::Frequency(f) => {
                // "to grow 8% annually": a rate of change, not a recurring time.
                if let Some(k) = i.checked_sub(1)
                    && (self.p(k, b'%') || self.text(k).eq_ignore_ascii_case("percent"))
                {
                    return None;
                }
                // "the New York Daily News", "China Daily": a name.
                if f == Frequency::Daily && self.in_a_name(i) {
                    return None;
                }
                let (amount, unit) = match f {
                    Frequency::Hourly => (1, DurationUnit::Hour),
                    Frequency::Daily | Frequency::Nightly => (1, DurationUnit::Day),
                    Frequency::Weekly => (1, DurationUnit::Week),
                    Frequency::Monthly => (1, DurationUnit::Month),
                    Frequency::Annually => (1, DurationUnit::Year),
                };
                let mut p = Parsed::new(Core::Every(Duration::new(Some(amount), unit)));
                p.ty = Some(TimexType::Set);
                Some((i + 1, p))
            }
            Lex::Decade(d) => {
                if !self.w(i.wrapping_sub(1), Word::The)
                    && !matches!(
                        self.lex(i.wrapping_sub(1)),
                        Some(Lex::Word(Word::Early | Word::Mid | Word::Late))
                    )
                {
                    return None;
                }
                Some((
                    i + 1,
                    Parsed::new(Core::Decade {
                        first: 1900 + d as i32,
                        century_known: false,
                    }),
                ))
            }
            Lex::Ordinal(n) => self.ordinal_expr(i, u32::from(n)),
            Lex::Number(_) | Lex::Tens(_) | Lex::Hundred => {
                if let Some((e, y)) = self.spelled_year(i)
                    && self.lex(i) != Some(Lex::Number(2))
                {
                    return Some((e, Parsed::new(Core::Year(y))));
                }
                self.duration_expr(i)
            }
            Lex::Unit(u) => self.unit_expr(i, u, false),
            Lex::Units(u) => self.unit_expr(i, u, true),
            Lex::PartOfDay(pd) => {
                let prev = i.checked_sub(1).and_then(|k| self.lex(k));
                let mut p = Parsed::new(Core::Day(0));
                p.part_of_day = Some(pd);
                p.ty = Some(TimexType::Time);
                let mut e = i + 1;
                // "mid-afternoon yesterday"
                if let Some(Lex::Deictic(Deictic::Yesterday | Deictic::Today | Deictic::Tomorrow)) =
                    self.lex(e)
                {
                    if let Some((e2, d)) = self.core(e) {
                        p.core = d.core;
                        e = e2;
                    }
                } else if let Some((e2, d)) = self.weekday(e) {
                    p.core = Core::Weekday {
                        weekday: d,
                        rel: None,
                    };
                    e = e2;
                }
                p.anaphoric = e == i + 1;
                // "the morning of March 3": the day named after it is the expression, not a
                // morning of the story's day.
                // Only a month, weekday or holiday word is read after `of`, which no rule
                // reads on from into another part of a day.
                if p.anaphoric
                    && self.w(e, Word::Of)
                    && matches!(
                        self.lex(e + 1),
                        Some(Lex::Month(_) | Lex::MonthAbbr(_) | Lex::Weekday(_) | Lex::Holiday(_))
                    )
                    && self.core(e + 1).is_some_and(|(_, d)| {
                        matches!(
                            d.core,
                            Core::Weekday { .. }
                                | Core::Calendar { day: Some(_), .. }
                                | Core::FullDate { .. }
                                | Core::Holiday { week: false, .. }
                        )
                    })
                {
                    return None;
                }
                if e > i + 1
                    || pd == PartOfDay::Midday
                    || (matches!(
                        prev,
                        Some(Lex::Word(Word::Mid | Word::The | Word::Early | Word::Late))
                    ) && pd != PartOfDay::Night)
                {
                    if pd == PartOfDay::Midday && e == i + 1 {
                        p.part_of_day = None;
                        p.time = Some((12, 0));
                    }
                    return Some((e, p));
                }
                None
            }
            Lex::Noon | Lex::Midnight => None,
            Lex::Word(w) => self.word_expr(i, w),
            _ => None,
        }
    }

    /// `of 1998`, `1998` after a season or month: the year, or implicit.
    fn year_of(&self, i: usize) -> (usize, YearRef) {
        if self.w(i, Word::Of) {
            if let Some(y) = self.year_num(i + 1) {
                return (i + 2, YearRef::Explicit(y));
            }
            if let Some((e, y)) = self.spelled_year(i + 1) {
                return (e, YearRef::Explicit(y));
            }
            // "the first half of last year", "the second half of the year"
            if let Some(r) = self.rel_year(i + 1) {
                return r;
            }
            if self.w(i + 1, Word::The)
                && self.unit(i + 2) == Some((Unit::Year, false))
                && !self.is_hyph(i + 3)
                && self.possessive(i + 3).is_none()
            {
                return (i + 3, YearRef::Rel(0));
            }
        }
        if let Some((e, y)) = self.year_after(i)
            && !self.p(i, b',')
        {
            return (e, YearRef::Explicit(y));
        }
        if let Some((e, y)) = self.spelled_year(i) {
            return (e, YearRef::Explicit(y));
        }
        if let Some(r) = self.rel_year(i) {
            return r;
        }
        (i, YearRef::Implicit)
    }

    /// `last year`, `this year`, `next year` after a month: (end, year).
    fn rel_year(&self, i: usize) -> Option<(usize, YearRef)> {
        let off = match self.lex(i)? {
            Lex::Word(Word::Last) => -1,
            Lex::Word(Word::This) => 0,
            Lex::Word(Word::Next) => 1,
            _ => return None,
        };
        if self.unit(i + 1) == Some((Unit::Year, false))
            && !self.is_hyph(i + 2)
            && self.possessive(i + 2).is_none()
        {
            return Some((i + 2, YearRef::Rel(off)));
        }
        None
    }

    fn month_expr(&self, i: usize) -> Option<(usize, Parsed)> {
        let (j, m) = self.month(i)?;
        let mut core_day = None;
        let mut e = j;
        if let Some((k, d)) = self.day_num(j) {
            // "March 1998" is a year, not a day.
            if self.year_num(j).is_none() {
                core_day = Some(d);
                e = k;
            }
        }
        let (e, year) = if core_day.is_some() {
            match self.year_after(e) {
                Some((k, y)) => (k, YearRef::Explicit(y)),
                None => match self.rel_year(e) {
                    Some((k, y)) => (k, y),
                    None => (e, YearRef::Implicit),
                },
            }
        } else {
            self.year_of(e)
        };
        Some((
            e,
            Parsed::new(Core::Calendar {
                year,
                month: m,
                day: core_day,
            }),
        ))
    }

    fn weekday_expr(&self, i: usize) -> Option<(usize, Parsed)> {
        let (j, d) = self.weekday(i)?;
        // Saturday, April 25 [, 1998]
        let k = if self.p(j, b',') { j + 1 } else { j };
        if let Some((e, p)) = self.month_expr(k)
            && let Core::Calendar { day: Some(_), .. } = p.core
        {
            return Some((e, p));
        }
        let mut p = Parsed::new(Core::Weekday {
            weekday: d,
            rel: None,
        });
        let mut e = j;
        if let Some(pd) = self.pod(j) {
            if self.text(j).ends_with('s') {
                let mut p = Parsed::new(Core::EachWeekday(d));
                p.part_of_day = Some(pd);
                p.ty = Some(TimexType::Set);
                return Some((j + 1, p));
            }
            p.part_of_day = Some(pd);
            e = j + 1;
        }
        Some((e, p))
    }

    fn deictic(&self, i: usize, d: Deictic) -> Option<(usize, Parsed)> {
        let day = |off: i32| -> Option<(usize, Parsed)> {
            let mut p = Parsed::new(Core::Day(off));
            let mut e = i + 1;
            if let Some(pd) = self.pod(i + 1) {
                p.part_of_day = Some(pd);
                e += 1;
            }
            Some((e, p))
        };
        match d {
            // "today's youth": the present generally, not the article's day.
            Deictic::Today
                if self.possessive(i + 1).is_some_and(|k| {
                    GENERIC_NOW
                        .iter()
                        .any(|w| self.text(k).eq_ignore_ascii_case(w))
                }) =>
            {
                Some((i + 1, Parsed::new(Core::Ref(Reference::Present))))
            }
            // "USA Today", "VOA Today": a name.
            Deictic::Today if self.in_a_name(i) => None,
            Deictic::Today => day(0),
            Deictic::Yesterday => day(-1),
            Deictic::Tomorrow => day(1),
            Deictic::Tonight => {
                let mut p = Parsed::new(Core::Day(0));
                p.part_of_day = Some(PartOfDay::Night);
                Some((i + 1, p))
            }
            Deictic::Overnight => None,
            Deictic::Now | Deictic::Currently | Deictic::Nowadays => {
                Some((i + 1, Parsed::new(Core::Ref(Reference::Present))))
            }
            Deictic::Current => {
                // the current quarter/year
                if let Some((u, false)) = self.unit(i + 1) {
                    return Some((i + 2, Parsed::new(rel_unit(u, 0))));
                }
                if self.w(i + 1, Word::Period) {
                    return Some((i + 2, Parsed::new(Core::CurrentPeriod)));
                }
                if matches!(self.lex(i + 1), Some(Lex::Word(Word::Fiscal)))
                    && let Some((u, false)) = self.unit(i + 2)
                {
                    return Some((i + 3, Parsed::new(rel_unit(u, 0))));
                }
                if self.is_hyph(i + 1) {
                    return None;
                }
                // "the then current price": current at a time past.
                if i > 0 && self.text(i - 1).eq_ignore_ascii_case("then") {
                    return Some((i + 1, Parsed::new(Core::Ref(Reference::Past))));
                }
                Some((i + 1, Parsed::new(Core::Ref(Reference::Present))))
            }
            Deictic::Present => {
                if i > 0 && self.w(i - 1, Word::At) {
                    return Some((i + 1, Parsed::new(Core::Ref(Reference::Present))));
                }
                None
            }
            Deictic::Recently | Deictic::Lately => {
                Some((i + 1, Parsed::new(Core::Ref(Reference::Past))))
            }
            Deictic::Previously | Deictic::Formerly => None,
            Deictic::Recent => {
                if let Some((u, true)) = self.unit(i + 1) {
                    let mut end = i + 2;
                    if self.w(end, Word::And) && self.unit(end + 1).is_some_and(|(_, pl)| pl) {
                        end += 2;
                    }
                    if matches!(u, Unit::Year | Unit::Day) || end > i + 2 {
                        return Some((end, Parsed::new(Core::Ref(Reference::Past))));
                    }
                    return Some((end, Parsed::new(Core::Duration(some_units(u)))));
                }
                // "recent sales": an adjective of a non-time noun is left out.
                None
            }
            Deictic::Soon => None,
            Deictic::Future => {
                if let Some((_, true)) = self.unit(i + 1) {
                    return Some((i + 2, Parsed::new(Core::Ref(Reference::Future))));
                }
                let prev = i.checked_sub(1).and_then(|k| self.lex(k));
                // "the future of the alliance" names what lies ahead for something, not a time.
                if self.w(i + 1, Word::Of) {
                    return None;
                }
                if matches!(prev, Some(Lex::Word(Word::The | Word::In | Word::Near))) {
                    return Some((i + 1, Parsed::new(Core::Ref(Reference::Future))));
                }
                None
            }
            Deictic::Already => None,
        }
    }

    fn holiday(&self, i: usize, h: Holiday, year: YearRef) -> Option<(usize, Parsed)> {
        let day_word = |k: usize| self.unit(k) == Some((Unit::Day, false));
        let mut e = i + 1;
        match h {
            Holiday::NewYear => {
                if self.unit(i + 1) != Some((Unit::Year, false)) || !self.cap(i) || !self.cap(i + 1)
                {
                    return None;
                }
                e = self.possessive(i + 2)?;
                if day_word(e) || self.w(e, Word::Eve) {
                    e += 1;
                }
            }
            Holiday::Christmas => {
                if day_word(e) || self.w(e, Word::Eve) {
                    e += 1;
                }
            }
            Holiday::Thanksgiving => {
                if day_word(e) {
                    e += 1;
                }
            }
            Holiday::Easter => {
                if self.lex(e) == Some(Lex::Weekday(7)) || self.unit(e) == Some((Unit::Week, false))
                {
                    e += 1;
                }
            }
            Holiday::Halloween => {}
            Holiday::Valentine => {
                e = self.possessive(e).unwrap_or(e);
                if !day_word(e) {
                    return None;
                }
                e += 1;
            }
            Holiday::Independence | Holiday::Labor | Holiday::Memorial | Holiday::Election => {
                if !day_word(e) {
                    return None;
                }
                e += 1;
            }
        }
        if !self.cap(i) && h != Holiday::Election {
            return None;
        }
        // "Christmas Eve", "New Year's Eve": the day before.
        let eve = self.w(e - 1, Word::Eve);
        let (e, year) = if year == YearRef::Implicit {
            self.year_of(e)
        } else {
            (e, year)
        };
        let week = self.unit(e - 1) == Some((Unit::Week, false));
        let mut p = Parsed::new(Core::Holiday {
            holiday: h,
            year,
            week,
        });
        if eve {
            p.day_shift = -1;
        }
        Some((e, p))
    }

    /// `third quarter`, `the 20th century`, `first half`, `the 1st of March`.
    fn ordinal_expr(&self, i: usize, n: u32) -> Option<(usize, Parsed)> {
        let j = self.hyph(i + 1);
        let fiscal = self.w(j, Word::Fiscal);
        let j = if fiscal { j + 1 } else { j };
        let j = self.hyph(j);
        if let Some((u, pl)) = self.unit(j) {
            match u {
                Unit::Quarter if (1..=4).contains(&n) && !pl => {
                    let (e, year) = self.year_of(j + 1);
                    return Some((
                        e,
                        Parsed::new(Core::Part {
                            part: Part::Quarter(Some(n as u8)),
                            year,
                        }),
                    ));
                }
                Unit::Century if !pl => {
                    let first = (n as i32 - 1) * 100;
                    return Some((j + 1, Parsed::new(Core::Century(first))));
                }
                _ => {}
            }
        }
        if self.w(j, Word::Half) && (n == 1 || n == 2) {
            let (e, year) = self.year_of(j + 1);
            return Some((
                e,
                Parsed::new(Core::Part {
                    part: Part::Half(n as u8),
                    year,
                }),
            ));
        }
        // the 1st of March
        if self.w(i + 1, Word::Of)
            && let Some((e, m)) = self.month(i + 2)
        {
            let (e, year) = self.year_of(e);
            return Some((
                e,
                Parsed::new(Core::Calendar {
                    year,
                    month: m,
                    day: Some(n as u8),
                }),
            ));
        }
        None
    }

    fn core_num(&self, i: usize) -> Option<(usize, Parsed)> {
        let (v, len) = self.num(i)?;
        // ISO date 1998-03-15
        if len == 4
            && self.p(i + 1, b'-')
            && self.glued(i + 1)
            && self.glued(i + 2)
            && let (Some((m, 2)), true, Some((d, 2))) =
                (self.num(i + 2), self.p(i + 3, b'-'), self.num(i + 4))
            && (1..=12).contains(&m)
            && (1..=31).contains(&d)
            && self.glued(i + 4)
        {
            return Some((
                i + 5,
                Parsed::new(Core::FullDate {
                    year: v as i32,
                    month: m as u8,
                    day: d as u8,
                }),
            ));
        }
        // US numeric date 3/15/98 or 3/15/1998
        if len <= 2 && self.p(i + 1, b'/') && self.glued(i + 1) && self.glued(i + 2) {
            if let (Some((d, dl)), true, Some((y, yl))) =
                (self.num(i + 2), self.p(i + 3, b'/'), self.num(i + 4))
                && (1..=12).contains(&v)
                && (1..=31).contains(&d)
                && dl <= 2
                && self.glued(i + 4)
                && (yl == 2 || yl == 4)
            {
                let y = if yl == 2 {
                    if y < 50 { 2000 + y } else { 1900 + y }
                } else {
                    y
                };
                return Some((
                    i + 5,
                    Parsed::new(Core::FullDate {
                        year: y as i32,
                        month: v as u8,
                        day: d as u8,
                    }),
                ));
            }
            return None;
        }
        // Decades: 1990s
        if len == 4 && v % 10 == 0 && (1000..=2090).contains(&v) && self.suffix(i + 1, &["s"]) {
            return Some((
                i + 2,
                Parsed::new(Core::Decade {
                    first: v as i32,
                    century_known: true,
                }),
            ));
        }
        // 20th century
        if self.suffix(i + 1, &["st", "nd", "rd", "th"]) {
            let k = self.hyph(i + 2);
            if self.unit(k) == Some((Unit::Century, false)) && (1..=30).contains(&v) {
                return Some((k + 1, Parsed::new(Core::Century((v as i32 - 1) * 100))));
            }
            // 1st of March
            if self.w(i + 2, Word::Of)
                && let Some((e, m)) = self.month(i + 3)
                && (1..=31).contains(&v)
            {
                let (e, year) = self.year_of(e);
                return Some((
                    e,
                    Parsed::new(Core::Calendar {
                        year,
                        month: m,
                        day: Some(v as u8),
                    }),
                ));
            }
        }
        // 23 October 1999
        if len <= 2 && (1..=31).contains(&v) {
            let k = if self.suffix(i + 1, &["st", "nd", "rd", "th"]) {
                i + 2
            } else {
                i + 1
            };
            if let Some((e, m)) = self.month(k) {
                let (e, year) = match self.year_after(e) {
                    Some((e, y)) => (e, YearRef::Explicit(y)),
                    None => (e, YearRef::Implicit),
                };
                return Some((
                    e,
                    Parsed::new(Core::Calendar {
                        year,
                        month: m,
                        day: Some(v as u8),
                    }),
                ));
            }
        }
        // Duration / shift
        if let Some(r) = self.duration_expr(i) {
            return Some(r);
        }
        // A year.
        let y = self.year_num(i)?;
        if self.glued(i) && i > 0 && !self.p(i - 1, b'-') && !self.p(i - 1, b'(') {
            return None;
        }
        // A year followed by a glued hyphen and a number is a range or an id.
        if self.p(i + 1, b'-') && self.glued(i + 1) && self.num(i + 2).is_some() {
            return None;
        }
        let prev_ok = i == 0
            || !matches!(self.t[i - 1].kind, Kind::Punct(b'$') | Kind::Punct(b'#'))
                && !self.text(i - 1).eq_ignore_ascii_case("no");
        if !prev_ok {
            return None;
        }
        if !(1800..=2030).contains(&y)
            && !matches!(
                self.lex(i.wrapping_sub(1)),
                Some(Lex::Word(
                    Word::In
                        | Word::Since
                        | Word::Until
                        | Word::Of
                        | Word::By
                        | Word::Before
                        | Word::After
                        | Word::During
                ))
            )
        {
            return None;
        }
        // Possessive quarter: 1990's first quarter.
        if let Some(k) = self.possessive(i + 1)
            && let Some((e, p)) = self.ordinal_quarter(k)
        {
            return Some((
                e,
                Parsed {
                    core: Core::Part {
                        part: p,
                        year: YearRef::Explicit(y),
                    },
                    ..Parsed::new(Core::Year(y))
                },
            ));
        }
        if let Some((e, part)) = self.ordinal_quarter(i + 1) {
            return Some((
                e,
                Parsed::new(Core::Part {
                    part,
                    year: YearRef::Explicit(y),
                }),
            ));
        }
        if self.unit(i + 1) == Some((Unit::Quarter, false)) {
            return Some((
                i + 2,
                Parsed::new(Core::Part {
                    part: Part::Quarter(None),
                    year: YearRef::Explicit(y),
                }),
            ));
        }
        if self.w(i + 1, Word::Period) && i > 0 && self.w(i - 1, Word::The) {
            // "the 1988 period": the period under discussion in that year.
            let mut p = Parsed::new(Core::Year(y));
            p.anaphoric = true;
            return Some((i + 2, p));
        }
        let mut p = Parsed::new(Core::Year(y));
        let mut e = i + 1;
        if self.w(e, Word::Or)
            && matches!(self.lex(e + 1), Some(Lex::Word(Word::Later | Word::After)))
        {
            p.md = Some(TimexMod::OnOrAfter);
            e += 2;
        }
        Some((e, p))
    }

    /// `third quarter`, `first half`, with optional fiscal, at `k`.
    fn ordinal_quarter(&self, k: usize) -> Option<(usize, Part)> {
        let k = if self.w(k, Word::Fiscal) { k + 1 } else { k };
        let Some(Lex::Ordinal(n)) = self.lex(k) else {
            return None;
        };
        let j = self.hyph(k + 1);
        if self.unit(j) == Some((Unit::Quarter, false)) && (1..=4).contains(&n) {
            return Some((j + 1, Part::Quarter(Some(n))));
        }
        if self.w(j, Word::Half) && (n == 1 || n == 2) {
            return Some((j + 1, Part::Half(n)));
        }
        None
    }

    /// Amount + unit: durations, their hyphenated adjective forms, and shifts (`ago`).
    fn duration_expr(&self, i: usize) -> Option<(usize, Parsed)> {
        let (mut j, amt) = self.amount(i)?;
        // 12 to 18 months
        let mut amt = amt;
        if (self.w(j, Word::To) || self.w(j, Word::Or))
            && self.num(i).is_some() == self.num(j + 1).is_some()
            && let Some((k, _)) = self.amount(j + 1)
            && self.unit(k).is_some()
        {
            j = k;
            amt = Amount {
                value: None,
                half: false,
                approx: false,
            };
        }
        // "20 more years", "eight trading days", "three straight months"
        let adjective = |k: usize| {
            self.w(k, Word::More)
                || [
                    "trading",
                    "business",
                    "working",
                    "straight",
                    "consecutive",
                    "additional",
                ]
                .iter()
                .any(|w| self.text(k).eq_ignore_ascii_case(w))
        };
        if adjective(j) && self.unit(j + 1).is_some() {
            j += 1;
        }
        let hy = self.is_hyph(j);
        let k = self.hyph(j);
        let (u, pl) = self.unit(k)?;
        if self.is_hyph(k + 1)
            && matches!(
                self.lex(k + 2),
                Some(Lex::Word(Word::Ago | Word::Earlier | Word::Old))
            )
        {
            // "a year-earlier quarter", "6-year-old": not a duration here.
            return None;
        }
        if hy && pl && !(self.is_hyph(k + 1) && self.w(k + 2, Word::Long)) {
            // "three-quarters": a fraction, not a duration.
            return None;
        }
        if hy {
            // two-year, decades-long
            let mut e = k + 1;
            if self.is_hyph(e) && matches!(self.lex(e + 1), Some(Lex::Word(Word::Long))) {
                e += 2;
            }
            return Some((e, Parsed::new(Core::Duration(duration(amt, u)))));
        }
        if self.w(i, Word::A) && amt.value == Some(1) && pl {
            return None;
        }
        if amt.value.is_none() && !pl {
            return None;
        }
        // "52 years old" is an age.
        if self.w(k + 1, Word::Old) {
            return None;
        }
        // "it will one day be", "the hope he one day follows": some day ahead, not a day's
        // length.
        if u == Unit::Day
            && !pl
            && self.lex(i) == Some(Lex::Number(1))
            && i > 0
            && [
                "will", "would", "could", "might", "may", "can", "should", "he", "she", "they",
                "we", "i", "you",
            ]
            .iter()
            .any(|m| self.text(i - 1).eq_ignore_ascii_case(m))
        {
            return Some((k + 1, Parsed::new(Core::Ref(Reference::Future))));
        }
        // "a quarter of the market" is a fraction.
        if u == Unit::Quarter && !pl && self.w(k + 1, Word::Of) {
            return None;
        }
        // "$1.76 a year", "four flights a week": a rate, not a stretch of time.
        let shifts = matches!(
            self.lex(k + 1),
            Some(Lex::Word(
                Word::Ago | Word::Earlier | Word::Later | Word::Before | Word::Or
            ))
        );
        if self.w(i, Word::A) && !pl && i > 0 && !shifts {
            let prev = self.t[i - 1];
            let rate_word = [
                "million", "billion", "thousand", "hundred", "percent", "cents", "dollars",
                "times", "shares",
            ]
            .iter()
            .any(|w| self.text(i - 1).eq_ignore_ascii_case(w));
            if prev.kind == Kind::Num || rate_word || self.unit(i - 1).is_some_and(|(_, pl)| pl) {
                return None;
            }
            // "four flights a week", "hundreds of interviews a day": so many things in every
            // week, a set of times.
            if self.counted_plural(i - 1) {
                let mut p = Parsed::new(Core::Every(duration(amt, u)));
                p.ty = Some(TimexType::Set);
                return Some((k + 1, p));
            }
        }
        let mut e = k + 1;
        let mut d = duration(amt, u);
        // and a half
        if self.w(e, Word::And) && self.w(e + 1, Word::A) && self.w(e + 2, Word::Half) {
            d = duration(Amount { half: true, ..amt }, u);
            e += 3;
        }
        let mut p = Parsed::new(Core::Duration(d));
        if amt.approx {
            p.md = Some(TimexMod::Approx);
        }
        // or so
        let mut k2 = e;
        if self.w(k2, Word::Or) && self.text(k2 + 1).eq_ignore_ascii_case("so") {
            k2 += 2;
        }
        // shifts
        let sign = match self.lex(k2) {
            Some(Lex::Word(Word::Ago)) => Some(-1),
            Some(Lex::Word(Word::Earlier)) => Some(-1),
            // "three days later" is the duration "three days" (TimeBank): "later" is a signal
            // relating it to another event, not a shift from the article date.
            Some(Lex::Word(Word::Hence)) => Some(1),
            Some(Lex::Word(Word::From)) if self.lex(k2 + 1) == Some(Lex::Deictic(Deictic::Now)) => {
                Some(1)
            }
            _ => None,
        };
        if let Some(sign) = sign {
            let end = if self.w(k2, Word::From) {
                k2 + 2
            } else {
                k2 + 1
            };
            let mut sp = Parsed::new(Core::Shift {
                amount: amt.value,
                unit: u,
                sign,
            });
            if k2 != e {
                sp.md = Some(TimexMod::Approx);
            }
            if amt.value == Some(1) && u == Unit::Year && sign < 0 {
                sp.core = Core::YearAgo;
            }
            // "two weeks ago today", "a week ago Tuesday": that day, so many days before.
            if sign < 0
                && self.w(k2, Word::Ago)
                && let Some(back) = amt
                    .value
                    .and_then(|n| match u {
                        Unit::Week => n.checked_mul(7),
                        Unit::Day => Some(n),
                        _ => None,
                    })
                    .and_then(|days| i8::try_from(days).ok())
            {
                let day = match self.lex(end) {
                    Some(Lex::Deictic(Deictic::Today)) => Some((end + 1, Core::Day(0))),
                    _ => self.weekday(end).map(|(e2, d)| {
                        (
                            e2,
                            Core::Weekday {
                                weekday: d,
                                rel: None,
                            },
                        )
                    }),
                };
                if let Some((e2, core)) = day {
                    let mut p = Parsed::new(core);
                    p.day_shift = back.saturating_neg();
                    p.md = sp.md;
                    return Some((e2, p));
                }
            }
            return Some((end, sp));
        }
        // "a week or so": about that long.
        if k2 != e {
            p.md = Some(TimexMod::Approx);
        }
        Some((k2, p))
    }

    /// Whether the word at `n` is a plural noun counted just before it: `four flights`, `700
    /// seats`, `fifty thousand CDs`, `hundreds of interviews` (a verb in `-s`, as in `it takes`,
    /// has no count before it).
    fn counted_plural(&self, n: usize) -> bool {
        let word = self.text(n);
        if !self.is_word(n) || word.len() < 3 || !word.ends_with('s') || self.lex(n).is_some() {
            return false;
        }
        let count = |k: usize| {
            self.num(k).is_some()
                || matches!(
                    self.lex(k),
                    Some(Lex::Number(_) | Lex::Tens(_) | Lex::Hundred | Lex::Thousand)
                )
                || ["hundreds", "thousands", "dozens", "millions"]
                    .iter()
                    .any(|w| self.text(k).eq_ignore_ascii_case(w))
        };
        // The count right before the noun, or before `of`.
        n.checked_sub(1).is_some_and(count) || n >= 2 && self.w(n - 1, Word::Of) && count(n - 2)
    }

    /// Words that start an expression: this/last/next/past/coming/every/each/fiscal...
    fn word_expr(&self, i: usize, w: Word) -> Option<(usize, Parsed)> {
        match w {
            Word::This
            | Word::Next
            | Word::Last
            | Word::Past
            | Word::Coming
            | Word::Previous
            | Word::Following
            | Word::Latest
            | Word::Same
            | Word::That => self.relative(i, w),
            Word::Every | Word::Each | Word::Per => {
                let j = i + 1;
                // "every other week": every second one.
                if w == Word::Every
                    && self.w(j, Word::Other)
                    && let Some((u, false)) = self.unit(j + 1)
                {
                    let mut p = Parsed::new(Core::Every(Duration::new(Some(2), u.duration_unit())));
                    p.ty = Some(TimexType::Set);
                    return Some((j + 2, p));
                }
                if let Some((u, false)) = self.unit(j) {
                    let mut p = Parsed::new(Core::Every(Duration::new(Some(1), u.duration_unit())));
                    p.ty = Some(TimexType::Set);
                    return Some((j + 1, p));
                }
                if let Some((e, d)) = self.weekday(j) {
                    let mut p = Parsed::new(Core::EachWeekday(d));
                    p.ty = Some(TimexType::Set);
                    return Some((e, p));
                }
                if let Some((e, m)) = self.month(j) {
                    let mut p = Parsed::new(Core::EachMonth(m));
                    p.ty = Some(TimexType::Set);
                    return Some((e, p));
                }
                if w != Word::Per
                    && let Some(Lex::Season(s)) = self.lex(j)
                {
                    let mut p = Parsed::new(Core::EachSeason(s));
                    p.ty = Some(TimexType::Set);
                    return Some((j + 1, p));
                }
                if w != Word::Per
                    && let Some((e, a)) = self.amount(j)
                    && let Some((u, true)) = self.unit(e)
                {
                    let mut p = Parsed::new(Core::Every(duration(a, u)));
                    p.ty = Some(TimexType::Set);
                    return Some((e + 1, p));
                }
                None
            }
            Word::Fiscal => {
                let j = i + 1;
                if let Some(y) = self.year_num(j) {
                    return Some((j + 1, Parsed::new(Core::Year(y))));
                }
                if let Some((e, p)) = self.ordinal_quarter(j) {
                    let (e, year) = self.year_of(e);
                    return Some((e, Parsed::new(Core::Part { part: p, year })));
                }
                None
            }
            Word::A | Word::Several | Word::Few | Word::Many | Word::Some => {
                if w == Word::Some && self.w(i + 1, Word::Time) {
                    return Some((
                        i + 2,
                        Parsed::new(Core::Duration(Duration::new(None, DurationUnit::Unknown))),
                    ));
                }
                self.duration_expr(i)
            }
            Word::These if self.unit(i + 1) == Some((Unit::Day, true)) => {
                Some((i + 2, Parsed::new(Core::Ref(Reference::Present))))
            }
            Word::Half => {
                // half an hour
                if self.w(i + 1, Word::A)
                    && let Some((u, false)) = self.unit(i + 2)
                {
                    let d = match u {
                        Unit::Hour => Duration::new(Some(30), DurationUnit::Minute),
                        Unit::Year => Duration::new(Some(6), DurationUnit::Month),
                        Unit::Day => Duration::new(Some(12), DurationUnit::Hour),
                        Unit::Minute => Duration::new(Some(30), DurationUnit::Second),
                        _ => return None,
                    };
                    return Some((i + 3, Parsed::new(Core::Duration(d))));
                }
                None
            }
            _ => None,
        }
    }

    /// `this week`, `last year`, `next Friday`, `last fall`, `the past two months`...
    fn relative(&self, i: usize, w: Word) -> Option<(usize, Parsed)> {
        let off = match w {
            Word::This | Word::Same | Word::Latest | Word::That => 0,
            Word::Next | Word::Coming | Word::Following => 1,
            Word::Last | Word::Past | Word::Previous => -1,
            _ => return None,
        };
        let mut j = i + 1;
        let latest = w == Word::Past || w == Word::This && self.w(j, Word::Past);
        let mut w = w;
        let mut off = off;
        if w == Word::This && matches!(self.lex(j), Some(Lex::Word(Word::Past | Word::Coming))) {
            w = if self.w(j, Word::Past) {
                Word::Last
            } else {
                Word::Next
            };
            off = if w == Word::Last { -1 } else { 1 };
            j += 1;
        }
        let i = j - 1;
        // last half
        if self.w(j, Word::Half) && matches!(w, Word::Last | Word::Past) {
            // "the last half of the '80s": the end of the decade.
            if self.w(j + 1, Word::Of) {
                let k = if self.w(j + 2, Word::The) {
                    j + 3
                } else {
                    j + 2
                };
                if let Some((e, p)) = self.core(k)
                    && matches!(p.core, Core::Decade { .. })
                {
                    return Some((e, p.with_mod(Some(TimexMod::End))));
                }
            }
            let (e, year) = self.year_of(j + 1);
            return Some((
                e,
                Parsed::new(Core::Part {
                    part: Part::Half(2),
                    year,
                }),
            ));
        }
        // that year, the following year, the previous year
        if self.unit(j) == Some((Unit::Year, false)) && !self.is_hyph(j + 1) {
            let anaphor = match w {
                Word::That => Some(0),
                Word::Following => Some(1),
                Word::Previous => Some(-1),
                _ => None,
            };
            if let Some(o) = anaphor {
                return Some((j + 1, Parsed::new(Core::ThatYear(o))));
            }
        }
        // last/next N units: a duration
        if matches!(
            w,
            Word::Past | Word::Last | Word::Next | Word::Coming | Word::Previous | Word::Following
        ) && let Some(r) = self.span_duration(i)
        {
            return Some(r);
        }
        // this year's third quarter; last year's quarter (the one under discussion)
        if let Some((u, false)) = self.unit(j)
            && u == Unit::Year
            && let Some(k) = self.possessive(j + 1)
        {
            if off == -1 && self.unit(k) == Some((Unit::Quarter, false)) && !self.is_hyph(k + 1) {
                return Some((k + 1, Parsed::new(Core::YearAgoQuarter)));
            }
            if let Some((e, p)) = self.ordinal_quarter(k) {
                return Some((
                    e,
                    Parsed::new(Core::Part {
                        part: p,
                        year: YearRef::Rel(off),
                    }),
                ));
            }
        }
        if w == Word::That
            && !matches!(
                self.unit(j),
                Some((
                    Unit::Day | Unit::Year | Unit::Week | Unit::Month | Unit::Quarter,
                    false
                ))
            )
        {
            return None;
        }
        if let Some((u, pl)) = self.unit(j) {
            if pl {
                if matches!(w, Word::Past | Word::Coming | Word::Next | Word::Last) {
                    let mut p = Parsed::new(Core::Duration(some_units(u)));
                    if w == Word::Past && u == Unit::Year && !self.w(i.wrapping_sub(1), Word::The) {
                        p = Parsed::new(Core::Ref(Reference::Past));
                    }
                    if w == Word::Coming && u == Unit::Month {
                        p = Parsed::new(Core::Ref(Reference::Future));
                    }
                    return Some((j + 1, p));
                }
                return None;
            }
            // "over the past decade": the ten years up to now (`the last decade` is the one
            // before this one).
            if w == Word::Past && matches!(u, Unit::Decade | Unit::Century) {
                let one = Amount {
                    value: Some(1),
                    half: false,
                    approx: false,
                };
                return Some((j + 1, Parsed::new(Core::Duration(duration(one, u)))));
            }
            // "this quarter's loss": the results reported, of the quarter under discussion.
            if w == Word::This && u == Unit::Quarter && self.possessive(j + 1).is_some() {
                return Some((j + 1, Parsed::new(Core::CurrentPeriod)));
            }
            if w == Word::Latest || w == Word::Same {
                if matches!(u, Unit::Quarter) {
                    return Some((j + 1, Parsed::new(Core::CurrentPeriod)));
                }
                return None;
            }
            if w == Word::That && u == Unit::Quarter {
                // "that quarter": the one under discussion; "that quarter of the vote" is a
                // fraction.
                if self.w(j + 1, Word::Of) {
                    return None;
                }
                return Some((j + 1, Parsed::new(Core::CurrentPeriod)));
            }
            if w == Word::That {
                // "that day", "that month": the one the story named.
                let mut p = Parsed::new(Core::Rel { unit: u, offset: 0 });
                p.anaphoric = true;
                return Some((j + 1, p));
            }
            if u == Unit::Quarter && w == Word::Same {
                return Some((j + 1, Parsed::new(Core::CurrentPeriod)));
            }
            // "This Week" in the middle of a sentence is a title.
            if self.cap(j) && self.cap(i) && i > 0 && !self.p(i - 1, b'.') && !self.t[i].newline {
                return None;
            }
            let mut p = Parsed::new(rel_unit(u, off));
            // "the next day" counts from the story's day, as "the following day" does.
            p.anaphoric = matches!(w, Word::Following | Word::Previous)
                || w == Word::Next && u == Unit::Day && i > 0 && self.w(i - 1, Word::The);
            // "the next year or so": about then.
            if self.w(j + 1, Word::Or) && self.text(j + 2).eq_ignore_ascii_case("so") {
                p.md = Some(TimexMod::Approx);
                return Some((j + 3, p));
            }
            return Some((j + 1, p));
        }
        if w == Word::Latest && self.w(j, Word::Period) {
            return Some((j + 1, Parsed::new(Core::CurrentPeriod)));
        }
        if matches!(w, Word::Same)
            && (self.w(j, Word::Period) || self.unit(j) == Some((Unit::Quarter, false)))
        {
            // the same period last year
            if let Some((e, YearRef::Rel(-1))) = self.rel_year(j + 1) {
                return Some((e, Parsed::new(Core::YearAgo)));
            }
            return None;
        }
        if matches!(w, Word::Same | Word::Latest | Word::That) {
            return None;
        }
        if let Some(pd) = self.pod(j) {
            // this morning, last night, tomorrow evening
            if w == Word::This || (w == Word::Last && pd == PartOfDay::Night) {
                let mut p = Parsed::new(Core::Day(if w == Word::Last { -1 } else { 0 }));
                p.part_of_day = Some(pd);
                p.ty = Some(TimexType::Time);
                return Some((j + 1, p));
            }
            if w == Word::Next || w == Word::Following {
                let mut p = Parsed::new(Core::Day(1));
                p.part_of_day = Some(pd);
                // "the next morning": the morning after the story's day.
                p.anaphoric = w == Word::Following || i > 0 && self.w(i - 1, Word::The);
                return Some((j + 1, p));
            }
            return None;
        }
        if let Some((e, m)) = self.month(j).or_else(|| match self.lex(j) {
            // Lower-case "march" and "may" are a noun and a verb: "this march".
            Some(Lex::Month(m))
                if matches!(w, Word::Last | Word::Next | Word::This) && m != 3 && m != 5 =>
            {
                Some((j + 1, m))
            }
            _ => None,
        }) {
            if self.day_num(e).is_some() {
                return None;
            }
            return Some((
                e,
                Parsed::new(Core::RelMonth {
                    month: m,
                    offset: if w == Word::This { 0 } else { off },
                    latest,
                }),
            ));
        }
        if let Some((e, d)) = self.weekday(j) {
            // "this coming Sunday, March eighth": the date that follows names the day.
            if self.p(e, b',')
                && let Some((e2, p)) = self.month_expr(e + 1)
                && matches!(p.core, Core::Calendar { day: Some(_), .. })
            {
                return Some((e2, p));
            }
            let mut p = Parsed::new(Core::Weekday {
                weekday: d,
                rel: Some(if w == Word::This { 0 } else { off }),
            });
            p.anaphoric = matches!(w, Word::Following | Word::Previous);
            let mut e = e;
            if let Some(pd) = self.pod(e) {
                p.part_of_day = Some(pd);
                e += 1;
            }
            return Some((e, p));
        }
        if let Some(Lex::Season(s)) = self.lex(j) {
            return Some((
                j + 1,
                Parsed::new(Core::RelSeason {
                    season: s,
                    offset: if w == Word::This { 0 } else { off },
                    latest,
                }),
            ));
        }
        if let Some(Lex::Holiday(h)) = self.lex(j) {
            return self.holiday(j, h, YearRef::Rel(off));
        }
        if w == Word::Past && i > 0 && self.w(i - 1, Word::The) {
            // "the past" as a noun: not before a noun it modifies.
            // A pronoun or auxiliary starts the clause that follows: "in the past it tried".
            let clause = [
                "it", "he", "she", "they", "we", "i", "you", "there", "has", "have", "had",
            ]
            .iter()
            .any(|w| self.text(j).eq_ignore_ascii_case(w));
            if clause
                || self
                    .t
                    .get(j)
                    .is_none_or(|t| t.kind != Kind::Word || t.lex.is_some())
            {
                return Some((j, Parsed::new(Core::Ref(Reference::Past))));
            }
        }
        None
    }

    /// Bare unit words: `year-ago`, `year-earlier`, `years` (after for/over), `weekend`.
    fn unit_expr(&self, i: usize, u: Unit, pl: bool) -> Option<(usize, Parsed)> {
        // "a day-long meeting", "a year-long inquiry": one unit long.
        if !pl && self.is_hyph(i + 1) && self.w(i + 2, Word::Long) {
            let one = Amount {
                value: Some(1),
                half: false,
                approx: false,
            };
            return Some((i + 3, Parsed::new(Core::Duration(duration(one, u)))));
        }
        // "months ago": some time ago.
        if pl && self.w(i + 1, Word::Ago) {
            return Some((
                i + 2,
                Parsed::new(Core::Shift {
                    amount: None,
                    unit: u,
                    sign: -1,
                }),
            ));
        }
        if !pl && u == Unit::Year {
            // year end, year's end
            let k = self.possessive(i + 1).unwrap_or(i + 1);
            if self.w(k, Word::End) && !self.is_hyph(i + 1) {
                let mut p = Parsed::new(Core::Rel {
                    unit: Unit::Year,
                    offset: 0,
                });
                p.md = Some(TimexMod::End);
                return Some((k + 1, p));
            }
        }
        if !pl && matches!(u, Unit::Year) && self.is_hyph(i + 1) {
            if matches!(self.lex(i + 2), Some(Lex::Word(Word::Ago | Word::Earlier))) {
                let e = i + 3;
                // "year-ago quarter", "year-earlier period", "year-ago third quarter"
                if let Some((e2, Part::Quarter(q))) = self.ordinal_quarter(e) {
                    let mut p = Parsed::new(Core::YearAgoQuarter);
                    if let Some(q) = q {
                        p.core = Core::Part {
                            part: Part::Quarter(Some(q)),
                            year: YearRef::Rel(-1),
                        };
                    }
                    return Some((e2, p));
                }
                if self.unit(e) == Some((Unit::Quarter, false)) || self.w(e, Word::Period) {
                    return Some((e + 1, Parsed::new(Core::YearAgoQuarter)));
                }
                if let Some((e2, amt)) = self.amount(e)
                    && let Some((u, true)) = self.unit(e2)
                {
                    return Some((e2 + 1, Parsed::new(Core::Duration(duration(amt, u)))));
                }
                return Some((e, Parsed::new(Core::YearAgo)));
            }
            if self.w(i + 2, Word::End) {
                // "year-end": the last day of the year, before or after the anchor by tense;
                // "since year-end" is the last one gone by.
                let year = if self.after_word(i, &[Word::Since]) {
                    YearRef::Rel(-1)
                } else {
                    YearRef::Implicit
                };
                return Some((
                    i + 3,
                    Parsed::new(Core::Calendar {
                        year,
                        month: 12,
                        day: Some(31),
                    }),
                ));
            }
        }
        if pl
            && matches!(
                u,
                Unit::Year | Unit::Month | Unit::Week | Unit::Decade | Unit::Century
            )
        {
            let prev = i.checked_sub(1).and_then(|k| self.lex(k));
            let ok = matches!(prev, Some(Lex::Word(Word::Over | Word::Within | Word::In)))
                || i > 0 && self.text(i - 1).eq_ignore_ascii_case("for");
            if ok && !self.is_hyph(i + 1) {
                return Some((i + 1, Parsed::new(Core::Duration(some_units(u)))));
            }
            if self.is_hyph(i + 1) && self.w(i + 2, Word::Long) {
                return Some((i + 3, Parsed::new(Core::Duration(some_units(u)))));
            }
        }
        None
    }
}

/// The core for "this/last/next" + a unit.
/// Whether an expression can start with a word of this meaning: the function words that
/// [`Grammar::modified`], [`Grammar::with_the`] and [`Grammar::word_expr`] accept first, and
/// every other kind of word. Function words such as `of`, `in` or `ago` only continue one.
fn can_start(lex: Lex) -> bool {
    use Word as W;
    match lex {
        Lex::Word(w) => matches!(
            w,
            // modified
            W::About
                | W::Around
                | W::Approximately
                | W::Roughly
                | W::Nearly
                | W::Almost
                | W::More
                | W::Less
                | W::Over
                | W::Up
                | W::No
                | W::At
                | W::Early
                | W::Earlier
                | W::Mid
                | W::Late
                | W::Later
                // modified and with_the
                | W::The
                // word_expr
                | W::This
                | W::Next
                | W::Last
                | W::Past
                | W::Coming
                | W::Previous
                | W::Following
                | W::Latest
                | W::Same
                | W::That
                | W::Every
                | W::Each
                | W::Per
                | W::Fiscal
                | W::A
                | W::Several
                | W::Few
                | W::Many
                | W::Some
                | W::These
                | W::Half
        ),
        _ => true,
    }
}

fn rel_unit(u: Unit, off: i32) -> Core {
    Core::Rel {
        unit: u,
        offset: off,
    }
}

/// Some units of unknown number (`decades`, `the weeks ahead`), counted as [`duration`] counts
/// them: decades in years.
fn some_units(u: Unit) -> Duration {
    duration(
        Amount {
            value: None,
            half: false,
            approx: false,
        },
        u,
    )
}

/// A duration of an amount of units, with decades as ten years and halves as extra months.
fn duration(a: Amount, u: Unit) -> Duration {
    let mut amount = a.value;
    let mut unit = u.duration_unit();
    match u {
        Unit::Decade => {
            amount = amount.map(|v| v.saturating_mul(10));
            unit = DurationUnit::Year;
        }
        Unit::Century if amount.is_some() => {
            amount = amount.map(|v| v.saturating_mul(100));
            unit = DurationUnit::Year;
        }
        Unit::Quarter if amount.is_some() => {
            amount = amount.map(|v| v.saturating_mul(3));
            unit = DurationUnit::Month;
        }
        _ => {}
    }
    let mut d = Duration::new(amount, unit);
    if a.half {
        d.extra = match unit {
            DurationUnit::Year => Some((6, DurationUnit::Month)),
            DurationUnit::Day => Some((12, DurationUnit::Hour)),
            DurationUnit::Hour => Some((30, DurationUnit::Minute)),
            DurationUnit::Minute => Some((30, DurationUnit::Second)),
            DurationUnit::Week => {
                d.unit = DurationUnit::Day;
                d.amount = d.amount.map(|v| v.saturating_mul(7).saturating_add(3));
                Some((12, DurationUnit::Hour))
            }
            DurationUnit::Month => {
                d.unit = DurationUnit::Day;
                d.amount = d.amount.map(|v| v.saturating_mul(30).saturating_add(15));
                None
            }
            _ => None,
        };
    }
    d
}

#[cfg(test)]
mod dispatch_tests {
    use super::*;
    use proptest::prelude::*;

    /// Text made of the lexicon's words in either case, words the rules read by their letters,
    /// plain words, numbers of every shape the rules look at, and punctuation, glued or spaced;
    /// the words [`Grammar::may_start`] looks at and what it looks for after them come often.
    fn grammar_text() -> impl Strategy<Value = String> {
        let lexicon: Vec<String> = super::super::scan::lexicon_words()
            .flat_map(|w| {
                let mut cap = w.to_string();
                cap[..1].make_ascii_uppercase();
                [w.to_string(), cap]
            })
            .collect();
        let others: Vec<&str> = vec![
            "short", "distant", "term", "future", "near", "ahead", "ended", "so", "trading",
            "straight", "high", "then", "for", "percent", "will", "budget", "homes", "p", "m",
            "am", "pm", "s", "th", "st", "nd", "ending", "million", "shares", "nights", "dozen",
        ];
        let numbers: Vec<&str> = vec![
            "1", "4", "12", "24", "25", "30", "05", "59", "300", "1200", "1998", "2021", "1990",
            "80", "100001", ".", ",", "-", ":", "/", "'", "$", "%", "(", "#", "\u{2019}", "\u{e9}",
        ];
        let starts: Vec<&str> = vec![
            "the", "The", "that", "That", "day", "week", "month", "year", "years", "quarter",
        ];
        let piece = prop_oneof![
            prop::sample::select(lexicon),
            prop::sample::select(others).prop_map(String::from),
            prop::sample::select(numbers).prop_map(String::from),
            prop::sample::select(starts).prop_map(String::from),
        ];
        let gap = prop::sample::select(vec!["", " ", " ", " ", "\n"]);
        prop::collection::vec((piece, gap), 0..24).prop_map(|v| {
            v.into_iter()
                .map(|(p, g)| format!("{p}{g}"))
                .collect::<String>()
        })
    }

    fn both(text: &str) -> (Vec<Match>, Vec<Match>) {
        let mut toks = Vec::new();
        super::super::scan::tokenize(text, 0, text.len(), &mut toks);
        let g = Grammar::new(&toks, text);
        let (mut fast, mut full) = (Vec::new(), Vec::new());
        g.matches(&mut fast);
        g.matches_reference(&mut full);
        (fast, full)
    }

    /// Every word [`Grammar::may_start`] rules on, before every piece of text, glued or
    /// spaced, and then a piece that may complete an expression.
    #[test]
    fn restricted_starts_agree_after_every_next_token() {
        let mut pieces: Vec<String> = super::super::scan::lexicon_words()
            .map(String::from)
            .collect();
        pieces.extend(
            [
                "Short", "short", "distant", "term", "budget", "p", "am", "s", "th", "nights", "1",
                "12", "25", "30", "05", "300", "1998", "1990", "80", ".", ",", "-", ":", "/", "'",
                "$", "%", "(", "\u{2019}", "\u{e9}", "",
            ]
            .map(String::from),
        );
        let then = [
            "", "future", "term", "year", "years", "quarter", "of", "1998", "30", "05", "s", "m",
            "a.m.", "p.m.", "pm", "ago", "end", "later", "March", "Friday", "day", "'s",
        ];
        for start in ["the", "The", "that", "That", "4", "10", "1", "1998", "'"] {
            for p in &pieces {
                for glue in [" ", ""] {
                    for t in then {
                        for tglue in [" ", ""] {
                            for tail in ["x", "p.m."] {
                                let text = format!("{start}{glue}{p}{tglue}{t} {tail}");
                                let (fast, full) = both(&text);
                                assert_eq!(fast, full, "{text:?}");
                            }
                        }
                    }
                }
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// Trying the rules only where [`Grammar::may_start`] allows finds what trying them at
        /// every token finds.
        #[test]
        fn restricted_starts_find_what_every_start_finds(text in grammar_text()) {
            let mut toks = Vec::new();
            super::super::scan::tokenize(&text, 0, text.len(), &mut toks);
            let g = Grammar::new(&toks, &text);
            let (mut fast, mut full) = (Vec::new(), Vec::new());
            g.matches(&mut fast);
            g.matches_reference(&mut full);
            prop_assert_eq!(fast, full);
        }
    }
}
