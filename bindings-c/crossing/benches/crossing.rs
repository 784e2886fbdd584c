//! What the C boundary costs: the same call straight into the core and
//! through librtctoken.so's C export, interleaved in one process and timed
//! with this thread's CPU clock (the machine is shared, so wall time would
//! count other processes). Each round times a batch of core calls and a
//! batch of C calls, alternating which goes first; the table gives the
//! median per-call time of each side and the median of the per-round
//! differences (binding minus core). Nothing here asserts on time.
//!
//! `make -C bindings-c crossing [ROUNDS=n BATCH=n]`; figures in
//! `bindings-c/BENCHMARKS.md`.

use std::ffi::{c_char, c_int, CStr, CString};
use std::hint::black_box;
use std::ptr;

use rtctoken::builders::rtc_token_builder2;
use rtctoken::{Stamp, VerifyInput};

/// The C ABI as `include/rtctoken.h` declares it (the few calls measured).
mod c {
    use std::ffi::{c_char, c_int};

    #[repr(C)]
    pub struct Stamp {
        pub issue_ts: u32,
        pub salt: u32,
    }

    #[repr(C)]
    #[derive(Default)]
    pub struct Verification {
        pub valid: bool,
        pub matched_index: usize,
    }

    pub enum Token {}

    #[link(name = "rtctoken")]
    extern "C" {
        pub fn rtctoken_rtc_token_builder2_build_token_with_uid(
            app_id: *const c_char,
            app_certificate: *const c_char,
            channel_name: *const c_char,
            uid: u32,
            role: i32,
            token_expire: u32,
            privilege_expire: u32,
            stamp: *const Stamp,
            token_out: *mut *mut c_char,
        ) -> c_int;
        pub fn rtctoken_string_free(s: *mut c_char);
        pub fn rtctoken_parse(token: *const c_char, token_out: *mut *mut Token) -> c_int;
        pub fn rtctoken_token_free(token: *mut Token);
        pub fn rtctoken_token_app_id(token: *const Token) -> *const c_char;
        pub fn rtctoken_token_number(
            token: *const Token,
            field: *const c_char,
            value_out: *mut u32,
        ) -> c_int;
        pub fn rtctoken_token_service_count(token: *const Token) -> usize;
        pub fn rtctoken_token_service_type(
            token: *const Token,
            service_index: usize,
            type_out: *mut u16,
        ) -> c_int;
        pub fn rtctoken_token_service_text(
            token: *const Token,
            service_index: usize,
            field: *const c_char,
            value_out: *mut *const c_char,
            length_out: *mut usize,
        ) -> c_int;
        pub fn rtctoken_verify(
            token: *const c_char,
            certificates: *const *const c_char,
            certificate_count: usize,
            channel_name: *const c_char,
            uid: *const c_char,
            result_out: *mut Verification,
        ) -> c_int;
    }
}

// The core's criterion inputs (`cargo bench -p rtctoken`).
const APP_ID: &CStr = c"970CA35de60c44645bbae8a215061b33";
const CERT: &CStr = c"5CFd2fd1755d40ecb72977518be15d3b";
const CHANNEL: &CStr = c"channel-name";
const UID: u32 = 2882341273;
const STAMP: c::Stamp = c::Stamp {
    issue_ts: 1700000000,
    salt: 12345,
};

fn text(s: &'static CStr) -> &'static str {
    s.to_str().expect("UTF-8")
}

fn ok(status: c_int) {
    assert_eq!(status, 0, "C call failed");
}

// Each measured operation is one non-inlined function, so that callgrind
// can count its instructions per call (see BENCHMARKS.md).

#[inline(never)]
fn core_build() -> String {
    rtc_token_builder2::build_token_with_uid(
        black_box(text(APP_ID)),
        black_box(text(CERT)),
        black_box(text(CHANNEL)),
        UID,
        rtc_token_builder2::ROLE_PUBLISHER,
        3600,
        3600,
        Stamp::fixed(STAMP.issue_ts, STAMP.salt),
    )
    .expect("core build")
}

/// The C export as a C caller uses it, freeing the token afterwards.
#[inline(never)]
fn c_build() {
    let mut out = ptr::null_mut();
    unsafe {
        ok(c::rtctoken_rtc_token_builder2_build_token_with_uid(
            black_box(APP_ID.as_ptr()),
            black_box(CERT.as_ptr()),
            black_box(CHANNEL.as_ptr()),
            UID,
            1,
            3600,
            3600,
            &STAMP,
            &mut out,
        ));
        c::rtctoken_string_free(black_box(out));
    }
}

#[inline(never)]
fn core_parse(token: &str) {
    black_box(rtctoken::parse(black_box(token)).expect("parse"));
}

#[inline(never)]
fn c_parse(token: &CStr) {
    unsafe {
        let mut handle = ptr::null_mut();
        ok(c::rtctoken_parse(black_box(token.as_ptr()), &mut handle));
        c::rtctoken_token_free(black_box(handle));
    }
}

/// What a caller reads after parsing a 007 RTC token: app ID, issue time,
/// and each service's type, channel and uid.
#[inline(never)]
fn core_read(token: &str) {
    let Ok(rtctoken::Token::AccessToken2(t)) = rtctoken::parse(black_box(token)) else {
        panic!("a 007 token");
    };
    black_box((t.app_id.as_str(), t.issue_ts));
    for s in &t.services {
        let rtctoken::access_token2::ServiceFields::Rtc { channel_name, uid } = &s.fields else {
            panic!("an RTC service");
        };
        black_box((s.type_id(), channel_name.as_str(), uid.as_str()));
    }
}

#[inline(never)]
fn c_read(token: &CStr) {
    unsafe {
        let mut handle = ptr::null_mut();
        ok(c::rtctoken_parse(black_box(token.as_ptr()), &mut handle));
        let (mut issue_ts, mut ty, mut text, mut len) = (0, 0, ptr::null(), 0);
        black_box(c::rtctoken_token_app_id(handle));
        ok(c::rtctoken_token_number(
            handle,
            c"issue_ts".as_ptr(),
            &mut issue_ts,
        ));
        for i in 0..c::rtctoken_token_service_count(handle) {
            ok(c::rtctoken_token_service_type(handle, i, &mut ty));
            for field in [c"channel_name", c"uid"] {
                ok(c::rtctoken_token_service_text(
                    handle,
                    i,
                    field.as_ptr(),
                    &mut text,
                    &mut len,
                ));
                black_box((ty, text, len));
            }
        }
        black_box(issue_ts);
        c::rtctoken_token_free(handle);
    }
}

#[inline(never)]
fn core_verify(token: &str) {
    let v = rtctoken::verify(black_box(token), &[text(CERT)], &VerifyInput::default());
    assert!(v.expect("verify").is_valid());
}

#[inline(never)]
fn c_verify(token: &CStr) {
    let certs: [*const c_char; 1] = [CERT.as_ptr()];
    let mut result = c::Verification::default();
    unsafe {
        ok(c::rtctoken_verify(
            black_box(token.as_ptr()),
            certs.as_ptr(),
            1,
            ptr::null(),
            ptr::null(),
            &mut result,
        ));
    }
    assert!(result.valid);
}

/// This thread's CPU time, in nanoseconds.
fn thread_cpu_ns() -> u64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // Cannot fail for this clock on Linux.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    ts.tv_sec as u64 * 1_000_000_000 + ts.tv_nsec as u64
}

/// Per-call time of `batch` calls of `f`, in microseconds.
fn time(batch: u32, f: &mut dyn FnMut()) -> f64 {
    let start = thread_cpu_ns();
    for _ in 0..batch {
        f();
    }
    (thread_cpu_ns() - start) as f64 / f64::from(batch) / 1000.0
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// One table row: core and C interleaved over `rounds` rounds.
fn row(name: &str, rounds: u32, batch: u32, core: &mut dyn FnMut(), c: &mut dyn FnMut()) {
    let (mut cores, mut cs, mut diffs) = (Vec::new(), Vec::new(), Vec::new());
    for round in 0..rounds {
        let (k, b) = if round % 2 == 0 {
            let k = time(batch, core);
            (k, time(batch, c))
        } else {
            let b = time(batch, c);
            (time(batch, core), b)
        };
        cores.push(k);
        cs.push(b);
        diffs.push(b - k);
    }
    println!(
        "| {name} | {:.3} µs | {:.3} µs | {:+.3} µs |",
        median(cores),
        median(cs),
        median(diffs)
    );
}

fn main() {
    let arg = |name: &str, default: u32| {
        std::env::var(name)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let (rounds, batch) = (arg("ROUNDS", 101), arg("BATCH", 2000));
    let token = core_build();
    let c_token = CString::new(token.clone()).expect("no NUL");
    println!("{rounds} rounds of {batch} calls per side, thread CPU time\n");
    println!("| operation | core | C export | binding minus core |");
    println!("|---|---|---|---|");
    row(
        "007 `rtc_token_builder2.build_token_with_uid`, fixed stamp",
        rounds,
        batch,
        &mut || {
            black_box(core_build());
        },
        &mut c_build,
    );
    row(
        "007 parse (`rtctoken_parse` + `rtctoken_token_free`)",
        rounds,
        batch,
        &mut || core_parse(&token),
        &mut || c_parse(&c_token),
    );
    row(
        "007 parse + read app ID, issue_ts, each service's type, channel, uid",
        rounds,
        batch,
        &mut || core_read(&token),
        &mut || c_read(&c_token),
    );
    row(
        "007 verify, one certificate (`rtctoken_verify`)",
        rounds,
        batch,
        &mut || core_verify(&token),
        &mut || c_verify(&c_token),
    );
}
