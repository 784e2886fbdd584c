//! The authenticated JSON API: mint (one or a batch), verify against every
//! configured certificate, inspect, and the session-access flow.

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::post;
use axum::{Extension, Router};
use rtctoken::access_token::uid_text;
use rtctoken::inspect::explain_verification;
use rtctoken::VerifyInput;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

use crate::app::{Caller, Shared};
use crate::certs::fingerprint;
use crate::error::{ApiError, V1Refusals};
use crate::extract::Json;
use crate::keys::Kind;
use crate::mint::{self, uid32, Minted, PrivilegeTtls, Role, Spec, User, Version, DEFAULT_TTL};

use super::mint_for;

pub fn router() -> Router<Shared> {
    Router::new()
        .route("/v1/tokens", post(create))
        .route("/v1/tokens/batch", post(batch))
        .route("/v1/tokens/verify", post(verify))
        .route("/v1/tokens/inspect", post(inspect))
        .route("/v1/session_access", post(session_access))
}

/// One token to mint.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TokenRequest {
    /// rtc, rtm or chat.
    kind: Kind,
    /// 007 (default), 006, or dk5 (DynamicKey5 media channel key).
    #[serde(default)]
    version: Version,
    /// The RTC channel (rtc only).
    channel: Option<String>,
    /// Numeric uid, 0..=4294967295 (0 = any user). Exactly one of uid and
    /// account for rtc; never guessed from text.
    #[schema(minimum = 0, maximum = 4294967295_u64)]
    uid: Option<u64>,
    /// User account (rtc), RTM user id (rtm), chat user (chat; absent = app token).
    account: Option<String>,
    /// rtc only.
    role: Option<Role>,
    /// Seconds the token lives.
    #[schema(default = json!(DEFAULT_TTL))]
    ttl: Option<u32>,
    /// 007 rtc publisher only: per-privilege lifetimes.
    privileges: Option<PrivilegeTtls>,
}

impl TokenRequest {
    fn spec(self) -> Result<Spec, ApiError> {
        let user = match (self.uid, self.account) {
            (Some(_), Some(_)) => {
                return Err(ApiError::invalid("uid and account: give one, not both"))
            }
            (Some(uid), None) => User::Uid(uid32("uid", uid)?),
            (None, Some(a)) => User::Account(a),
            (None, None) => User::Nobody,
        };
        Ok(Spec {
            kind: self.kind,
            version: self.version,
            channel: self.channel,
            user,
            role: self.role,
            ttl: self.ttl.unwrap_or(DEFAULT_TTL),
            privileges: self.privileges,
        })
    }
}

fn created<T: Serialize>(body: T) -> (StatusCode, axum::Json<T>) {
    (StatusCode::CREATED, axum::Json(body))
}

#[utoipa::path(post, path = "/v1/tokens", tag = "v1", request_body = TokenRequest,
    security(("bearer" = []), ("basic" = [])),
    responses(
        (status = 201, description = "minted", body = Minted), V1Refusals))]
pub async fn create(
    State(state): State<Shared>,
    Extension(caller): Extension<Caller>,
    Json(req): Json<TokenRequest>,
) -> Result<(StatusCode, axum::Json<Minted>), ApiError> {
    Ok(created(mint_for(&state, &caller, &req.spec()?)?))
}

/// Several tokens at once (e.g. RTC and RTM for one user), all or none.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BatchRequest {
    /// 1 to 8 token requests.
    tokens: Vec<TokenRequest>,
}

#[derive(Serialize, ToSchema)]
pub struct BatchResponse {
    tokens: Vec<Minted>,
}

const MAX_BATCH: usize = 8;

#[utoipa::path(post, path = "/v1/tokens/batch", tag = "v1", request_body = BatchRequest,
    security(("bearer" = []), ("basic" = [])),
    responses(
        (status = 201, description = "minted, in request order", body = BatchResponse), V1Refusals))]
pub async fn batch(
    State(state): State<Shared>,
    Extension(caller): Extension<Caller>,
    Json(req): Json<BatchRequest>,
) -> Result<(StatusCode, axum::Json<BatchResponse>), ApiError> {
    if req.tokens.is_empty() || req.tokens.len() > MAX_BATCH {
        return Err(ApiError::invalid(format!(
            "tokens: 1 to {MAX_BATCH} requests, got {}",
            req.tokens.len()
        )));
    }
    let specs = req
        .tokens
        .into_iter()
        .map(TokenRequest::spec)
        .collect::<Result<Vec<_>, _>>()?;
    if let Some(key) = &caller.0 {
        for s in &specs {
            key.allow(s.kind, s.channel.as_deref(), s.ttl, s.publishes())?;
        }
    }
    let tokens = specs
        .iter()
        .map(|s| mint_for(&state, &caller, s))
        .collect::<Result<_, _>>()?;
    Ok(created(BatchResponse { tokens }))
}

/// A token to check; 006 and the legacy keys sign a channel and uid they do
/// not carry, so those need them.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct VerifyRequest {
    token: String,
    channel: Option<String>,
    /// The uid as a number, or as the text the token signs (an account).
    #[schema(value_type = Object)]
    uid: Option<Value>,
}

#[derive(Serialize, ToSchema)]
pub struct VerifyResponse {
    /// Signed by a configured certificate, for this app, for the channel and
    /// uid given, and not expired.
    valid: bool,
    /// Fingerprint of the certificate that signed it (never the certificate).
    matched_certificate: Option<String>,
    /// Why it is not valid (the first reason), or null.
    reason: Option<String>,
    reasons: Vec<String>,
    notes: Vec<String>,
    version: &'static str,
    app_id: String,
    channel: Option<String>,
    issued_at: Option<u64>,
    expires_at: Option<u64>,
    expired: bool,
}

#[utoipa::path(post, path = "/v1/tokens/verify", tag = "v1", request_body = VerifyRequest,
    security(("bearer" = []), ("basic" = [])),
    responses(
        (status = 200, description = "the verdict", body = VerifyResponse), V1Refusals))]
pub async fn verify(
    State(state): State<Shared>,
    Json(req): Json<VerifyRequest>,
) -> Result<axum::Json<VerifyResponse>, ApiError> {
    let uid = match req.uid {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s),
        Some(Value::Number(n)) => {
            let n = n.as_u64().ok_or_else(|| {
                ApiError::invalid(format!("uid must be in 0..=4294967295, got {n}"))
            })?;
            Some(uid_text(uid32("uid", n)?))
        }
        Some(other) => {
            return Err(ApiError::invalid(format!(
                "uid must be text or a number, got {other}"
            )))
        }
    };
    let certs = state.certs.load();
    let all = certs.all();
    let input = VerifyInput {
        channel_name: req.channel.as_deref(),
        uid: uid.as_deref(),
    };
    let report = explain_verification(&req.token, &all, &input).map_err(ApiError::from_core)?;
    let seen = rtctoken::inspect::inspect(&req.token, None).map_err(ApiError::from_core)?;
    let mut reasons = report.reasons.clone();
    if seen.app_id != state.config.app_id {
        reasons.insert(
            0,
            format!("the token is for app ID {}, not this server's", seen.app_id),
        );
    }
    let now = u64::from(seen.now);
    let expires_at = seen.expires.as_ref().map(|t| t.unix);
    let expired = expires_at.is_some_and(|e| e <= now);
    if expired {
        reasons.push("the token has expired".to_owned());
    }
    let matched_certificate = report.matched.map(|i| fingerprint(all[i]));
    tracing::info!(token = %fingerprint(&req.token), valid = reasons.is_empty() && report.matched.is_some(), "verified");
    Ok(axum::Json(VerifyResponse {
        valid: report.matched.is_some() && reasons.is_empty(),
        matched_certificate,
        reason: reasons.first().cloned(),
        reasons,
        notes: report.notes,
        version: seen.version,
        app_id: seen.app_id,
        channel: seen.channel_name,
        issued_at: seen.issued.map(|t| t.unix),
        expires_at,
        expired,
    }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InspectRequest {
    token: String,
}

#[utoipa::path(post, path = "/v1/tokens/inspect", tag = "v1", request_body = InspectRequest,
    security(("bearer" = []), ("basic" = [])),
    responses(
        (status = 200, description = "the core's inspect JSON (cli/SCHEMA.md)", body = Object), V1Refusals))]
pub async fn inspect(Json(req): Json<InspectRequest>) -> Result<axum::Json<Value>, ApiError> {
    let value = rtctoken::inspect::inspect_value(&req.token, None).map_err(ApiError::from_core)?;
    Ok(axum::Json(value))
}

/// The session-access request (the secret-key flow of Aircore's document).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SessionAccessRequest {
    user_id: String,
    channel_id: String,
    /// Seconds the token lives.
    token_lifetime: u32,
    services: SessionServices,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SessionServices {
    media: MediaAccess,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MediaAccess {
    allow_publish_audio: bool,
    allow_publish_video: bool,
}

#[derive(Serialize, ToSchema)]
pub struct SessionAccessResponse {
    token: String,
    expires_at: u64,
}

#[utoipa::path(post, path = "/v1/session_access", tag = "v1", request_body = SessionAccessRequest,
    security(("bearer" = []), ("basic" = [])),
    responses(
        (status = 200, description = "an RTC token whose publish privileges follow the allow flags", body = SessionAccessResponse), V1Refusals))]
pub async fn session_access(
    State(state): State<Shared>,
    Extension(caller): Extension<Caller>,
    Json(req): Json<SessionAccessRequest>,
) -> Result<axum::Json<SessionAccessResponse>, ApiError> {
    let media = &req.services.media;
    let publishes = media.allow_publish_audio || media.allow_publish_video;
    if let Some(key) = &caller.0 {
        key.allow(
            Kind::Rtc,
            Some(&req.channel_id),
            req.token_lifetime,
            publishes,
        )?;
    }
    let m = mint::session_token(
        &state.config.app_id,
        &state.certs.load(),
        &req.channel_id,
        &req.user_id,
        req.token_lifetime,
        media.allow_publish_audio,
        media.allow_publish_video,
    )?;
    Ok(axum::Json(SessionAccessResponse {
        token: m.token,
        expires_at: m.expires_at,
    }))
}
