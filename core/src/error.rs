//! The one error type every call returns, with a stable kind per failure.

use std::fmt;

/// Stable, machine-readable error kinds. Bindings map each to their own
/// exception class or status code, so the set and the names never change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The app ID is not 32 hexadecimal characters.
    InvalidAppId,
    /// The app certificate is not 32 hexadecimal characters.
    InvalidAppCertificate,
    /// A 007 token was built without any service.
    NoService,
    /// A field is longer than its 16-bit length prefix can describe.
    FieldTooLong,
    /// A token string could not be decoded.
    Malformed,
    /// A token's version prefix is not one this library knows.
    UnsupportedVersion,
    /// Any other argument outside its allowed values (role, permission, uid…).
    InvalidArgument,
    /// Verification needs an input the token does not carry (channel, uid).
    MissingInput,
    /// A bug: never produced by the core on purpose; bindings report caught
    /// panics with it.
    Internal,
}

impl ErrorKind {
    /// Every kind, in a fixed order (bindings generate their tables from it).
    pub const ALL: [ErrorKind; 9] = [
        ErrorKind::InvalidAppId,
        ErrorKind::InvalidAppCertificate,
        ErrorKind::NoService,
        ErrorKind::FieldTooLong,
        ErrorKind::Malformed,
        ErrorKind::UnsupportedVersion,
        ErrorKind::InvalidArgument,
        ErrorKind::MissingInput,
        ErrorKind::Internal,
    ];

    /// The snake_case name used in vectors, JSON and every binding.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::InvalidAppId => "invalid_app_id",
            ErrorKind::InvalidAppCertificate => "invalid_app_certificate",
            ErrorKind::NoService => "no_service",
            ErrorKind::FieldTooLong => "field_too_long",
            ErrorKind::Malformed => "malformed",
            ErrorKind::UnsupportedVersion => "unsupported_version",
            ErrorKind::InvalidArgument => "invalid_argument",
            ErrorKind::MissingInput => "missing_input",
            ErrorKind::Internal => "internal",
        }
    }

    /// The kind named `name` (the inverse of [`ErrorKind::as_str`]).
    pub fn from_name(name: &str) -> Option<ErrorKind> {
        ErrorKind::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An error: a stable [`ErrorKind`] and a message naming the field and the
/// rule it broke. Messages never contain the app certificate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    message: String,
    field: Option<&'static str>,
}

impl Error {
    /// An error of `kind` with a message for humans.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error {
            kind,
            message: message.into(),
            field: None,
        }
    }

    /// The same error, naming the argument it is about (the catalogue's
    /// snake_case parameter name), so callers never read it from the text.
    pub fn with_field(mut self, field: &'static str) -> Self {
        self.field = Some(field);
        self
    }

    /// The argument this error is about, when it is about one.
    pub fn field(&self) -> Option<&'static str> {
        self.field
    }

    pub(crate) fn malformed(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::Malformed, message)
    }

    pub(crate) fn invalid(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::InvalidArgument, message)
    }

    /// The stable kind.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The message, without the kind.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind, self.message)
    }
}

impl std::error::Error for Error {}

/// How many characters of a caller's text an error or report may quote.
const EXCERPT_CHARS: usize = 24;

/// A run of this many hexadecimal digits, letters among them, may be an
/// app certificate or another key (32 random hex digits), or a large part
/// of one; a run of decimal digits is a number.
const SECRET_HEX_RUN: usize = 16;

/// `text` quoted for a message: whole when short, else its first few
/// characters and its length, so that a megabyte argument never travels
/// whole into a log; and not at all when it holds a long run of hex digits
/// (letters among them), which may be a certificate pasted into the wrong
/// field.
pub fn excerpt(text: &str) -> String {
    let (mut run, mut letters) = (0, false);
    let secret_like = text.bytes().any(|b| {
        if b.is_ascii_hexdigit() {
            run += 1;
            letters |= b.is_ascii_alphabetic();
        } else {
            (run, letters) = (0, false);
        }
        run >= SECRET_HEX_RUN && letters
    });
    if secret_like {
        return format!(
            "a value of {} bytes (not shown: it may be a secret)",
            text.len()
        );
    }
    match text.char_indices().nth(EXCERPT_CHARS) {
        None => format!("{text:?}"),
        Some((cut, _)) => format!("{:?}… ({} bytes)", &text[..cut], text.len()),
    }
}

/// The result type of every fallible call.
pub type Result<T> = std::result::Result<T, Error>;

#[cfg(test)]
mod tests {
    use super::excerpt;

    #[test]
    fn excerpts_are_short_and_hide_what_may_be_a_secret() {
        assert_eq!(excerpt("alice"), "\"alice\"");
        assert_eq!(
            excerpt(&"x".repeat(1 << 20)),
            format!("\"{}\"… (1048576 bytes)", "x".repeat(24))
        );
        assert_eq!(
            excerpt("5cfd2fd1755d40ecb72977518be15d3b"),
            "a value of 32 bytes (not shown: it may be a secret)"
        );
        assert_eq!(excerpt("ünï\u{1F600}"), "\"ünï\u{1F600}\"");
    }
}
