//! Parse article files and print one JSON object per article per line.
//!
//! ```text
//! cargo run --release --example parse -- [PATH...]
//! ```
//!
//! Each PATH is a file or a directory (walked for `*.txt`). With no PATH, the sample articles
//! bundled with the crate are parsed. Each line holds `path`, `date`, `dateline`, `paragraphs` and
//! `diagnostics`; byte offsets are into the file as read. The dateline also carries the place it
//! resolves to in the built-in gazetteer: `country` (ISO 3166-1 alpha-2), `lat` and `lon`, where
//! known. Errors go to stderr with the path, and
//! the exit status is 1 if any file failed.

use clap::Parser as _;
use newswire::gazetteer::Gazetteer;
use newswire::{Article, Corpus, Parser};
use serde::Serialize;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Parse news article files into JSON Lines.
#[derive(clap::Parser)]
#[command(version, about)]
struct Args {
    /// Files or directories to parse (default: the bundled samples).
    paths: Vec<PathBuf>,
    /// Reject malformed headers instead of reporting them as diagnostics.
    #[arg(long)]
    strict: bool,
}

#[derive(Serialize)]
struct Line<'a> {
    path: Option<&'a std::path::Path>,
    #[serde(flatten)]
    article: &'a Article<'a>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples")]
    } else {
        args.paths
    };
    let parser = Parser::builder().strict(args.strict).build();
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut failed = 0usize;
    for doc in Corpus::new().paths(paths).documents() {
        let result = doc.and_then(|doc| {
            let article = doc.parse(&parser)?;
            let line = Line {
                path: doc.path(),
                article: &article,
            };
            let mut value = serde_json::to_value(&line).map_err(std::io::Error::from);
            if let (Ok(v), Some(d)) = (&mut value, &article.dateline) {
                add_place(v, Gazetteer::builtin(), d);
            }
            value
                .and_then(|v| serde_json::to_writer(&mut out, &v).map_err(std::io::Error::from))
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

/// Adds `country`, `lat` and `lon` of the dateline's resolved place to the line's `dateline`.
fn add_place(
    line: &mut serde_json::Value,
    gazetteer: &Gazetteer,
    dateline: &newswire::Dateline<'_>,
) {
    let Some(place) = gazetteer.resolve_dateline(dateline) else {
        return;
    };
    let Some(obj) = line.get_mut("dateline").and_then(|d| d.as_object_mut()) else {
        return;
    };
    if let Some(c) = place.country {
        obj.insert("country".into(), c.as_str().into());
    }
    if let (Some(lat), Some(lon)) = (place.lat, place.lon) {
        obj.insert("lat".into(), lat.into());
        obj.insert("lon".into(), lon.into());
    }
}
