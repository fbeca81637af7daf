//! Sentence segmentation for news English.

use super::{Analysis, Extractor};
use crate::article::Article;
use crate::span::Span;
use serde::ser::SerializeStruct;
use serde::{Deserialize, Serialize};

/// One sentence: its span in the source and the index of its paragraph in
/// [`Article::paragraphs`]. Serializes as `{"start": .., "end": ..}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub struct Sentence {
    /// The sentence's bytes in the source.
    #[serde(flatten)]
    pub span: Span,
    /// Index of the paragraph it belongs to.
    #[serde(skip)]
    pub paragraph: usize,
}

// Written out rather than derived with `flatten`, which goes through a map serializer and
// costs several times more.
impl Serialize for Sentence {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Sentence", 2)?;
        st.serialize_field("start", &self.span.start)?;
        st.serialize_field("end", &self.span.end)?;
        st.end()
    }
}

/// Splits the body paragraphs into sentences.
///
/// ```
/// use newswire::extract::{Analysis, Extractor, Sentences};
///
/// let src = "U.S. Sen. John Smith met Gen. Lee on Feb. 1. \"We agreed,\" he said. Talks end.";
/// let article = newswire::parse(src)?;
/// let sentences = Sentences::default().extract(&Analysis::new(&article));
/// let texts: Vec<&str> = sentences.iter().map(|s| &src[s.span]).collect();
/// assert_eq!(
///     texts,
///     ["U.S. Sen. John Smith met Gen. Lee on Feb. 1.", "\"We agreed,\" he said.", "Talks end."]
/// );
/// # Ok::<(), newswire::ParseError>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct Sentences {
    _private: (),
}

impl Extractor for Sentences {
    type Output = Vec<Sentence>;

    fn extract(&self, analysis: &Analysis<'_>) -> Vec<Sentence> {
        analysis.sentences().to_vec()
    }
}

/// Whether `word` is one of the titles and abbreviations of `is_title_lower` (for the
/// reference splitter).
#[cfg(test)]
fn is_title(word: &str) -> bool {
    let mut buf = [0u8; 8];
    lower_ascii(word, &mut buf).is_some_and(is_title_lower)
}

/// Titles and abbreviations that stand before a name or a number, in ASCII lower case: a
/// period after them never ends a sentence (`Sen. Smith`, `Gen. Lee`, `St. Louis`, `Feb. 1`).
fn is_title_lower(lower: &[u8]) -> bool {
    matches!(
        lower,
        b"mr"
            | b"mrs"
            | b"ms"
            | b"messrs"
            | b"dr"
            | b"prof"
            | b"sen"
            | b"sens"
            | b"rep"
            | b"reps"
            | b"gov"
            | b"gen"
            | b"lt"
            | b"col"
            | b"maj"
            | b"capt"
            | b"cmdr"
            | b"adm"
            | b"sgt"
            | b"cpl"
            | b"pvt"
            | b"rev"
            | b"hon"
            | b"pres"
            | b"supt"
            | b"insp"
            | b"st"
            | b"ste"
            | b"mt"
            | b"ft"
            | b"vs"
            | b"v"
            | b"fig"
            | b"op"
            | b"cf"
            | b"approx"
            | b"dept"
            | b"univ"
            | b"assn"
            | b"jan"
            | b"feb"
            | b"mar"
            | b"apr"
            | b"jun"
            | b"jul"
            | b"aug"
            | b"sep"
            | b"sept"
            | b"oct"
            | b"nov"
            | b"dec"
    )
}

/// Whether `word` is one of the abbreviations of `is_abbreviation_lower` (for the reference
/// splitter).
#[cfg(test)]
fn is_abbreviation(word: &str) -> bool {
    let mut buf = [0u8; 8];
    lower_ascii(word, &mut buf).is_some_and(is_abbreviation_lower)
}

/// Abbreviations that often end a sentence too (`Apple Inc.`, `John Smith Jr.`, `Portland,
/// Ore.`), in ASCII lower case: the period ends the sentence only before a word that usually
/// opens one.
fn is_abbreviation_lower(lower: &[u8]) -> bool {
    matches!(
        lower,
        b"jr"
            | b"sr"
            | b"co"
            | b"corp"
            | b"inc"
            | b"ltd"
            | b"bros"
            | b"ala"
            | b"ariz"
            | b"ark"
            | b"calif"
            | b"colo"
            | b"conn"
            | b"del"
            | b"fla"
            | b"ga"
            | b"ill"
            | b"ind"
            | b"kan"
            | b"ky"
            | b"la"
            | b"md"
            | b"mass"
            | b"mich"
            | b"minn"
            | b"miss"
            | b"mo"
            | b"mont"
            | b"neb"
            | b"nev"
            | b"okla"
            | b"ore"
            | b"pa"
            | b"tenn"
            | b"tex"
            | b"va"
            | b"vt"
            | b"wash"
            | b"wis"
            | b"wyo"
            | b"est"
            | b"al"
            | b"etc"
    )
}

/// Words that usually open a sentence; after an ambiguous abbreviation (`U.S.`, `Inc.`) they
/// mark a sentence boundary.
fn is_sentence_starter(word: &str) -> bool {
    matches!(
        word,
        "The"
            | "A"
            | "An"
            | "But"
            | "And"
            | "He"
            | "She"
            | "It"
            | "They"
            | "We"
            | "I"
            | "In"
            | "On"
            | "At"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "There"
            | "Still"
            | "However"
            | "Meanwhile"
            | "Its"
            | "His"
            | "Her"
            | "Their"
            | "Our"
            | "After"
            | "Before"
            | "When"
            | "While"
            | "As"
            | "If"
            | "Some"
            | "Many"
            | "Most"
            | "Officials"
            | "Yet"
            | "So"
            | "Now"
            | "Then"
            | "Also"
            | "Last"
            | "Earlier"
            | "Later"
    )
}

/// `word` in ASCII lower case in `buf`, if it is ASCII and short enough for the lists above.
fn lower_ascii<'a>(word: &str, buf: &'a mut [u8; 8]) -> Option<&'a [u8]> {
    let bytes = word.as_bytes();
    let out = buf.get_mut(..bytes.len())?;
    for (o, b) in out.iter_mut().zip(bytes) {
        *o = b.to_ascii_lowercase();
    }
    Some(out)
}

/// Marks that close a sentence after its final punctuation (read as bytes by `past_closers`).
#[cfg(test)]
const CLOSERS: &[char] = &['"', '\'', '”', '’', ')', ']', '»', '`'];

/// Marks that may open a sentence before its first word.
const OPENERS: &[char] = &['"', '“', '\'', '‘', '(', '[', '`', '«'];

/// Sentences of all body paragraphs of `article`.
pub(crate) fn split_article(article: &Article<'_>) -> Vec<Sentence> {
    let src = article.source();
    let mut out = Vec::with_capacity(src.len() / 128 + 1);
    // Most articles have no `…`: one search over the article spares one per paragraph.
    let ellipses = next_ellipsis(src.as_bytes(), 0).is_some();
    for (i, p) in article.paragraphs.iter().enumerate() {
        if p.kind != crate::ParagraphKind::Body {
            continue;
        }
        let Some(text) = p.span.get(src) else {
            continue;
        };
        split_each(text, ellipses, |s| {
            out.push(Sentence {
                span: s.shift(p.span.start),
                paragraph: i,
            })
        });
    }
    out
}

/// Sentence spans within `text`, relative to it. Every span is trimmed and non-empty.
#[cfg(test)]
pub(crate) fn split(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    split_each(text, true, |s| out.push(s));
    out
}

/// Calls `emit` with each sentence span of `text`, relative to it, in order. Without
/// `ellipses`, `text` holds no `…`.
///
/// Only the terminators (`.`, `!`, `?`, `…`) are looked at, found 64 bytes at a time;
/// the bytes around each are read as bytes, and characters are decoded only where they are
/// not ASCII.
fn split_each(text: &str, ellipses: bool, mut emit: impl FnMut(Span)) {
    let bytes = text.as_bytes();
    let mut start = skip_ws(text, 0);
    let mut from = start;
    let mut terminators = Terminators::new(bytes, ellipses);
    while let Some(k) = terminators.next_from(from) {
        // A terminator inside a word or number (`1.2`, `U.S`) ends nothing: no space follows.
        if bytes.get(k + 1).is_some_and(u8::is_ascii_alphanumeric) {
            from = k + 1;
            continue;
        }
        // The run of terminators (`?!`, `...`, `…`) and closing quotes or brackets after it.
        let end = past_closers(bytes, past_terminators(bytes, k));
        let next = skip_ws(text, end);
        if next > end && next < bytes.len() && is_boundary(text, start, k, next) {
            // The sentence ends in a terminator or a closing mark, never in white space.
            if end > start {
                emit(Span::new(start, end));
            }
            start = next;
        }
        from = end.max(k + 1);
    }
    if start < bytes.len() {
        let end = trim_end(text, bytes.len());
        if end > start {
            emit(Span::new(start, end));
        }
    }
}

/// The bytes of `…`.
const ELLIPSIS: &[u8] = "…".as_bytes();

/// The end of the run of terminators (`.`, `!`, `?`, `…`) from `i`.
fn past_terminators(bytes: &[u8], mut i: usize) -> usize {
    loop {
        match bytes.get(i) {
            Some(b'.' | b'!' | b'?') => i += 1,
            Some(0xE2) if bytes.get(i..i + 3) == Some(ELLIPSIS) => i += 3,
            _ => return i,
        }
    }
}

/// The end of the run of closing marks (`CLOSERS` in the tests: closing quotes, brackets,
/// `»`) from `i`.
fn past_closers(bytes: &[u8], mut i: usize) -> usize {
    loop {
        match bytes.get(i) {
            Some(b'"' | b'\'' | b')' | b']' | b'`') => i += 1,
            // `”`, `’`
            Some(0xE2) if matches!(bytes.get(i + 1..i + 3), Some([0x80, 0x9D | 0x99])) => i += 3,
            // `»`
            Some(0xC2) if bytes.get(i + 1) == Some(&0xBB) => i += 2,
            _ => return i,
        }
    }
}

/// The positions of `.`, `!`, `?` and `…` in a text, found in one pass however the splitter
/// jumps ahead.
///
/// `.`, `!` and `?` are found 64 bytes at a time: a block's bit mask is computed once and its
/// set bits read off one by one, so a terminator costs a few instructions rather than the
/// start-up of a search (sentences are short: a search would rarely run past its first
/// vector).
struct Terminators<'a> {
    bytes: &'a [u8],
    /// Offset of the block `mask` describes (a multiple of 64).
    block: usize,
    /// The `.`, `!` and `?` of that block not yet dropped.
    mask: u64,
    /// The next `…` at or after the last position asked for.
    ellipsis: Option<usize>,
}

/// The bit mask of the `.`, `!` and `?` among the (up to) 64 bytes of `bytes` at `start`.
#[inline]
fn terminator_mask(bytes: &[u8], start: usize) -> u64 {
    crate::simd::with_block(bytes, start, |block| {
        crate::simd::eq3_mask64(block, b'.', b'!', b'?')
    })
}

impl<'a> Terminators<'a> {
    /// The terminators of `bytes`; `ellipses` says whether it may hold a `…`.
    fn new(bytes: &'a [u8], ellipses: bool) -> Self {
        Terminators {
            bytes,
            block: 0,
            mask: terminator_mask(bytes, 0),
            ellipsis: if ellipses {
                next_ellipsis(bytes, 0)
            } else {
                None
            },
        }
    }

    /// The first `.`, `!` or `?` at or after `from`: the terminators before it are dropped one
    /// by one (the splitter asks for positions in increasing order and jumps only over the run
    /// of terminators and closing marks it has just read).
    #[inline]
    fn next_punct(&mut self, from: usize) -> Option<usize> {
        loop {
            while self.mask == 0 {
                self.block = self.block.saturating_add(64);
                if self.block >= self.bytes.len() {
                    return None;
                }
                self.mask = terminator_mask(self.bytes, self.block);
            }
            let p = self.block + self.mask.trailing_zeros() as usize;
            if p >= from {
                return Some(p);
            }
            self.mask &= self.mask - 1;
        }
    }

    /// The first terminator at or after `from`.
    fn next_from(&mut self, from: usize) -> Option<usize> {
        let punct = self.next_punct(from);
        if self.ellipsis.is_some_and(|e| e < from) {
            self.ellipsis = next_ellipsis(self.bytes, from);
        }
        match (punct, self.ellipsis) {
            (Some(p), Some(e)) => Some(p.min(e)),
            (p, e) => p.or(e),
        }
    }
}

/// The first `…` at or after `from`. Its last byte, 0xA6, is found by a vectorized search: it
/// ends few other characters in news text (`¦`, `Ħ`), unlike its first, which also begins
/// curly quotes and dashes.
fn next_ellipsis(bytes: &[u8], from: usize) -> Option<usize> {
    let mut i = from.checked_add(2)?;
    loop {
        let k = i + memchr::memchr(0xA6, bytes.get(i..)?)?;
        if bytes.get(k - 2..=k) == Some(ELLIPSIS) {
            return Some(k - 2);
        }
        i = k + 1;
    }
}

fn skip_ws(text: &str, from: usize) -> usize {
    // ASCII white space byte by byte, the rest (rare) by `trim_start`.
    let bytes = text.as_bytes();
    let mut i = from;
    while bytes
        .get(i)
        .is_some_and(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C))
    {
        i += 1;
    }
    if bytes.get(i).is_none_or(u8::is_ascii) {
        return i;
    }
    let rest = text.get(i..).unwrap_or("");
    i + (rest.len() - rest.trim_start().len())
}

fn trim_end(text: &str, end: usize) -> usize {
    // Paragraphs end in text, not white space: check the last byte before searching.
    let bytes = text.as_bytes();
    if end > 0
        && bytes.get(end - 1).is_some_and(|b| {
            b.is_ascii() && !matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C)
        })
    {
        return end;
    }
    text.get(..end).map_or(end, |t| t.trim_end().len())
}

/// How [`last_word`] reads a byte: part of the word, a break (white space or an opening mark,
/// [`OPENERS`]), a period (part of the word), or not ASCII.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Back {
    Word,
    Break,
    Period,
    NotAscii,
}

/// [`Back`] of every byte value.
static BACK: [Back; 256] = {
    let mut t = [Back::NotAscii; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = match b as u8 {
            b'\t'..=b'\r' | b' ' | b'"' | b'\'' | b'(' | b'[' | b'`' => Back::Break,
            b'.' => Back::Period,
            _ => Back::Word,
        };
        b += 1;
    }
    t
};

/// The last word of `before`: what follows its last white space or opening quote or bracket,
/// and whether it holds a period.
fn last_word(before: &str) -> (&str, bool) {
    // Most words are ASCII: look back byte by byte for an ASCII break, and let the general
    // search decide as soon as a byte is not ASCII.
    let bytes = before.as_bytes();
    let mut dot = false;
    for (i, &b) in bytes.iter().enumerate().rev() {
        match BACK[usize::from(b)] {
            Back::Word => {}
            Back::Period => dot = true,
            Back::Break => return (before.get(i + 1..).unwrap_or(""), dot),
            Back::NotAscii => {
                let word = before
                    .rsplit(|c: char| c.is_whitespace() || OPENERS.contains(&c))
                    .next()
                    .unwrap_or("");
                return (word, word.contains('.'));
            }
        }
    }
    (before, dot)
}

/// Whether the terminator at `dot` (the next sentence starting at `next`) ends a sentence.
fn is_boundary(text: &str, start: usize, dot: usize, next: usize) -> bool {
    let bytes = text.as_bytes();
    let next_char = match bytes.get(next) {
        Some(&b) if b.is_ascii() => char::from(b),
        _ => text
            .get(next..)
            .and_then(|r| r.chars().next())
            .unwrap_or(' '),
    };
    let starts_like_sentence =
        next_char.is_uppercase() || next_char.is_ascii_digit() || OPENERS.contains(&next_char);
    if !starts_like_sentence {
        return false;
    }
    if bytes.get(dot) != Some(&b'.') || bytes.get(dot + 1) == Some(&b'.') {
        // `!`, `?`, and ellipses before a capital end sentences.
        return true;
    }
    // A period after seven ASCII bytes of a word that are not periods ends a sentence: the
    // word is longer than any title or abbreviation listed here, and its last part too long
    // for a dotted abbreviation (the checks below all come out true), so it need not be read
    // back to its start.
    if dot >= start + 7
        && bytes
            .get(dot - 7..dot)
            .is_some_and(|w| w.iter().all(|&b| BACK[usize::from(b)] == Back::Word))
    {
        return true;
    }
    // The word before the period, without leading brackets or quotes.
    let (word, dotted) = last_word(text.get(start..dot).unwrap_or(""));
    if word.is_empty() {
        return true;
    }
    // A spaced ellipsis: `this world. . . . The` ends only at its last period.
    if word == "." {
        return true;
    }
    // Most words before a period are ordinary words longer than any abbreviation listed here.
    if word.len() > 6 && !dotted {
        return true;
    }
    let opens = || {
        let rest = text.get(next..).unwrap_or("");
        let next_word = rest
            .trim_start_matches(OPENERS)
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        is_sentence_starter(next_word) || OPENERS.contains(&next_char)
    };
    // Initials (`J. Smith`) and titles (`Sen. Smith`) never end a sentence.
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_alphabetic()
        && c.is_uppercase()
    {
        return false;
    }
    // The word in lower case, once for both lists.
    let mut buf = [0u8; 8];
    let lower = lower_ascii(word, &mut buf);
    if lower.is_some_and(is_title_lower) {
        return false;
    }
    // `No. 1`, but `said no. Then`.
    if matches!(word, "No" | "Nos" | "no" | "nos") && next_char.is_ascii_digit() {
        return false;
    }
    // Dotted abbreviations (`U.S.`, `U.N.`, `a.m.`) and ambiguous ones (`Inc.`, `Ore.`) end a
    // sentence only before a word that usually opens one.
    if dotted && word.split('.').all(|p| p.chars().count() <= 2) {
        return opens();
    }
    if lower.is_some_and(is_abbreviation_lower) {
        return opens();
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The splitter as first written, char by char with general string searches: the
    /// reference the byte-level splitter must agree with.
    mod reference {
        use super::super::{
            CLOSERS, OPENERS, is_abbreviation, is_sentence_starter, is_title, skip_ws,
        };
        use crate::span::Span;

        pub fn split(text: &str) -> Vec<Span> {
            let mut out = Vec::new();
            split_each_reference(text, |s| out.push(s));
            out
        }

        /// Calls `emit` with each sentence span of `text`, relative to it, in order.
        fn split_each_reference(text: &str, mut emit: impl FnMut(Span)) {
            let bytes = text.as_bytes();
            let mut start = skip_ws(text, 0);
            let mut from = start;
            let mut terminators = TerminatorsReference::new(bytes);
            while let Some(k) = terminators.next_from(from) {
                // The run of terminators (`?!`, `...`, `…`) and closing quotes or brackets after it.
                let mut end = k;
                while let Some(c) = text.get(end..).and_then(|r| r.chars().next()) {
                    if matches!(c, '.' | '!' | '?' | '…') {
                        end += c.len_utf8();
                    } else {
                        break;
                    }
                }
                while let Some(c) = text.get(end..).and_then(|r| r.chars().next()) {
                    if CLOSERS.contains(&c) {
                        end += c.len_utf8();
                    } else {
                        break;
                    }
                }
                let next = skip_ws(text, end);
                if next > end && next < bytes.len() && is_boundary_reference(text, start, k, next) {
                    let e = trim_end_reference(text, end);
                    if e > start {
                        emit(Span::new(start, e));
                    }
                    start = next;
                }
                from = end.max(k + 1);
            }
            if start < bytes.len() {
                let end = trim_end_reference(text, bytes.len());
                if end > start {
                    emit(Span::new(start, end));
                }
            }
        }

        /// The positions of `.`, `!`, `?` and `…` in a text, found in one pass however the splitter
        /// jumps ahead.
        struct TerminatorsReference<'a> {
            bytes: &'a [u8],
            /// The next `.`, `!` or `?` at or after the last position asked for.
            punct: Option<usize>,
            /// The next `…`.
            ellipsis: Option<usize>,
            ellipses: memchr::memmem::FindIter<'a, 'static>,
        }

        /// The searcher for `…`, built once.
        static ELLIPSIS_FINDER: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
            std::sync::LazyLock::new(|| memchr::memmem::Finder::new("…".as_bytes()));

        impl<'a> TerminatorsReference<'a> {
            fn new(bytes: &'a [u8]) -> Self {
                let mut ellipses = ELLIPSIS_FINDER.find_iter(bytes);
                let ellipsis = ellipses.next();
                TerminatorsReference {
                    bytes,
                    punct: memchr::memchr3(b'.', b'!', b'?', bytes),
                    ellipsis,
                    ellipses,
                }
            }

            /// The first terminator at or after `from`.
            fn next_from(&mut self, from: usize) -> Option<usize> {
                if self.punct.is_some_and(|p| p < from) {
                    self.punct = self
                        .bytes
                        .get(from..)
                        .and_then(|rest| memchr::memchr3(b'.', b'!', b'?', rest))
                        .map(|k| from + k);
                }
                while self.ellipsis.is_some_and(|e| e < from) {
                    self.ellipsis = self.ellipses.next();
                }
                match (self.punct, self.ellipsis) {
                    (Some(p), Some(e)) => Some(p.min(e)),
                    (p, e) => p.or(e),
                }
            }
        }

        fn trim_end_reference(text: &str, end: usize) -> usize {
            text.get(..end).map_or(end, |t| t.trim_end().len())
        }

        /// The last word of `before`: what follows its last white space or opening quote or bracket.
        fn last_word_reference(before: &str) -> &str {
            let is_break = |c: char| c.is_whitespace() || OPENERS.contains(&c);
            // Most words are ASCII: look back byte by byte for an ASCII break, and let the general
            // search decide as soon as a byte is not ASCII.
            let bytes = before.as_bytes();
            for (i, &b) in bytes.iter().enumerate().rev() {
                if !b.is_ascii() {
                    break;
                }
                if is_break(char::from(b)) {
                    return before.get(i + 1..).unwrap_or("");
                }
                if i == 0 {
                    return before;
                }
            }
            before.rsplit(is_break).next().unwrap_or("")
        }

        /// Whether the terminator at `dot` (the next sentence starting at `next`) ends a sentence.
        fn is_boundary_reference(text: &str, start: usize, dot: usize, next: usize) -> bool {
            let rest = text.get(next..).unwrap_or("");
            let next_char = rest.chars().next().unwrap_or(' ');
            let starts_like_sentence = next_char.is_uppercase()
                || next_char.is_ascii_digit()
                || OPENERS.contains(&next_char);
            if !starts_like_sentence {
                return false;
            }
            let bytes = text.as_bytes();
            if bytes.get(dot) != Some(&b'.') || bytes.get(dot + 1) == Some(&b'.') {
                // `!`, `?`, and ellipses before a capital end sentences.
                return true;
            }
            // The word before the period, without leading brackets or quotes.
            let before = text.get(start..dot).unwrap_or("");
            let word = last_word_reference(before);
            if word.is_empty() {
                return true;
            }
            // A spaced ellipsis: `this world. . . . The` ends only at its last period.
            if word == "." {
                return true;
            }
            // Most words before a period are ordinary words longer than any abbreviation listed here.
            if word.len() > 6 && !word.contains('.') {
                return true;
            }
            let opens = || {
                let next_word = rest
                    .trim_start_matches(OPENERS)
                    .split(|c: char| !c.is_alphanumeric())
                    .next()
                    .unwrap_or("");
                is_sentence_starter(next_word) || OPENERS.contains(&next_char)
            };
            // Initials (`J. Smith`) and titles (`Sen. Smith`) never end a sentence.
            let mut letters = word.chars().filter(|c| c.is_alphabetic());
            if let (Some(_), None) = (letters.next(), letters.next())
                && word.chars().all(|c| c.is_alphabetic())
                && word.chars().all(char::is_uppercase)
            {
                return false;
            }
            if is_title(word) {
                return false;
            }
            // `No. 1`, but `said no. Then`.
            if matches!(word, "No" | "Nos" | "no" | "nos") && next_char.is_ascii_digit() {
                return false;
            }
            // Dotted abbreviations (`U.S.`, `U.N.`, `a.m.`) and ambiguous ones (`Inc.`, `Ore.`) end a
            // sentence only before a word that usually opens one.
            if word.contains('.') && word.split('.').all(|p| p.chars().count() <= 2) {
                return opens();
            }
            if is_abbreviation(word) {
                return opens();
            }
            true
        }
    }

    /// `t!(name, text, [sentences...])`: `text` splits into exactly these sentences.
    macro_rules! t {
        ($name:ident, $text:expr, [$($s:expr),* $(,)?]) => {
            #[test]
            fn $name() {
                let text: &str = $text;
                let got: Vec<&str> = split(text).iter().map(|s| &text[s.range()]).collect();
                let want: Vec<&str> = vec![$($s),*];
                assert_eq!(got, want, "splitting {text:?}");
            }
        };
    }

    #[test]
    fn fast_paths_agree_with_the_general_search() {
        let texts = [
            "",
            "  x",
            "\u{0B}\u{0C} \u{a0}\u{2003}Talks",
            "said Sen.",
            "(U.S.",
            "the “Inc.",
            "él dijo «Sr.",
            "word",
            " ",
            "\u{a0}",
        ];
        for t in texts {
            let want = t
                .rsplit(|c: char| c.is_whitespace() || OPENERS.contains(&c))
                .next();
            assert_eq!(Some(last_word(t).0), want, "last word of {t:?}");
            assert_eq!(
                last_word(t).1,
                last_word(t).0.contains('.'),
                "period in the last word of {t:?}"
            );
            for from in 0..=t.len() + 1 {
                let rest = t.get(from..).unwrap_or("");
                let want = from + (rest.len() - rest.trim_start().len());
                assert_eq!(
                    skip_ws(t, from),
                    want,
                    "skipping space in {t:?} from {from}"
                );
            }
        }
    }

    #[test]
    fn closers_and_terminators_are_read_as_bytes() {
        for c in CLOSERS {
            let text = format!("x{c}y");
            assert_eq!(past_closers(text.as_bytes(), 1), 1 + c.len_utf8(), "{c}");
        }
        for c in ['.', '!', '?', '…'] {
            let text = format!("x{c}y");
            assert_eq!(
                past_terminators(text.as_bytes(), 1),
                1 + c.len_utf8(),
                "{c}"
            );
        }
        for t in ["x“y", "x—y", "x–y", "x‘y", "x«y", "xé", "x"] {
            assert_eq!(past_closers(t.as_bytes(), 1), 1, "{t}");
            assert_eq!(past_terminators(t.as_bytes(), 1), 1, "{t}");
        }
    }

    /// Paragraph text dense with the cases the splitter decides: terminators, closing and
    /// opening marks, abbreviations, titles, initials, numbers and odd white space.
    fn paragraph_text() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let pieces = prop::sample::select(vec![
            " ",
            " ",
            "  ",
            "\n",
            "\t",
            "\u{0B}",
            "\u{a0}",
            "\u{2003}",
            ".",
            ". ",
            "!",
            "?",
            "...",
            "…",
            ". . .",
            "\"",
            "'",
            "”",
            "’",
            ")",
            "]",
            "»",
            "`",
            "“",
            "‘",
            "(",
            "[",
            "«",
            "''",
            "``",
            "The",
            "He",
            "said",
            "talks",
            "U.S.",
            "a.m.",
            "Inc",
            "Sen",
            "St",
            "No",
            "no",
            "Ore",
            "J",
            "É",
            "é",
            "ß",
            "Ünal",
            "1",
            "1.2",
            "12",
            "x",
            "Then",
            "ordinary",
            "Officials",
            "e.g",
        ]);
        prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
    }

    proptest::proptest! {
        #[test]
        fn splitter_agrees_with_the_reference(text in paragraph_text()) {
            proptest::prop_assert_eq!(split(&text), reference::split(&text));
        }
    }

    #[test]
    fn splitter_agrees_with_the_reference_on_the_samples() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/samples");
        let mut seen = 0;
        for entry in std::fs::read_dir(dir).expect("the samples are bundled") {
            let text = std::fs::read_to_string(entry.expect("a readable entry").path())
                .expect("samples are UTF-8");
            for p in text.split("\n\n") {
                assert_eq!(split(p), reference::split(p), "{p:?}");
                seen += 1;
            }
        }
        assert!(seen > 0);
    }

    t!(
        long_words_before_a_period,
        "Sales rose in the mid-1990s. Prices fell at e.Commerce. Growth of 2,000,000. Then quiet.",
        [
            "Sales rose in the mid-1990s.",
            "Prices fell at e.Commerce.",
            "Growth of 2,000,000.",
            "Then quiet."
        ]
    );
    t!(
        plain,
        "Talks began. Leaders met.",
        ["Talks began.", "Leaders met."]
    );
    t!(
        question_and_exclamation,
        "Why? Because! Yes.",
        ["Why?", "Because!", "Yes."]
    );
    t!(
        titles,
        "Sen. John Smith met Gen. Lee and Mr. Wu. Talks ended.",
        ["Sen. John Smith met Gen. Lee and Mr. Wu.", "Talks ended."]
    );
    t!(
        more_titles,
        "Gov. Brown and Rep. Ng visited St. Louis. Dr. Who left.",
        ["Gov. Brown and Rep. Ng visited St. Louis.", "Dr. Who left."]
    );
    t!(
        number_abbreviation,
        "It ranked No. 1 in the poll. Others lagged.",
        ["It ranked No. 1 in the poll.", "Others lagged."]
    );
    t!(
        months,
        "The coup on Feb. 1 shocked many. Talks began Sept. 12.",
        ["The coup on Feb. 1 shocked many.", "Talks began Sept. 12."]
    );
    t!(
        initials,
        "George W. Bush and J. R. R. Tolkien met. They talked.",
        ["George W. Bush and J. R. R. Tolkien met.", "They talked."]
    );
    t!(
        dotted_abbreviation_inside,
        "The U.S. and the U.N. Security Council agreed.",
        ["The U.S. and the U.N. Security Council agreed."]
    );
    t!(
        dotted_abbreviation_at_end,
        "Talks with the U.S. But China declined.",
        ["Talks with the U.S.", "But China declined."]
    );
    t!(
        company_at_end,
        "He joined Apple Inc. The company grew. Acme Inc. Chief Bo spoke.",
        [
            "He joined Apple Inc.",
            "The company grew.",
            "Acme Inc. Chief Bo spoke."
        ]
    );
    t!(
        suffix,
        "Martin Luther King Jr. spoke. Crowds cheered.",
        ["Martin Luther King Jr. spoke.", "Crowds cheered."]
    );
    t!(
        decimals,
        "Shipments rose 1.2 mln tonnes, or 3.5 pct. Prices fell.",
        ["Shipments rose 1.2 mln tonnes, or 3.5 pct.", "Prices fell."]
    );
    t!(
        ellipsis_mid,
        "He paused... and went on. Then he left.",
        ["He paused... and went on.", "Then he left."]
    );
    t!(
        ellipsis_end,
        "It was over... The crowd left.",
        ["It was over...", "The crowd left."]
    );
    t!(
        unicode_ellipsis,
        "It was over… The crowd left.",
        ["It was over…", "The crowd left."]
    );
    t!(
        spaced_ellipsis,
        "No deal is perfect. . . . The rest is unthinkable.",
        ["No deal is perfect. . . .", "The rest is unthinkable."]
    );
    t!(
        inside_straight_quotes,
        "\"We agreed.\" Talks ended.",
        ["\"We agreed.\"", "Talks ended."]
    );
    t!(
        quote_then_attribution,
        "\"We agreed,\" he said. \"Stop!\" she cried.",
        ["\"We agreed,\" he said.", "\"Stop!\" she cried."]
    );
    t!(
        inside_curly_quotes,
        "She said “no.” Then she left. He asked, “Why?” Nobody knew.",
        [
            "She said “no.”",
            "Then she left.",
            "He asked, “Why?”",
            "Nobody knew."
        ]
    );
    t!(
        ap_style_quotes,
        "``It works,'' he said. ``Really.'' Nobody agreed.",
        ["``It works,'' he said.", "``Really.''", "Nobody agreed."]
    );
    t!(
        nyt_style_quotes,
        "''It works,'' he said. ''Really.'' Nobody agreed.",
        ["''It works,'' he said.", "''Really.''", "Nobody agreed."]
    );
    t!(
        brackets,
        "He left (for good.) The end. (It rained.) Then sun.",
        [
            "He left (for good.)",
            "The end.",
            "(It rained.)",
            "Then sun."
        ]
    );
    t!(
        next_opens_with_quote,
        "He spoke. \"Yes,\" she said.",
        ["He spoke.", "\"Yes,\" she said."]
    );
    t!(
        lowercase_continues,
        "Prices fell 5 p.m. on Friday. etc. and so on.",
        ["Prices fell 5 p.m. on Friday. etc. and so on."]
    );
    t!(
        no_terminator,
        "A headline without a period",
        ["A headline without a period"]
    );
    t!(
        hard_wrapped,
        "Grain rose, the\nauthority said.\n    Officials agreed.",
        ["Grain rose, the\nauthority said.", "Officials agreed."]
    );
    t!(trailing_space, "  One.  Two.  ", ["One.", "Two."]);
    t!(empty, "", []);
    t!(only_space, " \n ", []);
    t!(only_dots, "... . !?", ["... . !?"]);

    #[test]
    fn dateline_is_not_a_sentence() {
        let src = " date 2021-05-01 JAKARTA -- ASEAN met. Talks ended.\n\nU.S. envoys came.\n";
        let article = crate::parse(src).expect("lenient parsing accepts any text");
        let got: Vec<&str> = split_article(&article)
            .iter()
            .map(|s| &src[s.span.range()])
            .collect();
        assert_eq!(got, ["ASEAN met.", "Talks ended.", "U.S. envoys came."]);
    }
}
