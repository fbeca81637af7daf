//! Places, actors and figures over a generated news-like corpus, and the gazetteer's load time.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newswire::extract::{Actors, Analysis, Extractor, Figures, Places};
use newswire::gazetteer::{Gazetteer, GazetteerBuilder};
use std::hint::black_box;

/// Synthetic articles in wire style: datelines, officials with titles, places, figures.
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

fn extract(c: &mut Criterion) {
    let docs = corpus(400);
    let articles: Vec<_> = docs
        .iter()
        .map(|d| newswire::parse(d).expect("parse"))
        .collect();
    let bytes: usize = docs.iter().map(String::len).sum();
    let all = (Places::default(), Actors::default(), Figures::default());
    let mut g = c.benchmark_group("extract");
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

fn load(c: &mut Criterion) {
    black_box(Gazetteer::builtin());
    let mut g = c.benchmark_group("gazetteer");
    g.sample_size(10);
    g.bench_function("load builtin", |b| {
        b.iter(|| black_box(GazetteerBuilder::builtin().build()))
    });
    g.finish();
}

criterion_group!(benches, extract, load);
criterion_main!(benches);
