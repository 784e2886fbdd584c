//! Turning core errors, JNI errors and panics into Java exceptions.

use std::panic::{self, catch_unwind, AssertUnwindSafe};

use jni::objects::{JThrowable, JValue};
use jni::JNIEnv;
use rtctoken::{Error, ErrorKind};

/// The Java exception class every failure is reported with.
const TOKEN_EXCEPTION: &str = "io/rtctoken/TokenException";

/// Why a native call did not produce a value, boxed: one pointer, so that
/// every conversion's `Outcome` comes back in registers, not through the
/// stack (where the caller's wide loads of the callee's narrow stores
/// stalled).
pub(crate) struct Failure(Box<Cause>);

enum Cause {
    /// The core (or argument conversion) refused the input.
    Token(Error),
    /// A JNI call failed; a Java exception may already be pending.
    Jni(jni::errors::Error),
}

impl From<Error> for Failure {
    #[cold]
    fn from(e: Error) -> Self {
        Failure(Box::new(Cause::Token(e)))
    }
}

impl From<jni::errors::Error> for Failure {
    #[cold]
    fn from(e: jni::errors::Error) -> Self {
        Failure(Box::new(Cause::Jni(e)))
    }
}

/// The result type of every export's body.
pub(crate) type Outcome<T> = Result<T, Failure>;

/// An `invalid_argument` error about the argument `field`; `message`
/// names it and the rule it broke.
pub(crate) fn invalid(field: &'static str, message: String) -> Failure {
    Error::new(ErrorKind::InvalidArgument, message)
        .with_field(field)
        .into()
}

/// The `invalid_argument` error for a `null` where `field` must be given.
pub(crate) fn null(field: &'static str) -> Failure {
    invalid(field, format!("{field} must not be null"))
}

/// Runs `body`; on failure or panic throws a `TokenException` and returns
/// `fallback` (which the JVM ignores because an exception is pending).
pub(crate) fn guard<'l, T>(
    env: &mut JNIEnv<'l>,
    fallback: T,
    body: impl FnOnce(&mut JNIEnv<'l>) -> Outcome<T>,
) -> T {
    match catch_unwind(AssertUnwindSafe(|| body(env))) {
        Ok(Ok(value)) => value,
        Ok(Err(Failure(cause))) => {
            match *cause {
                Cause::Token(e) => throw(env, e.kind().as_str(), e.message()),
                Cause::Jni(e) => throw(
                    env,
                    ErrorKind::Internal.as_str(),
                    &format!("JNI call failed: {e}"),
                ),
            }
            fallback
        }
        Err(_) => {
            // The panic payload is not echoed: a std message can quote the
            // text it was handling (say, a certificate being sliced).
            throw(
                env,
                ErrorKind::Internal.as_str(),
                "native code panicked (a bug in rtctoken; please report it)",
            );
            fallback
        }
    }
}

/// Replaces the default panic hook, which prints the payload (and, under
/// `RUST_BACKTRACE`, a backtrace) to the JVM's stderr: a payload can quote
/// the text being handled, a certificate included. Every export runs in
/// [`guard`], which reports the panic to the caller as kind `internal`, so
/// the hook has nothing left to say. Called once, from `JNI_OnLoad`.
pub(crate) fn silence_panics() {
    panic::set_hook(Box::new(|_| {}));
}

/// Throws `TokenException(kind, message)` unless an exception is already
/// pending (that one, e.g. an OutOfMemoryError, is more informative).
fn throw(env: &mut JNIEnv, kind: &str, message: &str) {
    if env.exception_check().unwrap_or(true) {
        return;
    }
    let built = (|| -> jni::errors::Result<()> {
        let k = env.new_string(kind)?;
        let m = env.new_string(message)?;
        let obj = env.new_object(
            TOKEN_EXCEPTION,
            "(Ljava/lang/String;Ljava/lang/String;)V",
            &[JValue::Object(&k), JValue::Object(&m)],
        )?;
        env.throw(JThrowable::from(obj))
    })();
    if built.is_err() && !env.exception_check().unwrap_or(true) {
        // Last resort: the exception class itself could not be used.
        let _ = env.throw_new("java/lang/IllegalStateException", message);
    }
}
