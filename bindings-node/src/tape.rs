//! Serde values to JavaScript as one string, the tape, that lib/tape.js
//! turns back into objects. napi-rs's serializer makes every property with
//! its own napi calls (a key string, a value, a store: about 0.15 µs each);
//! the tape crosses as one napi string and V8 builds the objects from
//! object literals, one per shape. Generic over the serde data model, so
//! every token format's serde form (and the inspection report) crosses
//! this way with no per-type code.
//!
//! A tape is UTF-16 code units: each value starts with its [`TapeOp`];
//! the u32s that follow (numbers, lengths, counts, shape ids) take two
//! units, high first. An object carries its shape id instead of its keys:
//! each thread keeps a table of the shapes it wrote, and the JavaScript on
//! that thread reads a new shape's keys once (`tapeShapes`). An object
//! whose keys the table does not keep (a full table, long keys) carries
//! them inline, after [`INLINE`].

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use foldhash::fast::FixedState;
use napi::bindgen_prelude::ToNapiValue;
use napi::{check_status, sys, Error};
use napi_derive::napi;
use serde::ser::{self, Serialize, Serializer};

/// What a tape value is; lib/tape.js reads the codes from this enum.
#[napi]
pub enum TapeOp {
    /// `null` (serde's none and unit).
    Null,
    /// `false`.
    False,
    /// `true`.
    True,
    /// A number in 0..=u32::MAX: two units.
    U32,
    /// Any other number: its f64 bits as four units, in native order.
    F64,
    /// A string: its length in units, then the units.
    Str,
    /// An array: its length, then the values.
    Seq,
    /// An object: its shape id (or [`INLINE`] and the keys as a `Seq` of
    /// `Str`), then the values in the keys' order. An enum variant with
    /// data is an object of one key, as in serde_json.
    Obj,
}

/// The shape id of an object that carries its keys.
#[napi]
pub const INLINE: u32 = u32::MAX;

/// Bounds on the shape table (at most about 2 MB per thread): a token's
/// map keys are its own data (a privilege id, say), so crafted tokens must
/// not grow the table forever.
const MAX_SHAPES: usize = 1024;
const MAX_SHAPE_UNITS: usize = 512;
/// Buffers up to this many units are kept for the next tape.
const KEEP_UNITS: usize = 1 << 16;

/// Every object shape seen: its keys (in tape form, each a `Str`) -> id.
#[derive(Default)]
struct Shapes {
    ids: HashMap<Vec<u16>, u32, FixedState>,
    keys: Vec<Vec<String>>,
}

thread_local! {
    /// One table per thread: a tape is written and read back on the
    /// thread of the JavaScript that called, so no lock is needed.
    static SHAPES: RefCell<Shapes> = RefCell::default();
    /// The last tape's buffers, reused (a tape then costs no allocation),
    /// unless they grew past [`KEEP_UNITS`].
    static BUFFERS: Cell<Writer> = Cell::default();
}

/// The keys of every shape from id `from` on (lib/tape.js asks when it
/// meets an id it has not seen).
#[napi]
pub fn tape_shapes(from: u32) -> Vec<Vec<String>> {
    SHAPES.with_borrow(|s| s.keys.get(from as usize..).unwrap_or_default().to_vec())
}

/// The id of the object whose keys are `keys`, or `None` when the table
/// keeps no such shape and has no room for it.
fn shape_id(keys: &[u16]) -> Option<u32> {
    SHAPES.with_borrow_mut(|shapes| {
        if let Some(&id) = shapes.ids.get(keys) {
            return Some(id);
        }
        if shapes.keys.len() >= MAX_SHAPES || keys.len() > MAX_SHAPE_UNITS {
            return None;
        }
        // Each key is a `Str` (op, two units of length, the units of a `&str`).
        let mut texts = Vec::new();
        let mut rest = keys;
        while let [_, hi, lo, after @ ..] = rest {
            let (key, after) = after.split_at(((*hi as usize) << 16) | *lo as usize);
            texts.push(String::from_utf16_lossy(key));
            rest = after;
        }
        let id = shapes.keys.len() as u32;
        shapes.keys.push(texts);
        shapes.ids.insert(keys.to_vec(), id);
        Some(id)
    })
}

/// A value that crosses as a tape.
pub struct Tape<T>(pub T);

impl<T: Serialize> ToNapiValue for Tape<T> {
    unsafe fn to_napi_value(env: sys::napi_env, value: Self) -> napi::Result<sys::napi_value> {
        written(&value.0, |units| {
            let mut string = std::ptr::null_mut();
            check_status!(sys::napi_create_string_utf16(
                env,
                units.as_ptr(),
                units.len(),
                &mut string
            ))?;
            Ok(string)
        })
    }
}

/// `then` of `value`'s tape, written into this thread's reused buffers.
pub fn written<T: Serialize, R>(value: &T, then: impl FnOnce(&[u16]) -> Result<R>) -> Result<R> {
    let mut w = BUFFERS.take();
    w.tape.clear();
    w.keys.clear();
    let result = value.serialize(&mut w).and_then(|()| then(&w.tape));
    if w.tape.capacity().max(w.keys.capacity()) <= KEEP_UNITS {
        BUFFERS.set(w);
    }
    result
}

type Result<T = ()> = std::result::Result<T, Error>;

#[derive(Default)]
struct Writer {
    /// What crosses.
    tape: Vec<u16>,
    /// The keys of the objects being written, innermost last.
    keys: Vec<u16>,
}

/// A u32 as the tape's two units.
fn halves(n: u32) -> [u16; 2] {
    [(n >> 16) as u16, n as u16]
}

/// `op` and the u32 `n` after it.
fn put(buf: &mut Vec<u16>, op: TapeOp, n: u32) {
    buf.push(op as u16);
    buf.extend(halves(n));
}

/// `s` as a `Str`.
fn put_str(buf: &mut Vec<u16>, s: &str) {
    if s.is_ascii() {
        // One reservation, and a copy that vectorises.
        put(buf, TapeOp::Str, s.len() as u32);
        buf.extend(s.bytes().map(u16::from));
    } else {
        put(buf, TapeOp::Str, 0);
        let at = buf.len();
        buf.extend(s.encode_utf16());
        let len = (buf.len() - at) as u32;
        buf[at - 2..at].copy_from_slice(&halves(len));
    }
}

impl Writer {
    fn number(&mut self, n: f64) -> Result {
        // `as` saturates (NaN to 0): equal only for a whole number in range; -0.0 stays an f64.
        if n as u32 as f64 == n && n.is_sign_positive() {
            put(&mut self.tape, TapeOp::U32, n as u32);
        } else {
            self.tape.push(TapeOp::F64 as u16);
            let bytes = n.to_ne_bytes();
            self.tape
                .extend(bytes.chunks(2).map(|b| u16::from_ne_bytes([b[0], b[1]])));
        }
        Ok(())
    }

    fn op(&mut self, op: TapeOp) -> Result {
        self.tape.push(op as u16);
        Ok(())
    }

    /// Opens an array or object (inside a one-key object for a variant):
    /// its op and a count or shape id to fill in when it closes.
    fn open(&mut self, op: TapeOp, variant: Option<&str>) -> Compound<'_> {
        let outer = variant.map(|v| {
            let outer = self.open_at(TapeOp::Obj);
            put_str(&mut self.keys, v);
            outer
        });
        let (at, keys) = self.open_at(op);
        Compound {
            w: self,
            at,
            keys,
            count: 0,
            outer,
        }
    }

    fn open_at(&mut self, op: TapeOp) -> (usize, usize) {
        put(&mut self.tape, op, 0);
        (self.tape.len() - 2, self.keys.len())
    }

    /// Fills in what `open_at` left: an array's count, an object's shape
    /// (or its keys, inline, when the table keeps no such shape).
    fn close(&mut self, (at, keys): (usize, usize), count: u32) {
        let n = if self.tape[at - 1] == TapeOp::Seq as u16 {
            count
        } else {
            let id = shape_id(&self.keys[keys..]).unwrap_or_else(|| {
                let mut inline = Vec::with_capacity(3 + self.keys.len() - keys);
                put(&mut inline, TapeOp::Seq, count);
                inline.extend_from_slice(&self.keys[keys..]);
                self.tape.splice(at + 2..at + 2, inline);
                INLINE
            });
            self.keys.truncate(keys);
            id
        };
        self.tape[at..at + 2].copy_from_slice(&halves(n));
    }
}

/// An array or object being written.
struct Compound<'a> {
    w: &'a mut Writer,
    /// Where its count or shape id goes.
    at: usize,
    /// Where its keys start in `Writer::keys`.
    keys: usize,
    count: u32,
    /// The one-key object around it (a variant's), closed with it.
    outer: Option<(usize, usize)>,
}

impl Compound<'_> {
    fn value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result {
        self.count += 1;
        value.serialize(&mut *self.w)
    }

    fn end(self) -> Result {
        self.w.close((self.at, self.keys), self.count);
        if let Some(outer) = self.outer {
            self.w.close(outer, 1);
        }
        Ok(())
    }

    /// A map key as text: a string as is, an integer in decimal (as serde_json).
    fn key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result {
        // Written where the keys go: the tape and key buffers swap places.
        let w = &mut *self.w;
        let at = w.keys.len();
        std::mem::swap(&mut w.tape, &mut w.keys);
        let written = key.serialize(&mut *w);
        std::mem::swap(&mut w.tape, &mut w.keys);
        written?;
        match w.keys[at..] {
            [op, ..] if op == TapeOp::Str as u16 => Ok(()),
            [op, hi, lo] if op == TapeOp::U32 as u16 => {
                w.keys.truncate(at);
                let n = (u32::from(hi) << 16) | u32::from(lo);
                put_str(&mut w.keys, itoa::Buffer::new().format(n));
                Ok(())
            }
            _ => Err(ser::Error::custom("a map key must be text or an integer")),
        }
    }
}

macro_rules! compound {
    ($($trait:ident :: $method:ident ($($key:ident),*)),*) => {$(
        impl ser::$trait for Compound<'_> {
            type Ok = ();
            type Error = Error;
            fn $method<T: ?Sized + Serialize>(&mut self, $($key: &'static str,)* value: &T) -> Result {
                $(self.key($key)?;)*
                self.value(value)
            }
            fn end(self) -> Result {
                Compound::end(self)
            }
        }
    )*};
}
compound!(
    SerializeSeq::serialize_element(),
    SerializeTuple::serialize_element(),
    SerializeTupleStruct::serialize_field(),
    SerializeTupleVariant::serialize_field(),
    SerializeStruct::serialize_field(key),
    SerializeStructVariant::serialize_field(key)
);

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result {
        self.key(key)
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result {
        self.value(value)
    }
    fn end(self) -> Result {
        Compound::end(self)
    }
}

/// Serializer methods that open an array or object (a variant's inside
/// a one-key object).
macro_rules! opens {
    ($($method:ident($($arg:ty),*) => $op:ident),*; variants: $($variant:ident => $vop:ident),*) => {
        $(fn $method(self, $(_: $arg),*) -> Result<Compound<'a>> {
            Ok(self.open(TapeOp::$op, None))
        })*
        $(fn $variant(self, _: &'static str, _: u32, v: &'static str, _: usize) -> Result<Compound<'a>> {
            Ok(self.open(TapeOp::$vop, Some(v)))
        })*
    };
}

macro_rules! numbers {
    ($($method:ident: $t:ty),*) => {$(
        fn $method(self, v: $t) -> Result {
            self.number(v as f64)
        }
    )*};
}

impl<'a> Serializer for &'a mut Writer {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    numbers!(serialize_u8: u8, serialize_u16: u16, serialize_u32: u32, serialize_u64: u64,
        serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64,
        serialize_f32: f32, serialize_f64: f64);

    fn serialize_bool(self, v: bool) -> Result {
        self.op(if v { TapeOp::True } else { TapeOp::False })
    }
    fn serialize_char(self, v: char) -> Result {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result {
        put_str(&mut self.tape, v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result {
        self.collect_seq(v)
    }
    fn serialize_none(self) -> Result {
        self.op(TapeOp::Null)
    }
    fn serialize_unit(self) -> Result {
        self.op(TapeOp::Null)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result {
        self.op(TapeOp::Null)
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result {
        self.serialize_str(variant)
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result {
        value.serialize(self)
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _: &'static str, value: &T) -> Result {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result {
        let mut object = self.open(TapeOp::Obj, None);
        object.key(variant)?;
        object.value(value)?;
        object.end()
    }
    opens!(serialize_seq(Option<usize>) => Seq, serialize_tuple(usize) => Seq,
        serialize_tuple_struct(&'static str, usize) => Seq, serialize_map(Option<usize>) => Obj,
        serialize_struct(&'static str, usize) => Obj;
        variants: serialize_tuple_variant => Seq, serialize_struct_variant => Obj);
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::Serialize;

    use super::*;

    fn tape(value: &impl Serialize) -> Vec<u16> {
        written(value, |units| Ok(units.to_vec())).unwrap()
    }

    fn text(s: &str) -> Vec<u16> {
        let units: Vec<u16> = s.encode_utf16().collect();
        [vec![TapeOp::Str as u16, 0, units.len() as u16], units].concat()
    }

    #[derive(Serialize)]
    enum Shape {
        Circle(u32),
        Square { side: i32 },
    }

    #[test]
    fn objects_carry_a_shape_id_and_their_values_in_order() {
        #[derive(Serialize)]
        struct Point {
            x: u32,
            label: &'static str,
        }
        let first = tape(&[Point { x: 7, label: "é" }, Point { x: 8, label: "b" }]);
        let id = |n: u16| [TapeOp::Obj as u16, 0, n];
        let mut expected = vec![TapeOp::Seq as u16, 0, 2];
        for (x, label) in [(7, "é"), (8, "b")] {
            expected.extend(id(0));
            expected.extend([TapeOp::U32 as u16, 0, x]);
            expected.extend(text(label));
        }
        assert_eq!(first, expected);
        assert_eq!(
            tape_shapes(0),
            vec![vec!["x".to_owned(), "label".to_owned()]]
        );
        // a map's integer keys as decimal text, a shape of its own
        let map = BTreeMap::from([(1u16, true), (70000u32 as u16, false)]);
        assert_eq!(&tape(&map)[..3], &id(1));
        assert_eq!(
            tape_shapes(1),
            vec![vec!["1".to_owned(), "4464".to_owned()]]
        );
        // externally tagged variants are one-key objects
        assert_eq!(tape(&Shape::Circle(3))[..3], id(2));
        assert_eq!(tape_shapes(2), vec![vec!["Circle".to_owned()]]);
        let square = tape(&Shape::Square { side: -2 });
        // (the inner object closes first, so its shape is learnt first)
        assert_eq!(square[..6], [id(4), id(3)].concat());
        assert_eq!(
            tape_shapes(3),
            vec![vec!["side".to_owned()], vec!["Square".to_owned()]]
        );
        // the same shapes again, now from the last tape's (no new ids)
        let points = [Point { x: 7, label: "é" }, Point { x: 8, label: "b" }];
        assert_eq!(tape(&points), first);
        assert_eq!(tape(&points), first);
        assert!(tape_shapes(5).is_empty());
    }

    #[test]
    fn numbers_outside_u32_cross_as_f64_bits() {
        for n in [-1.0, 0.5, -0.0, f64::from(u32::MAX) + 1.0] {
            let units = tape(&n);
            assert_eq!(units[0], TapeOp::F64 as u16);
            let bytes: Vec<u8> = units[1..].iter().flat_map(|u| u.to_ne_bytes()).collect();
            assert_eq!(
                f64::from_ne_bytes(bytes.try_into().unwrap()).to_bits(),
                n.to_bits()
            );
        }
        assert_eq!(tape(&u32::MAX), [TapeOp::U32 as u16, 0xffff, 0xffff]);
    }

    #[test]
    fn keys_the_table_does_not_keep_cross_inline() {
        let long = "k".repeat(MAX_SHAPE_UNITS);
        let units = tape(&BTreeMap::from([(long.as_str(), ())]));
        let mut expected = vec![TapeOp::Obj as u16, 0xffff, 0xffff, TapeOp::Seq as u16, 0, 1];
        expected.extend(text(&long));
        expected.push(TapeOp::Null as u16);
        assert_eq!(units, expected);
        assert!(tape_shapes(0).is_empty());
    }

    #[test]
    fn a_map_key_must_be_text_or_an_integer() {
        let map = BTreeMap::from([((1, 2), 3)]);
        let err = written(&map, |_| Ok(())).unwrap_err();
        assert_eq!(err.reason, "a map key must be text or an integer");
    }
}
