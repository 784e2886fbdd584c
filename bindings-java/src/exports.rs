//! One JNI export per catalogue call: `Native.<Module><Function>` (the
//! catalogue name in CamelCase), taking the call's parameters in catalogue
//! order and, for stamped calls, a trailing `issue_ts` and `salt` (-1 = now /
//! random). `Native.java` is generated from the same catalogue.

use jni::objects::JClass;
use jni::sys::{jlong, jstring};
use jni::JNIEnv;
use paste::paste;
use rtctoken::catalogue::*;

use crate::convert::{jstring_of, null_string, stamp, FromJava};
use crate::failure::guard;

macro_rules! exports {
    ($([$kind:ident $(, $group:ident)?] $module:ident :: $func:ident ( $($p:ident : $t:ty $(= $d:literal)?),* );)*) => {
        paste! {$(
            exports!(@$kind [<Java_io_rtctoken_internal_Native_ $module:camel $func:camel>],
                ::rtctoken::$($group::)?$module::$func, ($($p: $t),*));
        )*}
    };
    (@stamped $name:ident, $f:path, $params:tt) => {
        exports!(@export $name, $f, $params, [issue_ts salt]);
    };
    (@plain $name:ident, $f:path, $params:tt) => {
        exports!(@export $name, $f, $params, []);
    };
    (@export $name:ident, $f:path, ($($p:ident: $t:ty),*), [$($s:ident)*]) => {
        #[no_mangle]
        #[allow(clippy::too_many_arguments)] // one parameter per catalogue parameter
        pub extern "system" fn $name<'l>(
            mut env: JNIEnv<'l>,
            _class: JClass<'l>,
            $($p: <$t as FromJava<'l>>::Java,)*
            $($s: jlong),*
        ) -> jstring {
            guard(&mut env, null_string(), |env| {
                $(let $p = <$t as FromJava>::from_java(env, $p, stringify!($p))?;)*
                let token = exports!(@call $f, ($($p.pass()),*), [$($s)*])?;
                jstring_of(env, token)
            })
        }
    };
    (@call $f:path, ($($a:expr),*), [$issue_ts:ident $salt:ident]) => {
        $f($($a,)* stamp($issue_ts, $salt)?)
    };
    (@call $f:path, ($($a:expr),*), []) => {
        $f($($a),*)
    };
}

rtctoken::for_each_call!(exports);
