//! AccessToken2 (007): times relative to issue, services and their privileges.

use super::*;

impl Inspect for AccessToken2Info {
    fn inspect(
        &self,
        token: &str,
        now: u32,
        out: &mut Inspection,
        d: &mut Diagnostics,
    ) -> Result<()> {
        let issue = u64::from(self.issue_ts);
        out.issued = Some(issued("issue_ts", self.issue_ts, now, d));
        relative_expiry("expire", "the token's expire", self.expire, issue, d);
        out.expires =
            (self.expire != 0).then(|| time(issue + u64::from(self.expire), now, Phrase::Expires));
        if let Some(e) = &out.expires {
            if e.past {
                d.push(
                    Code::TokenExpired,
                    "expire",
                    format!(
                        "the token expired at {} ({}): make a new one",
                        e.utc, e.relative
                    ),
                );
            }
        }
        for (i, s) in self.services.iter().enumerate() {
            let view = service_view(s, i, issue, now, d);
            if out.channel_name.is_none() {
                if let ServiceFields::Rtc { channel_name, .. } = &s.fields {
                    out.channel_name = Some(channel_name.clone());
                    out.uid = view.uid.clone();
                }
            }
            out.services.push(view);
        }
        if let Some(id) = self.unknown_service_type {
            d.push(
                Code::UnknownServiceType,
                format!("services[{}]", self.services.len()),
                format!(
                    "service type {id} is not one of 1..=10 ({}); it and any services after it could not be read (a newer token, or a damaged one)",
                    ServiceType::ALL.map(|s| s.name()).join(", ")
                ),
            );
        }
        if self.canonical_token()? != token {
            d.push(
                Code::NonCanonicalEncoding,
                "token",
                "the token decodes, but is not the text its issuer wrote: it was re-compressed (another zlib level or encoder) or changed in bits the compression ignores; the signature covers the content, not this encoding, so compare tokens by their decoded fields, not their text",
            );
        }
        Ok(())
    }
}

/// The issue time at `field`, flagged when it is ahead of `now`.
pub(super) fn issued(field: &str, ts: u32, now: u32, d: &mut Diagnostics) -> Time {
    if ts > now.saturating_add(CLOCK_SKEW) {
        d.push(
            Code::IssuedInFuture,
            field,
            format!(
                "{field} is {}, {} after now: the clock of the machine that made the token is ahead; the service refuses tokens issued in the future",
                utc(u64::from(ts)),
                span(u64::from(ts - now))
            ),
        );
    }
    time(u64::from(ts), now, Phrase::Issued)
}

/// Checks a 007 expiry value (seconds after issue) at `field`.
pub(super) fn relative_expiry(
    field: &str,
    label: &str,
    value: u32,
    issue: u64,
    d: &mut Diagnostics,
) {
    if value >= ABSOLUTE_TIME_THRESHOLD {
        d.push(
            Code::ExpiryLooksAbsolute,
            field,
            format!(
                "{label} is {value} seconds after issue ({}), which looks like an absolute Unix time ({}): 007 expiries are seconds after the issue time, e.g. 3600 for one hour",
                span(u64::from(value)),
                utc(u64::from(value))
            ),
        );
    } else if value > MAX_LIFETIME {
        d.push(
            Code::ExpiryOver24h,
            field,
            format!(
                "{label} is {value} seconds ({}), over the service's 24 h maximum: do not count on it past {} (issue + 24 h); ask for at most 86400",
                span(u64::from(value)),
                utc(issue + u64::from(MAX_LIFETIME))
            ),
        );
    }
}

pub(super) fn service_view(
    s: &Service,
    index: usize,
    issue: u64,
    now: u32,
    d: &mut Diagnostics,
) -> ServiceView {
    let t = s.service_type();
    let type_name = t.map_or("generic", ServiceType::name);
    let path = format!("services[{index}]");
    let mut privileges = Vec::new();
    for (&id, &value) in &s.privileges {
        let name = t.and_then(|t| t.privilege_name(id));
        let field = format!(
            "{path}.privileges.{}",
            name.map_or(id.to_string(), str::to_owned)
        );
        if name.is_none() {
            d.push(
                Code::UnknownPrivilege,
                field.clone(),
                format!(
                    "privilege {id} is not defined for the {type_name} service: the service ignores it"
                ),
            );
        }
        let label = format!("the {} privilege's expiry", name.unwrap_or("unknown"));
        relative_expiry(&field, &label, value, issue, d);
        let expires = (value != 0).then(|| time(issue + u64::from(value), now, Phrase::Expires));
        if let Some(e) = &expires {
            if e.past {
                d.push(
                    Code::PrivilegeExpired,
                    field.clone(),
                    format!(
                        "the {} privilege expired at {} ({})",
                        name.unwrap_or("unknown"),
                        e.utc,
                        e.relative
                    ),
                );
            }
        }
        privileges.push(Privilege {
            id,
            name,
            value,
            expires,
        });
    }
    let mut v = ServiceView {
        type_id: s.type_id(),
        type_name,
        privileges,
        channel_name: None,
        uid: None,
        user_id: None,
        account: None,
        room_uuid: None,
        user_uuid: None,
        role: None,
        permissions: None,
    };
    match &s.fields {
        ServiceFields::Rtc { channel_name, uid } => {
            check_channel_name(&format!("{path}.channel_name"), channel_name, d);
            let u = text_uid(uid);
            check_uid(&format!("{path}.uid"), &u, d);
            v.channel_name = Some(channel_name.clone());
            v.uid = Some(u);
        }
        ServiceFields::Rtm { user_id } | ServiceFields::Chat { user_id } => {
            v.user_id = Some(user_id.clone());
        }
        ServiceFields::Streaming {
            channel_name,
            account,
        }
        | ServiceFields::Fcdn {
            channel_name,
            account,
        } => {
            v.channel_name = Some(channel_name.clone());
            v.account = Some(account.clone());
        }
        ServiceFields::Apaas {
            room_uuid,
            user_uuid,
            role,
        } => {
            v.room_uuid = Some(room_uuid.clone());
            v.user_uuid = Some(user_uuid.clone());
            v.role = Some(*role);
        }
        ServiceFields::Rtm2 {
            user_id,
            permissions,
        } => {
            v.user_id = Some(user_id.clone());
            let mut list = Vec::new();
            for (&rt, perms) in &permissions.0 {
                for (&p, resources) in perms {
                    list.push(Permission {
                        resource_type: Named {
                            id: rt,
                            name: resource_type_name(rt),
                        },
                        permission: Named {
                            id: p,
                            name: permission_name(p),
                        },
                        resources: resources.clone(),
                    });
                }
            }
            v.permissions = Some(list);
        }
        ServiceFields::Fpa
        | ServiceFields::ConvoAi
        | ServiceFields::Stt
        | ServiceFields::Generic { .. } => {}
    }
    v
}
