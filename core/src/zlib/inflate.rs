//! Inflating token payloads with `miniz_oxide`: no allocation besides the
//! output and no setup beyond a zeroed decoder on the stack.

use miniz_oxide::inflate::core::inflate_flags::{
    TINFL_FLAG_COMPUTE_ADLER32, TINFL_FLAG_PARSE_ZLIB_HEADER,
    TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF,
};
use miniz_oxide::inflate::core::{decompress as inflate, DecompressorOxide};
use miniz_oxide::inflate::TINFLStatus;

use crate::error::{Error, Result};

/// The most a payload may inflate to.
pub(crate) const MAX_OUTPUT: usize = 1 << 20;

/// Inflates any valid zlib stream (other encoders' bytes included) of at
/// most [`MAX_OUTPUT`] bytes that `data` holds exactly.
pub(crate) fn decompress(data: &[u8]) -> Result<Vec<u8>> {
    const FLAGS: u32 = TINFL_FLAG_PARSE_ZLIB_HEADER
        | TINFL_FLAG_COMPUTE_ADLER32
        | TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF;
    let mut d = DecompressorOxide::new();
    // One byte beyond the cap shows whether the stream goes past it.
    let mut out = vec![0; (data.len() * 4 + 64).min(MAX_OUTPUT + 1)];
    let (mut read, mut written) = (0, 0);
    loop {
        let (status, r, w) = inflate(&mut d, &data[read..], &mut out, written, FLAGS);
        read += r;
        written += w;
        match status {
            TINFLStatus::Done if read < data.len() => {
                return Err(Error::malformed(
                    "token payload has bytes after its zlib stream",
                ))
            }
            TINFLStatus::Done => {
                out.truncate(written);
                return Ok(out);
            }
            TINFLStatus::HasMoreOutput if out.len() > MAX_OUTPUT => {
                return Err(Error::malformed("token payload inflates past 1 MiB"))
            }
            TINFLStatus::HasMoreOutput => out.resize((out.len() * 2).min(MAX_OUTPUT + 1), 0),
            TINFLStatus::NeedsMoreInput | TINFLStatus::FailedCannotMakeProgress => {
                return Err(Error::malformed("token payload is a truncated zlib stream"))
            }
            _ => {
                return Err(Error::malformed("token payload is not valid zlib"))
            }
        }
    }
}
