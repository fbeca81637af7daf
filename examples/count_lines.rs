//! The baseline for parse throughput: count the newlines of files with memchr, reading them as
//! `examples/extract.rs` does. No parser can beat it; `benches/README.md` compares the two.
//!
//! ```text
//! cargo run --release --example count_lines -- /tmp/news.stream
//! ```

use std::io::Read;
use std::time::Instant;

fn main() -> std::io::Result<()> {
    let start = Instant::now();
    let mut lines = 0usize;
    let mut bytes = 0u64;
    let mut buf = vec![0u8; 1 << 16];
    for path in std::env::args_os().skip(1) {
        let mut file = std::fs::File::open(&path)?;
        loop {
            let n = file.read(&mut buf)?;
            if n == 0 {
                break;
            }
            bytes += n as u64;
            lines += memchr::memchr_iter(b'\n', &buf[..n]).count();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    eprintln!(
        "{lines} lines, {:.1} MB in {secs:.2} s: {:.1} MB/s",
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / secs.max(1e-9)
    );
    Ok(())
}
