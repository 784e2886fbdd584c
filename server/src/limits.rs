//! GCRA rate limits per API key and per client IP: in-process (governor),
//! or shared by every replica through Redis (one atomic Lua script on the
//! Redis clock). An unreachable Redis fails open or closed as configured.

use std::num::NonZeroU32;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use arc_swap::ArcSwapOption;
use axum::http::{HeaderMap, HeaderValue};
use governor::clock::{Clock, DefaultClock};
use governor::middleware::StateInformationMiddleware;
use governor::state::keyed::DefaultKeyedStateStore;
use governor::RateLimiter;
use redis::aio::ConnectionManager;

use crate::config::{Quota, RedisFailure};

/// Which budget a request spends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    Key,
    Ip,
}

impl Scope {
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Key => "key",
            Scope::Ip => "ip",
        }
    }
}

/// The outcome of one check, with what the headers report.
#[derive(Clone, Copy, Debug)]
pub struct Decision {
    pub allowed: bool,
    pub limit: u32,
    pub remaining: u32,
    /// Seconds until the budget is full again.
    pub reset: u64,
    /// Seconds to wait before retrying (when refused).
    pub retry_after: u64,
}

impl Decision {
    /// `X-RateLimit-*` (and `Retry-After` when refused).
    pub fn write(&self, headers: &mut HeaderMap) {
        headers.insert("x-ratelimit-limit", HeaderValue::from(self.limit));
        headers.insert("x-ratelimit-remaining", HeaderValue::from(self.remaining));
        headers.insert("x-ratelimit-reset", HeaderValue::from(self.reset));
        if !self.allowed {
            headers.insert("retry-after", HeaderValue::from(self.retry_after.max(1)));
        }
    }
}

fn ceil_secs(d: Duration) -> u64 {
    d.as_secs() + u64::from(d.subsec_nanos() > 0)
}

type Keyed =
    RateLimiter<String, DefaultKeyedStateStore<String>, DefaultClock, StateInformationMiddleware>;

struct Local {
    limiter: Keyed,
    quota: Quota,
    clock: DefaultClock,
}

impl Local {
    fn new(q: Quota) -> Self {
        let burst = NonZeroU32::new(q.burst).expect("checked at startup");
        let quota = governor::Quota::with_period(Duration::from_secs_f64(1.0 / q.per_second))
            .expect("checked at startup: per_second > 0")
            .allow_burst(burst);
        Local {
            limiter: RateLimiter::keyed(quota).with_middleware::<StateInformationMiddleware>(),
            quota: q,
            clock: DefaultClock::default(),
        }
    }

    fn check(&self, key: &str) -> Decision {
        let period = 1.0 / self.quota.per_second;
        match self.limiter.check_key(&key.to_owned()) {
            Ok(snap) => {
                let remaining = snap.remaining_burst_capacity();
                Decision {
                    allowed: true,
                    limit: self.quota.burst,
                    remaining,
                    reset: ceil_secs(Duration::from_secs_f64(
                        period * f64::from(self.quota.burst - remaining),
                    )),
                    retry_after: 0,
                }
            }
            Err(not_until) => {
                let wait = not_until.wait_time_from(self.clock.now());
                Decision {
                    allowed: false,
                    limit: self.quota.burst,
                    remaining: 0,
                    reset: ceil_secs(
                        wait + Duration::from_secs_f64(period * f64::from(self.quota.burst - 1)),
                    ),
                    retry_after: ceil_secs(wait),
                }
            }
        }
    }
}

/// GCRA on the Redis clock: KEYS[1] holds the theoretical arrival time in
/// ms; ARGV = emission interval (ms), burst. Returns allowed, remaining,
/// reset ms, retry-after ms.
const GCRA: &str = r#"
local interval = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local tat = tonumber(redis.call('GET', KEYS[1]))
if not tat or tat < now then tat = now end
local new_tat = tat + interval
local allow_at = new_tat - interval * burst
if allow_at > now then
  return {0, 0, math.ceil(tat - now), math.ceil(allow_at - now)}
end
redis.call('SET', KEYS[1], tostring(new_tat), 'PX', math.ceil(new_tat - now))
return {1, math.floor((now - allow_at) / interval), math.ceil(new_tat - now), 0}
"#;

struct Shared {
    conn: ArcSwapOption<ConnectionManager>,
    script: redis::Script,
    failure: RedisFailure,
    /// Whether the last call failed (so an outage is logged once).
    down: AtomicBool,
}

impl Shared {
    async fn check(&self, key: &str, q: Quota) -> Option<Decision> {
        let mut conn = (*self.conn.load_full()?).clone();
        let interval = 1000.0 / q.per_second;
        let reply: redis::RedisResult<(i64, i64, i64, i64)> = self
            .script
            .key(format!("rtctoken:rl:{key}"))
            .arg(interval)
            .arg(q.burst)
            .invoke_async(&mut conn)
            .await;
        match reply {
            Ok((allowed, remaining, reset_ms, retry_ms)) => {
                if self.down.swap(false, Ordering::Relaxed) {
                    tracing::info!("rate-limit store reachable again; limits are shared again");
                }
                Some(Decision {
                    allowed: allowed == 1,
                    limit: q.burst,
                    remaining: u32::try_from(remaining.max(0)).unwrap_or(u32::MAX),
                    reset: u64::try_from(reset_ms.max(0)).unwrap_or(0).div_ceil(1000),
                    retry_after: u64::try_from(retry_ms.max(0)).unwrap_or(0).div_ceil(1000),
                })
            }
            Err(e) => {
                // Once per outage, not once per request.
                if !self.down.swap(true, Ordering::Relaxed) {
                    tracing::warn!(error = %e, on_failure = ?self.failure, "rate-limit store unreachable");
                }
                metrics::counter!("rtctoken_rate_limit_store_errors_total").increment(1);
                None
            }
        }
    }
}

/// Both budgets, in-process or shared.
pub struct Limits {
    key_quota: Quota,
    ip_quota: Quota,
    key_local: Local,
    ip_local: Local,
    shared: Option<Arc<Shared>>,
}

/// The result when the shared store is down and configured to fail closed.
pub struct StoreDown;

impl Limits {
    pub fn new(
        key_quota: Quota,
        ip_quota: Quota,
        redis_url: Option<&str>,
        failure: RedisFailure,
    ) -> Result<Self, crate::config::ConfigError> {
        let shared = match redis_url {
            None => None,
            Some(url) => {
                let client = redis::Client::open(url).map_err(|e| {
                    crate::config::ConfigError(format!("RATE_LIMIT_REDIS_URL: {e}"))
                })?;
                let shared = Arc::new(Shared {
                    conn: ArcSwapOption::empty(),
                    script: redis::Script::new(GCRA),
                    failure,
                    down: AtomicBool::new(false),
                });
                tokio::spawn(connect(client, shared.clone()));
                tracing::info!(on_failure = ?failure, "rate limits shared through Redis; when it is unreachable requests fail {}", match failure { RedisFailure::Open => "open (served unlimited)", RedisFailure::Closed => "closed (503)" });
                Some(shared)
            }
        };
        Ok(Limits {
            key_quota,
            ip_quota,
            key_local: Local::new(key_quota),
            ip_local: Local::new(ip_quota),
            shared,
        })
    }

    /// Spends one request of `who`'s budget in `scope`. With Redis down,
    /// fail-open falls back to this process's own limiter.
    pub async fn check(&self, scope: Scope, who: &str) -> Result<Decision, StoreDown> {
        let (quota, local) = match scope {
            Scope::Key => (self.key_quota, &self.key_local),
            Scope::Ip => (self.ip_quota, &self.ip_local),
        };
        let key = format!("{}:{who}", scope.as_str());
        if let Some(shared) = &self.shared {
            if let Some(d) = shared.check(&key, quota).await {
                return Ok(d);
            }
            if shared.failure == RedisFailure::Closed {
                return Err(StoreDown);
            }
        }
        Ok(local.check(&key))
    }

    /// Forgets idle keys so memory stays flat under many clients.
    pub fn forget_idle(&self) {
        self.key_local.limiter.retain_recent();
        self.ip_local.limiter.retain_recent();
    }

    /// Whether the shared store is connected (for `/readyz`).
    pub fn store_ready(&self) -> bool {
        self.shared.as_ref().is_none_or(|s| s.conn.load().is_some())
    }
}

/// Connects in the background (retrying each second) so an absent Redis at
/// startup does not stop the server; the manager reconnects by itself later.
async fn connect(client: redis::Client, shared: Arc<Shared>) {
    let config = redis::aio::ConnectionManagerConfig::new()
        .set_connection_timeout(Duration::from_millis(250))
        .set_response_timeout(Duration::from_millis(250))
        .set_number_of_retries(1);
    loop {
        match client
            .get_connection_manager_with_config(config.clone())
            .await
        {
            Ok(conn) => {
                shared.conn.store(Some(Arc::new(conn)));
                tracing::info!("connected to the shared rate-limit store");
                return;
            }
            Err(e) => {
                tracing::warn!(error = %e, "cannot reach the shared rate-limit store; retrying in 1 s");
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
        }
    }
}
