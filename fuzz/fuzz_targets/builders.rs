//! Every builder through the catalogue's JSON argument decoding
//! (`catalogue::call_json`, the vector case shape `{"call", "args"}`): no
//! panic, short errors, and every token built parses back, inspects and
//! verifies.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rtctoken::catalogue::call_json;
use rtctoken::inspect::inspect;
use rtctoken::{access_token, parse, verify, VerifyInput};
use rtctoken_fuzz::check_error;
use serde_json::Value;

/// The channel and uid text a built token verifies with, for the calls
/// whose arguments name them one way.
fn input(call: &str, a: &Value) -> Option<(String, String)> {
    let s = |k: &str| a[k].as_str().map(str::to_owned);
    let uid = || a["uid"].as_u64().map(|u| u.to_string());
    Some(match call.split('.').next()? {
        "dynamic_key" | "dynamic_key2" | "dynamic_key3" | "dynamic_key4" | "dynamic_key5" => {
            (s("channel_name")?, uid().unwrap_or_default())
        }
        "signaling_token" => (String::new(), s("account")?),
        "access_token" => (s("channel_name")?, s("uid")?),
        "rtc_token_builder" => (
            s("channel_name")?,
            s("account").or_else(|| {
                Some(access_token::uid_text(
                    u32::try_from(a["uid"].as_u64()?).ok()?,
                ))
            })?,
        ),
        _ => return None,
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(case) = serde_json::from_slice::<Value>(data) else {
        return;
    };
    let (Some(call), args) = (case["call"].as_str(), &case["args"]) else {
        return;
    };
    let token = match call_json(call, args) {
        Ok(token) => token,
        Err(e) => return check_error(&e),
    };
    let parsed =
        parse(&token).unwrap_or_else(|e| panic!("{call} built {token} that parse refuses: {e}"));
    inspect(&token, Some(0)).expect("what parses inspects");
    let cert = args["app_certificate"].as_str().expect("it built");
    let holds = |channel: Option<&str>, uid: Option<&str>| {
        let input = VerifyInput {
            channel_name: channel,
            uid,
        };
        verify(&token, &[cert], &input)
            .unwrap_or_else(|e| panic!("{call}: {token} does not verify: {e}"))
            .is_valid()
    };
    if parsed.version() == "007" {
        assert!(holds(None, None), "{call}: {token}");
    } else if let Some((channel, uid)) = input(call, args) {
        assert!(holds(Some(&channel), Some(&uid)), "{call}: {token}");
    }
});
