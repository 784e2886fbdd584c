//! Core errors as JavaScript errors with a stable `code`, and the panic
//! guard every export runs inside (with the hook that keeps a caught panic
//! off stderr).

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

/// Installed when Node.js loads the addon: the default hook would print a
/// caught panic's payload (and, under `RUST_BACKTRACE`, a backtrace) to
/// stderr, and a payload may quote an argument — a certificate or a token.
/// Every export runs inside [`guard`], which reports the panic as
/// `ERR_INTERNAL`, so there is nothing left for the hook to say. The hook
/// belongs to this addon's own copy of std, so other native code in the
/// process keeps its hooks.
#[napi::module_init]
fn silence_panics() {
    std::panic::set_hook(Box::new(|_| {}));
}

/// Runs `f`, mapping core errors to coded JS errors and any panic to
/// `ERR_INTERNAL`, so that nothing unwinds across the FFI boundary. The
/// panic's payload is dropped unread: it may quote an argument.
pub fn guard<T>(f: impl FnOnce() -> rtctoken::Result<T>) -> Result<T, NodeError> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(result) => result.map_err(from_core),
        Err(_) => Err(node_error(
            ErrorKind::Internal,
            "internal error in the native core (a bug in rtctoken; details withheld)",
        )),
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

/// Test builds only (cargo feature `panic-test`): panics inside the guard
/// with `secret` in the payload, so the suite can prove that a panic
/// surfaces as `ERR_INTERNAL` and that neither the error nor stderr
/// carries the payload.
#[cfg(feature = "panic-test")]
#[napi(skip_typescript)]
pub fn panic_for_test(secret: String) -> Result<(), NodeError> {
    guard(|| -> rtctoken::Result<()> { panic!("deliberate panic for the test suite: {secret}") })
}
