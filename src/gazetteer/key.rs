//! Tokens and their hash keys, shared by the gazetteer's index and the extractors' scans.
//!
//! A token is a run of letters and digits; an apostrophe between letters (`d'Ivoire`) and a
//! period between letters (`U.S`, `N.J`) stay inside it. Hyphens, spaces and other punctuation
//! separate tokens, and a possessive `'s` is left out, so `Myanmar's` keys like `Myanmar`.
//! Keys fold case and drop periods: `U.S.`, `U.S` and `US` share a key, as do `Ore.` and `Ore`.

/// One token: byte offsets relative to the scanned text, and its hash.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    pub start: usize,
    pub end: usize,
    /// Hash of the case-folded token without periods; 0 when not `hashed` (see [`hash_of`]).
    pub hash: u64,
    /// Whether `hash` was computed.
    pub hashed: bool,
    /// First character is upper case.
    pub upper: bool,
    /// Every letter is upper case (and there is at least one).
    pub all_upper: bool,
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
    tokenize_impl(text, out, false);
}

/// Splits `text` into tokens, hashing only the capitalized ones; [`hash_of`] hashes the
/// others on demand.
pub(crate) fn tokenize_lazy(text: &str, out: &mut Vec<Token>) {
    tokenize_impl(text, out, true);
}

/// The hash of a token of `text` (computed now if the tokenizer left it out).
#[inline]
pub(crate) fn hash_of(text: &str, t: &Token) -> u64 {
    if t.hashed {
        t.hash
    } else {
        hash_slice(text.get(t.start..t.end).unwrap_or(""))
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
    let mut w = [0u8; 8];
    w[..rest.len()].copy_from_slice(rest);
    let mask = if rest.is_empty() {
        0
    } else {
        LOWER >> (8 * (8 - rest.len()))
    };
    let buf = u64::from_le_bytes(w) | mask;
    mix(mix(h ^ 0xcbf2_9ce4_8422_2325, buf), s.len() as u64)
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

fn tokenize_impl(text: &str, out: &mut Vec<Token>, lazy: bool) {
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
        if class == NON_ASCII {
            let c = char_at(text, i);
            if !c.is_alphanumeric() {
                i += c.len_utf8();
                continue;
            }
        }
        // A token starts at i.
        let start = i;
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
                dot |= b == b'.';
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
        let slice = text.get(start..i).unwrap_or("");
        let (upper, all_upper, letters) = if ascii {
            (
                CLASS[usize::from(bytes[start])] == UPPER,
                seen & LOWER == 0,
                seen & (UPPER | LOWER) != 0,
            )
        } else {
            (
                slice.chars().next().is_some_and(char::is_uppercase),
                !slice.chars().any(char::is_lowercase),
                slice.chars().any(char::is_alphabetic),
            )
        };
        let hashed = !lazy || upper;
        let hash = match (hashed, ascii && !dot) {
            (false, _) => 0,
            (true, true) => hash_ascii_plain(slice.as_bytes()),
            (true, false) => hash_folded(slice),
        };
        out.push(Token {
            start,
            end: i,
            hash,
            hashed,
            upper,
            all_upper: all_upper && letters,
        });
        if i == start {
            // Cannot happen (the first char is alphanumeric), but never loop forever.
            i += 1;
        }
    }
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
        v.iter().map(|t| &s[t.start..t.end]).collect()
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

        /// The byte-class tokenizer's flags agree with their definitions.
        #[test]
        fn token_flags(s in "[A-Za-z0-9.' ,éÖ’-]{0,60}") {
            let mut v = Vec::new();
            tokenize(&s, &mut v);
            for t in &v {
                let tok = &s[t.start..t.end];
                proptest::prop_assert_eq!(t.hash, hash_folded(tok));
                proptest::prop_assert_eq!(t.upper, tok.chars().next().is_some_and(char::is_uppercase));
                proptest::prop_assert_eq!(
                    t.all_upper,
                    !tok.chars().any(char::is_lowercase) && tok.chars().any(char::is_alphabetic)
                );
            }
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
