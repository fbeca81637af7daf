//! Errors: [`ParseError`] for one input, [`Error`] for a corpus (naming the file).

use crate::span::{Position, Span};
use std::fmt;
use std::path::{Path, PathBuf};

/// An input the parser rejected, with where and what was expected.
///
/// Its `Display` names the line and column, what was expected and what was found, and shows the
/// offending line with a caret:
///
/// ```
/// use newswire::{ParseErrorKind, Parser};
///
/// let strict = Parser::builder().strict(true).build();
/// let err = strict.parse(" date 2021-02-30 Talks began.").unwrap_err();
/// assert_eq!(err.kind(), ParseErrorKind::InvalidHeaderDate);
/// assert_eq!((err.position().line, err.position().column), (1, 7));
/// assert!(err.to_string().contains("expected a calendar date"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError(Box<Inner>);

#[derive(Debug, Clone, PartialEq, Eq)]
struct Inner {
    kind: ParseErrorKind,
    span: Span,
    position: Position,
    expected: &'static str,
    found: String,
    /// Characters the caret underlines in `line_text`.
    width: usize,
    line_text: String,
}

impl ParseError {
    /// Builds an error for `span` of `src`.
    pub(crate) fn new(
        kind: ParseErrorKind,
        src: &str,
        span: Span,
        expected: &'static str,
        found: impl Into<String>,
    ) -> Self {
        let position = Position::of(src, span.start);
        let line_text = line_around(src.as_bytes(), span.start);
        let found = found.into();
        let width = found.chars().count();
        ParseError(Box::new(Inner {
            kind,
            span,
            position,
            expected,
            found,
            width,
            line_text,
        }))
    }

    /// Builds the error for input that is not UTF-8.
    pub(crate) fn invalid_utf8(bytes: &[u8], err: std::str::Utf8Error) -> Self {
        let offset = err.valid_up_to();
        let bad_len = err.error_len().unwrap_or(bytes.len() - offset);
        // Everything before `offset` is valid UTF-8, so the position can be computed on it.
        let valid = std::str::from_utf8(&bytes[..offset]).unwrap_or_default();
        let mut position = Position::of(valid, offset);
        if valid.len() < offset {
            position = Position { line: 1, column: 1 };
        }
        let found = bytes[offset..offset + bad_len]
            .iter()
            .map(|b| format!("\\x{b:02x}"))
            .collect::<String>();
        ParseError(Box::new(Inner {
            kind: ParseErrorKind::InvalidUtf8,
            span: Span::new(offset, offset + bad_len),
            position,
            expected: "UTF-8 text",
            found,
            // The bad bytes show as one replacement character in the line.
            width: 1,
            line_text: line_around(bytes, offset),
        }))
    }

    /// What went wrong.
    pub fn kind(&self) -> ParseErrorKind {
        self.0.kind
    }

    /// Byte offset of the problem in the input.
    pub fn offset(&self) -> usize {
        self.0.span.start
    }

    /// The bytes of the input at fault.
    pub fn span(&self) -> Span {
        self.0.span
    }

    /// 1-based line and column of the problem.
    pub fn position(&self) -> Position {
        self.0.position
    }

    /// What the parser expected there, in words.
    pub fn expected(&self) -> &str {
        self.0.expected
    }

    /// What it found instead, as written in the input.
    pub fn found(&self) -> &str {
        &self.0.found
    }
}

/// The line holding `offset`, lossily decoded, for the caret display.
fn line_around(bytes: &[u8], offset: usize) -> String {
    let offset = offset.min(bytes.len());
    let start = memchr::memrchr(b'\n', &bytes[..offset]).map_or(0, |i| i + 1);
    let end = memchr::memchr(b'\n', &bytes[offset..]).map_or(bytes.len(), |i| offset + i);
    let line = String::from_utf8_lossy(&bytes[start..end]);
    let line = line.trim_end_matches('\r');
    // Keep messages readable for very long lines (a whole paragraph is often one line).
    match line.char_indices().nth(120) {
        Some((cut, _)) => format!("{}…", &line[..cut]),
        None => line.to_string(),
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let i = &self.0;
        writeln!(
            f,
            "{} at {}: expected {}, found `{}`",
            i.kind, i.position, i.expected, i.found
        )?;
        let pad = i.position.column.saturating_sub(1);
        let width = i.width.clamp(1, 40);
        writeln!(f, "  | {}", i.line_text)?;
        write!(f, "  | {}{}", " ".repeat(pad), "^".repeat(width))
    }
}

impl std::error::Error for ParseError {}

/// What kind of [`ParseError`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ParseErrorKind {
    /// The input is not valid UTF-8. Re-encode it (for example from Latin-1) before parsing.
    InvalidUtf8,
    /// The header's date has the right form but is not a calendar date, such as `2021-02-30`.
    InvalidHeaderDate,
    /// The input starts with a `date` header whose date is not of the form `YYYY-MM-DD`.
    MalformedHeader,
    /// The dateline's month and day are not a calendar date in the header's year.
    InvalidDatelineDate,
}

impl fmt::Display for ParseErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ParseErrorKind::InvalidUtf8 => "invalid UTF-8",
            ParseErrorKind::InvalidHeaderDate => "invalid date in header",
            ParseErrorKind::MalformedHeader => "malformed header",
            ParseErrorKind::InvalidDatelineDate => "invalid date in dateline",
        })
    }
}

/// An error while reading a corpus: an I/O failure or a parse error, with the file it concerns.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Reading failed.
    #[error("{}: {source}", display_path(path))]
    Io {
        /// The file or directory, if known.
        path: Option<PathBuf>,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// The file was read but could not be parsed.
    #[error("{}: {source}", display_path(path))]
    Parse {
        /// The file, if known.
        path: Option<PathBuf>,
        /// The underlying error.
        #[source]
        source: ParseError,
    },
    /// An extractor panicked on this article (a bug in the extractor: please report it with the
    /// article). The corpus pipeline reports it and goes on with the next article.
    #[error("{}: an extractor panicked: {message}", display_path(path))]
    Panicked {
        /// The file, if known.
        path: Option<PathBuf>,
        /// The panic message.
        message: String,
    },
}

fn display_path(path: &Option<PathBuf>) -> String {
    match path {
        Some(p) => p.display().to_string(),
        None => "<stream>".to_string(),
    }
}

impl Error {
    /// The file this error concerns, if it came from a file.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Error::Io { path, .. } | Error::Parse { path, .. } | Error::Panicked { path, .. } => {
                path.as_deref()
            }
        }
    }
}
