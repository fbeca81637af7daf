//! The straightforward paragraph scanner and classifier that the fast ones in `body.rs` must
//! agree with, byte for byte: kept for the property tests only.

use super::*;

pub(crate) fn paragraphs(src: &str, pos: usize, classify: bool) -> Vec<Paragraph<'_>> {
    let bytes = src.as_bytes();
    let mut out = Vec::new();
    let mut block: Vec<Span> = Vec::new();
    let mut line_start = pos;
    let mut newlines = memchr::memchr_iter(b'\n', bytes.get(pos..).unwrap_or_default());
    loop {
        let newline = newlines.next().map(|i| pos + i);
        let line_end = newline.unwrap_or(bytes.len());
        match trimmed(src, line_start, line_end) {
            None => emit(src, &mut block, &mut out),
            Some(content) => {
                if (content.start > line_start && line_start > pos)
                    || is_final_signoff(src, content, line_end)
                {
                    emit(src, &mut block, &mut out);
                }
                block.push(content);
            }
        }
        match newline {
            Some(i) => line_start = i + 1,
            None => break,
        }
    }
    emit(src, &mut block, &mut out);
    if classify {
        classify_all(&mut out);
    }
    out
}

/// The line without surrounding whitespace (`str::trim`), or `None` if it is blank.
fn trimmed(src: &str, start: usize, end: usize) -> Option<Span> {
    let line = &src[start..end];
    let t = line.trim_start();
    let s = start + (line.len() - t.len());
    let t = t.trim_end();
    (!t.is_empty()).then(|| Span::new(s, s + t.len()))
}

fn is_final_signoff(src: &str, line: Span, line_end: usize) -> bool {
    line.len() <= 9
        && (src[line] == *"MORE"
            || ["reuter", "reuter..."]
                .iter()
                .any(|s| src[line].eq_ignore_ascii_case(s)))
        && src.as_bytes()[line_end..]
            .iter()
            .all(|b| b.is_ascii_whitespace())
}

fn emit<'a>(src: &'a str, block: &mut Vec<Span>, out: &mut Vec<Paragraph<'a>>) {
    match block.as_slice() {
        [] => {}
        [line] => out.push(paragraph(Cow::Borrowed(&src[*line]), *line)),
        [inner @ .., last] => {
            let longest_inner = inner.iter().map(Span::len).max().unwrap_or(0);
            if longest_inner > WRAP_WIDTH {
                out.extend(
                    block
                        .iter()
                        .map(|&line| paragraph(Cow::Borrowed(&src[line]), line)),
                );
            } else {
                let span = Span::new(inner.first().map_or(last.start, |f| f.start), last.end);
                let text = block
                    .iter()
                    .map(|&line| &src[line])
                    .collect::<Vec<_>>()
                    .join(" ");
                out.push(paragraph(Cow::Owned(text), span));
            }
        }
    }
    block.clear();
}

pub(crate) fn classify_all(paragraphs: &mut [Paragraph<'_>]) {
    let mut related = false;
    for p in paragraphs.iter_mut() {
        if !related && is_related_heading(&p.text) {
            related = true;
        }
        p.kind = if related {
            ParagraphKind::Related
        } else if is_boilerplate(&p.text) {
            ParagraphKind::Boilerplate
        } else if is_caption(&p.text) {
            ParagraphKind::Caption
        } else {
            ParagraphKind::Body
        };
    }
}

pub(crate) fn is_boilerplate(t: &str) -> bool {
    if t.len() > 200 {
        return false;
    }
    let lower = t.to_ascii_lowercase();
    BOILERPLATE_EXACT.contains(&lower.as_str())
        || BOILERPLATE_PREFIXES.iter().any(|p| lower.starts_with(p))
        || is_byline(t)
        || is_follow_line(t)
        || is_platform_only(t)
}

pub(crate) fn is_caption(text: &str) -> bool {
    if text.starts_with("Photo:")
        || text.ends_with("Getty Images")
        || text.ends_with("Getty Images)")
        || (text.len() <= 64 && is_credit_only(text))
    {
        return true;
    }
    let mut tail_start = text.len().saturating_sub(CREDIT_TAIL_BYTES);
    while !text.is_char_boundary(tail_start) {
        tail_start += 1;
    }
    let tail = &text[tail_start..];
    if let Some(i) = tail.rfind('©') {
        return tail[i..].split_whitespace().count() <= 6;
    }
    tail.contains("REUTERS/") || tail.contains("(AP Photo") || tail.contains("(Photo:")
}

fn is_related_heading(text: &str) -> bool {
    if text.len() > 48 {
        return false;
    }
    let t = text.trim().trim_end_matches(':').trim_end();
    RELATED_HEADINGS.iter().any(|h| t.eq_ignore_ascii_case(h))
}

fn is_platform_only(text: &str) -> bool {
    let t = text.trim_end_matches('.');
    PLATFORMS.iter().any(|p| t.eq_ignore_ascii_case(p))
}
