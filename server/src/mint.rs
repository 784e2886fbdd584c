//! Turns a validated request into one core builder call. Every token rule
//! (uid text, privileges per role, prefixes, expiry encoding) is the core's;
//! this module only picks the builder and passes the values through.

use rtctoken::builders::{
    chat_token_builder2, rtc_token_builder, rtc_token_builder2, rtm_token_builder,
    rtm_token_builder2, session_access,
};
use rtctoken::legacy::dynamic_key5;
use rtctoken::Stamp;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::certs::CertSet;
use crate::error::ApiError;
use crate::keys::Kind;

/// How long a token lives when the request does not say: the core's
/// default, which is agora-token-service's (one hour) too.
pub use rtctoken::lifetime::DEFAULT_TTL;

/// The token format to mint.
// The 006 and 007 names are the core's version names: serde needs them as
// literals, so `version_names_are_the_cores` holds them to the core's.
#[derive(Clone, Copy, Debug, Default, Deserialize, Serialize, PartialEq, Eq, ToSchema)]
pub enum Version {
    /// AccessToken2, every current SDK.
    #[default]
    #[serde(rename = "007")]
    V007,
    /// AccessToken, SDKs before 007 support.
    #[serde(rename = "006")]
    V006,
    /// DynamicKey5 media channel key, the oldest SDKs (RTC, numeric uid).
    #[serde(rename = "dk5")]
    Dk5,
}

impl Version {
    pub fn as_str(self) -> &'static str {
        match self {
            Version::V007 => rtctoken::access_token2::VERSION,
            Version::V006 => rtctoken::access_token::VERSION,
            Version::Dk5 => "dk5",
        }
    }
}

/// RTC role.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Publisher,
    Subscriber,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Publisher => "publisher",
            Role::Subscriber => "subscriber",
        }
    }
}

/// Per-privilege lifetimes (seconds after issue) for a 007 RTC publisher
/// token; each defaults to the token's TTL.
#[derive(Clone, Copy, Debug, Default, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PrivilegeTtls {
    pub join_channel: Option<u32>,
    pub publish_audio: Option<u32>,
    pub publish_video: Option<u32>,
    pub publish_data: Option<u32>,
}

/// Who a token is for: never guessed from the text's shape.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum User {
    Nobody,
    Uid(u32),
    Account(String),
}

/// One token to mint, checked for shape but not yet against a policy.
#[derive(Clone, Debug)]
pub struct Spec {
    pub kind: Kind,
    pub version: Version,
    pub channel: Option<String>,
    pub user: User,
    pub role: Option<Role>,
    pub ttl: u32,
    pub privileges: Option<PrivilegeTtls>,
}

/// A minted token and its times (Unix seconds, read back by the core's
/// inspector).
#[derive(Debug, Serialize, ToSchema)]
pub struct Minted {
    pub token: String,
    pub version: &'static str,
    pub issued_at: u64,
    /// The earliest of the token's own expiry and its privileges' expiries.
    pub expires_at: u64,
}

/// Parses a uid the 32-bit way or refuses it: never truncated.
pub fn uid32(field: &str, uid: u64) -> Result<u32, ApiError> {
    u32::try_from(uid).map_err(|_| {
        ApiError::invalid(format!(
            "{field} must be in 0..=4294967295 (32 bits), got {uid}"
        ))
    })
}

impl Spec {
    /// Whether the token would let its holder publish (what a publishable
    /// key may not grant).
    pub fn publishes(&self) -> bool {
        self.kind == Kind::Rtc
            && (self.role == Some(Role::Publisher) || self.version == Version::Dk5)
    }

    fn channel(&self) -> Result<&str, ApiError> {
        self.channel.as_deref().ok_or_else(|| {
            ApiError::invalid(format!(
                "channel: required for {} tokens",
                self.kind.as_str()
            ))
        })
    }

    fn role(&self) -> Result<Role, ApiError> {
        self.role.ok_or_else(|| {
            ApiError::invalid("role: required for rtc tokens (publisher or subscriber)")
        })
    }

    fn account(&self) -> Result<&str, ApiError> {
        match &self.user {
            User::Account(a) => Ok(a),
            User::Uid(_) => Err(ApiError::invalid(format!(
                "uid: {} tokens are for a user id text; give account instead",
                self.kind.as_str()
            ))),
            User::Nobody => Err(ApiError::invalid(format!(
                "account: required for {} tokens",
                self.kind.as_str()
            ))),
        }
    }

    /// Refuses fields that do not apply, so a caller never believes a value
    /// was used when it was not.
    fn check_fields(&self) -> Result<(), ApiError> {
        if self.kind != Kind::Rtc && self.channel.is_some() {
            return Err(ApiError::invalid(format!(
                "channel: does not apply to {} tokens",
                self.kind.as_str()
            )));
        }
        if self.kind != Kind::Rtc && self.role.is_some() {
            return Err(ApiError::invalid(format!(
                "role: does not apply to {} tokens",
                self.kind.as_str()
            )));
        }
        if self.privileges.is_some() && (self.kind != Kind::Rtc || self.version != Version::V007) {
            return Err(ApiError::invalid("privileges: only for 007 rtc tokens"));
        }
        if self.privileges.is_some() && self.role != Some(Role::Publisher) {
            return Err(ApiError::invalid("privileges: only for role publisher (a subscriber holds join_channel alone, for ttl)"));
        }
        Ok(())
    }

    /// Mints the token with the primary certificate.
    pub fn mint(&self, app_id: &str, certs: &CertSet) -> Result<Minted, ApiError> {
        self.check_fields()?;
        let now = rtctoken::now();
        let stamp = Stamp {
            issue_ts: Some(now),
            salt: None,
        };
        let cert = certs.primary();
        let absolute = || {
            now.checked_add(self.ttl).ok_or_else(|| {
                ApiError::invalid(format!("ttl: {} s from now passes the year 2106", self.ttl))
            })
        };
        let t = self.ttl;
        let core = ApiError::from_core;
        let token = match (self.kind, self.version) {
            (Kind::Rtc, Version::V007) => {
                let channel = self.channel()?;
                let role = match self.role()? {
                    Role::Publisher => rtc_token_builder2::ROLE_PUBLISHER,
                    Role::Subscriber => rtc_token_builder2::ROLE_SUBSCRIBER,
                };
                match (&self.user, self.privileges) {
                    (User::Uid(uid), None) => rtc_token_builder2::build_token_with_uid(app_id, cert, channel, *uid, role, t, t, stamp),
                    (User::Account(a), None) => rtc_token_builder2::build_token_with_user_account(app_id, cert, channel, a, role, t, t, stamp),
                    (User::Uid(uid), Some(p)) => rtc_token_builder2::build_token_with_uid_and_privilege(
                        app_id, cert, channel, *uid, t,
                        p.join_channel.unwrap_or(t), p.publish_audio.unwrap_or(t),
                        p.publish_video.unwrap_or(t), p.publish_data.unwrap_or(t), stamp),
                    (User::Account(a), Some(p)) => rtc_token_builder2::build_token_with_user_account_and_privilege(
                        app_id, cert, channel, a, t,
                        p.join_channel.unwrap_or(t), p.publish_audio.unwrap_or(t),
                        p.publish_video.unwrap_or(t), p.publish_data.unwrap_or(t), stamp),
                    (User::Nobody, _) => return Err(no_user()),
                }
                .map_err(core)?
            }
            (Kind::Rtc, Version::V006) => {
                let channel = self.channel()?;
                let role = match self.role()? {
                    Role::Publisher => rtc_token_builder::ROLE_PUBLISHER,
                    Role::Subscriber => rtc_token_builder::ROLE_SUBSCRIBER,
                };
                match &self.user {
                    User::Uid(uid) => rtc_token_builder::build_token_with_uid(app_id, cert, channel, *uid, role, absolute()?, stamp),
                    User::Account(a) => rtc_token_builder::build_token_with_account(app_id, cert, channel, a, role, absolute()?, stamp),
                    User::Nobody => return Err(no_user()),
                }
                .map_err(core)?
            }
            (Kind::Rtc, Version::Dk5) => {
                let channel = self.channel()?;
                let User::Uid(uid) = self.user else {
                    return Err(ApiError::invalid("uid: DynamicKey5 keys are for a numeric uid"));
                };
                dynamic_key5::generate_media_channel_key(app_id, cert, channel, now, Stamp::default().salt(), uid, absolute()?)
                    .map_err(core)?
            }
            (Kind::Rtm, Version::V007) => rtm_token_builder2::build_token(app_id, cert, self.account()?, t, stamp).map_err(core)?,
            (Kind::Rtm, Version::V006) => rtm_token_builder::build_token(app_id, cert, self.account()?, rtm_token_builder::ROLE_RTM_USER, absolute()?, stamp).map_err(core)?,
            (Kind::Chat, Version::V007) => match &self.user {
                User::Account(a) => chat_token_builder2::build_user_token(app_id, cert, a, t, stamp),
                User::Nobody => chat_token_builder2::build_app_token(app_id, cert, t, stamp),
                User::Uid(_) => return Err(ApiError::invalid("uid: chat tokens are for a user id text; give account, or nothing for an app token")),
            }
            .map_err(core)?,
            (kind, version) => {
                return Err(ApiError::invalid(format!(
                    "version: {} tokens exist only as {}",
                    kind.as_str(),
                    if kind == Kind::Rtm {
                        format!("{} or {}", Version::V007.as_str(), Version::V006.as_str())
                    } else {
                        Version::V007.as_str().to_owned()
                    }
                )).with_details(serde_json::json!({ "version": version.as_str() })))
            }
        };
        let role = self.role.map_or("none", Role::as_str);
        crate::metrics::token_issued(self.kind.as_str(), role, self.version.as_str());
        minted(token, self.version.as_str(), now)
    }
}

fn no_user() -> ApiError {
    ApiError::invalid("uid or account: rtc tokens need exactly one (uid 0 lets any user join)")
}

/// The session-access flow: an RTC token for a user id whose publish
/// privileges follow the two allow flags (a user who may not publish gets
/// no publish privilege at all).
pub fn session_token(
    app_id: &str,
    certs: &CertSet,
    channel: &str,
    user_id: &str,
    ttl: u32,
    audio: bool,
    video: bool,
) -> Result<Minted, ApiError> {
    let now = rtctoken::now();
    let stamp = Stamp {
        issue_ts: Some(now),
        salt: None,
    };
    let token = session_access::build_token(
        app_id,
        certs.primary(),
        channel,
        user_id,
        ttl,
        audio,
        video,
        stamp,
    )
    .map_err(ApiError::from_core)?;
    let role = if audio || video {
        "publisher"
    } else {
        "subscriber"
    };
    let version = Version::V007.as_str();
    crate::metrics::token_issued("rtc", role, version);
    minted(token, version, now)
}

/// Reads the times back from the token with the core's inspector, so no
/// expiry arithmetic per format lives here.
fn minted(token: String, version: &'static str, now: u32) -> Result<Minted, ApiError> {
    let seen = rtctoken::inspect::inspect(&token, Some(now)).map_err(ApiError::from_core)?;
    let privilege_ends = seen
        .privileges
        .iter()
        .chain(seen.services.iter().flat_map(|s| s.privileges.iter()))
        .filter_map(|p| p.expires.as_ref().map(|t| t.unix));
    let expires_at = seen
        .expires
        .as_ref()
        .map(|t| t.unix)
        .into_iter()
        .chain(privilege_ends)
        .min()
        .unwrap_or(0);
    Ok(Minted {
        token,
        version,
        issued_at: seen.issued.map_or(u64::from(now), |t| t.unix),
        expires_at,
    })
}

#[cfg(test)]
mod tests {
    use super::Version;
    use serde_json::json;

    /// The names a request gives and a response reports are `as_str`'s,
    /// and the 006 and 007 ones the core's version names.
    #[test]
    fn version_names_are_the_cores() {
        for v in [Version::V007, Version::V006, Version::Dk5] {
            assert_eq!(serde_json::to_value(v).unwrap(), json!(v.as_str()));
            assert_eq!(
                serde_json::from_value::<Version>(json!(v.as_str())).unwrap(),
                v
            );
        }
        assert_eq!(Version::V007.as_str(), rtctoken::access_token2::VERSION);
        assert_eq!(Version::V006.as_str(), rtctoken::access_token::VERSION);
        assert_eq!(Version::default(), Version::V007);
    }
}
