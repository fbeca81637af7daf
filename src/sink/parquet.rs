//! Apache Parquet: one file per table (feature `parquet`).

use super::table::{Kind, Spooled, Tables, cell_text, file_stem};
use super::{Record, Sink};
use arrow_array::builder::{BooleanBuilder, Float64Builder, Int64Builder, StringBuilder};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;
use serde_json::Value;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Rows per Parquet row group (and per Arrow batch held in memory while writing).
const ROWS_PER_GROUP: usize = 65_536;

/// Writes the tables derived from the records (see [the module](crate::sink)) as Parquet files
/// `DIR/articles.parquet`, `DIR/paragraphs.parquet`, `DIR/sentences.parquet`, ...,
/// Snappy-compressed, readable by DuckDB, Polars, Spark and the arrow-rs reader.
///
/// Columns are `Int64`, `Float64` or `Boolean` when all their values are, else `Utf8`; every
/// column is nullable.
pub struct ParquetTables {
    tables: Tables,
    written: Vec<PathBuf>,
}

impl std::fmt::Debug for ParquetTables {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ParquetTables")
            .field("dir", &self.tables.dir())
            .finish()
    }
}

impl ParquetTables {
    /// Tables written under `dir`, which is created if needed. Existing files of the same
    /// names are replaced.
    pub fn create(dir: impl AsRef<Path>) -> io::Result<Self> {
        Ok(ParquetTables {
            tables: Tables::create(dir.as_ref())?,
            written: Vec::new(),
        })
    }

    /// The files written by [`finish`](Sink::finish), in the order the tables were first seen.
    pub fn files(&self) -> &[PathBuf] {
        &self.written
    }
}

impl Sink for ParquetTables {
    fn write(&mut self, record: &Record) -> io::Result<()> {
        self.tables.add(record)
    }

    fn finish(&mut self) -> io::Result<()> {
        for table in self.tables.finish()? {
            let path = self
                .tables
                .dir()
                .join(format!("{}.parquet", file_stem(&table.name)));
            write_table(&table, &path)?;
            std::fs::remove_file(&table.spool)?;
            self.written.push(path);
        }
        Ok(())
    }
}

fn data_type(kind: Kind) -> DataType {
    match kind {
        Kind::Bool => DataType::Boolean,
        Kind::Int => DataType::Int64,
        Kind::Float => DataType::Float64,
        Kind::Null | Kind::Str => DataType::Utf8,
    }
}

fn into_io(e: impl std::fmt::Display) -> io::Error {
    io::Error::other(format!("writing Parquet: {e}"))
}

fn write_table(table: &Spooled, path: &Path) -> io::Result<()> {
    let fields: Vec<Field> = table
        .columns
        .iter()
        .zip(&table.kinds)
        .map(|(name, &kind)| Field::new(name, data_type(kind), true))
        .collect();
    let schema = Arc::new(Schema::new(fields));
    let props = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .set_max_row_group_row_count(Some(ROWS_PER_GROUP))
        .build();
    let file = std::fs::File::create(path)?;
    let mut writer = ArrowWriter::try_new(file, schema.clone(), Some(props)).map_err(into_io)?;
    let mut columns: Vec<Column> = table.kinds.iter().map(|&k| Column::new(k)).collect();
    let mut rows = 0usize;
    for row in table.rows()? {
        for (column, value) in columns.iter_mut().zip(row?.iter()) {
            column.append(value);
        }
        rows += 1;
        if rows == ROWS_PER_GROUP {
            let arrays = columns.iter_mut().map(Column::finish).collect();
            let batch = RecordBatch::try_new(schema.clone(), arrays).map_err(into_io)?;
            writer.write(&batch).map_err(into_io)?;
            rows = 0;
        }
    }
    if rows > 0 {
        let arrays = columns.iter_mut().map(Column::finish).collect();
        let batch = RecordBatch::try_new(schema.clone(), arrays).map_err(into_io)?;
        writer.write(&batch).map_err(into_io)?;
    }
    writer.close().map_err(into_io)?;
    Ok(())
}

/// An Arrow array being built, one value at a time.
enum Column {
    Bool(BooleanBuilder),
    Int(Int64Builder),
    Float(Float64Builder),
    Str(StringBuilder),
}

impl Column {
    fn new(kind: Kind) -> Column {
        match kind {
            Kind::Bool => Column::Bool(BooleanBuilder::new()),
            Kind::Int => Column::Int(Int64Builder::new()),
            Kind::Float => Column::Float(Float64Builder::new()),
            Kind::Null | Kind::Str => Column::Str(StringBuilder::new()),
        }
    }

    fn append(&mut self, value: &Value) {
        match self {
            Column::Bool(b) => b.append_option(value.as_bool()),
            Column::Int(b) => b.append_option(value.as_i64()),
            Column::Float(b) => b.append_option(value.as_f64()),
            Column::Str(b) => b.append_option(cell_text(value)),
        }
    }

    /// The array so far; the builder starts again empty.
    fn finish(&mut self) -> ArrayRef {
        match self {
            Column::Bool(b) => Arc::new(b.finish()),
            Column::Int(b) => Arc::new(b.finish()),
            Column::Float(b) => Arc::new(b.finish()),
            Column::Str(b) => Arc::new(b.finish()),
        }
    }
}
