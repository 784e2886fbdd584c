//! Java object trees as serde data: `Map` → object (keys as text), any
//! other `Collection` → array, `String` → string, `Number` → integer,
//! `null` → null. Structured arguments (services, permissions, privilege
//! maps) thus cross in the core's own serde model, and serde reports what
//! does not fit.

use std::sync::OnceLock;

use jni::objects::{GlobalRef, JClass, JObject, JObjectArray, JString};
use jni::JNIEnv;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::convert::read as read_string;
use crate::failure::{invalid, Outcome};

/// The classes a value is told apart by, looked up once.
struct Classes {
    string: GlobalRef,
    number: GlobalRef,
    map: GlobalRef,
    collection: GlobalRef,
}

static CLASSES: OnceLock<Classes> = OnceLock::new();

fn classes(env: &mut JNIEnv) -> Outcome<&'static Classes> {
    if let Some(c) = CLASSES.get() {
        return Ok(c);
    }
    let mut global = |name: &str| -> Outcome<GlobalRef> {
        let class = env.find_class(name)?;
        Ok(env.new_global_ref(class)?)
    };
    let loaded = Classes {
        string: global("java/lang/String")?,
        number: global("java/lang/Number")?,
        map: global("java/util/Map")?,
        collection: global("java/util/Collection")?,
    };
    Ok(CLASSES.get_or_init(|| loaded))
}

fn is(env: &mut JNIEnv, obj: &JObject, class: &GlobalRef) -> Outcome<bool> {
    let class: &JClass = class.as_obj().into();
    Ok(env.is_instance_of(obj, class)?)
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
    let c = classes(env)?;
    if is(env, obj, &c.string)? {
        let s: &JString = obj.into();
        return Ok(Value::String(read_string(env, s, field)?));
    }
    if is(env, obj, &c.number)? {
        return Ok(Value::from(
            env.call_method(obj, "longValue", "()J", &[])?.j()?,
        ));
    }
    if is(env, obj, &c.map)? {
        let set = env
            .call_method(obj, "entrySet", "()Ljava/util/Set;", &[])?
            .l()?;
        let entries = to_array(env, &set)?;
        env.delete_local_ref(set)?;
        let mut map = Map::with_capacity(entries.len());
        for entry in entries {
            let k = env
                .call_method(&entry, "getKey", "()Ljava/lang/Object;", &[])?
                .l()?;
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
            let v = env
                .call_method(&entry, "getValue", "()Ljava/lang/Object;", &[])?
                .l()?;
            map.insert(key, value(env, &v, field)?);
            for local in [k, v, entry] {
                env.delete_local_ref(local)?;
            }
        }
        return Ok(Value::Object(map));
    }
    if is(env, obj, &c.collection)? {
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
    let array = env
        .call_method(collection, "toArray", "()[Ljava/lang/Object;", &[])?
        .l()?;
    let array = JObjectArray::from(array);
    let n = env.get_array_length(&array)?;
    let out = (0..n)
        .map(|i| env.get_object_array_element(&array, i))
        .collect::<Result<Vec<_>, _>>()?;
    env.delete_local_ref(array)?;
    Ok(out)
}
