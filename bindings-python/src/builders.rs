//! The vendor's 006 and 007 token builders, with the reference's parameter
//! names and defaults plus keyword-only `issue_ts=None, salt=None`.
#![allow(non_snake_case)] // 006 parameter names are the reference's camelCase
#![allow(clippy::too_many_arguments)] // the reference's signatures, kept for drop-in use

use pyo3::prelude::*;
use rtctoken::builders::*;

use crate::args::{i16_arg, stamp, u32_arg};
use crate::errors::run;

type Int<'a, 'py> = &'a Bound<'py, PyAny>;
type Opt<'a, 'py> = Option<&'a Bound<'py, PyAny>>;

/// A 006 RTC token for a numeric uid (0 = any user).
#[pyfunction]
#[pyo3(signature = (appId, appCertificate, channelName, uid, role, privilegeExpiredTs, *, issue_ts=None, salt=None))]
pub fn rtc_build_token_with_uid(
    py: Python<'_>,
    appId: String,
    appCertificate: String,
    channelName: String,
    uid: Int,
    role: Int,
    privilegeExpiredTs: Int,
    issue_ts: Opt,
    salt: Opt,
) -> PyResult<String> {
    let (uid, role) = (u32_arg(uid, "uid")?, u32_arg(role, "role")?);
    let exp = u32_arg(privilegeExpiredTs, "privilegeExpiredTs")?;
    let st = stamp(issue_ts, salt)?;
    run(py, move || {
        rtc_token_builder::build_token_with_uid(
            &appId,
            &appCertificate,
            &channelName,
            uid,
            role,
            exp,
            st,
        )
    })
}

/// A 006 RTC token for a user account.
#[pyfunction]
#[pyo3(signature = (appId, appCertificate, channelName, account, role, privilegeExpiredTs, *, issue_ts=None, salt=None))]
pub fn rtc_build_token_with_account(
    py: Python<'_>,
    appId: String,
    appCertificate: String,
    channelName: String,
    account: String,
    role: Int,
    privilegeExpiredTs: Int,
    issue_ts: Opt,
    salt: Opt,
) -> PyResult<String> {
    let role = u32_arg(role, "role")?;
    let exp = u32_arg(privilegeExpiredTs, "privilegeExpiredTs")?;
    let st = stamp(issue_ts, salt)?;
    run(py, move || {
        rtc_token_builder::build_token_with_account(
            &appId,
            &appCertificate,
            &channelName,
            &account,
            role,
            exp,
            st,
        )
    })
}

/// A 006 RTM token for a user account.
#[pyfunction]
#[pyo3(signature = (appId, appCertificate, userAccount, role, privilegeExpiredTs, *, issue_ts=None, salt=None))]
pub fn rtm_build_token(
    py: Python<'_>,
    appId: String,
    appCertificate: String,
    userAccount: String,
    role: Int,
    privilegeExpiredTs: Int,
    issue_ts: Opt,
    salt: Opt,
) -> PyResult<String> {
    let role = u32_arg(role, "role")?;
    let exp = u32_arg(privilegeExpiredTs, "privilegeExpiredTs")?;
    let st = stamp(issue_ts, salt)?;
    run(py, move || {
        rtm_token_builder::build_token(&appId, &appCertificate, &userAccount, role, exp, st)
    })
}

/// A 007 RTC token for a numeric uid (0 = any user).
#[pyfunction]
#[pyo3(signature = (app_id, app_certificate, channel_name, uid, role, token_expire, privilege_expire=None, *, issue_ts=None, salt=None), text_signature = "(app_id, app_certificate, channel_name, uid, role, token_expire, privilege_expire=0, *, issue_ts=None, salt=None)")]
pub fn rtc2_build_token_with_uid(
    py: Python<'_>,
    app_id: String,
    app_certificate: String,
    channel_name: String,
    uid: Int,
    role: Int,
    token_expire: Int,
    privilege_expire: Opt,
    issue_ts: Opt,
    salt: Opt,
) -> PyResult<String> {
    let (uid, role) = (u32_arg(uid, "uid")?, u32_arg(role, "role")?);
    let te = u32_arg(token_expire, "token_expire")?;
    let pe = privilege_expire
        .map(|v| u32_arg(v, "privilege_expire"))
        .transpose()?
        .unwrap_or(0);
    let st = stamp(issue_ts, salt)?;
    run(py, move || {
        rtc_token_builder2::build_token_with_uid(
            &app_id,
            &app_certificate,
            &channel_name,
            uid,
            role,
            te,
            pe,
            st,
        )
    })
}

/// Defines a native function over a core builder `fn(app_id, app_certificate,
/// channel_name, account, role, token_expire, privilege_expire, stamp)`.
macro_rules! account_role_token {
    ($name:ident, $core:path, $doc:literal) => {
        #[doc = $doc]
        #[pyfunction]
        #[pyo3(signature = (app_id, app_certificate, channel_name, account, role, token_expire, privilege_expire=None, *, issue_ts=None, salt=None), text_signature = "(app_id, app_certificate, channel_name, account, role, token_expire, privilege_expire=0, *, issue_ts=None, salt=None)")]
        pub fn $name(
            py: Python<'_>,
            app_id: String,
            app_certificate: String,
            channel_name: String,
            account: String,
            role: Int,
            token_expire: Int,
            privilege_expire: Opt,
            issue_ts: Opt,
            salt: Opt,
        ) -> PyResult<String> {
            let role = u32_arg(role, "role")?;
            let te = u32_arg(token_expire, "token_expire")?;
            let pe = privilege_expire
                .map(|v| u32_arg(v, "privilege_expire"))
                .transpose()?
                .unwrap_or(0);
            let st = stamp(issue_ts, salt)?;
            run(py, move || {
                $core(
                    &app_id,
                    &app_certificate,
                    &channel_name,
                    &account,
                    role,
                    te,
                    pe,
                    st,
                )
            })
        }
    };
}

account_role_token!(
    rtc2_build_token_with_user_account,
    rtc_token_builder2::build_token_with_user_account,
    "A 007 RTC token for a user account."
);
account_role_token!(
    rtc2_build_token_with_rtm,
    rtc_token_builder2::build_token_with_rtm,
    "A 007 RTC token plus RTM login for the same account."
);

/// The four RTC privilege expiries, converted with their names.
fn four(a: Int, b: Int, c: Int, d: Int) -> PyResult<[u32; 4]> {
    Ok([
        u32_arg(a, "join_channel_privilege_expire")?,
        u32_arg(b, "pub_audio_privilege_expire")?,
        u32_arg(c, "pub_video_privilege_expire")?,
        u32_arg(d, "pub_data_stream_privilege_expire")?,
    ])
}

/// A 007 RTC token for a numeric uid with each privilege's expiry given.
#[pyfunction]
#[pyo3(signature = (app_id, app_certificate, channel_name, uid, token_expire, join_channel_privilege_expire, pub_audio_privilege_expire, pub_video_privilege_expire, pub_data_stream_privilege_expire, *, issue_ts=None, salt=None))]
pub fn rtc2_build_token_with_uid_and_privilege(
    py: Python<'_>,
    app_id: String,
    app_certificate: String,
    channel_name: String,
    uid: Int,
    token_expire: Int,
    join_channel_privilege_expire: Int,
    pub_audio_privilege_expire: Int,
    pub_video_privilege_expire: Int,
    pub_data_stream_privilege_expire: Int,
    issue_ts: Opt,
    salt: Opt,
) -> PyResult<String> {
    let uid = u32_arg(uid, "uid")?;
    let te = u32_arg(token_expire, "token_expire")?;
    let [j, a, v, d] = four(
        join_channel_privilege_expire,
        pub_audio_privilege_expire,
        pub_video_privilege_expire,
        pub_data_stream_privilege_expire,
    )?;
    let st = stamp(issue_ts, salt)?;
    run(py, move || {
        rtc_token_builder2::build_token_with_uid_and_privilege(
            &app_id,
            &app_certificate,
            &channel_name,
            uid,
            te,
            j,
            a,
            v,
            d,
            st,
        )
    })
}

/// A 007 RTC token for a user account with each privilege's expiry given.
#[pyfunction]
#[pyo3(signature = (app_id, app_certificate, channel_name, account, token_expire, join_channel_privilege_expire, pub_audio_privilege_expire, pub_video_privilege_expire, pub_data_stream_privilege_expire, *, issue_ts=None, salt=None))]
pub fn rtc2_build_token_with_user_account_and_privilege(
    py: Python<'_>,
    app_id: String,
    app_certificate: String,
    channel_name: String,
    account: String,
    token_expire: Int,
    join_channel_privilege_expire: Int,
    pub_audio_privilege_expire: Int,
    pub_video_privilege_expire: Int,
    pub_data_stream_privilege_expire: Int,
    issue_ts: Opt,
    salt: Opt,
) -> PyResult<String> {
    let te = u32_arg(token_expire, "token_expire")?;
    let [j, a, v, d] = four(
        join_channel_privilege_expire,
        pub_audio_privilege_expire,
        pub_video_privilege_expire,
        pub_data_stream_privilege_expire,
    )?;
    let st = stamp(issue_ts, salt)?;
    run(py, move || {
        rtc_token_builder2::build_token_with_user_account_and_privilege(
            &app_id,
            &app_certificate,
            &channel_name,
            &account,
            te,
            j,
            a,
            v,
            d,
            st,
        )
    })
}

/// The signature shared by `build_token_with_rtm2` and the ConvoAI and STT builders.
type Rtm2Family = fn(
    &str,
    &str,
    &str,
    &str,
    u32,
    u32,
    u32,
    u32,
    u32,
    u32,
    &str,
    u32,
    rtctoken::Stamp,
) -> rtctoken::Result<String>;

/// Defines a native function over a core builder of the [`Rtm2Family`] shape.
macro_rules! rtm2_family {
    ($name:ident, $core:path, $doc:literal) => {
        #[doc = $doc]
        #[pyfunction]
        #[pyo3(signature = (app_id, app_certificate, channel_name, rtc_account, rtc_role, rtc_token_expire, join_channel_privilege_expire, pub_audio_privilege_expire, pub_video_privilege_expire, pub_data_stream_privilege_expire, rtm_user_id, rtm_token_expire, *, issue_ts=None, salt=None))]
        pub fn $name(
            py: Python<'_>,
            app_id: String,
            app_certificate: String,
            channel_name: String,
            rtc_account: String,
            rtc_role: Int,
            rtc_token_expire: Int,
            join_channel_privilege_expire: Int,
            pub_audio_privilege_expire: Int,
            pub_video_privilege_expire: Int,
            pub_data_stream_privilege_expire: Int,
            rtm_user_id: String,
            rtm_token_expire: Int,
            issue_ts: Opt,
            salt: Opt,
        ) -> PyResult<String> {
            let role = u32_arg(rtc_role, "rtc_role")?;
            let te = u32_arg(rtc_token_expire, "rtc_token_expire")?;
            let [j, a, v, d] = four(
                join_channel_privilege_expire,
                pub_audio_privilege_expire,
                pub_video_privilege_expire,
                pub_data_stream_privilege_expire,
            )?;
            let rte = u32_arg(rtm_token_expire, "rtm_token_expire")?;
            let st = stamp(issue_ts, salt)?;
            let core: Rtm2Family = $core;
            run(py, move || {
                core(&app_id, &app_certificate, &channel_name, &rtc_account, role, te, j, a, v, d, &rtm_user_id, rte, st)
            })
        }
    };
}

rtm2_family!(
    rtc2_build_token_with_rtm2,
    rtc_token_builder2::build_token_with_rtm2,
    "A 007 RTC token with per-privilege expiries plus RTM login for another user id."
);
rtm2_family!(
    convoai_build_token,
    convoai_token_builder::build_token,
    "A 007 token for a Conversational AI agent: RTC, RTM and the ConvoAI service."
);
rtm2_family!(
    stt_build_token,
    stt_token_builder::build_token,
    "A 007 token for a speech-to-text agent: RTC, RTM and the STT service."
);

/// Defines a native function over a core builder `fn(app_id, app_certificate,
/// user, expire, stamp)`; `$user` is the reference's name for the user.
macro_rules! user_token {
    ($name:ident, $user:ident, $core:path, $doc:literal) => {
        #[doc = $doc]
        #[pyfunction]
        #[pyo3(signature = (app_id, app_certificate, $user, expire, *, issue_ts=None, salt=None))]
        pub fn $name(
            py: Python<'_>,
            app_id: String,
            app_certificate: String,
            $user: String,
            expire: Int,
            issue_ts: Opt,
            salt: Opt,
        ) -> PyResult<String> {
            let e = u32_arg(expire, "expire")?;
            let st = stamp(issue_ts, salt)?;
            run(py, move || $core(&app_id, &app_certificate, &$user, e, st))
        }
    };
}

/// Defines a native function over a core builder `fn(app_id,
/// app_certificate, expire, stamp)` (tokens for the app itself).
macro_rules! app_token {
    ($name:ident, $core:path, $doc:literal) => {
        #[doc = $doc]
        #[pyfunction]
        #[pyo3(signature = (app_id, app_certificate, expire, *, issue_ts=None, salt=None))]
        pub fn $name(
            py: Python<'_>,
            app_id: String,
            app_certificate: String,
            expire: Int,
            issue_ts: Opt,
            salt: Opt,
        ) -> PyResult<String> {
            let e = u32_arg(expire, "expire")?;
            let st = stamp(issue_ts, salt)?;
            run(py, move || $core(&app_id, &app_certificate, e, st))
        }
    };
}

user_token!(
    rtm2_build_token,
    user_id,
    rtm_token_builder2::build_token,
    "A 007 RTM login token."
);
user_token!(
    chat_build_user_token,
    user_id,
    chat_token_builder2::build_user_token,
    "A 007 chat token for a user."
);
user_token!(
    education_build_user_token,
    user_uuid,
    education_token_builder2::build_user_token,
    "A 007 education / APaaS token for a user outside any room."
);
app_token!(
    chat_build_app_token,
    chat_token_builder2::build_app_token,
    "A 007 chat token for the app."
);
app_token!(
    education_build_app_token,
    education_token_builder2::build_app_token,
    "A 007 education / APaaS token for the app."
);

/// A 007 RTM2 login token carrying `{resource type: {permission: [resources]}}`.
#[pyfunction]
#[pyo3(signature = (app_id, app_certificate, user_id, permissions, expire=None, *, issue_ts=None, salt=None), text_signature = "(app_id, app_certificate, user_id, permissions, expire=0, *, issue_ts=None, salt=None)")]
pub fn rtm2_build_token_with_permissions(
    py: Python<'_>,
    app_id: String,
    app_certificate: String,
    user_id: String,
    permissions: &Bound<'_, PyAny>,
    expire: Opt,
    issue_ts: Opt,
    salt: Opt,
) -> PyResult<String> {
    let perms = crate::args::permissions(permissions)?;
    let e = expire
        .map(|v| u32_arg(v, "expire"))
        .transpose()?
        .unwrap_or(0);
    let st = stamp(issue_ts, salt)?;
    run(py, move || {
        rtm_token_builder2::build_token_with_permissions(
            &app_id,
            &app_certificate,
            &user_id,
            &perms,
            e,
            st,
        )
    })
}

/// A 007 education / APaaS token for a user in a room.
#[pyfunction]
#[pyo3(signature = (app_id, app_certificate, room_uuid, user_uuid, role, expire, *, issue_ts=None, salt=None))]
pub fn education_build_room_user_token(
    py: Python<'_>,
    app_id: String,
    app_certificate: String,
    room_uuid: String,
    user_uuid: String,
    role: Int,
    expire: Int,
    issue_ts: Opt,
    salt: Opt,
) -> PyResult<String> {
    let role = i16_arg(role, "role")?;
    let e = u32_arg(expire, "expire")?;
    let st = stamp(issue_ts, salt)?;
    run(py, move || {
        education_token_builder2::build_room_user_token(
            &app_id,
            &app_certificate,
            &room_uuid,
            &user_uuid,
            role,
            e,
            st,
        )
    })
}

/// A 007 FPA token (login without expiry, token valid 24 hours).
#[pyfunction]
#[pyo3(signature = (app_id, app_certificate, *, issue_ts=None, salt=None))]
pub fn fpa_build_token(
    py: Python<'_>,
    app_id: String,
    app_certificate: String,
    issue_ts: Opt,
    salt: Opt,
) -> PyResult<String> {
    let st = stamp(issue_ts, salt)?;
    run(py, move || {
        fpa_token_builder::build_token(&app_id, &app_certificate, st)
    })
}

/// Adds this module's functions to `rtctoken._native`.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(rtc_build_token_with_uid, m)?)?;
    m.add_function(wrap_pyfunction!(rtc_build_token_with_account, m)?)?;
    m.add_function(wrap_pyfunction!(rtm_build_token, m)?)?;
    m.add_function(wrap_pyfunction!(rtc2_build_token_with_uid, m)?)?;
    m.add_function(wrap_pyfunction!(rtc2_build_token_with_user_account, m)?)?;
    m.add_function(wrap_pyfunction!(
        rtc2_build_token_with_uid_and_privilege,
        m
    )?)?;
    m.add_function(wrap_pyfunction!(
        rtc2_build_token_with_user_account_and_privilege,
        m
    )?)?;
    m.add_function(wrap_pyfunction!(rtc2_build_token_with_rtm, m)?)?;
    m.add_function(wrap_pyfunction!(rtc2_build_token_with_rtm2, m)?)?;
    m.add_function(wrap_pyfunction!(convoai_build_token, m)?)?;
    m.add_function(wrap_pyfunction!(stt_build_token, m)?)?;
    m.add_function(wrap_pyfunction!(rtm2_build_token, m)?)?;
    m.add_function(wrap_pyfunction!(rtm2_build_token_with_permissions, m)?)?;
    m.add_function(wrap_pyfunction!(chat_build_user_token, m)?)?;
    m.add_function(wrap_pyfunction!(chat_build_app_token, m)?)?;
    m.add_function(wrap_pyfunction!(education_build_room_user_token, m)?)?;
    m.add_function(wrap_pyfunction!(education_build_user_token, m)?)?;
    m.add_function(wrap_pyfunction!(education_build_app_token, m)?)?;
    m.add_function(wrap_pyfunction!(fpa_build_token, m)?)?;
    Ok(())
}
