//! The inspection result: what every binding and the CLI serialise.

use super::*;

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
