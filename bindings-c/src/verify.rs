//! Signature verification against one or more certificates, and inspection.

use std::ffi::c_char;

use rtctoken_core::inspect::inspect_json;
use rtctoken_core::{verify, VerifyInput};

use crate::input::{text, FromC};
use crate::output::{out_value, string_call};
use crate::status::{guard, rtctoken_status};

/// The outcome of `rtctoken_verify`.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default)]
pub struct rtctoken_verification {
    /// Whether some certificate's signature holds.
    pub valid: bool,
    /// Index (into the certificates given) of the first that matched;
    /// meaningful only when `valid` (e.g. to tell primary from secondary
    /// during certificate rotation).
    pub matched_index: usize,
}

/// Checks `token`'s signature against each of `certificate_count`
/// certificates in turn (`verify`). A signature that does not hold is
/// `RTCTOKEN_OK` with `valid == false`; malformed tokens or certificates are
/// errors. `channel_name` and `uid` are optional (NULL = not given): 006 and
/// v1–v5 tokens sign them without carrying them (006 uid: its text, "" for
/// 0; v4/v5: decimal; signaling: the account), so those need them.
#[no_mangle]
pub unsafe extern "C" fn rtctoken_verify(
    token: *const c_char,
    certificates: *const *const c_char,
    certificate_count: usize,
    channel_name: *const c_char,
    uid: *const c_char,
    result_out: *mut rtctoken_verification,
) -> rtctoken_status {
    guard(|| {
        let slot = out_value(result_out, "result_out")?;
        let certs = <&[*const c_char]>::from_c((certificates, certificate_count), "certificates")?
            .iter()
            .map(|c| text(*c, "certificates"))
            .collect::<Result<Vec<_>, _>>()?;
        let input = VerifyInput {
            channel_name: FromC::from_c(channel_name, "channel_name")?,
            uid: FromC::from_c(uid, "uid")?,
        };
        let v = verify(text(token, "token")?, &certs, &input)?;
        *slot = rtctoken_verification {
            valid: v.is_valid(),
            matched_index: v.matched.unwrap_or(0),
        };
        Ok(())
    })
}

/// Describes any token as JSON text (the schema shared by the CLI and
/// every binding: version, app_id, fields, diagnostics) as of `*now` (Unix
/// seconds; NULL reads the clock). Free the result with
/// `rtctoken_string_free`.
#[no_mangle]
pub unsafe extern "C" fn rtctoken_inspect_json(
    token: *const c_char,
    now: *const u32,
    json_out: *mut *mut c_char,
) -> rtctoken_status {
    string_call(json_out, "json_out", || {
        inspect_json(text(token, "token")?, now.as_ref().copied())
    })
}
