//! C zlib at its defaults, with one compressor kept per thread.
//!
//! Only C zlib reproduces the references' bytes, and setting up a deflate
//! stream costs several times more than the rest of a 007 build, so each
//! thread resets and reuses its own stream instead.

use std::cell::RefCell;

use flate2::{Compress, Compression, Decompress, FlushCompress, FlushDecompress, Status};

use crate::error::{Error, Result};

thread_local! {
    static COMPRESSOR: RefCell<Compress> = RefCell::new(Compress::new(Compression::default(), true));
}

/// zlib-wraps `data` exactly as C zlib's `compress()` at level 6 does.
pub(crate) fn compress(data: &[u8]) -> Vec<u8> {
    COMPRESSOR.with(|cell| {
        let mut c = cell.borrow_mut();
        c.reset();
        // deflateBound for small inputs; grown below if ever too small.
        let mut out = Vec::with_capacity(data.len() + data.len() / 1000 + 64);
        loop {
            let consumed = c.total_in() as usize;
            let status = c
                .compress_vec(&data[consumed..], &mut out, FlushCompress::Finish)
                .expect("deflate on a valid stream cannot fail");
            if status == Status::StreamEnd {
                return out;
            }
            out.reserve(out.capacity().max(64));
        }
    })
}

/// Inflates any valid zlib stream (other encoders' bytes included).
pub(crate) fn decompress(data: &[u8]) -> Result<Vec<u8>> {
    const LIMIT: usize = 1 << 20;
    let mut d = Decompress::new(true);
    let mut out = Vec::with_capacity(data.len() * 4 + 64);
    loop {
        let consumed = d.total_in() as usize;
        let before = d.total_out();
        let status = d
            .decompress_vec(&data[consumed..], &mut out, FlushDecompress::Finish)
            .map_err(|e| Error::malformed(format!("token payload is not valid zlib: {e}")))?;
        match status {
            Status::StreamEnd if (d.total_in() as usize) < data.len() => {
                return Err(Error::malformed(
                    "token payload has bytes after its zlib stream",
                ))
            }
            Status::StreamEnd => return Ok(out),
            _ if out.len() >= LIMIT => {
                return Err(Error::malformed("token payload inflates past 1 MiB"))
            }
            _ if d.total_out() == before
                && d.total_in() as usize == consumed
                && out.len() < out.capacity() =>
            {
                return Err(Error::malformed("token payload is a truncated zlib stream"))
            }
            _ => out.reserve(out.capacity().max(64)),
        }
    }
}
