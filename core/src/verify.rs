//! Signature checks against one or more certificates (primary and secondary
//! during certificate rotation), in constant time.

use crate::access_token2;
use crate::credentials::{check_certificate, AppCertificate};
use crate::error::{Error, ErrorKind, Result};
use crate::parse::{recognise, Recognised, Token};

/// Inputs that some formats sign without carrying them.
#[derive(Clone, Copy, Debug, Default)]
pub struct VerifyInput<'a> {
    /// The channel (006, v1–v5; for RTM 006, the user account).
    pub channel_name: Option<&'a str>,
    /// The uid as text: 006 uid text, v4/v5 decimal uid (`""` = uid 0 for
    /// all three), or the account of a signaling token.
    pub uid: Option<&'a str>,
}

/// The outcome of a verification.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Verification {
    /// Index of the first certificate the signature holds for, if any.
    pub matched: Option<usize>,
}

impl Verification {
    /// Whether some certificate matched.
    pub fn is_valid(&self) -> bool {
        self.matched.is_some()
    }
}

/// Checks `token`'s signature against each of `certificates` in turn and
/// reports the first that matches. Malformed tokens and certificates are
/// errors; a signature that does not hold is `Ok` with no match.
pub fn verify(token: &str, certificates: &[&str], input: &VerifyInput) -> Result<Verification> {
    // Certificates first: a bad certificate is reported before a bad token.
    checked(certificates)?;
    match recognise(token)? {
        // 007 carries all it signs: read in place, no parsed token built.
        Recognised::Prefixed {
            prefix: access_token2::VERSION,
            body,
            ..
        } => Ok(Verification {
            matched: access_token2::signed_by_any(body, certificates)?,
        }),
        Recognised::Key(k) => verify_with(&Token::DynamicKey(k), certificates, input),
        Recognised::Prefixed { decode, body, .. } => {
            verify_with(&decode(body)?, certificates, input)
        }
    }
}

/// [`verify`] for a token already parsed, so callers that also read its
/// fields decode it once.
pub fn verify_parsed(
    parsed: &Token,
    certificates: &[&str],
    input: &VerifyInput,
) -> Result<Verification> {
    checked(certificates)?;
    verify_with(parsed, certificates, input)
}

/// Checks every certificate, keeping no copy: each is only read while a
/// signature is computed.
fn checked(certificates: &[&str]) -> Result<()> {
    if certificates.is_empty() {
        return Err(Error::new(
            ErrorKind::InvalidAppCertificate,
            "app_certificate: at least one certificate is needed to verify",
        ));
    }
    certificates.iter().try_for_each(|c| check_certificate(c))
}

/// [`verify`] for `certificates` already checked.
fn verify_with(parsed: &Token, certificates: &[&str], input: &VerifyInput) -> Result<Verification> {
    let check = parsed.format().signer(input)?;
    for (i, c) in certificates.iter().enumerate() {
        if check(&AppCertificate::new(c)?)? {
            return Ok(Verification { matched: Some(i) });
        }
    }
    Ok(Verification { matched: None })
}
