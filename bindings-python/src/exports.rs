//! One pyfunction per catalogue call, generated from
//! [`rtctoken::for_each_call!`]: `module_function(params in catalogue order,
//! catalogue defaults, *, issue_ts=None, salt=None)` (the stamp only on
//! stamped calls). Each converts its arguments with
//! [`FromPy`](crate::convert::FromPy) (text borrowed, see
//! [`Held`]), then calls the core with the GIL released. The public modules rename and reorder.

use pyo3::prelude::*;
use pyo3::types::PyTuple;
use rtctoken::catalogue::*;

use crate::convert::{arg, default, stamp, Held};
use crate::errors::run;

/// Optional Python argument, as pyo3 hands it over.
type Arg<'a, 'py> = Option<&'a Bound<'py, PyAny>>;

macro_rules! exports {
    ($([$kind:ident $(, $group:ident)?] $module:ident :: $func:ident ( $($params:tt)* );)*) => {
        $(exports!(@sig [$kind [$($group)?] $module $func ($($params)*)] [] $($params)*);)*

        /// Adds every catalogue export to `rtctoken._native`, and their
        /// catalogue names as `CATALOGUE` (`module.function` is `module_function`).
        pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
            m.add("CATALOGUE", PyTuple::new(m.py(), CALLS.iter().map(|c| c.name))?)?;
            paste::paste! {$(
                m.add_function(wrap_pyfunction!([<$module _ $func>], m)?)?;
            )*}
            Ok(())
        }
    };

    // The pyo3 signature: a parameter with a catalogue default is `= None`
    // there (`arg` then supplies the default); the text signature Python
    // shows (the docstring's first line) has the catalogue's default.
    (@sig $call:tt [$($sig:tt)*] $p:ident : $t:ty = $d:literal $(, $($rest:tt)*)?) => {
        exports!(@sig $call [$($sig)* $p = None,] $($($rest)*)?);
    };
    (@sig $call:tt [$($sig:tt)*] $p:ident : $t:ty $(, $($rest:tt)*)?) => {
        exports!(@sig $call [$($sig)* $p,] $($($rest)*)?);
    };
    (@sig [$kind:ident [$($group:ident)?] $module:ident $func:ident $params:tt] $sig:tt) => {
        paste::paste! {
            exports!(@fn $kind $sig [<$module _ $func>] [$module $func] [::rtctoken::$($group::)?$module::$func] $params);
        }
    };

    (@fn stamped [$($sig:tt)*] $name:ident [$module:ident $func:ident] [$core:path] ($($p:ident : $t:ty $(= $d:literal)?),*)) => {
        #[doc = concat!(
            stringify!($name), "(", $(stringify!($p), $("=", stringify!($d),)? ", ",)* "*, issue_ts=None, salt=None)\n--\n\n",
            "The catalogue's `", stringify!($module), ".", stringify!($func), "` (documented in the Rust core). `issue_ts` and `salt` fix the issue time and salt, for exact tests; leave them out in production.")]
        #[pyfunction]
        #[pyo3(signature = ($($sig)* *, issue_ts = None, salt = None), text_signature = None)]
        #[allow(clippy::too_many_arguments)] // the catalogue's parameters, one each
        pub(crate) fn $name(py: Python<'_>, $($p: Arg,)* issue_ts: Arg, salt: Arg) -> PyResult<String> {
            $(let $p: <$t as Held>::Held<'_> = arg($p, stringify!($p), default!($($d)?))?;)*
            let stamp = stamp(issue_ts, salt)?;
            run(py, move || $core($(<$t as Held>::lend(&$p),)* stamp))
        }
    };
    (@fn plain [$($sig:tt)*] $name:ident [$module:ident $func:ident] [$core:path] ($($p:ident : $t:ty $(= $d:literal)?),*)) => {
        #[doc = concat!(
            stringify!($name), "(", $(stringify!($p), $("=", stringify!($d),)? ", ",)* ")\n--\n\n",
            "The catalogue's `", stringify!($module), ".", stringify!($func), "` (documented in the Rust core).")]
        #[pyfunction]
        #[pyo3(signature = ($($sig)*), text_signature = None)]
        #[allow(clippy::too_many_arguments)] // the catalogue's parameters, one each
        pub(crate) fn $name(py: Python<'_>, $($p: Arg),*) -> PyResult<String> {
            $(let $p: <$t as Held>::Held<'_> = arg($p, stringify!($p), default!($($d)?))?;)*
            run(py, move || $core($(<$t as Held>::lend(&$p)),*))
        }
    };
}

rtctoken::for_each_call!(exports);
