//! Extractors: typed facts pulled out of a parsed [`Article`].
//!
//! An [`Extractor`] receives an [`Analysis`]: the article plus the per-article work that several
//! extractors share (sentences, the anchor date), computed once on first use however many
//! extractors ask for it. Outputs hold [`Span`](crate::Span)s into the article's source rather than borrowed
//! text, so they are `'static`, `Send` and serialize as plain offsets.
//!
//! Two ways to run several extractors in one pass over an article:
//!
//! - **Tuples**, when the set is known at compile time: `(Sentences, MyExtractor)` is itself an
//!   extractor whose output is the tuple of outputs, fully typed.
//! - **[`ExtractorSet`]**, when the set is chosen at run time (a command-line flag): named, boxed
//!   extractors whose typed outputs are kept in one [`Extraction`] record, serialized only
//!   when written.
//!
//! Both share one [`Analysis`], so sentences are split once per article.
//!
//! ```
//! use newswire::extract::{Analysis, Extractor, Sentences};
//! use newswire::Span;
//!
//! /// Mentions of a fixed word list: a user's own extractor.
//! struct Mentions(Vec<&'static str>);
//!
//! impl Extractor for Mentions {
//!     type Output = Vec<Span>;
//!
//!     fn extract(&self, analysis: &Analysis<'_>) -> Vec<Span> {
//!         let src = analysis.source();
//!         let mut found = Vec::new();
//!         for p in analysis.article().body() {
//!             for word in &self.0 {
//!                 for (i, _) in src[p.span].match_indices(word) {
//!                     found.push(Span::new(p.span.start + i, p.span.start + i + word.len()));
//!                 }
//!             }
//!         }
//!         found
//!     }
//! }
//!
//! let article = newswire::parse(" date 2021-05-01 JAKARTA -- ASEAN met. ASEAN agreed.")?;
//! let analysis = Analysis::new(&article);
//! let (sentences, mentions) = (Sentences::default(), Mentions(vec!["ASEAN"])).extract(&analysis);
//! assert_eq!(sentences.len(), 2);
//! assert_eq!(mentions.len(), 2);
//! # Ok::<(), newswire::ParseError>(())
//! ```

mod actors;
mod figures;
mod places;
mod quotes;
mod scan;
mod sentences;
mod set;
pub mod times;

pub use actors::{Actor, ActorKind, Actors};
pub use figures::{Approximator, Figure, Figures};
pub use places::{ArticlePlaces, CountryCount, PlaceMention, Places};
pub use quotes::{Cue, Quote, Quotes, ResolvedName, Speaker};
pub use sentences::{Sentence, Sentences};
pub use set::{Extraction, ExtractorSet, Output, UnknownExtractor};
pub use times::Times;

use crate::article::Article;
use chrono::NaiveDate;
use std::sync::{Arc, OnceLock};

/// Something that pulls facts out of an article.
///
/// Implement [`extract`](Extractor::extract); the output type is yours. Outputs should carry
/// [`Span`](crate::Span)s into [`Analysis::source`] rather than borrowed text, and should implement
/// `serde::Serialize` if they are to be written out through an [`ExtractorSet`].
pub trait Extractor {
    /// What the extractor produces for one article.
    type Output;

    /// Extracts from one article. Must not panic on any article the parser produces.
    fn extract(&self, analysis: &Analysis<'_>) -> Self::Output;
}

/// The article being analyzed and the work shared by all extractors that run over it.
///
/// Shared results are computed on first use and kept, so running ten extractors that all need
/// sentences splits sentences once.
#[derive(Debug)]
pub struct Analysis<'a> {
    article: &'a Article<'a>,
    anchor: Option<NaiveDate>,
    sentences: OnceLock<Vec<Sentence>>,
    /// The body's tokens and gazetteer names, shared by `Places`, `Actors` and `Figures`.
    scan: OnceLock<scan::BodyScan>,
}

impl<'a> Analysis<'a> {
    /// An analysis of `article`, anchored at the article's header date.
    pub fn new(article: &'a Article<'a>) -> Self {
        Analysis {
            article,
            anchor: article.date,
            sentences: OnceLock::new(),
            scan: OnceLock::new(),
        }
    }

    /// Uses `anchor` instead of the header date to resolve relative expressions ("Tuesday",
    /// "last year"). `None` leaves them unresolved.
    pub fn with_anchor(mut self, anchor: Option<NaiveDate>) -> Self {
        self.anchor = anchor;
        self
    }

    /// The article.
    pub fn article(&self) -> &'a Article<'a> {
        self.article
    }

    /// The text every span indexes into.
    pub fn source(&self) -> &'a str {
        self.article.source()
    }

    /// The date relative expressions are resolved against: the anchor given to
    /// [`with_anchor`](Analysis::with_anchor), else the article's header date.
    pub fn anchor(&self) -> Option<NaiveDate> {
        self.anchor
    }

    /// The sentences of the article's body paragraphs, in order, computed once.
    pub fn sentences(&self) -> &[Sentence] {
        self.sentences
            .get_or_init(|| sentences::split_article(self.article))
    }
}

impl<E: Extractor + ?Sized> Extractor for &E {
    type Output = E::Output;
    fn extract(&self, analysis: &Analysis<'_>) -> Self::Output {
        (**self).extract(analysis)
    }
}

impl<E: Extractor + ?Sized> Extractor for Box<E> {
    type Output = E::Output;
    fn extract(&self, analysis: &Analysis<'_>) -> Self::Output {
        (**self).extract(analysis)
    }
}

impl<E: Extractor + ?Sized> Extractor for Arc<E> {
    type Output = E::Output;
    fn extract(&self, analysis: &Analysis<'_>) -> Self::Output {
        (**self).extract(analysis)
    }
}

/// An extractor made from a closure; see [`from_fn`].
#[derive(Debug, Clone, Copy)]
pub struct FromFn<F>(F);

/// Turns a closure into an [`Extractor`].
///
/// ```
/// use newswire::extract::{from_fn, Analysis, Extractor};
///
/// let words = from_fn(|a: &Analysis<'_>| a.source().split_whitespace().count());
/// let article = newswire::parse("Three short words")?;
/// assert_eq!(words.extract(&Analysis::new(&article)), 3);
/// # Ok::<(), newswire::ParseError>(())
/// ```
pub fn from_fn<F, O>(f: F) -> FromFn<F>
where
    F: Fn(&Analysis<'_>) -> O,
{
    FromFn(f)
}

impl<F, O> Extractor for FromFn<F>
where
    F: Fn(&Analysis<'_>) -> O,
{
    type Output = O;
    fn extract(&self, analysis: &Analysis<'_>) -> O {
        (self.0)(analysis)
    }
}

macro_rules! tuple_extractor {
    ($($name:ident),+) => {
        impl<$($name: Extractor),+> Extractor for ($($name,)+) {
            type Output = ($($name::Output,)+);
            #[allow(non_snake_case)]
            fn extract(&self, analysis: &Analysis<'_>) -> Self::Output {
                let ($($name,)+) = self;
                ($($name.extract(analysis),)+)
            }
        }
    };
}

tuple_extractor!(A);
tuple_extractor!(A, B);
tuple_extractor!(A, B, C);
tuple_extractor!(A, B, C, D);
tuple_extractor!(A, B, C, D, E);
tuple_extractor!(A, B, C, D, E, F);
tuple_extractor!(A, B, C, D, E, F, G);
tuple_extractor!(A, B, C, D, E, F, G, H);
