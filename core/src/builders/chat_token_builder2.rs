//! Chat tokens (007): one for a user, one for the app's administration.

use crate::access_token2::privileges::chat;
use crate::access_token2::{build, Service};
use crate::error::Result;
use crate::stamp::Stamp;

/// A chat token for `user_id`.
pub fn build_user_token(
    app_id: &str,
    app_certificate: &str,
    user_id: &str,
    expire: u32,
    stamp: Stamp,
) -> Result<String> {
    let s = Service::chat(user_id).with_privilege(chat::USER, expire);
    build(app_id, app_certificate, expire, &[s], stamp)
}

/// A chat token for the app.
pub fn build_app_token(
    app_id: &str,
    app_certificate: &str,
    expire: u32,
    stamp: Stamp,
) -> Result<String> {
    let s = Service::chat("").with_privilege(chat::APP, expire);
    build(app_id, app_certificate, expire, &[s], stamp)
}
