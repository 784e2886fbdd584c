//! Token lifetimes, one fact each: the day that 006 tokens live and that
//! services cap privileges at, and the lifetime front ends (CLI, server)
//! give a token when the caller names none.

use crate::error::{Error, Result};

/// One day in seconds: a 006 builder token's lifetime, FPA's fixed
/// lifetime, and the longest privilege the services honour.
pub const DAY: u32 = 24 * 3600;

/// The lifetime a front end gives when the caller names none (one hour,
/// as the vendor's samples and agora-token-service use).
pub const DEFAULT_TTL: u32 = 3600;

/// The absolute time `ttl` seconds after `issue_ts`, refused (never
/// wrapped or clamped) when it passes the 32-bit clock in 2106.
pub fn expires_at(issue_ts: u32, ttl: u32) -> Result<u32> {
    issue_ts.checked_add(ttl).ok_or_else(|| {
        Error::invalid(format!(
            "the expiry {ttl} s after {issue_ts} passes the 32-bit clock (at most {})",
            u32::MAX
        ))
    })
}

/// The absolute time `ttl` seconds from now (the core's clock), for the
/// relative helpers (signaling's `get`); refused as `expires_at` refuses.
pub fn expires_in(ttl: u32) -> Result<u32> {
    expires_at(crate::now(), ttl)
}
