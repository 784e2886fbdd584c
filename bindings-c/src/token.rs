//! Parsing through an opaque handle with accessors, and the JSON shortcut.
//!
//! Every accessor reads one generic tree made from the token's serde form
//! (the core's one description of each format's fields), so no format or
//! service is spelled out here: a field the core adds is readable by name.

use std::ffi::{c_char, CString};
use std::sync::OnceLock;

use rtctoken_core::access_token2::ServiceType;
use rtctoken_core::{parse, Error, ErrorKind, Token};
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

/// One value of a token's serde form, held in C-friendly shape.
enum Node {
    Number(i64),
    Text(Text),
    List(Vec<Node>),
    /// A map keyed by id (privileges, v5 extra, RTM2 permissions), in
    /// ascending id order.
    Ids(Vec<(u16, Node)>),
    /// A struct, by field name.
    Fields(Vec<(String, Node)>),
    /// Anything C has no accessor for.
    Other,
}

impl Node {
    fn new(value: &Value) -> Node {
        match value {
            Value::Number(n) => n.as_i64().map_or(Node::Other, Node::Number),
            Value::String(s) => Node::Text(Text::new(s)),
            Value::Array(items) => Node::List(items.iter().map(Node::new).collect()),
            Value::Object(map) => {
                let ids: Option<Vec<_>> = map
                    .iter()
                    .map(|(k, v)| Some((k.parse().ok()?, Node::new(v))))
                    .collect();
                match ids {
                    Some(mut ids) => {
                        ids.sort_by_key(|(id, _)| *id);
                        Node::Ids(ids)
                    }
                    None => {
                        Node::Fields(map.iter().map(|(k, v)| (k.clone(), Node::new(v))).collect())
                    }
                }
            }
            _ => Node::Other,
        }
    }

    /// The field `name` of a struct.
    fn field(&self, name: &str) -> Option<&Node> {
        match self {
            Node::Fields(fields) => fields.iter().find(|(n, _)| n == name).map(|(_, v)| v),
            _ => None,
        }
    }

    fn list(&self) -> &[Node] {
        match self {
            Node::List(items) => items,
            _ => &[],
        }
    }

    fn ids(&self) -> &[(u16, Node)] {
        match self {
            Node::Ids(ids) => ids,
            _ => &[],
        }
    }

    fn number(&self) -> Option<i64> {
        match self {
            Node::Number(n) => Some(*n),
            _ => None,
        }
    }

    fn text(&self) -> Option<&Text> {
        match self {
            Node::Text(t) => Some(t),
            _ => None,
        }
    }

    /// The entries of the id map `name` (empty when absent).
    fn ids_of(&self, name: &str) -> &[(u16, Node)] {
        self.field(name).map_or(&[], Node::ids)
    }

    /// The `index`-th privilege of the map `privileges`.
    fn privilege(&self, index: usize) -> Result<rtctoken_privilege, Error> {
        let (id, expire) = entry(self.ids_of("privileges"), index, "privilege")?;
        Ok(rtctoken_privilege {
            privilege: *id,
            expire: expire
                .number()
                .and_then(|n| u32::try_from(n).ok())
                .unwrap_or(0),
        })
    }

    /// RTM2 permissions as (resource type, permission, resources), in
    /// ascending type, then permission.
    fn permissions(&self) -> impl Iterator<Item = (u16, u16, &[Node])> {
        self.ids_of("permissions").iter().flat_map(|(t, perms)| {
            perms
                .ids()
                .iter()
                .map(move |(p, list)| (*t, *p, list.list()))
        })
    }
}

/// A decoded token of any version (opaque). Get one from `rtctoken_parse`,
/// read it with the `rtctoken_token_*` accessors, release it with
/// `rtctoken_token_free`. Strings it hands out live as long as the handle.
pub struct rtctoken_token {
    token: Token,
    /// The serde form plus `vendor_app_id`, made on the first accessor call,
    /// so that parsing alone copies nothing.
    view: OnceLock<Node>,
}

impl rtctoken_token {
    fn view(&self) -> &Node {
        self.view.get_or_init(|| {
            let mut view = Node::new(&self.token.to_json());
            if let Node::Fields(fields) = &mut view {
                let vendor = Text::new(&self.token.vendor_app_id());
                fields.push(("vendor_app_id".to_owned(), Node::Text(vendor)));
            }
            view
        })
    }

    fn services(&self) -> &[Node] {
        self.view().field("services").map_or(&[], Node::list)
    }

    fn service(&self, index: usize) -> Result<&Node, Error> {
        let services = self.services();
        services.get(index).ok_or_else(|| {
            invalid(
                "service_index",
                format_args!(
                    "must be below the service count {}, got {index}",
                    services.len()
                ),
            )
        })
    }
}

/// The top-level text `name` of a (possibly NULL) handle, or NULL.
unsafe fn top_text(token: *const rtctoken_token, name: &str) -> *const c_char {
    caught(std::ptr::null(), || {
        let text = token.as_ref().and_then(|t| t.view().field(name)?.text());
        text.map_or(std::ptr::null(), Text::ptr)
    })
}

/// The `index`-th service of a (possibly NULL) handle, for the counts.
unsafe fn service_of<'a>(token: *const rtctoken_token, index: usize) -> Option<&'a Node> {
    token.as_ref()?.services().get(index)
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
    t: Option<&Text>,
    value_out: *mut *const c_char,
    length_out: *mut usize,
) -> Result<(), Error> {
    let slot = value_out
        .as_mut()
        .ok_or_else(|| invalid("value_out", "must not be NULL"))?;
    // The serde form holds text wherever these accessors read it.
    let t = t.ok_or_else(|| Error::new(ErrorKind::Internal, "a text field is not text"))?;
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
        let token = rtctoken_token {
            token: parsed,
            view: OnceLock::new(),
        };
        *slot = Box::into_raw(Box::new(token));
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
    top_text(token, "version")
}

/// The app ID the token was issued for; NULL for a NULL handle. Lives as
/// long as the handle.
#[no_mangle]
pub unsafe extern "C" fn rtctoken_token_app_id(token: *const rtctoken_token) -> *const c_char {
    top_text(token, "app_id")
}

/// The app ID as the vendor's own parser prints it (a v5 key's in
/// uppercase hex; every other version's as `rtctoken_token_app_id`); NULL
/// for a NULL handle. Lives as long as the handle.
#[no_mangle]
pub unsafe extern "C" fn rtctoken_token_vendor_app_id(
    token: *const rtctoken_token,
) -> *const c_char {
    top_text(token, "vendor_app_id")
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
        let bytes = handle(token)?.token.signature();
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
        let value = t.view().field(name).and_then(Node::number);
        *slot = value.and_then(|n| u32::try_from(n).ok()).ok_or_else(|| {
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
        token
            .as_ref()
            .map_or(0, |t| t.view().ids_of("privileges").len())
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
        let slot = out_value(privilege_out, "privilege_out")?;
        *slot = handle(token)?.view().privilege(index)?;
        Ok(())
    })
}

/// Number of DynamicKey v5 `extra` entries (0 for other versions).
#[no_mangle]
pub unsafe extern "C" fn rtctoken_token_extra_count(token: *const rtctoken_token) -> usize {
    caught(0, || {
        token.as_ref().map_or(0, |t| t.view().ids_of("extra").len())
    })
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
        let (k, v) = entry(handle(token)?.view().ids_of("extra"), index, "extra")?;
        put_text(v.text(), value_out, length_out)?;
        *key = *k;
        Ok(())
    })
}

/// Number of 007 services read (0 for other versions).
#[no_mangle]
pub unsafe extern "C" fn rtctoken_token_service_count(token: *const rtctoken_token) -> usize {
    caught(0, || token.as_ref().map_or(0, |t| t.services().len()))
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
        let name = handle(token)?.service(service_index)?.field("type");
        // Parsing yields only the types the core names.
        *slot = name
            .and_then(Node::text)
            .and_then(|t| std::str::from_utf8(&t.0[..t.len()]).ok())
            .and_then(ServiceType::from_name)
            .map_or(0, |t| t as u16);
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
        service_of(token, service_index).map_or(0, |s| s.ids_of("privileges").len())
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
        let slot = out_value(privilege_out, "privilege_out")?;
        *slot = handle(token)?
            .service(service_index)?
            .privilege(privilege_index)?;
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
        let value = s
            .field(name)
            .filter(|_| name != "type")
            .and_then(Node::text);
        let value = value.ok_or_else(|| {
            invalid(
                "field",
                format_args!("{name:?} is not a text field of this service"),
            )
        })?;
        put_text(Some(value), value_out, length_out)
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
        let role = handle(token)?.service(service_index)?.field("role");
        *slot = role
            .and_then(Node::number)
            .and_then(|r| i16::try_from(r).ok())
            .ok_or_else(|| {
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
        service_of(token, service_index).map_or(0, |s| s.permissions().count())
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
        let entries: Vec<_> = s.permissions().collect();
        let (rt, perm, resources) = entry(&entries, permission_index, "permission")?;
        (*t, *p, *n) = (*rt, *perm, resources.len());
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
        let entries: Vec<_> = s.permissions().collect();
        let (_, _, resources) = entry(&entries, permission_index, "permission")?;
        let r = entry(resources, resource_index, "resource")?;
        put_text(r.text(), value_out, length_out)
    })
}
