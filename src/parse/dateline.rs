//! Wire datelines: `JAKARTA --`, `NEW YORK, March 26 -`, `PORTLAND, Ore., Feb 26 -`,
//! `CANBERRA, Australia (AP)_`, `BEIJING, March 24 (Xinhua) --`.
//!
//! Grammar (blanks are spaces or tabs, never line breaks):
//!
//! ```text
//! dateline  := ['*'{1,8}] location (blank* ',' blank* region)* [blank* ','] [lead date [',']]
//!              [blank* '(' agency ')'] blank* separator (whitespace | end)
//! location  := word (' ' word)*          at most 6 words, each starting with an upper-case letter
//! region    := word (' ' word)*          at most 3 words
//! lead      := blank+ | blank* ',' blank* ['-' blank+]      (`Md., - March 4 -`)
//! date      := month blank+ day | day blank+ month
//! month     := a month name or abbreviation, any case, optional '.'; or a word of 4 or more
//!              letters one edit away from a month name (`Narch`, `Marc`, `Mach`)
//! separator := '--' | '—' | '–' | '―' | '-' | '_'
//! ```
//!
//! A location in mixed case (`Toronto`) counts only with a date or an agency, so that ordinary
//! sentences (`Officials - ...`) are not taken for datelines. A location whose later words are in
//! lower case (`New york`, `La paz`) counts only when it has at most two words and a date
//! follows it after a comma, and the story after the separator opens with a capital, a digit
//! or a quote.

use crate::article::Dateline;
use crate::span::Span;
use chrono::{Datelike, NaiveDate};
use nom::bytes::complete::take_while1;
use nom::character::complete::{char, space0};
use nom::combinator::verify;
use nom::sequence::{delimited, preceded};
use nom::{IResult, Parser};
use std::borrow::Cow;

pub(super) struct Parsed<'a> {
    pub dateline: Dateline<'a>,
    /// The date span, month and day when they are not a calendar date near the header date.
    pub invalid_date: Option<(Span, u32, u32)>,
}

const MAX_LOCATION_WORDS: usize = 6;
const MAX_REGION_WORDS: usize = 3;
/// Words in a location with lower-case later words (`New york`).
const MAX_RELAXED_LOCATION_WORDS: usize = 2;
const MAX_DATELINE_BYTES: usize = 120;

fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-' | '&' | '/')
}

/// A word starting with an upper-case letter.
fn word(input: &str) -> IResult<&str, &str> {
    match ascii_word(input) {
        Some((rest, w)) if w.as_bytes().first().is_some_and(u8::is_ascii_uppercase) => {
            Ok((rest, w))
        }
        Some(_) => Err(fail(input)),
        None => word_grammar(input),
    }
}

/// [`word`] in nom, for words that hold non-ASCII letters.
fn word_grammar(input: &str) -> IResult<&str, &str> {
    verify(take_while1(is_word_char), |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
    })
    .parse(input)
}

/// The run of word characters opening `input` and the text after it, when the run is ASCII
/// and ends at an ASCII byte or the end (the common case, read byte by byte); `None` when a
/// non-ASCII character is met, which the nom grammar then decides.
fn ascii_word(input: &str) -> Option<(&str, &str)> {
    let b = input.as_bytes();
    let n = b
        .iter()
        .take_while(|&&c| c.is_ascii_alphabetic() || matches!(c, b'.' | b'\'' | b'-' | b'&' | b'/'))
        .count();
    if b.get(n).is_some_and(|c| !c.is_ascii()) {
        return None;
    }
    let (w, rest) = input.split_at(n);
    Some((rest, w))
}

const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn month_number(word: &str) -> Option<u32> {
    let w = word.strip_suffix('.').unwrap_or(word);
    if w.len() > 9 {
        return None;
    }
    // Lower-cased on the stack: this runs for every candidate date.
    let mut buf = [0u8; 9];
    let lower = buf.get_mut(..w.len())?;
    lower.copy_from_slice(w.as_bytes());
    lower.make_ascii_lowercase();
    Some(match &*lower {
        b"jan" | b"january" => 1,
        b"feb" | b"february" => 2,
        b"mar" | b"march" => 3,
        b"apr" | b"april" => 4,
        b"may" => 5,
        b"jun" | b"june" => 6,
        b"jul" | b"july" => 7,
        b"aug" | b"august" => 8,
        b"sep" | b"sept" | b"september" => 9,
        b"oct" | b"october" => 10,
        b"nov" | b"november" => 11,
        b"dec" | b"december" => 12,
        _ => return near_month(lower),
    })
}

/// A word of at least 4 letters one typing slip (a letter changed, dropped or added) away from a
/// month name of at least 4 letters: `Narch`, `Marc`, `Mach`. Only used where a day number and
/// the dateline separator follow, so ordinary words are not at risk.
fn near_month(w: &[u8]) -> Option<u32> {
    if w.len() < 4 {
        return None;
    }
    MONTH_NAMES
        .iter()
        .zip(1..)
        .find(|(name, _)| name.len() >= 4 && within_one_edit(w, name.as_bytes()))
        .map(|(_, n)| n)
}

/// Whether `a` and `b` differ by at most one substitution, insertion or deletion.
fn within_one_edit(a: &[u8], b: &[u8]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let prefix = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    if short.len() == long.len() {
        short[prefix + 1.min(short.len() - prefix)..] == long[prefix + 1.min(long.len() - prefix)..]
    } else {
        short[prefix..] == long[prefix + 1..]
    }
}

/// `Feb 26`, `March  2`, `feb. 26`, `2 March`: month and day, the day not followed by another
/// digit. Returns the month, the day and the text of the date.
fn month_day(input: &str) -> IResult<&str, (u32, u32, &str)> {
    // Byte by byte (every byte of a date is ASCII): this runs before every word of a location.
    // `month_day_grammar` states the same grammar with nom.
    let b = input.as_bytes();
    let run = |from: usize, keep: fn(u8) -> bool| {
        b.get(from..)
            .map_or(0, |rest| rest.iter().take_while(|&&c| keep(c)).count())
    };
    let is_month_byte = |c: u8| c.is_ascii_alphabetic() || c == b'.';
    let is_blank = |c: u8| c == b' ' || c == b'\t';
    let is_digit = |c: u8| c.is_ascii_digit();
    // (month word, day digits, end of the date)
    let (month, day, end) = match b.first() {
        Some(&c) if is_digit(c) => {
            let d = run(0, is_digit);
            let s = run(d, is_blank);
            let m = run(d + s, is_month_byte);
            if d > 2 || s == 0 || m == 0 {
                return Err(fail(input));
            }
            (d + s..d + s + m, 0..d, d + s + m)
        }
        Some(&c) if is_month_byte(c) => {
            let m = run(0, is_month_byte);
            let s = run(m, is_blank);
            let d = run(m + s, is_digit);
            if s == 0 || d == 0 || d > 2 {
                return Err(fail(input));
            }
            (0..m, m + s..m + s + d, m + s + d)
        }
        _ => return Err(fail(input)),
    };
    let (text, rest) = input.split_at(end);
    // The date ends at a word boundary: `26th`, `2 Marchers` are not dates.
    if rest.chars().next().is_some_and(char::is_alphanumeric) {
        return Err(fail(input));
    }
    let month = month_number(&input[month]).ok_or_else(|| fail(input))?;
    let day = b[day]
        .iter()
        .fold(0u32, |n, &d| n * 10 + u32::from(d - b'0'));
    if !(1..=31).contains(&day) {
        return Err(fail(input));
    }
    Ok((rest, (month, day, text)))
}

/// [`month_day`] in nom: the reference it is tested against.
#[cfg(test)]
fn month_day_grammar(input: &str) -> IResult<&str, (u32, u32, &str)> {
    use nom::branch::alt;
    use nom::character::complete::{digit1, space1};
    let month_word = take_while1(|c: char| c.is_ascii_alphabetic() || c == '.');
    let day_number = verify(digit1, |d: &str| d.len() <= 2);
    let (rest, (m, d)) = alt((
        (month_word, space1, day_number).map(|(m, _, d)| (m, d)),
        (
            verify(digit1, |d: &str| d.len() <= 2),
            space1,
            take_while1(|c: char| c.is_ascii_alphabetic() || c == '.'),
        )
            .map(|(d, _, m)| (m, d)),
    ))
    .parse(input)?;
    // The date ends at a word boundary: `26th`, `2 Marchers` are not dates.
    if rest.chars().next().is_some_and(char::is_alphanumeric) {
        return Err(fail(input));
    }
    let month = month_number(m).ok_or_else(|| fail(input))?;
    let day: u32 = d.parse().map_err(|_| fail(input))?;
    if !(1..=31).contains(&day) {
        return Err(fail(input));
    }
    let text = &input[..input.len() - rest.len()];
    Ok((rest, (month, day, text)))
}

fn fail(input: &str) -> nom::Err<nom::error::Error<&str>> {
    nom::Err::Error(nom::error::Error::new(input, nom::error::ErrorKind::Verify))
}

/// A word starting with a letter of any case: the later words of `New york`, `La paz`.
fn any_word(input: &str) -> IResult<&str, &str> {
    match ascii_word(input) {
        Some((rest, w)) if w.as_bytes().first().is_some_and(u8::is_ascii_alphabetic) => {
            Ok((rest, w))
        }
        Some(_) => Err(fail(input)),
        None => any_word_grammar(input),
    }
}

/// [`any_word`] in nom, for words that hold non-ASCII letters.
fn any_word_grammar(input: &str) -> IResult<&str, &str> {
    verify(take_while1(is_word_char), |w: &str| {
        w.chars().next().is_some_and(char::is_alphabetic)
    })
    .parse(input)
}

/// Words separated by single spaces, stopping before a month-day. The first word starts with an
/// upper-case letter; the later ones too unless `lower_ok`. Returns the words and their count.
fn words(input: &str, max: usize, lower_ok: bool) -> IResult<&str, (&str, usize)> {
    let (mut rest, _) = word(input)?;
    let mut count = 1;
    while count < max {
        let Some(after_space) = rest.strip_prefix(' ') else {
            break;
        };
        if month_day(after_space).is_ok() {
            break;
        }
        let next = if lower_ok {
            any_word(after_space)
        } else {
            word(after_space)
        };
        match next {
            Ok((r, _)) => {
                rest = r;
                count += 1;
            }
            Err(_) => break,
        }
    }
    Ok((rest, (&input[..input.len() - rest.len()], count)))
}

fn agency(input: &str) -> IResult<&str, &str> {
    preceded(
        space0,
        delimited(
            char('('),
            verify(
                take_while1(|c: char| c.is_alphanumeric() || matches!(c, ' ' | '-' | '&' | '.')),
                |a: &str| a.len() <= 30 && a.chars().next().is_some_and(char::is_uppercase),
            ),
            char(')'),
        ),
    )
    .parse(input)
}

/// The text between a location and its date (`, `, ` `, `, - `, or nothing): blanks, an
/// optional comma, blanks, and an optional dash followed by blanks. Returns the text after it and
/// whether it holds a comma, blanks before the dash, and the dash. `date_lead_grammar` (in the
/// tests) states the same in nom.
fn date_lead(input: &str) -> (&str, bool, bool, bool) {
    let b1 = skip_blanks(input);
    let (comma, after_comma) = match b1.strip_prefix(',') {
        Some(r) => (true, r),
        None => (false, b1),
    };
    let b2 = skip_blanks(after_comma);
    let blanks = b1.len() < input.len() || b2.len() < after_comma.len();
    match b2.strip_prefix('-') {
        Some(r) if r.starts_with([' ', '\t']) => (skip_blanks(r), comma, blanks, true),
        _ => (b2, comma, blanks, false),
    }
}

/// [`date_lead`] in nom: the reference it is tested against.
#[cfg(test)]
fn date_lead_grammar(input: &str) -> (&str, bool, bool, bool) {
    use nom::bytes::complete::take_while;
    use nom::character::complete::space1;
    use nom::combinator::opt;
    let blanks = |c| c == ' ' || c == '\t';
    let mut lead = (
        take_while(blanks),
        opt(char(',')),
        take_while(blanks),
        opt((char('-'), space1)),
    );
    let parsed: IResult<&str, _> = lead.parse(input);
    match parsed {
        Ok((rest, (b1, comma, b2, dash))) => (
            rest,
            comma.is_some(),
            !(b1.is_empty() && b2.is_empty()),
            dash.is_some(),
        ),
        // Every part is optional: the lead always parses.
        Err(_) => (input, false, false, false),
    }
}

/// `input` without its leading spaces and tabs (nom's `space0`).
fn skip_blanks(input: &str) -> &str {
    let n = input
        .bytes()
        .take_while(|&b| b == b' ' || b == b'\t')
        .count();
    &input[n..]
}

fn separator(input: &str) -> IResult<&str, &str> {
    let after_blanks = skip_blanks(input);
    let len = if after_blanks.starts_with("--") {
        2
    } else if after_blanks.starts_with(['—', '–', '―']) {
        '—'.len_utf8()
    } else if after_blanks.starts_with(['-', '_']) {
        1
    } else {
        return Err(fail(input));
    };
    let (sep, rest) = after_blanks.split_at(len);
    // The separator ends the dateline: whitespace or the end of input must follow.
    match rest.chars().next() {
        None => Ok((rest, sep)),
        Some(c) if c.is_whitespace() => Ok((rest, sep)),
        Some(_) => Err(fail(input)),
    }
}

/// `U.S.`, `U.N.`: a country or body in initials, which opens headlines (`U.S. - China talks`)
/// rather than datelines (which spell the place: `UNITED NATIONS (AP) --`).
fn is_initialism(location: &str) -> bool {
    location.contains('.')
        && location.len() <= 8
        && location.chars().all(|c| c.is_ascii_uppercase() || c == '.')
}

/// Two words in capitals after the separator: a headline in capitals
/// (`TRADE TALKS - MARKETS RALLY`), not a dateline opening a story.
fn capitals_follow(rest: &str) -> bool {
    // An ASCII lower-case letter in the first two bytes lies in the first word: not capitals.
    if rest
        .trim_start()
        .bytes()
        .take(2)
        .any(|b| b.is_ascii_lowercase())
    {
        return false;
    }
    let caps = |w: &str| w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && is_all_caps(w);
    let mut words = rest.split_whitespace();
    matches!((words.next(), words.next()), (Some(a), Some(b)) if caps(a) && caps(b))
}

/// Whether the text after a separator opens a story: an upper-case letter, a digit or an
/// opening quote after the whitespace.
fn opens_story(rest: &str) -> bool {
    rest.trim_start()
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '\''))
}

/// The length of the longest of [`FLAG_WORDS`].
const LONGEST_FLAG_WORD: usize = super::longest(FLAG_WORDS);

/// Words in capitals that flag a headline or a story type rather than name a place:
/// `EXCLUSIVE – ...`, `UPDATE - ...`. Compared with the whole location, ASCII case ignored.
const FLAG_WORDS: &[&str] = &[
    "ANALYSIS",
    "BREAKING",
    "BULLETIN",
    "COMMENTARY",
    "CORRECTION",
    "EDITORIAL",
    "EXCLUSIVE",
    "FLASH",
    "LISTEN",
    "LIVE",
    "OPINION",
    "PHOTOS",
    "REVIEW",
    "UPDATE",
    "UPDATED",
    "URGENT",
    "VIDEO",
    "WATCH",
];

fn is_flag_word(location: &str) -> bool {
    location.len() <= LONGEST_FLAG_WORD
        && FLAG_WORDS.iter().any(|w| w.eq_ignore_ascii_case(location))
}

fn is_all_caps(s: &str) -> bool {
    s.chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase)
}

/// Nearest date to `anchor` with this month and day, within half a year.
fn resolve(anchor: NaiveDate, month: u32, day: u32) -> Option<NaiveDate> {
    // The date in the anchor's year, when it lies within 182 days, is the nearest: in the years
    // before and after it is at least 365 - 182 = 183 days away.
    if let Some(d) = NaiveDate::from_ymd_opt(anchor.year(), month, day)
        && (d - anchor).num_days().abs() <= 182
    {
        return Some(d);
    }
    [anchor.year() - 1, anchor.year(), anchor.year() + 1]
        .into_iter()
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .min_by_key(|d| (*d - anchor).num_days().abs())
        .filter(|d| (*d - anchor).num_days().abs() <= 183)
}

pub(super) fn parse(src: &str, start: usize, anchor: Option<NaiveDate>) -> Option<Parsed<'_>> {
    parse_with(src, start, anchor, false).or_else(|| parse_with(src, start, anchor, true))
}

/// A dateline at the start of the paragraph after a headline: only the strict grammar (place
/// words in capitals, no lower-case relaxations).
pub(super) fn parse_after_headline(
    src: &str,
    start: usize,
    anchor: Option<NaiveDate>,
) -> Option<Parsed<'_>> {
    parse_with(src, start, anchor, false)
}

/// One attempt at a dateline; `relaxed` admits lower-case words after the first location word.
fn parse_with(
    src: &str,
    start: usize,
    anchor: Option<NaiveDate>,
    relaxed: bool,
) -> Option<Parsed<'_>> {
    // A dateline is short: look at a window a little longer than the longest one, so that no
    // input (a megabyte-long word, thousands of commas) costs more than the window.
    let mut window_end = start.saturating_add(MAX_DATELINE_BYTES + 64).min(src.len());
    while !src.is_char_boundary(window_end) {
        window_end += 1;
    }
    let src = &src[..window_end];
    let off = |rest: &str| src.len() - rest.len();
    let input = &src[start..];
    // A flash mark before the place: `****LONDON, March 5 -`.
    let stars = input.bytes().take_while(|&b| b == b'*').count();
    if stars > 8 {
        return None;
    }
    let loc_start = start + stars;
    let input = &src[loc_start..];
    // Quick rejections, for the many paragraphs that are not datelines: the location opens with
    // an upper-case letter, and a separator (`-`, `_`, or a dash whose UTF-8 starts with 0xE2)
    // lies in the window.
    if !input.chars().next().is_some_and(char::is_uppercase)
        || memchr::memchr3(b'-', b'_', 0xE2, input.as_bytes()).is_none()
    {
        return None;
    }

    let max_words = if relaxed {
        MAX_RELAXED_LOCATION_WORDS + 1
    } else {
        MAX_LOCATION_WORDS
    };
    let (mut rest, (location_head, location_words)) = words(input, max_words, relaxed).ok()?;
    if relaxed && location_words > MAX_RELAXED_LOCATION_WORDS {
        return None;
    }
    let city_span = Span::new(loc_start, off(rest));

    // Regions: `, Ore.`, `, Argentina`, `, West Germany`, and `OAKLAND , N.J.`.
    let mut region_span: Option<Span> = None;
    // (A relaxed location has no regions.)
    while let (false, Some(r)) = (
        relaxed,
        skip_blanks(rest).strip_prefix(',').map(skip_blanks),
    ) {
        if month_day(r).is_ok() {
            break;
        }
        let Ok((r2, (region, _))) = words(r, MAX_REGION_WORDS, false) else {
            break;
        };
        let s = Span::new(off(r2) - region.len(), off(r2));
        region_span = Some(region_span.map_or(s, |prev| prev.cover(s)));
        rest = r2;
    }
    let location_span = Span::new(loc_start, off(rest));

    // Date: `, Feb 26`, ` Feb 26` (after an abbreviated region such as `Va.`), `, - March 4`;
    // then an optional comma (`March 4, -`).
    let mut date = None;
    let (after_lead, comma, blanks, dash) = date_lead(rest);
    if let Ok((r, (m, d, text))) = month_day(after_lead) {
        let ok = if comma {
            true
        } else {
            // Without a comma: blanks and no stray dash, and not in a relaxed location.
            !relaxed && !dash && blanks
        };
        if ok {
            let end = off(r);
            date = Some((m, d, Span::new(end - text.len(), end)));
            rest = r;
            if let Some(r) = skip_blanks(rest).strip_prefix(',') {
                rest = r;
            }
        }
    }
    if relaxed && date.is_none() {
        return None;
    }

    let mut agency_span = None;
    let agency_follows = skip_blanks(rest).starts_with('(');
    if let Some(Ok((r, name))) = agency_follows.then(|| agency(rest)) {
        // `(AP )`: the name without the blanks before the parenthesis.
        let name_start = off(r) - 1 - name.len();
        agency_span = Some(Span::new(name_start, name_start + name.trim_end().len()));
        rest = r;
    }

    let (rest, _) = separator(rest).ok()?;
    let end = off(rest);
    if relaxed && !opens_story(rest) {
        return None;
    }
    if end - start > MAX_DATELINE_BYTES {
        return None;
    }
    if date.is_none()
        && agency_span.is_none()
        && (!is_all_caps(&src[location_span])
            || is_flag_word(&src[location_span])
            || is_initialism(&src[location_span])
            || capitals_follow(rest))
    {
        return None;
    }
    if !location_head.chars().any(char::is_alphabetic) {
        return None;
    }

    let (mut resolved, mut invalid_date) = (None, None);
    if let Some((m, d, span)) = date {
        match anchor {
            Some(a) => match resolve(a, m, d) {
                Some(dt) => resolved = Some(dt),
                None => invalid_date = Some((span, m, d)),
            },
            None => {
                // No year to check against; a day that exists in no year is still wrong.
                if NaiveDate::from_ymd_opt(2000, m, d).is_none() {
                    invalid_date = Some((span, m, d));
                }
            }
        }
    }

    let b = |s: Span| Cow::Borrowed(&src[s]);
    Some(Parsed {
        dateline: Dateline {
            text: b(Span::new(start, end)),
            location: b(location_span),
            city: b(city_span),
            region: region_span.map(b),
            date: resolved,
            month: date.map(|(m, _, _)| m),
            day: date.map(|(_, d, _)| d),
            agency: agency_span.map(b),
            span: Span::new(start, end),
            location_span,
            date_span: date.map(|(_, _, s)| s),
            agency_span,
        },
        invalid_date,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (input, whole dateline, location, city, region, month-day, agency)
    type Row = (
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        Option<&'static str>,
        Option<(u32, u32)>,
        Option<&'static str>,
    );

    const TABLE: &[Row] = &[
        (
            "JAKARTA -- The Association",
            "JAKARTA --",
            "JAKARTA",
            "JAKARTA",
            None,
            None,
            None,
        ),
        (
            "NEW YORK, March 26 - Stocks",
            "NEW YORK, March 26 -",
            "NEW YORK",
            "NEW YORK",
            None,
            Some((3, 26)),
            None,
        ),
        (
            "BAHIA BLANCA, Argentina, Feb 26 - Grain",
            "BAHIA BLANCA, Argentina, Feb 26 -",
            "BAHIA BLANCA, Argentina",
            "BAHIA BLANCA",
            Some("Argentina"),
            Some((2, 26)),
            None,
        ),
        (
            "PORTLAND, Ore., Feb 26 - X",
            "PORTLAND, Ore., Feb 26 -",
            "PORTLAND, Ore.",
            "PORTLAND",
            Some("Ore."),
            Some((2, 26)),
            None,
        ),
        (
            "RICHMOND, Va. Feb 26 - X",
            "RICHMOND, Va. Feb 26 -",
            "RICHMOND, Va.",
            "RICHMOND",
            Some("Va."),
            Some((2, 26)),
            None,
        ),
        (
            "YANGON (Reuters) - Troops",
            "YANGON (Reuters) -",
            "YANGON",
            "YANGON",
            None,
            None,
            Some("Reuters"),
        ),
        (
            "WASHINGTON (AP) _ The",
            "WASHINGTON (AP) _",
            "WASHINGTON",
            "WASHINGTON",
            None,
            None,
            Some("AP"),
        ),
        (
            "CANBERRA, Australia (AP)_ Turning",
            "CANBERRA, Australia (AP)_",
            "CANBERRA, Australia",
            "CANBERRA",
            Some("Australia"),
            None,
            Some("AP"),
        ),
        (
            "BEIJING, March 24 (Xinhua) -- China",
            "BEIJING, March 24 (Xinhua) --",
            "BEIJING",
            "BEIJING",
            None,
            Some((3, 24)),
            Some("Xinhua"),
        ),
        (
            "Toronto, Feb 26 - Shares",
            "Toronto, Feb 26 -",
            "Toronto",
            "Toronto",
            None,
            Some((2, 26)),
            None,
        ),
        (
            "Caracas, feb 26 - Oil",
            "Caracas, feb 26 -",
            "Caracas",
            "Caracas",
            None,
            Some((2, 26)),
            None,
        ),
        (
            "MONTREAL, Feb 26- Bank",
            "MONTREAL, Feb 26-",
            "MONTREAL",
            "MONTREAL",
            None,
            Some((2, 26)),
            None,
        ),
        (
            "CHICAGO, March  2 - Corn",
            "CHICAGO, March  2 -",
            "CHICAGO",
            "CHICAGO",
            None,
            Some((3, 2)),
            None,
        ),
        (
            "WOODBRIDGE, N.J. - Firm",
            "WOODBRIDGE, N.J. -",
            "WOODBRIDGE, N.J.",
            "WOODBRIDGE",
            Some("N.J."),
            None,
            None,
        ),
        (
            "NEW YORK, March 9 -- Dow",
            "NEW YORK, March 9 --",
            "NEW YORK",
            "NEW YORK",
            None,
            Some((3, 9)),
            None,
        ),
        (
            "AMSTERDAM, 2 March - Dutch",
            "AMSTERDAM, 2 March -",
            "AMSTERDAM",
            "AMSTERDAM",
            None,
            Some((3, 2)),
            None,
        ),
        (
            "NEW YORK, Narch 2 - Shares",
            "NEW YORK, Narch 2 -",
            "NEW YORK",
            "NEW YORK",
            None,
            Some((3, 2)),
            None,
        ),
        (
            "ALBANY, N.Y., Marc 3 - The",
            "ALBANY, N.Y., Marc 3 -",
            "ALBANY, N.Y.",
            "ALBANY",
            Some("N.Y."),
            Some((3, 3)),
            None,
        ),
        (
            "RENO, Nev., Mach 4 - The",
            "RENO, Nev., Mach 4 -",
            "RENO, Nev.",
            "RENO",
            Some("Nev."),
            Some((3, 4)),
            None,
        ),
        (
            "OAKLAND , N.J., March 2 - The",
            "OAKLAND , N.J., March 2 -",
            "OAKLAND , N.J.",
            "OAKLAND",
            Some("N.J."),
            Some((3, 2)),
            None,
        ),
        (
            "****SANTO DOMINGO, March 4 - The",
            "****SANTO DOMINGO, March 4 -",
            "SANTO DOMINGO",
            "SANTO DOMINGO",
            None,
            Some((3, 4)),
            None,
        ),
        (
            "New york, March 2 - The",
            "New york, March 2 -",
            "New york",
            "New york",
            None,
            Some((3, 2)),
            None,
        ),
        (
            "La paz, march 4 - The",
            "La paz, march 4 -",
            "La paz",
            "La paz",
            None,
            Some((3, 4)),
            None,
        ),
        (
            "CHEVY CHASE, Md., - March 4 - The",
            "CHEVY CHASE, Md., - March 4 -",
            "CHEVY CHASE, Md.",
            "CHEVY CHASE",
            Some("Md."),
            Some((3, 4)),
            None,
        ),
        (
            "CHICAGO, March 4, - The",
            "CHICAGO, March 4, -",
            "CHICAGO",
            "CHICAGO",
            None,
            Some((3, 4)),
            None,
        ),
        (
            "EXCLUSIVE, March 4 - The",
            "EXCLUSIVE, March 4 -",
            "EXCLUSIVE",
            "EXCLUSIVE",
            None,
            Some((3, 4)),
            None,
        ),
        (
            "HAVANA (AP ) -- The",
            "HAVANA (AP ) --",
            "HAVANA",
            "HAVANA",
            None,
            None,
            Some("AP"),
        ),
        (
            "UNITED NATIONS -- ASEAN envoys met",
            "UNITED NATIONS --",
            "UNITED NATIONS",
            "UNITED NATIONS",
            None,
            None,
            None,
        ),
        (
            "WASHINGTON ― The",
            "WASHINGTON ―",
            "WASHINGTON",
            "WASHINGTON",
            None,
            None,
            None,
        ),
        (
            "JOHANNESBURG, August 7 (Xinhua) --\n\nSouth",
            "JOHANNESBURG, August 7 (Xinhua) --",
            "JOHANNESBURG",
            "JOHANNESBURG",
            None,
            Some((8, 7)),
            Some("Xinhua"),
        ),
    ];

    #[test]
    fn dateline_table() {
        for &(input, text, location, city, region, md, agency) in TABLE {
            let p = parse(input, 0, None).unwrap_or_else(|| panic!("no dateline in {input:?}"));
            let d = p.dateline;
            assert_eq!(d.text, text, "{input}");
            assert_eq!(d.location, location, "{input}");
            assert_eq!(d.city, city, "{input}");
            assert_eq!(d.region.as_deref(), region, "{input}");
            assert_eq!(d.month.zip(d.day), md, "{input}");
            assert_eq!(d.agency.as_deref(), agency, "{input}");
        }
    }

    #[test]
    fn sentences_are_not_datelines() {
        for input in [
            "The Association of Southeast Asian Nations",
            "U.S. President Joe Biden's administration",
            "Officials - including the minister - met.",
            "China and Russia have both expressed",
            "ASEAN",
            "Pacific First Financial Corp. said",
            "NEW YORK-based firms",
            "U.S. officials said on Monday - after talks - that",
            "U.S. OFFICIALS SAY TALKS WITH ASEAN TO RESUME",
            "ASEAN LEADERS MEET AS MYANMAR CRISIS DEEPENS\n\nJAKARTA -- Talks",
            "MARCH 4 - A rally",
            "Markets fell, March 4 - the",
            "The minister said, March 4 - the",
            "Prices rose 2 Marchers - no",
            "NEW YORK, March 26th - Stocks",
            "*** - ***",
            "Officials said, Mayor 3 - x",
            "EXCLUSIVE – Senator speaks",
            "UPDATE - Markets fell",
            "U.S. - China talks resumed",
            "U.S. officials said",
            "TRADE TALKS - MARKETS RALLY AS TARIFFS FALL",
            "ASEAN LEADERS MEET - MYANMAR CRISIS DEEPENS",
        ] {
            assert!(parse(input, 0, None).is_none(), "{input}");
        }
    }

    #[test]
    fn long_inputs_are_looked_at_through_a_window() {
        let long = format!("{}, Feb 26 - X", "JAKARTA".repeat(100_000));
        assert!(parse(&long, 0, None).is_none());
        let commas = format!("{} - X", "JAKARTA, ".repeat(100_000));
        assert!(parse(&commas, 0, None).is_none());
        // A dateline at the very end of the input still ends at the end of input.
        assert!(parse("JAKARTA --", 0, None).is_some());
        let near_window_end = format!("{} --", "A".repeat(MAX_DATELINE_BYTES - 3));
        assert!(parse(&near_window_end, 0, None).is_some());
    }

    proptest::proptest! {
        /// The quick rejection in `month_day` turns away only what the grammar rejects.
        #[test]
        fn ascii_words_agree_with_the_grammar(
            pieces in proptest::collection::vec(
                proptest::sample::select(&["A", "b", "Z", "z", ".", "'", "’", "-", "&", "/", " ", ",", "1", "É", "é", "ß", "\n"][..]),
                0..8,
            )
        ) {
            let input = pieces.concat();
            proptest::prop_assert_eq!(word(&input).ok(), word_grammar(&input).ok());
            proptest::prop_assert_eq!(any_word(&input).ok(), any_word_grammar(&input).ok());
        }

        #[test]
        fn month_day_agrees_with_the_grammar(
            pieces in proptest::collection::vec(
                proptest::sample::select(&["Feb", "march", "Marc", "Sept.", ".", "0", "00", "2", "26", "31", "32", "123", " ", "\t", ",", "-", "x", "é", "\n"][..]),
                0..8,
            )
        ) {
            let input = pieces.concat();
            proptest::prop_assert_eq!(month_day(&input).ok(), month_day_grammar(&input).ok());
        }

        /// The byte-level date lead reads what the nom grammar reads.
        #[test]
        fn date_lead_agrees_with_the_grammar(
            pieces in proptest::collection::vec(
                proptest::sample::select(&[" ", "\t", ",", "-", "--", "Feb", "2", "x", "\n", "é", "—"][..]),
                0..12,
            ),
        ) {
            let input = pieces.concat();
            proptest::prop_assert_eq!(date_lead(&input), date_lead_grammar(&input));
        }
    }

    /// `capitals_follow` without its quick rejection.
    fn capitals_follow_reference(rest: &str) -> bool {
        let caps = |w: &str| w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && is_all_caps(w);
        let mut words = rest.split_whitespace();
        matches!((words.next(), words.next()), (Some(a), Some(b)) if caps(a) && caps(b))
    }

    proptest::proptest! {
        /// The quick rejection in `capitals_follow` turns away only what the full test rejects.
        #[test]
        fn capitals_follow_quick_rejection_agrees(
            pieces in proptest::collection::vec(
                proptest::sample::select(&["A", "B", "a", "b", "É", "é", " ", "\u{a0}", "\n", "1", "-"][..]),
                0..10,
            )
        ) {
            let rest = pieces.concat();
            proptest::prop_assert_eq!(capitals_follow(&rest), capitals_follow_reference(&rest));
        }
    }

    #[test]
    fn month_words_within_one_edit() {
        assert_eq!(month_number("Narch"), Some(3));
        assert_eq!(month_number("Marc"), Some(3));
        assert_eq!(month_number("Mach"), Some(3));
        assert_eq!(month_number("Febuary"), Some(2));
        assert_eq!(month_number("MArch"), Some(3));
        assert_eq!(month_number("Mayo"), None);
        assert_eq!(month_number("Maps"), None);
        assert_eq!(month_number("Marchers"), None);
        assert!(within_one_edit(b"abc", b"abc"));
        assert!(within_one_edit(b"abc", b"abd"));
        assert!(within_one_edit(b"abc", b"ab"));
        assert!(!within_one_edit(b"abc", b"bca"));
        assert!(within_one_edit(b"", b"a"));
    }

    #[test]
    fn resolves_against_the_nearest_year() {
        let anchor = NaiveDate::from_ymd_opt(1987, 1, 2);
        let p = parse("LONDON, Dec 31 - X", 0, anchor).unwrap();
        assert_eq!(p.dateline.date, NaiveDate::from_ymd_opt(1986, 12, 31));
        let p = parse("LONDON, Feb 30 - X", 0, anchor).unwrap();
        assert_eq!(p.dateline.date, None);
        assert!(p.invalid_date.is_some());
    }

    #[test]
    fn resolving_in_the_anchor_year_first_changes_nothing() {
        // The nearest of the three years, as `resolve` computed it before its shortcut.
        let nearest = |anchor: NaiveDate, month: u32, day: u32| {
            [anchor.year() - 1, anchor.year(), anchor.year() + 1]
                .into_iter()
                .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
                .min_by_key(|d| (*d - anchor).num_days().abs())
                .filter(|d| (*d - anchor).num_days().abs() <= 183)
        };
        let first = NaiveDate::from_ymd_opt(2019, 1, 1).unwrap();
        for anchor in first.iter_days().take(3 * 366) {
            for month in 1..=12 {
                for day in 1..=31 {
                    assert_eq!(
                        resolve(anchor, month, day),
                        nearest(anchor, month, day),
                        "{anchor} {month}-{day}"
                    );
                }
            }
        }
    }
}
