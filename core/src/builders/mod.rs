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
