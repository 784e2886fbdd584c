//! Everything the tool prints goes through here, so that no app
//! certificate can reach the terminal, even when a user puts one where a
//! token or another argument belongs and an error message echoes it.

use std::fmt::Display;
use std::io::{ErrorKind, Write};
use std::process::ExitCode;

/// Exit status when a verification ends with "does not hold".
pub const EXIT_INVALID: u8 = 1;
/// Exit status for bad input: missing credentials, bad arguments or tokens.
pub const EXIT_USAGE: u8 = 2;

/// Values that must never be printed, with what to print instead.
#[derive(Default)]
pub struct Redactor {
    secrets: Vec<String>,
}

/// Secrets shorter than this are not scrubbed: replacing a 1-character
/// "certificate" everywhere would garble the output, and such a value is
/// refused as a certificate anyway.
const MIN_SECRET_LEN: usize = 8;

impl Redactor {
    /// Collects every certificate the user handed over: `--app-certificate`
    /// values in `args` and the `AGORA_APP_CERTIFICATE` variable.
    pub fn from_env_and_args(args: &[String]) -> Self {
        let mut r = Redactor::default();
        if let Ok(v) = std::env::var(crate::credentials::CERT_ENV) {
            r.add(&v);
        }
        let mut next_is_secret = false;
        for a in args {
            if next_is_secret {
                r.add(a);
                next_is_secret = false;
            } else if a == "--app-certificate" {
                next_is_secret = true;
            } else if let Some(v) = a.strip_prefix("--app-certificate=") {
                r.add(v);
            }
        }
        r.add(crate::credentials::DEMO_APP_CERTIFICATE);
        r
    }

    fn add(&mut self, secret: &str) {
        let s = secret.trim();
        if s.len() >= MIN_SECRET_LEN {
            self.secrets.push(s.to_owned());
        }
    }

    /// `text` with every secret (in any letter case) replaced by `<redacted>`.
    pub fn scrub(&self, text: &str) -> String {
        let mut out = text.to_owned();
        for s in &self.secrets {
            out = replace_ignore_ascii_case(&out, s, "<redacted>");
        }
        out
    }

    /// Prints a line to standard output, scrubbed.
    pub fn out(&self, line: impl Display) {
        self.out_raw(&format!("{line}\n"));
    }

    /// Prints `text` as it is (no newline added) to standard output, scrubbed.
    pub fn out_raw(&self, text: &str) {
        let mut stdout = std::io::stdout().lock();
        if let Err(e) = stdout
            .write_all(self.scrub(text).as_bytes())
            .and_then(|()| stdout.flush())
        {
            write_failed(&e);
        }
    }

    /// Prints a line to standard error, scrubbed.
    pub fn err(&self, line: impl Display) {
        self.err_raw(&format!("{line}\n"));
    }

    /// Prints `text` as it is to standard error, scrubbed. A failure to
    /// write there has nowhere to be reported, so it is ignored.
    pub fn err_raw(&self, text: &str) {
        let _ = std::io::stderr().write_all(self.scrub(text).as_bytes());
    }

    /// Prints `error: message` to standard error and returns the usage exit code.
    pub fn fail(&self, message: impl Display) -> ExitCode {
        self.err(format!("error: {message}"));
        ExitCode::from(EXIT_USAGE)
    }
}

/// Ends the process after standard output failed: quietly with status 0
/// when the reader has gone (`| head`), as Unix tools do, since nobody is
/// left to read more; with a message and [`EXIT_USAGE`] for any other
/// failure (a full disk, a closed descriptor), so that no output is lost
/// unnoticed.
fn write_failed(e: &std::io::Error) -> ! {
    if e.kind() == ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    let _ = writeln!(
        std::io::stderr(),
        "error: cannot write to standard output: {e}"
    );
    std::process::exit(i32::from(EXIT_USAGE));
}

fn replace_ignore_ascii_case(haystack: &str, needle: &str, with: &str) -> String {
    let lower_h = haystack.to_ascii_lowercase();
    let lower_n = needle.to_ascii_lowercase();
    let mut out = String::with_capacity(haystack.len());
    let mut last = 0;
    for (i, _) in lower_h.match_indices(&lower_n) {
        if i < last {
            continue;
        }
        out.push_str(&haystack[last..i]);
        out.push_str(with);
        last = i + needle.len();
    }
    out.push_str(&haystack[last..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scrubs_in_any_case() {
        let mut r = Redactor::default();
        r.add("5CFD2FD1755D40ECB72977518BE15D3B");
        assert_eq!(
            r.scrub("x 5cfd2fd1755d40ecb72977518be15d3b y 5CFD2FD1755D40ECB72977518BE15D3B"),
            "x <redacted> y <redacted>"
        );
    }

    #[test]
    fn short_values_are_left_alone() {
        let mut r = Redactor::default();
        r.add("1");
        assert_eq!(r.scrub("1 2 3"), "1 2 3");
    }
}
