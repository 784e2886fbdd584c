//! The call catalogue: every builder, declared once.
//!
//! Bindings do not spell out their exports by hand. Each passes a macro of
//! its own to [`for_each_call!`](crate::for_each_call), which hands it this list; the macro turns
//! every entry into that language's export (pyo3 function, napi function,
//! `extern "C"` function, JNI method). Adding a builder is one line here.
//!
//! An entry reads `[stamped, group] module::function(param: Type = default, …);`
//! (`plain` instead of `stamped`; the group only for nested modules):
//! - the catalogue name (as in `tests/vectors`) is `module.function`;
//! - `::rtctoken::group::module::function` is the core function, called with
//!   each parameter passed through [`Param::pass`] and, for `stamped`
//!   entries, a trailing [`Stamp`];
//! - parameter types are the catalogue types, each converted from host values
//!   by one trait impl per language: `String`, `u32`, `i16`,
//!   `Vec<Service>`, `Rtm2Permissions`, `BTreeMap<u16, u32>` (a binding
//!   brings them into scope with `use rtctoken::catalogue::*`);
//! - a default is the vendor's default for a trailing optional parameter.
//!
//! [`CALLS`] is the same list as data, for generated stubs and the vector
//! replay tables.

pub use std::collections::BTreeMap;

use serde::de::DeserializeOwned;

pub use crate::access_token2::{Rtm2Permissions, Service};
use crate::error::{Error, Result};
use crate::stamp::Stamp;

/// Calls `$m!` with the whole catalogue (see the module docs for the shape).
#[macro_export]
macro_rules! for_each_call {
    ($m:ident) => {
        $m! {
            // AccessToken 006
            [plain] access_token::build(app_id: String, app_certificate: String, channel_name: String, uid: String, salt: u32, ts: u32, privileges: BTreeMap<u16, u32>);
            [stamped, builders] rtc_token_builder::build_token_with_uid(app_id: String, app_certificate: String, channel_name: String, uid: u32, role: u32, privilege_expired_ts: u32);
            [stamped, builders] rtc_token_builder::build_token_with_account(app_id: String, app_certificate: String, channel_name: String, account: String, role: u32, privilege_expired_ts: u32);
            [stamped, builders] rtm_token_builder::build_token(app_id: String, app_certificate: String, user_account: String, role: u32, privilege_expired_ts: u32);
            // AccessToken2 007
            [stamped] access_token2::build(app_id: String, app_certificate: String, expire: u32, services: Vec<Service>);
            [stamped, builders] rtc_token_builder2::build_token_with_uid(app_id: String, app_certificate: String, channel_name: String, uid: u32, role: u32, token_expire: u32, privilege_expire: u32 = 0);
            [stamped, builders] rtc_token_builder2::build_token_with_user_account(app_id: String, app_certificate: String, channel_name: String, account: String, role: u32, token_expire: u32, privilege_expire: u32 = 0);
            [stamped, builders] rtc_token_builder2::build_token_with_uid_and_privilege(app_id: String, app_certificate: String, channel_name: String, uid: u32, token_expire: u32, join_channel_privilege_expire: u32, pub_audio_privilege_expire: u32, pub_video_privilege_expire: u32, pub_data_stream_privilege_expire: u32);
            [stamped, builders] rtc_token_builder2::build_token_with_user_account_and_privilege(app_id: String, app_certificate: String, channel_name: String, account: String, token_expire: u32, join_channel_privilege_expire: u32, pub_audio_privilege_expire: u32, pub_video_privilege_expire: u32, pub_data_stream_privilege_expire: u32);
            [stamped, builders] rtc_token_builder2::build_token_with_rtm(app_id: String, app_certificate: String, channel_name: String, account: String, role: u32, token_expire: u32, privilege_expire: u32 = 0);
            [stamped, builders] rtc_token_builder2::build_token_with_rtm2(app_id: String, app_certificate: String, channel_name: String, rtc_account: String, rtc_role: u32, rtc_token_expire: u32, join_channel_privilege_expire: u32, pub_audio_privilege_expire: u32, pub_video_privilege_expire: u32, pub_data_stream_privilege_expire: u32, rtm_user_id: String, rtm_token_expire: u32);
            [stamped, builders] rtm_token_builder2::build_token(app_id: String, app_certificate: String, user_id: String, expire: u32);
            [stamped, builders] rtm_token_builder2::build_token_with_permissions(app_id: String, app_certificate: String, user_id: String, permissions: Rtm2Permissions, expire: u32);
            [stamped, builders] chat_token_builder2::build_user_token(app_id: String, app_certificate: String, user_id: String, expire: u32);
            [stamped, builders] chat_token_builder2::build_app_token(app_id: String, app_certificate: String, expire: u32);
            [stamped, builders] education_token_builder2::build_room_user_token(app_id: String, app_certificate: String, room_uuid: String, user_uuid: String, role: i16, expire: u32);
            [stamped, builders] education_token_builder2::build_user_token(app_id: String, app_certificate: String, user_uuid: String, expire: u32);
            [stamped, builders] education_token_builder2::build_app_token(app_id: String, app_certificate: String, expire: u32);
            [stamped, builders] apaas_token_builder::build_room_user_token(app_id: String, app_certificate: String, room_uuid: String, user_uuid: String, role: i16, expire: u32);
            [stamped, builders] apaas_token_builder::build_user_token(app_id: String, app_certificate: String, user_uuid: String, expire: u32);
            [stamped, builders] apaas_token_builder::build_app_token(app_id: String, app_certificate: String, expire: u32);
            [stamped, builders] fpa_token_builder::build_token(app_id: String, app_certificate: String);
            [stamped, builders] convoai_token_builder::build_token(app_id: String, app_certificate: String, channel_name: String, rtc_account: String, rtc_role: u32, rtc_token_expire: u32, join_channel_privilege_expire: u32, pub_audio_privilege_expire: u32, pub_video_privilege_expire: u32, pub_data_stream_privilege_expire: u32, rtm_user_id: String, rtm_token_expire: u32);
            [stamped, builders] stt_token_builder::build_token(app_id: String, app_certificate: String, channel_name: String, rtc_account: String, rtc_role: u32, rtc_token_expire: u32, join_channel_privilege_expire: u32, pub_audio_privilege_expire: u32, pub_video_privilege_expire: u32, pub_data_stream_privilege_expire: u32, rtm_user_id: String, rtm_token_expire: u32);
            // DynamicKey v1–v5 and the signaling token: the caller gives every field.
            [plain, legacy] dynamic_key::generate(app_id: String, app_certificate: String, channel_name: String, unix_ts: u32, random_int: u32);
            [plain, legacy] dynamic_key2::generate(app_id: String, app_certificate: String, channel_name: String, unix_ts: u32, random_int: u32, uid: u32, expired_ts: u32);
            [plain, legacy] dynamic_key3::generate(app_id: String, app_certificate: String, channel_name: String, unix_ts: u32, random_int: u32, uid: u32, expired_ts: u32);
            [plain, legacy] dynamic_key4::generate_media_channel_key(app_id: String, app_certificate: String, channel_name: String, unix_ts: u32, random_int: u32, uid: u32, expired_ts: u32);
            [plain, legacy] dynamic_key4::generate_recording_key(app_id: String, app_certificate: String, channel_name: String, unix_ts: u32, random_int: u32, uid: u32, expired_ts: u32);
            [plain, legacy] dynamic_key4::generate_public_sharing_key(app_id: String, app_certificate: String, channel_name: String, unix_ts: u32, random_int: u32, uid: u32, expired_ts: u32);
            [plain, legacy] dynamic_key5::generate_media_channel_key(app_id: String, app_certificate: String, channel_name: String, unix_ts: u32, random_int: u32, uid: u32, expired_ts: u32);
            [plain, legacy] dynamic_key5::generate_recording_key(app_id: String, app_certificate: String, channel_name: String, unix_ts: u32, random_int: u32, uid: u32, expired_ts: u32);
            [plain, legacy] dynamic_key5::generate_public_sharing_key(app_id: String, app_certificate: String, channel_name: String, unix_ts: u32, random_int: u32, uid: u32, expired_ts: u32);
            [plain, legacy] dynamic_key5::generate_in_channel_permission_key(app_id: String, app_certificate: String, channel_name: String, unix_ts: u32, random_int: u32, uid: u32, expired_ts: u32, permission: String);
            [plain, legacy] signaling_token::generate(account: String, app_id: String, app_certificate: String, expired_ts: u32);
        }
    };
}

/// How a catalogue type is handed to its core function: text and
/// collections by reference, numbers by value.
pub trait Param {
    /// What the core function takes.
    type Passed<'a>
    where
        Self: 'a;
    /// This value as the core function takes it.
    fn pass(&self) -> Self::Passed<'_>;
}

impl Param for String {
    type Passed<'a> = &'a str;
    fn pass(&self) -> &str {
        self
    }
}

macro_rules! by_value {
    ($($t:ty),*) => {$(
        impl Param for $t {
            type Passed<'a> = $t;
            fn pass(&self) -> $t {
                *self
            }
        }
    )*};
}
by_value!(u32, i16);

impl Param for Vec<Service> {
    type Passed<'a> = &'a [Service];
    fn pass(&self) -> &[Service] {
        self
    }
}

macro_rules! by_reference {
    ($($t:ty),*) => {$(
        impl Param for $t {
            type Passed<'a> = &'a $t;
            fn pass(&self) -> &$t {
                self
            }
        }
    )*};
}
by_reference!(Rtm2Permissions, BTreeMap<u16, u32>);

/// One parameter of a catalogue call.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct ParamInfo {
    /// snake_case name, as in the vectors.
    pub name: &'static str,
    /// The catalogue type, as written in the catalogue (`"u32"`, `"String"`…).
    pub ty: &'static str,
    /// The vendor's default, if the parameter may be left out.
    pub default: Option<&'static str>,
}

/// One catalogue call as data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct CallInfo {
    /// `module.function`, as in the vectors.
    pub name: &'static str,
    /// Its parameters, in order (the stamp not included).
    pub params: &'static [ParamInfo],
    /// Whether the call takes a trailing stamp (issue time and salt).
    pub stamped: bool,
}

macro_rules! call_infos {
    ($([$kind:ident $(, $group:ident)?] $module:ident :: $func:ident ( $($p:ident : $t:ty $(= $d:literal)?),* );)*) => {
        /// Every catalogue call, in catalogue order.
        pub const CALLS: &[CallInfo] = &[$(
            CallInfo {
                name: concat!(stringify!($module), ".", stringify!($func)),
                params: &[$(ParamInfo {
                    name: stringify!($p),
                    ty: stringify!($t),
                    default: call_infos!(@default $($d)?),
                }),*],
                stamped: call_infos!(@stamped $kind),
            },
        )*];
    };
    (@default $d:literal) => { Some(stringify!($d)) };
    (@default) => { None };
    (@stamped stamped) => { true };
    (@stamped plain) => { false };
}
for_each_call!(call_infos);

/// The call named `name` (`module.function`).
pub fn call_info(name: &str) -> Option<&'static CallInfo> {
    CALLS.iter().find(|c| c.name == name)
}

/// Runs the call named `name` with arguments from a JSON object keyed by
/// parameter name (the vectors' `args`), plus optional `issue_ts` and
/// `salt` for stamped calls. Every argument goes through the types' serde
/// forms, so this is the one dispatch table for the vectors, the CLI and
/// any caller with structured input.
pub fn call_json(name: &str, args: &serde_json::Value) -> Result<String> {
    macro_rules! dispatch {
        ($([$kind:ident $(, $group:ident)?] $module:ident :: $func:ident ( $($p:ident : $t:ty $(= $d:literal)?),* );)*) => {
            match name {
                $(concat!(stringify!($module), ".", stringify!($func)) => {
                    $(let $p: $t = arg(args, stringify!($p), dispatch!(@default $($d)?))?;)*
                    let f = crate::$($group::)?$module::$func;
                    dispatch!(@call $kind f ($($p.pass()),*))
                })*
                _ => Err(Error::invalid(format!("call must be a catalogue name (module.function), got {}", crate::error::excerpt(name)))),
            }
        };
        (@default $d:literal) => { Some($d) };
        (@default) => { None };
        (@call stamped $f:ident ($($a:expr),*)) => { $f($($a,)* json_stamp(args)?) };
        (@call plain $f:ident ($($a:expr),*)) => { $f($($a),*) };
    }
    for_each_call!(dispatch)
}

/// One argument by name; `default` stands in when it is absent.
fn arg<T: DeserializeOwned>(
    args: &serde_json::Value,
    name: &'static str,
    default: Option<T>,
) -> Result<T> {
    match (args.get(name), default) {
        (None | Some(serde_json::Value::Null), Some(d)) => Ok(d),
        (None, None) => Err(Error::invalid(format!("{name} is required")).with_field(name)),
        (Some(v), _) => T::deserialize(v).map_err(|e| wrong_type(name, v, &e)),
    }
}

/// An argument that does not deserialise: what was expected (serde's text
/// after "expected", which describes the type) and the kind of JSON value
/// given, never the value itself, which may be huge or a secret.
fn wrong_type(name: &'static str, v: &serde_json::Value, e: &serde_json::Error) -> Error {
    use serde_json::Value;
    let given = match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    };
    let text = e.to_string();
    let message = match text.rsplit_once(", expected ") {
        Some((_, expected)) => format!("{name} must be {expected}, got {given}"),
        None => format!("{name} has the wrong type or range (got {given})"),
    };
    Error::invalid(message).with_field(name)
}

/// `issue_ts` and `salt` if given, else now and a fresh salt.
fn json_stamp(args: &serde_json::Value) -> Result<Stamp> {
    let issue_ts = arg::<Option<u32>>(args, "issue_ts", Some(None))?;
    let salt = arg::<Option<u32>>(args, "salt", Some(None))?;
    Ok(match (issue_ts, salt) {
        (None, None) => Stamp::default(),
        (issue_ts, salt) => Stamp::fixed(
            issue_ts.unwrap_or_else(crate::now),
            salt.unwrap_or_else(|| Stamp::default().salt()),
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The catalogue's own shape: unique names, and every call the vectors
    /// use is in it (a binding that replays the vectors through its generated
    /// exports then covers the whole catalogue).
    #[test]
    fn names_are_unique_and_cover_the_vectors() {
        let mut names: Vec<_> = CALLS.iter().map(|c| c.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), CALLS.len());
        for file in ["legacy", "access_token_006", "access_token2_007"] {
            let path = format!(
                "{}/../tests/vectors/{file}.json",
                env!("CARGO_MANIFEST_DIR")
            );
            let doc: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
            for case in doc["cases"].as_array().unwrap() {
                let call = case["call"].as_str().unwrap();
                let info = call_info(call).unwrap_or_else(|| panic!("{call} not in catalogue"));
                let args = case["args"].as_object().unwrap();
                for p in info.params {
                    assert!(
                        args.contains_key(p.name) || p.default.is_some(),
                        "{call}: vector lacks {}",
                        p.name
                    );
                }
            }
        }
        assert_eq!(
            call_info("rtc_token_builder2.build_token_with_uid")
                .unwrap()
                .params[6],
            ParamInfo {
                name: "privilege_expire",
                ty: "u32",
                default: Some("0")
            }
        );
    }
}
