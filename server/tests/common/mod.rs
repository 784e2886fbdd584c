//! Starts the real `rtctoken-server` binary on a loopback port and talks
//! HTTP to it; the process is killed when the handle drops.

#![allow(dead_code)] // each test file uses its own part of this module

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use reqwest::blocking::{Client, Response};
use serde_json::Value;
use sha2::{Digest, Sha256};

pub const APP_ID: &str = "970CA35DE60C44645BBAE8A215061B33";
pub const CERT: &str = "5CFD2FD1755D40ECB72977518BE15D3B";
pub const CERT2: &str = "00112233445566778899AABBCCDDEEFF";
pub const SECRET_KEY: &str = "sk_test_0123456789abcdef";
pub const PUBLISHABLE_KEY: &str = "pk_test_web_fedcba9876543210";
pub const CUSTOMER_ID: &str = "cust-1";

/// A scratch directory under the target directory, unique per call.
pub fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!(
        "{name}-{}-{}",
        std::process::id(),
        Instant::now().elapsed().as_nanos() ^ rand_suffix()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn rand_suffix() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos()
}

/// The keys file every test uses: a secret key (also usable with Basic
/// auth) and a publishable key stored as its SHA-256, limited to rtc in
/// `lobby-*` channels for at most 600 s.
pub fn keys_file(dir: &std::path::Path) -> PathBuf {
    let hash = hex::encode(Sha256::digest(PUBLISHABLE_KEY.as_bytes()));
    let text = format!(
        "[[keys]]\nid = \"backend\"\nkey = \"{SECRET_KEY}\"\ncustomer_id = \"{CUSTOMER_ID}\"\nrole = \"secret\"\n\n\
         [[keys]]\nid = \"web\"\nsha256 = \"{hash}\"\nrole = \"publishable\"\nkinds = [\"rtc\"]\nchannel = \"lobby-.*\"\nmax_ttl = 600\n"
    );
    let path = dir.join("keys.toml");
    std::fs::write(&path, text).unwrap();
    path
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

pub struct Server {
    pub child: Child,
    pub base: String,
    pub logs: Arc<Mutex<Vec<String>>>,
    pub client: Client,
}

/// Settings for one test server: generous limits unless a test says otherwise.
pub fn base_env(dir: &std::path::Path) -> Vec<(String, String)> {
    [
        ("APP_ID", APP_ID.to_owned()),
        ("APP_CERTIFICATE", CERT.to_owned()),
        ("API_KEYS_FILE", keys_file(dir).display().to_string()),
        ("KEY_RATE_LIMIT", "10000:10000".to_owned()),
        ("IP_RATE_LIMIT", "10000:10000".to_owned()),
        ("LISTEN_ADDR", "127.0.0.1:0".to_owned()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect()
}

impl Server {
    pub fn start(env: &[(String, String)]) -> Server {
        Self::start_with_args(env, &[])
    }

    pub fn start_with_args(env: &[(String, String)], args: &[&str]) -> Server {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_rtctoken-server"));
        cmd.env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("RUST_LOG", "info")
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut child = cmd.spawn().expect("start rtctoken-server");
        let stdout = child.stdout.take().unwrap();
        let logs = Arc::new(Mutex::new(Vec::new()));
        let (tx, rx) = std::sync::mpsc::channel();
        let sink = logs.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if let Ok(v) = serde_json::from_str::<Value>(&line) {
                    if v["message"] == "listening" {
                        let _ = tx.send(v["addr"].as_str().unwrap().to_owned());
                    }
                }
                sink.lock().unwrap().push(line);
            }
        });
        let stderr = child.stderr.take().unwrap();
        let sink = logs.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                sink.lock().unwrap().push(line);
            }
        });
        let addr = rx
            .recv_timeout(Duration::from_secs(30))
            .unwrap_or_else(|_| panic!("server did not start: {:?}", logs.lock().unwrap()));
        Server {
            child,
            base: format!("http://{addr}"),
            logs,
            client: Client::builder()
                .timeout(Duration::from_secs(20))
                .build()
                .unwrap(),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub fn get(&self, path: &str) -> Response {
        self.client.get(self.url(path)).send().unwrap()
    }

    pub fn post_json(&self, path: &str, key: Option<&str>, body: &Value) -> Response {
        let mut req = self.client.post(self.url(path)).json(body);
        if let Some(k) = key {
            req = req.bearer_auth(k);
        }
        req.send().unwrap()
    }

    pub fn signal(&self, name: &str) {
        let ok = Command::new("kill")
            .args([&format!("-{name}"), &self.child.id().to_string()])
            .status()
            .unwrap()
            .success();
        assert!(ok, "kill -{name}");
    }

    /// Waits (up to 10 s) until the logs contain `needle`.
    pub fn wait_log(&self, needle: &str) {
        let start = Instant::now();
        while !self.log_text().contains(needle) {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "{needle:?} never logged:\n{}",
                self.log_text()
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    pub fn log_text(&self) -> String {
        self.logs.lock().unwrap().join("\n")
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Status and JSON body.
pub fn json(res: Response) -> (u16, Value) {
    let status = res.status().as_u16();
    let body = res.json().unwrap_or(Value::Null);
    (status, body)
}

/// Asserts the error body's shape and code, and returns its message.
pub fn assert_error(status: u16, body: &Value, want_status: u16, want_code: &str) -> String {
    assert_eq!(status, want_status, "{body}");
    assert_eq!(body["code"], want_code, "{body}");
    assert!(body["details"].is_object(), "{body}");
    let message = body["message"].as_str().unwrap().to_owned();
    assert!(!message.is_empty());
    message
}

/// Checks a token with the core: signed by `cert` and decodable.
pub fn assert_signed(token: &str, cert: &str, channel: Option<&str>, uid: Option<&str>) -> Value {
    let input = rtctoken::VerifyInput {
        channel_name: channel,
        uid,
    };
    let v = rtctoken::verify(token, &[cert], &input).unwrap();
    assert_eq!(
        v.matched,
        Some(0),
        "token not signed by the expected certificate"
    );
    rtctoken::inspect::inspect_value(token, None).unwrap()
}
