//! Exports for parsing, verifying and inspecting any token, and for fresh
//! stamps.

use jni::objects::{JClass, JObject, JObjectArray, JString};
use jni::sys::{jint, jlong, jlongArray, jobjectArray, jstring};
use jni::JNIEnv;
use rtctoken::{access_token, inspect, parse, verify, Stamp, VerifyInput};

use crate::convert::{
    jstring_of, null_string, optional_string, optional_u32, string, strings, u32_arg,
};
use crate::failure::{guard, Outcome};
use crate::java_value::string_class;

/// `Native.parse`: `{version, app_id}` of any token. The fields' JSON is
/// left to [`parseJson`](Java_io_rtctoken_internal_Native_parseJson), which
/// `ParsedToken.toJson` calls only when asked: no JSON on the parse path.
#[no_mangle]
pub extern "system" fn Java_io_rtctoken_internal_Native_parse<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    token: JString<'l>,
) -> jobjectArray {
    guard(&mut env, JObject::null().into_raw(), |env| {
        let t = parse(&string(env, &token, "token")?)?;
        let class = string_class(env)?;
        let arr = env.new_object_array(2, class, JObject::null())?;
        for (i, p) in (0..).zip([t.version(), t.app_id()]) {
            let js = env.new_string(p)?;
            env.set_object_array_element(&arr, i, &js)?;
        }
        Ok(arr.into_raw())
    })
}

/// `Native.parseJson`: the core's `Token::to_json` (the shape of `parse.json`).
#[no_mangle]
pub extern "system" fn Java_io_rtctoken_internal_Native_parseJson<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    token: JString<'l>,
) -> jstring {
    guard(&mut env, null_string(), |env| {
        let json = parse(&string(env, &token, "token")?)?.to_json().to_string();
        jstring_of(env, json)
    })
}

/// `Native.verify`: the index of the first certificate that signed `token`,
/// or -1. `channel_name` and `uid` may be `null` (not given).
#[no_mangle]
pub extern "system" fn Java_io_rtctoken_internal_Native_verify<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    token: JString<'l>,
    certificates: JObjectArray<'l>,
    channel_name: JString<'l>,
    uid: JString<'l>,
) -> jint {
    guard(&mut env, -1, |env| {
        let token = string(env, &token, "token")?;
        let certs = strings(env, &certificates, "app_certificate")?;
        let channel = optional_string(env, &channel_name, "channel_name")?;
        let uid = optional_string(env, &uid, "uid")?;
        let refs: Vec<&str> = certs.iter().map(String::as_str).collect();
        let input = VerifyInput {
            channel_name: channel.as_deref(),
            uid: uid.as_deref(),
        };
        let v = verify(&token, &refs, &input)?;
        // Indexes come from a Java array, so they fit in an int.
        Ok(v.matched
            .map_or(-1, |i| i32::try_from(i).unwrap_or(i32::MAX)))
    })
}

/// `Native.inspect`: the core's inspection JSON as of `now` (-1 = clock).
#[no_mangle]
pub extern "system" fn Java_io_rtctoken_internal_Native_inspect<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    token: JString<'l>,
    now: jlong,
) -> jstring {
    guard(&mut env, null_string(), |env| {
        let token = string(env, &token, "token")?;
        let json = inspect::inspect_json(&token, optional_u32(now, "now")?)?;
        jstring_of(env, json)
    })
}

/// `Native.freshStamp`: `{issue_ts, salt, issue_ts + 24 h}` as the core
/// would pick them (clock, CSPRNG salt), for the classes whose public fields
/// expose them; the third is the 006 token's own expiry (`ts`).
#[no_mangle]
pub extern "system" fn Java_io_rtctoken_internal_Native_freshStamp<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
) -> jlongArray {
    guard(
        &mut env,
        JObject::null().into_raw(),
        |env| -> Outcome<jlongArray> {
            let s = Stamp::default();
            let (issue_ts, salt) = (s.issue_ts(), s.salt());
            let ts006 = access_token::expiry_after(issue_ts)?;
            let arr = env.new_long_array(3)?;
            env.set_long_array_region(&arr, 0, &[issue_ts.into(), salt.into(), ts006.into()])?;
            Ok(arr.into_raw())
        },
    )
}

/// `Native.uidText`: the core's uid text for a numeric uid.
#[no_mangle]
pub extern "system" fn Java_io_rtctoken_internal_Native_uidText<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    uid: jlong,
) -> jstring {
    guard(&mut env, null_string(), |env| {
        let text = access_token::uid_text(u32_arg(uid, "uid")?);
        jstring_of(env, text)
    })
}
