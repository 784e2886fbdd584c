//! Java arguments to Rust values and results back: one [`FromJava`] impl
//! per parameter type (libsignal's `SimpleArgTypeInfo` shape: the catalogue
//! types and the few others the non-catalogue natives take) and one
//! [`IntoJava`] impl per result type, plus the raw JNI calls they share.

use std::mem::MaybeUninit;
use std::{ptr, slice};

use jni::objects::{JByteArray, JClass, JIntArray, JObject, JObjectArray, JString, JValue};
use jni::sys::{jbyteArray, jint, jlong, jlongArray, jshort};
use jni::JNIEnv;
use rtctoken::access_token2::ServiceType;
use rtctoken::catalogue::{BTreeMap, Rtm2Permissions, Service};
use serde_json::Value;

use crate::failure::{invalid, null, Outcome};
use crate::flat;
use crate::java_value;
use crate::texts::{Text, Texts, ROOM};

/// Calls the JNI function `$f` of `env` directly, without the `jni` crate's
/// exception check after it (a JVM round trip of its own): only for calls
/// that cannot throw. Unsafe: the caller vouches for the arguments.
macro_rules! jni_raw {
    ($env:expr, $f:ident $(, $arg:expr)*) => {{
        let raw = $env.get_raw();
        match (**raw).$f {
            Some(f) => f(raw $(, $arg)*),
            None => return Err(jni::errors::Error::JNIEnvMethodNotFound(stringify!($f)).into()),
        }
    }};
}
pub(crate) use jni_raw;

/// A native method parameter: a catalogue type, or one of the few others
/// the non-catalogue natives take.
pub(crate) trait FromJava<'l>: Sized {
    /// The JNI type the parameter arrives as.
    type Java;
    /// What the export holds and hands to the core with `.pass()`: the
    /// type itself (through `rtctoken::catalogue::Param`), or a [`Text`]
    /// borrowed from the call's [`Texts`].
    type Held<'t>;
    /// Converts `value`; a text takes its units from the call's texts;
    /// errors name `field` (the parameter).
    fn from_java<'t>(
        call: &mut Call<'l, '_, 't>,
        value: Self::Java,
        field: &'static str,
    ) -> Outcome<Self::Held<'t>>;
}

/// What a conversion works with: the JNI environment and the call's texts.
pub(crate) struct Call<'l, 'e, 't> {
    pub(crate) env: &'e mut JNIEnv<'l>,
    pub(crate) texts: Texts<'t>,
}

/// A native method result.
pub(crate) trait IntoJava {
    /// The JNI type it is returned as.
    type Java;
    /// What a failed call returns; the JVM ignores it, an exception being pending.
    const FAILED: Self::Java;
    /// Converts the result; text goes into `out`.
    fn into_java(self, env: &mut JNIEnv, out: &Out) -> Outcome<Self::Java>;
}

/// A text: its length in the call's [`Texts`]; `null` (-1) is refused.
impl<'l> FromJava<'l> for String {
    type Java = jint;
    type Held<'t> = Text<'t>;
    #[inline]
    fn from_java<'t>(
        call: &mut Call<'l, '_, 't>,
        len: jint,
        field: &'static str,
    ) -> Outcome<Text<'t>> {
        call.texts.take(len, field)?.ok_or_else(|| null(field))
    }
}

/// `null` (-1) is "not given".
impl<'l> FromJava<'l> for Option<String> {
    type Java = jint;
    type Held<'t> = Option<Text<'t>>;
    #[inline]
    fn from_java<'t>(
        call: &mut Call<'l, '_, 't>,
        len: jint,
        field: &'static str,
    ) -> Outcome<Option<Text<'t>>> {
        call.texts.take(len, field)
    }
}

/// A text that crosses as its own `java.lang.String`, read by the JVM
/// straight into the native's buffer and, when ASCII, narrowed into the
/// call's spare text room ([`Texts::direct`]): the one long text (a token)
/// of the non-catalogue natives, for which the thread's text buffer (a copy
/// in Java, a copy out) measured slower.
pub(crate) struct DirectText;

/// `null` is refused.
impl<'l> FromJava<'l> for DirectText {
    type Java = JString<'l>;
    type Held<'t> = Text<'t>;
    fn from_java<'t>(
        call: &mut Call<'l, '_, 't>,
        value: JString<'l>,
        field: &'static str,
    ) -> Outcome<Text<'t>> {
        if value.is_null() {
            return Err(null(field));
        }
        let mut room = Region::<u16, ROOM>::new();
        let units = units(call.env, &value, &mut room)?;
        call.texts.direct(units, field)
    }
}

/// `null` is "not given".
impl<'l> FromJava<'l> for Option<DirectText> {
    type Java = JString<'l>;
    type Held<'t> = Option<Text<'t>>;
    fn from_java<'t>(
        call: &mut Call<'l, '_, 't>,
        value: JString<'l>,
        field: &'static str,
    ) -> Outcome<Option<Text<'t>>> {
        if value.is_null() {
            return Ok(None);
        }
        DirectText::from_java(call, value, field).map(Some)
    }
}

/// A `String[]`, which crosses in the call's texts (the argument itself
/// `null`); a `null` array or element is refused.
impl<'l> FromJava<'l> for Vec<String> {
    type Java = JObjectArray<'l>;
    type Held<'t> = Vec<Text<'t>>;
    fn from_java<'t>(
        call: &mut Call<'l, '_, 't>,
        _: JObjectArray<'l>,
        field: &'static str,
    ) -> Outcome<Vec<Text<'t>>> {
        call.texts.array(field)?.ok_or_else(|| null(field))
    }
}

/// Unsigned 32-bit values travel as `long`, so every value is checked.
impl<'l> FromJava<'l> for u32 {
    type Java = jlong;
    type Held<'t> = Self;
    #[inline]
    fn from_java(_: &mut Call<'l, '_, '_>, value: jlong, field: &'static str) -> Outcome<Self> {
        u32::try_from(value).map_err(|_| {
            invalid(
                field,
                format!("{field} must be in 0..=4294967295, got {value}"),
            )
        })
    }
}

/// -1 is "not given" (a stamp's "now" / "random", inspect's clock).
impl<'l> FromJava<'l> for Option<u32> {
    type Java = jlong;
    type Held<'t> = Self;
    #[inline]
    fn from_java(call: &mut Call<'l, '_, '_>, value: jlong, field: &'static str) -> Outcome<Self> {
        match value {
            -1 => Ok(None),
            v => u32::from_java(call, v, field).map(Some),
        }
    }
}

impl<'l> FromJava<'l> for i16 {
    type Java = jshort;
    type Held<'t> = Self;
    #[inline]
    fn from_java(_: &mut Call<'l, '_, '_>, value: jshort, _: &'static str) -> Outcome<Self> {
        Ok(value)
    }
}

/// Where a native's result may go: the calling thread's reused buffer
/// (`Native.java` passes it to every native), and the `Native` class, which
/// takes a bigger one when a text does not fit.
pub(crate) struct Out<'a, 'l> {
    pub(crate) buffer: &'a JByteArray<'l>,
    /// The buffer's length, which Java knows without a JNI call.
    pub(crate) size: jint,
    pub(crate) class: &'a JClass<'l>,
}

/// Text goes back as its UTF-8 bytes (`Native.java` makes them a `String`:
/// for ASCII, every token, a plain copy in JIT-compiled code), written into
/// the thread's buffer ([`Out::write`]). A reused buffer is hot in cache:
/// an array `NewByteArray` had just zeroed in cold heap memory made the
/// next JNI call's state-transition fence wait for those stores (46 ns per
/// call after a 007 build).
impl IntoJava for String {
    type Java = jint;
    const FAILED: jint = 0;
    fn into_java(self, env: &mut JNIEnv, out: &Out) -> Outcome<jint> {
        out.write(env, self.as_bytes())
    }
}

impl Out<'_, '_> {
    /// Writes `data` into the thread's buffer and returns its length; data
    /// longer than the buffer goes into a new array that
    /// `Native.adopt` makes the thread's buffer, and minus its length is
    /// returned: all in the call, on the Java thread that made it.
    pub(crate) fn write(&self, env: &mut JNIEnv, data: &[u8]) -> Outcome<jint> {
        let len = i32::try_from(data.len())
            .map_err(|_| invalid("result", "longer than a Java array".to_owned()))?;
        if !self.buffer.is_null() && len <= self.size {
            // SAFETY: the buffer is a non-null byte[] (`Native.java` declares
            // it so) of `self.size` bytes, so the region written fits and
            // nothing can throw (a wrong size would throw, not write past it).
            unsafe {
                jni_raw!(
                    env,
                    SetByteArrayRegion,
                    self.buffer.as_raw(),
                    0,
                    len,
                    data.as_ptr().cast()
                );
            }
            return Ok(len);
        }
        // SAFETY: `bytes` returns a new local reference to a byte[].
        let bigger = unsafe { JObject::from_raw(bytes(env, data)?) };
        env.call_static_method(self.class, "adopt", "([B)V", &[JValue::Object(&bigger)])?;
        Ok(-len)
    }
}

impl IntoJava for i32 {
    type Java = jint;
    const FAILED: jint = -1;
    fn into_java(self, _: &mut JNIEnv, _: &Out) -> Outcome<jint> {
        Ok(self)
    }
}

impl IntoJava for Vec<i64> {
    type Java = jlongArray;
    const FAILED: jlongArray = ptr::null_mut();
    fn into_java(self, env: &mut JNIEnv, _: &Out) -> Outcome<jlongArray> {
        longs(env, &self)
    }
}

/// Structured arguments arrive as Java maps, lists, strings and numbers in
/// the core's serde shape.
macro_rules! by_serde {
    ($($t:ty),*) => {$(
        impl<'l> FromJava<'l> for $t {
            type Java = JObject<'l>;
            type Held<'t> = Self;
            fn from_java(call: &mut Call<'l, '_, '_>, value: JObject<'l>, field: &'static str) -> Outcome<Self> {
                java_value::from_value(java_value::read(call.env, &value, field)?, field)
            }
        }
    )*};
}
by_serde!(Rtm2Permissions);

/// A privilege map as the `int[]` of (id, expiry) pairs `Args.pairs` makes
/// (expiries as u32 bits), read in one copy rather than as serde data.
impl<'l> FromJava<'l> for BTreeMap<u16, u32> {
    type Java = JIntArray<'l>;
    type Held<'t> = Self;
    fn from_java(
        call: &mut Call<'l, '_, '_>,
        value: JIntArray<'l>,
        field: &'static str,
    ) -> Outcome<Self> {
        if value.is_null() {
            return Err(null(field));
        }
        let mut room = Region::<i32, 32>::new();
        let pairs = ints(call.env, &value, &mut room)?;
        if pairs.len() % 2 != 0 {
            return Err(invalid(
                field,
                format!("{field}: an int[] of pairs has an odd length"),
            ));
        }
        // Inserted one by one: `collect` would sort a vector of its own first.
        let mut map = BTreeMap::new();
        for p in pairs.chunks_exact(2) {
            let id = u16::try_from(p[0]).map_err(|_| {
                invalid(
                    field,
                    format!("{field}: privilege id {} is not in 0..=65535", p[0]),
                )
            })?;
            map.insert(id, p[1] as u32); // the bits Java holds in an int
        }
        Ok(map)
    }
}

/// Services in the flat form `AccessToken2.build` sends ([`flat`]), which
/// crosses in the call's texts (the argument itself `null`), or as Java
/// maps and lists in their serde shape, where a service's `type` may also
/// be its numeric id, which the core's table names here.
impl<'l> FromJava<'l> for Vec<Service> {
    type Java = JObject<'l>;
    type Held<'t> = Self;
    fn from_java(
        call: &mut Call<'l, '_, '_>,
        value: JObject<'l>,
        field: &'static str,
    ) -> Outcome<Self> {
        if value.is_null() {
            let form = call.texts.form(field)?.ok_or_else(|| null(field))?;
            return flat::services(form, field);
        }
        let mut services = java_value::read(call.env, &value, field)?;
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

/// Room for the elements a JNI call copies out of a Java string or array:
/// uninitialised (zeroing it cost more than the copy), on the stack for up
/// to `N` (the short texts and arrays every call takes), else on the heap.
pub(crate) struct Region<T, const N: usize> {
    stack: [MaybeUninit<T>; N],
    heap: Vec<T>,
}

impl<T, const N: usize> Region<T, N> {
    pub(crate) fn new() -> Self {
        Region {
            stack: [const { MaybeUninit::uninit() }; N],
            heap: Vec::new(),
        }
    }

    /// All the room there is for at least `len` elements.
    pub(crate) fn spare(&mut self, len: usize) -> &mut [MaybeUninit<T>] {
        if len <= N {
            &mut self.stack
        } else {
            self.heap.reserve_exact(len);
            self.heap.spare_capacity_mut()
        }
    }

    /// Room for `len` elements, to be written before they are read.
    pub(crate) fn room(&mut self, len: usize) -> *mut T {
        if len <= N {
            self.stack.as_mut_ptr().cast()
        } else {
            self.heap.reserve_exact(len);
            self.heap.as_mut_ptr()
        }
    }
}

/// The elements of a non-null `int[]`, copied into `region`.
pub(crate) fn ints<'r, const N: usize>(
    env: &mut JNIEnv,
    array: &JIntArray,
    region: &'r mut Region<i32, N>,
) -> Outcome<&'r [i32]> {
    // SAFETY: `array` is a non-null `int[]` (a native parameter declared so,
    // or checked by the caller) and the region is exactly its length, so
    // nothing can throw; the slice covers exactly the elements written.
    unsafe {
        let len = jni_raw!(env, GetArrayLength, array.as_raw());
        let n = usize::try_from(len).unwrap_or(0);
        let buf = region.room(n);
        jni_raw!(env, GetIntArrayRegion, array.as_raw(), 0, len, buf);
        Ok(slice::from_raw_parts(buf, n))
    }
}

/// The text of `s`; `null` is refused naming `field`. For the natives
/// outside `natives!` (the bench's core loop, the panic probe).
#[cfg(any(feature = "bench", feature = "panic-probe"))]
pub(crate) fn text(env: &mut JNIEnv, s: &JString, field: &'static str) -> Outcome<String> {
    if s.is_null() {
        return Err(null(field));
    }
    read(env, s, field)
}

/// The UTF-8 text of a non-null Java string, read as its UTF-16 units
/// ([`units`]) and [`decode`]d: measured faster than having the JVM
/// write modified UTF-8.
pub(crate) fn read(env: &mut JNIEnv, s: &JString, field: &'static str) -> Outcome<String> {
    decode(units(env, s, &mut Region::<u16, ROOM>::new())?, field)
}

/// The UTF-16 units of a non-null Java string, copied into `region`.
pub(crate) fn units<'r, const N: usize>(
    env: &mut JNIEnv,
    s: &JString,
    region: &'r mut Region<u16, N>,
) -> Outcome<&'r [u16]> {
    // SAFETY: `s` is a non-null local reference to a java.lang.String
    // (`Native.java` declares it so; an element of a `String[]`, a field
    // of that type or a value `java_value` checked), so neither call can
    // throw; the slice covers exactly the `len` units written.
    unsafe {
        let len = jni_raw!(env, GetStringLength, s.as_raw());
        let n = usize::try_from(len).unwrap_or(0);
        let buf = region.room(n);
        jni_raw!(env, GetStringRegion, s.as_raw(), 0, len, buf);
        Ok(slice::from_raw_parts(buf, n))
    }
}

/// UTF-16 units as UTF-8 text, narrowed in one pass when ASCII (every
/// token, app ID and most names). Otherwise the UTF-16 decode refuses an
/// unpaired surrogate: converting it would silently sign U+FFFD instead of
/// the text the caller gave (the C binding likewise refuses invalid UTF-8).
pub(crate) fn decode(units: &[u16], field: &'static str) -> Outcome<String> {
    let mut wide = 0;
    let narrow: Vec<u8> = units
        .iter()
        .map(|&u| {
            wide |= u;
            u as u8
        })
        .collect();
    let text = if wide < 0x80 {
        // SAFETY: every byte is below 0x80, so ASCII, so UTF-8.
        Some(unsafe { String::from_utf8_unchecked(narrow) })
    } else {
        String::from_utf16(units).ok()
    };
    text.ok_or_else(|| {
        invalid(
            field,
            format!("{field} must be valid Unicode: it holds an unpaired UTF-16 surrogate"),
        )
    })
}

/// A new Java primitive array of `items` (`bytes`, `longs`), as the raw
/// handle a native returns or passes on.
macro_rules! array_of {
    ($($name:ident: $t:ty => $java:ty, $new:ident, $set:ident;)*) => {$(
        pub(crate) fn $name(env: &mut JNIEnv, items: &[$t]) -> Outcome<$java> {
            let len = i32::try_from(items.len())
                .map_err(|_| invalid("result", "longer than a Java array".to_owned()))?;
            // SAFETY: the new array holds exactly the `len` items copied.
            unsafe {
                let array = jni_raw!(env, $new, len);
                if array.is_null() {
                    // An OutOfMemoryError is pending; the guard leaves it to surface.
                    return Err(jni::errors::Error::NullPtr(stringify!($new)).into());
                }
                jni_raw!(env, $set, array, 0, len, items.as_ptr().cast());
                Ok(array)
            }
        }
    )*};
}
array_of! {
    bytes: u8 => jbyteArray, NewByteArray, SetByteArrayRegion;
    longs: i64 => jlongArray, NewLongArray, SetLongArrayRegion;
}
