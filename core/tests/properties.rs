//! Property tests: what 007 builds parses back unchanged, and no single
//! flipped byte survives verification.

use std::collections::BTreeMap;
use std::io::{Read, Write};

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use proptest::prelude::*;
use rtctoken::access_token2::{self, Rtm2Permissions, Service, ServiceFields};
use rtctoken::{parse, verify, Stamp, Token, VerifyInput};

const APP_ID: &str = "970CA35de60c44645bbae8a215061b33";
const CERT: &str = "5CFd2fd1755d40ecb72977518be15d3b";

fn text() -> impl Strategy<Value = String> {
    prop_oneof![".{0,12}", "[a-z0-9@._-]{0,40}", "\\PC{0,8}"]
}

fn privileges() -> impl Strategy<Value = BTreeMap<u16, u32>> {
    prop::collection::btree_map(0u16..6, any::<u32>(), 0..4)
}

fn permissions() -> impl Strategy<Value = Rtm2Permissions> {
    prop::collection::btree_map(
        0u16..=4,
        prop::collection::btree_map(0u16..=1, prop::collection::vec(text(), 0..3), 0..3),
        0..3,
    )
    .prop_map(Rtm2Permissions)
}

fn fields() -> impl Strategy<Value = ServiceFields> {
    prop_oneof![
        (text(), text()).prop_map(|(channel_name, uid)| ServiceFields::Rtc { channel_name, uid }),
        text().prop_map(|user_id| ServiceFields::Rtm { user_id }),
        (text(), text()).prop_map(|(channel_name, account)| ServiceFields::Streaming {
            channel_name,
            account
        }),
        Just(ServiceFields::Fpa),
        text().prop_map(|user_id| ServiceFields::Chat { user_id }),
        (text(), text()).prop_map(|(channel_name, account)| ServiceFields::Fcdn {
            channel_name,
            account
        }),
        (text(), text(), any::<i16>()).prop_map(|(room_uuid, user_uuid, role)| {
            ServiceFields::Apaas {
                room_uuid,
                user_uuid,
                role,
            }
        }),
        (text(), permissions()).prop_map(|(user_id, permissions)| ServiceFields::Rtm2 {
            user_id,
            permissions
        }),
        Just(ServiceFields::ConvoAi),
        Just(ServiceFields::Stt),
    ]
}

fn services() -> impl Strategy<Value = Vec<Service>> {
    prop::collection::vec(
        (privileges(), fields()).prop_map(|(privileges, fields)| Service { privileges, fields }),
        1..5,
    )
}

fn build(services: Vec<Service>, issue_ts: u32, expire: u32, salt: u32) -> String {
    access_token2::build(
        APP_ID,
        CERT,
        expire,
        &services,
        Stamp::fixed(issue_ts, salt),
    )
    .unwrap()
}

proptest! {
    #[test]
    fn parse_gives_back_what_was_built(services in services(), issue_ts: u32, expire: u32, salt: u32) {
        let token = build(services.clone(), issue_ts, expire, salt);
        let Token::AccessToken2(t) = parse(&token).unwrap() else { panic!("not 007") };
        let mut sorted = services;
        sorted.sort_by_key(|s| s.type_id());
        prop_assert_eq!(t.app_id, APP_ID);
        prop_assert_eq!((t.issue_ts, t.expire, t.salt), (issue_ts, expire, salt));
        prop_assert_eq!(t.services, sorted);
        prop_assert_eq!(t.unknown_service_type, None);
        prop_assert!(verify(&token, &[CERT], &VerifyInput::default()).unwrap().is_valid());
    }

    #[test]
    fn a_flipped_payload_byte_is_rejected(services in services(), pos: prop::sample::Index, bit in 0u8..8) {
        let token = build(services, 1_700_000_000, 3600, 7);
        let mut payload = Vec::new();
        flate2::read::ZlibDecoder::new(&STANDARD.decode(&token[3..]).unwrap()[..]).read_to_end(&mut payload).unwrap();
        let i = pos.index(payload.len());
        payload[i] ^= 1 << bit;
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        z.write_all(&payload).unwrap();
        let forged = format!("007{}", STANDARD.encode(z.finish().unwrap()));
        // Either the forgery no longer decodes, or its signature fails.
        if let Ok(v) = verify(&forged, &[CERT], &VerifyInput::default()) {
            prop_assert!(!v.is_valid());
        }
    }

    #[test]
    fn a_flipped_token_character_is_rejected(services in services(), pos: prop::sample::Index) {
        let token = build(services, 1_700_000_000, 3600, 7);
        let mut bytes = token.clone().into_bytes();
        let i = pos.index(bytes.len());
        bytes[i] = if bytes[i] == b'A' { b'B' } else { b'A' };
        let forged = String::from_utf8(bytes).unwrap();
        // A flip may land in the deflate stream's unused padding bits: the
        // token then still decodes to the signed payload, which is no forgery.
        if let Ok(v) = verify(&forged, &[CERT], &VerifyInput::default()) {
            prop_assert!(!v.is_valid() || parse(&forged).unwrap() == parse(&token).unwrap());
        }
    }
}

/// `payload` deflated and wrapped as a 007 token, so random bytes reach the
/// field reader rather than stopping at the zlib check.
fn wrap_007(payload: &[u8]) -> String {
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    z.write_all(payload).unwrap();
    format!("007{}", STANDARD.encode(z.finish().unwrap()))
}

proptest! {
    #[test]
    fn parse_never_panics_on_any_text(token in "\\PC{0,200}") {
        let _ = parse(&token);
        let _ = verify(&token, &[CERT], &VerifyInput { channel_name: Some("c"), uid: Some("1") });
    }

    #[test]
    fn parse_never_panics_on_any_payload(prefix in prop::sample::select(vec!["005", "006970CA35de60c44645bbae8a215061b33"]), payload in prop::collection::vec(any::<u8>(), 0..300)) {
        let _ = parse(&wrap_007(&payload));
        let _ = parse(&format!("{prefix}{}", STANDARD.encode(&payload)));
    }
}
