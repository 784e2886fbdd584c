//! Value conversions shared by the exports: stamps, uids and account text.

use napi::Either;
use rtctoken::access_token::uid_text;
use rtctoken::Stamp;

/// The `{ issueTs, salt }` option as a core stamp (`None` = now / random).
pub fn stamp(issue_ts: Option<u32>, salt: Option<u32>) -> Stamp {
    Stamp { issue_ts, salt }
}

/// The text a token carries for a uid or account as JavaScript passes it (a
/// number already range-checked by the JS layer, or a string): numbers as
/// the upstream does (`0` = any user = `""`), strings unchanged.
pub fn account_text(uid: Either<u32, String>) -> String {
    match uid {
        Either::A(n) => uid_text(n),
        Either::B(s) => s,
    }
}
