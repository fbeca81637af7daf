//! Flattening records into tables, spooled to disk until the columns are all known.

use super::Record;
use serde_json::Value;
use std::borrow::Cow;
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
    fn widen(self, value: &Value) -> Kind {
        match value {
            Value::Null => self,
            Value::Bool(_) => match self {
                Kind::Null | Kind::Bool => Kind::Bool,
                _ => Kind::Str,
            },
            Value::Number(n) if n.is_i64() => match self {
                Kind::Null | Kind::Int => Kind::Int,
                Kind::Float => Kind::Float,
                _ => Kind::Str,
            },
            Value::Number(_) => match self {
                Kind::Null | Kind::Int | Kind::Float => Kind::Float,
                _ => Kind::Str,
            },
            Value::String(_) | Value::Array(_) | Value::Object(_) => Kind::Str,
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

fn encode(value: &Value, out: &mut Vec<u8>) {
    match value {
        Value::Null => out.push(TAG_NULL),
        Value::Bool(false) => out.push(TAG_FALSE),
        Value::Bool(true) => out.push(TAG_TRUE),
        Value::Number(n) => match n.as_i64() {
            Some(i) => {
                out.push(TAG_INT);
                out.extend_from_slice(&i.to_le_bytes());
            }
            None => {
                out.push(TAG_FLOAT);
                out.extend_from_slice(&n.as_f64().unwrap_or(f64::NAN).to_le_bytes());
            }
        },
        Value::String(s) => encode_str(s, out),
        other => encode_str(&other.to_string(), out),
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

struct Table {
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

    fn set<'r>(&mut self, row: &mut Vec<Cow<'r, Value>>, column: &str, value: Cow<'r, Value>) {
        let i = self.column(column);
        self.kinds[i] = self.kinds[i].widen(&value);
        if row.len() <= i {
            row.resize(i + 1, Cow::Owned(Value::Null));
        }
        row[i] = value;
    }

    /// Sets the columns of `value` under `name` (a prefix, empty at the top): objects are
    /// flattened with `_`, arrays become JSON text, nulls are skipped.
    fn flatten<'r>(&mut self, row: &mut Vec<Cow<'r, Value>>, name: &mut String, value: &'r Value) {
        match value {
            Value::Null => {}
            Value::Object(map) => {
                for (key, v) in map {
                    let len = name.len();
                    if !name.is_empty() {
                        name.push('_');
                    }
                    name.push_str(key);
                    self.flatten(row, name, v);
                    name.truncate(len);
                }
            }
            Value::Array(_) => {
                let column = if name.is_empty() {
                    "value"
                } else {
                    name.as_str()
                };
                let text = Value::String(value.to_string());
                let column = column.to_string();
                self.set(row, &column, Cow::Owned(text));
            }
            _ => {
                let column = if name.is_empty() {
                    "value"
                } else {
                    name.as_str()
                };
                let column = column.to_string();
                self.set(row, &column, Cow::Borrowed(value));
            }
        }
    }

    fn write_row(&mut self, row: &[Cow<'_, Value>]) -> io::Result<()> {
        self.scratch.clear();
        for value in row {
            encode(value, &mut self.scratch);
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
}

impl Tables {
    pub fn create(dir: &Path) -> io::Result<Tables> {
        fs::create_dir_all(dir)?;
        let mut tables = Tables {
            dir: dir.to_path_buf(),
            tables: Vec::new(),
            by_name: HashMap::new(),
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
        let article = Value::from(record.article);
        let path = record.path.clone().map_or(Value::Null, Value::String);
        let fields: Vec<(&str, Value)> = record
            .fields
            .iter()
            .map(|(key, output)| (key, output.to_json()))
            .collect();
        let mut name = String::new();

        // The article row: every field that is not an array.
        let articles = self.table("articles")?;
        let mut row: Vec<Cow<'_, Value>> = vec![Cow::Borrowed(&article), Cow::Borrowed(&path)];
        {
            let t = &mut self.tables[articles];
            t.kinds[0] = t.kinds[0].widen(&article);
            t.kinds[1] = t.kinds[1].widen(&path);
            for (key, value) in &fields {
                if !value.is_array() {
                    name.clear();
                    name.push_str(key);
                    t.flatten(&mut row, &mut name, value);
                }
            }
            t.write_row(&row)?;
        }

        // One row per element of every array field.
        for (key, value) in &fields {
            let Value::Array(items) = value else {
                continue;
            };
            let i = self.table(key)?;
            let t = &mut self.tables[i];
            t.kinds[0] = t.kinds[0].widen(&article);
            t.kinds[1] = t.kinds[1].widen(&path);
            for (n, item) in items.iter().enumerate() {
                let mut row: Vec<Cow<'_, Value>> =
                    vec![Cow::Borrowed(&article), Cow::Borrowed(&path)];
                t.set(&mut row, "index", Cow::Owned(Value::from(n)));
                name.clear();
                t.flatten(&mut row, &mut name, item);
                t.write_row(&row)?;
            }
            if items.is_empty() {
                // The table exists, with its key columns, even while it has no rows.
                t.column("index");
            }
        }
        Ok(())
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
}

impl Drop for Tables {
    fn drop(&mut self) {
        // A run that stopped before `finish` leaves no spool files behind.
        for t in &self.tables {
            let _ = fs::remove_file(&t.spool_path);
        }
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
    use serde_json::json;

    #[test]
    fn spooled_cells_round_trip() {
        let values = [
            json!(null),
            json!(true),
            json!(false),
            json!(-7),
            json!(i64::MAX),
            json!(0.25),
            json!("Lee, \"the envoy\" – ü"),
            json!(""),
            json!([1, 2]),
        ];
        let mut bytes = Vec::new();
        for v in &values {
            encode(v, &mut bytes);
        }
        let mut cells = Vec::new();
        decode(&bytes, &mut cells).unwrap();
        assert_eq!(
            cells,
            [
                Cell::Null,
                Cell::Bool(true),
                Cell::Bool(false),
                Cell::Int(-7),
                Cell::Int(i64::MAX),
                Cell::Float(0.25),
                Cell::Str("Lee, \"the envoy\" – ü"),
                Cell::Str(""),
                Cell::Str("[1,2]"),
            ]
        );
        let mut text = String::new();
        let texts: Vec<Option<String>> = cells
            .iter()
            .map(|c| c.write_text(&mut text).then(|| text.clone()))
            .collect();
        let want: Vec<Option<String>> = values
            .iter()
            .map(|v| match v {
                Value::Null => None,
                Value::String(s) => Some(s.clone()),
                other => Some(other.to_string()),
            })
            .collect();
        assert_eq!(texts, want);
        // A damaged row is an error, never a panic.
        for cut in 0..bytes.len() {
            let mut cells = Vec::new();
            let _ = decode(&bytes[..cut], &mut cells);
        }
        assert!(decode(&[TAG_STR, 200, 0, 0, 0, 0, 0, 0, 0], &mut Vec::new()).is_err());
        assert!(decode(&[9], &mut Vec::new()).is_err());
    }
}
