//! `parse`, `verify` and `inspect`: reading tokens back.

use napi::Either;
use napi_derive::napi;
use rtctoken::access_token::uid_text;
use rtctoken::{inspect, parse as core_parse, verify as core_verify, VerifyInput};

use crate::errors::{guard, NodeError};

/// Decodes any token into the core's JSON shape (`Token::to_json`), as JSON
/// text: one `JSON.parse` in JavaScript is cheaper than building the object
/// property by property through napi.
#[napi]
pub fn parse_json(token: String) -> Result<String, NodeError> {
    guard(|| core_parse(&token).map(|t| t.to_json().to_string()))
}

/// The outcome of `verify`.
#[napi(object)]
pub struct VerifyOutcome {
    /// Whether some certificate matched.
    pub valid: bool,
    /// Index of the first certificate that matched, if any.
    pub matched: Option<u32>,
}

/// Checks `token` against each certificate in turn. A numeric uid is the
/// 006 uid text (`0` = `""`) for 006 tokens and plain decimal otherwise.
#[napi]
pub fn verify(
    token: String,
    certificates: Vec<String>,
    channel_name: Option<String>,
    uid: Option<Either<u32, String>>,
) -> Result<VerifyOutcome, NodeError> {
    let uid = uid.map(|u| match u {
        Either::A(n) => uid_text(n),
        Either::B(s) => s,
    });
    guard(|| {
        let certs: Vec<&str> = certificates.iter().map(String::as_str).collect();
        let input = VerifyInput {
            channel_name: channel_name.as_deref(),
            uid: uid.as_deref(),
        };
        core_verify(&token, &certs, &input).map(|v| VerifyOutcome {
            valid: v.is_valid(),
            matched: v.matched.map(|i| i as u32),
        })
    })
}

/// The core's inspection report as JSON text (the JS layer parses it).
#[napi]
pub fn inspect_json(token: String, now: Option<u32>) -> Result<String, NodeError> {
    guard(|| inspect::inspect_json(&token, now))
}

/// Benchmarks only: the core's parse `iterations` times (its version, to
/// keep the result alive), so that one timing is the core alone.
#[cfg(feature = "bench")]
#[napi(skip_typescript)]
pub fn parse_core_loop(iterations: u32, token: String) -> Result<String, NodeError> {
    let mut version = "";
    for _ in 0..iterations {
        version = guard(|| core_parse(&token))?.version();
    }
    Ok(version.to_owned())
}

/// Benchmarks only: parse built as a JavaScript object through napi's
/// serde (no JSON text), to compare with `parse_json` + `JSON.parse`.
#[cfg(feature = "bench")]
#[napi(skip_typescript)]
pub fn parse_value(token: String) -> Result<serde_json::Value, NodeError> {
    guard(|| core_parse(&token).map(|t| t.to_json()))
}
