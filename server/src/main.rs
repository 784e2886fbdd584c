//! `rtctoken-server`: the token server on the rtctoken core. Startup reads
//! and checks every setting (exit 2 naming the bad one), then serves until
//! SIGTERM/SIGINT, draining requests in flight. SIGHUP and a change to the
//! certificate file reload the certificates.

mod app;
mod certs;
mod config;
mod error;
mod extract;
mod keys;
mod limits;
mod metrics;
mod mint;
mod openapi;
mod routes;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use clap::Parser;
use tokio::signal::unix::{signal, SignalKind};

use crate::app::AppState;
use crate::certs::CertStore;
use crate::config::{Config, ConfigError};
use crate::keys::KeyRing;
use crate::limits::Limits;

/// Agora-compatible token server (see server/README.md).
#[derive(Parser)]
#[command(version)]
struct Args {
    /// TOML configuration file; environment variables override it.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Serve on 127.0.0.1:8080 with the PUBLIC SAMPLE credentials (tokens
    /// the service refuses), to try the server.
    #[arg(long)]
    demo: bool,
    /// Print the OpenAPI document and exit.
    #[arg(long)]
    print_openapi: bool,
}

fn main() -> ExitCode {
    let args = Args::parse();
    if args.print_openapi {
        println!("{}", openapi::document());
        return ExitCode::SUCCESS;
    }
    tracing_subscriber::fmt()
        .json()
        .flatten_event(true)
        .with_current_span(true)
        .with_span_list(false)
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("RUST_LOG")
                .unwrap_or_else(|_| "info".into()),
        )
        .init();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("rtctoken-server: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(args)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("rtctoken-server: {e}");
            tracing::error!(error = %e, "startup failed");
            ExitCode::from(2)
        }
    }
}

async fn run(args: Args) -> Result<(), ConfigError> {
    let config = Config::load(args.config.as_ref(), &|k| std::env::var(k).ok(), args.demo)?;
    let metrics = metrics::install();
    let certs = CertStore::new(&config.certs)?;
    let keys = match &config.api_keys_file {
        Some(path) => KeyRing::load(path)?,
        None => KeyRing::default(),
    };
    let limits = Limits::new(
        config.key_rate_limit,
        config.ip_rate_limit,
        config.redis_url.as_deref(),
        config.redis_failure,
    )?;
    let listener = tokio::net::TcpListener::bind(config.listen)
        .await
        .map_err(|e| {
            ConfigError(format!(
                "LISTEN_ADDR / SERVER_PORT / PORT: cannot listen on {}: {e}",
                config.listen
            ))
        })?;
    let addr = listener
        .local_addr()
        .map_err(|e| ConfigError(format!("listener: {e}")))?;

    announce(&config, &keys, addr);
    let state = Arc::new(AppState {
        config,
        certs,
        keys,
        limits,
        metrics,
    });
    spawn_reloaders(state.clone());
    let idle = state.clone();
    tokio::spawn(async move {
        loop {
            tokio::time::sleep(Duration::from_secs(60)).await;
            idle.limits.forget_idle();
        }
    });

    let grace = state.config.shutdown_grace;
    let app = app::router(state).into_make_service_with_connect_info::<SocketAddr>();
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(async move {
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = stop_rx.await;
            })
            .await
    });
    shutdown_signal().await;
    tracing::info!(
        grace_ms = grace.as_millis() as u64,
        "shutting down: draining requests in flight"
    );
    let _ = stop_tx.send(());
    match tokio::time::timeout(grace, server).await {
        Ok(_) => tracing::info!("drained; bye"),
        Err(_) => tracing::warn!("grace period over; closing the remaining connections"),
    }
    Ok(())
}

fn announce(config: &Config, keys: &KeyRing, addr: SocketAddr) {
    tracing::info!(%addr, app_id = %config.app_id, api_keys = keys.len(), "listening");
    if config.compat_require_key {
        tracing::info!("compatible routes require an API key");
    } else {
        tracing::info!(
            per_second = config.ip_rate_limit.per_second,
            burst = config.ip_rate_limit.burst,
            "compatible routes are OPEN (no API key, as agora-token-service's clients expect), limited per client IP"
        );
    }
    if config.demo {
        eprintln!(
            "note: --demo signs with the PUBLIC SAMPLE credentials (app ID {}); the service refuses these tokens.\n\
             Fetch a token:\n  curl http://{addr}/rtc/demo/publisher/uid/42/",
            config::DEMO_APP_ID
        );
    }
}

/// SIGHUP and a change of the certificate file's contents (checked each
/// second) reload the certificates.
fn spawn_reloaders(state: Arc<AppState>) {
    let on_hup = state.clone();
    tokio::spawn(async move {
        let Ok(mut hup) = signal(SignalKind::hangup()) else {
            tracing::error!("cannot listen for SIGHUP; certificates reload on file changes only");
            return;
        };
        while hup.recv().await.is_some() {
            on_hup.certs.reload("SIGHUP");
        }
    });
    if !state.certs.has_file() {
        return;
    }
    tokio::spawn(async move {
        loop {
            tokio::time::sleep(Duration::from_secs(1)).await;
            state.certs.reload_if_changed();
        }
    });
}

async fn shutdown_signal() {
    let mut term = signal(SignalKind::terminate()).expect("SIGTERM handler");
    tokio::select! {
        _ = term.recv() => {}
        _ = tokio::signal::ctrl_c() => {}
    }
}
