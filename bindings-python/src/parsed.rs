//! A decoded token as the fields of `rtctoken.parsed`'s typed classes,
//! built straight from the core's structs (no JSON on the way): one dict,
//! maps read-only (`mappingproxy`) with int keys; 007 services in their
//! serde form.

use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyMappingProxy};
use rtctoken::Token;

/// The fields of `token`'s class in `rtctoken.parsed` (`version` picks it).
pub fn fields<'py>(py: Python<'py>, token: &Token) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item(intern!(py, "version"), token.version())?;
    d.set_item(intern!(py, "app_id"), token.app_id())?;
    match token {
        Token::DynamicKey(k) => {
            d.set_item(intern!(py, "unix_ts"), k.unix_ts)?;
            d.set_item(intern!(py, "random_int"), k.random_int)?;
            d.set_item(intern!(py, "uid"), k.uid)?;
            d.set_item(intern!(py, "expired_ts"), k.expired_ts)?;
        }
        Token::DynamicKey5(k) => {
            d.set_item(intern!(py, "service_type"), k.service_type)?;
            d.set_item(intern!(py, "unix_ts"), k.unix_ts)?;
            d.set_item(intern!(py, "random_int"), k.random_int)?;
            d.set_item(intern!(py, "expired_ts"), k.expired_ts)?;
            d.set_item(intern!(py, "extra"), read_only(py, &k.extra)?)?;
        }
        Token::Signaling(k) => d.set_item(intern!(py, "expired_ts"), k.expired_ts)?,
        Token::AccessToken(k) => {
            d.set_item(intern!(py, "salt"), k.salt)?;
            d.set_item(intern!(py, "ts"), k.ts)?;
            d.set_item(intern!(py, "privileges"), read_only(py, &k.privileges)?)?;
            d.set_item(intern!(py, "crc_channel_name"), k.crc_channel_name)?;
            d.set_item(intern!(py, "crc_uid"), k.crc_uid)?;
        }
        Token::AccessToken2(k) => {
            d.set_item(intern!(py, "issue_ts"), k.issue_ts)?;
            d.set_item(intern!(py, "expire"), k.expire)?;
            d.set_item(intern!(py, "salt"), k.salt)?;
            let services = PyList::empty(py);
            for s in &k.services {
                let service = pythonize::pythonize(py, s)?.downcast_into::<PyDict>()?;
                service.set_item(intern!(py, "privileges"), read_only(py, &s.privileges)?)?;
                services.append(service)?;
            }
            d.set_item(intern!(py, "services"), services)?;
            d.set_item(intern!(py, "unknown_service_type"), k.unknown_service_type)?;
        }
    }
    Ok(d)
}

/// `map` as a read-only Python mapping.
fn read_only<'py, M>(py: Python<'py>, map: M) -> PyResult<Bound<'py, PyMappingProxy>>
where
    M: IntoPyObject<'py, Target = PyDict, Output = Bound<'py, PyDict>>,
{
    let dict = map.into_pyobject(py).map_err(Into::into)?;
    Ok(PyMappingProxy::new(py, dict.as_mapping()))
}
