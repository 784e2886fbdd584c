//! RTC tokens in the 006 format, for SDKs that predate 007.

use crate::access_token::{
    uid_text, AccessToken, JOIN_CHANNEL, PUBLISH_AUDIO_STREAM, PUBLISH_DATA_STREAM,
    PUBLISH_VIDEO_STREAM,
};
use crate::error::{Error, Result};
use crate::stamp::Stamp;

/// Role: attendee (same privileges as a publisher).
pub const ROLE_ATTENDEE: u32 = 0;
/// Role: publisher.
pub const ROLE_PUBLISHER: u32 = 1;
/// Role: subscriber (join only).
pub const ROLE_SUBSCRIBER: u32 = 2;
/// Role: admin (same privileges as a publisher).
pub const ROLE_ADMIN: u32 = 101;
/// Every role with its name, for the bindings' role constants.
pub const ROLES: [(u32, &str); 4] = [
    (ROLE_ATTENDEE, "attendee"),
    (ROLE_PUBLISHER, "publisher"),
    (ROLE_SUBSCRIBER, "subscriber"),
    (ROLE_ADMIN, "admin"),
];

/// A 006 RTC token for a numeric uid (0 = any user).
pub fn build_token_with_uid(
    app_id: &str,
    app_certificate: &str,
    channel_name: &str,
    uid: u32,
    role: u32,
    privilege_expired_ts: u32,
    stamp: Stamp,
) -> Result<String> {
    build_token_with_account(
        app_id,
        app_certificate,
        channel_name,
        &uid_text(uid),
        role,
        privilege_expired_ts,
        stamp,
    )
}

/// A 006 RTC token for a user account.
pub fn build_token_with_account(
    app_id: &str,
    app_certificate: &str,
    channel_name: &str,
    account: &str,
    role: u32,
    privilege_expired_ts: u32,
    stamp: Stamp,
) -> Result<String> {
    let privileges: &[u16] = match role {
        ROLE_ATTENDEE | ROLE_PUBLISHER | ROLE_ADMIN => &[
            JOIN_CHANNEL,
            PUBLISH_AUDIO_STREAM,
            PUBLISH_VIDEO_STREAM,
            PUBLISH_DATA_STREAM,
        ],
        ROLE_SUBSCRIBER => &[JOIN_CHANNEL],
        _ => {
            return Err(Error::invalid(format!(
            "role must be 0 (attendee), 1 (publisher), 2 (subscriber) or 101 (admin), got {role}"
        )))
        }
    };
    let mut token = AccessToken::new(app_id, app_certificate, channel_name, account, stamp)?;
    for p in privileges {
        token.add_privilege(*p, privilege_expired_ts);
    }
    token.build()
}
