//! Java object trees as serde data: `Map` → object (keys as text), any
//! other `Collection` → array, `String` → string, `Number` → integer,
//! `int[]` → object of (key, value) pairs read as unsigned 32-bit numbers
//! (privilege maps, without a boxed entry per privilege), `Object[]` →
//! object of alternating names and values (a service, read without a call
//! back into Java per entry), `null` → null.
//! Structured arguments (services, permissions, privilege maps) thus cross
//! in the core's own serde model, and serde reports what does not fit.

use std::sync::OnceLock;

use jni::objects::{
    GlobalRef, JClass, JIntArray, JMethodID, JObject, JObjectArray, JString, JValueOwned,
};
use jni::signature::{Primitive, ReturnType};
use jni::JNIEnv;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::convert::read as read_string;
use crate::failure::{invalid, Outcome};

/// The classes a value is told apart by and the methods it is read
/// through, looked up once.
struct Java {
    string: GlobalRef,
    number: GlobalRef,
    map: GlobalRef,
    collection: GlobalRef,
    pairs: GlobalRef,
    entries: GlobalRef,
    entry_set: JMethodID,
    to_array: JMethodID,
    key: JMethodID,
    value: JMethodID,
    long_value: JMethodID,
}

static JAVA: OnceLock<Java> = OnceLock::new();

fn java(env: &mut JNIEnv) -> Outcome<&'static Java> {
    if let Some(j) = JAVA.get() {
        return Ok(j);
    }
    let mut global = |name: &str| -> Outcome<GlobalRef> {
        let class = env.find_class(name)?;
        Ok(env.new_global_ref(class)?)
    };
    let (string, number, map) = (
        global("java/lang/String")?,
        global("java/lang/Number")?,
        global("java/util/Map")?,
    );
    let (collection, pairs) = (global("java/util/Collection")?, global("[I")?);
    let entries = global("[Ljava/lang/Object;")?;
    let object = "()Ljava/lang/Object;";
    let loaded = Java {
        entry_set: env.get_method_id(&map, "entrySet", "()Ljava/util/Set;")?,
        to_array: env.get_method_id(&collection, "toArray", "()[Ljava/lang/Object;")?,
        key: env.get_method_id("java/util/Map$Entry", "getKey", object)?,
        value: env.get_method_id("java/util/Map$Entry", "getValue", object)?,
        long_value: env.get_method_id(&number, "longValue", "()J")?,
        string,
        number,
        map,
        collection,
        pairs,
        entries,
    };
    Ok(JAVA.get_or_init(|| loaded))
}

fn is(env: &mut JNIEnv, obj: &JObject, class: &GlobalRef) -> Outcome<bool> {
    let class: &JClass = class.as_obj().into();
    Ok(env.is_instance_of(obj, class)?)
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
        return Err(invalid(field, format!("{field} must not be null")));
    }
    value(env, obj, field)
}

fn value(env: &mut JNIEnv, obj: &JObject, field: &'static str) -> Outcome<Value> {
    if obj.is_null() {
        return Ok(Value::Null);
    }
    let j = java(env)?;
    if is(env, obj, &j.string)? {
        let s: &JString = obj.into();
        return Ok(Value::String(read_string(env, s, field)?));
    }
    if is(env, obj, &j.pairs)? {
        let array: &JIntArray = obj.into();
        let mut pairs = vec![0; usize::try_from(env.get_array_length(array)?).unwrap_or(0)];
        env.get_int_array_region(array, 0, &mut pairs)?;
        if pairs.len() % 2 != 0 {
            return Err(invalid(
                field,
                format!("{field}: an int[] of pairs has an odd length"),
            ));
        }
        let unsigned = |v: i32| v as u32; // the bits Java holds in an int
        let map = pairs
            .chunks_exact(2)
            .map(|p| (unsigned(p[0]).to_string(), Value::from(unsigned(p[1]))));
        return Ok(Value::Object(map.collect()));
    }
    if is(env, obj, &j.entries)? {
        let array: &JObjectArray = obj.into();
        let n = env.get_array_length(array)?;
        if n % 2 != 0 {
            return Err(invalid(
                field,
                format!("{field}: an Object[] of names and values has an odd length"),
            ));
        }
        let mut map = Map::new();
        for i in (0..n).step_by(2) {
            let (k, v) = (
                env.get_object_array_element(array, i)?,
                env.get_object_array_element(array, i + 1)?,
            );
            let Value::String(key) = value(env, &k, field)? else {
                return Err(invalid(field, format!("{field}: a name is not text")));
            };
            map.insert(key, value(env, &v, field)?);
            for local in [k, v] {
                env.delete_local_ref(local)?;
            }
        }
        return Ok(Value::Object(map));
    }
    if is(env, obj, &j.number)? {
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
    if is(env, obj, &j.map)? {
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
    if is(env, obj, &j.collection)? {
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
        format!("{field}: holds a value that is not a map, collection, string, number or int[]"),
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
