//! Throughput of the `times` extractor on a corpus generated at bench time: news-like articles
//! built from a fixed vocabulary with a temporal expression in about every third sentence
//! (one per ~280 bytes, close to TimeBank's one per ~290 bytes).
//!
//! `pathological/times/<input>/<size>` (inputs from `support/pathological.rs`, 16 to 256 KiB,
//! a fresh analysis each time, so with the sentence split):
//! - `tense_words_paragraph`: quarters, years and `ago` with past verbs in one paragraph without
//!   a sentence end (`the quarter ended Sept. 30 a year ago ...`): every expression asks the
//!   sentence's tense;
//! - `related_dates`: weekdays, dates and anaphora (`the following day`, `at 10 a.m.`) in one
//!   line after a related-stories heading, outside the body's sentences;
//! - `until_after_numbers`: a paragraph opening on numbers, then `until Friday` over and over;
//! - `dates_article`: the same dates and anaphora in an article of short paragraphs (the
//!   discourse lookbacks).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newswire::extract::times::Times;
use newswire::extract::{Analysis, Extractor};
use std::hint::black_box;

#[path = "support/pathological.rs"]
mod pathological;
use pathological::{Input, Shape};

/// A small deterministic generator (xorshift), so every run measures the same corpus.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() % xs.len() as u64) as usize]
    }
}

const SUBJECTS: &[&str] = &[
    "The ministry",
    "Officials",
    "The company",
    "Analysts",
    "The central bank",
    "Rebel leaders",
    "Shareholders",
    "The union",
    "Police",
    "The court",
    "Foreign ministers",
    "The agency",
];
const VERBS: &[&str] = &[
    "said",
    "reported",
    "announced",
    "expected",
    "warned",
    "agreed",
    "will meet",
    "denied",
    "approved",
    "rejected",
    "plans to review",
    "confirmed",
];
const OBJECTS: &[&str] = &[
    "a new trade agreement with its neighbours",
    "record profits from its Asian operations",
    "the proposal to cut interest rates by a quarter point",
    "talks on the disputed border",
    "a 4.5 percent rise in exports to $1.2 billion",
    "the sale of 2,000 shares to investors",
    "an inquiry into the collapse of the bridge",
    "the budget for public health and schools",
    "plans for 15 new factories across the region",
    "a ceasefire in the northern provinces",
];
const TIMES: &[&str] = &[
    "on Tuesday",
    "last week",
    "on Feb. 1",
    "in early March",
    "this year",
    "two days ago",
    "in the third quarter",
    "since late January",
    "at 10:30 a.m. EST",
    "next month",
    "in the past three months",
    "yesterday",
    "in 1998",
    "by the end of the year",
    "daily",
    "for more than four hours",
    "a year earlier",
    "on March 15, 2021",
    "in the 1990s",
    "now",
];

fn corpus(articles: usize, seed: u64) -> Vec<String> {
    let mut rng = Rng(seed);
    let mut out = Vec::with_capacity(articles);
    for a in 0..articles {
        let mut s = format!(" date 2021-{:02}-{:02} JAKARTA -- ", 1 + a % 12, 1 + a % 28);
        for p in 0..8 {
            if p > 0 {
                s.push_str("\n\n");
            }
            for _ in 0..5 {
                s.push_str(rng.pick(SUBJECTS));
                s.push(' ');
                s.push_str(rng.pick(VERBS));
                s.push(' ');
                s.push_str(rng.pick(OBJECTS));
                if rng.next().is_multiple_of(3) {
                    s.push(' ');
                    s.push_str(rng.pick(TIMES));
                }
                s.push_str(". ");
            }
        }
        s.push('\n');
        out.push(s);
    }
    out
}

fn times(c: &mut Criterion) {
    let docs = corpus(400, 0x9e37_79b9_7f4a_7c15);
    let bytes: usize = docs.iter().map(String::len).sum();
    let articles: Vec<_> = docs
        .iter()
        .map(|d| newswire::parse(d).expect("generated articles parse"))
        .collect();
    let extractor = Times::default();
    let mut g = c.benchmark_group("times");
    g.throughput(Throughput::Bytes(bytes as u64));
    // The extractor alone, sentences already split (as when it runs with other extractors).
    let analyses: Vec<Analysis<'_>> = articles.iter().map(Analysis::new).collect();
    for a in &analyses {
        black_box(a.sentences().len());
    }
    g.bench_function("generated_corpus", |b| {
        b.iter(|| {
            for a in &analyses {
                black_box(extractor.extract(black_box(a)).len());
            }
        })
    });
    // With a fresh analysis per article: includes the sentence split the tense needs.
    g.bench_function("generated_corpus_with_sentences", |b| {
        b.iter(|| {
            for art in &articles {
                black_box(extractor.extract(&Analysis::new(black_box(art))).len());
            }
        })
    });
    g.finish();
}

const DATES: &[&str] = &[
    "Monday, ",
    "March 3, ",
    "Tuesday ",
    "April 4 ",
    "last Friday ",
    "the following day ",
    "that day ",
    "the previous Friday ",
    "at 10 a.m. ",
    "in the morning ",
];

fn pathological_times(c: &mut Criterion) {
    pathological::bench(
        c,
        "times",
        &Times::default(),
        &[
            Input::new(
                "tense_words_paragraph",
                &[
                    "the quarter ended Sept. 30 ",
                    "a year ago ",
                    "the second quarter ",
                    "fiscal 1990 ",
                    "the 1980s ",
                    "last year's quarter ",
                    "fell ",
                ],
                Shape::Paragraph,
            ),
            Input::new("related_dates", DATES, Shape::Paragraph)
                .opening("Ministers met.\n\nRelated stories:\n\n"),
            Input::new("until_after_numbers", &["until Friday "], Shape::Paragraph)
                .first_half("1 "),
            Input::new("dates_article", DATES, Shape::Article),
        ],
    );
}

criterion_group!(benches, times, pathological_times);
criterion_main!(benches);
