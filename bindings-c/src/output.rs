//! Handing results back to C: heap strings and their release, and the
//! out-parameter protocol every export follows.

use std::ffi::{c_char, CString};

use rtctoken_core::{Error, ErrorKind};

use crate::input::invalid;
use crate::status::{caught, guard, rtctoken_status};

/// Checks a value out-parameter and zeroes it, so that a failed call leaves
/// a default behind rather than stale data.
pub(crate) unsafe fn out_value<'a, T: Default>(
    out: *mut T,
    name: &'static str,
) -> Result<&'a mut T, Error> {
    let slot = out
        .as_mut()
        .ok_or_else(|| invalid(name, "(the out-parameter) must not be NULL"))?;
    *slot = T::default();
    Ok(slot)
}

/// Checks a pointer out-parameter and sets it to NULL until there is a result.
pub(crate) unsafe fn out_ptr<'a, T>(
    out: *mut *mut T,
    name: &'static str,
) -> Result<&'a mut *mut T, Error> {
    let slot = out
        .as_mut()
        .ok_or_else(|| invalid(name, "(the out-parameter) must not be NULL"))?;
    *slot = std::ptr::null_mut();
    Ok(slot)
}

/// A heap copy of `s` for C, released by `rtctoken_string_free`.
pub(crate) fn c_string(s: String) -> Result<*mut c_char, Error> {
    CString::new(s)
        .map(CString::into_raw)
        .map_err(|_| Error::new(ErrorKind::Internal, "result text holds a NUL byte"))
}

/// The shape of every string-returning export: check the out-parameter
/// `name`, run `make`, store its text in `*out` for the caller to free.
pub(crate) unsafe fn string_call(
    out: *mut *mut c_char,
    name: &'static str,
    make: impl FnOnce() -> Result<String, Error>,
) -> rtctoken_status {
    guard(|| {
        let slot = out_ptr(out, name)?;
        *slot = c_string(make()?)?;
        Ok(())
    })
}

/// Releases a string returned by this library (tokens, JSON). NULL is
/// ignored. Never pass strings from elsewhere, nor free one twice.
#[no_mangle]
pub unsafe extern "C" fn rtctoken_string_free(s: *mut c_char) {
    if !s.is_null() {
        caught((), || drop(CString::from_raw(s)));
    }
}
