//! Prints a 007 RTC publisher token for one channel and uid.
//!
//! `AGORA_APP_ID=... AGORA_APP_CERTIFICATE=... cargo run --release --example rtc_token -- [channel] [uid]`

use rtctoken::builders::rtc_token_builder2;
use rtctoken::Stamp;

fn main() {
    let var = |name: &str| {
        std::env::var(name).unwrap_or_else(|_| {
            eprintln!(
                "set {name} (your project's App ID and primary App Certificate from the console)"
            );
            std::process::exit(2)
        })
    };
    let (app_id, certificate) = (var("AGORA_APP_ID"), var("AGORA_APP_CERTIFICATE"));
    let mut args = std::env::args().skip(1);
    let channel = args.next().unwrap_or_else(|| "demo".to_owned());
    let uid: u32 = args
        .next()
        .map_or(Ok(0), |u| u.parse())
        .unwrap_or_else(|_| {
            eprintln!("uid must be a number in 0..=4294967295");
            std::process::exit(2)
        });
    let token = rtc_token_builder2::build_token_with_uid(
        &app_id,
        &certificate,
        &channel,
        uid,
        rtc_token_builder2::ROLE_PUBLISHER,
        3600,
        3600,
        Stamp::default(),
    );
    match token {
        Ok(t) => println!("{t}"),
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2)
        }
    }
}
