//! Every call of the core's catalogue as a C export, generated from
//! `rtctoken_core::for_each_call!`: adding a builder to the catalogue adds its
//! export here and its declaration to `include/rtctoken.h`.
//!
//! `module.function(a, b, …)` becomes
//! `rtctoken_status rtctoken_module_function(a, b, …, [stamp,] char **token_out)`:
//! the catalogue's parameters in its order, each in its C form (see
//! [`FromC`]), then `const rtctoken_stamp *stamp` for stamped (006/007)
//! calls, then the out-parameter. Arrays take two arguments, pointer and
//! count (`permission_count`, `privilege_count`). Services cross as JSON
//! text (the core's serde model), which is why `access_token2.build` is
//! exported as `rtctoken_access_token2_build_json`:
//! `rtctoken_access_token2_build` is the handle API's.

use std::ffi::c_char;

use rtctoken_core::catalogue::*;
use rtctoken_core::Stamp;

use crate::input::{rtctoken_privilege, rtctoken_rtm2_permission, rtctoken_stamp, FromC};
use crate::output::string_call;
use crate::status::rtctoken_status;

/// Receives the catalogue and hands each entry to [`c_export!`] twice: for
/// the export, and (in tests) for its declaration as Rust source.
macro_rules! c_exports {
    ($([$kind:ident $(, $group:ident)?] $module:ident :: $func:ident ( $($p:ident : $t:ident $(<$($g:ident),*>)? $(= $d:literal)?),* );)*) => {
        $(c_export! { @$kind item [$kind [$($group)?] $module $func []] [] [] [] $($p : $t $(<$($g),*>)?,)* })*

        /// Each export by catalogue name, with its declaration as Rust
        /// source for cbindgen (which does not expand macros; see
        /// `header.rs`) and the replay table (`replay.rs`).
        #[cfg(test)]
        pub(crate) const EXPORTS: &[Export] = &[$(Export {
            call: concat!(stringify!($module), ".", stringify!($func)),
            declaration: c_export! { @$kind decl [$kind [$($group)?] $module $func []] [] [] [] $($p : $t $(<$($g),*>)?,)* },
        }),*];
    };
}

/// A generated export, for the tests.
#[cfg(test)]
pub(crate) struct Export {
    /// The catalogue name, `module.function`.
    pub call: &'static str,
    /// Its declaration as Rust source.
    pub declaration: &'static str,
}

#[cfg(test)]
impl Export {
    /// The C function's name, read back from the declaration.
    pub fn name(&self) -> &'static str {
        let rest = &self.declaration[self.declaration.find("fn ").expect("fn") + 3..];
        rest[..rest.find('(').expect("(")].trim()
    }
}

/// One export, built by walking its parameters. The state is `mode` (`item`
/// or `decl`), the call `[kind [group] module function [name suffix]]`,
/// then what has been gathered so far: `[C parameters] [conversions]
/// [core arguments]`, then the parameters still to walk.
macro_rules! c_export {
    // The stamp is the last parameter of a stamped call.
    (@stamped $mode:ident $call:tt $cp:tt $conv:tt $arg:tt $($params:tt)*) => {
        c_export! { @walk $mode $call $cp $conv $arg $($params)* stamp: Stamp, }
    };
    (@plain $mode:ident $call:tt $cp:tt $conv:tt $arg:tt $($params:tt)*) => {
        c_export! { @walk $mode $call $cp $conv $arg $($params)* }
    };

    // Each catalogue type's C form: `@take [C parameters] (C arguments of
    // FromC) [Rust type] [how the core takes it]`.
    (@walk $mode:ident $call:tt $cp:tt $conv:tt $arg:tt $p:ident : String, $($rest:tt)*) => {
        c_export! { @take [$p: *const c_char,] ($p) [&str] [$p] $mode $call $cp $conv $arg $p $($rest)* }
    };
    (@walk $mode:ident $call:tt $cp:tt $conv:tt $arg:tt $p:ident : u32, $($rest:tt)*) => {
        c_export! { @take [$p: u32,] ($p) [u32] [$p] $mode $call $cp $conv $arg $p $($rest)* }
    };
    (@walk $mode:ident $call:tt $cp:tt $conv:tt $arg:tt $p:ident : i16, $($rest:tt)*) => {
        c_export! { @take [$p: i16,] ($p) [i16] [$p] $mode $call $cp $conv $arg $p $($rest)* }
    };
    (@walk $mode:ident $call:tt $cp:tt $conv:tt $arg:tt $p:ident : Rtm2Permissions, $($rest:tt)*) => {
        c_export! {
            @take [$p: *const rtctoken_rtm2_permission, permission_count: usize,] ($p, permission_count)
            [Rtm2Permissions] [&$p] $mode $call $cp $conv $arg $p $($rest)*
        }
    };
    (@walk $mode:ident $call:tt $cp:tt $conv:tt $arg:tt $p:ident : BTreeMap<u16, u32>, $($rest:tt)*) => {
        c_export! {
            @take [$p: *const rtctoken_privilege, privilege_count: usize,] ($p, privilege_count)
            [BTreeMap<u16, u32>] [&$p] $mode $call $cp $conv $arg $p $($rest)*
        }
    };
    (@walk $mode:ident [$kind:ident $group:tt $module:ident $func:ident $suffix:tt] $cp:tt $conv:tt $arg:tt $p:ident : Vec<Service>, $($rest:tt)*) => {
        c_export! {
            @take [$p: *const c_char,] ($p) [Vec<Service>] [&$p]
            $mode [$kind $group $module $func [_json]] $cp $conv $arg $p $($rest)*
        }
    };
    (@walk $mode:ident $call:tt $cp:tt $conv:tt $arg:tt $p:ident : Stamp, $($rest:tt)*) => {
        c_export! { @take [$p: *const rtctoken_stamp,] ($p) [Stamp] [$p] $mode $call $cp $conv $arg $p $($rest)* }
    };
    (@take [$($new:tt)*] $c:tt [$rust:ty] [$($pass:tt)*] $mode:ident $call:tt [$($cp:tt)*] [$($conv:tt)*] [$($arg:tt)*] $p:ident $($rest:tt)*) => {
        c_export! {
            @walk $mode $call [$($cp)* $($new)*]
            [$($conv)* let $p: $rust = FromC::from_c($c, stringify!($p))?;] [$($arg)* $($pass)*,]
            $($rest)*
        }
    };

    // Every parameter taken: the export itself…
    (@walk item [$kind:ident [$($group:ident)?] $module:ident $func:ident [$($suffix:tt)*]] [$($cp:tt)*] [$($conv:tt)*] [$($arg:tt)*]) => {
        paste::paste! {
            #[doc = c_export!(@doc $kind $module $func)]
            #[no_mangle]
            #[allow(clippy::too_many_arguments)] // the vendor's parameter lists
            pub unsafe extern "C" fn [<rtctoken_ $module _ $func $($suffix)*>](
                $($cp)* token_out: *mut *mut c_char,
            ) -> rtctoken_status {
                string_call(token_out, "token_out", || {
                    $($conv)*
                    ::rtctoken_core::$($group::)?$module::$func($($arg)*)
                })
            }
        }
    };
    // …or its declaration for cbindgen.
    (@walk decl [$kind:ident $group:tt $module:ident $func:ident [$($suffix:tt)*]] [$($cp:tt)*] $conv:tt $arg:tt) => {
        paste::paste! {
            concat!(
                "#[doc = \"", c_export!(@doc $kind $module $func), "\"]\n#[no_mangle]\npub unsafe extern \"C\" fn ",
                stringify!([<rtctoken_ $module _ $func $($suffix)*>]),
                "(", stringify!($($cp)* token_out: *mut *mut c_char), ") -> rtctoken_status {}\n",
            )
        }
    };

    (@doc stamped $module:ident $func:ident) => {
        concat!(
            c_export!(@doc plain $module $func),
            "  \n `stamp` fixes the issue time and salt (tests); NULL means now and a  \n",
            " random salt (production)."
        )
    };
    (@doc plain $module:ident $func:ident) => {
        concat!(
            " `", stringify!($module), ".", stringify!($func), "` of the call catalogue: the core's  \n",
            " function of that name documents its rules. The token goes to `*token_out`,  \n",
            " freed with rtctoken_string_free."
        )
    };
}

rtctoken_core::for_each_call!(c_exports);
