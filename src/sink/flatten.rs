//! Flattening typed records into table rows straight from their `Serialize` implementations,
//! without building a `serde_json::Value` first.
//!
//! The rules are those of [the module](crate::sink), as a JSON value of the record would show
//! them: objects are flattened with `_`, arrays inside a row are written as JSON text, nulls (and
//! non-finite floats, which JSON writes as null) set nothing, and a value that is not an object
//! goes in a `value` column.

use super::table::{Cell, Row, Table};
use serde::Serialize;
use serde::ser::{self, Impossible};
use std::fmt;

/// A value that cannot be written as table cells (a map key that is not a string or a number,
/// an integer beyond 64 bits).
#[derive(Debug)]
pub(crate) struct FlattenError(String);

impl fmt::Display for FlattenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for FlattenError {}

impl ser::Error for FlattenError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        FlattenError(msg.to_string())
    }
}

type Result<T> = std::result::Result<T, FlattenError>;

/// A 128-bit integer as JSON numbers hold it: `Int` when it fits in `i64`, `Float` when it fits
/// in `u64` (as a JSON value keeps such a number), else an error.
fn wide_int(v: i128) -> Result<Cell<'static>> {
    if let Ok(i) = i64::try_from(v) {
        Ok(Cell::Int(i))
    } else if let Ok(u) = u64::try_from(v) {
        Ok(Cell::Float(u as f64))
    } else {
        Err(FlattenError(format!(
            "the number {v} does not fit in 64 bits and cannot be written to a table"
        )))
    }
}

/// Serializes one value into the cells of `row`, under the column name `name` (empty at the
/// top of an array element).
pub(crate) struct Flat<'a> {
    pub table: &'a mut Table,
    pub row: &'a mut Row,
    pub name: &'a mut String,
}

impl<'a> Flat<'a> {
    fn put(self, cell: Cell<'_>) -> Result<()> {
        let column = if self.name.is_empty() {
            "value"
        } else {
            self.name.as_str()
        };
        self.table.put(self.row, column, cell);
        Ok(())
    }

    /// Appends `_key` (or `key` at the top) to the name; returns the length to truncate back to.
    fn push_key(&mut self, key: &str) -> usize {
        let len = self.name.len();
        if !self.name.is_empty() {
            self.name.push('_');
        }
        self.name.push_str(key);
        len
    }

    fn reborrow(&mut self) -> Flat<'_> {
        Flat {
            table: self.table,
            row: self.row,
            name: self.name,
        }
    }

    fn array(self, restore: Option<usize>) -> JsonArray<'a> {
        JsonArray {
            flat: self,
            text: vec![b'['],
            restore,
        }
    }

    fn map(self, restore: Option<usize>) -> FlatMap<'a> {
        let base = self.name.len();
        FlatMap {
            flat: self,
            base,
            key: String::new(),
            restore,
        }
    }
}

impl<'a> ser::Serializer for Flat<'a> {
    type Ok = ();
    type Error = FlattenError;
    type SerializeSeq = JsonArray<'a>;
    type SerializeTuple = JsonArray<'a>;
    type SerializeTupleStruct = JsonArray<'a>;
    type SerializeTupleVariant = JsonArray<'a>;
    type SerializeMap = FlatMap<'a>;
    type SerializeStruct = FlatMap<'a>;
    type SerializeStructVariant = FlatMap<'a>;

    fn serialize_bool(self, v: bool) -> Result<()> {
        self.put(Cell::Bool(v))
    }
    fn serialize_i8(self, v: i8) -> Result<()> {
        self.put(Cell::Int(v.into()))
    }
    fn serialize_i16(self, v: i16) -> Result<()> {
        self.put(Cell::Int(v.into()))
    }
    fn serialize_i32(self, v: i32) -> Result<()> {
        self.put(Cell::Int(v.into()))
    }
    fn serialize_i64(self, v: i64) -> Result<()> {
        self.put(Cell::Int(v))
    }
    fn serialize_i128(self, v: i128) -> Result<()> {
        self.put(wide_int(v)?)
    }
    fn serialize_u8(self, v: u8) -> Result<()> {
        self.put(Cell::Int(v.into()))
    }
    fn serialize_u16(self, v: u16) -> Result<()> {
        self.put(Cell::Int(v.into()))
    }
    fn serialize_u32(self, v: u32) -> Result<()> {
        self.put(Cell::Int(v.into()))
    }
    fn serialize_u64(self, v: u64) -> Result<()> {
        self.put(wide_int(v.into())?)
    }
    fn serialize_u128(self, v: u128) -> Result<()> {
        match i128::try_from(v) {
            Ok(v) => self.put(wide_int(v)?),
            Err(_) => Err(FlattenError(format!(
                "the number {v} does not fit in 64 bits and cannot be written to a table"
            ))),
        }
    }
    fn serialize_f32(self, v: f32) -> Result<()> {
        self.serialize_f64(v.into())
    }
    fn serialize_f64(self, v: f64) -> Result<()> {
        if v.is_finite() {
            self.put(Cell::Float(v))
        } else {
            Ok(())
        }
    }
    fn serialize_char(self, v: char) -> Result<()> {
        self.put(Cell::Str(v.encode_utf8(&mut [0; 4])))
    }
    fn serialize_str(self, v: &str) -> Result<()> {
        self.put(Cell::Str(v))
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<()> {
        let text = serde_json::to_string(v).map_err(ser::Error::custom)?;
        self.put(Cell::Str(&text))
    }
    fn serialize_none(self) -> Result<()> {
        Ok(())
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<()> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<()> {
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<()> {
        Ok(())
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<()> {
        self.put(Cell::Str(variant))
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<()> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        mut self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<()> {
        let len = self.push_key(variant);
        value.serialize(self.reborrow())?;
        self.name.truncate(len);
        Ok(())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<JsonArray<'a>> {
        Ok(self.array(None))
    }
    fn serialize_tuple(self, _len: usize) -> Result<JsonArray<'a>> {
        Ok(self.array(None))
    }
    fn serialize_tuple_struct(self, _name: &'static str, _len: usize) -> Result<JsonArray<'a>> {
        Ok(self.array(None))
    }
    fn serialize_tuple_variant(
        mut self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<JsonArray<'a>> {
        let len = self.push_key(variant);
        Ok(self.array(Some(len)))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<FlatMap<'a>> {
        Ok(self.map(None))
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<FlatMap<'a>> {
        Ok(self.map(None))
    }
    fn serialize_struct_variant(
        mut self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<FlatMap<'a>> {
        let len = self.push_key(variant);
        Ok(self.map(Some(len)))
    }
}

/// An array inside a row: written as compact JSON text in one cell.
pub(crate) struct JsonArray<'a> {
    flat: Flat<'a>,
    text: Vec<u8>,
    /// For a tuple variant, the name's length before the variant was appended.
    restore: Option<usize>,
}

impl JsonArray<'_> {
    fn element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<()> {
        if self.text.len() > 1 {
            self.text.push(b',');
        }
        serde_json::to_writer(&mut self.text, value).map_err(ser::Error::custom)
    }

    fn finish(mut self) -> Result<()> {
        self.text.push(b']');
        let text = String::from_utf8(self.text).map_err(ser::Error::custom)?;
        let restore = self.restore;
        let name_len = restore.unwrap_or(self.flat.name.len());
        let name = &mut *self.flat.name;
        let result = Flat {
            table: self.flat.table,
            row: self.flat.row,
            name: &mut *name,
        }
        .put(Cell::Str(&text));
        name.truncate(name_len);
        result
    }
}

/// Implements serde's sequence-like serializer traits for `$ty`, whose `element` takes each
/// element and whose `finish` ends the sequence.
macro_rules! sequence_impls {
    ($ty:ident: $($trait:ident :: $method:ident),*) => {$(
        impl ser::$trait for $ty<'_> {
            type Ok = ();
            type Error = FlattenError;
            fn $method<T: ?Sized + Serialize>(&mut self, value: &T) -> std::result::Result<(), FlattenError> {
                self.element(value)
            }
            fn end(self) -> std::result::Result<(), FlattenError> {
                self.finish()
            }
        }
    )*};
}
pub(super) use sequence_impls;

sequence_impls!(JsonArray:
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

/// An object: each entry is flattened under `name_key`.
pub(crate) struct FlatMap<'a> {
    flat: Flat<'a>,
    /// The name's length for this object's entries.
    base: usize,
    /// The key of the entry whose value comes next.
    key: String,
    /// For a struct variant, the name's length before the variant was appended.
    restore: Option<usize>,
}

impl FlatMap<'_> {
    fn entry<T: ?Sized + Serialize>(&mut self, key: &str, value: &T) -> Result<()> {
        self.flat.name.truncate(self.base);
        self.flat.push_key(key);
        let result = value.serialize(self.flat.reborrow());
        self.flat.name.truncate(self.base);
        result
    }

    fn finish(self) -> Result<()> {
        if let Some(len) = self.restore {
            self.flat.name.truncate(len);
        }
        Ok(())
    }
}

impl ser::SerializeMap for FlatMap<'_> {
    type Ok = ();
    type Error = FlattenError;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<()> {
        self.key.clear();
        key.serialize(MapKey(&mut self.key))
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<()> {
        let key = std::mem::take(&mut self.key);
        let result = self.entry(&key, value);
        self.key = key;
        result
    }
    fn end(self) -> Result<()> {
        self.finish()
    }
}

impl ser::SerializeStruct for FlatMap<'_> {
    type Ok = ();
    type Error = FlattenError;
    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<()> {
        self.entry(key, value)
    }
    fn end(self) -> Result<()> {
        self.finish()
    }
}

impl ser::SerializeStructVariant for FlatMap<'_> {
    type Ok = ();
    type Error = FlattenError;
    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<()> {
        self.entry(key, value)
    }
    fn end(self) -> Result<()> {
        self.finish()
    }
}

/// A map key written as JSON writes it: strings as they are, numbers, booleans and characters as
/// text, unit variants by name.
struct MapKey<'a>(&'a mut String);

fn key_error() -> FlattenError {
    FlattenError("a map key must be a string, a number, a boolean or a character".to_string())
}

impl ser::Serializer for MapKey<'_> {
    type Ok = ();
    type Error = FlattenError;
    type SerializeSeq = Impossible<(), FlattenError>;
    type SerializeTuple = Impossible<(), FlattenError>;
    type SerializeTupleStruct = Impossible<(), FlattenError>;
    type SerializeTupleVariant = Impossible<(), FlattenError>;
    type SerializeMap = Impossible<(), FlattenError>;
    type SerializeStruct = Impossible<(), FlattenError>;
    type SerializeStructVariant = Impossible<(), FlattenError>;

    fn serialize_bool(self, v: bool) -> Result<()> {
        self.0.push_str(if v { "true" } else { "false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<()> {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<()> {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<()> {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<()> {
        use std::fmt::Write as _;
        let _ = write!(self.0, "{v}");
        Ok(())
    }
    fn serialize_i128(self, v: i128) -> Result<()> {
        use std::fmt::Write as _;
        let _ = write!(self.0, "{v}");
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result<()> {
        self.serialize_u64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<()> {
        self.serialize_u64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<()> {
        self.serialize_u64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<()> {
        use std::fmt::Write as _;
        let _ = write!(self.0, "{v}");
        Ok(())
    }
    fn serialize_u128(self, v: u128) -> Result<()> {
        use std::fmt::Write as _;
        let _ = write!(self.0, "{v}");
        Ok(())
    }
    fn serialize_f32(self, _v: f32) -> Result<()> {
        Err(key_error())
    }
    fn serialize_f64(self, _v: f64) -> Result<()> {
        Err(key_error())
    }
    fn serialize_char(self, v: char) -> Result<()> {
        self.0.push(v);
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<()> {
        self.0.push_str(v);
        Ok(())
    }
    fn serialize_bytes(self, _v: &[u8]) -> Result<()> {
        Err(key_error())
    }
    fn serialize_none(self) -> Result<()> {
        Err(key_error())
    }
    fn serialize_some<T: ?Sized + Serialize>(self, _value: &T) -> Result<()> {
        Err(key_error())
    }
    fn serialize_unit(self) -> Result<()> {
        Err(key_error())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<()> {
        Err(key_error())
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<()> {
        self.0.push_str(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<()> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<()> {
        Err(key_error())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq> {
        Err(key_error())
    }
    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple> {
        Err(key_error())
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct> {
        Err(key_error())
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant> {
        Err(key_error())
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap> {
        Err(key_error())
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Self::SerializeStruct> {
        Err(key_error())
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant> {
        Err(key_error())
    }
}
