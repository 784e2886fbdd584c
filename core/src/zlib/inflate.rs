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
        if written > MAX_OUTPUT {
            return Err(Error::malformed("token payload inflates past 1 MiB"));
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;
    use crate::zlib::compress;

    fn refusal(data: &[u8]) -> String {
        let e = decompress(data).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Malformed);
        e.message().to_string()
    }

    #[test]
    fn output_is_capped_at_exactly_one_mebibyte() {
        let full = compress(&vec![7u8; MAX_OUTPUT]);
        assert_eq!(decompress(&full).unwrap(), vec![7u8; MAX_OUTPUT]);
        let over = compress(&vec![7u8; MAX_OUTPUT + 1]);
        assert_eq!(refusal(&over), "token payload inflates past 1 MiB");
    }

    #[test]
    fn streams_must_be_whole_valid_and_alone() {
        let stream = compress(b"a token payload, a token payload");
        let mut trailing = stream.clone();
        trailing.push(0);
        assert_eq!(
            refusal(&trailing),
            "token payload has bytes after its zlib stream"
        );
        for cut in [1, 2, 5, stream.len() - 1] {
            assert_eq!(
                refusal(&stream[..cut]),
                "token payload is a truncated zlib stream",
                "cut at {cut}"
            );
        }
        assert_eq!(refusal(b"hello world"), "token payload is not valid zlib");
        let mut bad_checksum = stream.clone();
        *bad_checksum.last_mut().unwrap() ^= 1;
        assert_eq!(refusal(&bad_checksum), "token payload is not valid zlib");
    }

    #[test]
    fn other_encoders_streams_are_accepted() {
        // A stored block, as a level-0 encoder writes it.
        let stored = [
            0x78, 0x01, 0x01, 0x03, 0x00, 0xfc, 0xff, b'a', b'b', b'c', 0x02, 0x4d, 0x01, 0x27,
        ];
        assert_eq!(decompress(&stored).unwrap(), b"abc");
        let deflated = miniz_oxide::deflate::compress_to_vec_zlib(&[9u8; 5000], 10);
        assert_eq!(decompress(&deflated).unwrap(), vec![9u8; 5000]);
    }
}
