//! Any bytes: invalid UTF-8 is an error naming the first bad byte; nothing panics.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    match (newswire::parse_bytes(bytes), std::str::from_utf8(bytes)) {
        (Ok(_), Ok(_)) => {}
        (Err(e), Err(utf8)) => {
            assert_eq!(e.offset(), utf8.valid_up_to());
            let _ = e.to_string();
        }
        (Ok(_), Err(_)) => panic!("invalid UTF-8 accepted"),
        (Err(e), Ok(_)) => panic!("lenient parse failed: {e}"),
    }
});
