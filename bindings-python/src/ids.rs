//! The core's id tables, read once at import by the drop-in modules so that
//! their `kServiceType`, `kPrivilege…` and 006 `k…` constants are not
//! restated in Python.

use pyo3::prelude::*;
use rtctoken::access_token::DECLARED_PRIVILEGES;
use rtctoken::access_token2::ServiceType;

/// A 007 service type: its name, wire id, and privileges (name, id).
type ServiceIds = (&'static str, u16, Vec<(&'static str, u16)>);

/// Every 007 service type of the core's table.
#[pyfunction]
pub fn service_types() -> Vec<ServiceIds> {
    ServiceType::ALL
        .iter()
        .map(|&t| {
            let privileges = t
                .privileges()
                .iter()
                .map(|&(id, name)| (name, id))
                .collect();
            (t.name(), t as u16, privileges)
        })
        .collect()
}

/// Every 006 privilege the vendor declares, (name, id).
#[pyfunction]
pub fn access_token_privileges() -> Vec<(&'static str, u16)> {
    DECLARED_PRIVILEGES
        .iter()
        .map(|&(id, name)| (name, id))
        .collect()
}

/// Adds the two tables' functions to `_native`.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(service_types, m)?)?;
    m.add_function(wrap_pyfunction!(access_token_privileges, m)?)?;
    Ok(())
}
