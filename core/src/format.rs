//! What every token format answers about a parsed token, so `verify` and
//! friends dispatch once ([`crate::Token::format`]) instead of matching on
//! formats in several places.

use subtle::ConstantTimeEq;

use crate::credentials::AppCertificate;
use crate::error::{Error, ErrorKind, Result};
use crate::verify::VerifyInput;

/// A signature check against one certificate.
pub(crate) type Signer<'a> = Box<dyn Fn(&AppCertificate) -> Result<bool> + 'a>;

/// One token format's rules for a parsed token of that format.
pub(crate) trait Format {
    /// The check that tells whether a certificate signed this token, given
    /// the inputs the format signs without carrying (refused as
    /// `missing_input` when absent, before any certificate is tried).
    fn signer<'a>(&'a self, input: &VerifyInput<'a>) -> Result<Signer<'a>>;
}

/// Constant-time equality of a computed and a carried signature.
pub(crate) fn ct_eq(a: &[u8], b: &[u8]) -> bool {
    a.ct_eq(b).into()
}

/// An input a format signs but does not carry.
pub(crate) fn need<'a>(
    value: Option<&'a str>,
    field: &'static str,
    version: &str,
) -> Result<&'a str> {
    value.ok_or_else(|| {
        Error::new(
            ErrorKind::MissingInput,
            format!("{field} is needed to verify a {version} token: it is signed but not carried"),
        )
        .with_field(field)
    })
}
