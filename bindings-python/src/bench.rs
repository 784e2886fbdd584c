//! `core_loop`: the core alone, looped inside the module, so the crossing
//! benchmark (`benchmarks/crossing.py`) can time it in the same run as the
//! export and subtract it.

use std::hint::black_box;

use pyo3::prelude::*;
use pyo3::types::PyDict;
use rtctoken::catalogue::*;

use crate::convert::{arg, default, stamp, FromPy};
use crate::errors::invalid_argument;

/// Calls `f` `rounds` times with the GIL released once around them all.
fn repeat<T>(py: Python<'_>, rounds: u32, f: impl Fn() -> T + Send) {
    py.allow_threads(move || {
        for _ in 0..rounds {
            black_box(f());
        }
    })
}

macro_rules! core_loop {
    ($([$kind:ident $(, $group:ident)?] $module:ident :: $func:ident ( $($p:ident : $t:ty $(= $d:literal)?),* );)*) => {
        /// Runs the core call `call` (a catalogue name, or `parse`/`verify`
        /// with `token` and `app_certificate`) `rounds` times, its arguments
        /// (`args`, keyed like the vectors) converted once.
        #[pyfunction]
        pub fn core_loop(py: Python<'_>, call: &str, args: &Bound<'_, PyDict>, rounds: u32) -> PyResult<()> {
            let get = |name: &str| args.get_item(name);
            match call {
                $(concat!(stringify!($module), ".", stringify!($func)) => {
                    $(let $p: $t = arg(get(stringify!($p))?.as_ref(), stringify!($p), default!($($d)?))?;)*
                    let _stamp = stamp(get("issue_ts")?.as_ref(), get("salt")?.as_ref())?;
                    let f = ::rtctoken::$($group::)?$module::$func;
                    Ok(repeat(py, rounds, || core_loop!(@call $kind f ($($p.pass()),*) _stamp)))
                })*
                "parse" => {
                    let token = String::from_py(&args.as_any().get_item("token")?, "token")?;
                    Ok(repeat(py, rounds, || rtctoken::parse(&token)))
                }
                "verify" => {
                    let token = String::from_py(&args.as_any().get_item("token")?, "token")?;
                    let cert = String::from_py(&args.as_any().get_item("app_certificate")?, "app_certificate")?;
                    let input = rtctoken::VerifyInput::default();
                    Ok(repeat(py, rounds, || rtctoken::verify(&token, &[cert.as_str()], &input)))
                }
                _ => Err(invalid_argument(py, format!("call must be a catalogue name, parse or verify, got {call:?}"))),
            }
        }
    };
    (@call stamped $f:ident ($($a:expr),*) $stamp:ident) => { $f($($a,)* $stamp) };
    (@call plain $f:ident ($($a:expr),*) $stamp:ident) => { $f($($a),*) };
}

rtctoken::for_each_call!(core_loop);
