//! Prints the call catalogue as JSON, the input of every binding's stub
//! generator (`.pyi`, `native.d.ts`, `Native.java`): `cargo run -q -p
//! rtctoken --example catalogue`.

fn main() {
    let json = serde_json::to_string_pretty(rtctoken::catalogue::CALLS).expect("serializable");
    println!("{json}");
}
