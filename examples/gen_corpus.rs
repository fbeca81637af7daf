//! Writes a synthetic corpus of a given size, for timing and memory runs over large inputs
//! (see `benches/README.md`). The text is generated from word lists; nothing is copied from
//! any real corpus.
//!
//! ```text
//! cargo run --release --example gen_corpus -- --megabytes 1000 /tmp/news.stream
//! cargo run --release --example gen_corpus -- --megabytes 100 --dir /tmp/news/
//! ```
//!
//! By default one stream file is written (articles each ended by a line holding only the record
//! separator 0x1E, see `newswire::write_stream`); with `--dir`, one file per article, 1,000 per
//! subdirectory.

#[path = "../benches/support/synth.rs"]
mod synth;

use clap::Parser as _;
use std::io::{BufWriter, Write};
use std::path::PathBuf;

/// Write a synthetic news corpus.
#[derive(clap::Parser)]
#[command(about)]
struct Args {
    /// Size to write, in megabytes (10^6 bytes) of article text.
    #[arg(long, default_value_t = 1000)]
    megabytes: u64,
    /// Seed of the generator; the same seed gives the same corpus.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Write a directory of files instead of one stream file.
    #[arg(long)]
    dir: bool,
    /// The stream file, or the directory with `--dir`.
    path: PathBuf,
}

fn main() -> std::io::Result<()> {
    let args = Args::parse();
    let target = args.megabytes.saturating_mul(1_000_000);
    let mut written = 0u64;
    let mut i = 0u64;
    if args.dir {
        while written < target {
            let sub = args.path.join(format!("{:05}", i / 1000));
            if i.is_multiple_of(1000) {
                std::fs::create_dir_all(&sub)?;
            }
            let text = synth::article(args.seed, i);
            std::fs::write(sub.join(format!("{i:08}.txt")), &text)?;
            written += text.len() as u64;
            i += 1;
        }
    } else {
        if let Some(parent) = args.path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        let mut out = BufWriter::with_capacity(1 << 20, std::fs::File::create(&args.path)?);
        while written < target {
            let text = synth::article(args.seed, i);
            newswire::write_stream_record(&mut out, &text)?;
            written += text.len() as u64;
            i += 1;
        }
        out.flush()?;
    }
    eprintln!(
        "wrote {i} articles, {:.1} MB of text, to {}",
        written as f64 / 1e6,
        args.path.display()
    );
    Ok(())
}
