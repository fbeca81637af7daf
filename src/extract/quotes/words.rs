//! Words around a quotation and the small lexicons attribution needs.

use crate::extract::Sentence;
use crate::span::Span;
use std::borrow::Cow;
use std::cell::{Cell, OnceCell};

/// The words of an article's paragraphs, tokenized on first use a sentence at a time (a
/// paragraph at a time where it has no sentences), so that looking at the words around many
/// quotations costs at most one pass over the sentences they touch.
///
/// Sentences are separated by white space, which separates words too, so the words of a
/// paragraph are the words of its sentences one after the other: a window gives the same
/// words whichever way its paragraph is cut.
pub(super) struct Tokens<'a> {
    src: &'a str,
    paragraphs: Vec<Span>,
    /// The sentences (sorted, each inside the paragraph it names).
    sentences: &'a [Sentence],
    /// The words of each sentence, then of each paragraph as a whole (for paragraphs without
    /// sentences): the "units" tokenized one at a time.
    words: Vec<OnceCell<Vec<Word<'a>>>>,
    /// For each paragraph, the index of its first sentence (the number of sentences before
    /// it), and the number of sentences after the last: paragraph `i` has the sentences
    /// `first_sentence[i]..first_sentence[i + 1]`.
    first_sentence: Vec<usize>,
    /// The paragraph of the last window asked for, and its units.
    last: Cell<(usize, usize, usize)>,
    /// The last unit a window lay inside, and its span.
    last_unit: Cell<(usize, Span)>,
}

/// The partition point of `pred` in `items` (true then false), found by galloping from the
/// start: a window of a few words in a long paragraph costs the log of its own length.
fn gallop<T>(items: &[T], pred: impl Fn(&T) -> bool) -> usize {
    let (mut lo, mut step) = (0usize, 1usize);
    while let Some(x) = lo.checked_add(step).and_then(|e| items.get(e - 1)) {
        if !pred(x) {
            break;
        }
        lo += step;
        step = step.saturating_mul(2);
    }
    let hi = lo.saturating_add(step).min(items.len());
    lo + items.get(lo..hi).map_or(0, |s| s.partition_point(&pred))
}

/// The words of `ws` (sorted) that lie inside `window`.
fn inside<'w, 'a>(ws: &'w [Word<'a>], window: Span) -> &'w [Word<'a>] {
    let a = ws.partition_point(|w| w.span.start < window.start);
    let rest = ws.get(a..).unwrap_or(&[]);
    let b = a + gallop(rest, |w| w.span.end <= window.end);
    ws.get(a..b).unwrap_or(&[])
}

impl<'a> Tokens<'a> {
    /// Tokens for the paragraphs (sorted, non-overlapping spans) of `src`, cut into
    /// `sentences` (sorted; each inside the paragraph it names; separated from the next
    /// sentence of its paragraph by white space only, as the sentence splitter makes them).
    pub fn new(src: &'a str, paragraphs: Vec<Span>, sentences: &'a [Sentence]) -> Self {
        let words = (0..sentences.len() + paragraphs.len())
            .map(|_| OnceCell::new())
            .collect();
        // Sentences come in paragraph order: one pass gives every paragraph's first.
        let mut first_sentence = Vec::with_capacity(paragraphs.len() + 1);
        let mut j = 0;
        for i in 0..=paragraphs.len() {
            while sentences.get(j).is_some_and(|s| s.paragraph < i) {
                j += 1;
            }
            first_sentence.push(j);
        }
        Tokens {
            src,
            paragraphs,
            sentences,
            first_sentence,
            words,
            last: Cell::new((usize::MAX, 0, 0)),
            last_unit: Cell::new((usize::MAX, Span::new(0, 0))),
        }
    }

    /// The words that lie inside `window`: a slice of its sentence's words, the words of the
    /// sentences it spans, or, for a window that is not inside one paragraph, the words of the
    /// window itself.
    pub fn get(&self, window: Span) -> Cow<'_, [Word<'a>]> {
        // Windows come in runs inside one sentence: try the last one first.
        let (u, span) = self.last_unit.get();
        if span.contains(window) && u != usize::MAX {
            return Cow::Borrowed(self.inside_unit(u, span, window));
        }
        let Some((_, units)) = self.units_of(window) else {
            return Cow::Owned(words(self.src, window));
        };
        let mut units = units.take_while(|&u| self.unit(u).is_some_and(|s| s.start < window.end));
        let Some(first) = units.next() else {
            return Cow::Borrowed(&[]);
        };
        let Some(second) = units.next() else {
            let span = self.unit(first).unwrap_or(window);
            if span.contains(window) {
                self.last_unit.set((first, span));
            }
            return Cow::Borrowed(self.inside_unit(first, span, window));
        };
        if units.next().is_none() {
            let mut out = inside(self.unit_words(first), window).to_vec();
            out.extend_from_slice(inside(self.unit_words(second), window));
            return Cow::Owned(out);
        }
        // A window over three sentences or more (short ones, or a long window) is looked up in
        // the words of the whole paragraph, tokenized once for all such windows: the same words.
        let (paragraph, _, _) = self.last.get();
        Cow::Borrowed(inside(self.paragraph_words(paragraph), window))
    }

    /// Whether at most `max` words lie inside `window` (as [`get`](Tokens::get) gives them),
    /// tokenizing no further than it takes to tell.
    pub fn at_most(&self, window: Span, max: usize) -> bool {
        let Some((_, units)) = self.units_of(window) else {
            return words(self.src, window).len() <= max;
        };
        let mut n = 0usize;
        for u in units.take_while(|&u| self.unit(u).is_some_and(|s| s.start < window.end)) {
            n = n.saturating_add(inside(self.unit_words(u), window).len());
            if n > max {
                return false;
            }
        }
        true
    }

    /// The last of the words [`get`](Tokens::get) gives for `window`: the chunks of text
    /// before its end are read backwards, one at a time, without tokenizing the rest.
    pub fn last_in(&self, window: Span) -> Option<Word<'a>> {
        let Some((p, units)) = self.units_of(window) else {
            return self.get(window).last().copied();
        };
        // In a sentence already tokenized, the words are at hand.
        if let Some(ws) = self
            .last_unit_before(units, window.end)
            .and_then(|u| self.words.get(u)?.get())
        {
            let b = ws.partition_point(|w| w.span.end <= window.end);
            if let Some(&w) = b.checked_sub(1).and_then(|b| ws.get(b)) {
                return (w.span.start >= window.start).then_some(w);
            }
        }
        let text = self.src;
        let mut e = window.end;
        loop {
            // The last chunk that starts before `e`.
            let mut j = e;
            while j > p.start && separator_before(text, j).is_some_and(|(sep, _)| sep) {
                j -= separator_before(text, j).map_or(1, |(_, len)| len);
            }
            if j <= window.start {
                return None;
            }
            let mut start = j;
            while start > p.start {
                match separator_before(text, start) {
                    Some((false, len)) => start -= len,
                    _ => break,
                }
            }
            if let (Some(w), _) = chunk(text, start, p.end)
                && w.span.end <= window.end
            {
                return (w.span.start >= window.start).then_some(w);
            }
            e = start;
        }
    }

    /// The first of the words [`get`](Tokens::get) gives for `window`: the chunks of text
    /// from its start are read one at a time, without tokenizing the rest.
    pub fn first_in(&self, window: Span) -> Option<Word<'a>> {
        let Some((p, mut units)) = self.units_of(window) else {
            return self.get(window).first().copied();
        };
        // In a sentence already tokenized, the words are at hand.
        if let Some(ws) = units.next().and_then(|u| self.words.get(u)?.get()) {
            let a = ws.partition_point(|w| w.span.start < window.start);
            if let Some(&w) = ws.get(a) {
                return (w.span.end <= window.end).then_some(w);
            }
        }
        let text = self.src;
        // From the start of the chunk that holds the window's start.
        let mut start = window.start;
        while start > p.start {
            match separator_before(text, start) {
                Some((false, len)) => start -= len,
                _ => break,
            }
        }
        while start < p.end && start < window.end {
            match separator_at(text, start) {
                Some((true, len)) => start += len,
                Some((false, _)) => {
                    let (word, end) = chunk(text, start, p.end);
                    if let Some(w) = word
                        && w.span.start >= window.start
                    {
                        return (w.span.end <= window.end).then_some(w);
                    }
                    start = end;
                }
                None => return None,
            }
        }
        None
    }

    /// The words of unit `u` (whose span is `span`) inside `window`; the whole unit without a
    /// search when the window covers it.
    fn inside_unit(&self, u: usize, span: Span, window: Span) -> &[Word<'a>] {
        let ws = self.unit_words(u);
        // A window that starts (or ends) with the unit needs no search on that side.
        let a = if window.start <= span.start {
            0
        } else {
            ws.partition_point(|w| w.span.start < window.start)
        };
        let rest = ws.get(a..).unwrap_or(&[]);
        let b = if window.end >= span.end {
            ws.len()
        } else {
            a + gallop(rest, |w| w.span.end <= window.end)
        };
        ws.get(a..b).unwrap_or(&[])
    }

    /// The last of `units` (units of one paragraph) that starts before `at`, found by binary
    /// search.
    fn last_unit_before(&self, units: std::ops::Range<usize>, at: usize) -> Option<usize> {
        if units.is_empty() {
            return None;
        }
        let n = match self.sentences.get(units.clone()) {
            Some(sentences) if units.end <= self.sentences.len() => {
                sentences.partition_point(|s| s.span.start < at)
            }
            // The paragraph as one unit.
            _ => usize::from(self.unit(units.start).is_some_and(|s| s.start < at)),
        };
        units
            .start
            .checked_add(n)?
            .checked_sub(1)
            .filter(|&u| u >= units.start)
    }

    /// All the words of paragraph `i`, tokenized on first use.
    fn paragraph_words(&self, i: usize) -> &[Word<'a>] {
        // A paragraph's own unit: the words of the paragraph as a whole.
        let u = self.sentences.len().saturating_add(i);
        match (self.paragraphs.get(i), self.words.get(u)) {
            (Some(&span), Some(cell)) => cell.get_or_init(|| words(self.src, span)),
            _ => &[],
        }
    }

    /// The span of unit `u`.
    fn unit(&self, u: usize) -> Option<Span> {
        match u.checked_sub(self.sentences.len()) {
            None => self.sentences.get(u).map(|s| s.span),
            Some(p) => self.paragraphs.get(p).copied(),
        }
    }

    /// The words of unit `u`, tokenized on first use.
    fn unit_words(&self, u: usize) -> &[Word<'a>] {
        match (self.unit(u), self.words.get(u)) {
            (Some(span), Some(cell)) => cell.get_or_init(|| words(self.src, span)),
            _ => &[],
        }
    }

    /// The paragraph holding `window`, if one does, and its units from the first that ends
    /// after the window's start.
    fn units_of(&self, window: Span) -> Option<(Span, std::ops::Range<usize>)> {
        // Windows come in runs inside one paragraph: try the last one first.
        let (last, mut a, mut b) = self.last.get();
        let p = match self.paragraphs.get(last) {
            Some(&p) if p.contains(window) => p,
            _ => {
                let i = self
                    .paragraphs
                    .partition_point(|p| p.start <= window.start)
                    .checked_sub(1)?;
                let p = *self.paragraphs.get(i)?;
                if !p.contains(window) {
                    return None;
                }
                a = *self.first_sentence.get(i)?;
                b = *self.first_sentence.get(i + 1)?;
                if a == b {
                    // No sentences: the paragraph is its own unit.
                    a = self.sentences.len() + i;
                    b = a + 1;
                }
                self.last.set((i, a, b));
                p
            }
        };
        let skip = match self.sentences.get(a..b) {
            Some(sentences) if b <= self.sentences.len() => {
                sentences.partition_point(|s| s.span.end <= window.start)
            }
            // The paragraph as one unit.
            _ => usize::from(p.end <= window.start),
        };
        Some((p, a + skip..b))
    }
}

/// Whether the character at byte `i` of `text` separates words, and its length; `None` at the
/// end or off a character boundary.
#[inline]
fn separator_at(text: &str, i: usize) -> Option<(bool, usize)> {
    let &b = text.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((ASCII_SEPARATOR[usize::from(b)], 1));
    }
    let c = text.get(i..)?.chars().next()?;
    Some((separates(c), c.len_utf8()))
}

/// Whether the character that ends at byte `i` of `text` separates words, and its length.
#[inline]
fn separator_before(text: &str, i: usize) -> Option<(bool, usize)> {
    let &b = text.as_bytes().get(i.checked_sub(1)?)?;
    if b < 0x80 {
        return Some((ASCII_SEPARATOR[usize::from(b)], 1));
    }
    let c = text.get(..i)?.chars().next_back()?;
    Some((separates(c), c.len_utf8()))
}

/// The chunk (a run of characters that do not separate words) that starts at `start` and
/// runs at most to `limit`: its word, as [`words`] gives it, and its end.
fn chunk(text: &str, start: usize, limit: usize) -> (Option<Word<'_>>, usize) {
    let bytes = text.as_bytes();
    let limit = limit.min(bytes.len());
    let mut i = start;
    let mut first = usize::MAX;
    let mut last = start;
    while i < limit {
        let b = bytes[i];
        if b.is_ascii() {
            if ASCII_SEPARATOR[usize::from(b)] {
                break;
            }
            if b.is_ascii_alphanumeric() {
                first = first.min(i);
                last = i + 1;
            }
            i += 1;
        } else {
            let Some(c) = text.get(i..).and_then(|r| r.chars().next()) else {
                break;
            };
            if separates(c) {
                break;
            }
            if c.is_alphanumeric() {
                first = first.min(i);
                last = i + c.len_utf8();
            }
            i += c.len_utf8();
        }
    }
    let word = (first != usize::MAX)
        .then(|| {
            Some(Word {
                text: text.get(first..last)?,
                span: Span::new(first, last),
                after: text.get(last..i)?,
                before: text.get(start..first)?,
            })
        })
        .flatten();
    (word, i)
}

/// Whether a non-ASCII character separates words (white space and double quote marks).
fn separates(c: char) -> bool {
    c.is_whitespace() || matches!(c, '“' | '”' | '„')
}

/// Whether an ASCII byte separates words: white space, `"` and `` ` ``.
static ASCII_SEPARATOR: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = c.is_ascii_whitespace() || c == 0x0B || c == b'"' || c == b'`';
        b += 1;
    }
    t
};

/// A word of the text with the punctuation glued to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Word<'a> {
    /// The word without leading and trailing punctuation (an abbreviation keeps its inner dots:
    /// `U.S`, `Mr`).
    pub text: &'a str,
    /// Byte span of [`text`](Word::text) in the source.
    pub span: Span,
    /// The punctuation right after the word (`,` in `Flynn,`), or `""`.
    pub after: &'a str,
    /// The punctuation right before the word (`(` in `(AP`), or `""`.
    pub before: &'a str,
}

impl Word<'_> {
    /// Whether the word starts with an upper-case letter.
    pub fn is_capitalized(&self) -> bool {
        match self.text.as_bytes().first() {
            Some(&b) if b.is_ascii() => b.is_ascii_uppercase(),
            _ => self.text.chars().next().is_some_and(char::is_uppercase),
        }
    }

    /// Whether a comma (or semicolon, colon, dash) follows the word.
    pub fn ends_clause(&self) -> bool {
        self.after
            .chars()
            .any(|c| matches!(c, ',' | ';' | ':' | '—' | '–'))
    }

    /// Whether a sentence could end after this word: a period (that is not an abbreviation's),
    /// `!` or `?`.
    #[inline]
    pub fn ends_sentence(&self) -> bool {
        // Most words have nothing after them: told here, where the caller is.
        !self.after.is_empty() && self.ends_sentence_after()
    }

    /// [`ends_sentence`](Word::ends_sentence) of a word with something after it.
    fn ends_sentence_after(&self) -> bool {
        if self.after.contains([')', ',']) {
            return false; // `(D-Mo.)`, `R-Ky.,`
        }
        if self.after.contains(['!', '?']) {
            return true;
        }
        self.after.starts_with('.') && !is_abbreviation(self.text)
    }
}

/// The words of `src[range]`.
///
/// The text is read 64 bytes at a time: which bytes separate words and which belong to letters
/// or digits, as two bit masks (the ASCII bytes by vector compares, the bytes of other
/// characters by decoding them), and the edges of the words read off the masks.
pub(super) fn words(src: &str, range: Span) -> Vec<Word<'_>> {
    let Some(text) = src.get(range.range()) else {
        return Vec::new();
    };
    let bytes = text.as_bytes();
    // News prose averages a word every six bytes; a little more room avoids growing.
    let mut out = Vec::with_capacity(bytes.len() / 4 + 2);
    // The chunk being read (a run of bytes that do not separate words): its start, and the
    // start of its first letter or digit and the end of its last, once there is one.
    let mut chunk: Option<usize> = None;
    let mut first = usize::MAX;
    let mut last = 0usize;
    // Most words have no punctuation around them: slice (and check) only what is there.
    let piece = |a: usize, b: usize| if a == b { "" } else { &text[a..b] };
    // The word of the chunk `start..end` whose letters and digits run from `first` to `last`
    // (`first` is `usize::MAX` if it has none). A macro, so that both uses are inlined.
    macro_rules! push {
        ($start:expr, $first:expr, $last:expr, $end:expr) => {
            let (start, first, last, end) = ($start, $first, $last, $end);
            if first != usize::MAX {
                out.push(Word {
                    text: &text[first..last],
                    span: Span::new(range.start + first, range.start + last),
                    after: piece(last, end),
                    before: piece(start, first),
                });
            }
        };
    }
    let mut spill = Spill::default();
    let mut base = 0usize;
    while base < bytes.len() {
        let (separators, alnum) = block_classes(src, range.start + base, range.end, &mut spill);
        let mut pos = 0u32;
        loop {
            let ahead = bits_from(pos);
            match chunk {
                Some(start) => {
                    // The chunk runs to the next separator, or on into the next block.
                    let seps = separators & ahead;
                    let end = if seps == 0 { 64 } else { seps.trailing_zeros() };
                    let a = alnum & ahead & !bits_from(end);
                    if a != 0 {
                        if first == usize::MAX {
                            first = base + a.trailing_zeros() as usize;
                        }
                        last = base + 64 - a.leading_zeros() as usize;
                    }
                    if end == 64 {
                        break;
                    }
                    push!(start, first, last, base + end as usize);
                    (chunk, first, pos) = (None, usize::MAX, end);
                }
                None => {
                    let rest = !separators & ahead;
                    if rest == 0 {
                        break;
                    }
                    pos = rest.trailing_zeros();
                    chunk = Some(base + pos as usize);
                }
            }
        }
        base += 64;
    }
    if let Some(start) = chunk {
        push!(start, first, last, bytes.len());
    }
    out
}

/// The bits from `i` up (none for `i >= 64`).
#[inline]
fn bits_from(i: u32) -> u64 {
    u64::MAX.checked_shl(i).unwrap_or(0)
}

/// A character that starts in one 64-byte block and ends in the next: where it ends and its
/// class.
#[derive(Clone, Copy)]
struct Spill {
    end: usize,
    class: Class,
}

impl Default for Spill {
    fn default() -> Self {
        Spill {
            end: 0,
            class: Class::Other,
        }
    }
}

/// The separators and the bytes of letters and digits among the 64 bytes of `src` at `base`,
/// as bit masks; the bytes from `end` on count as separators. `spill` carries a character
/// that runs over from one block into the next.
///
/// The block is read from the whole text, which mostly runs on past `end`, rather than from
/// the window, so that it is rarely copied to be padded.
#[inline]
fn block_classes(src: &str, base: usize, end: usize, spill: &mut Spill) -> (u64, u64) {
    use crate::simd::{byte_classes64, eq3_mask64, with_block};
    let bytes = src.as_bytes();
    let (ascii_separators, classes) = with_block(bytes, base, |block| {
        // White space (`\t`, `\n`, vertical tab, form feed, `\r`, space), `"` and `` ` ``.
        let separators = eq3_mask64(block, b'\t', b'\n', 0x0B)
            | eq3_mask64(block, 0x0C, b'\r', b' ')
            | eq3_mask64(block, b'"', b'`', b' ');
        (separators, byte_classes64(block))
    });
    let valid = match end.min(bytes.len()).saturating_sub(base) {
        n if n >= 64 => u64::MAX,
        n => (1u64 << n) - 1,
    };
    let mut separators = ascii_separators | !valid;
    let mut alnum = (classes.lower | classes.upper | classes.digit) & valid;
    let mut high = classes.non_ascii & valid;
    if high == 0 {
        return (separators, alnum);
    }
    let mut mark = |class: Class, bits: u64| match class {
        Class::Separator => separators |= bits,
        Class::Alphanumeric => alnum |= bits,
        Class::Other => {}
    };
    // The rest of a character begun in the block before.
    if spill.end > base {
        let bits = !bits_from(u32::try_from(spill.end - base).unwrap_or(64));
        mark(spill.class, bits);
        high &= !bits;
    }
    while high != 0 {
        let i = high.trailing_zeros();
        let at = base + i as usize;
        let (class, len) = class_at(src, at);
        let end = i.saturating_add(u32::try_from(len).unwrap_or(4));
        let bits = bits_from(i) & !bits_from(end);
        mark(class, bits);
        high &= !bits;
        *spill = Spill {
            end: at + len,
            class,
        };
    }
    (separators, alnum)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Whitespace and double quote marks: they separate words (`said,“We` is two words).
    Separator,
    Alphanumeric,
    Other,
}

/// The class of the character at byte `i` of `text` (a char boundary) and its length; a table
/// lookup for ASCII.
#[inline]
fn class_at(text: &str, i: usize) -> (Class, usize) {
    const fn table() -> [Class; 128] {
        let mut t = [Class::Other; 128];
        let mut b = 0;
        while b < 128 {
            let c = b as u8;
            t[b] = if c.is_ascii_alphanumeric() {
                Class::Alphanumeric
            } else if c.is_ascii_whitespace() || c == 0x0B || c == b'"' || c == b'`' {
                Class::Separator
            } else {
                Class::Other
            };
            b += 1;
        }
        t
    }
    const ASCII: [Class; 128] = table();
    match text.as_bytes().get(i) {
        Some(&b) if b < 0x80 => (ASCII[b as usize], 1),
        _ => match text.get(i..).and_then(|r| r.chars().next()) {
            Some(c) => {
                let class = if c.is_whitespace() || matches!(c, '“' | '”' | '„') {
                    Class::Separator
                } else if c.is_alphanumeric() {
                    Class::Alphanumeric
                } else {
                    Class::Other
                };
                (class, c.len_utf8())
            }
            None => (Class::Separator, 1),
        },
    }
}

/// Whether `word` (without its final period) is an abbreviation that usually does not end a
/// sentence.
pub(super) fn is_abbreviation(word: &str) -> bool {
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return true; // an initial
    }
    if word.contains('.') {
        return true; // `U.S`, `D.C`
    }
    matches!(
        word,
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "Sen"
            | "Rep"
            | "Gov"
            | "Gen"
            | "Lt"
            | "Col"
            | "Sgt"
            | "Rev"
            | "St"
            | "Jr"
            | "Sr"
            | "No"
            | "Prof"
            | "Capt"
            | "Adm"
            | "Maj"
            | "Cmdr"
            | "Supt"
            | "Lt.Gov"
            | "Jan"
            | "Feb"
            | "Aug"
            | "Sept"
            | "Oct"
            | "Nov"
            | "Dec"
            | "vs"
            | "Inc"
            | "Co"
            | "Corp"
    )
}

/// A word list as both an array (to build a [`two_letter_starts`] table from) and a `match`
/// (which compiles to a test of the length and a few bytes).
macro_rules! word_list {
    ($(#[$doc:meta])* $array:ident, $matcher:ident, [$($w:literal),* $(,)?]) => {
        $(#[$doc])*
        const $array: &[&str] = &[$($w),*];

        #[inline]
        fn $matcher(word: &str) -> bool {
            matches!(word, $($w)|*)
        }
    };
}

word_list!(
    /// Verbs (and heads of phrases) that introduce reported speech.
    CUES,
    in_cue_list,
    [
    "acknowledged",
    "acknowledges",
    "added",
    "adding",
    "adds",
    "admits",
    "admitted",
    "affirmed",
    "agreed",
    "announced",
    "announces",
    "answered",
    "argued",
    "argues",
    "arguing",
    "asked",
    "asking",
    "asks",
    "assured",
    "blasted",
    "boasted",
    "bragged",
    "branded",
    "called",
    "calling",
    "cautioned",
    "chanted",
    "charged",
    "claimed",
    "claiming",
    "claims",
    "complained",
    "complains",
    "conceded",
    "concedes",
    "concluded",
    "confirmed",
    "contended",
    "continued",
    "continues",
    "countered",
    "declared",
    "declares",
    "declaring",
    "demanded",
    "described",
    "describes",
    "describing",
    "dubbed",
    "elaborated",
    "emphasized",
    "exclaimed",
    "explained",
    "explains",
    "insisted",
    "insisting",
    "insists",
    "interjected",
    "joked",
    "jokes",
    "labeled",
    "lamented",
    "maintained",
    "mocked",
    "mused",
    "noted",
    "notes",
    "noting",
    "observed",
    "opined",
    "pleaded",
    "posted",
    "predicted",
    "predicts",
    "proclaimed",
    "promised",
    "promises",
    "quipped",
    "quips",
    "read",
    "reads",
    "recalled",
    "recalling",
    "recalls",
    "recounted",
    "reiterated",
    "remarked",
    "replied",
    "replies",
    "reported",
    "reports",
    "responded",
    "responds",
    "retorted",
    "said",
    "say",
    "saying",
    "says",
    "scoffed",
    "screamed",
    "shouted",
    "snapped",
    "speculated",
    "stated",
    "states",
    "stressed",
    "suggested",
    "suggests",
    "tell",
    "telling",
    "tells",
    "testified",
    "thundered",
    "told",
    "tweeted",
    "tweeting",
    "tweets",
    "urged",
    "urges",
    "vowed",
    "vows",
    "warned",
    "warning",
    "warns",
    "whispered",
    "wondered",
    "writes",
    "writing",
    "wrote",
    "yelled",
]
);

word_list!(
    /// Verbs that attribute words to their subject less often than a [`CUES`] word does
    /// (`cited`, `praised`, `referred to`): a speaker is looked for beside them, but the
    /// short-quotation scorer, whose weights were fitted on [`CUES`], does not count them.
    ATTRIBUTING_VERBS,
    in_attributing_verb_list,
    [
    "accused",
    "accuses",
    "alleged",
    "alleges",
    "asserted",
    "asserting",
    "asserts",
    "bemoaned",
    "cited",
    "cites",
    "citing",
    "commented",
    "conceding",
    "concludes",
    "confessed",
    "confided",
    "criticized",
    "decried",
    "decries",
    "denounced",
    "denouncing",
    "deplored",
    "derided",
    "dismissed",
    "echoed",
    "explaining",
    "griped",
    "hailed",
    "implored",
    "lamenting",
    "laments",
    "muttered",
    "objected",
    "observes",
    "pledged",
    "pledges",
    "pledging",
    "praised",
    "praising",
    "protested",
    "quoted",
    "railed",
    "reasoned",
    "recounts",
    "reminded",
    "repeated",
    "retorts",
    "ridiculed",
    "scolded",
    "sighed",
    "slammed",
    "swore",
    "termed",
    "touted",
    "underscored",
    "vowing",
]
);

/// The two-letter starts of [`ATTRIBUTING_VERBS`].
static ATTRIBUTING_STARTS: [u32; 26] = two_letter_starts(ATTRIBUTING_VERBS);

/// Whether `word` is a [`CUES`] word or one of the [`ATTRIBUTING_VERBS`]: a verb whose subject
/// is the speaker of the words it reports.
pub(super) fn is_attributing(word: &str) -> bool {
    is_cue(word) || is_attributing_verb(word)
}

/// Whether `word` is one of the [`ATTRIBUTING_VERBS`] (and so no [`CUES`] word).
pub(super) fn is_attributing_verb(word: &str) -> bool {
    may_start(&ATTRIBUTING_STARTS, word) && in_attributing_verb_list(word)
}

/// The two-letter starts of [`CUES`] and [`ATTRIBUTING_VERBS`] together.
static ANY_ATTRIBUTING_STARTS: [u32; 26] = {
    let mut table = CUE_STARTS;
    let mut i = 0;
    while i < 26 {
        table[i] |= ATTRIBUTING_STARTS[i];
        i += 1;
    }
    table
};

/// A word that attributes words to a speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Attributing {
    /// A [`CUES`] word.
    Cue,
    /// One of the [`ATTRIBUTING_VERBS`].
    Verb,
}

/// Which kind of attributing word `word` is, if any, with one look at a table for most words.
#[inline]
pub(super) fn attributing(word: &str) -> Option<Attributing> {
    if !may_start(&ANY_ATTRIBUTING_STARTS, word) {
        return None;
    }
    if in_cue_list(word) {
        Some(Attributing::Cue)
    } else if in_attributing_verb_list(word) {
        Some(Attributing::Verb)
    } else {
        None
    }
}

/// The two-letter starts of [`CUES`].
static CUE_STARTS: [u32; 26] = two_letter_starts(CUES);

/// For a list of lower-case ASCII words: per first letter, the bit set of the second letters
/// that follow it (bit 26 for a word of one letter). A word whose start is not in the table is
/// not in the list, which rules out most words for the cost of two loads.
pub(super) const fn two_letter_starts(list: &[&str]) -> [u32; 26] {
    let mut table = [0u32; 26];
    let mut i = 0;
    while i < list.len() {
        let w = list[i].as_bytes();
        if !w.is_empty() && w[0].is_ascii_lowercase() {
            let bit = if w.len() > 1 && w[1].is_ascii_lowercase() {
                w[1] - b'a'
            } else {
                26
            };
            table[(w[0] - b'a') as usize] |= 1 << bit;
        }
        i += 1;
    }
    table
}

/// Whether `word` starts like some word of the list `table` was built from.
#[inline]
pub(super) fn may_start(table: &[u32; 26], word: &str) -> bool {
    let w = word.as_bytes();
    let Some(&first) = w.first() else {
        return false;
    };
    if !first.is_ascii_lowercase() {
        return false;
    }
    let bit = match w.get(1) {
        Some(&c) if c.is_ascii_lowercase() => c - b'a',
        _ => 26,
    };
    table[usize::from(first - b'a')] & (1 << bit) != 0
}

/// Whether `word` is a verb (or the head of a phrase) that introduces reported speech.
/// Only lower-case words count: `States` in `United States` is no cue.
pub(super) fn is_cue(word: &str) -> bool {
    may_start(&CUE_STARTS, word) && in_cue_list(word)
}

/// Nouns for words someone said or wrote (`claim`, `remark`, `warning`), whose possessor is
/// their speaker (`Berg's claim that "`).
pub(super) fn is_speech_noun(word: &str) -> bool {
    matches!(
        word,
        "accusation"
            | "admission"
            | "answer"
            | "argument"
            | "assertion"
            | "call"
            | "characterization"
            | "charge"
            | "claim"
            | "claims"
            | "comment"
            | "comments"
            | "complaint"
            | "contention"
            | "declaration"
            | "demand"
            | "description"
            | "insistence"
            | "message"
            | "plea"
            | "pledge"
            | "prediction"
            | "promise"
            | "remark"
            | "remarks"
            | "reply"
            | "response"
            | "statement"
            | "suggestion"
            | "threat"
            | "tweet"
            | "vow"
            | "warning"
            | "words"
    )
}

/// Words that sit between a speaker and the cue without being part of either (`had said`,
/// `also told`, `later wrote`).
pub(super) fn is_filler(word: &str) -> bool {
    matches!(
        word,
        "had"
            | "has"
            | "have"
            | "was"
            | "is"
            | "were"
            | "are"
            | "would"
            | "will"
            | "also"
            | "later"
            | "then"
            | "once"
            | "again"
            | "previously"
            | "recently"
            | "simply"
            | "just"
            | "reportedly"
            | "allegedly"
            | "famously"
            | "further"
            | "has also"
            | "had also"
            | "did"
            | "does"
            | "could"
            | "might"
            | "may"
            | "can"
            | "not"
            | "never"
            | "often"
            | "always"
            | "even"
            | "still"
            | "yet"
            | "now"
            | "today"
            | "yesterday"
    ) || (word.len() > 4 && word.ends_with("ly") && word.chars().all(|c| c.is_ascii_lowercase()))
}

/// Words that end a speaker phrase when read leftwards from a cue: the speaker starts after them.
pub(super) fn is_phrase_boundary(word: &str) -> bool {
    matches!(
        word,
        "that"
            | "and"
            | "but"
            | "or"
            | "which"
            | "because"
            | "while"
            | "when"
            | "as"
            | "if"
            | "so"
            | "than"
            | "after"
            | "before"
            | "since"
            | "though"
            | "although"
            | "whom"
            | "where"
            | "what"
            | "why"
            | "how"
            | "until"
            | "whether"
            | "And"
            | "But"
            | "As"
            | "When"
            | "While"
            | "So"
            | "If"
            | "After"
            | "Before"
            | "Since"
            | "Though"
            | "Although"
    )
}

/// Words that start an adverbial after a cue, ending the speaker phrase read rightwards
/// (`said Price in a statement`).
pub(super) fn is_preposition(word: &str) -> bool {
    matches!(
        word,
        "in" | "on"
            | "of"
            | "at"
            | "during"
            | "after"
            | "before"
            | "when"
            | "while"
            | "to"
            | "from"
            | "for"
            | "with"
            | "about"
            | "that"
            | "who"
            | "which"
            | "as"
            | "last"
            | "this"
            | "earlier"
            | "recently"
            | "later"
            | "via"
            | "through"
            | "told"
            | "adding"
            | "according"
    )
}

/// Time words a cue may be followed by before the speaker (`said Thursday Ned Price`).
pub(super) fn is_time_word(word: &str) -> bool {
    matches!(
        word,
        "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
            | "today"
            | "yesterday"
            | "tonight"
            | "morning"
            | "afternoon"
            | "evening"
            | "night"
            | "recently"
            | "later"
            | "earlier"
            | "also"
            | "then"
            | "once"
            | "again"
    )
}

/// Personal pronouns that can be the subject of a cue.
pub(super) fn is_pronoun(word: &str) -> bool {
    matches!(
        word,
        "he" | "she" | "they" | "I" | "we" | "He" | "She" | "They" | "We" | "it" | "It" | "who"
    )
}

/// Pronouns that refer back to one named person, resolved to that person.
pub(super) fn is_person_pronoun(word: &str) -> bool {
    matches!(word, "he" | "she" | "He" | "She" | "who")
}

/// A determiner capitalized to open a sentence or a headline word (`The`, `This`, `Their`),
/// which opens no name.
pub(super) fn is_capitalized_determiner(word: &str) -> bool {
    matches!(
        word,
        "The"
            | "A"
            | "An"
            | "His"
            | "Her"
            | "Their"
            | "Its"
            | "Our"
            | "My"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "Some"
            | "Many"
            | "Several"
            | "Both"
            | "Another"
            | "Other"
    )
}

/// Words that may open a speaker phrase written in lower case (`the statement said`).
pub(super) fn is_determiner(word: &str) -> bool {
    matches!(
        word,
        "the"
            | "a"
            | "an"
            | "his"
            | "her"
            | "their"
            | "its"
            | "one"
            | "another"
            | "some"
            | "many"
            | "several"
            | "both"
            | "two"
            | "three"
            | "our"
            | "my"
            | "this"
            | "that"
            | "these"
            | "those"
            | "former"
            | "other"
            | "others"
            | "critics"
            | "officials"
            | "aides"
            | "supporters"
            | "analysts"
            | "experts"
            | "sources"
            | "residents"
            | "people"
            | "voters"
    )
}

/// Titles that mark the next capitalized words as a person's name.
pub(super) fn is_title(word: &str) -> bool {
    matches!(
        word,
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "Sen"
            | "Rep"
            | "Gov"
            | "Gen"
            | "President"
            | "Senator"
            | "Governor"
            | "Secretary"
            | "Minister"
            | "Judge"
            | "Justice"
            | "Speaker"
            | "Mayor"
            | "Rev"
            | "Prof"
    )
}

/// Capitalized words that open an introductory phrase rather than a subject
/// (`On Friday, ...`, `Asked about it, ...`).
pub(super) fn is_intro(word: &str) -> bool {
    matches!(
        word,
        "On" | "In"
            | "At"
            | "After"
            | "Before"
            | "Following"
            | "During"
            | "Since"
            | "When"
            | "While"
            | "As"
            | "If"
            | "Though"
            | "Although"
            | "But"
            | "And"
            | "So"
            | "Still"
            | "However"
            | "Meanwhile"
            | "Asked"
            | "Speaking"
            | "Last"
            | "This"
            | "Earlier"
            | "Later"
            | "Yet"
            | "Also"
            | "Then"
            | "Instead"
            | "Now"
            | "For"
            | "With"
            | "By"
            | "From"
            | "Of"
            | "To"
            | "Under"
            | "Until"
            | "Because"
            | "Despite"
            | "Like"
            | "Unlike"
            | "Even"
            | "Indeed"
            | "Moreover"
            | "Separately"
            | "Previously"
            | "Today"
            | "Yesterday"
            | "Tonight"
            | "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
            | "First"
            | "Second"
            | "Finally"
            | "Hours"
            | "Days"
            | "Which"
            | "Here"
            | "Unless"
            | "Only"
            | "More"
            | "Ask"
    )
}

/// Nouns that name the title quoted after them (`the show "Today"`, `his book "Crippled
/// America"`).
pub(super) fn is_title_noun(word: &str) -> bool {
    matches!(
        word,
        "show"
            | "book"
            | "books"
            | "film"
            | "movie"
            | "documentary"
            | "program"
            | "programme"
            | "series"
            | "episode"
            | "titled"
            | "entitled"
            | "called"
            | "named"
            | "dubbed"
            | "headlined"
            | "song"
            | "album"
            | "magazine"
            | "newspaper"
            | "column"
            | "play"
            | "musical"
            | "memoir"
            | "novel"
            | "podcast"
            | "sitcom"
            | "drama"
            | "comedy"
            | "thriller"
            | "hit"
            | "website"
            | "blog"
            | "article"
            | "essay"
            | "op-ed"
            | "report"
            | "study"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokenizer written plainly, char by char: chunks between separators (white space,
    /// `"`, `` ` ``, `“`, `”`, `„`), each a word from its first to its last letter or digit.
    fn words_reference(src: &str, range: Span) -> Vec<Word<'_>> {
        let text = &src[range.range()];
        let separates = |c: char| c.is_whitespace() || matches!(c, '"' | '`' | '“' | '”' | '„');
        let mut out = Vec::new();
        let mut chunks = Vec::new();
        let mut start = None;
        for (i, c) in text.char_indices() {
            match (separates(c), start) {
                (true, Some(s)) => {
                    chunks.push((s, i));
                    start = None;
                }
                (false, None) => start = Some(i),
                _ => {}
            }
        }
        if let Some(s) = start {
            chunks.push((s, text.len()));
        }
        for (s, e) in chunks {
            let chunk = &text[s..e];
            let alnum: Vec<(usize, char)> = chunk
                .char_indices()
                .filter(|(_, c)| c.is_alphanumeric())
                .collect();
            let (Some(&(a, _)), Some(&(b, c))) = (alnum.first(), alnum.last()) else {
                continue;
            };
            let (first, last) = (s + a, s + b + c.len_utf8());
            out.push(Word {
                text: &text[first..last],
                span: Span::new(range.start + first, range.start + last),
                after: &text[last..e],
                before: &text[s..first],
            });
        }
        out
    }

    /// Text made of pieces that exercise every branch of the tokenizer: ASCII and non-ASCII
    /// letters, digits, punctuation, white space and quote marks of every kind.
    fn token_text() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let pieces = prop::sample::select(vec![
            " ",
            "  ",
            "\n",
            "\t",
            "\u{0B}",
            "\u{0C}",
            "\r",
            "\u{a0}",
            "\u{2003}",
            "\u{85}",
            "\"",
            "`",
            "``",
            "“",
            "”",
            "„",
            "‘",
            "’",
            "'",
            ",",
            ".",
            "(",
            ")",
            "—",
            "-",
            "U.S.",
            "said",
            "Price",
            "é",
            "Ünal",
            "日本",
            "x",
            "42",
            "1.2",
            "don't",
            "O’Brien",
            "’90s",
            "…",
            "?!",
            ":",
            "@",
            "#",
            "\u{1F600}",
            "٣",
            "ǅ",
        ]);
        prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
    }

    proptest::proptest! {
        #[test]
        fn tokenizer_agrees_with_the_plain_one(text in token_text(), a in 0usize..400, b in 0usize..400) {
            let full = Span::new(0, text.len());
            proptest::prop_assert_eq!(words(&text, full), words_reference(&text, full));
            // Any window on char boundaries, shifted into a larger source.
            let (a, b) = (a.min(b).min(text.len()), a.max(b).min(text.len()));
            if text.is_char_boundary(a) && text.is_char_boundary(b) {
                let span = Span::new(a, b);
                proptest::prop_assert_eq!(words(&text, span), words_reference(&text, span));
            }
        }
    }

    /// Article text with several paragraphs and sentences, quotations and odd white space.
    fn article_text() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let pieces = prop::sample::select(vec![
            " ",
            " ",
            "\n\n",
            "\n",
            "\u{a0}",
            "\u{2003}",
            ". ",
            "? ",
            "! ",
            ".\" ",
            "…” ",
            "said",
            "Price",
            "U.S.",
            "Mr.",
            "“We",
            "agree,”",
            "\"Yes,\"",
            "‘no’",
            "'90s",
            "—",
            "(AP)",
            "é",
            "Ünal",
            "42.",
            "x",
            ":",
            "``It",
            "works,''",
            "-- ",
        ]);
        prop::collection::vec(pieces, 0..80).prop_map(|v| v.concat())
    }

    proptest::proptest! {
        #[test]
        fn sentence_tokens_agree_with_whole_paragraphs(
            text in article_text(),
            windows in proptest::collection::vec((0usize..500, 0usize..500), 1..24),
        ) {
            let article = crate::parse(&text).expect("lenient parsing accepts any text");
            let analysis = crate::extract::Analysis::new(&article);
            let src = article.source();
            let paragraphs: Vec<Span> = article.paragraphs.iter().map(|p| p.span).collect();
            let tk = Tokens::new(src, paragraphs.clone(), analysis.sentences());
            for (a, b) in windows {
                let floor = |mut i: usize| {
                    i = i.min(src.len());
                    while !src.is_char_boundary(i) {
                        i -= 1;
                    }
                    i
                };
                let window = Span::new(floor(a.min(b)), floor(a.max(b)));
                // Tokenizing the whole paragraph, as before sentences were units.
                let want: Vec<Word<'_>> = match paragraphs.iter().find(|p| p.contains(window)) {
                    Some(&p) => words(src, p)
                        .into_iter()
                        .filter(|w| w.span.start >= window.start && w.span.end <= window.end)
                        .collect(),
                    None => words(src, window),
                };
                proptest::prop_assert_eq!(tk.get(window).to_vec(), want.clone(), "{:?}", window);
                proptest::prop_assert_eq!(tk.last_in(window), want.last().copied());
                proptest::prop_assert_eq!(tk.first_in(window), want.first().copied());
                for max in [0, 1, 3, 10] {
                    proptest::prop_assert_eq!(tk.at_most(window, max), want.len() <= max);
                }
            }
        }
    }

    #[test]
    fn tokenizer_keeps_punctuation_beside_words() {
        let text = "“We agree,” said (AP) U.S. envoys—twice. ’90s \u{a0}ok… -";
        let got: Vec<(&str, &str, &str)> = words(text, Span::new(0, text.len()))
            .iter()
            .map(|w| (w.before, w.text, w.after))
            .collect();
        assert_eq!(
            got,
            [
                ("", "We", ""),
                ("", "agree", ","),
                ("", "said", ""),
                ("(", "AP", ")"),
                ("", "U.S", "."),
                ("", "envoys—twice", "."),
                ("’", "90s", ""),
                ("", "ok", "…"),
            ]
        );
        assert_eq!(words(text, Span::new(3, 1_000)), Vec::new());
    }

    #[test]
    fn every_listed_cue_passes_the_prefilter() {
        assert!(CUES.iter().all(|w| is_cue(w)));
        assert!(
            ATTRIBUTING_VERBS
                .iter()
                .all(|w| is_attributing(w) && !is_cue(w))
        );
        assert!(
            CUES.iter()
                .all(|w| attributing(w) == Some(Attributing::Cue))
        );
        assert!(
            ATTRIBUTING_VERBS
                .iter()
                .all(|w| attributing(w) == Some(Attributing::Verb))
        );
        for w in ["the", "States", "", "saidx", "é", "Said", "according"] {
            assert_eq!(attributing(w), None, "{w}");
        }
    }

    #[test]
    fn cues() {
        for w in ["said", "told", "according", "tweeted", "quipped"] {
            assert_eq!(is_cue(w), w != "according", "{w}");
        }
        for w in ["Said", "States", "the", "", "s", "sa", "saidx", "é"] {
            assert!(!is_cue(w), "{w}");
        }
    }
}
