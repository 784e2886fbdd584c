//! One entry point that recognises any token and decodes it.

use serde::{Serialize, Serializer};
use serde_json::Value;

use crate::access_token::{self, AccessTokenInfo};
use crate::access_token2::{self, AccessToken2Info};
use crate::error::{Error, ErrorKind, Result};
use crate::legacy::dynamic_key5::{self, DynamicKey5Info};
use crate::legacy::signaling_token::{self, SignalingTokenInfo};
use crate::legacy::{parse_text, DynamicKeyInfo};

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

impl Token {
    /// `"001"`…`"007"`, or `"signaling"`.
    pub fn version(&self) -> &'static str {
        match self {
            Token::DynamicKey(k) => ["001", "002", "003", "004"][usize::from(k.version - 1)],
            Token::DynamicKey5(_) => "005",
            Token::Signaling(_) => "signaling",
            Token::AccessToken(_) => "006",
            Token::AccessToken2(_) => "007",
        }
    }

    /// This token's format rules (one dispatch for every format).
    pub(crate) fn format(&self) -> &dyn crate::format::Format {
        match self {
            Token::DynamicKey(k) => k,
            Token::DynamicKey5(k) => k,
            Token::Signaling(k) => k,
            Token::AccessToken(k) => k,
            Token::AccessToken2(k) => k,
        }
    }

    /// The app ID the token was issued for.
    pub fn app_id(&self) -> &str {
        match self {
            Token::DynamicKey(k) => &k.app_id,
            Token::DynamicKey5(k) => &k.app_id,
            Token::Signaling(k) => &k.app_id,
            Token::AccessToken(k) => &k.app_id,
            Token::AccessToken2(k) => &k.app_id,
        }
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
        let version = self.version();
        match self {
            Token::DynamicKey(k) => Tagged { version, fields: k }.serialize(s),
            Token::DynamicKey5(k) => Tagged { version, fields: k }.serialize(s),
            Token::Signaling(k) => Tagged { version, fields: k }.serialize(s),
            Token::AccessToken(k) => Tagged { version, fields: k }.serialize(s),
            Token::AccessToken2(k) => Tagged { version, fields: k }.serialize(s),
        }
    }
}

/// One 007 service as JSON: its serde form (`type`, `privileges`, then its
/// own fields).
pub fn service_json(s: &access_token2::Service) -> Value {
    serde_json::to_value(s).expect("a service always serializes")
}

/// The prefixes of every prefixed format.
const KNOWN_PREFIXES: [&str; 6] = ["003", "004", "005", "006", "007", "1:"];

/// Recognises the token's version and decodes it.
///
/// v1 and v2 keys have no prefix; they are told apart by their exact
/// lengths (90 and 110 characters), which no prefixed format can have.
pub fn parse(token: &str) -> Result<Token> {
    if token.is_empty() {
        return Err(Error::malformed("token must not be empty"));
    }
    // v1 and v2 keys start with their signature, which may begin like a
    // prefix ("005…"): a token of their length is read as one first, and
    // when it carries no known prefix, its error says why it is not one.
    let unprefixed = match token.len() {
        90 => Some(1),
        110 => Some(2),
        _ => None,
    };
    if let Some(v) = unprefixed {
        match parse_text(v, token) {
            Ok(k) => return Ok(Token::DynamicKey(k)),
            Err(e) if !KNOWN_PREFIXES.iter().any(|p| token.starts_with(p)) => return Err(e),
            Err(_) => {}
        }
    }
    if let Some(body) = token.strip_prefix("1:") {
        return signaling_token::parse(body).map(Token::Signaling);
    }
    let (prefix, body) = match (token.get(..3), token.get(3..)) {
        (Some(p), Some(b)) => (p, b),
        _ => return Err(Error::malformed("token must start with a version: 003 to 007, 1: (signaling), or be a 90- or 110-character v1/v2 key")),
    };
    let text = |v: u8| parse_text(v, body).map(Token::DynamicKey);
    match prefix {
        "003" => text(3),
        "004" => text(4),
        "005" => dynamic_key5::parse(body).map(Token::DynamicKey5),
        "006" => access_token::parse(body).map(Token::AccessToken),
        "007" => access_token2::parse(body).map(Token::AccessToken2),
        p if p.bytes().all(|b| b.is_ascii_digit()) => Err(Error::new(
            ErrorKind::UnsupportedVersion,
            format!("token version must be one of 003, 004, 005, 006, 007 (or an unprefixed v1/v2 key, or a 1: signaling token), got {p}"),
        )),
        _ => Err(Error::malformed("token does not start with a known version")),
    }
}
