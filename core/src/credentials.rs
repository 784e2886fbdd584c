//! App ID and app certificate checks, and the certificate's secret holder.

use std::fmt;

use zeroize::Zeroizing;

use crate::error::{Error, ErrorKind, Result};

/// The length of an app ID or certificate in hex digits; the bindings' own
/// `APP_ID_LENGTH` constants are this.
pub const ID_LEN: usize = 32;

fn hex_rule(field: &str, value: &str) -> Option<String> {
    if value.len() != ID_LEN {
        // The certificate's length is not secret, its characters are.
        return Some(format!(
            "{field} must be {ID_LEN} hexadecimal characters, got {}",
            value.chars().count()
        ));
    }
    // Every byte checked, no early exit: the loop vectorises.
    if !value.bytes().fold(true, |ok, b| ok & b.is_ascii_hexdigit()) {
        return Some(format!(
            "{field} must be {ID_LEN} hexadecimal characters, got a non-hexadecimal character"
        ));
    }
    None
}

/// The 16 bytes of a checked 32-hex-digit ID, decoded in place (no
/// allocation).
pub(crate) fn decode_id(checked: &str) -> [u8; ID_LEN / 2] {
    let mut out = [0; ID_LEN / 2];
    hex::decode_to_slice(checked, &mut out).expect("checked hex");
    out
}

/// Checks that `app_id` is 32 hexadecimal characters (either case).
pub fn check_app_id(app_id: &str) -> Result<()> {
    match hex_rule("app_id", app_id) {
        Some(msg) => Err(Error::new(ErrorKind::InvalidAppId, msg).with_field("app_id")),
        None => Ok(()),
    }
}

/// Checks that `certificate` is 32 hexadecimal characters, without
/// keeping a copy of it.
pub(crate) fn check_certificate(certificate: &str) -> Result<()> {
    match hex_rule("app_certificate", certificate) {
        Some(msg) => {
            Err(Error::new(ErrorKind::InvalidAppCertificate, msg).with_field("app_certificate"))
        }
        None => Ok(()),
    }
}

/// An app certificate: checked on creation, wiped from memory on drop, and
/// printed as `<redacted>` so it never reaches a log. Its digits are kept
/// inline, so holding one allocates nothing.
#[derive(Clone)]
pub struct AppCertificate(Zeroizing<[u8; ID_LEN]>);

impl AppCertificate {
    /// Checks that `certificate` is 32 hexadecimal characters and holds a copy.
    pub fn new(certificate: &str) -> Result<Self> {
        check_certificate(certificate)?;
        let mut digits = Zeroizing::new([0; ID_LEN]);
        digits.copy_from_slice(certificate.as_bytes());
        Ok(AppCertificate(digits))
    }

    /// The certificate text, for signing.
    pub fn expose(&self) -> &str {
        std::str::from_utf8(&self.0[..]).expect("checked: hex digits are ASCII")
    }

    /// The 16 bytes the certificate's hex digits stand for (DynamicKey5
    /// key), written where the caller wipes them: no copy is left behind.
    pub(crate) fn decode_into(&self, key: &mut Zeroizing<[u8; ID_LEN / 2]>) {
        hex::decode_to_slice(&self.0[..], &mut key[..]).expect("checked hex");
    }
}

impl fmt::Debug for AppCertificate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

impl fmt::Display for AppCertificate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}
