//! DynamicKey v5: binary, `"005" + base64(content)`, signed with the
//! hex-decoded certificate; the channel and uid are signed, not carried.

use std::collections::BTreeMap;

use hmac::{Hmac, Mac};
use sha1::Sha1;
use zeroize::Zeroizing;

use crate::credentials::{check_app_id, decode_id, AppCertificate};
use crate::error::{excerpt, Error, Result};
use crate::legacy::{is_hex, Case};
use crate::limits::MAX_PRIVILEGES;
use crate::wire::{base64_body, base64_token, len16, Reader, Writer};

/// The prefix v5 keys start with.
pub const VERSION: &str = "005";

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
/// Every service type with its name, for inspection and the bindings'
/// service constants.
pub const SERVICE_TYPES: [(u16, &str); 4] = [
    (MEDIA_CHANNEL_SERVICE, "media_channel"),
    (RECORDING_SERVICE, "recording"),
    (PUBLIC_SHARING_SERVICE, "public_sharing"),
    (IN_CHANNEL_PERMISSION, "in_channel_permission"),
];
/// Every in-channel permission value with its name: the values
/// [`generate_in_channel_permission_key`] accepts, and the bindings'
/// permission constants.
pub const PERMISSIONS: [(&str, &str); 2] = [
    (NO_UPLOAD, "no_upload"),
    (AUDIO_VIDEO_UPLOAD, "audio_video_upload"),
];

/// The name of a service type.
pub fn service_type_name(service_type: u16) -> Option<&'static str> {
    crate::tables::name_of(&SERVICE_TYPES, service_type)
}

/// What a v5 key carries in the clear (serialized without its signature).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct DynamicKey5Info {
    /// 1 media channel, 2 recording, 3 public sharing, 4 in-channel permission.
    pub service_type: u16,
    /// 40 uppercase hex characters of HMAC-SHA1.
    #[serde(skip)]
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
    /// The signed fields before the channel and uid, re-encoded (all
    /// fixed-width, so exactly as carried).
    #[serde(skip)]
    pub(crate) signed_head: Vec<u8>,
    /// `expired_ts` and `extra` exactly as carried, for verification.
    #[serde(skip)]
    pub(crate) signed_tail: Vec<u8>,
}

/// v5 signs the channel and the numeric uid without carrying them.
impl crate::format::Format for DynamicKey5Info {
    fn version(&self) -> &'static str {
        VERSION
    }
    fn name(&self) -> &'static str {
        "DynamicKey v5"
    }
    fn app_id(&self) -> &str {
        &self.app_id
    }
    /// The vendor's `fromString` hex-encodes the carried bytes in uppercase.
    fn vendor_app_id(&self) -> std::borrow::Cow<'_, str> {
        self.app_id.to_ascii_uppercase().into()
    }
    fn signature(&self) -> &[u8] {
        self.signature.as_bytes()
    }
    fn signer<'a>(&'a self, input: &crate::VerifyInput<'a>) -> Result<crate::format::Signer<'a>> {
        use crate::format::need;
        let channel = need(input.channel_name, "channel_name", VERSION)?;
        let uid = crate::uid::numeric_uid(need(input.uid, "uid", VERSION)?)?;
        Ok(Box::new(move |c| self.signed_by(c, channel, uid)))
    }
}

impl DynamicKey5Info {
    /// Whether the signature holds for `cert`, `channel_name` and `uid`.
    pub(crate) fn signed_by(
        &self,
        cert: &AppCertificate,
        channel_name: &str,
        uid: u32,
    ) -> Result<bool> {
        let expected = sign(
            cert,
            &self.signed_head,
            channel_name,
            uid,
            &self.signed_tail,
        )?;
        Ok(crate::format::ct_eq(&expected, self.signature.as_bytes()))
    }
}

/// The inputs a v5 signature covers.
struct Key5<'a> {
    service_type: u16,
    app_id: &'a str,
    channel_name: &'a str,
    unix_ts: u32,
    random_int: u32,
    uid: u32,
    expired_ts: u32,
    extra: &'a BTreeMap<u16, String>,
}

impl Key5<'_> {
    fn token(&self, cert: &AppCertificate) -> Result<String> {
        check_app_id(self.app_id)?;
        let app_id = decode_id(self.app_id);
        let mut head = Writer::with_capacity(32);
        head.u16(self.service_type)
            .bytes("app_id", &app_id)?
            .u32(self.unix_ts)
            .u32(self.random_int);
        let mut tail = Writer::with_capacity(16);
        tail.u32(self.expired_ts)
            .map_str("extra", self.extra, MAX_PRIVILEGES)?;
        let signature = sign(cert, &head.buf, self.channel_name, self.uid, &tail.buf)?;
        let mut w = Writer::with_capacity(96);
        w.u16(self.service_type)
            .bytes("signature", &signature)?
            .bytes("app_id", &app_id)?
            .u32(self.unix_ts)
            .u32(self.random_int);
        w.buf.extend_from_slice(&tail.buf);
        Ok(base64_token(&[VERSION], &w.buf))
    }
}

/// Uppercase hex HMAC-SHA1, keyed with the decoded certificate, over
/// `head` (service type, app ID, unix_ts, random_int), the channel and uid,
/// then `tail` (expired_ts and the extra map) exactly as the token carries it.
fn sign(
    cert: &AppCertificate,
    head: &[u8],
    channel_name: &str,
    uid: u32,
    tail: &[u8],
) -> Result<[u8; 40]> {
    let mut key = Zeroizing::new([0; 16]);
    cert.decode_into(&mut key);
    let mut mac = Hmac::<Sha1>::new_from_slice(&key[..]).expect("any key length");
    mac.update(head);
    mac.update(&len16("channel_name", channel_name.len())?.to_le_bytes());
    mac.update(channel_name.as_bytes());
    mac.update(&uid.to_le_bytes());
    mac.update(tail);
    let mut hex = [0; 40];
    hex::encode_to_slice(mac.finalize().into_bytes(), &mut hex).expect("40 digits for 20 bytes");
    hex.make_ascii_uppercase();
    Ok(hex)
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
    if !PERMISSIONS.iter().any(|&(value, _)| value == permission) {
        return Err(Error::invalid(format!(
            "permission must be \"{NO_UPLOAD}\" (no upload) or \"{AUDIO_VIDEO_UPLOAD}\" (audio and video upload), got {}",
            excerpt(permission)
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
    if signature.len() != 40 || !is_hex(&signature, Case::Upper) {
        return Err(Error::malformed(
            "DynamicKey5 signature must be 40 uppercase hexadecimal characters",
        ));
    }
    let app_id = r.bytes("app_id")?;
    if app_id.len() != 16 {
        return Err(Error::malformed(format!(
            "DynamicKey5 app_id must be 16 bytes, got {}",
            app_id.len()
        )));
    }
    let unix_ts = r.u32("unix_ts")?;
    let random_int = r.u32("random_int")?;
    let signed_tail = r.peek_rest().to_vec();
    let expired_ts = r.u32("expired_ts")?;
    let extra = r.map_str("extra", MAX_PRIVILEGES)?;
    if !r.is_empty() {
        return Err(Error::malformed(
            "DynamicKey5 has bytes after its last field",
        ));
    }
    let mut head = Writer::with_capacity(28);
    head.u16(service_type)
        .bytes("app_id", app_id)?
        .u32(unix_ts)
        .u32(random_int);
    Ok(DynamicKey5Info {
        service_type,
        signature,
        app_id: hex::encode(app_id),
        unix_ts,
        random_int,
        expired_ts,
        extra,
        signed_head: head.buf,
        signed_tail,
    })
}
