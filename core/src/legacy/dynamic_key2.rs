//! DynamicKey v2: v1 plus `dec10(uid) + dec10(expired_ts)`, signed and carried.

use super::TextKey;
use crate::credentials::AppCertificate;
use crate::error::Result;

/// The version name of v2 keys: they carry none (parse tells them by
/// length), so this is what parse reports and the bindings' `version()`s
/// return.
pub const VERSION: &str = "002";

/// Builds a v2 dynamic key.
pub fn generate(
    app_id: &str,
    app_certificate: &str,
    channel_name: &str,
    unix_ts: u32,
    random_int: u32,
    uid: u32,
    expired_ts: u32,
) -> Result<String> {
    let cert = AppCertificate::new(app_certificate)?;
    body(
        &cert,
        app_id,
        channel_name,
        unix_ts,
        random_int,
        uid,
        expired_ts,
    )
}

/// The v2 token, which v3 prefixes with `003`.
pub(crate) fn body(
    cert: &AppCertificate,
    app_id: &str,
    channel_name: &str,
    unix_ts: u32,
    random_int: u32,
    uid: u32,
    expired_ts: u32,
) -> Result<String> {
    let key = TextKey {
        app_id,
        channel_name,
        unix_ts,
        random_int,
        tail: Some((uid, expired_ts)),
    };
    Ok(format!(
        "{}{}{uid:010}{expired_ts:010}",
        key.sign(cert, "")?,
        key.head()
    ))
}
