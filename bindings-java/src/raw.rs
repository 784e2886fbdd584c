//! Natives that read a 006 or 007 token for the raw `AccessToken` and
//! `AccessToken2` classes, straight from the core's typed structs, as one
//! [`Record`] each class reads back in the same order (`fill` in
//! `AccessToken.java` and `AccessToken2.java`). Building them is a
//! catalogue call, see [`crate::exports`].

use std::collections::BTreeMap;

use rtctoken::access_token2::{Rtm2Permissions, ServiceFields};
use rtctoken::{parse, Token};

use crate::convert::DirectText;
use crate::exports::natives;
use crate::failure::Outcome;
use crate::record::Record;

/// A privilege map: its size, then (id, expiry) pairs.
fn privileges(r: &mut Record, map: &BTreeMap<u16, u32>) -> Outcome<()> {
    r.count(map.len())?;
    for (id, expire) in map {
        r.u32((*id).into()).u32(*expire);
    }
    Ok(())
}

/// RTM2 permissions: the number of (type, permission) entries, then each
/// as type, permission, resource count and resources (none for other services).
fn permissions(r: &mut Record, p: Option<&Rtm2Permissions>) -> Outcome<()> {
    let entries: Vec<_> = p
        .into_iter()
        .flat_map(|p| &p.0)
        .flat_map(|(t, perms)| perms.iter().map(move |(perm, res)| (*t, *perm, res)))
        .collect();
    r.count(entries.len())?;
    for (t, perm, resources) in entries {
        r.u32(t.into()).u32(perm.into()).count(resources.len())?;
        for resource in resources {
            r.text(Some(resource))?;
        }
    }
    Ok(())
}

natives! {
    /// `Native.parse006`: app ID, signature, the two CRCs, salt, expiry and
    /// privileges of a 006 token; `null` if it parses as another version.
    fn nativeParse006(env, token: DirectText) -> Option<Record> {
        let Token::AccessToken(t) = parse(token.pass())? else {
            return Ok(None);
        };
        let mut r = Record::new();
        r.text(Some(&t.app_id))?.bytes(&t.signature)?;
        r.u32(t.crc_channel_name).u32(t.crc_uid).u32(t.salt).u32(t.ts);
        privileges(&mut r, &t.privileges)?;
        Ok(Some(r))
    }

    /// `Native.parse007`: app ID, issue time, expiry, salt, then each
    /// service as type, role, two texts, privileges and RTM2 permissions;
    /// `null` if the token parses as another version.
    fn nativeParse007(env, token: DirectText) -> Option<Record> {
        let Token::AccessToken2(t) = parse(token.pass())? else {
            return Ok(None);
        };
        let mut r = Record::new();
        r.text(Some(&t.app_id))?.u32(t.issue_ts).u32(t.expire).u32(t.salt);
        r.count(t.services.len())?;
        for s in &t.services {
            let (a, b, role) = s.fields.texts();
            r.u32(s.type_id().into()).u32(role as u32).text(a)?.text(b)?;
            privileges(&mut r, &s.privileges)?;
            let rtm2 = match &s.fields {
                ServiceFields::Rtm2 { permissions, .. } => Some(permissions),
                _ => None,
            };
            permissions(&mut r, rtm2)?;
        }
        Ok(Some(r))
    }
}
