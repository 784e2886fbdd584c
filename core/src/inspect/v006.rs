//! AccessToken (006): absolute times, and the channel and uid only as CRCs.

use super::*;

impl Inspect for AccessTokenInfo {
    fn inspect(
        &self,
        _token: &str,
        now: u32,
        out: &mut Inspection,
        d: &mut Diagnostics,
    ) -> Result<()> {
        out.expires = absolute_expiry("ts", self.ts, now, d);
        if let Some(e) = &out.expires {
            if !e.past && e.unix > u64::from(now) + u64::from(MAX_LIFETIME) {
                d.push(
                    Code::ExpiryOver24h,
                    "ts",
                    format!(
                        "the token expires at {} ({}), more than 24 h from now: over the service's 24 h maximum",
                        e.utc, e.relative
                    ),
                );
            }
        }
        let rtm_only = !self.privileges.is_empty()
            && self
                .privileges
                .keys()
                .all(|p| *p == access_token::RTM_LOGIN);
        for (&id, &value) in &self.privileges {
            let name = access_token::privilege_name(id);
            let field = format!("privileges.{}", name.map_or(id.to_string(), str::to_owned));
            if name.is_none() {
                d.push(
                    Code::UnknownPrivilege,
                    field.clone(),
                    format!(
                        "privilege {id} is not a 006 privilege (1-4, 1000): the service ignores it"
                    ),
                );
            }
            let label = format!("the {} privilege's expiry", name.unwrap_or("unknown"));
            let expires = absolute_privilege(&field, &label, value, now, d);
            out.privileges.push(Privilege {
                id,
                name,
                value,
                expires,
            });
        }
        if !rtm_only {
            let uid = if self.crc_uid == 0 {
                // crc32("") is 0: uid 0, "any user".
                Uid {
                    kind: UidKind::Any,
                    text: Some(String::new()),
                    number: None,
                    crc32: Some(0),
                }
            } else {
                Uid {
                    kind: UidKind::NotCarried,
                    text: None,
                    number: None,
                    crc32: Some(self.crc_uid),
                }
            };
            if uid.kind == UidKind::Any {
                check_uid("crc_uid", &uid, d);
            }
            out.uid = Some(uid);
        }
        Ok(())
    }
}

/// A 006 privilege's absolute expiry, with its diagnostics.
pub(super) fn absolute_privilege(
    field: &str,
    label: &str,
    value: u32,
    now: u32,
    d: &mut Diagnostics,
) -> Option<Time> {
    if value == 0 {
        return None;
    }
    let e = time(u64::from(value), now, Phrase::Expires);
    if value < ABSOLUTE_TIME_THRESHOLD {
        d.push(
            Code::ExpiryLooksRelative,
            field,
            format!(
                "{label} is {value}, i.e. {}, long past: 006 privilege expiries are absolute Unix times, so {value} looks like seconds; use now + {value} (or 0 for no expiry)",
                e.utc
            ),
        );
    } else if e.past {
        d.push(
            Code::PrivilegeExpired,
            field,
            format!(
                "{label} passed at {} ({}): 006 privilege expiries are absolute Unix times, and this one is already past",
                e.utc, e.relative
            ),
        );
    } else if e.unix > u64::from(now) + u64::from(MAX_LIFETIME) {
        d.push(
            Code::ExpiryOver24h,
            field,
            format!(
                "{label} is {} ({}), more than 24 h from now: over the service's 24 h maximum",
                e.utc, e.relative
            ),
        );
    }
    Some(e)
}

/// A token's absolute expiry (006 `ts`, legacy `expired_ts`; 0 = none).
pub(super) fn absolute_expiry(
    field: &str,
    value: u32,
    now: u32,
    d: &mut Diagnostics,
) -> Option<Time> {
    if value == 0 {
        return None;
    }
    let e = time(u64::from(value), now, Phrase::Expires);
    if value < ABSOLUTE_TIME_THRESHOLD {
        d.push(
            Code::ExpiryLooksRelative,
            field,
            format!(
                "{field} is {value}, i.e. {}, long past: it is an absolute Unix time in this format, so {value} looks like seconds; use now + {value} (or 0 for no expiry)",
                e.utc
            ),
        );
    } else if e.past {
        d.push(
            Code::TokenExpired,
            field,
            format!(
                "the token expired at {} ({}): make a new one",
                e.utc, e.relative
            ),
        );
    }
    Some(e)
}
