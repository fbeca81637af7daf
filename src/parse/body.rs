//! Paragraph segmentation and classification.
//!
//! The body is scanned line by line (memchr). A paragraph ends at a blank line and before an
//! indented line (wire copy marks paragraphs by indentation and hard-wraps the lines in between).
//! Inside one such block, lines are hard wraps and are joined with single spaces, unless the block
//! holds a line longer than any wrap width ([`WRAP_WIDTH`]): then every line is a paragraph of its
//! own (files that separate paragraphs by single newlines).

use crate::article::{Paragraph, ParagraphKind};
use crate::span::Span;
use std::borrow::Cow;

/// Lines longer than this (in bytes, trimmed) are never hard wraps: wire copy wraps at about 70
/// columns, and 100 leaves room for wide terminals and multi-byte characters.
pub(super) const WRAP_WIDTH: usize = 100;

/// A block of consecutive non-blank lines not broken by indentation.
struct Block {
    span: Span,
    lines: usize,
    /// Longest line other than the last, trimmed.
    longest_inner: usize,
    last_len: usize,
}

pub(super) fn paragraphs(src: &str, pos: usize, classify: bool) -> Vec<Paragraph<'_>> {
    let bytes = src.as_bytes();
    let mut out = Vec::new();
    let mut block: Option<Block> = None;
    let mut line_start = pos;
    let mut first_line = true;

    loop {
        let newline = memchr::memchr(b'\n', &bytes[line_start..]).map(|i| line_start + i);
        let line_end = newline.unwrap_or(bytes.len());
        let line = &src[line_start..line_end];
        let trimmed_start = line.trim_start();
        if trimmed_start.is_empty() {
            if let Some(b) = block.take() {
                emit(src, b, &mut out);
            }
        } else {
            let lead = line.len() - trimmed_start.len();
            let content = Span::new(
                line_start + lead,
                line_start + lead + trimmed_start.trim_end().len(),
            );
            let indented = lead > 0 && !first_line;
            if indented {
                if let Some(b) = block.take() {
                    emit(src, b, &mut out);
                }
            }
            match &mut block {
                Some(b) => {
                    b.longest_inner = b.longest_inner.max(b.last_len);
                    b.last_len = content.len();
                    b.span.end = content.end;
                    b.lines += 1;
                }
                None => {
                    block = Some(Block {
                        span: content,
                        lines: 1,
                        longest_inner: 0,
                        last_len: content.len(),
                    })
                }
            }
        }
        first_line = false;
        match newline {
            Some(i) => line_start = i + 1,
            None => break,
        }
    }
    if let Some(b) = block.take() {
        emit(src, b, &mut out);
    }
    if classify {
        classify_all(&mut out);
    }
    out
}

fn emit<'a>(src: &'a str, block: Block, out: &mut Vec<Paragraph<'a>>) {
    if block.lines == 1 {
        out.push(paragraph(Cow::Borrowed(&src[block.span]), block.span));
    } else if block.longest_inner > WRAP_WIDTH {
        // One paragraph per line.
        for line in lines(src, block.span) {
            out.push(paragraph(Cow::Borrowed(&src[line]), line));
        }
    } else {
        let mut text = String::with_capacity(block.span.len());
        for line in lines(src, block.span) {
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(&src[line]);
        }
        out.push(paragraph(Cow::Owned(text), block.span));
    }
}

fn paragraph(text: Cow<'_, str>, span: Span) -> Paragraph<'_> {
    Paragraph {
        text,
        span,
        kind: ParagraphKind::Body,
    }
}

/// The trimmed, non-empty lines inside `span`.
fn lines(src: &str, span: Span) -> impl Iterator<Item = Span> + '_ {
    let mut start = span.start;
    std::iter::from_fn(move || {
        while start < span.end {
            let end = memchr::memchr(b'\n', &src.as_bytes()[start..span.end])
                .map_or(span.end, |i| start + i);
            let line = super::trim_span(src, Span::new(start, end));
            start = end + 1;
            if !line.is_empty() {
                return Some(line);
            }
        }
        None
    })
}

/// Headings that open a related-stories block; compared case-insensitively with the whole
/// paragraph, a trailing colon ignored.
const RELATED_HEADINGS: &[&str] = &[
    "you may also like these stories",
    "you may also like",
    "you might also like",
    "related stories",
    "related articles",
    "related coverage",
    "related",
    "read more",
    "see also",
    "more stories",
    "more from",
    "recommended stories",
    "also read",
];

const BOILERPLATE_EXACT: &[&str] = &[
    "reuter",
    "reuters",
    "reuter...",
    "more",
    "(more)",
    "end",
    "-- end --",
    "###",
    "abstract.",
    "full text.",
    "correction appended.",
];

const BOILERPLATE_PREFIXES: &[&str] = &[
    "(reporting by",
    "(additional reporting",
    "(editing by",
    "(writing by",
    "(compiled by",
    "reporting by ",
    "editing by ",
    "additional reporting by ",
    "copyright ",
    "all rights reserved",
    "©",
];

pub(super) fn classify_all(paragraphs: &mut [Paragraph<'_>]) {
    let mut related = false;
    for p in paragraphs.iter_mut() {
        if !related && is_related_heading(&p.text) {
            related = true;
        }
        p.kind = if related {
            ParagraphKind::Related
        } else if is_boilerplate(&p.text) {
            ParagraphKind::Boilerplate
        } else if is_caption(&p.text) {
            ParagraphKind::Caption
        } else {
            ParagraphKind::Body
        };
    }
}

fn is_related_heading(text: &str) -> bool {
    if text.len() > 48 {
        return false;
    }
    let t = text.trim().trim_end_matches(':').trim_end().to_lowercase();
    RELATED_HEADINGS.contains(&t.as_str())
}

fn is_boilerplate(text: &str) -> bool {
    if text.len() > 200 {
        return false;
    }
    let lower = text.trim().to_lowercase();
    BOILERPLATE_EXACT.contains(&lower.as_str())
        || BOILERPLATE_PREFIXES.iter().any(|p| lower.starts_with(p))
        || is_byline(text)
        || is_follow_line(&lower)
}

/// `Follow Jane Doe on Twitter @janedoe.`: a social-media pointer at the end of a story.
fn is_follow_line(lower: &str) -> bool {
    let t = lower.trim_end_matches(['.', '!']);
    lower.starts_with("follow ")
        && lower.len() <= 120
        && !lower.contains(',')
        && [" on twitter", " on facebook", " on instagram"]
            .iter()
            .any(|s| t.ends_with(s) || (lower.contains(s) && lower.contains('@')))
}

/// Photo credits that make up a whole paragraph (`Getty.`, `Getty/Instagram.`), compared
/// case-insensitively with each `/`-separated part.
const CREDITS: &[&str] = &[
    "afp",
    "ap",
    "ap photo",
    "epa",
    "facebook",
    "getty",
    "getty images",
    "instagram",
    "screenshot",
    "twitter",
    "youtube",
];

fn is_credit_only(text: &str) -> bool {
    let t = text.trim().trim_end_matches('.');
    t.len() <= 60
        && t.split('/').all(|part| {
            let part = part.trim();
            CREDITS.iter().any(|c| c.eq_ignore_ascii_case(part))
        })
}

/// `By Jane Doe`, `By JANE DOE and JOHN ROE`: a short line of names after `By`.
fn is_byline(text: &str) -> bool {
    let Some(rest) = text.strip_prefix("By ") else {
        return false;
    };
    let words: Vec<&str> = rest.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 8
        && !rest.ends_with('.')
        && words.iter().all(|w| {
            matches!(
                *w,
                "and" | "of" | "in" | "de" | "van" | "von" | "bin" | "al"
            ) || w.chars().next().is_some_and(|c| c.is_uppercase())
        })
}

/// A photo caption: ends with a photo credit.
fn is_caption(text: &str) -> bool {
    if is_credit_only(text) {
        return true;
    }
    let tail_start = text.char_indices().rev().nth(60).map_or(0, |(i, _)| i);
    let tail = &text[tail_start..];
    if let Some(i) = tail.rfind('©') {
        // `© Reuters`, `© AFP/Getty Images`: a short credit after the sign.
        return tail[i..].split_whitespace().count() <= 6;
    }
    tail.contains("REUTERS/")
        || tail.contains("(AP Photo")
        || tail.contains("(Photo:")
        || tail.ends_with("Getty Images")
        || tail.ends_with("Getty Images)")
        || text.starts_with("Photo:")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(src: &str) -> Vec<(String, ParagraphKind)> {
        paragraphs(src, 0, true)
            .into_iter()
            .map(|p| (p.text.into_owned(), p.kind))
            .collect()
    }

    #[test]
    fn blank_lines_separate_paragraphs() {
        let t = texts("One.\n\nTwo\nwrapped.\r\n\r\n  \nThree.  \n");
        let got: Vec<&str> = t.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(got, ["One.", "Two wrapped.", "Three."]);
    }

    #[test]
    fn indentation_starts_paragraphs_in_wire_copy() {
        let t =
            texts("Showers continued in\nthe zone.\n    The dry period\nmeans late.\n Reuter\n");
        assert_eq!(
            t,
            [
                (
                    "Showers continued in the zone.".to_string(),
                    ParagraphKind::Body
                ),
                (
                    "The dry period means late.".to_string(),
                    ParagraphKind::Body
                ),
                ("Reuter".to_string(), ParagraphKind::Boilerplate),
            ]
        );
    }

    #[test]
    fn long_lines_are_paragraphs_of_their_own() {
        let long = "x".repeat(120);
        let src = format!("{long}\n{long}\nYou may also like these stories:\nA headline\n");
        let t = texts(&src);
        assert_eq!(t.len(), 4);
        assert_eq!(t[2].1, ParagraphKind::Related);
        assert_eq!(t[3].1, ParagraphKind::Related);
        assert_eq!(t[0].1, ParagraphKind::Body);
    }

    #[test]
    fn classifies_captions_and_bylines() {
        assert!(is_caption(
            "Blinken held talks with counterparts. © Reuters"
        ));
        assert!(!is_caption(
            "The price was 5 © 2020 a unit, said the firm in a long sentence about prices that goes on and on."
        ));
        assert!(is_caption("Getty."));
        assert!(is_caption("AFP/Getty Images"));
        assert!(!is_caption("AP officials said."));
        assert!(is_boilerplate("Follow Jane Doe on Twitter @janedoe."));
        assert!(!is_boilerplate(
            "Follow the money, investigators said on Twitter and elsewhere."
        ));
        assert!(is_byline("By Jane Doe"));
        assert!(!is_byline("By the end of the year, prices rose."));
    }
}
