//! Criterion benchmarks of the hot paths: 007 RTC build, 007 parse+verify,
//! DynamicKey5 and 006 RTC. Results go to BENCHMARKS.md.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use rtctoken::{parse, Stamp};

mod rows;

fn tokens(c: &mut Criterion) {
    c.bench_function("007 rtc build_token_with_uid", |b| {
        b.iter(|| rows::build_007(rows::fixed_stamp()))
    });
    c.bench_function("007 rtc build_token_with_uid, fresh stamp", |b| {
        b.iter(|| rows::build_007(Stamp::default()))
    });
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

criterion_group!(benches, tokens);
criterion_main!(benches);
