//! A decoded token as an instance of its typed class in `rtctoken.parsed`,
//! built straight from the core's structs (no JSON on the way): maps
//! read-only (`mappingproxy`) with int keys, 007 services from their serde
//! form.

use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyMapping, PyMappingProxy, PyTuple};
use rtctoken::access_token2::{Service, ServiceFields};
use rtctoken::Token;

use crate::results::{classes, instance, Classes};

/// `token` as an instance of its class in `rtctoken.parsed`; `text` is the
/// token as given, which the instance keeps for `to_dict`.
pub fn typed<'py>(
    py: Python<'py>,
    token: &Token,
    text: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let classes = classes(py)?;
    let d = PyDict::new(py);
    d.set_item(intern!(py, "version"), token.version())?;
    d.set_item(intern!(py, "app_id"), token.app_id())?;
    let class = match token {
        Token::DynamicKey(k) => {
            d.set_item(intern!(py, "unix_ts"), k.unix_ts)?;
            d.set_item(intern!(py, "random_int"), k.random_int)?;
            d.set_item(intern!(py, "uid"), k.uid)?;
            d.set_item(intern!(py, "expired_ts"), k.expired_ts)?;
            &classes.dynamic_key
        }
        Token::DynamicKey5(k) => {
            d.set_item(intern!(py, "service_type"), k.service_type)?;
            d.set_item(intern!(py, "unix_ts"), k.unix_ts)?;
            d.set_item(intern!(py, "random_int"), k.random_int)?;
            d.set_item(intern!(py, "expired_ts"), k.expired_ts)?;
            d.set_item(intern!(py, "extra"), read_only(py, &k.extra)?)?;
            &classes.dynamic_key5
        }
        Token::Signaling(k) => {
            d.set_item(intern!(py, "expired_ts"), k.expired_ts)?;
            &classes.signaling
        }
        Token::AccessToken(k) => {
            d.set_item(intern!(py, "salt"), k.salt)?;
            d.set_item(intern!(py, "ts"), k.ts)?;
            d.set_item(intern!(py, "privileges"), read_only(py, &k.privileges)?)?;
            d.set_item(intern!(py, "crc_channel_name"), k.crc_channel_name)?;
            d.set_item(intern!(py, "crc_uid"), k.crc_uid)?;
            &classes.access_token
        }
        Token::AccessToken2(k) => {
            d.set_item(intern!(py, "issue_ts"), k.issue_ts)?;
            d.set_item(intern!(py, "expire"), k.expire)?;
            d.set_item(intern!(py, "salt"), k.salt)?;
            let services = k
                .services
                .iter()
                .map(|s| service(py, classes, s))
                .collect::<PyResult<Vec<_>>>()?;
            d.set_item(intern!(py, "services"), PyTuple::new(py, services)?)?;
            d.set_item(intern!(py, "unknown_service_type"), k.unknown_service_type)?;
            &classes.access_token2
        }
    };
    d.set_item(intern!(py, "_token"), text)?;
    instance(class.bind(py), d)
}

/// One 007 service as a `ServiceInfo`: its serde form, privileges and RTM2
/// permissions read-only (resources as tuples).
fn service<'py>(py: Python<'py>, classes: &Classes, s: &Service) -> PyResult<Bound<'py, PyAny>> {
    // The privileges first, as in the service's serde form (`vars()` order).
    let d = PyDict::new(py);
    d.set_item(intern!(py, "privileges"), read_only(py, &s.privileges)?)?;
    d.update(pythonize::pythonize(py, &s.fields)?.downcast::<PyMapping>()?)?;
    if let ServiceFields::Rtm2 { permissions, .. } = &s.fields {
        let by_type = PyDict::new(py);
        for (resource_type, by_permission) in &permissions.0 {
            let inner = PyDict::new(py);
            for (permission, resources) in by_permission {
                inner.set_item(permission, PyTuple::new(py, resources)?)?;
            }
            by_type.set_item(resource_type, PyMappingProxy::new(py, inner.as_mapping()))?;
        }
        let read_only = PyMappingProxy::new(py, by_type.as_mapping());
        d.set_item(intern!(py, "permissions"), read_only)?;
    }
    instance(classes.service.bind(py), d)
}

/// `map` as a read-only Python mapping.
fn read_only<'py, M>(py: Python<'py>, map: M) -> PyResult<Bound<'py, PyMappingProxy>>
where
    M: IntoPyObject<'py, Target = PyDict, Output = Bound<'py, PyDict>>,
{
    let dict = map.into_pyobject(py).map_err(Into::into)?;
    Ok(PyMappingProxy::new(py, dict.as_mapping()))
}
