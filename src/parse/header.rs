//! The optional ` date YYYY-MM-DD` header.

use crate::error::ParseErrorKind;
use crate::span::Span;
use chrono::NaiveDate;

pub(super) enum Header {
    None,
    Valid {
        span: Span,
        date: NaiveDate,
    },
    Invalid {
        span: Span,
        date_span: Span,
        kind: ParseErrorKind,
        expected: &'static str,
    },
}

/// Leading blanks, the keyword `date`, blanks, then the date token (digits and separators).
/// Returns the text after the token and the token.
fn header_token(input: &str) -> Option<(&str, &str)> {
    let keyword = input.trim_start_matches([' ', '\t']).strip_prefix("date")?;
    let token_start = keyword.trim_start_matches([' ', '\t']);
    if token_start.len() == keyword.len() {
        return None;
    }
    let len = token_start
        .bytes()
        .take_while(|&c| c.is_ascii_digit() || matches!(c, b'-' | b'/' | b'.'))
        .count();
    if len == 0 {
        return None;
    }
    let (token, rest) = token_start.split_at(len);
    Some((rest, token))
}

/// `YYYY-MM-DD` exactly.
fn iso_date(token: &str) -> Option<(i32, u32, u32)> {
    let b = token.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let s = token.get(r)?;
        if s.bytes().all(|c| c.is_ascii_digit()) {
            s.parse().ok()
        } else {
            None
        }
    };
    let y = digits(0..4)?;
    let m = digits(5..7)?;
    let d = digits(8..10)?;
    Some((i32::try_from(y).ok()?, m, d))
}

pub(super) fn parse(src: &str, pos: usize) -> Header {
    let input = &src[pos..];
    let Some((rest, token)) = header_token(input) else {
        return Header::None;
    };
    // The token must end at a word boundary: `date 2021-05-01x` is not a header.
    if rest.chars().next().is_some_and(|c| !c.is_whitespace()) {
        return Header::None;
    }
    // Offsets: `token` is a subslice of `src`.
    let date_start = src.len() - rest.len() - token.len();
    let date_span = Span::new(date_start, date_start + token.len());
    let span = Span::new(pos, date_span.end);
    match iso_date(token) {
        Some((y, m, d)) => match NaiveDate::from_ymd_opt(y, m, d) {
            Some(date) => Header::Valid { span, date },
            None => Header::Invalid {
                span,
                date_span,
                kind: ParseErrorKind::InvalidHeaderDate,
                expected: "a calendar date YYYY-MM-DD",
            },
        },
        None => Header::Invalid {
            span,
            date_span,
            kind: ParseErrorKind::MalformedHeader,
            expected: "a date of the form YYYY-MM-DD after `date`",
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(src: &str) -> Option<String> {
        match parse(src, 0) {
            Header::Valid { date, .. } => Some(date.to_string()),
            _ => None,
        }
    }

    #[test]
    fn recognizes_the_header_forms() {
        assert_eq!(
            date(" date 2021-05-01 JAKARTA").as_deref(),
            Some("2021-05-01")
        );
        assert_eq!(date("date 2021-05-01\n").as_deref(), Some("2021-05-01"));
        assert_eq!(date(" date 2021-05-01").as_deref(), Some("2021-05-01"));
        assert!(matches!(parse(" date palms grow", 0), Header::None));
        assert!(matches!(parse(" date 2021-05-01x", 0), Header::None));
        assert!(matches!(parse("The date 2021-05-01", 0), Header::None));
        assert!(matches!(
            parse(" date 2021-02-30 x", 0),
            Header::Invalid {
                kind: ParseErrorKind::InvalidHeaderDate,
                ..
            }
        ));
        assert!(matches!(
            parse(" date 2021-5-1 x", 0),
            Header::Invalid {
                kind: ParseErrorKind::MalformedHeader,
                ..
            }
        ));
        // Absurd digit runs never overflow.
        assert!(matches!(
            parse(" date 99999999999999999999-01-01 x", 0),
            Header::Invalid { .. }
        ));
    }
}
