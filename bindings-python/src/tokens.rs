//! Raw 006 and 007 builds (the `AccessToken` classes), and `parse`,
//! `verify` and `inspect` for any token.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};
use rtctoken::access_token;
use rtctoken::access_token2::{self, Service};
use rtctoken::{
    inspect, parse as core_parse, verify as core_verify, Error, ErrorKind, VerifyInput,
};

use crate::args::{i16_arg, permissions, privileges as privilege_map, stamp, str_arg, u32_arg};
use crate::errors::{invalid_argument, run, to_py};
use crate::values;

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

/// A raw 006 token with exactly these fields (`uid` is the uid text, `""`
/// for uid 0; `privileges` maps privilege id to absolute expiry).
#[pyfunction]
#[allow(clippy::too_many_arguments)] // the token's fields, one argument each
pub fn access_token_build(
    py: Python<'_>,
    app_id: Any,
    app_certificate: Any,
    channel_name: Any,
    uid: Any,
    salt: Any,
    ts: Any,
    privileges: Any,
) -> PyResult<String> {
    let (id, cert) = (
        str_arg(app_id, "appID")?,
        str_arg(app_certificate, "appCertificate")?,
    );
    let (channel, uid) = (str_arg(channel_name, "channelName")?, str_arg(uid, "uid")?);
    let (salt, ts) = (u32_arg(salt, "salt")?, u32_arg(ts, "ts")?);
    let privs = privilege_map(privileges, "privileges")?;
    run(py, move || {
        access_token::build(&id, &cert, &channel, &uid, salt, ts, &privs)
    })
}

/// A string field of a service description, `""` when absent.
fn field(d: &Bound<'_, PyDict>, key: &str) -> PyResult<String> {
    match d.get_item(key)? {
        Some(v) => str_arg(&v, key),
        None => Ok(String::new()),
    }
}

/// One service from its description `{"type": name, "privileges": {...},
/// fields...}`, the shape `parse` returns for 007 services.
fn service(desc: &Bound<'_, PyAny>) -> PyResult<Service> {
    let d = desc
        .downcast::<PyDict>()
        .map_err(|_| PyTypeError::new_err("each service must be a dict"))?;
    let kind = match d.get_item("type")? {
        Some(t) => str_arg(&t, "service type")?,
        None => return Err(invalid_argument("service type is missing".into())),
    };
    let f = |k: &str| field(d, k);
    let mut svc = match kind.as_str() {
        "rtc" => Service::rtc(&f("channel_name")?, &f("uid")?),
        "rtm" => Service::rtm(&f("user_id")?),
        "streaming" => Service::streaming(&f("channel_name")?, &f("account")?),
        "fpa" => Service::fpa(),
        "chat" => Service::chat(&f("user_id")?),
        "fcdn" => Service::fcdn(&f("channel_name")?, &f("account")?),
        "apaas" => {
            let role = match d.get_item("role")? {
                Some(r) => i16_arg(&r, "role")?,
                None => rtctoken::builders::education_token_builder2::NO_ROLE,
            };
            Service::apaas(&f("room_uuid")?, &f("user_uuid")?, role)
        }
        "rtm2" => {
            let perms = match d.get_item("permissions")? {
                Some(p) => permissions(&p)?,
                None => Default::default(),
            };
            Service::rtm2(&f("user_id")?, perms)
        }
        "convoai" => Service::convoai(),
        "stt" => Service::stt(),
        other => {
            return Err(invalid_argument(format!(
                "service type must be one of rtc, rtm, streaming, fpa, chat, fcdn, apaas, rtm2, convoai, stt, got {other:?}"
            )))
        }
    };
    if let Some(p) = d.get_item("privileges")? {
        svc.privileges = privilege_map(&p, "privileges")?;
    }
    Ok(svc)
}

/// A raw 007 token from service descriptions (see `service`), living
/// `expire` seconds after its issue time.
#[pyfunction]
#[pyo3(signature = (app_id, app_certificate, expire, services, *, issue_ts=None, salt=None))]
pub fn access_token2_build(
    py: Python<'_>,
    app_id: Any,
    app_certificate: Any,
    expire: Any,
    services: Any,
    issue_ts: Opt,
    salt: Opt,
) -> PyResult<String> {
    let (id, cert) = (
        str_arg(app_id, "app_id")?,
        str_arg(app_certificate, "app_certificate")?,
    );
    let expire = u32_arg(expire, "expire")?;
    let st = stamp(issue_ts, salt)?;
    let list = services
        .try_iter()?
        .map(|s| service(&s?))
        .collect::<PyResult<Vec<_>>>()?;
    run(py, move || {
        access_token2::build(&id, &cert, expire, &list, st)
    })
}

/// The decoded fields of any token as a dict (signatures left out), in the
/// shape of `tests/vectors/parse.json`.
#[pyfunction]
pub fn parse(py: Python<'_>, token: Any) -> PyResult<PyObject> {
    let token = str_arg(token, "token")?;
    let json = run(py, move || core_parse(&token).map(|t| t.to_json()))?;
    values::to_py(py, &json)
}

/// The index of the first of `certificates` the token's signature holds
/// for, or `None`. `channel_name` and `uid` are needed by the formats that
/// sign them without carrying them.
#[pyfunction]
#[pyo3(signature = (token, certificates, channel_name=None, uid=None))]
pub fn verify(
    py: Python<'_>,
    token: Any,
    certificates: Any,
    channel_name: Opt,
    uid: Opt,
) -> PyResult<Option<usize>> {
    let token = str_arg(token, "token")?;
    let certs: Vec<String> = if certificates.is_instance_of::<PyString>() {
        vec![str_arg(certificates, "app_certificate")?]
    } else {
        certificates
            .try_iter()
            .map_err(|_| PyTypeError::new_err("certificates must be a str or a sequence of str"))?
            .map(|c| str_arg(&c?, "app_certificate"))
            .collect::<PyResult<_>>()?
    };
    let channel = channel_name
        .map(|c| str_arg(c, "channel_name"))
        .transpose()?;
    let uid = uid.map(|u| str_arg(u, "uid")).transpose()?;
    let v = run(py, move || {
        let refs: Vec<&str> = certs.iter().map(String::as_str).collect();
        let input = VerifyInput {
            channel_name: channel.as_deref(),
            uid: uid.as_deref(),
        };
        core_verify(&token, &refs, &input)
    })?;
    Ok(v.matched)
}

/// The core's inspection report of `token` as of `now` (Unix seconds;
/// `None` reads the clock), as JSON text.
#[pyfunction]
#[pyo3(signature = (token, now=None))]
pub fn inspect_json(py: Python<'_>, token: Any, now: Opt) -> PyResult<String> {
    let token = str_arg(token, "token")?;
    let now = now.map(|n| u32_arg(n, "now")).transpose()?;
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
    let k = ErrorKind::from_name(kind)
        .ok_or_else(|| invalid_argument(format!("kind must be a core error kind, got {kind:?}")))?;
    Err(to_py(
        py,
        Error::new(k, format!("raised on request: {kind}")),
    ))
}

/// Adds this module's functions to `rtctoken._native`.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(access_token_stamp, m)?)?;
    m.add_function(wrap_pyfunction!(resolve_stamp, m)?)?;
    m.add_function(wrap_pyfunction!(access_token_build, m)?)?;
    m.add_function(wrap_pyfunction!(access_token2_build, m)?)?;
    m.add_function(wrap_pyfunction!(parse, m)?)?;
    m.add_function(wrap_pyfunction!(verify, m)?)?;
    m.add_function(wrap_pyfunction!(inspect_json, m)?)?;
    m.add_function(wrap_pyfunction!(error_kinds, m)?)?;
    m.add_function(wrap_pyfunction!(raise_kind, m)?)?;
    Ok(())
}
