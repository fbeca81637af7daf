//! Byte scans sixteen bytes at a time, and the one conversion that skips a second UTF-8 check.
//!
//! The scans use SSE2 through the safe API of `safe_arch` wherever the target has SSE2 (every
//! x86_64 target); each has a scalar twin, used on other targets and held to the vector version
//! by a property test.
//!
//! The only module of the crate that may use `unsafe` (the crate denies it everywhere else), for
//! one thing: turning bytes that `simdutf8` has just checked into a `str` or `String` without the
//! standard library checking them a second time.

#![allow(unsafe_code)]

/// A bit mask of the bytes of `block` equal to `byte`: bit `i` is set where `block[i] == byte`.
#[inline]
pub(crate) fn eq_mask64(block: &[u8; 64], byte: u8) -> u64 {
    #[cfg(target_feature = "sse2")]
    {
        sse2::eq_mask64(block, byte)
    }
    #[cfg(not(target_feature = "sse2"))]
    {
        scalar_eq_mask64(block, byte)
    }
}

/// [`eq_mask64`] one byte at a time.
#[cfg_attr(target_feature = "sse2", allow(dead_code))]
pub(crate) fn scalar_eq_mask64(block: &[u8; 64], byte: u8) -> u64 {
    block
        .iter()
        .enumerate()
        .fold(0, |mask, (i, &b)| mask | (u64::from(b == byte) << i))
}

/// Two bit masks of `block`: bit `i` of the first set where `block[i]` is an ASCII letter (either
/// case), of the second where it is an ASCII digit.
#[inline]
pub(crate) fn alnum_masks64(block: &[u8; 64]) -> (u64, u64) {
    #[cfg(target_feature = "sse2")]
    {
        sse2::alnum_masks64(block)
    }
    #[cfg(not(target_feature = "sse2"))]
    {
        scalar_alnum_masks64(block)
    }
}

/// [`alnum_masks64`] one byte at a time.
#[cfg_attr(target_feature = "sse2", allow(dead_code))]
pub(crate) fn scalar_alnum_masks64(block: &[u8; 64]) -> (u64, u64) {
    block
        .iter()
        .enumerate()
        .fold((0, 0), |(letters, digits), (i, &b)| {
            (
                letters | (u64::from(b.is_ascii_alphabetic()) << i),
                digits | (u64::from(b.is_ascii_digit()) << i),
            )
        })
}

/// The classes of the bytes of a 64-byte block as bit masks (bit `i` for `block[i]`), for the
/// gazetteer's tokenizer: ASCII lower-case letters, upper-case letters, digits, and bytes of
/// non-ASCII characters (`>= 0x80`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct ByteClasses {
    /// `a..=z`.
    pub lower: u64,
    /// `A..=Z`.
    pub upper: u64,
    /// `0..=9`.
    pub digit: u64,
    /// `0x80..=0xff`.
    pub non_ascii: u64,
}

/// [`ByteClasses`] of `block`, sixteen bytes at a time.
#[inline]
pub(crate) fn byte_classes64(block: &[u8; 64]) -> ByteClasses {
    #[cfg(target_feature = "sse2")]
    {
        sse2::byte_classes64(block)
    }
    #[cfg(not(target_feature = "sse2"))]
    {
        scalar_byte_classes64(block)
    }
}

/// [`byte_classes64`] one byte at a time.
#[cfg_attr(target_feature = "sse2", allow(dead_code))]
pub(crate) fn scalar_byte_classes64(block: &[u8; 64]) -> ByteClasses {
    let mut c = ByteClasses::default();
    for (i, &b) in block.iter().enumerate() {
        c.lower |= u64::from(b.is_ascii_lowercase()) << i;
        c.upper |= u64::from(b.is_ascii_uppercase()) << i;
        c.digit |= u64::from(b.is_ascii_digit()) << i;
        c.non_ascii |= u64::from(b >= 0x80) << i;
    }
    c
}

/// The vector versions, on the safe SSE2 API of `safe_arch` (SSE2 is part of the x86_64
/// baseline, so these are compiled for every x86_64 target).
#[cfg(target_feature = "sse2")]
mod sse2 {
    use safe_arch::{
        add_i8_m128i, bitor_m128i, cmp_eq_mask_i8_m128i, cmp_lt_mask_i8_m128i,
        load_unaligned_m128i, m128i, move_mask_i8_m128i, set_splat_i8_m128i, zeroed_m128i,
    };

    /// The sixteen-bit mask of the lanes of a comparison result that are set.
    #[inline]
    fn mask16(lanes: m128i) -> u64 {
        // The mask holds 16 bits: the casts lose nothing.
        u64::from(move_mask_i8_m128i(lanes) as u32 as u16)
    }

    /// The bytes of `lane` in `lo..lo + n`, as a comparison result. A byte range becomes a
    /// signed compare: adding `0x80 - lo` (wrapping) moves exactly that range to
    /// `-128..-128 + n`.
    #[inline]
    fn in_range(lane: m128i, lo: u8, n: u8) -> m128i {
        let shifted = add_i8_m128i(lane, set_splat_i8_m128i(0x80u8.wrapping_sub(lo) as i8));
        cmp_lt_mask_i8_m128i(shifted, set_splat_i8_m128i(0x80u8.wrapping_add(n) as i8))
    }

    /// The bytes of `lane` equal to any of three splatted needles, as a comparison result.
    #[inline]
    fn eq_any3(lane: m128i, a: m128i, b: m128i, c: m128i) -> m128i {
        bitor_m128i(
            bitor_m128i(cmp_eq_mask_i8_m128i(lane, a), cmp_eq_mask_i8_m128i(lane, b)),
            cmp_eq_mask_i8_m128i(lane, c),
        )
    }

    /// The four sixteen-byte lanes of a 64-byte block.
    #[inline]
    fn lanes(block: &[u8; 64]) -> impl Iterator<Item = m128i> + '_ {
        block.as_chunks::<16>().0.iter().map(load_unaligned_m128i)
    }

    /// Letters and digits of a 64-byte block.
    #[inline]
    pub(super) fn alnum_masks64(block: &[u8; 64]) -> (u64, u64) {
        let case = set_splat_i8_m128i(0x20);
        let mut letters = 0u64;
        let mut digits = 0u64;
        for (k, lane) in lanes(block).enumerate() {
            // Setting 0x20 folds `A..=Z` onto `a..=z` and moves no other byte there.
            letters |= mask16(in_range(bitor_m128i(lane, case), b'a', 26)) << (16 * k);
            digits |= mask16(in_range(lane, b'0', 10)) << (16 * k);
        }
        (letters, digits)
    }

    /// Lower-case letters, upper-case letters, digits and non-ASCII bytes of a 64-byte block;
    /// the sign bits are the non-ASCII bytes.
    #[inline]
    pub(super) fn byte_classes64(block: &[u8; 64]) -> super::ByteClasses {
        let mut c = super::ByteClasses::default();
        for (k, lane) in lanes(block).enumerate() {
            c.lower |= mask16(in_range(lane, b'a', 26)) << (16 * k);
            c.upper |= mask16(in_range(lane, b'A', 26)) << (16 * k);
            c.digit |= mask16(in_range(lane, b'0', 10)) << (16 * k);
            c.non_ascii |= mask16(lane) << (16 * k);
        }
        c
    }

    #[inline]
    pub(super) fn eq_mask64(block: &[u8; 64], byte: u8) -> u64 {
        let needle = set_splat_i8_m128i(byte as i8);
        lanes(block).enumerate().fold(0, |mask, (k, lane)| {
            mask | mask16(cmp_eq_mask_i8_m128i(lane, needle)) << (16 * k)
        })
    }

    /// [`super::contains3`] for at least sixteen bytes: the hits of every lane gathered in
    /// one register, read once at the end.
    #[inline]
    pub(super) fn contains3(bytes: &[u8], a: u8, b: u8, c: u8) -> bool {
        let (na, nb, nc) = (
            set_splat_i8_m128i(a as i8),
            set_splat_i8_m128i(b as i8),
            set_splat_i8_m128i(c as i8),
        );
        let hits = |lane: &[u8; 16]| eq_any3(load_unaligned_m128i(lane), na, nb, nc);
        let (whole, rest) = bytes.as_chunks::<16>();
        let mut all = whole
            .iter()
            .fold(zeroed_m128i(), |all, lane| bitor_m128i(all, hits(lane)));
        if !rest.is_empty() {
            // The last sixteen bytes, overlapping the lane before.
            let last = bytes.len().saturating_sub(16);
            if let Some(Ok(lane)) = bytes.get(last..).map(<&[u8; 16]>::try_from) {
                all = bitor_m128i(all, hits(lane));
            }
        }
        move_mask_i8_m128i(all) != 0
    }

    #[inline]
    pub(super) fn eq3_mask16(lane: &[u8; 16], a: u8, b: u8, c: u8) -> u32 {
        let hits = eq_any3(
            load_unaligned_m128i(lane),
            set_splat_i8_m128i(a as i8),
            set_splat_i8_m128i(b as i8),
            set_splat_i8_m128i(c as i8),
        );
        move_mask_i8_m128i(hits) as u32
    }
}

/// `f` of the 64 bytes of `bytes` at `pos`: borrowed where all 64 are there, else a copy with
/// zeros past the end (a zero byte is no letter, digit, newline or terminator, so the padding
/// adds nothing to any mask of this module).
#[inline(always)]
pub(crate) fn with_block<R>(bytes: &[u8], pos: usize, f: impl FnOnce(&[u8; 64]) -> R) -> R {
    match bytes
        .get(pos..pos.saturating_add(64))
        .and_then(|b| <&[u8; 64]>::try_from(b).ok())
    {
        Some(block) => f(block),
        None => {
            let tail = bytes.get(pos..).unwrap_or_default();
            let mut padded = [0u8; 64];
            padded[..tail.len()].copy_from_slice(tail);
            f(&padded)
        }
    }
}

/// A bit mask of the bytes of `block` equal to any of `a`, `b` and `c`: [`eq3_mask16`] over its
/// four lanes.
#[inline]
pub(crate) fn eq3_mask64(block: &[u8; 64], a: u8, b: u8, c: u8) -> u64 {
    block
        .as_chunks::<16>()
        .0
        .iter()
        .enumerate()
        .fold(0, |mask, (k, lane)| {
            mask | u64::from(eq3_mask16(lane, a, b, c)) << (16 * k)
        })
}

/// Whether `bytes` holds any of `a`, `b` and `c`: sixteen bytes at a time, the last lane
/// overlapping the one before; fewer than sixteen bytes one at a time.
pub(crate) fn contains3(bytes: &[u8], a: u8, b: u8, c: u8) -> bool {
    if bytes.len() < 16 {
        return bytes.iter().any(|&x| x == a || x == b || x == c);
    }
    #[cfg(target_feature = "sse2")]
    {
        sse2::contains3(bytes, a, b, c)
    }
    #[cfg(not(target_feature = "sse2"))]
    {
        let last = bytes.len() - 16;
        let hit = |at: usize| {
            bytes
                .get(at..at + 16)
                .and_then(|lane| lane.try_into().ok())
                .is_some_and(|lane| eq3_mask16(lane, a, b, c) != 0)
        };
        (0..last).step_by(16).any(hit) || hit(last)
    }
}

/// A bit mask of the bytes of `lane` equal to any of `a`, `b` and `c`.
#[inline]
pub(crate) fn eq3_mask16(lane: &[u8; 16], a: u8, b: u8, c: u8) -> u32 {
    #[cfg(target_feature = "sse2")]
    {
        sse2::eq3_mask16(lane, a, b, c)
    }
    #[cfg(not(target_feature = "sse2"))]
    {
        scalar_eq3_mask16(lane, a, b, c)
    }
}

/// [`eq3_mask16`] one byte at a time.
#[cfg_attr(target_feature = "sse2", allow(dead_code))]
fn scalar_eq3_mask16(lane: &[u8; 16], a: u8, b: u8, c: u8) -> u32 {
    lane.iter().enumerate().fold(0, |mask, (i, &x)| {
        mask | (u32::from(x == a || x == b || x == c) << i)
    })
}

/// `bytes` as a `String` if they are UTF-8, checked with SIMD (`simdutf8`, several times faster
/// than the standard library on mostly-ASCII text); otherwise the standard library's error,
/// which says where the first bad byte is.
pub(crate) fn string_from_utf8(bytes: Vec<u8>) -> Result<String, std::string::FromUtf8Error> {
    if simdutf8::basic::from_utf8(&bytes).is_ok() {
        // SAFETY: `simdutf8` has just checked that `bytes` are UTF-8.
        Ok(unsafe { String::from_utf8_unchecked(bytes) })
    } else {
        String::from_utf8(bytes)
    }
}

/// `bytes` as a `str` if they are UTF-8 (see [`string_from_utf8`]).
pub(crate) fn str_from_utf8(bytes: &[u8]) -> Result<&str, std::str::Utf8Error> {
    match simdutf8::basic::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(_) => std::str::from_utf8(bytes),
    }
}

/// Text in a buffer shared with other texts (a block of a stream read once), checked once to be
/// UTF-8: slicing it needs no second check and no copy.
#[derive(Clone)]
pub(crate) struct SharedStr {
    buf: std::sync::Arc<Vec<u8>>,
    start: usize,
    end: usize,
}

impl SharedStr {
    /// The bytes `start..end` of `buf` if they are UTF-8 (an empty text if the range does not
    /// fit `buf`).
    pub(crate) fn new(
        buf: std::sync::Arc<Vec<u8>>,
        start: usize,
        end: usize,
    ) -> Result<Self, std::str::Utf8Error> {
        let (start, end) = if buf.get(start..end).is_some() {
            (start, end)
        } else {
            (0, 0)
        };
        str_from_utf8(&buf[start..end])?;
        Ok(SharedStr { buf, start, end })
    }

    /// The text.
    pub(crate) fn as_str(&self) -> &str {
        let bytes = &self.buf[self.start..self.end];
        // SAFETY: `new` checked that these bytes are UTF-8, and they cannot change since: the
        // fields are private and never reassigned, and the buffer is behind an `Arc` that this
        // value shares, so no one can get a mutable reference to it (`Arc::get_mut` needs the
        // only reference).
        unsafe { std::str::from_utf8_unchecked(bytes) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn block(bytes: &[u8]) -> [u8; 64] {
        let mut b = [0u8; 64];
        b[..bytes.len()].copy_from_slice(bytes);
        b
    }

    proptest! {
        /// The vector masks equal the scalar ones on any bytes.
        #[test]
        fn vector_and_scalar_masks_agree(
            bytes in prop::collection::vec(prop::sample::select(b"\n\r /(\xc2\xa9a\x00\xff".to_vec()), 64),
            any_bytes in prop::collection::vec(any::<u8>(), 64),
            needles in any::<(u8, u8, u8)>(),
        ) {
            for b in [block(&bytes), block(&any_bytes)] {
                let (x, y, z) = needles;
                for needle in [b'\n', x, 0, 0xff] {
                    prop_assert_eq!(eq_mask64(&b, needle), scalar_eq_mask64(&b, needle));
                }
                for lane in b.chunks_exact(16) {
                    let lane: &[u8; 16] = lane.try_into().unwrap();
                    prop_assert_eq!(eq3_mask16(lane, x, y, z), scalar_eq3_mask16(lane, x, y, z));
                    prop_assert_eq!(
                        eq3_mask16(lane, 0xC2, b'/', b'('),
                        scalar_eq3_mask16(lane, 0xC2, b'/', b'(')
                    );
                }
                let bitwise = b.iter().enumerate().fold(0u64, |mask, (i, &c)| {
                    mask | u64::from(c == x || c == y || c == z) << i
                });
                prop_assert_eq!(eq3_mask64(&b, x, y, z), bitwise);
            }
        }

        /// The vector letter and digit masks equal the scalar ones on any bytes.
        #[test]
        fn vector_and_scalar_alnum_masks_agree(
            any_bytes in prop::collection::vec(any::<u8>(), 64),
            text in prop::collection::vec(prop::sample::select(b"@AZ[`az{/09:\x80\xc1\xe1\xfa \n".to_vec()), 64),
        ) {
            for b in [block(&any_bytes), block(&text)] {
                prop_assert_eq!(alnum_masks64(&b), scalar_alnum_masks64(&b));
            }
        }

        /// `contains3` finds what a plain search finds.
        #[test]
        fn contains3_agrees_with_a_plain_search(
            bytes in prop::collection::vec(prop::sample::select(b"\n\nab(/\xc2 ".to_vec()), 0..300),
        ) {
            for start in [0, 1, 15, 16, 17, 63, 64, 65] {
                let part = bytes.get(start..).unwrap_or_default();
                prop_assert_eq!(
                    contains3(part, 0xC2, b'/', b'('),
                    part.iter().any(|&x| matches!(x, 0xC2 | b'/' | b'('))
                );
            }
        }

        /// The SIMD UTF-8 check accepts and rejects what the standard library does.
        #[test]
        fn utf8_checks_agree_with_the_standard_library(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
            let ours = string_from_utf8(bytes.clone()).map_err(|e| e.utf8_error());
            let std = String::from_utf8(bytes.clone()).map_err(|e| e.utf8_error());
            prop_assert_eq!(ours, std);
            prop_assert_eq!(str_from_utf8(&bytes), std::str::from_utf8(&bytes));
        }
    }

    #[test]
    fn alnum_masks_of_every_byte_value() {
        for b in 0..=255u8 {
            let mut block = [b' '; 64];
            block[5] = b;
            block[63] = b;
            let want = if b.is_ascii_alphabetic() {
                (1 << 5 | 1 << 63, 0)
            } else if b.is_ascii_digit() {
                (0, 1 << 5 | 1 << 63)
            } else {
                (0, 0)
            };
            assert_eq!(alnum_masks64(&block), want, "byte {b:#x}");
            assert_eq!(scalar_alnum_masks64(&block), want, "byte {b:#x}");
        }
    }

    #[test]
    fn masks_of_known_blocks() {
        let b = block(b"a\nb\n\n");
        assert_eq!(eq_mask64(&b, b'\n'), 0b11010);
        let mut b = [b'x'; 64];
        b[63] = b'\n';
        b[0] = b'(';
        assert_eq!(eq_mask64(&b, b'\n'), 1 << 63);
        let lane: &[u8; 16] = b[..16].try_into().unwrap();
        assert_eq!(eq3_mask16(lane, b'(', b'\n', b'/'), 1);
        let text = "x".repeat(130) + "\n" + &"y".repeat(70) + "\n";
        // A block past the end is zero-padded; one inside is the bytes themselves.
        let mut want = [0u8; 64];
        want[..2].copy_from_slice(b"yz");
        assert_eq!(with_block(b"xyz", 1, |b| *b), want);
        assert_eq!(with_block(b"xyz", 9, |b| *b), [0; 64]);
        assert_eq!(
            with_block(text.as_bytes(), 3, |b| *b),
            text.as_bytes()[3..67]
        );
    }

    proptest! {
        /// The vector classes equal the scalar ones on any bytes.
        #[test]
        fn vector_and_scalar_byte_classes_agree(
            any_bytes in prop::array::uniform32(any::<u8>()),
            more in prop::array::uniform32(any::<u8>()),
            text in prop::collection::vec(prop::sample::select(b"@AZ[`az{/09:.'\x7f\x80\xc3\xa9\xff \n".to_vec()), 64),
        ) {
            let mut block = [0u8; 64];
            block[..32].copy_from_slice(&any_bytes);
            block[32..].copy_from_slice(&more);
            prop_assert_eq!(byte_classes64(&block), scalar_byte_classes64(&block));
            let block: [u8; 64] = text.try_into().unwrap();
            prop_assert_eq!(byte_classes64(&block), scalar_byte_classes64(&block));
        }
    }

    #[test]
    fn byte_classes_of_every_byte_value() {
        for b in 0..=255u8 {
            let mut block = [b' '; 64];
            block[7] = b;
            block[63] = b;
            let bits = 1u64 << 7 | 1 << 63;
            let c = byte_classes64(&block);
            assert_eq!(c, scalar_byte_classes64(&block), "byte {b:#x}");
            let want = |yes: bool| if yes { bits } else { 0 };
            assert_eq!(c.lower, want(b.is_ascii_lowercase()), "byte {b:#x}");
            assert_eq!(c.upper, want(b.is_ascii_uppercase()), "byte {b:#x}");
            assert_eq!(c.digit, want(b.is_ascii_digit()), "byte {b:#x}");
            assert_eq!(c.non_ascii, want(b >= 0x80), "byte {b:#x}");
        }
    }
}
