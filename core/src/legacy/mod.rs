//! Dynamic keys from before AccessToken (SDKs before 2.1) and the signaling
//! token. Each is an HMAC over a text or binary message; none is compressed.

pub mod dynamic_key;
pub mod dynamic_key2;
pub mod dynamic_key3;
pub mod dynamic_key4;
pub mod dynamic_key5;
pub mod signaling_token;

use hmac::{Hmac, Mac};
use sha1::Sha1;

use crate::credentials::{check_app_id, AppCertificate};
use crate::error::{Error, Result};

/// What a v1–v4 key carries in the clear (serialized without its
/// signature, absent fields left out).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct DynamicKeyInfo {
    /// 1, 2, 3 or 4.
    #[serde(skip)]
    pub version: u8,
    /// 40 lowercase hex characters of HMAC-SHA1.
    #[serde(skip)]
    pub signature: String,
    /// The app ID.
    pub app_id: String,
    /// The key's creation time (Unix seconds).
    pub unix_ts: u32,
    /// The random number mixed into the signature.
    pub random_int: u32,
    /// The user ID (v2 and v3 only; v4 signs it without carrying it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uid: Option<u32>,
    /// Absolute expiry, 0 = none (v2–v4).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expired_ts: Option<u32>,
}

/// The common text message of v1–v4: app ID, `dec10(unix_ts)`,
/// `hex8(random_int)`, channel, then for v2+ `dec10(uid)` and `dec10(expired_ts)`.
pub(crate) struct TextKey<'a> {
    pub app_id: &'a str,
    pub channel_name: &'a str,
    pub unix_ts: u32,
    pub random_int: u32,
    /// `(uid, expired_ts)` for v2 and later.
    pub tail: Option<(u32, u32)>,
}

/// v1–v4 sign the channel (and v4 the uid) without carrying them; v4 keys
/// are signed for one of its service tags.
impl crate::format::Format for DynamicKeyInfo {
    fn version(&self) -> &'static str {
        // The crate's table lists v1–v4 first, in order.
        crate::VERSIONS[usize::from(self.version - 1)].1
    }
    fn name(&self) -> &'static str {
        [
            "DynamicKey v1",
            "DynamicKey v2",
            "DynamicKey v3",
            "DynamicKey v4",
        ][usize::from(self.version - 1)]
    }
    fn app_id(&self) -> &str {
        &self.app_id
    }
    fn signature(&self) -> &[u8] {
        self.signature.as_bytes()
    }
    fn signer<'a>(&'a self, input: &crate::VerifyInput<'a>) -> Result<crate::format::Signer<'a>> {
        use crate::format::need;
        let version = self.version();
        let channel = need(input.channel_name, "channel_name", version)?;
        let tail = match (self.version, self.uid, self.expired_ts) {
            (4, None, Some(ts)) => Some((
                crate::uid::numeric_uid(need(input.uid, "uid", version)?)?,
                ts,
            )),
            (_, Some(uid), Some(ts)) => Some((uid, ts)),
            _ => None,
        };
        Ok(Box::new(move |c| {
            let key = TextKey {
                app_id: &self.app_id,
                channel_name: channel,
                unix_ts: self.unix_ts,
                random_int: self.random_int,
                tail,
            };
            let prefixes: &[&str] = if self.version == 4 {
                &dynamic_key4::SERVICES
            } else {
                &[""]
            };
            for p in prefixes {
                if crate::format::ct_eq(key.sign(c, p)?.as_bytes(), self.signature.as_bytes()) {
                    return Ok(true);
                }
            }
            Ok(false)
        }))
    }
}

impl TextKey<'_> {
    /// Hex HMAC-SHA1 of `prefix + message`, keyed with the certificate text.
    pub(crate) fn sign(&self, cert: &AppCertificate, prefix: &str) -> Result<String> {
        check_app_id(self.app_id)?;
        let mut mac =
            Hmac::<Sha1>::new_from_slice(cert.expose().as_bytes()).expect("any key length");
        mac.update(prefix.as_bytes());
        mac.update(self.app_id.as_bytes());
        mac.update(format!("{:010}{:08x}", self.unix_ts, self.random_int).as_bytes());
        mac.update(self.channel_name.as_bytes());
        if let Some((uid, expired_ts)) = self.tail {
            mac.update(format!("{uid:010}{expired_ts:010}").as_bytes());
        }
        Ok(hex::encode(mac.finalize().into_bytes()))
    }

    /// `app_id + dec10(unix_ts) + hex8(random_int)`, the part every token repeats.
    pub(crate) fn head(&self) -> String {
        format!("{}{:010}{:08x}", self.app_id, self.unix_ts, self.random_int)
    }
}

/// The letter case a format writes its hex digits in.
#[derive(Clone, Copy)]
pub(crate) enum Case {
    Lower,
    Upper,
}

/// Whether `s` is hex digits written in `case` only, as the builders write
/// them: the other case would spell the same signed value a second way.
pub(crate) fn is_hex(s: &str, case: Case) -> bool {
    s.bytes().all(|b| match case {
        Case::Lower => matches!(b, b'0'..=b'9' | b'a'..=b'f'),
        Case::Upper => matches!(b, b'0'..=b'9' | b'A'..=b'F'),
    })
}

/// Reads the fixed-width decimal/hex fields of a v1–v4 body. Only the
/// text the builders write is accepted (lowercase hex, digits, a hex app
/// ID): the signature covers the values, not their spelling, so any other
/// spelling would be a second text for one signed key.
pub(crate) fn parse_text(version: u8, body: &str) -> Result<DynamicKeyInfo> {
    let bad = |what: &str| Error::malformed(format!("DynamicKey v{version} {what}"));
    let expected = match version {
        1 => 90,
        2 | 3 => 110,
        _ => 100,
    };
    if body.len() != expected || !body.is_ascii() {
        return Err(bad(&format!(
            "body must be {expected} ASCII characters, got {} bytes",
            body.len()
        )));
    }
    let dec = |s: &str, what: &str| -> Result<u32> {
        s.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| s.parse().ok())
            .flatten()
            .ok_or_else(|| bad(&format!("{what} must be 10 decimal digits of a u32")))
    };
    let signature = &body[0..40];
    if !is_hex(signature, Case::Lower) {
        return Err(bad("signature must be 40 lowercase hexadecimal characters"));
    }
    let app_id = &body[40..72];
    check_app_id(app_id).map_err(|_| bad("app_id must be 32 hexadecimal characters"))?;
    let unix_ts = dec(&body[72..82], "unix_ts")?;
    let hex8 = &body[82..90];
    if !is_hex(hex8, Case::Lower) {
        return Err(bad("random_int must be 8 lowercase hexadecimal characters"));
    }
    let random_int = u32::from_str_radix(hex8, 16).expect("checked hex");
    let (uid, expired_ts) = match version {
        1 => (None, None),
        2 | 3 => (
            Some(dec(&body[90..100], "uid")?),
            Some(dec(&body[100..110], "expired_ts")?),
        ),
        _ => (None, Some(dec(&body[90..100], "expired_ts")?)),
    };
    Ok(DynamicKeyInfo {
        version,
        signature: signature.to_owned(),
        app_id: app_id.to_owned(),
        unix_ts,
        random_int,
        uid,
        expired_ts,
    })
}
