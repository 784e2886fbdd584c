//! The one error body every route answers with: `{code, message, details}`,
//! one stable code per status so clients can branch on either.

use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use serde_json::{json, Value};
use utoipa::ToSchema;

/// A refusal: its status, the stable code for that status, a message naming
/// the field and the rule, and machine-readable details.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub message: String,
    pub details: Value,
}

/// The JSON body of every error (documented in the OpenAPI document).
#[derive(Serialize, ToSchema)]
pub struct ErrorBody {
    /// Stable code, one per status (see [`code_for`]).
    pub code: &'static str,
    /// What was wrong, naming the field and the rule.
    pub message: String,
    /// Machine-readable context (e.g. the core's error `kind`, `retry_after`).
    #[schema(value_type = Object)]
    pub details: Value,
}

/// The refusals every compatible route may answer (OpenAPI).
#[derive(utoipa::IntoResponses)]
#[allow(dead_code)] // read by the OpenAPI derive only
pub enum CompatRefusals {
    /// Bad input (every refusal of the original's routes is a 400).
    #[response(status = 400)]
    BadRequest(ErrorBody),
    /// A key is required (`COMPAT_REQUIRE_KEY`) or the one given is wrong.
    #[response(status = 401)]
    Unauthorized(ErrorBody),
    /// The key's policy refuses the request.
    #[response(status = 403)]
    Forbidden(ErrorBody),
    /// Over the rate limit.
    #[response(status = 429)]
    RateLimited(ErrorBody),
}

/// The refusals every `/v1` route may answer (OpenAPI).
#[derive(utoipa::IntoResponses)]
#[allow(dead_code)] // read by the OpenAPI derive only
pub enum V1Refusals {
    /// Malformed JSON.
    #[response(status = 400)]
    BadRequest(ErrorBody),
    /// Missing or wrong key.
    #[response(status = 401)]
    Unauthorized(ErrorBody),
    /// The key's policy refuses the request.
    #[response(status = 403)]
    Forbidden(ErrorBody),
    /// The body is too large.
    #[response(status = 413)]
    PayloadTooLarge(ErrorBody),
    /// The body is not `application/json`.
    #[response(status = 415)]
    UnsupportedMediaType(ErrorBody),
    /// A wrong type, an unknown field, or a field breaking a rule (`details.kind` holds the core's kind).
    #[response(status = 422)]
    InvalidInput(ErrorBody),
    /// Over the rate limit.
    #[response(status = 429)]
    RateLimited(ErrorBody),
}

/// The stable code of each status this server answers with.
pub fn code_for(status: StatusCode) -> &'static str {
    match status.as_u16() {
        400 => "bad_request",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not_found",
        405 => "method_not_allowed",
        413 => "payload_too_large",
        415 => "unsupported_media_type",
        422 => "invalid_input",
        429 => "rate_limited",
        503 => "unavailable",
        _ => "internal",
    }
}

impl ApiError {
    pub fn new(status: StatusCode, message: impl Into<String>) -> Self {
        ApiError {
            status,
            message: message.into(),
            details: json!({}),
        }
    }

    pub fn with_details(mut self, details: Value) -> Self {
        self.details = details;
        self
    }

    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, message)
    }

    pub fn invalid(message: impl Into<String>) -> Self {
        Self::new(StatusCode::UNPROCESSABLE_ENTITY, message)
    }

    pub fn unauthorized(message: impl Into<String>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, message)
    }

    pub fn forbidden(message: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, message)
    }

    pub fn internal() -> Self {
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal error; the request id in the logs tells what happened",
        )
    }

    /// A core refusal as a 422 whose details carry the core's stable kind.
    /// Core messages never contain a certificate (the core guarantees it).
    pub fn from_core(e: rtctoken::Error) -> Self {
        if e.kind() == rtctoken::ErrorKind::Internal {
            tracing::error!(kind = %e.kind(), "core reported an internal error");
            return Self::internal();
        }
        Self::invalid(e.message().to_owned()).with_details(json!({ "kind": e.kind().as_str() }))
    }

    /// The same error with `status` as a compatible route answers it: every
    /// refusal of the agora-token-service routes is a 400.
    pub fn compat(mut self) -> Self {
        if self.status == StatusCode::UNPROCESSABLE_ENTITY {
            self.status = StatusCode::BAD_REQUEST;
        }
        self
    }

    pub fn body(&self) -> ErrorBody {
        ErrorBody {
            code: code_for(self.status),
            message: self.message.clone(),
            details: self.details.clone(),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, Json(self.body())).into_response()
    }
}

impl From<JsonRejection> for ApiError {
    fn from(r: JsonRejection) -> Self {
        let status = match &r {
            JsonRejection::JsonDataError(_) => StatusCode::UNPROCESSABLE_ENTITY,
            JsonRejection::JsonSyntaxError(_) => StatusCode::BAD_REQUEST,
            JsonRejection::MissingJsonContentType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            other => other.status(),
        };
        let message = match &r {
            JsonRejection::MissingJsonContentType(_) => {
                "the body must be JSON with Content-Type: application/json".to_owned()
            }
            // serde's text names the field and the expected type.
            other => format!(
                "body: {}",
                std::error::Error::source(other)
                    .map_or_else(|| other.body_text(), |s| s.to_string())
            ),
        };
        Self::new(status, message)
    }
}

impl From<PathRejection> for ApiError {
    fn from(r: PathRejection) -> Self {
        Self::bad_request(format!("path: {}", r.body_text()))
    }
}

impl From<QueryRejection> for ApiError {
    fn from(r: QueryRejection) -> Self {
        Self::bad_request(format!("query: {}", r.body_text()))
    }
}
