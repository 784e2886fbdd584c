//! The flat form a typed parse result crosses in: one `byte[]` of
//! little-endian 32-bit numbers and length-prefixed UTF-8 texts, written
//! here in the order the Java class reads it back with
//! `io.rtctoken.internal.Record`, in the thread's result buffer: one JNI
//! call per token, instead of a call back into Java (and arrays of its
//! own) per part.

use jni::sys::jint;
use jni::JNIEnv;

use crate::convert::{IntoJava, Out};
use crate::failure::{invalid, Outcome};

/// A record being written.
pub(crate) struct Record(Vec<u8>);

impl Record {
    /// An empty record, with room for a typical token's fields.
    pub(crate) fn new() -> Self {
        Record(Vec::with_capacity(256))
    }

    /// A 32-bit number (unsigned values as their bits).
    pub(crate) fn u32(&mut self, v: u32) -> &mut Self {
        self.0.extend_from_slice(&v.to_le_bytes());
        self
    }

    /// A count of the items that follow.
    pub(crate) fn count(&mut self, n: usize) -> Outcome<&mut Self> {
        let n = u32::try_from(n)
            .ok()
            .filter(|&n| n <= i32::MAX as u32)
            .ok_or_else(|| invalid("result", "more items than a Java array holds".to_owned()))?;
        Ok(self.u32(n))
    }

    /// Bytes, after their length; `Record.bytes` / `Record.text` read them.
    pub(crate) fn bytes(&mut self, b: &[u8]) -> Outcome<&mut Self> {
        self.count(b.len())?.0.extend_from_slice(b);
        Ok(self)
    }

    /// Text as its UTF-8 bytes, or a length of -1 for `None` (Java `null`).
    pub(crate) fn text(&mut self, s: Option<&str>) -> Outcome<&mut Self> {
        match s {
            Some(s) => self.bytes(s.as_bytes()),
            None => Ok(self.u32(u32::MAX)),
        }
    }
}

/// Written into the thread's result buffer like text ([`Out::write`]);
/// `None` (Java `null`) is a length of 0, which no record has.
impl IntoJava for Option<Record> {
    type Java = jint;
    const FAILED: jint = 0;
    fn into_java(self, env: &mut JNIEnv, out: &Out) -> Outcome<jint> {
        match self {
            Some(r) => out.write(env, &r.0),
            None => Ok(0),
        }
    }
}
