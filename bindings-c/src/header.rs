//! The committed C header must be exactly what cbindgen generates from the
//! current sources, so users never compile against a stale declaration.
//! cbindgen does not expand macros, so the catalogue exports reach it as
//! the declarations `calls.rs` generates alongside them; the core's role
//! ids reach it as constants declared here from its table.
//! `RTCTOKEN_BLESS=1 cargo test -p rtctoken-c --lib header` rewrites it.

use std::path::PathBuf;

use rtctoken_core::builders::ROLES;

/// Every role of the core's builders as `RTCTOKEN_<BUILDER>_ROLE_<ROLE>`
/// (a C macro; the C++ role enums are set from these).
fn role_declarations() -> String {
    ROLES
        .iter()
        .flat_map(|&(builder, roles)| {
            roles.iter().map(move |&(id, role)| {
                format!(
                    "/// A role of `rtctoken_{builder}_*`.\n\
                     pub const RTCTOKEN_{}_ROLE_{}: u32 = {id};\n",
                    builder.to_uppercase(),
                    role.to_uppercase()
                )
            })
        })
        .collect()
}

#[test]
fn header_is_current() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let config = cbindgen::Config::from_file(dir.join("cbindgen.toml")).expect("cbindgen.toml");
    let declarations =
        std::env::temp_dir().join(format!("rtctoken-c-declarations-{}.rs", std::process::id()));
    std::fs::write(
        &declarations,
        crate::calls::EXPORTS
            .iter()
            .map(|e| e.declaration)
            .collect::<String>()
            + &role_declarations(),
    )
    .expect("write declarations");
    let mut generated = Vec::new();
    let bindings = cbindgen::Builder::new()
        .with_src(&declarations)
        .with_crate(&dir)
        .with_config(config)
        .generate();
    std::fs::remove_file(&declarations).ok();
    bindings
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
