//! Parser throughput on a generated corpus (see `benches/README.md` once written).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

fn samples() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for p in paths {
            if p.extension().is_some_and(|e| e == "txt") {
                if let Ok(t) = std::fs::read_to_string(p) {
                    out.push(t);
                }
            }
        }
    }
    out
}

fn parse_samples(c: &mut Criterion) {
    let docs = samples();
    let bytes: usize = docs.iter().map(String::len).sum();
    let mut g = c.benchmark_group("parse");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("samples", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(
                    newswire::parse(black_box(d))
                        .map(|a| a.paragraphs.len())
                        .ok(),
                );
            }
        })
    });
    g.finish();
}

criterion_group!(benches, parse_samples);
criterion_main!(benches);
