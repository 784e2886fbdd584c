//! What every token format answers about a parsed token, so parse, verify
//! and inspect dispatch once ([`crate::Token::format`]) instead of matching
//! on formats in several places.

use std::borrow::Cow;

use subtle::ConstantTimeEq;

use crate::credentials::AppCertificate;
use crate::error::{Error, ErrorKind, Result};
use crate::inspect::Inspect;
use crate::verify::VerifyInput;

/// A signature check against one certificate.
pub(crate) type Signer<'a> = Box<dyn Fn(&AppCertificate) -> Result<bool> + 'a>;

/// One token format's rules for a parsed token of that format (its
/// diagnostics come from its [`Inspect`] impl, next to the other ones).
pub(crate) trait Format: Inspect {
    /// `"001"`…`"007"`, or `"signaling"`.
    fn version(&self) -> &'static str;

    /// The format's name in inspect reports ("AccessToken2 (007)").
    fn name(&self) -> &'static str;

    /// The app ID the token was issued for.
    fn app_id(&self) -> &str;

    /// The app ID as the vendor's own parser prints it (the same text for
    /// every format but v5, which carries raw bytes).
    fn vendor_app_id(&self) -> Cow<'_, str> {
        Cow::Borrowed(self.app_id())
    }

    /// The signature as carried: raw bytes for 006/007, hex text otherwise.
    fn signature(&self) -> &[u8];

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
