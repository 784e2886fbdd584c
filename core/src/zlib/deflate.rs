//! zlib's `deflate_slow` at level 6: the same window filling and sliding,
//! hash chains, chain limits, lazy evaluation and `TOO_FAR` rule, so it
//! finds the same matches and cuts the same blocks for any input.

use super::bits::BitWriter;
use super::trees::Block;

const MIN_MATCH: usize = 3;
const MAX_MATCH: usize = 258;
const WSIZE: usize = 1 << 15;
const WMASK: usize = WSIZE - 1;
/// zlib reads input into a window of twice the match distance.
pub(super) const WINDOW_SIZE: usize = 2 * WSIZE;
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

/// The window slides once the position reaches `WSIZE + MAX_DIST`; input up
/// to this long never gets there, so a window of the input plus
/// [`PADDING`] behaves like zlib's 64 KiB one.
pub(super) const MAX_UNSLID: usize = WSIZE + MAX_DIST - 1;
/// Bytes past the input that zlib zeroes (`WIN_INIT`); match checks read them.
pub(super) const PADDING: usize = MAX_MATCH;
/// Entries in zlib's hash table (`hash_bits` = memLevel + 7 = 15).
pub(super) const HASH_SIZE: usize = 1 << 15;
/// zlib's `prev` table: one link per window position modulo `WSIZE`.
pub(super) const PREV_SIZE: usize = WSIZE;

/// zlib's `UPDATE_HASH`: the hash of three bytes from that of the two
/// before and the third; with a shift of 5 and 15 bits, older bytes shift out.
#[inline(always)]
fn rolled(hash: u32, byte: u8) -> u32 {
    ((hash << 5) ^ u32::from(byte)) & 0x7fff
}

/// Where the most recent position with a given hash was, zlib's `head`.
pub(super) trait Heads {
    /// Records `pos` for `hash`, returning the position recorded before
    /// (0, zlib's `NIL`, if none).
    fn replace(&mut self, hash: u32, pos: u16) -> u16;
    /// Moves every position back by `WSIZE`, forgetting those before it.
    fn slide(&mut self);
}

/// zlib's `slide_hash` step for one stored position.
fn slid(pos: u16) -> u16 {
    pos.saturating_sub(WSIZE as u16)
}

/// zlib's table indexed by hash, for long inputs.
pub(super) struct DirectHeads<'a>(pub(super) &'a mut [u16]);

impl Heads for DirectHeads<'_> {
    #[inline]
    fn replace(&mut self, hash: u32, pos: u16) -> u16 {
        std::mem::replace(&mut self.0[hash as usize], pos)
    }

    fn slide(&mut self) {
        self.0.iter_mut().for_each(|p| *p = slid(*p));
    }
}

/// An open-addressing table of `hash << 16 | pos + 1`, a power of two at
/// least twice the input long, so short inputs clear a few KiB instead of
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

    fn slide(&mut self) {
        for slot in self.0.iter_mut().filter(|s| **s != 0) {
            let pos = slid((*slot & 0xffff) as u16 - 1);
            *slot = *slot & 0xffff_0000 | (u32::from(pos) + 1);
        }
    }
}

/// The state of zlib's `deflate_slow` over one input.
pub(super) struct Deflater<'a, H> {
    input: &'a [u8],
    /// How much of `input` has been read into the window.
    read: usize,
    /// zlib's window: [`WINDOW_SIZE`] bytes, or for input up to
    /// [`MAX_UNSLID`] bytes the input plus [`PADDING`].
    window: &'a mut [u8],
    /// Up to where zlib has zeroed the window past the input.
    high_water: usize,
    /// Previous position with the same hash, by position modulo `WSIZE`.
    prev: &'a mut [u16],
    heads: H,
    /// zlib's `ins_h`: the hash of the bytes at the last position inserted
    /// (or, before the first, of the first two), rolled on by each insert:
    /// every position is inserted in turn.
    ins_h: u32,
    strstart: usize,
    lookahead: usize,
    /// Lookahead under which the loop calls `fill_window`: zlib's
    /// [`MIN_LOOKAHEAD`], then 1 once all input sits in a window that never
    /// slides, so only the end stops the loop.
    refill_under: usize,
    /// Where the current block began; negative once slid out of the window.
    block_start: isize,
    match_start: usize,
    /// zlib's lazy-match state: the match found at the last position, and
    /// whether that position's literal is still to be sent.
    match_length: usize,
    match_available: bool,
}

impl<'a, H: Heads> Deflater<'a, H> {
    /// `window` and `prev` sized as their fields say (`prev`: at least
    /// `min(input, PREV_SIZE)` entries); `heads` empty.
    pub(super) fn new(
        input: &'a [u8],
        window: &'a mut [u8],
        prev: &'a mut [u16],
        heads: H,
    ) -> Self {
        debug_assert!(
            window.len() == WINDOW_SIZE
                || (input.len() <= MAX_UNSLID && window.len() >= input.len() + PADDING)
        );
        Deflater {
            input,
            read: 0,
            window,
            high_water: 0,
            prev,
            heads,
            ins_h: 0,
            strstart: 0,
            lookahead: 0,
            refill_under: MIN_LOOKAHEAD,
            block_start: 0,
            match_start: 0,
            match_length: MIN_MATCH - 1,
            match_available: false,
        }
    }

    /// Deflates the whole input into `w`, one or more blocks, the last
    /// marked final.
    pub(super) fn run(mut self, block: &mut Block, w: &mut BitWriter) {
        loop {
            if self.lookahead < self.refill_under {
                if !self.all_read() {
                    self.fill_window();
                }
                if self.lookahead == 0 {
                    break;
                }
            }
            self.steps(block, w);
        }
        if self.match_available {
            block.literal(self.window[self.strstart - 1]);
        }
        self.flush_block(self.strstart, block, true, w);
    }

    /// zlib's `deflate_slow` steps, the first one always and more while the
    /// lookahead needs no refill. The cursor lives in locals, written back
    /// on return: as fields, LLVM would store them at every step, since
    /// any table write might reach them.
    #[inline(never)]
    fn steps(&mut self, block: &mut Block, w: &mut BitWriter) {
        let (mut strstart, mut lookahead, mut ins_h) = (self.strstart, self.lookahead, self.ins_h);
        let (mut match_length, mut match_available) = (self.match_length, self.match_available);
        loop {
            let hash_head = if lookahead >= MIN_MATCH {
                self.insert(&mut ins_h, strstart)
            } else {
                0
            };
            let prev_length = match_length;
            let prev_match = self.match_start;
            match_length = MIN_MATCH - 1;
            if hash_head != 0 && prev_length < MAX_LAZY && strstart - hash_head <= MAX_DIST {
                match_length = self.longest_match(strstart, lookahead, hash_head, prev_length);
                if match_length == MIN_MATCH && strstart - self.match_start > TOO_FAR {
                    match_length = MIN_MATCH - 1;
                }
            }
            if prev_length >= MIN_MATCH && match_length <= prev_length {
                let max_insert = strstart + lookahead - MIN_MATCH;
                let full = block.matched(strstart - 1 - prev_match, prev_length);
                lookahead -= prev_length - 1;
                for _ in 0..prev_length - 2 {
                    strstart += 1;
                    if strstart <= max_insert {
                        self.insert(&mut ins_h, strstart);
                    }
                }
                strstart += 1;
                match_available = false;
                match_length = MIN_MATCH - 1;
                if full {
                    self.flush_block(strstart, block, false, w);
                }
            } else if match_available {
                if block.literal(self.window[strstart - 1]) {
                    self.flush_block(strstart, block, false, w);
                }
                strstart += 1;
                lookahead -= 1;
            } else {
                match_available = true;
                strstart += 1;
                lookahead -= 1;
            }
            if lookahead < self.refill_under {
                break;
            }
        }
        (self.strstart, self.lookahead, self.ins_h) = (strstart, lookahead, ins_h);
        (self.match_length, self.match_available) = (match_length, match_available);
    }

    /// Adds the string at `p` to its hash chain, rolling `ins_h` on to it;
    /// returns the chain's previous head.
    #[inline(always)]
    fn insert(&mut self, ins_h: &mut u32, p: usize) -> usize {
        *ins_h = rolled(*ins_h, self.window[p + 2]);
        let head = self.heads.replace(*ins_h, p as u16);
        self.prev[p & WMASK] = head;
        head as usize
    }

    /// Ends the block at `strstart`.
    fn flush_block(&mut self, strstart: usize, block: &mut Block, last: bool, w: &mut BitWriter) {
        let stored = usize::try_from(self.block_start)
            .ok()
            .map(|start| &self.window[start..strstart]);
        block.flush(stored, last, w);
        self.block_start = strstart as isize;
    }

    /// All input read and nowhere to slide: zlib's `fill_window` would
    /// change nothing.
    #[inline(always)]
    fn all_read(&self) -> bool {
        self.read == self.input.len() && self.strstart < WSIZE + MAX_DIST
    }

    /// zlib's `fill_window`: slides the window when the position nears its
    /// end, then reads as much input as fits.
    #[cold]
    fn fill_window(&mut self) {
        let window_size = self.window.len();
        loop {
            let mut more = window_size - self.lookahead - self.strstart;
            if self.strstart >= WSIZE + MAX_DIST {
                self.window.copy_within(WSIZE..2 * WSIZE - more, 0);
                // Stale once slid past the window; C's unsigned subtraction
                // wraps the same way, and neither reads it again.
                self.match_start = self.match_start.wrapping_sub(WSIZE);
                self.strstart -= WSIZE;
                self.block_start -= WSIZE as isize;
                self.heads.slide();
                self.prev.iter_mut().for_each(|p| *p = slid(*p));
                more += WSIZE;
            }
            let rest = &self.input[self.read..];
            if rest.is_empty() {
                break;
            }
            let n = more.min(rest.len());
            let at = self.strstart + self.lookahead;
            self.window[at..at + n].copy_from_slice(&rest[..n]);
            if self.read == 0 {
                self.ins_h = rolled(u32::from(self.window[0]), self.window[1]);
            }
            self.read += n;
            self.lookahead += n;
            if self.lookahead >= MIN_LOOKAHEAD || self.read == self.input.len() {
                break;
            }
        }
        // Zero up to PADDING bytes past the input, as far as zlib ever has.
        let end = self.strstart + self.lookahead;
        let target = (end + PADDING).min(window_size);
        let from = self.high_water.max(end);
        if from < target {
            self.window[from..target].fill(0);
        }
        self.high_water = self.high_water.max(target);
        if self.read == self.input.len() && self.input.len() <= MAX_UNSLID {
            self.refill_under = 1;
        }
    }

    /// zlib's `longest_match`: the longest match at `strstart` along the
    /// chain from `cur` if longer than `prev_length` (then `match_start` is
    /// set), within the level's chain budget; capped at the lookahead.
    #[inline]
    fn longest_match(
        &mut self,
        strstart: usize,
        lookahead: usize,
        mut cur: usize,
        prev_length: usize,
    ) -> usize {
        let mut chain = if prev_length >= GOOD_LENGTH {
            MAX_CHAIN >> 2
        } else {
            MAX_CHAIN
        };
        let nice = NICE_LENGTH.min(lookahead);
        let limit = strstart.saturating_sub(MAX_DIST);
        let w = &*self.window;
        let scan = &w[strstart..strstart + MAX_MATCH];
        let mut best = prev_length;
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
                    self.match_start = cur;
                    best = len;
                    if len >= nice {
                        break;
                    }
                }
            }
            cur = self.prev[cur & WMASK] as usize;
            chain -= 1;
            if cur <= limit || chain == 0 {
                break;
            }
        }
        best.min(lookahead)
    }
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
    i + a[i..]
        .iter()
        .zip(&b[i..])
        .take_while(|(x, y)| x == y)
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_head_tables_slide_like_zlib() {
        let mut direct = vec![0u16; HASH_SIZE];
        let mut probed = vec![0u32; 64];
        let mut d = DirectHeads(&mut direct);
        let mut p = ProbedHeads(&mut probed);
        for (hash, pos) in [(5, 40_000), (9, 100), (5, 50_000)] {
            assert_eq!(d.replace(hash, pos), p.replace(hash, pos));
        }
        d.slide();
        p.slide();
        // Positions move back a window; those before it become NIL.
        assert_eq!(d.replace(5, 1), 50_000 - 32_768);
        assert_eq!(p.replace(5, 1), 50_000 - 32_768);
        assert_eq!(d.replace(9, 1), 0);
        assert_eq!(p.replace(9, 1), 0);
    }
}
