//! Conversational AI agent tokens: RTC + RTM as in `build_token_with_rtm2`, plus the ConvoAI service.

use super::rtc_token_builder2::{rtm2_family, Rtm2Login};
use crate::access_token2::Service;
use crate::error::Result;
use crate::stamp::Stamp;

/// A token for a ConvoAI agent: RTC and RTM privileges plus the (empty) ConvoAI service.
#[allow(clippy::too_many_arguments)] // the vendor's signature, kept for drop-in use
pub fn build_token(
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
    let extra = Some(Service::convoai());
    rtm2_family(
        app_id,
        app_certificate,
        channel_name,
        rtc_account,
        rtc_role,
        rtc_token_expire,
        expires,
        rtm,
        extra,
        stamp,
    )
}
