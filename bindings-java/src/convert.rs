//! Java arguments to Rust values: one [`FromJava`] impl per catalogue
//! type (libsignal's `SimpleArgTypeInfo` shape), plus the stamp and the
//! few conversions the non-catalogue natives share.

use jni::objects::{JObject, JObjectArray, JString};
use jni::sys::{jlong, jshort, jstring};
use jni::JNIEnv;
use rtctoken::access_token2::ServiceType;
use rtctoken::catalogue::{BTreeMap, Rtm2Permissions, Service};
use rtctoken::Stamp;
use serde_json::Value;

use crate::failure::{invalid, Outcome};
use crate::java_value;

/// A catalogue type as a `Native` method parameter.
pub(crate) trait FromJava<'l>: Sized {
    /// The JNI type the parameter arrives as.
    type Java;
    /// Converts `value`; errors name `field` (the catalogue parameter).
    fn from_java(env: &mut JNIEnv<'l>, value: Self::Java, field: &'static str) -> Outcome<Self>;
}

impl<'l> FromJava<'l> for String {
    type Java = JString<'l>;
    fn from_java(env: &mut JNIEnv<'l>, value: JString<'l>, field: &'static str) -> Outcome<Self> {
        string(env, &value, field)
    }
}

/// Unsigned 32-bit values travel as `long`, so every value is checked.
impl<'l> FromJava<'l> for u32 {
    type Java = jlong;
    fn from_java(_env: &mut JNIEnv<'l>, value: jlong, field: &'static str) -> Outcome<Self> {
        u32_arg(value, field)
    }
}

impl<'l> FromJava<'l> for i16 {
    type Java = jshort;
    fn from_java(_env: &mut JNIEnv<'l>, value: jshort, _field: &'static str) -> Outcome<Self> {
        Ok(value)
    }
}

/// Structured arguments arrive as Java maps, lists, strings and numbers in
/// the core's serde shape.
macro_rules! by_serde {
    ($($t:ty),*) => {$(
        impl<'l> FromJava<'l> for $t {
            type Java = JObject<'l>;
            fn from_java(env: &mut JNIEnv<'l>, value: JObject<'l>, field: &'static str) -> Outcome<Self> {
                java_value::from_value(java_value::read(env, &value, field)?, field)
            }
        }
    )*};
}
by_serde!(Rtm2Permissions, BTreeMap<u16, u32>);

/// Services as their serde maps, except that Java service objects know
/// their numeric type id, which the core's table names here.
impl<'l> FromJava<'l> for Vec<Service> {
    type Java = JObject<'l>;
    fn from_java(env: &mut JNIEnv<'l>, value: JObject<'l>, field: &'static str) -> Outcome<Self> {
        let mut services = java_value::read(env, &value, field)?;
        for service in services.as_array_mut().into_iter().flatten() {
            if let Some(t) = service.get_mut("type").filter(|t| t.is_number()) {
                let known = t
                    .as_u64()
                    .and_then(|id| u16::try_from(id).ok())
                    .and_then(ServiceType::from_u16);
                let Some(service_type) = known else {
                    return Err(invalid(
                        field,
                        format!("{field}: no service type has id {t}"),
                    ));
                };
                *t = Value::from(service_type.name());
            }
        }
        java_value::from_value(services, field)
    }
}

/// The Java string `s` as UTF-8; `null` is refused naming `field`.
pub(crate) fn string(env: &mut JNIEnv, s: &JString, field: &'static str) -> Outcome<String> {
    if s.is_null() {
        return Err(invalid(field, format!("{field} must not be null")));
    }
    read(env, s, field)
}

/// The UTF-8 text of a non-null Java string. An unpaired surrogate is
/// refused: converting it would silently sign U+FFFD instead of the text
/// the caller gave (the C binding likewise refuses invalid UTF-8).
pub(crate) fn read(env: &mut JNIEnv, s: &JString, field: &'static str) -> Outcome<String> {
    // SAFETY: every `JString` here is a parameter that `Native.java` declares
    // as `String`, or an element of a `String[]` parameter, so the JVM has
    // already checked its class; `get_string` would check it again with a
    // class lookup on every call.
    let text = unsafe { env.get_string_unchecked(s) }?;
    if has_lone_surrogate(text.to_bytes()) {
        return Err(invalid(
            field,
            format!("{field} must be valid Unicode: it holds an unpaired UTF-16 surrogate"),
        ));
    }
    Ok(text.into())
}

/// Whether Java's modified UTF-8 `bytes` encode a surrogate without its
/// partner. There a surrogate is the 3-byte form `ED A0..AF xx` (high) or
/// `ED B0..BF xx` (low), and a valid pair is a high one followed at once by
/// a low one; 0xED is never a continuation byte, so a byte scan is exact.
fn has_lone_surrogate(bytes: &[u8]) -> bool {
    let at = |i: usize, second: std::ops::RangeInclusive<u8>| {
        bytes.get(i) == Some(&0xED) && bytes.get(i + 1).is_some_and(|b| second.contains(b))
    };
    let mut i = 0;
    while i < bytes.len() {
        if at(i, 0xA0..=0xAF) {
            if !at(i + 3, 0xB0..=0xBF) {
                return true;
            }
            i += 6;
        } else if at(i, 0xB0..=0xBF) {
            return true;
        } else {
            i += 1;
        }
    }
    false
}

/// Like [`string`] but `null` stays `None` (optional inputs).
pub(crate) fn optional_string(
    env: &mut JNIEnv,
    s: &JString,
    field: &'static str,
) -> Outcome<Option<String>> {
    if s.is_null() {
        return Ok(None);
    }
    read(env, s, field).map(Some)
}

/// Every element of a `String[]`; `null` array or element is refused.
pub(crate) fn strings(
    env: &mut JNIEnv,
    a: &JObjectArray,
    field: &'static str,
) -> Outcome<Vec<String>> {
    if a.is_null() {
        return Err(invalid(field, format!("{field} must not be null")));
    }
    let n = env.get_array_length(a)?;
    let mut out = Vec::with_capacity(usize::try_from(n).unwrap_or(0));
    for i in 0..n {
        let item = JString::from(env.get_object_array_element(a, i)?);
        out.push(string(env, &item, field)?);
        env.delete_local_ref(item)?;
    }
    Ok(out)
}

/// `v` as `u32`; Java callers pass unsigned ints widened to `long`, and
/// `long` overloads may pass anything, so the range is checked here.
pub(crate) fn u32_arg(v: jlong, field: &'static str) -> Outcome<u32> {
    u32::try_from(v)
        .map_err(|_| invalid(field, format!("{field} must be in 0..=4294967295, got {v}")))
}

/// The stamp for `issue_ts` and `salt`, where -1 means "now" / "random".
pub(crate) fn stamp(issue_ts: jlong, salt: jlong) -> Outcome<Stamp> {
    let pick = |v: jlong, field: &'static str| -> Outcome<Option<u32>> {
        if v == -1 {
            Ok(None)
        } else {
            u32_arg(v, field).map(Some)
        }
    };
    Ok(Stamp {
        issue_ts: pick(issue_ts, "issue_ts")?,
        salt: pick(salt, "salt")?,
    })
}

/// A new Java string for `s`, as the raw handle an export returns.
pub(crate) fn jstring_of(env: &mut JNIEnv, s: &str) -> Outcome<jstring> {
    Ok(env.new_string(s)?.into_raw())
}

/// A Java `null` string handle, returned alongside a pending exception.
pub(crate) fn null_string() -> jstring {
    JObject::null().into_raw()
}
