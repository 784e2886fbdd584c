//! `rtctoken legacy …`: the formats older SDKs still need (DynamicKey
//! v1–v5, the signaling token, AccessToken 006).

use std::process::ExitCode;

use clap::{Args, Subcommand, ValueEnum};
use rtctoken::builders::{rtc_token_builder, rtm_token_builder};
use rtctoken::legacy::{
    dynamic_key, dynamic_key2, dynamic_key3, dynamic_key4, dynamic_key5, signaling_token,
};
use rtctoken::Stamp;

use crate::credentials::CredentialArgs;
use crate::generate::{emit, Common, User};
use crate::output::Redactor;

/// The legacy subcommands.
#[derive(Subcommand, Debug)]
pub enum Legacy {
    /// DynamicKey v1 (unprefixed, 90 characters): channel only.
    #[command(after_help = "Example:\n  rtctoken legacy dynamic-key --demo --channel demo")]
    DynamicKey(V1Args),
    /// DynamicKey v2 (unprefixed, 110 characters): channel, uid, expiry.
    #[command(
        after_help = "Example:\n  rtctoken legacy dynamic-key2 --demo --channel demo --uid 42"
    )]
    DynamicKey2(KeyArgs),
    /// DynamicKey v3 ("003"): v2 with a version prefix.
    #[command(
        after_help = "Example:\n  rtctoken legacy dynamic-key3 --demo --channel demo --uid 42"
    )]
    DynamicKey3(KeyArgs),
    /// DynamicKey v4 ("004"): media channel, recording or public sharing key.
    #[command(
        after_help = "Example:\n  rtctoken legacy dynamic-key4 --demo --channel demo --uid 42 --service recording"
    )]
    DynamicKey4(Key4Args),
    /// DynamicKey v5 ("005"): media channel, recording, public sharing or in-channel permission key.
    #[command(
        after_help = "Example:\n  rtctoken legacy dynamic-key5 --demo --channel demo --uid 42\n  rtctoken legacy dynamic-key5 --demo --channel demo --uid 42 --service in-channel-permission --permission audio-video-upload"
    )]
    DynamicKey5(Key5Args),
    /// Signaling token ("1:", RTM before 2.0) for an account.
    #[command(after_help = "Example:\n  rtctoken legacy signaling --demo --account alice")]
    Signaling(SignalingArgs),
    /// AccessToken 006 for RTC (SDKs between 2.1 and 007 support).
    #[command(
        name = "rtc-006",
        after_help = "Example:\n  rtctoken legacy rtc-006 --demo --channel demo --uid 42 --role publisher"
    )]
    Rtc006(Rtc006Args),
    /// AccessToken 006 for RTM login.
    #[command(
        name = "rtm-006",
        after_help = "Example:\n  rtctoken legacy rtm-006 --demo --user-account alice"
    )]
    Rtm006(Rtm006Args),
}

/// Flags of every dynamic key and the signaling token.
#[derive(Args, Debug)]
pub struct LegacyCommon {
    #[command(flatten)]
    pub creds: CredentialArgs,
    /// Print the key even when a diagnostic says it cannot work as meant.
    #[arg(long)]
    pub force: bool,
}

/// DynamicKey v1.
#[derive(Args, Debug)]
pub struct V1Args {
    #[command(flatten)]
    pub common: LegacyCommon,
    /// Channel name.
    #[arg(long)]
    pub channel: String,
    /// Creation time in Unix seconds (default: now).
    #[arg(long, value_name = "UNIX_TS")]
    pub unix_ts: Option<u32>,
    /// Random number mixed into the signature (default: random).
    #[arg(long)]
    pub random_int: Option<u32>,
}

impl V1Args {
    fn unix_ts(&self) -> u32 {
        self.unix_ts.unwrap_or_else(rtctoken::now)
    }

    fn random_int(&self) -> u32 {
        // The core's salt source: the OS random number generator.
        self.random_int.unwrap_or_else(|| Stamp::default().salt())
    }
}

/// DynamicKey v2, v3.
#[derive(Args, Debug)]
pub struct KeyArgs {
    #[command(flatten)]
    pub v1: V1Args,
    /// Numeric uid (0 lets any user join).
    #[arg(long)]
    pub uid: u32,
    /// Absolute expiry in Unix seconds, 0 = none (default: one hour after --unix-ts).
    #[arg(long, value_name = "UNIX_TS")]
    pub expired_ts: Option<u32>,
}

impl KeyArgs {
    fn expired_ts(&self, unix_ts: u32) -> u32 {
        self.expired_ts
            .unwrap_or_else(|| unix_ts.saturating_add(rtctoken::lifetime::DEFAULT_TTL))
    }
}

/// v4 service tags.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Service4 {
    /// Join a media channel (ACS).
    MediaChannel,
    /// Recording (ARS).
    Recording,
    /// Public sharing (APSS).
    PublicSharing,
}

/// DynamicKey v4.
#[derive(Args, Debug)]
pub struct Key4Args {
    #[command(flatten)]
    pub key: KeyArgs,
    /// What the key is for.
    #[arg(long, value_enum, default_value_t = Service4::MediaChannel)]
    pub service: Service4,
}

/// v5 service types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Service5 {
    /// Join a media channel (1).
    MediaChannel,
    /// Recording (2).
    Recording,
    /// Public sharing (3).
    PublicSharing,
    /// In-channel permission (4); needs --permission.
    InChannelPermission,
}

/// In-channel upload permissions of v5 keys.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Upload {
    /// "0": may not upload.
    NoUpload,
    /// "3": may upload audio and video.
    AudioVideoUpload,
}

/// DynamicKey v5.
#[derive(Args, Debug)]
pub struct Key5Args {
    #[command(flatten)]
    pub key: KeyArgs,
    /// What the key is for.
    #[arg(long, value_enum, default_value_t = Service5::MediaChannel)]
    pub service: Service5,
    /// Upload permission of an in-channel permission key.
    #[arg(long, value_enum)]
    pub permission: Option<Upload>,
}

/// Signaling token.
#[derive(Args, Debug)]
pub struct SignalingArgs {
    #[command(flatten)]
    pub common: LegacyCommon,
    /// The user account.
    #[arg(long)]
    pub account: String,
    /// Absolute expiry in Unix seconds (default: one hour from now).
    #[arg(long, value_name = "UNIX_TS")]
    pub expired_ts: Option<u32>,
}

/// 006 RTC roles.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Role006 {
    /// 0: all privileges.
    Attendee,
    /// 1: all privileges.
    Publisher,
    /// 2: join only.
    Subscriber,
    /// 101: all privileges.
    Admin,
}

/// 006 RTC.
#[derive(Args, Debug)]
pub struct Rtc006Args {
    #[command(flatten)]
    pub common: Common,
    /// Channel name.
    #[arg(long)]
    pub channel: String,
    #[command(flatten)]
    pub user: User,
    /// The role.
    #[arg(long, value_enum, default_value_t = Role006::Publisher)]
    pub role: Role006,
    /// ABSOLUTE Unix time the privileges end, 0 = none (default: one hour after issue).
    #[arg(long, value_name = "UNIX_TS")]
    pub privilege_expired_ts: Option<u32>,
}

/// 006 RTM.
#[derive(Args, Debug)]
pub struct Rtm006Args {
    #[command(flatten)]
    pub common: Common,
    /// The RTM user account.
    #[arg(long, value_name = "ACCOUNT")]
    pub user_account: String,
    /// ABSOLUTE Unix time the login privilege ends, 0 = none (default: one hour after issue).
    #[arg(long, value_name = "UNIX_TS")]
    pub privilege_expired_ts: Option<u32>,
}

/// Runs a legacy subcommand.
pub fn run(r: &Redactor, l: &Legacy) -> ExitCode {
    match l {
        Legacy::DynamicKey(a) => {
            let (ts, rnd) = (a.unix_ts(), a.random_int());
            emit(
                r,
                &a.common.creds,
                a.common.force,
                ts,
                Some(&a.channel),
                |c| {
                    dynamic_key::generate(
                        &c.app_id,
                        c.app_certificate.expose(),
                        &a.channel,
                        ts,
                        rnd,
                    )
                },
            )
        }
        Legacy::DynamicKey2(a) | Legacy::DynamicKey3(a) => {
            let v2 = matches!(l, Legacy::DynamicKey2(_));
            let (ts, rnd) = (a.v1.unix_ts(), a.v1.random_int());
            let exp = a.expired_ts(ts);
            emit(
                r,
                &a.v1.common.creds,
                a.v1.common.force,
                ts,
                Some(&a.v1.channel),
                |c| {
                    let f = if v2 {
                        dynamic_key2::generate
                    } else {
                        dynamic_key3::generate
                    };
                    f(
                        &c.app_id,
                        c.app_certificate.expose(),
                        &a.v1.channel,
                        ts,
                        rnd,
                        a.uid,
                        exp,
                    )
                },
            )
        }
        Legacy::DynamicKey4(a) => {
            let k = &a.key;
            let (ts, rnd) = (k.v1.unix_ts(), k.v1.random_int());
            let exp = k.expired_ts(ts);
            emit(
                r,
                &k.v1.common.creds,
                k.v1.common.force,
                ts,
                Some(&k.v1.channel),
                |c| {
                    let f = match a.service {
                        Service4::MediaChannel => dynamic_key4::generate_media_channel_key,
                        Service4::Recording => dynamic_key4::generate_recording_key,
                        Service4::PublicSharing => dynamic_key4::generate_public_sharing_key,
                    };
                    f(
                        &c.app_id,
                        c.app_certificate.expose(),
                        &k.v1.channel,
                        ts,
                        rnd,
                        k.uid,
                        exp,
                    )
                },
            )
        }
        Legacy::DynamicKey5(a) => {
            let k = &a.key;
            let (ts, rnd) = (k.v1.unix_ts(), k.v1.random_int());
            let exp = k.expired_ts(ts);
            let permission = match (a.service, a.permission) {
                (Service5::InChannelPermission, Some(Upload::NoUpload)) => {
                    Some(dynamic_key5::NO_UPLOAD)
                }
                (Service5::InChannelPermission, Some(Upload::AudioVideoUpload)) => {
                    Some(dynamic_key5::AUDIO_VIDEO_UPLOAD)
                }
                (Service5::InChannelPermission, None) => {
                    return r.fail("--service in-channel-permission needs --permission no-upload or --permission audio-video-upload")
                }
                (_, Some(_)) => {
                    return r.fail("--permission is only for --service in-channel-permission")
                }
                (_, None) => None,
            };
            emit(
                r,
                &k.v1.common.creds,
                k.v1.common.force,
                ts,
                Some(&k.v1.channel),
                |c| {
                    let (id, cert, ch) =
                        (c.app_id.as_str(), c.app_certificate.expose(), &k.v1.channel);
                    match (a.service, permission) {
                        (_, Some(p)) => dynamic_key5::generate_in_channel_permission_key(
                            id, cert, ch, ts, rnd, k.uid, exp, p,
                        ),
                        (Service5::Recording, None) => {
                            dynamic_key5::generate_recording_key(id, cert, ch, ts, rnd, k.uid, exp)
                        }
                        (Service5::PublicSharing, None) => {
                            dynamic_key5::generate_public_sharing_key(
                                id, cert, ch, ts, rnd, k.uid, exp,
                            )
                        }
                        (_, None) => dynamic_key5::generate_media_channel_key(
                            id, cert, ch, ts, rnd, k.uid, exp,
                        ),
                    }
                },
            )
        }
        Legacy::Signaling(a) => {
            let now = rtctoken::now();
            let exp = a
                .expired_ts
                .unwrap_or_else(|| now.saturating_add(rtctoken::lifetime::DEFAULT_TTL));
            emit(r, &a.common.creds, a.common.force, now, None, |c| {
                signaling_token::generate(&a.account, &c.app_id, c.app_certificate.expose(), exp)
            })
        }
        Legacy::Rtc006(a) => {
            a.user.warn(r);
            let stamp = a.common.stamp();
            let now = stamp.issue_ts();
            let exp = a
                .privilege_expired_ts
                .unwrap_or_else(|| now.saturating_add(rtctoken::lifetime::DEFAULT_TTL));
            let role = match a.role {
                Role006::Attendee => rtc_token_builder::ROLE_ATTENDEE,
                Role006::Publisher => rtc_token_builder::ROLE_PUBLISHER,
                Role006::Subscriber => rtc_token_builder::ROLE_SUBSCRIBER,
                Role006::Admin => rtc_token_builder::ROLE_ADMIN,
            };
            emit(
                r,
                &a.common.creds,
                a.common.force,
                now,
                Some(&a.channel),
                |c| {
                    let (id, cert) = (c.app_id.as_str(), c.app_certificate.expose());
                    match (&a.user.uid, &a.user.account) {
                        (Some(uid), _) => rtc_token_builder::build_token_with_uid(
                            id, cert, &a.channel, *uid, role, exp, stamp,
                        ),
                        (None, account) => rtc_token_builder::build_token_with_account(
                            id,
                            cert,
                            &a.channel,
                            account.as_deref().unwrap_or(""),
                            role,
                            exp,
                            stamp,
                        ),
                    }
                },
            )
        }
        Legacy::Rtm006(a) => {
            let stamp = a.common.stamp();
            let now = stamp.issue_ts();
            let exp = a
                .privilege_expired_ts
                .unwrap_or_else(|| now.saturating_add(rtctoken::lifetime::DEFAULT_TTL));
            emit(r, &a.common.creds, a.common.force, now, None, |c| {
                rtm_token_builder::build_token(
                    &c.app_id,
                    c.app_certificate.expose(),
                    &a.user_account,
                    rtm_token_builder::ROLE_RTM_USER,
                    exp,
                    stamp,
                )
            })
        }
    }
}
