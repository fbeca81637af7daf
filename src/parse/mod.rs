//! The parser: header, dateline and paragraphs. nom stays inside this module.

mod body;
mod dateline;
mod header;

use crate::article::{Article, Diagnostic, DiagnosticKind};
use crate::error::{ParseError, ParseErrorKind};

/// Parses an article in lenient mode: malformed dates become diagnostics, nothing is rejected
/// except what [`Parser::parse`] documents.
///
/// ```
/// let article = newswire::parse(" date 2021-02-23 SINGAPORE -- Talks began.")?;
/// assert_eq!(article.paragraphs[0].text, "Talks began.");
/// # Ok::<(), newswire::ParseError>(())
/// ```
pub fn parse(src: &str) -> Result<Article<'_>, ParseError> {
    Parser::default().parse(src)
}

/// Parses raw bytes, checking that they are UTF-8 first.
///
/// ```
/// let err = newswire::parse_bytes(b"caf\xe9 au lait").unwrap_err();
/// assert_eq!(err.kind(), newswire::ParseErrorKind::InvalidUtf8);
/// assert_eq!(err.offset(), 3);
/// ```
pub fn parse_bytes(bytes: &[u8]) -> Result<Article<'_>, ParseError> {
    Parser::default().parse_bytes(bytes)
}

/// A configured parser. Cheap to clone, `Send + Sync`; build one with [`Parser::builder`].
///
/// ```
/// use newswire::Parser;
///
/// let lenient = Parser::default();
/// let strict = Parser::builder().strict(true).build();
///
/// let src = " date 2021-02-30 JAKARTA -- Talks began.";
/// let article = lenient.parse(src)?;
/// assert_eq!(article.date, None);
/// assert_eq!(article.diagnostics.len(), 1);
/// assert!(strict.parse(src).is_err());
/// # Ok::<(), newswire::ParseError>(())
/// ```
#[derive(Debug, Clone)]
pub struct Parser {
    strict: bool,
    datelines: bool,
    classify: bool,
}

impl Default for Parser {
    fn default() -> Self {
        ParserBuilder::default().build()
    }
}

/// Builds a [`Parser`].
#[derive(Debug, Clone)]
pub struct ParserBuilder {
    strict: bool,
    datelines: bool,
    classify: bool,
}

impl Default for ParserBuilder {
    fn default() -> Self {
        ParserBuilder {
            strict: false,
            datelines: true,
            classify: true,
        }
    }
}

impl ParserBuilder {
    /// Strict mode turns every diagnostic into an error. Default: lenient.
    pub fn strict(mut self, yes: bool) -> Self {
        self.strict = yes;
        self
    }

    /// Whether to recognize a wire dateline at the start of the first paragraph. Default: yes.
    pub fn datelines(mut self, yes: bool) -> Self {
        self.datelines = yes;
        self
    }

    /// Whether to classify paragraphs as captions, related-story lists and boilerplate. When off,
    /// every paragraph is [`Body`](crate::ParagraphKind::Body). Default: yes.
    pub fn classify_paragraphs(mut self, yes: bool) -> Self {
        self.classify = yes;
        self
    }

    /// The parser.
    pub fn build(self) -> Parser {
        Parser {
            strict: self.strict,
            datelines: self.datelines,
            classify: self.classify,
        }
    }
}

impl Parser {
    /// A builder with the defaults: lenient, datelines on, paragraph classification on.
    pub fn builder() -> ParserBuilder {
        ParserBuilder::default()
    }

    /// Whether this parser is strict.
    pub fn is_strict(&self) -> bool {
        self.strict
    }

    /// Parses raw bytes; input that is not UTF-8 is an error naming the first bad byte.
    pub fn parse_bytes<'a>(&self, bytes: &'a [u8]) -> Result<Article<'a>, ParseError> {
        match crate::simd::str_from_utf8(bytes) {
            Ok(src) => self.parse(src),
            Err(e) => Err(ParseError::invalid_utf8(bytes, e)),
        }
    }

    /// Parses one article.
    ///
    /// In lenient mode (the default) this fails on nothing: a malformed header date becomes a
    /// [`Diagnostic`] and its text stays in the article's header span. In strict mode the same
    /// input is a [`ParseError`] naming the line and column.
    ///
    /// The dateline is looked for at the start of the first paragraph and, when the first
    /// paragraph is a one-line headline, at the start of the next one:
    ///
    /// ```
    /// let src = " date 2016-03-01 Senators meet on budget plan.\n\nWASHINGTON (AP) — Senators met.\n";
    /// let article = newswire::parse(src)?;
    /// assert_eq!(article.dateline.as_ref().unwrap().agency.as_deref(), Some("AP"));
    /// assert_eq!(article.paragraphs[0].text, "Senators meet on budget plan.");
    /// assert_eq!(article.paragraphs[1].text, "Senators met.");
    /// # Ok::<(), newswire::ParseError>(())
    /// ```
    pub fn parse<'a>(&self, src: &'a str) -> Result<Article<'a>, ParseError> {
        let mut article = Article::new(src);
        let mut pos = 0;
        if src.starts_with('\u{feff}') {
            article.bom = true;
            pos = 3;
        }

        match header::parse(src, pos) {
            header::Header::None => {}
            header::Header::Valid { span, date } => {
                article.header = Some(span);
                article.date = Some(date);
                pos = span.end;
            }
            header::Header::Invalid {
                span,
                date_span,
                kind,
                expected,
            } => {
                let found = &src[date_span];
                if self.strict {
                    return Err(ParseError::new(kind, src, date_span, expected, found));
                }
                let (dkind, what) = match kind {
                    ParseErrorKind::InvalidHeaderDate => {
                        (DiagnosticKind::InvalidHeaderDate, "is not a calendar date")
                    }
                    _ => (DiagnosticKind::MalformedHeader, "is not a date"),
                };
                article.header = Some(span);
                article.diagnostics.push(Diagnostic {
                    kind: dkind,
                    span: date_span,
                    message: format!(
                        "header date `{found}` {what}: expected {expected}; the article has no date"
                    ),
                });
                pos = span.end;
            }
        }

        let mut headline = None;
        if self.datelines {
            let start = skip_whitespace(src, pos);
            let mut parsed = dateline::parse(src, start, article.date);
            if parsed.is_none() {
                // A headline line, then the dateline opening the next paragraph.
                if let Some((end, next)) = headline_then_paragraph(src, start) {
                    parsed = dateline::parse_after_headline(src, next, article.date);
                    if parsed.is_some() {
                        headline = Some(end);
                    }
                }
            }
            if let Some(parsed) = parsed {
                if let Some((bad_span, month, day)) = parsed.invalid_date {
                    if self.strict {
                        return Err(ParseError::new(
                            ParseErrorKind::InvalidDatelineDate,
                            src,
                            bad_span,
                            "a month and day that exist in the header's year",
                            &src[bad_span],
                        ));
                    }
                    article.diagnostics.push(Diagnostic {
                        kind: DiagnosticKind::InvalidDatelineDate,
                        span: bad_span,
                        message: format!(
                            "dateline date `{}` (month {month}, day {day}) is not a calendar date \
                             in the header's year; the dateline has no date",
                            &src[bad_span]
                        ),
                    });
                }
                article.dateline = Some(parsed.dateline);
            }
        }

        match (headline, &article.dateline) {
            (Some(headline_end), Some(d)) => {
                // The headline is a paragraph of its own; the story starts after the dateline.
                let mut paragraphs = body::paragraphs(src, d.span.end, false);
                let head = body::paragraphs(&src[..headline_end], pos, false);
                paragraphs.splice(0..0, head);
                if self.classify {
                    body::classify_all(&mut paragraphs);
                }
                article.paragraphs = paragraphs;
            }
            (_, Some(d)) => article.paragraphs = body::paragraphs(src, d.span.end, self.classify),
            _ => article.paragraphs = body::paragraphs(src, pos, self.classify),
        }
        Ok(article)
    }
}

/// Headlines are short single lines.
const MAX_HEADLINE_BYTES: usize = 200;

/// If the text at `start` is a headline line followed by another paragraph, the end of the
/// headline and the start of the next paragraph.
fn headline_then_paragraph(src: &str, start: usize) -> Option<(usize, usize)> {
    let rest = src.get(start..)?;
    let line_len = memchr::memchr(b'\n', rest.as_bytes())?;
    let line = rest[..line_len].trim_end();
    if line.is_empty() || line.len() > MAX_HEADLINE_BYTES || line.ends_with([',', ';', ':', '-']) {
        return None;
    }
    let end = start + line.len();
    let next = skip_whitespace(src, start + line_len);
    (next < src.len()).then_some((end, next))
}

/// The first offset at or after `pos` that is not whitespace.
pub(crate) fn skip_whitespace(src: &str, pos: usize) -> usize {
    let rest = &src[pos..];
    pos + (rest.len() - rest.trim_start().len())
}

/// The length in bytes of the longest of `words` (0 for none): a bound that lets a lookup in a
/// word list reject longer text before comparing.
const fn longest(words: &[&str]) -> usize {
    let mut longest = 0;
    let mut i = 0;
    while i < words.len() {
        if words[i].len() > longest {
            longest = words[i].len();
        }
        i += 1;
    }
    longest
}
