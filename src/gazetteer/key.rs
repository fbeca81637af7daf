//! Tokens and their hash keys, shared by the gazetteer's index and the extractors' scans.
//!
//! A token is a run of letters and digits; an apostrophe between letters (`d'Ivoire`) and a
//! period between letters (`U.S`, `N.J`) stay inside it. Hyphens, spaces and other punctuation
//! separate tokens, and a possessive `'s` is left out, so `Myanmar's` keys like `Myanmar`.
//! Keys fold case and drop periods: `U.S.`, `U.S` and `US` share a key, as do `Ore.` and `Ore`.

/// One token: byte offsets relative to the scanned text (a text of more than 4 GiB is
/// tokenized up to its first 4 GiB), its hash, case flags and lexical shape bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    /// Hash of the case-folded token without periods; 0 when not computed (see [`hash_of`]).
    pub hash: u64,
    start: u32,
    end: u32,
    flags: u8,
    /// Bits from the [`Lexicon`] the text was tokenized with: the words it may be.
    pub lex: u8,
}

/// First character is upper case.
const F_UPPER: u8 = 1;
/// Every letter is upper case (and there is at least one).
const F_ALL_UPPER: u8 = 2;
/// Holds an ASCII digit.
const F_DIGIT: u8 = 4;
/// ASCII letters and digits only (no period, apostrophe or other character inside).
const F_PLAIN: u8 = 8;

impl Token {
    /// Byte offset of the first byte.
    #[inline]
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// Byte offset just past the last byte.
    #[inline]
    pub fn end(&self) -> usize {
        self.end as usize
    }

    /// First character is upper case.
    #[inline]
    pub fn upper(&self) -> bool {
        self.flags & F_UPPER != 0
    }

    /// Every letter is upper case (and there is at least one).
    #[inline]
    pub fn all_upper(&self) -> bool {
        self.flags & F_ALL_UPPER != 0
    }

    /// Holds an ASCII digit.
    #[inline]
    pub fn has_digit(&self) -> bool {
        self.flags & F_DIGIT != 0
    }

    /// ASCII letters and digits only.
    #[inline]
    pub fn plain(&self) -> bool {
        self.flags & F_PLAIN != 0
    }

    /// Worth a closer look by an extractor: capitalized, holding a digit, not plain, or marked
    /// by the lexicon. The others are plain lower-case words no list names. (The tokenizer
    /// lists these as it goes; the tests check the list against this definition.)
    #[cfg_attr(not(test), allow(dead_code))]
    #[inline]
    pub fn notable(&self) -> bool {
        self.flags & (F_UPPER | F_DIGIT) != 0 || self.flags & F_PLAIN == 0 || self.lex != 0
    }
}

/// Lexical shape bits by (first letter, last letter, length) of a lower-cased ASCII word of 2 to
/// 15 letters: a cheap test of whether a token may be one of a few listed words (titles, number
/// words) before comparing it with them. Built at compile time from word lists.
pub(crate) struct Lexicon {
    /// Indexed by `first << 9 | last << 4 | length` (letters as 1 to 26 in either case, lengths of 16 and more
    /// as 0, which no word has): a power of two long, so a masked index needs no bounds check.
    table: [u8; LEXICON_LEN],
}

/// Entries of a [`Lexicon`]: 32 first letters by 32 last letters by 16 lengths.
const LEXICON_LEN: usize = 32 * 32 * 16;

impl Lexicon {
    /// A lexicon that marks nothing.
    pub const EMPTY: Lexicon = Lexicon {
        table: [0; LEXICON_LEN],
    };

    /// Adds `bit` for every word of `words` (lower-case ASCII; a word is taken up to its first
    /// non-letter, so `secretary-general` marks `secretary`).
    pub const fn with(mut self, words: &[&str], bit: u8) -> Lexicon {
        let mut k = 0;
        while k < words.len() {
            let w = words[k].as_bytes();
            let mut n = 0;
            while n < w.len() && w[n].is_ascii_lowercase() {
                n += 1;
            }
            if n >= 1 && n < 16 {
                let first = (w[0] & 31) as usize;
                let last = (w[n - 1] & 31) as usize;
                self.table[first << 9 | last << 4 | n] |= bit;
            }
            k += 1;
        }
        self
    }

    /// Adds `bit` for the last word of every entry of `words` (lower-case ASCII; the last run
    /// of letters, so `secretary-general` marks `general` and `prime minister` `minister`).
    pub const fn with_last_words(mut self, words: &[&str], bit: u8) -> Lexicon {
        let mut k = 0;
        while k < words.len() {
            let w = words[k].as_bytes();
            let mut end = w.len();
            while end > 0 && !w[end - 1].is_ascii_lowercase() {
                end -= 1;
            }
            let mut start = end;
            while start > 0 && w[start - 1].is_ascii_lowercase() {
                start -= 1;
            }
            let n = end - start;
            if n >= 1 && n < 16 {
                let first = (w[start] & 31) as usize;
                let last = (w[end - 1] & 31) as usize;
                self.table[first << 9 | last << 4 | n] |= bit;
            }
            k += 1;
        }
        self
    }

    /// The bits of a word of ASCII letters, by its first and last letters and its length.
    #[inline(always)]
    fn bits(&self, first: u8, last: u8, len: usize) -> u8 {
        // Letters only: `& 31` numbers them 1 to 26 in either case (and keeps any other byte
        // in the table).
        let f = usize::from(first & 31);
        let l = usize::from(last & 31);
        let n = if len < 16 { len } else { 0 };
        self.table[(f << 9 | l << 4 | n) & (LEXICON_LEN - 1)]
    }
}

const K: u64 = 0x517c_c1b7_2722_0a95;
const SEP: u64 = 0x9e37_79b9_7f4a_7c15;

#[inline]
fn mix(h: u64, v: u64) -> u64 {
    (h.rotate_left(5) ^ v).wrapping_mul(K)
}

/// Key of a sequence of tokens: `combine(combine(START, t1), t2)...`.
pub(crate) const START: u64 = 0x2545_f491_4f6c_dd1d;

/// Extends a key by one token hash.
#[inline]
pub(crate) fn combine(key: u64, token_hash: u64) -> u64 {
    mix(mix(key, SEP), token_hash)
}

/// Hash of a normalized token, fed a byte at a time and mixed eight bytes at a time.
#[derive(Default)]
struct Chunked {
    h: u64,
    buf: u64,
    n: u32,
    len: u64,
}

impl Chunked {
    #[inline]
    fn push(&mut self, b: u8) {
        self.buf |= u64::from(b) << (8 * self.n);
        self.n += 1;
        self.len += 1;
        if self.n == 8 {
            self.h = mix(self.h, self.buf);
            self.buf = 0;
            self.n = 0;
        }
    }

    #[inline]
    fn finish(self) -> u64 {
        mix(mix(self.h ^ 0xcbf2_9ce4_8422_2325, self.buf), self.len)
    }
}

#[inline]
fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Splits `text` into tokens, hashing every token.
pub(crate) fn tokenize(text: &str, out: &mut Vec<Token>) {
    tokenize_impl(text, out, false, &Lexicon::EMPTY, &mut Vec::new());
}

/// Splits `text` into tokens, hashing only the capitalized ones ([`hash_of`] hashes the
/// others on demand) and marking their shapes in `lex`. Appends to `notable` the indices (from
/// the first token appended to `out`) of at least every [`Token::notable`] token, ascending.
pub(crate) fn tokenize_lazy(
    text: &str,
    out: &mut Vec<Token>,
    lex: &Lexicon,
    notable: &mut Vec<u32>,
) {
    tokenize_impl(text, out, true, lex, notable);
}

/// The hash of a token of `text` (computed now if the tokenizer left it out).
#[inline(always)]
pub(crate) fn hash_of(text: &str, t: &Token) -> u64 {
    if t.hash != 0 {
        t.hash
    } else if t.plain() {
        hash_plain_at(text.as_bytes(), t.start(), t.end())
    } else {
        hash_slice(text.get(t.start()..t.end()).unwrap_or(""))
    }
}

/// Hash of a token's text: letters and digits lower-cased, periods left out, apostrophes
/// folded to `'`.
fn hash_slice(s: &str) -> u64 {
    if s.is_ascii() && !s.as_bytes().contains(&b'.') {
        return hash_ascii_plain(s.as_bytes());
    }
    hash_folded(s)
}

/// [`hash_slice`] of ASCII letters, digits and `'` (no periods), eight bytes at a time:
/// `| 0x20` lower-cases letters and leaves digits and `'` alone.
#[inline]
fn hash_ascii_plain(s: &[u8]) -> u64 {
    const LOWER: u64 = 0x2020_2020_2020_2020;
    let mut h = 0;
    let mut chunks = s.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = mix(h, u64::from_le_bytes(w) | LOWER);
    }
    let rest = chunks.remainder();
    let mut buf = 0u64;
    for (k, &b) in rest.iter().enumerate() {
        buf |= u64::from(b | 0x20) << (8 * k);
    }
    mix(mix(h ^ 0xcbf2_9ce4_8422_2325, buf), s.len() as u64)
}

/// [`hash_ascii_plain`] of `bytes[start..end]`: a token shorter than eight bytes with eight
/// bytes of text from its start is read in one load and masked to its length (most are).
#[inline(always)]
fn hash_plain_at(bytes: &[u8], start: usize, end: usize) -> u64 {
    const LOWER: u64 = 0x2020_2020_2020_2020;
    let len = end.wrapping_sub(start);
    if (1..8).contains(&len)
        && let Some(w) = bytes.get(start..start + 8)
    {
        let mut b = [0u8; 8];
        b.copy_from_slice(w);
        let mask = u64::MAX >> (8 * (8 - len));
        let buf = (u64::from_le_bytes(b) | LOWER) & mask;
        return mix(mix(0xcbf2_9ce4_8422_2325, buf), len as u64);
    }
    hash_ascii_plain(bytes.get(start..end).unwrap_or(&[]))
}

/// [`hash_slice`] a byte or a char at a time.
fn hash_folded(s: &str) -> u64 {
    let mut h = Chunked::default();
    if s.is_ascii() {
        for &b in s.as_bytes() {
            match b {
                b'.' => {}
                b'\'' => h.push(b'\''),
                // `| 0x20` lower-cases letters and leaves digits alone.
                _ => h.push(b | 0x20),
            }
        }
    } else {
        let mut buf = [0u8; 4];
        for c in s.chars() {
            if c == '.' {
                continue;
            }
            if is_apostrophe(c) {
                h.push(b'\'');
                continue;
            }
            for l in c.to_lowercase() {
                for b in l.encode_utf8(&mut buf).bytes() {
                    h.push(if b.is_ascii_alphanumeric() {
                        b | 0x20
                    } else {
                        b
                    });
                }
            }
        }
    }
    h.finish()
}

/// Byte classes for the tokenizer: ASCII digits, upper- and lower-case letters, and bytes of
/// non-ASCII characters (which need a closer look); 0 for ASCII separators.
const DIGIT: u8 = 1;
const UPPER: u8 = 2;
const LOWER: u8 = 4;
const NON_ASCII: u8 = 8;
const ALNUM: u8 = DIGIT | UPPER | LOWER;

static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = match b as u8 {
            b'0'..=b'9' => DIGIT,
            b'A'..=b'Z' => UPPER,
            b'a'..=b'z' => LOWER,
            0x80..=0xff => NON_ASCII,
            _ => 0,
        };
        b += 1;
    }
    t
};

fn tokenize_impl(
    text: &str,
    out: &mut Vec<Token>,
    lazy: bool,
    lex: &Lexicon,
    notable: &mut Vec<u32>,
) {
    // Offsets are u32: a text beyond 4 GiB is tokenized up to there.
    let mut limit = text.len().min(u32::MAX as usize);
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let text = text.get(..limit).unwrap_or("");
    let mut scanner = Scanner {
        text,
        lazy,
        base: out.len(),
        out,
        lex,
        notable,
    };
    if lazy {
        scanner.run::<true>();
    } else {
        scanner.run::<false>();
    }
}

/// The state of one [`tokenize_impl`] call.
struct Scanner<'t, 'o> {
    text: &'t str,
    /// Hash only capitalized tokens.
    lazy: bool,
    /// The length of `out` before the call: notable indices count from there.
    base: usize,
    out: &'o mut Vec<Token>,
    lex: &'o Lexicon,
    notable: &'o mut Vec<u32>,
}

impl Scanner<'_, '_> {
    /// The index the next token pushed gets (tokens fit: each takes a byte of at most
    /// `u32::MAX`).
    #[inline(always)]
    fn index(&self) -> u32 {
        self.out.len().saturating_sub(self.base) as u32
    }

    /// Classifies the text 64 bytes at a time and walks token boundaries through the masks:
    /// a token of ASCII letters and digits ended by an ASCII separator (nearly all of them) costs
    /// a few mask operations, and a lower-case word (most of them) no more than its shape bits;
    /// tokens with a period, an apostrophe or a non-ASCII character inside are read by
    /// [`general_token`], and non-ASCII separators a character at a time. `LAZY` is
    /// [`Scanner::lazy`], known at compile time.
    fn run<const LAZY: bool>(&mut self) {
        let n = self.text.len();
        // No token starts before `pos`; the block read next starts there.
        let mut pos = 0;
        while pos < n {
            // Zero-padded past the end: a zero byte is a separator.
            let block = crate::simd::with_block(self.text.as_bytes(), pos, |block| *block);
            let c = crate::simd::byte_classes64(&block);
            // Most blocks hold no non-ASCII byte: their loop has one test less per token.
            pos = if c.non_ascii == 0 {
                self.walk::<LAZY, true>(pos, &block, &c)
            } else {
                self.walk::<LAZY, false>(pos, &block, &c)
            };
        }
    }

    /// Reads the tokens of the block `block` at `pos`, of classes `c` (without non-ASCII bytes
    /// if `ASCII`), and returns where the next block starts: past the block, or at a token
    /// that runs past its end.
    #[inline(always)]
    fn walk<const LAZY: bool, const ASCII: bool>(
        &mut self,
        pos: usize,
        block: &[u8; 64],
        c: &crate::simd::ByteClasses,
    ) -> usize {
        let alnum = c.lower | c.upper | c.digit;
        let capital_or_digit = c.upper | c.digit;
        // Where a token may start: ASCII letters and digits, and non-ASCII bytes (a non-ASCII
        // letter, or a separator such as a curly quote).
        let mut scan = alnum | c.non_ascii;
        while scan != 0 {
            let s = scan.trailing_zeros() as usize;
            let from = u64::MAX << s;
            let rest = !alnum & from;
            if rest == 0 || !ASCII && c.non_ascii >> s & 1 != 0 {
                // A non-ASCII character, or a run reaching the end of the block.
                match self.at_block_edge(pos, s) {
                    Some(k) if k < 64 => {
                        scan &= u64::MAX << k;
                        continue;
                    }
                    Some(k) => return pos + k,
                    None => return pos + s,
                }
            }
            // The run of ASCII letters and digits is bits `s..e`, `e < 64`.
            let e = rest.trailing_zeros() as usize;
            let to = u64::MAX << e;
            let (start, end) = (pos + s, pos + e);
            if block[e & 63] != b' ' && !ends_plain(self.text.as_bytes(), end) {
                if ends_possessive(self.text.as_bytes(), end) {
                    // `Myanmar's`: the token ends at the apostrophe, as `general` ends it, and
                    // is listed as `general` lists its tokens.
                    let seen = classes_seen(c, from ^ to);
                    let k = self.index();
                    self.notable.push(k);
                    let token = ascii_token(self.text.as_bytes(), start, end, seen, LAZY, self.lex);
                    self.out.push(token);
                    // The byte at `end` is the apostrophe: no token starts there.
                    scan &= to;
                    continue;
                }
                // A period, an apostrophe or a non-ASCII character goes on with it.
                let k = self.general(start) - pos;
                if k < 64 {
                    scan &= u64::MAX << k;
                    continue;
                }
                return pos + k;
            }
            let range = from ^ to;
            if capital_or_digit & range == 0 {
                // A lower-case word.
                let lex = self.lex.bits(block[s & 63], block[(e - 1) & 63], e - s);
                if lex != 0 {
                    let k = self.index();
                    self.notable.push(k);
                }
                let hash = if LAZY {
                    0
                } else {
                    hash_plain_at(self.text.as_bytes(), start, end)
                };
                // Both fit: the text is at most u32::MAX bytes long.
                self.out.push(Token {
                    hash,
                    start: start as u32,
                    end: end as u32,
                    flags: F_PLAIN,
                    lex,
                });
            } else {
                self.push_plain(start, end, classes_seen(c, range), LAZY);
            }
            // The byte at `end` is an ASCII separator: no token starts there.
            scan &= to;
        }
        pos + 64
    }

    /// Reads what starts at bit `s` of the block at `pos` when it is not a plain token inside
    /// the block: a non-ASCII character (a letter starting a token, or a separator), or a run
    /// of ASCII letters and digits reaching the block's end. Returns where reading goes on,
    /// relative to `pos`, or `None` to read again from a block starting at `s`.
    #[cold]
    fn at_block_edge(&mut self, pos: usize, s: usize) -> Option<usize> {
        let start = pos + s;
        let first = self.text.as_bytes().get(start).copied().unwrap_or(0);
        if first >= 0x80 {
            // A character starts here (`start` is a char boundary: every earlier character
            // was read whole).
            let ch = char_at(self.text, start);
            let after = if ch.is_alphanumeric() {
                self.general(start)
            } else {
                start + ch.len_utf8()
            };
            return Some(after - pos);
        }
        if s > 0 {
            return None;
        }
        // A run longer than a block.
        Some(self.long_run(start) - pos)
    }

    /// Pushes the plain ASCII token `start..end` whose byte classes or-ed are `seen`.
    #[inline(always)]
    fn push_plain(&mut self, start: usize, end: usize, seen: u8, lazy: bool) {
        let token = ascii_token(self.text.as_bytes(), start, end, seen, lazy, self.lex);
        // Plain: notable when capitalized, with a digit or marked by the lexicon.
        if (token.flags & (F_UPPER | F_DIGIT)) | token.lex != 0 {
            let k = self.index();
            self.notable.push(k);
        }
        self.out.push(token);
    }

    /// Reads the token at `start` in full generality with [`general_token`]; returns its end
    /// (past `start`).
    #[cold]
    fn general(&mut self, start: usize) -> usize {
        let before = self.out.len();
        let end = general_token(self.text, start, self.out, self.lazy, self.lex);
        // Rare tokens (periods, apostrophes, non-ASCII inside) are all listed.
        if self.out.len() > before {
            let k = self.index().saturating_sub(1);
            self.notable.push(k);
        }
        end
    }

    /// Reads a run of ASCII letters and digits longer than a block, starting at `start`, a byte
    /// at a time; returns where reading goes on.
    #[cold]
    fn long_run(&mut self, start: usize) -> usize {
        let bytes = self.text.as_bytes();
        let mut i = start;
        let mut seen = 0;
        while let Some(&b) = bytes.get(i) {
            let c = CLASS[usize::from(b)];
            if c & ALNUM == 0 {
                break;
            }
            seen |= c;
            i += 1;
        }
        if ends_plain(bytes, i) {
            self.push_plain(start, i, seen, self.lazy);
            // The byte at `i`, if any, is an ASCII separator.
            i + 1
        } else {
            self.general(start)
        }
    }
}

/// Which of lower-case letters, capitals and digits (`LOWER`, `UPPER`, `DIGIT`) the bits
/// `range` of a block of classes `c` hold.
#[inline(always)]
fn classes_seen(c: &crate::simd::ByteClasses, range: u64) -> u8 {
    (if c.lower & range != 0 { LOWER } else { 0 })
        | if c.upper & range != 0 { UPPER } else { 0 }
        | if c.digit & range != 0 { DIGIT } else { 0 }
}

/// Whether a run of ASCII letters and digits that stops at `end` is followed by a possessive
/// `'s` (an ASCII apostrophe, then `s` and no letter or digit): [`general_token`] ends such a
/// token at the apostrophe.
#[inline(always)]
fn ends_possessive(bytes: &[u8], end: usize) -> bool {
    bytes.get(end) == Some(&b'\'') && is_possessive(bytes, end + 1)
}

/// Whether a run of ASCII letters and digits that stops at `end` is a whole token: the text
/// ends, or an ASCII separator follows. A period or an apostrophe stays inside only before a
/// letter or digit (`U.S`, `d'Ivoire`), so a sentence's last word ends at its period; a
/// non-ASCII character may continue the token.
#[inline(always)]
fn ends_plain(bytes: &[u8], end: usize) -> bool {
    match bytes.get(end) {
        None => true,
        Some(b'.' | b'\'') => bytes
            .get(end + 1)
            .is_none_or(|&n| n < 0x80 && CLASS[usize::from(n)] & ALNUM == 0),
        Some(&b) => b < 0x80,
    }
}

/// The tokenizer a byte at a time, as it was before [`tokenize_impl`] read 64-byte masks: the
/// oracle the property tests compare it with.
#[cfg(test)]
fn tokenize_bytewise(
    text: &str,
    out: &mut Vec<Token>,
    lazy: bool,
    lex: &Lexicon,
    notable: &mut Vec<u32>,
) {
    let base = out.len();
    // Token indices fit: a token takes at least one byte of at most u32::MAX.
    let index = |out: &Vec<Token>| out.len().saturating_sub(base) as u32;
    // Offsets are u32: a text beyond 4 GiB is tokenized up to there.
    let mut limit = text.len().min(u32::MAX as usize);
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let text = text.get(..limit).unwrap_or("");
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut i = 0;
    while i < n {
        let class = CLASS[usize::from(bytes[i])];
        // Fast skip of ASCII separators.
        if class == 0 {
            i += 1;
            continue;
        }
        let start = i;
        if class != NON_ASCII {
            // The common case: a run of ASCII letters and digits ended by an ASCII separator
            // other than a period or an apostrophe.
            let mut seen = class;
            i += 1;
            // Most of a word is lower-case letters: skip them eight at a time, then go on a
            // byte at a time through whatever else the token holds.
            while let Some(w) = bytes.get(i..i + 8) {
                let k = lower_prefix(w);
                i += k;
                seen |= LOWER * u8::from(k > 0);
                if k < 8 {
                    break;
                }
            }
            // Most words end at a blank: the rest of the token is read only when not.
            let ends = bytes.get(i) == Some(&b' ') || {
                while i < n {
                    let c = CLASS[usize::from(bytes[i])];
                    if c & ALNUM == 0 {
                        break;
                    }
                    seen |= c;
                    i += 1;
                }
                // A period or an apostrophe stays inside only before a letter or digit
                // (`U.S`, `d'Ivoire`): a sentence's last word ends at its period here too.
                match bytes.get(i) {
                    None => true,
                    Some(b'.' | b'\'') => bytes
                        .get(i + 1)
                        .is_none_or(|&n| n < 0x80 && CLASS[usize::from(n)] & ALNUM == 0),
                    Some(&b) => b < 0x80,
                }
            };
            if ends {
                let token = ascii_token(bytes, start, i, seen, lazy, lex);
                // Plain: notable when capitalized, with a digit or marked by the lexicon.
                if (token.flags & (F_UPPER | F_DIGIT)) | token.lex != 0 {
                    notable.push(index(out));
                }
                out.push(token);
                // The byte after the token is an ASCII separator: no token starts there.
                i += 1;
                continue;
            }
        } else if !char_at(text, i).is_alphanumeric() {
            i += char_at(text, i).len_utf8();
            continue;
        }
        let before = out.len();
        i = general_token(text, start, out, lazy, lex);
        // Rare tokens (periods, apostrophes, non-ASCII inside) are all listed.
        if out.len() > before {
            notable.push(index(out).saturating_sub(1));
        }
    }
}

/// How many ASCII lower-case letters the eight bytes `w` begin with, tested all at once: for a
/// byte `b < 0x80`, `b + 0x80 - lo` has its high bit set exactly when `b >= lo`, and no carry
/// crosses into the next byte.
#[cfg(test)]
#[inline(always)]
fn lower_prefix(w: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut b = [0u8; 8];
    b.copy_from_slice(w);
    let x = u64::from_le_bytes(b);
    let x7 = x & !HIGH;
    let at_least_a = (x7 + ONES * u64::from(0x80 - b'a')) & HIGH;
    let past_z = (x7 + ONES * u64::from(0x80 - b'z' - 1)) & HIGH;
    let lower = at_least_a & !past_z & !x;
    let stop = !lower & HIGH;
    (stop.trailing_zeros() / 8) as usize
}

/// The flags of a plain ASCII token but [`F_UPPER`], by the classes of its bytes or-ed.
static PLAIN_FLAGS: [u8; 8] = {
    let mut t = [0u8; 8];
    let mut seen = 0;
    while seen < 8 {
        let mut f = F_PLAIN;
        if seen as u8 & (LOWER | UPPER) == UPPER {
            f |= F_ALL_UPPER;
        }
        if seen as u8 & DIGIT != 0 {
            f |= F_DIGIT;
        }
        t[seen] = f;
        seen += 1;
    }
    t
};

/// The token of the plain ASCII letters and digits `bytes[start..end]`, whose classes or-ed are
/// `seen`.
#[inline(always)]
fn ascii_token(
    bytes: &[u8],
    start: usize,
    end: usize,
    seen: u8,
    lazy: bool,
    lex: &Lexicon,
) -> Token {
    let first = bytes[start];
    let upper = first.is_ascii_uppercase();
    let flags = PLAIN_FLAGS[usize::from(seen & ALNUM)] | if upper { F_UPPER } else { 0 };
    let lex_bits = if seen & DIGIT != 0 {
        0
    } else {
        lex.bits(first, bytes[end - 1], end - start)
    };
    let hash = if lazy && !upper {
        0
    } else {
        hash_plain_at(bytes, start, end)
    };
    // Both fit: the text is at most u32::MAX bytes long.
    Token {
        hash,
        start: start as u32,
        end: end as u32,
        flags,
        lex: lex_bits,
    }
}

/// Reads the token starting at `start` (an alphanumeric character) in full generality: periods
/// and apostrophes inside, non-ASCII letters. Pushes it and returns its end.
#[cold]
fn general_token(
    text: &str,
    start: usize,
    out: &mut Vec<Token>,
    lazy: bool,
    lex: &Lexicon,
) -> usize {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut i = start;
    let mut ascii = true;
    let mut dot = false;
    // The classes of the token's ASCII letters and digits, or-ed.
    let mut seen = 0u8;
    loop {
        while i < n {
            let c = CLASS[usize::from(bytes[i])];
            if c & ALNUM == 0 {
                break;
            }
            seen |= c;
            i += 1;
        }
        if i >= n {
            break;
        }
        let b = bytes[i];
        if b == b'.' || b == b'\'' {
            // Inside the token only between alphanumerics.
            let next = bytes.get(i + 1).copied().unwrap_or(b' ');
            let next_alnum = next.is_ascii_alphanumeric()
                || next >= 0x80 && char_at(text, i + 1).is_alphanumeric();
            if !next_alnum || b == b'\'' && is_possessive(bytes, i + 1) {
                break;
            }
            dot = true;
            i += 1;
            continue;
        }
        if b < 0x80 {
            break;
        }
        let c = char_at(text, i);
        if c.is_alphanumeric() {
            ascii = false;
            i += c.len_utf8();
            continue;
        }
        if is_apostrophe(c) {
            let after = i + c.len_utf8();
            let next_alnum = after < n && char_at(text, after).is_alphanumeric();
            if !next_alnum || is_possessive(bytes, after) {
                break;
            }
            ascii = false;
            i = after;
            continue;
        }
        break;
    }
    if i == start {
        // Cannot happen (the first char is alphanumeric), but never loop forever.
        return start + 1;
    }
    if ascii && !dot {
        out.push(ascii_token(bytes, start, i, seen, lazy, lex));
        return i;
    }
    // Not plain: a period or an apostrophe inside, or a non-ASCII character.
    let slice = text.get(start..i).unwrap_or("");
    let mut flags = 0;
    if ascii {
        if CLASS[usize::from(bytes[start])] == UPPER {
            flags |= F_UPPER;
        }
        if seen & (LOWER | UPPER) == UPPER {
            flags |= F_ALL_UPPER;
        }
    } else {
        if slice.chars().next().is_some_and(char::is_uppercase) {
            flags |= F_UPPER;
        }
        if !slice.chars().any(char::is_lowercase) && slice.chars().any(char::is_alphabetic) {
            flags |= F_ALL_UPPER;
        }
    }
    if seen & DIGIT != 0 {
        flags |= F_DIGIT;
    }
    let hash = if lazy && flags & F_UPPER == 0 {
        0
    } else {
        hash_folded(slice)
    };
    out.push(Token {
        hash,
        start: start as u32,
        end: i as u32,
        flags,
        lex: 0,
    });
    i
}

/// `s` followed by a non-alphanumeric (or the end) at `at`: a possessive ending.
fn is_possessive(bytes: &[u8], at: usize) -> bool {
    matches!(bytes.get(at), Some(b's' | b'S'))
        && bytes
            .get(at + 1)
            .is_none_or(|b| !b.is_ascii_alphanumeric() && *b < 0x80)
}

/// The char starting at byte `i` (which must be a char boundary); U+FFFD otherwise.
#[inline]
pub(crate) fn char_at(text: &str, i: usize) -> char {
    text.get(i..)
        .and_then(|s| s.chars().next())
        .unwrap_or('\u{fffd}')
}

/// The key of a whole name, or `None` if it has no tokens.
#[cfg(test)]
pub(crate) fn key_of(name: &str) -> Option<(u64, usize)> {
    let mut toks = Vec::new();
    tokenize(name, &mut toks);
    if toks.is_empty() {
        return None;
    }
    let mut key = START;
    for t in &toks {
        key = combine(key, t.hash);
    }
    Some((key, toks.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<&str> {
        let mut v = Vec::new();
        tokenize(s, &mut v);
        v.iter().map(|t| &s[t.start()..t.end()]).collect()
    }

    #[test]
    fn token_table() {
        let table: &[(&str, &[&str])] = &[
            ("U.S. officials", &["U.S", "officials"]),
            ("Myanmar's junta", &["Myanmar", "s", "junta"]),
            ("Myanmar’s junta", &["Myanmar", "s", "junta"]),
            ("Cote d'Ivoire", &["Cote", "d'Ivoire"]),
            ("Guinea-Bissau", &["Guinea", "Bissau"]),
            ("PORTLAND, Ore., Feb", &["PORTLAND", "Ore", "Feb"]),
            ("Zürich “deep”", &["Zürich", "deep"]),
            ("1.2 mln", &["1.2", "mln"]),
            ("", &[]),
        ];
        for (input, expected) in table {
            assert_eq!(&toks(input), expected, "{input}");
        }
    }

    #[test]
    fn eight_bytes_at_a_time_hash_as_one_at_a_time() {
        for s in [
            "",
            "a",
            "US",
            "Myanmar",
            "d'Ivoire",
            "ABCDEFGH",
            "abcdefghi",
            "1987",
            "Tatmadaw12345678",
            "Nay'Pyi'Taw",
            "x1y2z3w4v5u6t7s8",
        ] {
            assert_eq!(hash_ascii_plain(s.as_bytes()), hash_folded(s), "{s}");
        }
    }

    proptest::proptest! {
        #[test]
        fn fast_hash_agrees(s in "[A-Za-z0-9']{0,40}") {
            proptest::prop_assert_eq!(hash_ascii_plain(s.as_bytes()), hash_folded(&s));
        }

        /// Hashing a token in place, with text after it, agrees with hashing it alone.
        #[test]
        fn hash_in_place_agrees(
            before in "[a-z ]{0,9}",
            s in "[A-Za-z0-9]{1,20}",
            after in "[A-Za-z0-9 .,]{0,12}",
        ) {
            let text = format!("{before}{s}{after}");
            let start = before.len();
            proptest::prop_assert_eq!(
                hash_plain_at(text.as_bytes(), start, start + s.len()),
                hash_ascii_plain(s.as_bytes())
            );
        }

        /// The notable tokens listed while tokenizing are every notable token, in order, each
        /// once, with room for a few more.
        #[test]
        fn notable_tokens_are_listed(s in "[A-Za-z0-9.' ,éÖ’-]{0,60}") {
            static LEX: Lexicon = Lexicon::EMPTY.with(&["the", "minister", "ten"], 1);
            let (mut v, mut notable) = (vec![Token { hash: 0, start: 0, end: 0, flags: 0, lex: 0 }], Vec::new());
            tokenize_lazy(&s, &mut v, &LEX, &mut notable);
            let v = &v[1..];
            proptest::prop_assert!(notable.windows(2).all(|w| w[0] < w[1]));
            proptest::prop_assert!(notable.iter().all(|&k| (k as usize) < v.len()));
            for (k, t) in v.iter().enumerate() {
                if t.notable() {
                    proptest::prop_assert!(notable.contains(&(k as u32)), "{k} of {v:?}");
                }
            }
        }

        /// The mask tokenizer finds the tokens, flags, hashes, shape bits and notable lists the
        /// byte-at-a-time tokenizer finds: on text of words, on long runs crossing blocks, and
        /// on any characters.
        #[test]
        fn mask_tokenizer_agrees_with_bytewise(
            words in "([A-Za-z0-9]{1,9}|[a-z]{60,70}|[A-Z0-9]{63,66}|[.' ,éÖ’“-]|\\.\\.|'s| {1,3}|\n|\u{2014}){0,60}",
            any in ".{0,200}",
            lazy in proptest::bool::ANY,
        ) {
            for s in [&words, &any] {
                let (mut v, mut nv) = (Vec::new(), Vec::new());
                let (mut w, mut nw) = (Vec::new(), Vec::new());
                static LEX: Lexicon = Lexicon::EMPTY
                    .with(&["the", "minister", "ten", "thousand"], 1)
                    .with_last_words(&["prime minister", "gen."], 2);
                let lex = &LEX;
                tokenize_impl(s, &mut v, lazy, lex, &mut nv);
                tokenize_bytewise(s, &mut w, lazy, lex, &mut nw);
                proptest::prop_assert_eq!(&v, &w, "{:?}", s);
                proptest::prop_assert_eq!(&nv, &nw, "{:?}", s);
            }
        }

        /// The byte-class tokenizer's flags agree with their definitions.
        #[test]
        fn token_flags(s in "[A-Za-z0-9.' ,éÖ’-]{0,60}") {
            let mut v = Vec::new();
            tokenize(&s, &mut v);
            for t in &v {
                let tok = &s[t.start()..t.end()];
                proptest::prop_assert_eq!(hash_of(&s, t), hash_folded(tok));
                proptest::prop_assert_eq!(t.upper(), tok.chars().next().is_some_and(char::is_uppercase));
                proptest::prop_assert_eq!(
                    t.all_upper(),
                    !tok.chars().any(char::is_lowercase) && tok.chars().any(char::is_alphabetic)
                );
                proptest::prop_assert_eq!(t.has_digit(), tok.bytes().any(|b| b.is_ascii_digit()));
                proptest::prop_assert_eq!(t.plain(), tok.bytes().all(|b| b.is_ascii_alphanumeric()));
            }
        }
    }

    #[test]
    fn lower_prefix_table() {
        let table: &[(&[u8; 8], usize)] = &[
            (b"abcdefgh", 8),
            (b"zzzzzzz{", 7),
            (b"myanmar ", 7),
            (b"a`bcdefg", 1),
            (b"Abcdefgh", 0),
            (b"abc9defg", 3),
            (b"ab\xc3\xa9cdef", 2),
            (b"abcdefgZ", 7),
            (b"@abcdefg", 0),
        ];
        for &(w, want) in table {
            assert_eq!(lower_prefix(w), want, "{:?}", String::from_utf8_lossy(w));
        }
    }

    proptest::proptest! {
        #[test]
        fn lower_prefix_counts_lower_case_letters(w in proptest::array::uniform8(0u8..=255)) {
            let want = w.iter().take_while(|b| b.is_ascii_lowercase()).count();
            proptest::prop_assert_eq!(lower_prefix(&w), want);
        }
    }

    #[test]
    fn lexicon_marks_first_or_last_words() {
        static FIRST: Lexicon = Lexicon::EMPTY.with(&["prime minister", "secretary-general"], 1);
        static LAST: Lexicon =
            Lexicon::EMPTY.with_last_words(&["prime minister", "secretary-general", "gen."], 2);
        let bits = |lex: &Lexicon, w: &str| {
            let b = w.as_bytes();
            lex.bits(b[0], b[b.len() - 1], b.len())
        };
        let table: &[(&str, u8, u8)] = &[
            ("prime", 1, 0),
            ("Secretary", 1, 0),
            ("minister", 0, 2),
            ("GENERAL", 0, 2),
            ("gen", 0, 2),
            ("the", 0, 0),
            ("secretarygeneral", 0, 0),
        ];
        for &(w, first, last) in table {
            assert_eq!((bits(&FIRST, w), bits(&LAST, w)), (first, last), "{w}");
        }
    }

    #[test]
    fn keys_fold_case_and_periods() {
        assert_eq!(key_of("U.S."), key_of("US"));
        assert_eq!(key_of("u.s"), key_of("US"));
        assert_eq!(key_of("N.J."), key_of("NJ"));
        assert_eq!(key_of("JAKARTA"), key_of("Jakarta"));
        assert_eq!(key_of("Myanmar's"), key_of("Myanmar s"));
        assert_ne!(key_of("New York"), key_of("NewYork"));
        assert_eq!(key_of(" - "), None);
    }
}
