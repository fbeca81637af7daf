//! Rendering an [`Article`] back to the article file format.

use crate::article::Article;
use std::fmt::Write as _;
use std::io;

/// Renders an article in the file format: the ` date YYYY-MM-DD ` header when the article has a
/// date, the dateline running into the first paragraph, then the paragraphs separated by blank
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
    if let Some(date) = article.date {
        // Writing to a String cannot fail.
        let _ = write!(out, " date {} ", date.format("%Y-%m-%d"));
    }
    let mut paragraphs = article.paragraphs.iter();
    if let Some(d) = &article.dateline {
        out.push_str(&d.text);
        if let Some(p) = paragraphs.next() {
            out.push(' ');
            out.push_str(&p.text);
        }
        out.push('\n');
    } else if let Some(p) = paragraphs.next() {
        out.push_str(&p.text);
        out.push('\n');
    }
    for p in paragraphs {
        out.push('\n');
        out.push_str(&p.text);
        out.push('\n');
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
