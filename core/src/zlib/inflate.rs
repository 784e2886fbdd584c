//! Inflating token payloads: a small decoder in the manner of zlib's
//! `puff`, which needs no lookup tables built per block (a table-driven
//! inflater spends more filling its tables than a ~200-byte payload takes
//! to decode) and no allocation besides the output.

use super::tables::{BASE_DIST, BASE_LENGTH, EXTRA_DBITS, EXTRA_LBITS, LENGTH_CODES, MAX_BITS};
use crate::error::{Error, Result};

/// The most a payload may inflate to.
pub const MAX_OUTPUT: usize = 1 << 20;

/// Why a stream was refused.
enum Fail {
    Invalid,
    Truncated,
    TooLong,
}

impl From<Fail> for Error {
    fn from(fail: Fail) -> Error {
        Error::malformed(match fail {
            Fail::Invalid => "token payload is not valid zlib",
            Fail::Truncated => "token payload is a truncated zlib stream",
            Fail::TooLong => "token payload inflates past 1 MiB",
        })
    }
}

/// Inflates any valid zlib stream (other encoders' bytes included) of at
/// most [`MAX_OUTPUT`] bytes that `data` holds exactly.
pub(super) fn decompress(data: &[u8]) -> Result<Vec<u8>> {
    decompress_within(data, MAX_OUTPUT).map_err(|(e, _)| e)
}

/// [`decompress`], but a payload past `screen_at` bytes first has those
/// bytes shown to `screen`, which may refuse it before the rest is
/// inflated: a small token that declares far more than its format's limits
/// is then refused after `screen_at` bytes of work, not 1 MiB. Payloads
/// that fit (every real token) are inflated once.
pub(crate) fn decompress_screened(
    data: &[u8],
    screen_at: usize,
    screen: impl FnOnce(&[u8]) -> Result<()>,
) -> Result<Vec<u8>> {
    match decompress_within(data, screen_at) {
        Err((_, Some(head))) => {
            screen(&head)?;
            decompress(data)
        }
        other => other.map_err(|(e, _)| e),
    }
}

/// Inflates at most `max` bytes; on passing `max`, the error comes with
/// the output so far.
fn decompress_within(
    data: &[u8],
    max: usize,
) -> std::result::Result<Vec<u8>, (Error, Option<Vec<u8>>)> {
    let mut bits = Bits::new(data);
    let mut out = Vec::with_capacity((data.len() * 4 + 64).min(max));
    match inflate(&mut bits, &mut out, max) {
        Ok(()) => {}
        Err(Fail::TooLong) if max < MAX_OUTPUT => return Err((Fail::TooLong.into(), Some(out))),
        Err(fail) => return Err((fail.into(), None)),
    }
    if bits.pos < data.len() {
        return Err((
            Error::malformed("token payload has bytes after its zlib stream"),
            None,
        ));
    }
    Ok(out)
}

fn inflate(bits: &mut Bits, out: &mut Vec<u8>, max: usize) -> std::result::Result<(), Fail> {
    let (cmf, flg) = (bits.bits(8)?, bits.bits(8)?);
    // Deflate, a window of at most 32 KiB, a valid check, no preset dictionary.
    if cmf & 0x0f != 8 || cmf >> 4 > 7 || (cmf << 8 | flg) % 31 != 0 || flg & 0x20 != 0 {
        return Err(Fail::Invalid);
    }
    loop {
        let last = bits.bits(1)?;
        match bits.bits(2)? {
            0 => stored(bits, out, max)?,
            1 => codes::<true>(bits, out, max, &FIXED_LENGTHS, &FIXED_DISTS)?,
            2 => {
                let (lengths, dists) = dynamic_tables(bits)?;
                codes::<false>(bits, out, max, &lengths, &dists)?;
            }
            _ => return Err(Fail::Invalid),
        }
        if last == 1 {
            break;
        }
    }
    bits.align();
    let check = bits.take(4)?;
    if u32::from_be_bytes([check[0], check[1], check[2], check[3]])
        != simd_adler32::adler32(&out.as_slice())
    {
        return Err(Fail::Invalid);
    }
    Ok(())
}

/// Reads bits LSB first, a byte at a time.
#[derive(Clone, Copy)]
struct Bits<'a> {
    data: &'a [u8],
    pos: usize,
    buf: u64,
    count: u32,
}

impl<'a> Bits<'a> {
    fn new(data: &'a [u8]) -> Self {
        Bits {
            data,
            pos: 0,
            buf: 0,
            count: 0,
        }
    }

    /// Loads whole bytes while at least 8 bits of room are left: eight at
    /// once while the input has them (bits past `count` are the next bytes,
    /// which the following refill ORs in again, unchanged).
    #[inline(always)]
    fn refill(&mut self) {
        if let Some(word) = self.data.get(self.pos..self.pos + 8) {
            let word = u64::from_le_bytes(word.try_into().expect("eight bytes"));
            self.buf |= word << self.count;
            self.pos += ((63 - self.count) / 8) as usize;
            self.count |= 56;
            return;
        }
        while self.count <= 56 {
            let Some(&byte) = self.data.get(self.pos) else {
                return;
            };
            self.buf |= u64::from(byte) << self.count;
            self.pos += 1;
            self.count += 8;
        }
    }

    #[inline(always)]
    fn bits(&mut self, n: u32) -> std::result::Result<u32, Fail> {
        if self.count < n {
            self.refill();
            if self.count < n {
                return Err(Fail::Truncated);
            }
        }
        let v = (self.buf & ((1 << n) - 1)) as u32;
        self.buf >>= n;
        self.count -= n;
        Ok(v)
    }

    /// Drops the bits left in the current byte and gives back the whole
    /// bytes buffered, so that reading continues at a byte boundary.
    fn align(&mut self) {
        self.pos -= (self.count / 8) as usize;
        self.buf = 0;
        self.count = 0;
    }

    /// The next `n` bytes, once aligned.
    fn take(&mut self, n: usize) -> std::result::Result<&'a [u8], Fail> {
        let bytes = self
            .data
            .get(self.pos..self.pos + n)
            .ok_or(Fail::Truncated)?;
        self.pos += n;
        Ok(bytes)
    }
}

/// Codes up to this long decode with one look-up: every fixed code (7 to
/// 9 bits), so a fixed block, what nearly every token is, never takes the
/// bit-by-bit path.
const FAST_BITS: usize = 9;

/// A canonical Huffman code: how many codes of each length, the symbols in
/// code order, and for the next [`FAST_BITS`] input bits the short code
/// they start with as `symbol << 8 | length` (0: a longer code). The
/// length in the low bits is a shift count as it stands (x86 shifts by
/// the low six bits), so consuming a code waits on its look-up alone.
struct Huffman<const N: usize> {
    count: [u16; MAX_BITS + 1],
    symbol: [u16; N],
    fast: [u32; 1 << FAST_BITS],
}

/// The outcome of building a code from lengths.
#[derive(PartialEq)]
enum Shape {
    Complete,
    /// Not all codes used: allowed only for a single one-bit code.
    Incomplete,
    OverSubscribed,
}

impl<const N: usize> Huffman<N> {
    const fn new(lengths: &[u8]) -> (Self, Shape) {
        let mut h = Huffman {
            count: [0; MAX_BITS + 1],
            symbol: [0; N],
            fast: [0; 1 << FAST_BITS],
        };
        let mut i = 0;
        while i < lengths.len() {
            h.count[lengths[i] as usize] += 1;
            i += 1;
        }
        let mut left: i32 = 1;
        let mut len = 1;
        while len <= MAX_BITS {
            left = (left << 1) - h.count[len] as i32;
            if left < 0 {
                return (h, Shape::OverSubscribed);
            }
            len += 1;
        }
        let mut offs = [0u16; MAX_BITS + 1];
        let mut len = 1;
        while len < MAX_BITS {
            offs[len + 1] = offs[len] + h.count[len];
            len += 1;
        }
        // Canonical codes: consecutive within a length, in symbol order.
        let mut next = [0u16; MAX_BITS + 1];
        let mut len = 2;
        while len <= MAX_BITS {
            next[len] = (next[len - 1] + h.count[len - 1]) << 1;
            len += 1;
        }
        let mut sym = 0;
        while sym < lengths.len() {
            let l = lengths[sym] as usize;
            if l != 0 {
                h.symbol[offs[l] as usize] = sym as u16;
                offs[l] += 1;
                if l <= FAST_BITS {
                    let mut i = ((next[l] as u32).reverse_bits() >> (32 - l)) as usize;
                    while i < 1 << FAST_BITS {
                        h.fast[i] = (sym as u32) << 8 | l as u32;
                        i += 1 << l;
                    }
                }
                next[l] += 1;
            }
            sym += 1;
        }
        let shape = if left == 0 {
            Shape::Complete
        } else {
            Shape::Incomplete
        };
        (h, shape)
    }

    /// Builds a literal/length or distance code as zlib accepts it.
    fn checked(lengths: &[u8]) -> std::result::Result<Self, Fail> {
        let (h, shape) = Self::new(lengths);
        let used = lengths.iter().filter(|&&l| l != 0).count();
        match shape {
            Shape::Complete => Ok(h),
            Shape::Incomplete if used == usize::from(h.count[1]) && used <= 1 => Ok(h),
            _ => Err(Fail::Invalid),
        }
    }

    /// Decodes one symbol: short codes by look-up, longer ones a bit at a
    /// time.
    #[inline]
    fn decode(&self, bits: &mut Bits) -> std::result::Result<usize, Fail> {
        if bits.count < MAX_BITS as u32 {
            bits.refill();
        }
        let fast = self.fast[(bits.buf & ((1 << FAST_BITS) - 1)) as usize];
        if fast != 0 {
            let len = fast & 0xff;
            if len > bits.count {
                return Err(Fail::Truncated);
            }
            bits.buf = bits.buf.wrapping_shr(fast);
            bits.count -= len;
            return Ok((fast >> 8) as usize);
        }
        let (mut code, mut first, mut index) = (0i32, 0i32, 0i32);
        let mut buf = bits.buf;
        for len in 1..=MAX_BITS {
            code |= (buf & 1) as i32;
            buf >>= 1;
            let count = i32::from(self.count[len]);
            if code - first < count {
                if len as u32 > bits.count {
                    return Err(Fail::Truncated);
                }
                bits.buf = buf;
                bits.count -= len as u32;
                return Ok(usize::from(self.symbol[(index + code - first) as usize]));
            }
            index += count;
            first = (first + count) << 1;
            code <<= 1;
        }
        Err(if bits.count < MAX_BITS as u32 {
            Fail::Truncated
        } else {
            Fail::Invalid
        })
    }
}

const L_SYMBOLS: usize = 288;
const D_SYMBOLS: usize = 30;
type Lengths = Huffman<L_SYMBOLS>;
type Dists = Huffman<D_SYMBOLS>;

/// The fixed codes (RFC 1951 §3.2.6), built at compile time.
static FIXED_LENGTHS: Lengths = Huffman::new(&fixed_lengths()).0;
static FIXED_DISTS: Dists = Huffman::new(&[5; D_SYMBOLS]).0;

const fn fixed_lengths() -> [u8; L_SYMBOLS] {
    let mut l = [8u8; L_SYMBOLS];
    let mut i = 144;
    while i < 256 {
        l[i] = 9;
        i += 1;
    }
    while i < 280 {
        l[i] = 7;
        i += 1;
    }
    l
}

fn stored(bits: &mut Bits, out: &mut Vec<u8>, max: usize) -> std::result::Result<(), Fail> {
    bits.align();
    let header = bits.take(4)?;
    let len = u16::from_le_bytes([header[0], header[1]]);
    if len != !u16::from_le_bytes([header[2], header[3]]) {
        return Err(Fail::Invalid);
    }
    let block = bits.take(usize::from(len))?;
    if out.len() + block.len() > max {
        return Err(Fail::TooLong);
    }
    out.extend_from_slice(block);
    Ok(())
}

/// Reads a dynamic block's code descriptions (RFC 1951 §3.2.7).
fn dynamic_tables(bits: &mut Bits) -> std::result::Result<(Lengths, Dists), Fail> {
    const ORDER: [usize; 19] = [
        16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15,
    ];
    let nlen = bits.bits(5)? as usize + 257;
    let ndist = bits.bits(5)? as usize + 1;
    let ncode = bits.bits(4)? as usize + 4;
    if nlen > 286 || ndist > 30 {
        return Err(Fail::Invalid);
    }
    let mut code_lengths = [0u8; 19];
    for &i in &ORDER[..ncode] {
        code_lengths[i] = bits.bits(3)? as u8;
    }
    let (lencode, shape) = Huffman::<19>::new(&code_lengths);
    if shape != Shape::Complete {
        return Err(Fail::Invalid);
    }
    let mut lengths = [0u8; 286 + 30];
    let mut i = 0;
    while i < nlen + ndist {
        let sym = lencode.decode(bits)?;
        if sym < 16 {
            lengths[i] = sym as u8;
            i += 1;
            continue;
        }
        let (value, repeat) = match sym {
            16 if i == 0 => return Err(Fail::Invalid),
            16 => (lengths[i - 1], 3 + bits.bits(2)?),
            17 => (0, 3 + bits.bits(3)?),
            _ => (0, 11 + bits.bits(7)?),
        };
        let end = i + repeat as usize;
        if end > nlen + ndist {
            return Err(Fail::Invalid);
        }
        lengths[i..end].fill(value);
        i = end;
    }
    // A block without an end-of-block code could never end.
    if lengths[256] == 0 {
        return Err(Fail::Invalid);
    }
    Ok((
        Huffman::checked(&lengths[..nlen])?,
        Huffman::checked(&lengths[nlen..nlen + ndist])?,
    ))
}

/// Decodes a compressed block's literals and matches until end-of-block,
/// on local copies of the reader and the output: through the references,
/// every symbol stored and reloaded both. `FIXED`: the codes are the
/// fixed ones, whose literals decode two at a time.
fn codes<const FIXED: bool>(
    bits: &mut Bits,
    out: &mut Vec<u8>,
    max: usize,
    lengths: &Lengths,
    dists: &Dists,
) -> std::result::Result<(), Fail> {
    let (mut b, mut o) = (*bits, std::mem::take(out));
    // A closure, so that an error still hands back the output so far.
    let done = (|| -> std::result::Result<(), Fail> {
        let (bits, out) = (&mut b, &mut o);
        loop {
            if FIXED {
                if bits.count < 2 * FAST_BITS as u32 {
                    bits.refill();
                }
                if let Some((pair, len)) = fixed_literal_pair(bits) {
                    if out.len() + 2 <= max {
                        out.extend_from_slice(&pair);
                        bits.buf >>= len;
                        bits.count -= len;
                        continue;
                    }
                }
            }
            let sym = lengths.decode(bits)?;
            if sym < 256 {
                if out.len() == max {
                    return Err(Fail::TooLong);
                }
                out.push(sym as u8);
                continue;
            }
            if sym == 256 {
                return Ok(());
            }
            let code = sym - 257;
            if code >= LENGTH_CODES {
                return Err(Fail::Invalid);
            }
            let len = 3
                + usize::from(BASE_LENGTH[code])
                + bits.bits(u32::from(EXTRA_LBITS[code]))? as usize;
            let code = dists.decode(bits)?;
            if code >= EXTRA_DBITS.len() {
                return Err(Fail::Invalid);
            }
            let dist = 1
                + usize::from(BASE_DIST[code])
                + bits.bits(u32::from(EXTRA_DBITS[code]))? as usize;
            if dist > out.len() {
                return Err(Fail::Invalid);
            }
            if out.len() + len > max {
                return Err(Fail::TooLong);
            }
            let start = out.len() - dist;
            if dist >= len {
                out.extend_from_within(start..start + len);
            } else {
                for k in 0..len {
                    out.push(out[start + k]);
                }
            }
        }
    })();
    (*bits, *out) = (b, o);
    done
}

/// The next two fixed codes when both are literals with their bits
/// buffered, and their length together. Fixed codes are 7 to 9 bits, so
/// the second's look-up starts with the first's, once at each length the
/// first may have: a pair of literals waits on one look-up, not two in a
/// row.
#[inline(always)]
fn fixed_literal_pair(bits: &Bits) -> Option<([u8; 2], u32)> {
    let at =
        |shift: u32| FIXED_LENGTHS.fast[((bits.buf >> shift) & ((1 << FAST_BITS) - 1)) as usize];
    let (first, at7, at8, at9) = (at(0), at(7), at(8), at(9));
    let len1 = first & 0xff;
    // Masks, not a select: a select of entries becomes a select of
    // addresses, and the second look-up then waits on the first again.
    // LLVM makes the masks branches on `len1`; a pick with no branch
    // (the three entries packed in one word, shifted by `len1`) measured
    // 7% slower on a parse of the benchmark's repeated token.
    let mask = |l: u32| 0u32.wrapping_sub(u32::from(len1 == l));
    let second = at7 & mask(7) | at8 & mask(8) | at9 & mask(9);
    let len = len1 + (second & 0xff);
    let literal = |entry: u32| entry < 256 << 8;
    (literal(first) && literal(second) && len <= bits.count)
        .then_some(([(first >> 8) as u8, (second >> 8) as u8], len))
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
    fn a_cap_between_two_paired_literals_stops_exactly_there() {
        // Forty distinct text bytes: literals only, in one fixed block.
        let payload: Vec<u8> = (b'0'..b'0' + 40).collect();
        let stream = compress(&payload);
        assert_eq!(stream[2] & 0b110, 0b010, "a fixed block");
        for max in [1, 2, 3, 38, 39] {
            let Err((e, Some(head))) = decompress_within(&stream, max) else {
                panic!("max {max}: not refused with the output so far")
            };
            assert_eq!(head, payload[..max], "max {max}");
            assert_eq!(e.message(), "token payload inflates past 1 MiB");
        }
        assert_eq!(decompress_within(&stream, 40).ok(), Some(payload));
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
