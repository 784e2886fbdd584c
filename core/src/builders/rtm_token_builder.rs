//! RTM tokens in the 006 format: the channel field holds the user account.

use crate::access_token::{AccessToken, RTM_LOGIN};
use crate::error::{Error, Result};
use crate::stamp::Stamp;

/// The only RTM 006 role.
pub const ROLE_RTM_USER: u32 = 1;
/// Every role with its name, for the bindings' role constants.
pub const ROLES: [(u32, &str); 1] = [(ROLE_RTM_USER, "rtm_user")];

/// A 006 RTM token for `user_account`.
pub fn build_token(
    app_id: &str,
    app_certificate: &str,
    user_account: &str,
    role: u32,
    privilege_expired_ts: u32,
    stamp: Stamp,
) -> Result<String> {
    if role != ROLE_RTM_USER {
        return Err(Error::invalid(format!(
            "role must be 1 (RTM user), got {role}"
        )));
    }
    let mut token = AccessToken::new(app_id, app_certificate, user_account, "", stamp)?;
    token.add_privilege(RTM_LOGIN, privilege_expired_ts);
    token.build()
}
