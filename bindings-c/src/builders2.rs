//! Exports for the AccessToken2 (007) builders. Every one takes a trailing
//! `const rtctoken_stamp *stamp`: NULL in production (now, random salt), a
//! fixed issue time and salt in tests.

use std::ffi::c_char;

use rtctoken::builders::{
    apaas_token_builder, chat_token_builder2, convoai_token_builder, education_token_builder2,
    fpa_token_builder, rtc_token_builder2, rtm_token_builder2, stt_token_builder,
};

use crate::input::{self, rtctoken_rtm2_permission, rtctoken_stamp, text};
use crate::output::string_call;
use crate::status::rtctoken_status;

/// An RTC token for a numeric uid (0 = any user), role 1 publisher or 2
/// subscriber; expiries are seconds after issue
/// (`rtc_token_builder2.build_token_with_uid`).
#[no_mangle]
#[allow(clippy::too_many_arguments)] // the vendor's parameter list
pub unsafe extern "C" fn rtctoken_rtc_token_builder2_build_token_with_uid(
    app_id: *const c_char,
    app_certificate: *const c_char,
    channel_name: *const c_char,
    uid: u32,
    role: u32,
    token_expire: u32,
    privilege_expire: u32,
    stamp: *const rtctoken_stamp,
    token_out: *mut *mut c_char,
) -> rtctoken_status {
    string_call(token_out, "token_out", || {
        rtc_token_builder2::build_token_with_uid(
            text(app_id, "app_id")?,
            text(app_certificate, "app_certificate")?,
            text(channel_name, "channel_name")?,
            uid,
            role,
            token_expire,
            privilege_expire,
            input::stamp(stamp),
        )
    })
}

/// An RTC token for a user account
/// (`rtc_token_builder2.build_token_with_user_account`).
#[no_mangle]
#[allow(clippy::too_many_arguments)] // the vendor's parameter list
pub unsafe extern "C" fn rtctoken_rtc_token_builder2_build_token_with_user_account(
    app_id: *const c_char,
    app_certificate: *const c_char,
    channel_name: *const c_char,
    account: *const c_char,
    role: u32,
    token_expire: u32,
    privilege_expire: u32,
    stamp: *const rtctoken_stamp,
    token_out: *mut *mut c_char,
) -> rtctoken_status {
    string_call(token_out, "token_out", || {
        rtc_token_builder2::build_token_with_user_account(
            text(app_id, "app_id")?,
            text(app_certificate, "app_certificate")?,
            text(channel_name, "channel_name")?,
            text(account, "account")?,
            role,
            token_expire,
            privilege_expire,
            input::stamp(stamp),
        )
    })
}

/// An RTC token for a numeric uid with one expiry per privilege
/// (`rtc_token_builder2.build_token_with_uid_and_privilege`).
#[no_mangle]
#[allow(clippy::too_many_arguments)] // the vendor's parameter list
pub unsafe extern "C" fn rtctoken_rtc_token_builder2_build_token_with_uid_and_privilege(
    app_id: *const c_char,
    app_certificate: *const c_char,
    channel_name: *const c_char,
    uid: u32,
    token_expire: u32,
    join_channel_privilege_expire: u32,
    pub_audio_privilege_expire: u32,
    pub_video_privilege_expire: u32,
    pub_data_stream_privilege_expire: u32,
    stamp: *const rtctoken_stamp,
    token_out: *mut *mut c_char,
) -> rtctoken_status {
    string_call(token_out, "token_out", || {
        rtc_token_builder2::build_token_with_uid_and_privilege(
            text(app_id, "app_id")?,
            text(app_certificate, "app_certificate")?,
            text(channel_name, "channel_name")?,
            uid,
            token_expire,
            join_channel_privilege_expire,
            pub_audio_privilege_expire,
            pub_video_privilege_expire,
            pub_data_stream_privilege_expire,
            input::stamp(stamp),
        )
    })
}

/// An RTC token for a user account with one expiry per privilege
/// (`rtc_token_builder2.build_token_with_user_account_and_privilege`).
#[no_mangle]
#[allow(clippy::too_many_arguments)] // the vendor's parameter list
pub unsafe extern "C" fn rtctoken_rtc_token_builder2_build_token_with_user_account_and_privilege(
    app_id: *const c_char,
    app_certificate: *const c_char,
    channel_name: *const c_char,
    account: *const c_char,
    token_expire: u32,
    join_channel_privilege_expire: u32,
    pub_audio_privilege_expire: u32,
    pub_video_privilege_expire: u32,
    pub_data_stream_privilege_expire: u32,
    stamp: *const rtctoken_stamp,
    token_out: *mut *mut c_char,
) -> rtctoken_status {
    string_call(token_out, "token_out", || {
        rtc_token_builder2::build_token_with_user_account_and_privilege(
            text(app_id, "app_id")?,
            text(app_certificate, "app_certificate")?,
            text(channel_name, "channel_name")?,
            text(account, "account")?,
            token_expire,
            join_channel_privilege_expire,
            pub_audio_privilege_expire,
            pub_video_privilege_expire,
            pub_data_stream_privilege_expire,
            input::stamp(stamp),
        )
    })
}

/// An RTC token that also logs `account` in to RTM
/// (`rtc_token_builder2.build_token_with_rtm`).
#[no_mangle]
#[allow(clippy::too_many_arguments)] // the vendor's parameter list
pub unsafe extern "C" fn rtctoken_rtc_token_builder2_build_token_with_rtm(
    app_id: *const c_char,
    app_certificate: *const c_char,
    channel_name: *const c_char,
    account: *const c_char,
    role: u32,
    token_expire: u32,
    privilege_expire: u32,
    stamp: *const rtctoken_stamp,
    token_out: *mut *mut c_char,
) -> rtctoken_status {
    string_call(token_out, "token_out", || {
        rtc_token_builder2::build_token_with_rtm(
            text(app_id, "app_id")?,
            text(app_certificate, "app_certificate")?,
            text(channel_name, "channel_name")?,
            text(account, "account")?,
            role,
            token_expire,
            privilege_expire,
            input::stamp(stamp),
        )
    })
}

/// An RTC token with per-privilege expiries plus an RTM login for
/// `rtm_user_id` (`rtc_token_builder2.build_token_with_rtm2`).
#[no_mangle]
#[allow(clippy::too_many_arguments)] // the vendor's parameter list
pub unsafe extern "C" fn rtctoken_rtc_token_builder2_build_token_with_rtm2(
    app_id: *const c_char,
    app_certificate: *const c_char,
    channel_name: *const c_char,
    rtc_account: *const c_char,
    rtc_role: u32,
    rtc_token_expire: u32,
    join_channel_privilege_expire: u32,
    pub_audio_privilege_expire: u32,
    pub_video_privilege_expire: u32,
    pub_data_stream_privilege_expire: u32,
    rtm_user_id: *const c_char,
    rtm_token_expire: u32,
    stamp: *const rtctoken_stamp,
    token_out: *mut *mut c_char,
) -> rtctoken_status {
    string_call(token_out, "token_out", || {
        rtc_token_builder2::build_token_with_rtm2(
            text(app_id, "app_id")?,
            text(app_certificate, "app_certificate")?,
            text(channel_name, "channel_name")?,
            text(rtc_account, "rtc_account")?,
            rtc_role,
            rtc_token_expire,
            join_channel_privilege_expire,
            pub_audio_privilege_expire,
            pub_video_privilege_expire,
            pub_data_stream_privilege_expire,
            text(rtm_user_id, "rtm_user_id")?,
            rtm_token_expire,
            input::stamp(stamp),
        )
    })
}

/// A Conversational AI engine token: RTC + RTM as in
/// `rtctoken_rtc_token_builder2_build_token_with_rtm2`, plus the convoai
/// service (`convoai_token_builder.build_token`).
#[no_mangle]
#[allow(clippy::too_many_arguments)] // the vendor's parameter list
pub unsafe extern "C" fn rtctoken_convoai_token_builder_build_token(
    app_id: *const c_char,
    app_certificate: *const c_char,
    channel_name: *const c_char,
    rtc_account: *const c_char,
    rtc_role: u32,
    rtc_token_expire: u32,
    join_channel_privilege_expire: u32,
    pub_audio_privilege_expire: u32,
    pub_video_privilege_expire: u32,
    pub_data_stream_privilege_expire: u32,
    rtm_user_id: *const c_char,
    rtm_token_expire: u32,
    stamp: *const rtctoken_stamp,
    token_out: *mut *mut c_char,
) -> rtctoken_status {
    string_call(token_out, "token_out", || {
        convoai_token_builder::build_token(
            text(app_id, "app_id")?,
            text(app_certificate, "app_certificate")?,
            text(channel_name, "channel_name")?,
            text(rtc_account, "rtc_account")?,
            rtc_role,
            rtc_token_expire,
            join_channel_privilege_expire,
            pub_audio_privilege_expire,
            pub_video_privilege_expire,
            pub_data_stream_privilege_expire,
            text(rtm_user_id, "rtm_user_id")?,
            rtm_token_expire,
            input::stamp(stamp),
        )
    })
}

/// A speech-to-text token: RTC + RTM as in
/// `rtctoken_rtc_token_builder2_build_token_with_rtm2`, plus the stt
/// service (`stt_token_builder.build_token`).
#[no_mangle]
#[allow(clippy::too_many_arguments)] // the vendor's parameter list
pub unsafe extern "C" fn rtctoken_stt_token_builder_build_token(
    app_id: *const c_char,
    app_certificate: *const c_char,
    channel_name: *const c_char,
    rtc_account: *const c_char,
    rtc_role: u32,
    rtc_token_expire: u32,
    join_channel_privilege_expire: u32,
    pub_audio_privilege_expire: u32,
    pub_video_privilege_expire: u32,
    pub_data_stream_privilege_expire: u32,
    rtm_user_id: *const c_char,
    rtm_token_expire: u32,
    stamp: *const rtctoken_stamp,
    token_out: *mut *mut c_char,
) -> rtctoken_status {
    string_call(token_out, "token_out", || {
        stt_token_builder::build_token(
            text(app_id, "app_id")?,
            text(app_certificate, "app_certificate")?,
            text(channel_name, "channel_name")?,
            text(rtc_account, "rtc_account")?,
            rtc_role,
            rtc_token_expire,
            join_channel_privilege_expire,
            pub_audio_privilege_expire,
            pub_video_privilege_expire,
            pub_data_stream_privilege_expire,
            text(rtm_user_id, "rtm_user_id")?,
            rtm_token_expire,
            input::stamp(stamp),
        )
    })
}

/// An RTM login token for `user_id`, `expire` seconds after issue
/// (`rtm_token_builder2.build_token`).
#[no_mangle]
pub unsafe extern "C" fn rtctoken_rtm_token_builder2_build_token(
    app_id: *const c_char,
    app_certificate: *const c_char,
    user_id: *const c_char,
    expire: u32,
    stamp: *const rtctoken_stamp,
    token_out: *mut *mut c_char,
) -> rtctoken_status {
    string_call(token_out, "token_out", || {
        rtm_token_builder2::build_token(
            text(app_id, "app_id")?,
            text(app_certificate, "app_certificate")?,
            text(user_id, "user_id")?,
            expire,
            input::stamp(stamp),
        )
    })
}

/// An RTM2 login token for `user_id` with per-resource permissions
/// (`rtm_token_builder2.build_token_with_permissions`); `permissions` may be
/// NULL when `permission_count` is 0.
#[no_mangle]
#[allow(clippy::too_many_arguments)] // the vendor's parameter list
pub unsafe extern "C" fn rtctoken_rtm_token_builder2_build_token_with_permissions(
    app_id: *const c_char,
    app_certificate: *const c_char,
    user_id: *const c_char,
    permissions: *const rtctoken_rtm2_permission,
    permission_count: usize,
    expire: u32,
    stamp: *const rtctoken_stamp,
    token_out: *mut *mut c_char,
) -> rtctoken_status {
    string_call(token_out, "token_out", || {
        rtm_token_builder2::build_token_with_permissions(
            text(app_id, "app_id")?,
            text(app_certificate, "app_certificate")?,
            text(user_id, "user_id")?,
            &input::permissions(permissions, permission_count)?,
            expire,
            input::stamp(stamp),
        )
    })
}

/// A chat user token (`chat_token_builder2.build_user_token`).
#[no_mangle]
pub unsafe extern "C" fn rtctoken_chat_token_builder2_build_user_token(
    app_id: *const c_char,
    app_certificate: *const c_char,
    user_id: *const c_char,
    expire: u32,
    stamp: *const rtctoken_stamp,
    token_out: *mut *mut c_char,
) -> rtctoken_status {
    string_call(token_out, "token_out", || {
        chat_token_builder2::build_user_token(
            text(app_id, "app_id")?,
            text(app_certificate, "app_certificate")?,
            text(user_id, "user_id")?,
            expire,
            input::stamp(stamp),
        )
    })
}

/// A chat app (administration) token (`chat_token_builder2.build_app_token`).
#[no_mangle]
pub unsafe extern "C" fn rtctoken_chat_token_builder2_build_app_token(
    app_id: *const c_char,
    app_certificate: *const c_char,
    expire: u32,
    stamp: *const rtctoken_stamp,
    token_out: *mut *mut c_char,
) -> rtctoken_status {
    string_call(token_out, "token_out", || {
        chat_token_builder2::build_app_token(
            text(app_id, "app_id")?,
            text(app_certificate, "app_certificate")?,
            expire,
            input::stamp(stamp),
        )
    })
}

/// A flexible-classroom token for a user in a room, with RTM and chat
/// (`education_token_builder2.build_room_user_token`); role -1 = none.
#[no_mangle]
#[allow(clippy::too_many_arguments)] // the vendor's parameter list
pub unsafe extern "C" fn rtctoken_education_token_builder2_build_room_user_token(
    app_id: *const c_char,
    app_certificate: *const c_char,
    room_uuid: *const c_char,
    user_uuid: *const c_char,
    role: i16,
    expire: u32,
    stamp: *const rtctoken_stamp,
    token_out: *mut *mut c_char,
) -> rtctoken_status {
    string_call(token_out, "token_out", || {
        education_token_builder2::build_room_user_token(
            text(app_id, "app_id")?,
            text(app_certificate, "app_certificate")?,
            text(room_uuid, "room_uuid")?,
            text(user_uuid, "user_uuid")?,
            role,
            expire,
            input::stamp(stamp),
        )
    })
}

/// A flexible-classroom user token (`education_token_builder2.build_user_token`).
#[no_mangle]
pub unsafe extern "C" fn rtctoken_education_token_builder2_build_user_token(
    app_id: *const c_char,
    app_certificate: *const c_char,
    user_uuid: *const c_char,
    expire: u32,
    stamp: *const rtctoken_stamp,
    token_out: *mut *mut c_char,
) -> rtctoken_status {
    string_call(token_out, "token_out", || {
        education_token_builder2::build_user_token(
            text(app_id, "app_id")?,
            text(app_certificate, "app_certificate")?,
            text(user_uuid, "user_uuid")?,
            expire,
            input::stamp(stamp),
        )
    })
}

/// A flexible-classroom app token (`education_token_builder2.build_app_token`).
#[no_mangle]
pub unsafe extern "C" fn rtctoken_education_token_builder2_build_app_token(
    app_id: *const c_char,
    app_certificate: *const c_char,
    expire: u32,
    stamp: *const rtctoken_stamp,
    token_out: *mut *mut c_char,
) -> rtctoken_status {
    string_call(token_out, "token_out", || {
        education_token_builder2::build_app_token(
            text(app_id, "app_id")?,
            text(app_certificate, "app_certificate")?,
            expire,
            input::stamp(stamp),
        )
    })
}

/// An APaaS token for a user in a room, with RTM and chat
/// (`apaas_token_builder.build_room_user_token`); role -1 = none.
#[no_mangle]
#[allow(clippy::too_many_arguments)] // the vendor's parameter list
pub unsafe extern "C" fn rtctoken_apaas_token_builder_build_room_user_token(
    app_id: *const c_char,
    app_certificate: *const c_char,
    room_uuid: *const c_char,
    user_uuid: *const c_char,
    role: i16,
    expire: u32,
    stamp: *const rtctoken_stamp,
    token_out: *mut *mut c_char,
) -> rtctoken_status {
    string_call(token_out, "token_out", || {
        apaas_token_builder::build_room_user_token(
            text(app_id, "app_id")?,
            text(app_certificate, "app_certificate")?,
            text(room_uuid, "room_uuid")?,
            text(user_uuid, "user_uuid")?,
            role,
            expire,
            input::stamp(stamp),
        )
    })
}

/// An APaaS user token (`apaas_token_builder.build_user_token`).
#[no_mangle]
pub unsafe extern "C" fn rtctoken_apaas_token_builder_build_user_token(
    app_id: *const c_char,
    app_certificate: *const c_char,
    user_uuid: *const c_char,
    expire: u32,
    stamp: *const rtctoken_stamp,
    token_out: *mut *mut c_char,
) -> rtctoken_status {
    string_call(token_out, "token_out", || {
        apaas_token_builder::build_user_token(
            text(app_id, "app_id")?,
            text(app_certificate, "app_certificate")?,
            text(user_uuid, "user_uuid")?,
            expire,
            input::stamp(stamp),
        )
    })
}

/// An APaaS app token (`apaas_token_builder.build_app_token`).
#[no_mangle]
pub unsafe extern "C" fn rtctoken_apaas_token_builder_build_app_token(
    app_id: *const c_char,
    app_certificate: *const c_char,
    expire: u32,
    stamp: *const rtctoken_stamp,
    token_out: *mut *mut c_char,
) -> rtctoken_status {
    string_call(token_out, "token_out", || {
        apaas_token_builder::build_app_token(
            text(app_id, "app_id")?,
            text(app_certificate, "app_certificate")?,
            expire,
            input::stamp(stamp),
        )
    })
}

/// A full-path acceleration token living 24 hours
/// (`fpa_token_builder.build_token`).
#[no_mangle]
pub unsafe extern "C" fn rtctoken_fpa_token_builder_build_token(
    app_id: *const c_char,
    app_certificate: *const c_char,
    stamp: *const rtctoken_stamp,
    token_out: *mut *mut c_char,
) -> rtctoken_status {
    string_call(token_out, "token_out", || {
        fpa_token_builder::build_token(
            text(app_id, "app_id")?,
            text(app_certificate, "app_certificate")?,
            input::stamp(stamp),
        )
    })
}
