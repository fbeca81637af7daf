//! Golden fixtures: the parse of every file under `tests/fixtures/` and `samples/`, pinned as
//! insta snapshots.
//!
//! - `fixtures/valid/*.txt`: parse in lenient and strict mode alike, with no diagnostics; the
//!   snapshot is the article as JSON.
//! - `fixtures/malformed/*.txt`: the lenient parse (JSON, with its diagnostics) or its error, and
//!   the strict error as a person reads it (line, column, caret).
//! - `samples/*.txt`: the bundled sample articles.

use newswire::{Article, Parser};
use serde::Serialize;
use std::path::Path;

/// The snapshot of one input: the parsed article with its source length, or the error.
#[derive(Serialize)]
#[serde(rename_all = "snake_case")]
enum Outcome<'a> {
    Article {
        bytes: usize,
        #[serde(flatten)]
        article: Box<Article<'a>>,
    },
    Error(String),
}

fn lenient(bytes: &[u8]) -> Outcome<'_> {
    match Parser::default().parse_bytes(bytes) {
        Ok(article) => Outcome::Article {
            bytes: bytes.len(),
            article: Box::new(article),
        },
        Err(e) => Outcome::Error(e.to_string()),
    }
}

/// Laws every parsed article obeys: spans slice back to their text.
fn check_spans(bytes: &[u8], article: &Article<'_>) {
    let src = std::str::from_utf8(bytes).expect("parsed input is UTF-8");
    for p in &article.paragraphs {
        let raw = &src[p.span];
        let joined = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        let text = p.text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(joined, text, "paragraph text is its span, rewrapped");
    }
    if let Some(d) = &article.dateline {
        assert_eq!(&src[d.span], d.text);
        assert_eq!(&src[d.location_span], d.location);
    }
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn valid_fixtures() {
    let strict = Parser::builder().strict(true).build();
    let mut seen = 0;
    insta::glob!("fixtures/valid/*.txt", |path| {
        seen += 1;
        let bytes = read(path);
        let outcome = lenient(&bytes);
        let Outcome::Article { article, .. } = &outcome else {
            panic!("{}: a valid fixture must parse", path.display());
        };
        assert!(article.diagnostics.is_empty(), "{}", path.display());
        check_spans(&bytes, article);
        assert_eq!(
            strict.parse_bytes(&bytes).as_ref().ok(),
            Some(&**article),
            "{}: strict and lenient parse agree on valid input",
            path.display()
        );
        insta::assert_json_snapshot!(outcome);
    });
    assert!(seen >= 25, "expected the valid fixtures, found {seen}");
}

#[test]
fn malformed_fixtures() {
    let strict = Parser::builder().strict(true).build();
    let mut seen = 0;
    insta::glob!("fixtures/malformed/*.txt", |path| {
        seen += 1;
        let bytes = read(path);
        let outcome = lenient(&bytes);
        if let Outcome::Article { article, .. } = &outcome {
            assert!(!article.diagnostics.is_empty(), "{}", path.display());
            check_spans(&bytes, article);
        }
        insta::assert_json_snapshot!("lenient", outcome);
        let err = strict
            .parse_bytes(&bytes)
            .expect_err("strict mode rejects malformed input");
        insta::assert_snapshot!("strict_error", err.to_string());
    });
    assert!(seen >= 4, "expected the malformed fixtures, found {seen}");
}

#[test]
fn sample_articles() {
    let mut seen = 0;
    insta::glob!("../samples", "*.txt", |path| {
        seen += 1;
        let bytes = read(path);
        let outcome = lenient(&bytes);
        if let Outcome::Article { article, .. } = &outcome {
            check_spans(&bytes, article);
        }
        insta::assert_json_snapshot!(outcome);
    });
    assert!(seen >= 4, "expected the sample articles, found {seen}");
}
