//! Signature checks against one or more certificates (primary and secondary
//! during certificate rotation), in constant time.

use crate::credentials::AppCertificate;
use crate::error::{Error, ErrorKind, Result};
use crate::parse::{parse, Token};

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
    let certs = checked(certificates)?;
    verify_with(&parse(token)?, &certs, input)
}

/// [`verify`] for a token already parsed, so callers that also read its
/// fields decode it once.
pub fn verify_parsed(
    parsed: &Token,
    certificates: &[&str],
    input: &VerifyInput,
) -> Result<Verification> {
    verify_with(parsed, &checked(certificates)?, input)
}

fn checked(certificates: &[&str]) -> Result<Vec<AppCertificate>> {
    if certificates.is_empty() {
        return Err(Error::new(
            ErrorKind::InvalidAppCertificate,
            "app_certificate: at least one certificate is needed to verify",
        ));
    }
    certificates
        .iter()
        .map(|c| AppCertificate::new(c))
        .collect()
}

fn verify_with(
    parsed: &Token,
    certs: &[AppCertificate],
    input: &VerifyInput,
) -> Result<Verification> {
    let check = parsed.format().signer(input)?;
    for (i, c) in certs.iter().enumerate() {
        if check(c)? {
            return Ok(Verification { matched: Some(i) });
        }
    }
    Ok(Verification { matched: None })
}
