//! DynamicKey v3: `"003"` followed by a v2 key.

use crate::credentials::AppCertificate;
use crate::error::Result;

/// The prefix v3 keys start with.
pub const VERSION: &str = "003";

/// Builds a v3 dynamic key.
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
    let v2 = super::dynamic_key2::body(
        &cert,
        app_id,
        channel_name,
        unix_ts,
        random_int,
        uid,
        expired_ts,
    )?;
    Ok(format!("{VERSION}{v2}"))
}
