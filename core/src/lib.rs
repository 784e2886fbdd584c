//! # rtctoken
//!
//! One signing core for every Agora-compatible channel key and access
//! token: DynamicKey v1–v5, the signaling token, AccessToken 006 and
//! AccessToken2 007 with all ten services and every builder. Output is
//! byte-identical to the vendor's public reference implementations.
//!
//! ```
//! use rtctoken::{builders::rtc_token_builder2, parse, Stamp, Token};
//!
//! let token = rtc_token_builder2::build_token_with_uid(
//!     "970CA35DE60C44645BBAE8A215061B33",
//!     "5CFD2FD1755D40ECB72977518BE15D3B",
//!     "demo", 42, rtc_token_builder2::ROLE_PUBLISHER, 3600, 3600,
//!     Stamp::default(),
//! )?;
//! let Token::AccessToken2(t) = parse(&token)? else { unreachable!() };
//! assert_eq!(t.expire, 3600);
//! # Ok::<(), rtctoken::Error>(())
//! ```
//!
//! Every function is thread-safe and holds no state between calls; 007
//! payloads are deflated by the crate's own port of C zlib's level-6
//! encoder, so no C compiler is needed.

#![deny(missing_docs)]

pub mod access_token;
pub mod access_token2;
pub mod builders;
pub mod catalogue;
mod credentials;
mod error;
mod format;
pub mod inspect;
mod json_keys;
pub mod legacy;
pub mod lifetime;
pub mod limits;
mod parse;
mod stamp;
mod tables;
mod uid;
mod verify;
mod wire;
mod zlib;

pub use credentials::{check_app_id, AppCertificate, ID_LEN};
pub use error::{excerpt, Error, ErrorKind, Result};
pub use parse::{parse, service_json, Token, VERSIONS};
pub use stamp::{now, Stamp};
pub use verify::{verify, verify_parsed, Verification, VerifyInput};
#[cfg(feature = "fuzzing")]
#[doc(hidden)]
pub use zlib::fuzzing as zlib_fuzzing;
