//! generate -> inspect -> verify for every builder, one test per case so a
//! failure names the builder.

use super::*;

/// The fixed issue time and salt every 007 and 006 case is generated with.
const STAMP: [&str; 4] = ["--issue-ts", "1800000000", "--salt", "7"];

/// The fixed time, random and expiry of the dynamic keys (v1 takes only the
/// first four).
const KEY: [&str; 6] = [
    "--unix-ts",
    "1800000000",
    "--random-int",
    "5",
    "--expired-ts",
    "1800003600",
];

fn service_types(v: &Value) -> Vec<&str> {
    v["services"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["type"].as_str().unwrap())
        .collect()
}

/// Generates `args` with [`STAMP`], checks what `inspect` reads back, and
/// that `verify` (with `verify` flags) takes the right certificate only.
fn trip(args: &[&str], verify: &[&str], version: &str, check: impl FnOnce(&Value)) {
    let mut args = args.to_vec();
    args.extend_from_slice(&STAMP);
    let token = generate(&args);
    let v = inspect(&token, ISSUE + 60);
    assert_eq!(v["version"], version, "{args:?}");
    assert_eq!(v["app_id"], APP_ID);
    assert!(codes(&v).is_empty(), "{args:?}: {:?}", v["diagnostics"]);
    check(&v);
    verify_ok(&token, verify);
    verify_fails(&token, verify);
}

/// Generates the dynamic key `legacy <sub>` with [`KEY`] and checks its
/// version, issue time and verification.
fn dynamic_key(sub: &[&str], verify: &[&str], version: &str) {
    let mut args = vec!["legacy"];
    args.extend_from_slice(sub);
    args.extend_from_slice(&KEY[..if version == "001" { 4 } else { 6 }]);
    let token = generate(&args);
    let v = inspect(&token, ISSUE + 60);
    assert_eq!(v["version"], version, "{args:?}");
    assert!(codes(&v).is_empty(), "{args:?}: {:?}", v["diagnostics"]);
    assert_eq!(v["issued"]["utc"], "2027-01-15T08:00:00Z");
    verify_ok(&token, verify);
    verify_fails(&token, verify);
}

/// One `#[test]` per case, named for the builder and its options:
/// `name("version", [generate args], [verify args]) |v| { checks on inspect's JSON }`.
macro_rules! trips {
    ($(
        $name:ident($version:literal, [$($arg:literal),*], [$($verify:literal),*])
        |$v:ident| $check:block
    )*) => {$(
        #[test]
        fn $name() {
            trip(&[$($arg),*], &[$($verify),*], $version, |$v: &Value| $check);
        }
    )*};
}

/// One `#[test]` per dynamic key: `name("version", [args after legacy], [verify args])`.
macro_rules! dynamic_keys {
    ($($name:ident($version:literal, [$($arg:literal),*], [$($verify:literal),*]))*) => {$(
        #[test]
        fn $name() {
            dynamic_key(&[$($arg),*], &[$($verify),*], $version);
        }
    )*};
}

trips! {
    rtc_uid_publisher("007", ["rtc", "--channel", "demo", "--uid", "42"], []) |v| {
        assert_eq!(v["uid"]["kind"], "number");
        assert_eq!(v["uid"]["number"], 42);
        assert_eq!(v["channel_name"], "demo");
        assert_eq!(v["services"][0]["privileges"].as_array().unwrap().len(), 4);
        assert_eq!(v["expires"]["relative"], "expires in 59 min");
    }
    rtc_account_subscriber(
        "007",
        ["rtc", "--channel", "demo", "--account", "alice", "--role", "subscriber"],
        ["--channel", "demo", "--uid", "alice"]
    ) |v| {
        assert_eq!(v["uid"]["kind"], "account");
        let p = &v["services"][0]["privileges"];
        assert_eq!(p.as_array().unwrap().len(), 1);
        assert_eq!(p[0]["name"], "join_channel");
    }
    rtc_privilege_expiries(
        "007",
        [
            "rtc", "--channel", "demo", "--uid", "42",
            "--join-expire", "600", "--audio-expire", "300"
        ],
        []
    ) |v| {
        let p = &v["services"][0]["privileges"];
        assert_eq!(p[0]["value"], 600);
        assert_eq!(p[1]["value"], 300);
        assert_eq!(p[2]["value"], 3600);
    }
    rtc_with_rtm("007", ["rtc", "--channel", "demo", "--account", "alice", "--with-rtm"], []) |v| {
        assert_eq!(service_types(v), ["rtc", "rtm"]);
        assert_eq!(v["services"][1]["user_id"], "alice");
    }
    rtc_with_rtm_user_id(
        "007",
        ["rtc", "--channel", "demo", "--uid", "42", "--rtm-user-id", "bob", "--rtm-expire", "1200"],
        []
    ) |v| {
        assert_eq!(service_types(v), ["rtc", "rtm"]);
        assert_eq!(v["services"][1]["privileges"][0]["value"], 1200);
    }
    rtm("007", ["rtm", "--user-id", "alice"], []) |v| {
        assert_eq!(service_types(v), ["rtm"]);
        assert_eq!(v["services"][0]["privileges"][0]["name"], "login");
    }
    rtm2_permissions(
        "007",
        [
            "rtm", "--user-id", "alice",
            "--permission", "message_channel:write:lobby",
            "--permission", "user:read:bob"
        ],
        []
    ) |v| {
        assert_eq!(service_types(v), ["rtm2"]);
        let p = &v["services"][0]["permissions"];
        assert_eq!(p[0]["resource_type"]["name"], "message_channel");
        assert_eq!(p[0]["permission"]["name"], "write");
        assert_eq!(p[0]["resources"][0], "lobby");
        assert_eq!(p[1]["resource_type"]["name"], "user");
    }
    chat_user("007", ["chat", "--user-id", "alice"], []) |v| {
        assert_eq!(v["services"][0]["privileges"][0]["name"], "user");
    }
    chat_app("007", ["chat", "--app"], []) |v| {
        assert_eq!(v["services"][0]["privileges"][0]["name"], "app");
    }
    education_room_user(
        "007",
        ["education", "--room-uuid", "room1", "--user-uuid", "alice", "--role", "2"],
        []
    ) |v| {
        assert_eq!(service_types(v), ["rtm", "chat", "apaas"]);
        assert_eq!(v["services"][2]["role"], 2);
        assert_eq!(v["services"][2]["privileges"][0]["name"], "room_user");
    }
    education_user("007", ["education", "--user-uuid", "alice"], []) |v| {
        assert_eq!(v["services"][0]["privileges"][0]["name"], "user");
    }
    education_app("007", ["education", "--app"], []) |v| {
        assert_eq!(v["services"][0]["privileges"][0]["name"], "app");
    }
    apaas_room_user(
        "007",
        ["apaas", "--room-uuid", "room1", "--user-uuid", "alice", "--role", "-1"],
        []
    ) |v| {
        assert_eq!(v["services"][2]["role"], -1);
    }
    apaas_user("007", ["apaas", "--user-uuid", "alice"], []) |v| {
        assert_eq!(v["services"][0]["user_uuid"], "alice");
    }
    apaas_app("007", ["apaas", "--app"], []) |v| {
        assert_eq!(v["services"][0]["type"], "apaas");
    }
    fpa("007", ["fpa"], []) |v| {
        assert_eq!(v["services"][0]["type"], "fpa");
        assert_eq!(v["services"][0]["privileges"][0]["expires"], Value::Null);
        assert_eq!(v["expires"]["relative"], "expires in 23 h 59 min");
    }
    convoai(
        "007",
        ["convoai", "--channel", "demo", "--uid", "1001", "--rtm-user-id", "agent"],
        []
    ) |v| {
        assert_eq!(service_types(v), ["rtc", "rtm", "convoai"]);
    }
    stt("007", ["stt", "--channel", "demo", "--account", "bot", "--rtm-user-id", "stt"], []) |v| {
        assert_eq!(service_types(v), ["rtc", "rtm", "stt"]);
    }
    rtc_006_uid(
        "006",
        ["legacy", "rtc-006", "--channel", "demo", "--uid", "42"],
        ["--channel", "demo", "--uid", "42"]
    ) |v| {
        assert_eq!(v["uid"]["kind"], "not_carried");
        assert_eq!(v["privileges"][0]["name"], "join_channel");
        assert_eq!(v["privileges"][0]["expires"]["unix"], 1_800_003_600u64);
    }
    rtc_006_account_subscriber(
        "006",
        ["legacy", "rtc-006", "--channel", "demo", "--account", "alice", "--role", "subscriber"],
        ["--channel", "demo", "--uid", "alice"]
    ) |v| {
        assert_eq!(v["privileges"].as_array().unwrap().len(), 1);
    }
    rtm_006(
        "006",
        ["legacy", "rtm-006", "--user-account", "alice"],
        ["--channel", "alice", "--uid", ""]
    ) |v| {
        assert_eq!(v["privileges"][0]["name"], "rtm_login");
        assert_eq!(v["uid"], Value::Null);
    }
}

dynamic_keys! {
    dynamic_key_v1("001", ["dynamic-key", "--channel", "demo"], ["--channel", "demo"])
    dynamic_key2("002", ["dynamic-key2", "--channel", "demo", "--uid", "42"], ["--channel", "demo"])
    dynamic_key3("003", ["dynamic-key3", "--channel", "demo", "--uid", "42"], ["--channel", "demo"])
    dynamic_key5_in_channel_permission(
        "005",
        [
            "dynamic-key5", "--channel", "demo", "--uid", "42",
            "--service", "in-channel-permission", "--permission", "audio-video-upload"
        ],
        ["--channel", "demo", "--uid", "42"]
    )
}

/// The three keys DynamicKey v4 and v5 share, as tests
/// `round_trip::<module>::{media_channel, recording, public_sharing}`.
macro_rules! media_keys {
    ($module:ident, $sub:literal, $version:literal) => {
        mod $module {
            use super::*;

            /// The key for uid 42 in "demo"; `service` is its `--service` flag
            /// (none: the media channel key).
            fn key(service: &[&str]) {
                let mut args = vec![$sub, "--channel", "demo", "--uid", "42"];
                args.extend_from_slice(service);
                dynamic_key(&args, &["--channel", "demo", "--uid", "42"], $version);
            }

            #[test]
            fn media_channel() {
                key(&[]);
            }

            #[test]
            fn recording() {
                key(&["--service", "recording"]);
            }

            #[test]
            fn public_sharing() {
                key(&["--service", "public-sharing"]);
            }
        }
    };
}

media_keys!(dynamic_key4, "dynamic-key4", "004");
media_keys!(dynamic_key5, "dynamic-key5", "005");

#[test]
fn signaling() {
    let token = generate(&[
        "legacy",
        "signaling",
        "--account",
        "alice",
        "--expired-ts",
        "4000000000",
    ]);
    assert_eq!(inspect(&token, ISSUE)["version"], "signaling");
    verify_ok(&token, &["--uid", "alice"]);
    verify_fails(&token, &["--uid", "alice"]);
}
