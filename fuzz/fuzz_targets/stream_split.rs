//! Any bytes read as a stream of articles (records ended by a line holding only the byte 0x1E).
//!
//! Laws: every byte of the input belongs to some record or to the separator after it, in order
//! (the records and separators put end to end are the input); each separator is one of the
//! documented forms (`\n` before it belongs to it, a `\n` or `\r\n` after it, either optional at
//! the end of the input) with its 0x1E at the start of a line; nothing is read past the input's
//! end; and records that are UTF-8, written back with `write_stream` (which refuses a record
//! holding a separator line) and read again, come back byte for byte.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newswire::{Corpus, RECORD_SEPARATOR};

fn records(bytes: &[u8]) -> Vec<Vec<u8>> {
    Corpus::new()
        .stream_reader(None, std::io::Cursor::new(bytes.to_vec()))
        .documents()
        .raw()
        .map(|doc| {
            doc.expect("reading from memory does not fail")
                .bytes()
                .to_vec()
        })
        .collect()
}

/// The length of the separator at the start of `rest` (which follows a record ending at
/// `at` in `input`), if there is one.
fn separator_len(input: &[u8], at: usize) -> Option<usize> {
    let rest = &input[at..];
    let (newline, after) = match rest {
        [b'\n', RECORD_SEPARATOR, after @ ..] => (1, after),
        [RECORD_SEPARATOR, after @ ..] => (0, after),
        _ => return None,
    };
    let rs = at + newline;
    // The separator byte starts a line.
    if rs != 0 && input[rs - 1] != b'\n' {
        return None;
    }
    let end = match after {
        [] => 0,
        [b'\r'] => 1,
        [b'\n', ..] => 1,
        [b'\r', b'\n', ..] => 2,
        _ => return None,
    };
    Some(newline + 1 + end)
}

fuzz_target!(|bytes: &[u8]| {
    let found = records(bytes);
    let mut at = 0;
    for (i, r) in found.iter().enumerate() {
        assert!(
            bytes[at..].starts_with(r),
            "record {i} is not the input's bytes at {at}"
        );
        at += r.len();
        if at == bytes.len() {
            assert_eq!(i + 1, found.len(), "records after the end of the input");
            break;
        }
        let Some(sep) = separator_len(bytes, at) else {
            panic!("record {i} ends at {at} without a separator");
        };
        at += sep;
    }
    assert_eq!(at, bytes.len(), "bytes left over after the last record");

    let Ok(texts) = found
        .iter()
        .map(|r| std::str::from_utf8(r))
        .collect::<Result<Vec<_>, _>>()
    else {
        return;
    };
    let mut written = Vec::new();
    newswire::write_stream(&mut written, &texts).expect("a record read holds no separator line");
    assert_eq!(
        records(&written),
        found,
        "records written and read back differ"
    );
});
