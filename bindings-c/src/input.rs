//! Checked conversions from C arguments to the core's Rust types, plus the
//! plain-C structs callers fill in (stamp, privileges, RTM2 permissions).

use std::collections::BTreeMap;
use std::ffi::{c_char, CStr};

use rtctoken_core::access_token2::{Rtm2Permissions, Service};
use rtctoken_core::{Error, ErrorKind, Stamp};

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
#[derive(Clone, Copy, Debug, Default)]
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

/// An `invalid_argument` error about the argument `name`; `rule` says what
/// it broke.
pub(crate) fn invalid(name: &'static str, rule: impl std::fmt::Display) -> Error {
    Error::new(ErrorKind::InvalidArgument, format!("{name} {rule}")).with_field(name)
}

/// One catalogue type as it arrives from C (the shape of libsignal's
/// `SimpleArgTypeInfo`): the C argument(s) it crosses as, and the checked
/// conversion. The generated exports (`calls.rs`) and the hand-written ones
/// share these impls, so every argument is checked one way.
pub(crate) trait FromC<'a>: Sized {
    /// The C form: one argument, or (pointer, count) for an array.
    type C;
    /// The value, or an `invalid_argument` error naming the parameter `name`.
    unsafe fn from_c(c: Self::C, name: &'static str) -> Result<Self, Error>;
}

/// NUL-terminated UTF-8; NULL is refused.
impl<'a> FromC<'a> for &'a str {
    type C = *const c_char;
    unsafe fn from_c(ptr: *const c_char, name: &'static str) -> Result<Self, Error> {
        if ptr.is_null() {
            return Err(invalid(name, "must not be NULL"));
        }
        CStr::from_ptr(ptr)
            .to_str()
            .map_err(|e| invalid(name, format_args!("must be UTF-8: {e}")))
    }
}

/// Optional text: NULL means "not given".
impl<'a> FromC<'a> for Option<&'a str> {
    type C = *const c_char;
    unsafe fn from_c(ptr: *const c_char, name: &'static str) -> Result<Self, Error> {
        if ptr.is_null() {
            Ok(None)
        } else {
            <&str>::from_c(ptr, name).map(Some)
        }
    }
}

macro_rules! by_value {
    ($($t:ty),*) => {$(
        /// Numbers cross as they are.
        impl FromC<'_> for $t {
            type C = $t;
            unsafe fn from_c(value: $t, _: &'static str) -> Result<Self, Error> {
                Ok(value)
            }
        }
    )*};
}
by_value!(u32, i16);

/// `len` items at `ptr`; NULL is accepted only when `len` is 0.
impl<'a, T> FromC<'a> for &'a [T] {
    type C = (*const T, usize);
    unsafe fn from_c((ptr, len): Self::C, name: &'static str) -> Result<Self, Error> {
        if len == 0 {
            Ok(&[])
        } else if ptr.is_null() {
            Err(invalid(
                name,
                format_args!("must not be NULL when its count is {len}"),
            ))
        } else {
            Ok(std::slice::from_raw_parts(ptr, len))
        }
    }
}

/// A privilege map from a C array (later entries for the same id win, as
/// with repeated `AddPrivilege` calls in the vendor's code).
impl FromC<'_> for BTreeMap<u16, u32> {
    type C = (*const rtctoken_privilege, usize);
    unsafe fn from_c(c: Self::C, name: &'static str) -> Result<Self, Error> {
        Ok(<&[rtctoken_privilege]>::from_c(c, name)?
            .iter()
            .map(|p| (p.privilege, p.expire))
            .collect())
    }
}

/// RTM2 permissions from a C array.
impl FromC<'_> for Rtm2Permissions {
    type C = (*const rtctoken_rtm2_permission, usize);
    unsafe fn from_c(c: Self::C, name: &'static str) -> Result<Self, Error> {
        let mut out = Rtm2Permissions::new();
        for (i, p) in <&[rtctoken_rtm2_permission]>::from_c(c, name)?
            .iter()
            .enumerate()
        {
            // Errors say which entry they are about.
            let at = |e: Error| invalid(name, format_args!("entry {i}: {}", e.message()));
            let resources =
                <&[*const c_char]>::from_c((p.resources, p.resource_count), "resources")
                    .map_err(at)?;
            let list = out.entry(p.resource_type, p.permission);
            for r in resources {
                list.push(<&str>::from_c(*r, "each resource").map_err(at)?.to_owned());
            }
        }
        Ok(out)
    }
}

/// Services as JSON text: the core's serde model, the same shape as the
/// `services` of the parse vectors.
impl FromC<'_> for Vec<Service> {
    type C = *const c_char;
    unsafe fn from_c(ptr: *const c_char, name: &'static str) -> Result<Self, Error> {
        serde_json::from_str(<&str>::from_c(ptr, name)?)
            .map_err(|e| invalid(name, format_args!("must be a JSON array of services: {e}")))
    }
}

/// A fixed stamp, or the production default (now, random salt) for NULL.
impl FromC<'_> for Stamp {
    type C = *const rtctoken_stamp;
    unsafe fn from_c(ptr: *const rtctoken_stamp, _: &'static str) -> Result<Self, Error> {
        Ok(match ptr.as_ref() {
            Some(s) => Stamp::fixed(s.issue_ts, s.salt),
            None => Stamp::default(),
        })
    }
}

/// Borrows a required text argument called `name`.
pub(crate) unsafe fn text<'a>(ptr: *const c_char, name: &'static str) -> Result<&'a str, Error> {
    <&str>::from_c(ptr, name)
}
