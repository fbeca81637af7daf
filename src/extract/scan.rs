//! The body's tokens and gazetteer names, computed once per article and shared by the
//! [`Places`](super::Places) and [`Actors`](super::Actors) extractors.

use super::Analysis;
use crate::gazetteer::{Gazetteer, NameMatch, Token};
use std::borrow::Cow;

/// One body paragraph, scanned.
#[derive(Debug, Clone)]
pub(crate) struct ParagraphScan {
    /// Byte offset of the paragraph in the source; token offsets are relative to it.
    pub offset: usize,
    /// The paragraph's text (its raw span in the source).
    pub len: usize,
    pub tokens: Vec<Token>,
    /// Gazetteer names, offsets absolute.
    pub matches: Vec<NameMatch>,
}

/// All body paragraphs scanned against one gazetteer.
#[derive(Debug, Clone)]
pub(crate) struct BodyScan {
    gazetteer: usize,
    pub paragraphs: Vec<ParagraphScan>,
}

impl BodyScan {
    fn new(analysis: &Analysis<'_>, g: &Gazetteer) -> BodyScan {
        let src = analysis.source();
        let mut paragraphs = Vec::new();
        for p in analysis.article().body() {
            let Some(text) = p.span.get(src) else {
                continue;
            };
            // About one token per six bytes of prose: allocate once, not while growing.
            let mut tokens = Vec::with_capacity(text.len() / 6 + 4);
            let mut matches = Vec::new();
            g.scan(text, p.span.start, &mut tokens, &mut matches);
            paragraphs.push(ParagraphScan {
                offset: p.span.start,
                len: text.len(),
                tokens,
                matches,
            });
        }
        BodyScan {
            gazetteer: g.id(),
            paragraphs,
        }
    }
}

impl Analysis<'_> {
    /// The body scanned against `g`: computed on first use and kept for the next extractor
    /// using the same gazetteer; computed afresh for another gazetteer.
    pub(crate) fn body_scan(&self, g: &Gazetteer) -> Cow<'_, BodyScan> {
        let scan = self.scan.get_or_init(|| BodyScan::new(self, g));
        if scan.gazetteer == g.id() {
            Cow::Borrowed(scan)
        } else {
            Cow::Owned(BodyScan::new(self, g))
        }
    }
}
