//! The 007 generating subcommands: one per builder family, each mapping its
//! flags onto the core builder with the vendor's argument order.

use std::process::ExitCode;

use clap::{Args, ValueEnum};
use rtctoken::access_token::uid_text;
use rtctoken::access_token2::permissions::{PERMISSIONS, RESOURCE_TYPES};
use rtctoken::access_token2::Rtm2Permissions;
use rtctoken::builders::{
    apaas_token_builder, chat_token_builder2, convoai_token_builder, education_token_builder2,
    fpa_token_builder, rtc_token_builder2, rtm_token_builder2, stt_token_builder,
};
use rtctoken::inspect::{channel_name_diagnostics, inspect, text_uid, Severity, UidKind};
use rtctoken::{excerpt, Stamp};

use crate::credentials::{demo_note, CredentialArgs, Credentials};
use crate::output::Redactor;

/// Flags every 006/007 generating subcommand shares.
#[derive(Args, Debug, Clone)]
pub struct Common {
    #[command(flatten)]
    pub creds: CredentialArgs,

    /// Issue time in Unix seconds instead of now (for reproducible tokens).
    #[arg(long, value_name = "UNIX_TS")]
    pub issue_ts: Option<u32>,

    /// Salt instead of a random one (for reproducible tokens).
    #[arg(long)]
    pub salt: Option<u32>,

    /// Print the token even when a diagnostic says it cannot work as meant.
    #[arg(long)]
    pub force: bool,
}

impl Common {
    /// The stamp for the builder: the given issue time and salt, else now and random.
    pub fn stamp(&self) -> Stamp {
        Stamp {
            issue_ts: Some(self.issue_ts.unwrap_or_else(rtctoken::now)),
            salt: self.salt,
        }
    }
}

/// Who a token is for: a numeric uid or a user account (exactly one).
#[derive(Args, Debug, Clone)]
#[group(required = true, multiple = false)]
pub struct User {
    /// Numeric uid, 0..=4294967295 (0 lets any user join).
    #[arg(long)]
    pub uid: Option<u32>,

    /// User account (string uid); clients must join with the same account.
    #[arg(long, value_name = "ACCOUNT")]
    pub account: Option<String>,
}

impl User {
    /// The uid text the token carries (`""` for uid 0).
    pub fn text(&self) -> String {
        match (&self.uid, &self.account) {
            (Some(uid), _) => uid_text(*uid),
            (None, Some(account)) => account.clone(),
            (None, None) => String::new(),
        }
    }

    /// Warns about an account made only of digits, which clients easily
    /// confuse with a numeric uid.
    pub fn warn(&self, r: &Redactor) {
        // Other all-digit accounts ("0", "007") are told apart in the token
        // and reported by its diagnostics; a canonical number is not.
        if let Some(a) = &self.account {
            if text_uid(a).kind == UidKind::Number {
                r.err(format!(
                    "warning[uid_account_digits] --account: {a:?} is all digits and is encoded exactly like --uid {a}: \
                     the client must join with the type you meant (user account {a:?} with joinChannelWithUserAccount, \
                     or numeric uid {a}); if you meant the number, use --uid"
                ));
            }
        }
    }
}

/// RTC role in 007 tokens.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Role {
    /// Join and publish audio, video and data.
    Publisher,
    /// Join only.
    Subscriber,
}

impl Role {
    fn id(self) -> u32 {
        match self {
            Role::Publisher => rtc_token_builder2::ROLE_PUBLISHER,
            Role::Subscriber => rtc_token_builder2::ROLE_SUBSCRIBER,
        }
    }
}

/// The four RTC privilege expiries, each defaulting to `--privilege-expire`.
#[derive(Args, Debug, Clone)]
pub struct PrivilegeExpires {
    /// Seconds after issue until the privileges end (default: --expire).
    #[arg(long, value_name = "SECONDS")]
    pub privilege_expire: Option<u32>,
    /// Seconds after issue until the join privilege ends.
    #[arg(long, value_name = "SECONDS")]
    pub join_expire: Option<u32>,
    /// Seconds after issue until publishing audio ends.
    #[arg(long, value_name = "SECONDS")]
    pub audio_expire: Option<u32>,
    /// Seconds after issue until publishing video ends.
    #[arg(long, value_name = "SECONDS")]
    pub video_expire: Option<u32>,
    /// Seconds after issue until publishing data streams ends.
    #[arg(long, value_name = "SECONDS")]
    pub data_expire: Option<u32>,
}

impl PrivilegeExpires {
    fn each(&self, token_expire: u32) -> [u32; 4] {
        let p = self.privilege_expire.unwrap_or(token_expire);
        [
            self.join_expire.unwrap_or(p),
            self.audio_expire.unwrap_or(p),
            self.video_expire.unwrap_or(p),
            self.data_expire.unwrap_or(p),
        ]
    }

    fn per_privilege(&self) -> bool {
        self.join_expire.is_some()
            || self.audio_expire.is_some()
            || self.video_expire.is_some()
            || self.data_expire.is_some()
    }
}

/// `rtctoken rtc`.
#[derive(Args, Debug)]
pub struct RtcArgs {
    #[command(flatten)]
    pub common: Common,
    /// Channel name (less than 64 bytes: a-z A-Z 0-9 space and !#$%&()+-:;<=.>?@[]^_{}|~,).
    #[arg(long)]
    pub channel: String,
    #[command(flatten)]
    pub user: User,
    /// What the user may do.
    #[arg(long, value_enum, default_value_t = Role::Publisher)]
    pub role: Role,
    /// Seconds after issue until the token expires (at most 86400).
    #[arg(long, value_name = "SECONDS", default_value_t = rtctoken::lifetime::DEFAULT_TTL)]
    pub expire: u32,
    #[command(flatten)]
    pub privileges: PrivilegeExpires,
    /// Add RTM login for the same user, expiring with the token.
    #[arg(long, conflicts_with = "rtm_user_id")]
    pub with_rtm: bool,
    /// Add RTM login for this RTM user id.
    #[arg(long, value_name = "ID")]
    pub rtm_user_id: Option<String>,
    /// Seconds after issue until the RTM login ends (default: --expire).
    #[arg(long, value_name = "SECONDS", requires = "rtm_user_id")]
    pub rtm_expire: Option<u32>,
}

/// `rtctoken rtm`.
#[derive(Args, Debug)]
pub struct RtmArgs {
    #[command(flatten)]
    pub common: Common,
    /// RTM user id.
    #[arg(long, value_name = "ID")]
    pub user_id: String,
    /// Seconds after issue until the token expires (at most 86400).
    #[arg(long, value_name = "SECONDS", default_value_t = rtctoken::lifetime::DEFAULT_TTL)]
    pub expire: u32,
    /// RTM2 permission TYPE:PERMISSION:RESOURCE, repeatable; TYPE is
    /// message_channel, stream_channel, group_channel, server_group or user
    /// (or 0-4), PERMISSION read or write (or 0-1).
    #[arg(long, value_name = "TYPE:PERMISSION:RESOURCE")]
    pub permission: Vec<String>,
    /// Make an RTM2 token even without --permission.
    #[arg(long)]
    pub rtm2: bool,
}

/// `rtctoken chat`.
#[derive(Args, Debug)]
#[group(id = "who", required = true, multiple = false, args = ["user_id", "app"])]
pub struct ChatArgs {
    #[command(flatten)]
    pub common: Common,
    /// Chat user id.
    #[arg(long, value_name = "ID")]
    pub user_id: Option<String>,
    /// An app token (administration) instead of a user token.
    #[arg(long)]
    pub app: bool,
    /// Seconds after issue until the token expires (at most 86400).
    #[arg(long, value_name = "SECONDS", default_value_t = rtctoken::lifetime::DEFAULT_TTL)]
    pub expire: u32,
}

/// `rtctoken education` and `rtctoken apaas`.
#[derive(Args, Debug)]
pub struct ApaasArgs {
    #[command(flatten)]
    pub common: Common,
    /// Room for a room-user token (with --user-uuid and --role).
    #[arg(long, value_name = "UUID", requires_all = ["user_uuid", "role"])]
    pub room_uuid: Option<String>,
    /// User (alone: a user token outside rooms).
    #[arg(long, value_name = "UUID")]
    pub user_uuid: Option<String>,
    /// Role in the room (e.g. 1 teacher, 2 student, 3 assistant).
    #[arg(long, allow_negative_numbers = true, requires = "room_uuid")]
    pub role: Option<i16>,
    /// An app token instead.
    #[arg(long, conflicts_with_all = ["room_uuid", "user_uuid"])]
    pub app: bool,
    /// Seconds after issue until the token expires (at most 86400).
    #[arg(long, value_name = "SECONDS", default_value_t = rtctoken::lifetime::DEFAULT_TTL)]
    pub expire: u32,
}

/// `rtctoken fpa`.
#[derive(Args, Debug)]
pub struct FpaArgs {
    #[command(flatten)]
    pub common: Common,
}

/// `rtctoken convoai` and `rtctoken stt`.
#[derive(Args, Debug)]
pub struct AgentArgs {
    #[command(flatten)]
    pub common: Common,
    /// Channel the agent joins.
    #[arg(long)]
    pub channel: String,
    #[command(flatten)]
    pub user: User,
    /// What the agent may do.
    #[arg(long, value_enum, default_value_t = Role::Publisher)]
    pub role: Role,
    /// Seconds after issue until the token expires (at most 86400).
    #[arg(long, value_name = "SECONDS", default_value_t = rtctoken::lifetime::DEFAULT_TTL)]
    pub expire: u32,
    #[command(flatten)]
    pub privileges: PrivilegeExpires,
    /// The agent's RTM user id.
    #[arg(long, value_name = "ID")]
    pub rtm_user_id: String,
    /// Seconds after issue until the RTM login ends (default: --expire).
    #[arg(long, value_name = "SECONDS")]
    pub rtm_expire: Option<u32>,
}

/// Which of the two identical classroom builders to call.
#[derive(Clone, Copy, Debug)]
pub enum Classroom {
    /// `education_token_builder2`.
    Education,
    /// `apaas_token_builder`.
    Apaas,
}

/// Which agent builder to call.
#[derive(Clone, Copy, Debug)]
pub enum Agent {
    /// `convoai_token_builder`.
    ConvoAi,
    /// `stt_token_builder`.
    Stt,
}

/// Runs `build` with checked credentials, then prints the token, or refuses
/// it when its own diagnostics (computed as of `now`) say it cannot work.
/// `signed_channel` is the channel of a format that signs it without
/// carrying it (006, v1–v5): inspection cannot see it, so it is checked here.
pub fn emit(
    r: &Redactor,
    creds: &CredentialArgs,
    force: bool,
    now: u32,
    signed_channel: Option<&str>,
    build: impl FnOnce(&Credentials) -> rtctoken::Result<String>,
) -> ExitCode {
    let c = match creds.resolve() {
        Ok(c) => c,
        Err(msg) => return r.fail(msg),
    };
    if c.demo {
        r.err(demo_note());
    }
    let token = match build(&c) {
        Ok(t) => t,
        Err(e) => return r.fail(format!("{}: {}", e.kind(), e.message())),
    };
    let mut flags: Vec<&str> = Vec::new();
    let mut diagnostics = signed_channel
        .map(|c| channel_name_diagnostics("channel_name", c))
        .unwrap_or_default();
    if let Ok(i) = inspect(&token, Some(now)) {
        diagnostics.extend(i.diagnostics);
    }
    for d in &diagnostics {
        r.err(format!(
            "{}[{}] {}: {}",
            d.severity.as_str(),
            d.code,
            d.field,
            d.message
        ));
        let flag = flag_for(&d.field);
        if d.severity == Severity::Error && !flags.contains(&flag) {
            flags.push(flag);
        }
    }
    if !flags.is_empty() && !force {
        return r.fail(format!(
            "refusing to print a token that cannot work as meant (see above): fix {}, or add --force",
            flags.join(" and ")
        ));
    }
    r.out(token);
    ExitCode::SUCCESS
}

/// The flag that sets the token field a diagnostic names.
fn flag_for(field: &str) -> &'static str {
    if field == "expire" {
        "--expire"
    } else if field.starts_with("services[") && field.contains(".privileges.") {
        "--privilege-expire (or --join-expire/--audio-expire/--video-expire/--data-expire/--rtm-expire)"
    } else if field.starts_with("privileges.") {
        "--privilege-expired-ts"
    } else if field.ends_with("channel_name") {
        "--channel"
    } else if field.ends_with("uid") {
        "--uid/--account"
    } else if field == "expired_ts" {
        "--expired-ts"
    } else {
        "--issue-ts"
    }
}

/// `rtctoken rtc`.
pub fn rtc(r: &Redactor, a: &RtcArgs) -> ExitCode {
    a.user.warn(r);
    let stamp = a.common.stamp();
    let now = stamp.issue_ts();
    let user = a.user.text();
    let per = a.privileges.each(a.expire);
    let uniform = a.privileges.privilege_expire.unwrap_or(a.expire);
    if a.with_rtm && a.privileges.per_privilege() {
        return r.fail("--join-expire/--audio-expire/--video-expire/--data-expire cannot be combined with --with-rtm; use --rtm-user-id instead");
    }
    let publish_expiries = a.privileges.audio_expire.is_some()
        || a.privileges.video_expire.is_some()
        || a.privileges.data_expire.is_some();
    if a.role == Role::Subscriber && publish_expiries {
        return r.fail("--audio-expire/--video-expire/--data-expire are publish privileges; a --role subscriber token has only --join-expire");
    }
    emit(r, &a.common.creds, a.common.force, now, None, |c| {
        let (id, cert) = (c.app_id.as_str(), c.app_certificate.expose());
        if let Some(rtm_user) = &a.rtm_user_id {
            let [j, au, v, d] = per;
            rtc_token_builder2::build_token_with_rtm2(
                id,
                cert,
                &a.channel,
                &user,
                a.role.id(),
                a.expire,
                j,
                au,
                v,
                d,
                rtm_user,
                a.rtm_expire.unwrap_or(a.expire),
                stamp,
            )
        } else if a.with_rtm {
            rtc_token_builder2::build_token_with_rtm(
                id,
                cert,
                &a.channel,
                &user,
                a.role.id(),
                a.expire,
                uniform,
                stamp,
            )
        } else if a.privileges.per_privilege() && a.role == Role::Publisher {
            let [j, au, v, d] = per;
            match a.user.uid {
                Some(uid) => rtc_token_builder2::build_token_with_uid_and_privilege(
                    id, cert, &a.channel, uid, a.expire, j, au, v, d, stamp,
                ),
                None => rtc_token_builder2::build_token_with_user_account_and_privilege(
                    id, cert, &a.channel, &user, a.expire, j, au, v, d, stamp,
                ),
            }
        } else {
            // A subscriber's only privilege is join: --join-expire sets it.
            match a.user.uid {
                Some(uid) => rtc_token_builder2::build_token_with_uid(
                    id,
                    cert,
                    &a.channel,
                    uid,
                    a.role.id(),
                    a.expire,
                    per[0],
                    stamp,
                ),
                None => rtc_token_builder2::build_token_with_user_account(
                    id,
                    cert,
                    &a.channel,
                    &user,
                    a.role.id(),
                    a.expire,
                    per[0],
                    stamp,
                ),
            }
        }
    })
}

/// Parses `TYPE:PERMISSION:RESOURCE` into ids, naming the part that is wrong.
pub fn parse_permission(spec: &str) -> Result<(u16, u16, String), String> {
    let mut parts = spec.splitn(3, ':');
    let (Some(t), Some(p), Some(res)) = (parts.next(), parts.next(), parts.next()) else {
        return Err(format!(
            "--permission must be TYPE:PERMISSION:RESOURCE, e.g. message_channel:read:lobby, got {}",
            excerpt(spec)
        ));
    };
    let t_id = id_named(&RESOURCE_TYPES, t)
        .ok_or_else(|| {
            format!("--permission type must be message_channel, stream_channel, group_channel, server_group or user (or 0-4), got {}", excerpt(t))
        })?;
    let p_id = id_named(&PERMISSIONS, p).ok_or_else(|| {
        format!(
            "--permission permission must be read or write (or 0-1), got {}",
            excerpt(p)
        )
    })?;
    Ok((t_id, p_id, res.to_owned()))
}

/// The id in the core's `table` that `text` names, or spells in digits.
fn id_named(table: &[(u16, &str)], text: &str) -> Option<u16> {
    table
        .iter()
        .find(|&&(id, name)| name == text || id.to_string() == text)
        .map(|&(id, _)| id)
}

/// `rtctoken rtm`.
pub fn rtm(r: &Redactor, a: &RtmArgs) -> ExitCode {
    let stamp = a.common.stamp();
    let mut perms = Rtm2Permissions::new();
    for spec in &a.permission {
        match parse_permission(spec) {
            Ok((t, p, res)) => {
                perms.add(t, p, &res);
            }
            Err(msg) => return r.fail(msg),
        }
    }
    emit(
        r,
        &a.common.creds,
        a.common.force,
        stamp.issue_ts(),
        None,
        |c| {
            let (id, cert) = (c.app_id.as_str(), c.app_certificate.expose());
            if a.rtm2 || !perms.is_empty() {
                rtm_token_builder2::build_token_with_permissions(
                    id, cert, &a.user_id, &perms, a.expire, stamp,
                )
            } else {
                rtm_token_builder2::build_token(id, cert, &a.user_id, a.expire, stamp)
            }
        },
    )
}

/// `rtctoken chat`.
pub fn chat(r: &Redactor, a: &ChatArgs) -> ExitCode {
    let stamp = a.common.stamp();
    emit(
        r,
        &a.common.creds,
        a.common.force,
        stamp.issue_ts(),
        None,
        |c| {
            let (id, cert) = (c.app_id.as_str(), c.app_certificate.expose());
            match &a.user_id {
                Some(user) => {
                    chat_token_builder2::build_user_token(id, cert, user, a.expire, stamp)
                }
                None => chat_token_builder2::build_app_token(id, cert, a.expire, stamp),
            }
        },
    )
}

/// `rtctoken education` / `rtctoken apaas`.
pub fn apaas(r: &Redactor, a: &ApaasArgs, which: Classroom) -> ExitCode {
    let stamp = a.common.stamp();
    if !a.app && a.user_uuid.is_none() {
        return r.fail(
            "say which token: --room-uuid with --user-uuid and --role (room user), --user-uuid alone (user), or --app",
        );
    }
    emit(
        r,
        &a.common.creds,
        a.common.force,
        stamp.issue_ts(),
        None,
        |c| {
            let (id, cert) = (c.app_id.as_str(), c.app_certificate.expose());
            type RoomUser = fn(&str, &str, &str, &str, i16, u32, Stamp) -> rtctoken::Result<String>;
            type UserTok = fn(&str, &str, &str, u32, Stamp) -> rtctoken::Result<String>;
            type AppTok = fn(&str, &str, u32, Stamp) -> rtctoken::Result<String>;
            let (room_user, user, app): (RoomUser, UserTok, AppTok) = match which {
                Classroom::Education => (
                    education_token_builder2::build_room_user_token,
                    education_token_builder2::build_user_token,
                    education_token_builder2::build_app_token,
                ),
                Classroom::Apaas => (
                    apaas_token_builder::build_room_user_token,
                    apaas_token_builder::build_user_token,
                    apaas_token_builder::build_app_token,
                ),
            };
            match (&a.room_uuid, &a.user_uuid, a.role) {
                (Some(room), Some(u), Some(role)) => {
                    room_user(id, cert, room, u, role, a.expire, stamp)
                }
                (None, Some(u), _) => user(id, cert, u, a.expire, stamp),
                _ => app(id, cert, a.expire, stamp),
            }
        },
    )
}

/// `rtctoken fpa`.
pub fn fpa(r: &Redactor, a: &FpaArgs) -> ExitCode {
    let stamp = a.common.stamp();
    emit(
        r,
        &a.common.creds,
        a.common.force,
        stamp.issue_ts(),
        None,
        |c| fpa_token_builder::build_token(&c.app_id, c.app_certificate.expose(), stamp),
    )
}

/// `rtctoken convoai` / `rtctoken stt`.
pub fn agent(r: &Redactor, a: &AgentArgs, which: Agent) -> ExitCode {
    a.user.warn(r);
    let stamp = a.common.stamp();
    let user = a.user.text();
    let [j, au, v, d] = a.privileges.each(a.expire);
    emit(
        r,
        &a.common.creds,
        a.common.force,
        stamp.issue_ts(),
        None,
        |c| {
            let build = match which {
                Agent::ConvoAi => convoai_token_builder::build_token,
                Agent::Stt => stt_token_builder::build_token,
            };
            build(
                &c.app_id,
                c.app_certificate.expose(),
                &a.channel,
                &user,
                a.role.id(),
                a.expire,
                j,
                au,
                v,
                d,
                &a.rtm_user_id,
                a.rtm_expire.unwrap_or(a.expire),
                stamp,
            )
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn permissions_by_name_or_number() {
        assert_eq!(
            parse_permission("message_channel:write:a:b").unwrap(),
            (0, 1, "a:b".to_owned())
        );
        assert_eq!(
            parse_permission("4:0:bob").unwrap(),
            (4, 0, "bob".to_owned())
        );
        assert!(parse_permission("channel:read:x")
            .unwrap_err()
            .contains("type"));
        assert!(parse_permission("user:delete:x")
            .unwrap_err()
            .contains("permission"));
        assert!(parse_permission("user").is_err());
    }
}
