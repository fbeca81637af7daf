//! Sentence and quotation extraction throughput on a synthetic news corpus generated at bench
//! time (no corpus text is read), the sentence splitter alone on the same corpus, plus a
//! pathological input of stray quote marks.
//!
//! `pathological/quotes/<input>/<size>` and `pathological/sentences/<input>/<size>` (inputs from
//! `support/pathological.rs`, 16 to 256 KiB, a fresh analysis each time):
//! - `unterminated_marks_paragraph`: quote marks of every kind opened and never closed, with
//!   `said` and names between them, in one paragraph;
//! - `said_chain_paragraph`: `"Yes," said Smith "No," said Jones ...` without a sentence end,
//!   every quotation's attribution looking back and ahead through the others;
//! - `short_quotes_article`: `"a" "b," said "c" Mr. Smith "d."` in short paragraphs;
//! - `abbreviations_paragraph` (sentences): `U.S. U.N. Gen. Mr. ... a.m. No.` over and over;
//! - `period_run` (sentences): one run of periods.
//!
//! ```text
//! cargo bench --bench quotes
//! ```

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newswire::extract::{Analysis, Extractor, Quotes, Sentences};
use std::hint::black_box;

#[path = "support/pathological.rs"]
mod pathological;
use pathological::{Input, Shape};

/// A small deterministic generator (64-bit LCG), so every run measures the same text.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() as usize) % items.len()]
    }
}

const NAMES: &[&str] = &[
    "Ned Price",
    "Sen. Maria Lopez",
    "Gov. John Smith Jr.",
    "Dr. Anna Lee",
    "the spokesman",
    "U.S. Trade Representative Karen Wu",
    "Mr. Brown",
    "a senior official",
];
const CUES: &[&str] = &[
    "said",
    "told reporters",
    "added",
    "tweeted",
    "wrote",
    "warned",
];
const CLAUSES: &[&str] = &[
    "the talks would resume in Feb. 2022 at the earliest",
    "prices rose 1.2 pct in the week to March 24",
    "the U.S. and the U.N. had agreed on a plan",
    "we appreciate the efforts to support a peaceful resolution",
    "it's too early to say what the '90s taught us",
    "the bloc's envoy would travel to St. Louis... and then to Jakarta",
    "there is no perfect agreement in this world",
    "officials expect the harvest to move ahead of last year's pace",
];

const WORDS: &[&str] = &[
    "the",
    "the",
    "the",
    "of",
    "of",
    "to",
    "to",
    "and",
    "and",
    "in",
    "in",
    "a",
    "a",
    "for",
    "on",
    "that",
    "with",
    "government",
    "officials",
    "minister",
    "election",
    "party",
    "country",
    "week",
    "year",
    "percent",
    "talks",
    "meeting",
    "president",
    "campaign",
    "voters",
    "state",
    "security",
    "economy",
    "market",
    "prices",
    "support",
    "plan",
    "rules",
    "agreement",
    "region",
    "leaders",
    "would",
    "could",
    "has",
    "had",
    "was",
    "were",
    "after",
    "before",
    "new",
    "first",
    "last",
    "more",
    "than",
    "about",
    "against",
    "during",
    "since",
    "national",
    "federal",
    "border",
    "trade",
    "policy",
    "vote",
    "report",
    "crisis",
    "military",
    "budget",
];
const CAPITALIZED: &[&str] = &[
    "Washington",
    "Jakarta",
    "Congress",
    "ASEAN",
    "Myanmar",
    "Brussels",
    "Tuesday",
    "March",
    "the U.S.",
    "Mr. Lopez",
    "Jan. 5",
    "the Senate",
    "Reuters",
    "Beijing",
];

/// A narrative sentence of 12 to 30 words, with names and the odd abbreviation.
fn sentence(rng: &mut Rng) -> String {
    let n = 12 + (rng.next() % 19) as usize;
    let mut out = String::new();
    for i in 0..n {
        let word = if rng.next().is_multiple_of(7) {
            rng.pick(CAPITALIZED)
        } else {
            rng.pick(WORDS)
        };
        if i == 0 {
            let mut chars = word.chars();
            if let Some(first) = chars.next() {
                out.extend(first.to_uppercase());
                out.push_str(chars.as_str());
            }
        } else {
            out.push(' ');
            out.push_str(word);
            if rng.next().is_multiple_of(11) {
                out.push(',');
            }
        }
    }
    out.push('.');
    out
}

/// One paragraph: narrative, or a quotation in one of the shapes news copy uses. The mix
/// follows wire copy: one to three sentences a paragraph, about one paragraph in five quoting
/// someone, and is dense with quotations when `quote_every` is 1.
fn paragraph(rng: &mut Rng, quote_every: u64) -> String {
    if !rng.next().is_multiple_of(quote_every) {
        let n = 1 + rng.next() % 3;
        let sentences: Vec<String> = (0..n).map(|_| sentence(rng)).collect();
        return sentences.join(" ");
    }
    let name = rng.pick(NAMES);
    let cue = rng.pick(CUES);
    let a = rng.pick(CLAUSES);
    let b = rng.pick(CLAUSES);
    let c = rng.pick(CLAUSES);
    match rng.next() % 8 {
        0 => format!("\"{a},\" {name} {cue}. \"{b}.\""),
        1 => format!("“{a},” {cue} {name}, adding that {b}."),
        2 => format!("{name} {cue}: ``{a}.'' Officials said {b}."),
        3 => format!("According to {name}, ''{a}.'' He said {b}."),
        4 => format!("The statement called for the \"{a}\" and said {b}, {name} {cue}."),
        5 => format!("In a statement on Monday, {name} {cue} that {a}. {c}."),
        6 => format!("“{a}. {b}."),
        _ => format!("{a}, {name} {cue}. {b}? {c}!"),
    }
}

/// About `size` bytes of articles with a header, a dateline and ten paragraphs each.
fn corpus(size: usize, quote_every: u64) -> Vec<String> {
    let mut rng = Rng(42);
    let mut docs = Vec::new();
    let mut total = 0;
    while total < size {
        let mut doc = String::from(" date 2021-05-01 JAKARTA -- ");
        for i in 0..10 {
            if i > 0 {
                doc.push_str("\n\n");
            }
            doc.push_str(&paragraph(&mut rng, quote_every));
        }
        doc.push('\n');
        total += doc.len();
        docs.push(doc);
    }
    docs
}

fn bench(c: &mut Criterion, name: &str, docs: &[String]) {
    let articles: Vec<newswire::Article<'_>> = docs
        .iter()
        .filter_map(|d| newswire::parse(d).ok())
        .collect();
    let bytes: usize = docs.iter().map(String::len).sum();
    let extractors = (Sentences::default(), Quotes::default());
    let mut g = c.benchmark_group("sentences+quotes");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function(name, |b| {
        b.iter(|| {
            let mut n = 0;
            for article in &articles {
                let analysis = Analysis::new(article);
                let (sentences, quotes) = extractors.extract(black_box(&analysis));
                n += sentences.len() + quotes.len();
            }
            black_box(n)
        })
    });
    g.finish();
}

/// The sentence splitter alone, over the same articles.
fn sentences_alone(c: &mut Criterion) {
    let docs = corpus(4 << 20, 5);
    let articles: Vec<newswire::Article<'_>> = docs
        .iter()
        .filter_map(|d| newswire::parse(d).ok())
        .collect();
    let bytes: usize = docs.iter().map(String::len).sum();
    let mut g = c.benchmark_group("sentences");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("synthetic news, 4 MB", |b| {
        b.iter(|| {
            let mut n = 0;
            for article in &articles {
                n += Sentences::default()
                    .extract(black_box(&Analysis::new(article)))
                    .len();
            }
            black_box(n)
        })
    });
    g.finish();
}

fn news(c: &mut Criterion) {
    bench(c, "synthetic news, 4 MB", &corpus(4 << 20, 5));
    bench(c, "quotation in every paragraph, 4 MB", &corpus(4 << 20, 1));
}

fn stray_marks(c: &mut Criterion) {
    // One long paragraph of unbalanced and ambiguous marks, a quote mark every 3 bytes: slow
    // per byte (nearly every pair of marks is a quotation) but it must stay linear.
    let mut rng = Rng(7);
    let mut text = String::from(" date 2021-05-01 ");
    while text.len() < 256 << 10 {
        text.push_str(rng.pick(&[
            "\"", "“", "’", "'", "''", "said ", "he ", "Mr. ", "x. ", "a",
        ]));
    }
    bench(c, "stray quote marks, 256 KB", &[text]);
}

fn pathological_quotes(c: &mut Criterion) {
    pathological::bench(
        c,
        "quotes",
        &Quotes::default(),
        &[
            Input::new(
                "unterminated_marks_paragraph",
                &[
                    "\"said ", "Smith ", "“", "we ", "will ", "«", "go ", "'", "he ", "”", "and ",
                    "‘", "said ",
                ],
                Shape::Paragraph,
            ),
            Input::new(
                "said_chain_paragraph",
                &[
                    "\"Yes,\" said Smith ",
                    "\"No,\" said Jones ",
                    "\"Maybe,\" Brown said ",
                    "\"Not now,\" the minister said ",
                ],
                Shape::Paragraph,
            ),
            Input::new(
                "short_quotes_article",
                &[
                    "\"a\" ",
                    "\"b,\" ",
                    "said ",
                    "\"c\" ",
                    "Mr. Smith ",
                    "\"d.\" ",
                ],
                Shape::Article,
            ),
        ],
    );
    pathological::bench(
        c,
        "sentences",
        &Sentences::default(),
        &[
            Input::new(
                "abbreviations_paragraph",
                &[
                    "U.S. ", "U.N. ", "Gen. ", "Mr. ", "Dr. ", "Inc. ", "Jan. ", "St. ", "a.m. ",
                    "No. ",
                ],
                Shape::Paragraph,
            ),
            Input::new("period_run", &["."], Shape::Paragraph),
        ],
    );
}

criterion_group!(
    benches,
    news,
    sentences_alone,
    stray_marks,
    pathological_quotes
);
criterion_main!(benches);
