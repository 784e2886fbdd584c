//! Signature checks against one or more certificates (primary and secondary
//! during certificate rotation), in constant time.

use subtle::ConstantTimeEq;

use crate::credentials::AppCertificate;
use crate::error::{excerpt, Error, ErrorKind, Result};
use crate::legacy::dynamic_key4::SERVICES as V4_SERVICES;
use crate::legacy::{signaling_token, TextKey};
use crate::parse::{parse, Token};

/// A signature check against one certificate.
type Check<'a> = Box<dyn Fn(&AppCertificate) -> Result<bool> + 'a>;

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

pub(crate) fn ct_eq(a: &[u8], b: &[u8]) -> bool {
    a.ct_eq(b).into()
}

fn need<'a>(value: Option<&'a str>, field: &'static str, version: &str) -> Result<&'a str> {
    value.ok_or_else(|| {
        Error::new(
            ErrorKind::MissingInput,
            format!("{field} is needed to verify a {version} token: it is signed but not carried"),
        )
        .with_field(field)
    })
}

/// A v4/v5 uid; `""` is uid 0, as in 006 and 007, so callers may turn any
/// numeric uid into text one way (`access_token::uid_text`) for every format.
fn numeric_uid(uid: &str) -> Result<u32> {
    if uid.is_empty() {
        return Ok(0);
    }
    uid.parse().map_err(|_| {
        Error::invalid(format!(
            "uid must be a decimal number in 0..=4294967295, got {}",
            excerpt(uid)
        ))
    })
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
    let version = parsed.version();
    let check: Check = match parsed {
        Token::AccessToken2(t) => Box::new(move |c| Ok(t.signed_by(c))),
        Token::AccessToken(t) => {
            let channel = need(input.channel_name, "channel_name", version)?;
            let uid = t.signed_uid(need(input.uid, "uid", version)?);
            // The CRCs are not signed: a token whose CRCs do not match the
            // channel and uid it is signed for was altered after signing.
            if !t.crcs_match(channel, uid) {
                return Ok(Verification { matched: None });
            }
            Box::new(move |c| Ok(t.signed_by(c, channel, uid)))
        }
        Token::DynamicKey5(k) => {
            let channel = need(input.channel_name, "channel_name", version)?;
            let uid = numeric_uid(need(input.uid, "uid", version)?)?;
            Box::new(move |c| k.signed_by(c, channel, uid))
        }
        Token::DynamicKey(k) => {
            let channel = need(input.channel_name, "channel_name", version)?;
            let tail = match (k.version, k.uid, k.expired_ts) {
                (4, None, Some(ts)) => Some((numeric_uid(need(input.uid, "uid", version)?)?, ts)),
                (_, Some(uid), Some(ts)) => Some((uid, ts)),
                _ => None,
            };
            Box::new(move |c| {
                let key = TextKey {
                    app_id: &k.app_id,
                    channel_name: channel,
                    unix_ts: k.unix_ts,
                    random_int: k.random_int,
                    tail,
                };
                let prefixes: &[&str] = if k.version == 4 { &V4_SERVICES } else { &[""] };
                for p in prefixes {
                    if ct_eq(key.sign(c, p)?.as_bytes(), k.signature.as_bytes()) {
                        return Ok(true);
                    }
                }
                Ok(false)
            })
        }
        Token::Signaling(k) => {
            let account = need(input.uid, "uid (the account)", version)?;
            Box::new(move |c| {
                let expected = signaling_token::sign(c, account, &k.app_id, k.expired_ts);
                Ok(ct_eq(expected.as_bytes(), k.signature.as_bytes()))
            })
        }
    };
    for (i, c) in certs.iter().enumerate() {
        if check(c)? {
            return Ok(Verification { matched: Some(i) });
        }
    }
    Ok(Verification { matched: None })
}
