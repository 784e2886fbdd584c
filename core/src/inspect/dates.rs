//! Unix times as UTC dates and as "expires in 42 min" text.

use ::time::format_description::well_known::Rfc3339;
use ::time::OffsetDateTime;

use super::*;

#[derive(Clone, Copy)]
pub(super) enum Phrase {
    Issued,
    Expires,
}

pub(super) fn time(unix: u64, now: u32, phrase: Phrase) -> Time {
    let now = u64::from(now);
    let past = unix < now;
    let relative = match (phrase, unix.cmp(&now)) {
        (Phrase::Issued, std::cmp::Ordering::Equal) => "issued now".to_owned(),
        (Phrase::Expires, std::cmp::Ordering::Equal) => "expires now".to_owned(),
        (Phrase::Issued, std::cmp::Ordering::Less) => format!("issued {} ago", span(now - unix)),
        (Phrase::Issued, std::cmp::Ordering::Greater) => format!("issued in {}", span(unix - now)),
        (Phrase::Expires, std::cmp::Ordering::Less) => format!("expired {} ago", span(now - unix)),
        (Phrase::Expires, std::cmp::Ordering::Greater) => {
            format!("expires in {}", span(unix - now))
        }
    };
    Time {
        unix,
        utc: utc(unix),
        relative,
        past,
    }
}

/// A duration in words: "45 s", "42 min", "3 h", "3 h 5 min", "12 days", "57 years".
pub fn span(secs: u64) -> String {
    const DAY: u64 = 86_400;
    match secs {
        0..=59 => format!("{secs} s"),
        60..=3_599 => format!("{} min", secs / 60),
        3_600..=172_799 => match (secs / 3_600, secs % 3_600 / 60) {
            (h, 0) => format!("{h} h"),
            (h, m) => format!("{h} h {m} min"),
        },
        _ if secs < 730 * DAY => format!("{} days", secs / DAY),
        _ => format!("{} years", secs / (365 * DAY + DAY / 4)),
    }
}

/// Unix seconds as `YYYY-MM-DDTHH:MM:SSZ` (RFC 3339, UTC).
pub fn utc(unix: u64) -> String {
    // Every u32 + u32 sum is far inside the range `time` supports.
    let at = i64::try_from(unix)
        .ok()
        .and_then(|s| OffsetDateTime::from_unix_timestamp(s).ok())
        .expect("a u32 + u32 Unix time is a valid date");
    at.format(&Rfc3339)
        .expect("RFC 3339 formats every date from year 0 to 9999")
}
