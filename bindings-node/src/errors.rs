//! Core errors as JavaScript errors with a stable `code`, and the panic
//! guard every export runs inside.

use std::panic::{catch_unwind, AssertUnwindSafe};

use napi_derive::napi;
use rtctoken::{Error, ErrorKind};

/// A native error whose `code` is `ERR_<KIND>` (the JS layer turns it into
/// a `TokenError`).
pub type NodeError = napi::Error<String>;

/// What every export returns.
pub type NodeResult<T> = Result<T, NodeError>;

/// `ERR_` + the upper-cased kind name: the stable code JavaScript sees.
fn code(kind: ErrorKind) -> String {
    format!("ERR_{}", kind.as_str().to_ascii_uppercase())
}

/// A JavaScript error of `kind` with `message`.
pub fn node_error(kind: ErrorKind, message: impl Into<String>) -> NodeError {
    napi::Error::new(code(kind), message.into())
}

fn from_core(e: Error) -> NodeError {
    node_error(e.kind(), e.message())
}

/// Runs `f`, mapping core errors to coded JS errors and any panic to
/// `ERR_INTERNAL`, so that nothing unwinds across the FFI boundary.
pub fn guard<T>(f: impl FnOnce() -> rtctoken::Result<T>) -> Result<T, NodeError> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(result) => result.map_err(from_core),
        Err(payload) => {
            let detail = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_owned());
            Err(node_error(
                ErrorKind::Internal,
                format!("internal error in the native core: {detail}"),
            ))
        }
    }
}

/// One error kind and its JavaScript code.
#[napi(object)]
pub struct ErrorKindInfo {
    /// The core's snake_case kind name (`invalid_app_id`…).
    pub kind: String,
    /// The stable JavaScript code (`ERR_INVALID_APP_ID`…).
    pub code: String,
}

/// Every kind the core can report, so the JS `TokenError` table is
/// generated from the core rather than typed twice.
#[napi]
pub fn error_kinds() -> Vec<ErrorKindInfo> {
    ErrorKind::ALL
        .iter()
        .map(|k| ErrorKindInfo {
            kind: k.as_str().to_owned(),
            code: code(*k),
        })
        .collect()
}

/// Panics inside the guard on purpose: the test suite calls it to prove a
/// panic surfaces as a `TokenError` with code `ERR_INTERNAL` instead of
/// aborting the process. Not part of the public JavaScript API.
#[napi]
pub fn panic_for_test() -> Result<(), NodeError> {
    guard(|| -> rtctoken::Result<()> { panic!("deliberate panic for the test suite") })
}
