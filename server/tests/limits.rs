//! Rate limits: headers on every token route, 429 with Retry-After, per key
//! and per IP, and limits shared by two server processes through a real
//! `redis-server` (which `.ci/run` installs).

mod common;

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::*;
use serde_json::json;

fn header(res: &reqwest::blocking::Response, name: &str) -> u64 {
    res.headers()[name].to_str().unwrap().parse().unwrap()
}

#[test]
fn ip_limit_counts_down_and_answers_429_with_retry_after() {
    let dir = scratch("ip-limit");
    let mut env = base_env(&dir);
    env.retain(|(k, _)| k != "IP_RATE_LIMIT");
    env.push(("IP_RATE_LIMIT".into(), "0.2:3".into()));
    let s = Server::start(&env);
    let mut remaining = Vec::new();
    for _ in 0..3 {
        let res = s.get("/rtc/demo/publisher/uid/1/");
        assert_eq!(res.status().as_u16(), 200);
        assert_eq!(header(&res, "x-ratelimit-limit"), 3);
        remaining.push(header(&res, "x-ratelimit-remaining"));
    }
    assert_eq!(remaining, [2, 1, 0]);
    let res = s.get("/rtc/demo/publisher/uid/1/");
    assert_eq!(header(&res, "x-ratelimit-remaining"), 0);
    let retry = header(&res, "retry-after");
    assert!((1..=5).contains(&retry), "{retry}");
    assert!(header(&res, "x-ratelimit-reset") >= retry);
    let (status, body) = json(res);
    assert_error(status, &body, 429, "rate_limited");
    assert_eq!(body["details"]["scope"], "ip");
    // Probes are never limited.
    assert_eq!(s.get("/healthz").status().as_u16(), 200);
    let metrics = s.get("/metrics").text().unwrap();
    assert!(
        metrics.contains("rtctoken_rate_limited_total{scope=\"ip\"} 1"),
        "{metrics}"
    );
}

#[test]
fn key_limit_is_separate_from_the_ip_limit() {
    let dir = scratch("key-limit");
    let mut env = base_env(&dir);
    env.retain(|(k, _)| k != "KEY_RATE_LIMIT");
    env.push(("KEY_RATE_LIMIT".into(), "0.2:2".into()));
    let s = Server::start(&env);
    let req = json!({"kind": "chat"});
    for want in [1, 0] {
        let res = s.post_json("/v1/tokens", Some(SECRET_KEY), &req);
        assert_eq!(res.status().as_u16(), 201);
        assert_eq!(header(&res, "x-ratelimit-remaining"), want);
    }
    let (status, body) = json(s.post_json("/v1/tokens", Some(SECRET_KEY), &req));
    assert_error(status, &body, 429, "rate_limited");
    assert_eq!(body["details"]["scope"], "key");
    // Another key (and open routes by IP) still have their budgets.
    let res = s.post_json(
        "/v1/tokens",
        Some(PUBLISHABLE_KEY),
        &json!({"kind": "rtc", "channel": "lobby-1", "uid": 1, "role": "subscriber", "ttl": 60}),
    );
    assert_eq!(res.status().as_u16(), 201);
    assert_eq!(s.get("/ping").status().as_u16(), 200);
}

struct Redis(Child, u16);

impl Redis {
    fn start() -> Option<Redis> {
        Self::start_on(free_port())
    }

    fn start_on(port: u16) -> Option<Redis> {
        let child = Command::new("redis-server")
            .args([
                "--port",
                &port.to_string(),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .ok()?;
        let start = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "redis-server did not start"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        Some(Redis(child, port))
    }

    fn url(&self) -> String {
        format!("redis://127.0.0.1:{}/", self.1)
    }
}

impl Drop for Redis {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn redis_or_skip() -> Option<Redis> {
    let r = Redis::start();
    if r.is_none() {
        eprintln!(
            "SKIPPED: redis-server is not installed (.ci/run installs it, so CI never skips)"
        );
    }
    r
}

fn wait_connected(s: &Server) {
    s.wait_log("connected to the shared rate-limit store");
}

#[test]
fn two_servers_share_one_budget_through_redis() {
    let Some(redis) = redis_or_skip() else { return };
    let dir = scratch("redis");
    let mut env = base_env(&dir);
    env.retain(|(k, _)| k != "KEY_RATE_LIMIT");
    env.push(("KEY_RATE_LIMIT".into(), "0.1:5".into()));
    env.push(("RATE_LIMIT_REDIS_URL".into(), redis.url()));
    let a = Server::start(&env);
    let b = Server::start(&env);
    wait_connected(&a);
    wait_connected(&b);
    let req = json!({"kind": "chat"});
    let mut seen = Vec::new();
    for i in 0..6 {
        let s = if i % 2 == 0 { &a } else { &b };
        let res = s.post_json("/v1/tokens", Some(SECRET_KEY), &req);
        seen.push((res.status().as_u16(), header(&res, "x-ratelimit-remaining")));
    }
    // One budget of 5 across both processes: the sixth request is refused.
    assert_eq!(
        seen,
        [(201, 4), (201, 3), (201, 2), (201, 1), (201, 0), (429, 0)]
    );

    // Redis gone: fail-open (the default) serves from each process's own limiter.
    let port = redis.1;
    drop(redis);
    let res = a.post_json("/v1/tokens", Some(SECRET_KEY), &req);
    assert_eq!(res.status().as_u16(), 201);
    a.wait_log("rate-limit store unreachable");
    for _ in 0..3 {
        assert_eq!(
            a.post_json("/v1/tokens", Some(SECRET_KEY), &req)
                .status()
                .as_u16(),
            201
        );
    }
    // Logged once per outage, not once per request.
    assert_eq!(
        a.log_text().matches("rate-limit store unreachable").count(),
        1
    );

    // Redis back (empty, as after a restart): the same connection manager
    // reconnects, reloads the script, and limits are shared again.
    let _redis = Redis::start_on(port).unwrap();
    let start = Instant::now();
    loop {
        let res = a.post_json("/v1/tokens", Some(SECRET_KEY), &req);
        assert_eq!(res.status().as_u16(), 201);
        if a.log_text().contains("limits are shared again") {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "{}",
            a.log_text()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    // b's first call may still find its old connection broken; after it,
    // both count down one shared budget.
    b.post_json("/v1/tokens", Some(SECRET_KEY), &req);
    let remaining: Vec<u64> = [&a, &b, &a]
        .iter()
        .map(|s| {
            header(
                &s.post_json("/v1/tokens", Some(SECRET_KEY), &req),
                "x-ratelimit-remaining",
            )
        })
        .collect();
    assert_eq!(remaining[1] + 1, remaining[0], "{remaining:?}");
    assert_eq!(remaining[2] + 1, remaining[1], "{remaining:?}");
}

#[test]
fn fail_closed_refuses_with_503_while_redis_is_down() {
    let port = free_port(); // nothing listens here
    let dir = scratch("redis-closed");
    let mut env = base_env(&dir);
    env.push((
        "RATE_LIMIT_REDIS_URL".into(),
        format!("redis://127.0.0.1:{port}/"),
    ));
    env.push(("RATE_LIMIT_REDIS_FAILURE".into(), "closed".into()));
    let s = Server::start(&env);
    let (status, body) =
        json(s.post_json("/v1/tokens", Some(SECRET_KEY), &json!({"kind": "chat"})));
    assert_error(status, &body, 503, "unavailable");
    assert_eq!(s.get("/readyz").status().as_u16(), 503);
    s.wait_log("closed (503)");
}
