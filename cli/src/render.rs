//! The human-readable form of an [`Inspection`]: what a person reading an
//! "invalid token" report needs, in the order they need it.

use std::fmt::Write;

use rtctoken::inspect::{Inspection, Privilege, ServiceView, Time, Uid, UidKind};
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
        None if i.version == "001" => "not carried (v1 keys have no expiry)".to_owned(),
        None => "never".to_owned(),
    };
    row(&mut out, "expires", expiry);
    if let Some(c) = &i.channel_name {
        row(&mut out, "channel", format!("{c:?}"));
    }
    match i.version {
        "001" | "002" | "003" | "004" | "005" => {
            row(&mut out, "channel", signed_only("--channel"));
        }
        "006" => {
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
        (None, "004" | "005") => row(&mut out, "uid", signed_only("--uid")),
        (None, "signaling") => row(&mut out, "account", signed_only("--uid")),
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
                        let what = match (ek.as_str(), ev.as_str()) {
                            ("1", Some("0")) => "allow_upload_in_channel = \"0\" (no upload)",
                            ("1", Some("3")) => {
                                "allow_upload_in_channel = \"3\" (audio and video upload)"
                            }
                            _ => "",
                        };
                        let text = if what.is_empty() {
                            format!("{ek} = {ev}")
                        } else {
                            what.to_owned()
                        };
                        row(&mut out, "extra", text);
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
