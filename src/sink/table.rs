//! Flattening records into tables, spooled to disk until the columns are all known.

use super::Record;
use serde_json::Value;
use std::borrow::Cow;
use std::collections::HashMap;
use std::fs::{self, File};
use std::io::{self, BufReader, BufWriter, Write};
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

/// A value as text, for `Utf8` columns: strings as they are, other values as JSON.
#[cfg(feature = "parquet")]
pub(crate) fn cell_text(value: &Value) -> Option<Cow<'_, str>> {
    match value {
        Value::Null => None,
        Value::String(s) => Some(Cow::Borrowed(s)),
        other => Some(Cow::Owned(other.to_string())),
    }
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
    /// The rows, each as long as `columns`.
    pub fn rows(&self) -> io::Result<impl Iterator<Item = io::Result<Vec<Value>>> + use<>> {
        let file = File::open(&self.spool)?;
        let width = self.columns.len();
        let rows = serde_json::Deserializer::from_reader(BufReader::with_capacity(1 << 16, file))
            .into_iter::<Vec<Value>>()
            .map(move |row| {
                let mut row = row.map_err(io::Error::from)?;
                row.resize(width, Value::Null);
                Ok(row)
            });
        Ok(rows)
    }
}

struct Table {
    name: String,
    columns: Vec<String>,
    index: HashMap<String, usize>,
    kinds: Vec<Kind>,
    spool_path: PathBuf,
    spool: BufWriter<File>,
}

impl Table {
    fn create(dir: &Path, name: &str) -> io::Result<Table> {
        let spool_path = dir.join(format!(".{}.spool.jsonl", file_stem(name)));
        let spool = BufWriter::with_capacity(1 << 16, File::create(&spool_path)?);
        let mut table = Table {
            name: name.to_string(),
            columns: Vec::new(),
            index: HashMap::new(),
            kinds: Vec::new(),
            spool_path,
            spool,
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
        serde_json::to_writer(&mut self.spool, row)?;
        self.spool.write_all(b"\n")
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
        let mut name = String::new();

        // The article row: every field that is not an array.
        let articles = self.table("articles")?;
        let mut row: Vec<Cow<'_, Value>> = vec![Cow::Borrowed(&article), Cow::Borrowed(&path)];
        {
            let t = &mut self.tables[articles];
            t.kinds[0] = t.kinds[0].widen(&article);
            t.kinds[1] = t.kinds[1].widen(&path);
            for (key, value) in &record.fields {
                if !value.is_array() {
                    name.clear();
                    name.push_str(key);
                    t.flatten(&mut row, &mut name, value);
                }
            }
            t.write_row(&row)?;
        }

        // One row per element of every array field.
        for (key, value) in &record.fields {
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
