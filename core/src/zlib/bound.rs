//! A lower bound on the size of the dynamic block zlib would write, so a
//! block the fixed codes win skips zlib's trees (most of a 007 build).
//!
//! zlib takes the fixed codes when they cost no more than its dynamic block,
//! whose exact size needs zlib's own trees: their tie order is only known by
//! replaying its heap, which branches on every count. Facts that hold for
//! every tree that heap could build bound the size without it:
//! - the data's cost (the sum of the merged weights) is the same for every
//!   Huffman tree over the same counts;
//! - how many leaves end at each depth is known within bounds, merging in
//!   zlib's order and letting tied subtrees of different shapes stand for
//!   each other (while a group of them is merged whole, their sum stays
//!   exact);
//! - a more frequent symbol never gets a longer code, so the symbols of each
//!   count have lengths within a known range, and "repeat the last length"
//!   codes can only shorten the header where four neighbours could share a
//!   length, and cost their own code and extra bits where they do;
//! - the code-length code's optimal cost is concave in its counts, so the
//!   lengths the bounds cannot place cost at least what they would all on
//!   one length;
//! - zlib compares the two sizes in whole bytes;
//! - before any of that, Shannon's bound on the data's cost, with no length
//!   placed, already settles most tokens with a short channel name.
//!
//! A token's payload takes the fixed codes by 90 bits or more (by 26–60
//! with a channel name of 32 hex digits), which the bound almost always
//! settles; the exact trees remain for the blocks it cannot.

use super::tables::{
    BL_CODES, BL_ORDER, EXTRA_BLBITS, EXTRA_LBITS, LITERALS, L_CODES, MAX_BITS, REPZ_11_138,
    REPZ_3_10, REP_3_6, STATIC_LTREE,
};

/// Most present symbols the bound handles; twice this fits a byte, so the
/// leaves counted per depth never overflow.
const MAX_LEAVES: usize = 127;
/// Room for the groups of subtrees waiting to be merged: each subtree was
/// made from two taken, so fewer wait than half the leaves taken so far.
const WAITING_ROOM: usize = MAX_LEAVES / 2 + 1;
/// Room enough for a token's merge (at most a handful wait), tried first so
/// that the queue zeroed per block is small.
const TOKEN_ROOM: usize = 16;
/// Counts up to this are sorted by counting; a symbol more frequent leaves
/// the block to the exact path.
const MAX_COUNT: usize = 512;
/// One entry per code length 0..=15.
const LENGTHS: usize = MAX_BITS + 1;

/// Extra bits sent after each literal/length symbol.
const LEXTRA: [u8; L_CODES] = {
    let mut x = [0; L_CODES];
    let mut s = LITERALS + 1;
    while s < L_CODES {
        x[s] = EXTRA_LBITS[s - LITERALS - 1];
        s += 1;
    }
    x
};

/// What the distance tree, built exactly, adds to a dynamic block.
pub(super) struct DistPart {
    /// Its data's bits under its own tree and under the fixed one.
    pub(super) opt_len: i64,
    pub(super) static_len: i64,
    /// Its code-length symbols, as `scan_tree` counts them.
    pub(super) bl_freq: [u16; BL_CODES],
}

/// The block's size under the fixed codes and a lower bound on its size as
/// a dynamic block (both in bits, the way zlib counts them) if that proves
/// zlib takes the fixed codes, else `None`. `present` has bit `s` set for
/// each literal/length symbol `s` counted in `lfreq`.
pub(super) fn sizes(lfreq: &[u16], present: &[u64], dist: &DistPart) -> Option<(i64, i64)> {
    let mut symbols = [0u16; MAX_LEAVES];
    let mut n = 0;
    let (mut fixed, mut extra) = (dist.static_len, 0);
    // Symbols by count, in two tables taken in turn: most symbols of a
    // token occur once, and in one table each count would wait on the last.
    let mut hists = [[0u8; MAX_COUNT + 1]; 2];
    let mut max_count = 0;
    // Zero runs exactly, as zlib's `scan_tree` sends them; and of every
    // stretch of four or more present neighbours, all but the first, which
    // repeats could absorb were their lengths alike.
    let mut zeros = ZeroRuns::default();
    let (mut stretch, mut alike) = (0u16, 0u16);
    let mut after = 0;
    for (w, &word) in present.iter().enumerate() {
        let mut bits = word;
        while bits != 0 {
            let s = w * 64 + bits.trailing_zeros() as usize;
            bits &= bits - 1;
            if n == MAX_LEAVES {
                return None;
            }
            let f = lfreq[s];
            let x = i64::from(LEXTRA[s]);
            fixed += i64::from(f) * (i64::from(STATIC_LTREE.len[s]) + x);
            extra += i64::from(f) * x;
            symbols[n] = s as u16;
            n += 1;
            let f = usize::from(f).min(MAX_COUNT);
            hists[n % 2][f] += 1;
            max_count = max_count.max(f);
            zeros.add(s - after);
            if s != after {
                alike += absorbable(stretch);
                stretch = 0;
            }
            stretch += 1;
            after = s + 1;
        }
    }
    if n < 2 || max_count == MAX_COUNT {
        return None;
    }
    alike += absorbable(stretch);
    let mut bl_freq = dist.bl_freq;
    zeros.add_to(&mut bl_freq);
    // Leaves as (count, how many), by count.
    let mut leaves = [(0u16, 0u16); MAX_LEAVES];
    let mut k = 0;
    for f in 1..=max_count {
        let c = hists.iter().map(|h| h[f]).sum::<u8>();
        leaves[k] = (f as u16, u16::from(c));
        k += usize::from(c != 0);
    }
    // First with no length placed: a lower bound on the data's cost and
    // the header's zero runs settle most tokens with a short channel name
    // without merging for depth bounds. Where the header would have to
    // make up more than `QUICK_ROOM` bits a length that repeats cannot
    // absorb, that almost never settles (16% of a 32-hex-digit channel's
    // blocks are tried, 0.3% of a short name's are not), so those go
    // straight to the depth bounds.
    let base = extra + dist.opt_len + 5 + 5 + 4;
    let data_len = entropy_bits(&leaves[..k]);
    // The code-length symbols counted so far (zero runs, the distance
    // code's lengths), at a bit and their extra bits each.
    let counted = i64::from(bl_freq.iter().sum::<u16>()) + extra_bits(&bl_freq);
    let room = fixed - (data_len + base + counted);
    if room <= QUICK_ROOM * i64::from(n as u16 - alike) {
        let header = Header::new(fixed, data_len + base, bl_freq);
        if let Some(bound) = header.concave(n as u16, alike, ALL_LENGTHS) {
            #[cfg(test)]
            QUICK.with(|c| c.set(c.get() + 1));
            return Some((fixed, bound));
        }
    }
    let (data_len, depths) =
        merge::<TOKEN_ROOM>(&leaves[..k]).or_else(|| merge::<WAITING_ROOM>(&leaves[..k]))?;
    let (lo, hi) = depths?;
    let (lo, hi) = (lo.0, hi.0);

    // The symbols ranked r0..=r1 by count (most frequent first) have
    // lengths from the shortest the r0-th code can have to the longest the
    // r1-th can.
    let (mut below_lo, mut below_hi) = ([0u16; LENGTHS], [0u16; LENGTHS]);
    let (mut sum_lo, mut sum_hi) = (0, 0);
    for l in 0..LENGTHS {
        (sum_lo, sum_hi) = (sum_lo + u16::from(lo[l]), sum_hi + u16::from(hi[l]));
        (below_lo[l], below_hi[l]) = (sum_lo, sum_hi);
    }
    let longest = (0..LENGTHS).rev().find(|&l| hi[l] != 0).unwrap_or(0);
    let mut lengths = [0u16; MAX_COUNT + 1];
    let (mut rank, mut short, mut long) = (0, 0, 0);
    for &(f, c) in leaves[..k].iter().rev() {
        while below_hi[short] <= rank {
            short += 1;
        }
        while long < LENGTHS && below_lo[long] < rank + c {
            long += 1;
        }
        lengths[usize::from(f)] = span(short, long.min(longest));
        rank += c;
    }

    // Walk the symbols as zlib's `scan_tree` would: for each length, all
    // but the first of every stretch of four or more neighbours that could
    // share it as lengths a repeat may absorb.
    let mut absorbed = [0u16; LENGTHS];
    // Lengths the last 1, 2, 3 and 4 or more neighbours could share.
    let mut runs = [0u16; 4];
    after = 0;
    for &s in &symbols[..n] {
        let s = usize::from(s);
        let fits = lengths[usize::from(lfreq[s]).min(MAX_COUNT)];
        let joined = if s == after { u16::MAX } else { 0 };
        let longer = runs[3] & joined & fits;
        let reached = runs[2] & joined & fits;
        // Where a run goes on, one more length absorbed; where it reaches
        // four, the three before it too.
        if reached != 0 {
            for (l, a) in absorbed.iter_mut().enumerate() {
                let bit = 1 << l;
                *a += if longer & bit != 0 {
                    1
                } else if reached & bit != 0 {
                    3
                } else {
                    0
                };
            }
        }
        runs = [
            fits,
            runs[0] & joined & fits,
            runs[1] & joined & fits,
            reached,
        ];
        after = s + 1;
    }
    // Each length present is sent at least once; and all lengths but those
    // repeats absorb are sent, each in at least a bit: those the bounds
    // cannot place add that much.
    let (mut sent, mut repeated) = (0, 0);
    for l in 1..LENGTHS {
        let fewest = u16::from(lo[l]);
        if fewest != 0 {
            let count = fewest.saturating_sub(absorbed[l]).max(1);
            bl_freq[l] += count;
            sent += count;
        }
        if hi[l] >= 4 {
            repeated += absorbed[l].min(u16::from(hi[l]) - 1);
        }
    }
    // Lengths not sent by the counts above, and of those, the ones no
    // repeat can absorb.
    let left = (n as u16).saturating_sub(sent);
    let candidates = (1..LENGTHS)
        .filter(|&l| hi[l] != 0)
        .fold(0, |m, l| m | 1 << l);
    let header = Header::new(fixed, i64::from(data_len) + base, bl_freq);
    let bound = header
        .each_a_bit(left.saturating_sub(repeated))
        .or_else(|| header.concave(left, repeated, candidates))?;
    Some((fixed, bound))
}

/// What is known of the dynamic block's size besides some literal/length
/// code lengths: `known` bits (the data, the distance code's part, the
/// header's counts of codes and the code-length codes' extra bits) and the
/// code-length symbols counted in `bl_freq`, also sorted.
struct Header {
    fixed: i64,
    known: i64,
    bl_freq: [u16; BL_CODES],
    bl_counts: [u16; BL_CODES],
}

impl Header {
    /// `known` as far as the data and the three counts; `fixed` the size
    /// under the fixed codes.
    fn new(fixed: i64, known: i64, bl_freq: [u16; BL_CODES]) -> Header {
        // Ascending, zeros (about half) first, so only the rest are sorted.
        let mut bl_counts = [0; BL_CODES];
        let mut from = BL_CODES;
        for &f in bl_freq.iter().filter(|&&f| f != 0) {
            from -= 1;
            bl_counts[from] = f;
        }
        bl_counts[from..].sort_unstable();
        let max_blindex = (3..BL_CODES)
            .rev()
            .find(|&i| bl_freq[usize::from(BL_ORDER[i])] != 0)
            .unwrap_or(2);
        Header {
            fixed,
            known: known + 3 * (max_blindex as i64 + 1) + extra_bits(&bl_freq),
            bl_freq,
            bl_counts,
        }
    }

    /// `bound`, if it proves the fixed codes win.
    fn wins(&self, bound: i64) -> Option<i64> {
        (bytes(self.fixed) <= bytes(bound)).then_some(bound)
    }

    /// The bound with `unplaced` lengths more, each costing at least a bit.
    fn each_a_bit(&self, unplaced: u16) -> Option<i64> {
        self.wins(self.known + i64::from(huffman_cost(&self.bl_counts) + u32::from(unplaced)))
    }

    /// The bound with `left` lengths more, each one of the lengths set in
    /// `candidates`, up to `repeated` of which repeats may absorb (each
    /// repeat code takes at most six, with two extra bits); the rest are
    /// sent, raising the code-length code's counts. Its cost is concave in
    /// them (the least of linear costs, one per code), so it is least with
    /// the rest all on one length, and with the number absorbed at either
    /// end of its range. That length is the one counted most: moving extra
    /// weight onto a count at least as large never costs more (a code
    /// optimal before, with the two lengths' codes swapped if the weight
    /// made the smaller one heavier, costs no more after). In sixths, to
    /// count repeats whole.
    fn concave(&self, left: u16, repeated: u16, candidates: u16) -> Option<i64> {
        let (bl_freq, bl_counts) = (&self.bl_freq, &self.bl_counts);
        let x = repeated.min(left);
        let most = (1..LENGTHS)
            .filter(|&l| candidates & 1 << l != 0)
            .max_by_key(|&l| bl_freq[l]);
        let spread = |counts: &[u16; BL_CODES], scale: u16, by: u16| match most {
            Some(l) => huffman_cost(&raised(counts, scale * bl_freq[l], by)),
            None => huffman_cost(counts),
        };
        let all_sent = spread(bl_counts, 1, left);
        let repeats = raised(&bl_counts.map(|c| 6 * c), 6 * bl_freq[REP_3_6], x);
        let most_absorbed = (spread(&repeats, 6, 6 * (left - x)) + 2 * u32::from(x)) / 6;
        self.wins(self.known + i64::from(all_sent.min(most_absorbed)))
    }
}

/// The extra bits sent after the code-length symbols counted in `bl_freq`.
fn extra_bits(bl_freq: &[u16; BL_CODES]) -> i64 {
    (0..BL_CODES)
        .map(|s| i64::from(bl_freq[s]) * i64::from(EXTRA_BLBITS[s]))
        .sum()
}

/// What repeats could absorb of a stretch of `n` present neighbours were
/// their lengths alike: all but the first of four or more.
fn absorbable(n: u16) -> u16 {
    if n >= 4 {
        n - 1
    } else {
        0
    }
}

#[cfg(test)]
thread_local! {
    /// Blocks settled on this thread with no length placed.
    pub(super) static QUICK: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Bits a length the quick bound cannot place may leave for the header to
/// make up before that bound is not tried (a measured cut: past it the
/// bound almost never settles).
const QUICK_ROOM: i64 = 5;

/// Every code length a literal/length symbol can have, as bits.
const ALL_LENGTHS: u16 = span(1, MAX_BITS);

/// A lower bound on the cost of any prefix code over `leaves` (`(count,
/// how many)`): Shannon's, `Σ f·log2(N/f)` over the `N` symbols counted,
/// less a margin for the rounding of `f64` (its error is under 10⁻⁹ here).
fn entropy_bits(leaves: &[(u16, u16)]) -> i64 {
    let x_log_x = |x: f64| x * x.log2();
    let total: f64 = leaves
        .iter()
        .map(|&(f, c)| f64::from(f) * f64::from(c))
        .sum();
    let sum: f64 = leaves
        .iter()
        .map(|&(f, c)| f64::from(c) * x_log_x(f64::from(f)))
        .sum();
    (x_log_x(total) - sum - 1e-6).ceil() as i64
}

/// Bits as zlib rounds a block's size to bytes (with its 3-bit header).
fn bytes(bits: i64) -> i64 {
    (bits + 3 + 7) >> 3
}

/// Ascending `counts` with one `count` raised by `by`, still ascending.
fn raised(counts: &[u16; BL_CODES], count: u16, by: u16) -> [u16; BL_CODES] {
    let mut out = *counts;
    let new = count + by;
    let mut at = counts.iter().position(|&c| c == count).unwrap_or(0);
    while at + 1 < BL_CODES && out[at + 1] < new {
        out[at] = out[at + 1];
        at += 1;
    }
    out[at] = new;
    out
}

/// Code lengths `short..=long` as bits (bit `l` for length `l`).
const fn span(short: usize, long: usize) -> u16 {
    ((2u32 << long) - (1 << short)) as u16
}

/// The cost of every Huffman tree over the nonzero `counts` (ascending, at
/// most [`BL_CODES`]): the sum of the merged weights, merging the two
/// smallest of the counts and the weights merged so far (which come out in
/// ascending order) each step.
fn huffman_cost(counts: &[u16]) -> u32 {
    let counts = &counts[counts.iter().position(|&c| c != 0).unwrap_or(counts.len())..];
    // Both queues end in a weight none reaches, so taking the smaller head
    // needs no check of either's end (and no branch).
    let mut leaves = [u32::MAX; BL_CODES + 1];
    for (l, &c) in leaves.iter_mut().zip(counts) {
        *l = u32::from(c);
    }
    let mut merged = [u32::MAX; BL_CODES];
    let (mut next, mut head, mut cost) = (0, 0, 0);
    for tail in 0..counts.len().saturating_sub(1) {
        let mut pair = 0;
        for _ in 0..2 {
            let take_leaf = leaves[next] <= merged[head];
            pair += leaves[next].min(merged[head]);
            next += usize::from(take_leaf);
            head += usize::from(!take_leaf);
        }
        merged[tail] = pair;
        cost += pair;
    }
    cost
}

/// The code-length symbols zlib sends for runs of zero lengths, counted
/// apart from the rest so that a walk keeps them in registers.
#[derive(Default)]
pub(super) struct ZeroRuns {
    /// Zeros sent one by one.
    single: u16,
    /// Runs of 3–10 and of 11–138.
    short: u16,
    long: u16,
}

impl ZeroRuns {
    /// Counts `len` zero lengths in a row: runs of 138, then the rest one
    /// by one (under 3), as a short run or a long one.
    #[inline(always)]
    pub(super) fn add(&mut self, len: usize) {
        let rest = len % 138;
        self.long += (len / 138) as u16 + u16::from(rest > 10);
        self.short += u16::from((3..=10).contains(&rest));
        self.single += if rest < 3 { rest as u16 } else { 0 };
    }

    /// Adds the counts to those of every code-length symbol.
    pub(super) fn add_to(self, bl_freq: &mut [u16; BL_CODES]) {
        bl_freq[0] += self.single;
        bl_freq[REPZ_3_10] += self.short;
        bl_freq[REPZ_11_138] += self.long;
    }
}

/// Bounds on the leaves per depth (byte `d`) of a subtree, sixteen bytes
/// worked on lane by lane (LLVM makes each operation one vector
/// instruction); no byte exceeds [`MAX_LEAVES`], so two of them add
/// without a carry.
#[derive(Clone, Copy, Default, PartialEq)]
#[repr(align(16))]
struct Depths([u8; 16]);

impl Depths {
    /// `n` leaves at depth `d`.
    fn at(d: usize, n: u8) -> Depths {
        let mut v = Depths::default();
        v.0[d] = n;
        v
    }

    fn lanes(self, other: Depths, f: impl Fn(u8, u8) -> u8) -> Depths {
        Depths(std::array::from_fn(|i| f(self.0[i], other.0[i])))
    }

    fn plus(self, other: Depths) -> Depths {
        self.lanes(other, u8::wrapping_add)
    }

    /// `self - other` in each byte, 0 where `other` is larger.
    fn minus(self, other: Depths) -> Depths {
        self.lanes(other, u8::saturating_sub)
    }

    fn lesser(self, other: Depths) -> Depths {
        self.lanes(other, u8::min)
    }

    fn greater(self, other: Depths) -> Depths {
        self.lanes(other, u8::max)
    }

    /// Each byte capped at `n`.
    fn cap(self, n: u8) -> Depths {
        self.lesser(Depths([n; 16]))
    }

    /// The same leaves one depth deeper (what was at depth 15 leaves: the
    /// merge checks that no depth exceeds 15).
    fn deeper(self) -> Depths {
        Depths(std::array::from_fn(
            |i| if i == 0 { 0 } else { self.0[i - 1] },
        ))
    }
}

/// A subtree waiting to be merged: its key `count << 8 | depth` as zlib's
/// heap orders it, and bounds on its leaves per depth.
#[derive(Clone, Copy, Default, PartialEq)]
struct Node {
    key: u32,
    /// See [`Twins`]; 0 for none.
    twin: u16,
    lo: Depths,
    hi: Depths,
}

impl Node {
    fn leaf(count: u16) -> Node {
        Node {
            key: u32::from(count) << 8,
            twin: 0,
            lo: Depths::at(0, 1),
            hi: Depths::at(0, 1),
        }
    }

    /// `a` and `b` under a new root, one depth deeper (the byte at depth 15
    /// leaves: the caller checks that no depth exceeds 15); no depth holds
    /// more than `n` leaves.
    fn join(a: &Node, b: &Node, n: u8) -> Node {
        let f = (a.key >> 8) + (b.key >> 8);
        Node {
            key: f << 8 | ((a.key & 0xff).max(b.key & 0xff) + 1),
            twin: 0,
            lo: a.lo.plus(b.lo).deeper(),
            hi: a.hi.plus(b.hi).cap(n).deeper(),
        }
    }
}

/// `copies` subtrees alike, waiting to be merged: `node` bounds each one,
/// and `sum` (low, high) bounds all of them together, which stays exact
/// while the group is merged whole even when each one's shape is not.
#[derive(Clone, Copy, Default)]
struct Group {
    node: Node,
    copies: u16,
    sum: (Depths, Depths),
}

impl Group {
    fn single(node: Node) -> Group {
        Group {
            node,
            copies: 1,
            sum: (node.lo, node.hi),
        }
    }

    /// The bounds of one copy taken: for the last one, also what the sum
    /// leaves for it.
    fn one(&self) -> Node {
        if self.copies != 1 {
            return self.node;
        }
        Node {
            lo: self.node.lo.greater(self.sum.0),
            hi: self.node.hi.lesser(self.sum.1),
            ..self.node
        }
    }

    /// Takes `k` copies, whichever zlib's heap takes: one, or all but at
    /// most one. Returns bounds on their sum.
    fn take(&mut self, k: u16) -> (Depths, Depths) {
        let rest = self.copies - k;
        debug_assert!(k == 1 || rest <= 1);
        let taken = if rest == 0 {
            self.sum
        } else if k == 1 {
            (self.node.lo, self.node.hi)
        } else {
            // Any one copy stays.
            (
                self.sum.0.minus(self.node.hi),
                self.sum.1.minus(self.node.lo),
            )
        };
        self.copies = rest;
        self.sum = (self.sum.0.minus(taken.1), self.sum.1.minus(taken.0));
        taken
    }
}

/// Bounds covering both `a`'s and `b`'s shapes.
fn cover(a: &Node, b: &Node) -> Node {
    Node {
        key: a.key,
        twin: 0,
        lo: a.lo.lesser(b.lo),
        hi: a.hi.greater(b.hi),
    }
}

/// Undecided ties worth remembering. When one of two unlike subtrees `x`
/// and `y` with equal keys is taken next to `a`, the other is taken first in
/// the next merge, next to some `b`: zlib made either `(a, x)` and `(y, b)`
/// or `(a, y)` and `(x, b)`. Both new nodes get bounds covering either way,
/// but should they then be merged with each other, the result is the same
/// either way: twin `i` holds `(a, x)` and `y` (or, once merged, `(y, b)`),
/// which the two nodes tagged `i` stand for.
struct Twins {
    exact: [(Node, Node); 16],
    made: u16,
}

/// Marks a twin whose `y` is still waiting in the queue.
const WAITING: u16 = 0x8000;

impl Twins {
    /// Joins two picks: exactly if they are both halves of one twin, and
    /// carrying a waiting half's tag on to what it is merged into.
    #[inline(always)]
    fn join(&mut self, a: &Node, b: &Node, most: u8) -> Node {
        if a.twin != 0 && a.twin == b.twin && a.twin & WAITING == 0 {
            let (x, y) = self.exact[usize::from(a.twin)];
            return Node::join(&x, &y, most);
        }
        let (waiting, other) = match (a.twin, b.twin) {
            (t, 0) if t & WAITING != 0 => (a, b),
            (0, t) if t & WAITING != 0 => (b, a),
            _ => return Node::join(a, b, most),
        };
        let i = waiting.twin & !WAITING;
        let half = &mut self.exact[usize::from(i)].1;
        *half = Node::join(half, other, most);
        Node {
            twin: i,
            ..Node::join(waiting, other, most)
        }
    }

    /// A new twin from taking `x` next to `a` while `y` waits, if one is free.
    fn start(&mut self, a: &Node, x: &Node, y: &Node, most: u8) -> Option<u16> {
        let free = usize::from(self.made) + 1 < self.exact.len();
        if !free || a.twin != 0 || x.twin != 0 || y.twin != 0 {
            return None;
        }
        self.made += 1;
        self.exact[usize::from(self.made)] = (Node::join(a, x, most), *y);
        Some(self.made)
    }
}

/// Merges leaves (`(count, how many)`, by count) into a Huffman tree in
/// zlib's order: lower count first, then lower depth, two at a time.
/// Returns the tree's cost (each leaf's count times its depth), the same
/// for every Huffman tree, and bounds on how many leaves sit at each depth
/// of the tree zlib's heap builds (`None` if a depth may exceed 15); or
/// `None` if more than `ROOM` groups would wait, which
/// [`WAITING_ROOM`] never does.
///
/// Subtrees alike merge in bulk: `c` copies of the smallest make `c / 2`
/// new ones. Which of two unlike subtrees with equal keys zlib's heap takes
/// first is its own affair; that matters only if not both are taken
/// together, and then each one's bounds cover the other's shape (a group
/// keeps the exact sum of the shapes it gathered). So the queue holds one
/// group per key, or two single unlike subtrees.
fn merge<const ROOM: usize>(leaves: &[(u16, u16)]) -> Option<(u32, Option<(Depths, Depths)>)> {
    let n: u16 = leaves.iter().map(|l| l.1).sum();
    let most = n.min(MAX_LEAVES as u16) as u8;
    let mut queue = [Group::default(); ROOM];
    let (mut head, mut tail) = (0, 0);
    let (mut next, mut left) = (0, leaves.first().map_or(0, |l| l.1));
    let (mut cost, mut deep, mut nodes) = (0, false, n);
    let mut twins = Twins {
        exact: [(Node::default(), Node::default()); 16],
        made: 0,
    };
    while nodes > 1 {
        let leaf_first =
            left != 0 && (head == tail || u32::from(leaves[next].0) << 8 < queue[head].node.key);
        let copies = if leaf_first { left } else { queue[head].copies };
        let made = if copies >= 2 {
            // Pairs of the smallest, all alike: their sum stays known.
            let pairs = copies / 2;
            let (node, sum) = if leaf_first {
                left -= 2 * pairs;
                let leaf = Node::leaf(leaves[next].0);
                let all = Depths::at(1, (2 * pairs) as u8);
                (Node::join(&leaf, &leaf, most), (all, all))
            } else {
                let g = &mut queue[head];
                let node = twins.join(&g.node, &g.node, most);
                let (lo, hi) = g.take(2 * pairs);
                (node, (lo.deeper(), hi.cap(most).deeper()))
            };
            Group {
                node,
                copies: pairs,
                sum,
            }
        } else if !leaf_first && head + 1 < tail && queue[head + 1].node.key == queue[head].node.key
        {
            // Two unlike subtrees with the same key, taken together.
            let (first, second) = (queue[head].one(), queue[head + 1].one());
            queue[head].copies = 0;
            queue[head + 1].copies = 0;
            Group::single(twins.join(&first, &second, most))
        } else {
            let first = if leaf_first {
                left = 0;
                Node::leaf(leaves[next].0)
            } else {
                let first = queue[head].one();
                queue[head].copies = 0;
                first
            };
            // Skip what is used up before picking the second.
            while head < tail && queue[head].copies == 0 {
                head += 1;
            }
            if left == 0 && next < leaves.len() {
                next += 1;
                left = leaves.get(next).map_or(0, |l| l.1);
            }
            let leaf_second = left != 0
                && (head == tail || u32::from(leaves[next].0) << 8 < queue[head].node.key);
            let node = if leaf_second {
                left -= 1;
                twins.join(&first, &Node::leaf(leaves[next].0), most)
            } else if head + 1 < tail && queue[head + 1].node.key == queue[head].node.key {
                // One of two unlike subtrees: either could be taken.
                let (x, y) = (queue[head].one(), queue[head + 1].one());
                let both = cover(&x, &y);
                queue[head].copies = 0;
                let twin = twins.start(&first, &x, &y, most);
                queue[head + 1] = Group::single(Node {
                    twin: twin.map_or(0, |i| i | WAITING),
                    ..both
                });
                Node {
                    twin: twin.unwrap_or(0),
                    ..Node::join(&first, &both, most)
                }
            } else {
                let second = queue[head].one();
                queue[head].take(1);
                twins.join(&first, &second, most)
            };
            Group::single(node)
        };
        while head < tail && queue[head].copies == 0 {
            head += 1;
        }
        if left == 0 && next < leaves.len() {
            next += 1;
            left = leaves.get(next).map_or(0, |l| l.1);
        }
        nodes -= made.copies;
        cost += (made.node.key >> 8) * u32::from(made.copies);
        deep |= made.node.key & 0xff > MAX_BITS as u32;
        if tail == ROOM {
            if head == 0 {
                return None;
            }
            queue.copy_within(head..tail, 0);
            (head, tail) = (0, tail - head);
        }
        if head == tail || queue[tail - 1].node.key < made.node.key {
            // Most often a new key after all the others.
            queue[tail] = made;
            tail += 1;
        } else {
            tail = insert(&mut queue[..], head, tail, made, most);
        }
    }
    let root = queue[head].one();
    Some((cost, (n >= 2 && !deep).then_some((root.lo, root.hi))))
}

/// Puts `made` into the queue `queue[head..tail]` (ordered by key) and
/// returns the new tail: joined to an alike group of its key, next to a
/// single unlike one, or covering shapes with the group(s) there.
#[inline(never)]
fn insert(queue: &mut [Group], head: usize, tail: usize, made: Group, most: u8) -> usize {
    let key = made.node.key;
    let mut at = tail;
    while at > head && queue[at - 1].node.key > key {
        at -= 1;
    }
    let same = queue[head..at]
        .iter()
        .rev()
        .take_while(|g| g.node.key == key)
        .count();
    match same {
        0 => {}
        1 if queue[at - 1].node == made.node => {
            let g = &mut queue[at - 1];
            g.copies += made.copies;
            g.sum = (g.sum.0.plus(made.sum.0), g.sum.1.plus(made.sum.1).cap(most));
            return tail;
        }
        1 if queue[at - 1].copies == 1 && made.copies == 1 => {}
        _ => {
            // Three or more of one key: one group covering every shape.
            let mut all = made;
            for g in &queue[at - same..at] {
                all.node = cover(&all.node, &g.node);
                all.copies += g.copies;
                all.sum = (all.sum.0.plus(g.sum.0), all.sum.1.plus(g.sum.1).cap(most));
            }
            if at < tail {
                queue.copy_within(at..tail, at - same + 1);
            }
            queue[at - same] = all;
            return tail + 1 - same;
        }
    }
    if at < tail {
        queue.copy_within(at..tail, at + 1);
    }
    queue[at] = made;
    tail + 1
}

#[cfg(test)]
mod tests {
    use rand::rngs::SmallRng;
    use rand::{RngExt, SeedableRng};
    use std::cmp::Reverse;
    use std::collections::BinaryHeap;

    use super::*;

    #[test]
    fn spans_reach_fifteen_bit_codes() {
        assert_eq!(span(4, 7), 0b1111_0000);
        assert_eq!(span(1, 15), 0xfffe);
        assert_eq!(span(15, 15), 0x8000);
    }

    /// Any Huffman tree's cost: the sum of the merged weights.
    fn reference_cost(counts: &[u16]) -> u32 {
        let mut heap: BinaryHeap<_> = counts.iter().map(|&c| Reverse(u32::from(c))).collect();
        let mut cost = 0;
        while heap.len() > 1 {
            let (Reverse(a), Reverse(b)) = (heap.pop().unwrap(), heap.pop().unwrap());
            cost += a + b;
            heap.push(Reverse(a + b));
        }
        cost
    }

    /// A random number of counts in the range, each from 1 to a random
    /// top of at most `top`, ascending.
    fn sorted_counts(rng: &mut SmallRng, n: std::ops::RangeInclusive<usize>, top: u16) -> Vec<u16> {
        let n = rng.random_range(n);
        let top = rng.random_range(1..=top);
        let mut counts: Vec<u16> = (0..n).map(|_| rng.random_range(1..=top)).collect();
        counts.sort_unstable();
        counts
    }

    /// Ascending counts as leaves `(count, how many)`.
    fn grouped(counts: &[u16]) -> Vec<(u16, u16)> {
        let mut leaves: Vec<(u16, u16)> = Vec::new();
        for &c in counts {
            match leaves.last_mut() {
                Some(last) if last.0 == c => last.1 += 1,
                _ => leaves.push((c, 1)),
            }
        }
        leaves
    }

    #[test]
    fn huffman_cost_is_any_huffman_trees_cost() {
        let mut rng = SmallRng::seed_from_u64(3);
        for _ in 0..2_000 {
            let counts = sorted_counts(&mut rng, 0..=BL_CODES, 300);
            assert_eq!(huffman_cost(&counts), reference_cost(&counts), "{counts:?}");
        }
    }

    #[test]
    fn entropy_never_exceeds_a_huffman_trees_cost() {
        let mut rng = SmallRng::seed_from_u64(9);
        for _ in 0..2_000 {
            let counts = sorted_counts(&mut rng, 2..=MAX_LEAVES, 60);
            let leaves = grouped(&counts);
            let (bound, cost) = (entropy_bits(&leaves), i64::from(reference_cost(&counts)));
            assert!(bound <= cost, "{bound} > {cost}: {counts:?}");
        }
        // Equal counts of a power of two leaves: the bound is the cost.
        assert_eq!(entropy_bits(&[(3, 64)]), i64::from(3 * 64 * 6));
    }

    #[test]
    fn raised_counts_stay_sorted() {
        let mut rng = SmallRng::seed_from_u64(5);
        for _ in 0..2_000 {
            let mut counts = [0; BL_CODES];
            counts.copy_from_slice(&sorted_counts(&mut rng, BL_CODES..=BL_CODES, 50));
            let (at, by) = (rng.random_range(0..BL_CODES), rng.random_range(0..60));
            let mut expected = counts;
            expected[at] += by;
            expected.sort_unstable();
            assert_eq!(raised(&counts, counts[at], by), expected, "{counts:?}");
        }
    }

    #[test]
    fn merge_costs_what_any_huffman_tree_costs_and_bounds_every_leaf() {
        let mut rng = SmallRng::seed_from_u64(7);
        for _ in 0..2_000 {
            let counts = sorted_counts(&mut rng, 2..=MAX_LEAVES, 40);
            let n = counts.len();
            let leaves = grouped(&counts);
            let (cost, depths) = merge::<WAITING_ROOM>(&leaves).expect("room for every merge");
            if let Some(small) = merge::<TOKEN_ROOM>(&leaves) {
                assert!(small == (cost, depths), "{counts:?}");
            }
            assert_eq!(cost, reference_cost(&counts), "{counts:?}");
            if let Some((lo, hi)) = depths {
                let (lo, hi) = (lo.0, hi.0);
                let (fewest, most): (usize, usize) = (
                    lo.iter().map(|&c| usize::from(c)).sum(),
                    hi.iter().map(|&c| usize::from(c)).sum(),
                );
                assert!(fewest <= n && n <= most, "{fewest} <= {n} <= {most}");
                assert!(lo.iter().zip(&hi).all(|(l, h)| l <= h));
            }
        }
    }
}
