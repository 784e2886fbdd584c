//! Results as JavaScript values straight from the core's serde form (the
//! parsed `Token`, the inspection report): one serializer for every type,
//! with no JSON text and no intermediate tree. An object's properties are
//! collected and defined in one napi call (`napi_define_properties`):
//! setting them one by one costs a V8 runtime store each, which is most of
//! the time of building a parsed token.

use std::fmt;
use std::ptr;

use napi::bindgen_prelude::FromNapiValue;
use napi::{sys, Env, JsUnknown};
use rtctoken::ErrorKind;
use serde::ser::{self, Impossible, Serialize};

use crate::errors::{node_error, NodeResult};

/// `value`'s serde form as a JavaScript value.
pub fn to_js(env: &Env, value: &impl Serialize) -> NodeResult<JsUnknown> {
    let host = Host(env.raw());
    let raw = value
        .serialize(&host)
        .map_err(|e| node_error(ErrorKind::Internal, format!("building the result: {e}")))?;
    // SAFETY: `raw` was made in this env during the call in progress.
    unsafe { JsUnknown::from_napi_value(env.raw(), raw) }
        .map_err(|e| node_error(ErrorKind::Internal, e.reason))
}

/// The serializer: the env values are created in.
struct Host(sys::napi_env);

/// Why a value could not be built (a napi status, or a serde shape the
/// core's types never use).
#[derive(Debug)]
pub struct HostError(String);

impl fmt::Display for HostError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
impl std::error::Error for HostError {}
impl ser::Error for HostError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        HostError(msg.to_string())
    }
}

type Value = sys::napi_value;
type Out = Result<Value, HostError>;

impl Host {
    /// Runs one napi call that fills a value.
    fn make(&self, what: &str, f: impl FnOnce(&mut Value) -> sys::napi_status) -> Out {
        let mut v = ptr::null_mut();
        match f(&mut v) {
            sys::Status::napi_ok => Ok(v),
            status => Err(HostError(format!(
                "napi failed to create {what} ({status})"
            ))),
        }
    }

    fn set(&self, status: sys::napi_status) -> Result<(), HostError> {
        match status {
            sys::Status::napi_ok => Ok(()),
            status => Err(HostError(format!(
                "napi failed to set a property ({status})"
            ))),
        }
    }

    fn unsupported(what: &str) -> Out {
        Err(HostError(format!("{what} has no JavaScript form here")))
    }
}

/// Serializer methods for plain values: one napi call on the value
/// (`napi`), or the value widened losslessly for another method (`as`).
macro_rules! scalars {
    ($($method:ident($t:ty) $how:ident $to:ident),*) => {$( scalars!(@$how $method, $t, $to); )*};
    (@napi $method:ident, $t:ty, $napi:ident) => {
        fn $method(self, v: $t) -> Out {
            // SAFETY: as for every call here (below).
            self.make(stringify!($t), |o| unsafe { sys::$napi(self.0, v, o) })
        }
    };
    (@as $method:ident, $t:ty, $to:ident) => {
        fn $method(self, v: $t) -> Out {
            self.$to(v.into())
        }
    };
}

/// `serialize_newtype_variant`, refused with `message` (no core type has one).
macro_rules! newtype_variant {
    ($ok:ty, $message:literal) => {
        fn serialize_newtype_variant<T: ?Sized + Serialize>(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: &T,
        ) -> Result<$ok, HostError> {
            Err(HostError($message.into()))
        }
    };
}

/// The enum variants with fields of their own, which no core type has.
macro_rules! variants {
    ($($method:ident -> $out:ident),*) => {$(
        fn $method(self, _: &'static str, _: u32, variant: &'static str, _: usize) -> Result<Self::$out, HostError> {
            Err(HostError(format!("variant {variant} has no JavaScript form here")))
        }
    )*};
}

// SAFETY (every `unsafe` below): `self.0` is the env of the napi call in
// progress, the values passed were created in it, and the pointers handed
// to napi are valid for the lengths given.
impl<'a> ser::Serializer for &'a Host {
    type Ok = Value;
    type Error = HostError;
    type SerializeSeq = Array<'a>;
    type SerializeTuple = Array<'a>;
    type SerializeTupleStruct = Array<'a>;
    type SerializeTupleVariant = Impossible<Value, HostError>;
    type SerializeMap = Object<'a>;
    type SerializeStruct = Object<'a>;
    type SerializeStructVariant = Impossible<Value, HostError>;

    variants!(
        serialize_tuple_variant -> SerializeTupleVariant,
        serialize_struct_variant -> SerializeStructVariant
    );
    scalars!(
        serialize_bool(bool) napi napi_get_boolean,
        serialize_i8(i8) as serialize_i32,
        serialize_i16(i16) as serialize_i32,
        serialize_i32(i32) napi napi_create_int32,
        serialize_i64(i64) napi napi_create_int64,
        serialize_u8(u8) as serialize_u32,
        serialize_u16(u16) as serialize_u32,
        serialize_u32(u32) napi napi_create_uint32,
        serialize_f32(f32) as serialize_f64,
        serialize_f64(f64) napi napi_create_double
    );
    fn serialize_u64(self, v: u64) -> Out {
        // A number, as JSON.parse reads one.
        self.serialize_f64(v as f64)
    }
    fn serialize_char(self, v: char) -> Out {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    /// ASCII (most of a token: IDs, decimal uids) as Latin-1, which V8
    /// copies as is instead of decoding UTF-8.
    fn serialize_str(self, v: &str) -> Out {
        self.make("a string", |o| unsafe {
            if v.is_ascii() {
                sys::napi_create_string_latin1(self.0, v.as_ptr().cast(), v.len(), o)
            } else {
                sys::napi_create_string_utf8(self.0, v.as_ptr().cast(), v.len(), o)
            }
        })
    }
    fn serialize_bytes(self, _: &[u8]) -> Out {
        Host::unsupported("bytes")
    }
    fn serialize_none(self) -> Out {
        self.make("null", |o| unsafe { sys::napi_get_null(self.0, o) })
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Out {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Out {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _: &'static str) -> Out {
        self.serialize_none()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Out {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _: &'static str, value: &T) -> Out {
        value.serialize(self)
    }
    newtype_variant!(
        Value,
        "an externally tagged enum has no JavaScript form here"
    );
    fn serialize_seq(self, len: Option<usize>) -> Result<Array<'a>, HostError> {
        let len = len.unwrap_or(0);
        let array = self.make("an array", |o| unsafe {
            sys::napi_create_array_with_length(self.0, len, o)
        })?;
        Ok(Array {
            host: self,
            array,
            next: 0,
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Array<'a>, HostError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Array<'a>, HostError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_map(self, len: Option<usize>) -> Result<Object<'a>, HostError> {
        let len = len.unwrap_or(4);
        Ok(Object {
            host: self,
            names: Vec::with_capacity(len * 12),
            values: Vec::with_capacity(len),
            last: 0,
        })
    }
    fn serialize_struct(self, _: &'static str, len: usize) -> Result<Object<'a>, HostError> {
        self.serialize_map(Some(len))
    }
}

/// An array being filled in order.
pub struct Array<'a> {
    host: &'a Host,
    array: Value,
    next: u32,
}

impl Array<'_> {
    fn push<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), HostError> {
        let v = value.serialize(self.host)?;
        // SAFETY: as for the serializer.
        self.host
            .set(unsafe { sys::napi_set_element(self.host.0, self.array, self.next, v) })?;
        self.next += 1;
        Ok(())
    }
}

macro_rules! array_impl {
    ($($trait:ident :: $method:ident),*) => {$(
        impl ser::$trait for Array<'_> {
            type Ok = Value;
            type Error = HostError;
            fn $method<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), HostError> {
                self.push(value)
            }
            fn end(self) -> Out {
                Ok(self.array)
            }
        }
    )*};
}
array_impl!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field
);

/// An object's properties until `end` defines them: the names as
/// NUL-terminated text one after another, each value with where its name
/// starts, and where the name written last starts.
pub struct Object<'a> {
    host: &'a Host,
    names: Vec<u8>,
    values: Vec<(usize, Value)>,
    last: usize,
}

impl Object<'_> {
    fn value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), HostError> {
        let v = value.serialize(self.host)?;
        self.values.push((self.last, v));
        Ok(())
    }

    fn name(&mut self, name: &str) {
        self.last = self.names.len();
        self.names.extend_from_slice(name.as_bytes());
        self.names.push(0);
    }

    fn define(self) -> Out {
        let host = self.host;
        let object = host.make("an object", |o| unsafe {
            sys::napi_create_object(host.0, o)
        })?;
        let properties: Vec<sys::napi_property_descriptor> = self
            .values
            .iter()
            .map(|&(start, value)| sys::napi_property_descriptor {
                utf8name: self.names[start..].as_ptr().cast(),
                name: ptr::null_mut(),
                method: None,
                getter: None,
                setter: None,
                value,
                // What a plain assignment makes.
                attributes: sys::PropertyAttributes::writable
                    | sys::PropertyAttributes::enumerable
                    | sys::PropertyAttributes::configurable,
                data: ptr::null_mut(),
            })
            .collect();
        // SAFETY: as for the serializer; every name is NUL-terminated in
        // `self.names`, which outlives the call.
        host.set(unsafe {
            sys::napi_define_properties(host.0, object, properties.len(), properties.as_ptr())
        })?;
        Ok(object)
    }
}

impl ser::SerializeMap for Object<'_> {
    type Ok = Value;
    type Error = HostError;
    /// A name, or a number such as a privilege id (JavaScript stores it as
    /// the same text).
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), HostError> {
        self.last = self.names.len();
        key.serialize(KeyText(&mut self.names))?;
        self.names.push(0);
        Ok(())
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), HostError> {
        self.value(value)
    }
    fn end(self) -> Out {
        self.define()
    }
}

impl ser::SerializeStruct for Object<'_> {
    type Ok = Value;
    type Error = HostError;
    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        name: &'static str,
        value: &T,
    ) -> Result<(), HostError> {
        self.name(name);
        self.value(value)
    }
    fn end(self) -> Out {
        self.define()
    }
}

/// A map key as text: a string, or an integer in decimal.
struct KeyText<'a>(&'a mut Vec<u8>);

macro_rules! key_integers {
    ($($method:ident: $t:ty),*) => {$(
        fn $method(self, v: $t) -> Result<(), HostError> {
            self.0.extend_from_slice(v.to_string().as_bytes());
            Ok(())
        }
    )*};
}

macro_rules! no_key {
    ($($method:ident($($arg:ty),*) -> $ok:ty),*) => {$(
        fn $method(self, $(_: $arg),*) -> Result<$ok, HostError> {
            Err(HostError("a map key must be text or an integer".into()))
        }
    )*};
}

impl ser::Serializer for KeyText<'_> {
    type Ok = ();
    type Error = HostError;
    type SerializeSeq = Impossible<(), HostError>;
    type SerializeTuple = Impossible<(), HostError>;
    type SerializeTupleStruct = Impossible<(), HostError>;
    type SerializeTupleVariant = Impossible<(), HostError>;
    type SerializeMap = Impossible<(), HostError>;
    type SerializeStruct = Impossible<(), HostError>;
    type SerializeStructVariant = Impossible<(), HostError>;

    fn serialize_str(self, v: &str) -> Result<(), HostError> {
        self.0.extend_from_slice(v.as_bytes());
        Ok(())
    }
    key_integers!(serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64,
        serialize_u8: u8, serialize_u16: u16, serialize_u32: u32, serialize_u64: u64);
    no_key!(serialize_bool(bool) -> (), serialize_f32(f32) -> (), serialize_f64(f64) -> (),
        serialize_char(char) -> (), serialize_bytes(&[u8]) -> (), serialize_none() -> (), serialize_unit() -> (),
        serialize_unit_struct(&'static str) -> (), serialize_unit_variant(&'static str, u32, &'static str) -> (),
        serialize_seq(Option<usize>) -> Self::SerializeSeq, serialize_tuple(usize) -> Self::SerializeTuple,
        serialize_tuple_struct(&'static str, usize) -> Self::SerializeTupleStruct,
        serialize_tuple_variant(&'static str, u32, &'static str, usize) -> Self::SerializeTupleVariant,
        serialize_map(Option<usize>) -> Self::SerializeMap,
        serialize_struct(&'static str, usize) -> Self::SerializeStruct,
        serialize_struct_variant(&'static str, u32, &'static str, usize) -> Self::SerializeStructVariant);
    fn serialize_some<T: ?Sized + Serialize>(self, _: &T) -> Result<(), HostError> {
        Err(HostError("a map key must be text or an integer".into()))
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        v: &T,
    ) -> Result<(), HostError> {
        v.serialize(self)
    }
    newtype_variant!((), "a map key must be text or an integer");
}
