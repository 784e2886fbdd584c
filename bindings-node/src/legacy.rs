//! DynamicKey v1–v5, the signaling token and AccessToken 006: the calls
//! behind `rtctoken/legacy`.

use std::collections::BTreeMap;

use napi::Either;
use napi_derive::napi;
use rtctoken::builders::{rtc_token_builder, rtm_token_builder};
use rtctoken::legacy::{
    dynamic_key, dynamic_key2, dynamic_key3, dynamic_key4, dynamic_key5, signaling_token,
};
use rtctoken::{access_token::AccessToken, ErrorKind};

use crate::convert::stamp;
use crate::errors::{guard, node_error, NodeError};

/// A privilege id and its expiry, as the JS layer flattens a privilege map.
#[napi(object)]
pub struct PrivilegeInput {
    /// Privilege id (checked to fit 16 bits).
    pub id: u32,
    /// Expiry (006: absolute Unix seconds; 007: seconds after issue).
    pub expire: u32,
}

/// Checks the ids of a flattened privilege map and rebuilds it.
pub fn privilege_map(privileges: &[PrivilegeInput]) -> Result<BTreeMap<u16, u32>, NodeError> {
    privileges
        .iter()
        .map(|p| {
            u16::try_from(p.id).map(|id| (id, p.expire)).map_err(|_| {
                node_error(
                    ErrorKind::InvalidArgument,
                    format!("privilege id must be in 0..=65535, got {}", p.id),
                )
            })
        })
        .collect()
}

/// DynamicKey v1 (`DynamicKey.generate`).
#[napi]
pub fn dynamic_key(
    app_id: String,
    app_certificate: String,
    channel_name: String,
    unix_ts: u32,
    random_int: u32,
) -> Result<String, NodeError> {
    guard(|| {
        dynamic_key::generate(
            &app_id,
            &app_certificate,
            &channel_name,
            unix_ts,
            random_int,
        )
    })
}

type TextKeyFn = fn(&str, &str, &str, u32, u32, u32, u32) -> rtctoken::Result<String>;

/// The generator a legacy `(version, service)` pair names.
fn text_key_fn(version: u32, service: &str) -> Result<TextKeyFn, NodeError> {
    Ok(match (version, service) {
        (2, _) => dynamic_key2::generate,
        (3, _) => dynamic_key3::generate,
        (4, "media_channel") => dynamic_key4::generate_media_channel_key,
        (4, "recording") => dynamic_key4::generate_recording_key,
        (4, "public_sharing") => dynamic_key4::generate_public_sharing_key,
        (5, "media_channel") => dynamic_key5::generate_media_channel_key,
        (5, "recording") => dynamic_key5::generate_recording_key,
        (5, "public_sharing") => dynamic_key5::generate_public_sharing_key,
        _ => {
            return Err(node_error(
                ErrorKind::InvalidArgument,
                format!("no DynamicKey v{version} generator for service {service:?}"),
            ))
        }
    })
}

/// DynamicKey v2–v5 with a uid and expiry; `service` picks the v4/v5 key
/// kind (`media_channel`, `recording`, `public_sharing`).
#[napi]
#[allow(clippy::too_many_arguments)] // the upstream's positional signature
pub fn dynamic_key_uid(
    version: u32,
    service: String,
    app_id: String,
    app_certificate: String,
    channel_name: String,
    unix_ts: u32,
    random_int: u32,
    uid: u32,
    expired_ts: u32,
) -> Result<String, NodeError> {
    let f = text_key_fn(version, &service)?;
    guard(|| {
        f(
            &app_id,
            &app_certificate,
            &channel_name,
            unix_ts,
            random_int,
            uid,
            expired_ts,
        )
    })
}

/// DynamicKey v5 in-channel permission key.
#[napi]
#[allow(clippy::too_many_arguments)] // the upstream's positional signature
pub fn dynamic_key5_in_channel_permission(
    app_id: String,
    app_certificate: String,
    channel_name: String,
    unix_ts: u32,
    random_int: u32,
    uid: u32,
    expired_ts: u32,
    permission: String,
) -> Result<String, NodeError> {
    guard(|| {
        dynamic_key5::generate_in_channel_permission_key(
            &app_id,
            &app_certificate,
            &channel_name,
            unix_ts,
            random_int,
            uid,
            expired_ts,
            &permission,
        )
    })
}

/// Signaling token for `account`, expiring at `expired_ts` (absolute).
#[napi]
pub fn signaling_token(
    app_id: String,
    app_certificate: String,
    account: String,
    expired_ts: u32,
) -> Result<String, NodeError> {
    guard(|| signaling_token::generate(&account, &app_id, &app_certificate, expired_ts))
}

/// A raw 006 token. `salt` unset = random; `ts` unset = now + 24 h.
#[napi]
pub fn access_token_build(
    app_id: String,
    app_certificate: String,
    channel_name: String,
    uid: String,
    salt: Option<u32>,
    ts: Option<u32>,
    privileges: Vec<PrivilegeInput>,
) -> Result<String, NodeError> {
    let privileges = privilege_map(&privileges)?;
    guard(|| {
        let mut token = AccessToken::new(
            &app_id,
            &app_certificate,
            &channel_name,
            &uid,
            stamp(None, salt),
        )?;
        if let Some(ts) = ts {
            token.ts = ts;
        }
        token.privileges = privileges;
        token.build()
    })
}

/// 006 RTC token for a numeric uid or a string account.
#[napi]
#[allow(clippy::too_many_arguments)] // the upstream's positional signature
pub fn rtc_token_006(
    app_id: String,
    app_certificate: String,
    channel_name: String,
    uid: Either<u32, String>,
    role: u32,
    privilege_expired_ts: u32,
    issue_ts: Option<u32>,
    salt: Option<u32>,
) -> Result<String, NodeError> {
    let s = stamp(issue_ts, salt);
    guard(|| match &uid {
        Either::A(n) => rtc_token_builder::build_token_with_uid(
            &app_id,
            &app_certificate,
            &channel_name,
            *n,
            role,
            privilege_expired_ts,
            s,
        ),
        Either::B(account) => rtc_token_builder::build_token_with_account(
            &app_id,
            &app_certificate,
            &channel_name,
            account,
            role,
            privilege_expired_ts,
            s,
        ),
    })
}

/// 006 RTM token.
#[napi]
pub fn rtm_token_006(
    app_id: String,
    app_certificate: String,
    user_account: String,
    role: u32,
    privilege_expired_ts: u32,
    issue_ts: Option<u32>,
    salt: Option<u32>,
) -> Result<String, NodeError> {
    guard(|| {
        rtm_token_builder::build_token(
            &app_id,
            &app_certificate,
            &user_account,
            role,
            privilege_expired_ts,
            stamp(issue_ts, salt),
        )
    })
}
