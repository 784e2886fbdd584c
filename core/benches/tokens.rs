//! Criterion benchmarks of the hot paths: 007 RTC build, 007 parse+verify,
//! DynamicKey5 and 006 RTC, and hostile tokens. Results go to BENCHMARKS.md.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use rtctoken::{parse, Stamp};

mod rows;

use rows::{APP_ID, CERT};

fn tokens(c: &mut Criterion) {
    c.bench_function("007 rtc build_token_with_uid", |b| {
        b.iter(|| rows::build_007(rows::fixed_stamp()))
    });
    c.bench_function("007 rtc build_token_with_uid, fresh stamp", |b| {
        b.iter(|| rows::build_007(Stamp::default()))
    });
    c.bench_function(
        "007 rtc build_token_with_uid, fresh stamp, hex channel",
        |b| b.iter(|| rows::build_007_in(rows::HEX_CHANNEL, Stamp::default())),
    );
    let token = rows::build_007(rows::fixed_stamp());
    c.bench_function("007 parse", |b| {
        b.iter(|| parse(black_box(&token)).unwrap())
    });
    c.bench_function("007 parse+verify", |b| b.iter(|| rows::verify_007(&token)));
    c.bench_function("dynamic_key5 media channel key", |b| {
        b.iter(rows::dynamic_key5)
    });
    c.bench_function("006 rtc build_token_with_uid", |b| b.iter(rows::build_006));
}

/// Hostile tokens cost little: one whose service count passes the limit is
/// refused before any service is read, and the largest token the limits
/// admit (every service and privilege slot filled) inspects in bounded time.
fn hostile_tokens(c: &mut Criterion) {
    use rtctoken::access_token2::{self, Service};
    use rtctoken::limits::{MAX_PRIVILEGES, MAX_SERVICES};
    use std::io::Write;
    let mut payload = vec![32, 0];
    payload.extend_from_slice(&[0; 32]);
    payload.extend_from_slice(&32u16.to_le_bytes());
    payload.extend_from_slice(APP_ID.as_bytes());
    payload.extend_from_slice(&[0; 12]);
    payload.extend_from_slice(&u16::MAX.to_le_bytes());
    payload.extend_from_slice(&[4, 0, 0, 0].repeat(usize::from(u16::MAX)));
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    z.write_all(&payload).unwrap();
    let flood = format!("007{}", base64_of(&z.finish().unwrap()));
    c.bench_function("hostile 007: 65,535 services, parse (refused)", |b| {
        b.iter(|| parse(black_box(&flood)).unwrap_err())
    });
    let mut rtc = Service::rtc("channel-name", "42");
    for p in 0..MAX_PRIVILEGES as u16 {
        rtc.add_privilege(p, 3600);
    }
    let full = access_token2::build(
        APP_ID,
        CERT,
        3600,
        &vec![rtc; MAX_SERVICES],
        Stamp::fixed(1_700_000_000, 1),
    )
    .unwrap();
    let json = rtctoken::inspect::inspect_json(&full, Some(1_700_000_000)).unwrap();
    eprintln!(
        "full token: {} characters, inspect JSON {} bytes; flood token: {} characters",
        full.len(),
        json.len(),
        flood.len()
    );
    c.bench_function(
        "007 at the limits: 16 services x 16 privileges, inspect_json",
        |b| {
            b.iter(|| {
                rtctoken::inspect::inspect_json(black_box(&full), Some(1_700_000_000)).unwrap()
            })
        },
    );
}

fn base64_of(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

criterion_group!(benches, tokens, hostile_tokens);
criterion_main!(benches);
