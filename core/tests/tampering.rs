//! A token changed after it was made never verifies: whatever is altered —
//! a signed field, an unsigned CRC, the spelling of a value, a repeated map
//! key, the base64 or the compression — verify refuses it, unless the text
//! is the very token that was signed. 007's compression is the one encoding
//! the signature cannot cover: a re-compressed 007 token still verifies,
//! and inspect reports it as `non_canonical_encoding`.

use std::collections::BTreeMap;
use std::io::Write;

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use proptest::prelude::*;
use rtctoken::access_token2::{self, Rtm2Permissions, Service};
use rtctoken::inspect::inspect;
use rtctoken::legacy::{
    dynamic_key, dynamic_key2, dynamic_key3, dynamic_key4, dynamic_key5, signaling_token,
};
use rtctoken::{access_token, parse, verify, verify_parsed, ErrorKind, Stamp, VerifyInput};

const APP_ID: &str = "970ca35de60c44645bbae8a215061b33";
const CERT: &str = "5cfd2fd1755d40ecb72977518be15d3b";

/// One token of each format, with the inputs its verification needs.
#[derive(Clone, Debug)]
struct Made {
    token: String,
    channel: String,
    uid: String,
}

impl Made {
    fn verifies(&self, token: &str) -> bool {
        let input = VerifyInput {
            channel_name: Some(&self.channel),
            uid: Some(&self.uid),
        };
        verify(token, &[CERT], &input).is_ok_and(|v| v.is_valid())
    }
}

fn made(format: u8, channel: &str, uid: u32, ts: u32, rnd: u32) -> Made {
    let (c, u) = (channel, uid);
    let token = match format {
        1 => dynamic_key::generate(APP_ID, CERT, c, ts, rnd),
        2 => dynamic_key2::generate(APP_ID, CERT, c, ts, rnd, u, ts),
        3 => dynamic_key3::generate(APP_ID, CERT, c, ts, rnd, u, ts),
        4 => dynamic_key4::generate_recording_key(APP_ID, CERT, c, ts, rnd, u, ts),
        5 => dynamic_key5::generate_in_channel_permission_key(APP_ID, CERT, c, ts, rnd, u, ts, "3"),
        6 => access_token::build(
            APP_ID,
            CERT,
            c,
            &access_token::uid_text(u),
            rnd,
            ts,
            &BTreeMap::from([(1, ts), (2, 0)]),
        ),
        7 => access_token2::build(
            APP_ID,
            CERT,
            3600,
            &[Service::rtc(c, &access_token::uid_text(u)).with_privilege(1, 600)],
            Stamp::fixed(ts, rnd),
        ),
        _ => signaling_token::generate(c, APP_ID, CERT, ts),
    }
    .unwrap();
    let uid = match format {
        6 | 7 => access_token::uid_text(u),
        8 => c.to_owned(),
        _ => u.to_string(),
    };
    Made {
        token,
        channel: c.to_owned(),
        uid,
    }
}

/// Characters a mutation may write: both hex cases, base64, separators.
const ALPHABET: &[u8] = b"0123456789abcdefABCDEFxyzXYZ+/=:";

#[derive(Clone, Debug)]
enum Mutation {
    Replace(prop::sample::Index, prop::sample::Index),
    ToggleCase(prop::sample::Index),
    Insert(prop::sample::Index, prop::sample::Index),
    Delete(prop::sample::Index),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<prop::sample::Index>(), any::<prop::sample::Index>())
            .prop_map(|(p, c)| Mutation::Replace(p, c)),
        any::<prop::sample::Index>().prop_map(Mutation::ToggleCase),
        (any::<prop::sample::Index>(), any::<prop::sample::Index>())
            .prop_map(|(p, c)| Mutation::Insert(p, c)),
        any::<prop::sample::Index>().prop_map(Mutation::Delete),
    ]
}

fn apply(token: &str, m: &Mutation) -> String {
    let mut b = token.as_bytes().to_vec();
    match m {
        Mutation::Replace(p, c) => {
            let i = p.index(b.len());
            b[i] = *c.get(ALPHABET);
        }
        Mutation::ToggleCase(p) => {
            let i = p.index(b.len());
            b[i] = if b[i].is_ascii_uppercase() {
                b[i].to_ascii_lowercase()
            } else {
                b[i].to_ascii_uppercase()
            };
        }
        Mutation::Insert(p, c) => b.insert(p.index(b.len() + 1), *c.get(ALPHABET)),
        Mutation::Delete(p) => {
            b.remove(p.index(b.len()));
        }
    }
    String::from_utf8(b).unwrap()
}

fn is_non_canonical(token: &str) -> bool {
    inspect(token, Some(0)).is_ok_and(|i| {
        i.diagnostics
            .iter()
            .any(|d| d.code.as_str() == "non_canonical_encoding")
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn a_mutated_token_never_verifies(
        format in 1u8..=8,
        channel in "[a-zA-Z0-9_]{1,12}",
        uid: u32,
        ts in 1u32..,
        rnd: u32,
        m in mutation(),
    ) {
        let made = made(format, &channel, uid, ts, rnd);
        prop_assert!(made.verifies(&made.token));
        let forged = apply(&made.token, &m);
        if forged != made.token && made.verifies(&forged) {
            // Only 007's compression is outside the signature, and inspect
            // tells such a re-encoding apart.
            prop_assert_eq!(format, 7, "{} verifies as {}", forged, made.token);
            prop_assert!(is_non_canonical(&forged), "{} not flagged", forged);
        }
    }

    #[test]
    fn a_006_token_with_another_crc_never_verifies(
        channel in "[a-z0-9]{0,12}",
        uid: u32,
        which in 0usize..2,
        flip in 1u32..,
    ) {
        let made = made(6, &channel, uid, 1_800_000_000, 7);
        let mut raw = STANDARD.decode(&made.token[35..]).unwrap();
        // signature (2 + 32 bytes), then crc_channel_name, then crc_uid.
        let at = 34 + 4 * which;
        let crc = u32::from_le_bytes(raw[at..at + 4].try_into().unwrap()) ^ flip;
        raw[at..at + 4].copy_from_slice(&crc.to_le_bytes());
        let forged = format!("{}{}", &made.token[..35], STANDARD.encode(&raw));
        prop_assert!(parse(&forged).is_ok());
        prop_assert!(!made.verifies(&forged));
    }

    #[test]
    fn a_007_token_recompressed_verifies_only_as_non_canonical(
        channel in "[a-z0-9]{1,12}",
        uid: u32,
        level in 0u32..=9,
    ) {
        let made = made(7, &channel, uid, 1_800_000_000, 7);
        let payload = inflate(&STANDARD.decode(&made.token[3..]).unwrap());
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(level));
        z.write_all(&payload).unwrap();
        let forged = format!("007{}", STANDARD.encode(z.finish().unwrap()));
        prop_assert!(made.verifies(&forged));
        prop_assert_eq!(forged != made.token, is_non_canonical(&forged));
    }

    /// 007 is verified without building its parsed token: whatever its
    /// payload holds, verify reads it as parse does, refusing it with the
    /// same error or matching the same certificate as the parsed token.
    #[test]
    fn a_007_payload_changed_anywhere_verifies_as_its_parse_does(
        at: prop::sample::Index,
        edit in 0u8..3,
        byte: u8,
    ) {
        let mut payload = inflate(&STANDARD.decode(&every_service_007()[3..]).unwrap());
        let i = at.index(payload.len());
        match edit {
            0 => payload[i] = byte,
            1 => payload.truncate(i),
            _ => payload.insert(i, byte),
        }
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(6));
        z.write_all(&payload).unwrap();
        let forged = format!("007{}", STANDARD.encode(z.finish().unwrap()));
        let certs = [OTHER_CERT, CERT];
        let read = verify(&forged, &certs, &VerifyInput::default());
        let parsed = parse(&forged).and_then(|t| verify_parsed(&t, &certs, &VerifyInput::default()));
        prop_assert_eq!(read, parsed);
    }
}

const OTHER_CERT: &str = "0123456789abcdef0123456789abcdef";

/// A 007 token holding every service that has fields of its own.
fn every_service_007() -> String {
    let mut permissions = Rtm2Permissions::new();
    permissions.add(1, 0, "lobby").add(4, 1, "alice");
    let services = [
        Service::rtc("room", "42")
            .with_privilege(1, 600)
            .with_privilege(2, 0),
        Service::rtm("alice").with_privilege(1, 60),
        Service::streaming("room", "bob"),
        Service::fpa().with_privilege(1, 0),
        Service::chat("carol").with_privilege(2, 30),
        Service::fcdn("room", "dave"),
        Service::apaas("uuid-1", "uuid-2", 2).with_privilege(1, 90),
        Service::rtm2("erin", permissions).with_privilege(1, 0),
        Service::convoai(),
        Service::stt(),
    ];
    access_token2::build(
        APP_ID,
        CERT,
        3600,
        &services,
        Stamp::fixed(1_800_000_000, 7),
    )
    .unwrap()
}

fn inflate(data: &[u8]) -> Vec<u8> {
    use std::io::Read;
    let mut out = Vec::new();
    flate2::read::ZlibDecoder::new(data)
        .read_to_end(&mut out)
        .unwrap();
    out
}

fn kind(token: &str) -> ErrorKind {
    parse(token).unwrap_err().kind()
}

#[test]
fn legacy_keys_with_an_upper_case_random_field_are_malformed() {
    for format in 1..=4 {
        let made = made(format, "room", 42, 1_800_000_000, 0xabcdef12);
        let at = made.token.find("abcdef12").unwrap();
        let forged = made.token.replace("abcdef12", "ABCDEF12");
        assert_eq!(kind(&forged), ErrorKind::Malformed, "v{format}");
        assert!(at > 40, "the random field, not the signature");
    }
}

#[test]
fn legacy_keys_with_a_damaged_app_id_are_malformed() {
    for format in 1..=4 {
        let made = made(format, "room", 42, 1_800_000_000, 9);
        let forged = made.token.replace(APP_ID, &format!("{}z", &APP_ID[1..]));
        assert_eq!(kind(&forged), ErrorKind::Malformed, "v{format}");
        let input = VerifyInput {
            channel_name: Some("room"),
            uid: Some("42"),
        };
        let e = verify(&forged, &[CERT], &input).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Malformed, "v{format}");
        assert_eq!(
            e.message(),
            format!("DynamicKey v{format} app_id must be 32 hexadecimal characters")
        );
    }
}

#[test]
fn signaling_expiry_with_leading_zeros_is_malformed() {
    let made = made(8, "alice", 0, 1_800_000_000, 0);
    let forged = made.token.replace(":1800000000:", ":01800000000:");
    let e = parse(&forged).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Malformed);
    assert_eq!(
        e.message(),
        "signaling token expired_ts must be a decimal u32 without leading zeros, got \"01800000000\""
    );
    let (head, signature) = made.token.rsplit_once(':').unwrap();
    let upper = format!("{head}:{}", signature.to_uppercase());
    assert_eq!(kind(&upper), ErrorKind::Malformed);
}

/// A v5 body with `extra` entries exactly as given (not a map).
fn v5_with_extra(token: &str, extra: &[(u16, &str)]) -> String {
    let mut raw = STANDARD.decode(&token[3..]).unwrap();
    // service_type 2, signature 2+40, app_id 2+16, unix_ts, random_int, expired_ts.
    raw.truncate(2 + 42 + 18 + 12);
    raw.extend_from_slice(&(extra.len() as u16).to_le_bytes());
    for (k, v) in extra {
        raw.extend_from_slice(&k.to_le_bytes());
        raw.extend_from_slice(&(v.len() as u16).to_le_bytes());
        raw.extend_from_slice(v.as_bytes());
    }
    format!("005{}", STANDARD.encode(raw))
}

#[test]
fn dynamic_key5_extra_is_verified_as_carried() {
    let made = made(5, "room", 42, 1_800_000_000, 9);
    assert_eq!(v5_with_extra(&made.token, &[(1, "3")]), made.token);
    let twice = v5_with_extra(&made.token, &[(1, "0"), (1, "3")]);
    let e = parse(&twice).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Malformed);
    assert_eq!(e.message(), "extra holds key 1 more than once");
    // Another entry, even one a reader would sort into place, breaks it.
    assert!(!made.verifies(&v5_with_extra(&made.token, &[(1, "3"), (0, "")])));
    assert!(!made.verifies(&v5_with_extra(&made.token, &[(0, ""), (1, "3")])));
}

/// 006 bodies are always a multiple of 3 bytes (60 + 6 per privilege), so
/// only 005 and 007 tokens end in base64 padding.
#[test]
fn base64_with_non_zero_padding_bits_is_malformed() {
    let v5 = dynamic_key5::generate_media_channel_key(APP_ID, CERT, "room", 1, 2, 3, 4).unwrap();
    let v7 = ["r", "ro", "roo"].map(|c| made(7, c, 42, 1_800_000_000, 9).token);
    let padded: Vec<&String> = std::iter::once(&v5)
        .chain(&v7)
        .filter(|t| t.ends_with('='))
        .collect();
    assert!(padded.len() >= 2 && padded[0].starts_with("005"));
    for token in padded {
        let (head, body) = token.split_at(3);
        let pad = body.bytes().rev().take_while(|b| *b == b'=').count();
        // The last data character carries 2 (one "=") or 4 ("==") unused bits.
        let last = body.len() - pad - 1;
        let mut b = body.as_bytes().to_vec();
        b[last] = ALPHABET_B64[ALPHABET_B64.iter().position(|c| *c == b[last]).unwrap() ^ 1];
        let forged = format!("{head}{}", String::from_utf8(b).unwrap());
        assert_eq!(kind(&forged), ErrorKind::Malformed, "{token}");
    }
}

const ALPHABET_B64: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

#[test]
fn a_006_crc_mismatch_is_refused_with_its_own_reason() {
    let made = made(6, "room", 42, 1_800_000_000, 7);
    let mut raw = STANDARD.decode(&made.token[35..]).unwrap();
    raw[34] ^= 1; // crc_channel_name
    let forged = format!("{}{}", &made.token[..35], STANDARD.encode(&raw));
    let input = VerifyInput {
        channel_name: Some("room"),
        uid: Some("42"),
    };
    assert_eq!(verify(&forged, &[CERT], &input).unwrap().matched, None);
    let report = rtctoken::inspect::explain_verification(&forged, &[CERT], &input).unwrap();
    assert!(!report.is_valid());
    assert_eq!(
        report.reasons,
        ["the token's crc_channel_name is not the CRC-32 of the channel_name its signature is for: the token was altered after it was made"]
    );
}
