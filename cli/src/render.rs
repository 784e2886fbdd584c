//! The human-readable form of an [`Inspection`]: what a person reading an
//! "invalid token" report needs, in the order they need it.

use std::fmt::Write;

use rtctoken::access_token;
use rtctoken::inspect::{Inspection, Privilege, ServiceView, Time, Uid, UidKind};
use rtctoken::legacy::{
    dynamic_key, dynamic_key2, dynamic_key3, dynamic_key4, dynamic_key5, signaling_token,
};
use serde_json::Value;

fn time(t: &Time) -> String {
    format!("{}  ({})", t.utc, t.relative)
}

/// A uid for people: the value and how the client must join with it.
pub fn uid(u: &Uid) -> String {
    match u.kind {
        UidKind::Number => format!(
            "{} (numeric uid)",
            u.number.map_or_else(String::new, |n| n.to_string())
        ),
        UidKind::Account => format!(
            "{:?} (user account: join with the account)",
            u.text.as_deref().unwrap_or("")
        ),
        UidKind::Any => "0 (any user may join)".to_owned(),
        UidKind::NotCarried => format!(
            "not carried (CRC-32 {:#010x}; give --uid to verify)",
            u.crc32.unwrap_or(0)
        ),
    }
}

fn privilege(p: &Privilege, relative: bool) -> String {
    let name = match p.name {
        Some(n) => format!("{n} ({})", p.id),
        None => format!("unknown privilege {}", p.id),
    };
    let when = match (&p.expires, relative) {
        (None, _) => "no expiry".to_owned(),
        (Some(t), true) => format!("+{} s -> {}", p.value, time(t)),
        (Some(t), false) => time(t),
    };
    format!("{name:<28} {when}")
}

fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(format!("{s:?}")),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn service(out: &mut String, index: usize, s: &ServiceView) {
    let _ = writeln!(out, "    [{index}] {} (type {})", s.type_name, s.type_id);
    let row = |out: &mut String, k: &str, v: String| {
        let _ = writeln!(out, "        {k:<16} {v}");
    };
    if let Some(c) = &s.channel_name {
        row(out, "channel_name", format!("{c:?}"));
    }
    if let Some(u) = &s.uid {
        row(out, "uid", uid(u));
    }
    if let Some(u) = &s.user_id {
        row(out, "user_id", format!("{u:?}"));
    }
    if let Some(a) = &s.account {
        row(out, "account", format!("{a:?}"));
    }
    if let Some(r) = &s.room_uuid {
        row(out, "room_uuid", format!("{r:?}"));
    }
    if let Some(u) = &s.user_uuid {
        row(out, "user_uuid", format!("{u:?}"));
    }
    if let Some(r) = s.role {
        row(
            out,
            "role",
            if r == -1 {
                "-1 (none)".to_owned()
            } else {
                r.to_string()
            },
        );
    }
    for p in s.permissions.iter().flatten() {
        let name =
            |n: &rtctoken::inspect::Named| n.name.map_or_else(|| n.id.to_string(), str::to_owned);
        row(
            out,
            "permission",
            format!(
                "{} on {}: {}",
                name(&p.permission),
                name(&p.resource_type),
                p.resources
                    .iter()
                    .map(|r| format!("{r:?}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        );
    }
    if s.privileges.is_empty() {
        row(out, "privileges", "none".to_owned());
    }
    for p in &s.privileges {
        let _ = writeln!(out, "        {}", privilege(p, true));
    }
}

/// For values a format signs without carrying.
fn signed_only(flag: &str) -> String {
    format!("not carried (signed: give {flag} to verify)")
}

/// One entry of a v5 key's `extra`: the in-channel permission under the
/// core's names for its key and values, anything else as carried.
fn extra_entry(key: &str, value: &Value) -> String {
    let permission = (key.parse() == Ok(dynamic_key5::ALLOW_UPLOAD_IN_CHANNEL))
        .then(|| {
            dynamic_key5::PERMISSIONS
                .iter()
                .find(|&&(v, _)| value.as_str() == Some(v))
        })
        .flatten();
    match permission {
        Some((v, name)) => format!("allow_upload_in_channel = {v:?} ({name})"),
        None => format!("{key} = {value}"),
    }
}

/// The inspection as text.
pub fn render(i: &Inspection) -> String {
    let mut out = String::new();
    let row = |out: &mut String, k: &str, v: String| {
        let _ = writeln!(out, "  {k:<16} {v}");
    };
    let _ = writeln!(out, "{}", i.format);
    row(&mut out, "app_id", i.app_id.clone());
    if let Some(t) = &i.issued {
        row(&mut out, "issued", time(t));
    }
    let expiry = match &i.expires {
        Some(t) => time(t),
        None if i.version == dynamic_key::VERSION => {
            "not carried (v1 keys have no expiry)".to_owned()
        }
        None => "never".to_owned(),
    };
    row(&mut out, "expires", expiry);
    if let Some(c) = &i.channel_name {
        row(&mut out, "channel", format!("{c:?}"));
    }
    match i.version {
        dynamic_key::VERSION
        | dynamic_key2::VERSION
        | dynamic_key3::VERSION
        | dynamic_key4::VERSION
        | dynamic_key5::VERSION => {
            row(&mut out, "channel", signed_only("--channel"));
        }
        access_token::VERSION => {
            let crc = i.fields["crc_channel_name"].as_u64().unwrap_or(0);
            // RTM 006 tokens (no uid entry) put the user account in the channel field.
            let label = if i.uid.is_some() {
                "channel"
            } else {
                "user account"
            };
            row(
                &mut out,
                label,
                format!("not carried (CRC-32 {crc:#010x}; give --channel to verify)"),
            );
        }
        _ => {}
    }
    match (&i.uid, i.version) {
        (Some(u), _) => row(&mut out, "uid", uid(u)),
        (None, dynamic_key4::VERSION | dynamic_key5::VERSION) => {
            row(&mut out, "uid", signed_only("--uid"))
        }
        (None, signaling_token::VERSION) => row(&mut out, "account", signed_only("--uid")),
        _ => {}
    }
    if let Some(k) = &i.key_service {
        row(
            &mut out,
            "key service",
            format!("{} ({})", k.name.unwrap_or("unknown"), k.id),
        );
    }
    if let Value::Object(fields) = &i.fields {
        for (k, v) in fields {
            if matches!(k.as_str(), "version" | "app_id") || (k == "uid" && i.uid.is_some()) {
                continue;
            }
            if let Some(text) = scalar(v) {
                row(&mut out, k, text);
            } else if k == "extra" {
                if let Value::Object(extra) = v {
                    for (ek, ev) in extra {
                        row(&mut out, "extra", extra_entry(ek, ev));
                    }
                }
            }
        }
    }
    if !i.privileges.is_empty() {
        let _ = writeln!(out, "  privileges (absolute times)");
        for p in &i.privileges {
            let _ = writeln!(out, "    {}", privilege(p, false));
        }
    }
    if !i.services.is_empty() {
        let _ = writeln!(out, "  services (expiries are seconds after issue)");
        for (n, s) in i.services.iter().enumerate() {
            service(&mut out, n, s);
        }
    }
    if i.diagnostics.is_empty() {
        let _ = writeln!(out, "diagnostics: none");
    } else {
        let _ = writeln!(out, "diagnostics:");
        for d in &i.diagnostics {
            let _ = writeln!(
                out,
                "  {:<7} [{}] {}: {}",
                d.severity.as_str(),
                d.code,
                d.field,
                d.message
            );
        }
    }
    out.trim_end().to_owned()
}

#[cfg(test)]
mod tests {
    use rtctoken::builders::rtc_token_builder;
    use rtctoken::inspect::inspect;
    use rtctoken::legacy::{
        dynamic_key, dynamic_key3, dynamic_key4, dynamic_key5, signaling_token,
    };
    use rtctoken::Stamp;

    const APP_ID: &str = "970CA35DE60C44645BBAE8A215061B33";
    const CERT: &str = "5CFD2FD1755D40ECB72977518BE15D3B";
    const TS: u32 = 1_800_000_000;

    /// The values of the `key` rows of a token's text form.
    fn rows(token: &str, key: &str) -> Vec<String> {
        super::render(&inspect(token, Some(TS)).unwrap())
            .lines()
            .filter_map(|l| l.trim_start().strip_prefix(key))
            .filter(|rest| rest.starts_with("  "))
            .map(|rest| rest.trim().to_owned())
            .collect()
    }

    /// Each format's rows name what it signs without carrying (picked by
    /// the core's version names), and v5's permission by the core's names.
    #[test]
    fn each_format_names_what_it_signs_without_carrying() {
        let (r, uid, exp) = (58964981, 2882341273, TS + 60);
        let channel = "not carried (signed: give --channel to verify)";
        let uid_row = "not carried (signed: give --uid to verify)";
        let v1 = dynamic_key::generate(APP_ID, CERT, "c", TS, r).unwrap();
        assert_eq!(
            rows(&v1, "expires"),
            ["not carried (v1 keys have no expiry)"]
        );
        assert_eq!(rows(&v1, "channel"), [channel]);
        let v3 = dynamic_key3::generate(APP_ID, CERT, "c", TS, r, uid, exp).unwrap();
        assert_eq!(rows(&v3, "channel"), [channel]);
        let v4 =
            dynamic_key4::generate_media_channel_key(APP_ID, CERT, "c", TS, r, uid, exp).unwrap();
        assert_eq!(rows(&v4, "uid"), [uid_row]);
        for (value, name) in dynamic_key5::PERMISSIONS {
            let v5 = dynamic_key5::generate_in_channel_permission_key(
                APP_ID, CERT, "c", TS, r, uid, exp, value,
            )
            .unwrap();
            assert_eq!(rows(&v5, "uid"), [uid_row]);
            assert_eq!(
                rows(&v5, "extra"),
                [format!("allow_upload_in_channel = {value:?} ({name})")]
            );
        }
        let t006 =
            rtc_token_builder::build_token_with_uid(APP_ID, CERT, "c", 7, 1, 0, Stamp::default())
                .unwrap();
        assert_eq!(rows(&t006, "channel").len(), 1);
        assert!(rows(&t006, "channel")[0].starts_with("not carried (CRC-32 0x"));
        let signaling = signaling_token::generate("alice", APP_ID, CERT, exp).unwrap();
        assert_eq!(rows(&signaling, "account"), [uid_row]);
    }
}
