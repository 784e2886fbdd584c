//! Where the app ID and certificate come from: flags, the environment, or
//! `--demo`'s public sample values, with guidance when they are missing.

use clap::Args;
use rtctoken::{check_app_id, AppCertificate};

/// Environment variable holding the app ID.
pub const APP_ID_ENV: &str = "AGORA_APP_ID";
/// Environment variable holding the app certificate.
pub const CERT_ENV: &str = "AGORA_APP_CERTIFICATE";

/// `--demo` app ID: the public sample value of the vendor's reference tests,
/// so a newcomer sees a token at once. The service refuses its tokens.
pub const DEMO_APP_ID: &str = "970CA35DE60C44645BBAE8A215061B33";
/// `--demo` certificate, public for the same reason; still never printed.
pub const DEMO_APP_CERTIFICATE: &str = "5CFD2FD1755D40ECB72977518BE15D3B";

/// The credential flags every generating subcommand shares.
#[derive(Args, Debug, Clone)]
pub struct CredentialArgs {
    /// App ID (32 hex characters), from Agora Console.
    #[arg(long, env = APP_ID_ENV, value_name = "ID", hide_env_values = true)]
    pub app_id: Option<String>,

    /// App certificate (32 hex characters). Never printed; prefer the
    /// environment variable so it stays out of your shell history.
    #[arg(long, env = CERT_ENV, value_name = "CERT", hide_env_values = true)]
    pub app_certificate: Option<String>,

    /// Use the public DEMO credentials (the vendor's sample app ID and
    /// certificate) instead: for trying the tool only, the service refuses
    /// these tokens.
    #[arg(long)]
    pub demo: bool,
}

/// Checked credentials, ready for a builder.
pub struct Credentials {
    /// The app ID.
    pub app_id: String,
    /// The certificate (redacted in Debug, wiped on drop).
    pub app_certificate: AppCertificate,
    /// Whether these are the demo values.
    pub demo: bool,
}

/// What to tell a user who gave no credentials.
pub fn guidance(missing: &str) -> String {
    format!(
        "no {missing} given.\n\
         \x20 Pass --app-id <ID> and --app-certificate <CERT>, or set {APP_ID_ENV} and {CERT_ENV}\n\
         \x20 (both are on your project's page in Agora Console).\n\
         \x20 To just try the tool, add --demo: it uses public sample credentials (tokens the service refuses)."
    )
}

fn given(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

impl CredentialArgs {
    /// The credentials to sign with, or a message naming what is missing or
    /// wrong (never containing the certificate).
    pub fn resolve(&self) -> Result<Credentials, String> {
        let (app_id, cert) = if self.demo {
            (DEMO_APP_ID, DEMO_APP_CERTIFICATE)
        } else {
            let id = given(&self.app_id).ok_or_else(|| guidance("app ID"))?;
            let cert = given(&self.app_certificate).ok_or_else(|| guidance("app certificate"))?;
            (id, cert)
        };
        check_app_id(app_id).map_err(|e| format!("--app-id / {APP_ID_ENV}: {}", e.message()))?;
        let app_certificate = AppCertificate::new(cert)
            .map_err(|e| format!("--app-certificate / {CERT_ENV}: {}", e.message()))?;
        Ok(Credentials {
            app_id: app_id.to_owned(),
            app_certificate,
            demo: self.demo,
        })
    }
}

/// The note printed (to standard error) whenever `--demo` is used.
pub fn demo_note() -> String {
    format!(
        "note: --demo signs with the PUBLIC SAMPLE credentials (app ID {DEMO_APP_ID}); \
         the service refuses these tokens. Use your own with --app-id/--app-certificate \
         or {APP_ID_ENV}/{CERT_ENV}."
    )
}
