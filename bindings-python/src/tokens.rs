//! What the catalogue does not hold: the stamps of the `AccessToken`
//! classes, the uid text rule, and `parse`, `verify` and `inspect` for any
//! token.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyInt, PyString};
use rtctoken::access_token;
use rtctoken::{
    inspect, parse as core_parse, verify as core_verify, Error, ErrorKind, VerifyInput,
};

use crate::convert::{stamp, FromPy};
use crate::errors::{invalid_argument, run, to_py};
use crate::{parsed, results};

type Any<'a, 'py> = &'a Bound<'py, PyAny>;
type Opt<'a, 'py> = Option<&'a Bound<'py, PyAny>>;

/// The salt and expiry a new 006 `AccessToken` starts with: the given salt
/// or a random one, and issue time (given, or now) plus the core's 24 hours.
#[pyfunction]
#[pyo3(signature = (*, issue_ts=None, salt=None))]
pub fn access_token_stamp(py: Python<'_>, issue_ts: Opt, salt: Opt) -> PyResult<(u32, u32)> {
    let st = stamp(issue_ts, salt)?;
    let ts = access_token::expiry_after(st.issue_ts()).map_err(|e| to_py(py, e))?;
    Ok((st.salt(), ts))
}

/// The issue time and salt a new 007 `AccessToken` keeps for all its
/// builds: the given values, or now and a random salt from the core.
#[pyfunction]
#[pyo3(signature = (*, issue_ts=None, salt=None))]
pub fn resolve_stamp(issue_ts: Opt, salt: Opt) -> PyResult<(u32, u32)> {
    let st = stamp(issue_ts, salt)?;
    Ok((st.issue_ts(), st.salt()))
}

/// The uid as the text a token carries: a `str` unchanged, an `int` in
/// 0..=2**32-1 as the core writes it (`""` for 0, "any user"). `name` is
/// the caller's parameter name, for the error.
#[pyfunction]
#[pyo3(signature = (uid, name = "uid"))]
pub fn uid_text(uid: Any, name: &str) -> PyResult<String> {
    if uid.is_instance_of::<PyString>() {
        return String::from_py(uid, name);
    }
    if uid.is_instance_of::<PyInt>() && !uid.is_instance_of::<PyBool>() {
        return Ok(access_token::uid_text(u32::from_py(uid, name)?));
    }
    Err(PyTypeError::new_err(format!(
        "{name} must be an int or a str, got {}",
        uid.get_type().name()?
    )))
}

/// Decodes any token (v1–v5, signaling, 006, 007) into a read-only,
/// typed object; raises a ``TokenError`` subclass if it cannot.
///
/// (`rtctoken.parse`: the objects are the classes of `rtctoken.parsed`.)
#[pyfunction]
pub fn parse<'py>(py: Python<'py>, token: Any<'_, 'py>) -> PyResult<Bound<'py, PyAny>> {
    let text = <&str>::from_py(token, "token")?;
    let parsed = run(py, move || core_parse(text))?;
    parsed::typed(py, &parsed, token)
}

/// The decoded fields of any token in the core's JSON shape (string keys),
/// the one `tests/vectors/parse.json` records.
#[pyfunction]
pub fn parse_json(py: Python<'_>, token: Any) -> PyResult<PyObject> {
    let token = String::from_py(token, "token")?;
    let json = run(py, move || core_parse(&token).map(|t| t.to_json()))?;
    Ok(pythonize::pythonize(py, &json)?.unbind())
}

/// Checks the token's signature against one certificate or several (in
/// order, e.g. primary then secondary during rotation).
///
/// 006 and v1–v5 tokens sign the channel and uid without carrying them:
/// pass ``channel_name`` and ``uid`` (the uid text: ``""`` for a 006 uid 0,
/// decimal for v4/v5, the account for signaling) or get ``MissingInputError``.
/// A signature that does not hold is a ``Verification`` with ``matched=None``;
/// a malformed token or certificate raises.
#[pyfunction]
#[pyo3(signature = (token, app_certificate, *, channel_name=None, uid=None))]
pub fn verify(
    py: Python<'_>,
    token: Any,
    app_certificate: Any,
    channel_name: Opt,
    uid: Opt,
) -> PyResult<PyObject> {
    // All text is lent from the arguments (a sequence's items held), none copied.
    let token = <&str>::from_py(token, "token")?;
    let items: Vec<Bound<'_, PyAny>>;
    let one: [&str; 1];
    let many: Vec<&str>;
    let certs: &[&str] = if app_certificate.is_instance_of::<PyString>() {
        one = [<&str>::from_py(app_certificate, "app_certificate")?];
        &one
    } else {
        items = app_certificate
            .try_iter()
            .map_err(|_| {
                PyTypeError::new_err("app_certificate must be a str or a sequence of str")
            })?
            .collect::<PyResult<_>>()?;
        many = items
            .iter()
            .map(|c| <&str>::from_py(c, "app_certificate"))
            .collect::<PyResult<_>>()?;
        &many
    };
    let input = VerifyInput {
        channel_name: channel_name
            .map(|c| <&str>::from_py(c, "channel_name"))
            .transpose()?,
        uid: uid.map(|u| <&str>::from_py(u, "uid")).transpose()?,
    };
    let v = run(py, move || core_verify(token, certs, &input))?;
    results::verification(py, v.matched)
}

/// The core's inspection report of `token` as of `now` (Unix seconds;
/// `None` reads the clock), as JSON text.
#[pyfunction]
#[pyo3(signature = (token, now=None))]
pub fn inspect_json(py: Python<'_>, token: Any, now: Opt) -> PyResult<String> {
    let token = String::from_py(token, "token")?;
    let now = now.map(|n| u32::from_py(n, "now")).transpose()?;
    run(py, move || inspect::inspect_json(&token, now))
}

/// The kind names of the core, in its fixed order (for tests and tables).
#[pyfunction]
pub fn error_kinds() -> Vec<&'static str> {
    ErrorKind::ALL.iter().map(|k| k.as_str()).collect()
}

/// Raises the exception of the error kind `kind`; lets tests prove every
/// kind maps to its class without hunting for an input that triggers it.
#[pyfunction]
pub fn raise_kind(py: Python<'_>, kind: &str) -> PyResult<()> {
    let k = ErrorKind::from_name(kind).ok_or_else(|| {
        invalid_argument(
            py,
            format!(
                "kind must be a core error kind, got {}",
                rtctoken::excerpt(kind)
            ),
        )
    })?;
    Err(to_py(
        py,
        Error::new(k, format!("raised on request: {kind}")),
    ))
}

/// Adds this module's functions to `rtctoken._native`.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(access_token_stamp, m)?)?;
    m.add_function(wrap_pyfunction!(resolve_stamp, m)?)?;
    m.add_function(wrap_pyfunction!(uid_text, m)?)?;
    m.add_function(wrap_pyfunction!(parse, m)?)?;
    m.add_function(wrap_pyfunction!(results::result_classes, m)?)?;
    m.add_function(wrap_pyfunction!(parse_json, m)?)?;
    m.add_function(wrap_pyfunction!(verify, m)?)?;
    m.add_function(wrap_pyfunction!(inspect_json, m)?)?;
    m.add_function(wrap_pyfunction!(error_kinds, m)?)?;
    m.add_function(wrap_pyfunction!(raise_kind, m)?)?;
    Ok(())
}
