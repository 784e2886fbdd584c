//! Human- and machine-readable inspection of any token, with diagnostics.
//!
//! Users debugging "invalid token" errors need to see what a token holds and
//! which common mistake it carries (an absolute time where 007 expects
//! seconds, uid 0, an account made of digits, a channel name the SDK
//! refuses…). [`inspect`] decodes any version into an [`Inspection`];
//! [`inspect_json`] is the one JSON schema every binding and the CLI return
//! (documented in `cli/SCHEMA.md`, versioned by [`SCHEMA_VERSION`]).
//! [`explain_verification`] adds the reason a signature check failed.

use std::fmt;

use serde::Serialize;
use serde_json::Value;

use crate::access_token::{self, AccessTokenInfo};
use crate::access_token2::permissions::{permission_name, resource_type_name};
use crate::access_token2::{AccessToken2Info, Service, ServiceFields, ServiceType};
use crate::credentials::AppCertificate;
use crate::error::{excerpt, Error, Result};
use crate::legacy::dynamic_key5::{self, DynamicKey5Info};
use crate::legacy::signaling_token::SignalingTokenInfo;
use crate::legacy::DynamicKeyInfo;
use crate::parse::{parse, Token};
use crate::verify::{verify_parsed, VerifyInput};

mod dates;
mod diagnostic;
mod identity;
mod legacy;
mod schema;
#[cfg(test)]
mod tests;
mod v006;
mod v007;
mod verify_report;

use dates::*;
use diagnostic::*;
use identity::*;
use v006::*;
use v007::*;

pub use dates::{span, utc};
pub use diagnostic::{Code, Diagnostic, Severity};
pub use identity::{channel_name_diagnostics, is_channel_name_char, text_uid};
pub use schema::*;
pub use verify_report::{explain_verification, VerifyReport};

/// Version of the JSON schema; bumped only when a key changes meaning or is
/// removed, so consumers can rely on it.
pub const SCHEMA_VERSION: u32 = 1;

/// The longest lifetime the vendor's services grant (24 h); longer expiries
/// are cut to it, which surprises callers.
pub const MAX_LIFETIME: u32 = crate::lifetime::DAY;

/// Values at or above this (2001-09-09) are Unix times, not durations: no
/// one means a lifetime of 31 years. Used to spot absolute times given where
/// 007 expects seconds, and seconds given where 006 expects Unix times.
pub const ABSOLUTE_TIME_THRESHOLD: u32 = 1_000_000_000;

/// An issue time this far ahead of `now` means a wrong clock.
pub const CLOCK_SKEW: u32 = 300;

/// The longest RTC channel name the SDKs accept, in bytes ("less than 64").
pub const MAX_CHANNEL_NAME_BYTES: usize = 63;

/// Decodes `token` and explains it as of `now` (Unix seconds; `None` reads
/// the clock).
pub fn inspect(token: &str, now: Option<u32>) -> Result<Inspection> {
    let parsed = parse(token)?;
    let format = parsed.format();
    let now = now.unwrap_or_else(crate::now);
    let mut out = Inspection {
        schema_version: SCHEMA_VERSION,
        version: format.version(),
        format: format.name(),
        app_id: format.app_id().to_owned(),
        now,
        issued: None,
        expires: None,
        channel_name: None,
        uid: None,
        key_service: None,
        services: Vec::new(),
        privileges: Vec::new(),
        fields: parsed.to_json(),
        diagnostics: Vec::new(),
    };
    let mut d = Diagnostics(Vec::new());
    format.inspect(token, now, &mut out, &mut d)?;
    out.diagnostics = d.0;
    Ok(out)
}

/// One format's part of [`inspect`]: the times, identities and services it
/// carries, and the diagnostics they call for. `token` is the text it was
/// parsed from.
pub(crate) trait Inspect {
    fn inspect(
        &self,
        token: &str,
        now: u32,
        out: &mut Inspection,
        d: &mut Diagnostics,
    ) -> Result<()>;
}

/// [`inspect`] as a JSON value (see `cli/SCHEMA.md`).
pub fn inspect_value(token: &str, now: Option<u32>) -> Result<Value> {
    let inspection = inspect(token, now)?;
    serde_json::to_value(&inspection)
        .map_err(|e| Error::new(crate::ErrorKind::Internal, e.to_string()))
}

/// [`inspect`] serialised as compact JSON text, keys in schema order.
pub fn inspect_json(token: &str, now: Option<u32>) -> Result<String> {
    let inspection = inspect(token, now)?;
    serde_json::to_string(&inspection)
        .map_err(|e| Error::new(crate::ErrorKind::Internal, e.to_string()))
}
