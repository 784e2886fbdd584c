//! Exports for the legacy dynamic keys (v1–v5) and the signaling token.

use std::ffi::c_char;

use rtctoken::legacy::{
    dynamic_key, dynamic_key2, dynamic_key3, dynamic_key4, dynamic_key5, signaling_token,
};

use crate::input::text;
use crate::output::string_call;
use crate::status::rtctoken_status;

/// The signature shared by the v2–v5 generators.
type Legacy7 = fn(&str, &str, &str, u32, u32, u32, u32) -> rtctoken::Result<String>;

/// Runs a v2–v5 generator on C arguments.
#[allow(clippy::too_many_arguments)] // the vendor's parameter list
unsafe fn legacy7(
    generate: Legacy7,
    app_id: *const c_char,
    app_certificate: *const c_char,
    channel_name: *const c_char,
    unix_ts: u32,
    random_int: u32,
    uid: u32,
    expired_ts: u32,
    token_out: *mut *mut c_char,
) -> rtctoken_status {
    string_call(token_out, "token_out", || {
        generate(
            text(app_id, "app_id")?,
            text(app_certificate, "app_certificate")?,
            text(channel_name, "channel_name")?,
            unix_ts,
            random_int,
            uid,
            expired_ts,
        )
    })
}

/// DynamicKey v1 (`dynamic_key.generate`), for SDKs that predate uids in keys.
#[no_mangle]
pub unsafe extern "C" fn rtctoken_dynamic_key_generate(
    app_id: *const c_char,
    app_certificate: *const c_char,
    channel_name: *const c_char,
    unix_ts: u32,
    random_int: u32,
    token_out: *mut *mut c_char,
) -> rtctoken_status {
    string_call(token_out, "token_out", || {
        dynamic_key::generate(
            text(app_id, "app_id")?,
            text(app_certificate, "app_certificate")?,
            text(channel_name, "channel_name")?,
            unix_ts,
            random_int,
        )
    })
}

/// DynamicKey v2 (`dynamic_key2.generate`): v1 plus uid and expiry.
#[no_mangle]
#[allow(clippy::too_many_arguments)] // the vendor's parameter list
pub unsafe extern "C" fn rtctoken_dynamic_key2_generate(
    app_id: *const c_char,
    app_certificate: *const c_char,
    channel_name: *const c_char,
    unix_ts: u32,
    random_int: u32,
    uid: u32,
    expired_ts: u32,
    token_out: *mut *mut c_char,
) -> rtctoken_status {
    legacy7(
        dynamic_key2::generate,
        app_id,
        app_certificate,
        channel_name,
        unix_ts,
        random_int,
        uid,
        expired_ts,
        token_out,
    )
}

/// DynamicKey v3 (`dynamic_key3.generate`): v2 with a version prefix.
#[no_mangle]
#[allow(clippy::too_many_arguments)] // the vendor's parameter list
pub unsafe extern "C" fn rtctoken_dynamic_key3_generate(
    app_id: *const c_char,
    app_certificate: *const c_char,
    channel_name: *const c_char,
    unix_ts: u32,
    random_int: u32,
    uid: u32,
    expired_ts: u32,
    token_out: *mut *mut c_char,
) -> rtctoken_status {
    legacy7(
        dynamic_key3::generate,
        app_id,
        app_certificate,
        channel_name,
        unix_ts,
        random_int,
        uid,
        expired_ts,
        token_out,
    )
}

/// DynamicKey v4 media channel key (`dynamic_key4.generate_media_channel_key`).
#[no_mangle]
#[allow(clippy::too_many_arguments)] // the vendor's parameter list
pub unsafe extern "C" fn rtctoken_dynamic_key4_generate_media_channel_key(
    app_id: *const c_char,
    app_certificate: *const c_char,
    channel_name: *const c_char,
    unix_ts: u32,
    random_int: u32,
    uid: u32,
    expired_ts: u32,
    token_out: *mut *mut c_char,
) -> rtctoken_status {
    legacy7(
        dynamic_key4::generate_media_channel_key,
        app_id,
        app_certificate,
        channel_name,
        unix_ts,
        random_int,
        uid,
        expired_ts,
        token_out,
    )
}

/// DynamicKey v4 recording key (`dynamic_key4.generate_recording_key`).
#[no_mangle]
#[allow(clippy::too_many_arguments)] // the vendor's parameter list
pub unsafe extern "C" fn rtctoken_dynamic_key4_generate_recording_key(
    app_id: *const c_char,
    app_certificate: *const c_char,
    channel_name: *const c_char,
    unix_ts: u32,
    random_int: u32,
    uid: u32,
    expired_ts: u32,
    token_out: *mut *mut c_char,
) -> rtctoken_status {
    legacy7(
        dynamic_key4::generate_recording_key,
        app_id,
        app_certificate,
        channel_name,
        unix_ts,
        random_int,
        uid,
        expired_ts,
        token_out,
    )
}

/// DynamicKey v4 public sharing key (`dynamic_key4.generate_public_sharing_key`).
#[no_mangle]
#[allow(clippy::too_many_arguments)] // the vendor's parameter list
pub unsafe extern "C" fn rtctoken_dynamic_key4_generate_public_sharing_key(
    app_id: *const c_char,
    app_certificate: *const c_char,
    channel_name: *const c_char,
    unix_ts: u32,
    random_int: u32,
    uid: u32,
    expired_ts: u32,
    token_out: *mut *mut c_char,
) -> rtctoken_status {
    legacy7(
        dynamic_key4::generate_public_sharing_key,
        app_id,
        app_certificate,
        channel_name,
        unix_ts,
        random_int,
        uid,
        expired_ts,
        token_out,
    )
}

/// DynamicKey v5 media channel key (`dynamic_key5.generate_media_channel_key`).
#[no_mangle]
#[allow(clippy::too_many_arguments)] // the vendor's parameter list
pub unsafe extern "C" fn rtctoken_dynamic_key5_generate_media_channel_key(
    app_id: *const c_char,
    app_certificate: *const c_char,
    channel_name: *const c_char,
    unix_ts: u32,
    random_int: u32,
    uid: u32,
    expired_ts: u32,
    token_out: *mut *mut c_char,
) -> rtctoken_status {
    legacy7(
        dynamic_key5::generate_media_channel_key,
        app_id,
        app_certificate,
        channel_name,
        unix_ts,
        random_int,
        uid,
        expired_ts,
        token_out,
    )
}

/// DynamicKey v5 recording key (`dynamic_key5.generate_recording_key`).
#[no_mangle]
#[allow(clippy::too_many_arguments)] // the vendor's parameter list
pub unsafe extern "C" fn rtctoken_dynamic_key5_generate_recording_key(
    app_id: *const c_char,
    app_certificate: *const c_char,
    channel_name: *const c_char,
    unix_ts: u32,
    random_int: u32,
    uid: u32,
    expired_ts: u32,
    token_out: *mut *mut c_char,
) -> rtctoken_status {
    legacy7(
        dynamic_key5::generate_recording_key,
        app_id,
        app_certificate,
        channel_name,
        unix_ts,
        random_int,
        uid,
        expired_ts,
        token_out,
    )
}

/// DynamicKey v5 public sharing key (`dynamic_key5.generate_public_sharing_key`).
#[no_mangle]
#[allow(clippy::too_many_arguments)] // the vendor's parameter list
pub unsafe extern "C" fn rtctoken_dynamic_key5_generate_public_sharing_key(
    app_id: *const c_char,
    app_certificate: *const c_char,
    channel_name: *const c_char,
    unix_ts: u32,
    random_int: u32,
    uid: u32,
    expired_ts: u32,
    token_out: *mut *mut c_char,
) -> rtctoken_status {
    legacy7(
        dynamic_key5::generate_public_sharing_key,
        app_id,
        app_certificate,
        channel_name,
        unix_ts,
        random_int,
        uid,
        expired_ts,
        token_out,
    )
}

/// DynamicKey v5 in-channel permission key
/// (`dynamic_key5.generate_in_channel_permission_key`); `permission` is "0"
/// (no upload) or "3" (audio and video upload).
#[no_mangle]
#[allow(clippy::too_many_arguments)] // the vendor's parameter list
pub unsafe extern "C" fn rtctoken_dynamic_key5_generate_in_channel_permission_key(
    app_id: *const c_char,
    app_certificate: *const c_char,
    channel_name: *const c_char,
    unix_ts: u32,
    random_int: u32,
    uid: u32,
    expired_ts: u32,
    permission: *const c_char,
    token_out: *mut *mut c_char,
) -> rtctoken_status {
    string_call(token_out, "token_out", || {
        dynamic_key5::generate_in_channel_permission_key(
            text(app_id, "app_id")?,
            text(app_certificate, "app_certificate")?,
            text(channel_name, "channel_name")?,
            unix_ts,
            random_int,
            uid,
            expired_ts,
            text(permission, "permission")?,
        )
    })
}

/// Signaling token for RTM before 2.0 (`signaling_token.generate`);
/// `expired_ts` is absolute Unix time.
#[no_mangle]
pub unsafe extern "C" fn rtctoken_signaling_token_generate(
    account: *const c_char,
    app_id: *const c_char,
    app_certificate: *const c_char,
    expired_ts: u32,
    token_out: *mut *mut c_char,
) -> rtctoken_status {
    string_call(token_out, "token_out", || {
        signaling_token::generate(
            text(account, "account")?,
            text(app_id, "app_id")?,
            text(app_certificate, "app_certificate")?,
            expired_ts,
        )
    })
}
