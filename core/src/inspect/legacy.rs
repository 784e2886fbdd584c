//! DynamicKey v1–v5 and signaling: creation and expiry times, the key's
//! service.

use super::*;

impl Inspect for DynamicKeyInfo {
    fn inspect(
        &self,
        _token: &str,
        now: u32,
        out: &mut Inspection,
        d: &mut Diagnostics,
    ) -> Result<()> {
        out.issued = Some(issued("unix_ts", self.unix_ts, now, d));
        if let Some(ts) = self.expired_ts {
            out.expires = absolute_expiry("expired_ts", ts, now, d);
        }
        if let Some(uid) = self.uid {
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
        Ok(())
    }
}

impl Inspect for DynamicKey5Info {
    fn inspect(
        &self,
        _token: &str,
        now: u32,
        out: &mut Inspection,
        d: &mut Diagnostics,
    ) -> Result<()> {
        out.issued = Some(issued("unix_ts", self.unix_ts, now, d));
        out.expires = absolute_expiry("expired_ts", self.expired_ts, now, d);
        out.key_service = Some(Named {
            id: self.service_type,
            name: dynamic_key5::service_type_name(self.service_type),
        });
        Ok(())
    }
}

impl Inspect for SignalingTokenInfo {
    fn inspect(
        &self,
        _token: &str,
        now: u32,
        out: &mut Inspection,
        d: &mut Diagnostics,
    ) -> Result<()> {
        out.expires = absolute_expiry("expired_ts", self.expired_ts, now, d);
        Ok(())
    }
}
