//! Native half of the npm package `rtctoken`: a napi-rs addon that hands
//! every call to the `rtctoken` core. The JavaScript layer (`lib/`) gives it
//! the upstream `agora-token` / `agora-access-token` shapes and checks the
//! argument types and ranges; this crate only converts values, maps errors to
//! stable codes and keeps panics from crossing into Node.js.

#![deny(missing_docs)]
// napi-derive registers exports only outside `cfg(test)`, so in the unit-test
// build every export looks unused.
#![cfg_attr(test, allow(dead_code))]

mod builders;
mod convert;
mod decode;
mod errors;
mod legacy;
mod raw;
