//! Status codes, their messages, the per-thread last error, and the guard
//! that turns errors and panics into a status at the boundary.

use std::cell::{Cell, RefCell};
use std::ffi::{c_char, c_int, CStr, CString};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Once, OnceLock};

use rtctoken_core::{Error, ErrorKind};

/// What a call did: `RTCTOKEN_OK`, or one value per core error kind so that
/// C callers can branch on the same stable kinds as every other binding.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum rtctoken_status {
    /// Success; the out-parameters hold the result.
    RTCTOKEN_OK = 0,
    /// The app ID is not 32 hexadecimal characters.
    RTCTOKEN_INVALID_APP_ID = 1,
    /// The app certificate is not 32 hexadecimal characters.
    RTCTOKEN_INVALID_APP_CERTIFICATE = 2,
    /// A 007 token was built without any service.
    RTCTOKEN_NO_SERVICE = 3,
    /// A field is longer than its 16-bit length prefix can describe.
    RTCTOKEN_FIELD_TOO_LONG = 4,
    /// A token string could not be decoded.
    RTCTOKEN_MALFORMED = 5,
    /// A token's version prefix is not one this library knows.
    RTCTOKEN_UNSUPPORTED_VERSION = 6,
    /// An argument is outside its allowed values (also: a NULL pointer or
    /// text that is not UTF-8).
    RTCTOKEN_INVALID_ARGUMENT = 7,
    /// Verification needs an input the token does not carry (channel, uid).
    RTCTOKEN_MISSING_INPUT = 8,
    /// A bug in the library (a caught panic); please report it.
    RTCTOKEN_INTERNAL = 9,
}

use rtctoken_status::*;

/// Every status, indexed by its value: `RTCTOKEN_OK`, then one per core
/// kind in `ErrorKind::ALL` order. cbindgen reads only source, so the enum
/// is listed by hand; a kind the core adds changes this array's length and
/// stops the build until it has a status (`ErrorKind` is non-exhaustive, so
/// a `match` cannot), and the tests below hold the names to the core's.
const ALL: [rtctoken_status; ErrorKind::ALL.len() + 1] = [
    RTCTOKEN_OK,
    RTCTOKEN_INVALID_APP_ID,
    RTCTOKEN_INVALID_APP_CERTIFICATE,
    RTCTOKEN_NO_SERVICE,
    RTCTOKEN_FIELD_TOO_LONG,
    RTCTOKEN_MALFORMED,
    RTCTOKEN_UNSUPPORTED_VERSION,
    RTCTOKEN_INVALID_ARGUMENT,
    RTCTOKEN_MISSING_INPUT,
    RTCTOKEN_INTERNAL,
];

impl From<ErrorKind> for rtctoken_status {
    fn from(kind: ErrorKind) -> Self {
        ErrorKind::ALL
            .iter()
            .position(|k| *k == kind)
            .map_or(RTCTOKEN_INTERNAL, |i| ALL[i + 1])
    }
}

impl rtctoken_status {
    /// The status with numeric value `value`, if there is one.
    fn from_int(value: c_int) -> Option<Self> {
        usize::try_from(value)
            .ok()
            .and_then(|i| ALL.get(i).copied())
    }

    /// The snake_case kind name shared with the core and every binding:
    /// "ok", then the core's names (NUL-terminated, made once).
    fn name(self) -> &'static CStr {
        static NAMES: OnceLock<Vec<CString>> = OnceLock::new();
        NAMES.get_or_init(|| {
            std::iter::once("ok")
                .chain(ErrorKind::ALL.map(ErrorKind::as_str))
                .map(|n| CString::new(n).unwrap_or_default())
                .collect()
        })[self as usize]
            .as_c_str()
    }

    /// A sentence describing the status (C prose; the core has none per kind).
    fn message(self) -> &'static CStr {
        match self {
            RTCTOKEN_OK => c"success",
            RTCTOKEN_INVALID_APP_ID => c"the app ID must be 32 hexadecimal characters",
            RTCTOKEN_INVALID_APP_CERTIFICATE => {
                c"the app certificate must be 32 hexadecimal characters"
            }
            RTCTOKEN_NO_SERVICE => c"a 007 token needs at least one service",
            RTCTOKEN_FIELD_TOO_LONG => c"a field is longer than 65535 bytes",
            RTCTOKEN_MALFORMED => c"the token could not be decoded",
            RTCTOKEN_UNSUPPORTED_VERSION => c"the token version is not supported",
            RTCTOKEN_INVALID_ARGUMENT => c"an argument is invalid",
            RTCTOKEN_MISSING_INPUT => {
                c"verification needs an input the token does not carry (channel name or uid)"
            }
            RTCTOKEN_INTERNAL => c"internal error in rtctoken (a bug; please report it)",
        }
    }
}

/// The string for an unknown status value.
const UNKNOWN: &CStr = c"unknown status";

/// The kind name of `status` ("ok", "invalid_app_id", …, as in the test
/// vectors), or "unknown status". The string is static: never free it.
#[no_mangle]
pub extern "C" fn rtctoken_status_name(status: c_int) -> *const c_char {
    caught(UNKNOWN, || {
        rtctoken_status::from_int(status).map_or(UNKNOWN, rtctoken_status::name)
    })
    .as_ptr()
}

/// A fixed English sentence for `status`, or "unknown status". The string is
/// static: never free it. For the details of a failure, use
/// `rtctoken_last_error_message`.
#[no_mangle]
pub extern "C" fn rtctoken_status_message(status: c_int) -> *const c_char {
    caught(UNKNOWN, || {
        rtctoken_status::from_int(status).map_or(UNKNOWN, rtctoken_status::message)
    })
    .as_ptr()
}

thread_local! {
    /// The last failure on this thread: the only mutable state of the library.
    static LAST_ERROR: RefCell<(rtctoken_status, CString)> =
        RefCell::new((RTCTOKEN_OK, CString::default()));
}

fn set_last_error(status: rtctoken_status, message: &str) {
    // Messages come from the core or this crate and hold no NUL; strip any
    // rather than lose the message.
    let text = CString::new(message.replace('\0', "")).unwrap_or_default();
    // During thread teardown the slot may be gone; the status still tells.
    let _ = LAST_ERROR.try_with(|e| *e.borrow_mut() = (status, text));
}

/// The detailed message of the last failed call on the calling thread
/// (naming the field and the rule it broke; never the certificate), or ""
/// if no call has failed on this thread. Valid until the next failing call
/// on this thread; never free it.
#[no_mangle]
pub extern "C" fn rtctoken_last_error_message() -> *const c_char {
    caught(c"".as_ptr(), || {
        LAST_ERROR
            .try_with(|e| e.borrow().1.as_ptr())
            .unwrap_or(c"".as_ptr())
    })
}

/// The status of the last failed call on the calling thread, or
/// `RTCTOKEN_OK` if none has failed.
#[no_mangle]
pub extern "C" fn rtctoken_last_error_status() -> rtctoken_status {
    caught(RTCTOKEN_OK, || {
        LAST_ERROR.try_with(|e| e.borrow().0).unwrap_or(RTCTOKEN_OK)
    })
}

/// Runs an export that has no status to return (frees, counts, static
/// strings): a panic yields `fallback` instead of crossing the boundary.
pub(crate) fn caught<T>(fallback: T, body: impl FnOnce() -> T) -> T {
    at_boundary(body).unwrap_or(fallback)
}

thread_local! {
    /// Whether this thread is inside an export, where panics are caught.
    static AT_BOUNDARY: Cell<bool> = const { Cell::new(false) };
}

/// What stderr shows for a panic caught at the boundary: its payload,
/// location and backtrace could quote an argument (a certificate), so the
/// default hook's report is replaced by this fixed line.
const PANIC_REPORT: &str =
    "rtctoken: internal error: a panic was caught at the C boundary (a bug; please report it)";

/// Installs, once, a panic hook that reports a panic inside an export as
/// [`PANIC_REPORT`] only, and hands every other panic of the process to
/// the hook that was there before.
fn install_panic_hook() {
    static INSTALLED: Once = Once::new();
    INSTALLED.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if AT_BOUNDARY.try_with(Cell::get).unwrap_or(false) {
                eprintln!("{PANIC_REPORT}");
            } else {
                previous(info);
            }
        }));
    });
}

/// Runs `body` as an export, catching any panic (reported by the hook
/// without its payload).
fn at_boundary<T>(body: impl FnOnce() -> T) -> std::thread::Result<T> {
    install_panic_hook();
    let outer = AT_BOUNDARY.try_with(|b| b.replace(true)).unwrap_or(false);
    let result = catch_unwind(AssertUnwindSafe(body));
    let _ = AT_BOUNDARY.try_with(|b| b.set(outer));
    result
}

/// Runs the body of an export: maps its error to a status (recording the
/// message for this thread) and a panic to `RTCTOKEN_INTERNAL`.
pub(crate) fn guard(body: impl FnOnce() -> Result<(), Error>) -> rtctoken_status {
    match at_boundary(body) {
        Ok(Ok(())) => RTCTOKEN_OK,
        Ok(Err(e)) => {
            let status = rtctoken_status::from(e.kind());
            set_last_error(status, &e.to_string());
            status
        }
        Err(_) => {
            // The panic payload is not echoed: it could quote an argument.
            set_last_error(
                RTCTOKEN_INTERNAL,
                "internal: a panic inside rtctoken was caught at the C boundary (a bug; please report it)",
            );
            RTCTOKEN_INTERNAL
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::CStr;

    #[test]
    fn statuses_are_numbered_ok_then_the_core_kinds_in_order() {
        for (value, status) in ALL.iter().enumerate() {
            assert_eq!(*status as usize, value);
            let variant = format!("{status:?}").to_ascii_lowercase();
            let name = unsafe { CStr::from_ptr(rtctoken_status_name(value as c_int)) };
            assert_eq!(variant, format!("rtctoken_{}", name.to_str().unwrap()));
        }
    }

    #[test]
    fn every_kind_has_a_status_named_like_it() {
        for kind in ErrorKind::ALL {
            let status = rtctoken_status::from(kind);
            let name = unsafe { CStr::from_ptr(rtctoken_status_name(status as c_int)) };
            assert_eq!(name.to_str().unwrap(), kind.as_str());
        }
    }

    #[test]
    fn panics_become_internal() {
        let status = guard(|| panic!("boom"));
        assert_eq!(status, RTCTOKEN_INTERNAL);
        assert_eq!(rtctoken_last_error_status(), RTCTOKEN_INTERNAL);
    }

    #[test]
    fn unknown_status_values_are_named_as_such() {
        for v in [-1, 10, 1000] {
            let s = unsafe { CStr::from_ptr(rtctoken_status_message(v)) };
            assert_eq!(s.to_str().unwrap(), "unknown status");
        }
    }
    /// A deliberate panic in this test-only build, run in a child process
    /// (with backtraces on) so its real stderr can be read.
    #[test]
    fn a_caught_panic_reaches_stderr_without_its_payload() {
        const CHILD: &str = "RTCTOKEN_C_PANIC_CHILD";
        if std::env::var_os(CHILD).is_some() {
            let status = guard(|| panic!("payload 0123456789abcdef0123456789abcdef"));
            assert_eq!(status, RTCTOKEN_INTERNAL);
            return;
        }
        let out = std::process::Command::new(std::env::current_exe().expect("test binary"))
            .args([
                "--exact",
                "status::tests::a_caught_panic_reaches_stderr_without_its_payload",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD, "1")
            .env("RUST_BACKTRACE", "full")
            .output()
            .expect("run the child");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "child failed: {stderr}");
        assert_eq!(stderr.matches(PANIC_REPORT).count(), 1, "{stderr}");
        assert!(!stderr.contains("0123456789abcdef"), "{stderr}");
        assert!(!stderr.contains("backtrace"), "{stderr}");
        assert!(!stderr.contains("status.rs"), "{stderr}");
    }
}
