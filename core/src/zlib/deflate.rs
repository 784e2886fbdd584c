//! zlib's `deflate_slow` at level 6 for input that never slides the window:
//! the same hash chains, chain limits, lazy evaluation and `TOO_FAR` rule,
//! so it finds the same matches and cuts the same blocks.

use super::bits::BitWriter;
use super::trees::Block;

const MIN_MATCH: usize = 3;
const MAX_MATCH: usize = 258;
const WSIZE: usize = 1 << 15;
/// zlib keeps this much input ahead of the current position.
const MIN_LOOKAHEAD: usize = MAX_MATCH + MIN_MATCH + 1;
/// The farthest back a match may start.
const MAX_DIST: usize = WSIZE - MIN_LOOKAHEAD;
/// Length-3 matches farther back than this are not worth it.
const TOO_FAR: usize = 4096;
/// Level 6: `good_length`, `max_lazy`, `nice_length`, `max_chain`.
const GOOD_LENGTH: usize = 8;
const MAX_LAZY: usize = 16;
const NICE_LENGTH: usize = 128;
const MAX_CHAIN: usize = 128;

/// zlib reads its whole input into a 64 KiB window and slides it once the
/// position reaches `2 * WSIZE - MIN_LOOKAHEAD`; below that it never slides.
pub(super) const MAX_INPUT: usize = 2 * WSIZE - MIN_LOOKAHEAD - 1;
/// Bytes past the input that zlib zeroes (`WIN_INIT`) and match checks read.
pub(super) const PADDING: usize = MAX_MATCH;
/// Entries in zlib's hash table (`hash_bits` = memLevel + 7 = 15).
pub(super) const HASH_SIZE: usize = 1 << 15;

/// zlib's rolling hash of the three bytes at `p`, in closed form: with a
/// shift of 5 and 15 bits, older bytes have shifted out.
#[inline(always)]
fn hash(w: &[u8], p: usize) -> u32 {
    ((u32::from(w[p]) << 10) ^ (u32::from(w[p + 1]) << 5) ^ u32::from(w[p + 2])) & 0x7fff
}

/// Where the most recent position with a given hash was, zlib's `head`.
pub(super) trait Heads {
    /// Records `pos` for `hash`, returning the position recorded before
    /// (0, zlib's `NIL`, if none).
    fn replace(&mut self, hash: u32, pos: u16) -> u16;
}

/// A full table indexed by hash, for large inputs.
pub(super) struct DirectHeads<'a>(pub(super) &'a mut [u16]);

impl Heads for DirectHeads<'_> {
    #[inline]
    fn replace(&mut self, hash: u32, pos: u16) -> u16 {
        std::mem::replace(&mut self.0[hash as usize], pos)
    }
}

/// An open-addressing table of `hash << 16 | pos + 1`, a power of two at
/// least twice the input long, so small inputs clear a few KiB instead of
/// zlib's 64 KiB.
pub(super) struct ProbedHeads<'a>(pub(super) &'a mut [u32]);

impl Heads for ProbedHeads<'_> {
    #[inline]
    fn replace(&mut self, hash: u32, pos: u16) -> u16 {
        let mask = self.0.len() - 1;
        let mut i = (hash.wrapping_mul(0x9e37_79b1) >> 16) as usize & mask;
        loop {
            let slot = self.0[i];
            if slot == 0 || slot >> 16 == hash {
                self.0[i] = hash << 16 | (u32::from(pos) + 1);
                return (slot & 0xffff).saturating_sub(1) as u16;
            }
            i = (i + 1) & mask;
        }
    }
}

/// Links every position to the previous one with the same hash (zlib's
/// `prev`). zlib inserts every position that has three bytes ahead, in
/// order, whatever it matches, so the chains can be built up front.
pub(super) fn link_chains(window: &[u8], n: usize, prev: &mut [u16], heads: &mut impl Heads) {
    for p in 0..n.saturating_sub(MIN_MATCH - 1) {
        prev[p] = heads.replace(hash(window, p), p as u16);
    }
}

/// Deflates `window[..n]` (followed by [`PADDING`] zero bytes) into `w` as
/// zlib's `deflate_slow` does, given chains from [`link_chains`].
pub(super) fn deflate(window: &[u8], n: usize, prev: &[u16], block: &mut Block, w: &mut BitWriter) {
    debug_assert!(n <= MAX_INPUT && window.len() >= n + PADDING);
    let mut strstart = 0;
    let mut block_start = 0;
    let mut match_length = MIN_MATCH - 1;
    let mut match_start = 0;
    let mut match_available = false;
    while strstart < n {
        let lookahead = n - strstart;
        let hash_head = if lookahead >= MIN_MATCH {
            prev[strstart] as usize
        } else {
            0
        };
        let prev_length = match_length;
        let prev_match = match_start;
        match_length = MIN_MATCH - 1;
        if hash_head != 0 && prev_length < MAX_LAZY && strstart - hash_head <= MAX_DIST {
            let found = longest_match(window, strstart, lookahead, hash_head, prev_length, prev);
            match_length = found.0;
            if let Some(start) = found.1 {
                match_start = start;
            }
            if match_length == MIN_MATCH && strstart - match_start > TOO_FAR {
                match_length = MIN_MATCH - 1;
            }
        }
        if prev_length >= MIN_MATCH && match_length <= prev_length {
            let full = block.matched(strstart - 1 - prev_match, prev_length);
            strstart += prev_length - 1;
            match_available = false;
            match_length = MIN_MATCH - 1;
            if full {
                block.flush(&window[block_start..strstart], false, w);
                block_start = strstart;
            }
        } else if match_available {
            if block.literal(window[strstart - 1]) {
                block.flush(&window[block_start..strstart], false, w);
                block_start = strstart;
            }
            strstart += 1;
        } else {
            match_available = true;
            strstart += 1;
        }
    }
    if match_available {
        block.literal(window[strstart - 1]);
    }
    block.flush(&window[block_start..strstart], true, w);
}

/// zlib's `longest_match`: the longest match at `strstart` along the chain
/// from `cur`, if longer than `prev_length`, within the level's chain
/// budget. Returns the length (capped at the lookahead) and the new match
/// start when one beat `prev_length`.
#[inline]
fn longest_match(
    w: &[u8],
    strstart: usize,
    lookahead: usize,
    mut cur: usize,
    prev_length: usize,
    prev: &[u16],
) -> (usize, Option<usize>) {
    let mut chain = if prev_length >= GOOD_LENGTH {
        MAX_CHAIN >> 2
    } else {
        MAX_CHAIN
    };
    let nice = NICE_LENGTH.min(lookahead);
    let limit = strstart.saturating_sub(MAX_DIST);
    let scan = &w[strstart..strstart + MAX_MATCH];
    let mut best = prev_length;
    let mut start = None;
    loop {
        let m = &w[cur..cur + MAX_MATCH];
        if m[best] == scan[best]
            && m[best - 1] == scan[best - 1]
            && m[0] == scan[0]
            && m[1] == scan[1]
        {
            // Bytes 2 agree too: same hash and same first two bytes.
            let len = common_prefix(&scan[2..], &m[2..]) + 2;
            if len > best {
                start = Some(cur);
                best = len;
                if len >= nice {
                    break;
                }
            }
        }
        cur = prev[cur] as usize;
        chain -= 1;
        if cur <= limit || chain == 0 {
            break;
        }
    }
    (best.min(lookahead), start)
}

/// Length of the common prefix of two equally long slices.
#[inline(always)]
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    let mut i = 0;
    for (x, y) in a.chunks_exact(8).zip(b.chunks_exact(8)) {
        let x = u64::from_le_bytes(x.try_into().unwrap());
        let y = u64::from_le_bytes(y.try_into().unwrap());
        let diff = x ^ y;
        if diff != 0 {
            return i + (diff.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    i + a[i..].iter().zip(&b[i..]).take_while(|(x, y)| x == y).count()
}
