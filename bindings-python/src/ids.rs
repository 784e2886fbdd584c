//! The core's id tables and token format constants, read once at import by
//! the drop-in modules so that their `kServiceType`, `kPrivilege…`, 006
//! `k…` and `Role_…` constants, DynamicKey v5's and RTM2's ids and values,
//! version prefixes and lengths, and the 007 constructor's default lifetime
//! are not restated in Python.

use pyo3::prelude::*;
use rtctoken::access_token::DECLARED_PRIVILEGES;
use rtctoken::access_token2::permissions::{PERMISSIONS, RESOURCE_TYPES};
use rtctoken::access_token2::ServiceType;
use rtctoken::builders::ROLES;
use rtctoken::legacy::dynamic_key5;

/// A core table as `(name, value)` pairs.
type Named<T> = Vec<(&'static str, T)>;

/// `(name, id)` for each `(id, name)` of a core table.
fn named<T: Copy>(table: &[(T, &'static str)]) -> Named<T> {
    table.iter().map(|&(id, name)| (name, id)).collect()
}

/// A 007 service type: its name, wire id, and privileges (name, id).
type ServiceIds = (&'static str, u16, Named<u16>);

/// Every 007 service type of the core's table.
#[pyfunction]
pub fn service_types() -> Vec<ServiceIds> {
    ServiceType::ALL
        .iter()
        .map(|&t| (t.name(), t as u16, named(t.privileges())))
        .collect()
}

/// Every 006 privilege the vendor declares, (name, id).
#[pyfunction]
pub fn access_token_privileges() -> Named<u16> {
    named(&DECLARED_PRIVILEGES)
}

/// Every builder that takes a role, (module name, [(role name, id)]).
#[pyfunction]
pub fn roles() -> Named<Named<u32>> {
    ROLES
        .iter()
        .map(|&(builder, roles)| (builder, named(roles)))
        .collect()
}

/// The version prefixes of 006 and 007 tokens and the length of an app ID.
#[pyfunction]
pub fn token_format() -> (&'static str, &'static str, usize) {
    (
        rtctoken::access_token::VERSION,
        rtctoken::access_token2::VERSION,
        rtctoken::ID_LEN,
    )
}

/// The lifetime (seconds) a 007 `AccessToken` gets when given none.
#[pyfunction]
pub fn access_token2_default_expire() -> u32 {
    rtctoken::access_token2::DEFAULT_EXPIRE
}

/// DynamicKey v5's service types (name, id), the extra key of the
/// in-channel permission, and the permission values (name, value).
#[pyfunction]
pub fn dynamic_key5_ids() -> (Named<u16>, u16, Named<&'static str>) {
    (
        named(&dynamic_key5::SERVICE_TYPES),
        dynamic_key5::ALLOW_UPLOAD_IN_CHANNEL,
        named(&dynamic_key5::PERMISSIONS),
    )
}

/// RTM2's resource types and permissions, each (name, id).
#[pyfunction]
pub fn rtm2_permissions() -> (Named<u16>, Named<u16>) {
    (named(&RESOURCE_TYPES), named(&PERMISSIONS))
}

/// Adds the tables' functions to `_native`.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(service_types, m)?)?;
    m.add_function(wrap_pyfunction!(access_token_privileges, m)?)?;
    m.add_function(wrap_pyfunction!(roles, m)?)?;
    m.add_function(wrap_pyfunction!(token_format, m)?)?;
    m.add_function(wrap_pyfunction!(access_token2_default_expire, m)?)?;
    m.add_function(wrap_pyfunction!(dynamic_key5_ids, m)?)?;
    m.add_function(wrap_pyfunction!(rtm2_permissions, m)?)?;
    Ok(())
}
