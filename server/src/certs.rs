//! The certificates in use: the first signs, verification tries them all
//! (the console's primary/secondary rotation). Swapped atomically on reload
//! so a request in flight keeps the set it started with.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use arc_swap::ArcSwap;
use rtctoken::AppCertificate;
use sha2::{Digest, Sha256};

use crate::config::{CertSource, ConfigError};

/// One loaded set of certificates, never empty.
pub struct CertSet {
    pub certs: Vec<AppCertificate>,
}

impl CertSet {
    /// The certificate that signs.
    pub fn primary(&self) -> &str {
        self.certs[0].expose()
    }

    /// Every certificate, in order, for verification.
    pub fn all(&self) -> Vec<&str> {
        self.certs.iter().map(AppCertificate::expose).collect()
    }
}

/// A short, non-reversible name for a secret (first 8 hex digits of its
/// SHA-256) so logs and metrics can say which one is in use.
pub fn fingerprint(secret: &str) -> String {
    hex::encode(&Sha256::digest(secret.as_bytes())[..4])
}

fn parse_list(list: &[String]) -> Result<CertSet, String> {
    if list.is_empty() {
        return Err("no certificate given".into());
    }
    let certs = list
        .iter()
        .enumerate()
        .map(|(i, c)| {
            AppCertificate::new(c).map_err(|e| format!("certificate {}: {}", i + 1, e.message()))
        })
        .collect::<Result<_, _>>()?;
    Ok(CertSet { certs })
}

/// Checks inline certificates at startup.
pub fn check_all(list: &[String]) -> Result<(), ConfigError> {
    parse_list(list)
        .map(drop)
        .map_err(|e| ConfigError(format!("APP_CERTIFICATE: {e}")))
}

type Digest32 = [u8; 32];

fn digest_of(path: &Path) -> Result<(String, Digest32), String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path:?}: {e}"))?;
    let digest = Sha256::digest(text.as_bytes()).into();
    Ok((text, digest))
}

/// A certificate file: one certificate a line, the first signing; blank
/// lines and `#` comments ignored.
pub fn read_file(path: &Path) -> Result<CertSet, String> {
    read_with_digest(path).map(|(set, _)| set)
}

fn read_with_digest(path: &Path) -> Result<(CertSet, Digest32), String> {
    let (text, digest) = digest_of(path)?;
    let list: Vec<String> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_owned)
        .collect();
    let set = parse_list(&list).map_err(|e| format!("{path:?}: {e}"))?;
    Ok((set, digest))
}

/// The live set and where it comes from.
pub struct CertStore {
    current: ArcSwap<CertSet>,
    file: Option<PathBuf>,
    /// The file contents last read (loaded or refused), to notice changes.
    seen: Mutex<Digest32>,
}

impl CertStore {
    pub fn new(source: &CertSource) -> Result<Self, ConfigError> {
        let (set, file, seen) = match source {
            CertSource::Inline(list) => (
                parse_list(list).map_err(|e| ConfigError(format!("APP_CERTIFICATE: {e}")))?,
                None,
                [0; 32],
            ),
            CertSource::File(path) => {
                let (set, digest) = read_with_digest(path)
                    .map_err(|e| ConfigError(format!("APP_CERTIFICATE_FILE: {e}")))?;
                (set, Some(path.clone()), digest)
            }
        };
        let store = CertStore {
            current: ArcSwap::from_pointee(set),
            file,
            seen: Mutex::new(seen),
        };
        store.announce();
        Ok(store)
    }

    pub fn load(&self) -> Arc<CertSet> {
        self.current.load_full()
    }

    pub fn has_file(&self) -> bool {
        self.file.is_some()
    }

    /// Reloads when the file's contents differ from those last read.
    pub fn reload_if_changed(&self) {
        let Some(path) = &self.file else { return };
        let Ok((_, digest)) = digest_of(path) else {
            return;
        };
        if *self.seen.lock().unwrap_or_else(|p| p.into_inner()) != digest {
            self.reload("certificate file changed");
        }
    }

    /// Re-reads the file; a bad file keeps the current set (and says why).
    pub fn reload(&self, why: &str) {
        let Some(path) = &self.file else {
            tracing::info!(
                trigger = why,
                "certificates are inline (not from a file): nothing to reload"
            );
            return;
        };
        let read = read_with_digest(path);
        if let Ok((_, digest)) = digest_of(path) {
            *self.seen.lock().unwrap_or_else(|p| p.into_inner()) = digest;
        }
        match read {
            Ok((set, _)) => {
                self.current.store(Arc::new(set));
                metrics::counter!("rtctoken_certificate_reloads_total", "result" => "ok")
                    .increment(1);
                self.announce();
                tracing::info!(trigger = why, "certificates reloaded");
            }
            Err(e) => {
                metrics::counter!("rtctoken_certificate_reloads_total", "result" => "error")
                    .increment(1);
                tracing::error!(trigger = why, error = %e, "certificate reload failed; the previous certificates stay in use");
            }
        }
    }

    /// Logs and exports which certificates are in use, by fingerprint only.
    fn announce(&self) {
        let set = self.load();
        let prints: Vec<String> = set.all().iter().map(|c| fingerprint(c)).collect();
        crate::metrics::certificates_in_use(&prints);
        tracing::info!(signing = %prints[0], verifying = ?prints, "certificates in use (fingerprints)");
    }
}
