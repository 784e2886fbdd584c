//! Parsing through an opaque handle with accessors, and the JSON shortcut.

use std::ffi::{c_char, CString};

use rtctoken::access_token2::{ServiceFields, ServiceType};
use rtctoken::{parse, Error, Token};

use crate::input::{invalid, rtctoken_privilege, text};
use crate::output::{out_ptr, out_value, string_call};
use crate::status::{caught, guard, rtctoken_status};

/// Text kept NUL-terminated for C, with its length (fields may hold NULs).
struct Text(Vec<u8>);

impl Text {
    fn new(s: &str) -> Self {
        let mut bytes = Vec::with_capacity(s.len() + 1);
        bytes.extend_from_slice(s.as_bytes());
        bytes.push(0);
        Text(bytes)
    }

    fn ptr(&self) -> *const c_char {
        self.0.as_ptr().cast()
    }

    fn len(&self) -> usize {
        self.0.len() - 1
    }
}

/// One RTM2 permission entry flattened for index access.
struct PermissionView {
    resource_type: u16,
    permission: u16,
    resources: Vec<Text>,
}

/// One 007 service in C-friendly form.
struct ServiceView {
    type_id: u16,
    privileges: Vec<rtctoken_privilege>,
    texts: Vec<(&'static str, Text)>,
    role: Option<i16>,
    permissions: Vec<PermissionView>,
}

impl ServiceView {
    fn new(s: &rtctoken::access_token2::Service) -> Self {
        let mut texts = Vec::new();
        let mut role = None;
        let mut permissions = Vec::new();
        match &s.fields {
            ServiceFields::Rtc { channel_name, uid } => {
                texts.push(("channel_name", Text::new(channel_name)));
                texts.push(("uid", Text::new(uid)));
            }
            ServiceFields::Rtm { user_id } | ServiceFields::Chat { user_id } => {
                texts.push(("user_id", Text::new(user_id)));
            }
            ServiceFields::Streaming {
                channel_name,
                account,
            }
            | ServiceFields::Fcdn {
                channel_name,
                account,
            } => {
                texts.push(("channel_name", Text::new(channel_name)));
                texts.push(("account", Text::new(account)));
            }
            ServiceFields::Apaas {
                room_uuid,
                user_uuid,
                role: r,
            } => {
                texts.push(("room_uuid", Text::new(room_uuid)));
                texts.push(("user_uuid", Text::new(user_uuid)));
                role = Some(*r);
            }
            ServiceFields::Rtm2 {
                user_id,
                permissions: p,
            } => {
                texts.push(("user_id", Text::new(user_id)));
                for (t, perms) in &p.0 {
                    for (perm, resources) in perms {
                        permissions.push(PermissionView {
                            resource_type: *t,
                            permission: *perm,
                            resources: resources.iter().map(|r| Text::new(r)).collect(),
                        });
                    }
                }
            }
            _ => {}
        }
        ServiceView {
            type_id: s.service_type() as u16,
            privileges: privilege_list(&s.privileges),
            texts,
            role,
            permissions,
        }
    }
}

fn privilege_list(map: &std::collections::BTreeMap<u16, u32>) -> Vec<rtctoken_privilege> {
    map.iter()
        .map(|(k, v)| rtctoken_privilege {
            privilege: *k,
            expire: *v,
        })
        .collect()
}

/// A decoded token of any version (opaque). Get one from `rtctoken_parse`,
/// read it with the `rtctoken_token_*` accessors, release it with
/// `rtctoken_token_free`. Strings it hands out live as long as the handle.
pub struct rtctoken_token {
    token: Token,
    version: CString,
    app_id: Text,
    privileges: Vec<rtctoken_privilege>,
    extra: Vec<(u16, Text)>,
    services: Vec<ServiceView>,
}

impl rtctoken_token {
    fn new(token: Token) -> Self {
        let (privileges, extra, services) = match &token {
            Token::AccessToken(k) => (privilege_list(&k.privileges), Vec::new(), Vec::new()),
            Token::DynamicKey5(k) => (
                Vec::new(),
                k.extra.iter().map(|(k, v)| (*k, Text::new(v))).collect(),
                Vec::new(),
            ),
            Token::AccessToken2(k) => (
                Vec::new(),
                Vec::new(),
                k.services.iter().map(ServiceView::new).collect(),
            ),
            _ => (Vec::new(), Vec::new(), Vec::new()),
        };
        rtctoken_token {
            version: CString::new(token.version()).unwrap_or_default(),
            app_id: Text::new(token.app_id()),
            token,
            privileges,
            extra,
            services,
        }
    }

    /// The numeric field named like its key in `rtctoken_token_to_json`.
    fn number(&self, field: &str) -> Option<u32> {
        match (&self.token, field) {
            (Token::AccessToken2(k), "issue_ts") => Some(k.issue_ts),
            (Token::AccessToken2(k), "expire") => Some(k.expire),
            (Token::AccessToken2(k), "salt") => Some(k.salt),
            (Token::AccessToken2(k), "unknown_service_type") => {
                k.unknown_service_type.map(u32::from)
            }
            (Token::AccessToken(k), "salt") => Some(k.salt),
            (Token::AccessToken(k), "ts") => Some(k.ts),
            (Token::AccessToken(k), "crc_channel_name") => Some(k.crc_channel_name),
            (Token::AccessToken(k), "crc_uid") => Some(k.crc_uid),
            (Token::DynamicKey(k), "unix_ts") => Some(k.unix_ts),
            (Token::DynamicKey(k), "random_int") => Some(k.random_int),
            (Token::DynamicKey(k), "uid") => k.uid,
            (Token::DynamicKey(k), "expired_ts") => k.expired_ts,
            (Token::DynamicKey5(k), "service_type") => Some(u32::from(k.service_type)),
            (Token::DynamicKey5(k), "unix_ts") => Some(k.unix_ts),
            (Token::DynamicKey5(k), "random_int") => Some(k.random_int),
            (Token::DynamicKey5(k), "expired_ts") => Some(k.expired_ts),
            (Token::Signaling(k), "expired_ts") => Some(k.expired_ts),
            _ => None,
        }
    }

    fn service(&self, index: usize) -> Result<&ServiceView, Error> {
        self.services.get(index).ok_or_else(|| {
            invalid(
                "service_index",
                format_args!(
                    "must be below the service count {}, got {index}",
                    self.services.len()
                ),
            )
        })
    }
}

unsafe fn handle<'a>(token: *const rtctoken_token) -> Result<&'a rtctoken_token, Error> {
    token
        .as_ref()
        .ok_or_else(|| invalid("token", "must not be NULL"))
}

fn entry<'a, T>(list: &'a [T], index: usize, what: &'static str) -> Result<&'a T, Error> {
    list.get(index).ok_or_else(|| {
        invalid(
            what,
            format_args!("index must be below {}, got {index}", list.len()),
        )
    })
}

/// Writes a text's pointer and (optionally) its length.
unsafe fn put_text(
    t: &Text,
    value_out: *mut *const c_char,
    length_out: *mut usize,
) -> Result<(), Error> {
    let slot = value_out
        .as_mut()
        .ok_or_else(|| invalid("value_out", "must not be NULL"))?;
    *slot = t.ptr();
    if let Some(len) = length_out.as_mut() {
        *len = t.len();
    }
    Ok(())
}

/// Decodes any token (`parse`): DynamicKey v1–v5, signaling, 006 or 007.
/// On success `*token_out` owns a new handle.
#[no_mangle]
pub unsafe extern "C" fn rtctoken_parse(
    token: *const c_char,
    token_out: *mut *mut rtctoken_token,
) -> rtctoken_status {
    guard(|| {
        let slot = out_ptr(token_out, "token_out")?;
        let parsed = parse(text(token, "token")?)?;
        *slot = Box::into_raw(Box::new(rtctoken_token::new(parsed)));
        Ok(())
    })
}

/// Releases a handle from `rtctoken_parse`; NULL is ignored.
#[no_mangle]
pub unsafe extern "C" fn rtctoken_token_free(token: *mut rtctoken_token) {
    if !token.is_null() {
        caught((), || drop(Box::from_raw(token)));
    }
}

/// Decodes `token` straight to JSON text (the shape of the parse vectors:
/// `version`, `app_id`, then the version's own fields; 007 `services`).
/// Free the result with `rtctoken_string_free`.
#[no_mangle]
pub unsafe extern "C" fn rtctoken_parse_json(
    token: *const c_char,
    json_out: *mut *mut c_char,
) -> rtctoken_status {
    string_call(json_out, "json_out", || {
        Ok(parse(text(token, "token")?)?.to_json().to_string())
    })
}

/// The parsed token as JSON text (same shape as `rtctoken_parse_json`).
#[no_mangle]
pub unsafe extern "C" fn rtctoken_token_to_json(
    token: *const rtctoken_token,
    json_out: *mut *mut c_char,
) -> rtctoken_status {
    string_call(json_out, "json_out", || {
        Ok(handle(token)?.token.to_json().to_string())
    })
}

/// "001"…"007" or "signaling"; NULL for a NULL handle. Lives as long as
/// the handle.
#[no_mangle]
pub unsafe extern "C" fn rtctoken_token_version(token: *const rtctoken_token) -> *const c_char {
    caught(std::ptr::null(), || {
        token
            .as_ref()
            .map_or(std::ptr::null(), |t| t.version.as_ptr())
    })
}

/// The app ID the token was issued for; NULL for a NULL handle. Lives as
/// long as the handle.
#[no_mangle]
pub unsafe extern "C" fn rtctoken_token_app_id(token: *const rtctoken_token) -> *const c_char {
    caught(std::ptr::null(), || {
        token.as_ref().map_or(std::ptr::null(), |t| t.app_id.ptr())
    })
}

/// A numeric field, named like its JSON key: 007 `issue_ts`, `expire`,
/// `salt`, `unknown_service_type` (only when the walk stopped at one); 006
/// `salt`, `ts`, `crc_channel_name`, `crc_uid`; v1–v5 `unix_ts`,
/// `random_int`, `expired_ts` (v2–v5), `uid` (v2, v3); v5 `service_type`;
/// signaling `expired_ts`. A field this token does not carry is
/// `RTCTOKEN_INVALID_ARGUMENT`.
#[no_mangle]
pub unsafe extern "C" fn rtctoken_token_number(
    token: *const rtctoken_token,
    field: *const c_char,
    value_out: *mut u32,
) -> rtctoken_status {
    guard(|| {
        let slot = out_value(value_out, "value_out")?;
        let t = handle(token)?;
        let name = text(field, "field")?;
        *slot = t.number(name).ok_or_else(|| {
            invalid(
                "field",
                format_args!(
                    "{name:?} is not carried by this {} token",
                    t.token.version()
                ),
            )
        })?;
        Ok(())
    })
}

/// Number of 006 privileges (0 for other versions).
#[no_mangle]
pub unsafe extern "C" fn rtctoken_token_privilege_count(token: *const rtctoken_token) -> usize {
    caught(0, || token.as_ref().map_or(0, |t| t.privileges.len()))
}

/// The `index`-th 006 privilege (ascending ids; expiry is absolute Unix time).
#[no_mangle]
pub unsafe extern "C" fn rtctoken_token_privilege(
    token: *const rtctoken_token,
    index: usize,
    privilege_out: *mut rtctoken_privilege,
) -> rtctoken_status {
    guard(|| {
        let t = handle(token)?;
        let p = entry(&t.privileges, index, "privilege")?;
        *privilege_out
            .as_mut()
            .ok_or_else(|| invalid("privilege_out", "must not be NULL"))? = *p;
        Ok(())
    })
}

/// Number of DynamicKey v5 `extra` entries (0 for other versions).
#[no_mangle]
pub unsafe extern "C" fn rtctoken_token_extra_count(token: *const rtctoken_token) -> usize {
    caught(0, || token.as_ref().map_or(0, |t| t.extra.len()))
}

/// The `index`-th v5 `extra` entry (ascending keys); `length_out` may be NULL.
#[no_mangle]
pub unsafe extern "C" fn rtctoken_token_extra(
    token: *const rtctoken_token,
    index: usize,
    key_out: *mut u16,
    value_out: *mut *const c_char,
    length_out: *mut usize,
) -> rtctoken_status {
    guard(|| {
        let key = out_value(key_out, "key_out")?;
        let t = handle(token)?;
        let (k, v) = entry(&t.extra, index, "extra")?;
        put_text(v, value_out, length_out)?;
        *key = *k;
        Ok(())
    })
}

/// Number of 007 services read (0 for other versions).
#[no_mangle]
pub unsafe extern "C" fn rtctoken_token_service_count(token: *const rtctoken_token) -> usize {
    caught(0, || token.as_ref().map_or(0, |t| t.services.len()))
}

/// The type id of the `service_index`-th 007 service (token order).
#[no_mangle]
pub unsafe extern "C" fn rtctoken_token_service_type(
    token: *const rtctoken_token,
    service_index: usize,
    type_out: *mut u16,
) -> rtctoken_status {
    guard(|| {
        let slot = out_value(type_out, "type_out")?;
        *slot = handle(token)?.service(service_index)?.type_id;
        Ok(())
    })
}

/// The lowercase name of a 007 service type ("rtc", "rtm", …, "stt"), or
/// NULL for an unknown type. The string is static.
#[no_mangle]
pub extern "C" fn rtctoken_service_type_name(service_type: u16) -> *const c_char {
    const NAMES: [&str; 10] = [
        "rtc\0",
        "rtm\0",
        "streaming\0",
        "fpa\0",
        "chat\0",
        "fcdn\0",
        "apaas\0",
        "rtm2\0",
        "convoai\0",
        "stt\0",
    ];
    caught(std::ptr::null(), || {
        ServiceType::from_u16(service_type)
            .and_then(|t| NAMES.iter().find(|n| n.trim_end_matches('\0') == t.name()))
            .map_or(std::ptr::null(), |n| n.as_ptr().cast())
    })
}

/// Number of privileges of a 007 service (0 for a bad index or handle).
#[no_mangle]
pub unsafe extern "C" fn rtctoken_token_service_privilege_count(
    token: *const rtctoken_token,
    service_index: usize,
) -> usize {
    caught(0, || {
        token
            .as_ref()
            .and_then(|t| t.services.get(service_index))
            .map_or(0, |s| s.privileges.len())
    })
}

/// The `privilege_index`-th privilege of a 007 service (ascending ids;
/// expiry in seconds after issue).
#[no_mangle]
pub unsafe extern "C" fn rtctoken_token_service_privilege(
    token: *const rtctoken_token,
    service_index: usize,
    privilege_index: usize,
    privilege_out: *mut rtctoken_privilege,
) -> rtctoken_status {
    guard(|| {
        let s = handle(token)?.service(service_index)?;
        let p = entry(&s.privileges, privilege_index, "privilege")?;
        *privilege_out
            .as_mut()
            .ok_or_else(|| invalid("privilege_out", "must not be NULL"))? = *p;
        Ok(())
    })
}

/// A text field of a 007 service, named like its JSON key: `channel_name`
/// and `uid` (rtc), `channel_name` and `account` (streaming, fcdn),
/// `user_id` (rtm, chat, rtm2), `room_uuid` and `user_uuid` (apaas). The
/// text lives as long as the handle; `length_out` may be NULL.
#[no_mangle]
pub unsafe extern "C" fn rtctoken_token_service_text(
    token: *const rtctoken_token,
    service_index: usize,
    field: *const c_char,
    value_out: *mut *const c_char,
    length_out: *mut usize,
) -> rtctoken_status {
    guard(|| {
        let s = handle(token)?.service(service_index)?;
        let name = text(field, "field")?;
        let (_, value) = s.texts.iter().find(|(n, _)| *n == name).ok_or_else(|| {
            invalid(
                "field",
                format_args!("{name:?} is not a text field of this service"),
            )
        })?;
        put_text(value, value_out, length_out)
    })
}

/// The role of an apaas service.
#[no_mangle]
pub unsafe extern "C" fn rtctoken_token_service_role(
    token: *const rtctoken_token,
    service_index: usize,
    role_out: *mut i16,
) -> rtctoken_status {
    guard(|| {
        let slot = out_value(role_out, "role_out")?;
        *slot = handle(token)?.service(service_index)?.role.ok_or_else(|| {
            invalid(
                "service_index",
                "must name an apaas service (only apaas carries a role)",
            )
        })?;
        Ok(())
    })
}

/// Number of (resource type, permission) entries of an rtm2 service.
#[no_mangle]
pub unsafe extern "C" fn rtctoken_token_service_permission_count(
    token: *const rtctoken_token,
    service_index: usize,
) -> usize {
    caught(0, || {
        token
            .as_ref()
            .and_then(|t| t.services.get(service_index))
            .map_or(0, |s| s.permissions.len())
    })
}

/// The `permission_index`-th permission entry of an rtm2 service (ascending
/// resource type, then permission) and how many resources it lists.
#[no_mangle]
pub unsafe extern "C" fn rtctoken_token_service_permission(
    token: *const rtctoken_token,
    service_index: usize,
    permission_index: usize,
    resource_type_out: *mut u16,
    permission_out: *mut u16,
    resource_count_out: *mut usize,
) -> rtctoken_status {
    guard(|| {
        let t = out_value(resource_type_out, "resource_type_out")?;
        let p = out_value(permission_out, "permission_out")?;
        let n = out_value(resource_count_out, "resource_count_out")?;
        let s = handle(token)?.service(service_index)?;
        let e = entry(&s.permissions, permission_index, "permission")?;
        (*t, *p, *n) = (e.resource_type, e.permission, e.resources.len());
        Ok(())
    })
}

/// The `resource_index`-th resource of an rtm2 permission entry; the text
/// lives as long as the handle; `length_out` may be NULL.
#[no_mangle]
pub unsafe extern "C" fn rtctoken_token_service_permission_resource(
    token: *const rtctoken_token,
    service_index: usize,
    permission_index: usize,
    resource_index: usize,
    value_out: *mut *const c_char,
    length_out: *mut usize,
) -> rtctoken_status {
    guard(|| {
        let s = handle(token)?.service(service_index)?;
        let e = entry(&s.permissions, permission_index, "permission")?;
        let r = entry(&e.resources, resource_index, "resource")?;
        put_text(r, value_out, length_out)
    })
}
