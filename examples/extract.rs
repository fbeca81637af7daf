//! Run extractors over article files and print one JSON object per article per line.
//!
//! ```text
//! cargo run --release --example extract -- --extractors sentences [PATH...]
//! ```
//!
//! Each line holds `path`, `date`, and for each extractor named, its output under its name.
//! `--extractors times` gives each temporal expression's `text`, `start`, `end`, `type`,
//! `value` and `mod` (TIMEX3), resolved against the article's date.
//! Byte offsets are into the file as read. With no PATH, the bundled samples are used. Errors go
//! to stderr with the path; the exit status is 1 if any file failed.

use clap::Parser as _;
use newswire::extract::{Analysis, Extraction, Extractor, ExtractorSet};
use newswire::{Corpus, Parser};
use serde::Serialize;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Extract facts from news article files into JSON Lines.
#[derive(clap::Parser)]
#[command(version, about)]
struct Args {
    /// Comma-separated extractors to run (built-in: see `--list`), or `none`.
    #[arg(long, short = 'e', default_value = "sentences", value_delimiter = ',')]
    extractors: Vec<String>,
    /// List the built-in extractors and exit.
    #[arg(long)]
    list: bool,
    /// Files or directories to read (default: the bundled samples).
    paths: Vec<PathBuf>,
}

#[derive(Serialize)]
struct Line<'a> {
    path: Option<&'a Path>,
    date: Option<chrono::NaiveDate>,
    #[serde(flatten)]
    extraction: &'a Extraction,
}

fn main() -> ExitCode {
    let args = Args::parse();
    if args.list {
        for name in ExtractorSet::builtin_names() {
            println!("{name}");
        }
        return ExitCode::SUCCESS;
    }
    let names: Vec<&str> = args
        .extractors
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty() && *s != "none")
        .collect();
    let set = match ExtractorSet::builtin(names) {
        Ok(set) => set,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples")]
    } else {
        args.paths
    };
    let parser = Parser::default();
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut failed = 0usize;
    for doc in Corpus::new().paths(paths).documents() {
        let result = doc.and_then(|doc| {
            let article = doc.parse(&parser)?;
            let extraction = set.extract(&Analysis::new(&article));
            let line = Line {
                path: doc.path(),
                date: article.date,
                extraction: &extraction,
            };
            serde_json::to_writer(&mut out, &line)
                .map_err(std::io::Error::from)
                .and_then(|()| out.write_all(b"\n"))
                .map_err(|source| newswire::Error::Io {
                    path: doc.path().map(Into::into),
                    source,
                })
        });
        if let Err(e) = result {
            failed += 1;
            eprintln!("error: {e}");
        }
    }
    if let Err(e) = out.flush() {
        eprintln!("error: writing output: {e}");
        return ExitCode::FAILURE;
    }
    if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
