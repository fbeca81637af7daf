//! Snapshots of the sentences and quotations of every bundled sample, rendered so that a
//! reviewer sees the text of each span next to its offsets.

mod common;

use newswire::extract::{Analysis, Extractor, Quotes, Sentences};
use std::fmt::Write as _;

/// One line per sentence and per quotation: `start..end  text`, with the speaker, its
/// resolution and the cue of each quotation on the lines below it.
fn render(src: &str) -> String {
    let article = newswire::parse(src).expect("lenient parsing accepts any text");
    let analysis = Analysis::new(&article);
    let (sentences, quotes) = (Sentences::default(), Quotes::default()).extract(&analysis);
    let mut out = String::new();
    let _ = writeln!(out, "== sentences ({})", sentences.len());
    for s in &sentences {
        let _ = writeln!(
            out,
            "{:>5}..{:<5} {}",
            s.span.start,
            s.span.end,
            &src[s.span.range()]
        );
    }
    let _ = writeln!(out, "\n== quotes ({})", quotes.len());
    for q in &quotes {
        assert_eq!(q.text, &src[q.span.range()], "quote text slices back");
        let _ = writeln!(out, "{:>5}..{:<5} «{}»", q.span.start, q.span.end, q.text);
        match &q.speaker {
            Some(s) => {
                let _ = write!(
                    out,
                    "      speaker {}..{} «{}»",
                    s.span.start, s.span.end, s.text
                );
                if let Some(r) = &s.resolved {
                    let _ = write!(out, " = {}..{} «{}»", r.span.start, r.span.end, r.text);
                }
                let _ = writeln!(out);
            }
            None => {
                let _ = writeln!(out, "      speaker none");
            }
        }
        match &q.cue {
            Some(c) => {
                let _ = writeln!(
                    out,
                    "      cue {}..{} «{}»",
                    c.span.start, c.span.end, c.text
                );
            }
            None => {
                let _ = writeln!(out, "      cue none");
            }
        }
    }
    out
}

#[test]
fn samples_sentences_and_quotes() {
    assert!(
        !common::samples().is_empty(),
        "the bundled samples are missing"
    );
    insta::glob!("../samples", "*.txt", |path| {
        let src = std::fs::read_to_string(path).expect("sample is UTF-8");
        insta::assert_snapshot!(render(&src));
    });
}
