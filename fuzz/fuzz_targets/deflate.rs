//! The Rust deflate must write exactly C zlib's `compress()` bytes for any
//! input, and inflate them back.

#![no_main]

use libfuzzer_sys::fuzz_target;
use rtctoken::zlib_fuzzing::{compress, decompress};

fuzz_target!(|data: &[u8]| {
    let mut len = data.len() as libz_sys::uLongf + data.len() as libz_sys::uLongf / 1000 + 64;
    let mut expected = vec![0u8; len as usize];
    // SAFETY: both buffers are valid for the lengths passed.
    let status = unsafe {
        libz_sys::compress(
            expected.as_mut_ptr(),
            &mut len,
            data.as_ptr(),
            data.len() as libz_sys::uLong,
        )
    };
    assert_eq!(status, libz_sys::Z_OK);
    expected.truncate(len as usize);
    let ours = compress(data);
    assert!(
        ours == expected,
        "deflate differs from C zlib on {} bytes",
        data.len()
    );
    assert!(decompress(&ours).ok().as_deref() == Some(data));
});
