//! Dateline evaluation on Reuters-21578 (`../shared/corpus/reuters`, 3,000 articles with the gold
//! `<DATELINE>` of each story). Skipped with a message when the corpus is absent.
//!
//! The gold string (`SALVADOR, Feb 26 -`) is split into location and month/day by a simple rule of
//! this test's own, independent of the parser: the first month word (a month name or abbreviation,
//! any case, allowing one typing slip such as `Narch`) next to a day number marks the date; the
//! location is what comes before it, without trailing commas and dashes and without a leading run
//! of asterisks. Anything after the date (the separator, or body text that the gold element
//! swallowed) is ignored.
//!
//! An article agrees when our dateline's location equals the gold location (whitespace runs
//! collapsed, no space before a comma) and our resolved date equals the gold month/day in the
//! article's year (both absent when the gold has no date).

mod common;

use chrono::{Datelike, NaiveDate};
use newswire::Parser;

const MONTHS: [(&str, &str, u32); 12] = [
    ("january", "jan", 1),
    ("february", "feb", 2),
    ("march", "mar", 3),
    ("april", "apr", 4),
    ("may", "may", 5),
    ("june", "jun", 6),
    ("july", "jul", 7),
    ("august", "aug", 8),
    ("september", "sep", 9),
    ("october", "oct", 10),
    ("november", "nov", 11),
    ("december", "dec", 12),
];

/// Levenshtein distance, for the gold month words with a typing slip.
fn edits(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != *cb);
            cur.push(sub.min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

fn gold_month(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.len() < 3 || !w.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    MONTHS
        .iter()
        .find(|(full, abbr, _)| w == *full || w == *abbr || (w.len() >= 4 && edits(&w, full) <= 1))
        .map(|m| m.2)
}

fn gold_day(word: &str) -> Option<u32> {
    let d = word.trim_end_matches([',', '-']);
    if (1..=2).contains(&d.len()) && d.chars().all(|c| c.is_ascii_digit()) {
        d.parse().ok()
    } else {
        None
    }
}

/// Gold location and (month, day).
fn split_gold(gold: &str) -> (String, Option<(u32, u32)>) {
    let gold = gold.trim_start_matches('*');
    // Word tokens with their byte offsets.
    let mut tokens = Vec::new();
    let mut start = None;
    for (i, c) in gold.char_indices().chain([(gold.len(), ' ')]) {
        let sep = c.is_whitespace() || c == ',';
        match (start, sep) {
            (None, false) => start = Some(i),
            (Some(s), true) => {
                tokens.push((s, &gold[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    let mut found = None;
    for w in tokens.windows(2) {
        let ((s0, t0), (_, t1)) = (w[0], w[1]);
        if let (Some(m), Some(d)) = (gold_month(t0), gold_day(t1)) {
            found = Some((s0, m, d));
            break;
        }
        if let (Some(d), Some(m)) = (gold_day(t0), gold_month(t1)) {
            found = Some((s0, m, d));
            break;
        }
    }
    let (loc_end, md) = match found {
        Some((s, m, d)) => (s, Some((m, d))),
        None => (gold.len(), None),
    };
    let location = gold[..loc_end].trim_end_matches([',', '-', ' ']);
    (normalize(location), md)
}

fn normalize(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(" ,", ",")
}

#[test]
fn reuters_datelines_agree_with_gold() {
    let Some(dir) = common::corpus_dir("reuters") else {
        return;
    };
    let parser = Parser::default();
    let (mut total, mut agree, mut exact) = (0usize, 0usize, 0usize);
    let mut misses = Vec::new();
    for (txt, json) in common::articles_with_gold(&dir) {
        let src = std::fs::read_to_string(&txt).expect("reuters article is UTF-8");
        let gold: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&json).expect("gold file readable"))
                .expect("gold file is JSON");
        let Some(gold_text) = gold["dateline"].as_str() else {
            continue;
        };
        let year = gold["date"]
            .as_str()
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .map(|d| d.year())
            .expect("gold date");
        let gold_span = (
            gold["dateline_span"][0].as_u64().unwrap_or(0) as usize,
            gold["dateline_span"][1].as_u64().unwrap_or(0) as usize,
        );
        total += 1;

        let (gold_location, gold_md) = split_gold(gold_text);
        let gold_date = gold_md.and_then(|(m, d)| NaiveDate::from_ymd_opt(year, m, d));
        let article = parser
            .parse(&src)
            .expect("lenient parse never fails on text");
        let Some(d) = &article.dateline else {
            misses.push(format!(
                "{}: no dateline; gold {gold_text:?}",
                txt.display()
            ));
            continue;
        };
        if (d.span.start, d.span.end) == gold_span {
            exact += 1;
        }
        if normalize(&d.location) == gold_location && d.date == gold_date {
            agree += 1;
        } else {
            misses.push(format!(
                "{}: ours {:?} ({:?}, {:?}); gold {gold_text:?} ({gold_location:?}, {gold_date:?})",
                txt.display(),
                d.text,
                d.location,
                d.date
            ));
        }
    }
    assert!(total > 0, "no Reuters articles found in {}", dir.display());
    let rate = agree as f64 / total as f64;
    let exact_rate = exact as f64 / total as f64;
    eprintln!(
        "reuters datelines: location+date agree on {agree}/{total} ({:.2}%); exact span {exact}/{total} ({:.2}%)",
        rate * 100.0,
        exact_rate * 100.0
    );
    for m in &misses {
        eprintln!("  miss: {m}");
    }
    // Measured 2997/3000 and 2991/3000 (the six gold elements that swallowed body text cannot
    // match exactly). The issue asks for at least 99.5% agreement; the floors sit just below
    // the measurement so that a regression shows.
    assert!(
        rate >= 0.998,
        "location+date agreement {rate:.4} below 0.998"
    );
    assert!(
        exact_rate >= 0.996,
        "exact span agreement {exact_rate:.4} below 0.996"
    );
}

#[test]
fn gold_split_rule() {
    type Case = (&'static str, &'static str, Option<(u32, u32)>);
    let cases: &[Case] = &[
        ("SALVADOR, Feb 26 -", "SALVADOR", Some((2, 26))),
        ("PORTLAND, Ore., Feb 26 -", "PORTLAND, Ore.", Some((2, 26))),
        ("RICHMOND, Va. Feb 26 -", "RICHMOND, Va.", Some((2, 26))),
        ("AMSTERDAM, 2 March -", "AMSTERDAM", Some((3, 2))),
        ("X, Md., - March 4 -", "X, Md.", Some((3, 4))),
        ("NEW YORK, Narch 2 -", "NEW YORK", Some((3, 2))),
        ("****LONDON, March 5 -", "LONDON", Some((3, 5))),
        ("WOODBRIDGE, N.J. -", "WOODBRIDGE, N.J.", None),
        ("OAKLAND , N.J., Feb 26 -", "OAKLAND, N.J.", Some((2, 26))),
        (
            "ROME, March 2 - Body text swallowed -",
            "ROME",
            Some((3, 2)),
        ),
    ];
    for &(gold, loc, md) in cases {
        assert_eq!(split_gold(gold), (loc.to_string(), md), "{gold}");
    }
}

/// The gold wire sign-off (`Reuter`, `REUTER...`; span in `signoff`) lies inside a paragraph
/// classified as boilerplate.
#[test]
fn reuters_signoffs_are_boilerplate() {
    let Some(dir) = common::corpus_dir("reuters") else {
        return;
    };
    let (mut total, mut found) = (0usize, 0usize);
    for (txt, json) in common::articles_with_gold(&dir) {
        let gold: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&json).expect("gold file readable"))
                .expect("gold file is JSON");
        let (Some(start), Some(end)) = (
            gold["signoff"]["start"].as_u64(),
            gold["signoff"]["end"].as_u64(),
        ) else {
            continue;
        };
        let signoff = newswire::Span::new(start as usize, end as usize);
        total += 1;
        let src = std::fs::read_to_string(&txt).expect("reuters article is UTF-8");
        let article = newswire::parse(&src).expect("lenient parse never fails on text");
        if article
            .paragraphs
            .iter()
            .any(|p| p.kind == newswire::ParagraphKind::Boilerplate && p.span.contains(signoff))
        {
            found += 1;
        }
    }
    assert!(total > 0, "no Reuters sign-offs found in {}", dir.display());
    let rate = found as f64 / total as f64;
    eprintln!(
        "reuters sign-offs classified as boilerplate: {found}/{total} ({:.2}%)",
        rate * 100.0
    );
    // Measured 2967/2970.
    assert!(rate >= 0.998, "sign-off recall {rate:.4} below 0.998");
}
