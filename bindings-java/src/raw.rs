//! Exports for the raw 006 `AccessToken` and 007 `AccessToken2` classes:
//! building from their fields and filling them from a parsed token.

use std::collections::BTreeMap;

use jni::objects::{JClass, JLongArray, JObject, JShortArray, JString, JValue};
use jni::sys::{jboolean, jlong, jstring, JNI_FALSE, JNI_TRUE};
use jni::JNIEnv;
use rtctoken::access_token2::{Rtm2Permissions, Service, ServiceFields, ServiceType};
use rtctoken::{access_token, access_token2, parse, Token};
use serde_json::Value;

use crate::args::{jstring_of, null_string, stamp, string, u32_arg};
use crate::failure::{guard, invalid, Failure, Outcome};

/// Privilege ids and their expiries from two parallel Java arrays.
fn privileges(
    env: &mut JNIEnv,
    ids: &JShortArray,
    expires: &JLongArray,
) -> Outcome<BTreeMap<u16, u32>> {
    if ids.is_null() || expires.is_null() {
        return Err(invalid("privileges must not be null".to_owned()));
    }
    let n = env.get_array_length(ids)?;
    if env.get_array_length(expires)? != n {
        return Err(invalid(
            "privileges: ids and expiries differ in length".to_owned(),
        ));
    }
    let len = usize::try_from(n).unwrap_or(0);
    let mut id_buf = vec![0i16; len];
    let mut exp_buf = vec![0i64; len];
    env.get_short_array_region(ids, 0, &mut id_buf)?;
    env.get_long_array_region(expires, 0, &mut exp_buf)?;
    id_buf
        .iter()
        .zip(&exp_buf)
        .map(|(id, exp)| Ok((*id as u16, u32_arg(*exp, "privilege expire")?)))
        .collect()
}

/// `Native.accessToken006`: a raw 006 token from `AccessToken`'s fields.
#[no_mangle]
#[allow(clippy::too_many_arguments)] // one parameter per Java argument
pub extern "system" fn Java_io_rtctoken_internal_Native_accessToken006<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    app_id: JString<'l>,
    app_certificate: JString<'l>,
    channel_name: JString<'l>,
    uid: JString<'l>,
    salt: jlong,
    ts: jlong,
    privilege_ids: JShortArray<'l>,
    privilege_expires: JLongArray<'l>,
) -> jstring {
    guard(&mut env, null_string(), |env| {
        let p = privileges(env, &privilege_ids, &privilege_expires)?;
        let token = access_token::build(
            &string(env, &app_id, "app_id")?,
            &string(env, &app_certificate, "app_certificate")?,
            &string(env, &channel_name, "channel_name")?,
            &string(env, &uid, "uid")?,
            u32_arg(salt, "salt")?,
            u32_arg(ts, "ts")?,
            &p,
        )?;
        jstring_of(env, &token)
    })
}

/// `Native.accessToken2`: a raw 007 token; `services_json` is a JSON array
/// of services in the vectors' shape (`privileges`, own fields) but with
/// the numeric type id as `type`.
#[no_mangle]
pub extern "system" fn Java_io_rtctoken_internal_Native_accessToken2<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    app_id: JString<'l>,
    app_certificate: JString<'l>,
    expire: jlong,
    issue_ts: jlong,
    salt: jlong,
    services_json: JString<'l>,
) -> jstring {
    guard(&mut env, null_string(), |env| {
        let services = services_from_json(&string(env, &services_json, "services")?)?;
        let token = access_token2::build(
            &string(env, &app_id, "app_id")?,
            &string(env, &app_certificate, "app_certificate")?,
            u32_arg(expire, "expire")?,
            &services,
            stamp(issue_ts, salt)?,
        )?;
        jstring_of(env, &token)
    })
}

fn json_error(what: &str) -> Failure {
    // The JSON comes from this package's own Java code; a bad shape is a bug.
    Failure::Token(rtctoken::Error::new(
        rtctoken::ErrorKind::Internal,
        format!("services JSON from the Java side is malformed: {what}"),
    ))
}

fn json_u16(key: &str) -> Outcome<u16> {
    key.parse()
        .map_err(|_| json_error("a key is not a 16-bit number"))
}

/// `{type: {permission: [resources]}}` as RTM2 permissions.
pub(crate) fn permissions_from_json(text: &str) -> Outcome<Rtm2Permissions> {
    let v: Value = serde_json::from_str(text).map_err(|_| json_error("not JSON"))?;
    permissions_from_value(&v)
}

fn permissions_from_value(v: &Value) -> Outcome<Rtm2Permissions> {
    let mut p = Rtm2Permissions::new();
    for (t, perms) in v.as_object().ok_or_else(|| json_error("permissions"))? {
        for (perm, resources) in perms
            .as_object()
            .ok_or_else(|| json_error("permission map"))?
        {
            let list = p.entry(json_u16(t)?, json_u16(perm)?);
            for r in resources
                .as_array()
                .ok_or_else(|| json_error("resources"))?
            {
                list.push(r.as_str().ok_or_else(|| json_error("resource"))?.to_owned());
            }
        }
    }
    Ok(p)
}

fn services_from_json(text: &str) -> Outcome<Vec<Service>> {
    let v: Value = serde_json::from_str(text).map_err(|_| json_error("not JSON"))?;
    v.as_array()
        .ok_or_else(|| json_error("not an array"))?
        .iter()
        .map(service_from_value)
        .collect()
}

fn service_from_value(v: &Value) -> Outcome<Service> {
    let s = |k: &str| -> Outcome<&str> {
        v[k].as_str()
            .ok_or_else(|| invalid(format!("service field {k} must not be null")))
    };
    // The Java side sends the numeric type id.
    let type_id = v["type"]
        .as_u64()
        .and_then(|t| u16::try_from(t).ok())
        .ok_or_else(|| json_error("service type"))?;
    let service_type = ServiceType::from_u16(type_id)
        .ok_or_else(|| invalid(format!("service type must be 1..=10, got {type_id}")))?;
    let mut svc = match service_type.name() {
        "rtc" => Service::rtc(s("channel_name")?, s("uid")?),
        "rtm" => Service::rtm(s("user_id")?),
        "streaming" => Service::streaming(s("channel_name")?, s("account")?),
        "fpa" => Service::fpa(),
        "chat" => Service::chat(s("user_id")?),
        "fcdn" => Service::fcdn(s("channel_name")?, s("account")?),
        "apaas" => {
            let role = v["role"]
                .as_i64()
                .and_then(|r| i16::try_from(r).ok())
                .ok_or_else(|| json_error("apaas role"))?;
            Service::apaas(s("room_uuid")?, s("user_uuid")?, role)
        }
        "rtm2" => Service::rtm2(s("user_id")?, permissions_from_value(&v["permissions"])?),
        "convoai" => Service::convoai(),
        "stt" => Service::stt(),
        _ => return Err(json_error("unknown service type")),
    };
    for (k, e) in v["privileges"]
        .as_object()
        .ok_or_else(|| json_error("privileges"))?
    {
        let exp = e.as_u64().ok_or_else(|| json_error("privilege expire"))?;
        let exp = u32::try_from(exp).map_err(|_| json_error("privilege expire"))?;
        svc.privileges.insert(json_u16(k)?, exp);
    }
    Ok(svc)
}

/// Java `short[]` and `int[]` holding a privilege map (values as u32 bits).
fn privilege_arrays<'l>(
    env: &mut JNIEnv<'l>,
    map: &BTreeMap<u16, u32>,
) -> Outcome<(JObject<'l>, JObject<'l>)> {
    let ids: Vec<i16> = map.keys().map(|k| *k as i16).collect();
    let values: Vec<i32> = map.values().map(|v| *v as i32).collect();
    let len = i32::try_from(ids.len()).map_err(|_| invalid("too many privileges".to_owned()))?;
    let id_arr = env.new_short_array(len)?;
    env.set_short_array_region(&id_arr, 0, &ids)?;
    let value_arr = env.new_int_array(len)?;
    env.set_int_array_region(&value_arr, 0, &values)?;
    Ok((id_arr.into(), value_arr.into()))
}

/// A Java string, or `null` for `None`.
fn opt_jstring<'l>(env: &mut JNIEnv<'l>, s: Option<&str>) -> Outcome<JObject<'l>> {
    Ok(match s {
        Some(s) => env.new_string(s)?.into(),
        None => JObject::null(),
    })
}

/// `Native.parse006`: fills an `io.rtctoken.media.AccessToken` through its
/// `nativeFill` method; `false` if the token is not a 006 token.
#[no_mangle]
pub extern "system" fn Java_io_rtctoken_internal_Native_parse006<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    token: JString<'l>,
    target: JObject<'l>,
) -> jboolean {
    guard(&mut env, JNI_FALSE, |env| {
        let text = string(env, &token, "token")?;
        if !text.starts_with("006") {
            return Ok(JNI_FALSE);
        }
        let Token::AccessToken(t) = parse(&text)? else {
            return Ok(JNI_FALSE);
        };
        let app_id = env.new_string(&t.app_id)?;
        let signature = env.byte_array_from_slice(&t.signature)?;
        let (ids, values) = privilege_arrays(env, &t.privileges)?;
        env.call_method(
            &target,
            "nativeFill",
            "(Ljava/lang/String;[BIIII[S[I)V",
            &[
                JValue::Object(&app_id),
                JValue::Object(&signature),
                JValue::Int(t.crc_channel_name as i32),
                JValue::Int(t.crc_uid as i32),
                JValue::Int(t.salt as i32),
                JValue::Int(t.ts as i32),
                JValue::Object(&ids),
                JValue::Object(&values),
            ],
        )?;
        Ok(JNI_TRUE)
    })
}

/// The two text fields and the role a Java service object is built from.
fn service_parts(fields: &ServiceFields) -> (Option<&str>, Option<&str>, i16) {
    match fields {
        ServiceFields::Rtc { channel_name, uid } => (Some(channel_name), Some(uid), 0),
        ServiceFields::Rtm { user_id }
        | ServiceFields::Chat { user_id }
        | ServiceFields::Rtm2 { user_id, .. } => (Some(user_id), None, 0),
        ServiceFields::Streaming {
            channel_name,
            account,
        }
        | ServiceFields::Fcdn {
            channel_name,
            account,
        } => (Some(channel_name), Some(account), 0),
        ServiceFields::Apaas {
            room_uuid,
            user_uuid,
            role,
        } => (Some(room_uuid), Some(user_uuid), *role),
        ServiceFields::Fpa | ServiceFields::ConvoAi | ServiceFields::Stt => (None, None, 0),
    }
}

/// `Native.parse007`: fills an `io.rtctoken.media.AccessToken2` through its
/// `nativeHeader` / `nativeService` methods (and RTM2 permissions through
/// `ServiceRtm2.nativePermission`); `false` if the token is not a 007 token.
#[no_mangle]
pub extern "system" fn Java_io_rtctoken_internal_Native_parse007<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    token: JString<'l>,
    target: JObject<'l>,
) -> jboolean {
    guard(&mut env, JNI_FALSE, |env| {
        let text = string(env, &token, "token")?;
        if !text.starts_with("007") {
            return Ok(JNI_FALSE);
        }
        let Token::AccessToken2(t) = parse(&text)? else {
            return Ok(JNI_FALSE);
        };
        let app_id = env.new_string(&t.app_id)?;
        env.call_method(
            &target,
            "nativeHeader",
            "(Ljava/lang/String;III)V",
            &[
                JValue::Object(&app_id),
                JValue::Int(t.issue_ts as i32),
                JValue::Int(t.expire as i32),
                JValue::Int(t.salt as i32),
            ],
        )?;
        for s in &t.services {
            let (ids, values) = privilege_arrays(env, &s.privileges)?;
            let (a, b, role) = service_parts(&s.fields);
            let a = opt_jstring(env, a)?;
            let b = opt_jstring(env, b)?;
            let svc = env
                .call_method(
                    &target,
                    "nativeService",
                    "(S[S[ILjava/lang/String;Ljava/lang/String;S)Lio/rtctoken/media/AccessToken2$Service;",
                    &[
                        JValue::Short(s.service_type() as i16),
                        JValue::Object(&ids),
                        JValue::Object(&values),
                        JValue::Object(&a),
                        JValue::Object(&b),
                        JValue::Short(role),
                    ],
                )?
                .l()?;
            if let ServiceFields::Rtm2 { permissions, .. } = &s.fields {
                add_permissions(env, &svc, permissions)?;
            }
            for local in [ids, values, a, b, svc] {
                env.delete_local_ref(local)?;
            }
        }
        Ok(JNI_TRUE)
    })
}

/// Hands each (type, permission, resources) entry to the Java RTM2 service.
fn add_permissions(env: &mut JNIEnv, svc: &JObject, p: &Rtm2Permissions) -> Outcome<()> {
    for (t, perms) in &p.0 {
        for (perm, resources) in perms {
            let len = i32::try_from(resources.len())
                .map_err(|_| invalid("too many resources".to_owned()))?;
            let arr = env.new_object_array(len, "java/lang/String", JObject::null())?;
            for (i, r) in (0..len).zip(resources) {
                let js = env.new_string(r)?;
                env.set_object_array_element(&arr, i, &js)?;
                env.delete_local_ref(js)?;
            }
            env.call_method(
                svc,
                "nativePermission",
                "(SS[Ljava/lang/String;)V",
                &[
                    JValue::Short(*t as i16),
                    JValue::Short(*perm as i16),
                    JValue::Object(&arr),
                ],
            )?;
            env.delete_local_ref(arr)?;
        }
    }
    Ok(())
}
