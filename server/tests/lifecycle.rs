//! Startup checks, certificate rotation (SIGHUP and file change) under
//! load with zero failed requests, and graceful shutdown that drains a
//! request in flight.

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::Command;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::*;
use serde_json::json;

fn exit_of(env: &[(&str, &str)]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_rtctoken-server"))
        .env_clear()
        .envs(env.iter().copied())
        .env("LISTEN_ADDR", "127.0.0.1:0")
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn bad_settings_stop_startup_with_exit_2_naming_them() {
    let (code, err) = exit_of(&[("APP_CERTIFICATE", CERT)]);
    assert_eq!(code, 2);
    assert!(err.contains("APP_ID: missing"), "{err}");
    let (code, err) = exit_of(&[
        ("APP_ID", APP_ID),
        ("APP_CERTIFICATE", "5CFD2FD1755D40ECB72977518BE15D3Z"),
    ]);
    assert_eq!(code, 2);
    assert!(
        err.contains("APP_CERTIFICATE") && err.contains("non-hexadecimal"),
        "{err}"
    );
    assert!(!err.contains("5CFD2FD1755D40ECB72977518BE15D3Z"), "{err}");
    let (code, err) = exit_of(&[
        ("APP_ID", APP_ID),
        ("APP_CERTIFICATE", CERT),
        ("API_KEYS_FILE", "/nonexistent/keys.toml"),
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("API_KEYS_FILE"), "{err}");
    let dir = scratch("badkeys");
    let keys = dir.join("keys.toml");
    std::fs::write(&keys, "[[keys]]\nid = \"x\"\nrole = \"secret\"\n").unwrap();
    let (code, err) = exit_of(&[
        ("APP_ID", APP_ID),
        ("APP_CERTIFICATE", CERT),
        ("API_KEYS_FILE", keys.to_str().unwrap()),
    ]);
    assert_eq!(code, 2);
    assert!(
        err.contains("give exactly one of key (non-empty) or sha256"),
        "{err}"
    );
    let (code, err) = exit_of(&[
        ("APP_ID", APP_ID),
        ("APP_CERTIFICATE", CERT),
        ("RATE_LIMIT_REDIS_FAILURE", "maybe"),
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("RATE_LIMIT_REDIS_FAILURE"), "{err}");
    // A secret may come from a *_FILE variable.
    let cert_file = dir.join("cert");
    std::fs::write(&cert_file, format!("{CERT}\n")).unwrap();
    let s = Server::start(&[
        ("APP_ID".into(), APP_ID.into()),
        (
            "APP_CERTIFICATE_FILE".into(),
            cert_file.display().to_string(),
        ),
        ("LISTEN_ADDR".into(), "127.0.0.1:0".into()),
    ]);
    assert_eq!(s.get("/ping").status().as_u16(), 200);
}

/// Mints in a loop on four threads until stopped; counts failures and the
/// tokens each certificate signed.
struct Load {
    stop: Arc<AtomicBool>,
    failures: Arc<AtomicUsize>,
    by_new: Arc<AtomicUsize>,
    total: Arc<AtomicUsize>,
    threads: Vec<std::thread::JoinHandle<()>>,
}

impl Load {
    fn start(base: &str) -> Load {
        let stop = Arc::new(AtomicBool::new(false));
        let failures = Arc::new(AtomicUsize::new(0));
        let by_new = Arc::new(AtomicUsize::new(0));
        let total = Arc::new(AtomicUsize::new(0));
        let threads = (0..4)
            .map(|_| {
                let (stop, failures, by_new, total) = (
                    stop.clone(),
                    failures.clone(),
                    by_new.clone(),
                    total.clone(),
                );
                let url = format!("{base}/rtc/demo/publisher/uid/42/");
                std::thread::spawn(move || {
                    let client = reqwest::blocking::Client::new();
                    while !stop.load(Ordering::Relaxed) {
                        let ok = client
                            .get(&url)
                            .send()
                            .ok()
                            .filter(|r| r.status().as_u16() == 200)
                            .and_then(|r| r.json::<serde_json::Value>().ok());
                        total.fetch_add(1, Ordering::Relaxed);
                        let Some(body) = ok else {
                            failures.fetch_add(1, Ordering::Relaxed);
                            continue;
                        };
                        let token = body["rtcToken"].as_str().unwrap();
                        let v =
                            rtctoken::verify(token, &[CERT, CERT2], &Default::default()).unwrap();
                        match v.matched {
                            Some(0) => {}
                            Some(_) => {
                                by_new.fetch_add(1, Ordering::Relaxed);
                            }
                            None => {
                                failures.fetch_add(1, Ordering::Relaxed);
                            }
                        }
                    }
                })
            })
            .collect();
        Load {
            stop,
            failures,
            by_new,
            total,
            threads,
        }
    }

    fn wait_for_new(&self) {
        let start = Instant::now();
        while self.by_new.load(Ordering::Relaxed) < 50 {
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "the new certificate never signed"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn finish(self) -> (usize, usize) {
        self.stop.store(true, Ordering::Relaxed);
        for t in self.threads {
            t.join().unwrap();
        }
        (
            self.failures.load(Ordering::Relaxed),
            self.total.load(Ordering::Relaxed),
        )
    }
}

fn rotating_server(name: &str) -> (Server, std::path::PathBuf) {
    let dir = scratch(name);
    let certs = dir.join("certificates");
    std::fs::write(&certs, format!("# primary signs\n{CERT}\n")).unwrap();
    let mut env = base_env(&dir);
    env.retain(|(k, _)| k != "APP_CERTIFICATE");
    env.push(("APP_CERTIFICATE_FILE".into(), certs.display().to_string()));
    (Server::start(&env), certs)
}

#[test]
fn sighup_rotates_certificates_under_load_with_zero_failures() {
    let (s, certs) = rotating_server("sighup");
    let (_, old) = json(s.post_json("/v1/tokens", Some(SECRET_KEY), &json!({"kind": "chat"})));
    let load = Load::start(&s.base);
    std::thread::sleep(Duration::from_millis(300));
    // The console's rotation: the new certificate becomes primary, the old one stays to verify.
    std::fs::write(&certs, format!("{CERT2}\n{CERT}\n")).unwrap();
    s.signal("HUP");
    load.wait_for_new();
    std::thread::sleep(Duration::from_millis(200));
    let (failures, total) = load.finish();
    assert_eq!(failures, 0, "{failures} of {total} requests failed");
    assert!(total > 100, "{total}");
    // Tokens from before the rotation still verify, against the secondary.
    let (_, body) = json(s.post_json(
        "/v1/tokens/verify",
        Some(SECRET_KEY),
        &json!({"token": old["token"]}),
    ));
    assert_eq!(body["valid"], true, "{body}");
    s.wait_log("\"trigger\":\"SIGHUP\"");
    let logs = s.log_text();
    assert!(!logs.contains(CERT) && !logs.contains(CERT2));

    // A broken file keeps the certificates in use.
    std::fs::write(&certs, "not-a-certificate\n").unwrap();
    s.signal("HUP");
    s.wait_log("certificate reload failed");
    let (_, body) = json(s.get("/rtc/demo/publisher/uid/42/"));
    let v = rtctoken::verify(
        body["rtcToken"].as_str().unwrap(),
        &[CERT2],
        &Default::default(),
    )
    .unwrap();
    assert_eq!(v.matched, Some(0));
}

#[test]
fn a_changed_certificate_file_is_reloaded_without_a_signal() {
    let (s, certs) = rotating_server("watch");
    let load = Load::start(&s.base);
    std::fs::write(&certs, format!("{CERT2}\n{CERT}\n")).unwrap();
    load.wait_for_new();
    let (failures, total) = load.finish();
    assert_eq!(failures, 0, "{failures} of {total}");
    s.wait_log("certificate file changed");
}

#[test]
fn sigterm_drains_a_request_in_flight() {
    let s = Server::start(&base_env(&scratch("drain")));
    let addr = s.base.trim_start_matches("http://").to_owned();
    let body = r#"{"kind":"chat"}"#;
    let mut conn = TcpStream::connect(&addr).unwrap();
    write!(
        conn,
        "POST /v1/tokens HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {SECRET_KEY}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{}",
        body.len(),
        &body[..5]
    )
    .unwrap();
    conn.flush().unwrap();
    std::thread::sleep(Duration::from_millis(200));
    s.signal("TERM");
    s.wait_log("shutting down");
    // The rest of the body arrives after SIGTERM; the answer is still whole.
    conn.write_all(&body.as_bytes()[5..]).unwrap();
    let mut answer = String::new();
    conn.read_to_string(&mut answer).unwrap();
    assert!(answer.starts_with("HTTP/1.1 201"), "{answer}");
    assert!(answer.contains("\"token\":\"007"), "{answer}");
    let mut s = s;
    let status = s.child.wait().unwrap();
    assert!(status.success(), "{status:?}");
    s.wait_log("drained");
    assert!(
        TcpStream::connect(&addr).is_err(),
        "still accepting after shutdown"
    );
}
