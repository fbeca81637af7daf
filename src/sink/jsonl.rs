//! JSON Lines: one record per line.

use super::{Record, Sink};
use std::io::{self, Write};

/// Writes each [`Record`] as one line of JSON (the default output).
///
/// ```
/// use newswire::sink::{JsonLines, Record, Sink};
///
/// let mut out = Vec::new();
/// let mut sink = JsonLines::new(&mut out);
/// sink.write(&Record { article: 0, path: Some("a.txt".into()), ..Record::default() })?;
/// sink.finish()?;
/// drop(sink);
/// assert_eq!(out, b"{\"article\":0,\"path\":\"a.txt\"}\n");
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug)]
pub struct JsonLines<W: Write> {
    out: io::BufWriter<W>,
}

impl<W: Write> JsonLines<W> {
    /// Writes to `out` (buffered).
    pub fn new(out: W) -> Self {
        JsonLines {
            out: io::BufWriter::with_capacity(1 << 16, out),
        }
    }
}

impl<W: Write> Sink for JsonLines<W> {
    fn write(&mut self, record: &Record) -> io::Result<()> {
        serde_json::to_writer(&mut self.out, record)?;
        self.out.write_all(b"\n")
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}
