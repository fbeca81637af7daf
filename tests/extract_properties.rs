//! Laws of the sentence and quotation extractors on any text the parser accepts: they never
//! panic, every span lies inside the source on character boundaries and slices back to the text
//! it reports, sentences and quotations come in order without overlapping.

use newswire::Span;
use newswire::extract::{Analysis, Extractor, Quotes, Sentences};
use proptest::prelude::*;

fn check_span(src: &str, span: Span, what: &str) {
    assert!(span.start <= span.end, "{what} {span} is reversed");
    assert!(
        span.end <= src.len(),
        "{what} {span} is out of bounds ({})",
        src.len()
    );
    assert!(
        src.is_char_boundary(span.start) && src.is_char_boundary(span.end),
        "{what} {span} is not on char boundaries"
    );
}

fn check(src: &str) {
    let Ok(article) = newswire::parse(src) else {
        return;
    };
    let analysis = Analysis::new(&article);
    let (sentences, quotes) = (Sentences::default(), Quotes::default()).extract(&analysis);

    let mut prev_end = 0;
    for s in &sentences {
        check_span(src, s.span, "sentence");
        assert!(!s.span.is_empty(), "empty sentence at {}", s.span);
        assert!(s.span.start >= prev_end, "sentences overlap at {}", s.span);
        prev_end = s.span.end;
    }

    let mut prev_end = 0;
    for q in &quotes {
        check_span(src, q.span, "quote");
        assert_eq!(q.text, &src[q.span.range()], "quote text slices back");
        assert!(q.span.start >= prev_end, "quotes overlap at {}", q.span);
        prev_end = q.span.end;
        if let Some(s) = &q.speaker {
            check_span(src, s.span, "speaker");
            assert_eq!(s.text, &src[s.span.range()], "speaker text slices back");
            if let Some(r) = &s.resolved {
                check_span(src, r.span, "resolved speaker");
                assert_eq!(r.text, &src[r.span.range()], "resolved text slices back");
                assert!(
                    r.span.end <= s.span.start,
                    "resolved to a name after the pronoun"
                );
            }
        }
        if let Some(c) = &q.cue {
            check_span(src, c.span, "cue");
            assert_eq!(c.text, &src[c.span.range()], "cue text slices back");
        }
    }
}

/// Text made of the pieces quotation extraction looks at: every kind of quote mark,
/// apostrophes, cues, names, pronouns, abbreviations, punctuation and paragraph breaks.
fn quote_heavy() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "\"",
        "“",
        "”",
        "‘",
        "’",
        "'",
        "''",
        "``",
        "`",
        "„",
        "«",
        "»",
        " ",
        " ",
        " ",
        "\n",
        "\n\n",
        "\n    ",
        ",",
        ".",
        "...",
        "…",
        "?",
        "!",
        ":",
        ";",
        " - ",
        " — ",
        "(",
        ")",
        "said",
        "told",
        "according to",
        "added",
        "tweeted",
        "he",
        "she",
        "who",
        "Price",
        "Ned Price",
        "Mr.",
        "U.S.",
        "Sen.",
        "J.",
        "the",
        "a spokesman",
        "We agree",
        "don't",
        "’90s",
        "1.2",
        "é",
        "日本",
        " date 2021-05-01 ",
        "JAKARTA --",
        "=",
        "<tweet>",
    ]);
    prop::collection::vec(piece, 0..120).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_string(src in any::<String>()) {
        check(&src);
    }

    #[test]
    fn quote_heavy_text(src in quote_heavy()) {
        check(&src);
    }

    #[test]
    fn quote_heavy_after_a_header(src in quote_heavy()) {
        check(&format!(" date 2021-05-01 JAKARTA -- {src}"));
    }
}

#[test]
fn unbalanced_marks_do_not_swallow_the_article() {
    let src = "A stray \"mark opens here.\n\nThe next paragraph has none.\n\n\
               \"A real quote,\" Price said.\n";
    let article = newswire::parse(src).expect("lenient parsing accepts any text");
    let quotes = Quotes::default().extract(&Analysis::new(&article));
    // The stray mark's quotation ends with its paragraph; the real one is found intact.
    assert!(quotes.iter().all(|q| !q.text.contains('\n')));
    let real = quotes
        .iter()
        .find(|q| q.text == "A real quote,")
        .expect("the real quote");
    assert_eq!(
        real.speaker.as_ref().map(|s| s.text.as_str()),
        Some("Price")
    );
}

#[test]
fn multi_paragraph_quotation_is_one_quote() {
    let src = "\"The first part runs on,\n\n\"and ends here,\" Price said.\n";
    let article = newswire::parse(src).expect("lenient parsing accepts any text");
    let quotes = Quotes::default().extract(&Analysis::new(&article));
    assert_eq!(quotes.len(), 1);
    assert_eq!(
        quotes[0].text,
        "The first part runs on,\n\n\"and ends here,"
    );
    assert_eq!(
        quotes[0].speaker.as_ref().map(|s| s.text.as_str()),
        Some("Price")
    );
}

/// Found by the `extract` fuzz target: the second quotation's speaker is the pronoun that opens
/// the text, before the first quotation, and it was resolved to that quotation's speaker,
/// `Smith`, who comes after it. A pronoun resolves only to a name before it.
#[test]
fn fuzz_regression_pronoun_resolved_to_a_later_name() {
    let src = "He \"Wait,\" Smith urged them and urged \"stop";
    check(src);
    let article = newswire::parse(src).expect("lenient parsing accepts any text");
    let quotes = Quotes::default().extract(&Analysis::new(&article));
    let speakers: Vec<_> = quotes.iter().filter_map(|q| q.speaker.as_ref()).collect();
    assert!(speakers.iter().any(|s| s.text == "He"), "{quotes:?}");
    for s in speakers {
        if let Some(r) = &s.resolved {
            assert!(r.span.end <= s.span.start, "{s:?} resolved to a later name");
        }
    }
}
