//! Exports for the vendor's 006 and 007 token builders.

use jni::objects::{JClass, JString};
use jni::sys::{jint, jlong, jshort, jstring};
use jni::JNIEnv;
use rtctoken::builders::{
    chat_token_builder2, convoai_token_builder, education_token_builder2, fpa_token_builder,
    rtc_token_builder, rtc_token_builder2, rtm_token_builder, rtm_token_builder2,
    stt_token_builder,
};

use crate::args::{jstring_of, null_string, optional_string, stamp, string, u32_arg};
use crate::failure::{guard, invalid, Outcome};
use crate::raw::permissions_from_json;

/// Who an RTC token is for: the Java side passes a `null` account to mean
/// "use the numeric uid".
enum Who {
    Uid(u32),
    Account(String),
}

fn who(env: &mut JNIEnv, account: &JString, uid: jlong) -> Outcome<Who> {
    Ok(match optional_string(env, account, "account")? {
        Some(a) => Who::Account(a),
        None => Who::Uid(u32_arg(uid, "uid")?),
    })
}

/// `Native.rtcToken006`: `RtcTokenBuilder` (006) for a uid or an account.
#[no_mangle]
#[allow(clippy::too_many_arguments)] // one parameter per Java argument
pub extern "system" fn Java_io_rtctoken_internal_Native_rtcToken006<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    app_id: JString<'l>,
    app_certificate: JString<'l>,
    channel_name: JString<'l>,
    account: JString<'l>,
    uid: jlong,
    role: jint,
    privilege_ts: jlong,
    issue_ts: jlong,
    salt: jlong,
) -> jstring {
    guard(&mut env, null_string(), |env| {
        let id = string(env, &app_id, "app_id")?;
        let cert = string(env, &app_certificate, "app_certificate")?;
        let channel = string(env, &channel_name, "channel_name")?;
        let role = u32_arg(role.into(), "role")?;
        let ts = u32_arg(privilege_ts, "privilege_expired_ts")?;
        let st = stamp(issue_ts, salt)?;
        let token = match who(env, &account, uid)? {
            Who::Uid(uid) => {
                rtc_token_builder::build_token_with_uid(&id, &cert, &channel, uid, role, ts, st)
            }
            Who::Account(a) => {
                rtc_token_builder::build_token_with_account(&id, &cert, &channel, &a, role, ts, st)
            }
        }?;
        jstring_of(env, &token)
    })
}

/// `Native.rtmToken006`: `RtmTokenBuilder` (006).
#[no_mangle]
#[allow(clippy::too_many_arguments)] // one parameter per Java argument
pub extern "system" fn Java_io_rtctoken_internal_Native_rtmToken006<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    app_id: JString<'l>,
    app_certificate: JString<'l>,
    user_account: JString<'l>,
    role: jint,
    privilege_ts: jlong,
    issue_ts: jlong,
    salt: jlong,
) -> jstring {
    guard(&mut env, null_string(), |env| {
        let token = rtm_token_builder::build_token(
            &string(env, &app_id, "app_id")?,
            &string(env, &app_certificate, "app_certificate")?,
            &string(env, &user_account, "user_account")?,
            u32_arg(role.into(), "role")?,
            u32_arg(privilege_ts, "privilege_expired_ts")?,
            stamp(issue_ts, salt)?,
        )?;
        jstring_of(env, &token)
    })
}

/// `Native.rtcToken2`: `RtcTokenBuilder2.buildTokenWithUid/UserAccount`
/// with a role.
#[no_mangle]
#[allow(clippy::too_many_arguments)] // one parameter per Java argument
pub extern "system" fn Java_io_rtctoken_internal_Native_rtcToken2<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    app_id: JString<'l>,
    app_certificate: JString<'l>,
    channel_name: JString<'l>,
    account: JString<'l>,
    uid: jlong,
    role: jint,
    token_expire: jlong,
    privilege_expire: jlong,
    issue_ts: jlong,
    salt: jlong,
) -> jstring {
    guard(&mut env, null_string(), |env| {
        let id = string(env, &app_id, "app_id")?;
        let cert = string(env, &app_certificate, "app_certificate")?;
        let channel = string(env, &channel_name, "channel_name")?;
        let role = u32_arg(role.into(), "role")?;
        let te = u32_arg(token_expire, "token_expire")?;
        let pe = u32_arg(privilege_expire, "privilege_expire")?;
        let st = stamp(issue_ts, salt)?;
        let token = match who(env, &account, uid)? {
            Who::Uid(uid) => rtc_token_builder2::build_token_with_uid(
                &id, &cert, &channel, uid, role, te, pe, st,
            ),
            Who::Account(a) => rtc_token_builder2::build_token_with_user_account(
                &id, &cert, &channel, &a, role, te, pe, st,
            ),
        }?;
        jstring_of(env, &token)
    })
}

/// `Native.rtcToken2Privileges`: `RtcTokenBuilder2` with each privilege's
/// expiry given.
#[no_mangle]
#[allow(clippy::too_many_arguments)] // one parameter per Java argument
pub extern "system" fn Java_io_rtctoken_internal_Native_rtcToken2Privileges<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    app_id: JString<'l>,
    app_certificate: JString<'l>,
    channel_name: JString<'l>,
    account: JString<'l>,
    uid: jlong,
    token_expire: jlong,
    join_channel: jlong,
    pub_audio: jlong,
    pub_video: jlong,
    pub_data_stream: jlong,
    issue_ts: jlong,
    salt: jlong,
) -> jstring {
    guard(&mut env, null_string(), |env| {
        let id = string(env, &app_id, "app_id")?;
        let cert = string(env, &app_certificate, "app_certificate")?;
        let channel = string(env, &channel_name, "channel_name")?;
        let te = u32_arg(token_expire, "token_expire")?;
        let j = u32_arg(join_channel, "join_channel_privilege_expire")?;
        let a = u32_arg(pub_audio, "pub_audio_privilege_expire")?;
        let v = u32_arg(pub_video, "pub_video_privilege_expire")?;
        let d = u32_arg(pub_data_stream, "pub_data_stream_privilege_expire")?;
        let st = stamp(issue_ts, salt)?;
        let token = match who(env, &account, uid)? {
            Who::Uid(uid) => rtc_token_builder2::build_token_with_uid_and_privilege(
                &id, &cert, &channel, uid, te, j, a, v, d, st,
            ),
            Who::Account(acc) => rtc_token_builder2::build_token_with_user_account_and_privilege(
                &id, &cert, &channel, &acc, te, j, a, v, d, st,
            ),
        }?;
        jstring_of(env, &token)
    })
}

/// `Native.rtcToken2WithRtm`: `RtcTokenBuilder2.buildTokenWithRtm`.
#[no_mangle]
#[allow(clippy::too_many_arguments)] // one parameter per Java argument
pub extern "system" fn Java_io_rtctoken_internal_Native_rtcToken2WithRtm<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    app_id: JString<'l>,
    app_certificate: JString<'l>,
    channel_name: JString<'l>,
    account: JString<'l>,
    role: jint,
    token_expire: jlong,
    privilege_expire: jlong,
    issue_ts: jlong,
    salt: jlong,
) -> jstring {
    guard(&mut env, null_string(), |env| {
        let token = rtc_token_builder2::build_token_with_rtm(
            &string(env, &app_id, "app_id")?,
            &string(env, &app_certificate, "app_certificate")?,
            &string(env, &channel_name, "channel_name")?,
            &string(env, &account, "account")?,
            u32_arg(role.into(), "role")?,
            u32_arg(token_expire, "token_expire")?,
            u32_arg(privilege_expire, "privilege_expire")?,
            stamp(issue_ts, salt)?,
        )?;
        jstring_of(env, &token)
    })
}

/// `Native.rtm2Family`: `buildTokenWithRtm2` (`extra` 0), ConvoAI (1) or
/// STT (2): RTC + RTM login, plus the extra service.
#[no_mangle]
#[allow(clippy::too_many_arguments)] // one parameter per Java argument
pub extern "system" fn Java_io_rtctoken_internal_Native_rtm2Family<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    extra: jint,
    app_id: JString<'l>,
    app_certificate: JString<'l>,
    channel_name: JString<'l>,
    rtc_account: JString<'l>,
    rtc_role: jint,
    rtc_token_expire: jlong,
    join_channel: jlong,
    pub_audio: jlong,
    pub_video: jlong,
    pub_data_stream: jlong,
    rtm_user_id: JString<'l>,
    rtm_token_expire: jlong,
    issue_ts: jlong,
    salt: jlong,
) -> jstring {
    guard(&mut env, null_string(), |env| {
        let f = match extra {
            0 => rtc_token_builder2::build_token_with_rtm2,
            1 => convoai_token_builder::build_token,
            2 => stt_token_builder::build_token,
            other => return Err(invalid(format!("extra must be 0, 1 or 2, got {other}"))),
        };
        let token = f(
            &string(env, &app_id, "app_id")?,
            &string(env, &app_certificate, "app_certificate")?,
            &string(env, &channel_name, "channel_name")?,
            &string(env, &rtc_account, "rtc_account")?,
            u32_arg(rtc_role.into(), "rtc_role")?,
            u32_arg(rtc_token_expire, "rtc_token_expire")?,
            u32_arg(join_channel, "join_channel_privilege_expire")?,
            u32_arg(pub_audio, "pub_audio_privilege_expire")?,
            u32_arg(pub_video, "pub_video_privilege_expire")?,
            u32_arg(pub_data_stream, "pub_data_stream_privilege_expire")?,
            &string(env, &rtm_user_id, "rtm_user_id")?,
            u32_arg(rtm_token_expire, "rtm_token_expire")?,
            stamp(issue_ts, salt)?,
        )?;
        jstring_of(env, &token)
    })
}

/// `Native.rtmToken2`: `RtmTokenBuilder2.buildToken`, or with a non-null
/// `permissions_json` (`{type: {permission: [resources]}}`),
/// `buildTokenWithPermissions`.
#[no_mangle]
#[allow(clippy::too_many_arguments)] // one parameter per Java argument
pub extern "system" fn Java_io_rtctoken_internal_Native_rtmToken2<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    app_id: JString<'l>,
    app_certificate: JString<'l>,
    user_id: JString<'l>,
    permissions_json: JString<'l>,
    expire: jlong,
    issue_ts: jlong,
    salt: jlong,
) -> jstring {
    guard(&mut env, null_string(), |env| {
        let id = string(env, &app_id, "app_id")?;
        let cert = string(env, &app_certificate, "app_certificate")?;
        let user = string(env, &user_id, "user_id")?;
        let expire = u32_arg(expire, "expire")?;
        let st = stamp(issue_ts, salt)?;
        let token = match optional_string(env, &permissions_json, "permissions")? {
            None => rtm_token_builder2::build_token(&id, &cert, &user, expire, st),
            Some(json) => {
                let p = permissions_from_json(&json)?;
                rtm_token_builder2::build_token_with_permissions(&id, &cert, &user, &p, expire, st)
            }
        }?;
        jstring_of(env, &token)
    })
}

/// `Native.chatToken`: a chat user token, or with a `null` user the app token.
#[no_mangle]
pub extern "system" fn Java_io_rtctoken_internal_Native_chatToken<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    app_id: JString<'l>,
    app_certificate: JString<'l>,
    user_id: JString<'l>,
    expire: jlong,
    issue_ts: jlong,
    salt: jlong,
) -> jstring {
    guard(&mut env, null_string(), |env| {
        let id = string(env, &app_id, "app_id")?;
        let cert = string(env, &app_certificate, "app_certificate")?;
        let expire = u32_arg(expire, "expire")?;
        let st = stamp(issue_ts, salt)?;
        let token = match optional_string(env, &user_id, "user_id")? {
            Some(user) => chat_token_builder2::build_user_token(&id, &cert, &user, expire, st),
            None => chat_token_builder2::build_app_token(&id, &cert, expire, st),
        }?;
        jstring_of(env, &token)
    })
}

/// `Native.educationToken` (also APaaS, which the vendor builds the same
/// way): with a room a room-user token, else with a user a user token,
/// else the app token.
#[no_mangle]
#[allow(clippy::too_many_arguments)] // one parameter per Java argument
pub extern "system" fn Java_io_rtctoken_internal_Native_educationToken<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    app_id: JString<'l>,
    app_certificate: JString<'l>,
    room_uuid: JString<'l>,
    user_uuid: JString<'l>,
    role: jshort,
    expire: jlong,
    issue_ts: jlong,
    salt: jlong,
) -> jstring {
    guard(&mut env, null_string(), |env| {
        let id = string(env, &app_id, "app_id")?;
        let cert = string(env, &app_certificate, "app_certificate")?;
        let expire = u32_arg(expire, "expire")?;
        let st = stamp(issue_ts, salt)?;
        let room = optional_string(env, &room_uuid, "room_uuid")?;
        let user = optional_string(env, &user_uuid, "user_uuid")?;
        let token = match (room, user) {
            (Some(room), Some(user)) => education_token_builder2::build_room_user_token(
                &id, &cert, &room, &user, role, expire, st,
            ),
            (Some(_), None) => return Err(invalid("user_uuid must not be null".to_owned())),
            (None, Some(user)) => {
                education_token_builder2::build_user_token(&id, &cert, &user, expire, st)
            }
            (None, None) => education_token_builder2::build_app_token(&id, &cert, expire, st),
        }?;
        jstring_of(env, &token)
    })
}

/// `Native.fpaToken`: `FpaTokenBuilder.buildToken`.
#[no_mangle]
pub extern "system" fn Java_io_rtctoken_internal_Native_fpaToken<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    app_id: JString<'l>,
    app_certificate: JString<'l>,
    issue_ts: jlong,
    salt: jlong,
) -> jstring {
    guard(&mut env, null_string(), |env| {
        let token = fpa_token_builder::build_token(
            &string(env, &app_id, "app_id")?,
            &string(env, &app_certificate, "app_certificate")?,
            stamp(issue_ts, salt)?,
        )?;
        jstring_of(env, &token)
    })
}
