//! Diagnostics: stable codes for the mistakes seen in "invalid token" reports.

use super::*;

/// How sure a diagnostic is that the token will not work as meant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Certain: the token (or this part of it) will be refused.
    Error,
    /// Likely a mistake, or works differently than most callers expect.
    Warning,
}

impl Severity {
    /// `"error"` or `"warning"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// The stable diagnostic codes. Names never change; new ones may be added.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Code {
    /// The token's own expiry is before `now`.
    TokenExpired,
    /// A privilege's expiry is before `now` (006: an absolute time already past).
    PrivilegeExpired,
    /// A 007 expiry (relative seconds) holds what looks like a Unix time.
    ExpiryLooksAbsolute,
    /// A 006 or legacy expiry (a Unix time) holds what looks like seconds.
    ExpiryLooksRelative,
    /// An expiry more than 24 h out: the service cuts it to 24 h.
    ExpiryOver24h,
    /// The issue time is ahead of `now`: the issuing clock is wrong.
    IssuedInFuture,
    /// uid 0 (empty uid text): anyone may join with this token.
    UidZero,
    /// The uid is account text made only of digits, not a numeric uid.
    UidAccountDigits,
    /// The RTC channel name is empty.
    ChannelNameEmpty,
    /// The RTC channel name is 64 bytes or longer.
    ChannelNameTooLong,
    /// The RTC channel name has characters the SDKs refuse.
    ChannelNameCharacters,
    /// A 007 service type this library does not know; later services unread.
    UnknownServiceType,
    /// A privilege id the service does not define.
    UnknownPrivilege,
    /// A 007 token decodes to signed content but is not the text the
    /// references write for it (re-compressed, or altered where the
    /// signature cannot see).
    NonCanonicalEncoding,
}

impl Code {
    /// Every code, in documentation order.
    pub const ALL: [Code; 14] = [
        Code::TokenExpired,
        Code::PrivilegeExpired,
        Code::ExpiryLooksAbsolute,
        Code::ExpiryLooksRelative,
        Code::ExpiryOver24h,
        Code::IssuedInFuture,
        Code::UidZero,
        Code::UidAccountDigits,
        Code::ChannelNameEmpty,
        Code::ChannelNameTooLong,
        Code::ChannelNameCharacters,
        Code::UnknownServiceType,
        Code::UnknownPrivilege,
        Code::NonCanonicalEncoding,
    ];

    /// The snake_case name used in JSON and every binding.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::TokenExpired => "token_expired",
            Code::PrivilegeExpired => "privilege_expired",
            Code::ExpiryLooksAbsolute => "expiry_looks_absolute",
            Code::ExpiryLooksRelative => "expiry_looks_relative",
            Code::ExpiryOver24h => "expiry_over_24h",
            Code::IssuedInFuture => "issued_in_future",
            Code::UidZero => "uid_zero",
            Code::UidAccountDigits => "uid_account_digits",
            Code::ChannelNameEmpty => "channel_name_empty",
            Code::ChannelNameTooLong => "channel_name_too_long",
            Code::ChannelNameCharacters => "channel_name_characters",
            Code::UnknownServiceType => "unknown_service_type",
            Code::UnknownPrivilege => "unknown_privilege",
            Code::NonCanonicalEncoding => "non_canonical_encoding",
        }
    }

    /// The severity this code always has.
    pub fn severity(self) -> Severity {
        match self {
            Code::TokenExpired
            | Code::PrivilegeExpired
            | Code::ExpiryLooksAbsolute
            | Code::ExpiryLooksRelative
            | Code::ChannelNameEmpty
            | Code::ChannelNameTooLong
            | Code::ChannelNameCharacters => Severity::Error,
            Code::ExpiryOver24h
            | Code::IssuedInFuture
            | Code::UidZero
            | Code::UidAccountDigits
            | Code::UnknownServiceType
            | Code::UnknownPrivilege
            | Code::NonCanonicalEncoding => Severity::Warning,
        }
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One finding: a stable code, its severity, the field it is about (a path
/// into the token such as `services[0].privileges.join_channel`) and a
/// message saying what is wrong and what to do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Stable code.
    pub code: Code,
    /// `error` or `warning`.
    pub severity: Severity,
    /// The token field concerned.
    pub field: String,
    /// What is wrong and how to fix it.
    pub message: String,
}

pub(crate) struct Diagnostics(pub(super) Vec<Diagnostic>);

impl Diagnostics {
    pub(super) fn push(
        &mut self,
        code: Code,
        field: impl Into<String>,
        message: impl Into<String>,
    ) {
        self.0.push(Diagnostic {
            code,
            severity: code.severity(),
            field: field.into(),
            message: message.into(),
        });
    }
}
