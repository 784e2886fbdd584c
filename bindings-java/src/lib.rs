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
//! `internal`; nothing unwinds into the JVM.

mod convert;
#[cfg(feature = "bench")]
mod core_loop;
mod exports;
mod failure;
mod java_value;
mod raw;
mod tokens;
