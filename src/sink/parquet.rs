//! Apache Parquet: one file per table (feature `parquet`).

use super::table::{Cell, Kind, Spooled, Tables};
use super::{Record, Sink};
use arrow_array::builder::{BooleanBuilder, Float64Builder, Int64Builder, StringBuilder};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Rows per Parquet row group at most (and per Arrow batch held in memory while writing).
const ROWS_PER_GROUP: usize = 65_536;

/// Bytes of cell data in one Arrow batch at most: a batch also ends here, so that tables with
/// long text cells (an array written as JSON text) hold no more than this in the builders.
const BATCH_BYTES: usize = 8 << 20;

/// Memory the writer may hold for the row group in progress; past it the row group is closed
/// early, so peak memory does not depend on how long the cells are.
const ROW_GROUP_BYTES: usize = 32 << 20;

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
        self.tables
            .write_files("parquet", &mut self.written, write_table)
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
    let mut batch_bytes = 0usize;
    let mut text = String::new();
    table.for_each_row(|row| {
        for (column, cell) in columns.iter_mut().zip(row) {
            column.append(cell, &mut text);
            batch_bytes += match cell {
                Cell::Str(s) => s.len(),
                _ => 8,
            };
        }
        rows += 1;
        if rows == ROWS_PER_GROUP || batch_bytes >= BATCH_BYTES {
            let arrays = columns.iter_mut().map(Column::finish).collect();
            let batch = RecordBatch::try_new(schema.clone(), arrays).map_err(into_io)?;
            writer.write(&batch).map_err(into_io)?;
            if writer.memory_size() >= ROW_GROUP_BYTES {
                writer.flush().map_err(into_io)?;
            }
            rows = 0;
            batch_bytes = 0;
        }
        Ok(())
    })?;
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

    /// Appends `cell`, which has this column's kind or is null (a `Utf8` column takes the text
    /// of any cell, made in `text`).
    fn append(&mut self, cell: &Cell<'_>, text: &mut String) {
        match (self, *cell) {
            (Column::Bool(b), Cell::Bool(v)) => b.append_value(v),
            (Column::Int(b), Cell::Int(v)) => b.append_value(v),
            (Column::Float(b), Cell::Float(v)) => b.append_value(v),
            (Column::Float(b), Cell::Int(v)) => b.append_value(v as f64),
            (Column::Str(b), Cell::Str(v)) => b.append_value(v),
            (Column::Str(b), other) => {
                if other.write_text(text) {
                    b.append_value(&*text);
                } else {
                    b.append_null();
                }
            }
            (Column::Bool(b), _) => b.append_null(),
            (Column::Int(b), _) => b.append_null(),
            (Column::Float(b), _) => b.append_null(),
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
