//! Quotation extraction evaluated against PolNeAR's gold attributions (those marked `direct`,
//! i.e. quoted in the text).
//!
//! - A predicted quote **matches** a gold content span when they overlap by at least half of the
//!   shorter of the two (the gold span is the content's whole extent).
//! - **Precision**: matched predicted quotes / predicted quotes.
//! - **Recall**: gold direct contents matched by some predicted quote / gold direct contents.
//! - **Speaker accuracy**: over matched predicted quotes whose gold attribution has a source,
//!   the share whose predicted speaker, or the name a pronoun speaker resolves to, overlaps the
//!   gold source (its whole extent).
//!
//! Measured on the 924 train+dev articles (7,252 direct gold contents): precision 0.954,
//! recall 0.978, speaker accuracy 0.903. The floors below sit just under these figures.
//!
//! Set `NEWSWIRE_EVAL_ERRORS=FILE` to write every miss to FILE for study (`FP`, `FN`, `SPK`
//! lines, and `TP` for the matched quotes).

mod common;

use newswire::Span;
use newswire::extract::{Analysis, Extractor, Quote, Quotes};
use serde::Deserialize;
use std::fmt::Write as _;

#[derive(Deserialize)]
struct Gold {
    attributions: Vec<Attribution>,
}

#[derive(Deserialize)]
struct Attribution {
    content: Option<Role>,
    source: Option<Role>,
    direct: bool,
}

#[derive(Deserialize)]
struct Role {
    start: usize,
    end: usize,
}

impl Role {
    fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

fn matches(a: Span, b: Span) -> bool {
    let shorter = a.len().min(b.len());
    let overlap = a.overlap(b);
    overlap > 0 && overlap * 2 >= shorter
}

fn speaker_spans(q: &Quote) -> Vec<Span> {
    let mut out = Vec::new();
    if let Some(s) = &q.speaker {
        out.push(s.span);
        if let Some(r) = &s.resolved {
            out.push(r.span);
        }
    }
    out
}

#[derive(Default)]
struct Tally {
    predicted: usize,
    predicted_matched: usize,
    gold: usize,
    gold_matched: usize,
    speaker_judged: usize,
    speaker_right: usize,
}

#[test]
fn quotes_against_polnear() {
    let Some(dir) = common::corpus_dir("polnear") else {
        return;
    };
    let files = common::articles_with_gold(&dir);
    assert!(
        files.len() > 900,
        "expected the 924 PolNeAR articles, found {}",
        files.len()
    );
    let mut errors = String::new();
    let mut t = Tally::default();
    for (txt, json) in &files {
        let src = std::fs::read_to_string(txt).expect("article is UTF-8");
        let gold: Gold =
            serde_json::from_str(&std::fs::read_to_string(json).expect("gold readable"))
                .expect("gold parses");
        let gold: Vec<(Span, Option<Span>)> = gold
            .attributions
            .iter()
            .filter(|a| a.direct)
            .filter_map(|a| {
                Some((
                    a.content.as_ref()?.span(),
                    a.source.as_ref().map(Role::span),
                ))
            })
            .collect();
        let article = newswire::parse(&src).expect("lenient parsing accepts any text");
        let name = txt.file_name().unwrap_or_default().to_string_lossy();
        let quotes = Quotes::default().extract(&Analysis::new(&article));

        t.predicted += quotes.len();
        t.gold += gold.len();
        for q in &quotes {
            // The gold content this quote overlaps most.
            let best = gold
                .iter()
                .filter(|(c, _)| matches(q.span, *c))
                .max_by_key(|(c, _)| q.span.overlap(*c));
            let Some((content, source)) = best else {
                let _ = writeln!(
                    errors,
                    "FP\t{name}\t{}\t{:?}\tspeaker={:?}",
                    q.span,
                    q.text,
                    q.speaker.as_ref().map(|s| &s.text)
                );
                continue;
            };
            t.predicted_matched += 1;
            let _ = writeln!(
                errors,
                "TP\t{name}\t{}\t{:?}\tspeaker={:?}",
                q.span,
                q.text,
                q.speaker.as_ref().map(|s| &s.text)
            );
            if let Some(source) = source {
                t.speaker_judged += 1;
                if speaker_spans(q).iter().any(|s| s.overlap(*source) > 0) {
                    t.speaker_right += 1;
                } else {
                    let _ = writeln!(
                        errors,
                        "SPK\t{name}\t{}\t{:?}\tpred={:?}\tgold={:?}\tcontent={:?}",
                        q.span,
                        q.text,
                        q.speaker
                            .as_ref()
                            .map(|s| (&s.text, s.resolved.as_ref().map(|r| &r.text))),
                        &src[source.range()],
                        &src[content.range()],
                    );
                }
            }
        }
        for (c, _) in &gold {
            if quotes.iter().any(|q| matches(q.span, *c)) {
                t.gold_matched += 1;
            } else {
                let _ = writeln!(errors, "FN\t{name}\t{c}\t{:?}", &src[c.range()]);
            }
        }
    }
    if let Ok(path) = std::env::var("NEWSWIRE_EVAL_ERRORS") {
        std::fs::write(&path, &errors).expect("error file writable");
    }
    let precision = t.predicted_matched as f64 / t.predicted.max(1) as f64;
    let recall = t.gold_matched as f64 / t.gold.max(1) as f64;
    let speaker = t.speaker_right as f64 / t.speaker_judged.max(1) as f64;
    eprintln!(
        "polnear quotes: precision {precision:.4} ({}/{}), recall {recall:.4} ({}/{}), \
         speaker accuracy {speaker:.4} ({}/{})",
        t.predicted_matched, t.predicted, t.gold_matched, t.gold, t.speaker_right, t.speaker_judged
    );
    assert!(
        precision >= 0.953,
        "precision {precision:.4} fell below the floor"
    );
    assert!(recall >= 0.976, "recall {recall:.4} fell below the floor");
    assert!(
        speaker >= 0.901,
        "speaker accuracy {speaker:.4} fell below the floor"
    );
}
