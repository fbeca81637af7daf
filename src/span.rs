//! Byte spans into the input and 1-based line/column positions.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::{Index, Range};

/// A half-open byte range `start..end` into the text an [`Article`](crate::Article) was parsed from.
///
/// Every record in this crate carries a `Span`, so its raw text is always one slice away:
///
/// ```
/// use newswire::Span;
///
/// let src = "JAKARTA -- ASEAN leaders met.";
/// let span = Span::new(0, 7);
/// assert_eq!(&src[span], "JAKARTA");
/// assert_eq!(span.len(), 7);
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`. If `end < start`, the span is empty at `start`.
    pub const fn new(start: usize, end: usize) -> Self {
        let end = if end < start { start } else { end };
        Span { start, end }
    }

    /// Length in bytes.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no bytes.
    pub const fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The span as a `Range<usize>`.
    pub const fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// Whether `other` lies entirely inside this span.
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Number of bytes both spans cover.
    ///
    /// ```
    /// use newswire::Span;
    /// assert_eq!(Span::new(0, 10).overlap(Span::new(5, 20)), 5);
    /// assert_eq!(Span::new(0, 5).overlap(Span::new(5, 20)), 0);
    /// ```
    pub fn overlap(&self, other: Span) -> usize {
        self.end
            .min(other.end)
            .saturating_sub(self.start.max(other.start))
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The span moved `offset` bytes to the right (saturating).
    pub fn shift(&self, offset: usize) -> Span {
        Span::new(
            self.start.saturating_add(offset),
            self.end.saturating_add(offset),
        )
    }

    /// The text of this span, or `None` if it is out of bounds or not on char boundaries.
    pub fn get<'a>(&self, src: &'a str) -> Option<&'a str> {
        src.get(self.range())
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Self {
        Span::new(r.start, r.end)
    }
}

impl From<Span> for Range<usize> {
    fn from(s: Span) -> Self {
        s.range()
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

impl Index<Span> for str {
    type Output = str;

    /// Slices the text of a span.
    ///
    /// # Panics
    /// Like any string slice, if the span is out of bounds or not on char boundaries. Spans that
    /// this crate produces for the text they came from never are; use [`Span::get`] for others.
    fn index(&self, span: Span) -> &str {
        &self[span.range()]
    }
}

/// A 1-based line and column (in characters) of a byte offset, for messages a person reads.
///
/// ```
/// use newswire::Position;
///
/// let src = "first line\nsecond © line";
/// let pos = Position::of(src, 20);
/// assert_eq!((pos.line, pos.column), (2, 9));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Position {
    /// Line number, starting at 1. Lines end at `\n`.
    pub line: usize,
    /// Column in Unicode scalar values, starting at 1.
    pub column: usize,
}

impl Position {
    /// The position of byte `offset` in `src`. Offsets past the end or inside a character are
    /// clamped back to the nearest character boundary before them.
    pub fn of(src: &str, offset: usize) -> Position {
        let mut offset = offset.min(src.len());
        while !src.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &src.as_bytes()[..offset];
        let line = memchr::memchr_iter(b'\n', before).count() + 1;
        let line_start = memchr::memrchr(b'\n', before).map_or(0, |i| i + 1);
        let column = src[line_start..offset].chars().count() + 1;
        Position { line, column }
    }
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, column {}", self.line, self.column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn position_counts_lines_and_chars() {
        let src = "ab\ncd©e\n";
        assert_eq!(Position::of(src, 0), Position { line: 1, column: 1 });
        assert_eq!(Position::of(src, 3), Position { line: 2, column: 1 });
        // '©' is two bytes: offset 7 is 'e', the 4th character of line 2... 'c','d','©','e'
        assert_eq!(Position::of(src, 7), Position { line: 2, column: 4 });
        // inside '©' clamps back to its start
        assert_eq!(Position::of(src, 6), Position { line: 2, column: 3 });
        assert_eq!(Position::of(src, 999), Position { line: 3, column: 1 });
    }

    #[test]
    fn new_clamps_reversed_ranges() {
        assert_eq!(Span::new(5, 3), Span::new(5, 5));
        assert!(Span::new(5, 3).is_empty());
    }
}
