//! The JSON API over real HTTP: every route, its error bodies, and the key
//! policies; every minted token is checked with the core's verify/inspect.

mod common;

use common::*;
use serde_json::{json, Value};

fn start() -> Server {
    let mut env = base_env(&scratch("v1"));
    // Room for a 70 000-byte channel; 1 MiB is still refused.
    env.push(("BODY_LIMIT_BYTES".into(), "262144".into()));
    Server::start(&env)
}

/// A 007 RTC token for uid 42 in "demo" signed with `cert`, made by the core.
fn signed_with(cert: &str) -> String {
    rtctoken::builders::rtc_token_builder2::build_token_with_uid(
        APP_ID,
        cert,
        "demo",
        42,
        1,
        3600,
        3600,
        rtctoken::Stamp::default(),
    )
    .unwrap()
}

fn verify(s: &Server, req: Value) -> (u16, Value) {
    json(s.post_json("/v1/tokens/verify", Some(SECRET_KEY), &req))
}

fn mint(s: &Server, key: &str, req: Value) -> (u16, Value) {
    json(s.post_json("/v1/tokens", Some(key), &req))
}

#[test]
fn tokens_are_minted_in_every_version_and_kind() {
    let s = start();
    let (status, body) = mint(
        &s,
        SECRET_KEY,
        json!({"kind": "rtc", "channel": "demo", "uid": 42, "role": "publisher", "ttl": 600}),
    );
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["version"], "007");
    let i = assert_signed(body["token"].as_str().unwrap(), CERT, None, None);
    assert_eq!(body["issued_at"], i["issued"]["unix"]);
    assert_eq!(
        body["expires_at"].as_u64().unwrap(),
        body["issued_at"].as_u64().unwrap() + 600
    );
    assert_eq!(i["uid"]["number"], 42);

    // Per-privilege TTLs: expires_at is the earliest.
    let (status, body) = mint(
        &s,
        SECRET_KEY,
        json!({"kind": "rtc", "channel": "demo", "account": "alice", "role": "publisher",
        "ttl": 3600, "privileges": {"publish_video": 60}}),
    );
    assert_eq!(status, 201, "{body}");
    let i = assert_signed(body["token"].as_str().unwrap(), CERT, None, None);
    let values: Vec<u64> = i["services"][0]["privileges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["value"].as_u64().unwrap())
        .collect();
    assert_eq!(values, [3600, 3600, 60, 3600]);
    assert_eq!(
        body["expires_at"].as_u64().unwrap(),
        body["issued_at"].as_u64().unwrap() + 60
    );

    let (status, body) = mint(
        &s,
        SECRET_KEY,
        json!({"kind": "rtc", "version": "006", "channel": "demo", "uid": 42, "role": "subscriber"}),
    );
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["version"], "006");
    let i = assert_signed(
        body["token"].as_str().unwrap(),
        CERT,
        Some("demo"),
        Some("42"),
    );
    assert_eq!(i["privileges"].as_array().unwrap().len(), 1);
    assert_eq!(
        body["expires_at"].as_u64().unwrap(),
        body["issued_at"].as_u64().unwrap() + 3600
    );

    let (status, body) = mint(
        &s,
        SECRET_KEY,
        json!({"kind": "rtc", "version": "dk5", "channel": "demo", "uid": 7}),
    );
    assert_eq!(status, 201, "{body}");
    let i = assert_signed(
        body["token"].as_str().unwrap(),
        CERT,
        Some("demo"),
        Some("7"),
    );
    assert_eq!(i["version"], "005");

    let (status, body) = mint(&s, SECRET_KEY, json!({"kind": "rtm", "account": "alice"}));
    assert_eq!(status, 201, "{body}");
    assert_eq!(
        assert_signed(body["token"].as_str().unwrap(), CERT, None, None)["services"][0]["type"],
        "rtm"
    );
    let (status, body) = mint(
        &s,
        SECRET_KEY,
        json!({"kind": "rtm", "version": "006", "account": "alice"}),
    );
    assert_eq!(status, 201, "{body}");
    assert_signed(
        body["token"].as_str().unwrap(),
        CERT,
        Some("alice"),
        Some(""),
    );
    let (status, body) = mint(&s, SECRET_KEY, json!({"kind": "chat"}));
    assert_eq!(status, 201, "{body}");
    assert_signed(body["token"].as_str().unwrap(), CERT, None, None);
}

#[test]
fn mint_refuses_bad_fields_with_422_naming_them() {
    let s = start();
    let cases = [
        (
            json!({"kind": "rtc", "channel": "demo", "uid": 4294967296_u64, "role": "publisher"}),
            "uid must be in 0..=4294967295",
        ),
        (
            json!({"kind": "rtc", "channel": "demo", "uid": 1, "account": "a", "role": "publisher"}),
            "give one, not both",
        ),
        (
            json!({"kind": "rtc", "channel": "demo", "role": "publisher"}),
            "uid or account",
        ),
        (
            json!({"kind": "rtc", "uid": 1, "role": "publisher"}),
            "channel: required",
        ),
        (
            json!({"kind": "rtc", "channel": "demo", "uid": 1}),
            "role: required",
        ),
        (json!({"kind": "rtm", "uid": 1}), "give account instead"),
        (json!({"kind": "chat", "version": "006"}), "version"),
        (
            json!({"kind": "rtc", "channel": "demo", "uid": 1, "role": "subscriber", "privileges": {"join_channel": 5}}),
            "privileges",
        ),
        (
            json!({"kind": "rtc", "channel": "x".repeat(70000), "uid": 1, "role": "publisher"}),
            "65535",
        ),
    ];
    for (req, needle) in cases {
        let (status, body) = mint(&s, SECRET_KEY, req.clone());
        let m = assert_error(status, &body, 422, "invalid_input");
        assert!(m.contains(needle), "{req}: {m}");
    }
    // Wrong types and unknown fields are 422 too; the core's kind travels in details.
    let (status, body) = mint(
        &s,
        SECRET_KEY,
        json!({"kind": "rtc", "channel": 5, "uid": 1, "role": "publisher"}),
    );
    assert_error(status, &body, 422, "invalid_input");
    let (status, body) = mint(&s, SECRET_KEY, json!({"kind": "video"}));
    assert_error(status, &body, 422, "invalid_input");
    let (status, body) = mint(&s, SECRET_KEY, json!({"kind": "chat", "colour": "red"}));
    assert!(assert_error(status, &body, 422, "invalid_input").contains("colour"));
    let (status, body) = mint(
        &s,
        SECRET_KEY,
        json!({"kind": "rtc", "channel": "x".repeat(70000), "uid": 1, "role": "publisher"}),
    );
    assert_eq!(body["details"]["kind"], "field_too_long", "{status}");
}

#[test]
fn malformed_bodies_get_their_own_status() {
    let s = start();
    let post = |body: &'static str, ctype: Option<&str>| {
        let mut r = s
            .client
            .post(s.url("/v1/tokens"))
            .bearer_auth(SECRET_KEY)
            .body(body);
        if let Some(c) = ctype {
            r = r.header("content-type", c);
        }
        json(r.send().unwrap())
    };
    let (status, body) = post("{\"kind\": ", Some("application/json"));
    assert_error(status, &body, 400, "bad_request");
    let (status, body) = post("{\"kind\": \"chat\"}", Some("text/plain"));
    assert_error(status, &body, 415, "unsupported_media_type");
    let (status, body) = post("{\"kind\": \"chat\"}", None);
    assert_error(status, &body, 415, "unsupported_media_type");
    // 1 MiB body: refused before parsing. The server closes that connection
    // without reading the rest, so it goes on a client that does not pool.
    let once = reqwest::blocking::Client::builder()
        .pool_max_idle_per_host(0)
        .build()
        .unwrap();
    let big = format!(
        "{{\"kind\":\"chat\",\"account\":\"{}\"}}",
        "a".repeat(1 << 20)
    );
    let (status, body) = json(
        once.post(s.url("/v1/tokens"))
            .bearer_auth(SECRET_KEY)
            .header("content-type", "application/json")
            .body(big)
            .send()
            .unwrap(),
    );
    assert_error(status, &body, 413, "payload_too_large");
    // Odd Unicode is data, not a crash: NUL, RTL marks, emoji, lone-surrogate escapes refused by JSON.
    let (status, body) = mint(
        &s,
        SECRET_KEY,
        json!({"kind": "rtm", "account": "\u{0}\u{202e}😀\u{fffd}"}),
    );
    assert_eq!(status, 201, "{body}");
    let i = assert_signed(body["token"].as_str().unwrap(), CERT, None, None);
    assert_eq!(i["services"][0]["user_id"], "\u{0}\u{202e}😀\u{fffd}");
    let (status, body) = post(
        r#"{"kind":"rtm","account":"\ud800"}"#,
        Some("application/json"),
    );
    assert!(status == 400 || status == 422, "{status} {body}");
    assert!(body["code"].is_string());
}

#[test]
fn unknown_routes_and_methods_are_json() {
    let s = start();
    let (status, body) = json(s.get("/nope"));
    assert_error(status, &body, 404, "not_found");
    let (status, body) = json(s.client.delete(s.url("/ping")).send().unwrap());
    assert_error(status, &body, 405, "method_not_allowed");
    let (status, body) = json(
        s.client
            .get(s.url("/v1/tokens"))
            .bearer_auth(SECRET_KEY)
            .send()
            .unwrap(),
    );
    assert_error(status, &body, 405, "method_not_allowed");
}

#[test]
fn batch_mints_rtc_and_rtm_together() {
    let s = start();
    let (status, body) = json(s.post_json(
        "/v1/tokens/batch",
        Some(SECRET_KEY),
        &json!({"tokens": [
            {"kind": "rtc", "channel": "demo", "account": "alice", "role": "publisher"},
            {"kind": "rtm", "account": "alice"}
        ]}),
    ));
    assert_eq!(status, 201, "{body}");
    let tokens = body["tokens"].as_array().unwrap();
    assert_eq!(tokens.len(), 2);
    assert_eq!(
        assert_signed(tokens[0]["token"].as_str().unwrap(), CERT, None, None)["services"][0]
            ["type"],
        "rtc"
    );
    assert_eq!(
        assert_signed(tokens[1]["token"].as_str().unwrap(), CERT, None, None)["services"][0]
            ["type"],
        "rtm"
    );
    let (status, body) =
        json(s.post_json("/v1/tokens/batch", Some(SECRET_KEY), &json!({"tokens": []})));
    assert_error(status, &body, 422, "invalid_input");
}

#[test]
fn verify_reports_validity_and_the_matching_certificate() {
    let dir = scratch("verify");
    let mut env = base_env(&dir);
    env.push(("APP_CERTIFICATE_SECONDARY".into(), CERT2.into()));
    let s = Server::start(&env);
    let (_, minted) = mint(
        &s,
        SECRET_KEY,
        json!({"kind": "rtc", "channel": "demo", "uid": 42, "role": "publisher"}),
    );
    let token = minted["token"].as_str().unwrap();
    let (status, body) = verify(&s, json!({"token": token}));
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["valid"], true);
    assert_eq!(body["reason"], Value::Null);
    assert_eq!(body["version"], "007");
    assert_eq!(body["channel"], "demo");
    let primary = body["matched_certificate"].as_str().unwrap().to_owned();
    assert_eq!(primary.len(), 8);

    // A token signed with the secondary certificate matches it.
    let other = signed_with(CERT2);
    let (_, body) = verify(&s, json!({"token": other}));
    assert_eq!(body["valid"], true, "{body}");
    assert_ne!(body["matched_certificate"], primary);

    // Wrong channel for a 007 token: not valid, and the reason says so.
    let (_, body) = verify(&s, json!({"token": token, "channel": "other", "uid": 42}));
    assert_eq!(body["valid"], false);
    assert!(
        body["reason"].as_str().unwrap().contains("channel"),
        "{body}"
    );

    // A certificate we do not hold.
    let foreign = signed_with("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF");
    let (_, body) = verify(&s, json!({"token": foreign}));
    assert_eq!(body["valid"], false);
    assert_eq!(body["matched_certificate"], Value::Null);

    // 006 needs the channel and uid it signs.
    let (_, t006) = mint(
        &s,
        SECRET_KEY,
        json!({"kind": "rtc", "version": "006", "channel": "demo", "uid": 42, "role": "publisher"}),
    );
    let (_, body) = verify(
        &s,
        json!({"token": t006["token"], "channel": "demo", "uid": 42}),
    );
    assert_eq!(body["valid"], true, "{body}");
    let (status, body) = verify(&s, json!({"token": t006["token"]}));
    assert!(!assert_error(status, &body, 422, "invalid_input").is_empty());
    assert_eq!(body["details"]["kind"], "missing_input");

    let (status, body) = verify(&s, json!({"token": "007garbage"}));
    assert_error(status, &body, 422, "invalid_input");
    assert_eq!(body["details"]["kind"], "malformed");
    // Logs carry the token's fingerprint, never the token or a certificate.
    let logs = s.log_text();
    assert!(
        !logs.contains(token)
            && !logs.contains(CERT)
            && !logs.contains(CERT2)
            && !logs.contains(SECRET_KEY)
    );
}

#[test]
fn inspect_returns_the_core_json() {
    let s = start();
    let (_, minted) = mint(
        &s,
        SECRET_KEY,
        json!({"kind": "rtc", "channel": "demo", "uid": 42, "role": "publisher"}),
    );
    let token = minted["token"].as_str().unwrap();
    let (status, body) = json(s.post_json(
        "/v1/tokens/inspect",
        Some(SECRET_KEY),
        &json!({"token": token}),
    ));
    assert_eq!(status, 200);
    let mut want =
        rtctoken::inspect::inspect_value(token, Some(body["now"].as_u64().unwrap() as u32))
            .unwrap();
    want["now"] = body["now"].clone();
    assert_eq!(body, want);
}

#[test]
fn session_access_maps_allow_flags_to_publish_privileges() {
    let s = start();
    let req = |audio: bool, video: bool| {
        json!({"user_id": "alice", "channel_id": "lobby-1", "token_lifetime": 600,
        "services": {"media": {"allow_publish_audio": audio, "allow_publish_video": video}}})
    };
    let names = |body: &Value| -> Vec<String> {
        let i = assert_signed(body["token"].as_str().unwrap(), CERT, None, None);
        assert_eq!(i["services"][0]["user_id"], Value::Null);
        assert_eq!(i["services"][0]["uid"]["text"], "alice");
        i["services"][0]["privileges"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["name"].as_str().unwrap().to_owned())
            .collect()
    };
    let (status, body) =
        json(s.post_json("/v1/session_access", Some(SECRET_KEY), &req(true, false)));
    assert_eq!(status, 200, "{body}");
    assert_eq!(names(&body), ["join_channel", "publish_audio_stream"]);
    assert!(body["expires_at"].as_u64().unwrap() > 0);
    let (_, body) = json(s.post_json("/v1/session_access", Some(SECRET_KEY), &req(false, false)));
    assert_eq!(names(&body), ["join_channel"]);
    // A publishable key may hand out a listen-only session, not a publishing one.
    let (status, body) = json(s.post_json(
        "/v1/session_access",
        Some(PUBLISHABLE_KEY),
        &req(false, false),
    ));
    assert_eq!(status, 200, "{body}");
    let (status, body) = json(s.post_json(
        "/v1/session_access",
        Some(PUBLISHABLE_KEY),
        &req(false, true),
    ));
    assert_error(status, &body, 403, "forbidden");
}

#[test]
fn auth_refuses_missing_wrong_and_overstepping_keys() {
    let s = start();
    let ok =
        json!({"kind": "rtc", "channel": "lobby-7", "uid": 3, "role": "subscriber", "ttl": 600});
    let (status, body) = json(s.post_json("/v1/tokens", None, &ok));
    assert_error(status, &body, 401, "unauthorized");
    let (status, body) = json(s.post_json("/v1/tokens", Some("sk_wrong"), &ok));
    assert_error(status, &body, 401, "unauthorized");
    let (status, body) = json(
        s.client
            .post(s.url("/v1/tokens"))
            .header("authorization", "Token abc")
            .json(&ok)
            .send()
            .unwrap(),
    );
    assert_error(status, &body, 401, "unauthorized");

    // The publishable key (stored as a hash) within its policy.
    let (status, body) = mint(&s, PUBLISHABLE_KEY, ok.clone());
    assert_eq!(status, 201, "{body}");
    assert_signed(body["token"].as_str().unwrap(), CERT, None, None);
    let overstep = [
        (
            json!({"kind": "rtc", "channel": "lobby-7", "uid": 3, "role": "publisher", "ttl": 600}),
            "subscriber",
        ),
        (
            json!({"kind": "rtc", "channel": "vip", "uid": 3, "role": "subscriber", "ttl": 600}),
            "lobby-.*",
        ),
        (
            json!({"kind": "rtc", "channel": "lobby-7", "uid": 3, "role": "subscriber", "ttl": 601}),
            "at most 600",
        ),
        (
            json!({"kind": "rtc", "channel": "lobby-7", "uid": 3, "role": "subscriber"}),
            "at most 600",
        ),
        (json!({"kind": "rtm", "account": "alice", "ttl": 60}), "rtm"),
        (
            json!({"kind": "rtc", "version": "dk5", "channel": "lobby-7", "uid": 3, "ttl": 60}),
            "subscriber",
        ),
    ];
    for (req, needle) in overstep {
        let (status, body) = mint(&s, PUBLISHABLE_KEY, req.clone());
        let m = assert_error(status, &body, 403, "forbidden");
        assert!(m.contains(needle), "{req}: {m}");
    }
    // HTTP Basic with customer ID and secret (the vendor REST convention).
    let res = s
        .client
        .post(s.url("/v1/tokens"))
        .basic_auth(CUSTOMER_ID, Some(SECRET_KEY))
        .json(&ok)
        .send()
        .unwrap();
    assert_eq!(res.status().as_u16(), 201);
    let res = s
        .client
        .post(s.url("/v1/tokens"))
        .basic_auth("someone-else", Some(SECRET_KEY))
        .json(&ok)
        .send()
        .unwrap();
    assert_eq!(res.status().as_u16(), 401);
    let metrics = s.get("/metrics").text().unwrap();
    assert!(
        metrics.contains("rtctoken_auth_failed_total{reason=\"missing\"} 1"),
        "{metrics}"
    );
    assert!(
        metrics.contains("rtctoken_auth_failed_total{reason=\"invalid\"} 3"),
        "{metrics}"
    );
    assert!(!metrics.contains(SECRET_KEY) && !metrics.contains(CERT));
}

#[test]
fn operations_routes_answer() {
    let s = start();
    assert_eq!(json(s.get("/healthz")), (200, json!({"status": "ok"})));
    assert_eq!(json(s.get("/readyz")), (200, json!({"status": "ready"})));
    mint(&s, SECRET_KEY, json!({"kind": "chat"}));
    let res = s.get("/metrics");
    assert!(res.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/plain"));
    let text = res.text().unwrap();
    for needle in [
        "rtctoken_tokens_issued_total{kind=\"chat\",role=\"none\",version=\"007\"} 1",
        "http_requests_total{route=\"/v1/tokens\",status=\"201\"} 1",
        "http_request_duration_seconds_bucket",
        "rtctoken_certificate_in_use{fingerprint=",
    ] {
        assert!(text.contains(needle), "{needle} missing from\n{text}");
    }
    // The request id is taken from the caller, or made up.
    let res = s
        .client
        .get(s.url("/ping"))
        .header("x-request-id", "req-123")
        .send()
        .unwrap();
    assert_eq!(res.headers()["x-request-id"], "req-123");
    s.wait_log("req-123");
}

#[test]
fn openapi_document_is_served_and_committed() {
    let s = start();
    let served: Value = s.get("/openapi.json").json().unwrap();
    assert!(served["openapi"].as_str().unwrap().starts_with("3.1"));
    let committed: Value = serde_json::from_str(include_str!("../openapi.json")).unwrap();
    assert_eq!(
        served, committed,
        "run `cargo run -p rtctoken-server -- --print-openapi > server/openapi.json`"
    );
    for path in [
        "/rtc/{channelName}/{role}/{tokenType}/{uid}",
        "/v1/tokens",
        "/v1/session_access",
        "/getToken",
    ] {
        assert!(served["paths"][path].is_object(), "{path}");
    }
}
