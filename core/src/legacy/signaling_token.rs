//! The signaling (RTM before 2.0) token:
//! `"1:" + app_id + ":" + expired_ts + ":" + md5_hex(account + app_id + certificate + expired_ts)`.

use md5::{Digest, Md5};

use crate::credentials::{check_app_id, AppCertificate};
use crate::error::{excerpt, Error, Result};
use crate::legacy::{is_hex, Case};

/// What [`crate::Token::version`] reports for a signaling token, which
/// carries no version of its own (it starts with `1:`).
pub const VERSION: &str = "signaling";

/// What a signaling token carries in the clear (serialized without its
/// signature).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct SignalingTokenInfo {
    /// The app ID.
    pub app_id: String,
    /// Absolute expiry (Unix seconds).
    pub expired_ts: u32,
    /// 32 lowercase hex characters of MD5.
    #[serde(skip)]
    pub signature: String,
}

/// A signaling token signs the account without carrying it.
impl crate::format::Format for SignalingTokenInfo {
    fn version(&self) -> &'static str {
        VERSION
    }
    fn name(&self) -> &'static str {
        "Signaling token"
    }
    fn app_id(&self) -> &str {
        &self.app_id
    }
    fn signature(&self) -> &[u8] {
        self.signature.as_bytes()
    }
    fn signer<'a>(&'a self, input: &crate::VerifyInput<'a>) -> Result<crate::format::Signer<'a>> {
        let account = crate::format::need(input.uid, "uid", VERSION)?;
        Ok(Box::new(move |c| {
            let expected = sign(c, account, &self.app_id, self.expired_ts);
            Ok(crate::format::ct_eq(
                expected.as_bytes(),
                self.signature.as_bytes(),
            ))
        }))
    }
}

/// Builds a signaling token for `account`.
pub fn generate(
    account: &str,
    app_id: &str,
    app_certificate: &str,
    expired_ts: u32,
) -> Result<String> {
    let cert = AppCertificate::new(app_certificate)?;
    check_app_id(app_id)?;
    Ok(format!(
        "1:{app_id}:{expired_ts}:{}",
        sign(&cert, account, app_id, expired_ts)
    ))
}

pub(crate) fn sign(cert: &AppCertificate, account: &str, app_id: &str, expired_ts: u32) -> String {
    let mut h = Md5::new();
    h.update(account.as_bytes());
    h.update(app_id.as_bytes());
    h.update(cert.expose().as_bytes());
    h.update(expired_ts.to_string().as_bytes());
    hex::encode(h.finalize())
}

/// Reads `app_id:expired_ts:signature` after `"1:"`. Only the spelling
/// the builder writes is accepted (an app ID of 32 hex characters, the
/// expiry without leading zeros, a lowercase signature): the signature
/// covers the expiry's value, so `007` for `7` would be a second text for
/// one signed token.
pub(crate) fn parse(body: &str) -> Result<SignalingTokenInfo> {
    let mut parts = body.split(':');
    let (Some(app_id), Some(ts), Some(signature), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(Error::malformed(
            "signaling token must be 1:app_id:expired_ts:signature",
        ));
    };
    check_app_id(app_id).map_err(|_| {
        Error::malformed("signaling token app_id must be 32 hexadecimal characters")
    })?;
    let expired_ts = ts
        .parse::<u32>()
        .ok()
        .filter(|v| ts.bytes().all(|b| b.is_ascii_digit()) && v.to_string() == ts)
        .ok_or_else(|| {
            Error::malformed(format!(
                "signaling token expired_ts must be a decimal u32 without leading zeros, got {}",
                excerpt(ts)
            ))
        })?;
    if signature.len() != 32 || !is_hex(signature, Case::Lower) {
        return Err(Error::malformed(
            "signaling token signature must be 32 lowercase hexadecimal characters",
        ));
    }
    Ok(SignalingTokenInfo {
        app_id: app_id.to_owned(),
        expired_ts,
        signature: signature.to_owned(),
    })
}
