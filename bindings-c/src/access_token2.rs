//! Raw AccessToken2 (007) tokens through an opaque builder handle: create
//! it, add services (each with its privileges), build, free.

use std::ffi::c_char;

use rtctoken_core::access_token2::{AccessToken2, Service};
use rtctoken_core::{Error, Stamp};

use crate::input::{invalid, rtctoken_privilege, rtctoken_rtm2_permission, text, FromC};
use crate::output::{out_ptr, string_call};
use crate::status::{caught, guard, rtctoken_status};

/// A 007 token being built (opaque). Create it with
/// `rtctoken_access_token2_create`, release it with
/// `rtctoken_access_token2_free`. Not for concurrent use from several
/// threads; distinct handles are independent.
pub struct rtctoken_access_token2 {
    token: AccessToken2,
}

/// Starts a raw 007 token living `expire` seconds after its issue time.
/// `issue_ts` and `salt` are each optional: NULL means now / a random salt
/// (production); point them at values to get exact bytes (tests). The app
/// ID and certificate are checked here. On success `*token2_out` owns a new
/// handle.
#[no_mangle]
pub unsafe extern "C" fn rtctoken_access_token2_create(
    app_id: *const c_char,
    app_certificate: *const c_char,
    expire: u32,
    issue_ts: *const u32,
    salt: *const u32,
    token2_out: *mut *mut rtctoken_access_token2,
) -> rtctoken_status {
    guard(|| {
        let slot = out_ptr(token2_out, "token2_out")?;
        let stamp = Stamp {
            issue_ts: issue_ts.as_ref().copied(),
            salt: salt.as_ref().copied(),
        };
        let token = AccessToken2::new(
            text(app_id, "app_id")?,
            text(app_certificate, "app_certificate")?,
            expire,
            stamp,
        )?;
        *slot = Box::into_raw(Box::new(rtctoken_access_token2 { token }));
        Ok(())
    })
}

/// Releases a handle from `rtctoken_access_token2_create`; NULL is ignored.
#[no_mangle]
pub unsafe extern "C" fn rtctoken_access_token2_free(token2: *mut rtctoken_access_token2) {
    if !token2.is_null() {
        caught((), || drop(Box::from_raw(token2)));
    }
}

/// Adds `service` (its privileges from the C array) to the handle.
unsafe fn add(
    token2: *mut rtctoken_access_token2,
    privileges: *const rtctoken_privilege,
    privilege_count: usize,
    service: impl FnOnce() -> Result<Service, Error>,
) -> rtctoken_status {
    guard(|| {
        let handle = token2
            .as_mut()
            .ok_or_else(|| invalid("token2", "must not be NULL"))?;
        let mut service = service()?;
        service.privileges = FromC::from_c((privileges, privilege_count), "privileges")?;
        handle.token.add_service(service);
        Ok(())
    })
}

/// Adds an RTC service (type 1) for `uid` text ("" = any user, else decimal
/// or an account) in `channel_name`. Privileges: 1 join channel, 2 publish
/// audio, 3 publish video, 4 publish data stream; expiries in seconds after
/// issue. `privileges` may be NULL when `privilege_count` is 0 (as for every
/// `rtctoken_access_token2_add_*`).
#[no_mangle]
pub unsafe extern "C" fn rtctoken_access_token2_add_rtc(
    token2: *mut rtctoken_access_token2,
    channel_name: *const c_char,
    uid: *const c_char,
    privileges: *const rtctoken_privilege,
    privilege_count: usize,
) -> rtctoken_status {
    add(token2, privileges, privilege_count, || {
        Ok(Service::rtc(
            text(channel_name, "channel_name")?,
            text(uid, "uid")?,
        ))
    })
}

/// Adds an RTM service (type 2) for `user_id`; privilege 1 login.
#[no_mangle]
pub unsafe extern "C" fn rtctoken_access_token2_add_rtm(
    token2: *mut rtctoken_access_token2,
    user_id: *const c_char,
    privileges: *const rtctoken_privilege,
    privilege_count: usize,
) -> rtctoken_status {
    add(token2, privileges, privilege_count, || {
        Ok(Service::rtm(text(user_id, "user_id")?))
    })
}

/// Adds a streaming (media push) service (type 3); privileges 1 publish
/// mixed stream, 2 publish raw stream.
#[no_mangle]
pub unsafe extern "C" fn rtctoken_access_token2_add_streaming(
    token2: *mut rtctoken_access_token2,
    channel_name: *const c_char,
    account: *const c_char,
    privileges: *const rtctoken_privilege,
    privilege_count: usize,
) -> rtctoken_status {
    add(token2, privileges, privilege_count, || {
        Ok(Service::streaming(
            text(channel_name, "channel_name")?,
            text(account, "account")?,
        ))
    })
}

/// Adds a full-path acceleration service (type 4); privilege 1 login.
#[no_mangle]
pub unsafe extern "C" fn rtctoken_access_token2_add_fpa(
    token2: *mut rtctoken_access_token2,
    privileges: *const rtctoken_privilege,
    privilege_count: usize,
) -> rtctoken_status {
    add(token2, privileges, privilege_count, || Ok(Service::fpa()))
}

/// Adds a chat service (type 5) for `user_id` ("" for an app token);
/// privileges 1 user, 2 app.
#[no_mangle]
pub unsafe extern "C" fn rtctoken_access_token2_add_chat(
    token2: *mut rtctoken_access_token2,
    user_id: *const c_char,
    privileges: *const rtctoken_privilege,
    privilege_count: usize,
) -> rtctoken_status {
    add(token2, privileges, privilege_count, || {
        Ok(Service::chat(text(user_id, "user_id")?))
    })
}

/// Adds a Fusion CDN service (type 6); privileges 1 publish, 2 play.
#[no_mangle]
pub unsafe extern "C" fn rtctoken_access_token2_add_fcdn(
    token2: *mut rtctoken_access_token2,
    channel_name: *const c_char,
    account: *const c_char,
    privileges: *const rtctoken_privilege,
    privilege_count: usize,
) -> rtctoken_status {
    add(token2, privileges, privilege_count, || {
        Ok(Service::fcdn(
            text(channel_name, "channel_name")?,
            text(account, "account")?,
        ))
    })
}

// The core's `education_token_builder2::NO_ROLE`, written out because
// cbindgen needs a literal; a test holds the two together.
/// The APaaS role meaning "no role" (`rtctoken_access_token2_add_apaas`).
pub const RTCTOKEN_APAAS_NO_ROLE: i16 = -1;

/// Adds an APaaS / flexible-classroom service (type 7); role
/// `RTCTOKEN_APAAS_NO_ROLE` = none;
/// privileges 1 room user, 2 user, 3 app.
#[no_mangle]
pub unsafe extern "C" fn rtctoken_access_token2_add_apaas(
    token2: *mut rtctoken_access_token2,
    room_uuid: *const c_char,
    user_uuid: *const c_char,
    role: i16,
    privileges: *const rtctoken_privilege,
    privilege_count: usize,
) -> rtctoken_status {
    add(token2, privileges, privilege_count, || {
        Ok(Service::apaas(
            text(room_uuid, "room_uuid")?,
            text(user_uuid, "user_uuid")?,
            role,
        ))
    })
}

/// Adds an RTM2 service (type 8) for `user_id` with per-resource
/// permissions (`permissions` may be NULL when `permission_count` is 0);
/// privilege 1 login.
#[no_mangle]
pub unsafe extern "C" fn rtctoken_access_token2_add_rtm2(
    token2: *mut rtctoken_access_token2,
    user_id: *const c_char,
    permissions: *const rtctoken_rtm2_permission,
    permission_count: usize,
    privileges: *const rtctoken_privilege,
    privilege_count: usize,
) -> rtctoken_status {
    add(token2, privileges, privilege_count, || {
        Ok(Service::rtm2(
            text(user_id, "user_id")?,
            FromC::from_c((permissions, permission_count), "permissions")?,
        ))
    })
}

/// Adds a Conversational AI engine service (type 9, no fields).
#[no_mangle]
pub unsafe extern "C" fn rtctoken_access_token2_add_convoai(
    token2: *mut rtctoken_access_token2,
    privileges: *const rtctoken_privilege,
    privilege_count: usize,
) -> rtctoken_status {
    add(token2, privileges, privilege_count, || {
        Ok(Service::convoai())
    })
}

/// Adds a speech-to-text service (type 10, no fields).
#[no_mangle]
pub unsafe extern "C" fn rtctoken_access_token2_add_stt(
    token2: *mut rtctoken_access_token2,
    privileges: *const rtctoken_privilege,
    privilege_count: usize,
) -> rtctoken_status {
    add(token2, privileges, privilege_count, || Ok(Service::stt()))
}

/// Adds a generic service of any type id (the vendor's `Service(type)`):
/// written as its id and privileges only, so a service without a builder
/// here yet can still be granted.
#[no_mangle]
pub unsafe extern "C" fn rtctoken_access_token2_add_generic(
    token2: *mut rtctoken_access_token2,
    service_type: u16,
    privileges: *const rtctoken_privilege,
    privilege_count: usize,
) -> rtctoken_status {
    add(token2, privileges, privilege_count, || {
        Ok(Service::generic(service_type))
    })
}

/// Signs the services added so far (`access_token2.build`); services are
/// written sorted by type, ties in the order added. The handle stays valid
/// and may be built again.
#[no_mangle]
pub unsafe extern "C" fn rtctoken_access_token2_build(
    token2: *const rtctoken_access_token2,
    token_out: *mut *mut c_char,
) -> rtctoken_status {
    string_call(token_out, "token_out", || {
        token2
            .as_ref()
            .ok_or_else(|| invalid("token2", "must not be NULL"))?
            .token
            .build()
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn no_role_is_the_cores() {
        assert_eq!(
            super::RTCTOKEN_APAAS_NO_ROLE,
            rtctoken_core::builders::education_token_builder2::NO_ROLE
        );
    }
}
