//! Links the benchmark against an installed librtctoken.so, as a C program
//! is: the one in `RTCTOKEN_LIB_DIR` (the Makefile stages the package
//! there first), and records that directory as the run path.

fn main() {
    println!("cargo:rerun-if-env-changed=RTCTOKEN_LIB_DIR");
    println!("cargo:rerun-if-changed=build.rs");
    if let Ok(lib) = std::env::var("RTCTOKEN_LIB_DIR") {
        println!("cargo:rustc-link-search=native={lib}");
        println!("cargo:rustc-link-arg-benches=-Wl,-rpath,{lib}");
    }
}
