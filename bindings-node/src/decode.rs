//! `parse`, `verify` and `inspect`: reading tokens back. The results
//! cross as tapes of the core's typed structs' serde forms (src/tape.rs),
//! with no JSON text in between.

use napi::{Env, JsUnknown};
use napi_derive::napi;
use rtctoken::{
    inspect, parse as core_parse, verify as core_verify, ErrorKind, Token, VerifyInput,
};

use crate::convert::{FromJs, Text};
use crate::errors::{guard, node_error, NodeError, NodeResult};
use crate::tape::Tape;

/// A failed napi call while reading arguments.
fn napi_failed(e: napi::Error) -> NodeError {
    node_error(ErrorKind::Internal, format!("napi: {}", e.reason))
}

/// Decodes any token into the core's serde shape (`Token`'s, the vectors'
/// `parse.json`).
#[napi(ts_return_type = "Record<string, any>")]
pub fn parse_tape(env: Env, token: JsUnknown) -> Result<Tape<Token>, NodeError> {
    let token = String::from_js(&env, token, "token")?;
    guard(|| core_parse(token.pass())).map(Tape)
}

/// Checks `token` against one certificate or an array of them (rotation);
/// the index of the first that matched, or -1. A numeric uid is read as the
/// core reads it for the token's format.
#[napi(
    ts_args_type = "token: string, certificates: string | string[], channelName?: string | null, uid?: number | string | null"
)]
pub fn verify(
    env: Env,
    token: JsUnknown,
    certificates: JsUnknown,
    channel_name: Option<JsUnknown>,
    uid: Option<JsUnknown>,
) -> Result<i64, NodeError> {
    let token = String::from_js(&env, token, "token")?;
    let certs = certificate_list(&env, certificates)?;
    let channel_name = channel_name
        .map(|c| String::from_js(&env, c, "channelName"))
        .transpose()?;
    let uid = uid.map(|u| uid_arg(&env, u)).transpose()?;
    guard(|| {
        let certs: Vec<&str> = certs.iter().map(Text::pass).collect();
        let input = VerifyInput {
            channel_name: channel_name.as_ref().map(Text::pass),
            uid: uid.as_deref(),
        };
        core_verify(token.pass(), &certs, &input).map(|v| v.matched.map_or(-1, |i| i as i64))
    })
}

/// One certificate or an array of them.
fn certificate_list(env: &Env, js: JsUnknown) -> NodeResult<Vec<Text>> {
    if !js.is_array().map_err(napi_failed)? {
        return Ok(vec![String::from_js(env, js, "appCertificate")?]);
    }
    let list = js.coerce_to_object().map_err(napi_failed)?;
    let len = list.get_array_length().map_err(napi_failed)?;
    (0..len)
        .map(|i| {
            let cert = list.get_element::<JsUnknown>(i).map_err(napi_failed)?;
            String::from_js(env, cert, "appCertificate")
        })
        .collect()
}

/// A uid as text: a string as is, a number as the core's uid text.
fn uid_arg(env: &Env, js: JsUnknown) -> NodeResult<String> {
    match js.get_type().map_err(napi_failed)? {
        napi::ValueType::Number => {
            u32::from_js(env, js, "uid").map(rtctoken::access_token::uid_text)
        }
        _ => String::from_js(env, js, "uid").map(|t| t.pass().to_owned()),
    }
}

/// The core's inspection report (its serde form).
#[napi(ts_return_type = "Record<string, any>")]
pub fn inspect_tape(
    token: String,
    now: Option<u32>,
) -> Result<Tape<inspect::Inspection>, NodeError> {
    guard(|| inspect::inspect(&token, now)).map(Tape)
}
