//! `inspect` on any text: no panic, short errors, and output bounded by the
//! entry limits and the 1 MiB inflate cap, however the token is crafted.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rtctoken::inspect::inspect_json;
use rtctoken_fuzz::{check_error, text};

/// JSON for a 1 MiB payload of control characters (6 bytes each escaped)
/// plus the fixed fields of the most services and privileges allowed.
const MAX_JSON: usize = 8 << 20;

fuzz_target!(|data: &[u8]| {
    let Some(token) = text(data) else { return };
    match inspect_json(token, Some(1_800_000_000)) {
        Ok(json) => assert!(json.len() <= MAX_JSON, "{} bytes of JSON", json.len()),
        Err(e) => check_error(&e),
    }
});
