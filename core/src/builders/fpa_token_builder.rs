//! FPA (full-path acceleration) tokens (007).

use crate::access_token2::privileges::fpa;
use crate::access_token2::{build, Service};
use crate::error::Result;
use crate::stamp::Stamp;

/// An FPA token: login without expiry, the token valid for 24 hours.
pub fn build_token(app_id: &str, app_certificate: &str, stamp: Stamp) -> Result<String> {
    let s = Service::fpa().with_privilege(fpa::LOGIN, 0);
    build(app_id, app_certificate, crate::lifetime::DAY, &[s], stamp)
}
