//! AccessToken2 "007": a zlib-compressed, HMAC-SHA256-signed list of services.

pub mod permissions;
pub mod service;

use hmac::digest::core_api::{Buffer, FixedOutputCore, UpdateCore};
use hmac::digest::{KeyInit, Output};
use hmac::HmacCore;
use sha2::Sha256;

pub use permissions::Rtm2Permissions;
use service::ServiceView;
pub use service::{privileges, Service, ServiceFields, ServiceType};

use crate::credentials::{check_app_id, AppCertificate};
use crate::error::{Error, ErrorKind, Result};
use crate::limits::MAX_SERVICES;
use crate::stamp::Stamp;
use crate::wire::{base64_token, count16, with_base64_body, Reader, Writer};
use crate::zlib;

/// The prefix 007 tokens start with.
pub const VERSION: &str = "007";
/// The lifetime (seconds after issue) of a token whose maker names none:
/// the vendor's `AccessToken2` constructors (Python, C++, Go) default to 15
/// minutes, so the bindings' drop-ins default to this.
pub const DEFAULT_EXPIRE: u32 = 900;
/// Bytes of an HMAC-SHA256 signature.
const SIGNATURE_LEN: usize = 32;

/// A 007 token being built.
#[derive(Clone, Debug)]
pub struct AccessToken2 {
    /// The app ID (32 hex characters, either case).
    pub app_id: String,
    app_certificate: AppCertificate,
    /// Issue time (Unix seconds).
    pub issue_ts: u32,
    /// Token lifetime in seconds after `issue_ts` (0 = none).
    pub expire: u32,
    /// Salt.
    pub salt: u32,
    /// Services, in insertion order (written sorted by type).
    pub services: Vec<Service>,
}

impl AccessToken2 {
    /// An empty token living `expire` seconds from the stamp's issue time.
    pub fn new(app_id: &str, app_certificate: &str, expire: u32, stamp: Stamp) -> Result<Self> {
        check_app_id(app_id)?;
        Ok(AccessToken2 {
            app_id: app_id.to_owned(),
            app_certificate: AppCertificate::new(app_certificate)?,
            issue_ts: stamp.issue_ts(),
            expire,
            salt: stamp.salt(),
            services: Vec::new(),
        })
    }

    /// Adds a service; services of the same type keep their insertion order.
    pub fn add_service(&mut self, service: Service) -> &mut Self {
        self.services.push(service);
        self
    }

    /// The token string.
    pub fn build(&self) -> Result<String> {
        encode(
            &self.app_id,
            &self.app_certificate,
            [self.issue_ts, self.expire, self.salt],
            &self.services,
        )
    }
}

/// Signs and packs `services` (sorted by type, ties in insertion order);
/// `times` is issue time, expire and salt as the header writes them.
fn encode(
    app_id: &str,
    cert: &AppCertificate,
    [issue_ts, expire, salt]: [u32; 3],
    services: &[Service],
) -> Result<String> {
    if services.is_empty() {
        return Err(Error::new(
            ErrorKind::NoService,
            "services must hold at least one service, got none",
        ));
    }
    let mut payload = Writer::with_capacity(160);
    // The signature comes first but signs what follows it: room for it now,
    // filled in once signed.
    payload.bytes("signature", &[0; SIGNATURE_LEN])?;
    let info = payload.buf.len();
    payload
        .str("app_id", app_id)?
        .u32(issue_ts)
        .u32(expire)
        .u32(salt)
        .u16(count16("services", services.len(), MAX_SERVICES)?);
    let mut pack = |s: &Service| -> Result<()> {
        s.check()?;
        s.pack(&mut payload)
    };
    if services
        .windows(2)
        .all(|w| w[0].type_id() <= w[1].type_id())
    {
        services.iter().try_for_each(&mut pack)?;
    } else {
        let mut sorted: Vec<&Service> = services.iter().collect();
        sorted.sort_by_key(|s| s.type_id()); // stable: ties keep insertion order
        sorted.into_iter().try_for_each(&mut pack)?;
    }
    let signature = sign(cert.expose(), issue_ts, salt, &payload.buf[info..]);
    payload.buf[info - SIGNATURE_LEN..info].copy_from_slice(&signature);
    Ok(token_text(&payload.buf))
}

/// The token text for a signature and the bytes it signs.
fn wrap(signature: &[u8], signing_info: &[u8]) -> Result<String> {
    let mut payload = Writer::with_capacity(2 + signature.len() + signing_info.len());
    payload.bytes("signature", signature)?;
    payload.buf.extend_from_slice(signing_info);
    Ok(token_text(&payload.buf))
}

/// A payload as token text: the prefix, then the payload deflated in base64.
fn token_text(payload: &[u8]) -> String {
    base64_token(&[VERSION], &zlib::compress(payload))
}

/// `HMAC(salt, HMAC(issue_ts, certificate))` then HMAC over the signing info.
fn sign(cert: &str, issue_ts: u32, salt: u32, signing_info: &[u8]) -> [u8; SIGNATURE_LEN] {
    let k1 = hmac_sha256(&issue_ts.to_le_bytes(), cert.as_bytes());
    let k2 = hmac_sha256(&salt.to_le_bytes(), &k1);
    hmac_sha256(&k2, signing_info)
}

/// Whether `cert` made `signature` over `signing_info`, in constant time.
fn signs(cert: &str, issue_ts: u32, salt: u32, signing_info: &[u8], signature: &[u8]) -> bool {
    crate::format::ct_eq(&sign(cert, issue_ts, salt, signing_info), signature)
}

/// HMAC-SHA256 through the `hmac` crate's core API, whose state stays in
/// place: `Mac::finalize` takes the whole state (~150 bytes) by value,
/// and three copies a token cost more than its glue is worth.
fn hmac_sha256(key: &[u8], message: &[u8]) -> [u8; SIGNATURE_LEN] {
    let mut core = HmacCore::<Sha256>::new_from_slice(key).expect("any key length");
    let mut buffer = Buffer::<HmacCore<Sha256>>::default();
    buffer.digest_blocks(message, |blocks| core.update_blocks(blocks));
    let mut out = Output::<HmacCore<Sha256>>::default();
    core.finalize_fixed_core(&mut buffer, &mut out);
    out.into()
}

/// Builds a raw 007 token from exactly these fields and services (the
/// catalogue's convention: the stamp comes last).
pub fn build(
    app_id: &str,
    app_certificate: &str,
    expire: u32,
    services: &[Service],
    stamp: Stamp,
) -> Result<String> {
    check_app_id(app_id)?;
    let cert = AppCertificate::new(app_certificate)?;
    encode(
        app_id,
        &cert,
        [stamp.issue_ts(), expire, stamp.salt()],
        services,
    )
}

/// What a 007 token carries (serialized without its signature).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct AccessToken2Info {
    /// The app ID.
    pub app_id: String,
    /// Issue time (Unix seconds).
    pub issue_ts: u32,
    /// Lifetime in seconds after issue (0 = none).
    pub expire: u32,
    /// Salt.
    pub salt: u32,
    /// The services read, in token order.
    pub services: Vec<Service>,
    /// The type id where reading stopped because it is unknown, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unknown_service_type: Option<u16>,
    /// The raw HMAC-SHA256 signature.
    #[serde(skip)]
    pub signature: Vec<u8>,
    /// The signed bytes, kept for verification.
    #[serde(skip)]
    pub(crate) signing_info: Vec<u8>,
}

/// 007 carries everything it signs.
impl crate::format::Format for AccessToken2Info {
    fn version(&self) -> &'static str {
        VERSION
    }
    fn name(&self) -> &'static str {
        "AccessToken2 (007)"
    }
    fn app_id(&self) -> &str {
        &self.app_id
    }
    fn signature(&self) -> &[u8] {
        &self.signature
    }
    fn signer<'a>(&'a self, _: &crate::VerifyInput<'a>) -> Result<crate::format::Signer<'a>> {
        Ok(Box::new(move |c| Ok(self.signed_by(c))))
    }
}

impl AccessToken2Info {
    /// The token as this library (and the references) would write it:
    /// the signature cannot cover the compression, so a token that decodes
    /// to the same content but differs from this was re-encoded in transit.
    pub(crate) fn canonical_token(&self) -> Result<String> {
        wrap(&self.signature, &self.signing_info)
    }

    /// Whether the signature holds for `cert`.
    pub(crate) fn signed_by(&self, cert: &AppCertificate) -> bool {
        signs(
            cert.expose(),
            self.issue_ts,
            self.salt,
            &self.signing_info,
            &self.signature,
        )
    }
}

/// How much of a payload is inflated before its header is held to the
/// limits (every real token's whole payload is far smaller).
const SCREEN_AT: usize = 4096;

/// Refuses a payload whose header declares more services than a token may
/// hold, from its first bytes; a header these bytes cannot settle is left
/// to the full parse.
fn screen_header(head: &[u8]) -> Result<()> {
    let mut r = Reader::new(head);
    let Ok(_) = r.bytes("signature") else {
        return Ok(());
    };
    let mut r2 = Reader::new(r.rest());
    let settled = r2.string("app_id").is_ok()
        && r2.u32("issue_ts").is_ok()
        && r2.u32("expire").is_ok()
        && r2.u32("salt").is_ok();
    if settled {
        r2.count("services", MAX_SERVICES)?;
    }
    Ok(())
}

/// A 007 payload as it travels, borrowed from the inflated bytes: the one
/// reading of the layout, which [`parse`] builds the owned token from and
/// [`signed_by_any`] checks a signature with.
struct Payload<'a> {
    app_id: &'a str,
    issue_ts: u32,
    expire: u32,
    salt: u32,
    unknown_service_type: Option<u16>,
    signature: &'a [u8],
    /// The signed bytes: the payload's tail.
    signing_info: &'a [u8],
}

impl<'a> Payload<'a> {
    /// Reads an inflated payload, handing `each` service to the caller in
    /// token order.
    fn read(
        payload: &'a [u8],
        mut each: impl FnMut(ServiceView<'a>) -> Result<()>,
    ) -> Result<Self> {
        let mut r = Reader::new(payload);
        let signature = r.bytes("signature")?;
        let signing_info = r.rest();
        let mut r2 = Reader::new(signing_info);
        let app_id = r2.text("app_id")?;
        let issue_ts = r2.u32("issue_ts")?;
        let expire = r2.u32("expire")?;
        let salt = r2.u32("salt")?;
        let count = r2.count("services", MAX_SERVICES)?;
        let mut unknown_service_type = None;
        for _ in 0..count {
            let id = r2.u16("service type")?;
            match ServiceType::from_u16(id) {
                Some(t) => each(ServiceView::read(t, &mut r2)?)?,
                None => {
                    // An unknown service's length is unknown: stop, keep what was read.
                    unknown_service_type = Some(id);
                    break;
                }
            }
        }
        if unknown_service_type.is_none() && !r2.is_empty() {
            return Err(Error::malformed(
                "007 token has bytes after its last service",
            ));
        }
        Ok(Payload {
            app_id,
            issue_ts,
            expire,
            salt,
            unknown_service_type,
            signature,
            signing_info,
        })
    }
}

/// The inflated payload of what follows `"007"`; any valid zlib stream is
/// accepted.
fn inflate(body: &str) -> Result<Vec<u8>> {
    with_base64_body("007 token", body, |compressed| {
        zlib::decompress_screened(compressed, SCREEN_AT, screen_header)
    })
}

/// Decodes what follows `"007"`.
pub(crate) fn parse(body: &str) -> Result<AccessToken2Info> {
    let mut payload = inflate(body)?;
    let mut services = Vec::new();
    let p = Payload::read(&payload, |s| {
        services.push(s.into_owned()?);
        Ok(())
    })?;
    let (app_id, signature) = (p.app_id.to_owned(), p.signature.to_vec());
    let (issue_ts, expire, salt) = (p.issue_ts, p.expire, p.salt);
    let unknown_service_type = p.unknown_service_type;
    let signature_end = payload.len() - p.signing_info.len();
    // The signed bytes are the payload's tail: keep its buffer.
    payload.drain(..signature_end);
    Ok(AccessToken2Info {
        app_id,
        issue_ts,
        expire,
        salt,
        services,
        unknown_service_type,
        signature,
        signing_info: payload,
    })
}

/// The index of the first of `certificates` (checked) that signed the
/// 007 token whose body is `body`: the token is read and refused as
/// [`parse`] would, without building what `parse` returns.
pub(crate) fn signed_by_any(body: &str, certificates: &[&str]) -> Result<Option<usize>> {
    let payload = inflate(body)?;
    let p = Payload::read(&payload, |_| Ok(()))?;
    Ok(certificates
        .iter()
        .position(|c| signs(c, p.issue_ts, p.salt, p.signing_info, p.signature)))
}
