//! How each catalogue type arrives from JavaScript: one impl per type, so
//! the generated exports (`calls.rs`) never spell out a conversion.

use napi::bindgen_prelude::FromNapiValue;
use napi::{Env, JsUnknown, NapiRaw};
use rtctoken::catalogue::{BTreeMap, Rtm2Permissions, Service};
use rtctoken::{ErrorKind, Stamp};
use serde::de::DeserializeOwned;

use crate::errors::{node_error, NodeResult};

/// A catalogue parameter type as a native export receives it.
pub trait FromJs: Sized {
    /// What napi converts the JavaScript argument to first.
    type Js: FromNapiValue;
    /// The catalogue value; errors name the parameter `name`.
    fn from_js(env: &Env, js: Self::Js, name: &'static str) -> NodeResult<Self>;
}

/// napi's own conversion to `T`, its error replaced by one that names the
/// parameter and the rule (never the value: it may be a certificate).
fn napi_arg<T: FromNapiValue>(env: &Env, js: JsUnknown, name: &str, rule: &str) -> NodeResult<T> {
    // SAFETY: both handles come from napi for the call in progress.
    unsafe { T::from_napi_value(env.raw(), js.raw()) }
        .map_err(|_| node_error(ErrorKind::InvalidArgument, format!("{name} must be {rule}")))
}

impl FromJs for String {
    type Js = JsUnknown;
    fn from_js(env: &Env, js: JsUnknown, name: &'static str) -> NodeResult<String> {
        napi_arg(env, js, name, "a string")
    }
}

/// An integer read as a double and checked: napi's own integer conversions
/// wrap -1 and drop fractions silently.
fn integer<T: TryFrom<i64>>(env: &Env, js: JsUnknown, name: &str, range: &str) -> NodeResult<T> {
    let n: f64 = napi_arg(env, js, name, &format!("an integer in {range}"))?;
    match T::try_from(n as i64) {
        Ok(v) if n.fract() == 0.0 => Ok(v),
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
            format!("{name} has the wrong shape: {}", e.reason),
        )
    })
}

/// Types that cross in their serde form.
macro_rules! as_serde {
    ($($t:ty),*) => {$(
        impl FromJs for $t {
            type Js = JsUnknown;
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
