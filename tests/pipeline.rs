//! The corpus pipeline: order under parallelism, failures skipped, streams, and the sinks
//! agreeing with each other.

mod common;

use newswire::extract::{Analysis, ExtractorSet, from_fn};
use newswire::sink::{CsvTables, JsonLines, Record, RecordFields, Sink};
use newswire::{Corpus, Document, ParseErrorKind, Pipeline, write_stream};
use proptest::prelude::*;
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A fresh, empty directory under the system temp dir, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("newswire-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Article `i` of a synthetic corpus: its number first, and a length that varies a lot so that
/// jobs finish out of order.
fn article(i: usize) -> String {
    let mut s = format!(" date 2021-05-01 JAKARTA -- Article {i} opens the story.\n\n");
    for k in 0..(i * 7919) % 40 {
        s.push_str(&format!(
            "Paragraph {k} of article {i} says that talks went on. "
        ));
        s.push_str("Leaders met on April 24.\n\n");
    }
    s
}

fn number_in(a: &Analysis<'_>) -> Option<usize> {
    a.source()
        .split_whitespace()
        .skip_while(|w| *w != "Article")
        .nth(1)
        .and_then(|w| w.parse().ok())
}

#[test]
fn order_is_kept_under_parallelism() {
    let n = 1500;
    let mut stream = Vec::new();
    write_stream(&mut stream, (0..n).map(article)).unwrap();
    for (jobs, window) in [(1, 1), (2, 3), (4, 16), (3, 1000)] {
        let mut seen = Vec::new();
        let summary = Pipeline::new(from_fn(number_in))
            .jobs(jobs)
            .window(window)
            .run(
                Corpus::new()
                    .stream_reader(None, std::io::Cursor::new(stream.clone()))
                    .documents(),
                |outcome| {
                    let done = outcome?;
                    seen.push((done.index, done.output));
                    Ok::<(), newswire::Failure>(())
                },
            )
            .unwrap();
        let want: Vec<(usize, Option<usize>)> = (0..n).map(|i| (i, Some(i))).collect();
        assert_eq!(seen, want, "jobs {jobs}, window {window}");
        assert_eq!((summary.articles, summary.failed), (n, 0));
        assert_eq!(
            summary.bytes,
            (0..n).map(|i| article(i).len() as u64).sum::<u64>()
        );
    }
}

#[test]
fn order_is_kept_over_a_directory() {
    let dir = TempDir::new("order-dir");
    for i in 0..200 {
        std::fs::write(dir.0.join(format!("{i:04}.txt")), article(i)).unwrap();
    }
    let mut seen = Vec::new();
    Pipeline::new(from_fn(number_in))
        .jobs(3)
        .window(8)
        .run(Corpus::new().path(&dir.0).documents(), |outcome| {
            let done = outcome?;
            let name = done.path().and_then(Path::file_stem).unwrap().to_owned();
            seen.push((
                name.to_string_lossy().parse::<usize>().unwrap(),
                done.output,
            ));
            Ok::<(), newswire::Failure>(())
        })
        .unwrap();
    let want: Vec<(usize, Option<usize>)> = (0..200).map(|i| (i, Some(i))).collect();
    assert_eq!(seen, want);
}

#[test]
fn a_corrupt_file_is_reported_and_the_rest_processed() {
    let dir = TempDir::new("corrupt");
    std::fs::write(dir.0.join("a.txt"), article(1)).unwrap();
    let mut bad = article(2).into_bytes();
    bad.splice(30..30, [0xff, 0xfe]);
    std::fs::write(dir.0.join("b.txt"), bad).unwrap();
    std::fs::write(dir.0.join("c.txt"), article(3)).unwrap();
    for jobs in [1, 2] {
        let mut ok = Vec::new();
        let mut failed = Vec::new();
        let summary = Pipeline::new(from_fn(number_in))
            .jobs(jobs)
            .run(Corpus::new().path(&dir.0).documents(), |outcome| {
                match outcome {
                    Ok(done) => ok.push((done.index, done.output)),
                    Err(f) => failed.push(f),
                }
                Ok::<(), std::convert::Infallible>(())
            })
            .unwrap();
        assert_eq!(ok, [(0, Some(1)), (2, Some(3))]);
        assert_eq!(failed.len(), 1);
        assert_eq!(failed[0].index, 1);
        assert_eq!(failed[0].error.path(), Some(dir.0.join("b.txt").as_path()));
        match &failed[0].error {
            newswire::Error::Parse { source, .. } => {
                assert_eq!(source.kind(), ParseErrorKind::InvalidUtf8);
                assert_eq!(source.offset(), 30);
            }
            other => panic!("expected a parse error, got {other}"),
        }
        assert!(failed[0].to_string().starts_with("article 1: "));
        assert_eq!((summary.articles, summary.failed), (2, 1));
    }
}

#[test]
fn a_corrupt_article_in_a_stream_is_skipped() {
    let mut stream = Vec::new();
    write_stream(&mut stream, [article(0), article(1)]).unwrap();
    stream.extend_from_slice(b"bad \xc3\x28 bytes\n\x1e\n");
    write_stream(&mut stream, [article(3)]).unwrap();
    let mut got = Vec::new();
    let summary = Pipeline::new(from_fn(number_in))
        .jobs(2)
        .run(
            Corpus::new()
                .stream_reader(Some("s.txt".into()), std::io::Cursor::new(stream))
                .documents(),
            |outcome| {
                got.push(outcome.map(|d| d.output).map_err(|f| f.index));
                Ok::<(), ()>(())
            },
        )
        .unwrap();
    assert_eq!(got, [Ok(Some(0)), Ok(Some(1)), Err(2), Ok(Some(3))]);
    assert_eq!((summary.articles, summary.failed), (3, 1));
}

#[test]
fn a_panicking_extractor_fails_one_article() {
    let texts: Vec<String> = (0..20).map(article).collect();
    let docs = texts
        .iter()
        .map(|t| Ok(Document::new(None, t.clone())))
        .collect::<Vec<_>>();
    let mut got = Vec::new();
    Pipeline::new(from_fn(|a: &Analysis<'_>| {
        let n = number_in(a).unwrap_or(0);
        assert!(n != 7, "seven is not allowed");
        n
    }))
    .jobs(2)
    .run(docs, |outcome| {
        got.push(outcome.map(|d| d.output).map_err(|f| f.to_string()));
        Ok::<(), ()>(())
    })
    .unwrap();
    assert_eq!(got.len(), 20);
    for (i, g) in got.iter().enumerate() {
        if i == 7 {
            let message = g.as_ref().unwrap_err();
            assert!(
                message.contains("an extractor panicked: seven is not allowed"),
                "{message}"
            );
        } else {
            assert_eq!(g, &Ok(i));
        }
    }
}

#[test]
fn an_error_from_the_closure_stops_the_run() {
    let docs = (0..500).map(|i| Ok(Document::new(None, article(i))));
    let mut delivered = 0;
    let result = Pipeline::new(from_fn(number_in))
        .jobs(2)
        .window(10)
        .run(docs, |_| {
            delivered += 1;
            if delivered == 50 { Err("full") } else { Ok(()) }
        });
    assert_eq!(result, Err("full"));
    assert_eq!(delivered, 50);
}

/// Long articles: the text in flight stays bounded (8 MiB per job, plus the article being
/// read) even when the article window alone would allow far more.
#[test]
fn text_in_flight_is_bounded_whatever_the_window() {
    use std::cell::Cell;
    const ARTICLE: usize = 3 * 1024 * 1024;
    const JOBS: usize = 2;
    let read_bytes = Cell::new(0usize);
    let delivered_bytes = Cell::new(0usize);
    let most = Cell::new(0usize);
    let docs = (0..24).map(|i| {
        let mut text = format!("Paragraph {i} ");
        text.push_str(&"x".repeat(ARTICLE - text.len()));
        read_bytes.set(read_bytes.get() + text.len());
        most.set(most.get().max(read_bytes.get() - delivered_bytes.get()));
        Ok(Document::new(None, text))
    });
    let mut seen = 0;
    let summary = Pipeline::new(from_fn(|_: &Analysis<'_>| ()))
        .jobs(JOBS)
        .window(1000)
        .run(docs, |outcome| {
            let done = outcome.expect("every article parses");
            delivered_bytes.set(delivered_bytes.get() + done.document.text().len());
            seen += 1;
            Ok::<(), ()>(())
        })
        .expect("the closure never fails");
    assert_eq!((seen, summary.articles), (24, 24));
    let bound = JOBS * 8 * 1024 * 1024 + ARTICLE;
    assert!(
        most.get() <= bound,
        "{} bytes in flight, bound {bound}",
        most.get()
    );
    // The window did not serialize the run: more than one article was in flight at a time.
    assert!(most.get() > ARTICLE, "{} bytes in flight", most.get());
}

#[test]
fn stream_round_trip() {
    let mut texts: Vec<String> = common::samples()
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    texts.extend((0..50).map(article));
    texts.push(String::new());
    texts.push("no final newline".into());
    texts.push("ends in blank lines\n\n\n".into());
    texts.push("crlf\r\nlines\r\n".into());
    let dir = TempDir::new("stream");
    let path = dir.0.join("corpus.stream");
    let mut file = std::fs::File::create(&path).unwrap();
    write_stream(&mut file, &texts).unwrap();
    drop(file);
    let back: Vec<Document> = Corpus::new()
        .stream(&path)
        .documents()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(back.len(), texts.len());
    for (doc, text) in back.iter().zip(&texts) {
        assert_eq!(doc.text(), text);
        assert_eq!(doc.path(), Some(path.as_path()));
        assert_eq!(
            newswire::parse(doc.text()).unwrap(),
            newswire::parse(text).unwrap()
        );
    }
}

#[test]
fn the_writer_refuses_a_separator_line() {
    let mut out = Vec::new();
    let err = write_stream(&mut out, ["fine", "one\n\u{1e}\ntwo"]).unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::InvalidInput);
    assert!(err.to_string().contains("line 2"), "{err}");
    assert_eq!(out, b"fine\n\x1e\n");
    // The byte inside a line is fine.
    write_stream(&mut out, ["a \u{1e} b\n\u{1e}x"]).unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_writable_texts_round_trip(texts in proptest::collection::vec("(\\PC|\n|\r|\u{1e}){0,40}", 0..6)) {
        let mut out = Vec::new();
        let mut written = Vec::new();
        for t in &texts {
            if newswire::write_stream_record(&mut out, t).is_ok() {
                written.push(t.clone());
            }
        }
        let back: Vec<String> = Corpus::new()
            .stream_reader(None, std::io::Cursor::new(out))
            .documents()
            .map(|d| d.map(Document::into_text))
            .collect::<Result<_, _>>()
            .unwrap();
        prop_assert_eq!(back, written);
    }
}

// ---------------------------------------------------------------------------------------------
// Sinks: the CSV and Parquet tables read back equal the JSON Lines records.

/// Extractors for the sink tests: sentences, a quote-like extractor with nested objects, nulls
/// and a nested array, and a scalar per article.
fn extractors() -> ExtractorSet {
    ExtractorSet::builtin(["sentences"])
        .unwrap()
        .with(
            "quotes",
            from_fn(|a: &Analysis<'_>| {
                a.sentences()
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| i % 3 == 0)
                    .map(|(i, s)| {
                        let speaker = (i % 2 == 0).then(|| {
                            json!({"text": "Lee, \"the envoy\"", "start": s.span.start, "end": s.span.start + 1})
                        });
                        json!({"start": s.span.start, "end": s.span.end, "direct": i % 2 == 0,
                               "speaker": speaker, "cues": [i, i + 1], "score": 0.5 + i as f64})
                    })
                    .collect::<Vec<_>>()
            }),
        )
        .with("words", from_fn(|a: &Analysis<'_>| a.source().split_whitespace().count()))
}

fn corpus_dir() -> (TempDir, usize) {
    let dir = TempDir::new("sink-input");
    let mut n = 0;
    for p in common::samples() {
        std::fs::copy(&p, dir.0.join(p.file_name().unwrap())).unwrap();
        n += 1;
    }
    for i in 0..40 {
        std::fs::write(dir.0.join(format!("gen_{i:03}.txt")), article(i)).unwrap();
        n += 1;
    }
    std::fs::write(dir.0.join("gen_bad.txt"), b"\xff not text").unwrap();
    (dir, n)
}

fn run_into(sink: &mut dyn Sink, input: &Path) -> usize {
    let mut failed = 0;
    Pipeline::new(RecordFields::new(extractors()))
        .jobs(2)
        .window(7)
        .run(
            Corpus::new().path(input).documents(),
            |outcome| match outcome {
                Ok(done) => sink.write(&Record::new(done)),
                Err(_) => {
                    failed += 1;
                    Ok(())
                }
            },
        )
        .unwrap();
    sink.finish().unwrap();
    failed
}

/// A table as text cells, keyed by column name: what every sink must agree on.
type Table = Vec<BTreeMap<String, String>>;

/// The tables the JSON Lines records stand for, by the rules documented in `newswire::sink`,
/// computed independently of the library's implementation.
fn tables_from_json_lines(lines: &str) -> BTreeMap<String, Table> {
    fn flat(prefix: &str, v: &Value, row: &mut BTreeMap<String, String>) {
        match v {
            Value::Null => {}
            Value::Object(m) => {
                for (k, v) in m {
                    let name = if prefix.is_empty() {
                        k.clone()
                    } else {
                        format!("{prefix}_{k}")
                    };
                    flat(&name, v, row);
                }
            }
            Value::String(s) => {
                row.insert(prefix_or_value(prefix), s.clone());
            }
            other => {
                row.insert(prefix_or_value(prefix), other.to_string());
            }
        }
    }
    fn prefix_or_value(p: &str) -> String {
        if p.is_empty() {
            "value".into()
        } else {
            p.into()
        }
    }
    let mut tables: BTreeMap<String, Table> = BTreeMap::new();
    tables.insert("articles".into(), Vec::new());
    for line in lines.lines() {
        let Value::Object(rec) = serde_json::from_str::<Value>(line).unwrap() else {
            panic!("a record is an object")
        };
        let mut article = BTreeMap::new();
        for (k, v) in &rec {
            match v {
                Value::Array(items) => {
                    let table = tables.entry(k.clone()).or_default();
                    for (i, item) in items.iter().enumerate() {
                        let mut row = BTreeMap::new();
                        row.insert("article".into(), rec["article"].to_string());
                        if let Value::String(p) = &rec["path"] {
                            row.insert("path".into(), p.clone());
                        }
                        row.insert("index".into(), i.to_string());
                        flat("", item, &mut row);
                        table.push(row);
                    }
                }
                _ => flat(k, v, &mut article),
            }
        }
        tables.get_mut("articles").unwrap().push(article);
    }
    tables
}

fn csv_table(path: &Path) -> (Vec<String>, Table) {
    let mut reader = csv::Reader::from_path(path).unwrap();
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            header
                .iter()
                .zip(r.iter())
                .filter(|(_, v)| !v.is_empty())
                .map(|(k, v)| (k.clone(), v.to_string()))
                .collect()
        })
        .collect();
    (header, rows)
}

#[test]
fn csv_tables_equal_json_lines() {
    let (input, n) = corpus_dir();
    let mut jsonl = Vec::new();
    let failed = run_into(&mut JsonLines::new(&mut jsonl), &input.0);
    assert_eq!(failed, 1);
    let jsonl = String::from_utf8(jsonl).unwrap();
    assert_eq!(jsonl.lines().count(), n);
    let want = tables_from_json_lines(&jsonl);

    let out = TempDir::new("csv-out");
    let mut sink = CsvTables::create(&out.0).unwrap();
    run_into(&mut sink, &input.0);
    let names: Vec<String> = sink
        .files()
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        [
            "articles.csv",
            "paragraphs.csv",
            "sentences.csv",
            "quotes.csv"
        ]
    );
    let mut files: Vec<_> = std::fs::read_dir(&out.0)
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    files.sort();
    assert_eq!(files.len(), 4, "no spool files left behind: {files:?}");

    for (name, want_rows) in &want {
        let (header, rows) = csv_table(&out.0.join(format!("{name}.csv")));
        assert_eq!(&rows, want_rows, "table {name}");
        match name.as_str() {
            "quotes" => assert_eq!(
                header,
                [
                    "article",
                    "path",
                    "index",
                    "start",
                    "end",
                    "direct",
                    "speaker_text",
                    "speaker_start",
                    "speaker_end",
                    "cues",
                    "score"
                ]
            ),
            "sentences" => assert_eq!(header, ["article", "path", "index", "start", "end"]),
            "paragraphs" => {
                assert_eq!(header, ["article", "path", "index", "start", "end", "kind"])
            }
            _ => {}
        }
    }
    let (header, _) = csv_table(&out.0.join("articles.csv"));
    for col in [
        "article",
        "path",
        "date",
        "dateline_text",
        "dateline_city",
        "dateline_start",
        "words",
    ] {
        assert!(
            header.iter().any(|h| h == col),
            "articles.csv lacks {col}: {header:?}"
        );
    }
}

#[cfg(feature = "parquet")]
#[test]
fn parquet_tables_equal_json_lines() {
    use arrow_array::{Array, BooleanArray, Float64Array, Int64Array, StringArray};
    use arrow_schema::DataType;
    use newswire::sink::ParquetTables;
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

    let (input, _) = corpus_dir();
    let mut jsonl = Vec::new();
    run_into(&mut JsonLines::new(&mut jsonl), &input.0);
    let want = tables_from_json_lines(&String::from_utf8(jsonl).unwrap());

    let out = TempDir::new("parquet-out");
    let mut sink = ParquetTables::create(&out.0).unwrap();
    run_into(&mut sink, &input.0);
    assert_eq!(sink.files().len(), want.len());

    for (name, want_rows) in &want {
        let file = std::fs::File::open(out.0.join(format!("{name}.parquet"))).unwrap();
        let reader = ParquetRecordBatchReaderBuilder::try_new(file)
            .unwrap()
            .build()
            .unwrap();
        let mut rows: Table = Vec::new();
        for batch in reader {
            let batch = batch.unwrap();
            let schema = batch.schema();
            let start = rows.len();
            rows.resize(start + batch.num_rows(), BTreeMap::new());
            for (field, col) in schema.fields().iter().zip(batch.columns()) {
                for r in 0..batch.num_rows() {
                    if col.is_null(r) {
                        continue;
                    }
                    let text = match field.data_type() {
                        DataType::Int64 => col
                            .as_any()
                            .downcast_ref::<Int64Array>()
                            .unwrap()
                            .value(r)
                            .to_string(),
                        DataType::Float64 => serde_json::Number::from_f64(
                            col.as_any()
                                .downcast_ref::<Float64Array>()
                                .unwrap()
                                .value(r),
                        )
                        .unwrap()
                        .to_string(),
                        DataType::Boolean => col
                            .as_any()
                            .downcast_ref::<BooleanArray>()
                            .unwrap()
                            .value(r)
                            .to_string(),
                        DataType::Utf8 => col
                            .as_any()
                            .downcast_ref::<StringArray>()
                            .unwrap()
                            .value(r)
                            .to_string(),
                        other => panic!("unexpected column type {other}"),
                    };
                    rows[start + r].insert(field.name().clone(), text);
                }
            }
            if name == "quotes" {
                let types: Vec<String> = schema
                    .fields()
                    .iter()
                    .map(|f| format!("{}:{}", f.name(), f.data_type()))
                    .collect();
                assert_eq!(
                    types,
                    [
                        "article:Int64",
                        "path:Utf8",
                        "index:Int64",
                        "start:Int64",
                        "end:Int64",
                        "direct:Boolean",
                        "speaker_text:Utf8",
                        "speaker_start:Int64",
                        "speaker_end:Int64",
                        "cues:Utf8",
                        "score:Float64"
                    ]
                );
            }
        }
        assert_eq!(&rows, want_rows, "table {name}");
    }
}

#[test]
fn pipeline_types_are_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Pipeline<ExtractorSet>>();
    check::<Pipeline<RecordFields>>();
    check::<newswire::Processed<newswire::extract::Extraction>>();
    check::<newswire::Failure>();
    check::<newswire::Summary>();
    check::<Record>();
    check::<RecordFields>();
    check::<JsonLines<Vec<u8>>>();
    check::<CsvTables>();
    #[cfg(feature = "parquet")]
    check::<newswire::sink::ParquetTables>();
}

// ---------------------------------------------------------------------------------------------
// JSON Lines: records serialize straight from the typed outputs.

/// The JSON Lines of `corpus` with `extractors`, written by the pipeline on two threads.
fn json_lines(extractors: ExtractorSet, corpus: Corpus) -> (String, Vec<Record>) {
    let mut out = Vec::new();
    let mut records = Vec::new();
    {
        let mut sink = JsonLines::new(&mut out);
        Pipeline::new(RecordFields::new(extractors))
            .jobs(2)
            .window(3)
            .run(corpus.documents(), |outcome| {
                let record = Record::new(outcome.unwrap());
                sink.write(&record)?;
                records.push(record);
                Ok::<(), std::io::Error>(())
            })
            .unwrap();
        sink.finish().unwrap();
    }
    (String::from_utf8(out).unwrap(), records)
}

#[test]
fn json_lines_of_the_samples_are_pinned() {
    // The record fields every run writes (`article`, `path`, `date`, `dateline`, `paragraphs`);
    // paths are made relative to the crate so the snapshot does not depend on the checkout.
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/");
    let mut corpus = Corpus::new();
    for p in common::samples() {
        corpus = corpus.path(p);
    }
    let (lines, _) = json_lines(ExtractorSet::new(), corpus);
    insta::assert_snapshot!("samples_jsonl", lines.replace(root, ""));
}

#[test]
fn typed_outputs_serialize_as_their_json_values_do() {
    // Every built-in extractor over the samples and generated articles: each line equals the
    // same record built as a `serde_json::Value` first (the way records were once made).
    let mut corpus = Corpus::new();
    for p in common::samples() {
        corpus = corpus.path(p);
    }
    let texts: Vec<String> = (0..30).map(article).collect();
    let mut stream = Vec::new();
    for text in &texts {
        newswire::write_stream_record(&mut stream, text).unwrap();
    }
    let corpus = corpus.stream_reader(None, std::io::Cursor::new(stream));
    let all = ExtractorSet::builtin(ExtractorSet::builtin_names()).unwrap();
    let (lines, records) = json_lines(all, corpus);
    assert_eq!(lines.lines().count(), records.len());
    assert_eq!(records.len(), common::samples().len() + texts.len());
    for (line, record) in lines.lines().zip(&records) {
        let mut value = serde_json::Map::new();
        value.insert("article".into(), json!(record.article));
        value.insert("path".into(), json!(record.path));
        let names: Vec<&str> = record.fields.iter().map(|(name, _)| name).collect();
        assert_eq!(
            names,
            [
                "date",
                "dateline",
                "paragraphs",
                "sentences",
                "quotes",
                "times",
                "places",
                "actors",
                "figures"
            ]
        );
        for (name, output) in record.fields.iter() {
            value.insert(name.into(), output.to_json());
        }
        assert_eq!(line, serde_json::to_string(&Value::Object(value)).unwrap());
    }
}

#[cfg(feature = "parquet")]
#[test]
fn parquet_with_long_cells_splits_batches_and_row_groups() {
    // 48 MB of hard-to-compress text in 96 rows: more than one Arrow batch and more than one
    // row group's worth of memory, so both early cuts happen; every row still reads back.
    use arrow_array::{Array, Int64Array, StringArray};
    use newswire::extract::Extraction;
    use newswire::sink::ParquetTables;
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

    fn text(seed: u64, len: usize) -> String {
        let mut x = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (0..len)
            .map(|_| {
                x = x
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                char::from(b'a' + ((x >> 33) % 26) as u8)
            })
            .collect()
    }

    let out = TempDir::new("parquet-long");
    let mut sink = ParquetTables::create(&out.0).unwrap();
    let rows = 96;
    for i in 0..rows {
        let mut fields = Extraction::new();
        fields.insert("notes", Box::new(vec![text(i, 500_000)]));
        sink.write(&Record {
            article: i as usize,
            path: None,
            fields,
        })
        .unwrap();
    }
    sink.finish().unwrap();

    let file = std::fs::File::open(out.0.join("notes.parquet")).unwrap();
    let builder = ParquetRecordBatchReaderBuilder::try_new(file).unwrap();
    assert!(
        builder.metadata().num_row_groups() > 1,
        "row groups were cut early"
    );
    let mut seen = 0;
    for batch in builder.build().unwrap() {
        let batch = batch.unwrap();
        let article = batch.column_by_name("article").unwrap();
        let article = article.as_any().downcast_ref::<Int64Array>().unwrap();
        let value = batch.column_by_name("value").unwrap();
        let value = value.as_any().downcast_ref::<StringArray>().unwrap();
        for r in 0..batch.num_rows() {
            let i = article.value(r) as u64;
            assert_eq!(i, seen);
            assert_eq!(value.value(r), text(i, 500_000));
            seen += 1;
        }
    }
    assert_eq!(seen, rows);
}
