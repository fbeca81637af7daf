//! The parsed records: [`Article`], [`Dateline`], [`Paragraph`], [`Diagnostic`].

use crate::span::Span;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt;

/// One parsed article: its header date, its wire dateline and its paragraphs.
///
/// An `Article<'a>` borrows from the text it was parsed from: paragraph texts are slices of the
/// input except where hard-wrapped lines had to be joined. [`Article::into_owned`] turns it into an
/// `Article<'static>` that can be stored or sent to another thread.
///
/// Every byte of the input that is not whitespace belongs to exactly one of: the byte order mark,
/// the [`header`](Article::header), the [`dateline`](Article::dateline) or one of the
/// [`paragraphs`](Article::paragraphs). Nothing is dropped.
///
/// ```
/// let src = " date 2021-05-01 JAKARTA -- ASEAN has begun talks.\n\nLeaders met on April 24.\n";
/// let article = newswire::parse(src)?;
///
/// assert_eq!(article.date.unwrap().to_string(), "2021-05-01");
/// assert_eq!(article.dateline.as_ref().unwrap().location, "JAKARTA");
/// assert_eq!(article.paragraphs.len(), 2);
/// assert_eq!(&src[article.paragraphs[1].span], "Leaders met on April 24.");
/// # Ok::<(), newswire::ParseError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article<'a> {
    /// The text the article was parsed from; every span indexes into it. Not serialized: an
    /// article read back from JSON has an empty source, while its records keep their own text.
    #[serde(skip)]
    source: Cow<'a, str>,
    /// Whether the input began with a UTF-8 byte order mark (bytes `0..3`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub bom: bool,
    /// The span of the ` date YYYY-MM-DD` header, if the input has one (also when its date is
    /// malformed, in lenient mode: then `date` is `None` and a diagnostic says why).
    pub header: Option<Span>,
    /// The date from the header.
    pub date: Option<NaiveDate>,
    /// The wire dateline that opens the first paragraph, such as `JAKARTA --`.
    pub dateline: Option<Dateline<'a>>,
    /// The paragraphs in input order.
    pub paragraphs: Vec<Paragraph<'a>>,
    /// Problems found in lenient mode. Empty for well-formed input.
    pub diagnostics: Vec<Diagnostic>,
}

impl<'a> Article<'a> {
    /// An article over `source` with no records yet. The parser fills the records in; this is
    /// public so that other front ends can build articles too.
    pub fn new(source: impl Into<Cow<'a, str>>) -> Self {
        Article {
            source: source.into(),
            bom: false,
            header: None,
            date: None,
            dateline: None,
            paragraphs: Vec::new(),
            diagnostics: Vec::new(),
        }
    }

    /// The text the article was parsed from. Empty for an article deserialized from JSON.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The text of `span` in the source, or `None` if the span does not fit the source.
    ///
    /// ```
    /// let article = newswire::parse("SINGAPORE -- Talks began.")?;
    /// let dateline = article.dateline.as_ref().unwrap();
    /// assert_eq!(article.text(dateline.span), Some("SINGAPORE --"));
    /// # Ok::<(), newswire::ParseError>(())
    /// ```
    pub fn text(&self, span: Span) -> Option<&str> {
        span.get(&self.source)
    }

    /// The paragraphs of kind [`ParagraphKind::Body`]: the story itself, without captions,
    /// related-story lists and boilerplate.
    pub fn body(&self) -> impl Iterator<Item = &Paragraph<'a>> + '_ {
        self.paragraphs
            .iter()
            .filter(|p| p.kind == ParagraphKind::Body)
    }

    /// Converts every borrowed string into an owned one, so the article outlives its input.
    pub fn into_owned(self) -> Article<'static> {
        Article {
            source: Cow::Owned(self.source.into_owned()),
            bom: self.bom,
            header: self.header,
            date: self.date,
            dateline: self.dateline.map(Dateline::into_owned),
            paragraphs: self
                .paragraphs
                .into_iter()
                .map(Paragraph::into_owned)
                .collect(),
            diagnostics: self.diagnostics,
        }
    }
}

/// A wire dateline such as `JAKARTA --`, `NEW YORK, March 26 -`, `PORTLAND, Ore., Feb 26 -`,
/// `YANGON (Reuters) -` or `BEIJING, March 24 (Xinhua) --`.
///
/// ```
/// let src = " date 1987-02-26 BAHIA BLANCA, Argentina, Feb 26 - Grain shipments rose.";
/// let article = newswire::parse(src)?;
/// let d = article.dateline.unwrap();
/// assert_eq!(d.text, "BAHIA BLANCA, Argentina, Feb 26 -");
/// assert_eq!(d.location, "BAHIA BLANCA, Argentina");
/// assert_eq!(d.city, "BAHIA BLANCA");
/// assert_eq!(d.region.as_deref(), Some("Argentina"));
/// assert_eq!(d.date.unwrap().to_string(), "1987-02-26");
/// # Ok::<(), newswire::ParseError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dateline<'a> {
    /// The whole dateline, separator included: `NEW YORK, March 26 -`.
    pub text: Cow<'a, str>,
    /// The place as written, with its region or country: `PORTLAND, Ore.`.
    pub location: Cow<'a, str>,
    /// The first part of the place, usually the city: `PORTLAND`.
    pub city: Cow<'a, str>,
    /// The region, state or country after the city, if given: `Ore.`, `Argentina`.
    pub region: Option<Cow<'a, str>>,
    /// The embedded month and day resolved to a full date against the header's year (the year
    /// that puts it nearest the header date). `None` without a header date or an embedded date.
    pub date: Option<NaiveDate>,
    /// The embedded month (1-12), also when no year is known.
    pub month: Option<u32>,
    /// The embedded day of the month, also when no year is known.
    pub day: Option<u32>,
    /// The news agency named in parentheses: `Reuters`, `AP`, `Xinhua`.
    pub agency: Option<Cow<'a, str>>,
    /// Span of the whole dateline.
    #[serde(flatten)]
    pub span: Span,
    /// Span of [`location`](Dateline::location).
    pub location_span: Span,
    /// Span of the embedded date (`March 26`), if any.
    pub date_span: Option<Span>,
    /// Span of the agency name (without parentheses), if any.
    pub agency_span: Option<Span>,
}

impl Dateline<'_> {
    /// Converts every borrowed string into an owned one.
    pub fn into_owned(self) -> Dateline<'static> {
        Dateline {
            text: Cow::Owned(self.text.into_owned()),
            location: Cow::Owned(self.location.into_owned()),
            city: Cow::Owned(self.city.into_owned()),
            region: self.region.map(|r| Cow::Owned(r.into_owned())),
            date: self.date,
            month: self.month,
            day: self.day,
            agency: self.agency.map(|a| Cow::Owned(a.into_owned())),
            span: self.span,
            location_span: self.location_span,
            date_span: self.date_span,
            agency_span: self.agency_span,
        }
    }
}

/// One paragraph of an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph<'a> {
    /// The paragraph's text: the span's slice with hard-wrapped lines joined by single spaces.
    /// Borrowed from the input when the paragraph is a single line.
    pub text: Cow<'a, str>,
    /// The paragraph's bytes in the input, without surrounding whitespace.
    #[serde(flatten)]
    pub span: Span,
    /// What the paragraph is: story text, a photo caption, a related-stories list, boilerplate.
    pub kind: ParagraphKind,
}

impl Paragraph<'_> {
    /// Converts the text into an owned string.
    pub fn into_owned(self) -> Paragraph<'static> {
        Paragraph {
            text: Cow::Owned(self.text.into_owned()),
            span: self.span,
            kind: self.kind,
        }
    }
}

/// What a paragraph is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ParagraphKind {
    /// Story text.
    Body,
    /// A photo caption with a credit, such as `... © Reuters`.
    Caption,
    /// A related-stories block (`You may also like these stories:` and the headlines after it).
    Related,
    /// A byline, sign-off or end mark: `By Jane Doe`, `Reuter`, `(Reporting by ...)`, `MORE`.
    Boilerplate,
}

impl ParagraphKind {
    /// The lower-case name used in serialized output: `body`, `caption`, `related`, `boilerplate`.
    pub fn as_str(&self) -> &'static str {
        match self {
            ParagraphKind::Body => "body",
            ParagraphKind::Caption => "caption",
            ParagraphKind::Related => "related",
            ParagraphKind::Boilerplate => "boilerplate",
        }
    }
}

impl fmt::Display for ParagraphKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A problem the lenient parser worked around. The text it concerns is kept in the article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// What kind of problem.
    pub kind: DiagnosticKind,
    /// Where it is.
    #[serde(flatten)]
    pub span: Span,
    /// A message a person can act on.
    pub message: String,
}

/// Kinds of [`Diagnostic`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DiagnosticKind {
    /// The header's date has the form `YYYY-MM-DD` but is not a calendar date (`2021-02-30`).
    InvalidHeaderDate,
    /// The header starts with `date` but what follows is not a date of the form `YYYY-MM-DD`.
    MalformedHeader,
    /// The dateline's month and day are not a calendar date in the header's year (`Feb 30`).
    InvalidDatelineDate,
}
