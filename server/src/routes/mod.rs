//! The three route groups: agora-token-service's (compatible), the JSON API
//! (`/v1`), and operations (health, metrics, the OpenAPI document).

pub mod compat;
pub mod ops;
pub mod v1;

use crate::app::{AppState, Caller};
use crate::error::ApiError;
use crate::mint::{Minted, Spec};

/// Checks `spec` against the caller's policy (when a key was given) and
/// mints it with the current primary certificate.
pub fn mint_for(state: &AppState, caller: &Caller, spec: &Spec) -> Result<Minted, ApiError> {
    if let Some(key) = &caller.0 {
        key.allow(
            spec.kind,
            spec.channel.as_deref(),
            spec.ttl,
            spec.publishes(),
        )?;
    }
    spec.mint(&state.config.app_id, &state.certs.load())
}
