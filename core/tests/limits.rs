//! Entry limits (`rtctoken::limits`): builders refuse to pass them, parsers
//! refuse tokens past them before reading or allocating for the entries.

use std::collections::BTreeMap;
use std::io::Write;

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use rtctoken::access_token2::{self, Rtm2Permissions, Service};
use rtctoken::limits::{MAX_PRIVILEGES, MAX_RTM2_LISTS, MAX_RTM2_RESOURCES, MAX_SERVICES};
use rtctoken::{access_token, inspect, parse, ErrorKind, Stamp};

const APP_ID: &str = "970ca35de60c44645bbae8a215061b33";
const CERT: &str = "5cfd2fd1755d40ecb72977518be15d3b";

fn build(services: Vec<Service>) -> rtctoken::Result<String> {
    access_token2::build(APP_ID, CERT, 600, &services, Stamp::fixed(1_800_000_000, 1))
}

/// A 007 token (with a wrong signature) around `services`, the raw bytes
/// after the service count.
fn wrap(count: u16, services: &[u8]) -> String {
    let mut p = vec![32, 0];
    p.extend_from_slice(&[0; 32]);
    p.extend_from_slice(&32u16.to_le_bytes());
    p.extend_from_slice(APP_ID.as_bytes());
    p.extend_from_slice(&[0; 12]);
    p.extend_from_slice(&count.to_le_bytes());
    p.extend_from_slice(services);
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    z.write_all(&p).unwrap();
    format!("007{}", STANDARD.encode(z.finish().unwrap()))
}

fn malformed(token: &str) -> String {
    let e = parse(token).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Malformed, "{e}");
    e.message().to_owned()
}

#[test]
fn services_per_token() {
    assert!(build(vec![Service::fpa(); MAX_SERVICES]).is_ok());
    let e = build(vec![Service::fpa(); MAX_SERVICES + 1]).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidArgument);
    assert_eq!(e.message(), "services must be at most 16, got 17");
    // 65,535 FPA services (type 4, no privileges) fit in a ~500-character
    // token; the count alone refuses it.
    let fpa = [4u8, 0, 0, 0].repeat(65_535);
    let token = wrap(65_535, &fpa);
    assert!(token.len() < 1_000, "{}", token.len());
    assert_eq!(malformed(&token), "services must be at most 16, got 65535");
    assert!(inspect::inspect_json(&token, Some(0)).is_err());
    // The header is judged from the payload's first 4 KiB: a token whose
    // payload would pass the 1 MiB cap is refused for the count it
    // declares, before the rest is inflated.
    let bomb = wrap(65_535, &[4u8, 0, 0, 0].repeat(300_000));
    assert_eq!(malformed(&bomb), "services must be at most 16, got 65535");
    // A real token with a payload far past 4 KiB still parses whole.
    let mut seed = 7u32;
    let mut text = |n: usize| -> String {
        (0..n)
            .map(|_| {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                char::from(b'a' + (seed >> 16) as u8 % 26)
            })
            .collect()
    };
    let services: Vec<Service> = (0..MAX_SERVICES)
        .map(|_| Service::rtc(&text(2_000), "42").with_privilege(1, 600))
        .collect();
    let token = build(services.clone()).unwrap();
    let rtctoken::Token::AccessToken2(t) = parse(&token).unwrap() else {
        panic!("not 007")
    };
    assert_eq!(t.services, services);
}

#[test]
fn privileges_per_service() {
    let mut rtc = Service::rtc("c", "1");
    (0..MAX_PRIVILEGES as u16).for_each(|p| {
        rtc.add_privilege(p, 1);
    });
    assert!(build(vec![rtc.clone()]).is_ok());
    rtc.add_privilege(1000, 1);
    let e = build(vec![rtc]).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidArgument);
    assert_eq!(e.message(), "privileges must be at most 16, got 17");
    let mut fpa = vec![4, 0, 0xff, 0xff];
    fpa.extend((0..=u16::MAX).flat_map(|k| [k.to_le_bytes().as_slice(), &[0; 4]].concat()));
    assert_eq!(
        malformed(&wrap(1, &fpa)),
        "privileges must be at most 16, got 65535"
    );
    let privileges: BTreeMap<u16, u32> = (0..=MAX_PRIVILEGES as u16).map(|p| (p, 0)).collect();
    let e = access_token::build(APP_ID, CERT, "c", "", 1, 2, &privileges).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidArgument);
}

#[test]
fn repeated_privileges_are_malformed() {
    let fpa = [4, 0, 2, 0, 1, 0, 0, 0, 0, 0, 1, 0, 9, 0, 0, 0];
    assert_eq!(
        malformed(&wrap(1, &fpa)),
        "privileges holds key 1 more than once"
    );
}

#[test]
fn rtm2_resources_per_service() {
    let mut p = Rtm2Permissions::new();
    p.entry(0, 0)
        .extend((0..MAX_RTM2_RESOURCES).map(|i| i.to_string()));
    assert!(build(vec![Service::rtm2("u", p.clone())]).is_ok());
    p.add(1, 1, "one too many");
    let e = build(vec![Service::rtm2("u", p)]).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidArgument);
    assert_eq!(
        e.message(),
        "permissions resources must be at most 1024, got 1025"
    );
    // 17 lists: types 0..=16 cannot all be known, so count them raw.
    let mut rtm2 = vec![8, 0, 0, 0, 1, 0, b'u'];
    rtm2.extend_from_slice(&(MAX_RTM2_LISTS as u16 + 1).to_le_bytes());
    for t in 0..=MAX_RTM2_LISTS as u16 {
        rtm2.extend_from_slice(&t.to_le_bytes());
        rtm2.extend_from_slice(&[1, 0, 0, 0, 0, 0]);
    }
    assert_eq!(
        malformed(&wrap(1, &rtm2)),
        "permissions lists must be at most 16, got 17"
    );
}
