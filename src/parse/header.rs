//! The optional ` date YYYY-MM-DD` header.

use crate::error::ParseErrorKind;
use crate::span::Span;
use chrono::NaiveDate;

#[derive(Debug)]
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

/// The common form ` date YYYY-MM-DD` followed by ASCII whitespace or the end, read byte by
/// byte: the same header as the general path below finds, without its string searches.
fn common_form(src: &str, pos: usize) -> Option<Header> {
    let b = src.as_bytes().get(pos..)?;
    let head = b.get(..16)?;
    if &head[..6] != b" date " || head[10] != b'-' || head[13] != b'-' {
        return None;
    }
    if !matches!(
        b.get(16),
        None | Some(b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
    ) {
        return None;
    }
    let number = |digits: &[u8]| {
        digits.iter().try_fold(0u32, |n, &d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    let (y, m, d) = (
        number(&head[6..10])?,
        number(&head[11..13])?,
        number(&head[14..16])?,
    );
    let date_span = Span::new(pos + 6, pos + 16);
    let span = Span::new(pos, date_span.end);
    let year = i32::try_from(y).ok()?;
    Some(dated(span, date_span, (year, m, d)))
}

/// The header spanning `span` whose date token at `date_span` reads `(year, month, day)`: valid
/// if that is a calendar date.
fn dated(span: Span, date_span: Span, (year, month, day): (i32, u32, u32)) -> Header {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => Header::Valid { span, date },
        None => Header::Invalid {
            span,
            date_span,
            kind: ParseErrorKind::InvalidHeaderDate,
            expected: "a calendar date YYYY-MM-DD",
        },
    }
}

pub(super) fn parse(src: &str, pos: usize) -> Header {
    common_form(src, pos).unwrap_or_else(|| general(src, pos))
}

/// Any header: leading blanks, `date`, blanks and a date token, checked word by word.
fn general(src: &str, pos: usize) -> Header {
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
        Some(ymd) => dated(span, date_span, ymd),
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
        // The common form and the general path agree.
        for src in [
            " date 2021-05-01\n",
            " date 2021-05-01",
            " date 2021-02-30 x",
            " date 2021-13-01\tx",
            " date 0000-01-01 x",
            " date 2021-05-01\u{a0}x",
            " date 2021-05-01x",
            " date 2021-05-0a x",
        ] {
            let fast = common_form(src, 0).map(|h| format!("{h:?}"));
            let general = format!("{:?}", general(src, 0));
            assert!(fast.is_none_or(|f| f == general), "{src:?}");
        }
        assert!(common_form(" date 2021-05-01\n", 0).is_some());
        // Absurd digit runs never overflow.
        assert!(matches!(
            parse(" date 99999999999999999999-01-01 x", 0),
            Header::Invalid { .. }
        ));
    }
}
