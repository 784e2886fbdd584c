//! Exports for AccessToken 006: the raw token and the RTC/RTM 006 builders.

use std::ffi::c_char;

use rtctoken::access_token;
use rtctoken::builders::{rtc_token_builder, rtm_token_builder};

use crate::input::{self, rtctoken_privilege, rtctoken_stamp, text};
use crate::output::string_call;
use crate::status::rtctoken_status;

/// A raw 006 token (`access_token.build`) with exactly this salt, token
/// expiry `ts` (absolute Unix time) and privileges (absolute expiries);
/// `uid` is the uid text ("" for uid 0, else decimal or an account).
/// `privileges` may be NULL when `privilege_count` is 0.
#[no_mangle]
#[allow(clippy::too_many_arguments)] // one C argument per token field
pub unsafe extern "C" fn rtctoken_access_token_build(
    app_id: *const c_char,
    app_certificate: *const c_char,
    channel_name: *const c_char,
    uid: *const c_char,
    salt: u32,
    ts: u32,
    privileges: *const rtctoken_privilege,
    privilege_count: usize,
    token_out: *mut *mut c_char,
) -> rtctoken_status {
    string_call(token_out, "token_out", || {
        access_token::build(
            text(app_id, "app_id")?,
            text(app_certificate, "app_certificate")?,
            text(channel_name, "channel_name")?,
            text(uid, "uid")?,
            salt,
            ts,
            &input::privileges(privileges, privilege_count)?,
        )
    })
}

/// An RTC 006 token for a numeric uid (0 = any user)
/// (`rtc_token_builder.build_token_with_uid`); role 0 attendee, 1 publisher,
/// 2 subscriber, 101 admin; `privilege_expired_ts` is absolute Unix time.
/// `stamp` may be NULL (now, random salt).
#[no_mangle]
#[allow(clippy::too_many_arguments)] // the vendor's parameter list
pub unsafe extern "C" fn rtctoken_rtc_token_builder_build_token_with_uid(
    app_id: *const c_char,
    app_certificate: *const c_char,
    channel_name: *const c_char,
    uid: u32,
    role: u32,
    privilege_expired_ts: u32,
    stamp: *const rtctoken_stamp,
    token_out: *mut *mut c_char,
) -> rtctoken_status {
    string_call(token_out, "token_out", || {
        rtc_token_builder::build_token_with_uid(
            text(app_id, "app_id")?,
            text(app_certificate, "app_certificate")?,
            text(channel_name, "channel_name")?,
            uid,
            role,
            privilege_expired_ts,
            input::stamp(stamp),
        )
    })
}

/// An RTC 006 token for a user account
/// (`rtc_token_builder.build_token_with_account`); see
/// `rtctoken_rtc_token_builder_build_token_with_uid`.
#[no_mangle]
#[allow(clippy::too_many_arguments)] // the vendor's parameter list
pub unsafe extern "C" fn rtctoken_rtc_token_builder_build_token_with_account(
    app_id: *const c_char,
    app_certificate: *const c_char,
    channel_name: *const c_char,
    account: *const c_char,
    role: u32,
    privilege_expired_ts: u32,
    stamp: *const rtctoken_stamp,
    token_out: *mut *mut c_char,
) -> rtctoken_status {
    string_call(token_out, "token_out", || {
        rtc_token_builder::build_token_with_account(
            text(app_id, "app_id")?,
            text(app_certificate, "app_certificate")?,
            text(channel_name, "channel_name")?,
            text(account, "account")?,
            role,
            privilege_expired_ts,
            input::stamp(stamp),
        )
    })
}

/// An RTM 006 token (`rtm_token_builder.build_token`); role must be 1 (RTM
/// user); `privilege_expired_ts` is absolute Unix time. `stamp` may be NULL.
#[no_mangle]
pub unsafe extern "C" fn rtctoken_rtm_token_builder_build_token(
    app_id: *const c_char,
    app_certificate: *const c_char,
    user_account: *const c_char,
    role: u32,
    privilege_expired_ts: u32,
    stamp: *const rtctoken_stamp,
    token_out: *mut *mut c_char,
) -> rtctoken_status {
    string_call(token_out, "token_out", || {
        rtm_token_builder::build_token(
            text(app_id, "app_id")?,
            text(app_certificate, "app_certificate")?,
            text(user_account, "user_account")?,
            role,
            privilege_expired_ts,
            input::stamp(stamp),
        )
    })
}
