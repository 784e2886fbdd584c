//! `TokenError(ValueError)` and one subclass per core `ErrorKind`, plus the
//! one place every core call runs: outside the GIL, with panics caught.

use std::panic::{catch_unwind, AssertUnwindSafe};

use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyType;
use rtctoken::{Error, ErrorKind};

create_exception!(
    rtctoken,
    TokenError,
    PyValueError,
    "A token could not be built, parsed or verified; `.kind` names why."
);
create_exception!(
    rtctoken,
    InvalidAppIdError,
    TokenError,
    "The app ID is not 32 hexadecimal characters."
);
create_exception!(
    rtctoken,
    InvalidAppCertificateError,
    TokenError,
    "The app certificate is not 32 hexadecimal characters."
);
create_exception!(
    rtctoken,
    NoServiceError,
    TokenError,
    "A 007 token was built without any service."
);
create_exception!(
    rtctoken,
    FieldTooLongError,
    TokenError,
    "A field is longer than its 16-bit length prefix allows."
);
create_exception!(
    rtctoken,
    MalformedError,
    TokenError,
    "A token string could not be decoded."
);
create_exception!(
    rtctoken,
    UnsupportedVersionError,
    TokenError,
    "A token's version prefix is not a known one."
);
create_exception!(
    rtctoken,
    InvalidArgumentError,
    TokenError,
    "An argument is outside its allowed values."
);
create_exception!(
    rtctoken,
    MissingInputError,
    TokenError,
    "Verification needs an input the token does not carry."
);
create_exception!(
    rtctoken,
    InternalError,
    TokenError,
    "A bug in rtctoken (a caught panic); please report it."
);

/// The exception class of `kind` (a kind added to the core later maps to
/// `InternalError` until this table learns it).
fn class_of(py: Python<'_>, kind: ErrorKind) -> Bound<'_, PyType> {
    match kind {
        ErrorKind::InvalidAppId => py.get_type::<InvalidAppIdError>(),
        ErrorKind::InvalidAppCertificate => py.get_type::<InvalidAppCertificateError>(),
        ErrorKind::NoService => py.get_type::<NoServiceError>(),
        ErrorKind::FieldTooLong => py.get_type::<FieldTooLongError>(),
        ErrorKind::Malformed => py.get_type::<MalformedError>(),
        ErrorKind::UnsupportedVersion => py.get_type::<UnsupportedVersionError>(),
        ErrorKind::InvalidArgument => py.get_type::<InvalidArgumentError>(),
        ErrorKind::MissingInput => py.get_type::<MissingInputError>(),
        _ => py.get_type::<InternalError>(),
    }
}

/// The Python exception for a core error: its kind's class, the message
/// (which never contains the certificate).
pub fn to_py(py: Python<'_>, err: Error) -> PyErr {
    PyErr::from_type(class_of(py, err.kind()), err.message().to_owned())
}

/// An `InvalidArgumentError` raised by the binding's own argument checks.
pub fn invalid_argument(message: String) -> PyErr {
    InvalidArgumentError::new_err(message)
}

/// Runs `f` (a core call) with the GIL released, so Python threads build
/// tokens in parallel; a panic becomes `InternalError`, never an abort.
pub fn run<T, F>(py: Python<'_>, f: F) -> PyResult<T>
where
    T: Send,
    F: FnOnce() -> rtctoken::Result<T> + Send,
{
    let outcome = py.allow_threads(move || catch_unwind(AssertUnwindSafe(f)));
    match outcome {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(e)) => Err(to_py(py, e)),
        Err(_) => Err(InternalError::new_err(
            "internal error: the core panicked; this is a bug in rtctoken",
        )),
    }
}

/// Adds the exception classes to the module and gives each subclass its
/// `kind` string, taken from the core so the names never drift.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("TokenError", py.get_type::<TokenError>())?;
    for kind in ErrorKind::ALL {
        let class = class_of(py, kind);
        class.setattr("kind", kind.as_str())?;
        m.add(class.name()?, class)?;
    }
    Ok(())
}
