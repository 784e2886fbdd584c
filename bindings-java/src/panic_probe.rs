//! `io.rtctoken.PanicProbe` (only with the `panic-probe` feature, which
//! `make test` builds separately and never ships): a deliberate panic
//! holding its argument, so the suite can prove that neither the exception
//! nor stderr carries a panic's payload.

use jni::objects::{JClass, JString};
use jni::sys::jstring;
use jni::JNIEnv;

use crate::convert::text;
use crate::failure::{guard, Outcome};

/// `PanicProbe.panic(secret)`: panics with `secret` in the payload.
#[no_mangle]
pub extern "system" fn Java_io_rtctoken_PanicProbe_panic<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    secret: JString<'l>,
) -> jstring {
    guard(&mut env, std::ptr::null_mut(), |env| -> Outcome<jstring> {
        let secret = text(env, &secret, "secret")?;
        panic!("deliberate panic holding {secret}")
    })
}
