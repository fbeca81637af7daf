//! Run extractors over article files, directories or streams, in parallel, into JSON Lines, CSV
//! or Parquet.
//!
//! ```text
//! cargo run --release --example extract -- [PATH...]                 # every built-in extractor
//! cargo run --release --example extract -- --extractors sentences,quotes [PATH...]
//! cargo run --release --example extract -- --format csv --out tables/ archive/
//! cargo run --release --features parquet --example extract -- --format parquet --out tables/ archive/
//! cargo run --release --example extract -- --stream --format count corpus.stream
//! producer | cargo run --release --example extract -- --stream -
//! ```
//!
//! Each JSON line holds `article` (the input position), `path`, `date`, `dateline`,
//! `paragraphs`, and for each extractor named (`--extractors`, by default `all`), its output
//! under its name (`--extractors times`: each temporal expression's `text`, `start`, `end`,
//! TIMEX3 `type`, `value` and `mod`, resolved against the article's date). Byte offsets are into
//! each article's own text (for a stream, into the article, not the stream). With no PATH, the
//! bundled samples are used. `--format count` writes no records, only the summary: use it to
//! time parsing (`--extractors none`) and extraction as whole processes.
//!
//! Progress (articles, MB/s, ETA) is shown on stderr when it is a terminal; a summary (articles,
//! failures, time, MB/s) always ends the run there. Errors go to stderr with the path; the exit
//! status is 1 if any article failed, 2 on a usage error.

/// The example binary's allocator (the library leaves the choice to the application):
/// extraction makes and frees many small vectors, which mimalloc serves faster than the system
/// allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::Parser as _;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use newswire::extract::ExtractorSet;
use newswire::sink::{CsvTables, JsonLines, Record, RecordFields, Sink};
use newswire::{Corpus, Outcome, Pipeline, Summary};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

/// Extract facts from news article files into JSON Lines, CSV or Parquet.
#[derive(clap::Parser)]
#[command(version, about)]
struct Args {
    /// Comma-separated extractors to run (built-in: see `--list`), `all` (every built-in
    /// extractor, the default) or `none` (parse only).
    #[arg(long, short = 'e', default_value = "all", value_delimiter = ',')]
    extractors: Vec<String>,
    /// List the built-in extractors and exit.
    #[arg(long)]
    list: bool,
    /// Output format: jsonl (one record per line), csv or parquet (one file per table in
    /// --out), or count (no records, only the summary).
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Jsonl)]
    format: Format,
    /// Output directory: tables for csv and parquet (default `out`), `articles.jsonl` for
    /// jsonl (default: standard output).
    #[arg(long, short = 'o')]
    out: Option<PathBuf>,
    /// Threads, the reading one included (default: one per core).
    #[arg(long, short = 'j', default_value_t = 0)]
    jobs: usize,
    /// Most articles in flight at once (default: 512 per job); bounds memory.
    #[arg(long, default_value_t = 0)]
    window: usize,
    /// Read the inputs as streams of articles, each ended by a line holding only the record
    /// separator byte 0x1E (as written by `newswire::write_stream`).
    #[arg(long)]
    stream: bool,
    /// Read standard input (one article, or a stream with --stream); same as a PATH of `-`.
    #[arg(long)]
    stdin: bool,
    /// Files or directories to read, `-` for standard input (default: the bundled samples).
    paths: Vec<PathBuf>,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Jsonl,
    Csv,
    Parquet,
    Count,
}

fn main() -> ExitCode {
    let args = Args::parse();
    if args.list {
        for name in ExtractorSet::builtin_names() {
            println!("{name}");
        }
        return ExitCode::SUCCESS;
    }
    let mut names: Vec<&str> = Vec::new();
    for name in args.extractors.iter().map(|s| s.trim()) {
        match name {
            "" | "none" => {}
            "all" => names.extend(ExtractorSet::builtin_names()),
            name => names.push(name),
        }
    }
    // `all` and a name it includes run that extractor once.
    let mut seen = std::collections::HashSet::new();
    names.retain(|name| seen.insert(*name));
    let set = match ExtractorSet::builtin(names) {
        Ok(set) => set,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let mut paths = args.paths.clone();
    if args.stdin {
        paths.push(PathBuf::from("-"));
    }
    if paths.is_empty() {
        paths.push(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples"));
    }

    let progress = progress_bar(&paths, args.stream);
    let result = match args.format {
        Format::Count => run_count(&args, &set, &paths, &progress),
        format => match open_sink(format, args.out.as_ref()) {
            Ok(mut sink) => run_sink(&args, set, &paths, &progress, sink.as_mut()),
            Err(e) => Err(e),
        },
    };
    progress.finish_and_clear();
    match result {
        Ok(summary) => {
            eprintln!(
                "{} articles, {} failed, {:.1} MB in {:.2} s: {:.1} MB/s",
                summary.articles,
                summary.failed,
                summary.bytes as f64 / 1e6,
                summary.elapsed.as_secs_f64(),
                summary.megabytes_per_second()
            );
            if summary.failed > 0 {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The documents of `paths`: files and directories, or streams with `--stream`; `-` is stdin.
fn corpus(paths: &[PathBuf], stream: bool) -> Corpus {
    let mut corpus = Corpus::new();
    for path in paths {
        let stdin = path.as_os_str() == "-";
        corpus = match (stdin, stream) {
            (true, true) => corpus.stream_reader(Some("<stdin>".into()), std::io::stdin()),
            (true, false) => corpus.reader(Some("<stdin>".into()), std::io::stdin()),
            (false, true) => corpus.stream(path),
            (false, false) => corpus.path(path),
        };
    }
    corpus
}

fn open_sink(format: Format, out: Option<&PathBuf>) -> std::io::Result<Box<dyn Sink>> {
    let dir = || out.cloned().unwrap_or_else(|| PathBuf::from("out"));
    Ok(match format {
        Format::Jsonl => match out {
            Some(dir) => {
                std::fs::create_dir_all(dir)?;
                let file = std::fs::File::create(dir.join("articles.jsonl"))?;
                Box::new(JsonLines::new(file))
            }
            None => Box::new(JsonLines::new(std::io::stdout().lock())),
        },
        Format::Csv => Box::new(CsvTables::create(dir())?),
        #[cfg(feature = "parquet")]
        Format::Parquet => Box::new(newswire::sink::ParquetTables::create(dir())?),
        #[cfg(not(feature = "parquet"))]
        Format::Parquet => {
            return Err(std::io::Error::other(
                "this build has no Parquet support: rebuild with `--features parquet`",
            ));
        }
        Format::Count => unreachable!("count writes no records"),
    })
}

/// Extracts and writes records to `sink`.
fn run_sink(
    args: &Args,
    set: ExtractorSet,
    paths: &[PathBuf],
    progress: &ProgressBar,
    sink: &mut dyn Sink,
) -> std::io::Result<Summary> {
    let pipeline = Pipeline::new(RecordFields::new(set))
        .jobs(args.jobs)
        .window(args.window);
    // Raw documents: the UTF-8 check runs on the worker threads.
    let documents = corpus(paths, args.stream).documents().raw();
    let start = std::time::Instant::now();
    let mut seen = 0usize;
    // A hidden bar (stderr is not a terminal) is not updated at all.
    let visible = !progress.is_hidden();
    let mut summary = pipeline.run(documents, |outcome| {
        if visible {
            tick(progress, &outcome, &mut seen);
        }
        match outcome {
            Ok(done) => sink.write(&Record::new(done)),
            Err(failure) => {
                progress.suspend(|| eprintln!("error: {failure}"));
                Ok(())
            }
        }
    })?;
    progress.set_message("writing tables");
    sink.finish()?;
    // The time includes writing the tables.
    summary.elapsed = start.elapsed();
    Ok(summary)
}

/// Extracts and counts, writing nothing.
fn run_count(
    args: &Args,
    set: &ExtractorSet,
    paths: &[PathBuf],
    progress: &ProgressBar,
) -> std::io::Result<Summary> {
    let pipeline = Pipeline::new(set).jobs(args.jobs).window(args.window);
    // Raw documents: the UTF-8 check runs on the worker threads.
    let documents = corpus(paths, args.stream).documents().raw();
    let mut seen = 0usize;
    // A hidden bar (stderr is not a terminal) is not updated at all.
    let visible = !progress.is_hidden();
    pipeline.run(documents, |outcome| {
        if visible {
            tick(progress, &outcome, &mut seen);
        }
        if let Err(failure) = outcome {
            progress.suspend(|| eprintln!("error: {failure}"));
        }
        Ok(())
    })
}

fn tick<O>(progress: &ProgressBar, outcome: &Outcome<O>, seen: &mut usize) {
    *seen += 1;
    if let Ok(done) = outcome {
        progress.inc(done.document.text().len() as u64);
    }
    if (*seen).is_multiple_of(512) {
        progress.set_message(format!("{seen} articles"));
    }
}

/// A progress bar on stderr when it is a terminal (hidden otherwise), sized by the bytes of
/// the input files when they can be counted up front.
fn progress_bar(paths: &[PathBuf], stream: bool) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let total = total_bytes(paths, stream);
    let bar = ProgressBar::with_draw_target(total, ProgressDrawTarget::stderr());
    let template = if total.is_some() {
        "{elapsed_precise} [{wide_bar}] {decimal_bytes}/{decimal_total_bytes} \
         {decimal_bytes_per_sec} ETA {eta} {msg}"
    } else {
        "{spinner} {elapsed_precise} {decimal_bytes} {decimal_bytes_per_sec} {msg}"
    };
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

/// Bytes in the inputs (files, streams, `*.txt` under directories), or `None` for stdin.
fn total_bytes(paths: &[PathBuf], stream: bool) -> Option<u64> {
    let mut total = 0u64;
    for path in paths {
        if path.as_os_str() == "-" {
            return None;
        }
        if path.is_dir() && !stream {
            for entry in walkdir::WalkDir::new(path).into_iter().flatten() {
                if entry.file_type().is_file()
                    && entry.path().extension().is_some_and(|e| e == "txt")
                {
                    total += entry.metadata().map_or(0, |m| m.len());
                }
            }
        } else {
            total += std::fs::metadata(path).map_or(0, |m| m.len());
        }
    }
    Some(total)
}
