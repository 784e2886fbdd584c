//! DynamicKey v5: binary, `"005" + base64(content)`, signed with the
//! hex-decoded certificate; the channel and uid are signed, not carried.

use std::collections::BTreeMap;

use hmac::{Hmac, Mac};
use sha1::Sha1;

use crate::credentials::{check_app_id, AppCertificate};
use crate::error::{Error, Result};
use crate::wire::{base64_body, base64_token, Reader, Writer};

/// Service type of a media channel key.
pub const MEDIA_CHANNEL_SERVICE: u16 = 1;
/// Service type of a recording key.
pub const RECORDING_SERVICE: u16 = 2;
/// Service type of a public sharing key.
pub const PUBLIC_SHARING_SERVICE: u16 = 3;
/// Service type of an in-channel permission key.
pub const IN_CHANNEL_PERMISSION: u16 = 4;
/// `extra` key holding the in-channel permission.
pub const ALLOW_UPLOAD_IN_CHANNEL: u16 = 1;
/// Permission value: may not upload.
pub const NO_UPLOAD: &str = "0";
/// Permission value: may upload audio and video.
pub const AUDIO_VIDEO_UPLOAD: &str = "3";

/// What a v5 key carries in the clear.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DynamicKey5Info {
    /// 1 media channel, 2 recording, 3 public sharing, 4 in-channel permission.
    pub service_type: u16,
    /// 40 uppercase hex characters of HMAC-SHA1.
    pub signature: String,
    /// The app ID, lowercase hex.
    pub app_id: String,
    /// The key's creation time (Unix seconds).
    pub unix_ts: u32,
    /// The random number mixed into the signature.
    pub random_int: u32,
    /// Absolute expiry, 0 = none.
    pub expired_ts: u32,
    /// Extra fields (`{1: permission}` for in-channel permission keys).
    pub extra: BTreeMap<u16, String>,
}

/// The inputs a v5 signature covers.
pub(crate) struct Key5<'a> {
    pub service_type: u16,
    pub app_id: &'a str,
    pub channel_name: &'a str,
    pub unix_ts: u32,
    pub random_int: u32,
    pub uid: u32,
    pub expired_ts: u32,
    pub extra: &'a BTreeMap<u16, String>,
}

impl Key5<'_> {
    /// Uppercase hex HMAC-SHA1 over the binary message.
    pub(crate) fn sign(&self, cert: &AppCertificate) -> Result<String> {
        check_app_id(self.app_id)?;
        let app_id = hex::decode(self.app_id).expect("checked hex");
        let mut w = Writer::with_capacity(64 + self.channel_name.len());
        w.u16(self.service_type)
            .bytes("app_id", &app_id)?
            .u32(self.unix_ts)
            .u32(self.random_int)
            .str("channel_name", self.channel_name)?
            .u32(self.uid)
            .u32(self.expired_ts)
            .map_str("extra", self.extra)?;
        let mut mac = Hmac::<Sha1>::new_from_slice(&cert.decoded()).expect("any key length");
        mac.update(&w.buf);
        Ok(hex::encode_upper(mac.finalize().into_bytes()))
    }

    fn token(&self, cert: &AppCertificate) -> Result<String> {
        let signature = self.sign(cert)?;
        let app_id = hex::decode(self.app_id).expect("checked hex");
        let mut w = Writer::with_capacity(96);
        w.u16(self.service_type)
            .str("signature", &signature)?
            .bytes("app_id", &app_id)?
            .u32(self.unix_ts)
            .u32(self.random_int)
            .u32(self.expired_ts)
            .map_str("extra", self.extra)?;
        Ok(base64_token(&["005"], &w.buf))
    }
}

#[allow(clippy::too_many_arguments)] // the vendor's signature, kept for drop-in use
fn generate(
    service_type: u16,
    app_id: &str,
    app_certificate: &str,
    channel_name: &str,
    unix_ts: u32,
    random_int: u32,
    uid: u32,
    expired_ts: u32,
    extra: &BTreeMap<u16, String>,
) -> Result<String> {
    let cert = AppCertificate::new(app_certificate)?;
    Key5 {
        service_type,
        app_id,
        channel_name,
        unix_ts,
        random_int,
        uid,
        expired_ts,
        extra,
    }
    .token(&cert)
}

/// Builds a v5 key for joining a media channel.
pub fn generate_media_channel_key(
    app_id: &str,
    app_certificate: &str,
    channel_name: &str,
    unix_ts: u32,
    random_int: u32,
    uid: u32,
    expired_ts: u32,
) -> Result<String> {
    generate(
        MEDIA_CHANNEL_SERVICE,
        app_id,
        app_certificate,
        channel_name,
        unix_ts,
        random_int,
        uid,
        expired_ts,
        &BTreeMap::new(),
    )
}

/// Builds a v5 key for recording.
pub fn generate_recording_key(
    app_id: &str,
    app_certificate: &str,
    channel_name: &str,
    unix_ts: u32,
    random_int: u32,
    uid: u32,
    expired_ts: u32,
) -> Result<String> {
    generate(
        RECORDING_SERVICE,
        app_id,
        app_certificate,
        channel_name,
        unix_ts,
        random_int,
        uid,
        expired_ts,
        &BTreeMap::new(),
    )
}

/// Builds a v5 key for public sharing.
pub fn generate_public_sharing_key(
    app_id: &str,
    app_certificate: &str,
    channel_name: &str,
    unix_ts: u32,
    random_int: u32,
    uid: u32,
    expired_ts: u32,
) -> Result<String> {
    generate(
        PUBLIC_SHARING_SERVICE,
        app_id,
        app_certificate,
        channel_name,
        unix_ts,
        random_int,
        uid,
        expired_ts,
        &BTreeMap::new(),
    )
}

/// Builds a v5 in-channel permission key; `permission` is [`NO_UPLOAD`]
/// (`"0"`) or [`AUDIO_VIDEO_UPLOAD`] (`"3"`).
#[allow(clippy::too_many_arguments)] // the vendor's signature, kept for drop-in use
pub fn generate_in_channel_permission_key(
    app_id: &str,
    app_certificate: &str,
    channel_name: &str,
    unix_ts: u32,
    random_int: u32,
    uid: u32,
    expired_ts: u32,
    permission: &str,
) -> Result<String> {
    if permission != NO_UPLOAD && permission != AUDIO_VIDEO_UPLOAD {
        return Err(Error::invalid(format!(
            "permission must be \"{NO_UPLOAD}\" (no upload) or \"{AUDIO_VIDEO_UPLOAD}\" (audio and video upload), got {permission:?}"
        )));
    }
    let extra = BTreeMap::from([(ALLOW_UPLOAD_IN_CHANNEL, permission.to_owned())]);
    generate(
        IN_CHANNEL_PERMISSION,
        app_id,
        app_certificate,
        channel_name,
        unix_ts,
        random_int,
        uid,
        expired_ts,
        &extra,
    )
}

/// Decodes the base64 body after `"005"`.
pub(crate) fn parse(body: &str) -> Result<DynamicKey5Info> {
    let raw = base64_body("DynamicKey5", body)?;
    let mut r = Reader::new(&raw);
    let service_type = r.u16("service_type")?;
    let signature = r.string("signature")?;
    let app_id = hex::encode(r.bytes("app_id")?);
    let unix_ts = r.u32("unix_ts")?;
    let random_int = r.u32("random_int")?;
    let expired_ts = r.u32("expired_ts")?;
    let extra = r.map_str("extra")?;
    if !r.is_empty() {
        return Err(Error::malformed(
            "DynamicKey5 has bytes after its last field",
        ));
    }
    Ok(DynamicKey5Info {
        service_type,
        signature,
        app_id,
        unix_ts,
        random_int,
        expired_ts,
        extra,
    })
}
