//! `rtctoken inspect`: one token as text or JSON, or a file of tokens as
//! JSON lines (the cross-language comparison format).

use std::io::{BufRead, Read};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use rtctoken::inspect::{inspect, inspect_json};

use crate::output::Redactor;
use crate::render::render;

/// `rtctoken inspect`.
#[derive(Args, Debug)]
pub struct InspectArgs {
    /// The token; "-" reads it from standard input.
    #[arg(required_unless_present = "batch", conflicts_with = "batch")]
    pub token: Option<String>,

    /// Print the documented JSON object (cli/SCHEMA.md) instead of text.
    #[arg(long)]
    pub json: bool,

    /// Compute relative times and diagnostics as of this Unix time, not now.
    #[arg(long, value_name = "UNIX_TS")]
    pub now: Option<u32>,

    /// Inspect every line of FILE ("-" = standard input) and print one JSON
    /// line per token: {"token": T, "inspect": {...}} or {"token": T, "error": KIND}.
    /// Empty lines are skipped.
    #[arg(long, value_name = "FILE")]
    pub batch: Option<PathBuf>,
}

/// The token argument, read from standard input for "-", without the
/// surrounding whitespace and quotes a copy-paste brings along.
pub fn token_arg(token: &str) -> Result<String, String> {
    let mut s = String::new();
    let raw = if token == "-" {
        std::io::stdin()
            .read_to_string(&mut s)
            .map_err(|e| format!("token: cannot read standard input: {e}"))?;
        s.as_str()
    } else {
        token
    };
    Ok(raw.trim().trim_matches(['"', '\'']).trim().to_owned())
}

/// Why a token that does not decode may have been damaged in transit.
pub fn damage_hint(token: &str) -> &'static str {
    if token.contains('%') {
        "; it looks URL-encoded (%2B is +, %2F is /, %3D is =): decode it first"
    } else if token.contains(' ') {
        "; it contains a space: URL or form decoding probably turned a + into a space"
    } else {
        "; is it the whole token, copied without line breaks?"
    }
}

/// One JSON line of the batch format.
pub fn batch_line(token: &str, now: Option<u32>) -> String {
    let t = serde_json::to_string(token).expect("a string serialises");
    match inspect_json(token, now) {
        Ok(json) => format!("{{\"token\":{t},\"inspect\":{json}}}"),
        Err(e) => format!("{{\"token\":{t},\"error\":\"{}\"}}", e.kind().as_str()),
    }
}

fn batch(r: &Redactor, file: &PathBuf, now: Option<u32>) -> ExitCode {
    let reader: Box<dyn BufRead> = if file.as_os_str() == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        match std::fs::File::open(file) {
            Ok(f) => Box::new(std::io::BufReader::new(f)),
            Err(e) => return r.fail(format!("--batch {}: {e}", file.display())),
        }
    };
    for line in reader.lines() {
        let line = match line {
            Ok(l) => l,
            Err(e) => return r.fail(format!("--batch {}: {e}", file.display())),
        };
        let token = line.strip_suffix('\r').unwrap_or(&line);
        if token.is_empty() {
            continue;
        }
        r.out(batch_line(token, now));
    }
    ExitCode::SUCCESS
}

/// Runs `rtctoken inspect`.
pub fn run(r: &Redactor, a: &InspectArgs) -> ExitCode {
    if let Some(file) = &a.batch {
        return batch(r, file, a.now);
    }
    let token = match token_arg(a.token.as_deref().unwrap_or("-")) {
        Ok(t) => t,
        Err(msg) => return r.fail(msg),
    };
    let result = if a.json {
        inspect_json(&token, a.now)
    } else {
        inspect(&token, a.now).map(|i| render(&i))
    };
    match result {
        Ok(text) => {
            r.out(text);
            ExitCode::SUCCESS
        }
        Err(e) => r.fail(format!(
            "token: {} ({}){}",
            e.message(),
            e.kind(),
            damage_hint(&token)
        )),
    }
}
