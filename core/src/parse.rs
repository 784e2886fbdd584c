//! One entry point that recognises any token and decodes it.

use std::borrow::Cow;

use serde::{Serialize, Serializer};
use serde_json::Value;

use crate::access_token::{self, AccessTokenInfo};
use crate::access_token2::{self, AccessToken2Info};
use crate::error::{Error, ErrorKind, Result};
use crate::format::Format;
use crate::legacy::dynamic_key5::{self, DynamicKey5Info};
use crate::legacy::signaling_token::{self, SignalingTokenInfo};
use crate::legacy::{
    dynamic_key, dynamic_key2, dynamic_key3, dynamic_key4, parse_text, DynamicKeyInfo,
};

/// Any decoded token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Token {
    /// DynamicKey v1–v4.
    DynamicKey(DynamicKeyInfo),
    /// DynamicKey v5.
    DynamicKey5(DynamicKey5Info),
    /// Signaling token (`1:`).
    Signaling(SignalingTokenInfo),
    /// AccessToken 006.
    AccessToken(AccessTokenInfo),
    /// AccessToken2 007.
    AccessToken2(AccessToken2Info),
}

/// Runs `$body` with `$k` bound to the token's format struct: the one list
/// of variants that every per-format dispatch goes through.
macro_rules! with_format {
    ($token:expr, $k:ident => $body:expr) => {
        match $token {
            Token::DynamicKey($k) => $body,
            Token::DynamicKey5($k) => $body,
            Token::Signaling($k) => $body,
            Token::AccessToken($k) => $body,
            Token::AccessToken2($k) => $body,
        }
    };
}

impl Token {
    /// `"001"`…`"007"`, or `"signaling"`.
    pub fn version(&self) -> &'static str {
        self.format().version()
    }

    /// This token's format rules (one dispatch for every format).
    pub(crate) fn format(&self) -> &dyn Format {
        with_format!(self, k => k)
    }

    /// The app ID the token was issued for.
    pub fn app_id(&self) -> &str {
        self.format().app_id()
    }

    /// The app ID as the vendor's own parser prints it: v5's in uppercase
    /// hex (its `fromString`), every other format's as carried.
    pub fn vendor_app_id(&self) -> Cow<'_, str> {
        self.format().vendor_app_id()
    }

    /// The signature as carried: 006 and 007 the raw HMAC-SHA256 bytes,
    /// v1–v5 and signaling its hex text.
    pub fn signature(&self) -> &[u8] {
        self.format().signature()
    }

    /// The decoded fields as JSON, signatures left out: the shape of
    /// `tests/vectors/parse.json` (the token's serde form).
    pub fn to_json(&self) -> Value {
        serde_json::to_value(self).expect("a parsed token always serializes")
    }
}

/// A token serializes as `{"version": …}` plus its format's fields, so every
/// binding reads one shape through serde.
impl Serialize for Token {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Tagged<'a, T> {
            version: &'static str,
            #[serde(flatten)]
            fields: &'a T,
        }
        with_format!(self, k => Tagged { version: k.version(), fields: k }.serialize(s))
    }
}

/// One 007 service as JSON: its serde form (`type`, `privileges`, then its
/// own fields).
pub fn service_json(s: &access_token2::Service) -> Value {
    serde_json::to_value(s).expect("a service always serializes")
}

/// Every format's version name (what [`Token::version`] reports) under its
/// module's name, but the signaling token's: v1 and v2 keys carry theirs
/// nowhere, every other format starts with its own. The bindings set their
/// version constants from this.
pub const VERSIONS: [(&str, &str); 7] = [
    ("dynamic_key", dynamic_key::VERSION),
    ("dynamic_key2", dynamic_key2::VERSION),
    ("dynamic_key3", dynamic_key3::VERSION),
    ("dynamic_key4", dynamic_key4::VERSION),
    ("dynamic_key5", dynamic_key5::VERSION),
    ("access_token", access_token::VERSION),
    ("access_token2", access_token2::VERSION),
];

/// How the body after a prefix decodes.
type Decode = fn(&str) -> Result<Token>;

/// Every prefixed format, by its prefix: the one place a prefix is read.
const PREFIXED: [(&str, Decode); 6] = [
    ("1:", |b| signaling_token::parse(b).map(Token::Signaling)),
    (dynamic_key3::VERSION, |b| {
        parse_text(3, b).map(Token::DynamicKey)
    }),
    (dynamic_key4::VERSION, |b| {
        parse_text(4, b).map(Token::DynamicKey)
    }),
    (dynamic_key5::VERSION, |b| {
        dynamic_key5::parse(b).map(Token::DynamicKey5)
    }),
    (access_token::VERSION, |b| {
        access_token::parse(b).map(Token::AccessToken)
    }),
    (access_token2::VERSION, |b| {
        access_token2::parse(b).map(Token::AccessToken2)
    }),
];

/// The unprefixed formats, by their exact length: v1 and v2 keys.
const UNPREFIXED: [(usize, u8); 2] = [(90, 1), (110, 2)];

/// Recognises the token's version and decodes it.
///
/// v1 and v2 keys have no prefix; they are told apart by their exact
/// lengths (90 and 110 characters), which no prefixed format can have.
pub fn parse(token: &str) -> Result<Token> {
    match recognise(token)? {
        Recognised::Key(k) => Ok(Token::DynamicKey(k)),
        Recognised::Prefixed { decode, body, .. } => decode(body),
    }
}

/// What [`recognise`] found a token to be.
pub(crate) enum Recognised<'a> {
    /// A v1 or v2 key, read whole (its length is what tells it apart).
    Key(DynamicKeyInfo),
    /// A prefixed format's `body`, not decoded yet.
    Prefixed {
        /// The prefix, one of [`PREFIXED`]'s.
        prefix: &'static str,
        decode: Decode,
        body: &'a str,
    },
}

/// The one reading of which format a token is, so [`parse`] and a caller
/// that reads one format its own way (a 007 verification) agree.
pub(crate) fn recognise(token: &str) -> Result<Recognised<'_>> {
    if token.is_empty() {
        return Err(Error::malformed("token must not be empty"));
    }
    let prefixed = PREFIXED.iter().find(|(p, _)| token.starts_with(p));
    // v1 and v2 keys start with their signature, which may begin like a
    // prefix ("005…"): a token of their length is read as one first, and
    // when it carries no known prefix, its error says why it is not one.
    if let Some(&(_, v)) = UNPREFIXED.iter().find(|(len, _)| *len == token.len()) {
        match parse_text(v, token) {
            Ok(k) => return Ok(Recognised::Key(k)),
            Err(e) if prefixed.is_none() => return Err(e),
            Err(_) => {}
        }
    }
    if let Some(&(prefix, decode)) = prefixed {
        return Ok(Recognised::Prefixed {
            prefix,
            decode,
            body: &token[prefix.len()..],
        });
    }
    match token.get(..3) {
        None => Err(Error::malformed("token must start with a version: 003 to 007, 1: (signaling), or be a 90- or 110-character v1/v2 key")),
        Some(p) if p.bytes().all(|b| b.is_ascii_digit()) => {
            let versions: Vec<&str> = PREFIXED
                .iter()
                .map(|(p, _)| *p)
                .filter(|p| p.bytes().all(|b| b.is_ascii_digit()))
                .collect();
            Err(Error::new(
                ErrorKind::UnsupportedVersion,
                format!("token version must be one of {} (or an unprefixed v1/v2 key, or a 1: signaling token), got {p}", versions.join(", ")),
            ))
        }
        Some(_) => Err(Error::malformed("token does not start with a known version")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::legacy::dynamic_key5::generate_media_channel_key;

    const APP_ID: &str = "970CA35de60c44645bbae8a215061b33";
    const CERT: &str = "5CFd2fd1755d40ecb72977518be15d3b";

    #[test]
    fn only_v5_prints_the_vendor_app_id_in_uppercase() {
        let v5 = generate_media_channel_key(APP_ID, CERT, "c", 1, 2, 3, 0).unwrap();
        let t = parse(&v5).unwrap();
        assert_eq!(t.app_id(), APP_ID.to_ascii_lowercase());
        assert_eq!(t.vendor_app_id(), APP_ID.to_ascii_uppercase());
        let v4 =
            crate::legacy::dynamic_key4::generate_media_channel_key(APP_ID, CERT, "c", 1, 2, 3, 0)
                .unwrap();
        assert_eq!(parse(&v4).unwrap().vendor_app_id(), APP_ID);
    }

    #[test]
    fn an_unknown_numeric_prefix_names_every_known_version() {
        let e = parse("008abc").unwrap_err();
        assert_eq!(e.kind(), ErrorKind::UnsupportedVersion);
        assert_eq!(
            e.message(),
            "token version must be one of 003, 004, 005, 006, 007 (or an unprefixed v1/v2 key, or a 1: signaling token), got 008"
        );
    }
}
