//! # rtctoken-jni
//!
//! The native half of the Java package `io.rtctoken`. Every catalogue call
//! of the core becomes one `io.rtctoken.internal.Native` method through
//! [`exports`]; arguments cross through one [`convert::FromJava`] impl per
//! catalogue type. The few non-catalogue natives (parse, verify, inspect,
//! fresh stamps) live in [`tokens`] and [`raw`]. No token logic lives here.
//!
//! Every export runs inside [`failure::guard`], so a core error becomes an
//! `io.rtctoken.TokenException` with its kind and a panic becomes one of kind
//! `internal`; nothing unwinds into the JVM, and (the default panic hook
//! being replaced on load) nothing of the panic reaches stderr.

mod convert;
#[cfg(feature = "bench")]
mod core_loop;
mod exports;
mod failure;
mod flat;
mod java_value;
#[cfg(feature = "panic-probe")]
mod panic_probe;
mod raw;
mod record;
mod texts;
mod tokens;

/// Runs when the JVM loads the library: installs the silent panic hook
/// before any export can run.
#[no_mangle]
pub extern "system" fn JNI_OnLoad(
    _vm: jni::JavaVM,
    _reserved: *mut std::ffi::c_void,
) -> jni::sys::jint {
    failure::silence_panics();
    jni::sys::JNI_VERSION_1_8
}
