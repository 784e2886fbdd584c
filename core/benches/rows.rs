//! The operations BENCHMARKS.md reports, shared by the criterion bench
//! (`benches/tokens.rs`) and the callgrind driver (`examples/hot_paths.rs`).

use std::hint::black_box;

use rtctoken::builders::{rtc_token_builder, rtc_token_builder2};
use rtctoken::legacy::dynamic_key5;
use rtctoken::{verify, Stamp, VerifyInput};

pub const APP_ID: &str = "970CA35de60c44645bbae8a215061b33";
pub const CERT: &str = "5CFd2fd1755d40ecb72977518be15d3b";

/// The channel of the bindings' side-by-side benchmarks: 32 hex digits,
/// over which the fixed codes win by a few dozen bits only.
pub const HEX_CHANNEL: &str = "7d72365eb983485397e3e3f9d460bdda";

/// 007 RTC publisher token; `Stamp::default()` is production (clock and a
/// fresh salt, so deflate sees new input every call).
pub fn build_007(stamp: Stamp) -> String {
    build_007_in("channel-name", stamp)
}

/// [`build_007`] in another channel.
pub fn build_007_in(channel: &str, stamp: Stamp) -> String {
    rtc_token_builder2::build_token_with_uid(
        black_box(APP_ID),
        CERT,
        channel,
        2_882_341_273,
        rtc_token_builder2::ROLE_PUBLISHER,
        3600,
        3600,
        stamp,
    )
    .unwrap()
}

/// The stamp of the fixed-input rows.
pub fn fixed_stamp() -> Stamp {
    Stamp::fixed(1_700_000_000, 12345)
}

/// Parses and verifies a 007 token against the certificate.
pub fn verify_007(token: &str) {
    verify(black_box(token), &[CERT], &VerifyInput::default()).unwrap();
}

pub fn dynamic_key5() -> String {
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
}

pub fn build_006() -> String {
    rtc_token_builder::build_token_with_uid(
        black_box(APP_ID),
        CERT,
        "channel-name",
        2_882_341_273,
        rtc_token_builder::ROLE_PUBLISHER,
        1_700_003_600,
        fixed_stamp(),
    )
    .unwrap()
}
