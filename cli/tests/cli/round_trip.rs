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

const DEMO_42: [&str; 4] = ["--channel", "demo", "--uid", "42"];

#[test]
fn rtc_uid_publisher() {
    trip(
        &["rtc", "--channel", "demo", "--uid", "42"],
        &[],
        "007",
        |v| {
            assert_eq!(v["uid"]["kind"], "number");
            assert_eq!(v["uid"]["number"], 42);
            assert_eq!(v["channel_name"], "demo");
            assert_eq!(v["services"][0]["privileges"].as_array().unwrap().len(), 4);
            assert_eq!(v["expires"]["relative"], "expires in 59 min");
        },
    );
}

#[test]
fn rtc_account_subscriber() {
    trip(
        &[
            "rtc",
            "--channel",
            "demo",
            "--account",
            "alice",
            "--role",
            "subscriber",
        ],
        &["--channel", "demo", "--uid", "alice"],
        "007",
        |v| {
            assert_eq!(v["uid"]["kind"], "account");
            let p = &v["services"][0]["privileges"];
            assert_eq!(p.as_array().unwrap().len(), 1);
            assert_eq!(p[0]["name"], "join_channel");
        },
    );
}

#[test]
fn rtc_privilege_expiries() {
    trip(
        &[
            "rtc",
            "--channel",
            "demo",
            "--uid",
            "42",
            "--join-expire",
            "600",
            "--audio-expire",
            "300",
        ],
        &[],
        "007",
        |v| {
            let p = &v["services"][0]["privileges"];
            assert_eq!(p[0]["value"], 600);
            assert_eq!(p[1]["value"], 300);
            assert_eq!(p[2]["value"], 3600);
        },
    );
}

#[test]
fn rtc_with_rtm() {
    trip(
        &[
            "rtc",
            "--channel",
            "demo",
            "--account",
            "alice",
            "--with-rtm",
        ],
        &[],
        "007",
        |v| {
            assert_eq!(service_types(v), ["rtc", "rtm"]);
            assert_eq!(v["services"][1]["user_id"], "alice");
        },
    );
}

#[test]
fn rtc_with_rtm_user_id() {
    trip(
        &[
            "rtc",
            "--channel",
            "demo",
            "--uid",
            "42",
            "--rtm-user-id",
            "bob",
            "--rtm-expire",
            "1200",
        ],
        &[],
        "007",
        |v| {
            assert_eq!(service_types(v), ["rtc", "rtm"]);
            assert_eq!(v["services"][1]["privileges"][0]["value"], 1200);
        },
    );
}

#[test]
fn rtm() {
    trip(&["rtm", "--user-id", "alice"], &[], "007", |v| {
        assert_eq!(service_types(v), ["rtm"]);
        assert_eq!(v["services"][0]["privileges"][0]["name"], "login");
    });
}

#[test]
fn rtm2_permissions() {
    trip(
        &[
            "rtm",
            "--user-id",
            "alice",
            "--permission",
            "message_channel:write:lobby",
            "--permission",
            "user:read:bob",
        ],
        &[],
        "007",
        |v| {
            assert_eq!(service_types(v), ["rtm2"]);
            let p = &v["services"][0]["permissions"];
            assert_eq!(p[0]["resource_type"]["name"], "message_channel");
            assert_eq!(p[0]["permission"]["name"], "write");
            assert_eq!(p[0]["resources"][0], "lobby");
            assert_eq!(p[1]["resource_type"]["name"], "user");
        },
    );
}

#[test]
fn chat_user() {
    trip(&["chat", "--user-id", "alice"], &[], "007", |v| {
        assert_eq!(v["services"][0]["privileges"][0]["name"], "user")
    });
}

#[test]
fn chat_app() {
    trip(&["chat", "--app"], &[], "007", |v| {
        assert_eq!(v["services"][0]["privileges"][0]["name"], "app")
    });
}

#[test]
fn education_room_user() {
    trip(
        &[
            "education",
            "--room-uuid",
            "room1",
            "--user-uuid",
            "alice",
            "--role",
            "2",
        ],
        &[],
        "007",
        |v| {
            assert_eq!(service_types(v), ["rtm", "chat", "apaas"]);
            assert_eq!(v["services"][2]["role"], 2);
            assert_eq!(v["services"][2]["privileges"][0]["name"], "room_user");
        },
    );
}

#[test]
fn education_user() {
    trip(&["education", "--user-uuid", "alice"], &[], "007", |v| {
        assert_eq!(v["services"][0]["privileges"][0]["name"], "user")
    });
}

#[test]
fn education_app() {
    trip(&["education", "--app"], &[], "007", |v| {
        assert_eq!(v["services"][0]["privileges"][0]["name"], "app")
    });
}

#[test]
fn apaas_room_user() {
    trip(
        &[
            "apaas",
            "--room-uuid",
            "room1",
            "--user-uuid",
            "alice",
            "--role",
            "-1",
        ],
        &[],
        "007",
        |v| assert_eq!(v["services"][2]["role"], -1),
    );
}

#[test]
fn apaas_user() {
    trip(&["apaas", "--user-uuid", "alice"], &[], "007", |v| {
        assert_eq!(v["services"][0]["user_uuid"], "alice")
    });
}

#[test]
fn apaas_app() {
    trip(&["apaas", "--app"], &[], "007", |v| {
        assert_eq!(v["services"][0]["type"], "apaas")
    });
}

#[test]
fn fpa() {
    trip(&["fpa"], &[], "007", |v| {
        assert_eq!(v["services"][0]["type"], "fpa");
        assert_eq!(v["services"][0]["privileges"][0]["expires"], Value::Null);
        assert_eq!(v["expires"]["relative"], "expires in 23 h 59 min");
    });
}

#[test]
fn convoai() {
    trip(
        &[
            "convoai",
            "--channel",
            "demo",
            "--uid",
            "1001",
            "--rtm-user-id",
            "agent",
        ],
        &[],
        "007",
        |v| assert_eq!(service_types(v), ["rtc", "rtm", "convoai"]),
    );
}

#[test]
fn stt() {
    trip(
        &[
            "stt",
            "--channel",
            "demo",
            "--account",
            "bot",
            "--rtm-user-id",
            "stt",
        ],
        &[],
        "007",
        |v| assert_eq!(service_types(v), ["rtc", "rtm", "stt"]),
    );
}

#[test]
fn rtc_006_uid() {
    trip(
        &["legacy", "rtc-006", "--channel", "demo", "--uid", "42"],
        &DEMO_42,
        "006",
        |v| {
            assert_eq!(v["uid"]["kind"], "not_carried");
            assert_eq!(v["privileges"][0]["name"], "join_channel");
            assert_eq!(v["privileges"][0]["expires"]["unix"], 1_800_003_600u64);
        },
    );
}

#[test]
fn rtc_006_account_subscriber() {
    trip(
        &[
            "legacy",
            "rtc-006",
            "--channel",
            "demo",
            "--account",
            "alice",
            "--role",
            "subscriber",
        ],
        &["--channel", "demo", "--uid", "alice"],
        "006",
        |v| assert_eq!(v["privileges"].as_array().unwrap().len(), 1),
    );
}

#[test]
fn rtm_006() {
    trip(
        &["legacy", "rtm-006", "--user-account", "alice"],
        &["--channel", "alice", "--uid", ""],
        "006",
        |v| {
            assert_eq!(v["privileges"][0]["name"], "rtm_login");
            assert_eq!(v["uid"], Value::Null);
        },
    );
}

#[test]
fn dynamic_key_v1() {
    dynamic_key(
        &["dynamic-key", "--channel", "demo"],
        &["--channel", "demo"],
        "001",
    );
}

#[test]
fn dynamic_key2() {
    dynamic_key(
        &["dynamic-key2", "--channel", "demo", "--uid", "42"],
        &["--channel", "demo"],
        "002",
    );
}

#[test]
fn dynamic_key3() {
    dynamic_key(
        &["dynamic-key3", "--channel", "demo", "--uid", "42"],
        &["--channel", "demo"],
        "003",
    );
}

#[test]
fn dynamic_key4_media_channel() {
    dynamic_key(
        &["dynamic-key4", "--channel", "demo", "--uid", "42"],
        &DEMO_42,
        "004",
    );
}

#[test]
fn dynamic_key4_recording() {
    dynamic_key(
        &[
            "dynamic-key4",
            "--channel",
            "demo",
            "--uid",
            "42",
            "--service",
            "recording",
        ],
        &DEMO_42,
        "004",
    );
}

#[test]
fn dynamic_key4_public_sharing() {
    dynamic_key(
        &[
            "dynamic-key4",
            "--channel",
            "demo",
            "--uid",
            "42",
            "--service",
            "public-sharing",
        ],
        &DEMO_42,
        "004",
    );
}

#[test]
fn dynamic_key5_media_channel() {
    dynamic_key(
        &["dynamic-key5", "--channel", "demo", "--uid", "42"],
        &DEMO_42,
        "005",
    );
}

#[test]
fn dynamic_key5_recording() {
    dynamic_key(
        &[
            "dynamic-key5",
            "--channel",
            "demo",
            "--uid",
            "42",
            "--service",
            "recording",
        ],
        &DEMO_42,
        "005",
    );
}

#[test]
fn dynamic_key5_public_sharing() {
    dynamic_key(
        &[
            "dynamic-key5",
            "--channel",
            "demo",
            "--uid",
            "42",
            "--service",
            "public-sharing",
        ],
        &DEMO_42,
        "005",
    );
}

#[test]
fn dynamic_key5_in_channel_permission() {
    dynamic_key(
        &[
            "dynamic-key5",
            "--channel",
            "demo",
            "--uid",
            "42",
            "--service",
            "in-channel-permission",
            "--permission",
            "audio-video-upload",
        ],
        &DEMO_42,
        "005",
    );
}

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
