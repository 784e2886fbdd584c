//! Python argument conversion: integers are range-checked (never wrapped),
//! wrong Python types raise `TypeError`, maps and permission sets become the
//! core's types. No token logic lives here.

use std::collections::BTreeMap;

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyInt, PyMapping, PyString};
use rtctoken::access_token2::Rtm2Permissions;
use rtctoken::Stamp;

use crate::errors::invalid_argument;

/// An integer argument as i128 (wide enough for any range check), refusing
/// `bool` and non-integers with `TypeError`.
fn int_of(value: &Bound<'_, PyAny>, name: &str) -> PyResult<i128> {
    if value.is_instance_of::<PyBool>() || !value.is_instance_of::<PyInt>() {
        return Err(PyTypeError::new_err(format!(
            "{name} must be an int, got {}",
            value.get_type().name()?
        )));
    }
    // Wider than any value a check below accepts; larger ints are refused.
    value
        .extract::<i128>()
        .map_err(|_| invalid_argument(format!("{name} is far outside its allowed range")))
}

/// An integer in `lo..=hi`, or `InvalidArgumentError` naming the field.
fn ranged(value: &Bound<'_, PyAny>, name: &str, lo: i128, hi: i128) -> PyResult<i128> {
    let v = int_of(value, name)?;
    if v < lo || v > hi {
        return Err(invalid_argument(format!(
            "{name} must be in {lo}..={hi}, got {v}"
        )));
    }
    Ok(v)
}

/// An unsigned 32-bit argument (uids, timestamps, expiries, salts).
pub fn u32_arg(value: &Bound<'_, PyAny>, name: &str) -> PyResult<u32> {
    Ok(ranged(value, name, 0, u32::MAX.into())? as u32)
}

/// An unsigned 16-bit argument (privilege ids, resource types).
pub fn u16_arg(value: &Bound<'_, PyAny>, name: &str) -> PyResult<u16> {
    Ok(ranged(value, name, 0, u16::MAX.into())? as u16)
}

/// A signed 16-bit argument (the APaaS role).
pub fn i16_arg(value: &Bound<'_, PyAny>, name: &str) -> PyResult<i16> {
    Ok(ranged(value, name, i16::MIN.into(), i16::MAX.into())? as i16)
}

/// A `str` argument, refusing anything else with `TypeError`.
pub fn str_arg(value: &Bound<'_, PyAny>, name: &str) -> PyResult<String> {
    match value.downcast::<PyString>() {
        Ok(s) => Ok(s.to_cow()?.into_owned()),
        Err(_) => Err(PyTypeError::new_err(format!(
            "{name} must be a str, got {}",
            value.get_type().name()?
        ))),
    }
}

/// The keyword-only `issue_ts=None, salt=None` pair of every 006/007 builder.
pub fn stamp(
    issue_ts: Option<&Bound<'_, PyAny>>,
    salt: Option<&Bound<'_, PyAny>>,
) -> PyResult<Stamp> {
    Ok(Stamp {
        issue_ts: issue_ts.map(|v| u32_arg(v, "issue_ts")).transpose()?,
        salt: salt.map(|v| u32_arg(v, "salt")).transpose()?,
    })
}

fn mapping<'py>(value: &Bound<'py, PyAny>, name: &str) -> PyResult<Bound<'py, PyMapping>> {
    value.downcast::<PyMapping>().cloned().map_err(|_| {
        PyTypeError::new_err(format!(
            "{name} must be a mapping, got {}",
            value
                .get_type()
                .name()
                .map(|n| n.to_string())
                .unwrap_or_default()
        ))
    })
}

/// A privilege map `{privilege id: expiry}`.
pub fn privileges(value: &Bound<'_, PyAny>, name: &str) -> PyResult<BTreeMap<u16, u32>> {
    let mut out = BTreeMap::new();
    for item in mapping(value, name)?.items()?.iter() {
        let (k, v): (Bound<'_, PyAny>, Bound<'_, PyAny>) = item.extract()?;
        out.insert(
            u16_arg(&k, &format!("{name} key"))?,
            u32_arg(&v, &format!("{name} value"))?,
        );
    }
    Ok(out)
}

/// RTM2 permissions `{resource type: {permission: [resource, ...]}}`.
pub fn permissions(value: &Bound<'_, PyAny>) -> PyResult<Rtm2Permissions> {
    let mut out = Rtm2Permissions::new();
    for item in mapping(value, "permissions")?.items()?.iter() {
        let (t, perms): (Bound<'_, PyAny>, Bound<'_, PyAny>) = item.extract()?;
        let t = u16_arg(&t, "permissions resource type")?;
        for entry in mapping(&perms, "permissions value")?.items()?.iter() {
            let (p, resources): (Bound<'_, PyAny>, Bound<'_, PyAny>) = entry.extract()?;
            let p = u16_arg(&p, "permissions permission")?;
            if resources.is_instance_of::<PyString>() {
                return Err(PyTypeError::new_err(
                    "permissions resources must be a list of str, got a single str",
                ));
            }
            let list = out.entry(t, p);
            for r in resources.try_iter()? {
                list.push(str_arg(&r?, "permissions resource")?);
            }
        }
    }
    Ok(out)
}
