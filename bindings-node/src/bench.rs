//! Benchmarks only (cargo feature `bench`): the core alone, looped natively
//! on arguments converted once, and the clock bench/overhead.mjs times
//! with, so that binding minus core is measured in one process.
//! (The builders' loops are generated next to their exports in `calls.rs`.)

use napi_derive::napi;
use rtctoken::{parse, verify, VerifyInput};

use crate::errors::{guard, NodeError};

/// This thread's CPU time in nanoseconds: time another process takes on
/// the shared machine is not counted.
#[napi(skip_typescript)]
pub fn thread_cpu_ns() -> f64 {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `t` is a valid timespec for the call to fill.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) };
    t.tv_sec as f64 * 1e9 + t.tv_nsec as f64
}

/// The core's parse `iterations` times (its version, to keep the result alive).
#[napi(skip_typescript)]
pub fn parse_core_loop(iterations: u32, token: String) -> Result<String, NodeError> {
    let mut version = "";
    for _ in 0..iterations {
        version = guard(|| parse(&token))?.version();
    }
    Ok(version.to_owned())
}

/// The tape of one parsed `token` written `iterations` times (its length):
/// the serializer alone, without the core or the napi string.
#[napi(skip_typescript)]
pub fn parse_tape_loop(iterations: u32, token: String) -> napi::Result<u32> {
    let parsed = guard(|| parse(&token)).map_err(|e| napi::Error::from_reason(e.reason))?;
    let mut len = 0;
    for _ in 0..iterations {
        len = crate::tape::written(&parsed, |units| Ok(units.len() as u32))?;
    }
    Ok(len)
}

/// The core's verify of `token` against one certificate `iterations` times.
#[napi(skip_typescript)]
pub fn verify_core_loop(
    iterations: u32,
    token: String,
    certificate: String,
) -> Result<bool, NodeError> {
    let mut valid = false;
    for _ in 0..iterations {
        valid = guard(|| verify(&token, &[&certificate], &VerifyInput::default()))?.is_valid();
    }
    Ok(valid)
}
