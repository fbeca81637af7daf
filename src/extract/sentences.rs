//! Sentence segmentation for news English.

use super::{Analysis, Extractor};
use crate::article::Article;
use crate::span::Span;
use serde::{Deserialize, Serialize};

/// One sentence: its span in the source and the index of its paragraph in
/// [`Article::paragraphs`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// The sentence's bytes in the source.
    #[serde(flatten)]
    pub span: Span,
    /// Index of the paragraph it belongs to.
    #[serde(skip)]
    pub paragraph: usize,
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

/// Abbreviations after which a period does not end a sentence when a capital follows.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "maj", "capt",
    "cmdr", "adm", "sgt", "cpl", "pvt", "rev", "hon", "pres", "supt", "insp", "st", "ste", "mt",
    "ft", "jr", "sr", "no", "nos", "vs", "v", "co", "corp", "inc", "ltd", "bros", "dept", "univ",
    "assn", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "ky",
    "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa",
    "tenn", "tex", "va", "vt", "wash", "wis", "wyo", "approx", "est", "fig", "op", "cf", "al",
    "etc",
];

const CLOSERS: &[char] = &['"', '\'', '”', '’', ')', ']', '»'];

/// Sentences of all body paragraphs of `article`.
pub(crate) fn split_article(article: &Article<'_>) -> Vec<Sentence> {
    let src = article.source();
    let mut out = Vec::new();
    for (i, p) in article.paragraphs.iter().enumerate() {
        if p.kind != crate::ParagraphKind::Body {
            continue;
        }
        let Some(text) = p.span.get(src) else {
            continue;
        };
        for s in split(text) {
            out.push(Sentence {
                span: s.shift(p.span.start),
                paragraph: i,
            });
        }
    }
    out
}

/// Sentence spans within `text`, relative to it.
pub(crate) fn split(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = skip_ws(text, 0);
    let mut i = start;
    while i < bytes.len() {
        let b = bytes[i];
        if matches!(b, b'.' | b'!' | b'?') {
            // Extend over repeated terminators and closing quotes/brackets.
            let mut end = i + 1;
            while end < bytes.len() && matches!(bytes[end], b'.' | b'!' | b'?') {
                end += 1;
            }
            while let Some(c) = text[end..].chars().next() {
                if CLOSERS.contains(&c) {
                    end += c.len_utf8();
                } else {
                    break;
                }
            }
            let next = skip_ws(text, end);
            if next > end && next < bytes.len() && is_boundary(text, start, i, end, next) {
                out.push(Span::new(start, trim_end(text, end)));
                start = next;
                i = next;
                continue;
            }
            i = end;
            continue;
        }
        i += 1;
    }
    if start < bytes.len() {
        let end = trim_end(text, bytes.len());
        if end > start {
            out.push(Span::new(start, end));
        }
    }
    out
}

fn skip_ws(text: &str, from: usize) -> usize {
    from + (text[from..].len() - text[from..].trim_start().len())
}

fn trim_end(text: &str, end: usize) -> usize {
    text[..end].trim_end().len()
}

/// Whether the terminator at `dot` (punctuation run ending at `end`, next sentence at `next`)
/// ends a sentence.
fn is_boundary(text: &str, start: usize, dot: usize, end: usize, next: usize) -> bool {
    let next_char = text[next..].chars().next().unwrap_or(' ');
    let starts_like_sentence = next_char.is_uppercase()
        || next_char.is_ascii_digit()
        || matches!(next_char, '"' | '“' | '\'' | '‘' | '(' | '`');
    if !starts_like_sentence {
        return false;
    }
    if text.as_bytes()[dot] != b'.' || end > dot + 1 && text.as_bytes()[dot + 1] == b'.' {
        // `!`, `?`, and ellipses before a capital end sentences.
        return true;
    }
    // The word before the period.
    let before = &text[start..dot];
    let word = before
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '“'))
        .next()
        .unwrap_or("");
    if word.is_empty() {
        return true;
    }
    let lower = word.to_ascii_lowercase();
    let bare = lower.trim_start_matches(|c: char| !c.is_alphanumeric());
    // Initials and dotted abbreviations: `J.`, `U.S.`, `U.N.`
    if bare.chars().count() == 1 && bare.chars().all(char::is_alphabetic) {
        return false;
    }
    if bare.contains('.') && bare.split('.').all(|p| p.chars().count() <= 2) {
        // `U.S.` ends a sentence when it is followed by an ordinary capitalized word; news
        // style more often continues (`U.S. officials`), so keep going unless a quote follows.
        return matches!(next_char, '"' | '“');
    }
    !ABBREVIATIONS.contains(&bare)
}
