//! Laws of the parser, checked on generated input (proptest).
//!
//! - It never panics, on any string or any bytes, lenient or strict.
//! - Spans are in bounds, on char boundaries, in order and non-overlapping; sub-spans lie inside
//!   their record; each span slices back to its record's text.
//! - A paragraph's text is its span's lines, trimmed and joined with single spaces.
//! - Nothing is lost: every non-whitespace character of the input lies in the byte order mark,
//!   the header, the dateline or a paragraph.
//! - Generated articles parse back to what was generated, and `render` is a fixed point after
//!   one parse.

use newswire::{Article, ParagraphKind, Parser, Span, parse, render};
use proptest::prelude::*;

/// Checks every law on one parsed article.
fn check_laws(src: &str, a: &Article<'_>) -> Result<(), TestCaseError> {
    let in_bounds = |s: Span| s.start <= s.end && s.get(src).is_some();

    // Top-level records: BOM, header, dateline, paragraphs; in order and disjoint.
    let mut top: Vec<Span> = Vec::new();
    if a.bom {
        let has_bom = src.starts_with('\u{feff}');
        prop_assert!(has_bom);
        top.push(Span::new(0, 3));
    }
    if let Some(h) = a.header {
        prop_assert!(in_bounds(h), "header {h} out of bounds");
        prop_assert!(src[h].trim_start().starts_with("date"));
        top.push(h);
    }
    if let Some(d) = &a.dateline {
        prop_assert!(in_bounds(d.span));
        prop_assert_eq!(&src[d.span], &*d.text);
        prop_assert!(d.span.contains(d.location_span));
        prop_assert_eq!(&src[d.location_span], &*d.location);
        prop_assert!(d.location_span.start <= d.location_span.end);
        for sub in [d.date_span, d.agency_span].into_iter().flatten() {
            prop_assert!(in_bounds(sub) && d.span.contains(sub));
        }
        if let Some(agency) = &d.agency {
            prop_assert_eq!(&src[d.agency_span.unwrap()], &**agency);
        }
        prop_assert!(d.location.contains(&*d.city));
        top.push(d.span);
    }
    let mut last_end = 0;
    for p in &a.paragraphs {
        prop_assert!(in_bounds(p.span), "paragraph {} out of bounds", p.span);
        prop_assert!(p.span.start >= last_end, "paragraphs out of order");
        last_end = p.span.end;
        let raw = &src[p.span];
        prop_assert!(!raw.is_empty());
        prop_assert_eq!(raw.trim(), raw, "paragraph span has surrounding whitespace");
        let lines: Vec<&str> = raw
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        prop_assert_eq!(
            &*p.text,
            lines.join(" "),
            "paragraph text is not its lines joined"
        );
        top.push(p.span);
    }
    top.sort();
    for w in top.windows(2) {
        prop_assert!(
            w[0].end <= w[1].start,
            "records {} and {} overlap",
            w[0],
            w[1]
        );
    }

    // Nothing lost.
    for (i, c) in src.char_indices() {
        if !c.is_whitespace() {
            prop_assert!(
                top.iter().any(|s| s.start <= i && i < s.end),
                "character {c:?} at {i} is in no record"
            );
        }
    }
    for d in &a.diagnostics {
        prop_assert!(in_bounds(d.span));
    }
    Ok(())
}

fn check_all_modes(src: &str) -> Result<(), TestCaseError> {
    let lenient = Parser::default().parse(src);
    let article = match lenient {
        Ok(a) => a,
        Err(e) => return Err(TestCaseError::fail(format!("lenient parse failed: {e}"))),
    };
    check_laws(src, &article)?;
    match Parser::builder().strict(true).build().parse(src) {
        Ok(strict) => {
            prop_assert!(article.diagnostics.is_empty());
            prop_assert_eq!(&strict, &article);
        }
        Err(e) => {
            prop_assert!(!article.diagnostics.is_empty(), "strict failed alone: {e}");
            prop_assert!(e.span().get(src).is_some());
            let _ = e.to_string();
        }
    }
    // Rendering never panics either, and its output parses.
    let rendered = render(&article);
    check_laws(&rendered, &parse(&rendered).expect("lenient parse"))?;
    Ok(())
}

/// Pieces of the format: blanks, line ends, the header keyword, digits, dashes, words in
/// capitals, month names, commas, parentheses, quotes, the copyright sign, a BOM.
fn format_alphabet() -> impl Strategy<Value = String> {
    let token = prop::sample::select(vec![
        " ",
        " ",
        " ",
        "\n",
        "\n",
        "\n\n",
        "\r\n",
        "\t",
        "    ",
        "date",
        " date ",
        "2021",
        "1987",
        "-",
        "--",
        "—",
        "–",
        "―",
        "_",
        "0",
        "1",
        "2",
        "26",
        "30",
        "05",
        "12",
        "99999999999",
        "JAKARTA",
        "NEW YORK",
        "BAHIA BLANCA",
        "U.S.",
        "Ore.",
        "Toronto",
        "said",
        "the",
        "La",
        "paz",
        "Feb",
        "March",
        "Narch",
        "Mar.",
        "August",
        ",",
        ", ",
        ".",
        "(",
        ")",
        "(Reuters)",
        "(AP)",
        "(Xinhua)",
        "\"",
        "“",
        "”",
        "’",
        "'",
        "©",
        "© Reuters",
        "\u{feff}",
        "é",
        "*",
        "****",
        "By",
        "Reuter",
        "You may also like these stories:",
        "Getty.",
        "x",
    ]);
    prop::collection::vec(token, 0..40).prop_map(|v| v.concat())
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 512,
        failure_persistence: Some(Box::new(
            proptest::test_runner::FileFailurePersistence::Direct(
                "proptest-regressions/properties.txt",
            ),
        )),
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_string(src in any::<String>()) {
        check_all_modes(&src)?;
    }

    #[test]
    fn any_printable_text(src in "(?s).{0,300}") {
        check_all_modes(&src)?;
    }

    #[test]
    fn the_formats_own_alphabet(src in format_alphabet()) {
        check_all_modes(&src)?;
    }

    #[test]
    fn a_header_then_the_alphabet(date in "[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}", rest in format_alphabet()) {
        check_all_modes(&format!(" date {date} {rest}"))?;
    }

    #[test]
    fn any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        for parser in [Parser::default(), Parser::builder().strict(true).build()] {
            match (parser.parse_bytes(&bytes), std::str::from_utf8(&bytes)) {
                (Ok(a), Ok(src)) => {
                    check_laws(src, &a)?;
                }
                (Err(e), Ok(_)) => prop_assert!(parser.is_strict(), "lenient failed: {e}"),
                (Err(e), Err(utf8)) => {
                    prop_assert_eq!(e.kind(), newswire::ParseErrorKind::InvalidUtf8);
                    prop_assert_eq!(e.offset(), utf8.valid_up_to());
                    let _ = e.to_string();
                }
                (Ok(_), Err(_)) => prop_assert!(false, "invalid UTF-8 accepted"),
            }
        }
    }
}

// ---- Round trip on generated articles ----------------------------------------------------

const WORDS: &[&str] = &[
    "officials",
    "said",
    "the",
    "talks",
    "would",
    "resume",
    "on",
    "monday",
    "after",
    "a",
    "week",
    "of",
    "meetings",
    "in",
    "capital",
    "prices",
    "rose",
    "per",
    "cent",
    "minister",
    "told",
    "reporters",
    "that",
    "“deep",
    "concern”",
    "junta’s",
    "1.2",
    "mln",
    "tonnes",
    "and",
    "café",
];

/// A sentence: a capitalized first word, lower-case words, a full stop.
fn sentence() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 3..14).prop_map(|w| {
        let mut s = w.join(" ");
        if let Some(first) = s.get(..1) {
            let upper = first.to_uppercase();
            s.replace_range(..1, &upper);
        }
        s.push('.');
        s
    })
}

fn paragraph_text() -> impl Strategy<Value = String> {
    prop::collection::vec(sentence(), 1..4).prop_map(|s| s.join(" "))
}

#[derive(Debug, Clone, Copy)]
enum Style {
    /// Paragraphs separated by blank lines, lines wrapped at `wrap` columns (0: no wraps).
    BlankLines { wrap: usize, crlf: bool },
    /// Wire copy: hard wraps, 4-space indented paragraph starts.
    Wire { wrap: usize },
    /// One paragraph per line, each longer than any wrap width.
    SingleNewlines,
}

#[derive(Debug, Clone)]
struct Generated {
    date: Option<(i32, u32, u32)>,
    dateline: Option<(&'static str, &'static str)>,
    paragraphs: Vec<(String, ParagraphKind)>,
    style: Style,
}

fn style() -> impl Strategy<Value = Style> {
    prop_oneof![
        (prop_oneof![Just(0usize), 30usize..80], any::<bool>())
            .prop_map(|(wrap, crlf)| Style::BlankLines { wrap, crlf }),
        (30usize..80).prop_map(|wrap| Style::Wire { wrap }),
        Just(Style::SingleNewlines),
    ]
}

/// (dateline as written, location)
const DATELINES: &[(&str, &str)] = &[
    ("JAKARTA --", "JAKARTA"),
    ("NEW YORK, March 26 -", "NEW YORK"),
    (
        "BAHIA BLANCA, Argentina, Feb 26 -",
        "BAHIA BLANCA, Argentina",
    ),
    ("YANGON (Reuters) -", "YANGON"),
    ("WASHINGTON (AP) _", "WASHINGTON"),
    ("BEIJING, March 24 (Xinhua) --", "BEIJING"),
    ("PORTLAND, Ore., Feb 26 -", "PORTLAND, Ore."),
    ("SINGAPORE —", "SINGAPORE"),
];

fn generated() -> impl Strategy<Value = Generated> {
    let kinds = prop::collection::vec(
        prop_oneof![
            6 => paragraph_text().prop_map(|t| (t, ParagraphKind::Body)),
            1 => paragraph_text().prop_map(|t| (format!("{t} © Reuters"), ParagraphKind::Caption)),
        ],
        1..7,
    );
    (
        prop::option::of((1950i32..2030, 1u32..13, 1u32..29)),
        prop::option::of(prop::sample::select(DATELINES)),
        kinds,
        any::<bool>(),
        any::<bool>(),
        style(),
    )
        .prop_map(
            |(date, dateline, mut paragraphs, signoff, related, style)| {
                if let (Style::SingleNewlines, Some((first, _))) = (style, paragraphs.first_mut()) {
                    // Single-newline files are told from hard wraps by a line longer than any wrap
                    // width.
                    while first.len() <= 110 {
                        *first = format!("{first} {first}");
                    }
                }
                if signoff {
                    paragraphs.push(("Reuter".to_string(), ParagraphKind::Boilerplate));
                }
                if related {
                    paragraphs.push((
                        "You may also like these stories:".to_string(),
                        ParagraphKind::Related,
                    ));
                    paragraphs.push((
                        "Port Workers Return After Strike".to_string(),
                        ParagraphKind::Related,
                    ));
                }
                Generated {
                    date,
                    dateline,
                    paragraphs,
                    style,
                }
            },
        )
}

/// Greedy word wrap at `width` columns.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    for w in text.split(' ') {
        if !cur.is_empty() && cur.len() + 1 + w.len() > width {
            lines.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(w);
    }
    lines.push(cur);
    lines
}

fn write_generated(g: &Generated) -> String {
    let mut out = String::new();
    if let Some((y, m, d)) = g.date {
        out.push_str(&format!(" date {y:04}-{m:02}-{d:02} "));
    }
    let mut first = true;
    for (text, _) in &g.paragraphs {
        // A dateline is never wrapped: it opens the first line.
        let dateline = g.dateline.filter(|_| first).map(|(dl, _)| dl);
        let with_dateline = |mut lines: Vec<String>| {
            if let Some(dl) = dateline {
                lines[0] = format!("{dl} {}", lines[0]);
            }
            lines
        };
        match g.style {
            Style::BlankLines { wrap: width, crlf } => {
                let nl = if crlf { "\r\n" } else { "\n" };
                if !first {
                    out.push_str(nl);
                }
                let lines = if width == 0 {
                    vec![text.clone()]
                } else {
                    wrap(text, width)
                };
                out.push_str(&with_dateline(lines).join(nl));
                out.push_str(nl);
            }
            Style::Wire { wrap: width } => {
                if !first {
                    out.push_str("    ");
                }
                out.push_str(&with_dateline(wrap(text, width)).join("\n"));
                out.push('\n');
            }
            Style::SingleNewlines => {
                out.push_str(&with_dateline(vec![text.clone()]).join(""));
                out.push('\n');
            }
        }
        first = false;
    }
    out
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn generated_articles_round_trip(g in generated()) {
        let src = write_generated(&g);
        let a = parse(&src).expect("lenient parse");
        check_laws(&src, &a)?;
        prop_assert!(a.diagnostics.is_empty());

        // What was generated comes back.
        prop_assert_eq!(a.date.map(|d| d.to_string()), g.date.map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")));
        prop_assert_eq!(a.dateline.as_ref().map(|d| (&*d.text, &*d.location)), g.dateline);
        let got: Vec<(&str, ParagraphKind)> = a.paragraphs.iter().map(|p| (&*p.text, p.kind)).collect();
        let want: Vec<(&str, ParagraphKind)> = g.paragraphs.iter().map(|(t, k)| (t.as_str(), *k)).collect();
        prop_assert_eq!(got, want, "{:?}", src);

        // Render, parse: the same records; render again: the same text.
        let r1 = render(&a);
        let b = parse(&r1).expect("lenient parse");
        check_laws(&r1, &b)?;
        prop_assert_eq!(b.date, a.date);
        prop_assert_eq!(b.dateline.as_ref().map(|d| (&d.text, &d.location, d.date)),
                        a.dateline.as_ref().map(|d| (&d.text, &d.location, d.date)));
        let texts = |x: &Article<'_>| x.paragraphs.iter().map(|p| (p.text.to_string(), p.kind)).collect::<Vec<_>>();
        prop_assert_eq!(texts(&b), texts(&a));
        prop_assert_eq!(render(&b), r1);
    }
}

/// Found by the `render_round_trip` fuzz target: a paragraph that opens with U+FEFF (not a byte
/// order mark where it stood) must not lose it when rendered at the start of a file.
#[test]
fn fuzz_regression_paragraph_opening_with_feff() {
    let src = "  \u{feff} \u{feff}7";
    let a = parse(src).expect("lenient parse");
    assert!(!a.bom);
    let r1 = render(&a);
    let b = parse(&r1).expect("lenient parse");
    assert_eq!(b.paragraphs[0].text, a.paragraphs[0].text);
    assert_eq!(render(&b), r1);
}

/// Found by the `render_round_trip` fuzz target: a rendered paragraph that opens with
/// `date 2` reads back as a malformed header, which the next render must keep as written.
#[test]
fn fuzz_regression_paragraph_opening_like_a_header() {
    let a = parse("date\n2 date 5").expect("lenient parse");
    assert_eq!(a.header, None);
    let r1 = render(&a);
    let b = parse(&r1).expect("lenient parse");
    assert_eq!(b.diagnostics.len(), 1);
    let r2 = render(&b);
    assert_eq!(r2, r1);
    let c = parse(&r2).expect("lenient parse");
    assert_eq!(c.paragraphs, b.paragraphs);
}

#[test]
fn public_types_are_send_and_sync() {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<newswire::Article<'static>>();
    send_sync::<newswire::Dateline<'static>>();
    send_sync::<newswire::Paragraph<'static>>();
    send_sync::<newswire::ParagraphKind>();
    send_sync::<newswire::Diagnostic>();
    send_sync::<newswire::DiagnosticKind>();
    send_sync::<newswire::Parser>();
    send_sync::<newswire::ParserBuilder>();
    send_sync::<newswire::ParseError>();
    send_sync::<newswire::ParseErrorKind>();
    send_sync::<newswire::Error>();
    send_sync::<newswire::Span>();
    send_sync::<newswire::Position>();
    send_sync::<newswire::Document>();
    send_sync::<newswire::Corpus>();
    send_sync::<newswire::Summary>();
    send_sync::<newswire::Pipeline<newswire::extract::ExtractorSet>>();
    send_sync::<newswire::extract::ExtractorSet>();
    send_sync::<newswire::extract::Extraction>();
    send_sync::<newswire::extract::Sentences>();
    send_sync::<newswire::extract::Quotes>();
    send_sync::<newswire::extract::Times>();
    send_sync::<newswire::extract::Places>();
    send_sync::<newswire::extract::Actors>();
    send_sync::<newswire::extract::Figures>();
    send_sync::<newswire::gazetteer::Gazetteer>();
    // An iterator over readers moves between threads but is not shared.
    fn send<T: Send>() {}
    send::<newswire::Documents>();
}
