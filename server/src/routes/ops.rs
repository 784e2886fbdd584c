//! Health, readiness, metrics and the OpenAPI document: never rate limited,
//! so probes and scrapers are not refused under load.

use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{json, Value};

use crate::app::Shared;

pub fn router() -> Router<Shared> {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .route("/metrics", get(metrics))
        .route("/openapi.json", get(openapi))
}

#[utoipa::path(get, path = "/healthz", tag = "operations",
    responses((status = 200, description = "the process serves", body = Object)))]
pub async fn healthz() -> Json<Value> {
    Json(json!({ "status": "ok" }))
}

#[utoipa::path(get, path = "/readyz", tag = "operations",
    responses(
        (status = 200, description = "ready for traffic", body = Object),
        (status = 503, description = "the shared rate-limit store is not connected and fails closed", body = Object)))]
pub async fn readyz(State(state): State<Shared>) -> impl IntoResponse {
    let fail_closed = state.config.redis_failure == crate::config::RedisFailure::Closed;
    if fail_closed && !state.limits.store_ready() {
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(json!({ "status": "waiting for the rate-limit store" })),
        );
    }
    (StatusCode::OK, Json(json!({ "status": "ready" })))
}

#[utoipa::path(get, path = "/metrics", tag = "operations",
    responses((status = 200, description = "Prometheus text format", content_type = "text/plain", body = String)))]
pub async fn metrics(State(state): State<Shared>) -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/plain; version=0.0.4")],
        state.metrics.render(),
    )
}

#[utoipa::path(get, path = "/openapi.json", tag = "operations",
    responses((status = 200, description = "this document", body = Object)))]
pub async fn openapi() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "application/json")],
        crate::openapi::document(),
    )
}
