//! Little-endian packing shared by DynamicKey5, 006 and 007.

use std::collections::BTreeMap;

use base64::engine::general_purpose::STANDARD;
use base64::{DecodeError, DecodeSliceError, Engine};
use base64_simd::AsOut;

use crate::error::{Error, ErrorKind, Result};

/// `prefix` followed by standard base64 of `bytes`, encoded straight into
/// the one string the token becomes.
pub(crate) fn base64_token(prefix: &[&str], bytes: &[u8]) -> String {
    let mut token = String::with_capacity(
        prefix.iter().map(|p| p.len()).sum::<usize>() + bytes.len().div_ceil(3) * 4,
    );
    prefix.iter().for_each(|p| token.push_str(p));
    STANDARD.encode_string(bytes, &mut token);
    token
}

/// The bytes of a token body in standard base64, or `malformed` naming `what`.
pub(crate) fn base64_body(what: &str, body: &str) -> Result<Vec<u8>> {
    STANDARD.decode(body).map_err(|e| not_base64(what, e))
}

/// Bodies up to this many characters (every real token's) decode on the
/// stack in [`with_base64_body`].
const STACK_BODY: usize = 1024;

/// [`base64_body`] for a caller that only reads the bytes: `read` sees
/// them decoded on the stack for a token-sized body, so no allocation.
pub(crate) fn with_base64_body<T>(
    what: &str,
    body: &str,
    read: impl FnOnce(&[u8]) -> Result<T>,
) -> Result<T> {
    if body.len() <= STACK_BODY {
        let mut buf = [0u8; STACK_BODY / 4 * 3];
        // A SIMD decoder first, a third of `base64`'s time on a token. It
        // accepts the same canonical padded base64 (`simd_base64_agrees`
        // below); a body it refuses is decoded again by `base64`, whose
        // error text is the one reported.
        if let Ok(bytes) = base64_simd::STANDARD.decode(body.as_bytes(), buf[..].as_out()) {
            return read(bytes);
        }
        match STANDARD.decode_slice(body, &mut buf) {
            Ok(n) => return read(&buf[..n]),
            Err(DecodeSliceError::DecodeError(e)) => return Err(not_base64(what, e)),
            // Cannot happen for this buffer size; the heap path decides.
            Err(DecodeSliceError::OutputSliceTooSmall) => {}
        }
    }
    read(&base64_body(what, body)?)
}

fn not_base64(what: &str, e: DecodeError) -> Error {
    Error::malformed(format!("{what} body is not base64: {e}"))
}

/// Appends fields to a byte buffer; a string too long for its `u16` length
/// prefix is refused with the field's name, never truncated.
#[derive(Default)]
pub(crate) struct Writer {
    pub(crate) buf: Vec<u8>,
}

impl Writer {
    pub(crate) fn with_capacity(n: usize) -> Self {
        Writer {
            buf: Vec::with_capacity(n),
        }
    }

    pub(crate) fn u16(&mut self, v: u16) -> &mut Self {
        self.buf.extend_from_slice(&v.to_le_bytes());
        self
    }

    pub(crate) fn i16(&mut self, v: i16) -> &mut Self {
        self.buf.extend_from_slice(&v.to_le_bytes());
        self
    }

    pub(crate) fn u32(&mut self, v: u32) -> &mut Self {
        self.buf.extend_from_slice(&v.to_le_bytes());
        self
    }

    /// `u16` length then the bytes.
    pub(crate) fn bytes(&mut self, field: &'static str, v: &[u8]) -> Result<&mut Self> {
        self.u16(len16(field, v.len())?);
        self.buf.extend_from_slice(v);
        Ok(self)
    }

    pub(crate) fn str(&mut self, field: &'static str, v: &str) -> Result<&mut Self> {
        self.bytes(field, v.as_bytes())
    }

    /// `u16` count (at most `max`), then `u16 key, u32 value` in ascending
    /// key order.
    pub(crate) fn map_u32(
        &mut self,
        field: &'static str,
        m: &BTreeMap<u16, u32>,
        max: usize,
    ) -> Result<&mut Self> {
        self.u16(count16(field, m.len(), max)?);
        for (k, v) in m {
            self.u16(*k).u32(*v);
        }
        Ok(self)
    }

    /// `u16` count (at most `max`), then `u16 key, str value` in ascending
    /// key order.
    pub(crate) fn map_str(
        &mut self,
        field: &'static str,
        m: &BTreeMap<u16, String>,
        max: usize,
    ) -> Result<&mut Self> {
        self.u16(count16(field, m.len(), max)?);
        for (k, v) in m {
            self.u16(*k).str(field, v)?;
        }
        Ok(self)
    }
}

/// The `u16` length prefix for a `len`-byte `field`, or `field_too_long`.
pub(crate) fn len16(field: &'static str, len: usize) -> Result<u16> {
    u16::try_from(len).map_err(|_| {
        Error::new(
            ErrorKind::FieldTooLong,
            format!("{field} must be at most 65535 bytes, got {len}"),
        )
        .with_field(field)
    })
}

/// The `u16` count prefix for `n` entries of `field` (a [`crate::limits`]
/// ceiling `max`, below 65535), or `invalid_argument`: a builder must not
/// make a token its own parser refuses.
pub(crate) fn count16(field: &'static str, n: usize, max: usize) -> Result<u16> {
    if n > max {
        return Err(Error::invalid(too_many(field, n, max)).with_field(field));
    }
    Ok(n as u16)
}

fn too_many(field: &str, n: usize, max: usize) -> String {
    format!("{field} must be at most {max}, got {n}")
}

/// `malformed` when a token holds `n` entries of `what`, past its
/// [`crate::limits`] ceiling `max`.
pub(crate) fn at_most(what: &str, n: usize, max: usize) -> Result<()> {
    if n > max {
        return Err(Error::malformed(too_many(what, n, max)));
    }
    Ok(())
}

/// Reads fields back; running out of bytes is `malformed`.
pub(crate) struct Reader<'a> {
    data: &'a [u8],
}

impl<'a> Reader<'a> {
    pub(crate) fn new(data: &'a [u8]) -> Self {
        Reader { data }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.data.is_empty()
    }

    /// Everything not read yet.
    pub(crate) fn rest(self) -> &'a [u8] {
        self.data
    }

    /// Everything not read yet, reading on: for bytes that must be checked
    /// exactly as they travel, not as re-serialised after decoding.
    pub(crate) fn peek_rest(&self) -> &'a [u8] {
        self.data
    }

    fn take(&mut self, n: usize, what: &str) -> Result<&'a [u8]> {
        if self.data.len() < n {
            return Err(ends_inside(what, n, self.data.len()));
        }
        let (head, rest) = self.data.split_at(n);
        self.data = rest;
        Ok(head)
    }

    pub(crate) fn u16(&mut self, what: &str) -> Result<u16> {
        let b = self.take(2, what)?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }

    pub(crate) fn i16(&mut self, what: &str) -> Result<i16> {
        let b = self.take(2, what)?;
        Ok(i16::from_le_bytes([b[0], b[1]]))
    }

    pub(crate) fn u32(&mut self, what: &str) -> Result<u32> {
        let b = self.take(4, what)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    pub(crate) fn bytes(&mut self, what: &str) -> Result<&'a [u8]> {
        let n = self.u16(what)? as usize;
        self.take(n, what)
    }

    /// A length-prefixed UTF-8 text, borrowed from the token.
    pub(crate) fn text(&mut self, what: &str) -> Result<&'a str> {
        let b = self.bytes(what)?;
        std::str::from_utf8(b).map_err(|_| Error::malformed(format!("{what} is not valid UTF-8")))
    }

    pub(crate) fn string(&mut self, what: &str) -> Result<String> {
        self.text(what).map(str::to_owned)
    }

    /// A `u16` count, refused past its [`crate::limits`] ceiling `max`
    /// before anything is read or allocated for it.
    pub(crate) fn count(&mut self, what: &str, max: usize) -> Result<usize> {
        let n = usize::from(self.u16(what)?);
        at_most(what, n, max)?;
        Ok(n)
    }

    pub(crate) fn map_u32(&mut self, what: &str, max: usize) -> Result<BTreeMap<u16, u32>> {
        Ok(self.entries_u32(what, max)?.into_map())
    }

    /// The entries of a `u16 key, u32 value` map, checked as
    /// [`Reader::map_u32`] reads them (count, lengths, no key twice) but
    /// left in the token's bytes: a reader that only checks them builds
    /// no map.
    pub(crate) fn entries_u32(&mut self, what: &str, max: usize) -> Result<EntriesU32<'a>> {
        let n = self.count(what, max)?;
        let start = self.data;
        for i in 0..n {
            let k = self.u16(what)?;
            self.u32(what)?;
            if EntriesU32(&start[..6 * i]).any(|(seen, _)| seen == k) {
                return Err(repeated(what, k));
            }
        }
        Ok(EntriesU32(&start[..6 * n]))
    }

    pub(crate) fn map_str(&mut self, what: &str, max: usize) -> Result<BTreeMap<u16, String>> {
        let mut m = BTreeMap::new();
        for _ in 0..self.count(what, max)? {
            let k = self.u16(what)?;
            let v = self.string(what)?;
            insert_once(&mut m, what, k, v)?;
        }
        Ok(m)
    }
}

/// Kept out of line, so that reading a field inlines to a length check.
#[cold]
fn ends_inside(what: &str, n: usize, has: usize) -> Error {
    Error::malformed(format!(
        "token ends inside {what}: needs {n} more bytes, has {has}"
    ))
}

/// Inserts a map entry read from a token, refusing a key seen before: with
/// two values for one key, two readers could grant different rights from
/// one signed token.
pub(crate) fn insert_once<V>(m: &mut BTreeMap<u16, V>, what: &str, k: u16, v: V) -> Result<()> {
    if m.insert(k, v).is_some() {
        return Err(repeated(what, k));
    }
    Ok(())
}

fn repeated(what: &str, k: u16) -> Error {
    Error::malformed(format!("{what} holds key {k} more than once"))
}

/// Checked `u16 key, u32 value` entries as they travel (see
/// [`Reader::entries_u32`]), read in token order.
#[derive(Clone, Copy)]
pub(crate) struct EntriesU32<'a>(&'a [u8]);

impl EntriesU32<'_> {
    /// The entries as a map, inserted one by one: `collect` would gather
    /// and sort them in a vector first, for keys known to be distinct.
    pub(crate) fn into_map(self) -> BTreeMap<u16, u32> {
        let mut m = BTreeMap::new();
        self.for_each(|(k, v)| {
            m.insert(k, v);
        });
        m
    }
}

impl Iterator for EntriesU32<'_> {
    type Item = (u16, u32);

    fn next(&mut self) -> Option<(u16, u32)> {
        let e = self.0.get(..6)?;
        self.0 = &self.0[6..];
        Some((
            u16::from_le_bytes([e[0], e[1]]),
            u32::from_le_bytes([e[2], e[3], e[4], e[5]]),
        ))
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        /// The SIMD decoder [`with_base64_body`] tries first accepts and
        /// decodes exactly what `base64`'s `STANDARD` does: padding as
        /// canonical, zero trailing bits, nothing outside the alphabet.
        #[test]
        fn simd_base64_agrees(
            bytes in prop::collection::vec(any::<u8>(), 0..40),
            at in any::<prop::sample::Index>(),
            edit in 0u8..4,
            c in prop::sample::select(b"AQgw+/=9 _-".to_vec()),
        ) {
            let mut text = STANDARD.encode(&bytes).into_bytes();
            if !text.is_empty() {
                let i = at.index(text.len());
                match edit {
                    0 => text[i] = c,
                    1 => text.truncate(i),
                    2 => text.insert(i, c),
                    _ => {}
                }
            }
            let simd = base64_simd::STANDARD.decode_to_vec(&text).ok();
            prop_assert_eq!(simd, STANDARD.decode(&text).ok());
        }
    }
}
