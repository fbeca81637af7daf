//! The fast pass: tokens, and the positions worth parsing.

use super::lexicon::{self, Lex};
use std::sync::OnceLock;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// ASCII letters (with a `'` inside, as in `o'clock`).
    Word,
    /// ASCII digits.
    Num,
    /// One punctuation byte.
    Punct(u8),
    /// Anything else (non-ASCII).
    Other,
}

/// A token of a window of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub lex: Option<Lex>,
    /// First letter upper-case.
    pub cap: bool,
    /// No whitespace between the previous token and this one.
    pub glued: bool,
    /// A line break (blank line or newline) between the previous token and this one.
    pub newline: bool,
    /// Value of a `Num` (saturating).
    pub num: u64,
}

impl Tok {
    pub(crate) fn len(&self) -> usize {
        self.end - self.start
    }
}

/// [`key`] of `bytes[start..end]`, reading sixteen bytes at once where the text goes on that far.
#[inline]
fn key_in(bytes: &[u8], start: usize, end: usize) -> Option<u128> {
    let len = end.checked_sub(start)?;
    if len <= 8 {
        // Most words: eight bytes are enough, and 64-bit masks are cheaper.
        let chunk = start.checked_add(8).and_then(|e| bytes.get(start..e));
        if let Some(chunk) = chunk.and_then(|c| <[u8; 8]>::try_from(c).ok()) {
            let mask = u64::MAX.checked_shr(64 - 8 * len as u32).unwrap_or(0);
            let lower = u64::from_le_bytes(chunk) | 0x2020_2020_2020_2020;
            return Some(u128::from(lower & mask) | ((len as u128) << 120));
        }
    }
    if len > 15 {
        return None;
    }
    match start.checked_add(16).and_then(|e| bytes.get(start..e)) {
        Some(chunk) => {
            let chunk = <[u8; 16]>::try_from(chunk).ok()?;
            let mask = (1u128 << (8 * len)) - 1;
            let lower = 0x2020_2020_2020_2020_2020_2020_2020_2020u128 & mask;
            Some(((u128::from_le_bytes(chunk) & mask) | lower) | ((len as u128) << 120))
        }
        None => key(bytes.get(start..end)?),
    }
}

/// A word of up to 15 ASCII letters (or `'`) as one number: its bytes in lower case, and its
/// length in the top byte.
#[inline]
fn key(word: &[u8]) -> Option<u128> {
    let len = word.len();
    if len > 15 {
        return None;
    }
    let mut bytes = [0u8; 16];
    bytes[..len].copy_from_slice(word);
    // Setting 0x20 lower-cases a letter and keeps `'`.
    let lower = 0x2020_2020_2020_2020_2020_2020_2020_2020u128 & ((1u128 << (8 * len)) - 1);
    Some((u128::from_le_bytes(bytes) | lower) | ((len as u128) << 120))
}

/// Slots of the lexicon's hash table: a power of two, about four times the words.
const SLOTS: usize = 1024;

/// The slot where the search for `key` starts: the top bits of a multiplicative hash.
#[inline]
fn home(key: u128) -> usize {
    let x = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
    (x.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - SLOTS.trailing_zeros())) as usize
}

/// The lexicon as an open-addressing hash table (linear probing; key 0 marks an empty slot,
/// which no word's key is) behind a cheap filter on (first two letters, length).
struct Table {
    /// Each slot's key and the meaning of its word, side by side so a hit reads one line.
    slots: Box<[(u128, Option<Lex>); SLOTS]>,
    /// The meaning of the words of one or two ASCII letters, indexed by [`pair`] of their
    /// letters (a one-letter word pairs with 0, which no letter's low five bits are).
    short: [Option<Lex>; 1024],
    /// Bit `len` set when some word of that length starts with these two letters.
    any: [u32; 27 * 27],
    /// The same for the words that trigger a window.
    trigger: [u32; 27 * 27],
    /// `any` for words of two or more bytes, indexed by [`pair`] of their first two.
    any_pairs: [u32; 1024],
    /// `trigger` indexed the same way.
    trigger_pairs: [u32; 1024],
    /// Indexed like `any_pairs`: bit `c & 31` set when some word of three or more bytes
    /// starts with these two letters and then `c`.
    any_thirds: [u32; 1024],
    /// The same for the words that trigger a window.
    trigger_thirds: [u32; 1024],
}

/// An index below 1024 for two bytes, the same for a letter in either case (their low five
/// bits: cheaper than [`slot`], and as sharp for words of letters).
#[inline]
fn pair(a: u8, b: u8) -> usize {
    usize::from(a & 31) << 5 | usize::from(b & 31)
}

/// The filter bits of `word` in a (first two letters, length) table: from `pairs` when it has
/// two bytes, else from `slots`.
#[inline]
fn filter_bits(pairs: &[u32; 1024], slots: &[u32; 27 * 27], word: &[u8]) -> u32 {
    match *word {
        [a, b, ..] => pairs[pair(a, b)],
        _ => slots.get(slot(word)).copied().unwrap_or(0),
    }
}

/// Whether the third byte of `word` may follow its first two in a word of `thirds` (a table
/// like [`Table::any_thirds`]); true for words shorter than three bytes.
#[inline]
fn third_fits(thirds: &[u32; 1024], word: &[u8]) -> bool {
    match *word {
        [a, b, c, ..] => thirds[pair(a, b)] & (1 << (c & 31)) != 0,
        _ => true,
    }
}

/// 1 to 26 for ASCII letters (either case), 0 for every other byte.
static LETTER: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 26 {
        t[b'a' as usize + b] = b as u8 + 1;
        t[b'A' as usize + b] = b as u8 + 1;
        b += 1;
    }
    t
};

#[inline]
fn letter(b: u8) -> usize {
    usize::from(LETTER[usize::from(b)])
}

/// The end of the run of ASCII letters starting at `i` (at most `end`), eight bytes at a time.
#[inline]
pub(crate) fn letter_run(bytes: &[u8], mut i: usize, end: usize) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    while i + 8 <= end {
        let mut chunk = [0u8; 8];
        chunk.copy_from_slice(&bytes[i..i + 8]);
        let w = u64::from_le_bytes(chunk);
        // Per byte: fold case, drop the high bit, then test 0x61 <= x <= 0x7a without carries
        // between bytes (x + 0x1f and x + 0x05 stay below 0x100).
        let x = (w | 0x2020_2020_2020_2020) & !HIGH;
        let at_least_a = x.wrapping_add(0x1f1f_1f1f_1f1f_1f1f);
        let past_z = x.wrapping_add(0x0505_0505_0505_0505);
        let letters = at_least_a & !past_z & !w & HIGH;
        let others = !letters & HIGH;
        if others != 0 {
            return i + (others.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < end && CLASS[usize::from(bytes[i])] == 1 {
        i += 1;
    }
    i
}

#[inline]
fn slot(word: &[u8]) -> usize {
    let a = word.first().map_or(0, |&b| letter(b));
    let b = word.get(1).map_or(0, |&b| letter(b));
    a * 27 + b
}

impl Table {
    /// The meaning of the word with this key.
    #[inline]
    fn find(&self, key: u128) -> Option<Lex> {
        let mut i = home(key);
        for _ in 0..SLOTS {
            let (k, lex) = self.slots[i & (SLOTS - 1)];
            if k == key {
                return lex;
            }
            if k == 0 {
                return None;
            }
            i = (i + 1) & (SLOTS - 1);
        }
        None
    }

    fn insert(&mut self, key: u128, lex: Lex) {
        let mut i = home(key);
        for _ in 0..SLOTS {
            let slot = &mut self.slots[i & (SLOTS - 1)];
            if slot.0 == key || slot.0 == 0 {
                *slot = (key, Some(lex));
                return;
            }
            i = (i + 1) & (SLOTS - 1);
        }
    }

    #[cfg(test)]
    fn get(&self, word: &[u8]) -> Option<Lex> {
        self.get_in(word, 0, word.len())
    }

    /// The meaning of the word `bytes[start..end]`.
    #[inline]
    fn get_in(&self, bytes: &[u8], start: usize, end: usize) -> Option<Lex> {
        let word = bytes.get(start..end)?;
        let len = word.len();
        if len >= 32
            || filter_bits(&self.any_pairs, &self.any, word) & (1 << len) == 0
            || !third_fits(&self.any_thirds, word)
        {
            return None;
        }
        self.find(key_in(bytes, start, end)?)
    }

    /// The meaning of the word `bytes[start..end]`, a run of ASCII letters (or `o'clock`):
    /// [`get_in`](Table::get_in) with words of one or two letters read straight from a table.
    #[inline]
    fn word_lex(&self, bytes: &[u8], start: usize, end: usize) -> Option<Lex> {
        match end.checked_sub(start)? {
            1 => self.short[pair(*bytes.get(start)?, 0)],
            2 => self.short[pair(*bytes.get(start)?, *bytes.get(start + 1)?)],
            _ => self.get_in(bytes, start, end),
        }
    }

    /// The length and meaning of the word of ASCII letters starting at `start` when it ends
    /// before `start + 8` (and before `end`), has at least two letters and eight bytes of text
    /// follow its start: the run is measured and keyed from one eight-byte load. `None` for
    /// every other word, which [`letter_run`] and [`word_lex`](Table::word_lex) read.
    #[inline(always)]
    fn short_word(&self, bytes: &[u8], start: usize, end: usize) -> Option<(usize, Option<Lex>)> {
        const HIGH: u64 = 0x8080_8080_8080_8080;
        const LOWER: u64 = 0x2020_2020_2020_2020;
        if start.checked_add(8)? > end {
            return None;
        }
        let chunk = <[u8; 8]>::try_from(bytes.get(start..start + 8)?).ok()?;
        let w = u64::from_le_bytes(chunk);
        // As in `letter_run`: the high bit of each byte that is an ASCII letter.
        let x = (w | LOWER) & !HIGH;
        let letters = x.wrapping_add(0x1f1f_1f1f_1f1f_1f1f)
            & !x.wrapping_add(0x0505_0505_0505_0505)
            & !w
            & HIGH;
        let others = !letters & HIGH;
        let len = (others.trailing_zeros() / 8) as usize;
        // `others` is not zero when the word ends inside the load; one letter may be `o'clock`.
        if others == 0 || len < 2 {
            return None;
        }
        let [a, b, c, ..] = chunk;
        let lex = if len == 2 {
            self.short[pair(a, b)]
        } else if self.any_pairs[pair(a, b)] & (1 << len) == 0
            || self.any_thirds[pair(a, b)] & (1 << (c & 31)) == 0
        {
            None
        } else {
            let mask = u64::MAX >> (8 * (8 - len));
            self.find(u128::from((w | LOWER) & mask) | ((len as u128) << 120))
        };
        Some((len, lex))
    }

    /// Whether the word `bytes[start..end]` triggers a window.
    #[inline]
    fn is_trigger_in(&self, bytes: &[u8], start: usize, end: usize) -> bool {
        let Some(word) = bytes.get(start..end) else {
            return false;
        };
        let len = word.len();
        if len >= 32 || filter_bits(&self.trigger_pairs, &self.trigger, word) & (1 << len) == 0 {
            return false;
        }
        self.is_trigger_past_filter(bytes, start, end)
    }

    /// [`is_trigger_in`](Table::is_trigger_in) for a word the caller has already let through
    /// the trigger filter on (first two letters, length): the third letter is checked, then the
    /// word looked up.
    #[inline]
    fn is_trigger_past_filter(&self, bytes: &[u8], start: usize, end: usize) -> bool {
        if !bytes
            .get(start..end)
            .is_some_and(|w| third_fits(&self.trigger_thirds, w))
        {
            return false;
        }
        self.is_trigger_past_thirds(bytes, start, end)
    }

    /// [`is_trigger_past_filter`](Table::is_trigger_past_filter) for a word whose third letter
    /// the caller has checked too: the word looked up.
    #[inline(always)]
    fn is_trigger_past_thirds(&self, bytes: &[u8], start: usize, end: usize) -> bool {
        match key_in(bytes, start, end).and_then(|k| self.find(k)) {
            // `New Year`: the grammar takes `new` only before the word `year`.
            Some(Lex::Holiday(lexicon::Holiday::NewYear)) => year_follows(bytes, end),
            Some(l) => l.is_trigger(),
            None => false,
        }
    }
}

const WORDS: &str = "january february march april may june july august september october november december \
jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday \
mondays tuesdays wednesdays thursdays fridays saturdays sundays millennium millenium millennia millenniums \
century centuries decade decades year years quarter quarters season seasons month months week weeks weekend \
weekends day days hour hours minute minutes second seconds yr yrs hr hrs min mins one two three four five six \
seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty \
forty fourty fifty sixty seventy eighty ninety hundred thousand dozen first third fourth fifth sixth seventh \
eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth \
twentieth thirtieth spring summer fall autumn winter summers winters autumns morning mornings afternoon afternoons evening evenings \
night nights daytime noon midday midnight today yesterday tomorrow tonight now currently current recently recent \
soon previously formerly lately nowadays future present overnight already christmas xmas thanksgiving easter \
halloween independence labor labour memorial valentine election new hourly daily nightly weekly monthly \
annually yearly twenties thirties forties fifties sixties seventies eighties nineties est edt \
cst cdt mst mdt pst pdt gmt utc bst cet cest the a an this that these those next last past coming upcoming \
previous prior preceding following subsequent same early mid middle late later earlier beginning start end ago \
from hence of and or in at on within about around nearly almost approximately roughly some several few couple \
many more less fewer than over under up to least most fiscal every each per half latest full whole entire \
o'clock before after other long old time period moment eve since until till through thru by during near no right corresponding comparable";

/// The words of the lexicon, for tests that draw text from them.
#[cfg(test)]
pub(crate) fn lexicon_words() -> impl Iterator<Item = &'static str> {
    WORDS.split_whitespace()
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = Table {
            slots: Box::new([(0, None); SLOTS]),
            short: [None; 1024],
            any: [0; 27 * 27],
            trigger: [0; 27 * 27],
            any_pairs: [0; 1024],
            trigger_pairs: [0; 1024],
            any_thirds: [0; 1024],
            trigger_thirds: [0; 1024],
        };
        for w in WORDS.split_whitespace() {
            if let (Some(k), Some(l)) = (key(w.as_bytes()), lexicon::lookup(w)) {
                t.insert(k, l);
                match *w.as_bytes() {
                    [a] => t.short[pair(a, 0)] = Some(l),
                    [a, b] => t.short[pair(a, b)] = Some(l),
                    _ => {}
                }
                let bit = 1u32 << w.len().min(31);
                t.any[slot(w.as_bytes())] |= bit;
                if let [a, b, ..] = *w.as_bytes() {
                    t.any_pairs[pair(a, b)] |= bit;
                }
                if let [a, b, c, ..] = *w.as_bytes() {
                    t.any_thirds[pair(a, b)] |= 1 << (c & 31);
                }
                if l.is_trigger() {
                    t.trigger[slot(w.as_bytes())] |= bit;
                    if let [a, b, ..] = *w.as_bytes() {
                        t.trigger_pairs[pair(a, b)] |= bit;
                    }
                    if let [a, b, c, ..] = *w.as_bytes() {
                        t.trigger_thirds[pair(a, b)] |= 1 << (c & 31);
                    }
                }
            }
        }
        t
    })
}

/// Whether the next word after `bytes[..end]` (past ASCII whitespace, as the tokenizer skips it)
/// is exactly `year` in any case.
fn year_follows(bytes: &[u8], end: usize) -> bool {
    let mut i = end;
    while bytes.get(i).is_some_and(|b| b.is_ascii_whitespace()) {
        i += 1;
    }
    let e = i.saturating_add(4);
    bytes
        .get(i..e)
        .is_some_and(|w| w.eq_ignore_ascii_case(b"year"))
        && !bytes.get(e).is_some_and(|b| b.is_ascii_alphabetic())
}

/// Byte classes: 1 for ASCII letters, 2 for digits, 0 for the rest.
static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphabetic() {
            1
        } else if c.is_ascii_digit() {
            2
        } else {
            0
        };
        b += 1;
    }
    t
};

#[cfg(test)]
fn is_word_byte(b: u8) -> bool {
    CLASS[usize::from(b)] == 1
}

/// Byte ranges of `text` worth parsing: around every trigger word or number, `back` bytes
/// before and `ahead` bytes after, merged. Offsets are relative to `text`, on ASCII word boundaries.
#[cfg(test)]
pub(crate) fn windows(text: &str, back: usize, ahead: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    windows_into(text, back, ahead, &mut out);
    out
}

/// The trigger windows (see `windows`, the allocating version the tests use) written into
/// `out` (cleared first), so its buffer can be reused.
///
/// Letters and digits are found 64 bytes at a time as bit masks, and the runs they make are
/// visited by their first bytes: the bytes between words cost nothing of their own, and a word
/// within a block is measured and checked against the trigger filter from the block's copy
/// without reading the text again.
pub(crate) fn windows_into(text: &str, back: usize, ahead: usize, out: &mut Vec<(usize, usize)>) {
    out.clear();
    let bytes = text.as_bytes();
    let table = table();
    let n = bytes.len();
    let mut base = 0;
    while base < n {
        // Past the end, the last block's bytes are zeros: neither letters nor digits.
        let block = &crate::simd::with_block(bytes, base, |block| *block);
        let (letters, digits) = crate::simd::alnum_masks64(block);
        // A block starts at no run's inside (a run crossing into it was read whole), so each
        // run starts where its bit is set and the bit before is not. Words of one or two
        // letters trigger nothing: a letter run is visited only where the two bytes after its
        // start are letters too, or where those bytes lie past the block (the last two bits).
        let long = (letters >> 1) & (letters >> 2) | (0b11 << 62);
        let mut todo = (letters & !(letters << 1) & long) | (digits & !(digits << 1));
        let mut next = base + 64;
        while todo != 0 {
            let off = todo.trailing_zeros();
            todo &= todo - 1;
            let s = base + off as usize;
            let is_letter = letters >> off & 1 == 1;
            let rest = !(if is_letter { letters } else { digits }) >> off;
            if rest == 0 {
                // The run goes on past the block: read it to its end, go on from there.
                let i = if is_letter {
                    letter_run(bytes, base + 64, n)
                } else {
                    digit_run(bytes, base + 64, n)
                };
                if if is_letter {
                    (3..=12).contains(&(i - s)) && table.is_trigger_in(bytes, s, i)
                } else {
                    number_is_timelike(bytes, s, i)
                } {
                    push_window(out, bytes, s, i, back, ahead);
                }
                next = i;
                break;
            }
            let len = rest.trailing_zeros() as usize;
            let i = s + len;
            if is_letter {
                // Within the block, a word of three or more letters has its first two in it.
                let o = off as usize;
                let (a, b) = (block[o & 63], block[(o + 1) & 63]);
                if (3..=12).contains(&len)
                    && table.trigger_pairs[pair(a, b)] & (1 << len) != 0
                    && table.trigger_thirds[pair(a, b)] & (1 << (block[(o + 2) & 63] & 31)) != 0
                    && table.is_trigger_past_thirds(bytes, s, i)
                {
                    push_window(out, bytes, s, i, back, ahead);
                }
            } else if number_is_timelike(bytes, s, i) {
                push_window(out, bytes, s, i, back, ahead);
            }
        }
        base = next;
    }
}

/// The end of the run of ASCII digits starting at `i` (at most `end`).
#[inline]
fn digit_run(bytes: &[u8], mut i: usize, end: usize) -> usize {
    while i < end && bytes[i].is_ascii_digit() {
        i += 1;
    }
    i
}

/// Whether the digits `bytes[s..e]` may be part of a time: not money, a percentage, a decimal
/// or a thousands group, and shaped like a year, a date, a clock time or an ordinal.
#[inline(always)]
fn number_is_timelike(bytes: &[u8], s: usize, i: usize) -> bool {
    let n = bytes.len();
    // Money, percentages, decimals and thousands groups are not times.
    let before = s.checked_sub(1).map(|k| bytes[k]);
    let after = bytes.get(i).copied();
    let after2 = bytes.get(i + 1).copied();
    let money = matches!(before, Some(b'$' | b'.' | b','))
        || after == Some(b'%')
        || matches!(after, Some(b'.' | b',')) && after2.is_some_and(|c| c.is_ascii_digit());
    // Other numbers matter only as years, dates, clock times and ordinals; before a
    // unit or a month the unit or month word triggers the window itself.
    let timelike = i - s == 4
        || matches!(after, Some(b':' | b'/' | b'-')) && after2.is_some_and(|c| c.is_ascii_digit())
        || after.is_some_and(|c| c.is_ascii_alphabetic())
        || after == Some(b' ') && {
            let rest = &bytes[(i + 1).min(n)..(i + 9).min(n)];
            let r = |p: &[u8]| rest.len() >= p.len() && rest[..p.len()].eq_ignore_ascii_case(p);
            r(b"a.m") || r(b"p.m") || r(b"am") || r(b"pm") || r(b"o'clock") || r(b"in the")
        };
    !money && timelike
}

/// The byte-at-a-time scan that [`windows_into`] replaces, kept to check it against.
#[cfg(test)]
fn windows_reference(text: &str, back: usize, ahead: usize, out: &mut Vec<(usize, usize)>) {
    out.clear();
    let bytes = text.as_bytes();
    let table = table();
    let mut i = 0;
    let n = bytes.len();
    while i < n {
        let b = bytes[i];
        let class = CLASS[usize::from(b)];
        if class == 1 {
            let s = i;
            i = letter_run(bytes, i + 1, n);
            let len = i - s;
            if (3..=12).contains(&len) && table.is_trigger_in(bytes, s, i) {
                push_window(out, bytes, s, i, back, ahead);
            }
        } else if class == 2 {
            let s = i;
            while i < n && bytes[i].is_ascii_digit() {
                i += 1;
            }
            if number_is_timelike(bytes, s, i) {
                push_window(out, bytes, s, i, back, ahead);
            }
        } else {
            i += 1;
        }
    }
}

#[inline(always)]
fn push_window(
    out: &mut Vec<(usize, usize)>,
    bytes: &[u8],
    s: usize,
    e: usize,
    back: usize,
    ahead: usize,
) {
    let mut start = s.saturating_sub(back);
    // Back up to a word start (ASCII boundary, so also a char boundary).
    while start > 0
        && start < s
        && (bytes[start - 1].is_ascii_alphanumeric() || bytes[start] >= 0x80)
    {
        start -= 1;
    }
    let mut end = e.saturating_add(ahead).min(bytes.len());
    while end < bytes.len() && (bytes[end].is_ascii_alphanumeric() || bytes[end] >= 0x80) {
        end += 1;
    }
    if let Some(last) = out.last_mut()
        && start <= last.1
    {
        last.1 = last.1.max(end);
        return;
    }
    out.push((start, end));
}

/// Tokens of `text[start..end]`, with offsets into `text`.
///
/// Letter runs are read eight bytes at a time, and words of one or two letters are looked up
/// without hashing.
pub(crate) fn tokenize(text: &str, start: usize, end: usize, out: &mut Vec<Tok>) {
    let bytes = text.as_bytes();
    let end = end.min(bytes.len());
    let table = table();
    let mut i = start;
    let mut glued = false;
    let mut newline = false;
    while i < end {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            if b == b'\n' {
                newline = true;
            }
            glued = false;
            i += 1;
            continue;
        }
        let s = i;
        let class = CLASS[usize::from(b)];
        let short_word = if class == 1 {
            table.short_word(bytes, s, end)
        } else {
            None
        };
        let (kind, num, lex) = if let Some((len, lex)) = short_word {
            // A word of two to seven letters, read and looked up in one load.
            i = s + len;
            (Kind::Word, 0, lex)
        } else if class == 1 {
            i = letter_run(bytes, i + 1, end);
            // o'clock
            if i - s == 1
                && b | 0x20 == b'o'
                && bytes.get(i) == Some(&b'\'')
                && bytes[i..end.min(i + 6)].eq_ignore_ascii_case(b"'clock")
            {
                i += 6;
            }
            (Kind::Word, 0, table.word_lex(bytes, s, i))
        } else if class == 2 {
            let mut v = u64::from(b - b'0');
            i += 1;
            while i < end && bytes[i].is_ascii_digit() {
                v = v
                    .saturating_mul(10)
                    .saturating_add(u64::from(bytes[i] - b'0'));
                i += 1;
            }
            (Kind::Num, v, None)
        } else if b < 0x80 {
            i += 1;
            (Kind::Punct(b), 0, None)
        } else {
            i += 1;
            while i < end && !text.is_char_boundary(i) {
                i += 1;
            }
            (Kind::Other, 0, None)
        };
        out.push(Tok {
            start: s,
            end: i,
            kind,
            lex,
            cap: b.is_ascii_uppercase(),
            glued,
            newline,
            num,
        });
        newline = false;
        // Most tokens are followed by one space: passed here without another turn of the loop.
        glued = bytes.get(i) != Some(&b' ');
        if !glued {
            i += 1;
        }
    }
}

/// The tokenizer that [`tokenize`] replaces, kept to check it against.
#[cfg(test)]
fn tokenize_reference(text: &str, start: usize, end: usize, out: &mut Vec<Tok>) {
    let bytes = text.as_bytes();
    let table = table();
    let mut i = start;
    let mut glued = false;
    let mut newline = false;
    while i < end {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            if b == b'\n' {
                newline = true;
            }
            glued = false;
            i += 1;
            continue;
        }
        let s = i;
        let (kind, mut num) = if is_word_byte(b) {
            i = letter_run(bytes, i, end);
            // o'clock
            if i - s == 1
                && (b == b'o' || b == b'O')
                && bytes.get(i) == Some(&b'\'')
                && bytes[i..end.min(i + 6)].eq_ignore_ascii_case(b"'clock")
            {
                i += 6;
            }
            (Kind::Word, 0)
        } else if b.is_ascii_digit() {
            let mut v: u64 = 0;
            while i < end && bytes[i].is_ascii_digit() {
                v = v
                    .saturating_mul(10)
                    .saturating_add(u64::from(bytes[i] - b'0'));
                i += 1;
            }
            (Kind::Num, v)
        } else if b < 0x80 {
            i += 1;
            (Kind::Punct(b), 0)
        } else {
            i += 1;
            while i < end && !text.is_char_boundary(i) {
                i += 1;
            }
            (Kind::Other, 0)
        };
        let lex = if kind == Kind::Word {
            table.get_in(bytes, s, i)
        } else {
            None
        };
        if kind != Kind::Num {
            num = 0;
        }
        out.push(Tok {
            start: s,
            end: i,
            kind,
            lex,
            cap: b.is_ascii_uppercase(),
            glued,
            newline,
            num,
        });
        glued = true;
        newline = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_word_has_a_meaning() {
        for w in WORDS.split_whitespace() {
            assert!(
                lexicon::lookup(w).is_some(),
                "{w} is listed but has no meaning"
            );
            assert_eq!(table().get(w.as_bytes()), lexicon::lookup(w), "{w}");
            let upper = w.to_ascii_uppercase();
            assert_eq!(table().get(upper.as_bytes()), lexicon::lookup(w), "{upper}");
            // The trigger filter lets every trigger through, in either case.
            if w != "new" {
                let trigger = lexicon::lookup(w).is_some_and(|l| l.is_trigger());
                for v in [w, upper.as_str()] {
                    let b = v.as_bytes();
                    assert_eq!(table().is_trigger_in(b, 0, b.len()), trigger, "{v}");
                }
            }
        }
        for w in [
            "thee",
            "marc",
            "Janu",
            "x",
            "os",
            "tuesdayss",
            "approximatelyy",
        ] {
            assert_eq!(table().get(w.as_bytes()), None, "{w}");
        }
        assert_eq!(key(b"abcdefghijklmnop"), None);
        assert_ne!(key(b"may"), key(b"mayb"));
        assert_eq!(key(b"MaY"), key(b"may"));
        // Read in place, a word has the key it has alone.
        let text = b"On Tuesday, MAY 5 o'clock and approximately ten years";
        for (s, e) in [
            (0, 2),
            (3, 10),
            (12, 15),
            (18, 25),
            (30, 43),
            (44, 47),
            (48, 53),
        ] {
            assert_eq!(key_in(text, s, e), key(&text[s..e]), "{s}..{e}");
        }
    }

    #[test]
    fn windows_surround_triggers_and_skip_plain_numbers() {
        let text = "Shares rose 4.5% to $12.50 on 2,000 trades. Talks ended on Tuesday.";
        let w = windows(text, 28, 20);
        assert_eq!(w.len(), 1, "{w:?}");
        let (s, e) = w[0];
        assert!(text[s..e].contains("Tuesday"));
        assert!(!text[s..e].contains("4.5%"));
        assert!(windows("No dates here at all, only words.", 28, 20).is_empty());
    }

    /// Text made of pieces that exercise every branch of the scan: triggers, near-triggers,
    /// numbers in all their shapes, long runs crossing 64-byte blocks, non-ASCII.
    fn scan_text() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let pieces = prop::sample::select(vec![
            " ",
            "  ",
            "\n",
            ",",
            ".",
            "$",
            "%",
            "-",
            ":",
            "/",
            "'",
            "\u{e9}",
            "\u{2019}s",
            "Tuesday",
            "MAY",
            "mayor",
            "June",
            "week",
            "years",
            "today",
            "o'clock",
            "the",
            "a",
            "1998",
            "12",
            "4.5",
            "3,000",
            "10:30",
            "1990s",
            "5 p.m.",
            "7 in the",
            "2 am",
            "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz",
            "12345678901234567890123456789012345678901234567890123456789012345678901234567890",
            "september",
            "Septembers",
            "fortnight",
            "quarter",
            "x",
        ]);
        prop::collection::vec(pieces, 0..80).prop_map(|v| v.concat())
    }

    proptest::proptest! {
        #[test]
        fn block_scan_finds_the_windows_of_the_byte_scan(text in scan_text(), back in 0usize..40, ahead in 0usize..40) {
            let mut fast = Vec::new();
            let mut slow = Vec::new();
            windows_into(&text, back, ahead, &mut fast);
            windows_reference(&text, back, ahead, &mut slow);
            proptest::prop_assert_eq!(fast, slow);
        }
    }

    proptest::proptest! {
        #[test]
        fn tokens_are_those_of_the_byte_at_a_time_tokenizer(
            text in proptest::prop_oneof![scan_text(), "\\PC{0,80}", "[ a-zA-Z0-9'.,:\n\u{e9}-]{0,80}"],
            a in 0usize..200,
            b in 0usize..200,
        ) {
            let bounds: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            let start = bounds[a % bounds.len()];
            let end = bounds[b % bounds.len()].max(start);
            let (mut fast, mut slow) = (Vec::new(), Vec::new());
            tokenize(&text, start, end, &mut fast);
            tokenize_reference(&text, start, end, &mut slow);
            proptest::prop_assert_eq!(fast, slow);
        }
    }

    #[test]
    fn triggers_across_block_ends_open_the_windows_of_the_byte_scan() {
        // Every trigger shape at every offset around the first two block ends, after short
        // words and before letters or digits that carry its run into the next block.
        for word in ["may", "MAY", "week", "1998", "o'clock", "a", "an", "the"] {
            for offset in 50..140 {
                for tail in ["", " ", "s", "x9", " a b"] {
                    let text = format!("{}{word}{tail} at a", "a ".repeat(offset / 2));
                    let text = if offset % 2 == 1 {
                        format!(" {text}")
                    } else {
                        text
                    };
                    let (mut fast, mut slow) = (Vec::new(), Vec::new());
                    windows_into(&text, 28, 20, &mut fast);
                    windows_reference(&text, 28, 20, &mut slow);
                    assert_eq!(fast, slow, "{text:?}");
                }
            }
        }
    }

    #[test]
    fn short_words_read_from_their_table_mean_what_the_hash_table_says() {
        let letters = (b'a'..=b'z').chain(b'A'..=b'Z');
        for a in letters.clone() {
            let one = [a];
            assert_eq!(
                table().word_lex(&one, 0, 1),
                table().get(&one),
                "{}",
                a as char
            );
            for b in letters.clone() {
                let two = [a, b];
                assert_eq!(
                    table().word_lex(&two, 0, 2),
                    table().get(&two),
                    "{}{}",
                    a as char,
                    b as char
                );
            }
        }
    }

    #[test]
    fn words_that_never_make_an_expression_open_no_window() {
        let cases: &[(&str, bool)] = &[
            ("They will soon sign a new deal.", false),
            (
                "It has already agreed, as previously and formerly reported.",
                false,
            ),
            ("Recent sales rose overnight.", false),
            ("The New York office and the news desk.", false),
            ("a new\nyearbook", false),
            ("on New Year's Day", true),
            ("the new  YEAR began", true),
            ("in recent weeks", true),
            ("at present", true),
            ("until tomorrow", true),
        ];
        for &(text, want) in cases {
            assert_eq!(!windows(text, 28, 20).is_empty(), want, "{text:?}");
        }
    }

    #[test]
    fn letter_runs_end_at_the_first_other_byte() {
        let cases: &[(&str, usize)] = &[
            ("", 0),
            ("a", 1),
            ("abcdefgh", 8),
            ("abcdefghijklmnopq rest", 17),
            ("AZaz@[`{ x", 4),
            ("WordsAndMore1", 12),
            ("caf\u{e9} au", 3),
            ("Zzzzzzzzzzzzzzz\u{7f}", 15),
            ("abcdefg-h", 7),
        ];
        for &(text, want) in cases {
            let bytes = text.as_bytes();
            assert_eq!(letter_run(bytes, 0, bytes.len()), want, "{text:?}");
            let naive = bytes.iter().take_while(|b| b.is_ascii_alphabetic()).count();
            assert_eq!(naive, want, "{text:?}");
        }
        // Every byte value, at every position of a chunk.
        for b in 0..=255u8 {
            for pos in 0..9 {
                let mut v = vec![b'q'; 9];
                v[pos] = b;
                let want = if b.is_ascii_alphabetic() { 9 } else { pos };
                assert_eq!(letter_run(&v, 0, v.len()), want, "byte {b:#x} at {pos}");
            }
        }
    }

    #[test]
    fn tokens_carry_glue_and_values() {
        let mut toks = Vec::new();
        let text = "mid-1990s, at 10:35 o'clock";
        tokenize(text, 0, text.len(), &mut toks);
        let words: Vec<&str> = toks.iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(
            words,
            [
                "mid", "-", "1990", "s", ",", "at", "10", ":", "35", "o'clock"
            ]
        );
        assert!(toks[1].glued && toks[2].glued && !toks[5].glued);
        assert_eq!(toks[2].num, 1990);
    }
}
