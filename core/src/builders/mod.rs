//! The vendor's token builders, one module per reference class, with the
//! reference's argument order. Every 006/007 builder takes a [`Stamp`]
//! last: `Stamp::default()` in production, fixed values in tests.
//!
//! [`Stamp`]: crate::Stamp

pub mod apaas_token_builder;
pub mod chat_token_builder2;
pub mod convoai_token_builder;
pub mod education_token_builder2;
pub mod fpa_token_builder;
pub mod rtc_token_builder;
pub mod rtc_token_builder2;
pub mod rtm_token_builder;
pub mod rtm_token_builder2;
pub mod session_access;
pub mod stt_token_builder;

use crate::error::Result;

/// The role tables of the builders that take a role, under the builder's
/// module name, so that every binding sets its role constants from one
/// place.
pub const ROLES: [(&str, &[(u32, &str)]); 3] = [
    ("rtc_token_builder", &rtc_token_builder::ROLES),
    ("rtc_token_builder2", &rtc_token_builder2::ROLES),
    ("rtm_token_builder", &rtm_token_builder::ROLES),
];

/// `text` if it fits a 16-bit length prefix, else `field_too_long` naming
/// the builder's own argument: builders pack some arguments into token
/// fields of another name (an RTC `account` travels as `uid`), and the
/// caller should hear about the argument it passed.
pub(crate) fn arg<'a>(field: &'static str, text: &'a str) -> Result<&'a str> {
    crate::wire::len16(field, text.len()).map(|_| text)
}
