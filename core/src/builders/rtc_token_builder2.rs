//! RTC tokens (007), alone or with RTM.

use crate::access_token::uid_text;
use crate::access_token2::privileges::{rtc, rtm};
use crate::access_token2::Service;
use crate::error::Result;
use crate::stamp::Stamp;

/// Role: may publish (join plus audio, video and data privileges).
pub const ROLE_PUBLISHER: u32 = 1;
/// Role: may only subscribe (join privilege). Any role but 1 acts like this.
pub const ROLE_SUBSCRIBER: u32 = 2;

/// The RTC service of every builder here: join, and the publish privileges
/// only for publishers.
pub(crate) fn rtc_service(
    channel_name: &str,
    account: &str,
    role: u32,
    expires: [u32; 4],
) -> Service {
    let mut s = Service::rtc(channel_name, account);
    s.add_privilege(rtc::JOIN_CHANNEL, expires[0]);
    if role == ROLE_PUBLISHER {
        s.add_privilege(rtc::PUBLISH_AUDIO_STREAM, expires[1])
            .add_privilege(rtc::PUBLISH_VIDEO_STREAM, expires[2])
            .add_privilege(rtc::PUBLISH_DATA_STREAM, expires[3]);
    }
    s
}

fn token(
    app_id: &str,
    app_certificate: &str,
    expire: u32,
    stamp: Stamp,
    services: Vec<Service>,
) -> Result<String> {
    crate::access_token2::build(app_id, app_certificate, expire, stamp, services)
}

/// An RTC token for a numeric uid (0 = any user); all privileges expire
/// `privilege_expire` seconds after issue.
#[allow(clippy::too_many_arguments)] // the vendor's signature, kept for drop-in use
pub fn build_token_with_uid(
    app_id: &str,
    app_certificate: &str,
    channel_name: &str,
    uid: u32,
    role: u32,
    token_expire: u32,
    privilege_expire: u32,
    stamp: Stamp,
) -> Result<String> {
    build_token_with_user_account(
        app_id,
        app_certificate,
        channel_name,
        &uid_text(uid),
        role,
        token_expire,
        privilege_expire,
        stamp,
    )
}

/// An RTC token for a user account.
#[allow(clippy::too_many_arguments)] // the vendor's signature, kept for drop-in use
pub fn build_token_with_user_account(
    app_id: &str,
    app_certificate: &str,
    channel_name: &str,
    account: &str,
    role: u32,
    token_expire: u32,
    privilege_expire: u32,
    stamp: Stamp,
) -> Result<String> {
    let rtc = rtc_service(channel_name, account, role, [privilege_expire; 4]);
    token(app_id, app_certificate, token_expire, stamp, vec![rtc])
}

/// An RTC token for a numeric uid with each privilege's expiry given.
#[allow(clippy::too_many_arguments)] // the vendor's signature, kept for drop-in use
pub fn build_token_with_uid_and_privilege(
    app_id: &str,
    app_certificate: &str,
    channel_name: &str,
    uid: u32,
    token_expire: u32,
    join_channel_privilege_expire: u32,
    pub_audio_privilege_expire: u32,
    pub_video_privilege_expire: u32,
    pub_data_stream_privilege_expire: u32,
    stamp: Stamp,
) -> Result<String> {
    build_token_with_user_account_and_privilege(
        app_id,
        app_certificate,
        channel_name,
        &uid_text(uid),
        token_expire,
        join_channel_privilege_expire,
        pub_audio_privilege_expire,
        pub_video_privilege_expire,
        pub_data_stream_privilege_expire,
        stamp,
    )
}

/// An RTC token for a user account with each privilege's expiry given.
#[allow(clippy::too_many_arguments)] // the vendor's signature, kept for drop-in use
pub fn build_token_with_user_account_and_privilege(
    app_id: &str,
    app_certificate: &str,
    channel_name: &str,
    account: &str,
    token_expire: u32,
    join_channel_privilege_expire: u32,
    pub_audio_privilege_expire: u32,
    pub_video_privilege_expire: u32,
    pub_data_stream_privilege_expire: u32,
    stamp: Stamp,
) -> Result<String> {
    let expires = [
        join_channel_privilege_expire,
        pub_audio_privilege_expire,
        pub_video_privilege_expire,
        pub_data_stream_privilege_expire,
    ];
    let rtc = rtc_service(channel_name, account, ROLE_PUBLISHER, expires);
    token(app_id, app_certificate, token_expire, stamp, vec![rtc])
}

/// An RTC token plus RTM login for the same account (RTM expires with the token).
#[allow(clippy::too_many_arguments)] // the vendor's signature, kept for drop-in use
pub fn build_token_with_rtm(
    app_id: &str,
    app_certificate: &str,
    channel_name: &str,
    account: &str,
    role: u32,
    token_expire: u32,
    privilege_expire: u32,
    stamp: Stamp,
) -> Result<String> {
    let rtc = rtc_service(channel_name, account, role, [privilege_expire; 4]);
    let rtm = Service::rtm(account).with_privilege(rtm::LOGIN, token_expire);
    token(app_id, app_certificate, token_expire, stamp, vec![rtc, rtm])
}

/// An RTC token with per-privilege expiries plus RTM login for another user id.
#[allow(clippy::too_many_arguments)] // the vendor's signature, kept for drop-in use
pub fn build_token_with_rtm2(
    app_id: &str,
    app_certificate: &str,
    channel_name: &str,
    rtc_account: &str,
    rtc_role: u32,
    rtc_token_expire: u32,
    join_channel_privilege_expire: u32,
    pub_audio_privilege_expire: u32,
    pub_video_privilege_expire: u32,
    pub_data_stream_privilege_expire: u32,
    rtm_user_id: &str,
    rtm_token_expire: u32,
    stamp: Stamp,
) -> Result<String> {
    let expires = [
        join_channel_privilege_expire,
        pub_audio_privilege_expire,
        pub_video_privilege_expire,
        pub_data_stream_privilege_expire,
    ];
    let rtm = Rtm2Login {
        user_id: rtm_user_id,
        expire: rtm_token_expire,
    };
    rtm2_family(
        app_id,
        app_certificate,
        channel_name,
        rtc_account,
        rtc_role,
        rtc_token_expire,
        expires,
        rtm,
        None,
        stamp,
    )
}

/// The RTM login half of [`build_token_with_rtm2`].
pub(crate) struct Rtm2Login<'a> {
    pub user_id: &'a str,
    pub expire: u32,
}

/// [`build_token_with_rtm2`]'s services, plus `extra` (ConvoAI, STT).
#[allow(clippy::too_many_arguments)] // the vendor's signature, kept for drop-in use
pub(crate) fn rtm2_family(
    app_id: &str,
    app_certificate: &str,
    channel_name: &str,
    rtc_account: &str,
    rtc_role: u32,
    rtc_token_expire: u32,
    expires: [u32; 4],
    rtm: Rtm2Login,
    extra: Option<Service>,
    stamp: Stamp,
) -> Result<String> {
    let mut services = vec![
        rtc_service(channel_name, rtc_account, rtc_role, expires),
        Service::rtm(rtm.user_id).with_privilege(rtm::LOGIN, rtm.expire),
    ];
    services.extend(extra);
    token(app_id, app_certificate, rtc_token_expire, stamp, services)
}
