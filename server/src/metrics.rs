//! Prometheus metrics: requests by route and status, latency, tokens issued,
//! refusals, and the certificates in use by fingerprint (never the secret).

use std::sync::Mutex;
use std::time::Instant;

use axum::extract::{MatchedPath, Request};
use axum::middleware::Next;
use axum::response::Response;
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};

/// Installs the process-wide recorder; the handle renders `/metrics`. An
/// upkeep task folds histogram samples into their buckets every few
/// seconds: without it they pile up until the next scrape, so memory would
/// grow with traffic when nobody scrapes.
pub fn install() -> PrometheusHandle {
    let handle = PrometheusBuilder::new()
        .set_buckets_for_metric(
            Matcher::Full("http_request_duration_seconds".into()),
            &[
                0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1.0,
            ],
        )
        .expect("static bucket list is not empty")
        .install_recorder()
        .expect("the recorder is installed once, at startup");
    let upkeep = handle.clone();
    tokio::spawn(async move {
        loop {
            tokio::time::sleep(std::time::Duration::from_secs(5)).await;
            upkeep.run_upkeep();
        }
    });
    handle
}

/// Counts and times every request under its route template (never its path,
/// which holds user names and channels).
pub async fn track(req: Request, next: Next) -> Response {
    let route = req
        .extensions()
        .get::<MatchedPath>()
        // "/rtc/…/" and "/rtc/…" are one route.
        .map_or_else(|| "unmatched".to_owned(), |p| route_name(p.as_str()));
    let start = Instant::now();
    let response = next.run(req).await;
    let status = response.status().as_u16().to_string();
    metrics::counter!("http_requests_total", "route" => route.clone(), "status" => status)
        .increment(1);
    metrics::histogram!("http_request_duration_seconds", "route" => route)
        .record(start.elapsed().as_secs_f64());
    response
}

fn route_name(template: &str) -> String {
    match template.strip_suffix('/') {
        Some(t) if !t.is_empty() => t.to_owned(),
        _ => template.to_owned(),
    }
}

pub fn token_issued(kind: &str, role: &str, version: &str) {
    metrics::counter!(
        "rtctoken_tokens_issued_total",
        "kind" => kind.to_owned(), "role" => role.to_owned(), "version" => version.to_owned()
    )
    .increment(1);
}

pub fn rate_limited(scope: &'static str) {
    metrics::counter!("rtctoken_rate_limited_total", "scope" => scope).increment(1);
}

pub fn auth_failed(reason: &'static str) {
    metrics::counter!("rtctoken_auth_failed_total", "reason" => reason).increment(1);
}

static SHOWN: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// `rtctoken_certificate_in_use{fingerprint, position}` is 1 for each
/// certificate loaded now (position 0 signs) and 0 for those replaced.
pub fn certificates_in_use(fingerprints: &[String]) {
    let mut shown = SHOWN.lock().unwrap_or_else(|p| p.into_inner());
    for (i, f) in shown.iter().enumerate() {
        metrics::gauge!("rtctoken_certificate_in_use", "fingerprint" => f.clone(), "position" => i.to_string()).set(0.0);
    }
    for (i, f) in fingerprints.iter().enumerate() {
        metrics::gauge!("rtctoken_certificate_in_use", "fingerprint" => f.clone(), "position" => i.to_string()).set(1.0);
    }
    *shown = fingerprints.to_vec();
}
