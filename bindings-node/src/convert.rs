//! How each catalogue type arrives from JavaScript: one impl per type, so
//! the generated exports (`calls.rs`) never spell out a conversion.

use napi::bindgen_prelude::FromNapiValue;
use napi::{Env, JsUnknown};
use rtctoken::catalogue::{BTreeMap, Rtm2Permissions, Service};
use rtctoken::ErrorKind;
use serde::de::DeserializeOwned;

use crate::errors::{node_error, NodeResult};

/// A catalogue parameter type as a native export receives it.
pub trait FromJs: Sized {
    /// What napi converts the JavaScript argument to first.
    type Js: FromNapiValue;
    /// The catalogue value; errors name the parameter `name`.
    fn from_js(env: &Env, js: Self::Js, name: &'static str) -> NodeResult<Self>;
}

/// Types napi already converts exactly (the JS layer range-checks numbers,
/// since napi's `uint32` would wrap -1).
macro_rules! as_napi {
    ($($t:ty),*) => {$(
        impl FromJs for $t {
            type Js = $t;
            fn from_js(_: &Env, js: $t, _: &'static str) -> NodeResult<$t> {
                Ok(js)
            }
        }
    )*};
}
as_napi!(String, u32);

impl FromJs for i16 {
    type Js = i32;
    fn from_js(_: &Env, js: i32, name: &'static str) -> NodeResult<i16> {
        i16::try_from(js).map_err(|_| {
            node_error(
                ErrorKind::InvalidArgument,
                format!("{name} must be in -32768..=32767, got {js}"),
            )
        })
    }
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
