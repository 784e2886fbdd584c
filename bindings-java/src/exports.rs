//! The JNI exports, all declared through [`natives!`]: one per catalogue
//! call, `Native.native<Module><Function>` (the catalogue name in
//! CamelCase, behind the `Native.<Module><Function>` wrapper that makes
//! the returned UTF-8 a `String`),
//! taking the call's parameters in catalogue order and, for stamped calls, a
//! trailing `issue_ts` and `salt` (-1 = now / random); the non-catalogue
//! natives in [`crate::tokens`] and [`crate::raw`] use the same macro.
//! `Native.java` is generated from the same catalogue.

use paste::paste;
use rtctoken::catalogue::*;
use rtctoken::Stamp;

/// `fn Name(env, param: Type, …) -> Result { body }` becomes the export
/// `Java_io_rtctoken_internal_Native_Name`: each parameter converted by its
/// [`FromJava`](crate::convert::FromJava) impl (texts taken from the call's
/// [`Texts`](crate::texts::Texts), which arrive as the trailing `units` and
/// `used`), `body` (an `Outcome<Result>`, with `env` the `&mut JNIEnv`) run
/// inside [`guard`](crate::failure::guard), its value returned by
/// [`IntoJava`](crate::convert::IntoJava), given the trailing `out` and
/// `out_size`, the calling thread's result buffer, and the `Native` class.
macro_rules! natives {
    ($($(#[$attr:meta])* fn $name:ident($env:ident $(, $p:ident: $t:ty)*) -> $r:ty $body:block)*) => {
        paste::paste! {$(
            $(#[$attr])*
            #[no_mangle]
            #[allow(clippy::too_many_arguments)] // one parameter per Java parameter
            #[allow(clippy::redundant_closure_call)] // so a body may `return` early
            pub extern "system" fn [<Java_io_rtctoken_internal_Native_ $name>]<'l>(
                mut env: jni::JNIEnv<'l>,
                class: jni::objects::JClass<'l>,
                $($p: <$t as $crate::convert::FromJava<'l>>::Java,)*
                units: jni::objects::JCharArray<'l>,
                used: jni::sys::jint,
                out: jni::objects::JByteArray<'l>,
                out_size: jni::sys::jint,
            ) -> <$r as $crate::convert::IntoJava>::Java {
                $crate::failure::guard(&mut env, <$r as $crate::convert::IntoJava>::FAILED, |$env| {
                    let mut rooms = ($crate::convert::Region::new(), $crate::convert::Region::new());
                    let texts = $crate::texts::Texts::read($env, &units, used, &mut rooms.0, &mut rooms.1)?;
                    #[allow(unused_mut)] // a native without parameters converts none
                    let mut call = $crate::convert::Call { env: &mut *$env, texts };
                    $(let $p = <$t as $crate::convert::FromJava>::from_java(&mut call, $p, stringify!($p))?;)*
                    call.texts.finish()?;
                    let value: $r = (|| -> $crate::failure::Outcome<$r> { $body })()?;
                    let out = $crate::convert::Out { buffer: &out, size: out_size, class: &class };
                    $crate::convert::IntoJava::into_java(value, $env, &out)
                })
            }
        )*}
    };
}
pub(crate) use natives;

macro_rules! exports {
    ($([$kind:ident $(, $group:ident)?] $module:ident :: $func:ident ( $($p:ident : $t:ty $(= $d:literal)?),* );)*) => {
        paste! {$(
            exports!(@$kind [<native $module:camel $func:camel>], ::rtctoken::$($group::)?$module::$func, ($($p: $t),*));
        )*}
    };
    (@stamped $name:ident, $f:path, ($($p:ident: $t:ty),*)) => {
        natives! {
            fn $name(env $(, $p: $t)*, issue_ts: Option<u32>, salt: Option<u32>) -> String {
                Ok($f($($p.pass(),)* Stamp { issue_ts, salt })?)
            }
        }
    };
    (@plain $name:ident, $f:path, ($($p:ident: $t:ty),*)) => {
        natives! {
            fn $name(env $(, $p: $t)*) -> String {
                Ok($f($($p.pass()),*)?)
            }
        }
    };
}

rtctoken::for_each_call!(exports);
