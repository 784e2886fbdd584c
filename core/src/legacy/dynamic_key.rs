//! DynamicKey v1: `sig + app_id + dec10(unix_ts) + hex8(random_int)`.

use super::TextKey;
use crate::credentials::AppCertificate;
use crate::error::Result;

/// The version name of v1 keys: they carry none (parse tells them by
/// length), so this is what parse reports and the bindings' `version()`s
/// return.
pub const VERSION: &str = "001";

/// Builds a v1 dynamic key.
pub fn generate(
    app_id: &str,
    app_certificate: &str,
    channel_name: &str,
    unix_ts: u32,
    random_int: u32,
) -> Result<String> {
    let cert = AppCertificate::new(app_certificate)?;
    let key = TextKey {
        app_id,
        channel_name,
        unix_ts,
        random_int,
        tail: None,
    };
    Ok(format!("{}{}", key.sign(&cert, "")?, key.head()))
}
