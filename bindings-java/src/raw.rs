//! Exports that fill the raw 006 `AccessToken` and 007 `AccessToken2`
//! classes from a parsed token, straight from the core's typed structs.
//! (Building them is a catalogue call, see [`crate::exports`].)

use std::collections::BTreeMap;

use jni::objects::{JClass, JObject, JString, JValue};
use jni::sys::{jboolean, JNI_FALSE, JNI_TRUE};
use jni::JNIEnv;
use rtctoken::access_token2::{Rtm2Permissions, ServiceFields};
use rtctoken::{parse, Token};

use crate::convert::string;
use crate::failure::{guard, invalid, Outcome};

/// Java `short[]` and `int[]` holding a privilege map (values as u32 bits).
fn privilege_arrays<'l>(
    env: &mut JNIEnv<'l>,
    map: &BTreeMap<u16, u32>,
) -> Outcome<(JObject<'l>, JObject<'l>)> {
    let ids: Vec<i16> = map.keys().map(|k| *k as i16).collect();
    let values: Vec<i32> = map.values().map(|v| *v as i32).collect();
    let len = i32::try_from(ids.len())
        .map_err(|_| invalid("privileges", "too many privileges".to_owned()))?;
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
/// `nativeFill` method; `false` if the token parses as another version.
#[no_mangle]
pub extern "system" fn Java_io_rtctoken_internal_Native_parse006<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    token: JString<'l>,
    target: JObject<'l>,
) -> jboolean {
    guard(&mut env, JNI_FALSE, |env| {
        let text = string(env, &token, "token")?;
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
        ServiceFields::Fpa
        | ServiceFields::ConvoAi
        | ServiceFields::Stt
        | ServiceFields::Generic { .. } => (None, None, 0),
    }
}

/// `Native.parse007`: fills an `io.rtctoken.media.AccessToken2` through its
/// `nativeHeader` / `nativeService` methods (and RTM2 permissions through
/// `ServiceRtm2.nativePermission`); `false` if the token parses as another
/// version.
#[no_mangle]
pub extern "system" fn Java_io_rtctoken_internal_Native_parse007<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    token: JString<'l>,
    target: JObject<'l>,
) -> jboolean {
    guard(&mut env, JNI_FALSE, |env| {
        let text = string(env, &token, "token")?;
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
                        JValue::Short(s.type_id() as i16),
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
                .map_err(|_| invalid("permissions", "too many resources".to_owned()))?;
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
