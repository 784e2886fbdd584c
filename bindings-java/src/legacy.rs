//! Exports for the dynamic keys v1–v5 and the signaling token.

use jni::objects::{JClass, JString};
use jni::sys::{jint, jlong, jstring};
use jni::JNIEnv;
use rtctoken::legacy::{
    dynamic_key, dynamic_key2, dynamic_key3, dynamic_key4, dynamic_key5, signaling_token,
};

use crate::args::{jstring_of, null_string, string, u32_arg};
use crate::failure::{guard, invalid, Outcome};

/// The signature shared by the v2–v5 generators.
type Generator = fn(&str, &str, &str, u32, u32, u32, u32) -> rtctoken::Result<String>;

/// The Java arguments every v2–v5 generator takes, converted.
struct KeyArgs {
    app_id: String,
    app_certificate: String,
    channel_name: String,
    unix_ts: u32,
    random_int: u32,
    uid: u32,
    expired_ts: u32,
}

impl KeyArgs {
    #[allow(clippy::too_many_arguments)] // mirrors the Java method's parameters
    fn read(
        env: &mut JNIEnv,
        app_id: &JString,
        app_certificate: &JString,
        channel_name: &JString,
        unix_ts: jlong,
        random_int: jlong,
        uid: jlong,
        expired_ts: jlong,
    ) -> Outcome<Self> {
        Ok(KeyArgs {
            app_id: string(env, app_id, "app_id")?,
            app_certificate: string(env, app_certificate, "app_certificate")?,
            channel_name: string(env, channel_name, "channel_name")?,
            unix_ts: u32_arg(unix_ts, "unix_ts")?,
            random_int: u32_arg(random_int, "random_int")?,
            uid: u32_arg(uid, "uid")?,
            expired_ts: u32_arg(expired_ts, "expired_ts")?,
        })
    }

    fn generate(&self, f: Generator) -> rtctoken::Result<String> {
        f(
            &self.app_id,
            &self.app_certificate,
            &self.channel_name,
            self.unix_ts,
            self.random_int,
            self.uid,
            self.expired_ts,
        )
    }
}

/// The v4 generator for service 0 (media channel), 1 (recording) or 2
/// (public sharing), the Java side's constants.
fn v4(service: jint) -> Outcome<Generator> {
    Ok(match service {
        0 => dynamic_key4::generate_media_channel_key,
        1 => dynamic_key4::generate_recording_key,
        2 => dynamic_key4::generate_public_sharing_key,
        other => return Err(invalid(format!("service must be 0, 1 or 2, got {other}"))),
    })
}

/// The v5 generator for service 0 (media channel), 1 (recording) or 2
/// (public sharing).
fn v5(service: jint) -> Outcome<Generator> {
    Ok(match service {
        0 => dynamic_key5::generate_media_channel_key,
        1 => dynamic_key5::generate_recording_key,
        2 => dynamic_key5::generate_public_sharing_key,
        other => return Err(invalid(format!("service must be 0, 1 or 2, got {other}"))),
    })
}

/// `Native.dynamicKey`: a v1 key.
#[no_mangle]
pub extern "system" fn Java_io_rtctoken_internal_Native_dynamicKey<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    app_id: JString<'l>,
    app_certificate: JString<'l>,
    channel_name: JString<'l>,
    unix_ts: jlong,
    random_int: jlong,
) -> jstring {
    guard(&mut env, null_string(), |env| {
        let token = dynamic_key::generate(
            &string(env, &app_id, "app_id")?,
            &string(env, &app_certificate, "app_certificate")?,
            &string(env, &channel_name, "channel_name")?,
            u32_arg(unix_ts, "unix_ts")?,
            u32_arg(random_int, "random_int")?,
        )?;
        jstring_of(env, &token)
    })
}

/// `Native.dynamicKeyV2`: `version` 2 or 3 (`"003"` + a v2 key).
#[no_mangle]
#[allow(clippy::too_many_arguments)] // one parameter per Java argument
pub extern "system" fn Java_io_rtctoken_internal_Native_dynamicKeyV2<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    version: jint,
    app_id: JString<'l>,
    app_certificate: JString<'l>,
    channel_name: JString<'l>,
    unix_ts: jlong,
    random_int: jlong,
    uid: jlong,
    expired_ts: jlong,
) -> jstring {
    guard(&mut env, null_string(), |env| {
        let f: Generator = match version {
            2 => dynamic_key2::generate,
            3 => dynamic_key3::generate,
            other => return Err(invalid(format!("version must be 2 or 3, got {other}"))),
        };
        let a = KeyArgs::read(
            env,
            &app_id,
            &app_certificate,
            &channel_name,
            unix_ts,
            random_int,
            uid,
            expired_ts,
        )?;
        let token = a.generate(f)?;
        jstring_of(env, &token)
    })
}

/// `Native.dynamicKey4`: a v4 key for `service` (see [`v4`]).
#[no_mangle]
#[allow(clippy::too_many_arguments)] // one parameter per Java argument
pub extern "system" fn Java_io_rtctoken_internal_Native_dynamicKey4<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    service: jint,
    app_id: JString<'l>,
    app_certificate: JString<'l>,
    channel_name: JString<'l>,
    unix_ts: jlong,
    random_int: jlong,
    uid: jlong,
    expired_ts: jlong,
) -> jstring {
    guard(&mut env, null_string(), |env| {
        let f = v4(service)?;
        let a = KeyArgs::read(
            env,
            &app_id,
            &app_certificate,
            &channel_name,
            unix_ts,
            random_int,
            uid,
            expired_ts,
        )?;
        let token = a.generate(f)?;
        jstring_of(env, &token)
    })
}

/// `Native.dynamicKey5`: a v5 key for `service` (see [`v5`]).
#[no_mangle]
#[allow(clippy::too_many_arguments)] // one parameter per Java argument
pub extern "system" fn Java_io_rtctoken_internal_Native_dynamicKey5<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    service: jint,
    app_id: JString<'l>,
    app_certificate: JString<'l>,
    channel_name: JString<'l>,
    unix_ts: jlong,
    random_int: jlong,
    uid: jlong,
    expired_ts: jlong,
) -> jstring {
    guard(&mut env, null_string(), |env| {
        let f = v5(service)?;
        let a = KeyArgs::read(
            env,
            &app_id,
            &app_certificate,
            &channel_name,
            unix_ts,
            random_int,
            uid,
            expired_ts,
        )?;
        let token = a.generate(f)?;
        jstring_of(env, &token)
    })
}

/// `Native.dynamicKey5InChannel`: a v5 in-channel permission key.
#[no_mangle]
#[allow(clippy::too_many_arguments)] // one parameter per Java argument
pub extern "system" fn Java_io_rtctoken_internal_Native_dynamicKey5InChannel<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    app_id: JString<'l>,
    app_certificate: JString<'l>,
    channel_name: JString<'l>,
    unix_ts: jlong,
    random_int: jlong,
    uid: jlong,
    expired_ts: jlong,
    permission: JString<'l>,
) -> jstring {
    guard(&mut env, null_string(), |env| {
        let a = KeyArgs::read(
            env,
            &app_id,
            &app_certificate,
            &channel_name,
            unix_ts,
            random_int,
            uid,
            expired_ts,
        )?;
        let permission = string(env, &permission, "permission")?;
        let token = dynamic_key5::generate_in_channel_permission_key(
            &a.app_id,
            &a.app_certificate,
            &a.channel_name,
            a.unix_ts,
            a.random_int,
            a.uid,
            a.expired_ts,
            &permission,
        )?;
        jstring_of(env, &token)
    })
}

/// `Native.signalingToken`: a signaling token for `account`.
#[no_mangle]
pub extern "system" fn Java_io_rtctoken_internal_Native_signalingToken<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    account: JString<'l>,
    app_id: JString<'l>,
    app_certificate: JString<'l>,
    expired_ts: jlong,
) -> jstring {
    guard(&mut env, null_string(), |env| {
        let token = signaling_token::generate(
            &string(env, &account, "account")?,
            &string(env, &app_id, "app_id")?,
            &string(env, &app_certificate, "app_certificate")?,
            u32_arg(expired_ts, "expired_ts")?,
        )?;
        jstring_of(env, &token)
    })
}
