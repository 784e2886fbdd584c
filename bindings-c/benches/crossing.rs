//! What the C boundary costs: the same call straight into the core and
//! through its C export, in one criterion run (`make crossing`; figures in
//! BENCHMARKS.md). The export does everything a C caller gets: NUL-terminated
//! UTF-8 checks, the stamp, a heap copy of the token for C, the panic guard,
//! and the caller's `rtctoken_string_free` / `rtctoken_token_free`.

use std::ffi::{CStr, CString};
use std::hint::black_box;
use std::ptr;

use criterion::{criterion_group, criterion_main, Criterion};
use rtctoken::calls::rtctoken_rtc_token_builder2_build_token_with_uid;
use rtctoken::input::rtctoken_stamp;
use rtctoken::output::rtctoken_string_free;
use rtctoken::status::rtctoken_status;
use rtctoken::token::{rtctoken_parse, rtctoken_token_free};
use rtctoken_core::builders::rtc_token_builder2;
use rtctoken_core::Stamp;

// The core's criterion inputs (`cargo bench -p rtctoken`).
const APP_ID: &CStr = c"970CA35de60c44645bbae8a215061b33";
const CERT: &CStr = c"5CFd2fd1755d40ecb72977518be15d3b";
const CHANNEL: &CStr = c"channel-name";
const UID: u32 = 2882341273;
const STAMP: rtctoken_stamp = rtctoken_stamp {
    issue_ts: 1700000000,
    salt: 12345,
};

fn text(s: &'static CStr) -> &'static str {
    s.to_str().expect("UTF-8")
}

// Each measured operation is one non-inlined function, so that callgrind
// can count its instructions per call (see BENCHMARKS.md).

fn core_token() -> String {
    rtc_token_builder2::build_token_with_uid(
        text(APP_ID),
        text(CERT),
        text(CHANNEL),
        UID,
        rtc_token_builder2::ROLE_PUBLISHER,
        3600,
        3600,
        Stamp::fixed(STAMP.issue_ts, STAMP.salt),
    )
    .expect("core build")
}

#[inline(never)]
fn core_build() {
    black_box(core_token());
}

/// The C export, as a C caller uses it, freeing the token afterwards.
#[inline(never)]
fn c_build() {
    let mut out = ptr::null_mut();
    unsafe {
        let status = rtctoken_rtc_token_builder2_build_token_with_uid(
            black_box(APP_ID.as_ptr()),
            black_box(CERT.as_ptr()),
            black_box(CHANNEL.as_ptr()),
            UID,
            1,
            3600,
            3600,
            &STAMP,
            &mut out,
        );
        assert_eq!(status, rtctoken_status::RTCTOKEN_OK);
        rtctoken_string_free(black_box(out));
    }
}

#[inline(never)]
fn core_parse(token: &str) {
    black_box(rtctoken_core::parse(black_box(token)).expect("parse"));
}

#[inline(never)]
fn c_parse(token: &CStr) {
    unsafe {
        let mut handle = ptr::null_mut();
        let status = rtctoken_parse(black_box(token.as_ptr()), &mut handle);
        assert_eq!(status, rtctoken_status::RTCTOKEN_OK);
        rtctoken_token_free(black_box(handle));
    }
}

fn crossing(c: &mut Criterion) {
    let token = core_token();
    let c_token = CString::new(token.clone()).expect("no NUL");

    let mut g = c.benchmark_group("007 build_token_with_uid, fixed stamp");
    g.bench_function("core", |b| b.iter(core_build));
    g.bench_function("C export", |b| b.iter(c_build));
    g.finish();

    let mut g = c.benchmark_group("007 parse");
    g.bench_function("core", |b| b.iter(|| core_parse(&token)));
    g.bench_function("C export (rtctoken_parse + rtctoken_token_free)", |b| {
        b.iter(|| c_parse(&c_token))
    });
    g.finish();
}

criterion_group!(benches, crossing);
criterion_main!(benches);
