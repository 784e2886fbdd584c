//! Differential tests: the Rust deflate against C zlib's own `compress()`
//! (through `libz-sys`), which is what the references call.
//!
//! `RTCTOKEN_DEFLATE_CASES` sets how many random inputs each sampled test
//! draws (default: a quick sample for `make test`); `make deflate-exact`
//! runs a million and more, plus the ignored every-length sweep.

use rand::rngs::SmallRng;
use rand::{RngExt, SeedableRng};

use super::{compress, decompress, MAX_UNSLID, PROBED_INPUT, SMALL_INPUT, WINDOW_SIZE};

/// C zlib's `compress()`: level 6, windowBits 15, memLevel 8.
fn c_compress(data: &[u8]) -> Vec<u8> {
    let mut len = (data.len() + data.len() / 1000 + 64) as libz_sys::uLongf;
    let mut out = vec![0u8; len as usize];
    // SAFETY: both buffers are valid for the lengths passed.
    let status = unsafe {
        libz_sys::compress(
            out.as_mut_ptr(),
            &mut len,
            data.as_ptr(),
            data.len() as libz_sys::uLong,
        )
    };
    assert_eq!(status, libz_sys::Z_OK);
    out.truncate(len as usize);
    out
}

#[track_caller]
fn assert_same(data: &[u8], what: &str) {
    let ours = compress(data);
    if ours != c_compress(data) {
        panic!(
            "deflate differs from C zlib: {what}, {} bytes: {data:02x?}",
            data.len()
        );
    }
    assert_eq!(decompress(&ours).unwrap(), data, "{what}");
}

fn cases(default: usize) -> usize {
    std::env::var("RTCTOKEN_DEFLATE_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Bytes of `len` drawn from one of several shapes, so that matches, runs,
/// far length-3 matches, stored blocks and skewed alphabets (deep Huffman
/// trees that need zlib's length-overflow fix) all occur.
fn sample(rng: &mut SmallRng, len: usize, shape: u32) -> Vec<u8> {
    let mut v = vec![0u8; len];
    match shape % 5 {
        0 => rng.fill(&mut v[..]),
        1 => {
            let alphabet = rng.random_range(1..=16u8);
            v.iter_mut()
                .for_each(|b| *b = rng.random_range(0..alphabet));
        }
        2 => v
            .iter_mut()
            .for_each(|b| *b = rng.random::<u64>().trailing_zeros() as u8),
        3 => {
            // Copies from earlier, near and far, between random literals.
            let mut i = 0;
            while i < len {
                let run = rng.random_range(1..300).min(len - i);
                if i > 0 && rng.random_bool(0.6) {
                    let dist = rng.random_range(1..=i.min(40_000));
                    for k in 0..run {
                        v[i + k] = v[i + k - dist];
                    }
                } else {
                    rng.fill(&mut v[i..i + run]);
                }
                i += run;
            }
        }
        _ => {
            const WORDS: [&[u8]; 8] = [
                b"channel",
                b" ",
                b"uid",
                b"rtc",
                b"token",
                b"\x00\x01",
                b"99",
                b"e",
            ];
            let mut i = 0;
            while i < len {
                let word = WORDS[rng.random_range(0..WORDS.len())];
                let n = word.len().min(len - i);
                v[i..i + n].copy_from_slice(&word[..n]);
                i += n;
            }
        }
    }
    v
}

/// A 007 payload's shape: signature, app id, times, salt and services with
/// privileges, channel and uid, with random values.
fn token_payload(rng: &mut SmallRng) -> Vec<u8> {
    fn bytes(v: &mut Vec<u8>, b: &[u8]) {
        v.extend_from_slice(&(b.len() as u16).to_le_bytes());
        v.extend_from_slice(b);
    }
    let mut v = Vec::new();
    let mut sig = [0u8; 32];
    rng.fill(&mut sig);
    bytes(&mut v, &sig);
    let app_id: Vec<u8> = (0..32)
        .map(|_| b"0123456789abcdef"[rng.random_range(0..16)])
        .collect();
    bytes(&mut v, &app_id);
    for _ in 0..3 {
        v.extend_from_slice(&rng.random::<u32>().to_le_bytes());
    }
    let services = rng.random_range(1..=4u16);
    v.extend_from_slice(&services.to_le_bytes());
    for s in 0..services {
        v.extend_from_slice(&(s + 1).to_le_bytes());
        let privileges = rng.random_range(1..=4u16);
        v.extend_from_slice(&privileges.to_le_bytes());
        for p in 0..privileges {
            v.extend_from_slice(&(p + 1).to_le_bytes());
            v.extend_from_slice(&rng.random_range(0..100_000u32).to_le_bytes());
        }
        let channel: Vec<u8> = (0..rng.random_range(0..64))
            .map(|_| rng.random_range(b' '..=b'~'))
            .collect();
        bytes(&mut v, &channel);
        bytes(&mut v, rng.random::<u32>().to_string().as_bytes());
    }
    v
}

#[test]
fn edge_inputs_match_c_zlib() {
    let mut rng = SmallRng::seed_from_u64(1);
    for len in [
        0, 1, 2, 3, 4, 5, 257, 258, 259, 260, 261, 262, 263, 4096, 4099,
    ] {
        assert_same(&vec![0u8; len], "zeros");
        assert_same(&vec![0xa5u8; len], "run");
    }
    for len in [
        SMALL_INPUT - 1,
        SMALL_INPUT,
        SMALL_INPUT + 1,
        PROBED_INPUT,
        PROBED_INPUT + 1,
    ] {
        for shape in 0..5 {
            assert_same(&sample(&mut rng, len, shape), "around a memory tier");
        }
    }
    // Around zlib's block limit, its first slide and the window's end,
    // then several slides.
    for len in [
        16_383,
        16_384,
        40_000,
        MAX_UNSLID,
        MAX_UNSLID + 1,
        MAX_UNSLID + 2,
        WINDOW_SIZE - 1,
        WINDOW_SIZE,
        WINDOW_SIZE + 1,
        100_000,
        300_000,
    ] {
        for shape in 0..5 {
            assert_same(&sample(&mut rng, len, shape), "long");
        }
    }
}

#[test]
fn token_payloads_match_c_zlib() {
    let mut rng = SmallRng::seed_from_u64(2);
    for _ in 0..cases(5_000) {
        assert_same(&token_payload(&mut rng), "token payload");
    }
}

/// Tokens take the fixed codes without zlib's trees: the bound in
/// `bound.rs` settles nearly all of them (the trees are most of a build).
/// Real builders, random credentials, channels and users.
#[test]
fn tokens_mostly_skip_the_trees() {
    use crate::builders::{
        chat_token_builder2, convoai_token_builder, rtc_token_builder2, rtm_token_builder2,
    };
    let mut rng = SmallRng::seed_from_u64(5);
    let mut text = |alphabet: &[u8], len: usize| -> String {
        (0..len)
            .map(|_| alphabet[rng.random_range(0..alphabet.len())] as char)
            .collect()
    };
    let hex = b"0123456789abcdef";
    let name = b"abcdefghijklmnopqrstuvwxyz0123456789_-";
    super::trees::SETTLED.with(|c| c.set([0; 2]));
    for i in 0..1_200u32 {
        let (app, cert) = (text(hex, 32), text(hex, 32));
        let channel = text(name, 4 + i as usize % 24);
        let user = text(name, 3 + i as usize % 12);
        let stamp = crate::Stamp::default();
        let _ = match i % 4 {
            0 => rtc_token_builder2::build_token_with_uid(
                &app,
                &cert,
                &channel,
                i * 7919,
                1,
                3600,
                3600,
                stamp,
            ),
            1 => rtc_token_builder2::build_token_with_rtm(
                &app, &cert, &channel, &user, 1, 3600, 3600, stamp,
            ),
            2 => convoai_token_builder::build_token(
                &app, &cert, &channel, &user, 1, 3600, 3600, 3600, 3600, 3600, &user, 3600, stamp,
            ),
            _ if i % 8 == 3 => rtm_token_builder2::build_token(&app, &cert, &user, 3600, stamp),
            _ => chat_token_builder2::build_user_token(&app, &cert, &user, 3600, stamp),
        }
        .unwrap();
    }
    let [blocks, settled] = super::trees::SETTLED.with(|c| c.get());
    assert_eq!(blocks, 1_200);
    assert!(
        settled * 100 >= blocks * 98,
        "{settled} of {blocks} settled"
    );
}

#[test]
fn random_inputs_match_c_zlib() {
    let mut rng = SmallRng::seed_from_u64(3);
    for i in 0..cases(5_000) {
        // Mostly token-sized, some up to a few windows.
        let max = match i % 64 {
            0 => 4 * WINDOW_SIZE,
            1..=4 => WINDOW_SIZE,
            _ => 2048,
        };
        let len = rng.random_range(0..=max);
        assert_same(&sample(&mut rng, len, i as u32), "random input");
    }
}

/// Every length from 0 to one past zlib's window, each in a shape chosen
/// by length. Minutes in release mode: `make deflate-exact`.
#[test]
#[ignore]
fn every_length_matches_c_zlib() {
    let mut rng = SmallRng::seed_from_u64(4);
    for len in 0..=WINDOW_SIZE + 1 {
        assert_same(&sample(&mut rng, len, len as u32), "every length");
    }
}

/// C zlib's verdict on a whole stream: its output, if `data` is exactly one
/// valid zlib stream inflating to at most a mebibyte.
fn c_inflate(data: &[u8]) -> Option<Vec<u8>> {
    use flate2::{Decompress, FlushDecompress, Status};
    let mut d = Decompress::new(true);
    let mut out = Vec::with_capacity(super::inflate::MAX_OUTPUT + 1);
    match d.decompress_vec(data, &mut out, FlushDecompress::Finish) {
        Ok(Status::StreamEnd) if d.total_in() as usize == data.len() => Some(out),
        _ => None,
    }
}

#[test]
fn inflate_agrees_with_c_zlib_on_damaged_streams() {
    let mut rng = SmallRng::seed_from_u64(5);
    for i in 0..cases(5_000) {
        let len = rng.random_range(0..=600);
        let input = sample(&mut rng, len, i as u32);
        let mut stream = if i % 2 == 0 {
            compress(&input)
        } else {
            miniz_oxide::deflate::compress_to_vec_zlib(&input, rng.random_range(0..=10))
        };
        match rng.random_range(0..4) {
            0 => {}
            1 => {
                for _ in 0..rng.random_range(1..4) {
                    let bit = rng.random_range(0..stream.len() * 8);
                    stream[bit / 8] ^= 1 << (bit % 8);
                }
            }
            2 => stream.truncate(rng.random_range(0..stream.len())),
            _ => stream.push(rng.random()),
        }
        assert_eq!(
            decompress(&stream).ok(),
            c_inflate(&stream),
            "stream {stream:02x?}"
        );
    }
}

/// Builds 1,000 publisher tokens in `channel` with stamps seeded by `seed`
/// (the benchmarks' app ID, certificate and uid).
fn build_seeded(channel: &str, seed: u64) {
    use crate::builders::rtc_token_builder2;
    let mut rng = SmallRng::seed_from_u64(seed);
    for _ in 0..1_000 {
        let stamp =
            crate::Stamp::fixed(rng.random_range(1_700_000_000..1_800_000_000), rng.random());
        rtc_token_builder2::build_token_with_uid(
            "970CA35de60c44645bbae8a215061b33",
            "5CFd2fd1755d40ecb72977518be15d3b",
            channel,
            2_882_341_273,
            1,
            3600,
            3600,
            stamp,
        )
        .unwrap();
    }
}

/// Tokens with a short channel name, settled before any merge for depth
/// bounds.
#[test]
fn short_channel_tokens_settle_with_no_length_placed() {
    super::bound::QUICK.with(|c| c.set(0));
    build_seeded("channel-name", 13);
    let quick = super::bound::QUICK.with(|c| c.get());
    eprintln!("{quick} of 1000 settled with no length placed");
    assert!(quick >= 950, "{quick} of 1000");
}

/// The bindings' benchmark token, whose 32-hex-digit channel makes the
/// fixed codes win by a few dozen bits only.
#[test]
fn hex_channel_tokens_mostly_skip_the_trees() {
    super::trees::SETTLED.with(|c| c.set([0; 2]));
    build_seeded("7d72365eb983485397e3e3f9d460bdda", 11);
    let [blocks, settled] = super::trees::SETTLED.with(|c| c.get());
    eprintln!("{settled} of {blocks} settled");
    assert!(settled >= 950, "{settled} of {blocks} settled");
}
