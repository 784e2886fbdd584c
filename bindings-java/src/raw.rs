//! Natives that fill the raw 006 `AccessToken` and 007 `AccessToken2`
//! classes from a parsed token, straight from the core's typed structs,
//! through their `native*` methods (each looked up once). Building them is
//! a catalogue call, see [`crate::exports`].

use std::collections::BTreeMap;
use std::sync::OnceLock;

use jni::objects::{JMethodID, JObject, JValue};
use jni::signature::{Primitive, ReturnType};
use jni::JNIEnv;
use rtctoken::access_token2::{Rtm2Permissions, ServiceFields};
use rtctoken::{parse, Token};

use crate::convert::{bytes, ints};
use crate::exports::natives;
use crate::failure::{invalid, Outcome};

/// The `native*` methods the parsers fill Java objects through.
#[derive(Clone, Copy)]
enum Callback {
    Fill006,
    Header007,
    Service007,
    Permission,
}

/// Each [`Callback`]'s class, name and signature (a `void` one ends in `V`).
const CALLBACKS: [(&str, &str, &str); 4] = [
    (
        "io/rtctoken/media/AccessToken",
        "nativeFill",
        "([B[BIIII[I)V",
    ),
    ("io/rtctoken/media/AccessToken2", "nativeHeader", "([BIII)V"),
    (
        "io/rtctoken/media/AccessToken2",
        "nativeService",
        "(S[I[B[BS)Lio/rtctoken/media/AccessToken2$Service;",
    ),
    (
        "io/rtctoken/media/AccessToken2$ServiceRtm2",
        "nativePermission",
        "(SS[[B)V",
    ),
];

/// Their method IDs, looked up once.
static IDS: OnceLock<Vec<JMethodID>> = OnceLock::new();

/// Calls `which` on `target`; its object result (null for `void`).
fn callback<'l, const N: usize>(
    env: &mut JNIEnv<'l>,
    target: &JObject,
    which: Callback,
    args: [JValue; N],
) -> Outcome<JObject<'l>> {
    let ids = match IDS.get() {
        Some(ids) => ids,
        None => {
            let ids = CALLBACKS
                .iter()
                .map(|(c, n, s)| env.get_method_id(*c, *n, *s));
            let ids = ids.collect::<Result<Vec<_>, _>>()?;
            IDS.get_or_init(|| ids)
        }
    };
    let ret = match CALLBACKS[which as usize].2.ends_with('V') {
        true => ReturnType::Primitive(Primitive::Void),
        false => ReturnType::Object,
    };
    // SAFETY: the ID is the method's, looked up by its signature, whose
    // parameter and return types the callers' `args` and `ret` follow.
    let value = unsafe {
        env.call_method_unchecked(target, ids[which as usize], ret, &args.map(|a| a.as_jni()))
    }?;
    Ok(value.l().unwrap_or_default())
}

/// Text as its UTF-8 bytes (`Native.text` makes it a `String`), or `null`
/// for `None`.
fn text<'l>(env: &mut JNIEnv<'l>, s: Option<&str>) -> Outcome<JObject<'l>> {
    Ok(match s {
        // SAFETY: `bytes` returns a new local reference to a byte[].
        Some(s) => unsafe { JObject::from_raw(bytes(env, s.as_bytes())?) },
        None => JObject::null(),
    })
}

/// A privilege map as a Java `int[]` of (id, expiry) pairs (expiries as u32 bits).
fn privileges<'l>(env: &mut JNIEnv<'l>, map: &BTreeMap<u16, u32>) -> Outcome<JObject<'l>> {
    let pairs: Vec<i32> = map
        .iter()
        .flat_map(|(id, v)| [i32::from(*id), *v as i32])
        .collect();
    // SAFETY: `ints` returns a new local reference to an int[].
    Ok(unsafe { JObject::from_raw(ints(env, &pairs)?) })
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
            let arr = env.new_object_array(len, "[B", JObject::null())?;
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
            callback(env, svc, Callback::Permission, args)?;
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
        // SAFETY: `bytes` returns a new local reference to a byte[].
        let signature = unsafe { JObject::from_raw(bytes(env, &t.signature)?) };
        let privileges = privileges(env, &t.privileges)?;
        let args = [
            JValue::Object(&app_id),
            JValue::Object(&signature),
            JValue::Int(t.crc_channel_name as i32),
            JValue::Int(t.crc_uid as i32),
            JValue::Int(t.salt as i32),
            JValue::Int(t.ts as i32),
            JValue::Object(&privileges),
        ];
        callback(env, &target, Callback::Fill006, args)?;
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
        callback(env, &target, Callback::Header007, header)?;
        for s in &t.services {
            let privileges = privileges(env, &s.privileges)?;
            let (a, b, role) = service_parts(&s.fields);
            let (a, b) = (text(env, a)?, text(env, b)?);
            let args = [
                JValue::Short(s.type_id() as i16),
                JValue::Object(&privileges),
                JValue::Object(&a),
                JValue::Object(&b),
                JValue::Short(role),
            ];
            let svc = callback(env, &target, Callback::Service007, args)?;
            if let ServiceFields::Rtm2 { permissions, .. } = &s.fields {
                add_permissions(env, &svc, permissions)?;
            }
            for local in [privileges, a, b, svc] {
                env.delete_local_ref(local)?;
            }
        }
        Ok(true)
    }
}
