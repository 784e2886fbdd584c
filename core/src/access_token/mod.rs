//! AccessToken "006": HMAC-SHA256 over app ID, channel, uid and a message of
//! salt, expiry and privileges; only CRCs of the channel and uid travel.

use std::collections::BTreeMap;

use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::credentials::{check_app_id, AppCertificate};
use crate::error::{Error, Result};
use crate::limits::MAX_PRIVILEGES;
use crate::stamp::Stamp;
use crate::wire::{base64_body, base64_token, Reader, Writer};

/// The prefix 006 tokens start with.
pub const VERSION: &str = "006";

/// Privilege: join a channel.
pub const JOIN_CHANNEL: u16 = 1;
/// Privilege: publish an audio stream.
pub const PUBLISH_AUDIO_STREAM: u16 = 2;
/// Privilege: publish a video stream.
pub const PUBLISH_VIDEO_STREAM: u16 = 3;
/// Privilege: publish a data stream.
pub const PUBLISH_DATA_STREAM: u16 = 4;
/// Privilege: log in to RTM.
pub const RTM_LOGIN: u16 = 1000;

/// How long a builder's 006 token itself lives: its `ts` is issue time + 24 h.
pub const TOKEN_LIFETIME: u32 = crate::lifetime::DAY;

/// Every 006 privilege id the vendor's references declare, with its name,
/// for the bindings' upstream constants; the service honours only those
/// `privilege_name` names (join, the three publishes, RTM login).
pub const DECLARED_PRIVILEGES: [(u16, &str); 14] = [
    (JOIN_CHANNEL, "join_channel"),
    (PUBLISH_AUDIO_STREAM, "publish_audio_stream"),
    (PUBLISH_VIDEO_STREAM, "publish_video_stream"),
    (PUBLISH_DATA_STREAM, "publish_data_stream"),
    (5, "publish_audio_cdn"),
    (6, "publish_video_cdn"),
    (7, "request_publish_audio_stream"),
    (8, "request_publish_video_stream"),
    (9, "request_publish_data_stream"),
    (10, "invite_publish_audio_stream"),
    (11, "invite_publish_video_stream"),
    (12, "invite_publish_data_stream"),
    (101, "administrate_channel"),
    (RTM_LOGIN, "rtm_login"),
];

/// The name of a 006 privilege the service honours.
pub fn privilege_name(privilege: u16) -> Option<&'static str> {
    match privilege {
        JOIN_CHANNEL | PUBLISH_AUDIO_STREAM | PUBLISH_VIDEO_STREAM | PUBLISH_DATA_STREAM
        | RTM_LOGIN => crate::tables::name_of(&DECLARED_PRIVILEGES, privilege),
        _ => None,
    }
}

/// The `ts` a builder gives a 006 token issued at `issue_ts`: 24 h later,
/// refused (not wrapped) when that passes the 32-bit clock in 2106.
pub fn expiry_after(issue_ts: u32) -> Result<u32> {
    crate::lifetime::expires_at(issue_ts, TOKEN_LIFETIME).map_err(|_| {
        Error::invalid(format!(
            "issue_ts must be at most {} so that issue_ts + 24 h fits in 32 bits, got {issue_ts}",
            u32::MAX - TOKEN_LIFETIME
        ))
        .with_field("issue_ts")
    })
}

/// A 006 token being built.
#[derive(Clone, Debug)]
pub struct AccessToken {
    /// The app ID (32 hex characters).
    pub app_id: String,
    app_certificate: AppCertificate,
    /// The channel (or, for RTM, the user account).
    pub channel_name: String,
    /// The uid as text: `""` for uid 0 ("any user"), else decimal or an account.
    pub uid: String,
    /// Random salt.
    pub salt: u32,
    /// The token's own expiry (absolute Unix seconds).
    pub ts: u32,
    /// Privilege id → absolute Unix expiry (0 = none).
    pub privileges: BTreeMap<u16, u32>,
}

impl AccessToken {
    /// A token for `uid` (text, `""` = any) in `channel_name`, living 24 h
    /// from the stamp's issue time.
    pub fn new(
        app_id: &str,
        app_certificate: &str,
        channel_name: &str,
        uid: &str,
        stamp: Stamp,
    ) -> Result<Self> {
        let ts = expiry_after(stamp.issue_ts())?;
        Self::with_salt_and_ts(app_id, app_certificate, channel_name, uid, stamp.salt(), ts)
    }

    /// A token with its salt and expiry given exactly.
    pub fn with_salt_and_ts(
        app_id: &str,
        app_certificate: &str,
        channel_name: &str,
        uid: &str,
        salt: u32,
        ts: u32,
    ) -> Result<Self> {
        check_app_id(app_id)?;
        Ok(AccessToken {
            app_id: app_id.to_owned(),
            app_certificate: AppCertificate::new(app_certificate)?,
            channel_name: channel_name.to_owned(),
            uid: uid.to_owned(),
            salt,
            ts,
            privileges: BTreeMap::new(),
        })
    }

    /// Grants `privilege` until `expire_ts` (absolute, 0 = none).
    pub fn add_privilege(&mut self, privilege: u16, expire_ts: u32) {
        self.privileges.insert(privilege, expire_ts);
    }

    /// The token string.
    pub fn build(&self) -> Result<String> {
        let mut m = Writer::with_capacity(10 + 6 * self.privileges.len());
        m.u32(self.salt)
            .u32(self.ts)
            .map_u32("privileges", &self.privileges, MAX_PRIVILEGES)?;
        let signature = sign(
            &self.app_certificate,
            &self.app_id,
            &self.channel_name,
            &self.uid,
            &m.buf,
        );
        let mut w = Writer::with_capacity(48 + m.buf.len());
        w.bytes("signature", &signature)?
            .u32(crc32fast::hash(self.channel_name.as_bytes()))
            .u32(crc32fast::hash(self.uid.as_bytes()))
            .bytes("message", &m.buf)?;
        Ok(base64_token(&[VERSION, &self.app_id], &w.buf))
    }
}

/// Builds a raw 006 token with exactly these fields.
pub fn build(
    app_id: &str,
    app_certificate: &str,
    channel_name: &str,
    uid: &str,
    salt: u32,
    ts: u32,
    privileges: &BTreeMap<u16, u32>,
) -> Result<String> {
    let mut t =
        AccessToken::with_salt_and_ts(app_id, app_certificate, channel_name, uid, salt, ts)?;
    t.privileges = privileges.clone();
    t.build()
}

pub use crate::uid::{account_text, uid_text};

fn sign(
    cert: &AppCertificate,
    app_id: &str,
    channel_name: &str,
    uid: &str,
    message: &[u8],
) -> [u8; 32] {
    let mut mac = Hmac::<Sha256>::new_from_slice(cert.expose().as_bytes()).expect("any key length");
    mac.update(app_id.as_bytes());
    mac.update(channel_name.as_bytes());
    mac.update(uid.as_bytes());
    mac.update(message);
    mac.finalize().into_bytes().into()
}

/// What a 006 token carries (serialized without its signature).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct AccessTokenInfo {
    /// The app ID.
    pub app_id: String,
    /// The raw HMAC-SHA256 signature.
    #[serde(skip)]
    pub signature: Vec<u8>,
    /// CRC-32 of the channel name (the name itself does not travel).
    pub crc_channel_name: u32,
    /// CRC-32 of the uid text.
    pub crc_uid: u32,
    /// Salt.
    pub salt: u32,
    /// The token's expiry (absolute Unix seconds).
    pub ts: u32,
    /// Privilege id → absolute expiry.
    pub privileges: BTreeMap<u16, u32>,
    /// The signed message bytes, kept for verification.
    #[serde(skip)]
    pub(crate) message: Vec<u8>,
}

/// 006 signs the channel and uid but carries only their CRC-32s.
impl crate::format::Format for AccessTokenInfo {
    fn version(&self) -> &'static str {
        VERSION
    }
    fn name(&self) -> &'static str {
        "AccessToken (006)"
    }
    fn app_id(&self) -> &str {
        &self.app_id
    }
    fn signature(&self) -> &[u8] {
        &self.signature
    }
    fn signer<'a>(&'a self, input: &crate::VerifyInput<'a>) -> Result<crate::format::Signer<'a>> {
        use crate::format::need;
        let channel = need(input.channel_name, "channel_name", VERSION)?;
        let uid = self.signed_uid(need(input.uid, "uid", VERSION)?);
        // The CRCs are not signed: a token whose CRCs do not match the
        // channel and uid it is signed for was altered after signing.
        if !self.crcs_match(channel, uid) {
            return Ok(Box::new(|_| Ok(false)));
        }
        Ok(Box::new(move |c| Ok(self.signed_by(c, channel, uid))))
    }
}

impl AccessTokenInfo {
    /// Whether the token's CRCs are those of `channel_name` and `uid`.
    /// The uid text this token was signed with when a caller names `uid`:
    /// uid 0 is signed as `""`, so `"0"` is read as uid 0 when the token
    /// carries the empty text's CRC (an account `"0"` carries its own).
    pub fn signed_uid<'a>(&self, uid: &'a str) -> &'a str {
        if uid == "0" && self.crc_uid == crc32fast::hash(b"") {
            ""
        } else {
            uid
        }
    }

    pub(crate) fn crcs_match(&self, channel_name: &str, uid: &str) -> bool {
        crc32fast::hash(channel_name.as_bytes()) == self.crc_channel_name
            && crc32fast::hash(uid.as_bytes()) == self.crc_uid
    }

    /// Whether the signature holds for `certificate`, `channel_name` and `uid`.
    pub(crate) fn signed_by(&self, cert: &AppCertificate, channel_name: &str, uid: &str) -> bool {
        let expected = sign(cert, &self.app_id, channel_name, uid, &self.message);
        crate::format::ct_eq(&expected, &self.signature)
    }
}

/// Decodes what follows `"006"`.
pub(crate) fn parse(body: &str) -> Result<AccessTokenInfo> {
    let (app_id, rest) = match body.get(..32) {
        Some(a) => (a, &body[32..]),
        None => {
            return Err(Error::malformed(
                "006 token is shorter than its 32-character app ID",
            ))
        }
    };
    if !app_id.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(Error::malformed(
            "006 token's app ID is not 32 hex characters",
        ));
    }
    let raw = base64_body("006 token", rest)?;
    let mut r = Reader::new(&raw);
    let signature = r.bytes("signature")?.to_vec();
    let crc_channel_name = r.u32("crc_channel_name")?;
    let crc_uid = r.u32("crc_uid")?;
    let message = r.bytes("message")?.to_vec();
    if !r.is_empty() {
        return Err(Error::malformed("006 token has bytes after its message"));
    }
    let mut m = Reader::new(&message);
    let salt = m.u32("salt")?;
    let ts = m.u32("ts")?;
    let privileges = m.map_u32("privileges", MAX_PRIVILEGES)?;
    if !m.is_empty() {
        return Err(Error::malformed(
            "006 message has bytes after its privileges",
        ));
    }
    Ok(AccessTokenInfo {
        app_id: app_id.to_owned(),
        signature,
        crc_channel_name,
        crc_uid,
        salt,
        ts,
        privileges,
        message,
    })
}
