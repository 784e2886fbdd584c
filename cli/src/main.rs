//! `rtctoken`: generate, inspect, verify and diagnose Agora-compatible
//! tokens from the command line, so that "invalid token" can be answered in
//! one command instead of by decoding a token by hand.

mod credentials;
mod generate;
mod inspect_cmd;
mod legacy;
mod output;
mod render;
mod verify_cmd;

use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};
use clap_complete::Shell;

use output::Redactor;

const EXAMPLES: &str = "\
Examples:
  rtctoken rtc --demo --channel demo --uid 42         # a token at once, with sample credentials
  export AGORA_APP_ID=... AGORA_APP_CERTIFICATE=...   # your own credentials
  rtctoken rtc --channel room1 --account alice --expire 600
  rtctoken inspect 007eJxTY...                         # what is inside, and what looks wrong
  rtctoken verify 007eJxTY... --app-certificate \"$OLD\" --app-certificate \"$NEW\"

Exit status: 0 success (or the reader of the output went away), 1 verification failed,
2 bad input, missing credentials, or output that cannot be written.";

/// The command line.
#[derive(Parser, Debug)]
#[command(
    name = "rtctoken",
    version,
    about = "Generate, inspect, verify and diagnose Agora-compatible tokens (DynamicKey v1-v5, signaling, 006, 007).",
    after_help = EXAMPLES,
    propagate_version = true
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// RTC token (007): join a channel, optionally publish, optionally with RTM login.
    #[command(
        after_help = "Example:\n  rtctoken rtc --demo --channel demo --uid 42\n  rtctoken rtc --channel room1 --account alice --role subscriber --expire 600\n  rtctoken rtc --channel room1 --uid 42 --rtm-user-id alice --rtm-expire 3600"
    )]
    Rtc(generate::RtcArgs),
    /// RTM token (007): login, or RTM2 login with per-resource permissions.
    #[command(
        after_help = "Example:\n  rtctoken rtm --demo --user-id alice\n  rtctoken rtm --demo --user-id alice --permission message_channel:write:lobby --permission user:read:bob"
    )]
    Rtm(generate::RtmArgs),
    /// Chat token (007) for a user, or for the app (administration).
    #[command(
        after_help = "Example:\n  rtctoken chat --demo --user-id alice\n  rtctoken chat --demo --app --expire 600"
    )]
    Chat(generate::ChatArgs),
    /// Flexible Classroom (Education) token (007): room user, user or app.
    #[command(
        after_help = "Example:\n  rtctoken education --demo --room-uuid room1 --user-uuid alice --role 2\n  rtctoken education --demo --user-uuid alice\n  rtctoken education --demo --app"
    )]
    Education(generate::ApaasArgs),
    /// APaaS token (007): the same tokens as `education`, under the APaaS name.
    #[command(
        after_help = "Example:\n  rtctoken apaas --demo --room-uuid room1 --user-uuid alice --role 1\n  rtctoken apaas --demo --app"
    )]
    Apaas(generate::ApaasArgs),
    /// FPA (full-path acceleration) token (007): login, valid 24 h.
    #[command(after_help = "Example:\n  rtctoken fpa --demo")]
    Fpa(generate::FpaArgs),
    /// Conversational AI agent token (007): RTC + RTM login + the ConvoAI service.
    #[command(
        after_help = "Example:\n  rtctoken convoai --demo --channel demo --uid 1001 --rtm-user-id agent-1001"
    )]
    Convoai(generate::AgentArgs),
    /// Speech-to-text agent token (007): RTC + RTM login + the STT service.
    #[command(
        after_help = "Example:\n  rtctoken stt --demo --channel demo --uid 2001 --rtm-user-id stt-2001"
    )]
    Stt(generate::AgentArgs),
    /// Older formats: DynamicKey v1-v5, the signaling token, AccessToken 006.
    #[command(
        subcommand,
        after_help = "Example:\n  rtctoken legacy dynamic-key4 --demo --channel demo --uid 42\n  rtctoken legacy rtc-006 --demo --channel demo --uid 42"
    )]
    Legacy(legacy::Legacy),
    /// Decode any token: every field, services and privileges by name, times, diagnostics.
    #[command(
        after_help = "Example:\n  rtctoken inspect \"$(rtctoken rtc --demo --channel demo --uid 42)\"\n  rtctoken inspect 007eJxTY... --json --now 1800000000\n  rtctoken inspect --json --now 1800000000 --batch tokens.txt   # one JSON line per token"
    )]
    Inspect(inspect_cmd::InspectArgs),
    /// Check a token's signature against one or more certificates (exit 0 holds, 1 not).
    #[command(
        after_help = "Example:\n  rtctoken verify 007eJxTY... --app-certificate \"$PRIMARY\" --app-certificate \"$SECONDARY\"\n  rtctoken verify 006970CA... --demo --channel demo --uid 42"
    )]
    Verify(verify_cmd::VerifyArgs),
    /// Print a shell completion script.
    #[command(
        after_help = "Example:\n  rtctoken completions bash > /etc/bash_completion.d/rtctoken\n  rtctoken completions zsh > \"${fpath[1]}/_rtctoken\""
    )]
    Completions {
        /// The shell to complete for.
        #[arg(value_enum)]
        shell: Shell,
    },
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args_os()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let r = Redactor::from_env_and_args(&args);
    let cli = match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(e) => {
            let text = e.render().to_string();
            if e.use_stderr() {
                r.err_raw(&text);
            } else {
                r.out_raw(&text);
            }
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(output::EXIT_USAGE));
        }
    };
    match cli.command {
        Command::Rtc(a) => generate::rtc(&r, &a),
        Command::Rtm(a) => generate::rtm(&r, &a),
        Command::Chat(a) => generate::chat(&r, &a),
        Command::Education(a) => generate::apaas(&r, &a, generate::Classroom::Education),
        Command::Apaas(a) => generate::apaas(&r, &a, generate::Classroom::Apaas),
        Command::Fpa(a) => generate::fpa(&r, &a),
        Command::Convoai(a) => generate::agent(&r, &a, generate::Agent::ConvoAi),
        Command::Stt(a) => generate::agent(&r, &a, generate::Agent::Stt),
        Command::Legacy(l) => legacy::run(&r, &l),
        Command::Inspect(a) => inspect_cmd::run(&r, &a),
        Command::Verify(a) => verify_cmd::run(&r, &a),
        Command::Completions { shell } => {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "rtctoken", &mut out);
            r.out_raw(&String::from_utf8_lossy(&out));
            ExitCode::SUCCESS
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn command_line_is_consistent() {
        Cli::command().debug_assert();
    }
}
