//! Native half of the npm package `rtctoken`: a napi-rs addon that hands
//! every call to the `rtctoken` core. The builders are generated from the
//! core's call catalogue (`calls.rs`); the JavaScript layer (`lib/`) gives
//! them the upstream `agora-token` / `agora-access-token` shapes and checks
//! argument types and ranges. This crate only converts values, maps errors
//! to stable codes and keeps panics from crossing into Node.js.

#![deny(missing_docs)]
// napi-derive registers exports only outside `cfg(test)`, so in the unit-test
// build every export looks unused.
#![cfg_attr(test, allow(dead_code))]

#[cfg(feature = "bench")]
mod bench;
mod calls;
mod convert;
mod decode;
mod defaults;
mod errors;
mod tape;
