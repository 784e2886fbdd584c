//! One native export per catalogue call, generated from
//! `rtctoken::for_each_call!`: `module.function` becomes
//! `moduleFunction(...params, issueTs?, salt?)` (the last two only for
//! stamped calls). `lib/calls.d.ts` is generated from the same catalogue
//! (scripts/catalogue.js).

use napi::{Env, JsUnknown};
use napi_derive::napi;
use rtctoken::catalogue::*;

use crate::convert::{stamp, FromJs, TokenText};
use crate::errors::{guard, NodeError};

macro_rules! exports {
    ($([$kind:ident $(, $group:ident)?] $module:ident :: $func:ident ( $($p:ident : $t:ty $(= $d:literal)?),* );)*) => {
        $(exports!(@$kind env ($($group::)?$module::$func) $module $func ($($p: $t),*));)*
    };
    (@stamped $env:ident $path:tt $module:ident $func:ident $params:tt) => {
        exports!(@export $env $path $module $func $params (issue_ts: Option<JsUnknown>, salt: Option<JsUnknown>)
            (let stamp = stamp(&$env, issue_ts, salt)?;) (stamp));
    };
    (@plain $env:ident $path:tt $module:ident $func:ident $params:tt) => {
        exports!(@export $env $path $module $func $params () () ());
    };
    (@export $env:ident ($($path:tt)*) $module:ident $func:ident ($($p:ident : $t:ty),*) ($($s:ident : $st:ty),*) ($($read:tt)*) ($($stamp:tt)*)) => {
        paste::paste! {
            #[napi(skip_typescript)]
            #[allow(clippy::too_many_arguments)] // the catalogue's positional signature
            pub fn [<$module _ $func>]($env: Env, $($p: <$t as FromJs>::Js,)* $($s: $st),*) -> Result<TokenText, NodeError> {
                $(let $p = <$t as FromJs>::from_js(&$env, $p, stringify!($p))?;)*
                $($read)*
                guard(|| ::rtctoken::$($path)*($($p.pass(),)* $($stamp)*)).map(TokenText)
            }

            /// Benchmarks only: the core call `iterations` times on one set
            /// of converted arguments, so that one timing is the core alone.
            #[cfg(feature = "bench")]
            #[napi(skip_typescript)]
            #[allow(clippy::too_many_arguments)]
            pub fn [<$module _ $func _core_loop>]($env: Env, iterations: u32, $($p: <$t as FromJs>::Js,)* $($s: $st),*) -> Result<String, NodeError> {
                $(let $p = <$t as FromJs>::from_js(&$env, $p, stringify!($p))?;)*
                $($read)*
                let mut token = String::new();
                for _ in 0..iterations {
                    token = guard(|| ::rtctoken::$($path)*($($p.pass(),)* $($stamp)*))?;
                }
                Ok(token)
            }
        }
    };
}
rtctoken::for_each_call!(exports);
