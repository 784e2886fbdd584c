//! Deflate's fixed alphabets and the static Huffman codes, laid out the way
//! zlib's `trees.c` derives them, so block costs and codes agree bit for bit.

/// Literal bytes; the length codes follow them and END_BLOCK.
pub(super) const LITERALS: usize = 256;
pub(super) const END_BLOCK: usize = 256;
pub(super) const LENGTH_CODES: usize = 29;
/// Literal/length alphabet size (literals, END_BLOCK, length codes).
pub(super) const L_CODES: usize = LITERALS + 1 + LENGTH_CODES;
pub(super) const D_CODES: usize = 30;
pub(super) const BL_CODES: usize = 19;
/// zlib's shared heap size: a full literal/length tree with its inner nodes.
pub(super) const HEAP_SIZE: usize = 2 * L_CODES + 1;
pub(super) const MAX_BITS: usize = 15;
pub(super) const MAX_BL_BITS: usize = 7;

/// Code-length codes: repeat previous length 3–6 times, zeros 3–10, zeros 11–138.
pub(super) const REP_3_6: usize = 16;
pub(super) const REPZ_3_10: usize = 17;
pub(super) const REPZ_11_138: usize = 18;

pub(super) const EXTRA_LBITS: [u8; LENGTH_CODES] = [
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
];
pub(super) const EXTRA_DBITS: [u8; D_CODES] = [
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13,
    13,
];
pub(super) const EXTRA_BLBITS: [u8; BL_CODES] =
    [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 3, 7];
/// The order code-length code lengths are sent in (RFC 1951 §3.2.7).
pub(super) const BL_ORDER: [u8; BL_CODES] = [
    16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15,
];

/// First length minus 3 of each length code; 255 (length 258) gets code 28
/// of its own although code 27's range would cover it.
pub(super) const BASE_LENGTH: [u16; LENGTH_CODES] = {
    let mut base = bases(&EXTRA_LBITS);
    base[LENGTH_CODES - 1] = 255;
    base
};
/// First distance minus 1 of each distance code.
pub(super) const BASE_DIST: [u16; D_CODES] = bases(&EXTRA_DBITS);
/// Length code of each match length minus 3.
pub(super) const LENGTH_CODE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut v = 0;
    while v < 256 {
        table[v] = code_of(&BASE_LENGTH, v);
        v += 1;
    }
    table
};
/// Distance code of a distance minus 1: entries 0..256 directly, then by
/// `distance >> 7`; see [`dist_code`].
const DIST_CODE: [u8; 512] = {
    let mut table = [0u8; 512];
    let mut d = 0;
    while d < 256 {
        table[d] = code_of(&BASE_DIST, d);
        table[256 + d] = code_of(&BASE_DIST, d << 7);
        d += 1;
    }
    table
};

/// The fixed literal/length code (RFC 1951 §3.2.6) over all 288 symbols.
pub(super) const STATIC_LTREE: Codes<288> = static_ltree();
/// The fixed distance code: five bits each.
pub(super) const STATIC_DTREE: Codes<D_CODES> = static_dtree();

/// The fixed code of each literal byte and END_BLOCK, as [`packed`]: one
/// look-up per literal for the blocks tokens get.
pub(super) const FIXED_LITERAL: [u64; END_BLOCK + 1] = {
    let mut table = [0; END_BLOCK + 1];
    let mut s = 0;
    while s <= END_BLOCK {
        table[s] = packed(STATIC_LTREE.code[s], STATIC_LTREE.len[s]);
        s += 1;
    }
    table
};
/// The fixed bits of each match length minus 3, as [`length_bits`].
pub(super) const FIXED_LENGTH: [u64; 256] = {
    let mut table = [0; 256];
    let mut lc = 0;
    while lc < 256 {
        table[lc] = length_bits(&STATIC_LTREE.code, &STATIC_LTREE.len, lc);
        lc += 1;
    }
    table
};

/// A code of `len` bits as the bit writer takes it, `bits | count << 32`.
pub(super) const fn packed(code: u16, len: u16) -> u64 {
    code as u64 | (len as u64) << 32
}

/// The bits of match length `lc` + 3 under a literal/length code: its
/// length code, then its extra bits, [`packed`].
pub(super) const fn length_bits(code: &[u16], len: &[u16], lc: usize) -> u64 {
    let c = LENGTH_CODE[lc] as usize;
    let s = c + LITERALS + 1;
    let extra = (lc - BASE_LENGTH[c] as usize) as u64;
    (code[s] as u64 | extra << len[s]) | (len[s] as u64 + EXTRA_LBITS[c] as u64) << 32
}

/// The bits of distance `dist` + 1 under a distance code: its code, then
/// its extra bits, [`packed`].
pub(super) fn dist_bits(code: &[u16], len: &[u16], dist: usize) -> u64 {
    let c = dist_code(dist);
    let extra = (dist - BASE_DIST[c] as usize) as u64;
    (u64::from(code[c]) | extra << len[c]) | (u64::from(len[c]) + u64::from(EXTRA_DBITS[c])) << 32
}

/// Bit-reversed Huffman codes and their lengths, indexed by symbol.
pub(super) struct Codes<const N: usize> {
    pub(super) code: [u16; N],
    pub(super) len: [u16; N],
}

/// Distance code of `dist` (the match distance minus 1).
pub(super) fn dist_code(dist: usize) -> usize {
    let i = if dist < 256 { dist } else { 256 + (dist >> 7) };
    DIST_CODE[i] as usize
}

/// Each code's first value: codes cover `1 << extra` values in turn.
const fn bases<const N: usize>(extra: &[u8; N]) -> [u16; N] {
    let mut base = [0u16; N];
    let mut next = 0;
    let mut code = 0;
    while code < N {
        base[code] = next as u16;
        next += 1 << extra[code];
        code += 1;
    }
    base
}

/// The last code whose range starts at or before `value`.
const fn code_of(base: &[u16], value: usize) -> u8 {
    let mut code = 0;
    while code + 1 < base.len() && base[code + 1] as usize <= value {
        code += 1;
    }
    code as u8
}

/// Reverses the low `len` bits of `code` (deflate sends Huffman codes
/// most-significant bit first into an LSB-first stream).
pub(super) const fn bit_reverse(code: u16, len: u16) -> u16 {
    code.reverse_bits() >> (16 - len)
}

const fn static_ltree() -> Codes<288> {
    let mut len = [0u16; 288];
    let mut bl_count = [0u16; MAX_BITS + 1];
    let mut n = 0;
    while n < 288 {
        len[n] = match n {
            0..=143 => 8,
            144..=255 => 9,
            256..=279 => 7,
            _ => 8,
        };
        bl_count[len[n] as usize] += 1;
        n += 1;
    }
    let next = next_codes(&bl_count);
    let mut next = next;
    let mut code = [0u16; 288];
    let mut n = 0;
    while n < 288 {
        let l = len[n] as usize;
        code[n] = bit_reverse(next[l], len[n]);
        next[l] += 1;
        n += 1;
    }
    Codes { code, len }
}

const fn static_dtree() -> Codes<D_CODES> {
    let mut code = [0u16; D_CODES];
    let mut n = 0;
    while n < D_CODES {
        code[n] = bit_reverse(n as u16, 5);
        n += 1;
    }
    Codes {
        code,
        len: [5; D_CODES],
    }
}

/// First code of each bit length, given how many codes have each length.
pub(super) const fn next_codes(bl_count: &[u16; MAX_BITS + 1]) -> [u16; MAX_BITS + 1] {
    let mut next = [0u16; MAX_BITS + 1];
    let mut code = 0u16;
    let mut bits = 1;
    while bits <= MAX_BITS {
        code = (code + bl_count[bits - 1]) << 1;
        next[bits] = code;
        bits += 1;
    }
    next
}
