//! DynamicKey v1–v5: creation and expiry times, the key's service.

use super::*;

pub(super) fn dynamic_key(k: &DynamicKeyInfo, now: u32, out: &mut Inspection, d: &mut Diagnostics) {
    out.issued = Some(issued("unix_ts", k.unix_ts, now, d));
    if let Some(ts) = k.expired_ts {
        out.expires = absolute_expiry("expired_ts", ts, now, d);
    }
    if let Some(uid) = k.uid {
        let u = Uid {
            kind: if uid == 0 {
                UidKind::Any
            } else {
                UidKind::Number
            },
            text: Some(uid.to_string()),
            number: Some(uid),
            crc32: None,
        };
        if uid == 0 {
            check_uid("uid", &u, d);
        }
        out.uid = Some(u);
    }
}

pub(super) fn dynamic_key5(
    k: &DynamicKey5Info,
    now: u32,
    out: &mut Inspection,
    d: &mut Diagnostics,
) {
    out.issued = Some(issued("unix_ts", k.unix_ts, now, d));
    out.expires = absolute_expiry("expired_ts", k.expired_ts, now, d);
    out.key_service = Some(Named {
        id: k.service_type,
        name: match k.service_type {
            dynamic_key5::MEDIA_CHANNEL_SERVICE => Some("media_channel"),
            dynamic_key5::RECORDING_SERVICE => Some("recording"),
            dynamic_key5::PUBLIC_SHARING_SERVICE => Some("public_sharing"),
            dynamic_key5::IN_CHANNEL_PERMISSION => Some("in_channel_permission"),
            _ => None,
        },
    });
}
