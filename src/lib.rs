//! # newswire
//!
//! Parse news article files into typed, zero-copy records and pull structured facts out of them.
//!
//! An article file holds an optional header (a leading space, `date`, an ISO date), a wire
//! dateline such as `JAKARTA --` running into the first paragraph, then paragraphs: separated by
//! blank lines, by single newlines, or hard-wrapped with indented paragraph starts as in wire copy.
//!
//! ```
//! let src = " date 2021-05-01 JAKARTA -- The Association of Southeast Asian Nations has begun \
//!            negotiations.\n\nASEAN leaders met on April 24.\n";
//! let article = newswire::parse(src)?;
//!
//! assert_eq!(article.date.unwrap().to_string(), "2021-05-01");
//! let dateline = article.dateline.as_ref().unwrap();
//! assert_eq!(dateline.location, "JAKARTA");
//! for p in &article.paragraphs {
//!     // Every record carries a span into the input.
//!     assert_eq!(&src[p.span], p.text);
//! }
//! # Ok::<(), newswire::ParseError>(())
//! ```
//!
//! The data flow runs one way: text → [`parse`](fn@parse) → [`Article`] → [extractors](extract) → outputs
//! with [`Span`]s → [sinks](sink). Lenient parsing (the default) never fails on text: problems
//! become [`Diagnostic`]s. [`Parser::builder`] configures strict mode.
//!
//! ## Extracting facts
//!
//! Extractors share one [`extract::Analysis`] per article (sentences are split once) and run
//! together as a tuple, or as an [`extract::ExtractorSet`] chosen at run time:
//!
//! ```
//! use newswire::extract::{Analysis, Extractor, Quotes, Times};
//!
//! let src = " date 2021-05-01 JAKARTA -- \"We appreciate the efforts,\" spokesperson Ned Price \
//!            said on Tuesday.\n";
//! let article = newswire::parse(src)?;
//! let (quotes, times) = (Quotes::default(), Times::default()).extract(&Analysis::new(&article));
//!
//! let speaker = quotes[0].speaker.as_ref().unwrap();
//! assert_eq!(&src[speaker.span], "Ned Price");
//! assert_eq!(quotes[0].cue.as_ref().map(|c| &src[c.span]), Some("said"));
//! assert_eq!(times[0].text, "Tuesday");
//! assert_eq!(times[0].value.to_timex3(), "2021-04-27"); // the Tuesday before the article date
//! # Ok::<(), newswire::ParseError>(())
//! ```
//!
//! ## Map of the crate
//!
//! | item | what it is |
//! | --- | --- |
//! | [`parse`](fn@parse), [`Parser`] | the parser; [`Article`], [`Dateline`], [`Paragraph`] are its records |
//! | [`render`], [`write_stream`] | the file format and the article-stream format written back |
//! | [`Corpus`] | files, directories, readers and streams, read one [`Document`] at a time |
//! | [`extract`] | the [`Extractor`](extract::Extractor) trait and the built-in sentences, quotes, times, places, actors and figures |
//! | [`gazetteer`] | the compiled-in places, organizations and agencies (GeoNames, CC BY 4.0), extensible at run time |
//! | [`Pipeline`] | any extractor over a corpus, in parallel, in input order, in bounded memory |
//! | [`sink`] | JSON Lines, CSV and (feature `parquet`) Parquet output |
#![deny(missing_docs)]
#![cfg_attr(
    not(test),
    warn(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]
#![doc(test(attr(deny(warnings))))]

mod article;
mod corpus;
mod error;
pub mod extract;
pub mod gazetteer;
mod parse;
mod pipeline;
mod simd;
pub mod sink;
mod span;
mod write;

pub use article::{Article, Dateline, Diagnostic, DiagnosticKind, Paragraph, ParagraphKind};
pub use corpus::{Corpus, Document, Documents};
pub use corpus::{RawDocument, RawDocuments};
pub use error::{Error, ParseError, ParseErrorKind};
pub use parse::{Parser, ParserBuilder, parse, parse_bytes};
pub use pipeline::IntoDocument;
pub use pipeline::{Failure, Outcome, Pipeline, Processed, Summary};
pub use span::{Position, Span};
pub use write::{RECORD_SEPARATOR, write_stream, write_stream_record};
pub use write::{render, render_into};

#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
