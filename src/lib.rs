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
//! The data flow runs one way: text → [`parse`] → [`Article`] → extractors → outputs with
//! [`Span`]s. Lenient parsing (the default) never fails on text: problems become
//! [`Diagnostic`]s. [`Parser::builder`] configures strict mode.
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
pub mod sink;
mod span;
mod write;

pub use article::{Article, Dateline, Diagnostic, DiagnosticKind, Paragraph, ParagraphKind};
pub use corpus::{Corpus, Document, Documents};
pub use error::{Error, ParseError, ParseErrorKind};
pub use parse::{Parser, ParserBuilder, parse, parse_bytes};
pub use pipeline::{Failure, Outcome, Pipeline, Processed, Summary};
pub use span::{Position, Span};
pub use write::{RECORD_SEPARATOR, write_stream, write_stream_record};
pub use write::{render, render_into};

#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
