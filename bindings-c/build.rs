//! Gives librtctoken.so a versioned SONAME on Linux, so programs linked
//! against it record `librtctoken.so.0` (the installed file name) rather
//! than a build path.

fn main() {
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux") {
        println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,librtctoken.so.0");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
