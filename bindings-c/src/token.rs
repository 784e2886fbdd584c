//! Parsing through an opaque handle with accessors, and the JSON shortcut.

use std::collections::BTreeMap;
use std::ffi::{c_char, CString};
use std::sync::OnceLock;

use rtctoken_core::access_token2::{Rtm2Permissions, Service, ServiceType};
use rtctoken_core::{parse, Error, Token};
use serde::Deserialize;
use serde_json::Value;

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

/// One 007 service in C-friendly form, read from its serde form (the
/// core's one description of each service's fields): every text member is
/// a text field; `role` and `permissions` have accessors of their own.
struct ServiceView {
    type_id: u16,
    privileges: Vec<rtctoken_privilege>,
    texts: Vec<(String, Text)>,
    role: Option<i16>,
    permissions: Vec<PermissionView>,
}

impl ServiceView {
    fn new(s: &Service, json: &Value) -> Self {
        let mut view = ServiceView {
            type_id: s.type_id(),
            privileges: privilege_list(&s.privileges),
            texts: Vec::new(),
            role: None,
            permissions: Vec::new(),
        };
        for (key, value) in json.as_object().into_iter().flatten() {
            match (key.as_str(), value) {
                ("type", _) => {}
                ("role", v) => view.role = v.as_i64().and_then(|r| i16::try_from(r).ok()),
                ("permissions", v) => {
                    let p = Rtm2Permissions::deserialize(v).unwrap_or_default();
                    for (t, perms) in &p.0 {
                        for (perm, resources) in perms {
                            view.permissions.push(PermissionView {
                                resource_type: *t,
                                permission: *perm,
                                resources: resources.iter().map(|r| Text::new(r)).collect(),
                            });
                        }
                    }
                }
                (_, Value::String(text)) => view.texts.push((key.clone(), Text::new(text))),
                _ => {}
            }
        }
        view
    }
}

fn privilege_list(map: &BTreeMap<u16, u32>) -> Vec<rtctoken_privilege> {
    map.iter()
        .map(|(k, v)| rtctoken_privilege {
            privilege: *k,
            expire: *v,
        })
        .collect()
}

/// What the accessors read, built from the token on the first accessor
/// call that needs it, so that parsing alone copies nothing.
struct View {
    /// The token's JSON form (`rtctoken_token_to_json`): numbers are read
    /// from it by key, so the field names live only in the core.
    json: Value,
    privileges: Vec<rtctoken_privilege>,
    extra: Vec<(u16, Text)>,
    services: Vec<ServiceView>,
}

/// A decoded token of any version (opaque). Get one from `rtctoken_parse`,
/// read it with the `rtctoken_token_*` accessors, release it with
/// `rtctoken_token_free`. Strings it hands out live as long as the handle.
pub struct rtctoken_token {
    token: Token,
    /// Version and app ID as C text, made on first read.
    labels: OnceLock<(CString, Text)>,
    view: OnceLock<View>,
}

impl rtctoken_token {
    fn new(token: Token) -> Self {
        rtctoken_token {
            token,
            labels: OnceLock::new(),
            view: OnceLock::new(),
        }
    }

    fn labels(&self) -> &(CString, Text) {
        self.labels.get_or_init(|| {
            (
                // Versions never hold NUL.
                CString::new(self.token.version()).unwrap_or_default(),
                Text::new(self.token.app_id()),
            )
        })
    }

    fn view(&self) -> &View {
        self.view.get_or_init(|| {
            let json = self.token.to_json();
            let (privileges, extra, services) = match &self.token {
                Token::AccessToken(k) => (privilege_list(&k.privileges), Vec::new(), Vec::new()),
                Token::DynamicKey5(k) => (
                    Vec::new(),
                    k.extra.iter().map(|(k, v)| (*k, Text::new(v))).collect(),
                    Vec::new(),
                ),
                Token::AccessToken2(k) => (
                    Vec::new(),
                    Vec::new(),
                    k.services
                        .iter()
                        .zip(json["services"].as_array().into_iter().flatten())
                        .map(|(s, j)| ServiceView::new(s, j))
                        .collect(),
                ),
                _ => (Vec::new(), Vec::new(), Vec::new()),
            };
            View {
                json,
                privileges,
                extra,
                services,
            }
        })
    }

    /// The numeric field named like its key in `rtctoken_token_to_json`.
    fn number(&self, field: &str) -> Option<u32> {
        let value = self.view().json.get(field)?.as_u64()?;
        u32::try_from(value).ok()
    }

    /// Number of 007 services, without building the view.
    fn service_count(&self) -> usize {
        match &self.token {
            Token::AccessToken2(k) => k.services.len(),
            _ => 0,
        }
    }

    fn service(&self, index: usize) -> Result<&ServiceView, Error> {
        self.view().services.get(index).ok_or_else(|| {
            invalid(
                "service_index",
                format_args!(
                    "must be below the service count {}, got {index}",
                    self.service_count()
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
            .map_or(std::ptr::null(), |t| t.labels().0.as_ptr())
    })
}

/// The app ID the token was issued for; NULL for a NULL handle. Lives as
/// long as the handle.
#[no_mangle]
pub unsafe extern "C" fn rtctoken_token_app_id(token: *const rtctoken_token) -> *const c_char {
    caught(std::ptr::null(), || {
        token
            .as_ref()
            .map_or(std::ptr::null(), |t| t.labels().1.ptr())
    })
}

/// The token's signature as carried: 006 and 007 the raw HMAC-SHA256
/// bytes, v1–v5 and signaling its hex text. `*bytes_out` lives as long as
/// the handle and is not NUL-terminated; `*length_out` gives its length.
#[no_mangle]
pub unsafe extern "C" fn rtctoken_token_signature(
    token: *const rtctoken_token,
    bytes_out: *mut *const u8,
    length_out: *mut usize,
) -> rtctoken_status {
    guard(|| {
        let t = handle(token)?;
        let bytes: &[u8] = match &t.token {
            Token::DynamicKey(k) => k.signature.as_bytes(),
            Token::DynamicKey5(k) => k.signature.as_bytes(),
            Token::Signaling(k) => k.signature.as_bytes(),
            Token::AccessToken(k) => &k.signature,
            Token::AccessToken2(k) => &k.signature,
        };
        *out_value(length_out, "length_out")? = bytes.len();
        *bytes_out
            .as_mut()
            .ok_or_else(|| invalid("bytes_out", "(the out-parameter) must not be NULL"))? =
            bytes.as_ptr();
        Ok(())
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
    caught(0, || {
        token.as_ref().map_or(0, |t| t.view().privileges.len())
    })
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
        let p = entry(&t.view().privileges, index, "privilege")?;
        *privilege_out
            .as_mut()
            .ok_or_else(|| invalid("privilege_out", "must not be NULL"))? = *p;
        Ok(())
    })
}

/// Number of DynamicKey v5 `extra` entries (0 for other versions).
#[no_mangle]
pub unsafe extern "C" fn rtctoken_token_extra_count(token: *const rtctoken_token) -> usize {
    caught(0, || token.as_ref().map_or(0, |t| t.view().extra.len()))
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
        let (k, v) = entry(&t.view().extra, index, "extra")?;
        put_text(v, value_out, length_out)?;
        *key = *k;
        Ok(())
    })
}

/// Number of 007 services read (0 for other versions).
#[no_mangle]
pub unsafe extern "C" fn rtctoken_token_service_count(token: *const rtctoken_token) -> usize {
    caught(0, || {
        token.as_ref().map_or(0, rtctoken_token::service_count)
    })
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
    static NAMES: OnceLock<Vec<CString>> = OnceLock::new();
    caught(std::ptr::null(), || {
        let names = NAMES.get_or_init(|| {
            // Core names never hold NUL.
            ServiceType::ALL
                .map(|t| CString::new(t.name()).unwrap_or_default())
                .to_vec()
        });
        ServiceType::ALL
            .iter()
            .position(|t| *t as u16 == service_type)
            .map_or(std::ptr::null(), |i| names[i].as_ptr())
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
            .and_then(|t| t.view().services.get(service_index))
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
            .and_then(|t| t.view().services.get(service_index))
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
