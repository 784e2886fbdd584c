//! Natives that fill the raw 006 `AccessToken` and 007 `AccessToken2`
//! classes from a parsed token, straight from the core's typed structs,
//! through their `native*` methods (each looked up once). Building them is
//! a catalogue call, see [`crate::exports`].

use std::collections::BTreeMap;
use std::sync::OnceLock;

use jni::objects::{JMethodID, JObject, JValue, JValueGen};
use jni::signature::{Primitive, ReturnType};
use jni::JNIEnv;
use rtctoken::access_token2::{Rtm2Permissions, ServiceFields};
use rtctoken::{parse, Token};

use crate::convert::jstring_of;
use crate::exports::natives;
use crate::failure::{invalid, Outcome};
use crate::java_value::string_class;

/// A Java method the natives call back.
struct Method {
    class: &'static str,
    name: &'static str,
    sig: &'static str,
    id: OnceLock<JMethodID>,
}

impl Method {
    const fn new(class: &'static str, name: &'static str, sig: &'static str) -> Self {
        Method {
            class,
            name,
            sig,
            id: OnceLock::new(),
        }
    }

    /// Calls the method on `target`; its object result, or null for `void`.
    fn call<'l, const N: usize>(
        &self,
        env: &mut JNIEnv<'l>,
        target: &JObject,
        args: [JValue; N],
    ) -> Outcome<JObject<'l>> {
        let id = match self.id.get() {
            Some(id) => *id,
            None => {
                let id = env.get_method_id(self.class, self.name, self.sig)?;
                *self.id.get_or_init(|| id)
            }
        };
        let ret = match self.sig.ends_with('V') {
            true => ReturnType::Primitive(Primitive::Void),
            false => ReturnType::Object,
        };
        // SAFETY: `id` is this method, looked up by `sig`, whose parameter
        // and return types the callers' `args` and `ret` follow.
        let value =
            unsafe { env.call_method_unchecked(target, id, ret, &args.map(|a| a.as_jni())) }?;
        Ok(match value {
            JValueGen::Object(o) => o,
            _ => JObject::null(),
        })
    }
}

static FILL_006: Method = Method::new(
    "io/rtctoken/media/AccessToken",
    "nativeFill",
    "(Ljava/lang/String;[BIIII[S[I)V",
);
static HEADER_007: Method = Method::new(
    "io/rtctoken/media/AccessToken2",
    "nativeHeader",
    "(Ljava/lang/String;III)V",
);
static SERVICE_007: Method = Method::new(
    "io/rtctoken/media/AccessToken2",
    "nativeService",
    "(S[S[ILjava/lang/String;Ljava/lang/String;S)Lio/rtctoken/media/AccessToken2$Service;",
);
static PERMISSION: Method = Method::new(
    "io/rtctoken/media/AccessToken2$ServiceRtm2",
    "nativePermission",
    "(SS[Ljava/lang/String;)V",
);

/// A Java string, or `null` for `None`.
fn text<'l>(env: &mut JNIEnv<'l>, s: Option<&str>) -> Outcome<JObject<'l>> {
    Ok(match s {
        // SAFETY: `jstring_of` returns a new local reference to a String.
        Some(s) => unsafe { JObject::from_raw(jstring_of(env, s)?) },
        None => JObject::null(),
    })
}

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

/// Hands each (type, permission, resources) entry to the Java RTM2 service.
fn add_permissions(env: &mut JNIEnv, svc: &JObject, p: &Rtm2Permissions) -> Outcome<()> {
    for (t, perms) in &p.0 {
        for (perm, resources) in perms {
            let len = i32::try_from(resources.len())
                .map_err(|_| invalid("permissions", "too many resources".to_owned()))?;
            let class = string_class(env)?;
            let arr = env.new_object_array(len, class, JObject::null())?;
            for (i, r) in (0..len).zip(resources) {
                let js = text(env, Some(r))?;
                env.set_object_array_element(&arr, i, &js)?;
                env.delete_local_ref(js)?;
            }
            let args = [
                JValue::Short(*t as i16),
                JValue::Short(*perm as i16),
                JValue::Object(&arr),
            ];
            PERMISSION.call(env, svc, args)?;
            env.delete_local_ref(arr)?;
        }
    }
    Ok(())
}

natives! {
    /// `Native.parse006`: fills an `io.rtctoken.media.AccessToken` through
    /// its `nativeFill` method; `false` if the token parses as another version.
    fn parse006(env, token: String, target: JObject<'l>) -> bool {
        let Token::AccessToken(t) = parse(&token)? else {
            return Ok(false);
        };
        let app_id = text(env, Some(&t.app_id))?;
        let signature = env.byte_array_from_slice(&t.signature)?;
        let (ids, values) = privilege_arrays(env, &t.privileges)?;
        let args = [
            JValue::Object(&app_id),
            JValue::Object(&signature),
            JValue::Int(t.crc_channel_name as i32),
            JValue::Int(t.crc_uid as i32),
            JValue::Int(t.salt as i32),
            JValue::Int(t.ts as i32),
            JValue::Object(&ids),
            JValue::Object(&values),
        ];
        FILL_006.call(env, &target, args)?;
        Ok(true)
    }

    /// `Native.parse007`: fills an `io.rtctoken.media.AccessToken2` through
    /// its `nativeHeader` / `nativeService` methods (and RTM2 permissions
    /// through `ServiceRtm2.nativePermission`); `false` if the token parses
    /// as another version.
    fn parse007(env, token: String, target: JObject<'l>) -> bool {
        let Token::AccessToken2(t) = parse(&token)? else {
            return Ok(false);
        };
        let app_id = text(env, Some(&t.app_id))?;
        let header = [
            JValue::Object(&app_id),
            JValue::Int(t.issue_ts as i32),
            JValue::Int(t.expire as i32),
            JValue::Int(t.salt as i32),
        ];
        HEADER_007.call(env, &target, header)?;
        for s in &t.services {
            let (ids, values) = privilege_arrays(env, &s.privileges)?;
            let (a, b, role) = service_parts(&s.fields);
            let (a, b) = (text(env, a)?, text(env, b)?);
            let args = [
                JValue::Short(s.type_id() as i16),
                JValue::Object(&ids),
                JValue::Object(&values),
                JValue::Object(&a),
                JValue::Object(&b),
                JValue::Short(role),
            ];
            let svc = SERVICE_007.call(env, &target, args)?;
            if let ServiceFields::Rtm2 { permissions, .. } = &s.fields {
                add_permissions(env, &svc, permissions)?;
            }
            for local in [ids, values, a, b, svc] {
                env.delete_local_ref(local)?;
            }
        }
        Ok(true)
    }
}
