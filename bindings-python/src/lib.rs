//! `rtctoken._native`: the private extension module behind the Python
//! package `rtctoken`. Every function converts Python arguments, releases the
//! GIL, calls the Rust core and maps its errors to `rtctoken.TokenError`
//! subclasses; the public, drop-in modules live in `python/rtctoken/`.

use pyo3::prelude::*;

mod bench;
mod convert;
mod errors;
mod exports;
mod ids;
mod parsed;
mod renamed;
mod results;
mod tokens;

/// Registers the functions and exception classes of `rtctoken._native`.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    errors::register(m)?;
    exports::register(m)?;
    tokens::register(m)?;
    renamed::register(m)?;
    ids::register(m)?;
    m.add_function(wrap_pyfunction!(bench::core_loop, m)?)?;
    #[cfg(feature = "test-panic")]
    m.add_function(wrap_pyfunction!(errors::_panic, m)?)?;
    Ok(())
}
