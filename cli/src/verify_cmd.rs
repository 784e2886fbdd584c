//! `rtctoken verify`: does the signature hold for these certificates (and
//! this channel and uid), and if not, why. Certificates are named by their
//! position only.

use std::process::ExitCode;

use clap::Args;
use rtctoken::inspect::{explain_verification, inspect};
use rtctoken::{AppCertificate, ErrorKind, VerifyInput};

use crate::credentials::{demo_note, guidance, CERT_ENV, DEMO_APP_CERTIFICATE};
use crate::inspect_cmd::{damage_hint, token_arg};
use crate::output::{Redactor, EXIT_INVALID};

/// `rtctoken verify`.
#[derive(Args, Debug)]
pub struct VerifyArgs {
    /// The token; "-" reads it from standard input.
    pub token: String,

    /// Certificate to check; repeat it to check the primary and the
    /// secondary certificate during rotation. Never printed.
    #[arg(long, value_name = "CERT", env = CERT_ENV, hide_env_values = true)]
    pub app_certificate: Vec<String>,

    /// Check against the public DEMO certificate (tokens made with --demo).
    #[arg(long)]
    pub demo: bool,

    /// Channel name: 006 and dynamic keys sign it without carrying it; for
    /// 007 it is compared with the token's.
    #[arg(long)]
    pub channel: Option<String>,

    /// Uid or account (006: 0 or "" for any user; signaling: the account).
    #[arg(long)]
    pub uid: Option<String>,

    /// Judge expiry as of this Unix time instead of now.
    #[arg(long, value_name = "UNIX_TS")]
    pub now: Option<u32>,

    /// Print the result as JSON: {"valid", "matched", "certificates", "reasons", "notes"}.
    #[arg(long)]
    pub json: bool,
}

fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (1, r) if r != 11 => "st",
        (2, r) if r != 12 => "nd",
        (3, r) if r != 13 => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// Runs `rtctoken verify`.
pub fn run(r: &Redactor, a: &VerifyArgs) -> ExitCode {
    let certs: Vec<&str> = if a.demo {
        r.err(demo_note());
        vec![DEMO_APP_CERTIFICATE]
    } else {
        a.app_certificate
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .collect()
    };
    if certs.is_empty() {
        return r.fail(guidance("app certificate").replace(
            "--app-id <ID> and --app-certificate <CERT>, or set AGORA_APP_ID and",
            "--app-certificate <CERT> (repeat it for a second one), or set",
        ));
    }
    for (n, c) in certs.iter().enumerate() {
        if let Err(e) = AppCertificate::new(c) {
            return r.fail(format!(
                "--app-certificate (the {} given): {}",
                ordinal(n + 1),
                e.message()
            ));
        }
    }
    let token = match token_arg(&a.token) {
        Ok(t) => t,
        Err(msg) => return r.fail(msg),
    };
    let input = VerifyInput {
        channel_name: a.channel.as_deref(),
        uid: a.uid.as_deref(),
    };
    let report = match explain_verification(&token, &certs, &input) {
        Ok(rep) => rep,
        Err(e) if e.kind() == ErrorKind::MissingInput => {
            let flag = if e.field() == Some("channel_name") {
                "--channel"
            } else {
                "--uid"
            };
            return r.fail(format!("{flag}: {}", e.message()));
        }
        Err(e) if e.kind() == ErrorKind::InvalidArgument => {
            return r.fail(format!("--uid: {}", e.message()))
        }
        Err(e) => {
            return r.fail(format!(
                "token: {} ({}){}",
                e.message(),
                e.kind(),
                damage_hint(&token)
            ))
        }
    };
    if a.json {
        let mut v = serde_json::to_value(&report).expect("report serialises");
        v["valid"] = serde_json::Value::Bool(report.is_valid());
        r.out(v);
    } else {
        for n in &report.notes {
            r.err(format!("note: {n}"));
        }
        match report.matched {
            Some(i) => r.out(format!(
                "signature: holds for the {} certificate given (of {})",
                ordinal(i + 1),
                report.certificates
            )),
            None => r.out("signature: does not hold"),
        }
        if let Ok(i) = inspect(&token, a.now) {
            let expiry = i
                .expires
                .as_ref()
                .map_or_else(|| "no expiry".to_owned(), |t| t.relative.clone());
            r.out(format!("token: {}, {expiry}", i.format));
            for d in &i.diagnostics {
                r.err(format!(
                    "{}[{}] {}: {}",
                    d.severity.as_str(),
                    d.code,
                    d.field,
                    d.message
                ));
            }
        }
        if report.is_valid() {
            r.out("valid");
        } else {
            for reason in &report.reasons {
                r.out(format!("invalid: {reason}"));
            }
        }
    }
    if report.is_valid() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_INVALID)
    }
}
