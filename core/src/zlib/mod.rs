//! zlib streams: a Rust deflate that writes exactly C zlib's level-6 bytes,
//! and an inflater for any valid stream.
//!
//! The references compress 007 payloads with C zlib's `compress()` (level 6,
//! windowBits 15, memLevel 8, default strategy), and a token is only
//! byte-exact if its deflate stream is too. [`deflate`] reproduces zlib's
//! matcher and [`trees`] its Huffman coding for every input up to
//! [`MAX_INPUT`] bytes (65,273): everything zlib compresses without sliding
//! its window. Longer input still goes through C zlib (`flate2`), with a
//! fresh stream per call. No state is kept between calls or threads.

mod bits;
mod deflate;
mod inflate;
mod tables;
mod trees;

use bits::BitWriter;
use deflate::{link_chains, DirectHeads, Heads, ProbedHeads, HASH_SIZE, PADDING};
use trees::{Block, MAX_BLOCK_SYMBOLS};

use deflate::MAX_INPUT;
pub(crate) use inflate::decompress;

/// Inputs up to this size are deflated with stack memory only.
const SMALL_INPUT: usize = 512;

/// zlib's header for deflate, 32 KiB window, level 6.
const HEADER: [u8; 2] = [0x78, 0x9c];

/// zlib-wraps `data` exactly as C zlib's `compress()` at level 6 does.
pub(crate) fn compress(data: &[u8]) -> Vec<u8> {
    let n = data.len();
    if n > MAX_INPUT {
        return c_zlib(data);
    }
    // Stored blocks bound the output: 5 bytes per block of at most
    // MAX_BLOCK_SYMBOLS bytes, plus header, trailer and bit-buffer slack.
    let mut out = Vec::with_capacity(n + 5 * (n / MAX_BLOCK_SYMBOLS + 1) + 16);
    out.extend_from_slice(&HEADER);
    let mut w = BitWriter::new(out);
    if n <= SMALL_INPUT {
        let mut window = [0u8; SMALL_INPUT + PADDING];
        let mut prev = [0u16; SMALL_INPUT];
        let mut heads = [0u32; 2 * SMALL_INPUT];
        let mut syms = [0u32; SMALL_INPUT];
        let table = (2 * n).next_power_of_two().max(2);
        deflate_in(
            data,
            &mut window,
            &mut prev,
            &mut ProbedHeads(&mut heads[..table]),
            &mut syms,
            &mut w,
        );
    } else {
        deflate_in(
            data,
            &mut vec![0; n + PADDING],
            &mut vec![0; n],
            &mut DirectHeads(&mut vec![0; HASH_SIZE]),
            &mut vec![0; n.min(MAX_BLOCK_SYMBOLS)],
            &mut w,
        );
    }
    let mut out = w.out;
    out.extend_from_slice(&adler2::adler32_slice(data).to_be_bytes());
    out
}

/// Deflates `data` using the given working memory.
fn deflate_in(
    data: &[u8],
    window: &mut [u8],
    prev: &mut [u16],
    heads: &mut impl Heads,
    syms: &mut [u32],
    w: &mut BitWriter,
) {
    let n = data.len();
    window[..n].copy_from_slice(data);
    link_chains(window, n, prev, heads);
    deflate::deflate(window, n, prev, &mut Block::new(syms), w);
}

/// C zlib's `compress()` for input too long for [`deflate`], on a stream
/// of its own.
fn c_zlib(data: &[u8]) -> Vec<u8> {
    use flate2::{Compress, Compression, FlushCompress, Status};
    let mut c = Compress::new(Compression::default(), true);
    let mut out = Vec::with_capacity(data.len() + data.len() / 1000 + 64);
    loop {
        let consumed = c.total_in() as usize;
        let status = c
            .compress_vec(&data[consumed..], &mut out, FlushCompress::Finish)
            .expect("deflate on a valid stream cannot fail");
        if status == Status::StreamEnd {
            return out;
        }
        out.reserve(out.capacity());
    }
}

#[cfg(test)]
mod tests;
