//! Raw AccessToken2 (007) from services the caller assembled, the way the
//! upstream `AccessToken2` class and its service classes are used.

use napi_derive::napi;
use rtctoken::access_token2::{self, Rtm2Permissions, Service};
use rtctoken::{ErrorKind, Stamp};

use crate::errors::{guard, node_error, NodeError, NodeResult};
use crate::legacy::{privilege_map, PrivilegeInput};

/// One RTM2 permission: a resource type, a permission and its resources.
#[napi(object)]
pub struct PermissionInput {
    /// Resource type (0 message channels … 4 users).
    pub resource_type: u32,
    /// Permission (0 read, 1 write).
    pub permission: u32,
    /// Resource names, in order.
    pub resources: Vec<String>,
}

/// One 007 service as the JS service classes hold it. Only the fields of
/// its type are read; absent text fields are empty.
#[napi(object)]
pub struct ServiceInput {
    /// Service type id (1 RTC … 10 STT).
    pub service_type: u32,
    /// Privilege id → seconds after issue.
    pub privileges: Vec<PrivilegeInput>,
    /// RTC, streaming, FCDN: the channel.
    pub channel_name: Option<String>,
    /// RTC: the uid text (`""` = any user).
    pub uid: Option<String>,
    /// Streaming, FCDN: the account.
    pub account: Option<String>,
    /// RTM, chat, RTM2: the user.
    pub user_id: Option<String>,
    /// APaaS: the room.
    pub room_uuid: Option<String>,
    /// APaaS: the user.
    pub user_uuid: Option<String>,
    /// APaaS: the role (-1 = none).
    pub role: Option<i32>,
    /// RTM2: resource permissions.
    pub permissions: Option<Vec<PermissionInput>>,
}

fn u16_arg(value: u32, field: &str) -> Result<u16, NodeError> {
    u16::try_from(value).map_err(|_| {
        node_error(
            ErrorKind::InvalidArgument,
            format!("{field} must be in 0..=65535, got {value}"),
        )
    })
}

/// Rebuilds RTM2 permissions from their flattened JS form.
pub fn permissions(list: &[PermissionInput]) -> Result<Rtm2Permissions, NodeError> {
    let mut perms = Rtm2Permissions::new();
    for p in list {
        let t = u16_arg(p.resource_type, "permissions resource type")?;
        let kind = u16_arg(p.permission, "permissions permission")?;
        perms.entry(t, kind).extend(p.resources.iter().cloned());
    }
    Ok(perms)
}

fn service(input: ServiceInput) -> Result<Service, NodeError> {
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    let mut s = match input.service_type {
        1 => Service::rtc(&text(&input.channel_name), &text(&input.uid)),
        2 => Service::rtm(&text(&input.user_id)),
        3 => Service::streaming(&text(&input.channel_name), &text(&input.account)),
        4 => Service::fpa(),
        5 => Service::chat(&text(&input.user_id)),
        6 => Service::fcdn(&text(&input.channel_name), &text(&input.account)),
        7 => {
            let role = input.role.unwrap_or(-1);
            let role = i16::try_from(role).map_err(|_| {
                node_error(
                    ErrorKind::InvalidArgument,
                    format!("APaaS role must be in -32768..=32767, got {role}"),
                )
            })?;
            Service::apaas(&text(&input.room_uuid), &text(&input.user_uuid), role)
        }
        8 => Service::rtm2(
            &text(&input.user_id),
            permissions(input.permissions.as_deref().unwrap_or(&[]))?,
        ),
        9 => Service::convoai(),
        10 => Service::stt(),
        other => {
            return Err(node_error(
                ErrorKind::InvalidArgument,
                format!("service type must be 1..=10 to be built, got {other}"),
            ))
        }
    };
    s.privileges = privilege_map(&input.privileges)?;
    Ok(s)
}

/// Builds a raw 007 token from exactly these fields and services.
#[napi]
pub fn access_token2_build(
    app_id: String,
    app_certificate: String,
    issue_ts: u32,
    expire: u32,
    salt: u32,
    services: Vec<ServiceInput>,
) -> Result<String, NodeError> {
    let services = services
        .into_iter()
        .map(service)
        .collect::<NodeResult<Vec<_>>>()?;
    guard(|| {
        access_token2::build(
            &app_id,
            &app_certificate,
            expire,
            &services,
            Stamp::fixed(issue_ts, salt),
        )
    })
}

/// A fresh salt from the core (its OS-seeded CSPRNG, 1..=99999999), so an `AccessToken2`
/// object holds its salt from construction as the upstream's does.
#[napi]
pub fn random_salt() -> Result<u32, NodeError> {
    guard(|| Ok(Stamp::default().salt()))
}

/// The core's clock (Unix seconds), for default issue times.
#[napi]
pub fn now() -> u32 {
    rtctoken::now()
}
