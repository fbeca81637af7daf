//! Flattening records into tables, spooled to disk until the columns are all known.

use super::Record;
use super::flatten::{Flat, FlattenError, sequence_impls};
use serde::Serialize;
use serde::ser;
use std::collections::HashMap;
use std::fs::{self, File};
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

/// The type of a column, widened as values come in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Only nulls so far.
    Null,
    Bool,
    Int,
    Float,
    Str,
}

impl Kind {
    fn widen(self, cell: Cell<'_>) -> Kind {
        match cell {
            Cell::Null => self,
            Cell::Bool(_) => match self {
                Kind::Null | Kind::Bool => Kind::Bool,
                _ => Kind::Str,
            },
            Cell::Int(_) => match self {
                Kind::Null | Kind::Int => Kind::Int,
                Kind::Float => Kind::Float,
                _ => Kind::Str,
            },
            Cell::Float(_) => match self {
                Kind::Null | Kind::Int | Kind::Float => Kind::Float,
                _ => Kind::Str,
            },
            Cell::Str(_) => Kind::Str,
        }
    }
}

/// One value of a spooled row, borrowing its text from the row's bytes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Cell<'a> {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(&'a str),
}

impl Cell<'_> {
    /// The text of the cell, for CSV and for `Utf8` columns: strings as they are, other values
    /// as JSON writes them; `None` for null.
    pub fn write_text(&self, out: &mut String) -> bool {
        use std::fmt::Write as _;
        out.clear();
        // Writing to a String cannot fail.
        match *self {
            Cell::Null => return false,
            Cell::Bool(b) => out.push_str(if b { "true" } else { "false" }),
            Cell::Int(i) => {
                let _ = write!(out, "{i}");
            }
            Cell::Float(f) => match serde_json::Number::from_f64(f) {
                Some(n) => {
                    let _ = write!(out, "{n}");
                }
                None => return false,
            },
            Cell::Str(s) => out.push_str(s),
        }
        true
    }
}

// Spooled row format: the row's length in bytes (u64, little-endian), then per cell a tag byte
// and its payload: i64 and f64 as 8 little-endian bytes, strings as a u64 length and UTF-8.
const TAG_NULL: u8 = 0;
const TAG_FALSE: u8 = 1;
const TAG_TRUE: u8 = 2;
const TAG_INT: u8 = 3;
const TAG_FLOAT: u8 = 4;
const TAG_STR: u8 = 5;

fn encode(cell: Cell<'_>, out: &mut Vec<u8>) {
    match cell {
        Cell::Null => out.push(TAG_NULL),
        Cell::Bool(false) => out.push(TAG_FALSE),
        Cell::Bool(true) => out.push(TAG_TRUE),
        Cell::Int(i) => {
            out.push(TAG_INT);
            out.extend_from_slice(&i.to_le_bytes());
        }
        Cell::Float(f) => {
            out.push(TAG_FLOAT);
            out.extend_from_slice(&f.to_le_bytes());
        }
        Cell::Str(s) => encode_str(s, out),
    }
}

fn encode_str(s: &str, out: &mut Vec<u8>) {
    out.push(TAG_STR);
    out.extend_from_slice(&(s.len() as u64).to_le_bytes());
    out.extend_from_slice(s.as_bytes());
}

fn corrupt() -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        "a spooled table row is damaged: was the spool file in the output directory changed during the run?",
    )
}

fn take<'a>(bytes: &mut &'a [u8], n: usize) -> io::Result<&'a [u8]> {
    if bytes.len() < n {
        return Err(corrupt());
    }
    let (head, tail) = bytes.split_at(n);
    *bytes = tail;
    Ok(head)
}

fn take_u64(bytes: &mut &[u8]) -> io::Result<[u8; 8]> {
    take(bytes, 8)?.try_into().map_err(|_| corrupt())
}

fn decode<'a>(mut bytes: &'a [u8], out: &mut Vec<Cell<'a>>) -> io::Result<()> {
    while let Some((&tag, rest)) = bytes.split_first() {
        bytes = rest;
        out.push(match tag {
            TAG_NULL => Cell::Null,
            TAG_FALSE => Cell::Bool(false),
            TAG_TRUE => Cell::Bool(true),
            TAG_INT => Cell::Int(i64::from_le_bytes(take_u64(&mut bytes)?)),
            TAG_FLOAT => Cell::Float(f64::from_le_bytes(take_u64(&mut bytes)?)),
            TAG_STR => {
                let len = usize::try_from(u64::from_le_bytes(take_u64(&mut bytes)?))
                    .map_err(|_| corrupt())?;
                let text = take(&mut bytes, len)?;
                Cell::Str(std::str::from_utf8(text).map_err(|_| corrupt())?)
            }
            _ => return Err(corrupt()),
        });
    }
    Ok(())
}

/// A table whose rows have been spooled.
pub(crate) struct Spooled {
    pub name: String,
    pub columns: Vec<String>,
    #[cfg_attr(not(feature = "parquet"), allow(dead_code))]
    pub kinds: Vec<Kind>,
    pub spool: PathBuf,
}

impl Spooled {
    /// Calls `each` with every row, each as long as `columns`.
    pub fn for_each_row(
        &self,
        mut each: impl FnMut(&[Cell<'_>]) -> io::Result<()>,
    ) -> io::Result<()> {
        let mut file = BufReader::with_capacity(1 << 16, File::open(&self.spool)?);
        let width = self.columns.len();
        let mut bytes = Vec::new();
        loop {
            let mut len = [0u8; 8];
            match file.read_exact(&mut len) {
                Ok(()) => {}
                Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => return Ok(()),
                Err(e) => return Err(e),
            }
            let len = usize::try_from(u64::from_le_bytes(len)).map_err(|_| corrupt())?;
            bytes.resize(len, 0);
            file.read_exact(&mut bytes)?;
            let mut cells = Vec::with_capacity(width);
            decode(&bytes, &mut cells)?;
            cells.resize(width, Cell::Null);
            each(&cells)?;
        }
    }
}

/// The cells of a row being built, encoded as they come: `cells[i]` is the byte range of column
/// `i`'s cell in `bytes`, or `None` (null) if it was not set.
#[derive(Debug, Default)]
pub(crate) struct Row {
    cells: Vec<Option<(usize, usize)>>,
    bytes: Vec<u8>,
}

impl Row {
    fn clear(&mut self) {
        self.cells.clear();
        self.bytes.clear();
    }
}

pub(crate) struct Table {
    name: String,
    columns: Vec<String>,
    index: HashMap<String, usize>,
    kinds: Vec<Kind>,
    spool_path: PathBuf,
    spool: BufWriter<File>,
    /// The row being encoded.
    scratch: Vec<u8>,
}

impl Table {
    fn create(dir: &Path, name: &str) -> io::Result<Table> {
        let spool_path = dir.join(format!(".{}.spool", file_stem(name)));
        let spool = BufWriter::with_capacity(1 << 16, File::create(&spool_path)?);
        let mut table = Table {
            name: name.to_string(),
            columns: Vec::new(),
            index: HashMap::new(),
            kinds: Vec::new(),
            spool_path,
            spool,
            scratch: Vec::new(),
        };
        table.column("article");
        table.column("path");
        Ok(table)
    }

    fn column(&mut self, name: &str) -> usize {
        if let Some(&i) = self.index.get(name) {
            return i;
        }
        let i = self.columns.len();
        self.columns.push(name.to_string());
        self.index.insert(name.to_string(), i);
        self.kinds.push(Kind::Null);
        i
    }

    /// Sets column `column` of `row` to `cell` (a later value of the same column wins).
    pub(crate) fn put(&mut self, row: &mut Row, column: &str, cell: Cell<'_>) {
        let i = self.column(column);
        self.kinds[i] = self.kinds[i].widen(cell);
        if row.cells.len() <= i {
            row.cells.resize(i + 1, None);
        }
        let start = row.bytes.len();
        encode(cell, &mut row.bytes);
        row.cells[i] = Some((start, row.bytes.len()));
    }

    fn write_row(&mut self, row: &Row) -> io::Result<()> {
        self.scratch.clear();
        for cell in &row.cells {
            match cell.and_then(|(start, end)| row.bytes.get(start..end)) {
                Some(bytes) => self.scratch.extend_from_slice(bytes),
                None => self.scratch.push(TAG_NULL),
            }
        }
        self.spool
            .write_all(&(self.scratch.len() as u64).to_le_bytes())?;
        self.spool.write_all(&self.scratch)
    }
}

/// Tables derived from records, spooled under a directory.
pub(crate) struct Tables {
    dir: PathBuf,
    tables: Vec<Table>,
    by_name: HashMap<String, usize>,
    /// Scratch rows, reused from record to record: the article's and an array element's.
    article_row: Row,
    item_row: Row,
}

impl Tables {
    pub fn create(dir: &Path) -> io::Result<Tables> {
        fs::create_dir_all(dir)?;
        let mut tables = Tables {
            dir: dir.to_path_buf(),
            tables: Vec::new(),
            by_name: HashMap::new(),
            article_row: Row::default(),
            item_row: Row::default(),
        };
        tables.table("articles")?;
        Ok(tables)
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn table(&mut self, name: &str) -> io::Result<usize> {
        if let Some(&i) = self.by_name.get(name) {
            return Ok(i);
        }
        let table = Table::create(&self.dir, name)?;
        let i = self.tables.len();
        self.tables.push(table);
        self.by_name.insert(name.to_string(), i);
        Ok(i)
    }

    pub fn add(&mut self, record: &Record) -> io::Result<()> {
        let article =
            i64::try_from(record.article).map_or(Cell::Float(record.article as f64), Cell::Int);
        let path = record.path.as_deref().map_or(Cell::Null, Cell::Str);
        let keys = Keys { article, path };

        // The article row: every field that is not an array; one row per element of every
        // array field, in the table named after the field.
        let articles = self.table("articles")?;
        let mut article_row = std::mem::take(&mut self.article_row);
        let mut item_row = std::mem::take(&mut self.item_row);
        article_row.clear();
        keys.put(&mut self.tables[articles], &mut article_row);
        let mut name = String::new();
        let mut result = Ok(());
        for (key, output) in record.fields.iter() {
            name.clear();
            name.push_str(key);
            let field = Field {
                tables: self,
                articles,
                key,
                name: &mut name,
                article_row: &mut article_row,
                item_row: &mut item_row,
                keys,
            };
            if let Err(e) = output.serialize(field) {
                result = Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!(
                        "the `{key}` output of article {} cannot be written as table rows: {e}",
                        record.article
                    ),
                ));
                break;
            }
        }
        if result.is_ok() {
            result = self.tables[articles].write_row(&article_row);
        }
        self.article_row = article_row;
        self.item_row = item_row;
        result
    }

    /// Closes the spools and hands them over, in the order the tables were first seen.
    pub fn finish(&mut self) -> io::Result<Vec<Spooled>> {
        let mut out = Vec::new();
        for mut t in std::mem::take(&mut self.tables) {
            t.spool.flush()?;
            out.push(Spooled {
                name: t.name,
                columns: t.columns,
                kinds: t.kinds,
                spool: t.spool_path,
            });
        }
        self.by_name.clear();
        Ok(out)
    }

    /// Closes the spools and writes each table with `write` to `DIR/NAME.EXT`, removing its
    /// spool; every file written is added to `written`, in the order the tables were first
    /// seen.
    pub fn write_files(
        &mut self,
        ext: &str,
        written: &mut Vec<PathBuf>,
        mut write: impl FnMut(&Spooled, &Path) -> io::Result<()>,
    ) -> io::Result<()> {
        for table in self.finish()? {
            let path = self.dir.join(format!("{}.{ext}", file_stem(&table.name)));
            write(&table, &path)?;
            fs::remove_file(&table.spool)?;
            written.push(path);
        }
        Ok(())
    }
}

impl Drop for Tables {
    fn drop(&mut self) {
        // A run that stopped before `finish` leaves no spool files behind.
        for t in &self.tables {
            let _ = fs::remove_file(&t.spool_path);
        }
    }
}

/// The key columns of every row of one record: `article` and `path`.
#[derive(Clone, Copy)]
struct Keys<'a> {
    article: Cell<'a>,
    path: Cell<'a>,
}

impl Keys<'_> {
    fn put(&self, table: &mut Table, row: &mut Row) {
        table.put(row, "article", self.article);
        table.put(row, "path", self.path);
    }
}

/// Serializes one field of a record: an array becomes rows of the field's table, anything else
/// cells of the article row.
struct Field<'a> {
    tables: &'a mut Tables,
    articles: usize,
    key: &'a str,
    name: &'a mut String,
    article_row: &'a mut Row,
    item_row: &'a mut Row,
    keys: Keys<'a>,
}

impl<'a> Field<'a> {
    /// The field as cells of the article row.
    fn cells(self) -> Flat<'a> {
        Flat {
            table: &mut self.tables.tables[self.articles],
            row: self.article_row,
            name: self.name,
        }
    }

    fn elements(self) -> Result<Elements<'a>, FlattenError> {
        let table = self
            .tables
            .table(self.key)
            .map_err(<FlattenError as ser::Error>::custom)?;
        let t = &mut self.tables.tables[table];
        // The key columns are typed even while the table has no rows.
        for (i, cell) in [self.keys.article, self.keys.path].into_iter().enumerate() {
            t.kinds[i] = t.kinds[i].widen(cell);
        }
        Ok(Elements {
            table: t,
            row: self.item_row,
            name: self.name,
            keys: self.keys,
            index: 0,
        })
    }
}

/// The rows of an array field, one per element.
struct Elements<'a> {
    table: &'a mut Table,
    row: &'a mut Row,
    name: &'a mut String,
    keys: Keys<'a>,
    index: usize,
}

impl Elements<'_> {
    fn element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), FlattenError> {
        self.row.clear();
        self.keys.put(self.table, self.row);
        let index = i64::try_from(self.index).map_or(Cell::Float(self.index as f64), Cell::Int);
        self.table.put(self.row, "index", index);
        self.name.clear();
        value.serialize(Flat {
            table: self.table,
            row: self.row,
            name: self.name,
        })?;
        self.index += 1;
        self.table
            .write_row(self.row)
            .map_err(<FlattenError as ser::Error>::custom)
    }

    fn finish(self) -> Result<(), FlattenError> {
        if self.index == 0 {
            // The table exists, with its key columns, even while it has no rows.
            self.table.column("index");
        }
        Ok(())
    }
}

sequence_impls!(Elements:
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field
);

macro_rules! to_cells {
    ($($method:ident($($arg:ident: $ty:ty),*)),* $(,)?) => {$(
        fn $method(self, $($arg: $ty),*) -> Result<(), FlattenError> {
            ser::Serializer::$method(self.cells(), $($arg),*)
        }
    )*};
}

impl<'a> ser::Serializer for Field<'a> {
    type Ok = ();
    type Error = FlattenError;
    type SerializeSeq = Elements<'a>;
    type SerializeTuple = Elements<'a>;
    type SerializeTupleStruct = Elements<'a>;
    type SerializeTupleVariant = <Flat<'a> as ser::Serializer>::SerializeTupleVariant;
    type SerializeMap = <Flat<'a> as ser::Serializer>::SerializeMap;
    type SerializeStruct = <Flat<'a> as ser::Serializer>::SerializeStruct;
    type SerializeStructVariant = <Flat<'a> as ser::Serializer>::SerializeStructVariant;

    to_cells!(
        serialize_bool(v: bool),
        serialize_i8(v: i8),
        serialize_i16(v: i16),
        serialize_i32(v: i32),
        serialize_i64(v: i64),
        serialize_i128(v: i128),
        serialize_u8(v: u8),
        serialize_u16(v: u16),
        serialize_u32(v: u32),
        serialize_u64(v: u64),
        serialize_u128(v: u128),
        serialize_f32(v: f32),
        serialize_f64(v: f64),
        serialize_char(v: char),
        serialize_str(v: &str),
        serialize_none(),
        serialize_unit(),
        serialize_unit_struct(name: &'static str),
        serialize_unit_variant(name: &'static str, index: u32, variant: &'static str),
    );

    fn serialize_bytes(self, v: &[u8]) -> Result<(), FlattenError> {
        // Bytes are an array of numbers in JSON: one row per byte.
        let mut elements = self.elements()?;
        for b in v {
            elements.element(b)?;
        }
        elements.finish()
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<(), FlattenError> {
        value.serialize(self)
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), FlattenError> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), FlattenError> {
        self.cells()
            .serialize_newtype_variant(name, index, variant, value)
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Elements<'a>, FlattenError> {
        self.elements()
    }
    fn serialize_tuple(self, _len: usize) -> Result<Elements<'a>, FlattenError> {
        self.elements()
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Elements<'a>, FlattenError> {
        self.elements()
    }
    fn serialize_tuple_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleVariant, FlattenError> {
        self.cells()
            .serialize_tuple_variant(name, index, variant, len)
    }
    fn serialize_map(self, len: Option<usize>) -> Result<Self::SerializeMap, FlattenError> {
        self.cells().serialize_map(len)
    }
    fn serialize_struct(
        self,
        name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStruct, FlattenError> {
        self.cells().serialize_struct(name, len)
    }
    fn serialize_struct_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStructVariant, FlattenError> {
        self.cells()
            .serialize_struct_variant(name, index, variant, len)
    }
}

/// A file name for table `name`: letters, digits, `-` and `_` kept, anything else `_`.
pub(crate) fn file_stem(name: &str) -> String {
    let stem: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if stem.is_empty() {
        "_".to_string()
    } else {
        stem
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spooled_cells_round_trip() {
        let cells = [
            Cell::Null,
            Cell::Bool(true),
            Cell::Bool(false),
            Cell::Int(-7),
            Cell::Int(i64::MAX),
            Cell::Float(0.25),
            Cell::Str("Lee, \"the envoy\" – ü"),
            Cell::Str(""),
            Cell::Str("[1,2]"),
        ];
        let mut bytes = Vec::new();
        for &c in &cells {
            encode(c, &mut bytes);
        }
        let mut back = Vec::new();
        decode(&bytes, &mut back).unwrap();
        assert_eq!(back, cells);
        let mut text = String::new();
        let texts: Vec<Option<String>> = back
            .iter()
            .map(|c| c.write_text(&mut text).then(|| text.clone()))
            .collect();
        let want = [
            None,
            Some("true"),
            Some("false"),
            Some("-7"),
            Some("9223372036854775807"),
            Some("0.25"),
            Some("Lee, \"the envoy\" – ü"),
            Some(""),
            Some("[1,2]"),
        ];
        assert_eq!(texts, want.map(|t| t.map(str::to_string)));
        // A damaged row is an error, never a panic.
        for cut in 0..bytes.len() {
            let mut cells = Vec::new();
            let _ = decode(&bytes[..cut], &mut cells);
        }
        assert!(decode(&[TAG_STR, 200, 0, 0, 0, 0, 0, 0, 0], &mut Vec::new()).is_err());
        assert!(decode(&[9], &mut Vec::new()).is_err());
    }

    #[test]
    fn widening_follows_the_values() {
        use Kind::*;
        let widen = |cells: &[Cell<'_>]| cells.iter().fold(Null, |k, &c| k.widen(c));
        assert_eq!(widen(&[Cell::Null]), Null);
        assert_eq!(widen(&[Cell::Int(1), Cell::Null, Cell::Int(2)]), Int);
        assert_eq!(widen(&[Cell::Int(1), Cell::Float(0.5)]), Float);
        assert_eq!(widen(&[Cell::Float(0.5), Cell::Int(1)]), Float);
        assert_eq!(widen(&[Cell::Bool(true), Cell::Bool(false)]), Bool);
        assert_eq!(widen(&[Cell::Bool(true), Cell::Int(1)]), Str);
        assert_eq!(widen(&[Cell::Int(1), Cell::Str("x")]), Str);
    }
}
