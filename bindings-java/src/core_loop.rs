//! `io.rtctoken.bench.CoreLoop.run` (only with the `bench` feature): any
//! catalogue call, or `parse` / `verify`, run in the core alone `rounds`
//! times on arguments converted once, so the crossing harness can time it
//! next to the same call through Java and subtract.

use std::hint::black_box;

use jni::objects::{JClass, JString};
use jni::sys::jint;
use jni::JNIEnv;
use rtctoken::catalogue::*;
use rtctoken::{parse, verify, Stamp, VerifyInput};
use serde_json::Value;

use crate::convert::text;
use crate::failure::{guard, invalid, Outcome};
use crate::java_value::from_value;

/// Argument `name` of `args` (keyed like the vectors), or `default`.
fn arg<T: serde::de::DeserializeOwned>(
    args: &Value,
    name: &'static str,
    default: Option<Value>,
) -> Outcome<T> {
    let v = args.get(name).cloned().or(default).unwrap_or(Value::Null);
    from_value(v, name)
}

macro_rules! core_loop {
    ($([$kind:ident $(, $group:ident)?] $module:ident :: $func:ident ( $($p:ident : $t:ty $(= $d:literal)?),* );)*) => {
        /// Runs `call` on `args` (JSON keyed like the vectors; `issue_ts`
        /// and `salt` fix the stamp) `rounds` times; `parse` and `verify`
        /// take `token` (and `app_certificate`).
        fn run(call: &str, args: &Value, rounds: i32) -> Outcome<()> {
            match call {
                $(concat!(stringify!($module), ".", stringify!($func)) => {
                    $(let $p: $t = arg(args, stringify!($p), core_loop!(@default $($d)?))?;)*
                    let _stamp = Stamp {
                        issue_ts: arg(args, "issue_ts", None)?,
                        salt: arg(args, "salt", None)?,
                    };
                    let f = ::rtctoken::$($group::)?$module::$func;
                    for _ in 0..rounds {
                        black_box(core_loop!(@call $kind f ($(black_box(&$p).pass()),*) _stamp)?);
                    }
                })*
                "parse" => {
                    let token: String = arg(args, "token", None)?;
                    for _ in 0..rounds {
                        let t = parse(black_box(&token))?;
                        black_box((t.version(), t.app_id()));
                    }
                }
                "verify" => {
                    let token: String = arg(args, "token", None)?;
                    let cert: String = arg(args, "app_certificate", None)?;
                    for _ in 0..rounds {
                        black_box(verify(black_box(&token), &[cert.as_str()], &VerifyInput::default())?);
                    }
                }
                _ => return Err(invalid("call", format!("call must be a catalogue name, parse or verify, got {call}"))),
            }
            Ok(())
        }
    };
    (@default $d:literal) => { Some(Value::from($d)) };
    (@default) => { None };
    (@call stamped $f:ident ($($a:expr),*) $stamp:ident) => { $f($($a,)* $stamp) };
    (@call plain $f:ident ($($a:expr),*) $stamp:ident) => { $f($($a),*) };
}
rtctoken::for_each_call!(core_loop);

/// `CoreLoop.run(call, argsJson, rounds)`.
#[no_mangle]
pub extern "system" fn Java_io_rtctoken_bench_CoreLoop_run<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    call: JString<'l>,
    args: JString<'l>,
    rounds: jint,
) {
    guard(&mut env, (), |env| {
        let call = text(env, &call, "call")?;
        let args: Value = serde_json::from_str(&text(env, &args, "args")?)
            .map_err(|e| invalid("args", format!("args: {e}")))?;
        run(&call, &args, rounds)
    })
}
