//! The uid rule of every format, for C and C++ callers that hold a numeric
//! uid where a service wants text (the C++ `Service*` constructors).

use std::ffi::c_char;

use rtctoken_core::access_token::uid_text;

use crate::output::string_call;
use crate::status::rtctoken_status;

/// The text a numeric uid is signed as: "" for uid 0 (any user), else its
/// decimal digits. Free `*text_out` with `rtctoken_string_free`.
#[no_mangle]
pub unsafe extern "C" fn rtctoken_uid_text(
    uid: u32,
    text_out: *mut *mut c_char,
) -> rtctoken_status {
    string_call(text_out, "text_out", || Ok(uid_text(uid)))
}
