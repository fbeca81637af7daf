//! Parser throughput (MB/s).
//!
//! - `parse/corpus`: a corpus of at least 50 MB generated at bench time from synthetic articles
//!   in every style of the format (header and dateline, blank-line paragraphs, single-newline
//!   paragraphs with a related-stories trailer, hard-wrapped wire copy with indented paragraphs
//!   and tables, CRLF, a byte order mark, captions, bylines, a headline before the dateline).
//! - `pathological/*`: inputs of growing size that could trip a parser into superlinear time:
//!   one huge line, thousands of blank lines, long runs of words in capitals (with commas, or
//!   one endless word), many `date` tokens, many dashes, many short or indented lines. Throughput should stay flat as the size grows.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

#[path = "support/corpus_gen.rs"]
mod corpus_gen;
use corpus_gen::corpus;

fn parse_corpus(c: &mut Criterion) {
    let docs = corpus(50 << 20);
    let bytes: usize = docs.iter().map(String::len).sum();
    let mut g = c.benchmark_group("parse");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    g.bench_function("corpus", |b| {
        b.iter(|| {
            let mut paragraphs = 0;
            for d in &docs {
                if let Ok(a) = newswire::parse(black_box(d)) {
                    paragraphs += a.paragraphs.len();
                }
            }
            black_box(paragraphs)
        })
    });
    g.finish();
}

/// Inputs built by repeating `unit` to `size` bytes, behind a header.
fn pathological(c: &mut Criterion) {
    let cases: &[(&str, &str)] = &[
        ("one_huge_line", "officials said the talks would resume "),
        ("blank_lines", "\n\n  \n"),
        ("caps_run", "JAKARTA NEW YORK "),
        ("caps_comma_run", "JAKARTA, ARGENTINA, "),
        ("caps_word", "JAKARTA"),
        ("date_tokens", " date"),
        ("dashes", "- -- "),
        ("short_lines", "x\n"),
        ("indented_lines", "    word\n"),
    ];
    let mut g = c.benchmark_group("pathological");
    g.sample_size(10);
    for &(name, unit) in cases {
        for size in [64 << 10, 256 << 10, 1 << 20, 4 << 20] {
            let mut src = String::from(" date 2021-05-01 ");
            while src.len() < size {
                src.push_str(unit);
            }
            g.throughput(Throughput::Bytes(src.len() as u64));
            g.bench_with_input(BenchmarkId::new(name, size), &src, |b, src| {
                b.iter(|| newswire::parse(black_box(src)).map(|a| a.paragraphs.len()))
            });
        }
    }
    g.finish();
}

criterion_group!(benches, parse_corpus, pathological);
criterion_main!(benches);
