//! The body's tokens, computed once per article and shared by the [`Places`](super::Places),
//! [`Actors`](super::Actors) and [`Figures`](super::Figures) extractors, and the gazetteer names
//! found among them, computed once per article and gazetteer.

use super::Analysis;
use crate::gazetteer::{Gazetteer, Lexicon, NameMatch, Token, tokenize_lazy};
use std::borrow::Cow;
use std::sync::OnceLock;

/// [`Token::lex`] bit: the token may be the first word of a title (`minister`, `general`).
pub(crate) const LEX_TITLE: u8 = 1;
/// [`Token::lex`] bit: the token may be a number word (`three`, `dozens`, `million`).
pub(crate) const LEX_NUMBER: u8 = 2;
/// [`Token::lex`] bit: the token may be `the`.
pub(crate) const LEX_THE: u8 = 4;

/// [`Token::lex`] bit: the token may be the last word of a title (`minister`, `general`,
/// `state`): `the minister` may refer to a person named before.
pub(crate) const LEX_TITLE_HEAD: u8 = 8;

/// The shapes the shared scan marks.
pub(crate) static LEXICON: Lexicon = Lexicon::EMPTY
    .with(super::actors::TITLES, LEX_TITLE)
    .with(super::figures::NUMBER_WORDS, LEX_NUMBER)
    .with(&["the"], LEX_THE)
    .with_last_words(super::actors::TITLES, LEX_TITLE_HEAD);

/// Where one body paragraph's tokens are.
#[derive(Debug, Clone)]
struct ParagraphTokens {
    /// Byte offset of the paragraph in the source; token offsets are relative to it.
    offset: usize,
    /// Length of the paragraph's raw span.
    len: usize,
    /// Its tokens' range in [`BodyScan::tokens`].
    tokens: (usize, usize),
    /// Its range in [`BodyScan::notable`].
    notable: (usize, usize),
}

/// The tokens of all body paragraphs, in one buffer.
#[derive(Debug)]
pub(crate) struct BodyScan {
    tokens: Vec<Token>,
    /// Each paragraph's notable tokens (see [`Token::notable`]), as indices into its tokens.
    notable: Vec<u32>,
    paragraphs: Vec<ParagraphTokens>,
    names: OnceLock<Names>,
}

/// The gazetteer names among a [`BodyScan`]'s tokens.
#[derive(Debug, Clone)]
pub(crate) struct Names {
    gazetteer: usize,
    matches: Vec<NameMatch>,
    /// Each paragraph's range in `matches`.
    ranges: Vec<(usize, usize)>,
}

/// One body paragraph, scanned.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ScannedParagraph<'s> {
    /// Byte offset of the paragraph in the source; token offsets are relative to it.
    pub offset: usize,
    /// The paragraph's raw text.
    pub text: &'s str,
    pub tokens: &'s [Token],
    /// The indices in `tokens` of at least every [`Token::notable`] token, ascending: the
    /// others are plain lower-case words no list names, which loops may skip.
    pub notable: &'s [u32],
    /// Gazetteer names, byte offsets absolute, token indices into `tokens`.
    pub matches: &'s [NameMatch],
}

impl BodyScan {
    fn new(analysis: &Analysis<'_>) -> BodyScan {
        let src = analysis.source();
        let body: Vec<_> = analysis.article().body().map(|p| p.span).collect();
        let bytes: usize = body.iter().map(|s| s.end.saturating_sub(s.start)).sum();
        // A token takes at least one byte and a separator: half the bytes (and one more per
        // paragraph) bound the count, so the buffer is allocated once and never copied while
        // it grows (capped for huge bodies, which grow as usual past the cap).
        let mut tokens = Vec::with_capacity((bytes / 2 + body.len() + 4).min(1 << 20));
        let mut paragraphs = Vec::with_capacity(body.len());
        let mut notable = Vec::with_capacity(tokens.capacity() / 4);
        for span in body {
            let Some(text) = span.get(src) else {
                continue;
            };
            let (first, first_notable) = (tokens.len(), notable.len());
            tokenize_lazy(text, &mut tokens, &LEXICON, &mut notable);
            paragraphs.push(ParagraphTokens {
                offset: span.start,
                len: text.len(),
                tokens: (first, tokens.len()),
                notable: (first_notable, notable.len()),
            });
        }
        BodyScan {
            tokens,
            notable,
            paragraphs,
            names: OnceLock::new(),
        }
    }

    fn find_names(&self, src: &str, g: &Gazetteer) -> Names {
        let mut matches = Vec::new();
        let mut ranges = Vec::with_capacity(self.paragraphs.len());
        for p in &self.paragraphs {
            let first = matches.len();
            if let (Some(text), Some(toks), Some(notable)) = (
                src.get(p.offset..p.offset + p.len),
                self.tokens.get(p.tokens.0..p.tokens.1),
                self.notable.get(p.notable.0..p.notable.1),
            ) {
                g.find_names(text, p.offset, toks, notable, &mut matches);
            }
            ranges.push((first, matches.len()));
        }
        Names {
            gazetteer: g.id(),
            matches,
            ranges,
        }
    }

    /// The paragraphs with their tokens, and with the names in `names` (none if `None`).
    pub(crate) fn paragraphs<'s>(
        &'s self,
        src: &'s str,
        names: Option<&'s Names>,
    ) -> impl Iterator<Item = ScannedParagraph<'s>> + 's {
        self.paragraphs.iter().enumerate().map(move |(k, p)| {
            let matches = names
                .and_then(|n| n.ranges.get(k))
                .and_then(|&(a, b)| names.and_then(|n| n.matches.get(a..b)))
                .unwrap_or(&[]);
            ScannedParagraph {
                offset: p.offset,
                text: src.get(p.offset..p.offset + p.len).unwrap_or(""),
                tokens: self.tokens.get(p.tokens.0..p.tokens.1).unwrap_or(&[]),
                notable: self.notable.get(p.notable.0..p.notable.1).unwrap_or(&[]),
                matches,
            }
        })
    }
}

impl Analysis<'_> {
    /// The body's tokens: computed on first use and kept.
    pub(crate) fn body_tokens(&self) -> &BodyScan {
        self.scan.get_or_init(|| BodyScan::new(self))
    }

    /// The body's tokens and the names of `g` among them: computed on first use and kept for
    /// the next extractor using the same gazetteer; names are found afresh for another.
    pub(crate) fn body_names(&self, g: &Gazetteer) -> (&BodyScan, Cow<'_, Names>) {
        let scan = self.body_tokens();
        let names = scan.names.get_or_init(|| scan.find_names(self.source(), g));
        if names.gazetteer == g.id() {
            (scan, Cow::Borrowed(names))
        } else {
            (scan, Cow::Owned(scan.find_names(self.source(), g)))
        }
    }
}
