//! API keys and their policies, and reading a caller's credentials:
//! `Authorization: Bearer <key>` or HTTP Basic `customer_id:secret` (the
//! vendor REST API's convention). Keys may be stored as SHA-256 hashes and
//! are always compared as hashes, in constant time.

use std::path::Path;
use std::sync::Arc;

use axum::http::HeaderMap;
use base64::Engine;
use regex::Regex;
use serde::Deserialize;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use crate::config::ConfigError;
use crate::error::ApiError;

/// What a key may ask for.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum KeyRole {
    /// May only mint subscriber (non-publishing) tokens for its channels;
    /// safe to ship in a client.
    Publishable,
    /// May mint anything its kinds, pattern and TTL allow.
    Secret,
}

/// The token kinds a policy names.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Rtc,
    Rtm,
    Chat,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Rtc => "rtc",
            Kind::Rtm => "rtm",
            Kind::Chat => "chat",
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct KeyEntry {
    id: String,
    key: Option<String>,
    sha256: Option<String>,
    customer_id: Option<String>,
    role: KeyRole,
    kinds: Option<Vec<Kind>>,
    channel: Option<String>,
    max_ttl: Option<u32>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct KeysFile {
    #[serde(default)]
    keys: Vec<KeyEntry>,
}

/// One configured key; `Debug` never shows its hash.
pub struct ApiKey {
    /// A name for logs and metrics (never the key).
    pub id: String,
    hash: [u8; 32],
    customer_id: Option<String>,
    pub role: KeyRole,
    kinds: Vec<Kind>,
    channel: Regex,
    max_ttl: u32,
}

impl std::fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ApiKey")
            .field("id", &self.id)
            .field("role", &self.role)
            .finish_non_exhaustive()
    }
}

fn sha256(text: &str) -> [u8; 32] {
    Sha256::digest(text.as_bytes()).into()
}

impl ApiKey {
    /// Refuses what this key's policy does not allow (403 naming the rule).
    pub fn allow(
        &self,
        kind: Kind,
        channel: Option<&str>,
        ttl: u32,
        publishes: bool,
    ) -> Result<(), ApiError> {
        let id = &self.id;
        if !self.kinds.contains(&kind) {
            return Err(ApiError::forbidden(format!(
                "key {id:?} may not mint {} tokens",
                kind.as_str()
            )));
        }
        if let Some(channel) = channel {
            if !self.channel.is_match(channel) {
                return Err(ApiError::forbidden(format!(
                    "key {id:?} may only mint tokens for channels matching {:?}",
                    self.channel.as_str()
                )));
            }
        }
        if ttl > self.max_ttl {
            return Err(ApiError::forbidden(format!(
                "key {id:?} may mint tokens living at most {} s, asked {ttl}",
                self.max_ttl
            )));
        }
        if publishes && self.role == KeyRole::Publishable {
            return Err(ApiError::forbidden(format!(
                "key {id:?} is publishable: it may only mint subscriber tokens (no publish privileges)"
            )));
        }
        Ok(())
    }
}

/// Every configured key.
#[derive(Default)]
pub struct KeyRing {
    keys: Vec<Arc<ApiKey>>,
}

impl KeyRing {
    pub fn load(path: &Path) -> Result<KeyRing, ConfigError> {
        let bad = |m: String| ConfigError(format!("API_KEYS_FILE {path:?}: {m}"));
        let text = std::fs::read_to_string(path).map_err(|e| bad(e.to_string()))?;
        let file: KeysFile = toml::from_str(&text).map_err(|e| bad(e.message().to_owned()))?;
        let mut keys = Vec::new();
        for (i, k) in file.keys.into_iter().enumerate() {
            let at = format!("keys[{i}] ({:?})", k.id);
            let hash = match (&k.key, &k.sha256) {
                (Some(plain), None) if !plain.is_empty() => sha256(plain),
                (None, Some(h)) => {
                    let bytes = hex::decode(h.trim())
                        .ok()
                        .and_then(|b| <[u8; 32]>::try_from(b).ok())
                        .ok_or_else(|| {
                            bad(format!("{at}.sha256 must be 64 hexadecimal characters"))
                        })?;
                    bytes
                }
                _ => {
                    return Err(bad(format!(
                        "{at}: give exactly one of key (non-empty) or sha256"
                    )))
                }
            };
            let pattern = k.channel.as_deref().unwrap_or(".*");
            let channel = Regex::new(&format!("^(?:{pattern})$"))
                .map_err(|e| bad(format!("{at}.channel is not a regular expression: {e}")))?;
            keys.push(Arc::new(ApiKey {
                id: k.id,
                hash,
                customer_id: k.customer_id,
                role: k.role,
                kinds: k
                    .kinds
                    .unwrap_or_else(|| vec![Kind::Rtc, Kind::Rtm, Kind::Chat]),
                channel,
                max_ttl: k.max_ttl.unwrap_or(u32::MAX),
            }));
        }
        Ok(KeyRing { keys })
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// The key the request's credentials name: `Ok(None)` when it sends
    /// none, 401 when they are malformed or match no key. Every key is
    /// compared (no early exit) so timing tells nothing.
    pub fn authenticate(&self, headers: &HeaderMap) -> Result<Option<Arc<ApiKey>>, ApiError> {
        let Some(value) = headers.get(axum::http::header::AUTHORIZATION) else {
            return Ok(None);
        };
        let value = value
            .to_str()
            .map_err(|_| ApiError::unauthorized("Authorization: not valid text"))?;
        let (scheme, rest) = value.split_once(' ').unwrap_or((value, ""));
        let (customer, secret) = if scheme.eq_ignore_ascii_case("bearer") {
            (None, rest.trim().to_owned())
        } else if scheme.eq_ignore_ascii_case("basic") {
            let decoded = base64::engine::general_purpose::STANDARD
                .decode(rest.trim())
                .ok()
                .and_then(|b| String::from_utf8(b).ok())
                .ok_or_else(|| {
                    ApiError::unauthorized(
                        "Authorization: Basic credentials must be base64 of customer_id:secret",
                    )
                })?;
            let (c, s) = decoded.split_once(':').ok_or_else(|| {
                ApiError::unauthorized(
                    "Authorization: Basic credentials must be base64 of customer_id:secret",
                )
            })?;
            (Some(c.to_owned()), s.to_owned())
        } else {
            return Err(ApiError::unauthorized(
                "Authorization: use Bearer <key> or Basic <customer_id:secret>",
            ));
        };
        let presented = sha256(&secret);
        let mut found = None;
        for key in &self.keys {
            let hash_ok: bool = key.hash.ct_eq(&presented).into();
            let customer_ok = match (&customer, &key.customer_id) {
                (None, _) => true,
                (Some(c), Some(k)) => bool::from(c.as_bytes().ct_eq(k.as_bytes())),
                (Some(_), None) => false,
            };
            if hash_ok && customer_ok && found.is_none() {
                found = Some(key.clone());
            }
        }
        found
            .map(Some)
            .ok_or_else(|| ApiError::unauthorized("the API key is not valid"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_example_keys_file_loads_with_its_policies() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/keys.toml");
        let ring = KeyRing::load(&path).unwrap();
        assert_eq!(ring.len(), 2);
        let web = &ring.keys[1];
        assert_eq!(web.role, KeyRole::Publishable);
        assert!(web.allow(Kind::Rtc, Some("lobby-1"), 600, false).is_ok());
        assert_eq!(
            web.allow(Kind::Rtc, Some("lobby-1"), 601, false)
                .unwrap_err()
                .status,
            403
        );
        assert!(web.allow(Kind::Rtc, Some("lobby-1x!"), 60, false).is_err());
        assert!(web.allow(Kind::Rtc, Some("lobby-1"), 60, true).is_err());
        assert!(web.allow(Kind::Chat, None, 60, false).is_err());
        assert!(!format!("{web:?}").contains("1111"));
    }
}
