//! Uids and channel names: the two inputs a client must repeat exactly.

use super::*;

/// Classifies 007/006 uid text: `""` is uid 0, a canonical decimal in
/// 1..=2^32-1 a number, anything else (including `"0"` and `"007"`) an account.
pub fn text_uid(text: &str) -> Uid {
    let number = text
        .parse::<u32>()
        .ok()
        .filter(|n| *n != 0 && n.to_string() == text);
    let kind = match (text.is_empty(), number) {
        (true, _) => UidKind::Any,
        (false, Some(_)) => UidKind::Number,
        (false, None) => UidKind::Account,
    };
    Uid {
        kind,
        text: Some(text.to_owned()),
        number,
        crc32: None,
    }
}

pub(super) fn check_uid(field: &str, uid: &Uid, d: &mut Diagnostics) {
    let text = uid.text.as_deref().unwrap_or("");
    match uid.kind {
        UidKind::Any => d.push(
            Code::UidZero,
            field,
            "uid is 0 (empty): anyone who has the token may join as any uid; give each user their own uid unless that is intended",
        ),
        UidKind::Account if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) => d.push(
            Code::UidAccountDigits,
            field,
            format!(
                "uid {quoted} is a user account made only of digits, not the numeric uid {}: the client must join with user account {quoted} (joinChannelWithUserAccount), or the token must be made with the numeric uid",
                text.trim_start_matches('0').parse::<u64>().map_or_else(|_| "it looks like".to_owned(), |n| n.to_string()),
                quoted = excerpt(text)
            ),
        ),
        _ => {}
    }
}

/// Whether `c` may appear in an RTC channel name (the SDKs' documented set).
pub fn is_channel_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || " !#$%&()+-:;<=.>?@[]^_{}|~,".contains(c)
}

/// The channel-name diagnostics for `name`, reported at `field`: for tools
/// that know the channel of a format that only signs it (006, v1–v5), e.g.
/// when generating one.
pub fn channel_name_diagnostics(field: &str, name: &str) -> Vec<Diagnostic> {
    let mut d = Diagnostics(Vec::new());
    check_channel_name(field, name, &mut d);
    d.0
}

pub(super) fn check_channel_name(field: &str, name: &str, d: &mut Diagnostics) {
    if name.is_empty() {
        d.push(
            Code::ChannelNameEmpty,
            field,
            "channel_name is empty: the SDKs refuse to join a channel without a name",
        );
        return;
    }
    if name.len() > MAX_CHANNEL_NAME_BYTES {
        d.push(
            Code::ChannelNameTooLong,
            field,
            format!(
                "channel_name is {} bytes: the SDKs accept less than 64 bytes, so no client can join it",
                name.len()
            ),
        );
    }
    // The first few distinct offenders are enough to fix the name; a long
    // name must not make a long message.
    const SHOWN: usize = 8;
    let bad: Vec<String> = {
        let mut seen = Vec::new();
        for c in name.chars().filter(|c| !is_channel_name_char(*c)) {
            if !seen.contains(&c) {
                if seen.len() == SHOWN {
                    break;
                }
                seen.push(c);
            }
        }
        seen.into_iter().map(|c| format!("{c:?}")).collect()
    };
    if !bad.is_empty() {
        d.push(
            Code::ChannelNameCharacters,
            field,
            format!(
                "channel_name has characters the SDKs refuse ({}): allowed are a-z, A-Z, 0-9, space and ! # $ % & ( ) + - : ; < = . > ? @ [ ] ^ _ {{ }} | ~ ,",
                bad.join(", ")
            ),
        );
    }
}
