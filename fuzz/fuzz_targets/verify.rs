//! `verify` and `explain_verification` on `certificate \n token \n channel
//! \n uid`: no panic, short errors, the explanation agrees with the
//! verdict, and `verify` (which reads a 007 token in place) answers as the
//! parsed token's check does.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rtctoken::inspect::explain_verification;
use rtctoken::{parse, verify, verify_parsed, AppCertificate, VerifyInput};
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
    let verdict = verify(token, &certs, &input);
    // Certificates are checked before the token, by both.
    let parsed = AppCertificate::new(cert)
        .and_then(|_| parse(token))
        .and_then(|t| verify_parsed(&t, &certs, &input));
    assert_eq!(verdict, parsed);
    match verdict {
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
