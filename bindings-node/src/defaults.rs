//! The core's defaults that the JavaScript facades need as values: the
//! clock, a fresh salt, the 006 token lifetime, one day, relative expiries,
//! uid and account text, the service table, the 006 privileges, the roles,
//! the version prefixes, DynamicKey v5's permission values and RTM2's
//! resource types and permissions, so that no facade restates a token rule.

use napi::{Env, JsUnknown};
use napi_derive::napi;
use std::collections::HashMap;

use rtctoken::access_token::{
    account_text as core_account_text, expiry_after, uid_text as core_uid_text, DECLARED_PRIVILEGES,
};
use rtctoken::access_token2::permissions::{PERMISSIONS, RESOURCE_TYPES};
use rtctoken::access_token2::ServiceType;
use rtctoken::builders::ROLES;
use rtctoken::legacy::dynamic_key5;
use rtctoken::Stamp;

use crate::convert::FromJs;
use crate::errors::{guard, NodeError};

/// A fresh salt from the core (its OS-seeded CSPRNG, 1..=99999999), so an
/// `AccessToken2` object holds its salt from construction as the upstream's does.
#[napi]
pub fn random_salt() -> Result<u32, NodeError> {
    guard(|| Ok(Stamp::default().salt()))
}

/// The core's clock (Unix seconds), for default issue times.
#[napi]
pub fn now() -> u32 {
    rtctoken::now()
}

/// One day in seconds (the core's `lifetime::DAY`): the validity of the
/// signaling token's one-day helper.
#[napi]
pub fn day_seconds() -> u32 {
    rtctoken::lifetime::DAY
}

/// The absolute time `seconds` from now (the signaling token's relative `get`).
#[napi]
pub fn expires_in(env: Env, seconds: JsUnknown) -> Result<u32, NodeError> {
    let seconds = u32::from_js(&env, seconds, "validTimeInSeconds")?;
    guard(|| rtctoken::lifetime::expires_in(seconds))
}

/// The `ts` of a raw 006 token issued now (the core's 24 h lifetime).
#[napi]
pub fn access_token_default_ts() -> Result<u32, NodeError> {
    guard(|| expiry_after(rtctoken::now()))
}

/// The text a token carries for a numeric uid (`0` = any user = `""`).
#[napi]
pub fn uid_text(env: Env, uid: JsUnknown) -> Result<String, NodeError> {
    u32::from_js(&env, uid, "uid").map(core_uid_text)
}

/// A numeric account as the text RTM 006 signs (decimal, 0 included).
#[napi]
pub fn account_text(env: Env, account: JsUnknown) -> Result<String, NodeError> {
    u32::from_js(&env, account, "account").map(core_account_text)
}

/// One 007 service type of the core's table.
#[napi(object)]
pub struct ServiceTypeInfo {
    /// Its name (the serde tag).
    pub name: String,
    /// Its wire id.
    pub id: u32,
    /// Privilege name (snake_case) -> id.
    pub privileges: HashMap<String, u32>,
}

/// A core `(id, name)` table as name -> id.
fn by_name<T: Copy + Into<u32>>(table: &[(T, &str)]) -> HashMap<String, u32> {
    table
        .iter()
        .map(|&(id, name)| (name.to_owned(), id.into()))
        .collect()
}

/// The core's service table, so the facade's `k…ServiceType` and privilege
/// constants are not restated.
#[napi]
pub fn service_types() -> Vec<ServiceTypeInfo> {
    ServiceType::ALL
        .iter()
        .map(|&t| ServiceTypeInfo {
            name: t.name().to_owned(),
            id: t as u32,
            privileges: by_name(t.privileges()),
        })
        .collect()
}

/// Every 006 privilege the vendor declares: name (snake_case) -> id, for
/// the legacy `Privileges` constants.
#[napi]
pub fn access_token_privileges() -> HashMap<String, u32> {
    by_name(&DECLARED_PRIVILEGES)
}

/// Every builder that takes a role: its module name -> role name -> id, for
/// the `RtcRole` and `RtmRole` constants.
#[napi]
pub fn roles() -> HashMap<String, HashMap<String, u32>> {
    ROLES
        .iter()
        .map(|&(builder, roles)| (builder.to_owned(), by_name(roles)))
        .collect()
}

/// The version prefixes of v5 keys and 006 and 007 tokens.
#[napi(object)]
pub struct Versions {
    /// AccessToken 006's.
    pub access_token: String,
    /// AccessToken2 007's.
    pub access_token2: String,
    /// DynamicKey v5's.
    pub dynamic_key5: String,
}

/// The version prefixes of v5 keys and 006 and 007 tokens, for the
/// facades' version constants and checks.
#[napi]
pub fn versions() -> Versions {
    Versions {
        access_token: rtctoken::access_token::VERSION.to_owned(),
        access_token2: rtctoken::access_token2::VERSION.to_owned(),
        dynamic_key5: dynamic_key5::VERSION.to_owned(),
    }
}

/// DynamicKey v5's in-channel permission values by name (`no_upload`,
/// `audio_video_upload`), for the `DynamicKey5` facade's constants.
#[napi]
pub fn dynamic_key5_permissions() -> HashMap<String, String> {
    dynamic_key5::PERMISSIONS
        .iter()
        .map(|&(value, name)| (name.to_owned(), value.to_owned()))
        .collect()
}

/// RTM2's resource types and permissions, each name -> id.
#[napi(object)]
pub struct Rtm2PermissionIds {
    /// `message_channel`, `stream_channel`, … -> id.
    pub resource_types: HashMap<String, u32>,
    /// `read`, `write` -> id.
    pub permissions: HashMap<String, u32>,
}

/// RTM2's resource types and permissions, for `Rtm2Permissions`' constants.
#[napi]
pub fn rtm2_permissions() -> Rtm2PermissionIds {
    Rtm2PermissionIds {
        resource_types: by_name(&RESOURCE_TYPES),
        permissions: by_name(&PERMISSIONS),
    }
}
