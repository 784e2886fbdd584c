//! RTC tokens (007), alone or with RTM.

use crate::access_token::uid_text;
use crate::access_token2::privileges::{rtc, rtm};
use crate::access_token2::{self, Service};
use crate::error::Result;
use crate::stamp::Stamp;

/// Role: may publish (join plus audio, video and data privileges).
pub const ROLE_PUBLISHER: u32 = 1;
/// Role: may only subscribe (join privilege). Any role but 1 acts like this.
pub const ROLE_SUBSCRIBER: u32 = 2;
/// Every role with its name, for the bindings' role constants.
pub const ROLES: [(u32, &str); 2] = [
    (ROLE_PUBLISHER, "publisher"),
    (ROLE_SUBSCRIBER, "subscriber"),
];

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
    let rtc = rtc_service(
        channel_name,
        super::arg("account", account)?,
        role,
        [privilege_expire; 4],
    );
    access_token2::build(app_id, app_certificate, token_expire, &[rtc], stamp)
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
    let rtc = rtc_service(
        channel_name,
        super::arg("account", account)?,
        ROLE_PUBLISHER,
        expires,
    );
    access_token2::build(app_id, app_certificate, token_expire, &[rtc], stamp)
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
    let rtc = rtc_service(
        channel_name,
        super::arg("account", account)?,
        role,
        [privilege_expire; 4],
    );
    let rtm = Service::rtm(account).with_privilege(rtm::LOGIN, token_expire);
    access_token2::build(app_id, app_certificate, token_expire, &[rtc, rtm], stamp)
}

/// Defines a builder with `build_token_with_rtm2`'s signature: RTC with
/// per-privilege expiries (publish ones only for role 1), RTM login for
/// `rtm_user_id`, and the service `$extra` (an `Option<Service>`) if any.
/// ConvoAI and STT agents take exactly these tokens plus their own service.
macro_rules! rtm2_family {
    ($(#[$doc:meta])* $name:ident, $extra:expr) => {
        $(#[$doc])*
        #[allow(clippy::too_many_arguments)] // the vendor's signature, kept for drop-in use
        pub fn $name(
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
            stamp: $crate::Stamp,
        ) -> $crate::Result<String> {
            use $crate::access_token2::{privileges::rtm, Service};
            let expires = [
                join_channel_privilege_expire,
                pub_audio_privilege_expire,
                pub_video_privilege_expire,
                pub_data_stream_privilege_expire,
            ];
            let extra: Option<Service> = $extra;
            let mut services = vec![
                $crate::builders::rtc_token_builder2::rtc_service(channel_name, $crate::builders::arg("rtc_account", rtc_account)?, rtc_role, expires),
                Service::rtm($crate::builders::arg("rtm_user_id", rtm_user_id)?).with_privilege(rtm::LOGIN, rtm_token_expire),
            ];
            services.extend(extra);
            $crate::access_token2::build(app_id, app_certificate, rtc_token_expire, &services, stamp)
        }
    };
}
pub(crate) use rtm2_family;

rtm2_family!(
    /// An RTC token with per-privilege expiries plus RTM login for another user id.
    build_token_with_rtm2,
    None
);
