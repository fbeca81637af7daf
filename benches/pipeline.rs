//! Corpus pipeline throughput over a generated corpus (see `benches/README.md`): a memchr line
//! count as the floor, parse only (from checked documents, and from raw documents as the extract
//! example reads them), and all built-in extractors (an `ExtractorSet`, as the extract example
//! runs them), on 1 and 2 threads; the same six as a typed tuple (the set's own
//! cost is the difference), and the set written as JSON Lines (the cost of serializing).
//!
//! The corpus (16 MB of synthetic articles as one stream, `benches/support/synth.rs`) is made
//! in memory at bench time; nothing is read from disk.

#[path = "support/synth.rs"]
mod synth;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newswire::extract::{
    Actors, Extractor, ExtractorSet, Figures, Places, Quotes, Sentences, Times,
};
use newswire::sink::{JsonLines, Record, RecordFields, Sink};
use newswire::{Corpus, Pipeline};
use std::hint::black_box;
use std::io::Cursor;
use std::sync::Arc;
use std::time::Duration;

const MEGABYTES: usize = 16;

fn stream() -> Arc<[u8]> {
    let mut out = Vec::with_capacity(MEGABYTES * 1_000_000 + 4096);
    let mut i = 0;
    while out.len() < MEGABYTES * 1_000_000 {
        newswire::write_stream_record(&mut out, &synth::article(1, i)).unwrap();
        i += 1;
    }
    out.into()
}

fn documents(bytes: &Arc<[u8]>) -> newswire::Documents {
    Corpus::new()
        .stream_reader(None, Cursor::new(Arc::clone(bytes)))
        .documents()
}

/// Runs `extractor` over the stream as checked documents (UTF-8 checked on the reading thread).
fn run<E>(extractor: E, jobs: usize, bytes: &Arc<[u8]>) -> usize
where
    E: Extractor + Sync,
    E::Output: Send,
{
    run_over(extractor, jobs, documents(bytes))
}

/// [`run`] reading raw documents, as `examples/extract.rs` does: the UTF-8 check runs on the
/// workers, and the reading thread only splits the stream.
fn run_raw<E>(extractor: E, jobs: usize, bytes: &Arc<[u8]>) -> usize
where
    E: Extractor + Sync,
    E::Output: Send,
{
    run_over(extractor, jobs, documents(bytes).raw())
}

fn run_over<E, I, D>(extractor: E, jobs: usize, documents: I) -> usize
where
    E: Extractor + Sync,
    E::Output: Send,
    I: IntoIterator<Item = Result<D, newswire::Error>>,
    D: newswire::IntoDocument,
{
    let summary = Pipeline::new(extractor)
        .jobs(jobs)
        .run(documents, |outcome| {
            black_box(outcome.map(|done| done.output).ok());
            Ok::<(), ()>(())
        })
        .unwrap();
    summary.articles
}

fn pipeline(c: &mut Criterion) {
    let bytes = stream();
    let mut g = c.benchmark_group("pipeline");
    g.throughput(Throughput::Bytes(bytes.len() as u64));
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(8));
    g.warm_up_time(Duration::from_secs(1));

    g.bench_function("memchr_line_count", |b| {
        b.iter(|| memchr::memchr_iter(b'\n', black_box(&bytes)).count())
    });
    let none = ExtractorSet::new();
    let all = ExtractorSet::builtin(ExtractorSet::builtin_names()).unwrap();
    for jobs in [1, 2] {
        g.bench_function(format!("parse_only/{jobs}_threads"), |b| {
            b.iter(|| run(&none, jobs, &bytes))
        });
        g.bench_function(format!("parse_only_raw/{jobs}_threads"), |b| {
            b.iter(|| run_raw(&none, jobs, &bytes))
        });
        g.bench_function(format!("all_extractors/{jobs}_threads"), |b| {
            b.iter(|| run(&all, jobs, &bytes))
        });
    }
    g.bench_function("all_extractors_typed/1_threads", |b| {
        let typed = (
            Sentences::default(),
            Quotes::default(),
            Times::default(),
            Places::default(),
            Actors::default(),
            Figures::default(),
        );
        b.iter(|| run(&typed, 1, &bytes))
    });
    g.bench_function("all_extractors_jsonl/1_threads", |b| {
        let fields = RecordFields::new(all.clone());
        b.iter(|| {
            let mut sink = JsonLines::new(std::io::sink());
            let documents = Corpus::new()
                .stream_reader(None, Cursor::new(Arc::clone(&bytes)))
                .documents();
            Pipeline::new(&fields)
                .jobs(1)
                .run(documents, |outcome| match outcome {
                    Ok(done) => sink.write(&Record::new(done)),
                    Err(_) => Ok(()),
                })
                .unwrap();
            sink.finish().unwrap();
        })
    });
    g.finish();
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
