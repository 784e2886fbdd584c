//! # rtctoken-jni
//!
//! The native half of the Java package `io.rtctoken`: one exported function
//! per `io.rtctoken.internal.Native` method, each converting Java arguments,
//! calling the `rtctoken` core and converting the result back. No token logic
//! lives here.
//!
//! Every export runs inside [`failure::guard`], so a core error becomes an
//! `io.rtctoken.TokenException` with its kind and a panic becomes one of kind
//! `internal`; nothing unwinds into the JVM.

mod args;
mod builders;
mod failure;
mod legacy;
mod raw;
mod tokens;
