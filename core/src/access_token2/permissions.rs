//! RTM2 permissions: resource type → permission → resources.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::limits::{MAX_RTM2_LISTS, MAX_RTM2_RESOURCES};
use crate::tables::name_of;
use crate::wire::{at_most, count16, insert_once, Reader, Writer};

/// What the list and resource counts are called in messages.
const LISTS: &str = "permissions lists";
const RESOURCES: &str = "permissions resources";

/// Resource type: message channels.
pub const MESSAGE_CHANNEL: u16 = 0;
/// Resource type: stream channels.
pub const STREAM_CHANNEL: u16 = 1;
/// Resource type: group channels.
pub const GROUP_CHANNEL: u16 = 2;
/// Resource type: server groups.
pub const SERVER_GROUP: u16 = 3;
/// Resource type: users.
pub const USER: u16 = 4;
/// Permission: read.
pub const READ: u16 = 0;
/// Permission: write.
pub const WRITE: u16 = 1;

/// Every resource type with its name, for messages, inspection and the
/// bindings' resource type constants.
pub const RESOURCE_TYPES: [(u16, &str); 5] = [
    (MESSAGE_CHANNEL, "message_channel"),
    (STREAM_CHANNEL, "stream_channel"),
    (GROUP_CHANNEL, "group_channel"),
    (SERVER_GROUP, "server_group"),
    (USER, "user"),
];
/// Every permission with its name, for messages, inspection and the
/// bindings' permission constants.
pub const PERMISSIONS: [(u16, &str); 2] = [(READ, "read"), (WRITE, "write")];

/// The name of a resource type.
pub fn resource_type_name(resource_type: u16) -> Option<&'static str> {
    name_of(&RESOURCE_TYPES, resource_type)
}

/// The name of a permission.
pub fn permission_name(permission: u16) -> Option<&'static str> {
    name_of(&PERMISSIONS, permission)
}

/// Resource type → permission → resources (in the order given). Types and
/// permissions are written in ascending order, as the references do.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Rtm2Permissions(
    #[serde(with = "crate::json_keys::nested")] pub BTreeMap<u16, BTreeMap<u16, Vec<String>>>,
);

impl Rtm2Permissions {
    /// No permissions.
    pub fn new() -> Self {
        Self::default()
    }

    /// Grants `permission` on `resource` of `resource_type`.
    pub fn add(&mut self, resource_type: u16, permission: u16, resource: &str) -> &mut Self {
        self.entry(resource_type, permission)
            .push(resource.to_owned());
        self
    }

    /// The resource list for a type and permission, created empty if absent
    /// (an empty list is encoded too).
    pub fn entry(&mut self, resource_type: u16, permission: u16) -> &mut Vec<String> {
        self.0
            .entry(resource_type)
            .or_default()
            .entry(permission)
            .or_default()
    }

    /// Whether no resource type is present.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub(crate) fn check(&self) -> Result<()> {
        for (t, perms) in &self.0 {
            if resource_type_name(*t).is_none() {
                return Err(Error::invalid(format!(
                    "permissions resource type must be 0..=4 (message, stream, group channel, server group, user), got {t}"
                )));
            }
            if let Some(p) = perms.keys().find(|p| permission_name(**p).is_none()) {
                return Err(Error::invalid(format!(
                    "permissions permission must be 0 (read) or 1 (write), got {p}"
                )));
            }
        }
        let lists: usize = self.0.values().map(BTreeMap::len).sum();
        count16(LISTS, lists, MAX_RTM2_LISTS)?;
        count16(RESOURCES, self.resources(), MAX_RTM2_RESOURCES)?;
        Ok(())
    }

    /// How many resource names all lists hold together.
    fn resources(&self) -> usize {
        self.0
            .values()
            .flat_map(BTreeMap::values)
            .map(Vec::len)
            .sum()
    }

    pub(crate) fn pack(&self, w: &mut Writer) -> Result<()> {
        w.u16(count16(LISTS, self.0.len(), MAX_RTM2_LISTS)?);
        for (t, perms) in &self.0 {
            w.u16(*t).u16(count16(LISTS, perms.len(), MAX_RTM2_LISTS)?);
            for (p, resources) in perms {
                w.u16(*p)
                    .u16(count16(RESOURCES, resources.len(), MAX_RTM2_RESOURCES)?);
                for r in resources {
                    w.str("permissions resource", r)?;
                }
            }
        }
        Ok(())
    }

    /// Reads the permissions, refusing a repeated type or permission and
    /// more lists or resources than [`crate::limits`] allows in all.
    pub(crate) fn unpack(r: &mut Reader) -> Result<Self> {
        let mut out = BTreeMap::new();
        let (mut lists, mut resources) = (0, 0);
        for _ in 0..r.count(LISTS, MAX_RTM2_LISTS)? {
            let t = r.u16("permissions resource type")?;
            let mut perms = BTreeMap::new();
            for _ in 0..r.count(LISTS, MAX_RTM2_LISTS)? {
                lists += 1;
                at_most(LISTS, lists, MAX_RTM2_LISTS)?;
                let p = r.u16("permission")?;
                let n = r.count(RESOURCES, MAX_RTM2_RESOURCES)?;
                resources += n;
                at_most(RESOURCES, resources, MAX_RTM2_RESOURCES)?;
                let list = (0..n)
                    .map(|_| r.string("permissions resource"))
                    .collect::<Result<Vec<_>>>()?;
                insert_once(&mut perms, "permissions permission", p, list)?;
            }
            insert_once(&mut out, "permissions resource type", t, perms)?;
        }
        Ok(Rtm2Permissions(out))
    }
}
