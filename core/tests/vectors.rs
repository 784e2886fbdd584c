//! Replays every case of `tests/vectors/*.json` (the public reference's
//! outputs); a call this harness does not know fails the test.

use std::collections::BTreeMap;
use std::path::PathBuf;

use rtctoken::access_token2::{Rtm2Permissions, Service};
use rtctoken::builders::*;
use rtctoken::legacy::*;
use rtctoken::{access_token, access_token2, parse, verify, Error, Stamp, VerifyInput};
use serde_json::Value;

fn vectors(file: &str) -> Vec<Value> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/vectors")
        .join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let doc: Value = serde_json::from_str(&text).expect("vector file is JSON");
    doc["cases"].as_array().expect("cases").clone()
}

struct Args<'a>(&'a Value);

impl Args<'_> {
    fn s(&self, k: &str) -> &str {
        self.0[k]
            .as_str()
            .unwrap_or_else(|| panic!("arg {k} is not a string"))
    }
    fn u(&self, k: &str) -> u32 {
        u32::try_from(
            self.0[k]
                .as_u64()
                .unwrap_or_else(|| panic!("arg {k} is not an integer")),
        )
        .expect("u32")
    }
    fn i16(&self, k: &str) -> i16 {
        i16::try_from(self.0[k].as_i64().expect("int")).expect("i16")
    }
    fn stamp(&self) -> Stamp {
        Stamp::fixed(self.u("issue_ts"), self.u("salt"))
    }
    fn privileges(v: &Value) -> BTreeMap<u16, u32> {
        v.as_object()
            .expect("privileges")
            .iter()
            .map(|(k, v)| (k.parse().unwrap(), v.as_u64().unwrap() as u32))
            .collect()
    }
}

fn permissions(v: &Value) -> Rtm2Permissions {
    let mut p = Rtm2Permissions::new();
    for (t, perms) in v.as_object().expect("permissions") {
        for (perm, resources) in perms.as_object().expect("permission map") {
            let list = p.entry(t.parse().unwrap(), perm.parse().unwrap());
            list.extend(
                resources
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|r| r.as_str().unwrap().to_owned()),
            );
        }
    }
    p
}

fn service(v: &Value) -> Service {
    let s = |k: &str| v[k].as_str().unwrap_or_else(|| panic!("service field {k}"));
    let mut svc = match s("type") {
        "rtc" => Service::rtc(s("channel_name"), s("uid")),
        "rtm" => Service::rtm(s("user_id")),
        "streaming" => Service::streaming(s("channel_name"), s("account")),
        "fpa" => Service::fpa(),
        "chat" => Service::chat(s("user_id")),
        "fcdn" => Service::fcdn(s("channel_name"), s("account")),
        "apaas" => Service::apaas(
            s("room_uuid"),
            s("user_uuid"),
            v["role"].as_i64().unwrap() as i16,
        ),
        "rtm2" => Service::rtm2(s("user_id"), permissions(&v["permissions"])),
        "convoai" => Service::convoai(),
        "stt" => Service::stt(),
        other => panic!("unknown service type {other}"),
    };
    svc.privileges = Args::privileges(&v["privileges"]);
    svc
}

/// The shape shared by `build_token_with_rtm2` and the ConvoAI / STT builders.
type Rtm2Builder = fn(
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
    Stamp,
) -> rtctoken::Result<String>;

/// Runs one case; `Ok(json)` is compared with `expected`.
fn run(call: &str, a: &Args) -> Result<Value, Error> {
    let (id, cert) = (
        a.0["app_id"].as_str().unwrap_or(""),
        a.0["app_certificate"].as_str().unwrap_or(""),
    );
    let legacy7 = |f: fn(&str, &str, &str, u32, u32, u32, u32) -> rtctoken::Result<String>| {
        f(
            id,
            cert,
            a.s("channel_name"),
            a.u("unix_ts"),
            a.u("random_int"),
            a.u("uid"),
            a.u("expired_ts"),
        )
    };
    let rtm2_args = |f: Rtm2Builder| {
        f(
            id,
            cert,
            a.s("channel_name"),
            a.s("rtc_account"),
            a.u("rtc_role"),
            a.u("rtc_token_expire"),
            a.u("join_channel_privilege_expire"),
            a.u("pub_audio_privilege_expire"),
            a.u("pub_video_privilege_expire"),
            a.u("pub_data_stream_privilege_expire"),
            a.s("rtm_user_id"),
            a.u("rtm_token_expire"),
            a.stamp(),
        )
    };
    let token = match call {
        "dynamic_key.generate" => dynamic_key::generate(
            id,
            cert,
            a.s("channel_name"),
            a.u("unix_ts"),
            a.u("random_int"),
        ),
        "dynamic_key2.generate" => legacy7(dynamic_key2::generate),
        "dynamic_key3.generate" => legacy7(dynamic_key3::generate),
        "dynamic_key4.generate_media_channel_key" => {
            legacy7(dynamic_key4::generate_media_channel_key)
        }
        "dynamic_key4.generate_recording_key" => legacy7(dynamic_key4::generate_recording_key),
        "dynamic_key4.generate_public_sharing_key" => {
            legacy7(dynamic_key4::generate_public_sharing_key)
        }
        "dynamic_key5.generate_media_channel_key" => {
            legacy7(dynamic_key5::generate_media_channel_key)
        }
        "dynamic_key5.generate_recording_key" => legacy7(dynamic_key5::generate_recording_key),
        "dynamic_key5.generate_public_sharing_key" => {
            legacy7(dynamic_key5::generate_public_sharing_key)
        }
        "dynamic_key5.generate_in_channel_permission_key" => {
            dynamic_key5::generate_in_channel_permission_key(
                id,
                cert,
                a.s("channel_name"),
                a.u("unix_ts"),
                a.u("random_int"),
                a.u("uid"),
                a.u("expired_ts"),
                a.s("permission"),
            )
        }
        "signaling_token.generate" => {
            signaling_token::generate(a.s("account"), id, cert, a.u("expired_ts"))
        }
        "access_token.build" => access_token::build(
            id,
            cert,
            a.s("channel_name"),
            a.s("uid"),
            a.u("salt"),
            a.u("ts"),
            &Args::privileges(&a.0["privileges"]),
        ),
        "rtc_token_builder.build_token_with_uid" => rtc_token_builder::build_token_with_uid(
            id,
            cert,
            a.s("channel_name"),
            a.u("uid"),
            a.u("role"),
            a.u("privilege_expired_ts"),
            a.stamp(),
        ),
        "rtc_token_builder.build_token_with_account" => {
            rtc_token_builder::build_token_with_account(
                id,
                cert,
                a.s("channel_name"),
                a.s("account"),
                a.u("role"),
                a.u("privilege_expired_ts"),
                a.stamp(),
            )
        }
        "rtm_token_builder.build_token" => rtm_token_builder::build_token(
            id,
            cert,
            a.s("user_account"),
            a.u("role"),
            a.u("privilege_expired_ts"),
            a.stamp(),
        ),
        "access_token2.build" => {
            let services = a.0["services"]
                .as_array()
                .unwrap()
                .iter()
                .map(service)
                .collect();
            access_token2::build(id, cert, a.u("expire"), a.stamp(), services)
        }
        "rtc_token_builder2.build_token_with_uid" => rtc_token_builder2::build_token_with_uid(
            id,
            cert,
            a.s("channel_name"),
            a.u("uid"),
            a.u("role"),
            a.u("token_expire"),
            a.u("privilege_expire"),
            a.stamp(),
        ),
        "rtc_token_builder2.build_token_with_user_account" => {
            rtc_token_builder2::build_token_with_user_account(
                id,
                cert,
                a.s("channel_name"),
                a.s("account"),
                a.u("role"),
                a.u("token_expire"),
                a.u("privilege_expire"),
                a.stamp(),
            )
        }
        "rtc_token_builder2.build_token_with_uid_and_privilege" => {
            rtc_token_builder2::build_token_with_uid_and_privilege(
                id,
                cert,
                a.s("channel_name"),
                a.u("uid"),
                a.u("token_expire"),
                a.u("join_channel_privilege_expire"),
                a.u("pub_audio_privilege_expire"),
                a.u("pub_video_privilege_expire"),
                a.u("pub_data_stream_privilege_expire"),
                a.stamp(),
            )
        }
        "rtc_token_builder2.build_token_with_user_account_and_privilege" => {
            rtc_token_builder2::build_token_with_user_account_and_privilege(
                id,
                cert,
                a.s("channel_name"),
                a.s("account"),
                a.u("token_expire"),
                a.u("join_channel_privilege_expire"),
                a.u("pub_audio_privilege_expire"),
                a.u("pub_video_privilege_expire"),
                a.u("pub_data_stream_privilege_expire"),
                a.stamp(),
            )
        }
        "rtc_token_builder2.build_token_with_rtm" => rtc_token_builder2::build_token_with_rtm(
            id,
            cert,
            a.s("channel_name"),
            a.s("account"),
            a.u("role"),
            a.u("token_expire"),
            a.u("privilege_expire"),
            a.stamp(),
        ),
        "rtc_token_builder2.build_token_with_rtm2" => {
            rtm2_args(rtc_token_builder2::build_token_with_rtm2)
        }
        "convoai_token_builder.build_token" => rtm2_args(convoai_token_builder::build_token),
        "stt_token_builder.build_token" => rtm2_args(stt_token_builder::build_token),
        "rtm_token_builder2.build_token" => {
            rtm_token_builder2::build_token(id, cert, a.s("user_id"), a.u("expire"), a.stamp())
        }
        "rtm_token_builder2.build_token_with_permissions" => {
            rtm_token_builder2::build_token_with_permissions(
                id,
                cert,
                a.s("user_id"),
                &permissions(&a.0["permissions"]),
                a.u("expire"),
                a.stamp(),
            )
        }
        "chat_token_builder2.build_user_token" => chat_token_builder2::build_user_token(
            id,
            cert,
            a.s("user_id"),
            a.u("expire"),
            a.stamp(),
        ),
        "chat_token_builder2.build_app_token" => {
            chat_token_builder2::build_app_token(id, cert, a.u("expire"), a.stamp())
        }
        "education_token_builder2.build_room_user_token" => {
            education_token_builder2::build_room_user_token(
                id,
                cert,
                a.s("room_uuid"),
                a.s("user_uuid"),
                a.i16("role"),
                a.u("expire"),
                a.stamp(),
            )
        }
        "education_token_builder2.build_user_token" => education_token_builder2::build_user_token(
            id,
            cert,
            a.s("user_uuid"),
            a.u("expire"),
            a.stamp(),
        ),
        "education_token_builder2.build_app_token" => {
            education_token_builder2::build_app_token(id, cert, a.u("expire"), a.stamp())
        }
        "apaas_token_builder.build_room_user_token" => apaas_token_builder::build_room_user_token(
            id,
            cert,
            a.s("room_uuid"),
            a.s("user_uuid"),
            a.i16("role"),
            a.u("expire"),
            a.stamp(),
        ),
        "apaas_token_builder.build_user_token" => apaas_token_builder::build_user_token(
            id,
            cert,
            a.s("user_uuid"),
            a.u("expire"),
            a.stamp(),
        ),
        "apaas_token_builder.build_app_token" => {
            apaas_token_builder::build_app_token(id, cert, a.u("expire"), a.stamp())
        }
        "fpa_token_builder.build_token" => fpa_token_builder::build_token(id, cert, a.stamp()),
        "parse" => return parse(a.s("token")).map(|t| t.to_json()),
        "verify" => {
            let input = VerifyInput {
                channel_name: a.0["channel_name"].as_str(),
                uid: a.0["uid"].as_str(),
            };
            return verify(a.s("token"), &[a.s("app_certificate")], &input)
                .map(|v| serde_json::json!({"valid": v.is_valid()}));
        }
        other => panic!("the harness does not know the call {other:?}"),
    };
    token.map(Value::String)
}

fn replay(file: &str) {
    let cases = vectors(file);
    assert!(!cases.is_empty());
    let mut failures = Vec::new();
    for case in &cases {
        let name = case["name"].as_str().unwrap();
        let call = case["call"].as_str().unwrap();
        let expected = &case["expected"];
        let got = match run(call, &Args(&case["args"])) {
            Ok(v) => v,
            Err(e) => serde_json::json!({"error": e.kind().as_str()}),
        };
        if &got != expected {
            failures.push(format!(
                "{name} ({call}):\n  expected {expected}\n  got      {got}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn legacy() {
    replay("legacy.json");
}

#[test]
fn access_token_006() {
    replay("access_token_006.json");
}

#[test]
fn access_token2_007() {
    replay("access_token2_007.json");
}

#[test]
fn parse_vectors() {
    replay("parse.json");
}

#[test]
fn errors() {
    replay("errors.json");
}

/// The parsers' strictness (canonical spelling, no repeated map keys) and
/// their entry limits (`rtctoken::limits`) admit every token the reference
/// makes.
#[test]
fn every_reference_token_parses_back() {
    let mut checked = 0;
    for file in [
        "legacy.json",
        "access_token_006.json",
        "access_token2_007.json",
    ] {
        for case in vectors(file) {
            let Some(token) = case["expected"].as_str() else {
                continue;
            };
            let parsed = parse(token).unwrap_or_else(|e| panic!("{}: {e}", case["name"]));
            assert_eq!(
                parsed.version(),
                call_version(case["call"].as_str().unwrap())
            );
            checked += 1;
        }
    }
    assert!(checked > 1000, "only {checked} tokens");
}

/// The version a vector's builder call makes.
fn call_version(call: &str) -> &'static str {
    match call.split('.').next().unwrap() {
        "dynamic_key" => "001",
        "dynamic_key2" => "002",
        "dynamic_key3" => "003",
        "dynamic_key4" => "004",
        "dynamic_key5" => "005",
        "signaling_token" => "signaling",
        "access_token" | "rtc_token_builder" | "rtm_token_builder" => "006",
        _ => "007",
    }
}
