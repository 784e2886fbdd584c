//! `io.rtctoken.bench.CoreLoop` (only with the `bench` feature): the core
//! calls the JMH harness also makes through the binding, run `times` times
//! on arguments converted once, so binding minus core is measured in one run.

use std::hint::black_box;

use jni::objects::{JClass, JString};
use jni::sys::{jint, jlong};
use jni::JNIEnv;
use rtctoken::builders::rtc_token_builder2;
use rtctoken::{parse, Stamp};

use crate::convert::{string, u32_arg};
use crate::failure::guard;

/// `CoreLoop.buildTokenWithUid`: `rtc_token_builder2::build_token_with_uid`
/// with a fixed stamp; returns the token's length.
#[no_mangle]
#[allow(clippy::too_many_arguments)] // one parameter per Java argument
pub extern "system" fn Java_io_rtctoken_bench_CoreLoop_buildTokenWithUid<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    app_id: JString<'l>,
    app_certificate: JString<'l>,
    channel_name: JString<'l>,
    uid: jlong,
    issue_ts: jlong,
    salt: jlong,
    times: jint,
) -> jint {
    guard(&mut env, -1, |env| {
        let id = string(env, &app_id, "app_id")?;
        let cert = string(env, &app_certificate, "app_certificate")?;
        let channel = string(env, &channel_name, "channel_name")?;
        let uid = u32_arg(uid, "uid")?;
        let stamp = Stamp::fixed(u32_arg(issue_ts, "issue_ts")?, u32_arg(salt, "salt")?);
        let mut len = 0;
        for _ in 0..times {
            let token = rtc_token_builder2::build_token_with_uid(
                black_box(&id),
                black_box(&cert),
                black_box(&channel),
                black_box(uid),
                rtc_token_builder2::ROLE_PUBLISHER,
                3600,
                3600,
                stamp,
            )?;
            len = black_box(token).len();
        }
        Ok(i32::try_from(len).unwrap_or(i32::MAX))
    })
}

/// `CoreLoop.parse`: `parse` plus the version and app ID that
/// `TokenParser.parse` hands to Java; returns the app ID's length.
#[no_mangle]
pub extern "system" fn Java_io_rtctoken_bench_CoreLoop_parse<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    token: JString<'l>,
    times: jint,
) -> jint {
    guard(&mut env, -1, |env| {
        let token = string(env, &token, "token")?;
        let mut len = 0;
        for _ in 0..times {
            let t = parse(black_box(&token))?;
            black_box(t.version());
            len = black_box(t.app_id()).len();
        }
        Ok(i32::try_from(len).unwrap_or(i32::MAX))
    })
}
