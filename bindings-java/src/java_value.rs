//! Java object trees as serde data: `Map` → object (keys as text), any
//! other `Collection` → array, `String` → string, `Number` → integer,
//! `null` → null. Structured arguments that cross as maps (RTM2
//! permissions, services given as maps) are thus read in the core's own
//! serde model, and serde reports what does not fit. Also the classes a
//! native tells its arguments apart by.

use std::sync::OnceLock;

use jni::objects::{GlobalRef, JMethodID, JObject, JObjectArray, JString, JValueOwned};
use jni::signature::{Primitive, ReturnType};
use jni::JNIEnv;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::convert::{jni_raw, read as read_string};
use crate::failure::{invalid, null, Outcome};

/// A class an argument is told apart by.
#[derive(Clone, Copy)]
pub(crate) enum Class {
    String,
    Number,
    Map,
    Collection,
}

/// Each [`Class`]'s JNI name.
const CLASSES: [&str; 4] = [
    "java/lang/String",
    "java/lang/Number",
    "java/util/Map",
    "java/util/Collection",
];

/// The classes and the methods a value is read through, looked up once.
pub(crate) struct Java {
    classes: Vec<GlobalRef>,
    entry_set: JMethodID,
    to_array: JMethodID,
    key: JMethodID,
    value: JMethodID,
    long_value: JMethodID,
}

static JAVA: OnceLock<Java> = OnceLock::new();

/// The classes and methods, looked up on first use.
pub(crate) fn java(env: &mut JNIEnv) -> Outcome<&'static Java> {
    if let Some(j) = JAVA.get() {
        return Ok(j);
    }
    let mut classes = Vec::with_capacity(CLASSES.len());
    for name in CLASSES {
        let class = env.find_class(name)?;
        classes.push(env.new_global_ref(class)?);
    }
    let object = "()Ljava/lang/Object;";
    let loaded = Java {
        entry_set: env.get_method_id(
            &classes[Class::Map as usize],
            "entrySet",
            "()Ljava/util/Set;",
        )?,
        to_array: env.get_method_id(
            &classes[Class::Collection as usize],
            "toArray",
            "()[Ljava/lang/Object;",
        )?,
        key: env.get_method_id("java/util/Map$Entry", "getKey", object)?,
        value: env.get_method_id("java/util/Map$Entry", "getValue", object)?,
        long_value: env.get_method_id(&classes[Class::Number as usize], "longValue", "()J")?,
        classes,
    };
    Ok(JAVA.get_or_init(|| loaded))
}

impl Java {
    /// Whether `obj` is an instance of `class`.
    pub(crate) fn is(&self, env: &mut JNIEnv, obj: &JObject, class: Class) -> Outcome<bool> {
        let class = self.classes[class as usize].as_obj().as_raw();
        // SAFETY: `obj` is a live reference and `class` a global reference
        // to a loaded class, so the call cannot throw (no exception check,
        // a JVM round trip of its own, is needed).
        Ok(unsafe { jni_raw!(env, IsInstanceOf, obj.as_raw(), class) } == jni::sys::JNI_TRUE)
    }
}

/// `obj.method()` for a method taking nothing.
fn call<'l>(
    env: &mut JNIEnv<'l>,
    obj: &JObject,
    method: JMethodID,
    ret: ReturnType,
) -> Outcome<JValueOwned<'l>> {
    // SAFETY: every method in `Java` takes no arguments and returns `ret`
    // (an object, or `long` for `longValue`), and `obj` is an instance of
    // the class it was looked up in.
    Ok(unsafe { env.call_method_unchecked(obj, method, ret, &[]) }?)
}

/// `value` as `T` through serde; errors name `field`.
pub(crate) fn from_value<T: DeserializeOwned>(value: Value, field: &'static str) -> Outcome<T> {
    serde_json::from_value(value).map_err(|e| invalid(field, format!("{field}: {e}")))
}

/// The tree under `obj`; a `null` argument itself is refused naming `field`.
pub(crate) fn read(env: &mut JNIEnv, obj: &JObject, field: &'static str) -> Outcome<Value> {
    if obj.is_null() {
        return Err(null(field));
    }
    value(env, obj, field)
}

fn value(env: &mut JNIEnv, obj: &JObject, field: &'static str) -> Outcome<Value> {
    if obj.is_null() {
        return Ok(Value::Null);
    }
    let j = java(env)?;
    if j.is(env, obj, Class::String)? {
        let s: &JString = obj.into();
        return Ok(Value::String(read_string(env, s, field)?));
    }
    if j.is(env, obj, Class::Number)? {
        return Ok(Value::from(
            call(
                env,
                obj,
                j.long_value,
                ReturnType::Primitive(Primitive::Long),
            )?
            .j()?,
        ));
    }
    if j.is(env, obj, Class::Map)? {
        let set = call(env, obj, j.entry_set, ReturnType::Object)?.l()?;
        let entries = to_array(env, &set)?;
        env.delete_local_ref(set)?;
        let mut map = Map::with_capacity(entries.len());
        for entry in entries {
            let k = call(env, &entry, j.key, ReturnType::Object)?.l()?;
            let key = match value(env, &k, field)? {
                Value::String(s) => s,
                Value::Number(n) => n.to_string(),
                _ => {
                    return Err(invalid(
                        field,
                        format!("{field}: a map key is not text or a number"),
                    ))
                }
            };
            let v = call(env, &entry, j.value, ReturnType::Object)?.l()?;
            map.insert(key, value(env, &v, field)?);
            for local in [k, v, entry] {
                env.delete_local_ref(local)?;
            }
        }
        return Ok(Value::Object(map));
    }
    if j.is(env, obj, Class::Collection)? {
        let items = to_array(env, obj)?;
        let mut array = Vec::with_capacity(items.len());
        for item in items {
            array.push(value(env, &item, field)?);
            env.delete_local_ref(item)?;
        }
        return Ok(Value::Array(array));
    }
    Err(invalid(
        field,
        format!("{field}: holds a value that is not a map, collection, string or number"),
    ))
}

/// The elements of a `java.util.Collection`, as local references.
fn to_array<'l>(env: &mut JNIEnv<'l>, collection: &JObject) -> Outcome<Vec<JObject<'l>>> {
    let to_array = java(env)?.to_array;
    let array = JObjectArray::from(call(env, collection, to_array, ReturnType::Array)?.l()?);
    let n = env.get_array_length(&array)?;
    let out = (0..n)
        .map(|i| env.get_object_array_element(&array, i))
        .collect::<Result<Vec<_>, _>>()?;
    env.delete_local_ref(array)?;
    Ok(out)
}
