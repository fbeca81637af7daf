//! Figures: numeric facts with their approximators, units and events.

use super::scan::LEX_NUMBER;
use super::{Analysis, Extractor};
use crate::gazetteer::Token;
use crate::span::Span;
use serde::Serialize;
use std::borrow::Cow;

/// Finds numeric facts: `more than 750 people dead`, `over 270 civilians have been killed`,
/// `10 people and three companies`, `1.2 mln tonnes`, `between 20 and 30 soldiers`, `dozens of
/// protesters`. Numbers are read in digits and in words; dates, years and times are left to
/// the time extractors.
///
/// ```
/// use newswire::extract::{Analysis, Approximator, Extractor, Figures};
///
/// let src = "Protests have left more than 750 people dead. Sanctions hit 10 people and three companies.";
/// let article = newswire::parse(src)?;
/// let figures = Figures::default().extract(&Analysis::new(&article));
/// assert_eq!(figures.len(), 3);
///
/// let dead = &figures[0];
/// assert_eq!(&src[dead.span], "more than 750 people dead");
/// assert_eq!((dead.value, dead.min, dead.max), (750.0, Some(750.0), None));
/// assert_eq!(dead.approximator, Some(Approximator::MoreThan));
/// assert_eq!(dead.unit.as_deref(), Some("people"));
/// assert_eq!(dead.event.as_deref(), Some("dead"));
///
/// assert_eq!(figures[2].value, 3.0);
/// assert_eq!(figures[2].unit.as_deref(), Some("companies"));
/// # Ok::<(), newswire::ParseError>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct Figures {
    _private: (),
}

/// Words that qualify a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Approximator {
    /// `more than`, `over`, `upwards of`: a lower bound.
    MoreThan,
    /// `at least`, `no fewer than`: a lower bound.
    AtLeast,
    /// `fewer than`, `less than`, `under`: an upper bound.
    LessThan,
    /// `up to`, `at most`, `as many as`: an upper bound.
    UpTo,
    /// `about`, `around`, `some`, `roughly`, `approximately`, `an estimated`.
    About,
    /// `nearly`, `almost`, `close to`: a little under.
    Nearly,
}

/// One numeric fact. Serializes as `start`, `end` (of the whole phrase), `number_span`,
/// `value`, `min`, `max`, `approximator`, `vague` (only when true), `unit`, `event`.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// The whole phrase: approximator, number(s), unit and event when present.
    pub span: Span,
    /// The number as written (`more than 750`: `750`; `between 20 and 30`: `20 and 30`).
    pub number_span: Span,
    /// The number (the lower end of a range; the least a vague quantity means: `dozens` 24).
    pub value: f64,
    /// The least the figure can be, when it says so (`more than 750`: 750; `20 to 30`: 20).
    pub min: Option<f64>,
    /// The most the figure can be, when it says so (`up to 50`: 50; `20 to 30`: 30).
    pub max: Option<f64>,
    /// The qualifying words, if any.
    pub approximator: Option<Approximator>,
    /// A vague quantity: `dozens`, `hundreds`, `scores`.
    pub vague: bool,
    /// What is counted, lower case: `people`, `civilians`, `mln tonnes`, `percent`, `dlrs`.
    /// Borrowed (no allocation) for the units the extractor names itself (`percent` for `%`,
    /// `pct` and `per cent`, `dollars` for `$`); owned for a word of the text.
    pub unit: Option<Cow<'static, str>>,
    /// What happened to them, lower case: `dead`, `killed`, `injured`, `arrested`. Always one
    /// of the extractor's own words, so always borrowed.
    pub event: Option<Cow<'static, str>>,
}

// Written out rather than derived with a flattened span: a flattened struct serializes as a map
// of unknown length, which builds a `serde_json::Value` slowly.
impl Serialize for Figure {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Figure", 10 - usize::from(!self.vague))?;
        st.serialize_field("start", &self.span.start)?;
        st.serialize_field("end", &self.span.end)?;
        st.serialize_field("number_span", &self.number_span)?;
        st.serialize_field("value", &self.value)?;
        st.serialize_field("min", &self.min)?;
        st.serialize_field("max", &self.max)?;
        st.serialize_field("approximator", &self.approximator)?;
        if self.vague {
            st.serialize_field("vague", &self.vague)?;
        } else {
            st.skip_field("vague")?;
        }
        st.serialize_field("unit", &self.unit)?;
        st.serialize_field("event", &self.event)?;
        st.end()
    }
}

#[derive(Debug, Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
}

impl Extractor for Figures {
    type Output = Vec<Figure>;

    fn extract(&self, analysis: &Analysis<'_>) -> Vec<Figure> {
        let src = analysis.source();
        let scan = analysis.body_tokens();
        // Allocated at the first paragraph holding a number (see `read_paragraph`).
        let (mut out, mut words, mut starts, mut places) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for p in scan.paragraphs(src, None) {
            read_paragraph(
                p.text,
                p.tokens,
                p.notable,
                p.offset,
                Buffers {
                    places: &mut places,
                    words: &mut words,
                    starts: &mut starts,
                },
                &mut out,
            );
        }
        out
    }
}

/// Reads the figures of the paragraph `text` from its tokens `toks`. Most paragraphs of prose
/// hold no number at all; in the others, the places a number may start at are gathered into
/// runs, each read from a few words before its first place to a few words after its last
/// ([`WORDS_BEFORE`], [`WORDS_AFTER`]); a run ends where the words read for the next place
/// would not meet its own. `notable` lists (ascending) the indices of at least every token a
/// number may start at (see [`Token::notable`]).
fn read_paragraph(
    text: &str,
    toks: &[Token],
    notable: &[u32],
    offset: usize,
    buffers: Buffers<'_>,
    out: &mut Vec<Figure>,
) {
    let Buffers {
        places,
        words,
        starts,
    } = buffers;
    let b = text.as_bytes();
    places.clear();
    places.extend(
        notable
            .iter()
            .map(|&k| k as usize)
            .filter(|&k| toks.get(k).is_some_and(|t| may_start(b, t))),
    );
    let Some(&first) = places.first() else {
        return;
    };
    // The buffers are kept for the article's other paragraphs: sized here once, at the first
    // paragraph that may hold a number, so that they seldom grow (and articles without a number
    // allocate none).
    if words.capacity() == 0 {
        let longest = toks.len().min(1 << 16);
        words.reserve(longest);
        starts.reserve(notable.len().min(longest) + 8);
    }
    if out.capacity() == 0 {
        out.reserve(8);
    }
    let mut from = words_back(toks, b, first, WORDS_BEFORE);
    let mut last = first;
    // The run's places: those from `run` on.
    let mut run = 0;
    let mut read = |from: usize, to: usize, places: &[usize]| {
        words.clear();
        starts.clear();
        let toks = toks.get(from..to).unwrap_or(&[]);
        words_from_tokens(text, toks, from, places, words, starts);
        scan(text, words, starts.iter().copied(), offset, out);
    };
    for (n, &k) in places.iter().enumerate().skip(1) {
        // Places this few tokens apart are as few words apart: their words meet. Farther
        // apart, the words between are read only when the two ranges meet.
        if k - last > WORDS_BEFORE + WORDS_AFTER + 1 {
            let to = words_ahead(toks, b, last, WORDS_AFTER);
            let next = words_back(toks, b, k, WORDS_BEFORE);
            if next >= to {
                read(from, to, places.get(run..n).unwrap_or(&[]));
                from = next;
                run = n;
            }
        }
        last = k;
    }
    let to = words_ahead(toks, b, last, WORDS_AFTER);
    read(from, to, places.get(run..).unwrap_or(&[]));
}

/// The buffers [`read_paragraph`] fills, kept for an article's paragraphs: the indices of the
/// tokens a number may start at, the words of a run and the indices of those a number may
/// start at.
struct Buffers<'a> {
    places: &'a mut Vec<usize>,
    words: &'a mut Vec<Word>,
    starts: &'a mut Vec<usize>,
}

/// Whether a number may start at the token `t` of `b`: a plain token holding a digit or a number
/// word (see [`NUMBER_WORDS`]), and every token that is not plain (split again into words by
/// [`words_from_tokens`]).
#[inline]
fn may_start(b: &[u8], t: &Token) -> bool {
    if t.plain() {
        t.has_digit()
            || t.lex & LEX_NUMBER != 0
                && is_number_word(
                    b,
                    Word {
                        start: t.start(),
                        end: t.end(),
                    },
                )
    } else {
        true
    }
}

/// Words read before the first place a number may start in a run (`more than`, `between`,
/// `a` of `a dozen`) and after the last. Every word [`number_at`] reads a number at (a digit,
/// a number word, a multiplier, `a` right before one) holds such a place or comes right before
/// one, so what a figure reads after the word of its last place is at most `of` after a vague
/// plural, a unit or `per cent`, and an event within the four words after: seven words
/// (`dozens of per cent of them went missing`, which a test reads).
const WORDS_BEFORE: usize = 3;
const WORDS_AFTER: usize = 7;

/// Whether token `k` continues the word of token `k - 1` (see [`joins`]).
#[inline]
fn joined(toks: &[Token], b: &[u8], k: usize) -> bool {
    match (k.checked_sub(1).and_then(|j| toks.get(j)), toks.get(k)) {
        (Some(prev), Some(cur)) => cur.start() == prev.end() + 1 && joins(b, prev.end()),
        _ => false,
    }
}

/// The first token of the word `n` words before the word holding token `k` (or 0).
fn words_back(toks: &[Token], b: &[u8], k: usize, n: usize) -> usize {
    let mut k = k;
    let mut found = 0;
    while k > 0 {
        if !joined(toks, b, k) {
            if found == n {
                return k;
            }
            found += 1;
        }
        k -= 1;
    }
    0
}

/// The end of the word `n` words after the word holding token `k` (or the end).
fn words_ahead(toks: &[Token], b: &[u8], k: usize, n: usize) -> usize {
    let mut k = k + 1;
    let mut found = 0;
    while k < toks.len() {
        if !joined(toks, b, k) {
            if found == n {
                return k;
            }
            found += 1;
        }
        k += 1;
    }
    toks.len()
}

/// The words a number can start with, lower case: number words, multipliers (`a hundred`), vague
/// quantities (`dozens`, `scores`, `tens of thousands`). A word that [`number_at`] reads as a
/// number begins with a digit or with one of these, or is `a`/`an` right before one.
pub(crate) const NUMBER_WORDS: &[&str] = &[
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "dozen",
    "dozens",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "mln",
    "billion",
    "billions",
    "bln",
    "trillion",
    "trillions",
    "scores",
    "tens",
];

/// Whether the word `w` of `b` (up to a hyphen) is one of [`NUMBER_WORDS`], in any case.
#[inline]
fn is_number_word(b: &[u8], w: Word) -> bool {
    let head = b
        .get(w.start..w.end)
        .and_then(|s| s.iter().position(|&c| c == b'-'))
        .map_or(w, |k| Word {
            start: w.start,
            end: w.start + k,
        });
    word_info(key(b, head)).is(NUMBER_WORD)
}

/// The words of a paragraph as [`split_words`] splits them, built from the shared scan's tokens
/// (`toks`, offsets relative to `text`) instead of a second pass over the bytes, and the indices
/// of the words a number may start at (see [`NUMBER_WORDS`]), ascending.
///
/// The two splits differ only at a few characters: tokens that [`split_words`] joins across one
/// `,` `-` `.` or `'` are merged here, and the rare tokens holding a period, an apostrophe or a
/// non-ASCII character are split again by [`split_words`] itself.
///
/// `toks` are the tokens from index `base` on, and `places` (ascending, from `base` on) the
/// indices of those [`may_start`] says a number may start at: every other token is a plain word
/// that is no number, and is pushed as one without looking at it again.
fn words_from_tokens(
    text: &str,
    toks: &[Token],
    base: usize,
    places: &[usize],
    words_out: &mut Vec<Word>,
    starts: &mut Vec<usize>,
) {
    let b = text.as_bytes();
    // Pushed to a local vector, whose length and buffer stay in registers.
    let mut local = std::mem::take(words_out);
    let words = &mut local;
    words.reserve(toks.len());
    let mut places = places.iter().map(|&k| k.wrapping_sub(base));
    let mut place = places.next().unwrap_or(usize::MAX);
    for (k, t) in toks.iter().enumerate() {
        if t.plain() {
            let w = Word {
                start: t.start(),
                end: t.end(),
            };
            if k != place {
                // Most tokens are plain words after a blank: neither joined to the word before
                // nor a number.
                if w.start.checked_sub(1).and_then(|k| b.get(k)) == Some(&b' ') {
                    words.push(w);
                } else {
                    push_word(b, w, false, words, starts);
                }
                continue;
            }
            place = places.next().unwrap_or(usize::MAX);
            // A plain token a number may start at holds a digit or is a number word; a digit
            // must come first.
            let number = !t.has_digit() || b.get(w.start).is_some_and(u8::is_ascii_digit);
            push_word(b, w, number, words, starts);
            continue;
        }
        if k == place {
            place = places.next().unwrap_or(usize::MAX);
        }
        push_split(text, t, words, starts);
    }
    *words_out = local;
}

/// Appends the words of the token `t` of `text`, which is not plain, as [`split_words`] splits
/// them (kept out of [`words_from_tokens`]' loop, which seldom comes here).
#[inline(never)]
fn push_split(text: &str, t: &Token, words: &mut Vec<Word>, starts: &mut Vec<usize>) {
    let b = text.as_bytes();
    split_words_with(text.get(t.start()..t.end()).unwrap_or(""), |p| {
        let w = Word {
            start: p.start + t.start(),
            end: p.end + t.start(),
        };
        let number = b.get(w.start).is_some_and(u8::is_ascii_digit) || is_number_word(b, w);
        push_word(b, w, number, words, starts);
    });
}

/// Appends `w` to `words`, or extends the last word with it when [`split_words`] joins them;
/// records where a number may start when `number` says `w` begins one.
#[inline(always)]
fn push_word(b: &[u8], w: Word, number: bool, words: &mut Vec<Word>, starts: &mut Vec<usize>) {
    if let Some(last) = words.last_mut()
        && w.start == last.end + 1
        && joins(b, last.end)
    {
        last.end = w.end;
        return;
    }
    if number {
        // `a dozen`, `a hundred`: the number starts a word earlier (at no other word before
        // it: [`number_at`] reads nothing else there).
        let k = words.len();
        if let Some(prev) = k.checked_sub(1)
            && starts.last() != Some(&prev)
            && words.get(prev).is_some_and(|&p| is_a_or_an(b, p))
        {
            starts.push(prev);
        }
        starts.push(k);
    }
    words.push(w);
}

/// Whether the word `w` of `b` is `a` or `an`, in any case: the words whose key is [`A`] or
/// [`AN`].
#[inline]
fn is_a_or_an(b: &[u8], w: Word) -> bool {
    match b.get(w.start..w.end) {
        Some([a]) => a | 0x20 == b'a',
        Some([a, n]) => a | 0x20 == b'a' && n | 0x20 == b'n',
        _ => false,
    }
}

/// Whether [`split_words`] keeps the byte at `i` inside a word (between alphanumerics).
#[inline]
fn joins(b: &[u8], i: usize) -> bool {
    // Most words end at a space: settle that first.
    if !b
        .get(i)
        .is_some_and(|c| matches!(c, b',' | b'.' | b'-' | b'\''))
    {
        return false;
    }
    let (Some(&c), Some(&next), Some(&prev)) = (
        b.get(i),
        b.get(i + 1),
        i.checked_sub(1).and_then(|k| b.get(k)),
    ) else {
        return false;
    };
    matches!(c, b',' | b'.' | b'-' | b'\'')
        && next.is_ascii_alphanumeric()
        && (c != b',' || prev.is_ascii_digit() && next.is_ascii_digit())
        && (c != b'.' || prev.is_ascii_digit() == next.is_ascii_digit())
}

/// Splits `text` into words: runs of letters and digits, with one `,` between digits, one `.`
/// between two digits or two non-digits, and one `-` or `'` kept inside. (The extractor builds
/// its words from the shared tokens; this is the reference they are tested against.)
#[cfg_attr(not(test), allow(dead_code))]
fn split_words(text: &str, out: &mut Vec<Word>) {
    split_words_with(text, |w| out.push(w));
}

/// Splits `text` into words as [`split_words`] does, handing each to `found` in order.
fn split_words_with(text: &str, mut found: impl FnMut(Word)) {
    let b = text.as_bytes();
    let n = b.len();
    let mut i = 0;
    while i < n {
        let c = b[i];
        let alnum = c.is_ascii_alphanumeric()
            || c >= 0x80 && text.is_char_boundary(i) && {
                crate::gazetteer::char_at(text, i).is_alphanumeric()
            };
        if !alnum {
            i += 1;
            continue;
        }
        let start = i;
        while i < n {
            let c = b[i];
            if c.is_ascii_alphanumeric() {
                i += 1;
            } else if c >= 0x80 {
                let ch = crate::gazetteer::char_at(text, i);
                if ch.is_alphanumeric() {
                    i += ch.len_utf8();
                } else {
                    break;
                }
            } else if matches!(c, b',' | b'.' | b'-' | b'\'')
                && b.get(i + 1).is_some_and(u8::is_ascii_alphanumeric)
                && (c != b',' || b[i - 1].is_ascii_digit() && b[i + 1].is_ascii_digit())
                && (c != b'.' || b[i - 1].is_ascii_digit() == b[i + 1].is_ascii_digit())
            {
                i += 1;
            } else {
                break;
            }
        }
        found(Word { start, end: i });
    }
}

/// A word folded for the word table: its bytes `| 0x20` packed little-endian into a `u128`,
/// or 0 for a word of more than 16 bytes (no list holds one). `| 0x20` lowers ASCII capitals
/// and leaves digits, `-`, `.`, `'` and non-ASCII bytes apart from every lower-case letter, so
/// (words holding no control characters) a word's key is a listed word's exactly when its
/// ASCII lower case is that word.
type Key = u128;

/// `| 0x20` on every byte.
const FOLD: Key = 0x2020_2020_2020_2020_2020_2020_2020_2020;

/// The [`Key`] of the word `w` of `b`: one 16-byte load, masked to the word's length (copied
/// into a zeroed buffer near the end of the text).
#[inline(always)]
fn key(b: &[u8], w: Word) -> Key {
    let len = w.end.wrapping_sub(w.start);
    if !(1..=16).contains(&len) {
        return 0;
    }
    let mut buf = [0u8; 16];
    if let Some(s) = b.get(w.start..w.start + 16) {
        buf.copy_from_slice(s);
    } else if let (Some(s), Some(d)) = (b.get(w.start..w.end), buf.get_mut(..len)) {
        d.copy_from_slice(s);
    }
    // `len` is 1 to 16: every index is in the table.
    let mask = KEY_MASKS.get(len).copied().unwrap_or(0);
    (Key::from_le_bytes(buf) | FOLD) & mask
}

/// The mask of a [`Key`] of `n` bytes, by `n` from 0 to 16: a load instead of a 128-bit shift.
static KEY_MASKS: [Key; 17] = {
    let mut t = [0; 17];
    let mut n = 1;
    while n <= 16 {
        t[n] = Key::MAX >> (8 * (16 - n));
        n += 1;
    }
    t
};

/// The [`Key`] of a listed word (lower-case ASCII, at most 16 bytes), at compile time.
const fn word_key(w: &str) -> Key {
    let b = w.as_bytes();
    assert!(
        !b.is_empty() && b.len() <= 16,
        "listed words have 1 to 16 bytes"
    );
    let mut k = 0;
    let mut i = 0;
    while i < b.len() {
        assert!(
            !b[i].is_ascii_uppercase() && b[i] > b' ',
            "listed words are lower case"
        );
        k |= (b[i] as Key) << (8 * i);
        i += 1;
    }
    k
}

/// [`WordInfo::bits`]: one of [`NUMBER_WORDS`].
const NUMBER_WORD: u16 = 1;
/// A number word of its own (`three`, `dozen`): [`WordInfo::number`] is its value.
const SMALL: u16 = 2;
/// A multiplier (`hundred`, `mln`): [`WordInfo::number`] is its factor.
const MULTIPLIER: u16 = 4;
/// A vague plural (`dozens`): [`WordInfo::vague`] is the least it means.
const VAGUE: u16 = 8;
/// One of [`MONTHS`].
const MONTH: u16 = 16;
/// One of [`NOT_UNITS`].
const NOT_UNIT: u16 = 32;
/// One of [`TIME_UNITS`].
const TIME_UNIT: u16 = 64;
/// One of [`EVENTS`].
const EVENT: u16 = 128;
/// One of [`APPROXIMATOR_ENDS`].
const APPROXIMATOR_END: u16 = 256;

/// What the lists say of a word.
#[derive(Debug, Clone, Copy, PartialEq)]
struct WordInfo {
    bits: u16,
    number: f64,
    vague: f64,
}

impl WordInfo {
    const NONE: WordInfo = WordInfo {
        bits: 0,
        number: 0.0,
        vague: 0.0,
    };

    #[inline(always)]
    fn is(self, bit: u16) -> bool {
        self.bits & bit != 0
    }

    /// The value of a number word of its own.
    #[inline]
    fn small(self) -> Option<f64> {
        self.is(SMALL).then_some(self.number)
    }

    #[inline]
    fn multiplier(self) -> Option<f64> {
        self.is(MULTIPLIER).then_some(self.number)
    }

    /// The least a vague plural means.
    #[inline]
    fn vague(self) -> Option<f64> {
        self.is(VAGUE).then_some(self.vague)
    }
}

/// Slots of the [`WORDS`] table: a power of two, about three times the words listed.
const SLOTS: usize = 512;

/// Every listed word by its [`Key`]: open addressing with linear probing, built at compile
/// time; an empty slot has key 0, which no word has.
struct WordTable {
    keys: [Key; SLOTS],
    info: [WordInfo; SLOTS],
}

impl WordTable {
    const EMPTY: WordTable = WordTable {
        keys: [0; SLOTS],
        info: [WordInfo::NONE; SLOTS],
    };

    /// The first slot to try for `k`.
    #[inline(always)]
    const fn home(k: Key) -> usize {
        let x = (k as u64) ^ ((k >> 64) as u64).rotate_left(29);
        (x.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - SLOTS.trailing_zeros())) as usize
    }

    /// The slot holding `w`, taken if it was empty.
    const fn slot(&mut self, w: &str) -> usize {
        let k = word_key(w);
        let mut i = Self::home(k);
        loop {
            i %= SLOTS;
            if self.keys[i] == 0 {
                self.keys[i] = k;
                return i;
            }
            if self.keys[i] == k {
                return i;
            }
            i += 1;
        }
    }

    /// Marks every word of `words` with `bit`.
    const fn with(mut self, words: &[&str], bit: u16) -> WordTable {
        let mut n = 0;
        while n < words.len() {
            let i = self.slot(words[n]);
            self.info[i].bits |= bit;
            n += 1;
        }
        self
    }

    /// Marks every word of `words` with `bit` and its number ([`SMALL`], [`MULTIPLIER`]).
    const fn with_numbers(mut self, words: &[(&str, f64)], bit: u16) -> WordTable {
        let mut n = 0;
        while n < words.len() {
            let i = self.slot(words[n].0);
            assert!(
                self.info[i].bits & (SMALL | MULTIPLIER) == 0,
                "one number a word"
            );
            self.info[i].bits |= bit;
            self.info[i].number = words[n].1;
            n += 1;
        }
        self
    }

    /// Marks every word of `words` as a vague plural meaning at least its number.
    const fn with_vague(mut self, words: &[(&str, f64)]) -> WordTable {
        let mut n = 0;
        while n < words.len() {
            let i = self.slot(words[n].0);
            self.info[i].bits |= VAGUE;
            self.info[i].vague = words[n].1;
            n += 1;
        }
        self
    }

    #[inline(always)]
    fn get(&self, k: Key) -> WordInfo {
        let mut i = Self::home(k);
        // Every probe sequence meets an empty slot long before it wraps around.
        for _ in 0..SLOTS {
            i %= SLOTS;
            let (Some(&slot), Some(&info)) = (self.keys.get(i), self.info.get(i)) else {
                break;
            };
            if slot == k {
                return info;
            }
            if slot == 0 {
                break;
            }
            i += 1;
        }
        WordInfo::NONE
    }
}

/// The words the extractor asks about, in one table.
static WORDS: WordTable = WordTable::EMPTY
    .with(NUMBER_WORDS, NUMBER_WORD)
    .with_numbers(SMALL_NUMBERS, SMALL)
    .with_numbers(MULTIPLIERS, MULTIPLIER)
    .with_vague(VAGUE_PLURALS)
    .with(MONTHS, MONTH)
    .with(NOT_UNITS, NOT_UNIT)
    .with(TIME_UNITS, TIME_UNIT)
    .with(EVENTS, EVENT)
    .with(APPROXIMATOR_ENDS, APPROXIMATOR_END);

/// What the lists say of the word with key `k` (nothing for 0).
#[inline(always)]
fn word_info(k: Key) -> WordInfo {
    if k == 0 {
        return WordInfo::NONE;
    }
    WORDS.get(k)
}

/// The unit of `%`, `pct`, `percent` and `per cent`.
const PERCENT_UNIT: &str = "percent";

/// Keys of the words compared one at a time.
const A: Key = word_key("a");
const AN: Key = word_key("an");
const TENS: Key = word_key("tens");
const OF: Key = word_key("of");
const NO: Key = word_key("no");
const ONE: Key = word_key("one");
const TO: Key = word_key("to");
const AND: Key = word_key("and");
const BETWEEN: Key = word_key("between");
const PER: Key = word_key("per");
const CENT: Key = word_key("cent");
const PCT: Key = word_key("pct");
const PERCENT: Key = word_key("percent");
const DOZEN: Key = word_key("dozen");

/// Number words of their own and their values.
const SMALL_NUMBERS: &[(&str, f64)] = &[
    ("one", 1.0),
    ("two", 2.0),
    ("three", (3.0)),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("dozen", 12.0),
];

/// A number word, hyphenated tens included (`twenty-five`): the word `w` of `b`, whose key
/// is `k`.
#[inline]
fn word_number(b: &[u8], w: Word, k: Key) -> Option<f64> {
    if let Some(v) = word_info(k).small() {
        return Some(v);
    }
    let dash = b.get(w.start..w.end)?.iter().position(|&c| c == b'-')?;
    let tens = Word {
        start: w.start,
        end: w.start + dash,
    };
    let units = Word {
        start: w.start + dash + 1,
        end: w.end,
    };
    let t = word_info(key(b, tens)).small()?;
    let u = word_info(key(b, units)).small()?;
    (t >= 20.0 && t % 10.0 == 0.0 && u < 10.0).then_some(t + u)
}

/// Multipliers and their factors.
const MULTIPLIERS: &[(&str, f64)] = &[
    ("hundred", (1e2)),
    ("thousand", 1e3),
    ("million", 1e6),
    ("mln", 1e6),
    ("millions", (1e6)),
    ("billion", 1e9),
    ("bln", 1e9),
    ("billions", 1e9),
    ("trillion", 1e12),
    ("trillions", (1e12)),
];

/// Vague plurals: the least they mean.
const VAGUE_PLURALS: &[(&str, f64)] = &[
    ("dozens", (24.0)),
    ("scores", 40.0),
    ("hundreds", 200.0),
    ("thousands", 2000.0),
    ("millions", 2e6),
    ("billions", 2e9),
];

fn digits(w: &[u8]) -> Option<f64> {
    if !w.first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    if let Some(v) = short_decimal(w) {
        return Some(v);
    }
    let clean: String = std::str::from_utf8(w)
        .ok()?
        .chars()
        .filter(|c| *c != ',')
        .collect();
    clean.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// Digits with thousands commas and at most one decimal point, at most 15 digits in all, read
/// without allocating: the integer of all digits divided by a power of ten, both exact in an
/// `f64`, so the one rounding of the division gives what parsing the text gives. `None` for
/// anything else (left to the parser).
fn short_decimal(w: &[u8]) -> Option<f64> {
    const POW10: [f64; 16] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    ];
    let mut mantissa: u64 = 0;
    let mut n_digits = 0usize;
    let mut fraction: Option<usize> = None;
    for &b in w {
        match b {
            b'0'..=b'9' => {
                n_digits += 1;
                if n_digits > 15 {
                    return None;
                }
                mantissa = mantissa * 10 + u64::from(b - b'0');
                if let Some(f) = fraction.as_mut() {
                    *f += 1;
                }
            }
            b',' if fraction.is_none() => {}
            b'.' if fraction.is_none() => fraction = Some(0),
            _ => return None,
        }
    }
    // `12.` parses as 12 too; a trailing comma is not in a word.
    let scale = POW10.get(fraction.unwrap_or(0))?;
    Some(mantissa as f64 / scale)
}

/// Month names and abbreviations, lower case.
const MONTHS: &[&str] = &[
    "jan",
    "january",
    "feb",
    "february",
    "mar",
    "march",
    "apr",
    "april",
    "may",
    "jun",
    "june",
    "jul",
    "july",
    "aug",
    "august",
    "sep",
    "sept",
    "september",
    "oct",
    "october",
    "nov",
    "november",
    "dec",
    "december",
];

/// Words after a number that are not what it counts.
const NOT_UNITS: &[&str] = &[
    "and", "or", "of", "to", "in", "on", "at", "by", "for", "from", "with", "as", "the", "a", "an",
    "is", "are", "was", "were", "be", "been", "have", "has", "had", "will", "would", "vs", "than",
    "that", "which", "who", "said", "says", "after", "before", "since", "per", "a.m", "p.m", "am",
    "pm", "this", "last", "next", "but", "if", "it", "its", "their", "his", "her", "into", "over",
    "under", "up", "down", "out", "about", "more", "less", "other", "others", "times", "ago",
    "year", "years", "month", "months", "week", "weeks", "day", "days", "hours", "hour", "minutes",
    "o'clock",
];

/// Units of time: a number before one is a duration, left to the time extractors.
const TIME_UNITS: &[&str] = &[
    "year",
    "years",
    "month",
    "months",
    "week",
    "weeks",
    "day",
    "days",
    "hour",
    "hours",
    "minute",
    "minutes",
    "second",
    "seconds",
    "decade",
    "decades",
    "century",
    "centuries",
];

/// What can happen to the people a number counts: `dead`, `killed`, `arrested`. Every one is
/// a word of 4 to 10 letters ([`scan`] looks no other word up to ask).
const EVENTS: &[&str] = &[
    "dead",
    "killed",
    "died",
    "dying",
    "injured",
    "wounded",
    "hurt",
    "arrested",
    "detained",
    "missing",
    "displaced",
    "evacuated",
    "deaths",
    "casualties",
    "jailed",
    "sentenced",
    "executed",
    "kidnapped",
    "abducted",
    "rescued",
    "fled",
    "infected",
    "sanctioned",
    "fired",
    "laid",
];
/// The first and last letters of the [`EVENTS`] by length: a filter before looking a word up.
struct Shapes {
    /// By length, bit `c & 31` for every first letter `c` of an event that long.
    first: [u32; 16],
    /// By length, bit `c & 31` for every last letter `c` of an event that long.
    last: [u32; 16],
}

impl Shapes {
    /// The shapes of `words` (lower-case ASCII, 1 to 15 bytes).
    const fn of(words: &[&str]) -> Shapes {
        let mut s = Shapes {
            first: [0; 16],
            last: [0; 16],
        };
        let mut n = 0;
        while n < words.len() {
            let w = words[n].as_bytes();
            assert!(
                !w.is_empty() && w.len() < 16,
                "listed words have 1 to 15 bytes"
            );
            s.first[w.len()] |= 1 << (w[0] & 31);
            s.last[w.len()] |= 1 << (w[w.len() - 1] & 31);
            n += 1;
        }
        s
    }

    /// Whether the word `w` of `b` may be one of the words, in any case: false only when it is
    /// none of them.
    #[inline(always)]
    fn may_be(&self, b: &[u8], w: Word) -> bool {
        // A length of 16 or more (or a reversed word) has no bits: index 0.
        let len = w.end.wrapping_sub(w.start);
        let len = if len < 16 { len } else { 0 };
        let first = self.first[len];
        if first == 0 {
            return false;
        }
        let (Some(&f), Some(&l)) = (b.get(w.start), b.get(w.end.wrapping_sub(1))) else {
            return false;
        };
        first & 1 << (f & 31) != 0 && self.last[len] & 1 << (l & 31) != 0
    }
}

/// The shapes of the [`EVENTS`].
static EVENT_SHAPES: Shapes = Shapes::of(EVENTS);

/// The last words of the approximators [`approximator`] reads (`more than`, `about`): before
/// any other word, it reads none.
const APPROXIMATOR_ENDS: &[&str] = &[
    "than",
    "of",
    "least",
    "fewer",
    "less",
    "to",
    "most",
    "many",
    "estimated",
    "over",
    "under",
    "about",
    "around",
    "some",
    "roughly",
    "approximately",
    "approx",
    "nearly",
    "almost",
];

/// The approximator ending at the word before a number, whose key is `k1` (`k2` the word's
/// before it; 0 for none), and how many words it takes.
fn approximator(k2: Key, k1: Key) -> Option<(Approximator, usize)> {
    const fn k(w: &str) -> Key {
        word_key(w)
    }
    const MORE: Key = k("more");
    const THAN: Key = k("than");
    const UPWARDS: Key = k("upwards");
    const AT: Key = k("at");
    const LEAST: Key = k("least");
    const FEWER: Key = k("fewer");
    const LESS: Key = k("less");
    const UP: Key = k("up");
    const MOST: Key = k("most");
    const AS: Key = k("as");
    const MANY: Key = k("many");
    const CLOSE: Key = k("close");
    const ESTIMATED: Key = k("estimated");
    const OVER: Key = k("over");
    const UNDER: Key = k("under");
    const ABOUT: Key = k("about");
    const AROUND: Key = k("around");
    const SOME: Key = k("some");
    const ROUGHLY: Key = k("roughly");
    const APPROXIMATELY: Key = k("approximately");
    const APPROX: Key = k("approx");
    const NEARLY: Key = k("nearly");
    const ALMOST: Key = k("almost");
    let a = match (k2, k1) {
        (MORE, THAN) | (UPWARDS, OF) => Some((Approximator::MoreThan, 2)),
        (AT, LEAST) | (NO, FEWER) | (NO, LESS) => Some((Approximator::AtLeast, 2)),
        (FEWER, THAN) | (LESS, THAN) => Some((Approximator::LessThan, 2)),
        (UP, TO) | (AT, MOST) | (AS, MANY) => Some((Approximator::UpTo, 2)),
        (CLOSE, TO) => Some((Approximator::Nearly, 2)),
        (AN, ESTIMATED) => Some((Approximator::About, 2)),
        _ => None,
    };
    if a.is_some() {
        return a;
    }
    match k1 {
        OVER => Some((Approximator::MoreThan, 1)),
        UNDER => Some((Approximator::LessThan, 1)),
        ABOUT | AROUND | SOME | ROUGHLY | APPROXIMATELY | ESTIMATED | APPROX => {
            Some((Approximator::About, 1))
        }
        NEARLY | ALMOST => Some((Approximator::Nearly, 1)),
        _ => None,
    }
}

/// A number at word `i`: (value, words used, vague).
fn number_at(text: &str, words: &[Word], i: usize) -> Option<(f64, usize, bool)> {
    number_with_next(text, words, i).map(|n| (n.value, n.used, n.vague))
}

/// A number read by [`number_with_next`].
struct Number {
    value: f64,
    /// Words it takes.
    used: usize,
    vague: bool,
    /// The key of the word after it and what the table says of that word (0 and nothing at
    /// the end), when the reading looked it up.
    next: Option<(Key, WordInfo)>,
}

/// The number at word `i`, as [`number_at`] reads it, with the word after it when that was
/// looked up anyway.
#[inline]
fn number_with_next(text: &str, words: &[Word], i: usize) -> Option<Number> {
    let b = text.as_bytes();
    let w = *words.get(i)?;
    let (mut value, mut used) = if let Some(v) = digits(b.get(w.start..w.end)?) {
        (v, 1)
    } else {
        let k = key(b, w);
        if let Some(v) = word_number(b, w, k) {
            (v, 1)
        } else if k == A || k == AN {
            // `a dozen`, `a hundred`, `a million`
            let next = key(b, *words.get(i + 1)?);
            if next == DOZEN {
                (12.0, 2)
            } else {
                let m = word_info(next).multiplier().filter(|m| *m >= 100.0)?;
                (m, 2)
            }
        } else if let Some(v) = word_info(k).vague() {
            // `tens of thousands`, `hundreds of millions` are read by the caller as vague
            // plurals.
            return Some(Number {
                value: v,
                used: 1,
                vague: true,
                next: None,
            });
        } else if k == TENS {
            let of = words.get(i + 1).map(|x| key(b, *x));
            let next = words.get(i + 2).and_then(|x| word_info(key(b, *x)).vague());
            return match (of, next) {
                (Some(OF), Some(v)) => Some(Number {
                    value: v * 10.0,
                    used: 3,
                    vague: true,
                    next: None,
                }),
                _ => None,
            };
        } else {
            return None;
        }
    };
    // Multipliers: `1.2 mln`, `three hundred`, `two hundred thousand`; the word they stop at
    // is the word after the number.
    let next = loop {
        let Some(&x) = words.get(i + used) else {
            break (0, WordInfo::NONE);
        };
        let k = key(b, x);
        let info = word_info(k);
        let Some(m) = info.multiplier() else {
            break (k, info);
        };
        // Only words directly after (no punctuation between).
        let prev = words[i + used - 1];
        if text.get(prev.end..x.start).is_none_or(|g| g.trim() != "") {
            break (k, info);
        }
        value *= m;
        used += 1;
    };
    Some(Number {
        value,
        used,
        vague: false,
        next: Some(next),
    })
}

/// Whether word `i` may be a number word, by its first two letters and length (`one`,
/// `twenty-five`, `hundreds`, `a dozen`), without lower-casing it.
fn may_start_number(text: &str, words: &[Word], i: usize) -> bool {
    let bytes = text.as_bytes();
    let w = words[i];
    let len = w.end - w.start;
    let b0 = bytes[w.start].to_ascii_lowercase();
    let b1 = bytes.get(w.start + 1).map_or(b' ', u8::to_ascii_lowercase);
    match (b0, b1) {
        (b'a', b' ' | b'n') if len <= 2 => words.get(i + 1).is_some_and(|n| {
            matches!(
                bytes[n.start].to_ascii_lowercase(),
                b'd' | b'h' | b't' | b'm' | b'b'
            )
        }),
        (b'o', b'n') => len == 3,
        (b't', b'w') => len == 3 || len >= 6,
        (b't', b'h') => len == 5 || len >= 6,
        (b't', b'e') => len == 3 || len == 4,
        (b't', b'r') => len >= 8,
        (b'f', b'o' | b'i') | (b's', b'i' | b'e') | (b'e', b'i' | b'l') | (b'n', b'i') => len >= 3,
        (b'd', b'o') | (b'h', b'u') | (b'm', b'i') | (b'b', b'i') | (b's', b'c') => len >= 5,
        _ => false,
    }
}

/// Reads the figures of a paragraph `text` split into `words`, trying the words at `starts`
/// (ascending; every word a number may start at, or all of them).
fn scan(
    text: &str,
    words: &[Word],
    starts: impl Iterator<Item = usize>,
    offset: usize,
    out: &mut Vec<Figure>,
) {
    let bytes = text.as_bytes();
    // Words before this one belong to a figure read already.
    let mut resume = 0;
    for i in starts {
        if i < resume {
            continue;
        }
        let Some(&w) = words.get(i) else {
            break;
        };
        let first = bytes[w.start];
        // Cheap filter: digits, or words that can start a number.
        if !(first.is_ascii_digit() || may_start_number(text, words, i)) {
            continue;
        }
        let Some(number) = number_with_next(text, words, i) else {
            continue;
        };
        let (value, used, is_vague) = (number.value, number.used, number.vague);
        let wbytes = bytes.get(w.start..w.end).unwrap_or(b"");
        // The keys of the words before and after the number (0 for none), and what the table
        // says of them, for the tests below.
        let prev = i
            .checked_sub(1)
            .and_then(|k| words.get(k))
            .map_or(0, |x| key(bytes, *x));
        let (next, next_info) = number.next.unwrap_or_else(|| {
            let k = words.get(i + used).map_or(0, |x| key(bytes, *x));
            (k, word_info(k))
        });
        let prev_info = word_info(prev);
        // Dates, years, times, ordinals, clock times, money codes are not figures here.
        if first.is_ascii_digit() {
            let after = bytes.get(w.end).copied();
            let is_year = used == 1
                && wbytes.len() == 4
                && (1800.0..=2100.0).contains(&value)
                && !wbytes.iter().any(|&c| c == b',' || c == b'.');
            // (A word ends in a letter or digit, never in a period; and a word beginning with
            // a digit never begins with a month's name.)
            let after_month = prev_info.is(MONTH)
                && text
                    .get(words[i - 1].end..w.start)
                    .is_some_and(|g| g.trim_matches(['.', ' ']).is_empty());
            let month_after = if used == 1 {
                next_info.is(MONTH)
            } else {
                words
                    .get(i + 1)
                    .is_some_and(|x| word_info(key(bytes, *x)).is(MONTH))
            };
            let before = w.start.checked_sub(1).and_then(|k| bytes.get(k)).copied();
            if is_year || after_month || month_after || after == Some(b':') || before == Some(b':')
            {
                continue;
            }
            // (The last byte of a word is a letter of ASCII only when its last character is.)
            if wbytes.last().is_some_and(u8::is_ascii_alphabetic) {
                // `1st`, `24th`, `10am`
                continue;
            }
        } else {
            // `one` is often not a count: `one of`, `no one`, `one-on-one`.
            let one_dash = w.end - w.start >= 4
                && text
                    .get(w.start..w.start + 4)
                    .is_some_and(|h| h.eq_ignore_ascii_case("one-"));
            if one_dash || key(bytes, w) == ONE {
                let after = words.get(i + 1).map(|x| word_info(key(bytes, *x)));
                if prev == NO || after.is_none_or(|x| x.is(NOT_UNIT)) || one_dash {
                    continue;
                }
            }
            // `a`, `an` are accepted only as `a dozen`, `a hundred`: handled by number_at.
        }
        let mut last = i + used - 1;
        // Durations (`two weeks`) belong to the time extractors.
        // (`last + 1` is `i + used`: `next`.)
        if next_info.is(TIME_UNIT) {
            resume = last + 1;
            continue;
        }
        let number_start = w.start;
        let mut number_end = words[last].end;
        let (mut min, mut max) = (None, None);
        // Approximator before: only after the last word of one.
        let approx = if prev_info.is(APPROXIMATOR_END) {
            let before_prev = i
                .checked_sub(2)
                .and_then(|k| words.get(k))
                .map_or(0, |x| key(bytes, *x));
            approximator(before_prev, prev)
        } else {
            None
        };
        let mut start = number_start;
        if let Some((_, n)) = approx
            && let Some(k) = i.checked_sub(n)
        {
            start = words[k].start;
        }
        // `$5`, `5%`
        if start == number_start && number_start > 0 && bytes[number_start - 1] == b'$' {
            start = number_start - 1;
        }
        let mut unit: Option<Cow<'static, str>> = None;
        let mut unit_end = None;
        if bytes.get(number_end) == Some(&b'%') {
            unit = Some(Cow::Borrowed(PERCENT_UNIT));
            number_end += 1;
            unit_end = Some(number_end);
        } else if start == number_start.saturating_sub(1) && bytes.get(start) == Some(&b'$') {
            unit = Some(Cow::Borrowed("dollars"));
        }
        // Ranges: `20 to 30`, `20-30`, `between 20 and 30`.
        let between = prev == BETWEEN;
        if between {
            start = words[i - 1].start;
        }
        let is_link = next == TO || between && next == AND;
        if is_link
            && let Some((hi, used2, false)) = number_at(text, words, last + 2)
            && hi > value
        {
            min = Some(value);
            max = Some(hi);
            last += 1 + used2;
            number_end = words[last].end;
        }
        if min.is_none() && first.is_ascii_digit() && wbytes.contains(&b'-') {
            // `20-30` came as one word only if both sides are digits: split it.
            if let Some((a, b)) = text.get(w.start..w.end).and_then(|t| t.split_once('-'))
                && let (Some(lo), Some(hi)) = (digits(a.as_bytes()), digits(b.as_bytes()))
                && hi > lo
            {
                min = Some(lo);
                max = Some(hi);
            }
        }
        let value = min.unwrap_or(value);
        match approx.map(|(a, _)| a) {
            Some(Approximator::MoreThan | Approximator::AtLeast) => min = Some(value),
            Some(Approximator::LessThan | Approximator::UpTo | Approximator::Nearly) => {
                max = Some(value);
            }
            _ => {}
        }
        if is_vague {
            min = Some(value);
        }
        // Unit: `people`, `mln tonnes` (the multiplier is part of the number), `of protesters`.
        let mut j = last + 1;
        if unit.is_none() {
            if is_vague && words.get(j).is_some_and(|x| key(bytes, *x) == OF) {
                j += 1;
            }
            if let Some(uw) = words.get(j) {
                let u = text.get(uw.start..uw.end).unwrap_or("");
                let ub = u.as_bytes();
                // Right after the number, the word is the one looked up already.
                let (uk, uinfo) = if j == i + used {
                    (next, next_info)
                } else {
                    let k = key(bytes, *uw);
                    (k, word_info(k))
                };
                let after = words[j - 1].end;
                let gap_ok = uw.start == after + 1 && bytes.get(after) == Some(&b' ')
                    || text
                        .get(after..uw.start)
                        .is_some_and(|g| g == " " || g.trim().is_empty() || g.trim() == "%");
                let alpha = if ub.is_ascii() {
                    ub.iter().all(|&c| c.is_ascii_alphabetic() || c == b'-')
                } else {
                    u.chars().all(|c| c.is_alphabetic() || c == '-')
                };
                // `number_at` reads a word of letters as a number only when it is one of
                // these (`uk` is the word it looks up first; a hyphenated number has a
                // hyphen): most units are settled here.
                let may_be_number = || {
                    uinfo.is(SMALL | VAGUE)
                        || matches!(uk, A | AN | TENS)
                        || ub.contains(&b'-') && word_number(bytes, *uw, uk).is_some()
                };
                // A unit of time is not what a count counts (`20 to 30 minutes`, `dozens of
                // centuries`): no unit, as for the words of [`NOT_UNITS`].
                if gap_ok
                    && alpha
                    && !uinfo.is(NOT_UNIT | TIME_UNIT)
                    && (!may_be_number() || number_at(text, words, j).is_none())
                {
                    let u = match uk {
                        PCT | PERCENT => Cow::Borrowed(PERCENT_UNIT),
                        _ => Cow::Owned(u.to_ascii_lowercase()),
                    };
                    unit = Some(u);
                    unit_end = Some(uw.end);
                    j += 1;
                } else if uk == PER && words.get(j + 1).is_some_and(|x| key(bytes, *x) == CENT) {
                    unit = Some(Cow::Borrowed(PERCENT_UNIT));
                    unit_end = words.get(j + 1).map(|x| x.end);
                    j += 2;
                }
            }
        }
        // Event: within the next four words of the same sentence.
        let mut event = None;
        let mut end = unit_end.unwrap_or(number_end);
        if unit.is_some() {
            for k in j..(j + 4).min(words.len()) {
                let (before, w) = (words[k - 1], words[k]);
                // Most words follow one space; only a longer gap may end the sentence.
                if w.start != before.end + 1 || bytes.get(before.end) != Some(&b' ') {
                    let gap = bytes.get(before.end..w.start).unwrap_or(b".");
                    if gap.iter().any(|b| matches!(b, b'.' | b';' | b'!' | b'?')) {
                        break;
                    }
                }
                // Events are words of 4 to 10 letters, of a few first and last letters by
                // length: no need to look the others up.
                if !EVENT_SHAPES.may_be(bytes, w) {
                    continue;
                }
                let ek = key(bytes, w);
                if word_info(ek).is(EVENT) {
                    // The listed word itself: its key is the word's.
                    event = EVENTS
                        .iter()
                        .find(|e| word_key(e) == ek)
                        .map(|&e| Cow::Borrowed(e));
                    end = w.end;
                    break;
                }
            }
        }
        out.push(Figure {
            span: Span::new(start + offset, end + offset),
            number_span: Span::new(number_start + offset, number_end + offset),
            value,
            min,
            max,
            approximator: approx.map(|(a, _)| a),
            vague: is_vague,
            unit,
            event,
        });
        resume = last + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::tokenize_lazy;
    use proptest::prelude::*;

    /// The reference: every word of the paragraph split afresh and tried.
    fn whole(text: &str) -> Vec<Figure> {
        let (mut words, mut out) = (Vec::new(), Vec::new());
        split_words(text, &mut words);
        scan(text, &words, 0..words.len(), 7, &mut out);
        out
    }

    /// What the extractor does: words from the shared scan's tokens around the numbers, only
    /// likely starts tried.
    fn from_tokens(text: &str) -> Vec<Figure> {
        let (mut toks, mut notable, mut words, mut starts, mut places, mut out) = (
            Vec::new(),
            Vec::new(),
            Vec::new(),
            Vec::new(),
            Vec::new(),
            Vec::new(),
        );
        tokenize_lazy(text, &mut toks, &super::super::scan::LEXICON, &mut notable);
        let buffers = Buffers {
            places: &mut places,
            words: &mut words,
            starts: &mut starts,
        };
        read_paragraph(text, &toks, &notable, 7, buffers, &mut out);
        out
    }

    fn spans(words: &[Word]) -> Vec<(usize, usize)> {
        words.iter().map(|w| (w.start, w.end)).collect()
    }

    fn token_words(text: &str) -> Vec<(usize, usize)> {
        let (mut toks, mut words, mut starts) = (Vec::new(), Vec::new(), Vec::new());
        tokenize_lazy(
            text,
            &mut toks,
            &super::super::scan::LEXICON,
            &mut Vec::new(),
        );
        let b = text.as_bytes();
        let places: Vec<usize> = (0..toks.len())
            .filter(|&k| may_start(b, &toks[k]))
            .collect();
        words_from_tokens(text, &toks, 0, &places, &mut words, &mut starts);
        spans(&words)
    }

    fn split(text: &str) -> Vec<(usize, usize)> {
        let mut words = Vec::new();
        split_words(text, &mut words);
        spans(&words)
    }

    /// What the word table says of `w`.
    fn info_of(w: &str) -> WordInfo {
        word_info(key(w.as_bytes(), whole_word(w)))
    }

    fn whole_word(w: &str) -> Word {
        Word {
            start: 0,
            end: w.len(),
        }
    }

    fn number_word(w: &str) -> bool {
        is_number_word(w.as_bytes(), whole_word(w))
    }

    #[test]
    fn number_words_match_their_list() {
        for w in NUMBER_WORDS {
            assert!(number_word(w) && number_word(&w.to_uppercase()), "{w}");
        }
        for w in [
            "the",
            "this",
            "shares",
            "trade",
            "men",
            "tenth",
            "",
            "twentyfive",
        ] {
            assert!(!number_word(w), "{w}");
        }
        let table: &[(u16, &str, bool)] = &[
            (MONTH, "sept", true),
            (MONTH, "March", true),
            (MONTH, "marches", false),
            (NOT_UNIT, "than", true),
            (NOT_UNIT, "THAN", true),
            (NOT_UNIT, "people", false),
            (TIME_UNIT, "decades", true),
            (TIME_UNIT, "tonnes", false),
            (EVENT, "killed", true),
            (EVENT, "Killed", true),
            (EVENT, "said", false),
            (NOT_UNIT, "o'clock", true),
            (NOT_UNIT, "a.m", true),
            (NOT_UNIT, "a.m.", false),
            (NOT_UNIT, "p-m", false),
        ];
        for &(bit, w, want) in table {
            assert_eq!(info_of(w).is(bit), want, "{w}");
        }
        type Numbers = (Option<f64>, Option<f64>, Option<f64>);
        let numbers: &[(&str, Numbers)] = &[
            // word, (number of its own, multiplier, vague plural)
            ("three", (Some(3.0), None, None)),
            ("Dozen", (Some(12.0), None, None)),
            ("dozens", (None, None, Some(24.0))),
            ("hundred", (None, Some(1e2), None)),
            ("millions", (None, Some(1e6), Some(2e6))),
            ("MLN", (None, Some(1e6), None)),
            ("trillions", (None, Some(1e12), None)),
            ("tens", (None, None, None)),
            ("twenty-five", (None, None, None)),
        ];
        for &(w, (small, mult, vague)) in numbers {
            let i = info_of(w);
            assert_eq!(
                (i.small(), i.multiplier(), i.vague()),
                (small, mult, vague),
                "{w}"
            );
        }
        let words: &[(&str, Option<f64>)] = &[
            ("twenty-five", Some(25.0)),
            ("Ninety-Nine", Some(99.0)),
            ("ten", Some(10.0)),
            ("ten-five", None),
            ("twenty-ten", None),
            ("twenty-five-year", None),
            ("-five", None),
            ("hundred", None),
        ];
        for &(w, want) in words {
            let b = w.as_bytes();
            let whole = whole_word(w);
            assert_eq!(word_number(b, whole, key(b, whole)), want, "{w}");
        }
    }

    /// Every word list of the table.
    const WORD_LISTS: [&[&str]; 6] = [
        NUMBER_WORDS,
        MONTHS,
        NOT_UNITS,
        TIME_UNITS,
        EVENTS,
        APPROXIMATOR_ENDS,
    ];

    /// Keys of words too long for one: none, and no listed word is one.
    #[test]
    fn long_words_have_no_key() {
        let w = "seventeenthousands";
        assert_eq!(key(w.as_bytes(), whole_word(w)), 0);
        assert_eq!(info_of(w), WordInfo::NONE);
        assert!(
            WORD_LISTS
                .iter()
                .flat_map(|l| l.iter())
                .all(|w| w.len() <= 16)
        );
    }

    /// Which words a number may count, pinned: the unit read (`""` for none) right after a
    /// number, after a range (`20 to 30`, `between 20 and 30`) and after `dozens of`, or `-`
    /// when no figure is read at all (a duration, left to the time extractors).
    #[test]
    fn words_after_a_number() {
        #[rustfmt::skip]
        let table: &[(&str, [&str; 4])] = &[
            // word          5 W         20 to 30 W   between ... W  dozens of W
            ("year",        ["-",        "",          "",            ""]),
            ("years",       ["-",        "",          "",            ""]),
            ("month",       ["-",        "",          "",            ""]),
            ("months",      ["-",        "",          "",            ""]),
            ("week",        ["-",        "",          "",            ""]),
            ("weeks",       ["-",        "",          "",            ""]),
            ("day",         ["-",        "",          "",            ""]),
            ("days",        ["-",        "",          "",            ""]),
            ("hour",        ["-",        "",          "",            ""]),
            ("hours",       ["-",        "",          "",            ""]),
            ("minute",      ["-",        "",          "",            ""]),
            ("minutes",     ["-",        "",          "",            ""]),
            ("Minutes",     ["-",        "",          "",            ""]),
            ("second",      ["-",        "",          "",            ""]),
            ("seconds",     ["-",        "",          "",            ""]),
            ("Seconds",     ["-",        "",          "",            ""]),
            ("decade",      ["-",        "",          "",            ""]),
            ("decades",     ["-",        "",          "",            ""]),
            ("century",     ["-",        "",          "",            ""]),
            ("centuries",   ["-",        "",          "",            ""]),
            ("o'clock",     ["",         "",          "",            ""]),
            ("times",       ["",         "",          "",            ""]),
            ("ago",         ["",         "",          "",            ""]),
            ("than",        ["",         "",          "",            ""]),
            ("of",          ["",         "",          "",            ""]),
            ("per",         ["",         "",          "",            ""]),
            ("others",      ["",         "",          "",            ""]),
            ("more",        ["",         "",          "",            ""]),
            ("people",      ["people",   "people",    "people",      "people"]),
            ("tonnes",      ["tonnes",   "tonnes",    "tonnes",      "tonnes"]),
            ("dlrs",        ["dlrs",     "dlrs",      "dlrs",        "dlrs"]),
            ("killed",      ["killed",   "killed",    "killed",      "killed"]),
            ("pct",         ["percent",  "percent",   "percent",     "percent"]),
            ("percent",     ["percent",  "percent",   "percent",     "percent"]),
        ];
        let forms = [
            "Officials counted 5 {} there.",
            "Officials counted 20 to 30 {} there.",
            "Officials counted between 20 and 30 {} there.",
            "Officials counted dozens of {} there.",
        ];
        for &(word, want) in table {
            for (form, want) in forms.iter().zip(want) {
                let text = form.replace("{}", word);
                let found = whole(&text);
                let got = match found.as_slice() {
                    [] => "-".to_string(),
                    [f] => f.unit.as_deref().unwrap_or_default().to_string(),
                    _ => panic!("{text:?}: {found:?}"),
                };
                assert_eq!(got, want, "{text:?}");
                assert_eq!(from_tokens(&text), found, "{text:?}");
            }
        }
    }

    /// `approximator` reads an approximator only before one of [`APPROXIMATOR_ENDS`], so the
    /// scan asks it nothing before other words; and every one of them ends one.
    #[test]
    fn approximators_end_with_their_listed_words() {
        let others: &[&str] = &[
            "more", "upwards", "at", "no", "fewer", "up", "as", "close", "an", "x", "people",
        ];
        let vocabulary: Vec<&str> = WORD_LISTS
            .iter()
            .chain([&others])
            .copied()
            .flatten()
            .copied()
            .collect();
        let keys: Vec<Key> = std::iter::once(0)
            .chain(vocabulary.iter().map(|w| word_key(w)))
            .collect();
        for &k1 in &keys {
            let ends = keys.iter().any(|&k2| approximator(k2, k1).is_some());
            assert_eq!(ends, word_info(k1).is(APPROXIMATOR_END), "{k1:x}");
        }
    }

    /// The event filter lets every event through, in any case, and turns most words away.
    #[test]
    fn event_shapes_pass_every_event() {
        for &e in EVENTS {
            for w in [e.to_string(), e.to_uppercase()] {
                assert!(EVENT_SHAPES.may_be(w.as_bytes(), whole_word(&w)), "{w}");
            }
        }
        for w in [
            "homes",
            "people",
            "year",
            "regional",
            "",
            "x",
            "seventeenthousand",
        ] {
            assert!(!EVENT_SHAPES.may_be(w.as_bytes(), whole_word(w)), "{w}");
        }
    }

    #[test]
    fn events_are_words_of_four_to_ten_letters() {
        for &w in EVENTS {
            assert!(info_of(w).is(EVENT) && (4..=10).contains(&w.len()), "{w}");
        }
        // Every word of 3 or 11 letters made of the events' letters is none.
        for w in ["die", "led", "abductedxxx", "casualtiess"] {
            assert!(!info_of(w).is(EVENT), "{w}");
        }
    }

    #[test]
    fn token_words_are_the_split_words() {
        let cases = [
            "1,200 people; 1.2 mln; twenty-five; U.S.-China; Myanmar's; d'Ivoire; No.5; Feb.26",
            "rock’n’roll, Zürich’s 3,000-strong crowd, l'État, x.9, 9.x, a,b 1,b -5 5- ''",
            "",
            "   ",
        ];
        for text in cases {
            assert_eq!(token_words(text), split(text), "{text:?}");
        }
    }

    #[test]
    fn likely_starts_read_what_every_word_reads() {
        let cases = [
            "Protests have left more than 750 people dead, and over 270 civilians were killed.",
            "It fined 10 people and three companies; between 20 and 30 boats sank near a dozen ports.",
            "Dozens of protesters and tens of thousands of others -- hundreds, maybe -- fled.",
            "no one came on March 3, 1987 at 10:30; one-on-one talks; 1.2 mln tonnes, up 5% or 5 per cent",
            "",
            "  a  hundred ",
            "Twenty-five TONS, An Estimated THREE HUNDRED people",
        ];
        for text in cases {
            assert_eq!(from_tokens(text), whole(text), "{text:?}");
        }
        // Numbers far apart, and far from the ends of the paragraph.
        let filler = "the talks went on and officials said little about it, ".repeat(12);
        let text = format!(
            "{filler}more than 750 people dead {filler} between 20 and 30 boats {filler}a \
             dozen ships-and-boats {filler}"
        );
        let found = from_tokens(&text);
        assert_eq!(found.len(), 3);
        assert_eq!(found, whole(&text));
        // What a figure reads farthest after its last number: `of`, a unit, `per cent` and an
        // event four words on.
        let text = format!(
            "{filler}dozens of people were all found dead {filler}dozens of per cent of them \
             went missing {filler}"
        );
        let found = from_tokens(&text);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].event.as_deref(), Some("dead"));
        assert_eq!(found[1].event.as_deref(), Some("missing"));
        assert_eq!(found, whole(&text));
    }

    proptest! {
        /// Numbers read without allocating are the numbers the parser reads.
        #[test]
        fn short_decimals_parse_as_the_parser_does(s in "[0-9][0-9,.]{0,20}") {
            if let Some(v) = short_decimal(s.as_bytes()) {
                let clean: String = s.chars().filter(|c| *c != ',').collect();
                prop_assert_eq!(Some(v), clean.parse::<f64>().ok());
            }
        }

        /// The word table says of a word, in any case and wherever it lies in the text, what
        /// the lists say of its lower case.
        #[test]
        fn word_table_matches_the_lists(
            w in prop::sample::select(
                [NUMBER_WORDS, MONTHS, NOT_UNITS, TIME_UNITS, EVENTS, APPROXIMATOR_ENDS]
                    .concat()
                    .into_iter()
                    .chain(["a.m.", "tonnes", "Seconds", "p.m", "x", "élan"])
                    .collect::<Vec<_>>(),
            ),
            upper in prop::collection::vec(any::<bool>(), 16),
            before in "[a-z ]{0,20}",
            after in "[a-z .]{0,20}",
        ) {
            let cased: String = w
                .chars()
                .zip(upper.iter().chain(std::iter::repeat(&false)))
                .map(|(c, &u)| if u { c.to_ascii_uppercase() } else { c })
                .collect();
            let text = format!("{before}{cased}{after}");
            let word = Word { start: before.len(), end: before.len() + cased.len() };
            let info = word_info(key(text.as_bytes(), word));
            let lower = cased.to_ascii_lowercase();
            let listed = |list: &[&str]| list.contains(&lower.as_str());
            let head = lower.split('-').next().unwrap_or("");
            prop_assert_eq!(info.is(NUMBER_WORD), NUMBER_WORDS.contains(&lower.as_str()));
            prop_assert_eq!(is_number_word(text.as_bytes(), word), NUMBER_WORDS.contains(&head));
            prop_assert_eq!(info.is(MONTH), listed(MONTHS));
            prop_assert_eq!(info.is(NOT_UNIT), listed(NOT_UNITS));
            prop_assert_eq!(info.is(TIME_UNIT), listed(TIME_UNITS));
            prop_assert_eq!(info.is(EVENT), listed(EVENTS));
            prop_assert_eq!(info.is(APPROXIMATOR_END), listed(APPROXIMATOR_ENDS));
            prop_assert!(EVENT_SHAPES.may_be(text.as_bytes(), word) || !listed(EVENTS));
            let small = SMALL_NUMBERS.iter().find(|(x, _)| *x == lower).map(|&(_, v)| v);
            prop_assert_eq!(info.small(), small);
            let mult = MULTIPLIERS.iter().find(|(x, _)| *x == lower).map(|&(_, v)| v);
            prop_assert_eq!(info.multiplier(), mult);
            let vague = VAGUE_PLURALS.iter().find(|(x, _)| *x == lower).map(|&(_, v)| v);
            prop_assert_eq!(info.vague(), vague);
        }

        /// Any word's key is a listed word's key exactly when its ASCII lower case is that
        /// word; other words find nothing in the table.
        #[test]
        fn keys_fold_ascii_case_only(w in "[a-zA-Z0-9.'’é-]{1,18}") {
            let info = info_of(&w);
            let lower = w.to_ascii_lowercase();
            let lists = [NUMBER_WORDS, MONTHS, NOT_UNITS, TIME_UNITS, EVENTS, APPROXIMATOR_ENDS];
            let listed = lists.iter().any(|l| l.contains(&lower.as_str()))
                || [SMALL_NUMBERS, MULTIPLIERS, VAGUE_PLURALS]
                    .iter()
                    .any(|l| l.iter().any(|(x, _)| *x == lower));
            prop_assert_eq!(info != WordInfo::NONE, listed);
        }

        /// Words built from the shared tokens are the words split from the bytes.
        #[test]
        fn token_words_match_split_words(s in "[a-zA-Z0-9.,'’ é-]{0,60}") {
            prop_assert_eq!(token_words(&s), split(&s));
        }

        /// Reading figures only at the words a number may start at finds exactly what trying
        /// every word of the paragraph finds, however the words are spaced.
        #[test]
        fn likely_starts_match_every_word(
            parts in prop::collection::vec(
                (
                    prop::sample::select(vec![
                        "more", "than", "a", "an", "dozen", "dozens", "of", "tens", "thousands",
                        "hundred", "million", "1,200", "750", "20-30", "to", "and", "between",
                        "people", "dead", "killed", "one", "no", "Twenty-five", "March", "3",
                        "1987", "10:30", "$5", "5%", "per", "cent", "--", "the", "said", "over",
                        "weeks", "Ünïcode", "up", "at", "least", "é9", ".", ";", "No.5", "A",
                        "HUNDRED", "one's", "x’9",
                        // Runs of words no number starts at, so that places fall into
                        // separate runs (see `read_paragraph`).
                        "the talks went on and officials said little about it",
                        "as shipments rose in the week the port said and talks went on",
                    ]),
                    prop::sample::select(vec![" ", "  ", "\n", ", ", "-", ". ", "\t", "", "'"]),
                ),
                0..80,
            )
        ) {
            let text: String = parts.iter().flat_map(|(w, s)| [*w, *s]).collect();
            prop_assert_eq!(from_tokens(&text), whole(&text));
        }
    }
}
