//! The Python classes `parse` and `verify` return (frozen dataclasses
//! defined in `rtctoken`), handed over when the package loads, and how
//! their instances are made here: filling them from Python cost more than
//! the rest of the call.

use std::cell::Cell;
use std::ptr;

use pyo3::exceptions::PyRuntimeError;
use pyo3::ffi;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::sync::GILProtected;
use pyo3::types::{PyDict, PyTuple, PyType};

/// The result classes, and the `Verification`s shared by every call that
/// ends in one of the common outcomes (an instance is immutable).
pub struct Classes {
    pub dynamic_key: Py<PyType>,
    pub dynamic_key5: Py<PyType>,
    pub signaling: Py<PyType>,
    pub access_token: Py<PyType>,
    pub access_token2: Py<PyType>,
    pub service: Py<PyType>,
    verification: Py<PyType>,
    /// `Verification(None)`, then `Verification(i)` for the first certificates.
    shared: Vec<PyObject>,
}

/// The classes last handed over: a reloaded `rtctoken` hands over its new
/// `Verification` class, and the one it replaces stays alive (leaked, once
/// per reload) for the results already made.
static CLASSES: GILProtected<Cell<Option<&'static Classes>>> = GILProtected::new(Cell::new(None));

/// How many leading certificate indexes have a shared `Verification`.
const SHARED_MATCHES: usize = 4;

/// Takes the classes `parse` and `verify` make instances of (`rtctoken`
/// calls it when it loads).
#[pyfunction]
#[allow(clippy::too_many_arguments)] // one per class
pub fn result_classes(
    py: Python<'_>,
    dynamic_key: Py<PyType>,
    dynamic_key5: Py<PyType>,
    signaling: Py<PyType>,
    access_token: Py<PyType>,
    access_token2: Py<PyType>,
    service: Py<PyType>,
    verification: Py<PyType>,
) -> PyResult<()> {
    let matches = (0..SHARED_MATCHES).map(Some);
    let shared = std::iter::once(None)
        .chain(matches)
        .map(|m| verification.call1(py, (m,)))
        .collect::<PyResult<_>>()?;
    let classes = Classes {
        dynamic_key,
        dynamic_key5,
        signaling,
        access_token,
        access_token2,
        service,
        verification,
        shared,
    };
    CLASSES.get(py).set(Some(Box::leak(Box::new(classes))));
    Ok(())
}

/// The registered classes.
pub fn classes(py: Python<'_>) -> PyResult<&'static Classes> {
    CLASSES
        .get(py)
        .get()
        .ok_or_else(|| PyRuntimeError::new_err("rtctoken has not registered its result classes"))
}

/// `Verification(matched)`, shared for the common outcomes.
pub fn verification(py: Python<'_>, matched: Option<usize>) -> PyResult<PyObject> {
    let classes = classes(py)?;
    match matched {
        None => Ok(classes.shared[0].clone_ref(py)),
        Some(i) if i < SHARED_MATCHES => Ok(classes.shared[i + 1].clone_ref(py)),
        Some(i) => classes.verification.call1(py, (i,)),
    }
}

/// A new instance of `class` with `fields` as its `__dict__`: what
/// `obj = object.__new__(class); vars(obj).update(fields)` makes (the
/// class's `__new__` is called, its `__init__` and `__setattr__` are not).
pub fn instance<'py>(
    class: &Bound<'py, PyType>,
    fields: Bound<'py, PyDict>,
) -> PyResult<Bound<'py, PyAny>> {
    let py = class.py();
    let empty = PyTuple::empty(py);
    // SAFETY: `class` is a live heap type (a dataclass), whose `tp_new`
    // slot the stable ABI lets us read; it is called as `type.__call__`
    // calls it, with an args tuple and no keywords, and returns a new
    // reference or null with an exception set. `__dict__` is then set the
    // way `object.__setattr__(obj, "__dict__", fields)` sets it.
    unsafe {
        let slot = ffi::PyType_GetSlot(class.as_type_ptr(), ffi::Py_tp_new);
        let new: Option<ffi::newfunc> = std::mem::transmute(slot);
        let new = new.ok_or_else(|| PyRuntimeError::new_err("class cannot be instantiated"))?;
        let obj = new(class.as_type_ptr(), empty.as_ptr(), ptr::null_mut());
        let obj = Bound::from_owned_ptr_or_err(py, obj)?;
        let dict_name = intern!(py, "__dict__");
        if ffi::PyObject_GenericSetAttr(obj.as_ptr(), dict_name.as_ptr(), fields.as_ptr()) < 0 {
            return Err(PyErr::fetch(py));
        }
        Ok(obj)
    }
}
