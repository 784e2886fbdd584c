//! The defaults a 006 token gets when its caller fixes neither salt nor
//! expiry (the vendor's 4-argument `AccessToken` constructors): the core's
//! random salt and its 24-hour lifetime, so the C++ wrapper holds no rule.

use rtctoken_core::access_token::expiry_after;
use rtctoken_core::Stamp;

use crate::output::out_value;
use crate::status::{guard, rtctoken_status};

/// Fills `*salt_out` with a fresh random salt and `*ts_out` with the expiry
/// of a 006 token issued at `*issue_ts` (NULL = now): 24 hours later.
#[no_mangle]
pub unsafe extern "C" fn rtctoken_access_token_defaults(
    issue_ts: *const u32,
    salt_out: *mut u32,
    ts_out: *mut u32,
) -> rtctoken_status {
    guard(|| {
        let salt = out_value(salt_out, "salt_out")?;
        let ts = out_value(ts_out, "ts_out")?;
        let stamp = Stamp {
            issue_ts: issue_ts.as_ref().copied(),
            salt: None,
        };
        *ts = expiry_after(stamp.issue_ts())?;
        *salt = stamp.salt();
        Ok(())
    })
}
