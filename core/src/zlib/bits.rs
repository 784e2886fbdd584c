//! The LSB-first bit stream deflate blocks are written into.

/// Appends bit fields to the output, least significant bit first.
pub(super) struct BitWriter {
    pub(super) out: Vec<u8>,
    buf: u64,
    used: u32,
}

impl BitWriter {
    pub(super) fn new(out: Vec<u8>) -> Self {
        BitWriter {
            out,
            buf: 0,
            used: 0,
        }
    }

    /// Appends the low `len` (at most 16) bits of `value`.
    #[inline(always)]
    pub(super) fn send(&mut self, value: u16, len: u16) {
        self.buf |= u64::from(value) << self.used;
        self.used += u32::from(len);
        if self.used >= 32 {
            self.out.extend_from_slice(&(self.buf as u32).to_le_bytes());
            self.buf >>= 32;
            self.used -= 32;
        }
    }

    /// Appends a code [`packed`](super::tables::packed) with its count (at
    /// most 32 bits).
    #[inline(always)]
    pub(super) fn put(&mut self, packed: u64) {
        self.buf |= (packed & 0xffff_ffff) << self.used;
        self.used += (packed >> 32) as u32;
        if self.used >= 32 {
            self.out.extend_from_slice(&(self.buf as u32).to_le_bytes());
            self.buf >>= 32;
            self.used -= 32;
        }
    }

    /// Pads with zero bits to a byte boundary (zlib's `bi_windup`).
    pub(super) fn align(&mut self) {
        let bytes = self.used.div_ceil(8) as usize;
        self.out.extend_from_slice(&self.buf.to_le_bytes()[..bytes]);
        self.buf = 0;
        self.used = 0;
    }
}
