//! Any string: parse, render, parse again keeps the date, the dateline and the paragraph texts
//! and kinds, and rendering is a fixed point after that.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|src: &str| {
    let Ok(a) = newswire::parse(src) else {
        panic!("lenient parse failed");
    };
    let r1 = newswire::render(&a);
    let b = newswire::parse(&r1).expect("lenient parse");
    let r2 = newswire::render(&b);
    let c = newswire::parse(&r2).expect("lenient parse");
    // The first render may normalize (wraps joined, blank lines between paragraphs); from then on
    // the records and the text are stable.
    assert_eq!(b.date, c.date);
    assert_eq!(
        b.dateline.as_ref().map(|d| (&d.text, &d.location, d.date)),
        c.dateline.as_ref().map(|d| (&d.text, &d.location, d.date))
    );
    let texts = |x: &newswire::Article<'_>| {
        x.paragraphs
            .iter()
            .map(|p| (p.text.to_string(), p.kind))
            .collect::<Vec<_>>()
    };
    assert_eq!(texts(&b), texts(&c), "{r1:?}");
    assert_eq!(r2, newswire::render(&c));
});
