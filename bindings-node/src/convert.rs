//! How each catalogue type arrives from JavaScript: one impl per type, so
//! the generated exports (`calls.rs`) never spell out a conversion.

use std::mem::MaybeUninit;
use std::{ptr, slice};

use napi::bindgen_prelude::{FromNapiValue, ToNapiValue};
use napi::check_status;
use napi::{sys, Env, JsUnknown, NapiRaw};
use rtctoken::catalogue::{BTreeMap, Rtm2Permissions, Service};
use rtctoken::{excerpt, ErrorKind, Stamp};
use serde::de::DeserializeOwned;

use crate::errors::{node_error, NodeError, NodeResult};

/// A catalogue parameter type as a native export receives it.
pub trait FromJs {
    /// What napi converts the JavaScript argument to first.
    type Js: FromNapiValue;
    /// What the export holds and hands to the core with `.pass()`: the
    /// type itself (through `rtctoken::catalogue::Param`), or [`Text`].
    type Held;
    /// The value; errors name the parameter `name`.
    fn from_js(env: &Env, js: Self::Js, name: &'static str) -> NodeResult<Self::Held>;
}

/// Room for the usual argument (IDs, certificates, channel names) on the stack.
const SHORT_TEXT: usize = 256;

/// A string argument: short ASCII stays in a stack buffer, so that an
/// export allocates nothing per argument; other text is owned.
#[allow(clippy::large_enum_variant)] // on the stack on purpose
pub enum Text {
    /// The first `len` bytes of `buf`, ASCII.
    Short {
        /// What napi wrote.
        buf: [MaybeUninit<u8>; SHORT_TEXT],
        /// How many bytes it wrote.
        len: usize,
    },
    /// Text too long for the buffer.
    Long(String),
}

impl Text {
    /// The text as the core takes it (what `Param::pass` is for the other types).
    pub fn pass(&self) -> &str {
        match self {
            // SAFETY: `from_js` wrote these `len` bytes, all ASCII.
            Text::Short { buf, len } => unsafe {
                std::str::from_utf8_unchecked(slice::from_raw_parts(buf.as_ptr().cast(), *len))
            },
            Text::Long(text) => text,
        }
    }
}

impl FromJs for String {
    type Js = JsUnknown;
    type Held = Text;
    /// Read as UTF-16, which V8 copies out of a one-byte string as is
    /// (its UTF-8 writer encodes character by character): ASCII, the usual
    /// case, is narrowed into a stack buffer with no allocation; anything
    /// else is decoded exactly, and half a surrogate pair is refused, since
    /// UTF-8 cannot hold it and a replacement would sign other text than
    /// the caller's.
    fn from_js(env: &Env, js: JsUnknown, name: &'static str) -> NodeResult<Text> {
        let mut units = [MaybeUninit::<u16>::uninit(); SHORT_TEXT];
        let units = utf16(env, &js, &mut units).ok_or_else(|| not_text(name))?;
        // napi keeps one unit for a NUL: text that fills the rest may be cut.
        if units.len() + 1 < SHORT_TEXT {
            // One pass that narrows and notes any unit past ASCII (it vectorises).
            let mut buf = [MaybeUninit::<u8>::uninit(); SHORT_TEXT];
            let mut seen = 0;
            for (b, &u) in buf.iter_mut().zip(units) {
                b.write(u as u8);
                seen |= u;
            }
            if seen < 0x80 {
                return Ok(Text::Short {
                    buf,
                    len: units.len(),
                });
            }
            return decode(units, name).map(Text::Long);
        }
        // Longer than the buffer: ask for the length, then read it all.
        let mut len = 0;
        // SAFETY: the handles come from napi for the call in progress; a
        // null buffer asks for the length only.
        let status = unsafe {
            sys::napi_get_value_string_utf16(env.raw(), js.raw(), ptr::null_mut(), 0, &mut len)
        };
        if status != sys::Status::napi_ok {
            return Err(not_text(name));
        }
        let mut all = vec![MaybeUninit::<u16>::uninit(); len + 1];
        let units = utf16(env, &js, &mut all).ok_or_else(|| not_text(name))?;
        decode(units, name).map(Text::Long)
    }
}

/// Never the value in the message: it may be a certificate.
fn not_text(name: &str) -> NodeError {
    node_error(
        ErrorKind::InvalidArgument,
        format!("{name} must be a string"),
    )
}

/// The string's UTF-16 units that fit in `buf` (`None` if `js` is no string).
fn utf16<'a>(env: &Env, js: &JsUnknown, buf: &'a mut [MaybeUninit<u16>]) -> Option<&'a [u16]> {
    let mut len = 0;
    // SAFETY: the handles come from napi for the call in progress; napi
    // writes at most `buf.len()` units into `buf` and reports `len` of them.
    let status = unsafe {
        sys::napi_get_value_string_utf16(
            env.raw(),
            js.raw(),
            buf.as_mut_ptr().cast(),
            buf.len(),
            &mut len,
        )
    };
    if status != sys::Status::napi_ok {
        return None;
    }
    // SAFETY: napi initialised these `len` units.
    let units = unsafe { slice::from_raw_parts(buf.as_ptr().cast::<u16>(), len) };
    Some(units)
}

/// UTF-16 as UTF-8, refusing half a surrogate pair.
fn decode(units: &[u16], name: &str) -> NodeResult<String> {
    char::decode_utf16(units.iter().copied())
        .collect::<Result<String, _>>()
        .map_err(|_| {
            node_error(
                ErrorKind::InvalidArgument,
                format!("{name} must be well-formed Unicode: it holds a lone UTF-16 surrogate, which UTF-8 cannot encode"),
            )
        })
}

/// What every generated export returns: a token, ASCII by construction
/// (prefixes, decimal, hex and base64), so it crosses as Latin-1, which V8
/// copies as is instead of decoding UTF-8.
pub struct TokenText(pub String);

impl ToNapiValue for TokenText {
    unsafe fn to_napi_value(env: sys::napi_env, token: Self) -> napi::Result<sys::napi_value> {
        if !token.0.is_ascii() {
            return String::to_napi_value(env, token.0);
        }
        let mut value = ptr::null_mut();
        check_status!(sys::napi_create_string_latin1(
            env,
            token.0.as_ptr().cast(),
            token.0.len(),
            &mut value
        ))?;
        Ok(value)
    }
}

/// An integer read as a double and checked: napi's own integer conversions
/// wrap -1 and drop fractions silently.
fn integer<T: TryFrom<i64>>(env: &Env, js: JsUnknown, name: &str, range: &str) -> NodeResult<T> {
    let mut n = f64::NAN;
    // SAFETY: the handles come from napi for the call in progress.
    let status = unsafe { sys::napi_get_value_double(env.raw(), js.raw(), &mut n) };
    let whole = n as i64; // saturating: NaN is 0, the infinities the i64 bounds
    match T::try_from(whole) {
        Ok(v) if status == sys::Status::napi_ok && whole as f64 == n => Ok(v),
        _ if status != sys::Status::napi_ok => Err(node_error(
            ErrorKind::InvalidArgument,
            format!("{name} must be an integer in {range}"),
        )),
        _ => Err(node_error(
            ErrorKind::InvalidArgument,
            format!("{name} must be an integer in {range}, got {n}"),
        )),
    }
}

macro_rules! as_integer {
    ($($t:ty: $range:literal),*) => {$(
        impl FromJs for $t {
            type Js = JsUnknown;
            type Held = $t;
            fn from_js(env: &Env, js: JsUnknown, name: &'static str) -> NodeResult<$t> {
                integer(env, js, name, $range)
            }
        }
    )*};
}
as_integer!(u32: "0..=4294967295", i16: "-32768..=32767");

/// The trailing `issueTs` and `salt` of a stamped call (unset = now / random).
pub fn stamp(env: &Env, issue_ts: Option<JsUnknown>, salt: Option<JsUnknown>) -> NodeResult<Stamp> {
    let read = |js: Option<JsUnknown>, name| js.map(|v| u32::from_js(env, v, name)).transpose();
    Ok(Stamp {
        issue_ts: read(issue_ts, "issue_ts")?,
        salt: read(salt, "salt")?,
    })
}

/// A value in the core's serde form (the vectors' JSON shape), read
/// straight from the JavaScript value.
fn serde_arg<T: DeserializeOwned>(env: &Env, js: JsUnknown, name: &str) -> NodeResult<T> {
    env.from_js_value(js).map_err(|e| {
        node_error(
            ErrorKind::InvalidArgument,
            format!(
                "{name} has the wrong shape: {}",
                quoted_as_excerpts(&e.reason)
            ),
        )
    })
}

/// A serde message with each `"quoted"` value cut to the core's excerpt:
/// serde quotes the offending string whole, and a string in the wrong
/// place (a privilege's expiry, a resource type) may be a pasted secret.
fn quoted_as_excerpts(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(open) = rest.find('"') {
        out.push_str(&rest[..open]);
        let body = &rest[open + 1..];
        // serde writes strings with `{:?}`: a quote inside is `\"`.
        let mut escaped = false;
        let close = body.char_indices().find_map(|(i, c)| {
            let end = c == '"' && !escaped;
            escaped = c == '\\' && !escaped;
            end.then_some(i)
        });
        let (value, after) = match close {
            Some(i) => (&body[..i], &body[i + 1..]),
            None => (body, ""),
        };
        out.push_str(&excerpt(value));
        rest = after;
    }
    out.push_str(rest);
    out
}

/// Types that cross in their serde form.
macro_rules! as_serde {
    ($($t:ty),*) => {$(
        impl FromJs for $t {
            type Js = JsUnknown;
            type Held = $t;
            fn from_js(env: &Env, js: JsUnknown, name: &'static str) -> NodeResult<$t> {
                serde_arg(env, js, name)
            }
        }
    )*};
}
as_serde!(Vec<Service>, Rtm2Permissions);

/// A privilege map `{ "1": expiry }`: JavaScript object keys are text.
impl FromJs for BTreeMap<u16, u32> {
    type Js = JsUnknown;
    type Held = Self;
    fn from_js(env: &Env, js: JsUnknown, name: &'static str) -> NodeResult<Self> {
        serde_arg::<BTreeMap<String, u32>>(env, js, name)?
            .into_iter()
            .map(|(k, v)| match k.parse::<u16>() {
                Ok(id) => Ok((id, v)),
                Err(_) => Err(node_error(
                    ErrorKind::InvalidArgument,
                    format!("{name} ids must be integers in 0..=65535, got {k:?}"),
                )),
            })
            .collect()
    }
}
