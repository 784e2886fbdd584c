//! Each diagnostic and field, on tokens made by the core's builders.

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
    let v5 =
        dynamic_key5::generate_media_channel_key(APP_ID, CERT, "demo", ISSUE, 5, 42, 0).unwrap();
    let i = inspect(&v5, Some(NOW)).unwrap();
    assert!(i.diagnostics.is_empty());
    assert_eq!(i.key_service.unwrap().name, Some("media_channel"));
}

#[test]
fn issued_in_future() {
    let t = rtc("demo", "42", 3600, 3600);
    assert_eq!(codes(&t, ISSUE - 3600), ["issued_in_future"]);
    assert!(codes(&t, ISSUE - CLOCK_SKEW).is_empty());
    let k = dynamic_key5::generate_recording_key(APP_ID, CERT, "demo", ISSUE, 5, 42, 0).unwrap();
    let i = inspect(&k, Some(ISSUE - 3600)).unwrap();
    assert_eq!(i.diagnostics[0].code, Code::IssuedInFuture);
    assert_eq!(i.diagnostics[0].field, "unix_ts");
}

#[test]
fn uid_zero() {
    let t =
        rtc_token_builder2::build_token_with_uid(APP_ID, CERT, "demo", 0, 1, 3600, 3600, stamp())
            .unwrap();
    let i = inspect(&t, Some(NOW)).unwrap();
    assert_eq!(codes(&t, NOW), ["uid_zero"]);
    assert_eq!(i.uid.unwrap().kind, UidKind::Any);
    assert_eq!(i.diagnostics[0].field, "services[0].uid");
    // 006 carries crc32("") = 0 for uid 0; RTM 006 tokens always do, and are not flagged.
    let t = raw006(&[(1, NOW + 3600)], "", NOW + 3600);
    assert_eq!(codes(&t, NOW), ["uid_zero"]);
    let t = rtm_token_builder::build_token(APP_ID, CERT, "alice", 1, NOW + 3600, stamp()).unwrap();
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
    let t = crate::access_token2::build(APP_ID, CERT, 600, &[s], stamp()).unwrap();
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
    let t =
        rtm_token_builder2::build_token_with_permissions(APP_ID, CERT, "alice", &p, 600, stamp())
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
