//! Places, actors and figures over a generated news-like corpus, and the gazetteer's load time.
//!
//! `pathological/<places|actors|figures>/<input>/<size>` (inputs from
//! `support/pathological.rs`, 16 to 256 KiB, a fresh analysis each time, so with the body scan
//! and the gazetteer's name search):
//! - `near_names_paragraph` (places): words that start gazetteer names without finishing them
//!   (`New New South United Arab Republic of the Congo ...`) in one paragraph;
//! - `countries_article` (places): the same few countries and cities over and over;
//! - `distinct_people_article` (actors): `Minister Kavo Lemu met Kavo and the minister.` with a
//!   new name every time, thousands of people each referred to by name and title;
//! - `one_person_article` (actors): one person named in full, by surname and as `the minister`
//!   thousands of times;
//! - `titles_paragraph` (actors): a run of titles and capitalized words without a sentence end;
//! - `number_chain_paragraph`, `number_words_paragraph`, `hyphenated_numbers` (figures):
//!   `0, 1, 2, ...`, `one two three million hundred dozens of ...` and `1-2-3-4-...`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newswire::extract::{Actors, Analysis, Extractor, Figures, Places};
use newswire::gazetteer::{Gazetteer, GazetteerBuilder};
use std::hint::black_box;

#[path = "support/pathological.rs"]
mod pathological;
use pathological::{Input, Shape};

/// Synthetic articles packed with entities: datelines, officials with titles, places and
/// figures in every clause.
fn corpus(n: usize) -> Vec<String> {
    let datelines = [
        "JAKARTA --",
        "PORTLAND, Ore., Feb 26 -",
        "BAHIA BLANCA, Argentina, March 2 -",
        "LONDON, March 3 -",
        "SINGAPORE --",
    ];
    let officials = [
        "Chinese Foreign Minister Wang Yi",
        "U.S. Secretary of State Antony Blinken",
        "Indonesian President Joko Widodo",
        "State Department spokesperson Ned Price",
        "Senior General Min Aung Hlaing",
    ];
    let places = [
        "Myanmar",
        "Thailand",
        "the U.S.",
        "China",
        "Burma",
        "New York",
        "Kuala Lumpur",
        "Brazil",
        "West Germany",
        "Tokyo",
    ];
    let figures = [
        "more than 750 people dead",
        "over 270 civilians",
        "10 people and three companies",
        "1.2 mln tonnes",
        "dozens of protesters",
        "between 20 and 30 boats",
    ];
    let fillers = [
        "the bloc has decided to push for earlier meetings this year, officials said",
        "shipments rose in the week as the harvest moved ahead of last year's pace",
        "talks on the crisis were expected to continue into next month",
        "the statement called for an immediate end to the violence",
    ];
    let mut out = Vec::with_capacity(n);
    let mut k = 0u64;
    for i in 0..n {
        let mut s = format!(" date 2021-05-01 {} ", datelines[i % datelines.len()]);
        for p in 0..8 {
            k = k
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let r = usize::try_from(k >> 33).unwrap_or(0);
            s.push_str(&format!(
                "{} said {} had left {} in {}, and {}. Later {} {} met.\n\n",
                officials[r % officials.len()],
                places[(r / 7) % places.len()],
                figures[(r / 11) % figures.len()],
                places[(r / 13) % places.len()],
                fillers[(r / 17) % fillers.len()],
                places[(r / 19) % places.len()],
                fillers[(r / 23 + p) % fillers.len()],
            ));
        }
        out.push(s);
    }
    out
}

/// News-like prose: mostly ordinary words, with a place, an official or a figure in about one
/// sentence in three (about the density of the sample articles), hard-wrapped at 70 columns
/// with indented paragraph starts as in wire copy.
fn prose(n: usize) -> Vec<String> {
    let words = [
        "the",
        "government",
        "said",
        "on",
        "a",
        "of",
        "to",
        "in",
        "and",
        "officials",
        "talks",
        "would",
        "meeting",
        "with",
        "its",
        "has",
        "been",
        "for",
        "that",
        "was",
        "military",
        "support",
        "crisis",
        "according",
        "statement",
        "region",
        "economic",
        "prices",
        "market",
        "week",
        "after",
        "were",
        "by",
        "an",
        "had",
        "agreement",
        "trade",
        "minister",
        "policy",
        "expected",
        "bank",
        "rate",
        "earlier",
        "also",
        "which",
        "at",
        "from",
        "it",
        "security",
        "foreign",
        "issue",
        "leaders",
        "group",
        "sources",
        "company",
        "shares",
        "output",
        "plans",
        "further",
        "reported",
        "demand",
        "growth",
        "council",
        "national",
        "program",
    ];
    let entities = [
        "Chinese Foreign Minister Wang Yi",
        "U.S. Secretary of State Antony Blinken",
        "the U.S.",
        "Myanmar",
        "ASEAN",
        "more than 750 people dead",
        "over 270 civilians",
        "Thailand and Vietnam",
        "1.2 mln tonnes",
        "Kuala Lumpur",
        "Wang",
        "the general",
        "three companies",
        "West Germany",
        "Tokyo",
        "the United Nations Security Council",
    ];
    let datelines = [
        "JAKARTA --",
        "PORTLAND, Ore., Feb 26 -",
        "BAHIA BLANCA, Argentina, March 2 -",
        "LONDON, March 3 -",
    ];
    let mut k = 0x2545_f491_4f6c_dd1du64;
    let mut next = move || {
        k ^= k << 13;
        k ^= k >> 7;
        k ^= k << 17;
        usize::try_from(k % 1_000_003).unwrap_or(0)
    };
    let mut out = Vec::with_capacity(n);
    for a in 0..n {
        let mut text = format!(" date 2021-05-01 {} ", datelines[a % datelines.len()]);
        for _ in 0..8 {
            let mut para = String::new();
            for _ in 0..3 {
                let len = 12 + next() % 14;
                let ent_at = if next() % 3 == 0 {
                    Some(next() % len)
                } else {
                    None
                };
                for w in 0..len {
                    let word = if Some(w) == ent_at {
                        entities[next() % entities.len()]
                    } else {
                        words[next() % words.len()]
                    };
                    if w == 0 {
                        let mut c = word.chars();
                        if let Some(f) = c.next() {
                            para.extend(f.to_uppercase());
                            para.push_str(c.as_str());
                        }
                    } else {
                        para.push(' ');
                        para.push_str(word);
                    }
                }
                para.push_str(". ");
            }
            // Hard-wrap at 70 columns, indent the paragraph start.
            let mut line = String::from("    ");
            for w in para.split_whitespace() {
                if line.len() + w.len() > 70 {
                    text.push_str(&line);
                    text.push('\n');
                    line.clear();
                }
                if !line.trim().is_empty() {
                    line.push(' ');
                }
                line.push_str(w);
            }
            text.push_str(&line);
            text.push('\n');
        }
        text.push_str(" Reuter\n");
        out.push(text);
    }
    out
}

fn bench_corpus(c: &mut Criterion, group: &str, docs: &[String]) {
    let articles: Vec<_> = docs
        .iter()
        .map(|d| newswire::parse(d).expect("parse"))
        .collect();
    let bytes: usize = docs.iter().map(String::len).sum();
    let all = (Places::default(), Actors::default(), Figures::default());
    let mut g = c.benchmark_group(group);
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("places+actors+figures", |b| {
        b.iter(|| {
            for a in &articles {
                black_box(all.extract(&Analysis::new(a)));
            }
        })
    });
    g.bench_function("places", |b| {
        b.iter(|| {
            for a in &articles {
                black_box(all.0.extract(&Analysis::new(a)));
            }
        })
    });
    g.bench_function("actors", |b| {
        b.iter(|| {
            for a in &articles {
                black_box(all.1.extract(&Analysis::new(a)));
            }
        })
    });
    g.bench_function("figures", |b| {
        b.iter(|| {
            for a in &articles {
                black_box(all.2.extract(&Analysis::new(a)));
            }
        })
    });
    g.finish();
}

fn extract(c: &mut Criterion) {
    bench_corpus(c, "prose", &prose(400));
    // Worst case: an entity in every clause.
    bench_corpus(c, "dense", &corpus(400));
}

fn load(c: &mut Criterion) {
    black_box(Gazetteer::builtin());
    let mut g = c.benchmark_group("gazetteer");
    g.sample_size(10);
    g.bench_function("load builtin", |b| {
        b.iter(|| black_box(GazetteerBuilder::builtin().build()))
    });
    g.finish();
}

fn pathological_entities(c: &mut Criterion) {
    pathological::bench(
        c,
        "places",
        &Places::default(),
        &[
            Input::new(
                "near_names_paragraph",
                &[
                    "New ",
                    "New ",
                    "South ",
                    "United ",
                    "Arab ",
                    "Republic ",
                    "of ",
                    "the ",
                    "Congo ",
                    "Kingdom ",
                    "North ",
                    "Korea ",
                    "Sri ",
                    "Hong ",
                    "San ",
                    "Los ",
                ],
                Shape::Paragraph,
            ),
            Input::new(
                "countries_article",
                &["France ", "Germany ", "Japan ", "Paris ", "Jakarta "],
                Shape::Article,
            ),
        ],
    );
    pathological::bench(
        c,
        "actors",
        &Actors::default(),
        &[
            Input::new(
                "distinct_people_article",
                &["Minister {name} {name} met ", "{name} and the minister. "],
                Shape::Article,
            ),
            Input::new(
                "one_person_article",
                &[
                    "Minister John Smith said the minister and Smith met John Smith. ",
                    "The minister and Smith met John Smith. ",
                ],
                Shape::Article,
            ),
            Input::new(
                "titles_paragraph",
                &[
                    "Minister ",
                    "President ",
                    "General ",
                    "Smith ",
                    "Jones ",
                    "Secretary ",
                    "Prime ",
                    "New ",
                    "York ",
                ],
                Shape::Paragraph,
            ),
        ],
    );
    pathological::bench(
        c,
        "figures",
        &Figures::default(),
        &[
            Input::new("number_chain_paragraph", &["{n}, "], Shape::Paragraph),
            Input::new(
                "number_words_paragraph",
                &[
                    "one ",
                    "two ",
                    "three ",
                    "million ",
                    "hundred ",
                    "dozens ",
                    "of ",
                    "thousand ",
                    "and ",
                    "a ",
                    "half ",
                ],
                Shape::Paragraph,
            ),
            Input::new(
                "hyphenated_numbers",
                &["1-2-3-4-5-6-7-8-9-"],
                Shape::Paragraph,
            ),
        ],
    );
}

criterion_group!(benches, extract, load, pathological_entities);
criterion_main!(benches);
