//! Flexible Classroom (Education) tokens (007).

use md5::{Digest, Md5};

use crate::access_token2::privileges::{apaas, chat, rtm};
use crate::access_token2::{build, Service};
use crate::error::Result;
use crate::stamp::Stamp;

/// The APaaS role written when a token has no room role.
pub const NO_ROLE: i16 = -1;

/// A token for `user_uuid` in `room_uuid` with `role`: APaaS room user,
/// RTM login for the user, and chat for `md5_hex(user_uuid)`.
pub fn build_room_user_token(
    app_id: &str,
    app_certificate: &str,
    room_uuid: &str,
    user_uuid: &str,
    role: i16,
    expire: u32,
    stamp: Stamp,
) -> Result<String> {
    let user_uuid = super::arg("user_uuid", user_uuid)?;
    let chat_user = hex::encode(Md5::digest(user_uuid.as_bytes()));
    let services = vec![
        Service::apaas(room_uuid, user_uuid, role).with_privilege(apaas::ROOM_USER, expire),
        Service::rtm(user_uuid).with_privilege(rtm::LOGIN, expire),
        Service::chat(&chat_user).with_privilege(chat::USER, expire),
    ];
    build(app_id, app_certificate, expire, &services, stamp)
}

/// A token for `user_uuid` outside any room.
pub fn build_user_token(
    app_id: &str,
    app_certificate: &str,
    user_uuid: &str,
    expire: u32,
    stamp: Stamp,
) -> Result<String> {
    let s = Service::apaas("", user_uuid, NO_ROLE).with_privilege(apaas::USER, expire);
    build(app_id, app_certificate, expire, &[s], stamp)
}

/// A token for the app.
pub fn build_app_token(
    app_id: &str,
    app_certificate: &str,
    expire: u32,
    stamp: Stamp,
) -> Result<String> {
    let s = Service::apaas("", "", NO_ROLE).with_privilege(apaas::APP, expire);
    build(app_id, app_certificate, expire, &[s], stamp)
}
