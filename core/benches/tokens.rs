//! Criterion benchmarks of the hot paths: 007 RTC build, 007 parse+verify,
//! DynamicKey5 and 006 RTC. Results go to BENCHMARKS.md.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use rtctoken::builders::{rtc_token_builder, rtc_token_builder2};
use rtctoken::legacy::dynamic_key5;
use rtctoken::{parse, verify, Stamp, VerifyInput};

const APP_ID: &str = "970CA35de60c44645bbae8a215061b33";
const CERT: &str = "5CFd2fd1755d40ecb72977518be15d3b";

fn tokens(c: &mut Criterion) {
    let stamp = Stamp::fixed(1_700_000_000, 12345);
    c.bench_function("007 rtc build_token_with_uid", |b| {
        b.iter(|| {
            rtc_token_builder2::build_token_with_uid(
                black_box(APP_ID),
                CERT,
                "channel-name",
                2_882_341_273,
                rtc_token_builder2::ROLE_PUBLISHER,
                3600,
                3600,
                stamp,
            )
            .unwrap()
        })
    });
    // Production: clock and a fresh salt per call, so deflate sees new input
    // every time (a fixed stamp repeats identical input and flatters zlib).
    c.bench_function("007 rtc build_token_with_uid, fresh stamp", |b| {
        b.iter(|| {
            rtc_token_builder2::build_token_with_uid(
                black_box(APP_ID),
                CERT,
                "channel-name",
                2_882_341_273,
                rtc_token_builder2::ROLE_PUBLISHER,
                3600,
                3600,
                Stamp::default(),
            )
            .unwrap()
        })
    });
    let token = rtc_token_builder2::build_token_with_uid(
        APP_ID,
        CERT,
        "channel-name",
        2_882_341_273,
        1,
        3600,
        3600,
        stamp,
    )
    .unwrap();
    c.bench_function("007 parse", |b| {
        b.iter(|| parse(black_box(&token)).unwrap())
    });
    c.bench_function("007 parse+verify", |b| {
        b.iter(|| verify(black_box(&token), &[CERT], &VerifyInput::default()).unwrap())
    });
    c.bench_function("dynamic_key5 media channel key", |b| {
        b.iter(|| {
            dynamic_key5::generate_media_channel_key(
                black_box(APP_ID),
                CERT,
                "channel-name",
                1_446_455_472,
                58_964_981,
                2_882_341_273,
                1_446_455_471,
            )
            .unwrap()
        })
    });
    c.bench_function("006 rtc build_token_with_uid", |b| {
        b.iter(|| {
            rtc_token_builder::build_token_with_uid(
                black_box(APP_ID),
                CERT,
                "channel-name",
                2_882_341_273,
                rtc_token_builder::ROLE_PUBLISHER,
                1_700_003_600,
                stamp,
            )
            .unwrap()
        })
    });
}

/// Why the core keeps one deflate stream per thread: a fresh stream's setup
/// dominates a 007 build (compare with "007 rtc build_token_with_uid").
fn fresh_deflate_stream(c: &mut Criterion) {
    use std::io::Write;
    let payload = [7u8; 190];
    c.bench_function("zlib fresh stream, 190 bytes", |b| {
        b.iter(|| {
            let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
            z.write_all(black_box(&payload)).unwrap();
            z.finish().unwrap()
        })
    });
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

criterion_group!(benches, tokens, fresh_deflate_stream, hostile_tokens);
criterion_main!(benches);
