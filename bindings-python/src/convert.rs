//! Python values into the catalogue's types: one [`FromPy`] impl per type,
//! and one [`Held`] impl saying how an export holds it until the core call.
//! Wrong Python types raise `TypeError`; integers are range-checked, never
//! wrapped; services and permissions cross as the core's serde form. No
//! token rule lives here.

use std::os::raw::c_char;

use pyo3::exceptions::PyTypeError;
use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyInt, PyMapping, PyString};
use rtctoken::catalogue::*;
use rtctoken::Stamp;
use serde::Deserialize;
use serde_json::{Map, Value};

use crate::errors::invalid_argument;

/// A value read from a Python argument `obj` (which it may borrow from);
/// `name` is the parameter's name, which every error message starts with.
pub trait FromPy<'a>: Sized {
    /// The value of `obj`, or the `TypeError`/`InvalidArgumentError` for it.
    fn from_py(obj: &'a Bound<'_, PyAny>, name: &str) -> PyResult<Self>;
}

/// How a generated export holds a catalogue type between conversion and
/// the core call: text borrowed from the Python `str` (the call's
/// arguments keep it alive, and a `str` never changes), so no copy is
/// made; everything else as the value itself.
pub trait Held: Param + Sized {
    /// The held form.
    type Held<'a>: FromPy<'a> + Send;
    /// The held value as the core function takes it.
    fn lend<'b>(held: &'b Self::Held<'_>) -> Self::Passed<'b>;
}

impl Held for String {
    type Held<'a> = &'a str;
    fn lend<'b>(held: &'b &str) -> &'b str {
        held
    }
}

macro_rules! held_as_is {
    ($($t:ty),*) => {$(
        impl Held for $t {
            type Held<'a> = $t;
            fn lend(held: &$t) -> <$t as Param>::Passed<'_> {
                held.pass()
            }
        }
    )*};
}
held_as_is!(u32, i16, Vec<Service>, Rtm2Permissions, BTreeMap<u16, u32>);

/// A catalogue default (`= 0`) as `arg` takes it: `Some(0)`, else `None`.
macro_rules! default {
    ($d:literal) => {
        Some($d)
    };
    () => {
        None
    };
}
pub(crate) use default;

/// A parameter of a generated export: the value given, else the
/// catalogue's default, else a `TypeError` (Python `None` is never a value).
pub fn arg<'a, T: FromPy<'a>>(
    obj: Option<&'a Bound<'_, PyAny>>,
    name: &str,
    default: Option<T>,
) -> PyResult<T> {
    match (obj, default) {
        (Some(o), _) if !o.is_none() => T::from_py(o, name),
        (_, Some(d)) => Ok(d),
        _ => Err(PyTypeError::new_err(format!(
            "{name} is required, got None"
        ))),
    }
}

/// The keyword-only `issue_ts=None, salt=None` of every stamped export.
pub fn stamp(
    issue_ts: Option<&Bound<'_, PyAny>>,
    salt: Option<&Bound<'_, PyAny>>,
) -> PyResult<Stamp> {
    Ok(Stamp {
        issue_ts: arg(issue_ts, "issue_ts", Some(None))?,
        salt: arg(salt, "salt", Some(None))?,
    })
}

fn type_error(obj: &Bound<'_, PyAny>, name: &str, expected: &str) -> PyErr {
    let got = obj
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_default();
    PyTypeError::new_err(format!("{name} must be {expected}, got {got}"))
}

extern "C" {
    /// In the stable ABI since 3.10 and exported by every CPython 3 before
    /// it, but declared by pyo3 only for abi3-py310 builds. It lends the
    /// UTF-8 the str object caches (an ASCII str's own bytes), where pyo3's
    /// abi3-py38 path first encodes a new bytes object: that copy was most
    /// of a str argument's cost.
    fn PyUnicode_AsUTF8AndSize(
        unicode: *mut ffi::PyObject,
        size: *mut ffi::Py_ssize_t,
    ) -> *const c_char;
}

impl<'a> FromPy<'a> for &'a str {
    fn from_py(obj: &'a Bound<'_, PyAny>, name: &str) -> PyResult<Self> {
        let s = obj
            .downcast::<PyString>()
            .map_err(|_| type_error(obj, name, "a str"))?;
        let mut len: ffi::Py_ssize_t = 0;
        // SAFETY: `s` is a live str; the returned buffer lives as long as it
        // (the borrow `'a` holds it) and holds `len` bytes of valid UTF-8 (or
        // is null with an exception set, e.g. for lone surrogates). A str is
        // immutable and its UTF-8 buffer, once made, is never changed or
        // freed before the str, so it may be read without the GIL.
        unsafe {
            let utf8 = PyUnicode_AsUTF8AndSize(s.as_ptr(), &mut len);
            if utf8.is_null() {
                // The pending UnicodeEncodeError names no argument: replace it.
                drop(PyErr::fetch(obj.py()));
                return Err(invalid_argument(
                    obj.py(),
                    format!("{name} must be Unicode text without lone surrogates (it has no UTF-8 form)"),
                ));
            }
            let bytes = std::slice::from_raw_parts(utf8.cast::<u8>(), len as usize);
            Ok(std::str::from_utf8_unchecked(bytes))
        }
    }
}

impl FromPy<'_> for String {
    fn from_py(obj: &Bound<'_, PyAny>, name: &str) -> PyResult<Self> {
        <&str>::from_py(obj, name).map(str::to_owned)
    }
}

/// An `int` (never a `bool`) in `T`'s range.
fn int<T: TryFrom<i64> + Into<i64> + Copy>(
    obj: &Bound<'_, PyAny>,
    name: &str,
    lo: T,
    hi: T,
) -> PyResult<T> {
    if obj.is_instance_of::<PyBool>() || !obj.is_instance_of::<PyInt>() {
        return Err(type_error(obj, name, "an int"));
    }
    let (lo, hi) = (lo.into(), hi.into());
    let outside =
        |v: String| invalid_argument(obj.py(), format!("{name} must be in {lo}..={hi}, got {v}"));
    // i64 holds every range checked here; a larger int's digits (maybe
    // thousands) are not quoted.
    let v: i64 = obj
        .extract()
        .map_err(|_| outside("an int beyond 64 bits".to_owned()))?;
    T::try_from(v).map_err(|_| outside(v.to_string()))
}

/// `None` where the parameter may be left out (the stamp).
impl<'a, T: FromPy<'a>> FromPy<'a> for Option<T> {
    fn from_py(obj: &'a Bound<'_, PyAny>, name: &str) -> PyResult<Self> {
        T::from_py(obj, name).map(Some)
    }
}

macro_rules! integers {
    ($($t:ty),*) => {$(
        impl FromPy<'_> for $t {
            fn from_py(obj: &Bound<'_, PyAny>, name: &str) -> PyResult<Self> {
                int(obj, name, <$t>::MIN, <$t>::MAX)
            }
        }
    )*};
}
integers!(u32, i16);

/// Collections cross as the core's serde form (the vectors' JSON shape);
/// dict keys may be ints or their decimal text.
macro_rules! serde_forms {
    ($($t:ty),*) => {$(
        impl FromPy<'_> for $t {
            fn from_py(obj: &Bound<'_, PyAny>, name: &str) -> PyResult<Self> {
                Self::deserialize(json(obj, name)?)
                    .map_err(|e| invalid_argument(obj.py(), format!("{name}: {}", serde_message(&e))))
            }
        }
    )*};
}
serde_forms!(Vec<Service>, Rtm2Permissions, BTreeMap<u16, u32>);

/// serde's complaint without the value it quotes (which may be huge, or a
/// secret in the wrong place): what went wrong and what was expected.
fn serde_message(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rsplit_once(", expected ") {
        Some((head, expected)) => {
            let what = head.split([':', '`', '"']).next().unwrap_or_default();
            format!("{}, expected {expected}", what.trim())
        }
        None if text.len() <= 80 => text,
        None => "is not in the form the core expects".to_owned(),
    }
}

/// A Python value as a serde data model value, dict keys as text (the
/// shape serde_json gives numeric map keys).
fn json(obj: &Bound<'_, PyAny>, name: &str) -> PyResult<Value> {
    if obj.is_instance_of::<PyString>() {
        return Ok(Value::String(String::from_py(obj, name)?));
    }
    if obj.is_instance_of::<PyBool>() {
        return Ok(Value::Bool(obj.extract()?));
    }
    if obj.is_instance_of::<PyInt>() {
        let n: i64 = obj.extract().map_err(|_| {
            invalid_argument(
                obj.py(),
                format!("{name} holds an int far outside any allowed range"),
            )
        })?;
        return Ok(Value::from(n));
    }
    if let Ok(map) = obj.downcast::<PyMapping>() {
        let mut out = Map::new();
        for item in map.items()?.iter() {
            let (k, v): (Bound<'_, PyAny>, Bound<'_, PyAny>) = item.extract()?;
            let key = match json(&k, name)? {
                Value::String(s) => s,
                Value::Number(n) if !k.is_instance_of::<PyBool>() => n.to_string(),
                _ => return Err(type_error(&k, name, "a mapping with int or str keys")),
            };
            out.insert(key, json(&v, name)?);
        }
        return Ok(Value::Object(out));
    }
    match obj.try_iter() {
        Ok(items) => Ok(Value::Array(
            items.map(|i| json(&i?, name)).collect::<PyResult<_>>()?,
        )),
        Err(_) => Err(type_error(
            obj,
            name,
            "made of str, int, list and dict values",
        )),
    }
}
