//! Runs the built `rtctoken` binary: generate -> inspect -> verify round
//! trips for every builder (`cli/round_trip.rs`), byte-exact output against the vectors, every
//! diagnostic, bad input, and that no certificate ever reaches the output.

use std::path::PathBuf;
use std::process::Output;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

// Under `cli/` so that cargo does not build it as a test target of its own.
#[path = "cli/round_trip.rs"]
mod round_trip;

const APP_ID: &str = "970CA35DE60C44645BBAE8A215061B33";
const CERT: &str = "5CFD2FD1755D40ECB72977518BE15D3B";
const MY_CERT: &str = "0123456789abcdef0123456789ABCDEF";
const OTHER_CERT: &str = "fedcba9876543210fedcba9876543210";
const ISSUE: u32 = 1_800_000_000;

fn bare() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_rtctoken"));
    c.env_remove("AGORA_APP_ID")
        .env_remove("AGORA_APP_CERTIFICATE");
    c
}

/// The binary with MY_CERT in the environment.
fn with_creds() -> Command {
    let mut c = bare();
    c.env("AGORA_APP_ID", APP_ID)
        .env("AGORA_APP_CERTIFICATE", MY_CERT);
    c
}

fn text(o: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// Runs `c` and checks that no certificate appears in what it printed.
fn run(c: &mut Command, args: &[&str]) -> Output {
    let o = c.args(args).output().expect("runs");
    let (out, err) = text(&o);
    for secret in [CERT, MY_CERT, OTHER_CERT] {
        for s in [
            secret.to_owned(),
            secret.to_lowercase(),
            secret.to_uppercase(),
        ] {
            assert!(
                !out.contains(&s) && !err.contains(&s),
                "certificate printed by {args:?}:\n{out}\n{err}"
            );
        }
    }
    o
}

fn generate(args: &[&str]) -> String {
    let o = run(&mut with_creds(), args);
    let (out, err) = text(&o);
    assert!(o.status.success(), "{args:?} failed: {err}");
    let token = out.trim().to_owned();
    assert!(!token.is_empty() && !token.contains('\n'), "{out}");
    token
}

fn inspect(token: &str, now: u32) -> Value {
    let o = run(
        &mut bare(),
        &["inspect", token, "--json", "--now", &now.to_string()],
    );
    assert!(o.status.success(), "{}", text(&o).1);
    serde_json::from_slice(&o.stdout).expect("inspect --json prints JSON")
}

fn codes(v: &Value) -> Vec<String> {
    v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_owned())
        .collect()
}

/// `verify` with a wrong certificate first and the right one second.
fn verify_ok(token: &str, extra: &[&str]) {
    let mut args = vec![
        "verify",
        token,
        "--app-certificate",
        OTHER_CERT,
        "--app-certificate",
        MY_CERT,
    ];
    args.extend_from_slice(extra);
    let o = run(&mut bare(), &args);
    let (out, err) = text(&o);
    assert_eq!(o.status.code(), Some(0), "{args:?}: {out}{err}");
    assert!(out.contains("2nd certificate given (of 2)"), "{out}");
}

fn verify_fails(token: &str, extra: &[&str]) -> String {
    let mut args = vec!["verify", token, "--app-certificate", OTHER_CERT];
    args.extend_from_slice(extra);
    let o = run(&mut bare(), &args);
    let (out, err) = text(&o);
    assert_eq!(o.status.code(), Some(1), "{args:?}: {out}{err}");
    assert!(out.contains("invalid:"), "{out}");
    out
}

fn vectors(file: &str) -> Vec<Value> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/vectors")
        .join(file);
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    doc["cases"].as_array().unwrap().clone()
}

/// The command line for a vector case, or `None` when the CLI cannot
/// express it (raw `build` calls, RTM2 permissions with empty lists).
fn cli_args(call: &str, a: &Value) -> Option<Vec<String>> {
    let s = |k: &str| a[k].as_str().unwrap().to_owned();
    let n = |k: &str| a[k].as_u64().unwrap().to_string();
    let flag = |f: &str, v: String| format!("--{f}={v}");
    let mut v: Vec<String> = Vec::new();
    let stamp = |v: &mut Vec<String>| {
        v.push(flag("issue-ts", n("issue_ts")));
        v.push(flag("salt", n("salt")));
    };
    let role = |r: u64| if r == 1 { "publisher" } else { "subscriber" }.to_owned();
    let (group, name) = call.split_once('.').unwrap();
    match (group, name) {
        ("rtc_token_builder2", _) | ("convoai_token_builder", _) | ("stt_token_builder", _) => {
            v.push(
                match group {
                    "convoai_token_builder" => "convoai",
                    "stt_token_builder" => "stt",
                    _ => "rtc",
                }
                .to_owned(),
            );
            v.push(flag("channel", s("channel_name")));
            if a.get("uid").is_some() {
                v.push(flag("uid", n("uid")));
            } else {
                let k = if a.get("account").is_some() {
                    "account"
                } else {
                    "rtc_account"
                };
                v.push(flag("account", s(k)));
            }
            let publisher = match a.get("role").or(a.get("rtc_role")) {
                Some(r) => {
                    v.push(flag("role", role(r.as_u64().unwrap())));
                    r.as_u64() == Some(1)
                }
                None => true,
            };
            v.push(flag(
                "expire",
                n(if a.get("token_expire").is_some() {
                    "token_expire"
                } else {
                    "rtc_token_expire"
                }),
            ));
            if a.get("privilege_expire").is_some() {
                v.push(flag("privilege-expire", n("privilege_expire")));
            } else {
                v.push(flag("join-expire", n("join_channel_privilege_expire")));
                if publisher {
                    v.push(flag("audio-expire", n("pub_audio_privilege_expire")));
                    v.push(flag("video-expire", n("pub_video_privilege_expire")));
                    v.push(flag("data-expire", n("pub_data_stream_privilege_expire")));
                }
            }
            if name == "build_token_with_rtm" {
                v.push("--with-rtm".to_owned());
            }
            if a.get("rtm_user_id").is_some() {
                v.push(flag("rtm-user-id", s("rtm_user_id")));
                v.push(flag("rtm-expire", n("rtm_token_expire")));
            }
        }
        ("rtm_token_builder2", "build_token") => {
            v = vec![
                "rtm".into(),
                flag("user-id", s("user_id")),
                flag("expire", n("expire")),
            ];
        }
        ("rtm_token_builder2", _) => {
            v = vec![
                "rtm".into(),
                "--rtm2".into(),
                flag("user-id", s("user_id")),
                flag("expire", n("expire")),
            ];
            for (t, perms) in a["permissions"].as_object().unwrap() {
                for (p, resources) in perms.as_object().unwrap() {
                    let list = resources.as_array().unwrap();
                    if list.is_empty() {
                        return None;
                    }
                    for r in list {
                        v.push(flag(
                            "permission",
                            format!("{t}:{p}:{}", r.as_str().unwrap()),
                        ));
                    }
                }
            }
        }
        ("chat_token_builder2", "build_user_token") => {
            v = vec![
                "chat".into(),
                flag("user-id", s("user_id")),
                flag("expire", n("expire")),
            ];
        }
        ("chat_token_builder2", _) => {
            v = vec!["chat".into(), "--app".into(), flag("expire", n("expire"))]
        }
        ("education_token_builder2" | "apaas_token_builder", _) => {
            v.push(
                if group == "apaas_token_builder" {
                    "apaas"
                } else {
                    "education"
                }
                .to_owned(),
            );
            match name {
                "build_room_user_token" => {
                    v.push(flag("room-uuid", s("room_uuid")));
                    v.push(flag("user-uuid", s("user_uuid")));
                    v.push(flag("role", a["role"].as_i64().unwrap().to_string()));
                }
                "build_user_token" => v.push(flag("user-uuid", s("user_uuid"))),
                _ => v.push("--app".into()),
            }
            v.push(flag("expire", n("expire")));
        }
        ("fpa_token_builder", _) => v.push("fpa".into()),
        ("rtc_token_builder", _) => {
            v = vec![
                "legacy".into(),
                "rtc-006".into(),
                flag("channel", s("channel_name")),
            ];
            if a.get("uid").is_some() {
                v.push(flag("uid", n("uid")));
            } else {
                v.push(flag("account", s("account")));
            }
            let r = match a["role"].as_u64().unwrap() {
                0 => "attendee",
                1 => "publisher",
                2 => "subscriber",
                _ => "admin",
            };
            v.push(flag("role", r.to_owned()));
            v.push(flag("privilege-expired-ts", n("privilege_expired_ts")));
        }
        ("rtm_token_builder", _) => {
            v = vec![
                "legacy".into(),
                "rtm-006".into(),
                flag("user-account", s("user_account")),
            ];
            v.push(flag("privilege-expired-ts", n("privilege_expired_ts")));
        }
        (k, g) if k.starts_with("dynamic_key") => {
            v = vec![
                "legacy".into(),
                k.replace('_', "-"),
                flag("channel", s("channel_name")),
            ];
            v.push(flag("unix-ts", n("unix_ts")));
            v.push(flag("random-int", n("random_int")));
            if k != "dynamic_key" {
                v.push(flag("uid", n("uid")));
                v.push(flag("expired-ts", n("expired_ts")));
            }
            let service = match g {
                "generate_recording_key" => Some("recording"),
                "generate_public_sharing_key" => Some("public-sharing"),
                "generate_in_channel_permission_key" => Some("in-channel-permission"),
                _ => None,
            };
            if let Some(sv) = service {
                v.push(flag("service", sv.to_owned()));
            }
            if g == "generate_in_channel_permission_key" {
                let p = if s("permission") == "0" {
                    "no-upload"
                } else {
                    "audio-video-upload"
                };
                v.push(flag("permission", p.to_owned()));
            }
            v.push("--force".into());
            return Some(with_creds_flags(v, a));
        }
        ("signaling_token", _) => {
            v = vec![
                "legacy".into(),
                "signaling".into(),
                flag("account", s("account")),
            ];
            v.push(flag("expired-ts", n("expired_ts")));
            v.push("--force".into());
            return Some(with_creds_flags(v, a));
        }
        _ => return None,
    }
    stamp(&mut v);
    v.push("--force".into());
    Some(with_creds_flags(v, a))
}

fn with_creds_flags(mut v: Vec<String>, a: &Value) -> Vec<String> {
    v.push(format!("--app-id={}", a["app_id"].as_str().unwrap()));
    v.push(format!(
        "--app-certificate={}",
        a["app_certificate"].as_str().unwrap()
    ));
    v
}

#[test]
fn generated_tokens_match_the_vectors_byte_for_byte() {
    let mut checked = std::collections::BTreeMap::<String, usize>::new();
    for file in [
        "access_token2_007.json",
        "access_token_006.json",
        "legacy.json",
    ] {
        for case in vectors(file) {
            let call = case["call"].as_str().unwrap();
            let Some(args) = cli_args(call, &case["args"]) else {
                continue;
            };
            let count = checked.entry(call.to_owned()).or_default();
            if *count >= 4 {
                continue;
            }
            *count += 1;
            let o = bare().args(&args).output().unwrap();
            let (out, err) = text(&o);
            assert!(o.status.success(), "{}: {err}", case["name"]);
            assert_eq!(
                out.trim(),
                case["expected"].as_str().unwrap(),
                "{}",
                case["name"]
            );
            let cert = case["args"]["app_certificate"]
                .as_str()
                .unwrap()
                .to_lowercase();
            assert!(!out.to_lowercase().contains(&cert) && !err.to_lowercase().contains(&cert));
        }
    }
    // Every builder of every format, except the raw build calls.
    assert_eq!(checked.len(), 19 + 3 + 11, "{checked:?}");
}

fn has_code(token: &str, now: u32, code: &str) {
    let v = inspect(token, now);
    let d = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == code)
        .unwrap_or_else(|| panic!("no {code} in {:?}", v["diagnostics"]));
    assert!(matches!(d["severity"].as_str(), Some("error" | "warning")));
    assert!(!d["message"].as_str().unwrap().is_empty());
    assert!(!d["field"].as_str().unwrap().is_empty());
    let o = run(&mut bare(), &["inspect", token, "--now", &now.to_string()]);
    assert!(String::from_utf8_lossy(&o.stdout).contains(&format!("[{code}]")));
}

#[test]
fn every_diagnostic_from_a_crafted_token() {
    let s = ["--issue-ts", "1800000000", "--salt", "7"];
    let g = |args: &[&str]| {
        let mut v = args.to_vec();
        v.extend_from_slice(&s);
        generate(&v)
    };
    let rtc = |extra: &[&str]| {
        let mut v = vec!["rtc", "--channel", "demo", "--uid", "42"];
        v.extend_from_slice(extra);
        g(&v)
    };
    has_code(&rtc(&["--expire", "600"]), ISSUE + 3600, "token_expired");
    has_code(
        &rtc(&["--join-expire", "30"]),
        ISSUE + 60,
        "privilege_expired",
    );
    has_code(
        &rtc(&["--expire", "1800003600", "--force"]),
        ISSUE,
        "expiry_looks_absolute",
    );
    has_code(&rtc(&["--expire", "172800"]), ISSUE, "expiry_over_24h");
    has_code(&rtc(&[]), ISSUE - 3600, "issued_in_future");
    let t006 = g(&[
        "legacy",
        "rtc-006",
        "--channel",
        "demo",
        "--uid",
        "42",
        "--privilege-expired-ts",
        "3600",
        "--force",
    ]);
    has_code(&t006, ISSUE, "expiry_looks_relative");
    let t006 = g(&[
        "legacy",
        "rtc-006",
        "--channel",
        "demo",
        "--uid",
        "42",
        "--privilege-expired-ts",
        "1800000600",
    ]);
    has_code(&t006, ISSUE + 3600, "privilege_expired");
    has_code(
        &g(&["rtc", "--channel", "demo", "--uid", "0"]),
        ISSUE,
        "uid_zero",
    );
    has_code(
        &g(&["rtc", "--channel", "demo", "--account", "0042"]),
        ISSUE,
        "uid_account_digits",
    );
    let ch = |c: &str| g(&["rtc", "--channel", c, "--uid", "42", "--force"]);
    has_code(&ch(""), ISSUE, "channel_name_empty");
    has_code(&ch(&"a".repeat(64)), ISSUE, "channel_name_too_long");
    has_code(&ch("a/b"), ISSUE, "channel_name_characters");
    // tests/vectors/parse.json: an rtm service, then the unknown type 999.
    let unknown = "007eJxTYDBtYbezbgrZFHHjbeu9liYx7SwFLYGJLh/2NG1nlxQQOa/AYGlu4OxobJqSamaQbGJiZmKalJSYapFoZGhqYGaYZGzs/kWAIYKJgYGRgYGBCQgZgRDEZ2IoNXzODOKxAmUAtuMZOA==";
    has_code(unknown, 1_111_111, "unknown_service_type");
    let s = rtctoken::access_token2::Service::rtm("alice").with_privilege(9, 600);
    let t = rtctoken::access_token2::build(
        APP_ID,
        MY_CERT,
        600,
        &[s],
        rtctoken::Stamp::fixed(ISSUE, 7),
    )
    .unwrap();
    has_code(&t, ISSUE, "unknown_privilege");
}

#[test]
fn certain_errors_refuse_to_print_the_token() {
    let o = run(
        &mut with_creds(),
        &[
            "rtc",
            "--channel",
            "demo",
            "--uid",
            "1",
            "--expire",
            "1800003600",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    let (out, err) = text(&o);
    assert!(out.is_empty());
    assert!(
        err.contains("expiry_looks_absolute") && err.contains("--expire"),
        "{err}"
    );
    let o = run(
        &mut with_creds(),
        &[
            "legacy",
            "rtc-006",
            "--channel",
            "demo",
            "--uid",
            "1",
            "--privilege-expired-ts",
            "3600",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).1.contains("--privilege-expired-ts"));
    // 006 and dynamic keys only sign the channel: it is checked while generating.
    for sub in [
        &["legacy", "rtc-006", "--uid", "1"][..],
        &["legacy", "dynamic-key", "--unix-ts", "1800000000"][..],
    ] {
        let mut args = sub.to_vec();
        args.extend_from_slice(&["--channel", "room/1"]);
        let o = run(&mut with_creds(), &args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = text(&o).1;
        assert!(
            err.contains("channel_name_characters") && err.contains("fix --channel"),
            "{err}"
        );
    }
}

#[test]
fn bad_input_exits_2_naming_the_field() {
    let cases: &[(&[&str], &str)] = &[
        (&["rtc", "--demo", "--channel", "x", "--uid", "-1"], "--uid"),
        (
            &["rtc", "--demo", "--channel", "x", "--uid", "4294967296"],
            "--uid",
        ),
        (&["rtc", "--demo", "--uid", "1"], "--channel"),
        (&["rtc", "--demo", "--channel", "x"], "--uid"),
        (
            &[
                "rtc",
                "--demo",
                "--channel",
                "x",
                "--uid",
                "1",
                "--expire",
                "soon",
            ],
            "--expire",
        ),
        (
            &[
                "rtc",
                "--app-id",
                "xyz",
                "--app-certificate",
                MY_CERT,
                "--channel",
                "x",
                "--uid",
                "1",
            ],
            "--app-id",
        ),
        (
            &[
                "rtc",
                "--app-id",
                APP_ID,
                "--app-certificate",
                "0123456789abcdefXXXX",
                "--channel",
                "x",
                "--uid",
                "1",
            ],
            "--app-certificate",
        ),
        (
            &[
                "rtm",
                "--demo",
                "--user-id",
                "a",
                "--permission",
                "channel:read:x",
            ],
            "--permission",
        ),
        (
            &[
                "legacy",
                "dynamic-key5",
                "--demo",
                "--channel",
                "x",
                "--uid",
                "1",
                "--service",
                "in-channel-permission",
            ],
            "--permission",
        ),
        (&["education", "--demo"], "--user-uuid"),
        (&["inspect", "007notbase64!"], "token"),
        (&["inspect", "12345"], "token"),
        (
            &["verify", "007x", "--app-certificate", "short"],
            "--app-certificate",
        ),
    ];
    for (args, field) in cases {
        let o = run(&mut bare(), args);
        let (_, err) = text(&o);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(field), "{args:?} should name {field}: {err}");
    }
}

#[test]
fn missing_credentials_give_guidance() {
    bare()
        .args(["rtc", "--channel", "demo", "--uid", "42"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            predicate::str::contains("AGORA_APP_ID")
                .and(predicate::str::contains("--app-certificate"))
                .and(predicate::str::contains("--demo")),
        );
    bare()
        .env("AGORA_APP_ID", APP_ID)
        .args(["fpa"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no app certificate given"));
    bare()
        .args(["verify", "007eJx"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("AGORA_APP_CERTIFICATE"));
}

#[test]
fn demo_is_labelled_and_verifies() {
    let o = run(
        &mut bare(),
        &["rtc", "--demo", "--channel", "demo", "--uid", "42"],
    );
    assert!(o.status.success());
    let (out, err) = text(&o);
    assert!(err.contains("PUBLIC SAMPLE"), "{err}");
    let token = out.trim();
    let o = run(&mut bare(), &["verify", token, "--demo"]);
    assert_eq!(o.status.code(), Some(0));
    let o = run(&mut bare(), &["inspect", token]);
    let (out, _) = text(&o);
    assert!(
        out.contains("AccessToken2 (007)") && out.contains("join_channel"),
        "{out}"
    );
}

#[test]
fn verify_explains_mismatches() {
    let t = generate(&["rtc", "--channel", "demo", "--uid", "42"]);
    let o = run(
        &mut with_creds(),
        &["verify", &t, "--channel", "other", "--uid", "42"],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o)
        .0
        .contains("the token is for channel \"demo\", not \"other\""));
    let t = generate(&["legacy", "rtc-006", "--channel", "demo", "--uid", "42"]);
    let out = verify_fails(&t, &["--channel", "demo", "--uid", "42"]);
    assert!(out.contains("signature does not hold"), "{out}");
    let o = run(
        &mut with_creds(),
        &["verify", &t, "--channel", "demo", "--uid", "43"],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o).0.contains("uid \"43\" is not the uid"));
    let o = run(&mut with_creds(), &["verify", &t, "--uid", "42"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).1.contains("--channel"));
    let o = run(
        &mut with_creds(),
        &["verify", &t, "--channel", "demo", "--uid", "42", "--json"],
    );
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        (v["valid"].as_bool(), v["matched"].as_u64()),
        (Some(true), Some(0))
    );
}

#[test]
fn certificate_never_printed_even_when_misplaced() {
    let t = generate(&["rtc", "--channel", "demo", "--uid", "42"]);
    // A certificate given where a token or a value belongs, echoed by clap.
    for args in [
        vec!["verify", t.as_str(), MY_CERT],
        vec!["inspect", MY_CERT],
        vec!["rtc", "--channel", "demo", "--uid", MY_CERT],
        vec!["rtc", MY_CERT],
    ] {
        let o = run(&mut with_creds(), &args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
    }
    let o = run(
        &mut bare(),
        &[
            "rtc",
            "--app-certificate",
            OTHER_CERT,
            "--channel",
            OTHER_CERT,
            "--uid",
            "1",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    for sub in [
        "rtc",
        "rtm",
        "chat",
        "education",
        "apaas",
        "fpa",
        "convoai",
        "stt",
        "verify",
        "inspect",
    ] {
        let o = run(&mut with_creds(), &[sub, "--help"]);
        assert!(o.status.success());
    }
}

#[test]
fn every_subcommand_help_has_an_example() {
    let subs: &[&[&str]] = &[
        &["rtc"],
        &["rtm"],
        &["chat"],
        &["education"],
        &["apaas"],
        &["fpa"],
        &["convoai"],
        &["stt"],
        &["legacy"],
        &["legacy", "dynamic-key"],
        &["legacy", "dynamic-key2"],
        &["legacy", "dynamic-key3"],
        &["legacy", "dynamic-key4"],
        &["legacy", "dynamic-key5"],
        &["legacy", "signaling"],
        &["legacy", "rtc-006"],
        &["legacy", "rtm-006"],
        &["inspect"],
        &["verify"],
        &["completions"],
    ];
    for sub in subs {
        let mut args = sub.to_vec();
        args.push("--help");
        let o = run(&mut bare(), &args);
        assert!(o.status.success(), "{args:?}");
        let out = text(&o).0;
        assert!(out.contains("Example:\n  rtctoken "), "{args:?}: {out}");
    }
    bare()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("Examples:"));
}

#[test]
fn completions_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        bare()
            .args(["completions", shell])
            .assert()
            .success()
            .stdout(predicate::str::contains("rtctoken").and(predicate::str::contains("inspect")));
    }
}

#[test]
fn inspect_reads_standard_input() {
    let t = generate(&["chat", "--app"]);
    bare()
        .args(["inspect", "-", "--json"])
        .write_stdin(format!("{t}\n"))
        .assert()
        .success()
        .stdout(predicate::str::contains("\"schema_version\":1"));
}

#[test]
fn batch_dump_matches_the_library_for_every_shared_token() {
    let file = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/cross_language/tokens.txt");
    let tokens: Vec<String> = std::fs::read_to_string(&file)
        .unwrap()
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect();
    let o = bare()
        .args(["inspect", "--json", "--now", "1800000000", "--batch"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(o.status.success());
    let out = String::from_utf8(o.stdout).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), tokens.len());
    let (mut ok, mut errors) = (0, 0);
    for (line, token) in lines.iter().zip(&tokens) {
        let v: Value = serde_json::from_str(line).unwrap();
        assert_eq!(v["token"], token.as_str());
        match rtctoken::inspect::inspect_value(token, Some(1_800_000_000)) {
            Ok(expected) => {
                assert_eq!(v["inspect"], expected);
                ok += 1;
            }
            Err(e) => {
                assert_eq!(v["error"], e.kind().as_str());
                errors += 1;
            }
        }
    }
    assert!(ok > 1000 && errors > 0, "{ok} decoded, {errors} refused");
}

#[test]
fn damaged_tokens_get_a_hint() {
    // The first salt whose token has a + to damage.
    let t = (1..100)
        .map(|salt: u32| {
            let salt = salt.to_string();
            generate(&[
                "rtc",
                "--channel",
                "demo",
                "--uid",
                "42",
                "--issue-ts",
                "1800000000",
                "--salt",
                &salt,
            ])
        })
        .find(|t| t.contains('+'))
        .unwrap();
    let cases = [
        (t.replace('+', "%2B"), "URL-encoded"),
        (t.replace('+', " "), "turned a + into a space"),
    ];
    for (damaged, hint) in cases {
        for sub in [
            &["inspect", damaged.as_str()][..],
            &["verify", damaged.as_str(), "--demo"][..],
        ] {
            let o = run(&mut bare(), sub);
            assert_eq!(o.status.code(), Some(2));
            assert!(text(&o).1.contains(hint), "{}", text(&o).1);
        }
    }
    // Quotes and whitespace from a copy-paste are dropped.
    let o = run(&mut bare(), &["inspect", &format!(" \"{t}\"\n")]);
    assert!(o.status.success());
}

/// The shared token list: over a megabyte of JSON lines in batch mode.
fn shared_tokens() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/cross_language/tokens.txt")
}

#[test]
fn a_reader_that_goes_away_ends_the_tool_quietly() {
    use std::io::Read;
    use std::process::{Command as Std, Stdio};
    let mut child = Std::new(env!("CARGO_BIN_EXE_rtctoken"))
        .args(["inspect", "--json", "--now", "1800000000", "--batch"])
        .arg(shared_tokens())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Like `| head -c1`: read one byte, then close the pipe.
    let mut first = [0u8; 1];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(&first, b"{");
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&o.stderr), "");
}

#[test]
fn output_that_cannot_be_written_is_exit_2_with_a_message() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_rtctoken"))
        .args(["inspect", "--json", "--batch"])
        .arg(shared_tokens())
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        "error: cannot write to standard output: No space left on device (os error 28)\n"
    );
    // Help text goes through the same path.
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_rtctoken"))
        .arg("--help")
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn error_messages_quote_input_only_in_part() {
    // Near the 128 KiB limit of one argument on Linux.
    let long = "x".repeat(100_000);
    let o = run(
        &mut with_creds(),
        &["rtm", "--user-id", "u", "--permission", &long],
    );
    assert_eq!(o.status.code(), Some(2));
    let err = text(&o).1;
    assert!(err.len() < 400, "{} bytes: {}", err.len(), &err[..400]);
    assert!(err.contains("(100000 bytes)"), "{err}");
    // A value that may be a certificate is not quoted at all.
    let o = run(
        &mut bare(),
        &[
            "verify",
            &generate(&["legacy", "dynamic-key5", "--channel", "c", "--uid", "1"]),
            "--app-certificate",
            MY_CERT,
            "--channel",
            "c",
            "--uid",
            "0123456789abcdef0123456789abcdeX",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o).1.contains("not shown: it may be a secret"),
        "{}",
        text(&o).1
    );
}

#[test]
fn verify_refuses_a_006_token_whose_crc_was_changed() {
    let t = generate(&["legacy", "rtc-006", "--channel", "demo", "--uid", "42"]);
    // Body character 47 (after "006" and the app ID) holds bits 282-287 of
    // the binary token: inside byte 35, the second of crc_channel_name.
    let at = 3 + 32 + 47;
    let mut b = t.clone().into_bytes();
    b[at] = if b[at] == b'A' { b'B' } else { b'A' };
    let forged = String::from_utf8(b).unwrap();
    verify_ok(&t, &["--channel", "demo", "--uid", "42"]);
    let out = verify_fails(
        &forged,
        &[
            "--app-certificate",
            MY_CERT,
            "--channel",
            "demo",
            "--uid",
            "42",
        ],
    );
    assert!(
        out.contains("invalid: the token's crc_channel_name is not the CRC-32 of the channel_name its signature is for: the token was altered after it was made"),
        "{out}"
    );
}
