//! DynamicKey v4: the signed message starts with a service tag; the uid is
//! signed but not carried, so verifying needs it.

use super::TextKey;
use crate::credentials::AppCertificate;
use crate::error::Result;

/// The prefix v4 keys start with.
pub const VERSION: &str = "004";

/// The service tags a v4 signature can start with, in catalogue order.
pub const SERVICES: [&str; 3] = [MEDIA_CHANNEL, RECORDING, PUBLIC_SHARING];
const MEDIA_CHANNEL: &str = "ACS";
const RECORDING: &str = "ARS";
const PUBLIC_SHARING: &str = "APSS";

/// Builds a v4 key for joining a media channel.
pub fn generate_media_channel_key(
    app_id: &str,
    app_certificate: &str,
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
    generate(MEDIA_CHANNEL, app_certificate, key)
}

/// Builds a v4 key for recording.
pub fn generate_recording_key(
    app_id: &str,
    app_certificate: &str,
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
    generate(RECORDING, app_certificate, key)
}

/// Builds a v4 key for public sharing.
pub fn generate_public_sharing_key(
    app_id: &str,
    app_certificate: &str,
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
    generate(PUBLIC_SHARING, app_certificate, key)
}

/// Builds a v4 key whose signature starts with the service tag `service`.
fn generate(service: &str, app_certificate: &str, key: TextKey) -> Result<String> {
    let cert = AppCertificate::new(app_certificate)?;
    let expired_ts = key.tail.map_or(0, |(_, ts)| ts);
    Ok(format!(
        "{VERSION}{}{}{expired_ts:010}",
        key.sign(&cert, service)?,
        key.head()
    ))
}
