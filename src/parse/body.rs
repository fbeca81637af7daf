//! Paragraph segmentation and classification.
//!
//! The body is scanned line by line, its newlines found 64 bytes at a time. A paragraph ends at a blank line and before an
//! indented line (wire copy marks paragraphs by indentation and hard-wraps the lines in between).
//! Inside one such block, lines are hard wraps and are joined with single spaces, unless the block
//! holds a line longer than any wrap width ([`WRAP_WIDTH`]): then every line is a paragraph of its
//! own (files that separate paragraphs by single newlines). A wire sign-off alone on the last
//! line (`REUTER`) is a paragraph of its own.
//!
//! A block is held as its first and last lines only: a long inner line sends the lines before
//! it out as paragraphs at once, and hard wraps broken by a bare newline (nearly all) are joined
//! by copying the block's text with its newlines made spaces, so the lines in between are read
//! again only for the rare block with blanks at its breaks.
//!
//! Single-line paragraphs borrow their text from the input; only hard-wrapped paragraphs
//! allocate, for the joined text. Classification compares ASCII case-insensitively and never
//! allocates; story text is turned away by its first two bytes, its first and last bytes, and
//! one vector scan of its last 80 bytes.

use crate::article::{Paragraph, ParagraphKind};
use crate::span::Span;
use std::borrow::Cow;

/// Lines longer than this (in bytes, trimmed) are never hard wraps: wire copy wraps at about 70
/// columns, and 100 leaves room for wide terminals and multi-byte characters.
pub(super) const WRAP_WIDTH: usize = 100;

/// Whitespace bytes in ASCII, as `char::is_whitespace` sees them (without `\n`, which ends lines).
fn is_ascii_blank(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | 0x0b | 0x0c)
}

/// The line `start..end` without surrounding whitespace, or `None` if it is blank. ASCII
/// whitespace is skipped byte by byte; Unicode whitespace (U+00A0 and others) is handled by the
/// standard library where a non-ASCII byte is met at an edge.
#[inline]
fn line_content(src: &str, start: usize, end: usize) -> Option<Span> {
    let b = src.as_bytes();
    // Most lines open and end with a printable ASCII byte: nothing to trim.
    let printable = |x: u8| x > b' ' && x < 0x80;
    if let (Some(&first), Some(&last)) = (b.get(start), end.checked_sub(1).and_then(|e| b.get(e)))
        && start < end
        && printable(first)
        && printable(last)
    {
        return Some(Span::new(start, end));
    }
    let mut s = start;
    while s < end && is_ascii_blank(b[s]) {
        s += 1;
    }
    if s < end && b[s] >= 0x80 {
        s = end - src[s..end].trim_start().len();
    }
    if s == end {
        return None;
    }
    let mut e = end;
    while e > s && is_ascii_blank(b[e - 1]) {
        e -= 1;
    }
    if b[e - 1] >= 0x80 {
        e = s + src[s..e].trim_end().len();
    }
    Some(Span::new(s, e))
}

pub(super) fn paragraphs(src: &str, pos: usize, classify: bool) -> Vec<Paragraph<'_>> {
    let bytes = src.as_bytes();
    // About one paragraph per 128 bytes of text at most: one allocation for most articles.
    let mut out = Vec::with_capacity((bytes.len().saturating_sub(pos) / 128 + 1).min(4096));
    let mut block = Block::default();
    let body = bytes.get(pos..).unwrap_or_default();
    let mut line_start = pos;
    // The body 64 bytes at a time: a mask of the block's newlines, read off bit by bit.
    let (chunks, rest) = body.as_chunks::<64>();
    let mut at = pos;
    for chunk in chunks {
        let mut newlines = crate::simd::eq_mask64(chunk, b'\n');
        while newlines != 0 {
            let line_end = at + newlines.trailing_zeros() as usize;
            newlines &= newlines - 1;
            block.line(src, pos, line_start, line_end, &mut out);
            line_start = line_end + 1;
        }
        at += 64;
    }
    let mut newlines =
        crate::simd::with_block(rest, 0, |chunk| crate::simd::eq_mask64(chunk, b'\n'));
    while newlines != 0 {
        let line_end = at + newlines.trailing_zeros() as usize;
        newlines &= newlines - 1;
        block.line(src, pos, line_start, line_end, &mut out);
        line_start = line_end + 1;
    }
    block.line(src, pos, line_start, bytes.len(), &mut out);
    block.emit(src, &mut out);
    if classify {
        classify_all(&mut out);
    }
    out
}

/// The current block: consecutive non-blank lines not broken by indentation, kept as its first
/// and last lines (the lines in between are read again in the rare case that needs them).
#[derive(Default)]
struct Block {
    /// The first line held (trimmed), when `lines > 0`.
    first: Span,
    /// The last line held (trimmed), when `lines > 0`.
    last: Span,
    /// The number of lines held.
    lines: usize,
    /// Whether every line held starts right after the newline that ends the line before (no
    /// blanks around the breaks): then the lines joined are the block's text with its newlines
    /// made spaces.
    single_breaks: bool,
    /// Whether an inner line longer than [`WRAP_WIDTH`] has made every line of this block a
    /// paragraph of its own: the lines before it are out already, and each line is held only
    /// until the next one comes.
    separate: bool,
}

impl Block {
    /// Takes the line `start..end` (without its newline). Lines that open and end with a
    /// printable ASCII byte (nearly all) take the short way: nothing to trim, no indent.
    #[inline(always)]
    fn line<'a>(
        &mut self,
        src: &'a str,
        pos: usize,
        start: usize,
        end: usize,
        out: &mut Vec<Paragraph<'a>>,
    ) {
        let b = src.as_bytes();
        let printable = |x: u8| x > b' ' && x < 0x80;
        if let (Some(&first), Some(&last)) =
            (b.get(start), end.checked_sub(1).and_then(|e| b.get(e)))
            && start < end
            && printable(first)
            && printable(last)
        {
            let line = Span::new(start, end);
            if line.len() <= 9 && is_final_signoff(src, line, end) {
                self.emit(src, out);
            }
            self.push(src, line, out);
        } else if start == end {
            // An empty line.
            self.emit(src, out);
        } else {
            self.other_line(src, pos, start, end, out);
        }
    }

    /// [`Block::line`] for a line of blanks or one with blanks or non-ASCII bytes at an edge.
    #[inline(never)]
    fn other_line<'a>(
        &mut self,
        src: &'a str,
        pos: usize,
        start: usize,
        end: usize,
        out: &mut Vec<Paragraph<'a>>,
    ) {
        match line_content(src, start, end) {
            None => self.emit(src, out),
            Some(content) => {
                // An indented line starts a paragraph, except at the very start of the body
                // (after a dateline, say).
                if (content.start > start && start > pos) || is_final_signoff(src, content, end) {
                    self.emit(src, out);
                }
                self.push(src, content, out);
            }
        }
    }

    #[inline(always)]
    fn push<'a>(&mut self, src: &'a str, line: Span, out: &mut Vec<Paragraph<'a>>) {
        if self.lines == 0 {
            (self.first, self.last, self.lines, self.single_breaks) = (line, line, 1, true);
        } else if self.separate {
            out.push(borrowed(src, self.last));
            (self.first, self.last) = (line, line);
        } else if self.last.len() > WRAP_WIDTH {
            // The line before is inner and too long for a wrap: every line of the block is a
            // paragraph of its own, those held included.
            self.put_separately(src, out);
            (self.first, self.last, self.lines, self.separate) = (line, line, 1, true);
        } else {
            self.single_breaks &= line.start == self.last.end + 1;
            self.last = line;
            self.lines += 1;
        }
    }

    /// Turns the lines held into paragraphs and empties the block.
    #[inline(always)]
    fn emit<'a>(&mut self, src: &'a str, out: &mut Vec<Paragraph<'a>>) {
        match self.lines {
            0 => return,
            1 => out.push(borrowed(src, self.last)),
            _ => out.push(self.joined(src)),
        }
        self.lines = 0;
        self.separate = false;
    }

    /// The lines held (at least two, the inner ones hard wraps) as one paragraph, joined with
    /// single spaces.
    #[inline(never)]
    fn joined<'a>(&self, src: &'a str) -> Paragraph<'a> {
        let span = Span::new(self.first.start, self.last.end);
        let text = if self.single_breaks {
            src[span].replace('\n', " ")
        } else {
            let mut text = String::with_capacity(span.len());
            for (i, line) in self.held(src).enumerate() {
                if i > 0 {
                    text.push(' ');
                }
                text.push_str(&src[line]);
            }
            text
        };
        paragraph(Cow::Owned(text), span)
    }

    /// Every line held as a paragraph of its own.
    #[inline(never)]
    fn put_separately<'a>(&self, src: &'a str, out: &mut Vec<Paragraph<'a>>) {
        if self.lines == 1 {
            out.push(borrowed(src, self.last));
        } else {
            out.extend(self.held(src).map(|line| borrowed(src, line)));
        }
    }

    /// The lines held, trimmed, read again from the text between the first and the last: every
    /// line there belongs to the block.
    fn held<'s>(&self, src: &'s str) -> impl Iterator<Item = Span> + 's {
        let (from, to) = (self.first.start, self.last.end);
        let lines = src.get(from..to).unwrap_or_default();
        let mut start = from;
        lines.split('\n').filter_map(move |line| {
            let end = start + line.len();
            let content = line_content(src, start, end);
            start = end + 1;
            content
        })
    }
}

fn borrowed(src: &str, line: Span) -> Paragraph<'_> {
    paragraph(Cow::Borrowed(&src[line]), line)
}

/// A wire sign-off (`Reuter`, `REUTER...`, `MORE`) alone on the last line of the input: its own
/// paragraph even where the story's last line runs straight into it without an indent. Not
/// `Reuters`, which ends wrapped photo credits (`... ©\nReuters`).
fn is_final_signoff(src: &str, line: Span, line_end: usize) -> bool {
    line.len() <= 9
        && (src[line] == *"MORE"
            || ["reuter", "reuter..."]
                .iter()
                .any(|s| src[line].eq_ignore_ascii_case(s)))
        && src.as_bytes()[line_end..]
            .iter()
            .all(|b| b.is_ascii_whitespace())
}

fn paragraph(text: Cow<'_, str>, span: Span) -> Paragraph<'_> {
    Paragraph {
        text,
        span,
        kind: ParagraphKind::Body,
    }
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

/// The length of the longest of [`BOILERPLATE_EXACT`].
const LONGEST_BOILERPLATE_EXACT: usize = super::longest(BOILERPLATE_EXACT);

/// Prefixes of boilerplate paragraphs, in lower case; none is empty.
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
        p.kind = kind_of(&p.text, &mut related);
    }
}

/// The kind of a paragraph with text `text`; `related` is whether a related-stories heading came
/// before it (and is set when `text` is one).
#[inline]
fn kind_of(text: &str, related: &mut bool) -> ParagraphKind {
    if !*related && is_related_heading(text) {
        *related = true;
    }
    if *related {
        ParagraphKind::Related
    } else if is_boilerplate(text) {
        ParagraphKind::Boilerplate
    } else if is_caption(text) {
        ParagraphKind::Caption
    } else {
        ParagraphKind::Body
    }
}

fn is_related_heading(text: &str) -> bool {
    if text.len() > 48 {
        return false;
    }
    let t = text.trim().trim_end_matches(':').trim_end();
    RELATED_HEADINGS.iter().any(|h| t.eq_ignore_ascii_case(h))
}

/// `text` starts with `prefix`, ASCII case ignored (the patterns are lower-case).
fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.as_bytes()
        .get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// `text` contains `needle`, ASCII case ignored. For short texts only.
fn contains_ignore_case(text: &str, needle: &str) -> bool {
    text.as_bytes()
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// `text` is a paragraph's text, without surrounding whitespace.
///
/// Dispatches on the first byte, so that story text (`The ...`, `Officials ...`) is turned
/// away after one or two comparisons: each boilerplate form is tried only for the byte it
/// opens with.
fn is_boilerplate(t: &str) -> bool {
    // Every boilerplate form has at least two bytes.
    let [first, second, ..] = *t.as_bytes() else {
        return false;
    };
    if t.len() > 200 {
        return false;
    }
    let (first, second) = (first.to_ascii_lowercase(), second.to_ascii_lowercase());
    match first {
        b'r' | b'm' | b'e' | b'-' | b'#' | b'a' | b'c' | b'(' | 0xC2 => {
            opens_like_boilerplate(first, second) && is_exact_or_prefixed_boilerplate(t, first)
        }
        b'f' => {
            (opens_like_boilerplate(first, second) && is_exact_or_prefixed_boilerplate(t, first))
                || is_follow_line(t)
                || is_platform_only(t)
        }
        b'b' => is_byline(t),
        b't' | b'y' | b'i' => is_platform_only(t),
        _ => false,
    }
}

/// Whether the first two bytes of a paragraph, lower-cased, open one of [`BOILERPLATE_EXACT`]
/// or [`BOILERPLATE_PREFIXES`]: story text (`Analysts ...`, `Mr. ...`, `Exports ...`) is turned
/// away here, before the lists are compared.
fn opens_like_boilerplate(first: u8, second: u8) -> bool {
    matches!(
        (first, second),
        (b'r', b'e')
            | (b'm', b'o')
            | (b'e', b'n' | b'd')
            | (b'-', b'-')
            | (b'#', b'#')
            | (b'a', b'b' | b'd' | b'l')
            | (b'f', b'u')
            | (b'c', b'o')
            | (b'(', b'm' | b'r' | b'a' | b'e' | b'w' | b'c')
            | (0xC2, 0xA9)
    )
}

/// One of [`BOILERPLATE_EXACT`], or a paragraph opening with one of [`BOILERPLATE_PREFIXES`].
fn is_exact_or_prefixed_boilerplate(t: &str, first: u8) -> bool {
    let first = first.to_ascii_lowercase();
    (t.len() <= LONGEST_BOILERPLATE_EXACT
        && BOILERPLATE_EXACT.iter().any(|e| t.eq_ignore_ascii_case(e)))
        || BOILERPLATE_PREFIXES
            .iter()
            .any(|p| p.as_bytes()[0] == first && starts_with_ignore_case(t, p))
}

/// `Follow Jane Doe on Twitter @janedoe.`: a social-media pointer at the end of a story.
fn is_follow_line(text: &str) -> bool {
    if !starts_with_ignore_case(text, "follow ") || text.len() > 120 || text.contains(',') {
        return false;
    }
    let t = text.trim_end_matches(['.', '!']);
    [" on twitter", " on facebook", " on instagram"]
        .iter()
        .any(|s| {
            let ends = t.len() >= s.len()
                && t.as_bytes()[t.len() - s.len()..].eq_ignore_ascii_case(s.as_bytes());
            ends || (contains_ignore_case(text, s) && text.contains('@'))
        })
}

/// Photo credits that make up a whole paragraph (`Getty.`, `AFP/Getty Images`), compared
/// case-insensitively with each `/`-separated part.
const CREDITS: &[&str] = &[
    "afp",
    "ap",
    "ap photo",
    "epa",
    "getty",
    "getty images",
    "reuters",
    "screenshot",
];

/// Platforms that appear in credits next to an agency (`Getty/Instagram.`); alone on a line they
/// are share-button debris (boilerplate).
const PLATFORMS: &[&str] = &["facebook", "instagram", "twitter", "youtube"];

fn is_credit_only(text: &str) -> bool {
    let t = text.trim().trim_end_matches('.');
    let is = |list: &[&str], part: &str| {
        let part = part.trim();
        list.iter().any(|c| c.eq_ignore_ascii_case(part))
    };
    t.len() <= 60
        && t.split('/').any(|part| is(CREDITS, part))
        && t.split('/')
            .all(|part| is(CREDITS, part) || is(PLATFORMS, part))
}

/// `Twitter.`, `FACEBOOK`: a platform name alone, left over from share buttons or embeds.
fn is_platform_only(text: &str) -> bool {
    // Platform names have at most 9 bytes: a longer text without a dot after them is not one.
    if text.as_bytes().get(9).is_some_and(|&b| b != b'.') {
        return false;
    }
    let t = text.trim_end_matches('.');
    PLATFORMS.iter().any(|p| t.eq_ignore_ascii_case(p))
}

/// `By Jane Doe`, `By JANE DOE and JOHN ROE`: a short line of names after `By`.
fn is_byline(text: &str) -> bool {
    let Some(rest) = text.strip_prefix("By ") else {
        return false;
    };
    let name_word = |w: &str| {
        matches!(w, "and" | "of" | "in" | "de" | "van" | "von" | "bin" | "al")
            || w.chars().next().is_some_and(char::is_uppercase)
    };
    let words = rest.split_whitespace().count();
    (1..=8).contains(&words) && !rest.ends_with('.') && rest.split_whitespace().all(name_word)
}

/// Bytes at the end of a paragraph searched for a photo credit.
const CREDIT_TAIL_BYTES: usize = 80;

/// A photo caption: ends with a photo credit.
fn is_caption(text: &str) -> bool {
    let t = text.as_bytes();
    let (Some(&first), Some(&last)) = (t.first(), t.last()) else {
        return false;
    };
    // The first and last bytes pick the comparisons worth making.
    if (first == b'P' && text.starts_with("Photo:"))
        || (last == b's' && text.ends_with("Getty Images"))
        || (last == b')' && text.ends_with("Getty Images)"))
        || (text.len() <= 64 && is_credit_only(text))
    {
        return true;
    }
    let mut tail_start = text.len().saturating_sub(CREDIT_TAIL_BYTES);
    while !text.is_char_boundary(tail_start) {
        tail_start += 1;
    }
    let tail = &t[tail_start..];
    if !has_credit_mark(tail) {
        return false;
    }
    // Every credit form holds `©` (0xC2 0xA9), `/` or `(`: one vectorized scan of the tail
    // finds them all, and each is checked where it stands.
    let mut last_copyright = None;
    let mut credit = false;
    for i in memchr::memchr3_iter(0xC2, b'/', b'(', tail) {
        match tail[i] {
            0xC2 => {
                if tail.get(i + 1) == Some(&0xA9) {
                    last_copyright = Some(i);
                }
            }
            // `REUTERS/Jane Doe`
            b'/' => credit |= i >= 7 && &tail[i - 7..i] == b"REUTERS",
            // `(AP Photo/...)`, `(Photo: ...)`
            _ => {
                let after = &tail[i + 1..];
                credit |= after.starts_with(b"AP Photo") || after.starts_with(b"Photo:");
            }
        }
    }
    if let Some(i) = last_copyright {
        // `© Reuters`, `© AFP/Getty Images`: a short credit after the sign.
        return text[tail_start + i..].split_whitespace().count() <= 6;
    }
    credit
}

/// Whether `tail` holds `©`'s first byte 0xC2, `/` or `(`. A tail of 64 to 80 bytes (that of
/// every long paragraph) is compared as one 64-byte block and its last sixteen bytes.
#[inline]
fn has_credit_mark(tail: &[u8]) -> bool {
    let (a, b, c) = (0xC2, b'/', b'(');
    match (tail.first_chunk::<64>(), tail.len().checked_sub(16)) {
        (Some(block), Some(last)) if tail.len() <= 80 => {
            crate::simd::eq3_mask64(block, a, b, c) != 0
                || tail
                    .get(last..)
                    .and_then(<[u8]>::first_chunk::<16>)
                    .is_some_and(|lane| crate::simd::eq3_mask16(lane, a, b, c) != 0)
        }
        _ => crate::simd::contains3(tail, a, b, c),
    }
}

#[cfg(test)]
mod reference;

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn texts(src: &str) -> Vec<(String, ParagraphKind)> {
        paragraphs(src, 0, true)
            .into_iter()
            .map(|p| (p.text.into_owned(), p.kind))
            .collect()
    }

    /// Pieces of the format and of every classified form, to build articles that hit the
    /// scanner's and the classifier's branches often.
    const PIECES: &[&str] = &[
        "\n",
        "\n\n",
        " ",
        "    ",
        "\t",
        "\r\n",
        "\u{a0}",
        "\u{2003}",
        "é",
        "x",
        "The talks went on",
        "officials said.",
        "Reuter",
        "REUTER",
        "reuter...",
        "Reuters",
        "MORE",
        "(more)",
        "END",
        "-- end --",
        "###",
        "Abstract.",
        "Full text.",
        "Correction appended.",
        "(Reporting by",
        "(Editing by",
        "Reporting by ",
        "Editing by ",
        "Additional reporting by ",
        "Copyright ",
        "All rights reserved",
        "©",
        "© Reuters",
        "REUTERS/",
        "REUTERS",
        "/",
        "(",
        ")",
        "(AP Photo",
        "(Photo:",
        "Photo:",
        "Getty Images",
        "Getty Images)",
        "AFP/Getty",
        "Getty.",
        "By ",
        "Jane Doe",
        "JANE",
        "and",
        "Follow ",
        " on Twitter",
        " on twitter",
        "@jd",
        ",",
        "Twitter",
        "YouTube.",
        "FACEBOOK",
        "instagram",
        "Related",
        "Related stories:",
        "You may also like",
        ":",
        ".",
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "a line of about fifty bytes of wire copy text here",
    ];

    fn article() -> impl Strategy<Value = String> {
        prop_oneof![
            prop::collection::vec(prop::sample::select(PIECES), 0..80).prop_map(|v| v.concat()),
            any::<String>(),
        ]
    }

    proptest! {
        /// The fast scanner and classifier agree with the straightforward ones on any input.
        #[test]
        fn fast_paths_agree_with_the_reference(src in article(), skip in 0usize..40) {
            let mut pos = skip.min(src.len());
            while !src.is_char_boundary(pos) {
                pos += 1;
            }
            for classify in [false, true] {
                let fast = paragraphs(&src, pos, classify);
                let slow = reference::paragraphs(&src, pos, classify);
                prop_assert_eq!(fast, slow);
            }
            for p in reference::paragraphs(&src, 0, false) {
                prop_assert_eq!(is_boilerplate(&p.text), reference::is_boilerplate(&p.text));
                prop_assert_eq!(is_caption(&p.text), reference::is_caption(&p.text));
            }
        }
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
    fn a_final_signoff_is_a_paragraph_of_its_own() {
        let t = texts("The talks went on\nfor hours, the sources said.\nREUTER\n");
        assert_eq!(
            t,
            [
                (
                    "The talks went on for hours, the sources said.".to_string(),
                    ParagraphKind::Body
                ),
                ("REUTER".to_string(), ParagraphKind::Boilerplate),
            ]
        );
        // Not at the end of the input: an ordinary wrapped line.
        let t = texts("Shares of the company rose after\nReuter\nreported the deal.\n");
        assert_eq!(t.len(), 1);
        // A wrapped photo credit is not a sign-off.
        let t = texts("Ministers met on Monday. ©\nReuters\n");
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].1, ParagraphKind::Caption);
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
    fn every_boilerplate_form_passes_the_opening_filter() {
        for form in BOILERPLATE_EXACT.iter().chain(BOILERPLATE_PREFIXES) {
            let b = form.as_bytes();
            assert!(
                opens_like_boilerplate(b[0].to_ascii_lowercase(), b[1].to_ascii_lowercase()),
                "{form}"
            );
        }
    }

    proptest! {
        /// The lane scan for credit marks finds what a plain search finds, at every length a
        /// tail can have.
        #[test]
        fn credit_mark_scan_agrees_with_a_plain_search(
            len in 0..=CREDIT_TAIL_BYTES,
            mark in prop::option::of((any::<prop::sample::Index>(), prop::sample::select(b"/(\xc2".to_vec()))),
            filler in prop::sample::select(b"a .)\xa9\xc3".to_vec()),
        ) {
            let mut tail = vec![filler; len];
            if let (Some((at, byte)), false) = (mark, tail.is_empty()) {
                let at = at.index(tail.len());
                tail[at] = byte;
            }
            let plain = tail.iter().any(|&b| matches!(b, 0xC2 | b'/' | b'('));
            prop_assert_eq!(has_credit_mark(&tail), plain);
        }
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
        assert!(is_caption("Getty/Instagram."));
        assert!(!is_caption("TWITTER."));
        assert!(is_boilerplate("TWITTER."));
        assert!(is_boilerplate("YouTube"));
        assert!(!is_boilerplate("Twitter users were divided."));
        assert!(!is_caption("AP officials said."));
        assert!(is_boilerplate("Follow Jane Doe on Twitter @janedoe."));
        assert!(!is_boilerplate(
            "Follow the money, investigators said on Twitter and elsewhere."
        ));
        assert!(is_byline("By Jane Doe"));
        assert!(!is_byline("By the end of the year, prices rose."));
    }
}
