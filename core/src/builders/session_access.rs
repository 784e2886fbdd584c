//! Session access (the Aircore secret-key flow): an RTC token whose publish
//! privileges follow the session's allow flags, so a user who may not
//! publish gets no publish privilege at all (not one that expires).

use crate::access_token2::privileges::rtc;
use crate::access_token2::Service;
use crate::error::Result;
use crate::stamp::Stamp;

/// An RTC token for `user_id` in `channel_name`: join, plus publishing
/// audio and video only where allowed; every privilege lasts as long as the
/// token (`token_lifetime` seconds).
#[allow(clippy::too_many_arguments)] // one parameter per field of the session request
pub fn build_token(
    app_id: &str,
    app_certificate: &str,
    channel_name: &str,
    user_id: &str,
    token_lifetime: u32,
    allow_publish_audio: bool,
    allow_publish_video: bool,
    stamp: Stamp,
) -> Result<String> {
    let mut s = Service::rtc(channel_name, user_id);
    s.add_privilege(rtc::JOIN_CHANNEL, token_lifetime);
    if allow_publish_audio {
        s.add_privilege(rtc::PUBLISH_AUDIO_STREAM, token_lifetime);
    }
    if allow_publish_video {
        s.add_privilege(rtc::PUBLISH_VIDEO_STREAM, token_lifetime);
    }
    crate::access_token2::build(app_id, app_certificate, token_lifetime, &[s], stamp)
}
