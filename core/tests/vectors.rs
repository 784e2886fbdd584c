//! Replays every case of `tests/vectors/*.json` (the public reference's
//! outputs); a call this harness does not know fails the test.

use std::path::PathBuf;

use rtctoken::catalogue::{call_info, call_json};
use rtctoken::{parse, verify, Error, VerifyInput};
use serde_json::Value;

fn vectors(file: &str) -> Vec<Value> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/vectors")
        .join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let doc: Value = serde_json::from_str(&text).expect("vector file is JSON");
    doc["cases"].as_array().expect("cases").clone()
}

/// Runs one case; `Ok(json)` is compared with `expected`. Every builder
/// goes through the catalogue's one dispatch table.
fn run(call: &str, args: &Value) -> Result<Value, Error> {
    let text = |k: &str| {
        args[k]
            .as_str()
            .unwrap_or_else(|| panic!("arg {k} is not a string"))
    };
    match call {
        "parse" => parse(text("token")).map(|t| t.to_json()),
        "verify" => {
            let input = VerifyInput {
                channel_name: args["channel_name"].as_str(),
                uid: args["uid"].as_str(),
            };
            verify(text("token"), &[text("app_certificate")], &input)
                .map(|v| serde_json::json!({"valid": v.is_valid()}))
        }
        _ => {
            assert!(call_info(call).is_some(), "{call} is not in the catalogue");
            call_json(call, args).map(Value::String)
        }
    }
}

fn replay(file: &str) {
    let cases = vectors(file);
    assert!(!cases.is_empty());
    let mut failures = Vec::new();
    for case in &cases {
        let name = case["name"].as_str().unwrap();
        let call = case["call"].as_str().unwrap();
        let expected = &case["expected"];
        let got = match run(call, &case["args"]) {
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
