//! A service's own fields as the two texts and the role the Java service
//! classes hold them as (`AccessToken2.Service`'s subclasses), both ways:
//! the one place that says which field of each type is which.

use rtctoken::access_token2::{Rtm2Permissions, ServiceFields, ServiceType};

use crate::failure::{invalid, Outcome};

/// The two texts (`None` where the type has none) and the role of `fields`.
pub(crate) fn parts(fields: &ServiceFields) -> (Option<&str>, Option<&str>, i16) {
    match fields {
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

/// The fields of a `service_type` service from its [`parts`] (and, for
/// RTM2 only, permissions); a text the type needs being absent, or
/// permissions on another type, is refused naming `field`.
pub(crate) fn fields(
    service_type: ServiceType,
    (a, b, role): (Option<String>, Option<String>, i16),
    permissions: Rtm2Permissions,
    field: &'static str,
) -> Outcome<ServiceFields> {
    let need = |text: Option<String>, name: &str| {
        text.ok_or_else(|| invalid(field, format!("{field}: {name} must not be null")))
    };
    if service_type != ServiceType::Rtm2 && !permissions.is_empty() {
        return Err(invalid(
            field,
            format!("{field}: only an rtm2 service has permissions"),
        ));
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
