//! Verification with the reason it failed, for people reading a refusal.

use super::*;

/// A verification with its explanation, for tools that must tell the user
/// why a token is refused.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct VerifyReport {
    /// Index of the first certificate the signature holds for, if any.
    pub matched: Option<usize>,
    /// How many certificates were tried.
    pub certificates: usize,
    /// Why the token does not hold for the inputs given (empty when it does).
    pub reasons: Vec<String>,
    /// Adjustments made to the inputs (e.g. uid "0" read as uid 0 for 006).
    pub notes: Vec<String>,
}

impl VerifyReport {
    /// Whether a certificate matched and the token is for the inputs given.
    pub fn is_valid(&self) -> bool {
        self.matched.is_some() && self.reasons.is_empty()
    }
}

/// Verifies `token` against `certificates` like [`crate::verify`] (decoding
/// it once), and says
/// why it fails: for 006, which of channel and uid differ (their CRC-32s
/// travel); for 007, whether the channel or uid given differ from the
/// token's. For 006, uid `"0"` is read as uid 0 (empty text) when the token
/// was made for uid 0, as [`crate::verify`] does. Certificates never appear
/// in the report.
pub fn explain_verification(
    token: &str,
    certificates: &[&str],
    input: &VerifyInput,
) -> Result<VerifyReport> {
    let parsed = parse(token)?;
    let mut notes = Vec::new();
    let mut reasons = Vec::new();
    let uid = match (&parsed, input.uid) {
        (Token::AccessToken(t), Some(uid)) if t.signed_uid(uid) != uid => {
            notes.push("uid 0 is signed as empty text in 006 tokens (any user)".to_owned());
            Some(t.signed_uid(uid))
        }
        _ => input.uid,
    };
    let effective = VerifyInput {
        channel_name: input.channel_name,
        uid,
    };
    let v = verify_parsed(&parsed, certificates, input)?;
    match &parsed {
        Token::AccessToken(t) if v.matched.is_none() => {
            let channel = effective.channel_name.unwrap_or("");
            let uid = effective.uid.unwrap_or("");
            let channel_ok = crc32fast::hash(channel.as_bytes()) == t.crc_channel_name;
            let uid_ok = crc32fast::hash(uid.as_bytes()) == t.crc_uid;
            let signed = certificates
                .iter()
                .filter_map(|c| AppCertificate::new(c).ok())
                .any(|c| t.signed_by(&c, channel, uid));
            if signed {
                // The signature holds, so the CRCs (which it does not cover)
                // were changed after the token was made.
                for (ok, field, of) in [
                    (channel_ok, "crc_channel_name", "channel_name"),
                    (uid_ok, "crc_uid", "uid"),
                ] {
                    if !ok {
                        reasons.push(format!(
                            "the token's {field} is not the CRC-32 of the {of} its signature is for: the token was altered after it was made"
                        ));
                    }
                }
            } else {
                if !channel_ok {
                    reasons.push(format!(
                        "channel_name {} is not the channel the token was made for (its CRC-32 differs from the token's crc_channel_name)",
                        excerpt(channel)
                    ));
                }
                if !uid_ok {
                    reasons.push(format!(
                        "uid {} is not the uid the token was made for (its CRC-32 differs from the token's crc_uid{})",
                        excerpt(uid),
                        if t.crc_uid == 0 { "; the token is for uid 0, give an empty uid" } else { "" }
                    ));
                }
                if channel_ok && uid_ok {
                    reasons.push(no_certificate(certificates.len()));
                }
            }
        }
        Token::AccessToken2(t) => {
            if v.matched.is_none() {
                reasons.push(no_certificate(certificates.len()));
            }
            let rtc = t.services.iter().find_map(|s| match &s.fields {
                ServiceFields::Rtc { channel_name, uid } => Some((channel_name, uid)),
                _ => None,
            });
            if let (Some(want), Some((have, _))) = (input.channel_name, rtc) {
                if want != have {
                    reasons.push(format!(
                        "the token is for channel {}, not {}",
                        excerpt(have),
                        excerpt(want)
                    ));
                }
            }
            if let (Some(want), Some((_, have))) = (input.uid, rtc) {
                // uid 0 is encoded as "", the account "0" as "0".
                if want != have && !(want == "0" && have.is_empty()) {
                    reasons.push(format!(
                        "the token is for uid {}{}, not {}",
                        excerpt(have),
                        if have.is_empty() { " (uid 0, any user)" } else { "" },
                        excerpt(want)
                    ));
                }
            }
            if rtc.is_none() && (input.channel_name.is_some() || input.uid.is_some()) {
                notes.push(
                    "the token has no rtc service, so the channel and uid given were not compared"
                        .to_owned(),
                );
            }
        }
        _ if v.matched.is_none() => reasons.push(format!(
            "{}; this format signs the channel and uid without carrying them, so a different channel or uid also gives this result",
            no_certificate(certificates.len())
        )),
        _ => {}
    }
    Ok(VerifyReport {
        matched: v.matched,
        certificates: certificates.len(),
        reasons,
        notes,
    })
}

pub(super) fn no_certificate(n: usize) -> String {
    if n == 1 {
        "the signature does not hold for the certificate given: the token was made with another certificate (or app ID), or altered".to_owned()
    } else {
        format!("the signature holds for none of the {n} certificates given: the token was made with another certificate (or app ID), or altered")
    }
}
