//! Settings from a TOML file (`--config`), overridden by environment
//! variables (the legacy agora-token-service names included), with `*_FILE`
//! variants for secrets. Any missing or invalid setting is a [`ConfigError`]
//! naming it; `main` exits 2 on it.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use serde::Deserialize;

/// A setting that is missing or wrong; the text names the setting and never
/// holds its value when that value is a secret.
#[derive(Debug)]
pub struct ConfigError(pub String);

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn err<T>(message: impl Into<String>) -> Result<T, ConfigError> {
    Err(ConfigError(message.into()))
}

/// A GCRA quota: a sustained rate and the burst allowed on top of it.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Quota {
    pub per_second: f64,
    pub burst: u32,
}

/// What to do when the shared Redis limiter cannot be reached.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum RedisFailure {
    /// Serve the request unlimited (availability first).
    Open,
    /// Refuse it with 503 (protection first).
    Closed,
}

/// The TOML file's shape; every field is optional there.
#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileConfig {
    listen: Option<SocketAddr>,
    app_id: Option<String>,
    certificates: Option<Vec<String>>,
    certificate_file: Option<PathBuf>,
    cors_allow_origin: Option<String>,
    api_keys_file: Option<PathBuf>,
    compat_require_key: Option<bool>,
    trust_forwarded_for: Option<bool>,
    key_rate_limit: Option<Quota>,
    ip_rate_limit: Option<Quota>,
    rate_limit_redis_url: Option<String>,
    rate_limit_redis_failure: Option<RedisFailure>,
    body_limit_bytes: Option<usize>,
    request_timeout_ms: Option<u64>,
    shutdown_grace_ms: Option<u64>,
}

/// Where the certificates come from. No `Debug`: inline certificates are
/// secrets.
#[derive(Clone)]
pub enum CertSource {
    /// Given inline (environment or TOML): fixed for the process's life.
    Inline(Vec<String>),
    /// A file, one certificate a line, the first signing: reloaded on SIGHUP
    /// and when it changes.
    File(PathBuf),
}

/// The server's whole configuration, checked. No `Debug`: it holds
/// certificates (and a Redis URL may hold a password).
pub struct Config {
    pub listen: SocketAddr,
    pub app_id: String,
    pub certs: CertSource,
    /// `None` = any origin (`*`).
    pub cors_origins: Option<Vec<String>>,
    pub api_keys_file: Option<PathBuf>,
    pub compat_require_key: bool,
    pub trust_forwarded_for: bool,
    pub key_rate_limit: Quota,
    pub ip_rate_limit: Quota,
    pub redis_url: Option<String>,
    pub redis_failure: RedisFailure,
    pub body_limit_bytes: usize,
    pub request_timeout: Duration,
    pub shutdown_grace: Duration,
    pub demo: bool,
}

/// Public sample credentials of the vendor's reference tests, for `--demo`
/// only; the service refuses their tokens.
pub const DEMO_APP_ID: &str = "970CA35DE60C44645BBAE8A215061B33";
/// `--demo` certificate (public for the same reason, still never printed).
pub const DEMO_APP_CERTIFICATE: &str = "5CFD2FD1755D40ECB72977518BE15D3B";

/// Reads the environment through a function so tests can give their own.
pub type Env<'a> = &'a dyn Fn(&str) -> Option<String>;

/// `NAME`, else the contents of the file named by `NAME_FILE` (trimmed).
fn secret(env: Env, name: &str) -> Result<Option<String>, ConfigError> {
    if let Some(v) = env(name).filter(|v| !v.trim().is_empty()) {
        return Ok(Some(v.trim().to_owned()));
    }
    match env(&format!("{name}_FILE")) {
        Some(path) => match std::fs::read_to_string(&path) {
            Ok(text) => Ok(Some(text.trim().to_owned())),
            Err(e) => err(format!("{name}_FILE: cannot read {path:?}: {e}")),
        },
        None => Ok(None),
    }
}

fn parse_env<T: std::str::FromStr>(env: Env, name: &str) -> Result<Option<T>, ConfigError>
where
    T::Err: std::fmt::Display,
{
    match env(name) {
        Some(v) => v
            .trim()
            .parse()
            .map(Some)
            .map_err(|e| ConfigError(format!("{name}: {e} (got {v:?})"))),
        None => Ok(None),
    }
}

fn parse_bool(env: Env, name: &str) -> Result<Option<bool>, ConfigError> {
    match env(name).as_deref().map(str::trim) {
        None => Ok(None),
        Some("1" | "true" | "yes") => Ok(Some(true)),
        Some("0" | "false" | "no") => Ok(Some(false)),
        Some(v) => err(format!("{name}: must be true or false, got {v:?}")),
    }
}

/// `PER_SECOND:BURST`, e.g. `10:20`.
fn parse_quota(env: Env, name: &str) -> Result<Option<Quota>, ConfigError> {
    let Some(v) = env(name) else { return Ok(None) };
    let bad = || {
        ConfigError(format!(
            "{name}: must be PER_SECOND:BURST, e.g. 10:20, got {v:?}"
        ))
    };
    let (rate, burst) = v.trim().split_once(':').ok_or_else(bad)?;
    Ok(Some(Quota {
        per_second: rate.parse().map_err(|_| bad())?,
        burst: burst.parse().map_err(|_| bad())?,
    }))
}

fn check_quota(name: &str, q: Quota) -> Result<Quota, ConfigError> {
    if !(q.per_second.is_finite() && q.per_second > 0.0) || q.burst == 0 {
        return err(format!(
            "{name}: per_second must be above 0 and burst at least 1, got {}:{}",
            q.per_second, q.burst
        ));
    }
    Ok(q)
}

const DEFAULT_PORT: u16 = 8080;

impl Config {
    /// Reads `file` (if given) and then the environment, which wins.
    pub fn load(file: Option<&PathBuf>, env: Env, demo: bool) -> Result<Config, ConfigError> {
        let f: FileConfig = match file {
            Some(path) => {
                let text = std::fs::read_to_string(path)
                    .map_err(|e| ConfigError(format!("--config: cannot read {path:?}: {e}")))?;
                toml::from_str(&text)
                    .map_err(|e| ConfigError(format!("--config {path:?}: {}", e.message())))?
            }
            None => FileConfig::default(),
        };

        let port: Option<u16> = match parse_env(env, "SERVER_PORT")? {
            Some(p) => Some(p),
            None => parse_env(env, "PORT")?,
        };
        let listen = match (parse_env::<SocketAddr>(env, "LISTEN_ADDR")?, port, f.listen) {
            (Some(a), _, _) => a,
            (None, Some(p), _) => SocketAddr::from(([0, 0, 0, 0], p)),
            (None, None, Some(a)) => a,
            (None, None, None) if demo => SocketAddr::from(([127, 0, 0, 1], DEFAULT_PORT)),
            (None, None, None) => SocketAddr::from(([0, 0, 0, 0], DEFAULT_PORT)),
        };

        let (app_id, certs) = if demo {
            (
                DEMO_APP_ID.to_owned(),
                CertSource::Inline(vec![DEMO_APP_CERTIFICATE.to_owned()]),
            )
        } else {
            let app_id = secret(env, "APP_ID")?.or(f.app_id).ok_or_else(|| {
                ConfigError("APP_ID: missing (set APP_ID, APP_ID_FILE or app_id in --config; or run with --demo)".into())
            })?;
            rtctoken::check_app_id(&app_id)
                .map_err(|e| ConfigError(format!("APP_ID: {}", e.message())))?;
            (
                app_id,
                cert_source(env, f.certificates, f.certificate_file)?,
            )
        };
        if let CertSource::Inline(list) = &certs {
            crate::certs::check_all(list)?;
        }

        let cors = env("CORS_ALLOW_ORIGIN").or(f.cors_allow_origin);
        let cors_origins = match cors.as_deref().map(str::trim) {
            None | Some("*") => None,
            Some(list) => Some(
                list.split(',')
                    .map(|o| o.trim().to_owned())
                    .filter(|o| !o.is_empty())
                    .collect(),
            ),
        };

        let redis_failure = match env("RATE_LIMIT_REDIS_FAILURE").as_deref().map(str::trim) {
            None => f.rate_limit_redis_failure.unwrap_or(RedisFailure::Open),
            Some("open") => RedisFailure::Open,
            Some("closed") => RedisFailure::Closed,
            Some(v) => {
                return err(format!(
                    "RATE_LIMIT_REDIS_FAILURE: must be open or closed, got {v:?}"
                ))
            }
        };

        let body_limit_bytes = parse_env(env, "BODY_LIMIT_BYTES")?
            .or(f.body_limit_bytes)
            .unwrap_or(64 * 1024);
        if body_limit_bytes == 0 {
            return err("BODY_LIMIT_BYTES: must be at least 1");
        }
        let timeout_ms = parse_env(env, "REQUEST_TIMEOUT_MS")?
            .or(f.request_timeout_ms)
            .unwrap_or(10_000);
        if timeout_ms == 0 {
            return err("REQUEST_TIMEOUT_MS: must be at least 1");
        }

        Ok(Config {
            listen,
            app_id,
            certs,
            cors_origins,
            api_keys_file: env("API_KEYS_FILE").map(PathBuf::from).or(f.api_keys_file),
            compat_require_key: parse_bool(env, "COMPAT_REQUIRE_KEY")?
                .or(f.compat_require_key)
                .unwrap_or(false),
            trust_forwarded_for: parse_bool(env, "TRUST_FORWARDED_FOR")?
                .or(f.trust_forwarded_for)
                .unwrap_or(false),
            key_rate_limit: check_quota(
                "KEY_RATE_LIMIT",
                parse_quota(env, "KEY_RATE_LIMIT")?
                    .or(f.key_rate_limit)
                    .unwrap_or(Quota {
                        per_second: 50.0,
                        burst: 100,
                    }),
            )?,
            ip_rate_limit: check_quota(
                "IP_RATE_LIMIT",
                parse_quota(env, "IP_RATE_LIMIT")?
                    .or(f.ip_rate_limit)
                    .unwrap_or(Quota {
                        per_second: 10.0,
                        burst: 20,
                    }),
            )?,
            redis_url: env("RATE_LIMIT_REDIS_URL")
                .filter(|u| !u.trim().is_empty())
                .or(f.rate_limit_redis_url),
            redis_failure,
            body_limit_bytes,
            request_timeout: Duration::from_millis(timeout_ms),
            shutdown_grace: Duration::from_millis(
                parse_env(env, "SHUTDOWN_GRACE_MS")?
                    .or(f.shutdown_grace_ms)
                    .unwrap_or(10_000),
            ),
            demo,
        })
    }
}

/// `APP_CERTIFICATE_FILE` (reloadable) wins; else `APP_CERTIFICATE` and
/// `APP_CERTIFICATE_SECONDARY`; else the TOML file's `certificate_file` or
/// `certificates`.
fn cert_source(
    env: Env,
    inline: Option<Vec<String>>,
    file: Option<PathBuf>,
) -> Result<CertSource, ConfigError> {
    if let Some(path) = env("APP_CERTIFICATE_FILE") {
        return file_source(PathBuf::from(path), "APP_CERTIFICATE_FILE");
    }
    if let Some(primary) = env("APP_CERTIFICATE").filter(|v| !v.trim().is_empty()) {
        let mut list = vec![primary.trim().to_owned()];
        if let Some(second) = secret(env, "APP_CERTIFICATE_SECONDARY")? {
            list.push(second);
        }
        return Ok(CertSource::Inline(list));
    }
    match (file, inline) {
        (Some(path), _) => file_source(path, "certificate_file"),
        (None, Some(list)) if !list.is_empty() => Ok(CertSource::Inline(list)),
        _ => err("APP_CERTIFICATE: missing (set APP_CERTIFICATE, APP_CERTIFICATE_FILE, or certificates / certificate_file in --config; or run with --demo)"),
    }
}

fn file_source(path: PathBuf, setting: &str) -> Result<CertSource, ConfigError> {
    crate::certs::read_file(&path).map_err(|e| ConfigError(format!("{setting}: {e}")))?;
    Ok(CertSource::File(path))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn load(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::load(None, &move |k| map.get(k).cloned(), false)
    }

    fn refused(vars: &[(&str, &str)]) -> String {
        match load(vars) {
            Err(e) => e.0,
            Ok(_) => panic!("accepted {vars:?}"),
        }
    }

    const ID: &str = "970CA35DE60C44645BBAE8A215061B33";
    const CERT: &str = "5CFD2FD1755D40ECB72977518BE15D3B";

    #[test]
    fn the_example_config_file_parses() {
        let f: FileConfig = toml::from_str(include_str!("../examples/config.toml")).unwrap();
        assert_eq!(
            f.key_rate_limit,
            Some(Quota {
                per_second: 50.0,
                burst: 100
            })
        );
        assert_eq!(f.rate_limit_redis_failure, Some(RedisFailure::Open));
    }

    #[test]
    fn legacy_names_are_read() {
        let c = load(&[
            ("APP_ID", ID),
            ("APP_CERTIFICATE", CERT),
            ("SERVER_PORT", "9000"),
        ])
        .unwrap();
        assert_eq!(c.listen.port(), 9000);
        assert_eq!(c.app_id, ID);
        assert!(matches!(c.certs, CertSource::Inline(ref l) if l.len() == 1));
        assert_eq!(c.cors_origins, None);
    }

    #[test]
    fn missing_and_invalid_settings_are_named_without_their_value() {
        let e = refused(&[("APP_CERTIFICATE", CERT)]);
        assert!(e.starts_with("APP_ID: missing"), "{e}");
        let e = refused(&[("APP_ID", ID)]);
        assert!(e.starts_with("APP_CERTIFICATE: missing"), "{e}");
        let e = refused(&[
            ("APP_ID", ID),
            ("APP_CERTIFICATE", "5CFD2FD1755D40ECB72977518BE15D3"),
        ]);
        assert!(
            e.contains("app_certificate must be 32 hexadecimal characters, got 31"),
            "{e}"
        );
        assert!(!e.contains("5CFD2FD1"), "{e}");
        let e = refused(&[
            ("APP_ID", ID),
            ("APP_CERTIFICATE", CERT),
            ("KEY_RATE_LIMIT", "x"),
        ]);
        assert!(
            e.starts_with("KEY_RATE_LIMIT: must be PER_SECOND:BURST"),
            "{e}"
        );
    }
}
