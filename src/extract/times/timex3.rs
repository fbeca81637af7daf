//! TIMEX3 value strings read back into typed values: the inverse of `to_timex3`.
//!
//! A nom grammar over the value upper-cased (TIMEX3 spells its letters in capitals; lower case
//! reads the same), one function per field, each failing with what it expected: an error that
//! an alternative may still mend (`nom::Err::Error`) until a field's first character commits the
//! grammar to it (`cut`), after which it stands (`nom::Err::Failure`). What is read and the laws
//! are documented on [`TimeValue::from_timex3`].

use super::value::{
    CalendarPoint, Duration, DurationUnit, Granularity, PartOfDay, Reference, Season, TimeValue,
    TimexMod, TimexType, YearPart,
};
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while1};
use nom::character::complete::char;
use nom::combinator::{cut, opt, value};
use nom::sequence::preceded;
use nom::{IResult, Parser};
use std::borrow::Cow;
use std::fmt;
use std::ops::RangeInclusive;
use std::str::FromStr;

/// A string that is not a TIMEX3 value this crate reads: what was expected, at which byte of
/// the string, and what was found there.
///
/// ```
/// use newswire::extract::times::CalendarPoint;
///
/// let err = "1998-13-01".parse::<CalendarPoint>().unwrap_err();
/// assert_eq!(err.offset(), 5);
/// assert_eq!(err.expected(), "a month (01 to 12, or XX)");
/// assert_eq!(err.found(), "13");
/// assert_eq!(
///     err.to_string(),
///     "invalid TIMEX3 value `1998-13-01` at byte 5: expected a month (01 to 12, or XX), found `13`"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "invalid TIMEX3 value `{shown}` at byte {offset}: expected {expected}, found {}",
    Found(found)
)]
pub struct ParseTimexError {
    /// The value as given, cut after [`SHOWN_CHARS`] characters.
    shown: String,
    offset: usize,
    expected: &'static str,
    found: String,
}

/// How much of a rejected value an error keeps and shows.
const SHOWN_CHARS: usize = 40;
/// How much of the text at fault an error keeps.
const FOUND_CHARS: usize = 16;

impl ParseTimexError {
    /// Byte offset in the value string where it stops being a TIMEX3 value.
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// What a TIMEX3 value has there, in words, such as `a month (01 to 12, or XX)`.
    pub fn expected(&self) -> &str {
        self.expected
    }

    /// The text at fault, as written (at most 16 characters); empty when the value ended too
    /// early.
    pub fn found(&self) -> &str {
        &self.found
    }

    /// The error for `value` (the string as given) at `offset` over `len` bytes (0: the
    /// character there).
    fn new(value: &str, offset: usize, len: usize, expected: &'static str) -> Self {
        let rest = value.get(offset..).unwrap_or("");
        let found = if len == 0 {
            rest.chars().next().map(String::from).unwrap_or_default()
        } else {
            // `len` bytes of ASCII in the upper-cased copy are the same bytes here.
            rest.get(..len).unwrap_or(rest).to_string()
        };
        ParseTimexError {
            shown: cut_chars(value, SHOWN_CHARS),
            offset,
            expected,
            found: cut_chars(&found, FOUND_CHARS),
        }
    }
}

/// The first `n` characters of `s`, with `…` when there were more.
fn cut_chars(s: &str, n: usize) -> String {
    match s.char_indices().nth(n) {
        Some((at, _)) => format!("{}…", &s[..at]),
        None => s.to_string(),
    }
}

/// Shows the text at fault in an error message.
struct Found<'a>(&'a str);

impl fmt::Display for Found<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            f.write_str("the end of the value")
        } else {
            write!(f, "`{}`", self.0)
        }
    }
}

/// What the grammar expected, and where: `at` is the rest of the (upper-cased) value there, `len`
/// the bytes at fault (0: the character at `at`).
#[derive(Debug, Clone, Copy)]
struct Expected<'a> {
    at: &'a str,
    len: usize,
    what: &'static str,
}

impl<'a> nom::error::ParseError<&'a str> for Expected<'a> {
    fn from_error_kind(at: &'a str, _: nom::error::ErrorKind) -> Self {
        Expected {
            at,
            len: 0,
            what: VALUE,
        }
    }

    fn append(_: &'a str, _: nom::error::ErrorKind, other: Self) -> Self {
        other
    }

    /// Of two alternatives that failed, the one that read further.
    fn or(self, other: Self) -> Self {
        if other.at.len() < self.at.len() {
            other
        } else {
            self
        }
    }
}

type Res<'a, T> = IResult<&'a str, T, Expected<'a>>;

/// A recoverable error: an alternative may still match.
fn error<'a, T>(at: &'a str, len: usize, what: &'static str) -> Res<'a, T> {
    Err(nom::Err::Error(Expected { at, len, what }))
}

/// An error after the grammar committed to a reading.
fn failure<'a, T>(at: &'a str, len: usize, what: &'static str) -> Res<'a, T> {
    Err(nom::Err::Failure(Expected { at, len, what }))
}

/// `p`, whose recoverable errors say that `what` was expected where it started.
fn expect<'a, O>(
    what: &'static str,
    mut p: impl Parser<&'a str, Output = O, Error = Expected<'a>>,
) -> impl Parser<&'a str, Output = O, Error = Expected<'a>> {
    move |input: &'a str| match p.parse(input) {
        Err(nom::Err::Error(_)) => error(input, 0, what),
        done => done,
    }
}

// What the grammar expects, in the words errors use.
const VALUE: &str = "a TIMEX3 value: a date or time such as 1998-03-12, a duration such as P3D, \
                     or PAST_REF, PRESENT_REF, FUTURE_REF";
const SET_VALUE: &str =
    "a SET value: a duration such as P1D or a date with unknown parts such as XXXX-WXX-4";
const POINT: &str = "a date or time: a year (1998 or XXXX), a decade (199), a century (19), \
                     or T and a time of day";
const YEAR: &str =
    "a year (four digits or XXXX), a decade (three digits) or a century (two digits)";
const PART: &str = "a part of the year: a month (01 to 12, or XX), a week (W01 to W53, or WXX), \
                    a quarter (Q1 to Q4, or QX), a half (H1, H2) or a season (SP, SU, FA, WI)";
const MONTH: &str = "a month (01 to 12, or XX)";
const DAY: &str = "a day of the month (01 to 31, or XX)";
const WEEK: &str = "an ISO week (W01 to W53, or WXX)";
const QUARTER: &str = "a quarter (Q1 to Q4, or QX)";
const HALF: &str = "a half (H1 or H2)";
const AFTER_WEEK: &str = "a weekday (1 for Monday to 7, or X) or WE (the weekend)";
const WEEKDAY: &str = "a weekday (1 for Monday to 7, or X)";
const TIME: &str =
    "a time of day: an hour (00 to 24, or XX) or a part of day (MO, MI, AF, EV, NI, DT)";
const HOUR: &str = "an hour (00 to 24, or XX)";
const MINUTE: &str = "minutes (00 to 59, or XX)";
const END: &str = "the end of the value";
const END_OF_YEAR: &str = "`-` and a part of the year, or the end of the value";
const END_OF_MONTH: &str = "`-` and a day, or the end of the value";
const END_OF_WEEK: &str = "`-` and a weekday or WE, or the end of the value";
const END_OF_DAY: &str = "`T` and a time of day, or the end of the value";
const END_OF_TIME: &str = "the end of the value (seconds and time zones are not read)";
const END_OF_COARSE: &str = "the end of the value (a decade or century has no parts)";
const DURATION: &str = "a duration: P, then an amount and a unit (P3D, PT2H)";
const AMOUNT: &str = "an amount (digits, or X)";
const AMOUNT_DIGITS: &str = "an amount in digits (only a duration's first amount may be X)";
const AMOUNT_U32: &str = "an amount below 4294967296";
const DATE_UNIT: &str = "a unit (L, C, E, Y, Q, M, W, WE, D, or X); hours, minutes and seconds \
                         come after T";
const TIME_UNIT: &str = "a unit of time (H, M or S)";
const FINER_UNIT: &str = "a unit finer than the first (P2Y6M, P1DT12H)";
const ALONE_UNIT: &str = "the end of the value (a duration of unknown unit X has one part)";
const REFERENCE: &str = "PAST_REF, PRESENT_REF or FUTURE_REF";
const TIMEX_TYPE: &str = "a TIMEX3 type: DATE, TIME, DURATION or SET";
const TIMEX_MOD: &str = "a TIMEX3 mod such as BEFORE, START, APPROX or EQUAL_OR_LESS";

/// A number field of `digits` digits within `range`, or the unknown spelling `unknown` (`XX`).
/// No digits is a recoverable error; digits out of bounds are a failure.
fn number<'a>(
    what: &'static str,
    digits: RangeInclusive<usize>,
    range: RangeInclusive<u8>,
    unknown: &'static str,
) -> impl Parser<&'a str, Output = Option<u8>, Error = Expected<'a>> {
    move |input: &'a str| {
        if let Some(rest) = input.strip_prefix(unknown).filter(|_| !unknown.is_empty()) {
            return Ok((rest, None));
        }
        let (rest, run) = expect(what, take_while1(|c: char| c.is_ascii_digit())).parse(input)?;
        match run.parse::<u8>() {
            Ok(n) if digits.contains(&run.len()) && range.contains(&n) => Ok((rest, Some(n))),
            _ => failure(input, run.len(), what),
        }
    }
}

/// The leading field of a point: how many digits (and `X`s) it has tells its granularity.
#[derive(Debug, Clone, Copy)]
enum YearField {
    Century(Option<i32>),
    Decade(Option<i32>),
    Year(Option<i32>),
}

fn year_field(input: &str) -> Res<'_, YearField> {
    let (rest, run) =
        expect(YEAR, take_while1(|c: char| c.is_ascii_digit() || c == 'X')).parse(input)?;
    let digits = run.bytes().take_while(u8::is_ascii_digit).count();
    let n = run.get(..digits).and_then(|d| d.parse::<i32>().ok());
    let tail_unknown = run.bytes().skip(digits).all(|b| b == b'X');
    let field = match (run.len(), digits, n) {
        _ if !tail_unknown => None,
        (2, 0, _) => Some(YearField::Century(None)),
        (3, 0, _) => Some(YearField::Decade(None)),
        (4, 0, _) => Some(YearField::Year(None)),
        // `19`, and `19XX` as TimeML gold writes it.
        (2 | 4, 2, Some(c)) => Some(YearField::Century(Some(c * 100))),
        // `199`, and `199X`.
        (3 | 4, 3, Some(d)) => Some(YearField::Decade(Some(d * 10))),
        (4, 4, Some(y)) => Some(YearField::Year(Some(y))),
        _ => None,
    };
    match field {
        Some(f) => Ok((rest, f)),
        None => failure(input, run.len(), YEAR),
    }
}

/// A calendar point: a year and its parts, a decade, a century, or a time of day alone.
fn point(input: &str) -> Res<'_, CalendarPoint> {
    if input.starts_with('T') {
        // A time without a date (SUTime writes `T10:35`): every part of the date unknown.
        let day = CalendarPoint {
            part: YearPart::Month(None),
            ..CalendarPoint::bare(Granularity::Day, None)
        };
        return time(day).parse(input);
    }
    let (rest, field) = expect(POINT, year_field).parse(input)?;
    match field {
        YearField::Century(y) => Ok((rest, CalendarPoint::bare(Granularity::Century, y))),
        YearField::Decade(y) => Ok((rest, CalendarPoint::bare(Granularity::Decade, y))),
        YearField::Year(y) => {
            let (rest, p) = opt(preceded(char('-'), cut(year_part(y)))).parse(rest)?;
            Ok((rest, p.unwrap_or(CalendarPoint::bare(Granularity::Year, y))))
        }
    }
}

/// What follows `YYYY-`.
fn year_part<'a>(
    year: Option<i32>,
) -> impl Parser<&'a str, Output = CalendarPoint, Error = Expected<'a>> {
    let with = move |granularity, part| CalendarPoint {
        part,
        ..CalendarPoint::bare(granularity, year)
    };
    expect(
        PART,
        alt((
            preceded(char('Q'), cut(number(QUARTER, 1..=1, 1..=4, "X")))
                .map(move |q| with(Granularity::Quarter, YearPart::Quarter(q))),
            preceded(char('H'), cut(half)).map(move |h| with(Granularity::Half, YearPart::Half(h))),
            // Before weeks: winter is `WI`.
            season.map(move |s| with(Granularity::Season, YearPart::Season(s))),
            preceded(char('W'), cut(week(year))),
            month(year),
        )),
    )
}

fn half(input: &str) -> Res<'_, u8> {
    let (rest, h) = number(HALF, 1..=1, 1..=2, "").parse(input)?;
    match h {
        Some(h) => Ok((rest, h)),
        None => failure(input, 0, HALF),
    }
}

fn season(input: &str) -> Res<'_, Season> {
    alt((
        value(Season::Spring, tag("SP")),
        value(Season::Summer, tag("SU")),
        value(Season::Fall, tag("FA")),
        value(Season::Winter, tag("WI")),
    ))
    .parse(input)
}

/// `Www` and what may follow it: `-WE`, or a weekday and a time.
fn week<'a>(
    year: Option<i32>,
) -> impl Parser<&'a str, Output = CalendarPoint, Error = Expected<'a>> {
    move |input: &'a str| {
        let (rest, w) = number(WEEK, 1..=2, 1..=53, "XX").parse(input)?;
        let week = CalendarPoint {
            part: YearPart::Week(w),
            ..CalendarPoint::bare(Granularity::Week, year)
        };
        let weekend = value(
            CalendarPoint {
                granularity: Granularity::Weekend,
                ..week
            },
            tag("WE"),
        );
        let weekday = move |input: &'a str| {
            let (rest, d) = number(WEEKDAY, 1..=1, 1..=7, "X").parse(input)?;
            let day = CalendarPoint {
                granularity: Granularity::Day,
                weekday: d,
                ..week
            };
            opt_time(day).parse(rest)
        };
        let (rest, after) = opt(preceded(
            char('-'),
            cut(expect(AFTER_WEEK, alt((weekend, weekday)))),
        ))
        .parse(rest)?;
        Ok((rest, after.unwrap_or(week)))
    }
}

/// `MM` and what may follow it: a day and a time.
fn month<'a>(
    year: Option<i32>,
) -> impl Parser<&'a str, Output = CalendarPoint, Error = Expected<'a>> {
    move |input: &'a str| {
        let (rest, m) = number(MONTH, 1..=2, 1..=12, "XX").parse(input)?;
        let month = CalendarPoint {
            part: YearPart::Month(m),
            ..CalendarPoint::bare(Granularity::Month, year)
        };
        let day = move |input: &'a str| {
            let (rest, d) = number(DAY, 1..=2, 1..=31, "XX").parse(input)?;
            let day = CalendarPoint {
                granularity: Granularity::Day,
                day: d,
                ..month
            };
            opt_time(day).parse(rest)
        };
        let (rest, day) = opt(preceded(char('-'), cut(day))).parse(rest)?;
        Ok((rest, day.unwrap_or(month)))
    }
}

/// A time of day after a day, if there is one.
fn opt_time<'a>(
    day: CalendarPoint,
) -> impl Parser<&'a str, Output = CalendarPoint, Error = Expected<'a>> {
    move |input: &'a str| {
        if input.starts_with('T') {
            time(day).parse(input)
        } else {
            Ok((input, day))
        }
    }
}

/// `T` and a part of day (`TMO`) or an hour with or without minutes (`T17`, `T10:35`), on `day`.
fn time<'a>(
    day: CalendarPoint,
) -> impl Parser<&'a str, Output = CalendarPoint, Error = Expected<'a>> {
    let part_of_day = alt((
        value(PartOfDay::Morning, tag("MO")),
        value(PartOfDay::Midday, tag("MI")),
        value(PartOfDay::Afternoon, tag("AF")),
        value(PartOfDay::Evening, tag("EV")),
        value(PartOfDay::Night, tag("NI")),
        value(PartOfDay::Daytime, tag("DT")),
    ))
    .map(move |p| CalendarPoint {
        granularity: Granularity::PartOfDay,
        part_of_day: Some(p),
        ..day
    });
    let clock = move |input: &'a str| {
        let (rest, hour) = number(HOUR, 1..=2, 0..=24, "XX").parse(input)?;
        let (rest, minute) = opt(preceded(
            char(':'),
            cut(number(MINUTE, 2..=2, 0..=59, "XX")),
        ))
        .parse(rest)?;
        let granularity = if minute.is_some() {
            Granularity::Minute
        } else {
            Granularity::Hour
        };
        Ok((
            rest,
            CalendarPoint {
                granularity,
                hour,
                minute: minute.flatten(),
                ..day
            },
        ))
    };
    preceded(char('T'), cut(expect(TIME, alt((part_of_day, clock)))))
}

/// An amount of time: `P`, then one or two parts of an amount and a unit, those of hours,
/// minutes and seconds after `T`.
fn duration(input: &str) -> Res<'_, Duration> {
    let (rest, _) = expect(DURATION, char('P')).parse(input)?;
    let (rest, t) = opt(char('T')).parse(rest)?;
    let (rest, (amount, unit)) = cut(component(t.is_some())).parse(rest)?;
    let mut d = Duration::new(amount, unit);
    let (next, t2) = if t.is_none() {
        opt(char('T')).parse(rest)?
    } else {
        (rest, None)
    };
    if t2.is_none() && !next.starts_with(|c: char| c.is_ascii_digit() || c == 'X') {
        return Ok((rest, d));
    }
    let in_time = t.is_some() || t2.is_some();
    let (after, (amount2, unit2)) = cut(component(in_time)).parse(next)?;
    let len = next.len() - after.len();
    if unit == DurationUnit::Unknown || unit2 == DurationUnit::Unknown {
        return failure(rest, rest.len() - after.len(), ALONE_UNIT);
    }
    let Some(amount2) = amount2 else {
        return failure(next, 1, AMOUNT_DIGITS);
    };
    if unit2 <= unit {
        return failure(next, len, FINER_UNIT);
    }
    d.extra = Some((amount2, unit2));
    Ok((after, d))
}

/// An amount (digits or `X`) and a unit: of time after `T`, else of date.
fn component<'a>(
    in_time: bool,
) -> impl Parser<&'a str, Output = (Option<u32>, DurationUnit), Error = Expected<'a>> {
    move |input: &'a str| {
        let (rest, amount) = amount(input)?;
        let (rest, unit) = if in_time {
            expect(
                TIME_UNIT,
                alt((
                    value(DurationUnit::Hour, char('H')),
                    value(DurationUnit::Minute, char('M')),
                    value(DurationUnit::Second, char('S')),
                )),
            )
            .parse(rest)?
        } else {
            expect(
                DATE_UNIT,
                alt((
                    // Before weeks.
                    value(DurationUnit::Weekend, tag("WE")),
                    value(DurationUnit::Millennium, char('L')),
                    value(DurationUnit::Century, char('C')),
                    value(DurationUnit::Decade, char('E')),
                    value(DurationUnit::Year, char('Y')),
                    value(DurationUnit::Quarter, char('Q')),
                    value(DurationUnit::Month, char('M')),
                    value(DurationUnit::Week, char('W')),
                    value(DurationUnit::Day, char('D')),
                    value(DurationUnit::Unknown, char('X')),
                )),
            )
            .parse(rest)?
        };
        Ok((rest, (amount, unit)))
    }
}

fn amount(input: &str) -> Res<'_, Option<u32>> {
    if let Some(rest) = input.strip_prefix('X') {
        return Ok((rest, None));
    }
    let (rest, run) = expect(AMOUNT, take_while1(|c: char| c.is_ascii_digit())).parse(input)?;
    match run.parse::<u32>() {
        Ok(n) => Ok((rest, Some(n))),
        Err(_) => failure(input, run.len(), AMOUNT_U32),
    }
}

fn reference(input: &str) -> Res<'_, Reference> {
    expect(
        REFERENCE,
        alt((
            value(Reference::Past, tag("PAST_REF")),
            value(Reference::Present, tag("PRESENT_REF")),
            value(Reference::Future, tag("FUTURE_REF")),
        )),
    )
    .parse(input)
}

/// The value of a DATE, TIME or DURATION.
fn plain_value(input: &str) -> Res<'_, TimeValue> {
    expect(
        VALUE,
        alt((
            reference.map(TimeValue::Reference),
            duration.map(TimeValue::Duration),
            point.map(TimeValue::Point),
        )),
    )
    .parse(input)
}

/// The value of a SET.
fn set_value(input: &str) -> Res<'_, TimeValue> {
    if reference(input).is_ok() {
        return error(input, 0, SET_VALUE);
    }
    expect(
        SET_VALUE,
        alt((duration.map(TimeValue::Every), point.map(TimeValue::Each))),
    )
    .parse(input)
}

/// What may follow a complete value.
fn end_after(v: &TimeValue) -> &'static str {
    let (TimeValue::Point(p) | TimeValue::Each(p)) = v else {
        return END;
    };
    match p.granularity {
        Granularity::Century | Granularity::Decade => END_OF_COARSE,
        Granularity::Year => END_OF_YEAR,
        Granularity::Month => END_OF_MONTH,
        Granularity::Week => END_OF_WEEK,
        Granularity::Day => END_OF_DAY,
        Granularity::Hour | Granularity::Minute => END_OF_TIME,
        _ => END,
    }
}

/// Runs `grammar` over all of `value` (read without regard to ASCII case).
fn read<T>(
    value: &str,
    grammar: impl Fn(&str) -> Res<'_, T>,
    end: impl Fn(&T) -> &'static str,
) -> Result<T, ParseTimexError> {
    let upper = if value.bytes().any(|b| b.is_ascii_lowercase()) {
        Cow::Owned(value.to_ascii_uppercase())
    } else {
        Cow::Borrowed(value)
    };
    let fail = |e: Expected<'_>| {
        let offset = upper.len().saturating_sub(e.at.len());
        ParseTimexError::new(value, offset, e.len, e.what)
    };
    match grammar(&upper) {
        Ok(("", v)) => Ok(v),
        Ok((rest, v)) => Err(fail(Expected {
            at: rest,
            len: 0,
            what: end(&v),
        })),
        Err(nom::Err::Error(e) | nom::Err::Failure(e)) => Err(fail(e)),
        // Complete parsers never ask for more input.
        Err(nom::Err::Incomplete(_)) => Err(ParseTimexError::new(value, value.len(), 0, VALUE)),
    }
}

impl FromStr for CalendarPoint {
    type Err = ParseTimexError;

    /// Reads the value of a DATE or TIME: `1998`, `1998-Q3`, `XXXX-WXX-4`, `1998-03-12T10:35`...
    ///
    /// ```
    /// use newswire::extract::times::{CalendarPoint, Granularity, PartOfDay};
    ///
    /// let night: CalendarPoint = "1998-02-06TNI".parse()?;
    /// assert_eq!(night.granularity, Granularity::PartOfDay);
    /// assert_eq!(night.part_of_day, Some(PartOfDay::Night));
    /// assert_eq!(night.to_date(), chrono::NaiveDate::from_ymd_opt(1998, 2, 6));
    /// assert_eq!("199X".parse::<CalendarPoint>()?.to_timex3(), "199");
    /// assert!("1998-02-32".parse::<CalendarPoint>().is_err());
    /// # Ok::<(), newswire::extract::times::ParseTimexError>(())
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        read(s, point, |p| end_after(&TimeValue::Point(*p)))
    }
}

impl FromStr for Duration {
    type Err = ParseTimexError;

    /// Reads the value of a DURATION: `P3D`, `PT2H`, `PXY`, `P2Y6M`, `P1DT12H`...
    ///
    /// ```
    /// use newswire::extract::times::{Duration, DurationUnit};
    ///
    /// assert_eq!("PT2H".parse::<Duration>()?, Duration::new(Some(2), DurationUnit::Hour));
    /// assert_eq!("P2M".parse::<Duration>()?.unit, DurationUnit::Month);
    /// assert_eq!("PT2M".parse::<Duration>()?.unit, DurationUnit::Minute);
    /// let err = "P1.5Y".parse::<Duration>().unwrap_err();
    /// assert_eq!((err.offset(), err.found()), (2, "."));
    /// # Ok::<(), newswire::extract::times::ParseTimexError>(())
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        read(s, duration, |_| END)
    }
}

impl FromStr for Reference {
    type Err = ParseTimexError;

    /// Reads `PAST_REF`, `PRESENT_REF` or `FUTURE_REF`.
    ///
    /// ```
    /// use newswire::extract::times::Reference;
    ///
    /// assert_eq!("PRESENT_REF".parse::<Reference>()?, Reference::Present);
    /// assert!("NOW".parse::<Reference>().is_err());
    /// # Ok::<(), newswire::extract::times::ParseTimexError>(())
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        read(s, reference, |_| END)
    }
}

impl FromStr for TimeValue {
    type Err = ParseTimexError;

    /// Reads the value of a DATE, TIME or DURATION: a point, a duration or a reference. A SET's
    /// value reads as the point or duration it is written as; [`TimeValue::from_timex3`] given
    /// the type reads it as [`TimeValue::Each`] or [`TimeValue::Every`].
    ///
    /// ```
    /// use newswire::extract::times::{CalendarPoint, Reference, TimeValue};
    ///
    /// assert_eq!("1998".parse::<TimeValue>()?, TimeValue::Point(CalendarPoint::year(1998)));
    /// assert_eq!("PAST_REF".parse::<TimeValue>()?, TimeValue::Reference(Reference::Past));
    /// assert!(matches!("P1D".parse::<TimeValue>()?, TimeValue::Duration(_)));
    /// # Ok::<(), newswire::extract::times::ParseTimexError>(())
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        read(s, plain_value, end_after)
    }
}

impl TimeValue {
    /// Reads a TIMEX3 value of the given TIMEX3 type: the inverse of
    /// [`to_timex3`](TimeValue::to_timex3) with the expression's `type`.
    ///
    /// A SET's value is a [`TimeValue::Every`] (`P1D`, daily) or a [`TimeValue::Each`]
    /// (`XXXX-WXX-4`, each Thursday), never a reference. For the other types the string alone
    /// decides: a duration (`P...`), a reference (`..._REF`) or a calendar point, whatever the
    /// type says (TimeML gold has DATEs valued `P1D` and DURATIONs valued `1998-Q4`); so DATE,
    /// TIME and DURATION read as `value.parse::<TimeValue>()` does.
    ///
    /// ```
    /// use newswire::extract::times::{Duration, DurationUnit, TimeValue, TimexType};
    ///
    /// let daily = TimeValue::from_timex3("P1D", TimexType::Set)?;
    /// assert_eq!(daily, TimeValue::Every(Duration::new(Some(1), DurationUnit::Day)));
    /// let days = TimeValue::from_timex3("P1D", TimexType::Duration)?;
    /// assert_eq!(days, TimeValue::Duration(Duration::new(Some(1), DurationUnit::Day)));
    /// assert!(TimeValue::from_timex3("PAST_REF", TimexType::Set).is_err());
    /// # Ok::<(), newswire::extract::times::ParseTimexError>(())
    /// ```
    ///
    /// # What is read
    ///
    /// Everything [`TimeValue::to_timex3`] writes for years 0 to 9999, read back as the value
    /// written (by `from_timex3` given the type, or by `parse` for points, durations and
    /// references):
    ///
    /// | form | example | typed as |
    /// | --- | --- | --- |
    /// | century, decade, year | `19`, `199`, `1998`, `XXXX` | [`Granularity::Century`], [`Decade`](Granularity::Decade) (the year is the first one: `199` is 1990), [`Year`](Granularity::Year) |
    /// | half, season, quarter, month | `1998-H2`, `1998-SU`, `1998-Q3`, `1998-QX`, `1998-03`, `1998-XX` | [`YearPart`] |
    /// | week, weekend | `1998-W11`, `1998-WXX`, `1998-W11-WE` | [`YearPart::Week`] |
    /// | day, weekday | `1998-03-12`, `XXXX-02-XX`, `XXXX-WXX-4` | [`Granularity::Day`] |
    /// | part of day, hour, minute | `1998-03-12TNI`, `1998-03-12T17`, `1998-03-12T10:35`, `T24:00` | [`PartOfDay`], [`Granularity::Hour`], [`Granularity::Minute`] |
    /// | duration | `P3D`, `PT2H`, `PXY`, `PXX`, `P2Y6M`, `P1DT12H`, `PT1H30M` | [`Duration`] |
    /// | reference | `PAST_REF`, `PRESENT_REF`, `FUTURE_REF` | [`Reference`] |
    ///
    /// and these forms other taggers and TimeML gold files write, which name a value without doubt
    /// but are not the ones written here: a decade or a century with `X`s (`199X` for `199`, `19XX`
    /// for `19`); a time without a date (`T10:35`, read as `XXXX-XX-XXT10:35`); months, days, weeks
    /// and hours of one digit (`2000-W8`, `T9`); amounts with leading zeros (`P01D`); lower case
    /// (`1998-q3`, `present_ref`). Reading them and writing the value back gives the canonical
    /// form.
    ///
    /// Each field is checked against the range [`CalendarPoint`] documents for it (month 01 to 12,
    /// day 01 to 31, ISO week 01 to 53, weekday 1 to 7, quarter 1 to 4, half 1 or 2, hour 00 to 24,
    /// minute 00 to 59), not against the calendar: `1986-09-31`, which [`Times`](super::Times)
    /// writes for a source's `September 31`, reads back, and its
    /// [`to_date`](CalendarPoint::to_date) is `None`.
    ///
    /// Everything else is rejected with a [`ParseTimexError`] naming what was expected at which
    /// byte: what is out of range (`1998-13`, `1998-Q5`, `T25`), and what the typed value cannot
    /// hold: seconds and time zones (`T10:35:00`, `T10:35Z`), fractional amounts (`P1.5Y`), a day
    /// of a decade (`199X-XX-XX`), SUTime's `THIS P1D`, years of more than four digits.
    ///
    /// # Laws
    ///
    /// Writing a value and reading it back gives the value, for every value whose years lie in 0 to
    /// 9999 and whose fields are those its granularity prints: the part of the year matches the
    /// granularity (a month for [`Granularity::Month`], a week for a week or a weekend; a month or
    /// a week for a day and finer), fields finer than the granularity are `None`, a century or
    /// decade holds its first year, fields are in their documented ranges, and a [`Duration`]'s
    /// second unit, when it has one, is finer than the first and neither is
    /// [`DurationUnit::Unknown`]. Every value [`Times`](super::Times) gives is of this kind, but
    /// for years beyond 0 to 9999 (from an anchor at the ends of the calendar): those are written
    /// as plain numbers (`10000`, `-5`), which are not TIMEX3 and are not read. Any other value
    /// reads back as the value of this kind that prints the same string. A canonical string read
    /// and written back is the same string. `tests/timex3.rs` states the laws as property tests.
    pub fn from_timex3(value: &str, timex_type: TimexType) -> Result<TimeValue, ParseTimexError> {
        match timex_type {
            TimexType::Set => read(value, set_value, end_after),
            TimexType::Date | TimexType::Time | TimexType::Duration => {
                read(value, plain_value, end_after)
            }
        }
    }
}

impl FromStr for TimexType {
    type Err = ParseTimexError;

    /// Reads `DATE`, `TIME`, `DURATION` or `SET` (any case).
    ///
    /// ```
    /// use newswire::extract::times::TimexType;
    ///
    /// assert_eq!("DURATION".parse::<TimexType>()?, TimexType::Duration);
    /// # Ok::<(), newswire::extract::times::ParseTimexError>(())
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let types = [
            TimexType::Date,
            TimexType::Time,
            TimexType::Duration,
            TimexType::Set,
        ];
        read(
            s,
            |input| keyword(input, &types, TimexType::as_str, TIMEX_TYPE),
            |_| END,
        )
    }
}

impl FromStr for TimexMod {
    type Err = ParseTimexError;

    /// Reads a TIMEX3 `mod`: `BEFORE`, `ON_OR_AFTER`, `START`, `APPROX`... (any case).
    ///
    /// ```
    /// use newswire::extract::times::TimexMod;
    ///
    /// assert_eq!("EQUAL_OR_LESS".parse::<TimexMod>()?, TimexMod::EqualOrLess);
    /// # Ok::<(), newswire::extract::times::ParseTimexError>(())
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let mods = [
            TimexMod::Before,
            TimexMod::After,
            TimexMod::OnOrBefore,
            TimexMod::OnOrAfter,
            TimexMod::LessThan,
            TimexMod::MoreThan,
            TimexMod::EqualOrLess,
            TimexMod::EqualOrMore,
            TimexMod::Start,
            TimexMod::Mid,
            TimexMod::End,
            TimexMod::Approx,
        ];
        read(
            s,
            |input| keyword(input, &mods, TimexMod::as_str, TIMEX_MOD),
            |_| END,
        )
    }
}

/// The one of `words` spelled as the whole of `input`.
fn keyword<'a, T: Copy>(
    input: &'a str,
    words: &[T],
    spelling: fn(T) -> &'static str,
    what: &'static str,
) -> Res<'a, T> {
    match words.iter().find(|&&w| spelling(w) == input) {
        Some(&w) => Ok(("", w)),
        None => failure(input, input.len(), what),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(granularity: Granularity, year: Option<i32>, part: YearPart) -> CalendarPoint {
        CalendarPoint {
            part,
            ..CalendarPoint::bare(granularity, year)
        }
    }

    fn day(year: Option<i32>, month: Option<u8>, day: Option<u8>) -> CalendarPoint {
        CalendarPoint {
            day,
            ..at(Granularity::Day, year, YearPart::Month(month))
        }
    }

    fn dur(amount: Option<u32>, unit: DurationUnit) -> Duration {
        Duration::new(amount, unit)
    }

    fn dur2(amount: u32, unit: DurationUnit, extra: (u32, DurationUnit)) -> Duration {
        Duration {
            extra: Some(extra),
            ..Duration::new(Some(amount), unit)
        }
    }

    #[test]
    fn accepted_points() {
        use Granularity as G;
        use YearPart as Y;
        let d = day(Some(1998), Some(3), Some(12));
        let weekday = |w, d| CalendarPoint {
            weekday: d,
            ..at(G::Day, None, Y::Week(w))
        };
        let cases: &[(&str, CalendarPoint, &str)] = &[
            // Canonical: written back as read.
            ("19", CalendarPoint::bare(G::Century, Some(1900)), "19"),
            ("00", CalendarPoint::bare(G::Century, Some(0)), "00"),
            ("XX", CalendarPoint::bare(G::Century, None), "XX"),
            ("199", CalendarPoint::bare(G::Decade, Some(1990)), "199"),
            ("XXX", CalendarPoint::bare(G::Decade, None), "XXX"),
            ("1998", CalendarPoint::bare(G::Year, Some(1998)), "1998"),
            ("0000", CalendarPoint::bare(G::Year, Some(0)), "0000"),
            ("XXXX", CalendarPoint::bare(G::Year, None), "XXXX"),
            ("1998-H2", at(G::Half, Some(1998), Y::Half(2)), "1998-H2"),
            (
                "1998-SP",
                at(G::Season, Some(1998), Y::Season(Season::Spring)),
                "1998-SP",
            ),
            (
                "XXXX-WI",
                at(G::Season, None, Y::Season(Season::Winter)),
                "XXXX-WI",
            ),
            (
                "1998-Q3",
                at(G::Quarter, Some(1998), Y::Quarter(Some(3))),
                "1998-Q3",
            ),
            (
                "1988-QX",
                at(G::Quarter, Some(1988), Y::Quarter(None)),
                "1988-QX",
            ),
            (
                "1998-03",
                at(G::Month, Some(1998), Y::Month(Some(3))),
                "1998-03",
            ),
            (
                "1989-XX",
                at(G::Month, Some(1989), Y::Month(None)),
                "1989-XX",
            ),
            (
                "1998-W11",
                at(G::Week, Some(1998), Y::Week(Some(11))),
                "1998-W11",
            ),
            (
                "1989-WXX",
                at(G::Week, Some(1989), Y::Week(None)),
                "1989-WXX",
            ),
            (
                "2020-W53",
                at(G::Week, Some(2020), Y::Week(Some(53))),
                "2020-W53",
            ),
            (
                "1989-W43-WE",
                at(G::Weekend, Some(1989), Y::Week(Some(43))),
                "1989-W43-WE",
            ),
            ("1998-03-12", d, "1998-03-12"),
            ("XXXX-02-XX", day(None, Some(2), None), "XXXX-02-XX"),
            (
                "1986-09-31",
                day(Some(1986), Some(9), Some(31)),
                "1986-09-31",
            ),
            ("XXXX-WXX-4", weekday(None, Some(4)), "XXXX-WXX-4"),
            ("XXXX-WXX-X", weekday(None, None), "XXXX-WXX-X"),
            (
                "2021-W08-3",
                CalendarPoint {
                    weekday: Some(3),
                    ..at(G::Day, Some(2021), Y::Week(Some(8)))
                },
                "2021-W08-3",
            ),
            (
                "1998-03-12TNI",
                CalendarPoint {
                    granularity: G::PartOfDay,
                    part_of_day: Some(PartOfDay::Night),
                    ..d
                },
                "1998-03-12TNI",
            ),
            (
                "XXXX-WXX-2TMI",
                CalendarPoint {
                    granularity: G::PartOfDay,
                    part_of_day: Some(PartOfDay::Midday),
                    ..weekday(None, Some(2))
                },
                "XXXX-WXX-2TMI",
            ),
            (
                "1989-10-27T24",
                CalendarPoint {
                    granularity: G::Hour,
                    hour: Some(24),
                    ..day(Some(1989), Some(10), Some(27))
                },
                "1989-10-27T24",
            ),
            (
                "1998-03-12T10:35",
                CalendarPoint {
                    granularity: G::Minute,
                    hour: Some(10),
                    minute: Some(35),
                    ..d
                },
                "1998-03-12T10:35",
            ),
            (
                "1998-03-12TXX:XX",
                CalendarPoint {
                    granularity: G::Minute,
                    ..d
                },
                "1998-03-12TXX:XX",
            ),
            // Not canonical, unambiguous: written back in canonical form.
            ("199X", CalendarPoint::bare(G::Decade, Some(1990)), "199"),
            ("19XX", CalendarPoint::bare(G::Century, Some(1900)), "19"),
            (
                "2000-W8",
                at(G::Week, Some(2000), Y::Week(Some(8))),
                "2000-W08",
            ),
            ("1998-3-5", day(Some(1998), Some(3), Some(5)), "1998-03-05"),
            (
                "1998-q3",
                at(G::Quarter, Some(1998), Y::Quarter(Some(3))),
                "1998-Q3",
            ),
            (
                "xxxx-wxx-4tni",
                CalendarPoint {
                    granularity: G::PartOfDay,
                    part_of_day: Some(PartOfDay::Night),
                    ..weekday(None, Some(4))
                },
                "XXXX-WXX-4TNI",
            ),
            (
                "T10:35",
                CalendarPoint {
                    granularity: G::Minute,
                    hour: Some(10),
                    minute: Some(35),
                    ..day(None, None, None)
                },
                "XXXX-XX-XXT10:35",
            ),
            (
                "T9",
                CalendarPoint {
                    granularity: G::Hour,
                    hour: Some(9),
                    ..day(None, None, None)
                },
                "XXXX-XX-XXT09",
            ),
            (
                "TEV",
                CalendarPoint {
                    granularity: G::PartOfDay,
                    part_of_day: Some(PartOfDay::Evening),
                    ..day(None, None, None)
                },
                "XXXX-XX-XXTEV",
            ),
        ];
        for (s, want, written) in cases {
            let got: Result<CalendarPoint, _> = s.parse();
            assert_eq!(got, Ok(*want), "{s}");
            assert_eq!(want.to_timex3(), *written, "{s}");
            assert_eq!(
                TimeValue::from_timex3(s, TimexType::Set),
                Ok(TimeValue::Each(*want)),
                "{s}"
            );
            assert_eq!(s.parse::<TimeValue>(), Ok(TimeValue::Point(*want)), "{s}");
        }
    }

    #[test]
    fn accepted_durations() {
        use DurationUnit as U;
        let cases: &[(&str, Duration, &str)] = &[
            ("P3D", dur(Some(3), U::Day), "P3D"),
            ("P0D", dur(Some(0), U::Day), "P0D"),
            ("P2L", dur(Some(2), U::Millennium), "P2L"),
            ("PXC", dur(None, U::Century), "PXC"),
            ("P1E", dur(Some(1), U::Decade), "P1E"),
            ("PXY", dur(None, U::Year), "PXY"),
            ("P2Q", dur(Some(2), U::Quarter), "P2Q"),
            ("P9M", dur(Some(9), U::Month), "P9M"),
            ("P52W", dur(Some(52), U::Week), "P52W"),
            ("P2WE", dur(Some(2), U::Weekend), "P2WE"),
            ("PXWE", dur(None, U::Weekend), "PXWE"),
            ("PT16H", dur(Some(16), U::Hour), "PT16H"),
            ("PTXH", dur(None, U::Hour), "PTXH"),
            ("PT1M", dur(Some(1), U::Minute), "PT1M"),
            ("PT30S", dur(Some(30), U::Second), "PT30S"),
            ("PXX", dur(None, U::Unknown), "PXX"),
            ("P3X", dur(Some(3), U::Unknown), "P3X"),
            ("P4294967295Y", dur(Some(u32::MAX), U::Year), "P4294967295Y"),
            ("P2Y6M", dur2(2, U::Year, (6, U::Month)), "P2Y6M"),
            (
                "PXY6M",
                Duration {
                    amount: None,
                    ..dur2(0, U::Year, (6, U::Month))
                },
                "PXY6M",
            ),
            ("P1W2WE", dur2(1, U::Week, (2, U::Weekend)), "P1W2WE"),
            ("P1DT12H", dur2(1, U::Day, (12, U::Hour)), "P1DT12H"),
            ("P1MT5M", dur2(1, U::Month, (5, U::Minute)), "P1MT5M"),
            ("PT5H30M", dur2(5, U::Hour, (30, U::Minute)), "PT5H30M"),
            ("PT1M30S", dur2(1, U::Minute, (30, U::Second)), "PT1M30S"),
            // Not canonical: written back in canonical form.
            ("P01D", dur(Some(1), U::Day), "P1D"),
            ("pt2h", dur(Some(2), U::Hour), "PT2H"),
        ];
        for (s, want, written) in cases {
            assert_eq!(s.parse::<Duration>(), Ok(*want), "{s}");
            assert_eq!(want.to_timex3(), *written, "{s}");
            assert_eq!(
                TimeValue::from_timex3(s, TimexType::Duration),
                Ok(TimeValue::Duration(*want)),
                "{s}"
            );
            assert_eq!(
                TimeValue::from_timex3(s, TimexType::Set),
                Ok(TimeValue::Every(*want)),
                "{s}"
            );
        }
    }

    #[test]
    fn accepted_words() {
        assert_eq!("PAST_REF".parse(), Ok(Reference::Past));
        assert_eq!("present_ref".parse(), Ok(Reference::Present));
        assert_eq!(
            TimeValue::from_timex3("FUTURE_REF", TimexType::Date),
            Ok(TimeValue::Reference(Reference::Future))
        );
        // The type decides only between a SET's variants and the others.
        assert_eq!(
            TimeValue::from_timex3("1998-Q4", TimexType::Duration),
            Ok(TimeValue::Point(at(
                Granularity::Quarter,
                Some(1998),
                YearPart::Quarter(Some(4))
            )))
        );
        for t in [
            TimexType::Date,
            TimexType::Time,
            TimexType::Duration,
            TimexType::Set,
        ] {
            assert_eq!(t.as_str().parse(), Ok(t));
            assert_eq!(t.as_str().to_ascii_lowercase().parse(), Ok(t));
        }
        for m in [
            TimexMod::Before,
            TimexMod::After,
            TimexMod::OnOrBefore,
            TimexMod::OnOrAfter,
            TimexMod::LessThan,
            TimexMod::MoreThan,
            TimexMod::EqualOrLess,
            TimexMod::EqualOrMore,
            TimexMod::Start,
            TimexMod::Mid,
            TimexMod::End,
            TimexMod::Approx,
        ] {
            assert_eq!(m.as_str().parse(), Ok(m));
        }
    }

    /// Rejected strings: the message names the byte, what was expected and what was found.
    #[test]
    fn rejected_strings() {
        type Read = fn(&str) -> Result<(), ParseTimexError>;
        let value: Read = |s| s.parse::<TimeValue>().map(drop);
        let point: Read = |s| s.parse::<CalendarPoint>().map(drop);
        let duration: Read = |s| s.parse::<Duration>().map(drop);
        let reference: Read = |s| s.parse::<Reference>().map(drop);
        let set: Read = |s| TimeValue::from_timex3(s, TimexType::Set).map(drop);
        let ty: Read = |s| s.parse::<TimexType>().map(drop);
        let md: Read = |s| s.parse::<TimexMod>().map(drop);
        let cases: &[(Read, &str, &str)] = &[
            (
                value,
                "",
                "invalid TIMEX3 value `` at byte 0: expected a TIMEX3 value: a date or time such as 1998-03-12, a duration such as P3D, or PAST_REF, PRESENT_REF, FUTURE_REF, found the end of the value",
            ),
            (
                value,
                "yesterday",
                "invalid TIMEX3 value `yesterday` at byte 0: expected a TIMEX3 value: a date or time such as 1998-03-12, a duration such as P3D, or PAST_REF, PRESENT_REF, FUTURE_REF, found `y`",
            ),
            (
                point,
                "1998-13",
                "invalid TIMEX3 value `1998-13` at byte 5: expected a month (01 to 12, or XX), found `13`",
            ),
            (
                point,
                "1998-00-01",
                "invalid TIMEX3 value `1998-00-01` at byte 5: expected a month (01 to 12, or XX), found `00`",
            ),
            (
                point,
                "1998-003",
                "invalid TIMEX3 value `1998-003` at byte 5: expected a month (01 to 12, or XX), found `003`",
            ),
            (
                point,
                "1998-02-32",
                "invalid TIMEX3 value `1998-02-32` at byte 8: expected a day of the month (01 to 31, or XX), found `32`",
            ),
            (
                point,
                "1998-Q5",
                "invalid TIMEX3 value `1998-Q5` at byte 6: expected a quarter (Q1 to Q4, or QX), found `5`",
            ),
            (
                point,
                "1998-HX",
                "invalid TIMEX3 value `1998-HX` at byte 6: expected a half (H1 or H2), found `X`",
            ),
            (
                point,
                "1998-W54",
                "invalid TIMEX3 value `1998-W54` at byte 6: expected an ISO week (W01 to W53, or WXX), found `54`",
            ),
            (
                point,
                "1998-W11-8",
                "invalid TIMEX3 value `1998-W11-8` at byte 9: expected a weekday (1 for Monday to 7, or X), found `8`",
            ),
            (
                point,
                "1998-W11-WD",
                "invalid TIMEX3 value `1998-W11-WD` at byte 9: expected a weekday (1 for Monday to 7, or X) or WE (the weekend), found `W`",
            ),
            (
                point,
                "1998-AU",
                "invalid TIMEX3 value `1998-AU` at byte 5: expected a part of the year: a month (01 to 12, or XX), a week (W01 to W53, or WXX), a quarter (Q1 to Q4, or QX), a half (H1, H2) or a season (SP, SU, FA, WI), found `A`",
            ),
            (
                point,
                "1998-",
                "invalid TIMEX3 value `1998-` at byte 5: expected a part of the year: a month (01 to 12, or XX), a week (W01 to W53, or WXX), a quarter (Q1 to Q4, or QX), a half (H1, H2) or a season (SP, SU, FA, WI), found the end of the value",
            ),
            (
                point,
                "1998X",
                "invalid TIMEX3 value `1998X` at byte 0: expected a year (four digits or XXXX), a decade (three digits) or a century (two digits), found `1998X`",
            ),
            (
                point,
                "10000",
                "invalid TIMEX3 value `10000` at byte 0: expected a year (four digits or XXXX), a decade (three digits) or a century (two digits), found `10000`",
            ),
            (
                point,
                "1",
                "invalid TIMEX3 value `1` at byte 0: expected a year (four digits or XXXX), a decade (three digits) or a century (two digits), found `1`",
            ),
            (
                point,
                "1XXX",
                "invalid TIMEX3 value `1XXX` at byte 0: expected a year (four digits or XXXX), a decade (three digits) or a century (two digits), found `1XXX`",
            ),
            (
                point,
                "X998",
                "invalid TIMEX3 value `X998` at byte 0: expected a year (four digits or XXXX), a decade (three digits) or a century (two digits), found `X998`",
            ),
            (
                point,
                "-5",
                "invalid TIMEX3 value `-5` at byte 0: expected a date or time: a year (1998 or XXXX), a decade (199), a century (19), or T and a time of day, found `-`",
            ),
            (
                point,
                "199X-XX-XX",
                "invalid TIMEX3 value `199X-XX-XX` at byte 4: expected the end of the value (a decade or century has no parts), found `-`",
            ),
            (
                point,
                "1998 ",
                "invalid TIMEX3 value `1998 ` at byte 4: expected `-` and a part of the year, or the end of the value, found ` `",
            ),
            (
                point,
                "1998-03X",
                "invalid TIMEX3 value `1998-03X` at byte 7: expected `-` and a day, or the end of the value, found `X`",
            ),
            (
                point,
                "1998-W11X",
                "invalid TIMEX3 value `1998-W11X` at byte 8: expected `-` and a weekday or WE, or the end of the value, found `X`",
            ),
            (
                point,
                "1998-03-12 10:35",
                "invalid TIMEX3 value `1998-03-12 10:35` at byte 10: expected `T` and a time of day, or the end of the value, found ` `",
            ),
            (
                point,
                "1998-02-13T14:35:00",
                "invalid TIMEX3 value `1998-02-13T14:35:00` at byte 16: expected the end of the value (seconds and time zones are not read), found `:`",
            ),
            (
                point,
                "1998-02-13T14:35Z",
                "invalid TIMEX3 value `1998-02-13T14:35Z` at byte 16: expected the end of the value (seconds and time zones are not read), found `Z`",
            ),
            (
                point,
                "1998-02-13T25",
                "invalid TIMEX3 value `1998-02-13T25` at byte 11: expected an hour (00 to 24, or XX), found `25`",
            ),
            (
                point,
                "1998-02-13T10:5",
                "invalid TIMEX3 value `1998-02-13T10:5` at byte 14: expected minutes (00 to 59, or XX), found `5`",
            ),
            (
                point,
                "1998-02-13T10:60",
                "invalid TIMEX3 value `1998-02-13T10:60` at byte 14: expected minutes (00 to 59, or XX), found `60`",
            ),
            (
                point,
                "1998-02-13TXY",
                "invalid TIMEX3 value `1998-02-13TXY` at byte 11: expected a time of day: an hour (00 to 24, or XX) or a part of day (MO, MI, AF, EV, NI, DT), found `X`",
            ),
            (
                point,
                "1998-02-13T",
                "invalid TIMEX3 value `1998-02-13T` at byte 11: expected a time of day: an hour (00 to 24, or XX) or a part of day (MO, MI, AF, EV, NI, DT), found the end of the value",
            ),
            (
                duration,
                "3D",
                "invalid TIMEX3 value `3D` at byte 0: expected a duration: P, then an amount and a unit (P3D, PT2H), found `3`",
            ),
            (
                duration,
                "P",
                "invalid TIMEX3 value `P` at byte 1: expected an amount (digits, or X), found the end of the value",
            ),
            (
                duration,
                "P1.5Y",
                "invalid TIMEX3 value `P1.5Y` at byte 2: expected a unit (L, C, E, Y, Q, M, W, WE, D, or X); hours, minutes and seconds come after T, found `.`",
            ),
            (
                duration,
                "P2H",
                "invalid TIMEX3 value `P2H` at byte 2: expected a unit (L, C, E, Y, Q, M, W, WE, D, or X); hours, minutes and seconds come after T, found `H`",
            ),
            (
                duration,
                "PT2D",
                "invalid TIMEX3 value `PT2D` at byte 3: expected a unit of time (H, M or S), found `D`",
            ),
            (
                duration,
                "P1DT",
                "invalid TIMEX3 value `P1DT` at byte 4: expected an amount (digits, or X), found the end of the value",
            ),
            (
                duration,
                "P6M2Y",
                "invalid TIMEX3 value `P6M2Y` at byte 3: expected a unit finer than the first (P2Y6M, P1DT12H), found `2Y`",
            ),
            (
                duration,
                "P2Y2Y",
                "invalid TIMEX3 value `P2Y2Y` at byte 3: expected a unit finer than the first (P2Y6M, P1DT12H), found `2Y`",
            ),
            (
                duration,
                "P2YXM",
                "invalid TIMEX3 value `P2YXM` at byte 3: expected an amount in digits (only a duration's first amount may be X), found `X`",
            ),
            (
                duration,
                "PXX1D",
                "invalid TIMEX3 value `PXX1D` at byte 3: expected the end of the value (a duration of unknown unit X has one part), found `1D`",
            ),
            (
                duration,
                "P1Y2M3D",
                "invalid TIMEX3 value `P1Y2M3D` at byte 5: expected the end of the value, found `3`",
            ),
            (
                duration,
                "P4294967296Y",
                "invalid TIMEX3 value `P4294967296Y` at byte 1: expected an amount below 4294967296, found `4294967296`",
            ),
            (
                reference,
                "PAST",
                "invalid TIMEX3 value `PAST` at byte 0: expected PAST_REF, PRESENT_REF or FUTURE_REF, found `P`",
            ),
            (
                value,
                "PAST_REFS",
                "invalid TIMEX3 value `PAST_REFS` at byte 8: expected the end of the value, found `S`",
            ),
            (
                set,
                "PRESENT_REF",
                "invalid TIMEX3 value `PRESENT_REF` at byte 0: expected a SET value: a duration such as P1D or a date with unknown parts such as XXXX-WXX-4, found `P`",
            ),
            (
                value,
                "THIS P1D",
                "invalid TIMEX3 value `THIS P1D` at byte 1: expected a time of day: an hour (00 to 24, or XX) or a part of day (MO, MI, AF, EV, NI, DT), found `H`",
            ),
            (
                value,
                "1998-03-12T10:35 très",
                "invalid TIMEX3 value `1998-03-12T10:35 très` at byte 16: expected the end of the value (seconds and time zones are not read), found ` `",
            ),
            (
                value,
                "é",
                "invalid TIMEX3 value `é` at byte 0: expected a TIMEX3 value: a date or time such as 1998-03-12, a duration such as P3D, or PAST_REF, PRESENT_REF, FUTURE_REF, found `é`",
            ),
            (
                value,
                "19980312199803121998031219980312199803121998",
                "invalid TIMEX3 value `1998031219980312199803121998031219980312…` at byte 0: expected a year (four digits or XXXX), a decade (three digits) or a century (two digits), found `1998031219980312…`",
            ),
            (
                ty,
                "EVENT",
                "invalid TIMEX3 value `EVENT` at byte 0: expected a TIMEX3 type: DATE, TIME, DURATION or SET, found `EVENT`",
            ),
            (
                md,
                "ALMOST",
                "invalid TIMEX3 value `ALMOST` at byte 0: expected a TIMEX3 mod such as BEFORE, START, APPROX or EQUAL_OR_LESS, found `ALMOST`",
            ),
        ];
        for (read, s, message) in cases {
            match read(s) {
                Ok(()) => panic!("{s:?} was accepted"),
                Err(e) => assert_eq!(e.to_string(), *message, "{s:?}"),
            }
        }
    }
}
