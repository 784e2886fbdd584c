//! `parse` on any text: no panic, short errors, and for the text formats
//! (v1–v4, signaling) only the one spelling the builders write, so that a
//! parsed key written back is the very text that was parsed.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rtctoken::{parse, Token};
use rtctoken_fuzz::{check_error, text};

fuzz_target!(|data: &[u8]| {
    let Some(token) = text(data) else { return };
    match parse(token) {
        Ok(t) => {
            let _ = t.to_json();
            match &t {
                Token::DynamicKey(k) => {
                    let mut s = format!(
                        "{}{}{:010}{:08x}",
                        k.signature, k.app_id, k.unix_ts, k.random_int
                    );
                    if let Some(uid) = k.uid {
                        s += &format!("{uid:010}");
                    }
                    if let Some(ts) = k.expired_ts {
                        s += &format!("{ts:010}");
                    }
                    let prefix = if k.version >= 3 { t.version() } else { "" };
                    assert_eq!(format!("{prefix}{s}"), token);
                }
                Token::Signaling(k) => {
                    let s = format!("1:{}:{}:{}", k.app_id, k.expired_ts, k.signature);
                    assert_eq!(s, token);
                }
                _ => {}
            }
        }
        Err(e) => check_error(&e),
    }
});
