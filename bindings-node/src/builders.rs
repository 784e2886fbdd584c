//! The 007 builders behind the top-level `rtctoken` exports.

use napi::Either;
use napi_derive::napi;
use rtctoken::builders::{
    apaas_token_builder, chat_token_builder2, convoai_token_builder, fpa_token_builder,
    rtc_token_builder2, rtm_token_builder2, stt_token_builder,
};
use rtctoken::ErrorKind;

use crate::convert::{account_text, stamp};
use crate::errors::{guard, node_error, NodeError};
use crate::raw::{permissions, PermissionInput};

/// RTC token for a uid (number) or account (string), one expiry for all
/// privileges the role grants.
#[napi]
#[allow(clippy::too_many_arguments)] // the upstream's positional signature
pub fn rtc_token(
    app_id: String,
    app_certificate: String,
    channel_name: String,
    uid: Either<u32, String>,
    role: u32,
    token_expire: u32,
    privilege_expire: u32,
    issue_ts: Option<u32>,
    salt: Option<u32>,
) -> Result<String, NodeError> {
    let s = stamp(issue_ts, salt);
    guard(|| match &uid {
        Either::A(n) => rtc_token_builder2::build_token_with_uid(
            &app_id,
            &app_certificate,
            &channel_name,
            *n,
            role,
            token_expire,
            privilege_expire,
            s,
        ),
        Either::B(account) => rtc_token_builder2::build_token_with_user_account(
            &app_id,
            &app_certificate,
            &channel_name,
            account,
            role,
            token_expire,
            privilege_expire,
            s,
        ),
    })
}

/// RTC token with one expiry per privilege.
#[napi]
#[allow(clippy::too_many_arguments)] // the upstream's positional signature
pub fn rtc_token_with_privilege(
    app_id: String,
    app_certificate: String,
    channel_name: String,
    uid: Either<u32, String>,
    token_expire: u32,
    join_channel_privilege_expire: u32,
    pub_audio_privilege_expire: u32,
    pub_video_privilege_expire: u32,
    pub_data_stream_privilege_expire: u32,
    issue_ts: Option<u32>,
    salt: Option<u32>,
) -> Result<String, NodeError> {
    let s = stamp(issue_ts, salt);
    guard(|| match &uid {
        Either::A(n) => rtc_token_builder2::build_token_with_uid_and_privilege(
            &app_id,
            &app_certificate,
            &channel_name,
            *n,
            token_expire,
            join_channel_privilege_expire,
            pub_audio_privilege_expire,
            pub_video_privilege_expire,
            pub_data_stream_privilege_expire,
            s,
        ),
        Either::B(account) => rtc_token_builder2::build_token_with_user_account_and_privilege(
            &app_id,
            &app_certificate,
            &channel_name,
            account,
            token_expire,
            join_channel_privilege_expire,
            pub_audio_privilege_expire,
            pub_video_privilege_expire,
            pub_data_stream_privilege_expire,
            s,
        ),
    })
}

/// RTC plus RTM login for the same account.
#[napi]
#[allow(clippy::too_many_arguments)] // the upstream's positional signature
pub fn rtc_token_with_rtm(
    app_id: String,
    app_certificate: String,
    channel_name: String,
    account: Either<u32, String>,
    role: u32,
    token_expire: u32,
    privilege_expire: u32,
    issue_ts: Option<u32>,
    salt: Option<u32>,
) -> Result<String, NodeError> {
    let account = account_text(account);
    guard(|| {
        rtc_token_builder2::build_token_with_rtm(
            &app_id,
            &app_certificate,
            &channel_name,
            &account,
            role,
            token_expire,
            privilege_expire,
            stamp(issue_ts, salt),
        )
    })
}

/// The RTC + RTM builders that share one signature: `kind` is `rtm2`
/// (`RtcTokenBuilder.buildTokenWithRtm2`), `convoai` or `stt`.
#[napi]
#[allow(clippy::too_many_arguments)] // the upstream's positional signature
pub fn rtc_rtm_token(
    kind: String,
    app_id: String,
    app_certificate: String,
    channel_name: String,
    rtc_account: Either<u32, String>,
    rtc_role: u32,
    rtc_token_expire: u32,
    join_channel_privilege_expire: u32,
    pub_audio_privilege_expire: u32,
    pub_video_privilege_expire: u32,
    pub_data_stream_privilege_expire: u32,
    rtm_user_id: Either<u32, String>,
    rtm_token_expire: u32,
    issue_ts: Option<u32>,
    salt: Option<u32>,
) -> Result<String, NodeError> {
    let f = match kind.as_str() {
        "rtm2" => rtc_token_builder2::build_token_with_rtm2,
        "convoai" => convoai_token_builder::build_token,
        "stt" => stt_token_builder::build_token,
        other => {
            return Err(node_error(
                ErrorKind::InvalidArgument,
                format!("no RTC + RTM builder named {other:?}"),
            ))
        }
    };
    let (rtc_account, rtm_user_id) = (account_text(rtc_account), account_text(rtm_user_id));
    guard(|| {
        f(
            &app_id,
            &app_certificate,
            &channel_name,
            &rtc_account,
            rtc_role,
            rtc_token_expire,
            join_channel_privilege_expire,
            pub_audio_privilege_expire,
            pub_video_privilege_expire,
            pub_data_stream_privilege_expire,
            &rtm_user_id,
            rtm_token_expire,
            stamp(issue_ts, salt),
        )
    })
}

/// Defines an export over a core builder `fn(app_id, app_certificate, user,
/// expire, stamp)`; `$user` names the user as the upstream does. `$doc`
/// starts with a space, as `///` comments do, for the generated types.
macro_rules! user_token {
    ($doc:literal, $name:ident, $user:ident, $core:path) => {
        #[doc = $doc]
        #[napi]
        pub fn $name(
            app_id: String,
            app_certificate: String,
            $user: Either<u32, String>,
            expire: u32,
            issue_ts: Option<u32>,
            salt: Option<u32>,
        ) -> Result<String, NodeError> {
            let user = account_text($user);
            guard(|| {
                $core(
                    &app_id,
                    &app_certificate,
                    &user,
                    expire,
                    stamp(issue_ts, salt),
                )
            })
        }
    };
}

/// Defines an export over a core builder `fn(app_id, app_certificate,
/// expire, stamp)` (tokens for the app itself); `$doc` as in `user_token!`.
macro_rules! app_token {
    ($doc:literal, $name:ident, $core:path) => {
        #[doc = $doc]
        #[napi]
        pub fn $name(
            app_id: String,
            app_certificate: String,
            expire: u32,
            issue_ts: Option<u32>,
            salt: Option<u32>,
        ) -> Result<String, NodeError> {
            guard(|| $core(&app_id, &app_certificate, expire, stamp(issue_ts, salt)))
        }
    };
}

user_token!(
    " RTM (007) login token.",
    rtm_token,
    user_id,
    rtm_token_builder2::build_token
);
user_token!(
    " Chat user token.",
    chat_user_token,
    user_id,
    chat_token_builder2::build_user_token
);
user_token!(
    " APaaS / Education user token.",
    apaas_user_token,
    user_uuid,
    apaas_token_builder::build_user_token
);
app_token!(
    " Chat app token.",
    chat_app_token,
    chat_token_builder2::build_app_token
);
app_token!(
    " APaaS / Education app token.",
    apaas_app_token,
    apaas_token_builder::build_app_token
);

/// RTM2 login token with per-resource permissions.
#[napi]
pub fn rtm_token_with_permissions(
    app_id: String,
    app_certificate: String,
    user_id: Either<u32, String>,
    permission_list: Vec<PermissionInput>,
    expire: u32,
    issue_ts: Option<u32>,
    salt: Option<u32>,
) -> Result<String, NodeError> {
    let user_id = account_text(user_id);
    let perms = permissions(&permission_list)?;
    guard(|| {
        rtm_token_builder2::build_token_with_permissions(
            &app_id,
            &app_certificate,
            &user_id,
            &perms,
            expire,
            stamp(issue_ts, salt),
        )
    })
}

/// APaaS / Education room user token (APaaS, RTM and chat services).
#[napi]
#[allow(clippy::too_many_arguments)] // the upstream's positional signature
pub fn apaas_room_user_token(
    app_id: String,
    app_certificate: String,
    room_uuid: String,
    user_uuid: Either<u32, String>,
    role: i32,
    expire: u32,
    issue_ts: Option<u32>,
    salt: Option<u32>,
) -> Result<String, NodeError> {
    let user_uuid = account_text(user_uuid);
    let role = i16::try_from(role).map_err(|_| {
        node_error(
            ErrorKind::InvalidArgument,
            format!("role must be in -32768..=32767, got {role}"),
        )
    })?;
    guard(|| {
        apaas_token_builder::build_room_user_token(
            &app_id,
            &app_certificate,
            &room_uuid,
            &user_uuid,
            role,
            expire,
            stamp(issue_ts, salt),
        )
    })
}

/// FPA token (24 h).
#[napi]
pub fn fpa_token(
    app_id: String,
    app_certificate: String,
    issue_ts: Option<u32>,
    salt: Option<u32>,
) -> Result<String, NodeError> {
    guard(|| fpa_token_builder::build_token(&app_id, &app_certificate, stamp(issue_ts, salt)))
}
