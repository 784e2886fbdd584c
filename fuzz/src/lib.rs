//! What every fuzz target checks besides "does not panic".

use rtctoken::Error;

/// The certificates the `verify` seeds were signed with are in the input;
/// this one is tried as well, as a second certificate during rotation.
pub const OTHER_CERT: &str = "0123456789abcdef0123456789abcdef";

/// The longest error message any input may produce: messages name the
/// field and the rule and quote at most a short excerpt, so hostile input
/// cannot grow them.
pub const MAX_MESSAGE: usize = 400;

/// Checks an error the core returned for fuzzed input.
pub fn check_error(e: &Error) {
    assert!(
        e.message().len() <= MAX_MESSAGE,
        "{}-byte message: {e}",
        e.message().len()
    );
}

/// The fuzz input as text, if it is UTF-8 (every entry point takes `&str`).
pub fn text(data: &[u8]) -> Option<&str> {
    std::str::from_utf8(data).ok()
}
