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

/// The UTF-8 text of a non-null Java string, read as its UTF-16 units
/// (no JVM-side allocation or modified-UTF-8 pass). An unpaired surrogate
/// is refused: converting it would silently sign U+FFFD instead of the text
/// the caller gave (the C binding likewise refuses invalid UTF-8).
pub(crate) fn read(env: &mut JNIEnv, s: &JString, field: &'static str) -> Outcome<String> {
    let raw = env.get_raw();
    let missing = jni::errors::Error::JNIEnvMethodNotFound;
    // SAFETY: `raw` is this thread's live JNIEnv and `s` a non-null local
    // reference to a java.lang.String (`Native.java` declares it so; an
    // element of a `String[]` or a value `java_value` checked); the buffer
    // holds exactly the `len` units GetStringRegion writes.
    let units = unsafe {
        let length = (**raw).GetStringLength.ok_or(missing("GetStringLength"))?;
        let region = (**raw).GetStringRegion.ok_or(missing("GetStringRegion"))?;
        let len = length(raw, s.as_raw());
        let mut units = vec![0u16; usize::try_from(len).unwrap_or(0)];
        region(raw, s.as_raw(), 0, len, units.as_mut_ptr());
        units
    };
    let text = if units.iter().all(|&u| u < 0x80) {
        // ASCII (every token, app ID and most names): a narrowing copy.
        String::from_utf8(units.iter().map(|&u| u as u8).collect()).ok()
    } else {
        String::from_utf16(&units).ok()
    };
    text.ok_or_else(|| {
        invalid(
            field,
            format!("{field} must be valid Unicode: it holds an unpaired UTF-16 surrogate"),
        )
    })
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

/// Like [`u32_arg`], but -1 (the `Native` convention for "not given")
/// stays `None`.
pub(crate) fn optional_u32(v: jlong, field: &'static str) -> Outcome<Option<u32>> {
    if v == -1 {
        Ok(None)
    } else {
        u32_arg(v, field).map(Some)
    }
}

/// The stamp for `issue_ts` and `salt`, where -1 means "now" / "random".
pub(crate) fn stamp(issue_ts: jlong, salt: jlong) -> Outcome<Stamp> {
    Ok(Stamp {
        issue_ts: optional_u32(issue_ts, "issue_ts")?,
        salt: optional_u32(salt, "salt")?,
    })
}

/// A new Java string for `s`, as the raw handle an export returns. ASCII
/// without NUL (every token) is valid modified UTF-8 as it is, so it goes to
/// `NewStringUTF` in place rather than through `jni`'s converted copy.
pub(crate) fn jstring_of(env: &mut JNIEnv, mut s: String) -> Outcome<jstring> {
    if !s.bytes().all(|b| (1..0x80).contains(&b)) {
        return Ok(env.new_string(&s)?.into_raw());
    }
    s.push('\0');
    let raw = env.get_raw();
    // SAFETY: `raw` is this thread's live JNIEnv and `s` a NUL-terminated
    // buffer that outlives the call.
    let j = unsafe {
        let new = (**raw)
            .NewStringUTF
            .ok_or(jni::errors::Error::JNIEnvMethodNotFound("NewStringUTF"))?;
        new(raw, s.as_ptr().cast())
    };
    if j.is_null() {
        // An OutOfMemoryError is pending; the guard leaves it to surface.
        return Err(jni::errors::Error::NullPtr("NewStringUTF").into());
    }
    Ok(j)
}

/// A Java `null` string handle, returned alongside a pending exception.
pub(crate) fn null_string() -> jstring {
    JObject::null().into_raw()
}
