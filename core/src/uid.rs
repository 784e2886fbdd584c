//! The uid as text, one rule for every format: uid 0 ("any user") is the
//! empty text, any other uid its decimal digits.

use crate::error::{excerpt, Error, Result};

/// `""` for uid 0 ("any user"), else the decimal uid.
pub fn uid_text(uid: u32) -> String {
    if uid == 0 {
        String::new()
    } else {
        uid.to_string()
    }
}

/// A numeric account (RTM 006's user account, which is signed as a name)
/// as its decimal text, 0 included: unlike a uid, account 0 is not "any user".
pub fn account_text(account: u32) -> String {
    account.to_string()
}

/// The numeric uid of a v4/v5 key from text; `""` is uid 0 as in 006 and
/// 007, so callers turn any numeric uid into text one way for every format.
pub(crate) fn numeric_uid(uid: &str) -> Result<u32> {
    if uid.is_empty() {
        return Ok(0);
    }
    uid.parse().map_err(|_| {
        Error::invalid(format!(
            "uid must be a decimal number in 0..=4294967295, got {}",
            excerpt(uid)
        ))
        .with_field("uid")
    })
}
