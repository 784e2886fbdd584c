//! Human- and machine-readable inspection of any token, with diagnostics.
//!
//! Users debugging "invalid token" errors need to see what a token holds and
//! which common mistake it carries (an absolute time where 007 expects
//! seconds, uid 0, an account made of digits, a channel name the SDK
//! refuses…). [`inspect`] decodes any version into an [`Inspection`];
//! [`inspect_json`] is the one JSON schema every binding and the CLI return
//! (documented in `cli/SCHEMA.md`, versioned by [`SCHEMA_VERSION`]).
//! [`explain_verification`] adds the reason a signature check failed.

use std::fmt;

use serde::Serialize;
use serde_json::Value;

use crate::access_token::{self, AccessTokenInfo};
use crate::access_token2::permissions::{permission_name, resource_type_name};
use crate::access_token2::{AccessToken2Info, Service, ServiceFields, ServiceType};
use crate::error::{Error, Result};
use crate::legacy::dynamic_key5::{self, DynamicKey5Info};
use crate::legacy::DynamicKeyInfo;
use crate::parse::{parse, Token};
use crate::verify::{verify, VerifyInput};

/// Version of the JSON schema; bumped only when a key changes meaning or is
/// removed, so consumers can rely on it.
pub const SCHEMA_VERSION: u32 = 1;

/// The longest lifetime the vendor's services grant (24 h); longer expiries
/// are cut to it, which surprises callers.
pub const MAX_LIFETIME: u32 = 24 * 3600;

/// Values at or above this (2001-09-09) are Unix times, not durations: no
/// one means a lifetime of 31 years. Used to spot absolute times given where
/// 007 expects seconds, and seconds given where 006 expects Unix times.
pub const ABSOLUTE_TIME_THRESHOLD: u32 = 1_000_000_000;

/// An issue time this far ahead of `now` means a wrong clock.
pub const CLOCK_SKEW: u32 = 300;

/// The longest RTC channel name the SDKs accept, in bytes ("less than 64").
pub const MAX_CHANNEL_NAME_BYTES: usize = 63;

/// Everything a token holds, decoded and explained as of `now`.
/// Serialised as documented in `cli/SCHEMA.md`; keys are always present
/// (null when the format does not carry the value).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Inspection {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// `"001"`…`"007"` or `"signaling"` ([`Token::version`]).
    pub version: &'static str,
    /// The format's name for humans, e.g. `"AccessToken2 (007)"`.
    pub format: &'static str,
    /// The app ID the token was issued for.
    pub app_id: String,
    /// The Unix time the relative texts and diagnostics are computed for.
    pub now: u32,
    /// When the token was made, if the format carries it.
    pub issued: Option<Time>,
    /// When the token itself stops working; `None` if it never does or the
    /// format carries no expiry.
    pub expires: Option<Time>,
    /// The RTC channel the token is for, where carried (007 rtc service).
    pub channel_name: Option<String>,
    /// The user the token is for, where the format tells anything about it.
    pub uid: Option<Uid>,
    /// DynamicKey5's service type (media channel, recording…).
    pub key_service: Option<Named>,
    /// 007 services in token order; empty for other versions.
    pub services: Vec<ServiceView>,
    /// 006 privileges (absolute expiries); empty for other versions.
    pub privileges: Vec<Privilege>,
    /// The raw decoded fields, exactly [`Token::to_json`].
    pub fields: Value,
    /// What looks wrong, most certain first within each check.
    pub diagnostics: Vec<Diagnostic>,
}

/// A point in time: the raw Unix seconds, an ISO 8601 UTC date and a phrase
/// relative to `now` ("expires in 42 min", "expired 3 h ago").
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Time {
    /// Unix seconds (u64: 007 issue time plus expiry can pass 2106).
    pub unix: u64,
    /// `YYYY-MM-DDTHH:MM:SSZ`.
    pub utc: String,
    /// A phrase relative to `now`.
    pub relative: String,
    /// Whether the time is before `now`.
    pub past: bool,
}

/// A numeric id with its name, `name` `None` when the id is not known.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Named {
    /// The wire id.
    pub id: u16,
    /// Its name.
    pub name: Option<&'static str>,
}

/// How a token names its user: the client must join with the same type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UidKind {
    /// A numeric uid (1..=4294967295).
    Number,
    /// A user account (text that is not a canonical numeric uid).
    Account,
    /// uid 0: any user may join.
    Any,
    /// Signed but not carried (006: only a CRC-32 travels).
    NotCarried,
}

/// The user a token is for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Uid {
    /// Number, account, any, or not carried.
    pub kind: UidKind,
    /// The uid text as encoded (`""` for any), `None` when not carried.
    pub text: Option<String>,
    /// The numeric uid for kind `number` (and `0` for legacy keys' any).
    pub number: Option<u32>,
    /// CRC-32 of the uid text, for 006 where only that travels.
    pub crc32: Option<u32>,
}

/// One privilege and when it ends.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Privilege {
    /// The privilege id.
    pub id: u16,
    /// Its name in the service (`join_channel`, `login`…).
    pub name: Option<&'static str>,
    /// The raw value: seconds after issue (007) or a Unix time (006); 0 = none.
    pub value: u32,
    /// When it ends; `None` when the value is 0 (no expiry).
    pub expires: Option<Time>,
}

/// One RTM2 permission entry: a permission on a list of resources.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Permission {
    /// Resource type id and name (`message_channel`, `user`…).
    pub resource_type: Named,
    /// Permission id and name (`read`, `write`).
    pub permission: Named,
    /// The resources, in token order.
    pub resources: Vec<String>,
}

/// One 007 service: its type, privileges by name, and its own fields (only
/// the keys its type has are present).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ServiceView {
    /// Type id (1 rtc … 10 stt).
    pub type_id: u16,
    /// Type name (`rtc`, `rtm`, `rtm2`…).
    #[serde(rename = "type")]
    pub type_name: &'static str,
    /// Privileges in id order.
    pub privileges: Vec<Privilege>,
    /// rtc, streaming, fcdn.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel_name: Option<String>,
    /// rtc.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uid: Option<Uid>,
    /// rtm, chat, rtm2.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// streaming, fcdn.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account: Option<String>,
    /// apaas.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub room_uuid: Option<String>,
    /// apaas.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_uuid: Option<String>,
    /// apaas (-1 = no role).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<i16>,
    /// rtm2.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub permissions: Option<Vec<Permission>>,
}

/// How sure a diagnostic is that the token will not work as meant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Certain: the token (or this part of it) will be refused.
    Error,
    /// Likely a mistake, or works differently than most callers expect.
    Warning,
}

impl Severity {
    /// `"error"` or `"warning"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// The stable diagnostic codes. Names never change; new ones may be added.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Code {
    /// The token's own expiry is before `now`.
    TokenExpired,
    /// A privilege's expiry is before `now` (006: an absolute time already past).
    PrivilegeExpired,
    /// A 007 expiry (relative seconds) holds what looks like a Unix time.
    ExpiryLooksAbsolute,
    /// A 006 or legacy expiry (a Unix time) holds what looks like seconds.
    ExpiryLooksRelative,
    /// An expiry more than 24 h out: the service cuts it to 24 h.
    ExpiryOver24h,
    /// The issue time is ahead of `now`: the issuing clock is wrong.
    IssuedInFuture,
    /// uid 0 (empty uid text): anyone may join with this token.
    UidZero,
    /// The uid is account text made only of digits, not a numeric uid.
    UidAccountDigits,
    /// The RTC channel name is empty.
    ChannelNameEmpty,
    /// The RTC channel name is 64 bytes or longer.
    ChannelNameTooLong,
    /// The RTC channel name has characters the SDKs refuse.
    ChannelNameCharacters,
    /// A 007 service type this library does not know; later services unread.
    UnknownServiceType,
    /// A privilege id the service does not define.
    UnknownPrivilege,
}

impl Code {
    /// Every code, in documentation order.
    pub const ALL: [Code; 13] = [
        Code::TokenExpired,
        Code::PrivilegeExpired,
        Code::ExpiryLooksAbsolute,
        Code::ExpiryLooksRelative,
        Code::ExpiryOver24h,
        Code::IssuedInFuture,
        Code::UidZero,
        Code::UidAccountDigits,
        Code::ChannelNameEmpty,
        Code::ChannelNameTooLong,
        Code::ChannelNameCharacters,
        Code::UnknownServiceType,
        Code::UnknownPrivilege,
    ];

    /// The snake_case name used in JSON and every binding.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::TokenExpired => "token_expired",
            Code::PrivilegeExpired => "privilege_expired",
            Code::ExpiryLooksAbsolute => "expiry_looks_absolute",
            Code::ExpiryLooksRelative => "expiry_looks_relative",
            Code::ExpiryOver24h => "expiry_over_24h",
            Code::IssuedInFuture => "issued_in_future",
            Code::UidZero => "uid_zero",
            Code::UidAccountDigits => "uid_account_digits",
            Code::ChannelNameEmpty => "channel_name_empty",
            Code::ChannelNameTooLong => "channel_name_too_long",
            Code::ChannelNameCharacters => "channel_name_characters",
            Code::UnknownServiceType => "unknown_service_type",
            Code::UnknownPrivilege => "unknown_privilege",
        }
    }

    /// The severity this code always has.
    pub fn severity(self) -> Severity {
        match self {
            Code::TokenExpired
            | Code::PrivilegeExpired
            | Code::ExpiryLooksAbsolute
            | Code::ExpiryLooksRelative
            | Code::ChannelNameEmpty
            | Code::ChannelNameTooLong
            | Code::ChannelNameCharacters => Severity::Error,
            Code::ExpiryOver24h
            | Code::IssuedInFuture
            | Code::UidZero
            | Code::UidAccountDigits
            | Code::UnknownServiceType
            | Code::UnknownPrivilege => Severity::Warning,
        }
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One finding: a stable code, its severity, the field it is about (a path
/// into the token such as `services[0].privileges.join_channel`) and a
/// message saying what is wrong and what to do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Stable code.
    pub code: Code,
    /// `error` or `warning`.
    pub severity: Severity,
    /// The token field concerned.
    pub field: String,
    /// What is wrong and how to fix it.
    pub message: String,
}

/// Decodes `token` and explains it as of `now` (Unix seconds; `None` reads
/// the clock).
pub fn inspect(token: &str, now: Option<u32>) -> Result<Inspection> {
    let parsed = parse(token)?;
    let now = now.unwrap_or_else(crate::now);
    let mut out = Inspection {
        schema_version: SCHEMA_VERSION,
        version: parsed.version(),
        format: format_name(&parsed),
        app_id: parsed.app_id().to_owned(),
        now,
        issued: None,
        expires: None,
        channel_name: None,
        uid: None,
        key_service: None,
        services: Vec::new(),
        privileges: Vec::new(),
        fields: parsed.to_json(),
        diagnostics: Vec::new(),
    };
    let mut d = Diagnostics(Vec::new());
    match &parsed {
        Token::AccessToken2(t) => access_token2(t, now, &mut out, &mut d),
        Token::AccessToken(t) => access_token(t, now, &mut out, &mut d),
        Token::DynamicKey(k) => dynamic_key(k, now, &mut out, &mut d),
        Token::DynamicKey5(k) => dynamic_key5(k, now, &mut out, &mut d),
        Token::Signaling(k) => {
            out.expires = absolute_expiry("expired_ts", k.expired_ts, now, &mut d);
        }
    }
    out.diagnostics = d.0;
    Ok(out)
}

/// [`inspect`] as a JSON value (see `cli/SCHEMA.md`).
pub fn inspect_value(token: &str, now: Option<u32>) -> Result<Value> {
    let inspection = inspect(token, now)?;
    serde_json::to_value(&inspection)
        .map_err(|e| Error::new(crate::ErrorKind::Internal, e.to_string()))
}

/// [`inspect`] serialised as compact JSON text, keys in schema order.
pub fn inspect_json(token: &str, now: Option<u32>) -> Result<String> {
    let inspection = inspect(token, now)?;
    serde_json::to_string(&inspection)
        .map_err(|e| Error::new(crate::ErrorKind::Internal, e.to_string()))
}

fn format_name(t: &Token) -> &'static str {
    match t {
        Token::DynamicKey(k) => match k.version {
            1 => "DynamicKey v1",
            2 => "DynamicKey v2",
            3 => "DynamicKey v3",
            _ => "DynamicKey v4",
        },
        Token::DynamicKey5(_) => "DynamicKey v5",
        Token::Signaling(_) => "Signaling token",
        Token::AccessToken(_) => "AccessToken (006)",
        Token::AccessToken2(_) => "AccessToken2 (007)",
    }
}

struct Diagnostics(Vec<Diagnostic>);

impl Diagnostics {
    fn push(&mut self, code: Code, field: impl Into<String>, message: impl Into<String>) {
        self.0.push(Diagnostic {
            code,
            severity: code.severity(),
            field: field.into(),
            message: message.into(),
        });
    }
}

// ---------------------------------------------------------------- 007

fn access_token2(t: &AccessToken2Info, now: u32, out: &mut Inspection, d: &mut Diagnostics) {
    let issue = u64::from(t.issue_ts);
    out.issued = Some(issued("issue_ts", t.issue_ts, now, d));
    relative_expiry("expire", "the token's expire", t.expire, issue, d);
    out.expires = (t.expire != 0).then(|| time(issue + u64::from(t.expire), now, Phrase::Expires));
    if let Some(e) = &out.expires {
        if e.past {
            d.push(
                Code::TokenExpired,
                "expire",
                format!(
                    "the token expired at {} ({}): make a new one",
                    e.utc, e.relative
                ),
            );
        }
    }
    for (i, s) in t.services.iter().enumerate() {
        let view = service_view(s, i, issue, now, d);
        if out.channel_name.is_none() {
            if let ServiceFields::Rtc { channel_name, .. } = &s.fields {
                out.channel_name = Some(channel_name.clone());
                out.uid = view.uid.clone();
            }
        }
        out.services.push(view);
    }
    if let Some(id) = t.unknown_service_type {
        d.push(
            Code::UnknownServiceType,
            format!("services[{}]", t.services.len()),
            format!(
                "service type {id} is not one of 1..=10 ({}); it and any services after it could not be read (a newer token, or a damaged one)",
                ServiceType::ALL.map(|s| s.name()).join(", ")
            ),
        );
    }
}

/// The issue time at `field`, flagged when it is ahead of `now`.
fn issued(field: &str, ts: u32, now: u32, d: &mut Diagnostics) -> Time {
    if ts > now.saturating_add(CLOCK_SKEW) {
        d.push(
            Code::IssuedInFuture,
            field,
            format!(
                "{field} is {}, {} after now: the clock of the machine that made the token is ahead; the service refuses tokens issued in the future",
                utc(u64::from(ts)),
                span(u64::from(ts - now))
            ),
        );
    }
    time(u64::from(ts), now, Phrase::Issued)
}

/// Checks a 007 expiry value (seconds after issue) at `field`.
fn relative_expiry(field: &str, label: &str, value: u32, issue: u64, d: &mut Diagnostics) {
    if value >= ABSOLUTE_TIME_THRESHOLD {
        d.push(
            Code::ExpiryLooksAbsolute,
            field,
            format!(
                "{label} is {value} seconds after issue ({}), which looks like an absolute Unix time ({}): 007 expiries are seconds after the issue time, e.g. 3600 for one hour",
                span(u64::from(value)),
                utc(u64::from(value))
            ),
        );
    } else if value > MAX_LIFETIME {
        d.push(
            Code::ExpiryOver24h,
            field,
            format!(
                "{label} is {value} seconds ({}), over the service's 24 h maximum: do not count on it past {} (issue + 24 h); ask for at most 86400",
                span(u64::from(value)),
                utc(issue + u64::from(MAX_LIFETIME))
            ),
        );
    }
}

fn service_view(
    s: &Service,
    index: usize,
    issue: u64,
    now: u32,
    d: &mut Diagnostics,
) -> ServiceView {
    let t = s.service_type();
    let path = format!("services[{index}]");
    let mut privileges = Vec::new();
    for (&id, &value) in &s.privileges {
        let name = t.privilege_name(id);
        let field = format!(
            "{path}.privileges.{}",
            name.map_or(id.to_string(), str::to_owned)
        );
        if name.is_none() {
            d.push(
                Code::UnknownPrivilege,
                field.clone(),
                format!(
                    "privilege {id} is not defined for the {} service: the service ignores it",
                    t.name()
                ),
            );
        }
        let label = format!("the {} privilege's expiry", name.unwrap_or("unknown"));
        relative_expiry(&field, &label, value, issue, d);
        let expires = (value != 0).then(|| time(issue + u64::from(value), now, Phrase::Expires));
        if let Some(e) = &expires {
            if e.past {
                d.push(
                    Code::PrivilegeExpired,
                    field.clone(),
                    format!(
                        "the {} privilege expired at {} ({})",
                        name.unwrap_or("unknown"),
                        e.utc,
                        e.relative
                    ),
                );
            }
        }
        privileges.push(Privilege {
            id,
            name,
            value,
            expires,
        });
    }
    let mut v = ServiceView {
        type_id: t as u16,
        type_name: t.name(),
        privileges,
        channel_name: None,
        uid: None,
        user_id: None,
        account: None,
        room_uuid: None,
        user_uuid: None,
        role: None,
        permissions: None,
    };
    match &s.fields {
        ServiceFields::Rtc { channel_name, uid } => {
            check_channel_name(&format!("{path}.channel_name"), channel_name, d);
            let u = text_uid(uid);
            check_uid(&format!("{path}.uid"), &u, d);
            v.channel_name = Some(channel_name.clone());
            v.uid = Some(u);
        }
        ServiceFields::Rtm { user_id } | ServiceFields::Chat { user_id } => {
            v.user_id = Some(user_id.clone());
        }
        ServiceFields::Streaming {
            channel_name,
            account,
        }
        | ServiceFields::Fcdn {
            channel_name,
            account,
        } => {
            v.channel_name = Some(channel_name.clone());
            v.account = Some(account.clone());
        }
        ServiceFields::Apaas {
            room_uuid,
            user_uuid,
            role,
        } => {
            v.room_uuid = Some(room_uuid.clone());
            v.user_uuid = Some(user_uuid.clone());
            v.role = Some(*role);
        }
        ServiceFields::Rtm2 {
            user_id,
            permissions,
        } => {
            v.user_id = Some(user_id.clone());
            let mut list = Vec::new();
            for (&rt, perms) in &permissions.0 {
                for (&p, resources) in perms {
                    list.push(Permission {
                        resource_type: Named {
                            id: rt,
                            name: resource_type_name(rt),
                        },
                        permission: Named {
                            id: p,
                            name: permission_name(p),
                        },
                        resources: resources.clone(),
                    });
                }
            }
            v.permissions = Some(list);
        }
        ServiceFields::Fpa | ServiceFields::ConvoAi | ServiceFields::Stt => {}
    }
    v
}

/// Classifies 007/006 uid text: `""` is uid 0, a canonical decimal in
/// 1..=2^32-1 a number, anything else (including `"0"` and `"007"`) an account.
pub fn text_uid(text: &str) -> Uid {
    let number = text
        .parse::<u32>()
        .ok()
        .filter(|n| *n != 0 && n.to_string() == text);
    let kind = match (text.is_empty(), number) {
        (true, _) => UidKind::Any,
        (false, Some(_)) => UidKind::Number,
        (false, None) => UidKind::Account,
    };
    Uid {
        kind,
        text: Some(text.to_owned()),
        number,
        crc32: None,
    }
}

fn check_uid(field: &str, uid: &Uid, d: &mut Diagnostics) {
    let text = uid.text.as_deref().unwrap_or("");
    match uid.kind {
        UidKind::Any => d.push(
            Code::UidZero,
            field,
            "uid is 0 (empty): anyone who has the token may join as any uid; give each user their own uid unless that is intended",
        ),
        UidKind::Account if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) => d.push(
            Code::UidAccountDigits,
            field,
            format!(
                "uid {text:?} is a user account made only of digits, not the numeric uid {}: the client must join with user account {text:?} (joinChannelWithUserAccount), or the token must be made with the numeric uid",
                text.trim_start_matches('0').parse::<u64>().map_or_else(|_| text.to_owned(), |n| n.to_string())
            ),
        ),
        _ => {}
    }
}

/// Whether `c` may appear in an RTC channel name (the SDKs' documented set).
pub fn is_channel_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || " !#$%&()+-:;<=.>?@[]^_{}|~,".contains(c)
}

/// The channel-name diagnostics for `name`, reported at `field`: for tools
/// that know the channel of a format that only signs it (006, v1–v5), e.g.
/// when generating one.
pub fn channel_name_diagnostics(field: &str, name: &str) -> Vec<Diagnostic> {
    let mut d = Diagnostics(Vec::new());
    check_channel_name(field, name, &mut d);
    d.0
}

fn check_channel_name(field: &str, name: &str, d: &mut Diagnostics) {
    if name.is_empty() {
        d.push(
            Code::ChannelNameEmpty,
            field,
            "channel_name is empty: the SDKs refuse to join a channel without a name",
        );
        return;
    }
    if name.len() > MAX_CHANNEL_NAME_BYTES {
        d.push(
            Code::ChannelNameTooLong,
            field,
            format!(
                "channel_name is {} bytes: the SDKs accept less than 64 bytes, so no client can join it",
                name.len()
            ),
        );
    }
    let bad: Vec<String> = {
        let mut seen = Vec::new();
        for c in name.chars().filter(|c| !is_channel_name_char(*c)) {
            if !seen.contains(&c) {
                seen.push(c);
            }
        }
        seen.into_iter().map(|c| format!("{c:?}")).collect()
    };
    if !bad.is_empty() {
        d.push(
            Code::ChannelNameCharacters,
            field,
            format!(
                "channel_name has characters the SDKs refuse ({}): allowed are a-z, A-Z, 0-9, space and ! # $ % & ( ) + - : ; < = . > ? @ [ ] ^ _ {{ }} | ~ ,",
                bad.join(", ")
            ),
        );
    }
}

// ---------------------------------------------------------------- 006

fn access_token(t: &AccessTokenInfo, now: u32, out: &mut Inspection, d: &mut Diagnostics) {
    out.expires = absolute_expiry("ts", t.ts, now, d);
    if let Some(e) = &out.expires {
        if !e.past && e.unix > u64::from(now) + u64::from(MAX_LIFETIME) {
            d.push(
                Code::ExpiryOver24h,
                "ts",
                format!(
                    "the token expires at {} ({}), more than 24 h from now: over the service's 24 h maximum",
                    e.utc, e.relative
                ),
            );
        }
    }
    let rtm_only =
        !t.privileges.is_empty() && t.privileges.keys().all(|p| *p == access_token::RTM_LOGIN);
    for (&id, &value) in &t.privileges {
        let name = access_token::privilege_name(id);
        let field = format!("privileges.{}", name.map_or(id.to_string(), str::to_owned));
        if name.is_none() {
            d.push(
                Code::UnknownPrivilege,
                field.clone(),
                format!(
                    "privilege {id} is not a 006 privilege (1-4, 1000): the service ignores it"
                ),
            );
        }
        let label = format!("the {} privilege's expiry", name.unwrap_or("unknown"));
        let expires = absolute_privilege(&field, &label, value, now, d);
        out.privileges.push(Privilege {
            id,
            name,
            value,
            expires,
        });
    }
    if !rtm_only {
        let uid = if t.crc_uid == 0 {
            // crc32("") is 0: uid 0, "any user".
            Uid {
                kind: UidKind::Any,
                text: Some(String::new()),
                number: None,
                crc32: Some(0),
            }
        } else {
            Uid {
                kind: UidKind::NotCarried,
                text: None,
                number: None,
                crc32: Some(t.crc_uid),
            }
        };
        if uid.kind == UidKind::Any {
            check_uid("crc_uid", &uid, d);
        }
        out.uid = Some(uid);
    }
}

/// A 006 privilege's absolute expiry, with its diagnostics.
fn absolute_privilege(
    field: &str,
    label: &str,
    value: u32,
    now: u32,
    d: &mut Diagnostics,
) -> Option<Time> {
    if value == 0 {
        return None;
    }
    let e = time(u64::from(value), now, Phrase::Expires);
    if value < ABSOLUTE_TIME_THRESHOLD {
        d.push(
            Code::ExpiryLooksRelative,
            field,
            format!(
                "{label} is {value}, i.e. {}, long past: 006 privilege expiries are absolute Unix times, so {value} looks like seconds; use now + {value} (or 0 for no expiry)",
                e.utc
            ),
        );
    } else if e.past {
        d.push(
            Code::PrivilegeExpired,
            field,
            format!(
                "{label} passed at {} ({}): 006 privilege expiries are absolute Unix times, and this one is already past",
                e.utc, e.relative
            ),
        );
    } else if e.unix > u64::from(now) + u64::from(MAX_LIFETIME) {
        d.push(
            Code::ExpiryOver24h,
            field,
            format!(
                "{label} is {} ({}), more than 24 h from now: over the service's 24 h maximum",
                e.utc, e.relative
            ),
        );
    }
    Some(e)
}

/// A token's absolute expiry (006 `ts`, legacy `expired_ts`; 0 = none).
fn absolute_expiry(field: &str, value: u32, now: u32, d: &mut Diagnostics) -> Option<Time> {
    if value == 0 {
        return None;
    }
    let e = time(u64::from(value), now, Phrase::Expires);
    if value < ABSOLUTE_TIME_THRESHOLD {
        d.push(
            Code::ExpiryLooksRelative,
            field,
            format!(
                "{field} is {value}, i.e. {}, long past: it is an absolute Unix time in this format, so {value} looks like seconds; use now + {value} (or 0 for no expiry)",
                e.utc
            ),
        );
    } else if e.past {
        d.push(
            Code::TokenExpired,
            field,
            format!(
                "the token expired at {} ({}): make a new one",
                e.utc, e.relative
            ),
        );
    }
    Some(e)
}

// ---------------------------------------------------------------- legacy

fn dynamic_key(k: &DynamicKeyInfo, now: u32, out: &mut Inspection, d: &mut Diagnostics) {
    out.issued = Some(issued("unix_ts", k.unix_ts, now, d));
    if let Some(ts) = k.expired_ts {
        out.expires = absolute_expiry("expired_ts", ts, now, d);
    }
    if let Some(uid) = k.uid {
        let u = Uid {
            kind: if uid == 0 {
                UidKind::Any
            } else {
                UidKind::Number
            },
            text: Some(uid.to_string()),
            number: Some(uid),
            crc32: None,
        };
        if uid == 0 {
            check_uid("uid", &u, d);
        }
        out.uid = Some(u);
    }
}

fn dynamic_key5(k: &DynamicKey5Info, now: u32, out: &mut Inspection, d: &mut Diagnostics) {
    out.issued = Some(issued("unix_ts", k.unix_ts, now, d));
    out.expires = absolute_expiry("expired_ts", k.expired_ts, now, d);
    out.key_service = Some(Named {
        id: k.service_type,
        name: match k.service_type {
            dynamic_key5::MEDIA_CHANNEL_SERVICE => Some("media_channel"),
            dynamic_key5::RECORDING_SERVICE => Some("recording"),
            dynamic_key5::PUBLIC_SHARING_SERVICE => Some("public_sharing"),
            dynamic_key5::IN_CHANNEL_PERMISSION => Some("in_channel_permission"),
            _ => None,
        },
    });
}

// ---------------------------------------------------------------- times

#[derive(Clone, Copy)]
enum Phrase {
    Issued,
    Expires,
}

fn time(unix: u64, now: u32, phrase: Phrase) -> Time {
    let now = u64::from(now);
    let past = unix < now;
    let relative = match (phrase, unix.cmp(&now)) {
        (Phrase::Issued, std::cmp::Ordering::Equal) => "issued now".to_owned(),
        (Phrase::Expires, std::cmp::Ordering::Equal) => "expires now".to_owned(),
        (Phrase::Issued, std::cmp::Ordering::Less) => format!("issued {} ago", span(now - unix)),
        (Phrase::Issued, std::cmp::Ordering::Greater) => format!("issued in {}", span(unix - now)),
        (Phrase::Expires, std::cmp::Ordering::Less) => format!("expired {} ago", span(now - unix)),
        (Phrase::Expires, std::cmp::Ordering::Greater) => {
            format!("expires in {}", span(unix - now))
        }
    };
    Time {
        unix,
        utc: utc(unix),
        relative,
        past,
    }
}

/// A duration in words: "45 s", "42 min", "3 h", "3 h 5 min", "12 days", "57 years".
pub fn span(secs: u64) -> String {
    const DAY: u64 = 86_400;
    match secs {
        0..=59 => format!("{secs} s"),
        60..=3_599 => format!("{} min", secs / 60),
        3_600..=172_799 => match (secs / 3_600, secs % 3_600 / 60) {
            (h, 0) => format!("{h} h"),
            (h, m) => format!("{h} h {m} min"),
        },
        _ if secs < 730 * DAY => format!("{} days", secs / DAY),
        _ => format!("{} years", secs / (365 * DAY + DAY / 4)),
    }
}

/// Unix seconds as `YYYY-MM-DDTHH:MM:SSZ` (proleptic Gregorian, UTC).
pub fn utc(unix: u64) -> String {
    let days = unix / 86_400;
    let rem = unix % 86_400;
    // Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z % 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + u64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rem / 3_600,
        rem % 3_600 / 60,
        rem % 60
    )
}

// ---------------------------------------------------------------- verify

/// A verification with its explanation, for tools that must tell the user
/// why a token is refused.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct VerifyReport {
    /// Index of the first certificate the signature holds for, if any.
    pub matched: Option<usize>,
    /// How many certificates were tried.
    pub certificates: usize,
    /// Why the token does not hold for the inputs given (empty when it does).
    pub reasons: Vec<String>,
    /// Adjustments made to the inputs (e.g. uid "0" read as uid 0 for 006).
    pub notes: Vec<String>,
}

impl VerifyReport {
    /// Whether a certificate matched and the token is for the inputs given.
    pub fn is_valid(&self) -> bool {
        self.matched.is_some() && self.reasons.is_empty()
    }
}

/// Verifies `token` against `certificates` like [`crate::verify`], and says
/// why it fails: for 006, which of channel and uid differ (their CRC-32s
/// travel); for 007, whether the channel or uid given differ from the
/// token's. For 006, uid `"0"` is read as uid 0 (empty text) when the token
/// was made for uid 0. Certificates never appear in the report.
pub fn explain_verification(
    token: &str,
    certificates: &[&str],
    input: &VerifyInput,
) -> Result<VerifyReport> {
    let parsed = parse(token)?;
    let mut notes = Vec::new();
    let mut reasons = Vec::new();
    let mut uid = input.uid;
    if let (Token::AccessToken(t), Some("0")) = (&parsed, uid) {
        if t.crc_uid == 0 {
            uid = Some("");
            notes.push("uid 0 is signed as empty text in 006 tokens (any user)".to_owned());
        }
    }
    let effective = VerifyInput {
        channel_name: input.channel_name,
        uid,
    };
    let v = verify(token, certificates, &effective)?;
    match &parsed {
        Token::AccessToken(t) if v.matched.is_none() => {
            let channel = effective.channel_name.unwrap_or("");
            let uid = effective.uid.unwrap_or("");
            let channel_ok = crc32fast::hash(channel.as_bytes()) == t.crc_channel_name;
            let uid_ok = crc32fast::hash(uid.as_bytes()) == t.crc_uid;
            if !channel_ok {
                reasons.push(format!(
                    "channel_name {channel:?} is not the channel the token was made for (its CRC-32 differs from the token's crc_channel_name)"
                ));
            }
            if !uid_ok {
                reasons.push(format!(
                    "uid {uid:?} is not the uid the token was made for (its CRC-32 differs from the token's crc_uid{})",
                    if t.crc_uid == 0 { "; the token is for uid 0, give an empty uid" } else { "" }
                ));
            }
            if channel_ok && uid_ok {
                reasons.push(no_certificate(certificates.len()));
            }
        }
        Token::AccessToken2(t) => {
            if v.matched.is_none() {
                reasons.push(no_certificate(certificates.len()));
            }
            let rtc = t.services.iter().find_map(|s| match &s.fields {
                ServiceFields::Rtc { channel_name, uid } => Some((channel_name, uid)),
                _ => None,
            });
            if let (Some(want), Some((have, _))) = (input.channel_name, rtc) {
                if want != have {
                    reasons.push(format!(
                        "the token is for channel {have:?}, not {want:?}"
                    ));
                }
            }
            if let (Some(want), Some((_, have))) = (input.uid, rtc) {
                // uid 0 is encoded as "", the account "0" as "0".
                if want != have && !(want == "0" && have.is_empty()) {
                    reasons.push(format!(
                        "the token is for uid {have:?}{}, not {want:?}",
                        if have.is_empty() { " (uid 0, any user)" } else { "" }
                    ));
                }
            }
            if rtc.is_none() && (input.channel_name.is_some() || input.uid.is_some()) {
                notes.push(
                    "the token has no rtc service, so the channel and uid given were not compared"
                        .to_owned(),
                );
            }
        }
        _ if v.matched.is_none() => reasons.push(format!(
            "{}; this format signs the channel and uid without carrying them, so a different channel or uid also gives this result",
            no_certificate(certificates.len())
        )),
        _ => {}
    }
    Ok(VerifyReport {
        matched: v.matched,
        certificates: certificates.len(),
        reasons,
        notes,
    })
}

fn no_certificate(n: usize) -> String {
    if n == 1 {
        "the signature does not hold for the certificate given: the token was made with another certificate (or app ID), or altered".to_owned()
    } else {
        format!("the signature holds for none of the {n} certificates given: the token was made with another certificate (or app ID), or altered")
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::access_token2::{privileges, Rtm2Permissions};
    use crate::builders::*;
    use crate::legacy::{dynamic_key2, dynamic_key5, signaling_token};
    use crate::Stamp;

    const APP_ID: &str = "970CA35DE60C44645BBAE8A215061B33";
    const CERT: &str = "5CFD2FD1755D40ECB72977518BE15D3B";
    const OTHER_CERT: &str = "0123456789abcdef0123456789ABCDEF";
    const ISSUE: u32 = 1_800_000_000;
    const NOW: u32 = ISSUE + 60;

    fn stamp() -> Stamp {
        Stamp::fixed(ISSUE, 7)
    }

    fn codes(token: &str, now: u32) -> Vec<&'static str> {
        inspect(token, Some(now))
            .unwrap()
            .diagnostics
            .iter()
            .map(|d| d.code.as_str())
            .collect()
    }

    fn rtc(channel: &str, account: &str, token_expire: u32, privilege_expire: u32) -> String {
        rtc_token_builder2::build_token_with_user_account(
            APP_ID,
            CERT,
            channel,
            account,
            rtc_token_builder2::ROLE_PUBLISHER,
            token_expire,
            privilege_expire,
            stamp(),
        )
        .unwrap()
    }

    fn raw006(privileges: &[(u16, u32)], uid: &str, ts: u32) -> String {
        let p: BTreeMap<u16, u32> = privileges.iter().copied().collect();
        access_token::build(APP_ID, CERT, "demo", uid, 7, ts, &p).unwrap()
    }

    #[test]
    fn clean_rtc_token_has_no_diagnostics() {
        let t = rtc("demo", "42", 3600, 3600);
        let i = inspect(&t, Some(NOW)).unwrap();
        assert!(i.diagnostics.is_empty(), "{:?}", i.diagnostics);
        assert_eq!(i.version, "007");
        assert_eq!(i.channel_name.as_deref(), Some("demo"));
        let uid = i.uid.unwrap();
        assert_eq!((uid.kind, uid.number), (UidKind::Number, Some(42)));
        assert_eq!(i.issued.unwrap().relative, "issued 1 min ago");
        let e = i.expires.unwrap();
        assert_eq!(e.utc, "2027-01-15T09:00:00Z");
        assert_eq!(e.relative, "expires in 59 min");
        let names: Vec<_> = i.services[0].privileges.iter().map(|p| p.name).collect();
        assert_eq!(
            names,
            [
                Some("join_channel"),
                Some("publish_audio_stream"),
                Some("publish_video_stream"),
                Some("publish_data_stream")
            ]
        );
    }

    #[test]
    fn token_expired() {
        let t = rtc("demo", "42", 600, 600);
        let c = codes(&t, ISSUE + 3 * 3600);
        assert_eq!(
            c,
            [
                "token_expired",
                "privilege_expired",
                "privilege_expired",
                "privilege_expired",
                "privilege_expired"
            ]
        );
        let i = inspect(&t, Some(ISSUE + 3 * 3600)).unwrap();
        assert_eq!(i.expires.unwrap().relative, "expired 2 h 50 min ago");
    }

    #[test]
    fn privilege_expired_007() {
        let t = rtc_token_builder2::build_token_with_uid_and_privilege(
            APP_ID,
            CERT,
            "demo",
            42,
            3600,
            30,
            3600,
            3600,
            3600,
            stamp(),
        )
        .unwrap();
        let i = inspect(&t, Some(NOW)).unwrap();
        assert_eq!(i.diagnostics.len(), 1);
        assert_eq!(i.diagnostics[0].code, Code::PrivilegeExpired);
        assert_eq!(
            i.diagnostics[0].field,
            "services[0].privileges.join_channel"
        );
    }

    #[test]
    fn expiry_looks_absolute_in_007() {
        let t = rtc("demo", "42", ISSUE + 3600, 3600);
        let i = inspect(&t, Some(NOW)).unwrap();
        assert_eq!(i.diagnostics[0].code, Code::ExpiryLooksAbsolute);
        assert_eq!(i.diagnostics[0].severity, Severity::Error);
        assert_eq!(i.diagnostics[0].field, "expire");
        assert_eq!(i.diagnostics.len(), 1);
        let p = rtc("demo", "42", 3600, ISSUE + 3600);
        assert_eq!(codes(&p, NOW), ["expiry_looks_absolute"; 4]);
    }

    #[test]
    fn expiry_over_24h_in_007_and_006() {
        let t = rtc("demo", "42", 2 * 86_400, 3600);
        let i = inspect(&t, Some(NOW)).unwrap();
        assert_eq!(codes(&t, NOW), ["expiry_over_24h"]);
        assert_eq!(i.diagnostics[0].severity, Severity::Warning);
        let t = raw006(&[(1, NOW + 2 * 86_400)], "42", NOW + 3600);
        assert_eq!(codes(&t, NOW), ["expiry_over_24h"]);
        let t = raw006(&[(1, NOW + 3600)], "42", NOW + 2 * 86_400);
        assert_eq!(codes(&t, NOW), ["expiry_over_24h"]);
    }

    #[test]
    fn privilege_in_the_past_in_006() {
        let t = raw006(&[(1, NOW - 3 * 3600)], "42", NOW + 3600);
        let i = inspect(&t, Some(NOW)).unwrap();
        assert_eq!(codes(&t, NOW), ["privilege_expired"]);
        assert_eq!(i.diagnostics[0].field, "privileges.join_channel");
        assert!(i.diagnostics[0].message.contains("3 h ago"));
    }

    #[test]
    fn expiry_looks_relative_in_006_and_legacy() {
        let t = rtc_token_builder::build_token_with_uid(
            APP_ID,
            CERT,
            "demo",
            42,
            rtc_token_builder::ROLE_SUBSCRIBER,
            3600,
            stamp(),
        )
        .unwrap();
        assert_eq!(codes(&t, NOW), ["expiry_looks_relative"]);
        let k = dynamic_key2::generate(APP_ID, CERT, "demo", ISSUE, 5, 42, 3600).unwrap();
        assert_eq!(codes(&k, NOW), ["expiry_looks_relative"]);
        let s = signaling_token::generate("alice", APP_ID, CERT, ISSUE - 10).unwrap();
        assert_eq!(codes(&s, NOW), ["token_expired"]);
        let v5 = dynamic_key5::generate_media_channel_key(APP_ID, CERT, "demo", ISSUE, 5, 42, 0)
            .unwrap();
        let i = inspect(&v5, Some(NOW)).unwrap();
        assert!(i.diagnostics.is_empty());
        assert_eq!(i.key_service.unwrap().name, Some("media_channel"));
    }

    #[test]
    fn issued_in_future() {
        let t = rtc("demo", "42", 3600, 3600);
        assert_eq!(codes(&t, ISSUE - 3600), ["issued_in_future"]);
        assert!(codes(&t, ISSUE - CLOCK_SKEW).is_empty());
        let k =
            dynamic_key5::generate_recording_key(APP_ID, CERT, "demo", ISSUE, 5, 42, 0).unwrap();
        let i = inspect(&k, Some(ISSUE - 3600)).unwrap();
        assert_eq!(i.diagnostics[0].code, Code::IssuedInFuture);
        assert_eq!(i.diagnostics[0].field, "unix_ts");
    }

    #[test]
    fn uid_zero() {
        let t = rtc_token_builder2::build_token_with_uid(
            APP_ID,
            CERT,
            "demo",
            0,
            1,
            3600,
            3600,
            stamp(),
        )
        .unwrap();
        let i = inspect(&t, Some(NOW)).unwrap();
        assert_eq!(codes(&t, NOW), ["uid_zero"]);
        assert_eq!(i.uid.unwrap().kind, UidKind::Any);
        assert_eq!(i.diagnostics[0].field, "services[0].uid");
        // 006 carries crc32("") = 0 for uid 0; RTM 006 tokens always do, and are not flagged.
        let t = raw006(&[(1, NOW + 3600)], "", NOW + 3600);
        assert_eq!(codes(&t, NOW), ["uid_zero"]);
        let t =
            rtm_token_builder::build_token(APP_ID, CERT, "alice", 1, NOW + 3600, stamp()).unwrap();
        assert!(codes(&t, NOW).is_empty());
        let k = dynamic_key2::generate(APP_ID, CERT, "demo", ISSUE, 5, 0, 0).unwrap();
        assert_eq!(codes(&k, NOW), ["uid_zero"]);
    }

    #[test]
    fn uid_account_digits() {
        for account in ["0", "0042", "99999999999"] {
            let t = rtc("demo", account, 3600, 3600);
            let i = inspect(&t, Some(NOW)).unwrap();
            assert_eq!(codes(&t, NOW), ["uid_account_digits"], "{account}");
            assert_eq!(i.uid.unwrap().kind, UidKind::Account);
        }
        let i = inspect(&rtc("demo", "alice", 3600, 3600), Some(NOW)).unwrap();
        assert_eq!(i.uid.unwrap().kind, UidKind::Account);
        assert!(i.diagnostics.is_empty());
    }

    #[test]
    fn channel_name_rules() {
        assert_eq!(
            codes(&rtc("", "42", 3600, 3600), NOW),
            ["channel_name_empty"]
        );
        assert!(codes(&rtc(&"a".repeat(63), "42", 3600, 3600), NOW).is_empty());
        assert_eq!(
            codes(&rtc(&"a".repeat(64), "42", 3600, 3600), NOW),
            ["channel_name_too_long"]
        );
        let t = rtc("café/room", "42", 3600, 3600);
        let i = inspect(&t, Some(NOW)).unwrap();
        assert_eq!(codes(&t, NOW), ["channel_name_characters"]);
        assert!(i.diagnostics[0].message.contains("'é', '/'"));
        assert!(codes(&rtc("Room 1 (a+b)!", "42", 3600, 3600), NOW).is_empty());
    }

    #[test]
    fn channel_names_of_formats_that_only_sign_them() {
        assert!(channel_name_diagnostics("channel_name", "demo").is_empty());
        let d = channel_name_diagnostics("channel_name", "a/b");
        assert_eq!(d[0].code, Code::ChannelNameCharacters);
        assert_eq!(d[0].field, "channel_name");
    }

    #[test]
    fn unknown_service_type() {
        // From tests/vectors/parse.json: an rtm service, then type 999.
        let t = "007eJxTYDBtYbezbgrZFHHjbeu9liYx7SwFLYGJLh/2NG1nlxQQOa/AYGlu4OxobJqSamaQbGJiZmKalJSYapFoZGhqYGaYZGzs/kWAIYKJgYGRgYGBCQgZgRDEZ2IoNXzODOKxAmUAtuMZOA==";
        let i = inspect(t, Some(1_111_111)).unwrap();
        assert_eq!(i.services.len(), 1);
        assert_eq!(i.diagnostics.len(), 1);
        assert_eq!(i.diagnostics[0].code, Code::UnknownServiceType);
        assert_eq!(i.diagnostics[0].field, "services[1]");
        assert!(i.diagnostics[0].message.contains("999"));
    }

    #[test]
    fn unknown_privilege() {
        let s = Service::rtm("alice").with_privilege(9, 600);
        let t = crate::access_token2::build(APP_ID, CERT, 600, stamp(), vec![s]).unwrap();
        let i = inspect(&t, Some(NOW)).unwrap();
        assert_eq!(codes(&t, NOW), ["unknown_privilege"]);
        assert_eq!(i.diagnostics[0].field, "services[0].privileges.9");
        let t = raw006(&[(7, NOW + 60)], "42", NOW + 3600);
        assert_eq!(codes(&t, NOW), ["unknown_privilege"]);
    }

    #[test]
    fn codes_serialise_as_their_names() {
        let names: Vec<_> = Code::ALL.iter().map(|c| c.as_str()).collect();
        let json: Vec<String> = Code::ALL
            .iter()
            .map(|c| {
                serde_json::to_value(c)
                    .unwrap()
                    .as_str()
                    .unwrap()
                    .to_owned()
            })
            .collect();
        assert_eq!(names, json);
    }

    #[test]
    fn rtm2_permissions_by_name() {
        let mut p = Rtm2Permissions::new();
        p.add(0, 1, "lobby").add(4, 0, "bob");
        let t = rtm_token_builder2::build_token_with_permissions(
            APP_ID,
            CERT,
            "alice",
            &p,
            600,
            stamp(),
        )
        .unwrap();
        let i = inspect(&t, Some(NOW)).unwrap();
        let perms = i.services[0].permissions.as_ref().unwrap();
        assert_eq!(perms[0].resource_type.name, Some("message_channel"));
        assert_eq!(perms[0].permission.name, Some("write"));
        assert_eq!(perms[1].resource_type.name, Some("user"));
        assert_eq!(i.services[0].privileges[0].name, Some("login"));
        assert_eq!(i.services[0].type_id, ServiceType::Rtm2 as u16);
        let _ = privileges::rtm2::LOGIN;
    }

    #[test]
    fn json_is_stable_and_complete() {
        let t = rtc("demo", "42", 3600, 3600);
        let v: Value = serde_json::from_str(&inspect_json(&t, Some(NOW)).unwrap()).unwrap();
        for key in [
            "schema_version",
            "version",
            "format",
            "app_id",
            "now",
            "issued",
            "expires",
            "channel_name",
            "uid",
            "key_service",
            "services",
            "privileges",
            "fields",
            "diagnostics",
        ] {
            assert!(v.get(key).is_some(), "missing {key}");
        }
        assert_eq!(v["fields"], parse(&t).unwrap().to_json());
        assert_eq!(v, inspect_value(&t, Some(NOW)).unwrap());
        assert_eq!(v["services"][0]["uid"]["kind"], "number");
    }

    #[test]
    fn times_and_spans() {
        assert_eq!(utc(0), "1970-01-01T00:00:00Z");
        assert_eq!(utc(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(utc(1_800_000_000), "2027-01-15T08:00:00Z");
        assert_eq!(utc(u64::from(u32::MAX) * 2), "2242-03-16T12:56:30Z");
        assert_eq!(span(42 * 60 + 5), "42 min");
        assert_eq!(span(3 * 3600), "3 h");
        assert_eq!(span(3 * 86_400), "3 days");
        assert_eq!(span(57 * 31_557_600), "57 years");
    }

    #[test]
    fn explains_006_mismatches() {
        let t = raw006(&[(1, NOW + 60)], "", NOW + 3600);
        let ok = explain_verification(
            &t,
            &[OTHER_CERT, CERT],
            &VerifyInput {
                channel_name: Some("demo"),
                uid: Some("0"),
            },
        )
        .unwrap();
        assert_eq!(ok.matched, Some(1));
        assert!(ok.is_valid());
        assert_eq!(ok.notes.len(), 1);
        let bad = explain_verification(
            &t,
            &[CERT],
            &VerifyInput {
                channel_name: Some("other"),
                uid: Some(""),
            },
        )
        .unwrap();
        assert!(!bad.is_valid());
        assert!(bad.reasons[0].contains("channel_name \"other\""));
    }

    #[test]
    fn explains_007_mismatches() {
        let t = rtc("demo", "42", 3600, 3600);
        let r = explain_verification(
            &t,
            &[CERT],
            &VerifyInput {
                channel_name: Some("other"),
                uid: Some("43"),
            },
        )
        .unwrap();
        assert_eq!(r.matched, Some(0));
        assert!(!r.is_valid());
        assert_eq!(r.reasons.len(), 2);
        for (account, given) in [("", "0"), ("0", "0"), ("", "")] {
            let t = rtc("demo", account, 3600, 3600);
            let input = VerifyInput {
                channel_name: Some("demo"),
                uid: Some(given),
            };
            assert!(explain_verification(&t, &[CERT], &input)
                .unwrap()
                .is_valid());
        }
        let r = explain_verification(&t, &[OTHER_CERT], &VerifyInput::default()).unwrap();
        assert_eq!(r.matched, None);
        assert!(r.reasons[0].contains("does not hold"));
        assert!(!format!("{r:?}").contains(OTHER_CERT));
    }
}
