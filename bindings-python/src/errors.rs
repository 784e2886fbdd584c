//! `TokenError(ValueError)` and one subclass per core `ErrorKind`, made
//! from `ErrorKind::ALL` when the module loads, plus the one place every
//! core call runs: outside the GIL, with panics caught.

use std::cell::Cell;
use std::ffi::CString;
use std::panic::{self, catch_unwind, AssertUnwindSafe};
use std::sync::Once;

use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::sync::GILOnceCell;
use pyo3::types::PyType;
use rtctoken::{Error, ErrorKind};

create_exception!(
    rtctoken,
    TokenError,
    PyValueError,
    "A token could not be built, parsed or verified; `.kind` names why."
);

/// The subclass of each kind, in `ErrorKind::ALL` order.
static CLASSES: GILOnceCell<Vec<Py<PyType>>> = GILOnceCell::new();

/// `invalid_app_id` -> `InvalidAppIdError`.
fn class_name(kind: ErrorKind) -> String {
    let mut name: String = kind
        .as_str()
        .split('_')
        .flat_map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase())
                .into_iter()
                .chain(c)
        })
        .collect();
    name.push_str("Error");
    name
}

fn classes(py: Python<'_>) -> PyResult<&Vec<Py<PyType>>> {
    CLASSES.get_or_try_init(py, || {
        let base = py.get_type::<TokenError>();
        ErrorKind::ALL
            .iter()
            .map(|&kind| {
                let qualified = CString::new(format!("rtctoken.{}", class_name(kind)))?;
                let doc = CString::new(format!("A `TokenError` of kind `{kind}`."))?;
                let class = PyErr::new_type(py, &qualified, Some(&doc), Some(&base), None)?;
                class.bind(py).setattr("kind", kind.as_str())?;
                Ok(class)
            })
            .collect()
    })
}

/// The exception class of `kind` (a kind added to the core later than this
/// build maps to `InternalError`).
fn class_of(py: Python<'_>, kind: ErrorKind) -> PyResult<Bound<'_, PyType>> {
    let index = |kind| ErrorKind::ALL.iter().position(|k| *k == kind);
    let i = index(kind).or_else(|| index(ErrorKind::Internal));
    Ok(classes(py)?[i.unwrap_or_default()].bind(py).clone())
}

/// The Python exception for a core error: its kind's class, the message
/// (which never contains the certificate).
pub fn to_py(py: Python<'_>, err: Error) -> PyErr {
    match class_of(py, err.kind()) {
        Ok(class) => PyErr::from_type(class, err.message().to_owned()),
        Err(e) => e,
    }
}

/// An `InvalidArgumentError` raised by the binding's own argument checks.
pub fn invalid_argument(py: Python<'_>, message: String) -> PyErr {
    to_py(py, Error::new(ErrorKind::InvalidArgument, message))
}

thread_local! {
    /// Whether this thread is inside [`run`], whose panics are reported as
    /// `InternalError` and must not reach stderr.
    static IN_CORE: Cell<bool> = const { Cell::new(false) };
}

/// Installs (once) a panic hook that keeps silent about panics inside
/// [`run`]: the default hook prints the payload, which may quote an
/// argument, and a backtrace under `RUST_BACKTRACE`. Panics elsewhere in
/// the process still reach the previous hook.
fn silence_core_panics() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !IN_CORE.with(Cell::get) {
                previous(info);
            }
        }));
    });
}

/// Runs `f` (a core call) with the GIL released, so Python threads build
/// tokens in parallel; a panic becomes `InternalError` (without its
/// payload), never an abort.
pub fn run<T, F>(py: Python<'_>, f: F) -> PyResult<T>
where
    T: Send,
    F: FnOnce() -> rtctoken::Result<T> + Send,
{
    let guarded = move || {
        IN_CORE.with(|c| c.set(true));
        let out = catch_unwind(AssertUnwindSafe(f));
        IN_CORE.with(|c| c.set(false));
        out
    };
    match py.allow_threads(guarded) {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(e)) => Err(to_py(py, e)),
        Err(_) => Err(to_py(
            py,
            Error::new(
                ErrorKind::Internal,
                "internal error: the core panicked; this is a bug in rtctoken",
            ),
        )),
    }
}

/// Adds `TokenError` and its subclasses to the module and installs the
/// panic hook.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    silence_core_panics();
    m.add("TokenError", py.get_type::<TokenError>())?;
    for class in classes(py)? {
        let class = class.bind(py);
        m.add(class.name()?, class)?;
    }
    Ok(())
}

/// `_panic(message)`: panics inside [`run`], so a test can see the panic
/// reported as `InternalError` without `message` in it or on stderr. Only in
/// builds with the `test-panic` feature, never in a shipped wheel.
#[cfg(feature = "test-panic")]
#[pyfunction]
pub fn _panic(py: Python<'_>, message: String) -> PyResult<()> {
    run(py, move || -> rtctoken::Result<()> { panic!("{message}") })
}
