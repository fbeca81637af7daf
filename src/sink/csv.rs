//! CSV: one file per table.

use super::table::{Spooled, Tables};
use super::{Record, Sink};
use std::io;
use std::path::{Path, PathBuf};

/// Writes the tables derived from the records (see [the module](crate::sink)) as CSV files
/// `DIR/articles.csv`, `DIR/paragraphs.csv`, `DIR/sentences.csv`, ..., each with a header row.
/// A null is an empty field.
///
/// ```
/// use newswire::extract::Extraction;
/// use newswire::sink::{CsvTables, Record, Sink};
///
/// let dir = std::env::temp_dir().join(format!("newswire-csv-doc-{}", std::process::id()));
/// let mut sink = CsvTables::create(&dir)?;
/// let mut fields = Extraction::new();
/// fields.insert("date", Box::new("2021-05-01"));
/// fields.insert("quotes", Box::new(serde_json::json!([{"speaker": {"text": "Lee", "start": 4}}])));
/// sink.write(&Record { article: 0, path: Some("a.txt".into()), fields })?;
/// sink.finish()?;
/// assert_eq!(std::fs::read_to_string(dir.join("articles.csv"))?, "article,path,date\n0,a.txt,2021-05-01\n");
/// assert_eq!(
///     std::fs::read_to_string(dir.join("quotes.csv"))?,
///     "article,path,index,speaker_text,speaker_start\n0,a.txt,0,Lee,4\n"
/// );
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), std::io::Error>(())
/// ```
pub struct CsvTables {
    tables: Tables,
    written: Vec<PathBuf>,
}

impl std::fmt::Debug for CsvTables {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CsvTables")
            .field("dir", &self.tables.dir())
            .finish()
    }
}

impl CsvTables {
    /// Tables written under `dir`, which is created if needed. Existing files of the same
    /// names are replaced.
    pub fn create(dir: impl AsRef<Path>) -> io::Result<Self> {
        Ok(CsvTables {
            tables: Tables::create(dir.as_ref())?,
            written: Vec::new(),
        })
    }

    /// The files written by [`finish`](Sink::finish), in the order the tables were first seen.
    pub fn files(&self) -> &[PathBuf] {
        &self.written
    }
}

impl Sink for CsvTables {
    fn write(&mut self, record: &Record) -> io::Result<()> {
        self.tables.add(record)
    }

    fn finish(&mut self) -> io::Result<()> {
        self.tables.write_files("csv", &mut self.written, write_csv)
    }
}

/// Writes one spooled table as a CSV file with a header row.
fn write_csv(table: &Spooled, path: &Path) -> io::Result<()> {
    let mut out = csv::Writer::from_path(path).map_err(into_io)?;
    out.write_record(&table.columns).map_err(into_io)?;
    let mut text = String::new();
    table.for_each_row(|row| {
        for cell in row {
            if cell.write_text(&mut text) {
                out.write_field(&text).map_err(into_io)?;
            } else {
                out.write_field("").map_err(into_io)?;
            }
        }
        out.write_record(None::<&[u8]>).map_err(into_io)
    })?;
    out.flush()
}

fn into_io(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("writing CSV: {other:?}")),
    }
}
