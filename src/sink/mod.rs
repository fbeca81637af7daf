//! Writing pipeline results: JSON Lines, CSV tables and (feature `parquet`) Parquet tables.
//!
//! Every sink writes the same [`Record`]s, one per article, built by the [`RecordFields`]
//! extractor from an [`ExtractorSet`]:
//!
//! ```json
//! {"article":0,"path":"a.txt","date":"2021-05-01",
//!  "dateline":{"text":"JAKARTA --","location":"JAKARTA","city":"JAKARTA","region":null,...},
//!  "paragraphs":[{"start":17,"end":120,"kind":"body"}, ...],
//!  "sentences":[{"start":28,"end":95}, ...]}
//! ```
//!
//! `article` is the article's position in the input (0-based, failed articles included) and
//! `path` its file; all `start`/`end` offsets are UTF-8 byte offsets into that article's own
//! text (for a stream, into the article, not into the stream).
//!
//! [`JsonLines`] writes each record as one line. The table sinks ([`CsvTables`] and, with the
//! `parquet` feature, `ParquetTables`) derive flat tables from the same records, generically, so
//! an extractor added later gets its table with no change here:
//!
//! - `articles`: one row per article: `article`, `path`, then every field whose value is not an
//!   array, nested objects flattened with `_` (`date`, `dateline_text`, `dateline_city`,
//!   `dateline_start`, `dateline_location_span_start`, ...).
//! - one table per field whose value is an array (`paragraphs`, `sentences`, `quotes`, ...):
//!   one row per element: `article`, `path`, `index` (the element's position in the array),
//!   then the element's fields flattened the same way (`start`, `end`, `kind`; a quote's
//!   `speaker: {text, start, end}` becomes `speaker_text`, `speaker_start`, `speaker_end`).
//!   Elements that are not objects go in a `value` column.
//!
//! The rows are made straight from each output's `Serialize` implementation (no JSON value in
//! between), by the same rules a JSON value of the record would follow. Arrays nested inside an
//! element are written as JSON text. Nulls write no value (an empty CSV
//! field, a Parquet null). Columns appear in the order first seen; a column's Parquet type is
//! `Int64`, `Float64` or `Boolean` when all its values are, else `Utf8`. Because columns are only
//! known once every record is seen, the table sinks spool rows to hidden files in the output
//! directory and write the tables in [`Sink::finish`]: memory stays bounded, and the output
//! directory needs room for the spooled rows (about the size of the tables) while the run lasts.

mod csv;
mod flatten;
mod jsonl;
#[cfg(feature = "parquet")]
mod parquet;
mod table;

pub use self::csv::CsvTables;
pub use self::jsonl::JsonLines;
#[cfg(feature = "parquet")]
pub use self::parquet::ParquetTables;

use crate::extract::{Analysis, Extraction, Extractor, ExtractorSet};
use crate::pipeline::Processed;
use serde::Serialize;
use serde::ser::SerializeMap;
use std::io;

/// Where records go. Call [`write`](Sink::write) for each record in order, then
/// [`finish`](Sink::finish) once: table sinks only write their files then.
pub trait Sink {
    /// Writes one article's record.
    fn write(&mut self, record: &Record) -> io::Result<()>;

    /// Completes the output (flushes, writes tables). Calling it again does nothing.
    fn finish(&mut self) -> io::Result<()>;
}

impl<S: Sink + ?Sized> Sink for Box<S> {
    fn write(&mut self, record: &Record) -> io::Result<()> {
        (**self).write(record)
    }

    fn finish(&mut self) -> io::Result<()> {
        (**self).finish()
    }
}

/// One article's output, as every sink writes it: `article`, `path`, then `fields`.
#[derive(Debug, Default)]
pub struct Record {
    /// The article's position in the input, counting from 0.
    pub article: usize,
    /// The article's file, if it came from one.
    pub path: Option<String>,
    /// The article's fields: those of [`RecordFields`], or any others, as typed outputs.
    pub fields: Extraction,
}

impl Record {
    /// The record of a processed article.
    ///
    /// ```
    /// use newswire::extract::ExtractorSet;
    /// use newswire::sink::{Record, RecordFields};
    /// use newswire::{Corpus, Pipeline};
    ///
    /// let fields = RecordFields::new(ExtractorSet::builtin(["sentences"])?);
    /// let doc = std::io::Cursor::new("JAKARTA -- Talks began. Leaders met.");
    /// let mut records = Vec::new();
    /// Pipeline::new(fields).run(Corpus::new().reader(None, doc).documents(), |outcome| {
    ///     records.push(Record::new(outcome?));
    ///     Ok::<(), newswire::Failure>(())
    /// })?;
    /// let json = serde_json::to_value(&records[0])?;
    /// let keys: Vec<&str> = json.as_object().unwrap().keys().map(String::as_str).collect();
    /// assert_eq!(keys, ["article", "path", "date", "dateline", "paragraphs", "sentences"]);
    /// assert_eq!(json["dateline"]["city"], "JAKARTA");
    /// assert_eq!(json["paragraphs"], serde_json::json!([{"start": 11, "end": 36, "kind": "body"}]));
    /// assert_eq!(
    ///     json["sentences"],
    ///     serde_json::json!([{"start": 11, "end": 23}, {"start": 24, "end": 36}])
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(processed: Processed<Extraction>) -> Self {
        Record {
            article: processed.index,
            path: processed
                .document
                .path()
                .map(|p| p.to_string_lossy().into_owned()),
            fields: processed.output,
        }
    }
}

impl Serialize for Record {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.fields.len() + 2))?;
        map.serialize_entry("article", &self.article)?;
        map.serialize_entry("path", &self.path)?;
        for (k, v) in self.fields.iter() {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

/// The extractor behind [`Record`]s: the article's `date`, `dateline` and `paragraphs`
/// (`start`, `end`, `kind`), then the output of each extractor of an [`ExtractorSet`] under its
/// name. An extractor named like one of the article fields replaces it.
#[derive(Debug, Clone, Default)]
pub struct RecordFields {
    extractors: ExtractorSet,
}

impl RecordFields {
    /// Record fields with the outputs of `extractors`.
    pub fn new(extractors: ExtractorSet) -> Self {
        RecordFields { extractors }
    }
}

/// A paragraph as records hold it.
#[derive(Serialize)]
struct ParagraphFields {
    start: usize,
    end: usize,
    kind: crate::ParagraphKind,
}

impl Extractor for RecordFields {
    type Output = Extraction;

    fn extract(&self, analysis: &Analysis<'_>) -> Extraction {
        let article = analysis.article();
        let mut fields = Extraction::new();
        fields.insert("date", Box::new(article.date));
        fields.insert(
            "dateline",
            Box::new(article.dateline.clone().map(crate::Dateline::into_owned)),
        );
        let paragraphs: Vec<ParagraphFields> = article
            .paragraphs
            .iter()
            .map(|p| ParagraphFields {
                start: p.span.start,
                end: p.span.end,
                kind: p.kind,
            })
            .collect();
        fields.insert("paragraphs", Box::new(paragraphs));
        fields.merge(self.extractors.extract(analysis));
        fields
    }
}
