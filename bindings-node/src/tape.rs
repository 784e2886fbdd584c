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
use napi::{check_status, sys};
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
    /// `Str`), then the values in the keys' order.
    Obj,
}

/// The shape id of an object that carries its keys.
#[napi]
pub const INLINE: u32 = u32::MAX;

/// Bounds on the shape table: a token's map keys are its own data (a
/// privilege id, say), so crafted tokens must not grow the table forever.
/// (At most about 3 MB per thread.)
const MAX_SHAPES: usize = 1024;
const MAX_SHAPE_UNITS: usize = 512;
/// Buffers up to this many units are kept for the next tape.
const KEEP_UNITS: usize = 1 << 16;

/// Every object shape seen: its keys (in tape form, each a `Str`) -> id.
#[derive(Default)]
struct Shapes {
    ids: HashMap<Vec<u16>, u32, FixedState>,
    keys: Vec<Vec<String>>,
    /// The last tape's objects' keys and ids, in closing order: the next
    /// tape's objects usually match them (checked without hashing).
    recent: Vec<(Vec<u16>, u32)>,
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
fn shape_id(keys: &[u16], nth: usize) -> Option<u32> {
    SHAPES.with_borrow_mut(|shapes| {
        if let Some((last, id)) = shapes.recent.get(nth) {
            if last.as_slice() == keys {
                return Some(*id);
            }
        }
        let id = shape_in(shapes, keys)?;
        shapes.recent.truncate(nth);
        shapes.recent.push((keys.to_vec(), id));
        Some(id)
    })
}

fn shape_in(shapes: &mut Shapes, keys: &[u16]) -> Option<u32> {
    if let Some(&id) = shapes.ids.get(keys) {
        return Some(id);
    }
    if shapes.keys.len() >= MAX_SHAPES || keys.len() > MAX_SHAPE_UNITS {
        return None;
    }
    let id = shapes.keys.len() as u32;
    shapes.keys.push(key_texts(keys));
    shapes.ids.insert(keys.to_vec(), id);
    Some(id)
}

/// Keys in tape form as text.
fn key_texts(mut keys: &[u16]) -> Vec<String> {
    let mut texts = Vec::new();
    while let [_, hi, lo, rest @ ..] = keys {
        let (key, after) = rest.split_at(((*hi as usize) << 16) | *lo as usize);
        texts.push(String::from_utf16_lossy(key)); // the units came from a `&str`
        keys = after;
    }
    texts
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
pub fn written<T: Serialize, R>(
    value: &T,
    then: impl FnOnce(&[u16]) -> napi::Result<R>,
) -> napi::Result<R> {
    let mut w = BUFFERS.take();
    w.tape.clear();
    w.keys.clear();
    w.closed = 0;
    let result = match value.serialize(&mut w) {
        Ok(()) => then(&w.tape),
        Err(e) => Err(napi::Error::from_reason(format!(
            "a result has no tape: {}",
            e.0
        ))),
    };
    if w.tape.capacity().max(w.keys.capacity()) <= KEEP_UNITS {
        BUFFERS.set(w);
    }
    result
}

/// Why a value has no tape (the only case: a map key that is no text or integer).
#[derive(Debug)]
pub struct TapeError(String);

impl std::fmt::Display for TapeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for TapeError {}

impl ser::Error for TapeError {
    fn custom<M: std::fmt::Display>(msg: M) -> Self {
        TapeError(msg.to_string())
    }
}

type Result<T = ()> = std::result::Result<T, TapeError>;

#[derive(Default)]
struct Writer {
    /// What crosses.
    tape: Vec<u16>,
    /// The keys of the objects being written, innermost last.
    keys: Vec<u16>,
    /// How many objects were closed.
    closed: usize,
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
    fn op(&mut self, op: TapeOp) {
        self.tape.push(op as u16);
    }

    fn number(&mut self, n: f64) {
        // `as` saturates (NaN to 0): equal only for a whole number in range; -0.0 stays an f64.
        if n as u32 as f64 == n && n.is_sign_positive() {
            put(&mut self.tape, TapeOp::U32, n as u32);
        } else {
            self.op(TapeOp::F64);
            let bytes = n.to_ne_bytes();
            self.tape
                .extend(bytes.chunks(2).map(|b| u16::from_ne_bytes([b[0], b[1]])));
        }
    }

    /// Opens an array or object: its op and a count (or shape) to fill in.
    fn open(&mut self, op: TapeOp) -> Open {
        put(&mut self.tape, op, 0);
        Open {
            at: self.tape.len() - 2,
            keys: self.keys.len(),
            count: 0,
            also: None,
        }
    }

    /// Closes what `open` opened: an array's count, an object's shape.
    fn close(&mut self, open: &Open) {
        let is_object = self.tape[open.at - 1] == TapeOp::Obj as u16;
        if !is_object {
            self.tape[open.at..open.at + 2].copy_from_slice(&halves(open.count));
            return;
        }
        let keys = &self.keys[open.keys..];
        self.closed += 1;
        let id = match shape_id(keys, self.closed - 1) {
            Some(id) => id,
            None => {
                // The keys go on the tape, as an array of strings.
                let mut inline = Vec::with_capacity(3 + keys.len());
                put(&mut inline, TapeOp::Seq, open.count);
                inline.extend_from_slice(keys);
                self.tape.splice(open.at + 2..open.at + 2, inline);
                INLINE
            }
        };
        self.tape[open.at..open.at + 2].copy_from_slice(&halves(id));
        self.keys.truncate(open.keys);
    }

    /// An object with the one key `variant` (serde's externally tagged enums).
    fn variant(&mut self, variant: &str) -> Open {
        let open = self.open(TapeOp::Obj);
        self.key(variant);
        Open { count: 1, ..open }
    }

    /// An array or object inside a one-key object (a tuple or struct variant).
    fn in_variant(&mut self, variant: &str, op: TapeOp) -> Open {
        let outer = self.variant(variant);
        let open = self.open(op);
        Open {
            also: Some(Box::new(outer)),
            ..open
        }
    }

    fn key(&mut self, key: &str) {
        put_str(&mut self.keys, key);
    }
}

/// An array or object being written.
struct Open {
    /// Where its count or shape id goes.
    at: usize,
    /// Where its keys start in `Writer::keys`.
    keys: usize,
    count: u32,
    /// The one-key object around it (a tuple or struct variant), closed with it.
    also: Option<Box<Open>>,
}

/// The writer with the array or object it is filling.
struct Compound<'a>(&'a mut Writer, Open);

impl<'a> Compound<'a> {
    fn element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result {
        self.1.count += 1;
        value.serialize(&mut *self.0)
    }

    fn end(self) -> Result {
        let Compound(w, open) = self;
        w.close(&open);
        if let Some(outer) = open.also {
            w.close(&outer);
        }
        Ok(())
    }

    /// A map key as text: a string as is, an integer in decimal (as serde_json).
    fn map_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result {
        // Written where the keys go: the tape and key buffers swap places.
        let w = &mut *self.0;
        let at = w.keys.len();
        std::mem::swap(&mut w.tape, &mut w.keys);
        let written = key.serialize(&mut *w);
        std::mem::swap(&mut w.tape, &mut w.keys);
        written?;
        match w.keys[at..] {
            [op, ..] if op == TapeOp::Str as u16 => {}
            [op, hi, lo] if op == TapeOp::U32 as u16 => {
                w.keys.truncate(at);
                w.key(itoa::Buffer::new().format((u32::from(hi) << 16) | u32::from(lo)));
            }
            _ => return Err(ser::Error::custom("a map key must be text or an integer")),
        }
        Ok(())
    }
}

macro_rules! numbers {
    ($($method:ident: $t:ty => $how:ident),*) => {$(
        fn $method(self, v: $t) -> Result {
            numbers!(@$how self v);
            Ok(())
        }
    )*};
    (@u32 $w:ident $v:ident) => { put(&mut $w.tape, TapeOp::U32, u32::from($v)) };
    (@f64 $w:ident $v:ident) => { $w.number($v as f64) };
}

macro_rules! compound {
    ($($trait:ident :: $method:ident ($($key:ident),*)),*) => {$(
        impl ser::$trait for Compound<'_> {
            type Ok = ();
            type Error = TapeError;
            fn $method<T: ?Sized + Serialize>(&mut self, $($key: &'static str,)* value: &T) -> Result {
                $(self.0.key($key);)*
                self.element(value)
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
    type Error = TapeError;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result {
        self.map_key(key)
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result {
        self.element(value)
    }
    fn end(self) -> Result {
        Compound::end(self)
    }
}

impl<'a> Serializer for &'a mut Writer {
    type Ok = ();
    type Error = TapeError;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    numbers!(serialize_u8: u8 => u32, serialize_u16: u16 => u32, serialize_u32: u32 => u32,
        serialize_i8: i8 => f64, serialize_i16: i16 => f64, serialize_i32: i32 => f64,
        serialize_i64: i64 => f64, serialize_u64: u64 => f64, serialize_f32: f32 => f64,
        serialize_f64: f64 => f64);

    fn serialize_bool(self, v: bool) -> Result {
        self.op(if v { TapeOp::True } else { TapeOp::False });
        Ok(())
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
        self.op(TapeOp::Null);
        Ok(())
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result {
        self.serialize_none()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result {
        self.serialize_str(variant)
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
        let open = self.variant(variant);
        value.serialize(&mut *self)?;
        self.close(&open);
        Ok(())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'a>> {
        let open = self.open(TapeOp::Seq);
        Ok(Compound(self, open))
    }
    fn serialize_tuple(self, _: usize) -> Result<Compound<'a>> {
        self.serialize_seq(None)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Compound<'a>> {
        self.serialize_seq(None)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a>> {
        let open = self.in_variant(variant, TapeOp::Seq);
        Ok(Compound(self, open))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'a>> {
        let open = self.open(TapeOp::Obj);
        Ok(Compound(self, open))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Compound<'a>> {
        self.serialize_map(None)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a>> {
        let open = self.in_variant(variant, TapeOp::Obj);
        Ok(Compound(self, open))
    }
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
        assert_eq!(
            err.reason,
            "a result has no tape: a map key must be text or an integer"
        );
    }
}
