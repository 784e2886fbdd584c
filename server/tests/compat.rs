//! agora-token-service's routes: every route in both forms against golden
//! status codes, JSON keys and headers; every token checked with the core.

mod common;

use common::*;
use serde_json::{json, Value};

fn start() -> Server {
    Server::start(&base_env(&scratch("compat")))
}

fn assert_compat_headers(res: &reqwest::blocking::Response) {
    let h = res.headers();
    assert_eq!(
        h["cache-control"],
        "private, no-cache, no-store, must-revalidate"
    );
    assert_eq!(h["expires"], "-1");
    assert_eq!(h["pragma"], "no-cache");
    assert_eq!(h["content-type"], "application/json");
    for name in [
        "x-ratelimit-limit",
        "x-ratelimit-remaining",
        "x-ratelimit-reset",
        "x-request-id",
    ] {
        assert!(h.contains_key(name), "missing {name}");
    }
}

/// GETs `path` and `path/`; both must answer 200 directly with exactly `keys`.
fn both_forms(s: &Server, path: &str, keys: &[&str]) -> Vec<Value> {
    [path.to_owned(), format!("{path}/")]
        .iter()
        .map(|p| {
            let res = s.get(p);
            assert_eq!(res.status().as_u16(), 200, "{p}");
            assert_compat_headers(&res);
            let body: Value = res.json().unwrap();
            let mut got: Vec<&str> = body
                .as_object()
                .unwrap()
                .keys()
                .map(String::as_str)
                .collect();
            got.sort_unstable();
            let mut want = keys.to_vec();
            want.sort_unstable();
            assert_eq!(got, want, "{p}: {body}");
            body
        })
        .collect()
}

fn rtc_privileges(inspection: &Value) -> Vec<String> {
    inspection["services"][0]["privileges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn ping_answers_pong_in_both_forms() {
    let s = start();
    for body in both_forms(&s, "/ping", &["message"]) {
        assert_eq!(body, json!({"message": "pong"}));
    }
}

#[test]
fn rtc_route_mints_uid_and_account_tokens() {
    let s = start();
    for body in both_forms(&s, "/rtc/demo/publisher/uid/42", &["rtcToken"]) {
        let t = body["rtcToken"].as_str().unwrap();
        let i = assert_signed(t, CERT, None, None);
        assert_eq!(i["version"], "007");
        assert_eq!(i["channel_name"], "demo");
        assert_eq!(i["uid"]["number"], 42);
        assert_eq!(
            rtc_privileges(&i),
            [
                "join_channel",
                "publish_audio_stream",
                "publish_video_stream",
                "publish_data_stream"
            ]
        );
        assert_eq!(i["fields"]["expire"], 3600);
    }
    // Anything but "publisher" subscribes; a digits-only account stays an account.
    for body in both_forms(&s, "/rtc/demo/audience/userAccount/1234", &["rtcToken"]) {
        let i = assert_signed(body["rtcToken"].as_str().unwrap(), CERT, None, None);
        assert_eq!(rtc_privileges(&i), ["join_channel"]);
        // 007 encodes account "1234" exactly like uid 1234 (the core's rule).
        assert_eq!(i["services"][0]["uid"]["text"], "1234");
    }
    let (status, body) = json(s.get("/rtc/demo/publisher/uid/42/?expiry=600"));
    assert_eq!(status, 200);
    let i = assert_signed(body["rtcToken"].as_str().unwrap(), CERT, None, None);
    assert_eq!(i["fields"]["expire"], 600);
}

#[test]
fn rtc_route_refuses_bad_input_with_400() {
    let s = start();
    // Over 32 bits is refused, never cut to 32 bits as the original did.
    let (status, body) = json(s.get("/rtc/demo/publisher/uid/4294967296/"));
    let m = assert_error(status, &body, 400, "bad_request");
    assert!(m.contains("uid must be in 0..=4294967295"), "{m}");
    let (status, body) = json(s.get("/rtc/demo/publisher/uid/4294967295"));
    assert_eq!(status, 200, "{body}");
    let (status, body) = json(s.get("/rtc/demo/publisher/uid/abc/"));
    assert!(assert_error(status, &body, 400, "bad_request").contains("decimal number"));
    let (status, body) = json(s.get("/rtc/demo/publisher/token/42/"));
    assert!(assert_error(status, &body, 400, "bad_request")
        .contains("tokenType must be uid or userAccount"));
    let (status, body) = json(s.get("/rtc/demo/publisher/uid/42/?expiry=soon"));
    assert!(assert_error(status, &body, 400, "bad_request").contains("expiry"));
}

#[test]
fn rtm_route_mints_and_refuses_empty_or_zero_user() {
    let s = start();
    for body in both_forms(&s, "/rtm/alice", &["rtmToken"]) {
        let i = assert_signed(body["rtmToken"].as_str().unwrap(), CERT, None, None);
        assert_eq!(i["services"][0]["type"], "rtm");
        assert_eq!(i["services"][0]["user_id"], "alice");
    }
    let (status, body) = json(s.get("/rtm/0/"));
    assert_error(status, &body, 400, "bad_request");
}

#[test]
fn rte_route_mints_both_tokens_in_both_forms() {
    let s = start();
    for body in both_forms(&s, "/rte/demo/publisher/uid/42", &["rtcToken", "rtmToken"]) {
        assert_signed(body["rtcToken"].as_str().unwrap(), CERT, None, None);
        let rtm = assert_signed(body["rtmToken"].as_str().unwrap(), CERT, None, None);
        assert_eq!(rtm["services"][0]["user_id"], "42");
    }
    for body in both_forms(
        &s,
        "/rte/demo/subscriber/uid/42/bob",
        &["rtcToken", "rtmToken"],
    ) {
        let rtm = assert_signed(body["rtmToken"].as_str().unwrap(), CERT, None, None);
        assert_eq!(rtm["services"][0]["user_id"], "bob");
    }
    // uid 0 has no RTM user to default to.
    let (status, body) = json(s.get("/rte/demo/publisher/uid/0/"));
    assert_error(status, &body, 400, "bad_request");
}

#[test]
fn chat_routes_mint_app_and_user_tokens() {
    let s = start();
    for body in both_forms(&s, "/chat/app", &["chatToken"]) {
        let i = assert_signed(body["chatToken"].as_str().unwrap(), CERT, None, None);
        assert_eq!(i["services"][0]["privileges"][0]["name"], "app");
    }
    for body in both_forms(&s, "/chat/account/bob", &["chatToken"]) {
        let i = assert_signed(body["chatToken"].as_str().unwrap(), CERT, None, None);
        assert_eq!(i["services"][0]["user_id"], "bob");
    }
}

#[test]
fn get_token_post_answers_token_key() {
    let s = start();
    let cases = [
        (
            json!({"tokenType": "rtc", "channel": "demo", "role": "publisher", "uid": "42", "expire": 900}),
            "42",
        ),
        (
            json!({"tokenType": "rtc", "channel": "demo", "role": "publisher", "uid": 42}),
            "42",
        ),
        (
            json!({"tokenType": "rtc", "channel": "demo", "uid": "alice"}),
            "alice",
        ),
        // A digits-only account asked for explicitly ("007" would be cut to 7 as a uid).
        (
            json!({"tokenType": "rtc", "channel": "demo", "uid": "007", "uidType": "userAccount"}),
            "007",
        ),
        (
            json!({"tokenType": "rtc", "channel": "demo", "uid": "007"}),
            "7",
        ),
    ];
    for (req, text) in cases {
        let res = s.post_json("/getToken", None, &req);
        assert_compat_headers(&res);
        let (status, body) = json(res);
        assert_eq!(status, 200, "{req}: {body}");
        let i = assert_signed(body["token"].as_str().unwrap(), CERT, None, None);
        assert_eq!(i["services"][0]["uid"]["text"], text, "{req}");
    }
    let (status, body) = json(s.post_json(
        "/getToken",
        None,
        &json!({"tokenType": "rtm", "uid": "alice"}),
    ));
    assert_eq!(status, 200);
    assert_signed(body["token"].as_str().unwrap(), CERT, None, None);
    let (status, body) = json(s.post_json("/getToken", None, &json!({"tokenType": "chat"})));
    assert_eq!(status, 200);
    assert_signed(body["token"].as_str().unwrap(), CERT, None, None);
    let (status, body) = json(s.post_json("/getToken", None, &json!({"tokenType": "video"})));
    assert_error(status, &body, 400, "bad_request");
    let (status, body) = json(s.post_json(
        "/getToken",
        None,
        &json!({"tokenType": "rtc", "channel": "demo", "uid": "4294967296"}),
    ));
    assert_error(status, &body, 400, "bad_request");
    // Like the original, the body is JSON whatever the Content-Type says.
    let res = s
        .client
        .post(s.url("/getToken"))
        .body(r#"{"tokenType":"chat"}"#)
        .send()
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
}

#[test]
fn cors_allows_listed_origins_authorization_and_requests_without_origin() {
    let dir = scratch("cors");
    let mut env = base_env(&dir);
    env.push((
        "CORS_ALLOW_ORIGIN".into(),
        "https://app.example,https://admin.example".into(),
    ));
    let s = Server::start(&env);
    // No Origin header (curl, servers, mobile apps): served, not refused.
    assert_eq!(s.get("/ping").status().as_u16(), 200);
    let res = s
        .client
        .get(s.url("/ping"))
        .header("Origin", "https://app.example")
        .send()
        .unwrap();
    assert_eq!(
        res.headers()["access-control-allow-origin"],
        "https://app.example"
    );
    let res = s
        .client
        .get(s.url("/ping"))
        .header("Origin", "https://evil.example")
        .send()
        .unwrap();
    assert!(!res.headers().contains_key("access-control-allow-origin"));
    let res = s
        .client
        .request(reqwest::Method::OPTIONS, s.url("/v1/tokens"))
        .header("Origin", "https://admin.example")
        .header("Access-Control-Request-Method", "POST")
        .header(
            "Access-Control-Request-Headers",
            "authorization, content-type",
        )
        .send()
        .unwrap();
    assert!(res.status().is_success());
    let allowed = res.headers()["access-control-allow-headers"]
        .to_str()
        .unwrap()
        .to_ascii_lowercase();
    assert!(
        allowed.contains("authorization") && allowed.contains("content-type"),
        "{allowed}"
    );
}

#[test]
fn compat_routes_can_require_a_key() {
    let dir = scratch("compat-key");
    let mut env = base_env(&dir);
    env.push(("COMPAT_REQUIRE_KEY".into(), "true".into()));
    let s = Server::start(&env);
    let (status, body) = json(s.get("/rtc/demo/publisher/uid/42/"));
    assert_error(status, &body, 401, "unauthorized");
    let res = s
        .client
        .get(s.url("/rtc/demo/publisher/uid/42/"))
        .bearer_auth(SECRET_KEY)
        .send()
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
    assert!(s
        .log_text()
        .contains("compatible routes require an API key"));
}
