//! The ten 007 services: type ids, privilege ids, and their own fields.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::permissions::Rtm2Permissions;
use crate::error::{Error, Result};
use crate::limits::MAX_PRIVILEGES;
use crate::wire::{EntriesU32, Reader, Writer};

/// A 007 service type id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(u16)]
pub enum ServiceType {
    /// Real-time audio and video.
    Rtc = 1,
    /// Real-time messaging.
    Rtm = 2,
    /// Media push (streaming).
    Streaming = 3,
    /// Full-path acceleration.
    Fpa = 4,
    /// Chat.
    Chat = 5,
    /// Fusion CDN.
    Fcdn = 6,
    /// Flexible classroom (APaaS, Education).
    Apaas = 7,
    /// RTM 2 with per-resource permissions.
    Rtm2 = 8,
    /// Conversational AI engine.
    ConvoAi = 9,
    /// Speech to text.
    Stt = 10,
}

impl ServiceType {
    /// Every type, ascending.
    pub const ALL: [ServiceType; 10] = [
        ServiceType::Rtc,
        ServiceType::Rtm,
        ServiceType::Streaming,
        ServiceType::Fpa,
        ServiceType::Chat,
        ServiceType::Fcdn,
        ServiceType::Apaas,
        ServiceType::Rtm2,
        ServiceType::ConvoAi,
        ServiceType::Stt,
    ];

    /// The type with wire id `id`.
    pub fn from_u16(id: u16) -> Option<Self> {
        Self::ALL.into_iter().find(|t| *t as u16 == id)
    }

    /// The lowercase name used in JSON and every binding (`rtc`, `rtm2`, …).
    pub fn name(self) -> &'static str {
        match self {
            ServiceType::Rtc => "rtc",
            ServiceType::Rtm => "rtm",
            ServiceType::Streaming => "streaming",
            ServiceType::Fpa => "fpa",
            ServiceType::Chat => "chat",
            ServiceType::Fcdn => "fcdn",
            ServiceType::Apaas => "apaas",
            ServiceType::Rtm2 => "rtm2",
            ServiceType::ConvoAi => "convoai",
            ServiceType::Stt => "stt",
        }
    }

    /// The type called `name`.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.name() == name)
    }

    /// This service's privileges, id and name (snake_case), ascending: the
    /// one table the names of `privilege_name`, inspection and the
    /// bindings' privilege constants come from.
    pub fn privileges(self) -> &'static [(u16, &'static str)] {
        use privileges::*;
        match self {
            ServiceType::Rtc => &[
                (rtc::JOIN_CHANNEL, "join_channel"),
                (rtc::PUBLISH_AUDIO_STREAM, "publish_audio_stream"),
                (rtc::PUBLISH_VIDEO_STREAM, "publish_video_stream"),
                (rtc::PUBLISH_DATA_STREAM, "publish_data_stream"),
            ],
            ServiceType::Rtm => &[(rtm::LOGIN, "login")],
            ServiceType::Fpa => &[(fpa::LOGIN, "login")],
            ServiceType::Rtm2 => &[(rtm2::LOGIN, "login")],
            ServiceType::Streaming => &[
                (streaming::PUBLISH_MIX_STREAM, "publish_mix_stream"),
                (streaming::PUBLISH_RAW_STREAM, "publish_raw_stream"),
            ],
            ServiceType::Chat => &[(chat::USER, "user"), (chat::APP, "app")],
            ServiceType::Fcdn => &[(fcdn::PUBLISH, "publish"), (fcdn::PLAY, "play")],
            ServiceType::Apaas => &[
                (apaas::ROOM_USER, "room_user"),
                (apaas::USER, "user"),
                (apaas::APP, "app"),
            ],
            ServiceType::ConvoAi | ServiceType::Stt => &[],
        }
    }

    /// The name of `privilege` in this service.
    pub fn privilege_name(self, privilege: u16) -> Option<&'static str> {
        crate::tables::name_of(self.privileges(), privilege)
    }
}

/// Privilege ids, one module per service.
pub mod privileges {
    /// RTC privileges.
    pub mod rtc {
        /// Join the channel.
        pub const JOIN_CHANNEL: u16 = 1;
        /// Publish audio.
        pub const PUBLISH_AUDIO_STREAM: u16 = 2;
        /// Publish video.
        pub const PUBLISH_VIDEO_STREAM: u16 = 3;
        /// Publish data streams.
        pub const PUBLISH_DATA_STREAM: u16 = 4;
    }
    /// RTM privileges.
    pub mod rtm {
        /// Log in.
        pub const LOGIN: u16 = 1;
    }
    /// Streaming privileges.
    pub mod streaming {
        /// Publish a mixed stream.
        pub const PUBLISH_MIX_STREAM: u16 = 1;
        /// Publish a raw stream.
        pub const PUBLISH_RAW_STREAM: u16 = 2;
    }
    /// FPA privileges.
    pub mod fpa {
        /// Log in.
        pub const LOGIN: u16 = 1;
    }
    /// Chat privileges.
    pub mod chat {
        /// A chat user.
        pub const USER: u16 = 1;
        /// The chat app (administration).
        pub const APP: u16 = 2;
    }
    /// Fusion CDN privileges.
    pub mod fcdn {
        /// Publish.
        pub const PUBLISH: u16 = 1;
        /// Play.
        pub const PLAY: u16 = 2;
    }
    /// APaaS privileges.
    pub mod apaas {
        /// A user in a room.
        pub const ROOM_USER: u16 = 1;
        /// A user.
        pub const USER: u16 = 2;
        /// The app.
        pub const APP: u16 = 3;
    }
    /// RTM2 privileges.
    pub mod rtm2 {
        /// Log in.
        pub const LOGIN: u16 = 1;
    }
}

/// A service's own fields, after its privilege map. In JSON (every
/// binding's crossing) the type's name is the `type` tag.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum ServiceFields {
    /// `str(channel_name) + str(uid)`; uid `""` means any user.
    Rtc {
        /// Channel.
        channel_name: String,
        /// The uid as text (decimal, account, or `""` for uid 0).
        uid: String,
    },
    /// `str(user_id)`.
    Rtm {
        /// User.
        user_id: String,
    },
    /// `str(channel_name) + str(account)`.
    Streaming {
        /// Channel.
        channel_name: String,
        /// Account.
        account: String,
    },
    /// No fields.
    Fpa,
    /// `str(user_id)`.
    Chat {
        /// User (empty for app tokens).
        user_id: String,
    },
    /// `str(channel_name) + str(account)`.
    Fcdn {
        /// Channel.
        channel_name: String,
        /// Account.
        account: String,
    },
    /// `str(room_uuid) + str(user_uuid) + i16 role`.
    Apaas {
        /// Room.
        room_uuid: String,
        /// User.
        user_uuid: String,
        /// Role; absent in the serde form = none (the builders' `NO_ROLE`),
        /// so no binding restates the default.
        #[serde(default = "no_role")]
        role: i16,
    },
    /// `str(user_id) + permissions`.
    Rtm2 {
        /// User.
        user_id: String,
        /// Per-resource permissions.
        permissions: Rtm2Permissions,
    },
    /// No fields.
    ConvoAi,
    /// No fields.
    Stt,
    /// Any type id, written as its id and privileges only: how the vendor's
    /// generic `Service(type)` builds a service this library has no builder
    /// for yet. Parsing never yields it (an unknown type stops the walk).
    Generic {
        /// The wire type id.
        service_type: u16,
    },
}

/// A service's own fields as two texts and a role, the way service classes
/// that hold them so (the vendor's Java `Service` subclasses) pass them:
/// both ways here, so no binding restates which field of a type is which.
impl ServiceFields {
    /// The two texts (`None` where the type has none) and the role.
    pub fn texts(&self) -> (Option<&str>, Option<&str>, i16) {
        match self {
            ServiceFields::Rtc { channel_name, uid } => (Some(channel_name), Some(uid), 0),
            ServiceFields::Rtm { user_id }
            | ServiceFields::Chat { user_id }
            | ServiceFields::Rtm2 { user_id, .. } => (Some(user_id), None, 0),
            ServiceFields::Streaming {
                channel_name,
                account,
            }
            | ServiceFields::Fcdn {
                channel_name,
                account,
            } => (Some(channel_name), Some(account), 0),
            ServiceFields::Apaas {
                room_uuid,
                user_uuid,
                role,
            } => (Some(room_uuid), Some(user_uuid), *role),
            ServiceFields::Fpa
            | ServiceFields::ConvoAi
            | ServiceFields::Stt
            | ServiceFields::Generic { .. } => (None, None, 0),
        }
    }

    /// The fields of a `service_type` service from its [`texts`](Self::texts)
    /// (and, for RTM2 only, permissions); a text the type needs being
    /// absent, or permissions on another type, is refused naming `field`.
    pub fn from_texts(
        service_type: ServiceType,
        (a, b, role): (Option<String>, Option<String>, i16),
        permissions: Rtm2Permissions,
        field: &'static str,
    ) -> Result<ServiceFields> {
        let refuse = |rule: String| Error::invalid(format!("{field}: {rule}")).with_field(field);
        let need = |text: Option<String>, name: &str| {
            text.ok_or_else(|| refuse(format!("{name} must not be null")))
        };
        if service_type != ServiceType::Rtm2 && !permissions.is_empty() {
            return Err(refuse("only an rtm2 service has permissions".into()));
        }
        Ok(match service_type {
            ServiceType::Rtc => ServiceFields::Rtc {
                channel_name: need(a, "channel_name")?,
                uid: need(b, "uid")?,
            },
            ServiceType::Rtm => ServiceFields::Rtm {
                user_id: need(a, "user_id")?,
            },
            ServiceType::Chat => ServiceFields::Chat {
                user_id: need(a, "user_id")?,
            },
            ServiceType::Rtm2 => ServiceFields::Rtm2 {
                user_id: need(a, "user_id")?,
                permissions,
            },
            ServiceType::Streaming => ServiceFields::Streaming {
                channel_name: need(a, "channel_name")?,
                account: need(b, "account")?,
            },
            ServiceType::Fcdn => ServiceFields::Fcdn {
                channel_name: need(a, "channel_name")?,
                account: need(b, "account")?,
            },
            ServiceType::Apaas => ServiceFields::Apaas {
                room_uuid: need(a, "room_uuid")?,
                user_uuid: need(b, "user_uuid")?,
                role,
            },
            ServiceType::Fpa => ServiceFields::Fpa,
            ServiceType::ConvoAi => ServiceFields::ConvoAi,
            ServiceType::Stt => ServiceFields::Stt,
        })
    }
}

/// The APaaS role a service without one carries.
fn no_role() -> i16 {
    crate::builders::education_token_builder2::NO_ROLE
}

/// One service of a 007 token: privileges (id → seconds after issue, 0 =
/// none) and the fields of its type.
///
/// Its serde form is the one JSON shape of a service everywhere:
/// `{"type": "rtc", "privileges": {"1": 600}, "channel_name": …, "uid": …}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Service {
    /// Privilege id → expiry in seconds relative to the token's issue time.
    #[serde(default, with = "crate::json_keys")]
    pub privileges: BTreeMap<u16, u32>,
    /// The type's own fields.
    #[serde(flatten)]
    pub fields: ServiceFields,
}

impl Service {
    /// A service with these fields and no privileges yet.
    pub fn new(fields: ServiceFields) -> Self {
        Service {
            privileges: BTreeMap::new(),
            fields,
        }
    }

    /// RTC for `uid` text (`""` = any user) in `channel_name`.
    pub fn rtc(channel_name: &str, uid: &str) -> Self {
        Self::new(ServiceFields::Rtc {
            channel_name: channel_name.to_owned(),
            uid: uid.to_owned(),
        })
    }

    /// RTM for `user_id`.
    pub fn rtm(user_id: &str) -> Self {
        Self::new(ServiceFields::Rtm {
            user_id: user_id.to_owned(),
        })
    }

    /// Streaming in `channel_name` for `account`.
    pub fn streaming(channel_name: &str, account: &str) -> Self {
        Self::new(ServiceFields::Streaming {
            channel_name: channel_name.to_owned(),
            account: account.to_owned(),
        })
    }

    /// FPA.
    pub fn fpa() -> Self {
        Self::new(ServiceFields::Fpa)
    }

    /// Chat for `user_id` (`""` for an app token).
    pub fn chat(user_id: &str) -> Self {
        Self::new(ServiceFields::Chat {
            user_id: user_id.to_owned(),
        })
    }

    /// Fusion CDN in `channel_name` for `account`.
    pub fn fcdn(channel_name: &str, account: &str) -> Self {
        Self::new(ServiceFields::Fcdn {
            channel_name: channel_name.to_owned(),
            account: account.to_owned(),
        })
    }

    /// APaaS for a room, a user and a role (-1 when there is none).
    pub fn apaas(room_uuid: &str, user_uuid: &str, role: i16) -> Self {
        Self::new(ServiceFields::Apaas {
            room_uuid: room_uuid.to_owned(),
            user_uuid: user_uuid.to_owned(),
            role,
        })
    }

    /// RTM2 for `user_id` with `permissions`.
    pub fn rtm2(user_id: &str, permissions: Rtm2Permissions) -> Self {
        Self::new(ServiceFields::Rtm2 {
            user_id: user_id.to_owned(),
            permissions,
        })
    }

    /// Conversational AI (no fields, no privileges).
    pub fn convoai() -> Self {
        Self::new(ServiceFields::ConvoAi)
    }

    /// Speech to text (no fields, no privileges).
    pub fn stt() -> Self {
        Self::new(ServiceFields::Stt)
    }

    /// Grants `privilege` for `expire` seconds after issue (0 = no expiry).
    pub fn add_privilege(&mut self, privilege: u16, expire: u32) -> &mut Self {
        self.privileges.insert(privilege, expire);
        self
    }

    /// Builder-style [`Service::add_privilege`].
    pub fn with_privilege(mut self, privilege: u16, expire: u32) -> Self {
        self.add_privilege(privilege, expire);
        self
    }

    /// A generic service of any type id: privileges only, no fields.
    pub fn generic(service_type: u16) -> Self {
        Self::new(ServiceFields::Generic { service_type })
    }

    /// This service's type, `None` for a [`ServiceFields::Generic`] one.
    pub fn service_type(&self) -> Option<ServiceType> {
        Some(match self.fields {
            ServiceFields::Rtc { .. } => ServiceType::Rtc,
            ServiceFields::Rtm { .. } => ServiceType::Rtm,
            ServiceFields::Streaming { .. } => ServiceType::Streaming,
            ServiceFields::Fpa => ServiceType::Fpa,
            ServiceFields::Chat { .. } => ServiceType::Chat,
            ServiceFields::Fcdn { .. } => ServiceType::Fcdn,
            ServiceFields::Apaas { .. } => ServiceType::Apaas,
            ServiceFields::Rtm2 { .. } => ServiceType::Rtm2,
            ServiceFields::ConvoAi => ServiceType::ConvoAi,
            ServiceFields::Stt => ServiceType::Stt,
            ServiceFields::Generic { .. } => return None,
        })
    }

    /// The wire type id (tokens list services in ascending id).
    pub fn type_id(&self) -> u16 {
        match (self.service_type(), &self.fields) {
            (_, ServiceFields::Generic { service_type }) => *service_type,
            (Some(t), _) => t as u16,
            (None, _) => unreachable!("only generic services have no known type"),
        }
    }

    pub(crate) fn check(&self) -> Result<()> {
        match &self.fields {
            ServiceFields::Rtm2 { permissions, .. } => permissions.check(),
            _ => Ok(()),
        }
    }

    pub(crate) fn pack(&self, w: &mut Writer) -> Result<()> {
        w.u16(self.type_id())
            .map_u32("privileges", &self.privileges, MAX_PRIVILEGES)?;
        match &self.fields {
            ServiceFields::Rtc { channel_name, uid } => {
                w.str("channel_name", channel_name)?.str("uid", uid)?;
            }
            ServiceFields::Rtm { user_id } | ServiceFields::Chat { user_id } => {
                w.str("user_id", user_id)?;
            }
            ServiceFields::Streaming {
                channel_name,
                account,
            }
            | ServiceFields::Fcdn {
                channel_name,
                account,
            } => {
                w.str("channel_name", channel_name)?
                    .str("account", account)?;
            }
            ServiceFields::Apaas {
                room_uuid,
                user_uuid,
                role,
            } => {
                w.str("room_uuid", room_uuid)?
                    .str("user_uuid", user_uuid)?
                    .i16(*role);
            }
            ServiceFields::Rtm2 {
                user_id,
                permissions,
            } => {
                w.str("user_id", user_id)?;
                permissions.pack(w)?;
            }
            ServiceFields::Fpa
            | ServiceFields::ConvoAi
            | ServiceFields::Stt
            | ServiceFields::Generic { .. } => {}
        }
        Ok(())
    }
}

/// One service as a token carries it, its texts borrowed from the token:
/// the one reading of a service's layout, which the owned [`Service`] is
/// built from and a verification checks without building it.
pub(crate) struct ServiceView<'a> {
    service_type: ServiceType,
    privileges: EntriesU32<'a>,
    texts: (Option<&'a str>, Option<&'a str>),
    role: i16,
    permissions: Rtm2Permissions,
}

impl<'a> ServiceView<'a> {
    /// Reads the service of type `t` after its type id.
    pub(crate) fn read(t: ServiceType, r: &mut Reader<'a>) -> Result<Self> {
        let privileges = r.entries_u32("privileges", MAX_PRIVILEGES)?;
        let mut text = |what| r.text(what).map(Some);
        let texts = match t {
            ServiceType::Rtc => (text("channel_name")?, text("uid")?),
            ServiceType::Rtm | ServiceType::Chat | ServiceType::Rtm2 => (text("user_id")?, None),
            ServiceType::Streaming | ServiceType::Fcdn => (text("channel_name")?, text("account")?),
            ServiceType::Apaas => (text("room_uuid")?, text("user_uuid")?),
            ServiceType::Fpa | ServiceType::ConvoAi | ServiceType::Stt => (None, None),
        };
        let role = match t {
            ServiceType::Apaas => r.i16("role")?,
            _ => 0,
        };
        let permissions = match t {
            ServiceType::Rtm2 => Rtm2Permissions::unpack(r)?,
            _ => Rtm2Permissions::default(),
        };
        Ok(ServiceView {
            service_type: t,
            privileges,
            texts,
            role,
            permissions,
        })
    }

    /// The owned service.
    pub(crate) fn into_owned(self) -> Result<Service> {
        let (a, b) = self.texts;
        let texts = (a.map(str::to_owned), b.map(str::to_owned), self.role);
        Ok(Service {
            privileges: self.privileges.into_map(),
            fields: ServiceFields::from_texts(
                self.service_type,
                texts,
                self.permissions,
                "services",
            )?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_and_role_round_trip_for_every_type() {
        for t in ServiceType::ALL {
            // Both texts and a role offered; each type keeps what it has.
            let offered = (Some("a".to_string()), Some("b".to_string()), 7);
            let fields =
                ServiceFields::from_texts(t, offered, Rtm2Permissions::default(), "s").unwrap();
            let (a, b, role) = fields.texts();
            let again = (a.map(String::from), b.map(String::from), role);
            let back = ServiceFields::from_texts(t, again, Rtm2Permissions::default(), "s");
            assert_eq!(back.unwrap(), fields, "{t:?}");
            assert_eq!(role != 0, t == ServiceType::Apaas, "{t:?}");
        }
    }

    #[test]
    fn a_missing_text_is_refused_naming_the_field() {
        let none = (None, Some("uid".to_string()), 0);
        let err = ServiceFields::from_texts(
            ServiceType::Rtc,
            none,
            Rtm2Permissions::default(),
            "services",
        )
        .unwrap_err();
        assert_eq!(err.field(), Some("services"));
        assert_eq!(err.message(), "services: channel_name must not be null");
    }
}
