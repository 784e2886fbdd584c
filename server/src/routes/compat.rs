//! agora-token-service's routes, same status codes, JSON keys and headers,
//! so its clients work unchanged. Where the original is wrong this does
//! better (see the README): both the slash and the slash-less form answer
//! 200 directly, a uid over 2^32-1 is a 400 instead of being cut to 32
//! bits, `expiry` is the token's lifetime in seconds, and `/getToken` takes
//! `uidType` to ask for a digits-only account explicitly.

use axum::extract::State;
use axum::routing::{get, post, MethodRouter};
use axum::{Extension, Json, Router};
use rtctoken::excerpt;
use serde::Deserialize;
use serde_json::{json, Value};
use utoipa::{IntoParams, ToSchema};

use crate::app::{Caller, Shared};
use crate::error::{ApiError, CompatRefusals};
use crate::extract::{Path, Query};
use crate::keys::Kind;
use crate::mint::{uid32, Role, Spec, User, Version, DEFAULT_TTL};

use super::mint_for;

pub fn router() -> Router<Shared> {
    let mut r = Router::new().route("/getToken", post(get_token));
    let gets: [(&str, MethodRouter<Shared>); 7] = [
        ("/ping", get(ping)),
        ("/rtc/{channelName}/{role}/{tokenType}/{uid}", get(rtc)),
        ("/rtm/{uid}", get(rtm)),
        ("/rte/{channelName}/{role}/{tokenType}/{rtcuid}", get(rte)),
        (
            "/rte/{channelName}/{role}/{tokenType}/{rtcuid}/{rtmuid}",
            get(rte_with_rtm_uid),
        ),
        ("/chat/app", get(chat_app)),
        ("/chat/account/{chatid}", get(chat_account)),
    ];
    for (path, handler) in gets {
        r = r
            .route(path, handler.clone())
            .route(&format!("{path}/"), handler);
    }
    r
}

/// `?expiry=` seconds (default one hour).
#[derive(Deserialize, IntoParams)]
pub struct Expiry {
    /// Token lifetime in seconds.
    #[param(default = json!(DEFAULT_TTL.to_string()))]
    expiry: Option<String>,
}

impl Expiry {
    fn ttl(&self) -> Result<u32, ApiError> {
        match self.expiry.as_deref() {
            None | Some("") => Ok(DEFAULT_TTL),
            Some(text) => text.parse::<u32>().map_err(|_| {
                ApiError::bad_request(format!(
                    "expiry must be whole seconds in 0..=4294967295, got {}",
                    excerpt(text)
                ))
            }),
        }
    }
}

fn role(text: &str) -> Role {
    // The original's rule: "publisher", anything else subscribes.
    if text == "publisher" {
        Role::Publisher
    } else {
        Role::Subscriber
    }
}

fn user(token_type: &str, uid: &str) -> Result<User, ApiError> {
    match token_type {
        "userAccount" => Ok(User::Account(uid.to_owned())),
        "uid" => {
            let n: u64 = uid.parse().map_err(|_| {
                ApiError::bad_request(format!(
                    "uid must be a decimal number for tokenType uid, got {}",
                    excerpt(uid)
                ))
            })?;
            Ok(User::Uid(uid32("uid", n).map_err(ApiError::compat)?))
        }
        other => Err(ApiError::bad_request(format!(
            "tokenType must be uid or userAccount, got {}",
            excerpt(other)
        ))),
    }
}

fn rtc_spec(
    channel: &str,
    role_text: &str,
    token_type: &str,
    uid: &str,
    ttl: u32,
) -> Result<Spec, ApiError> {
    Ok(Spec {
        kind: Kind::Rtc,
        version: Version::V007,
        channel: Some(channel.to_owned()),
        user: user(token_type, uid)?,
        role: Some(role(role_text)),
        ttl,
        privileges: None,
    })
}

fn rtm_spec(user_id: &str, ttl: u32) -> Result<Spec, ApiError> {
    if user_id.is_empty() || user_id == "0" {
        return Err(ApiError::bad_request(format!(
            "RTM user id cannot be empty or \"0\", got {user_id:?}"
        )));
    }
    Ok(Spec {
        kind: Kind::Rtm,
        version: Version::V007,
        channel: None,
        user: User::Account(user_id.to_owned()),
        role: None,
        ttl,
        privileges: None,
    })
}

fn chat_spec(user: User, ttl: u32) -> Spec {
    Spec {
        kind: Kind::Chat,
        version: Version::V007,
        channel: None,
        user,
        role: None,
        ttl,
        privileges: None,
    }
}

fn mint(state: &Shared, caller: &Caller, spec: &Spec) -> Result<String, ApiError> {
    mint_for(state, caller, spec)
        .map(|m| m.token)
        .map_err(ApiError::compat)
}

#[utoipa::path(get, path = "/ping", tag = "compatible",
    responses((status = 200, description = "alive", body = Object, example = json!({"message": "pong"}))))]
pub async fn ping() -> Json<Value> {
    Json(json!({ "message": "pong" }))
}

#[utoipa::path(get, path = "/rtc/{channelName}/{role}/{tokenType}/{uid}", tag = "compatible",
    params(
        ("channelName" = String, Path, description = "channel"),
        ("role" = String, Path, description = "publisher, or anything else for subscriber"),
        ("tokenType" = String, Path, description = "uid or userAccount"),
        ("uid" = String, Path, description = "numeric uid (0..=4294967295) or the account"),
        Expiry),
    responses(
        (status = 200, description = "an RTC token (007)", body = Object, example = json!({"rtcToken": "007eJ..."})), CompatRefusals))]
pub async fn rtc(
    State(state): State<Shared>,
    Extension(caller): Extension<Caller>,
    Path((channel, role, token_type, uid)): Path<(String, String, String, String)>,
    Query(q): Query<Expiry>,
) -> Result<Json<Value>, ApiError> {
    let spec = rtc_spec(&channel, &role, &token_type, &uid, q.ttl()?)?;
    Ok(Json(json!({ "rtcToken": mint(&state, &caller, &spec)? })))
}

#[utoipa::path(get, path = "/rtm/{uid}", tag = "compatible",
    params(("uid" = String, Path, description = "RTM user id (not empty, not \"0\")"), Expiry),
    responses(
        (status = 200, description = "an RTM token (007)", body = Object, example = json!({"rtmToken": "007eJ..."})), CompatRefusals))]
pub async fn rtm(
    State(state): State<Shared>,
    Extension(caller): Extension<Caller>,
    Path(uid): Path<String>,
    Query(q): Query<Expiry>,
) -> Result<Json<Value>, ApiError> {
    let spec = rtm_spec(&uid, q.ttl()?)?;
    Ok(Json(json!({ "rtmToken": mint(&state, &caller, &spec)? })))
}

fn both(
    state: &Shared,
    caller: &Caller,
    p: (String, String, String, String),
    rtm_uid: Option<String>,
    ttl: u32,
) -> Result<Json<Value>, ApiError> {
    let (channel, role, token_type, rtc_uid) = p;
    // The original's rule: the RTM user defaults to the RTC uid unless it is "0".
    let rtm_uid = rtm_uid.unwrap_or_else(|| {
        if rtc_uid == "0" {
            String::new()
        } else {
            rtc_uid.clone()
        }
    });
    let rtc = rtc_spec(&channel, &role, &token_type, &rtc_uid, ttl)?;
    let rtm = rtm_spec(&rtm_uid, ttl)?;
    Ok(Json(
        json!({ "rtcToken": mint(state, caller, &rtc)?, "rtmToken": mint(state, caller, &rtm)? }),
    ))
}

#[utoipa::path(get, path = "/rte/{channelName}/{role}/{tokenType}/{rtcuid}", tag = "compatible",
    params(
        ("channelName" = String, Path), ("role" = String, Path), ("tokenType" = String, Path),
        ("rtcuid" = String, Path, description = "RTC uid or account; also the RTM user id"), Expiry),
    responses(
        (status = 200, description = "RTC and RTM tokens", body = Object, example = json!({"rtcToken": "007eJ...", "rtmToken": "007eJ..."})), CompatRefusals))]
pub async fn rte(
    State(state): State<Shared>,
    Extension(caller): Extension<Caller>,
    Path(p): Path<(String, String, String, String)>,
    Query(q): Query<Expiry>,
) -> Result<Json<Value>, ApiError> {
    both(&state, &caller, p, None, q.ttl()?)
}

#[utoipa::path(get, path = "/rte/{channelName}/{role}/{tokenType}/{rtcuid}/{rtmuid}", tag = "compatible",
    params(
        ("channelName" = String, Path), ("role" = String, Path), ("tokenType" = String, Path),
        ("rtcuid" = String, Path), ("rtmuid" = String, Path, description = "RTM user id"), Expiry),
    responses(
        (status = 200, description = "RTC and RTM tokens", body = Object), CompatRefusals))]
pub async fn rte_with_rtm_uid(
    State(state): State<Shared>,
    Extension(caller): Extension<Caller>,
    Path((channel, role, token_type, rtc_uid, rtm_uid)): Path<(
        String,
        String,
        String,
        String,
        String,
    )>,
    Query(q): Query<Expiry>,
) -> Result<Json<Value>, ApiError> {
    both(
        &state,
        &caller,
        (channel, role, token_type, rtc_uid),
        Some(rtm_uid),
        q.ttl()?,
    )
}

#[utoipa::path(get, path = "/chat/app", tag = "compatible", params(Expiry),
    responses(
        (status = 200, description = "a chat app token", body = Object, example = json!({"chatToken": "007eJ..."})), CompatRefusals))]
pub async fn chat_app(
    State(state): State<Shared>,
    Extension(caller): Extension<Caller>,
    Query(q): Query<Expiry>,
) -> Result<Json<Value>, ApiError> {
    let spec = chat_spec(User::Nobody, q.ttl()?);
    Ok(Json(json!({ "chatToken": mint(&state, &caller, &spec)? })))
}

#[utoipa::path(get, path = "/chat/account/{chatid}", tag = "compatible",
    params(("chatid" = String, Path, description = "chat user id"), Expiry),
    responses(
        (status = 200, description = "a chat user token", body = Object, example = json!({"chatToken": "007eJ..."})), CompatRefusals))]
pub async fn chat_account(
    State(state): State<Shared>,
    Extension(caller): Extension<Caller>,
    Path(chat_id): Path<String>,
    Query(q): Query<Expiry>,
) -> Result<Json<Value>, ApiError> {
    let spec = chat_spec(User::Account(chat_id), q.ttl()?);
    Ok(Json(json!({ "chatToken": mint(&state, &caller, &spec)? })))
}

/// `POST /getToken`'s body.
#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct GetTokenBody {
    /// rtc, rtm or chat.
    token_type: String,
    channel: Option<String>,
    /// publisher, or anything else for subscriber (rtc).
    role: Option<String>,
    /// Text or number. For rtc a decimal text is a numeric uid unless
    /// `uidType` is `userAccount`.
    #[schema(value_type = Object)]
    uid: Option<Value>,
    /// uid or userAccount (rtc): says what `uid` is instead of guessing.
    uid_type: Option<String>,
    /// Lifetime in seconds (0 or absent: one hour).
    expire: Option<u64>,
}

#[utoipa::path(post, path = "/getToken", tag = "compatible", request_body = GetTokenBody,
    responses(
        (status = 200, description = "the token", body = Object, example = json!({"token": "007eJ..."})), CompatRefusals))]
pub async fn get_token(
    State(state): State<Shared>,
    Extension(caller): Extension<Caller>,
    body: axum::body::Bytes,
) -> Result<Json<Value>, ApiError> {
    // Like the original, the body is read as JSON whatever its Content-Type.
    let b: GetTokenBody =
        serde_json::from_slice(&body).map_err(|e| ApiError::bad_request(format!("body: {e}")))?;
    let ttl = match b.expire {
        None | Some(0) => DEFAULT_TTL,
        Some(s) => u32::try_from(s).map_err(|_| {
            ApiError::bad_request(format!(
                "expire must be at most 4294967295 seconds, got {s}"
            ))
        })?,
    };
    let uid = match &b.uid {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        Some(other) => {
            return Err(ApiError::bad_request(format!(
                "uid must be text or a number, got {}",
                excerpt(&other.to_string())
            )))
        }
    };
    let spec = match b.token_type.as_str() {
        "rtc" => {
            let channel = b
                .channel
                .filter(|c| !c.is_empty())
                .ok_or_else(|| ApiError::bad_request("channel: required for rtc"))?;
            if uid.is_empty() {
                return Err(ApiError::bad_request(
                    "uid: required for rtc (0 lets any user join)",
                ));
            }
            let token_type = match b.uid_type.as_deref() {
                Some(t) => t,
                None if uid.bytes().all(|c| c.is_ascii_digit()) => "uid",
                None => "userAccount",
            };
            rtc_spec(
                &channel,
                b.role.as_deref().unwrap_or(""),
                token_type,
                &uid,
                ttl,
            )?
        }
        "rtm" => rtm_spec(&uid, ttl)?,
        "chat" if uid.is_empty() => chat_spec(User::Nobody, ttl),
        "chat" => chat_spec(User::Account(uid), ttl),
        other => {
            return Err(ApiError::bad_request(format!(
                "tokenType must be rtc, rtm or chat, got {}",
                excerpt(other)
            )))
        }
    };
    Ok(Json(json!({ "token": mint(&state, &caller, &spec)? })))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_uid_is_quoted_only_in_part() {
        let long = "x".repeat(10_000);
        let e = user("uid", &long).err().unwrap();
        assert_eq!(
            e.message,
            format!(
                "uid must be a decimal number for tokenType uid, got {:?}… (10000 bytes)",
                "x".repeat(24)
            )
        );
        let e = user("uid", "0123456789abcdef0123456789ABCDEF")
            .err()
            .unwrap();
        assert!(
            e.message.ends_with("(not shown: it may be a secret)"),
            "{}",
            e.message
        );
        assert!(!e.message.contains("0123456789abcdef"));
    }
}
