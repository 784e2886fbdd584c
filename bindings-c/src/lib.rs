//! # rtctoken C ABI
//!
//! `librtctoken.so` / `librtctoken.a`: the rtctoken signing core behind plain
//! C functions, so C and C++ programs mint, parse and verify Agora-compatible
//! tokens without any token logic of their own. The header
//! `include/rtctoken.h` is generated from this crate by cbindgen.
//!
//! Conventions shared by every export:
//! - one function per catalogue call, named `rtctoken_` + the call with dots
//!   turned into underscores;
//! - every function returns an [`status::rtctoken_status`]; results come back
//!   through out-parameters, strings as heap copies the caller releases with
//!   [`output::rtctoken_string_free`];
//! - text arguments are NUL-terminated UTF-8; a NULL pointer (where one is not
//!   documented as optional) or invalid UTF-8 is refused with
//!   `RTCTOKEN_INVALID_ARGUMENT`, never dereferenced blindly;
//! - `rtctoken_last_error_message()` gives a detailed message for the last
//!   failure on the calling thread (the only per-thread state);
//! - no panic crosses the boundary: each export catches it and returns
//!   `RTCTOKEN_INTERNAL`.
//!
//! Pointer contract (the "safety" section of every `unsafe extern "C"`
//! function here): each non-NULL pointer must point to memory valid for the
//! documented type and count for the duration of the call, and handles must
//! come from this library and not be used after they are freed.

// The exports are `unsafe` for the pointer contract stated once above; a
// per-function "# Safety" section would repeat it ~60 times in the header.
#![allow(clippy::missing_safety_doc)]
// C names (rtctoken_status, rtctoken_stamp, …) are the public ABI.
#![allow(non_camel_case_types)]

pub mod access_token;
pub mod access_token2;
pub mod calls;
#[cfg(test)]
mod header;
#[cfg(test)]
mod ids;
pub mod input;
pub mod output;
#[cfg(test)]
mod replay;
pub mod status;
pub mod token;
pub mod uid;
pub mod verify;
