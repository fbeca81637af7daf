//! Rendering an [`Article`] back to the article file format.

use crate::article::Article;
use std::fmt::Write as _;
use std::io;

/// Renders an article in the file format: the ` date YYYY-MM-DD ` header when the article has a
/// date (a malformed header as written, when the article still has its source), the dateline running into the first paragraph, then the paragraphs separated by blank
/// lines, with a final newline.
///
/// Parsing the result gives back the same date, dateline and paragraph texts and kinds:
///
/// ```
/// let src = " date 1987-02-26 SALVADOR, Feb 26 - Showers continued\nthroughout the week.\n    The dry period means the temporao will be late.\n";
/// let article = newswire::parse(src)?;
/// let rendered = newswire::render(&article);
/// assert_eq!(
///     rendered,
///     " date 1987-02-26 SALVADOR, Feb 26 - Showers continued throughout the week.\n\nThe dry period means the temporao will be late.\n"
/// );
/// let again = newswire::parse(&rendered)?;
/// assert_eq!(again.date, article.date);
/// assert_eq!(again.paragraphs.len(), article.paragraphs.len());
/// # Ok::<(), newswire::ParseError>(())
/// ```
pub fn render(article: &Article<'_>) -> String {
    let mut out = String::with_capacity(article.source().len().max(64));
    render_into(article, &mut out);
    out
}

/// Appends the rendering of `article` to `out` (see [`render`]).
pub fn render_into(article: &Article<'_>, out: &mut String) {
    let start = out.len();
    if let Some(date) = article.date {
        // Writing to a String cannot fail.
        let _ = write!(out, " date {} ", date.format("%Y-%m-%d"));
    } else if let Some(raw) = article.header.and_then(|h| article.text(h)) {
        // A malformed header (lenient mode) is kept as written: nothing is dropped, and the
        // output parses back to the same records.
        out.push_str(raw);
        out.push(' ');
    }
    // The dateline opens the first paragraph that starts after it: the first one, or the one
    // after a headline (`Headline\n\nWASHINGTON (AP) — The story`).
    let dateline_before = article.dateline.as_ref().map(|d| {
        article
            .paragraphs
            .iter()
            .position(|p| p.span.start >= d.span.end)
            .unwrap_or(article.paragraphs.len())
    });
    let mut first = true;
    for (i, p) in article.paragraphs.iter().enumerate() {
        if !first {
            out.push('\n');
        }
        if let (Some(d), Some(at)) = (&article.dateline, dateline_before)
            && at == i
        {
            out.push_str(&d.text);
            out.push(' ');
        }
        out.push_str(&p.text);
        out.push('\n');
        first = false;
    }
    if let (Some(d), Some(at)) = (&article.dateline, dateline_before)
        && at == article.paragraphs.len()
    {
        if !first {
            out.push('\n');
        }
        out.push_str(&d.text);
        out.push('\n');
    }
    // A text that opens with U+FEFF would lose it to the byte order mark check: write a byte
    // order mark first, which the parser takes away again.
    if out[start..].starts_with('\u{feff}') {
        out.insert(start, '\u{feff}');
    }
}

/// The byte that, alone on a line, ends each article of a stream: the ASCII record separator,
/// `0x1E`. See [Streams of articles](crate::Corpus#streams-of-articles).
pub const RECORD_SEPARATOR: u8 = 0x1e;

/// Writes one article of a stream: its text, a newline, and a line holding only
/// [`RECORD_SEPARATOR`]. Reading the stream back with [`Corpus::stream`](crate::Corpus::stream)
/// gives `text` back byte for byte.
///
/// A text holding a line with only the record separator cannot be written (the reader would
/// split it): that is an [`io::ErrorKind::InvalidInput`] error and nothing is written.
pub fn write_stream_record<W: io::Write + ?Sized>(out: &mut W, text: &str) -> io::Result<()> {
    if let Some(line) = separator_line(text) {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!(
                "line {line} of the article holds only the record separator byte 0x1E, which \
                 ends an article in a stream; remove that byte from the article before writing it"
            ),
        ));
    }
    out.write_all(text.as_bytes())?;
    out.write_all(&[b'\n', RECORD_SEPARATOR, b'\n'])
}

/// Writes articles as a stream (see [Streams of articles](crate::Corpus#streams-of-articles)),
/// each with [`write_stream_record`].
///
/// ```
/// let mut out = Vec::new();
/// newswire::write_stream(&mut out, ["First article.", "Second article.\n"])?;
/// assert_eq!(out, b"First article.\n\x1e\nSecond article.\n\n\x1e\n");
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn write_stream<W, I, S>(mut out: W, articles: I) -> io::Result<()>
where
    W: io::Write,
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    for text in articles {
        write_stream_record(&mut out, text.as_ref())?;
    }
    Ok(())
}

/// The 1-based number of the first line of `text` holding only the record separator (with an
/// optional `\r`), if any.
fn separator_line(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    for i in memchr::memchr_iter(RECORD_SEPARATOR, bytes) {
        let starts_line = i == 0 || bytes[i - 1] == b'\n';
        let rest = &bytes[i + 1..];
        let ends_line = rest.is_empty()
            || rest.starts_with(b"\n")
            || rest == b"\r"
            || rest.starts_with(b"\r\n");
        if starts_line && ends_line {
            return Some(memchr::memchr_iter(b'\n', &bytes[..i]).count() + 1);
        }
    }
    None
}
