//! Any string: the lenient parse never fails or panics, strict mode never panics, and every
//! span of the result slices the input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newswire::Parser;

fuzz_target!(|src: &str| {
    let article = match newswire::parse(src) {
        Ok(a) => a,
        Err(e) => panic!("lenient parse failed: {e}"),
    };
    for p in &article.paragraphs {
        assert!(p.span.get(src).is_some());
    }
    if let Some(d) = &article.dateline {
        assert_eq!(d.span.get(src), Some(&*d.text));
    }
    if let Err(e) = Parser::builder().strict(true).build().parse(src) {
        let _ = e.to_string();
        assert!(!article.diagnostics.is_empty());
    }
});
