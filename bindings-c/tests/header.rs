//! The committed C header must be exactly what cbindgen generates from the
//! current sources, so users never compile against a stale declaration.
//! `RTCTOKEN_BLESS=1 cargo test -p rtctoken-c --test header` rewrites it.

use std::path::PathBuf;

#[test]
fn header_is_current() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let config = cbindgen::Config::from_file(dir.join("cbindgen.toml")).expect("cbindgen.toml");
    let mut generated = Vec::new();
    cbindgen::Builder::new()
        .with_crate(&dir)
        .with_config(config)
        .generate()
        .expect("cbindgen could not generate the header")
        .write(&mut generated);
    let path = dir.join("include/rtctoken.h");
    if std::env::var_os("RTCTOKEN_BLESS").is_some() {
        std::fs::write(&path, &generated).expect("write include/rtctoken.h");
        return;
    }
    let committed = std::fs::read(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "include/rtctoken.h is stale: run `make -C bindings-c header` and commit it"
    );
}
