//! RTM tokens (007): plain login, or RTM2 login with per-resource permissions.

use crate::access_token2::privileges::{rtm, rtm2};
use crate::access_token2::{build, Rtm2Permissions, Service};
use crate::error::Result;
use crate::stamp::Stamp;

/// An RTM login token for `user_id`, valid `expire` seconds.
pub fn build_token(
    app_id: &str,
    app_certificate: &str,
    user_id: &str,
    expire: u32,
    stamp: Stamp,
) -> Result<String> {
    let s = Service::rtm(user_id).with_privilege(rtm::LOGIN, expire);
    build(app_id, app_certificate, expire, &[s], stamp)
}

/// An RTM2 login token for `user_id` carrying `permissions`.
pub fn build_token_with_permissions(
    app_id: &str,
    app_certificate: &str,
    user_id: &str,
    permissions: &Rtm2Permissions,
    expire: u32,
    stamp: Stamp,
) -> Result<String> {
    let s = Service::rtm2(user_id, permissions.clone()).with_privilege(rtm2::LOGIN, expire);
    build(app_id, app_certificate, expire, &[s], stamp)
}
