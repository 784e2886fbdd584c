//! Issue time and salt: fixed by tests, fresh (clock and OS-seeded CSPRNG) otherwise.

use std::time::{SystemTime, UNIX_EPOCH};

use rand::RngExt;

/// The two values that make every 006/007 token unique. Leave both `None`
/// in production: the issue time is then the clock and the salt a random
/// number in 1..=99999999 from a CSPRNG seeded by the OS. Tests set them to get exact bytes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stamp {
    /// Unix time the token is issued at; `None` means now.
    pub issue_ts: Option<u32>,
    /// Salt; `None` means random.
    pub salt: Option<u32>,
}

impl Stamp {
    /// A stamp with both values fixed (for exact tests).
    pub fn fixed(issue_ts: u32, salt: u32) -> Self {
        Stamp {
            issue_ts: Some(issue_ts),
            salt: Some(salt),
        }
    }

    /// The issue time, reading the clock if unset.
    pub fn issue_ts(&self) -> u32 {
        self.issue_ts.unwrap_or_else(now)
    }

    /// The salt, drawing a random one if unset.
    pub fn salt(&self) -> u32 {
        self.salt.unwrap_or_else(random_salt)
    }
}

/// Seconds since the Unix epoch, saturated to `u32`.
pub fn now() -> u32 {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    u32::try_from(secs).unwrap_or(u32::MAX)
}

/// A uniform random salt in 1..=99999999 from the thread-local CSPRNG
/// (seeded and periodically reseeded from the OS; a system call per token
/// would cost more than the rest of a 006 build).
fn random_salt() -> u32 {
    rand::rng().random_range(1..=99_999_999)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn random_salt_in_range() {
        for _ in 0..1000 {
            let s = Stamp::default().salt();
            assert!((1..=99_999_999).contains(&s));
        }
    }
}
