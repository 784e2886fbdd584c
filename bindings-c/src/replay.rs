//! The C vector replay's dispatch table, `tests/catalogue_calls.inc`,
//! generated from the catalogue: the harness (`tests/c_vectors.c`) runs
//! every catalogue call by name through its generated export, with one JSON
//! reader per catalogue type and no hand-written case per call.
//! `RTCTOKEN_BLESS=1 cargo test -p rtctoken-c --lib` rewrites it (as
//! `make header` does); the test fails while the committed file is stale.

use std::fmt::Write;
use std::path::PathBuf;

use rtctoken_core::catalogue::{call_info, ParamInfo};

use crate::calls::EXPORTS;

/// How the harness reads one parameter from a vector's `args`: a local to
/// declare and release (arrays), and the C arguments it becomes.
struct Reader {
    local: Option<(&'static str, &'static str)>,
    args: String,
}

fn reader(p: &ParamInfo) -> Reader {
    let n = p.name;
    let value = |args: String| Reader { local: None, args };
    // (C type of the local, its reader and release prefix)
    let array = |ty: &'static str, fun: &'static str, args: String| Reader {
        local: Some((ty, fun)),
        args,
    };
    match (p.ty.replace(' ', "").as_str(), p.default) {
        ("String", None) => value(format!("arg_text(a, \"{n}\", ok)")),
        ("u32", None) => value(format!("arg_u32(a, \"{n}\", ok)")),
        ("u32", Some(d)) => value(format!("arg_u32_or(a, \"{n}\", {d}, ok)")),
        ("i16", None) => value(format!("arg_i16(a, \"{n}\", ok)")),
        ("BTreeMap<u16,u32>", None) => array(
            "privilege_list",
            "privileges",
            format!("{n}.items, {n}.count"),
        ),
        ("Rtm2Permissions", None) => array(
            "permission_list",
            "permissions",
            format!("{n}.items, {n}.count"),
        ),
        ("Vec<Service>", None) => array("json_text", "json_text", format!("{n}.text")),
        (ty, default) => panic!("no C reader for {n}: {ty} (default {default:?})"),
    }
}

/// The whole generated file.
fn generate() -> String {
    let mut out = String::from(
        "/* Generated from the call catalogue by bindings-c/src/replay.rs; do not\n \
         * edit (`make header` rewrites it). Included by c_vectors.c, which\n \
         * defines the readers: arg_<type> for values, <type>_read and\n \
         * <type>_free for arrays. */\n",
    );
    for export in EXPORTS {
        let info = call_info(export.call).expect("every export is a catalogue call");
        let readers: Vec<_> = info.params.iter().map(reader).collect();
        let mut args: Vec<_> = readers.iter().map(|r| r.args.clone()).collect();
        if info.stamped {
            args.push("stamp".into());
        }
        args.push("out".into());
        let f = export.name().trim_start_matches("rtctoken_");
        write!(
            out,
            "\nstatic rtctoken_status call_{f}(\n    \
             const json_value *a, const rtctoken_stamp *stamp, char **out, int *ok) {{\n"
        )
        .unwrap();
        if !info.stamped {
            out.push_str("  (void)stamp;\n");
        }
        for (r, p) in readers.iter().zip(info.params) {
            if let Some((ty, fun)) = r.local {
                let n = p.name;
                writeln!(out, "  {ty} {n} = {fun}_read(a, \"{n}\", ok);").unwrap();
            }
        }
        writeln!(
            out,
            "  rtctoken_status status = {}(\n      {});",
            export.name(),
            args.join(",\n      ")
        )
        .unwrap();
        for (r, p) in readers.iter().zip(info.params) {
            if let Some((_, fun)) = r.local {
                writeln!(out, "  {fun}_free(&{});", p.name).unwrap();
            }
        }
        out.push_str("  return status;\n}\n");
    }
    out.push_str(
        "\n/* Every catalogue call by name. */\n\
         static const struct catalogue_call {\n  \
         const char *name;\n  \
         rtctoken_status (*run)(const json_value *, const rtctoken_stamp *, char **, int *);\n\
         } CATALOGUE[] = {\n",
    );
    for export in EXPORTS {
        let f = export.name().trim_start_matches("rtctoken_");
        writeln!(out, "    {{\"{}\", call_{f}}},", export.call).unwrap();
    }
    out.push_str("};\n");
    out
}

#[test]
fn replay_table_is_current() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/catalogue_calls.inc");
    let generated = generate();
    if std::env::var_os("RTCTOKEN_BLESS").is_some() {
        std::fs::write(&path, generated).expect("write tests/catalogue_calls.inc");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "tests/catalogue_calls.inc is stale: run `make -C bindings-c header` and commit it"
    );
}

#[test]
fn every_catalogue_call_is_exported() {
    let exported: Vec<_> = EXPORTS.iter().map(|e| e.call).collect();
    let catalogue: Vec<_> = rtctoken_core::catalogue::CALLS
        .iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(exported, catalogue);
}
