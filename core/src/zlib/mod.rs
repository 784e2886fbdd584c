//! zlib streams: a Rust deflate that writes exactly C zlib's level-6 bytes,
//! and an inflater for any valid stream.
//!
//! The references compress 007 payloads with C zlib's `compress()` (level 6,
//! windowBits 15, memLevel 8, default strategy), and a token is only
//! byte-exact if its deflate stream is too. [`deflate`] reproduces zlib's
//! matcher, window and blocks and [`trees`] its Huffman coding, for input of
//! any length; [`bound`] proves when the fixed codes win without building
//! zlib's trees (every token's case). C zlib is only the tests' oracle. Each call works in memory
//! of its own (on the stack for token-sized input): nothing is kept between
//! calls or shared between threads.

mod bits;
mod bound;
mod deflate;
mod inflate;
mod tables;
mod trees;

use bits::BitWriter;
use deflate::{
    Deflater, DirectHeads, Heads, ProbedHeads, HASH_SIZE, MAX_UNSLID, PADDING, PREV_SIZE,
    WINDOW_SIZE,
};
use trees::{Block, MAX_BLOCK_SYMBOLS};

#[cfg(any(test, feature = "fuzzing"))]
use inflate::decompress;
pub(crate) use inflate::decompress_screened;

/// Inputs up to this size are deflated in stack memory only.
const SMALL_INPUT: usize = 512;
/// Up to this size a probed hash table is smaller than zlib's direct one.
const PROBED_INPUT: usize = 8 * 1024;

/// zlib's header for deflate, 32 KiB window, level 6.
const HEADER: [u8; 2] = [0x78, 0x9c];

/// zlib-wraps `data` exactly as C zlib's `compress()` at level 6 does.
pub(crate) fn compress(data: &[u8]) -> Vec<u8> {
    let n = data.len();
    // Stored blocks bound the output: 5 bytes per block of at most
    // MAX_BLOCK_SYMBOLS bytes, plus header, trailer and bit-buffer slack.
    let mut out = Vec::with_capacity(n + 5 * (n / MAX_BLOCK_SYMBOLS + 1) + 16);
    out.extend_from_slice(&HEADER);
    let mut w = BitWriter::new(out);
    if n <= SMALL_INPUT / 2 {
        const N: usize = SMALL_INPUT / 2;
        on_stack::<N, { N + PADDING }, { 2 * N }>(data, &mut w);
    } else if n <= SMALL_INPUT {
        const N: usize = SMALL_INPUT;
        on_stack::<N, { N + PADDING }, { 2 * N }>(data, &mut w);
    } else {
        let window_len = if n <= MAX_UNSLID {
            n + PADDING
        } else {
            WINDOW_SIZE
        };
        let mut window = vec![0; window_len];
        let mut prev = vec![0; n.min(PREV_SIZE)];
        let mut syms = vec![0; n.min(MAX_BLOCK_SYMBOLS)];
        if n <= PROBED_INPUT {
            let heads = ProbedHeads(&mut vec![0; probed_size(n)]);
            run(data, &mut window, &mut prev, heads, &mut syms, &mut w);
        } else {
            let heads = DirectHeads(&mut vec![0; HASH_SIZE]);
            run(data, &mut window, &mut prev, heads, &mut syms, &mut w);
        }
    }
    let mut out = w.out;
    out.extend_from_slice(&simd_adler32::adler32(&data).to_be_bytes());
    out
}

/// Deflates up to `N` bytes in stack memory sized for them (`W` = `N` +
/// [`PADDING`], `H` = 2 `N`; two sizes, so a typical token zeroes about
/// 4 KiB instead of 8).
fn on_stack<const N: usize, const W: usize, const H: usize>(data: &[u8], w: &mut BitWriter) {
    debug_assert!(W == N + PADDING && H == 2 * N);
    let mut window = [0u8; W];
    let mut prev = [0u16; N];
    let mut heads = [0u32; H];
    let mut syms = [0u32; N];
    let heads = ProbedHeads(&mut heads[..probed_size(data.len())]);
    run(data, &mut window, &mut prev, heads, &mut syms, w);
}

/// Probed hash table size for `n` bytes: at most half full.
fn probed_size(n: usize) -> usize {
    (2 * n).next_power_of_two().max(2)
}

fn run(
    data: &[u8],
    window: &mut [u8],
    prev: &mut [u16],
    heads: impl Heads,
    syms: &mut [u32],
    w: &mut BitWriter,
) {
    Deflater::new(data, window, prev, heads).run(&mut Block::new(syms), w);
}

/// The zlib layer as the differential fuzz targets (`fuzz/`: deflate, inflate) call it.
#[cfg(feature = "fuzzing")]
pub mod fuzzing {
    pub use super::inflate::MAX_OUTPUT;

    /// See [`super::compress`].
    pub fn compress(data: &[u8]) -> Vec<u8> {
        super::compress(data)
    }

    /// See [`super::decompress`].
    pub fn decompress(data: &[u8]) -> crate::Result<Vec<u8>> {
        super::decompress(data)
    }
}

#[cfg(test)]
mod tests;
