//! The core's defaults that the JavaScript facades need as values: the
//! clock, a fresh salt, the 006 token lifetime, one day, uid text and the
//! service types, so that no facade restates a token rule.

use napi::{Env, JsUnknown};
use napi_derive::napi;
use rtctoken::access_token::{expiry_after, uid_text as core_uid_text};
use rtctoken::access_token2::ServiceType;
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

/// The core's service table: each 007 service type's name (its serde tag)
/// and wire id, so the facade's `k…ServiceType` constants are not restated.
#[napi]
pub fn service_types() -> std::collections::HashMap<String, u32> {
    ServiceType::ALL
        .iter()
        .map(|t| (t.name().to_owned(), *t as u32))
        .collect()
}
