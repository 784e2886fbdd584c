//! Checked conversions from C arguments to the core's Rust types, plus the
//! plain-C structs callers fill in (stamp, privileges, RTM2 permissions).

use std::collections::BTreeMap;
use std::ffi::{c_char, CStr};

use rtctoken::access_token2::Rtm2Permissions;
use rtctoken::{Error, ErrorKind, Stamp};

/// Issue time and salt of a 006/007 token, fixed so a test can reproduce
/// exact bytes. Pass NULL instead to use the clock and a random salt, as
/// production code should.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct rtctoken_stamp {
    /// Unix time the token is issued at.
    pub issue_ts: u32,
    /// Salt (the references draw it from 1..=99999999).
    pub salt: u32,
}

/// One privilege: its id (per service, see the spec) and its expiry (007:
/// seconds after issue; 006: absolute Unix time; 0 = no expiry).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct rtctoken_privilege {
    /// Privilege id, e.g. 1 = join channel.
    pub privilege: u16,
    /// Expiry of the privilege.
    pub expire: u32,
}

/// Resources granted one permission on one RTM2 resource type. Several
/// entries with the same type and permission add up, in order; an entry
/// with no resources still encodes an (empty) list.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct rtctoken_rtm2_permission {
    /// 0 message channels, 1 stream channels, 2 group channels, 3 server
    /// groups, 4 users.
    pub resource_type: u16,
    /// 0 read, 1 write.
    pub permission: u16,
    /// `resource_count` UTF-8 strings (may be NULL when the count is 0).
    pub resources: *const *const c_char,
    /// Number of entries in `resources`.
    pub resource_count: usize,
}

/// An `invalid_argument` error with `message` (naming the argument and its rule).
pub(crate) fn invalid(message: String) -> Error {
    Error::new(ErrorKind::InvalidArgument, message)
}

/// Borrows a required NUL-terminated UTF-8 argument called `name`.
pub(crate) unsafe fn text<'a>(ptr: *const c_char, name: &str) -> Result<&'a str, Error> {
    if ptr.is_null() {
        return Err(invalid(format!("{name} must not be NULL")));
    }
    CStr::from_ptr(ptr)
        .to_str()
        .map_err(|e| invalid(format!("{name} must be UTF-8: {e}")))
}

/// Borrows an optional text argument: NULL means "not given".
pub(crate) unsafe fn optional_text<'a>(
    ptr: *const c_char,
    name: &str,
) -> Result<Option<&'a str>, Error> {
    if ptr.is_null() {
        Ok(None)
    } else {
        text(ptr, name).map(Some)
    }
}

/// Borrows `len` items at `ptr`; NULL is accepted only when `len` is 0.
pub(crate) unsafe fn slice<'a, T>(ptr: *const T, len: usize, name: &str) -> Result<&'a [T], Error> {
    if len == 0 {
        Ok(&[])
    } else if ptr.is_null() {
        Err(invalid(format!(
            "{name} must not be NULL when its count is {len}"
        )))
    } else {
        Ok(std::slice::from_raw_parts(ptr, len))
    }
}

/// A fixed stamp, or the production default (now, random salt) for NULL.
pub(crate) unsafe fn stamp(ptr: *const rtctoken_stamp) -> Stamp {
    match ptr.as_ref() {
        Some(s) => Stamp::fixed(s.issue_ts, s.salt),
        None => Stamp::default(),
    }
}

/// A privilege map from a C array (later entries for the same id win, as
/// with repeated `AddPrivilege` calls in the vendor's code).
pub(crate) unsafe fn privileges(
    ptr: *const rtctoken_privilege,
    len: usize,
) -> Result<BTreeMap<u16, u32>, Error> {
    Ok(slice(ptr, len, "privileges")?
        .iter()
        .map(|p| (p.privilege, p.expire))
        .collect())
}

/// RTM2 permissions from a C array.
pub(crate) unsafe fn permissions(
    ptr: *const rtctoken_rtm2_permission,
    len: usize,
) -> Result<Rtm2Permissions, Error> {
    let mut out = Rtm2Permissions::new();
    for p in slice(ptr, len, "permissions")? {
        let resources = slice(p.resources, p.resource_count, "permissions resources")?;
        let list = out.entry(p.resource_type, p.permission);
        for r in resources {
            list.push(text(*r, "permissions resource")?.to_owned());
        }
    }
    Ok(out)
}
