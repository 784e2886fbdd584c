//! The shared state and the router with its middleware, outermost first:
//! request id → log span → panic catcher → CORS → no-cache headers →
//! metrics → timeout → (token routes only) auth and rate limits.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use axum::extract::{ConnectInfo, DefaultBodyLimit, Request, State};
use axum::http::{header, HeaderName, HeaderValue, Method, StatusCode};
use axum::middleware::{from_fn, from_fn_with_state, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;
use metrics_exporter_prometheus::PrometheusHandle;
use tower::ServiceBuilder;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

use crate::certs::CertStore;
use crate::config::Config;
use crate::error::ApiError;
use crate::keys::{ApiKey, KeyRing};
use crate::limits::{Limits, Scope};
use crate::routes;

/// Everything a handler reads.
pub struct AppState {
    pub config: Config,
    pub certs: CertStore,
    pub keys: KeyRing,
    pub limits: Limits,
    pub metrics: PrometheusHandle,
}

pub type Shared = Arc<AppState>;

/// The authenticated key, if the request carried one.
#[derive(Clone)]
pub struct Caller(pub Option<Arc<ApiKey>>);

static REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

pub fn router(state: Shared) -> Router {
    let guarded = routes::compat::router()
        .merge(routes::v1::router())
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(from_fn_with_state(state.clone(), guard));
    let timeout = state.config.request_timeout;
    Router::new()
        .merge(routes::ops::router())
        .merge(guarded)
        .layer(
            ServiceBuilder::new()
                .layer(SetRequestIdLayer::new(REQUEST_ID.clone(), MakeRequestUuid))
                .layer(PropagateRequestIdLayer::new(REQUEST_ID.clone()))
                .layer(
                    TraceLayer::new_for_http()
                        .make_span_with(span)
                        .on_response(on_response as fn(&_, _, &_)),
                )
                .layer(CatchPanicLayer::custom(panic_to_json))
                .layer(cors(&state.config))
                .layer(no_cache(
                    header::CACHE_CONTROL,
                    "private, no-cache, no-store, must-revalidate",
                ))
                .layer(no_cache(header::EXPIRES, "-1"))
                .layer(no_cache(header::PRAGMA, "no-cache"))
                .layer(from_fn(crate::metrics::track))
                .layer(from_fn(move |req, next| with_timeout(timeout, req, next)))
                .layer(DefaultBodyLimit::max(state.config.body_limit_bytes)),
        )
        .with_state(state)
}

/// A panicking handler answers 500 JSON; the process and its other
/// requests carry on. The panic text is logged, never sent.
fn panic_to_json(panic: Box<dyn std::any::Any + Send>) -> Response {
    let text = panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_default();
    tracing::error!(panic = %text, "handler panicked");
    ApiError::internal().into_response()
}

fn no_cache(name: HeaderName, value: &'static str) -> SetResponseHeaderLayer<HeaderValue> {
    SetResponseHeaderLayer::overriding(name, HeaderValue::from_static(value))
}

/// `CORS_ALLOW_ORIGIN`: `*` or a comma-separated allowlist. Unlike the
/// original, `Authorization` is allowed (keys travel in it) and a request
/// without `Origin` (curl, servers, mobile apps) is served, not refused.
fn cors(config: &Config) -> CorsLayer {
    let origin = match &config.cors_origins {
        None => AllowOrigin::any(),
        Some(list) => AllowOrigin::list(list.iter().filter_map(|o| HeaderValue::from_str(o).ok())),
    };
    CorsLayer::new()
        .allow_origin(origin)
        .allow_methods([Method::GET, Method::POST, Method::OPTIONS])
        .allow_headers([
            header::ORIGIN,
            header::CONTENT_TYPE,
            header::AUTHORIZATION,
            REQUEST_ID.clone(),
        ])
        .expose_headers([
            REQUEST_ID.clone(),
            HeaderName::from_static("x-ratelimit-limit"),
            HeaderName::from_static("x-ratelimit-remaining"),
            HeaderName::from_static("x-ratelimit-reset"),
            header::RETRY_AFTER,
        ])
}

/// The log span: method, route template (paths hold user names) and the
/// request id.
fn span(req: &Request) -> tracing::Span {
    let route = req
        .extensions()
        .get::<axum::extract::MatchedPath>()
        .map_or("unmatched", |p| p.as_str());
    let id = req
        .headers()
        .get(&REQUEST_ID)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    tracing::info_span!("request", method = %req.method(), route, request_id = id)
}

fn on_response<B>(res: &axum::http::Response<B>, latency: Duration, _: &tracing::Span) {
    tracing::info!(
        status = res.status().as_u16(),
        latency_us = latency.as_micros() as u64,
        "served"
    );
}

async fn with_timeout(limit: Duration, req: Request, next: Next) -> Response {
    match tokio::time::timeout(limit, next.run(req)).await {
        Ok(res) => res,
        Err(_) => ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            format!("the request took longer than {} ms", limit.as_millis()),
        )
        .into_response(),
    }
}

async fn not_found() -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, "no such route; see /openapi.json")
}

async fn method_not_allowed() -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "this route does not answer that method; see /openapi.json",
    )
}

/// The client's address: the socket peer, or with `TRUST_FORWARDED_FOR` the
/// address the last proxy appended to `X-Forwarded-For`.
fn client_ip(state: &AppState, req: &Request) -> IpAddr {
    let peer = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map_or(IpAddr::from([0, 0, 0, 0]), |c| c.0.ip());
    if !state.config.trust_forwarded_for {
        return peer;
    }
    req.headers()
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|a| a.trim().parse().ok())
        .next_back()
        .unwrap_or(peer)
}

/// Authentication and rate limits for every token route. Requests with a
/// valid key spend that key's budget, the others their IP's (wrong keys
/// included, so guessing keys is limited too).
async fn guard(State(state): State<Shared>, mut req: Request, next: Next) -> Response {
    let auth = state.keys.authenticate(req.headers());
    let (scope, who) = match &auth {
        Ok(Some(key)) => (Scope::Key, key.id.clone()),
        _ => (Scope::Ip, client_ip(&state, &req).to_string()),
    };
    let decision = match state.limits.check(scope, &who).await {
        Ok(d) => d,
        Err(_) => {
            return ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "the shared rate-limit store is unreachable",
            )
            .into_response()
        }
    };
    let mut res = if !decision.allowed {
        crate::metrics::rate_limited(scope.as_str());
        ApiError::new(StatusCode::TOO_MANY_REQUESTS, format!("rate limit of this {} exceeded; retry after {} s", scope.as_str(), decision.retry_after.max(1)))
            .with_details(serde_json::json!({ "retry_after": decision.retry_after.max(1), "scope": scope.as_str() }))
            .into_response()
    } else {
        let needs_key = req.uri().path().starts_with("/v1/") || state.config.compat_require_key;
        match auth {
            Err(e) => {
                crate::metrics::auth_failed("invalid");
                e.into_response()
            }
            Ok(None) if needs_key => {
                crate::metrics::auth_failed("missing");
                ApiError::unauthorized("an API key is required: Authorization: Bearer <key> or Basic <customer_id:secret>")
                    .into_response()
            }
            Ok(key) => {
                req.extensions_mut().insert(Caller(key));
                next.run(req).await
            }
        }
    };
    decision.write(res.headers_mut());
    if res.status() == StatusCode::UNAUTHORIZED {
        res.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            HeaderValue::from_static("Bearer, Basic realm=\"rtctoken\""),
        );
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;
    use axum::routing::get;
    use tower::ServiceExt;

    #[tokio::test]
    async fn a_panic_is_a_json_500() {
        async fn boom() -> &'static str {
            panic!("boom")
        }
        let app: Router = Router::new()
            .route("/boom", get(boom))
            .layer(CatchPanicLayer::custom(panic_to_json));
        let res = app
            .oneshot(Request::builder().uri("/boom").body(Body::empty()).unwrap())
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::INTERNAL_SERVER_ERROR);
        let bytes = axum::body::to_bytes(res.into_body(), 1024).await.unwrap();
        let body: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(body["code"], "internal");
        assert!(!body["message"].as_str().unwrap().contains("boom"));
    }
}
