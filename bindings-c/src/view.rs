//! The generic tree the parse accessors read: a token's serde form built
//! straight from the core's typed structs by a small serde serializer (no
//! JSON on the way), with text kept NUL-terminated for C.

use std::fmt;

use serde::ser::{self, Impossible, Serialize};

/// Text kept NUL-terminated for C, with its length (fields may hold NULs).
pub(crate) struct Text(Vec<u8>);

impl Text {
    pub(crate) fn new(s: &str) -> Self {
        let mut bytes = Vec::with_capacity(s.len() + 1);
        bytes.extend_from_slice(s.as_bytes());
        bytes.push(0);
        Text(bytes)
    }

    pub(crate) fn ptr(&self) -> *const std::ffi::c_char {
        self.0.as_ptr().cast()
    }

    pub(crate) fn len(&self) -> usize {
        self.0.len() - 1
    }

    pub(crate) fn as_str(&self) -> &str {
        std::str::from_utf8(self.bytes()).unwrap_or_default()
    }

    fn bytes(&self) -> &[u8] {
        &self.0[..self.len()]
    }
}

/// One value of a serde form, held in C-friendly shape.
pub(crate) enum Node {
    Number(i64),
    Text(Text),
    List(Vec<Node>),
    /// A map keyed by id (privileges, v5 extra, RTM2 permissions), in
    /// ascending id order.
    Ids(Vec<(u16, Node)>),
    /// A struct (or a map keyed by text), by field name.
    Fields(Vec<(Text, Node)>),
    /// Anything C has no accessor for.
    Other,
}

impl Node {
    /// The serde form of `value`.
    pub(crate) fn of(value: &impl Serialize) -> Node {
        value.serialize(ToNode).unwrap_or(Node::Other)
    }

    /// The field `name` of a struct.
    pub(crate) fn field(&self, name: &str) -> Option<&Node> {
        match self {
            Node::Fields(fields) => fields
                .iter()
                .find(|(n, _)| n.bytes() == name.as_bytes())
                .map(|(_, v)| v),
            _ => None,
        }
    }

    pub(crate) fn list(&self) -> &[Node] {
        match self {
            Node::List(items) => items,
            _ => &[],
        }
    }

    pub(crate) fn ids(&self) -> &[(u16, Node)] {
        match self {
            Node::Ids(ids) => ids,
            _ => &[],
        }
    }

    pub(crate) fn number(&self) -> Option<i64> {
        match self {
            Node::Number(n) => Some(*n),
            _ => None,
        }
    }

    pub(crate) fn text(&self) -> Option<&Text> {
        match self {
            Node::Text(t) => Some(t),
            _ => None,
        }
    }

    /// The entries of the id map `name` (empty when absent).
    pub(crate) fn ids_of(&self, name: &str) -> &[(u16, Node)] {
        self.field(name).map_or(&[], Node::ids)
    }
}

/// Never raised by the core's types; serde needs an error type.
#[derive(Debug)]
pub(crate) struct Unrepresentable(String);

impl fmt::Display for Unrepresentable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Unrepresentable {}

impl ser::Error for Unrepresentable {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Unrepresentable(msg.to_string())
    }
}

/// The serializer: numbers, text, sequences and maps become nodes; what C
/// cannot read (floats, bytes, unit) becomes [`Node::Other`].
struct ToNode;

type R = Result<Node, Unrepresentable>;

macro_rules! numbers {
    ($($f:ident: $t:ty),*) => {$(
        fn $f(self, v: $t) -> R {
            Ok(i64::try_from(v).map_or(Node::Other, Node::Number))
        }
    )*};
}

macro_rules! other {
    ($($f:ident $(: $t:ty)?),*) => {$(
        fn $f(self $(, _: $t)?) -> R {
            Ok(Node::Other)
        }
    )*};
}

impl ser::Serializer for ToNode {
    type Ok = Node;
    type Error = Unrepresentable;
    type SerializeSeq = Seq;
    type SerializeTuple = Impossible<Node, Unrepresentable>;
    type SerializeTupleStruct = Impossible<Node, Unrepresentable>;
    type SerializeTupleVariant = Impossible<Node, Unrepresentable>;
    type SerializeMap = Map;
    type SerializeStruct = Map;
    type SerializeStructVariant = Impossible<Node, Unrepresentable>;

    numbers!(serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64,
        serialize_u8: u8, serialize_u16: u16, serialize_u32: u32, serialize_u64: u64);
    other!(serialize_bool: bool, serialize_f32: f32, serialize_f64: f64, serialize_char: char,
        serialize_bytes: &[u8], serialize_none, serialize_unit);

    fn serialize_str(self, v: &str) -> R {
        Ok(Node::Text(Text::new(v)))
    }
    fn serialize_some<T: ?Sized + Serialize>(self, v: &T) -> R {
        v.serialize(self)
    }
    fn serialize_unit_struct(self, _: &'static str) -> R {
        Ok(Node::Other)
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> R {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _: &'static str, v: &T) -> R {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> R {
        Ok(Node::Other)
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Seq, Unrepresentable> {
        Ok(Seq(Vec::with_capacity(len.unwrap_or(0))))
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Unrepresentable> {
        Err(ser::Error::custom("the core's types have no tuples"))
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Unrepresentable> {
        Err(ser::Error::custom("the core's types have no tuples"))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Unrepresentable> {
        Err(ser::Error::custom("the core's types have no tuples"))
    }
    fn serialize_map(self, len: Option<usize>) -> Result<Map, Unrepresentable> {
        Ok(Map(Vec::with_capacity(len.unwrap_or(0)), None))
    }
    fn serialize_struct(self, _: &'static str, len: usize) -> Result<Map, Unrepresentable> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Unrepresentable> {
        Err(ser::Error::custom("the core's enums are internally tagged"))
    }
}

struct Seq(Vec<Node>);

impl ser::SerializeSeq for Seq {
    type Ok = Node;
    type Error = Unrepresentable;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, v: &T) -> Result<(), Unrepresentable> {
        self.0.push(v.serialize(ToNode)?);
        Ok(())
    }
    fn end(self) -> R {
        Ok(Node::List(self.0))
    }
}

/// Entries as (key, value) nodes, and a key waiting for its value.
struct Map(Vec<(Node, Node)>, Option<Node>);

impl Map {
    /// Ids when every key is a number (sorted), else fields by name.
    fn finish(self) -> R {
        let all_ids = self.0.iter().all(|(k, _)| matches!(k, Node::Number(_)));
        Ok(if all_ids && !self.0.is_empty() {
            let mut ids: Vec<_> = self
                .0
                .into_iter()
                .filter_map(|(k, v)| Some((u16::try_from(k.number()?).ok()?, v)))
                .collect();
            ids.sort_by_key(|(id, _)| *id);
            Node::Ids(ids)
        } else {
            let name = |k: Node| match k {
                Node::Text(t) => t,
                _ => Text::new(""),
            };
            Node::Fields(self.0.into_iter().map(|(k, v)| (name(k), v)).collect())
        })
    }
}

impl ser::SerializeMap for Map {
    type Ok = Node;
    type Error = Unrepresentable;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, k: &T) -> Result<(), Unrepresentable> {
        self.1 = Some(k.serialize(ToNode)?);
        Ok(())
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, v: &T) -> Result<(), Unrepresentable> {
        let key = self.1.take().unwrap_or(Node::Other);
        self.0.push((key, v.serialize(ToNode)?));
        Ok(())
    }
    fn end(self) -> R {
        self.finish()
    }
}

impl ser::SerializeStruct for Map {
    type Ok = Node;
    type Error = Unrepresentable;
    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        v: &T,
    ) -> Result<(), Unrepresentable> {
        self.0
            .push((Node::Text(Text::new(key)), v.serialize(ToNode)?));
        Ok(())
    }
    fn end(self) -> R {
        self.finish()
    }
}
