//! The inflater must accept exactly what C zlib's inflate accepts as one
//! whole stream (of at most 1 MiB), with the same output, and never panic.

#![no_main]

use flate2::{Decompress, FlushDecompress, Status};
use libfuzzer_sys::fuzz_target;
use rtctoken::zlib_fuzzing::{decompress, MAX_OUTPUT};

fuzz_target!(|data: &[u8]| {
    let mut d = Decompress::new(true);
    let mut out = Vec::with_capacity(MAX_OUTPUT + 1);
    let expected = match d.decompress_vec(data, &mut out, FlushDecompress::Finish) {
        Ok(Status::StreamEnd) if d.total_in() as usize == data.len() && out.len() <= MAX_OUTPUT => {
            Some(out)
        }
        _ => None,
    };
    assert!(decompress(data).ok() == expected);
});
