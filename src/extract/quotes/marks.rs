//! Quote marks: finding them, telling opening from closing marks and apostrophes, and pairing
//! them into quoted spans.

use crate::span::Span;

/// Which family a quote mark belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Family {
    /// `"`, `“`, `”`, `''`, ` `` `, `„`.
    Double,
    /// `'`, `‘`, `’`, `` ` ``.
    Single,
}

/// What a mark can do, judged from its shape and its neighbours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    Open,
    Close,
    /// Could open or close (a straight mark between two words, or at the edge of both).
    Either,
}

/// One quote mark in the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Mark {
    /// The mark's bytes.
    pub span: Span,
    pub family: Family,
    pub role: Role,
}

/// Characters a quotation may follow directly when it opens.
fn opens_after(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':' | '>' | '…' | '"' | '“' | '‘'
                )
        }
    }
}

/// Characters a quotation may be followed by directly when it closes.
fn closes_before(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    '.' | ','
                        | ';'
                        | ':'
                        | '!'
                        | '?'
                        | ')'
                        | ']'
                        | '}'
                        | '—'
                        | '–'
                        | '-'
                        | '/'
                        | '<'
                        | '…'
                        | '"'
                        | '”'
                        | '’'
                        | '\''
                )
        }
    }
}

fn prev_char(src: &str, at: usize) -> Option<char> {
    src.get(..at).and_then(|s| s.chars().next_back())
}

fn next_char(src: &str, at: usize) -> Option<char> {
    src.get(at..).and_then(|s| s.chars().next())
}

/// The role of a mark from what stands on either side, or `None` for a mark that stands alone
/// between spaces (or between two letters, for a double mark).
fn flanking(src: &str, span: Span) -> Option<Role> {
    let before = prev_char(src, span.start);
    let after = next_char(src, span.end);
    let can_open = after.is_some_and(|c| !c.is_whitespace()) && opens_after(before);
    let can_close = before.is_some_and(|c| !c.is_whitespace()) && closes_before(after);
    match (can_open, can_close) {
        (true, false) => Some(Role::Open),
        (false, true) => Some(Role::Close),
        (true, true) => Some(Role::Either),
        (false, false) => {
            // A straight mark glued to letters on both sides (`said"We`): it could be either.
            if before.is_some_and(|c| !c.is_whitespace())
                && after.is_some_and(|c| !c.is_whitespace())
            {
                Some(Role::Either)
            } else {
                None
            }
        }
    }
}

/// Whether a single mark at `span` is an apostrophe (`don't`, `O’Brien`, `’90s`, `rock ’n’ roll`).
fn is_apostrophe(src: &str, span: Span) -> bool {
    let before = prev_char(src, span.start);
    let after = next_char(src, span.end);
    let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    if alnum(before) && alnum(after) {
        return true;
    }
    // `’90s`, `'em`, `'n'`
    if opens_after(before)
        && let Some(rest) = src.get(span.end..)
    {
        let word: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric())
            .take(4)
            .collect::<String>()
            .to_ascii_lowercase();
        if matches!(word.as_str(), "em" | "n" | "til" | "cause" | "tis" | "twas")
            || (word.len() == 3
                && word.ends_with('s')
                && word.starts_with(|c: char| c.is_ascii_digit()))
            || (word.len() == 2 && word.chars().all(|c| c.is_ascii_digit()))
        {
            return true;
        }
    }
    false
}

/// The positions of the bytes that can begin a quote mark (`"`, `'`, `` ` ``, and 0xE2, the
/// first byte of the curly marks) in `src`, in order, found by a vectorized search over the
/// whole text at once.
pub(super) fn candidates(src: &str) -> Vec<usize> {
    let bytes = src.as_bytes();
    // Room for a mark every 64 bytes, more than most news has, so the list rarely grows.
    let mut out = Vec::with_capacity(bytes.len() / 64 + 8);
    out.extend(memchr::memchr3_iter(b'"', b'\'', 0xE2, bytes));
    if memchr::memchr(b'`', bytes).is_some() {
        out.extend(memchr::memchr_iter(b'`', bytes));
        out.sort_unstable();
    }
    out
}

/// All quote marks in `src[range]`, in order, into `out` (cleared first). `candidates` are
/// the positions [`candidates`] gives for `src`, from the first at or after `range.start` on
/// (any before it are stepped over one at a time).
pub(super) fn scan(src: &str, range: Span, candidates: &[usize], out: &mut Vec<Mark>) {
    let bytes = src.as_bytes();
    let end = range.end.min(bytes.len());
    out.clear();
    let mut i = range.start;
    let mut next = 0;
    while i < end {
        // Jump to the next byte that can begin a mark.
        while candidates.get(next).is_some_and(|&c| c < i) {
            next += 1;
        }
        match candidates.get(next) {
            Some(&c) if c < end => i = c,
            _ => break,
        }
        let b = bytes[i];
        match b {
            b'"' => {
                let span = Span::new(i, i + 1);
                // `'It is,' " he said`: a spaced mark right after a closing single quote
                // closes the outer quotation.
                let after_single = src
                    .get(..i)
                    .map(str::trim_end)
                    .is_some_and(|t| t.ends_with(['\'', '’']) && t.len() + 1 == i);
                let role = flanking(src, span).or(after_single.then_some(Role::Close));
                if let Some(role) = role {
                    out.push(Mark {
                        span,
                        family: Family::Double,
                        role,
                    });
                }
                i += 1;
            }
            b'\'' => {
                let run = bytes[i..end].iter().take_while(|&&c| c == b'\'').count();
                push_run(src, Span::new(i, i + run), b'\'', out);
                i += run;
            }
            b'`' => {
                let run = bytes[i..end].iter().take_while(|&&c| c == b'`').count();
                let span = Span::new(i, i + run);
                let family = if run >= 2 {
                    Family::Double
                } else {
                    Family::Single
                };
                out.push(Mark {
                    span,
                    family,
                    role: Role::Open,
                });
                i += run;
            }
            0xE2 => {
                let third = if i + 2 < end && bytes[i + 1] == 0x80 {
                    bytes[i + 2]
                } else {
                    0
                };
                let span = Span::new(i, i + 3);
                match third {
                    0x9C | 0x9E => {
                        // “ „
                        let role = match flanking(src, span) {
                            Some(Role::Close) => Role::Close,
                            _ => Role::Open,
                        };
                        out.push(Mark {
                            span,
                            family: Family::Double,
                            role,
                        });
                    }
                    0x9D => {
                        // ”: a closing mark, unless it plainly opens (` ”Word`).
                        let role = match flanking(src, span) {
                            Some(Role::Open) => Role::Open,
                            _ => Role::Close,
                        };
                        out.push(Mark {
                            span,
                            family: Family::Double,
                            role,
                        });
                    }
                    0x98 if !is_apostrophe(src, span) => {
                        let role = match flanking(src, span) {
                            Some(Role::Close) => Role::Close,
                            _ => Role::Open,
                        };
                        out.push(Mark {
                            span,
                            family: Family::Single,
                            role,
                        });
                    }
                    0x99 => {
                        // ’ runs: `’’` is a double mark in some archives.
                        let mut run = 1;
                        while i + 3 * run + 2 < end
                            && bytes[i + 3 * run] == 0xE2
                            && bytes[i + 3 * run + 1] == 0x80
                            && bytes[i + 3 * run + 2] == 0x99
                        {
                            run += 1;
                        }
                        if run >= 2 {
                            push_run(src, Span::new(i, i + 3 * run), b'\'', out);
                            i += 3 * run;
                            continue;
                        }
                        if !is_apostrophe(src, span)
                            && let Some(role) = flanking(src, span)
                        {
                            out.push(Mark {
                                span,
                                family: Family::Single,
                                role,
                            });
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
}

/// Pushes the marks of a run of straight (or right) single quotes: `'` is a single mark, `''`
/// a double one (NYT archives), `'''` a double and a single (closing a nested quotation).
fn push_run(src: &str, span: Span, _unit: u8, out: &mut Vec<Mark>) {
    let unit = if src.get(span.range()).is_some_and(|s| s.starts_with('\'')) {
        1
    } else {
        3
    };
    let count = span.len() / unit;
    match count {
        1 if !is_apostrophe(src, span) => {
            if let Some(role) = flanking(src, span) {
                out.push(Mark {
                    span,
                    family: Family::Single,
                    role,
                });
            }
        }
        2 => {
            if let Some(role) = flanking(src, span) {
                out.push(Mark {
                    span,
                    family: Family::Double,
                    role,
                });
            }
        }
        3 => {
            let Some(role) = flanking(src, span) else {
                return;
            };
            let first = Span::new(span.start, span.start + unit);
            let rest = Span::new(span.start + unit, span.end);
            let last = Span::new(span.end - unit, span.end);
            let head = Span::new(span.start, span.end - unit);
            match role {
                // Closing: the nested single closes first, then the double.
                Role::Close => {
                    out.push(Mark {
                        span: first,
                        family: Family::Single,
                        role: Role::Close,
                    });
                    out.push(Mark {
                        span: rest,
                        family: Family::Double,
                        role: Role::Close,
                    });
                }
                _ => {
                    out.push(Mark {
                        span: head,
                        family: Family::Double,
                        role,
                    });
                    out.push(Mark {
                        span: last,
                        family: Family::Single,
                        role,
                    });
                }
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candidates_are_every_byte_that_can_begin_a_mark() {
        for src in [
            "",
            "plain text",
            "\"We,\" he said. ``It's'' ‘x’ “y” — done",
            "no ticks but 'single' and \"double\"",
            "`` ` `",
        ] {
            let want: Vec<usize> = src
                .bytes()
                .enumerate()
                .filter(|&(_, b)| matches!(b, b'"' | b'\'' | b'`' | 0xE2))
                .map(|(i, _)| i)
                .collect();
            assert_eq!(candidates(src), want, "{src:?}");
        }
    }
}
