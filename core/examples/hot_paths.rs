//! Runs one benchmarked operation many times, for instruction counts under
//! callgrind (steady on a shared machine, unlike wall-clock time):
//!
//! `valgrind --tool=callgrind target/release/examples/hot_paths <row> <n>`
//!
//! Rows: `build_fresh`, `build_fixed`, `build_hex` (fresh, in the
//! bindings' benchmark channel), `verify`, `parse` (the 007 parse
//! alone, what `verify` spends besides signing), `dk5`, `006`. `make
//! callgrind` runs each twice and prints instructions per call from the
//! difference, so start-up cost cancels out.

use std::hint::black_box;

use rtctoken::Stamp;

#[path = "../benches/rows.rs"]
mod rows;

fn main() {
    let mut args = std::env::args().skip(1);
    let row = args.next().unwrap_or_default();
    let n: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(1000);
    let token = rows::build_007(rows::fixed_stamp());
    for _ in 0..n {
        match row.as_str() {
            "build_fresh" => drop(rows::build_007(Stamp::default())),
            "build_fixed" => drop(rows::build_007(rows::fixed_stamp())),
            "build_hex" => drop(rows::build_007_in(rows::HEX_CHANNEL, Stamp::default())),
            "verify" => rows::verify_007(&token),
            "parse" => drop(rtctoken::parse(black_box(&token)).unwrap()),
            "dk5" => drop(rows::dynamic_key5()),
            "006" => drop(rows::build_006()),
            _ => {
                eprintln!(
                    "row must be build_fresh, build_fixed, build_hex, verify, parse, dk5 or 006"
                );
                std::process::exit(2)
            }
        }
    }
}
