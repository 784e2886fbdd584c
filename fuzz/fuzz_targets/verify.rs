//! `verify` and `explain_verification` on `certificate \n token \n channel
//! \n uid`: no panic, short errors, and the explanation agrees with the
//! verdict.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rtctoken::inspect::explain_verification;
use rtctoken::{verify, VerifyInput};
use rtctoken_fuzz::{check_error, text, OTHER_CERT};

fuzz_target!(|data: &[u8]| {
    let Some(text) = text(data) else { return };
    let mut lines = text.splitn(4, '\n');
    let (Some(cert), Some(token)) = (lines.next(), lines.next()) else {
        return;
    };
    let input = VerifyInput {
        channel_name: lines.next(),
        uid: lines.next(),
    };
    let certs = [OTHER_CERT, cert];
    match verify(token, &certs, &input) {
        Ok(v) => {
            let report = explain_verification(token, &certs, &input).expect("verify decoded it");
            if v.is_valid() {
                assert_eq!(report.matched, v.matched);
            }
            for r in report.reasons.iter().chain(&report.notes) {
                assert!(!r.contains(cert) || cert.len() < 8, "certificate in {r}");
            }
        }
        Err(e) => check_error(&e),
    }
});
