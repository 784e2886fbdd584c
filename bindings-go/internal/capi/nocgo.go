//go:build !cgo

package capi

// The tokens are made by the Rust core in librtctoken.a, reached through cgo.
// Without cgo this undefined name is the one compile error, and it says why.
var _ = rtctoken_go_binding_requires_cgo__build_with_CGO_ENABLED_1_and_a_C_compiler
