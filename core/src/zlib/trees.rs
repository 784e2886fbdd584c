//! One deflate block: symbol counts, zlib's Huffman tree construction (its
//! heap order, depth tie-break and bit-length overflow fix), its choice
//! between stored, fixed and dynamic blocks, and the block's bits.

use super::bits::BitWriter;
use super::bound::{self, DistPart};
use super::tables::{
    bit_reverse, dist_bits, dist_code, length_bits, next_codes, packed, BL_CODES, BL_ORDER,
    D_CODES, END_BLOCK, EXTRA_BLBITS, EXTRA_DBITS, EXTRA_LBITS, FIXED_LENGTH, FIXED_LITERAL,
    HEAP_SIZE, LENGTH_CODE, LITERALS, L_CODES, MAX_BITS, MAX_BL_BITS, REPZ_11_138, REPZ_3_10,
    REP_3_6, STATIC_DTREE, STATIC_LTREE,
};

/// zlib flushes a block once it holds this many symbols (`lit_bufsize - 1`
/// at memLevel 8).
pub(super) const MAX_BLOCK_SYMBOLS: usize = (1 << 14) - 1;

/// A Huffman tree over up to `N` nodes: leaves first, inner nodes after.
struct Tree<const N: usize> {
    freq: [u16; N],
    len: [u16; N],
    dad: [u16; N],
    code: [u16; N],
    /// Largest symbol with a nonzero count (after padding to two leaves).
    max_code: usize,
}

impl<const N: usize> Tree<N> {
    /// A tree to build over the leaf counts `freq`.
    fn new(freq: &[u16]) -> Self {
        let mut tree = Tree {
            freq: [0; N],
            len: [0; N],
            dad: [0; N],
            code: [0; N],
            max_code: 0,
        };
        tree.freq[..freq.len()].copy_from_slice(freq);
        tree
    }
}

/// What differs between the three trees zlib builds.
struct Desc {
    elems: usize,
    static_len: Option<&'static [u16]>,
    extra: &'static [u8],
    extra_base: usize,
    max_length: u16,
}

const L_DESC: Desc = Desc {
    elems: L_CODES,
    static_len: Some(&STATIC_LTREE.len),
    extra: &EXTRA_LBITS,
    extra_base: LITERALS + 1,
    max_length: MAX_BITS as u16,
};
const D_DESC: Desc = Desc {
    elems: D_CODES,
    static_len: Some(&STATIC_DTREE.len),
    extra: &EXTRA_DBITS,
    extra_base: 0,
    max_length: MAX_BITS as u16,
};
const BL_DESC: Desc = Desc {
    elems: BL_CODES,
    static_len: None,
    extra: &EXTRA_BLBITS,
    extra_base: 0,
    max_length: MAX_BL_BITS as u16,
};

/// The block's size in bits under the trees built so far, and under the
/// fixed codes.
#[derive(Default)]
struct Cost {
    opt_len: i64,
    static_len: i64,
}

/// zlib's heap for a tree of `N` nodes: entries `key << 16 | node` in
/// `heap[1..=len]`, where zlib orders nodes by frequency, then depth, which
/// the key `freq << 8 | depth` compares in one go; nodes taken out are kept
/// in `heap[max..]`, by frequency.
struct Heap<const N: usize> {
    heap: [u64; N],
    len: usize,
    max: usize,
}

/// A heap entry for `node` with frequency `freq` at `depth`.
#[inline(always)]
fn entry(freq: u64, depth: u64, node: usize) -> u64 {
    (freq << 8 | depth) << 16 | node as u64
}

#[inline(always)]
fn node_of(entry: u64) -> usize {
    (entry & 0xffff) as usize
}

#[cfg(test)]
thread_local! {
    /// Blocks flushed on this thread, and how many of them the bound settled.
    pub(super) static SETTLED: std::cell::Cell<[usize; 2]> = const { std::cell::Cell::new([0; 2]) };
}

/// The symbols of the block being gathered and their counts.
pub(super) struct Block<'a> {
    /// `distance << 8 | literal or length-3`; distance 0 marks a literal.
    syms: &'a mut [u32],
    count: usize,
    lfreq: [u16; L_CODES],
    dfreq: [u16; D_CODES],
    /// Bit `s` set for each literal/length symbol counted.
    present: [u64; L_CODES.div_ceil(64)],
}

impl<'a> Block<'a> {
    /// `syms` must hold the block's symbols: `min(input, MAX_BLOCK_SYMBOLS)`.
    pub(super) fn new(syms: &'a mut [u32]) -> Self {
        let mut block = Block {
            syms,
            count: 0,
            lfreq: [0; L_CODES],
            dfreq: [0; D_CODES],
            present: [0; L_CODES.div_ceil(64)],
        };
        block.reset();
        block
    }

    /// Counts literal/length symbol `s`.
    #[inline(always)]
    fn count_symbol(&mut self, s: usize) {
        self.lfreq[s] += 1;
        self.present[s / 64] |= 1 << (s % 64);
    }

    /// Records a literal; true when the block is full.
    #[inline]
    pub(super) fn literal(&mut self, byte: u8) -> bool {
        self.syms[self.count] = u32::from(byte);
        self.count += 1;
        self.count_symbol(byte as usize);
        self.count == MAX_BLOCK_SYMBOLS
    }

    /// Records a match of `len` (3..=258) bytes `dist` (1..=32K) back; true
    /// when the block is full.
    #[inline]
    pub(super) fn matched(&mut self, dist: usize, len: usize) -> bool {
        let lc = len - 3;
        self.syms[self.count] = (dist as u32) << 8 | lc as u32;
        self.count += 1;
        self.count_symbol(LENGTH_CODE[lc] as usize + LITERALS + 1);
        self.dfreq[dist_code(dist - 1)] += 1;
        self.count == MAX_BLOCK_SYMBOLS
    }

    /// Writes the block as zlib's `_tr_flush_block` would; `stored` is the
    /// input the block covers, if still in the window (else it cannot be
    /// stored). Leaves the block empty for the next one.
    pub(super) fn flush(&mut self, stored: Option<&[u8]>, last: bool, w: &mut BitWriter) {
        let mut cost = Cost::default();
        let mut dtree = Tree::<{ 2 * D_CODES + 1 }>::new(&self.dfreq);
        build_tree(&mut dtree, &D_DESC, &mut cost);
        let mut bl_freq = [0; BL_CODES];
        scan_tree(&mut dtree.len, dtree.max_code, &mut bl_freq);
        let dist = DistPart {
            opt_len: cost.opt_len,
            static_len: cost.static_len,
            bl_freq,
        };
        // When the bound proves the fixed codes win, no tree is built.
        let fixed = bound::sizes(&self.lfreq, &self.present, &dist);
        #[cfg(test)]
        SETTLED.with(|c| {
            let [blocks, settled] = c.get();
            c.set([blocks + 1, settled + usize::from(fixed.is_some())]);
        });
        #[cfg(debug_assertions)]
        if let Some((_, lb)) = fixed {
            let mut exact = Cost {
                opt_len: dist.opt_len,
                ..Cost::default()
            };
            let mut ltree = Tree::<HEAP_SIZE>::new(&self.lfreq);
            build_tree(&mut ltree, &L_DESC, &mut exact);
            build_bl_tree(&mut ltree, &mut dtree, &mut exact);
            assert!(
                lb <= exact.opt_len,
                "bound {lb} over zlib's {}",
                exact.opt_len
            );
        }
        let dynamic = match fixed {
            Some((fixed_len, _)) => {
                cost.static_len = fixed_len;
                None
            }
            None => {
                let mut ltree = Tree::<HEAP_SIZE>::new(&self.lfreq);
                build_tree(&mut ltree, &L_DESC, &mut cost);
                let (bltree, max_blindex) = build_bl_tree(&mut ltree, &mut dtree, &mut cost);
                Some((ltree, bltree, max_blindex))
            }
        };

        let static_lenb = (cost.static_len + 3 + 7) >> 3;
        let opt_lenb = match dynamic {
            Some(_) => ((cost.opt_len + 3 + 7) >> 3).min(static_lenb),
            None => static_lenb,
        };
        let last_bit = u16::from(last);
        if let Some(stored) = stored.filter(|s| s.len() as i64 + 4 <= opt_lenb) {
            w.send(last_bit, 3);
            w.align();
            let len = stored.len() as u16;
            w.out.extend_from_slice(&len.to_le_bytes());
            w.out.extend_from_slice(&(!len).to_le_bytes());
            w.out.extend_from_slice(stored);
        } else if let Some((ltree, bltree, max_blindex)) =
            dynamic.filter(|_| static_lenb != opt_lenb)
        {
            w.send(4 | last_bit, 3);
            send_all_trees(&ltree, &dtree, &bltree, max_blindex + 1, w);
            self.compress(
                |s| packed(ltree.code[s], ltree.len[s]),
                |lc| length_bits(&ltree.code, &ltree.len, lc),
                (&dtree.code, &dtree.len),
                w,
            );
        } else {
            w.send(2 | last_bit, 3);
            self.compress(
                |s| FIXED_LITERAL[s],
                |lc| FIXED_LENGTH[lc],
                (&STATIC_DTREE.code, &STATIC_DTREE.len),
                w,
            );
        }
        self.reset();
        if last {
            w.align();
        }
    }

    fn reset(&mut self) {
        self.lfreq = [0; L_CODES];
        self.dfreq = [0; D_CODES];
        self.present = [0; L_CODES.div_ceil(64)];
        self.count_symbol(END_BLOCK);
        self.count = 0;
    }

    /// Writes the block's symbols: `symbol` gives the [`packed`] code of
    /// a literal byte or END_BLOCK, `length` the bits of a match length
    /// minus 3, and `dtree` is the distance code.
    fn compress(
        &self,
        symbol: impl Fn(usize) -> u64,
        length: impl Fn(usize) -> u64,
        dtree: (&[u16], &[u16]),
        w: &mut BitWriter,
    ) {
        for &sym in &self.syms[..self.count] {
            let dist = (sym >> 8) as usize;
            let lc = (sym & 0xff) as usize;
            if dist == 0 {
                w.put(symbol(lc));
            } else {
                w.put(length(lc));
                w.put(dist_bits(dtree.0, dtree.1, dist - 1));
            }
        }
        w.put(symbol(END_BLOCK));
    }
}

/// A tree over the code-length symbols.
type BlTree = Tree<{ 2 * BL_CODES + 1 }>;

/// Counts the code-length symbols of both trees and builds their tree;
/// returns it with the index in [`BL_ORDER`] of the last length sent.
fn build_bl_tree(
    ltree: &mut Tree<HEAP_SIZE>,
    dtree: &mut Tree<{ 2 * D_CODES + 1 }>,
    cost: &mut Cost,
) -> (BlTree, usize) {
    let mut freq = [0; BL_CODES];
    scan_tree(&mut ltree.len, ltree.max_code, &mut freq);
    scan_tree(&mut dtree.len, dtree.max_code, &mut freq);
    let mut bltree = BlTree::new(&freq);
    build_tree(&mut bltree, &BL_DESC, cost);
    let mut max_blindex = BL_CODES - 1;
    while max_blindex >= 3 && bltree.len[BL_ORDER[max_blindex] as usize] == 0 {
        max_blindex -= 1;
    }
    cost.opt_len += 3 * (max_blindex as i64 + 1) + 5 + 5 + 4;
    (bltree, max_blindex)
}

fn send_all_trees(
    ltree: &Tree<HEAP_SIZE>,
    dtree: &Tree<{ 2 * D_CODES + 1 }>,
    bltree: &BlTree,
    blcodes: usize,
    w: &mut BitWriter,
) {
    let lcodes = ltree.max_code + 1;
    let dcodes = dtree.max_code + 1;
    w.send((lcodes - 257) as u16, 5);
    w.send((dcodes - 1) as u16, 5);
    w.send((blcodes - 4) as u16, 4);
    for &sym in &BL_ORDER[..blcodes] {
        w.send(bltree.len[sym as usize], 3);
    }
    let bl = (&bltree.code[..], &bltree.len[..]);
    send_tree(&ltree.len, lcodes - 1, bl, w);
    send_tree(&dtree.len, dcodes - 1, bl, w);
}

impl<const N: usize> Heap<N> {
    /// Sifts entry `k` down (zlib's `pqdownheap`): lower frequency first,
    /// equal frequencies by depth, and on a full tie the parent stays.
    #[inline]
    fn down(&mut self, mut k: usize) {
        let heap = &mut self.heap[..=self.len];
        let v = heap[k];
        let mut j = k << 1;
        while j < heap.len() {
            if j + 1 < heap.len() && heap[j + 1] >> 16 <= heap[j] >> 16 {
                j += 1;
            }
            if v >> 16 <= heap[j] >> 16 {
                break;
            }
            heap[k] = heap[j];
            k = j;
            j <<= 1;
        }
        heap[k] = v;
    }
}

/// Builds `tree`'s code lengths and codes from its leaf counts, adding the
/// block's cost under this tree and under the fixed tree to `cost`.
fn build_tree<const N: usize>(tree: &mut Tree<N>, desc: &Desc, cost: &mut Cost) {
    let elems = desc.elems;
    let mut max_code: isize = -1;
    let mut h = Heap {
        heap: [0; N],
        len: 0,
        max: N,
    };
    for n in 0..elems {
        if tree.freq[n] != 0 {
            h.len += 1;
            h.heap[h.len] = entry(u64::from(tree.freq[n]), 0, n);
            max_code = n as isize;
        } else {
            tree.len[n] = 0;
        }
    }
    // Deflate needs at least two codes: pad with count-1 leaves (0 or 1)
    // whose cost is taken back out.
    while h.len < 2 {
        let node = if max_code < 2 {
            max_code += 1;
            max_code as usize
        } else {
            0
        };
        h.len += 1;
        h.heap[h.len] = entry(1, 0, node);
        tree.freq[node] = 1;
        cost.opt_len -= 1;
        if let Some(stree) = desc.static_len {
            cost.static_len -= i64::from(stree[node]);
        }
    }
    let max_code = max_code as usize;
    tree.max_code = max_code;

    for n in (1..=h.len / 2).rev() {
        h.down(n);
    }
    let mut node = elems;
    loop {
        let n = h.heap[1];
        h.heap[1] = h.heap[h.len];
        h.len -= 1;
        h.down(1);
        let m = h.heap[1];
        h.max -= 1;
        h.heap[h.max] = n;
        h.max -= 1;
        h.heap[h.max] = m;
        let (fn_, dn) = (n >> 24, n >> 16 & 0xff);
        let (fm, dm) = (m >> 24, m >> 16 & 0xff);
        tree.dad[node_of(n)] = node as u16;
        tree.dad[node_of(m)] = node as u16;
        h.heap[1] = entry(fn_ + fm, dn.max(dm) + 1, node);
        node += 1;
        h.down(1);
        if h.len < 2 {
            break;
        }
    }
    h.max -= 1;
    h.heap[h.max] = h.heap[1];

    let bl_count = gen_bitlen(tree, desc, &h, cost);
    let mut next = next_codes(&bl_count);
    for n in 0..=max_code {
        let len = tree.len[n];
        if len != 0 {
            tree.code[n] = bit_reverse(next[len as usize], len);
            next[len as usize] += 1;
        }
    }
}

/// Assigns code lengths from the tree shape, capping them at the
/// alphabet's maximum the way zlib does, and counts the block's cost;
/// returns how many codes have each length.
fn gen_bitlen<const N: usize>(
    tree: &mut Tree<N>,
    desc: &Desc,
    h: &Heap<N>,
    cost: &mut Cost,
) -> [u16; MAX_BITS + 1] {
    let max_code = tree.max_code;
    let max_length = desc.max_length;
    let mut bl_count = [0u16; MAX_BITS + 1];
    let mut overflow = 0;

    tree.len[node_of(h.heap[h.max])] = 0;
    for &e in &h.heap[h.max + 1..] {
        let n = node_of(e);
        let mut bits = tree.len[tree.dad[n] as usize] + 1;
        if bits > max_length {
            bits = max_length;
            overflow += 1;
        }
        tree.len[n] = bits;
        if n > max_code {
            continue;
        }
        bl_count[bits as usize] += 1;
        let xbits = if n >= desc.extra_base {
            i64::from(desc.extra[n - desc.extra_base])
        } else {
            0
        };
        let f = i64::from(tree.freq[n]);
        cost.opt_len += f * (i64::from(bits) + xbits);
        if let Some(stree) = desc.static_len {
            cost.static_len += f * (i64::from(stree[n]) + xbits);
        }
    }
    if overflow == 0 {
        return bl_count;
    }
    // Move the overflowing leaves up under a shorter leaf, two at a time.
    let max_length = max_length as usize;
    while overflow > 0 {
        let mut bits = max_length - 1;
        while bl_count[bits] == 0 {
            bits -= 1;
        }
        bl_count[bits] -= 1;
        bl_count[bits + 1] += 2;
        bl_count[max_length] -= 1;
        overflow -= 2;
    }
    // Hand out the corrected lengths, longest to the least frequent leaves.
    let mut k = N;
    for bits in (1..=max_length).rev() {
        let mut n = bl_count[bits];
        while n != 0 {
            k -= 1;
            let m = node_of(h.heap[k]);
            if m > max_code {
                continue;
            }
            let len = tree.len[m] as usize;
            if len != bits {
                cost.opt_len += (bits as i64 - len as i64) * i64::from(tree.freq[m]);
                tree.len[m] = bits as u16;
            }
            n -= 1;
        }
    }
    bl_count
}

/// How runs of code lengths are coded: `(max_count, min_count)` for the next
/// run after a run of `cur` followed by `next`.
fn run_limits(cur: u16, next: u16) -> (usize, usize) {
    if next == 0 {
        (138, 3)
    } else if cur == next {
        (6, 3)
    } else {
        (7, 4)
    }
}

/// One run of equal code lengths as zlib codes it.
enum Run {
    /// `count` lengths sent one by one.
    Each(u16, usize),
    /// Optionally the length once, then "repeat previous" `count` times.
    Repeat(Option<u16>, usize),
    Zeros(usize),
}

/// Splits the code lengths `len[..=max_code]` into zlib's runs (the walk
/// `scan_tree` and `send_tree` share); `len[max_code + 1]` must be a guard.
fn for_each_run(len: &[u16], max_code: usize, mut f: impl FnMut(Run)) {
    let mut prevlen: i32 = -1;
    let mut nextlen = len[0];
    let mut count = 0;
    let (mut max_count, mut min_count) = if nextlen == 0 { (138, 3) } else { (7, 4) };
    for n in 0..=max_code {
        let curlen = nextlen;
        nextlen = len[n + 1];
        count += 1;
        if count < max_count && curlen == nextlen {
            continue;
        }
        if count < min_count {
            f(Run::Each(curlen, count));
        } else if curlen != 0 {
            if i32::from(curlen) != prevlen {
                f(Run::Repeat(Some(curlen), count - 1));
            } else {
                f(Run::Repeat(None, count));
            }
        } else {
            f(Run::Zeros(count));
        }
        count = 0;
        prevlen = i32::from(curlen);
        (max_count, min_count) = run_limits(curlen, nextlen);
    }
}

/// Counts the code-length symbols that will describe `len[..=max_code]`.
fn scan_tree(len: &mut [u16], max_code: usize, bl_freq: &mut [u16]) {
    len[max_code + 1] = 0xffff;
    for_each_run(len, max_code, |run| match run {
        Run::Each(l, count) => bl_freq[l as usize] += count as u16,
        Run::Repeat(first, _) => {
            if let Some(l) = first {
                bl_freq[l as usize] += 1;
            }
            bl_freq[REP_3_6] += 1;
        }
        Run::Zeros(count) if count <= 10 => bl_freq[REPZ_3_10] += 1,
        Run::Zeros(_) => bl_freq[REPZ_11_138] += 1,
    });
}

/// Sends `len[..=max_code]` in code-length codes `bl`; the guard set by
/// [`scan_tree`] is still in place.
fn send_tree(len: &[u16], max_code: usize, bl: (&[u16], &[u16]), w: &mut BitWriter) {
    let send = |w: &mut BitWriter, sym: usize| w.send(bl.0[sym], bl.1[sym]);
    for_each_run(len, max_code, |run| match run {
        Run::Each(l, count) => {
            for _ in 0..count {
                send(w, l as usize);
            }
        }
        Run::Repeat(first, count) => {
            if let Some(l) = first {
                send(w, l as usize);
            }
            send(w, REP_3_6);
            w.send((count - 3) as u16, 2);
        }
        Run::Zeros(count) if count <= 10 => {
            send(w, REPZ_3_10);
            w.send((count - 3) as u16, 3);
        }
        Run::Zeros(count) => {
            send(w, REPZ_11_138);
            w.send((count - 11) as u16, 7);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn static_codes_match_rfc_1951() {
        // Literal 0 is 00110000, 144 is 110010000, 256 is 0000000, 280 is 11000000.
        assert_eq!(STATIC_LTREE.code[0], bit_reverse(0b0011_0000, 8));
        assert_eq!(STATIC_LTREE.code[144], bit_reverse(0b1_1001_0000, 9));
        assert_eq!(STATIC_LTREE.code[256], 0);
        assert_eq!(STATIC_LTREE.code[280], bit_reverse(0b1100_0000, 8));
        assert_eq!(dist_code(0), 0);
        assert_eq!(dist_code(32767), 29);
        assert_eq!(LENGTH_CODE[255], 28);
        assert_eq!(LENGTH_CODE[254], 27);
    }

    #[test]
    fn zero_runs_count_as_scan_tree_does() {
        for zeros in 1..=300 {
            // A length of 1, the zeros, another 1, and the guard.
            let mut len = vec![0u16; zeros + 3];
            (len[0], len[zeros + 1]) = (1, 1);
            let mut scanned = [0u16; BL_CODES];
            scan_tree(&mut len, zeros + 1, &mut scanned);
            let mut counted = [0u16; BL_CODES];
            counted[1] = 2;
            let mut runs = bound::ZeroRuns::default();
            runs.add(zeros);
            runs.add_to(&mut counted);
            assert_eq!(scanned, counted, "{zeros} zeros");
        }
    }
}
