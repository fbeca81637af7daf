//! Wire datelines: `JAKARTA --`, `NEW YORK, March 26 -`, `PORTLAND, Ore., Feb 26 -`,
//! `CANBERRA, Australia (AP)_`, `BEIJING, March 24 (Xinhua) --`.
//!
//! Grammar (blanks are spaces or tabs, never line breaks):
//!
//! ```text
//! dateline  := location (',' blank* region)* [','] [blank+ date | ',' blank* date]
//!              [blank* '(' agency ')'] blank* separator (whitespace | end)
//! location  := word (' ' word)*          at most 6 words, each starting with an upper-case letter
//! region    := word (' ' word)*          at most 3 words
//! date      := month blank+ day          month names and abbreviations, any case, optional '.'
//! separator := '--' | '—' | '–' | '―' | '-' | '_'
//! ```
//!
//! A location in mixed case (`Toronto`) counts only with a date or an agency, so that ordinary
//! sentences (`Officials - ...`) are not taken for datelines.

use crate::article::Dateline;
use crate::span::Span;
use chrono::{Datelike, NaiveDate};
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while, take_while1};
use nom::character::complete::{char, digit1, space0, space1};
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
const MAX_DATELINE_BYTES: usize = 120;

fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-' | '&' | '/')
}

/// A word starting with an upper-case letter.
fn word(input: &str) -> IResult<&str, &str> {
    verify(take_while1(is_word_char), |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
    })
    .parse(input)
}

fn month_number(word: &str) -> Option<u32> {
    let w = word.strip_suffix('.').unwrap_or(word).to_ascii_lowercase();
    Some(match w.as_str() {
        "jan" | "january" => 1,
        "feb" | "february" => 2,
        "mar" | "march" => 3,
        "apr" | "april" => 4,
        "may" => 5,
        "jun" | "june" => 6,
        "jul" | "july" => 7,
        "aug" | "august" => 8,
        "sep" | "sept" | "september" => 9,
        "oct" | "october" => 10,
        "nov" | "november" => 11,
        "dec" | "december" => 12,
        _ => return None,
    })
}

/// `Feb 26`, `March  2`, `feb. 26`: month and day, the day not followed by another digit.
fn month_day(input: &str) -> IResult<&str, (u32, u32, &str)> {
    let start = input;
    let (rest, (m, _, d)) = (
        take_while1(|c: char| c.is_ascii_alphabetic() || c == '.'),
        space1,
        verify(digit1, |d: &str| d.len() <= 2),
    )
        .parse(input)?;
    let month = month_number(m).ok_or_else(|| fail(input))?;
    let day: u32 = d.parse().map_err(|_| fail(input))?;
    if !(1..=31).contains(&day) {
        return Err(fail(input));
    }
    let text = &start[..start.len() - rest.len()];
    Ok((rest, (month, day, text)))
}

fn fail(input: &str) -> nom::Err<nom::error::Error<&str>> {
    nom::Err::Error(nom::error::Error::new(input, nom::error::ErrorKind::Verify))
}

/// Words separated by single spaces, stopping before a month-day.
fn words(input: &str, max: usize) -> IResult<&str, &str> {
    let start = input;
    let (mut rest, _) = word(input)?;
    let mut count = 1;
    while count < max {
        let Ok((after_space, _)) = char::<&str, nom::error::Error<&str>>(' ').parse(rest) else {
            break;
        };
        if month_day(after_space).is_ok() {
            break;
        }
        match word(after_space) {
            Ok((r, _)) => {
                rest = r;
                count += 1;
            }
            Err(_) => break,
        }
    }
    Ok((rest, &start[..start.len() - rest.len()]))
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

fn separator(input: &str) -> IResult<&str, &str> {
    let (rest, sep) = preceded(
        space0,
        alt((tag("--"), tag("—"), tag("–"), tag("―"), tag("-"), tag("_"))),
    )
    .parse(input)?;
    // The separator ends the dateline: whitespace or the end of input must follow.
    match rest.chars().next() {
        None => Ok((rest, sep)),
        Some(c) if c.is_whitespace() => Ok((rest, sep)),
        Some(_) => Err(fail(input)),
    }
}

fn is_all_caps(s: &str) -> bool {
    s.chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase)
}

/// Nearest date to `anchor` with this month and day, within half a year.
fn resolve(anchor: NaiveDate, month: u32, day: u32) -> Option<NaiveDate> {
    [anchor.year() - 1, anchor.year(), anchor.year() + 1]
        .into_iter()
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .min_by_key(|d| (*d - anchor).num_days().abs())
        .filter(|d| (*d - anchor).num_days().abs() <= 183)
}

pub(super) fn parse(src: &str, start: usize, anchor: Option<NaiveDate>) -> Option<Parsed<'_>> {
    let input = &src[start..];
    let off = |rest: &str| src.len() - rest.len();

    let (mut rest, location_head) = words(input, MAX_LOCATION_WORDS).ok()?;
    let city_span = Span::new(start, off(rest));

    // Regions: `, Ore.`, `, Argentina`, `, West Germany`.
    let mut region_span: Option<Span> = None;
    loop {
        let Ok((r, _)) = (char::<&str, nom::error::Error<&str>>(','), space0).parse(rest) else {
            break;
        };
        if month_day(r).is_ok() {
            break;
        }
        let Ok((r2, region)) = words(r, MAX_REGION_WORDS) else {
            break;
        };
        let s = Span::new(off(r2) - region.len(), off(r2));
        region_span = Some(region_span.map_or(s, |prev| prev.cover(s)));
        rest = r2;
    }
    let location_span = Span::new(start, off(rest));

    // Date: `, Feb 26` or ` Feb 26` (after an abbreviated region such as `Va.`).
    let mut date = None;
    let lead = take_while(|c| c == ',' || c == ' ' || c == '\t');
    if let Ok((r, (l, (m, d, text)))) = (lead, month_day).parse(rest) {
        if !l.is_empty() {
            let end = off(r);
            date = Some((m, d, Span::new(end - text.len(), end)));
            rest = r;
        }
    }

    let mut agency_span = None;
    if let Ok((r, name)) = agency(rest) {
        let end = off(r) - 1;
        agency_span = Some(Span::new(end - name.len(), end));
        rest = r;
    }

    let (rest, _) = separator(rest).ok()?;
    let end = off(rest);
    if end - start > MAX_DATELINE_BYTES {
        return None;
    }
    if date.is_none() && agency_span.is_none() && !is_all_caps(&src[location_span]) {
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
        ] {
            assert!(parse(input, 0, None).is_none(), "{input}");
        }
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
}
