//! Rendering an [`Article`] back to the article file format.

use crate::article::Article;
use std::fmt::Write as _;

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
        if let (Some(d), Some(at)) = (&article.dateline, dateline_before) {
            if at == i {
                out.push_str(&d.text);
                out.push(' ');
            }
        }
        out.push_str(&p.text);
        out.push('\n');
        first = false;
    }
    if let (Some(d), Some(at)) = (&article.dateline, dateline_before) {
        if at == article.paragraphs.len() {
            if !first {
                out.push('\n');
            }
            out.push_str(&d.text);
            out.push('\n');
        }
    }
    // A text that opens with U+FEFF would lose it to the byte order mark check: write a byte
    // order mark first, which the parser takes away again.
    if out[start..].starts_with('\u{feff}') {
        out.insert(start, '\u{feff}');
    }
}
